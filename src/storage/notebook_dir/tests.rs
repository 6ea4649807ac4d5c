use super::*;
use crate::model::anchor::Anchor;
use crate::model::annotation::Annotation;
use crate::storage::atomic::RealFileSystem;

const DAY: u64 = 86_400_000;
const NOW: u64 = 1_764_558_000_000;

fn annotation(id: &str, text: &str, note: &str, created: &str) -> Annotation {
    Annotation {
        annotation_id: id.into(),
        text_id: text.into(),
        anchor: Anchor {
            start: 0,
            end: 5,
            exact: "Stalin".into(),
            prefix: String::new(),
            suffix: String::new(),
            content_hash: "h".into(),
        },
        category_id: Some("key-argument".into()),
        note: note.into(),
        tags: vec!["union".into()],
        created: created.into(),
        modified: created.into(),
        diverged_notes: Vec::new(),
    }
}

fn contents(annotations: Vec<Annotation>) -> Contents {
    Contents {
        annotations: Annotations::from_parts(annotations, Vec::new()),
        ..Contents::default()
    }
}

fn load(dir: &Path, device: &str) -> (NotebookStore, Contents, LoadReport) {
    NotebookStore::load(dir, device, NOW, Vec::new).unwrap()
}

/// Every file under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    record_files(dir)
        .unwrap()
        .into_iter()
        .map(|(relative, _)| relative)
        .collect()
}

#[test]
fn a_notebook_round_trips_through_one_file_per_record() {
    let temp = tempfile::tempdir().unwrap();
    let mut store = NotebookStore::new(temp.path(), "laptop");
    let mut notebook = contents(vec![
        annotation(
            "a-1",
            "lenin-1922-09-26-kamenev",
            "entry → unification",
            "2026-11-01T10:00:00Z",
        ),
        annotation("a-2", "lenin-1922-10-06-memo", "", "2026-11-02T10:00:00Z"),
    ]);
    notebook.annotations = Annotations::from_parts(
        notebook
            .annotations
            .live()
            .iter()
            .map(|a| a.as_ref().clone())
            .collect(),
        vec![annotation("a/3", "memo", "trashed", "2026-11-03T10:00:00Z")],
    );
    // A new profile's categories are not written until changed: these are.
    notebook.categories[0].name = "Key point".into();
    let saved = store.save(&RealFileSystem, &notebook, NOW).unwrap();
    assert_eq!(
        saved,
        Saved {
            written: 4,
            removed: 0
        }
    );
    assert_eq!(
        files(&NotebookStore::dir_of(temp.path())),
        vec![
            "annotations/lenin-1922-09-26-kamenev/a-1.json",
            "annotations/lenin-1922-10-06-memo/a-2.json",
            "annotations/memo/a%2F3.json",
            "categories.json",
        ]
    );
    let (_, loaded, report) = load(temp.path(), "laptop");
    assert_eq!(loaded, notebook);
    assert!(report.notices().is_empty(), "{:?}", report.notices());
    // The stable form: LF, a final newline, the stamp in the file.
    let text = std::fs::read_to_string(
        NotebookStore::dir_of(temp.path()).join("annotations/lenin-1922-10-06-memo/a-2.json"),
    )
    .unwrap();
    assert!(text.ends_with("}\n") && !text.contains('\r'), "{text}");
    assert!(text.contains("\"device\": \"laptop\""), "{text}");
}

#[test]
fn saving_writes_only_what_changed_and_a_removed_record_leaves_a_tombstone() {
    let temp = tempfile::tempdir().unwrap();
    let mut store = NotebookStore::new(temp.path(), "laptop");
    let many: Vec<Annotation> = (0..50)
        .map(|n| {
            annotation(
                &format!("a-{n}"),
                "t",
                "",
                &format!("2026-11-01T10:00:{:02}Z", n),
            )
        })
        .collect();
    // A new profile's categories are not written: two devices that start alike do not
    // conflict over them.
    let mut notebook = contents(many.clone());
    assert_eq!(
        store.save(&RealFileSystem, &notebook, NOW).unwrap().written,
        50
    );
    let unchanged = store.save(&RealFileSystem, &notebook, NOW + 1).unwrap();
    assert_eq!(
        unchanged,
        Saved::default(),
        "nothing is rewritten without a change"
    );
    let mut changed = many.clone();
    changed[7].note = "a note".into();
    changed.remove(9);
    notebook = contents(changed);
    let saved = store.save(&RealFileSystem, &notebook, NOW + 2).unwrap();
    assert_eq!(
        saved,
        Saved {
            written: 1,
            removed: 1
        }
    );
    let tombstone =
        std::fs::read_to_string(NotebookStore::dir_of(temp.path()).join("annotations/t/a-9.json"))
            .unwrap();
    assert!(tombstone.contains("\"deleted\": true"), "{tombstone}");
    let (_, loaded, _) = load(temp.path(), "laptop");
    assert_eq!(loaded, notebook);
}

