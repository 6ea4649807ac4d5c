//! The reader's annotations written out for other tools: Markdown and HTML for a paper, CSV for
//! a spreadsheet, and W3C Web Annotation JSON-LD (an `AnnotationCollection` with
//! `TextQuoteSelector` and `TextPositionSelector`), which reads back in exactly; and the whole
//! notebook in a lossless archive ([`super::archive`]).
//!
//! An export of the whole notebook ([`Scope::Notebook`]) carries every kind of the reader's
//! work a format can hold: besides the annotations (with the notes other devices wrote that
//! wait for the reader's choice), the notes on comparisons with the wordings they are on and
//! where a carried note came from, the reader's own comparisons, and their people, places,
//! spellings and terms. What each format holds of each kind is [`Coverage`], one exhaustive
//! match. The Trash is not exported but in the archive.

use crate::formats::cite::CitationStyle;
use std::collections::HashSet;
use std::fmt::Write as _;

use serde_json::{Value, json};

use super::annotation::{Annotation, Category};
use super::comparison::ComparisonNote;
use super::escape::{escape_html, escape_markdown};
use super::library::Library;
use super::notebook::{Contents, Counts, Kind, Notebook};
use super::text::{CharRange, Text};
use crate::formats::w3c::{
    self, ANNOTATION_IRI, COMPARISON_IRI, COMPARISON_NOTE_IRI, CONTEXT, TEXT_IRI,
};

fn category_name<'a>(categories: &'a [Category], id: Option<&str>) -> Option<&'a str> {
    let id = id?;
    categories
        .iter()
        .find(|c| c.category_id == id)
        .map(|c| c.name.as_str())
}

/// The printed pages an annotation's passage lies on ("p. 422"), where its text has page
/// markers; none for an orphan, whose place is lost.
fn annotation_pages(
    library: &Library,
    annotation: &Annotation,
    orphans: &HashSet<String>,
) -> Option<String> {
    if orphans.contains(&annotation.annotation_id) {
        return None;
    }
    let text = library.get(&annotation.text_id)?;
    let range = CharRange::from(annotation.anchor.start..annotation.anchor.end);
    pages_words(text, range)
}

/// "V. I. Lenin, “Title”, 26 September 1922 (Collected Works, vol. 42, pp. 421–423)".
pub fn citation(library: &Library, text_id: &str) -> String {
    let Some(text) = library.get(text_id) else {
        return text_id.to_owned();
    };
    let meta = text.meta();
    match &meta.reference {
        Some(reference) => format!("{} ({reference})", citation_head(meta)),
        None => citation_head(meta),
    }
}

/// The citation of a whole text in `style`: [`citation`] in Lectern's own, else its
/// bibliography entry ("Lenin, V. I. “To L. B. Kamenev.” In Collected Works …").
pub fn citation_in(library: &Library, style: CitationStyle, text_id: &str) -> String {
    let Some(text) = library.get(text_id) else {
        return text_id.to_owned();
    };
    let reference = crate::formats::references::Reference::of_text(text.meta());
    match crate::formats::cite::cite(&reference, style, None) {
        Some(cited) => cited.entry,
        None => citation(library, text_id),
    }
}

/// A passage of a text cited in `style` (with its pages where the text has page markers):
/// the note or in-text citation, and the bibliography entry; none in Lectern's own style.
fn cited_passage(
    library: &Library,
    text_id: &str,
    range: Option<CharRange>,
    style: CitationStyle,
) -> Option<crate::formats::cite::Cited> {
    let text = library.get(text_id)?;
    let pages = range
        .and_then(|range| text.pages_of(range))
        .map(|(first, last)| {
            if first == last {
                first.to_owned()
            } else {
                format!("{first}–{last}")
            }
        });
    let reference = crate::formats::references::Reference::of_text(text.meta());
    crate::formats::cite::cite(&reference, style, pages.as_deref())
}

/// [`quote_with_citation`] in `style`: in a CSL style, “quote” and its citation (a note, or
/// "(Lenin 1922, 422)"), then the text's bibliography entry on a line of its own.
pub fn quote_with_citation_in(
    library: &Library,
    text_id: &str,
    quote: &str,
    range: Option<CharRange>,
    style: CitationStyle,
) -> String {
    match cited_passage(library, text_id, range.clone(), style) {
        Some(cited) => format!(
            "“{}” {}\n\n{}",
            quote.trim(),
            cited.citation,
            cited.bibliography
        ),
        None => quote_with_citation(library, text_id, quote, range),
    }
}

/// [`quote_with_citation_markdown`] in `style`: the block quote with its citation, then the
/// bibliography entry.
pub fn quote_with_citation_markdown_in(
    library: &Library,
    text_id: &str,
    quote: &str,
    range: Option<CharRange>,
    style: CitationStyle,
) -> String {
    let Some(cited) = cited_passage(library, text_id, range.clone(), style) else {
        return quote_with_citation_markdown(library, text_id, quote, range);
    };
    let lines: Vec<String> = quote
        .trim()
        .lines()
        .map(|line| format!("> {}", escape_markdown(line)))
        .collect();
    format!(
        "{}\n>\n> — {}\n\n{}\n",
        lines.join("\n"),
        escape_markdown(&cited.citation),
        escape_markdown(&cited.bibliography)
    )
}

