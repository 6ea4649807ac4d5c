//! The library panel: every text by date, grouped by year, with a filter box.

use egui::{Key, Modifiers, RichText, Ui};

use crate::model::library::Library;
use crate::model::text::Text;
use crate::ui::action::{Action, ComparisonAction, DeskAction, FileAction};

/// The library panel's own state.
#[derive(Default)]
pub struct LibraryViewState {
    /// The filter box's text.
    pub filter: String,
    /// Put the keyboard focus in the filter box at the next frame.
    pub focus_filter: bool,
}

/// The id of the filter box (tests and the focus command use it).
pub fn filter_id() -> egui::Id {
    egui::Id::unique("lectern-library-filter")
}

/// Draws the library and returns the user's actions. `open_ids` are the texts shown in panes;
/// `can_open_beside` says whether another pane fits.
pub fn library_ui(
    ui: &mut Ui,
    library: &Library,
    state: &mut LibraryViewState,
    open_ids: &[&crate::model::text::TextId],
    can_open_beside: bool,
    comparisons: &[(String, String)],
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.add_space(6.0);
    ui.heading(crate::tr!("study-library-heading"));
    ui.add_space(4.0);
    filter_ui(ui, state, &mut actions);
    ui.add_space(6.0);
    let matches: Vec<_> = library.filter(&state.filter).collect();
    if matches.is_empty() {
        ui.weak(crate::tr!("study-library-no-match"));
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            comparisons_ui(ui, comparisons, &mut actions);
            let mut year = "";
            for text in matches {
                let this_year = Library::year_of(text);
                if this_year != year {
                    year = this_year;
                    ui.add_space(8.0);
                    let heading = if year == "0000" {
                        crate::tr!("study-library-undated")
                    } else {
                        year.to_owned()
                    };
                    ui.label(RichText::new(heading).size(13.0).strong().weak());
                    ui.separator();
                }
                let is_open = open_ids.contains(&text.id());
                text_entry_ui(ui, text, is_open, can_open_beside, &mut actions);
                ui.add_space(6.0);
            }
        });
    actions
}

/// The filter field: Enter opens the first match, Ctrl+Enter opens it beside.
fn filter_ui(ui: &mut Ui, state: &mut LibraryViewState, actions: &mut Vec<Action>) {
    let label = ui.label(crate::tr!("study-library-filter"));
    let filter = ui.add(
        egui::TextEdit::singleline(&mut state.filter)
            .id(filter_id())
            .hint_text(crate::tr!("study-library-filter-hint"))
            .desired_width(f32::INFINITY),
    );
    let filter = filter.labelled_by(label.id);
    if std::mem::take(&mut state.focus_filter) {
        filter.request_focus();
    }
    if filter.has_focus() || filter.lost_focus() {
        let (enter, ctrl_enter) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::COMMAND, Key::Enter),
            )
        });
        if ctrl_enter {
            actions.push(Action::Desk(DeskAction::OpenFirstMatch { beside: true }));
        } else if enter {
            actions.push(Action::Desk(DeskAction::OpenFirstMatch { beside: false }));
        }
    }
}

/// The bundled comparisons and the reader's own that carry notes.
fn comparisons_ui(ui: &mut Ui, comparisons: &[(String, String)], actions: &mut Vec<Action>) {
    if !comparisons.is_empty() {
        ui.add_space(8.0);
        ui.label(
            RichText::new(crate::tr!("study-library-comparisons"))
                .size(13.0)
                .strong()
                .weak(),
        );
        ui.separator();
        for (id, title) in comparisons {
            let open = Action::Comparison(ComparisonAction::OpenComparison(id.clone()));
            if ui
                .add(
                    egui::Button::new(RichText::new(title).strong())
                        .frame(false)
                        .wrap(),
                )
                .on_hover_text(crate::tr!("study-library-open-comparison-tip"))
                .clicked()
            {
                actions.push(open);
            }
            ui.add_space(4.0);
        }
    }
}

/// One text: its title (which opens it), byline and reference, and Beside, About, Remove.
fn text_entry_ui(
    ui: &mut Ui,
    text: &Text,
    is_open: bool,
    can_open_beside: bool,
    actions: &mut Vec<Action>,
) {
    let meta = text.meta();
    ui.add_space(2.0);
    let title = RichText::new(&meta.title).strong();
    let open = Action::Desk(DeskAction::OpenText {
        text_id: text.id().to_owned(),
        beside: false,
    });
    let response = ui
        .add(egui::Button::new(title).frame(false).wrap())
        .on_hover_text(open.tooltip());
    if response.clicked() {
        actions.push(open);
    }
    if let Some(subtitle) = meta.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
        ui.label(RichText::new(subtitle).small().italics());
    }
    ui.label(RichText::new(meta.byline()).small());
    if let Some(reference) = &meta.reference {
        ui.label(RichText::new(reference).small().weak());
    }
    ui.horizontal(|ui| {
        let beside = Action::Desk(DeskAction::OpenText {
            text_id: text.id().to_owned(),
            beside: true,
        });
        let hover = if can_open_beside {
            beside.tooltip()
        } else {
            crate::tr!("study-library-beside-full-tip")
        };
        if ui
            .add_enabled(
                can_open_beside,
                egui::Button::new(crate::tr!("study-library-beside")).small(),
            )
            .accessible_name(crate::tr!("study-library-beside-name", title = &meta.title))
            .on_hover_text(hover)
            .on_disabled_hover_text(crate::tr!("study-library-beside-disabled-tip"))
            .clicked()
        {
            actions.push(beside);
        }
        let info = Action::Desk(DeskAction::ShowTextInfo(text.id().to_owned()));
        if ui
            .small_button(crate::tr!("study-library-about"))
            .accessible_name(crate::tr!("study-library-about-name", title = &meta.title))
            .on_hover_text(info.tooltip())
            .clicked()
        {
            actions.push(info);
        }
        if text.id().starts_with("import-")
            && ui
                .small_button(crate::tr!("study-library-remove"))
                .accessible_name(crate::tr!("study-library-remove-name", title = &meta.title))
                .on_hover_text(crate::tr!("study-library-remove-tip"))
                .clicked()
        {
            actions.push(Action::Files(FileAction::RemoveImported(
                text.id().to_owned(),
            )));
        }
        if is_open {
            ui.label(
                RichText::new(crate::tr!("study-library-open-mark"))
                    .size(12.0)
                    .weak(),
            );
        }
    });
}
