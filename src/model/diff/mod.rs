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
//! Threads: none of its own. A long diff spreads its work over the cores through rayon
//! (`rayon::join` for the two texts' units, `par_iter` for the changed stretches), which is
//! pure data parallelism on rayon's one pool: no I/O, the same result as on one core.

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;
use similar::{Algorithm, DiffTag, capture_diff_slices};
use unicode_segmentation::UnicodeSegmentation;

/// What counts as the same when comparing. Every option only widens equality.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
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
        self.key_of(token).into_owned()
    }

    /// One character as compared (None: ignored), before case folding.
    fn fold(&self, ch: char) -> Option<char> {
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
        if self.ignore_punctuation && !alphanumeric(ch) && !ch.is_whitespace() {
            return None;
        }
        Some(if self.yo_as_ye {
            match ch {
                'ё' => 'е',
                'Ё' => 'Е',
                other => other,
            }
        } else {
            ch
        })
    }

    /// The key of one token, borrowed when the normalisation leaves it as it is.
    fn key_of<'a>(&self, token: &'a str) -> std::borrow::Cow<'a, str> {
        use std::borrow::Cow;
        if *self == Self::default() {
            return Cow::Borrowed(token);
        }
        let bytes = token.as_bytes();
        if bytes.iter().all(u8::is_ascii_alphanumeric) {
            // The common case, a plain ASCII word: only case can change it.
            return if self.ignore_case && bytes.iter().any(u8::is_ascii_uppercase) {
                Cow::Owned(token.to_ascii_lowercase())
            } else {
                Cow::Borrowed(token)
            };
        }
        if bytes.is_ascii() && bytes.len() > 1 && !char::from(bytes[0]).is_whitespace() {
            // A word with a full stop or an apostrophe inside (“R.S.F.S.R”, “people's”):
            // looked up a byte at a time.
            let folds = self.ascii_folds();
            let folded = |byte: &u8| match folds[usize::from(*byte)] {
                AsciiFold::Byte(folded) | AsciiFold::White(folded) => Some(folded),
                AsciiFold::Space => Some(b' '),
                AsciiFold::Ignored => None,
            };
            if bytes.iter().all(|byte| folded(byte) == Some(*byte)) {
                return Cow::Borrowed(token);
            }
            let key: String = bytes.iter().filter_map(folded).map(char::from).collect();
            return Cow::Owned(key);
        }
        let mut chars = token.chars();
        if let (Some(ch), None) = (chars.next(), chars.next()) {
            // One character, most often a mark of punctuation: no copy when it is ignored or
            // compared as it is.
            match self.fold(ch) {
                None => return Cow::Borrowed(""),
                Some(folded)
                    if folded == ch
                        && !(self.ignore_case && lowers(ch))
                        && !(self.collapse_whitespace && ch.is_whitespace()) =>
                {
                    return Cow::Borrowed(token);
                }
                Some(_) => {}
            }
        }
        if token.chars().all(char::is_whitespace) {
            return if self.collapse_whitespace {
                Cow::Borrowed(" ")
            } else {
                Cow::Borrowed(token)
            };
        }
        let unchanged = token
            .chars()
            .all(|ch| self.fold(ch) == Some(ch) && !(self.ignore_case && lowers(ch)));
        if unchanged {
            return Cow::Borrowed(token);
        }
        let mut key = String::with_capacity(token.len());
        for ch in token.chars().filter_map(|ch| self.fold(ch)) {
            if self.ignore_case {
                push_lowercase(&mut key, ch);
            } else {
                key.push(ch);
            }
        }
        Cow::Owned(key)
    }
}

/// Pushes `ch` in lower case: Latin and Russian letters directly, the rest through
/// `char::to_lowercase`.
fn push_lowercase(key: &mut String, ch: char) {
    match ch {
        'A'..='Z' => key.push(ch.to_ascii_lowercase()),
        'А'..='Я' => key.push(char::from_u32(ch as u32 + 0x20).unwrap_or(ch)),
        'Ё' => key.push('ё'),
        _ if ch.is_ascii() || ('а'..='я').contains(&ch) => key.push(ch),
        _ => key.extend(ch.to_lowercase()),
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
    for piece in split_tokens(text) {
        let length = piece.chars().count();
        tokens.push(Token {
            range: chars..chars + length,
            key: normalization.key(piece),
        });
        chars += length;
    }
    tokens
}

/// `char::is_alphanumeric`, answered at once for the Latin and Russian letters that make up
/// nearly all of Lectern's texts (the general lookup is the slowest step of a diff otherwise).
fn alphanumeric(ch: char) -> bool {
    match ch {
        'a'..='z' | 'A'..='Z' | '0'..='9' | 'А'..='я' | 'Ё' | 'ё' => true,
        '\0'..='\u{7f}' => false,
        _ => ch.is_alphanumeric(),
    }
}

/// Whether lower case changes `ch`: capitals, and title-case letters such as “ǅ”.
fn lowers(ch: char) -> bool {
    match ch {
        'A'..='Z' | 'А'..='Я' | 'Ё' => true,
        'a'..='z' | 'а'..='я' | 'ё' | '\0'..='\u{7f}' => false,
        _ => ch.to_lowercase().ne(std::iter::once(ch)),
    }
}

/// Whether `ch` belongs inside a word: letters, digits and combining marks.
fn is_word_char(ch: char) -> bool {
    if ch.is_ascii() {
        return ch.is_ascii_alphanumeric();
    }
    alphanumeric(ch)
        || matches!(ch, '\u{300}'..='\u{36f}' | '\u{483}'..='\u{489}' | '\u{1ab0}'..='\u{1aff}')
}

/// The tokens of a text: words (letters, digits and combining marks, with a full stop or
/// apostrophe inside them, as in "R.S.F.S.R" and "don’t"), runs of white space, and single
/// other characters. Close to Unicode word boundaries for the texts Lectern compares, and much
/// faster.
pub fn split_tokens(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = token_end(rest);
        let (token, after) = rest.split_at(end);
        rest = after;
        Some(token)
    })
}

/// What an ASCII byte is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Space,
    Joiner,
    Other,
}

const fn ascii_class(byte: u8) -> Class {
    match byte {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => Class::Word,
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Class::Space,
        b'.' | b'\'' => Class::Joiner,
        _ => Class::Other,
    }
}

