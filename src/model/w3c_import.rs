//! Annotations from other tools: every shape of W3C Web Annotation JSON-LD the model allows
//! (one annotation, a list, an `AnnotationPage`, an `AnnotationCollection` with its pages
//! embedded through `first` and `next`; `target` and `body` as an object, a list or an IRI),
//! and Hypothesis's own API JSON (search results with `rows`). What cannot be used is skipped
//! and counted, with the reason.
//!
//! Annotations made on a copy of a text elsewhere (the same letter on the Marxists Internet
//! Archive, say) are placed in the library: by the text's web address when a text names it,
//! else by their quote ([`place`]).

use crate::model::text::CharRange;
use std::collections::BTreeMap;

use serde_json::Value;

use super::anchor::{Anchor, Resolution};
use super::annotation::{Annotation, Category};
use super::library::Library;
use super::text::TextId;
use crate::formats::w3c::{self, ANNOTATION_IRI, CATEGORY_IRI, TEXT_IRI, W3cError};

/// What a file of annotations held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Read {
    /// The annotations read, with the source each named (for placing them).
    pub annotations: Vec<(Annotation, String)>,
    /// Items that were not used, by reason ("no target", "not an annotation" …) and count.
    pub skipped: BTreeMap<String, usize>,
    /// Selectors of kinds Lectern does not read (CSS, XPath, Fragment, Range …), counted.
    pub other_selectors: usize,
    /// Notes on comparisons (from a Lectern export, which says where in the comparison each
    /// is).
    pub comparison_notes: Vec<super::comparison::ComparisonNote>,
}

/// Reads annotations from W3C JSON-LD or Hypothesis API JSON.
pub fn read(json: &str, categories: &[Category]) -> Result<Read, W3cError> {
    let value = w3c::parse(json)?;
    let mut read = Read::default();
    for item in w3c::items(&value, &mut read.skipped) {
        if let Some(note) = item.get("lectern:comparisonNote") {
            match serde_json::from_value(note.clone()) {
                Ok(note) => read.comparison_notes.push(note),
                Err(_) => {
                    *read
                        .skipped
                        .entry("damaged notes on comparisons".into())
                        .or_default() += 1;
                }
            }
            continue;
        }
        match annotation_of(item, categories, &mut read.other_selectors) {
            Ok(found) => read.annotations.push(found),
            Err(reason) => *read.skipped.entry(reason.to_owned()).or_default() += 1,
        }
    }
    if read.annotations.is_empty() && read.comparison_notes.is_empty() {
        return Err(W3cError::Empty);
    }
    Ok(read)
}

/// One annotation and the source it names, or why it cannot be used.
fn annotation_of(
    item: &Value,
    categories: &[Category],
    other_selectors: &mut usize,
) -> Result<(Annotation, String), &'static str> {
    let hypothesis = item["uri"].is_string() && !item["type"].is_string();
    if !hypothesis && !w3c::has_type(item, "Annotation") {
        return Err("not an annotation");
    }
    let id = item["id"].as_str().ok_or("no id")?;
    let annotation_id = id.strip_prefix(ANNOTATION_IRI).unwrap_or(id).to_owned();
    // The first target with a source; a bare IRI is a target with no selector.
    let targets = w3c::as_list(&item["target"]);
    let target = targets
        .iter()
        .copied()
        .find(|t| t["source"].is_string() || t.is_string())
        .ok_or("no target")?;
    let source = target["source"]
        .as_str()
        .or_else(|| target.as_str())
        .or_else(|| item["uri"].as_str())
        .ok_or("no target")?
        .to_owned();
    let anchor = anchor_of(target, item, other_selectors);
    let (note, tags, category_id) = if hypothesis {
        let tags = w3c::as_list(&item["tags"])
            .into_iter()
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect();
        (item["text"].as_str().unwrap_or("").to_owned(), tags, None)
    } else {
        bodies_of(item, categories)
    };
    let created = item["created"].as_str().unwrap_or("").to_owned();
    let modified = item["modified"]
        .as_str()
        .or_else(|| item["updated"].as_str())
        .unwrap_or(&created)
        .to_owned();
    let text_id = item["lectern:textId"]
        .as_str()
        .unwrap_or_else(|| source.strip_prefix(TEXT_IRI).unwrap_or(&source))
        .into();
    let annotation = Annotation {
        annotation_id,
        text_id,
        anchor,
        category_id,
        note,
        tags,
        created: created.into(),
        modified: modified.into(),
        diverged_notes: Vec::new(),
    };
    Ok((annotation, source))
}

