//! A group's layer written out: Markdown and HTML with each record's author and thread, and
//! W3C Web Annotations with each annotation's `creator` and replies as `replying` annotations
//! that target it. A record that does not verify says so in every format. What members wrote
//! is escaped: a group's notes are other people's text.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::{Authorship, Entry, GroupLayer, LayerFilter, Shared, SharedCategory, Unverified};
use crate::formats::w3c::{self, ANNOTATION_IRI};
use crate::model::annotation::{Annotation, Category};
use crate::model::annotation_export::{citation, w3c_annotation, w3c_note};
use crate::model::escape::{escape_html, escape_markdown};
use crate::model::library::Library;

/// What a group's layer can be exported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupFormat {
    /// Markdown, a section a record with its thread.
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// W3C Web Annotation JSON-LD.
    W3c,
}

/// The IRI of a group's member.
pub const MEMBER_IRI: &str = "urn:lectern:member:";

fn unverified_words(why: Unverified) -> &'static str {
    match why {
        Unverified::BadSignature => {
            "unverified: its signature does not check (changed by hand or written by someone else)"
        }
        Unverified::UnknownKey => "unverified: signed with a key its author does not publish",
        Unverified::NoKeys => "unverified: its author published no key in the group",
        Unverified::DuplicateId => {
            "unverified: another member's record has the same id, made to be taken for this one"
        }
        Unverified::UntrustedKey => {
            "unverified: signed with a new key that none of its author's earlier keys signed"
        }
    }
}

/// "Anna", or "Anna (unverified: …)".
fn byline(layer: &GroupLayer, entry: &Entry) -> String {
    let name = layer.member_name(&entry.record.member);
    match entry.authorship {
        Authorship::Verified => name,
        Authorship::Unverified(why) => format!("{name} ({})", unverified_words(why)),
    }
}

/// The day a record was written, when its author's file gives a date there (a member writes
/// `written`: anything else is left out, never copied into an export).
fn day(entry: &Entry) -> &str {
    entry.record.written.day().unwrap_or("")
}

fn category_of(category: &Option<SharedCategory>) -> Option<String> {
    category.as_ref().map(|c| c.name.clone())
}

/// The layer of `layer` the filter shows, as `format`.
pub fn export_layer(
    layer: &GroupLayer,
    library: &Library,
    filter: &LayerFilter,
    format: GroupFormat,
) -> String {
    crate::i18n::in_language(crate::i18n::Language::English, || match format {
        GroupFormat::Markdown => markdown(layer, library, filter),
        GroupFormat::Html => html(layer, library, filter),
        GroupFormat::W3c => w3c_layer(layer, filter),
    })
}

/// The record's heading line and body lines, unescaped, for Markdown and HTML alike.
struct Written {
    heading: String,
    quote: Option<String>,
    note: String,
    extra: Vec<String>,
}

fn written(entry: &Entry, library: &Library) -> Option<Written> {
    Some(match &entry.record.body {
        Shared::Annotation {
            annotation,
            category,
        } => {
            let mut extra = Vec::new();
            if let Some(name) = category_of(category) {
                extra.push(format!("Category: {name}"));
            }
            if !annotation.tags.is_empty() {
                extra.push(format!("Tags: {}", annotation.tags.join(", ")));
            }
            Written {
                heading: citation(library, annotation.text_id.as_str()),
                quote: Some(annotation.anchor.exact.clone()),
                note: annotation.note.clone(),
                extra,
            }
        }
        Shared::ComparisonNote { note, category } => {
            let mut extra = Vec::new();
            if let Some(name) = category_of(category) {
                extra.push(format!("Category: {name}"));
            }
            if !note.reference_quote.is_empty() {
                extra.push(format!(
                    "{}: {}",
                    note.reference.as_deref().unwrap_or("Reference"),
                    note.reference_quote
                ));
            }
            Written {
                heading: format!("{}, {}", note.comparison_title, note.segment_label),
                quote: (!note.quote.is_empty()).then(|| note.quote.clone()),
                note: note.note.clone(),
                extra,
            }
        }
        Shared::Comparison { comparison } => Written {
            heading: format!("Comparison: {}", comparison.title),
            quote: None,
            note: comparison.description.clone(),
            extra: comparison
                .witnesses
                .iter()
                .map(|w| format!("Witness: {}", w.label))
                .collect(),
        },
        Shared::Reply { .. } | Shared::Thread { .. } => return None,
    })
}