/// Author, title and date: "V. I. Lenin, “Title”, 26 September 1922" (an unknown author is
/// left out, not cited as "Unknown").
fn citation_head(meta: &crate::formats::text_format::TextMeta) -> String {
    let title = crate::model::escape::in_quotes(&meta.title);
    match meta.known_author() {
        Some(author) => format!("{author}, {title}, {}", meta.display_date()),
        None => format!("{title}, {}", meta.display_date()),
    }
}

/// Whether a part of a reference names its pages: "p. 607", "pp. 421–423", "С. 211", "с.
/// 211–213", "S. 13", "стр. 5".
fn is_pages_part(part: &str) -> bool {
    ["p. ", "pp. ", "с. ", "С. ", "стр. ", "S. ", "s. "]
        .iter()
        .any(|opening| part.trim_start().starts_with(opening))
}

/// The printed pages of `range` in words of the thread's language: "p. 422", "pp. 421–422"
/// (an export's English), «с. 422» in a Russian window's search results; none for a text
/// without page markers.
pub fn pages_words(text: &Text, range: CharRange) -> Option<String> {
    let (first, last) = text.pages_of(range)?;
    Some(if first == last {
        crate::tr!("model-page", page = first)
    } else {
        crate::tr!("model-pages", first = first, last = last)
    })
}

/// The citation of the passage `range` of a text: [`citation`], its reference's pages (the
/// whole document's) replaced by the passage's own where the text has page markers ("Collected
/// Works, vol. 42, p. 422").
pub fn passage_citation(library: &Library, text_id: &str, range: Option<CharRange>) -> String {
    let whole = citation(library, text_id);
    let Some((text, range)) = library.get(text_id).zip(range) else {
        return whole;
    };
    // A citation's words are English, as the reference's are ("vol.", "p.").
    let english = crate::i18n::Language::English;
    let Some(pages) = crate::i18n::in_language(english, || pages_words(text, range)) else {
        return whole;
    };
    citation_with_pages(text.meta(), &pages)
}

/// [`citation`] with its reference's pages (the whole document's) replaced by `pages` ("p.
/// 422"): "V. I. Lenin, “Title”, 26 September 1922 (Collected Works, vol. 42, p. 422)".
pub fn citation_with_pages(meta: &crate::formats::text_format::TextMeta, pages: &str) -> String {
    let kept: Vec<&str> = meta
        .reference
        .iter()
        .flat_map(|reference| reference.split(", "))
        .filter(|part| !part.trim().is_empty() && !is_pages_part(part))
        .collect();
    if kept.is_empty() {
        format!("{}, {pages}", citation_head(meta))
    } else {
        format!("{} ({}, {pages})", citation_head(meta), kept.join(", "))
    }
}

/// A passage with its citation, plain: “quote” (author, “title”, date (reference)), with the
/// passage's pages where its text has them.
pub fn quote_with_citation(
    library: &Library,
    text_id: &str,
    quote: &str,
    range: Option<CharRange>,
) -> String {
    format!(
        "“{}” ({})",
        quote.trim(),
        passage_citation(library, text_id, range)
    )
}

/// A passage with its citation as a Markdown block quote.
pub fn quote_with_citation_markdown(
    library: &Library,
    text_id: &str,
    quote: &str,
    range: Option<CharRange>,
) -> String {
    let lines: Vec<String> = quote
        .trim()
        .lines()
        .map(|line| format!("> {}", escape_markdown(line)))
        .collect();
    format!(
        "{}\n>\n> — {}\n",
        lines.join("\n"),
        escape_markdown(&passage_citation(library, text_id, range))
    )
}

/// The annotations in export order: by text (library order), then by place in the text;
/// orphans (whose passage was not found in the text as it now is) after the rest.
fn ordered<'a>(
    annotations: &[&'a Annotation],
    library: &Library,
    orphans: &HashSet<String>,
) -> Vec<&'a Annotation> {
    let rank = |text_id: &str| {
        library
            .texts()
            .iter()
            .position(|t| t.id() == text_id)
            .unwrap_or(usize::MAX)
    };
    let mut sorted = annotations.to_vec();
    sorted.sort_by(|a, b| {
        (
            orphans.contains(&a.annotation_id),
            rank(&a.text_id),
            &a.text_id,
            a.anchor.start,
            &a.annotation_id,
        )
            .cmp(&(
                orphans.contains(&b.annotation_id),
                rank(&b.text_id),
                &b.text_id,
                b.anchor.start,
                &b.annotation_id,
            ))
    });
    sorted
}

/// The heading of the orphans' section in the Markdown and HTML exports.
pub const ORPHANS_HEADING: &str = "Orphaned annotations";
/// What the orphans' section says of them.
pub const ORPHANS_EXPLAINED: &str = "Their passage was not found in the text as it now is. \
     Each quote is the passage as it was when the annotation was made; no position is given.";

