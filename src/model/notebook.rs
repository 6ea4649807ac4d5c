//! The reader's work in one model: the [`Notebook`].
//!
//! A notebook holds everything the reader made: the categories, the annotations and their
//! trash, the notes on comparisons, the reader's own comparisons that carry notes, the undo
//! history, a revision counter, and which annotations are orphans (their passage could not be
//! found in the text as it is now).
//!
//! There is one way in: [`Notebook::edit`]. Every change the reader makes is an [`Edit`]; the
//! notebook carries it out, remembers its exact inverse for undo, and bumps the revision (so
//! the window knows to save and to build its highlights again). Undo and redo are edits too,
//! and typing into a note on a comparison is a run of changes that undo takes back as one. A
//! read-only notebook (another Lectern has the profile, or a newer version wrote it) refuses
//! every edit with [`ReadOnly`].
//!
//! The rules about the reader's work live here, not in the window or the command line, so both
//! follow the same ones:
//! - [`Notebook::reanchor`]: place every annotation in its text as the text is now, and report
//!   what moved, what was found only approximately and what became an orphan;
//! - [`Notebook::merge_import`]: add imported annotations as one undoable step, leaving those
//!   already there (same id) alone;
//! - [`Notebook::annotation_at`]: the annotation of exactly this passage;
//! - which segments of a long comparison of the reader's are kept with its notes
//!   ([`Edit::AddComparisonNote`]);
//! - [`Notebook::restore_from`]: bring back a copy of the work (a backup) as one undoable step
//!   that deletes nothing for good (what the copy lacks goes to the trash).
//!
//! The notebook never reads the clock: the caller passes the time of an edit, so tests are
//! deterministic.

use crate::formats::ids::Timestamp;
use crate::model::text::CharRange;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use super::anchor::{Anchor, Resolution};
use super::annotation::{Annotation, Category, default_categories};
use super::annotation_set::{AnnotationEdit, Annotations, NoteEdit, NoteLists};
use super::comparison::{Comparison, ComparisonNote};
use super::import_report::ImportReport;
use super::library::Library;
use super::own_entries::OwnEntries;

mod kinds;
mod summary;
pub use kinds::{Counts, Kind};
pub use summary::StepSummary;

/// Everything the reader made, as it is stored: the notebook without its history.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Contents {
    /// The categories, in the order shown (1–6 pick the first six).
    pub categories: Vec<Category>,
    /// Live annotations and the trash.
    pub annotations: Annotations,
    /// Notes on differences and segments of comparisons.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparison_notes: Vec<ComparisonNote>,
    /// Notes on comparisons in the Trash, most recently deleted last.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparison_notes_trash: Vec<ComparisonNote>,
    /// The reader's own comparisons that carry notes (bundled ones are not stored).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparisons: Vec<Comparison>,
    /// The reader's own people, places, spellings and terms.
    #[serde(default, skip_serializing_if = "OwnEntries::is_empty")]
    pub study: OwnEntries,
}

impl Default for Contents {
    fn default() -> Self {
        Self {
            categories: default_categories(),
            annotations: Annotations::default(),
            comparison_notes: Vec::new(),
            comparison_notes_trash: Vec::new(),
            comparisons: Vec::new(),
            study: OwnEntries::default(),
        }
    }
}

/// One change the reader makes to the notebook.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Add an annotation (made with [`Annotation::new`]).
    AddAnnotation(Annotation),
    /// Replace an annotation with a changed version of itself (same id); dated by the edit.
    /// When it ends typing into the annotation ([`Edit::TypeIntoAnnotation`]), it is one step
    /// with what was kept while typing.
    ChangeAnnotation(Annotation),
    /// Keep what the reader has typed so far into an annotation's note or tags (after a pause
    /// in the typing). What is kept while the reader goes on typing into the same annotation,
    /// and the change that ends the typing, make one step: Undo never stops at half a tag.
    TypeIntoAnnotation(Annotation),
    /// Attach an orphan to a passage: the changed annotation carries its new text and anchor.
    Reattach(Annotation),
    /// Move an annotation (by id) to the trash.
    DeleteAnnotation(String),
    /// Bring an annotation (by id) back from the trash.
    RestoreAnnotation(String),
    /// Replace the categories (rename, recolour, add, reorder).
    SetCategories(Vec<Category>),
    /// Add a note on a comparison. A comparison of the reader's own is kept with it: only the
    /// segments that carry notes when it is long (see [`Comparison::kept_for_notes`]).
    AddComparisonNote {
        /// The note.
        note: ComparisonNote,
        /// The reader's own comparison the note is on (`None` for a bundled one).
        readers_comparison: Option<Comparison>,
    },
    /// Change a note on a comparison (same id); changes of one note that follow each other
    /// are typing, and one undo takes them all back.
    ChangeComparisonNote(ComparisonNote),
    /// Move a note on a comparison (by id) to the Trash.
    DeleteComparisonNote(String),
    /// Bring a note on a comparison (by id) back from the Trash.
    RestoreComparisonNote(String),
    /// Replace the reader's own people, places, spellings and terms.
    SetStudy(OwnEntries),
    /// Take back the last edit.
    Undo,
    /// Do again the last edit taken back.
    Redo,
}

