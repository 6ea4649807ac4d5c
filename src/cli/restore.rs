//! `lectern restore`: the profile's notebook from a backup, dropping nothing.

use std::path::Path;

use crate::storage::backups;
use crate::storage::open::Access;

/// Restores `profile`'s notebook from the backup `name`: what it lacks goes to the Trash or is
/// kept; says what was done, by kind.
pub fn run(profile: Option<&Path>, name: &str) -> anyhow::Result<()> {
    let mut opened = super::open(profile, Access::Write)?;
    let copy = backups::read(&opened.profile, name).map_err(anyhow::Error::msg)?;
    let report = opened.notebook.restore_from(copy, &opened.library)?;
    opened.save_notebook()?;
    eprintln!("Restored {name}. {}", report.summary());
    Ok(())
}
