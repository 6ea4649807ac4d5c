//! A comparison written out for a paper or a slide: Markdown, HTML, and the plain text the
//! command line prints. Each segment shows every witness's wording with its differences from
//! its reference inline (removed words struck, added words marked), and the witnesses are cited
//! with date, author, source and status. The reader's notes on differences (the window's
//! exports) come under the wording they are on, with the words of the difference.

use std::fmt::Write as _;
use std::ops::{ControlFlow, Range};
use std::sync::atomic::{AtomicBool, Ordering};

use super::{
    Cell, Comparison, ComparisonError, ComparisonNote, ComparisonResult, PairOutline, Reference,
    WordingInput, walk_pair, worth_two_halves,
};
use crate::model::diff::{self, CharCursor, DiffCounts, Normalization, Op, OpKind};
use crate::model::escape::{self, escape_html};

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
    if cell.reference.is_none() {
        emit(own, Piece::Same);
        return;
    }
    pieces_of(reference, own, &cell.ops, |piece, kind, _, _| {
        emit(piece, kind)
    });
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
    pieces_of(reference, own, &cell.ops, emit);
}

/// The pieces of `own` against `reference` by their diff `ops`, with their characters in each.
fn pieces_of<'a>(
    reference: &'a str,
    own: &'a str,
    ops: &[Op],
    mut emit: impl FnMut(&'a str, Piece, Range<usize>, Range<usize>),
) {
    // The operations go forward through both wordings: each is sliced from where the one
    // before it ended, not counted again from the start.
    let (mut in_reference, mut in_own) = (CharCursor::new(reference), CharCursor::new(own));
    for op in ops {
        let (a, b) = (op.a.range(), op.b.range());
        match op.kind {
            OpKind::Equal => emit(in_own.slice(b.clone()), Piece::Same, a, b),
            OpKind::Delete => emit(in_reference.slice(a.clone()), Piece::Removed, a, b),
            OpKind::Insert => emit(in_own.slice(b.clone()), Piece::Added, a, b),
        }
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
        KeyMarks::Inline => crate::tr!("model-key-inline"),
        KeyMarks::InlineBold => crate::tr!("model-key-inline-bold"),
        KeyMarks::Columns => crate::tr!("model-key-columns"),
    };
    crate::tr!(
        "model-key-sentence",
        marks = marks,
        reference = describe_reference(comparison, reference),
        counted = describe_normalization(normalization)
    )
}

/// What the normalisation ignores, in words.
pub fn describe_normalization(normalization: &Normalization) -> String {
    let mut ignored = Vec::new();
    if normalization.ignore_case {
        ignored.push(crate::tr!("model-ignored-case"));
    }
    if normalization.ignore_punctuation {
        ignored.push(crate::tr!("model-ignored-punctuation"));
    }
    if normalization.unify_quotes_and_dashes {
        ignored.push(crate::tr!("model-ignored-quotes-dashes"));
    }
    if normalization.collapse_whitespace {
        ignored.push(crate::tr!("model-ignored-white-space"));
    }
    if normalization.yo_as_ye {
        ignored.push("ё/е".to_owned());
    }
    if ignored.is_empty() {
        crate::tr!("model-every-character-counts")
    } else {
        crate::tr!("model-not-counted", ignored = ignored.join(", "))
    }
}

