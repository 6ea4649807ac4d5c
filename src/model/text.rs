//! A text: its metadata, its normalised content and the paragraphs of that content.
//!
//! # Positions
//!
//! Every position in Lectern is a **character offset**: a count of Unicode scalar values (Rust
//! `char`s) from the start of a text's [`Text::content`], and every range is half-open,
//! `[start, end)`, as in the W3C Web Annotation `TextPositionSelector`. Byte offsets appear only
//! at the boundary to egui and inside this module.
//!
//! The content is the text's paragraphs joined by a blank line (`"\n\n"`). For the paragraphs
//! `"Dear Comrades:"` and `"I am following"` the content is `"Dear Comrades:\n\nI am following"`;
//! paragraph 0 covers characters `[0, 14)`, the separator `[14, 16)` and paragraph 1 starts
//! at 16. Copying a range that crosses a paragraph boundary therefore yields the blank line too.

use std::ops::Range;

use sha2::{Digest, Sha256};

pub use crate::formats::ids::TextId;
use crate::formats::text_format::{ParsedText, TextMeta};

/// A half-open range of offsets of one kind, with the kind in its type: [`CharRange`] counts
/// characters (Unicode scalar values, as every position Lectern keeps), [`ByteRange`] bytes of
/// the UTF-8 (as `str` slices and the diff's inner work). Each reads as the `Range` it wraps
/// (`.start`, `.end`, `.len()`), and turns into one only by [`CharRange::range`] or
/// [`ByteRange::range`], so that one cannot be used for the other by mistake.
macro_rules! offset_range {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Range<usize>);

        impl $name {
            /// The range of offsets, as a plain `Range`.
            pub fn range(&self) -> Range<usize> {
                self.0.clone()
            }
        }

        impl From<Range<usize>> for $name {
            fn from(range: Range<usize>) -> Self {
                Self(range)
            }
        }

        impl std::ops::Deref for $name {
            type Target = Range<usize>;

            fn deref(&self) -> &Range<usize> {
                &self.0
            }
        }

        impl PartialEq<Range<usize>> for $name {
            fn eq(&self, other: &Range<usize>) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<$name> for Range<usize> {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl std::ops::DerefMut for $name {
            fn deref_mut(&mut self) -> &mut Range<usize> {
                &mut self.0
            }
        }
    };
}

offset_range!(
    /// A half-open range of characters (Unicode scalar values) of a text.
    CharRange
);
offset_range!(
    /// A half-open range of bytes of a text's UTF-8.
    ByteRange
);

/// One paragraph's place in its text's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Character range in the content (see the module docs).
    pub chars: CharRange,
    /// Byte range of the same characters in the content string.
    pub bytes: ByteRange,
}

impl Paragraph {
    /// Number of characters.
    pub fn char_len(&self) -> usize {
        self.chars.end - self.chars.start
    }

    fn is_ascii(&self) -> bool {
        self.char_len() == self.bytes.end - self.bytes.start
    }
}

/// A readable text: metadata and content split into paragraphs.
///
/// Invariant: `paragraphs` are non-empty, in order, and separated in `content` by exactly
/// [`PARAGRAPH_SEPARATOR`]; the content neither starts nor ends with the separator.
#[derive(Clone, Debug)]
pub struct Text {
    meta: TextMeta,
    content: String,
    paragraphs: Vec<Paragraph>,
    content_hash: String,
}

/// What separates two paragraphs in a text's content.
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";
const SEPARATOR_CHARS: usize = 2;