/// The anchor a target's selectors give (and those they are refined by), on the version of
/// the text the item names; selectors of other kinds are counted.
fn anchor_of(target: &Value, item: &Value, other_selectors: &mut usize) -> Anchor {
    let found = w3c::text_selectors(target, other_selectors);
    Anchor {
        start: found.start,
        end: found.end,
        exact: found.exact,
        prefix: found.prefix,
        suffix: found.suffix,
        content_hash: item["lectern:contentHash"]
            .as_str()
            .unwrap_or("")
            .to_owned(),
    }
}

/// The note, the tags and the category the bodies give: tagging bodies are tags,
/// classifying ones the category, commenting and describing ones (or those with no purpose)
/// the note; HTML is turned into text, Markdown kept.
fn bodies_of(item: &Value, categories: &[Category]) -> (String, Vec<String>, Option<String>) {
    let (mut notes, mut tags, mut category_id) = (Vec::new(), Vec::new(), None);
    for body in w3c::textual_bodies(item) {
        match body.purpose.as_deref() {
            Some("tagging") => tags.push(body.value),
            Some("classifying") => {
                let by_id = body
                    .id
                    .as_deref()
                    .and_then(|id| id.strip_prefix(CATEGORY_IRI));
                category_id = by_id.map(str::to_owned).or_else(|| {
                    categories
                        .iter()
                        .find(|c| c.name == body.value)
                        .map(|c| c.category_id.clone())
                });
            }
            _ => notes.push(body.value),
        }
    }
    (notes.join("\n\n"), tags, category_id)
}

/// Where an annotation from elsewhere was put.
#[derive(Clone, Debug, PartialEq)]
pub enum Placement {
    /// On a text of the library it names (by id, or by the text's web address).
    Named(TextId),
    /// On the one text of the library where its quote is found.
    ByQuote(TextId),
    /// Its quote is in several texts: left an orphan; these are the candidates.
    Ambiguous(Vec<TextId>),
    /// Its quote is in no text (or it has none): left an orphan.
    NotFound,
}

/// Puts each annotation on a text of the library: the one it names (by id or web address),
/// else the one text where its quote is found (exactly, spaces of any kind alike, with its
/// context choosing among repeats; else closely). An annotation from elsewhere is anchored
/// anew in the text it is put on, its quote as the text has it. Annotations that cannot be
/// placed keep their source and become orphans.
pub fn place(read: &mut Read, library: &Library) -> Vec<Placement> {
    let mut plain: Vec<Option<Vec<char>>> = vec![None; library.texts().len()];
    read.annotations
        .iter_mut()
        .map(|(annotation, source)| {
            let by_id = library
                .texts()
                .iter()
                .position(|t| t.id() == annotation.text_id);
            if let Some(index) = by_id {
                // Positions made on a version of this text (it has their hash) are kept; a
                // quote from elsewhere (an IRI naming the text, a quote and nothing more) is
                // anchored anew in it, as an annotation named by the text's address is.
                if annotation.anchor.content_hash.is_empty() && !annotation.anchor.exact.is_empty()
                {
                    anchor_anew(&mut annotation.anchor, library, index, &mut plain);
                }
                return Placement::Named(annotation.text_id.clone());
            }
            let named = library
                .texts()
                .iter()
                .position(|t| t.meta().has_url(source));
            let placement = match named {
                Some(index) => Placement::Named(library.texts()[index].id().to_owned()),
                None => by_quote(&annotation.anchor, library, &mut plain),
            };
            if let Placement::Named(id) | Placement::ByQuote(id) = &placement {
                annotation.text_id = id.clone();
                let index = library.texts().iter().position(|t| t.id() == id);
                if let Some(index) = index {
                    anchor_anew(&mut annotation.anchor, library, index, &mut plain);
                }
            }
            placement
        })
        .collect()
}

/// A character as quotes are compared: every kind of space is a space.
fn plain_char(c: char) -> char {
    if c.is_whitespace() { ' ' } else { c }
}

