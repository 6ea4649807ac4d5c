//! The comparison view: witnesses in aligned columns segment by segment (or inline, one
//! column), word differences marked in colour *and* by strike-through / underline / italics,
//! a summary per segment, stepping through differences, notes on differences.
//!
//! [`ComparisonState`] holds one open comparison and its computed result. Large comparisons
//! (whole texts) are computed on a worker thread with progress and a cancel button; small ones
//! (every bundled comparison, most selections) at once.

use std::collections::HashMap;
use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Layout, RichText, Sense, Stroke, Ui, Vec2};

use crate::model::compare::{Mark, Marked, Normalization, PROFILES};
use crate::model::comparison::{
    Comparison, ComparisonError, ComparisonNote, ComparisonResult, Reference, WordingInput, compute,
};
use crate::model::comparison_export::{Piece, inline_pieces};
use crate::ui::action::{Action, ExportFormat, action_ui};
use crate::ui::task::Task;

/// Inputs up to this many characters in all are compared at once; larger ones in the
/// background.
pub const SYNC_LIMIT: usize = 60_000;

/// The name of a normalisation profile, or "Custom".
pub fn profile_name(normalization: &Normalization) -> &'static str {
    PROFILES
        .iter()
        .find(|(_, n)| n == normalization)
        .map_or("Custom", |(name, _)| name)
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
    ) -> Result<Option<(Comparison, ComparisonResult)>, ComparisonError> {
        let comparison = match self {
            Self::Ready(comparison) => comparison,
            Self::Wordings { id, title, inputs } => {
                if !progress(0, 1) {
                    return Ok(None);
                }
                Comparison::from_wordings(&id, &title, inputs, normalization)?
            }
        };
        Ok(compute(&comparison, normalization, reference, progress).map(|r| (comparison, r)))
    }
}

/// What a comparison job answers: the comparison and its differences, nothing when it was
/// cancelled, or why it could not be compared.
type JobOutcome = Result<Option<(Comparison, ComparisonResult)>, String>;

/// A comparison being computed on a worker thread; its progress counts segments.
pub type ComparisonJob = Task<JobOutcome>;

/// One open comparison.
pub struct ComparisonState {
    /// The comparison.
    pub comparison: Comparison,
    /// Whether the reader made it (selections, texts, pasted) rather than it being bundled.
    pub readers_own: bool,
    /// Its computed differences (None while computing, or when cancelled).
    pub result: Option<ComparisonResult>,
    /// The worker computing it.
    pub job: Option<ComparisonJob>,
    /// What counts as a difference.
    pub normalization: Normalization,
    /// What each witness is marked against.
    pub reference: Reference,
    /// One column with the differences inline, instead of a column per witness.
    pub inline: bool,
    /// The difference stepped to (index into the result's differences).
    pub current: Option<usize>,
    /// Witnesses hidden from the view.
    pub hidden: Vec<bool>,
    /// Whether the comparison fills the window (else it sits below the reading panes).
    pub full: bool,
    /// A message for the reader (cancelled, exported, could not compare …).
    pub message: Option<String>,
    /// The screen area the view last took (for the PNG export).
    pub rect: Option<egui::Rect>,
    /// The note whose text field should take the keyboard.
    pub focus_note: Option<String>,
    scroll_to: Option<usize>,
    heights: Vec<f32>,
    pub(crate) drafts: HashMap<String, String>,
}

