//! `lectern restore`: the profile's annotations from a backup.

use std::path::Path;

use crate::storage::backups;
use crate::storage::open::Access;

/// Restores `profile`'s annotations from the backup `name`; what it lacks goes to the trash.
pub fn run(profile: Option<&Path>, name: &str) -> anyhow::Result<()> {
    let mut opened = super::open(profile, Access::Write)?;
    let copy = backups::read(&opened.profile, name).map_err(anyhow::Error::msg)?;
    let changed = opened.notebook.restore_from(copy, &opened.library)?;
    opened.save_notebook()?;
    eprintln!(
        "Restored {name}: {} changed; what the backup did not have is in the trash.",
        crate::model::markup::count(changed, "annotation", "annotations")
    );
    Ok(())
}
