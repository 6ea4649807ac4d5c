//! The profile directory and Lectern's files in it. No egui here.
//!
//! Every file Lectern writes is JSON with its format name and schema version at the top
//! ([`schema`]), written atomically and durably with a last-good backup ([`atomic`]), off the
//! UI thread ([`saver`]). A file that does not parse is moved aside, never overwritten.

pub mod annotations_file;
pub mod annotations_format;
pub mod atomic;
pub mod backups;
pub mod epub;
pub mod groups;
pub mod guess;
pub mod handover;
pub mod import;
pub mod lock;
pub mod notebook_dir;
pub mod open;
pub mod process;
pub mod profile;
pub mod reading_state;
pub mod saver;
pub mod schema;
pub mod text_file;
pub mod watch;

#[cfg(test)]
mod kinds_tests;

use std::path::PathBuf;

/// What went wrong with the profile's files.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// Reading or writing a file failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What Lectern was doing ("writing", "reading", …).
        action: &'static str,
        /// The file or folder concerned.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// A file written was read back and found wrong.
    #[error("{path} did not verify after writing: {message}")]
    Verify {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        message: String,
    },
    /// The platform has no data directory for a default profile.
    #[error("no home or data directory is known on this system; pass --profile DIR")]
    NoDefaultDir,
    /// Serialising the data failed (a bug, not a user error).
    #[error("could not serialise {what}: {message}")]
    Serialise {
        /// What was being serialised.
        what: &'static str,
        /// serde's message.
        message: String,
    },
}

impl StorageError {
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        Self::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