fn describe_reference(comparison: &Comparison, reference: Reference) -> String {
    match reference {
        Reference::Previous => crate::tr!("model-marked-against-previous"),
        Reference::Base(base) => {
            let chosen = comparison.witnesses.get(base);
            let label = chosen.map_or("?", |w| w.label.as_str());
            let language = chosen.map_or("", |w| w.language.as_str());
            let others = comparison
                .witnesses
                .iter()
                .any(|w| !language.is_empty() && !w.language.is_empty() && w.language != language);
            if others {
                crate::tr!("model-marked-against-base-in-its-language", label = label)
            } else {
                crate::tr!("model-marked-against-base", label = label)
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
    let mut out = String::with_capacity(text.len());
    push_markdown_line(&mut out, text);
    out
}

/// Appends [`escape_markdown`] of `text` to `out`.
fn push_markdown_line(out: &mut String, text: &str) {
    if text.contains('\n') {
        escape::push_markdown(out, &text.replace('\n', " "));
    } else {
        escape::push_markdown(out, text);
    }
}

/// The formats a comparison is written in, by the window's export and by `lectern compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComparisonFormat {
    /// Plain text, differences marked as `git diff --word-diff` marks them: `[-removed-]` and
    /// `{+added+}`.
    Text,
    /// Markdown: removed words ~~struck~~, added words **bold**.
    Markdown,
    /// A self-contained HTML page: a table with a column per witness, removed words in
    /// `<del>`, added words in `<ins>`, and the witnesses cited above it.
    Html,
}

impl ComparisonFormat {
    /// Appends `text`, escaped for this format.
    fn push_escaped(self, out: &mut String, text: &str) {
        match self {
            ComparisonFormat::Text => out.push_str(text),
            ComparisonFormat::Markdown => push_markdown_line(out, text),
            ComparisonFormat::Html => escape::push_html(out, text),
        }
    }

    /// Appends one piece of an inline rendering, escaped; a removed or added piece has its
    /// non-blank middle wrapped in this format's marks and its outer white space left outside
    /// them (Markdown emphasis must not start or end with a space).
    fn push_piece(self, out: &mut String, text: &str, kind: Piece) {
        let (open, close) = match (self, kind) {
            (_, Piece::Same) => return self.push_escaped(out, text),
            (ComparisonFormat::Text, Piece::Removed) => ("[-", "-]"),
            (ComparisonFormat::Text, Piece::Added) => ("{+", "+}"),
            (ComparisonFormat::Markdown, Piece::Removed) => ("~~", "~~"),
            (ComparisonFormat::Markdown, Piece::Added) => ("**", "**"),
            (ComparisonFormat::Html, Piece::Removed) => ("<del>", "</del>"),
            (ComparisonFormat::Html, Piece::Added) => ("<ins>", "</ins>"),
        };
        let middle = text.trim();
        if middle.is_empty() {
            return self.push_escaped(out, text);
        }
        let start = text.len() - text.trim_start().len();
        let end = start + middle.len();
        self.push_escaped(out, &text[..start]);
        out.push_str(open);
        self.push_escaped(out, middle);
        out.push_str(close);
        self.push_escaped(out, &text[end..]);
    }

    /// Appends what comes before the segments: the title, the witnesses cited and the key
    /// (nothing in plain text).
    fn push_header(
        self,
        out: &mut String,
        comparison: &Comparison,
        normalization: &Normalization,
        reference: Reference,
    ) {
        match self {
            ComparisonFormat::Text => {}
            ComparisonFormat::Markdown => {
                markdown_header(out, comparison, normalization, reference)
            }
            ComparisonFormat::Html => html_header(out, comparison, normalization, reference),
        }
    }

    /// Appends one segment's row. `present(w)` says whether witness `w` has a wording there;
    /// `body(w, out)` appends its inline rendering and returns its counts and the witness they
    /// are against, if it is marked against one.
    ///
    /// `notes` are the reader's notes on this segment: each note on a witness's words comes
    /// under that witness's wording, the others (on the whole segment, or on a witness that has
    /// nothing here) under the row.
    fn push_row(
        self,
        out: &mut String,
        comparison: &Comparison,
        (label, notes): (&str, &[&ComparisonNote]),
        present: impl Fn(usize) -> bool,
        mut body: impl FnMut(usize, &mut String) -> Option<(DiffCounts, usize)>,
    ) {
        let mut placed = vec![false; notes.len()];
        self.push_row_label(out, label);
        for (index, witness) in comparison.witnesses.iter().enumerate() {
            if !present(index) {
                if self == ComparisonFormat::Html {
                    out.push_str("<td>—</td>");
                }
                continue;
            }
            self.push_witness_lead(out, &witness.label);
            let counts = body(index, out).map(|(counts, reference)| {
                format!(
                    " ({} against {})",
                    counts.summary(),
                    comparison.witnesses[reference].label
                )
            });
            self.push_counts(out, counts.as_deref());
            // The notes on this witness's words (the first witness of that label).
            for (note, placed) in notes.iter().zip(placed.iter_mut()) {
                if !*placed && note.witness.as_deref() == Some(witness.label.as_str()) {
                    *placed = true;
                    self.push_note(out, note, true);
                }
            }
            if self == ComparisonFormat::Html {
                out.push_str("</td>");
            }
        }
        match self {
            ComparisonFormat::Html => out.push_str("</tr>\n"),
            // The list ends before the notes on the whole segment.
            ComparisonFormat::Markdown => out.push('\n'),
            ComparisonFormat::Text => {}
        }
        let rest: Vec<&ComparisonNote> = notes
            .iter()
            .zip(&placed)
            .filter(|(_, placed)| !**placed)
            .map(|(note, _)| *note)
            .collect();
        self.push_segment_notes(out, comparison.witnesses.len(), &rest);
        if self == ComparisonFormat::Text {
            out.push('\n');
        }
    }

    /// Appends the label that begins a segment's row.
    fn push_row_label(self, out: &mut String, label: &str) {
        match self {
            ComparisonFormat::Text => {
                let _ = writeln!(out, "== {label}");
            }
            ComparisonFormat::Markdown => {
                out.push_str("## ");
                push_markdown_line(out, label);
                out.push_str("\n\n");
            }
            ComparisonFormat::Html => {
                out.push_str("<tr><th>");
                escape::push_html(out, label);
                out.push_str("</th>");
            }
        }
    }

    /// Appends what comes before a witness's wording in a row: its label, or its cell.
    fn push_witness_lead(self, out: &mut String, witness: &str) {
        match self {
            ComparisonFormat::Text => {
                out.push_str(witness);
                out.push_str(": ");
            }
            ComparisonFormat::Markdown => {
                out.push_str("- *");
                push_markdown_line(out, witness);
                out.push_str("*: ");
            }
            ComparisonFormat::Html => out.push_str("<td>"),
        }
    }

    /// Appends a wording's counts of differences (" (3 words changed against …)"), if any.
    fn push_counts(self, out: &mut String, counts: Option<&str>) {
        match (self, counts) {
            (ComparisonFormat::Html, Some(counts)) => {
                out.push_str("<div class=\"counts\">");
                escape::push_html(out, counts);
                out.push_str("</div>");
            }
            (ComparisonFormat::Html, None) => {}
            (_, counts) => {
                self.push_escaped(out, counts.unwrap_or(""));
                out.push('\n');
            }
        }
    }

    /// Appends the notes on a whole segment (or on a witness with nothing there) under its
    /// row; in HTML, a row of its own across the `witnesses` columns.
    fn push_segment_notes(self, out: &mut String, witnesses: usize, notes: &[&ComparisonNote]) {
        if notes.is_empty() {
            return;
        }
        if self == ComparisonFormat::Html {
            let _ = write!(
                out,
                "<tr class=\"notes\"><td></td><td colspan=\"{}\">",
                witnesses.max(1)
            );
        }
        for note in notes {
            self.push_note(out, note, false);
        }
        if self == ComparisonFormat::Html {
            out.push_str("</td></tr>\n");
        }
    }

    /// Appends a note on a difference: what it is on (the wording of the difference, the
    /// witness and the one it differs from) and the reader's text, line by line. `in_list`:
    /// under a witness's wording (in Markdown, within its list item).
    fn push_note(self, out: &mut String, note: &ComparisonNote, in_list: bool) {
        let heading = format!("Note on {}:", note.subject());
        let lines = note.note.trim().lines().map(str::trim_end);
        match self {
            ComparisonFormat::Text => {
                let _ = write!(out, "  {heading}");
                for line in lines {
                    out.push_str("\n    ");
                    out.push_str(line);
                }
                out.push('\n');
            }
            ComparisonFormat::Markdown => {
                let quote = if in_list { "  > " } else { "> " };
                out.push_str(quote);
                out.push_str("**");
                push_markdown_line(out, &heading);
                out.push_str("**");
                for (index, line) in lines.enumerate() {
                    if index > 0 {
                        out.push('\n');
                        out.push_str(quote.trim_end());
                        out.push('\n');
                        out.push_str(quote);
                    } else {
                        out.push(' ');
                    }
                    push_markdown_line(out, line);
                }
                out.push_str(if in_list { "\n" } else { "\n\n" });
            }
            ComparisonFormat::Html => {
                out.push_str("<div class=\"note\"><strong>");
                escape::push_html(out, &heading);
                out.push_str("</strong>");
                for (index, line) in lines.enumerate() {
                    out.push_str(if index > 0 { "<br>" } else { " " });
                    escape::push_html(out, line);
                }
                out.push_str("</div>");
            }
        }
    }

    /// Appends what comes after the segments.
    fn push_footer(self, out: &mut String) {
        match self {
            ComparisonFormat::Text => {}
            ComparisonFormat::Markdown => {
                let _ = writeln!(out, "Made with Lectern {}.", crate::VERSION);
            }
            ComparisonFormat::Html => {
                let _ = writeln!(
                    out,
                    "</table>\n<p class=\"counts\">Made with Lectern {}.</p>\n</body>\n</html>",
                    crate::VERSION
                );
            }
        }
    }
}

/// The comparison written in `format`: each segment's wordings, each marked against its
/// reference as `result` has it, and the reader's `notes` on this comparison's differences
/// under the wording they are on (see [`notes_on_segment`]). An export is a document for
/// others: English, whatever language the window speaks (as the command line writes it).
pub fn write(
    format: ComparisonFormat,
    (comparison, result): (&Comparison, &ComparisonResult),
    normalization: &Normalization,
    reference: Reference,
    notes: &[ComparisonNote],
) -> String {
    crate::i18n::in_language(crate::i18n::Language::English, || {
        write_english(
            format,
            (comparison, result),
            normalization,
            reference,
            notes,
        )
    })
}

fn write_english(
    format: ComparisonFormat,
    (comparison, result): (&Comparison, &ComparisonResult),
    normalization: &Normalization,
    reference: Reference,
    notes: &[ComparisonNote],
) -> String {
    let mut out = String::new();
    format.push_header(&mut out, comparison, normalization, reference);
    let unmarked = Cell::default();
    for (segment, label) in comparison.segments.iter().enumerate() {
        let notes = notes_on_segment(notes, comparison, segment);
        let wording = |index: usize| {
            comparison.witnesses[index]
                .segments
                .get(segment)
                .and_then(Option::as_ref)
        };
        let present = |index: usize| wording(index).is_some();
        let row = (label.as_str(), notes.as_slice());
        format.push_row(&mut out, comparison, row, present, |index, out| {
            let own = wording(index).map_or("", |s| s.text.as_str());
            let cell = result
                .cells
                .get(segment)
                .and_then(|row| row.get(index))
                .unwrap_or(&unmarked);
            let theirs = cell
                .reference
                .and_then(wording)
                .map_or("", |s| s.text.as_str());
            inline_pieces(theirs, own, cell, |text, kind| {
                format.push_piece(out, text, kind);
            });
            cell.reference.map(|r| (cell.counts, r))
        });
    }
    format.push_footer(&mut out);
    out
}

/// The notes of `notes` that are on `segment` of `comparison` and say something, in the order
/// they were made. A note left empty is not written out.
pub fn notes_on_segment<'a>(
    notes: &'a [ComparisonNote],
    comparison: &Comparison,
    segment: usize,
) -> Vec<&'a ComparisonNote> {
    let mut here: Vec<&ComparisonNote> = notes
        .iter()
        .filter(|n| {
            n.comparison_id == comparison.id && n.segment == segment && !n.note.trim().is_empty()
        })
        .collect();
    here.sort_by(|a, b| a.created.cmp(&b.created));
    here
}