/// The notebook is read-only: an edit was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("this profile is open read-only, so annotations cannot be changed in this window")]
pub struct ReadOnly;

/// What re-anchoring found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReanchorReport {
    /// Annotations whose exact passage was found at another place.
    pub moved: usize,
    /// Annotations placed on a passage similar to their quote, not the same.
    pub fuzzy: usize,
    /// Annotations whose passage could not be found, or whose text is not in the library:
    /// kept, listed as orphans.
    pub orphaned: usize,
}

impl ReanchorReport {
    /// Whether anything is worth telling the reader.
    pub fn is_news(&self) -> bool {
        self.moved + self.fuzzy + self.orphaned > 0
    }

    /// The report in a sentence for the reader.
    pub fn summary(&self) -> String {
        let similar = if self.fuzzy > 0 {
            crate::tr!("model-reanchor-similar", count = self.fuzzy)
        } else {
            String::new()
        };
        crate::tr!(
            "model-reanchor-summary",
            moved = self.moved + self.fuzzy,
            similar = similar,
            orphaned = self.orphaned
        )
    }
}

/// What re-anchoring did to the annotations of one text (after it was imported again).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextReanchorReport {
    /// The text's live annotations.
    pub annotations: usize,
    /// Those that moved with their passage.
    pub moved: usize,
    /// Those that could not be placed: kept, listed as orphans.
    pub orphaned: usize,
}

impl TextReanchorReport {
    /// The report in a sentence: "Of its 3 annotations, 1 moved with its passage, 1 stayed
    /// where it was, and 1 could not be placed (kept, listed as orphaned)."
    pub fn summary(&self) -> String {
        let stayed = self.annotations - self.moved - self.orphaned;
        crate::tr!(
            "model-text-reanchor",
            annotations = crate::tr!("model-text-reanchor-of", count = self.annotations),
            moved = crate::tr!("model-text-reanchor-moved", count = self.moved),
            stayed = crate::tr!("model-text-reanchor-stayed", count = stayed),
            orphaned = crate::tr!("model-text-reanchor-orphaned", count = self.orphaned)
        )
    }
}

/// One step of the history: an edit's exact inverse.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Annotation(AnnotationEdit),
    ComparisonNote(NoteEdit),
    Categories(Vec<Category>),
    Study(Box<OwnEntries>),
    /// Several steps taken back together (an import, a restore from a backup), in the order
    /// they are to be applied.
    Group(Vec<Step>),
}

/// The reader's work; see the module docs.
#[derive(Clone, Debug, Default)]
pub struct Notebook {
    contents: Contents,
    undo: Vec<Step>,
    redo: Vec<Step>,
    revision: u64,
    orphans: HashSet<String>,
    read_only: bool,
    /// The annotation the reader is typing into, while the last step is that typing.
    typing: Option<String>,
}

impl Notebook {
    /// A notebook holding `contents`, with no history.
    pub fn new(contents: Contents) -> Self {
        Self {
            contents,
            ..Self::default()
        }
    }

    /// Everything the reader made, as stored.
    pub fn contents(&self) -> &Contents {
        &self.contents
    }

    /// What is saved: the contents, with only the reader's comparisons that carry notes (one
    /// whose last note was deleted stays for the session, so that an undo finds it).
    pub fn to_contents(&self) -> Contents {
        Contents {
            comparisons: self.noted_comparisons().cloned().collect(),
            ..self.contents.clone()
        }
    }

    /// The categories, in the order shown.
    pub fn categories(&self) -> &[Category] {
        &self.contents.categories
    }

    /// The reader's own people, places, spellings and terms.
    pub fn study(&self) -> &OwnEntries {
        &self.contents.study
    }

    /// The annotations and the trash.
    pub fn annotations(&self) -> &Annotations {
        &self.contents.annotations
    }

    /// Notes on comparisons.
    pub fn comparison_notes(&self) -> &[ComparisonNote] {
        &self.contents.comparison_notes
    }

    /// Notes on comparisons in the Trash, most recently deleted last.
    pub fn comparison_notes_trash(&self) -> &[ComparisonNote] {
        &self.contents.comparison_notes_trash
    }

    /// The reader's own comparisons that carry notes, live or in the Trash (a note brought
    /// back from the Trash finds its comparison).
    pub fn noted_comparisons(&self) -> impl Iterator<Item = &Comparison> {
        self.contents.comparisons.iter().filter(|c| {
            self.contents
                .comparison_notes
                .iter()
                .chain(&self.contents.comparison_notes_trash)
                .any(|n| n.comparison_id == c.id)
        })
    }

    /// The reader's own comparison with this id (also one kept for this session only).
    pub fn readers_comparison(&self, comparison_id: &str) -> Option<&Comparison> {
        self.contents
            .comparisons
            .iter()
            .find(|c| c.id == comparison_id)
    }

