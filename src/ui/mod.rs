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
pub mod groups_view;
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

/// The source of a study entry as shown: the reader's own entries say "The reader" in the
/// files (what the reader entered, kept as it was), and the interface's words for it here.
pub(crate) fn source_shown(source: &str) -> String {
    if source == "The reader" {
        crate::tr!("study-source-the-reader")
    } else {
        source.to_owned()
    }
}

/// Where a study window (People and places, the timeline, terms across translations) opens:
/// at the foot of the window's right side, at most `height` points and never more than
/// half the window tall, so that the passage it opens in a pane (brought into view near
/// the pane's top) is not under it. It has no collapsed state to lie over the comparison's
/// title; it closes with its ×. When it has opened a comparison (docked at the foot of the
/// desk) it stands at the head of the window instead, and back at the foot when it opens a
/// passage again (see [`keep_study_window_clear`]).
/// `key` names the window whatever the language of its `title`, so that it keeps its place
/// when the reader changes the language.
pub(crate) fn study_window<'open>(
    key: &'static str,
    title: &str,
    ctx: &egui::Context,
    (width, height): (f32, f32),
) -> egui::Window<'open> {
    let screen = ctx.content_rect();
    let head = ctx.data(|d| d.get_temp::<bool>(at_head(key))) == Some(true);
    // A window of its own at each place, so that each opens where it should.
    let (pivot, pos) = if head {
        (
            egui::Align2::RIGHT_TOP,
            screen.right_top() + egui::vec2(-12.0, 30.0),
        )
    } else {
        (
            egui::Align2::RIGHT_BOTTOM,
            screen.right_bottom() - egui::vec2(12.0, 34.0),
        )
    };
    egui::Window::new(title.to_owned())
        .id(egui::Id::unique(("lectern-study-window", key, head)))
        .collapsible(false)
        .pivot(pivot)
        .default_pos(pos)
        .default_width(width.min(screen.width() - 40.0))
        .default_height(height.min(screen.height() * 0.5))
}

/// Whether study window `key` stands at the head of the window (else at its foot).
fn at_head(key: &str) -> egui::Id {
    egui::Id::unique(("lectern-study-window-at-head", key))
}

/// Moves study window `key` clear of what `actions` (what the reader did in it) open: to
/// the head of the window when they open a comparison that `docks` below the texts, to its
/// foot when they open a text (or a comparison that fills the window, whose title and
/// toolbar are at its head).
pub(crate) fn keep_study_window_clear(
    ctx: &egui::Context,
    key: &'static str,
    actions: &[action::Action],
    docks: bool,
) {
    use action::{Action, ComparisonAction, DeskAction, SearchAction};
    let head = actions.iter().rev().find_map(|action| match action {
        Action::Comparison(
            ComparisonAction::OpenComparison(_) | ComparisonAction::OpenComparisonAt { .. },
        ) => Some(docks),
        // Closed, it opens at the foot again.
        Action::Search(
            SearchAction::OpenSearchHit { .. }
            | SearchAction::CloseIndex
            | SearchAction::CloseTimeline,
        )
        | Action::Desk(DeskAction::OpenText { .. }) => Some(false),
        _ => None,
    });
    if let Some(head) = head {
        ctx.data_mut(|d| d.insert_temp(at_head(key), head));
        ctx.request_repaint();
    }
}
