//! How differences are marked: colours that read in both themes, and the text of a witness laid out with its marks (in columns, or inline).

use crate::model::comparison::export::Piece;
use crate::model::comparison::export::inline_ops;
use crate::model::diff::Mark;
use crate::model::diff::Marked;
use crate::model::text::CharRange;
use crate::ui::reader::breakable_spaces;
use egui::Color32;
use egui::FontId;
use egui::Stroke;
use egui::text::LayoutJob;
use egui::text::TextFormat;
use std::ops::Range;

/// The colours of the marks: (added, removed, changed, current difference).
pub(super) fn mark_colors(dark: bool) -> (Color32, Color32, Color32, Color32) {
    if dark {
        (
            Color32::from_rgb(0x1f, 0x5a, 0x2e),
            Color32::from_rgb(0x6e, 0x25, 0x25),
            Color32::from_rgb(0x6b, 0x52, 0x12),
            Color32::from_rgb(0x2a, 0x4f, 0x8f),
        )
    } else {
        (
            Color32::from_rgb(0xc8, 0xec, 0xcf),
            Color32::from_rgb(0xf7, 0xcf, 0xcf),
            Color32::from_rgb(0xff, 0xe0, 0x9c),
            Color32::from_rgb(0xb8, 0xd4, 0xff),
        )
    }
}

pub(super) struct JobStyle {
    pub(super) font: FontId,
    pub(super) text: Color32,
    pub(super) dark: bool,
}

/// Marks a glossary term's rendering as the reading panes mark it: in inverse video, the
/// theme's fill for found words with the text in the page's colour (a box that stands out
/// among the diff's marks, as it does in a pane).
pub(super) fn mark_term(format: &mut TextFormat, dark: bool) {
    let colors = crate::ui::theme::reading_colors(dark);
    format.background = colors.found;
    format.color = colors.found_text;
}

/// A witness's wording with its own marks (against its reference: underlined), its onward
/// marks (against the witness that follows it: struck through), the renderings of the
/// glossary term chosen (`terms`: in the term's colour) and the current difference.
pub(super) fn marked_job(
    text: &str,
    (own, onward, terms): (&[Marked], &[Marked], &[CharRange]),
    current: Option<Range<usize>>,
    style: &JobStyle,
    wrap: f32,
) -> LayoutJob {
    let bounds = piece_bounds(text.chars().count(), (own, onward, terms), current.as_ref());
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap;
    for pair in bounds.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        if start >= end || end >= bytes.len() {
            continue;
        }
        let piece = &text[bytes[start]..bytes[end]];
        let format = piece_format(start..end, (own, onward, terms), current.as_ref(), style);
        job.append(&breakable_spaces(piece), 0.0, format);
    }
    job
}

/// Where a wording of `chars` characters is cut into pieces marked alike: its ends and the
/// ends of every mark, term rendering and the `current` difference, in order, each once.
fn piece_bounds(
    chars: usize,
    (own, onward, terms): (&[Marked], &[Marked], &[CharRange]),
    current: Option<&Range<usize>>,
) -> Vec<usize> {
    let mut bounds: Vec<usize> = vec![0, chars];
    for m in own.iter().chain(onward) {
        bounds.push(m.range.start);
        bounds.push(m.range.end);
    }
    for range in terms {
        bounds.push(range.start);
        bounds.push(range.end);
    }
    if let Some(c) = current {
        bounds.push(c.start);
        bounds.push(c.end);
    }
    bounds.sort_unstable();
    bounds.dedup();
    bounds
}

