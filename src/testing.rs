//! Helpers for tests: ranges written inside strings.
//!
//! `marked_text("The «quick» fox")` returns `("The quick fox", [4..9])`: the markers `«` and `»`
//! are removed and the ranges between them returned as character offsets into the unmarked
//! text. Tests of selections, highlights and diffs read at a glance this way.

use std::ops::Range;

use crate::formats::text_format::TextMeta;
use crate::model::text::Text;

/// A text with default metadata and the given paragraphs.
pub fn text_of(paragraphs: &[&str]) -> Text {
    Text::new(
        TextMeta::default(),
        paragraphs.iter().map(|p| (*p).to_owned()),
    )
}

/// Removes `«` `»` markers and returns the plain text and the marked character ranges, in the
/// order their opening markers appear. Ranges may nest.
///
/// # Panics
/// On unbalanced markers: the helper is for tests, and a malformed test string is a bug in the
/// test.
pub fn marked_text(marked: &str) -> (String, Vec<crate::model::text::CharRange>) {
    let mut text = String::with_capacity(marked.len());
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut ranges: Vec<(usize, Range<usize>)> = Vec::new();
    let mut chars = 0;
    for ch in marked.chars() {
        match ch {
            '«' => open.push((ranges.len() + open.len(), chars)),
            '»' => {
                let (order, start) = open.pop().expect("a » without a «");
                ranges.push((order, start..chars));
            }
            _ => {
                text.push(ch);
                chars += 1;
            }
        }
    }
    assert!(open.is_empty(), "a « without a »");
    ranges.sort_by_key(|(order, _)| *order);
    (
        text,
        ranges
            .into_iter()
            .map(|(_, range)| crate::model::text::CharRange(range))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::marked_text;
    use crate::model::text::CharRange;

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // a list of ranges that happens to hold one
    fn markers_become_character_ranges() {
        assert_eq!(
            marked_text("The «quick» fox"),
            ("The quick fox".into(), vec![CharRange(4..9)])
        );
        assert_eq!(
            marked_text("«вс»тупление"),
            ("вступление".into(), vec![CharRange(0..2)])
        );
        assert_eq!(
            marked_text("a «b «c» d» e"),
            ("a b c d e".into(), vec![CharRange(2..7), CharRange(4..5)])
        );
    }
}
