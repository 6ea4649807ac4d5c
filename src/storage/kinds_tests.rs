//! Kinds × operations: one sample of every kind of the reader's work taken through every
//! operation on it, each pair a test.
//!
//! A new [`Kind`] does not compile here until [`sample`] makes one and [`marker`] says how to
//! find it; a new [`Operation`] does not compile until [`check`] runs it. The table test then
//! runs every pair, so nothing can reach one operation and not another.

use std::collections::BTreeSet;
use std::path::Path;

use strum::{EnumIter, IntoEnumIterator};

use super::atomic::RealFileSystem;
use super::notebook_dir::NotebookStore;
use super::profile::Profile;
use crate::model::annotation::{Annotation, Category, DivergedNote};
use crate::model::annotation_export::{AnnotationFormat, Coverage, Scope, export_notebook};
use crate::model::archive::{from_archive, to_archive};
use crate::model::comparison::{CarriedFrom, Comparison, ComparisonNote, WordingInput};
use crate::model::diff::Normalization;
use crate::model::group::shareable;
use crate::model::library::Library;
use crate::model::notebook::{Contents, Edit, Kind, Notebook};
use crate::model::notebook_import::import_file;
use crate::model::people_places::{Entity, EntityKind};
use crate::model::text::Text;

const NOW: &str = "2026-12-07T10:00:00Z";

/// Every operation on the reader's work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter)]
enum Operation {
    /// Saved into the folder of records and loaded again.
    SaveAndLoad,
    /// Carried to another device's copy of the folder, with a conflict copy beside each record,
    /// merged.
    SyncMerge,
    /// A snapshot in `backups/`, read back.
    Snapshot,
    /// The previous save (`annotations.json.bak`), read back.
    PreviousSave,
    /// A restore from a backup that lacks it (kept or in the Trash), then one that has it.
    Restore,
    /// Each export format: what [`AnnotationFormat::coverage`] promises is in it.
    Export,
    /// The notebook archive, written and imported into an empty profile.
    ArchiveRoundTrip,
    /// Changed or deleted, then undone: back as it was.
    UndoAndTrash,
    /// Search everything: found where [`searches`] says it is searched, and not otherwise.
    Search,
    /// Shared with a study group, by every id the notebook has: in the group's folder when
    /// [`shareable`] says the kind can be shared, and nowhere in it otherwise.
    ShareWithGroup,
}

fn library() -> Library {
    let meta = crate::formats::text_format::TextMeta {
        id: "union-text".into(),
        title: "On the union".into(),
        ..crate::formats::text_format::TextMeta::default()
    };
    Library::new(vec![Text::new(
        meta,
        ["The formal unification of the republics in a Union.".to_owned()],
    )])
}

fn comparison() -> Comparison {
    Comparison::from_wordings(
        "own-marker-comparison",
        "Comparison marker-comparison",
        vec![
            WordingInput::pasted("Draft", "The entry of the republics into the RSFSR."),
            WordingInput::pasted("Amendment", "The formal unification of the republics."),
        ],
        &Normalization::default(),
    )
    .expect("two wordings make a comparison")
}

fn note(id: &str, comparison: &Comparison, text: &str) -> ComparisonNote {
    ComparisonNote {
        note: text.into(),
        quote: "formal unification".into(),
        reference_quote: "entry".into(),
        witness: Some("Amendment".into()),
        reference: Some("Draft".into()),
        ..ComparisonNote::new(id.into(), comparison, 0, None, &NOW.into())
    }
}

fn annotation(id: &str, note: &str) -> Annotation {
    let library = library();
    let text = library.get("union-text").expect("the sample text");
    Annotation {
        note: note.into(),
        tags: vec!["union".into()],
        ..Annotation::new(id, text, (4..23).into(), Some("key-argument"), &NOW.into())
    }
}

/// A person of the reader's own, made up, with two spellings.
fn person() -> Entity {
    Entity {
        id: "own-marker".into(),
        kind: EntityKind::Person,
        name: "Sergo Markeridze".into(),
        variants: vec!["Markeridze".into(), "Markeridse".into()],
        russian: Vec::new(),
        about: "A Bolshevik of the Caucasus, made up for this test".into(),
        about_source: "the test".into(),
        wikidata: None,
        caption_only: false,
    }
}

