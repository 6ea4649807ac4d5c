//! The frame: the window's layout (menus, banners, status bar, side panels, desk, comparison, windows) and the keyboard.

use super::*;

impl LecternApp {
    pub(super) fn shortcut_actions(&self, ctx: &egui::Context) -> Vec<Action> {
        let typing = ctx.text_edit_focused();
        let mut actions = Vec::new();
        ctx.input_mut(|input| {
            for action in Action::with_shortcuts() {
                let belongs_to_text_field = matches!(
                    action,
                    Action::SelectAll
                        | Action::CopySelection
                        | Action::CopyWithCitation { .. }
                        | Action::Undo
                        | Action::Redo
                        | Action::Highlight(_)
                        | Action::NoteOnSelection
                );
                if typing && belongs_to_text_field {
                    continue; // the text field being edited takes these keys
                }
                if action.shortcuts().iter().any(|s| input.consume_shortcut(s)) {
                    actions.push(action);
                }
            }
            // The platform turns Ctrl+C (and Ctrl+Shift+C) into a Copy event rather than a
            // key press.
            let citation = Action::CopyWithCitation { markdown: false };
            if !typing
                && input.events.iter().any(|e| matches!(e, Event::Copy))
                && !actions.contains(&Action::CopySelection)
                && !actions.contains(&citation)
            {
                actions.push(if input.modifiers.shift {
                    citation
                } else {
                    Action::CopySelection
                });
            }
        });
        actions
    }

