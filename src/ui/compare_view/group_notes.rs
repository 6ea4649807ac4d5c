//! The study groups' notes on the open comparison, under the reader's own: each in its
//! member's colour and layer, to read, never to change.

use egui::{RichText, Stroke, Ui};

use super::{ComparisonState, ComparisonView};

/// The groups' notes on `segment` of the comparison in `state`.
pub(super) fn group_notes_ui(
    ui: &mut Ui,
    state: &ComparisonState,
    view: &ComparisonView<'_>,
    segment: usize,
) {
    for shared in view
        .group_notes
        .iter()
        .filter(|g| g.note.comparison_id == state.comparison.id && g.note.segment == segment)
    {
        egui::Frame::group(ui.style())
            .stroke(Stroke::new(1.5, shared.colour))
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(&shared.by)
                            .small()
                            .strong()
                            .color(shared.colour),
                    );
                    ui.label(
                        RichText::new(crate::tr!(
                            "compare-note-on",
                            subject = shared.note.subject()
                        ))
                        .small(),
                    );
                    if shared.unverified {
                        ui.label(
                            RichText::new(crate::tr!("group-unverified"))
                                .small()
                                .strong()
                                .color(ui.visuals().error_fg_color),
                        );
                    }
                });
                ui.label(&shared.note.note);
            });
    }
}
