//! W3C Web Annotation JSON-LD (the Web Annotation Data Model), as Lectern reads and writes it:
//! the shapes a document comes in, the text selectors of a target, the textual bodies, and the
//! pieces of an annotation Lectern writes. Pure: JSON values in, JSON values out. What an
//! annotation means to the reader (its anchor, its category, where it is placed) is the
//! model's: `model::annotation_export` writes annotations with these pieces and
//! `model::w3c_import` reads them.

use std::collections::BTreeMap;

use serde_json::{Value, json};

/// The JSON-LD context of every Web Annotation document.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The IRI prefix of a Lectern text (followed by its id).
pub const TEXT_IRI: &str = "urn:lectern:text:";
/// The IRI prefix of a Lectern annotation (followed by its id).
pub const ANNOTATION_IRI: &str = "urn:lectern:annotation:";
/// The IRI prefix of a comparison (followed by its id): the target of a note on it.
pub const COMPARISON_IRI: &str = "urn:lectern:comparison:";
/// The IRI prefix of a note on a comparison (followed by its id).
pub const COMPARISON_NOTE_IRI: &str = "urn:lectern:comparison-note:";
/// The IRI prefix of a category (followed by its id): the id of a classifying body.
pub const CATEGORY_IRI: &str = "urn:lectern:category:";

/// Why a W3C file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum W3cError {
    /// Not JSON.
    #[error("not JSON: {0}")]
    Json(String),
    /// JSON, but no annotations in it.
    #[error("no annotations found (expected an AnnotationCollection, a page or a list)")]
    Empty,
}

/// The JSON of a document.
pub fn parse(json: &str) -> Result<Value, W3cError> {
    serde_json::from_str(json).map_err(|e| W3cError::Json(e.to_string()))
}

/// Whether a JSON-LD `type` (a string or a list) names `wanted`.
pub fn has_type(value: &Value, wanted: &str) -> bool {
    match &value["type"] {
        Value::String(t) => t == wanted,
        Value::Array(types) => types.iter().any(|t| t == wanted),
        _ => false,
    }
}

/// A list, whether the JSON has one, one value or nothing.
pub fn as_list(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(list) => list.iter().collect(),
        Value::Null => Vec::new(),
        one => vec![one],
    }
}

/// The items of a document, whatever its shape: a list, a collection and its embedded pages,
/// a page and the pages after it, Hypothesis's `rows`, or one annotation. What cannot be read
/// (pages named only by their addresses) is counted in `skipped` by reason.
pub fn items<'a>(value: &'a Value, skipped: &mut BTreeMap<String, usize>) -> Vec<&'a Value> {
    let mut items = Vec::new();
    match value {
        Value::Array(list) => items.extend(list.iter()),
        Value::Object(_) if value["rows"].is_array() => {
            items.extend(value["rows"].as_array().into_iter().flatten());
        }
        Value::Object(_) if has_type(value, "AnnotationCollection") => match &value["first"] {
            first @ Value::Object(_) => collect_pages(first, &mut items),
            Value::String(_) => {
                *skipped
                    .entry("pages not in the file (only their addresses)".into())
                    .or_default() += 1;
            }
            _ => items.extend(value["items"].as_array().into_iter().flatten()),
        },
        Value::Object(_) if has_type(value, "AnnotationPage") || value["items"].is_array() => {
            collect_pages(value, &mut items);
        }
        Value::Object(_) => items.push(value),
        _ => {}
    }
    items
}

/// A page's items and those of the pages embedded after it (`next`), at most 10 000 pages.
fn collect_pages<'a>(page: &'a Value, items: &mut Vec<&'a Value>) {
    let mut page = Some(page);
    for _ in 0..10_000 {
        let Some(current) = page else {
            break;
        };
        items.extend(current["items"].as_array().into_iter().flatten());
        page = current["next"].as_object().map(|_| &current["next"]);
    }
}

/// What a target's text selectors say: the quote (`TextQuoteSelector`) and the position
/// (`TextPositionSelector`), empty and zero where it has none; `end` is never before `start`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextSelectors {
    /// The quoted text.
    pub exact: String,
    /// The text before the quote.
    pub prefix: String,
    /// The text after the quote.
    pub suffix: String,
    /// The position's first character.
    pub start: usize,
    /// The position's end (exclusive).
    pub end: usize,
}

/// The quote and the position a target's selectors give (and those they are refined by);
/// selectors of other kinds (CSS, XPath, Fragment, Range …) are counted in `other`.
pub fn text_selectors(target: &Value, other: &mut usize) -> TextSelectors {
    let mut found = TextSelectors::default();
    let mut pending: Vec<&Value> = as_list(&target["selector"]);
    let mut seen = 0;
    while let Some(selector) = pending.pop() {
        seen += 1;
        if seen > 1_000 {
            break; // a cycle of refinements cannot be built in JSON, but a deep one can
        }
        pending.extend(as_list(&selector["refinedBy"]));
        match selector["type"].as_str() {
            Some("TextQuoteSelector") => {
                found.exact = selector["exact"].as_str().unwrap_or("").to_owned();
                found.prefix = selector["prefix"].as_str().unwrap_or("").to_owned();
                found.suffix = selector["suffix"].as_str().unwrap_or("").to_owned();
            }
            Some("TextPositionSelector") => {
                found.start = selector["start"].as_u64().unwrap_or(0) as usize;
                found.end = selector["end"].as_u64().unwrap_or(0) as usize;
            }
            _ => *other += 1,
        }
    }
    if found.end < found.start {
        found.end = found.start;
    }
    found
}