/// A notebook holding one of `kind` (and what it needs: a note on a comparison needs its
/// comparison).
fn sample(kind: Kind) -> Contents {
    let mut contents = Contents::default();
    match kind {
        Kind::Annotation => {
            contents.annotations = crate::model::annotation_set::Annotations::from_parts(
                vec![annotation("a1", "marker-annotation")],
                Vec::new(),
            );
        }
        Kind::TrashedAnnotation => {
            contents.annotations = crate::model::annotation_set::Annotations::from_parts(
                Vec::new(),
                vec![annotation("a2", "marker-trashed-annotation")],
            );
        }
        Kind::ComparisonNote => {
            let comparison = comparison();
            contents
                .comparison_notes
                .push(note("n1", &comparison, "marker-comparison-note"));
            contents.comparisons.push(comparison);
        }
        Kind::TrashedComparisonNote => {
            let comparison = comparison();
            contents.comparison_notes_trash.push(note(
                "n2",
                &comparison,
                "marker-trashed-comparison-note",
            ));
            contents.comparisons.push(comparison);
        }
        Kind::CarriedNote => {
            let comparison = comparison();
            contents.comparison_notes.push(ComparisonNote {
                carried_from: Some(CarriedFrom {
                    witness: "marker-carried-witness".into(),
                    quote: "entry".into(),
                    source: "comparison note n0".into(),
                }),
                ..note("n3", &comparison, "carried")
            });
            contents.comparisons.push(comparison);
        }
        Kind::Comparison => {
            let comparison = comparison();
            contents
                .comparison_notes
                .push(note("n4", &comparison, "on a comparison of my own"));
            contents.comparisons.push(comparison);
        }
        Kind::Category => {
            contents.categories.push(Category {
                category_id: "own-category".into(),
                name: "marker-category".into(),
                color: [10, 120, 200],
            });
        }
        Kind::StudyEntry => {
            contents.study.people.push(person());
        }
        Kind::DivergedNote => {
            let mut annotation = annotation("a3", "mine");
            annotation.diverged_notes.push(DivergedNote {
                note: "marker-diverged-note".into(),
                device: "other".into(),
                modified: NOW.into(),
            });
            contents.annotations =
                crate::model::annotation_set::Annotations::from_parts(vec![annotation], Vec::new());
        }
    }
    assert!(
        contents.count_of(kind) > 0,
        "the sample of {kind:?} holds one"
    );
    contents
}

/// What to search for to find the sample of `kind`.
fn query(kind: Kind) -> &'static str {
    match kind {
        Kind::CarriedNote => "carried",
        Kind::Comparison => "republics into the RSFSR",
        Kind::StudyEntry => "Markeridze",
        Kind::Annotation
        | Kind::TrashedAnnotation
        | Kind::ComparisonNote
        | Kind::TrashedComparisonNote
        | Kind::Category
        | Kind::DivergedNote => marker(kind),
    }
}

/// Whether an export shows the sample of `kind`.
fn shows(kind: Kind, written: &str) -> bool {
    // A comparison of the reader's own is listed with its witnesses, or written whole.
    if kind == Kind::Comparison {
        return written.contains("Draft; Amendment")
            || written.contains("The entry of the republics into the RSFSR.");
    }
    written.contains(marker(kind))
}

/// What an export shows of the sample of `kind`.
fn marker(kind: Kind) -> &'static str {
    match kind {
        Kind::Annotation => "marker-annotation",
        Kind::TrashedAnnotation => "marker-trashed-annotation",
        Kind::ComparisonNote => "marker-comparison-note",
        Kind::TrashedComparisonNote => "marker-trashed-comparison-note",
        Kind::CarriedNote => "marker-carried-witness",
        Kind::Comparison => "Draft; Amendment",
        Kind::Category => "marker-category",
        Kind::StudyEntry => "Sergo Markeridze",
        Kind::DivergedNote => "marker-diverged-note",
    }
}

