//! Word-level comparison of two wordings of a passage.
//!
//! A witness is split into tokens — words, punctuation and runs of white space, close to Unicode
//! word boundaries (UAX #29) — each remembering its character range in the original. Each token
//! also has a *key*: its text under the chosen [`Normalization`]. The diff runs on keys (Myers'
//! diff, then a clean-up so that "the" and commas do not pair up unrelated sentences), and its
//! operations give character ranges into both originals. Normalisation therefore changes what counts as equal,
//! never what is shown: the equal and deleted ranges, in order, reproduce the first witness
//! exactly, and the equal and inserted ranges reproduce the second.
//!
//! In files: `tokens` (tokens and normalisation), this file (the diff and its operations),
//! `units` (a long pair's units and the folding of their keys), `marks` (what the window marks
//! and the exports count) and `chars` (character offsets over UTF-8).
//!
//! Threads: none of its own. A long diff spreads its work over the cores through rayon
//! (`rayon::join` for the two texts' units, `par_iter` for the changed stretches), which is
//! pure data parallelism on rayon's one pool: no I/O, the same result as on one core.

mod chars;
mod marks;
mod tokens;
mod units;

use self::units::*;
pub use chars::{CharCursor, CharIndex, slice_chars};
pub(crate) use marks::trimmed;
pub use marks::{DiffCounts, Mark, Marked, counts, marks};
pub use tokens::{Normalization, PROFILES, Token, split_tokens, tokenize};

use std::collections::HashMap;
use std::ops::Range;

use crate::model::text::{ByteRange, CharRange};

use rayon::prelude::*;
use similar::{Algorithm, DiffTag, capture_diff_slices};
use unicode_segmentation::UnicodeSegmentation;

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

/// One operation: ranges into the first (`a`) and second (`b`) witness, of characters (as the
/// diff gives them) unless the type says otherwise. An equal operation has both ranges; a
/// deletion an empty `b` range at its place, an insertion an empty `a` range at its place.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Op<R = CharRange> {
    /// What it does.
    pub kind: OpKind,
    /// The range of the first witness.
    pub a: R,
    /// The range of the second witness.
    pub b: R,
}

/// The diff's inner operations, on bytes: their offsets become characters at the end
/// ([`to_chars`]).
type ByteOp = Op<ByteRange>;

/// A unit of the diff: one significant token with the insignificant ones after it (punctuation
/// when punctuation is ignored, white space when white space is collapsed), so that ignored
/// characters are never matched on their own and always belong to a neighbouring word.
struct Group<'a> {
    key: std::borrow::Cow<'a, str>,
    range: Range<usize>,
}

fn significant(key: &str, normalization: &Normalization) -> bool {
    let ignored_space = normalization.collapse_whitespace && key == " ";
    !key.is_empty() && !ignored_space
}

/// The groups of a text, with byte ranges.
fn groups<'a>(text: &'a str, normalization: &Normalization) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    let mut leading: Option<Range<usize>> = None;
    let mut bytes = 0;
    for piece in split_tokens(text) {
        let range = bytes..bytes + piece.len();
        bytes += piece.len();
        let key = normalization.key_of(piece);
        if significant(&key, normalization) {
            let start = leading.take().map_or(range.start, |r| r.start);
            groups.push(Group {
                key,
                range: start..range.end,
            });
        } else if let Some(last) = groups.last_mut() {
            last.range.end = range.end;
        } else {
            let start = leading.as_ref().map_or(range.start, |r| r.start);
            leading = Some(start..range.end);
        }
    }
    if let Some(range) = leading {
        // Nothing significant at all: the text is one group that equals any other such text.
        groups.push(Group {
            key: std::borrow::Cow::Borrowed(""),
            range,
        });
    }
    groups
}

/// Word-level differences between two witnesses (see the module docs).
///
/// Long witnesses are first compared unit by unit, a unit being a line or a sentence (see
/// `Units`): units are nearly all distinct, so this is fast, and a sentence that reads the
/// same in both anchors the comparison even where every paragraph changed a little or two
/// paragraphs were joined. Only the stretches of units that differ are compared word by word.
///
/// The result does not depend on which witness stands first: `diff(b, a)` is exactly
/// [`mirrored`]`(diff(a, b))`. Where several alignments are equally short (Myers' diff breaks
/// ties one way, the clean-up reads the first witness's words), the two texts are always
/// compared in one order, the lesser text first (byte by byte), and the result is mirrored
/// when they came the other way; so a count of differences a reader cites stays the same
/// when the columns are swapped.
pub fn diff(a: &str, b: &str, normalization: &Normalization) -> Vec<Op> {
    // An editor's “[sic]” is not a word of the wording: it is compared as blank space of its
    // own length, so every range still points at the same characters.
    let (a, b) = (unmarked(a), unmarked(b));
    // Equal texts give all-equal operations, their own mirror, in either order.
    if b < a {
        mirrored(&diff_unmarked(&b, &a, normalization))
    } else {
        diff_unmarked(&a, &b, normalization)
    }
}

