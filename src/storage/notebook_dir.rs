//! The notebook as a folder of records, made for sync engines (Syncthing, Dropbox, Nextcloud,
//! git): `notebook/` in the profile holds one small file per record, so that work on separate
//! records never touches the same file.
//!
//! ```text
//! notebook/categories.json
//! notebook/study.json
//! notebook/annotations/<text id>/<annotation id>.json
//! notebook/comparison-notes/<comparison id>/<note id>.json
//! notebook/comparisons/<comparison id>.json
//! ```
//!
//! Each file holds one record and its [`Stamp`] (when and by which device it was last
//! written), in a stable form: keys in a fixed order, LF line ends, a final newline. A save
//! writes only the records that changed, each atomically. A record that is removed (an
//! annotation purged from the trash) leaves a tombstone, so that other devices remove it too;
//! tombstones older than [`TOMBSTONE_DAYS`] are cleared.
//!
//! Loading reads every record, with the conflict copies sync engines leave beside them and the
//! versions in a file git left conflict markers in, and merges the versions of each record
//! ([`crate::model::sync::merge`]): the latest stands, and an annotation whose note diverged
//! keeps the other note for the reader to resolve. The merged records are written back and
//! only then are the consumed copies removed ([`NotebookStore::settle`]). A record file that
//! does not parse (a half-synced file) is moved aside into `local/damaged/`, and the record is
//! taken from its other versions or, if it has none, from the newest snapshot that has it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::StorageError;
use super::atomic::{FileSystem, KeepBackup, write_atomic_in};
use crate::model::annotation::{Annotation, Category, DivergedNote};
use crate::model::annotation_set::Annotations;
use crate::model::comparison::{Comparison, ComparisonNote};
use crate::model::notebook::Contents;
use crate::model::own_entries::OwnEntries;
use crate::model::sync::{Clock, Record, Stamp, Version, conflict_original, merge};

/// The folder of records in a profile.
pub const NOTEBOOK_DIR: &str = "notebook";

/// The folder of what belongs to this device only (never synced: its id, damaged files).
pub const LOCAL_DIR: &str = "local";

/// Days a tombstone is kept for other devices to see it.
pub const TOMBSTONE_DAYS: u64 = 180;

const RECORD_FORMAT: &str = "lectern-record";
/// The newest record version this Lectern reads. It writes version 1 but for a note on a
/// comparison in the Trash, which is version 2: a Lectern from before the notes' Trash would
/// read it as a live note (and its delete would erase it everywhere), so it opens such a
/// profile read-only instead.
const RECORD_VERSION: u32 = 2;
/// The version of every other record.
const RECORD_VERSION_1: u32 = 1;

/// One record of the notebook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// An annotation, live or in the trash.
    Annotation {
        /// The annotation (shared with the notebook: a save compares, not copies, ten thousand
        /// of them).
        annotation: Arc<Annotation>,
        /// Whether it is in the trash.
        trashed: bool,
    },
    /// A note on a comparison, live or in the trash.
    ComparisonNote {
        /// The note.
        note: ComparisonNote,
        /// Whether it is in the trash.
        trashed: bool,
    },
    /// One of the reader's own comparisons.
    Comparison(Comparison),
    /// The categories, in order.
    Categories(Vec<Category>),
    /// The reader's own people, places, spellings and terms.
    Study(OwnEntries),
}

impl Body {
    /// Whether this is `other`: the same shared annotation (the common case, found without
    /// comparing), or equal.
    fn same_as(&self, other: &Body) -> bool {
        match (self, other) {
            (
                Body::Annotation {
                    annotation: a,
                    trashed: x,
                },
                Body::Annotation {
                    annotation: b,
                    trashed: y,
                },
            ) => x == y && (Arc::ptr_eq(a, b) || a == b),
            _ => self == other,
        }
    }
}

impl Record for Body {
    /// An annotation changed on two devices keeps the other's note when the notes differ (and
    /// the notes it had kept), for the reader to resolve; anything else: the latest wins.
    fn absorb(&mut self, other: &Self, stamp: &Stamp) -> bool {
        let (
            Body::Annotation { annotation, .. },
            Body::Annotation {
                annotation: theirs, ..
            },
        ) = (self, other)
        else {
            return false;
        };
        let mut kept = false;
        let annotation = Arc::make_mut(annotation);
        let candidates = std::iter::once(DivergedNote {
            note: theirs.note.clone(),
            device: stamp.device.clone(),
            modified: theirs.modified.clone(),
        })
        .chain(theirs.diverged_notes.iter().cloned());
        for candidate in candidates {
            let known = candidate.note == annotation.note
                || annotation
                    .diverged_notes
                    .iter()
                    .any(|d| d.note == candidate.note);
            if !known {
                annotation.diverged_notes.push(candidate);
                kept = true;
            }
        }
        kept
    }
}

