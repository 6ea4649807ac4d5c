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

use crate::model::text::CharRange;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use egui::epaint::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, CornerRadius, FontId, Galley, Id, Pos2, Rect, Shape, Stroke, Ui, pos2, vec2};

use crate::model::selection::Selection;
use crate::model::spans::{SpanIndex, sorted_overlapping};
use crate::model::text::Text;

mod area;
mod layout;
mod marks;
mod pane;
mod pane_menus;
mod reveal;

pub(crate) use layout::breakable_spaces;
use layout::{FrameLayout, LayoutKey, ParagraphLayouts, VisibleParagraph};
use pane::Scrolling;
pub use pane::reader_ui;

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

/// Where a view is, in two measures: paragraphs (the top paragraph plus the fraction of it
/// scrolled past) and the fraction of the whole text (estimated).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Place {
    /// The top paragraph's index plus how far into it the view is (0–1).
    pub paragraphs: f32,
    /// Where the view is in the whole text, 0 at the top and 1 at the end.
    pub fraction: f32,
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
    /// A character to bring into view at the next frame (see [`Self::reveal`]).
    pending_reveal: Option<usize>,
    /// Points to scroll at the next frame (positive: down), as if the user had scrolled.
    pending_scroll: f32,
    within: f32,
    fraction: f32,
    /// The reader's last scrolling, from where to where, until linked panes have followed it.
    moved: Option<(Place, Place)>,
    dragging: bool,
    autoscroll: f32,
    layouts: ParagraphLayouts,
    visible: Vec<VisibleParagraph>,
    /// The annotation whose highlight was right-clicked (its context menu acts on it).
    menu_highlight: Option<String>,
    /// A passage to flash (after "show in text"), and when the flash started.
    flash: Option<(CharRange, Option<f64>)>,
}

/// A highlighted passage to paint behind the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// The annotation it shows (empty for a search match, which is not clickable).
    pub annotation_id: String,
    /// The characters.
    pub range: CharRange,
    /// The fill (translucent, so overlapping highlights both show).
    pub color: Color32,
    /// The annotation's note (empty when it has none): marked at the highlight's end, shown
    /// on hover.
    pub note: String,
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
    pub fn overlapping(&self, range: CharRange) -> impl Iterator<Item = &Highlight> {
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
    pub ranges: &'a [CharRange],
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

    /// Where the view is (or will be, after a jump asked for by code).
    pub fn place(&self) -> Place {
        if let Some((paragraph, within)) = self.pending_jump {
            return Place {
                paragraphs: paragraph as f32 + within,
                fraction: self.fraction,
            };
        }
        Place {
            paragraphs: self.scroll.paragraph as f32 + self.within,
            fraction: self.pending_fraction.unwrap_or(self.fraction),
        }
    }

    /// Records that the reader scrolled the view from one place to another.
    pub fn note_move(&mut self, from: Place, to: Place) {
        self.moved = Some((from, to));
    }

    /// The reader's last scrolling (from, to), taken so that it is followed once.
    pub fn take_move(&mut self) -> Option<(Place, Place)> {
        self.moved.take()
    }

    /// Moves the view by `delta` paragraphs from where it is (at the next frame).
    pub fn move_by_paragraphs(&mut self, delta: f32, paragraph_count: usize) {
        let last = paragraph_count.saturating_sub(1) as f32;
        let target = (self.place().paragraphs + delta).clamp(0.0, last + 0.999);
        self.jump_to(target.floor() as usize, target.fract());
    }

    /// Moves the view by `delta` of the whole text from where it is (at the next frame).
    pub fn move_by_fraction(&mut self, delta: f32) {
        let target = self.place().fraction + delta;
        self.jump_to_fraction(target);
    }

    /// Go to a paragraph at the next frame.
    pub fn jump_to(&mut self, paragraph: usize, within: f32) {
        self.pending_jump = Some((paragraph, within.clamp(0.0, 1.0)));
        self.pending_fraction = None;
        self.pending_reveal = None;
    }

    /// Draws attention to a passage for a moment (the next time it is on screen).
    pub fn flash(&mut self, range: CharRange) {
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
        self.pending_reveal = None;
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
    pub fn selected_range(&self) -> Option<CharRange> {
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

    /// Lays the text out anew for a new width or font size (keeping the place in the top
    /// paragraph), and notices when egui's font atlas was rebuilt.
    fn prepare_layouts(
        &mut self,
        ctx: &egui::Context,
        text: &Text,
        style: ReadingStyle,
        column_width: f32,
    ) {
        let key = LayoutKey {
            wrap_width: column_width.round() as u32,
            font_size: style.font_size.to_bits(),
            pixels_per_point: ctx.pixels_per_point().to_bits(),
        };
        self.layouts.check_atlas(ctx);
        if self.layouts.ensure(key, text, style, column_width)
            && self.pending_jump.is_none()
            && self.pending_fraction.is_none()
            && self.pending_reveal.is_none()
        {
            // Width or font changed: stay at the same place in the top paragraph.
            self.pending_jump = Some((self.scroll.paragraph, self.within));
        }
    }

    /// Carries out the jumps asked for by code (restoring a place, linked scrolling).
    fn jump_as_asked(&mut self, frame: &FrameLayout<'_>) {
        if let Some((paragraph, within)) = self.pending_jump.take() {
            self.scroll.paragraph = paragraph.min(frame.text.paragraphs().len() - 1);
            self.scroll.offset = within * self.height(frame, self.scroll.paragraph);
            self.settle(frame);
        }
        if let Some(fraction) = self.pending_fraction.take() {
            self.go_to_fraction(frame, fraction);
        }
        self.reveal_as_asked(frame);
    }

    /// Carries out the scrolling the reader asked for.
    fn scroll_as_asked(&mut self, frame: &FrameLayout<'_>, asked: Scrolling) {
        if asked.home {
            self.scroll = ScrollPos::default();
        }
        if asked.end {
            self.go_to_fraction(frame, 1.0);
        }
        if asked.by != 0.0 {
            self.scroll.offset += asked.by;
            self.settle(frame);
        }
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
