//! The Overview tab: how much the witnesses differ along the text (a heat map, as Juxta
//! draws one: each stripe a stretch of the alignment, redder where more pairs of witnesses
//! differ; click to see the place in the table), and the distance matrix (the share of places
//! where each pair differs, for working out which draft came from which).

use egui::{Rect, RichText, Sense, Ui, WidgetInfo, pos2, vec2};

use super::{CollationEvent, palette};
use crate::model::collation::Collation;
use crate::model::collation::measures::{distance_matrix, variation_profile};

/// Width of a stripe of the heat map.
const STRIPE: f32 = 4.0;

/// The heat map and the distances; returns the place clicked in the heat map.
pub(super) fn overview_ui(ui: &mut Ui, collation: &Collation) -> Vec<CollationEvent> {
    let mut events = Vec::new();
    ui.label(RichText::new(crate::tr!("compare-collation-variation")).strong());
    let width = ui.available_width().max(STRIPE);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a screen's width
    let bins = (width / STRIPE) as usize;
    let profile = variation_profile(collation, bins);
    let (rect, response) = ui.allocate_exact_size(vec2(width, 36.0), Sense::click());
    response.widget_info(|| {
        WidgetInfo::labeled(
            egui::Role::Button,
            true,
            crate::tr!("compare-collation-variation-name"),
        )
    });
    let dark = ui.visuals().dark_mode;
    let painter = ui.painter_at(rect);
    for (i, share) in profile.iter().enumerate() {
        let left = rect.left() + i as f32 * STRIPE;
        let stripe = Rect::from_min_max(pos2(left, rect.top()), pos2(left + STRIPE, rect.bottom()));
        painter.rect_filled(stripe, 0.0, palette::heat(*share, dark));
    }
    if let Some(pointer) = response
        .interact_pointer_pos()
        .filter(|_| response.clicked())
    {
        let share = ((pointer.x - rect.left()) / rect.width()).clamp(0.0, 1.0);
        let columns = collation.columns().len();
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let column = ((share * columns as f32) as usize).min(columns.saturating_sub(1));
        events.push(CollationEvent::PlaceChosen(
            collation.place_of_column(column),
        ));
    }
    ui.add_space(12.0);
    distances_ui(ui, collation);
    events
}

/// The distance matrix as a grid, each cell shaded by its distance.
fn distances_ui(ui: &mut Ui, collation: &Collation) {
    ui.label(RichText::new(crate::tr!("compare-collation-distances")).strong());
    let matrix = distance_matrix(collation);
    let dark = ui.visuals().dark_mode;
    egui::Grid::new("collation-distances")
        .spacing([4.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for witness in collation.witnesses() {
                ui.label(RichText::new(&witness.id).strong());
            }
            ui.end_row();
            for (a, row) in matrix.iter().enumerate() {
                ui.label(RichText::new(&collation.witnesses()[a].id).strong());
                for distance in row {
                    let (rect, _) = ui.allocate_exact_size(vec2(56.0, 20.0), Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 3.0, palette::heat(*distance, dark));
                    ui.painter().text(
                        rect.center(),
                        egui::Align2::CENTER_CENTER,
                        format!("{distance:.2}"),
                        egui::FontId::proportional(13.0),
                        ui.visuals().text_color(),
                    );
                }
                ui.end_row();
            }
        });
}
