//! The comparison view: witnesses in aligned columns segment by segment (or inline, one
//! column), word differences marked in colour *and* by strike-through / underline / italics,
//! a summary per segment, stepping through differences, notes on differences.
//!
//! [`ComparisonState`] holds one open comparison and its computed result. Large comparisons
//! (whole texts) are computed on a worker thread with progress and a cancel button; small ones
//! (every bundled comparison, most selections) at once.

use std::collections::HashMap;

use crate::model::comparison::{
    Cell, Comparison, ComparisonError, ComparisonResult, Reference, WordingInput,
    compute_row_by_row,
};
use crate::model::diff::{Normalization, PROFILES};
use crate::ui::action::ComparisonViewAction;
use crate::ui::task::Task;

mod access;
mod columns;
mod group_notes;
mod heads;
mod inputs;
mod marks;
mod picture;
mod rows;
mod view;

pub use inputs::{ComparisonView, GroupNote};
pub use picture::{Picture, PictureOf, PictureStyle, picture, row_rule};
pub use view::comparison_ui;

/// Inputs up to this many characters in all are compared at once; larger ones in the
/// background.
pub const SYNC_LIMIT: usize = 60_000;

/// The name of a normalisation profile, or "Custom", in English: as files (a TEI header)
/// name it. The window shows [`profile_label`].
pub fn profile_name(normalization: &Normalization) -> &'static str {
    PROFILES
        .iter()
        .find(|(_, n)| n == normalization)
        .map_or("Custom", |(name, _)| name)
}

/// The name of a normalisation profile, or "Custom", in the reader's language.
pub fn profile_label(normalization: &Normalization) -> String {
    PROFILES
        .iter()
        .find(|(_, n)| n == normalization)
        .map_or_else(
            || crate::tr!("compare-profile-custom"),
            |(name, _)| profile_label_of(name),
        )
}

/// The profile of [`PROFILES`] called `name`, named in the reader's language.
fn profile_label_of(name: &str) -> String {
    match name {
        "Wording" => crate::tr!("compare-profile-wording"),
        "Typography" => crate::tr!("compare-profile-typography"),
        "Exact" => crate::tr!("compare-profile-exact"),
        // A profile added to the model without a message yet keeps its English name.
        other => other.to_owned(),
    }
}

/// What the background worker is given.
pub enum ComparisonInput {
    /// A comparison with its segments.
    Ready(Comparison),
    /// The reader's wordings, to be segmented and aligned.
    Wordings {
        /// Id for the new comparison.
        id: String,
        /// Its title.
        title: String,
        /// The wordings.
        inputs: Vec<WordingInput>,
    },
}

impl ComparisonInput {
    fn size(&self) -> usize {
        match self {
            Self::Ready(c) => c
                .witnesses
                .iter()
                .flat_map(|w| w.segments.iter().flatten())
                .map(|s| s.text.len())
                .sum(),
            Self::Wordings { inputs, .. } => inputs.iter().map(|i| i.text.len()).sum(),
        }
    }

    fn run(
        self,
        normalization: &Normalization,
        reference: Reference,
        progress: &mut dyn FnMut(usize, usize) -> bool,
        mut shown: Option<&mut dyn FnMut(Shown)>,
    ) -> Result<Option<(Comparison, ComparisonResult)>, ComparisonError> {
        let comparison = match self {
            Self::Ready(comparison) => comparison,
            Self::Wordings { id, title, inputs } => {
                if !progress(0, 1) {
                    return Ok(None);
                }
                let comparison = Comparison::from_wordings(&id, &title, inputs, normalization)?;
                if let Some(shown) = shown.as_mut() {
                    shown(Shown::Built(comparison.clone()));
                }
                comparison
            }
        };
        let total = comparison.segments.len();
        let mut rows = Vec::new();
        let (mut sent, mut last) = (0, std::time::Instant::now());
        let result = compute_row_by_row(
            &comparison,
            normalization,
            reference,
            &mut |segment, cells| {
                // Rows are copied only for a window that shows them before the answer.
                let Some(shown) = shown.as_mut() else {
                    return progress(segment + 1, total);
                };
                rows.push(cells.to_vec());
                // The first screenful at once, then the rest a tenth of a second at a time.
                let due = if sent == 0 {
                    rows.len() >= FIRST_ROWS
                } else {
                    last.elapsed() >= ROWS_EVERY
                };
                if due || segment + 1 == total {
                    sent += rows.len();
                    last = std::time::Instant::now();
                    shown(Shown::Rows(std::mem::take(&mut rows)));
                }
                progress(segment + 1, total)
            },
        );
        Ok(result.map(|r| (comparison, r)))
    }
}