/// A record file as stored.
#[derive(Serialize, Deserialize)]
struct RecordFile {
    format: String,
    version: u32,
    stamp: Stamp,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    deleted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    annotation: Option<Annotation>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    trashed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comparison_note: Option<ComparisonNote>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comparison: Option<Comparison>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    categories: Option<Vec<Category>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    study: Option<OwnEntries>,
}

/// The bytes of a record file.
fn to_bytes(version: &Version<Body>) -> Result<Vec<u8>, StorageError> {
    let mut file = RecordFile {
        format: RECORD_FORMAT.into(),
        version: match &version.body {
            Some(Body::ComparisonNote { trashed: true, .. }) => RECORD_VERSION,
            Some(
                Body::ComparisonNote { trashed: false, .. }
                | Body::Annotation { .. }
                | Body::Comparison(_)
                | Body::Categories(_)
                | Body::Study(_),
            )
            | None => RECORD_VERSION_1,
        },
        stamp: version.stamp.clone(),
        deleted: version.body.is_none(),
        annotation: None,
        trashed: false,
        comparison_note: None,
        comparison: None,
        categories: None,
        study: None,
    };
    match version.body.clone() {
        None => {}
        Some(Body::Annotation {
            annotation,
            trashed,
        }) => {
            file.annotation = Some(Arc::unwrap_or_clone(annotation));
            file.trashed = trashed;
        }
        Some(Body::ComparisonNote { note, trashed }) => {
            file.comparison_note = Some(note);
            file.trashed = trashed;
        }
        Some(Body::Comparison(comparison)) => file.comparison = Some(comparison),
        Some(Body::Categories(categories)) => file.categories = Some(categories),
        Some(Body::Study(study)) => file.study = Some(study),
    }
    let mut bytes = serde_json::to_vec_pretty(&file).map_err(|e| StorageError::Serialise {
        what: "a record of the notebook",
        message: e.to_string(),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Why a record file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Unreadable {
    /// It is not a record (damaged, cut short, something else).
    Damaged(String),
    /// A newer Lectern wrote it (its record version).
    Newer(u32),
}

/// A record file's version, or why it is not one.
fn parse(text: &str) -> Result<Version<Body>, Unreadable> {
    let file: RecordFile =
        serde_json::from_str(text).map_err(|e| Unreadable::Damaged(e.to_string()))?;
    if file.format != RECORD_FORMAT {
        return Err(Unreadable::Damaged(format!(
            "not a record of Lectern's notebook ({})",
            file.format
        )));
    }
    if file.version > RECORD_VERSION {
        return Err(Unreadable::Newer(file.version));
    }
    let body = if file.deleted {
        None
    } else if let Some(annotation) = file.annotation {
        Some(Body::Annotation {
            annotation: Arc::new(annotation),
            trashed: file.trashed,
        })
    } else if let Some(note) = file.comparison_note {
        Some(Body::ComparisonNote {
            note,
            trashed: file.trashed,
        })
    } else if let Some(comparison) = file.comparison {
        Some(Body::Comparison(comparison))
    } else if let Some(categories) = file.categories {
        Some(Body::Categories(categories))
    } else if let Some(study) = file.study {
        Some(Body::Study(study))
    } else {
        return Err(Unreadable::Damaged("a record with nothing in it".into()));
    };
    Ok(Version {
        stamp: file.stamp,
        body,
    })
}

/// An id as a file name: letters, digits, `-` and `_` as they are, every other byte as `%XX`
/// (so no name starts with a dot, holds a separator or differs from another only by case
/// on a file system that ignores case… for ids Lectern makes, which are lower case).
fn file_name(id: &str) -> String {
    let mut name = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' {
            name.push(char::from(byte));
        } else {
            name.push_str(&format!("%{byte:02X}"));
        }
    }
    if name.is_empty() {
        name.push_str("%00");
    }
    name
}

/// The path (relative to `notebook/`, with `/`) of each record of `contents`, with the record.
pub fn records_of(contents: &Contents) -> BTreeMap<String, Body> {
    // Every kind is walked: the contents are destructured whole.
    let Contents {
        categories,
        annotations,
        comparison_notes,
        comparison_notes_trash,
        comparisons,
        study,
    } = contents;
    let mut records = BTreeMap::new();
    // A new profile's categories are not written until the reader changes them: two devices
    // that start alike then have nothing to conflict over.
    if *categories != crate::model::annotation::default_categories() {
        records.insert(
            "categories.json".to_owned(),
            Body::Categories(categories.clone()),
        );
    }
    if !study.is_empty() {
        records.insert("study.json".to_owned(), Body::Study(study.clone()));
    }
    let live = annotations.live().iter().map(|a| (a, false));
    let trashed = annotations.trash().iter().map(|a| (a, true));
    for (annotation, trashed) in live.chain(trashed) {
        let path = format!(
            "annotations/{}/{}.json",
            file_name(&annotation.text_id),
            file_name(&annotation.annotation_id)
        );
        records.insert(
            path,
            Body::Annotation {
                annotation: Arc::clone(annotation),
                trashed,
            },
        );
    }
    let notes = comparison_notes.iter().map(|n| (n, false));
    let trashed = comparison_notes_trash.iter().map(|n| (n, true));
    for (note, trashed) in notes.chain(trashed) {
        let path = format!(
            "comparison-notes/{}/{}.json",
            file_name(&note.comparison_id),
            file_name(&note.note_id)
        );
        records.insert(
            path,
            Body::ComparisonNote {
                note: note.clone(),
                trashed,
            },
        );
    }
    for comparison in comparisons {
        let path = format!("comparisons/{}.json", file_name(&comparison.id));
        records.insert(path, Body::Comparison(comparison.clone()));
    }
    records
}

/// The notebook the records make: annotations in the order they were made (the trash in the
/// order its records were last written), notes on comparisons in the order they were made.
pub fn contents_of(records: &BTreeMap<String, Version<Body>>) -> Contents {
    let mut contents = Contents::default();
    let (mut live, mut trash, mut notes, mut notes_trash) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for version in records.values() {
        match &version.body {
            None => {}
            Some(Body::Annotation {
                annotation,
                trashed: false,
            }) => live.push(Arc::clone(annotation)),
            Some(Body::Annotation {
                annotation,
                trashed: true,
            }) => trash.push((version.stamp.clone(), Arc::clone(annotation))),
            Some(Body::ComparisonNote {
                note,
                trashed: false,
            }) => notes.push(note.clone()),
            Some(Body::ComparisonNote {
                note,
                trashed: true,
            }) => notes_trash.push((version.stamp.clone(), note.clone())),
            Some(Body::Comparison(comparison)) => contents.comparisons.push(comparison.clone()),
            Some(Body::Categories(categories)) => contents.categories = categories.clone(),
            Some(Body::Study(study)) => contents.study = study.clone(),
        }
    }
    live.sort_by(|a, b| {
        a.created
            .cmp(&b.created)
            .then_with(|| natural_order(&a.annotation_id, &b.annotation_id))
    });
    trash.sort_by(|a, b| a.0.cmp(&b.0));
    notes.sort_by(|a: &ComparisonNote, b| {
        (a.created.as_str(), a.note_id.as_str()).cmp(&(b.created.as_str(), b.note_id.as_str()))
    });
    contents.annotations =
        Annotations::from_shared(live, trash.into_iter().map(|(_, a)| a).collect());
    contents.comparison_notes = notes;
    notes_trash.sort_by(|a, b| a.0.cmp(&b.0));
    contents.comparison_notes_trash = notes_trash.into_iter().map(|(_, n)| n).collect();
    contents
}

/// Orders ids as a reader counts: runs of digits by their value ("a2" before "a10"), so that
/// annotations made in one second (their creation times are to the second) and named in
/// sequence keep their sequence.
fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
        let (da, db) = (digits(a), digits(b));
        if da > 0 && db > 0 {
            let (na, nb) = (
                a[..da].trim_start_matches('0'),
                b[..db].trim_start_matches('0'),
            );
            let by_value = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
            if by_value.is_ne() {
                return by_value;
            }
            (a, b) = (&a[da..], &b[db..]);
            continue;
        }
        let (Some(x), Some(y)) = (a.chars().next(), b.chars().next()) else {
            return a.len().cmp(&b.len());
        };
        if x != y {
            return x.cmp(&y);
        }
        (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
    }
}