impl ComparisonState {
    /// Carries out an action that changes only how the comparison is shown (stepping,
    /// swapping, layout, what counts as different, hidden witnesses, filling the window).
    pub fn apply(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::CancelComparison => self.cancel(),
            Action::NextDifference | Action::PreviousDifference => {
                self.step(action == Action::NextDifference);
            }
            Action::SwapWitnesses => self.swap(ctx),
            Action::SetComparisonLayout { inline } => self.inline = inline,
            Action::SetNormalization(normalization) => {
                self.normalization = normalization;
                self.recompute(ctx);
            }
            Action::SetReference(reference) => {
                self.reference = reference;
                self.recompute(ctx);
            }
            Action::ToggleWitness(index) => {
                if let Some(hidden) = self.hidden.get_mut(index) {
                    *hidden = !*hidden;
                }
            }
            Action::ToggleComparisonFull => self.full = !self.full,
            _ => {}
        }
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
            normalization,
            reference: Reference::Previous,
            inline: false,
            current: None,
            full: false,
            message: None,
            rect: None,
            focus_note: None,
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
        let (normalization, reference) = (self.normalization, self.reference);
        if input.size() <= SYNC_LIMIT {
            match input.run(&normalization, reference, &mut |_, _| true) {
                Ok(Some((comparison, result))) => self.finish(comparison, result),
                Ok(None) => {}
                Err(e) => self.message = Some(e.to_string()),
            }
            return;
        }
        self.result = None;
        let repaint = ctx.clone();
        self.job = Some(Task::spawn("lectern-compare", ctx, move |progress| {
            input
                .run(&normalization, reference, &mut |done, total| {
                    progress.set(done as u64, total as u64);
                    if done % 64 == 0 {
                        repaint.request_repaint();
                    }
                    !progress.is_cancelled()
                })
                .map_err(|e| e.to_string())
        }));
    }

    fn finish(&mut self, comparison: Comparison, result: ComparisonResult) {
        if self.hidden.len() != comparison.witnesses.len() {
            self.hidden = vec![false; comparison.witnesses.len()];
        }
        self.comparison = comparison;
        self.heights = vec![0.0; self.comparison.segments.len()];
        self.result = Some(result);
    }

    /// Takes the worker's result when it is ready.
    pub fn poll(&mut self) {
        let Some(outcome) = Task::poll(&mut self.job, || {
            Err("The comparison stopped unexpectedly.".into())
        }) else {
            return;
        };
        match outcome {
            Ok(Some((comparison, result))) => self.finish(comparison, result),
            Ok(None) => self.message = Some("The comparison was cancelled.".into()),
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

/// The colours of the marks: (added, removed, changed, current difference).
fn mark_colors(dark: bool) -> (Color32, Color32, Color32, Color32) {
    if dark {
        (
            Color32::from_rgb(0x1f, 0x5a, 0x2e),
            Color32::from_rgb(0x6e, 0x25, 0x25),
            Color32::from_rgb(0x6b, 0x52, 0x12),
            Color32::from_rgb(0x2a, 0x4f, 0x8f),
        )
    } else {
        (
            Color32::from_rgb(0xc8, 0xec, 0xcf),
            Color32::from_rgb(0xf7, 0xcf, 0xcf),
            Color32::from_rgb(0xff, 0xe0, 0x9c),
            Color32::from_rgb(0xb8, 0xd4, 0xff),
        )
    }
}

struct JobStyle {
    font: FontId,
    text: Color32,
    dark: bool,
}

/// A witness's wording with its own marks (against its reference: underlined), its onward
/// marks (against the witness that follows it: struck through) and the current difference.
fn marked_job(
    text: &str,
    own: &[Marked],
    onward: &[Marked],
    current: Option<Range<usize>>,
    style: &JobStyle,
    wrap: f32,
) -> LayoutJob {
    let (added, removed, changed, current_color) = mark_colors(style.dark);
    let mut bounds: Vec<usize> = vec![0, text.chars().count()];
    for m in own.iter().chain(onward) {
        bounds.push(m.range.start);
        bounds.push(m.range.end);
    }
    if let Some(c) = &current {
        bounds.push(c.start);
        bounds.push(c.end);
    }
    bounds.sort_unstable();
    bounds.dedup();
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap;
    for pair in bounds.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        if start >= end || end >= bytes.len() {
            continue;
        }
        let piece = &text[bytes[start]..bytes[end]];
        let at = |marks: &[Marked]| {
            marks
                .iter()
                .find(|m| m.range.start <= start && end <= m.range.end)
                .map(|m| m.mark)
        };
        let mut format = TextFormat::simple(style.font.clone(), style.text);
        let line = Stroke::new(1.5, style.text);
        match at(own) {
            Some(Mark::Inserted) => {
                format.background = added;
                format.underline = line;
            }
            Some(Mark::Changed) => {
                format.background = changed;
                format.underline = line;
                format.italics = true;
            }
            _ => {}
        }
        match at(onward) {
            Some(Mark::Deleted) => {
                format.background = removed;
                format.strikethrough = line;
            }
            Some(Mark::Changed) => {
                if format.background == Color32::TRANSPARENT {
                    format.background = changed;
                }
                format.strikethrough = line;
                format.italics = true;
            }
            _ => {}
        }
        if current
            .as_ref()
            .is_some_and(|c| c.start <= start && end <= c.end && c.start < c.end)
        {
            format.background = current_color;
        }
        job.append(piece, 0.0, format);
    }
    job
}

/// A witness's wording against its reference, inline: removed words struck through, added
/// words underlined.
fn inline_job(
    reference: &str,
    own: &str,
    cell: &crate::model::comparison::Cell,
    style: &JobStyle,
    wrap: f32,
) -> LayoutJob {
    let (added, removed, _, _) = mark_colors(style.dark);
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap;
    let line = Stroke::new(1.5, style.text);
    inline_pieces(reference, own, cell, |piece, kind| {
        let mut format = TextFormat::simple(style.font.clone(), style.text);
        match kind {
            Piece::Same => {}
            Piece::Removed => {
                format.background = removed;
                format.strikethrough = line;
            }
            Piece::Added => {
                format.background = added;
                format.underline = line;
            }
        }
        job.append(piece, 0.0, format);
    });
    job
}

/// The view's inputs besides its state.
pub struct ComparisonView<'a> {
    /// Notes on comparisons (those of this one are shown).
    pub notes: &'a [ComparisonNote],
    /// Categories: (id, name, colour).
    pub categories: &'a [(String, String, Color32)],
    /// The reading font size.
    pub font_size: f32,
    /// Whether the profile can be written.
    pub editable: bool,
}