/// How much of a written comparison is gathered before it goes to the sink.
const CHUNK: usize = 64 * 1024;

/// Two wordings compared and written in `format`, a piece at a time, to `sink`: what
/// [`write()`] writes of [`Comparison::compared_pair`] (each segment marked by the part of the
/// whole wordings' one diff within it), made while the segments are walked instead of kept and
/// marked, so that `lectern compare` prints a megabyte's comparison in little more than its
/// diff's time. The text goes to `sink` in pieces of about 64 KB; of a long comparison, the
/// second half is made at once (on rayon's pool) and goes out after the first.
///
/// `sink` returns [`ControlFlow::Break`] when it takes no more (the reader closed the pipe):
/// then no more rows are made, `sink` is not called again, and `write_pair` returns `Ok`. The
/// caller, which did the writing, knows why it stopped.
pub fn write_pair(
    format: ComparisonFormat,
    title: &str,
    (a, b): (WordingInput, WordingInput),
    normalization: &Normalization,
    sink: &mut dyn FnMut(&str) -> ControlFlow<()>,
) -> Result<(), ComparisonError> {
    let reference = Reference::Previous;
    let Some(outline) = Comparison::pair_outline("pair", title, &a, &b, normalization)? else {
        let (comparison, result) = Comparison::compared_pair("pair", title, a, b, normalization)?;
        let text = write(
            format,
            (&comparison, &result),
            normalization,
            reference,
            &[],
        );
        let _ = sink(&text);
        return Ok(());
    };
    let comparison = &outline.comparison;
    let texts = (a.text.as_str(), b.text.as_str());
    // Once the sink has stopped taking pieces, no more rows are made.
    let stopped = AtomicBool::new(false);
    let rows = |segments: Range<usize>, deliver: &mut dyn FnMut(&mut String)| {
        pair_rows(format, (&outline, texts), segments, &stopped, deliver);
    };
    let mut header = String::new();
    format.push_header(&mut header, comparison, normalization, reference);
    if sink(&header).is_break() {
        return Ok(());
    }
    // What goes to the sink; once it has stopped, nothing more is offered.
    let mut to_sink = |piece: &mut String| {
        if !stopped.load(Ordering::Relaxed) && !piece.is_empty() && sink(piece).is_break() {
            stopped.store(true, Ordering::Relaxed);
        }
        piece.clear();
    };
    let total = comparison.segments.len();
    if worth_two_halves(a.text.len().max(b.text.len()), total) {
        // The second half is made on rayon's pool while the first goes out from here.
        let mut second: Vec<String> = Vec::new();
        rayon::in_place_scope(|scope| {
            scope.spawn(|_| {
                rows(total / 2..total, &mut |piece: &mut String| {
                    let next = String::with_capacity(piece.capacity());
                    second.push(std::mem::replace(piece, next));
                });
            });
            rows(0..total / 2, &mut to_sink);
        });
        for mut piece in second {
            to_sink(&mut piece);
        }
    } else {
        rows(0..total, &mut to_sink);
    }
    if stopped.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut footer = String::new();
    format.push_footer(&mut footer);
    let _ = sink(&footer);
    Ok(())
}

