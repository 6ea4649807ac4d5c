use std::collections::BTreeMap;
use std::path::Path;

use super::*;
use crate::model::annotation::Annotation;
use crate::model::group::{Authorship, Unverified};
use crate::model::text::CharRange;
use crate::testing::text_of;

fn now(minute: u32) -> Timestamp {
    Timestamp::from(format!("2026-12-07T11:{minute:02}:00Z").as_str())
}

fn annotation(note: &str) -> Shared {
    let text = text_of(&["To Comrade Kamenev. Stalin has probably already sent you his theses."]);
    let mut a = Annotation::new("a-k", &text, CharRange(3..19), None, &now(0));
    a.note = note.into();
    Shared::annotation(&a, &[])
}

/// Every file under `dir`, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            let meta = fs::symlink_metadata(e.path()).unwrap();
            if meta.is_dir() {
                stack.push(e.path());
            } else {
                out.insert(e.path(), fs::read(e.path()).unwrap_or_default());
            }
        }
    }
    out
}

struct Seminar {
    _root: tempfile::TempDir,
    group: PathBuf,
    anna: PathBuf,
    boris: PathBuf,
}

fn seminar() -> Seminar {
    let root = tempfile::tempdir().unwrap();
    let group = root.path().join("seminar");
    let anna = root.path().join("anna");
    let boris = root.path().join("boris");
    for p in [&anna, &boris] {
        fs::create_dir_all(p).unwrap();
    }
    join(&anna, &group, Some("Seminar"), "Anna", now(0)).unwrap();
    join(&boris, &group, None, "Boris", now(0)).unwrap();
    Seminar {
        group: group.canonicalize().unwrap(),
        _root: root,
        anna,
        boris,
    }
}

#[test]
fn members_join_share_reply_and_read_each_other_verified() {
    let s = seminar();
    let anna = identity(&s.anna, "x").unwrap();
    assert_eq!(anna.member.name, "Anna");
    let group = find_group(&s.anna, "Seminar").unwrap();
    assert_eq!(
        find_group(&s.boris, "Seminar").unwrap().dir,
        group.dir,
        "the name comes from group.json"
    );
    let question = share(&group, &anna, annotation("Why 'entry'?"), now(1)).unwrap();
    let boris = identity(&s.boris, "x").unwrap();
    share(
        &group,
        &boris,
        Shared::Reply {
            to: question.clone(),
            note: "Stalin's word.".into(),
        },
        now(2),
    )
    .unwrap();

    let read = read_group("Seminar", &group.dir);
    assert!(read.refused.is_empty(), "{:?}", read.refused);
    assert_eq!(read.layer.members.len(), 2);
    assert_eq!(read.layer.entries.len(), 2);
    assert!(
        read.layer
            .entries
            .iter()
            .all(|e| e.authorship.is_verified())
    );
    assert_eq!(read.layer.thread(&question).replies.len(), 1);
    assert_eq!(
        read.layer
            .member_name(&read.layer.thread(&question).replies[0].record.member),
        "Boris"
    );
    // Each wrote only in their own folder.
    for (path, _) in files(&group.dir) {
        let rel = path.strip_prefix(&group.dir).unwrap();
        assert!(
            rel == Path::new("group.json")
                || rel.starts_with(Path::new("members").join(&anna.member.id))
                || rel.starts_with(Path::new("members").join(&boris.member.id)),
            "{rel:?}"
        );
    }
}

#[test]
fn a_group_inside_the_profile_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let profile = root.path().join("p");
    fs::create_dir_all(&profile).unwrap();
    assert!(matches!(
        join(&profile, &profile.join("group"), None, "A", now(0)),
        Err(JoinError::InsideProfile(_))
    ));
    assert!(matches!(
        join(&profile, root.path(), None, "A", now(0)),
        Err(JoinError::InsideProfile(_))
    ));
    assert!(joined(&profile).is_empty());
}

#[test]
fn two_groups_and_a_name_taken() {
    let root = tempfile::tempdir().unwrap();
    let profile = root.path().join("p");
    fs::create_dir_all(&profile).unwrap();
    join(
        &profile,
        &root.path().join("g1"),
        Some("Seminar"),
        "A",
        now(0),
    )
    .unwrap();
    join(
        &profile,
        &root.path().join("g2"),
        Some("Circle"),
        "A",
        now(0),
    )
    .unwrap();
    assert!(matches!(
        join(
            &profile,
            &root.path().join("g3"),
            Some("Seminar"),
            "A",
            now(0)
        ),
        Err(JoinError::NameTaken(_))
    ));
    // Joining the same folder again is no second group.
    join(&profile, &root.path().join("g1"), None, "A", now(0)).unwrap();
    assert_eq!(
        joined(&profile)
            .iter()
            .map(|g| g.name.as_str())
            .collect::<Vec<_>>(),
        ["Seminar", "Circle"]
    );
    assert!(leave(&profile, "Circle").unwrap());
    assert_eq!(joined(&profile).len(), 1);
}