/// A record whose only file was damaged, taken from a snapshot: what it is and where it now
/// is, for the reader to be told and shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovered {
    /// The record's path in the folder (relative, with `/`).
    pub record: String,
    /// What it is, in words: "The annotation “formal unification…” on lenin-1922-09-26-kamenev".
    pub what: String,
    /// When the snapshot it was taken from was written (RFC 3339).
    pub snapshot: String,
    /// Where it now is.
    pub now_in: RecoveredPlace,
}

/// Where a recovered record now is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecoveredPlace {
    /// The annotation is in the list.
    Annotations(String),
    /// The annotation is in the Trash: no snapshot had it anywhere else.
    AnnotationTrash(String),
    /// The note on a comparison is with its comparison.
    ComparisonNotes(String),
    /// The note on a comparison is in the Trash: no snapshot had it anywhere else.
    ComparisonNoteTrash(String),
    /// Categories, study entries or a comparison: back in the notebook.
    Notebook,
}

impl Recovered {
    /// What happened, in a sentence for the reader.
    pub fn message(&self) -> String {
        let what = self.what.as_str();
        let snapshot = self.snapshot.replace('T', " ").replace('Z', " UTC");
        match &self.now_in {
            RecoveredPlace::Annotations(_) => crate::tr!(
                "model-recovered-in-annotations",
                what = what,
                snapshot = snapshot
            ),
            RecoveredPlace::ComparisonNotes(_) => crate::tr!(
                "model-recovered-in-comparison-notes",
                what = what,
                snapshot = snapshot
            ),
            RecoveredPlace::AnnotationTrash(_) | RecoveredPlace::ComparisonNoteTrash(_) => {
                crate::tr!("model-recovered-in-trash", what = what, snapshot = snapshot)
            }
            RecoveredPlace::Notebook => crate::tr!(
                "model-recovered-in-notebook",
                what = what,
                snapshot = snapshot
            ),
        }
    }
}

