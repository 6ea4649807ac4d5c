//! The list of annotations: entries of one height drawn only in view, the orphans with Attach, and the Trash.

use super::*;
use crate::ui::action::{AnnotationAction, ComparisonAction};

/// The height of an entry of the list: every entry has the same four lines.
pub(super) fn entry_height(ui: &Ui) -> f32 {
    // The height of a line of each style as laid out (a little more than the font size).
    let row = |style: egui::TextStyle| ui.fonts_mut(|f| f.row_height(&style.resolve(ui.style())));
    2.0 * row(egui::TextStyle::Body)
        + 2.0 * row(egui::TextStyle::Small)
        + 3.0 * ui.spacing().item_spacing.y
        + 2.0 * ENTRY_MARGIN
}

/// One annotation in the list: its text, quote, note and date on one line each (cut short),
/// in an entry of [`entry_height`].
pub(super) fn entry_ui(
    ui: &mut Ui,
    panel: &AnnotationsPanel<'_>,
    annotation: &Annotation,
    actions: &mut Vec<Action>,
) {
    let selected = panel.selected == Some(annotation.annotation_id.as_str());
    let color = category_color(panel.categories, annotation.category_id.as_deref());
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), entry_height(ui)),
        egui::Sense::hover(),
    );
    if ui.is_rect_visible(rect) {
        entry_contents_ui(ui, rect, panel, annotation, selected, color);
    }
    // Sensed after its contents, so a click anywhere on the entry is the entry's.
    let response = ui
        .interact(
            rect,
            egui::Id::unique(("lectern-annotation-entry", &annotation.annotation_id)),
            egui::Sense::click(),
        )
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    response.widget_info(|| {
        let passage = short(&annotation.anchor.exact, 60);
        let name = crate::tr!("reading-entry-name", passage = passage);
        egui::WidgetInfo::labeled(egui::Role::Button, true, name)
    });
    if response.clicked() {
        actions.push(Action::Annotations(AnnotationAction::SelectAnnotation(
            Some(annotation.annotation_id.clone()),
        )));
        actions.push(Action::Annotations(AnnotationAction::GoToAnnotation(
            annotation.annotation_id.clone(),
        )));
    }
}

/// An entry's frame, its category's bar, and its lines: the text's title, the quote, the
/// note, the date and tags.
pub(super) fn entry_contents_ui(
    ui: &mut Ui,
    rect: egui::Rect,
    panel: &AnnotationsPanel<'_>,
    annotation: &Annotation,
    selected: bool,
    color: Color32,
) {
    {
        let visuals = ui.visuals();
        let fill = if selected {
            visuals.selection.bg_fill.gamma_multiply(0.4)
        } else {
            Color32::TRANSPARENT
        };
        let stroke = visuals.widgets.noninteractive.bg_stroke;
        ui.painter()
            .rect(rect, 4.0, fill, stroke, egui::StrokeKind::Inside);
        let mut inner = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect.shrink2(egui::vec2(ENTRY_MARGIN + 4.0, ENTRY_MARGIN)))
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        // The category's colour as a bar down the left edge.
        let bar = egui::Rect::from_min_size(
            rect.left_top() + egui::vec2(2.0, ENTRY_MARGIN),
            egui::vec2(4.0, rect.height() - 2.0 * ENTRY_MARGIN),
        );
        ui.painter().rect_filled(bar, 2.0, color);
        let title = panel
            .library
            .get(&annotation.text_id)
            .map_or(annotation.text_id.as_str(), |t| t.meta().title.as_str());
        inner.add(
            egui::Label::new(RichText::new(title).small().weak())
                .truncate()
                .selectable(false),
        );
        inner.add(
            egui::Label::new(
                RichText::new(quoted(&short(&annotation.anchor.exact, 120))).italics(),
            )
            .truncate()
            .selectable(false),
        );
        inner.add(
            egui::Label::new(short(&annotation.note, 200))
                .truncate()
                .selectable(false),
        );
        // The category by name, not only by the bar's colour.
        let category = annotation
            .category_id
            .as_deref()
            .and_then(|id| panel.categories.iter().find(|c| c.category_id == id))
            .map_or_else(|| crate::tr!("reading-no-category"), |c| c.shown_name());
        let mut details = format!(
            "{category} · {}",
            annotation.created.day().unwrap_or_default()
        );
        if !annotation.tags.is_empty() {
            details.push_str(" · ");
            details.push_str(&annotation.tags.join(", "));
        }
        if !annotation.diverged_notes.is_empty() {
            // Said first-hand in the editor; here, so that the reader finds which one.
            details.push_str(" · ");
            details.push_str(&crate::tr!("reading-entry-diverged"));
        }
        inner.add(
            egui::Label::new(RichText::new(details).small().weak())
                .truncate()
                .selectable(false),
        );
    }
}

