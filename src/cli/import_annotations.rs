//! `lectern import-annotations`: a notebook archive, or W3C Web Annotations (Lectern's or
//! another tool's), into the profile.

use std::path::Path;

use anyhow::Context as _;

use crate::storage::open::Access;

/// Imports the notebook archive or the annotations of the JSON-LD `file` into `profile`, and
/// says what came of it.
pub fn run(profile: Option<&Path>, file: &Path) -> anyhow::Result<()> {
    let json = std::fs::read_to_string(file)
        .with_context(|| format!("{} could not be read", file.display()))?;
    let mut opened = super::open(profile, Access::Write)?;
    let summary =
        crate::model::notebook_import::import_file(&mut opened.notebook, &json, &opened.library)
            .with_context(|| format!("{} holds nothing Lectern can import", file.display()))?;
    opened.save_notebook()?;
    eprintln!("{summary}");
    Ok(())
}