/// The class of the character at byte `at` and its length in bytes.
fn class_at(text: &str, at: usize) -> Option<(Class, usize)> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        return Some((ascii_class(byte), 1));
    }
    let ch = text[at..].chars().next()?;
    let class = if is_word_char(ch) {
        Class::Word
    } else if ch.is_whitespace() {
        Class::Space
    } else if ch == '’' {
        Class::Joiner
    } else {
        Class::Other
    };
    Some((class, ch.len_utf8()))
}

/// The length in bytes of the token at the start of `text` (not empty).
fn token_end(text: &str) -> usize {
    let Some((first, mut end)) = class_at(text, 0) else {
        return text.len();
    };
    match first {
        Class::Word => {
            // A run of ASCII letters and digits at once, then character by character.
            let ascii_word = |from: usize| {
                text.as_bytes()[from..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count()
            };
            end += ascii_word(end);
            while let Some((class, length)) = class_at(text, end) {
                match class {
                    Class::Word => end += length,
                    Class::Joiner
                        if class_at(text, end + length).is_some_and(|(c, _)| c == Class::Word) =>
                    {
                        end += length;
                    }
                    _ => break,
                }
                end += ascii_word(end);
            }
        }
        Class::Space => {
            while let Some((Class::Space, length)) = class_at(text, end) {
                end += length;
            }
        }
        Class::Joiner | Class::Other => {}
    }
    end
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
                    None => (op.b.clone(), op.a.clone()),
                });
            }
        }
    }
    flush_run(&mut out, run);
    out
}

/// Appends a run of changes with ranges `a` and `b` as one deletion (when `a` is not empty)
/// and one insertion (when `b` is not empty).
fn flush_run(out: &mut Vec<Op>, run: Option<(Range<usize>, Range<usize>)>) {
    let Some((a_range, b_range)) = run else {
        return;
    };
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
    let a_keys = numbers;
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
    let mut pieces: Vec<Result<Op, Stretch>> = Vec::new();
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
            a: span(a_ranges, old, a_length),
            b: span(b_ranges, new, b_length),
        }));
    }
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
    let words = |piece: &Result<Op, Stretch>| match piece {
        Err(stretch) => hunk(stretch),
        Ok(_) => Vec::new(),
    };
    let done: Vec<Vec<Op>> = if work > PARALLEL_WORK {
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
    to_chars(a, b, cleanup(a, ops))
}

/// Turns the byte offsets of `ops` (in order) into character offsets, in one pass over each
/// text.
fn to_chars(a: &str, b: &str, mut ops: Vec<Op>) -> Vec<Op> {
    fn convert(text: &str, ops: &mut [Op], side: fn(&mut Op) -> &mut Range<usize>) {
        if text.is_ascii() {
            return;
        }
        let (mut byte, mut chars) = (0, 0);
        let mut at = |target: usize| -> usize {
            chars += text[byte..target].chars().count();
            byte = target;
            chars
        };
        for op in ops.iter_mut() {
            let range = side(op);
            let start = at(range.start);
            let end = at(range.end);
            *range = start..end;
        }
    }
    convert(a, &mut ops, |op| &mut op.a);
    convert(b, &mut ops, |op| &mut op.b);
    ops
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

/// A stretch of each witness (byte ranges) still to be compared word by word.
type Stretch = (Range<usize>, Range<usize>);

/// Bytes of replaced lines above which their word diffs are spread over the cores.
const PARALLEL_WORK: usize = 200_000;

/// Bytes of a pair of texts, either of them of a line or two, compared word by word at once.
const AT_ONCE: usize = 64 * 1024;

/// What a character is to the cutting of units (see [`Units`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// A line break: the unit ends after it.
    LineBreak,
    /// The end of a sentence: a full stop, a question or exclamation mark, an ellipsis.
    End,
    /// A closing quotation mark or bracket, which may follow the end of a sentence.
    Closer,
    /// White space other than a line break.
    Space,
    /// Anything else.
    Other,
}

impl Stop {
    const fn of_ascii(byte: u8) -> Self {
        match byte {
            b'\n' => Self::LineBreak,
            b'.' | b'!' | b'?' => Self::End,
            b'"' | b'\'' | b')' | b']' => Self::Closer,
            b' ' | b'\t' | b'\r' | 0x0c => Self::Space,
            _ => Self::Other,
        }
    }

    fn of(ch: char) -> Self {
        match ch {
            '…' => Self::End,
            '»' | '”' | '’' | '“' => Self::Closer,
            ch if ch.is_ascii() => Self::of_ascii(ch as u8),
            _ => Self::Other,
        }
    }
}

/// Where the reading of a text stands towards the next cut between units.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cutting {
    /// Inside a sentence.
    Within,
    /// Just after the end of a sentence (and any closing marks).
    Ended,
    /// After the end of a sentence and white space: the next character starts a unit.
    Spaced,
}

impl Cutting {
    /// The next state after a character; whether a unit starts at that character.
    fn step(self, stop: Stop) -> (Self, bool) {
        match (stop, self) {
            (Stop::LineBreak, _) => (Self::Within, false),
            (Stop::Space, Self::Within) => (Self::Within, false),
            (Stop::Space, _) => (Self::Spaced, false),
            (Stop::End, state) => (Self::Ended, state == Self::Spaced),
            (Stop::Closer, Self::Ended) => (Self::Ended, false),
            (Stop::Closer | Stop::Other, state) => (Self::Within, state == Self::Spaced),
        }
    }
}

/// The units of a long comparison's first step, each with its key: lines, cut further after
/// the end of each sentence (a full stop, question or exclamation mark or ellipsis, with any
/// closing quotation marks or brackets, and the white space after it), a blank one (white
/// space, or only what is ignored) joined to the one before. Every cut falls between white
/// space and what follows it, where words are cut too. Units with equal keys are equal; the
/// others are compared word by word.
struct Units<'t> {
    /// Byte ranges in the text, in order.
    ranges: Vec<Range<usize>>,
    /// The units' keys one after the other: the text itself when nothing is normalised, else
    /// its normalised form (see [`Folder`]).
    keys: std::borrow::Cow<'t, [u8]>,
    /// Where each unit's key ends in `keys`.
    key_ends: Vec<usize>,
}