/// The operations of a diff seen from the other witness: the `a` and `b` ranges swapped,
/// deletions become insertions and insertions deletions. Each run of changes stays one
/// deletion followed by one insertion (as [`diff`] gives them), the deletion's empty range
/// where the insertion starts and the insertion's where the deletion ends, so that
/// `mirrored(&diff(a, b, n)) == diff(b, a, n)` and `mirrored(&mirrored(ops)) == ops`.
pub fn mirrored(ops: &[Op]) -> Vec<Op> {
    let mut out = Vec::with_capacity(ops.len());
    // The run of changes being read: its ranges in the mirrored first and second witness.
    let mut run: Option<(Range<usize>, Range<usize>)> = None;
    for op in ops {
        match op.kind {
            OpKind::Equal => {
                flush_run(&mut out, run.take());
                out.push(Op {
                    kind: OpKind::Equal,
                    a: op.b.clone(),
                    b: op.a.clone(),
                });
            }
            OpKind::Delete | OpKind::Insert => {
                run = Some(match run {
                    Some((a, b)) => (a.start..op.b.end, b.start..op.a.end),
                    None => (op.b.range(), op.a.range()),
                });
            }
        }
    }
    flush_run(&mut out, run);
    out
}

/// Appends a run of changes with ranges `a` and `b` as one deletion (when `a` is not empty)
/// and one insertion (when `b` is not empty).
fn flush_run<R: From<Range<usize>>>(
    out: &mut Vec<Op<R>>,
    run: Option<(Range<usize>, Range<usize>)>,
) {
    let Some((a_range, b_range)) = run else {
        return;
    };
    if !a_range.is_empty() {
        out.push(Op {
            kind: OpKind::Delete,
            a: a_range.clone().into(),
            b: (b_range.start..b_range.start).into(),
        });
    }
    if !b_range.is_empty() {
        out.push(Op {
            kind: OpKind::Insert,
            a: (a_range.end..a_range.end).into(),
            b: b_range.into(),
        });
    }
}

/// The editorial mark a diff passes over (see [`diff`]).
const SIC: &str = "[sic]";

