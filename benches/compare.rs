//! Word diffs: two chapter-sized witnesses (40 KB), two 1 MB texts beside
//! `git diff --no-index --word-diff` on the same pair of files, and the whole `lectern compare`
//! command, as a user times it, beside `git diff --no-index --word-diff=porcelain`, in every
//! output format.
//!
//! Run with `cargo bench --bench compare`. Budgets (DESIGN.md): 40 KB ≤ 5 ms; 1 MB no slower
//! than `git diff --no-index --word-diff` on the same pair, in process and as whole commands
//! (the git runs are skipped, with a message, where git is not installed). The pair of files
//! is left in `target/tmp/compare-1mb/` for timing by hand (`hyperfine -N`).

mod common;

use std::hint::black_box;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{Samples, report};
use criterion::{Criterion, criterion_group, criterion_main};
use lectern::model::comparison::{Comparison, Reference, WordingInput, compute};
use lectern::model::diff::{Normalization, diff, marks};
use lectern::model::generate::{edited, paragraphs};

/// A text of about `bytes` bytes and another edition of it (2 words in 100 changed).
fn pair(bytes: usize) -> (String, String) {
    let a = paragraphs(11, bytes).join("\n\n");
    let b = edited(&a, 12, 20);
    (a, b)
}

fn chapter(c: &mut Criterion) {
    let (a, b) = pair(40_000);
    let mut group = c.benchmark_group("compare 40 KB");
    for (name, normalization) in [
        ("exact", Normalization::default()),
        ("wording", Normalization::wording()),
    ] {
        let mut samples = Samples::default();
        group.bench_function(format!("word diff + marks ({name})"), |bench| {
            bench.iter(|| {
                let start = Instant::now();
                let ops = diff(black_box(&a), black_box(&b), &normalization);
                black_box(marks(&a, &b, &ops));
                samples.push(start.elapsed());
            })
        });
        report(
            &format!("word diff + marks of two 40 KB witnesses ({name})"),
            "≤ 5 ms",
            5.0,
            &samples,
        );
    }
    group.finish();
}

fn volume(c: &mut Criterion) {
    let (a, b) = pair(1_000_000);
    let mut group = c.benchmark_group("compare 1 MB");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    let (mut lectern, mut git_samples) = (Samples::default(), Samples::default());
    group.bench_function("lectern word diff", |bench| {
        bench.iter(|| {
            let start = Instant::now();
            black_box(diff(
                black_box(&a),
                black_box(&b),
                &Normalization::default(),
            ));
            lectern.push(start.elapsed());
        })
    });
    group.bench_function("lectern comparison (align by paragraph + mark)", |bench| {
        bench.iter(|| {
            let comparison = Comparison::from_wordings(
                "bench",
                "bench",
                vec![WordingInput::pasted("A", &a), WordingInput::pasted("B", &b)],
                &Normalization::default(),
            )
            .expect("two wordings");
            black_box(compute(
                &comparison,
                &Normalization::default(),
                Reference::Previous,
                &mut |_, _| true,
            ))
        })
    });
    let dir = std::env::temp_dir().join(format!("lectern-bench-{}", std::process::id()));
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(dir.join("a.txt"), &a))
        .and_then(|()| std::fs::write(dir.join("b.txt"), &b));
    let git = Command::new("git").arg("--version").output().is_ok();
    if written.is_ok() && git {
        group.bench_function("git diff --no-index --word-diff", |bench| {
            bench.iter(|| {
                let start = Instant::now();
                let output = Command::new("git")
                    .args(["diff", "--no-index", "--word-diff", "a.txt", "b.txt"])
                    .current_dir(&dir)
                    .output()
                    .expect("git runs");
                black_box(output.stdout.len());
                git_samples.push(start.elapsed());
            })
        });
    } else {
        eprintln!("git diff skipped: git is not installed or the files could not be written");
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
    let git_median = git_samples.quantile_ms(0.5);
    report(
        "word diff of two 1 MB texts",
        &format!(
            "≤ git diff --word-diff ({git_median:.1} ms, p95 {:.1} ms)",
            git_samples.quantile_ms(0.95)
        ),
        if git_median.is_nan() {
            f64::INFINITY
        } else {
            git_median
        },
        &lectern,
    );
}

/// The whole command, process start to exit, as a user times it: `lectern compare a b` in each
/// format beside `git diff --no-index --word-diff=porcelain a b`.
fn command(c: &mut Criterion) {
    let (a, b) = pair(1_000_000);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("compare-1mb");
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(dir.join("a.txt"), &a))
        .and_then(|()| std::fs::write(dir.join("b.txt"), &b));
    if let Err(error) = written {
        eprintln!("the compare commands are skipped: {error}");
        return;
    }
    let mut group = c.benchmark_group("compare command 1 MB");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    let mut timed = |name: &str, program: &str, args: &[&str]| -> Samples {
        let mut samples = Samples::default();
        group.bench_function(name, |bench| {
            bench.iter(|| {
                let start = Instant::now();
                let output = Command::new(program)
                    .args(args)
                    .current_dir(&dir)
                    .output()
                    .expect("the command runs");
                black_box(output.stdout.len());
                samples.push(start.elapsed());
            })
        });
        samples
    };
    let git_found = Command::new("git").arg("--version").output().is_ok();
    let git = if git_found {
        timed(
            "git diff --no-index --word-diff=porcelain",
            "git",
            &[
                "diff",
                "--no-index",
                "--word-diff=porcelain",
                "a.txt",
                "b.txt",
            ],
        )
    } else {
        eprintln!("git diff skipped: git is not installed");
        Samples::default()
    };
    let lectern = env!("CARGO_BIN_EXE_lectern");
    let runs: Vec<(&str, Samples)> = [
        ("text", &["compare", "a.txt", "b.txt"][..]),
        (
            "text, --normalize exact",
            &["compare", "--normalize", "exact", "a.txt", "b.txt"],
        ),
        ("json", &["compare", "--format", "json", "a.txt", "b.txt"]),
        ("md", &["compare", "--format", "md", "a.txt", "b.txt"]),
        ("html", &["compare", "--format", "html", "a.txt", "b.txt"]),
    ]
    .into_iter()
    .map(|(name, args)| {
        (
            name,
            timed(&format!("lectern compare ({name})"), lectern, args),
        )
    })
    .collect();
    group.finish();
    let git_median = git.quantile_ms(0.5);
    for (name, samples) in &runs {
        report(
            &format!("lectern compare of two 1 MB files, whole command ({name})"),
            &format!(
                "≤ git diff --word-diff=porcelain ({git_median:.1} ms, p95 {:.1} ms)",
                git.quantile_ms(0.95)
            ),
            if git_median.is_nan() {
                f64::INFINITY
            } else {
                git_median
            },
            samples,
        );
    }
}

criterion_group!(benches, chapter, volume, command);
criterion_main!(benches);
