//! In-process tests of `lectern collate` in each format, from CollateX's JSON, files, library
//! ids and TEI.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::{Path, PathBuf};

use super::{CollateFormat, Options, Sources, run};
use crate::cli::compare::Normalize;

fn darwin() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/collation/darwin-chapter1-paragraph1.json")
}

fn options(format: CollateFormat, base: Option<&str>) -> Options<'_> {
    Options {
        format,
        normalize: Normalize::Wording,
        base,
    }
}

/// What `lectern collate` wrote for `sources` in `format`.
fn collated(
    profile: &Path,
    sources: Sources<'_>,
    format: CollateFormat,
    base: Option<&str>,
) -> String {
    let mut out = Vec::new();
    run(Some(profile), sources, options(format, base), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn from_json(path: &Path) -> Sources<'_> {
    Sources {
        json: Some(path),
        ..Sources::default()
    }
}

#[test]
fn darwin_s_six_editions_in_each_format() {
    let profile = tempfile::tempdir().unwrap();
    let path = darwin();
    let table = collated(profile.path(), from_json(&path), CollateFormat::Table, None);
    let mut lines = table.lines();
    assert_eq!(
        lines.next().unwrap(),
        "place | 1859 | 1860 | 1861 | 1866 | 1869 | 1872"
    );
    assert!(table.contains("| much | – | – | – | – | –"), "{table}");
    assert!(
        table.contains("moved: 1869 reads “more” at place"),
        "the transposition is told as a move: {table}"
    );

    let apparatus = collated(
        profile.path(),
        from_json(&path),
        CollateFormat::Apparatus,
        Some("1859"),
    );
    assert!(apparatus.starts_with("Base: 1859\n"), "{apparatus}");
    assert!(
        apparatus.contains("much more ] 1859; more 1860 1861 1866 1872; 1869 *moved*"),
        "{apparatus}"
    );
    assert!(apparatus.contains("more 1869 *moved here*"), "{apparatus}");
    assert!(apparatus.contains("Distances"), "{apparatus}");

    let json = collated(profile.path(), from_json(&path), CollateFormat::Json, None);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let sigla: Vec<&str> = value["witnesses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert_eq!(sigla, ["1859", "1860", "1861", "1866", "1869", "1872"]);
    let rows = value["table"].as_array().unwrap();
    assert_eq!(rows.len(), 6, "a row per witness, as CollateX writes it");
    let columns = rows[0].as_array().unwrap().len();
    assert!(rows.iter().all(|r| r.as_array().unwrap().len() == columns));
    // Each row's tokens, read in order, give its witness's text back.
    let input: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for (row, witness) in rows.iter().zip(input["witnesses"].as_array().unwrap()) {
        let text: String = row
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|cell| cell.as_array())
            .flatten()
            .map(|token| token["t"].as_str().unwrap())
            .collect();
        assert_eq!(text, witness["content"].as_str().unwrap());
    }
    // As CollateX numbers them: a row's tokens carry its siglum, and their places in the
    // token array of all witnesses rise through the rows, one place left between witnesses.
    let mut last: Option<u64> = None;
    for (row, siglum) in rows.iter().zip(&sigla) {
        for token in row
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c.as_array())
            .flatten()
        {
            assert_eq!(token["_sigil"], *siglum);
            let position = token["_token_array_position"].as_u64().unwrap();
            assert!(last.is_none_or(|l| position > l));
            last = Some(position);
        }
    }
    assert_eq!(rows[0][1][0]["_token_array_position"], 0);
    // `n` is the token as written without its white space, as CollateX's default
    // normalisation gives it (its readers compare `n`); `_key` is what Lectern compared.
    assert_eq!(rows[0][1][0]["t"], "WHEN ");
    assert_eq!(rows[0][1][0]["n"], "WHEN");
    assert_eq!(rows[0][1][0]["_key"], "when");
    assert_eq!(value["transpositions"][0]["witness"], "1869");
    assert_eq!(value["transpositions"][0]["text"], "more");

    let tei = collated(
        profile.path(),
        from_json(&path),
        CollateFormat::Tei,
        Some("1859"),
    );
    assert!(tei.starts_with("<?xml"), "{tei}");
    assert!(
        tei.contains(r#"<witness xml:id="w1869" n="1869">"#),
        "{tei}"
    );
    assert!(tei.contains(r#"cause="transposition""#), "{tei}");
}

#[test]
fn files_and_library_ids_are_witnesses_too() {
    let profile = tempfile::tempdir().unwrap();
    let a = profile.path().join("a.txt");
    let b = profile.path().join("b.txt");
    std::fs::write(&a, "The republics enter the RSFSR.\n").unwrap();
    // In another encoding: the import's decoder reads it.
    let (windows_1251, _, _) = encoding_rs::WINDOWS_1251.encode("The republics join the RSFSR.\n");
    std::fs::write(&b, windows_1251).unwrap();
    let arguments = [
        a.display().to_string(),
        b.display().to_string(),
        "lenin-1922-09-26-kamenev".to_owned(),
    ];
    let sources = Sources {
        arguments: &arguments,
        ..Sources::default()
    };
    let table = collated(profile.path(), sources, CollateFormat::Table, None);
    let header = table.lines().next().unwrap();
    assert!(header.starts_with("place | a.txt | b.txt | "), "{table}");
    assert_eq!(header.matches(" | ").count(), 3, "{header}");
    assert!(
        table.lines().any(|l| l.contains("| enter | join |")),
        "{table}"
    );
}

#[test]
fn tei_written_reads_back_as_the_same_witnesses() {
    let profile = tempfile::tempdir().unwrap();
    let path = darwin();
    let tei = collated(profile.path(), from_json(&path), CollateFormat::Tei, None);
    let file = profile.path().join("darwin.xml");
    std::fs::write(&file, &tei).unwrap();
    let from_tei = Sources {
        tei: Some(&file),
        ..Sources::default()
    };
    let again: serde_json::Value = serde_json::from_str(&collated(
        profile.path(),
        from_tei,
        CollateFormat::Json,
        None,
    ))
    .unwrap();
    let first: serde_json::Value = serde_json::from_str(&collated(
        profile.path(),
        from_json(&path),
        CollateFormat::Json,
        None,
    ))
    .unwrap();
    assert_eq!(again["witnesses"], first["witnesses"]);
    let words = |value: &serde_json::Value| -> Vec<Vec<String>> {
        value["table"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| {
                row.as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|c| c.as_array())
                    .flatten()
                    .map(|t| t["n"].as_str().unwrap().to_owned())
                    .collect()
            })
            .collect()
    };
    assert_eq!(words(&again), words(&first));
    assert_eq!(
        again["table"][0].as_array().unwrap().len(),
        first["table"][0].as_array().unwrap().len(),
        "the same places"
    );
}

#[test]
fn too_few_witnesses_and_an_unknown_base_are_clear_errors() {
    let profile = tempfile::tempdir().unwrap();
    let a = profile.path().join("a.txt");
    std::fs::write(&a, "Only one.\n").unwrap();
    let arguments = [a.display().to_string()];
    let sources = Sources {
        arguments: &arguments,
        ..Sources::default()
    };
    let mut out = Vec::new();
    let error = run(
        Some(profile.path()),
        sources,
        options(CollateFormat::Table, None),
        &mut out,
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("at least two witnesses"),
        "{error}"
    );
    let path = darwin();
    let error = run(
        Some(profile.path()),
        from_json(&path),
        options(CollateFormat::Apparatus, Some("1900")),
        &mut out,
    )
    .unwrap_err();
    assert!(error.to_string().contains("--base 1900"), "{error}");
    assert!(error.to_string().contains("1859, 1860"), "{error}");
}

#[test]
fn a_comparison_is_collated_within_one_language() {
    let profile = tempfile::tempdir().unwrap();
    let sources = |language| Sources {
        comparison: Some("clause-1"),
        language,
        ..Sources::default()
    };
    let apparatus = collated(
        profile.path(),
        sources(Some("ru")),
        CollateFormat::Apparatus,
        Some("Stalin’s draft (Russian)"),
    );
    assert!(
        apparatus.contains(
            "the Russian witnesses. Russian and English are not collated against each other."
        ),
        "{apparatus}"
    );
    // Each entry is numbered apart from a lemma that starts with the clause's own number,
    // and the witnesses' names are set apart from the readings and from each other.
    assert!(
        apparatus.contains("[1] 1. Признать целесообразным ] Stalin’s draft (Russian); "),
        "{apparatus}"
    );
    assert!(
        apparatus.contains(
            "[6] о формальном ] Stalin’s draft (Russian); об — Revised draft, early Oct 1922 \
             (Russian); om. Lenin’s amendment (Russian)"
        ),
        "{apparatus}"
    );
    assert!(
        apparatus
            .contains("om. Lenin’s amendment (Russian) · Revised draft, early Oct 1922 (Russian)"),
        "{apparatus}"
    );
    assert!(!apparatus.contains("(English"), "{apparatus}");
    let mut out = Vec::new();
    let error = run(
        Some(profile.path()),
        sources(None),
        options(CollateFormat::Table, None),
        &mut out,
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("Choose one with --language ru or --language en"),
        "{error}"
    );
}
