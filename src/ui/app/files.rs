//! Files in and out: importing texts and annotations (dialogs, dropped files, the import window), exports, Open file.

use super::ImportDraft;
use super::LecternApp;
use super::comparisons::file_name;
use crate::model::annotation_export::Scope;
use crate::model::text::Text;
use crate::storage::import::ImportMeta;
use crate::ui::action::Action;
use crate::ui::action::AnnotationFormat;
use crate::ui::action::{FileAction, action_ui};
use crate::ui::desk::Placement;
use crate::ui::dialogs::FileDialogs;
use crate::ui::dialogs::ImportOutcome;
use crate::ui::dialogs::OpenOutcome;
use crate::ui::dialogs::ReadOutcome;
use crate::ui::dialogs::SaveOutcome;
use crate::ui::dialogs::pick_import_file;
use crate::ui::dialogs::read_annotations_file;
use crate::ui::dialogs::read_import_file;
use crate::ui::dialogs::save_file;
use egui::RichText;
use std::collections::HashSet;
use std::sync::Arc;

/// Where a text goes when every pane is in use (the desk is never taken over without asking).
pub(super) const IN_THE_LIBRARY: &str = "it is in the library: all three panes are in use";
use crate::ui::task::Task;

/// Imports and exports under way, and the file dialogs they use.
pub struct Files {
    /// Files dropped on the window, waiting to be imported one after another.
    pub dropped_files: std::collections::VecDeque<std::path::PathBuf>,
    /// Imported texts removed in this session, last last (for undo).
    pub removed_texts: Vec<Arc<Text>>,
    /// A text read for import, waiting for the reader to confirm its metadata.
    pub import_draft: Option<ImportDraft>,
    /// The path typed into the import window (on a desktop with no file dialog), what was
    /// wrong with the last one tried, and whether the field still has to take the keyboard.
    pub import_path: Option<(String, Option<String>, bool)>,
    /// Texts opened from files for this session only (not saved with the reading state).
    pub(super) session_ids: HashSet<String>,
    pub(super) dialogs: Arc<dyn FileDialogs>,
    pub(super) pending_open: Option<Task<OpenOutcome>>,
    pub(super) pending_export: Option<Task<SaveOutcome>>,
    /// The comparison's picture being drawn for a PNG export (off the UI thread).
    pub(super) pending_picture: Option<Task<Result<crate::ui::compare_view::Picture, String>>>,
    /// What the picture being exported left out, said again once it is saved.
    pub(super) picture_left_out: Option<String>,
    pub(super) pending_import: Option<Task<ReadOutcome>>,
    /// The backups being listed (each is read and checked, off the UI thread).
    pub(super) pending_backups: Option<Task<Vec<crate::storage::backups::Backup>>>,
    pub(super) pending_text_import: Option<Task<ImportOutcome>>,
}

impl Files {
    /// Nothing under way, with these dialogs and session texts.
    pub(super) fn new(dialogs: Arc<dyn FileDialogs>, session_ids: HashSet<String>) -> Self {
        Self {
            dropped_files: std::collections::VecDeque::new(),
            removed_texts: Vec::new(),
            import_draft: None,
            import_path: None,
            session_ids,
            dialogs,
            pending_open: None,
            pending_export: None,
            pending_picture: None,
            picture_left_out: None,
            pending_import: None,
            pending_backups: None,
            pending_text_import: None,
        }
    }
}

impl LecternApp {
    /// Asks for a text file to import (File ▸ Import text…), off the UI thread.
    pub(super) fn start_text_import(&mut self, ctx: &egui::Context) {
        if !self.files.dialogs.available() {
            // No file dialog on this desktop: the reader types the file's path.
            if self.editable() && self.files.import_path.is_none() {
                self.files.import_path = Some((String::new(), None, true));
            }
            return;
        }
        if self.files.pending_text_import.is_none() && self.editable() {
            self.files.pending_text_import =
                Some(pick_import_file(self.files.dialogs.clone(), ctx));
        }
    }

    /// Asks for a W3C annotations file to import, off the UI thread.
    pub(super) fn start_annotations_import(&mut self, ctx: &egui::Context) {
        if self.files.pending_import.is_none() && self.editable() {
            self.files.pending_import =
                Some(read_annotations_file(self.files.dialogs.clone(), ctx));
        }
    }