    /// Counts up by one with every change: what the window compares to know whether to save.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether an annotation is an orphan (its passage was not found at the last
    /// [`Self::reanchor`]).
    pub fn is_orphan(&self, annotation_id: &str) -> bool {
        self.orphans.contains(annotation_id)
    }

    /// The ids of the orphans.
    pub fn orphans(&self) -> &HashSet<String> {
        &self.orphans
    }

    /// Whether edits are refused.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Makes the notebook read-only (or writable again).
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The live annotation of exactly `range` in the text `text_id`.
    pub fn annotation_at(&self, text_id: &str, range: CharRange) -> Option<&Annotation> {
        self.contents
            .annotations
            .live()
            .iter()
            .find(|a| {
                a.text_id == text_id && a.anchor.start == range.start && a.anchor.end == range.end
            })
            .map(Arc::as_ref)
    }

    /// Carries out `edit` made at `now` (RFC 3339). `Ok(true)` when the notebook changed,
    /// `Ok(false)` when the edit did not apply (an id that is not there, nothing to undo);
    /// `Err(ReadOnly)`, changing nothing, when the notebook is read-only.
    pub fn edit(&mut self, edit: Edit, now: &Timestamp) -> Result<bool, ReadOnly> {
        if self.read_only {
            return Err(ReadOnly);
        }
        let typing = self.typing.take();
        let changed = match edit {
            Edit::Undo => self.step_history(true),
            Edit::Redo => self.step_history(false),
            Edit::ChangeComparisonNote(mut note) => {
                note.modified = now.clone();
                self.type_into_note(note)
            }
            Edit::AddComparisonNote {
                note,
                readers_comparison,
            } => {
                let comparison_id = note.comparison_id.clone();
                let done = self.perform(Step::ComparisonNote(NoteEdit::Add(note)));
                if done && let Some(comparison) = readers_comparison {
                    self.keep_comparison(&comparison_id, &comparison);
                }
                done
            }
            Edit::Reattach(annotation) => {
                let id = annotation.annotation_id.clone();
                let done = self.change_annotation(annotation, now);
                if done {
                    self.orphans.remove(&id);
                }
                done
            }
            Edit::ChangeAnnotation(annotation) => {
                let id = annotation.annotation_id.clone();
                if typing.as_ref() == Some(&id) && self.last_change_is_of(&id) {
                    self.change_in_place(annotation, now)
                } else {
                    self.change_annotation(annotation, now)
                }
            }
            Edit::TypeIntoAnnotation(annotation) => {
                let id = annotation.annotation_id.clone();
                let done = if typing.as_ref() == Some(&id) && self.last_change_is_of(&id) {
                    self.change_in_place(annotation, now)
                } else {
                    self.change_annotation(annotation, now)
                };
                if done || typing.as_ref() == Some(&id) {
                    self.typing = Some(id);
                }
                done
            }
            Edit::AddAnnotation(annotation) => {
                self.perform(Step::Annotation(AnnotationEdit::Add(annotation)))
            }
            Edit::DeleteAnnotation(id) => {
                self.perform(Step::Annotation(AnnotationEdit::Delete(id)))
            }
            Edit::RestoreAnnotation(id) => {
                self.perform(Step::Annotation(AnnotationEdit::Restore(id)))
            }
            Edit::SetStudy(study) => {
                study != self.contents.study && self.perform(Step::Study(Box::new(study)))
            }
            Edit::SetCategories(categories) => {
                categories != self.contents.categories && self.perform(Step::Categories(categories))
            }
            Edit::DeleteComparisonNote(id) => {
                self.perform(Step::ComparisonNote(NoteEdit::Delete(id)))
            }
            Edit::RestoreComparisonNote(id) => {
                self.perform(Step::ComparisonNote(NoteEdit::Restore(id)))
            }
        };
        Ok(changed)
    }

    fn change_annotation(&mut self, annotation: Annotation, now: &Timestamp) -> bool {
        self.dated_change(annotation, now)
            .is_some_and(|step| self.perform(step))
    }

    /// The step that changes an annotation to `annotation`, dated `now`; none when it is gone
    /// or nothing but its date would change.
    fn dated_change(&self, mut annotation: Annotation, now: &Timestamp) -> Option<Step> {
        let before = self.contents.annotations.get(&annotation.annotation_id)?;
        annotation.modified = before.modified.clone();
        if *before == annotation {
            return None;
        }
        annotation.modified = now.to_owned();
        Some(Step::Annotation(AnnotationEdit::Change(annotation)))
    }

    /// Whether the last step on the undo stack restores annotation `id` as it was (it is a
    /// change of that annotation).
    fn last_change_is_of(&self, id: &str) -> bool {
        matches!(
            self.undo.last(),
            Some(Step::Annotation(AnnotationEdit::Change(old))) if old.annotation_id == id
        )
    }

