//! The alignment itself: witnesses merged one at a time into a growing alignment table, in an
//! order that depends only on the witnesses (see [`super::order`]).
//!
//! Each witness is merged against the table through the witness already in it that it is
//! most like (its *guide*): the words of the two are diffed (patience diff on the stems of
//! their keys, words only, so that punctuation never outweighs a word and an inflected form
//! anchors as well as the same form), and each matched word joins its guide's column. Between two such anchors the witness's remaining tokens are aligned with
//! the table's columns there by a small dynamic programme that weighs, in this order, an
//! exact word (any reading already in the column), a near word (a misprint, an inflection:
//! edit distance at most half the word), an exact mark of punctuation, and a different
//! reading of the same kind (a variant at that place) over a gap. Tokens left over get
//! columns of their own.

use std::collections::HashMap;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::tokens::{CollationToken, TokenKind};

/// A key's number: the keys of every witness, each distinct key once.
pub(super) type KeyId = u32;

/// A witness as the aligner sees it: its tokens' key numbers and kinds.
pub(super) struct Keyed {
    /// Each token's key number.
    pub keys: Vec<KeyId>,
    /// Each token's kind.
    pub kinds: Vec<TokenKind>,
    /// The indices of its words.
    pub words: Vec<u32>,
    /// Each word's stem number (see [`stem`]), in the order of `words`.
    pub stems: Vec<KeyId>,
}

/// Letters of a word that its stem keeps: the anchors of an alignment are matched on stems,
/// so that inflected forms (“Белоруссии”, “Белоруссией”; “great”, “greater”) anchor each
/// other as exact words do, and a sentence is not torn from its place by a later one that
/// repeats a few of its words exactly.
const STEM_CHARS: usize = 5;

/// The stem of a word's key: its first [`STEM_CHARS`] characters.
pub(super) fn stem(key: &str) -> &str {
    key.char_indices()
        .nth(STEM_CHARS)
        .map_or(key, |(at, _)| &key[..at])
}

/// The distinct keys of all witnesses, and each witness's tokens as key numbers.
pub(super) struct Interned<'a> {
    /// The text of each key number.
    pub texts: Vec<&'a str>,
    /// Each witness.
    pub witnesses: Vec<Keyed>,
}

impl<'a> Interned<'a> {
    /// The key numbers of `witnesses`' tokens.
    pub fn of(witnesses: &'a [Vec<CollationToken>]) -> Self {
        let mut ids: HashMap<&'a str, KeyId> = HashMap::new();
        let mut stem_ids: HashMap<&'a str, KeyId> = HashMap::new();
        let mut texts = Vec::new();
        let witnesses = witnesses
            .iter()
            .map(|tokens| {
                let mut keyed = Keyed {
                    keys: Vec::with_capacity(tokens.len()),
                    kinds: Vec::with_capacity(tokens.len()),
                    words: Vec::new(),
                    stems: Vec::new(),
                };
                for (index, token) in tokens.iter().enumerate() {
                    let next = KeyId::try_from(texts.len()).unwrap_or(KeyId::MAX);
                    let id = *ids.entry(token.key.as_str()).or_insert_with(|| {
                        texts.push(token.key.as_str());
                        next
                    });
                    keyed.keys.push(id);
                    keyed.kinds.push(token.kind);
                    if token.kind == TokenKind::Word {
                        keyed.words.push(u32::try_from(index).unwrap_or(u32::MAX));
                        let next = KeyId::try_from(stem_ids.len()).unwrap_or(KeyId::MAX);
                        keyed
                            .stems
                            .push(*stem_ids.entry(stem(&token.key)).or_insert(next));
                    }
                }
                keyed
            })
            .collect();
        Self { texts, witnesses }
    }
}

/// The pairs of word indices (into each witness's tokens) that a diff of the words of `a`
/// and `b` (their stems) matches, in order, where the words are the same or alike enough to
/// be forms of one word (see [`ANCHOR_NEAR`]); `texts` are the keys' texts.
pub(super) fn matched_words(a: &Keyed, b: &Keyed, texts: &[&str]) -> Vec<(u32, u32)> {
    let (a_words, b_words) = (&a.stems, &b.stems);
    let mut pairs = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, a_words, b_words) {
        let (tag, a_range, b_range) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for (i, j) in a_range.zip(b_range) {
                let (x, y) = (a.words[i], b.words[j]);
                let (kx, ky) = (a.keys[x as usize], b.keys[y as usize]);
                if kx == ky || similarity(texts[kx as usize], texts[ky as usize]) >= ANCHOR_NEAR {
                    pairs.push((x, y));
                }
            }
        }
    }
    pairs
}

