//! Anchors: where an annotation sits in a text, in a form that survives changes to the text.
//!
//! An [`Anchor`] records a passage the way the W3C Web Annotation model does, twice over:
//!
//! - a **TextPositionSelector**: the character range `[start, end)` in the text's content (see
//!   [`crate::model::text`] for what offsets mean);
//! - a **TextQuoteSelector**: the exact quote, with up to [`CONTEXT_CHARS`] characters of
//!   prefix and suffix around it;
//!
//! plus the content hash of the text it was made on. For the text "one «two» three", the anchor
//! of «two» is `start: 4, end: 7, exact: "two", prefix: "one ", suffix: " three"`.
//!
//! [`Anchor::resolve`] finds the passage again in a text that may have changed, in order of
//! confidence: the same version (hash) or the quote still at its position; the exact quote
//! elsewhere, the occurrence with the best-matching context nearest the old position winning;
//! then a fuzzy search for a slightly edited quote between its surviving context or its
//! surviving head and tail. What cannot be found is an orphan: the caller keeps it and shows it,
//! never drops it.
//!
//! Searches look near the old place first and widen (a few thousand characters, tens of
//! thousands, a million, then the whole text), so that re-anchoring a thousand annotations on an
//! edited volume takes milliseconds: an exact quote with all its context found nearby cannot
//! be bettered farther away, and a fuzzy match is taken from the nearest stretch that has one.

use crate::model::text::CharRange;
use std::ops::Range;

use super::text::Text;

/// How many characters of context an anchor keeps on each side of its quote.
pub const CONTEXT_CHARS: usize = 32;
/// The least similarity (0–1) for a fuzzy match to count.
pub const FUZZY_THRESHOLD: f64 = 0.75;

/// A passage of a text, by position and by quote (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Anchor {
    /// First character of the passage.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The passage exactly as it was.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters before it.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after it.
    pub suffix: String,
    /// The content hash of the text the anchor was made on.
    pub content_hash: String,
}

/// Where an anchor was found, and how.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolution {
    /// At its recorded position (same text, or the quote is still there).
    Exact(CharRange),
    /// The exact quote, found at another position.
    Moved(CharRange),
    /// A passage similar to the quote (similarity 0–1), found where its context is.
    Fuzzy(CharRange, f64),
    /// Not found: keep the annotation and let the user re-attach it.
    Orphan,
}

impl Resolution {
    /// The range found, if any.
    pub fn range(&self) -> Option<CharRange> {
        match self {
            Self::Exact(range) | Self::Moved(range) | Self::Fuzzy(range, _) => Some(range.clone()),
            Self::Orphan => None,
        }
    }
}

impl Anchor {
    /// The characters the anchor was made on (where its text had them then).
    pub fn range(&self) -> CharRange {
        CharRange(self.start..self.end)
    }

    /// The anchor of `range` (clamped) in `text`.
    pub fn new(text: &Text, range: CharRange) -> Self {
        let range = text.clamp_range(range);
        let prefix_start = range.start.saturating_sub(CONTEXT_CHARS);
        let suffix_end = (range.end + CONTEXT_CHARS).min(text.char_len());
        Self {
            start: range.start,
            end: range.end,
            exact: text.slice(range.clone()).to_owned(),
            prefix: text.slice((prefix_start..range.start).into()).to_owned(),
            suffix: text.slice((range.end..suffix_end).into()).to_owned(),
            content_hash: text.content_hash().to_owned(),
        }
    }

    /// Finds the passage in `text` (see the module docs for the order of the searches).
    pub fn resolve(&self, text: &Text) -> Resolution {
        // No quote (an annotation from elsewhere on a whole page): nothing to find.
        if self.exact.is_empty() {
            return Resolution::Orphan;
        }
        let recorded = self.start..self.end;
        if text.content_hash() == self.content_hash && self.end <= text.char_len() {
            return Resolution::Exact(CharRange(recorded));
        }
        if self.end <= text.char_len() && text.slice(CharRange(recorded.clone())) == self.exact {
            return Resolution::Exact(CharRange(recorded));
        }
        if self.exact.is_empty() {
            return Resolution::Orphan;
        }
        if let Some(range) = self.best_exact(text) {
            return Resolution::Moved(CharRange(range));
        }
        self.best_fuzzy(text)
            .map_or(Resolution::Orphan, |(range, score)| {
                Resolution::Fuzzy(CharRange(range), score)
            })
    }

