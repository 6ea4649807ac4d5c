//! Merging the reader's work as sync engines bring it, without a server of Lectern's own.
//!
//! Every record of the notebook (an annotation, a note on a comparison, the categories …) is
//! stored in a file of its own with a [`Stamp`]: when it was last written, by which device.
//! Stamps come from a hybrid logical clock ([`Clock`]): a device's wall clock, but never
//! behind a stamp the device has already made or read, so that an edit made after reading
//! another device's edit is later than it even when the other device's clock runs ahead.
//!
//! Where a sync engine brings two versions of one record (a conflict copy, or a file git left
//! conflict markers in), [`merge`] keeps the latest, and the record itself may keep what the
//! other version had that would otherwise be lost ([`Record::absorb`]: an annotation keeps a
//! note whose text diverged, for the reader to resolve). A deleted record is a tombstone
//! (a version without a body), so that the deletion reaches every device.
//!
//! [`conflict_original`] reads the names Syncthing, Dropbox, Nextcloud and ownCloud give their
//! conflict copies; [`split_git_conflict`] splits a file with git's conflict markers into its
//! two versions. Nothing here reads or writes files.

use serde::{Deserialize, Serialize};

/// When and where a record was last written. Stamps are ordered by time, then counter, then
/// device, so that any two devices order any two stamps alike.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Stamp {
    /// Milliseconds since the Unix epoch, by the writer's clock or the latest stamp it had seen.
    pub millis: u64,
    /// Orders the stamps of one millisecond.
    pub counter: u32,
    /// The device that wrote it.
    pub device: String,
}

/// A hybrid logical clock: it gives each write a stamp later than every stamp this device has
/// made or read.
#[derive(Clone, Debug)]
pub struct Clock {
    device: String,
    millis: u64,
    counter: u32,
}

impl Clock {
    /// A clock for `device` that has seen nothing yet.
    pub fn new(device: impl Into<String>) -> Self {
        Self {
            device: device.into(),
            millis: 0,
            counter: 0,
        }
    }

    /// The device this clock stamps for.
    pub fn device(&self) -> &str {
        &self.device
    }

    /// A stamp for a write now, `wall` being this device's clock (milliseconds since the
    /// epoch): the wall clock if it is ahead of everything seen, else just after the latest.
    pub fn tick(&mut self, wall: u64) -> Stamp {
        if wall > self.millis {
            self.millis = wall;
            self.counter = 0;
        } else if self.counter == u32::MAX {
            self.millis += 1;
            self.counter = 0;
        } else {
            self.counter += 1;
        }
        Stamp {
            millis: self.millis,
            counter: self.counter,
            device: self.device.clone(),
        }
    }

    /// Takes note of a stamp read from the profile, so that this device's next write is later.
    pub fn observe(&mut self, stamp: &Stamp) {
        if (stamp.millis, stamp.counter) > (self.millis, self.counter) {
            self.millis = stamp.millis;
            self.counter = stamp.counter;
        }
    }
}

/// A record as one device wrote it: its stamp and its body (`None`: deleted, a tombstone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version<T> {
    /// When and by whom.
    pub stamp: Stamp,
    /// What, or `None` for a deletion.
    pub body: Option<T>,
}

/// A record that can be merged.
pub trait Record: Clone {
    /// Called on the latest version with each other live version of the record (`stamp` its
    /// stamp): keeps what that version has that would otherwise be lost. Returns whether it
    /// kept anything. By default nothing is kept: the latest version wins.
    fn absorb(&mut self, _other: &Self, _stamp: &Stamp) -> bool {
        false
    }
}

/// The outcome of [`merge`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged<T> {
    /// The version that stands: the latest, with what it absorbed of the others.
    pub version: Version<T>,
    /// Whether it absorbed anything (a diverged note the reader should see).
    pub absorbed: bool,
}

