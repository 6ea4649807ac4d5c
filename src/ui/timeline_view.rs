//! The timeline (View ▸ Timeline…): documents above the axis, events below it, each as wide
//! as its date is vague (a dot for a day, a bar for a span or a month, an arrow for “before”).
//! Ctrl+wheel or the buttons zoom, dragging pans; with the timeline focused, ←/→ step from
//! entry to entry, +/− zoom and Enter opens. Below it, the chosen entry with its date's source,
//! and every entry in order, a click choosing one.

use crate::model::text::CharRange;
use egui::{Align2, Color32, FontId, Pos2, Rect, RichText, Sense, Stroke, Ui, vec2};

use crate::model::timeline::{DayNumber, Entry, EntryKind, Opens, Precision, day_label, ticks};
use crate::ui::action::{Action, ComparisonAction, DeskAction, SearchAction};

/// The state of the Timeline window.
#[derive(Clone, Debug, Default)]
pub struct TimelineViewState {
    /// The entries, in order.
    pub entries: Vec<Entry>,
    /// Titles of the texts with no date Lectern reads.
    pub undated: Vec<String>,
    /// The chosen entry (index into `entries`).
    pub chosen: usize,
    /// The day at the middle of the axis.
    pub center: f64,
    /// How many days the axis shows.
    pub span: f64,
    /// Whether the list should scroll to the chosen entry (it was chosen on the axis).
    reveal: bool,
}

/// The fewest and most days the axis may show.
const SPAN: std::ops::RangeInclusive<f64> = 7.0..=60_000.0;

impl TimelineViewState {
    /// The timeline of `entries`, showing where most of them are (a text of a century later
    /// is one click of Show all away).
    pub fn new(entries: Vec<Entry>, undated: Vec<String>) -> Self {
        let mut state = Self {
            entries,
            undated,
            chosen: 0,
            center: 0.0,
            span: 365.0,
            reveal: false,
        };
        if let Some((center, span)) = fitted(around_the_middle(&state.entries, 5)) {
            (state.center, state.span) = (center, span);
        }
        state
    }

    /// Shows the period: every entry within a decade of the middle one (an introduction of a
    /// century later would shrink the period to a dot). Asked again when the period is shown,
    /// shows every entry.
    pub fn show_all(&mut self) {
        let shown = (self.center, self.span);
        match fitted(around_the_middle(&self.entries, 10)) {
            Some(fit) if fit != shown => (self.center, self.span) = fit,
            _ => {
                if let Some(fit) = fitted(self.entries.iter()) {
                    (self.center, self.span) = fit;
                }
            }
        }
    }

    /// Zooms by `factor` (above 1: closer), keeping the day at `anchor` in place.
    pub fn zoom(&mut self, factor: f64, anchor: Option<f64>) {
        let anchor = anchor.unwrap_or(self.center);
        let span = (self.span / factor).clamp(*SPAN.start(), *SPAN.end());
        self.center = anchor + (self.center - anchor) * span / self.span;
        self.span = span;
    }

    /// Chooses entry `index` and brings it into view.
    pub fn choose(&mut self, index: usize) {
        let Some(entry) = self.entries.get(index) else {
            return;
        };
        self.chosen = index;
        self.reveal = true;
        let (first, last) = (entry.date.first as f64, (entry.date.last + 1) as f64);
        if first < self.center - self.span / 2.0 || last > self.center + self.span / 2.0 {
            self.center = (first + last) / 2.0;
        }
    }
}

/// The entries within `years` of the middle one (in date order): where most of them are.
fn around_the_middle(entries: &[Entry], years: DayNumber) -> impl Iterator<Item = &Entry> {
    let middle = entries.get(entries.len() / 2).map(|e| e.date.first);
    entries
        .iter()
        .filter(move |e| middle.is_some_and(|m| (e.date.first - m).abs() <= years * 365))
}