    /// The stretches searched in turn: the old place widened by [`NEAR`] on each side, then
    /// the whole text.
    fn stretches(&self, text: &Text) -> impl Iterator<Item = Range<usize>> {
        let (start, end, len) = (self.start, self.end, text.char_len());
        NEAR.iter()
            .map(move |&near| {
                start.saturating_sub(near).min(len)..end.saturating_add(near).min(len)
            })
            .filter(move |stretch| stretch.end - stretch.start < len)
            .chain(std::iter::once(0..len))
    }

    /// The occurrence of the exact quote whose context matches best, nearest the old place.
    /// An occurrence with all its context is the best there can be, so the search stops at the
    /// first stretch that has one: everything outside that stretch is farther away.
    fn best_exact(&self, text: &Text) -> Option<Range<usize>> {
        let full_context = self.prefix.chars().count() + self.suffix.chars().count();
        let length = self.exact.chars().count();
        for stretch in self.stretches(text) {
            let whole = stretch.end - stretch.start == text.char_len();
            let best = occurrences(text, &self.exact, stretch)
                .into_iter()
                .map(|(start, byte)| {
                    let before = &text.content()[..byte];
                    let after = &text.content()[byte + self.exact.len()..];
                    let context =
                        common_suffix(before, &self.prefix) + common_prefix(after, &self.suffix);
                    (start..start + length, context)
                })
                .max_by(|(a, ca), (b, cb)| {
                    ca.cmp(cb).then_with(|| {
                        self.start
                            .abs_diff(b.start)
                            .cmp(&self.start.abs_diff(a.start))
                    })
                });
            match best {
                Some((range, context)) if whole || context == full_context => return Some(range),
                None if whole => return None,
                _ => {}
            }
        }
        None
    }

    /// A slightly edited quote: between its surviving prefix and suffix, or between its
    /// surviving head and tail. Scored on similarity to the quote, then nearness; the nearest
    /// stretch (see [`Self::stretches`]) with a good enough candidate decides.
    fn best_fuzzy(&self, text: &Text) -> Option<(Range<usize>, f64)> {
        let exact: Vec<char> = self.exact.chars().collect();
        let length = exact.len();
        let max_length = length + length / 2 + 8;
        let min_length = length / 2;
        let edge = (length / 4).clamp(4, 24);
        let head: String = exact[..edge.min(length)].iter().collect();
        let tail: String = exact[length.saturating_sub(edge)..].iter().collect();
        let content = text.content();
        // The characters from byte `from` on, up to `count` of them, as a string.
        let ahead = |from: usize, count: usize| -> &str {
            let rest = &content[from..];
            let end = rest
                .char_indices()
                .nth(count)
                .map_or(rest.len(), |(b, _)| b);
            &rest[..end]
        };
        for stretch in self.stretches(text) {
            let mut candidates: Vec<Range<usize>> = Vec::new();
            // 1. The context survived: the passage is what lies between prefix and suffix.
            if self.prefix.chars().count() >= 8 && self.suffix.chars().count() >= 8 {
                for (prefix_at, byte) in occurrences(text, &self.prefix, stretch.clone()) {
                    let start = prefix_at + self.prefix.chars().count();
                    let after = ahead(byte + self.prefix.len(), max_length + CONTEXT_CHARS);
                    if let Some(offset) =
                        memchr::memmem::find(after.as_bytes(), self.suffix.as_bytes())
                    {
                        candidates.push(start..start + after[..offset].chars().count());
                    }
                }
            }
            // 2. The quote's own head and tail survived.
            if length >= 2 * edge {
                for (head_at, byte) in occurrences(text, &head, stretch.clone()) {
                    let window = ahead(byte, max_length);
                    for (tail_offset, _) in window.match_indices(tail.as_str()) {
                        let end = head_at + window[..tail_offset].chars().count() + edge;
                        if end - head_at >= min_length {
                            candidates.push(head_at..end);
                        }
                    }
                }
            }
            let best = candidates
                .into_iter()
                .filter(|range| (min_length..=max_length).contains(&range.len()))
                .map(|range| {
                    let found: Vec<char> = text.slice(CharRange(range.clone())).chars().collect();
                    let score = similarity(&found, &exact);
                    (range, score)
                })
                .filter(|(_, score)| *score >= FUZZY_THRESHOLD)
                .max_by(|(a, sa), (b, sb)| {
                    sa.total_cmp(sb).then_with(|| {
                        self.start
                            .abs_diff(b.start)
                            .cmp(&self.start.abs_diff(a.start))
                    })
                });
            if best.is_some() {
                return best;
            }
        }
        None
    }
}

/// How far on each side of its old place a passage is looked for first (in characters), before
/// the whole text: most edits shift a passage a little, and a text may have a hundred
/// occurrences of a short quote.
const NEAR: [usize; 3] = [2_048, 65_536, 1_048_576];

