//! Where a reading pane's parts lie: its body, scrollbar track, text column and margins.

use egui::{Rect, pos2};

use super::{ReadingStyle, SCROLLBAR_WIDTH};

/// Where the parts of a pane are: the page, its scrollbar track, the text area and the
/// centred text column.
pub(super) struct PaneArea {
    pub(super) body: Rect,
    pub(super) track: Rect,
    pub(super) text: Rect,
    pub(super) margin: f32,
    pub(super) column_width: f32,
    pub(super) column_left: f32,
    pub(super) view_height: f32,
}

impl PaneArea {
    pub(super) fn of(body: Rect, style: ReadingStyle) -> Self {
        let track = Rect::from_min_max(
            pos2(body.right() - SCROLLBAR_WIDTH, body.top()),
            body.right_bottom(),
        );
        let text = Rect::from_min_max(body.min, pos2(track.left(), body.bottom()));
        let margin = style.margin();
        let column_width = (text.width() - 2.0 * margin).clamp(40.0, style.max_column_width());
        let column_left = text.left() + ((text.width() - column_width) / 2.0).max(0.0);
        let view_height = (body.height() - 2.0 * margin).max(style.line_height());
        Self {
            body,
            track,
            text,
            margin,
            column_width,
            column_left,
            view_height,
        }
    }
}
