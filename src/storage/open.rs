//! Opening a profile: the one way the window and every command get the reader's work.
//!
//! [`open_profile`] takes the profile's lock (or finds it held), loads the texts imported into
//! it, loads the notebook (recovering it from the previous save or a snapshot when the file is
//! damaged or missing, and writing the recovered copy back at once when the profile is ours to
//! write), re-anchors every annotation against the library as it now is, and loads the reading
//! state. What it found is said in [`OpenedProfile::notices`], in the same words for the window
//! (a banner) and the command line (standard error).

use std::sync::{Arc, Mutex};

use super::annotations_file::AnnotationsFile;
use super::annotations_format::ANNOTATIONS_FORMAT;
use super::atomic::{KeepBackup, RealFileSystem, write_atomic_in};
use super::backups::snapshot_now;
use super::lock::{LockOutcome, ProfileLock, lock_profile};
use super::notebook_dir::{NotebookStore, Saved};
use super::profile::Profile;
use super::reading_state::ReadingState;
use crate::model::library::Library;
use crate::model::notebook::{Contents, Notebook};

/// Who opens the profile, which decides what happens when another Lectern has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// The window: when another Lectern has the profile, it opens read-only and says so.
    Window,
    /// A command that only reads (export, list): it never fails for the lock. It writes back a
    /// recovered file only when no other Lectern has the profile open, then lets go of the
    /// profile; its notebook is read-only.
    Read,
    /// A command that changes the profile (import, restore): it refuses to run while another
    /// Lectern has the profile open, or when the profile cannot be written.
    Write,
}

/// Why a profile could not be opened for a command that writes.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Another Lectern has it.
    #[error("Lectern has this profile open{0}: close it first")]
    Busy(String),
    /// It cannot be written (a newer version's file, a read-only folder …).
    #[error("the profile cannot be changed: {0}")]
    ReadOnly(String),
}

/// A profile as opened: everything the window or a command needs.
#[derive(Debug)]
pub struct OpenedProfile {
    /// The profile folder.
    pub profile: Profile,
    /// The lock, while this process may write the profile; released when dropped.
    pub lock: Option<ProfileLock>,
    /// The library given, with the profile's imported texts added.
    pub library: Library,
    /// The reader's work, re-anchored against the library (read-only when the profile may not
    /// be written by this process).
    pub notebook: Notebook,
    /// The notebook's folder of records as read, through which the notebook is saved
    /// ([`save_notebook`](super::annotations_file::save_notebook)).
    pub store: Arc<Mutex<NotebookStore>>,
    /// The saved reading state, if any.
    pub reading_state: Option<ReadingState>,
    /// Records whose files were damaged, taken from snapshots (also said in `notices`).
    pub recovered: Vec<super::notebook_dir::Recovered>,
    /// What happened, in words for the reader.
    pub notices: Vec<String>,
}

impl OpenedProfile {
    /// Saves the notebook as it now is, as the window's saver does
    /// ([`save_notebook`](super::annotations_file::save_notebook)): the records that changed,
    /// and a snapshot when one is due.
    pub fn save_notebook(&self) -> Result<Saved, super::StorageError> {
        self.save_contents(&self.notebook.to_contents())
    }

    /// Saves `contents` as the profile's notebook (see [`OpenedProfile::save_notebook`]).
    pub fn save_contents(&self, contents: &Contents) -> Result<Saved, super::StorageError> {
        super::annotations_file::save_notebook(
            &RealFileSystem,
            &self.profile,
            &self.store,
            contents,
            &super::backups::SnapshotPolicy::default(),
        )
    }

    /// Whether this process may write the profile.
    pub fn is_read_only(&self) -> bool {
        self.notebook.is_read_only()
    }
}