/// Where a member's record is in a group's folder.
fn record_path(group: &Path, member: &str, id: &str) -> PathBuf {
    group
        .join("members")
        .join(member)
        .join("records")
        .join(format!("{id}.json"))
}

#[test]
fn a_record_edited_by_hand_in_the_folder_reads_unverified() {
    let s = seminar();
    let anna = identity(&s.anna, "x").unwrap();
    let group = find_group(&s.anna, "Seminar").unwrap();
    let id = share(&group, &anna, annotation("Why 'entry'?"), now(1)).unwrap();
    let path = record_path(&group.dir, &anna.member.id, &id);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("Why 'entry'?", "Stalin was right.")).unwrap();
    let read = read_group("Seminar", &group.dir);
    assert_eq!(
        read.layer.entries[0].authorship,
        Authorship::Unverified(Unverified::BadSignature)
    );
}

#[test]
fn a_new_key_is_endorsed_and_the_members_records_signed_again() {
    let s = seminar();
    let anna = identity(&s.anna, "x").unwrap();
    let group = find_group(&s.anna, "Seminar").unwrap();
    let one = share(&group, &anna, annotation("one"), now(1)).unwrap();
    share(
        &group,
        &anna,
        Shared::Reply {
            to: one,
            note: "two".into(),
        },
        now(2),
    )
    .unwrap();
    let mut boris_seen = Seen::default();
    boris_seen.take_key_changes(&read_group("Seminar", &group.dir).layer);

    assert_eq!(new_key(&s.anna, now(3)).unwrap(), 2);
    let after = identity(&s.anna, "x").unwrap();
    assert_ne!(after.key.id(), anna.key.id());
    let read = read_group("Seminar", &group.dir);
    assert_eq!(
        read.layer.members[&anna.member.id].keys.len(),
        1,
        "the old card is withdrawn"
    );
    assert!(
        read.layer
            .entries
            .iter()
            .all(|e| e.authorship.is_verified())
    );
    let changes = boris_seen.take_key_changes(&read.layer);
    assert_eq!(changes.len(), 1);
    assert!(changes[0].endorsed);
    assert_eq!(changes[0].name, "Anna");
}

#[test]
fn a_new_name_is_published_in_every_group() {
    let s = seminar();
    let anna = rename(&s.anna, "Anna Ivanovna", Some([1, 2, 3]), now(4)).unwrap();
    let read = read_group("Seminar", &s.group);
    assert_eq!(read.layer.members[&anna.member.id].name, "Anna Ivanovna");
    assert_eq!(read.layer.members[&anna.member.id].colour, [1, 2, 3]);
    assert_eq!(member(&s.anna).unwrap().name, "Anna Ivanovna");
}

#[test]
fn what_was_seen_is_kept_per_device() {
    let s = seminar();
    let anna = identity(&s.anna, "x").unwrap();
    let group = find_group(&s.boris, "Seminar").unwrap();
    share(&group, &anna, annotation("new"), now(1)).unwrap();
    let layer = read_group("Seminar", &group.dir).layer;
    let mut seen = load_seen(&s.boris, &group);
    assert_eq!(layer.new_entries(&seen, "").count(), 1);
    seen.mark_all(&layer);
    save_seen(&s.boris, &group, &seen).unwrap();
    assert_eq!(
        layer.new_entries(&load_seen(&s.boris, &group), "").count(),
        0
    );
    assert!(
        load_seen(&s.anna, &group).records.is_empty(),
        "another profile has its own marks"
    );
    let path = seen_path(&s.boris, &group);
    assert!(path.starts_with(s.boris.join(LOCAL_DIR)), "never synced");
}

