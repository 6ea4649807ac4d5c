//! A study group carried by real sync engines, driven through the `lectern` binary as members
//! run it: three real Syncthing instances on loopback (`tests/it/common/syncthing.rs`: no
//! discovery, relays, NAT traversal, reporting or upgrades) each carry their own copy of one
//! group folder, and two git clones of one bare repository carry it through `push` and `pull`.
//! Each member has a profile of their own, not synced. One shares a question, the others reply
//! apart, and they meet: every copy shows every record with its author, verified; a private
//! note stays out of every copy (and git's history); a record edited by hand in one copy shows
//! unverified on every side once synced, the others still verified; and since each member
//! writes only in their own part of the folder, Syncthing makes no conflict copy.
//!
//! Needs the `syncthing` and `git` binaries (`.ci/run` installs them): without them the tests
//! fail.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use crate::common::notebook;
use crate::common::syncthing;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::sync_git::git;

use lectern::storage::open::Access;
use serde_json::{Value, json};
use syncthing::SyncedMesh;

/// The bound of every settle.
const SETTLE: Duration = Duration::from_secs(60);

/// The group's name.
const GROUP: &str = "Seminar";

/// The passage of Lenin's letter to Kamenev every annotation here is on.
const PASSAGE: &str = "Union of Soviet Republics of Europe and Asia";

/// The question shared, its W3C id (the notebook keeps it) and its note.
const QUESTION_ID: &str = "urn:x:question";
const QUESTION: &str = "Why does Stalin say 'entry'?";

/// Anna's private annotation, never shared: its W3C id and its note.
const PRIVATE_ID: &str = "urn:x:private-anna-7f3c";
const PRIVATE_NOTE: &str = "PRIVATE-ANNA-7f3c: my own reading, not for the group";

/// `lectern --profile DIR ARGS…`, which must succeed; its standard output.
fn lectern(profile: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .arg("--profile")
        .arg(profile)
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "lectern --profile {} {args:?} failed ({}):\n{}{}",
        profile.display(),
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A member of the group: their name, their profile and their member id.
struct Reader {
    name: &'static str,
    profile: PathBuf,
    id: String,
}

impl Reader {
    /// Makes the profile `dir` and names its member `name` (`lectern member NAME`).
    fn new(name: &'static str, dir: PathBuf) -> Self {
        fs::create_dir_all(&dir).unwrap();
        let line = lectern(&dir, &["member", name]);
        let fields: Vec<&str> = line.trim_end().split('\t').collect();
        assert_eq!(fields.len(), 4, "{line:?}");
        assert_eq!(fields[0], name, "{line:?}");
        assert!(fields[2].starts_with("m-"), "{line:?}");
        assert!(fields[3].starts_with("key "), "{line:?}");
        Reader {
            name,
            id: fields[2].to_owned(),
            profile: dir,
        }
    }

    fn run(&self, args: &[&str]) -> String {
        lectern(&self.profile, args)
    }

    /// Joins the group in `dir` (naming it when `name` is given); what `lectern` said.
    fn join(&self, dir: &Path, name: Option<&str>) -> String {
        let mut args = vec!["group", "join", dir.to_str().unwrap()];
        args.extend(name.map(|n| ["--name", n]).iter().flatten());
        let said = self.run(&args);
        assert!(
            said.starts_with(&format!("Joined {GROUP} (")) && said.contains(self.name),
            "{} joining {}: {said}",
            self.name,
            dir.display()
        );
        said
    }

    /// Imports one W3C annotation on the passage, with `note`, into the notebook (or, with
    /// `group`, straight into the group).
    fn import(&self, id: &str, note: &str, group: Option<&str>) {
        let file = self.profile.parent().unwrap().join(format!(
            "{}-{}.json",
            self.name,
            id.replace(':', "-")
        ));
        let annotation = json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "Annotation",
            "id": id,
            "body": [{"type": "TextualBody", "value": note, "purpose": "commenting"}],
            "target": {
                "source": format!("urn:lectern:text:{}", notebook::KAMENEV),
                "selector": {"type": "TextQuoteSelector", "exact": PASSAGE}
            }
        });
        fs::write(&file, serde_json::to_vec_pretty(&annotation).unwrap()).unwrap();
        let mut args = vec!["import-annotations", file.to_str().unwrap()];
        args.extend(group.map(|g| ["--group", g]).iter().flatten());
        self.run(&args);
    }

    /// Shares the notebook's annotation `id` with the group; the record's id.
    fn share(&self, id: &str) -> String {
        let said = self.run(&["group", "share", GROUP, id]);
        let prefix = format!("Shared {id} with {GROUP} as ");
        said.trim_end()
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix('.'))
            .unwrap_or_else(|| panic!("{}: {said:?}", self.name))
            .to_owned()
    }

    /// Replies `text` under `record`; the reply's id.
    fn reply(&self, record: &str, text: &str) -> String {
        let said = self.run(&["group", "reply", GROUP, record, text]);
        said.trim_end()
            .strip_prefix(&format!("Replied in {GROUP} as "))
            .and_then(|rest| rest.strip_suffix('.'))
            .unwrap_or_else(|| panic!("{}: {said:?}", self.name))
            .to_owned()
    }

    /// The group's records as this member's `lectern group show --format json` gives them.
    fn shown(&self) -> Vec<Value> {
        let json = self.run(&["group", "show", GROUP, "--format", "json"]);
        serde_json::from_str::<Value>(&json)
            .unwrap()
            .as_array()
            .unwrap_or_else(|| panic!("not an array: {json}"))
            .clone()
    }

    /// The ids of the live annotations of the private notebook, sorted.
    fn notebook_ids(&self) -> Vec<String> {
        let mut ids = notebook::ids(
            notebook::open(&self.profile, Access::Read)
                .notebook
                .contents(),
        );
        ids.sort_unstable();
        ids
    }
}

