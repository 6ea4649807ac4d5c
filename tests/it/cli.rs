//! The `lectern` command line.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use lectern::model::text::CharRange;
use std::process::Command;

use crate::w3c;

fn lectern() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lectern"))
}

/// Saves `contents` as the profile's notebook, as the window saves it.
fn save_into(profile: &std::path::Path, contents: &lectern::model::notebook::Contents) {
    use lectern::storage::open::{Access, open_profile};
    use lectern::storage::profile::Profile;
    let opened = open_profile(
        Profile::open(Some(profile)).unwrap(),
        lectern::bundled::bundled_library(),
        Access::Write,
    )
    .unwrap();
    opened.save_contents(contents).unwrap();
}

/// `lectern --profile DIR`.
fn lectern_in(profile: impl AsRef<std::path::Path>) -> Command {
    let mut command = lectern();
    command.arg("--profile").arg(profile.as_ref());
    command
}

#[test]
fn list_prints_every_bundled_text_with_its_id() {
    let profile = tempfile::tempdir().unwrap();
    let output = lectern_in(profile.path()).arg("list").output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{stdout}");
    assert!(
        lines[0].starts_with("lenin-1922-09-26-kamenev "),
        "{stdout}"
    );
    assert!(stdout.contains("The Question of Nationalities or “Autonomization”"));
    assert!(stdout.contains("Collected Works, vol. 45, p. 608"));
}

#[test]
fn help_names_the_options() {
    let output = lectern().arg("--help").output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    for option in [
        "--profile",
        "--open",
        "LECTERN_PROFILE",
        "list",
        "[FILE]...",
    ] {
        assert!(stdout.contains(option), "{option} missing from:\n{stdout}");
    }
}

#[test]
fn version_includes_the_commit() {
    let output = lectern().arg("--version").output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with("lectern 0."), "{stdout}");
    assert!(stdout.contains('('), "{stdout}");
}

#[test]
fn generate_text_writes_a_file_lectern_can_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let output = lectern()
        .args(["generate-text", "--bytes", "200000", "--seed", "3", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let contents = std::fs::read_to_string(&path).unwrap();
    let parsed = lectern::formats::text_format::parse_text_file("big.txt", &contents).unwrap();
    assert_eq!(parsed.meta.id, "generated-3-200000");
    assert!(contents.len() > 200_000);
}

#[test]
fn an_unreadable_open_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = lectern_in(dir.path())
        .arg("--open-file")
        .arg(dir.path().join("missing.txt"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("missing.txt"), "{stderr}");
}

fn slice(text: &str, range: &serde_json::Value) -> String {
    let (start, end) = (
        range[0].as_u64().unwrap() as usize,
        range[1].as_u64().unwrap() as usize,
    );
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn compare_json_operations_rebuild_both_inputs_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let a = "1. Признать целесообразным заключение договора\r\nо формальном вступлении первых в состав РСФСР,  «ещё» —\n";
    let b = "Признать необходимым заключение договора\nоб объединении их в «Союз Социалистических Советских Республик» — еще";
    let (a_path, b_path) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a_path, a).unwrap();
    std::fs::write(&b_path, b).unwrap();
    for normalize in ["wording", "typography", "exact"] {
        let output = lectern()
            .args(["compare", "--format", "json", "--normalize", normalize])
            .arg(&a_path)
            .arg(&b_path)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let ops = json["ops"].as_array().unwrap();
        let kind = |op: &serde_json::Value| op["kind"].as_str().unwrap().to_owned();
        let rebuilt_a: String = ops
            .iter()
            .filter(|op| kind(op) != "insert")
            .map(|op| slice(a, &op["a"]))
            .collect();
        let rebuilt_b: String = ops
            .iter()
            .filter(|op| kind(op) != "delete")
            .map(|op| slice(b, &op["b"]))
            .collect();
        assert_eq!(rebuilt_a, a, "{normalize}");
        assert_eq!(rebuilt_b, b, "{normalize}");
        assert!(ops.iter().any(|op| kind(op) == "equal"));
    }
}

/// The operations of `lectern compare --format json` as (kind, a range, b range).
type JsonOps = Vec<(String, [u64; 2], [u64; 2])>;

/// `lectern compare --format json --normalize NORMALIZE FIRST SECOND`: the witnesses' names
/// and character counts, and the operations.
fn compare_json(
    first: &std::path::Path,
    second: &std::path::Path,
    normalize: &str,
) -> (serde_json::Value, JsonOps) {
    let output = lectern()
        .args(["compare", "--format", "json", "--normalize", normalize])
        .arg(first)
        .arg(second)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let range =
        |value: &serde_json::Value| [value[0].as_u64().unwrap(), value[1].as_u64().unwrap()];
    let ops = json["ops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|op| {
            (
                op["kind"].as_str().unwrap().to_owned(),
                range(&op["a"]),
                range(&op["b"]),
            )
        })
        .collect();
    (json, ops)
}

/// Operations seen from the other witness: ranges swapped, deletions and insertions traded,
/// each run of changes one deletion then one insertion (the deletion's empty range where the
/// insertion starts, the insertion's where the deletion ends).
fn mirrored_json(ops: &JsonOps) -> JsonOps {
    let mut out = Vec::new();
    let mut run: Option<([u64; 2], [u64; 2])> = None;
    let flush = |out: &mut JsonOps, run: Option<([u64; 2], [u64; 2])>| {
        if let Some((a, b)) = run {
            if a[0] < a[1] {
                out.push(("delete".to_owned(), a, [b[0], b[0]]));
            }
            if b[0] < b[1] {
                out.push(("insert".to_owned(), [a[1], a[1]], b));
            }
        }
    };
    for (kind, a, b) in ops {
        if kind == "equal" {
            flush(&mut out, run.take());
            out.push((kind.clone(), *b, *a));
        } else {
            run = Some(match run {
                Some((x, y)) => ([x[0], b[1]], [y[0], a[1]]),
                None => (*b, *a),
            });
        }
    }
    flush(&mut out, run);
    out
}