/// The notebook's export as a PDF to print: what the Markdown export holds (every kind it
/// covers, [`AnnotationFormat::coverage`] of Markdown), laid out on A4 pages. Returns the PDF
/// and how many of each kind it holds.
pub fn export_notes_pdf(
    notebook: &Notebook,
    library: &Library,
    style: CitationStyle,
    scope: Scope,
    keep: impl Fn(&Annotation) -> bool,
) -> Result<(Vec<u8>, Counts), crate::formats::print::PrintError> {
    use crate::formats::print::{Document, Marks, from_markdown, to_pdf};
    let (markdown, counts) = export_notebook_cited(
        notebook,
        library,
        (AnnotationFormat::Markdown, style),
        scope,
        keep,
    );
    let document = Document {
        title: "Annotations".to_owned(),
        author: None,
        language: "en".to_owned(),
        blocks: from_markdown(&markdown, Marks::Notes),
    };
    Ok((to_pdf(&document)?, counts))
}

/// Annotations as Markdown: a section per text (with its citation), a subsection per category,
/// each quote as a block quote with its note and tags; orphans in a section of their own.
pub fn to_markdown(
    annotations: &[&Annotation],
    library: &Library,
    categories: &[Category],
    orphans: &HashSet<String>,
) -> String {
    to_markdown_in(
        annotations,
        library,
        categories,
        orphans,
        CitationStyle::Lectern,
    )
}

/// [`to_markdown`], each text cited in `style`.
pub fn to_markdown_in(
    annotations: &[&Annotation],
    library: &Library,
    categories: &[Category],
    orphans: &HashSet<String>,
    style: CitationStyle,
) -> String {
    let mut out = String::from("# Annotations\n");
    let (mut text_id, mut category) = (None::<&str>, None::<Option<&str>>);
    let mut in_orphans = false;
    for annotation in ordered(annotations, library, orphans) {
        if !in_orphans && orphans.contains(&annotation.annotation_id) {
            in_orphans = true;
            let _ = write!(out, "\n## {ORPHANS_HEADING}\n\n{ORPHANS_EXPLAINED}\n");
            text_id = None;
        }
        if in_orphans {
            if text_id != Some(annotation.text_id.as_str()) {
                text_id = Some(&annotation.text_id);
                let _ = write!(
                    out,
                    "\n### {}\n",
                    escape_markdown(&citation_in(library, style, &annotation.text_id))
                );
            }
        } else if text_id != Some(annotation.text_id.as_str()) {
            text_id = Some(&annotation.text_id);
            category = None;
            let _ = write!(
                out,
                "\n## {}\n",
                escape_markdown(&citation_in(library, style, &annotation.text_id))
            );
        }
        let this = category_name(categories, annotation.category_id.as_deref());
        if !in_orphans && category != Some(this) {
            category = Some(this);
            let _ = write!(out, "\n### {}\n", escape_markdown(this.unwrap_or("Notes")));
        }
        let quote = annotation
            .anchor
            .exact
            .lines()
            .map(|line| format!("> {}", escape_markdown(line)))
            .collect::<Vec<_>>()
            .join("\n");
        let _ = write!(out, "\n{quote}\n");
        if let Some(pages) = annotation_pages(library, annotation, orphans) {
            let _ = write!(out, "\n*{pages}*\n");
        }
        if !annotation.note.is_empty() {
            let _ = write!(out, "\n{}\n", escape_markdown(&annotation.note));
        }
        for waiting in &annotation.diverged_notes {
            let _ = write!(
                out,
                "\n*Also written on another device ({}), awaiting your choice:* {}\n",
                escape_markdown(&waiting.modified),
                escape_markdown(&waiting.note)
            );
        }
        if !annotation.tags.is_empty() {
            let _ = write!(
                out,
                "\nTags: {}\n",
                escape_markdown(&annotation.tags.join(", "))
            );
        }
    }
    out
}

/// Annotations as a clean printable HTML page (every string of the reader's escaped); orphans
/// in a section of their own.
pub fn to_html(
    annotations: &[&Annotation],
    library: &Library,
    categories: &[Category],
    orphans: &HashSet<String>,
) -> String {
    to_html_in(
        annotations,
        library,
        categories,
        orphans,
        CitationStyle::Lectern,
    )
}

/// [`to_html`], each text cited in `style`.
pub fn to_html_in(
    annotations: &[&Annotation],
    library: &Library,
    categories: &[Category],
    orphans: &HashSet<String>,
    style: CitationStyle,
) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>Annotations</title>\n\
         <style>body { font-family: Georgia, serif; max-width: 46rem; margin: 2rem auto; \
         line-height: 1.5; } blockquote { border-left: 3px solid #bbb; margin-left: 0; \
         padding-left: 1rem; } .tags { color: #666; font-size: .9em; }</style>\n</head>\n<body>\n\
         <h1>Annotations</h1>\n",
    );
    let mut text_id = None::<&str>;
    let mut in_orphans = false;
    for annotation in ordered(annotations, library, orphans) {
        if !in_orphans && orphans.contains(&annotation.annotation_id) {
            in_orphans = true;
            text_id = None;
            let _ = writeln!(
                out,
                "<h2>{ORPHANS_HEADING}</h2>\n<p>{}</p>",
                escape_html(ORPHANS_EXPLAINED)
            );
        }
        if text_id != Some(annotation.text_id.as_str()) {
            text_id = Some(&annotation.text_id);
            let _ = writeln!(
                out,
                "<h{level}>{}</h{level}>",
                escape_html(&citation_in(library, style, &annotation.text_id)),
                level = if in_orphans { 3 } else { 2 }
            );
        }
        let category = category_name(categories, annotation.category_id.as_deref());
        let _ = writeln!(
            out,
            "<blockquote>{}</blockquote>",
            escape_html(&annotation.anchor.exact).replace('\n', "<br>")
        );
        if let Some(category) = category {
            let _ = writeln!(out, "<p class=\"tags\">{}</p>", escape_html(category));
        }
        if let Some(pages) = annotation_pages(library, annotation, orphans) {
            let _ = writeln!(out, "<p class=\"tags\">{}</p>", escape_html(&pages));
        }
        if !annotation.note.is_empty() {
            let _ = writeln!(
                out,
                "<p>{}</p>",
                escape_html(&annotation.note).replace('\n', "<br>")
            );
        }
        for waiting in &annotation.diverged_notes {
            let _ = writeln!(
                out,
                "<p class=\"tags\">Also written on another device ({}), awaiting your choice: \
                 {}</p>",
                escape_html(&waiting.modified),
                escape_html(&waiting.note).replace('\n', "<br>")
            );
        }
        if !annotation.tags.is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"tags\">Tags: {}</p>",
                escape_html(&annotation.tags.join(", "))
            );
        }
    }
    out.push_str(HTML_END);
    out
}

