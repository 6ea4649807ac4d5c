//! The menu bar: File, Edit, View, Pane, Compare and Help, each drawn from the actions it offers.

use super::LecternApp;
use crate::storage::reading_state::{LanguageChoice, ThemeChoice};
use crate::ui::action::Action;
use crate::ui::action::AnnotationFormat;
use crate::ui::action::action_ui;
use crate::ui::action::{
    AnnotationAction, ComparisonAction, ComparisonViewAction, DeskAction, FileAction, GroupAction,
    SearchAction, ViewAction,
};
use egui::Ui;

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
        ui.menu_button(crate::tr!("app-menu-file"), |ui| {
            actions.extend(action_ui(ui, DeskAction::OpenFile, !self.is_opening_file()));
            actions.extend(action_ui(ui, ViewAction::FocusLibraryFilter, true));
            ui.separator();
            actions.extend(action_ui(
                ui,
                FileAction::ImportText,
                !self.notebook.is_read_only(),
            ));
            actions.extend(action_ui(
                ui,
                FileAction::ImportAnnotations,
                !self.notebook.is_read_only(),
            ));
            actions.extend(action_ui(
                ui,
                AnnotationAction::ShowBackups,
                self.session.profile.is_some(),
            ));
            ui.menu_button(crate::tr!("app-menu-export-annotations"), |ui| {
                for (scope, current_text_only, enabled) in [
                    (crate::tr!("app-menu-of-all-texts"), false, true),
                    (crate::tr!("app-menu-of-current-text"), true, has_pane),
                ] {
                    ui.add_enabled_ui(enabled, |ui| {
                        ui.menu_button(scope, |ui| {
                            // The archive is the whole notebook, never one text's part.
                            let formats = AnnotationFormat::ALL.into_iter().filter(|f| {
                                !(current_text_only && *f == AnnotationFormat::Archive)
                            });
                            for format in formats {
                                let action = Action::Files(FileAction::ExportAnnotations {
                                    format,
                                    current_text_only,
                                });
                                actions.extend(action_ui(ui, action, true));
                            }
                        });
                    });
                }
            });
            actions.extend(action_ui(ui, FileAction::PrintNotes, true));
            ui.separator();
            actions.extend(action_ui(ui, ViewAction::Quit, true));
        });
        actions
    }

    /// The Edit menu.
    pub(super) fn edit_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let has_pane = !self.desk.panes().is_empty();
        let has_selection = self.has_selection();
        ui.menu_button(crate::tr!("app-menu-edit"), |ui| {
            actions.extend(action_ui(
                ui,
                AnnotationAction::Undo,
                self.notebook.can_undo(),
            ));
            actions.extend(action_ui(
                ui,
                AnnotationAction::Redo,
                self.notebook.can_redo(),
            ));
            ui.separator();
            actions.extend(action_ui(ui, DeskAction::SelectAll, has_pane));
            actions.extend(action_ui(ui, DeskAction::CopySelection, has_selection));
            actions.extend(action_ui(
                ui,
                DeskAction::CopyWithCitation { markdown: false },
                has_selection,
            ));
            actions.extend(action_ui(
                ui,
                DeskAction::CopyWithCitation { markdown: true },
                has_selection,
            ));
            ui.separator();
            actions.extend(action_ui(ui, SearchAction::OpenFind, has_pane));
            actions.extend(action_ui(ui, SearchAction::SearchAll, true));
            ui.separator();
            actions.extend(action_ui(
                ui,
                AnnotationAction::NoteOnSelection,
                has_selection,
            ));
            for (index, category) in self.notebook.categories().iter().enumerate().take(6) {
                let action = Action::Annotations(AnnotationAction::Highlight(index));
                let name = category.shown_name();
                let label = crate::tr!("app-menu-highlight-in", category = name);
                let mut button = egui::Button::new(label);
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
        ui.menu_button(crate::tr!("app-menu-view"), |ui| {
            actions.extend(action_ui(ui, ViewAction::ToggleLibrary, true));
            actions.extend(action_ui(ui, ViewAction::ToggleAnnotationsPanel, true));
            actions.extend(action_ui(ui, SearchAction::OpenIndex, true));
            actions.extend(action_ui(ui, SearchAction::OpenTimeline, true));
            actions.extend(action_ui(ui, SearchAction::OpenGlossary, true));
            actions.extend(action_ui(ui, GroupAction::ToggleGroups, true));
            ui.separator();
            actions.extend(action_ui(ui, ViewAction::ZoomIn, true));
            actions.extend(action_ui(ui, ViewAction::ZoomOut, true));
            actions.extend(action_ui(ui, ViewAction::ZoomReset, true));
            ui.separator();
            for choice in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark] {
                let action = Action::View(ViewAction::SetTheme(choice));
                if ui
                    .radio(self.view.theme() == choice, action.label())
                    .clicked()
                {
                    actions.push(action);
                    ui.close();
                }
            }
            actions.extend(action_ui(ui, ViewAction::ToggleDarkLight, true));
            ui.separator();
            ui.menu_button(crate::tr!("menu-citation-style"), |ui| {
                use strum::IntoEnumIterator;
                for style in crate::formats::cite::CitationStyle::iter() {
                    let action = Action::View(ViewAction::SetCitationStyle(style));
                    if ui
                        .radio(self.view.citation_style() == style, action.label())
                        .on_hover_text(action.tooltip())
                        .clicked()
                    {
                        actions.push(action);
                        ui.close();
                    }
                }
            });
            ui.menu_button(crate::tr!("menu-language"), |ui| {
                for choice in [
                    LanguageChoice::System,
                    LanguageChoice::English,
                    LanguageChoice::Russian,
                ] {
                    let action = Action::View(ViewAction::SetLanguage(choice));
                    if ui
                        .radio(self.view.language_choice() == choice, action.label())
                        .on_hover_text(action.tooltip())
                        .clicked()
                    {
                        actions.push(action);
                        ui.close();
                    }
                }
            });
        });
        actions
    }

    /// The Pane menu.
    pub(super) fn pane_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let has_pane = !self.desk.panes().is_empty();
        let (back, forward) = (
            self.desk.can_go(crate::ui::desk::Going::Back),
            self.desk.can_go(crate::ui::desk::Going::Forward),
        );
        ui.menu_button(crate::tr!("app-menu-pane"), |ui| {
            actions.extend(action_ui(ui, DeskAction::GoBack, back));
            actions.extend(action_ui(ui, DeskAction::GoForward, forward));
            ui.separator();
            actions.extend(action_ui(ui, DeskAction::NextPane, has_pane));
            actions.extend(action_ui(ui, DeskAction::ToggleActiveLinked, has_pane));
            actions.extend(action_ui(ui, DeskAction::ShowActiveTextInfo, has_pane));
            ui.separator();
            actions.extend(action_ui(ui, DeskAction::CloseActivePane, has_pane));
        });
        actions
    }

    /// The Compare menu.
    pub(super) fn compare_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.menu_button(crate::tr!("app-menu-compare"), |ui| {
            for comparison in &self.bundled_comparisons {
                let open =
                    Action::Comparison(ComparisonAction::OpenComparison(comparison.id.clone()));
                if ui.button(&comparison.title).clicked() {
                    actions.push(open);
                    ui.close();
                }
            }
            ui.separator();
            let selections = self.selection_count() >= 2;
            let texts = self.desk.panes().len() >= 2;
            actions.extend(action_ui(
                ui,
                ComparisonAction::CompareSelections,
                selections,
            ));
            actions.extend(action_ui(ui, ComparisonAction::CompareOpenTexts, texts));
            actions.extend(action_ui(ui, ComparisonAction::ShowPasteComparison, true));
            ui.separator();
            let open = self.comparison.is_some();
            actions.extend(action_ui(
                ui,
                ComparisonAction::View(ComparisonViewAction::NextDifference),
                open,
            ));
            actions.extend(action_ui(
                ui,
                ComparisonAction::View(ComparisonViewAction::PreviousDifference),
                open,
            ));
            actions.extend(action_ui(
                ui,
                ComparisonAction::View(ComparisonViewAction::SwapWitnesses),
                open,
            ));
            actions.extend(action_ui(ui, ComparisonAction::CollateWitnesses, open));
            actions.extend(action_ui(
                ui,
                ComparisonAction::View(ComparisonViewAction::ToggleComparisonFull),
                open,
            ));
            actions.extend(action_ui(ui, ComparisonAction::CloseComparison, open));
        });
        actions
    }

    /// The Help menu.
    pub(super) fn help_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.menu_button(crate::tr!("app-menu-help"), |ui| {
            actions.extend(action_ui(ui, ViewAction::ShowShortcuts, true));
            ui.separator();
            ui.label(crate::tr!("app-menu-version", version = crate::VERSION));
        });
        actions
    }
}
