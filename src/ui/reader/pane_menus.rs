//! A reading pane's menus: the selection toolbar (a swatch per category and Note), the
//! context menu of a selection and the menu of a highlight.

use super::ReaderParams;
use super::ReaderView;
use super::area::PaneArea;
use crate::model::text::Text;
use crate::ui::action::Action;
use crate::ui::action::{AnnotationAction, DeskAction, HighlightAction, action_ui};
use egui::Color32;
use egui::RichText;
use egui::Ui;
use egui::pos2;
use egui::vec2;

/// The selection toolbar, by the end of the selection, once the drag is over.
pub(super) fn selection_toolbar_ui(
    ui: &Ui,
    view: &ReaderView,
    text: &Text,
    area: &PaneArea,
    params: &ReaderParams<'_>,
    actions: &mut Vec<Action>,
) {
    let Some(range) = view.selected_range() else {
        return;
    };
    // At the last selected character (the end itself may be the start of the next paragraph).
    let last = range.end.saturating_sub(1).max(range.start);
    let Some(anchor_pos) = view.screen_pos_of(text, last) else {
        return;
    };
    // Only for a selection in sight: its end on the page, not under the top or bottom margin.
    let page = area.text.shrink2(vec2(0.0, area.margin / 2.0));
    if view.dragging || !page.contains(anchor_pos) {
        return;
    }
    // Below the selection's end when it fits in the pane, else above its start (or its end).
    let height = TOOLBAR_HEIGHT;
    let below = anchor_pos.y + params.style.line_height() * 0.7;
    let y = if below + height <= area.body.bottom() {
        below
    } else {
        let top = view
            .screen_pos_of(text, range.start)
            .filter(|start| page.contains(*start))
            .unwrap_or(anchor_pos);
        (top.y - params.style.line_height() * 0.7 - height).max(area.body.top())
    };
    let toolbar_pos = pos2(
        anchor_pos
            .x
            .min(area.text.right() - 260.0)
            .max(area.text.left()),
        y,
    );
    // Above the text but below floating windows and menus, kept and clipped to the pane.
    egui::Area::new(params.id.with("selection-toolbar"))
        .order(egui::Order::Middle)
        .fixed_pos(toolbar_pos)
        .constrain_to(area.body)
        .show(ui.ctx(), |ui| {
            ui.set_clip_rect(area.body);
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    annotate_buttons(ui, params.categories, actions);
                });
            });
        });
}

/// The height of the selection toolbar (a row of buttons in a popup frame).
const TOOLBAR_HEIGHT: f32 = 34.0;

/// The pane's context menu: on a highlight, what can be done to it; else copy, select all,
/// highlight in a category, add a note.
pub(super) fn context_menu_ui(
    ui: &mut Ui,
    view: &ReaderView,
    params: &ReaderParams<'_>,
    actions: &mut Vec<Action>,
) {
    let has_selection = view.selected_range().is_some();
    if !has_selection && let Some(annotation_id) = &view.menu_highlight {
        highlight_menu_ui(ui, annotation_id, params, actions);
        return;
    }
    actions.extend(action_ui(ui, DeskAction::CopySelection, has_selection));
    actions.extend(action_ui(ui, DeskAction::SelectAll, true));
    ui.separator();
    // The categories by their names and colours (the reader's own).
    ui.add_enabled_ui(has_selection, |ui| {
        for (index, (name, color)) in params.categories.iter().enumerate().take(6) {
            let words = crate::tr!("reading-menu-highlight-in", name = name);
            let label = RichText::new(format!("■ {words}")).color(*color);
            if ui.button(label).clicked() {
                actions.push(Action::Annotations(AnnotationAction::Highlight(index)));
                ui.close();
            }
        }
    });
    actions.extend(action_ui(
        ui,
        AnnotationAction::NoteOnSelection,
        has_selection,
    ));
}

/// The context menu of a highlight: its category, its note, copying and deleting it.
fn highlight_menu_ui(
    ui: &mut Ui,
    annotation_id: &str,
    params: &ReaderParams<'_>,
    actions: &mut Vec<Action>,
) {
    let mut push = |what: HighlightAction| {
        actions.push(Action::Annotations(AnnotationAction::OnHighlight {
            annotation_id: annotation_id.to_owned(),
            what,
        }));
    };
    ui.menu_button(crate::tr!("reading-menu-change-category"), |ui| {
        for (index, (name, color)) in params.categories.iter().enumerate() {
            let label = RichText::new(format!("■ {name}")).color(*color);
            if ui.button(label).clicked() {
                push(HighlightAction::Category(index));
                ui.close();
            }
        }
    });
    let note = params
        .highlights
        .items()
        .iter()
        .find(|h| h.annotation_id == annotation_id)
        .is_some_and(|h| !h.note.is_empty());
    for (label, what) in [
        (
            if note {
                crate::tr!("reading-menu-edit-note")
            } else {
                crate::tr!("reading-menu-write-note")
            },
            HighlightAction::EditNote,
        ),
        (
            crate::tr!("reading-menu-copy-with-citation"),
            HighlightAction::CopyWithCitation,
        ),
        (
            crate::tr!("reading-menu-delete-highlight"),
            HighlightAction::Delete,
        ),
    ] {
        if ui.button(label).clicked() {
            push(what);
            ui.close();
        }
    }
}

/// The selection toolbar's buttons: one colour swatch per category (keys 1–6) and Note.
fn annotate_buttons(ui: &mut Ui, categories: &[(String, Color32)], actions: &mut Vec<Action>) {
    for (index, (name, color)) in categories.iter().enumerate().take(6) {
        let button = egui::Button::new(RichText::new("■").color(*color).size(18.0)).frame(false);
        let accessible = crate::tr!("reading-toolbar-highlight-as", name = name);
        let key = index + 1;
        let tip = crate::tr!("reading-toolbar-highlight-as-tip", name = name, key = key);
        if ui
            .add(button)
            .accessible_name(accessible)
            .on_hover_text(tip)
            .clicked()
        {
            actions.push(Action::Annotations(AnnotationAction::Highlight(index)));
        }
    }
    let note = Action::Annotations(AnnotationAction::NoteOnSelection);
    if ui
        .small_button(crate::tr!("reading-toolbar-note"))
        .on_hover_text(format!("{} (N)", note.tooltip()))
        .clicked()
    {
        actions.push(note);
    }
}
