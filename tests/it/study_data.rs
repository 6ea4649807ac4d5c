//! The build-time check of the study tools' bundled data (`build_support/study_data.rs`),
//! run on the real data and on broken copies of it.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

#[path = "../../build_support/study_data.rs"]
mod checker;

use std::path::{Path, PathBuf};

/// A copy of `resources/` (its study data and comparisons) to break.
fn copy_of_resources() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources");
    for sub in ["index", "timeline", "glossary", "comparisons"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(root.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.path().join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    let resources = dir.path().to_path_buf();
    (dir, resources)
}

/// The bundled texts as the build gives them to the check.
fn texts() -> checker::Texts {
    let library = lectern::bundled::bundled_library();
    library
        .texts()
        .iter()
        .map(|t| {
            let paragraphs = (0..t.paragraphs().len())
                .map(|i| t.paragraph_text(i).to_owned())
                .collect();
            let context = t.meta().context_before.clone().unwrap_or_default();
            (t.id().to_string(), (paragraphs, context))
        })
        .collect()
}

fn break_file(resources: &Path, file: &str, from: &str, to: &str) {
    let path = resources.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn the_bundled_study_data_passes() {
    let (_dir, resources) = copy_of_resources();
    assert_eq!(checker::check(&resources, &texts()), Vec::<String>::new());
}

#[test]
fn each_kind_of_mistake_is_named_with_its_file_and_entry() {
    let cases = [
        (
            "timeline/events.json",
            "I spoke about it with Sokolnikov yesterday",
            "I spoke with Sokolnikov yesterday",
            "entry 2 (lenin-sokolnikov): its quote is not once",
        ),
        (
            "timeline/events.json",
            "\"1922-09-25\"",
            "\"25 Sept 1922\"",
            "is not one Lectern reads",
        ),
        (
            "timeline/events.json",
            "\"1922-09-25\"",
            "\"1922-02-30\"",
            "is not one Lectern reads",
        ),
        (
            "glossary/terms.json",
            "\"text\": \"entry\"",
            "\"text\": \"—\"",
            "is incomplete",
        ),
        (
            "index/people-and-places.json",
            "\"Stalin\", ",
            "\"«»\", ",
            "needs spellings",
        ),
        (
            "timeline/events.json",
            "\"clause-1\"",
            "\"clause-9\"",
            "no bundled comparison clause-9",
        ),
        (
            "index/people-and-places.json",
            "\"id\": \"lenin\"",
            "\"id\": \"stalin\"",
            "used twice",
        ),
        (
            "index/people-and-places.json",
            "\"kind\": \"place\"",
            "\"kind\": \"city\"",
            "neither person nor place",
        ),
        (
            "glossary/terms.json",
            "\"text\": \"entry\"",
            "\"text\": \"\"",
            "is incomplete",
        ),
        (
            "glossary/terms.json",
            "\"lectern-glossary\"",
            "\"lectern-terms\"",
            "not lectern-glossary version 1",
        ),
        (
            "glossary/terms.json",
            "\"terms\": [",
            "\"terms\": [,",
            "glossary/terms.json:",
        ),
    ];
    for (file, from, to, expected) in cases {
        let (_dir, resources) = copy_of_resources();
        break_file(&resources, file, from, to);
        let problems = checker::check(&resources, &texts());
        assert!(
            problems
                .iter()
                .any(|p| p.contains(file) && p.contains(expected)),
            "{file}: {from} → {to}: {problems:?}"
        );
    }
}
