//! In-process tests of the commands: each runs on a temporary profile and writes to a buffer.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::Path;

use super::TextOrJson;
use super::compare::{CompareFormat, Normalize};
use super::export::ExportFormat;
use crate::model::annotation::Annotation;
use crate::storage::import::ImportMeta;
use crate::storage::open::Access;

const KAMENEV: &str = "lenin-1922-09-26-kamenev";

/// What `command` wrote.
fn written(command: impl FnOnce(&mut Vec<u8>) -> anyhow::Result<()>) -> String {
    let mut out = Vec::new();
    command(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Imports `contents` (bytes in any encoding) as the file `name` into `profile`; its id.
fn imported(profile: &Path, name: &str, contents: &[u8]) -> String {
    let file = profile.join(name);
    std::fs::write(&file, contents).unwrap();
    let said = written(|out| super::import::run(Some(profile), &file, &ImportMeta::default(), out));
    said.trim().to_owned()
}

#[test]
fn list_prints_the_bundled_and_imported_texts_as_text_and_as_json() {
    let profile = tempfile::tempdir().unwrap();
    let id = imported(
        profile.path(),
        "draft.txt",
        "On the formal entry.\n".as_bytes(),
    );
    assert!(id.starts_with("import-"), "{id}");
    let text = written(|out| super::list::run(Some(profile.path()), TextOrJson::Text, out));
    let ids: Vec<&str> = text
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert!(ids.contains(&KAMENEV), "{text}");
    assert!(ids.contains(&id.as_str()), "{text}");
    let json = written(|out| super::list::run(Some(profile.path()), TextOrJson::Json, out));
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), ids.len(), "one object a text");
    let ours = items.iter().find(|i| i["id"] == id.as_str()).unwrap();
    assert_eq!(ours["imported"], true);
    assert_eq!(ours["paragraphs"], 1);
    let kamenev = items.iter().find(|i| i["id"] == KAMENEV).unwrap();
    assert_eq!(kamenev["imported"], false);
    assert!(kamenev["title"].as_str().unwrap().len() > 3);
    // The keys of the format, in their order.
    let keys: Vec<&str> = kamenev
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "title",
            "subtitle",
            "author",
            "date",
            "date_label",
            "language",
            "kind",
            "reference",
            "url",
            "imported",
            "paragraphs"
        ]
    );
}

#[test]
fn export_writes_the_annotations_of_one_text_and_refuses_an_unknown_id() {
    let profile = tempfile::tempdir().unwrap();
    let id = imported(
        profile.path(),
        "draft.txt",
        "On the formal entry of the former into the RSFSR.\n".as_bytes(),
    );
    {
        let mut opened = super::open(Some(profile.path()), Access::Write).unwrap();
        for (n, text_id) in [KAMENEV, id.as_str()].into_iter().enumerate() {
            let text = opened.library.get(text_id).unwrap().clone();
            let annotation = Annotation {
                note: format!("note on {text_id}"),
                ..Annotation::new(
                    format!("a{n}"),
                    &text,
                    (3..12).into(),
                    None,
                    &"2026-12-01T00:00:00Z".into(),
                )
            };
            opened
                .notebook
                .edit(
                    crate::model::notebook::Edit::AddAnnotation(annotation),
                    &crate::model::clock::now(),
                )
                .unwrap();
        }
        opened.save_notebook().unwrap();
    }
    let all =
        written(|out| super::export::run(Some(profile.path()), ExportFormat::Md, None, None, out));
    assert!(all.contains(&format!("note on {KAMENEV}")), "{all}");
    assert!(all.contains(&format!("note on {id}")), "{all}");
    // The id `lectern list` prints for the import selects its annotations alone.
    let one = written(|out| {
        super::export::run(
            Some(profile.path()),
            ExportFormat::Csv,
            Some(&id),
            None,
            out,
        )
    });
    assert!(one.contains(&format!("note on {id}")), "{one}");
    assert!(!one.contains(&format!("note on {KAMENEV}")), "{one}");
    assert_eq!(one.lines().count(), 2, "a header and one row: {one}");
    let mut out = Vec::new();
    let refused = super::export::run(
        Some(profile.path()),
        ExportFormat::Md,
        Some("no-such-text"),
        None,
        &mut out,
    )
    .unwrap_err();
    assert!(refused.to_string().contains("no-such-text"), "{refused}");
    assert!(out.is_empty());
}