/// The ids of everything of `kind` in `contents`, to compare before and after an operation.
fn items(contents: &Contents, kind: Kind) -> BTreeSet<String> {
    let notes = |list: &[ComparisonNote]| -> BTreeSet<String> {
        list.iter().map(|n| format!("{n:?}")).collect()
    };
    match kind {
        Kind::Annotation => contents
            .annotations
            .live()
            .iter()
            .map(|a| format!("{a:?}"))
            .collect(),
        Kind::TrashedAnnotation => contents
            .annotations
            .trash()
            .iter()
            .map(|a| format!("{a:?}"))
            .collect(),
        Kind::ComparisonNote => notes(&contents.comparison_notes),
        Kind::TrashedComparisonNote => notes(&contents.comparison_notes_trash),
        Kind::CarriedNote => contents
            .comparison_notes
            .iter()
            .chain(&contents.comparison_notes_trash)
            .filter(|n| n.carried_from.is_some())
            .map(|n| format!("{:?}", n.carried_from))
            .collect(),
        Kind::Comparison => contents.comparisons.iter().map(|c| c.id.clone()).collect(),
        Kind::Category => contents
            .categories
            .iter()
            .map(|c| format!("{c:?}"))
            .collect(),
        Kind::StudyEntry => contents
            .study
            .people
            .iter()
            .map(|p| format!("{p:?}"))
            .collect(),
        Kind::DivergedNote => contents
            .annotations
            .live()
            .iter()
            .chain(contents.annotations.trash())
            .flat_map(|a| a.diverged_notes.iter().map(|d| format!("{d:?}")))
            .collect(),
    }
}

/// Whether everything of `kind` in `before` is somewhere in `after`: the same, or (for the
/// kinds with a Trash) moved there.
fn nothing_lost(before: &Contents, after: &Contents, kind: Kind) -> bool {
    let wanted = items(before, kind);
    let mut found = items(after, kind);
    match kind {
        Kind::Annotation => found.extend(items(after, Kind::TrashedAnnotation)),
        Kind::ComparisonNote => found.extend(items(after, Kind::TrashedComparisonNote)),
        Kind::TrashedAnnotation
        | Kind::TrashedComparisonNote
        | Kind::CarriedNote
        | Kind::Comparison
        | Kind::Category
        | Kind::StudyEntry
        | Kind::DivergedNote => {}
    }
    wanted.is_subset(&found)
}

fn notebook_of(contents: Contents) -> Notebook {
    let mut notebook = Notebook::new(contents);
    notebook.reanchor(&library());
    notebook
}

/// Runs `operation` on the sample of `kind`, in a profile that belongs to a study group; an
/// error says what went wrong. After every operation, nothing of the sample is in any file of
/// the group's folder unless the operation shared it.
fn check(kind: Kind, operation: Operation) -> Result<(), String> {
    let contents = sample(kind);
    let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let profile = Profile::open(Some(temp.path())).map_err(|e| e.to_string())?;
    let dir = temp.path();
    let elsewhere = tempfile::tempdir().map_err(|e| e.to_string())?;
    let group_dir = elsewhere.path().join("seminar");
    super::groups::join(dir, &group_dir, Some("Seminar"), "Anna", NOW.into())
        .map_err(|e| e.to_string())?;
    let done = run(kind, operation, &profile, contents);
    let shared = operation == Operation::ShareWithGroup && shareable(kind);
    for file in walk(&group_dir) {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        if !shared && shows(kind, &text) {
            return Err(format!(
                "the private {kind:?} is in the group's folder: {}",
                file.display()
            ));
        }
    }
    done
}

fn run(
    kind: Kind,
    operation: Operation,
    profile: &Profile,
    contents: Contents,
) -> Result<(), String> {
    let dir = profile.dir();
    match operation {
        Operation::SaveAndLoad => save_and_load(dir, &contents),
        Operation::SyncMerge => sync_merge(kind, dir, &contents),
        Operation::Snapshot => snapshot(kind, profile, &contents),
        Operation::PreviousSave => previous_save(profile, &contents),
        Operation::Restore => restore(kind, &contents),
        Operation::Export => export(kind, &contents),
        Operation::ArchiveRoundTrip => archive_round_trip(&contents),
        Operation::Search => search(kind, contents),
        Operation::UndoAndTrash => undo_and_trash(kind, &contents),
        Operation::ShareWithGroup => share_with_group(kind, dir, &contents),
    }
}