/// Whichever file stands first, `lectern compare` finds the same differences: the operations
/// of B against A are those of A against B seen from the other side. On the English and the
/// Russian wordings of Stalin's Clause 1 and the revised draft (from the bundled comparison).
#[test]
fn compare_json_of_swapped_inputs_gives_mirrored_operations() {
    let json = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("resources/comparisons/clause-1.json"),
    )
    .unwrap();
    let comparison = lectern::model::comparison::Comparison::from_json(&json).unwrap();
    let wording = |label: &str| -> String {
        let witness = comparison
            .witnesses
            .iter()
            .find(|w| w.label.starts_with(label))
            .unwrap();
        let segments: Vec<&str> = witness
            .segments
            .iter()
            .flatten()
            .map(|s| s.text.as_str())
            .collect();
        segments.join("\n\n")
    };
    let dir = tempfile::tempdir().unwrap();
    let pairs = [
        (
            "Stalin’s draft (English",
            "Revised draft, early Oct 1922 (English",
        ),
        (
            "Stalin’s draft (Russian",
            "Revised draft, early Oct 1922 (Russian",
        ),
        ("Stalin’s draft (English", "Lenin’s amendment (English"),
    ];
    for (n, (first, second)) in pairs.into_iter().enumerate() {
        let (a, b) = (wording(first), wording(second));
        let (a_path, b_path) = (
            dir.path().join(format!("a{n}.txt")),
            dir.path().join(format!("b{n}.txt")),
        );
        std::fs::write(&a_path, &a).unwrap();
        std::fs::write(&b_path, &b).unwrap();
        for normalize in ["wording", "typography", "exact"] {
            let (forward_json, forward) = compare_json(&a_path, &b_path, normalize);
            let (backward_json, backward) = compare_json(&b_path, &a_path, normalize);
            assert!(
                forward.iter().any(|(kind, _, _)| kind == "delete"),
                "{first}: {forward:?}"
            );
            assert!(
                forward.iter().any(|(kind, _, _)| kind == "insert"),
                "{first}: {forward:?}"
            );
            assert_eq!(
                backward,
                mirrored_json(&forward),
                "{first} / {second}, {normalize}"
            );
            assert_eq!(forward_json["a"], backward_json["b"]);
            assert_eq!(forward_json["b"], backward_json["a"]);
        }
    }
}