/// Opens `profile` with `library` (the bundled texts) for `access`; see the module docs.
pub fn open_profile(
    profile: Profile,
    library: Library,
    access: Access,
) -> Result<OpenedProfile, OpenError> {
    let mut notices = Vec::new();
    let lock = take_lock(&profile, access, &mut notices)?;
    // Without the lock (another Lectern has the profile, or its folder cannot be written),
    // nothing is written.
    let mut read_only = lock.is_none();
    let mut library = library;
    let (imported, import_notices) = super::import::load_imported(&profile);
    notices.extend(import_notices);
    for text in imported {
        library.insert_or_replace(text);
    }

    if lock.is_some() {
        super::atomic::remove_stale_temporaries(profile.dir());
        super::atomic::remove_stale_temporaries(&super::backups::backups_dir(&profile));
        super::notebook_dir::remove_stale_temporaries(profile.dir());
    }
    let loaded = load_notebook(&profile, !read_only);
    if loaded.read_only && access == Access::Write {
        return Err(OpenError::ReadOnly(loaded.notices.join(" ")));
    }
    read_only |= loaded.read_only;
    notices.extend(loaded.notices);
    if !read_only {
        profile.write_ignore_files();
    }
    let mut notebook = Notebook::new(loaded.contents);
    let report = notebook.reanchor(&library);
    if report.is_news() {
        notices.push(report.summary());
    }

    let mut state = ReadingState::load(&profile);
    // A newer version's reading state keeps this window from saving its own, not the notes.
    read_only |= state.read_only && access == Access::Window;
    if !read_only {
        state.write_back(&profile.reading_state_path());
    }
    notices.append(&mut state.notices);
    // A command that only reads lets go of the profile at once: a window or another command
    // may open it while the export is written.
    let lock = if access == Access::Read { None } else { lock };
    notebook.set_read_only(read_only || access == Access::Read);
    Ok(OpenedProfile {
        profile,
        lock,
        library,
        notebook,
        store: Arc::new(Mutex::new(loaded.store)),
        reading_state: state.value,
        notices,
        recovered: loaded.recovered,
    })
}

/// Takes `profile`'s lock for `access`; none when another Lectern has it or the folder cannot
/// be written, and the profile is then read-only (as said in `notices` for the window). A
/// command that writes is refused instead.
fn take_lock(
    profile: &Profile,
    access: Access,
    notices: &mut Vec<String>,
) -> Result<Option<ProfileLock>, OpenError> {
    match lock_profile(profile) {
        Ok(LockOutcome::Acquired(lock)) => Ok(Some(lock)),
        Ok(LockOutcome::HeldBy(pid)) => {
            let by = pid.map(|p| format!(" (process {p})")).unwrap_or_default();
            match access {
                Access::Write => return Err(OpenError::Busy(by)),
                Access::Window => notices.push(match pid {
                    Some(pid) => crate::tr!("model-profile-busy-process", pid = pid.to_string()),
                    None => crate::tr!("model-profile-busy"),
                }),
                Access::Read => {}
            }
            Ok(None)
        }
        Err(e) => {
            let reason = format!(
                "the profile folder {} cannot be written ({e})",
                profile.dir().display()
            );
            if access == Access::Write {
                return Err(OpenError::ReadOnly(reason));
            }
            notices.push(crate::tr!(
                "model-profile-not-writable",
                folder = profile.dir().display().to_string(),
                error = e.to_string()
            ));
            Ok(None)
        }
    }
}

/// The notebook as loaded, with the store it is saved through.
struct LoadedNotebook {
    contents: Contents,
    store: NotebookStore,
    read_only: bool,
    notices: Vec<String>,
    recovered: Vec<super::notebook_dir::Recovered>,
}

/// The profile's notebook: from its folder of records (merging what sync engines brought,
/// and writing the merge back when `writable`), or, in a profile from before the folder, from
/// `annotations.json`, which is then moved into the folder once (see [`migrate`]).
fn load_notebook(profile: &Profile, writable: bool) -> LoadedNotebook {
    let now = crate::model::clock::now_millis();
    if NotebookStore::dir_of(profile.dir()).is_dir() {
        let snapshots = || super::backups::notebooks(profile);
        return match NotebookStore::load(profile.dir(), profile.device(), now, snapshots) {
            Ok((store, contents, report)) => {
                from_folder(profile, writable, now, store, contents, report)
            }
            Err(e) => LoadedNotebook {
                contents: Contents::default(),
                store: NotebookStore::new(profile.dir(), profile.device()),
                read_only: true,
                notices: vec![crate::tr!(
                    "model-notebook-unreadable",
                    error = e.to_string()
                )],
                recovered: Vec::new(),
            },
        };
    }
    if moved_note(&profile.annotations_path()) {
        return folder_missing(profile, writable, now);
    }
    let mut loaded = AnnotationsFile::load(profile);
    let mut notebook = LoadedNotebook {
        contents: loaded.value.take().unwrap_or_default(),
        store: NotebookStore::new(profile.dir(), profile.device()),
        read_only: loaded.read_only,
        notices: std::mem::take(&mut loaded.notices),
        recovered: Vec::new(),
    };
    if writable
        && !notebook.read_only
        && let Err(e) = migrate(profile, &mut notebook, now)
    {
        notebook.read_only = true;
        notebook.notices.push(crate::tr!(
            "model-notebook-not-moved",
            error = e.to_string()
        ));
    }
    notebook
}