/// The middle and span of the axis that shows `entries`, with a margin.
fn fitted<'a>(entries: impl Iterator<Item = &'a Entry>) -> Option<(f64, f64)> {
    let (mut first, mut last) = (DayNumber::MAX, DayNumber::MIN);
    for entry in entries {
        first = first.min(entry.date.first);
        last = last.max(entry.date.last);
    }
    (first <= last).then(|| {
        let span = ((last - first + 1) as f64 * 1.1).clamp(*SPAN.start(), *SPAN.end());
        ((first + last + 1) as f64 / 2.0, span)
    })
}

/// Draws the Timeline window; returns what the reader did.
pub fn timeline_ui(ctx: &egui::Context, state: &mut TimelineViewState) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut open = true;
    crate::ui::study_window(
        "timeline",
        &crate::tr!("study-timeline-title"),
        ctx,
        (860.0, 620.0),
    )
    .open(&mut open)
    .show(ctx, |ui| {
        toolbar_ui(ui, state);
        axis_ui(ui, state, &mut actions);
        ui.separator();
        chosen_ui(ui, state, &mut actions);
        ui.separator();
        list_ui(ui, state);
    });
    if !open {
        actions.push(Action::Search(SearchAction::CloseTimeline));
    }
    actions
}

fn toolbar_ui(ui: &mut Ui, state: &mut TimelineViewState) {
    ui.horizontal(|ui| {
        if ui
            .button(crate::tr!("study-timeline-zoom-in"))
            .on_hover_text(crate::tr!("study-timeline-zoom-in-tip"))
            .clicked()
        {
            state.zoom(2.0, None);
        }
        if ui
            .button(crate::tr!("study-timeline-zoom-out"))
            .on_hover_text(crate::tr!("study-timeline-zoom-out-tip"))
            .clicked()
        {
            state.zoom(0.5, None);
        }
        if ui
            .button(crate::tr!("study-timeline-show-all"))
            .on_hover_text(crate::tr!("study-timeline-show-all-tip"))
            .clicked()
        {
            state.show_all();
        }
        let previous = state.chosen.checked_sub(1);
        if ui
            .add_enabled(
                previous.is_some(),
                egui::Button::new(crate::tr!("study-timeline-previous")),
            )
            .clicked()
        {
            state.choose(previous.unwrap_or_default());
        }
        let next = state.chosen + 1;
        if ui
            .add_enabled(
                next < state.entries.len(),
                egui::Button::new(crate::tr!("study-timeline-next")),
            )
            .clicked()
        {
            state.choose(next);
        }
        let from = day_label(state.center as DayNumber - state.span as DayNumber / 2);
        let to = day_label(state.center as DayNumber + state.span as DayNumber / 2);
        ui.weak(format!("{from} – {to}"));
    });
}

/// Where days fall on the axis.
#[derive(Clone, Copy)]
struct Scale {
    rect: Rect,
    center: f64,
    days_per_px: f64,
}

impl Scale {
    fn new(rect: Rect, state: &TimelineViewState) -> Self {
        Self {
            rect,
            center: state.center,
            days_per_px: state.span / f64::from(rect.width().max(1.0)),
        }
    }

    fn x(&self, day: f64) -> f32 {
        self.rect.center().x + ((day - self.center) / self.days_per_px) as f32
    }

    fn day(&self, x: f32) -> f64 {
        self.center + f64::from(x - self.rect.center().x) * self.days_per_px
    }
}

/// The axis with its ticks and the entries on it.
fn axis_ui(ui: &mut Ui, state: &mut TimelineViewState, actions: &mut Vec<Action>) {
    let size = vec2(ui.available_width(), 150.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Canvas, true, crate::tr!("study-timeline-axis"))
    });
    let scale = Scale::new(rect, state);
    // Pan, zoom, choose, and the keys when focused.
    if response.dragged() {
        state.center -= f64::from(response.drag_delta().x) * scale.days_per_px;
    }
    if response.hovered() {
        let zoom = ui.input(|i| i.zoom_delta());
        if zoom != 1.0 {
            let anchor = response.hover_pos().map(|p| scale.day(p.x));
            state.zoom(f64::from(zoom), anchor);
        }
    }
    if response.clicked() {
        response.request_focus();
        if let Some(pointer) = response.interact_pointer_pos() {
            let distance = |e: &Entry| (scale.x(middle(e)) - pointer.x).abs();
            let nearest = (0..state.entries.len()).min_by(|&a, &b| {
                distance(&state.entries[a]).total_cmp(&distance(&state.entries[b]))
            });
            if let Some(index) = nearest {
                state.chosen = index;
                state.reveal = true;
            }
        }
    }
    if response.has_focus() {
        keys(ui, &response, state, actions);
    }
    paint_axis(ui, &response, state, Scale::new(rect, state));
}

