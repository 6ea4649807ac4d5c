//! The panel's other sections: notes on comparisons, and the categories (rename, recolour, add, remove).

use super::*;
use crate::ui::action::{AnnotationAction, ComparisonAction};

/// Rename, recolour, add and remove categories. A category in use (by a live or trashed
/// annotation) cannot be removed, so no annotation loses its meaning.
pub(super) fn categories_ui(ui: &mut Ui, panel: &AnnotationsPanel<'_>, actions: &mut Vec<Action>) {
    egui::CollapsingHeader::new(crate::tr!("reading-categories-heading"))
        .id_salt("categories")
        .show(ui, |ui| {
            let mut edited = panel.categories.to_vec();
            let mut changed = false;
            let mut remove = None;
            for (index, category) in edited.iter_mut().enumerate() {
                let in_use = panel
                    .annotations
                    .live()
                    .iter()
                    .chain(panel.annotations.trash())
                    .any(|a| a.category_id.as_deref() == Some(category.category_id.as_str()));
                let number = index + 1;
                let name_field = crate::tr!("reading-category-name-field", number = number);
                let remove_name = crate::tr!("reading-category-remove-name", number = number);
                ui.horizontal(|ui| {
                    changed |= ui.color_edit_button_srgb(&mut category.color).changed();
                    changed |= ui
                        .add(egui::TextEdit::singleline(&mut category.name).desired_width(150.0))
                        .accessible_name(name_field)
                        .changed();
                    if ui
                        .add_enabled(
                            !in_use,
                            egui::Button::new(crate::tr!("reading-category-remove")).small(),
                        )
                        .accessible_name(remove_name)
                        .on_disabled_hover_text(crate::tr!("reading-category-in-use"))
                        .clicked()
                    {
                        remove = Some(index);
                    }
                });
            }
            if let Some(index) = remove {
                edited.remove(index);
                changed = true;
            }
            if ui.button(crate::tr!("reading-category-add")).clicked() {
                let mut n = edited.len() + 1;
                while edited
                    .iter()
                    .any(|c| c.category_id == format!("category-{n}"))
                {
                    n += 1;
                }
                edited.push(Category {
                    category_id: format!("category-{n}"),
                    name: crate::tr!("reading-category-new-name", number = n),
                    color: [0x8a, 0x8a, 0x8a],
                });
                changed = true;
            }
            if changed {
                actions.push(Action::Annotations(AnnotationAction::SetCategories(edited)));
            }
        });
}

/// The notes on comparisons, each opening its comparison at its segment.
pub(super) fn comparison_notes_ui(
    ui: &mut Ui,
    panel: &AnnotationsPanel<'_>,
    actions: &mut Vec<Action>,
) {
    let notes = panel.comparison_notes;
    let heading = crate::tr!("reading-comparison-notes-heading", count = notes.len());
    egui::CollapsingHeader::new(heading)
        .default_open(!notes.is_empty())
        .show(ui, |ui| {
            if notes.is_empty() {
                ui.weak(crate::tr!("reading-comparison-notes-empty"));
            }
            for note in notes {
                let color = category_color(panel.categories, note.category_id.as_deref());
                egui::Frame::group(ui.style())
                    .stroke(egui::Stroke::new(1.0, color))
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(RichText::new(&note.comparison_title).small().weak());
                        ui.label(RichText::new(note.subject()).italics());
                        if !note.note.is_empty() {
                            ui.label(&note.note);
                        }
                        let open = Action::Comparison(ComparisonAction::OpenComparisonNote(
                            note.note_id.clone(),
                        ));
                        if ui
                            .small_button(crate::tr!("reading-comparison-note-show"))
                            .on_hover_text(crate::tr!("reading-comparison-note-show-tip"))
                            .clicked()
                        {
                            actions.push(open);
                        }
                    });
            }
        });
}
