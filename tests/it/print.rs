//! Printing: the Clause 1 comparison with a note on Lenin's amendment printed to a PDF, read
//! back by poppler's pdftotext (every row and the note, Cyrillic intact) and its pages
//! rendered by pdftoppm, as a reader sees them.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::process::Command;

use lectern::formats::print::{Document, Marks, from_markdown, to_pdf};
use lectern::model::comparison::{ComparisonNote, Reference, compute, export};
use lectern::model::diff::Normalization;

/// The Clause 1 comparison printed, with a note on Lenin's amendment (in Russian and English).
pub fn clause_1_pdf() -> (lectern::model::comparison::Comparison, Vec<u8>) {
    let clause_1 = lectern::bundled::bundled_comparisons()
        .into_iter()
        .find(|c| c.id == lectern::bundled::CLAUSE_1)
        .unwrap();
    let normalization = Normalization::wording();
    let result = compute(
        &clause_1,
        &normalization,
        Reference::Previous,
        &mut |_, _| true,
    )
    .unwrap();
    let note = ComparisonNote {
        note: "Lenin’s amendment: «Союз Советских Республик Европы и Азии» replaces the entry"
            .into(),
        ..ComparisonNote::new(
            "cn-1".into(),
            &clause_1,
            1,
            None,
            &"2026-12-07T00:00:00Z".into(),
        )
    };
    let markdown = export::to_markdown(
        &clause_1,
        &result,
        &normalization,
        Reference::Previous,
        &[note],
    );
    let document = Document {
        title: clause_1.title.clone(),
        author: None,
        language: "en".into(),
        blocks: from_markdown(&markdown, Marks::Comparison),
    };
    (clause_1, to_pdf(&document).unwrap())
}

/// Page `page` (from 1) of `pdf` as pdftoppm renders it at 50 dots an inch.
pub fn rendered_page(pdf: &[u8], page: usize) -> image::RgbaImage {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("printed.pdf");
    std::fs::write(&path, pdf).unwrap();
    let page = page.to_string();
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "50", "-f", &page, "-l", &page, "-singlefile"])
        .arg(&path)
        .arg(dir.path().join("page"))
        .status()
        .expect("pdftoppm (poppler-utils, installed by .ci/run)");
    assert!(status.success());
    image::open(dir.path().join("page.png")).unwrap().to_rgba8()
}

/// What poppler's pdftotext reads of the PDF `path`: as it prints it, and its words on one line.
fn pdftotext(path: &std::path::Path) -> (String, String) {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, installed by .ci/run)");
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    let flat = printed.split_whitespace().collect::<Vec<_>>().join(" ");
    (printed, flat)
}

#[test]
fn the_clause_1_comparison_prints_to_a_pdf_that_reads_back_whole() {
    let (clause_1, pdf) = clause_1_pdf();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clause-1.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let (printed, flat) = pdftotext(&path);
    // Every segment's label and every witness's words are there, in order of the Markdown.
    for segment in &clause_1.segments {
        let label = segment.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&label), "the row {label:?} in:\n{printed}");
    }
    for witness in &clause_1.witnesses {
        for wording in witness.segments.iter().flatten() {
            let words: Vec<&str> = wording.text.split_whitespace().collect();
            // A wording's first and last words, whatever its line breaks.
            for word in [words.first(), words.last()].into_iter().flatten() {
                assert!(
                    flat.contains(word),
                    "{word:?} of {} in:\n{printed}",
                    witness.label
                );
            }
        }
    }
    assert!(
        flat.contains("«Союз Советских Республик Европы и Азии» replaces the entry"),
        "the note, Cyrillic intact:\n{printed}"
    );
    assert!(flat.contains("page 1 of"), "the foot:\n{printed}");
    // Its pages, rendered as a reader sees them.
    let rendered = Command::new("pdftoppm")
        .args(["-png", "-r", "40"])
        .arg(&path)
        .arg(dir.path().join("page"))
        .status()
        .unwrap();
    assert!(rendered.success());
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    files.sort();
    let pages: Vec<image::RgbaImage> = files
        .iter()
        .map(|p| image::open(p).unwrap().to_rgba8())
        .collect();
    assert!(pages.len() >= 2, "{} pages", pages.len());
    // The pale red ground of a removed word and the pale green of an added one are drawn; the
    // witnesses' labels on the first page are not marked as added.
    let near = |p: &image::Rgba<u8>, rgb: [u8; 3]| {
        p.0[..3].iter().zip(rgb).all(|(a, b)| a.abs_diff(b) <= 3)
    };
    let has = |page: &image::RgbaImage, rgb: [u8; 3]| page.pixels().any(|p| near(p, rgb));
    let (removed, added) = ([255, 222, 222], [214, 240, 214]);
    assert!(
        pages
            .iter()
            .any(|page| has(page, removed) && has(page, added))
    );
    assert!(
        !has(&pages[0], added),
        "the first page holds the witnesses, nothing added"
    );
}

#[test]
fn the_collation_window_prints_its_table_and_apparatus_to_a_pdf() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;

    use crate::collation_view::{clause_1_collated_with_dialogs_on, until_exported};

    let profile = tempfile::tempdir().unwrap();
    let file = profile.path().join("clause-1-russian.pdf");
    let mut harness = clause_1_collated_with_dialogs_on(profile.path(), &file);
    harness
        .get_by_role_and_label(Role::Button, "Print to PDF…")
        .click();
    until_exported(&mut harness);
    let (printed, flat) = pdftotext(&file);
    for words in [
        "Witnesses",
        "Lenin’s amendment (Russian)",
        "Table",
        "the witnesses differ:",
        "Apparatus",
        "Base text:",
        "[1]",
    ] {
        assert!(flat.contains(words), "{words:?} in:\n{printed}");
    }
}

#[test]
fn file_print_notes_writes_a_pdf_of_the_notes_with_their_citations() {
    use egui_kittest::kittest::Queryable;

    use crate::common::gui::{
        ScriptedDialogs, add_highlight_with_note, app_with, click, start_options,
    };

    let profile = tempfile::tempdir().unwrap();
    let file = profile.path().join("notes.pdf");
    let mut app = app_with(lectern::ui::app::StartOptions {
        dialogs: Some(std::sync::Arc::new(ScriptedDialogs(Some(file.clone())))),
        ..start_options(profile.path(), &["lenin-1922-09-26-kamenev"])
    });
    add_highlight_with_note(&mut app, "Why «объединение», and not entry?");
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(60)
        .build_ui_state(
            |ui, app: &mut lectern::ui::app::LecternApp| app.show(ui),
            app,
        );
    harness.run();
    click(&mut harness, "File");
    harness.get_by_label_contains("Print notes to PDF…").click();
    for _ in 0..400 {
        harness.step();
        if file.exists() && std::fs::metadata(&file).unwrap().len() > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let (printed, flat) = pdftotext(&file);
    for words in [
        "Annotations",
        "V. I. Lenin, “On the Establishment of the U.S.S.R.”",
        "Why «объединение», and not entry?",
    ] {
        assert!(flat.contains(words), "{words:?} in:\n{printed}");
    }
}
