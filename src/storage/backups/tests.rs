use super::*;
use crate::model::annotation::Annotation;
use crate::model::annotation_set::AnnotationEdit;
use crate::storage::atomic::RealFileSystem;
use crate::testing::text_of;

fn contents(count: usize) -> Contents {
    let text = text_of(&["formal unification of the independent republics"]);
    let mut contents = Contents::default();
    for n in 0..count {
        contents
            .annotations
            .apply(AnnotationEdit::Add(Annotation::new(
                format!("a{n}"),
                &text,
                (0..6).into(),
                None,
                &"2026-11-30T10:00:00Z".into(),
            )));
    }
    contents
}

fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

const DAY: u64 = 86_400;
const NOV_30: u64 = 1_795_996_800; // 2026-11-30T00:00:00Z: a fixed "today"

#[test]
fn stamps_read_back_as_the_times_they_were_written_at() {
    for seconds in [0, NOV_30, NOV_30 + 3_723, 4_102_444_800] {
        let stamp = clock::rfc3339(at(seconds));
        assert_eq!(seconds_of_stamp(&stamp), Some(seconds), "{stamp}");
        assert_eq!(expand(&compact(&stamp)).as_deref(), Some(stamp.as_str()));
    }
    assert_eq!(expand("20261130T1015Z"), None);
    assert_eq!(expand("2026113XT101500Z"), None);
}

#[test]
fn a_snapshot_is_taken_at_most_once_an_interval_and_is_verified() {
    let temp = tempfile::tempdir().unwrap();
    let profile = Profile::open(Some(temp.path())).unwrap();
    let policy = SnapshotPolicy::default();
    let bytes = contents(3).to_bytes().unwrap();
    let first =
        snapshot_after_save(&RealFileSystem, &profile, &bytes, at(NOV_30), &policy).unwrap();
    assert!(first.is_some());
    assert_eq!(
        snapshot_after_save(&RealFileSystem, &profile, &bytes, at(NOV_30 + 599), &policy).unwrap(),
        None,
        "not ten minutes later"
    );
    assert!(
        snapshot_after_save(&RealFileSystem, &profile, &bytes, at(NOV_30 + 600), &policy)
            .unwrap()
            .is_some()
    );
    // Bytes that are not a notebook never count as a snapshot.
    let err = snapshot_after_save(
        &RealFileSystem,
        &profile,
        b"{ torn",
        at(NOV_30 + 1_300),
        &policy,
    )
    .unwrap_err();
    assert!(err.to_string().contains("did not verify"), "{err}");
    assert_eq!(snapshots(&profile).len(), 2, "the bad one is gone");
    let listed = list(&profile);
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].written, clock::rfc3339(at(NOV_30 + 600)));
    assert_eq!(
        listed[0]
            .counts
            .as_ref()
            .map(|c| c.of(crate::model::notebook::Kind::Annotation)),
        Ok(3),
        "{listed:?}"
    );
    assert_eq!(read(&profile, &listed[1].name).unwrap(), contents(3));
    assert!(read(&profile, "annotations-19990101T000000Z").is_err());
}

#[test]
fn pruning_keeps_the_ten_newest_and_one_a_day_for_thirty_days() {
    let temp = tempfile::tempdir().unwrap();
    let profile = Profile::open(Some(temp.path())).unwrap();
    let policy = SnapshotPolicy::default();
    let bytes = contents(1).to_bytes().unwrap();
    // Six snapshots a day, an hour apart, for forty days.
    let start = NOV_30 - 39 * DAY;
    for day in 0..40 {
        for hour in 0..6 {
            let time = at(start + day * DAY + hour * 3_600);
            assert!(
                snapshot_after_save(&RealFileSystem, &profile, &bytes, time, &policy)
                    .unwrap()
                    .is_some()
            );
        }
    }
    let kept = snapshots(&profile);
    let today = at(NOV_30 + 5 * 3_600);
    // The last ten saves (today's six and four of yesterday's), plus one a day for the 28
    // days before yesterday: 10 + 28 = 38, never more than recent + days.
    assert_eq!(
        kept.len(),
        38,
        "{:?}",
        kept.iter().map(|k| &k.0).collect::<Vec<_>>()
    );
    assert!(kept.len() <= policy.recent + policy.days as usize);
    assert_eq!(kept[0].0, clock::rfc3339(today));
    let oldest_day = seconds_of_stamp(&kept[kept.len() - 1].0).unwrap() / DAY;
    assert_eq!(NOV_30 / DAY - oldest_day, 29, "thirty days, counting today");
}

#[test]
fn recovery_copies_are_the_previous_save_then_the_snapshots_newest_first() {
    let temp = tempfile::tempdir().unwrap();
    let profile = Profile::open(Some(temp.path())).unwrap();
    let policy = SnapshotPolicy::default();
    let bytes = contents(1).to_bytes().unwrap();
    snapshot_after_save(&RealFileSystem, &profile, &bytes, at(NOV_30), &policy).unwrap();
    snapshot_after_save(&RealFileSystem, &profile, &bytes, at(NOV_30 + DAY), &policy).unwrap();
    let copies = recovery_copies(&profile);
    assert_eq!(copies.len(), 3);
    assert!(copies[0].ends_with("annotations.json.bak"));
    assert!(
        copies[1]
            .to_string_lossy()
            .ends_with("annotations-20261201T000000Z.json"),
        "{copies:?}"
    );
}

/// The notebook kept before a restore is named a second ahead when a snapshot already has this
/// second; the save after the restore then neither counts that name as a clock set back nor
/// writes over the earlier snapshot of the same second: no backup is ever overwritten.
#[test]
fn no_snapshot_is_written_over_another() {
    let temp = tempfile::tempdir().unwrap();
    let profile = Profile::open(Some(temp.path())).unwrap();
    let zero = SnapshotPolicy {
        interval: Duration::ZERO,
        ..SnapshotPolicy::default()
    };
    let (one, two, three) = (
        contents(1).to_bytes().unwrap(),
        contents(2).to_bytes().unwrap(),
        contents(3).to_bytes().unwrap(),
    );
    let first = snapshot_after_save(&RealFileSystem, &profile, &one, at(NOV_30), &zero)
        .unwrap()
        .unwrap();
    let second = snapshot_after_save(&RealFileSystem, &profile, &two, at(NOV_30), &zero)
        .unwrap()
        .unwrap();
    assert_ne!(first, second, "the same second, another name");
    assert_eq!(
        std::fs::read(&first).unwrap(),
        one,
        "the first is as it was"
    );
    // A save in that second, with the usual interval: the snapshot a second ahead is recent.
    let policy = SnapshotPolicy::default();
    assert_eq!(
        snapshot_after_save(&RealFileSystem, &profile, &three, at(NOV_30), &policy).unwrap(),
        None
    );
    assert_eq!(std::fs::read(&first).unwrap(), one);
    assert_eq!(std::fs::read(&second).unwrap(), two);
}
