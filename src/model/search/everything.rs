//! Search everything: one query over every kind of the reader's work — the texts, the notes
//! and tags of annotations, the notes on comparisons, and the wordings of comparisons (the
//! bundled ones' witnesses and the reader's own) — with one folding, and with the spellings of
//! the people and places the query names.
//!
//! Texts are searched through their folded copies ([`Folded`]), made once by the caller (the
//! window keeps them, off the UI thread); everything else is short and is folded together once
//! into a [`WorkIndex`] (the window keeps one for each revision of the notebook). A query that
//! names a person or place of the index (it is, word for word, one of its spellings or a part
//! of one: "Ordzhonikidze" of "Sergo Ordzhonikidze") also searches that entity's every other
//! spelling and Russian form, and the results say which ones were added.

use crate::model::text::CharRange;
use crate::model::text::TextId;
use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use super::{Folded, NotesIndex, Phrases, SearchOptions, context, fold_query};
use crate::model::annotation::Annotation;
use crate::model::comparison::{Comparison, ComparisonNote};
use crate::model::notebook::{Kind, Notebook};
use crate::model::people_places::Index;
use crate::model::text::Text;

/// Characters of context on each side of a match in its snippet.
pub const SNIPPET_AROUND: usize = 40;

/// The kinds of results, without their data: what a result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    /// A passage of a text of the library.
    TextPassage,
    /// The note of an annotation.
    AnnotationNote,
    /// A tag of an annotation.
    AnnotationTag,
    /// A note the reader wrote on a comparison.
    ComparisonNote,
    /// A witness's wording of one segment of a comparison.
    ComparisonWording,
}

impl HitKind {
    /// Every kind, in the order results are listed.
    pub const ALL: [Self; 5] = [
        Self::TextPassage,
        Self::AnnotationNote,
        Self::AnnotationTag,
        Self::ComparisonNote,
        Self::ComparisonWording,
    ];

    /// The kind in words, as a label of its results.
    pub fn label(self) -> &'static str {
        match self {
            Self::TextPassage => "Text",
            Self::AnnotationNote => "Annotation note",
            Self::AnnotationTag => "Annotation tag",
            Self::ComparisonNote => "Note on a comparison",
            Self::ComparisonWording => "Comparison wording",
        }
    }

    /// The kind in words, as the heading of a list of its results.
    pub fn heading(self) -> &'static str {
        match self {
            Self::TextPassage => "Texts",
            Self::AnnotationNote => "Annotation notes",
            Self::AnnotationTag => "Annotation tags",
            Self::ComparisonNote => "Notes on comparisons",
            Self::ComparisonWording => "Comparison wordings",
        }
    }
}

/// Where a result is, by kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// A passage of a text.
    TextPassage {
        /// The text.
        text_id: TextId,
        /// Its paragraph the match starts in (counted from 0).
        paragraph: usize,
        /// The match: characters of the text.
        range: CharRange,
    },
    /// The note of an annotation.
    AnnotationNote {
        /// The annotation.
        annotation_id: String,
        /// The text it annotates.
        text_id: TextId,
    },
    /// A tag of an annotation.
    AnnotationTag {
        /// The annotation.
        annotation_id: String,
        /// The text it annotates.
        text_id: TextId,
        /// The tag.
        tag: String,
    },
    /// A note on a comparison.
    ComparisonNote {
        /// The note.
        note_id: String,
        /// The comparison it is on.
        comparison_id: String,
        /// The comparison's title when the note was made.
        comparison_title: String,
        /// The segment it is on (counted from 0).
        segment: usize,
        /// The segment's name.
        segment_label: String,
    },
    /// A witness's wording of one segment of a comparison.
    ComparisonWording {
        /// The comparison.
        comparison_id: String,
        /// Its title.
        comparison_title: String,
        /// The segment (counted from 0).
        segment: usize,
        /// The segment's name.
        segment_label: String,
        /// The witness (counted from 0).
        witness: usize,
        /// The witness's label.
        witness_label: String,
    },
}

impl Place {
    /// What kind of result this is.
    pub fn kind(&self) -> HitKind {
        match self {
            Self::TextPassage { .. } => HitKind::TextPassage,
            Self::AnnotationNote { .. } => HitKind::AnnotationNote,
            Self::AnnotationTag { .. } => HitKind::AnnotationTag,
            Self::ComparisonNote { .. } => HitKind::ComparisonNote,
            Self::ComparisonWording { .. } => HitKind::ComparisonWording,
        }
    }

