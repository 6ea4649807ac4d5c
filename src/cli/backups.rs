//! `lectern backups`: the backups of the profile's notebook, newest first, with what each
//! holds of every kind against now.

use std::io::Write;
use std::path::Path;

use crate::storage::backups;
use crate::storage::open::Access;

/// Lists the backups of `profile` on `out`, with what each holds.
pub fn run(profile: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<()> {
    let opened = super::open(profile, Access::Read)?;
    let now = opened.notebook.contents().counts();
    let listed = backups::list(&opened.profile);
    if listed.is_empty() {
        eprintln!("There are no backups yet: one is kept at every save.");
    }
    for backup in listed {
        let what = match &backup.counts {
            Ok(counts) => counts.beside(&now).join(", "),
            Err(reason) => format!("cannot be read: {reason}"),
        };
        writeln!(out, "{:<34} {:<22} {what}", backup.name, backup.written)?;
    }
    Ok(())
}
