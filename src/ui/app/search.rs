//! Find in the text and Search everything: folded copies made off the UI thread, matches, and going to a match.

use super::LecternApp;
use crate::model::annotation_export::pages_words;
use crate::model::library::Library;
use crate::model::search::Folded;
use crate::model::search::everything::{Hit, Place, WorkIndex, search_everything};
use crate::model::search::fold_query;
use crate::model::selection::Selection;
use crate::model::text::CharRange;
use crate::model::text::Text;
use crate::ui::index_view::{ComparisonHits, MentionCounts};
use crate::ui::search_view::FindState;
use crate::ui::search_view::LISTED_HITS;
use crate::ui::search_view::MARKED_MATCHES;
use crate::ui::search_view::OtherHit;
use crate::ui::search_view::SearchAllState;
use crate::ui::search_view::TextHits;
use std::collections::HashSet;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

/// Find in the text and Search everything, with the folded copies of texts they search.
pub struct Search {
    /// The find bar, while it is open.
    pub find: Option<FindState>,
    /// Search everything, while its window is open.
    pub search_all: Option<SearchAllState>,
    /// Folded copies of texts for search: (text id, match case).
    pub(super) folded: std::collections::HashMap<(crate::model::text::TextId, bool), Arc<Folded>>,
    /// Folded copies being built: (text id, match case) → arrives on `folds`.
    pub(super) folding: HashSet<(crate::model::text::TextId, bool)>,
    pub(super) folds: (std::sync::mpsc::Sender<FoldedCopy>, Receiver<FoldedCopy>),
    /// Texts waiting to be folded, taken by a few workers in turn.
    pub(super) fold_queue: FoldQueue,
    /// Everything but the texts folded for Search everything (notes, tags, notes on
    /// comparisons, comparisons' wordings): (notebook's revision, match case).
    pub(super) work_index: Option<((u64, bool), WorkIndex)>,
}

impl Default for Search {
    fn default() -> Self {
        Self {
            find: None,
            search_all: None,
            folded: std::collections::HashMap::new(),
            folding: HashSet::new(),
            folds: std::sync::mpsc::channel(),
            fold_queue: FoldQueue::default(),
            work_index: None,
        }
    }
}

impl LecternApp {
    /// Finds the query again when the text, the query or the options changed, building the
    /// text's folded copy in the background first.
    /// Takes the folded copies the worker has finished.
    pub(super) fn collect_folds(&mut self) {
        while let Ok((key, folded)) = self.search.folds.1.try_recv() {
            self.search.folding.remove(&key);
            self.search.folded.insert(key, Arc::new(folded));
        }
    }

    /// The folded copy of a text for searching, or None while it is built in the background
    /// (started here if it is not yet).
    /// `urgent` puts it before those already waiting (the text of the find bar before the
    /// rest of the library).
    pub(super) fn folded_copy(
        &mut self,
        text: &Arc<Text>,
        match_case: bool,
        urgent: bool,
        ctx: &egui::Context,
    ) -> Option<Arc<Folded>> {
        let key = (text.id().to_owned(), match_case);
        if let Some(folded) = self.search.folded.get(&key) {
            return Some(folded.clone());
        }
        if self.search.folding.insert(key.clone()) {
            let job = FoldJob {
                key,
                text: text.clone(),
                done: self.search.folds.0.clone(),
                repaint: ctx.clone(),
            };
            self.search.fold_queue.push(job, urgent);
        }
        None
    }

