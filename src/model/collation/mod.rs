//! Collation of two or more witnesses, as textual scholars make it (the Gothenburg model:
//! tokenise, normalise, align, analyse): one alignment of all the witnesses at once, the
//! readings of each place grouped by agreement, transpositions found as moves, and what an
//! editor reads from it: an apparatus, a profile of variation along the text, and a matrix of
//! distances between the witnesses.
//!
//! **Tokens.** The word diff's tokens and [`Normalization`] ([`crate::model::diff`]): words
//! and marks of punctuation, white space belonging to the token before it, a word broken
//! across a line (“con- tinues”) one token (see [`tokens`]). Normalisation decides which
//! readings agree, never what is shown.
//!
//! **Alignment.** A progressive alignment against a growing alignment table (`align`),
//! with the witnesses joining in an order given by the witnesses alone (`order`): the most
//! alike pair first, then always the witness most like one already aligned, through that one.
//! Why this and not a variant graph aligned against all witnesses at once (CollateX's
//! approach): a table is what every output here is (CollateX too turns its graph into a
//! table to show it), merging a witness through its nearest relative keeps each step a plain
//! two-text diff (fast for 100 KB witnesses, the same diff the comparison uses), and an order
//! fixed by the witnesses' likeness and texts makes the result independent of the order they
//! are given in (CollateX #66), which a graph aligned in input order is not. Words are
//! matched first and punctuation only between them (CollateX #58); near words (a misprint,
//! an inflection) share a place as variants rather than leaving two gaps.
//!
//! **Places.** Consecutive columns of the table whose witnesses group the same way (the same
//! witnesses agree, the same are absent) are one place, as in parallel segmentation; a place
//! where all agree is the common text. Each place's readings group the witnesses whose tokens
//! there agree under the normalisation ([`Reading`]).
//!
//! **Moves.** A stretch of words some witnesses read at one place, which the others read at
//! a place nearby where the first read nothing (the same words, or reworded a little), is a
//! transposition ([`Move`]), told as the move of the fewer witnesses, with both places (see
//! [`moves`]). Words are anchored to each other only when they are one word or forms of one
//! word, never for sharing their first letters alone.
//!
//! Pure: no egui, no I/O, no threads of its own (the pairwise diffs go through rayon's pool).

mod align;
pub mod apparatus;
pub mod languages;
pub mod measures;
pub mod moves;
mod order;
pub mod print;
pub mod tei;
pub mod tokens;

#[cfg(test)]
mod tests;

use std::ops::Range;

pub use apparatus::{Apparatus, ApparatusEntry, Base};
pub use moves::Move;
pub use tokens::{CollationToken, TokenKind, collation_tokens};

use crate::model::diff::Normalization;

/// A witness given to the collation: its id (a siglum such as “1859” or “A”) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WitnessText {
    /// The siglum, unique among the witnesses of a collation.
    pub id: String,
    /// The text.
    pub text: String,
}

/// A witness as collated: its id, text and tokens.
#[derive(Clone, Debug)]
pub struct CollatedWitness {
    /// The siglum.
    pub id: String,
    /// The text, as given.
    pub text: String,
    /// Its tokens (see [`CollationToken`]), which cover the text in order.
    pub tokens: Vec<CollationToken>,
}

impl CollatedWitness {
    /// The characters tokens `tokens` show, from the first's start to the last's end (without
    /// the white space after the last); empty for no tokens.
    pub fn shown(&self, tokens: Range<usize>) -> &str {
        match (self.tokens.get(tokens.start), tokens.end.checked_sub(1)) {
            (Some(first), Some(last)) if tokens.start < tokens.end => {
                &self.text[first.shown.start..self.tokens[last].shown.end]
            }
            _ => "",
        }
    }

    /// The characters tokens `tokens` stand for, with the white space after each.
    pub fn spanned(&self, tokens: Range<usize>) -> &str {
        match (self.tokens.get(tokens.start), tokens.end.checked_sub(1)) {
            (Some(first), Some(last)) if tokens.start < tokens.end => {
                &self.text[first.span.start..self.tokens[last].span.end]
            }
            _ => "",
        }
    }
}

/// One reading of a place: the witnesses that agree there (under the normalisation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The reading's tokens' keys, space-separated; empty for an omission.
    pub key: String,
    /// The witnesses (their numbers in the input order), ascending.
    pub witnesses: Vec<usize>,
}

impl Reading {
    /// Whether the witnesses read nothing here.
    pub fn is_omission(&self) -> bool {
        self.key.is_empty()
    }
}

/// One place of the alignment: a run of columns, each witness's tokens there, its readings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The columns of the alignment table it spans.
    pub columns: Range<usize>,
    /// Each witness's tokens here (by input order), an empty range where it reads nothing
    /// (at the index where its text would be).
    pub cells: Vec<Range<usize>>,
    /// The readings, the most witnesses first (ties: a reading before an omission, then by
    /// key).
    pub readings: Vec<Reading>,
}

impl Place {
    /// Whether the witnesses differ here.
    pub fn is_variant(&self) -> bool {
        self.readings.len() > 1
    }

    /// The reading of witness `witness` (its index among the readings).
    pub fn reading_of(&self, witness: usize) -> usize {
        self.readings
            .iter()
            .position(|r| r.witnesses.contains(&witness))
            .unwrap_or(0)
    }
}

/// The collation of two or more witnesses (see the module docs).
///
/// Invariant: every token of every witness is in exactly one column, and each witness's
/// tokens appear in the columns in their order; places cover the columns in order.
#[derive(Clone, Debug)]
pub struct Collation {
    witnesses: Vec<CollatedWitness>,
    columns: Vec<Vec<Option<u32>>>,
    places: Vec<Place>,
    moves: Vec<Move>,
    normalization: Normalization,
}

