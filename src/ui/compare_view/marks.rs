//! How differences are marked: colours that read in both themes, and the text of a witness laid out with its marks (in columns, or inline).

use super::*;
use crate::ui::reader::breakable_spaces;

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

/// A witness's wording with its own marks (against its reference: underlined), its onward
/// marks (against the witness that follows it: struck through) and the current difference.
pub(super) fn marked_job(
    text: &str,
    own: &[Marked],
    onward: &[Marked],
    current: Option<Range<usize>>,
    style: &JobStyle,
    wrap: f32,
) -> LayoutJob {
    let (added, removed, changed, current_color) = mark_colors(style.dark);
    let mut bounds: Vec<usize> = vec![0, text.chars().count()];
    for m in own.iter().chain(onward) {
        bounds.push(m.range.start);
        bounds.push(m.range.end);
    }
    if let Some(c) = &current {
        bounds.push(c.start);
        bounds.push(c.end);
    }
    bounds.sort_unstable();
    bounds.dedup();
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
                if format.background == Color32::TRANSPARENT {
                    format.background = changed;
                }
                format.strikethrough = line;
                format.italics = true;
            }
            _ => {}
        }
        if current
            .as_ref()
            .is_some_and(|c| c.start <= start && end <= c.end && c.start < c.end)
        {
            format.background = current_color;
        }
        job.append(&breakable_spaces(piece), 0.0, format);
    }
    job
}

/// A witness's wording against its reference, inline: removed words struck through, added
/// words underlined.
pub(super) fn inline_job(
    reference: &str,
    own: &str,
    cell: &crate::model::comparison::Cell,
    style: &JobStyle,
    wrap: f32,
) -> LayoutJob {
    let (added, removed, _, _) = mark_colors(style.dark);
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap;
    let line = Stroke::new(1.5, style.text);
    inline_pieces(reference, own, cell, |piece, kind| {
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
        job.append(&breakable_spaces(piece), 0.0, format);
    });
    job
}
