//! `lectern cite`: a text of the library cited in a style (the one chosen in the window's View
//! ▸ Citation style, unless `--style` names another), at a page where one is given: the note
//! or in-text citation, then the bibliography entry.

use std::io::Write;
use std::path::Path;

use crate::formats::cite::{CitationStyle, cite};
use crate::formats::references::Reference;
use crate::storage::open::Access;
use crate::storage::reading_state::ReadingState;

/// Prints the citation of the text `id` in `style` (else the profile's chosen one) at `page`.
pub fn run(
    profile: Option<&Path>,
    id: &str,
    style: Option<&str>,
    page: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let opened = super::open(profile, Access::Read)?;
    let style = match style {
        Some(name) => CitationStyle::from_name(name).ok_or_else(|| {
            use strum::IntoEnumIterator;
            let known: Vec<&str> = CitationStyle::iter().map(CitationStyle::name).collect();
            anyhow::anyhow!(
                "there is no style {name}: choose one of {}",
                known.join(", ")
            )
        })?,
        None => ReadingState::chosen_citation_style(&opened.profile),
    };
    let text =
        crate::storage::text_file::text_by_id(&opened.library, id).map_err(anyhow::Error::msg)?;
    let page = page.map(str::trim).filter(|p| !p.is_empty());
    let reference = Reference::of_text(text.meta());
    match cite(&reference, style, page) {
        Some(cited) => writeln!(out, "{}\n\n{}", cited.citation, cited.bibliography)?,
        None => {
            // Lectern's own form: the text's citation, its pages the page given.
            use crate::model::annotation_export::{citation, citation_with_pages};
            match page {
                Some(page) => {
                    let pages = if page.contains(['–', '-']) {
                        format!("pp. {}", page.replace('-', "–"))
                    } else {
                        format!("p. {page}")
                    };
                    writeln!(out, "{}", citation_with_pages(text.meta(), &pages))?
                }
                None => writeln!(out, "{}", citation(&opened.library, text.id()))?,
            }
        }
    }
    Ok(())
}
