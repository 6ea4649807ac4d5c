//! Two profiles carried by Syncthing, as two machines keep one notebook: two real Syncthing
//! instances on loopback (`tests/common/syncthing.rs`: no discovery, relays, NAT traversal,
//! reporting or upgrades) share a profile folder. Both sides annotate while apart, then meet;
//! Lectern on each side loads the same, complete notebook, with the note both changed shown as
//! a conflict to resolve and no conflict copy left behind.
//!
//! Needs the `syncthing` binary (`.ci/run` installs it): without it the test fails.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use crate::common::syncthing;

use crate::common::notebook;

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use lectern::storage::open::Access;
use notebook::{KAMENEV, change, highlight, ids, open};
use syncthing::SyncedPair;

const SETTLE: Duration = Duration::from_secs(60);

/// The conflict copies under `dir` (Syncthing's names).
fn conflict_copies(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().unwrap().is_dir() {
                pending.push(entry.path());
            } else if name.contains(".sync-conflict-") {
                found.push(name);
            }
        }
    }
    found
}

/// Waits until the wall clock, in the milliseconds Lectern stamps its writes with, has passed
/// the stamp of the record of annotation `id` in the profile at `dir`: what is written next,
/// on any device, is the later edit.
fn wait_until_later_than_the_record(dir: &Path, id: &str) {
    let record = dir
        .join("notebook/annotations")
        .join(KAMENEV)
        .join(format!("{id}.json"));
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(record).unwrap()).unwrap();
    let stamped = file["stamp"]["millis"].as_u64().unwrap();
    let now = || {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_millis()
    };
    while now() <= u128::from(stamped) {
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn settle(pair: &SyncedPair, what: &str) {
    pair.settle(SETTLE)
        .unwrap_or_else(|e| panic!("{what}: {e}"));
}

#[test]
fn two_profiles_synced_by_syncthing_annotate_apart_and_meet_with_nothing_lost() {
    let temp = tempfile::tempdir().unwrap();
    let (laptop, desktop) = (temp.path().join("laptop"), temp.path().join("desktop"));
    std::fs::create_dir_all(&laptop).unwrap();
    std::fs::create_dir_all(&desktop).unwrap();
    // Lectern names what is per device before the engine first looks at the folder.
    drop(open(&laptop, Access::Window));
    drop(open(&desktop, Access::Window));
    let pair = SyncedPair::start(&temp.path().join("syncthing"), &laptop, &desktop)
        .unwrap_or_else(|e| panic!("Syncthing could not be started: {e}"));

    // The laptop starts the notebook; the desktop receives it.
    change(&laptop, |live| {
        live.push(highlight("common", 0, "first reading"));
        live.push(highlight("dropped-on-laptop", 1, ""));
        live.push(highlight("dropped-on-desktop", 2, ""));
    });
    settle(&pair, "the first sync");
    assert_eq!(
        ids(open(&desktop, Access::Read).notebook.contents()),
        ["common", "dropped-on-laptop", "dropped-on-desktop"]
    );

    // Apart: each adds one, deletes one, and both change the common note (the desktop later).
    pair.pause().unwrap();
    change(&laptop, |live| {
        live.retain(|a| a.annotation_id != "dropped-on-laptop");
        live[0].note = "the laptop's reading".into();
        live.push(highlight("from-laptop", 3, "made on the laptop"));
    });
    wait_until_later_than_the_record(&laptop, "common");
    change(&desktop, |live| {
        live.retain(|a| a.annotation_id != "dropped-on-desktop");
        live[0].note = "the desktop's reading".into();
        live.push(highlight("from-desktop", 4, "made on the desktop"));
    });
    pair.rescan().unwrap();

    // They meet. Syncthing keeps one version of the common record and a conflict copy.
    pair.resume().unwrap();
    settle(&pair, "the meeting");
    let copies = conflict_copies(&laptop);
    assert!(
        copies
            .iter()
            .any(|c| c.starts_with("common.sync-conflict-")),
        "{copies:?}"
    );

    // Lectern on the laptop merges the copy and writes the merge back; it reaches the
    // desktop, whose Lectern then has nothing left to merge.
    let said = open(&laptop, Access::Window).notices;
    assert!(
        said.iter().any(|n| n.contains("changed on two devices")),
        "{said:?}"
    );
    settle(&pair, "after the merge");
    let desktop_said = open(&desktop, Access::Window).notices;
    settle(&pair, "after the desktop opened");
    assert!(
        conflict_copies(&laptop).is_empty(),
        "{:?}",
        conflict_copies(&laptop)
    );
    assert!(
        conflict_copies(&desktop).is_empty(),
        "{:?}",
        conflict_copies(&desktop)
    );

    // Both sides load the same, complete notebook.
    let on_laptop = open(&laptop, Access::Read).notebook.contents().clone();
    let on_desktop = open(&desktop, Access::Read).notebook.contents().clone();
    assert_eq!(on_laptop, on_desktop, "the desktop said {desktop_said:?}");
    assert_eq!(ids(&on_laptop), ["common", "from-laptop", "from-desktop"]);
    let common = on_laptop.annotations.get("common").unwrap();
    assert_eq!(
        common.note, "the desktop's reading",
        "the later edit stands"
    );
    assert_eq!(common.diverged_notes.len(), 1, "{common:?}");
    assert_eq!(common.diverged_notes[0].note, "the laptop's reading");
    drop(pair);
}
