//! `lectern search QUERY`: every kind of the reader's work searched as the window's Search
//! everything searches it (texts, annotation notes and tags, notes on comparisons, the
//! comparisons' wordings; one folding; the people index's spellings of a name the query names),
//! each result printed with its kind, where it is and its line of context.

use crate::model::text::TextId;
use std::io::Write;

use serde::Serialize;

use crate::model::people_places::Index;
use crate::model::search::everything::{Hit, HitKind, WorkIndex, search_everything};
use crate::model::search::{Folded, SearchOptions};
use crate::storage::open::OpenedProfile;

/// How the results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchFormat {
    /// Lines for a reader: each result's kind and place, then its context.
    Text,
    /// One JSON object (see [`Output`]).
    Json,
}

impl std::str::FromStr for SearchFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "text" => Ok(Self::Text),
            "json" => Ok(Self::Json),
            other => Err(format!("unknown format “{other}”: use text or json")),
        }
    }
}

/// A text with matches, and how many.
#[derive(Clone, Debug, Serialize)]
pub struct TextCount {
    /// The text's id (as `lectern list` prints it).
    pub text_id: TextId,
    /// Its matches.
    pub matches: usize,
}

/// What `lectern search --format json` prints.
#[derive(Clone, Debug, Serialize)]
pub struct Output {
    /// The query as given.
    pub query: String,
    /// The spellings searched besides the query (of the people and places it names).
    pub also_searched: Vec<String>,
    /// The texts with matches, in library order.
    pub texts: Vec<TextCount>,
    /// Every result, with its `kind` (`text_passage`, `annotation_note`, `annotation_tag`,
    /// `comparison_note`, `comparison_wording`), its place and its `snippet`.
    pub results: Vec<Hit>,
}

/// Searches everything in the `opened` profile for `query` (the bundled comparisons, the
/// profile's texts and notebook, the people index with the reader's own spellings) and writes
/// every result to `out` in `format`; what could not be merged into the index is said on
/// `err`.
pub fn search(
    opened: &OpenedProfile,
    query: &str,
    options: SearchOptions,
    format: SearchFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let (names, problems) = opened.notebook.study().index(&Index::bundled());
    for problem in problems {
        writeln!(err, "{problem}")?;
    }
    let texts = opened.library.texts();
    let folded: Vec<Folded> = texts
        .iter()
        .map(|text| Folded::new(text.content(), options.match_case))
        .collect();
    let comparisons = crate::bundled::bundled_comparisons();
    let work = WorkIndex::of_notebook(&opened.notebook, &comparisons, options.match_case);
    let found = search_everything(
        query,
        options,
        &names,
        texts.iter().map(|t| &**t).zip(&folded),
        &work,
        usize::MAX,
    );
    let output = Output {
        query: query.to_owned(),
        also_searched: found.also_searched,
        texts: found
            .text_counts
            .into_iter()
            .map(|(text_id, matches)| TextCount { text_id, matches })
            .collect(),
        results: found.hits,
    };
    match format {
        SearchFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &output)?;
            writeln!(out)
        }
        SearchFormat::Text => write_text(&output, out),
    }
}

/// The results as lines: the spellings added, each result's kind and place with its context
/// under it, and the count of each kind.
fn write_text(output: &Output, out: &mut dyn Write) -> std::io::Result<()> {
    if !output.also_searched.is_empty() {
        writeln!(out, "also searched: {}", output.also_searched.join(", "))?;
    }
    for hit in &output.results {
        writeln!(out, "{}: {}", hit.kind().label(), hit.place.describe())?;
        writeln!(out, "    …{}…", hit.snippet.trim())?;
    }
    let counts: Vec<String> = HitKind::ALL
        .iter()
        .filter_map(|&kind| {
            let n = output.results.iter().filter(|h| h.kind() == kind).count();
            (n > 0).then(|| format!("{}: {n}", kind.heading()))
        })
        .collect();
    match output.results.len() {
        0 => writeln!(out, "no results for “{}”", output.query),
        1 => writeln!(out, "1 result ({})", counts.join(", ")),
        n => writeln!(out, "{n} results ({})", counts.join(", ")),
    }
}
