//! Importing a text: the text read (chosen in the dialog, dropped, or handed over), its import
//! window for the reader to confirm its metadata, and keeping it in the library.

use super::ImportDraft;
use super::LecternApp;
use crate::model::text::Text;
use crate::storage::import::ImportMeta;
use crate::ui::action::Action;
use crate::ui::action::{FileAction, action_ui};
use crate::ui::desk::Placement;
use crate::ui::dialogs::ImportOutcome;
use crate::ui::dialogs::read_import_file;
use egui::RichText;

use super::files::IN_THE_LIBRARY;
use crate::ui::task::Task;

impl LecternApp {
    /// Takes a text read for import and shows it for the reader to confirm its metadata.
    pub(super) fn poll_text_import(&mut self, ctx: &egui::Context) {
        // Files dropped on the window are imported like one chosen in the dialog, one after
        // another: each gets its import window in turn.
        let dropped: Vec<std::path::PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            if !self.notebook.is_read_only() {
                self.files.dropped_files.extend(dropped);
            } else {
                self.notices.push(format!(
                    "This window is read-only, so the {} dropped was not imported.",
                    if dropped.len() == 1 { "file" } else { "files" }
                ));
            }
        }
        if self.files.pending_text_import.is_none()
            && self.files.import_draft.is_none()
            && self.editable()
            && let Some(path) = self.files.dropped_files.pop_front()
        {
            self.files.pending_text_import = Some(read_import_file(path, ctx));
        }

