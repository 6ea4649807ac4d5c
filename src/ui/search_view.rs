//! Find in the current text (Ctrl+F): a bar above the panes; matches are found as the reader
//! types, all of them marked in the pane, the current one selected and scrolled into view.

use crate::model::text::CharRange;
use crate::model::text::TextId;
use std::ops::Range;

use egui::{Key, Modifiers, RichText, Ui};

use crate::model::search::SearchOptions;
use crate::model::search::everything::{Hit, HitKind, Place};
use crate::ui::action::{Action, AnnotationAction, ComparisonAction, SearchAction, action_ui};

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
    pub text_id: TextId,
    /// The matches placed (character ranges), in order.
    pub matches: Vec<CharRange>,
    /// All matches, placed or not.
    pub count: usize,
    /// The match stepped to.
    pub current: Option<usize>,
    /// Whether the text's folded copy is still being built.
    pub preparing: bool,
    /// Move the keyboard focus to the query field.
    pub focus: bool,
    /// (text, query, options) the matches were found for.
    pub searched: Option<(crate::model::text::TextId, String, SearchOptions)>,
    /// Where the reader is (a character of the text): the first step goes to the first match
    /// from there, not from the top.
    pub from: usize,
}

impl FindState {
    /// Steps to the next (`forward`) or previous match, wrapping around.
    pub fn step(&mut self, forward: bool) -> Option<CharRange> {
        let len = self.matches.len();
        if len == 0 {
            self.current = None;
            return None;
        }
        let next = match (self.current, forward) {
            (None, true) => self
                .matches
                .iter()
                .position(|m| m.start >= self.from)
                .unwrap_or(0),
            (None, false) => self
                .matches
                .iter()
                .rposition(|m| m.start < self.from)
                .unwrap_or(len - 1),
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
        // The message puts the quotation marks (“…” in English, «…» in Russian); the title's
        // own double ones turn single, as print nests them.
        let nested = title.replace('“', "‘").replace('”', "’");
        let label = ui.label(crate::tr!("study-find-in", title = nested));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut state.query)
                    .desired_width(200.0)
                    .hint_text(crate::tr!("study-find-hint")),
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
                actions.push(Action::Search(SearchAction::FindNext));
                field.request_focus();
            } else if shift_enter {
                actions.push(Action::Search(SearchAction::FindPrevious));
                field.request_focus();
            }
            if escape {
                actions.push(Action::Search(SearchAction::CloseFind));
            }
        }
        let status = if state.preparing {
            crate::tr!("study-find-preparing")
        } else if state.query.trim().is_empty() {
            String::new()
        } else if state.count == 0 {
            crate::tr!("study-find-no-matches")
        } else {
            match state.current {
                Some(current) => crate::tr!(
                    "study-find-current-of",
                    current = current + 1,
                    count = state.count
                ),
                None => crate::tr!("study-find-matches", count = state.count),
            }
        };
        ui.label(RichText::new(status).weak());
        for action in [
            Action::Search(SearchAction::FindPrevious),
            Action::Search(SearchAction::FindNext),
        ] {
            if ui
                .add_enabled(state.count > 0, egui::Button::new(action.label()))
                .on_hover_text(action.label_with_shortcut(ui.ctx()))
                .clicked()
            {
                actions.push(action);
            }
        }
        options_ui(ui, &mut state.options);
        let close = Action::from(SearchAction::CloseFind);
        if ui
            .button("×")
            .accessible_name(close.label())
            .on_hover_text(close.tooltip())
            .clicked()
        {
            actions.push(close);
        }
    });
    actions
}

/// One text's matches in the search across everything.
#[derive(Clone, Debug, Default)]
pub struct TextHits {
    /// The text.
    pub text_id: TextId,
    /// Its title.
    pub title: String,
    /// All its matches.
    pub count: usize,
    /// The first matches: range, its printed page where the text has pages ("p. 422"), and a
    /// line of context with the match's place in it (chars).
    pub hits: Vec<(CharRange, Option<String>, String, Range<usize>)>,
}

/// A result of Search everything that is not in a text (a note, a tag, a note on a comparison,
/// a comparison's wording), with where it is in the reader's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherHit {
    /// The result.
    pub hit: Hit,
    /// Where it is, with titles: "Note on “The Question of Nationalities”".
    pub place: String,
}

impl OtherHit {
    /// The words of its button: where it is, then the match in its line of context.
    pub fn label(&self) -> String {
        format!("{}: …{}…", self.place, self.hit.snippet)
    }
}

/// The state of Search everything (Ctrl+Shift+F).
#[derive(Clone, Debug, Default)]
pub struct SearchAllState {
    /// What the reader typed.
    pub query: String,
    /// Whole words, match case.
    pub options: SearchOptions,
    /// Matches by text, in library order (texts without matches left out).
    pub texts: Vec<TextHits>,
    /// The other results (notes, tags, notes on comparisons, comparisons' wordings), in the
    /// order of [`HitKind::ALL`].
    pub others: Vec<OtherHit>,
    /// The spellings searched besides the query (of the people and places it names).
    pub also_searched: Vec<String>,
    /// Texts whose folded copies are still being built.
    pub preparing: usize,
    /// Move the keyboard focus to the query field.
    pub focus: bool,
    /// (query, options, texts ready, notebook's revision) the results are for.
    pub searched: Option<(String, SearchOptions, usize, u64)>,
}