/// Every id the notebook `contents` has, of every kind.
fn every_id(contents: &Contents) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    ids.extend(
        contents
            .annotations
            .live()
            .iter()
            .chain(contents.annotations.trash())
            .map(|a| a.annotation_id.clone()),
    );
    ids.extend(
        contents
            .comparison_notes
            .iter()
            .chain(&contents.comparison_notes_trash)
            .map(|n| n.note_id.clone()),
    );
    ids.extend(contents.comparisons.iter().map(|c| c.id.clone()));
    ids.extend(contents.categories.iter().map(|c| c.category_id.clone()));
    ids.extend(contents.study.people.iter().map(|p| p.id.clone()));
    ids
}

/// Shares whatever of `contents` can be shared with the group `dir` joined; the sample of
/// `kind` is then in the group's layer, signed, exactly when its kind can be shared.
fn share_with_group(kind: Kind, dir: &Path, contents: &Contents) -> Result<(), String> {
    let group = super::groups::find_group(dir, "Seminar").ok_or("the group is joined")?;
    let identity = super::groups::identity(dir, "Anna").map_err(|e| e.to_string())?;
    for id in every_id(contents) {
        if let Some(body) = crate::model::group::share_of(contents, &id) {
            super::groups::share(&group, &identity, body, NOW.into()).map_err(|e| e.to_string())?;
        }
    }
    let read = super::groups::read_group("Seminar", &group.dir);
    let in_layer = read
        .layer
        .entries
        .iter()
        .filter(|e| e.authorship.is_verified())
        .any(|e| {
            shows(
                kind,
                &serde_json::to_string(&e.record.body).unwrap_or_default(),
            )
        });
    match (shareable(kind), in_layer) {
        (true, false) => Err("shared, but not in the group's layer".into()),
        (false, true) => Err("a kind that stays private is in the group's layer".into()),
        (true, true) | (false, false) => Ok(()),
    }
}

/// Saves `contents` into the folder of records in `dir` and loads it again: the same.
fn save_and_load(dir: &Path, contents: &Contents) -> Result<(), String> {
    let mut store = NotebookStore::new(dir, "device-a");
    store
        .save(&RealFileSystem, contents, 1)
        .map_err(|e| e.to_string())?;
    let (_, loaded, _) =
        NotebookStore::load(dir, "device-a", 2, Vec::new).map_err(|e| e.to_string())?;
    (loaded == *contents)
        .then_some(())
        .ok_or(format!("loaded {loaded:?}"))
}

/// Saves `contents` in `dir`, lets another device add to the folder with a conflict copy beside
/// every record, and loads the merge: nothing of `kind` is lost, and the other device's annotation
/// is there.
fn sync_merge(kind: Kind, dir: &Path, contents: &Contents) -> Result<(), String> {
    let mut store = NotebookStore::new(dir, "device-a");
    store
        .save(&RealFileSystem, contents, 1)
        .map_err(|e| e.to_string())?;
    // Another device opens the synced folder and adds an annotation of its own; every
    // record also has a Syncthing conflict copy beside it.
    let (mut other, mut theirs, _) =
        NotebookStore::load(dir, "device-b", 3, Vec::new).map_err(|e| e.to_string())?;
    theirs
        .annotations
        .apply(crate::model::annotation_set::AnnotationEdit::Add(
            annotation("b1", "from device b"),
        ));
    other
        .save(&RealFileSystem, &theirs, 4)
        .map_err(|e| e.to_string())?;
    for file in walk(&dir.join("notebook")) {
        let name = file.file_stem().map(|s| s.to_string_lossy().into_owned());
        let copy = file.with_file_name(format!(
            "{}.sync-conflict-20261207-100000-ABCDEFG.json",
            name.unwrap_or_default()
        ));
        std::fs::copy(&file, copy).map_err(|e| e.to_string())?;
    }
    let (_, merged, report) =
        NotebookStore::load(dir, "device-a", 5, Vec::new).map_err(|e| e.to_string())?;
    if report.merged_files.is_empty() {
        return Err("no conflict copy was merged".into());
    }
    (nothing_lost(contents, &merged, kind) && merged.annotations.get("b1").is_some())
        .then_some(())
        .ok_or(format!("merged {merged:?}"))
}

