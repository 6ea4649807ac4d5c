//! The comparison's columns: the segment column, the gap between columns and how wide a
//! witness's column is.

use egui::{Align, Layout, Ui, Vec2};

/// The width of the column of segment numbers.
pub(super) const SEGMENT_COLUMN: f32 = 120.0;
/// The gap between columns.
pub(super) const GAP: f32 = 12.0;

/// A column of `width` points, top to bottom.
pub(super) fn column(ui: &mut Ui, width: f32, add_contents: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(Vec2::new(width, 0.0), Layout::top_down(Align::Min), |ui| {
        ui.set_width(width);
        add_contents(ui);
    });
}

/// The narrowest a witness's column gets (narrower, its words would break mid-word).
pub(super) const MIN_COLUMN: f32 = 170.0;

/// The width of each of `visible` witness columns in the space left. When they do not all
/// fit, those that do fill the width exactly and the others lie beyond it, to be scrolled to:
/// no column is cut at the right edge with its words clipped.
pub(super) fn column_width(ui: &Ui, visible: usize) -> f32 {
    columns_width(ui.available_width(), visible)
}

/// [`column_width`] in `width` points.
pub(super) fn columns_width(width: f32, visible: usize) -> f32 {
    let shown = visible.min(columns_that_fit(width)).max(1);
    let available = width - SEGMENT_COLUMN - (GAP + 6.0) * shown as f32 - 24.0;
    (available / shown as f32).max(MIN_COLUMN)
}

/// How many witness columns fit side by side in `width` without scrolling sideways.
pub(super) fn columns_that_fit(width: f32) -> usize {
    let fit = (width - SEGMENT_COLUMN - 24.0) / (MIN_COLUMN + GAP + 6.0);
    // Truncation is meant: a column that does not fit whole does not count.
    fit.max(1.0) as usize
}
