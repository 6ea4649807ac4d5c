//! A reading pane: virtualised paragraphs, the reader's own selection, keyboard and wheel
//! scrolling, and a scrollbar.
//!
//! # How a long text stays fast
//!
//! The pane keeps its own scroll position as *(paragraph, pixels into it)* instead of using an
//! egui `ScrollArea`. Each frame it lays out only the paragraphs that are visible, one galley
//! per paragraph, and keeps those galleys in its own cache (egui's cache forgets a galley not
//! used in the previous frame). The scrollbar and linked scrolling use *estimated* heights
//! (from character counts), computed once per width and font size, so a 5 MB text never has
//! to be laid out in full. Because the position is anchored to a paragraph, an estimate that
//! turns out wrong never makes the text jump.
//!
//! # Selection
//!
//! egui's label selection does not expose the selected range, so the pane owns its selection:
//! pointer → [`Galley::cursor_from_pos`] → paragraph-local character index → document offset
//! (see [`crate::model::text`] for offsets). Drag, shift-click, double-click (word) and
//! triple-click (paragraph) work across paragraph boundaries.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use egui::epaint::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{
    Color32, CornerRadius, FontId, Galley, Id, Key, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui,
    pos2, vec2,
};

use crate::model::selection::{Selection, paragraph_range_at, word_range_at};
use crate::model::spans::{SpanIndex, sorted_overlapping};
use crate::model::text::Text;
use crate::ui::action::{Action, action_ui};
use crate::ui::theme;

/// Galleys kept beyond this many are evicted, farthest from the view first.
const GALLEY_CACHE_LIMIT: usize = 400;
/// Width of the scrollbar strip at the pane's right edge.
const SCROLLBAR_WIDTH: f32 = 12.0;

/// Typographic measures of the reading column, derived from the font size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReadingStyle {
    /// Font size in points.
    pub font_size: f32,
}

impl ReadingStyle {
    /// Height of one line of text.
    pub fn line_height(&self) -> f32 {
        (self.font_size * 1.5).round()
    }

    /// Space after each paragraph.
    pub fn paragraph_spacing(&self) -> f32 {
        (self.font_size * 0.8).round()
    }

    /// The widest the text column grows: about 70 characters, a comfortable line length.
    pub fn max_column_width(&self) -> f32 {
        self.font_size * 34.0
    }

    /// Margin above the first line and around the column.
    pub fn margin(&self) -> f32 {
        (self.font_size * 1.2).round()
    }

    fn text_format(&self) -> TextFormat {
        TextFormat {
            font_id: FontId::proportional(self.font_size),
            // Painted with the theme's reading colour, so a theme change needs no new layout.
            color: Color32::PLACEHOLDER,
            line_height: Some(self.line_height()),
            ..TextFormat::default()
        }
    }
}

/// A scroll position: the paragraph at the top of the pane and how many points of it are
/// scrolled past (its height includes the spacing after it).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ScrollPos {
    /// The paragraph at the top of the view.
    pub paragraph: usize,
    /// Points of that paragraph above the view's top edge (≥ 0).
    pub offset: f32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutKey {
    wrap_width: u32,
    font_size: u32,
    pixels_per_point: u32,
}

/// The galleys of one pane, laid out on demand and cached for the current width and font size.
#[derive(Default)]
struct ParagraphLayouts {
    key: Option<LayoutKey>,
    galleys: HashMap<usize, Arc<Galley>>,
    /// Estimated top of each paragraph (and the total at the end): `len == paragraphs + 1`.
    estimated_tops: Vec<f32>,
    /// egui's text options and font atlas fill at the end of the last frame: galleys point
    /// into the atlas, so when egui rebuilds it (new options after a theme change, or a full
    /// atlas) every cached galley is stale and must be laid out again.
    atlas: Option<(egui::epaint::text::TextOptions, f32)>,
    /// How many times the cache was emptied because the font atlas was rebuilt.
    atlas_resets: u64,
}

impl ParagraphLayouts {
    /// Makes the cache fit `key`; returns true when it had to be cleared.
    fn ensure(
        &mut self,
        key: LayoutKey,
        text: &Text,
        style: ReadingStyle,
        wrap_width: f32,
    ) -> bool {
        if self.key == Some(key) && self.estimated_tops.len() == text.paragraphs().len() + 1 {
            return false;
        }
        self.key = Some(key);
        self.galleys.clear();
        // Estimate from character counts: an average glyph is about half the font size wide.
        let chars_per_line = (wrap_width / (style.font_size * 0.47)).max(1.0);
        let mut top = 0.0;
        self.estimated_tops.clear();
        self.estimated_tops.reserve(text.paragraphs().len() + 1);
        for paragraph in text.paragraphs() {
            self.estimated_tops.push(top);
            let lines = (paragraph.char_len() as f32 / chars_per_line)
                .ceil()
                .max(1.0);
            top += lines * style.line_height() + style.paragraph_spacing();
        }
        self.estimated_tops.push(top);
        true
    }

