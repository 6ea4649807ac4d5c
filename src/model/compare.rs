//! Word-level comparison of two wordings of a passage.
//!
//! A witness is split into tokens — words, punctuation and runs of white space, by Unicode word
//! boundaries (UAX #29) — each remembering its character range in the original. Each token also
//! has a *key*: its text under the chosen [`Normalization`]. The diff runs on keys (patience
//! diff, so that "the" and commas do not pair up unrelated sentences), and its operations give
//! character ranges into both originals. Normalisation therefore changes what counts as equal,
//! never what is shown: the equal and deleted ranges, in order, reproduce the first witness
//! exactly, and the equal and inserted ranges reproduce the second.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};
use unicode_segmentation::UnicodeSegmentation;

/// What counts as the same when comparing. Every option only widens equality.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Normalization {
    /// Upper and lower case are the same.
    pub ignore_case: bool,
    /// Punctuation is ignored (compared as nothing).
    pub ignore_punctuation: bool,
    /// All quotation marks are one mark, all dashes one dash.
    pub unify_quotes_and_dashes: bool,
    /// Any run of white space equals any other.
    pub collapse_whitespace: bool,
    /// ё is е (Russian texts print it either way).
    pub yo_as_ye: bool,
}

impl Normalization {
    /// Everything on: the differences a reader cares about in wording alone.
    pub fn wording() -> Self {
        Self {
            ignore_case: true,
            ignore_punctuation: true,
            unify_quotes_and_dashes: true,
            collapse_whitespace: true,
            yo_as_ye: true,
        }
    }

    /// The key of one token under this normalisation.
    pub fn key(&self, token: &str) -> String {
        if token.chars().all(char::is_whitespace) {
            return if self.collapse_whitespace {
                " ".into()
            } else {
                token.into()
            };
        }
        let mut key = String::with_capacity(token.len());
        for ch in token.chars() {
            let ch = if self.unify_quotes_and_dashes {
                match ch {
                    '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚' | '‹' | '›' | '\'' => {
                        '"'
                    }
                    '–' | '—' | '‒' | '―' | '−' => '-',
                    other => other,
                }
            } else {
                ch
            };
            if self.ignore_punctuation && !ch.is_alphanumeric() && !ch.is_whitespace() {
                continue;
            }
            let ch = if self.yo_as_ye {
                match ch {
                    'ё' => 'е',
                    'Ё' => 'Е',
                    other => other,
                }
            } else {
                ch
            };
            if self.ignore_case {
                key.extend(ch.to_lowercase());
            } else {
                key.push(ch);
            }
        }
        key
    }
}

/// The normalisation profiles offered by name, strictest last.
pub const PROFILES: [(&str, Normalization); 3] = [
    (
        "Wording",
        Normalization {
            ignore_case: true,
            ignore_punctuation: true,
            unify_quotes_and_dashes: true,
            collapse_whitespace: true,
            yo_as_ye: true,
        },
    ),
    (
        "Typography",
        Normalization {
            ignore_case: false,
            ignore_punctuation: false,
            unify_quotes_and_dashes: true,
            collapse_whitespace: true,
            yo_as_ye: true,
        },
    ),
    (
        "Exact",
        Normalization {
            ignore_case: false,
            ignore_punctuation: false,
            unify_quotes_and_dashes: false,
            collapse_whitespace: false,
            yo_as_ye: false,
        },
    ),
];

impl Normalization {
    /// The profile called `name` (any case): wording, typography or exact.
    pub fn profile(name: &str) -> Option<Self> {
        PROFILES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, profile)| *profile)
    }
}

/// A token of a witness: its characters and its comparison key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Character range in the witness.
    pub range: Range<usize>,
    /// The text compared (see [`Normalization::key`]).
    pub key: String,
}

/// Splits a witness into tokens that cover it exactly, in order.
pub fn tokenize(text: &str, normalization: &Normalization) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = 0;
    for segment in text.split_word_bounds() {
        let length = segment.chars().count();
        tokens.push(Token {
            range: chars..chars + length,
            key: normalization.key(segment),
        });
        chars += length;
    }
    tokens
}

/// What an operation does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OpKind {
    /// The same in both (under the normalisation).
    Equal,
    /// Only in the first witness.
    Delete,
    /// Only in the second witness.
    Insert,
}

/// One operation: character ranges into the first (`a`) and second (`b`) witness. An equal
/// operation has both ranges; a deletion an empty `b` range at its place, an insertion an empty
/// `a` range at its place.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Op {
    /// What it does.
    pub kind: OpKind,
    /// Characters of the first witness.
    pub a: Range<usize>,
    /// Characters of the second witness.
    pub b: Range<usize>,
}