/// How the HTML page [`to_html`] writes ends.
const HTML_END: &str = "</body>\n</html>\n";

/// One CSV field: quoted where RFC 4180 asks, and a field that a spreadsheet would take for a
/// formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage return) preceded by `'`, so
/// that a note or a quote from an imported text is shown as text, never run.
fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// Annotations as CSV (RFC 4180), a row each. An orphan says so in the `orphaned` column and
/// has no start or end.
pub fn to_csv(
    annotations: &[&Annotation],
    library: &Library,
    categories: &[Category],
    orphans: &HashSet<String>,
) -> String {
    to_csv_in(
        annotations,
        library,
        categories,
        orphans,
        CitationStyle::Lectern,
    )
}

/// [`to_csv`], each text cited in `style`.
pub fn to_csv_in(
    annotations: &[&Annotation],
    library: &Library,
    categories: &[Category],
    orphans: &HashSet<String>,
    style: CitationStyle,
) -> String {
    let mut out = String::from(
        "id,text,citation,start,end,quote,category,note,tags,created,modified,orphaned,kind,pages\r\n",
    );
    for a in ordered(annotations, library, orphans) {
        let orphaned = orphans.contains(&a.annotation_id);
        let position = |at: usize| {
            if orphaned {
                String::new()
            } else {
                at.to_string()
            }
        };
        let fields = [
            a.annotation_id.clone(),
            a.text_id.to_string(),
            citation_in(library, style, &a.text_id),
            position(a.anchor.start),
            position(a.anchor.end),
            a.anchor.exact.clone(),
            category_name(categories, a.category_id.as_deref())
                .unwrap_or("")
                .to_owned(),
            a.note.clone(),
            a.tags.join("; "),
            a.created.to_string(),
            a.modified.to_string(),
            if orphaned { "yes" } else { "no" }.to_owned(),
            "annotation".to_owned(),
            annotation_pages(library, a, orphans).unwrap_or_default(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One annotation as a W3C Web Annotation. An orphan has no position selector (its position
/// would point at other words now), only its quote, and says it is orphaned.
/// The target's `source` is the text's web address where it has one (so that other tools
/// see the page it was read from), else Lectern's IRI of the text.
pub(crate) fn w3c_annotation(
    annotation: &Annotation,
    categories: &[Category],
    orphaned: bool,
    url: Option<&str>,
) -> Value {
    let mut bodies = Vec::new();
    if !annotation.note.is_empty() {
        bodies.push(w3c::commenting_body(&annotation.note));
    }
    for tag in &annotation.tags {
        bodies.push(w3c::tagging_body(tag));
    }
    if let Some(id) = &annotation.category_id {
        let name = category_name(categories, Some(id)).unwrap_or(id);
        bodies.push(w3c::classifying_body(name, id));
    }
    let motivation = if annotation.note.is_empty() {
        "highlighting"
    } else {
        "commenting"
    };
    let mut value = json!({
        "@context": CONTEXT,
        // An annotation from another tool keeps its own IRI.
        "id": if annotation.annotation_id.contains(':') {
            annotation.annotation_id.clone()
        } else {
            format!("{ANNOTATION_IRI}{}", annotation.annotation_id)
        },
        "type": "Annotation",
        "motivation": motivation,
        "created": annotation.created,
        "modified": annotation.modified,
        "target": {
            "source": url.map_or_else(|| format!("{TEXT_IRI}{}", annotation.text_id), str::to_owned),
            "selector": [
                w3c::quote_selector(
                    &annotation.anchor.exact,
                    &annotation.anchor.prefix,
                    &annotation.anchor.suffix,
                ),
                w3c::position_selector(annotation.anchor.start, annotation.anchor.end),
            ],
        },
        "lectern:contentHash": annotation.anchor.content_hash,
    });
    if url.is_some() {
        // The source names the page; Lectern's own id of the text comes back with it.
        value["lectern:textId"] = Value::String(annotation.text_id.to_string());
    }
    if orphaned {
        if let Some(selectors) = value["target"]["selector"].as_array_mut() {
            selectors.retain(|s| s["type"] != "TextPositionSelector");
        }
        value["lectern:orphaned"] = Value::Bool(true);
    }
    if !bodies.is_empty() {
        value["body"] = Value::Array(bodies);
    }
    value
}

/// Annotations as a W3C `AnnotationCollection` (JSON-LD) with one embedded page.
pub fn to_w3c(
    annotations: &[&Annotation],
    library: &Library,
    categories: &[Category],
    orphans: &HashSet<String>,
) -> String {
    let items: Vec<Value> = ordered(annotations, library, orphans)
        .into_iter()
        .map(|a| {
            let url = library
                .get(&a.text_id)
                .and_then(|t| t.meta().url.as_deref());
            w3c_annotation(a, categories, orphans.contains(&a.annotation_id), url)
        })
        .collect();
    w3c::collection(items)
}

/// What annotations can be exported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnnotationFormat {
    /// Markdown grouped by text and category.
    Markdown,
    /// A printable HTML page.
    Html,
    /// CSV, a row each.
    Csv,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// The whole notebook, every kind, lossless ([`super::archive`]).
    Archive,
    /// Markdown notes in the style of Zotero's notes from annotations: each passage quoted,
    /// its short citation with its page, then the reader's note.
    Zotero,
}

impl AnnotationFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 6] = [
        Self::Markdown,
        Self::Html,
        Self::Csv,
        Self::W3c,
        Self::Zotero,
        Self::Archive,
    ];

    /// The format a command line names (`md`, `html`, `csv`, `w3c`, `archive`).
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "md" | "markdown" => Self::Markdown,
            "html" => Self::Html,
            "csv" => Self::Csv,
            "w3c" | "jsonld" => Self::W3c,
            "archive" => Self::Archive,
            "zotero" => Self::Zotero,
            _ => return None,
        })
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Csv => "csv",
            Self::W3c => "jsonld",
            Self::Archive => "lectern.json",
            Self::Zotero => "zotero.md",
        }
    }
}

