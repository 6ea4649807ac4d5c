//! The Apparatus tab: the base text (a chosen witness, or the majority reading at each
//! place) with each entry's number after its lemma, then the entries as a critical edition
//! prints them (“much more ] 1859; more 1860 1861 1866 1872; 1869 *moved*”), each a button
//! that shows its place in the table.

use egui::{RichText, Ui};

use super::{CollationEvent, CollationViewState};
use crate::model::collation::Collation;
use crate::model::collation::apparatus::Base;

/// The base chooser, the base text and the entries; returns the entry's place clicked.
pub(super) fn apparatus_ui(
    ui: &mut Ui,
    collation: &Collation,
    state: &mut CollationViewState,
) -> Vec<CollationEvent> {
    let mut events = Vec::new();
    base_ui(ui, collation, &mut state.base);
    let apparatus = state.apparatus(collation);
    let lines = apparatus.numbered_lines(collation);
    let text = apparatus.marked_base_text();
    let starts: Vec<usize> = apparatus.entries.iter().map(|e| e.places.start).collect();
    egui::ScrollArea::vertical()
        .id_salt("collation-apparatus")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add(
                egui::Label::new(RichText::new(text).size(15.0))
                    .wrap()
                    .selectable(true),
            );
            ui.add_space(10.0);
            ui.label(RichText::new(crate::tr!("compare-collation-variants")).strong());
            for (n, line) in lines.into_iter().enumerate() {
                if ui
                    .add(egui::Button::new(line).frame(false).wrap())
                    .on_hover_text(crate::tr!("compare-collation-show-place"))
                    .clicked()
                {
                    events.push(CollationEvent::PlaceChosen(starts[n]));
                }
            }
        });
    events
}

/// The chooser of the base: the majority reading, or a witness.
fn base_ui(ui: &mut Ui, collation: &Collation, base: &mut Base) {
    let name = |base: Base| match base {
        Base::Majority => crate::tr!("compare-collation-majority"),
        Base::Witness(w) => collation
            .witnesses()
            .get(w)
            .map_or_else(String::new, |witness| witness.id.clone()),
    };
    ui.horizontal(|ui| {
        let label = ui.label(crate::tr!("compare-collation-base-text"));
        egui::ComboBox::from_id_salt("collation-base")
            .selected_text(name(*base))
            .show_ui(ui, |ui| {
                ui.selectable_value(base, Base::Majority, name(Base::Majority));
                for w in 0..collation.witnesses().len() {
                    ui.selectable_value(base, Base::Witness(w), name(Base::Witness(w)));
                }
            })
            .response
            .labelled_by(label.id);
    });
}
