//! Marks and counts: what differs between two witnesses, word by word and within a word, as
//! the window paints it and the exports count it.

use super::*;

/// How a stretch of a witness is marked against the other witness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// Only in the first witness (nothing stands in its place in the second).
    Deleted,
    /// Only in the second witness.
    Inserted,
    /// Replaced: stands where the other witness has different words (or letters, inside a
    /// word that changed by a letter or two).
    Changed,
}

/// A marked stretch of one witness (character range).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// Characters of the witness.
    pub range: Range<usize>,
    /// How they differ.
    pub mark: Mark,
}

/// How many words differ between two witnesses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DiffCounts {
    /// Words replaced by other words (counted once per pair).
    pub changed: usize,
    /// Words only in the first witness.
    pub deleted: usize,
    /// Words only in the second witness.
    pub inserted: usize,
}

impl DiffCounts {
    /// Whether the witnesses read the same (under the normalisation).
    pub fn is_same(&self) -> bool {
        self.changed == 0 && self.deleted == 0 && self.inserted == 0
    }

    /// "3 words changed · 1 deleted", or "same wording".
    pub fn summary(&self) -> String {
        if self.is_same() {
            return crate::tr!("model-same-wording");
        }
        let mut parts = Vec::new();
        if self.changed > 0 {
            parts.push(crate::tr!("model-words-changed", count = self.changed));
        }
        if self.deleted > 0 {
            parts.push(crate::tr!("model-words-removed", count = self.deleted));
        }
        if self.inserted > 0 {
            parts.push(crate::tr!("model-words-added", count = self.inserted));
        }
        parts.join(" · ")
    }

    /// The counts seen from the other witness: removed and added words traded.
    pub fn mirrored(&self) -> DiffCounts {
        DiffCounts {
            changed: self.changed,
            deleted: self.inserted,
            inserted: self.deleted,
        }
    }

    /// Adds another count.
    pub fn add(&mut self, other: DiffCounts) {
        self.changed += other.changed;
        self.deleted += other.deleted;
        self.inserted += other.inserted;
    }
}