/// One text's matches, each with its line of context: a click opens the text there.
pub(crate) fn text_hits_ui(ui: &mut Ui, text: &TextHits, actions: &mut Vec<Action>) {
    let head = format!("{} — {}", text.title, text.count);
    egui::CollapsingHeader::new(head)
        .id_salt(("search-text", &text.text_id))
        .default_open(true)
        .show(ui, |ui| {
            for (range, page, line, at) in &text.hits {
                let place = page.as_ref().map(|p| format!("{p}: ")).unwrap_or_default();
                let job = context_job(ui, &place, line, at.clone());
                let hit = |beside| {
                    Action::from(SearchAction::OpenSearchHit {
                        text_id: text.text_id.clone(),
                        range: range.clone(),
                        beside,
                    })
                };
                let response = ui
                    .add(egui::Button::new(job).frame(false).wrap())
                    .on_hover_text(hit(false).tooltip());
                let mut open = response.clicked().then(|| command_held(ui));
                response.context_menu(|ui| {
                    for beside in [false, true] {
                        if action_ui(ui, hit(beside), true).is_some() {
                            open = Some(beside);
                        }
                    }
                });
                if let Some(beside) = open {
                    actions.push(hit(beside));
                }
            }
            if text.count > text.hits.len() {
                ui.weak(crate::tr!(
                    "study-search-more-in-text",
                    count = text.count - text.hits.len()
                ));
            }
        });
}

/// Shows at most this many matches of one text in the list.
pub const LISTED_HITS: usize = 50;

/// The options of Find and of Search everything: whole words, match case.
fn options_ui(ui: &mut Ui, options: &mut SearchOptions) {
    ui.checkbox(&mut options.whole_words, crate::tr!("study-whole-words"));
    ui.checkbox(&mut options.match_case, crate::tr!("study-match-case"));
}

/// Draws Search everything; returns what the reader did.
pub fn search_all_ui(ctx: &egui::Context, state: &mut SearchAllState) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut open = true;
    // A study window: at the foot of the window's right side, clear of the passage a result
    // opens near the pane's top; named by its key in every language.
    crate::ui::study_window(
        "search",
        &crate::tr!("study-search-title"),
        ctx,
        (520.0, 560.0),
    )
    .open(&mut open)
    .show(ctx, |ui| {
        ui.horizontal_wrapped(|ui| {
            let label = ui
                .label(crate::tr!("study-search-field"))
                .on_hover_text(crate::tr!("study-search-field-tip"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut state.query).desired_width(240.0))
                .labelled_by(label.id);
            if std::mem::take(&mut state.focus) {
                field.request_focus();
            }
            options_ui(ui, &mut state.options);
        });
        let summary = summary_of(state);
        ui.label(RichText::new(summary).weak());
        if !state.also_searched.is_empty() {
            ui.label(
                RichText::new(crate::tr!(
                    "study-search-also-searched",
                    spellings = state.also_searched.join(", ")
                ))
                .weak(),
            )
            .on_hover_text(crate::tr!("study-search-also-searched-tip"));
        }
        ui.separator();
        egui::ScrollArea::vertical().show(ui, |ui| results_ui(ui, state, &mut actions));
    });
    if !open {
        actions.push(Action::Search(SearchAction::CloseSearchAll));
    }
    actions
}

/// What was found, in a line: how many matches in how many texts, and how many other results.
fn summary_of(state: &SearchAllState) -> String {
    let total: usize = state.texts.iter().map(|t| t.count).sum();
    if state.query.trim().is_empty() {
        crate::tr!("study-search-empty")
    } else if state.preparing > 0 {
        crate::tr!(
            "study-search-summary-preparing",
            count = total,
            texts = state.texts.len(),
            others = state.others.len()
        )
    } else {
        crate::tr!(
            "study-search-summary",
            count = total,
            texts = state.texts.len(),
            others = state.others.len()
        )
    }
}

/// What a click on a result asks for: the text at the match, the annotation, the note on its
/// comparison, the comparison at the segment.
pub fn hit_actions(hit: &Hit) -> Vec<Action> {
    match &hit.place {
        Place::TextPassage { text_id, range, .. } => {
            vec![Action::Search(SearchAction::OpenSearchHit {
                text_id: text_id.clone(),
                range: range.clone(),
                beside: false,
            })]
        }
        Place::AnnotationNote { annotation_id, .. }
        | Place::AnnotationTag { annotation_id, .. } => {
            vec![
                Action::Annotations(AnnotationAction::GoToAnnotation(annotation_id.clone())),
                Action::Annotations(AnnotationAction::SelectAnnotation(Some(
                    annotation_id.clone(),
                ))),
            ]
        }
        Place::ComparisonNote { note_id, .. } => vec![Action::Comparison(
            ComparisonAction::OpenComparisonNote(note_id.clone()),
        )],
        Place::ComparisonWording {
            comparison_id,
            segment,
            ..
        } => vec![Action::Comparison(ComparisonAction::OpenComparisonAt {
            comparison_id: comparison_id.clone(),
            segment: *segment,
        })],
    }
}

