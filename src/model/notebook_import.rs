//! One way in for the reader's files of annotations: a notebook archive ([`super::archive`],
//! every kind) or W3C Web Annotation JSON-LD ([`super::w3c_import`]), told apart by what the
//! file says of itself. The window's Import annotations… and `lectern import-annotations`
//! both come here.

use super::library::Library;
use super::notebook::Notebook;

/// Why a file of annotations brought nothing in.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A notebook archive that cannot be read.
    #[error(transparent)]
    Archive(#[from] super::archive::ArchiveError),
    /// Not annotations Lectern can read.
    #[error(transparent)]
    W3c(#[from] crate::formats::w3c::W3cError),
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
    if super::archive::is_archive(json) {
        let archive = super::archive::from_archive(json)?;
        let added = notebook
            .merge_archive(archive, library)
            .map_err(|_| ImportError::ReadOnly)?;
        let added = added.summary();
        return Ok(crate::tr!("model-archive-added", added = added));
    }
    match super::w3c_import::import(notebook, json, library) {
        Ok(report) => Ok(report.summary()),
        Err(super::w3c_import::ImportFailed::File(e)) => Err(ImportError::W3c(e)),
        Err(super::w3c_import::ImportFailed::ReadOnly) => Err(ImportError::ReadOnly),
    }
}