/// What a format holds of a kind of the reader's work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// Every item of the kind, written out.
    Written,
    /// Left out, for the reason given.
    LeftOut(&'static str),
}

impl AnnotationFormat {
    /// What this format holds of `kind` in an export of the whole notebook: one match for every
    /// pair, so that a new kind or format does not compile until it is decided.
    pub fn coverage(self, kind: Kind) -> Coverage {
        const TRASH: &str = "the Trash is not part of an export (the archive holds it)";
        const PAPER: &str = "kept in the archive only";
        match (self, kind) {
            // The archive is the whole of `Contents`, every kind by construction.
            (Self::Archive, _) => Coverage::Written,
            (_, Kind::TrashedAnnotation | Kind::TrashedComparisonNote) => Coverage::LeftOut(TRASH),
            (
                Self::Markdown | Self::Html | Self::Csv | Self::W3c | Self::Zotero,
                Kind::Annotation | Kind::ComparisonNote | Kind::CarriedNote,
            ) => Coverage::Written,
            (
                Self::Markdown | Self::Html,
                Kind::Comparison | Kind::StudyEntry | Kind::DivergedNote,
            ) => Coverage::Written,
            (
                Self::Markdown | Self::Html | Self::Csv | Self::W3c | Self::Zotero,
                Kind::Category,
            ) => Coverage::LeftOut(
                "each annotation's category is written with it; the list of categories is \
                     kept in the archive only",
            ),
            (
                Self::Csv | Self::W3c | Self::Zotero,
                Kind::Comparison | Kind::StudyEntry | Kind::DivergedNote,
            ) => Coverage::LeftOut(PAPER),
        }
    }
}

/// How much of the notebook an export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The whole notebook: the annotations `keep` chooses and every other kind.
    Notebook,
    /// Only the annotations `keep` chooses (a text's, the selected ones).
    Annotations,
}

/// Exports the notebook's live annotations that `keep` chooses, re-anchored and with orphans
/// marked as such, and with [`Scope::Notebook`] every other kind the format holds
/// ([`AnnotationFormat::coverage`]): the export the window and `lectern export` make alike.
/// Returns the export and how many of each kind it holds.
pub fn export_notebook(
    notebook: &Notebook,
    library: &Library,
    format: AnnotationFormat,
    scope: Scope,
    keep: impl Fn(&Annotation) -> bool,
) -> (String, Counts) {
    export_notebook_cited(
        notebook,
        library,
        (format, CitationStyle::Lectern),
        scope,
        keep,
    )
}

/// [`export_notebook`], each text cited in the reader's citation style.
pub fn export_notebook_cited(
    notebook: &Notebook,
    library: &Library,
    (format, style): (AnnotationFormat, CitationStyle),
    scope: Scope,
    keep: impl Fn(&Annotation) -> bool,
) -> (String, Counts) {
    // An export is a document for others: English, whatever language the window speaks.
    crate::i18n::in_language(crate::i18n::Language::English, || {
        export_in_english(notebook, library, (format, style), scope, keep)
    })
}