    /// Changes an annotation as part of the step already on the stack (typing goes on): the
    /// step still restores the annotation as it was before the typing began.
    fn change_in_place(&mut self, annotation: Annotation, now: &Timestamp) -> bool {
        self.dated_change(annotation, now)
            .is_some_and(|step| self.perform_within_last(step))
    }

    /// Carries out `step` as part of the step already on the undo stack, whose inverse still
    /// restores what was there before (typing goes on): nothing new to undo.
    fn perform_within_last(&mut self, step: Step) -> bool {
        if apply(&mut self.contents, step).is_none() {
            return false;
        }
        self.redo.clear();
        self.revision += 1;
        true
    }

    /// Changes a note on a comparison; a change that follows a change of the same note is
    /// typing: the step already on the stack restores the note as it was before the typing.
    fn type_into_note(&mut self, note: ComparisonNote) -> bool {
        let typing_on = matches!(
            self.undo.last(),
            Some(Step::ComparisonNote(NoteEdit::Change(old))) if old.note_id == note.note_id
        );
        let step = Step::ComparisonNote(NoteEdit::Change(note));
        if typing_on {
            self.perform_within_last(step)
        } else {
            self.perform(step)
        }
    }

    /// Keeps the reader's comparison with its notes: the segments its notes are on, and those
    /// kept before in this session (a deleted note that an undo brings back finds its segment
    /// still there).
    fn keep_comparison(&mut self, comparison_id: &str, comparison: &Comparison) {
        let mut annotated: BTreeSet<usize> = self
            .contents
            .comparison_notes
            .iter()
            .filter(|n| n.comparison_id == comparison_id)
            .map(|n| n.segment)
            .collect();
        if let Some(before) = self.readers_comparison(comparison_id) {
            annotated.extend(before.kept_segments());
        }
        let kept = comparison.kept_for_notes(&annotated);
        self.contents.comparisons.retain(|c| c.id != comparison_id);
        self.contents.comparisons.push(kept);
    }

    /// Applies a step, remembers its inverse and clears the redo stack.
    fn perform(&mut self, step: Step) -> bool {
        let Some(inverse) = apply(&mut self.contents, step) else {
            return false;
        };
        self.undo.push(inverse);
        self.redo.clear();
        self.revision += 1;
        true
    }

    fn step_history(&mut self, undo: bool) -> bool {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(step) = from.pop() else {
            return false;
        };
        match apply(&mut self.contents, step) {
            Some(inverse) => {
                to.push(inverse);
                self.revision += 1;
                true
            }
            None => false,
        }
    }

    /// Adds the `imported` annotations that are not here yet (by id, live or in the trash),
    /// as one undoable step. Those on texts not in `library` are kept as orphans.
    pub fn merge_import(
        &mut self,
        imported: Vec<Annotation>,
        library: &Library,
    ) -> Result<ImportReport, ReadOnly> {
        if self.read_only {
            return Err(ReadOnly);
        }
        let mut report = ImportReport::default();
        let mut steps = Vec::new();
        let mut seen = HashSet::new();
        for annotation in imported {
            if self
                .contents
                .annotations
                .contains_id(&annotation.annotation_id)
                || !seen.insert(annotation.annotation_id.clone())
            {
                report.duplicates += 1;
                continue;
            }
            if library.get(&annotation.text_id).is_none() {
                report.unknown_texts += 1;
            }
            report.added += 1;
            steps.push(Step::Annotation(AnnotationEdit::Add(annotation)));
        }
        if !steps.is_empty() {
            self.perform(Step::Group(steps));
            self.reanchor(library);
        }
        Ok(report)
    }

    /// Brings back `copy` (a backup) as one undoable step that drops nothing of any kind:
    /// what the copy has is put back as it was there (from the Trash if need be), what it
    /// lacks goes to the Trash (annotations and notes on comparisons) or is kept (categories,
    /// the reader's people, places and terms, comparisons, notes other devices wrote that wait
    /// for a decision). Returns what was done, by kind.
    pub fn restore_from(
        &mut self,
        copy: Contents,
        library: &Library,
    ) -> Result<RestoreReport, ReadOnly> {
        if self.read_only {
            return Err(ReadOnly);
        }
        let mut report = RestoreReport::default();
        let steps = restore_steps(&self.contents, &copy, &mut report);
        let kept = self
            .noted_comparisons()
            .filter(|c| !copy.comparisons.iter().any(|x| x.id == c.id))
            .count();
        report.kept.add(Kind::Comparison, kept);
        for comparison in copy.comparisons {
            if self.readers_comparison(&comparison.id).is_none() {
                report.restored.add(Kind::Comparison, 1);
                self.contents.comparisons.push(comparison);
            }
        }
        if !steps.is_empty() {
            if self.perform(Step::Group(steps)) {
                report.undoable = true;
            } else {
                // A copy that cannot be applied whole (one id twice, say) changes nothing.
                return Ok(RestoreReport::default());
            }
            self.reanchor(library);
        }
        Ok(report)
    }