    /// Exports the annotations of all texts, or of the text in the active pane.
    pub(super) fn export_all_annotations(
        &mut self,
        format: AnnotationFormat,
        current_text_only: bool,
        ctx: &egui::Context,
    ) {
        let only = current_text_only
            .then(|| self.desk.active_pane().map(|p| p.text.id().to_owned()))
            .flatten();
        let ids: Vec<String> = self
            .notebook
            .annotations()
            .live()
            .iter()
            .filter(|a| only.as_ref().is_none_or(|id| &a.text_id == id))
            .map(|a| a.annotation_id.clone())
            .collect();
        let name = match &only {
            Some(id) => format!("lectern-annotations-{id}"),
            None => "lectern-annotations".to_owned(),
        };
        let scope = if only.is_some() {
            Scope::Annotations
        } else {
            Scope::Notebook
        };
        self.export_annotations(format, scope, &ids, &name, ctx);
    }

    /// Puts the last removed text back.
    pub(super) fn undo_remove_imported(&mut self) {
        let (Some(profile), Some(text)) =
            (self.session.profile.clone(), self.files.removed_texts.pop())
        else {
            return;
        };
        match crate::storage::import::restore_import(&profile, text.id()) {
            Ok(()) => {
                self.library.insert_or_replace((*text).clone());
                self.reanchor();
            }
            Err(e) => self
                .notices
                .push(format!("The text could not be put back: {e}.")),
        }
    }

    /// Takes an imported text out of the library (its file is kept aside; the removal can be undone).
    pub(super) fn remove_imported(&mut self, text_id: &str) {
        if !self.editable() {
            return;
        }
        let Some(profile) = self.session.profile.clone() else {
            return;
        };
        // The import's file may still be queued for writing: moving it before it is
        // written would fail, and a later write would bring the text back.
        self.session.saver.flush();
        if let Err(e) = crate::storage::import::remove_import(&profile, text_id) {
            self.notices.push(format!("The text was not removed: {e}."));
            return;
        }
        while let Some(index) = self
            .desk
            .panes()
            .iter()
            .position(|p| p.text.id() == text_id)
        {
            self.desk.close(index);
        }
        if let Some(text) = self.library.remove(text_id) {
            self.files.removed_texts.push(text);
        }
        self.reanchor();
    }

    pub(super) fn start_export(&mut self, bytes: Vec<u8>, name: String, ctx: &egui::Context) {
        if self.files.pending_export.is_none() {
            // Without a file dialog on this desktop, exports go to the profile's exports folder.
            let fallback = self
                .session
                .profile
                .as_ref()
                .map(|p| p.dir().join("exports"));
            self.files.pending_export = Some(save_file(
                self.files.dialogs.clone(),
                ctx,
                "Export the comparison".into(),
                name,
                bytes,
                fallback,
            ));
        }
    }

    /// Takes the comparison's picture once drawn (and starts saving it), and the outcome of an
    /// export.
    pub(super) fn poll_export(&mut self, ctx: &egui::Context) {
        let drawn = Task::poll(&mut self.files.pending_picture, || {
            Err("the drawing stopped unexpectedly".into())
        });
        if let Some(drawn) = drawn
            && let Some(state) = &mut self.comparison
        {
            match drawn {
                Ok(picture) => {
                    let name = file_name(&state.comparison.title, "png");
                    state.message.clone_from(&picture.left_out);
                    self.files.picture_left_out = picture.left_out;
                    self.start_export(picture.png, name, ctx);
                }
                Err(e) => state.message = Some(format!("No image was made: {e}.")),
            }
        }
        let Some(outcome) = Task::poll(&mut self.files.pending_export, || {
            SaveOutcome::Failed("the export stopped".into())
        }) else {
            return;
        };
        let left_out = self.files.picture_left_out.take();
        let message = match outcome {
            SaveOutcome::Cancelled => return,
            SaveOutcome::Saved(path) => match left_out {
                Some(left_out) => format!("Exported to {}. {left_out}", path.display()),
                None => format!("Exported to {}.", path.display()),
            },
            SaveOutcome::Failed(e) => format!("The export failed: {e}."),
        };
        if let Some(state) = &mut self.comparison {
            state.message = Some(message);
        } else {
            self.notices.push(message);
        }
    }

    /// Adds the annotations of an imported W3C file (one undoable step) and says what came
    /// of it.
    pub(super) fn poll_import(&mut self) {
        let Some(outcome) = Task::poll(&mut self.files.pending_import, || {
            ReadOutcome::Failed("The import stopped unexpectedly.".into())
        }) else {
            return;
        };
        let json = match outcome {
            ReadOutcome::Cancelled => return,
            ReadOutcome::Failed(message) => {
                self.notices.push(message);
                return;
            }
            ReadOutcome::Read(json) => json,
        };
        use crate::model::notebook_import::{ImportError, import_file};
        match import_file(&mut self.notebook, &json, &self.library) {
            Ok(summary) => self.notices.push(summary),
            Err(ImportError::W3c(e)) => self
                .notices
                .push(format!("Nothing was imported: the file has {e}.")),
            Err(ImportError::Archive(e)) => {
                self.notices.push(format!("Nothing was imported: {e}."))
            }
            Err(ImportError::ReadOnly) => {
                self.editable();
            }
        }
    }