fn markdown(layer: &GroupLayer, library: &Library, filter: &LayerFilter) -> String {
    let mut out = format!("# Study group: {}\n", escape_markdown(&layer.name));
    let members: Vec<String> = layer
        .members
        .values()
        .map(|m| escape_markdown(&m.name))
        .collect();
    let _ = writeln!(out, "\nMembers: {}\n", members.join(", "));
    for entry in layer.roots().filter(|e| filter.shows(&layer.name, e)) {
        let Some(w) = written(entry, library) else {
            continue;
        };
        let _ = writeln!(out, "## {}\n", escape_markdown(&w.heading));
        if let Some(quote) = &w.quote {
            let _ = writeln!(out, "> {}\n", escape_markdown(quote).replace('\n', "\n> "));
        }
        let _ = writeln!(
            out,
            "*{} · {}*\n",
            escape_markdown(&byline(layer, entry)),
            day(entry)
        );
        if !w.note.trim().is_empty() {
            let _ = writeln!(out, "{}\n", escape_markdown(&w.note));
        }
        for line in &w.extra {
            let _ = writeln!(out, "{}\n", escape_markdown(line));
        }
        let thread = layer.thread(&entry.record.id);
        if !thread.replies.is_empty() || thread.resolved {
            out.push_str("Replies:\n\n");
            for reply in thread
                .replies
                .iter()
                .filter(|e| filter.shows(&layer.name, e))
            {
                let Shared::Reply { note, .. } = &reply.record.body else {
                    continue;
                };
                let _ = writeln!(
                    out,
                    "- **{}** ({}): {}",
                    escape_markdown(&byline(layer, reply)),
                    day(reply),
                    escape_markdown(note).replace('\n', " ")
                );
            }
            if thread.resolved {
                out.push_str("- *Resolved.*\n");
            }
            out.push('\n');
        }
    }
    out
}