/// Draws the comparison; returns what the reader did.
pub fn comparison_ui(
    ui: &mut Ui,
    state: &mut ComparisonState,
    view: &ComparisonView<'_>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    state.poll();
    state.rect = Some(ui.max_rect());
    toolbar_ui(ui, state, &mut actions);
    if let Some(message) = &state.message {
        ui.colored_label(ui.visuals().warn_fg_color, message);
    }
    if let Some(job) = &state.job {
        let (done, total) = job.progress();
        ui.horizontal(|ui| {
            // The button first, so that it stays put while the progress text changes.
            if job.is_cancelled() {
                ui.label("Cancelling…");
            } else {
                actions.extend(action_ui(ui, Action::CancelComparison, true));
            }
            ui.spinner();
            if total == 0 {
                ui.label("Aligning the witnesses…");
            } else {
                ui.add(
                    egui::ProgressBar::new(done as f32 / total as f32)
                        .desired_width(240.0)
                        .text(format!("{done} of {total} segments")),
                );
            }
        });
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
        return actions;
    }
    if state.result.is_none() {
        return actions;
    }
    if !state.inline {
        let (visible, fit) = (
            state.visible().len(),
            columns_that_fit(ui.available_width()),
        );
        if visible > fit {
            ui.horizontal_wrapped(|ui| {
                let warn = ui.visuals().warn_fg_color;
                let said = format!(
                    "{fit} of the {visible} witnesses fit side by side here: scroll sideways for \
                     the others, hide some with their checkboxes, read them Inline"
                );
                if state.full {
                    ui.label(RichText::new(format!("{said}.")).small().color(warn));
                } else {
                    ui.label(RichText::new(format!("{said}, or")).small().color(warn));
                    let fill = Action::ToggleComparisonFull;
                    if ui
                        .small_button("Fill window")
                        .on_hover_text(fill.tooltip())
                        .accessible_name("Fill window for all columns")
                        .clicked()
                    {
                        actions.push(fill);
                    }
                }
            });
        }
    }
    ui.separator();
    let style = JobStyle {
        font: FontId::proportional(view.font_size * 0.9),
        text: ui.visuals().text_color(),
        dark: ui.visuals().dark_mode,
    };
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .id_salt("comparison-rows")
        .show(ui, |ui| {
            if !state.inline {
                witness_heads_ui(ui, state, &mut actions);
                ui.separator();
            }
            rows_ui(ui, state, view, &style, &mut actions);
        });
    actions
}

