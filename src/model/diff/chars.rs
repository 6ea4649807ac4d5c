//! Character offsets over UTF-8 text: an index and a cursor that turn character positions
//! into byte positions without walking the text from its start each time.

use super::*;

/// A text with the byte offset of every 32nd character (`STRIDE`), for slicing by character
/// ranges in (nearly) constant time: slicing long witnesses with [`slice_chars`] over and over
/// is quadratic, and a table of every character's offset is eight bytes a character to make
/// and page in. An ASCII text needs no table: its characters are its bytes.
pub struct CharIndex<'a> {
    pub(super) text: &'a str,
    /// The byte offset of characters 0, STRIDE, 2 × STRIDE …; empty when the text is ASCII.
    pub(super) marks: Vec<usize>,
    /// The number of characters.
    pub(super) length: usize,
}

/// How many characters apart the offsets a [`CharIndex`] keeps are.
pub(super) const STRIDE: usize = 32;

impl<'a> CharIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return Self {
                text,
                marks: Vec::new(),
                length: text.len(),
            };
        }
        let mut marks = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut length = 0;
        for (n, (byte, _)) in text.char_indices().enumerate() {
            if n % STRIDE == 0 {
                marks.push(byte);
            }
            length = n + 1;
        }
        Self {
            text,
            marks,
            length,
        }
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.length
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// The byte offset of character `n` (at most the length).
    pub(super) fn byte(&self, n: usize) -> usize {
        if n >= self.length {
            return self.text.len();
        }
        if self.marks.is_empty() {
            return n;
        }
        let from = self.marks[n / STRIDE];
        self.text[from..]
            .char_indices()
            .nth(n % STRIDE)
            .map_or(self.text.len(), |(b, _)| from + b)
    }

    /// The characters `range` (clamped to the text).
    pub fn slice(&self, range: Range<usize>) -> &'a str {
        let end = range.end.min(self.len());
        let start = range.start.min(end);
        &self.text[self.byte(start)..self.byte(end)]
    }
}

/// Slices of a text by character ranges that mostly go forward, each found from where the
/// last ended: walking a long text's operations or segments in order costs one pass over it,
/// not a count from the start for each.
pub struct CharCursor<'a> {
    pub(super) text: &'a str,
    /// The byte and the character where the last slice ended.
    pub(super) at: (usize, usize),
}

impl<'a> CharCursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Self { text, at: (0, 0) }
    }

    /// The byte offset of character `n`, or the text's length if it has fewer characters;
    /// the cursor then stands there. Counted from the cursor when `n` is at or after it, from
    /// the start otherwise.
    pub fn byte_of(&mut self, n: usize) -> usize {
        if n < self.at.1 {
            self.at = (0, 0);
        }
        let (byte, char) = self.at;
        self.at = match skip_chars(self.text.as_bytes(), byte, n - char) {
            Ok(found) => (found, n),
            Err(counted) => (self.text.len(), char + counted),
        };
        self.at.0
    }

    /// The character the cursor stands at (at most the text's length in characters).
    pub fn position(&self) -> usize {
        self.at.1
    }

    /// The characters `range`, clamped to the text.
    pub fn slice(&mut self, range: Range<usize>) -> &'a str {
        let start = self.byte_of(range.start);
        let end = self.byte_of(range.end.max(range.start));
        &self.text[start..end]
    }
}

/// The byte offset of the character `n` characters after the one at byte `from` (a character
/// boundary of UTF-8 `bytes`), or, past the end, `Err` with how many characters there are from
/// `from` to the end. Eight bytes at a time while far from it: a character starts at every
/// byte but the continuation bytes (`10xxxxxx`).
pub(super) fn skip_chars(bytes: &[u8], from: usize, mut n: usize) -> Result<usize, usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (mut at, wanted) = (from, n);
    while n >= 8
        && let Some(word) = bytes.get(at..at + 8)
    {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        // Bit 7 of each continuation byte: bit 7 set and bit 6 clear.
        let continuations = (word & !(word << 1) & HIGH).count_ones() as usize;
        let starts = 8 - continuations;
        if starts > n {
            break;
        }
        n -= starts;
        at += 8;
    }
    while let Some(&byte) = bytes.get(at) {
        if byte & 0xC0 != 0x80 {
            if n == 0 {
                return Ok(at);
            }
            n -= 1;
        }
        at += 1;
    }
    Err(wanted - n)
}

/// The text of `range` (characters) in `text`.
pub fn slice_chars(text: &str, range: Range<usize>) -> &str {
    let start = text
        .char_indices()
        .nth(range.start)
        .map_or(text.len(), |(b, _)| b);
    let end = text
        .char_indices()
        .nth(range.end)
        .map_or(text.len(), |(b, _)| b);
    &text[start..end.max(start)]
}
