//! The Table tab: witnesses as rows, places as columns, each cell coloured by its reading
//! (the reading most witnesses share in one colour, each other reading in another, an
//! omission grey; places where all agree uncoloured). Only the columns in view are drawn, so
//! a collation of whole volumes scrolls as quickly as a paragraph's.

use egui::{Align, Align2, FontId, Rect, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};

use super::{CollationEvent, CollationViewState, palette};
use crate::model::collation::Collation;

/// Height of a witness's row and of the row of place numbers.
const ROW: f32 = 24.0;
/// Narrowest and widest column.
const COLUMN: (f32, f32) = (36.0, 280.0);
/// The widest the column of sigla grows.
const SIGLA_WIDTH: f32 = 240.0;
/// Characters of a cell's label for screen readers, at most.
const LABEL_CHARS: usize = 160;

/// Each column's start (x) and the whole width: the widest reading decides a column's width.
pub(super) fn column_starts(collation: &Collation, char_width: f32) -> Vec<f32> {
    let mut starts = Vec::with_capacity(collation.places().len() + 1);
    let mut x = 0.0;
    for p in 0..collation.places().len() {
        starts.push(x);
        let widest = (0..collation.witnesses().len())
            .map(|w| cell_text(collation, p, w).chars().count())
            .max()
            .unwrap_or(0);
        #[allow(clippy::cast_precision_loss)] // a reading's length is far below 2^23
        let width = (widest as f32 * char_width + 12.0).clamp(COLUMN.0, COLUMN.1);
        x += width;
    }
    starts.push(x);
    starts
}

/// The text of a cell: the reading on one line, “–” for nothing; a moved reading says so at
/// both its places.
fn cell_text(collation: &Collation, place: usize, witness: usize) -> String {
    let text = collation
        .reading_text(place, witness)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let columns = &collation.places()[place].columns;
    let overlaps =
        |range: &std::ops::Range<usize>| range.start < columns.end && columns.start < range.end;
    let (mut from, mut to) = (false, false);
    for m in collation.moves().iter().filter(|m| m.witness == witness) {
        from |= overlaps(&m.from);
        to |= overlaps(&m.to);
    }
    match (text.is_empty(), from, to) {
        (true, true, _) => crate::tr!("compare-collation-moved"),
        (true, false, _) => "–".to_owned(),
        (false, _, true) => crate::tr!("compare-collation-moved-here", reading = &text),
        (false, _, false) => text,
    }
}

/// What a column says to a screen reader (and in its tooltip).
fn column_label(collation: &Collation, place: usize) -> String {
    let readings: Vec<String> = collation
        .witnesses()
        .iter()
        .enumerate()
        .map(|(w, witness)| format!("{}: {}", witness.id, cell_text(collation, place, w)))
        .collect();
    let mut label = crate::tr!(
        "compare-collation-place",
        place = place + 1,
        readings = readings.join("; ")
    );
    if label.chars().count() > LABEL_CHARS {
        label = label.chars().take(LABEL_CHARS).collect::<String>() + "…";
    }
    label
}