fn toolbar_ui(ui: &mut Ui, state: &mut ComparisonState, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(&state.comparison.title);
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .button("×")
                .on_hover_text(Action::CloseComparison.tooltip())
                .accessible_name("Close comparison")
                .clicked()
            {
                actions.push(Action::CloseComparison);
            }
            let full = if state.full {
                "Dock below texts"
            } else {
                "Fill window"
            };
            if ui
                .button(full)
                .on_hover_text(Action::ToggleComparisonFull.tooltip())
                .clicked()
            {
                actions.push(Action::ToggleComparisonFull);
            }
        });
    });
    if !state.comparison.description.is_empty() {
        ui.label(RichText::new(&state.comparison.description).weak());
    }
    ui.horizontal_wrapped(|ui| {
        if ui.selectable_label(!state.inline, "Columns").clicked() {
            actions.push(Action::SetComparisonLayout { inline: false });
        }
        if ui.selectable_label(state.inline, "Inline").clicked() {
            actions.push(Action::SetComparisonLayout { inline: true });
        }
        ui.separator();
        let count = state.result.as_ref().map_or(0, |r| r.differences.len());
        for action in [Action::PreviousDifference, Action::NextDifference] {
            if ui
                .add_enabled(count > 0, egui::Button::new(action.label()))
                .on_hover_text(action.label_with_shortcut(ui.ctx()))
                .clicked()
            {
                actions.push(action);
            }
        }
        ui.label(match state.current {
            Some(current) => format!("Difference {} of {count}", current + 1),
            None if count == 1 => "1 difference".to_owned(),
            None => format!("{count} differences"),
        });
        ui.separator();
        if ui
            .button(Action::SwapWitnesses.label())
            .on_hover_text(Action::SwapWitnesses.label_with_shortcut(ui.ctx()))
            .clicked()
        {
            actions.push(Action::SwapWitnesses);
        }
        ui.separator();
        let mut normalization = state.normalization;
        egui::ComboBox::from_label("Count as different")
            .selected_text(profile_name(&normalization))
            .show_ui(ui, |ui| {
                for (name, profile) in PROFILES {
                    ui.selectable_value(&mut normalization, profile, name);
                }
                ui.separator();
                ui.checkbox(&mut normalization.ignore_case, "Ignore case");
                ui.checkbox(&mut normalization.ignore_punctuation, "Ignore punctuation");
                ui.checkbox(
                    &mut normalization.unify_quotes_and_dashes,
                    "Any quotation mark or dash is the same",
                );
                ui.checkbox(&mut normalization.collapse_whitespace, "Ignore white space");
                ui.checkbox(&mut normalization.yo_as_ye, "ё is е");
            });
        if normalization != state.normalization {
            actions.push(Action::SetNormalization(normalization));
        }
        let witnesses = &state.comparison.witnesses;
        let current = match state.reference {
            Reference::Previous => "the earlier witness".to_owned(),
            Reference::Base(b) => witnesses.get(b).map_or("?".into(), |w| w.label.clone()),
        };
        let mut reference = state.reference;
        egui::ComboBox::from_label("Mark against")
            .selected_text(current)
            .width(200.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut reference,
                    Reference::Previous,
                    "The earlier witness in the same language",
                );
                for (index, witness) in witnesses.iter().enumerate() {
                    ui.selectable_value(&mut reference, Reference::Base(index), &witness.label);
                }
            });
        if reference != state.reference {
            actions.push(Action::SetReference(reference));
        }
        ui.separator();
        ui.menu_button("Export", |ui| {
            for format in [
                ExportFormat::Markdown,
                ExportFormat::Html,
                ExportFormat::Png,
            ] {
                let action = Action::ExportComparison(format);
                if ui.button(action.label()).clicked() {
                    actions.push(action);
                    ui.close();
                }
            }
        });
        let difference = state.current;
        let clicked = ui
            .add_enabled(
                difference.is_some(),
                egui::Button::new("Note on this difference"),
            )
            .on_hover_text("Write a note on the difference stepped to (F7 steps)")
            .on_disabled_hover_text("Step to a difference first (F7)")
            .clicked();
        if clicked && let Some(difference) = difference {
            actions.push(Action::NoteOnDifference {
                segment: state
                    .result
                    .as_ref()
                    .and_then(|r| r.differences.get(difference))
                    .map_or(0, |d| d.segment),
                difference: Some(difference),
            });
        }
    });
    legend_ui(ui);
}

fn legend_ui(ui: &mut Ui) {
    let (added, removed, changed, _) = mark_colors(ui.visuals().dark_mode);
    let font = FontId::proportional(12.0);
    let text = ui.visuals().text_color();
    let line = Stroke::new(1.0, text);
    let mut job = LayoutJob::default();
    let plain = TextFormat::simple(font.clone(), ui.visuals().weak_text_color());
    job.append("Key: ", 0.0, plain.clone());
    let none = Stroke::NONE;
    for (word, background, underline, strikethrough, italics, after) in [
        ("added", added, line, none, false, " underlined · "),
        ("removed", removed, none, line, false, " struck through · "),
        (
            "changed",
            changed,
            line,
            none,
            true,
            " in italics: struck in the first witness, underlined in each later one where it \
             differs from the witness before it",
        ),
    ] {
        let format = TextFormat {
            background,
            underline,
            strikethrough,
            italics,
            ..TextFormat::simple(font.clone(), text)
        };
        job.append(word, 0.0, format);
        job.append(after, 0.0, plain.clone());
    }
    ui.label(job);
}

