//! The annotation set and undo/redo of its edits.
//!
//! Every change to annotations is an [`Edit`] with an exact inverse; [`Annotations::apply`]
//! carries one out and returns its inverse, which [`History`] keeps. Deleting moves an
//! annotation to the trash rather than dropping it, so nothing the user made disappears
//! without a way back: undo restores it, and so does [`Annotations::restore`] from the trash.

use std::sync::Arc;

use super::annotation::Annotation;

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

/// Undo and redo stacks of inverse edits.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl History {
    /// Applies `edit` and remembers how to undo it; a new edit clears the redo stack.
    /// Returns false if the edit did not apply.
    pub fn perform(&mut self, annotations: &mut Annotations, edit: Edit) -> bool {
        match annotations.apply(edit) {
            Some(inverse) => {
                self.undo.push(inverse);
                self.redo.clear();
                true
            }
            None => false,
        }
    }

    /// Undoes the last edit; false when there is nothing to undo.
    pub fn undo(&mut self, annotations: &mut Annotations) -> bool {
        Self::step(&mut self.undo, &mut self.redo, annotations)
    }

    /// Redoes the last undone edit; false when there is nothing to redo.
    pub fn redo(&mut self, annotations: &mut Annotations) -> bool {
        Self::step(&mut self.redo, &mut self.undo, annotations)
    }

    /// Applies the top edit of `from` and keeps its inverse on `to`.
    fn step(from: &mut Vec<Edit>, to: &mut Vec<Edit>, annotations: &mut Annotations) -> bool {
        let Some(edit) = from.pop() else {
            return false;
        };
        match annotations.apply(edit) {
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

        assert!(history.undo(&mut set)); // delete
        assert_eq!(notes(&set), [("a", "edited"), ("b", "")]);
        assert!(set.trash().is_empty());
        assert!(history.undo(&mut set)); // change
        assert_eq!(notes(&set), [("a", "first"), ("b", "")]);
        assert!(history.undo(&mut set)); // add b
        assert!(history.undo(&mut set)); // add a
        assert!(set.live().is_empty());
        assert!(!history.undo(&mut set), "nothing left to undo");

        for _ in 0..4 {
            assert!(history.redo(&mut set));
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
        history.undo(&mut set);
        assert!(set.live().is_empty());
        assert!(set.trash().is_empty());
        history.redo(&mut set);
        assert_eq!(set.live().len(), 1);
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut set = Annotations::default();
        let mut history = History::default();
        history.perform(&mut set, Edit::Add(annotation("a", "")));
        history.undo(&mut set);
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
        assert!(history.undo(&mut set));
        assert!(set.get("a").is_none());
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
