//! The Syncthing harness (`tests/common/syncthing.rs`) on its own, with no Lectern code: two
//! real Syncthing instances on loopback share a folder, change it while disconnected, and
//! converge, keeping a conflict copy of each file both sides changed.
//!
//! Needs the `syncthing` binary (Debian: `apt-get install syncthing`; `.ci/run` installs it):
//! without it the test fails, it does not pass quietly.
//!
//! What Syncthing (1.19) does with a file changed on both sides while they were apart, as this
//! test checks it:
//!
//! - The version with the newer modification time wins (on a tie, Syncthing compares device
//!   IDs): it ends up under the file's own name on both sides.
//! - The side that lost renames its own version, while it pulls the winner, to
//!   `NAME.sync-conflict-YYYYMMDD-HHMMSS-SHORTID.EXT` (`same.json` gives
//!   `same.sync-conflict-20250102-030405-ABCDEF7.json`): the date and time are when the loser
//!   made the copy (its local time), and SHORTID is the first seven characters of the device ID
//!   of the device that made the *winning* version (`ModifiedBy` of the version pulled), not of
//!   the device whose content is in the copy. Code must not read the author of a conflict copy
//!   from its name.
//! - The conflict copy is then an ordinary new file of the loser (its `modifiedBy` is the
//!   loser) and syncs to the winner: after settling, both sides have it, under the same name,
//!   with the losing content and the losing version's modification time.
//! - This holds both for a file that existed on both sides before (changed on both) and for one
//!   created independently on both sides.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use crate::common::syncthing;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use regex::Regex;
use syncthing::{Side, SyncedPair};

/// The bound of every settle.
const SETTLE: Duration = Duration::from_secs(60);

/// Settles the pair, failing the test with Syncthing's state and logs if it does not.
fn settle(pair: &SyncedPair, what: &str) {
    let started = Instant::now();
    pair.settle(SETTLE)
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    eprintln!("{what}: settled in {:?}", started.elapsed());
}

/// Writes `contents` to `folder/relative` (creating its directory) and sets its modification
/// time to `modified`.
fn write(folder: &Path, relative: &str, contents: &str, modified: SystemTime) {
    let path = folder.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, contents).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
}

/// The contents of `folder/relative`, or `None` if it does not exist.
fn read(folder: &Path, relative: &str) -> Option<String> {
    fs::read_to_string(folder.join(relative)).ok()
}

/// The names in `folder` (top level), sorted.
fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The first seven characters of a device ID, as in conflict copies' names and `modifiedBy`.
fn short_id(device_id: &str) -> &str {
    &device_id[..7]
}

/// Checks the conflict of `stem.json`, whose content `winner` is B's (newer) and `loser` A's
/// (older, modified at `loser_modified`), on both sides; the conflict copy's name.
fn check_conflict(
    pair: &SyncedPair,
    stem: &str,
    winner: &str,
    loser: &str,
    loser_modified: SystemTime,
) -> String {
    let name = format!("{stem}.json");
    let pattern = Regex::new(&format!(
        r"^{stem}\.sync-conflict-\d{{8}}-\d{{6}}-([A-Z2-7]{{7}})\.json$"
    ))
    .unwrap();
    let (a, b) = (pair.folder(Side::A), pair.folder(Side::B));
    // The newer version is the file itself on both sides.
    assert_eq!(read(a, &name).as_deref(), Some(winner), "{name} on A");
    assert_eq!(read(b, &name).as_deref(), Some(winner), "{name} on B");
    // One conflict copy, the same on both sides (made by A, synced to B).
    let copies = |folder: &Path| -> Vec<String> {
        names(folder)
            .into_iter()
            .filter(|n| pattern.is_match(n))
            .collect()
    };
    let copies_a = copies(a);
    assert_eq!(
        copies_a.len(),
        1,
        "one conflict copy of {name} on A: {:?}",
        names(a)
    );
    assert_eq!(
        copies(b),
        copies_a,
        "the conflict copy of {name} synced to B: {:?}",
        names(b)
    );
    let copy = &copies_a[0];
    for (side, folder) in [(Side::A, a), (Side::B, b)] {
        assert_eq!(
            read(folder, copy).as_deref(),
            Some(loser),
            "{copy} on {side:?} holds the losing content"
        );
        let modified = fs::metadata(folder.join(copy)).unwrap().modified().unwrap();
        let off = modified
            .duration_since(loser_modified)
            .unwrap_or_else(|e| e.duration());
        assert!(
            off < Duration::from_secs(1),
            "{copy} on {side:?} keeps the losing version's mtime (off by {off:?})"
        );
        // The copy is a file of A's making, synced to B.
        let file = pair
            .rest_get(
                side,
                &format!("/rest/db/file?folder={}&file={copy}", pair.folder_id()),
            )
            .unwrap();
        assert_eq!(
            file["global"]["modifiedBy"].as_str(),
            Some(short_id(pair.device_id(Side::A))),
            "{copy}: {file}"
        );
    }
    // Its name ends with the short ID of the *winning* device (B), not of A whose content it holds.
    let suffix = &pattern.captures(copy).unwrap()[1];
    assert_eq!(
        suffix,
        short_id(pair.device_id(Side::B)),
        "{copy}: A is {}",
        pair.device_id(Side::A)
    );
    copy.clone()
}

