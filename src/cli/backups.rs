//! `lectern backups`: the backups of the profile's annotations, newest first.

use std::io::Write;
use std::path::Path;

use crate::model::markup::count;
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
            Ok(counts) => format!(
                "{}, {} ({:+} from now)",
                count(counts.annotations, "annotation", "annotations"),
                count(
                    counts.comparison_notes,
                    "note on comparisons",
                    "notes on comparisons"
                ),
                counts.annotations as i64 - now.annotations as i64
            ),
            Err(reason) => format!("cannot be read: {reason}"),
        };
        writeln!(out, "{:<34} {:<22} {what}", backup.name, backup.written)?;
    }
    Ok(())
}