#[test]
fn compare_prints_word_differences_of_bundled_texts_and_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("variant.txt");
    std::fs::write(
        &path,
        "Comrade Kamenev, Stalin has surely already sent you the resolution.",
    )
    .unwrap();
    let output = lectern()
        .args(["compare", "lenin-1922-09-26-kamenev"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("[-probably-] {+surely+} already"),
        "{stdout}"
    );
    for format in ["md", "html"] {
        let output = lectern()
            .args(["compare", "--format", format, "lenin-1922-09-26-kamenev"])
            .arg(&path)
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        let (removed, added) = if format == "md" {
            ("~~probably~~", "**surely**")
        } else {
            ("<del>probably</del>", "<ins>surely</ins>")
        };
        assert!(
            stdout.contains(removed) && stdout.contains(added),
            "{format}: {stdout}"
        );
        assert!(
            stdout.contains("Collected Works, vol. 42"),
            "the source is cited: {stdout}"
        );
    }
    let output = lectern()
        .args(["compare", "no-such-text", "either"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("neither a file nor a bundled text id")
    );
}

/// A profile holding three annotations on the letter to Kamenev, one with a note and tags.
fn profile_with_annotations() -> tempfile::TempDir {
    use lectern::model::annotation::Annotation;
    use lectern::model::annotation_set::AnnotationEdit;
    use lectern::storage::annotations_file::AnnotationsFile;
    use lectern::storage::profile::Profile;
    let dir = tempfile::tempdir().unwrap();
    let profile = Profile::open(Some(dir.path())).unwrap();
    let library = lectern::bundled::bundled_library();
    let text = library.get("lenin-1922-09-26-kamenev").unwrap();
    let mut file = AnnotationsFile::default();
    for (n, range, note) in [
        (1, 0..16, "Whom the letter is for"),
        (2, 40..80, ""),
        (3, 100..140, "A note with <markup> and “quotes”"),
    ] {
        file.annotations.apply(AnnotationEdit::Add(Annotation {
            note: note.into(),
            tags: vec!["union".into()],
            ..Annotation::new(
                format!("a{n}"),
                text,
                CharRange(range),
                Some("key-argument"),
                &"2026-11-27T00:00:00Z".into(),
            )
        }));
    }
    file.save(&profile).unwrap();
    dir
}

/// The profile's annotations exported as a W3C `AnnotationCollection` (`lectern export`).
fn exported_w3c(profile: &std::path::Path) -> serde_json::Value {
    let out = profile.join("annotations.jsonld");
    let output = lectern_in(profile)
        .args(["export", "--format", "w3c", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap()
}

#[test]
fn the_w3c_test_suite_is_in_the_repository_with_its_fourteen_must_assertions() {
    let suite = w3c::Suite::load().unwrap_or_else(|e| panic!("the W3C test suite: {e}"));
    assert_eq!(suite.assertion_count(), 14);
}

#[test]
fn every_exported_w3c_annotation_passes_the_test_suites_must_assertions() {
    let suite = w3c::Suite::load().unwrap_or_else(|e| panic!("the W3C test suite: {e}"));
    let profile = profile_with_annotations();
    let report = suite.check(&exported_w3c(profile.path())).unwrap();
    assert!(report.passed(), "{}", report.with_details());
    assert_eq!(report.to_string(), "3 annotations, 0 failed\n");
}

#[test]
fn the_w3c_checker_fails_an_annotation_that_breaks_a_must_assertion() {
    use serde_json::{Value, json};
    type Change = fn(&mut Value);
    let suite = w3c::Suite::load().unwrap_or_else(|e| panic!("the W3C test suite: {e}"));
    let profile = profile_with_annotations();
    let exported = exported_w3c(profile.path());
    let good = &exported["first"]["items"][0];
    fn without(annotation: &mut Value, key: &str) {
        annotation.as_object_mut().unwrap().remove(key).unwrap();
    }
    // Each change, and the MUST assertions (files of annotations/) the annotation then fails.
    let cases: &[(&str, Change, &[&str])] = &[
        (
            "no @context",
            |a| without(a, "@context"),
            &["3.1-annotationContextValidated"],
        ),
        (
            "another @context",
            |a| a["@context"] = json!("http://www.w3.org/ns/oa.jsonld"),
            &["3.1-annotationContextValidated"],
        ),
        (
            "no id",
            |a| without(a, "id"),
            &["3.1-annotationIdValidated"],
        ),
        (
            "an id that is no URI",
            |a| a["id"] = json!("annotation 1"),
            &["3.1-annotationIdValidated"],
        ),
        (
            "two ids",
            |a| a["id"] = json!(["urn:x:1", "urn:x:2"]),
            &["3.1-annotationIdValidated"],
        ),
        (
            "another type",
            |a| a["type"] = json!("Note"),
            &["3.1-annotationTypeValidated"],
        ),
        (
            "no target",
            |a| without(a, "target"),
            &["3.1-targetKeyFound"],
        ),
        (
            "a number as target",
            |a| a["target"] = json!(42),
            &["3.2-targetObjectsRecognized"],
        ),
        (
            "a quote selector without its quote",
            |a| without(&mut a["target"]["selector"][0], "exact"),
            &["3.2-targetObjectsRecognized"],
        ),
        (
            "a position selector before the text",
            |a| a["target"]["selector"][1]["start"] = json!(-1),
            &["3.2-targetObjectsRecognized"],
        ),
        (
            "a position selector between two letters",
            |a| a["target"]["selector"][1]["end"] = json!(16.5),
            &["3.2-targetObjectsRecognized"],
        ),
        (
            "body and bodyValue",
            |a| a["bodyValue"] = json!("A note"),
            &["3.2.5-notBodyBodyValue"],
        ),
        (
            "a number as body",
            |a| a["body"] = json!([42]),
            &["3.2-bodyObjectsRecognized"],
        ),
        (
            "a number as bodyValue",
            |a| {
                without(a, "body");
                a["bodyValue"] = json!(7);
            },
            &["3.2.5-bodyValueValidated"],
        ),
        (
            "a created date in words",
            |a| a["created"] = json!("27 November 2026"),
            &["3.3.1-annotationCreatedValidated"],
        ),
        (
            "a modified time without a time zone",
            |a| a["modified"] = json!("2026-11-27T00:00:00"),
            &["3.3.1-annotationModifiedValidated"],
        ),
        (
            "two generated times",
            |a| a["generated"] = json!(["2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z"]),
            &["3.3.1-annotationGeneratedValidated"],
        ),
        (
            "rights that are no URI",
            |a| a["rights"] = json!("CC BY 4.0"),
            &["3.3.6-annotationRightsValidated"],
        ),
        (
            "two canonical IRIs",
            |a| a["canonical"] = json!(["urn:x:1", "urn:x:2"]),
            &["3.3.7-annotationCanonicalValidated"],
        ),
        (
            "a via that is no URI",
            |a| a["via"] = json!("a copy"),
            &["3.3.7-annotationViaValidated"],
        ),
        (
            "nothing",
            |a| *a = json!({}),
            &[
                "3.1-annotationContextValidated",
                "3.1-annotationIdValidated",
                "3.1-annotationTypeValidated",
                "3.1-targetKeyFound",
            ],
        ),
    ];
    let mut broken = Vec::new();
    for (what, change, failed) in cases {
        let mut annotation = good.clone();
        change(&mut annotation);
        let report = suite.check(&annotation).unwrap();
        let failed: Vec<String> = failed
            .iter()
            .map(|name| format!("annotations/{name}.json"))
            .collect();
        assert_eq!(
            report.annotations[0].failed_musts,
            failed,
            "{what}:\n{}",
            report.with_details()
        );
        assert!(!report.passed(), "{what}");
        assert!(
            report.to_string().starts_with("FAIL #1"),
            "{what}: {report}"
        );
        broken.push(annotation);
    }
    let report = suite.check(&Value::Array(broken)).unwrap();
    assert_eq!(report.failed(), cases.len(), "{report}");
    // Changes the suite's harness accepts: JavaScript numbers, ajv's formats.
    let accepted: &[(&str, Change)] = &[
        ("an integral position written 16.0", |a| {
            a["target"]["selector"][1]["end"] = json!(16.0)
        }),
        ("a date-time in lower case with a space", |a| {
            a["created"] = json!("2026-11-27 00:00:00.5z")
        }),
        ("a date-time with an offset", |a| {
            a["modified"] = json!("2026-11-27t01:00:00+01:00")
        }),
        ("an id of an unknown scheme", |a| {
            a["id"] = json!("x-lectern:a1")
        }),
        ("a one-item id list", |a| a["id"] = json!(["urn:x:1"])),
    ];
    for (what, change) in accepted {
        let mut annotation = good.clone();
        change(&mut annotation);
        let report = suite.check(&annotation).unwrap();
        assert!(report.passed(), "{what}:\n{}", report.with_details());
    }
}

#[test]
fn export_writes_markdown_html_and_csv_and_refuses_an_unknown_text() {
    let profile = profile_with_annotations();
    for (format, expected) in [
        ("md", "> Comrade"),
        ("html", "&lt;markup&gt;"),
        ("csv", "id,text,citation"),
    ] {
        let output = lectern_in(profile.path())
            .args(["export", "--format", format])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(stdout.contains(expected), "{format}: {stdout}");
    }
    let output = lectern_in(profile.path())
        .args(["export", "--text", "no-such-text"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no text with the id"));
}

#[test]
fn annotations_exported_and_imported_into_a_fresh_profile_are_all_there() {
    let profile = profile_with_annotations();
    let out = profile.path().join("export.jsonld");
    let export = |dir: &std::path::Path, file: &std::path::Path| {
        let output = lectern_in(dir)
            .args(["export", "--format", "w3c", "-o"])
            .arg(file)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
    };
    export(profile.path(), &out);
    let fresh = tempfile::tempdir().unwrap();
    let import = || {
        lectern_in(fresh.path())
            .arg("import-annotations")
            .arg(&out)
            .output()
            .unwrap()
    };
    let output = import();
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("3 annotations imported"));
    let again = import();
    assert!(String::from_utf8_lossy(&again.stderr).contains("3 annotations already there"));
    let back = fresh.path().join("back.jsonld");
    export(fresh.path(), &back);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        std::fs::read_to_string(&back).unwrap(),
        "the same annotations, exported the same"
    );
    let bad = fresh.path().join("bad.json");
    std::fs::write(&bad, "{\"type\": \"Nothing\"}").unwrap();
    let output = lectern_in(fresh.path())
        .arg("import-annotations")
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("holds nothing Lectern can import"));
}

#[test]
fn import_reads_a_koi8_file_into_the_profile_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    let file = dir.path().join("letter.txt");
    let text = "Товарищи! Всей душой слежу за вашим делом.\n\nВозмущен грубостью Орджоникидзе.";
    let repeated = text.repeat(5);
    let (bytes, _, _) = encoding_rs::KOI8_R.encode(&repeated);
    std::fs::write(&file, &bytes).unwrap();
    let output = lectern_in(&profile)
        .args([
            "import",
            "--title",
            "To Mdivani (KOI8)",
            "--date",
            "1923-03-06",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "import-letter"
    );
    let copy = std::fs::read_to_string(profile.join("texts/import-letter.txt")).unwrap();
    assert!(copy.contains("title: To Mdivani (KOI8)"));
    assert!(copy.contains("Товарищи! Всей душой"));
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let output = lectern_in(&profile)
        .arg("import")
        .arg(&empty)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("holds no text"));
}

#[test]
fn export_and_import_of_annotations_know_the_profiles_imported_texts() {
    use lectern::model::annotation::Annotation;
    use lectern::model::annotation_set::AnnotationEdit;
    use lectern::storage::annotations_file::AnnotationsFile;
    use lectern::storage::import::{ImportMeta, import_file};
    use lectern::storage::profile::Profile;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("union notes.md");
    std::fs::write(
        &file,
        "# Notes on the union\n\nEqual partners, not absorption.",
    )
    .unwrap();
    let profile = Profile::open(Some(&dir.path().join("p"))).unwrap();
    let (text, _, _) = import_file(&profile, &file, &ImportMeta::default()).unwrap();
    let mut annotations = AnnotationsFile::default();
    annotations
        .annotations
        .apply(AnnotationEdit::Add(Annotation {
            note: "Equality".into(),
            ..Annotation::new(
                "n1",
                &text,
                (20..28).into(),
                None,
                &"2026-11-27T00:00:00Z".into(),
            )
        }));
    annotations.save(&profile).unwrap();
    let output = lectern_in(profile.dir())
        .args(["export", "--format", "md"])
        .output()
        .unwrap();
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(
        markdown.contains("## “Notes on the union”, undated"),
        "{markdown}"
    );
    let out = dir.path().join("n.jsonld");
    let exported = lectern_in(profile.dir())
        .args(["export", "--format", "w3c", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(exported.status.success());
    let fresh = Profile::open(Some(&dir.path().join("fresh"))).unwrap();
    import_file(&fresh, &file, &ImportMeta::default()).unwrap();
    let output = lectern_in(fresh.dir())
        .arg("import-annotations")
        .arg(&out)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(report.contains("1 annotation imported (1 on"), "{report}");
    assert!(!report.contains("orphan"), "{report}");
}

#[test]
fn the_markdown_export_matches_the_expected_file() {
    let profile = profile_with_annotations();
    let output = lectern_in(profile.path())
        .args(["export", "--format", "md"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let markdown = String::from_utf8(output.stdout).unwrap();
    let expected_path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/annotations.md");
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&expected_path, &markdown).unwrap();
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap();
    assert_eq!(markdown, expected);
}

#[test]
fn generate_corpus_adds_volumes_and_annotations_that_lectern_reads_back() {
    let profile = tempfile::tempdir().unwrap();
    let output = lectern_in(profile.path())
        .args(["generate-corpus", "--bytes", "300000", "--volumes", "3"])
        .args(["--annotations", "250", "--seed", "4"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let texts = std::fs::read_dir(profile.path().join("texts"))
        .unwrap()
        .count();
    assert_eq!(texts, 3);
    // Every annotation is on a volume the profile's library has: none is an orphan.
    let output = lectern_in(profile.path())
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let csv = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 250, "{}", &csv[..csv.len().min(400)]);
    assert!(
        rows.iter()
            .all(|r| r.contains("Collected works (generated), volume"))
    );
}

/// A fixture of annotations from other tools (tests/data/w3c-import).
fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/w3c-import")
        .join(name)
}

/// Imports `file` into `profile` and returns what Lectern said.
fn import_annotations(profile: &std::path::Path, file: &std::path::Path) -> String {
    let output = lectern_in(profile)
        .arg("import-annotations")
        .arg(file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stderr).unwrap()
}

/// The profile's annotations as W3C JSON-LD items.
fn exported_items(profile: &std::path::Path) -> Vec<serde_json::Value> {
    let file = profile.join("export.jsonld");
    let output = lectern_in(profile)
        .args(["export", "--format", "w3c", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    json["first"]["items"].as_array().unwrap().clone()
}

#[test]
fn a_hypothesis_annotation_made_on_the_archive_lands_on_the_letter_with_its_tags() {
    let profile = tempfile::tempdir().unwrap();
    let said = import_annotations(profile.path(), &fixture("hypothesis-annotation.jsonld"));
    assert!(
        said.contains("1 annotation imported (1 on “On the Establishment of the U.S.S.R.”)"),
        "{said}"
    );
    let items = exported_items(profile.path());
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert!(item.get("lectern:orphaned").is_none(), "placed: {item}");
    assert_eq!(
        item["target"]["source"], "https://www.marxists.org/archive/lenin/works/1922/sep/26.htm",
        "the export names the page the text comes from"
    );
    let bodies = item["body"].as_array().unwrap();
    assert!(bodies.iter().any(|b| b["purpose"] == "commenting"
        && b["value"] == "Lenin's *own* word: **unification**, not entry."));
    let tags: Vec<&str> = bodies
        .iter()
        .filter(|b| b["purpose"] == "tagging")
        .filter_map(|b| b["value"].as_str())
        .collect();
    assert_eq!(tags, ["clause-1", "amendment"]);
    // Its place is the quote's place in Lectern's text, not the archive page's offsets.
    let text = lectern::bundled::bundled_library();
    let kamenev = text.get("lenin-1922-09-26-kamenev").unwrap();
    let selectors = item["target"]["selector"].as_array().unwrap();
    let position = selectors
        .iter()
        .find(|s| s["type"] == "TextPositionSelector")
        .unwrap();
    let (start, end) = (
        position["start"].as_u64().unwrap() as usize,
        position["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        kamenev.slice((start..end).into()).replace('\u{a0}', " "),
        "Formal unification with the R.S.F.S.R. in a Union of Soviet Republics of Europe and Asia."
    );
}

#[test]
fn hypothesis_search_results_are_placed_by_their_quotes_or_left_orphans_with_candidates() {
    let profile = tempfile::tempdir().unwrap();
    let said = import_annotations(profile.path(), &fixture("hypothesis-search.json"));
    assert!(
        said.contains("3 annotations imported (1 on “To L. D. Trotsky”)"),
        "{said}"
    );
    assert!(said.contains("1 annotation placed by its quote"), "{said}");
    assert!(
        said.contains("2 annotations placed on no text kept as orphans"),
        "{said}"
    );
    assert!(
        said.contains(
            "“Stalin and Dzerzhinsky” is in 3 texts: The Question of Nationalities or \
             “Autonomization”, To L. D. Trotsky, To P. G. Mdivani"
        ),
        "{said}"
    );
    let items = exported_items(profile.path());
    let placed = items
        .iter()
        .find(|i| i["id"] == "urn:lectern:annotation:hX1-trotsky-request")
        .unwrap();
    assert!(placed.get("lectern:orphaned").is_none());
    assert_eq!(
        placed["target"]["source"],
        "https://www.marxists.org/archive/lenin/works/1923/mar/05b.htm"
    );
    for id in ["hX2-both-letters", "hX3-elsewhere"] {
        let orphan = items
            .iter()
            .find(|i| i["id"] == format!("urn:lectern:annotation:{id}"))
            .unwrap();
        assert_eq!(orphan["lectern:orphaned"], true, "{id}");
    }
    // Imported again: nothing doubles, and the counts say so in the singular and plural.
    let again = import_annotations(profile.path(), &fixture("hypothesis-search.json"));
    assert!(
        again.contains("0 annotations imported, 3 annotations already there"),
        "{again}"
    );
}

#[test]
fn a_collection_with_embedded_pages_and_every_shape_of_target_and_body_is_read() {
    let profile = tempfile::tempdir().unwrap();
    let said = import_annotations(profile.path(), &fixture("collection-with-pages.jsonld"));
    assert!(said.starts_with("4 annotations imported"), "{said}");
    assert!(said.contains("1 on “To P. G. Mdivani"), "{said}");
    assert!(
        said.contains("1 on “Memo Combatting Dominant Nation Chauvinism”"),
        "{said}"
    );
    assert!(
        said.contains("1 item skipped (1 not an annotation)"),
        "{said}"
    );
    assert!(
        said.contains("2 selectors of other kinds ignored"),
        "{said}"
    );
    let items = exported_items(profile.path());
    let by_id = |n: u32| {
        items
            .iter()
            .find(|i| i["id"] == format!("https://example.org/reader/anno/{n}"))
            .unwrap_or_else(|| panic!("anno/{n} in {items:?}"))
    };
    // A highlight with no body, on the letter named by its address (no www, https).
    assert!(by_id(1).get("body").is_none());
    assert!(by_id(1).get("lectern:orphaned").is_none());
    // An HTML comment becomes text; a quote refining a fragment is read.
    let note = &by_id(2)["body"][0]["value"];
    assert_eq!(note, "The bad tooth again.");
    assert!(by_id(2).get("lectern:orphaned").is_none());
    // A bare IRI target and a bodyValue: kept, an orphan with its note.
    assert_eq!(by_id(3)["body"][0]["value"], "A note given as bodyValue.");
    assert_eq!(by_id(3)["lectern:orphaned"], true);
    // Describing is a note, tagging a tag.
    let bodies = by_id(4)["body"].as_array().unwrap();
    assert!(bodies.iter().any(|b| b["value"] == "Described."));
    assert!(
        bodies
            .iter()
            .any(|b| b["purpose"] == "tagging" && b["value"] == "memo")
    );
}

#[test]
fn list_shows_the_whole_library_of_the_profile_as_text_or_json() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    let file = dir.path().join("1923-03-05 to Trotsky.txt");
    std::fs::write(
        &file,
        "To L. D. Trotsky\n\nTop secret\n\nDear Comrade Trotsky:",
    )
    .unwrap();
    import_into(&profile, &file);
    let output = lectern_in(&profile).arg("list").output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 7, "{stdout}");
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("import-1923-03-05-to-trotsky ") && l.contains("1923-03-05")),
        "{stdout}"
    );
    let output = lectern_in(&profile)
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let items: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 7);
    let imported: Vec<&serde_json::Value> =
        items.iter().filter(|i| i["imported"] == true).collect();
    assert_eq!(imported.len(), 1);
    assert_eq!(imported[0]["title"], "To L. D. Trotsky");
    let kamenev = items
        .iter()
        .find(|i| i["id"] == "lenin-1922-09-26-kamenev")
        .unwrap();
    assert_eq!(
        kamenev["url"],
        "https://www.marxists.org/archive/lenin/works/1922/sep/26.htm"
    );
    let refused = lectern_in(&profile)
        .args(["list", "--format", "xml"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
}

/// A reader who reads only the start of a long comparison (`lectern compare A B | head`)
/// closes the pipe early: the command ends quietly and successfully, without a panic.
#[test]
fn compare_ends_quietly_when_its_reader_stops_reading() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let a = lectern::model::generate::paragraphs(5, 400_000).join("\n\n");
    let b = lectern::model::generate::edited(&a, 6, 20);
    std::fs::write(dir.path().join("a.txt"), &a).unwrap();
    std::fs::write(dir.path().join("b.txt"), &b).unwrap();
    for format in ["text", "md", "html", "json"] {
        let mut child = lectern()
            .args(["compare", "--format", format, "a.txt", "b.txt"])
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut start = [0u8; 64];
        child.stdout.take().unwrap().read_exact(&mut start).unwrap();
        // The pipe is closed here, long before the comparison is all written.
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{format}: {stderr}");
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
    }
}

#[test]
fn compare_offers_the_window() {
    let output = lectern().args(["compare", "--help"]).output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("--window"), "{stdout}");
}

#[test]
fn an_epub_imports_with_its_chapters_as_parts_and_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p");
    let book = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/epub/national-question-1922-23.epub");
    let output = import_into(&profile, &book);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "import-national-question-1922-23"
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim(),
        "Imported “Lenin on the national question, 1922–23” (EPUB, 71 paragraphs in 6 parts)"
    );
    let copy = std::fs::read_to_string(profile.join("texts/import-national-question-1922-23.txt"))
        .unwrap();
    let parts: Vec<&str> = copy.lines().filter(|l| l.starts_with("part: ")).collect();
    assert_eq!(
        parts,
        [
            "part: 0 | Title Page",
            "part: 3 | On the Establishment of the U.S.S.R.",
            "part: 25 | Memo Combatting Dominant Nation Chauvinism",
            "part: 29 | The Question of Nationalities or “Autonomization”",
            "part: 60 | To L. D. Trotsky",
            "part: 65 | To P. G. Mdivani, F. Y. Makharadze and Others",
        ]
    );
    for field in ["author: V. I. Lenin", "date: 1923-03-06", "language: en"] {
        assert!(copy.contains(field), "{field} in {copy}");
    }
    assert!(copy.contains("I suppose I have been very remiss"));
    let output = lectern_in(&profile).arg("list").output().unwrap();
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .any(|l| l.starts_with("import-national-question-1922-23 ")),
        "{output:?}"
    );
    // The same book cut short is refused with the reason, and the library is as it was.
    let cut = dir.path().join("cut.epub");
    std::fs::write(&cut, &std::fs::read(&book).unwrap()[..4000]).unwrap();
    let output = lectern_in(&profile)
        .arg("import")
        .arg(&cut)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("is an EPUB Lectern cannot read: its zip archive is broken"),
        "{stderr}"
    );
    assert!(!profile.join("texts/import-cut.txt").exists());
}