/// Two devices, each with its own copy of the folder (as a sync engine keeps them), change
/// different records and one common one; the copies are brought together as Syncthing brings
/// them (the later file stands, the other becomes a conflict copy): loading merges them, keeps
/// both texts of the diverged note, writes the merged record back and only then removes the
/// copy.
#[test]
fn a_syncthing_conflict_copy_is_merged_and_then_removed() {
    let temp = tempfile::tempdir().unwrap();
    let (laptop_dir, desktop_dir) = (temp.path().join("laptop"), temp.path().join("desktop"));
    let shared = vec![annotation("common", "t", "first", "2026-11-01T10:00:00Z")];
    let mut laptop = NotebookStore::new(&laptop_dir, "laptop");
    laptop
        .save(&RealFileSystem, &contents(shared.clone()), NOW)
        .unwrap();
    copy_dir(
        &NotebookStore::dir_of(&laptop_dir),
        &NotebookStore::dir_of(&desktop_dir),
    );
    let (mut desktop, _, _) = load(&desktop_dir, "desktop");
    // Apart: each adds one and changes the common note.
    let mut on_laptop = shared.clone();
    on_laptop[0].note = "laptop's reading".into();
    on_laptop.push(annotation("from-laptop", "t", "", "2026-11-02T10:00:00Z"));
    laptop
        .save(&RealFileSystem, &contents(on_laptop), NOW + 10)
        .unwrap();
    let mut on_desktop = shared.clone();
    on_desktop[0].note = "desktop's reading".into();
    on_desktop.push(annotation("from-desktop", "u", "", "2026-11-03T10:00:00Z"));
    desktop
        .save(&RealFileSystem, &contents(on_desktop), NOW + 20)
        .unwrap();
    // They meet: the desktop's new files arrive; its version of the common record wins the
    // file, the laptop's is kept as a conflict copy.
    let (laptop_notebook, desktop_notebook) = (
        NotebookStore::dir_of(&laptop_dir),
        NotebookStore::dir_of(&desktop_dir),
    );
    std::fs::rename(
        laptop_notebook.join("annotations/t/common.json"),
        laptop_notebook.join("annotations/t/common.sync-conflict-20261201-031500-LAPTOP1.json"),
    )
    .unwrap();
    copy_dir(&desktop_notebook, &laptop_notebook);
    let (mut merged, notebook, report) = load(&laptop_dir, "laptop");
    let ids: Vec<&str> = notebook
        .annotations
        .live()
        .iter()
        .map(|a| a.annotation_id.as_str())
        .collect();
    assert_eq!(ids, vec!["common", "from-laptop", "from-desktop"]);
    let common = notebook.annotations.get("common").unwrap();
    assert_eq!(common.note, "desktop's reading", "the later edit stands");
    assert_eq!(common.diverged_notes.len(), 1);
    assert_eq!(common.diverged_notes[0].note, "laptop's reading");
    assert_eq!(common.diverged_notes[0].device, "laptop");
    assert_eq!(report.diverged, vec!["common".to_owned()]);
    assert_eq!(report.merged_files.len(), 1);
    // Nothing is removed until the merge is written.
    assert!(
        files(&laptop_notebook)
            .iter()
            .any(|f| f.contains("sync-conflict"))
    );
    assert_eq!(merged.settle(&RealFileSystem, NOW + 30).unwrap(), 1);
    assert!(
        !files(&laptop_notebook)
            .iter()
            .any(|f| f.contains("sync-conflict"))
    );
    let (_, again, report) = load(&laptop_dir, "laptop");
    assert_eq!(again, notebook, "the merge was written back");
    assert!(report.notices().is_empty());
}

