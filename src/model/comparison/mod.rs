//! Comparisons: two to six witnesses of a passage, aligned segment by segment (numbered clauses,
//! paragraphs or sentences), each segment compared word by word with [`diff::diff`].
//!
//! A bundled comparison (`resources/comparisons/*.json`) names its segments and gives each
//! witness's wording for each; a comparison the reader makes (two selections, two texts, two
//! pasted wordings) is segmented from its first witness, and the other witnesses are cut at the
//! places the first one's segment boundaries fall in them ([`Comparison::from_wordings`]).
//!
//! Each witness is marked against a *reference*: by default the nearest earlier witness of the
//! same language that has this segment (so a chronological order reads as a history of the
//! wording), or one witness the reader picks. Summaries are never compared word by word.
//!
//! In files: this one (witnesses, the comparison, its notes), `segments` (cutting wordings into
//! segments and walking a pair along its diff), `compute` (the marked cells and differences)
//! and `export` (Markdown, HTML and text).
//!
//! Threads: none of its own. A long comparison computes its two halves at once through
//! `rayon::join` (pure data parallelism on rayon's one pool, no I/O); the result is the one
//! computed on one core.

mod compute;
pub mod export;
mod segments;

use self::{compute::*, segments::*};
use crate::formats::ids::Timestamp;
use crate::model::text::TextId;
pub(crate) use compute::worth_two_halves;
pub use compute::{
    Cell, ComparisonResult, Difference, compute, compute_all, compute_row_by_row, numbering_len,
    sites,
};
pub(crate) use segments::walk_pair;
pub use segments::{map_positions, segment};

use std::ops::Range;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::diff::{
    self, CharCursor, CharIndex, DiffCounts, Marked, Normalization, Op, OpKind, slice_chars,
};

/// What kind of witness a wording is. Shown with every witness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WitnessStatus {
    /// The wording as the author wrote it (or as quoted from the original).
    Original,
    /// A translation.
    Translation,
    /// An editorial reconstruction (e.g. a draft with an amendment applied).
    Reconstruction,
    /// A summary in the editors' words: never quotation, never compared word by word.
    Summary,
}

impl WitnessStatus {
    /// The word shown to the reader.
    pub fn label(self) -> &'static str {
        match self {
            Self::Original => "original",
            Self::Translation => "translation",
            Self::Reconstruction => "editorial reconstruction",
            Self::Summary => "summary, not quotation",
        }
    }
}

/// One witness's wording of one segment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentText {
    /// The wording, exactly.
    pub text: String,
    /// The library text this wording stands in, if any (its id).
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub source_text: Option<TextId>,
    /// Where in that text it starts (characters); when absent the wording is looked up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<usize>,
}

/// A witness: one wording of the compared passage, with where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Witness {
    /// Short name, shown as the column head.
    pub label: String,
    /// Who wrote it.
    #[serde(default)]
    pub author: String,
    /// When.
    #[serde(default)]
    pub date: String,
    /// Where it is printed or quoted from.
    #[serde(default)]
    pub source: String,
    /// Original, translation, reconstruction or summary.
    pub status: WitnessStatus,
    /// Language tag (`en`, `ru` …).
    #[serde(default)]
    pub language: String,
    /// What a reader must know about this wording (translator, \[sic\], reconstruction …).
    #[serde(default)]
    pub remark: String,
    /// The wording of each segment; `None` where this witness has nothing.
    pub segments: Vec<Option<SegmentText>>,
}

impl Witness {
    /// The witness a reader's wording makes, with its `segments`.
    fn of(input: &WordingInput, segments: Vec<Option<SegmentText>>) -> Self {
        Self {
            label: input.label.clone(),
            author: input.author.clone(),
            date: input.date.clone(),
            source: input.source_label.clone(),
            status: input.status,
            language: input.language.clone(),
            remark: input
                .translator
                .as_ref()
                .map(|t| format!("Translated by {t}"))
                .unwrap_or_default(),
            segments,
        }
    }