/// `lectern import FILE` into `profile`, which must succeed; what it said.
fn import_into(profile: &std::path::Path, file: &std::path::Path) -> std::process::Output {
    let output = lectern_in(profile)
        .arg("import")
        .arg(file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    output
}

/// The person or place `id` as `lectern index --format json` lists it for `profile`.
fn index_entity(profile: &std::path::Path, id: &str) -> serde_json::Value {
    let output = lectern_in(profile)
        .args(["index", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let items: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("{id} in the index"))
        .clone()
}

/// How often `entity` (from [`index_entity`]) is mentioned in the imported text, if at all.
fn mentions_in_import(entity: &serde_json::Value) -> Option<u64> {
    entity["texts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"].as_str().unwrap().starts_with("import-"))
        .map(|t| t["mentions"].as_u64().unwrap())
}

#[test]
fn index_lists_people_and_places_with_their_mentions_in_imported_texts_too() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p");
    let file = dir.path().join("письмо.txt");
    std::fs::write(
        &file,
        "Письмо\n\nТоварищ Орджоникидзе и комиссия Дзержинского в Грузии.\n",
    )
    .unwrap();
    import_into(&profile, &file);
    let entity = |id: &str| index_entity(&profile, id);
    let imported = mentions_in_import;
    let ordzhonikidze = entity("ordzhonikidze");
    assert_eq!(ordzhonikidze["kind"], "person");
    assert_eq!(imported(&ordzhonikidze), Some(1));
    // In the bundled texts under Orjonikidze, Orgonikidze and Ordzhonikidze.
    assert!(
        ordzhonikidze["mentions"].as_u64().unwrap() >= 8,
        "{ordzhonikidze}"
    );
    assert_eq!(imported(&entity("dzerzhinsky")), Some(1), "Дзержинского");
    assert_eq!(imported(&entity("georgia")), Some(1), "Грузии");
    assert_eq!(entity("georgia")["kind"], "place");
    let output = lectern_in(&profile).arg("index").output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("People\n"), "{text}");
    assert!(text.contains("\nPlaces\n"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("makharadze") && l.contains("1 mention in 1 text")),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_opened_while_a_window_has_the_profile_open_is_handed_to_that_window() {
    use lectern::storage::handover::{Request, listen};
    use lectern::storage::profile::Profile;
    use std::sync::{Arc, Mutex};
    let profile = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    std::fs::write(files.path().join("draft.txt"), "formal entry").unwrap();
    // The window's side, listening as an open window does.
    let got: Arc<Mutex<Vec<Request>>> = Arc::default();
    let sink = Arc::clone(&got);
    let opened = Profile::open(Some(profile.path())).unwrap();
    let listener = listen(&opened, move |r| sink.lock().unwrap().push(r)).unwrap();
    // As a file manager runs it, with the file named relative to its folder.
    let output = lectern_in(profile.path())
        .current_dir(files.path())
        .arg("draft.txt")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{output:?}");
    assert!(stdout.contains("Opened in the Lectern window"), "{stdout}");
    let compare = lectern_in(profile.path())
        .current_dir(files.path())
        .args([
            "compare",
            "draft.txt",
            "lenin-1922-09-26-kamenev",
            "--window",
        ])
        .output()
        .unwrap();
    assert!(compare.status.success(), "{compare:?}");
    let draft = files.path().join("draft.txt");
    // The window takes a request after answering it.
    for _ in 0..200 {
        if got.lock().unwrap().len() == 2 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(
        *got.lock().unwrap(),
        vec![
            Request {
                files: vec![draft.clone()],
                compare: false,
                import: None,
            },
            Request {
                files: vec![draft, "lenin-1922-09-26-kamenev".into()],
                compare: true,
                import: None,
            },
        ]
    );
    // A file that cannot be read is said at once, and nothing is sent.
    let missing = lectern_in(profile.path())
        .arg("/nonexistent/notes.txt")
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("could not be read"));
    assert_eq!(got.lock().unwrap().len(), 2);
    // A pipe is no file: said at once, not waited on (the timeout is the test's guard).
    let pipe = files.path().join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap()
            .success()
    );
    let piped = Command::new("timeout")
        .arg("10")
        .arg(env!("CARGO_BIN_EXE_lectern"))
        .arg("--profile")
        .arg(profile.path())
        .arg(&pipe)
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(1), "{piped:?}");
    assert!(String::from_utf8_lossy(&piped.stderr).contains("it is not a file"));
    assert_eq!(got.lock().unwrap().len(), 2);
    drop(listener);
}