/// Writes `bytes` at `rel` in the group.
fn put(group: &Path, rel: &str, bytes: &[u8]) {
    let path = group.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

#[cfg(unix)]
#[test]
fn a_hostile_group_folder_is_refused_and_reported_and_nothing_is_written_outside() {
    use std::os::unix::fs::symlink;
    let s = seminar();
    let anna = identity(&s.anna, "x").unwrap();
    let group = find_group(&s.anna, "Seminar").unwrap();
    let good = share(&group, &anna, annotation("a real note"), now(1)).unwrap();
    let outside = s.group.parent().unwrap().join("outside");
    fs::create_dir_all(&outside).unwrap();
    fs::write(
        outside.join("secret.json"),
        b"{\"format\":\"lectern-group-record\"}",
    )
    .unwrap();
    let mine = format!("members/{}/records", anna.member.id);
    let record_json = fs::read(s.group.join(&mine).join(format!("{good}.json"))).unwrap();
    let record: GroupRecord = serde_json::from_slice(&record_json).unwrap();

    // Ids that are paths, dots or hidden names.
    put(&s.group, "members/evil/records/..json", b"{}");
    put(&s.group, "members/evil/records/a.b.json", b"{}");
    put(&s.group, "members/ev il/records/r.json", b"{}");
    let mut escaping = record.clone();
    escaping.id = "../../../outside/x".into();
    put(
        &s.group,
        "members/evil/records/r-escape.json",
        &serde_json::to_vec(&escaping).unwrap(),
    );
    // A file over the limit.
    let mut big = record.clone();
    if let Shared::Annotation { annotation, .. } = &mut big.body {
        annotation.note = "x".repeat(300 * 1024);
    }
    put(
        &s.group,
        "members/evil/records/r-big.json",
        &serde_json::to_vec(&big).unwrap(),
    );
    // Malformed, and of a version to come.
    put(
        &s.group,
        "members/evil/records/r-bad.json",
        b"{\"format\": \"lectern-group-record\", \"version\": 1, \"id\": ",
    );
    let mut later = serde_json::to_value(&record).unwrap();
    later["version"] = 9.into();
    later["id"] = "r-later".into();
    put(
        &s.group,
        "members/evil/records/r-later.json",
        &serde_json::to_vec(&later).unwrap(),
    );
    // Links out of the folder: a member, a record.
    symlink(&outside, s.group.join("members/linked")).unwrap();
    symlink(
        outside.join("secret.json"),
        s.group.join("members/evil/records/r-link.json"),
    )
    .unwrap();
    // A flood from one member.
    let flood = s.group.join("members/flood/records");
    fs::create_dir_all(&flood).unwrap();
    for i in 0..MAX_RECORDS_PER_MEMBER + 20 {
        fs::write(flood.join(format!("r-{i:05}.json")), b"{}").unwrap();
    }
    let profile_before = files(&s.anna);
    let outside_before = files(&outside);

    let read = read_group("Seminar", &s.group);
    let has = |f: &dyn Fn(&Refused) -> bool| read.refused.iter().any(f);
    assert!(has(
        &|r| matches!(r, Refused::BadName(p) if p.ends_with("..json"))
    ));
    assert!(has(
        &|r| matches!(r, Refused::BadName(p) if p.ends_with("a.b.json"))
    ));
    assert!(has(
        &|r| matches!(r, Refused::BadName(p) if p.ends_with("ev il"))
    ));
    assert!(has(
        &|r| matches!(r, Refused::Malformed(p, _) if p.ends_with("r-escape.json"))
    ));
    assert!(has(
        &|r| matches!(r, Refused::TooLarge(p, _) if p.ends_with("r-big.json"))
    ));
    assert!(has(
        &|r| matches!(r, Refused::Malformed(p, _) if p.ends_with("r-bad.json"))
    ));
    assert!(has(
        &|r| matches!(r, Refused::UnknownVersion(p, 9) if p.ends_with("r-later.json"))
    ));
    assert!(has(
        &|r| matches!(r, Refused::Link(p) if p.ends_with("linked"))
    ));
    assert!(has(
        &|r| matches!(r, Refused::Link(p) if p.ends_with("r-link.json"))
    ));
    assert!(has(
        &|r| matches!(r, Refused::Flood { found, read, .. } if *found == MAX_RECORDS_PER_MEMBER + 20 && *read == MAX_RECORDS_PER_MEMBER)
    ));
    // Every refusal has words for the reader that name the file.
    for refusal in &read.refused {
        let message = refusal.message(group.name.as_str());
        assert!(message.starts_with("Seminar: "), "{message}");
    }
    // The real record still reads, verified.
    let entry = read.layer.entry(&good).unwrap();
    assert!(entry.authorship.is_verified());

    // Anna shares again: written in her own folder only, with the group as hostile as it is.
    share(&group, &anna, annotation("again"), now(2)).unwrap();
    assert_eq!(
        files(&outside),
        outside_before,
        "nothing written outside the group"
    );
    let profile_after = files(&s.anna);
    assert_eq!(
        profile_after, profile_before,
        "the private profile is untouched"
    );

    // A link put where her own records go is refused, not written through.
    fs::rename(s.group.join(&mine), s.group.join("moved")).unwrap();
    symlink(&outside, s.group.join(&mine)).unwrap();
    assert!(share(&group, &anna, annotation("through a link"), now(3)).is_err());
    assert_eq!(files(&outside), outside_before);
}

#[test]
fn a_key_card_named_for_another_key_is_refused() {
    let s = seminar();
    let anna = identity(&s.anna, "x").unwrap();
    let keys = s.group.join("members").join(&anna.member.id).join("keys");
    let card = fs::read(keys.join(format!("{}.json", anna.key.id()))).unwrap();
    fs::write(keys.join("another.json"), card).unwrap();
    let read = read_group("Seminar", &s.group);
    assert!(
        read.refused
            .iter()
            .any(|r| matches!(r, Refused::Malformed(p, _) if p.ends_with("another.json")))
    );
    assert_eq!(read.layer.members[&anna.member.id].keys.len(), 1);
}

#[test]
fn sharing_an_item_again_shares_its_new_version_in_the_same_record() {
    let s = seminar();
    let anna = identity(&s.anna, "x").unwrap();
    let group = find_group(&s.anna, "Seminar").unwrap();
    let first = share(&group, &anna, annotation("Why 'entry'?"), now(1)).unwrap();
    let again = share(
        &group,
        &anna,
        annotation("Why 'entry', and not 'unification'?"),
        now(2),
    )
    .unwrap();
    assert_eq!(first, again);
    let read = read_group("Seminar", &group.dir);
    assert_eq!(read.layer.entries.len(), 1);
    assert!(
        read.layer.entries[0]
            .record
            .body
            .summary()
            .contains("not 'unification'")
    );
    assert!(read.layer.entries[0].authorship.is_verified());
    // A reply is a record of its own each time; a thread's state is one record a member.
    for _ in 0..2 {
        share(
            &group,
            &anna,
            Shared::Reply {
                to: first.clone(),
                note: "more".into(),
            },
            now(3),
        )
        .unwrap();
        share(
            &group,
            &anna,
            Shared::Thread {
                thread: first.clone(),
                resolved: true,
            },
            now(3),
        )
        .unwrap();
    }
    let read = read_group("Seminar", &group.dir);
    assert_eq!(read.layer.thread(&first).replies.len(), 2);
    assert_eq!(read.layer.entries.len(), 4);
}

#[test]
fn only_the_member_who_names_a_group_writes_its_file() {
    let root = tempfile::tempdir().unwrap();
    let (p, q) = (root.path().join("p"), root.path().join("q"));
    fs::create_dir_all(&p).unwrap();
    fs::create_dir_all(&q).unwrap();
    // A member joining a copy the sync engine has not filled yet writes no group.json.
    let (early, _) = join(&q, &root.path().join("copy"), None, "Q", now(0)).unwrap();
    assert_eq!(
        early.name, "copy",
        "named by its folder until group.json arrives"
    );
    assert!(!root.path().join("copy/group.json").exists());
    join(&p, &root.path().join("made"), Some("Seminar"), "P", now(0)).unwrap();
    let file: GroupFile =
        serde_json::from_slice(&fs::read(root.path().join("made/group.json")).unwrap()).unwrap();
    assert_eq!(file.name, "Seminar");
}

#[cfg(unix)]
#[test]
fn a_record_planted_in_the_readers_folder_cannot_steer_their_writes() {
    use std::os::unix::fs::symlink;
    let s = seminar();
    let anna = identity(&s.anna, "x").unwrap();
    let boris = identity(&s.boris, "x").unwrap();
    let group = find_group(&s.anna, "Seminar").unwrap();
    let shared = share(&group, &anna, annotation("mine"), now(1)).unwrap();
    let outside = s.group.parent().unwrap().join("outside");
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("victim.json"), b"precious").unwrap();
    let mine = s
        .group
        .join("members")
        .join(&anna.member.id)
        .join("records");
    // Boris plants, in Anna's folder, a record of "her" annotation whose id is a path out,
    // in her name but signed with his key; and one with a plain id, signed so too.
    let mut planted = GroupRecord::signed(
        "../../../../outside/victim".to_owned(),
        &anna.member,
        &boris.key,
        now(2),
        annotation("planted"),
    );
    fs::write(
        mine.join("r-planted.json"),
        serde_json::to_vec(&planted).unwrap(),
    )
    .unwrap();
    planted.id = "r-planted2".into();
    fs::write(
        mine.join("r-planted2.json"),
        serde_json::to_vec(&planted).unwrap(),
    )
    .unwrap();
    // A link where her key card goes.
    let card = s
        .group
        .join("members")
        .join(&anna.member.id)
        .join("keys")
        .join(format!("{}.json", anna.key.id()));
    fs::remove_file(&card).unwrap();
    symlink(outside.join("victim.json"), &card).unwrap();

    // Anna shares the annotation again, and replaces her key.
    let again = share(&group, &anna, annotation("mine, again"), now(3)).unwrap();
    assert_eq!(again, shared, "her own record, not the planted one");
    assert_eq!(fs::read(outside.join("victim.json")).unwrap(), b"precious");
    assert!(
        !fs::symlink_metadata(&card)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is replaced, not written through"
    );
    assert_eq!(
        new_key(&s.anna, now(4)).unwrap(),
        1,
        "only her own record is signed again"
    );
    assert_eq!(fs::read(outside.join("victim.json")).unwrap(), b"precious");
    let read = read_group("Seminar", &s.group);
    let planted = read.layer.entry("r-planted2").unwrap();
    assert!(
        !planted.authorship.is_verified(),
        "a planted record stays unverified"
    );
    assert!(read.layer.entry(&shared).unwrap().authorship.is_verified());
}