/// How many rows a comparison computed in the background shows first (more than a screenful),
/// and how often it shows the rows computed since.
const FIRST_ROWS: usize = 12;
const ROWS_EVERY: std::time::Duration = std::time::Duration::from_millis(100);

/// What a comparison job hands over before its answer, so that the first rows are read while
/// the rest are computed: the comparison once its wordings are cut into segments, then its
/// rows in reading order, some at a time.
pub(super) enum Shown {
    Built(Comparison),
    Rows(Vec<Vec<Cell>>),
}

/// What a comparison job answers: the comparison and its differences, nothing when it was
/// cancelled, or why it could not be compared.
type JobOutcome = Result<Option<(Comparison, ComparisonResult)>, String>;

/// A comparison being computed on a worker thread; its progress counts segments.
pub type ComparisonJob = Task<JobOutcome>;

/// One open comparison. Its fields are its own and its view's (the files of this module): the
/// rest of the window reads it and changes it through its methods (see `access.rs`) and
/// [`ComparisonState::apply`].
pub struct ComparisonState {
    /// The comparison.
    comparison: Comparison,
    /// Whether the reader made it (selections, texts, pasted) rather than it being bundled.
    readers_own: bool,
    /// Its computed differences (None while computing, or when cancelled).
    result: Option<ComparisonResult>,
    /// The worker computing it.
    job: Option<ComparisonJob>,
    /// What the worker has handed over so far, and the rows it computed (in reading order),
    /// shown while it computes the rest.
    shown: Option<std::sync::mpsc::Receiver<Shown>>,
    partial: Vec<Vec<Cell>>,
    /// What counts as a difference.
    normalization: Normalization,
    /// What each witness is marked against.
    reference: Reference,
    /// One column with the differences inline, instead of a column per witness.
    inline: bool,
    /// The difference stepped to (index into the result's differences).
    current: Option<usize>,
    /// Witnesses hidden from the view.
    hidden: Vec<bool>,
    /// Whether the comparison fills the window (else it sits below the reading panes).
    full: bool,
    /// A message for the reader (cancelled, exported, could not compare …).
    message: Option<String>,
    /// The screen area the view last took.
    rect: Option<egui::Rect>,
    /// The note whose text field should take the keyboard.
    focus_note: Option<String>,
    /// Whether the description is shown (by default: when the comparison fills the window).
    description_open: Option<bool>,
    /// How far the rows are scrolled sideways (the witnesses' names above follow).
    sideways: f32,
    /// Whether it fills the window this frame (asked for, or no text is open).
    fills: bool,
    /// A copy of the comparison to keep in the reading state, when it is small enough (made
    /// once, not at every frame the reading state is looked at).
    kept: std::cell::OnceCell<Option<std::sync::Arc<Comparison>>>,
    scroll_to: Option<usize>,
    heights: Vec<f32>,
    drafts: HashMap<String, String>,
}

impl ComparisonState {
    /// Carries out an action that changes only how the comparison is shown (stepping,
    /// swapping, layout, what counts as different, hidden witnesses, filling the window).
    pub fn apply(&mut self, action: ComparisonViewAction, ctx: &egui::Context) {
        match action {
            ComparisonViewAction::CancelComparison => self.cancel(),
            ComparisonViewAction::NextDifference => self.step(true),
            ComparisonViewAction::PreviousDifference => self.step(false),
            ComparisonViewAction::SwapWitnesses => self.swap(ctx),
            ComparisonViewAction::SetComparisonLayout { inline } => self.inline = inline,
            ComparisonViewAction::SetNormalization(normalization) => {
                self.normalization = normalization;
                self.recompute(ctx);
            }
            ComparisonViewAction::SetReference(reference) => {
                self.reference = reference;
                self.recompute(ctx);
            }
            ComparisonViewAction::ToggleWitness(index) => {
                if let Some(hidden) = self.hidden.get_mut(index) {
                    *hidden = !*hidden;
                }
            }
            ComparisonViewAction::ToggleComparisonFull => self.full = !self.full,
            ComparisonViewAction::ToggleComparisonDescription => {
                self.description_open = Some(!self.description_shown());
            }
        }
    }