#[test]
fn timeline_lists_documents_and_dated_events_in_order_with_imported_texts() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p");
    let file = dir.path().join("report.txt");
    std::fs::write(&file, "Report on the Union\n\nThe treaty of union.\n").unwrap();
    let output = lectern_in(&profile)
        .args([
            "import",
            "--date",
            "1922-12-26",
            "--title",
            "Report on the Union",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = lectern_in(&profile).arg("timeline").output().unwrap();
    assert!(text.status.success(), "{text:?}");
    let stdout = String::from_utf8(text.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let line_of = |needle: &str| {
        lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} in {stdout}"))
    };
    assert!(lines[0].starts_with("23–24 September 1922"), "{stdout}");
    assert!(line_of("Report on the Union") < line_of("30–31 December 1922"));
    assert!(line_of("December 1922 ") < line_of("Report on the Union"));
    assert!(line_of("5 March 1923") < line_of("10 March 1923"));
    assert!(lines[line_of("10 March 1923")].contains("Lenin’s stroke of 10 March 1923"));
    let json = lectern_in(&profile)
        .args(["timeline", "--format", "json"])
        .output()
        .unwrap();
    assert!(json.status.success());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let entries = value["entries"].as_array().unwrap();
    let notes = entries
        .iter()
        .find(|e| e["id"] == "lenin-1922-12-30-autonomization")
        .unwrap();
    assert_eq!(notes["date"]["precision"], "range");
    assert_eq!(notes["kind"], "document");
    let talk = entries.iter().find(|e| e["id"] == "lenin-stalin").unwrap();
    assert_eq!(talk["opens"]["text"]["id"], "lenin-1922-09-26-kamenev");
    assert!(talk["opens"]["text"]["passage"].is_object());
    assert_eq!(value["undated"].as_array().unwrap().len(), 0);
}

#[test]
fn glossary_lists_each_term_with_its_renderings_found_in_imported_texts_too() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p");
    let file = dir.path().join("проект.txt");
    std::fs::write(
        &file,
        "Проект\n\nО вступлении республик в РСФСР и об их объединении.\n",
    )
    .unwrap();
    import_into(&profile, &file);
    let json = lectern_in(&profile)
        .args(["glossary", "--format", "json"])
        .output()
        .unwrap();
    assert!(json.status.success(), "{json:?}");
    let terms: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rendering = |term: &str, text: &str| {
        terms
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == term)
            .unwrap_or_else(|| panic!("{term}"))["renderings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["text"] == text)
            .unwrap_or_else(|| panic!("{text}"))
            .clone()
    };
    let entry_ru = rendering("entry", "вступлени*");
    assert_eq!(entry_ru["found_in_texts"], 1, "the imported text");
    assert_eq!(
        entry_ru["found_in_comparisons"], 1,
        "Stalin's Russian draft"
    );
    assert_eq!(rendering("unification", "объединени*")["found_in_texts"], 1);
    assert_eq!(
        rendering("great-power", "dominant nation")["found_in_texts"],
        1
    );
    let text = lectern_in(&profile).arg("glossary").output().unwrap();
    let stdout = String::from_utf8(text.stdout).unwrap();
    assert!(
        stdout.starts_with("Entry (вступление)  [entry]"),
        "{stdout}"
    );
    assert!(stdout.contains("Autonomization (автономизация)"));
}