impl<'t> Units<'t> {
    fn of(text: &'t str, normalization: &Normalization) -> Self {
        if *normalization == Normalization::default() {
            let (ranges, key_ends, _) = Self::cut::<false>(text, normalization);
            return Self {
                ranges,
                keys: std::borrow::Cow::Borrowed(text.as_bytes()),
                key_ends,
            };
        }
        let (ranges, key_ends, keys) = Self::cut::<true>(text, normalization);
        Self {
            ranges,
            keys: std::borrow::Cow::Owned(keys),
            key_ends,
        }
    }

    /// The units of `text` in one pass: their ranges, where their keys end, and the keys
    /// (folded when `FOLD`, else the text's own bytes are the keys and nothing is written).
    fn cut<const FOLD: bool>(
        text: &str,
        normalization: &Normalization,
    ) -> (Vec<Range<usize>>, Vec<usize>, Vec<u8>) {
        let mut folder = Folder::new(normalization, if FOLD { text.len() } else { 0 });
        let (mut ranges, mut key_ends): (Vec<Range<usize>>, Vec<usize>) = Default::default();
        let (mut cutting, mut content) = (Cutting::Within, false);
        // Ends the unit that runs to `end` (its key to `key_end`), joined to the one before
        // when it has no `content`.
        let mut end_unit = |end: usize, content: bool, key_end: usize| {
            let start = ranges.last().map_or(0, |r| r.end);
            match (content, ranges.last_mut(), key_ends.last_mut()) {
                (false, Some(last), Some(last_key_end)) => {
                    last.end = end;
                    *last_key_end = key_end;
                }
                _ if start < end => {
                    ranges.push(start..end);
                    key_ends.push(key_end);
                }
                _ => {}
            }
        };
        let runs = Runs::new(&folder, FOLD);
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            let key_before = folder.key.len();
            let (run, has_content) = folder.run::<FOLD>(&runs, bytes, at);
            if run > 0 {
                // A run starts with something other than white space or a sentence's end.
                if cutting == Cutting::Spaced {
                    end_unit(at, content, if FOLD { key_before } else { at });
                    content = false;
                }
                cutting = Cutting::Within;
                content |= has_content;
                at += run;
                continue;
            }
            let (stop, length, ch) = if byte.is_ascii() {
                (Stop::of_ascii(byte), 1, None)
            } else {
                let ch = text[at..].chars().next().unwrap_or_default();
                (Stop::of(ch), ch.len_utf8(), Some(ch))
            };
            let (next, starts_unit) = cutting.step(stop);
            cutting = next;
            if starts_unit {
                end_unit(at, content, if FOLD { folder.key.len() } else { at });
                content = false;
            }
            content |= match (FOLD, ch) {
                (true, None) => folder.push_ascii(byte),
                (true, Some(ch)) => folder.push(ch),
                (false, None) => !char::from(byte).is_whitespace(),
                (false, Some(ch)) => !ch.is_whitespace(),
            };
            at += length;
            if stop == Stop::LineBreak {
                end_unit(at, content, if FOLD { folder.key.len() } else { at });
                content = false;
            }
        }
        end_unit(
            bytes.len(),
            content,
            if FOLD { folder.key.len() } else { at },
        );
        (ranges, key_ends, folder.key)
    }

    fn keys(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.key_ends.iter().copied());
        starts
            .zip(&self.key_ends)
            .map(|(start, &end)| &self.keys[start..end])
    }
}

/// What an ASCII character is compared as under a normalisation.
#[derive(Clone, Copy)]
enum AsciiFold {
    /// This byte, which is not white space.
    Byte(u8),
    /// This white space, kept as it is.
    White(u8),
    /// White space that is collapsed: one space for a run of it.
    Space,
    /// Nothing: ignored punctuation.
    Ignored,
}

impl Normalization {
    /// What each ASCII character is compared as (see [`Folder`]), looked up instead of
    /// worked out character by character: one table for each normalisation, made once.
    fn ascii_folds(&self) -> &'static [AsciiFold; 128] {
        static TABLES: [std::sync::OnceLock<[AsciiFold; 128]>; 32] =
            [const { std::sync::OnceLock::new() }; 32];
        let switches = [
            self.ignore_case,
            self.ignore_punctuation,
            self.unify_quotes_and_dashes,
            self.collapse_whitespace,
            self.yo_as_ye,
        ];
        let index = switches
            .iter()
            .enumerate()
            .map(|(bit, &on)| usize::from(on) << bit)
            .sum::<usize>();
        TABLES[index].get_or_init(|| self.make_ascii_folds())
    }

    fn make_ascii_folds(&self) -> [AsciiFold; 128] {
        std::array::from_fn(|byte| {
            let ch = char::from(byte as u8);
            if ch.is_ascii_alphanumeric() {
                AsciiFold::Byte(if self.ignore_case {
                    ch.to_ascii_lowercase() as u8
                } else {
                    byte as u8
                })
            } else if self.collapse_whitespace && ch.is_whitespace() {
                AsciiFold::Space
            } else {
                match self.fold(ch) {
                    // Folding keeps ASCII ASCII (a straight apostrophe becomes a quotation
                    // mark), and lower case is the same for what is not a letter.
                    Some(folded) if folded.is_whitespace() => AsciiFold::White(folded as u8),
                    Some(folded) if folded.is_ascii() => AsciiFold::Byte(folded as u8),
                    Some(_) | None => AsciiFold::Ignored,
                }
            }
        })
    }
}

/// The commonest stretches of a text, taken at once while its units are cut: letters, digits
/// and other characters inside a sentence that are compared as one byte or ignored, single
/// spaces between them, and Russian letters. Each is folded as [`Folder`] folds it one
/// character at a time (the tables are made by folding each character).
struct Runs {
    /// What each ASCII character is written as in a run: [`Runs::END`] when it ends the run,
    /// [`Runs::IGNORED`] when it is ignored.
    ascii: [u8; 128],
    /// What U+0400 to U+047F are written as (their UTF-8), when they can be in a run.
    russian: [Option<[u8; 2]>; 128],
}

impl Runs {
    const END: u8 = 0;
    const IGNORED: u8 = 1;

