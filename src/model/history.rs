//! The annotation set and undo/redo of its edits.
//!
//! Every change to annotations is an [`Edit`] with an exact inverse; [`Annotations::apply`]
//! carries one out and returns its inverse, which [`History`] keeps. Deleting moves an
//! annotation to the trash rather than dropping it, so nothing the user made disappears
//! without a way back: undo restores it, and so does [`Annotations::restore`] from the trash.
//!
//! Notes on comparisons are the reader's work too: their changes are [`NoteEdit`]s, kept in the
//! same history, so that Ctrl+Z takes back the last thing done, whichever it was.

use std::sync::Arc;

use super::annotation::Annotation;
use super::comparison::ComparisonNote;

/// One change to the annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Add an annotation.
    Add(Annotation),
    /// Take an annotation (by id) out entirely: the inverse of adding it (undo of a creation).
    Remove(String),
    /// Move an annotation (by id) to the trash.
    Delete(String),
    /// Bring an annotation (by id) back from the trash.
    Restore(String),
    /// Replace an annotation with a changed version of itself (same id).
    Change(Annotation),
}

/// The annotations of a profile, and its trash.
///
/// Invariant: an id is in at most one of `live` and `trash`.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
///
/// Each annotation is shared (`Arc`), so that the copy of ten thousand annotations the saver
/// serialises on its own thread is taken in microseconds on the UI thread.
pub struct Annotations {
    live: Vec<Arc<Annotation>>,
    trash: Vec<Arc<Annotation>>,
}

impl Annotations {
    /// The live annotations, in the order they were made.
    pub fn live(&self) -> &[Arc<Annotation>] {
        &self.live
    }

    /// Deleted annotations that can still be restored, most recently deleted last.
    pub fn trash(&self) -> &[Arc<Annotation>] {
        &self.trash
    }

    /// The live annotation with this id.
    pub fn get(&self, annotation_id: &str) -> Option<&Annotation> {
        self.live
            .iter()
            .find(|a| a.annotation_id == annotation_id)
            .map(Arc::as_ref)
    }

    /// Whether an annotation with this id exists, live or in the trash.
    pub fn contains_id(&self, annotation_id: &str) -> bool {
        self.get(annotation_id).is_some()
            || self.trash.iter().any(|a| a.annotation_id == annotation_id)
    }

    /// Carries out `edit`; returns its inverse, or `None` (and changes nothing) if it does
    /// not apply (an id that is not there, or already taken).
    pub fn apply(&mut self, edit: Edit) -> Option<Edit> {
        let position =
            |list: &[Arc<Annotation>], id: &str| list.iter().position(|a| a.annotation_id == id);
        match edit {
            Edit::Add(annotation) => {
                let id = annotation.annotation_id.clone();
                if position(&self.live, &id).is_some() || position(&self.trash, &id).is_some() {
                    return None;
                }
                self.live.push(Arc::new(annotation));
                Some(Edit::Remove(id))
            }
            Edit::Remove(id) => {
                let index = position(&self.live, &id)?;
                Some(Edit::Add(Arc::unwrap_or_clone(self.live.remove(index))))
            }
            Edit::Delete(id) => {
                let index = position(&self.live, &id)?;
                self.trash.push(self.live.remove(index));
                Some(Edit::Restore(id))
            }
            Edit::Restore(id) => {
                let index = position(&self.trash, &id)?;
                self.live.push(self.trash.remove(index));
                Some(Edit::Delete(id))
            }
            Edit::Change(changed) => {
                let index = position(&self.live, &changed.annotation_id)?;
                let before = std::mem::replace(&mut self.live[index], Arc::new(changed));
                Some(Edit::Change(Arc::unwrap_or_clone(before)))
            }
        }
    }

    /// Brings an annotation back from the trash (not an undo: it can itself be undone).
    pub fn restore(&mut self, annotation_id: &str) -> Option<Edit> {
        self.apply(Edit::Restore(annotation_id.to_owned()))
    }
}

/// One change to the notes on comparisons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteEdit {
    /// Add a note.
    Add(ComparisonNote),
    /// Take a note (by id) out: deleting it, or undoing its creation.
    Remove(String),
    /// Put a note back at its place in the list (the undo of a removal).
    Insert(usize, ComparisonNote),
    /// Replace a note with a changed version of itself (same id).
    Change(ComparisonNote),
}

impl NoteEdit {
    /// Carries out the edit on `notes`; returns its inverse, or `None` (and changes nothing)
    /// if it does not apply.
    pub fn apply(self, notes: &mut Vec<ComparisonNote>) -> Option<NoteEdit> {
        let position =
            |notes: &[ComparisonNote], id: &str| notes.iter().position(|n| n.note_id == id);
        match self {
            NoteEdit::Add(note) => NoteEdit::Insert(notes.len(), note).apply(notes),
            NoteEdit::Insert(index, note) => {
                if position(notes, &note.note_id).is_some() {
                    return None;
                }
                let id = note.note_id.clone();
                notes.insert(index.min(notes.len()), note);
                Some(NoteEdit::Remove(id))
            }
            NoteEdit::Remove(id) => {
                let index = position(notes, &id)?;
                Some(NoteEdit::Insert(index, notes.remove(index)))
            }
            NoteEdit::Change(changed) => {
                let index = position(notes, &changed.note_id)?;
                Some(NoteEdit::Change(std::mem::replace(
                    &mut notes[index],
                    changed,
                )))
            }
        }
    }
}

