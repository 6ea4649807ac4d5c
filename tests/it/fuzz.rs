//! Randomised input campaigns: bytes mutated from real files, fed to every reader of outside
//! input: the annotations file, the notebook's record files, the reading state, W3C annotation import, text import (every
//! encoding path, HTML and Markdown), the HTML reader, the metadata header parser, and the
//! comparison of a text with a damaged copy of it (`lectern compare`). No input
//! may panic; every refusal is a sentence; a refused annotations file is kept aside, never
//! lost, and the profile still opens.
//!
//! Inputs are drawn by proptest strategies (a seed file, then a list of mutations: bit flips,
//! interesting bytes, cuts, insertions, repeats and splices with other seeds). `cargo test`
//! runs a short campaign of each; the long ones run by hand for a given time each:
//! `LECTERN_FUZZ_SECONDS=600 cargo test --release --test it fuzz:: -- --ignored --nocapture`.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

use lectern::bundled::bundled_library;
use lectern::formats::html::html_text;
use lectern::formats::text_format::parse_text_file;
use lectern::model::annotation::{Annotation, default_categories};
use lectern::model::annotation_export::to_w3c;
use lectern::model::comparison::export::{ComparisonFormat, write_pair};
use lectern::model::comparison::{WordingInput, map_positions};
use lectern::model::diff::{Normalization, OpKind, diff, slice_chars};
use lectern::model::notebook::{Contents, Notebook};
use lectern::storage::annotations_format::ANNOTATIONS_FORMAT;
use lectern::storage::atomic::RealFileSystem;
use lectern::storage::import::{ImportMeta, read_import_bytes};
use lectern::storage::notebook_dir::NotebookStore;
use lectern::storage::open::{Access, open_profile};
use lectern::storage::profile::Profile;
use lectern::storage::reading_state::{PaneRecord, ReadingState};
use lectern::storage::schema::parse_current;

/// One change to a seed.
#[derive(Clone, Debug)]
enum Mutation {
    FlipBit(usize, u8),
    SetByte(usize, u8),
    Cut(usize, usize),
    Insert(usize, Vec<u8>),
    Repeat(usize, usize, usize),
    Splice(usize, usize, usize),
    Truncate(usize),
}

/// Bytes that make parsers think: quotes, braces, escapes, NUL, UTF-8 lead bytes, a BOM.
const INTERESTING: &[u8] = b"\"{}[]<>\\&;:,\n\r\t\0#-=\xef\xbb\xbf\xc3\xd0\xe2\xf0\xff\xfe";

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        (at, 0u8..8).prop_map(|(a, b)| Mutation::FlipBit(a, b)),
        (at, prop::sample::select(INTERESTING)).prop_map(|(a, b)| Mutation::SetByte(a, b)),
        (at, 1usize..64).prop_map(|(a, n)| Mutation::Cut(a, n)),
        (at, prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(a, bytes)| Mutation::Insert(a, bytes)),
        (at, 1usize..32, 1usize..8).prop_map(|(a, n, k)| Mutation::Repeat(a, n, k)),
        (at, any::<usize>(), 1usize..200).prop_map(|(a, from, n)| Mutation::Splice(a, from, n)),
        at.prop_map(Mutation::Truncate),
    ]
}

fn mutate(seed: &[u8], other: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for mutation in mutations {
        let len = bytes.len();
        let place = |at: usize| if len == 0 { 0 } else { at % (len + 1) };
        match mutation {
            Mutation::FlipBit(at, bit) if len > 0 => bytes[at % len] ^= 1 << bit,
            Mutation::SetByte(at, byte) if len > 0 => bytes[at % len] = *byte,
            Mutation::Cut(at, n) => {
                let start = place(*at);
                let end = (start + n).min(len);
                bytes.drain(start..end);
            }
            Mutation::Insert(at, inserted) => {
                let at = place(*at);
                bytes.splice(at..at, inserted.iter().copied());
            }
            Mutation::Repeat(at, n, times) => {
                let start = place(*at);
                let end = (start + n).min(len);
                let piece = bytes[start..end].repeat(*times);
                bytes.splice(end..end, piece);
            }
            Mutation::Splice(at, from, n) if !other.is_empty() => {
                let at = place(*at);
                let from = from % other.len();
                let end = (from + n).min(other.len());
                bytes.splice(at..at, other[from..end].iter().copied());
            }
            Mutation::Truncate(at) => bytes.truncate(place(*at)),
            _ => {}
        }
    }
    bytes
}