    /// Empties the cache if egui rebuilt its font atlas since the last frame.
    fn check_atlas(&mut self, ctx: &egui::Context) {
        let now = ctx.fonts(|fonts| (*fonts.options(), fonts.font_atlas_fill_ratio()));
        if let Some((options, fill)) = self.atlas
            && (options != now.0 || now.1 < fill)
        {
            self.galleys.clear();
            self.atlas_resets += 1;
        }
    }

    /// Remembers the atlas state at the end of a frame.
    fn note_atlas(&mut self, ctx: &egui::Context) {
        self.atlas = Some(ctx.fonts(|fonts| (*fonts.options(), fonts.font_atlas_fill_ratio())));
    }

    fn estimated_height(&self, paragraph: usize) -> f32 {
        self.estimated_tops[paragraph + 1] - self.estimated_tops[paragraph]
    }

    fn estimated_total(&self) -> f32 {
        self.estimated_tops.last().copied().unwrap_or(0.0)
    }

    fn galley(
        &mut self,
        ctx: &egui::Context,
        text: &Text,
        paragraph: usize,
        style: ReadingStyle,
        wrap_width: f32,
    ) -> Arc<Galley> {
        self.galleys
            .entry(paragraph)
            .or_insert_with(|| {
                let mut job = LayoutJob::single_section(
                    text.paragraph_text(paragraph).to_owned(),
                    style.text_format(),
                );
                job.wrap = TextWrapping::wrap_at_width(wrap_width);
                ctx.fonts_mut(|fonts| fonts.layout_job(job))
            })
            .clone()
    }

    /// Drops galleys far from `around` once the cache is over its limit.
    fn evict(&mut self, around: usize) {
        if self.galleys.len() > GALLEY_CACHE_LIMIT {
            let keep = GALLEY_CACHE_LIMIT / 4;
            self.galleys.retain(|&p, _| p.abs_diff(around) <= keep);
        }
    }
}

/// What laying out a pane needs in one frame: the text, its typography and the column size.
struct FrameLayout<'a> {
    ctx: &'a egui::Context,
    text: &'a Text,
    style: ReadingStyle,
    /// Width of the text column (the wrap width).
    wrap: f32,
    /// Height available to the text (the view less its top and bottom margins).
    view_height: f32,
}

/// A paragraph drawn in the last frame: where, and with which galley (for hit testing).
#[derive(Clone)]
struct VisibleParagraph {
    paragraph: usize,
    origin: Pos2,
    galley: Arc<Galley>,
}

/// The state of one reading pane's view: scroll position, selection and layout caches.
#[derive(Default)]
pub struct ReaderView {
    /// The scroll position.
    pub scroll: ScrollPos,
    /// The selection (a character range in the text), if any.
    pub selection: Option<Selection>,
    /// A place to go to at the next frame, as (paragraph, fraction of its height), used when
    /// restoring a saved state and by linked scrolling of the same text.
    pending_jump: Option<(usize, f32)>,
    /// A place to go to at the next frame, as a fraction of the whole text.
    pending_fraction: Option<f32>,
    /// Points to scroll at the next frame (positive: down), as if the user had scrolled.
    pending_scroll: f32,
    within: f32,
    fraction: f32,
    dragging: bool,
    autoscroll: f32,
    layouts: ParagraphLayouts,
    visible: Vec<VisibleParagraph>,
    /// A passage to flash (after "show in text"), and when the flash started.
    flash: Option<(Range<usize>, Option<f64>)>,
}

/// A highlighted passage to paint behind the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// The annotation it shows (empty for a search match, which is not clickable).
    pub annotation_id: String,
    /// The characters.
    pub range: Range<usize>,
    /// The fill (translucent, so overlapping highlights both show).
    pub color: Color32,
}

/// A text's highlights with an index for finding those in view (see [`SpanIndex`]).
#[derive(Clone, Debug, Default)]
pub struct Highlights {
    items: Vec<Highlight>,
    index: SpanIndex,
}

impl Highlights {
    /// No highlights.
    pub const EMPTY: Self = Self {
        items: Vec::new(),
        index: SpanIndex::EMPTY,
    };

