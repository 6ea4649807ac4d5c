//! The desk: one to three reading panes side by side, with headers, resizable dividers and
//! linked scrolling.

use std::sync::Arc;

use egui::{Align, Id, Layout, Rect, RichText, Sense, Stroke, Ui, UiBuilder, pos2, vec2};

use crate::MAX_PANES;
use crate::model::comparison::StartScreen;
use crate::model::text::Text;
use crate::ui::action::{Action, AnnotationAction, DeskAction, action_ui};
use crate::ui::reader::{
    FoundMarks, Highlights, ReaderParams, ReaderView, ReadingStyle, reader_ui,
};
use crate::ui::welcome::welcome_ui;

/// Highlights of the open texts, by text id.
pub type HighlightsByText = std::collections::HashMap<crate::model::text::TextId, Highlights>;

static NO_HIGHLIGHTS: Highlights = Highlights::EMPTY;

/// Character ranges to mark, by text id.
pub type MarkedRanges =
    std::collections::HashMap<crate::model::text::TextId, Vec<crate::model::text::CharRange>>;

/// What the panes mark in their texts.
#[derive(Clone, Copy, Debug)]
pub struct DeskMarks<'a> {
    /// Highlights of the open texts, by text id.
    pub highlights: &'a HighlightsByText,
    /// Search matches, and the id of the text they are in.
    pub found: Option<(&'a str, FoundMarks<'a>)>,
    /// Mentions of a person or place to mark in every pane (by text id, character ranges),
    /// and their fill; a pane with search matches shows those instead.
    pub mentions: Option<(&'a MarkedRanges, egui::Color32)>,
    /// The annotation selected in the annotations panel.
    pub selected_annotation: Option<&'a str>,
    /// The highlight categories (name and colour).
    pub categories: &'a [(String, egui::Color32)],
    /// The comparisons the start screen offers (by id), while no text is open.
    pub showcase: &'a [(String, StartScreen)],
}

/// Height of a pane's header row.
const HEADER_HEIGHT: f32 = 34.0;
/// Width of the draggable divider between panes.
const DIVIDER_WIDTH: f32 = 7.0;
/// The narrowest share of the desk a pane can be given by dragging a divider.
const MIN_PANE_SHARE: f32 = 0.15;
/// The narrowest a pane can be dragged, in points: a column of a few words a line, so that
/// lines still break between words.
const MIN_PANE_POINTS: f32 = 240.0;

/// One open pane.
pub struct Pane {
    /// The text shown.
    pub text: Arc<Text>,
    /// Scroll position, selection, layout caches.
    pub view: ReaderView,
    /// Whether the pane takes part in linked scrolling.
    pub linked: bool,
    /// A number that identifies the pane for egui while it lives (stable across swaps).
    key: u64,
}

/// The panes and their widths.
///
/// Invariant: `widths.len() == panes.len()`, the widths are positive and sum to 1, and
/// `active < panes.len()` unless there are no panes (then it is 0).
#[derive(Default)]
pub struct Desk {
    panes: Vec<Pane>,
    widths: Vec<f32>,
    active: usize,
    next_key: u64,
    /// Where the reader has been, for Back and Forward (see `desk/history.rs`).
    history: crate::model::reading_history::ReadingHistory,
    /// The notice that said a pane's text was replaced, while it offers Back.
    replaced: Option<String>,
}

impl Desk {
    /// The panes, left to right.
    pub fn panes(&self) -> &[Pane] {
        &self.panes
    }

    /// A pane, to change its view.
    pub fn pane_mut(&mut self, index: usize) -> Option<&mut Pane> {
        self.panes.get_mut(index)
    }

    /// Each pane's share of the width.
    pub fn widths(&self) -> &[f32] {
        &self.widths
    }

    /// The index of the active pane (0 when there is none).
    pub fn active(&self) -> usize {
        self.active
    }

    /// The active pane.
    pub fn active_pane(&self) -> Option<&Pane> {
        self.panes.get(self.active)
    }