/// The real files a campaign starts from.
struct Seeds {
    annotations: Vec<u8>,
    reading_state: Vec<u8>,
    w3c: Vec<u8>,
    texts: Vec<(String, Vec<u8>)>,
}

fn seeds() -> Seeds {
    let library = bundled_library();
    let kamenev = library.get("lenin-1922-09-26-kamenev").unwrap();
    let mut contents = Contents::default();
    for n in 0..6 {
        let annotation = Annotation {
            note: format!("note {n}: «formal unification» — “entry”"),
            tags: vec!["union".into(), format!("t{n}")],
            ..Annotation::new(
                format!("a{n}"),
                kamenev,
                (n * 50..n * 50 + 30).into(),
                Some("question"),
                &"2026-11-30T10:00:00Z".into(),
            )
        };
        contents
            .annotations
            .apply(lectern::model::annotation_set::AnnotationEdit::Add(
                annotation,
            ));
    }
    let refs: Vec<&Annotation> = contents.annotations.live().iter().map(|a| &**a).collect();
    let w3c = to_w3c(&refs, &library, &default_categories(), &Default::default());
    let state = ReadingState {
        panes: vec![PaneRecord {
            text_id: kamenev.id().into(),
            paragraph: 3,
            within: 0.25,
            linked: true,
            selection: None,
        }],
        ..ReadingState::default()
    };
    let resources = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources/texts");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(resources).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // The same words in the legacy encodings of Russian archives, and in UTF-16.
        let text = String::from_utf8_lossy(&bytes).into_owned();
        for encoding in [encoding_rs::WINDOWS_1251, encoding_rs::KOI8_R] {
            let (encoded, _, _) = encoding.encode(&text);
            texts.push((format!("{}-{name}", encoding.name()), encoded.into_owned()));
        }
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        texts.push((format!("utf16-{name}"), utf16));
        texts.push((name, bytes));
    }
    texts.push((
        "page.html".into(),
        b"<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"windows-1251\">\
          <title>\xcf\xe8\xf1\xfc\xec\xee</title><meta name=author content=\"Lenin\"></head>\
          <body><nav>menu</nav><h1>Letter</h1><p>One &laquo;two&raquo; &#1041;</p><pre>a  b</pre>\
          <script>x()</script><p>Three<br>four<br><br>five</p></body></html>"
            .to_vec(),
    ));
    texts.push((
        "notes.md".into(),
        b"# Heading\n\nA paragraph with *marks*.\n\n## Part\n\nMore.\n".to_vec(),
    ));
    Seeds {
        annotations: contents.to_bytes().unwrap(),
        reading_state: state.to_bytes().unwrap(),
        w3c: w3c.into_bytes(),
        texts,
    }
}

/// What a campaign did.
#[derive(Debug, Default)]
struct Report {
    executions: u64,
    accepted: u64,
    refused: u64,
}

