//! The eframe/egui views over the model. Views read the model and return [`action::Action`]s;
//! [`app::LecternApp`] applies them.

pub mod action;
pub mod annotations_view;
pub mod app;
pub mod backups_view;
pub mod collation_view;
pub mod compare_view;
pub mod desk;
pub mod dialogs;
pub mod glossary_view;
pub mod index_view;
pub mod info_view;
pub mod library_view;
pub mod raster;
pub mod reader;
pub mod search_view;
pub mod task;
pub mod theme;
pub mod timeline_view;
pub mod welcome;

/// A file name for an export from a title: letters, digits and dashes, then `extension`.
pub(crate) fn export_file_name(title: &str, extension: &str) -> String {
    let name: String = crate::model::text::slug(title, char::is_alphanumeric)
        .chars()
        .take(60)
        .collect();
    let name = name.trim_end_matches('-');
    format!(
        "{}.{extension}",
        if name.is_empty() { "comparison" } else { name }
    )
}

/// Where a study window (People and places, the timeline, terms across translations) opens:
/// at the foot of the window's right side, at most `height` points and never more than
/// half the window tall, so that the passage it opens in a pane (brought into view near
/// the pane's top) is not under it. It has no collapsed state to lie over the comparison's
/// title; it closes with its ×.
pub(crate) fn study_window<'open>(
    window: egui::Window<'open>,
    ctx: &egui::Context,
    (width, height): (f32, f32),
) -> egui::Window<'open> {
    let screen = ctx.content_rect();
    window
        .collapsible(false)
        .pivot(egui::Align2::RIGHT_BOTTOM)
        .default_pos(screen.right_bottom() - egui::vec2(12.0, 34.0))
        .default_width(width.min(screen.width() - 40.0))
        .default_height(height.min(screen.height() * 0.5))
}