    /// Where it is, in words: "lenin-…-kamenev, paragraph 3", "Clause 1, § 2, witness
    /// “Stalin's draft”" (paragraphs and segments counted from 1, as a reader counts).
    pub fn describe(&self) -> String {
        match self {
            Self::TextPassage {
                text_id, paragraph, ..
            } => format!("{text_id}, paragraph {}", paragraph + 1),
            Self::AnnotationNote {
                annotation_id,
                text_id,
            } => format!("annotation {annotation_id} on {text_id}"),
            Self::AnnotationTag {
                annotation_id,
                text_id,
                tag,
            } => format!("tag “{tag}” of annotation {annotation_id} on {text_id}"),
            Self::ComparisonNote {
                note_id,
                comparison_id,
                segment,
                segment_label,
                ..
            } => format!(
                "note {note_id} on {comparison_id}, segment {} “{segment_label}”",
                segment + 1
            ),
            Self::ComparisonWording {
                comparison_id,
                segment,
                segment_label,
                witness_label,
                ..
            } => format!(
                "{comparison_id}, segment {} “{segment_label}”, witness “{witness_label}”",
                segment + 1
            ),
        }
    }
}

/// One result: where it is, and the line of context around the match.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// Where it is, which says its kind (`kind` in JSON).
    #[serde(flatten)]
    pub place: Place,
    /// The match with up to [`SNIPPET_AROUND`] characters on each side, line breaks as spaces.
    pub snippet: String,
    /// Where the match is in the snippet (characters).
    pub snippet_match: Range<usize>,
}

impl Hit {
    /// What kind of result this is.
    pub fn kind(&self) -> HitKind {
        self.place.kind()
    }
}

/// What one search found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The spellings searched besides the query, as the index writes them (the people and
    /// places the query names); empty when it names none.
    pub also_searched: Vec<String>,
    /// Each text with matches, in the order given: its id and the count of all its matches,
    /// listed or not.
    pub text_counts: Vec<(TextId, usize)>,
    /// The results: first the texts' passages (at most the limit asked for in each text, in
    /// order), then the annotation notes, the tags, the notes on comparisons and the
    /// comparisons' wordings, each at most once, in the order of the [`WorkIndex`].
    pub hits: Vec<Hit>,
}

/// The phrases one query searches: the query itself and the spellings of the people and
/// places it names, folded, none containing another (so that no match is found twice).
#[derive(Clone, Debug, Default)]
pub struct Needles {
    /// The folded phrases.
    folded: Vec<String>,
    /// The spellings added to the query, as the index writes them.
    also_searched: Vec<String>,
    /// The phrases grouped to be found together in a text.
    phrases: Phrases,
}