const SEGMENT_COLUMN: f32 = 120.0;
const GAP: f32 = 12.0;

/// A column of `width` points, top to bottom.
fn column(ui: &mut Ui, width: f32, add_contents: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(Vec2::new(width, 0.0), Layout::top_down(Align::Min), |ui| {
        ui.set_width(width);
        add_contents(ui);
    });
}

/// The narrowest a witness's column gets (narrower, its words would break mid-word).
const MIN_COLUMN: f32 = 170.0;

fn column_width(ui: &Ui, visible: usize) -> f32 {
    let available = ui.available_width() - SEGMENT_COLUMN - (GAP + 6.0) * visible as f32 - 24.0;
    (available / visible.max(1) as f32).max(MIN_COLUMN)
}

/// How many witness columns fit side by side in `width` without scrolling sideways.
fn columns_that_fit(width: f32) -> usize {
    let fit = (width - SEGMENT_COLUMN - 24.0) / (MIN_COLUMN + GAP + 6.0);
    // Truncation is meant: a column that does not fit whole does not count.
    fit.max(1.0) as usize
}

fn witness_heads_ui(ui: &mut Ui, state: &mut ComparisonState, actions: &mut Vec<Action>) {
    let visible: Vec<usize> = state.visible();
    let width = column_width(ui, visible.len());
    ui.horizontal_top(|ui| {
        column(ui, SEGMENT_COLUMN, |ui| {
            ui.label(RichText::new("Witnesses").weak());
            for (index, witness) in state.comparison.witnesses.iter().enumerate() {
                let mut shown = !state.is_hidden(index);
                if ui
                    .checkbox(&mut shown, format!("{}", index + 1))
                    .on_hover_text(format!("Show “{}”", witness.label))
                    .accessible_name(format!("Show {}", witness.label))
                    .changed()
                {
                    actions.push(Action::ToggleWitness(index));
                }
            }
        });
        for &index in &visible {
            let witness = &state.comparison.witnesses[index];
            ui.add_space(GAP);
            column(ui, width, |ui| {
                ui.label(RichText::new(format!("{}. {}", index + 1, witness.label)).strong());
                let status = RichText::new(witness.status.label()).small().italics();
                let status = match witness.status {
                    crate::model::comparison::WitnessStatus::Original => status,
                    _ => status.color(ui.visuals().warn_fg_color),
                };
                ui.label(status);
                let who_when: Vec<&str> = [witness.date.as_str(), witness.author.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect();
                if !who_when.is_empty() {
                    ui.label(RichText::new(who_when.join(" · ")).small());
                }
                if !witness.source.is_empty() {
                    ui.label(RichText::new(&witness.source).small().weak());
                }
                if !witness.remark.is_empty() {
                    ui.label(RichText::new(&witness.remark).small().weak().italics());
                }
                if let Some(result) = &state.result {
                    let totals = result.totals(index);
                    let has_reference = result
                        .cells
                        .iter()
                        .any(|row| row.get(index).is_some_and(|c| c.reference.is_some()));
                    if has_reference {
                        ui.label(RichText::new(format!("In all: {}", totals.summary())).small());
                    }
                }
            });
        }
    });
}

fn estimate_height(state: &ComparisonState, segment: usize, width: f32, font_size: f32) -> f32 {
    let longest = state
        .comparison
        .witnesses
        .iter()
        .filter_map(|w| w.segments.get(segment).and_then(Option::as_ref))
        .map(|s| s.text.chars().count())
        .max()
        .unwrap_or(0) as f32;
    let per_line = (width / (font_size * 0.5)).max(10.0);
    ((longest / per_line).ceil() + 2.0) * font_size * 1.3
}

fn rows_ui(
    ui: &mut Ui,
    state: &mut ComparisonState,
    view: &ComparisonView<'_>,
    style: &JobStyle,
    actions: &mut Vec<Action>,
) {
    let inline = state.inline;
    let segments = state.comparison.segments.len();
    if state.heights.len() != segments {
        state.heights = vec![0.0; segments];
    }
    let scroll_to = state.scroll_to.take();
    let visible: Vec<usize> = state.visible();
    let width = if inline {
        (ui.available_width() - SEGMENT_COLUMN - GAP - 16.0).max(240.0)
    } else {
        column_width(ui, visible.len())
    };
    for segment in 0..segments {
        let top = ui.cursor().min;
        let known = state.heights[segment];
        let height = if known > 0.0 {
            known
        } else {
            estimate_height(state, segment, width, view.font_size)
        };
        let rect = egui::Rect::from_min_size(top, Vec2::new(ui.available_width(), height));
        if scroll_to != Some(segment) && !ui.is_rect_visible(rect) {
            ui.allocate_space(Vec2::new(ui.available_width(), height));
            continue;
        }
        let response = ui.vertical(|ui| {
            row_ui(
                ui, state, view, style, actions, segment, &visible, width, inline,
            );
            ui.separator();
        });
        let drawn = response.response.rect;
        state.heights[segment] = drawn.height();
        if scroll_to == Some(segment) {
            // Vertically only: the segment names at the left stay in view.
            let left =
                egui::Rect::from_x_y_ranges(drawn.left()..=drawn.left() + 1.0, drawn.y_range());
            ui.scroll_to_rect(left, Some(Align::Center));
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn row_ui(
    ui: &mut Ui,
    state: &mut ComparisonState,
    view: &ComparisonView<'_>,
    style: &JobStyle,
    actions: &mut Vec<Action>,
    segment: usize,
    visible: &[usize],
    width: f32,
    inline: bool,
) {
    let Some(result) = &state.result else {
        return;
    };
    let comparison = &state.comparison;
    let current = state
        .current
        .and_then(|c| result.differences.get(c))
        .filter(|d| d.segment == segment)
        .cloned();
    let row = result.cells.get(segment);
    ui.horizontal_top(|ui| {
        column(ui, SEGMENT_COLUMN, |ui| {
            ui.label(RichText::new(&comparison.segments[segment]).strong());
            if let Some(row) = row {
                for &w in visible {
                    let Some(cell) = row.get(w).filter(|c| c.reference.is_some()) else {
                        continue;
                    };
                    let text =
                        RichText::new(format!("{}: {}", w + 1, cell.counts.summary())).small();
                    ui.label(if cell.counts.is_same() {
                        text.weak()
                    } else {
                        text
                    });
                }
            }
            if ui
                .small_button("Note")
                .on_hover_text("Write a note on this segment")
                .accessible_name(format!("Note on segment {}", comparison.segments[segment]))
                .clicked()
            {
                actions.push(Action::NoteOnDifference {
                    segment,
                    difference: None,
                });
            }
        });
        ui.add_space(GAP);
        if inline {
            column(ui, width, |ui| {
                for &w in visible {
                    let witness = &comparison.witnesses[w];
                    let Some(Some(own)) = witness.segments.get(segment) else {
                        continue;
                    };
                    let cell = row.and_then(|r| r.get(w)).cloned().unwrap_or_default();
                    let reference = cell
                        .reference
                        .and_then(|r| comparison.witnesses[r].segments[segment].as_ref());
                    let head = match cell.reference {
                        Some(r) => format!("{}. {} (against {}.)", w + 1, witness.label, r + 1),
                        None => format!("{}. {}", w + 1, witness.label),
                    };
                    ui.label(RichText::new(head).small().strong());
                    let job = inline_job(
                        reference.map_or("", |s| s.text.as_str()),
                        &own.text,
                        &cell,
                        style,
                        width,
                    );
                    let response = ui.add(egui::Label::new(job).sense(Sense::click()));
                    link_cell(response, own, witness, w, segment, actions);
                    ui.add_space(4.0);
                }
            });
        } else {
            for &w in visible {
                ui.add_space(GAP);
                column(ui, width, |ui| {
                    let witness = &comparison.witnesses[w];
                    let Some(Some(own)) = witness.segments.get(segment) else {
                        ui.label(RichText::new("—").weak())
                            .on_hover_text("This witness has nothing here");
                        return;
                    };
                    let cell = row.and_then(|r| r.get(w)).cloned().unwrap_or_default();
                    let highlight = current.as_ref().and_then(|d| {
                        if d.witness == w {
                            Some(d.range.clone())
                        } else if d.reference == w {
                            Some(d.reference_range.clone())
                        } else {
                            None
                        }
                    });
                    // Removals are struck only in the first column of a chain, toward the
                    // next column shown, so that the columns read like a printed apparatus:
                    // the base struck where later witnesses differ, each later witness
                    // underlined where it differs from the one before it.
                    let next = visible.iter().copied().find(|&n| {
                        n > w
                            && matches!(
                                comparison.witnesses[n].segments.get(segment),
                                Some(Some(_))
                            )
                    });
                    let onward: &[Marked] = match next.and_then(|n| row.and_then(|r| r.get(n))) {
                        Some(next_cell)
                            if next_cell.reference == Some(w) && cell.reference.is_none() =>
                        {
                            &cell.onward
                        }
                        _ => &[],
                    };
                    let job = marked_job(
                        &own.text,
                        &cell.marks,
                        onward,
                        highlight.clone(),
                        style,
                        width,
                    );
                    let frame = if current
                        .as_ref()
                        .is_some_and(|d| d.witness == w || d.reference == w)
                    {
                        egui::Frame::NONE
                            .stroke(Stroke::new(1.5, ui.visuals().selection.stroke.color))
                            .inner_margin(2.0)
                    } else {
                        egui::Frame::NONE.inner_margin(2.0)
                    };
                    frame.show(ui, |ui| {
                        let response = ui.add(egui::Label::new(job).sense(Sense::click()));
                        link_cell(response, own, witness, w, segment, actions);
                    });
                });
            }
        }
    });
    notes_ui(ui, state, view, actions, segment);
}

fn link_cell(
    response: egui::Response,
    own: &crate::model::comparison::SegmentText,
    witness: &crate::model::comparison::Witness,
    index: usize,
    segment: usize,
    actions: &mut Vec<Action>,
) {
    if own.source_text.is_some() {
        let response = response
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .on_hover_text("Click to open this passage in its text");
        if response.clicked() {
            actions.push(Action::OpenWitnessPassage {
                witness: index,
                segment,
            });
        }
    } else {
        response.on_hover_text(format!("Source: {}", witness.source));
    }
}

fn notes_ui(
    ui: &mut Ui,
    state: &mut ComparisonState,
    view: &ComparisonView<'_>,
    actions: &mut Vec<Action>,
    segment: usize,
) {
    let notes: Vec<&ComparisonNote> = view
        .notes
        .iter()
        .filter(|n| n.comparison_id == state.comparison.id && n.segment == segment)
        .collect();
    for note in notes {
        let color = view
            .categories
            .iter()
            .find(|(id, _, _)| Some(id) == note.category_id.as_ref())
            .map_or(ui.visuals().weak_text_color(), |(_, _, c)| *c);
        egui::Frame::group(ui.style())
            .stroke(Stroke::new(1.0, color))
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("Note on {}", note.subject()))
                            .small()
                            .strong(),
                    );
                });
                let draft = state
                    .drafts
                    .entry(note.note_id.clone())
                    .or_insert_with(|| note.note.clone());
                let edit = ui
                    .add_enabled(
                        view.editable,
                        egui::TextEdit::multiline(draft)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY)
                            .hint_text("Your note on this difference…"),
                    )
                    .accessible_name(format!("Note {}", note.subject()));
                if state.focus_note.as_deref() == Some(note.note_id.as_str()) {
                    edit.request_focus();
                    state.focus_note = None;
                }
                let mut changed = note.clone();
                let mut dirty = false;
                if edit.changed() {
                    changed.note = draft.clone();
                    dirty = true;
                }
                ui.horizontal(|ui| {
                    let current = view
                        .categories
                        .iter()
                        .find(|(id, _, _)| Some(id) == note.category_id.as_ref())
                        .map_or("No category", |(_, name, _)| name.as_str());
                    egui::ComboBox::new(("note-category", &note.note_id), "Category")
                        .selected_text(current)
                        .show_ui(ui, |ui| {
                            if ui
                                .selectable_label(note.category_id.is_none(), "No category")
                                .clicked()
                            {
                                changed.category_id = None;
                                dirty = true;
                            }
                            for (id, name, _) in view.categories {
                                if ui
                                    .selectable_label(note.category_id.as_ref() == Some(id), name)
                                    .clicked()
                                {
                                    changed.category_id = Some(id.clone());
                                    dirty = true;
                                }
                            }
                        });
                    if ui
                        .add_enabled(view.editable, egui::Button::new("Delete note").small())
                        .clicked()
                    {
                        actions.push(Action::DeleteComparisonNote(note.note_id.clone()));
                    }
                });
                if dirty && view.editable {
                    actions.push(Action::ChangeComparisonNote(Box::new(changed)));
                }
            });
    }
}