/// One textual body of an annotation: its text (HTML turned into text, Markdown and plain
/// text kept), its purpose and its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextualBody {
    /// The body's text.
    pub value: String,
    /// `commenting`, `tagging`, `classifying` …, if it says.
    pub purpose: Option<String>,
    /// The body's id, if it has one.
    pub id: Option<String>,
}

/// The textual bodies of an annotation, in order: its `bodyValue` first, then each body with
/// a `value` (or `chars`); a body that is an IRI or a resource elsewhere has nothing to read.
pub fn textual_bodies(item: &Value) -> Vec<TextualBody> {
    let mut bodies = Vec::new();
    if let Some(value) = item["bodyValue"].as_str() {
        bodies.push(TextualBody {
            value: value.to_owned(),
            purpose: None,
            id: None,
        });
    }
    for body in as_list(&item["body"]) {
        let Some(raw) = body["value"].as_str().or_else(|| body["chars"].as_str()) else {
            continue;
        };
        let value = if body["format"] == "text/html" {
            super::html::html_text(raw).body
        } else {
            raw.to_owned()
        };
        bodies.push(TextualBody {
            value,
            purpose: body["purpose"].as_str().map(str::to_owned),
            id: body["id"].as_str().map(str::to_owned),
        });
    }
    bodies
}

/// A plain-text body commenting on the target.
pub fn commenting_body(note: &str) -> Value {
    json!({
        "type": "TextualBody",
        "value": note,
        "format": "text/plain",
        "purpose": "commenting",
    })
}

/// A body tagging the target.
pub fn tagging_body(tag: &str) -> Value {
    json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" })
}

/// A body classifying the target under the category `name` (id `category_id`).
pub fn classifying_body(name: &str, category_id: &str) -> Value {
    json!({
        "type": "TextualBody",
        "value": name,
        "purpose": "classifying",
        "id": format!("{CATEGORY_IRI}{category_id}"),
    })
}

/// A `TextQuoteSelector`.
pub fn quote_selector(exact: &str, prefix: &str, suffix: &str) -> Value {
    json!({
        "type": "TextQuoteSelector",
        "exact": exact,
        "prefix": prefix,
        "suffix": suffix,
    })
}

/// A `TextPositionSelector` of the characters `[start, end)`.
pub fn position_selector(start: usize, end: usize) -> Value {
    json!({
        "type": "TextPositionSelector",
        "start": start,
        "end": end,
    })
}

/// `items` as Lectern's export collection, one embedded page, pretty-printed.
pub fn collection(items: Vec<Value>) -> String {
    let collection = json!({
        "@context": CONTEXT,
        "id": "urn:lectern:export",
        "type": "AnnotationCollection",
        "label": "Annotations exported from Lectern",
        "total": items.len(),
        "first": {
            "id": "urn:lectern:export:page1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    serde_json::to_string_pretty(&collection).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_of_document_gives_its_items() {
        let mut skipped = BTreeMap::new();
        let one = json!({"type": "Annotation", "id": "a"});
        assert_eq!(items(&one, &mut skipped).len(), 1);
        let list = json!([{"id": "a"}, {"id": "b"}]);
        assert_eq!(items(&list, &mut skipped).len(), 2);
        let paged = json!({
            "type": "AnnotationPage",
            "items": [{"id": "a"}],
            "next": {"items": [{"id": "b"}, {"id": "c"}]},
        });
        assert_eq!(items(&paged, &mut skipped).len(), 3);
        let elsewhere = json!({"type": "AnnotationCollection", "first": "https://example.org/p1"});
        assert!(items(&elsewhere, &mut skipped).is_empty());
        assert_eq!(skipped.values().sum::<usize>(), 1);
    }

    #[test]
    fn selectors_read_through_refinements_and_count_the_others() {
        let target = json!({
            "selector": {
                "type": "FragmentSelector",
                "refinedBy": [
                    quote_selector("formal", "on ", " unification"),
                    position_selector(9, 3),
                ],
            },
        });
        let mut other = 0;
        let found = text_selectors(&target, &mut other);
        assert_eq!(other, 1);
        assert_eq!(
            (found.exact.as_str(), found.prefix.as_str()),
            ("formal", "on ")
        );
        assert_eq!(
            (found.start, found.end),
            (9, 9),
            "the end is never before the start"
        );
    }

    #[test]
    fn bodies_turn_html_into_text_and_keep_their_purpose() {
        let item = json!({
            "bodyValue": "first",
            "body": [
                {"value": "<p>a <b>bold</b> claim</p>", "format": "text/html"},
                tagging_body("union"),
                classifying_body("Question", "q"),
                "https://example.org/elsewhere",
            ],
        });
        let bodies = textual_bodies(&item);
        let values: Vec<&str> = bodies.iter().map(|b| b.value.as_str()).collect();
        assert_eq!(values, ["first", "a bold claim", "union", "Question"]);
        assert_eq!(bodies[3].id.as_deref(), Some("urn:lectern:category:q"));
        assert_eq!(bodies[2].purpose.as_deref(), Some("tagging"));
    }
}