#[test]
fn conflict_copies_of_dropbox_and_nextcloud_are_merged_too() {
    for copy in [
        "common (Anna's conflicted copy 2026-12-01).json",
        "common (conflicted copy 2026-12-01 031500).json",
        "common_conflict-20261201-031500.json",
    ] {
        let temp = tempfile::tempdir().unwrap();
        let mut store = NotebookStore::new(temp.path(), "a");
        let mut older = annotation("common", "t", "older", "2026-11-01T10:00:00Z");
        store
            .save(&RealFileSystem, &contents(vec![older.clone()]), NOW)
            .unwrap();
        let dir = NotebookStore::dir_of(temp.path()).join("annotations/t");
        std::fs::rename(dir.join("common.json"), dir.join(copy)).unwrap();
        older.note = "newer".into();
        let mut other = NotebookStore::new(temp.path(), "b");
        other
            .save(&RealFileSystem, &contents(vec![older]), NOW + 5)
            .unwrap();
        let (mut merged, notebook, _) = load(temp.path(), "a");
        let common = notebook.annotations.get("common").unwrap();
        assert_eq!(common.note, "newer", "{copy}");
        assert_eq!(common.diverged_notes[0].note, "older", "{copy}");
        merged.settle(&RealFileSystem, NOW + 6).unwrap();
        assert!(!dir.join(copy).exists(), "{copy}");
    }
}

/// git left its markers in a record changed on both sides: both versions are read and merged,
/// and the file is written back whole.
#[test]
fn a_record_with_git_conflict_markers_is_merged() {
    let temp = tempfile::tempdir().unwrap();
    let mut ours = NotebookStore::new(temp.path(), "ours");
    let mut record = annotation("common", "t", "ours", "2026-11-01T10:00:00Z");
    ours.save(&RealFileSystem, &contents(vec![record.clone()]), NOW + 9)
        .unwrap();
    let path = NotebookStore::dir_of(temp.path()).join("annotations/t/common.json");
    let our_text = std::fs::read_to_string(&path).unwrap();
    record.note = "theirs".into();
    let theirs_version = Version {
        stamp: Stamp {
            millis: NOW + 3,
            counter: 0,
            device: "theirs".into(),
        },
        body: Some(Body::Annotation {
            annotation: std::sync::Arc::new(record),
            trashed: false,
        }),
    };
    let their_text = String::from_utf8(to_bytes(&theirs_version).unwrap()).unwrap();
    // Lines that differ are inside the markers, the rest outside, as git writes them.
    let mut conflicted = String::new();
    let (ours_lines, theirs_lines): (Vec<&str>, Vec<&str>) =
        (our_text.lines().collect(), their_text.lines().collect());
    assert_eq!(ours_lines.len(), theirs_lines.len());
    for (o, t) in ours_lines.iter().zip(&theirs_lines) {
        if o == t {
            conflicted.push_str(&format!("{o}\n"));
        } else {
            conflicted.push_str(&format!("<<<<<<< HEAD\n{o}\n=======\n{t}\n>>>>>>> other\n"));
        }
    }
    std::fs::write(&path, conflicted).unwrap();
    let (mut store, notebook, report) = load(temp.path(), "ours");
    let common = notebook.annotations.get("common").unwrap();
    assert_eq!(common.note, "ours", "our edit is the later one");
    assert_eq!(common.diverged_notes[0].note, "theirs");
    assert_eq!(report.merged_files, vec![path.clone()]);
    store.settle(&RealFileSystem, NOW + 10).unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(!written.contains("<<<<<<<"), "{written}");
    assert!(parse(&written).is_ok());
}

