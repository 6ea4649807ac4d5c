//! Annotations at scale: re-anchoring 1 000 annotations on an edited 5 MB text, and saving a
//! profile with 10 000 annotations (the copy taken on the UI thread, then serialising and the
//! atomic, durable write on the saving thread).
//!
//! Run with `cargo bench --bench annotations`. Budgets (DESIGN.md): re-anchor 1 000
//! annotations ≤ 100 ms; save 10 000 annotations ≤ 50 ms, off the UI thread.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::{Samples, report};
use criterion::{Criterion, criterion_group, criterion_main};
use lectern::model::anchor::{Resolution, resolve_all};
use lectern::model::annotation_set::AnnotationEdit;
use lectern::model::generate::{annotations, collected_works, edited, large_text};
use lectern::model::text::Text;
use lectern::storage::annotations_file::AnnotationsFile;
use lectern::storage::atomic::write_atomic;
use lectern::storage::saver::Saver;

fn reanchor(c: &mut Criterion) {
    let text = large_text(1, 5_000_000);
    let placed = annotations(std::slice::from_ref(&text), 1_000, 3);
    // Another edition: two words in a thousand replaced, dropped or doubled, paragraph by
    // paragraph, so every annotation after the first edit has moved.
    let paragraphs: Vec<String> = text
        .paragraphs()
        .iter()
        .enumerate()
        .map(|(i, p)| edited(text.slice(p.chars.clone()), i as u64, 2))
        .collect();
    let edition = Text::new(text.meta().clone(), paragraphs);
    let resolutions = resolve_all(placed.iter().map(|a| &a.anchor), &edition);
    let count = |f: fn(&Resolution) -> bool| resolutions.iter().filter(|r| f(r)).count();
    println!(
        "re-anchoring 1 000 annotations on the edited text: {} at their place, {} moved, {} \
         found fuzzily, {} orphaned",
        count(|r| matches!(r, Resolution::Exact(_))),
        count(|r| matches!(r, Resolution::Moved(_))),
        count(|r| matches!(r, Resolution::Fuzzy(..))),
        count(|r| matches!(r, Resolution::Orphan)),
    );
    let mut samples = Samples::default();
    let mut group = c.benchmark_group("annotations");
    group.sample_size(20);
    group.bench_function("re-anchor 1 000 annotations on an edited 5 MB text", |b| {
        b.iter(|| {
            let start = Instant::now();
            black_box(resolve_all(placed.iter().map(|a| &a.anchor), &edition));
            samples.push(start.elapsed());
        })
    });
    group.finish();
    report(
        "re-anchor 1 000 annotations on an edited 5 MB text",
        "≤ 100 ms",
        100.0,
        &samples,
    );
}

fn save(c: &mut Criterion) {
    let volumes = collected_works(1, 5_000_000, 8);
    let mut file = AnnotationsFile::default();
    for annotation in annotations(&volumes, 10_000, 5) {
        file.annotations.apply(AnnotationEdit::Add(annotation));
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("annotations.json");
    let bytes = file.to_bytes().expect("serialises");
    println!(
        "10 000 annotations: annotations.json is {:.1} MB",
        bytes.len() as f64 / 1e6
    );
    let (mut copy, mut write, mut whole) =
        (Samples::default(), Samples::default(), Samples::default());
    let saver = Saver::spawn();
    let mut group = c.benchmark_group("annotations");
    group.sample_size(30);
    group.bench_function("save 10 000: the copy taken on the UI thread", |b| {
        b.iter(|| {
            let start = Instant::now();
            black_box(file.clone());
            copy.push(start.elapsed());
        })
    });
    group.bench_function(
        "save 10 000: serialise and write atomically (saving thread)",
        |b| {
            b.iter(|| {
                let start = Instant::now();
                let bytes = file.to_bytes().expect("serialises");
                write_atomic(&path, &bytes).expect("writes");
                write.push(start.elapsed());
            })
        },
    );
    group.bench_function("save 10 000: through the saver, until written", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let start = Instant::now();
                let copy = file.clone();
                saver.save_with(path.clone(), move || copy.to_bytes());
                saver.flush();
                let took = start.elapsed();
                whole.push(took);
                total += took;
            }
            total
        })
    });
    // A save that also takes a snapshot (at most one every ten minutes in use): the file, then
    // the snapshot written, read back and parsed to verify it.
    let profile = lectern::storage::profile::Profile::open(Some(dir.path())).expect("a profile");
    let every_save = lectern::storage::backups::SnapshotPolicy {
        interval: Duration::ZERO,
        ..Default::default()
    };
    let mut snapshot = Samples::default();
    group.bench_function(
        "save 10 000 with a verified snapshot (saving thread)",
        |b| {
            b.iter(|| {
                let start = Instant::now();
                let bytes = file.to_bytes().expect("serialises");
                lectern::storage::annotations_file::save_bytes(
                    &lectern::storage::atomic::RealFileSystem,
                    &profile,
                    &bytes,
                    &every_save,
                )
                .expect("writes");
                snapshot.push(start.elapsed());
            })
        },
    );
    group.finish();
    assert!(saver.poll_results().iter().all(|r| r.result.is_ok()));
    report(
        "save 10 000 annotations with a verified snapshot (at most every 10 minutes)",
        "(off the UI thread)",
        f64::INFINITY,
        &snapshot,
    );
    report(
        "save 10 000 annotations: copy on the UI thread",
        "(part of the next)",
        f64::INFINITY,
        &copy,
    );
    report(
        "save 10 000 annotations: serialise + atomic write, saving thread",
        "≤ 50 ms",
        50.0,
        &write,
    );
    report(
        "save 10 000 annotations: copy, hand over, written (end to end)",
        "≤ 50 ms",
        50.0,
        &whole,
    );
}

