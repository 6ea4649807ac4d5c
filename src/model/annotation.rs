//! Annotations: a highlighted passage with a category, a note and tags; categories; and how
//! overlapping annotations become non-overlapping styled spans for painting.

use crate::model::text::CharRange;

use serde::{Deserialize, Serialize};

use super::anchor::Anchor;
use super::text::{Text, TextId};
use crate::formats::ids::Timestamp;

/// A named colour with a meaning ("Key argument", "Question" …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// Stable id (kept when the user renames the category).
    pub category_id: String,
    /// The name the user sees.
    pub name: String,
    /// Base colour, sRGB. The view derives light- and dark-theme tints from it.
    pub color: [u8; 3],
}

impl Category {
    /// The name shown: the reader's own, or, for a category a new profile started with and
    /// whose name the reader has not changed, that name in the interface's language.
    pub fn shown_name(&self) -> String {
        let default = match self.category_id.as_str() {
            "key-argument" => Some(("Key argument", crate::tr!("model-category-key-argument"))),
            "question" => Some(("Question", crate::tr!("model-category-question"))),
            "evidence" => Some(("Evidence", crate::tr!("model-category-evidence"))),
            "disagree" => Some(("Disagree", crate::tr!("model-category-disagree"))),
            "term" => Some(("Term", crate::tr!("model-category-term"))),
            "follow-up" => Some(("Follow up", crate::tr!("model-category-follow-up"))),
            _ => None,
        };
        match default {
            Some((english, shown)) if self.name == english => shown,
            Some(_) | None => self.name.clone(),
        }
    }
}

/// The categories a new profile starts with, named in the interface's language (a profile
/// made by the command line, or in English, has the English names, which
/// [`Category::shown_name`] words in the interface's language until the reader renames them).
pub fn default_categories() -> Vec<Category> {
    [
        (
            "key-argument",
            crate::tr!("model-category-key-argument"),
            [0xf2, 0xc1, 0x2e],
        ),
        (
            "question",
            crate::tr!("model-category-question"),
            [0x5b, 0x9b, 0xd5],
        ),
        (
            "evidence",
            crate::tr!("model-category-evidence"),
            [0x70, 0xad, 0x47],
        ),
        (
            "disagree",
            crate::tr!("model-category-disagree"),
            [0xe0, 0x6c, 0x5b],
        ),
        (
            "term",
            crate::tr!("model-category-term"),
            [0xa3, 0x7c, 0xd6],
        ),
        (
            "follow-up",
            crate::tr!("model-category-follow-up"),
            [0xed, 0x8c, 0x3a],
        ),
    ]
    .into_iter()
    .map(|(id, name, color)| Category {
        category_id: id.to_owned(),
        name,
        color,
    })
    .collect()
}

/// One annotation on one text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Stable id (also the id of the W3C export).
    pub annotation_id: String,
    /// The text annotated.
    pub text_id: TextId,
    /// Where: position and quote (survives edits of the text).
    pub anchor: Anchor,
    /// The category's id, if the passage is highlighted in one.
    #[serde(default)]
    pub category_id: Option<String>,
    /// The note (may be empty).
    #[serde(default)]
    pub note: String,
    /// Free-text tags, in the order given, without duplicates.
    #[serde(default)]
    pub tags: Vec<String>,
    /// When it was made.
    pub created: Timestamp,
    /// When it was last changed.
    pub modified: Timestamp,
    /// Other texts of the note, from devices where it was changed at the same time as here
    /// (a sync brought both): kept for the reader to choose from, never dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diverged_notes: Vec<DivergedNote>,
}

/// A text of an annotation's note that another device wrote while this one was changing it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DivergedNote {
    /// The other note.
    pub note: String,
    /// The device that wrote it.
    pub device: String,
    /// When it was changed there.
    pub modified: Timestamp,
}

impl Annotation {
    /// A new annotation of `range` in `text`, made at `now`, with no note or tags.
    pub fn new(
        annotation_id: impl Into<String>,
        text: &Text,
        range: CharRange,
        category_id: Option<&str>,
        now: &Timestamp,
    ) -> Self {
        Self {
            annotation_id: annotation_id.into(),
            text_id: text.id().clone(),
            anchor: Anchor::new(text, range),
            category_id: category_id.map(str::to_owned),
            note: String::new(),
            tags: Vec::new(),
            created: now.clone(),
            modified: now.clone(),
            diverged_notes: Vec::new(),
        }
    }
}

/// A stretch of text with the annotations covering it (indices into the caller's list, in the
/// order given, so later annotations can be painted on top).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StyledSpan {
    /// The characters.
    pub range: CharRange,
    /// Which annotations cover all of them.
    pub covering: Vec<usize>,
}

/// Splits `within` at every annotation boundary and lists, for each piece covered by at least
/// one annotation, which annotations cover it. Overlapping annotations therefore both stay
/// visible (and clickable): the overlap is a span of its own, covered by both.
pub fn styled_spans(ranges: &[CharRange], within: CharRange) -> Vec<StyledSpan> {
    let mut cuts: Vec<usize> = vec![within.start, within.end];
    for range in ranges {
        for point in [range.start, range.end] {
            if within.contains(&point) {
                cuts.push(point);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|pair| {
            let piece = pair[0]..pair[1];
            let covering: Vec<usize> = ranges
                .iter()
                .enumerate()
                .filter(|(_, r)| r.start <= piece.start && piece.end <= r.end && r.start < r.end)
                .map(|(index, _)| index)
                .collect();
            (!covering.is_empty()).then_some(StyledSpan {
                range: CharRange(piece),
                covering,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::marked_text;

    #[test]
    fn default_categories_have_unique_ids_and_names() {
        let categories = default_categories();
        assert_eq!(categories.len(), 6);
        for (i, a) in categories.iter().enumerate() {
            for b in &categories[i + 1..] {
                assert_ne!(a.category_id, b.category_id);
                assert_ne!(a.name, b.name);
            }
        }
    }

    #[test]
    fn overlapping_annotations_become_three_spans() {
        let (_, ranges) = marked_text("formal «unification «with» the» R.S.F.S.R. «in a Union»");
        let spans = styled_spans(&ranges, (0..100).into());
        let described: Vec<(std::ops::Range<usize>, Vec<usize>)> = spans
            .into_iter()
            .map(|s| (s.range.range(), s.covering))
            .collect();
        assert_eq!(
            described,
            [
                (7..19, vec![0]),
                (19..23, vec![0, 1]),
                (23..27, vec![0]),
                (39..49, vec![2]),
            ]
        );
    }

    #[test]
    fn spans_are_clipped_to_the_requested_range() {
        let spans = styled_spans(&[(2..10).into(), (8..20).into()], (5..9).into());
        assert_eq!(spans[0].range, 5..8);
        assert_eq!(spans[0].covering, [0]);
        assert_eq!(spans[1].range, 8..9);
        assert_eq!(spans[1].covering, [0, 1]);
        assert_eq!(spans.len(), 2);
        assert!(styled_spans(&[], (0..10).into()).is_empty());
        assert!(
            styled_spans(&[CharRange(3..3)], (0..10).into()).is_empty(),
            "an empty annotation paints nothing"
        );
    }
}