/// Runs `target` on mutated inputs from `seeds` for `budget` (or `executions`), failing the
/// test on the first panic with the input that caused it.
fn campaign(
    name: &str,
    seeds: &[(String, Vec<u8>)],
    budget: Duration,
    executions: u64,
    mut target: impl FnMut(&str, &[u8]) -> Result<(), String>,
) -> Report {
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let strategy = (
        0..seeds.len(),
        0..seeds.len(),
        prop::collection::vec(mutation(), 0..6),
    );
    let started = Instant::now();
    let mut report = Report::default();
    while started.elapsed() < budget || report.executions < executions {
        let (seed, other, mutations) = strategy.new_tree(&mut runner).unwrap().current();
        let (seed_name, seed_bytes) = &seeds[seed];
        let input = mutate(seed_bytes, &seeds[other].1, &mutations);
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| target(seed_name, &input)));
        match outcome {
            Ok(Ok(())) => report.accepted += 1,
            Ok(Err(message)) => {
                assert!(
                    message.trim().len() > 10,
                    "{name}: a refusal without a clear message ({message:?}) for {input:?}"
                );
                report.refused += 1;
            }
            Err(_) => panic!(
                "{name}: panicked on an input mutated from {seed_name} by {mutations:?}: {:?}",
                String::from_utf8_lossy(&input)
            ),
        }
        report.executions += 1;
    }
    println!("{name}: {report:?} in {:.0?}", started.elapsed());
    report
}

fn named(name: &str, bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    vec![(name.to_owned(), bytes.to_vec())]
}

fn annotations_file(seeds: &Seeds, budget: Duration, executions: u64) -> Report {
    let temp = tempfile::tempdir().unwrap();
    let mut opened_profiles = 0u64;
    campaign(
        "annotations file",
        &named("annotations.json", &seeds.annotations),
        budget,
        executions,
        |_, input| {
            let parsed = parse_current::<Contents>(ANNOTATIONS_FORMAT, input).map(|_| ());
            // Now and then, the whole way in: a profile holding the file is opened as the
            // window opens it. A file that is refused is kept aside, never lost.
            opened_profiles += 1;
            if opened_profiles.is_multiple_of(64) {
                let dir = temp.path().join(opened_profiles.to_string());
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join("annotations.json"), input).unwrap();
                let profile = Profile::open(Some(&dir)).unwrap();
                let opened = open_profile(profile, bundled_library(), Access::Window).unwrap();
                let kept = std::fs::read_dir(&dir)
                    .unwrap()
                    .map(|e| std::fs::read(e.unwrap().path()).unwrap_or_default())
                    .any(|bytes| bytes == input);
                assert!(kept, "the file as it was is still in the profile");
                if parsed.is_err() {
                    assert!(!opened.notices.is_empty(), "a refused file is reported");
                }
                drop(opened);
                std::fs::remove_dir_all(&dir).unwrap();
            }
            parsed
        },
    )
}

/// A record of the notebook's folder as a sync engine may bring it: mutated, cut short, or
/// with git's conflict markers. Loading never panics, a record that cannot be read is reported
/// (never read as an empty one), and every other record loads whatever this one holds.
fn notebook_records(seeds: &Seeds, budget: Duration, executions: u64) -> Report {
    let temp = tempfile::tempdir().unwrap();
    let contents = parse_current::<Contents>(ANNOTATIONS_FORMAT, &seeds.annotations).unwrap();
    NotebookStore::new(temp.path(), "fuzz")
        .save(&RealFileSystem, &contents, 1)
        .unwrap();
    let first = &contents.annotations.live()[0];
    let record = NotebookStore::dir_of(temp.path())
        .join("annotations")
        .join(first.text_id.as_str())
        .join(format!("{}.json", first.annotation_id));
    let text = std::fs::read_to_string(&record).unwrap();
    let theirs = text.replace("\"note\": \"", "\"note\": \"theirs: ");
    let conflicted = format!("<<<<<<< HEAD\n{text}=======\n{theirs}>>>>>>> other\n");
    let inputs = vec![
        ("record.json".to_owned(), text.into_bytes()),
        ("conflicted.json".to_owned(), conflicted.into_bytes()),
    ];
    let others = contents.annotations.live().len() - 1;
    campaign(
        "notebook records",
        &inputs,
        budget,
        executions,
        |_, input| {
            let lossy = String::from_utf8_lossy(input);
            let _ = lectern::model::sync::conflict_original(&lossy);
            let _ = lectern::model::sync::split_git_conflict(&lossy);
            std::fs::write(&record, input).unwrap();
            let (_, loaded, report) =
                NotebookStore::load(temp.path(), "fuzz", 2, Vec::new).map_err(|e| e.to_string())?;
            let count = loaded.annotations.live().len() + loaded.annotations.trash().len();
            assert!(count >= others, "a record that was whole was lost");
            match report.damaged.is_empty() {
                true => Ok(()),
                false => Err(format!(
                    "the record could not be read: {:?}",
                    report.damaged
                )),
            }
        },
    )
}

