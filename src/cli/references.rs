//! `lectern references`: every text of the library (bundled and imported) as a reference, in
//! CSL-JSON, BibTeX or RIS, for Zotero, pandoc and other reference managers.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use crate::formats::references::{Reference, bibtex, csl_json, ris};
use crate::storage::open::Access;

/// The formats reference managers exchange.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReferenceFormat {
    /// CSL-JSON: Zotero, pandoc's citeproc and every CSL processor.
    CslJson,
    /// BibTeX with biblatex's fields.
    Bibtex,
    /// RIS.
    Ris,
}

/// Writes every text of the library as a reference in `format`, in the library's order.
pub fn run(
    profile: Option<&Path>,
    format: ReferenceFormat,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let opened = super::open(profile, Access::Read)?;
    let references: Vec<Reference> = opened
        .library
        .texts()
        .iter()
        .map(|text| Reference::of_text(text.meta()))
        .collect();
    let written = match format {
        ReferenceFormat::CslJson => csl_json(&references),
        ReferenceFormat::Bibtex => bibtex(&references),
        ReferenceFormat::Ris => ris(&references),
    };
    out.write_all(written.as_bytes())?;
    Ok(())
}
