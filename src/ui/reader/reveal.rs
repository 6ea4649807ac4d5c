//! Bringing a passage into view: after a jump (Find, a search result, a mention, the timeline,
//! an annotation), the words themselves are on screen with some of the text above them, not
//! merely the top of their paragraph, which may lie screens away.

use super::ReaderView;
use super::layout::FrameLayout;

/// How much of the view's height is left above a passage brought into view, so the reader sees
/// what leads up to it.
const CONTEXT_ABOVE: f32 = 0.25;

impl ReaderView {
    /// Brings the character `offset` into view at the next frame: left where it is when it is
    /// already well inside the view, else a quarter of the view below the top.
    pub fn reveal(&mut self, offset: usize) {
        self.pending_reveal = Some(offset);
        self.pending_jump = None;
        self.pending_fraction = None;
    }

    /// Carries out a [`Self::reveal`] asked for.
    pub(super) fn reveal_as_asked(&mut self, frame: &FrameLayout<'_>) {
        let Some(offset) = self.pending_reveal.take() else {
            return;
        };
        let text = frame.text;
        let paragraph = text.paragraph_at(offset.min(text.char_len()));
        let local = offset.saturating_sub(text.paragraphs()[paragraph].chars.start);
        let (top, bottom) = {
            let galley = self
                .layouts
                .galley(frame.ctx, text, paragraph, frame.style, frame.wrap);
            let line = galley.pos_from_cursor(egui::text::CCursor::new(local));
            (line.min.y, line.max.y)
        };
        if let Some(from_view_top) = self.distance_below_top(frame, paragraph, top) {
            let line = bottom - top;
            if from_view_top >= line && from_view_top + 2.0 * line <= frame.view_height {
                return;
            }
        }
        self.scroll.paragraph = paragraph;
        self.scroll.offset = top - CONTEXT_ABOVE * frame.view_height;
        self.settle(frame);
    }

    /// How far below the top of the view the point `y` of `paragraph` lies, when it lies in the
    /// view's height below its top (None above the view or past its bottom).
    fn distance_below_top(
        &mut self,
        frame: &FrameLayout<'_>,
        paragraph: usize,
        y: f32,
    ) -> Option<f32> {
        if paragraph < self.scroll.paragraph {
            return None;
        }
        let mut distance = -self.scroll.offset;
        for between in self.scroll.paragraph..paragraph {
            distance += self.height(frame, between);
            if distance > frame.view_height {
                return None;
            }
        }
        let distance = distance + y;
        (distance >= 0.0 && distance <= frame.view_height).then_some(distance)
    }
}