/// The placed annotations listed, drawing only the entries in view (all are of one height).
pub(super) fn placed_entries_ui(
    ui: &mut Ui,
    viewport: egui::Rect,
    panel: &AnnotationsPanel<'_>,
    shown: &[&Annotation],
    actions: &mut Vec<Action>,
) {
    let placed: Vec<&Annotation> = shown
        .iter()
        .filter(|a| !panel.orphans.contains(&a.annotation_id))
        .copied()
        .collect();
    let height = entry_height(ui);
    let step = height + ui.spacing().item_spacing.y;
    let width = ui.available_width();
    let top = ui.min_rect().top();
    let (list, _) = ui.allocate_exact_size(
        egui::vec2(width, step * placed.len() as f32),
        egui::Sense::hover(),
    );
    let offset = list.top() - top;
    let first = ((viewport.min.y - offset) / step).floor().max(0.0) as usize;
    let last = (((viewport.max.y - offset) / step).ceil().max(0.0) as usize).min(placed.len());
    for (index, annotation) in placed.iter().enumerate().take(last).skip(first) {
        let rect = egui::Rect::from_min_size(
            egui::pos2(list.left(), list.top() + step * index as f32),
            egui::vec2(width, height),
        );
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
        entry_ui(&mut child, panel, annotation, actions);
    }
}

/// The orphans listed, each with a button to attach it to the passage selected.
pub(super) fn orphans_ui(
    ui: &mut Ui,
    panel: &AnnotationsPanel<'_>,
    shown: &[&Annotation],
    actions: &mut Vec<Action>,
) {
    let orphans: Vec<&&Annotation> = shown
        .iter()
        .filter(|a| panel.orphans.contains(&a.annotation_id))
        .collect();
    if orphans.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(RichText::new(crate::tr!("reading-orphans-heading", count = orphans.len())).strong());
    ui.weak(crate::tr!("reading-orphans-hint"));
    for annotation in orphans {
        entry_ui(ui, panel, annotation, actions);
        let reattach = Action::Annotations(AnnotationAction::ReattachAnnotation(
            annotation.annotation_id.clone(),
        ));
        if ui
            .add_enabled(
                panel.has_selection,
                egui::Button::new(reattach.label()).small(),
            )
            .on_hover_text(reattach.tooltip())
            .clicked()
        {
            actions.push(reattach);
        }
    }
}

/// The Trash: deleted annotations and notes on comparisons, newest first, each with Restore.
pub(super) fn trash_ui(ui: &mut Ui, panel: &AnnotationsPanel<'_>, actions: &mut Vec<Action>) {
    let trash = panel.annotations.trash();
    let notes = panel.comparison_notes_trash;
    let heading = crate::tr!("reading-trash-heading", count = trash.len() + notes.len());
    egui::CollapsingHeader::new(heading)
        .id_salt("trash")
        .show(ui, |ui| {
            for annotation in trash.iter().rev() {
                ui.horizontal_wrapped(|ui| {
                    let restore = Action::Annotations(AnnotationAction::RestoreAnnotation(
                        annotation.annotation_id.clone(),
                    ));
                    let passage = short(&annotation.anchor.exact, 40);
                    let name = crate::tr!("reading-trash-restore-name", passage = passage);
                    if ui
                        .small_button(restore.label())
                        .accessible_name(name)
                        .on_hover_text(restore.tooltip())
                        .clicked()
                    {
                        actions.push(restore);
                    }
                    ui.label(short(&annotation.anchor.exact, 60));
                });
            }
            for note in notes.iter().rev() {
                ui.horizontal_wrapped(|ui| {
                    let restore = Action::Comparison(ComparisonAction::RestoreComparisonNote(
                        note.note_id.clone(),
                    ));
                    let what = if note.note.trim().is_empty() {
                        &note.quote
                    } else {
                        &note.note
                    };
                    let name =
                        crate::tr!("reading-trash-restore-note-name", note = short(what, 40));
                    if ui
                        .small_button(restore.label())
                        .accessible_name(name)
                        .on_hover_text(restore.tooltip())
                        .clicked()
                    {
                        actions.push(restore);
                    }
                    ui.label(format!(
                        "{} — {}, {}",
                        short(what, 50),
                        short(&note.comparison_title, 30),
                        note.segment_label
                    ));
                });
            }
        });
}