/// What loading the folder found, beyond the notebook.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Conflict copies and files with git's markers that were merged.
    pub merged_files: Vec<PathBuf>,
    /// Annotations whose notes diverged on two devices (their ids).
    pub diverged: Vec<String>,
    /// Record files that did not parse (moved into `local/damaged/` when the profile may be
    /// written, by [`NotebookStore::settle`]).
    pub damaged: Vec<PathBuf>,
    /// Records taken from a snapshot because their only file was damaged.
    pub recovered: Vec<Recovered>,
    /// The highest record version found that a newer Lectern wrote (0: none): the profile is
    /// then open read-only.
    pub newer: u32,
}

impl LoadReport {
    /// What was found, in words for the reader (nothing when there is nothing to say).
    pub fn notices(&self) -> Vec<String> {
        let mut notices = Vec::new();
        if self.newer > 0 {
            notices.push(crate::tr!("model-records-newer"));
        }
        if !self.merged_files.is_empty() {
            notices.push(crate::tr!(
                "model-records-merged",
                count = self.merged_files.len()
            ));
        }
        if !self.diverged.is_empty() {
            notices.push(crate::tr!(
                "model-records-diverged",
                count = self.diverged.len()
            ));
        }
        // A damaged file whose record was taken from a snapshot is said with it, below.
        let recovered = |file: &PathBuf| self.recovered.iter().any(|r| file.ends_with(&r.record));
        for file in self.damaged.iter().filter(|f| !recovered(f)) {
            notices.push(crate::tr!(
                "model-record-damaged",
                file = file.display().to_string()
            ));
        }
        for recovered in &self.recovered {
            notices.push(recovered.message());
        }
        notices
    }
}

/// The notebook's folder as last read or written by this process: what each record file
/// holds, so that a save writes only what changed, and the clock that stamps the writes.
#[derive(Debug)]
pub struct NotebookStore {
    dir: PathBuf,
    damaged_dir: PathBuf,
    clock: Clock,
    known: BTreeMap<String, Version<Body>>,
    /// Records merged on load, to be written back ([`NotebookStore::settle`]).
    unsettled: Vec<String>,
    /// Conflict copies consumed by the merge, removed once the merged records are written.
    consumed: Vec<PathBuf>,
    /// Record files that did not parse (relative path, file, and the record it is of), to be
    /// set aside.
    damaged: Vec<(String, PathBuf, String)>,
    /// Whether a save merged another device's version in (see `over_what_arrived`).
    merged_on_save: bool,
}

/// How many record files a save wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// Records written (changed or new).
    pub written: usize,
    /// Tombstones written (records removed).
    pub removed: usize,
}

impl NotebookStore {
    /// The folder of records of the profile at `profile_dir`.
    pub fn dir_of(profile_dir: &Path) -> PathBuf {
        profile_dir.join(NOTEBOOK_DIR)
    }

    /// An empty store for `device` at the profile `profile_dir` (nothing read yet).
    pub fn new(profile_dir: &Path, device: &str) -> Self {
        Self {
            dir: Self::dir_of(profile_dir),
            damaged_dir: profile_dir.join(LOCAL_DIR).join("damaged"),
            clock: Clock::new(device),
            known: BTreeMap::new(),
            unsettled: Vec::new(),
            consumed: Vec::new(),
            damaged: Vec::new(),
            merged_on_save: false,
        }
    }