    /// Finds the query again when the text, the query or the options changed, building the
    /// text's folded copy in the background first.
    pub(super) fn update_find(&mut self, ctx: &egui::Context) {
        let Some(find) = &mut self.search.find else {
            return;
        };
        let mut reading_at = 0;
        if let Some(pane) = self.desk.active_pane() {
            find.text_id = pane.text.id().to_owned();
            reading_at = pane
                .text
                .paragraphs()
                .get(pane.view.scroll.paragraph)
                .map_or(0, |p| p.chars.start);
        }
        let (text_id, match_case) = (find.text_id.clone(), find.options.match_case);
        let Some(text) = self.library.get(&text_id).cloned() else {
            return;
        };
        let folded = self.folded_copy(&text, match_case, true, ctx);
        let Some(find) = &mut self.search.find else {
            return;
        };
        let Some(folded) = folded else {
            find.preparing = true;
            return;
        };
        find.preparing = false;
        let wanted = (find.text_id.clone(), find.query.clone(), find.options);
        if find.searched.as_ref() == Some(&wanted) {
            return;
        }
        let needle = fold_query(&find.query, find.options.match_case);
        let (matches, count) = folded.find(text.content(), &needle, find.options, MARKED_MATCHES);
        find.matches = matches.into_iter().map(CharRange).collect();
        find.count = count;
        find.current = None;
        find.from = reading_at;
        find.searched = Some(wanted);
        self.step_find(true);
    }

    /// Searches every kind of the reader's work again when the query, the options, the texts
    /// ready to search or the notebook changed.
    pub(super) fn update_search_all(&mut self, ctx: &egui::Context) {
        let Some(state) = &self.search.search_all else {
            return;
        };
        let revision = self.notebook.revision();
        // Nothing to do in a frame where the query is unchanged and every text was ready.
        let searched_now = state
            .searched
            .as_ref()
            .is_some_and(|(q, o, _, r)| *q == state.query && *o == state.options && *r == revision);
        if searched_now && state.preparing == 0 {
            return;
        }
        let (query, options) = (state.query.clone(), state.options);
        let texts: Vec<Arc<Text>> = self.library.texts().to_vec();
        let mut ready = Vec::new();
        for text in &texts {
            if let Some(folded) = self.folded_copy(text, options.match_case, false, ctx) {
                ready.push((text.clone(), folded));
            }
        }
        let Some(state) = &mut self.search.search_all else {
            return;
        };
        state.preparing = texts.len() - ready.len();
        let wanted = (query.clone(), options, ready.len(), revision);
        if state.searched.as_ref() == Some(&wanted) {
            return;
        }
        state.searched = Some(wanted);
        state.texts.clear();
        state.others.clear();
        state.also_searched.clear();
        if fold_query(&query, options.match_case).is_empty() {
            return;
        }
        self.refresh_study();
        self.refresh_work_index(revision, options.match_case);
        let Some((_, work)) = &self.search.work_index else {
            return;
        };
        let names = super::study::index_of(&self.study.people, &self.study.with_own);
        let found = search_everything(
            &query,
            options,
            names,
            ready.iter().map(|(text, folded)| (&**text, &**folded)),
            work,
            LISTED_HITS,
        );
        let (texts, others) = list_hits(&self.library, found.text_counts, found.hits);
        let Some(state) = &mut self.search.search_all else {
            return;
        };
        state.texts = texts;
        state.others = others;
        state.also_searched = found.also_searched;
    }

    /// Indexes the notebook's notes, tags and comparisons for Search everything again when the
    /// notebook or the case matching changed.
    fn refresh_work_index(&mut self, revision: u64, match_case: bool) {
        let key = (revision, match_case);
        if self
            .search
            .work_index
            .as_ref()
            .is_none_or(|(k, _)| *k != key)
        {
            let work =
                WorkIndex::of_notebook(&self.notebook, &self.bundled_comparisons, match_case);
            self.search.work_index = Some((key, work));
        }
    }

    /// Shows `range` of a library text in the pane showing that text, else in the active pane
    /// as the library opens a text (in a new pane beside it when `beside`), scrolled to and
    /// flashed; `select` selects it too.
    pub(super) fn show_range(
        &mut self,
        text_id: &str,
        range: CharRange,
        select: bool,
        beside: bool,
    ) {
        let Some(text) = self.library.get(text_id).cloned() else {
            return;
        };
        let showing = self
            .desk
            .panes()
            .iter()
            .position(|p| p.text.id() == text_id);
        let pane = match showing {
            Some(index) => {
                self.desk.remember(index);
                index
            }
            None => self.open_for_jump(text.clone(), beside),
        };
        self.desk.focus(pane);
        if let Some(pane) = self.desk.pane_mut(pane) {
            let range = text.clamp_range(range);
            if select {
                pane.view.selection = Some(Selection::from_range(range.clone()));
            }
            pane.view.reveal(range.start);
            pane.view.flash(range);
        }
    }

