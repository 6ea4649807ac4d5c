//! Instruction counts of the two hottest paths, frame layout and search, counted by valgrind's
//! callgrind: unlike wall times they repeat exactly on a busy or noisy machine, so a change
//! that makes either path do more work shows as a different number.
//!
//! Run with `cargo bench --bench instructions` (needs `valgrind`; without it the benchmark says
//! so and stops). This program starts itself again under
//! `valgrind --tool=callgrind --toggle-collect=<the measured function>`, so only the measured
//! work is counted, not building the texts:
//!
//! - frame layout: ten jumps to new places in two panes of a generated 1 MB text with 10 000
//!   highlights each, every frame `run_ui` + `tessellate` at 1920×1080;
//! - search: three case-insensitive searches (a word, a phrase, no match) of a folded 5 MB text.

mod common;

use std::hint::black_box;
use std::process::Command;
use std::sync::Arc;

use common::{highlights_of, screen};
use egui::Context;
use lectern::model::generate::{large_text, paragraphs};
use lectern::model::search::{Folded, SearchOptions, fold_query};
use lectern::ui::desk::{Desk, DeskMarks, HighlightsByText, desk_ui};
use lectern::ui::reader::ReadingStyle;

const PATH: &str = "LECTERN_COUNT_INSTRUCTIONS_OF";

fn main() {
    match std::env::var(PATH).as_deref() {
        Ok("layout") => return layout(),
        Ok("search") => return search(),
        _ => {}
    }
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let valgrind = Command::new("valgrind").arg("--version").output();
    if !valgrind.is_ok_and(|o| o.status.success()) {
        println!("valgrind is not installed: no instruction counts (apt-get install valgrind)");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (path, function, what) in [
        (
            "layout",
            "measured_layout",
            "frame layout: 10 jumps, two panes, run_ui + tessellate",
        ),
        (
            "search",
            "measured_search",
            "search: 3 case-insensitive searches of 5 MB",
        ),
    ] {
        let out = dir.path().join(format!("callgrind.{path}"));
        let status = Command::new("valgrind")
            .arg("--tool=callgrind")
            .arg(format!("--callgrind-out-file={}", out.display()))
            .arg(format!("--toggle-collect=*{function}*"))
            .arg(std::env::current_exe().expect("this program"))
            .env(PATH, path)
            .output()
            .expect("valgrind runs");
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        let counts = std::fs::read_to_string(&out).expect("callgrind's output");
        let total = counts
            .lines()
            .find_map(|line| {
                line.strip_prefix("summary:")
                    .or_else(|| line.strip_prefix("totals:"))
            })
            .and_then(|n| n.trim().parse::<u64>().ok())
            .expect("a total in callgrind's output");
        assert!(total > 0, "nothing was counted: is {function} inlined?");
        println!("INSTRUCTIONS | {what} | {total} Ir");
    }
}

fn frame(ctx: &Context, desk: &mut Desk, highlights: &HighlightsByText) {
    let marks = DeskMarks {
        highlights,
        found: None,
        mentions: None,
        selected_annotation: None,
        categories: &[],
        showcase: &[],
    };
    let style = ReadingStyle { font_size: 18.0 };
    let output = ctx.run_ui(screen(), |ui| {
        black_box(desk_ui(ui, desk, style, &marks));
    });
    black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
}

fn layout() {
    let texts = [
        Arc::new(large_text(1, 1_000_000)),
        Arc::new(large_text(2, 1_000_000)),
    ];
    let highlights = highlights_of(&[&*texts[0], &*texts[1]], 10_000);
    let ctx = Context::default();
    let mut desk = Desk::default();
    for text in &texts {
        desk.open(text.clone(), true);
    }
    for _ in 0..3 {
        frame(&ctx, &mut desk, &highlights);
    }
    measured_layout(&ctx, &mut desk, &highlights);
}

#[inline(never)]
fn measured_layout(ctx: &Context, desk: &mut Desk, highlights: &HighlightsByText) {
    for step in 0..10 {
        let fraction = (step * 37 % 100) as f32 / 100.0;
        for index in 0..2 {
            if let Some(pane) = desk.pane_mut(index) {
                pane.view.jump_to_fraction(fraction);
            }
        }
        frame(ctx, desk, highlights);
    }
}

fn search() {
    let text = paragraphs(31, 5_000_000).join("\n\n");
    let folded = Folded::new(&text, false);
    let needles: Vec<String> = ["союз", "Formal Unification", "Great-Russian chauvinism"]
        .iter()
        .map(|q| fold_query(q, false))
        .collect();
    measured_search(&text, &folded, &needles);
}

#[inline(never)]
fn measured_search(text: &str, folded: &Folded, needles: &[String]) {
    for needle in needles {
        black_box(folded.find(text, needle, SearchOptions::default(), 1_000));
    }
}