fn html(layer: &GroupLayer, library: &Library, filter: &LayerFilter) -> String {
    let title = escape_html(&layer.name);
    let mut out = format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>Study group: {title}</title>\n\
         <style>body{{font-family:serif;max-width:46em;margin:2em auto}}blockquote{{border-left:3px solid #999;margin-left:0;padding-left:1em}}\
         .unverified{{color:#a40000;font-weight:bold}}.replies{{margin-left:1.5em}}</style>\n</head>\n<body>\n<h1>Study group: {title}</h1>\n"
    );
    for entry in layer.roots().filter(|e| filter.shows(&layer.name, e)) {
        let Some(w) = written(entry, library) else {
            continue;
        };
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape_html(&w.heading));
        if let Some(quote) = &w.quote {
            let _ = writeln!(out, "<blockquote>{}</blockquote>", escape_html(quote));
        }
        let class = if entry.authorship.is_verified() {
            "author"
        } else {
            "author unverified"
        };
        let _ = writeln!(
            out,
            "<p class=\"{class}\">{} · {}</p>",
            escape_html(&byline(layer, entry)),
            day(entry)
        );
        if !w.note.trim().is_empty() {
            let _ = writeln!(out, "<p>{}</p>", escape_html(&w.note).replace('\n', "<br>"));
        }
        for line in &w.extra {
            let _ = writeln!(out, "<p>{}</p>", escape_html(line));
        }
        let thread = layer.thread(&entry.record.id);
        if !thread.replies.is_empty() || thread.resolved {
            out.push_str("<ul class=\"replies\">\n");
            for reply in thread
                .replies
                .iter()
                .filter(|e| filter.shows(&layer.name, e))
            {
                let Shared::Reply { note, .. } = &reply.record.body else {
                    continue;
                };
                let class = if reply.authorship.is_verified() {
                    ""
                } else {
                    " class=\"unverified\""
                };
                let _ = writeln!(
                    out,
                    "<li><b{class}>{}</b> ({}): {}</li>",
                    escape_html(&byline(layer, reply)),
                    day(reply),
                    escape_html(note)
                );
            }
            if thread.resolved {
                out.push_str("<li><i>Resolved.</i></li>\n");
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn creator(layer: &GroupLayer, entry: &Entry) -> Value {
    json!({
        "id": format!("{MEMBER_IRI}{}", entry.record.member),
        "type": "Person",
        "name": layer.member_name(&entry.record.member),
    })
}

fn with_authorship(mut value: Value, layer: &GroupLayer, entry: &Entry) -> Value {
    value["creator"] = creator(layer, entry);
    value["lectern:group"] = Value::String(layer.name.clone());
    match entry.authorship {
        Authorship::Verified => value["lectern:verified"] = Value::Bool(true),
        Authorship::Unverified(why) => {
            value["lectern:verified"] = Value::Bool(false);
            value["lectern:unverified"] = Value::String(unverified_words(why).to_owned());
        }
    }
    value
}

/// A shared record's category, under an id made from its name (the sharer's own id for it
/// stays in their notebook).
fn categories_of(category: &Option<SharedCategory>) -> (Option<String>, Vec<Category>) {
    match category {
        Some(c) => {
            let id = format!(
                "group:{}",
                crate::model::text::slug(&c.name, |ch| ch.is_alphanumeric())
            );
            let list = vec![Category {
                category_id: id.clone(),
                name: c.name.clone(),
                color: super::parse_colour(&c.colour).unwrap_or([0x80, 0x80, 0x80]),
            }];
            (Some(id), list)
        }
        None => (None, Vec::new()),
    }
}

/// The IRI a record is exported under.
fn record_iri(layer: &GroupLayer, id: &str) -> String {
    match layer.entry(id).map(|e| &e.record.body) {
        // As the annotation's own export names it: an id from another tool is its IRI.
        Some(Shared::Annotation { annotation, .. }) if annotation.annotation_id.contains(':') => {
            annotation.annotation_id.clone()
        }
        Some(Shared::Annotation { annotation, .. }) => {
            format!("{ANNOTATION_IRI}{}", annotation.annotation_id)
        }
        Some(
            Shared::ComparisonNote { .. }
            | Shared::Comparison { .. }
            | Shared::Reply { .. }
            | Shared::Thread { .. },
        )
        | None => format!("urn:lectern:group-record:{id}"),
    }
}

fn w3c_layer(layer: &GroupLayer, filter: &LayerFilter) -> String {
    let mut items = Vec::new();
    for entry in layer
        .entries
        .iter()
        .filter(|e| filter.shows(&layer.name, e))
    {
        let value = match &entry.record.body {
            Shared::Annotation {
                annotation,
                category,
            } => {
                let (id, categories) = categories_of(category);
                let annotation = Annotation {
                    category_id: id,
                    ..annotation.clone()
                };
                w3c_annotation(&annotation, &categories, false, None)
            }
            Shared::ComparisonNote { note, category } => {
                let (id, categories) = categories_of(category);
                let note = crate::model::comparison::ComparisonNote {
                    category_id: id,
                    ..note.clone()
                };
                w3c_note(&note, &categories)
            }
            Shared::Reply { to, note } => json!({
                "@context": w3c::CONTEXT,
                "id": format!("urn:lectern:group-record:{}", entry.record.id),
                "type": "Annotation",
                "motivation": "replying",
                "created": entry.record.written,
                "body": [w3c::commenting_body(note)],
                "target": record_iri(layer, to),
            }),
            // A comparison is no annotation, and a thread's state is said with its replies'.
            Shared::Comparison { .. } | Shared::Thread { .. } => continue,
        };
        items.push(with_authorship(value, layer, entry));
    }
    w3c::collection(items)
}

/// The W3C export `json` of the reader's own notebook with `member` as each annotation's
/// creator (their own records need no signature: they are the reader's).
pub fn with_creator(json: &str, member: &super::Member) -> String {
    let Ok(mut value) = serde_json::from_str::<Value>(json) else {
        return json.to_owned();
    };
    let creator = json!({
        "id": format!("{MEMBER_IRI}{}", member.id),
        "type": "Person",
        "name": member.name,
    });
    if let Some(items) = value["first"]["items"].as_array_mut() {
        for item in items {
            item["creator"] = creator.clone();
        }
    }
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| json.to_owned()) + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::group::tests_support::seminar_layer;

    #[test]
    fn w3c_gives_each_annotation_its_creator_and_marks_the_unverified() {
        let (layer, library) = seminar_layer(true);
        let json: Value = serde_json::from_str(&export_layer(
            &layer,
            &library,
            &LayerFilter::default(),
            GroupFormat::W3c,
        ))
        .unwrap();
        let items = json["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 2, "the thread's state is no annotation");
        let question = &items[0];
        assert_eq!(question["creator"]["name"], "Anna");
        assert_eq!(question["creator"]["type"], "Person");
        assert_eq!(
            question["lectern:verified"], false,
            "Anna's note was edited by hand"
        );
        let reply = &items[1];
        assert_eq!(reply["motivation"], "replying");
        assert_eq!(reply["target"], question["id"]);
        assert_eq!(reply["creator"]["name"], "Boris");
        assert_eq!(reply["lectern:verified"], true);
    }

    #[test]
    fn markdown_and_html_show_threads_and_escape_members_markup() {
        let (layer, library) = seminar_layer(true);
        let md = export_layer(
            &layer,
            &library,
            &LayerFilter::default(),
            GroupFormat::Markdown,
        );
        assert!(md.contains("**Boris** ("), "{md}");
        assert!(
            md.contains("Anna (unverified: its signature does not check"),
            "{md}"
        );
        assert!(md.contains("\\<script\\>"), "markup escaped: {md}");
        assert!(md.contains("- *Resolved.*"), "{md}");
        let html = export_layer(&layer, &library, &LayerFilter::default(), GroupFormat::Html);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("class=\"author unverified\""));
        assert!(html.contains("<li><b>Boris</b>"));
        // A hidden layer is not exported.
        let mut filter = LayerFilter::default();
        filter.set_member("Seminar", "boris", false);
        let md = export_layer(&layer, &library, &filter, GroupFormat::Markdown);
        assert!(!md.contains("**Boris**"));
    }
}