/// Both running configurations, as Syncthing reports them (a large answer, which it sends
/// chunked): loopback only, every outside service off, the one shared folder with Syncthing's
/// default of ten conflict copies per file.
fn check_loopback_only(pair: &SyncedPair) {
    for side in [Side::A, Side::B] {
        let config = pair.rest_get(side, "/rest/config").unwrap();
        let options = &config["options"];
        let listen = options["listenAddresses"].as_array().unwrap();
        assert_eq!(listen.len(), 1, "{side:?}: {listen:?}");
        assert!(
            listen[0].as_str().unwrap().starts_with("tcp://127.0.0.1:"),
            "{side:?}: {listen:?}"
        );
        for off in [
            "globalAnnounceEnabled",
            "localAnnounceEnabled",
            "relaysEnabled",
            "natEnabled",
            "crashReportingEnabled",
            "startBrowser",
        ] {
            assert_eq!(options[off].as_bool(), Some(false), "{side:?}: {off}");
        }
        assert_eq!(
            options["urAccepted"].as_i64(),
            Some(-1),
            "{side:?}: usage reporting"
        );
        assert_eq!(
            options["autoUpgradeIntervalH"].as_i64(),
            Some(0),
            "{side:?}: upgrades"
        );
        assert!(
            config["gui"]["address"]
                .as_str()
                .unwrap()
                .starts_with("127.0.0.1:"),
            "{side:?}"
        );
        let folders = config["folders"].as_array().unwrap();
        assert_eq!(folders.len(), 1, "{side:?}: no default folder");
        assert_eq!(folders[0]["id"].as_str(), Some(pair.folder_id()));
        assert_eq!(folders[0]["type"].as_str(), Some("sendreceive"));
        assert_eq!(folders[0]["maxConflicts"].as_i64(), Some(10), "{side:?}");
        assert_eq!(folders[0]["path"].as_str(), pair.folder(side).to_str());
        for device in config["devices"].as_array().unwrap() {
            for address in device["addresses"].as_array().unwrap() {
                let address = address.as_str().unwrap();
                assert!(
                    address == "dynamic" || address.starts_with("tcp://127.0.0.1:"),
                    "{side:?}: {address}"
                );
            }
        }
    }
}

#[test]
fn two_instances_converge_and_keep_a_conflict_copy() {
    let test_started = Instant::now();
    let tmp = tempfile::tempdir().unwrap();
    let (folder_a, folder_b) = (tmp.path().join("a"), tmp.path().join("b"));
    let pair = SyncedPair::start(&tmp.path().join("syncthing"), &folder_a, &folder_b)
        .unwrap_or_else(|e| panic!("cannot start the Syncthing pair: {e}"));
    eprintln!("started in {:?}", test_started.elapsed());
    let (a, b) = (
        pair.folder(Side::A).to_owned(),
        pair.folder(Side::B).to_owned(),
    );
    check_loopback_only(&pair);
    // B's versions are the newer ones, so that the winner of each conflict is known.
    let now = SystemTime::now();
    let earlier = now - Duration::from_secs(60);

    // A file synced while connected, to be changed on both sides later.
    write(
        &a,
        "edited.json",
        r#"{"v":"base"}"#,
        earlier - Duration::from_secs(60),
    );
    settle(&pair, "first settle");
    assert_eq!(read(&b, "edited.json").as_deref(), Some(r#"{"v":"base"}"#));

    pair.pause().unwrap();
    write(&a, "x/one.json", r#"{"one":1}"#, now);
    write(&b, "x/two.json", r#"{"two":2}"#, now);
    write(&a, "same.json", r#"{"by":"a"}"#, earlier);
    write(&b, "same.json", r#"{"by":"b"}"#, now);
    write(&a, "edited.json", r#"{"v":"a"}"#, earlier);
    write(&b, "edited.json", r#"{"v":"b"}"#, now);
    // Each side indexes its own changes while apart, as a machine that was offline would have.
    pair.rescan().unwrap();
    // Apart, they do not settle and nothing crosses.
    let apart = pair.settle(Duration::from_secs(3)).unwrap_err();
    assert!(apart.contains("not connected"), "{apart}");
    assert_eq!(read(&b, "x/one.json"), None);
    assert_eq!(read(&a, "x/two.json"), None);
    pair.resume().unwrap();
    settle(&pair, "settle after resume");

    for folder in [&a, &b] {
        assert_eq!(
            read(folder, "x/one.json").as_deref(),
            Some(r#"{"one":1}"#),
            "{}",
            folder.display()
        );
        assert_eq!(
            read(folder, "x/two.json").as_deref(),
            Some(r#"{"two":2}"#),
            "{}",
            folder.display()
        );
    }
    let same_copy = check_conflict(&pair, "same", r#"{"by":"b"}"#, r#"{"by":"a"}"#, earlier);
    let edited_copy = check_conflict(&pair, "edited", r#"{"v":"b"}"#, r#"{"v":"a"}"#, earlier);
    eprintln!("conflict copies: {same_copy}, {edited_copy}");
    // Nothing else: no temporary files left, the folder marker on both sides.
    let mut expected = vec![
        ".stfolder".to_owned(),
        "edited.json".to_owned(),
        "same.json".to_owned(),
        "x".to_owned(),
    ];
    expected.extend([same_copy, edited_copy]);
    expected.sort();
    assert_eq!(names(&a), expected);
    assert_eq!(names(&b), expected);
    eprintln!("whole test in {:?}", test_started.elapsed());
}