    /// The date of the document this witness is, for placing it in time (a timeline, a
    /// sort): none for an editorial reconstruction or a summary, which are no document of
    /// any day, whatever their `date` says of the words they are made from.
    pub fn document_date(&self) -> Option<&str> {
        match self.status {
            WitnessStatus::Reconstruction | WitnessStatus::Summary => None,
            WitnessStatus::Original | WitnessStatus::Translation => {
                Some(self.date.as_str()).filter(|d| !d.trim().is_empty())
            }
        }
    }

    /// The whole wording, segments joined by a space.
    pub fn text(&self) -> String {
        self.segments
            .iter()
            .flatten()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A comparison of two to six witnesses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// Stable identifier (bundled comparisons: the file's; the reader's: generated).
    pub id: String,
    /// Title.
    pub title: String,
    /// What is compared and why.
    #[serde(default)]
    pub description: String,
    /// How the start screen offers this comparison, when it does (a corpus's showcase).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_screen: Option<StartScreen>,
    /// The segments' names, in order.
    pub segments: Vec<String>,
    /// The witnesses, in column order.
    pub witnesses: Vec<Witness>,
}

/// How the start screen (no text open yet) offers a bundled comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartScreen {
    /// The sentence above the button.
    pub invitation: String,
    /// The button's words.
    pub button: String,
    /// What the button opens, on hover.
    pub hint: String,
}

/// Comparisons up to this many bytes of wording are stored whole with the reader's notes.
pub const KEEP_WHOLE: usize = 64 * 1024;

const KEPT_NOTICE: &str = "Of this long comparison only the segments with notes are kept.";

/// The fewest and most witnesses a comparison has.
pub const WITNESSES: std::ops::RangeInclusive<usize> = 2..=6;

/// Why a comparison is not usable.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ComparisonError {
    /// The JSON did not parse.
    #[error("not a comparison: {0}")]
    Json(String),
    /// Too few or too many witnesses.
    #[error("a comparison has 2 to 6 witnesses; this one has {0}")]
    WitnessCount(usize),
    /// A witness's segments do not match the comparison's.
    #[error("witness “{witness}” has {found} segments where the comparison has {expected}")]
    SegmentCount {
        /// The witness's label.
        witness: String,
        /// Its segment count.
        found: usize,
        /// The comparison's.
        expected: usize,
    },
    /// A wording is empty.
    #[error("{0}")]
    Empty(String),
}

/// Where the reader's witnesses come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordingInput {
    /// Column head.
    pub label: String,
    /// The wording.
    pub text: String,
    /// The library text and the character offset the wording starts at, if it is a passage of
    /// one.
    pub source: Option<(TextId, usize)>,
    /// Author, date and source, as far as known.
    pub author: String,
    /// Date.
    pub date: String,
    /// Source.
    pub source_label: String,
    /// Language tag.
    pub language: String,
    /// Whether it is the original or a translation, as far as known.
    pub status: WitnessStatus,
    /// Who translated it, for a translation.
    pub translator: Option<String>,
}

impl WordingInput {
    /// A passage of a library text (`range`, characters), or the whole text, labelled with
    /// its title (and paragraph, for a passage).
    pub fn from_text(text: &super::text::Text, range: super::text::CharRange) -> Self {
        let meta = text.meta();
        let range = text.clamp_range(range);
        let whole = range.start == 0 && range.end == text.char_len();
        let label = if whole {
            meta.title.clone()
        } else {
            format!("{} (¶ {})", meta.title, text.paragraph_at(range.start) + 1)
        };
        Self {
            label,
            text: text.slice(range.clone()).to_owned(),
            source: Some((text.id().to_owned(), range.start)),
            author: meta.known_author().unwrap_or_default().to_owned(),
            date: meta.display_date().to_owned(),
            source_label: meta
                .reference
                .clone()
                .unwrap_or_else(|| meta.source.clone()),
            language: meta.language.clone(),
            // A text that names its translator is a translation.
            status: if meta.translator.is_some() {
                WitnessStatus::Translation
            } else {
                WitnessStatus::Original
            },
            translator: meta.translator.clone(),
        }
    }