        let Some(outcome) = Task::poll(&mut self.files.pending_text_import, || {
            ImportOutcome::Failed("The import stopped unexpectedly.".into())
        }) else {
            return;
        };
        match outcome {
            ImportOutcome::Cancelled => {}
            ImportOutcome::Failed(message) => self.notices.push(message),
            ImportOutcome::Read(text, encoding) => {
                let meta = text.meta();
                self.files.import_draft = Some(ImportDraft {
                    meta: ImportMeta {
                        title: meta.title.clone(),
                        author: meta.known_author().unwrap_or_default().to_owned(),
                        date: meta.date.clone(),
                        language: meta.language.clone(),
                        source: meta.source.clone(),
                    },
                    text,
                    encoding,
                    error: None,
                });
            }
        }
    }

    /// Keeps the confirmed import in the profile and the library, opens it, and re-anchors
    /// the annotations of an earlier import of the same file.
    pub(super) fn confirm_import(&mut self) {
        if !self.editable() {
            return;
        }
        let Some(draft) = &mut self.files.import_draft else {
            return;
        };
        let text = match crate::storage::import::with_meta(&draft.text, &draft.meta) {
            Ok(text) => text,
            Err(e) => {
                draft.error = Some(e);
                return;
            }
        };
        let encoding = draft.encoding;
        match self.keep_import(text, encoding) {
            Ok((_, said)) => {
                self.files.import_draft = None;
                self.notices.push(said);
            }
            Err(e) => {
                if let Some(draft) = &mut self.files.import_draft {
                    draft.error = Some(e);
                }
            }
        }
    }

    /// Keeps `text` (read in `encoding`) in the profile and the library as an import, places it
    /// by the one rule ([`Self::bring_in`]), and re-anchors the annotations of an earlier import
    /// of the same file: the window's import, whether the reader confirmed it here or
    /// `lectern import` handed it over. Returns the text's id and what to tell the reader.
    pub(super) fn keep_import(
        &mut self,
        text: Text,
        encoding: &str,
    ) -> Result<(crate::model::text::TextId, String), String> {
        let Some(profile) = self.session.profile.clone() else {
            return Err("No profile folder is open, so nothing can be imported.".to_owned());
        };
        let path = crate::storage::import::imported_path(&profile, text.id());
        if let Some(dir) = path.parent()
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            return Err(format!("{} could not be created: {e}", dir.display()));
        }
        let replaced = self.library.get(text.id()).is_some();
        self.session
            .saver
            .save(path, crate::storage::import::file_bytes(&text));
        let (id, title) = (text.id().to_owned(), text.meta().title.clone());
        self.library.insert_or_replace(text);
        if let Some(text) = self.library.get(&id).cloned() {
            for index in 0..self.desk.panes().len() {
                if let Some(pane) = self.desk.pane_mut(index)
                    && pane.text.id() == id
                {
                    pane.text = text.clone();
                }
            }
        }
        let report = self.notebook.reanchor_text(&self.library, &id);
        let annotations = if replaced && report.annotations > 0 {
            format!(" {}", report.summary())
        } else {
            String::new()
        };
        // The text is back, if it had been taken out: that banner is over.
        self.files.removed_texts.retain(|t| t.id() != id);
        // Placed by the one rule of every way in: a pane of its own, never over another.
        let (_, place) = self.bring_in(&id);
        let said = format!(
            "{} “{title}” ({encoding}) into the library and your profile; {place}.{annotations}",
            if replaced { "Re-imported" } else { "Imported" },
        );
        Ok((id, said))
    }

    /// Puts the text `id` of the library where the one rule of every way in puts it
    /// ([`crate::ui::desk::Desk::placement`]: the pane showing it, else a pane of its own while
    /// there is one, else it waits in the library), and says where, in words that follow "it"
    /// ("it is open in pane 2, beside …").
    pub(super) fn bring_in(&mut self, id: &str) -> (Placement, String) {
        let Some(text) = self.library.get(id).cloned() else {
            return (Placement::InLibrary, "it is not in the library".to_owned());
        };
        let placement = self.desk.place(text);
        let words = match placement {
            Placement::AlreadyOpen(index) => format!("it is open in pane {}", index + 1),
            Placement::First => "it is open".to_owned(),
            Placement::Beside(beside) => {
                let title = self
                    .desk
                    .panes()
                    .get(beside)
                    .map(|p| p.text.meta().title.clone())
                    .unwrap_or_default();
                format!(
                    "it is open in pane {}, beside “{title}”",
                    self.desk.active() + 1
                )
            }
            Placement::InLibrary => IN_THE_LIBRARY.to_owned(),
        };
        (placement, words)
    }

    pub(super) fn import_window(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(draft) = &mut self.files.import_draft else {
            return actions;
        };
        let mut open = true;
        egui::Window::new("Import a text")
            .open(&mut open)
            .collapsible(false)
            .default_width(460.0)
            .show(ctx, |ui| {
                ui.label(format!(
                    "{}, read as {}. Check what the file says of itself:",
                    crate::storage::import::extent(&draft.text),
                    draft.encoding
                ));
                egui::Grid::new("import-meta")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for (name, field) in [
                            ("Title", &mut draft.meta.title),
                            ("Author", &mut draft.meta.author),
                            ("Date (YYYY, YYYY-MM or YYYY-MM-DD)", &mut draft.meta.date),
                            ("Language (en, ru, ka …)", &mut draft.meta.language),
                            ("Source", &mut draft.meta.source),
                        ] {
                            let label = ui.label(name);
                            ui.add(egui::TextEdit::singleline(field).desired_width(260.0))
                                .labelled_by(label.id);
                            ui.end_row();
                        }
                    });
                let preview: String = draft.text.content().chars().take(240).collect();
                ui.label(RichText::new(format!("{preview}…")).weak().small());
                if let Some(error) = &draft.error {
                    ui.colored_label(ui.visuals().warn_fg_color, error);
                }
                ui.horizontal(|ui| {
                    actions.extend(action_ui(ui, FileAction::ConfirmImport, true));
                    actions.extend(action_ui(ui, FileAction::CancelImport, true));
                });
            });
        if !open {
            actions.push(Action::Files(FileAction::CancelImport));
        }
        actions
    }
}