    /// Reads and merges every record of the folder (see the module docs). `now` is this
    /// device's clock (milliseconds since the epoch); `snapshots` gives the snapshots'
    /// notebooks, newest first, with when each was written, asked for only when a record's
    /// only file is damaged.
    pub fn load(
        profile_dir: &Path,
        device: &str,
        now: u64,
        snapshots: impl FnOnce() -> Vec<(String, Contents)>,
    ) -> Result<(Self, Contents, LoadReport), StorageError> {
        let mut store = Self::new(profile_dir, device);
        let mut report = LoadReport::default();
        let mut versions = store.read_versions(&mut report)?;
        let damaged: Vec<String> = store.damaged.iter().map(|(_, _, r)| r.clone()).collect();
        recover_from_snapshot(&mut versions, &damaged, snapshots, &mut report);
        let expired = now.saturating_sub(TOMBSTONE_DAYS * 86_400_000);
        for (record, found) in versions {
            store.take_versions(record, found, expired, &mut report);
        }
        let contents = contents_of(&store.known);
        Ok((store, contents, report))
    }

    /// Every version of every record in the folder, by record, each with the file it is in and
    /// whether that file is to be merged (a conflict copy, a file with git's markers). Files
    /// that do not parse are listed in the report and kept in `damaged`.
    fn read_versions(&mut self, report: &mut LoadReport) -> Result<Versions, StorageError> {
        let mut versions = Versions::new();
        let files = record_files(&self.dir)?;
        let all_parsed = read_all(&files)?;
        for ((relative, path), parsed) in files.into_iter().zip(all_parsed) {
            let (record, copy) = match conflict_original(file_name_of(&relative)) {
                Some((original, _)) => (sibling_name(&relative, &original), true),
                None => (relative.clone(), false),
            };
            match parsed {
                // Gone between listing and reading (a copy another device consumed).
                None => {}
                Some(Ok(found)) => {
                    let merged_file = copy || found.len() > 1;
                    if merged_file {
                        report.merged_files.push(path.clone());
                    }
                    let entry = versions.entry(record).or_default();
                    entry.extend(found.into_iter().map(|v| (v, path.clone(), merged_file)));
                }
                Some(Err(Unreadable::Newer(version))) => report.newer = report.newer.max(version),
                Some(Err(Unreadable::Damaged(_))) => {
                    report.damaged.push(path.clone());
                    self.damaged.push((relative, path, record));
                }
            }
        }
        Ok(versions)
    }

    /// Merges the versions `found` of `record` into what the store knows; a tombstone older
    /// than `expired` is cleared instead.
    fn take_versions(
        &mut self,
        record: String,
        found: Vec<(Version<Body>, PathBuf, bool)>,
        expired: u64,
        report: &mut LoadReport,
    ) {
        for (version, _, _) in &found {
            self.clock.observe(&version.stamp);
        }
        let merged_from_files = found.iter().any(|(_, _, merged)| *merged);
        for (_, path, copy) in &found {
            let is_copy =
                *copy && path.file_name().and_then(|n| n.to_str()) != Some(file_name_of(&record));
            if is_copy && !path.as_os_str().is_empty() {
                self.consumed.push(path.clone());
            }
        }
        let Some(merged) = merge(found.into_iter().map(|(v, _, _)| v)) else {
            return;
        };
        if merged.absorbed
            && let Some(Body::Annotation { annotation, .. }) = &merged.version.body
        {
            report.diverged.push(annotation.annotation_id.clone());
        }
        if merged.version.body.is_none() && merged.version.stamp.millis < expired {
            self.consumed.push(self.path_of(&record));
            return;
        }
        if merged_from_files || merged.absorbed {
            self.unsettled.push(record.clone());
        }
        self.known.insert(record, merged.version);
    }

    /// Adds the records of `contents` that the folder lacks (an interrupted move of a profile
    /// from before the folder: what `annotations.json` still holds), with the stamp of no
    /// time, so that any version a device wrote wins over them; they are written by
    /// [`NotebookStore::settle`]. Returns how many were added.
    pub fn adopt_missing(&mut self, contents: &Contents) -> usize {
        let mut added = 0;
        for (record, body) in records_of(contents) {
            if self.known.contains_key(&record) {
                continue;
            }
            let version = Version {
                stamp: before_any_write(),
                body: Some(body),
            };
            self.known.insert(record.clone(), version);
            self.unsettled.push(record);
            added += 1;
        }
        added
    }

    /// Keeps, of each record, the version `before` knew when it is later than the one just read
    /// (a running window never goes back to an older version a sync brought, such as one
    /// another device took from a snapshot); those are written back by `settle`.
    pub fn keep_newer_from(&mut self, before: &NotebookStore) {
        for (record, known) in &before.known {
            let older = self
                .known
                .get(record)
                .is_none_or(|read| read.stamp < known.stamp);
            if older && known.stamp != before_any_write() {
                self.clock.observe(&known.stamp);
                self.known.insert(record.clone(), known.clone());
                self.unsettled.push(record.clone());
            }
        }
    }

