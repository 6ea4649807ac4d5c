//! Notes carried across witnesses: a note on some words of one witness of a comparison, shown
//! at the aligned words of the other witnesses in its language.
//!
//! A note is on a witness when it is a comparison note on that witness's words, or an
//! annotation of the library text the witness's wording stands in (Lenin's amendment stands in
//! his letter to Kamenev). Its words are aligned with each other witness of the same language
//! by the word diff of the two wordings: the carried note covers the other wording from where
//! the first aligned word goes to where the last one does, and says how sure that is — how many
//! of the note's words the other wording has too. Where none of them is there (the words were
//! left out or entirely reworded), or the languages differ, nothing is guessed: the note is not
//! carried.

use crate::formats::ids::Timestamp;
use crate::model::text::CharRange;
use std::ops::Range;

use super::annotation::Annotation;
use super::comparison::{CarriedFrom, Comparison, ComparisonNote};
use super::diff::{self, CharIndex, Normalization, OpKind};

/// Where a note on a witness comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteSource {
    /// An annotation of the library text the witness stands in (its id).
    Annotation(String),
    /// A note of the comparison (its id).
    ComparisonNote(String),
}

/// A note on some words of one witness, in one segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WitnessNote {
    /// The witness (index).
    pub witness: usize,
    /// The segment (index).
    pub segment: usize,
    /// The words, as characters of the witness's wording in the segment.
    pub range: CharRange,
    /// The reader's note.
    pub note: String,
    /// Where it comes from.
    pub source: NoteSource,
}

/// A note carried to another witness.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carried {
    /// The note as made.
    pub from: WitnessNote,
    /// The witness it is carried to.
    pub witness: usize,
    /// The aligned words there (characters of that witness's wording in the segment).
    pub range: CharRange,
    /// How many of the note's words that wording has too.
    pub same_words: usize,
    /// How many words the note is on.
    pub words: usize,
}

impl NoteSource {
    /// As a carried copy records it: `annotation ID` or `comparison note ID`.
    pub fn key(&self) -> String {
        match self {
            Self::Annotation(id) => format!("annotation {id}"),
            Self::ComparisonNote(id) => format!("comparison note {id}"),
        }
    }
}

impl Carried {
    /// How sure the alignment is, in words: “every word aligned”, “2 of 3 words aligned”.
    pub fn sureness(&self) -> String {
        if self.same_words == self.words {
            "every word aligned".to_owned()
        } else {
            format!("{} of {} words aligned", self.same_words, self.words)
        }
    }
}