/// Appends the rows of `segments` of a long pair (its outline and its two texts), handing them
/// to `deliver` a piece at a time (it takes the piece and leaves an empty string to go on
/// with); no more rows are made once `stopped` is set.
fn pair_rows(
    format: ComparisonFormat,
    (outline, texts): (&PairOutline, (&str, &str)),
    segments: Range<usize>,
    stopped: &AtomicBool,
    deliver: &mut dyn FnMut(&mut String),
) {
    let comparison = &outline.comparison;
    let mut out = String::with_capacity(CHUNK + CHUNK / 4);
    let whole = (outline.ops.as_slice(), outline.starts.as_slice());
    walk_pair(texts, whole, segments, |segment, theirs, own, ops| {
        if stopped.load(Ordering::Relaxed) {
            return;
        }
        let wordings = [theirs, own];
        let label = &comparison.segments[segment];
        let present = |index: usize| wordings[index].is_some();
        format.push_row(&mut out, comparison, (label, &[]), present, |index, out| {
            let wording = wordings[index].unwrap_or("");
            match (index, theirs) {
                (1, Some(theirs)) => {
                    pieces_of(theirs, wording, &ops, |text, kind, _, _| {
                        format.push_piece(out, text, kind);
                    });
                    Some((diff::counts(theirs, wording, &ops), 0))
                }
                _ => {
                    format.push_piece(out, wording, Piece::Same);
                    None
                }
            }
        });
        if out.len() >= CHUNK {
            deliver(&mut out);
        }
    });
    deliver(&mut out);
}

