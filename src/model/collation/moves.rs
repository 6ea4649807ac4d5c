//! Transpositions: a phrase one witness reads at one place and the others at another.
//!
//! An alignment table cannot put a moved phrase in one column: it shows an omission where
//! the others read it and an addition where the witness does. The moves are found
//! afterwards, witness by witness: a run of columns where only this witness reads anything
//! (an *addition*, with at least one word), and a run nearby where it reads nothing and
//! another witness reads the same tokens (under the normalisation) in the same order,
//! make a move (if its words have three letters or more). Each omission serves one move; the
//! nearest is taken first. A transposition seen from both sides (two witnesses alone) is told
//! once. Darwin's *Origin*,
//! 1869: “differ from each other more than” where the other editions read “differ more from
//! each other than”.

use std::ops::Range;

use super::{Collation, TokenKind};

/// Columns apart beyond which an addition and an omission are not taken for one move.
const NEAR_ENOUGH: usize = 200;

/// One transposition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    /// The witness that moved the phrase (its number in the input order).
    pub witness: usize,
    /// Its tokens that were moved.
    pub tokens: Range<usize>,
    /// The columns where the other witnesses read the phrase (and this one reads nothing).
    pub from: Range<usize>,
    /// The columns where this witness reads it (and the others read nothing).
    pub to: Range<usize>,
    /// The witnesses that read it at `from`.
    pub read_there_by: Vec<usize>,
}

/// The transpositions of `collation` (see the module docs), by witness, then by place.
pub(super) fn find(collation: &Collation) -> Vec<Move> {
    let mut moves = Vec::new();
    for witness in 0..collation.witnesses.len() {
        let (additions, mut omissions) = runs(collation, witness);
        for addition in additions {
            if let Some(found) = source(collation, witness, &addition, &mut omissions) {
                moves.push(found);
            }
        }
    }
    one_direction(collation, moves)
}

/// `moves` with each transposition told once. Between two witnesses alone a transposition
/// has no direction: A's phrase moved later is B's moved earlier. It is told as the move of
/// the witness whose siglum sorts last (the later edition, when sigla are years or letters in
/// order), then whose text does.
fn one_direction(collation: &Collation, moves: Vec<Move>) -> Vec<Move> {
    let overlap = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let key = |w: usize| {
        let witness = &collation.witnesses[w];
        (witness.id.as_str(), witness.text.as_str())
    };
    let mirrored = |m: &Move, other: &Move| {
        other.witness != m.witness && overlap(&other.from, &m.to) && overlap(&other.to, &m.from)
    };
    moves
        .iter()
        .filter(|m| {
            !moves
                .iter()
                .any(|other| mirrored(m, other) && key(other.witness) > key(m.witness))
        })
        .cloned()
        .collect()
}

/// The runs of columns where only `witness` reads anything, and where it reads nothing.
fn runs(collation: &Collation, witness: usize) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (mut additions, mut omissions): (Vec<Range<usize>>, Vec<Range<usize>>) = (vec![], vec![]);
    let extend = |runs: &mut Vec<Range<usize>>, c: usize| match runs.last_mut() {
        Some(last) if last.end == c => last.end = c + 1,
        _ => runs.push(c..c + 1),
    };
    for (c, column) in collation.columns.iter().enumerate() {
        let others = column
            .iter()
            .enumerate()
            .any(|(w, cell)| w != witness && cell.is_some());
        match (column[witness].is_some(), others) {
            (true, false) => extend(&mut additions, c),
            (false, true) => extend(&mut omissions, c),
            (true, true) | (false, false) => {}
        }
    }
    (additions, omissions)
}

/// The keys of `witness`'s tokens in `columns`, with their token indices.
fn keys_in<'a>(
    collation: &'a Collation,
    witness: usize,
    columns: &Range<usize>,
) -> Vec<(&'a str, usize)> {
    columns
        .clone()
        .filter_map(|c| collation.columns[c][witness])
        .map(|t| {
            let t = t as usize;
            (collation.witnesses[witness].tokens[t].key.as_str(), t)
        })
        .collect()
}

/// The omission nearest `addition` from which `witness` moved it, taken out of `omissions`.
fn source(
    collation: &Collation,
    witness: usize,
    addition: &Range<usize>,
    omissions: &mut Vec<Range<usize>>,
) -> Option<Move> {
    let moved = keys_in(collation, witness, addition);
    let tokens = &collation.witnesses[witness].tokens;
    // A phrase worth the name: a word of three letters or more (a stray “a” or “of” added
    // here and dropped there is no move).
    let letters: usize = moved
        .iter()
        .filter(|&&(_, t)| tokens[t].kind == TokenKind::Word)
        .map(|&(key, _)| key.chars().count())
        .sum();
    if letters < 3 {
        return None;
    }
    let wanted: Vec<&str> = moved.iter().map(|&(k, _)| k).collect();
    let distance = |o: &Range<usize>| {
        if o.end <= addition.start {
            addition.start - o.end
        } else {
            o.start.saturating_sub(addition.end)
        }
    };
    let mut nearest: Vec<usize> = (0..omissions.len())
        .filter(|&i| distance(&omissions[i]) <= NEAR_ENOUGH)
        .collect();
    nearest.sort_by_key(|&i| (distance(&omissions[i]), omissions[i].start));
    for i in nearest {
        let omission = omissions[i].clone();
        let mut readers = Vec::new();
        let mut from: Option<Range<usize>> = None;
        for other in (0..collation.witnesses.len()).filter(|&o| o != witness) {
            let there = keys_in(collation, other, &omission);
            let Some(at) = there
                .windows(wanted.len())
                .position(|window| window.iter().map(|&(k, _)| k).eq(wanted.iter().copied()))
            else {
                continue;
            };
            readers.push(other);
            if from.is_none() {
                let first = there[at].1;
                let last = there[at + wanted.len() - 1].1;
                from =
                    Some(column_of(collation, other, first)..column_of(collation, other, last) + 1);
            }
        }
        if let Some(from) = from {
            omissions.remove(i);
            return Some(Move {
                witness,
                tokens: moved[0].1..moved[moved.len() - 1].1 + 1,
                from,
                to: addition.clone(),
                read_there_by: readers,
            });
        }
    }
    None
}

/// The column of token `token` of `witness`.
fn column_of(collation: &Collation, witness: usize, token: usize) -> usize {
    collation
        .columns
        .iter()
        .position(|column| column[witness] == Some(u32::try_from(token).unwrap_or(u32::MAX)))
        .unwrap_or(0)
}