fn export_in_english(
    notebook: &Notebook,
    library: &Library,
    (format, style): (AnnotationFormat, CitationStyle),
    scope: Scope,
    keep: impl Fn(&Annotation) -> bool,
) -> (String, Counts) {
    if format == AnnotationFormat::Archive {
        let contents = notebook.to_contents();
        let counts = contents.counts();
        return (super::archive::to_archive(&contents), counts);
    }
    let annotations: Vec<&Annotation> = notebook
        .annotations()
        .live()
        .iter()
        .map(|a| &**a)
        .filter(|a| keep(a))
        .collect();
    let whole = match scope {
        Scope::Notebook => notebook.to_contents(),
        Scope::Annotations => Contents {
            comparison_notes: Vec::new(),
            comparisons: Vec::new(),
            study: super::own_entries::OwnEntries::default(),
            ..Contents::default()
        },
    };
    let mut counts = Counts::default();
    counts.add(Kind::Annotation, annotations.len());
    if format.coverage(Kind::DivergedNote) == Coverage::Written {
        counts.add(
            Kind::DivergedNote,
            annotations.iter().map(|a| a.diverged_notes.len()).sum(),
        );
    }
    for kind in [Kind::ComparisonNote, Kind::Comparison, Kind::StudyEntry] {
        if format.coverage(kind) == Coverage::Written {
            counts.add(kind, whole.count_of(kind));
        }
    }
    // Carried notes are exported with the live notes (the Trash is left out).
    if format.coverage(Kind::CarriedNote) == Coverage::Written {
        let carried = whole.comparison_notes.iter();
        counts.add(
            Kind::CarriedNote,
            carried.filter(|n| n.carried_from.is_some()).count(),
        );
    }
    let (categories, orphans) = (notebook.categories(), notebook.orphans());
    let export = match format {
        AnnotationFormat::Markdown => {
            to_markdown_in(&annotations, library, categories, orphans, style)
                + &other_kinds_markdown(&whole)
        }
        AnnotationFormat::Html => {
            let page = to_html_in(&annotations, library, categories, orphans, style);
            let body = page.strip_suffix(HTML_END).unwrap_or(&page);
            format!("{body}{}{HTML_END}", other_kinds_html(&whole))
        }
        AnnotationFormat::Csv => {
            to_csv_in(&annotations, library, categories, orphans, style)
                + &notes_csv(&whole.comparison_notes, categories)
        }
        AnnotationFormat::W3c => to_w3c_with_notes(
            &annotations,
            &whole.comparison_notes,
            library,
            categories,
            orphans,
        ),
        AnnotationFormat::Zotero => to_zotero_notes_in(
            &annotations,
            &whole.comparison_notes,
            library,
            orphans,
            style,
        ),
        // Written above whatever the scope; here for the match to be whole.
        AnnotationFormat::Archive => super::archive::to_archive(&whole),
    };
    (export, counts)
}

/// The short citation of Zotero's notes: the author's family name, the year and the page
/// ("Lenin, 1922, p. 422"); the title where the author is unknown.
fn short_citation(library: &Library, annotation: &Annotation, orphans: &HashSet<String>) -> String {
    let Some(text) = library.get(&annotation.text_id) else {
        return annotation.text_id.to_string();
    };
    let meta = text.meta();
    let family = meta
        .known_author()
        .and_then(crate::formats::references::first_family_name);
    let mut parts: Vec<String> =
        vec![family.unwrap_or_else(|| crate::model::escape::in_quotes(&meta.title))];
    if !crate::formats::text_format::is_undated(&meta.date) {
        parts.extend(meta.date.get(..4).map(str::to_owned));
    }
    parts.extend(annotation_pages(library, annotation, orphans));
    parts.join(", ")
}

/// Annotations and notes on comparisons as Markdown notes in the style of Zotero's notes from
/// annotations: a heading per text (and per comparison), then each passage in quotation marks
/// with its short citation and page in brackets, followed by the reader's note and tags.
pub fn to_zotero_notes(
    annotations: &[&Annotation],
    notes: &[ComparisonNote],
    library: &Library,
    orphans: &HashSet<String>,
) -> String {
    to_zotero_notes_in(annotations, notes, library, orphans, CitationStyle::Lectern)
}

/// [`to_zotero_notes`], each text cited in `style`.
pub fn to_zotero_notes_in(
    annotations: &[&Annotation],
    notes: &[ComparisonNote],
    library: &Library,
    orphans: &HashSet<String>,
    style: CitationStyle,
) -> String {
    let mut out = String::new();
    let mut text_id = None::<&str>;
    for annotation in ordered(annotations, library, orphans) {
        if text_id != Some(annotation.text_id.as_str()) {
            text_id = Some(&annotation.text_id);
            let _ = write!(
                out,
                "# Annotations\n\n{}\n\n",
                escape_markdown(&citation_in(library, style, &annotation.text_id))
            );
        }
        let quote = annotation
            .anchor
            .exact
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let _ = write!(
            out,
            "“{}” ({})",
            escape_markdown(&quote),
            escape_markdown(&short_citation(library, annotation, orphans))
        );
        if !annotation.note.is_empty() {
            let _ = write!(out, " {}", escape_markdown(&annotation.note));
        }
        if !annotation.tags.is_empty() {
            let tags: Vec<String> = annotation
                .tags
                .iter()
                .map(|t| format!("#{}", escape_markdown(&t.replace(' ', "-"))))
                .collect();
            let _ = write!(out, " {}", tags.join(" "));
        }
        out.push_str("\n\n");
    }
    for (_, group) in by_comparison(notes) {
        let _ = write!(
            out,
            "# Notes on “{}”\n\n",
            escape_markdown(&group[0].comparison_title)
        );
        for note in group {
            let mut place = note_place(note);
            if let Some(from) = &note.carried_from {
                let _ = write!(place, "; carried from {}", from.witness);
            }
            if !note.quote.is_empty() {
                let _ = write!(out, "“{}” ", escape_markdown(&note.quote));
            }
            let _ = write!(out, "({})", escape_markdown(&place));
            if !note.note.is_empty() {
                let _ = write!(out, " {}", escape_markdown(&note.note));
            }
            out.push_str("\n\n");
        }
    }
    out
}