    /// Adds what the notebook `archive` (another profile's, moved or handed over) has and this
    /// one lacks, every kind, as one undoable step: annotations and notes on comparisons by id
    /// (live or in the Trash, as the archive has them; those here already are left as they
    /// are), the reader's comparisons, study entries, and categories (the archive's names and
    /// colours for the ids both have, since the archive is the reader's own work moved).
    /// Returns what was added, by kind.
    pub fn merge_archive(
        &mut self,
        archive: Contents,
        library: &Library,
    ) -> Result<Counts, ReadOnly> {
        if self.read_only {
            return Err(ReadOnly);
        }
        let Contents {
            categories,
            annotations,
            comparison_notes,
            comparison_notes_trash,
            comparisons,
            study,
        } = archive;
        let mut added = Counts::default();
        // An id the archive holds twice is taken once (the first: the live one).
        let mut seen = HashSet::new();
        let here = &self.contents;
        let mut steps = merge_annotations(&here.annotations, &annotations, &mut seen, &mut added);
        steps.extend(merge_comparison_notes(
            here,
            (comparison_notes, comparison_notes_trash),
            &mut seen,
            &mut added,
        ));
        steps.extend(merge_study(&here.study, study, &mut added));
        steps.extend(merge_categories(&here.categories, categories, &mut added));
        for comparison in comparisons {
            if self.readers_comparison(&comparison.id).is_none() {
                added.add(Kind::Comparison, 1);
                self.contents.comparisons.push(comparison);
            }
        }
        if !steps.is_empty() {
            if !self.perform(Step::Group(steps)) {
                return Ok(Counts::default());
            }
            self.reanchor(library);
        }
        Ok(added)
    }

    /// Takes `contents` as the notebook: what the profile holds after a sync engine brought
    /// other devices' work (merged with this one's, which was saved first). The reader's own
    /// comparisons kept for the session stay; the history starts anew, since an undo would
    /// otherwise take back another device's change. Returns whether anything changed.
    pub fn take_synced(&mut self, mut contents: Contents, library: &Library) -> bool {
        // The folder orders annotations made in one second by id; those this notebook has
        // keep its order (the order they were made in), and new ones come after them.
        let at: HashMap<&str, usize> = self
            .contents
            .annotations
            .live()
            .iter()
            .enumerate()
            .map(|(n, a)| (a.annotation_id.as_str(), n))
            .collect();
        let mut live = contents.annotations.live().to_vec();
        live.sort_by_key(|a| {
            at.get(a.annotation_id.as_str())
                .copied()
                .unwrap_or(usize::MAX)
        });
        let trash = contents.annotations.trash().to_vec();
        contents.annotations = Annotations::from_shared(live, trash);
        if contents == self.to_contents() {
            return false;
        }
        let kept: Vec<Comparison> = self
            .contents
            .comparisons
            .iter()
            .filter(|c| !contents.comparisons.iter().any(|x| x.id == c.id))
            .cloned()
            .collect();
        self.contents = contents;
        self.contents.comparisons.extend(kept);
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
        self.reanchor(library);
        true
    }

    /// Re-anchors as [`Self::reanchor`] does, and says what became of the annotations of the
    /// text `text_id` (after it was imported again).
    pub fn reanchor_text(&mut self, library: &Library, text_id: &str) -> TextReanchorReport {
        let before: Vec<(String, usize)> = self
            .contents
            .annotations
            .live()
            .iter()
            .filter(|a| a.text_id == text_id)
            .map(|a| (a.annotation_id.clone(), a.anchor.start))
            .collect();
        self.reanchor(library);
        let mut report = TextReanchorReport {
            annotations: before.len(),
            ..TextReanchorReport::default()
        };
        for (id, start) in &before {
            if self.is_orphan(id) {
                report.orphaned += 1;
            } else if self
                .contents
                .annotations
                .get(id)
                .is_some_and(|a| a.anchor.start != *start)
            {
                report.moved += 1;
            }
        }
        report
    }

    /// Places every live annotation in its text as the text now is in `library`: one made on
    /// another version of its text is re-anchored (the change is not an undo step: it is the
    /// same annotation, found again), and one whose passage or text cannot be found becomes an
    /// orphan, kept and listed, never dropped. Works on a read-only notebook too: orphans are
    /// marked, positions are corrected in memory (and saved only where the notebook may be).
    pub fn reanchor(&mut self, library: &Library) -> ReanchorReport {
        let mut report = ReanchorReport::default();
        let mut placed_again = Vec::new();
        self.orphans.clear();
        for annotation in self.contents.annotations.live() {
            let Some(text) = library.get(&annotation.text_id) else {
                self.orphans.insert(annotation.annotation_id.clone());
                report.orphaned += 1;
                continue;
            };
            if annotation.anchor.content_hash == text.content_hash() {
                continue;
            }
            let resolution = annotation.anchor.resolve(text);
            let Some(range) = resolution.range() else {
                self.orphans.insert(annotation.annotation_id.clone());
                report.orphaned += 1;
                continue;
            };
            let mut placed = Annotation::clone(annotation);
            placed.anchor = Anchor::new(text, range);
            match resolution {
                Resolution::Fuzzy(..) => report.fuzzy += 1,
                _ if placed.anchor.start != annotation.anchor.start => report.moved += 1,
                _ => {}
            }
            placed_again.push(placed);
        }
        for placed in placed_again {
            let _ = self
                .contents
                .annotations
                .apply(AnnotationEdit::Change(placed));
            self.revision += 1;
        }
        report
    }
}