    /// A shared copy of the comparison when its wordings come to at most `limit` bytes.
    pub fn small_copy(&self, limit: usize) -> Option<std::sync::Arc<Comparison>> {
        self.kept
            .get_or_init(|| {
                let size: usize = self
                    .comparison
                    .witnesses
                    .iter()
                    .flat_map(|w| w.segments.iter().flatten())
                    .map(|s| s.text.len())
                    .sum();
                (size <= limit).then(|| std::sync::Arc::new(self.comparison.clone()))
            })
            .clone()
    }

    /// Whether the description is shown.
    pub fn description_shown(&self) -> bool {
        self.description_open.unwrap_or(self.fills)
    }

    /// Opens `input`, computing it at once when small and in the background otherwise.
    pub fn open(
        input: ComparisonInput,
        readers_own: bool,
        normalization: Normalization,
        ctx: &egui::Context,
    ) -> Self {
        let placeholder = match &input {
            ComparisonInput::Ready(c) => c.clone(),
            ComparisonInput::Wordings { id, title, .. } => Comparison {
                id: id.clone(),
                title: title.clone(),
                description: String::new(),
                start_screen: None,
                segments: Vec::new(),
                witnesses: Vec::new(),
            },
        };
        let mut state = Self {
            hidden: vec![false; placeholder.witnesses.len()],
            comparison: placeholder,
            readers_own,
            result: None,
            job: None,
            shown: None,
            partial: Vec::new(),
            normalization,
            reference: Reference::Previous,
            inline: false,
            current: None,
            full: false,
            message: None,
            rect: None,
            focus_note: None,
            description_open: None,
            sideways: 0.0,
            fills: false,
            kept: std::cell::OnceCell::new(),
            scroll_to: None,
            heights: Vec::new(),
            drafts: HashMap::new(),
        };
        state.start(input, ctx);
        state
    }

    /// Computes again (after a change of normalisation, reference or witness order).
    pub fn recompute(&mut self, ctx: &egui::Context) {
        self.start(ComparisonInput::Ready(self.comparison.clone()), ctx);
    }

    fn start(&mut self, input: ComparisonInput, ctx: &egui::Context) {
        if let Some(job) = self.job.take() {
            job.cancel();
        }
        self.current = None;
        self.message = None;
        self.heights.clear();
        self.shown = None;
        self.partial.clear();
        let (normalization, reference) = (self.normalization, self.reference);
        if input.size() <= SYNC_LIMIT {
            match input.run(&normalization, reference, &mut |_, _| true, None) {
                Ok(Some((comparison, result))) => self.finish(comparison, result),
                Ok(None) => {}
                Err(e) => self.message = Some(e.to_string()),
            }
            return;
        }
        self.result = None;
        let repaint = ctx.clone();
        let (sender, shown) = std::sync::mpsc::channel();
        self.shown = Some(shown);
        self.job = Some(Task::spawn("lectern-compare", ctx, move |progress| {
            input
                .run(
                    &normalization,
                    reference,
                    &mut |done, total| {
                        progress.set(done as u64, total as u64);
                        if done % 64 == 0 {
                            repaint.request_repaint();
                        }
                        !progress.is_cancelled()
                    },
                    Some(&mut |piece| {
                        // Gone only when the comparison was closed or started again.
                        let _ = sender.send(piece);
                        repaint.request_repaint();
                    }),
                )
                .map_err(|e| e.to_string())
        }));
    }

    fn finish(&mut self, comparison: Comparison, result: ComparisonResult) {
        if self.hidden.len() != comparison.witnesses.len() {
            self.hidden = vec![false; comparison.witnesses.len()];
        }
        self.comparison = comparison;
        self.kept = std::cell::OnceCell::new();
        if self.heights.len() != self.comparison.segments.len() {
            self.heights = vec![0.0; self.comparison.segments.len()];
        }
        self.result = Some(result);
        self.shown = None;
        self.partial = Vec::new();
    }

