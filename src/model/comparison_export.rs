//! A comparison written out for a paper or a slide: Markdown, HTML, and the plain text the
//! command line prints. Each segment shows every witness's wording with its differences from
//! its reference inline (removed words struck, added words marked), and the witnesses are cited
//! with date, author, source and status.

use std::fmt::Write as _;
use std::ops::Range;

use super::compare::{Normalization, OpKind, slice_chars};
use super::comparison::{Cell, Comparison, ComparisonResult, Reference};
use super::markup::{self, escape_html};

/// A piece of an inline rendering of a witness against its reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    /// In both.
    Same,
    /// Only in the reference (removed or replaced here).
    Removed,
    /// Only in this witness.
    Added,
}

/// Calls `emit` with the pieces of `own` against `reference`, in reading order.
pub fn inline_pieces<'a>(
    reference: &'a str,
    own: &'a str,
    cell: &Cell,
    mut emit: impl FnMut(&'a str, Piece),
) {
    inline_ops(reference, own, cell, |piece, kind, _, _| emit(piece, kind));
}

/// As [`inline_pieces`], with each piece's characters in the reference and in `own`.
pub fn inline_ops<'a>(
    reference: &'a str,
    own: &'a str,
    cell: &Cell,
    mut emit: impl FnMut(&'a str, Piece, Range<usize>, Range<usize>),
) {
    if cell.reference.is_none() {
        emit(own, Piece::Same, 0..0, 0..own.chars().count());
        return;
    }
    // The operations go forward through both wordings: each is sliced from where the one
    // before it ended, not counted again from the start.
    let (mut in_reference, mut in_own) = (Cursor::new(reference), Cursor::new(own));
    for op in &cell.ops {
        let (a, b) = (op.a.clone(), op.b.clone());
        match op.kind {
            OpKind::Equal => emit(in_own.slice(b.clone()), Piece::Same, a, b),
            OpKind::Delete => emit(in_reference.slice(a.clone()), Piece::Removed, a, b),
            OpKind::Insert => emit(in_own.slice(b.clone()), Piece::Added, a, b),
        }
    }
}

/// Slices of a text by character ranges that mostly go forward: each found from where the last
/// ended.
struct Cursor<'a> {
    text: &'a str,
    /// The byte and character where the last slice ended.
    at: (usize, usize),
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, at: (0, 0) }
    }

    /// The byte of character `n`, at or after the cursor.
    fn byte_of(&mut self, n: usize) -> usize {
        let (byte, char) = self.at;
        let rest = &self.text[byte..];
        let found = rest
            .char_indices()
            .nth(n - char)
            .map_or(self.text.len(), |(offset, _)| byte + offset);
        self.at = (found, n);
        found
    }

    fn slice(&mut self, range: Range<usize>) -> &'a str {
        if range.start < self.at.1 {
            return slice_chars(self.text, range);
        }
        let start = self.byte_of(range.start);
        let end = self.byte_of(range.end.max(range.start));
        &self.text[start..end]
    }
}

/// How the marks of a comparison are shown, for its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyMarks {
    /// Each witness against its reference, removed words struck and added ones underlined
    /// (the window's inline layout, and the HTML export).
    Inline,
    /// The same, with added words in bold (the Markdown export, which has no underline).
    InlineBold,
    /// Witnesses side by side (the window's columns).
    Columns,
}

/// The key to a comparison's marks, in the words the window and the exports share: what the
/// marks mean, what each witness is marked against and what counts as different.
pub fn key_sentence(
    comparison: &Comparison,
    reference: Reference,
    normalization: &Normalization,
    marks: KeyMarks,
) -> String {
    let marks = match marks {
        KeyMarks::Inline => {
            "Removed or replaced words are struck through, added words are underlined"
        }
        KeyMarks::InlineBold => {
            "Removed or replaced words are struck through, added words are bold"
        }
        KeyMarks::Columns => {
            "Removed words are struck through in the earlier witness, added words are \
             underlined in the later one, and changed words are in italics in both"
        }
    };
    format!(
        "{marks}; {}; {}.",
        describe_reference(comparison, reference),
        describe_normalization(normalization)
    )
}