/// Carries out one step on `contents`; returns its inverse, or `None` (changing nothing) when
/// it does not apply. A group applies whole or not at all.
fn apply(contents: &mut Contents, step: Step) -> Option<Step> {
    match step {
        Step::Annotation(edit) => contents.annotations.apply(edit).map(Step::Annotation),
        Step::ComparisonNote(edit) => edit
            .apply(NoteLists {
                live: &mut contents.comparison_notes,
                trash: &mut contents.comparison_notes_trash,
            })
            .map(Step::ComparisonNote),
        Step::Categories(categories) => Some(Step::Categories(std::mem::replace(
            &mut contents.categories,
            categories,
        ))),
        Step::Study(study) => Some(Step::Study(Box::new(std::mem::replace(
            &mut contents.study,
            *study,
        )))),
        Step::Group(steps) => {
            let before = contents.clone();
            let mut inverses = Vec::with_capacity(steps.len());
            for step in steps {
                match apply(contents, step) {
                    Some(inverse) => inverses.push(inverse),
                    None => {
                        *contents = before;
                        return None;
                    }
                }
            }
            inverses.reverse();
            Some(Step::Group(inverses))
        }
    }
}

/// What a restore from a backup did, by kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestoreReport {
    /// Brought back from the copy: added, put back from the Trash, or set to the copy's
    /// version.
    pub restored: Counts,
    /// Moved to the Trash because the copy lacks them.
    pub trashed: Counts,
    /// Kept although the copy lacks them (kinds without a Trash).
    pub kept: Counts,
    /// Whether the restore is one step that Undo takes back (false when nothing changed).
    pub undoable: bool,
}

impl RestoreReport {
    /// Whether the restore changed anything.
    pub fn changed_anything(&self) -> bool {
        self.restored.total() + self.trashed.total() > 0
    }

    /// The report in a sentence for the reader.
    pub fn summary(&self) -> String {
        if !self.changed_anything() && self.kept.total() == 0 {
            return crate::tr!("model-restore-nothing-differed");
        }
        let mut parts = Vec::new();
        if self.restored.total() > 0 {
            let what = self.restored.summary();
            parts.push(crate::tr!("model-restore-brought-back", what = what));
        }
        if self.trashed.total() > 0 {
            let what = self.trashed.summary();
            parts.push(crate::tr!("model-restore-trashed", what = what));
        }
        if self.kept.total() > 0 {
            let what = self.kept.summary();
            parts.push(crate::tr!("model-restore-kept", what = what));
        }
        let sentence = parts.join("; ");
        // The first letter a capital (of any script).
        let mut chars = sentence.chars();
        let first: String = chars
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        format!("{first}{}.", chars.as_str())
    }
}

/// The steps that turn `current` into `copy` without dropping anything: annotations and notes
/// on comparisons the copy lacks go to the Trash; categories and study entries the copy lacks
/// are kept beside the copy's; every kind is walked (the copy is destructured whole).
fn restore_steps(current: &Contents, copy: &Contents, report: &mut RestoreReport) -> Vec<Step> {
    let Contents {
        categories,
        annotations,
        comparison_notes,
        comparison_notes_trash,
        comparisons: _, // added by `restore_from`, outside the history: kept while noted
        study,
    } = copy;
    let mut steps = restore_annotations(&current.annotations, annotations, report);
    steps.extend(restore_comparison_notes(
        current,
        (comparison_notes, comparison_notes_trash),
        report,
    ));
    steps.extend(restore_study(&current.study, study, report));
    steps.extend(restore_categories(&current.categories, categories, report));
    steps
}