impl Collation {
    /// The witnesses, in the order given.
    pub fn witnesses(&self) -> &[CollatedWitness] {
        &self.witnesses
    }

    /// The alignment table: for each column, each witness's token there, if any.
    pub fn columns(&self) -> &[Vec<Option<u32>>] {
        &self.columns
    }

    /// The places, in order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The transpositions found.
    pub fn moves(&self) -> &[Move] {
        &self.moves
    }

    /// What counted as the same.
    pub fn normalization(&self) -> &Normalization {
        &self.normalization
    }

    /// The place that holds column `column`.
    pub fn place_of_column(&self, column: usize) -> usize {
        self.places
            .partition_point(|place| place.columns.end <= column)
            .min(self.places.len().saturating_sub(1))
    }

    /// The text witness `witness` reads at place `place` (as shown, without the white space
    /// after it).
    pub fn reading_text(&self, place: usize, witness: usize) -> &str {
        self.witnesses[witness].shown(self.places[place].cells[witness].clone())
    }

    /// The index of the witness with id `id`.
    pub fn witness_index(&self, id: &str) -> Option<usize> {
        self.witnesses.iter().position(|w| w.id == id)
    }
}

/// Collates `witnesses` under `normalization` (see the module docs). The result is the same,
/// witness for witness, in whatever order the witnesses are given.
pub fn collate(witnesses: &[WitnessText], normalization: &Normalization) -> Collation {
    let collated: Vec<CollatedWitness> = witnesses
        .iter()
        .map(|w| CollatedWitness {
            id: w.id.clone(),
            text: w.text.clone(),
            tokens: collation_tokens(&crate::model::diff::unmarked(&w.text), normalization),
        })
        .collect();
    let token_lists: Vec<Vec<CollationToken>> = collated.iter().map(|w| w.tokens.clone()).collect();
    let interned = align::Interned::of(&token_lists);
    let canonical = order::Canonical {
        keys: witnesses
            .iter()
            .map(|w| (w.text.as_str(), w.id.as_str()))
            .collect(),
    };
    let columns = if witnesses.is_empty() {
        Vec::new()
    } else {
        let plan = order::plan(&interned, &canonical);
        let mut table = align::Table::of(&interned, plan.first);
        for (witness, guide, matches) in &plan.joins {
            table.merge(*witness, *guide, matches);
        }
        table.columns.into_iter().map(|c| c.cells).collect()
    };
    let places = places(&collated, &columns);
    let mut collation = Collation {
        witnesses: collated,
        columns,
        places,
        moves: Vec::new(),
        normalization: *normalization,
    };
    collation.moves = moves::find(&collation);
    collation
}

/// The places of `columns` (see the module docs).
fn places(witnesses: &[CollatedWitness], columns: &[Vec<Option<u32>>]) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::new();
    // Where each witness stands: the index of its next token.
    let mut next = vec![0usize; witnesses.len()];
    let mut start = 0;
    let mut current: Option<Vec<usize>> = None;
    let flush = |places: &mut Vec<Place>, range: Range<usize>, next: &mut [usize]| {
        let cells: Vec<Range<usize>> = (0..witnesses.len())
            .map(|w| {
                let tokens = range
                    .clone()
                    .filter_map(|c| columns[c][w])
                    .map(|t| t as usize);
                let (mut lo, mut hi) = (next[w], next[w]);
                for (i, t) in tokens.enumerate() {
                    if i == 0 {
                        lo = t;
                    }
                    hi = t + 1;
                }
                next[w] = hi;
                lo..hi
            })
            .collect();
        let readings = readings(witnesses, &cells);
        places.push(Place {
            columns: range,
            cells,
            readings,
        });
    };
    for (c, column) in columns.iter().enumerate() {
        let grouping = grouping(witnesses, column);
        if current.as_ref().is_some_and(|g| *g != grouping) {
            flush(&mut places, start..c, &mut next);
            start = c;
        }
        current = Some(grouping);
    }
    if !columns.is_empty() {
        flush(&mut places, start..columns.len(), &mut next);
    }
    places
}

/// How a column groups its witnesses: for each, the first witness that reads as it does
/// there (absent witnesses group together).
fn grouping(witnesses: &[CollatedWitness], column: &[Option<u32>]) -> Vec<usize> {
    let key = |w: usize| column[w].map(|t| witnesses[w].tokens[t as usize].key.as_str());
    (0..column.len())
        .map(|w| (0..=w).find(|&o| key(o) == key(w)).unwrap_or(w))
        .collect()
}

/// The readings of a place whose witnesses read `cells`.
fn readings(witnesses: &[CollatedWitness], cells: &[Range<usize>]) -> Vec<Reading> {
    let mut readings: Vec<Reading> = Vec::new();
    for (w, cell) in cells.iter().enumerate() {
        let key = witnesses[w].tokens[cell.clone()]
            .iter()
            .map(|t| t.key.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        match readings.iter_mut().find(|r| r.key == key) {
            Some(reading) => reading.witnesses.push(w),
            None => readings.push(Reading {
                key,
                witnesses: vec![w],
            }),
        }
    }
    // The most witnesses first; ties by text (a reading before an omission), so that the
    // order does not depend on the order the witnesses were given in.
    readings.sort_by(|a, b| {
        (b.witnesses.len().cmp(&a.witnesses.len()))
            .then_with(|| a.is_omission().cmp(&b.is_omission()))
            .then_with(|| a.key.cmp(&b.key))
    });
    readings
}
