//! Nothing the reader wrote is lost when the notebook is damaged or goes missing: the window
//! and the command line recover it alike, the recovery sticks, and the backups it came from
//! are never overwritten by an empty start. A profile from before the notebook's folder is
//! moved into it once, with a snapshot of it as it was.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use crate::common::gui::{app_with, start_options};
use crate::common::notebook;

use std::path::{Path, PathBuf};
use std::process::Command;

use lectern::model::annotation::Annotation;
use lectern::model::notebook::Edit;
use lectern::storage::annotations_file::AnnotationsFile;
use lectern::storage::open::{Access, OpenedProfile};
use lectern::storage::profile::Profile;
use lectern::ui::app::LecternApp;
use notebook::open;

const KAMENEV: &str = "lenin-1922-09-26-kamenev";
const NOW: &str = "2026-11-30T10:00:00Z";

/// Highlights the `n`th sentence-sized stretch of the letter to Kamenev and saves, as the
/// window's saver does.
fn highlight_and_save(opened: &mut OpenedProfile, id: &str, n: usize) {
    let text = opened.library.get(KAMENEV).unwrap().clone();
    let annotation = Annotation::new(
        id,
        &text,
        (n * 40..n * 40 + 25).into(),
        Some("question"),
        &NOW.into(),
    );
    assert!(
        opened
            .notebook
            .edit(Edit::AddAnnotation(annotation), &NOW.into())
            .unwrap()
    );
    opened.save_notebook().unwrap();
}

/// Writes a note (id `id`) on the first difference of a comparison of the reader's own
/// (`own-drafts`), and saves.
fn note_on_own_comparison_and_save(opened: &mut OpenedProfile, id: &str) {
    use lectern::model::comparison::{Comparison, ComparisonNote, WordingInput};
    use lectern::model::diff::Normalization;
    let comparison = Comparison::from_wordings(
        "own-drafts",
        "Two drafts",
        vec![
            WordingInput::pasted("Draft", "The entry of the republics into the RSFSR."),
            WordingInput::pasted("Amendment", "The formal unification of the republics."),
        ],
        &Normalization::default(),
    )
    .unwrap();
    let note = ComparisonNote {
        note: "Lenin's word, not Stalin's".into(),
        ..ComparisonNote::new(id.into(), &comparison, 0, None, &NOW.into())
    };
    assert!(
        opened
            .notebook
            .edit(
                Edit::AddComparisonNote {
                    note,
                    readers_comparison: Some(comparison),
                },
                &NOW.into()
            )
            .unwrap()
    );
    opened.save_notebook().unwrap();
}

fn ids(opened: &OpenedProfile) -> Vec<String> {
    notebook::ids(opened.notebook.contents())
}

/// The record file of annotation `id` on the letter to Kamenev.
fn record(dir: &Path, id: &str) -> PathBuf {
    dir.join("notebook/annotations")
        .join(KAMENEV)
        .join(format!("{id}.json"))
}

fn the_window_on(dir: &Path) -> LecternApp {
    app_with(start_options(dir, &[]))
}

#[test]
fn a_damaged_record_is_recovered_from_the_snapshot_and_never_lost_again() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    // 1. Highlight A (the first save is also a snapshot), then B, quit.
    {
        let mut opened = open(dir, Access::Window);
        highlight_and_save(&mut opened, "A", 1);
        highlight_and_save(&mut opened, "B", 2);
    }
    // 2. A's file is damaged (a half-synced copy, a bad disk). Start: the reader is told, and
    // A is there, from the snapshot; the damaged file is kept aside.
    std::fs::write(record(dir, "A"), "{ this is not json").unwrap();
    {
        let opened = open(dir, Access::Window);
        assert_eq!(ids(&opened), ["A", "B"]);
        let notice = opened.notices.join(" ");
        assert!(notice.contains("could not be read"), "{notice}");
        assert!(notice.contains("snapshot"), "{notice}");
        let aside = std::fs::read_dir(dir.join("local/damaged"))
            .unwrap()
            .count();
        assert_eq!(aside, 1, "the damaged file is kept aside");
    }
    // The recovery stuck: the file itself holds A again.
    let bytes = std::fs::read_to_string(record(dir, "A")).unwrap();
    assert!(bytes.contains("\"annotation_id\": \"A\""), "{bytes}");
    // 3. Start again and make two new highlights: A is still there.
    {
        let mut opened = open(dir, Access::Window);
        assert_eq!(ids(&opened), ["A", "B"]);
        assert!(
            opened.notices.is_empty(),
            "nothing is damaged now: {:?}",
            opened.notices
        );
        highlight_and_save(&mut opened, "C", 3);
        highlight_and_save(&mut opened, "D", 4);
    }
    let opened = open(dir, Access::Read);
    assert_eq!(ids(&opened), ["A", "B", "C", "D"]);
}