    /// Indexes `items` (given in painting order).
    pub fn new(items: Vec<Highlight>) -> Self {
        let index = SpanIndex::new(items.iter().map(|h| &h.range));
        Self { items, index }
    }

    /// All of them, in painting order.
    pub fn items(&self) -> &[Highlight] {
        &self.items
    }

    /// Those sharing a character with `range`, in painting order.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &Highlight> {
        self.index
            .overlapping(range)
            .into_iter()
            .map(|i| &self.items[i])
    }
}

/// Search matches to mark in a pane: sorted and not overlapping.
#[derive(Clone, Copy, Debug)]
pub struct FoundMarks<'a> {
    /// The matches.
    pub ranges: &'a [Range<usize>],
    /// Their fill.
    pub color: Color32,
}

/// What a pane needs to know from the desk to draw itself.
#[derive(Clone, Copy, Debug)]
pub struct ReaderParams<'a> {
    /// The pane's position on the desk (for the actions it returns).
    pub pane_index: usize,
    /// A stable id for the pane.
    pub id: Id,
    /// Reading typography.
    pub style: ReadingStyle,
    /// Whether keyboard commands go to this pane.
    pub is_active: bool,
    /// The highlights in this pane's text.
    pub highlights: &'a Highlights,
    /// Search matches to mark in this pane, over the highlights.
    pub found: Option<FoundMarks<'a>>,
    /// The annotation selected in the annotations panel, outlined where it is shown.
    pub selected_annotation: Option<&'a str>,
    /// The highlight categories (name and colour), for the selection toolbar and context menu.
    pub categories: &'a [(String, Color32)],
}

impl ReaderView {
    /// A view at the top of its text.
    pub fn new() -> Self {
        Self::default()
    }

    /// A view that will open at `paragraph`, `within` (0–1) of the way into it.
    pub fn at(paragraph: usize, within: f32) -> Self {
        Self {
            pending_jump: Some((paragraph, within)),
            scroll: ScrollPos {
                paragraph,
                offset: 0.0,
            },
            within,
            ..Self::default()
        }
    }

    /// How far into the top paragraph the view is, as a fraction of its height.
    pub fn within(&self) -> f32 {
        self.within
    }

    /// Where the view is in the whole text, 0 at the top and 1 at the end (estimated).
    pub fn fraction(&self) -> f32 {
        self.fraction
    }

    /// Go to a paragraph at the next frame.
    pub fn jump_to(&mut self, paragraph: usize, within: f32) {
        self.pending_jump = Some((paragraph, within.clamp(0.0, 1.0)));
        self.pending_fraction = None;
    }

    /// Draws attention to a passage for a moment (the next time it is on screen).
    pub fn flash(&mut self, range: Range<usize>) {
        self.flash = Some((range, None));
    }

    /// Whether a flash is still to be shown or running.
    pub fn is_flashing(&self) -> bool {
        self.flash.is_some()
    }

    /// Scroll by `points` (positive: towards the end) at the next frame, as the wheel does.
    pub fn scroll_by(&mut self, points: f32) {
        self.pending_scroll += points;
    }

    /// Go to a fraction (0–1) of the whole text at the next frame.
    pub fn jump_to_fraction(&mut self, fraction: f32) {
        self.pending_fraction = Some(fraction.clamp(0.0, 1.0));
        self.pending_jump = None;
    }

    /// Where the view will jump at the next frame, as (paragraph, fraction into it).
    pub fn pending_jump(&self) -> Option<(usize, f32)> {
        self.pending_jump
    }

    /// Where the view will jump at the next frame, as a fraction of the whole text.
    pub fn pending_fraction(&self) -> Option<f32> {
        self.pending_fraction
    }

    /// How many times the pane's galleys were dropped because egui rebuilt its font atlas
    /// (a theme change, or a full atlas).
    pub fn atlas_resets(&self) -> u64 {
        self.layouts.atlas_resets
    }

    /// The selected range, if something is selected.
    pub fn selected_range(&self) -> Option<Range<usize>> {
        self.selection.filter(|s| !s.is_empty()).map(|s| s.range())
    }

    /// The paragraphs drawn in the last frame, with their on-screen rectangles.
    pub fn visible_paragraphs(&self) -> Vec<(usize, Rect)> {
        self.visible
            .iter()
            .map(|v| (v.paragraph, Rect::from_min_size(v.origin, v.galley.size())))
            .collect()
    }