/// Resolves many anchors in one text.
pub fn resolve_all<'a>(
    anchors: impl IntoIterator<Item = &'a Anchor>,
    text: &Text,
) -> Vec<Resolution> {
    anchors.into_iter().map(|a| a.resolve(text)).collect()
}

/// Every occurrence of `needle` lying wholly within characters `stretch` of `text`
/// (overlapping ones too), as (character offset, byte offset).
fn occurrences(text: &Text, needle: &str, stretch: Range<usize>) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let Some(step) = needle.chars().next().map(char::len_utf8) else {
        return found;
    };
    let from = text.byte_offset(stretch.start);
    let to = text.byte_offset(stretch.end);
    let haystack = &text.content().as_bytes()[from..to];
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut at = 0;
    while let Some(offset) = finder.find(&haystack[at..]) {
        let byte = from + at + offset;
        found.push((text.char_offset(byte), byte));
        at += offset + step;
    }
    found
}

/// How many characters at the end of `a` equal those at the end of `b`.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many characters at the start of `a` equal those at the start of `b`.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// 1 − (Levenshtein distance ÷ the longer length): 1 for equal strings, 0 for nothing shared.
pub fn similarity(a: &[char], b: &[char]) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    1.0 - previous[b.len()] as f64 / longest as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{marked_text, text_of};

    fn anchored(marked: &str) -> (Text, Anchor) {
        let (plain, ranges) = marked_text(marked);
        let text = text_of(&[&plain]);
        let anchor = Anchor::new(&text, ranges[0].clone());
        (text, anchor)
    }

    #[test]
    fn an_anchor_records_position_quote_and_context() {
        let (text, anchor) = anchored("one «two» three");
        assert_eq!((anchor.start, anchor.end), (4, 7));
        assert_eq!(anchor.exact, "two");
        assert_eq!(anchor.prefix, "one ");
        assert_eq!(anchor.suffix, " three");
        assert_eq!(anchor.content_hash, text.content_hash());
        let long = "x".repeat(100);
        let (_, anchor) = anchored(&format!("{long}«y»{long}"));
        assert_eq!(anchor.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(anchor.suffix.chars().count(), CONTEXT_CHARS);
    }

    #[test]
    fn the_same_text_resolves_exactly() {
        let (text, anchor) = anchored("formal «entry» into the RSFSR");
        assert_eq!(anchor.resolve(&text), Resolution::Exact((7..12).into()));
    }

    #[test]
    fn an_insertion_before_moves_the_quote() {
        let (_, anchor) = anchored("Stalin tends to be «somewhat hasty». Give the matter thought.");
        let (edited, expected) = marked_text(
            "In my opinion, Stalin tends to be «somewhat hasty». Give the matter thought.",
        );
        assert_eq!(
            anchor.resolve(&text_of(&[&edited])),
            Resolution::Moved(expected[0].clone())
        );
    }

    #[test]
    fn of_two_occurrences_the_one_with_matching_context_wins() {
        let (_, anchor) = anchored("the Union of Soviet Republics; then «the Union» of equals");
        let (edited, expected) =
            marked_text("Preface. the Union of Soviet Republics; then «the Union» of equals");
        assert_eq!(
            anchor.resolve(&text_of(&[&edited])).range(),
            Some(expected[0].clone())
        );
    }

    #[test]
    fn a_small_edit_inside_the_quote_is_found_fuzzily() {
        let (_, anchor) = anchored(
            "He wrote: «we consider ourselves, the Ukrainian S.S.R. and others, equal» and more.",
        );
        let (edited, expected) = marked_text(
            "He wrote: «we consider ourselves, the Ukrainian SSR, and others equal» and more.",
        );
        match anchor.resolve(&text_of(&[&edited])) {
            Resolution::Fuzzy(range, score) => {
                assert_eq!(range, expected[0].clone());
                assert!(score > 0.9, "{score}");
            }
            other => panic!("expected a fuzzy match, got {other:?}"),
        }
    }

    #[test]
    fn a_rewritten_passage_is_an_orphan() {
        let (_, anchor) =
            anchored("Stalin tends to be «somewhat hasty in such matters». Give it thought.");
        let edited = text_of(&["Something else entirely was written here by the editors."]);
        assert_eq!(anchor.resolve(&edited), Resolution::Orphan);
    }

    #[test]
    fn similarity_is_one_minus_normalised_edit_distance() {
        let s = |a: &str, b: &str| {
            similarity(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(s("entry", "entry"), 1.0);
        assert_eq!(s("", ""), 1.0);
        assert!((s("вступление", "вступлении") - 0.9).abs() < 1e-9);
        assert_eq!(s("abc", "xyz"), 0.0);
    }
}