/// Paints the axis, its ticks, the rows' names and each entry.
fn paint_axis(ui: &Ui, response: &egui::Response, state: &TimelineViewState, scale: Scale) {
    let rect = scale.rect;
    let visuals = ui.visuals();
    let axis = AxisPainter {
        painter: ui.painter_at(rect),
        visuals,
        scale,
        axis_y: rect.top() + 75.0,
    };
    axis.painter
        .rect_filled(rect, 4.0, visuals.extreme_bg_color);
    axis.paint_ticks(state.span);
    if let Some((entry, y)) = axis.paint_entries(state) {
        chosen_label(
            &axis.painter,
            entry,
            y,
            axis.axis_y,
            &scale,
            visuals.strong_text_color(),
        );
    }
    if response.has_focus() {
        axis.painter.rect_stroke(
            rect,
            4.0,
            visuals.selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
}

/// What the axis is painted with: a painter clipped to it, the theme's colours, where days
/// fall and how far down the axis line is.
struct AxisPainter<'a> {
    painter: egui::Painter,
    visuals: &'a egui::Visuals,
    scale: Scale,
    axis_y: f32,
}

impl AxisPainter<'_> {
    /// The axis line, its ticks with their dates (as close as `span` days shown calls for) and
    /// the rows' names.
    fn paint_ticks(&self, span: f64) {
        let (painter, scale, axis_y) = (&self.painter, &self.scale, self.axis_y);
        let rect = scale.rect;
        let weak = self.visuals.weak_text_color();
        let stroke = self.visuals.widgets.noninteractive.fg_stroke;
        painter.hline(rect.x_range(), axis_y, stroke);
        let (from, to) = (scale.day(rect.left()), scale.day(rect.right()));
        for (day, label) in ticks(from, to, span) {
            let x = scale.x(day as f64);
            painter.vline(x, axis_y - 4.0..=axis_y + 4.0, stroke);
            let at = Pos2::new(x + 2.0, rect.bottom() - 4.0);
            painter.text(
                at,
                Align2::LEFT_BOTTOM,
                label,
                FontId::proportional(11.0),
                weak,
            );
        }
        for (row, y) in [
            (crate::tr!("study-timeline-documents"), 4.0),
            (crate::tr!("study-timeline-events"), 96.0),
        ] {
            let at = rect.left_top() + vec2(6.0, y);
            painter.text(at, Align2::LEFT_TOP, row, FontId::proportional(11.0), weak);
        }
    }

    /// Each entry's mark, documents above the axis and events below it, the chosen one ringed;
    /// returns the chosen entry and how far down its mark is.
    fn paint_entries<'e>(&self, state: &'e TimelineViewState) -> Option<(&'e Entry, f32)> {
        let (visuals, axis_y) = (self.visuals, self.axis_y);
        // Entries that would overlap go in lanes, away from the axis.
        let mut lanes: [Vec<f32>; 2] = [Vec::new(), Vec::new()];
        let mut chosen_at = None;
        for (index, entry) in state.entries.iter().enumerate() {
            let (row, colour) = match entry.kind {
                EntryKind::Document => (0, visuals.hyperlink_color),
                EntryKind::Event => (1, visuals.warn_fg_color),
            };
            let (x0, x1) = extent(entry, &self.scale);
            let lane = match lanes[row].iter().position(|end| *end + 4.0 < x0) {
                Some(lane) => lane,
                None => {
                    lanes[row].push(f32::MIN);
                    lanes[row].len() - 1
                }
            };
            lanes[row][lane] = x1;
            let offset = 16.0 + 13.0 * lane.min(3) as f32;
            let y = if row == 0 {
                axis_y - offset
            } else {
                axis_y + offset
            };
            let chosen = index == state.chosen;
            let colour = if chosen {
                visuals.selection.bg_fill
            } else {
                colour
            };
            marker(&self.painter, entry, y, colour, &|day| self.scale.x(day));
            if chosen {
                chosen_at = Some((entry, y));
                let ring = Rect::from_x_y_ranges(x0 - 4.0..=x1 + 4.0, y - 9.0..=y + 9.0);
                let stroke = Stroke::new(1.5, visuals.strong_text_color());
                self.painter
                    .rect_stroke(ring, 5.0, stroke, egui::StrokeKind::Outside);
            }
        }
        chosen_at
    }
}

