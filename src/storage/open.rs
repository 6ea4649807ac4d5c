//! Opening a profile: the one way the window and every command get the reader's work.
//!
//! [`open_profile`] takes the profile's lock (or finds it held), loads the texts imported into
//! it, loads the notebook (recovering it from the previous save or a snapshot when the file is
//! damaged or missing, and writing the recovered copy back at once when the profile is ours to
//! write), re-anchors every annotation against the library as it now is, and loads the reading
//! state. What it found is said in [`OpenedProfile::notices`], in the same words for the window
//! (a banner) and the command line (standard error).

use super::annotations_file::AnnotationsFile;
use super::lock::{LockOutcome, ProfileLock, lock_profile};
use super::profile::Profile;
use super::reading_state::ReadingState;
use crate::model::library::Library;
use crate::model::notebook::Notebook;

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
    /// The saved reading state, if any.
    pub reading_state: Option<ReadingState>,
    /// What happened, in words for the reader.
    pub notices: Vec<String>,
}

impl OpenedProfile {
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
    let mut read_only = false;
    let lock = match lock_profile(&profile) {
        Ok(LockOutcome::Acquired(lock)) => Some(lock),
        Ok(LockOutcome::HeldBy(pid)) => {
            let by = pid.map(|p| format!(" (process {p})")).unwrap_or_default();
            match access {
                Access::Write => return Err(OpenError::Busy(by)),
                Access::Window => notices.push(format!(
                    "Another Lectern{by} has this profile open, so this window is read-only: \
                     your annotations are safe with the other one."
                )),
                Access::Read => {}
            }
            read_only = true;
            None
        }
        Err(e) => {
            let reason = format!(
                "the profile folder {} cannot be written ({e})",
                profile.dir().display()
            );
            if access == Access::Write {
                return Err(OpenError::ReadOnly(reason));
            }
            notices.push(format!(
                "The profile folder {} cannot be written ({e}), so it is open read-only: \
                 nothing will be saved in this session.",
                profile.dir().display()
            ));
            read_only = true;
            None
        }
    };
    let mut library = library;
    let (imported, import_notices) = super::import::load_imported(&profile);
    notices.extend(import_notices);
    for text in imported {
        library.insert_or_replace(text);
    }

    if lock.is_some() {
        super::atomic::remove_stale_temporaries(profile.dir());
        super::atomic::remove_stale_temporaries(&super::backups::backups_dir(&profile));
    }
    let mut loaded = AnnotationsFile::load(&profile);
    if loaded.read_only && access == Access::Write {
        return Err(OpenError::ReadOnly(loaded.notices.join(" ")));
    }
    read_only |= loaded.read_only;
    if !read_only {
        loaded.write_back(&profile.annotations_path());
    }
    notices.append(&mut loaded.notices);
    let mut notebook = Notebook::new(loaded.value.unwrap_or_default());
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
        reading_state: state.value,
        notices,
    })
}