/// What a record shown is expected to be.
struct Expected<'a> {
    kind: &'a str,
    author: &'a Reader,
    text: &'a str,
    verified: bool,
    thread_of: Option<&'a str>,
}

/// Checks that `reader` is shown exactly the records `expected` (by id), each as expected.
fn assert_shown(reader: &Reader, expected: &BTreeMap<&str, Expected<'_>>) -> Vec<Value> {
    let shown = reader.shown();
    let context = || {
        format!(
            "as {} sees the group:\n{}",
            reader.name,
            serde_json::to_string_pretty(&shown).unwrap()
        )
    };
    let ids: Vec<&str> = shown.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        expected.keys().copied().collect::<Vec<_>>(),
        "{}",
        context()
    );
    for record in &shown {
        let want = &expected[record["id"].as_str().unwrap()];
        assert_eq!(record["kind"], want.kind, "{}", context());
        assert_eq!(record["author"], want.author.name, "{}", context());
        assert_eq!(record["member"], want.author.id.as_str(), "{}", context());
        assert_eq!(record["verified"], want.verified, "{}", context());
        assert!(
            record["summary"].as_str().unwrap().contains(want.text),
            "{}",
            context()
        );
        assert_eq!(
            record["thread_of"].as_str(),
            want.thread_of,
            "{}",
            context()
        );
        // Only a thread's root says whether it is resolved; nobody resolved this one.
        let resolved = want.thread_of.is_none().then_some(false);
        assert_eq!(record["resolved"].as_bool(), resolved, "{}", context());
    }
    shown
}

/// Whether `reader` is shown record `id` as new.
fn is_new(shown: &[Value], id: &str) -> bool {
    shown
        .iter()
        .find(|r| r["id"] == id)
        .and_then(|r| r["new"].as_bool())
        .unwrap()
}

/// Every file under `dir` (but Syncthing's folder marker and git's repository), by path
/// relative to `dir`, with its content.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name();
            if name == ".stfolder" || name == ".git" {
                continue;
            }
            if entry.file_type().unwrap().is_dir() {
                pending.push(entry.path());
            } else {
                let relative = entry.path().strip_prefix(dir).unwrap().to_path_buf();
                found.insert(relative, fs::read(entry.path()).unwrap());
            }
        }
    }
    found
}