/// The steps that turn the annotations `current` has into the `copy`'s: each put back as the
/// copy has it (from the Trash if need be, keeping notes that wait for the reader's choice),
/// those the copy lacks to the Trash, and those gone altogether back into the Trash.
fn restore_annotations(
    current: &Annotations,
    copy: &Annotations,
    report: &mut RestoreReport,
) -> Vec<Step> {
    let mut steps = Vec::new();
    let wanted: HashSet<&str> = copy
        .live()
        .iter()
        .map(|a| a.annotation_id.as_str())
        .collect();
    for annotation in copy.live() {
        let id = &annotation.annotation_id;
        // Notes other devices wrote, waiting for the reader's choice, stay with it.
        let with_waiting = |mut restored: Annotation, now: Option<&Annotation>| {
            for waiting in now.map(|a| a.diverged_notes.as_slice()).unwrap_or_default() {
                if !restored.diverged_notes.contains(waiting) {
                    restored.diverged_notes.push(waiting.clone());
                }
            }
            restored
        };
        if let Some(now) = current.get(id) {
            let restored = with_waiting(Annotation::clone(annotation), Some(now));
            if *now != restored {
                report.restored.add(Kind::Annotation, 1);
                steps.push(Step::Annotation(AnnotationEdit::Change(restored)));
            }
        } else if let Some(trashed) = current.trash().iter().find(|a| a.annotation_id == *id) {
            // In the trash now: restored, then set to the copy's version.
            report.restored.add(Kind::Annotation, 1);
            steps.push(Step::Annotation(AnnotationEdit::Restore(id.clone())));
            steps.push(Step::Annotation(AnnotationEdit::Change(with_waiting(
                Annotation::clone(annotation),
                Some(trashed),
            ))));
        } else {
            report.restored.add(Kind::Annotation, 1);
            steps.push(Step::Annotation(AnnotationEdit::Add(Annotation::clone(
                annotation,
            ))));
        }
    }
    for annotation in current.live() {
        if !wanted.contains(annotation.annotation_id.as_str()) {
            report.trashed.add(Kind::Annotation, 1);
            steps.push(Step::Annotation(AnnotationEdit::Delete(
                annotation.annotation_id.clone(),
            )));
        }
    }
    // The copy's Trash: what has gone from this notebook altogether comes back into the Trash.
    for annotation in copy.trash() {
        if !current.contains_id(&annotation.annotation_id) {
            report.restored.add(Kind::TrashedAnnotation, 1);
            steps.push(Step::Annotation(AnnotationEdit::Add(Annotation::clone(
                annotation,
            ))));
            steps.push(Step::Annotation(AnnotationEdit::Delete(
                annotation.annotation_id.clone(),
            )));
        }
    }
    steps
}

/// The steps that turn the notes on comparisons `current` has into the copy's `(live,
/// trashed)`: each put back as the copy has it (from the Trash if need be), those the copy
/// lacks to the Trash, and those gone altogether back into the Trash.
fn restore_comparison_notes(
    current: &Contents,
    (comparison_notes, comparison_notes_trash): (&[ComparisonNote], &[ComparisonNote]),
    report: &mut RestoreReport,
) -> Vec<Step> {
    let mut steps = Vec::new();
    let find = |notes: &[ComparisonNote], id: &str| notes.iter().position(|n| n.note_id == id);
    for note in comparison_notes {
        let id = &note.note_id;
        match find(&current.comparison_notes, id) {
            Some(at) if current.comparison_notes[at] == *note => {}
            Some(_) => {
                report.restored.add(Kind::ComparisonNote, 1);
                steps.push(Step::ComparisonNote(NoteEdit::Change(note.clone())));
            }
            None if find(&current.comparison_notes_trash, id).is_some() => {
                report.restored.add(Kind::ComparisonNote, 1);
                steps.push(Step::ComparisonNote(NoteEdit::Restore(id.clone())));
                steps.push(Step::ComparisonNote(NoteEdit::Change(note.clone())));
            }
            None => {
                report.restored.add(Kind::ComparisonNote, 1);
                steps.push(Step::ComparisonNote(NoteEdit::Add(note.clone())));
            }
        }
    }
    for note in &current.comparison_notes {
        if find(comparison_notes, &note.note_id).is_none() {
            report.trashed.add(Kind::ComparisonNote, 1);
            steps.push(Step::ComparisonNote(NoteEdit::Delete(note.note_id.clone())));
        }
    }
    for note in comparison_notes_trash {
        let id = &note.note_id;
        if find(&current.comparison_notes, id).is_none()
            && find(&current.comparison_notes_trash, id).is_none()
        {
            report.restored.add(Kind::TrashedComparisonNote, 1);
            steps.push(Step::ComparisonNote(NoteEdit::Add(note.clone())));
            steps.push(Step::ComparisonNote(NoteEdit::Delete(id.clone())));
        }
    }
    steps
}

/// The step that restores the copy's people, places, spellings and terms, keeping those made
/// since (they have no trash to go to, so none is dropped); none when nothing changes.
fn restore_study(
    current: &OwnEntries,
    study: &OwnEntries,
    report: &mut RestoreReport,
) -> Option<Step> {
    // The reader's own people, places, spellings and terms: the copy's, and those made since
    // (they have no trash to go to, so none is dropped).
    let mut restored_study = study.clone();
    for person in &current.people {
        if !restored_study.people.iter().any(|p| p.id == person.id) {
            report.kept.add(Kind::StudyEntry, 1);
            restored_study.people.push(person.clone());
        }
    }
    for spelling in &current.spellings {
        if !restored_study.spellings.contains(spelling) {
            report.kept.add(Kind::StudyEntry, 1);
            restored_study.spellings.push(spelling.clone());
        }
    }
    for term in &current.terms {
        if !restored_study.terms.iter().any(|t| t.id == term.id) {
            report.kept.add(Kind::StudyEntry, 1);
            restored_study.terms.push(term.clone());
        }
    }
    (restored_study != *current).then(|| Step::Study(Box::new(restored_study)))
}