    fn new(folder: &Folder<'_>, fold: bool) -> Self {
        let ascii = std::array::from_fn(|byte| {
            let byte = byte as u8;
            if byte == b' ' {
                // Compared as a space after anything but a space, collapsed or not.
                return b' ';
            }
            if Stop::of_ascii(byte) != Stop::Other || char::from(byte).is_whitespace() {
                return Self::END;
            }
            if !fold {
                // (Never one of the two markers: a control character ends the run.)
                return if byte > Self::IGNORED {
                    byte
                } else {
                    Self::END
                };
            }
            match folder.folds[usize::from(byte)] {
                AsciiFold::Byte(folded) if folded > Self::IGNORED => folded,
                AsciiFold::Ignored => Self::IGNORED,
                _ => Self::END,
            }
        });
        let russian = std::array::from_fn(|index| {
            let ch = char::from_u32(0x400 + index as u32)?;
            if !ch.is_alphabetic() || Stop::of(ch) != Stop::Other {
                return None;
            }
            let mut one = Folder::new(folder.normalization, 4);
            if !one.push(ch) && fold {
                return None;
            }
            let mut utf8 = [0; 4];
            let written: &[u8] = if fold {
                &one.key
            } else {
                ch.encode_utf8(&mut utf8).as_bytes()
            };
            <[u8; 2]>::try_from(written).ok()
        });
        Self { ascii, russian }
    }
}

/// Writes what a text is compared as: its characters under the normalisation, a run of
/// white space as one space when white space is collapsed. ASCII characters are looked up
/// ([`Normalization::ascii_folds`]), Russian letters folded at once.
struct Folder<'n> {
    normalization: &'n Normalization,
    folds: &'static [AsciiFold; 128],
    /// What is written so far.
    key: Vec<u8>,
    /// Whether `key` ends in a collapsed run of white space.
    in_space: bool,
}

impl<'n> Folder<'n> {
    fn new(normalization: &'n Normalization, capacity: usize) -> Self {
        Self {
            normalization,
            folds: normalization.ascii_folds(),
            key: Vec::with_capacity(capacity),
            in_space: false,
        }
    }

    /// Appends the run of `bytes` at `at` (see [`Runs`]), if one starts there (written only
    /// when `FOLD`): its length in bytes (0 when none starts there), and whether it is more
    /// than white space and what is ignored.
    fn run<const FOLD: bool>(&mut self, runs: &Runs, bytes: &[u8], at: usize) -> (usize, bool) {
        let (mut end, mut previous, mut content) = (at, 0u8, false);
        while let Some(&byte) = bytes.get(end) {
            if byte.is_ascii() {
                let folded = runs.ascii[usize::from(byte)];
                // A space is taken only after something else: one space stays one space.
                if folded == Runs::END || byte == b' ' && (end == at || previous == b' ') {
                    break;
                }
                if FOLD && folded != Runs::IGNORED {
                    self.key.push(folded);
                }
                content |= byte != b' ' && folded != Runs::IGNORED;
                previous = byte;
                end += 1;
                continue;
            }
            // A Russian letter: two bytes, the first 0xd0 or 0xd1.
            let Some(&second) = bytes.get(end + 1) else {
                break;
            };
            let index = match byte {
                0xd0 => usize::from(second & 0x3f),
                0xd1 => 0x40 + usize::from(second & 0x3f),
                _ => break,
            };
            let Some(folded) = runs.russian[index] else {
                break;
            };
            if FOLD {
                self.key.extend_from_slice(&folded);
            }
            content = true;
            previous = second;
            end += 2;
        }
        if end > at {
            self.in_space = self.normalization.collapse_whitespace && previous == b' ';
        }
        (end - at, content)
    }

    /// Appends an ASCII character; whether it is more than white space.
    fn push_ascii(&mut self, byte: u8) -> bool {
        match self.folds[usize::from(byte & 0x7f)] {
            AsciiFold::Byte(folded) => {
                self.key.push(folded);
                self.in_space = false;
                true
            }
            AsciiFold::White(folded) => {
                self.key.push(folded);
                self.in_space = false;
                false
            }
            AsciiFold::Space => {
                if !self.in_space {
                    self.key.push(b' ');
                }
                self.in_space = true;
                false
            }
            AsciiFold::Ignored => {
                self.in_space = false;
                false
            }
        }
    }