/// What `annotations.json` says once its notebook is in `notebook/`: a format version no
/// Lectern before the folder reads, so that one opens the profile read-only instead of
/// working on a copy nobody saves.
const MOVED: super::schema::Format = super::schema::Format {
    name: ANNOTATIONS_FORMAT.name,
    version: ANNOTATIONS_FORMAT.version + 1,
};

/// Moves the notebook of a profile from before the folder of records into it: a snapshot of
/// `annotations.json` as it was, every record written, then `annotations.json` replaced by a
/// note that the notebook moved (its previous contents kept as `annotations.json.bak`).
fn migrate(
    profile: &Profile,
    notebook: &mut LoadedNotebook,
    now: u64,
) -> Result<(), super::StorageError> {
    let old = profile.annotations_path();
    if old.exists() {
        let bytes = notebook.contents.to_bytes()?;
        snapshot_now(&RealFileSystem, profile, &bytes)?;
    }
    notebook
        .store
        .save(&RealFileSystem, &notebook.contents, now)?;
    if old.exists() {
        write_moved_note(profile)?;
        notebook.notices.push(crate::tr!("model-notebook-moved"));
    }
    Ok(())
}

/// The notebook as read from its folder: what was merged written back (when `writable`), and
/// a move from `annotations.json` that did not finish (a kill, a full disk) finished: what the
/// file holds and the folder lacks is taken in, then the file says where the notebook went.
fn from_folder(
    profile: &Profile,
    writable: bool,
    now: u64,
    mut store: NotebookStore,
    mut contents: Contents,
    report: super::notebook_dir::LoadReport,
) -> LoadedNotebook {
    let mut notices = report.notices();
    let old = profile.annotations_path();
    let unfinished = writable && report.newer == 0 && old.exists() && !moved_note(&old);
    if unfinished && let Some(before) = AnnotationsFile::load(profile).value {
        store.adopt_missing(&before);
        contents = store.contents();
    }
    if writable && report.newer == 0 {
        let settled = store.settle(&RealFileSystem, now).and_then(|_| {
            if unfinished {
                write_moved_note(profile)
            } else {
                Ok(())
            }
        });
        if let Err(e) = settled {
            notices.push(crate::tr!("model-merge-not-written", error = e.to_string()));
        }
    }
    LoadedNotebook {
        contents,
        store,
        read_only: report.newer > 0,
        notices,
        recovered: report.recovered,
    }
}

/// Replaces `annotations.json` by the note that the notebook moved into its folder (its
/// previous contents kept as `annotations.json.bak`).
fn write_moved_note(profile: &Profile) -> Result<(), super::StorageError> {
    #[derive(serde::Serialize)]
    struct Moved {
        moved_to: &'static str,
    }
    let moved = super::schema::to_bytes(
        MOVED,
        &Moved {
            moved_to: super::notebook_dir::NOTEBOOK_DIR,
        },
    )?;
    write_atomic_in(
        &RealFileSystem,
        &profile.annotations_path(),
        &moved,
        KeepBackup::Previous,
    )
}

/// Whether the file at `path` is the note left where the notebook was before it moved into
/// its folder.
fn moved_note(path: &std::path::Path) -> bool {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .is_some_and(|value| {
            value["format"] == MOVED.name && value["version"] == u64::from(MOVED.version)
        })
}

/// The notebook's folder is gone but the note that it moved there is not: that is damage,
/// never a fresh start. The newest snapshot is put back as the folder (when the profile may
/// be written); without one the profile opens read-only, so that nothing is overwritten.
fn folder_missing(profile: &Profile, writable: bool, now: u64) -> LoadedNotebook {
    let snapshot = super::backups::list(profile).into_iter().find_map(|b| {
        super::backups::read(profile, &b.name)
            .ok()
            .map(|c| (b.name, c))
    });
    let mut store = NotebookStore::new(profile.dir(), profile.device());
    let Some((name, contents)) = snapshot else {
        return LoadedNotebook {
            contents: Contents::default(),
            store,
            read_only: true,
            notices: vec![crate::tr!(
                "model-notebook-folder-missing",
                folder = NotebookStore::dir_of(profile.dir()).display().to_string()
            )],
            recovered: Vec::new(),
        };
    };
    let mut notices = vec![crate::tr!(
        "model-notebook-folder-restored",
        snapshot = &name
    )];
    if writable && let Err(e) = store.save(&RealFileSystem, &contents, now) {
        notices.push(crate::tr!(
            "model-notebook-folder-not-written",
            error = e.to_string()
        ));
    }
    LoadedNotebook {
        contents,
        store,
        read_only: !writable,
        notices,
        recovered: Vec::new(),
    }
}
