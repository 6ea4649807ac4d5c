//! `lectern glossary`: the words the texts turn on, with their renderings and how often each is
//! found.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::TextOrJson;
use crate::model::glossary::{Glossary, Rendering, Term};
use crate::storage::open::Access;

/// A term as `lectern glossary --format json` prints it.
#[derive(Debug, Serialize)]
pub struct ListedTerm<'a> {
    /// Its id.
    pub id: &'a str,
    /// The concept.
    pub concept: &'a str,
    /// What it is about.
    pub about: &'a str,
    /// Where that is said.
    pub source: &'a str,
    /// Its renderings, with where they are found.
    pub renderings: Vec<ListedRendering<'a>>,
}

/// A rendering of a term, with how often it is found.
#[derive(Debug, Serialize)]
pub struct ListedRendering<'a> {
    /// Language tag.
    pub language: &'a str,
    /// The words.
    pub text: &'a str,
    /// Where it is used.
    #[serde(rename = "in")]
    pub used_in: &'a str,
    /// How often in the library's texts.
    pub found_in_texts: usize,
    /// How often in the bundled comparisons' witnesses.
    pub found_in_comparisons: usize,
}

/// Writes the glossary, with what is found in `profile`'s library, to `out` as `format`.
pub fn run(profile: Option<&Path>, format: TextOrJson, out: &mut dyn Write) -> anyhow::Result<()> {
    let opened = super::open(profile, Access::Read)?;
    // The bundled terms, with the reader's own.
    let (glossary, problems) = opened.notebook.study().glossary(&Glossary::bundled());
    for problem in problems {
        eprintln!("{problem}");
    }
    // Per term, per rendering: (in texts, in comparisons' witnesses).
    let mut counts: Vec<Vec<(usize, usize)>> = glossary
        .terms()
        .iter()
        .map(|t| vec![(0, 0); t.renderings.len()])
        .collect();
    for text in opened.library.texts() {
        for found in glossary.found_in(text.content()) {
            counts[found.term][found.rendering].0 += 1;
        }
    }
    for comparison in crate::bundled::bundled_comparisons() {
        for witness in &comparison.witnesses {
            for found in glossary.found_in(&witness.text()) {
                counts[found.term][found.rendering].1 += 1;
            }
        }
    }
    match format {
        TextOrJson::Json => {
            let items: Vec<ListedTerm> = glossary
                .terms()
                .iter()
                .zip(&counts)
                .map(|(term, counts)| listed(term, counts))
                .collect();
            serde_json::to_writer_pretty(&mut *out, &items)?;
            writeln!(out)?;
        }
        TextOrJson::Text => {
            for (term, counts) in glossary.terms().iter().zip(&counts) {
                writeln!(out, "{}  [{}]", term.concept, term.id)?;
                for (rendering, (texts, comparisons)) in term.renderings.iter().zip(counts) {
                    writeln!(
                        out,
                        "  {:<3} {:<42} {} in texts, {} in comparisons — {}",
                        rendering.language, rendering.text, texts, comparisons, rendering.used_in
                    )?;
                }
                writeln!(out, "  {} (source: {})\n", term.about, term.source)?;
            }
        }
    }
    Ok(())
}

/// `term` as listed, with the `counts` of its renderings.
fn listed<'a>(term: &'a Term, counts: &[(usize, usize)]) -> ListedTerm<'a> {
    let rendering = |(r, (texts, comparisons)): (&'a Rendering, &(usize, usize))| ListedRendering {
        language: &r.language,
        text: &r.text,
        used_in: &r.used_in,
        found_in_texts: *texts,
        found_in_comparisons: *comparisons,
    };
    ListedTerm {
        id: &term.id,
        concept: &term.concept,
        about: &term.about,
        source: &term.source,
        renderings: term.renderings.iter().zip(counts).map(rendering).collect(),
    }
}