/// Fails if the private note or its id is in any file under `dir`.
fn assert_nothing_private_in(dir: &Path) {
    let files = tree(dir);
    assert!(!files.is_empty(), "{} is empty", dir.display());
    for (path, bytes) in files {
        let text = String::from_utf8_lossy(&bytes);
        for secret in [PRIVATE_NOTE, PRIVATE_ID] {
            assert!(
                !text.contains(secret),
                "{secret:?} is in the group folder: {}:\n{text}",
                dir.join(path).display()
            );
        }
    }
}

/// Replaces `from` by `to` in the file at `path`, as an editor would.
fn edit_by_hand(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{}:\n{text}", path.display());
    fs::write(path, text.replace(from, to)).unwrap();
}

/// The file of `author`'s record `id` in the group folder `dir`.
fn record_file(dir: &Path, author: &Reader, id: &str) -> PathBuf {
    dir.join("members")
        .join(&author.id)
        .join("records")
        .join(format!("{id}.json"))
}

/// Settles the mesh, then checks that the three copies hold the same files and no conflict
/// copy.
fn settle(mesh: &SyncedMesh, copies: &[&Path], what: &str) {
    let started = Instant::now();
    mesh.settle(SETTLE)
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    eprintln!("{what}: settled in {:?}", started.elapsed());
    let first = tree(copies[0]);
    for copy in copies {
        let files = tree(copy);
        let conflicts: Vec<&PathBuf> = files
            .keys()
            .filter(|p| p.to_string_lossy().contains(".sync-conflict-"))
            .collect();
        assert!(
            conflicts.is_empty(),
            "{what}: conflict copies in {}: {conflicts:?}",
            copy.display()
        );
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            first.keys().collect::<Vec<_>>(),
            "{what}: {} and {} differ",
            copy.display(),
            copies[0].display()
        );
        assert!(files == first, "{what}: {} differs", copy.display());
    }
}

