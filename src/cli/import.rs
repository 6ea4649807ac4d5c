//! `lectern import`: a text file into the profile's library. While a window has the profile
//! open, that window imports it (as its own import does) and this command says what it did.

use std::io::Write;
use std::path::Path;

use crate::storage::handover::{Request, SendError, Sent, send};
use crate::storage::import::{ImportMeta, extent, import_file};
use crate::storage::open::Access;
use crate::storage::profile::Profile;

/// Imports `file` into `profile` with the reader's `meta` (blank fields are filled from the
/// file): the text's id on `out`, what was done on standard error.
pub fn run(
    profile: Option<&Path>,
    file: &Path,
    meta: &ImportMeta,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    super::must_be_a_file(file)?;
    if handed_over(profile, file, meta, out)? {
        return Ok(());
    }
    let mut opened = super::open(profile, Access::Write)?;
    let (text, encoding, replaced) = import_file(&opened.profile, file, meta)?;
    writeln!(out, "{}", text.id())?;
    let (id, title, extent) = (
        text.id().to_owned(),
        text.meta().title.clone(),
        extent(&text),
    );
    opened.library.insert_or_replace(text);
    let revision = opened.notebook.revision();
    let report = opened.notebook.reanchor_text(&opened.library, &id);
    if opened.notebook.revision() != revision {
        opened.save_notebook()?;
    }
    eprintln!(
        "{} “{title}” ({encoding}, {extent}){}",
        if replaced { "Re-imported" } else { "Imported" },
        if replaced && report.annotations > 0 {
            format!(". {}", report.summary())
        } else {
            String::new()
        }
    );
    Ok(())
}

/// The entry of the reference file `path` (CSL-JSON or BibTeX) to fill an import's metadata
/// from: the one with `key`, or the only one.
pub fn reference_entry(
    path: &Path,
    key: Option<&str>,
) -> anyhow::Result<crate::formats::references::Reference> {
    let source = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("{} could not be read: {e}", path.display()))?;
    let mut entries = crate::formats::references::read_any(&source)
        .map_err(|e| anyhow::anyhow!("{} is not CSL-JSON or BibTeX: {e}", path.display()))?;
    match key {
        Some(key) => {
            let at = entries
                .iter()
                .position(|e| e.id == key)
                .ok_or_else(|| anyhow::anyhow!("{} has no entry {key}", path.display()))?;
            Ok(entries.swap_remove(at))
        }
        None if entries.len() == 1 => Ok(entries.remove(0)),
        None => anyhow::bail!(
            "{} has {} entries: choose one with --key ({})",
            path.display(),
            entries.len(),
            entries
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Gives the import to the window that has `profile` open, if one does: true when it did the
/// import (its text's id on `out`, what it said on standard error), false when no window
/// listens. A window that could not import it is an error, with its reason.
fn handed_over(
    profile: Option<&Path>,
    file: &Path,
    meta: &ImportMeta,
    out: &mut dyn Write,
) -> anyhow::Result<bool> {
    let Ok(opened) = Profile::open(profile) else {
        return Ok(false);
    };
    let request = Request {
        files: vec![std::path::absolute(file)?],
        compare: false,
        import: Some(meta.clone()),
    };
    match send(&opened, &request) {
        Ok(Sent::Answered(answer)) => {
            if let Some(id) = &answer.text_id {
                writeln!(out, "{id}")?;
            }
            eprintln!(
                "{} (in the Lectern window that has this profile open)",
                answer.said
            );
            Ok(true)
        }
        Ok(Sent::Delivered) => {
            eprintln!("Given to the Lectern window that has this profile open, to import.");
            Ok(true)
        }
        Ok(Sent::NoWindow) => Ok(false),
        Err(SendError::Refused(why)) => anyhow::bail!(
            "the Lectern window that has this profile open did not import {}: {why}",
            file.display()
        ),
        Err(SendError::Io(e)) => {
            log::warn!("the open Lectern window did not answer: {e}");
            Ok(false)
        }
    }
}