    /// Takes what the worker handed over so far: the comparison cut into segments, and the
    /// rows computed, shown while it computes the rest.
    fn take_shown(&mut self) {
        let Some(shown) = &self.shown else {
            return;
        };
        for piece in shown.try_iter() {
            match piece {
                Shown::Built(comparison) => {
                    self.hidden = vec![false; comparison.witnesses.len()];
                    self.heights = vec![0.0; comparison.segments.len()];
                    self.comparison = comparison;
                    self.kept = std::cell::OnceCell::new();
                    self.partial.clear();
                }
                Shown::Rows(rows) => self.partial.extend(rows),
            }
        }
    }

    /// The rows to draw and their differences: all of them once computed, else those the
    /// worker has computed so far (with no differences to step through yet); `None` before
    /// the first.
    pub(super) fn rows_so_far(
        &self,
    ) -> Option<(&[Vec<Cell>], &[crate::model::comparison::Difference])> {
        match &self.result {
            Some(result) => Some((&result.cells, &result.differences)),
            None if !self.partial.is_empty() => Some((&self.partial, &[])),
            None => None,
        }
    }

    /// Takes the worker's result when it is ready, and the rows it computed so far.
    pub fn poll(&mut self) {
        self.take_shown();
        let Some(outcome) = Task::poll(&mut self.job, || {
            Err(crate::tr!("compare-stopped-unexpectedly"))
        }) else {
            return;
        };
        match outcome {
            Ok(Some((comparison, result))) => self.finish(comparison, result),
            Ok(None) => self.message = Some(crate::tr!("compare-cancelled")),
            Err(e) => self.message = Some(e),
        }
    }

    /// Whether a worker is computing.
    pub fn is_computing(&self) -> bool {
        self.job.is_some()
    }

    /// Whether the reader asked the worker to stop (it stops at the next segment).
    pub fn cancel_requested(&self) -> bool {
        self.job.as_ref().is_some_and(Task::is_cancelled)
    }

    /// Stops the worker.
    pub fn cancel(&mut self) {
        if let Some(job) = &self.job {
            job.cancel();
        }
    }

    /// Steps to the next (`forward`) or previous difference, wrapping around.
    pub fn step(&mut self, forward: bool) {
        let Some(result) = &self.result else {
            return;
        };
        let visible: Vec<usize> = (0..result.differences.len())
            .filter(|&i| {
                let d = &result.differences[i];
                !self.is_hidden(d.witness) && !self.is_hidden(d.reference)
            })
            .collect();
        if visible.is_empty() {
            self.current = None;
            return;
        }
        let position = self
            .current
            .and_then(|c| visible.iter().position(|&v| v == c));
        let next = match (position, forward) {
            (None, true) => 0,
            (None, false) => visible.len() - 1,
            (Some(p), true) => (p + 1) % visible.len(),
            (Some(p), false) => (p + visible.len() - 1) % visible.len(),
        };
        self.current = Some(visible[next]);
        self.scroll_to = Some(result.differences[visible[next]].segment);
    }

    /// Reverses the order of the witnesses (for two: swaps them) and computes again.
    pub fn swap(&mut self, ctx: &egui::Context) {
        let count = self.comparison.witnesses.len();
        self.comparison = self.comparison.swapped();
        self.kept = std::cell::OnceCell::new();
        self.hidden.reverse();
        if let Reference::Base(base) = self.reference {
            self.reference = Reference::Base(count.saturating_sub(1 + base));
        }
        self.recompute(ctx);
    }

    /// The witnesses shown, in order.
    pub fn visible(&self) -> Vec<usize> {
        (0..self.comparison.witnesses.len())
            .filter(|&w| !self.is_hidden(w))
            .collect()
    }

    fn is_hidden(&self, witness: usize) -> bool {
        self.hidden.get(witness).copied().unwrap_or(false)
    }

    /// Scrolls to a segment when next drawn.
    pub fn scroll_to_segment(&mut self, segment: usize) {
        self.scroll_to = Some(segment);
    }
}

#[cfg(test)]
mod tests;
