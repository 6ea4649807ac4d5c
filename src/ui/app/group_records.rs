//! Another member's record, taken up by the reader: gone to (the passage, or the comparison and
//! its segment) and copied into their own notebook. Each is one exhaustive match over what a
//! group can share, so a kind added to [`Shared`] must say here what it does.

use super::LecternApp;
use crate::model::annotation::Annotation;
use crate::model::clock;
use crate::model::comparison::{Comparison, ComparisonNote};
use crate::model::group::{Entry, GroupLayer, Shared};
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
        let body = self
            .loaded(group)?
            .read
            .layer
            .entry(record)?
            .record
            .body
            .clone();
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
                if self.open_any_comparison(&note.comparison_id, ctx)
                    && let Some(state) = &mut self.comparison
                {
                    state.scroll_to_segment(note.segment);
                    None
                } else {
                    Some(crate::tr!("groups-comparison-not-here"))
                }
            }
            Shared::Comparison { comparison } => (!self.open_any_comparison(&comparison.id, ctx))
                .then(|| crate::tr!("groups-comparison-not-here")),
            // Replies and a thread's state are under their record, which is gone to instead.
            Shared::Reply { .. } | Shared::Thread { .. } => None,
        }
    }

    /// Opens comparison `id` (unless it is open): a bundled one, the reader's own, or, failing
    /// those, one a group shares, opened as the reader's own (a note on it keeps it in their
    /// notebook). Whether it is open now.
    fn open_any_comparison(&mut self, id: &str, ctx: &egui::Context) -> bool {
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
        } else if let Some(shared) = self.shared_comparison(id) {
            self.show_comparison(ComparisonInput::Ready(shared), true, ctx);
        }
        is_open(self)
    }

    /// The comparison `id` as a group shares it (a verified copy before an unverified one), if
    /// it is whole.
    fn shared_comparison(&self, id: &str) -> Option<Comparison> {
        let shared = self.groups.groups.iter().flat_map(|g| {
            g.read
                .layer
                .entries
                .iter()
                .filter_map(|e| match &e.record.body {
                    Shared::Comparison { comparison }
                        if comparison.id == id && comparison.validate().is_ok() =>
                    {
                        Some((e.authorship.is_verified(), comparison))
                    }
                    Shared::Annotation { .. }
                    | Shared::ComparisonNote { .. }
                    | Shared::Comparison { .. }
                    | Shared::Reply { .. }
                    | Shared::Thread { .. } => None,
                })
        });
        shared
            .max_by_key(|(verified, _)| *verified)
            .map(|(_, comparison)| comparison.clone())
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
        match entry.record.body.clone() {
            Shared::Annotation {
                annotation,
                category,
            } => {
                let category_id = category.as_ref().and_then(|c| {
                    self.notebook
                        .categories()
                        .iter()
                        .find(|mine| mine.shown_name() == c.name)
                        .map(|mine| mine.category_id.clone())
                });
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
                }
                None
            }
            Shared::ComparisonNote { note, category } => {
                let id = note.comparison_id.clone();
                let readers_comparison = if self.bundled_comparisons.iter().any(|c| c.id == id)
                    || self.notebook.readers_comparison(&id).is_some()
                {
                    None
                } else {
                    match self.shared_comparison(&id) {
                        Some(comparison) => Some(comparison),
                        None => return Some(crate::tr!("groups-comparison-not-here")),
                    }
                };
                let category_id = category.as_ref().and_then(|c| {
                    self.notebook
                        .categories()
                        .iter()
                        .find(|mine| mine.shown_name() == c.name)
                        .map(|mine| mine.category_id.clone())
                });
                let now = clock::now();
                let copy = ComparisonNote {
                    note_id: clock::new_annotation_id(),
                    category_id,
                    note: with_whose(&note.note, &from),
                    created: now.clone(),
                    modified: now,
                    ..note
                };
                self.edit(Edit::AddComparisonNote {
                    note: copy,
                    readers_comparison,
                });
                None
            }
            Shared::Comparison { .. } => None,
            Shared::Reply { .. } | Shared::Thread { .. } => None,
        }
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
