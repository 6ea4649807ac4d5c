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
//! Threads: none of its own. A long comparison computes its two halves at once through
//! `rayon::join` (pure data parallelism on rayon's one pool, no I/O); the result is the one
//! computed on one core.

pub mod export;

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
    pub source_text: Option<String>,
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
    pub source: Option<(String, usize)>,
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
    pub fn from_text(text: &super::text::Text, range: Range<usize>) -> Self {
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

/// A wording's segments: their character ranges and their labels ([`segment`]).
type Segmented = (Vec<Range<usize>>, Vec<String>);

/// The first wording's segments (ranges and labels, [`segment`]) and the diff of each other
/// wording against it: the first is cut into segments while the others are compared with it
/// (at once, on rayon's pool, when they are long).
fn segmented_and_diffed(
    inputs: &[impl std::borrow::Borrow<WordingInput> + Sync],
    normalization: &Normalization,
) -> (Segmented, Vec<Vec<Op>>) {
    let base = &inputs[0].borrow().text;
    let diffs = || -> Vec<Vec<Op>> {
        let others = inputs.iter().skip(1);
        others
            .map(|input| diff::diff(base, &input.borrow().text, normalization))
            .collect()
    };
    if base.len() > PARALLEL_SIZE {
        rayon::join(|| segment(base), diffs)
    } else {
        (segment(base), diffs())
    }
}

/// The segments of a pair of wordings `a` and `b` exactly as [`Comparison::compared_pair`]
/// cuts them, from their whole diff `ops` and where the segments start in `a`, walked in order
/// without being kept: `each(segment, a's wording, b's wording, the part of ops within them)`
/// (ranges counted from the segments' starts; empty unless both have a wording there) for
/// each of `segments`.
pub(crate) fn walk_pair<'t>(
    (a, b): (&'t str, &'t str),
    (ops, starts): (&[Op], &[usize]),
    segments: Range<usize>,
    mut each: impl FnMut(usize, Option<&'t str>, Option<&'t str>, Vec<Op>),
) {
    let b_starts = map_positions(ops, starts, (a, b));
    let (mut in_a, mut in_b) = (CharCursor::new(a), CharCursor::new(b));
    for segment in segments {
        let (a_range, a_text) = cut_at(&mut in_a, starts, segment);
        let (b_range, b_text) = cut_at(&mut in_b, &b_starts, segment);
        let ops = match (a_text, b_text) {
            (Some(_), Some(_)) => clip_ops(ops, a_range, b_range),
            _ => Vec::new(),
        };
        each(segment, a_text, b_text, ops);
    }
}

/// Segment `n` of a wording whose segments start at `cuts` (the first at its start, the last
/// running to its end), trimmed of white space as [`trim_range`] trims: its character range
/// and its wording (`None` when blank).
fn cut_at<'t>(
    cursor: &mut CharCursor<'t>,
    cuts: &[usize],
    n: usize,
) -> (Range<usize>, Option<&'t str>) {
    let start = if n == 0 { 0 } else { cuts[n] };
    let end = cuts.get(n + 1).copied().unwrap_or(usize::MAX).max(start);
    let slice = cursor.slice(start..end);
    let after_leading = slice.trim_start();
    let kept = after_leading.trim_end();
    if kept.is_empty() {
        return (start..start, None);
    }
    let leading = slice[..slice.len() - after_leading.len()].chars().count();
    let trailing = after_leading[kept.len()..].chars().count();
    (start + leading..cursor.position() - trailing, Some(kept))
}

/// The cells of `segments` of a pair of wordings, each the part of their whole diff within it.
fn pair_rows(comparison: &Comparison, built: &Built, segments: Range<usize>) -> ComparisonResult {
    let mut result = ComparisonResult::default();
    for segment in segments {
        let mut row = vec![Cell::default(); 2];
        let (Some(Some(theirs)), Some(Some(own))) = (
            comparison.witnesses[0].segments.get(segment),
            comparison.witnesses[1].segments.get(segment),
        ) else {
            result.cells.push(row);
            continue;
        };
        let (a_range, b_range) = (&built.ranges[0][segment], &built.ranges[1][segment]);
        let ops = clip_ops(&built.ops[1], a_range.clone(), b_range.clone());
        let at = Place {
            segment,
            witness: 1,
            reference: 0,
        };
        let texts = (theirs.text.as_str(), own.text.as_str());
        mark_cell(&mut row, &mut result.differences, at, texts, ops, false);
        result.cells.push(row);
    }
    result
}

/// Where each of `positions` (characters of the first of `texts`, in increasing order) falls
/// in the second, by the operations of their diff, in one pass over `ops`. Insertions at a
/// boundary stay with the segment before it. Inside an equal operation whose two sides differ
/// in length (white space collapsed, punctuation ignored), a position is carried across by
/// the letters and digits before it, which both sides have alike: the start of a word maps to
/// the start of the same word, not to a place shifted by the white space between.
pub fn map_positions(ops: &[Op], positions: &[usize], (a, b): (&str, &str)) -> Vec<usize> {
    let mut mapped = Vec::with_capacity(positions.len());
    // The texts as the diff compared them: an editor's “[sic]” blanked out.
    let (a, b) = (diff::unmarked(a), diff::unmarked(b));
    let (mut in_a, mut in_b) = (CharCursor::new(&a), CharCursor::new(&b));
    let mut stepping: Option<(usize, InStep<'_>)> = None;
    let mut index = 0;
    for &position in positions {
        // Skip the insertions and the operations ending at or before the position (positions
        // increase, so they are skipped for good).
        while let Some(op) = ops.get(index) {
            if op.kind == OpKind::Insert || op.a.end <= position {
                index += 1;
            } else {
                break;
            }
        }
        mapped.push(match ops.get(index) {
            Some(op) if op.kind == OpKind::Equal => {
                if stepping.as_ref().is_none_or(|(at, _)| *at != index) {
                    let sides = (in_a.slice(op.a.clone()), in_b.slice(op.b.clone()));
                    stepping = Some((index, InStep::new(sides, (op.a.start, op.b.start))));
                }
                match &mut stepping {
                    Some((_, step)) => step.to(position),
                    None => op.b.start,
                }
            }
            Some(op) => op.b.start,
            None => ops.last().map_or(0, |op| op.b.end),
        });
    }
    mapped
}

/// The two sides of an equal operation walked in step, letter for letter (see
/// [`map_positions`]).
struct InStep<'t> {
    /// What is left of the first side, and the character it starts at.
    a: std::str::Chars<'t>,
    at_a: usize,
    /// What is left of the second side (just after the letter matching the last one passed
    /// in the first), and the character it starts at.
    b: &'t str,
    at_b: usize,
    /// The two sides are the same text: a position is the same offset in both.
    same: bool,
    /// Where the last position asked for fell, while no letter has been passed since.
    fell: Option<usize>,
}