/// The characters of text `index`, spaces made plain (computed once per import).
fn plain_text<'a>(
    library: &Library,
    index: usize,
    plain: &'a mut [Option<Vec<char>>],
) -> &'a [char] {
    plain[index].get_or_insert_with(|| {
        library.texts()[index]
            .content()
            .chars()
            .map(plain_char)
            .collect()
    })
}

/// Where `quote` occurs in `text` (character ranges), spaces of any kind alike.
fn occurrences(text: &[char], quote: &[char]) -> Vec<std::ops::Range<usize>> {
    if quote.is_empty() || quote.len() > text.len() {
        return Vec::new();
    }
    (0..=text.len() - quote.len())
        .filter(|&at| text[at] == quote[0] && text[at..at + quote.len()] == *quote)
        .map(|at| at..at + quote.len())
        .collect()
}

/// Anchors an annotation from elsewhere in text `index`: at the occurrence of its quote whose
/// context matches its prefix and suffix best. An anchor whose quote is not there is left
/// for re-anchoring to find closely, or to leave an orphan.
fn anchor_anew(
    anchor: &mut Anchor,
    library: &Library,
    index: usize,
    plain: &mut [Option<Vec<char>>],
) {
    let quote: Vec<char> = anchor.exact.chars().map(plain_char).collect();
    let prefix: Vec<char> = anchor.prefix.chars().map(plain_char).collect();
    let suffix: Vec<char> = anchor.suffix.chars().map(plain_char).collect();
    let text = plain_text(library, index, plain);
    let context = |range: &std::ops::Range<usize>| {
        let before = text[..range.start].iter().rev().zip(prefix.iter().rev());
        let after = text[range.end..].iter().zip(suffix.iter());
        before.take_while(|(a, b)| a == b).count() + after.take_while(|(a, b)| a == b).count()
    };
    let best = occurrences(text, &quote)
        .into_iter()
        .max_by_key(|range| (context(range), std::cmp::Reverse(range.start)));
    match best {
        Some(range) => *anchor = Anchor::new(&library.texts()[index], CharRange(range)),
        None => {
            // Positions from elsewhere mean nothing here: only the quote is looked for.
            anchor.start = 0;
            anchor.end = 0;
            anchor.content_hash.clear();
        }
    }
}

/// The text where a quote is: the only one with the exact quote, else the only one with a
/// close passage.
fn by_quote(anchor: &Anchor, library: &Library, plain: &mut [Option<Vec<char>>]) -> Placement {
    let quote: Vec<char> = anchor.exact.chars().map(plain_char).collect();
    if anchor.exact.trim().is_empty() {
        return Placement::NotFound;
    }
    let exact: Vec<TextId> = (0..library.texts().len())
        .filter(|&index| !occurrences(plain_text(library, index, plain), &quote).is_empty())
        .map(|index| library.texts()[index].id().to_owned())
        .collect();
    let candidates = if exact.is_empty() {
        // Positions from elsewhere mean nothing here: only the quote is looked for.
        let quote = Anchor {
            start: 0,
            end: 0,
            content_hash: String::new(),
            ..anchor.clone()
        };
        library
            .texts()
            .iter()
            .filter(|text| matches!(quote.resolve(text), Resolution::Fuzzy(..)))
            .map(|text| text.id().to_owned())
            .collect()
    } else {
        exact
    };
    match candidates.len() {
        0 => Placement::NotFound,
        1 => Placement::ByQuote(candidates[0].clone()),
        _ => Placement::Ambiguous(candidates),
    }
}

/// Reads annotations from W3C JSON-LD (see [`read`] for the shapes read):
/// Lectern's own exports come back exactly; other tools' annotations as far as they say where
/// they point. Sources are kept as they are; [`place`] puts them on texts.
pub fn from_w3c(json: &str, categories: &[Category]) -> Result<Vec<Annotation>, W3cError> {
    let read = read(json, categories)?;
    if read.annotations.is_empty() {
        return Err(W3cError::Empty);
    }
    Ok(read.annotations.into_iter().map(|(a, _)| a).collect())
}

/// Why nothing could be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportFailed {
    /// The file is not annotations.
    #[error(transparent)]
    File(#[from] W3cError),
    /// The profile is open read-only.
    #[error("the profile is open read-only")]
    ReadOnly,
}

