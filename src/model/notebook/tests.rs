use super::*;
use crate::formats::text_format::TextMeta;
use crate::model::comparison::WordingInput;
use crate::model::diff::Normalization;
use crate::model::text::CharRange;
use crate::model::text::Text;

const NOW: &str = "2026-11-30T10:00:00Z";
const LATER: &str = "2026-11-30T11:00:00Z";

fn text(id: &str, paragraphs: &[&str]) -> Text {
    Text::new(
        TextMeta {
            id: id.into(),
            ..TextMeta::default()
        },
        paragraphs.iter().map(|p| (*p).to_owned()),
    )
}

fn clause() -> Text {
    text(
        "clause",
        &["the formal unification of the independent republics with the R.S.F.S.R."],
    )
}

fn annotation(id: &str, note: &str) -> Annotation {
    Annotation {
        note: note.into(),
        tags: vec!["union".into()],
        ..Annotation::new(
            id,
            &clause(),
            (4..22).into(),
            Some("key-argument"),
            &NOW.into(),
        )
    }
}

fn notes(notebook: &Notebook) -> Vec<(String, String)> {
    notebook
        .annotations()
        .live()
        .iter()
        .map(|a| (a.annotation_id.clone(), a.note.clone()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn comparison(id: &str, long: bool) -> Comparison {
    let filler = if long {
        "слово ".repeat(9_000)
    } else {
        String::new()
    };
    Comparison::from_wordings(
        id,
        "Clause 1",
        vec![
            WordingInput::pasted(
                "Stalin",
                &format!("1. о формальном вступлении в состав РСФСР\n\n2. {filler}конец"),
            ),
            WordingInput::pasted(
                "Lenin",
                &format!("1. формальное объединение вместе с РСФСР\n\n2. {filler}конец"),
            ),
        ],
        &Normalization::wording(),
    )
    .unwrap()
}

fn comparison_note(id: &str, on: &Comparison, segment: usize, note: &str) -> ComparisonNote {
    ComparisonNote {
        note: note.into(),
        ..ComparisonNote::new(id.into(), on, segment, None, &NOW.into())
    }
}

fn add(notebook: &mut Notebook, annotation: Annotation) -> bool {
    notebook
        .edit(Edit::AddAnnotation(annotation), &NOW.into())
        .unwrap()
}

#[test]
fn every_annotation_edit_is_undone_and_redone_exactly() {
    let mut notebook = Notebook::default();
    assert!(add(&mut notebook, annotation("a", "first")));
    assert!(add(&mut notebook, annotation("b", "")));
    assert!(
        notebook
            .edit(
                Edit::ChangeAnnotation(annotation("a", "edited")),
                &LATER.into()
            )
            .unwrap()
    );
    assert!(
        notebook
            .edit(Edit::DeleteAnnotation("b".into()), &NOW.into())
            .unwrap()
    );
    assert_eq!(notes(&notebook), pairs(&[("a", "edited")]));
    assert_eq!(notebook.annotations().trash().len(), 1);
    assert_eq!(notebook.annotations().get("a").unwrap().modified, LATER);
    let after = notebook.contents().clone();

    assert!(notebook.edit(Edit::Undo, &NOW.into()).unwrap()); // the delete
    assert_eq!(notes(&notebook), pairs(&[("a", "edited"), ("b", "")]));
    assert!(notebook.annotations().trash().is_empty());
    assert!(notebook.edit(Edit::Undo, &NOW.into()).unwrap()); // the change
    assert_eq!(notes(&notebook), pairs(&[("a", "first"), ("b", "")]));
    assert_eq!(notebook.annotations().get("a").unwrap().modified, NOW);
    assert!(notebook.edit(Edit::Undo, &NOW.into()).unwrap()); // add b
    assert!(notebook.edit(Edit::Undo, &NOW.into()).unwrap()); // add a
    assert!(notebook.annotations().live().is_empty());
    assert!(
        notebook.annotations().trash().is_empty(),
        "undoing a creation does not fill the trash"
    );
    assert!(
        !notebook.edit(Edit::Undo, &NOW.into()).unwrap(),
        "nothing left"
    );

    for _ in 0..4 {
        assert!(notebook.edit(Edit::Redo, &NOW.into()).unwrap());
    }
    assert!(!notebook.can_redo());
    assert_eq!(notebook.contents(), &after);
}

#[test]
fn a_new_edit_clears_redo_and_a_restore_from_the_trash_is_undoable() {
    let mut notebook = Notebook::default();
    add(&mut notebook, annotation("a", "keep me"));
    notebook
        .edit(Edit::DeleteAnnotation("a".into()), &NOW.into())
        .unwrap();
    assert!(notebook.annotations().get("a").is_none());
    assert_eq!(notebook.annotations().trash()[0].note, "keep me");
    notebook.edit(Edit::Undo, &NOW.into()).unwrap();
    assert!(notebook.can_redo());
    notebook
        .edit(Edit::DeleteAnnotation("a".into()), &NOW.into())
        .unwrap();
    assert!(!notebook.can_redo(), "a new edit clears redo");
    assert!(
        notebook
            .edit(Edit::RestoreAnnotation("a".into()), &NOW.into())
            .unwrap()
    );
    assert_eq!(notebook.annotations().get("a").unwrap().note, "keep me");
    assert!(notebook.edit(Edit::Undo, &NOW.into()).unwrap());
    assert!(notebook.annotations().get("a").is_none());
}

#[test]
fn edits_that_do_not_apply_change_nothing_and_do_not_count() {
    let mut notebook = Notebook::default();
    add(&mut notebook, annotation("a", ""));
    let (before, revision) = (notebook.contents().clone(), notebook.revision());
    assert!(!add(&mut notebook, annotation("a", "duplicate id")));
    assert!(
        !notebook
            .edit(Edit::DeleteAnnotation("missing".into()), &NOW.into())
            .unwrap()
    );
    assert!(
        !notebook
            .edit(
                Edit::ChangeAnnotation(annotation("missing", "")),
                &NOW.into()
            )
            .unwrap()
    );
    assert!(
        !notebook
            .edit(Edit::ChangeAnnotation(annotation("a", "")), &LATER.into())
            .unwrap(),
        "a change that changes nothing is no step"
    );
    assert!(
        !notebook
            .edit(Edit::RestoreAnnotation("a".into()), &NOW.into())
            .unwrap(),
        "a live annotation is not in the trash"
    );
    assert!(
        !notebook
            .edit(Edit::SetCategories(default_categories()), &NOW.into())
            .unwrap()
    );
    assert_eq!(notebook.contents(), &before);
    assert_eq!(notebook.revision(), revision);
    notebook.edit(Edit::Undo, &NOW.into()).unwrap();
    assert!(notebook.annotations().live().is_empty(), "one step to undo");
}

#[test]
fn categories_are_edited_and_undone() {
    let mut notebook = Notebook::default();
    let mut renamed = default_categories();
    renamed[0].name = "Central claim".into();
    renamed.swap(1, 2);
    assert!(
        notebook
            .edit(Edit::SetCategories(renamed.clone()), &NOW.into())
            .unwrap()
    );
    assert_eq!(notebook.categories(), renamed.as_slice());
    notebook.edit(Edit::Undo, &NOW.into()).unwrap();
    assert_eq!(notebook.categories(), default_categories().as_slice());
    notebook.edit(Edit::Redo, &NOW.into()).unwrap();
    assert_eq!(notebook.categories(), renamed.as_slice());
}

#[test]
fn notes_on_comparisons_share_the_history_and_typing_is_one_step() {
    let on = comparison("reader-1", false);
    let mut notebook = Notebook::default();
    add(&mut notebook, annotation("a", "first"));
    for (id, note) in [("n1", "entry"), ("n2", "union")] {
        assert!(
            notebook
                .edit(
                    Edit::AddComparisonNote {
                        note: comparison_note(id, &on, 0, note),
                        readers_comparison: Some(on.clone()),
                    },
                    &NOW.into(),
                )
                .unwrap()
        );
    }
    for typed in ["entry,", "entry, not", "entry, not unification"] {
        assert!(
            notebook
                .edit(
                    Edit::ChangeComparisonNote(comparison_note("n1", &on, 0, typed)),
                    &LATER.into()
                )
                .unwrap()
        );
    }
    assert_eq!(notebook.comparison_notes()[0].modified, LATER);
    let before_delete = notebook.comparison_notes().to_vec();
    assert!(
        notebook
            .edit(Edit::DeleteComparisonNote("n1".into()), &NOW.into())
            .unwrap()
    );
    assert_eq!(notebook.comparison_notes().len(), 1);
    notebook.edit(Edit::Undo, &NOW.into()).unwrap();
    assert_eq!(
        notebook.comparison_notes(),
        before_delete.as_slice(),
        "back at its place"
    );
    notebook.edit(Edit::Undo, &NOW.into()).unwrap();
    assert_eq!(
        notebook.comparison_notes()[0].note,
        "entry",
        "the typing is one step"
    );
    notebook.edit(Edit::Undo, &NOW.into()).unwrap();
    notebook.edit(Edit::Undo, &NOW.into()).unwrap();
    assert!(notebook.comparison_notes().is_empty());
    assert_eq!(notebook.annotations().live().len(), 1, "the step before");
    assert_eq!(
        notebook
            .readers_comparison("reader-1")
            .map(|c| c.id.as_str()),
        Some("reader-1"),
        "kept for the session, so that a redo finds it"
    );
    assert_eq!(
        notebook.noted_comparisons().count(),
        0,
        "but not saved without notes"
    );
    assert!(notebook.to_contents().comparisons.is_empty());
    for _ in 0..4 {
        assert!(notebook.edit(Edit::Redo, &NOW.into()).unwrap());
    }
    assert_eq!(notebook.comparison_notes().len(), 1);
    assert_eq!(notebook.comparison_notes()[0].note_id, "n2");
    assert_eq!(notebook.noted_comparisons().count(), 1);
}

#[test]
fn a_long_comparison_of_the_readers_is_kept_only_where_it_has_notes() {
    let on = comparison("reader-long", true);
    assert_eq!(on.witnesses[0].segments.len(), 2);
    let mut notebook = Notebook::default();
    notebook
        .edit(
            Edit::AddComparisonNote {
                note: comparison_note("n1", &on, 0, "entry"),
                readers_comparison: Some(on.clone()),
            },
            &NOW.into(),
        )
        .unwrap();
    let kept = notebook.readers_comparison("reader-long").unwrap();
    assert_eq!(kept.kept_segments(), BTreeSet::from([0]));
    // A note on the second segment keeps it too, and the first stays kept.
    notebook
        .edit(
            Edit::AddComparisonNote {
                note: comparison_note("n2", &on, 1, "the rest"),
                readers_comparison: Some(on.clone()),
            },
            &NOW.into(),
        )
        .unwrap();
    let kept = notebook.readers_comparison("reader-long").unwrap();
    assert_eq!(kept.kept_segments(), BTreeSet::from([0, 1]));
    assert_eq!(notebook.to_contents().comparisons.len(), 1);
}

#[test]
fn a_read_only_notebook_refuses_every_edit_and_changes_nothing() {
    let mut notebook = Notebook::default();
    add(&mut notebook, annotation("a", "mine"));
    notebook.set_read_only(true);
    let (before, revision) = (notebook.contents().clone(), notebook.revision());
    let on = comparison("reader-1", false);
    for edit in [
        Edit::AddAnnotation(annotation("b", "")),
        Edit::ChangeAnnotation(annotation("a", "changed")),
        Edit::Reattach(annotation("a", "changed")),
        Edit::DeleteAnnotation("a".into()),
        Edit::RestoreAnnotation("a".into()),
        Edit::SetCategories(Vec::new()),
        Edit::AddComparisonNote {
            note: comparison_note("n1", &on, 0, ""),
            readers_comparison: None,
        },
        Edit::ChangeComparisonNote(comparison_note("n1", &on, 0, "")),
        Edit::DeleteComparisonNote("n1".into()),
        Edit::Undo,
        Edit::Redo,
    ] {
        assert_eq!(notebook.edit(edit, &NOW.into()), Err(ReadOnly));
    }
    let library = Library::new([clause()]);
    assert_eq!(
        notebook.merge_import(vec![annotation("c", "")], &library),
        Err(ReadOnly)
    );
    assert_eq!(
        notebook.restore_from(Contents::default(), &library),
        Err(ReadOnly)
    );
    assert_eq!(notebook.contents(), &before);
    assert_eq!(notebook.revision(), revision);
}

#[test]
fn an_import_is_merged_as_one_step_leaving_duplicates_alone_and_keeping_orphans() {
    let library = Library::new([clause()]);
    let mut notebook = Notebook::default();
    add(&mut notebook, annotation("a", "mine"));
    let elsewhere = Annotation {
        text_id: "not-in-the-library".into(),
        ..annotation("far", "kept")
    };
    let imported = vec![
        annotation("a", "theirs, same id"),
        annotation("b", "new"),
        annotation("b", "twice in the file"),
        elsewhere,
    ];
    let report = notebook.merge_import(imported, &library).unwrap();
    assert_eq!(
        report,
        ImportReport {
            added: 2,
            duplicates: 2,
            unknown_texts: 1,
            ..ImportReport::default()
        }
    );
    assert_eq!(notebook.annotations().get("a").unwrap().note, "mine");
    assert_eq!(notebook.annotations().get("b").unwrap().note, "new");
    assert!(notebook.is_orphan("far"));
    assert!(!notebook.is_orphan("b"));
    notebook.edit(Edit::Undo, &NOW.into()).unwrap();
    assert_eq!(notes(&notebook), pairs(&[("a", "mine")]), "one undo step");
    notebook.edit(Edit::Redo, &NOW.into()).unwrap();
    assert_eq!(notebook.annotations().live().len(), 3);
}

#[test]
fn reanchoring_reports_moved_fuzzy_and_orphaned_annotations() {
    let old = clause();
    let mut notebook = Notebook::default();
    // "formal unification", "independent republics", and a word that will be gone.
    for (id, range) in [("moved", 4..22), ("fuzzy", 30..51), ("gone", 61..71)] {
        add(
            &mut notebook,
            Annotation::new(id, &old, CharRange(range), None, &NOW.into()),
        );
    }
    add(
        &mut notebook,
        Annotation {
            text_id: "elsewhere".into(),
            ..annotation("unknown-text", "")
        },
    );
    let revised = text(
        "clause",
        &[
            "Recognised as necessary: the formal unification of the independant republics \
             with the Union.",
        ],
    );
    let library = Library::new([revised.clone()]);
    let report = notebook.reanchor(&library);
    assert_eq!(
        report,
        ReanchorReport {
            moved: 1,
            fuzzy: 1,
            orphaned: 2,
        },
        "{report:?}"
    );
    let moved = notebook.annotations().get("moved").unwrap();
    let moved_anchor = moved.anchor.clone();
    assert_eq!(
        revised.slice((moved.anchor.start..moved.anchor.end).into()),
        "formal unification"
    );
    assert_eq!(moved.anchor.content_hash, revised.content_hash());
    let fuzzy = notebook.annotations().get("fuzzy").unwrap();
    assert_eq!(
        revised.slice((fuzzy.anchor.start..fuzzy.anchor.end).into()),
        "independant republics"
    );
    assert!(notebook.is_orphan("gone") && notebook.is_orphan("unknown-text"));
    assert!(
        notebook.annotations().get("gone").is_some(),
        "an orphan is kept"
    );
    assert!(report.summary().contains("2 moved"), "{}", report.summary());
    // Placed again, nothing more moves; the orphans stay orphans.
    assert_eq!(
        notebook.reanchor(&library),
        ReanchorReport {
            orphaned: 2,
            ..ReanchorReport::default()
        }
    );
    // Re-anchoring is no undo step: an undo takes back the last addition.
    notebook.edit(Edit::Undo, &NOW.into()).unwrap();
    assert!(notebook.annotations().get("unknown-text").is_none());
    assert_eq!(
        notebook.annotations().get("moved").unwrap().anchor,
        moved_anchor
    );
}

#[test]
fn reattaching_an_orphan_places_it_and_it_is_an_orphan_no_more() {
    let mut notebook = Notebook::default();
    add(
        &mut notebook,
        Annotation {
            text_id: "elsewhere".into(),
            ..annotation("lost", "my note")
        },
    );
    let library = Library::new([clause()]);
    notebook.reanchor(&library);
    assert!(notebook.is_orphan("lost"));
    let mut placed = notebook.annotations().get("lost").unwrap().clone();
    placed.text_id = "clause".into();
    placed.anchor = Anchor::new(&clause(), (27..48).into());
    assert!(
        notebook
            .edit(Edit::Reattach(placed), &LATER.into())
            .unwrap()
    );
    assert!(!notebook.is_orphan("lost"));
    assert_eq!(notebook.annotations().get("lost").unwrap().note, "my note");
}

#[test]
fn the_annotation_at_a_passage_is_found_by_its_exact_range() {
    let mut notebook = Notebook::default();
    add(&mut notebook, annotation("a", ""));
    assert_eq!(
        notebook
            .annotation_at("clause", (4..22).into())
            .map(|a| a.annotation_id.as_str()),
        Some("a")
    );
    assert!(notebook.annotation_at("clause", (4..21).into()).is_none());
    assert!(notebook.annotation_at("other", (4..22).into()).is_none());
}

#[test]
fn a_restore_from_a_copy_is_one_undoable_step_that_drops_nothing() {
    let library = Library::new([clause()]);
    let mut notebook = Notebook::default();
    add(&mut notebook, annotation("a", "as in the backup"));
    add(&mut notebook, annotation("b", "deleted since"));
    let backup = notebook.to_contents();
    notebook
        .edit(
            Edit::ChangeAnnotation(annotation("a", "changed since")),
            &LATER.into(),
        )
        .unwrap();
    notebook
        .edit(Edit::DeleteAnnotation("b".into()), &NOW.into())
        .unwrap();
    add(&mut notebook, annotation("c", "made since"));
    let now = notebook.contents().clone();

    let report = notebook.restore_from(backup.clone(), &library).unwrap();
    assert_eq!(
        (
            report.restored.of(Kind::Annotation),
            report.trashed.of(Kind::Annotation)
        ),
        (2, 1),
        "a changed back, b restored and set, c to the trash"
    );
    assert_eq!(
        report.summary(),
        "Brought back 2 annotations; moved to the Trash what the backup did not have \
         (1 annotation)."
    );
    assert_eq!(
        notes(&notebook),
        pairs(&[("a", "as in the backup"), ("b", "deleted since")])
    );
    assert_eq!(
        notebook.annotations().trash()[0].annotation_id,
        "c",
        "what the backup lacks is kept in the trash"
    );
    notebook.edit(Edit::Undo, &NOW.into()).unwrap();
    assert_eq!(notebook.contents(), &now, "one undo takes the restore back");
}

#[test]
fn re_anchoring_one_text_says_what_became_of_its_annotations() {
    let old = clause();
    let mut notebook = Notebook::default();
    for (id, range) in [("moved", 4..22), ("stayed", 0..3), ("gone", 61..71)] {
        add(
            &mut notebook,
            Annotation::new(id, &old, CharRange(range), None, &NOW.into()),
        );
    }
    let revised = text(
        "clause",
        &["the new formal unification of the independent republics with the Union."],
    );
    let report = notebook.reanchor_text(&Library::new([revised]), "clause");
    assert_eq!(
        report,
        TextReanchorReport {
            annotations: 3,
            moved: 1,
            orphaned: 1,
        }
    );
    assert_eq!(
        report.summary(),
        "Of its 3 annotations, 1 moved with its passage, 1 stayed where it was, and 1 could \
         not be placed (kept, listed as orphaned)."
    );
}

#[test]
fn the_readers_own_spellings_are_an_undoable_edit_and_a_restore_keeps_those_made_since() {
    use crate::model::own_entries::{AddedSpelling, OwnEntries};
    let spelling = |s: &str| AddedSpelling {
        entity: "ordzhonikidze".into(),
        spelling: s.into(),
    };
    let with = |spellings: Vec<AddedSpelling>| OwnEntries {
        spellings,
        ..OwnEntries::default()
    };
    let mut notebook = Notebook::default();
    let first = with(vec![spelling("Ordjonikidze")]);
    assert!(
        notebook
            .edit(Edit::SetStudy(first.clone()), &NOW.into())
            .unwrap()
    );
    assert!(
        !notebook
            .edit(Edit::SetStudy(first.clone()), &NOW.into())
            .unwrap(),
        "no change"
    );
    let revision = notebook.revision();
    assert!(notebook.edit(Edit::Undo, &NOW.into()).unwrap());
    assert!(notebook.study().is_empty());
    assert!(notebook.revision() > revision, "saved again");
    assert!(notebook.edit(Edit::Redo, &NOW.into()).unwrap());
    assert_eq!(notebook.study(), &first);
    // A backup made before the second spelling: the restore keeps it (it has no trash).
    let backup = notebook.to_contents();
    let both = with(vec![spelling("Ordjonikidze"), spelling("Orjonikidse")]);
    assert!(
        notebook
            .edit(Edit::SetStudy(both.clone()), &LATER.into())
            .unwrap()
    );
    notebook
        .restore_from(backup, &Library::new(Vec::<Text>::new()))
        .unwrap();
    assert_eq!(notebook.study(), &both);
    // A read-only notebook refuses it.
    let mut read_only = Notebook::default();
    read_only.set_read_only(true);
    assert_eq!(
        read_only.edit(Edit::SetStudy(first), &NOW.into()),
        Err(ReadOnly)
    );
}

/// What a sync brings, read back from the folder in another order (annotations made in one
/// second are ordered by id there), is no change: the notebook keeps its order and its history;
/// an annotation that is new comes after the others.
#[test]
fn taking_what_a_sync_brought_keeps_the_order_the_annotations_were_made_in() {
    let library = crate::model::library::Library::new(Vec::new());
    let mut notebook = Notebook::new(Contents::default());
    for id in ["zz", "aa"] {
        notebook
            .edit(
                Edit::AddAnnotation(annotation(id, "")),
                &"2026-12-01T10:00:00Z".into(),
            )
            .unwrap();
    }
    let mut folder = notebook.to_contents();
    let reversed: Vec<Annotation> = folder
        .annotations
        .live()
        .iter()
        .rev()
        .map(|a| a.as_ref().clone())
        .collect();
    folder.annotations =
        crate::model::annotation_set::Annotations::from_parts(reversed.clone(), Vec::new());
    assert!(!notebook.take_synced(folder.clone(), &library), "no change");
    assert!(notebook.can_undo(), "the history stays");
    let mut brought = reversed;
    brought.push(annotation("mm", "from elsewhere"));
    folder.annotations = crate::model::annotation_set::Annotations::from_parts(brought, Vec::new());
    assert!(notebook.take_synced(folder, &library));
    let ids: Vec<&str> = notebook
        .annotations()
        .live()
        .iter()
        .map(|a| a.annotation_id.as_str())
        .collect();
    assert_eq!(ids, ["zz", "aa", "mm"]);
}

/// An archive that holds one id twice (live and in its Trash) adds it once, and says so; the
/// import is one step that Undo takes back whole.
#[test]
fn an_archive_with_an_id_twice_adds_it_once() {
    let library = Library::new([clause()]);
    let mut archive = Contents::default();
    let twice = annotation("a", "in both lists");
    archive.annotations = Annotations::from_parts(vec![twice.clone()], vec![twice]);
    let mut notebook = Notebook::default();
    let added = notebook.merge_archive(archive, &library).unwrap();
    assert_eq!(added.of(Kind::Annotation), 1);
    assert_eq!(added.of(Kind::TrashedAnnotation), 0);
    assert_eq!(notebook.annotations().live().len(), 1);
    assert!(notebook.annotations().trash().is_empty());
    notebook.edit(Edit::Undo, &NOW.into()).unwrap();
    assert!(notebook.annotations().live().is_empty());
}
