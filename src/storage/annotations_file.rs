//! `annotations.json`: the reader's notebook as stored ([`Contents`]: categories, annotations
//! and trash, notes on comparisons, the reader's comparisons).

use std::time::SystemTime;

use super::StorageError;
use super::annotations_format::{ANNOTATIONS_FORMAT, WITHOUT_STUDY};
use super::atomic::{FileSystem, KeepBackup, RealFileSystem, write_atomic_in};
use super::backups::{SnapshotPolicy, recovery_copies, snapshot_after_save, snapshot_due};
use super::notebook_dir::{NotebookStore, Saved};
use super::profile::Profile;
use super::schema::{self, Loaded};
use crate::model::notebook::Contents;

/// Everything in `annotations.json`: the notebook's [`Contents`].
pub type AnnotationsFile = Contents;

impl Contents {
    /// Loads the profile's annotations (see [`schema::load_with_copies`] for bad, missing and
    /// newer files), falling back on the previous save, then on the snapshots, newest first.
    pub fn load(profile: &Profile) -> Loaded<Self> {
        schema::load_with_copies(
            &profile.annotations_path(),
            ANNOTATIONS_FORMAT,
            &recovery_copies(profile),
        )
    }

    /// The bytes of the file.
    pub fn to_bytes(&self) -> Result<Vec<u8>, StorageError> {
        let carried = self
            .comparison_notes
            .iter()
            .chain(&self.comparison_notes_trash)
            .any(|n| n.carried_from.is_some());
        let format = if self.study.is_empty() && !carried && self.comparison_notes_trash.is_empty()
        {
            WITHOUT_STUDY
        } else {
            ANNOTATIONS_FORMAT
        };
        schema::to_bytes(format, self)
    }

    /// Writes the file atomically (call off the UI thread), then a snapshot if one is due.
    pub fn save(&self, profile: &Profile) -> Result<(), StorageError> {
        save_bytes(
            &RealFileSystem,
            profile,
            &self.to_bytes()?,
            &SnapshotPolicy::default(),
        )
    }
}

/// Writes the bytes of the annotations file atomically, then a snapshot in `backups/` if the
/// policy says one is due. A failed snapshot is logged, not a failed save.
pub fn save_bytes(
    fs: &dyn FileSystem,
    profile: &Profile,
    bytes: &[u8],
    policy: &SnapshotPolicy,
) -> Result<(), StorageError> {
    write_atomic_in(fs, &profile.annotations_path(), bytes, KeepBackup::Always)?;
    if let Err(e) = snapshot_after_save(fs, profile, bytes, SystemTime::now(), policy) {
        log::warn!("no snapshot of the annotations was taken: {e}");
    }
    Ok(())
}