/// Reads a file of annotations, puts them on the library's texts ([`place`]) and adds them to
/// the notebook as one change (Undo takes it back). The report says how many went where, which
/// were left orphans and why, and what was skipped.
pub fn import(
    notebook: &mut super::notebook::Notebook,
    json: &str,
    library: &Library,
) -> Result<super::import_report::ImportReport, ImportFailed> {
    let mut read = read(json, notebook.categories())?;
    let placements = place(&mut read, library);
    let fresh: Vec<bool> = read
        .annotations
        .iter()
        .map(|(a, _)| !notebook.annotations().contains_id(&a.annotation_id))
        .collect();
    let annotations: Vec<Annotation> = read.annotations.iter().map(|(a, _)| a.clone()).collect();
    let mut report = notebook
        .merge_import(annotations, library)
        .map_err(|_| ImportFailed::ReadOnly)?;
    // Orphans are those not placed on a text, whatever the reason.
    report.unknown_texts = 0;
    for (((annotation, _), placement), fresh) in read.annotations.iter().zip(&placements).zip(fresh)
    {
        if !fresh {
            continue;
        }
        if notebook.is_orphan(&annotation.annotation_id) {
            report.unknown_texts += 1;
        }
        let title = |id: &str| library.get(id).map(|t| t.meta().title.clone());
        match placement {
            _ if notebook.is_orphan(&annotation.annotation_id)
                && !matches!(placement, Placement::Ambiguous(_)) => {}
            Placement::Named(id) | Placement::ByQuote(id) => {
                if let Some(title) = title(id) {
                    *report.by_text.entry(title).or_default() += 1;
                }
                if matches!(placement, Placement::ByQuote(_)) {
                    report.by_quote += 1;
                }
            }
            Placement::Ambiguous(ids) => {
                let quote: String = annotation.anchor.exact.chars().take(40).collect();
                let titles = ids.iter().filter_map(|id| title(id)).collect();
                report.ambiguous.push((quote, titles));
            }
            Placement::NotFound => {}
        }
    }
    report.skipped = read.skipped;
    report.other_selectors = read.other_selectors;
    if !read.comparison_notes.is_empty() {
        let notes = super::notebook::Contents {
            categories: notebook.categories().to_vec(),
            comparison_notes: read.comparison_notes,
            ..super::notebook::Contents::default()
        };
        let added = notebook
            .merge_archive(notes, library)
            .map_err(|_| ImportFailed::ReadOnly)?;
        report.comparison_notes = added.of(super::notebook::Kind::ComparisonNote);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
    use super::*;

    /// One annotation on `source` with only a quote.
    fn quote_only(source: &str, exact: &str) -> String {
        serde_json::json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "urn:x:quote-only",
            "type": "Annotation",
            "bodyValue": "placed by its quote",
            "target": {
                "source": source,
                "selector": { "type": "TextQuoteSelector", "exact": exact }
            }
        })
        .to_string()
    }

    #[test]
    fn an_annotation_on_an_urn_with_only_a_quote_is_placed_by_its_quote() {
        let library = crate::bundled::bundled_library();
        let kamenev = library.get("lenin-1922-09-26-kamenev").unwrap().clone();
        // A quote as another tool copies it: the text's no-break spaces as plain ones.
        let at = kamenev.content().find("Formal\u{a0}unification").unwrap();
        let start = kamenev.content()[..at].chars().count();
        let exact = kamenev.slice((start..start + 60).into()).to_owned();
        assert!(exact.contains('\u{a0}'), "{exact:?}");
        let copied = exact.replace('\u{a0}', " ");
        for source in [
            "urn:lectern:text:lenin-1922-09-26-kamenev",
            "urn:lectern:text:no-such-text",
            "urn:x-archive:letter:1922-09-26",
            "https://example.org/unknown/page.html",
        ] {
            let mut notebook = super::super::notebook::Notebook::default();
            let report = import(&mut notebook, &quote_only(source, &copied), &library).unwrap();
            let live = notebook.annotations().live();
            let annotation = live.first().unwrap();
            assert!(
                !notebook.is_orphan(&annotation.annotation_id),
                "{source}: {}",
                report.summary()
            );
            assert_eq!(annotation.text_id, kamenev.id(), "{source}");
            assert_eq!(
                kamenev.slice((annotation.anchor.start..annotation.anchor.end).into()),
                exact,
                "{source}"
            );
            assert_eq!(report.unknown_texts, 0, "{source}");
        }
    }
}
