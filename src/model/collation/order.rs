//! The order in which witnesses join the alignment, and the guide each is aligned through.
//!
//! Why an order at all: a progressive alignment (each witness merged into the table of those
//! before it) is fast and easy to reason about, but it depends on the order of merging; that
//! is CollateX's issue #66, where giving the witnesses in another order gives another table.
//! Here the order is a property of the witnesses themselves, never of their order in the
//! input: the two most alike witnesses start the table (likeness being the share of their
//! words a diff matches), then the witness most like any witness already in it joins, through
//! that witness, and so on, as a guide tree is grown in phylogenetics. Ties are broken by the
//! witnesses' texts and then their ids, which the input order does not change either.

use std::cmp::Ordering;

use rayon::prelude::*;

use super::align::{Interned, matched_words};

/// A witness joining the table: (witness, guide, matched pairs of token indices as (guide's,
/// witness's)).
pub(super) type Join = (usize, usize, Vec<(u32, u32)>);

/// The plan of an alignment: witnesses in the order they join, each with its guide and the
/// pairs of its words matched with the guide's.
pub(super) struct Plan {
    /// The first witness (the table starts as its tokens).
    pub first: usize,
    /// Each later witness, in order.
    pub joins: Vec<Join>,
}

/// What orders the witnesses where likeness ties: text, then id.
pub(super) struct Canonical<'a> {
    /// Each witness's (text, id).
    pub keys: Vec<(&'a str, &'a str)>,
}

impl Canonical<'_> {
    fn cmp(&self, a: usize, b: usize) -> Ordering {
        self.keys[a].cmp(&self.keys[b])
    }
}

/// The plan for the witnesses of `interned` (see the module docs).
pub(super) fn plan(interned: &Interned<'_>, canonical: &Canonical<'_>) -> Plan {
    let count = interned.witnesses.len();
    let pairs: Vec<(usize, usize)> = (0..count)
        .flat_map(|a| (a + 1..count).map(move |b| (a, b)))
        .collect();
    // Each pair is diffed once, the lesser witness first, so that the matches (where a diff
    // could break a tie either way) do not depend on the input order.
    let matches: Vec<Vec<(u32, u32)>> = pairs
        .par_iter()
        .map(|&(a, b)| {
            if canonical.cmp(a, b) == Ordering::Greater {
                flipped(&matched_words(
                    &interned.witnesses[b],
                    &interned.witnesses[a],
                    &interned.texts,
                ))
            } else {
                matched_words(
                    &interned.witnesses[a],
                    &interned.witnesses[b],
                    &interned.texts,
                )
            }
        })
        .collect();
    let mut table = vec![Vec::new(); count * count];
    for ((a, b), found) in pairs.into_iter().zip(matches) {
        table[b * count + a] = flipped(&found);
        table[a * count + b] = found;
    }
    let words = |w: usize| interned.witnesses[w].words.len();
    // Likeness a / b as a fraction, compared without rounding.
    let likeness = |a: usize, b: usize| (2 * table[a * count + b].len(), words(a) + words(b));
    let more_alike = |x: (usize, usize), y: (usize, usize)| {
        (x.0 as u128 * y.1.max(1) as u128).cmp(&(y.0 as u128 * x.1.max(1) as u128))
    };
    let mut joined = vec![false; count];
    let first = (0..count)
        .min_by(|&a, &b| {
            let best = |w: usize| {
                (0..count)
                    .filter(|&o| o != w)
                    .map(|o| likeness(w, o))
                    .max_by(|&x, &y| more_alike(x, y))
                    .unwrap_or((0, 1))
            };
            more_alike(best(b), best(a)).then_with(|| canonical.cmp(a, b))
        })
        .unwrap_or(0);
    if count > 0 {
        joined[first] = true;
    }
    let mut joins = Vec::new();
    for _ in 1..count {
        // The candidate (witness, guide) most alike; ties to the lesser witness, then guide.
        let mut best: Option<(usize, usize)> = None;
        for w in (0..count).filter(|&w| !joined[w]) {
            for g in (0..count).filter(|&g| joined[g]) {
                let better = best.is_none_or(|(bw, bg)| {
                    more_alike(likeness(w, g), likeness(bw, bg))
                        .then_with(|| canonical.cmp(bw, w))
                        .then_with(|| canonical.cmp(bg, g))
                        == Ordering::Greater
                });
                if better {
                    best = Some((w, g));
                }
            }
        }
        let Some((witness, guide)) = best else { break };
        joined[witness] = true;
        joins.push((witness, guide, table[guide * count + witness].clone()));
    }
    Plan { first, joins }
}

/// Pairs with their two sides swapped.
fn flipped(pairs: &[(u32, u32)]) -> Vec<(u32, u32)> {
    pairs.iter().map(|&(a, b)| (b, a)).collect()
}
