//! Another member's record, taken up by the reader: gone to (the passage, or the comparison and
//! its segment) and copied into their own notebook. Each is one exhaustive match over what a
//! group can share, so a kind added to [`Shared`] must say here what it does.

use super::LecternApp;
use crate::model::annotation::Annotation;
use crate::model::clock;
use crate::model::comparison::{Comparison, ComparisonNote};
use crate::model::group::{Entry, GroupLayer, Shared, SharedCategory, valid_id};
use crate::model::notebook::Edit;
use crate::ui::compare_view::ComparisonInput;

impl LecternApp {
    /// Goes to what record `record` of `group` is on: an annotation's passage, a note's
    /// comparison at its segment, a comparison itself. Returns what to tell the reader.
    pub(super) fn go_to_record(
        &mut self,
        group: &str,
        record: &str,
        ctx: &egui::Context,
    ) -> Option<String> {
        let entry = self.loaded(group)?.read.layer.entry(record)?;
        let (member, body) = (entry.record.member.clone(), entry.record.body.clone());
        match body {
            Shared::Annotation { annotation, .. } => {
                if let Some(text) = self.library.get(&annotation.text_id).cloned()
                    && let Some(range) = annotation.anchor.resolve(&text).range()
                {
                    self.show_range(annotation.text_id.as_str(), range, false, false);
                    None
                } else {
                    Some(crate::tr!("groups-passage-not-here"))
                }
            }
            Shared::ComparisonNote { note, .. } => {
                let shared = self.shared_comparison(group, &member, &note.comparison_id);
                if self.open_any_comparison(&note.comparison_id, shared, ctx)
                    && let Some(state) = &mut self.comparison
                    && note.segment < state.comparison().segments.len()
                {
                    state.scroll_to_segment(note.segment);
                    None
                } else {
                    Some(crate::tr!("groups-comparison-not-here"))
                }
            }
            // The record's own comparison (unless the reader has one by that id).
            Shared::Comparison { comparison } => {
                let id = comparison.id.clone();
                let usable = usable(&comparison).then_some(comparison);
                (!self.open_any_comparison(&id, usable, ctx))
                    .then(|| crate::tr!("groups-shared-comparison-unusable"))
            }
            // Replies and a thread's state are under their record, which is gone to instead.
            Shared::Reply { .. } | Shared::Thread { .. } => None,
        }
    }

    /// Opens comparison `id` (unless it is open): a bundled one or the reader's own by that id,
    /// else `shared` (a comparison from a group), opened as the reader's own (a note on it keeps
    /// it in their notebook). Whether it is open now.
    fn open_any_comparison(
        &mut self,
        id: &str,
        shared: Option<Comparison>,
        ctx: &egui::Context,
    ) -> bool {
        let is_open = |app: &Self| {
            app.comparison
                .as_ref()
                .is_some_and(|s| s.comparison().id == id)
        };
        if is_open(self) {
            return true;
        }
        if self.bundled_comparisons.iter().any(|c| c.id == id)
            || self.notebook.readers_comparison(id).is_some()
        {
            self.open_comparison(id, ctx);
        } else if let Some(shared) = shared {
            self.show_comparison(ComparisonInput::Ready(shared), true, ctx);
        }
        is_open(self)
    }

    /// The comparison `id` as `group` shares it, for a note by `author` on it: the author's own
    /// copy first, then another member's, verified before unverified, among the records the
    /// reader shows; only a whole comparison with a plain id. (Looked for in the note's group
    /// only: another group's copy of that id is not the one the note is on.)
    fn shared_comparison(&self, group: &str, author: &str, id: &str) -> Option<Comparison> {
        let loaded = self.loaded(group)?;
        let filter = &self.groups.filter;
        let candidates = loaded
            .read
            .layer
            .entries
            .iter()
            .filter_map(|e| match &e.record.body {
                Shared::Comparison { comparison }
                    if comparison.id == id && filter.shows(group, e) && usable(comparison) =>
                {
                    Some((
                        (e.record.member == author, e.authorship.is_verified()),
                        comparison,
                    ))
                }
                Shared::Annotation { .. }
                | Shared::ComparisonNote { .. }
                | Shared::Comparison { .. }
                | Shared::Reply { .. }
                | Shared::Thread { .. } => None,
            });
        // The best rank; among equals, the first (the oldest), whatever a later date says.
        let mut best: Option<((bool, bool), &Comparison)> = None;
        for (rank, comparison) in candidates {
            if best.is_none_or(|(b, _)| rank > b) {
                best = Some((rank, comparison));
            }
        }
        best.map(|(_, comparison)| comparison.clone())
    }

