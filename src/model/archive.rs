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

use super::library::Library;
use super::notebook::{Contents, Notebook};

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

/// Why a file of annotations brought nothing in.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A notebook archive that cannot be read.
    #[error(transparent)]
    Archive(#[from] ArchiveError),
    /// Not annotations Lectern can read.
    #[error(transparent)]
    W3c(#[from] super::annotation_export::W3cError),
    /// The profile is open read-only.
    #[error("the profile is open read-only")]
    ReadOnly,
}

/// Brings in a file of annotations in any form Lectern reads, as one undoable step each: a
/// notebook archive (every kind, [`Notebook::merge_archive`]) or W3C Web Annotation JSON-LD
/// (Lectern's export or another tool's, [`super::w3c_import::import`]). Returns what came of
/// it, in words for the reader.
pub fn import_file(
    notebook: &mut Notebook,
    json: &str,
    library: &Library,
) -> Result<String, ImportError> {
    if is_archive(json) {
        let archive = from_archive(json)?;
        let added = notebook
            .merge_archive(archive, library)
            .map_err(|_| ImportError::ReadOnly)?;
        return Ok(format!(
            "From the notebook archive: added {} (what was here already is left as it is).",
            added.summary()
        ));
    }
    match super::w3c_import::import(notebook, json, library) {
        Ok(report) => Ok(report.summary()),
        Err(super::w3c_import::ImportFailed::File(e)) => Err(ImportError::W3c(e)),
        Err(super::w3c_import::ImportFailed::ReadOnly) => Err(ImportError::ReadOnly),
    }
}