    /// The screen position of a document offset, if its paragraph was drawn in the last frame.
    pub fn screen_pos_of(&self, text: &Text, offset: usize) -> Option<Pos2> {
        let paragraph = text.paragraph_at(offset);
        let visible = self.visible.iter().find(|v| v.paragraph == paragraph)?;
        let local = offset - text.paragraphs()[paragraph].chars.start;
        let cursor = egui::text::CCursor::new(local);
        let rect = visible.galley.pos_from_cursor(cursor);
        Some(visible.origin + rect.center().to_vec2())
    }

    /// The document offset under a screen position, using the paragraphs drawn last frame.
    pub fn offset_at(&self, text: &Text, pos: Pos2) -> Option<usize> {
        let first = self.visible.first()?;
        let hit = self
            .visible
            .iter()
            .find(|v| pos.y < v.origin.y + v.galley.size().y + 4.0)
            .or(self.visible.last())
            .unwrap_or(first);
        let cursor = hit.galley.cursor_from_pos(pos - hit.origin);
        let paragraph = &text.paragraphs()[hit.paragraph];
        Some(paragraph.chars.start + cursor.index.0.min(paragraph.char_len()))
    }

    fn height(&mut self, frame: &FrameLayout<'_>, paragraph: usize) -> f32 {
        self.layouts
            .galley(frame.ctx, frame.text, paragraph, frame.style, frame.wrap)
            .size()
            .y
            + frame.style.paragraph_spacing()
    }

    /// Moves the top of the view so that `offset` lies within its paragraph, walking over
    /// paragraphs (and laying them out) as needed.
    fn normalise(&mut self, frame: &FrameLayout<'_>) {
        let last = frame.text.paragraphs().len() - 1;
        self.scroll.paragraph = self.scroll.paragraph.min(last);
        loop {
            if self.scroll.offset < 0.0 {
                if self.scroll.paragraph == 0 {
                    self.scroll.offset = 0.0;
                    break;
                }
                self.scroll.paragraph -= 1;
                self.scroll.offset += self.height(frame, self.scroll.paragraph);
            } else {
                let height = self.height(frame, self.scroll.paragraph);
                if self.scroll.offset < height || self.scroll.paragraph == last {
                    self.scroll.offset = self.scroll.offset.min(height);
                    break;
                }
                self.scroll.offset -= height;
                self.scroll.paragraph += 1;
            }
        }
    }

    /// Keeps the end of the text from scrolling above the bottom of the view.
    fn clamp_to_end(&mut self, frame: &FrameLayout<'_>) {
        let count = frame.text.paragraphs().len();
        let mut remaining = self.height(frame, self.scroll.paragraph) - self.scroll.offset;
        let mut next = self.scroll.paragraph + 1;
        while remaining < frame.view_height && next < count {
            remaining += self.height(frame, next);
            next += 1;
        }
        if remaining < frame.view_height {
            self.scroll.offset -= frame.view_height - remaining;
            self.normalise(frame);
        }
    }

    /// Normalises, then keeps the end in place: after any change of the scroll position.
    fn settle(&mut self, frame: &FrameLayout<'_>) {
        self.normalise(frame);
        self.clamp_to_end(frame);
    }

    fn max_estimated_scroll(&self, view_height: f32) -> f32 {
        (self.layouts.estimated_total() - view_height).max(1.0)
    }

    fn go_to_fraction(&mut self, frame: &FrameLayout<'_>, fraction: f32) {
        if fraction >= 0.999 {
            self.scroll.paragraph = frame.text.paragraphs().len() - 1;
            self.scroll.offset = f32::MAX / 4.0;
            self.settle(frame);
            return;
        }
        let target = fraction.clamp(0.0, 1.0) * self.max_estimated_scroll(frame.view_height);
        let tops = &self.layouts.estimated_tops;
        let paragraph = tops[..tops.len() - 1]
            .partition_point(|&top| top <= target)
            .saturating_sub(1);
        let within =
            ((target - tops[paragraph]) / self.layouts.estimated_height(paragraph)).clamp(0.0, 1.0);
        self.scroll.paragraph = paragraph;
        self.scroll.offset = within * self.height(frame, paragraph);
        self.settle(frame);
    }

    fn update_fraction(&mut self, frame: &FrameLayout<'_>) {
        let height = self.height(frame, self.scroll.paragraph).max(1.0);
        self.within = (self.scroll.offset / height).clamp(0.0, 1.0);
        let position = self.layouts.estimated_tops[self.scroll.paragraph]
            + self.within * self.layouts.estimated_height(self.scroll.paragraph);
        self.fraction = if self.layouts.estimated_total() <= frame.view_height {
            0.0
        } else {
            (position / self.max_estimated_scroll(frame.view_height)).clamp(0.0, 1.0)
        };
    }
}

