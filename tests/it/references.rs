//! `lectern references`: the library as references, read back by the programs scholars cite
//! with: pandoc (CSL-JSON and BibTeX, and its citeproc formatting a Chicago bibliography from
//! them) and a RIS reader (Python's rispy, as reference managers read RIS).
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::Path;
use std::process::Command;

use lectern::cli::references::{ReferenceFormat, run};

fn references(profile: &Path, format: ReferenceFormat) -> String {
    let mut out = Vec::new();
    run(Some(profile), format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Runs `program` with `args`, `input` on its standard input, and gives its output.
fn piped(program: &str, args: &[&str], input: &str) -> String {
    use std::io::Write;
    let mut child = Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} (installed by .ci/run): {e}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn by_id(items: &serde_json::Value) -> std::collections::BTreeMap<String, serde_json::Value> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| (item["id"].as_str().unwrap().to_owned(), item.clone()))
        .collect()
}

/// The fields a citation is made of, as pandoc read them.
fn cited(item: &serde_json::Value) -> Vec<String> {
    [
        "type",
        "title",
        "container-title",
        "volume",
        "page",
        "genre",
        "language",
        "URL",
    ]
    .iter()
    .map(|field| {
        let value = item[field].as_str().unwrap_or_default().replace('–', "-");
        // BibTeX names a language as babel does ("english"), which pandoc reads as "en-US".
        match *field {
            "language" => value.split('-').next().unwrap_or_default().to_owned(),
            _ => value,
        }
    })
    .chain([
        item["author"].to_string(),
        item["translator"].to_string(),
        item["issued"].to_string(),
    ])
    .collect()
}

#[test]
fn csl_json_and_bibtex_read_back_by_pandoc_give_the_same_references() {
    let profile = tempfile::tempdir().unwrap();
    let json = references(profile.path(), ReferenceFormat::CslJson);
    let written = by_id(&serde_json::from_str(&json).unwrap());
    assert_eq!(written.len(), 6, "every bundled text");

    let from_json: serde_json::Value =
        serde_json::from_str(&piped("pandoc", &["-f", "csljson", "-t", "csljson"], &json)).unwrap();
    let bib = references(profile.path(), ReferenceFormat::Bibtex);
    let from_bibtex: serde_json::Value =
        serde_json::from_str(&piped("pandoc", &["-f", "bibtex", "-t", "csljson"], &bib)).unwrap();
    for read in [by_id(&from_json), by_id(&from_bibtex)] {
        assert_eq!(
            read.keys().collect::<Vec<_>>(),
            written.keys().collect::<Vec<_>>()
        );
        for (id, item) in &written {
            assert_eq!(cited(&read[id]), cited(item), "{id}");
        }
    }
    let kamenev = &written["lenin-1922-09-26-kamenev"];
    assert_eq!(kamenev["volume"], "42");
    assert_eq!(kamenev["page"], "421–423");
}

#[test]
fn pandoc_cites_the_library_in_chicago_from_its_csl_json() {
    let profile = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bibliography = dir.path().join("library.json");
    std::fs::write(
        &bibliography,
        references(profile.path(), ReferenceFormat::CslJson),
    )
    .unwrap();
    let style = "/usr/share/citation-style-language/styles/chicago-note-bibliography.csl";
    let paper = "Lenin asked for a union of equals [@lenin-1922-09-26-kamenev, 422].\n";
    let printed = piped(
        "pandoc",
        &[
            "--citeproc",
            "--bibliography",
            bibliography.to_str().unwrap(),
            "--csl",
            style,
            "-t",
            "plain",
            "--wrap=none",
        ],
        paper,
    );
    for words in [
        "Lenin, V. I.",
        "On the Establishment of the U.S.S.R.",
        "translated by Bernard Isaacs",
        "Collected Works",
        "42:",
        "422",
    ] {
        assert!(printed.contains(words), "{words} in:\n{printed}");
    }
}