impl<'t> InStep<'t> {
    fn new((a, b): (&'t str, &'t str), (at_a, at_b): (usize, usize)) -> Self {
        Self {
            a: a.chars(),
            at_a,
            b,
            at_b,
            same: a == b,
            fell: None,
        }
    }

    /// Where character `position` of the first side (at or after the last one asked for)
    /// falls in the second.
    fn to(&mut self, position: usize) -> usize {
        if self.same {
            return self.at_b + position.saturating_sub(self.at_a);
        }
        while self.at_a < position {
            let Some(ch) = self.a.next() else {
                break;
            };
            self.at_a += 1;
            if !ch.is_alphanumeric() {
                continue;
            }
            self.fell = None;
            // The second side past its next letter or digit, the same one.
            let mut passed = self.b.len();
            for (byte, other) in self.b.char_indices() {
                self.at_b += 1;
                if other.is_alphanumeric() {
                    passed = byte + other.len_utf8();
                    break;
                }
            }
            self.b = &self.b[passed..];
        }
        // Between that letter and the next one: after the last white space there, where the
        // next word (with any mark before it, such as a quotation mark) begins. Worked out once
        // for all the positions before the next letter.
        if let Some(fell) = self.fell {
            return fell;
        }
        let gap = &self.b[..self.b.find(char::is_alphanumeric).unwrap_or(self.b.len())];
        let fell = self.at_b
            + gap
                .char_indices()
                .rfind(|(_, ch)| ch.is_whitespace())
                .map_or(0, |(byte, _)| gap[..byte].chars().count() + 1);
        self.fell = Some(fell);
        fell
    }
}

/// The part of a whole text's `ops` within one segment, `a` and `b` its ranges in the two
/// texts, with ranges counted from the segment's start: an operation cut by the segment's
/// edges keeps what lies inside (an equal stretch with one side outside is a deletion or an
/// insertion there), so the parts cover the segment's two wordings exactly, in order.
fn clip_ops(ops: &[Op], a: Range<usize>, b: Range<usize>) -> Vec<Op> {
    let within = |range: &Range<usize>, bounds: &Range<usize>| {
        range.start.max(bounds.start)..range.end.min(bounds.end).max(range.start.max(bounds.start))
    };
    let point =
        |at: usize, bounds: &Range<usize>| at.clamp(bounds.start, bounds.end) - bounds.start;
    let local = |range: Range<usize>, bounds: &Range<usize>| {
        range.start - bounds.start..range.end - bounds.start
    };
    let first = ops.partition_point(|op| op.a.end <= a.start && op.b.end <= b.start);
    let mut clipped = Vec::new();
    for op in &ops[first..] {
        if op.a.start >= a.end && op.b.start >= b.end && !(a.is_empty() && b.is_empty()) {
            break;
        }
        let (in_a, in_b) = (within(&op.a, &a), within(&op.b, &b));
        let piece = match (op.kind, in_a.is_empty(), in_b.is_empty()) {
            (OpKind::Equal, false, false) => Op {
                kind: OpKind::Equal,
                a: local(in_a, &a),
                b: local(in_b, &b),
            },
            (OpKind::Equal | OpKind::Delete, false, _) => {
                let at = point(op.b.start, &b);
                Op {
                    kind: OpKind::Delete,
                    a: local(in_a, &a),
                    b: at..at,
                }
            }
            (OpKind::Equal | OpKind::Insert, _, false) => {
                let at = point(op.a.start, &a);
                Op {
                    kind: OpKind::Insert,
                    a: at..at,
                    b: local(in_b, &b),
                }
            }
            _ => continue,
        };
        clipped.push(piece);
    }
    clipped
}

fn trim_range(text: &CharIndex<'_>, range: Range<usize>) -> Range<usize> {
    let slice = text.slice(range.clone());
    let leading = slice.chars().take_while(|c| c.is_whitespace()).count();
    let length = slice.chars().count();
    if leading == length {
        return range.start..range.start;
    }
    let trailing = slice
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    range.start + leading..range.end - trailing
}

/// Splits a wording into segments: its paragraphs (non-blank lines), or its sentences when it
/// is one paragraph. Returns their character ranges (trimmed) and names.
pub fn segment(text: &str) -> (Vec<Range<usize>>, Vec<String>) {
    let index = CharIndex::new(text);
    let mut paragraphs = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let length = line.chars().count();
        let range = trim_range(&index, offset..offset + length);
        if !range.is_empty() {
            paragraphs.push(range);
        }
        offset += length + 1;
    }
    if paragraphs.len() >= 2 {
        let labels = paragraphs
            .iter()
            .enumerate()
            .map(|(n, r)| clause_number(index.slice(r.clone())).unwrap_or(format!("¶ {}", n + 1)))
            .collect();
        return (paragraphs, labels);
    }
    let mut sentences = Vec::new();
    let mut offset = 0;
    for sentence in text.split_sentence_bounds() {
        let length = sentence.chars().count();
        let range = trim_range(&index, offset..offset + length);
        if !range.is_empty() {
            sentences.push(range);
        }
        offset += length;
    }
    if sentences.len() >= 2 {
        let labels = (1..=sentences.len())
            .map(|n| format!("Sentence {n}"))
            .collect();
        return (sentences, labels);
    }
    let whole = trim_range(&index, 0..index.len());
    (vec![whole], vec!["Passage".into()])
}