/// `text` with each editorial “[sic]” blanked out (as many spaces: every offset unchanged).
pub(crate) fn unmarked(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(SIC) {
        std::borrow::Cow::Owned(text.replace(SIC, &" ".repeat(SIC.len())))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn diff_unmarked(a: &str, b: &str, normalization: &Normalization) -> Vec<Op> {
    // Everything below works in byte offsets; they become character offsets at the end.
    // A line or two (a clause, a paragraph) is compared word by word at once.
    let few_lines = |text: &str| text.split_inclusive('\n').nth(2).is_none();
    if (few_lines(a) || few_lines(b)) && a.len() + b.len() <= AT_ONCE {
        return to_chars(a, b, cleanup(a, word_diff(a, b, normalization, 0, 0)));
    }
    // Each unit (a line or a sentence) as a number: its own text when nothing is normalised
    // (no copy), else its normalised form (the two texts at once when they are long).
    let parallel = *normalization != Normalization::default() && a.len() + b.len() > PARALLEL_WORK;
    let (a_units, b_units) = if parallel {
        rayon::join(
            || Units::of(a, normalization),
            || Units::of(b, normalization),
        )
    } else {
        (Units::of(a, normalization), Units::of(b, normalization))
    };
    let (a_keys, b_keys) = numbered(&a_units, &b_units);
    let (a_ranges, b_ranges) = (&a_units.ranges, &b_units.ranges);
    let span = |units: &[Range<usize>], range: Range<usize>, length: usize| -> Range<usize> {
        if range.is_empty() {
            let at = units.get(range.start).map_or(length, |r| r.start);
            at..at
        } else {
            units[range.start].start..units[range.end - 1].end
        }
    };
    // Equal, deleted and inserted units are done; replaced stretches of units (hunks) are
    // compared word by word, over the cores when there is much to do.
    let mut pieces: Vec<Result<ByteOp, Stretch>> = Vec::new();
    let (a_length, b_length) = (a.len(), b.len());
    for (tag, old, new) in diff_ids(&a_keys, &b_keys) {
        let Some(kind) = kind_of(tag) else {
            pieces.push(Err((
                span(a_ranges, old, a_length),
                span(b_ranges, new, b_length),
            )));
            continue;
        };
        pieces.push(Ok(Op {
            kind,
            a: span(a_ranges, old, a_length).into(),
            b: span(b_ranges, new, b_length).into(),
        }));
    }
    let ops = with_words(a, b, normalization, pieces);
    to_chars(a, b, cleanup(a, ops))
}

/// Each unit of both texts as a number, the same for units with the same key.
fn numbered(a_units: &Units<'_>, b_units: &Units<'_>) -> (Vec<u32>, Vec<u32>) {
    let mut ids: KeyMap<&[u8]> = KeyMap::default();
    ids.reserve(a_units.ranges.len() + b_units.ranges.len());
    let mut numbers: Vec<u32> = a_units
        .keys()
        .chain(b_units.keys())
        .map(|key| {
            let next = ids.len() as u32;
            *ids.entry(key).or_insert(next)
        })
        .collect();
    let b_keys = numbers.split_off(a_units.ranges.len());
    (numbers, b_keys)
}

/// The operations of a diff by units, each replaced stretch compared word by word (over the
/// cores when there is much to do), in order.
fn with_words(
    a: &str,
    b: &str,
    normalization: &Normalization,
    pieces: Vec<Result<ByteOp, Stretch>>,
) -> Vec<ByteOp> {
    let hunk = |(a_range, b_range): &(Range<usize>, Range<usize>)| {
        word_diff(
            &a[a_range.clone()],
            &b[b_range.clone()],
            normalization,
            a_range.start,
            b_range.start,
        )
    };
    let work: usize = pieces
        .iter()
        .filter_map(|p| p.as_ref().err())
        .map(|(a, b)| a.len() + b.len())
        .sum();
    let words = |piece: &Result<ByteOp, Stretch>| match piece {
        Err(stretch) => hunk(stretch),
        Ok(_) => Vec::new(),
    };
    let done: Vec<Vec<ByteOp>> = if work > PARALLEL_WORK {
        // Spread over the cores; rayon balances pieces of uneven work and keeps their order.
        pieces.par_iter().map(words).collect()
    } else {
        pieces.iter().map(words).collect()
    };
    let mut ops = Vec::with_capacity(pieces.len());
    for (piece, words) in pieces.into_iter().zip(done) {
        match piece {
            Ok(op) => ops.push(op),
            Err(_) => ops.extend(words),
        }
    }
    ops
}

/// Turns the byte offsets of `ops` (in order) into character offsets, in one pass over each
/// text.
fn to_chars(a: &str, b: &str, ops: Vec<ByteOp>) -> Vec<Op> {
    /// Each byte offset, in order, as a character offset.
    fn counter(text: &str) -> impl FnMut(usize) -> usize + '_ {
        let (mut byte, mut chars) = (0, 0);
        move |target: usize| -> usize {
            if text.is_ascii() {
                return target;
            }
            chars += text[byte..target].chars().count();
            byte = target;
            chars
        }
    }
    let (mut in_a, mut in_b) = (counter(a), counter(b));
    let mut ops = ops;
    let mut a_chars: Vec<Range<usize>> = Vec::with_capacity(ops.len());
    for op in &ops {
        a_chars.push(in_a(op.a.start)..in_a(op.a.end));
    }
    let mut out = Vec::with_capacity(ops.len());
    for (op, a_range) in ops.drain(..).zip(a_chars) {
        out.push(Op {
            kind: op.kind,
            a: CharRange(a_range),
            b: CharRange(in_b(op.b.start)..in_b(op.b.end)),
        });
    }
    out
}

/// A fast hash for interning short keys (the multiply-rotate hash of rustc's FxHasher); the
/// keys are the reader's own texts, so resistance to crafted collisions is not needed.
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type KeyMap<K> = HashMap<K, u32, std::hash::BuildHasherDefault<KeyHasher>>;

/// The groups' keys as small numbers (equal keys, equal numbers): diffing numbers is faster
/// than diffing strings.
fn interned(a: &[Group<'_>], b: &[Group<'_>]) -> (Vec<u32>, Vec<u32>) {
    let mut ids: KeyMap<&str> = KeyMap::default();
    ids.reserve(a.len() + b.len());
    let mut keys = Vec::with_capacity(a.len() + b.len());
    for group in a.iter().chain(b) {
        let next = ids.len() as u32;
        keys.push(*ids.entry(group.key.as_ref()).or_insert(next));
    }
    let b_keys = keys.split_off(a.len());
    (keys, b_keys)
}

/// The operation kind of a diff tag; `None` for a replacement, which each caller splits.
fn kind_of(tag: DiffTag) -> Option<OpKind> {
    match tag {
        DiffTag::Equal => Some(OpKind::Equal),
        DiffTag::Delete => Some(OpKind::Delete),
        DiffTag::Insert => Some(OpKind::Insert),
        DiffTag::Replace => None,
    }
}

/// The Myers diff of two sequences of ids, as (tag, range in `a`, range in `b`). As git's
/// xdiff does, what only one side has is set aside first: it can be in no common
/// subsequence, and two long texts that differ in most lines then cost a diff of the few lines
/// they share, not of all of them. What is set aside is deleted or inserted in the gaps
/// between the lines that match, a gap with both a replacement.
fn diff_ids(a: &[u32], b: &[u32]) -> Vec<(DiffTag, Range<usize>, Range<usize>)> {
    let size = a.iter().chain(b).max().map_or(0, |m| *m as usize + 1);
    let (mut in_a, mut in_b) = (vec![false; size], vec![false; size]);
    a.iter().for_each(|&id| in_a[id as usize] = true);
    b.iter().for_each(|&id| in_b[id as usize] = true);
    let a_kept: Vec<usize> = (0..a.len()).filter(|&i| in_b[a[i] as usize]).collect();
    let b_kept: Vec<usize> = (0..b.len()).filter(|&j| in_a[b[j] as usize]).collect();
    if a_kept.len() == a.len() && b_kept.len() == b.len() {
        return capture_diff_slices(Algorithm::Myers, a, b)
            .iter()
            .map(|op| op.as_tag_tuple())
            .collect();
    }
    let a_shared: Vec<u32> = a_kept.iter().map(|&i| a[i]).collect();
    let b_shared: Vec<u32> = b_kept.iter().map(|&j| b[j]).collect();
    let mut ops: Vec<(DiffTag, Range<usize>, Range<usize>)> = Vec::new();
    // What lies between the matches up to (i, j): deleted, inserted, or replaced.
    fn gap(
        ops: &mut Vec<(DiffTag, Range<usize>, Range<usize>)>,
        from: (usize, usize),
        to: (usize, usize),
    ) {
        let (old, new) = (from.0..to.0, from.1..to.1);
        let tag = match (old.is_empty(), new.is_empty()) {
            (true, true) => return,
            (false, true) => DiffTag::Delete,
            (true, false) => DiffTag::Insert,
            (false, false) => DiffTag::Replace,
        };
        ops.push((tag, old, new));
    }
    let mut at = (0, 0);
    for op in capture_diff_slices(Algorithm::Myers, &a_shared, &b_shared) {
        let (tag, old, new) = op.as_tag_tuple();
        if tag != DiffTag::Equal {
            continue;
        }
        for k in 0..old.len() {
            let (i, j) = (a_kept[old.start + k], b_kept[new.start + k]);
            gap(&mut ops, at, (i, j));
            match ops.last_mut() {
                Some((DiffTag::Equal, x, y)) if x.end == i && y.end == j => {
                    x.end += 1;
                    y.end += 1;
                }
                _ => ops.push((DiffTag::Equal, i..i + 1, j..j + 1)),
            }
            at = (i + 1, j + 1);
        }
    }
    gap(&mut ops, at, (a.len(), b.len()));
    ops
}

/// The lengths of the identical start and end of `a` and `b`, each cut back to a place
/// where white space meets a word (so that both texts tokenize alike on either side), and not
/// overlapping.
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let shorter = x.len().min(y.len());
    let same = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    // A cut at `at`: white space before, a word character (ASCII) after, both inside the
    // identical stretch.
    let cut_ok = |text: &[u8], at: usize| {
        at > 0
            && at < text.len()
            && text[at - 1].is_ascii_whitespace()
            && text[at].is_ascii_alphanumeric()
    };
    let mut prefix = same.min(shorter);
    // The character after the cut must be identical too (it decides the token before it).
    while prefix > 0 && !(prefix < same && cut_ok(x, prefix)) {
        prefix -= 1;
    }
    let rest = shorter - prefix;
    let same_end = x
        .iter()
        .rev()
        .zip(y.iter().rev())
        .take(rest)
        .take_while(|(p, q)| p == q)
        .count();
    let mut suffix = same_end;
    // The cut sits at `len - suffix`; the byte before it must be identical as well.
    while suffix > 0
        && !(suffix < same_end && cut_ok(x, x.len() - suffix) && cut_ok(y, y.len() - suffix))
    {
        suffix -= 1;
    }
    (prefix, suffix)
}