    /// Selects the next (or previous) match in the active pane and scrolls to it.
    pub(super) fn step_find(&mut self, forward: bool) {
        let Some(find) = &mut self.search.find else {
            return;
        };
        let Some(range) = find.step(forward) else {
            return;
        };
        if let Some(pane) = self.desk.active_pane_mut()
            && pane.text.id() == find.text_id
        {
            pane.view.selection = Some(Selection::from_range(range.clone()));
            pane.view.reveal(range.start);
        }
    }
}

/// A text's folded copy for search, keyed by (text id, match case).
/// Search everything's results as listed: each text with its count and its first matches, and
/// every other kind of hit with the words that say where it is.
fn list_hits(
    library: &Library,
    text_counts: Vec<(crate::model::text::TextId, usize)>,
    hits: Vec<Hit>,
) -> (Vec<TextHits>, Vec<OtherHit>) {
    let title = |id: &str| {
        library
            .get(id)
            .map_or_else(|| id.to_owned(), |t| t.meta().title.clone())
    };
    let mut texts: Vec<TextHits> = text_counts
        .into_iter()
        .map(|(text_id, count)| TextHits {
            title: title(&text_id),
            text_id,
            count,
            hits: Vec::new(),
        })
        .collect();
    let mut others = Vec::new();
    for hit in hits {
        let place = match &hit.place {
            Place::TextPassage { text_id, range, .. } => {
                if let Some(text) = texts.iter_mut().find(|t| t.text_id == *text_id) {
                    let page = library
                        .get(text_id)
                        .and_then(|t| pages_words(t, range.clone()));
                    text.hits
                        .push((range.clone(), page, hit.snippet, hit.snippet_match));
                }
                continue;
            }
            Place::AnnotationNote { text_id, .. } => {
                crate::tr!("app-hit-note-on-text", title = title(text_id))
            }
            Place::AnnotationTag { text_id, tag, .. } => {
                crate::tr!("app-hit-tag-on-text", tag = tag, title = title(text_id))
            }
            Place::ComparisonNote {
                comparison_title: of,
                segment_label: at,
                ..
            } => crate::tr!("app-hit-comparison-note", title = of, segment = at),
            Place::ComparisonWording {
                comparison_title: of,
                segment_label: at,
                witness_label: by,
                ..
            } => crate::tr!("app-hit-wording", title = of, segment = at, witness = by),
        };
        others.push(OtherHit { hit, place });
    }
    (texts, others)
}

pub(super) type FoldedCopy = ((crate::model::text::TextId, bool), Folded);

/// A text to fold for search, and where to send its folded copy.
pub(super) struct FoldJob {
    key: (crate::model::text::TextId, bool),
    text: Arc<Text>,
    done: std::sync::mpsc::Sender<FoldedCopy>,
    repaint: egui::Context,
}

/// Texts waiting to be folded, the one the reader waits for first. Rayon's pool (as many
/// workers as cores) does the folding: each job pushed gives the pool one task, which folds
/// whichever text is first in line when it runs, so an urgent text overtakes those queued
/// before it and a library of a hundred volumes never starts a hundred threads.
#[derive(Default)]
pub(super) struct FoldQueue {
    waiting: Arc<std::sync::Mutex<std::collections::VecDeque<FoldJob>>>,
}

