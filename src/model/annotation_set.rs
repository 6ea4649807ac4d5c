//! The annotation set, and the edits of annotations and of notes on comparisons with their
//! exact inverses.
//!
//! Every change to annotations is an [`AnnotationEdit`]; [`Annotations::apply`] carries one out and
//! returns its inverse, which the [`Notebook`](super::notebook::Notebook)'s history keeps.
//! Deleting moves an annotation to the trash rather than dropping it, so nothing the user made
//! disappears without a way back: undo restores it, and so does [`Annotations::restore`] from
//! the trash. Notes on comparisons change by [`NoteEdit`]s, kept in the same history, so that
//! Ctrl+Z takes back the last thing done, whichever it was.

use std::sync::Arc;

use super::annotation::Annotation;
use super::comparison::ComparisonNote;

/// One change to the annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnnotationEdit {
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
    /// The annotations `live` (in the order they were made) and `trash` (most recently
    /// deleted last).
    pub fn from_parts(live: Vec<Annotation>, trash: Vec<Annotation>) -> Self {
        Self {
            live: live.into_iter().map(Arc::new).collect(),
            trash: trash.into_iter().map(Arc::new).collect(),
        }
    }

    /// As [`Annotations::from_parts`], with annotations already shared.
    pub fn from_shared(live: Vec<Arc<Annotation>>, trash: Vec<Arc<Annotation>>) -> Self {
        Self { live, trash }
    }

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
    pub fn apply(&mut self, edit: AnnotationEdit) -> Option<AnnotationEdit> {
        let position =
            |list: &[Arc<Annotation>], id: &str| list.iter().position(|a| a.annotation_id == id);
        match edit {
            AnnotationEdit::Add(annotation) => {
                let id = annotation.annotation_id.clone();
                if position(&self.live, &id).is_some() || position(&self.trash, &id).is_some() {
                    return None;
                }
                self.live.push(Arc::new(annotation));
                Some(AnnotationEdit::Remove(id))
            }
            AnnotationEdit::Remove(id) => {
                let index = position(&self.live, &id)?;
                Some(AnnotationEdit::Add(Arc::unwrap_or_clone(
                    self.live.remove(index),
                )))
            }
            AnnotationEdit::Delete(id) => {
                let index = position(&self.live, &id)?;
                self.trash.push(self.live.remove(index));
                Some(AnnotationEdit::Restore(id))
            }
            AnnotationEdit::Restore(id) => {
                let index = position(&self.trash, &id)?;
                self.live.push(self.trash.remove(index));
                Some(AnnotationEdit::Delete(id))
            }
            AnnotationEdit::Change(changed) => {
                let index = position(&self.live, &changed.annotation_id)?;
                let before = std::mem::replace(&mut self.live[index], Arc::new(changed));
                Some(AnnotationEdit::Change(Arc::unwrap_or_clone(before)))
            }
        }
    }

    /// Brings an annotation back from the trash (not an undo: it can itself be undone).
    pub fn restore(&mut self, annotation_id: &str) -> Option<AnnotationEdit> {
        self.apply(AnnotationEdit::Restore(annotation_id.to_owned()))
    }
}

/// One change to the notes on comparisons.
///
/// Deleting moves a note to the notes' trash, as deleting an annotation does: nothing the
/// reader wrote on a comparison is removed without a way back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteEdit {
    /// Add a note.
    Add(ComparisonNote),
    /// Take a note (by id) out entirely: undoing its creation.
    Remove(String),
    /// Put a note back at its place in the list (the undo of a removal).
    Insert(usize, ComparisonNote),
    /// Replace a note with a changed version of itself (same id).
    Change(ComparisonNote),
    /// Move a note (by id) to the trash.
    Delete(String),
    /// Bring a note (by id) back from the trash.
    Restore(String),
}

/// The notes on comparisons and their trash, as [`NoteEdit::apply`] changes them.
///
/// Invariant: an id is in at most one of the two lists.
pub struct NoteLists<'a> {
    /// The live notes, in the order they were made.
    pub live: &'a mut Vec<ComparisonNote>,
    /// Deleted notes that can still be restored, most recently deleted last.
    pub trash: &'a mut Vec<ComparisonNote>,
}

impl NoteEdit {
    /// Carries out the edit on `notes`; returns its inverse, or `None` (and changes nothing)
    /// if it does not apply.
    pub fn apply(self, notes: NoteLists<'_>) -> Option<NoteEdit> {
        let position =
            |notes: &[ComparisonNote], id: &str| notes.iter().position(|n| n.note_id == id);
        let NoteLists { live, trash } = notes;
        match self {
            NoteEdit::Add(note) => {
                NoteEdit::Insert(live.len(), note).apply(NoteLists { live, trash })
            }
            NoteEdit::Insert(index, note) => {
                if position(live, &note.note_id).is_some()
                    || position(trash, &note.note_id).is_some()
                {
                    return None;
                }
                let id = note.note_id.clone();
                live.insert(index.min(live.len()), note);
                Some(NoteEdit::Remove(id))
            }
            NoteEdit::Remove(id) => {
                let index = position(live, &id)?;
                Some(NoteEdit::Insert(index, live.remove(index)))
            }
            NoteEdit::Change(changed) => {
                let index = position(live, &changed.note_id)?;
                Some(NoteEdit::Change(std::mem::replace(
                    &mut live[index],
                    changed,
                )))
            }
            NoteEdit::Delete(id) => {
                let index = position(live, &id)?;
                trash.push(live.remove(index));
                Some(NoteEdit::Restore(id))
            }
            NoteEdit::Restore(id) => {
                let index = position(trash, &id)?;
                let note = trash.remove(index);
                // Back at its place: the notes are in the order they were made.
                let key = |n: &ComparisonNote| (n.created.clone(), n.note_id.clone());
                let at = live
                    .iter()
                    .position(|n| key(n) > key(&note))
                    .unwrap_or(live.len());
                live.insert(at, note);
                Some(NoteEdit::Delete(id))
            }
        }
    }
}