fn reading_state(seeds: &Seeds, budget: Duration, executions: u64) -> Report {
    campaign(
        "reading state",
        &named("reading-state.json", &seeds.reading_state),
        budget,
        executions,
        |_, input| {
            let mut state = parse_current::<ReadingState>(
                lectern::storage::reading_state::READING_STATE_FORMAT,
                input,
            )?;
            state.sanitise();
            Ok(())
        },
    )
}

fn w3c_import(seeds: &Seeds, budget: Duration, executions: u64) -> Report {
    let library = bundled_library();
    // Lectern's own export, and the shapes other tools write (Hypothesis's, a paged collection).
    let mut inputs = named("export.jsonld", &seeds.w3c);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/w3c-import");
    for name in [
        "hypothesis-annotation.jsonld",
        "hypothesis-search.json",
        "collection-with-pages.jsonld",
    ] {
        inputs.push((name.to_owned(), std::fs::read(fixtures.join(name)).unwrap()));
    }
    campaign("W3C import", &inputs, budget, executions, |_, input| {
        let json = String::from_utf8_lossy(input);
        let mut notebook = Notebook::default();
        let report = lectern::model::w3c_import::import(&mut notebook, &json, &library)
            .map_err(|e| e.to_string())?;
        // Whatever was read is in the notebook: placed, or an orphan.
        assert_eq!(report.added, notebook.annotations().live().len());
        Ok(())
    })
}

fn text_import(seeds: &Seeds, budget: Duration, executions: u64) -> Report {
    let meta = ImportMeta::default();
    campaign(
        "text import",
        &seeds.texts,
        budget,
        executions,
        |name, input| {
            let (text, _) =
                read_import_bytes(input, Path::new(name), &meta).map_err(|e| e.to_string())?;
            assert!(!text.paragraphs().is_empty());
            assert_eq!(text.char_len(), text.content().chars().count());
            Ok(())
        },
    )
}

fn html_reader(seeds: &Seeds, budget: Duration, executions: u64) -> Report {
    let pages: Vec<(String, Vec<u8>)> = seeds
        .texts
        .iter()
        .filter(|(name, _)| name.ends_with(".html"))
        .cloned()
        .chain(std::iter::once((
            "w3c.jsonld".to_owned(),
            seeds.w3c.clone(),
        )))
        .collect();
    // The HTML reader refuses nothing: any page reads as some text.
    campaign("HTML reader", &pages, budget, executions, |_, input| {
        let page = html_text(&String::from_utf8_lossy(input));
        assert!(page.title.as_ref().is_none_or(|t| !t.contains('\n')));
        Ok(())
    })
}

fn header_parser(seeds: &Seeds, budget: Duration, executions: u64) -> Report {
    let files: Vec<(String, Vec<u8>)> = seeds
        .texts
        .iter()
        .filter(|(name, _)| name.ends_with(".txt") && !name.contains('-') || name.starts_with('0'))
        .cloned()
        .collect();
    campaign(
        "header parser",
        &files,
        budget,
        executions,
        |name, input| {
            parse_text_file(name, &String::from_utf8_lossy(input))
                .map(|_| ())
                .map_err(|e| e.to_string())
        },
    )
}

