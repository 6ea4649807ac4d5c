//! Kill Lectern at random moments while it saves, many times: every reload must find a
//! complete old or new state, never a torn file and never an empty set.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::process::{Command, Stdio};
use std::time::Duration;

use lectern::model::generate::SplitMix64;
use lectern::storage::annotations_file::AnnotationsFile;
use lectern::storage::atomic::backup_path;
use lectern::storage::profile::Profile;

#[test]
fn a_kill_at_any_moment_leaves_a_complete_old_or_new_file() {
    let temp = tempfile::tempdir().unwrap();
    let profile = Profile::open(Some(temp.path())).unwrap();
    let mut rng = SplitMix64::new(42);
    let mut last_count = 0;
    let rounds = 30;
    for round in 0..rounds {
        let mut child = Command::new(env!("CARGO_BIN_EXE_lectern"))
            .arg("--profile")
            .arg(temp.path())
            .arg("save-loop")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.range(15, 150) as u64));
        child.kill().unwrap(); // SIGKILL: no chance to clean up
        child.wait().unwrap();

        let loaded = AnnotationsFile::load(&profile);
        assert!(
            loaded.notices.is_empty(),
            "round {round}: {:?}",
            loaded.notices
        );
        let Some(file) = loaded.value else {
            // Killed before the first save completed: no file, and (checked above) no notice
            // of a damaged one.
            continue;
        };
        let live = file.annotations.live();
        // Complete: annotations a0..aN, each whole.
        for (n, annotation) in live.iter().enumerate() {
            assert_eq!(annotation.annotation_id, format!("a{n}"), "round {round}");
            assert!(
                annotation.note.starts_with(&format!("note {n}:")),
                "round {round}"
            );
            assert_eq!(annotation.anchor.exact.chars().count(), 30);
        }
        last_count = last_count.max(live.len());
        if backup_path(&profile.annotations_path()).exists() {
            let backup = std::fs::read(backup_path(&profile.annotations_path())).unwrap();
            assert!(
                serde_json::from_slice::<serde_json::Value>(&backup).is_ok(),
                "round {round}: torn backup"
            );
        }
    }
    assert!(
        last_count > 0,
        "the child never managed to save: the test proved nothing"
    );
    println!("{rounds} kills; the largest complete state had {last_count} annotations");
}