/// Where a note on a comparison is, in words: "Clause 1, Lenin's amendment (against Stalin's
/// draft)".
fn note_place(note: &ComparisonNote) -> String {
    match (&note.witness, &note.reference) {
        (Some(witness), Some(reference)) => {
            format!("{}, {witness} (against {reference})", note.segment_label)
        }
        (Some(witness), None) => format!("{}, {witness}", note.segment_label),
        (None, _) => format!("{}, the whole segment", note.segment_label),
    }
}

/// The notes on comparisons grouped by comparison (in the order of their first note).
fn by_comparison(notes: &[ComparisonNote]) -> Vec<(&str, Vec<&ComparisonNote>)> {
    let mut groups: Vec<(&str, Vec<&ComparisonNote>)> = Vec::new();
    for note in notes {
        match groups.iter_mut().find(|(id, _)| *id == note.comparison_id) {
            Some((_, group)) => group.push(note),
            None => groups.push((&note.comparison_id, vec![note])),
        }
    }
    for (_, group) in &mut groups {
        group.sort_by_key(|n| n.segment);
    }
    groups
}

/// The kinds beyond annotations, as Markdown sections (nothing when there are none).
fn other_kinds_markdown(contents: &Contents) -> String {
    let mut out = String::new();
    if !contents.comparison_notes.is_empty() {
        out.push_str("\n# Notes on comparisons\n");
        for (_, notes) in by_comparison(&contents.comparison_notes) {
            let _ = write!(
                out,
                "\n## {}\n",
                escape_markdown(&notes[0].comparison_title)
            );
            for note in notes {
                let _ = write!(out, "\n### {}\n", escape_markdown(&note_place(note)));
                // Every line of a wording stays inside the block quote.
                let quoted = |text: &str| escape_markdown(text).replace('\n', "\n> ");
                if let Some(witness) = &note.witness {
                    let _ = write!(
                        out,
                        "\n> {}: {}\n",
                        escape_markdown(witness),
                        quoted(&note.quote)
                    );
                }
                if let Some(reference) = &note.reference {
                    let _ = write!(
                        out,
                        ">\n> {}: {}\n",
                        escape_markdown(reference),
                        quoted(&note.reference_quote)
                    );
                }
                if !note.note.is_empty() {
                    let _ = write!(out, "\n{}\n", escape_markdown(&note.note));
                }
                if let Some(from) = &note.carried_from {
                    let _ = write!(
                        out,
                        "\n*Carried from {}, where it is on “{}”.*\n",
                        escape_markdown(&from.witness),
                        escape_markdown(&from.quote)
                    );
                }
            }
        }
    }
    if !contents.comparisons.is_empty() {
        out.push_str("\n# Comparisons of your own\n\n");
        for comparison in &contents.comparisons {
            let _ = writeln!(
                out,
                "- {}: {}",
                escape_markdown(&comparison.title),
                escape_markdown(&witness_labels(comparison))
            );
        }
    }
    let study = study_lines(contents);
    if !study.is_empty() {
        out.push_str("\n# People, places, spellings and terms of your own\n\n");
        for line in study {
            let _ = writeln!(out, "- {}", escape_markdown(&line));
        }
    }
    out
}

/// A comparison's witnesses, by label: "Draft; Amendment".
fn witness_labels(comparison: &super::comparison::Comparison) -> String {
    let labels: Vec<&str> = comparison
        .witnesses
        .iter()
        .map(|w| w.label.as_str())
        .collect();
    labels.join("; ")
}

/// The reader's own people, places, spellings and terms, a line each.
fn study_lines(contents: &Contents) -> Vec<String> {
    let study = &contents.study;
    let people = study.people.iter().map(|p| {
        let mut names = p.variants.clone();
        names.extend(p.russian.iter().cloned());
        if names.is_empty() {
            p.name.clone()
        } else {
            format!("{} ({})", p.name, names.join(", "))
        }
    });
    let spellings = study
        .spellings
        .iter()
        .map(|s| format!("“{}”, a spelling of {}", s.spelling, s.entity));
    let terms = study.terms.iter().map(|t| {
        let renderings: Vec<&str> = t.renderings.iter().map(|r| r.text.as_str()).collect();
        format!("{}: {}", t.concept, renderings.join(", "))
    });
    people.chain(spellings).chain(terms).collect()
}