#[test]
fn a_missing_notebook_folder_beside_its_snapshot_is_damage_not_a_fresh_start() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    {
        let mut opened = open(dir, Access::Window);
        highlight_and_save(&mut opened, "A", 1);
    }
    std::fs::remove_dir_all(dir.join("notebook")).unwrap();
    let opened = open(dir, Access::Window);
    assert_eq!(ids(&opened), ["A"]);
    assert!(
        opened.notices.join(" ").contains("missing"),
        "{:?}",
        opened.notices
    );
    assert!(record(dir, "A").is_file(), "put back at once");
}

/// A copy of the profile a release before the notebook's folder wrote (see its README).
fn profile_before_the_folder() -> tempfile::TempDir {
    let temp = tempfile::tempdir().unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/profile-before-notebook-folder");
    copy_profile(&fixture, temp.path());
    temp
}

#[test]
fn a_profile_from_before_the_folder_is_moved_into_it_once_with_a_snapshot() {
    let temp = profile_before_the_folder();
    let dir = temp.path();
    let original = std::fs::read(dir.join("annotations.json")).unwrap();
    let before = AnnotationsFile::load(&Profile::open(Some(dir)).unwrap())
        .value
        .unwrap();
    let snapshots_before = std::fs::read_dir(dir.join("backups")).unwrap().count();
    let opened = open(dir, Access::Window);
    assert_eq!(
        opened.notebook.contents(),
        &before,
        "nothing changed in the move"
    );
    assert_eq!(ids(&opened), ["a0", "a1", "a2", "a3", "a4"]);
    assert!(
        opened
            .notices
            .join(" ")
            .contains("one small file per annotation"),
        "{:?}",
        opened.notices
    );
    drop(opened);
    for id in ["a0", "a4"] {
        assert!(record(dir, id).is_file(), "{id}");
    }
    // The old file was kept, as the previous save and as a snapshot.
    assert_eq!(
        std::fs::read(dir.join("annotations.json.bak")).unwrap(),
        original
    );
    let snapshots = std::fs::read_dir(dir.join("backups")).unwrap().count();
    assert_eq!(snapshots, snapshots_before + 1);
    // What is left says the notebook moved: an older Lectern opens the profile read-only
    // instead of working on a copy nobody saves.
    let moved = AnnotationsFile::load(&Profile::open(Some(dir)).unwrap());
    assert!(moved.read_only, "{:?}", moved.notices);
    // Once: the next start reads the folder and says nothing.
    let again = open(dir, Access::Window);
    assert_eq!(again.notebook.contents(), &before);
    assert!(again.notices.is_empty(), "{:?}", again.notices);
}

#[test]
fn a_damaged_profile_from_before_the_folder_is_moved_from_its_newest_snapshot() {
    let temp = profile_before_the_folder();
    let dir = temp.path();
    std::fs::write(dir.join("annotations.json"), "").unwrap();
    std::fs::write(dir.join("annotations.json.bak"), "{\"torn").unwrap();
    let opened = open(dir, Access::Window);
    assert_eq!(ids(&opened), ["a0", "a1", "a2", "a3", "a4"]);
    assert!(
        opened.notices.join(" ").contains("backups"),
        "{:?}",
        opened.notices
    );
    drop(opened);
    assert!(record(dir, "a4").is_file());
    let again = open(dir, Access::Read);
    assert_eq!(ids(&again), ["a0", "a1", "a2", "a3", "a4"]);
}

