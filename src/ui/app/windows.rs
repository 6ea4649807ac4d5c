//! What stands around and over the desk: banners, the status bar, and the windows (pasted wordings, import, Search everything, metadata, backups, shortcuts).

use super::LecternApp;
use crate::ui::action::Action;
use crate::ui::action::action_ui;
use crate::ui::action::{AnnotationAction, ComparisonAction, DeskAction, FileAction};
use crate::ui::backups_view::backups_window;
use crate::ui::info_view::text_info_window;
use crate::ui::search_view::search_all_ui;
use egui::RichText;
use egui::Ui;
use std::time::Duration;

impl LecternApp {
    pub(super) fn banners_ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(text) = self
            .files
            .removed_texts
            .last()
            .filter(|t| self.library.get(t.id()).is_none())
        {
            egui::Panel::top("lectern-removed").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(crate::tr!("app-removed-banner", title = &text.meta().title));
                    if ui
                        .button(Action::Files(FileAction::UndoRemoveImported).label())
                        .clicked()
                    {
                        actions.push(Action::Files(FileAction::UndoRemoveImported));
                    }
                });
            });
        }
        // Newest first; each with the index of its notice, to dismiss it.
        let mut messages: Vec<(String, Option<usize>)> = self
            .notices
            .iter()
            .enumerate()
            .rev()
            .map(|(index, n)| (n.clone(), Some(index)))
            .collect();
        if self.notebook.is_read_only() {
            messages.push((crate::tr!("app-read-only-banner"), None));
        }
        for error in self.session.save_errors.values() {
            messages.push((error.clone(), None));
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
                for (message, notice) in &messages {
                    ui.horizontal_wrapped(|ui| {
                        if let Some(index) = notice
                            && ui.small_button(crate::tr!("app-dismiss")).clicked()
                        {
                            dismissed.push(*index);
                        }
                        ui.label(RichText::new(message));
                        actions.extend(self.notice_button_ui(ui, message));
                    });
                }
            });
        dismissed.sort_unstable();
        for index in dismissed.into_iter().rev() {
            self.notices.remove(index);
        }
        actions
    }

    /// What a notice offers to do about what it tells: show a recovered record, or go Back
    /// to the text a jump replaced.
    fn notice_button_ui(&self, ui: &mut Ui, message: &str) -> Option<Action> {
        if self.desk.replaced_notice() == Some(message) {
            return action_ui(ui, DeskAction::GoBack, true);
        }
        let recovered = self.view.recovered_told_by(message)?;
        let action = show_recovered(&recovered.now_in)?;
        ui.small_button(action.label())
            .on_hover_text(action.tooltip())
            .clicked()
            .then_some(action)
    }

    pub(super) fn status_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.horizontal(|ui| {
            if let Some(pane) = self.desk.active_pane() {
                let count = pane.text.paragraphs().len();
                let at = (pane.view.scroll.paragraph + 1).min(count);
                let percent = format!("{:.0}", pane.view.fraction() * 100.0);
                ui.label(pane_status(self.desk.active() + 1, at, count, percent));
                if let Some(range) = pane.view.selected_range() {
                    ui.separator();
                    let characters = range.end - range.start;
                    ui.label(crate::tr!("app-status-selected", count = characters));
                }
            } else {
                ui.label(crate::tr!("app-status-no-text"));
            }
            if let Some(told) = self.view.told() {
                ui.separator();
                ui.label(told);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let size = format!("{:.0}", self.view.font_size());
                ui.label(crate::tr!("app-status-font-size", size = size));
                if let Some(task) = &self.files.pending_text_import {
                    let (done, total) = task.progress();
                    // A bar for a read that takes a while; a spinner for a quick one.
                    if task.elapsed() > Duration::from_millis(500) && total > 0 {
                        let read = if task.counts_pages() {
                            crate::tr!("app-status-reading-pages", done = done, total = total)
                        } else {
                            let (megabytes, of) = (done as f64 / 1e6, total as f64 / 1e6);
                            let (done_mb, total_mb) =
                                (format!("{megabytes:.0}"), format!("{of:.0}"));
                            crate::tr!("app-status-reading-mb", done = done_mb, total = total_mb)
                        };
                        ui.add(
                            egui::ProgressBar::new(done as f32 / total as f32)
                                .desired_width(200.0)
                                .text(read),
                        );
                    } else {
                        ui.label(crate::tr!("app-status-reading-file"));
                        ui.spinner();
                    }
                } else if self.files.pending_import.is_some() {
                    ui.label(crate::tr!("app-status-reading-file"));
                    ui.spinner();
                }
                if self.selection_count() >= 2 {
                    let action = Action::Comparison(ComparisonAction::CompareSelections);
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
        let Some(wordings) = self.view.paste_mut() else {
            return actions;
        };
        egui::Window::new(crate::tr!("app-paste-window"))
            // The same window in every language, whatever its title.
            .id(egui::Id::unique("lectern-paste-window"))
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.label(crate::tr!("app-paste-how"));
                egui::ScrollArea::vertical()
                    .max_height(520.0)
                    .show(ui, |ui| {
                        for (index, wording) in wordings.iter_mut().enumerate() {
                            let label =
                                ui.label(crate::tr!("app-wording-number", number = index + 1));
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
                        .add_enabled(
                            wordings.len() < 6,
                            egui::Button::new(crate::tr!("app-paste-add")),
                        )
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
                        .add_enabled(
                            filled.len() >= 2,
                            egui::Button::new(crate::tr!("app-paste-compare")),
                        )
                        .on_disabled_hover_text(crate::tr!("app-paste-fill-two"))
                        .clicked()
                    {
                        actions.push(Action::Comparison(ComparisonAction::ComparePasted(filled)));
                    }
                });
            });
        if !open {
            self.view.close_paste();
        }
        actions
    }

    pub(super) fn shortcuts_window(&mut self, ctx: &egui::Context) {
        let mut open = true;
        let max_height = (ctx.content_rect().height() - 160.0).max(120.0);
        egui::Window::new(crate::tr!("app-shortcuts-window"))
            .id(egui::Id::unique(SHORTCUTS_WINDOW))
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 40.0))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(
                    RichText::new(crate::tr!("app-shortcuts-close"))
                        .weak()
                        .small(),
                );
                egui::ScrollArea::vertical()
                    .max_height(max_height)
                    .min_scrolled_height(max_height)
                    .show(ui, shortcuts_ui);
            });
        // Esc closes it (F1 too: its shortcut toggles it).
        if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            open = false;
        }
        self.view.show_shortcuts(open);
    }

    /// The window for the path of a file to import, where there is no file dialog. A good
    /// path goes the way of a dropped file.
    pub(super) fn import_path_window(&mut self, ctx: &egui::Context) {
        let Some((path, problem, focus)) = &mut self.files.import_path else {
            return;
        };
        let mut open = true;
        let mut chosen = None;
        egui::Window::new(crate::tr!("app-import-path-window"))
            // The same window in every language, whatever its title.
            .id(egui::Id::unique("lectern-import-path-window"))
            .open(&mut open)
            .collapsible(false)
            .default_width(460.0)
            .show(ctx, |ui| {
                ui.label(crate::tr!("app-import-path-how"));
                let label = ui.label(crate::tr!("app-import-path-label"));
                let field = ui
                    .add(
                        egui::TextEdit::singleline(path)
                            .desired_width(f32::INFINITY)
                            .hint_text(crate::tr!("app-import-path-hint")),
                    )
                    .labelled_by(label.id);
                if std::mem::take(focus) {
                    field.request_focus();
                }
                if let Some(problem) = problem {
                    ui.colored_label(ui.visuals().warn_fg_color, problem.as_str());
                }
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    let ready = !path.trim().is_empty();
                    if ui
                        .add_enabled(ready, egui::Button::new(crate::tr!("app-import-path-read")))
                        .clicked()
                        || (entered && ready)
                    {
                        chosen = Some(path.trim().to_owned());
                    }
                    if ui.button(crate::tr!("app-cancel")).clicked() {
                        chosen = Some(String::new());
                    }
                });
            });
        match chosen {
            Some(path) if path.is_empty() => self.files.import_path = None,
            Some(path) => {
                let file = std::path::PathBuf::from(&path);
                if file.is_file() {
                    self.files.import_path = None;
                    self.files.dropped_files.push_back(file);
                } else if let Some((_, problem, _)) = &mut self.files.import_path {
                    *problem = Some(crate::tr!("app-import-path-no-file", path = &path));
                }
            }
            None if !open => self.files.import_path = None,
            None => {}
        }
    }

    /// The windows over the desk: pasted wordings, the import window, Search everything,
    /// a text's metadata, the backups, the shortcuts, the collation.
    pub(super) fn windows_ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.view.paste_mut().is_some() {
            actions.extend(self.paste_window(ctx));
        }
        self.import_path_window(ctx);
        actions.extend(self.import_window(ctx));
        actions.extend(self.groups_window_ui(ctx));
        // A comparison opened from a study window docks below the texts when some are open:
        // the window then stands clear of it, at the head of the window.
        let docks =
            !self.desk.panes().is_empty() && !self.comparison.as_ref().is_some_and(|c| c.is_full());
        if let Some(state) = &mut self.study.index_view {
            let done = crate::ui::index_view::index_ui(
                ctx,
                state,
                super::study::index_of(&self.study.people, &self.study.with_own),
            );
            crate::ui::keep_study_window_clear(ctx, "index", &done, docks);
            actions.extend(done);
        }
        if let Some(state) = &mut self.study.glossary_view {
            actions.extend(crate::ui::glossary_view::glossary_ui(
                ctx,
                state,
                super::study::glossary_of(&self.study.glossary, &self.study.with_own),
            ));
        }
        if let Some(state) = self.view.timeline_mut() {
            let done = crate::ui::timeline_view::timeline_ui(ctx, state);
            crate::ui::keep_study_window_clear(ctx, "timeline", &done, docks);
            actions.extend(done);
        }
        if let Some(state) = &mut self.search.search_all {
            let done = search_all_ui(ctx, state);
            crate::ui::keep_study_window_clear(ctx, "search", &done, docks);
            actions.extend(done);
            let wanted = (state.query.clone(), state.options);
            if state.searched.as_ref().map(|(q, o, _, _)| (q.clone(), *o)) != Some(wanted) {
                ctx.request_repaint();
            }
        }

        if let Some(text) = self
            .view
            .info_text()
            .and_then(|id| self.library.get(id))
            .cloned()
        {
            actions.extend(text_info_window(ctx, &text));
        }
        if let Some(backups) = self.view.backups() {
            let now = self.notebook.contents().counts();
            let editable = !self.notebook.is_read_only();
            actions.extend(backups_window(ctx, backups, now, editable));
        }
        if self.view.shortcuts_shown() {
            self.shortcuts_window(ctx);
        }
        self.keep_collation_current(ctx);
        if let Some((name, bytes)) = self.collation.window_ui(ctx) {
            self.start_export(bytes, name, ctx);
        }
        actions
    }
}

