//! Frame costs of the reading desk, driven headlessly: `egui::Context::run_ui` then
//! `tessellate` (timed separately), at 1920×1080 with two panes, each a generated 5 MB text
//! with 10 000 highlights (so every paragraph in view has some).
//!
//! Run with `cargo bench --bench reading`. Budgets (DESIGN.md): scrolling one frame median
//! ≤ 1 ms and p99 ≤ 4 ms; a jump to a random place median ≤ 5 ms; opening a 5 MB text to its
//! first frame ≤ 150 ms; an idle frame ≤ 0.5 ms with no repaint requested. Lines starting
//! `BUDGET |` give median, p95 and p99 of single frames.

mod common;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{Samples, highlights_of, report, screen};
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Context, ViewportId};
use lectern::formats::text_format::parse_text_file;
use lectern::model::generate::{SplitMix64, large_text};
use lectern::model::text::Text;
use lectern::ui::desk::{Desk, DeskMarks, HighlightsByText, desk_ui};
use lectern::ui::reader::ReadingStyle;

const SIZE: usize = 5_000_000;
const STYLE: ReadingStyle = ReadingStyle { font_size: 18.0 };
const HIGHLIGHTS: usize = 10_000;

/// One frame: returns (run_ui time, tessellate time, whether a repaint was requested now).
fn frame(
    ctx: &Context,
    desk: &mut Desk,
    highlights: &HighlightsByText,
) -> (Duration, Duration, bool) {
    let categories: Vec<(String, egui::Color32)> = Vec::new();
    let marks = DeskMarks {
        highlights,
        found: None,
        mentions: None,
        selected_annotation: None,
        categories: &categories,
        showcase: &[],
    };
    let start = Instant::now();
    let output = ctx.run_ui(screen(), |ui| {
        black_box(desk_ui(ui, desk, STYLE, &marks));
    });
    let ran = start.elapsed();
    let start = Instant::now();
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    black_box(primitives);
    let tessellated = start.elapsed();
    let repaint_now = output
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.repaint_delay == Duration::ZERO);
    (ran, tessellated, repaint_now)
}

fn two_panes(
    text: &Arc<Text>,
    other: &Arc<Text>,
    highlights: &HighlightsByText,
) -> (Context, Desk) {
    let ctx = Context::default();
    let mut desk = Desk::default();
    desk.open(text.clone(), true);
    desk.open(other.clone(), true);
    for _ in 0..3 {
        frame(&ctx, &mut desk, highlights);
    }
    (ctx, desk)
}

fn reading(c: &mut Criterion) {
    let first = Arc::new(large_text(1, SIZE));
    let second = Arc::new(large_text(2, SIZE));
    let highlights = highlights_of(&[&first, &second], HIGHLIGHTS);
    let (ctx, mut desk) = two_panes(&first, &second, &highlights);
    let (mut scroll, mut scroll_ran, mut scroll_tessellated) =
        (Samples::default(), Samples::default(), Samples::default());
    let (mut jump, mut idle, mut open) =
        (Samples::default(), Samples::default(), Samples::default());

    let mut group =
        c.benchmark_group("reading desk, two panes of a 5 MB text, 10 000 highlights each");
    group.sample_size(60);

    let mut down = true;
    let mut frames = 0u64;
    group.bench_function("scroll frame (run_ui + tessellate)", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                frames += 1;
                if frames.is_multiple_of(400) {
                    down = !down;
                }
                let step = if down { 40.0 } else { -40.0 };
                for index in 0..2 {
                    if let Some(pane) = desk.pane_mut(index) {
                        pane.view.scroll_by(step);
                    }
                }
                let (ran, tessellated, _) = frame(&ctx, &mut desk, &highlights);
                total += ran + tessellated;
                scroll.push(ran + tessellated);
                scroll_ran.push(ran);
                scroll_tessellated.push(tessellated);
            }
            total
        });
    });

    let mut rng = SplitMix64::new(7);
    group.bench_function("jump to a random place", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let fraction = (rng.next_u64() % 10_000) as f32 / 10_000.0;
                for index in 0..2 {
                    if let Some(pane) = desk.pane_mut(index) {
                        pane.view.jump_to_fraction(fraction);
                    }
                }
                let (ran, tessellated, _) = frame(&ctx, &mut desk, &highlights);
                total += ran + tessellated;
                jump.push(ran + tessellated);
            }
            total
        });
    });

    // Let everything settle, then check that an idle frame asks for no repaint.
    for _ in 0..5 {
        frame(&ctx, &mut desk, &highlights);
    }
    let (_, _, repaint) = frame(&ctx, &mut desk, &highlights);
    assert!(!repaint, "an idle frame must not request a repaint");
    group.bench_function("idle frame", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let (ran, tessellated, repaint) = frame(&ctx, &mut desk, &highlights);
                assert!(!repaint, "an idle frame must not request a repaint");
                total += ran + tessellated;
                idle.push(ran + tessellated);
            }
            total
        });
    });
    group.finish();

    // Opening: parse the file, build the text, open it in a pane and draw the first frame.
    let file = format!(
        "id: big\ntitle: Big\nauthor: Generator\ndate: 2026\nlanguage: en\nsource: generated\nlicence: none\n---\n{}\n",
        first.content()
    );
    let mut group = c.benchmark_group("open a 5 MB text");
    group.sample_size(20);
    group.bench_function("parse + first frame", |b| {
        let ctx = Context::default();
        let mut desk = Desk::default();
        let none = HighlightsByText::new();
        frame(&ctx, &mut desk, &none);
        b.iter(|| {
            let start = Instant::now();
            let parsed = parse_text_file("big.txt", &file).expect("generated file parses");
            let text = Arc::new(Text::from_parsed(parsed));
            desk.close(0);
            desk.open(text, false);
            frame(&ctx, &mut desk, &none);
            open.push(start.elapsed());
        });
    });
    group.finish();

    report(
        "scroll one frame, two panes (run_ui + tessellate)",
        "median ≤ 1 ms, p99 ≤ 4 ms",
        1.0,
        &scroll,
    );
    report("  of which run_ui", "—", f64::INFINITY, &scroll_ran);
    report(
        "  of which tessellate",
        "—",
        f64::INFINITY,
        &scroll_tessellated,
    );
    report("jump to a random place", "median ≤ 5 ms", 5.0, &jump);
    report("idle frame (no repaint requested)", "≤ 0.5 ms", 0.5, &idle);
    report(
        "open a 5 MB text to its first frame",
        "≤ 150 ms",
        150.0,
        &open,
    );
}

criterion_group!(benches, reading);
criterion_main!(benches);