    /// The active pane, mutably.
    pub fn active_pane_mut(&mut self) -> Option<&mut Pane> {
        self.panes.get_mut(self.active)
    }

    /// Whether another pane can be opened.
    pub fn can_add_pane(&self) -> bool {
        self.panes.len() < MAX_PANES
    }

    /// Adds a pane (at the right end) with the given view; returns its index, or `None` when
    /// the desk is full.
    pub fn push(&mut self, text: Arc<Text>, view: ReaderView, linked: bool) -> Option<usize> {
        if !self.can_add_pane() {
            return None;
        }
        self.next_key += 1;
        self.panes.push(Pane {
            text,
            view,
            linked,
            key: self.next_key,
        });
        let n = self.panes.len() as f32;
        // The new pane gets an equal share; the others shrink in proportion.
        for width in &mut self.widths {
            *width *= (n - 1.0) / n;
        }
        self.widths.push(1.0 / n);
        Some(self.panes.len() - 1)
    }

    /// Opens `text`: in the active pane, or beside it in a new pane (inserted to its right).
    /// With no pane open, or a full desk when `beside`, it does what it can: a first pane, or
    /// the active pane. Returns the index of the pane showing the text.
    pub fn open(&mut self, text: Arc<Text>, beside: bool) -> usize {
        if self.panes.is_empty() || (beside && self.can_add_pane()) {
            let index = self.push(text, ReaderView::new(), false).unwrap_or(0);
            if beside && index > self.active + 1 {
                // Insert right of the active pane rather than at the far end.
                let target = self.active + 1;
                let pane = self.panes.remove(index);
                let width = self.widths.remove(index);
                self.panes.insert(target, pane);
                self.widths.insert(target, width);
                self.history.pane_inserted(target);
                self.active = target;
            } else {
                self.active = index;
            }
            return self.active;
        }
        let pane = &mut self.panes[self.active];
        if pane.text.id() != text.id() {
            // Another text: its place and its linking start afresh.
            pane.text = text;
            pane.view = ReaderView::new();
            pane.linked = false;
        }
        self.active
    }

    /// Closes a pane; its width goes to the others.
    pub fn close(&mut self, index: usize) {
        if index >= self.panes.len() {
            return;
        }
        self.panes.remove(index);
        self.widths.remove(index);
        self.history.pane_closed(index);
        let total: f32 = self.widths.iter().sum();
        if total > 0.0 {
            for width in &mut self.widths {
                *width /= total;
            }
        }
        if self.active > index || self.active >= self.panes.len() {
            self.active = self.active.saturating_sub(1);
        }
    }

    /// Swaps two panes (texts, views and widths travel together).
    pub fn swap(&mut self, a: usize, b: usize) {
        if a < self.panes.len() && b < self.panes.len() && a != b {
            self.panes.swap(a, b);
            self.widths.swap(a, b);
            self.history.panes_swapped(a, b);
            if self.active == a {
                self.active = b;
            } else if self.active == b {
                self.active = a;
            }
        }
    }

    /// Makes a pane active.
    pub fn focus(&mut self, index: usize) {
        if index < self.panes.len() {
            self.active = index;
        }
    }

    /// Sets the widths (normalised); ignored unless there is one positive width per pane.
    pub fn set_widths(&mut self, widths: &[f32]) {
        if widths.len() == self.panes.len() && widths.iter().all(|w| w.is_finite() && *w > 0.0) {
            let total: f32 = widths.iter().sum();
            self.widths = widths.iter().map(|w| w / total).collect();
        }
    }

    /// Moves `delta` of the desk's width from pane `index + 1` to pane `index` (a divider drag).
    pub fn move_divider(&mut self, index: usize, delta: f32, desk_points: f32) {
        if index + 1 >= self.widths.len() {
            return;
        }
        let pair = self.widths[index] + self.widths[index + 1];
        let narrowest = if desk_points > 0.0 {
            MIN_PANE_SHARE.max(MIN_PANE_POINTS / desk_points)
        } else {
            MIN_PANE_SHARE
        }
        .min(pair / 2.0);
        let left = (self.widths[index] + delta).clamp(narrowest, pair - narrowest);
        self.widths[index] = left;
        self.widths[index + 1] = pair - left;
    }