impl FoldQueue {
    pub(super) fn push(&self, job: FoldJob, urgent: bool) {
        let Ok(mut waiting) = self.waiting.lock() else {
            return;
        };
        if urgent {
            waiting.push_front(job);
        } else {
            waiting.push_back(job);
        }
        drop(waiting);
        let waiting = self.waiting.clone();
        rayon::spawn(move || {
            let job = waiting.lock().ok().and_then(|mut w| w.pop_front());
            if let Some(job) = job {
                let folded = Folded::new(job.text.content(), job.key.1);
                let _ = job.done.send((job.key, folded));
                job.repaint.request_repaint();
            }
        });
    }
}

impl LecternApp {
    /// Opens People and places with each entity's count of mentions in the library.
    pub(super) fn open_index(&mut self) {
        self.refresh_study();
        let people = super::study::index_of(&self.study.people, &self.study.with_own);
        let counts = people
            .mentioned(self.library.texts(), self.comparisons_to_index())
            .into_iter()
            .map(|found| MentionCounts {
                mentions: found.mentions,
                texts: found.texts.len(),
                comparisons: found.comparisons.len(),
            })
            .collect();
        let state = self.study.index_view.get_or_insert_with(Default::default);
        state.counts = counts;
        let chosen = state.chosen.clone();
        self.choose_entity(chosen);
    }

    /// Chooses a person or place (or none) and lists its mentions by text.
    pub(super) fn choose_entity(&mut self, id: Option<String>) {
        self.refresh_study();
        let people = super::study::index_of(&self.study.people, &self.study.with_own);
        let Some(state) = &mut self.study.index_view else {
            return;
        };
        state.hits.clear();
        state.comparison_hits.clear();
        state.marked.clear();
        state.chosen = id.filter(|id| people.find(id).is_some());
        let Some((number, _)) = state.chosen.as_deref().and_then(|id| people.find(id)) else {
            return;
        };
        for text in self.library.texts() {
            let mentions: Vec<_> = people
                .mentions(text)
                .into_iter()
                .filter(|m| m.entity == number)
                .collect();
            if mentions.is_empty() {
                continue;
            }
            state.marked.insert(
                text.id().to_owned(),
                mentions.iter().map(|m| m.range.clone()).collect(),
            );
            let hits = mentions
                .iter()
                .take(LISTED_HITS)
                .map(|m| {
                    let (line, at) =
                        crate::model::search::context(text.content(), m.range.range(), 60);
                    let page = pages_words(text, m.range.clone());
                    (m.range.clone(), page, line, at)
                })
                .collect();
            state.hits.push(TextHits {
                text_id: text.id().to_owned(),
                title: text.meta().display_title().to_owned(),
                count: mentions.len(),
                hits,
            });
        }
        let mut comparison_hits = Vec::new();
        for comparison in self.comparisons_to_index() {
            let mut found = ComparisonHits {
                comparison_id: comparison.id.clone(),
                title: comparison.title.clone(),
                count: 0,
                hits: Vec::new(),
            };
            for (segment, witness, wording) in comparison.wordings() {
                let text = wording.text.as_str();
                let counted_in_a_text = wording
                    .source_text
                    .as_ref()
                    .is_some_and(|id| self.library.get(id).is_some());
                if counted_in_a_text {
                    continue;
                }
                for mention in people.mentions_in(text) {
                    if mention.entity != number {
                        continue;
                    }
                    found.count += 1;
                    if found.hits.len() < LISTED_HITS {
                        let (line, at) =
                            crate::model::search::context(text, mention.range.range(), 60);
                        found.hits.push((segment, witness.to_owned(), line, at));
                    }
                }
            }
            if found.count > 0 {
                comparison_hits.push(found);
            }
        }
        if let Some(state) = &mut self.study.index_view {
            state.comparison_hits = comparison_hits;
        }
    }

    /// The comparisons whose wordings People and places counts: the bundled ones and the
    /// reader's own that are kept in the notebook (those with notes).
    fn comparisons_to_index(&self) -> impl Iterator<Item = &crate::model::comparison::Comparison> {
        self.bundled_comparisons
            .iter()
            .chain(self.notebook.noted_comparisons())
    }
}
