//! A critical apparatus: a base text, and at each place where the witnesses differ the base's
//! reading (the lemma) and the others, with their witnesses, as a critical edition prints it:
//!
//! ```text
//! much more ] 1859; more 1860 1861 1866 1872; 1869 *moved*
//! ```
//!
//! The base is a chosen witness, or at each place the reading of the most witnesses (the
//! majority). Consecutive places where the witnesses differ are one entry (up to three words),
//! so that a lemma runs from one agreed word to the next.

use std::ops::Range;

use crate::model::words::one_line;

use super::Collation;

/// What the apparatus's base text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// This witness's text (its number in the input order).
    Witness(usize),
    /// At each place, the reading most witnesses share.
    Majority,
}

/// What a reading of an entry says of a move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moved {
    /// Not moved.
    No,
    /// The witnesses read nothing here because they moved the phrase to this place.
    To(usize),
    /// The witnesses read this here, moved from this place.
    From(usize),
}

/// One reading of an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApparatusReading {
    /// The text, as the first of its witnesses shows it; empty for an omission.
    pub text: String,
    /// Its witnesses (numbers in the input order), ascending.
    pub witnesses: Vec<usize>,
    /// Whether it is the base's reading.
    pub lemma: bool,
    /// Whether it is (part of) a move.
    pub moved: Moved,
}

/// One entry: a run of places where the witnesses differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApparatusEntry {
    /// The places it spans.
    pub places: Range<usize>,
    /// Its readings: the lemma first, then the others, the most witnesses first.
    pub readings: Vec<ApparatusReading>,
}

/// An apparatus over a collation (see the module docs).
#[derive(Clone, Debug)]
pub struct Apparatus {
    /// What the base is.
    pub base: Base,
    /// The entries, in order.
    pub entries: Vec<ApparatusEntry>,
    /// The runs of places where all witnesses agree, and the entries, in order: the base
    /// text is their texts read in turn.
    pub segments: Vec<Segment>,
}

/// A piece of the base text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Places where all witnesses agree, with their text (as the base witness has it, or
    /// the first witness for a majority base).
    Agreed {
        /// The places.
        places: Range<usize>,
        /// Their text, with white space.
        text: String,
    },
    /// The entry with this index.
    Entry(usize),
}

impl Apparatus {
    /// The apparatus of `collation` over `base`.
    pub fn of(collation: &Collation, base: Base) -> Self {
        let mut entries = Vec::new();
        let mut segments = Vec::new();
        let places = collation.places();
        let source = match base {
            Base::Witness(w) => w,
            Base::Majority => 0,
        };
        let mut p = 0;
        while p < places.len() {
            let start = p;
            let variant = places[p].is_variant();
            while p < places.len() && places[p].is_variant() == variant {
                if variant && p > start && words(collation, start..p + 1) > JOINED_WORDS {
                    break;
                }
                p += 1;
            }
            if variant {
                segments.push(Segment::Entry(entries.len()));
                entries.push(entry(collation, start..p, base));
            } else {
                let text: String = (start..p)
                    .map(|q| collation.witnesses()[source].spanned(places[q].cells[source].clone()))
                    .collect();
                segments.push(Segment::Agreed {
                    places: start..p,
                    text,
                });
            }
        }
        Self {
            base,
            entries,
            segments,
        }
    }

    /// The entries as lines, “lemma ] witnesses; reading witnesses; om. witnesses”, with a
    /// moved reading marked “*moved*” and a long reading shortened to its first and last
    /// three words.
    pub fn lines(&self, collation: &Collation) -> Vec<String> {
        self.entries.iter().map(|e| line(collation, e)).collect()
    }

    /// The entries as printed under the base text, each on one line after its number in
    /// brackets, as the base text marks it (`[1] much more ] 1859; …`): a number of its own,
    /// never read as part of a lemma that starts with one (`[1] 1. Признать … ]`).
    pub fn numbered_lines(&self, collation: &Collation) -> Vec<String> {
        self.lines(collation)
            .iter()
            .enumerate()
            .map(|(n, line)| format!("{} {}", entry_mark(n), one_line(line)))
            .collect()
    }

    /// The base text on one line, each entry's lemma followed by its number in brackets
    /// (`… generally differ more[3] from each other, [4] than …`: an omitted lemma is its
    /// number alone).
    pub fn marked_base_text(&self) -> String {
        let mut text = String::new();
        for segment in &self.segments {
            match segment {
                Segment::Agreed { text: agreed, .. } => text.push_str(agreed),
                Segment::Entry(e) => {
                    let lemma = self.entries[*e].readings.first().map_or("", |r| &r.text);
                    text.push_str(&format!("{lemma}{} ", entry_mark(*e)));
                }
            }
        }
        one_line(&text)
    }
}

/// How entry `n` (from 0) is numbered in the base text and before its line: `[1]`.
pub fn entry_mark(n: usize) -> String {
    format!("[{}]", n + 1)
}

/// The most tokens of a lemma made of several places (“much more”): longer runs of places
/// where the witnesses differ are entries of their own, so that a fragmentary witness (one
/// that reads nothing for pages) does not make the whole text one entry, and a lemma stays a
/// phrase a reader can hold (Clause 1's drafts differ at almost every place: six words
/// joined made entries of whole clauses).
const JOINED_WORDS: usize = 3;

