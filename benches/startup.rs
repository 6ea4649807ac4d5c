//! Start-up: from launching `lectern` to a 5 MB text on screen, and from launching `lectern
//! compare A B --window` on a 1 MB pair to its first differences on screen, stage by stage.
//!
//! Run with `cargo bench --bench startup` on a display (`DISPLAY`, e.g. Xvfb; without one the
//! benchmark says so and measures nothing). Each run launches the release binary with
//! `--trace-startup` on a fresh profile and a generated 5 MB text; the window prints when each
//! stage ended (see `lectern::startup`) and closes after its first frame is on screen. The
//! launch-to-text time is taken from outside: from spawning the process to the line that says
//! the first frame is on screen. Budgets: ≤ 300 ms to the text (issue 13) and ≤ 500 ms to the
//! comparison's first differences (issue 26) on the development machine.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Samples, report};
use lectern::model::generate::{edited, large_text, paragraphs};
use lectern::startup::stage;

const RUNS: usize = 10;

fn main() {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        eprintln!("start-up benchmark skipped: no display (run it under Xvfb: DISPLAY=:99)");
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("startup");
    std::fs::create_dir_all(&dir).expect("a folder for the benchmark");
    let text = large_text(1, 5_000_000);
    let file = dir.join("five-megabytes.txt");
    std::fs::write(&file, text.content()).expect("the 5 MB text written");
    let file = file.to_string_lossy().into_owned();
    let stages = [
        stage::ARGUMENTS,
        stage::APP,
        stage::WINDOW,
        stage::FIRST_LAYOUT,
        stage::ON_SCREEN,
    ];
    let launch_to_text = launch(&dir, &["--open-file", &file], &stages, &|_| {});
    report(
        "launch to a 5 MB text on screen (spawn to first frame presented)",
        "≤ 300 ms",
        300.0,
        &launch_to_text,
    );

    // The pair `cargo bench --bench compare` times on the command line: two editions of 1 MB,
    // 2 words in 100 changed.
    let a = paragraphs(11, 1_000_000).join("\n\n");
    let b = edited(&a, 12, 20);
    let (a_file, b_file) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a_file, &a).expect("the first edition written");
    std::fs::write(&b_file, &b).expect("the second edition written");
    let (a_file, b_file) = (a_file.to_string_lossy(), b_file.to_string_lossy());
    let stages = [
        stage::FIRST_LAYOUT,
        stage::ON_SCREEN,
        stage::COMPARISON_LAYOUT,
        stage::COMPARISON_ON_SCREEN,
    ];
    let launch_to_differences = launch(
        &dir,
        &["compare", a_file.as_ref(), b_file.as_ref(), "--window"],
        &stages,
        &|_| {},
    );
    report(
        "lectern compare A B --window on a 1 MB pair: launch to the first differences on screen",
        "≤ 500 ms",
        500.0,
        &launch_to_differences,
    );

    // The 5 MB text again, in a profile that belongs to a study group of 10 members × 1 000
    // annotations (the group `cargo bench --bench groups` reads): the first frame must not
    // wait for the group, which is read off the window's thread.
    // The group `cargo bench --bench groups` writes (and keeps), or made here the same way.
    let group = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("group-10x1000");
    if !group.join("members").is_dir() {
        let _ = std::fs::remove_dir_all(&group);
        lectern::cli::generate::group(&group, 10, 1_000, 1, &mut std::io::sink())
            .expect("the group written");
    }
    let stages = [stage::FIRST_LAYOUT, stage::ON_SCREEN, stage::GROUPS_READ];
    // One reader joins once (their key card is written into the group once, not at every
    // launch); each launch's profile is a copy of theirs, without the signatures they checked.
    let reader = dir.join("group-reader");
    if lectern::storage::groups::joined(&reader).is_empty() {
        std::fs::create_dir_all(&reader).expect("the reader's profile");
        lectern::storage::groups::join(
            &reader,
            &group,
            None,
            "Reader",
            "2026-12-07T00:00:00Z".into(),
        )
        .expect("the group joined");
    }
    let join = |profile: &std::path::Path| copy_profile(&reader, profile);
    let launch_to_group = launch(&dir, &["--open-file", &file], &stages, &join);
    report(
        "launch to a 5 MB text with a study group of 10 × 1 000 joined: spawn to the group read \
         (the first frame on screen is the STAGE line above)",
        "≤ 1 s",
        1000.0,
        &launch_to_group,
    );
    // The same on a device that has read the group before (every day after the first): the
    // signatures it found good are kept, and only what changed is checked.
    let joined_and_read = |profile: &std::path::Path| {
        copy_profile(&reader, profile);
        let joined = lectern::storage::groups::joined(profile);
        for group in &joined {
            lectern::storage::groups::read_joined(profile, group);
        }
    };
    let launch_to_group_again = launch(&dir, &["--open-file", &file], &stages, &joined_and_read);
    report(
        "the same, on a device that read the group before: spawn to the group read",
        "≤ 1 s",
        1000.0,
        &launch_to_group_again,
    );
}

/// Copies the profile `from` to `to`, but the signatures its reads found good.
fn copy_profile(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("the profile's folder");
    for entry in std::fs::read_dir(from).expect("the profile").flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            if entry.file_name() != "group-checked" {
                copy_profile(&entry.path(), &target);
            }
        } else {
            std::fs::copy(entry.path(), &target).expect("a file of the profile copied");
        }
    }
}

/// Launches `lectern --trace-startup ARGS` on a fresh profile `RUNS` times, prints when each
/// of `stages` ended, and gives the times from spawning it to the last of them (the window
/// closes once it has been reached).
fn launch(
    dir: &std::path::Path,
    args: &[&str],
    stages: &[&str],
    prepare: &dyn Fn(&std::path::Path),
) -> Samples {
    let last = stages.last().copied().unwrap_or(stage::ON_SCREEN);
    let mut by_stage: Vec<Samples> = stages.iter().map(|_| Samples::default()).collect();
    let mut launch_to_last = Samples::default();
    for run in 0..RUNS {
        let profile = dir.join(format!("profile-{run}"));
        let _ = std::fs::remove_dir_all(&profile);
        prepare(&profile);
        let start = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_lectern"))
            .arg("--profile")
            .arg(&profile)
            .arg("--trace-startup")
            .args(args)
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("lectern starts");
        let stderr = child.stderr.take().expect("its standard error");
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let Some(rest) = line.strip_prefix("STARTUP | ") else {
                continue;
            };
            let fields: Vec<&str> = rest.split(" | ").collect();
            let (Some(at), Some(name)) = (fields.first(), fields.last()) else {
                continue;
            };
            let ms: f64 = at.trim_end_matches(" ms").parse().unwrap_or(f64::NAN);
            if let Some(index) = stages.iter().position(|s| s == name) {
                by_stage[index].push(Duration::from_secs_f64(ms / 1000.0));
            }
            if *name == last {
                launch_to_last.push(start.elapsed());
            }
        }
        let _ = child.wait();
        let _ = std::fs::remove_dir_all(&profile);
    }
    for (name, samples) in stages.iter().zip(&by_stage) {
        println!(
            "STAGE | {name} | ended {:.1} ms after main (median), p95 {:.1} ms | {} runs",
            samples.quantile_ms(0.5),
            samples.quantile_ms(0.95),
            samples.len()
        );
    }
    launch_to_last
}