#[test]
fn index_includes_the_readers_own_spellings_from_the_profile() {
    use lectern::model::notebook::Contents;
    use lectern::model::own_entries::{AddedSpelling, OwnEntries};
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p");
    let file = dir.path().join("diary.txt");
    std::fs::write(&file, "Diary\n\nOrdjonikidze came to Tiflis.\n").unwrap();
    import_into(&profile, &file);
    let contents = Contents {
        study: OwnEntries {
            spellings: vec![AddedSpelling {
                entity: "ordzhonikidze".into(),
                spelling: "Ordjonikidze".into(),
            }],
            ..OwnEntries::default()
        },
        ..Contents::default()
    };
    save_into(&profile, &contents);
    let ordzhonikidze = index_entity(&profile, "ordzhonikidze");
    assert!(
        ordzhonikidze["variants"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v == "Ordjonikidze")
    );
    assert_eq!(
        mentions_in_import(&ordzhonikidze),
        Some(1),
        "found under the reader's spelling"
    );
}

/// A profile with an annotation, a note on a difference of the bundled Clause 1, and a note on
/// a comparison of the reader's own, one of them carried from another witness.
fn profile_with_every_kind() -> tempfile::TempDir {
    use lectern::model::comparison::{CarriedFrom, Comparison, ComparisonNote, WordingInput};
    use lectern::model::diff::Normalization;
    use lectern::model::notebook::Contents;
    let dir = profile_with_annotations();
    let opened = lectern::storage::open::open_profile(
        lectern::storage::profile::Profile::open(Some(dir.path())).unwrap(),
        lectern::bundled::bundled_library(),
        lectern::storage::open::Access::Write,
    )
    .unwrap();
    let mut contents: Contents = opened.notebook.to_contents();
    drop(opened);
    let clause = lectern::bundled::bundled_comparisons()
        .into_iter()
        .next()
        .unwrap();
    contents.comparison_notes.push(ComparisonNote {
        note: "Lenin's <b>formal</b> unification".into(),
        witness: Some(clause.witnesses[1].label.clone()),
        reference: Some(clause.witnesses[0].label.clone()),
        quote: "formal unification".into(),
        reference_quote: "entry".into(),
        ..ComparisonNote::new(
            "n1".into(),
            &clause,
            0,
            None,
            &"2026-12-01T10:00:00Z".into(),
        )
    });
    let own = Comparison::from_wordings(
        "own-drafts",
        "Two drafts of mine",
        vec![
            WordingInput::pasted("Draft", "The entry of the republics into the RSFSR."),
            WordingInput::pasted("Amendment", "The formal unification of the republics."),
        ],
        &Normalization::default(),
    )
    .unwrap();
    contents.comparison_notes.push(ComparisonNote {
        note: "carried over".into(),
        carried_from: Some(CarriedFrom {
            witness: "Stalin's draft".into(),
            quote: "entry".into(),
            source: "comparison note n1".into(),
        }),
        ..ComparisonNote::new("n2".into(), &own, 0, None, &"2026-12-01T11:00:00Z".into())
    });
    contents.comparisons.push(own);
    save_into(dir.path(), &contents);
    dir
}