    /// Copies record `record` of `group` into the reader's notebook, theirs to change, with who
    /// wrote it said in the note: an annotation on its passage, a note on a comparison on the
    /// same segment (with the comparison, when the reader has it only from a group). A
    /// comparison is opened instead: the notebook keeps a comparison with the notes on it.
    /// Returns what to tell the reader.
    pub(super) fn copy_to_notebook(&mut self, group: &str, record: &str) -> Option<String> {
        let loaded = self.loaded(group)?;
        let entry = loaded.read.layer.entry(record)?;
        let from = copied_from(&loaded.read.layer, entry, group);
        let member = entry.record.member.clone();
        match entry.record.body.clone() {
            Shared::Annotation {
                annotation,
                category,
            } => {
                let category_id = self.my_category(category.as_ref());
                let now = clock::now();
                let copy = Annotation {
                    annotation_id: clock::new_annotation_id(),
                    category_id,
                    note: with_whose(&annotation.note, &from),
                    created: now.clone(),
                    modified: now,
                    diverged_notes: Vec::new(),
                    ..annotation
                };
                let id = copy.annotation_id.clone();
                if self.edit(Edit::AddAnnotation(copy)) {
                    self.view.select_annotation(Some(id));
                    return Some(crate::tr!("groups-copied"));
                }
                None
            }
            Shared::ComparisonNote { note, category } => {
                let id = note.comparison_id.clone();
                // The comparison it is on: the reader's (bundled or their own), else the one
                // the group shares, kept with the copy; the note's segment must be in it.
                let (segments, readers_comparison) =
                    if let Some(c) = self.bundled_comparisons.iter().find(|c| c.id == id) {
                        (c.segments.len(), None)
                    } else if let Some(c) = self.notebook.readers_comparison(&id) {
                        (c.segments.len(), None)
                    } else {
                        match self.shared_comparison(group, &member, &id) {
                            Some(c) => (c.segments.len(), Some(c)),
                            None => return Some(crate::tr!("groups-comparison-not-here")),
                        }
                    };
                if note.segment >= segments {
                    return Some(crate::tr!("groups-comparison-not-here"));
                }
                let category_id = self.my_category(category.as_ref());
                let now = clock::now();
                let copy = ComparisonNote {
                    note_id: clock::new_annotation_id(),
                    category_id,
                    note: with_whose(&note.note, &from),
                    created: now.clone(),
                    modified: now,
                    // A note of the reader's own, not one carried in their notebook.
                    carried_from: None,
                    ..note
                };
                self.edit(Edit::AddComparisonNote {
                    note: copy,
                    readers_comparison,
                })
                .then(|| crate::tr!("groups-copied"))
            }
            Shared::Comparison { .. } => None,
            Shared::Reply { .. } | Shared::Thread { .. } => None,
        }
    }
}

impl LecternApp {
    /// The reader's category of the name a shared record's category has, if they have one.
    fn my_category(&self, category: Option<&SharedCategory>) -> Option<String> {
        let name = &category?.name;
        self.notebook
            .categories()
            .iter()
            .find(|mine| mine.shown_name() == *name)
            .map(|mine| mine.category_id.clone())
    }
}

/// "From Anna in Seminar" (with "unverified" when the record is not by whom it says).
fn copied_from(layer: &GroupLayer, entry: &Entry, group: &str) -> String {
    let name = layer.member_name(&entry.record.member);
    let who = if entry.authorship.is_verified() {
        name
    } else {
        format!("{name} ({})", crate::tr!("group-unverified"))
    };
    crate::tr!("groups-copied-from", who = who.as_str(), group = group)
}

/// A note copied from another, followed by whose it was.
fn with_whose(note: &str, from: &str) -> String {
    if note.trim().is_empty() {
        from.to_owned()
    } else {
        format!("{}\n\n— {from}", note.trim())
    }
}

/// Whether a comparison from a group can be opened or kept: a plain id (it names files in the
/// reader's notebook) and whole.
fn usable(comparison: &Comparison) -> bool {
    valid_id(&comparison.id) && comparison.validate().is_ok()
}