impl Text {
    /// Builds a text from metadata and paragraphs. Empty paragraphs are dropped; a text with no
    /// paragraph gets one empty paragraph so that every text has at least one.
    pub fn new(meta: TextMeta, paragraphs: impl IntoIterator<Item = String>) -> Self {
        let mut content = String::new();
        let mut spans = Vec::new();
        let mut char_pos = 0;
        for paragraph in paragraphs.into_iter().filter(|p| !p.is_empty()) {
            if !spans.is_empty() {
                content.push_str(PARAGRAPH_SEPARATOR);
                char_pos += SEPARATOR_CHARS;
            }
            let byte_start = content.len();
            let char_len = paragraph.chars().count();
            content.push_str(&paragraph);
            spans.push(Paragraph {
                chars: (char_pos..char_pos + char_len).into(),
                bytes: (byte_start..content.len()).into(),
            });
            char_pos += char_len;
        }
        if spans.is_empty() {
            spans.push(Paragraph {
                chars: (0..0).into(),
                bytes: (0..0).into(),
            });
        }
        let content_hash = content_hash(&content);
        Self {
            meta,
            content,
            paragraphs: spans,
            content_hash,
        }
    }

    /// Builds a text from a parsed text file.
    pub fn from_parsed(parsed: ParsedText) -> Self {
        Self::new(parsed.meta, parsed.paragraphs)
    }

    /// The text's id.
    pub fn id(&self) -> &TextId {
        &self.meta.id
    }

    /// Metadata and provenance.
    pub fn meta(&self) -> &TextMeta {
        &self.meta
    }

    /// The whole normalised content (paragraphs joined by [`PARAGRAPH_SEPARATOR`]).
    pub fn content(&self) -> &str {
        &self.content
    }

    /// `sha256:` followed by the hex SHA-256 of the content: identifies this version of the text.
    pub fn content_hash(&self) -> &str {
        &self.content_hash
    }

    /// The paragraphs, in order; never empty.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// Number of characters in the content.
    pub fn char_len(&self) -> usize {
        self.paragraphs.last().map_or(0, |p| p.chars.end)
    }

    /// The text of paragraph `index`.
    ///
    /// # Panics
    /// If `index` is out of range.
    pub fn paragraph_text(&self, index: usize) -> &str {
        &self.content[self.paragraphs[index].bytes.range()]
    }