    /// Exports the annotations `ids` as `format` (with every other kind of the reader's work
    /// for [`Scope::Notebook`]), through the save dialog.
    pub(super) fn export_annotations(
        &mut self,
        format: AnnotationFormat,
        scope: Scope,
        ids: &[String],
        name: &str,
        ctx: &egui::Context,
    ) {
        let wanted: HashSet<&str> = ids.iter().map(String::as_str).collect();
        let (content, _) = crate::model::annotation_export::export_notebook(
            &self.notebook,
            &self.library,
            format,
            scope,
            |a| wanted.contains(a.annotation_id.as_str()),
        );
        let name = format!("{name}.{}", format.extension());
        self.start_export(content.into_bytes(), name, ctx);
    }

    /// After an import window closes: a frame soon, to start on the next dropped file.
    pub(super) fn next_dropped_file(&self, ctx: &egui::Context) {
        if self.files.import_draft.is_none() && !self.files.dropped_files.is_empty() {
            ctx.request_repaint();
        }
    }

    /// While files are dragged over the window: what dropping them will do.
    pub(super) fn drop_hint(&self, ctx: &egui::Context) {
        let (count, names): (usize, Vec<String>) = ctx.input(|i| {
            let files = &i.raw.hovered_files;
            let names = files
                .iter()
                .filter_map(|f| f.path.as_ref()?.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect();
            (files.len(), names)
        });
        if count == 0 {
            return;
        }
        let message = if self.notebook.is_read_only() {
            "This window is read-only: dropped files are not imported".to_owned()
        } else if names.len() == 1 {
            format!("Drop to import “{}” into your library", names[0])
        } else {
            format!("Drop to import {count} files into your library, one after another")
        };
        let screen = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("lectern-drop-hint"),
        ));
        let visuals = ctx.global_style().visuals.clone();
        painter.rect_filled(screen, 0.0, visuals.extreme_bg_color.gamma_multiply(0.85));
        painter.rect_stroke(
            screen.shrink(12.0),
            8.0,
            egui::Stroke::new(2.0, visuals.selection.stroke.color),
            egui::StrokeKind::Inside,
        );
        // A label (not painted text), so that screen readers say it too.
        egui::Area::new(egui::Id::unique("lectern-drop-hint-text"))
            .order(egui::Order::Tooltip)
            .fixed_pos(screen.center())
            .pivot(egui::Align2::CENTER_CENTER)
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style())
                    .inner_margin(egui::Margin::symmetric(28, 18))
                    .show(ui, |ui| {
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(message)
                                    .size(22.0)
                                    .color(visuals.strong_text_color()),
                            )
                            .wrap_mode(egui::TextWrapMode::Extend),
                        );
                    });
            });
    }

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
    ) -> Result<(String, String), String> {
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
                    actions.extend(action_ui(
                        ui,
                        Action::Files(FileAction::ConfirmImport),
                        true,
                    ));
                    actions.extend(action_ui(ui, Action::Files(FileAction::CancelImport), true));
                });
            });
        if !open {
            actions.push(Action::Files(FileAction::CancelImport));
        }
        actions
    }

    /// Whether an import of a text is waiting for its dialog or disk.
    pub fn is_importing_text(&self) -> bool {
        self.files.pending_text_import.is_some()
    }

    /// Whether an import of annotations is waiting for its dialog or disk.
    pub fn is_importing(&self) -> bool {
        self.files.pending_import.is_some()
    }

    /// Whether an export is waiting for its dialog or disk.
    pub fn is_exporting(&self) -> bool {
        self.files.pending_export.is_some() || self.files.pending_picture.is_some()
    }

    /// Takes the result of "Open file…" once the worker thread has it.
    pub(super) fn poll_open_file(&mut self) {
        let Some(outcome) = Task::poll(&mut self.files.pending_open, || {
            OpenOutcome::Failed("The file dialog closed unexpectedly; nothing was opened.".into())
        }) else {
            return;
        };
        match outcome {
            OpenOutcome::Cancelled => {}
            OpenOutcome::Failed(message) => self.notices.push(message),
            OpenOutcome::Opened(text) => {
                self.open_session_text(*text);
            }
        }
    }

    /// Whether "Open file…" is waiting for the dialog or the file.
    pub fn is_opening_file(&self) -> bool {
        self.files.pending_open.is_some()
    }
}