#[test]
fn three_members_synced_by_syncthing_reply_apart_and_see_every_record_verified() {
    let temp = tempfile::tempdir().unwrap();
    let copy = |name: &str| temp.path().join("group-copies").join(name);
    let (anna_copy, boris_copy, vera_copy) = (copy("anna"), copy("boris"), copy("vera"));
    let mesh = SyncedMesh::start(
        &temp.path().join("syncthing"),
        &[&anna_copy, &boris_copy, &vera_copy],
    )
    .unwrap_or_else(|e| panic!("Syncthing could not be started: {e}"));
    let copies = [
        mesh.folder(0).to_path_buf(),
        mesh.folder(1).to_path_buf(),
        mesh.folder(2).to_path_buf(),
    ];
    let copies: Vec<&Path> = copies.iter().map(PathBuf::as_path).collect();
    let profile = |name: &str| temp.path().join("profiles").join(name);
    let anna = Reader::new("Anna", profile("anna"));
    let boris = Reader::new("Boris", profile("boris"));
    let vera = Reader::new("Vera", profile("vera"));

    // Anna makes the group; its name reaches the others' copies before they join.
    anna.join(copies[0], Some(GROUP));
    anna.import(QUESTION_ID, QUESTION, None);
    anna.import(PRIVATE_ID, PRIVATE_NOTE, None);
    assert_eq!(anna.notebook_ids(), [PRIVATE_ID, QUESTION_ID]);
    settle(&mesh, &copies, "the group's file");
    boris.join(copies[1], None);
    vera.join(copies[2], None);

    // Anna shares her question with the group; it reaches everyone.
    let question = anna.share(QUESTION_ID);
    settle(&mesh, &copies, "the question");
    let mut expected = BTreeMap::new();
    expected.insert(
        question.as_str(),
        Expected {
            kind: "annotation",
            author: &anna,
            text: QUESTION,
            verified: true,
            thread_of: None,
        },
    );
    for reader in [&anna, &boris, &vera] {
        assert_shown(reader, &expected);
    }

    // Apart, Boris and Vera each reply; neither sees the other's reply yet.
    mesh.pause().unwrap();
    let boris_reply = boris.reply(&question, "Stalin's word, not Lenin's: Boris");
    let vera_reply = vera.reply(&question, "Vera: Lenin wants equality, not entry");
    for (reader, reply) in [(&boris, &boris_reply), (&vera, &vera_reply)] {
        let mut ids: Vec<String> = reader
            .shown()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect();
        ids.sort_unstable();
        let mut only = vec![question.clone(), reply.clone()];
        only.sort_unstable();
        assert_eq!(
            ids, only,
            "{} sees only the question and their own reply while apart",
            reader.name
        );
    }
    mesh.resume().unwrap();
    settle(&mesh, &copies, "the replies");

    // Every side shows all three records, each by its author, all verified; each member's
    // own records are not new to them, the others' are.
    expected.insert(
        boris_reply.as_str(),
        Expected {
            kind: "reply",
            author: &boris,
            text: "Stalin's word, not Lenin's: Boris",
            verified: true,
            thread_of: Some(question.as_str()),
        },
    );
    expected.insert(
        vera_reply.as_str(),
        Expected {
            kind: "reply",
            author: &vera,
            text: "Vera: Lenin wants equality, not entry",
            verified: true,
            thread_of: Some(question.as_str()),
        },
    );
    for reader in [&anna, &boris, &vera] {
        let shown = assert_shown(reader, &expected);
        for (id, want) in &expected {
            assert_eq!(
                is_new(&shown, id),
                want.author.id != reader.id,
                "{} sees {id} by {} as new or not: {shown:#?}",
                reader.name,
                want.author.name
            );
        }
    }

    // The private annotation stays in Anna's notebook and out of every copy.
    assert_eq!(anna.notebook_ids(), [PRIVATE_ID, QUESTION_ID]);
    for copy in &copies {
        assert_nothing_private_in(copy);
    }

    // Anna reads everything; then, in Vera's copy, someone changes Boris's reply by hand.
    assert_eq!(
        anna.run(&["group", "read", GROUP]).trim_end(),
        format!("Marked 2 records read in {GROUP}.")
    );
    let edited = "Stalin's word, not Lenin's: Boris (and Lenin agreed)";
    edit_by_hand(
        &record_file(copies[2], &boris, &boris_reply),
        "Stalin's word, not Lenin's: Boris",
        edited,
    );
    settle(&mesh, &copies, "the edit by hand");
    for copy in &copies {
        let text = fs::read_to_string(record_file(copy, &boris, &boris_reply)).unwrap();
        assert!(text.contains(edited), "{}: {text}", copy.display());
    }

    // Every side shows it unverified, still under Boris's name and with the changed text, and
    // the other two verified; it is new again to Anna, who had read it, and to Boris, whose
    // name it bears without his signature.
    let reply = expected.get_mut(boris_reply.as_str()).unwrap();
    reply.verified = false;
    reply.text = edited;
    for reader in [&anna, &boris, &vera] {
        let shown = assert_shown(reader, &expected);
        if reader.name != "Vera" {
            assert!(is_new(&shown, &boris_reply), "{}: {shown:#?}", reader.name);
        }
        if reader.name == "Anna" {
            assert!(!is_new(&shown, &vera_reply), "{shown:#?}");
            assert!(!is_new(&shown, &question), "{shown:#?}");
        }
    }
    for copy in &copies {
        assert_nothing_private_in(copy);
    }
    drop(mesh);
}