/// Draws a reading pane for `text` in the whole of `rect`, handles its input, and returns the
/// actions the user asked for.
pub fn reader_ui(
    ui: &mut Ui,
    rect: Rect,
    text: &Text,
    view: &mut ReaderView,
    params: ReaderParams<'_>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let ctx = ui.ctx().clone();
    let style = params.style;
    let body = rect;
    let track = Rect::from_min_max(
        pos2(body.right() - SCROLLBAR_WIDTH, body.top()),
        body.right_bottom(),
    );
    let text_area = Rect::from_min_max(body.min, pos2(track.left(), body.bottom()));
    let margin = style.margin();
    let column_width = (text_area.width() - 2.0 * margin).clamp(40.0, style.max_column_width());
    let column_left = text_area.left() + ((text_area.width() - column_width) / 2.0).max(0.0);
    let view_height = (body.height() - 2.0 * margin).max(style.line_height());

    let key = LayoutKey {
        wrap_width: column_width.round() as u32,
        font_size: style.font_size.to_bits(),
        pixels_per_point: ctx.pixels_per_point().to_bits(),
    };
    view.layouts.check_atlas(&ctx);
    if view.layouts.ensure(key, text, style, column_width)
        && view.pending_jump.is_none()
        && view.pending_fraction.is_none()
    {
        // Width or font changed: stay at the same place in the top paragraph.
        view.pending_jump = Some((view.scroll.paragraph, view.within));
    }

    let frame = FrameLayout {
        ctx: &ctx,
        text,
        style,
        wrap: column_width,
        view_height,
    };

    // Input: pointer on the text, wheel, keys.
    let response = ui.interact(text_area, params.id, Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Document,
            true,
            format!(
                "Reading pane {}: {}",
                params.pane_index + 1,
                text.meta().title
            ),
        )
    });
    let mut user_scroll = 0.0;
    if ui.rect_contains_pointer(body) {
        let delta = ui.input(|i| i.smooth_scroll_delta.y);
        if delta != 0.0 {
            user_scroll -= delta;
        }
    }
    let mut jump_home = false;
    let mut jump_end = false;
    if params.is_active && !ctx.text_edit_focused() {
        ui.input(|i| {
            let line = style.line_height() * 2.0;
            let page = (view_height - style.line_height() * 2.0).max(style.line_height());
            user_scroll += line * i.num_presses(Key::ArrowDown) as f32;
            user_scroll -= line * i.num_presses(Key::ArrowUp) as f32;
            user_scroll += page * i.num_presses(Key::PageDown) as f32;
            user_scroll -= page * i.num_presses(Key::PageUp) as f32;
            if i.key_pressed(Key::Space) {
                user_scroll += if i.modifiers.shift { -page } else { page };
            }
            jump_home = i.key_pressed(Key::Home);
            jump_end = i.key_pressed(Key::End);
        });
    }
    user_scroll += std::mem::take(&mut view.pending_scroll);
    if view.dragging && view.autoscroll != 0.0 {
        user_scroll += view.autoscroll;
    }

    // Apply jumps and scrolling.
    if let Some((paragraph, within)) = view.pending_jump.take() {
        view.scroll.paragraph = paragraph.min(text.paragraphs().len() - 1);
        view.scroll.offset = within * view.height(&frame, view.scroll.paragraph);
        view.settle(&frame);
    }
    if let Some(fraction) = view.pending_fraction.take() {
        view.go_to_fraction(&frame, fraction);
    }
    let before = view.scroll;
    if jump_home {
        view.scroll = ScrollPos::default();
    }
    if jump_end {
        view.go_to_fraction(&frame, 1.0);
    }
    if user_scroll != 0.0 {
        view.scroll.offset += user_scroll;
        view.settle(&frame);
    }

    // The page, under the scrollbar too.
    let colors = theme::reading_colors(ui.visuals().dark_mode);
    ui.painter()
        .rect_filled(body, CornerRadius::ZERO, colors.background);

    // Scrollbar.
    view.update_fraction(&frame);
    let scrollable = view.layouts.estimated_total() > view_height;
    if scrollable {
        let track_response =
            ui.interact(track, params.id.with("scrollbar"), Sense::click_and_drag());
        let thumb_len = (track.height() * view_height / view.layouts.estimated_total())
            .clamp(24.0, track.height());
        if let Some(pointer) = track_response.interact_pointer_pos()
            && (track_response.dragged()
                || track_response.clicked()
                || track_response.is_pointer_button_down_on())
        {
            let fraction =
                (pointer.y - track.top() - thumb_len / 2.0) / (track.height() - thumb_len).max(1.0);
            view.go_to_fraction(&frame, fraction);
            view.update_fraction(&frame);
            if track_response.is_pointer_button_down_on() {
                actions.push(Action::FocusPane(params.pane_index));
            }
        }
        let thumb_top = track.top() + view.fraction * (track.height() - thumb_len);
        let thumb = Rect::from_min_size(
            pos2(track.left() + 3.0, thumb_top),
            vec2(SCROLLBAR_WIDTH - 6.0, thumb_len),
        );
        let visuals = ui.visuals();
        let fill = if track_response.hovered() || track_response.dragged() {
            visuals.widgets.active.bg_fill
        } else {
            visuals.widgets.inactive.bg_fill
        };
        ui.painter().rect_filled(thumb, CornerRadius::same(3), fill);
    }
    if view.scroll != before {
        actions.push(Action::Scrolled(params.pane_index));
    }

    // Paint: background, selection (behind the text), paragraphs.
    let painter = ui.painter_at(text_area);
    let selection_slot = painter.add(Shape::Noop);
    view.visible.clear();
    let count = text.paragraphs().len();
    let mut paragraph = view.scroll.paragraph;
    let mut y = body.top() + margin - view.scroll.offset;
    // The paragraph above may show in the top margin.
    if paragraph > 0 && y > body.top() {
        let above = view.height(&frame, paragraph - 1);
        y -= above;
        paragraph -= 1;
    }
    while paragraph < count && y < body.bottom() {
        let galley = view
            .layouts
            .galley(&ctx, text, paragraph, style, column_width);
        let origin = pos2(column_left, y);
        y += galley.size().y + style.paragraph_spacing();
        painter.galley(origin, galley.clone(), colors.text);
        view.visible.push(VisibleParagraph {
            paragraph,
            origin,
            galley,
        });
        paragraph += 1;
    }
    view.layouts.evict(view.scroll.paragraph);
    view.layouts.note_atlas(&ctx);
    accessible_paragraphs(ui, text, view, text_area, params.id);

    // Pointer selection.
    let (pressed, released, down, shift, pointer) = ui.input(|i| {
        // Shift as it was when the button went down (the event carries it).
        let press_shift = i.events.iter().find_map(|event| match event {
            egui::Event::PointerButton {
                button: egui::PointerButton::Primary,
                pressed: true,
                modifiers,
                ..
            } => Some(modifiers.shift),
            _ => None,
        });
        (
            i.pointer.primary_pressed(),
            i.pointer.primary_released(),
            i.pointer.primary_down(),
            press_shift.unwrap_or(i.modifiers.shift),
            i.pointer.interact_pos(),
        )
    });
    // `hovered` rather than "button down on": a quick click can press and release within one
    // frame, and a window over the pane must not let the press through.
    if pressed
        && response.hovered()
        && let Some(pos) = pointer
        && let Some(offset) = view.offset_at(text, pos)
    {
        view.selection = match view.selection {
            Some(selection) if shift => Some(selection.extended_to(offset)),
            _ => Some(Selection::caret(offset)),
        };
        view.dragging = true;
        response.request_focus();
        actions.push(Action::FocusPane(params.pane_index));
    }
    view.autoscroll = 0.0;
    if view.dragging {
        if down && let Some(pos) = pointer {
            if let (Some(offset), Some(selection)) = (view.offset_at(text, pos), view.selection) {
                view.selection = Some(selection.extended_to(offset));
            }
            if pos.y < body.top() + margin {
                view.autoscroll = -(body.top() + margin - pos.y).min(200.0) * 0.5;
            } else if pos.y > body.bottom() - margin {
                view.autoscroll = (pos.y - (body.bottom() - margin)).min(200.0) * 0.5;
            }
            if view.autoscroll != 0.0 {
                ctx.request_repaint();
            }
        }
        if released || !down {
            view.dragging = false;
        }
    }
    if let Some(pos) = response.interact_pointer_pos().or(pointer)
        && let Some(offset) = view.offset_at(text, pos)
    {
        if response.triple_clicked() {
            view.selection = Some(Selection::from_range(paragraph_range_at(text, offset)));
        } else if response.double_clicked() {
            view.selection = Some(Selection::from_range(word_range_at(text, offset)));
        } else if response.clicked()
            && view.selection.is_none_or(|s| s.is_empty())
            && let Some(annotation_id) =
                highlight_at(params.highlights, offset, params.selected_annotation)
            && !annotation_id.is_empty()
        {
            actions.push(Action::SelectAnnotation(Some(annotation_id)));
        }
    }
    if !view.dragging && view.selection.is_some_and(|s| s.is_empty()) {
        view.selection = None;
    }
    if response.hovered() {
        ctx.set_cursor_icon(egui::CursorIcon::Text);
    }

    // The selection toolbar, by the end of the selection, once the drag is over.
    if let Some(range) = view.selected_range()
        && !view.dragging
        && let Some(anchor_pos) = view.screen_pos_of(text, range.end)
        && body.contains(anchor_pos)
    {
        let toolbar_pos = pos2(
            anchor_pos
                .x
                .min(text_area.right() - 260.0)
                .max(text_area.left()),
            anchor_pos.y + style.line_height() * 0.7,
        );
        egui::Area::new(params.id.with("selection-toolbar"))
            .order(egui::Order::Foreground)
            .fixed_pos(toolbar_pos)
            .show(&ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        annotate_buttons(ui, params.categories, &mut actions);
                    });
                });
            });
    }
    response.context_menu(|ui| {
        let has_selection = view.selected_range().is_some();
        actions.extend(action_ui(ui, Action::CopySelection, has_selection));
        actions.extend(action_ui(ui, Action::SelectAll, true));
        ui.separator();
        // The categories by their names and colours (the reader's own).
        ui.add_enabled_ui(has_selection, |ui| {
            for (index, (name, color)) in params.categories.iter().enumerate().take(6) {
                let label = RichText::new(format!("■ Highlight: {name}")).color(*color);
                if ui.button(label).clicked() {
                    actions.push(Action::Highlight(index));
                    ui.close();
                }
            }
        });
        actions.extend(action_ui(ui, Action::NoteOnSelection, has_selection));
    });

    // Paint highlights, then the selection, behind the text.
    let mut shapes = Vec::new();
    for visible in &view.visible {
        let chars = &text.paragraphs()[visible.paragraph].chars;
        let found = params.found.into_iter().flat_map(|found| {
            sorted_overlapping(found.ranges, chars.clone())
                .iter()
                .map(move |range| (range, found.color, ""))
        });
        let marks = params
            .highlights
            .overlapping(chars.clone())
            .map(|h| (&h.range, h.color, h.annotation_id.as_str()))
            .chain(found);
        for (range, color, annotation_id) in marks {
            for rect in rects_in(visible, chars, range) {
                shapes.push(Shape::rect_filled(rect, CornerRadius::same(2), color));
                if !annotation_id.is_empty() && params.selected_annotation == Some(annotation_id) {
                    shapes.push(Shape::rect_stroke(
                        rect,
                        CornerRadius::same(2),
                        Stroke::new(1.5, colors.text),
                        egui::StrokeKind::Outside,
                    ));
                }
            }
        }
    }
    const FLASH_SECONDS: f64 = 1.2;
    let now = ui.input(|i| i.time);
    if let Some((range, started)) = view.flash.clone() {
        let started = started.unwrap_or(now);
        let age = now - started;
        if age > FLASH_SECONDS {
            view.flash = None;
        } else {
            view.flash = Some((range.clone(), Some(started)));
            let strength = (1.0 - age / FLASH_SECONDS) as f32;
            for visible in &view.visible {
                let chars = &text.paragraphs()[visible.paragraph].chars;
                for rect in rects_in(visible, chars, &range) {
                    shapes.push(Shape::rect_stroke(
                        rect.expand(2.0),
                        CornerRadius::same(3),
                        Stroke::new(3.0, colors.text.gamma_multiply(strength)),
                        egui::StrokeKind::Outside,
                    ));
                }
            }
            ctx.request_repaint();
        }
    }
    if let Some(range) = view.selected_range() {
        for visible in &view.visible {
            let chars = &text.paragraphs()[visible.paragraph].chars;
            let start = range.start.max(chars.start);
            let end = range.end.min(chars.end);
            let continues = range.end > chars.end;
            if start < end || (continues && range.start <= chars.end && start <= end) {
                for rect in selection_rects(
                    &visible.galley,
                    start - chars.start..end - chars.start,
                    continues,
                ) {
                    shapes.push(Shape::rect_filled(
                        rect.translate(visible.origin.to_vec2()),
                        CornerRadius::ZERO,
                        colors.selection,
                    ));
                }
            }
        }
    }
    painter.set(selection_slot, Shape::Vec(shapes));

    if params.is_active && response.has_focus() {
        // Arrow keys scroll this pane instead of moving the keyboard focus elsewhere.
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                params.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    tab: false,
                    escape: false,
                },
            );
        });
    }
    if params.is_active {
        ui.painter().line_segment(
            [
                body.left_top() + vec2(0.0, 0.5),
                body.right_top() + vec2(0.0, 0.5),
            ],
            Stroke::new(1.0, ui.visuals().selection.stroke.color.gamma_multiply(0.5)),
        );
    }
    actions
}