/// The step that restores the copy's `categories`, in its order, then those made since (an
/// annotation may use one, and a category has no trash to go to); none when nothing changes.
fn restore_categories(
    current: &[Category],
    categories: &[Category],
    report: &mut RestoreReport,
) -> Option<Step> {
    // The categories: the copy's, in its order, then those made since (an annotation may use
    // one, and a category has no trash to go to).
    let mut restored_categories = categories.to_vec();
    for category in current {
        if !restored_categories
            .iter()
            .any(|c| c.category_id == category.category_id)
        {
            report.kept.add(Kind::Category, 1);
            restored_categories.push(category.clone());
        }
    }
    (restored_categories != current).then_some(Step::Categories(restored_categories))
}

/// The steps that add the annotations of `archive` (live or in its Trash) that are not `here`
/// nor `seen` already, counted in `added`.
fn merge_annotations(
    here: &Annotations,
    archive: &Annotations,
    seen: &mut HashSet<String>,
    added: &mut Counts,
) -> Vec<Step> {
    let mut steps = Vec::new();
    let live = archive.live().iter().map(|a| (a, Kind::Annotation));
    let trashed = archive.trash().iter().map(|a| (a, Kind::TrashedAnnotation));
    for (annotation, kind) in live.chain(trashed) {
        if here.contains_id(&annotation.annotation_id)
            || !seen.insert(annotation.annotation_id.clone())
        {
            continue;
        }
        added.add(kind, 1);
        added.add(Kind::DivergedNote, annotation.diverged_notes.len());
        steps.push(Step::Annotation(AnnotationEdit::Add(Annotation::clone(
            annotation,
        ))));
        if kind == Kind::TrashedAnnotation {
            steps.push(Step::Annotation(AnnotationEdit::Delete(
                annotation.annotation_id.clone(),
            )));
        }
    }
    steps
}

/// The steps that add the archive's notes on comparisons, `(live, trashed)`, that are not in
/// `contents` (live or in its Trash) nor `seen` already, counted in `added`.
fn merge_comparison_notes(
    contents: &Contents,
    (live, trashed): (Vec<ComparisonNote>, Vec<ComparisonNote>),
    seen: &mut HashSet<String>,
    added: &mut Counts,
) -> Vec<Step> {
    let mut steps = Vec::new();
    let here = |id: &str, contents: &Contents| {
        contents
            .comparison_notes
            .iter()
            .chain(&contents.comparison_notes_trash)
            .any(|n| n.note_id == id)
    };
    let live = live.into_iter().map(|n| (n, Kind::ComparisonNote));
    let trashed = trashed
        .into_iter()
        .map(|n| (n, Kind::TrashedComparisonNote));
    for (note, kind) in live.chain(trashed) {
        if here(&note.note_id, contents) || !seen.insert(format!("note {}", note.note_id)) {
            continue;
        }
        added.add(kind, 1);
        if note.carried_from.is_some() {
            added.add(Kind::CarriedNote, 1);
        }
        let id = note.note_id.clone();
        steps.push(Step::ComparisonNote(NoteEdit::Add(note)));
        if kind == Kind::TrashedComparisonNote {
            steps.push(Step::ComparisonNote(NoteEdit::Delete(id)));
        }
    }
    steps
}

/// The step that adds the archive's people, spellings and terms that are not `here`, counted
/// in `added`; none when it has none.
fn merge_study(here: &OwnEntries, archive: OwnEntries, added: &mut Counts) -> Option<Step> {
    let mut merged_study = here.clone();
    for person in archive.people {
        if !merged_study.people.iter().any(|p| p.id == person.id) {
            added.add(Kind::StudyEntry, 1);
            merged_study.people.push(person);
        }
    }
    for spelling in archive.spellings {
        if !merged_study.spellings.contains(&spelling) {
            added.add(Kind::StudyEntry, 1);
            merged_study.spellings.push(spelling);
        }
    }
    for term in archive.terms {
        if !merged_study.terms.iter().any(|t| t.id == term.id) {
            added.add(Kind::StudyEntry, 1);
            merged_study.terms.push(term);
        }
    }
    (merged_study != *here).then(|| Step::Study(Box::new(merged_study)))
}

/// The step that takes the archive's categories: its names and colours for the ids both have,
/// and those `here` lacks added (counted in `added`); none when nothing changes.
fn merge_categories(here: &[Category], archive: Vec<Category>, added: &mut Counts) -> Option<Step> {
    let mut merged_categories = here.to_vec();
    for category in archive {
        match merged_categories
            .iter_mut()
            .find(|c| c.category_id == category.category_id)
        {
            Some(same) => *same = category,
            None => {
                added.add(Kind::Category, 1);
                merged_categories.push(category);
            }
        }
    }
    (merged_categories != here).then_some(Step::Categories(merged_categories))
}

#[cfg(test)]
mod tests;