/// Every export format carries the notes on comparisons, with the wordings they are on; the
/// notebook archive carries everything and an import of it into an empty profile gives the same
/// notebook.
#[test]
fn exports_carry_notes_on_comparisons_and_the_archive_round_trips() {
    let profile = profile_with_every_kind();
    let export = |dir: &std::path::Path, format: &str| {
        let output = lectern_in(dir)
            .args(["export", "--format", format])
            .output()
            .unwrap();
        assert!(output.status.success(), "{format}: {output:?}");
        (
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    };
    let (markdown, said) = export(profile.path(), "md");
    assert!(markdown.contains("# Notes on comparisons"), "{markdown}");
    assert!(markdown.contains(": formal unification"), "{markdown}");
    assert!(markdown.contains(": entry"), "{markdown}");
    assert!(
        markdown.contains("Carried from Stalin's draft"),
        "{markdown}"
    );
    assert!(
        markdown.contains("Two drafts of mine: Draft; Amendment"),
        "{markdown}"
    );
    assert!(
        said.contains(
            "3 annotations, 2 notes on comparisons, 1 carried note, 1 comparison of your own"
        ),
        "{said}"
    );
    let (html, _) = export(profile.path(), "html");
    assert!(
        html.contains("Lenin&#39;s &lt;b&gt;formal&lt;/b&gt; unification"),
        "{html}"
    );
    assert!(html.trim_end().ends_with("</html>"), "{html}");
    let (csv, _) = export(profile.path(), "csv");
    assert!(
        csv.lines()
            .any(|l| l.starts_with("n1,") && l.ends_with(",note on a comparison,")),
        "{csv}"
    );
    let (w3c, _) = export(profile.path(), "w3c");
    let w3c: serde_json::Value = serde_json::from_str(&w3c).unwrap();
    assert_eq!(w3c["total"], 5, "three annotations and two notes");

    // The W3C export brings the notes back as notes on their comparisons.
    let fresh = tempfile::tempdir().unwrap();
    let w3c_file = fresh.path().join("notes.jsonld");
    std::fs::write(&w3c_file, serde_json::to_string(&w3c).unwrap()).unwrap();
    let output = lectern_in(fresh.path())
        .arg("import-annotations")
        .arg(&w3c_file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("and 2 notes on comparisons"), "{said}");

    // The archive: everything, and back the same; never one text's part.
    let refused = lectern_in(profile.path())
        .args([
            "export",
            "--format",
            "archive",
            "--text",
            "lenin-1922-09-26-kamenev",
        ])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("the archive is the whole notebook"),
        "{refused:?}"
    );
    let (archive, _) = export(profile.path(), "archive");
    let other = tempfile::tempdir().unwrap();
    let archive_file = other.path().join("notebook.lectern.json");
    std::fs::write(&archive_file, &archive).unwrap();
    let output = lectern_in(other.path())
        .arg("import-annotations")
        .arg(&archive_file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let (again, _) = export(other.path(), "archive");
    assert_eq!(archive, again, "the same notebook, exported the same");
    let output = lectern_in(other.path())
        .arg("import-annotations")
        .arg(&archive_file)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("added nothing"),
        "{output:?}"
    );
}

/// A profile whose notebook holds a note on the bundled Clause 1 comparison, an annotation with
/// a note and a tag, and the reader's own spelling of Ordzhonikidze.
fn profile_with_work() -> tempfile::TempDir {
    use lectern::model::annotation::Annotation;
    use lectern::model::annotation_set::Annotations;
    use lectern::model::comparison::ComparisonNote;
    use lectern::model::notebook::Contents;
    use lectern::model::own_entries::{AddedSpelling, OwnEntries};
    let profile = tempfile::tempdir().unwrap();
    let clause_1 = lectern::bundled::bundled_comparisons()
        .into_iter()
        .find(|c| c.id == lectern::bundled::CLAUSE_1)
        .unwrap();
    let note = ComparisonNote {
        note: "Lenin’s ЁЛКА: the Union replaces the entry".into(),
        ..ComparisonNote::new(
            "cn-1".into(),
            &clause_1,
            1,
            None,
            &"2026-12-07T00:00:00Z".into(),
        )
    };
    let library = lectern::bundled::bundled_library();
    let kamenev = library.get("lenin-1922-09-26-kamenev").unwrap();
    let annotation = Annotation {
        note: "An elka here (ёлка)".into(),
        tags: vec!["Ordjonikidze".into()],
        ..Annotation::new(
            "a-1",
            kamenev,
            (0..7).into(),
            None,
            &"2026-12-07T00:00:00Z".into(),
        )
    };
    let contents = Contents {
        comparison_notes: vec![note],
        annotations: Annotations::from_parts(vec![annotation], Vec::new()),
        study: OwnEntries {
            spellings: vec![AddedSpelling {
                entity: "ordzhonikidze".into(),
                spelling: "Ordjonikidze".into(),
            }],
            ..OwnEntries::default()
        },
        ..Contents::default()
    };
    save_into(profile.path(), &contents);
    profile
}