/// The selection toolbar's buttons: one colour swatch per category (keys 1–6) and Note.
/// The paragraphs in view, in the accessibility tree under the pane's document, so that a
/// screen reader reads the text. Nothing is made when no assistive technology is listening.
fn accessible_paragraphs(ui: &mut Ui, text: &Text, view: &ReaderView, area: Rect, pane: egui::Id) {
    // The pane's own node is there only when accessibility is on.
    if ui.ctx().accesskit_node_builder(pane, |_| ()).is_none() {
        return;
    }
    let paragraphs = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(area)
            .accessibility_parent(pane),
    );
    for visible in &view.visible {
        let shown = Rect::from_min_size(visible.origin, visible.galley.size()).intersect(area);
        // Hover only: the text area under it still takes every click and drag.
        let response = paragraphs.interact(
            shown,
            pane.with(("paragraph", visible.paragraph)),
            Sense::hover(),
        );
        let words = text.paragraph_text(visible.paragraph);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Paragraph, true, words));
    }
}

fn annotate_buttons(ui: &mut Ui, categories: &[(String, Color32)], actions: &mut Vec<Action>) {
    for (index, (name, color)) in categories.iter().enumerate().take(6) {
        let button = egui::Button::new(RichText::new("■").color(*color).size(18.0)).frame(false);
        if ui
            .add(button)
            .accessible_name(format!("Highlight as {name}"))
            .on_hover_text(format!("Highlight as {name} ({})", index + 1))
            .clicked()
        {
            actions.push(Action::Highlight(index));
        }
    }
    let note = Action::NoteOnSelection;
    if ui
        .small_button("Note")
        .on_hover_text(format!("{} (N)", note.tooltip()))
        .clicked()
    {
        actions.push(note);
    }
}