/// The least similarity of two words of one stem that makes them an anchor: forms of one
/// word (“Белоруссии” and “Белоруссией”, 0.82; “great” and “greater”, 0.71), not two words
/// that begin alike (“commission” and “commissariat”, 0.67; “national” and
/// “nationalities”, 0.62), which are left to the alignment between anchors to weigh.
pub(super) const ANCHOR_NEAR: f64 = 0.7;

/// One place of the table being built: a token (or nothing) of each witness.
#[derive(Clone)]
pub(super) struct Column {
    /// The token of each witness (by its number in the input), if it has one here.
    pub cells: Vec<Option<u32>>,
    /// The distinct keys read here.
    keys: Vec<KeyId>,
    /// What its tokens are (a column holds tokens of one kind).
    kind: TokenKind,
}

impl Column {
    fn of(witnesses: usize, witness: usize, token: u32, key: KeyId, kind: TokenKind) -> Self {
        let mut cells = vec![None; witnesses];
        cells[witness] = Some(token);
        Self {
            cells,
            keys: vec![key],
            kind,
        }
    }

    fn add(&mut self, witness: usize, token: u32, key: KeyId) {
        self.cells[witness] = Some(token);
        if !self.keys.contains(&key) {
            self.keys.push(key);
        }
    }
}

/// The alignment table being built.
pub(super) struct Table<'k> {
    interned: &'k Interned<'k>,
    /// The columns, in order.
    pub columns: Vec<Column>,
}

/// The most table cells one stretch between anchors is aligned in; a larger stretch (a
/// rewritten chapter) gives the witness's tokens columns of their own.
const MAX_STRETCH_CELLS: usize = 4_000_000;

/// What a step of a stretch's alignment does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    /// The token joins the column.
    Both,
    /// The column has no token of this witness.
    ColumnOnly,
    /// The token gets a column of its own.
    TokenOnly,
}

impl<'k> Table<'k> {
    /// A table of one witness: a column for each of its tokens.
    pub fn of(interned: &'k Interned<'k>, first: usize) -> Self {
        let witness = &interned.witnesses[first];
        let count = interned.witnesses.len();
        let columns = (0..witness.keys.len())
            .map(|t| {
                let token = u32::try_from(t).unwrap_or(u32::MAX);
                Column::of(count, first, token, witness.keys[t], witness.kinds[t])
            })
            .collect();
        Self { interned, columns }
    }

    /// The column of each token of `witness` (already in the table).
    fn columns_of(&self, witness: usize) -> Vec<u32> {
        let mut out = vec![0; self.interned.witnesses[witness].keys.len()];
        for (c, column) in self.columns.iter().enumerate() {
            if let Some(token) = column.cells[witness] {
                out[token as usize] = u32::try_from(c).unwrap_or(u32::MAX);
            }
        }
        out
    }

    /// Merges `witness` into the table through its `guide` (a witness already in it), whose
    /// words are matched to the witness's as `matches` (pairs of token indices: guide,
    /// witness).
    pub fn merge(&mut self, witness: usize, guide: usize, matches: &[(u32, u32)]) {
        let guide_columns = self.columns_of(guide);
        let old = std::mem::take(&mut self.columns);
        let mut columns = Vec::with_capacity(old.len() + old.len() / 8);
        let (mut next_token, mut next_column) = (0usize, 0usize);
        let token_count = self.interned.witnesses[witness].keys.len();
        let anchors = matches
            .iter()
            .map(|&(g, w)| (w as usize, guide_columns[g as usize] as usize))
            .chain(std::iter::once((token_count, old.len())));
        for (token, column) in anchors {
            self.stretch(
                witness,
                next_token..token,
                &old[next_column..column],
                &mut columns,
            );
            if let Some(anchor) = old.get(column) {
                let mut anchor = anchor.clone();
                let key = self.interned.witnesses[witness].keys[token];
                anchor.add(witness, u32::try_from(token).unwrap_or(u32::MAX), key);
                columns.push(anchor);
            }
            (next_token, next_column) = (token + 1, column + 1);
        }
        self.columns = columns;
    }