/// Writes `contents` as a snapshot of `profile` and reads it back: the same, and listed with its
/// count of `kind`.
fn snapshot(kind: Kind, profile: &Profile, contents: &Contents) -> Result<(), String> {
    let bytes = contents.to_bytes().map_err(|e| e.to_string())?;
    let path = super::backups::snapshot_now(&RealFileSystem, profile, &bytes)
        .map_err(|e| e.to_string())?
        .ok_or("no snapshot was written")?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let read = super::backups::read(profile, &name)?;
    let listed = super::backups::list(profile);
    let counted = listed
        .first()
        .and_then(|b| b.counts.as_ref().ok())
        .map(|c| c.of(kind));
    (read == *contents && counted == Some(contents.count_of(kind)))
        .then_some(())
        .ok_or(format!(
            "snapshot read back as {read:?}, counted {counted:?}"
        ))
}

/// Saves `contents` in `profile`, then an empty notebook over it: the previous save reads back
/// as `contents`.
fn previous_save(profile: &Profile, contents: &Contents) -> Result<(), String> {
    contents.save(profile).map_err(|e| e.to_string())?;
    Contents::default()
        .save(profile)
        .map_err(|e| e.to_string())?;
    let read = super::backups::read(profile, super::backups::PREVIOUS_SAVE)?;
    (read == *contents)
        .then_some(())
        .ok_or(format!("previous save read back as {read:?}"))
}

/// Restores a backup that lacks the sample of `kind` (nothing is lost, and undo takes it back),
/// then one that has it into an empty notebook (it comes back).
fn restore(kind: Kind, contents: &Contents) -> Result<(), String> {
    let library = library();
    // A backup that lacks it: nothing of it is lost.
    let mut notebook = notebook_of(contents.clone());
    let report = notebook
        .restore_from(Contents::default(), &library)
        .map_err(|e| e.to_string())?;
    let after = notebook.to_contents();
    if !nothing_lost(contents, &after, kind) {
        return Err(format!("the restore lost it: {after:?} ({report:?})"));
    }
    notebook
        .edit(Edit::Undo, &NOW.into())
        .map_err(|e| e.to_string())?;
    if notebook.to_contents() != *contents {
        return Err(format!("undo gave {:?}", notebook.to_contents()));
    }
    // A backup that has it, restored into a notebook without it: it comes back.
    let mut empty = notebook_of(Contents::default());
    empty
        .restore_from(contents.clone(), &library)
        .map_err(|e| e.to_string())?;
    let back = empty.to_contents();
    (items(&back, kind) == items(contents, kind))
        .then_some(())
        .ok_or(format!("restored into an empty notebook: {back:?}"))
}

/// Exports `contents` in every format: the sample of `kind` is in those whose coverage says it
/// is written, counted, and in none of the others.
fn export(kind: Kind, contents: &Contents) -> Result<(), String> {
    let notebook = notebook_of(contents.clone());
    for format in AnnotationFormat::ALL {
        let (written, counts) =
            export_notebook(&notebook, &library(), format, Scope::Notebook, |_| true);
        match format.coverage(kind) {
            Coverage::Written => {
                if !shows(kind, &written) {
                    return Err(format!("{format:?} lacks it:\n{written}"));
                }
                if counts.of(kind) != contents.count_of(kind) {
                    return Err(format!("{format:?} counted {counts:?}"));
                }
            }
            Coverage::LeftOut(why) => {
                if shows(kind, &written) || why.is_empty() {
                    return Err(format!("{format:?} holds what it says it leaves out"));
                }
            }
        }
    }
    // The PDF to print holds what the Markdown export holds, as pdftotext reads it back.
    let (pdf, counts) = crate::model::annotation_export::export_notes_pdf(
        &notebook,
        &library(),
        crate::formats::cite::CitationStyle::Lectern,
        Scope::Notebook,
        |_| true,
    )
    .map_err(|e| e.to_string())?;
    let printed = pdftotext(&pdf);
    let written = matches!(AnnotationFormat::Markdown.coverage(kind), Coverage::Written);
    if shows(kind, &printed) != written {
        return Err(format!(
            "the printed notes (written: {written}):\n{printed}"
        ));
    }
    if written && counts.of(kind) != contents.count_of(kind) {
        return Err(format!("the printed notes counted {counts:?}"));
    }
    Ok(())
}