/// The word diff of two stretches, with their ranges shifted by `a_at` and `b_at` (where the
/// stretches start in their witnesses). Not cleaned up.
fn word_diff(
    a: &str,
    b: &str,
    normalization: &Normalization,
    a_at: usize,
    b_at: usize,
) -> Vec<ByteOp> {
    // Identical bytes at both ends are equal under any normalisation: cut them off (at a space
    // followed by a word, where both texts split into tokens alike) before tokenizing.
    let (prefix, suffix) = common_ends(a, b);
    if prefix > 0 || suffix > 0 {
        let (a_end, b_end) = (a.len() - suffix, b.len() - suffix);
        let mut ops = Vec::new();
        if prefix > 0 {
            ops.push(Op {
                kind: OpKind::Equal,
                a: (a_at..a_at + prefix).into(),
                b: (b_at..b_at + prefix).into(),
            });
        }
        ops.extend(word_diff(
            &a[prefix..a_end],
            &b[prefix..b_end],
            normalization,
            a_at + prefix,
            b_at + prefix,
        ));
        if suffix > 0 {
            ops.push(Op {
                kind: OpKind::Equal,
                a: (a_at + a_end..a_at + a.len()).into(),
                b: (b_at + b_end..b_at + b.len()).into(),
            });
        }
        return ops;
    }
    let a_groups = groups(a, normalization);
    let b_groups = groups(b, normalization);
    let (a_keys, b_keys) = interned(&a_groups, &b_groups);
    let span = |groups: &[Group<'_>], range: Range<usize>, at: usize| -> Range<usize> {
        let local = if range.is_empty() {
            let position = groups.get(range.start).map_or_else(
                || groups.last().map_or(0, |g| g.range.end),
                |g| g.range.start,
            );
            position..position
        } else {
            groups[range.start].range.start..groups[range.end - 1].range.end
        };
        local.start + at..local.end + at
    };
    let mut ops: Vec<ByteOp> = Vec::new();
    let mut push = |kind: OpKind, a_range: Range<usize>, b_range: Range<usize>| {
        if a_range.is_empty() && b_range.is_empty() {
            return;
        }
        ops.push(Op {
            kind,
            a: a_range.into(),
            b: b_range.into(),
        });
    };
    // Words that only one side has are not set aside here as lines are (`diff_ids`): among
    // words that would change which of two equally short alignments is found, and an added
    // clause would read as a changed one. Of two such alignments, the one that keeps the
    // longer words equal (in characters of their keys).
    let weight = |index: usize| a_groups[index].key.chars().count();
    for (tag, old, new) in heavier_alignment(&a_keys, &b_keys, weight) {
        let Some(kind) = kind_of(tag) else {
            push(
                OpKind::Delete,
                span(&a_groups, old.clone(), a_at),
                span(&b_groups, new.start..new.start, b_at),
            );
            push(
                OpKind::Insert,
                span(&a_groups, old.end..old.end, a_at),
                span(&b_groups, new, b_at),
            );
            continue;
        };
        push(kind, span(&a_groups, old, a_at), span(&b_groups, new, b_at));
    }
    ops
}