/// How the piece of characters `start..end` is shown: the background and line of its own and
/// onward marks, the current difference's background over them, a term's colour.
fn piece_format(
    Range { start, end }: Range<usize>,
    (own, onward, terms): (&[Marked], &[Marked], &[CharRange]),
    current: Option<&Range<usize>>,
    style: &JobStyle,
) -> TextFormat {
    let (added, removed, changed, current_color) = mark_colors(style.dark);
    let at = |marks: &[Marked]| {
        marks
            .iter()
            .find(|m| m.range.start <= start && end <= m.range.end)
            .map(|m| m.mark)
    };
    let mut format = TextFormat::simple(style.font.clone(), style.text);
    let line = Stroke::new(1.5, style.text);
    match at(own) {
        Some(Mark::Inserted) => {
            format.background = added;
            format.underline = line;
        }
        Some(Mark::Changed) => {
            format.background = changed;
            format.underline = line;
            format.italics = true;
        }
        _ => {}
    }
    match at(onward) {
        Some(Mark::Deleted) => {
            format.background = removed;
            format.strikethrough = line;
        }
        Some(Mark::Changed) => {
            // Changed, not removed: in italics, not struck, so that a wording the next
            // one rewords does not look deleted.
            if format.background == Color32::TRANSPARENT {
                format.background = changed;
            }
            format.italics = true;
        }
        _ => {}
    }
    if current.is_some_and(|c| c.start <= start && end <= c.end && c.start < c.end) {
        format.background = current_color;
    }
    if terms.iter().any(|t| t.start <= start && end <= t.end) {
        mark_term(&mut format, style.dark);
    }
    format
}

