//! What Undo or Redo would change, in the reader's words ("tags of “Stalin tends to be …”"),
//! and the annotation it concerns, so that the window can say what it did and select it.

use super::{Notebook, Step};
use crate::model::annotation::Annotation;
use crate::model::annotation_set::{AnnotationEdit, NoteEdit};

/// What a step of the history changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepSummary {
    /// In words: "tags of “…”", "note on “…”", "highlight “…”", "categories" …
    pub what: String,
    /// The annotation it changes, if it changes one.
    pub annotation_id: Option<String>,
}

/// How much of a quote a summary shows.
const QUOTE_CHARS: usize = 40;

fn quote(annotation: &Annotation) -> String {
    let exact = annotation.anchor.exact.replace('\n', " ");
    let short: String = exact.chars().take(QUOTE_CHARS).collect();
    if exact.chars().count() > QUOTE_CHARS {
        format!("“{}…”", short.trim_end())
    } else {
        format!("“{short}”")
    }
}

impl Notebook {
    /// What the next Undo (`undo`) or Redo would change, if there is one.
    pub fn next_step(&self, undo: bool) -> Option<StepSummary> {
        let step = if undo {
            self.undo.last()
        } else {
            self.redo.last()
        }?;
        Some(self.summary(step))
    }

    /// The annotation with this id, live or in the trash.
    fn any_annotation(&self, id: &str) -> Option<&Annotation> {
        let annotations = &self.contents.annotations;
        annotations.get(id).or_else(|| {
            annotations
                .trash()
                .iter()
                .find(|a| a.annotation_id == id)
                .map(AsRef::as_ref)
        })
    }

    fn summary(&self, step: &Step) -> StepSummary {
        let plain = |what: &str| StepSummary {
            what: what.to_owned(),
            annotation_id: None,
        };
        match step {
            Step::Annotation(edit) => self.annotation_summary(edit),
            Step::ComparisonNote(edit) => match edit {
                NoteEdit::Add(_) | NoteEdit::Remove(_) | NoteEdit::Insert(..) => {
                    plain("a note on a comparison")
                }
                NoteEdit::Change(_) => plain("the text of a note on a comparison"),
                NoteEdit::Delete(_) | NoteEdit::Restore(_) => {
                    plain("the deletion of a note on a comparison")
                }
            },
            Step::Categories(_) => plain("the categories"),
            Step::Study(_) => plain("your own people, places, spellings and terms"),
            Step::Group(steps) => match steps.as_slice() {
                [one] => self.summary(one),
                _ => plain(&format!("{} changes made together", steps.len())),
            },
        }
    }

    fn annotation_summary(&self, edit: &AnnotationEdit) -> StepSummary {
        let (id, what) = match edit {
            AnnotationEdit::Add(annotation) => (
                annotation.annotation_id.as_str(),
                format!("highlight {}", quote(annotation)),
            ),
            AnnotationEdit::Remove(id) => (
                id.as_str(),
                self.any_annotation(id)
                    .map_or("a highlight".to_owned(), |a| {
                        format!("highlight {}", quote(a))
                    }),
            ),
            AnnotationEdit::Delete(id) | AnnotationEdit::Restore(id) => (
                id.as_str(),
                self.any_annotation(id)
                    .map_or("the deletion of a highlight".to_owned(), |a| {
                        format!("the deletion of {}", quote(a))
                    }),
            ),
            AnnotationEdit::Change(other) => {
                let id = other.annotation_id.as_str();
                let what = match self.any_annotation(id) {
                    Some(now) => {
                        let part = if now.tags != other.tags && now.note == other.note {
                            "tags of"
                        } else if now.note != other.note && now.tags == other.tags {
                            "note on"
                        } else if now.category_id != other.category_id
                            && now.note == other.note
                            && now.tags == other.tags
                        {
                            "category of"
                        } else if now.anchor != other.anchor {
                            "place of"
                        } else {
                            "annotation"
                        };
                        format!("{part} {}", quote(now))
                    }
                    None => format!("annotation {}", quote(other)),
                };
                (id, what)
            }
        };
        StepSummary {
            what,
            annotation_id: Some(id.to_owned()),
        }
    }
}