/// The merge of versions of one record: the latest stands (last writer wins), having
/// absorbed what each other live version has that would otherwise be lost. A deletion that is
/// the latest stands too. `None` when there are no versions.
pub fn merge<T: Record>(versions: impl IntoIterator<Item = Version<T>>) -> Option<Merged<T>> {
    let mut versions: Vec<Version<T>> = versions.into_iter().collect();
    // Latest first; of two versions with one stamp (the same write, seen twice) one is kept.
    versions.sort_by(|a, b| b.stamp.cmp(&a.stamp));
    let mut versions = versions.into_iter();
    let mut latest = versions.next()?;
    let mut absorbed = false;
    if let Some(body) = latest.body.as_mut() {
        for other in versions {
            if let Some(other_body) = &other.body {
                absorbed |= body.absorb(other_body, &other.stamp);
            }
        }
    }
    Some(Merged {
        version: latest,
        absorbed,
    })
}

/// The sync engine that made a conflict copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ext`.
    Syncthing,
    /// `NAME (DEVICE's conflicted copy YYYY-MM-DD).ext` (Dropbox), or
    /// `NAME (conflicted copy YYYY-MM-DD HHMMSS).ext` (Nextcloud and ownCloud).
    ConflictedCopy,
    /// `NAME_conflict-YYYYMMDD-HHMMSS.ext` (older Nextcloud and ownCloud clients).
    UnderscoreConflict,
}

/// If `file_name` is a sync engine's conflict copy, the name of the file it is a copy of, and
/// the engine that made it.
pub fn conflict_original(file_name: &str) -> Option<(String, Engine)> {
    if let Some(at) = file_name.find(".sync-conflict-") {
        let rest = &file_name[at + ".sync-conflict-".len()..];
        let extension = rest.find('.').map_or("", |dot| &rest[dot..]);
        let marker = &rest[..rest.len() - extension.len()];
        let mut parts = marker.splitn(3, '-');
        let (date, time) = (parts.next()?, parts.next()?);
        if all_digits(date, 8) && all_digits(time, 6) && parts.next().is_some() {
            return Some((
                format!("{}{extension}", &file_name[..at]),
                Engine::Syncthing,
            ));
        }
    }
    if let Some(copy) = file_name.find("conflicted copy") {
        // Lectern's own names have no space: the first " (" opens the engine's words, which
        // may hold parentheses of their own ("Anna's MacBook (2)'s conflicted copy").
        let open = file_name[..copy].find(" (")?;
        let close = file_name.rfind(')').filter(|&close| close > copy)?;
        let extension = &file_name[close + 1..];
        if extension.is_empty() || extension.starts_with('.') {
            return Some((
                format!("{}{extension}", &file_name[..open]),
                Engine::ConflictedCopy,
            ));
        }
    }
    if let Some(at) = file_name.rfind("_conflict-") {
        let rest = &file_name[at + "_conflict-".len()..];
        let extension = rest.find('.').map_or("", |dot| &rest[dot..]);
        let marker = &rest[..rest.len() - extension.len()];
        if let Some((date, time)) = marker.split_once('-')
            && all_digits(date, 8)
            && all_digits(time, 6)
        {
            return Some((
                format!("{}{extension}", &file_name[..at]),
                Engine::UnderscoreConflict,
            ));
        }
    }
    None
}

fn all_digits(text: &str, length: usize) -> bool {
    text.len() == length && text.bytes().all(|b| b.is_ascii_digit())
}