/// Crops a screenshot to `rect` (points) and encodes it as PNG.
pub fn png_of(
    image: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
) -> Result<Vec<u8>, String> {
    let [width, height] = image.size;
    let x0 = ((rect.min.x * pixels_per_point).round().max(0.0) as usize).min(width);
    let y0 = ((rect.min.y * pixels_per_point).round().max(0.0) as usize).min(height);
    let x1 = ((rect.max.x * pixels_per_point).round().max(0.0) as usize).min(width);
    let y1 = ((rect.max.y * pixels_per_point).round().max(0.0) as usize).min(height);
    if x1 <= x0 || y1 <= y0 {
        return Err("the comparison is not on screen".into());
    }
    let mut pixels = Vec::with_capacity((x1 - x0) * (y1 - y0) * 4);
    for y in y0..y1 {
        for x in x0..x1 {
            pixels.extend_from_slice(&image.pixels[y * width + x].to_srgba_unmultiplied());
        }
    }
    let cropped = image::RgbaImage::from_raw((x1 - x0) as u32, (y1 - y0) as u32, pixels)
        .ok_or("the screenshot has the wrong size")?;
    let mut bytes = std::io::Cursor::new(Vec::new());
    cropped
        .write_to(&mut bytes, image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(bytes.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::comparison::WordingInput;

    #[test]
    fn a_png_export_is_the_cropped_view() {
        let mut image = egui::ColorImage::filled([20, 10], Color32::WHITE);
        image.pixels[3 * 20 + 4] = Color32::RED;
        let rect = egui::Rect::from_min_max(egui::pos2(2.0, 1.0), egui::pos2(6.0, 4.0));
        let bytes = png_of(&image, rect, 1.0).unwrap();
        let decoded = image::load_from_memory_with_format(&bytes, image::ImageFormat::Png)
            .unwrap()
            .to_rgba8();
        assert_eq!(decoded.dimensions(), (4, 3));
        assert_eq!(decoded.get_pixel(2, 2).0, [255, 0, 0, 255]);
        assert_eq!(decoded.get_pixel(0, 0).0, [255, 255, 255, 255]);
        assert!(
            png_of(
                &image,
                egui::Rect::from_min_max(egui::pos2(30.0, 0.0), egui::pos2(40.0, 5.0)),
                1.0
            )
            .is_err()
        );
    }

    #[test]
    fn a_large_comparison_runs_in_the_background_and_stops_when_cancelled() {
        use crate::model::generate::{edited, paragraphs};
        let a = paragraphs(3, 400_000).join("\n\n");
        let b = edited(&a, 4, 20);
        let input = || ComparisonInput::Wordings {
            id: "big".into(),
            title: "Two editions".into(),
            inputs: vec![WordingInput::pasted("A", &a), WordingInput::pasted("B", &b)],
        };
        let ctx = egui::Context::default();
        let wait = |state: &mut ComparisonState| {
            for _ in 0..20_000 {
                state.poll();
                if !state.is_computing() {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            panic!("the comparison never ended");
        };
        // Cancelled at once: the worker stops at its next check and nothing is shown.
        let mut cancelled = ComparisonState::open(input(), true, Normalization::wording(), &ctx);
        assert!(
            cancelled.is_computing(),
            "too large to compute on the UI thread"
        );
        cancelled.cancel();
        assert!(cancelled.cancel_requested());
        wait(&mut cancelled);
        assert!(cancelled.result.is_none());
        assert_eq!(
            cancelled.message.as_deref(),
            Some("The comparison was cancelled.")
        );
        // Left alone, it finishes with every segment compared.
        let mut finished = ComparisonState::open(input(), true, Normalization::wording(), &ctx);
        wait(&mut finished);
        let result = finished.result.as_ref().expect("a result");
        assert_eq!(result.cells.len(), finished.comparison.segments.len());
        assert!(!result.differences.is_empty());
    }

    #[test]
    fn columns_fit_whole_or_not_at_all_and_always_one() {
        assert_eq!(columns_that_fit(780.0), 3);
        assert_eq!(columns_that_fit(1400.0), 6);
        let six = SEGMENT_COLUMN + 24.0 + 6.0 * (MIN_COLUMN + GAP + 6.0);
        assert_eq!(columns_that_fit(six), 6);
        assert_eq!(columns_that_fit(six - 1.0), 5);
        assert_eq!(columns_that_fit(0.0), 1);
    }

    #[test]
    fn profiles_are_named_and_anything_else_is_custom() {
        assert_eq!(profile_name(&Normalization::wording()), "Wording");
        assert_eq!(profile_name(&Normalization::default()), "Exact");
        let custom = Normalization {
            yo_as_ye: true,
            ..Normalization::default()
        };
        assert_eq!(profile_name(&custom), "Custom");
    }
}
