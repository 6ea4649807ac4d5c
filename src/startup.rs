//! A trace of Lectern's start-up: how long after launch each stage ended (`lectern
//! --trace-startup`, and the start-up benchmark). No egui: the window marks its stages here.
//!
//! The stages, in order of their ends: the command line read (with the files it names), the
//! library, profile and reading state loaded (on a thread of their own, while the window is
//! made), the window and its renderer made, the first frame laid out, and the first frame on
//! screen (the next frame has begun, so the first was presented).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The trace of this run, when one was asked for.
static TRACE: OnceLock<Trace> = OnceLock::new();

/// When each stage ended.
#[derive(Debug)]
pub struct Trace {
    start: Instant,
    stages: Mutex<Vec<(&'static str, Duration)>>,
    /// A stage the trace waits for before it is finished (the comparison on screen, when the
    /// window was opened to compare).
    awaited: Mutex<Option<&'static str>>,
    finished: AtomicBool,
}

impl Default for Trace {
    fn default() -> Self {
        Self::new()
    }
}

impl Trace {
    /// A trace timing from now.
    pub fn new() -> Self {
        Self {
            start: Instant::now(),
            stages: Mutex::new(Vec::new()),
            awaited: Mutex::new(None),
            finished: AtomicBool::new(false),
        }
    }

    fn stages(&self) -> std::sync::MutexGuard<'_, Vec<(&'static str, Duration)>> {
        self.stages.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Notes that `stage` has ended (the first time only).
    pub fn mark(&self, stage: &'static str) {
        let elapsed = self.start.elapsed();
        let mut stages = self.stages();
        if !stages.iter().any(|(s, _)| *s == stage) {
            stages.push((stage, elapsed));
        }
    }

    /// Whether `stage` has ended.
    pub fn marked(&self, stage: &str) -> bool {
        self.stages().iter().any(|(s, _)| *s == stage)
    }

    /// The stages so far, a line each: milliseconds since launch, the time since the stage
    /// before, and its name (`STARTUP | 130.0 ms | +80.1 ms | window and renderer made`).
    pub fn report(&self) -> String {
        let mut previous = Duration::ZERO;
        let mut out = String::new();
        for (stage, at) in self.stages().iter() {
            out.push_str(&format!(
                "STARTUP | {:.1} ms | +{:.1} ms | {stage}\n",
                at.as_secs_f64() * 1000.0,
                at.saturating_sub(previous).as_secs_f64() * 1000.0
            ));
            previous = *at;
        }
        out
    }

    /// Makes [`Trace::finish`] wait for `stage` as well as the first frame on screen.
    pub fn wait_for(&self, stage: &'static str) {
        *self.awaited.lock().unwrap_or_else(|e| e.into_inner()) = Some(stage);
    }

    /// Marks the first frame on screen and returns the report, the first time only, once the
    /// stage waited for (if any) has ended too.
    pub fn finish(&self) -> Option<String> {
        let awaited = *self.awaited.lock().unwrap_or_else(|e| e.into_inner());
        self.mark(stage::ON_SCREEN);
        if awaited.is_some_and(|stage| !self.marked(stage)) {
            return None;
        }
        if self.finished.swap(true, Ordering::SeqCst) {
            return None;
        }
        Some(self.report())
    }
}

/// Starts this run's trace, timing from now (call first thing in `main`).
pub fn begin() {
    let _ = TRACE.set(Trace::new());
}

/// Whether this run is traced.
pub fn tracing() -> bool {
    TRACE.get().is_some()
}

/// [`Trace::mark`] on this run's trace (nothing when it is not traced).
pub fn mark(stage: &'static str) {
    if let Some(trace) = TRACE.get() {
        trace.mark(stage);
    }
}

/// [`Trace::marked`] on this run's trace.
pub fn marked(stage: &str) -> bool {
    TRACE.get().is_some_and(|trace| trace.marked(stage))
}

/// [`Trace::wait_for`] on this run's trace.
pub fn wait_for(stage: &'static str) {
    if let Some(trace) = TRACE.get() {
        trace.wait_for(stage);
    }
}

/// [`Trace::finish`] on this run's trace.
pub fn finish() -> Option<String> {
    TRACE.get()?.finish()
}

/// Stage names, shared by the window and the benchmark.
pub mod stage {
    /// The command line read and the files it names.
    pub const ARGUMENTS: &str = "command line read";
    /// The library, profile and reading state loaded: the app built.
    pub const APP: &str = "app built (library, profile, reading state)";
    /// The window and its renderer made (eframe calls the app's creator).
    pub const WINDOW: &str = "window and renderer made";
    /// The first frame's layout done.
    pub const FIRST_LAYOUT: &str = "first frame laid out";
    /// The first frame presented (the second frame has begun).
    pub const ON_SCREEN: &str = "first frame on screen";
    /// The comparison's first differences laid out (`lectern compare A B --window`).
    pub const COMPARISON_LAYOUT: &str = "comparison's differences laid out";
    /// The frame with the comparison's first differences presented (the next has begun).
    pub const COMPARISON_ON_SCREEN: &str = "comparison's differences on screen";
    /// The study groups joined read (off the window's thread) and taken by the window.
    pub const GROUPS_READ: &str = "study groups read";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_are_reported_once_in_order_with_their_durations() {
        let trace = Trace::new();
        trace.mark(stage::ARGUMENTS);
        std::thread::sleep(Duration::from_millis(5));
        trace.mark(stage::WINDOW);
        trace.mark(stage::ARGUMENTS); // a stage ends once
        assert!(trace.marked(stage::WINDOW) && !trace.marked(stage::FIRST_LAYOUT));
        let report = trace.finish().unwrap();
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines.len(), 3, "{report}");
        assert!(lines[0].ends_with("| command line read"), "{report}");
        assert!(lines[1].ends_with("| window and renderer made"), "{report}");
        assert!(lines[2].ends_with("| first frame on screen"), "{report}");
        let step: f64 = lines[1].split('|').nth(2).unwrap().trim()[1..]
            .trim_end_matches(" ms")
            .parse()
            .unwrap();
        assert!(step >= 5.0, "{report}");
        assert_eq!(trace.finish(), None, "reported once");
        // This run is not traced: nothing is marked on it.
        mark(stage::ARGUMENTS);
        assert!(!tracing() && !marked(stage::ARGUMENTS) && finish().is_none());
    }

    #[test]
    fn a_trace_that_waits_for_the_comparison_finishes_only_once_it_is_on_screen() {
        let trace = Trace::new();
        trace.wait_for(stage::COMPARISON_ON_SCREEN);
        trace.mark(stage::FIRST_LAYOUT);
        assert_eq!(trace.finish(), None, "the comparison is not yet on screen");
        assert!(trace.marked(stage::ON_SCREEN), "the first frame was");
        trace.mark(stage::COMPARISON_LAYOUT);
        trace.mark(stage::COMPARISON_ON_SCREEN);
        let report = trace.finish().expect("finished now");
        let names: Vec<&str> = report
            .lines()
            .filter_map(|l| l.rsplit(" | ").next())
            .collect();
        assert_eq!(
            names,
            [
                stage::FIRST_LAYOUT,
                stage::ON_SCREEN,
                stage::COMPARISON_LAYOUT,
                stage::COMPARISON_ON_SCREEN
            ]
        );
        assert_eq!(trace.finish(), None, "reported once");
    }
}