/// What shows a recovered record where it now is: its passage, its comparison, or Restore
/// from the Trash.
fn show_recovered(place: &crate::storage::notebook_dir::RecoveredPlace) -> Option<Action> {
    use crate::storage::notebook_dir::RecoveredPlace;
    match place {
        RecoveredPlace::Annotations(id) => Some(Action::Annotations(
            AnnotationAction::GoToAnnotation(id.clone()),
        )),
        RecoveredPlace::AnnotationTrash(id) => Some(Action::Annotations(
            AnnotationAction::RestoreAnnotation(id.clone()),
        )),
        RecoveredPlace::ComparisonNotes(id) => Some(Action::Comparison(
            ComparisonAction::OpenComparisonNote(id.clone()),
        )),
        RecoveredPlace::ComparisonNoteTrash(id) => Some(Action::Comparison(
            ComparisonAction::RestoreComparisonNote(id.clone()),
        )),
        RecoveredPlace::Notebook => None,
    }
}

/// The status bar's words for the active pane: its number `n`, the paragraph `at` read of
/// `of`, and how far into the text (`pc`, rounded).
fn pane_status(n: usize, at: usize, of: usize, pc: String) -> String {
    crate::tr!("app-status-pane", pane = n, at = at, of = of, percent = pc)
}