/// The chosen entry's date and title beside its mark, kept inside the axis.
fn chosen_label(
    painter: &egui::Painter,
    entry: &Entry,
    y: f32,
    axis_y: f32,
    scale: &Scale,
    colour: Color32,
) {
    let short: String = entry.title.chars().take(70).collect();
    let label = format!("{} · {short}", entry.date.label);
    let galley = painter.layout_no_wrap(label, FontId::proportional(12.0), colour);
    let rect = scale.rect;
    let width = galley.size().x;
    let left = (scale.x(middle(entry)) - width / 2.0)
        .min(rect.right() - width - 4.0)
        .max(rect.left() + 4.0);
    // Documents' labels at the top, events' at the bottom, clear of the marks.
    let top = if y < axis_y {
        rect.top() + 16.0
    } else {
        rect.bottom() - 18.0 - galley.size().y
    };
    painter.galley(Pos2::new(left, top), galley, colour);
}

/// The left and right of an entry's mark.
fn extent(entry: &Entry, scale: &Scale) -> (f32, f32) {
    let (x0, x1) = (
        scale.x(entry.date.first as f64),
        scale.x((entry.date.last + 1) as f64),
    );
    match entry.date.precision {
        Precision::Day => ((x0 + x1) / 2.0 - 5.0, (x0 + x1) / 2.0 + 5.0),
        Precision::Before => (x0 - 36.0, x0),
        _ => {
            let width = (x1 - x0).max(6.0);
            ((x0 + x1 - width) / 2.0, (x0 + x1 + width) / 2.0)
        }
    }
}

/// The middle of an entry's days.
fn middle(entry: &Entry) -> f64 {
    (entry.date.first + entry.date.last + 1) as f64 / 2.0
}

/// One entry's mark: a dot, a bar, or an arrow ending at the day it is before.
fn marker(
    painter: &egui::Painter,
    entry: &Entry,
    y: f32,
    colour: Color32,
    x_of: &dyn Fn(f64) -> f32,
) {
    let (x0, x1) = (
        x_of(entry.date.first as f64),
        x_of((entry.date.last + 1) as f64),
    );
    match entry.date.precision {
        Precision::Day => {
            painter.circle_filled(Pos2::new((x0 + x1) / 2.0, y), 5.0, colour);
        }
        Precision::Before => {
            let tip = Pos2::new(x0, y);
            painter.line_segment([tip - vec2(36.0, 0.0), tip], Stroke::new(2.0, colour));
            painter.add(egui::Shape::convex_polygon(
                vec![tip, tip + vec2(-7.0, -5.0), tip + vec2(-7.0, 5.0)],
                colour,
                Stroke::NONE,
            ));
        }
        Precision::Range | Precision::Month | Precision::Year => {
            let width = (x1 - x0).max(6.0);
            let left = (x0 + x1 - width) / 2.0;
            let bar = Rect::from_min_size(Pos2::new(left, y - 5.0), vec2(width, 10.0));
            // A month or a year is a vaguer date, not a longer event: a paler bar.
            let fill = match entry.date.precision {
                Precision::Range => colour,
                _ => colour.gamma_multiply(0.35),
            };
            painter.rect_filled(bar, 3.0, fill);
            painter.rect_stroke(bar, 3.0, Stroke::new(1.0, colour), egui::StrokeKind::Inside);
        }
    }
}