/// A half-synced (truncated) record file is moved aside, never read as an empty record: the
/// record comes from the newest snapshot when it has no other version, and is written back.
#[test]
fn a_truncated_record_is_moved_aside_and_taken_from_the_snapshot() {
    let temp = tempfile::tempdir().unwrap();
    let mut store = NotebookStore::new(temp.path(), "a");
    let notebook = contents(vec![
        annotation("kept", "t", "a careful note", "2026-11-01T10:00:00Z"),
        annotation("other", "t", "", "2026-11-02T10:00:00Z"),
    ]);
    store.save(&RealFileSystem, &notebook, NOW).unwrap();
    let path = NotebookStore::dir_of(temp.path()).join("annotations/t/kept.json");
    let whole = std::fs::read(&path).unwrap();
    std::fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    let snapshot = notebook.clone();
    let (mut store, loaded, report) = NotebookStore::load(temp.path(), "a", NOW + 1, || {
        vec![("2026-11-30T10:15:00Z".to_owned(), snapshot)]
    })
    .unwrap();
    assert_eq!(loaded, notebook, "no record is lost");
    let records: Vec<&str> = report.recovered.iter().map(|r| r.record.as_str()).collect();
    assert_eq!(records, ["annotations/t/kept.json"]);
    assert_eq!(
        report.recovered[0].now_in,
        RecoveredPlace::Annotations("kept".into())
    );
    assert_eq!(report.damaged, vec![path.clone()]);
    store.settle(&RealFileSystem, NOW + 2).unwrap();
    let aside: Vec<PathBuf> = std::fs::read_dir(temp.path().join("local/damaged"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(&aside[0]).unwrap(), &whole[..whole.len() / 2]);
    assert!(parse(&std::fs::read_to_string(&path).unwrap()).is_ok());
    // Without a snapshot that has it, the damage is said and the rest loads; the file is
    // copied aside but stays, so that no sync engine takes it away from a device where it is
    // whole.
    std::fs::write(&path, b"{\"format\": \"lectern-rec").unwrap();
    let (mut store, loaded, report) = load(temp.path(), "a");
    assert_eq!(loaded.annotations.live().len(), 1);
    assert_eq!(report.damaged.len(), 1);
    assert!(
        report
            .notices()
            .iter()
            .any(|n| n.contains("could not be read"))
    );
    store.settle(&RealFileSystem, NOW + 3).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"{\"format\": \"lectern-rec");
    let aside = std::fs::read_dir(temp.path().join("local/damaged")).unwrap();
    assert_eq!(aside.count(), 2);
}

#[test]
fn old_tombstones_are_cleared_and_new_ones_kept() {
    let temp = tempfile::tempdir().unwrap();
    let mut store = NotebookStore::new(temp.path(), "a");
    let one = vec![annotation("gone", "t", "", "2026-11-01T10:00:00Z")];
    store.save(&RealFileSystem, &contents(one), NOW).unwrap();
    store
        .save(&RealFileSystem, &contents(Vec::new()), NOW + 1)
        .unwrap();
    let path = NotebookStore::dir_of(temp.path()).join("annotations/t/gone.json");
    let (mut store, loaded, _) = load(temp.path(), "a");
    assert!(loaded.annotations.live().is_empty());
    store.settle(&RealFileSystem, NOW).unwrap();
    assert!(path.exists(), "a recent tombstone stays for other devices");
    let later = NOW + (TOMBSTONE_DAYS + 1) * DAY;
    let (mut store, _, _) = NotebookStore::load(temp.path(), "a", later, Vec::new).unwrap();
    store.settle(&RealFileSystem, later).unwrap();
    assert!(!path.exists(), "an expired tombstone is cleared");
}