/// The characters `range` (a JSON pair) of `text`.
fn slice(text: &str, range: &serde_json::Value) -> String {
    let (start, end) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn compare_json_keeps_its_layout_and_its_ranges_rebuild_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let a = "Признать целесообразным «заключение» договора\r\nо вступлении";
    let b = "Признать необходимым заключение договора\nоб объединении";
    std::fs::write(dir.path().join("a.txt"), a).unwrap();
    std::fs::write(dir.path().join("b.txt"), b).unwrap();
    let (a_path, b_path) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    let json = written(|out| {
        super::compare::run(
            Some(dir.path()),
            a_path.to_str().unwrap(),
            b_path.to_str().unwrap(),
            CompareFormat::Json,
            Normalize::Wording,
            out,
        )
    });
    // The layout readers' scripts know: a line for each wording and each operation.
    let lines: Vec<&str> = json.lines().collect();
    assert_eq!(lines[0], "{");
    assert_eq!(
        lines[1],
        format!(
            "  \"a\": {{ \"name\": \"a.txt\", \"chars\": {} }},",
            a.chars().count()
        )
    );
    assert_eq!(lines[3], "  \"normalize\": \"wording\",");
    assert_eq!(lines[4], "  \"ops\": [");
    assert!(lines[5].starts_with("    { \"kind\": \""), "{json}");
    assert!(json.ends_with("\n  ]\n}\n"), "{json}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ops = value["ops"].as_array().unwrap();
    assert_eq!(lines.len(), 5 + ops.len() + 2);
    let rebuilt_a: String = ops.iter().map(|op| slice(a, &op["a"])).collect();
    let rebuilt_b: String = ops.iter().map(|op| slice(b, &op["b"])).collect();
    assert_eq!((rebuilt_a.as_str(), rebuilt_b.as_str()), (a, b));
}

#[test]
fn compare_reads_a_windows_1251_file_and_an_imported_text_by_its_id() {
    let profile = tempfile::tempdir().unwrap();
    let wording = "Признать целесообразным заключение договора между Украиной и РСФСР.";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(wording);
    let id = imported(profile.path(), "imported.txt", &bytes);
    let legacy = profile.path().join("legacy.txt");
    std::fs::write(&legacy, &bytes).unwrap();
    let other = profile.path().join("other.txt");
    std::fs::write(
        &other,
        "Признать необходимым заключение договора между Украиной и РСФСР.",
    )
    .unwrap();
    let text = written(|out| {
        super::compare::run(
            Some(profile.path()),
            legacy.to_str().unwrap(),
            &id,
            CompareFormat::Text,
            Normalize::Wording,
            out,
        )
    });
    assert!(
        !text.contains("[-") && !text.contains("{+"),
        "the same wording: {text}"
    );
    let text = written(|out| {
        super::compare::run(
            Some(profile.path()),
            &id,
            other.to_str().unwrap(),
            CompareFormat::Text,
            Normalize::Wording,
            out,
        )
    });
    assert!(
        text.contains("[-целесообразным-] {+необходимым+}"),
        "{text}"
    );
    let mut out = Vec::new();
    let refused = super::compare::run(
        Some(profile.path()),
        "no-such-text",
        &id,
        CompareFormat::Text,
        Normalize::Wording,
        &mut out,
    )
    .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("neither a file nor a bundled text id"),
        "{refused}"
    );
}