/// A unit of the diff: one significant token with the insignificant ones after it (punctuation
/// when punctuation is ignored, white space when white space is collapsed), so that ignored
/// characters are never matched on their own and always belong to a neighbouring word.
struct Group {
    key: String,
    range: Range<usize>,
}

fn significant(key: &str, normalization: &Normalization) -> bool {
    let ignored_space = normalization.collapse_whitespace && key == " ";
    !key.is_empty() && !ignored_space
}

fn groups(text: &str, normalization: &Normalization) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut leading: Option<Range<usize>> = None;
    for token in tokenize(text, normalization) {
        if significant(&token.key, normalization) {
            let start = leading.take().map_or(token.range.start, |r| r.start);
            groups.push(Group {
                key: token.key,
                range: start..token.range.end,
            });
        } else if let Some(last) = groups.last_mut() {
            last.range.end = token.range.end;
        } else {
            let start = leading.as_ref().map_or(token.range.start, |r| r.start);
            leading = Some(start..token.range.end);
        }
    }
    if let Some(range) = leading {
        // Nothing significant at all: the text is one group that equals any other such text.
        groups.push(Group {
            key: String::new(),
            range,
        });
    }
    groups
}

/// Word-level differences between two witnesses (see the module docs).
pub fn diff(a: &str, b: &str, normalization: &Normalization) -> Vec<Op> {
    let a_groups = groups(a, normalization);
    let b_groups = groups(b, normalization);
    let a_keys: Vec<&str> = a_groups.iter().map(|g| g.key.as_str()).collect();
    let b_keys: Vec<&str> = b_groups.iter().map(|g| g.key.as_str()).collect();
    let span = |groups: &[Group], range: Range<usize>| -> Range<usize> {
        if range.is_empty() {
            let position = groups.get(range.start).map_or_else(
                || groups.last().map_or(0, |g| g.range.end),
                |g| g.range.start,
            );
            position..position
        } else {
            groups[range.start].range.start..groups[range.end - 1].range.end
        }
    };
    let mut ops: Vec<Op> = Vec::new();
    let mut push = |kind: OpKind, a_range: Range<usize>, b_range: Range<usize>| {
        if a_range.is_empty() && b_range.is_empty() {
            return;
        }
        ops.push(Op {
            kind,
            a: a_range,
            b: b_range,
        });
    };
    for op in capture_diff_slices(Algorithm::Patience, &a_keys, &b_keys) {
        let (kind, old, new) = match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => (
                OpKind::Equal,
                old_index..old_index + len,
                new_index..new_index + len,
            ),
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (
                OpKind::Delete,
                old_index..old_index + old_len,
                new_index..new_index,
            ),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (
                OpKind::Insert,
                old_index..old_index,
                new_index..new_index + new_len,
            ),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(
                    OpKind::Delete,
                    span(&a_groups, old_index..old_index + old_len),
                    span(&b_groups, new_index..new_index),
                );
                (
                    OpKind::Insert,
                    old_index + old_len..old_index + old_len,
                    new_index..new_index + new_len,
                )
            }
        };
        push(kind, span(&a_groups, old), span(&b_groups, new));
    }
    cleanup(a, ops)
}

/// Whether an equal stretch is too slight to stand between two changes: white space,
/// punctuation, or one or two short words such as "the", "of the" or "в".
fn is_slight(text: &str) -> bool {
    let words: Vec<&str> = text
        .unicode_words()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    words.len() <= 2 && words.iter().all(|w| w.chars().count() <= 3)
}

