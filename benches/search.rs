//! Search over a 30 MB generated corpus: the folded copy built once (off the UI thread in the
//! app), then a case-insensitive search for a word and for a phrase.
//!
//! Run with `cargo bench --bench search`. Budget (issue 5): a 30 MB corpus searched
//! case-insensitively in at most 10 ms.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::{Samples, report};
use criterion::{Criterion, criterion_group, criterion_main};
use lectern::model::generate::paragraphs;
use lectern::model::search::{Folded, Phrases, SearchOptions, fold_query};

fn corpus(c: &mut Criterion) {
    let text = paragraphs(31, 30_000_000).join("\n\n");
    let mut group = c.benchmark_group("search 30 MB");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("fold the corpus (once, in the background)", |bench| {
        bench.iter(|| black_box(Folded::new(black_box(&text), false)))
    });
    let folded = Folded::new(&text, false);
    for query in ["союз", "Formal Unification", "Great-Russian chauvinism"] {
        let needle = fold_query(query, false);
        let mut samples = Samples::default();
        group.bench_function(
            format!("case-insensitive “{query}”, first 1000 placed"),
            |bench| {
                bench.iter(|| {
                    let start = Instant::now();
                    black_box(folded.find(&text, &needle, SearchOptions::default(), 1_000));
                    samples.push(start.elapsed());
                })
            },
        );
        report(
            &format!("search 30 MB case-insensitively: “{query}”"),
            "≤ 10 ms",
            10.0,
            &samples,
        );
    }
    // A name People and places knows, as Search everything searches it: the query and its
    // three other spellings (two substring searches: the Latin ones share “onikidze”).
    let phrases: Vec<String> = [
        "Ordzhonikidze",
        "Orjonikidze",
        "Orgonikidze",
        "Орджоникидзе",
    ]
    .iter()
    .map(|p| fold_query(p, false))
    .collect();
    let phrases = Phrases::new(&phrases);
    let mut samples = Samples::default();
    group.bench_function(
        "case-insensitive name with its 3 other spellings",
        |bench| {
            bench.iter(|| {
                let start = Instant::now();
                black_box(folded.find_phrases(&text, &phrases, SearchOptions::default(), 1_000));
                samples.push(start.elapsed());
            })
        },
    );
    report(
        "search 30 MB case-insensitively: a name and its 3 other spellings",
        "≤ 10 ms",
        10.0,
        &samples,
    );
    group.finish();
}

criterion_group!(benches, corpus);
criterion_main!(benches);