/// A spelling's words as searched: a Russian stem's `*` taken off (the folded stem then finds
/// every case ending as a plain substring).
fn without_stem_marks(spelling: &str) -> String {
    spelling
        .split_whitespace()
        .map(|word| word.strip_suffix('*').unwrap_or(word))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the folded `query` is, word for word, the folded `spelling` or its last words
/// ("Ordzhonikidze" of "Sergo Ordzhonikidze", "V. I. Lenin" of itself, but not "Sergo", an
/// initial or "the" of "the Caucasus", which name no one alone); a stem's word (ending in
/// `*`) is matched by any word it begins ("Сталина" by "Сталин*").
fn is_named_by(query: &[&str], spelling: &str) -> bool {
    let words: Vec<(String, bool)> = spelling
        .split_whitespace()
        .map(|word| match word.strip_suffix('*') {
            Some(stem) => (fold_query(stem, false), true),
            None => (fold_query(word, false), false),
        })
        .collect();
    // A word of a spelling may fold into several ("Great-Russian"): compare word by word.
    let words: Vec<(String, bool)> = words
        .into_iter()
        .flat_map(|(word, stem)| {
            word.split(' ')
                .map(|w| (w.to_owned(), stem))
                .collect::<Vec<_>>()
        })
        .filter(|(w, _)| !w.is_empty())
        .collect();
    if query.is_empty() || query.len() > words.len() {
        return false;
    }
    words[words.len() - query.len()..]
        .iter()
        .zip(query)
        .all(|((word, stem), q)| word == q || (*stem && q.starts_with(word.as_str())))
}

impl Needles {
    /// The phrases `query` searches: itself, and when it names people or places of `names` (is
    /// one of their spellings, names or Russian forms, or the last whole words of one) every
    /// spelling of theirs; folded as texts are folded for `match_case`. A Russian stem
    /// (`Дзержинск*`) is searched as the letters it begins with, so it finds every case
    /// ending, except with Whole words, which asks for the stem alone.
    pub fn new(query: &str, names: &Index, match_case: bool) -> Self {
        let base = fold_query(query, match_case);
        let mut needles = Self::default();
        if base.is_empty() {
            return needles;
        }
        let caseless = fold_query(query, false);
        let words: Vec<&str> = caseless.split(' ').collect();
        // (folded, as written) of every spelling of every entity the query names.
        let mut spellings: Vec<(String, String)> = Vec::new();
        for entity in names.entities() {
            let all = || {
                std::iter::once(&entity.name)
                    .chain(&entity.variants)
                    .chain(&entity.russian)
            };
            if !all().any(|spelling| is_named_by(&words, spelling)) {
                continue;
            }
            for spelling in all() {
                let folded = fold_query(&without_stem_marks(spelling), match_case);
                if !folded.is_empty() && !spellings.iter().any(|(f, _)| *f == folded) {
                    spellings.push((folded, spelling.clone()));
                }
            }
        }
        // The shortest first: a phrase that contains one already searched adds nothing.
        spellings.sort_by_key(|(folded, _)| folded.len());
        let mut searched: Vec<(String, Option<String>)> = vec![(base, None)];
        for (folded, spelling) in spellings {
            if searched.iter().any(|(s, _)| folded.contains(s.as_str())) {
                continue;
            }
            // It finds every match of a longer phrase already there (the query itself, say).
            searched.retain(|(s, _)| !s.contains(folded.as_str()));
            searched.push((folded, Some(spelling)));
        }
        for (folded, spelling) in searched {
            if let Some(spelling) = spelling
                && fold_query(&spelling, false) != caseless
            {
                needles.also_searched.push(spelling);
            }
            needles.folded.push(folded);
        }
        needles.phrases = Phrases::new(&needles.folded);
        needles
    }

    /// The folded phrases searched.
    pub fn folded(&self) -> &[String] {
        &self.folded
    }

    /// The spellings added to the query, as the index writes them.
    pub fn also_searched(&self) -> &[String] {
        &self.also_searched
    }
}

/// Whether Search everything searches a kind of the reader's work, or why not: one match, so
/// that a new kind does not compile until the search decides.
pub fn searches(kind: Kind) -> Result<(), &'static str> {
    match kind {
        Kind::Annotation | Kind::DivergedNote => Ok(()), // notes and tags
        Kind::ComparisonNote | Kind::CarriedNote => Ok(()), // their notes
        Kind::Comparison => Ok(()),                      // its wordings
        Kind::StudyEntry => Ok(()),                      // a name's spellings are searched with it
        Kind::TrashedAnnotation | Kind::TrashedComparisonNote => Err("the Trash is not searched"),
        Kind::Category => Err("categories filter the annotations list; they hold no words"),
    }
}

/// Everything but the texts, folded together once: the notes and tags of annotations, the
/// notes on comparisons and the wordings of comparisons, each an entry with its place.
pub struct WorkIndex {
    /// Each entry's place (the snippet left empty).
    places: Vec<Place>,
    /// Each entry's words, as written.
    entries: Vec<String>,
    index: NotesIndex,
}