/// One step of an alignment: (tag, range in the first sequence, range in the second).
type Aligned = (DiffTag, Range<usize>, Range<usize>);

/// The Myers alignment of `a` and `b` with the heavier equal elements (`weight` of an index
/// into `a`), as (tag, range in `a`, range in `b`).
///
/// Myers' diff finds one of the shortest alignments, and which one depends on the order of
/// its inputs: "о формальном вступлении первых в состав РСФСР" against "Формальное
/// объединение вместе с РСФСР в союз …" keeps “РСФСР” equal one way round and only “в” the
/// other (which the clean-up then absorbs, marking everything changed). So where the first
/// alignment has a slight equal stretch between two changes, the other order is tried too,
/// and the one whose equal elements weigh more is kept, the first on a tie. [`diff`] and the marking of changed words
/// call this with their two texts in their canonical order, so the choice is the same
/// whichever witness stands first.
fn heavier_alignment<T: Eq + std::hash::Hash>(
    a: &[T],
    b: &[T],
    weight: impl Fn(usize) -> usize,
) -> Vec<Aligned> {
    let forward: Vec<Aligned> = capture_diff_slices(Algorithm::Myers, a, b)
        .iter()
        .map(|op| op.as_tag_tuple())
        .collect();
    // Only an alignment held together by slight equal stretches between changes (a short
    // word, a space) can have an equally short rival that keeps more: where every equal
    // stretch between two changes is substantial, as in a lightly edited text, the first
    // alignment is kept without a second diff.
    let slight_anchor = forward.windows(3).any(|steps| {
        let [before, (DiffTag::Equal, equal, _), after] = steps else {
            return false;
        };
        before.0 != DiffTag::Equal
            && after.0 != DiffTag::Equal
            && equal.len() <= SLIGHT_ANCHOR
            && equal.clone().map(&weight).sum::<usize>() <= SLIGHT_ANCHOR
    });
    if !slight_anchor {
        return forward;
    }
    let flip = |tag: DiffTag| match tag {
        DiffTag::Delete => DiffTag::Insert,
        DiffTag::Insert => DiffTag::Delete,
        DiffTag::Equal | DiffTag::Replace => tag,
    };
    let backward: Vec<Aligned> = capture_diff_slices(Algorithm::Myers, b, a)
        .iter()
        .map(|op| {
            let (tag, old, new) = op.as_tag_tuple();
            (flip(tag), new, old)
        })
        .collect();
    let weigh = |alignment: &[Aligned]| -> usize {
        alignment
            .iter()
            .filter(|(tag, _, _)| *tag == DiffTag::Equal)
            .flat_map(|(_, old, _)| old.clone())
            .map(&weight)
            .sum()
    };
    if weigh(&backward) > weigh(&forward) {
        backward
    } else {
        forward
    }
}