/// Words (tokens) of a reading in a printed entry beyond which it is shortened to its first
/// and last three (“Признать целесообразным заключение … с РСФСР”).
const SHOWN_WORDS: usize = 8;

/// The most tokens any witness reads over `places`.
fn words(collation: &Collation, places: Range<usize>) -> usize {
    (0..collation.witnesses().len())
        .map(|w| {
            places
                .clone()
                .map(|p| collation.places()[p].cells[w].len())
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
}

/// `text` as an entry prints it: whole up to [`SHOWN_WORDS`] words, else its first and last
/// three with “…” between.
fn abridged(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= SHOWN_WORDS {
        return words.join(" ");
    }
    format!(
        "{} … {}",
        words[..3].join(" "),
        words[words.len() - 3..].join(" ")
    )
}

/// The text witness `witness` shows over `places`.
fn shown(collation: &Collation, witness: usize, places: &Range<usize>) -> String {
    let cells = &collation.places();
    let start = places
        .clone()
        .map(|p| cells[p].cells[witness].start)
        .min()
        .unwrap_or(0);
    let end = places
        .clone()
        .map(|p| cells[p].cells[witness].end)
        .max()
        .unwrap_or(0);
    collation.witnesses()[witness].shown(start..end).to_owned()
}

/// The entry over `places`.
fn entry(collation: &Collation, places: Range<usize>, base: Base) -> ApparatusEntry {
    let count = collation.witnesses().len();
    // Each witness's reading over the places, grouped by key.
    let mut readings: Vec<(String, ApparatusReading)> = Vec::new();
    for w in 0..count {
        let key: Vec<String> = places
            .clone()
            .map(|p| {
                collation.places()[p].readings[collation.places()[p].reading_of(w)]
                    .key
                    .clone()
            })
            .filter(|k| !k.is_empty())
            .collect();
        let key = key.join(" ");
        match readings.iter_mut().find(|(k, _)| *k == key) {
            Some((_, reading)) => reading.witnesses.push(w),
            None => readings.push((
                key,
                ApparatusReading {
                    text: shown(collation, w, &places),
                    witnesses: vec![w],
                    lemma: false,
                    moved: moved(collation, w, &places),
                },
            )),
        }
    }
    readings.sort_by(|(ka, a), (kb, b)| {
        b.witnesses
            .len()
            .cmp(&a.witnesses.len())
            .then_with(|| ka.is_empty().cmp(&kb.is_empty()))
            .then_with(|| ka.cmp(kb))
    });
    let lemma = match base {
        Base::Witness(w) => readings.iter().position(|(_, r)| r.witnesses.contains(&w)),
        Base::Majority => Some(0),
    };
    if let Some(lemma) = lemma {
        readings[lemma].1.lemma = true;
        let chosen = readings.remove(lemma);
        readings.insert(0, chosen);
    }
    ApparatusEntry {
        places,
        readings: readings.into_iter().map(|(_, r)| r).collect(),
    }
}

/// What witness `witness`'s reading over `places` has to do with a move.
pub(super) fn moved(collation: &Collation, witness: usize, places: &Range<usize>) -> Moved {
    let first = collation.places()[places.start].columns.start;
    let last = collation.places()[places.end - 1].columns.end;
    let inside = |columns: &Range<usize>| columns.start >= first && columns.end <= last;
    for m in collation.moves().iter().filter(|m| m.witness == witness) {
        if inside(&m.from) {
            return Moved::To(collation.place_of_column(m.to.start));
        }
        if inside(&m.to) {
            return Moved::From(collation.place_of_column(m.from.start));
        }
    }
    Moved::No
}

/// An entry as a line (see [`Apparatus::lines`]).
fn line(collation: &Collation, entry: &ApparatusEntry) -> String {
    // Sigla (“1859 1860”) are set apart by spaces. Names of several words (“Revised draft,
    // early Oct 1922 (Russian)”) are set apart by “ · ”, and a variant's text from its names
    // by a dash, so that one name is not read as two, nor a name as part of the text.
    let named = collation
        .witnesses()
        .iter()
        .any(|w| w.id.contains(char::is_whitespace));
    let (between, after_text) = if named { (" · ", " — ") } else { (" ", " ") };
    let sigla = |witnesses: &[usize]| {
        witnesses
            .iter()
            .map(|&w| collation.witnesses()[w].id.as_str())
            .collect::<Vec<_>>()
            .join(between)
    };
    let mut parts = Vec::new();
    for reading in &entry.readings {
        let who = sigla(&reading.witnesses);
        let text = abridged(&reading.text);
        let part = match (reading.moved, text.is_empty(), reading.lemma) {
            (Moved::To(_), _, _) => format!("{who} *moved*"),
            (Moved::From(_), _, true) => format!("{text} ] {who} *moved here*"),
            (Moved::From(_), _, false) => format!("{text}{after_text}{who} *moved here*"),
            (Moved::No, true, true) => format!("om. ] {who}"),
            (Moved::No, true, false) => format!("om. {who}"),
            (Moved::No, false, true) => format!("{text} ] {who}"),
            (Moved::No, false, false) => format!("{text}{after_text}{who}"),
        };
        parts.push(part);
    }
    parts.join("; ")
}