fn words(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_words()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Where the words `range` of `from` are in `to`, by the word diff of the two: the range in
/// `to` from the first of the words that is there too to the last (with what was put in
/// between), how many of the words are there, and how many words `range` has; `None` when none
/// of them is there.
pub fn align(
    from: &str,
    range: Range<usize>,
    to: &str,
    normalization: &Normalization,
) -> Option<(Range<usize>, usize, usize)> {
    let (from_index, to_index) = (CharIndex::new(from), CharIndex::new(to));
    let total = words(from_index.slice(range.clone()));
    let (mut same, mut aligned): (usize, Option<Range<usize>>) = (0, None);
    for op in diff::diff(from, to, normalization) {
        let overlap = op.a.start.max(range.start)..op.a.end.min(range.end);
        if op.kind != OpKind::Equal || overlap.start >= overlap.end {
            continue;
        }
        let found = words(from_index.slice(overlap.clone()));
        if found == 0 {
            continue; // white space or punctuation alone aligns nothing
        }
        same += found;
        let (a_text, b_text) = (from_index.slice(op.a.range()), to_index.slice(op.b.range()));
        let start = op.b.start + within(a_text, b_text, overlap.start - op.a.start, false);
        let end = op.b.start + within(a_text, b_text, overlap.end - op.a.start, true);
        aligned = Some(aligned.map_or(start..end, |a| a.start..end));
    }
    let aligned = aligned?;
    Some((diff::trimmed(&to_index, aligned), same.min(total), total))
}

/// Where `at` (characters into `a`) is in `b`, two stretches the diff found equal: the same
/// place when they are alike to the letter, else the start (or, for an `end`, the end) of the
/// same word in `b` — normalised comparison may have passed over punctuation or spacing that
/// one of them has (“a Union” and “a ‘Union”).
fn within(a: &str, b: &str, at: usize, end: bool) -> usize {
    if a == b {
        return at;
    }
    let word_spans = |text: &str| -> Vec<Range<usize>> {
        let mut spans = Vec::new();
        let mut position = 0;
        for token in diff::split_tokens(text) {
            let length = token.chars().count();
            if token.chars().next().is_some_and(char::is_alphanumeric) {
                spans.push(position..position + length);
            }
            position += length;
        }
        spans
    };
    let (in_a, in_b) = (word_spans(a), word_spans(b));
    let length = b.chars().count();
    if end {
        // The last word of `a` ending at or before `at`, and the same word's end in `b`.
        let count = in_a.iter().filter(|w| w.end <= at).count();
        count
            .checked_sub(1)
            .and_then(|k| in_b.get(k))
            .map_or(0, |w| w.end)
            .min(length)
    } else {
        let count = in_a.iter().filter(|w| w.start < at).count();
        in_b.get(count).map_or(length, |w| w.start)
    }
}

/// The notes on the witnesses of `comparison`: its notes on a witness's words, and the
/// annotations (placed ones: no orphan) of the library texts its wordings stand in (`text_of`
/// gives a text's content).
pub fn witness_notes<'a>(
    comparison: &Comparison,
    notes: &[ComparisonNote],
    annotations: impl IntoIterator<Item = &'a Annotation>,
    text_of: &dyn Fn(&str) -> Option<&'a str>,
) -> Vec<WitnessNote> {
    let mut found = Vec::new();
    // A carried copy is a note of its own witness, not carried again.
    let own = notes
        .iter()
        .filter(|n| n.comparison_id == comparison.id && n.carried_from.is_none());
    for note in own {
        let Some(witness) = note
            .witness
            .as_ref()
            .and_then(|label| comparison.witnesses.iter().position(|w| &w.label == label))
        else {
            continue;
        };
        let Some(Some(wording)) = comparison.witnesses[witness].segments.get(note.segment) else {
            continue;
        };
        if note.quote.trim().is_empty() || note.note.trim().is_empty() {
            continue;
        }
        if let Some(byte) = wording.text.find(&note.quote) {
            let start = wording.text[..byte].chars().count();
            found.push(WitnessNote {
                witness,
                segment: note.segment,
                range: (start..start + note.quote.chars().count()).into(),
                note: note.note.clone(),
                source: NoteSource::ComparisonNote(note.note_id.clone()),
            });
        }
    }
    let annotations: Vec<&Annotation> = annotations
        .into_iter()
        .filter(|a| !a.note.trim().is_empty())
        .collect();
    for (witness, w) in comparison.witnesses.iter().enumerate() {
        for (segment, wording) in w.segments.iter().enumerate() {
            let Some(wording) = wording else { continue };
            let Some(text_id) = &wording.source_text else {
                continue;
            };
            let Some(at) = wording.at.or_else(|| {
                let content = text_of(text_id)?;
                let byte = content.find(&wording.text)?;
                Some(content[..byte].chars().count())
            }) else {
                continue;
            };
            let here = at..at.saturating_add(wording.text.chars().count());
            for annotation in annotations.iter().filter(|a| a.text_id == text_id) {
                let range = annotation.anchor.start..annotation.anchor.end;
                let (start, end) = (range.start.max(here.start), range.end.min(here.end));
                if start < end {
                    found.push(WitnessNote {
                        witness,
                        segment,
                        range: (start - at..end - at).into(),
                        note: annotation.note.clone(),
                        source: NoteSource::Annotation(annotation.annotation_id.clone()),
                    });
                }
            }
        }
    }
    found
}

/// Each of `notes` carried to every other witness of its language that has the segment, where
/// its words align and no copy of it (among `copies`, the comparison's notes) is there yet.
pub fn carry(
    comparison: &Comparison,
    notes: &[WitnessNote],
    copies: &[ComparisonNote],
    normalization: &Normalization,
) -> Vec<Carried> {
    let copied = |note: &WitnessNote, to: usize| {
        let (key, label) = (note.source.key(), &comparison.witnesses[to].label);
        copies.iter().any(|c| {
            c.comparison_id == comparison.id
                && c.segment == note.segment
                && c.witness.as_ref() == Some(label)
                && c.carried_from.as_ref().is_some_and(|f| f.source == key)
        })
    };
    let mut carried = Vec::new();
    for note in notes {
        let from = &comparison.witnesses[note.witness];
        let Some(Some(wording)) = from.segments.get(note.segment) else {
            continue;
        };
        for (index, other) in comparison.witnesses.iter().enumerate() {
            if index == note.witness || other.language != from.language || copied(note, index) {
                continue;
            }
            let Some(Some(theirs)) = other.segments.get(note.segment) else {
                continue;
            };
            if let Some((range, same_words, words)) = align(
                &wording.text,
                note.range.range(),
                &theirs.text,
                normalization,
            ) {
                carried.push(Carried {
                    from: note.clone(),
                    witness: index,
                    range: CharRange(range),
                    same_words,
                    words,
                });
            }
        }
    }
    carried
}

