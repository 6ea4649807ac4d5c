//! `lectern restore`: the profile's notebook from a backup, dropping nothing.

use std::path::Path;

use crate::storage::backups;
use crate::storage::open::Access;

/// Restores `profile`'s notebook from the backup `name`: what it lacks goes to the Trash or is
/// kept, and the notebook as it was is kept as a snapshot first; says what was done, by kind.
pub fn run(profile: Option<&Path>, name: &str) -> anyhow::Result<()> {
    let mut opened = super::open(profile, Access::Write)?;
    let copy = backups::read(&opened.profile, name).map_err(anyhow::Error::msg)?;
    let kept = backups::keep_before_restore(&opened.profile, &opened.notebook.to_contents())
        .map_err(|e| {
            anyhow::anyhow!(
                "nothing was restored: the notebook as it is could not be kept first ({e})"
            )
        })?;
    let report = opened.notebook.restore_from(copy, &opened.library)?;
    opened.save_notebook()?;
    eprintln!(
        "Restored {name}. {} The notebook as it was is kept as the backup {kept}.",
        report.summary()
    );
    Ok(())
}