    /// Linked scrolling: after the reader scrolled pane `source`, every other linked pane moves
    /// by as much from where it is, so that each keeps its own place (as in Meld). Panes whose
    /// paragraphs correspond (the same text, or texts of as many paragraphs, such as a letter
    /// and its translation) move by paragraphs; the others by the same share of their text.
    pub fn follow_linked(&mut self, source: usize) {
        let Some(leader) = self.panes.get_mut(source) else {
            return;
        };
        let Some((from, to)) = leader.view.take_move() else {
            return;
        };
        if !leader.linked {
            return;
        }
        let text_id = leader.text.id().to_owned();
        let paragraph_count = leader.text.paragraphs().len();
        for (index, pane) in self.panes.iter_mut().enumerate() {
            if index == source || !pane.linked {
                continue;
            }
            let count = pane.text.paragraphs().len();
            if pane.text.id() == text_id || count == paragraph_count {
                pane.view
                    .move_by_paragraphs(to.paragraphs - from.paragraphs, count);
            } else {
                pane.view.move_by_fraction(to.fraction - from.fraction);
            }
        }
    }
}

/// Draws the desk in the whole of the `ui` and returns the user's actions.
pub fn desk_ui(
    ui: &mut Ui,
    desk: &mut Desk,
    style: ReadingStyle,
    marks: &DeskMarks<'_>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let full = ui.available_rect_before_wrap();
    ui.allocate_rect(full, Sense::hover());
    ui.painter().rect_filled(full, 0.0, ui.visuals().panel_fill);
    if desk.panes.is_empty() {
        actions.extend(welcome_ui(ui, full, marks.showcase));
        return actions;
    }
    let count = desk.panes.len();
    let usable = full.width() - DIVIDER_WIDTH * (count - 1) as f32;
    let mut x = full.left();
    let mut divider_drags = Vec::new();
    for index in 0..count {
        let width = usable * desk.widths[index];
        let pane_rect = Rect::from_min_max(pos2(x, full.top()), pos2(x + width, full.bottom()));
        x += width;
        let is_active = index == desk.active;
        let pane = &mut desk.panes[index];
        let id = Id::unique(("lectern-pane", pane.key));
        let header = Rect::from_min_size(pane_rect.min, vec2(pane_rect.width(), HEADER_HEIGHT));
        let body = Rect::from_min_max(pos2(pane_rect.left(), header.bottom()), pane_rect.max);
        actions.extend(pane_header_ui(ui, header, pane, index, count, is_active));
        let params = ReaderParams {
            pane_index: index,
            id,
            style,
            is_active,
            highlights: marks
                .highlights
                .get(pane.text.id())
                .unwrap_or(&NO_HIGHLIGHTS),
            found: marks
                .found
                .filter(|(text_id, _)| *text_id == pane.text.id())
                .map(|(_, found)| found)
                .or_else(|| {
                    let (mentions, color) = marks.mentions?;
                    let ranges = mentions.get(pane.text.id())?;
                    Some(FoundMarks { ranges, color })
                }),
            selected_annotation: marks.selected_annotation,
            categories: marks.categories,
        };
        let from_pane = reader_ui(ui, body, &pane.text, &mut pane.view, params);
        // A command given in a pane (its selection toolbar or menu) is for that pane, so the
        // pane becomes the active one first.
        if from_pane.iter().any(acts_on_selection) {
            actions.push(Action::Desk(DeskAction::FocusPane(index)));
        }
        actions.extend(from_pane);
        if index + 1 < count {
            let divider =
                Rect::from_min_size(pos2(x, full.top()), vec2(DIVIDER_WIDTH, full.height()));
            x += DIVIDER_WIDTH;
            if let Some(delta) = divider_ui(ui, divider, index, usable) {
                divider_drags.push((index, delta));
            }
        }
    }
    for (index, delta) in divider_drags {
        desk.move_divider(index, delta, usable);
    }
    actions
}