    /// A pasted wording: only a label and the text.
    pub fn pasted(label: &str, text: &str) -> Self {
        Self {
            label: label.into(),
            text: text.into(),
            source: None,
            author: String::new(),
            date: String::new(),
            source_label: "pasted by the reader".into(),
            language: String::new(),
            status: WitnessStatus::Original,
            translator: None,
        }
    }
}

/// How witnesses are referred to for marking.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reference {
    /// Each witness against the nearest earlier one of its language that has the segment.
    #[default]
    Previous,
    /// Every witness against this one.
    Base(usize),
}

impl Comparison {
    /// Each wording of each witness, in witness order: its segment, its witness's label, and
    /// the wording.
    pub fn wordings(&self) -> impl Iterator<Item = (usize, &str, &SegmentText)> {
        self.witnesses.iter().flat_map(|witness| {
            witness
                .segments
                .iter()
                .enumerate()
                .filter_map(move |(segment, text)| {
                    text.as_ref()
                        .map(|text| (segment, witness.label.as_str(), text))
                })
        })
    }

    /// Parses and checks a comparison file.
    pub fn from_json(json: &str) -> Result<Self, ComparisonError> {
        let comparison: Self =
            serde_json::from_str(json).map_err(|e| ComparisonError::Json(e.to_string()))?;
        comparison.validate()?;
        Ok(comparison)
    }

    /// The name of segment `segment` ("Clause 1"), or nothing for a segment it does not have.
    pub fn segment_label(&self, segment: usize) -> String {
        self.segments.get(segment).cloned().unwrap_or_default()
    }

    /// Checks witness and segment counts.
    pub fn validate(&self) -> Result<(), ComparisonError> {
        if !WITNESSES.contains(&self.witnesses.len()) {
            return Err(ComparisonError::WitnessCount(self.witnesses.len()));
        }
        for witness in &self.witnesses {
            if witness.segments.len() != self.segments.len() {
                return Err(ComparisonError::SegmentCount {
                    witness: witness.label.clone(),
                    found: witness.segments.len(),
                    expected: self.segments.len(),
                });
            }
            if witness.segments.iter().flatten().all(|s| s.text.is_empty()) {
                return Err(ComparisonError::Empty(format!(
                    "witness “{}” has no wording",
                    witness.label
                )));
            }
        }
        Ok(())
    }

    /// The reader's comparison of `inputs` (2–6 wordings): segmented by the first wording's
    /// paragraphs (or sentences, if it is one paragraph), the others cut where those
    /// boundaries fall in them under `normalization`.
    pub fn from_wordings(
        id: &str,
        title: &str,
        inputs: Vec<WordingInput>,
        normalization: &Normalization,
    ) -> Result<Self, ComparisonError> {
        Ok(Self::built(id, title, inputs, normalization)?.comparison)
    }

    /// [`Comparison::from_wordings`] of two wordings, computed with the one diff of their whole
    /// texts that also cuts them into segments (each segment's cell is that diff's part within
    /// it), not a second diff per segment: what `lectern compare` prints, at the speed of a
    /// single diff. The cells are those of [`compute_all`] but where a segment's diff would
    /// pair its words differently (a clause's number is compared as a word here, for one),
    /// and they have no marks: what is printed is the operations and the counts, and marking
    /// a megabyte's changes letter by letter would take as long as the diff.
    pub fn compared_pair(
        id: &str,
        title: &str,
        a: WordingInput,
        b: WordingInput,
        normalization: &Normalization,
    ) -> Result<(Self, ComparisonResult), ComparisonError> {
        let built = Self::built(id, title, vec![a, b], normalization)?;
        let comparison = &built.comparison;
        // Where the second wording has a segment, it is marked against the first (unless
        // their languages differ: then each is compared as the window compares it).
        let same_language = (0..comparison.segments.len()).all(|n| {
            comparison.witnesses[1].segments[n].is_none()
                || comparison.reference(1, n, Reference::Previous) == Some(0)
        });
        if !same_language {
            let result = compute_all(comparison, normalization, Reference::Previous);
            return Ok((built.comparison, result));
        }
        let total = comparison.segments.len();
        let rows = |segments: Range<usize>| pair_rows(comparison, &built, segments);
        let length = built.ranges[0].last().map_or(0, |r| r.end);
        let result = if worth_two_halves(length, total) {
            in_two_halves(total / 2, total, rows)
        } else {
            rows(0..total)
        };
        Ok((built.comparison, result))
    }