/// ←/→ step through the entries, +/− zoom, Enter opens the chosen one.
fn keys(
    ui: &Ui,
    response: &egui::Response,
    state: &mut TimelineViewState,
    actions: &mut Vec<Action>,
) {
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            response.id,
            egui::EventFilter {
                horizontal_arrows: true,
                ..Default::default()
            },
        )
    });
    let (left, right, plus, minus, enter) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowLeft),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Plus)
                || i.consume_key(egui::Modifiers::NONE, egui::Key::Equals),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Minus),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
        )
    });
    if left && state.chosen > 0 {
        state.choose(state.chosen - 1);
    }
    if right {
        state.choose(state.chosen + 1);
    }
    if plus {
        state.zoom(2.0, None);
    }
    if minus {
        state.zoom(0.5, None);
    }
    if enter && let Some(entry) = state.entries.get(state.chosen) {
        actions.push(open_action(entry));
    }
}

/// What opening `entry` does: its passage, its text, or its comparison.
fn open_action(entry: &Entry) -> Action {
    match &entry.opens {
        Opens::Text {
            id,
            passage: Some(range),
        } => Action::Search(SearchAction::OpenSearchHit {
            text_id: id.clone(),
            range: CharRange(range.clone()),
            beside: true,
        }),
        Opens::Text { id, passage: None } => Action::Desk(DeskAction::OpenText {
            text_id: id.clone(),
            beside: true,
        }),
        Opens::Comparison(id) => Action::Comparison(ComparisonAction::OpenComparison(id.clone())),
    }
}

/// The chosen entry: its date and precision, what it is, its source, and Open.
fn chosen_ui(ui: &mut Ui, state: &TimelineViewState, actions: &mut Vec<Action>) {
    let Some(entry) = state.entries.get(state.chosen) else {
        ui.weak(crate::tr!("study-timeline-none-dated"));
        return;
    };
    let kind = match entry.kind {
        EntryKind::Document => crate::tr!("study-timeline-document"),
        EntryKind::Event => crate::tr!("study-timeline-event"),
    };
    let (kind, source) = (&kind, &entry.source);
    let dated = match entry.date.precision {
        Precision::Day => crate::tr!("study-timeline-dated-day", kind = kind, source = source),
        Precision::Range => {
            crate::tr!("study-timeline-dated-range", kind = kind, source = source)
        }
        Precision::Month => {
            crate::tr!("study-timeline-dated-month", kind = kind, source = source)
        }
        Precision::Year => crate::tr!("study-timeline-dated-year", kind = kind, source = source),
        Precision::Before => {
            crate::tr!("study-timeline-dated-before", kind = kind, source = source)
        }
    };
    ui.label(RichText::new(format!("{} — {}", entry.date.label, entry.title)).strong());
    ui.label(RichText::new(dated).small());
    if !entry.note.is_empty() {
        ui.label(RichText::new(&entry.note).small().italics());
    }
    let label = match &entry.opens {
        Opens::Text {
            passage: Some(_), ..
        } => crate::tr!("study-timeline-open-passage"),
        Opens::Text { passage: None, .. } => crate::tr!("study-timeline-open-text"),
        Opens::Comparison(_) => crate::tr!("study-timeline-open-comparison"),
    };
    if ui.button(label).clicked() {
        actions.push(open_action(entry));
    }
}

/// Every entry in order; a click chooses one.
fn list_ui(ui: &mut Ui, state: &mut TimelineViewState) {
    let mut choose = None;
    egui::ScrollArea::vertical()
        .id_salt("timeline-list")
        .show(ui, |ui| {
            for (index, entry) in state.entries.iter().enumerate() {
                let label = format!("{} — {}", entry.date.label, entry.title);
                let response = ui.selectable_label(index == state.chosen, label);
                if response.clicked() {
                    choose = Some(index);
                }
                if state.reveal && index == state.chosen {
                    response.scroll_to_me(None);
                }
            }
            if !state.undated.is_empty() {
                ui.weak(crate::tr!(
                    "study-timeline-undated",
                    titles = state.undated.join("; ")
                ));
            }
        });
    state.reveal = false;
    if let Some(index) = choose {
        state.choose(index);
        state.reveal = false;
    }
}