    /// The paragraph holding character `offset`, or the one just before it when `offset` falls on
    /// a separator; the last paragraph for offsets at or past the end.
    pub fn paragraph_at(&self, offset: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.chars.start <= offset)
            .saturating_sub(1)
    }

    /// Where the printed pages of the text's edition begin, as character offsets of the
    /// content, with their numbers; none for a text without page markers.
    pub fn page_starts(&self) -> impl Iterator<Item = (usize, &str)> + '_ {
        self.meta.pages.iter().filter_map(|page| {
            let paragraph = self.paragraphs.get(page.paragraph)?;
            Some((
                (paragraph.chars.start + page.offset).min(paragraph.chars.end),
                page.label.as_str(),
            ))
        })
    }

    /// The printed pages `range` lies on: the page of its first character and of its last
    /// ("421", "422"); none for a text without pages, or a passage before its first page.
    pub fn pages_of(&self, range: CharRange) -> Option<(&str, &str)> {
        let marks = &self.meta.pages;
        if marks.is_empty() {
            return None;
        }
        let place = |offset: usize| {
            let index = self.paragraph_at(offset);
            (
                index,
                offset.saturating_sub(self.paragraphs[index].chars.start),
            )
        };
        let (first_paragraph, first_offset) = place(range.start);
        let (last_paragraph, last_offset) = place(range.end.saturating_sub(1).max(range.start));
        let first = crate::formats::pages::page_at(marks, first_paragraph, first_offset)?;
        let last =
            crate::formats::pages::page_at(marks, last_paragraph, last_offset).unwrap_or(first);
        Some((first, last))
    }

    /// Whether character `offset` is inside an editor's square-bracketed insertion (only in a
    /// text whose metadata says its brackets are an editor's: `editor_brackets`).
    pub fn editorial_at(&self, offset: usize) -> bool {
        if self.meta.editor_brackets.is_none() || offset >= self.char_len() {
            return false;
        }
        let index = self.paragraph_at(offset);
        let paragraph = &self.paragraphs[index];
        if offset >= paragraph.chars.end {
            return false;
        }
        let byte = self.byte_offset(offset) - paragraph.bytes.start;
        crate::formats::text_format::bracketed(self.paragraph_text(index))
            .iter()
            .any(|span| span.contains(&byte))
    }

    /// The byte offset in [`Self::content`] of character `offset` (clamped to the end).
    pub fn byte_offset(&self, offset: usize) -> usize {
        let offset = offset.min(self.char_len());
        let paragraph = &self.paragraphs[self.paragraph_at(offset)];
        if offset >= paragraph.chars.end {
            // On the separator after the paragraph: separators are ASCII.
            return paragraph.bytes.end + (offset - paragraph.chars.end);
        }
        let within = offset - paragraph.chars.start;
        if paragraph.is_ascii() {
            return paragraph.bytes.start + within;
        }
        let text = &self.content[paragraph.bytes.range()];
        paragraph.bytes.start
            + text
                .char_indices()
                .nth(within)
                .map_or(text.len(), |(b, _)| b)
    }

    /// The character offset of byte `byte` of [`Self::content`] (a char boundary; clamped to
    /// the end): the inverse of [`Self::byte_offset`].
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.content.len());
        let index = self
            .paragraphs
            .partition_point(|p| p.bytes.start <= byte)
            .saturating_sub(1);
        let paragraph = &self.paragraphs[index];
        if byte >= paragraph.bytes.end {
            // On the separator after the paragraph: separators are ASCII.
            return paragraph.chars.end + (byte - paragraph.bytes.end);
        }
        if paragraph.is_ascii() {
            return paragraph.chars.start + (byte - paragraph.bytes.start);
        }
        paragraph.chars.start + self.content[paragraph.bytes.start..byte].chars().count()
    }

    /// The content between two character offsets (clamped; an inverted range is empty).
    pub fn slice(&self, range: CharRange) -> &str {
        let start = self.byte_offset(range.start);
        let end = self.byte_offset(range.end).max(start);
        &self.content[start..end]
    }

    /// A character range clamped to the content.
    pub fn clamp_range(&self, range: CharRange) -> CharRange {
        let len = self.char_len();
        let start = range.start.min(len);
        CharRange(start..range.end.clamp(start, len))
    }
}

