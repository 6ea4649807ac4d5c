//! The frame: the window's layout (menus, banners, status bar, side panels, desk, comparison, windows) and the keyboard.

use super::LecternApp;
use crate::storage::reading_state::WindowPlace;
use crate::ui::action::Action;
use crate::ui::action::{AnnotationAction, DeskAction};
use crate::ui::annotations_view::AnnotationsPanel;
use crate::ui::annotations_view::annotations_panel_ui;
use crate::ui::annotations_view::category_color;
use crate::ui::compare_view::comparison_ui;
use crate::ui::compare_view::{ComparisonState, ComparisonView};
use crate::ui::desk::DeskMarks;
use crate::ui::desk::HighlightsByText;
use crate::ui::desk::desk_ui;
use crate::ui::library_view::library_ui;
use crate::ui::reader::FoundMarks;
use crate::ui::reader::ReadingStyle;
use crate::ui::search_view::find_bar_ui;
use egui::Event;
use egui::Ui;

impl LecternApp {
    /// Remembers where the window is and how big (kept with the reading state), unless it is
    /// minimized or full screen.
    fn note_window_place(&mut self, ctx: &egui::Context) {
        let place = ctx.input(|i| {
            let viewport = i.viewport();
            if viewport.minimized == Some(true) || viewport.fullscreen == Some(true) {
                return None;
            }
            let inner = viewport.inner_rect?;
            let corner = viewport.outer_rect.map_or(inner.min, |outer| outer.min);
            Some(WindowPlace {
                x: corner.x,
                y: corner.y,
                width: inner.width(),
                height: inner.height(),
                maximized: viewport.maximized == Some(true),
            })
        });
        if let Some(place) = place.and_then(WindowPlace::sane) {
            self.view.note_window_place(place);
        }
    }

