//! A profile carried between two machines by git: two clones of one profile repository each
//! add, change and delete annotations apart, then meet through `git pull`. Work on separate
//! records merges without a textual conflict; where both changed one record, git leaves its
//! markers in that file and Lectern merges the two versions, keeping both notes for the reader.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use crate::common::notebook;

use std::path::Path;
use std::process::Command;

use lectern::model::notebook::Contents;
use lectern::storage::open::Access;
use notebook::{KAMENEV, change, highlight, ids, open};

/// Runs git in `dir` with a configuration of its own (no user's or system's settings).
pub fn git(dir: &Path, home: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Reader")
        .env("GIT_AUTHOR_EMAIL", "reader@example.org")
        .env("GIT_COMMITTER_NAME", "Reader")
        .env("GIT_COMMITTER_EMAIL", "reader@example.org")
        .output()
        .expect("git is installed (.ci/run installs it)")
}

/// `git pull` as a reader runs it, merging (not rebasing).
const PULL: &[&str] = &[
    "-c",
    "pull.rebase=false",
    "pull",
    "--quiet",
    "origin",
    "main",
];

fn git_ok(dir: &Path, home: &Path, args: &[&str]) {
    let output = git(dir, home, args);
    assert!(output.status.success(), "git {args:?}: {output:?}");
}

fn notebook_of(dir: &Path) -> Contents {
    open(dir, Access::Write).notebook.contents().clone()
}

#[test]
fn two_clones_of_a_profile_meet_through_git_pull_and_lose_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let home = temp.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let (laptop, desktop) = (temp.path().join("laptop"), temp.path().join("desktop"));
    git_ok(
        temp.path(),
        &home,
        &["init", "--quiet", "--bare", "-b", "main", "origin.git"],
    );
    git_ok(
        temp.path(),
        &home,
        &["clone", "--quiet", "origin.git", "laptop"],
    );

    // The laptop starts the notebook and pushes it.
    change(&laptop, |live| {
        live.push(highlight("common", 0, "first reading"));
        live.push(highlight("kept-on-desktop", 1, ""));
        live.push(highlight("dropped-on-laptop", 2, ""));
        live.push(highlight("dropped-on-desktop", 3, ""));
        live.push(highlight("changed-on-laptop", 6, ""));
    });
    let ignored = std::fs::read_to_string(laptop.join(".gitignore")).unwrap();
    assert!(
        ignored.contains("/local") && ignored.contains("/backups"),
        "{ignored}"
    );
    git_ok(&laptop, &home, &["add", "-A"]);
    git_ok(&laptop, &home, &["commit", "--quiet", "-m", "notebook"]);
    git_ok(&laptop, &home, &["push", "--quiet", "origin", "main"]);
    git_ok(
        temp.path(),
        &home,
        &["clone", "--quiet", "origin.git", "desktop"],
    );
    assert_eq!(ids(&notebook_of(&desktop)), ids(&notebook_of(&laptop)));

    // Apart: each adds one, deletes one and changes one of its own, and both change the
    // common note.
    change(&laptop, |live| {
        live.retain(|a| a.annotation_id != "dropped-on-laptop");
        live[0].note = "the laptop's reading".into();
        for a in live
            .iter_mut()
            .filter(|a| a.annotation_id == "changed-on-laptop")
        {
            a.note = "changed on the laptop".into();
        }
        live.push(highlight("from-laptop", 4, "made on the laptop"));
    });
    change(&desktop, |live| {
        live.retain(|a| a.annotation_id != "dropped-on-desktop");
        live[0].note = "the desktop's reading".into();
        for a in live
            .iter_mut()
            .filter(|a| a.annotation_id == "kept-on-desktop")
        {
            a.tags = vec!["changed on the desktop".into()];
        }
        live.push(highlight("from-desktop", 5, "made on the desktop"));
    });
    git_ok(&laptop, &home, &["add", "-A"]);
    git_ok(&laptop, &home, &["commit", "--quiet", "-m", "laptop"]);
    git_ok(&laptop, &home, &["push", "--quiet", "origin", "main"]);
    git_ok(&desktop, &home, &["add", "-A"]);
    git_ok(&desktop, &home, &["commit", "--quiet", "-m", "desktop"]);

    // They meet. Only the record both changed conflicts.
    let pull = git(&desktop, &home, PULL);
    let status = git(&desktop, &home, &["status", "--porcelain"]);
    let status = String::from_utf8(status.stdout).unwrap();
    let conflicted: Vec<&str> = status.lines().filter(|l| l.starts_with("UU")).collect();
    assert!(
        !pull.status.success(),
        "the common record conflicts: {pull:?}"
    );
    assert_eq!(conflicted.len(), 1, "{status}");
    assert!(
        conflicted[0].ends_with(&format!("notebook/annotations/{KAMENEV}/common.json")),
        "{status}"
    );

    // Lectern loads the union and merges the markers: the later note stands, the other is
    // kept for the reader.
    let opened = open(&desktop, Access::Write);
    let merged = opened.notebook.contents().clone();
    assert_eq!(
        ids(&merged),
        [
            "common",
            "kept-on-desktop",
            "from-laptop",
            "from-desktop",
            "changed-on-laptop"
        ]
    );
    let note = |id: &str| merged.annotations.get(id).unwrap().clone();
    assert_eq!(note("changed-on-laptop").note, "changed on the laptop");
    assert_eq!(note("kept-on-desktop").tags, ["changed on the desktop"]);
    let common = merged.annotations.get("common").unwrap();
    assert_eq!(
        common.note, "the desktop's reading",
        "the desktop changed it last"
    );
    assert_eq!(common.diverged_notes.len(), 1);
    assert_eq!(common.diverged_notes[0].note, "the laptop's reading");
    assert!(
        opened
            .notices
            .iter()
            .any(|n| n.contains("changed on two devices")),
        "{:?}",
        opened.notices
    );
    drop(opened);
    let record = std::fs::read_to_string(
        desktop.join(format!("notebook/annotations/{KAMENEV}/common.json")),
    )
    .unwrap();
    assert!(
        !record.contains("<<<<<<<"),
        "the merge was written back: {record}"
    );

    // The reader ends git's merge; the laptop pulls it without a conflict and sees the same.
    git_ok(&desktop, &home, &["add", "-A"]);
    git_ok(&desktop, &home, &["commit", "--quiet", "-m", "merged"]);
    git_ok(&desktop, &home, &["push", "--quiet", "origin", "main"]);
    git_ok(&laptop, &home, PULL);
    assert_eq!(notebook_of(&laptop), merged);
    let status = git(&laptop, &home, &["status", "--porcelain"]);
    assert_eq!(
        String::from_utf8(status.stdout).unwrap(),
        "",
        "nothing left to commit"
    );
}