    /// The comparison of `inputs`, with each witness's segments' character ranges in its whole
    /// text and the diff of each whole text against the first's.
    fn built(
        id: &str,
        title: &str,
        inputs: Vec<WordingInput>,
        normalization: &Normalization,
    ) -> Result<Built, ComparisonError> {
        check_inputs(&inputs)?;
        let ((ranges, labels), diffs) = segmented_and_diffed(&inputs, normalization);
        let starts: Vec<usize> = ranges.iter().map(|r| r.start).collect();
        let mut witnesses = Vec::with_capacity(inputs.len());
        let mut all_ranges = Vec::with_capacity(inputs.len());
        let mut all_ops = Vec::with_capacity(inputs.len());
        let mut diffs = diffs.into_iter();
        for (index, input) in inputs.iter().enumerate() {
            let (cuts, ops) = match index {
                0 => (starts.clone(), Vec::new()),
                _ => {
                    let ops = diffs.next().unwrap_or_default();
                    (
                        map_positions(&ops, &starts, (&inputs[0].text, &input.text)),
                        ops,
                    )
                }
            };
            let index_of_text = CharIndex::new(&input.text);
            let length = index_of_text.len();
            let segment_ranges: Vec<Range<usize>> = (0..ranges.len())
                .map(|n| {
                    let start = if n == 0 { 0 } else { cuts[n] };
                    let end = cuts.get(n + 1).copied().unwrap_or(length).max(start);
                    trim_range(&index_of_text, start..end)
                })
                .collect();
            let segments = segment_ranges
                .iter()
                .map(|range| {
                    (!range.is_empty()).then(|| SegmentText {
                        text: index_of_text.slice(range.clone()).to_owned(),
                        source_text: input.source.as_ref().map(|(id, _)| id.clone()),
                        at: input.source.as_ref().map(|(_, at)| at + range.start),
                    })
                })
                .collect();
            witnesses.push(Witness::of(input, segments));
            all_ranges.push(segment_ranges);
            all_ops.push(ops);
        }
        let comparison = Self {
            id: id.into(),
            title: title.into(),
            description: String::new(),
            start_screen: None,
            segments: labels,
            witnesses,
        };
        comparison.validate()?;
        Ok(Built {
            comparison,
            ranges: all_ranges,
            ops: all_ops,
        })
    }

    /// What [`Comparison::compared_pair`] computes of two wordings, without keeping their
    /// segments: the comparison's title, witnesses and segment labels (its witnesses have no
    /// wordings), the diff of the whole wordings and where the first's segments start, to be
    /// walked with [`walk_pair`]. `None` where the second wording is not marked against the
    /// first (a summary, or another language), which only [`Comparison::compared_pair`] does.
    pub(crate) fn pair_outline(
        id: &str,
        title: &str,
        a: &WordingInput,
        b: &WordingInput,
        normalization: &Normalization,
    ) -> Result<Option<PairOutline>, ComparisonError> {
        let inputs = [a, b];
        check_inputs(&inputs)?;
        let languages_differ =
            !a.language.is_empty() && !b.language.is_empty() && a.language != b.language;
        if languages_differ || inputs.iter().any(|i| i.status == WitnessStatus::Summary) {
            return Ok(None);
        }
        let ((ranges, labels), mut diffs) = segmented_and_diffed(&inputs, normalization);
        let comparison = Self {
            id: id.into(),
            title: title.into(),
            description: String::new(),
            start_screen: None,
            witnesses: inputs.iter().map(|i| Witness::of(i, Vec::new())).collect(),
            segments: labels,
        };
        Ok(Some(PairOutline {
            comparison,
            ops: diffs.pop().unwrap_or_default(),
            starts: ranges.iter().map(|r| r.start).collect(),
        }))
    }