/// Saves the notebook as the profile keeps it: the records of `contents` that changed, into
/// `notebook/` ([`NotebookStore::save`]), then a snapshot of the whole notebook into
/// `backups/` when one is due (made only then: a save of one change serialises one record).
pub fn save_notebook(
    fs: &dyn FileSystem,
    profile: &Profile,
    store: &std::sync::Mutex<NotebookStore>,
    contents: &Contents,
    policy: &SnapshotPolicy,
) -> Result<Saved, StorageError> {
    let now = SystemTime::now();
    let millis = crate::model::clock::now_millis();
    // A panic while another save held the store leaves it as it was: still usable.
    let mut store = store
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let saved = store.save(fs, contents, millis)?;
    if saved != Saved::default() && snapshot_due(profile, now, policy) {
        let snapshot = contents
            .to_bytes()
            .and_then(|bytes| snapshot_after_save(fs, profile, &bytes, now, policy));
        if let Err(e) = snapshot {
            log::warn!("no snapshot of the notebook was taken: {e}");
        }
    }
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::Annotation;
    use crate::model::annotation_set::AnnotationEdit;
    use crate::model::comparison::{Comparison, ComparisonNote};
    use crate::testing::text_of;

    fn file_with(count: usize) -> AnnotationsFile {
        let text = text_of(&["вступление в состав РСФСР", "formal unification"]);
        let mut file = AnnotationsFile::default();
        for n in 0..count {
            let annotation = Annotation {
                note: format!("note {n} with <b>markup</b> and “quotes”"),
                tags: vec!["union".into()],
                ..Annotation::new(
                    format!("a{n}"),
                    &text,
                    (n % 10..n % 10 + 5).into(),
                    Some("question"),
                    &"2026-11-26T21:00:00Z".into(),
                )
            };
            file.annotations.apply(AnnotationEdit::Add(annotation));
        }
        file.annotations.apply(AnnotationEdit::Delete("a0".into()));
        file
    }

    #[test]
    fn round_trip_keeps_annotations_trash_and_categories() {
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        let file = file_with(20);
        file.save(&profile).unwrap();
        let loaded = AnnotationsFile::load(&profile);
        assert_eq!(loaded.value, Some(file));
        assert!(loaded.notices.is_empty());
    }

    #[test]
    fn the_file_is_stable_human_readable_json() {
        let bytes = file_with(2).to_bytes().unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("{\n  \"format\": \"lectern-annotations\",\n  \"version\": 1,"));
        assert!(text.contains("РСФСР"), "UTF-8 kept readable, not escaped");
        assert_eq!(
            bytes,
            file_with(2).to_bytes().unwrap(),
            "same data, same bytes"
        );
    }

    #[test]
    fn the_readers_own_people_make_the_file_version_2_which_an_older_lectern_will_not_overwrite() {
        use crate::model::own_entries::{AddedSpelling, OwnEntries};
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        let mut file = file_with(3);
        file.study = OwnEntries {
            spellings: vec![AddedSpelling {
                entity: "ordzhonikidze".into(),
                spelling: "Ordjonikidze".into(),
            }],
            ..OwnEntries::default()
        };
        file.save(&profile).unwrap();
        let text = std::fs::read_to_string(profile.annotations_path()).unwrap();
        assert!(text.starts_with("{\n  \"format\": \"lectern-annotations\",\n  \"version\": 2,"));
        assert!(text.contains("Ordjonikidze"));
        let loaded = AnnotationsFile::load(&profile);
        assert_eq!(loaded.value, Some(file.clone()));
        // An older Lectern (one that writes and reads version 1) finds it newer, so opens the
        // profile read-only rather than saving it without the reader's spellings.
        let older = schema::parse_current::<Contents>(WITHOUT_STUDY, text.as_bytes());
        assert!(older.unwrap_err().contains("newer version"));
        // With nothing of the reader's own, the file stays version 1.
        file.study = OwnEntries::default();
        let bytes = file.to_bytes().unwrap();
        assert!(schema::parse_current::<Contents>(WITHOUT_STUDY, &bytes).is_ok());
        // A note carried from another witness remembers where it came from: version 2 too.
        let comparison = crate::bundled::bundled_comparisons().remove(0);
        let mut note = crate::model::comparison::ComparisonNote::new(
            "n".into(),
            &comparison,
            0,
            None,
            &"2026-11-30T00:00:00Z".into(),
        );
        note.carried_from = Some(crate::model::comparison::CarriedFrom {
            witness: "Lenin’s amendment (English)".into(),
            quote: "Formal unification".into(),
            source: "comparison note m".into(),
        });
        file.comparison_notes.push(note);
        let bytes = file.to_bytes().unwrap();
        let older = schema::parse_current::<Contents>(WITHOUT_STUDY, &bytes);
        assert!(older.unwrap_err().contains("newer version"));
    }

    #[test]
    fn truncated_bit_flipped_and_garbage_files_never_load_as_empty_silently() {
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        let good = file_with(5);
        good.save(&profile).unwrap();
        good.save(&profile).unwrap(); // now there is a backup too
        let bytes = std::fs::read(profile.annotations_path()).unwrap();
        let mut flipped = bytes.clone();
        flipped[bytes.len() / 3] ^= 0x5a;
        for damaged in [
            bytes[..bytes.len() / 2].to_vec(),
            flipped,
            b"\xff\xfe\x00garbage".to_vec(),
        ] {
            std::fs::write(profile.annotations_path(), &damaged).unwrap();
            let loaded = AnnotationsFile::load(&profile);
            assert_eq!(loaded.value.as_ref(), Some(&good), "the backup is loaded");
            assert_eq!(loaded.notices.len(), 1, "the user is told");
            good.save(&profile).unwrap();
        }
    }

    #[test]
    fn comparison_notes_and_the_readers_comparisons_survive_a_round_trip() {
        use crate::model::comparison::WordingInput;
        use crate::model::diff::Normalization;
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        let comparison = Comparison::from_wordings(
            "reader-1",
            "Two drafts",
            vec![
                WordingInput::pasted("Draft", "о формальном вступлении"),
                WordingInput::pasted("Amendment", "Формальное объединение"),
            ],
            &Normalization::wording(),
        )
        .unwrap();
        let mut note = ComparisonNote::new(
            "n1".into(),
            &comparison,
            0,
            None,
            &"2026-11-27T00:00:00Z".into(),
        );
        note.note = "Lenin’s word carries equality".into();
        let mut file = file_with(1);
        file.comparison_notes.push(note);
        file.comparisons.push(comparison);
        file.save(&profile).unwrap();
        assert_eq!(AnnotationsFile::load(&profile).value, Some(file));
    }

    #[test]
    fn a_file_written_before_comparison_notes_existed_still_loads() {
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        let file = file_with(3);
        file.save(&profile).unwrap();
        let text = std::fs::read_to_string(profile.annotations_path()).unwrap();
        assert!(
            !text.contains("comparison_notes"),
            "empty lists are not written"
        );
        assert_eq!(AnnotationsFile::load(&profile).value, Some(file));
    }
}