/// `name` in lower case, with each run of characters `keep` refuses made one dash, and no dash
/// at either end: "On the Establishment (1922)" → "on-the-establishment-1922". Ids keep ASCII
/// letters and digits; file names keep every letter and digit.
pub fn slug(name: &str, keep: impl Fn(char) -> bool) -> String {
    let mut slug = String::new();
    for ch in name.chars().flat_map(char::to_lowercase) {
        if keep(ch) {
            slug.push(ch);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// The content hash used for [`Text::content_hash`].
pub fn content_hash(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    let mut hex = String::with_capacity(7 + 64);
    hex.push_str("sha256:");
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_of_characters_is_written_as_a_plain_range_and_diffs_count_characters() {
        // Files and `lectern compare --format json` keep their shape: {"start", "end"}.
        let range = CharRange(3..7);
        let json = serde_json::to_string(&range).unwrap();
        assert_eq!(json, r#"{"start":3,"end":7}"#);
        assert_eq!(serde_json::from_str::<CharRange>(&json).unwrap(), range);
        // The diff works on bytes inside; what it gives counts characters (Cyrillic takes two
        // bytes a letter).
        let ops =
            crate::model::diff::diff("вступление РСФСР", "объединение РСФСР", &Default::default());
        let changed: Vec<&CharRange> = ops
            .iter()
            .filter(|op| op.kind == crate::model::diff::OpKind::Delete)
            .map(|op| &op.a)
            .collect();
        assert_eq!(changed, [&CharRange(0..10)]);
    }

    fn text(paragraphs: &[&str]) -> Text {
        crate::testing::text_of(paragraphs)
    }

    #[test]
    fn paragraphs_are_joined_by_a_blank_line() {
        let t = text(&["Dear Comrades:", "I am following"]);
        assert_eq!(t.content(), "Dear Comrades:\n\nI am following");
        assert_eq!(t.paragraphs()[0].chars, 0..14);
        assert_eq!(t.paragraphs()[1].chars, 16..30);
        assert_eq!(t.paragraph_text(1), "I am following");
        assert_eq!(t.char_len(), 30);
    }

    #[test]
    fn paragraph_at_maps_separators_to_the_paragraph_before() {
        let t = text(&["abc", "de", "f"]);
        // a b c \n \n d e \n \n f
        // 0 1 2 3  4  5 6 7  8  9
        assert_eq!(t.paragraph_at(0), 0);
        assert_eq!(t.paragraph_at(3), 0);
        assert_eq!(t.paragraph_at(4), 0);
        assert_eq!(t.paragraph_at(5), 1);
        assert_eq!(t.paragraph_at(9), 2);
        assert_eq!(t.paragraph_at(10), 2);
        assert_eq!(t.paragraph_at(1000), 2);
    }

    #[test]
    fn cyrillic_and_georgian_offsets_count_characters_not_bytes() {
        let t = text(&["вступление в состав", "ერთობა"]);
        assert_eq!(t.paragraphs()[0].chars, 0..19);
        assert_eq!(t.paragraphs()[1].chars, 21..27);
        assert_eq!(t.slice((0..10).into()), "вступление");
        assert_eq!(t.slice((21..24).into()), "ერთ");
        assert_eq!(t.slice((17..23).into()), "ав\n\nერ");
    }

    #[test]
    fn char_offset_is_the_inverse_of_byte_offset_everywhere() {
        let t = text(&["вступление в", "ab", "ერთობა x", "z"]);
        for offset in 0..=t.char_len() {
            assert_eq!(t.char_offset(t.byte_offset(offset)), offset, "at {offset}");
        }
        assert_eq!(t.char_offset(usize::MAX), t.char_len());
    }

    #[test]
    fn combining_marks_are_characters_of_their_own() {
        // "é" written as e + COMBINING ACUTE ACCENT is two characters.
        let t = text(&["cafe\u{301} noir"]);
        assert_eq!(t.char_len(), 10);
        assert_eq!(t.slice((0..5).into()), "cafe\u{301}");
        assert_eq!(t.slice((6..10).into()), "noir");
    }

    #[test]
    fn slice_clamps_and_never_panics() {
        let t = text(&["ab", "cd"]);
        assert_eq!(t.slice((1..100).into()), "b\n\ncd");
        assert_eq!(t.slice(CharRange(Range { start: 5, end: 2 })), "");
        assert_eq!(t.clamp_range(CharRange(3..100)), 3..6);
        assert_eq!(t.clamp_range(CharRange(50..60)), 6..6);
    }

    #[test]
    fn empty_paragraphs_are_dropped_and_an_empty_text_has_one_paragraph() {
        let t = text(&["", "a", ""]);
        assert_eq!(t.paragraphs().len(), 1);
        assert_eq!(t.content(), "a");
        let empty = text(&[]);
        assert_eq!(empty.paragraphs().len(), 1);
        assert_eq!(empty.char_len(), 0);
        assert_eq!(empty.slice((0..1).into()), "");
    }

    #[test]
    fn content_hash_changes_with_the_content() {
        let a = text(&["one"]);
        let b = text(&["one "]);
        assert!(a.content_hash().starts_with("sha256:"));
        assert_eq!(a.content_hash().len(), 7 + 64);
        assert_ne!(a.content_hash(), b.content_hash());
        assert_eq!(a.content_hash(), text(&["one"]).content_hash());
    }
}