/// `git ARGS` in `dir`, which must succeed; its standard output.
fn git_ok(dir: &Path, home: &Path, args: &[&str]) -> String {
    let output = git(dir, home, args);
    assert!(output.status.success(), "git {args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Commits everything in the clone `dir` and pushes it.
fn commit_and_push(dir: &Path, home: &Path, message: &str) {
    git_ok(dir, home, &["add", "-A"]);
    git_ok(dir, home, &["commit", "--quiet", "-m", message]);
    git_ok(dir, home, &["push", "--quiet", "origin", "HEAD:main"]);
}

/// `git pull` as a member runs it, merging (not rebasing).
fn pull(dir: &Path, home: &Path) {
    git_ok(
        dir,
        home,
        &[
            "-c",
            "pull.rebase=false",
            "pull",
            "--quiet",
            "origin",
            "main",
        ],
    );
}

/// Fails if the clone `dir` has anything uncommitted: reading the group writes nothing there.
fn assert_clean(dir: &Path, home: &Path) {
    assert_eq!(
        git_ok(dir, home, &["status", "--porcelain"]),
        "",
        "{}",
        dir.display()
    );
}

#[test]
fn two_members_synced_by_git_see_each_others_records_and_a_hand_edit_unverified() {
    let temp = tempfile::tempdir().unwrap();
    let home = temp.path().join("home");
    fs::create_dir(&home).unwrap();
    let (anna_clone, boris_clone) = (
        temp.path().join("anna-group"),
        temp.path().join("boris-group"),
    );
    git_ok(
        temp.path(),
        &home,
        &["init", "--quiet", "--bare", "-b", "main", "origin.git"],
    );
    git_ok(
        temp.path(),
        &home,
        &["clone", "--quiet", "origin.git", "anna-group"],
    );
    let anna = Reader::new("Anna", temp.path().join("profiles/anna"));
    let boris = Reader::new("Boris", temp.path().join("profiles/boris"));

    // Anna makes the group in her clone and shares a question straight from a W3C file (her
    // notebook keeps only her private annotation); she commits and pushes.
    anna.join(&anna_clone, Some(GROUP));
    anna.import(PRIVATE_ID, PRIVATE_NOTE, None);
    anna.import(QUESTION_ID, QUESTION, Some(GROUP));
    assert_eq!(anna.notebook_ids(), [PRIVATE_ID]);
    let shown = anna.shown();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    let question = shown[0]["id"].as_str().unwrap().to_owned();
    commit_and_push(&anna_clone, &home, "Anna's question");

    // Boris clones, joins (the group's name comes from its file), replies, commits and pushes.
    git_ok(
        temp.path(),
        &home,
        &["clone", "--quiet", "origin.git", "boris-group"],
    );
    boris.join(&boris_clone, None);
    let mut expected = BTreeMap::new();
    expected.insert(
        question.as_str(),
        Expected {
            kind: "annotation",
            author: &anna,
            text: QUESTION,
            verified: true,
            thread_of: None,
        },
    );
    assert_shown(&boris, &expected);
    let reply = boris.reply(&question, "Stalin's word, not Lenin's");
    commit_and_push(&boris_clone, &home, "Boris's reply");

    // Anna pulls: both see both records, by their authors, verified.
    pull(&anna_clone, &home);
    expected.insert(
        reply.as_str(),
        Expected {
            kind: "reply",
            author: &boris,
            text: "Stalin's word, not Lenin's",
            verified: true,
            thread_of: Some(question.as_str()),
        },
    );
    for reader in [&anna, &boris] {
        assert_shown(reader, &expected);
    }
    assert_clean(&anna_clone, &home);
    assert_clean(&boris_clone, &home);

    // Someone changes Anna's question by hand in Boris's clone, commits and pushes; Anna pulls.
    let changed = "Why does Stalin say 'entry'? (Anna never wrote this)";
    edit_by_hand(
        &record_file(&boris_clone, &anna, &question),
        QUESTION,
        changed,
    );
    commit_and_push(&boris_clone, &home, "an edit by hand");
    pull(&anna_clone, &home);
    assert_eq!(tree(&anna_clone), tree(&boris_clone));

    // Both show it unverified, still under Anna's name; Boris's reply stays verified.
    let root = expected.get_mut(question.as_str()).unwrap();
    root.verified = false;
    root.text = changed;
    for reader in [&anna, &boris] {
        assert_shown(reader, &expected);
    }
    assert_clean(&anna_clone, &home);

    // Anna's private annotation is in neither clone, nor anywhere in the history.
    assert_eq!(anna.notebook_ids(), [PRIVATE_ID]);
    assert_nothing_private_in(&anna_clone);
    assert_nothing_private_in(&boris_clone);
    let history = git_ok(
        &temp.path().join("origin.git"),
        &home,
        &["log", "--all", "-p", "--format=%H %s"],
    );
    assert!(history.contains(QUESTION), "{history}");
    assert!(
        !history.contains(PRIVATE_NOTE) && !history.contains(PRIVATE_ID),
        "{history}"
    );
}
