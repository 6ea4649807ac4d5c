//! Terms across translations (View ▸ Terms across translations…): the words the texts turn
//! on, each with its renderings in Russian and the English translations. Choosing a term marks
//! every rendering of it in the open panes and in the comparison.

use std::collections::HashMap;

use egui::{RichText, Ui};

use crate::model::glossary::{Glossary, Rendering, Term};
use crate::ui::action::{Action, SearchAction};

/// Where a term's renderings are in a comparison: by (segment, witness), characters of the
/// witness's wording there.
pub type TermCells = HashMap<(usize, usize), Vec<crate::model::text::CharRange>>;

/// What a term's renderings in a comparison were found for: the comparison's id, its
/// witnesses' labels in their order, and the term's id.
pub type TermCellsKey = (String, Vec<String>, String);

/// The state of the Terms across translations window.
#[derive(Clone, Debug, Default)]
pub struct GlossaryViewState {
    /// Per term (in the glossary's order), per rendering: how often the library has it.
    pub counts: Vec<Vec<usize>>,
    /// The chosen term's id.
    pub chosen: Option<String>,
    /// Whether the open panes and the comparison mark the chosen term.
    pub show_marks: bool,
    /// Every rendering of the chosen term, by text id, for the panes.
    pub marked: crate::ui::desk::MarkedRanges,
    /// The chosen term's renderings in the open comparison, and which comparison and term
    /// they were found for (its id, its witnesses' labels in their order, the term's id).
    pub in_comparison: Option<(TermCellsKey, TermCells)>,
    /// A term of the reader's own, being written.
    pub draft: TermDraft,
}

/// A term of the reader's own, as typed in the window.
#[derive(Clone, Debug, Default)]
pub struct TermDraft {
    /// The concept (“Federation (федерация)”).
    pub concept: String,
    /// What it is.
    pub about: String,
    /// Where that comes from.
    pub source: String,
    /// One rendering a line: `ru: федераци* — Russian`.
    pub renderings: String,
}

impl TermDraft {
    /// The term typed, when it has a concept, a description and two renderings (a line each,
    /// `language: words`, then ` — where it is used` if said).
    pub fn term(&self) -> Option<Term> {
        let renderings: Vec<Rendering> = self
            .renderings
            .lines()
            .filter_map(|line| {
                let (language, rest) = line.split_once(':')?;
                let (text, used_in) = match rest.split_once(" — ") {
                    Some((text, used_in)) => (text, used_in.trim()),
                    None => (rest, "The reader"),
                };
                let (language, text) = (language.trim(), text.trim());
                (!language.is_empty() && !text.is_empty()).then(|| Rendering {
                    language: language.to_owned(),
                    text: text.to_owned(),
                    used_in: used_in.to_owned(),
                })
            })
            .collect();
        let concept = self.concept.trim();
        if concept.is_empty() || self.about.trim().is_empty() || renderings.len() < 2 {
            return None;
        }
        Some(Term {
            id: String::new(),
            concept: concept.to_owned(),
            about: self.about.trim().to_owned(),
            source: if self.source.trim().is_empty() {
                "The reader".to_owned()
            } else {
                self.source.trim().to_owned()
            },
            renderings,
        })
    }
}

/// Draws Terms across translations; returns what the reader did.
pub fn glossary_ui(
    ctx: &egui::Context,
    state: &mut GlossaryViewState,
    glossary: &Glossary,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut open = true;
    crate::ui::study_window(
        "glossary",
        &crate::tr!("study-glossary-title"),
        ctx,
        (640.0, 480.0),
    )
    .open(&mut open)
    .show(ctx, |ui| {
        ui.checkbox(
            &mut state.show_marks,
            crate::tr!("study-glossary-show-marks"),
        );
        ui.separator();
        ui.columns(2, |columns| {
            egui::ScrollArea::vertical()
                .id_salt("glossary-terms")
                .show(&mut columns[0], |ui| {
                    add_term_ui(ui, state, &mut actions);
                    terms_ui(ui, state, glossary, &mut actions);
                });
            egui::ScrollArea::vertical()
                .id_salt("glossary-term")
                .show(&mut columns[1], |ui| chosen_ui(ui, state, glossary));
        });
    });
    if !open {
        actions.push(Action::Search(SearchAction::CloseGlossary));
    }
    actions
}