    /// The notebook as this store knows it.
    pub fn contents(&self) -> Contents {
        contents_of(&self.known)
    }

    /// The notebook in the folder of the profile at `profile_dir`, read without changing
    /// anything (merges are made in memory only; nothing is moved or written).
    pub fn read(profile_dir: &Path) -> Result<(Contents, LoadReport), StorageError> {
        let now = crate::model::clock::now_millis();
        Self::load(profile_dir, "reader", now, Vec::new)
            .map(|(_, contents, report)| (contents, report))
    }

    /// Whether `text`, found at `relative` (with `/`) in the folder, is what this store last
    /// read or wrote there: the same record with the same stamp. A conflict copy, a file with
    /// git's markers or a version from another device is not.
    pub fn is_known(&self, relative: &str, text: &str) -> bool {
        if conflict_original(file_name_of(relative)).is_some() {
            return false;
        }
        let Ok(version) = parse(text) else {
            return false;
        };
        self.known
            .get(relative)
            .is_some_and(|known| known.stamp == version.stamp)
    }

    fn path_of(&self, record: &str) -> PathBuf {
        record
            .split('/')
            .fold(self.dir.clone(), |p, part| p.join(part))
    }

    /// Copies a damaged record file into `local/damaged/`. The file itself stays until a
    /// version of its record is written over it: removing it would make the sync engine remove
    /// the record on every device, where it may be whole.
    fn set_aside(&self, relative: &str, path: &Path) -> Result<PathBuf, StorageError> {
        std::fs::create_dir_all(&self.damaged_dir)
            .map_err(|e| StorageError::io("creating", &self.damaged_dir, e))?;
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let flat = relative.replace('/', "__");
        let mut target = self.damaged_dir.join(format!("{flat}.{seconds}"));
        let mut n = 1;
        while target.exists() {
            target = self.damaged_dir.join(format!("{flat}.{seconds}-{n}"));
            n += 1;
        }
        std::fs::copy(path, &target).map_err(|e| StorageError::io("copying aside", path, e))?;
        Ok(target)
    }

    /// Copies the record files that did not parse into `local/damaged/`, writes back the
    /// records merged on load (each with a new stamp of this device, later than every version
    /// it merged; a record taken from a snapshot keeps the stamp of no time, so that any real
    /// version wins over it), then removes the conflict copies they consumed. A record that
    /// could not be written is forgotten, so that the next save writes it.
    pub fn settle(&mut self, fs: &dyn FileSystem, now: u64) -> Result<usize, StorageError> {
        for (relative, path, _) in std::mem::take(&mut self.damaged) {
            self.set_aside(&relative, &path)?;
        }
        let unsettled = std::mem::take(&mut self.unsettled);
        for (index, record) in unsettled.iter().enumerate() {
            let Some(version) = self.known.get(record) else {
                continue;
            };
            let stamp = if version.stamp == before_any_write() {
                version.stamp.clone()
            } else {
                self.clock.tick(now)
            };
            let version = Version {
                stamp,
                body: version.body.clone(),
            };
            if let Err(e) = self.write(fs, record, &version) {
                for unwritten in &unsettled[index..] {
                    self.known.remove(unwritten);
                }
                return Err(e);
            }
            self.known.insert(record.clone(), version);
        }
        for path in std::mem::take(&mut self.consumed) {
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(StorageError::io("removing", &path, e));
                }
                _ => {}
            }
        }
        Ok(unsettled.len())
    }

    fn write(
        &self,
        fs: &dyn FileSystem,
        record: &str,
        version: &Version<Body>,
    ) -> Result<(), StorageError> {
        let path = self.path_of(record);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| StorageError::io("creating", parent, e))?;
        }
        write_atomic_in(fs, &path, &to_bytes(version)?, KeepBackup::None)
    }

    /// `ours`, stamped now, to be written as `record`: merged with the version in its file when
    /// that is not the one this store last read or wrote (another device's, arrived since):
    /// it is merged in, never written over, and the window is told to read the merge back
    /// ([`NotebookStore::take_merged_on_save`]).
    fn over_what_arrived(&mut self, record: &str, ours: Version<Body>, now: u64) -> Version<Body> {
        let on_disk = std::fs::read_to_string(self.path_of(record))
            .ok()
            .and_then(|text| parse(&text).ok())
            .filter(|theirs| {
                self.known
                    .get(record)
                    .is_none_or(|k| k.stamp != theirs.stamp)
            });
        if let Some(theirs) = &on_disk {
            self.clock.observe(&theirs.stamp);
        }
        let ours = Version {
            stamp: self.clock.tick(now),
            body: ours.body,
        };
        let Some(theirs) = on_disk else {
            return ours;
        };
        self.merged_on_save = true;
        merge([theirs, ours.clone()]).map_or(ours, |merged| merged.version)
    }

    /// Whether a save merged another device's version of a record into what it wrote (the
    /// notebook in memory lacks what was merged); asking clears it.
    pub fn take_merged_on_save(&mut self) -> bool {
        std::mem::take(&mut self.merged_on_save)
    }

    /// Writes the records of `contents` that differ from what the folder holds, and a
    /// tombstone for each record it no longer has. `now`: this device's clock (milliseconds).
    pub fn save(
        &mut self,
        fs: &dyn FileSystem,
        contents: &Contents,
        now: u64,
    ) -> Result<Saved, StorageError> {
        let mut saved = Saved::default();
        let records = records_of(contents);
        for (record, body) in &records {
            let same = self
                .known
                .get(record)
                .is_some_and(|known| known.body.as_ref().is_some_and(|k| k.same_as(body)));
            if same {
                continue;
            }
            let ours = Version {
                stamp: Stamp::default(),
                body: Some(body.clone()),
            };
            let version = self.over_what_arrived(record, ours, now);
            self.write(fs, record, &version)?;
            self.known.insert(record.clone(), version);
            saved.written += 1;
        }
        let gone: Vec<String> = self
            .known
            .iter()
            .filter(|(record, known)| known.body.is_some() && !records.contains_key(*record))
            .map(|(record, _)| record.clone())
            .collect();
        for record in gone {
            let ours = Version {
                stamp: Stamp::default(),
                body: None,
            };
            let version = self.over_what_arrived(&record, ours, now);
            self.write(fs, &record, &version)?;
            self.known.insert(record, version);
            saved.removed += 1;
        }
        Ok(saved)
    }
}

