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

/// Word-level differences between two witnesses (see the module docs).
pub fn diff(a: &str, b: &str, normalization: &Normalization) -> Vec<Op> {
    let a_tokens = tokenize(a, normalization);
    let b_tokens = tokenize(b, normalization);
    let a_keys: Vec<&str> = a_tokens.iter().map(|t| t.key.as_str()).collect();
    let b_keys: Vec<&str> = b_tokens.iter().map(|t| t.key.as_str()).collect();
    let span = |tokens: &[Token], range: Range<usize>, at: usize| -> Range<usize> {
        if range.is_empty() {
            let position = tokens.get(at).map_or_else(
                || tokens.last().map_or(0, |t| t.range.end),
                |t| t.range.start,
            );
            position..position
        } else {
            tokens[range.start].range.start..tokens[range.end - 1].range.end
        }
    };
    let mut ops: Vec<Op> = Vec::new();
    let mut push = |kind: OpKind, a_range: Range<usize>, b_range: Range<usize>| {
        if a_range.is_empty() && b_range.is_empty() {
            return;
        }
        if let Some(last) = ops.last_mut()
            && last.kind == kind
            && last.a.end == a_range.start
            && last.b.end == b_range.start
        {
            last.a.end = a_range.end;
            last.b.end = b_range.end;
            return;
        }
        ops.push(Op {
            kind,
            a: a_range,
            b: b_range,
        });
    };
    for op in capture_diff_slices(Algorithm::Patience, &a_keys, &b_keys) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => push(
                OpKind::Equal,
                span(&a_tokens, old_index..old_index + len, old_index),
                span(&b_tokens, new_index..new_index + len, new_index),
            ),
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => push(
                OpKind::Delete,
                span(&a_tokens, old_index..old_index + old_len, old_index),
                span(&b_tokens, new_index..new_index, new_index),
            ),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => push(
                OpKind::Insert,
                span(&a_tokens, old_index..old_index, old_index),
                span(&b_tokens, new_index..new_index + new_len, new_index),
            ),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(
                    OpKind::Delete,
                    span(&a_tokens, old_index..old_index + old_len, old_index),
                    span(&b_tokens, new_index..new_index, new_index),
                );
                push(
                    OpKind::Insert,
                    span(
                        &a_tokens,
                        old_index + old_len..old_index + old_len,
                        old_index + old_len,
                    ),
                    span(&b_tokens, new_index..new_index + new_len, new_index),
                );
            }
        }
    }
    ops
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
}