/// The comparison as Markdown: removed words ~~struck~~, added words **bold**, and the
/// reader's notes on its differences quoted under the wording they are on.
pub fn to_markdown(
    comparison: &Comparison,
    result: &ComparisonResult,
    normalization: &Normalization,
    reference: Reference,
    notes: &[ComparisonNote],
) -> String {
    write(
        ComparisonFormat::Markdown,
        (comparison, result),
        normalization,
        reference,
        notes,
    )
}

fn markdown_header(
    out: &mut String,
    comparison: &Comparison,
    normalization: &Normalization,
    reference: Reference,
) {
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
}

/// The comparison as a self-contained HTML page: a table with a column per witness, removed
/// words in `<del>`, added words in `<ins>`, the witnesses cited above it, and the reader's
/// notes on its differences in the cell of the wording they are on.
pub fn to_html(
    comparison: &Comparison,
    result: &ComparisonResult,
    normalization: &Normalization,
    reference: Reference,
    notes: &[ComparisonNote],
) -> String {
    write(
        ComparisonFormat::Html,
        (comparison, result),
        normalization,
        reference,
        notes,
    )
}

fn html_header(
    out: &mut String,
    comparison: &Comparison,
    normalization: &Normalization,
    reference: Reference,
) {
    let title = escape_html(&comparison.title);
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <style>\nbody {{ font-family: Georgia, serif; max-width: 80rem; margin: 2rem auto; \
         line-height: 1.5; }}\ntable {{ border-collapse: collapse; width: 100%; }}\n\
         th, td {{ border: 1px solid #bbb; padding: .5rem; vertical-align: top; text-align: left; }}\n\
         del {{ background: #f8d2d2; text-decoration: line-through; }}\n\
         ins {{ background: #ccebcc; text-decoration: underline; }}\n\
         .counts {{ color: #666; font-size: .85em; }}\n\
         .note {{ border-left: 3px solid #b08a2e; background: #fbf6e6; margin-top: .4rem; \
         padding: .2rem .5rem; font-size: .92em; }}\n</style>\n</head>\n<body>\n<h1>{title}</h1>"
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
}

/// The comparison as plain text, differences marked as `git diff --word-diff` does:
/// `[-removed-]` and `{+added+}`; the reader's notes on its differences indented under the
/// wording they are on.
pub fn to_text(
    comparison: &Comparison,
    result: &ComparisonResult,
    notes: &[ComparisonNote],
) -> String {
    write(
        ComparisonFormat::Text,
        (comparison, result),
        &Normalization::default(),
        Reference::Previous,
        notes,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::comparison::{WordingInput, compute_all};

    /// What [`write_pair`] writes.
    fn written_pair(
        format: ComparisonFormat,
        title: &str,
        pair: (WordingInput, WordingInput),
        normalization: &Normalization,
    ) -> String {
        let mut out = String::new();
        write_pair(format, title, pair, normalization, &mut |piece| {
            out.push_str(piece);
            ControlFlow::Continue(())
        })
        .unwrap();
        out
    }

    /// A long comparison whose reader stops reading: once the sink takes no more, it is not
    /// offered anything again, and what it took is the start of the whole.
    #[test]
    fn a_sink_that_stops_stops_a_long_comparison() {
        use crate::model::generate::{edited, paragraphs};
        let a = paragraphs(2, 400_000).join("\n\n");
        let b = edited(&a, 3, 20);
        let pair = (WordingInput::pasted("A", &a), WordingInput::pasted("B", &b));
        let whole = written_pair(
            ComparisonFormat::Text,
            "A / B",
            pair.clone(),
            &Normalization::wording(),
        );
        assert!(whole.len() > 4 * CHUNK);
        let (mut taken, mut calls_after_stopping) = (String::new(), 0);
        let result = write_pair(
            ComparisonFormat::Text,
            "A / B",
            pair,
            &Normalization::wording(),
            &mut |piece| {
                if taken.len() >= 3 * CHUNK {
                    calls_after_stopping += 1;
                    return ControlFlow::Break(());
                }
                taken.push_str(piece);
                ControlFlow::Continue(())
            },
        );
        assert!(result.is_ok(), "{result:?}");
        assert_eq!(calls_after_stopping, 1);
        assert!(whole.starts_with(&taken));
    }

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

    /// What `lectern compare` writes while walking the segments is, byte for byte, what the
    /// exports write of the pair's kept comparison: in every format, under both
    /// normalisations, for wordings whose paragraphs were edited, joined, split, blanked and
    /// marked up, on one thread and on two (the largest pair is past the threshold).
    #[test]
    fn a_pair_written_while_walked_is_the_pair_written_from_its_comparison() {
        use crate::model::generate::{SplitMix64, edited, paragraphs};
        let mut rng = SplitMix64::new(23);
        let sizes = [300, 2_000, 9_000, 30_000, 260_000];
        for (round, size) in sizes.into_iter().cycle().take(15).enumerate() {
            let round = round as u64;
            let mut a = paragraphs(round, size + rng.range(0, 500)).join("\n\n");
            if round.is_multiple_of(2) {
                a = a.replacen(". ", ". Ещё «вступление» [sic] — <b>&amp;</b> *a* ", 3);
            }
            let mut b = edited(&a, round + 50, rng.range(0, 80));
            match round % 5 {
                0 => b = b.replacen("\n\n", " ", 3),
                1 => b = b.replacen(". ", ".\n\n", 4),
                2 => b = format!("  \n\n{}\n \n", b.replacen("\n\n", "\n\n \t \n\n", 2)),
                3 => b = b.replace("Ещё", "Еще").replace('«', "\""),
                _ => {}
            }
            for normalization in [Normalization::default(), Normalization::wording()] {
                let pair = (
                    WordingInput::pasted("A", &a),
                    WordingInput::pasted("B <b>", &b),
                );
                let (comparison, result) = Comparison::compared_pair(
                    "pair",
                    "A / B",
                    pair.0.clone(),
                    pair.1.clone(),
                    &normalization,
                )
                .unwrap();
                for format in [
                    ComparisonFormat::Text,
                    ComparisonFormat::Markdown,
                    ComparisonFormat::Html,
                ] {
                    let kept = write(
                        format,
                        (&comparison, &result),
                        &normalization,
                        Reference::Previous,
                        &[],
                    );
                    let walked = written_pair(format, "A / B", pair.clone(), &normalization);
                    assert!(
                        kept == walked,
                        "round {round}, {format:?}, {normalization:?}: first difference at \
                         byte {}",
                        kept.bytes()
                            .zip(walked.bytes())
                            .take_while(|(x, y)| x == y)
                            .count()
                    );
                }
            }
        }
    }

    /// A pair in two languages is not marked one against the other: what is written is the
    /// kept comparison's (each wording as the window shows it), not a walk of their diff.
    #[test]
    fn a_pair_in_two_languages_is_written_as_the_window_compares_it() {
        let russian = WordingInput {
            language: "ru".into(),
            ..WordingInput::pasted("Проект", "О вступлении независимых республик в РСФСР.")
        };
        let english = WordingInput {
            language: "en".into(),
            ..WordingInput::pasted("Draft", "On the entry of the independent republics.")
        };
        let wording = Normalization::wording();
        let pair = (russian.clone(), english.clone());
        let walked = written_pair(ComparisonFormat::Text, "t", pair, &wording);
        assert!(!walked.contains("[-"), "{walked}");
        assert!(
            walked.contains("Draft: On the entry of the independent republics."),
            "{walked}"
        );
        let same = (russian.clone(), russian);
        let text = written_pair(ComparisonFormat::Text, "t", same, &wording);
        assert!(text.contains("(same wording against Проект)"), "{text}");
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
        let markdown = to_markdown(&comparison, &result, &wording, Reference::Previous, &[]);
        assert!(
            strip(&markdown).contains(&plain(KeyMarks::InlineBold)),
            "{markdown}"
        );
        let html = to_html(&comparison, &result, &wording, Reference::Previous, &[]);
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

    type Render =
        fn(&Comparison, &ComparisonResult, &Normalization, Reference, &[ComparisonNote]) -> String;

    fn render(format: Render) -> String {
        let (comparison, result) = example();
        format(
            &comparison,
            &result,
            &Normalization::wording(),
            Reference::Previous,
            &[],
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
        let text = to_text(&comparison, &result, &[]);
        // "R.S.F.S.R." and "RSFSR" are one word when punctuation is not counted.
        assert!(
            text.contains("Amendment: on [-the-] formal [-entry of the former into-] {+unification with+} the R.S.F.S.R."),
            "{text}"
        );
    }

    /// Clause 1 as bundled, compared by wording, with two notes on differences in different
    /// rows (one with markup in it) and a note on a whole segment.
    fn clause_1_with_notes() -> (Comparison, ComparisonResult, Vec<ComparisonNote>) {
        let comparison = crate::bundled::bundled_comparisons()
            .into_iter()
            .find(|c| c.id == "clause-1")
            .expect("Clause 1 is bundled");
        let result = compute_all(&comparison, &Normalization::wording(), Reference::Previous);
        let first = result.differences.first().expect("a difference").clone();
        let last = result
            .differences
            .iter()
            .rev()
            .find(|d| d.segment != first.segment)
            .expect("a difference in another row")
            .clone();
        let note = |id: &str,
                    segment,
                    difference: Option<&crate::model::comparison::Difference>,
                    text: &str,
                    at: &str| {
            let mut note =
                ComparisonNote::new(id.into(), &comparison, segment, difference, &at.into());
            note.note = text.into();
            note
        };
        let notes = vec![
            note(
                "n1",
                first.segment,
                Some(&first),
                "Entry means <b>absorption</b>",
                "2026-01-01T00:00:00Z",
            ),
            note(
                "n2",
                last.segment,
                Some(&last),
                "Equality & not\nabsorption",
                "2026-01-02T00:00:00Z",
            ),
            note(
                "n3",
                last.segment,
                None,
                "The whole clause",
                "2026-01-03T00:00:00Z",
            ),
            note("n4", first.segment, None, "  ", "2026-01-04T00:00:00Z"),
        ];
        (comparison, result, notes)
    }

    /// Each note on a difference is written in Markdown under the wording of the witness it is
    /// on, in its row, with the words of the difference; a note on the whole segment after the
    /// row's wordings; an empty note not at all.
    #[test]
    fn markdown_has_each_note_under_the_difference_it_is_on() {
        let (comparison, result, notes) = clause_1_with_notes();
        let markdown = to_markdown(
            &comparison,
            &result,
            &Normalization::wording(),
            Reference::Previous,
            &notes,
        );
        for note in &notes[..2] {
            let heading = format!("Note on {}:", note.subject());
            assert!(!note.quote.is_empty() || !note.reference_quote.is_empty());
            let at = markdown
                .find(&escape_markdown(&heading))
                .unwrap_or_else(|| panic!("{heading} in {markdown}"));
            // In its segment's section, after its witness's wording and before the next one.
            let section = markdown[..at].rfind("\n## ").unwrap();
            let segment = &comparison.segments[note.segment];
            assert!(
                markdown[section..].starts_with(&format!("\n## {}", escape_markdown(segment))),
                "{heading} is under {segment}: {markdown}"
            );
            let item = markdown[..at].rfind("\n- *").unwrap();
            let witness = note.witness.as_deref().unwrap();
            assert!(
                markdown[item..].starts_with(&format!("\n- *{}*", escape_markdown(witness))),
                "{heading} is under {witness}: {markdown}"
            );
            assert!(item > section);
            // Right under it, quoted within its list item.
            let between = &markdown[item + 1..at];
            assert!(between.ends_with("\n  > **"), "{markdown}");
            assert_eq!(between.matches('\n').count(), 1, "{markdown}");
        }
        assert!(
            markdown.contains("Entry means \\<b\\>absorption\\</b\\>"),
            "{markdown}"
        );
        assert!(
            markdown.contains(":** Equality & not\n  >\n  > absorption\n"),
            "{markdown}"
        );
        let whole = markdown
            .find("> **Note on Segment")
            .expect("the segment's note");
        let last_item = markdown[..whole].rfind("\n- *").unwrap();
        assert!(
            markdown[last_item..whole].contains("\n\n"),
            "after the list: {markdown}"
        );
        assert_eq!(
            markdown.matches("Note on ").count(),
            3,
            "not the empty note: {markdown}"
        );
    }

    /// In HTML each note on a difference is in the cell of the witness it is on, escaped; a
    /// note on the whole segment in a row of its own after the segment's.
    #[test]
    fn html_has_each_note_in_the_cell_of_its_difference_escaped() {
        let (comparison, result, notes) = clause_1_with_notes();
        let html = to_html(
            &comparison,
            &result,
            &Normalization::wording(),
            Reference::Previous,
            &notes,
        );
        assert!(!html.contains("<b>absorption"), "{html}");
        assert!(
            html.contains("Entry means &lt;b&gt;absorption&lt;/b&gt;"),
            "{html}"
        );
        assert!(html.contains("Equality &amp; not<br>absorption"), "{html}");
        for note in &notes[..2] {
            let heading = escape_html(&format!("Note on {}:", note.subject()));
            let at = html
                .find(&heading)
                .unwrap_or_else(|| panic!("{heading} in {html}"));
            let row = html[..at].rfind("<tr><th>").unwrap();
            let segment = escape_html(&comparison.segments[note.segment]);
            assert!(
                html[row..].starts_with(&format!("<tr><th>{segment}</th>")),
                "{html}"
            );
            // The cell it is in: the witness's, counted from the row's start.
            let witness = comparison
                .witnesses
                .iter()
                .position(|w| Some(&w.label) == note.witness.as_ref())
                .unwrap();
            assert_eq!(html[row..at].matches("<td>").count(), witness + 1, "{html}");
            assert!(!html[row..at].contains("</tr>"));
        }
        let whole = html.find("Note on Segment").expect("the segment's note");
        let row = html[..whole].rfind("<tr").unwrap();
        assert!(html[row..].starts_with("<tr class=\"notes\">"), "{html}");
        assert!(html[..row].ends_with("</tr>\n"));
    }

    /// Plain text has the notes too, indented under the wording they are on.
    #[test]
    fn plain_text_has_the_notes_under_their_wording() {
        let (comparison, result, notes) = clause_1_with_notes();
        let text = to_text(&comparison, &result, &notes);
        let heading = format!("  Note on {}:", notes[0].subject());
        let at = text.find(&heading).expect("the note");
        let line = text[..at].trim_end().lines().last().unwrap();
        assert!(
            line.starts_with(notes[0].witness.as_deref().unwrap()),
            "{text}"
        );
        assert!(text[at..].starts_with(&format!("{heading}\n    Entry means <b>absorption</b>\n")));
    }
}
