//! What an import of annotations did, in numbers and in words for the reader: the one report
//! the notebook's merge and the W3C import fill in.

/// What an import of annotations did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Added.
    pub added: usize,
    /// Already in the profile (same id): left as they are.
    pub duplicates: usize,
    /// Added, but not placed on any text (a text not in the library, or a passage not
    /// found): kept, listed as orphans.
    pub unknown_texts: usize,
    /// Added, by the title of the text they were put on.
    pub by_text: std::collections::BTreeMap<String, usize>,
    /// Put on a text by their quote (made on a copy of the text elsewhere).
    pub by_quote: usize,
    /// Left orphans because their quote is in several texts: the quote's start and the
    /// candidates' titles.
    pub ambiguous: Vec<(String, Vec<String>)>,
    /// Items of the file not read, by reason.
    pub skipped: std::collections::BTreeMap<String, usize>,
    /// Selectors of kinds Lectern does not read.
    pub other_selectors: usize,
    /// Notes on comparisons added.
    pub comparison_notes: usize,
}

impl ImportReport {
    /// The report in a sentence or a few.
    pub fn summary(&self) -> String {
        let mut out = crate::tr!("model-import-added", count = self.added);
        if !self.by_text.is_empty() {
            let texts: Vec<String> = self
                .by_text
                .iter()
                .map(|(title, n)| crate::tr!("model-import-on-text", count = *n, title = title))
                .collect();
            out.push(' ');
            out.push_str(&crate::tr!(
                "model-import-by-text",
                texts = texts.join(", ")
            ));
        }
        // ", 2 annotations placed by their quote": a count and what became of them.
        type Clause = (usize, fn(usize) -> String);
        let clauses: [Clause; 3] = [
            (self.by_quote, |n| {
                crate::tr!("model-import-by-quote", count = n)
            }),
            (self.duplicates, |n| {
                crate::tr!("model-import-duplicates", count = n)
            }),
            (self.unknown_texts, |n| {
                crate::tr!("model-import-unknown-texts", count = n)
            }),
        ];
        for (n, words) in clauses {
            if n > 0 {
                out.push_str(", ");
                out.push_str(&words(n));
            }
        }
        if self.comparison_notes > 0 {
            out.push_str(", ");
            out.push_str(&crate::tr!(
                "model-import-comparison-notes",
                count = self.comparison_notes
            ));
        }
        out.push('.');
        for (quote, candidates) in &self.ambiguous {
            out.push(' ');
            out.push_str(&crate::tr!(
                "model-import-ambiguous",
                quote = quote,
                count = candidates.len(),
                texts = candidates.join(", ")
            ));
        }
        let skipped: usize = self.skipped.values().sum();
        if skipped > 0 {
            let reasons: Vec<String> = self
                .skipped
                .iter()
                .map(|(why, n)| {
                    crate::tr!(
                        "model-import-skipped-reason",
                        count = *n,
                        reason = reason(why)
                    )
                })
                .collect();
            out.push(' ');
            out.push_str(&crate::tr!(
                "model-import-skipped",
                count = skipped,
                reasons = reasons.join(", ")
            ));
        }
        if self.other_selectors > 0 {
            out.push(' ');
            out.push_str(&crate::tr!(
                "model-import-other-selectors",
                count = self.other_selectors
            ));
        }
        out
    }
}

/// Why items of a file were skipped, in the reader's language: the reasons the W3C import
/// counts by (`model::w3c_import`, `formats::w3c`); another reason as it is.
fn reason(why: &str) -> String {
    match why {
        "not an annotation" => crate::tr!("model-import-skip-not-an-annotation"),
        "no id" => crate::tr!("model-import-skip-no-id"),
        "no target" => crate::tr!("model-import-skip-no-target"),
        "damaged notes on comparisons" => crate::tr!("model-import-skip-damaged-comparison-notes"),
        "pages not in the file (only their addresses)" => {
            crate::tr!("model-import-skip-pages-not-in-file")
        }
        other => other.to_owned(),
    }
}