/// "Clause 3" for a paragraph opening "3." or "3)".
fn clause_number(paragraph: &str) -> Option<String> {
    let digits: String = paragraph.chars().take_while(char::is_ascii_digit).collect();
    let next = paragraph.chars().nth(digits.chars().count());
    (!digits.is_empty() && digits.len() <= 3 && matches!(next, Some('.' | ')')))
        .then(|| format!("Clause {digits}"))
}

/// One witness in one segment, compared with its reference.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// The witness it is marked against.
    pub reference: Option<usize>,
    /// The diff of the reference's wording (first) against this one's (second).
    pub ops: Vec<Op>,
    /// This wording's marks against its reference (inserted and changed words).
    pub marks: Vec<Marked>,
    /// This wording's marks against the first witness that refers to it (removed and changed
    /// words), so that a pair of columns reads like a printed apparatus.
    pub onward: Vec<Marked>,
    /// Words changed, removed and added against the reference.
    pub counts: DiffCounts,
}

/// A place where a witness differs from its reference, for stepping through differences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// Segment.
    pub segment: usize,
    /// The differing witness.
    pub witness: usize,
    /// Its reference.
    pub reference: usize,
    /// The witness's words there (characters of its segment; empty for a removal).
    pub range: Range<usize>,
    /// The reference's words there (empty for an addition).
    pub reference_range: Range<usize>,
}

/// A computed comparison: a cell per segment and witness.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ComparisonResult {
    /// `cells[segment][witness]`.
    pub cells: Vec<Vec<Cell>>,
    /// Every difference, in reading order (segment, then witness).
    pub differences: Vec<Difference>,
}

impl ComparisonResult {
    /// The word counts of one witness against its references, over all segments.
    pub fn totals(&self, witness: usize) -> DiffCounts {
        let mut total = DiffCounts::default();
        for row in &self.cells {
            if let Some(cell) = row.get(witness) {
                total.add(cell.counts);
            }
        }
        total
    }
}

/// Computes every cell; a long comparison computes the halves of its segments at once.
pub fn compute_all(
    comparison: &Comparison,
    normalization: &Normalization,
    reference: Reference,
) -> ComparisonResult {
    let total = comparison.segments.len();
    let size: usize = comparison
        .witnesses
        .iter()
        .flat_map(|w| w.segments.iter().flatten())
        .map(|s| s.text.len())
        .sum();
    let parallel = worth_two_halves(size, total);
    if !parallel {
        return compute(comparison, normalization, reference, &mut |_, _| true).unwrap_or_default();
    }
    // The segments cut where half the text lies before.
    let mut so_far = 0;
    let half = (0..total)
        .find(|&segment| {
            so_far += comparison
                .witnesses
                .iter()
                .filter_map(|w| w.segments.get(segment).and_then(Option::as_ref))
                .map(|s| s.text.len())
                .sum::<usize>();
            so_far * 2 >= size
        })
        .map_or(total / 2, |segment| (segment + 1).min(total - 1));
    in_two_halves(half, total, |segments| {
        compute_rows(
            comparison,
            normalization,
            reference,
            segments,
            &mut |_, _| true,
        )
        .unwrap_or_default()
    })
}

/// The rows of segments `0..half` and `half..total`, computed at once and joined in order.
fn in_two_halves(
    half: usize,
    total: usize,
    rows: impl Fn(Range<usize>) -> ComparisonResult + Sync,
) -> ComparisonResult {
    let (mut first, second) = rayon::join(|| rows(0..half), || rows(half..total));
    first.cells.extend(second.cells);
    first.differences.extend(second.differences);
    first
}

/// Whether work on wordings of `bytes` (and of more than one segment) is worth cutting in two
/// halves done at once (on rayon's pool, when it has more than one thread).
pub(crate) fn worth_two_halves(bytes: usize, segments: usize) -> bool {
    bytes > PARALLEL_SIZE && segments > 1 && rayon::current_num_threads() > 1
}

/// Above this many bytes of wordings, [`compute_all`] computes two halves at once.
const PARALLEL_SIZE: usize = 200_000;