    /// The witness `witness` is marked against in `segment`, if any.
    pub fn reference(&self, witness: usize, segment: usize, reference: Reference) -> Option<usize> {
        let has = |w: usize| {
            self.witnesses.get(w).is_some_and(|w| {
                w.status != WitnessStatus::Summary
                    && w.segments.get(segment).is_some_and(Option::is_some)
            })
        };
        if !has(witness) {
            return None;
        }
        // Words are compared within a language only; an unknown language (a pasted wording)
        // matches any.
        let language = self.witnesses[witness].language.as_str();
        let same = |other: &str| language.is_empty() || other.is_empty() || other == language;
        match reference {
            Reference::Base(base) => {
                (base != witness && has(base) && same(&self.witnesses[base].language))
                    .then_some(base)
            }
            Reference::Previous => (0..witness)
                .rev()
                .find(|&w| has(w) && same(&self.witnesses[w].language)),
        }
    }

    /// What of the comparison is stored with the reader's notes: all of it when it is small,
    /// else only the `annotated` segments (a comparison of two whole texts would otherwise copy
    /// both texts into the annotations file). The notes quote their wordings either way.
    pub fn kept_for_notes(&self, annotated: &std::collections::BTreeSet<usize>) -> Self {
        let size: usize = self
            .witnesses
            .iter()
            .flat_map(|w| w.segments.iter().flatten())
            .map(|s| s.text.len())
            .sum();
        if size <= KEEP_WHOLE {
            return self.clone();
        }
        let mut kept = self.clone();
        for witness in &mut kept.witnesses {
            for (index, segment) in witness.segments.iter_mut().enumerate() {
                if !annotated.contains(&index) {
                    *segment = None;
                }
            }
        }
        if !kept.description.contains(KEPT_NOTICE) {
            kept.description = format!("{} {KEPT_NOTICE}", kept.description)
                .trim()
                .to_owned();
        }
        kept
    }

    /// The segments that some witness still has (all of them, unless the comparison was cut
    /// down by [`Comparison::kept_for_notes`]).
    pub fn kept_segments(&self) -> std::collections::BTreeSet<usize> {
        self.witnesses
            .iter()
            .flat_map(|w| {
                w.segments
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.is_some())
                    .map(|(index, _)| index)
            })
            .collect()
    }

    /// The comparison with its witnesses in reverse order (for two: swapped).
    pub fn swapped(&self) -> Self {
        let mut swapped = self.clone();
        swapped.witnesses.reverse();
        swapped
    }
}

/// A comparison as [`Comparison::built`] makes it.
struct Built {
    comparison: Comparison,
    /// Each witness's segments' character ranges in its whole text (empty: not there).
    ranges: Vec<Vec<Range<usize>>>,
    /// Each witness's whole diff against the first (none for the first).
    ops: Vec<Vec<Op>>,
}

/// See [`Comparison::pair_outline`].
pub(crate) struct PairOutline {
    /// The title, the two witnesses (without wordings) and the segments' labels.
    pub comparison: Comparison,
    /// The diff of the whole wordings.
    pub ops: Vec<Op>,
    /// Where each segment starts in the first wording (characters).
    pub starts: Vec<usize>,
}

/// An error unless there are 2–6 wordings, none of them blank.
fn check_inputs(inputs: &[impl std::borrow::Borrow<WordingInput>]) -> Result<(), ComparisonError> {
    if !WITNESSES.contains(&inputs.len()) {
        return Err(ComparisonError::WitnessCount(inputs.len()));
    }
    if let Some(empty) = inputs
        .iter()
        .map(std::borrow::Borrow::borrow)
        .find(|i| i.text.trim().is_empty())
    {
        return Err(ComparisonError::Empty(format!(
            "“{}” is empty: select or paste a passage first",
            empty.label
        )));
    }
    Ok(())
}

