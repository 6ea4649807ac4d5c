//! Start-up: from launching `lectern` to a 5 MB text on screen, stage by stage.
//!
//! Run with `cargo bench --bench startup` on a display (`DISPLAY`, e.g. Xvfb; without one the
//! benchmark says so and measures nothing). Each run launches the release binary with
//! `--trace-startup` on a fresh profile and a generated 5 MB text; the window prints when each
//! stage ended (see `lectern::startup`) and closes after its first frame is on screen. The
//! launch-to-text time is taken from outside: from spawning the process to the line that says
//! the first frame is on screen. Budget (issue 13): ≤ 300 ms on the development machine.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Samples, report};
use lectern::model::generate::large_text;
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
    let stages = [
        stage::ARGUMENTS,
        stage::APP,
        stage::WINDOW,
        stage::FIRST_LAYOUT,
        stage::ON_SCREEN,
    ];
    let mut by_stage: Vec<Samples> = stages.iter().map(|_| Samples::default()).collect();
    let mut launch_to_text = Samples::default();
    for run in 0..RUNS {
        let profile = dir.join(format!("profile-{run}"));
        let _ = std::fs::remove_dir_all(&profile);
        let start = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_lectern"))
            .arg("--profile")
            .arg(&profile)
            .arg("--trace-startup")
            .arg("--open-file")
            .arg(&file)
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
            if *name == stage::ON_SCREEN {
                launch_to_text.push(start.elapsed());
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
    report(
        "launch to a 5 MB text on screen (spawn to first frame presented)",
        "≤ 300 ms",
        300.0,
        &launch_to_text,
    );
}
