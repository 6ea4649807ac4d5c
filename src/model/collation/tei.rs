//! A collation in TEI P5 parallel segmentation ([`crate::formats::tei_parallel`]), and a
//! parallel-segmentation document back into witnesses to collate.
//!
//! Each place where the witnesses differ is an `<app>` (places as the collation cuts them, a
//! finer cut than the apparatus's entries, which run from one agreed word to the next): its
//! readings grouped as the collation groups them (agreeing under the normalisation), each
//! group's spellings a `<rdg>` each (in a `<rdgGrp>` when there are several), the base's
//! reading the `<lem>`. A place where all
//! witnesses agree under the normalisation but not letter for letter (“When” and “when”)
//! is an `<app>` of one group, so that each witness's own text is kept.

use std::ops::Range;

use super::apparatus::{Apparatus, Base, Moved, Segment, moved};
use super::{Collation, WitnessText};
use crate::formats::tei_parallel::{ParallelText, Piece, TeiReading, TeiWitness, witness_texts};

/// The collation as a parallel-segmentation document, with `title`, `made_by` (for the
/// header) and a description (provenance) of each witness, in the collation's order.
pub fn to_parallel(
    collation: &Collation,
    base: Base,
    title: &str,
    made_by: &str,
    descriptions: &[String],
) -> ParallelText {
    let apparatus = Apparatus::of(collation, base);
    let mut body = Vec::new();
    let lemma_witness = match base {
        Base::Witness(w) => collation.witnesses().get(w).map(|w| w.id.as_str()),
        Base::Majority => None,
    };
    for segment in &apparatus.segments {
        match segment {
            Segment::Agreed { places, .. } => {
                for place in places.clone() {
                    let groups = spellings(collation, &(place..place + 1), &all(collation));
                    match groups.as_slice() {
                        [only] => push_text(&mut body, &only.text),
                        _ => body.push(Piece::App(vec![first_is_lemma(groups, lemma_witness)])),
                    }
                }
            }
            Segment::Entry(e) => {
                for place in apparatus.entries[*e].places.clone() {
                    body.push(Piece::App(app(collation, place, base, lemma_witness)));
                }
            }
        }
    }
    ParallelText {
        title: title.to_owned(),
        made_by: made_by.to_owned(),
        witnesses: collation
            .witnesses()
            .iter()
            .enumerate()
            .map(|(w, witness)| TeiWitness {
                siglum: witness.id.clone(),
                description: descriptions.get(w).cloned().unwrap_or_default(),
            })
            .collect(),
        body,
    }
}

/// The groups of readings of variant place `place`: the base's first (its spelling the
/// lemma), then the others in the place's order.
fn app(
    collation: &Collation,
    place: usize,
    base: Base,
    lemma_witness: Option<&str>,
) -> Vec<Vec<TeiReading>> {
    let readings = &collation.places()[place].readings;
    let lemma = match base {
        Base::Witness(w) => collation.places()[place].reading_of(w),
        Base::Majority => 0,
    };
    let mut groups = Vec::with_capacity(readings.len());
    for (r, reading) in readings.iter().enumerate() {
        let mut group = spellings(collation, &(place..place + 1), &reading.witnesses);
        let first = reading.witnesses.first().copied().unwrap_or(0);
        let transposed = moved(collation, first, &(place..place + 1)) != Moved::No;
        for spelling in &mut group {
            spelling.transposed = transposed;
        }
        if r == lemma {
            groups.insert(0, first_is_lemma(group, lemma_witness));
        } else {
            groups.push(group);
        }
    }
    groups
}

fn all(collation: &Collation) -> Vec<usize> {
    (0..collation.witnesses().len()).collect()
}

fn push_text(body: &mut Vec<Piece>, text: &str) {
    match body.last_mut() {
        Some(Piece::Text(common)) => common.push_str(text),
        _ => body.push(Piece::Text(text.to_owned())),
    }
}

/// The spellings of `witnesses` over `places` (each witness's text with white space, runs of
/// it as one space), one reading each, in order of their first witness; none is a lemma.
fn spellings(collation: &Collation, places: &Range<usize>, witnesses: &[usize]) -> Vec<TeiReading> {
    let mut out: Vec<TeiReading> = Vec::new();
    for &w in witnesses {
        let text: String = places
            .clone()
            .map(|p| collation.witnesses()[w].spanned(collation.places()[p].cells[w].clone()))
            .collect();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ")
            + if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
                " "
            } else {
                ""
            };
        let id = collation.witnesses()[w].id.clone();
        match out.iter_mut().find(|r| r.text == text) {
            Some(reading) => reading.witnesses.push(id),
            None => out.push(TeiReading {
                witnesses: vec![id],
                text,
                lemma: false,
                transposed: false,
            }),
        }
    }
    out
}

/// `group` with its lemma marked and first: the spelling of the base witness (`base`, a
/// siglum), or the first spelling.
fn first_is_lemma(mut group: Vec<TeiReading>, base: Option<&str>) -> Vec<TeiReading> {
    let at = base
        .and_then(|b| {
            group
                .iter()
                .position(|r| r.witnesses.iter().any(|w| w == b))
        })
        .unwrap_or(0);
    if at < group.len() {
        let mut lemma = group.remove(at);
        lemma.lemma = true;
        group.insert(0, lemma);
    }
    group
}

/// The witnesses of a parallel-segmentation document, to collate again.
pub fn from_parallel(document: &ParallelText) -> Vec<WitnessText> {
    witness_texts(document)
        .into_iter()
        .map(|(id, text)| WitnessText { id, text })
        .collect()
}