#[test]
fn the_window_and_the_command_line_open_a_damaged_profile_to_the_same_notebook() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    {
        let mut opened = open(dir, Access::Window);
        highlight_and_save(&mut opened, "A", 1);
        highlight_and_save(&mut opened, "B", 2);
    }
    std::fs::write(record(dir, "B"), "{ this is not json").unwrap();
    let damaged = tempfile::tempdir().unwrap();
    copy_profile(dir, damaged.path());

    // The command line first, on one copy.
    let output = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .arg("--profile")
        .arg(dir)
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("could not be read"), "told: {stderr}");
    assert!(stderr.contains("Exported 1 annotation"), "{stderr}");
    let csv = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        csv.lines().filter(|l| l.starts_with("A,")).count(),
        1,
        "{csv}"
    );
    let by_command = open(dir, Access::Read);

    // The window on the other copy, damaged the same way.
    let window = the_window_on(damaged.path());
    assert!(
        window
            .notices()
            .iter()
            .any(|n| n.contains("could not be read")),
        "{:?}",
        window.notices()
    );
    assert_eq!(window.notebook().contents(), by_command.notebook.contents());
    assert_eq!(window.notebook().orphans(), by_command.notebook.orphans());
}

fn copy_profile(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        } else if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(to.join(entry.file_name())).unwrap();
            copy_profile(&entry.path(), &to.join(entry.file_name()));
        }
    }
}

#[test]
fn backups_are_listed_and_one_is_restored_as_one_change_by_the_command_line() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    {
        let mut opened = open(dir, Access::Window);
        highlight_and_save(&mut opened, "A", 1);
        highlight_and_save(&mut opened, "B", 2);
        // After the snapshot: a note on a difference of a comparison of the reader's own.
        note_on_own_comparison_and_save(&mut opened, "N");
    }
    let lectern = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_lectern"))
            .arg("--profile")
            .arg(dir)
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {output:?}");
        (
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    };
    let (listed, _) = lectern(&["backups"]);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 1, "one snapshot: {listed}");
    let snapshot = lines
        .iter()
        .find(|l| l.starts_with("annotations-"))
        .unwrap();
    assert!(
        snapshot.contains("1 annotation (1 fewer than now)"),
        "{snapshot}"
    );
    assert!(
        snapshot.contains("0 notes on comparisons (1 fewer than now)"),
        "every kind is counted: {snapshot}"
    );
    let name = snapshot.split_whitespace().next().unwrap();
    let (_, said) = lectern(&["restore", name]);
    assert!(
        said.contains(
            "Moved to the Trash what the backup did not have (1 annotation, 1 note on a comparison)"
        ),
        "{said}"
    );
    assert!(
        said.contains("kept what you made since (1 comparison of your own)"),
        "{said}"
    );
    // What the restore set back is still in a backup: the notebook as it was, kept first.
    assert!(
        said.contains("The notebook as it was is kept as the backup annotations-"),
        "{said}"
    );
    let (listed, _) = lectern(&["backups"]);
    assert_eq!(listed.lines().count(), 2, "{listed}");
    assert!(
        listed.contains("1 annotation (same as now)") && !listed.contains("Trash (same"),
        "the first snapshot is as it was, not written over: {listed}"
    );
    assert!(
        listed.contains("1 note on a comparison (1 more than now)"),
        "the kept snapshot holds the note: {listed}"
    );
    let opened = open(dir, Access::Read);
    assert_eq!(ids(&opened), ["A"]);
    assert_eq!(
        opened.notebook.annotations().trash()[0].annotation_id,
        "B",
        "what the backup lacks is in the trash, not gone"
    );
    assert!(opened.notebook.comparison_notes().is_empty());
    assert_eq!(
        opened.notebook.comparison_notes_trash()[0].note_id,
        "N",
        "the note on the comparison is in the Trash, not gone"
    );
    assert!(
        opened.notebook.readers_comparison("own-drafts").is_some(),
        "its comparison is kept with it"
    );
    // Nothing was written as deleted: no sync engine carries a removal to other devices.
    let record =
        std::fs::read_to_string(dir.join("notebook/comparison-notes/own-drafts/N.json")).unwrap();
    assert!(!record.contains("\"deleted\""), "{record}");
    assert!(record.contains("\"trashed\": true"), "{record}");
    let output = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .arg("--profile")
        .arg(dir)
        .args(["restore", "no-such-backup"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("no backup named"),
        "{output:?}"
    );
}

