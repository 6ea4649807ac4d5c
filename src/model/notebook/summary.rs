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

/// The start of the annotation's passage, without quotation marks (each message puts its
/// language's own around it), with "…" when it is cut.
fn quote(annotation: &Annotation) -> String {
    let exact = annotation.anchor.exact.replace('\n', " ");
    let short: String = exact.chars().take(QUOTE_CHARS).collect();
    if exact.chars().count() > QUOTE_CHARS {
        format!("{}…", short.trim_end())
    } else {
        short
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
        let plain = |what: String| StepSummary {
            what,
            annotation_id: None,
        };
        match step {
            Step::Annotation(edit) => self.annotation_summary(edit),
            Step::ComparisonNote(edit) => match edit {
                NoteEdit::Add(_) | NoteEdit::Remove(_) | NoteEdit::Insert(..) => {
                    plain(crate::tr!("model-step-comparison-note"))
                }
                NoteEdit::Change(_) => plain(crate::tr!("model-step-comparison-note-text")),
                NoteEdit::Delete(_) | NoteEdit::Restore(_) => {
                    plain(crate::tr!("model-step-comparison-note-deletion"))
                }
            },
            Step::Categories(_) => plain(crate::tr!("model-step-categories")),
            Step::Study(_) => plain(crate::tr!("model-step-study")),
            Step::Group(steps) => match steps.as_slice() {
                [one] => self.summary(one),
                _ => plain(crate::tr!("model-step-group", count = steps.len())),
            },
        }
    }

    fn annotation_summary(&self, edit: &AnnotationEdit) -> StepSummary {
        let (id, what) = match edit {
            AnnotationEdit::Add(annotation) => (
                annotation.annotation_id.as_str(),
                crate::tr!("model-step-highlight", quote = quote(annotation)),
            ),
            AnnotationEdit::Remove(id) => (
                id.as_str(),
                self.any_annotation(id).map_or_else(
                    || crate::tr!("model-step-a-highlight"),
                    |a| crate::tr!("model-step-highlight", quote = quote(a)),
                ),
            ),
            AnnotationEdit::Delete(id) | AnnotationEdit::Restore(id) => (
                id.as_str(),
                self.any_annotation(id).map_or_else(
                    || crate::tr!("model-step-highlight-deletion"),
                    |a| crate::tr!("model-step-deletion-of", quote = quote(a)),
                ),
            ),
            AnnotationEdit::Change(other) => {
                let id = other.annotation_id.as_str();
                let what = match self.any_annotation(id) {
                    Some(now) => {
                        let quote = quote(now);
                        if now.tags != other.tags && now.note == other.note {
                            crate::tr!("model-step-tags-of", quote = quote)
                        } else if now.note != other.note && now.tags == other.tags {
                            crate::tr!("model-step-note-on", quote = quote)
                        } else if now.category_id != other.category_id
                            && now.note == other.note
                            && now.tags == other.tags
                        {
                            crate::tr!("model-step-category-of", quote = quote)
                        } else if now.anchor != other.anchor {
                            crate::tr!("model-step-place-of", quote = quote)
                        } else {
                            crate::tr!("model-step-annotation", quote = quote)
                        }
                    }
                    None => crate::tr!("model-step-annotation", quote = quote(other)),
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
