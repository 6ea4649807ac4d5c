//! What the benchmarks share: per-iteration timings, summarised as median, p95 and p99 beside
//! the budget of DESIGN.md (criterion's own report gives the mean and its confidence interval).

#![allow(dead_code)] // each benchmark uses part of it

use std::time::Duration;

use lectern::model::annotation::default_categories;
use lectern::model::generate::annotations;
use lectern::model::text::Text;
use lectern::ui::desk::HighlightsByText;
use lectern::ui::reader::{Highlight, Highlights};

/// The input of a frame on a 1920×1080 screen, nothing pressed.
pub fn screen() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::pos2(0.0, 0.0),
            egui::vec2(1920.0, 1080.0),
        )),
        ..egui::RawInput::default()
    }
}

/// `count` generated highlights on each text, in the six categories' colours, as the app
/// builds them from annotations.
pub fn highlights_of(texts: &[&Text], count: usize) -> HighlightsByText {
    let categories = default_categories();
    texts
        .iter()
        .enumerate()
        .map(|(index, text)| {
            let items = annotations(std::slice::from_ref(*text), count, index as u64)
                .into_iter()
                .map(|a| {
                    let [r, g, b] = categories
                        .iter()
                        .find(|c| Some(&c.category_id) == a.category_id.as_ref())
                        .map_or([200, 200, 0], |c| c.color);
                    Highlight {
                        annotation_id: a.annotation_id,
                        range: (a.anchor.start..a.anchor.end).into(),
                        color: egui::Color32::from_rgba_unmultiplied(r, g, b, 110),
                        note: a.note.trim().to_owned(),
                    }
                })
                .collect();
            (text.id().to_owned(), Highlights::new(items))
        })
        .collect()
}

/// Timings of single iterations, in the order they ran.
#[derive(Default)]
pub struct Samples(Vec<Duration>);

impl Samples {
    /// Records one iteration.
    pub fn push(&mut self, duration: Duration) {
        self.0.push(duration);
    }

    /// The `q` quantile (0–1) in milliseconds.
    pub fn quantile_ms(&self, q: f64) -> f64 {
        let mut sorted = self.0.clone();
        sorted.sort_unstable();
        if sorted.is_empty() {
            return f64::NAN;
        }
        let index = ((sorted.len() - 1) as f64 * q).round() as usize;
        sorted[index].as_secs_f64() * 1e3
    }

    /// How many iterations were recorded.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

/// Prints a row of the budget table: what, budget, median, p95, p99 and the number of
/// iterations, and whether the median is within `budget_ms`.
pub fn report(what: &str, budget: &str, budget_ms: f64, samples: &Samples) {
    let median = samples.quantile_ms(0.5);
    println!(
        "BUDGET | {what} | {budget} | {median:.3} ms | {:.3} ms | {:.3} ms | {} | {}",
        samples.quantile_ms(0.95),
        samples.quantile_ms(0.99),
        samples.len(),
        if median <= budget_ms {
            "met"
        } else {
            "NOT MET"
        }
    );
}