    /// Aligns the witness's `tokens` with the `stretch` of columns between two anchors,
    /// pushing the stretch's columns (joined by tokens, or new) to `out`.
    fn stretch(
        &self,
        witness: usize,
        tokens: std::ops::Range<usize>,
        stretch: &[Column],
        out: &mut Vec<Column>,
    ) {
        let keyed = &self.interned.witnesses[witness];
        let count = self.interned.witnesses.len();
        let new_column = |t: usize| {
            let token = u32::try_from(t).unwrap_or(u32::MAX);
            Column::of(count, witness, token, keyed.keys[t], keyed.kinds[t])
        };
        let cells = (tokens.len() + 1) * (stretch.len() + 1);
        if tokens.is_empty() || stretch.is_empty() || cells > MAX_STRETCH_CELLS {
            out.extend(stretch.iter().cloned());
            out.extend(tokens.map(new_column));
            return;
        }
        let steps = self.best_steps(keyed, tokens.clone(), stretch);
        let (mut t, mut c) = (tokens.start, 0);
        for step in steps {
            match step {
                Step::Both => {
                    let mut column = stretch[c].clone();
                    column.add(witness, u32::try_from(t).unwrap_or(u32::MAX), keyed.keys[t]);
                    out.push(column);
                    (t, c) = (t + 1, c + 1);
                }
                Step::ColumnOnly => {
                    out.push(stretch[c].clone());
                    c += 1;
                }
                Step::TokenOnly => {
                    out.push(new_column(t));
                    t += 1;
                }
            }
        }
    }

    /// The steps of the best alignment of `tokens` with `stretch` (see the module docs), in
    /// order.
    fn best_steps(
        &self,
        keyed: &Keyed,
        tokens: std::ops::Range<usize>,
        stretch: &[Column],
    ) -> Vec<Step> {
        let (rows, cols) = (tokens.len(), stretch.len());
        let width = cols + 1;
        let mut score = vec![0u32; (rows + 1) * width];
        let mut from = vec![Step::ColumnOnly; (rows + 1) * width];
        for r in 1..=rows {
            from[r * width] = Step::TokenOnly;
        }
        for r in 1..=rows {
            let t = tokens.start + r - 1;
            for c in 1..=cols {
                let here = r * width + c;
                let mut best = (score[here - 1], Step::ColumnOnly);
                if score[here - width] > best.0 {
                    best = (score[here - width], Step::TokenOnly);
                }
                if let Some(gain) = self.affinity(keyed, t, &stretch[c - 1]) {
                    let diagonal = score[here - width - 1] + gain;
                    if diagonal >= best.0 {
                        best = (diagonal, Step::Both);
                    }
                }
                (score[here], from[here]) = best;
            }
        }
        let mut steps = Vec::with_capacity(rows + cols);
        let (mut r, mut c) = (rows, cols);
        while r > 0 || c > 0 {
            let step = from[r * width + c];
            steps.push(step);
            match step {
                Step::Both => (r, c) = (r - 1, c - 1),
                Step::ColumnOnly => c -= 1,
                Step::TokenOnly => r -= 1,
            }
        }
        steps.reverse();
        steps
    }

    /// How well token `t` fits `column`: `None` when it may not join it (another kind).
    fn affinity(&self, keyed: &Keyed, t: usize, column: &Column) -> Option<u32> {
        let (key, kind) = (keyed.keys[t], keyed.kinds[t]);
        if kind != column.kind {
            return None;
        }
        let exact = column.keys.contains(&key);
        Some(match (kind, exact) {
            (TokenKind::Word, true) => 100,
            (TokenKind::Punctuation, true) => 10,
            (TokenKind::Punctuation, false) => 1,
            (TokenKind::Word, false) => {
                let text = self.interned.texts[key as usize];
                let near = column
                    .keys
                    .iter()
                    .map(|&other| similarity(text, self.interned.texts[other as usize]))
                    .fold(0.0f64, f64::max);
                if near >= NEAR {
                    // Between 50 and 80: a near word never outweighs an exact one.
                    20 + (60.0 * near) as u32
                } else {
                    1
                }
            }
        })
    }
}

/// The least similarity of two words that makes them near matches (one place, a variant).
pub(super) const NEAR: f64 = 0.5;

/// How alike two words are: 1 less their edit distance (in characters) over the longer's
/// length.
pub(super) fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    #[allow(clippy::cast_precision_loss)] // words are short
    let ratio = previous[b.len()] as f64 / longer as f64;
    1.0 - ratio
}
