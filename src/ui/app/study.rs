//! The study tools' windows beside People and places: the timeline, and terms across
//! translations with their renderings marked in the panes and the comparison.

use super::LecternApp;
use crate::model::clock;
use crate::model::comparison::Comparison;
use crate::model::diff::Normalization;
use crate::model::glossary::Glossary;
use crate::model::notebook::Edit;
use crate::model::own_entries::OwnEntries;
use crate::ui::glossary_view::{GlossaryViewState, TermCells};

/// What the carried notes of the open comparison were found for: the comparison, its witnesses
/// in their order, what counts as different, the notes on its witnesses, and the copies made
/// (segment, witness, source); with the notebook's revision they were last looked at in.
pub struct CarriedKey {
    revision: u64,
    comparison: (String, Vec<String>, Normalization),
    notes: Vec<crate::model::carry::WitnessNote>,
    copies: Vec<(usize, Option<String>, String)>,
}

/// Whether `comparison` is the one `id` and `labels` (its witnesses in order) describe: what a
/// cache was made for, checked at every frame without copying anything.
fn is_shown(comparison: &Comparison, id: &str, labels: &[String]) -> bool {
    comparison.id == id
        && comparison
            .witnesses
            .iter()
            .map(|w| &w.label)
            .eq(labels.iter())
}

/// The glossary, read the first time it is wanted.
pub(super) fn glossary(cell: &std::sync::OnceLock<Glossary>) -> &Glossary {
    cell.get_or_init(Glossary::bundled)
}

/// People and places and terms across translations: their windows, the bundled index and
/// glossary (read when first wanted, not at start-up), and both with the reader's own entries.
#[derive(Default)]
pub struct StudyTools {
    /// People and places, while its window is open.
    pub index_view: Option<crate::ui::index_view::IndexViewState>,
    /// The people and places of the index (the bundled ones), read when first wanted.
    pub(super) people: std::sync::OnceLock<crate::model::people_places::Index>,
    /// Terms across translations, while its window is open.
    pub glossary_view: Option<GlossaryViewState>,
    /// The glossary (the bundled one), read when first wanted.
    pub(super) glossary: std::sync::OnceLock<Glossary>,
    /// The index and the glossary with the reader's own entries, and the entries they were
    /// made with.
    pub(super) with_own: Option<WithOwn>,
}

/// The people and places of the index, read the first time they are wanted.
pub(super) fn people(
    cell: &std::sync::OnceLock<crate::model::people_places::Index>,
) -> &crate::model::people_places::Index {
    cell.get_or_init(crate::model::people_places::Index::bundled)
}

/// The index and the glossary with the reader's own entries, and those entries.
pub(super) type WithOwn = (OwnEntries, crate::model::people_places::Index, Glossary);

/// People and places, the reader's own included once they were merged in.
pub(super) fn index_of<'a>(
    bundled: &'a std::sync::OnceLock<crate::model::people_places::Index>,
    with_own: &'a Option<WithOwn>,
) -> &'a crate::model::people_places::Index {
    match with_own {
        Some((_, index, _)) => index,
        None => people(bundled),
    }
}

/// The glossary, the reader's own terms included once they were merged in.
pub(super) fn glossary_of<'a>(
    bundled: &'a std::sync::OnceLock<Glossary>,
    with_own: &'a Option<WithOwn>,
) -> &'a Glossary {
    match with_own {
        Some((_, _, merged)) => merged,
        None => glossary(bundled),
    }
}

impl LecternApp {
    /// Merges the reader's own people, places, spellings and terms with the bundled index and
    /// glossary when they changed; what could not be merged is said in the banner.
    pub(super) fn refresh_study(&mut self) {
        let study = self.notebook.study();
        if self
            .study
            .with_own
            .as_ref()
            .is_some_and(|(s, _, _)| s == study)
            || (self.study.with_own.is_none() && study.is_empty())
        {
            return;
        }
        let (index, mut problems) = study.index(people(&self.study.people));
        let (merged, more) = study.glossary(glossary(&self.study.glossary));
        problems.extend(more);
        self.notices.extend(problems);
        self.study.with_own = Some((study.clone(), index, merged));
    }

    /// Adds a person or place of the reader's own, with an id made from its name.
    pub(super) fn add_entity(&mut self, mut entity: crate::model::people_places::Entity) {
        let index = index_of(&self.study.people, &self.study.with_own);
        let taken: Vec<&str> = index.entities().iter().map(|e| e.id.as_str()).collect();
        entity.id = crate::model::own_entries::own_id(&entity.name, &taken);
        self.change_study(|study| study.people.push(entity));
    }

    /// Adds a spelling to a person or place.
    pub(super) fn add_spelling(&mut self, entity: String, spelling: String) {
        let spelling = spelling.trim().to_owned();
        if spelling.is_empty() {
            return;
        }
        let added = crate::model::own_entries::AddedSpelling { entity, spelling };
        self.change_study(|study| study.spellings.push(added));
    }

    /// Adds a term of the reader's own, with an id made from its concept.
    pub(super) fn add_term(&mut self, mut term: crate::model::glossary::Term) {
        let glossary = glossary_of(&self.study.glossary, &self.study.with_own);
        let taken: Vec<&str> = glossary.terms().iter().map(|t| t.id.as_str()).collect();
        term.id = crate::model::own_entries::own_id(&term.concept, &taken);
        self.change_study(|study| study.terms.push(term));
    }