pub(super) fn word_count(text: &str) -> usize {
    text.unicode_words()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The word counts of a comparison's operations: a deletion followed by an insertion is a
/// change of as many words as both have, the rest deleted or inserted.
pub fn counts(a: &str, b: &str, ops: &[Op]) -> DiffCounts {
    // An editor's “[sic]” is not counted (see [`diff`]).
    let (a, b) = (unmarked(a), unmarked(b));
    // The operations go forward through both wordings.
    let (mut a, mut b) = (CharCursor::new(&a), CharCursor::new(&b));
    let mut counts = DiffCounts::default();
    let mut index = 0;
    while let Some(op) = ops.get(index) {
        let next = ops.get(index + 1).filter(|n| n.kind == OpKind::Insert);
        match (op.kind, next) {
            (OpKind::Equal, _) => {}
            (OpKind::Delete, Some(insert)) => {
                let wa = word_count(a.slice(op.a.range()));
                let wb = word_count(b.slice(insert.b.range()));
                counts.changed += wa.min(wb);
                counts.deleted += wa.saturating_sub(wb);
                counts.inserted += wb.saturating_sub(wa);
                index += 1;
            }
            (OpKind::Delete, None) => counts.deleted += word_count(a.slice(op.a.range())),
            (OpKind::Insert, _) => counts.inserted += word_count(b.slice(op.b.range())),
        }
        index += 1;
    }
    counts
}

/// The marks of both witnesses and the word counts, from the operations of [`diff`]. A change
/// of one word into one word that differs by a letter or two marks only those letters.
pub fn marks(a: &str, b: &str, ops: &[Op]) -> (Vec<Marked>, Vec<Marked>, DiffCounts) {
    let counts = counts(a, b, ops);
    // An editor's “[sic]” is not marked (see [`diff`]).
    let (a, b) = (unmarked(a), unmarked(b));
    let (a, b) = (CharIndex::new(&a), CharIndex::new(&b));
    let (mut a_marks, mut b_marks) = (Vec::new(), Vec::new());
    let mut index = 0;
    while index < ops.len() {
        let op = &ops[index];
        match op.kind {
            OpKind::Equal => {}
            OpKind::Delete => {
                let next = ops.get(index + 1).filter(|n| n.kind == OpKind::Insert);
                if let Some(insert) = next {
                    let (a_text, b_text) = (a.slice(op.a.range()), b.slice(insert.b.range()));
                    let (in_a, in_b) = changed_within(a_text, b_text);
                    let shift = |r: Range<usize>, by: usize| r.start + by..r.end + by;
                    a_marks.extend(in_a.into_iter().map(|r| Marked {
                        range: shift(r, op.a.start),
                        mark: Mark::Changed,
                    }));
                    b_marks.extend(in_b.into_iter().map(|r| Marked {
                        range: shift(r, insert.b.start),
                        mark: Mark::Changed,
                    }));
                    index += 2;
                    continue;
                }
                a_marks.push(Marked {
                    range: trimmed(&a, op.a.range()),
                    mark: Mark::Deleted,
                });
            }
            OpKind::Insert => {
                b_marks.push(Marked {
                    range: trimmed(&b, op.b.range()),
                    mark: Mark::Inserted,
                });
            }
        }
        index += 1;
    }
    a_marks.retain(|m| !m.range.is_empty());
    b_marks.retain(|m| !m.range.is_empty());
    (a_marks, b_marks, counts)
}

/// What is marked changed in a stretch `a` replaced by `b` (character ranges of each): the
/// letters of one word changed by a letter or two, else the words that do not pair by stem,
/// else all of both. Worked out with the lesser stretch first (as [`diff`] does), so that the
/// marks are the same whichever witness stands first.
pub(super) fn changed_within(a: &str, b: &str) -> (Ranges, Ranges) {
    if b < a {
        let (in_b, in_a) = changed_within(b, a);
        return (in_a, in_b);
    }
    match letters_changed(a, b) {
        Some(letters) => letters,
        None => match same_stems(a, b) {
            Some(words) => words,
            None => (
                vec![trimmed(&CharIndex::new(a), 0..a.chars().count())],
                vec![trimmed(&CharIndex::new(b), 0..b.chars().count())],
            ),
        },
    }
}

/// `range` without the white space at its ends (a mark underlines words, not the gaps).
pub(crate) fn trimmed(text: &CharIndex<'_>, range: Range<usize>) -> Range<usize> {
    let slice = text.slice(range.clone());
    let leading = slice.chars().take_while(|c| c.is_whitespace()).count();
    let trailing = slice
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    let length = slice.chars().count();
    if leading >= length {
        return range.start..range.start;
    }
    range.start + leading..range.end - trailing
}

pub(super) type Ranges = Vec<Range<usize>>;

/// The words of `text` (those with a letter or digit), as character ranges.
pub(super) fn word_ranges(text: &str) -> Ranges {
    let mut ranges = Vec::new();
    let mut chars = 0;
    for piece in text.split_word_bounds() {
        let length = piece.chars().count();
        if piece.chars().any(char::is_alphanumeric) {
            ranges.push(chars..chars + length);
        }
        chars += length;
    }
    ranges
}

/// A word's stem for pairing inflected forms: its first five letters, lower-cased
/// ("формальном" and "Формальное" pair; so do "republic" and "republics").
pub(super) fn stem(word: &str) -> String {
    word.chars().take(5).flat_map(char::to_lowercase).collect()
}

/// Inside a replaced stretch, pairs the words that share a stem and marks only what differs
/// within them; the other words are marked whole, and marks separated only by white space or
/// punctuation are joined. `None` when no word pairs (the whole stretch is then one change).
pub(super) fn same_stems(a: &str, b: &str) -> Option<(Ranges, Ranges)> {
    let (a_words, b_words) = (word_ranges(a), word_ranges(b));
    let (a_index, b_index) = (CharIndex::new(a), CharIndex::new(b));
    let a_stems: Vec<String> = a_words
        .iter()
        .map(|r| stem(a_index.slice(r.clone())))
        .collect();
    let b_stems: Vec<String> = b_words
        .iter()
        .map(|r| stem(b_index.slice(r.clone())))
        .collect();
    let (mut in_a, mut in_b, mut paired) = (Vec::new(), Vec::new(), false);
    // Of two equally short alignments of the stems, the one that pairs the longer ones.
    let weight = |index: usize| a_stems[index].chars().count();
    for (tag, old, new) in heavier_alignment(&a_stems, &b_stems, weight) {
        if tag != DiffTag::Equal {
            in_a.extend(a_words[old].iter().cloned());
            in_b.extend(b_words[new].iter().cloned());
            continue;
        }
        for (ra, rb) in a_words[old].iter().zip(&b_words[new]) {
            let (ra, rb) = (ra.clone(), rb.clone());
            let (wa, wb) = (a_index.slice(ra.clone()), b_index.slice(rb.clone()));
            if wa.chars().count() < 4 {
                // Too short to call a stem: a changed word all the same.
                if wa != wb {
                    in_a.push(ra);
                    in_b.push(rb);
                }
                continue;
            }
            paired = true;
            if wa == wb {
                continue;
            }
            let (letters_a, letters_b) = letters_in_word(wa, wb);
            in_a.extend(
                letters_a
                    .into_iter()
                    .map(|r| r.start + ra.start..r.end + ra.start),
            );
            in_b.extend(
                letters_b
                    .into_iter()
                    .map(|r| r.start + rb.start..r.end + rb.start),
            );
        }
    }
    paired.then(|| (join(a, in_a), join(b, in_b)))
}

/// The letters that differ between two forms of a word.
pub(super) fn letters_in_word(a: &str, b: &str) -> (Ranges, Ranges) {
    let a_chars: Vec<char> = a.chars().collect();
    let b_chars: Vec<char> = b.chars().collect();
    let (mut in_a, mut in_b) = (Vec::new(), Vec::new());
    for op in capture_diff_slices(Algorithm::Myers, &a_chars, &b_chars) {
        let (tag, old, new) = op.as_tag_tuple();
        if tag != DiffTag::Equal {
            in_a.extend((!old.is_empty()).then_some(old));
            in_b.extend((!new.is_empty()).then_some(new));
        }
    }
    (in_a, in_b)
}

/// Joins marks separated only by white space or punctuation.
pub(super) fn join(text: &str, mut ranges: Ranges) -> Ranges {
    ranges.sort_by_key(|r| r.start);
    // The ranges are in order, so one cursor walks the text once (a long wording's many marks
    // are not each counted from its start).
    let mut cursor = CharCursor::new(text);
    let mut joined: Ranges = Vec::new();
    for range in ranges {
        if let Some(last) = joined.last_mut()
            && range.start >= last.end
            && !cursor
                .slice(last.end..range.start)
                .chars()
                .any(char::is_alphanumeric)
            && last.end - last.start > 1
            && range.end - range.start > 1
        {
            last.end = range.end;
            continue;
        }
        joined.push(range);
    }
    joined
}

/// For one word changed into one word by at most two letters: the changed letters of each.
pub(super) fn letters_changed(a: &str, b: &str) -> Option<(Ranges, Ranges)> {
    let (a_trim, b_trim) = (a.trim(), b.trim());
    if word_count(a_trim) != 1 || word_count(b_trim) != 1 {
        return None;
    }
    let shorter = a_trim.chars().count().min(b_trim.chars().count());
    if shorter < 4 {
        return None;
    }
    let (in_a, in_b) = letters_in_word(a, b);
    let length = |ranges: &Ranges| ranges.iter().map(|r| r.len()).sum::<usize>();
    let letters = length(&in_a).max(length(&in_b));
    (letters <= 2 && letters * 3 <= shorter).then_some((in_a, in_b))
}