/// Removes the temporary files that saves killed before they finished left in the notebook's
/// folders (as [`super::atomic::remove_stale_temporaries`] does in one folder).
pub fn remove_stale_temporaries(profile_dir: &Path) {
    let mut pending = vec![NotebookStore::dir_of(profile_dir)];
    while let Some(dir) = pending.pop() {
        super::atomic::remove_stale_temporaries(&dir);
        if let Ok(entries) = std::fs::read_dir(&dir) {
            pending.extend(
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                    .map(|e| e.path()),
            );
        }
    }
}

/// The versions in one record file (two in a file with git's conflict markers), or why it is
/// not a record.
type Parsed = Result<Vec<Version<Body>>, Unreadable>;

/// The versions in each of `files` (see [`Parsed`]; `None` for a file gone since it was
/// listed), read and parsed over the cores (rayon) when there are many.
fn read_all(files: &[(String, PathBuf)]) -> Result<Vec<Option<Parsed>>, StorageError> {
    let one = |path: &PathBuf| -> Result<Option<Parsed>, StorageError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                return Ok(Some(Err(Unreadable::Damaged(e.to_string()))));
            }
            Err(e) => return Err(StorageError::io("reading", path, e)),
        };
        Ok(Some(match crate::model::sync::split_git_conflict(&text) {
            Some((ours, theirs)) => [ours, theirs].iter().map(|t| parse(t)).collect(),
            None => parse(&text).map(|v| vec![v]),
        }))
    };
    if files.len() < 512 {
        return files.iter().map(|(_, path)| one(path)).collect();
    }
    // Over the cores; the first error in the files' order is the one reported.
    let parsed: Vec<Result<Option<Parsed>, StorageError>> =
        files.par_iter().map(|(_, path)| one(path)).collect();
    parsed.into_iter().collect()
}

/// Every version of every record found, by record: the version, its file, and whether that
/// file is to be merged.
type Versions = BTreeMap<String, Vec<(Version<Body>, PathBuf, bool)>>;

/// The stamp of no time: what a record taken from a snapshot (which keeps no stamps) or from
/// an old `annotations.json` carries, so that any version a device wrote wins over it.
fn before_any_write() -> Stamp {
    Stamp {
        millis: 0,
        counter: 0,
        device: String::new(),
    }
}