/// The notebook as a folder of records (`notebook/`, one file per annotation, made for sync):
/// saving one changed annotation among 10 000 (compared, not copied; one file written), and
/// loading 10 000 records with 100 conflict copies to merge, as a start after a sync does.
fn records(c: &mut Criterion) {
    use lectern::model::notebook::Contents;
    use lectern::storage::atomic::RealFileSystem;
    use lectern::storage::notebook_dir::{NotebookStore, Saved};
    let volumes = collected_works(1, 5_000_000, 8);
    let mut contents = Contents::default();
    for annotation in annotations(&volumes, 10_000, 5) {
        contents.annotations.apply(AnnotationEdit::Add(annotation));
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = NotebookStore::new(dir.path(), "bench");
    let now = lectern::model::clock::now_millis();
    store
        .save(&RealFileSystem, &contents, now)
        .expect("the first save");
    let mut group = c.benchmark_group("annotations");
    group.sample_size(30);
    let mut one = Samples::default();
    let mut n = 0;
    group.bench_function("records: save one changed annotation of 10 000", |b| {
        b.iter(|| {
            n += 1;
            let mut changed = contents.annotations.live()[n % 10_000].as_ref().clone();
            changed.note = format!("changed {n}");
            contents.annotations.apply(AnnotationEdit::Change(changed));
            let start = Instant::now();
            let saved = store
                .save(&RealFileSystem, &contents, now + n as u64)
                .expect("saves");
            one.push(start.elapsed());
            assert_eq!(
                saved,
                Saved {
                    written: 1,
                    removed: 0
                },
                "only what changed"
            );
        })
    });
    // A hundred records changed elsewhere at the same time: Syncthing's conflict copies.
    let folder = NotebookStore::dir_of(dir.path());
    let mut copies = Vec::new();
    for annotation in contents.annotations.live().iter().step_by(100) {
        let record = folder
            .join("annotations")
            .join(annotation.text_id.as_str())
            .join(format!("{}.json", annotation.annotation_id));
        let copy = record.with_file_name(format!(
            "{}.sync-conflict-20261201-101500-BENCH01.json",
            annotation.annotation_id
        ));
        let text = std::fs::read_to_string(&record).expect("a record");
        copies.push((
            copy,
            text.replace("\"note\": \"", "\"note\": \"elsewhere: "),
        ));
    }
    let mut load = Samples::default();
    group.bench_function(
        "records: load and merge 10 000 with 100 conflict copies",
        |b| {
            b.iter(|| {
                for (copy, text) in &copies {
                    std::fs::write(copy, text).expect("a conflict copy");
                }
                let start = Instant::now();
                let (_, loaded, report) =
                    NotebookStore::load(dir.path(), "bench", now, Vec::new).expect("loads");
                load.push(start.elapsed());
                assert_eq!(loaded.annotations.live().len(), 10_000);
                assert_eq!(report.merged_files.len(), 100);
            })
        },
    );
    group.finish();
    report(
        "save one changed annotation of 10 000 (records folder)",
        "≤ 50 ms",
        50.0,
        &one,
    );
    report(
        "load and merge 10 000 records with 100 conflict copies",
        "(start: see the start-up benchmark)",
        f64::INFINITY,
        &load,
    );
}

criterion_group!(benches, reanchor, save, records);
criterion_main!(benches);