/// A note on a difference or a segment of a comparison. It quotes the wordings it is about,
/// so it still reads rightly when the comparison is not open (or was the reader's own and is
/// gone).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComparisonNote {
    /// Unique id.
    pub note_id: String,
    /// The comparison's id.
    pub comparison_id: String,
    /// The comparison's title when the note was made.
    pub comparison_title: String,
    /// The segment (index) and its name.
    pub segment: usize,
    /// The segment's name.
    pub segment_label: String,
    /// The differing witness's label (`None`: a note on the whole segment).
    #[serde(default)]
    pub witness: Option<String>,
    /// The label of the witness it differs from.
    #[serde(default)]
    pub reference: Option<String>,
    /// The differing witness's words.
    #[serde(default)]
    pub quote: String,
    /// The reference's words there.
    #[serde(default)]
    pub reference_quote: String,
    /// The reader's note.
    #[serde(default)]
    pub note: String,
    /// Category id, if any.
    #[serde(default)]
    pub category_id: Option<String>,
    /// When it was made.
    pub created: Timestamp,
    /// When it was last changed.
    pub modified: Timestamp,
    /// Where the note was carried from, when it is the copy of a note on another witness.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<CarriedFrom>,
}

/// Where a carried note came from: the note on another witness it was copied from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedFrom {
    /// That witness's label.
    pub witness: String,
    /// Its words the note was on.
    pub quote: String,
    /// The note copied: `annotation ID` or `comparison note ID`.
    pub source: String,
}

impl ComparisonNote {
    /// A new, empty note on `difference` (or, without one, on the whole `segment`).
    pub fn new(
        note_id: String,
        comparison: &Comparison,
        segment: usize,
        difference: Option<&Difference>,
        now: &Timestamp,
    ) -> Self {
        let quote = |witness: usize, range: &Range<usize>| {
            comparison
                .witnesses
                .get(witness)
                .and_then(|w| w.segments.get(segment))
                .and_then(Option::as_ref)
                .map_or(String::new(), |s| {
                    slice_chars(&s.text, range.clone()).to_owned()
                })
        };
        let label = |witness: usize| comparison.witnesses.get(witness).map(|w| w.label.clone());
        Self {
            note_id,
            comparison_id: comparison.id.clone(),
            comparison_title: comparison.title.clone(),
            segment,
            segment_label: comparison.segment_label(segment),
            witness: difference.and_then(|d| label(d.witness)),
            reference: difference.and_then(|d| label(d.reference)),
            quote: difference.map_or(String::new(), |d| quote(d.witness, &d.range)),
            reference_quote: difference
                .map_or(String::new(), |d| quote(d.reference, &d.reference_range)),
            note: String::new(),
            category_id: None,
            created: now.clone(),
            modified: now.clone(),
            carried_from: None,
        }
    }

    /// What the note is about, in a line: "“unification …” for “entry …” (Lenin … against …)".
    pub fn subject(&self) -> String {
        match (&self.witness, &self.reference) {
            (Some(witness), Some(reference)) => {
                let shown = |q: &str| {
                    if q.is_empty() {
                        crate::tr!("model-note-nothing")
                    } else {
                        crate::tr!("model-note-quoted", quote = q)
                    }
                };
                crate::tr!(
                    "model-note-subject",
                    quote = shown(&self.quote),
                    reference_quote = shown(&self.reference_quote),
                    witness = witness.as_str(),
                    reference = reference.as_str()
                )
            }
            (Some(witness), None) if !self.quote.is_empty() => crate::tr!(
                "model-note-subject-in",
                quote = crate::tr!("model-note-quoted", quote = self.quote.as_str()),
                witness = witness.as_str()
            ),
            _ => crate::tr!(
                "model-note-subject-segment",
                segment = self.segment_label.as_str()
            ),
        }
    }
}

#[cfg(test)]
mod numbering_tests;
#[cfg(test)]
mod tests;
