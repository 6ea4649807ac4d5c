//! File ▸ Restore from backup…: the backups of the reader's annotations, with what each holds
//! and how it differs from now, and a button to restore one (one undoable change).

use egui::RichText;

use crate::model::notebook::Counts;
use crate::storage::backups::{Backup, PREVIOUS_SAVE};
use crate::ui::action::{Action, AnnotationAction};

/// How a backup is named in the list: its date, or "Previous save" and its date.
fn when(backup: &Backup) -> String {
    let date = backup.written.replace('T', " ").replace('Z', " UTC");
    if backup.name == PREVIOUS_SAVE {
        crate::tr!("study-backups-previous-save", date = date)
    } else {
        date
    }
}

/// The window listing `backups` (newest first); `now` is what the notebook holds.
pub fn backups_window(
    ctx: &egui::Context,
    backups: &[Backup],
    now: Counts,
    editable: bool,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut open = true;
    egui::Window::new(crate::tr!("study-backups-title"))
        // The same id in every language (egui's default is made from the title).
        .id(egui::Id::unique("lectern-backups-window"))
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .show(ctx, |ui| {
            ui.label(crate::tr!("study-backups-about"));
            ui.add_space(6.0);
            if backups.is_empty() {
                ui.label(RichText::new(crate::tr!("study-backups-none")).weak());
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    egui::Grid::new("backups")
                        .num_columns(3)
                        .striped(true)
                        .spacing([16.0, 6.0])
                        .show(ui, |ui| {
                            for backup in backups {
                                ui.label(when(backup));
                                match &backup.counts {
                                    Ok(counts) => {
                                        ui.label(counts.beside(&now).join("\n"));
                                        let restore = Action::Annotations(
                                            AnnotationAction::RestoreBackup(backup.name.clone()),
                                        );
                                        let button = ui
                                            .add_enabled(
                                                editable,
                                                egui::Button::new(restore.label()),
                                            )
                                            .on_hover_text(restore.tooltip());
                                        if button.clicked() {
                                            actions.push(restore);
                                        }
                                    }
                                    Err(reason) => {
                                        ui.label(
                                            RichText::new(crate::tr!(
                                                "study-backups-unreadable",
                                                reason = reason
                                            ))
                                            .weak(),
                                        );
                                        ui.label("");
                                    }
                                }
                                ui.end_row();
                            }
                        });
                });
        });
    if !open {
        actions.push(Action::Annotations(AnnotationAction::CloseBackups));
    }
    actions
}