    /// Draws the whole window and applies what the user did.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.stop_if_asked(&ctx) {
            return;
        }
        self.prepare_frame(&ctx);
        let mut actions = self.shortcut_actions(&ctx);
        egui::Panel::top("lectern-menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| actions.extend(self.menu_ui(ui)));
        });
        actions.extend(self.banners_ui(ui));
        egui::Panel::bottom("lectern-status").show(ui, |ui| actions.extend(self.status_ui(ui)));
        if !self.side_panels_set_aside() {
            if self.library_open {
                actions.extend(self.library_panel_ui(ui));
            }
            if self.annotations_open {
                actions.extend(self.annotations_side_panel_ui(ui));
            }
        }
        // Also while the panel is closed or set aside: a note typed there is not forgotten.
        self.keep_note_after_a_pause(&ctx);
        actions.extend(self.find_bar_panel_ui(ui));
        actions.extend(self.central_ui(ui));
        actions.extend(self.windows_ui(&ctx));
        for action in actions {
            self.apply(&ctx, action);
        }
        self.autosave(&ctx);
    }

    /// What each frame does before drawing: the theme, and the answers of background work
    /// (dialogs, folded copies, reads, searches).
    fn prepare_frame(&mut self, ctx: &egui::Context) {
        if !self.configured {
            // Ctrl +/-/0 size the reading text, not the whole interface.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.configured = true;
            log::info!("the window is ready");
        }
        if self.applied_theme != Some(self.theme) {
            ctx.set_theme(theme::preference(self.theme));
            self.applied_theme = Some(self.theme);
        }
        self.poll_open_file();
        self.poll_export(ctx);
        self.collect_folds();
        self.poll_import();
        self.poll_text_import(ctx);
        self.drop_hint(ctx);
        self.update_find(ctx);
        self.update_search_all(ctx);
    }

    /// The library panel on the left.
    fn library_panel_ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let open_ids: Vec<&str> = self.desk.panes().iter().map(|p| p.text.id()).collect();
        let can_add = self.desk.can_add_pane();
        let comparisons: Vec<(String, String)> = self
            .bundled_comparisons
            .iter()
            .chain(self.notebook.noted_comparisons())
            .map(|c| (c.id.clone(), c.title.clone()))
            .collect();
        egui::Panel::left("lectern-library")
            .resizable(true)
            .default_size(300.0)
            .size_range(200.0..=520.0)
            .show(ui, |ui| {
                actions.extend(library_ui(
                    ui,
                    &self.library,
                    &mut self.library_view,
                    &open_ids,
                    can_add,
                    &comparisons,
                ));
            });
        actions
    }

    /// The annotations panel on the right.
    fn annotations_side_panel_ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let open_ids: Vec<&str> = self.desk.panes().iter().map(|p| p.text.id()).collect();
        let panel = AnnotationsPanel {
            annotations: self.notebook.annotations(),
            categories: self.notebook.categories(),
            library: &self.library,
            open_text_ids: &open_ids,
            selected: self.selected_annotation.as_deref(),
            orphans: self.notebook.orphans(),
            has_selection: self.has_selection(),
            comparison_notes: self.notebook.comparison_notes(),
            revision: self.notebook.revision(),
        };
        let view = &mut self.annotations_view;
        egui::Panel::right("lectern-annotations")
            .resizable(true)
            .default_size(320.0)
            .size_range(240.0..=560.0)
            .show(ui, |ui| {
                actions.extend(annotations_panel_ui(ui, &panel, view))
            });
        actions
    }

    /// The find bar above the panes, while it is open.
    fn find_bar_panel_ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let ctx = ui.ctx().clone();
        let title = self.desk.active_pane().map(|p| p.text.meta().title.clone());
        if let (Some(find), Some(title)) = (&mut self.find, title) {
            egui::Panel::top("lectern-find")
                .show(ui, |ui| actions.extend(find_bar_ui(ui, find, &title)));
            let wanted = (find.text_id.clone(), find.query.clone(), find.options);
            if find.searched.as_ref() != Some(&wanted) {
                ctx.request_repaint(); // the matches of what was just typed, next frame
            }
        }
        actions
    }

    /// The middle of the window: the desk of panes, and the comparison docked below it or
    /// filling the window.
    fn central_ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let style = ReadingStyle {
            font_size: self.font_size,
        };
        self.refresh_highlights(ui.visuals().dark_mode);
        let found_color = if ui.visuals().dark_mode {
            egui::Color32::from_rgba_unmultiplied(200, 170, 40, 70)
        } else {
            egui::Color32::from_rgba_unmultiplied(255, 200, 0, 90)
        };
        let categories: Vec<(String, egui::Color32)> = self
            .notebook
            .categories()
            .iter()
            .map(|c| {
                let color = category_color(self.notebook.categories(), Some(&c.category_id));
                (c.name.clone(), color)
            })
            .collect();
        let note_categories: Vec<(String, String, egui::Color32)> = self
            .notebook
            .categories()
            .iter()
            .map(|c| {
                let color = category_color(self.notebook.categories(), Some(&c.category_id));
                (c.category_id.clone(), c.name.clone(), color)
            })
            .collect();
        let view = ComparisonView {
            notes: self.notebook.comparison_notes(),
            categories: &note_categories,
            font_size: self.font_size,
            editable: !self.notebook.is_read_only(),
        };
        let comparison_fills = match &self.comparison {
            Some(state) => state.full || self.desk.panes().is_empty(),
            None => false,
        };
        if let Some(state) = &mut self.comparison
            && !comparison_fills
        {
            let height = ui.available_height();
            egui::Panel::bottom("lectern-comparison")
                .resizable(true)
                .default_size(height * 0.55)
                .size_range(160.0..=(height - 120.0).max(200.0))
                .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(8.0))
                .show(ui, |ui| actions.extend(comparison_ui(ui, state, &view)));
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| match &mut self.comparison {
                Some(state) if comparison_fills => {
                    egui::Frame::central_panel(ui.style())
                        .inner_margin(8.0)
                        .show(ui, |ui| actions.extend(comparison_ui(ui, state, &view)));
                }
                _ => {
                    let no_highlights = HighlightsByText::new();
                    let marks = DeskMarks {
                        highlights: self.highlights.as_ref().map_or(&no_highlights, |(_, h)| h),
                        found: self.find.as_ref().map(|find| {
                            let ranges = find.matches.as_slice();
                            let found = FoundMarks {
                                ranges,
                                color: found_color,
                            };
                            (find.text_id.as_str(), found)
                        }),
                        selected_annotation: self.selected_annotation.as_deref(),
                        categories: &categories,
                    };
                    actions.extend(desk_ui(ui, &mut self.desk, style, &marks))
                }
            });
        actions
    }

    /// The windows over the desk: pasted wordings, the import window, Search everything,
    /// a text's metadata, the backups, the shortcuts.
    fn windows_ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.paste.is_some() {
            actions.extend(self.paste_window(ctx));
        }
        actions.extend(self.import_window(ctx));
        if let Some(state) = &mut self.search_all {
            actions.extend(search_all_ui(ctx, state));
            let wanted = (state.query.clone(), state.options);
            if state.searched.as_ref().map(|(q, o, _)| (q.clone(), *o)) != Some(wanted) {
                ctx.request_repaint();
            }
        }

        if let Some(text) = self
            .info_text
            .as_ref()
            .and_then(|id| self.library.get(id))
            .cloned()
        {
            actions.extend(text_info_window(ctx, &text));
        }
        if let Some(backups) = &self.backups {
            let now = self.notebook.contents().counts();
            let editable = !self.notebook.is_read_only();
            actions.extend(backups_window(ctx, backups, now, editable));
        }
        if self.show_shortcuts {
            self.shortcuts_window(ctx);
        }
        actions
    }

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
    fn file_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
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
            actions.extend(menu_item(ui, Action::ShowBackups, self.profile.is_some()));
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
    fn edit_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
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
    fn view_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
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
                if ui.radio(self.theme == choice, action.label()).clicked() {
                    actions.push(action);
                    ui.close();
                }
            }
            actions.extend(menu_item(ui, Action::ToggleDarkLight, true));
        });
        actions
    }

    /// The Pane menu.
    fn pane_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
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
    fn compare_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
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
    fn help_menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.menu_button("Help", |ui| {
            actions.extend(menu_item(ui, Action::ShowShortcuts, true));
            ui.separator();
            ui.label(format!("Lectern {}", crate::VERSION));
        });
        actions
    }

    pub(super) fn banners_ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(text) = self.removed_texts.last() {
            egui::Panel::top("lectern-removed").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!(
                        "“{}” was taken out of the library; its file and your annotations on it \
                         are kept.",
                        text.meta().title
                    ));
                    if ui.button(Action::UndoRemoveImported.label()).clicked() {
                        actions.push(Action::UndoRemoveImported);
                    }
                });
            });
        }
        let mut messages: Vec<(String, bool)> =
            self.notices.iter().map(|n| (n.clone(), true)).collect();
        if self.notebook.is_read_only() {
            messages.push((
                "This profile is open read-only: changes in this session are not saved.".into(),
                false,
            ));
        }
        for error in self.save_errors.values() {
            messages.push((error.clone(), false));
        }
        if messages.is_empty() {
            return actions;
        }
        let mut dismissed = Vec::new();
        let fill = if ui.visuals().dark_mode {
            egui::Color32::from_rgb(0x4a, 0x3b, 0x12)
        } else {
            egui::Color32::from_rgb(0xff, 0xf1, 0xc2)
        };
        egui::Panel::top("lectern-notices")
            .frame(egui::Frame::NONE.fill(fill).inner_margin(8.0))
            .show(ui, |ui| {
                for (index, (message, dismissable)) in messages.iter().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        if *dismissable && ui.small_button("Dismiss").clicked() {
                            dismissed.push(index);
                        }
                        ui.label(RichText::new(message));
                    });
                }
            });
        for index in dismissed.into_iter().rev() {
            self.notices.remove(index);
        }
        actions
    }

    pub(super) fn status_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.horizontal(|ui| {
            if let Some(pane) = self.desk.active_pane() {
                let count = pane.text.paragraphs().len();
                ui.label(format!(
                    "Pane {} · paragraph {} of {} · {:.0}%",
                    self.desk.active() + 1,
                    (pane.view.scroll.paragraph + 1).min(count),
                    count,
                    pane.view.fraction() * 100.0
                ));
                if let Some(range) = pane.view.selected_range() {
                    ui.separator();
                    ui.label(format!("{} characters selected", range.end - range.start));
                }
            } else {
                ui.label("No text open");
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(format!("{:.0} pt", self.font_size));
                if let Some((_, progress, started)) = &self.pending_text_import {
                    use std::sync::atomic::Ordering;
                    let (done, total) = (
                        progress.0.load(Ordering::Relaxed),
                        progress.1.load(Ordering::Relaxed),
                    );
                    // A bar for a read that takes a while; a spinner for a quick one.
                    if started.elapsed() > Duration::from_millis(500) && total > 0 {
                        ui.add(
                            egui::ProgressBar::new(done as f32 / total as f32)
                                .desired_width(200.0)
                                .text(format!(
                                    "Reading {:.0} of {:.0} MB",
                                    done as f64 / 1e6,
                                    total as f64 / 1e6
                                )),
                        );
                    } else {
                        ui.label("Reading the file…");
                        ui.spinner();
                    }
                } else if self.pending_import.is_some() {
                    ui.label("Reading the file…");
                    ui.spinner();
                }
                if self.selection_count() >= 2 {
                    let action = Action::CompareSelections;
                    if ui
                        .button(action.label())
                        .on_hover_text(action.tooltip())
                        .clicked()
                    {
                        actions.push(action);
                    }
                }
            });
        });
        actions
    }

    pub(super) fn paste_window(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        let mut open = true;
        let Some(wordings) = &mut self.paste else {
            return actions;
        };
        egui::Window::new("Compare pasted wordings")
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.label("Paste or type two to six wordings; the first is the one the others are marked against.");
                egui::ScrollArea::vertical().max_height(520.0).show(ui, |ui| {
                    for (index, wording) in wordings.iter_mut().enumerate() {
                        let label = ui.label(format!("Wording {}", index + 1));
                        ui.add(
                            egui::TextEdit::multiline(wording)
                                .desired_rows(4)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    }
                });
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(wordings.len() < 6, egui::Button::new("Add a wording"))
                        .clicked()
                    {
                        wordings.push(String::new());
                    }
                    let filled: Vec<String> = wordings
                        .iter()
                        .filter(|w| !w.trim().is_empty())
                        .cloned()
                        .collect();
                    if ui
                        .add_enabled(filled.len() >= 2, egui::Button::new("Compare the wordings"))
                        .on_disabled_hover_text("Fill in at least two wordings")
                        .clicked()
                    {
                        actions.push(Action::ComparePasted(filled));
                    }
                });
            });
        if !open {
            self.paste = None;
        }
        actions
    }

    pub(super) fn shortcuts_window(&mut self, ctx: &egui::Context) {
        let mut open = true;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for action in Action::with_shortcuts() {
                        if let Some(shortcut) = action.shortcut() {
                            ui.label(ctx.format_shortcut(&shortcut));
                            ui.label(action.label());
                            ui.end_row();
                        }
                    }
                    for (keys, what) in [
                        ("↑ ↓, Page Up/Down, Space", "Scroll the active pane"),
                        ("Home / End", "Go to the start / end of the text"),
                        ("Double-click / triple-click", "Select a word / a paragraph"),
                        ("Shift-click", "Extend the selection"),
                        (
                            "Enter / Ctrl+Enter in the filter",
                            "Open the first match / beside",
                        ),
                    ] {
                        ui.label(keys);
                        ui.label(what);
                        ui.end_row();
                    }
                });
            });
        self.show_shortcuts = open;
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