/// The copy of `carried` as a note of its own on the witness it was carried to, remembering
/// where it came from.
pub fn copy(
    comparison: &Comparison,
    carried: &Carried,
    note_id: String,
    now: &Timestamp,
) -> ComparisonNote {
    let wording = |witness: usize| {
        comparison.witnesses[witness]
            .segments
            .get(carried.from.segment)
            .and_then(Option::as_ref)
            .map_or("", |s| s.text.as_str())
    };
    let quote = |witness: usize, range: &Range<usize>| {
        CharIndex::new(wording(witness))
            .slice(range.clone())
            .to_owned()
    };
    ComparisonNote {
        witness: Some(comparison.witnesses[carried.witness].label.clone()),
        quote: quote(carried.witness, &carried.range),
        note: carried.from.note.clone(),
        carried_from: Some(CarriedFrom {
            witness: comparison.witnesses[carried.from.witness].label.clone(),
            quote: quote(carried.from.witness, &carried.from.range),
            source: carried.from.source.key(),
        }),
        ..ComparisonNote::new(note_id, comparison, carried.from.segment, None, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::{bundled_comparisons, bundled_library};

    const NOW: &str = "2026-11-30T00:00:00Z";

    fn clause_1() -> Comparison {
        bundled_comparisons()
            .into_iter()
            .find(|c| c.id == "clause-1")
            .expect("Clause 1 is bundled")
    }

    fn witness(comparison: &Comparison, label: &str) -> usize {
        comparison
            .witnesses
            .iter()
            .position(|w| w.label.starts_with(label))
            .unwrap_or_else(|| panic!("{label}"))
    }

    /// A note of the comparison on `quote` of `label` in segment 1 (“entry or unification”).
    fn note_on(comparison: &Comparison, label: &str, quote: &str, text: &str) -> ComparisonNote {
        let w = witness(comparison, label);
        ComparisonNote {
            witness: Some(comparison.witnesses[w].label.clone()),
            quote: quote.into(),
            note: text.into(),
            ..ComparisonNote::new(format!("n-{quote}"), comparison, 1, None, &NOW.into())
        }
    }

    /// What each carried note covers: (to witness, words there, sureness).
    fn carried(comparison: &Comparison, notes: &[ComparisonNote]) -> Vec<(String, String, String)> {
        let on = witness_notes(comparison, notes, [], &|_| None);
        carry(comparison, &on, notes, &Normalization::wording())
            .into_iter()
            .map(|c| {
                let text = &comparison.witnesses[c.witness].segments[1]
                    .as_ref()
                    .unwrap()
                    .text;
                let words = CharIndex::new(text).slice(c.range.range()).to_owned();
                (
                    comparison.witnesses[c.witness].label.clone(),
                    words,
                    c.sureness(),
                )
            })
            .collect()
    }

    #[test]
    fn a_note_on_lenins_amendment_is_carried_to_the_drafts_at_their_aligned_words() {
        let clause = clause_1();
        let note = note_on(
            &clause,
            "Lenin’s amendment (English)",
            "Formal\u{a0}unification",
            "Lenin’s word",
        );
        assert_eq!(
            carried(&clause, &[note]),
            [
                (
                    "Stalin’s draft (English, Lectern translation)".to_owned(),
                    "formal".to_owned(),
                    "1 of 2 words aligned".to_owned()
                ),
                (
                    "Revised draft, early Oct 1922 (English, Lectern translation)".to_owned(),
                    "unification".to_owned(),
                    "1 of 2 words aligned".to_owned()
                ),
            ]
        );
        // The union's name, with a word put in between: every word of the note is there.
        let name = note_on(
            &clause,
            "Lenin’s amendment (English)",
            "Union of Soviet Republics",
            "the name",
        );
        let revised = carried(&clause, &[name]);
        assert!(
            revised.contains(&(
                "Revised draft, early Oct 1922 (English, Lectern translation)".to_owned(),
                "Union of Socialist Soviet Republics".to_owned(),
                "every word aligned".to_owned()
            )),
            "{revised:?}"
        );
    }

    #[test]
    fn where_the_words_cannot_be_aligned_nothing_is_guessed() {
        let clause = clause_1();
        for (witness, quote, note, why) in [
            (
                "Lenin’s amendment (English)",
                "Europe and Asia",
                "where?",
                "in no other English wording",
            ),
            (
                "Lenin’s amendment (Russian)",
                "Европы и Азии",
                "где?",
                "the Russian alone has them",
            ),
            (
                "Lenin’s amendment (English)",
                "formal entry",
                "gone",
                "not this witness’s words",
            ),
            (
                "Lenin’s amendment (English)",
                "Formal\u{a0}unification",
                "",
                "an empty note",
            ),
        ] {
            let on = note_on(&clause, witness, quote, note);
            assert!(carried(&clause, &[on]).is_empty(), "{quote}: {why}");
        }
    }

    #[test]
    fn a_copy_remembers_where_it_came_from_and_the_note_is_not_carried_there_again() {
        let clause = clause_1();
        let note = note_on(
            &clause,
            "Lenin’s amendment (English)",
            "Formal\u{a0}unification",
            "Lenin’s word",
        );
        let on = witness_notes(&clause, std::slice::from_ref(&note), [], &|_| None);
        let all = carry(
            &clause,
            &on,
            std::slice::from_ref(&note),
            &Normalization::wording(),
        );
        let to_revised = all
            .iter()
            .find(|c| {
                clause.witnesses[c.witness]
                    .label
                    .starts_with("Revised draft, early Oct 1922 (English")
            })
            .unwrap();
        let copy = copy(&clause, to_revised, "copy-1".into(), &NOW.into());
        assert_eq!(copy.quote, "unification");
        assert_eq!(copy.note, "Lenin’s word");
        assert_eq!(copy.segment, 1);
        let from = copy.carried_from.clone().unwrap();
        assert_eq!(from.witness, "Lenin’s amendment (English)");
        assert_eq!(from.quote, "Formal\u{a0}unification");
        assert_eq!(from.source, "comparison note n-Formal\u{a0}unification");
        assert_eq!(
            copy.subject(),
            "“unification” in Revised draft, early Oct 1922 (English, Lectern translation)"
        );
        // With the copy there, the note is carried to Stalin's draft only, and the copy itself
        // is not carried on.
        let notes = [note, copy];
        let left = carried(&clause, &notes);
        assert_eq!(left.len(), 1, "{left:?}");
        assert!(left[0].0.starts_with("Stalin’s draft (English"));
        // The copy survives a save: its provenance is written and read back.
        let json = serde_json::to_string(&notes[1]).unwrap();
        let back: ComparisonNote = serde_json::from_str(&json).unwrap();
        assert_eq!(back, notes[1]);
    }

    #[test]
    fn an_annotation_of_the_letter_is_a_note_on_lenins_amendment_and_is_carried() {
        let clause = clause_1();
        let library = bundled_library();
        let letter = library.get("lenin-1922-09-26-kamenev").unwrap();
        let at = letter
            .content()
            .find("Formal\u{a0}unification")
            .expect("in the letter");
        let start = letter.content()[..at].chars().count();
        let mut annotation = Annotation::new(
            "a-1",
            letter,
            (start..start + "Formal\u{a0}unification".chars().count()).into(),
            None,
            &NOW.into(),
        );
        annotation.note = "The amendment Stalin accepted".into();
        let text_of = |id: &str| library.get(id).map(|t| t.content());
        let on = witness_notes(&clause, &[], [&annotation], &text_of);
        assert_eq!(on.len(), 1, "{on:?}");
        let lenin = &clause.witnesses[on[0].witness];
        assert_eq!(lenin.label, "Lenin’s amendment (English)");
        let wording = &lenin.segments[on[0].segment].as_ref().unwrap().text;
        assert_eq!(
            CharIndex::new(wording).slice(on[0].range.range()),
            "Formal\u{a0}unification"
        );
        let carried = carry(&clause, &on, &[], &Normalization::wording());
        assert!(carried.iter().any(|c| {
            clause.witnesses[c.witness]
                .label
                .starts_with("Revised draft")
        }));
        assert!(
            carried
                .iter()
                .all(|c| c.from.source == NoteSource::Annotation("a-1".into()))
        );
    }
}