/// Semantic clean-up: an equal stretch that is only a short word or punctuation between two
/// changes becomes part of the change, so that unrelated wordings are not stitched together by
/// their articles and commas. Then each run of changes becomes one deletion and one insertion.
fn cleanup(a: &str, ops: Vec<Op>) -> Vec<Op> {
    let changed = |op: &Op| op.kind != OpKind::Equal;
    let mut absorbed = vec![false; ops.len()];
    for index in 1..ops.len().saturating_sub(1) {
        let op = &ops[index];
        if op.kind == OpKind::Equal
            && changed(&ops[index - 1])
            && changed(&ops[index + 1])
            && is_slight(slice_chars(a, op.a.clone()))
        {
            absorbed[index] = true;
        }
    }
    let mut out: Vec<Op> = Vec::with_capacity(ops.len());
    let mut run: Option<(Range<usize>, Range<usize>)> = None;
    let flush = |out: &mut Vec<Op>, run: &mut Option<(Range<usize>, Range<usize>)>| {
        if let Some((a_range, b_range)) = run.take() {
            if !a_range.is_empty() {
                out.push(Op {
                    kind: OpKind::Delete,
                    a: a_range.clone(),
                    b: b_range.start..b_range.start,
                });
            }
            if !b_range.is_empty() {
                out.push(Op {
                    kind: OpKind::Insert,
                    a: a_range.end..a_range.end,
                    b: b_range,
                });
            }
        }
    };
    for (op, absorbed) in ops.into_iter().zip(absorbed) {
        if op.kind == OpKind::Equal && !absorbed {
            flush(&mut out, &mut run);
            match out.last_mut() {
                Some(last) if last.kind == OpKind::Equal => {
                    last.a.end = op.a.end;
                    last.b.end = op.b.end;
                }
                _ => out.push(op),
            }
        } else {
            run = Some(match run {
                Some((a_range, b_range)) => (a_range.start..op.a.end, b_range.start..op.b.end),
                None => (op.a, op.b),
            });
        }
    }
    flush(&mut out, &mut run);
    out
}

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
pub struct Counts {
    /// Words replaced by other words (counted once per pair).
    pub changed: usize,
    /// Words only in the first witness.
    pub deleted: usize,
    /// Words only in the second witness.
    pub inserted: usize,
}

impl Counts {
    /// Whether the witnesses read the same (under the normalisation).
    pub fn is_same(&self) -> bool {
        self.changed == 0 && self.deleted == 0 && self.inserted == 0
    }

    /// "3 words changed · 1 deleted", or "same wording".
    pub fn summary(&self) -> String {
        if self.is_same() {
            return "same wording".into();
        }
        let word = |n: usize| if n == 1 { "word" } else { "words" };
        let mut parts = Vec::new();
        if self.changed > 0 {
            parts.push(format!("{} {} changed", self.changed, word(self.changed)));
        }
        if self.deleted > 0 {
            parts.push(format!("{} {} removed", self.deleted, word(self.deleted)));
        }
        if self.inserted > 0 {
            parts.push(format!("{} {} added", self.inserted, word(self.inserted)));
        }
        parts.join(" · ")
    }

    /// Adds another count.
    pub fn add(&mut self, other: Counts) {
        self.changed += other.changed;
        self.deleted += other.deleted;
        self.inserted += other.inserted;
    }
}

