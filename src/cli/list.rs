//! `lectern list`: the texts of the library (bundled and imported) with their ids.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::TextOrJson;
use crate::model::text::Text;
use crate::storage::open::Access;

/// A text as `lectern list --format json` prints it.
#[derive(Debug, Serialize)]
pub struct Listed<'a> {
    /// The id other commands take.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Subtitle.
    pub subtitle: Option<&'a str>,
    /// Author, when known.
    pub author: Option<&'a str>,
    /// Date (YYYY, YYYY-MM or YYYY-MM-DD).
    pub date: &'a str,
    /// The date as shown.
    pub date_label: &'a str,
    /// Language tag.
    pub language: &'a str,
    /// What kind of document.
    pub kind: Option<&'a str>,
    /// Where it is printed.
    pub reference: Option<&'a str>,
    /// Its address on the web.
    pub url: Option<&'a str>,
    /// Whether the reader imported it.
    pub imported: bool,
    /// How many paragraphs.
    pub paragraphs: usize,
}

impl<'a> Listed<'a> {
    /// `text` as listed.
    pub fn of(text: &'a Text) -> Self {
        let meta = text.meta();
        Self {
            id: &meta.id,
            title: &meta.title,
            subtitle: meta.subtitle.as_deref(),
            author: meta.known_author(),
            date: &meta.date,
            date_label: meta.display_date(),
            language: &meta.language,
            kind: meta.kind.as_deref(),
            reference: meta.reference.as_deref(),
            url: meta.url.as_deref(),
            imported: meta.id.starts_with("import-"),
            paragraphs: text.paragraphs().len(),
        }
    }
}

/// Writes the library of `profile` to `out` as `format`.
pub fn run(profile: Option<&Path>, format: TextOrJson, out: &mut dyn Write) -> anyhow::Result<()> {
    let opened = super::open(profile, Access::Read)?;
    let texts = opened.library.texts();
    match format {
        TextOrJson::Json => {
            let items: Vec<Listed> = texts.iter().map(|text| Listed::of(text)).collect();
            serde_json::to_writer_pretty(&mut *out, &items)?;
            writeln!(out)?;
        }
        TextOrJson::Text => {
            for text in texts {
                let meta = text.meta();
                let date = if crate::formats::text_format::is_undated(&meta.date) {
                    "undated"
                } else {
                    &meta.date
                };
                writeln!(
                    out,
                    "{:<36} {:<12} {}{}",
                    meta.id,
                    date,
                    meta.title,
                    meta.reference
                        .as_ref()
                        .map(|r| format!(" — {r}"))
                        .unwrap_or_default()
                )?;
            }
        }
    }
    Ok(())
}
