//! Frame costs of the reading desk, driven headlessly: `egui::Context::run_ui` then
//! `tessellate`, at 1920×1080 with two panes of a generated 5 MB text.
//!
//! Run with `cargo bench --bench reading`. Budgets (DESIGN.md): scrolling one frame median
//! ≤ 1 ms; a jump to a random place median ≤ 5 ms; opening a 5 MB text to its first frame
//! ≤ 150 ms; an idle frame ≤ 0.5 ms with no repaint requested.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Context, RawInput, Rect, ViewportId, pos2, vec2};
use lectern::model::generate::{SplitMix64, large_text};
use lectern::model::header::parse_text_file;
use lectern::model::text::Text;
use lectern::ui::desk::{Desk, HighlightsByText, desk_ui};
use lectern::ui::reader::ReadingStyle;

const SIZE: usize = 5_000_000;
const STYLE: ReadingStyle = ReadingStyle { font_size: 18.0 };

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1920.0, 1080.0))),
        ..RawInput::default()
    }
}

/// One frame: returns (run_ui time, tessellate time, whether a repaint was requested now).
fn frame(ctx: &Context, desk: &mut Desk) -> (Duration, Duration, bool) {
    let start = Instant::now();
    let output = ctx.run_ui(input(), |ui| {
        black_box(desk_ui(
            ui,
            desk,
            STYLE,
            &HighlightsByText::new(),
            None,
            &[],
        ));
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

fn two_panes(text: &Arc<Text>, other: &Arc<Text>) -> (Context, Desk) {
    let ctx = Context::default();
    let mut desk = Desk::default();
    desk.open(text.clone(), true);
    desk.open(other.clone(), true);
    for _ in 0..3 {
        frame(&ctx, &mut desk);
    }
    (ctx, desk)
}

fn reading(c: &mut Criterion) {
    let first = Arc::new(large_text(1, SIZE));
    let second = Arc::new(large_text(2, SIZE));
    let (ctx, mut desk) = two_panes(&first, &second);

    let mut group = c.benchmark_group("reading desk, two panes of a 5 MB text");
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
                let (ran, tessellated, _) = frame(&ctx, &mut desk);
                total += ran + tessellated;
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
                let (ran, tessellated, _) = frame(&ctx, &mut desk);
                total += ran + tessellated;
            }
            total
        });
    });

    // Let everything settle, then check that an idle frame asks for no repaint.
    for _ in 0..5 {
        frame(&ctx, &mut desk);
    }
    let (_, _, repaint) = frame(&ctx, &mut desk);
    assert!(!repaint, "an idle frame must not request a repaint");
    group.bench_function("idle frame", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let (ran, tessellated, _) = frame(&ctx, &mut desk);
                total += ran + tessellated;
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
        frame(&ctx, &mut desk);
        b.iter(|| {
            let parsed = parse_text_file("big.txt", &file).expect("generated file parses");
            let text = Arc::new(Text::from_parsed(parsed));
            desk.close(0);
            desk.open(text, false);
            frame(&ctx, &mut desk);
        });
    });
    group.finish();
}

criterion_group!(benches, reading);
criterion_main!(benches);
