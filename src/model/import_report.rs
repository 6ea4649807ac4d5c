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
        use super::words::count;
        let mut out = format!(
            "{} imported",
            count(self.added, "annotation", "annotations")
        );
        if !self.by_text.is_empty() {
            let texts: Vec<String> = self
                .by_text
                .iter()
                .map(|(title, n)| format!("{n} on “{title}”"))
                .collect();
            out.push_str(&format!(" ({})", texts.join(", ")));
        }
        // ", 2 annotations placed by their quote": a count and what became of them.
        let mut clause = |n: usize, what: &str, one: &str, many: &str| {
            if n > 0 {
                let counted = count(n, "annotation", "annotations");
                out.push_str(&format!(
                    ", {counted} {what}{}",
                    if n == 1 { one } else { many }
                ));
            }
        };
        clause(self.by_quote, "placed by ", "its quote", "their quote");
        clause(
            self.duplicates,
            "already there (same id) left as ",
            "it was",
            "they were",
        );
        clause(
            self.unknown_texts,
            "placed on no text kept as ",
            "an orphan",
            "orphans",
        );
        if self.comparison_notes > 0 {
            out.push_str(&format!(
                ", and {}",
                count(
                    self.comparison_notes,
                    "note on a comparison",
                    "notes on comparisons"
                )
            ));
        }
        out.push('.');
        for (quote, candidates) in &self.ambiguous {
            out.push_str(&format!(
                " “{quote}” is in {}: {}; attach it by hand.",
                count(candidates.len(), "text", "texts"),
                candidates.join(", ")
            ));
        }
        let skipped: usize = self.skipped.values().sum();
        if skipped > 0 {
            let reasons: Vec<String> = self
                .skipped
                .iter()
                .map(|(why, n)| format!("{n} {why}"))
                .collect();
            out.push_str(&format!(
                " {} skipped ({}).",
                count(skipped, "item", "items"),
                reasons.join(", ")
            ));
        }
        if self.other_selectors > 0 {
            out.push_str(&format!(
                " {} of other kinds ignored.",
                count(self.other_selectors, "selector", "selectors")
            ));
        }
        out
    }
}