/// The table; returns the place clicked.
pub(super) fn table_ui(
    ui: &mut Ui,
    collation: &Collation,
    state: &mut CollationViewState,
) -> Vec<CollationEvent> {
    let mut events = Vec::new();
    let font = FontId::proportional(14.0);
    let char_width = ui.ctx().fonts_mut(|f| f.glyph_width(&font, 'n'));
    if state
        .columns
        .as_ref()
        .is_none_or(|c| c.len() != collation.places().len() + 1)
    {
        state.columns = Some(column_starts(collation, char_width));
    }
    let starts = state.columns.clone().unwrap_or_default();
    let height = ROW * (collation.witnesses().len() + 1) as f32;
    ui.horizontal_top(|ui| {
        // As wide as the longest siglum, within reason (a long one is cut, whole on hover).
        #[allow(clippy::cast_precision_loss)] // a siglum's length is far below 2^23
        let sigla_width = collation
            .witnesses()
            .iter()
            .map(|w| w.id.chars().count() as f32 * char_width + 10.0)
            .fold(48.0, f32::max)
            .min(SIGLA_WIDTH);
        ui.vertical(|ui| {
            // Rows exactly as high as the table's.
            ui.spacing_mut().item_spacing.y = 0.0;
            ui.add_space(ROW);
            for witness in collation.witnesses() {
                ui.add_sized(
                    vec2(sigla_width, ROW),
                    egui::Label::new(egui::RichText::new(&witness.id).strong()).truncate(),
                )
                .on_hover_text(crate::tr!(
                    "compare-collation-witness",
                    witness = &witness.id
                ));
            }
        });
        egui::ScrollArea::horizontal()
            .id_salt("collation-table")
            .auto_shrink([false, true])
            .show_viewport(ui, |ui, viewport| {
                let total = starts.last().copied().unwrap_or(0.0);
                ui.set_min_size(vec2(total, height));
                let origin = ui.max_rect().min;
                if state.scroll_pending {
                    if let Some(p) = state.selected.filter(|&p| p + 1 < starts.len()) {
                        let rect = Rect::from_min_max(
                            pos2(origin.x + starts[p], origin.y),
                            pos2(origin.x + starts[p + 1], origin.y + height),
                        );
                        ui.scroll_to_rect(rect, Some(Align::Center));
                    }
                    state.scroll_pending = false;
                }
                let first = starts
                    .partition_point(|&x| x <= viewport.min.x)
                    .saturating_sub(1);
                let dark = ui.visuals().dark_mode;
                for p in first..collation.places().len() {
                    if starts[p] > viewport.max.x {
                        break;
                    }
                    let rect = Rect::from_min_max(
                        pos2(origin.x + starts[p], origin.y),
                        pos2(origin.x + starts[p + 1], origin.y + height),
                    );
                    if column_ui(ui, collation, p, rect, state.selected == Some(p), dark) {
                        events.push(CollationEvent::PlaceChosen(p));
                    }
                }
            });
    });
    events
}

/// Draws column `place` in `rect`; whether it was clicked.
fn column_ui(
    ui: &mut Ui,
    collation: &Collation,
    place: usize,
    rect: Rect,
    selected: bool,
    dark: bool,
) -> bool {
    let label = column_label(collation, place);
    let response = ui.interact(rect, ui.scope_id().with(("place", place)), Sense::click());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    let painter = ui.painter_at(rect);
    let text_colour = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let font = FontId::proportional(14.0);
    let the_place = &collation.places()[place];
    painter.text(
        pos2(rect.left() + 4.0, rect.top() + ROW / 2.0),
        Align2::LEFT_CENTER,
        format!("{}", place + 1),
        FontId::proportional(11.0),
        weak,
    );
    for (w, _) in collation.witnesses().iter().enumerate() {
        let top = rect.top() + ROW * (w + 1) as f32;
        let cell = Rect::from_min_max(pos2(rect.left(), top), pos2(rect.right(), top + ROW));
        let reading = the_place.reading_of(w);
        let omission = the_place.readings[reading].is_omission();
        let fill = palette::reading_fill(reading, omission, the_place.is_variant(), dark);
        painter.rect_filled(cell.shrink(1.0), 3.0, fill);
        painter.text(
            pos2(cell.left() + 5.0, cell.center().y),
            Align2::LEFT_CENTER,
            cell_text(collation, place, w),
            font.clone(),
            if omission { weak } else { text_colour },
        );
    }
    if selected || response.hovered() {
        let colour = ui.visuals().selection.stroke.color;
        painter.rect_stroke(
            rect.shrink(1.0),
            3.0,
            Stroke::new(2.0, colour),
            egui::StrokeKind::Inside,
        );
    }
    let clicked = response.clicked();
    response.on_hover_text(label);
    clicked
}