#[test]
fn search_finds_a_note_on_a_comparison_in_text_and_json() {
    let profile = profile_with_work();
    let output = lectern_in(profile.path())
        .args(["search", "елка"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("Note on a comparison: note cn-1 on clause-1, segment 2"),
        "{stdout}"
    );
    assert!(stdout.contains("ЁЛКА"), "the context as written: {stdout}");
    assert!(
        stdout.contains("Annotation note: annotation a-1"),
        "{stdout}"
    );

    let output = lectern_in(profile.path())
        .args(["search", "ЕЛКА", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["query"], "ЕЛКА");
    let results = json["results"].as_array().unwrap();
    let kinds: Vec<&str> = results
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["annotation_note", "comparison_note"], "{json}");
    let note = &results[1];
    assert_eq!(note["note_id"], "cn-1");
    assert_eq!(note["comparison_id"], "clause-1");
    assert_eq!(note["segment"], 1);
    let (snippet, at) = (note["snippet"].as_str().unwrap(), &note["snippet_match"]);
    let matched: String = snippet
        .chars()
        .skip(at["start"].as_u64().unwrap() as usize)
        .take((at["end"].as_u64().unwrap() - at["start"].as_u64().unwrap()) as usize)
        .collect();
    assert_eq!(matched, "ЁЛКА");
}

#[test]
fn search_names_every_kind_and_the_spellings_it_added() {
    let profile = profile_with_work();
    let output = lectern_in(profile.path())
        .args(["search", "Ordzhonikidze", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let also: Vec<&str> = json["also_searched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    for spelling in ["Orjonikidze", "Орджоникидзе", "Ordjonikidze"] {
        assert!(also.contains(&spelling), "{spelling} in {also:?}");
    }
    let results = json["results"].as_array().unwrap();
    let passage = results
        .iter()
        .find(|r| r["kind"] == "text_passage" && r["text_id"] == "lenin-1923-03-06-mdivani")
        .expect("the letter to Mdivani spells him Orjonikidze");
    assert!(passage["snippet"].as_str().unwrap().contains("Orjonikidze"));
    assert!(passage["paragraph"].is_u64() && passage["range"]["start"].is_u64());
    assert!(
        results
            .iter()
            .any(|r| r["kind"] == "annotation_tag" && r["tag"] == "Ordjonikidze"),
        "the reader's own spelling finds the tag: {json}"
    );
    let counted: u64 = json["texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["matches"].as_u64().unwrap())
        .sum();
    let passages = results
        .iter()
        .filter(|r| r["kind"] == "text_passage")
        .count();
    assert_eq!(counted as usize, passages, "every match printed");

    // Comparison wordings, in-process through the library function the command calls.
    use lectern::storage::open::{Access, open_profile};
    let opened = open_profile(
        lectern::storage::profile::Profile::open(Some(profile.path())).unwrap(),
        lectern::bundled::bundled_library(),
        Access::Read,
    )
    .unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    lectern::cli::search::search(
        &opened,
        "ЦЕЛЕСООБРАЗНЫМ",
        lectern::model::search::SearchOptions::default(),
        lectern::cli::search::SearchFormat::Text,
        &mut out,
        &mut err,
    )
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("Comparison wording: clause-1, segment 1 “1, the treaty”, witness “Stalin’s draft (Russian)”"),
        "{out}"
    );
    assert!(out.contains("целесообразным"), "{out}");
    assert!(err.is_empty());
}

#[test]
fn compare_reads_a_windows_1251_file_and_takes_the_id_of_an_imported_text() {
    let profile = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let (draft, _, _) = encoding_rs::WINDOWS_1251
        .encode("Признать целесообразным заключение договора между Украиной и РСФСР.");
    let legacy = files.path().join("draft-1251.txt");
    std::fs::write(&legacy, &draft).unwrap();
    let revised = files.path().join("revised.txt");
    std::fs::write(
        &revised,
        "Признать необходимым заключение договора между Украиной и РСФСР.",
    )
    .unwrap();
    // A Windows-1251 file is compared as `lectern import` would read it.
    let output = lectern_in(profile.path())
        .arg("compare")
        .arg(&legacy)
        .arg(&revised)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("[-целесообразным-] {+необходимым+}"),
        "{stdout}"
    );
    // The id `lectern list` prints for an imported text is a wording too.
    let imported = lectern_in(profile.path())
        .arg("import")
        .arg(&legacy)
        .output()
        .unwrap();
    assert!(imported.status.success(), "{imported:?}");
    let listed = lectern_in(profile.path()).arg("list").output().unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    let id = listed
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .find(|id| id.starts_with("import-"))
        .unwrap()
        .to_owned();
    assert_eq!(id, String::from_utf8(imported.stdout).unwrap().trim());
    for format in ["text", "json"] {
        let output = lectern_in(profile.path())
            .args(["compare", "--format", format, &id])
            .arg(&revised)
            .output()
            .unwrap();
        assert!(output.status.success(), "{format}: {output:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        if format == "json" {
            let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert_eq!(
                json["a"]["name"], "draft-1251",
                "the text's title: {stdout}"
            );
            let kinds: Vec<&str> = json["ops"]
                .as_array()
                .unwrap()
                .iter()
                .map(|op| op["kind"].as_str().unwrap())
                .collect();
            assert!(
                kinds.contains(&"delete") && kinds.contains(&"insert"),
                "{stdout}"
            );
        } else {
            assert!(
                stdout.contains("[-целесообразным-] {+необходимым+}"),
                "{stdout}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn compare_in_the_window_with_a_missing_file_fails_with_the_reason_and_opens_nothing() {
    use lectern::storage::handover::{Request, listen};
    use lectern::storage::profile::Profile;
    use std::sync::{Arc, Mutex};
    let profile = tempfile::tempdir().unwrap();
    let got: Arc<Mutex<Vec<Request>>> = Arc::default();
    let sink = Arc::clone(&got);
    let opened = Profile::open(Some(profile.path())).unwrap();
    // A window has the profile open; and with none, no window may open (no display either).
    let mut listener = Some(listen(&opened, move |r| sink.lock().unwrap().push(r)).unwrap());
    for window_open in [true, false] {
        if !window_open {
            listener = None;
        }
        let output = lectern_in(profile.path())
            .args([
                "compare",
                "missing.txt",
                "lenin-1922-09-26-kamenev",
                "--window",
            ])
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("missing.txt could not be read: there is no such file"),
            "{stderr}"
        );
        assert!(!stderr.contains("window could not be opened"), "{stderr}");
        assert!(output.stdout.is_empty(), "nothing said to be opened");
        if window_open {
            assert!(got.lock().unwrap().is_empty(), "nothing was handed over");
        }
    }
    assert!(listener.is_none());
    assert!(got.lock().unwrap().is_empty(), "nothing was handed over");
}
