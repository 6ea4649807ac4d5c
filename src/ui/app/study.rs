//! The study tools' windows beside People and places: the timeline, and terms across
//! translations with their renderings marked in the panes and the comparison.

use super::*;
use crate::model::glossary::Glossary;
use crate::ui::glossary_view::{GlossaryViewState, TermCells};

/// What the carried notes of the open comparison were found for: the notebook's revision, the
/// comparison, its witnesses in their order, and what counts as different.
pub type CarriedKey = (u64, String, Vec<String>, Normalization);

/// The glossary, read the first time it is wanted.
pub(super) fn glossary(cell: &std::sync::OnceLock<Glossary>) -> &Glossary {
    cell.get_or_init(Glossary::bundled)
}

impl LecternApp {
    /// Opens the timeline of the library's documents and the texts' events.
    pub(super) fn open_timeline(&mut self) {
        let (entries, undated) = crate::model::timeline::timeline(
            &self.library,
            &crate::model::timeline::bundled_events(),
        );
        self.view.timeline = Some(crate::ui::timeline_view::TimelineViewState::new(
            entries, undated,
        ));
    }

    /// Opens Terms across translations, with how often the library has each rendering.
    pub(super) fn open_glossary(&mut self) {
        let glossary = glossary(&self.search.glossary);
        let mut counts: Vec<Vec<usize>> = glossary
            .terms()
            .iter()
            .map(|t| vec![0; t.renderings.len()])
            .collect();
        for text in self.library.texts() {
            for found in glossary.found_in(text.content()) {
                counts[found.term][found.rendering] += 1;
            }
        }
        let state = self
            .search
            .glossary_view
            .get_or_insert_with(|| GlossaryViewState {
                show_marks: true,
                ..GlossaryViewState::default()
            });
        state.counts = counts;
        let chosen = state.chosen.clone();
        self.choose_term(chosen);
    }

    /// Chooses a term (or none): its renderings are marked in every text.
    pub(super) fn choose_term(&mut self, id: Option<String>) {
        let glossary = glossary(&self.search.glossary);
        let Some(state) = &mut self.search.glossary_view else {
            return;
        };
        state.marked.clear();
        state.in_comparison = None;
        state.chosen = id.filter(|id| glossary.find(id).is_some());
        let Some((number, _)) = state.chosen.as_deref().and_then(|id| glossary.find(id)) else {
            return;
        };
        for text in self.library.texts() {
            let ranges = glossary.ranges_of(number, text.content());
            if !ranges.is_empty() {
                state.marked.insert(text.id().to_owned(), ranges);
            }
        }
    }

    /// Carries the notes on the open comparison's witnesses to the others, when the notes,
    /// the comparison or what counts as different changed.
    pub(super) fn refresh_carried(&mut self) {
        let Some(state) = &self.comparison else {
            self.view.carried = None;
            return;
        };
        let comparison = &state.comparison;
        let key: CarriedKey = (
            self.notebook.revision(),
            comparison.id.clone(),
            comparison
                .witnesses
                .iter()
                .map(|w| w.label.clone())
                .collect(),
            state.normalization,
        );
        if self.view.carried.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let library = &self.library;
        let text_of = |id: &str| library.get(id).map(|t| t.content());
        let placed = self
            .notebook
            .annotations()
            .live()
            .iter()
            .map(|a| a.as_ref())
            .filter(|a| !self.notebook.is_orphan(&a.annotation_id));
        let notes = self.notebook.comparison_notes();
        let on = crate::model::carry::witness_notes(comparison, notes, placed, &text_of);
        let carried = crate::model::carry::carry(comparison, &on, notes, &state.normalization);
        self.view.carried = Some((key, carried));
    }

    /// Copies a carried note to the witness it was carried to, as a note of its own.
    pub(super) fn copy_carried_note(&mut self, index: usize) {
        if !self.editable() {
            return;
        }
        let (Some(state), Some((_, carried))) = (&self.comparison, &self.view.carried) else {
            return;
        };
        let Some(carried) = carried.get(index) else {
            return;
        };
        let note = crate::model::carry::copy(
            &state.comparison,
            carried,
            clock::new_annotation_id(),
            &clock::now(),
        );
        let readers_comparison = state.readers_own.then(|| state.comparison.clone());
        self.edit(Edit::AddComparisonNote {
            note,
            readers_comparison,
        });
    }

    /// Finds the chosen term's renderings in the open comparison, when it or the term
    /// changed.
    pub(super) fn refresh_term_marks(&mut self) {
        let (Some(state), Some(comparison)) = (&mut self.search.glossary_view, &self.comparison)
        else {
            return;
        };
        let Some(term_id) = state.chosen.clone() else {
            return;
        };
        let comparison = &comparison.comparison;
        let key = (
            comparison.id.clone(),
            comparison.witnesses.len(),
            term_id.clone(),
        );
        if state.in_comparison.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let glossary = glossary(&self.search.glossary);
        let Some((number, _)) = glossary.find(&term_id) else {
            return;
        };
        let mut cells = TermCells::new();
        for (w, witness) in comparison.witnesses.iter().enumerate() {
            for (segment, text) in witness.segments.iter().enumerate() {
                let Some(text) = text else { continue };
                let ranges = glossary.ranges_of(number, &text.text);
                if !ranges.is_empty() {
                    cells.insert((segment, w), ranges);
                }
            }
        }
        state.in_comparison = Some((key, cells));
    }
}

/// The chosen term's renderings in the open comparison (`open`: its id and number of
/// witnesses), when they are to be marked.
pub(super) fn term_cells(search: &Search, open: Option<(String, usize)>) -> Option<&TermCells> {
    let state = search.glossary_view.as_ref()?;
    let (open_id, open_witnesses) = open?;
    let ((id, witnesses, _), cells) = state.in_comparison.as_ref()?;
    (state.show_marks && *id == open_id && *witnesses == open_witnesses).then_some(cells)
}