#[test]
fn ris_is_read_by_a_ris_reader_record_for_record() {
    let profile = tempfile::tempdir().unwrap();
    let ris = references(profile.path(), ReferenceFormat::Ris);
    let script = "import json, sys, rispy\n\
                  print(json.dumps(rispy.loads(sys.stdin.read())))";
    let read: serde_json::Value =
        serde_json::from_str(&piped("python3", &["-c", script], &ris)).unwrap();
    let records = read.as_array().unwrap();
    assert_eq!(records.len(), 6);
    let kamenev = records
        .iter()
        .find(|r| r["id"] == "lenin-1922-09-26-kamenev")
        .unwrap();
    assert_eq!(kamenev["type_of_reference"], "CHAP");
    assert_eq!(kamenev["authors"][0], "Lenin, V. I.");
    assert_eq!(kamenev["secondary_title"], "Collected Works");
    assert_eq!(kamenev["volume"], "42");
    assert_eq!(kamenev["start_page"], "421");
    assert_eq!(kamenev["end_page"], "423");
    assert_eq!(kamenev["year"], "1922");
    assert_eq!(kamenev["subsidiary_authors"][0], "Isaacs, Bernard");
}

/// A text imported with the reference Zotero exported for it (CSL-JSON): its metadata filled
/// from the entry, and `lectern references` gives the entry back, with the reader's own
/// title kept over the entry's.
#[test]
fn an_import_takes_its_metadata_from_a_zotero_entry_and_gives_it_back() {
    let profile = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("soldatenko.txt");
    std::fs::write(&file, "[p. 210]\n\nПроект резолюции комиссии.\n").unwrap();
    let entry = dir.path().join("zotero.json");
    std::fs::write(
        &entry,
        r#"[{"id": "soldatenko2017", "type": "chapter",
            "title": "Украина в водовороте внешнеполитических альтернатив",
            "author": [{"family": "Солдатенко", "given": "В. Ф."}],
            "container-title": "Украинско-российские взаимоотношения", "volume": "2",
            "page": "205–215", "issued": {"date-parts": [[2017]]}, "language": "ru"}]"#,
    )
    .unwrap();
    let chosen = lectern::cli::import::reference_entry(&entry, None).unwrap();
    let mut meta = lectern::storage::import::ImportMeta {
        title: "Soldatenko on the commission's draft".into(),
        ..Default::default()
    };
    meta.fill_from(&chosen);
    let mut out = Vec::new();
    lectern::cli::import::run(Some(profile.path()), &file, &meta, &mut out).unwrap();
    let id = String::from_utf8(out).unwrap().trim().to_owned();

    let all: serde_json::Value =
        serde_json::from_str(&references(profile.path(), ReferenceFormat::CslJson)).unwrap();
    let item = all
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id.as_str())
        .unwrap();
    assert_eq!(
        item["title"], "Soldatenko on the commission's draft",
        "the reader's title"
    );
    assert_eq!(item["author"][0]["family"], "Солдатенко");
    assert_eq!(
        item["container-title"],
        "Украинско-российские взаимоотношения"
    );
    assert_eq!(item["volume"], "2");
    assert_eq!(item["page"], "205–215");
    assert_eq!(item["issued"]["date-parts"][0][0], 2017);
    assert_eq!(item["language"], "ru");

    // A file of several entries needs a key; a key it lacks is refused.
    std::fs::write(&entry, references(profile.path(), ReferenceFormat::Bibtex)).unwrap();
    let several = lectern::cli::import::reference_entry(&entry, None).unwrap_err();
    assert!(several.to_string().contains("--key"), "{several}");
    assert!(lectern::cli::import::reference_entry(&entry, Some("no-such-key")).is_err());
    let kamenev =
        lectern::cli::import::reference_entry(&entry, Some("lenin-1922-09-26-kamenev")).unwrap();
    assert_eq!(kamenev.volume.as_deref(), Some("42"));
}
