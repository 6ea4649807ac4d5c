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