/// What a click on a result of this kind does, for its tooltip.
fn hover_of(kind: HitKind) -> String {
    match kind {
        HitKind::TextPassage => crate::tr!("study-search-open-text-at-match"),
        HitKind::AnnotationNote | HitKind::AnnotationTag => {
            crate::tr!("study-search-show-annotation")
        }
        HitKind::ComparisonNote => crate::tr!("study-search-open-comparison-at-note"),
        HitKind::ComparisonWording => crate::tr!("study-open-comparison-at-segment"),
    }
}

/// The matches by text, each with its line of context, then the other results by kind.
fn results_ui(ui: &mut Ui, state: &SearchAllState, actions: &mut Vec<Action>) {
    for text in &state.texts {
        text_hits_ui(ui, text, actions);
    }
    for kind in HitKind::ALL {
        let mut of_kind = state
            .others
            .iter()
            .filter(|o| o.hit.kind() == kind)
            .peekable();
        if of_kind.peek().is_none() {
            continue;
        }
        ui.separator();
        ui.label(RichText::new(kind.heading()).strong());
        for other in of_kind {
            let job = context_job(
                ui,
                &format!("{}: ", other.place),
                &other.hit.snippet,
                other.hit.snippet_match.clone(),
            );
            if ui
                .add(egui::Button::new(job).frame(false).wrap())
                .on_hover_text(format!("{} · {}", kind.label(), hover_of(kind)))
                .clicked()
            {
                actions.extend(hit_actions(&other.hit));
            }
        }
    }
}

/// Whether Ctrl (⌘ on a Mac) is held, or was with the click of this frame.
fn command_held(ui: &Ui) -> bool {
    ui.input(|i| {
        i.modifiers.command
            || i.events.iter().any(|event| {
                matches!(event, egui::Event::PointerButton { modifiers, .. } if modifiers.command)
            })
    })
}

/// A line of context with the match in bold, after `place` (where it is) if not empty.
pub(crate) fn context_job(
    ui: &Ui,
    place: &str,
    line: &str,
    at: Range<usize>,
) -> egui::text::LayoutJob {
    let font = egui::FontId::proportional(13.0);
    let color = ui.visuals().text_color();
    let mut job = egui::text::LayoutJob::default();
    if !place.is_empty() {
        job.append(
            place,
            0.0,
            egui::text::TextFormat::simple(font.clone(), ui.visuals().strong_text_color()),
        );
    }
    let before: String = line.chars().take(at.start).collect();
    let hit: String = line.chars().skip(at.start).take(at.len()).collect();
    let after: String = line.chars().skip(at.end).collect();
    let plain = egui::text::TextFormat::simple(font.clone(), ui.visuals().weak_text_color());
    job.append(&format!("…{before}"), 0.0, plain.clone());
    job.append(
        &hit,
        0.0,
        egui::text::TextFormat {
            background: ui.visuals().selection.bg_fill,
            ..egui::text::TextFormat::simple(font, color)
        },
    );
    job.append(&format!("{after}…"), 0.0, plain);
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_wraps_around_both_ways() {
        let mut state = FindState {
            matches: vec![(0..1).into(), (5..6).into(), (9..10).into()],
            count: 3,
            ..FindState::default()
        };
        assert_eq!(state.step(true), Some(CharRange(0..1)));
        assert_eq!(state.step(false), Some(CharRange(9..10)));
        assert_eq!(state.step(true), Some(CharRange(0..1)));
        assert_eq!(state.step(true), Some(CharRange(5..6)));
        let mut empty = FindState::default();
        assert_eq!(empty.step(true), None);
    }
}

#[cfg(test)]
mod find_tests {
    use super::FindState;
    use crate::model::text::CharRange;

    #[test]
    fn the_first_step_goes_to_the_first_match_from_the_reading_position() {
        let mut find = FindState {
            matches: vec![(2..4).into(), (10..12).into(), (30..32).into()],
            from: 11,
            ..FindState::default()
        };
        assert_eq!(find.step(true), Some(CharRange(30..32)));
        assert_eq!(find.step(true), Some(CharRange(2..4)), "wrapping");
        find.current = None;
        assert_eq!(
            find.step(false),
            Some(CharRange(10..12)),
            "back: the last one before it"
        );
        find.current = None;
        find.from = 40;
        assert_eq!(
            find.step(true),
            Some(CharRange(2..4)),
            "none after it: from the top"
        );
    }
}