    pub(super) fn shortcut_actions(&self, ctx: &egui::Context) -> Vec<Action> {
        let typing = ctx.text_edit_focused();
        let mut actions = Vec::new();
        ctx.input_mut(|input| {
            for action in Action::with_shortcuts() {
                let belongs_to_text_field = matches!(
                    action,
                    Action::Desk(DeskAction::SelectAll)
                        | Action::Desk(DeskAction::CopySelection)
                        | Action::Desk(DeskAction::CopyWithCitation { .. })
                        | Action::Annotations(AnnotationAction::Undo)
                        | Action::Annotations(AnnotationAction::Redo)
                        | Action::Annotations(AnnotationAction::Highlight(_))
                        | Action::Annotations(AnnotationAction::NoteOnSelection)
                        | Action::Desk(DeskAction::GoBack)
                        | Action::Desk(DeskAction::GoForward)
                );
                if typing && belongs_to_text_field {
                    continue; // the text field being edited takes these keys
                }
                if action.shortcuts().iter().any(|s| input.consume_shortcut(s)) {
                    actions.push(action.clone());
                }
            }
            // The mouse's back and forward buttons, as in a browser.
            if input.pointer.button_pressed(egui::PointerButton::Extra1) {
                actions.push(Action::Desk(DeskAction::GoBack));
            }
            if input.pointer.button_pressed(egui::PointerButton::Extra2) {
                actions.push(Action::Desk(DeskAction::GoForward));
            }
            // The platform turns Ctrl+C (and Ctrl+Shift+C) into a Copy event rather than a
            // key press.
            let citation = Action::Desk(DeskAction::CopyWithCitation { markdown: false });
            if !typing
                && input.events.iter().any(|e| matches!(e, Event::Copy))
                && !actions.contains(&Action::Desk(DeskAction::CopySelection))
                && !actions.contains(&citation)
            {
                actions.push(if input.modifiers.shift {
                    citation
                } else {
                    Action::Desk(DeskAction::CopySelection)
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
            if self.view.library_open() {
                actions.extend(self.library_panel_ui(ui));
            }
            if self.view.annotations_open() {
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
        self.view.configure(ctx);
        self.follow_groups(ctx);
        if let Some(record) = self.view.take_comparison_to_reopen() {
            self.restore_comparison(record, ctx);
        }
        if let Some(inputs) = self.view.take_wordings_to_compare() {
            let labels: Vec<&str> = inputs.iter().map(|i| i.label.as_str()).collect();
            let title = labels.join(" — ");
            self.open_readers_comparison(title, inputs, ctx);
            if let Some(state) = &mut self.comparison {
                state.set_full(true);
            }
        }
        self.note_window_place(ctx);
        self.poll_open_file(ctx);
        self.poll_hand_over(ctx);
        self.sync_study();
        self.refresh_term_marks();
        self.refresh_carried();
        self.poll_export(ctx);
        self.collect_folds();
        self.poll_import();
        self.poll_backups();
        self.poll_text_import(ctx);
        self.poll_import_reference();
        self.drop_hint(ctx);
        self.update_find(ctx);
        self.update_search_all(ctx);
    }

    /// The library panel on the left.
    fn library_panel_ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let open_ids: Vec<&crate::model::text::TextId> =
            self.desk.panes().iter().map(|p| p.text.id()).collect();
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
                    self.view.library_panel_mut(),
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
        let open_ids: Vec<&crate::model::text::TextId> =
            self.desk.panes().iter().map(|p| p.text.id()).collect();
        let selected = self.view.selected_annotation().map(str::to_owned);
        let panel = AnnotationsPanel {
            annotations: self.notebook.annotations(),
            categories: self.notebook.categories(),
            library: &self.library,
            open_text_ids: &open_ids,
            selected: selected.as_deref(),
            orphans: self.notebook.orphans(),
            has_selection: self.has_selection(),
            comparison_notes: self.notebook.comparison_notes(),
            comparison_notes_trash: self.notebook.comparison_notes_trash(),
            revision: self.notebook.revision(),
        };
        let view = self.view.annotations_panel_mut();
        let groups = &mut self.groups;
        egui::Panel::right("lectern-annotations")
            .resizable(true)
            .default_size(320.0)
            .size_range(240.0..=560.0)
            .show(ui, |ui| {
                match super::group_layers::groups_panel_ui(groups, selected.as_deref(), ui) {
                    Some(layer) => actions.extend(layer),
                    None => actions.extend(annotations_panel_ui(ui, &panel, view)),
                }
            });
        actions
    }

    /// The find bar above the panes, while it is open.
    fn find_bar_panel_ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let ctx = ui.ctx().clone();
        let title = self.desk.active_pane().map(|p| p.text.meta().title.clone());
        if let (Some(find), Some(title)) = (&mut self.search.find, title) {
            egui::Panel::top("lectern-find")
                .show(ui, |ui| actions.extend(find_bar_ui(ui, find, &title)));
            let wanted = (find.text_id.clone(), find.query.clone(), find.options);
            if find.searched.as_ref() != Some(&wanted) {
                ctx.request_repaint(); // the matches of what was just typed, next frame
            }
        }
        actions
    }

    /// The categories as the views show them: (id, name, colour).
    pub(super) fn category_colors(&self) -> Vec<(String, String, egui::Color32)> {
        let categories = self.notebook.categories();
        categories
            .iter()
            .map(|c| {
                let color = category_color(categories, Some(&c.category_id));
                (c.category_id.clone(), c.shown_name(), color)
            })
            .collect()
    }

    /// The comparisons the start screen offers, while it shows (no pane open).
    fn showcase(&self) -> Vec<(String, crate::model::comparison::StartScreen)> {
        if !self.desk.panes().is_empty() {
            return Vec::new();
        }
        self.bundled_comparisons
            .iter()
            .filter_map(|c| Some((c.id.clone(), c.start_screen.clone()?)))
            .collect()
    }

    /// The middle of the window: the desk of panes, and the comparison docked below it or
    /// filling the window.
    fn central_ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let style = ReadingStyle {
            font_size: self.view.font_size(),
        };
        self.refresh_highlights(ui.visuals().dark_mode);
        let found_color = crate::ui::theme::reading_colors(ui.visuals().dark_mode).found;
        let note_categories = self.category_colors();
        let categories: Vec<(String, egui::Color32)> = note_categories
            .iter()
            .map(|(_, name, color)| (name.clone(), *color))
            .collect();
        let open_comparison = self.comparison.as_ref().map(ComparisonState::comparison);
        let group_notes = open_comparison
            .map(|c| self.group_notes_on(&c.id))
            .unwrap_or_default();
        let view = ComparisonView {
            group_notes: &group_notes,
            notes: self.notebook.comparison_notes(),
            categories: &note_categories,
            font_size: self.view.font_size(),
            editable: !self.notebook.is_read_only(),
            terms: super::study::term_cells(&self.study, open_comparison),
            carried: self.view.carried_notes(),
        };
        let mut docked_height = None;
        let comparison_fills = match &mut self.comparison {
            Some(state) => state.decide_fills(self.desk.panes().is_empty()),
            None => false,
        };
        if let Some(state) = &mut self.comparison
            && !comparison_fills
        {
            let dock_height = self.view.dock_height();
            let (docked, height) = docked_comparison_ui(ui, state, &view, dock_height);
            actions.extend(docked);
            docked_height = Some(height);
        }
        let showcase = self.showcase();
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
                        found: self.search.find.as_ref().map(|find| {
                            let ranges = find.matches.as_slice();
                            let found = FoundMarks {
                                ranges,
                                color: found_color,
                            };
                            (find.text_id.as_str(), found)
                        }),
                        // The chosen term of the glossary, else the chosen person or place.
                        mentions: self
                            .study
                            .glossary_view
                            .as_ref()
                            .filter(|g| g.show_marks && g.chosen.is_some())
                            .map(|g| (&g.marked, found_color))
                            .or_else(|| {
                                let index = self.study.index_view.as_ref()?;
                                index.show_in_panes.then_some((&index.marked, found_color))
                            }),
                        selected_annotation: self.view.selected_annotation(),
                        categories: &categories,
                        showcase: &showcase,
                    };
                    actions.extend(desk_ui(ui, &mut self.desk, style, &marks))
                }
            });
        if let Some(height) = docked_height {
            self.view.set_dock_height(height);
        }
        actions
    }
}

/// The comparison docked below the reading panes, at the height the reader last gave it; and
/// the height it was shown at.
fn docked_comparison_ui(
    ui: &mut Ui,
    state: &mut ComparisonState,
    view: &ComparisonView<'_>,
    dock_height: Option<f32>,
) -> (Vec<Action>, f32) {
    let mut actions = Vec::new();
    let height = ui.available_height();
    let range = 160.0..=(height - 120.0).max(200.0);
    let remembered = dock_height.unwrap_or(height * 0.55);
    let shown = egui::Panel::bottom("lectern-comparison")
        .resizable(true)
        .default_size(remembered.clamp(*range.start(), *range.end()))
        .size_range(range)
        .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(8.0))
        .show(ui, |ui| actions.extend(comparison_ui(ui, state, view)));
    (actions, shown.response.rect.height().round())
}