impl WorkIndex {
    /// Folds the notes and tags of `annotations`, the `notes` on comparisons and the wordings
    /// of `comparisons` (every witness's every segment), for a search that keeps case when
    /// `match_case`. Empty notes are left out.
    pub fn new<'a>(
        annotations: impl IntoIterator<Item = &'a Annotation>,
        notes: &[ComparisonNote],
        comparisons: impl IntoIterator<Item = &'a Comparison>,
        match_case: bool,
    ) -> Self {
        let mut places = Vec::new();
        let mut entries = Vec::new();
        let annotations: Vec<&Annotation> = annotations.into_iter().collect();
        for annotation in &annotations {
            if !annotation.note.trim().is_empty() {
                places.push(Place::AnnotationNote {
                    annotation_id: annotation.annotation_id.clone(),
                    text_id: annotation.text_id.clone(),
                });
                entries.push(annotation.note.clone());
            }
        }
        // Notes other devices wrote, waiting for the reader's choice, are the reader's words too.
        for annotation in &annotations {
            for waiting in &annotation.diverged_notes {
                places.push(Place::AnnotationNote {
                    annotation_id: annotation.annotation_id.clone(),
                    text_id: annotation.text_id.clone(),
                });
                entries.push(waiting.note.clone());
            }
        }
        for annotation in &annotations {
            for tag in &annotation.tags {
                places.push(Place::AnnotationTag {
                    annotation_id: annotation.annotation_id.clone(),
                    text_id: annotation.text_id.clone(),
                    tag: tag.clone(),
                });
                entries.push(tag.clone());
            }
        }
        for note in notes {
            if !note.note.trim().is_empty() {
                places.push(Place::ComparisonNote {
                    note_id: note.note_id.clone(),
                    comparison_id: note.comparison_id.clone(),
                    comparison_title: note.comparison_title.clone(),
                    segment: note.segment,
                    segment_label: note.segment_label.clone(),
                });
                entries.push(note.note.clone());
            }
        }
        for comparison in comparisons {
            for (number, witness) in comparison.witnesses.iter().enumerate() {
                for (segment, wording) in witness.segments.iter().enumerate() {
                    let Some(wording) = wording else {
                        continue;
                    };
                    places.push(Place::ComparisonWording {
                        comparison_id: comparison.id.clone(),
                        comparison_title: comparison.title.clone(),
                        segment,
                        segment_label: comparison.segment_label(segment),
                        witness: number,
                        witness_label: witness.label.clone(),
                    });
                    entries.push(wording.text.clone());
                }
            }
        }
        let index = NotesIndex::new(entries.iter().cloned(), match_case);
        Self {
            places,
            entries,
            index,
        }
    }

    /// The index of the reader's work in `notebook` (its live annotations, its notes on
    /// comparisons, the comparisons of its own that carry notes) and the `bundled`
    /// comparisons.
    pub fn of_notebook(notebook: &Notebook, bundled: &[Comparison], match_case: bool) -> Self {
        Self::new(
            notebook.annotations().live().iter().map(|a| &**a),
            notebook.comparison_notes(),
            bundled.iter().chain(notebook.noted_comparisons()),
            match_case,
        )
    }

    /// Whether it was folded for a case-sensitive search.
    pub fn match_case(&self) -> bool {
        self.index.match_case()
    }

    /// How many entries it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries any of `needles` occurs in, each once with its first match.
    fn find(&self, needles: &Needles, options: SearchOptions) -> Vec<Hit> {
        let mut first: BTreeMap<usize, Range<usize>> = BTreeMap::new();
        for needle in needles.folded() {
            for (entry, range) in self.index.first_matches(needle, options) {
                first
                    .entry(entry)
                    .and_modify(|r| {
                        if range.start < r.start {
                            *r = range.clone();
                        }
                    })
                    .or_insert(range);
            }
        }
        first
            .into_iter()
            .map(|(entry, range)| {
                let (snippet, snippet_match) = context(&self.entries[entry], range, SNIPPET_AROUND);
                Hit {
                    place: self.places[entry].clone(),
                    snippet,
                    snippet_match,
                }
            })
            .collect()
    }
}

/// The line of context of `range` of `text`, within the paragraphs the match is in, found
/// without walking the text from its start.
fn text_snippet(text: &Text, range: Range<usize>) -> (String, Range<usize>) {
    let paragraphs = text.paragraphs();
    let first = paragraphs
        .get(text.paragraph_at(range.start))
        .map_or(0, |p| p.chars.start);
    let last = paragraphs
        .get(text.paragraph_at(range.end.saturating_sub(1).max(range.start)))
        .map_or(text.char_len(), |p| p.chars.end);
    let from = range.start.saturating_sub(SNIPPET_AROUND).max(first);
    let to = (range.end + SNIPPET_AROUND).min(last).max(range.end);
    let window = text.slice((from..to).into());
    context(window, range.start - from..range.end - from, SNIPPET_AROUND)
}

/// Searches every kind of the reader's work for `query`: each of `texts` through its folded
/// copy (made with `options.match_case`; at most `per_text` of each text's matches listed, all
/// counted), and `work`, with the spellings of the people and places of `names` the query
/// names.
pub fn search_everything<'a>(
    query: &str,
    options: SearchOptions,
    names: &Index,
    texts: impl IntoIterator<Item = (&'a Text, &'a Folded)>,
    work: &WorkIndex,
    per_text: usize,
) -> Found {
    let needles = Needles::new(query, names, options.match_case);
    let mut found = Found {
        also_searched: needles.also_searched().to_vec(),
        ..Found::default()
    };
    if needles.folded().is_empty() {
        return found;
    }
    for (text, folded) in texts {
        let (ranges, count) =
            folded.find_phrases(text.content(), &needles.phrases, options, per_text);
        if count == 0 {
            continue;
        }
        found.text_counts.push((text.id().to_owned(), count));
        for range in ranges {
            let (snippet, snippet_match) = text_snippet(text, range.clone());
            found.hits.push(Hit {
                place: Place::TextPassage {
                    text_id: text.id().to_owned(),
                    paragraph: text.paragraph_at(range.start),
                    range: CharRange(range),
                },
                snippet,
                snippet_match,
            });
        }
    }
    found.hits.extend(work.find(&needles, options));
    found
}

#[cfg(test)]
mod tests;