/// The two versions of a file git left conflict markers in: ours (between `<<<<<<<` and
/// `=======`, or the base section `|||||||` of a three-way conflict) and theirs (up to
/// `>>>>>>>`), each with the lines outside the conflicts; the base is dropped. `None` when the
/// file has no markers, or markers that do not pair up.
pub fn split_git_conflict(text: &str) -> Option<(String, String)> {
    #[derive(PartialEq)]
    enum Part {
        Both,
        Ours,
        Base,
        Theirs,
    }
    let (mut ours, mut theirs) = (String::new(), String::new());
    let mut part = Part::Both;
    let mut conflicts = 0;
    for line in text.split_inclusive('\n') {
        let marker = |m: &str| {
            line.strip_prefix(m)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\n', '\r']))
        };
        part = match part {
            Part::Both if marker("<<<<<<<") => Part::Ours,
            Part::Ours if marker("|||||||") => Part::Base,
            Part::Ours | Part::Base if marker("=======") => Part::Theirs,
            Part::Theirs if marker(">>>>>>>") => {
                conflicts += 1;
                Part::Both
            }
            Part::Both if marker("=======") || marker(">>>>>>>") || marker("|||||||") => {
                return None;
            }
            Part::Ours | Part::Base | Part::Theirs if marker("<<<<<<<") => return None,
            Part::Both => {
                ours.push_str(line);
                theirs.push_str(line);
                Part::Both
            }
            Part::Ours => {
                ours.push_str(line);
                Part::Ours
            }
            Part::Base => Part::Base,
            Part::Theirs => {
                theirs.push_str(line);
                Part::Theirs
            }
        };
    }
    (part == Part::Both && conflicts > 0).then_some((ours, theirs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq, Eq)]
    struct Note {
        text: String,
        diverged: Vec<String>,
    }

    impl Record for Note {
        fn absorb(&mut self, other: &Self, _stamp: &Stamp) -> bool {
            if other.text == self.text || self.diverged.contains(&other.text) {
                return false;
            }
            self.diverged.push(other.text.clone());
            true
        }
    }

    fn stamp(millis: u64, counter: u32, device: &str) -> Stamp {
        Stamp {
            millis,
            counter,
            device: device.into(),
        }
    }

    fn note(millis: u64, device: &str, text: &str) -> Version<Note> {
        Version {
            stamp: stamp(millis, 0, device),
            body: Some(Note {
                text: text.into(),
                diverged: Vec::new(),
            }),
        }
    }

    fn deleted(millis: u64, device: &str) -> Version<Note> {
        Version {
            stamp: stamp(millis, 0, device),
            body: None,
        }
    }

    #[test]
    fn a_clock_never_goes_back_and_orders_writes_of_one_millisecond() {
        let mut clock = Clock::new("A");
        let first = clock.tick(1_000);
        let second = clock.tick(1_000);
        let after_a_step_back = clock.tick(900);
        assert!(first < second && second < after_a_step_back);
        assert_eq!(clock.tick(2_000), stamp(2_000, 0, "A"));
    }

    /// Device A's clock runs an hour ahead. B reads A's edit, then edits the same record by its
    /// own (correct) clock: B's edit is later all the same, and wins.
    #[test]
    fn clock_skew_does_not_let_an_earlier_edit_win() {
        const HOUR: u64 = 3_600_000;
        let mut a = Clock::new("A");
        let mut b = Clock::new("B");
        let from_a = a.tick(10 * HOUR + HOUR);
        b.observe(&from_a);
        let from_b = b.tick(10 * HOUR + 5);
        assert!(from_b > from_a);
        let merged = merge([
            Version {
                stamp: from_a,
                body: Some(Note {
                    text: "A".into(),
                    diverged: vec![],
                }),
            },
            Version {
                stamp: from_b.clone(),
                body: None,
            },
        ])
        .unwrap();
        assert_eq!(merged.version.stamp, from_b);
        assert_eq!(merged.version.body, None);
    }

    #[test]
    fn concurrent_adds_of_different_records_are_separate_and_of_one_record_keep_both_notes() {
        // Two records: nothing to merge, each stands.
        assert_eq!(
            merge([note(5, "A", "one")]).unwrap().version,
            note(5, "A", "one")
        );
        // One record changed on both: the later stands and keeps the other's note.
        let merged = merge([note(5, "A", "from A"), note(7, "B", "from B")]).unwrap();
        let body = merged.version.body.unwrap();
        assert_eq!(body.text, "from B");
        assert_eq!(body.diverged, vec!["from A".to_owned()]);
        assert!(merged.absorbed);
    }

    #[test]
    fn change_against_delete_is_decided_by_the_later_stamp() {
        let kept = merge([note(9, "A", "edited"), deleted(8, "B")]).unwrap();
        assert_eq!(kept.version.body.unwrap().text, "edited");
        let gone = merge([note(8, "A", "edited"), deleted(9, "B")]).unwrap();
        assert_eq!(gone.version.body, None);
        assert!(!gone.absorbed);
    }

    #[test]
    fn delete_against_delete_and_one_write_seen_twice_are_one_version() {
        let merged = merge([deleted(3, "A"), deleted(4, "B")]).unwrap();
        assert_eq!(merged.version, deleted(4, "B"));
        let twice = merge([note(4, "A", "same"), note(4, "A", "same")]).unwrap();
        assert!(!twice.absorbed);
        assert!(twice.version.body.unwrap().diverged.is_empty());
    }

    /// A tombstone that arrives after the record it deletes (the record first, in another
    /// sync) still deletes it; and a record that arrives after its tombstone stays deleted.
    #[test]
    fn a_tombstone_arriving_after_its_record_still_deletes_it() {
        let record = note(10, "A", "soon deleted");
        let tombstone = deleted(11, "A");
        let mut arrived = vec![record.clone()];
        arrived.push(tombstone.clone());
        assert_eq!(merge(arrived).unwrap().version, tombstone);
        assert_eq!(
            merge([tombstone.clone(), record]).unwrap().version,
            tombstone
        );
    }

    #[test]
    fn conflict_copies_of_every_engine_name_their_original() {
        let cases = [
            (
                "a1b2.sync-conflict-20261201-030405-ABCDEFG.json",
                "a1b2.json",
                Engine::Syncthing,
            ),
            (
                "categories.sync-conflict-20261201-030405-7QX3Z2A",
                "categories",
                Engine::Syncthing,
            ),
            (
                "a1b2 (Anna's conflicted copy 2026-12-01).json",
                "a1b2.json",
                Engine::ConflictedCopy,
            ),
            (
                "a1b2 (Anna's conflicted copy 2026-12-01 (1)).json",
                "a1b2.json",
                Engine::ConflictedCopy,
            ),
            (
                "a1b2 (Anna's MacBook Pro (2)'s conflicted copy 2026-12-01).json",
                "a1b2.json",
                Engine::ConflictedCopy,
            ),
            (
                "a1b2 (conflicted copy 2026-12-01 030405).json",
                "a1b2.json",
                Engine::ConflictedCopy,
            ),
            (
                "a1b2_conflict-20261201-030405.json",
                "a1b2.json",
                Engine::UnderscoreConflict,
            ),
        ];
        for (copy, original, engine) in cases {
            assert_eq!(
                conflict_original(copy),
                Some((original.to_owned(), engine)),
                "{copy}"
            );
        }
        for name in [
            "a1b2.json",
            "notes.sync-conflict-draft.json",
            "my_conflict-notes.json",
            "(conflicted copy) notes.json",
        ] {
            assert_eq!(conflict_original(name), None, "{name}");
        }
    }

    #[test]
    fn git_conflict_markers_split_into_ours_and_theirs_without_the_base() {
        let text = "{\n  \"stamp\": 1,\n<<<<<<< HEAD\n  \"note\": \"ours\"\n||||||| base\n  \
                    \"note\": \"base\"\n=======\n  \"note\": \"theirs\"\n>>>>>>> origin/main\n}\n";
        let (ours, theirs) = split_git_conflict(text).unwrap();
        assert_eq!(ours, "{\n  \"stamp\": 1,\n  \"note\": \"ours\"\n}\n");
        assert_eq!(theirs, "{\n  \"stamp\": 1,\n  \"note\": \"theirs\"\n}\n");
        assert_eq!(split_git_conflict("{\n\"note\": \"=======\"\n}\n"), None);
        assert_eq!(split_git_conflict("<<<<<<< HEAD\nours\n=======\n"), None);
        assert_eq!(split_git_conflict("a\n=======\nb\n"), None);
    }
}
