//! A study group at scale: ten members who shared a thousand signed annotations each (the
//! group `lectern generate-group` writes), read from its folder as hostile input, every
//! record's signature checked, and taken as a layer.
//!
//! Run with `cargo bench --bench groups`. Budget (DESIGN.md, issue 27): a group of 10 members ×
//! 1 000 annotations opens in ≤ 1 s on the development machine. The window reads it off its
//! thread, so its first frame does not wait for it (`cargo bench --bench startup` measures that
//! frame with such a group joined).
//!
//! Two opens are measured: a first one (every signature checked; the read alone, without
//! keeping the checks, which a first open on a device also writes once), and a later one, when
//! the device kept the signatures it found good and checks only what changed (one record
//! edited since, here), writing the checks kept again.

mod common;

use std::hint::black_box;
use std::time::Instant;

use common::{Samples, report};
use criterion::{Criterion, criterion_group, criterion_main};
use lectern::storage::groups::{join, joined, read_group, read_joined};

fn open_group(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("group-10x1000");
    // Written once (ten thousand signed files, each written durably) and kept between runs.
    if !dir.join("members").is_dir() {
        let _ = std::fs::remove_dir_all(&dir);
        lectern::cli::generate::group(&dir, 10, 1_000, 1, &mut std::io::sink())
            .expect("the group written");
    }
    let read = read_group("Seminar", &dir);
    assert_eq!(read.layer.entries.len(), 10_000);
    assert!(
        read.layer
            .entries
            .iter()
            .all(|e| e.authorship.is_verified())
    );
    assert!(read.refused.is_empty());
    let mut samples = Samples::default();
    let mut group = c.benchmark_group("groups");
    group.sample_size(10);
    group.bench_function("open a group of 10 members × 1 000 annotations", |b| {
        b.iter(|| {
            let start = Instant::now();
            black_box(read_group("Seminar", &dir));
            samples.push(start.elapsed());
        })
    });
    // A later open: a profile (on the same disk as the group, kept between runs) that read the
    // group before, with one record changed since.
    let profile = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("group-10x1000-reader");
    if joined(&profile).is_empty() {
        std::fs::create_dir_all(&profile).expect("a profile");
        join(
            &profile,
            &dir,
            None,
            "Reader",
            "2026-12-08T00:00:00Z".into(),
        )
        .expect("joined");
    }
    let joined = joined(&profile).remove(0);
    let profile = profile.as_path();
    let first = read_joined(profile, &joined).layer;
    assert_eq!(first.entries, read.layer.entries);
    let mut again = Samples::default();
    group.bench_function(
        "open it again, the signatures checked before kept, one record changed",
        |b| {
            b.iter(|| {
                // One fingerprint taken out of those kept: that record is checked again.
                let kept = profile.join("local/group-checked");
                let file = std::fs::read_dir(&kept)
                    .expect("the checks kept")
                    .flatten()
                    .next()
                    .expect("a file of checks")
                    .path();
                let bytes = std::fs::read(&file).expect("the checks");
                std::fs::write(&file, &bytes[..bytes.len() - 32]).expect("one check taken out");
                let start = Instant::now();
                black_box(read_joined(profile, &joined));
                again.push(start.elapsed());
                // The check made again is kept again.
                assert_eq!(std::fs::read(&file).expect("the checks").len(), bytes.len());
            })
        },
    );
    group.finish();
    report(
        "open a group of 10 members × 1 000 annotations (read, parse, verify)",
        "≤ 1 s",
        1000.0,
        &samples,
    );
    report(
        "open it again on the same device (9 999 signatures checked before, 1 checked)",
        "≤ 1 s",
        1000.0,
        &again,
    );
}

criterion_group!(benches, open_group);
criterion_main!(benches);