/// What the normalisation ignores, in words.
pub fn describe_normalization(normalization: &Normalization) -> String {
    let mut ignored = Vec::new();
    if normalization.ignore_case {
        ignored.push("case");
    }
    if normalization.ignore_punctuation {
        ignored.push("punctuation");
    }
    if normalization.unify_quotes_and_dashes {
        ignored.push("kinds of quotation marks and dashes");
    }
    if normalization.collapse_whitespace {
        ignored.push("white space");
    }
    if normalization.yo_as_ye {
        ignored.push("ё/е");
    }
    if ignored.is_empty() {
        "every character counts".into()
    } else {
        format!("differences of {} are not counted", ignored.join(", "))
    }
}

fn describe_reference(comparison: &Comparison, reference: Reference) -> String {
    match reference {
        Reference::Previous => {
            "each witness is marked against the nearest earlier witness in its language".into()
        }
        Reference::Base(base) => {
            let chosen = comparison.witnesses.get(base);
            let label = chosen.map_or("?", |w| w.label.as_str());
            let language = chosen.map_or("", |w| w.language.as_str());
            let others = comparison
                .witnesses
                .iter()
                .any(|w| !language.is_empty() && !w.language.is_empty() && w.language != language);
            if others {
                format!(
                    "the witnesses in the language of “{label}” are marked against it; those \
                     in other languages are not marked"
                )
            } else {
                format!("every witness is marked against “{label}”")
            }
        }
    }
}

fn citation(comparison: &Comparison, witness: usize) -> String {
    let w = &comparison.witnesses[witness];
    let mut parts: Vec<String> = Vec::new();
    for part in [&w.author, &w.date, &w.source] {
        if !part.is_empty() {
            parts.push(part.clone());
        }
    }
    parts.push(w.status.label().to_owned());
    if !w.remark.is_empty() {
        parts.push(w.remark.clone());
    }
    parts.join("; ")
}

/// A one-line Markdown rendering of `text` (line breaks become spaces).
fn escape_markdown(text: &str) -> String {
    markup::escape_markdown(&text.replace('\n', " "))
}

/// Wraps the non-blank middle of `text` in `open`/`close`, leaving its outer white space
/// outside (Markdown emphasis must not start or end with a space).
fn wrap(text: &str, open: &str, close: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return text.to_owned();
    }
    let start = text.len() - text.trim_start().len();
    let end = start + trimmed.len();
    format!(
        "{}{open}{}{close}{}",
        &text[..start],
        &text[start..end],
        &text[end..]
    )
}

/// The segments' rows: (segment label, [(witness, reference label, inline rendering)]).
fn render_cells(
    comparison: &Comparison,
    result: &ComparisonResult,
    piece: &dyn Fn(&str, Piece) -> String,
) -> Vec<(String, Vec<(usize, String)>)> {
    let mut rows = Vec::new();
    for (segment, label) in comparison.segments.iter().enumerate() {
        let mut cells = Vec::new();
        for (index, witness) in comparison.witnesses.iter().enumerate() {
            let Some(Some(own)) = witness.segments.get(segment) else {
                continue;
            };
            let cell = result
                .cells
                .get(segment)
                .and_then(|row| row.get(index))
                .cloned()
                .unwrap_or_default();
            let reference_text = cell
                .reference
                .and_then(|r| comparison.witnesses[r].segments[segment].as_ref())
                .map_or("", |s| s.text.as_str());
            let mut rendered = String::new();
            inline_pieces(reference_text, &own.text, &cell, |text, kind| {
                rendered.push_str(&piece(text, kind));
            });
            if let Some(reference) = cell.reference {
                rendered.push_str(&piece(
                    &format!(
                        " ({} against {})",
                        cell.counts.summary(),
                        comparison.witnesses[reference].label
                    ),
                    Piece::Same,
                ));
            }
            cells.push((index, rendered));
        }
        rows.push((label.clone(), cells));
    }
    rows
}