/// Runs `lectern ARGS` on `dir` as a user who may read the profile folder but not write it:
/// the machine's unprivileged `nobody` when the tests run as root (root may write anywhere),
/// else the user running the tests, with the folder's write permission taken away.
fn lectern_without_write_permission(dir: &Path, args: &[&str]) -> std::process::Output {
    use std::os::unix::fs::PermissionsExt;
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let mut command = if is_root {
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        command.arg(env!("CARGO_BIN_EXE_lectern"));
        command
    } else {
        Command::new(env!("CARGO_BIN_EXE_lectern"))
    };
    // Readable by everyone, writable by no one but root: the folder and what is in it.
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let mode = if path.is_dir() { 0o555 } else { 0o444 };
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let output = command
        .arg("--profile")
        .arg(dir)
        .args(args)
        .env("HOME", dir)
        .output()
        .unwrap();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    output
}

#[test]
fn a_read_only_profile_folder_opens_read_only_with_a_message_not_an_error() {
    let outer = tempfile::tempdir().unwrap();
    let dir = outer.path().join("profile");
    std::fs::create_dir(&dir).unwrap();
    {
        let mut opened = open(&dir, Access::Window);
        highlight_and_save(&mut opened, "A", 1);
    }
    // The temporary folder holding the profile must let the other user in.
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(outer.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let output = lectern_without_write_permission(&dir, &["export", "--format", "csv"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{output:?}");
    assert!(
        stderr.starts_with("The profile folder") && stderr.contains("cannot be written"),
        "told: {stderr}"
    );
    assert!(stderr.contains("Exported 1 annotation"), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("\nA,"));
    // A command that would change it says why it cannot, and changes nothing.
    let before = std::fs::read(record(&dir, "A")).unwrap();
    let import = outer.path().join("notes.txt");
    std::fs::write(&import, "A text to import.\n").unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&import, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let output = lectern_without_write_permission(&dir, &["import", import.to_str().unwrap()]);
    assert!(!output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot be changed"), "{stderr}");
    assert_eq!(std::fs::read(record(&dir, "A")).unwrap(), before);
    assert!(!dir.join("texts").exists());
}

/// A move into the folder that a kill stopped half way (some records written, `annotations.json`
/// not yet replaced) is finished at the next start: nothing it held is missing.
#[test]
fn a_move_into_the_folder_stopped_half_way_is_finished_at_the_next_start() {
    let temp = profile_before_the_folder();
    let dir = temp.path();
    let before = AnnotationsFile::load(&Profile::open(Some(dir)).unwrap())
        .value
        .unwrap();
    // As far as the kill let it: two records written, the old file still in place.
    {
        let opened = open(dir, Access::Window);
        drop(opened);
    }
    let original = dir.join("annotations.json.bak");
    std::fs::copy(&original, dir.join("annotations.json")).unwrap();
    for id in ["a2", "a3", "a4"] {
        std::fs::remove_file(record(dir, id)).unwrap();
    }
    let opened = open(dir, Access::Window);
    assert_eq!(opened.notebook.contents(), &before);
    drop(opened);
    for id in ["a0", "a2", "a4"] {
        assert!(record(dir, id).is_file(), "{id}");
    }
    let moved = AnnotationsFile::load(&Profile::open(Some(dir)).unwrap());
    assert!(
        moved.read_only,
        "annotations.json says where the notebook went"
    );
    assert_eq!(open(dir, Access::Read).notebook.contents(), &before);
}