/// A device that read a record stamped by a clock running ahead writes its own change later
/// than it, so a reload keeps the change.
#[test]
fn an_edit_after_reading_a_skewed_record_stands() {
    let temp = tempfile::tempdir().unwrap();
    let mut ahead = NotebookStore::new(temp.path(), "ahead");
    let mut record = annotation("r", "t", "from the fast clock", "2026-11-01T10:00:00Z");
    ahead
        .save(
            &RealFileSystem,
            &contents(vec![record.clone()]),
            NOW + 3_600_000,
        )
        .unwrap();
    let (mut behind, _, _) = load(temp.path(), "behind");
    record.note = "later, by a slow clock".into();
    behind
        .save(&RealFileSystem, &contents(vec![record]), NOW)
        .unwrap();
    let (_, loaded, _) = load(temp.path(), "third");
    assert_eq!(
        loaded.annotations.get("r").unwrap().note,
        "later, by a slow clock"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    for (relative, path) in record_files(from).unwrap() {
        let target = relative
            .split('/')
            .fold(to.to_path_buf(), |p, part| p.join(part));
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(path, target).unwrap();
    }
}

#[test]
fn ids_made_in_one_second_keep_their_sequence() {
    let mut ids = vec!["a10", "a2", "a1", "b", "a02x", "a2y", "a"];
    ids.sort_by(|a, b| natural_order(a, b));
    assert_eq!(ids, vec!["a", "a1", "a2", "a02x", "a2y", "a10", "b"]);
}

/// Another device's version of a record arrives (the sync engine wrote it over the file, as it
/// does when nothing was changed here since), then this window saves its own change of the
/// record: the other version is merged in, not written over, and the window is told to take
/// the merge.
#[test]
fn a_save_merges_a_version_that_arrived_instead_of_writing_over_it() {
    let temp = tempfile::tempdir().unwrap();
    let mut here = NotebookStore::new(temp.path(), "here");
    let mut record = annotation("r", "t", "first", "2026-11-01T10:00:00Z");
    here.save(&RealFileSystem, &contents(vec![record.clone()]), NOW)
        .unwrap();
    // The other device read the record, changed it, and its file replaced this one's.
    let (mut there, _, _) = load(temp.path(), "there");
    let mut theirs = record.clone();
    theirs.note = "their reading".into();
    there
        .save(&RealFileSystem, &contents(vec![theirs]), NOW + 5)
        .unwrap();
    assert!(!here.take_merged_on_save());
    record.note = "my reading".into();
    here.save(&RealFileSystem, &contents(vec![record]), NOW + 9)
        .unwrap();
    assert!(
        here.take_merged_on_save(),
        "the window is told to take the merge"
    );
    assert!(!here.take_merged_on_save(), "once");
    let (_, loaded, _) = load(temp.path(), "third");
    let merged = loaded.annotations.get("r").unwrap();
    assert_eq!(merged.note, "my reading", "the later change stands");
    assert_eq!(
        merged.diverged_notes[0].note, "their reading",
        "the other is kept"
    );
}

/// A window that knows a later version of a record than the one a sync brought (another
/// device took it from an old snapshot) keeps its own, and writes it back.
#[test]
fn a_running_store_never_goes_back_to_an_older_version() {
    let temp = tempfile::tempdir().unwrap();
    let mut here = NotebookStore::new(temp.path(), "here");
    let mut record = annotation("r", "t", "the latest", "2026-11-01T10:00:00Z");
    here.save(&RealFileSystem, &contents(vec![record.clone()]), NOW)
        .unwrap();
    // What another device took from a snapshot: the stamp of no time, an older note.
    record.note = "from an old snapshot".into();
    let old = Version {
        stamp: before_any_write(),
        body: Some(Body::Annotation {
            annotation: std::sync::Arc::new(record),
            trashed: false,
        }),
    };
    let path = NotebookStore::dir_of(temp.path()).join("annotations/t/r.json");
    std::fs::write(&path, to_bytes(&old).unwrap()).unwrap();
    let (mut fresh, read, _) = load(temp.path(), "here");
    assert_eq!(
        read.annotations.get("r").unwrap().note,
        "from an old snapshot"
    );
    fresh.keep_newer_from(&here);
    assert_eq!(
        fresh.contents().annotations.get("r").unwrap().note,
        "the latest"
    );
    fresh.settle(&RealFileSystem, NOW + 1).unwrap();
    let (_, again, _) = load(temp.path(), "third");
    assert_eq!(again.annotations.get("r").unwrap().note, "the latest");
}

/// A record a newer Lectern wrote is not damage: nothing is set aside or rewritten, and the
/// profile is said to be open read-only.
#[test]
fn a_record_of_a_newer_lectern_is_left_alone_and_makes_the_profile_read_only() {
    let temp = tempfile::tempdir().unwrap();
    let mut store = NotebookStore::new(temp.path(), "a");
    store
        .save(
            &RealFileSystem,
            &contents(vec![annotation("r", "t", "", "2026-11-01T10:00:00Z")]),
            NOW,
        )
        .unwrap();
    let path = NotebookStore::dir_of(temp.path()).join("annotations/t/r.json");
    let newer = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"version\": 1", "\"version\": 7");
    std::fs::write(&path, &newer).unwrap();
    let (_, _, report) = load(temp.path(), "a");
    assert_eq!(report.newer, 7);
    assert!(report.damaged.is_empty());
    assert!(
        report.notices()[0].contains("read-only"),
        "{:?}",
        report.notices()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
}

/// A record whose file is damaged is taken from the newest snapshot in which it is live, not
/// silently put in the Trash because the newest snapshot had it there; the notice names it and
/// says where it now is and from which snapshot.
#[test]
fn a_recovered_record_comes_from_a_snapshot_where_it_is_live_and_says_where_it_went() {
    let temp = tempfile::tempdir().unwrap();
    let mut store = NotebookStore::new(temp.path(), "a");
    let notebook = contents(vec![annotation(
        "kept",
        "t",
        "a careful note",
        "2026-11-01T10:00:00Z",
    )]);
    store.save(&RealFileSystem, &notebook, NOW).unwrap();
    let path = NotebookStore::dir_of(temp.path()).join("annotations/t/kept.json");
    let whole = std::fs::read(&path).unwrap();
    std::fs::write(&path, &whole[..whole.len() / 3]).unwrap();
    let mut trashed = notebook.clone();
    trashed
        .annotations
        .apply(crate::model::annotation_set::AnnotationEdit::Delete(
            "kept".into(),
        ))
        .unwrap();
    let snapshots = || {
        vec![
            ("2026-12-01T09:00:00Z".to_owned(), trashed.clone()),
            ("2026-11-30T09:00:00Z".to_owned(), notebook.clone()),
        ]
    };
    let (_, loaded, report) = NotebookStore::load(temp.path(), "a", NOW + 1, snapshots).unwrap();
    assert_eq!(
        loaded.annotations.live().len(),
        1,
        "in the list, where it was"
    );
    assert!(loaded.annotations.trash().is_empty());
    let recovered = &report.recovered[0];
    assert_eq!(
        recovered.snapshot, "2026-12-01T09:00:00Z",
        "the newest version"
    );
    let message = recovered.message();
    assert!(
        message.contains("The annotation “Stalin” on t"),
        "{message}"
    );
    assert!(message.contains("2026-12-01 09:00:00 UTC"), "{message}");
    assert!(message.contains("annotations list"), "{message}");
    assert!(report.notices().contains(&message));

    // Only ever in the Trash: taken from there, and the notice says so.
    std::fs::write(&path, &whole[..whole.len() / 3]).unwrap();
    let only_trashed = || vec![("2026-12-01T09:00:00Z".to_owned(), trashed.clone())];
    let (_, loaded, report) = NotebookStore::load(temp.path(), "a", NOW + 2, only_trashed).unwrap();
    assert_eq!(loaded.annotations.trash().len(), 1);
    assert_eq!(
        report.recovered[0].now_in,
        RecoveredPlace::AnnotationTrash("kept".into())
    );
    assert!(report.recovered[0].message().contains("in the Trash"));
}

/// A note on a comparison in the Trash is written as record version 2, so that a Lectern from
/// before the notes' Trash (which would read it as a live note) opens the profile read-only;
/// every other record stays version 1, and this Lectern reads both.
#[test]
fn a_trashed_note_is_a_record_an_earlier_lectern_does_not_take_for_a_live_one() {
    let note = |id: &str| ComparisonNote {
        note_id: id.into(),
        comparison_id: "clause-1".into(),
        comparison_title: "Clause 1".into(),
        segment: 0,
        segment_label: "Clause 1".into(),
        witness: None,
        reference: None,
        quote: String::new(),
        reference_quote: String::new(),
        note: format!("note {id}"),
        category_id: None,
        created: "2026-12-01T10:00:00Z".into(),
        modified: "2026-12-01T10:00:00Z".into(),
        carried_from: None,
    };
    let version = |trashed: bool| {
        let bytes = to_bytes(&Version {
            stamp: before_any_write(),
            body: Some(Body::ComparisonNote {
                note: note("n"),
                trashed,
            }),
        })
        .unwrap();
        let file: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        file["version"].as_u64().unwrap()
    };
    assert_eq!(version(false), 1);
    assert_eq!(version(true), 2);
    let temp = tempfile::tempdir().unwrap();
    let mut contents = Contents::default();
    contents.comparison_notes.push(note("live"));
    contents.comparison_notes_trash.push(note("gone"));
    let mut store = NotebookStore::new(temp.path(), "a");
    store.save(&RealFileSystem, &contents, NOW).unwrap();
    let (_, loaded, report) = load(temp.path(), "a");
    assert_eq!(report.newer, 0, "this Lectern reads both versions");
    assert_eq!(loaded, contents);
}
