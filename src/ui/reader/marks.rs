//! The marks of a pane's text: behind it, highlights, the outline of the selected annotation
//! and a passage flashing; over it, as inverse video, search matches and the selection.

use super::*;
use crate::ui::theme;

/// The marks painted behind the text: highlights, the outline of the selected annotation and
/// a passage flashing.
pub(super) fn marks(
    ui: &Ui,
    view: &mut ReaderView,
    text: &Text,
    params: &ReaderParams<'_>,
    colors: theme::ReadingColors,
) -> Vec<Shape> {
    let mut shapes = Vec::new();
    for visible in &view.visible {
        let chars = &text.paragraphs()[visible.paragraph].chars;
        let marks = params
            .highlights
            .overlapping(chars.clone())
            .map(|h| (&h.range, h.color, h.annotation_id.as_str()));
        // A highlight with a note: a small mark at its end, in the highlight's colour.
        for highlight in params.highlights.overlapping(chars.clone()) {
            if highlight.note.is_empty() || !chars.contains(&(highlight.range.end.max(1) - 1)) {
                continue;
            }
            if let Some(last) = rects_in(visible, chars, &highlight.range).last() {
                let center = last.right_top() + vec2(1.0, 2.0);
                shapes.push(Shape::circle_filled(
                    center,
                    3.5,
                    highlight.color.to_opaque(),
                ));
                shapes.push(Shape::circle_stroke(
                    center,
                    3.5,
                    Stroke::new(1.0, colors.text.gamma_multiply(0.7)),
                ));
            }
        }
        for (range, color, annotation_id) in marks {
            for rect in rects_in(visible, chars, range) {
                shapes.push(Shape::rect_filled(rect, CornerRadius::same(2), color));
                if !annotation_id.is_empty() && params.selected_annotation == Some(annotation_id) {
                    shapes.push(Shape::rect_stroke(
                        rect,
                        CornerRadius::same(2),
                        Stroke::new(1.5, colors.text),
                        egui::StrokeKind::Outside,
                    ));
                }
            }
        }
    }
    flash_marks(ui, view, text, colors.text, &mut shapes);
    shapes
}

/// The marks drawn over the text, as inverse video: Find's matches (and the mentions and terms
/// shown in the panes), then the selection. Each is a solid fill with the text painted again on
/// it in its own colour, clipped to the fill (see [`theme`]).
pub(super) fn marks_over_text(
    painter: &egui::Painter,
    view: &ReaderView,
    text: &Text,
    params: &ReaderParams<'_>,
    colors: theme::ReadingColors,
) {
    let over = |rect: Rect, fill: Color32, ink: Color32, visible: &VisibleParagraph| {
        painter.rect_filled(rect, CornerRadius::ZERO, fill);
        painter
            .with_clip_rect(rect.intersect(painter.clip_rect()))
            .galley_with_override_text_color(visible.origin, visible.galley.clone(), ink);
    };
    for visible in &view.visible {
        let chars = &text.paragraphs()[visible.paragraph].chars;
        if let Some(found) = params.found {
            for range in sorted_overlapping(found.ranges, chars.clone()) {
                for rect in rects_in(visible, chars, range) {
                    over(rect, found.color, colors.found_text, visible);
                }
            }
        }
        if let Some(range) = view.selected_range() {
            for rect in selection_marks(visible, text, &range) {
                over(rect, colors.selection, colors.selection_text, visible);
            }
        }
    }
}

/// The outline of a passage flashing after "show in text", fading out.
fn flash_marks(
    ui: &Ui,
    view: &mut ReaderView,
    text: &Text,
    color: Color32,
    shapes: &mut Vec<Shape>,
) {
    const FLASH_SECONDS: f64 = 1.2;
    let now = ui.input(|i| i.time);
    let Some((range, started)) = view.flash.clone() else {
        return;
    };
    let started = started.unwrap_or(now);
    let age = now - started;
    if age > FLASH_SECONDS {
        view.flash = None;
        return;
    }
    view.flash = Some((range.clone(), Some(started)));
    let strength = (1.0 - age / FLASH_SECONDS) as f32;
    for visible in &view.visible {
        let chars = &text.paragraphs()[visible.paragraph].chars;
        for rect in rects_in(visible, chars, &range) {
            shapes.push(Shape::rect_stroke(
                rect.expand(2.0),
                CornerRadius::same(3),
                Stroke::new(3.0, color.gamma_multiply(strength)),
                egui::StrokeKind::Outside,
            ));
        }
    }
    ui.ctx().request_repaint();
}

/// The selection's rectangles in one visible paragraph (to the end of the line where the
/// selection goes on into the next paragraph).
fn selection_marks(visible: &VisibleParagraph, text: &Text, range: &Range<usize>) -> Vec<Rect> {
    let chars = &text.paragraphs()[visible.paragraph].chars;
    let start = range.start.max(chars.start);
    let end = range.end.min(chars.end);
    let continues = range.end > chars.end;
    if !(start < end || (continues && range.start <= chars.end && start <= end)) {
        return Vec::new();
    }
    selection_rects(
        &visible.galley,
        start - chars.start..end - chars.start,
        continues,
    )
    .into_iter()
    .map(|rect| rect.translate(visible.origin.to_vec2()))
    .collect()
}

/// Screen rectangles covering the part of `range` (text offsets) within a visible paragraph
/// whose characters are `chars`.
fn rects_in(visible: &VisibleParagraph, chars: &Range<usize>, range: &Range<usize>) -> Vec<Rect> {
    let start = range.start.max(chars.start);
    let end = range.end.min(chars.end);
    if start >= end {
        return Vec::new();
    }
    selection_rects(
        &visible.galley,
        start - chars.start..end - chars.start,
        false,
    )
    .into_iter()
    .map(|rect| rect.translate(visible.origin.to_vec2()))
    .collect()
}

/// Rectangles (galley-relative) covering characters `range` of a paragraph's galley; when the
/// selection continues into the next paragraph, the last row is extended a little to show it.
fn selection_rects(galley: &Galley, range: Range<usize>, continues: bool) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut row_start = 0;
    let row_count = galley.rows.len();
    for (index, row) in galley.rows.iter().enumerate() {
        let row_len = row.char_count_excluding_newline().0;
        let row_end = row_start + row_len;
        let start = range.start.max(row_start);
        let end = range.end.min(row_end);
        let is_last = index + 1 == row_count;
        let selects_past_end = range.end > row_end && range.start <= row_end;
        if start < end || (selects_past_end && (!is_last || continues)) {
            let x0 = row.pos.x
                + row.x_offset(egui::epaint::text::CharIndex(
                    start.min(row_end) - row_start,
                ));
            let mut x1 =
                row.pos.x + row.x_offset(egui::epaint::text::CharIndex(end.max(start) - row_start));
            if selects_past_end {
                x1 += 4.0;
            }
            rects.push(Rect::from_min_max(
                pos2(x0, row.min_y()),
                pos2(x1, row.max_y()),
            ));
        }
        row_start += row.char_count_including_newline().0;
    }
    rects
}