/// Each term with how often the library renders it; a click chooses one.
fn terms_ui(
    ui: &mut Ui,
    state: &GlossaryViewState,
    glossary: &Glossary,
    actions: &mut Vec<Action>,
) {
    for (number, term) in glossary.terms().iter().enumerate() {
        let found: usize = state.counts.get(number).map_or(0, |c| c.iter().sum());
        let chosen = state.chosen.as_deref() == Some(term.id.as_str());
        let label = format!("{} — {found}", term.concept);
        if ui.selectable_label(chosen, label).clicked() {
            actions.push(Action::Search(SearchAction::ChooseTerm(
                (!chosen).then(|| term.id.clone()),
            )));
        }
    }
}

/// The chosen term: what it is, with its source, and its renderings by language.
fn chosen_ui(ui: &mut Ui, state: &GlossaryViewState, glossary: &Glossary) {
    let Some((number, term)) = state.chosen.as_deref().and_then(|id| glossary.find(id)) else {
        ui.weak(crate::tr!("study-glossary-choose"));
        return;
    };
    ui.label(RichText::new(&term.concept).strong());
    ui.label(&term.about);
    ui.label(
        RichText::new(crate::tr!(
            "study-glossary-source",
            source = crate::ui::source_shown(&term.source)
        ))
        .weak()
        .small(),
    );
    ui.separator();
    egui::Grid::new("glossary-renderings")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new(crate::tr!("study-glossary-rendering")).strong());
            ui.label(RichText::new(crate::tr!("study-glossary-in-library")).strong());
            ui.label(RichText::new(crate::tr!("study-glossary-used-in")).strong());
            ui.end_row();
            for (index, rendering) in term.renderings.iter().enumerate() {
                let shown = rendering.text.replace('*', "…");
                ui.label(format!("{} ({})", shown, rendering.language));
                let found = state
                    .counts
                    .get(number)
                    .and_then(|c| c.get(index))
                    .copied()
                    .unwrap_or_default();
                ui.label(found.to_string());
                ui.label(RichText::new(&rendering.used_in).small());
                ui.end_row();
            }
        });
    ui.add_space(4.0);
    ui.weak(crate::tr!("study-glossary-endings"));
}

/// The form that adds a term of the reader's own.
fn add_term_ui(ui: &mut Ui, state: &mut GlossaryViewState, actions: &mut Vec<Action>) {
    egui::CollapsingHeader::new(crate::tr!("study-glossary-add-term-head")).show(ui, |ui| {
        let draft = &mut state.draft;
        for (label, text) in [
            (crate::tr!("study-glossary-concept"), &mut draft.concept),
            (crate::tr!("study-glossary-what-it-is"), &mut draft.about),
            (crate::tr!("study-glossary-term-source"), &mut draft.source),
        ] {
            let label = ui.label(label);
            ui.add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
        }
        let label = ui.label(crate::tr!("study-glossary-renderings"));
        ui.add(
            egui::TextEdit::multiline(&mut draft.renderings)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        let term = draft.term();
        if ui
            .add_enabled(
                term.is_some(),
                egui::Button::new(crate::tr!("study-glossary-add-term")),
            )
            .on_hover_text(crate::tr!("study-glossary-add-term-tip"))
            .clicked()
            && let Some(term) = term
        {
            actions.push(Action::Search(SearchAction::AddTerm(Box::new(term))));
            state.draft = TermDraft::default();
        }
    });
}