fn word_count(text: &str) -> usize {
    text.unicode_words()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The marks of both witnesses and the word counts, from the operations of [`diff`]. A change
/// of one word into one word that differs by a letter or two marks only those letters.
pub fn marks(a: &str, b: &str, ops: &[Op]) -> (Vec<Marked>, Vec<Marked>, Counts) {
    let (mut a_marks, mut b_marks, mut counts) = (Vec::new(), Vec::new(), Counts::default());
    let mut index = 0;
    while index < ops.len() {
        let op = &ops[index];
        match op.kind {
            OpKind::Equal => {}
            OpKind::Delete => {
                let next = ops.get(index + 1).filter(|n| n.kind == OpKind::Insert);
                if let Some(insert) = next {
                    let (a_text, b_text) = (
                        slice_chars(a, op.a.clone()),
                        slice_chars(b, insert.b.clone()),
                    );
                    let (wa, wb) = (word_count(a_text), word_count(b_text));
                    counts.changed += wa.min(wb);
                    counts.deleted += wa.saturating_sub(wb);
                    counts.inserted += wb.saturating_sub(wa);
                    if let Some((in_a, in_b)) = letters_changed(a_text, b_text) {
                        let shift = |r: Range<usize>, by: usize| r.start + by..r.end + by;
                        a_marks.extend(in_a.into_iter().map(|r| Marked {
                            range: shift(r, op.a.start),
                            mark: Mark::Changed,
                        }));
                        b_marks.extend(in_b.into_iter().map(|r| Marked {
                            range: shift(r, insert.b.start),
                            mark: Mark::Changed,
                        }));
                    } else {
                        a_marks.push(Marked {
                            range: trimmed(a, op.a.clone()),
                            mark: Mark::Changed,
                        });
                        b_marks.push(Marked {
                            range: trimmed(b, insert.b.clone()),
                            mark: Mark::Changed,
                        });
                    }
                    index += 2;
                    continue;
                }
                counts.deleted += word_count(slice_chars(a, op.a.clone()));
                a_marks.push(Marked {
                    range: trimmed(a, op.a.clone()),
                    mark: Mark::Deleted,
                });
            }
            OpKind::Insert => {
                counts.inserted += word_count(slice_chars(b, op.b.clone()));
                b_marks.push(Marked {
                    range: trimmed(b, op.b.clone()),
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

/// `range` without the white space at its ends (a mark underlines words, not the gaps).
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = slice_chars(text, range.clone());
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

type Ranges = Vec<Range<usize>>;

/// For one word changed into one word by at most two letters: the changed letters of each.
fn letters_changed(a: &str, b: &str) -> Option<(Ranges, Ranges)> {
    let (a_trim, b_trim) = (a.trim(), b.trim());
    if word_count(a_trim) != 1 || word_count(b_trim) != 1 {
        return None;
    }
    let a_chars: Vec<char> = a.chars().collect();
    let b_chars: Vec<char> = b.chars().collect();
    let shorter = a_trim.chars().count().min(b_trim.chars().count());
    if shorter < 4 {
        return None;
    }
    let ops = capture_diff_slices(Algorithm::Myers, &a_chars, &b_chars);
    let (mut in_a, mut in_b, mut letters) = (Vec::new(), Vec::new(), 0);
    for op in ops {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                letters += old_len;
                in_a.push(old_index..old_index + old_len);
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                letters += new_len;
                in_b.push(new_index..new_index + new_len);
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                letters += old_len.max(new_len);
                in_a.push(old_index..old_index + old_len);
                in_b.push(new_index..new_index + new_len);
            }
        }
    }
    (letters <= 2 && letters * 3 <= shorter).then_some((in_a, in_b))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate::SplitMix64;

    fn rebuild(text: &str, ops: &[Op], keep: OpKind, first: bool) -> String {
        ops.iter()
            .filter(|op| op.kind == OpKind::Equal || op.kind == keep)
            .map(|op| slice_chars(text, if first { op.a.clone() } else { op.b.clone() }))
            .collect()
    }

    fn assert_reconstructs(a: &str, b: &str, normalization: &Normalization) {
        let ops = diff(a, b, normalization);
        assert_eq!(
            rebuild(a, &ops, OpKind::Delete, true),
            a,
            "first witness from {ops:?}"
        );
        assert_eq!(
            rebuild(b, &ops, OpKind::Insert, false),
            b,
            "second witness from {ops:?}"
        );
    }

    const STALIN_EN: &str = "To consider it expedient to conclude a treaty between the Soviet \
        republics of Ukraine, Belorussia, Azerbaijan, Georgia, Armenia and the RSFSR on the formal \
        entry of the former into the RSFSR";
    const LENIN_EN: &str = "To consider it expedient to conclude a treaty between the Soviet \
        republics of Ukraine, Belorussia, Azerbaijan, Georgia, Armenia and the RSFSR on formal \
        unification with the R.S.F.S.R. in a Union of Soviet Republics of Europe and Asia";

    #[test]
    fn real_pairs_reconstruct_both_witnesses_under_every_normalisation() {
        let pairs = [
            (STALIN_EN, LENIN_EN),
            (
                "о формальном вступлении первых в состав РСФСР",
                "Формальное объединение вместе с РСФСР в союз советских республик Европы и Азии",
            ),
            (
                "in substance a scoundrel and a tyrant",
                "in substance a rascal and a tyrant",
            ),
            ("", "only in the second"),
            ("only in the first", ""),
        ];
        for (a, b) in pairs {
            for normalization in [Normalization::default(), Normalization::wording()] {
                assert_reconstructs(a, b, &normalization);
            }
        }
    }

    #[test]
    fn random_pairs_reconstruct_both_witnesses() {
        let words = [
            "the",
            "union",
            "союз",
            "ერთობა",
            ",",
            " ",
            "  ",
            "«",
            "»",
            "Ё",
            "ё",
            "—",
            "R.S.F.S.R.",
            "\n",
        ];
        let mut rng = SplitMix64::new(9);
        for _ in 0..300 {
            let mut make = || -> String {
                (0..rng.range(0, 25))
                    .map(|_| words[rng.range(0, words.len() - 1)])
                    .collect()
            };
            let (a, b) = (make(), make());
            let normalization = Normalization {
                ignore_case: rng.range(0, 1) == 1,
                ignore_punctuation: rng.range(0, 1) == 1,
                unify_quotes_and_dashes: rng.range(0, 1) == 1,
                collapse_whitespace: rng.range(0, 1) == 1,
                yo_as_ye: rng.range(0, 1) == 1,
            };
            assert_reconstructs(&a, &b, &normalization);
        }
    }

    #[test]
    fn entry_against_unification_are_the_changed_words() {
        let ops = diff(STALIN_EN, LENIN_EN, &Normalization::wording());
        let deleted: Vec<&str> = ops
            .iter()
            .filter(|op| op.kind == OpKind::Delete)
            .map(|op| slice_chars(STALIN_EN, op.a.clone()))
            .collect();
        let inserted: Vec<&str> = ops
            .iter()
            .filter(|op| op.kind == OpKind::Insert)
            .map(|op| slice_chars(LENIN_EN, op.b.clone()))
            .collect();
        assert!(deleted.iter().any(|d| d.contains("entry")), "{deleted:?}");
        assert!(
            inserted.iter().any(|i| i.contains("unification")),
            "{inserted:?}"
        );
        // The long shared opening is one equal operation.
        let first = &ops[0];
        assert_eq!(first.kind, OpKind::Equal);
        assert!(slice_chars(STALIN_EN, first.a.clone()).ends_with("Armenia and the RSFSR on "));
    }

    #[test]
    fn normalisation_changes_equality_never_the_shown_text() {
        let a = "«Союз» — ещё";
        let b = "\"союз\" - еще";
        let strict = diff(a, b, &Normalization::default());
        assert!(strict.iter().any(|op| op.kind != OpKind::Equal));
        let loose = diff(a, b, &Normalization::wording());
        assert!(loose.iter().all(|op| op.kind == OpKind::Equal), "{loose:?}");
        // The equal ranges still show each witness's own characters.
        assert_eq!(rebuild(a, &loose, OpKind::Delete, true), a);
        assert_eq!(rebuild(b, &loose, OpKind::Insert, false), b);
    }

    fn marked<'a>(text: &'a str, marks: &[Marked]) -> Vec<(&'a str, Mark)> {
        marks
            .iter()
            .map(|m| (slice_chars(text, m.range.clone()), m.mark))
            .collect()
    }

    #[test]
    fn unrelated_wordings_are_not_stitched_together_by_articles() {
        let a = "the entry of the former into the RSFSR";
        let b = "unification with the R.S.F.S.R. in a Union of the Soviet Republics";
        let ops = diff(a, b, &Normalization::wording());
        // Not "the" matched to "the": one replacement of the whole.
        assert_eq!(ops.len(), 2, "{ops:?}");
        assert_eq!(ops[0].kind, OpKind::Delete);
        assert_eq!(ops[1].kind, OpKind::Insert);
    }

    #[test]
    fn a_word_changed_by_a_letter_is_marked_inside_the_word() {
        let a = "ограничившись принятем договоров";
        let b = "ограничившись принятием договоров";
        let ops = diff(a, b, &Normalization::default());
        let (in_a, in_b, counts) = marks(a, b, &ops);
        assert!(in_a.is_empty(), "{in_a:?}");
        assert_eq!(marked(b, &in_b), [("и", Mark::Changed)]);
        assert_eq!(counts.changed, 1);
        // Whole words otherwise.
        let (a, b) = ("formal entry of", "formal unification of");
        let (in_a, in_b, counts) = marks(a, b, &diff(a, b, &Normalization::default()));
        assert_eq!(marked(a, &in_a), [("entry", Mark::Changed)]);
        assert_eq!(marked(b, &in_b), [("unification", Mark::Changed)]);
        assert_eq!(counts.summary(), "1 word changed");
    }

    #[test]
    fn ignored_punctuation_is_not_a_difference_and_stays_shown() {
        let a = "Clause 1, instead of “entry”, to put";
        let b = "Clause 1 instead of entry to put";
        let ops = diff(a, b, &Normalization::wording());
        assert!(ops.iter().all(|op| op.kind == OpKind::Equal), "{ops:?}");
        let strict = diff(a, b, &Normalization::default());
        let (in_a, _, counts) = marks(a, b, &strict);
        assert!(
            marked(a, &in_a).iter().any(|(t, _)| t.contains('“')),
            "{in_a:?}"
        );
        assert_eq!(
            counts.changed + counts.deleted + counts.inserted,
            0,
            "no word differs"
        );
    }

    #[test]
    fn removals_and_additions_are_counted_in_words() {
        let a = "We enter a new union.";
        let b = "We enter, on an equal basis, a new union of republics.";
        let (_, in_b, counts) = marks(a, b, &diff(a, b, &Normalization::wording()));
        assert_eq!(counts.inserted, 6, "{counts:?}");
        assert!(in_b.iter().all(|m| m.mark == Mark::Inserted));
        assert_eq!(counts.summary(), "6 words added");
    }
}
