//! What the benchmarks share: per-iteration timings, summarised as median, p95 and p99 beside
//! the budget of DESIGN.md (criterion's own report gives the mean and its confidence interval).

#![allow(dead_code)] // each benchmark uses part of it

use std::time::Duration;

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
