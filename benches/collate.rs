//! Collation of many witnesses: the six editions of the first paragraph of Darwin's *Origin*,
//! chapter 1 (about 170 words each, CollateX's use case), and six generated witnesses of
//! 100 KB each (each an edition of the one before, 2 words in 100 changed, with a sentence
//! moved).
//!
//! Run with `cargo bench --bench collate`. Budgets (DESIGN.md): six Darwin paragraphs ≤ 10 ms
//! in process; six 100 KB witnesses ≤ 1 s. The whole-process timing beside CollateX's Python
//! port is in BENCHMARKS.md (“Collation”), timed by hand, whole process (`/usr/bin/time -v`).

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::{Samples, report};
use criterion::{Criterion, criterion_group, criterion_main};
use lectern::formats::collatex::read_witnesses;
use lectern::model::collation::apparatus::{Apparatus, Base};
use lectern::model::collation::{WitnessText, collate};
use lectern::model::diff::Normalization;
use lectern::model::generate::{edited, paragraphs};

fn darwin() -> Vec<WitnessText> {
    let json = include_str!("../tests/data/collation/darwin-chapter1-paragraph1.json");
    read_witnesses(json)
        .expect("CollateX's Darwin input")
        .into_iter()
        .map(|(id, text)| WitnessText { id, text })
        .collect()
}

/// Six editions of a generated text of about `bytes` bytes, each from the one before.
fn editions(bytes: usize) -> Vec<WitnessText> {
    let mut text = paragraphs(21, bytes).join("\n\n");
    let mut out = Vec::new();
    for edition in 0..6u64 {
        if edition > 0 {
            text = edited(&text, 100 + edition, 20);
            // A sentence moved to the end of its paragraph.
            if let Some(at) = text.find(". ") {
                let next = text[at + 2..]
                    .find(". ")
                    .map_or(text.len(), |n| at + 2 + n + 2);
                let sentence = text[at + 2..next].to_owned();
                text.replace_range(at + 2..next, "");
                let end = text[at..].find("\n\n").map_or(text.len(), |n| at + n);
                text.insert_str(end, &format!(" {}", sentence.trim_end()));
            }
        }
        out.push(WitnessText {
            id: format!("E{edition}"),
            text: text.clone(),
        });
    }
    out
}

fn six_paragraphs(c: &mut Criterion) {
    let witnesses = darwin();
    let mut group = c.benchmark_group("collate Darwin");
    for (name, normalization) in [
        ("wording", Normalization::wording()),
        ("exact", Normalization::default()),
    ] {
        let mut samples = Samples::default();
        group.bench_function(format!("six editions ({name})"), |bench| {
            bench.iter(|| {
                let start = Instant::now();
                let collation = collate(black_box(&witnesses), &normalization);
                black_box(Apparatus::of(&collation, Base::Majority));
                samples.push(start.elapsed());
            })
        });
        report(
            &format!("collate six ~170-word witnesses, with the apparatus ({name})"),
            "≤ 10 ms",
            10.0,
            &samples,
        );
    }
    group.finish();
}

fn six_volumes(c: &mut Criterion) {
    let witnesses = editions(100_000);
    let mut group = c.benchmark_group("collate 6 × 100 KB");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    let mut samples = Samples::default();
    group.bench_function("six witnesses (wording)", |bench| {
        bench.iter(|| {
            let start = Instant::now();
            let collation = collate(black_box(&witnesses), &Normalization::wording());
            black_box(Apparatus::of(&collation, Base::Majority));
            samples.push(start.elapsed());
        })
    });
    group.finish();
    report(
        "collate six 100 KB witnesses, with the apparatus (wording)",
        "≤ 1 s",
        1000.0,
        &samples,
    );
}

criterion_group!(benches, six_paragraphs, six_volumes);
criterion_main!(benches);