/// The weight (characters of keys) up to which an equal stretch between two changes is
/// slight enough that [`heavier_alignment`] looks for a rival alignment: as many letters as
/// [`is_slight`] allows.
const SLIGHT_ANCHOR: usize = 6;

/// Whether an equal stretch is too slight to stand between two changes: white space,
/// punctuation, or one or two short words such as "the", "of the" or "в".
fn is_slight(text: &str) -> bool {
    // At most six letters in all: checked first, without segmenting long stretches.
    if text.chars().filter(|c| c.is_alphanumeric()).take(7).count() > 6 {
        return false;
    }
    let words: Vec<&str> = text
        .unicode_words()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    words.len() <= 2 && words.iter().all(|w| w.chars().count() <= 3)
}

/// Semantic clean-up: an equal stretch that is only a short word or punctuation between two
/// changes becomes part of the change, so that unrelated wordings are not stitched together by
/// their articles and commas. Then each run of changes becomes one deletion and one insertion.
fn cleanup(a: &str, ops: Vec<ByteOp>) -> Vec<ByteOp> {
    let changed = |op: &ByteOp| op.kind != OpKind::Equal;
    let mut absorbed = vec![false; ops.len()];
    for index in 1..ops.len().saturating_sub(1) {
        let op = &ops[index];
        if op.kind == OpKind::Equal
            && changed(&ops[index - 1])
            && changed(&ops[index + 1])
            && is_slight(&a[op.a.range()])
        {
            absorbed[index] = true;
        }
    }
    let mut out: Vec<ByteOp> = Vec::with_capacity(ops.len());
    let mut run: Option<(Range<usize>, Range<usize>)> = None;
    for (op, absorbed) in ops.into_iter().zip(absorbed) {
        if op.kind == OpKind::Equal && !absorbed {
            flush_run(&mut out, run.take());
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
                None => (op.a.0, op.b.0),
            });
        }
    }
    flush_run(&mut out, run);
    out
}

#[cfg(test)]
mod tests;