/// Whether an action acts on a pane's selection (and so on that pane).
fn acts_on_selection(action: &Action) -> bool {
    matches!(
        action,
        Action::Annotations(AnnotationAction::Highlight(_))
            | Action::Annotations(AnnotationAction::NoteOnSelection)
            | Action::Desk(DeskAction::CopySelection)
            | Action::Desk(DeskAction::SelectAll)
    )
}

/// The divider after pane `index`: a line, and a handle to drag; returns how far it was
/// dragged this frame, as a fraction of the panes' width.
fn divider_ui(ui: &mut Ui, divider: Rect, index: usize, usable: f32) -> Option<f32> {
    let response = ui
        .interact(
            divider,
            Id::unique(("lectern-divider", index)),
            Sense::drag(),
        )
        .on_hover_cursor(egui::CursorIcon::ResizeHorizontal);
    let stroke = if response.hovered() || response.dragged() {
        ui.visuals().widgets.active.fg_stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    ui.painter()
        .vline(divider.center().x, divider.y_range(), stroke);
    (response.dragged() && usable > 0.0).then(|| response.drag_delta().x / usable)
}

fn pane_header_ui(
    ui: &mut Ui,
    rect: Rect,
    pane: &mut Pane,
    index: usize,
    count: usize,
    is_active: bool,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let visuals = ui.visuals().clone();
    let fill = if is_active {
        visuals.widgets.inactive.weak_bg_fill
    } else {
        visuals.panel_fill
    };
    ui.painter().rect_filled(rect, 0.0, fill);
    ui.painter().hline(
        rect.x_range(),
        rect.bottom() - 0.5,
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
    );
    let builder = UiBuilder::new()
        .id_salt(("pane-header", pane.key))
        .max_rect(rect.shrink2(vec2(8.0, 3.0)))
        .layout(Layout::right_to_left(Align::Center));
    ui.scope_builder(builder, |ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        // A narrow pane keeps its title recognisable: Link shrinks to its symbol, and the
        // rarer buttons (moving the pane, the parts) go into the ℹ menu.
        let compact = rect.width() < COMPACT_HEADER_WIDTH;
        pane_buttons_ui(ui, pane, index, count, compact, &mut actions);
        parts_and_info_ui(ui, pane, index, count, compact, &mut actions);
        ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
            pane_title_ui(ui, pane, index, &mut actions);
        });
    });
    // A click anywhere on the header makes the pane active.
    if ui.input(|i| i.pointer.primary_pressed())
        && ui
            .input(|i| i.pointer.interact_pos())
            .is_some_and(|p| rect.contains(p))
    {
        actions.push(Action::Desk(DeskAction::FocusPane(index)));
    }
    actions
}

/// Below this width a pane's header is compact.
const COMPACT_HEADER_WIDTH: f32 = 360.0;

/// Close, move left and right, and Link (in a compact header: Link as a symbol, and moving
/// the pane in the ℹ menu).
fn pane_buttons_ui(
    ui: &mut Ui,
    pane: &Pane,
    index: usize,
    count: usize,
    compact: bool,
    actions: &mut Vec<Action>,
) {
    let number = index + 1;
    let close = Action::Desk(DeskAction::ClosePane(index));
    let name = crate::tr!("reading-pane-close-name", number = number);
    header_button(ui, "×", true, &name, close, actions);
    if !compact {
        move_buttons_ui(ui, index, count, actions);
    }
    let link = Action::Desk(DeskAction::ToggleLinked(index));
    let label = if pane.linked {
        crate::tr!("reading-pane-linked")
    } else {
        crate::tr!("reading-pane-link")
    };
    let name = crate::tr!("reading-pane-link-name", number = number);
    if ui
        .selectable_label(pane.linked, label)
        .accessible_name(name)
        .on_hover_text(link.label_with_shortcut(ui.ctx()) + "\n" + &link.tooltip())
        .clicked()
    {
        actions.push(link);
    }
}

