//! The notebook archive: the whole of the reader's work in one file, every kind, lossless, so
//! that it can be moved to another profile or handed to someone (`lectern export --format
//! archive`, and its import).
//!
//! ```json
//! { "format": "lectern-notebook-archive", "version": 1, "notebook": { …the notebook's contents… } }
//! ```
//!
//! The notebook is [`Contents`] as the profile's snapshots hold it: categories, annotations
//! and their Trash (with notes other devices wrote that wait for a decision), notes on
//! comparisons and their Trash (with where a carried note came from), the reader's own
//! comparisons, and their people, places, spellings and terms. An export and an import into
//! an empty profile give the same notebook.

use serde::{Deserialize, Serialize};

use super::notebook::Contents;

/// The archive's format name.
pub const ARCHIVE_FORMAT: &str = "lectern-notebook-archive";
/// The archive version this Lectern writes and the newest it reads.
pub const ARCHIVE_VERSION: u32 = 1;

#[derive(Serialize)]
struct ArchiveOut<'a> {
    format: &'static str,
    version: u32,
    notebook: &'a Contents,
}

#[derive(Deserialize)]
struct ArchiveIn {
    notebook: Contents,
}

/// Why an archive cannot be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ArchiveError {
    /// Not a notebook archive.
    #[error("this is not a Lectern notebook archive")]
    NotAnArchive,
    /// Written by a newer Lectern.
    #[error(
        "this archive was written by a newer Lectern (archive version {0}): update Lectern to read it"
    )]
    Newer(u32),
    /// An archive, but damaged.
    #[error("this notebook archive is damaged: {0}")]
    Damaged(String),
}

/// The archive of `contents`.
pub fn to_archive(contents: &Contents) -> String {
    let archive = ArchiveOut {
        format: ARCHIVE_FORMAT,
        version: ARCHIVE_VERSION,
        notebook: contents,
    };
    // Contents holds strings, numbers and lists only: serialising it cannot fail.
    serde_json::to_string_pretty(&archive).unwrap_or_default() + "\n"
}

/// Whether `json` says it is a notebook archive (of any version).
pub fn is_archive(json: &str) -> bool {
    #[derive(Deserialize)]
    struct Head {
        format: String,
    }
    serde_json::from_str::<Head>(json).is_ok_and(|head| head.format == ARCHIVE_FORMAT)
}

/// The notebook an archive holds.
pub fn from_archive(json: &str) -> Result<Contents, ArchiveError> {
    #[derive(Deserialize)]
    struct Head {
        format: String,
        version: u32,
    }
    let head: Head = serde_json::from_str(json).map_err(|_| ArchiveError::NotAnArchive)?;
    if head.format != ARCHIVE_FORMAT {
        return Err(ArchiveError::NotAnArchive);
    }
    if head.version > ARCHIVE_VERSION {
        return Err(ArchiveError::Newer(head.version));
    }
    let archive: ArchiveIn =
        serde_json::from_str(json).map_err(|e| ArchiveError::Damaged(e.to_string()))?;
    Ok(archive.notebook)
}