/// `lectern member`, `group join`, `group share`, `group reply`, `export --group`: the W3C
/// export names each annotation's creator, a reply targets what it answers, and a record
/// changed by hand is exported as unverified; the Markdown shows the thread.
#[test]
fn a_group_is_joined_shared_replied_to_and_exported_from_the_command_line() {
    use super::group::{GroupCommand, member, run};
    let root = tempfile::tempdir().unwrap();
    let (anna, boris, group) = (
        root.path().join("anna"),
        root.path().join("boris"),
        root.path().join("g"),
    );
    written(|out| member(Some(&anna), Some("Anna"), None, false, out));
    written(|out| member(Some(&boris), Some("Boris"), None, false, out));
    let join = |profile: &Path, name: Option<&str>| {
        written(|out| {
            run(
                Some(profile),
                GroupCommand::Join {
                    dir: group.clone(),
                    name: name.map(str::to_owned),
                },
                out,
            )
        })
    };
    assert!(join(&anna, Some("Seminar")).starts_with("Joined Seminar"));
    assert!(join(&boris, None).starts_with("Joined Seminar"));
    // Anna's annotation, in her notebook, then shared.
    let w3c = root.path().join("q.json");
    std::fs::write(
        &w3c,
        r#"{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","id":"urn:x:1",
            "body":[{"type":"TextualBody","value":"Why 'entry'?","purpose":"commenting"}],
            "target":{"source":"urn:lectern:text:lenin-1922-09-26-kamenev",
            "selector":{"type":"TextQuoteSelector","exact":"Union of Soviet Republics of Europe and Asia"}}}"#,
    )
    .unwrap();
    super::import_annotations::run(Some(&anna), &w3c).unwrap();
    let said = written(|out| {
        run(
            Some(&anna),
            GroupCommand::Share {
                group: "Seminar".into(),
                id: "urn:x:1".into(),
            },
            out,
        )
    });
    let record = said
        .trim()
        .rsplit(' ')
        .next()
        .unwrap()
        .trim_end_matches('.')
        .to_owned();
    written(|out| {
        run(
            Some(&boris),
            GroupCommand::Reply {
                group: "Seminar".into(),
                record: record.clone(),
                text: "Stalin's *word*".into(),
            },
            out,
        )
    });
    let export = |format| {
        written(|out| super::export::run_group(Some(&boris), "Seminar", format, false, None, out))
    };
    let json: serde_json::Value =
        serde_json::from_str(&export(super::export::ExportFormat::W3c)).unwrap();
    let items = json["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    // Written in the same second, they may come in either order.
    let by = |name: &str| items.iter().find(|i| i["creator"]["name"] == name).unwrap();
    let (question, reply) = (by("Anna"), by("Boris"));
    assert_eq!(question["lectern:verified"], true);
    assert_eq!(question["motivation"], "commenting");
    assert_eq!(reply["motivation"], "replying");
    assert_eq!(reply["target"], question["id"]);
    assert_eq!(reply["lectern:verified"], true);
    let md = export(super::export::ExportFormat::Md);
    assert!(md.contains("- **Boris** ("), "{md}");
    assert!(md.contains("Stalin's \\*word\\*"), "markup escaped: {md}");
    // Anna's record changed by hand in the folder: exported as unverified.
    let members = std::fs::read_dir(group.join("members")).unwrap();
    for member in members.flatten() {
        let file = member.path().join("records").join(format!("{record}.json"));
        if file.exists() {
            let text = std::fs::read_to_string(&file).unwrap();
            std::fs::write(&file, text.replace("Why 'entry'?", "Stalin is right.")).unwrap();
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&export(super::export::ExportFormat::W3c)).unwrap();
    let question = json["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["creator"]["name"] == "Anna")
        .unwrap();
    assert_eq!(question["lectern:verified"], false);
    assert!(export(super::export::ExportFormat::Md).contains("Anna (unverified"));
    // The reader's own W3C export names them as creator.
    let own = written(|out| {
        super::export::run(
            Some(&anna),
            super::export::ExportFormat::W3c,
            None,
            None,
            out,
        )
    });
    let own: serde_json::Value = serde_json::from_str(&own).unwrap();
    assert_eq!(own["first"]["items"][0]["creator"]["name"], "Anna");
}