/// A witness's wording against its reference, inline: removed words struck through, added
/// words underlined, and the difference stepped to (`current`: its removed and added words)
/// over the current colour. Returns the job and where the current difference starts in it
/// (a character index), to scroll to.
pub(super) fn inline_job(
    (reference, own): (&str, &str),
    cell: &crate::model::comparison::Cell,
    current: Option<&crate::model::comparison::Difference>,
    terms: &[CharRange],
    style: &JobStyle,
    wrap: f32,
) -> (LayoutJob, Option<usize>) {
    let (added, removed, _, current_color) = mark_colors(style.dark);
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap;
    let line = Stroke::new(1.5, style.text);
    let mut at = None;
    let mut chars = 0;
    inline_ops(reference, own, cell, |piece, kind, theirs, ours| {
        let mut format = TextFormat::simple(style.font.clone(), style.text);
        match kind {
            Piece::Same => {}
            Piece::Removed => {
                format.background = removed;
                format.strikethrough = line;
            }
            Piece::Added => {
                format.background = added;
                format.underline = line;
            }
        }
        let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
        let is_current = current.is_some_and(|d| match kind {
            Piece::Removed => overlaps(&theirs, &d.reference_range),
            Piece::Added => overlaps(&ours, &d.range),
            Piece::Same => false,
        });
        if is_current {
            format.background = current_color;
            at.get_or_insert(chars);
        }
        let length = piece.chars().count();
        chars += length;
        // The glossary term's renderings among this witness's own words.
        let mut cuts = vec![0, length];
        if kind != Piece::Removed {
            for term in terms.iter().filter(|t| overlaps(t, &ours)) {
                cuts.push(term.start.saturating_sub(ours.start).min(length));
                cuts.push(term.end.saturating_sub(ours.start).min(length));
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let index = crate::model::diff::CharIndex::new(piece);
        for pair in cuts.windows(2) {
            let mut format = format.clone();
            let (start, end) = (ours.start + pair[0], ours.start + pair[1]);
            if kind != Piece::Removed && terms.iter().any(|t| t.start <= start && end <= t.end) {
                mark_term(&mut format, style.dark);
            }
            job.append(
                &breakable_spaces(index.slice(pair[0]..pair[1])),
                0.0,
                format,
            );
        }
    });
    (job, at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::measure::contrast;
    use crate::ui::theme::reading_colors;

    /// Every mark of the comparison, in both themes, keeps its words legible: WCAG AA's 4.5:1
    /// between the text and the mark's colour, and between the text and the panel behind
    /// unmarked words.
    #[test]
    fn marked_words_meet_wcag_aa_in_both_themes() {
        for dark in [false, true] {
            let text = reading_colors(dark).text;
            let (added, removed, changed, current) = mark_colors(dark);
            let visuals = if dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            };
            for (name, background) in [
                ("added", added),
                ("removed", removed),
                ("changed", changed),
                ("current", current),
                ("panel", visuals.panel_fill),
                ("window", visuals.window_fill),
            ] {
                assert_eq!(background.a(), 255, "{name} is opaque");
                let ratio = contrast(text, background);
                assert!(
                    ratio >= 4.5,
                    "text on {name} in the {} theme: {ratio:.2}:1",
                    if dark { "dark" } else { "light" }
                );
            }
        }
    }

    /// Inline, the difference stepped to has the current colour over its removed and added
    /// words, and its place in the job is given for scrolling to.
    #[test]
    fn inline_marks_the_difference_stepped_to() {
        let comparison = crate::bundled::bundled_comparisons()
            .into_iter()
            .find(|c| c.id == "clause-1")
            .unwrap();
        let normalization = crate::model::diff::Normalization::wording();
        let result = crate::model::comparison::compute(
            &comparison,
            &normalization,
            crate::model::comparison::Reference::Previous,
            &mut |_, _| true,
        )
        .unwrap();
        let style = JobStyle {
            font: FontId::proportional(14.0),
            text: Color32::BLACK,
            dark: false,
        };
        let current_color = mark_colors(false).3;
        for difference in &result.differences {
            let cell = &result.cells[difference.segment][difference.witness];
            let text = |w: usize| {
                comparison.witnesses[w].segments[difference.segment]
                    .as_ref()
                    .unwrap()
                    .text
                    .as_str()
            };
            let (job, at) = inline_job(
                (text(difference.reference), text(difference.witness)),
                cell,
                Some(difference),
                &[],
                &style,
                300.0,
            );
            let at = at.expect("the difference is in the job");
            let marked: String = job
                .sections
                .iter()
                .filter(|s| s.format.background == current_color)
                .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
                .collect();
            assert!(!marked.trim().is_empty());
            let start: String = job.text.chars().skip(at).collect();
            assert!(start.starts_with(marked.split(' ').next().unwrap()));
            let (_, none) = inline_job(
                (text(difference.reference), text(difference.witness)),
                cell,
                None,
                &[],
                &style,
                300.0,
            );
            assert_eq!(none, None);
        }
    }

    /// Inline, a glossary term's words in the witness's own wording are boxed as in a pane
    /// and the job keeps every word, the removed ones too.
    #[test]
    fn inline_marks_a_terms_renderings_and_keeps_every_word() {
        let comparison = crate::bundled::bundled_comparisons()
            .into_iter()
            .find(|c| c.id == "clause-1")
            .unwrap();
        let result = crate::model::comparison::compute_all(
            &comparison,
            &crate::model::diff::Normalization::wording(),
            crate::model::comparison::Reference::Previous,
        );
        let style = JobStyle {
            font: egui::FontId::proportional(16.0),
            text: Color32::BLACK,
            dark: false,
        };
        // The revised draft (English) against Lenin's amendment, in the segment of Clause 1.
        let (segment, witness) = (1, 5);
        let cell = &result.cells[segment][witness];
        let reference = cell.reference.expect("marked against a witness");
        let text = |w: usize| {
            comparison.witnesses[w].segments[segment]
                .as_ref()
                .unwrap()
                .text
                .as_str()
        };
        let own = text(witness);
        let at = own.find("unification").unwrap();
        let start = own[..at].chars().count();
        let (job, _) = inline_job(
            (text(reference), own),
            cell,
            None,
            &[CharRange(start..start + "unification".len())],
            &style,
            300.0,
        );
        let coloured: String = job
            .sections
            .iter()
            .filter(|s| s.format.background == reading_colors(false).found)
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(coloured, "unification");
        let (plain, _) = inline_job((text(reference), own), cell, None, &[], &style, 300.0);
        assert_eq!(job.text, plain.text, "the same words, only coloured");
    }

    /// The grey of egui's dark theme on the old brown of a changed word: the failure the
    /// test above guards against.
    #[test]
    fn the_contrast_measure_finds_grey_on_brown_illegible() {
        let grey = egui::Visuals::dark().text_color();
        let brown = Color32::from_rgb(0x6b, 0x52, 0x12);
        assert!(contrast(grey, brown) < 3.0);
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    }
}
