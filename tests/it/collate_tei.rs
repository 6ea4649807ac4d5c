//! `lectern collate --format tei` as a TEI user checks it: the export validated by the real
//! `jing` against the TEI Consortium's `tei_all.rng` (P5 4.3.0, kept in
//! `tests/data/collation/tei/` with its licence), and read back by `lectern collate --tei`.
//!
//! Needs the `jing` binary (Debian: `apt-get install jing`; `.ci/run` installs it): without it
//! the tests fail, they do not pass quietly.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::process::Command;

fn data(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/collation")
        .join(relative)
}

/// `lectern collate ARGS…` in a fresh profile; its standard output.
fn collate(profile: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .arg("--profile")
        .arg(profile)
        .arg("collate")
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "lectern collate {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Whether `jing` finds `xml` valid against `tei_all.rng`, with what it said.
fn jing(xml: &Path) -> (bool, String) {
    let output = match Command::new("jing")
        .arg(data("tei/tei_all.rng"))
        .arg(xml)
        .output()
    {
        Ok(output) => output,
        Err(e) => panic!(
            "jing could not be run ({e}): install it (Debian: apt-get install jing; .ci/run \
             installs it) — the TEI export is checked by the real validator, never skipped"
        ),
    };
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), said)
}

#[test]
fn the_tei_export_is_valid_tei_all_by_jing() {
    let folder = tempfile::tempdir().unwrap();
    let darwin = data("darwin-chapter1-paragraph1.json");
    let koalas = folder.path().join("koalas.json");
    std::fs::write(
        &koalas,
        r#"{"witnesses": [
            {"id": "A", "content": "The quick brown wombat jumps over the industrious brown dog."},
            {"id": "B", "content": "The brown koala jumps over the lazy yellow dog & <cat>."},
            {"id": "C", "content": "the brown Koala jumps over the industrious yellow dog."}]}"#,
    )
    .unwrap();
    let exports = [
        (
            "darwin-1859.xml",
            vec![
                "--json",
                darwin.to_str().unwrap(),
                "--format",
                "tei",
                "--base",
                "1859",
            ],
        ),
        (
            "darwin-majority.xml",
            vec![
                "--json",
                darwin.to_str().unwrap(),
                "--format",
                "tei",
                "--normalize",
                "exact",
            ],
        ),
        (
            "koalas.xml",
            vec!["--json", koalas.to_str().unwrap(), "--format", "tei"],
        ),
    ];
    for (name, args) in exports {
        let xml = collate(folder.path(), &args);
        assert!(xml.contains("<listWit>"), "{xml}");
        let file = folder.path().join(name);
        std::fs::write(&file, &xml).unwrap();
        let (valid, said) = jing(&file);
        assert!(valid, "{name} is not valid TEI: {said}\n{xml}");
    }
}

#[test]
fn jing_refuses_what_is_not_tei() {
    // The check above means something: an element TEI does not have fails it.
    let folder = tempfile::tempdir().unwrap();
    let darwin = data("darwin-chapter1-paragraph1.json");
    let xml = collate(
        folder.path(),
        &["--json", darwin.to_str().unwrap(), "--format", "tei"],
    );
    let broken = folder.path().join("broken.xml");
    std::fs::write(&broken, xml.replace("<listWit>", "<listWit><shelf/>")).unwrap();
    let (valid, said) = jing(&broken);
    assert!(!valid, "{said}");
    assert!(said.contains("shelf"), "{said}");
}

#[test]
fn the_tei_export_opens_again_as_its_witnesses() {
    let folder = tempfile::tempdir().unwrap();
    let darwin = data("darwin-chapter1-paragraph1.json");
    let xml = collate(
        folder.path(),
        &["--json", darwin.to_str().unwrap(), "--format", "tei"],
    );
    let file = folder.path().join("darwin.xml");
    std::fs::write(&file, &xml).unwrap();
    let back: serde_json::Value = serde_json::from_str(&collate(
        folder.path(),
        &["--tei", file.to_str().unwrap(), "--format", "json"],
    ))
    .unwrap();
    let input: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&darwin).unwrap()).unwrap();
    let witnesses = input["witnesses"].as_array().unwrap();
    assert_eq!(back["witnesses"].as_array().unwrap().len(), witnesses.len());
    for (row, witness) in back["table"].as_array().unwrap().iter().zip(witnesses) {
        let text: String = row
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|cell| cell.as_array())
            .flatten()
            .map(|token| token["t"].as_str().unwrap())
            .collect();
        let original = witness["content"].as_str().unwrap();
        assert_eq!(
            text.trim(),
            original.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    assert_eq!(back["transpositions"][0]["witness"], "1869");
}

#[test]
fn the_collation_window_exports_tei_that_jing_accepts_and_opens_it_again() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;

    use crate::collation_view::{
        CLAUSE_1_TITLE, clause_1_collated_with_dialogs_on, until_collated, until_exported,
    };

    let profile = tempfile::tempdir().unwrap();
    let file = profile.path().join("clause-1-russian.xml");
    // The file dialogs answer with this file: where to save, then what to open.
    let mut harness = clause_1_collated_with_dialogs_on(profile.path(), &file);
    harness
        .get_by_role_and_label(Role::Button, "Export TEI…")
        .click();
    until_exported(&mut harness);
    let (valid, said) = jing(&file);
    assert!(valid, "jing: {said}");
    let xml = std::fs::read_to_string(&file).unwrap();
    assert!(xml.contains("Lenin’s amendment (Russian)"), "{xml}");
    assert!(
        !xml.contains("(English)"),
        "the Russian witnesses only: {xml}"
    );

    // The comparison closes, and with it the collation; the file opens again as one.
    harness
        .get_by_role_and_label(Role::Button, "Close comparison")
        .click();
    harness.run();
    assert!(!harness.state().collation().is_open());
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Open file…").click();
    for _ in 0..400 {
        harness.step();
        if harness.state().collation().is_open() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    until_collated(&mut harness);
    let title = harness.state().collation().title().unwrap().to_owned();
    assert!(title.starts_with(CLAUSE_1_TITLE), "{title}");
    for witness in [
        "Stalin’s draft (Russian)",
        "Lenin’s amendment (Russian)",
        "Revised draft, early Oct 1922 (Russian)",
    ] {
        harness.get_by_label(witness);
    }
    harness.get_by_label_contains("3 witnesses");
}