fn comparison(seeds: &Seeds, budget: Duration, executions: u64) -> Report {
    let texts: Vec<(String, Vec<u8>)> = seeds
        .texts
        .iter()
        .filter(|(name, _)| name.starts_with('0') && name.ends_with(".txt"))
        .cloned()
        .collect();
    // Each bundled text against a damaged copy of itself: the operations rebuild both, the
    // paragraphs' starts map forward within the second, and the comparison is written.
    campaign("comparison", &texts, budget, executions, |name, input| {
        let original = &texts.iter().find(|(n, _)| n == name).unwrap().1;
        let (a, b) = (
            String::from_utf8_lossy(original),
            String::from_utf8_lossy(input),
        );
        for normalization in [Normalization::wording(), Normalization::default()] {
            let ops = diff(&a, &b, &normalization);
            let rebuilt = |kind: OpKind, side: fn(&lectern::model::diff::Op) -> _, text: &str| {
                ops.iter()
                    .filter(|op| op.kind != kind)
                    .map(|op| slice_chars(text, side(op)))
                    .collect::<String>()
            };
            assert_eq!(rebuilt(OpKind::Insert, |op| op.a.range(), &a), a);
            assert_eq!(rebuilt(OpKind::Delete, |op| op.b.range(), &b), b);
            let starts: Vec<usize> = std::iter::once(0)
                .chain(
                    a.chars()
                        .enumerate()
                        .filter(|(_, ch)| *ch == '\n')
                        .map(|(n, _)| n + 1),
                )
                .collect();
            let mapped = map_positions(&ops, &starts, (&a, &b));
            assert!(mapped.windows(2).all(|w| w[0] <= w[1]), "{mapped:?}");
            assert!(mapped.iter().all(|&m| m <= b.chars().count()));
            let pair = (WordingInput::pasted("A", &a), WordingInput::pasted("B", &b));
            write_pair(
                ComparisonFormat::Text,
                "A / B",
                pair,
                &normalization,
                &mut |_| std::ops::ControlFlow::Continue(()),
            )
            .map_err(|e| e.to_string())?;
        }
        Ok(())
    })
}

const SHORT: u64 = 1_500;

#[test]
fn a_short_campaign_on_every_reader_of_outside_input() {
    let seeds = seeds();
    let zero = Duration::ZERO;
    for report in [
        annotations_file(&seeds, zero, SHORT),
        notebook_records(&seeds, zero, SHORT),
        reading_state(&seeds, zero, SHORT),
        w3c_import(&seeds, zero, SHORT),
        text_import(&seeds, zero, SHORT / 3),
        header_parser(&seeds, zero, SHORT),
    ] {
        assert!(
            report.refused > 0,
            "the campaign never reached a refusal: {report:?}"
        );
        assert!(
            report.accepted > 0,
            "the campaign never got past the checks: {report:?}"
        );
    }
    assert_eq!(html_reader(&seeds, zero, SHORT).executions, SHORT);
    // A comparison refuses only an empty text; each run compares two whole texts twice.
    let compared = comparison(&seeds, zero, SHORT / 5);
    assert!(compared.accepted > 0, "{compared:?}");
}

/// The long campaigns, by hand: `LECTERN_FUZZ_SECONDS` each (default ten minutes).
#[test]
#[ignore = "an hour of campaigns, run by hand: LECTERN_FUZZ_SECONDS=600 cargo test --release --test it fuzz:: -- --ignored --nocapture"]
fn long_campaigns() {
    let seconds = std::env::var("LECTERN_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let budget = Duration::from_secs(seconds);
    let only = std::env::var("LECTERN_FUZZ_ONLY").unwrap_or_default();
    let seeds = seeds();
    type Run = fn(&Seeds, Duration, u64) -> Report;
    let campaigns: [(&str, Run); 8] = [
        ("annotations", annotations_file),
        ("records", notebook_records),
        ("reading-state", reading_state),
        ("w3c", w3c_import),
        ("text", text_import),
        ("html", html_reader),
        ("header", header_parser),
        ("comparison", comparison),
    ];
    for (name, run) in campaigns {
        if only.is_empty() || only.split(',').any(|o| o == name) {
            run(&seeds, budget, 0);
        }
    }
}