#[test]
fn the_signatures_checked_are_kept_on_the_device_and_a_later_edit_is_still_caught() {
    let s = seminar();
    let anna = identity(&s.anna, "x").unwrap();
    let group = find_group(&s.boris, "Seminar").unwrap();
    let id = share(&group, &anna, annotation("Why 'entry'?"), now(1)).unwrap();
    let before = files(&group.dir);
    // Boris reads the group: the check is kept in his profile's own area, and nothing is
    // written into the group's folder.
    let read = read_joined(&s.boris, &group);
    assert!(read.layer.entries[0].authorship.is_verified());
    let kept = checked_path(&s.boris, &group);
    assert!(kept.starts_with(s.boris.join(LOCAL_DIR)));
    assert_eq!(Checked::from_bytes(&fs::read(&kept).unwrap()).len(), 1);
    assert_eq!(files(&group.dir), before);
    // Read again, from the check kept: the same layer, and the file is not written again
    // (it would be, had the checks not been read back: a check made now would differ from
    // none kept).
    use std::os::unix::fs::MetadataExt;
    let written = fs::metadata(&kept).unwrap().ino();
    assert_eq!(read_joined(&s.boris, &group).layer, read.layer);
    assert_eq!(fs::metadata(&kept).unwrap().ino(), written);
    // A read that finds no record at all (the folder not there for a moment: an unmounted
    // disk, a sync not yet done) leaves the checks kept as they were.
    let members = group.dir.join("members");
    let aside = group.dir.join("members-aside");
    fs::rename(&members, &aside).unwrap();
    assert!(read_joined(&s.boris, &group).layer.entries.is_empty());
    assert_eq!(Checked::from_bytes(&fs::read(&kept).unwrap()).len(), 1);
    fs::rename(&aside, &members).unwrap();
    // Anna's record edited by hand after Boris's check was kept: checked again, and caught.
    let path = record_path(&group.dir, &anna.member.id, &id);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("Why 'entry'?", "Stalin was right.")).unwrap();
    let read = read_joined(&s.boris, &group);
    assert_eq!(
        read.layer.entries[0].authorship,
        Authorship::Unverified(Unverified::BadSignature)
    );
    assert!(
        Checked::from_bytes(&fs::read(&kept).unwrap()).is_empty(),
        "only good checks are kept"
    );
    // A damaged file of checks is read as none: every signature is checked again.
    fs::write(&path, text).unwrap();
    fs::write(&kept, b"lectern-group-checked 1\nshort").unwrap();
    let read = read_joined(&s.boris, &group);
    assert!(read.layer.entries[0].authorship.is_verified());
    assert_eq!(Checked::from_bytes(&fs::read(&kept).unwrap()).len(), 1);
    // Leaving the group takes its checks away; what was seen stays. A read still running
    // when the reader left keeps nothing.
    save_seen(&s.boris, &group, &Seen::default()).unwrap();
    let orphan = kept.with_file_name("a-group-left-before.bin");
    fs::write(&orphan, Checked::default().to_bytes()).unwrap();
    assert!(leave(&s.boris, "Seminar").unwrap());
    assert!(!orphan.exists());
    assert!(!kept.exists());
    assert!(seen_path(&s.boris, &group).exists());
    assert!(
        read_joined(&s.boris, &group).layer.entries[0]
            .authorship
            .is_verified()
    );
    assert!(!kept.exists());
}