/// Adds, for each `damaged` record that has no other version, its version in a snapshot
/// (`snapshots`, newest first, with when each was written; asked for once, only then): the
/// newest in which it is live (in the list, not the Trash), else the newest that has it at
/// all; with the stamp of no time.
fn recover_from_snapshot(
    versions: &mut Versions,
    damaged: &[String],
    snapshots: impl FnOnce() -> Vec<(String, Contents)>,
    report: &mut LoadReport,
) {
    let lost: Vec<&String> = damaged
        .iter()
        .filter(|record| !versions.contains_key(*record))
        .collect();
    if lost.is_empty() {
        return;
    }
    let snapshots: Vec<(String, BTreeMap<String, Body>)> = snapshots()
        .into_iter()
        .map(|(written, contents)| (written, records_of(&contents)))
        .collect();
    let live = |body: &Body| match body {
        Body::Annotation { trashed, .. } | Body::ComparisonNote { trashed, .. } => !trashed,
        Body::Comparison(_) | Body::Categories(_) | Body::Study(_) => true,
    };
    for record in lost {
        // The newest version there is, in the list if any snapshot had it there.
        let newest = snapshots
            .iter()
            .find_map(|(written, records)| records.get(record).map(|b| (written, b)));
        let Some((written, newest)) = newest else {
            continue;
        };
        let was_live = snapshots
            .iter()
            .any(|(_, records)| records.get(record).is_some_and(live));
        let mut body = newest.clone();
        if was_live {
            match &mut body {
                Body::Annotation { trashed, .. } | Body::ComparisonNote { trashed, .. } => {
                    *trashed = false;
                }
                Body::Comparison(_) | Body::Categories(_) | Body::Study(_) => {}
            }
        }
        let body = &body;
        report.recovered.push(Recovered {
            record: record.clone(),
            what: describe(body),
            snapshot: written.clone(),
            now_in: place_of(body),
        });
        let version = Version {
            stamp: before_any_write(),
            body: Some(body.clone()),
        };
        // Written back at once (see `settle`).
        versions
            .entry(record.clone())
            .or_default()
            .push((version, PathBuf::new(), true));
    }
}

/// A record in words, for the reader: "The annotation “formal unification…” on TEXT".
fn describe(body: &Body) -> String {
    let short = |text: &str| {
        let mut short: String = text.chars().take(48).collect();
        if text.chars().count() > 48 {
            short.push('…');
        }
        short
    };
    match body {
        Body::Annotation { annotation, .. } => crate::tr!(
            "model-record-annotation",
            quote = short(&annotation.anchor.exact),
            text = annotation.text_id.to_string()
        ),
        Body::ComparisonNote { note, .. } => crate::tr!(
            "model-record-comparison-note",
            quote = short(if note.quote.is_empty() {
                &note.note
            } else {
                &note.quote
            }),
            comparison = &note.comparison_title,
            segment = &note.segment_label
        ),
        Body::Comparison(comparison) => {
            crate::tr!("model-record-comparison", title = &comparison.title)
        }
        Body::Categories(_) => crate::tr!("model-record-categories"),
        Body::Study(_) => crate::tr!("model-record-study"),
    }
}

/// Where a recovered record now is.
fn place_of(body: &Body) -> RecoveredPlace {
    match body {
        Body::Annotation {
            annotation,
            trashed,
        } => {
            let id = annotation.annotation_id.clone();
            if *trashed {
                RecoveredPlace::AnnotationTrash(id)
            } else {
                RecoveredPlace::Annotations(id)
            }
        }
        Body::ComparisonNote { note, trashed } => {
            let id = note.note_id.clone();
            if *trashed {
                RecoveredPlace::ComparisonNoteTrash(id)
            } else {
                RecoveredPlace::ComparisonNotes(id)
            }
        }
        Body::Comparison(_) | Body::Categories(_) | Body::Study(_) => RecoveredPlace::Notebook,
    }
}

/// The last part of a `/`-separated path.
fn file_name_of(relative: &str) -> &str {
    relative.rsplit('/').next().unwrap_or(relative)
}

/// `relative` with its last part replaced by `name`.
fn sibling_name(relative: &str, name: &str) -> String {
    match relative.rfind('/') {
        Some(slash) => format!("{}/{name}", &relative[..slash]),
        None => name.to_owned(),
    }
}

/// Every record file under `dir` (relative path with `/`, and full path), leaving out hidden
/// files (temporary files of Lectern and of sync engines start with a dot) and temporaries.
fn record_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, StorageError> {
    let mut found = Vec::new();
    let mut pending = vec![(String::new(), dir.to_path_buf())];
    while let Some((prefix, folder)) = pending.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(StorageError::io("reading", &folder, e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| StorageError::io("reading", &folder, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name.ends_with(".tmp") || name.contains(".tmp-") {
                continue;
            }
            let relative = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}/{name}")
            };
            let kind = entry
                .file_type()
                .map_err(|e| StorageError::io("reading", entry.path(), e))?;
            if kind.is_dir() {
                pending.push((relative, entry.path()));
            } else if kind.is_file() && name != "notebook.json" {
                found.push((relative, entry.path()));
            }
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests;