    /// Changes the reader's own entries (one undoable edit), then counts and marks again.
    fn change_study(&mut self, change: impl FnOnce(&mut OwnEntries)) {
        let mut study = self.notebook.study().clone();
        change(&mut study);
        self.edit(Edit::SetStudy(study));
        self.after_study_changed();
    }

    /// After an undo or a restore: counts and marks again when the reader's entries changed.
    pub(super) fn sync_study(&mut self) {
        let merged = self.study.with_own.as_ref().map(|(s, _, _)| s);
        let wanted = self.notebook.study();
        let stale = match merged {
            Some(merged) => merged != wanted,
            None => !wanted.is_empty(),
        };
        if stale {
            self.after_study_changed();
        }
    }

    /// Counts and marks again in the open windows, with the reader's entries merged in.
    fn after_study_changed(&mut self) {
        self.refresh_study();
        if self.study.index_view.is_some() {
            self.open_index();
        }
        if self.study.glossary_view.is_some() {
            self.open_glossary();
        }
    }

    /// Opens the timeline of the library's documents and the texts' events.
    pub(super) fn open_timeline(&mut self) {
        let (entries, undated) = crate::model::timeline::timeline(
            &self.library,
            &crate::model::timeline::bundled_events(),
        );
        self.view
            .show_timeline(Some(crate::ui::timeline_view::TimelineViewState::new(
                entries, undated,
            )));
    }

    /// Opens Terms across translations, with how often the library has each rendering.
    pub(super) fn open_glossary(&mut self) {
        self.refresh_study();
        let glossary = glossary_of(&self.study.glossary, &self.study.with_own);
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
            .study
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
        self.refresh_study();
        let glossary = glossary_of(&self.study.glossary, &self.study.with_own);
        let Some(state) = &mut self.study.glossary_view else {
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
            self.view.set_carried(None);
            return;
        };
        let comparison = state.comparison();
        let revision = self.notebook.revision();
        let unchanged = |k: &CarriedKey| {
            let (id, labels, normalization) = &k.comparison;
            k.revision == revision
                && *normalization == state.normalization()
                && is_shown(comparison, id, labels)
        };
        if self.view.carried_for().is_some_and(unchanged) {
            return;
        }
        let shown = (
            comparison.id.clone(),
            comparison
                .witnesses
                .iter()
                .map(|w| w.label.clone())
                .collect(),
            state.normalization(),
        );
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
        let copies: Vec<(usize, Option<String>, String)> = notes
            .iter()
            .filter(|n| n.comparison_id == comparison.id)
            .filter_map(|n| {
                let from = n.carried_from.as_ref()?;
                Some((n.segment, n.witness.clone(), from.source.clone()))
            })
            .collect();
        // An edit elsewhere (another text's annotation, a category) changes no carried note:
        // the diffs are not run again.
        if let Some(key) = self.view.carried_for_mut()
            && key.comparison == shown
            && key.notes == on
            && key.copies == copies
        {
            key.revision = revision;
            return;
        }
        let carried = crate::model::carry::carry(comparison, &on, notes, &state.normalization());
        let key = CarriedKey {
            revision,
            comparison: shown,
            notes: on,
            copies,
        };
        self.view.set_carried(Some((key, carried)));
    }

    /// Copies a carried note to the witness it was carried to, as a note of its own.
    pub(super) fn copy_carried_note(&mut self, index: usize) {
        if !self.editable() {
            return;
        }
        let Some(state) = &self.comparison else {
            return;
        };
        let Some(carried) = self.view.carried_notes().get(index) else {
            return;
        };
        let note = crate::model::carry::copy(
            state.comparison(),
            carried,
            clock::new_annotation_id(),
            &clock::now(),
        );
        let readers_comparison = state.is_readers_own().then(|| state.comparison().clone());
        self.edit(Edit::AddComparisonNote {
            note,
            readers_comparison,
        });
    }

    /// Finds the chosen term's renderings in the open comparison, when it or the term
    /// changed.
    pub(super) fn refresh_term_marks(&mut self) {
        let (Some(state), Some(comparison)) = (&mut self.study.glossary_view, &self.comparison)
        else {
            return;
        };
        let Some(term_id) = state.chosen.as_deref() else {
            return;
        };
        let comparison = comparison.comparison();
        // Keyed by the witnesses in their order: a swap or a reorder finds them again.
        let found = |(id, labels, term): &crate::ui::glossary_view::TermCellsKey| {
            term == term_id && is_shown(comparison, id, labels)
        };
        if state.in_comparison.as_ref().is_some_and(|(k, _)| found(k)) {
            return;
        }
        let term_id = term_id.to_owned();
        let key = (
            comparison.id.clone(),
            comparison
                .witnesses
                .iter()
                .map(|w| w.label.clone())
                .collect(),
            term_id.clone(),
        );
        let glossary = glossary_of(&self.study.glossary, &self.study.with_own);
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

/// The chosen term's renderings in the open comparison (`open`: its id and its witnesses'
/// labels in their order), when they are to be marked and were found for it as it is.
pub(super) fn term_cells<'a>(
    study: &'a StudyTools,
    open: Option<&Comparison>,
) -> Option<&'a TermCells> {
    let state = study.glossary_view.as_ref()?;
    let ((id, witnesses, _), cells) = state.in_comparison.as_ref()?;
    (state.show_marks && is_shown(open?, id, witnesses)).then_some(cells)
}