/// The annotation a click at `offset` selects: of the highlights covering it, the shortest;
/// clicking again where several overlap moves on to the next, so every one stays reachable.
fn highlight_at(highlights: &Highlights, offset: usize, selected: Option<&str>) -> Option<String> {
    let mut covering: Vec<&Highlight> = highlights
        .overlapping(offset..offset + 1)
        .filter(|h| !h.annotation_id.is_empty())
        .collect();
    covering.sort_by_key(|h| h.range.end - h.range.start);
    let current = covering
        .iter()
        .position(|h| Some(h.annotation_id.as_str()) == selected);
    let next = current.map_or(0, |i| (i + 1) % covering.len());
    covering.get(next).map(|h| h.annotation_id.clone())
}

/// Screen rectangles covering the part of `range` (text offsets) within a visible paragraph
/// whose characters are `chars`.
fn rects_in(visible: &VisibleParagraph, chars: &Range<usize>, range: &Range<usize>) -> Vec<Rect> {
    let start = range.start.max(chars.start);
    let end = range.end.min(chars.end);
    if start >= end {
        return Vec::new();
    }
    selection_rects(
        &visible.galley,
        start - chars.start..end - chars.start,
        false,
    )
    .into_iter()
    .map(|rect| rect.translate(visible.origin.to_vec2()))
    .collect()
}

/// Rectangles (galley-relative) covering characters `range` of a paragraph's galley; when the
/// selection continues into the next paragraph, the last row is extended a little to show it.
fn selection_rects(galley: &Galley, range: Range<usize>, continues: bool) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut row_start = 0;
    let row_count = galley.rows.len();
    for (index, row) in galley.rows.iter().enumerate() {
        let row_len = row.char_count_excluding_newline().0;
        let row_end = row_start + row_len;
        let start = range.start.max(row_start);
        let end = range.end.min(row_end);
        let is_last = index + 1 == row_count;
        let selects_past_end = range.end > row_end && range.start <= row_end;
        if start < end || (selects_past_end && (!is_last || continues)) {
            let x0 = row.pos.x
                + row.x_offset(egui::epaint::text::CharIndex(
                    start.min(row_end) - row_start,
                ));
            let mut x1 =
                row.pos.x + row.x_offset(egui::epaint::text::CharIndex(end.max(start) - row_start));
            if selects_past_end {
                x1 += 4.0;
            }
            rects.push(Rect::from_min_max(
                pos2(x0, row.min_y()),
                pos2(x1, row.max_y()),
            ));
        }
        row_start += row.char_count_including_newline().0;
    }
    rects
}