/// Move the pane right and left.
fn move_buttons_ui(ui: &mut Ui, index: usize, count: usize, actions: &mut Vec<Action>) {
    let number = index + 1;
    if count > 1 {
        let right = Action::Desk(DeskAction::MovePaneRight(index));
        let name = crate::tr!("reading-pane-move-right-name", number = number);
        header_button(ui, "⏵", index + 1 < count, &name, right, actions);
        let left = Action::Desk(DeskAction::MovePaneLeft(index));
        let name = crate::tr!("reading-pane-move-left-name", number = number);
        header_button(ui, "⏴", index > 0, &name, left, actions);
    }
}

/// A small symbol button of a pane's header, named for screen readers, with its command's
/// tooltip.
fn header_button(
    ui: &mut Ui,
    symbol: &str,
    enabled: bool,
    name: &str,
    action: Action,
    actions: &mut Vec<Action>,
) {
    if ui
        .add_enabled(enabled, egui::Button::new(symbol).small())
        .accessible_name(name)
        .on_hover_text(action.tooltip())
        .clicked()
    {
        actions.push(action);
    }
}

/// The text's dated parts, to go to one.
fn parts_ui(ui: &mut Ui, pane: &Pane, index: usize, actions: &mut Vec<Action>) {
    let parts = &pane.text.meta().parts;
    if parts.len() > 1 {
        ui.menu_button(crate::tr!("reading-pane-parts"), |ui| {
            for part in parts {
                if ui.button(&part.label).clicked() {
                    actions.push(Action::Desk(DeskAction::GoToParagraph {
                        pane: index,
                        paragraph: part.first_paragraph,
                    }));
                }
            }
        });
    }
}

/// The menu of the text's dated parts and the button for its metadata; in a compact header,
/// one ℹ menu with the metadata, the parts and moving the pane.
fn parts_and_info_ui(
    ui: &mut Ui,
    pane: &Pane,
    index: usize,
    count: usize,
    compact: bool,
    actions: &mut Vec<Action>,
) {
    let number = index + 1;
    let info = Action::Desk(DeskAction::ShowTextInfo(pane.text.id().to_owned()));
    if compact {
        let menu = ui.menu_button("ℹ", |ui| {
            actions.extend(action_ui(ui, info.clone(), true));
            parts_ui(ui, pane, index, actions);
            if count > 1 {
                ui.separator();
                let right = DeskAction::MovePaneRight(index);
                actions.extend(action_ui(ui, right, index + 1 < count));
                actions.extend(action_ui(ui, DeskAction::MovePaneLeft(index), index > 0));
            }
        });
        let name = crate::tr!("reading-pane-info-name", number = number);
        menu.response
            .accessible_name(name)
            .on_hover_text(crate::tr!("reading-pane-info-menu-tip"));
        return;
    }
    parts_ui(ui, pane, index, actions);
    let name = crate::tr!("reading-pane-info-name", number = number);
    header_button(ui, "ℹ", true, &name, info, actions);
}

/// The text's title (shortened to fit; the whole title, the author and date on hover).
fn pane_title_ui(ui: &mut Ui, pane: &Pane, index: usize, actions: &mut Vec<Action>) {
    let meta = pane.text.meta();
    // A narrow header drops the leading article, so that the words that tell texts apart
    // come first.
    let shown = if ui.available_width() < 160.0 {
        meta.short_title()
    } else {
        &meta.title
    };
    let title = RichText::new(shown).strong();
    let response = ui
        .add(egui::Label::new(title).truncate().sense(Sense::click()))
        .on_hover_text(format!(
            "{}\n{}\n{}",
            meta.display_title(),
            meta.byline(),
            Action::Desk(DeskAction::ShowActiveTextInfo).tooltip()
        ));
    if response.clicked() {
        actions.push(Action::Desk(DeskAction::FocusPane(index)));
    }
    if response.double_clicked() {
        actions.push(Action::Desk(DeskAction::ShowTextInfo(meta.id.clone())));
    }
}

mod history;
mod placement;
pub use history::Going;
pub use placement::Placement;

#[cfg(test)]
mod tests;