/// Computes every cell. `progress(done, total)` is called after each segment; when it returns
/// false the work stops and `None` is returned (the reader cancelled).
pub fn compute(
    comparison: &Comparison,
    normalization: &Normalization,
    reference: Reference,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Option<ComparisonResult> {
    let total = comparison.segments.len();
    compute_rows(comparison, normalization, reference, 0..total, progress)
}

/// The cells of `segments`, and their differences; `progress(done, total)` after each
/// segment, `None` when it returns false.
fn compute_rows(
    comparison: &Comparison,
    normalization: &Normalization,
    reference: Reference,
    segments: Range<usize>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Option<ComparisonResult> {
    let mut result = ComparisonResult::default();
    let total = comparison.segments.len();
    for segment in segments {
        let row = compute_row(
            comparison,
            normalization,
            reference,
            segment,
            &mut result.differences,
        );
        result.cells.push(row);
        if !progress(segment + 1, total) {
            return None;
        }
    }
    Some(result)
}

/// The cells of one segment; its differences are added to `differences`.
fn compute_row(
    comparison: &Comparison,
    normalization: &Normalization,
    reference: Reference,
    segment: usize,
    differences: &mut Vec<Difference>,
) -> Vec<Cell> {
    let witnesses = &comparison.witnesses;
    let mut row = vec![Cell::default(); witnesses.len()];
    for witness in 0..witnesses.len() {
        let Some(reference) = comparison.reference(witness, segment, reference) else {
            continue;
        };
        let (Some(Some(own)), Some(Some(theirs))) = (
            witnesses[witness].segments.get(segment),
            witnesses[reference].segments.get(segment),
        ) else {
            continue;
        };
        let ops = diff_past_numbering(&theirs.text, &own.text, normalization);
        let at = Place {
            segment,
            witness,
            reference,
        };
        mark_cell(
            &mut row,
            differences,
            at,
            (&theirs.text, &own.text),
            ops,
            true,
        );
    }
    row
}

/// Where a cell is: its segment, its witness and the witness it is marked against.
#[derive(Clone, Copy)]
struct Place {
    segment: usize,
    witness: usize,
    reference: usize,
}

/// Fills the cell at `at` in `row` from the diff `ops` of the reference's wording `theirs`
/// against `own`: its counts, with `with_marks` its marks and the reference's marks onward
/// (for the first witness that refers to it), and its differences added to `differences`.
fn mark_cell(
    row: &mut [Cell],
    differences: &mut Vec<Difference>,
    at: Place,
    (theirs, own): (&str, &str),
    ops: Vec<Op>,
    with_marks: bool,
) {
    let (reference_marks, marks, counts) = if with_marks {
        diff::marks(theirs, own, &ops)
    } else {
        (Vec::new(), Vec::new(), diff::counts(theirs, own, &ops))
    };
    if row[at.reference].onward.is_empty() && !row.iter().any(|c| c.reference == Some(at.reference))
    {
        row[at.reference].onward = reference_marks;
    }
    differences.extend(sites(&ops).into_iter().map(|(a, b)| Difference {
        segment: at.segment,
        witness: at.witness,
        reference: at.reference,
        range: b,
        reference_range: a,
    }));
    row[at.witness] = Cell {
        reference: Some(at.reference),
        ops,
        marks,
        onward: std::mem::take(&mut row[at.witness].onward),
        counts,
    };
}

/// How many characters at the start of a wording are its number ("1. ", "2) ", "IV. "), with
/// the spaces after it (no-break ones too); 0 when it has none. An initial ("V. I. Lenin") and
/// a year ("1923. Moscow") are not numbers of clauses.
pub fn numbering_len(text: &str) -> usize {
    let label: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X'))
        .collect();
    let all_digits = label.chars().all(|c| c.is_ascii_digit());
    let all_roman = label.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    let fits = if all_digits {
        label.len() <= 3
    } else {
        all_roman && label.len() <= 4
    };
    if label.is_empty() || !fits {
        return 0;
    }
    let mut rest = text[label.len()..].chars();
    if !matches!(rest.next(), Some('.' | ')')) {
        return 0;
    }
    let after: String = rest.clone().collect();
    let spaces = after.chars().take_while(|c| c.is_whitespace()).count();
    if spaces == 0 {
        return 0; // "1.5" or "I.e." is not a number of a clause
    }
    // "V. I. Lenin": a Roman letter before an initial is an initial too.
    let next: Vec<char> = after.chars().skip(spaces).take(2).collect();
    if all_roman && next.len() == 2 && next[0].is_uppercase() && next[1] == '.' {
        return 0;
    }
    label.len() + 1 + spaces
}

/// The byte where character `n` of `text` starts (its length when it has fewer).
fn byte_of(text: &str, n: usize) -> usize {
    text.char_indices()
        .nth(n)
        .map_or(text.len(), |(byte, _)| byte)
}

/// The diff of two wordings of a segment, leaving out the clause numbers they open with: a
/// witness numbered "1." and one quoted without its number say the same words.
fn diff_past_numbering(a: &str, b: &str, normalization: &Normalization) -> Vec<Op> {
    let (skip_a, skip_b) = (numbering_len(a), numbering_len(b));
    if skip_a == 0 && skip_b == 0 {
        return diff::diff(a, b, normalization);
    }
    let mut ops = vec![Op {
        kind: OpKind::Equal,
        a: 0..skip_a,
        b: 0..skip_b,
    }];
    let (rest_a, rest_b) = (&a[byte_of(a, skip_a)..], &b[byte_of(b, skip_b)..]);
    ops.extend(
        diff::diff(rest_a, rest_b, normalization)
            .into_iter()
            .map(|op| Op {
                kind: op.kind,
                a: op.a.start + skip_a..op.a.end + skip_a,
                b: op.b.start + skip_b..op.b.end + skip_b,
            }),
    );
    ops
}

/// The places where two wordings differ: each run of removals and additions, as ranges into
/// the first and second wording.
pub fn sites(ops: &[Op]) -> Vec<(Range<usize>, Range<usize>)> {
    let mut sites: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut previous_changed = false;
    for op in ops {
        let changed = op.kind != OpKind::Equal;
        if changed {
            match sites.last_mut() {
                Some((a, b)) if previous_changed => {
                    a.end = op.a.end;
                    b.end = op.b.end;
                }
                _ => sites.push((op.a.clone(), op.b.clone())),
            }
        }
        previous_changed = changed;
    }
    sites
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
    /// When it was made (RFC 3339).
    pub created: String,
    /// When it was last changed (RFC 3339).
    pub modified: String,
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
        now: &str,
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
            created: now.into(),
            modified: now.into(),
            carried_from: None,
        }
    }

    /// What the note is about, in a line: "“unification …” for “entry …” (Lenin … against …)".
    pub fn subject(&self) -> String {
        match (&self.witness, &self.reference) {
            (Some(witness), Some(reference)) => {
                let shown = |q: &str| {
                    if q.is_empty() {
                        "nothing".to_owned()
                    } else {
                        format!("“{q}”")
                    }
                };
                format!(
                    "{} for {} ({witness} against {reference})",
                    shown(&self.quote),
                    shown(&self.reference_quote)
                )
            }
            (Some(witness), None) if !self.quote.is_empty() => {
                format!("“{}” in {witness}", self.quote)
            }
            _ => format!("Segment {}", self.segment_label),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_compared_with_one_diff_has_cells_that_rebuild_both_wordings() {
        use crate::model::diff::slice_chars;
        use crate::model::generate::{SplitMix64, edited, paragraphs};
        let mut rng = SplitMix64::new(9);
        for round in 0..40 {
            let a = paragraphs(round, rng.range(200, 20_000)).join("\n\n");
            // Words edited, and now and then a paragraph joined to the next or split.
            let mut b = edited(&a, round + 100, rng.range(0, 60));
            if round % 3 == 0 {
                b = b.replacen("\n\n", " ", 2);
            }
            if round % 4 == 0 {
                b = b.replacen(". ", ".\n\n", 3);
            }
            for normalization in [Normalization::default(), Normalization::wording()] {
                let inputs = vec![WordingInput::pasted("A", &a), WordingInput::pasted("B", &b)];
                let alone =
                    Comparison::from_wordings("p", "p", inputs.clone(), &normalization).unwrap();
                let [first, second] = <[WordingInput; 2]>::try_from(inputs).unwrap();
                let (comparison, result) =
                    Comparison::compared_pair("p", "p", first, second, &normalization).unwrap();
                assert_eq!(comparison, alone, "the same segments as from_wordings");
                assert_eq!(result.cells.len(), comparison.segments.len());
                for (segment, row) in result.cells.iter().enumerate() {
                    let (Some(Some(theirs)), Some(Some(own))) = (
                        comparison.witnesses[0].segments.get(segment),
                        comparison.witnesses[1].segments.get(segment),
                    ) else {
                        continue;
                    };
                    let ops = &row[1].ops;
                    let rebuilt_a: String = ops
                        .iter()
                        .filter(|op| op.kind != OpKind::Insert)
                        .map(|op| slice_chars(&theirs.text, op.a.clone()))
                        .collect();
                    let rebuilt_b: String = ops
                        .iter()
                        .filter(|op| op.kind != OpKind::Delete)
                        .map(|op| slice_chars(&own.text, op.b.clone()))
                        .collect();
                    assert_eq!(rebuilt_a, theirs.text, "round {round}, segment {segment}");
                    assert_eq!(rebuilt_b, own.text, "round {round}, segment {segment}");
                }
                if a == b {
                    assert!(result.differences.is_empty());
                }
            }
        }
    }

    /// Where the texts' only difference is white space or ignored punctuation, the start
    /// of each word maps to the start of the same word, even where one text joined two
    /// paragraphs; positions past the end map to the end, and nothing maps to nothing.
    #[test]
    fn the_start_of_a_word_maps_to_the_start_of_the_same_word() {
        use crate::model::generate::paragraphs;
        let a = paragraphs(3, 30_000).join("\n\n");
        let b = a
            .replacen("\n\n", " ", 5)
            .replacen(", ", " — ", 40)
            .replacen(". ", ".   ", 40);
        let wording = Normalization::wording();
        let ops = diff::diff(&a, &b, &wording);
        assert!(ops.iter().all(|op| op.kind == OpKind::Equal), "{ops:?}");
        let chars: Vec<char> = a.chars().collect();
        let starts: Vec<usize> = (1..chars.len())
            .filter(|&n| chars[n - 1].is_whitespace() && chars[n].is_alphanumeric())
            .collect();
        let mapped = map_positions(&ops, &starts, (&a, &b));
        let b_chars: Vec<char> = b.chars().collect();
        let word_at = |text: &[char], n: usize| -> String {
            text[n..]
                .iter()
                .take_while(|c| c.is_alphanumeric())
                .collect()
        };
        for (&start, &there) in starts.iter().zip(&mapped) {
            assert!(
                there == 0 || b_chars[there - 1].is_whitespace(),
                "{start} → {there}"
            );
            assert_eq!(
                word_at(&chars, start),
                word_at(&b_chars, there),
                "{start} → {there}"
            );
        }
        let length = b_chars.len();
        assert_eq!(map_positions(&ops, &[chars.len() + 3], (&a, &b)), [length]);
        assert_eq!(map_positions(&[], &[0, 5], ("", "")), [0, 0]);
    }

    /// An editor's “[sic]”, which the diff passes over, is no letter to carry a position by;
    /// and where punctuation moved inside an equal stretch, a word's start still maps to the
    /// start of the word.
    #[test]
    fn a_sic_or_moved_punctuation_does_not_shift_a_mapped_position() {
        let wording = Normalization::wording();
        for (a, b, word) in [
            (
                "He wrote teh [sic] word.\n\nNext para.",
                "He wrote teh word. Next para.",
                "Next",
            ),
            ("a.\n\nbc d", "a\n\nb.c d", "b.c"),
        ] {
            let ops = diff::diff(a, b, &wording);
            assert!(ops.iter().all(|op| op.kind == OpKind::Equal), "{ops:?}");
            let start = a.chars().count() - a.rsplit("\n\n").next().unwrap().chars().count();
            let there = map_positions(&ops, &[start], (a, b))[0];
            assert!(
                slice_chars(b, there..there + 10).starts_with(word),
                "{a:?} → {there}"
            );
        }
    }

    /// A paragraph of the first text that the second joined to the one before starts its
    /// row with its first word in both: nothing is marked where only the break changed.
    #[test]
    fn a_joined_paragraph_is_no_difference_in_its_row() {
        let a = "I do not think we did so.\n\nI think that haste played a role.";
        let b = "I do not think we did so. I believe that haste played a role.";
        let pair = (WordingInput::pasted("A", a), WordingInput::pasted("B", b));
        let (comparison, result) =
            Comparison::compared_pair("p", "t", pair.0, pair.1, &Normalization::wording()).unwrap();
        let rows: Vec<Option<&str>> = comparison.witnesses[1]
            .segments
            .iter()
            .map(|s| s.as_ref().map(|s| s.text.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                Some("I do not think we did so."),
                Some("I believe that haste played a role.")
            ]
        );
        assert_eq!(result.differences.len(), 1, "{:?}", result.differences);
    }

    #[test]
    fn a_long_comparison_computed_on_two_threads_is_the_one_computed_on_one() {
        use crate::model::generate::{edited, paragraphs};
        let a = paragraphs(5, 300_000).join("\n\n");
        let b = edited(&a, 6, 20);
        let c = edited(&b, 7, 20);
        let comparison = Comparison::from_wordings(
            "long",
            "long",
            vec![
                WordingInput::pasted("A", &a),
                WordingInput::pasted("B", &b),
                WordingInput::pasted("C", &c),
            ],
            &Normalization::wording(),
        )
        .unwrap();
        assert!(comparison.segments.len() > 100);
        for reference in [Reference::Previous, Reference::Base(0)] {
            let one = compute(
                &comparison,
                &Normalization::wording(),
                reference,
                &mut |_, _| true,
            )
            .unwrap();
            let two = compute_all(&comparison, &Normalization::wording(), reference);
            assert_eq!(one.cells.len(), comparison.segments.len());
            assert!(!one.differences.is_empty());
            assert!(one == two, "{reference:?}");
        }
    }

    fn pasted(texts: &[&str]) -> Comparison {
        let inputs = texts
            .iter()
            .enumerate()
            .map(|(n, t)| WordingInput::pasted(&format!("W{n}"), t))
            .collect();
        Comparison::from_wordings("c", "test", inputs, &Normalization::wording()).unwrap()
    }

    #[test]
    fn paragraphs_align_and_each_witness_keeps_all_its_words() {
        let a = "1. First clause of the draft.\n\n2. Second clause, unchanged.\n\n3. Third.";
        let b = "1. First clause of the amended draft.\n\n2. Second clause, unchanged.\n\n3. Third and last.";
        let comparison = pasted(&[a, b]);
        assert_eq!(comparison.segments, ["Clause 1", "Clause 2", "Clause 3"]);
        let second: Vec<&str> = comparison.witnesses[1]
            .segments
            .iter()
            .map(|s| s.as_ref().map_or("", |s| s.text.as_str()))
            .collect();
        assert_eq!(
            second,
            [
                "1. First clause of the amended draft.",
                "2. Second clause, unchanged.",
                "3. Third and last."
            ]
        );
        let result = compute_all(&comparison, &Normalization::wording(), Reference::Previous);
        assert_eq!(result.cells[1][1].counts, DiffCounts::default());
        assert_eq!(result.cells[0][1].counts.inserted, 1);
        assert_eq!(result.cells[2][1].counts.inserted, 2);
        assert_eq!(result.differences.len(), 2);
    }

    #[test]
    fn one_paragraph_is_cut_into_sentences_and_insertions_stay_with_the_sentence_before() {
        let a = "We consider ourselves equal. We enter a new union.";
        let b = "We consider ourselves equal, truly. We enter a new federation.";
        let comparison = pasted(&[a, b]);
        assert_eq!(comparison.segments, ["Sentence 1", "Sentence 2"]);
        let texts: Vec<&str> = comparison.witnesses[1]
            .segments
            .iter()
            .map(|s| s.as_ref().map_or("", |s| s.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                "We consider ourselves equal, truly.",
                "We enter a new federation."
            ]
        );
    }

    #[test]
    fn a_witness_with_nothing_for_a_segment_leaves_it_empty() {
        let a = "Opening words.\n\nA paragraph only the first has.\n\nClosing words.";
        let b = "Opening words.\n\nClosing words.";
        let comparison = pasted(&[a, b]);
        assert!(comparison.witnesses[1].segments[1].is_none());
        assert_eq!(
            comparison.witnesses[1].segments[2]
                .as_ref()
                .map(|s| s.text.as_str()),
            Some("Closing words.")
        );
    }

    #[test]
    fn passages_of_texts_remember_where_each_segment_starts() {
        let inputs = vec![
            WordingInput {
                source: Some(("t1".into(), 100)),
                ..WordingInput::pasted("A", "One.\nTwo.")
            },
            WordingInput {
                source: Some(("t2".into(), 7)),
                ..WordingInput::pasted("B", "One.\nTwo!")
            },
        ];
        let comparison =
            Comparison::from_wordings("c", "t", inputs, &Normalization::default()).unwrap();
        let second = comparison.witnesses[1].segments[1].as_ref().unwrap();
        assert_eq!(
            (second.source_text.as_deref(), second.at),
            (Some("t2"), Some(12))
        );
    }

    #[test]
    fn references_follow_language_and_skip_summaries_and_gaps() {
        let witness = |language: &str, status, segments: Vec<Option<&str>>| Witness {
            label: language.into(),
            author: String::new(),
            date: String::new(),
            source: String::new(),
            status,
            language: language.into(),
            remark: String::new(),
            segments: segments
                .into_iter()
                .map(|s| {
                    s.map(|t| SegmentText {
                        text: t.into(),
                        source_text: None,
                        at: None,
                    })
                })
                .collect(),
        };
        let comparison = Comparison {
            id: "c".into(),
            title: "t".into(),
            description: String::new(),
            start_screen: None,
            segments: vec!["1".into(), "2".into()],
            witnesses: vec![
                witness("ru", WitnessStatus::Original, vec![Some("а"), Some("б")]),
                witness("en", WitnessStatus::Translation, vec![Some("a"), Some("b")]),
                witness("ru", WitnessStatus::Original, vec![None, Some("в")]),
                witness("ru", WitnessStatus::Original, vec![Some("г"), Some("д")]),
                witness("en", WitnessStatus::Summary, vec![Some("x"), None]),
            ],
        };
        assert_eq!(comparison.reference(0, 0, Reference::Previous), None);
        assert_eq!(comparison.reference(2, 1, Reference::Previous), Some(0));
        assert_eq!(comparison.reference(3, 0, Reference::Previous), Some(0));
        assert_eq!(comparison.reference(3, 1, Reference::Previous), Some(2));
        assert_eq!(comparison.reference(4, 0, Reference::Previous), None);
        // A chosen base marks the witnesses of its own language only.
        assert_eq!(comparison.reference(1, 0, Reference::Base(3)), None);
        assert_eq!(comparison.reference(0, 0, Reference::Base(3)), Some(3));
        assert_eq!(comparison.reference(3, 0, Reference::Base(3)), None);
    }

    #[test]
    fn too_few_witnesses_or_an_empty_one_is_refused_with_a_reason() {
        let one = vec![WordingInput::pasted("A", "text")];
        assert_eq!(
            Comparison::from_wordings("c", "t", one, &Normalization::default()),
            Err(ComparisonError::WitnessCount(1))
        );
        let empty = vec![
            WordingInput::pasted("A", "text"),
            WordingInput::pasted("B", "  "),
        ];
        let err =
            Comparison::from_wordings("c", "t", empty, &Normalization::default()).unwrap_err();
        assert!(err.to_string().contains("“B” is empty"), "{err}");
    }

    #[test]
    fn a_note_on_a_difference_quotes_both_wordings() {
        let comparison = pasted(&["on the formal entry", "on formal unification"]);
        let result = compute_all(&comparison, &Normalization::wording(), Reference::Previous);
        let difference = result.differences.last().unwrap();
        let note = ComparisonNote::new(
            "n1".into(),
            &comparison,
            0,
            Some(difference),
            "2026-11-27T00:00:00Z",
        );
        assert_eq!(
            (note.quote.as_str(), note.reference_quote.as_str()),
            ("unification", "entry")
        );
        assert_eq!(note.subject(), "“unification” for “entry” (W1 against W0)");
        let whole = ComparisonNote::new("n2".into(), &comparison, 0, None, "2026-11-27T00:00:00Z");
        assert_eq!(whole.subject(), "Segment Passage");
    }

    #[test]
    fn a_long_comparison_keeps_only_its_annotated_segments_with_the_notes() {
        let text: String = (0..10)
            .map(|n| {
                let words: String = (0..1_000).map(|i| format!("w{n}x{i} ")).collect();
                format!("{n}. {words}\n")
            })
            .collect();
        let comparison = pasted(&[&text, &text.replace("x7 ", "y7 ")]);
        assert_eq!(comparison.segments.len(), 10);
        let annotated = std::collections::BTreeSet::from([3]);
        let kept = comparison.kept_for_notes(&annotated);
        for witness in &kept.witnesses {
            assert!(witness.segments[3].is_some());
            assert_eq!(witness.segments.iter().flatten().count(), 1);
        }
        assert!(kept.description.contains("only the segments with notes"));
        assert_eq!(
            kept.segments, comparison.segments,
            "segment numbers stay valid"
        );
        let small = pasted(&["a. b.", "a. c."]);
        assert_eq!(small.kept_for_notes(&annotated), small);
        // What was kept is known, so that a later cut keeps it too.
        assert_eq!(kept.kept_segments(), annotated);
        assert_eq!(comparison.kept_segments().len(), 10);
        let mut more = kept.kept_segments();
        more.insert(7);
        let again = comparison.kept_for_notes(&more);
        assert_eq!(
            again.kept_segments(),
            std::collections::BTreeSet::from([3, 7])
        );
    }

    #[test]
    fn cancelling_stops_the_work() {
        let comparison = pasted(&["A. B. C.", "A. B. D."]);
        let mut calls = 0;
        let result = compute(
            &comparison,
            &Normalization::default(),
            Reference::Previous,
            &mut |_, _| {
                calls += 1;
                false
            },
        );
        assert_eq!((result, calls), (None, 1));
    }
}

#[cfg(test)]
mod numbering_and_languages {
    use super::*;
    use crate::bundled::bundled_comparisons;

    fn clause_1() -> Comparison {
        bundled_comparisons()
            .into_iter()
            .find(|c| c.id == "clause-1")
            .expect("the Clause 1 comparison is bundled")
    }

    #[test]
    fn a_clause_number_is_not_a_difference() {
        assert_eq!(numbering_len("1. Признать"), 3);
        assert_eq!(numbering_len("IV) To"), 4);
        assert_eq!(numbering_len("1.5 per cent"), 0);
        assert_eq!(numbering_len("It is"), 0);
        assert_eq!(numbering_len("I. e."), 3);
        // A no-break space after the number (a page's &nbsp;) is a space: no panic, counted.
        assert_eq!(numbering_len("1.\u{a0}Признать"), 3);
        assert_eq!(numbering_len("1)\u{a0}\u{2003}x"), 4);
        let ops = diff_past_numbering("1.\u{a0}Признать", "Признать", &Normalization::wording());
        assert!(ops.iter().all(|op| op.kind == OpKind::Equal), "{ops:?}");
        // Initials and years are not numbers of clauses.
        assert_eq!(numbering_len("V. I. Lenin"), 0);
        assert_eq!(numbering_len("I. V. Stalin"), 0);
        assert_eq!(numbering_len("1923. Moscow"), 0);
        assert_eq!(numbering_len("IV. To"), 4);
        let wording = Normalization::wording();
        let ops = diff_past_numbering(
            "1. Признать целесообразным",
            "Признать целесообразным",
            &wording,
        );
        assert!(ops.iter().all(|op| op.kind == OpKind::Equal), "{ops:?}");
        // In Clause 1, Stalin's draft opens "1." and the revised draft does not: the first
        // difference between them is a word, not the number.
        let comparison = clause_1();
        let result = compute(&comparison, &wording, Reference::Previous, &mut |_, _| true)
            .expect("not cancelled");
        let revised = &comparison.witnesses[2].segments[0].as_ref().unwrap().text;
        let first = result
            .differences
            .iter()
            .find(|d| d.witness == 2)
            .expect("the revised draft differs");
        let stalin = &comparison.witnesses[0].segments[0].as_ref().unwrap().text;
        assert_ne!(
            slice_chars(stalin, first.reference_range.clone()).trim(),
            "1."
        );
        assert!(!revised.starts_with("1."));
    }

    #[test]
    fn a_witness_made_from_a_translated_text_is_a_translation_and_names_its_translator() {
        let library = crate::bundled::bundled_library();
        let kamenev = library.get("lenin-1922-09-26-kamenev").unwrap();
        assert_eq!(kamenev.meta().translator.as_deref(), Some("Bernard Isaacs"));
        let inputs = vec![
            WordingInput::from_text(kamenev, 0..200),
            WordingInput::pasted(
                "Mine",
                "Comrade Kamenev, Stalin has sent you the resolution.",
            ),
        ];
        let comparison =
            Comparison::from_wordings("c", "t", inputs, &Normalization::wording()).unwrap();
        let witness = &comparison.witnesses[0];
        assert_eq!(witness.status, WitnessStatus::Translation);
        assert_eq!(witness.status.label(), "translation");
        assert!(
            witness.remark.contains("Bernard Isaacs"),
            "{}",
            witness.remark
        );
        assert_eq!(comparison.witnesses[1].status, WitnessStatus::Original);
    }

    #[test]
    fn witnesses_are_never_marked_against_another_language() {
        let comparison = clause_1();
        let russian = 0;
        for (witness, w) in comparison.witnesses.iter().enumerate() {
            let marked = comparison.reference(witness, 0, Reference::Base(russian));
            if w.language == "ru" && witness != russian && w.segments[0].is_some() {
                assert_eq!(marked, Some(russian), "{}", w.label);
            } else {
                assert_eq!(marked, None, "{} is not marked against Russian", w.label);
            }
        }
        let result = compute(
            &comparison,
            &Normalization::wording(),
            Reference::Base(russian),
            &mut |_, _| true,
        )
        .expect("not cancelled");
        assert!(result.differences.iter().all(|d| {
            comparison.witnesses[d.witness].language == comparison.witnesses[d.reference].language
        }));
    }

    /// A difference as the swapped comparison (witnesses in reverse order, `count` of them)
    /// has it: `mirror` when the pair is compared the other way round (each witness marked
    /// against the one before it), else the same pair in the same orientation (one base).
    fn swapped_difference(d: &Difference, count: usize, mirror: bool) -> Difference {
        let (witness, reference) = (count - 1 - d.witness, count - 1 - d.reference);
        if mirror {
            Difference {
                segment: d.segment,
                witness: reference,
                reference: witness,
                range: d.reference_range.clone(),
                reference_range: d.range.clone(),
            }
        } else {
            Difference {
                segment: d.segment,
                witness,
                reference,
                range: d.range.clone(),
                reference_range: d.reference_range.clone(),
            }
        }
    }

    fn sorted(mut differences: Vec<Difference>) -> Vec<Difference> {
        differences.sort_by_key(|d| {
            (
                d.segment,
                d.witness,
                d.reference,
                d.range.start,
                d.range.end,
                d.reference_range.start,
                d.reference_range.end,
            )
        });
        differences
    }

    /// Checks that `swapped` (the witnesses of `comparison` in reverse order) computed with
    /// `swapped_reference` has the same differences as `comparison` with `reference`, seen
    /// from the other side when `mirror`, and in each segment the same summaries, with
    /// removed and added words traded when `mirror`.
    fn assert_swap_keeps_counts(
        comparison: &Comparison,
        (reference, swapped_reference): (Reference, Reference),
        mirror: bool,
        normalization: &Normalization,
    ) {
        let count = comparison.witnesses.len();
        let swapped = comparison.swapped();
        let before = compute_all(comparison, normalization, reference);
        let after = compute_all(&swapped, normalization, swapped_reference);
        assert_eq!(
            before.differences.len(),
            after.differences.len(),
            "{} differences, {} after the swap ({normalization:?})",
            before.differences.len(),
            after.differences.len(),
        );
        let expected: Vec<Difference> = before
            .differences
            .iter()
            .map(|d| swapped_difference(d, count, mirror))
            .collect();
        assert_eq!(sorted(expected), sorted(after.differences.clone()));
        for (segment, row) in before.cells.iter().enumerate() {
            let mut summaries = Vec::new();
            for (witness, cell) in row.iter().enumerate() {
                let Some(reference) = cell.reference else {
                    continue;
                };
                let (witness, reference) = (count - 1 - witness, count - 1 - reference);
                let twin = &after.cells[segment];
                if mirror {
                    assert_eq!(twin[reference].reference, Some(witness));
                    assert_eq!(twin[reference].ops, diff::mirrored(&cell.ops));
                    assert_eq!(twin[reference].counts, cell.counts.mirrored());
                    assert_eq!(twin[reference].counts.changed, cell.counts.changed);
                    summaries.push(cell.counts.mirrored().summary());
                } else {
                    assert_eq!(twin[witness].reference, Some(reference));
                    assert_eq!(twin[witness].ops, cell.ops);
                    assert_eq!(twin[witness].counts, cell.counts);
                    summaries.push(cell.counts.summary());
                }
            }
            let mut swapped_summaries: Vec<String> = after.cells[segment]
                .iter()
                .filter(|cell| cell.reference.is_some())
                .map(|cell| cell.counts.summary())
                .collect();
            summaries.sort();
            swapped_summaries.sort();
            assert_eq!(
                summaries, swapped_summaries,
                "{}",
                comparison.segments[segment]
            );
        }
    }

    /// The window's "Swap witnesses" reverses the witnesses and computes again: the number
    /// of differences and every segment's summaries stay, removed and added traded where a
    /// pair is now compared the other way round.
    #[test]
    fn swapping_the_witnesses_of_clause_1_keeps_every_count() {
        let comparison = clause_1();
        let last = comparison.witnesses.len() - 1;
        for (_, normalization) in diff::PROFILES {
            let before = compute_all(&comparison, &normalization, Reference::Previous);
            assert!(!before.differences.is_empty());
            assert!(before.cells.iter().flatten().any(|c| c.counts.deleted > 0));
            assert_swap_keeps_counts(
                &comparison,
                (Reference::Previous, Reference::Previous),
                true,
                &normalization,
            );
            // A base the reader chose stays the base (the window renumbers it).
            for base in [0, 3] {
                assert_swap_keeps_counts(
                    &comparison,
                    (Reference::Base(base), Reference::Base(last - base)),
                    false,
                    &normalization,
                );
            }
        }
    }

    /// Any two witnesses of Clause 1 in one language, in either order: the same differences
    /// seen from the other side, removed and added traded in each segment's summary.
    #[test]
    fn each_pair_of_clause_1_in_either_order_has_the_same_differences() {
        let comparison = clause_1();
        let witnesses = &comparison.witnesses;
        for first in 0..witnesses.len() {
            for second in first + 1..witnesses.len() {
                if witnesses[first].language != witnesses[second].language {
                    continue;
                }
                let pair = Comparison {
                    witnesses: vec![witnesses[first].clone(), witnesses[second].clone()],
                    ..comparison.clone()
                };
                for (_, normalization) in diff::PROFILES {
                    assert_swap_keeps_counts(
                        &pair,
                        (Reference::Previous, Reference::Previous),
                        true,
                        &normalization,
                    );
                }
            }
        }
    }
}