/// One step of the history: an edit of the annotations or of the notes on comparisons.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Annotation(Edit),
    ComparisonNote(NoteEdit),
}

/// Undo and redo stacks of inverse edits.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Applies `edit` and remembers how to undo it; a new edit clears the redo stack.
    /// Returns false if the edit did not apply.
    pub fn perform(&mut self, annotations: &mut Annotations, edit: Edit) -> bool {
        self.remember(annotations.apply(edit).map(Step::Annotation))
    }

    /// [`History::perform`] for a note on a comparison. A note is saved as it is typed:
    /// changes of one note that follow each other make one step, undone together.
    pub fn perform_note(&mut self, notes: &mut Vec<ComparisonNote>, edit: NoteEdit) -> bool {
        let typing_on = match (&edit, self.undo.last()) {
            (NoteEdit::Change(new), Some(Step::ComparisonNote(NoteEdit::Change(old)))) => {
                new.note_id == old.note_id
            }
            _ => false,
        };
        let inverse = edit.apply(notes).map(Step::ComparisonNote);
        if typing_on && inverse.is_some() {
            // The step already on the stack restores the note as it was before the typing.
            self.redo.clear();
            return true;
        }
        self.remember(inverse)
    }

    fn remember(&mut self, inverse: Option<Step>) -> bool {
        let Some(inverse) = inverse else {
            return false;
        };
        self.undo.push(inverse);
        self.redo.clear();
        true
    }

    /// Undoes the last edit; false when there is nothing to undo.
    pub fn undo(&mut self, annotations: &mut Annotations, notes: &mut Vec<ComparisonNote>) -> bool {
        Self::step(&mut self.undo, &mut self.redo, annotations, notes)
    }

    /// Redoes the last undone edit; false when there is nothing to redo.
    pub fn redo(&mut self, annotations: &mut Annotations, notes: &mut Vec<ComparisonNote>) -> bool {
        Self::step(&mut self.redo, &mut self.undo, annotations, notes)
    }

    /// Applies the top edit of `from` and keeps its inverse on `to`.
    fn step(
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        annotations: &mut Annotations,
        notes: &mut Vec<ComparisonNote>,
    ) -> bool {
        let Some(step) = from.pop() else {
            return false;
        };
        let inverse = match step {
            Step::Annotation(edit) => annotations.apply(edit).map(Step::Annotation),
            Step::ComparisonNote(edit) => edit.apply(notes).map(Step::ComparisonNote),
        };
        match inverse {
            Some(inverse) => {
                to.push(inverse);
                true
            }
            None => false,
        }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::text_of;

    fn annotation(id: &str, note: &str) -> Annotation {
        let text = text_of(&["formal unification with the R.S.F.S.R."]);
        Annotation {
            note: note.into(),
            tags: vec!["union".into()],
            ..Annotation::new(
                id,
                &text,
                7..18,
                Some("key-argument"),
                "2026-11-26T21:00:00Z",
            )
        }
    }

    fn notes(set: &Annotations) -> Vec<(&str, &str)> {
        set.live()
            .iter()
            .map(|a| (a.annotation_id.as_str(), a.note.as_str()))
            .collect()
    }

    #[test]
    fn create_edit_delete_then_undo_everything_and_redo_everything() {
        let mut set = Annotations::default();
        let mut history = History::default();
        assert!(history.perform(&mut set, Edit::Add(annotation("a", "first"))));
        assert!(history.perform(&mut set, Edit::Add(annotation("b", ""))));
        assert!(history.perform(&mut set, Edit::Change(annotation("a", "edited"))));
        assert!(history.perform(&mut set, Edit::Delete("b".into())));
        assert_eq!(notes(&set), [("a", "edited")]);
        assert_eq!(set.trash().len(), 1);
        let states_after = notes(&set)
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect::<Vec<_>>();

        assert!(history.undo(&mut set, &mut Vec::new())); // delete
        assert_eq!(notes(&set), [("a", "edited"), ("b", "")]);
        assert!(set.trash().is_empty());
        assert!(history.undo(&mut set, &mut Vec::new())); // change
        assert_eq!(notes(&set), [("a", "first"), ("b", "")]);
        assert!(history.undo(&mut set, &mut Vec::new())); // add b
        assert!(history.undo(&mut set, &mut Vec::new())); // add a
        assert!(set.live().is_empty());
        assert!(
            !history.undo(&mut set, &mut Vec::new()),
            "nothing left to undo"
        );

        for _ in 0..4 {
            assert!(history.redo(&mut set, &mut Vec::new()));
        }
        assert!(!history.can_redo());
        let again: Vec<(String, String)> = notes(&set)
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
        assert_eq!(again, states_after);
    }

    #[test]
    fn undoing_a_creation_removes_it_without_filling_the_trash() {
        let mut set = Annotations::default();
        let mut history = History::default();
        history.perform(&mut set, Edit::Add(annotation("a", "")));
        history.undo(&mut set, &mut Vec::new());
        assert!(set.live().is_empty());
        assert!(set.trash().is_empty());
        history.redo(&mut set, &mut Vec::new());
        assert_eq!(set.live().len(), 1);
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut set = Annotations::default();
        let mut history = History::default();
        history.perform(&mut set, Edit::Add(annotation("a", "")));
        history.undo(&mut set, &mut Vec::new());
        assert!(history.can_redo());
        history.perform(&mut set, Edit::Add(annotation("b", "")));
        assert!(!history.can_redo());
    }

    #[test]
    fn deleted_annotations_can_be_restored_from_the_trash() {
        let mut set = Annotations::default();
        let mut history = History::default();
        history.perform(&mut set, Edit::Add(annotation("a", "keep me")));
        history.perform(&mut set, Edit::Delete("a".into()));
        assert!(set.get("a").is_none());
        assert_eq!(set.trash()[0].note, "keep me");
        assert!(history.perform(&mut set, Edit::Restore("a".into())));
        assert_eq!(set.get("a").map(|a| a.note.as_str()), Some("keep me"));
        // The restore is itself undoable.
        assert!(history.undo(&mut set, &mut Vec::new()));
        assert!(set.get("a").is_none());
    }

    fn comparison_note(id: &str, note: &str) -> ComparisonNote {
        use crate::model::compare::Normalization;
        use crate::model::comparison::{Comparison, WordingInput};
        let comparison = Comparison::from_wordings(
            "reader-1",
            "Clause 1",
            vec![
                WordingInput::pasted("Stalin", "о формальном вступлении в состав РСФСР"),
                WordingInput::pasted("Lenin", "формальное объединение вместе с РСФСР"),
            ],
            &Normalization::wording(),
        )
        .unwrap();
        ComparisonNote {
            note: note.into(),
            ..ComparisonNote::new(id.into(), &comparison, 0, None, "2026-11-27T00:00:00Z")
        }
    }

    #[test]
    fn notes_on_comparisons_share_the_history_with_annotations() {
        let (mut set, mut notes) = (Annotations::default(), Vec::new());
        let mut history = History::default();
        assert!(history.perform(&mut set, Edit::Add(annotation("a", "first"))));
        assert!(history.perform_note(&mut notes, NoteEdit::Add(comparison_note("n1", "entry"))));
        assert!(history.perform_note(&mut notes, NoteEdit::Add(comparison_note("n2", "union"))));
        for typed in ["entry,", "entry, not", "entry, not unification"] {
            assert!(
                history.perform_note(&mut notes, NoteEdit::Change(comparison_note("n1", typed)))
            );
        }
        let before_delete = notes.clone();
        assert!(history.perform_note(&mut notes, NoteEdit::Remove("n1".into())));
        assert_eq!(notes.len(), 1);
        // Undo brings the deleted note back at its place, then its wording before the typing
        // (one step for the three changes).
        assert!(history.undo(&mut set, &mut notes));
        assert_eq!(notes, before_delete);
        assert!(history.undo(&mut set, &mut notes));
        assert_eq!(notes[0].note, "entry");
        assert!(history.undo(&mut set, &mut notes));
        assert!(history.undo(&mut set, &mut notes));
        assert!(notes.is_empty());
        assert_eq!(set.live().len(), 1, "the annotation is the step before");
        assert!(history.undo(&mut set, &mut notes));
        assert!(set.live().is_empty());
        for _ in 0..5 {
            assert!(history.redo(&mut set, &mut notes));
        }
        assert_eq!(set.live().len(), 1);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].note_id, "n2");
        // Edits that do not apply are refused and remembered nowhere.
        assert!(!history.perform_note(&mut notes, NoteEdit::Add(comparison_note("n2", "again"))));
        assert!(!history.perform_note(&mut notes, NoteEdit::Remove("n9".into())));
        assert!(!history.perform_note(&mut notes, NoteEdit::Change(comparison_note("n9", ""))));
        assert!(!history.can_redo());
    }

    #[test]
    fn edits_that_do_not_apply_change_nothing() {
        let mut set = Annotations::default();
        let mut history = History::default();
        history.perform(&mut set, Edit::Add(annotation("a", "")));
        let before = set.clone();
        assert!(!history.perform(&mut set, Edit::Add(annotation("a", "duplicate id"))));
        assert!(!history.perform(&mut set, Edit::Delete("missing".into())));
        assert!(!history.perform(&mut set, Edit::Change(annotation("missing", ""))));
        assert!(
            set.restore("a").is_none(),
            "a live annotation is not in the trash"
        );
        assert_eq!(set, before);
    }
}