    /// Appends any character; whether it is more than white space.
    fn push(&mut self, ch: char) -> bool {
        let normalization = self.normalization;
        if normalization.collapse_whitespace && ch.is_whitespace() {
            if !self.in_space {
                self.key.push(b' ');
            }
            self.in_space = true;
            return false;
        }
        self.in_space = false;
        let Some(folded) = normalization.fold(ch) else {
            return false;
        };
        let mut utf8 = [0; 4];
        if !normalization.ignore_case {
            self.key
                .extend_from_slice(folded.encode_utf8(&mut utf8).as_bytes());
        } else if ('А'..='я').contains(&folded) {
            // A Russian letter (ё is outside this range): its lower case at once.
            let lower = if folded <= 'Я' {
                char::from_u32(folded as u32 + 0x20).unwrap_or(folded)
            } else {
                folded
            };
            self.key
                .extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
        } else {
            for lower in folded.to_lowercase() {
                self.key
                    .extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
            }
        }
        !folded.is_whitespace()
    }
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
fn word_diff(a: &str, b: &str, normalization: &Normalization, a_at: usize, b_at: usize) -> Vec<Op> {
    // Identical bytes at both ends are equal under any normalisation: cut them off (at a space
    // followed by a word, where both texts split into tokens alike) before tokenizing.
    let (prefix, suffix) = common_ends(a, b);
    if prefix > 0 || suffix > 0 {
        let (a_end, b_end) = (a.len() - suffix, b.len() - suffix);
        let mut ops = Vec::new();
        if prefix > 0 {
            ops.push(Op {
                kind: OpKind::Equal,
                a: a_at..a_at + prefix,
                b: b_at..b_at + prefix,
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
                a: a_at + a_end..a_at + a.len(),
                b: b_at + b_end..b_at + b.len(),
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
fn cleanup(a: &str, ops: Vec<Op>) -> Vec<Op> {
    let changed = |op: &Op| op.kind != OpKind::Equal;
    let mut absorbed = vec![false; ops.len()];
    for index in 1..ops.len().saturating_sub(1) {
        let op = &ops[index];
        if op.kind == OpKind::Equal
            && changed(&ops[index - 1])
            && changed(&ops[index + 1])
            && is_slight(&a[op.a.clone()])
        {
            absorbed[index] = true;
        }
    }
    let mut out: Vec<Op> = Vec::with_capacity(ops.len());
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
                None => (op.a, op.b),
            });
        }
    }
    flush_run(&mut out, run);
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

fn word_count(text: &str) -> usize {
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
                let wa = word_count(a.slice(op.a.clone()));
                let wb = word_count(b.slice(insert.b.clone()));
                counts.changed += wa.min(wb);
                counts.deleted += wa.saturating_sub(wb);
                counts.inserted += wb.saturating_sub(wa);
                index += 1;
            }
            (OpKind::Delete, None) => counts.deleted += word_count(a.slice(op.a.clone())),
            (OpKind::Insert, _) => counts.inserted += word_count(b.slice(op.b.clone())),
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
                    let (a_text, b_text) = (a.slice(op.a.clone()), b.slice(insert.b.clone()));
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
                    range: trimmed(&a, op.a.clone()),
                    mark: Mark::Deleted,
                });
            }
            OpKind::Insert => {
                b_marks.push(Marked {
                    range: trimmed(&b, op.b.clone()),
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
fn changed_within(a: &str, b: &str) -> (Ranges, Ranges) {
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

type Ranges = Vec<Range<usize>>;

/// The words of `text` (those with a letter or digit), as character ranges.
fn word_ranges(text: &str) -> Ranges {
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
fn stem(word: &str) -> String {
    word.chars().take(5).flat_map(char::to_lowercase).collect()
}

/// Inside a replaced stretch, pairs the words that share a stem and marks only what differs
/// within them; the other words are marked whole, and marks separated only by white space or
/// punctuation are joined. `None` when no word pairs (the whole stretch is then one change).
fn same_stems(a: &str, b: &str) -> Option<(Ranges, Ranges)> {
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
fn letters_in_word(a: &str, b: &str) -> (Ranges, Ranges) {
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
fn join(text: &str, mut ranges: Ranges) -> Ranges {
    ranges.sort_by_key(|r| r.start);
    let mut joined: Ranges = Vec::new();
    for range in ranges {
        if let Some(last) = joined.last_mut()
            && range.start >= last.end
            && !slice_chars(text, last.end..range.start)
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
fn letters_changed(a: &str, b: &str) -> Option<(Ranges, Ranges)> {
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

/// A text with the byte offset of every 32nd character (`STRIDE`), for slicing by character
/// ranges in (nearly) constant time: slicing long witnesses with [`slice_chars`] over and over
/// is quadratic, and a table of every character's offset is eight bytes a character to make
/// and page in. An ASCII text needs no table: its characters are its bytes.
pub struct CharIndex<'a> {
    text: &'a str,
    /// The byte offset of characters 0, STRIDE, 2 × STRIDE …; empty when the text is ASCII.
    marks: Vec<usize>,
    /// The number of characters.
    length: usize,
}

/// How many characters apart the offsets a [`CharIndex`] keeps are.
const STRIDE: usize = 32;

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
    fn byte(&self, n: usize) -> usize {
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
    text: &'a str,
    /// The byte and the character where the last slice ended.
    at: (usize, usize),
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
fn skip_chars(bytes: &[u8], from: usize, mut n: usize) -> Result<usize, usize> {
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A cursor finds every character's byte as counting from the start does, on
        /// text of one- to four-byte characters, going forward, back and past the end.
        #[test]
        fn a_char_cursor_finds_what_counting_from_the_start_finds(
            text in "[a -~а-яё́€𝔄\n]{0,80}",
            targets in proptest::collection::vec(0usize..90, 1..12),
        ) {
            let mut cursor = CharCursor::new(&text);
            let length = text.chars().count();
            for n in targets {
                let expected = text.char_indices().nth(n).map_or(text.len(), |(b, _)| b);
                proptest::prop_assert_eq!(cursor.byte_of(n), expected, "character {}", n);
                proptest::prop_assert_eq!(cursor.position(), n.min(length));
            }
        }
    }

    #[test]
    fn an_editors_sic_is_not_a_word_of_the_wording() {
        let stalin = "ограничившись принятем [sic] договоров с ними";
        let revised = "ограничившись принятием договоров с ними";
        for normalization in [Normalization::wording(), Normalization::default()] {
            let ops = diff(stalin, revised, &normalization);
            let (stalin_marks, revised_marks, counts) = marks(stalin, revised, &ops);
            assert_eq!(
                (counts.changed, counts.deleted, counts.inserted),
                (1, 0, 0),
                "{normalization:?}: {ops:?}"
            );
            for mark in &stalin_marks {
                assert!(
                    !slice_chars(stalin, mark.range.clone()).contains("sic"),
                    "{mark:?}"
                );
            }
            assert_eq!(revised_marks.len(), 1);
            // The ranges are the texts' own: every character is covered once, in order.
            let rebuilt: String = ops
                .iter()
                .filter(|op| op.kind != OpKind::Insert)
                .map(|op| slice_chars(stalin, op.a.clone()))
                .collect();
            assert_eq!(rebuilt, stalin);
        }
    }

    #[test]
    fn the_quick_letter_tests_agree_with_the_standard_library_for_every_character() {
        for ch in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(alphanumeric(ch), ch.is_alphanumeric(), "{ch:?}");
            assert_eq!(lowers(ch), ch.to_lowercase().ne([ch]), "{ch:?}");
        }
    }
    #[test]
    fn setting_aside_what_one_side_alone_has_keeps_the_longest_common_part() {
        let mut rng = SplitMix64::new(7);
        for round in 0..300 {
            // Lines as ids: some shared by both texts, some only in one.
            let length = |rng: &mut SplitMix64| rng.range(0, 60);
            let pick =
                |rng: &mut SplitMix64| rng.range(0, if round % 2 == 0 { 8 } else { 40 }) as u32;
            let a: Vec<u32> = (0..length(&mut rng)).map(|_| pick(&mut rng)).collect();
            let b: Vec<u32> = (0..length(&mut rng)).map(|_| pick(&mut rng)).collect();
            let ops = diff_ids(&a, &b);
            // The operations cover both sequences in order, and what they call equal is.
            let (mut i, mut j, mut equal) = (0, 0, 0);
            for (tag, old, new) in &ops {
                assert_eq!((old.start, new.start), (i, j), "round {round}: in order");
                if *tag == DiffTag::Equal {
                    assert_eq!(a[old.clone()], b[new.clone()], "round {round}");
                    equal += old.len();
                }
                (i, j) = (old.end, new.end);
            }
            assert_eq!((i, j), (a.len(), b.len()), "round {round}: all of both");
            // As many equal as the plain diff finds: nothing set aside could have matched.
            let plain: usize = capture_diff_slices(Algorithm::Myers, &a, &b)
                .iter()
                .map(|op| op.as_tag_tuple())
                .filter(|(tag, _, _)| *tag == DiffTag::Equal)
                .map(|(_, old, _)| old.len())
                .sum();
            assert_eq!(equal, plain, "round {round}: {a:?} / {b:?}");
        }
    }

    #[test]
    fn a_char_index_slices_as_slice_chars_does_with_or_without_a_table() {
        // Longer than a stride of the table, with letters of two and one bytes.
        let long = "Формальное объединение вместе с РСФСР в союз советских республик Европы и \
                    Азии — formal unification with the R.S.F.S.R. in a Union of Soviet \
                    Republics of Europe and Asia. "
            .repeat(2);
        for text in [
            "",
            "plain ASCII words",
            "Сталин and Ленин — «вступление»",
            "é",
            long.as_str(),
        ] {
            let index = CharIndex::new(text);
            let length = text.chars().count();
            assert_eq!(index.len(), length, "{text}");
            assert_eq!(index.is_empty(), text.is_empty());
            for start in 0..=length + 1 {
                for end in start..=length + 2 {
                    assert_eq!(
                        index.slice(start..end),
                        slice_chars(text, start.min(length)..end.min(length)),
                        "{text} {start}..{end}"
                    );
                }
            }
        }
    }

    use crate::model::generate::SplitMix64;

    fn rebuild(text: &str, ops: &[Op], keep: OpKind, first: bool) -> String {
        let index = CharIndex::new(text);
        ops.iter()
            .filter(|op| op.kind == OpKind::Equal || op.kind == keep)
            .map(|op| index.slice(if first { op.a.clone() } else { op.b.clone() }))
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

    #[test]
    fn inflected_forms_pair_by_stem_and_only_their_endings_are_marked() {
        let a = "о формальном вступлении первых";
        let b = "Формальное объединение вместе";
        let (in_a, in_b, _) = marks(a, b, &diff(a, b, &Normalization::wording()));
        let a_marked: Vec<&str> = marked(a, &in_a).into_iter().map(|(t, _)| t).collect();
        let b_marked: Vec<&str> = marked(b, &in_b).into_iter().map(|(t, _)| t).collect();
        assert!(a_marked.contains(&"м"), "{a_marked:?}");
        assert!(b_marked.contains(&"е"), "{b_marked:?}");
        assert!(
            a_marked.iter().any(|t| t.contains("вступлении")),
            "{a_marked:?}"
        );
        assert!(
            b_marked.iter().any(|t| t.contains("объединение")),
            "{b_marked:?}"
        );
        assert!(
            a_marked.iter().all(|t| !t.contains("ормальн")),
            "the shared stem stays unmarked: {a_marked:?}"
        );
    }

    #[test]
    fn long_edited_witnesses_reconstruct_line_by_line_too() {
        use crate::model::generate::{edited, paragraphs};
        for seed in 0..12 {
            let a = paragraphs(seed, 6_000).join("\n\n");
            let b = edited(&a, seed + 100, 30);
            for normalization in [Normalization::default(), Normalization::wording()] {
                assert_reconstructs(&a, &b, &normalization);
            }
        }
    }

    #[test]
    fn long_witnesses_compared_on_several_threads_reconstruct() {
        use crate::model::generate::{edited, paragraphs};
        let a = paragraphs(5, 260_000).join("\n\n");
        let b = edited(&a, 6, 20);
        assert!(a.len() + b.len() > 2 * PARALLEL_WORK);
        assert_reconstructs(&a, &b, &Normalization::default());
    }

    /// The units of `text` as strings.
    fn unit_texts<'t>(text: &'t str, normalization: &Normalization) -> Vec<&'t str> {
        let units = Units::of(text, normalization);
        units.ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn units_are_cut_after_sentences_and_lines_and_a_blank_one_joins_the_one_before() {
        let text = "One. Two!\n\nThree? «Four.» Five…  Six (3.5 and R.S.F.S.R. too)\n\n";
        for normalization in [Normalization::wording(), Normalization::default()] {
            assert_eq!(
                unit_texts(text, &normalization),
                [
                    "One. ",
                    "Two!\n\n",
                    "Three? ",
                    "«Four.» ",
                    "Five…  ",
                    "Six (3.5 and R.S.F.S.R. ",
                    "too)\n\n"
                ],
                "{normalization:?}"
            );
        }
        // What wording ignores is blank under it: a line of dashes joins the line before.
        assert_eq!(
            unit_texts("Text.\n— — —\nMore", &Normalization::wording()),
            ["Text.\n— — —\n", "More"]
        );
        assert_eq!(
            unit_texts("Text.\n— — —\nMore", &Normalization::default()),
            ["Text.\n", "— — —\n", "More"]
        );
        // Blank lines before any text stay a unit of their own.
        assert_eq!(
            unit_texts("\n\nText.", &Normalization::default()),
            ["\n\n", "Text."]
        );
    }

    /// What a unit is compared as, character by character: the rule [`Folder`] looks up.
    fn folded_one_by_one(text: &str, normalization: &Normalization) -> String {
        let mut key = String::new();
        let mut in_space = false;
        for ch in text.chars() {
            if normalization.collapse_whitespace && ch.is_whitespace() {
                if !in_space {
                    key.push(' ');
                }
                in_space = true;
                continue;
            }
            in_space = false;
            if let Some(ch) = normalization.fold(ch) {
                if normalization.ignore_case {
                    push_lowercase(&mut key, ch);
                } else {
                    key.push(ch);
                }
            }
        }
        key
    }

    /// Where units end, found the slow way: after each line break, and after the end of a
    /// sentence, its closing marks and white space when something other than a line break
    /// follows.
    fn unit_ends_one_by_one(text: &str) -> Vec<usize> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let byte = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
        let mut ends = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let ch = chars[i].1;
            i += 1;
            if ch == '\n' {
                ends.push(byte(i));
                continue;
            }
            if !matches!(ch, '.' | '!' | '?' | '…') {
                continue;
            }
            while i < chars.len() && "\"')]»”’“".contains(chars[i].1) {
                i += 1;
            }
            let spaced = i;
            while i < chars.len() && matches!(chars[i].1, ' ' | '\t' | '\r' | '\x0c') {
                i += 1;
            }
            if i > spaced && i < chars.len() && chars[i].1 != '\n' {
                ends.push(byte(i));
            }
        }
        if ends.last() != Some(&text.len()) && !text.is_empty() {
            ends.push(text.len());
        }
        ends
    }

    /// What the texts of the test below are made of: words, white space, punctuation and the
    /// odd character, each as a piece.
    const PIECES: [&str; 38] = [
        "the",
        "ǅ",
        "\x01",
        "War",
        "RSFSR",
        "R.S.F.S.R.",
        "3.5",
        "don't",
        "съезд",
        "Ёлка",
        "ёж",
        "ѣ",
        "İ",
        "é",
        "e\u{301}",
        " ",
        " ",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\x0b",
        "\u{a0}",
        ".",
        ". ",
        "?!",
        "…",
        "»",
        "”",
        ")",
        "'",
        ",",
        "—",
        "-",
        "«",
        "\"",
    ];

    /// What a token is compared as, character by character: the rule [`Normalization::key`]
    /// takes short cuts to.
    fn token_key_one_by_one(token: &str, normalization: &Normalization) -> String {
        if normalization.collapse_whitespace && token.chars().all(char::is_whitespace) {
            return " ".into();
        }
        let mut key = String::new();
        for ch in token.chars().filter_map(|ch| normalization.fold(ch)) {
            if normalization.ignore_case {
                push_lowercase(&mut key, ch);
            } else {
                key.push(ch);
            }
        }
        key
    }

    /// Every combination of the normalisation's switches.
    fn every_normalization() -> impl Iterator<Item = Normalization> {
        (0..32).map(|switches: u32| {
            let on = |bit: u32| switches & (1 << bit) != 0;
            Normalization {
                ignore_case: on(0),
                ignore_punctuation: on(1),
                unify_quotes_and_dashes: on(2),
                collapse_whitespace: on(3),
                yo_as_ye: on(4),
            }
        })
    }

    proptest::proptest! {
        /// Every token's key is what folding its characters one by one gives, under every
        /// combination of the normalisation's switches.
        #[test]
        fn token_keys_are_their_characters_folded_one_by_one(
            pieces in proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..40),
        ) {
            let text = pieces.concat();
            for normalization in every_normalization() {
                for token in split_tokens(&text) {
                    let expected = if normalization == Normalization::default() {
                        token.to_owned()
                    } else {
                        token_key_one_by_one(token, &normalization)
                    };
                    proptest::prop_assert_eq!(normalization.key(token), expected, "{:?}", token);
                }
            }
        }

        /// The units' keys are what folding each character in turn gives, under every
        /// normalisation, and the units are cut where the slow reading cuts them (before
        /// blank ones are joined).
        #[test]
        fn units_fold_and_cut_as_the_slow_reading_does(
            pieces in proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..40),
        ) {
            let text = pieces.concat();
            for normalization in every_normalization() {
                let units = Units::of(&text, &normalization);
                let keys: Vec<u8> = units.keys().flatten().copied().collect();
                let expected = if normalization == Normalization::default() {
                    text.clone()
                } else {
                    folded_one_by_one(&text, &normalization)
                };
                proptest::prop_assert_eq!(String::from_utf8(keys).unwrap(), expected);
                let ends: Vec<usize> = units.ranges.iter().map(|r| r.end).collect();
                let slow = unit_ends_one_by_one(&text);
                // Joining blank units only removes cuts.
                proptest::prop_assert!(ends.iter().all(|end| slow.contains(end)), "{:?} {:?}", ends, slow);
                proptest::prop_assert_eq!(units.ranges.first().map_or(0, |r| r.start), 0);
                proptest::prop_assert_eq!(ends.last().copied().unwrap_or(0), text.len());
                for (range, next) in units.ranges.iter().zip(units.ranges.iter().skip(1)) {
                    proptest::prop_assert_eq!(range.end, next.start);
                }
                // A unit after the first is never blank.
                for key in units.keys().skip(1) {
                    let key = std::str::from_utf8(key).unwrap();
                    proptest::prop_assert!(!key.chars().all(char::is_whitespace), "{:?}", key);
                }
            }
        }
    }

    #[test]
    fn joined_paragraphs_do_not_shift_the_comparison_of_the_paragraphs_after_them() {
        use crate::model::generate::{edited, paragraphs};
        // Every paragraph changed a little, and the first two joined into one.
        let parts = paragraphs(3, 40_000);
        let a = parts.join("\n\n");
        let mut b = edited(&a, 4, 20);
        let first_break = b.find("\n\n").unwrap();
        b.replace_range(first_break..first_break + 2, " ");
        for normalization in [Normalization::wording(), Normalization::default()] {
            let ops = diff(&a, &b, &normalization);
            let words_changed: usize = ops
                .iter()
                .filter(|op| op.kind != OpKind::Equal)
                .map(|op| {
                    word_count(slice_chars(&a, op.a.clone()))
                        + word_count(slice_chars(&b, op.b.clone()))
                })
                .sum();
            let words = word_count(&a);
            // About two words in a hundred were edited: far fewer than a paragraph's worth
            // in each of the ones after the join.
            assert!(
                words_changed * 20 < words,
                "{words_changed} of {words} words marked ({normalization:?})"
            );
        }
    }

    #[test]
    fn a_paragraph_break_is_white_space_to_the_wording() {
        let (a, b) = (
            "First line.\nSecond.\n\nThird one here.\n",
            "First line.\nSecond. Third one here.\n",
        );
        let wording = diff(a, b, &Normalization::wording());
        assert!(
            wording.iter().all(|op| op.kind == OpKind::Equal),
            "{wording:?}"
        );
        // Compared exactly, the break is the one difference.
        let exact = diff(a, b, &Normalization::default());
        let changed: Vec<(&str, &str)> = exact
            .iter()
            .filter(|op| op.kind != OpKind::Equal)
            .map(|op| (slice_chars(a, op.a.clone()), slice_chars(b, op.b.clone())))
            .collect();
        assert!(!changed.is_empty());
        assert!(
            changed
                .iter()
                .all(|(x, y)| x.trim().is_empty() && y.trim().is_empty()),
            "{changed:?}"
        );
    }

    /// The words the mirror tests draw from: a shared vocabulary with repeats, case changes,
    /// punctuation, quotation marks and dashes, ё/е, white space, sentence ends and line
    /// breaks, so that alignments tie and the clean-up has short words to absorb.
    const MIRROR_WORDS: [&str; 22] = [
        "the",
        "The",
        "THE",
        "union",
        "Union",
        "of",
        "republics",
        "республик",
        "союз",
        "Союз",
        "ёлка",
        "елка",
        ",",
        ".",
        ";",
        "«",
        "»",
        "\"",
        "—",
        "-",
        "R.S.F.S.R.",
        "RSFSR",
    ];

    /// A witness from `words` (indices into [`MIRROR_WORDS`]), a space between words and a
    /// line break after every `line`th one.
    fn mirror_text(words: &[usize], line: usize) -> String {
        let mut text = String::new();
        for (n, &word) in words.iter().enumerate() {
            if n > 0 {
                text.push(if n % line == 0 { '\n' } else { ' ' });
            }
            text.push_str(MIRROR_WORDS[word % MIRROR_WORDS.len()]);
        }
        text
    }

    /// `words` edited: each edit replaces, inserts or removes a word, or moves a stretch of
    /// words elsewhere.
    fn mirror_edited(words: &[usize], edits: &[(u8, usize, usize)]) -> Vec<usize> {
        let mut edited = words.to_vec();
        for &(kind, at, word) in edits {
            let at = at % (edited.len() + 1);
            match kind % 4 {
                0 if at < edited.len() => edited[at] = word,
                1 => edited.insert(at, word),
                2 if at < edited.len() => {
                    edited.remove(at);
                }
                3 => {
                    // A move: up to four words taken out and put back `word` places on.
                    let end = (at + 1 + word % 4).min(edited.len());
                    let moved: Vec<usize> = edited.drain(at.min(end)..end).collect();
                    let to = (at + word) % (edited.len() + 1);
                    edited.splice(to..to, moved);
                }
                _ => {}
            }
        }
        edited
    }

    /// Marks as the other witness would see them: removed is added and added removed.
    fn mirrored_marks(marks: &[Marked]) -> Vec<Marked> {
        marks
            .iter()
            .map(|m| Marked {
                range: m.range.clone(),
                mark: match m.mark {
                    Mark::Deleted => Mark::Inserted,
                    Mark::Inserted => Mark::Deleted,
                    Mark::Changed => Mark::Changed,
                },
            })
            .collect()
    }

    /// Checks that the diff, counts and marks of `b` against `a` mirror those of `a` against
    /// `b`, and that both diffs rebuild both witnesses.
    fn assert_mirrors(a: &str, b: &str, normalization: &Normalization) {
        let forward = diff(a, b, normalization);
        let backward = diff(b, a, normalization);
        assert_eq!(
            backward,
            mirrored(&forward),
            "{a:?} / {b:?} ({normalization:?})"
        );
        assert_eq!(mirrored(&backward), forward, "mirrored twice");
        assert_reconstructs(a, b, normalization);
        assert_reconstructs(b, a, normalization);
        let (a_marks, b_marks, counts) = marks(a, b, &forward);
        let (b_marks_back, a_marks_back, counts_back) = marks(b, a, &backward);
        assert_eq!(counts_back, counts.mirrored(), "{a:?} / {b:?}");
        assert_eq!(counts_back.changed, counts.changed);
        assert_eq!(a_marks_back, mirrored_marks(&a_marks), "{a:?} / {b:?}");
        assert_eq!(b_marks_back, mirrored_marks(&b_marks), "{a:?} / {b:?}");
    }

    proptest::proptest! {
        /// Whichever witness stands first, the diff is the same one seen from the other side:
        /// its operations mirrored, removals and additions traded in the counts and marks,
        /// the number of changed words the same. On word sequences drawn from a small shared
        /// vocabulary (where alignments tie), edited by replacements, insertions, removals
        /// and moves, in lines long enough that some pairs are compared unit by unit first.
        #[test]
        fn a_diff_from_the_other_witness_is_its_mirror(
            words in proptest::collection::vec(0usize..64, 0..40),
            edits in proptest::collection::vec((0u8..4, 0usize..48, 0usize..64), 0..8),
            line in 1usize..12,
            switches in 0u32..32,
        ) {
            let normalization = every_normalization().nth(switches as usize).unwrap();
            let a = mirror_text(&words, line);
            let b = mirror_text(&mirror_edited(&words, &edits), line.max(2) - 1);
            assert_mirrors(&a, &b, &normalization);
            // A witness against itself is its own mirror.
            assert_mirrors(&a, &a, &normalization);
        }
    }

    #[test]
    fn a_diff_of_long_witnesses_from_the_other_side_is_its_mirror() {
        use crate::model::generate::{edited, paragraphs};
        // Long enough to be compared unit by unit, and on several threads.
        for (seed, size) in [(5, 20_000), (6, 300_000)] {
            let a = paragraphs(seed, size).join("\n\n");
            let b = edited(&a, seed + 10, 200).replacen("\n\n", " ", 3);
            for normalization in [Normalization::wording(), Normalization::default()] {
                let forward = diff(&a, &b, &normalization);
                assert!(forward.iter().any(|op| op.kind != OpKind::Equal));
                assert_eq!(diff(&b, &a, &normalization), mirrored(&forward));
                let (forward_counts, backward_counts) = (
                    counts(&a, &b, &forward),
                    counts(&b, &a, &mirrored(&forward)),
                );
                assert!(!forward_counts.is_same());
                assert_eq!(backward_counts, forward_counts.mirrored());
            }
        }
    }

    #[test]
    fn clause_1_pairs_mirror_in_both_orders() {
        // Stalin's English draft against Lenin's amendment and against the revised draft.
        let revised = "To recognise as necessary the conclusion of a treaty between Ukraine, \
            Belorussia, the Federation of Transcaucasian Republics and the RSFSR on their \
            unification in a 'Union of Socialist Soviet Republics', each of them retaining the \
            right of free secession from the Union.";
        for other in [LENIN_EN, revised] {
            for (_, normalization) in PROFILES {
                assert_mirrors(STALIN_EN, other, &normalization);
            }
        }
    }
}
