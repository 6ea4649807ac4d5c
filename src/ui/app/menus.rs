//! The menu bar: File, Edit, View, Pane, Compare and Help, each drawn from the actions it offers.

use super::*;

impl LecternApp {
    /// The menu bar: File, Edit, View, Pane, Compare and Help.
    pub(super) fn menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        actions.extend(self.file_menu_ui(ui));
        actions.extend(self.edit_menu_ui(ui));
        actions.extend(self.view_menu_ui(ui));
        actions.extend(self.pane_menu_ui(ui));
        actions.extend(self.compare_menu_ui(ui));
        actions.extend(self.help_menu_ui(ui));
        actions
    }

    /// The File menu.
    pub(super) fn file_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let has_pane = !self.desk.panes().is_empty();
        ui.menu_button("File", |ui| {
            actions.extend(menu_item(ui, Action::OpenFile, !self.is_opening_file()));
            actions.extend(menu_item(ui, Action::FocusLibraryFilter, true));
            ui.separator();
            actions.extend(menu_item(
                ui,
                Action::ImportText,
                !self.notebook.is_read_only(),
            ));
            actions.extend(menu_item(
                ui,
                Action::ImportAnnotations,
                !self.notebook.is_read_only(),
            ));
            actions.extend(menu_item(
                ui,
                Action::ShowBackups,
                self.session.profile.is_some(),
            ));
            ui.menu_button("Export annotations", |ui| {
                for (scope, current_text_only, enabled) in [
                    ("Of all texts", false, true),
                    ("Of the current text", true, has_pane),
                ] {
                    ui.add_enabled_ui(enabled, |ui| {
                        ui.menu_button(scope, |ui| {
                            for format in AnnotationFormat::ALL {
                                let action = Action::ExportAnnotations {
                                    format,
                                    current_text_only,
                                };
                                actions.extend(menu_item(ui, action, true));
                            }
                        });
                    });
                }
            });
            ui.separator();
            actions.extend(menu_item(ui, Action::Quit, true));
        });
        actions
    }

    /// The Edit menu.
    pub(super) fn edit_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let has_pane = !self.desk.panes().is_empty();
        let has_selection = self.has_selection();
        ui.menu_button("Edit", |ui| {
            actions.extend(menu_item(ui, Action::Undo, self.notebook.can_undo()));
            actions.extend(menu_item(ui, Action::Redo, self.notebook.can_redo()));
            ui.separator();
            actions.extend(menu_item(ui, Action::OpenFind, has_pane));
            actions.extend(menu_item(ui, Action::SearchAll, true));
            ui.separator();
            actions.extend(menu_item(ui, Action::NoteOnSelection, has_selection));
            for (index, category) in self.notebook.categories().iter().enumerate().take(6) {
                let action = Action::Highlight(index);
                let mut button = egui::Button::new(format!("Highlight: {}", category.name));
                if let Some(shortcut) = action.shortcuts().last() {
                    button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
                }
                if ui.add_enabled(has_selection, button).clicked() {
                    actions.push(action);
                    ui.close();
                }
            }
        });
        actions
    }

    /// The View menu.
    pub(super) fn view_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.menu_button("View", |ui| {
            actions.extend(menu_item(ui, Action::ToggleLibrary, true));
            actions.extend(menu_item(ui, Action::ToggleAnnotationsPanel, true));
            ui.separator();
            actions.extend(menu_item(ui, Action::ZoomIn, true));
            actions.extend(menu_item(ui, Action::ZoomOut, true));
            actions.extend(menu_item(ui, Action::ZoomReset, true));
            ui.separator();
            for choice in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark] {
                let action = Action::SetTheme(choice);
                if ui
                    .radio(self.view.theme == choice, action.label())
                    .clicked()
                {
                    actions.push(action);
                    ui.close();
                }
            }
            actions.extend(menu_item(ui, Action::ToggleDarkLight, true));
        });
        actions
    }

    /// The Pane menu.
    pub(super) fn pane_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let has_pane = !self.desk.panes().is_empty();
        let has_selection = self.has_selection();
        ui.menu_button("Pane", |ui| {
            actions.extend(menu_item(ui, Action::NextPane, has_pane));
            actions.extend(menu_item(ui, Action::ToggleActiveLinked, has_pane));
            actions.extend(menu_item(ui, Action::ShowActiveTextInfo, has_pane));
            ui.separator();
            actions.extend(menu_item(ui, Action::SelectAll, has_pane));
            actions.extend(menu_item(ui, Action::CopySelection, has_selection));
            actions.extend(menu_item(
                ui,
                Action::CopyWithCitation { markdown: false },
                has_selection,
            ));
            actions.extend(menu_item(
                ui,
                Action::CopyWithCitation { markdown: true },
                has_selection,
            ));
            ui.separator();
            actions.extend(menu_item(ui, Action::CloseActivePane, has_pane));
        });
        actions
    }

    /// The Compare menu.
    pub(super) fn compare_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.menu_button("Compare", |ui| {
            for comparison in &self.bundled_comparisons {
                let open = Action::OpenComparison(comparison.id.clone());
                if ui.button(&comparison.title).clicked() {
                    actions.push(open);
                    ui.close();
                }
            }
            ui.separator();
            let selections = self.selection_count() >= 2;
            let texts = self.desk.panes().len() >= 2;
            actions.extend(menu_item(ui, Action::CompareSelections, selections));
            actions.extend(menu_item(ui, Action::CompareOpenTexts, texts));
            actions.extend(menu_item(ui, Action::ShowPasteComparison, true));
            ui.separator();
            let open = self.comparison.is_some();
            actions.extend(menu_item(ui, Action::NextDifference, open));
            actions.extend(menu_item(ui, Action::PreviousDifference, open));
            actions.extend(menu_item(ui, Action::SwapWitnesses, open));
            actions.extend(menu_item(ui, Action::ToggleComparisonFull, open));
            actions.extend(menu_item(ui, Action::CloseComparison, open));
        });
        actions
    }

    /// The Help menu.
    pub(super) fn help_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.menu_button("Help", |ui| {
            actions.extend(menu_item(ui, Action::ShowShortcuts, true));
            ui.separator();
            ui.label(format!("Lectern {}", crate::VERSION));
        });
        actions
    }
}

/// A menu entry for `action`, with its label, shortcut and tooltip; the action if clicked.
pub(super) fn menu_item(ui: &mut Ui, action: Action, enabled: bool) -> Option<Action> {
    let mut button = egui::Button::new(action.label());
    if let Some(shortcut) = action.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let clicked = ui
        .add_enabled(enabled, button)
        .on_hover_text(action.tooltip())
        .clicked();
    if clicked {
        ui.close();
    }
    clicked.then_some(action)
}