/// The id of the shortcuts window (its place and size are egui's to remember).
pub const SHORTCUTS_WINDOW: &str = "lectern-shortcuts";

/// Every shortcut, grouped by what it works on, each command with all its keys.
fn shortcuts_ui(ui: &mut Ui) {
    use crate::ui::action::{Area, Command};
    let groups = [
        (Area::Desk, crate::tr!("app-shortcuts-reading")),
        (Area::Annotations, crate::tr!("app-shortcuts-annotations")),
        (Area::Comparison, crate::tr!("app-shortcuts-comparing")),
        (Area::Search, crate::tr!("app-shortcuts-finding")),
        (Area::View, crate::tr!("app-shortcuts-window-group")),
        (Area::Files, crate::tr!("app-shortcuts-files")),
    ];
    let ctx = ui.ctx().clone();
    for (group, (area, heading)) in groups.into_iter().enumerate() {
        let commands: Vec<Command> = <Command as strum::IntoEnumIterator>::iter()
            .filter(|c| c.info().area == area && !c.shortcuts().is_empty())
            .collect();
        let extra: Vec<(String, String)> = match area {
            Area::Desk => vec![
                (
                    crate::tr!("app-keys-scroll"),
                    crate::tr!("app-keys-scroll-what"),
                ),
                (
                    crate::tr!("app-keys-home-end"),
                    crate::tr!("app-keys-home-end-what"),
                ),
                (
                    crate::tr!("app-keys-clicks"),
                    crate::tr!("app-keys-clicks-what"),
                ),
                (
                    crate::tr!("app-keys-shift-click"),
                    crate::tr!("app-keys-shift-click-what"),
                ),
                (
                    crate::tr!("app-keys-filter-enter"),
                    crate::tr!("app-keys-filter-enter-what"),
                ),
            ],
            Area::Search => vec![(
                crate::tr!("app-keys-ctrl-click-result"),
                crate::tr!("app-keys-ctrl-click-result-what"),
            )],
            _ => Vec::new(),
        };
        if commands.is_empty() && extra.is_empty() {
            continue;
        }
        ui.add_space(6.0);
        ui.label(RichText::new(heading).strong());
        egui::Grid::new(("shortcuts", group))
            .striped(true)
            .num_columns(2)
            .min_col_width(270.0)
            .show(ui, |ui| {
                for command in commands {
                    // "Ctrl+Y or Ctrl+Shift+Z": each further key joined to those before.
                    let keys = command
                        .shortcuts()
                        .iter()
                        .map(|s| ctx.format_shortcut(s))
                        .reduce(|first, second| {
                            crate::tr!("app-keys-or", first = first, second = second)
                        })
                        .unwrap_or_default();
                    ui.label(keys);
                    ui.label(command.label());
                    ui.end_row();
                }
                for (keys, what) in &extra {
                    ui.label(keys.as_str());
                    ui.label(what.as_str());
                    ui.end_row();
                }
            });
    }
}