/// The comparison as Markdown: removed words ~~struck~~, added words **bold**.
pub fn to_markdown(
    comparison: &Comparison,
    result: &ComparisonResult,
    normalization: &Normalization,
    reference: Reference,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape_markdown(&comparison.title));
    if !comparison.description.is_empty() {
        let _ = writeln!(out, "{}\n", escape_markdown(&comparison.description));
    }
    let _ = writeln!(out, "## Witnesses\n");
    for (index, witness) in comparison.witnesses.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}**: {}",
            index + 1,
            escape_markdown(&witness.label),
            escape_markdown(&citation(comparison, index))
        );
    }
    let key = key_sentence(comparison, reference, normalization, KeyMarks::InlineBold)
        .replacen("struck through", "~~struck through~~", 1)
        .replacen("are bold", "are **bold**", 1);
    let _ = writeln!(out, "\n{key}\n");
    let piece = |text: &str, kind: Piece| match kind {
        Piece::Same => escape_markdown(text),
        Piece::Removed => wrap(&escape_markdown(text), "~~", "~~"),
        Piece::Added => wrap(&escape_markdown(text), "**", "**"),
    };
    for (label, cells) in render_cells(comparison, result, &piece) {
        let _ = writeln!(out, "## {}\n", escape_markdown(&label));
        for (witness, rendered) in cells {
            let _ = writeln!(
                out,
                "- *{}*: {}",
                escape_markdown(&comparison.witnesses[witness].label),
                rendered
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "Made with Lectern {}.", crate::VERSION);
    out
}

/// The comparison as a self-contained HTML page: a table with a column per witness, removed
/// words in `<del>`, added words in `<ins>`, and the witnesses cited above it.
pub fn to_html(
    comparison: &Comparison,
    result: &ComparisonResult,
    normalization: &Normalization,
    reference: Reference,
) -> String {
    let mut out = String::new();
    let title = escape_html(&comparison.title);
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <style>\nbody {{ font-family: Georgia, serif; max-width: 80rem; margin: 2rem auto; \
         line-height: 1.5; }}\ntable {{ border-collapse: collapse; width: 100%; }}\n\
         th, td {{ border: 1px solid #bbb; padding: .5rem; vertical-align: top; text-align: left; }}\n\
         del {{ background: #f8d2d2; text-decoration: line-through; }}\n\
         ins {{ background: #ccebcc; text-decoration: underline; }}\n\
         .counts {{ color: #666; font-size: .85em; }}\n</style>\n</head>\n<body>\n<h1>{title}</h1>"
    );
    if !comparison.description.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape_html(&comparison.description));
    }
    let _ = writeln!(out, "<h2>Witnesses</h2>\n<ol>");
    for (index, witness) in comparison.witnesses.iter().enumerate() {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>: {}</li>",
            escape_html(&witness.label),
            escape_html(&citation(comparison, index))
        );
    }
    let key = escape_html(&key_sentence(
        comparison,
        reference,
        normalization,
        KeyMarks::Inline,
    ))
    .replacen("struck through", "<del>struck through</del>", 1)
    .replacen("underlined", "<ins>underlined</ins>", 1);
    let _ = writeln!(out, "</ol>\n<p>{key}</p>");
    let _ = write!(out, "<table>\n<tr><th></th>");
    for witness in &comparison.witnesses {
        let _ = write!(out, "<th>{}</th>", escape_html(&witness.label));
    }
    let _ = writeln!(out, "</tr>");
    let piece = |text: &str, kind: Piece| match kind {
        Piece::Same => escape_html(text),
        Piece::Removed => wrap(&escape_html(text), "<del>", "</del>"),
        Piece::Added => wrap(&escape_html(text), "<ins>", "</ins>"),
    };
    let rows = render_cells(comparison, result, &piece);
    for (segment, (label, cells)) in rows.into_iter().enumerate() {
        let _ = write!(out, "<tr><th>{}</th>", escape_html(&label));
        for index in 0..comparison.witnesses.len() {
            match cells.iter().find(|(w, _)| *w == index) {
                Some((_, rendered)) => {
                    let counts = result
                        .cells
                        .get(segment)
                        .and_then(|row| row.get(index))
                        .filter(|c| c.reference.is_some());
                    // The counts were appended as plain text; set them apart.
                    let body = match counts {
                        Some(cell) => {
                            let suffix = escape_html(&format!(
                                " ({} against {})",
                                cell.counts.summary(),
                                cell.reference
                                    .map_or("", |r| comparison.witnesses[r].label.as_str())
                            ));
                            match rendered.strip_suffix(&suffix) {
                                Some(text) => format!("{text}<div class=\"counts\">{suffix}</div>"),
                                None => rendered.clone(),
                            }
                        }
                        None => rendered.clone(),
                    };
                    let _ = write!(out, "<td>{body}</td>");
                }
                None => {
                    let _ = write!(out, "<td>—</td>");
                }
            }
        }
        let _ = writeln!(out, "</tr>");
    }
    let _ = writeln!(
        out,
        "</table>\n<p class=\"counts\">Made with Lectern {}.</p>\n</body>\n</html>",
        crate::VERSION
    );
    out
}

/// The comparison as plain text, differences marked as `git diff --word-diff` does:
/// `[-removed-]` and `{+added+}`.
pub fn to_text(comparison: &Comparison, result: &ComparisonResult) -> String {
    let piece = |text: &str, kind: Piece| match kind {
        Piece::Same => text.to_owned(),
        Piece::Removed => wrap(text, "[-", "-]"),
        Piece::Added => wrap(text, "{+", "+}"),
    };
    let mut out = String::new();
    for (label, cells) in render_cells(comparison, result, &piece) {
        let _ = writeln!(out, "== {label}");
        for (witness, rendered) in cells {
            let _ = writeln!(out, "{}: {}", comparison.witnesses[witness].label, rendered);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::comparison::{WordingInput, compute_all};

    fn example() -> (Comparison, ComparisonResult) {
        let comparison = Comparison::from_wordings(
            "c",
            "Clause 1 <draft>",
            vec![
                WordingInput::pasted("Draft", "on the formal entry of the former into the RSFSR"),
                WordingInput::pasted(
                    "Amendment",
                    "on formal unification with the R.S.F.S.R. in a Union of Soviet Republics",
                ),
            ],
            &Normalization::wording(),
        )
        .unwrap();
        let result = compute_all(&comparison, &Normalization::wording(), Reference::Previous);
        (comparison, result)
    }

    /// The exports' key is the window's: the same sentence, with each format's own marks.
    #[test]
    fn the_key_has_one_wording_in_the_window_and_the_exports() {
        let (comparison, result) = example();
        let wording = Normalization::wording();
        let plain = |marks| key_sentence(&comparison, Reference::Previous, &wording, marks);
        let strip = |s: &str| {
            s.replace("~~", "")
                .replace("**", "")
                .replace("<del>", "")
                .replace("</del>", "")
                .replace("<ins>", "")
                .replace("</ins>", "")
        };
        let markdown = to_markdown(&comparison, &result, &wording, Reference::Previous);
        assert!(
            strip(&markdown).contains(&plain(KeyMarks::InlineBold)),
            "{markdown}"
        );
        let html = to_html(&comparison, &result, &wording, Reference::Previous);
        assert!(
            strip(&html).contains(&escape_html(&plain(KeyMarks::Inline))),
            "{html}"
        );
        // Inline, the window says what the HTML export says; in columns, it says how the
        // columns mark, and what is marked against what and counted, in the same words.
        let columns = plain(KeyMarks::Columns);
        let tail = plain(KeyMarks::Inline);
        let tail = &tail[tail.find(';').unwrap()..];
        assert!(columns.ends_with(tail), "{columns}");
    }

    type Render = fn(&Comparison, &ComparisonResult, &Normalization, Reference) -> String;

    fn render(format: Render) -> String {
        let (comparison, result) = example();
        format(
            &comparison,
            &result,
            &Normalization::wording(),
            Reference::Previous,
        )
    }

    #[test]
    fn markdown_strikes_removed_words_and_bolds_added_ones_and_cites_witnesses() {
        let markdown = render(to_markdown);
        assert!(
            markdown.contains("~~entry of the former into~~"),
            "{markdown}"
        );
        assert!(
            markdown.contains("**unification with** the R.S.F.S.R."),
            "{markdown}"
        );
        assert!(
            markdown.contains("1. **Draft**: pasted by the reader; original"),
            "{markdown}"
        );
        assert!(
            markdown.contains("\\<draft\\>"),
            "markup is escaped: {markdown}"
        );
    }

    #[test]
    fn html_marks_differences_in_del_and_ins_and_escapes_the_wording() {
        let html = render(to_html);
        assert!(html.contains("on <del>the</del> formal"), "{html}");
        assert!(html.contains("<ins>unification"), "{html}");
        assert!(
            html.contains("<title>Clause 1 &lt;draft&gt;</title>"),
            "{html}"
        );
        assert!(html.contains("<th>Amendment</th>"), "{html}");
    }

    #[test]
    fn plain_text_uses_word_diff_brackets() {
        let (comparison, result) = example();
        let text = to_text(&comparison, &result);
        // "R.S.F.S.R." and "RSFSR" are one word when punctuation is not counted.
        assert!(
            text.contains("Amendment: on [-the-] formal [-entry of the former into-] {+unification with+} the R.S.F.S.R."),
            "{text}"
        );
    }
}