/// The words of a PDF as poppler's pdftotext reads them, lines joined by spaces.
fn pdftotext(pdf: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pdftotext")
        .args(["-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils, installed by .ci/run)");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(pdf).expect("pdftotext reads the PDF");
    }
    let output = child.wait_with_output().expect("pdftotext's output");
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes `contents` as the notebook archive, reads it back, and imports it into an empty
/// notebook: the same each time.
fn archive_round_trip(contents: &Contents) -> Result<(), String> {
    let archive = to_archive(contents);
    if from_archive(&archive).map_err(|e| e.to_string())? != *contents {
        return Err("the archive does not read back as written".into());
    }
    let mut empty = notebook_of(Contents::default());
    import_file(&mut empty, &archive, &library()).map_err(|e| e.to_string())?;
    (empty.to_contents() == *contents)
        .then_some(())
        .ok_or(format!("imported as {:?}", empty.to_contents()))
}

/// Searches everything in `contents` for the sample of `kind`: found where [`searches`] says it
/// is searched, and not otherwise.
fn search(kind: Kind, contents: Contents) -> Result<(), String> {
    use crate::model::search::SearchOptions;
    use crate::model::search::everything::{WorkIndex, search_everything, searches};
    let notebook = notebook_of(contents);
    let work = WorkIndex::of_notebook(&notebook, &[], false);
    let (names, problems) = notebook
        .study()
        .index(&crate::model::people_places::Index::bundled());
    if !problems.is_empty() {
        return Err(format!("the study entries were refused: {problems:?}"));
    }
    let found = search_everything(
        query(kind),
        SearchOptions::default(),
        &names,
        std::iter::empty(),
        &work,
        10,
    );
    let any = !found.hits.is_empty() || !found.also_searched.is_empty();
    match searches(kind) {
        Ok(()) if any => Ok(()),
        Ok(()) => Err(format!("not found: {found:?}")),
        Err(_) if any => Err(format!("found what is not searched: {found:?}")),
        Err(_) => Ok(()),
    }
}

/// Changes or deletes the sample of `kind` (kept in the Trash where it has one), then undoes
/// that: back as it was.
fn undo_and_trash(kind: Kind, contents: &Contents) -> Result<(), String> {
    let mut notebook = notebook_of(contents.clone());
    let edit = match kind {
        Kind::Annotation | Kind::DivergedNote => {
            let id = notebook.annotations().live()[0].annotation_id.clone();
            Edit::DeleteAnnotation(id)
        }
        Kind::TrashedAnnotation => {
            let id = notebook.annotations().trash()[0].annotation_id.clone();
            Edit::RestoreAnnotation(id)
        }
        Kind::ComparisonNote | Kind::CarriedNote | Kind::Comparison => {
            Edit::DeleteComparisonNote(notebook.comparison_notes()[0].note_id.clone())
        }
        Kind::TrashedComparisonNote => {
            Edit::RestoreComparisonNote(notebook.comparison_notes_trash()[0].note_id.clone())
        }
        Kind::Category => Edit::SetCategories(Vec::new()),
        Kind::StudyEntry => Edit::SetStudy(crate::model::own_entries::OwnEntries::default()),
    };
    if !notebook
        .edit(edit, &NOW.into())
        .map_err(|e| e.to_string())?
    {
        return Err("the change did not apply".into());
    }
    let changed = notebook.to_contents();
    let trash_keeps_it = match kind {
        Kind::Annotation
        | Kind::DivergedNote
        | Kind::ComparisonNote
        | Kind::CarriedNote
        | Kind::Comparison => nothing_lost(contents, &changed, kind),
        Kind::TrashedAnnotation | Kind::TrashedComparisonNote => changed.count_of(kind) == 0,
        Kind::Category | Kind::StudyEntry => changed.count_of(kind) == 0,
    };
    if !trash_keeps_it {
        return Err(format!("after the change: {changed:?}"));
    }
    notebook
        .edit(Edit::Undo, &NOW.into())
        .map_err(|e| e.to_string())?;
    (notebook.to_contents() == *contents)
        .then_some(())
        .ok_or(format!("undo gave {:?}", notebook.to_contents()))
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

/// The whole table: every kind through every operation.
#[test]
fn every_kind_reaches_every_operation() {
    let mut failures = Vec::new();
    for kind in Kind::iter() {
        for operation in Operation::iter() {
            if let Err(why) = check(kind, operation) {
                failures.push(format!("{kind:?} × {operation:?}: {why}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
