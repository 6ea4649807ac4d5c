//! Find in the current text (Ctrl+F): a bar above the panes; matches are found as the reader
//! types, all of them marked in the pane, the current one selected and scrolled into view.

use std::ops::Range;

use egui::{Key, Modifiers, RichText, Ui};

use crate::model::search::SearchOptions;
use crate::ui::action::Action;

/// At most this many matches of one text are placed and marked (all are counted).
pub const MARKED_MATCHES: usize = 5_000;

/// The find bar's state.
#[derive(Clone, Debug, Default)]
pub struct FindState {
    /// What the reader typed.
    pub query: String,
    /// Whole words, match case.
    pub options: SearchOptions,
    /// The text searched.
    pub text_id: String,
    /// The matches placed (character ranges), in order.
    pub matches: Vec<Range<usize>>,
    /// All matches, placed or not.
    pub count: usize,
    /// The match stepped to.
    pub current: Option<usize>,
    /// Whether the text's folded copy is still being built.
    pub preparing: bool,
    /// Move the keyboard focus to the query field.
    pub focus: bool,
    /// (text, query, options) the matches were found for.
    pub searched: Option<(String, String, SearchOptions)>,
}

impl FindState {
    /// Steps to the next (`forward`) or previous match, wrapping around.
    pub fn step(&mut self, forward: bool) -> Option<Range<usize>> {
        let len = self.matches.len();
        if len == 0 {
            self.current = None;
            return None;
        }
        let next = match (self.current, forward) {
            (None, _) => 0,
            (Some(c), true) => (c + 1) % len,
            (Some(c), false) => (c + len - 1) % len,
        };
        self.current = Some(next);
        self.matches.get(next).cloned()
    }
}

/// Draws the find bar for the text titled `title`.
pub fn find_bar_ui(ui: &mut Ui, state: &mut FindState, title: &str) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(format!("Find in “{title}”"));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut state.query)
                    .desired_width(200.0)
                    .hint_text("word or phrase"),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut state.focus) {
            field.request_focus();
        }
        if field.has_focus() || field.lost_focus() {
            let (enter, shift_enter, escape) = ui.input_mut(|i| {
                (
                    i.consume_key(Modifiers::NONE, Key::Enter),
                    i.consume_key(Modifiers::SHIFT, Key::Enter),
                    i.consume_key(Modifiers::NONE, Key::Escape),
                )
            });
            if enter {
                actions.push(Action::FindNext);
                field.request_focus();
            } else if shift_enter {
                actions.push(Action::FindPrevious);
                field.request_focus();
            }
            if escape {
                actions.push(Action::CloseFind);
            }
        }
        let status = if state.preparing {
            "preparing…".to_owned()
        } else if state.query.trim().is_empty() {
            String::new()
        } else if state.count == 0 {
            "no matches".to_owned()
        } else {
            match state.current {
                Some(current) => format!("{} of {}", current + 1, state.count),
                None if state.count == 1 => "1 match".to_owned(),
                None => format!("{} matches", state.count),
            }
        };
        ui.label(RichText::new(status).weak());
        for action in [Action::FindPrevious, Action::FindNext] {
            if ui
                .add_enabled(state.count > 0, egui::Button::new(action.label()))
                .on_hover_text(action.label_with_shortcut(ui.ctx()))
                .clicked()
            {
                actions.push(action);
            }
        }
        ui.checkbox(&mut state.options.whole_words, "Whole words");
        ui.checkbox(&mut state.options.match_case, "Match case");
        if ui
            .button("×")
            .accessible_name("Close find")
            .on_hover_text("Close the find bar (Esc)")
            .clicked()
        {
            actions.push(Action::CloseFind);
        }
    });
    actions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_wraps_around_both_ways() {
        let mut state = FindState {
            matches: vec![0..1, 5..6, 9..10],
            count: 3,
            ..FindState::default()
        };
        assert_eq!(state.step(true), Some(0..1));
        assert_eq!(state.step(false), Some(9..10));
        assert_eq!(state.step(true), Some(0..1));
        assert_eq!(state.step(true), Some(5..6));
        let mut empty = FindState::default();
        assert_eq!(empty.step(true), None);
    }
}
