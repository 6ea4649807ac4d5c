//! The reader's selection: a range of characters in one text.
//!
//! A [`Selection`] has an `anchor` (where the user pressed) and a `head` (where the pointer or
//! the extending click is now); both are character offsets into [`Text::content`] (see
//! [`crate::model::text`] for what offsets mean). The selected range is
//! `min(anchor, head)..max(anchor, head)`, so dragging backwards works. Selections cross
//! paragraph boundaries freely; copying one yields the blank line between paragraphs.

use crate::model::text::CharRange;

use unicode_segmentation::UnicodeSegmentation;

use super::text::Text;

/// A selection in one text, by character offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Selection {
    /// Where the selection started (stays put while extending).
    pub anchor: usize,
    /// The moving end.
    pub head: usize,
}

impl Selection {
    /// A selection of `range`, anchored at its start.
    pub fn from_range(range: CharRange) -> Self {
        Self {
            anchor: range.start,
            head: range.end,
        }
    }

    /// An empty selection (a caret) at `offset`.
    pub fn caret(offset: usize) -> Self {
        Self {
            anchor: offset,
            head: offset,
        }
    }

    /// The selected characters, `[start, end)`.
    pub fn range(&self) -> CharRange {
        CharRange(self.anchor.min(self.head)..self.anchor.max(self.head))
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.anchor == self.head
    }

    /// The same selection with its head moved to `head` (shift-click, drag).
    #[must_use]
    pub fn extended_to(self, head: usize) -> Self {
        Self {
            anchor: self.anchor,
            head,
        }
    }
}

/// The word (UAX #29 word boundaries) at character `offset`, for double-click selection.
///
/// Clicking on a space or punctuation selects just that run; clicking past a paragraph's end
/// selects the paragraph's last word.
pub fn word_range_at(text: &Text, offset: usize) -> CharRange {
    let index = text.paragraph_at(offset);
    let paragraph = &text.paragraphs()[index];
    let within = offset
        .saturating_sub(paragraph.chars.start)
        .min(paragraph.char_len());
    let paragraph_text = text.paragraph_text(index);
    let mut start = 0;
    let mut last = 0..0;
    for segment in paragraph_text.split_word_bounds() {
        let len = segment.chars().count();
        let range = start..start + len;
        if within < range.end {
            return CharRange(
                paragraph.chars.start + range.start..paragraph.chars.start + range.end,
            );
        }
        last = range;
        start += len;
    }
    CharRange(paragraph.chars.start + last.start..paragraph.chars.start + last.end)
}

/// The whole paragraph holding character `offset`, for triple-click selection.
pub fn paragraph_range_at(text: &Text, offset: usize) -> CharRange {
    text.paragraphs()[text.paragraph_at(offset)].chars.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::marked_text;

    fn text(paragraphs: &[&str]) -> Text {
        crate::testing::text_of(paragraphs)
    }

    #[test]
    fn range_is_ordered_whichever_way_the_user_dragged() {
        assert_eq!(Selection { anchor: 9, head: 3 }.range(), 3..9);
        assert_eq!(Selection { anchor: 3, head: 9 }.range(), 3..9);
        assert!(Selection::caret(4).is_empty());
        assert_eq!(Selection::caret(4).extended_to(1).range(), 1..4);
    }

    #[test]
    fn a_selection_across_paragraphs_copies_the_blank_line() {
        let t = text(&["Stalin has agreed to delay.", "That is my tentative draft."]);
        let (_, ranges) =
            marked_text("Stalin has agreed to «delay.\n\nThat» is my tentative draft.");
        let selection = Selection::from_range(ranges[0].clone());
        assert_eq!(t.slice(selection.range()), "delay.\n\nThat");
        assert_eq!(t.paragraph_at(selection.range().start), 0);
        assert_eq!(t.paragraph_at(selection.range().end), 1);
    }

    #[test]
    fn double_click_selects_a_word() {
        let (plain, ranges) = marked_text("formal «unification» with the R.S.F.S.R.");
        let t = text(&[&plain]);
        for offset in ranges[0].range() {
            assert_eq!(word_range_at(&t, offset), ranges[0].clone(), "at {offset}");
        }
    }

    #[test]
    fn double_click_selects_cyrillic_and_georgian_words() {
        let (plain, ranges) = marked_text("о формальном «вступлении» первых");
        let t = text(&[&plain]);
        assert_eq!(word_range_at(&t, ranges[0].start + 3), ranges[0].clone());
        let (plain, ranges) = marked_text("საქართველოს «რესპუბლიკა» და");
        let t = text(&[&plain]);
        assert_eq!(word_range_at(&t, ranges[0].start + 1), ranges[0].clone());
    }

    #[test]
    fn double_click_keeps_combining_marks_with_their_word() {
        let (plain, ranges) = marked_text("un «cafe\u{301}» noir");
        let t = text(&[&plain]);
        assert_eq!(word_range_at(&t, ranges[0].start), ranges[0].clone());
        assert_eq!(t.slice(ranges[0].clone()), "cafe\u{301}");
    }

    #[test]
    fn double_click_past_the_end_of_a_paragraph_takes_its_last_word() {
        let t = text(&["one two", "three"]);
        assert_eq!(word_range_at(&t, 7), 4..7);
        assert_eq!(word_range_at(&t, 8), 4..7);
        assert_eq!(word_range_at(&t, 9), 9..14);
    }

    #[test]
    fn triple_click_selects_the_paragraph() {
        let t = text(&["one two", "three four"]);
        assert_eq!(paragraph_range_at(&t, 2), 0..7);
        assert_eq!(paragraph_range_at(&t, 12), 9..19);
    }
}
