//! `lectern timeline`: the dated documents of the library and the events they date, in order.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::TextOrJson;
use crate::model::timeline::{Entry, EntryKind, Opens, bundled_events, timeline};
use crate::storage::open::Access;

/// The timeline as `lectern timeline --format json` prints it.
#[derive(Debug, Serialize)]
pub struct Listed<'a> {
    /// Documents and events, in order.
    pub entries: &'a [Entry],
    /// The titles of the texts that have no date.
    pub undated: &'a [String],
}

/// Writes the timeline of `profile`'s library to `out` as `format`.
pub fn run(profile: Option<&Path>, format: TextOrJson, out: &mut dyn Write) -> anyhow::Result<()> {
    let opened = super::open(profile, Access::Read)?;
    let (entries, undated) = timeline(&opened.library, &bundled_events());
    match format {
        TextOrJson::Json => {
            let listed = Listed {
                entries: &entries,
                undated: &undated,
            };
            serde_json::to_writer_pretty(&mut *out, &listed)?;
            writeln!(out)?;
        }
        TextOrJson::Text => {
            for entry in &entries {
                let kind = match entry.kind {
                    EntryKind::Document => "document",
                    EntryKind::Event => "event",
                };
                let opens = match &entry.opens {
                    Opens::Text { id, .. } => id.as_str(),
                    Opens::Comparison(id) => id.as_str(),
                };
                writeln!(
                    out,
                    "{:<28} {kind:<9} {}  [{opens}]",
                    entry.date.label, entry.title
                )?;
            }
            if !undated.is_empty() {
                writeln!(out, "\nUndated: {}", undated.join("; "))?;
            }
        }
    }
    Ok(())
}