/// The kinds beyond annotations, as HTML sections (nothing when there are none).
fn other_kinds_html(contents: &Contents) -> String {
    let mut out = String::new();
    if !contents.comparison_notes.is_empty() {
        out.push_str("<h1>Notes on comparisons</h1>\n");
        for (_, notes) in by_comparison(&contents.comparison_notes) {
            let _ = writeln!(out, "<h2>{}</h2>", escape_html(&notes[0].comparison_title));
            for note in notes {
                let _ = writeln!(out, "<h3>{}</h3>", escape_html(&note_place(note)));
                let mut quotes = Vec::new();
                if let Some(witness) = &note.witness {
                    quotes.push(format!(
                        "{}: {}",
                        escape_html(witness),
                        escape_html(&note.quote)
                    ));
                }
                if let Some(reference) = &note.reference {
                    quotes.push(format!(
                        "{}: {}",
                        escape_html(reference),
                        escape_html(&note.reference_quote)
                    ));
                }
                if !quotes.is_empty() {
                    let _ = writeln!(out, "<blockquote>{}</blockquote>", quotes.join("<br>"));
                }
                if !note.note.is_empty() {
                    let _ = writeln!(
                        out,
                        "<p>{}</p>",
                        escape_html(&note.note).replace('\n', "<br>")
                    );
                }
                if let Some(from) = &note.carried_from {
                    let _ = writeln!(
                        out,
                        "<p class=\"tags\">Carried from {}, where it is on “{}”.</p>",
                        escape_html(&from.witness),
                        escape_html(&from.quote)
                    );
                }
            }
        }
    }
    if !contents.comparisons.is_empty() {
        out.push_str("<h1>Comparisons of your own</h1>\n<ul>\n");
        for comparison in &contents.comparisons {
            let _ = writeln!(
                out,
                "<li>{}: {}</li>",
                escape_html(&comparison.title),
                escape_html(&witness_labels(comparison))
            );
        }
        out.push_str("</ul>\n");
    }
    let study = study_lines(contents);
    if !study.is_empty() {
        out.push_str("<h1>People, places, spellings and terms of your own</h1>\n<ul>\n");
        for line in study {
            let _ = writeln!(out, "<li>{}</li>", escape_html(&line));
        }
        out.push_str("</ul>\n");
    }
    out
}

/// Notes on comparisons as CSV rows with the annotations' columns: the comparison for the
/// text, the note's place for the citation, the witness's words for the quote.
fn notes_csv(notes: &[ComparisonNote], categories: &[Category]) -> String {
    let mut out = String::new();
    for note in notes {
        let mut quote = note.quote.clone();
        if let Some(reference) = &note.reference {
            let _ = write!(quote, " [{reference}: {}]", note.reference_quote);
        }
        let mut citation = format!("{}, {}", note.comparison_title, note_place(note));
        if let Some(from) = &note.carried_from {
            let _ = write!(citation, "; carried from {}", from.witness);
        }
        let fields = [
            note.note_id.clone(),
            note.comparison_id.clone(),
            citation,
            String::new(),
            String::new(),
            quote,
            category_name(categories, note.category_id.as_deref())
                .unwrap_or("")
                .to_owned(),
            note.note.clone(),
            String::new(),
            note.created.to_string(),
            note.modified.to_string(),
            "no".to_owned(),
            "note on a comparison".to_owned(),
            String::new(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One note on a comparison as a W3C Web Annotation: its target is the comparison, its quote
/// the witness's words, and Lectern's own properties say where in the comparison it is, so
/// that an import brings it back as a note on that comparison.
pub(crate) fn w3c_note(note: &ComparisonNote, categories: &[Category]) -> Value {
    let mut bodies = Vec::new();
    if !note.note.is_empty() {
        bodies.push(w3c::commenting_body(&note.note));
    }
    if let Some(id) = &note.category_id {
        let name = category_name(categories, Some(id)).unwrap_or(id);
        bodies.push(w3c::classifying_body(name, id));
    }
    let mut value = json!({
        "@context": CONTEXT,
        "id": format!("{COMPARISON_NOTE_IRI}{}", note.note_id),
        "type": "Annotation",
        "motivation": if note.note.is_empty() { "highlighting" } else { "commenting" },
        "created": note.created,
        "modified": note.modified,
        "target": {
            "source": format!("{COMPARISON_IRI}{}", note.comparison_id),
            "selector": {
                "type": "TextQuoteSelector",
                "exact": note.quote,
            },
        },
        "lectern:comparisonNote": note,
    });
    if !bodies.is_empty() {
        value["body"] = Value::Array(bodies);
    }
    value
}

/// Annotations and notes on comparisons as one W3C `AnnotationCollection`.
fn to_w3c_with_notes(
    annotations: &[&Annotation],
    notes: &[ComparisonNote],
    library: &Library,
    categories: &[Category],
    orphans: &HashSet<String>,
) -> String {
    if notes.is_empty() {
        return to_w3c(annotations, library, categories, orphans);
    }
    let mut collection: Value =
        serde_json::from_str(&to_w3c(annotations, library, categories, orphans))
            .unwrap_or(Value::Null);
    if let Some(items) = collection["first"]["items"].as_array_mut() {
        items.extend(notes.iter().map(|n| w3c_note(n, categories)));
        let total = items.len();
        collection["total"] = json!(total);
    }
    serde_json::to_string_pretty(&collection).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests;
