//! Files in and out: importing annotations, dropped files, exports and Open file (a text is
//! imported in `text_import`).

use super::ImportDraft;
use super::LecternApp;
use crate::model::annotation_export::Scope;
use crate::model::text::Text;
use crate::ui::action::AnnotationFormat;
use crate::ui::dialogs::FileDialogs;
use crate::ui::dialogs::ImportOutcome;
use crate::ui::dialogs::OpenOutcome;
use crate::ui::dialogs::ReadOutcome;
use crate::ui::dialogs::SaveOutcome;
use crate::ui::dialogs::pick_import_file;
use crate::ui::dialogs::read_annotations_file;
use crate::ui::dialogs::save_file;
use std::collections::HashSet;
use std::sync::Arc;

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
    pub(super) session_ids: HashSet<crate::model::text::TextId>,
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
    /// A reference file being read for the import window.
    pub(super) pending_reference: Option<Task<ReadOutcome>>,
}

impl Files {
    /// Nothing under way, with these dialogs and session texts.
    pub(super) fn new(
        dialogs: Arc<dyn FileDialogs>,
        session_ids: HashSet<crate::model::text::TextId>,
    ) -> Self {
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
            pending_reference: None,
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
            .filter(|a| only.as_ref().is_none_or(|id| a.text_id == id))
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
                .push(crate::tr!("app-text-not-put-back", error = e.to_string())),
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
            self.notices
                .push(crate::tr!("app-text-not-removed", error = e.to_string()));
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
                crate::tr!("app-export-dialog-title"),
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
            Err(crate::tr!("app-drawing-stopped"))
        });
        if let Some(drawn) = drawn
            && let Some(state) = &mut self.comparison
        {
            match drawn {
                Ok(picture) => {
                    let name = crate::ui::export_file_name(&state.comparison().title, "png");
                    state.set_message(picture.left_out.clone());
                    self.files.picture_left_out = picture.left_out;
                    self.start_export(picture.png, name, ctx);
                }
                Err(e) => state.set_message(Some(crate::tr!("app-no-image", error = e))),
            }
        }
        let Some(outcome) = Task::poll(&mut self.files.pending_export, || {
            SaveOutcome::Failed(crate::tr!("app-export-stopped"))
        }) else {
            return;
        };
        let left_out = self.files.picture_left_out.take();
        let message = match outcome {
            SaveOutcome::Cancelled => return,
            SaveOutcome::Saved(path) => {
                let path = path.display().to_string();
                match left_out {
                    Some(left_out) => {
                        crate::tr!("app-exported-to-left-out", path = path, left_out = left_out)
                    }
                    None => crate::tr!("app-exported-to", path = path),
                }
            }
            SaveOutcome::Failed(e) => crate::tr!("app-export-failed", error = e),
        };
        if let Some(state) = &mut self.comparison {
            state.set_message(Some(message));
        } else {
            self.notices.push(message);
        }
    }

    /// Adds the annotations of an imported W3C file (one undoable step) and says what came
    /// of it.
    pub(super) fn poll_import(&mut self) {
        let Some(outcome) = Task::poll(&mut self.files.pending_import, || {
            ReadOutcome::Failed(crate::tr!("app-import-stopped"))
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
            Err(ImportError::W3c(e)) => {
                let error = e.to_string();
                let said = crate::tr!("app-nothing-imported-file-has", error = error);
                self.notices.push(said);
            }
            Err(ImportError::Archive(e)) => self
                .notices
                .push(crate::tr!("app-nothing-imported", error = e.to_string())),
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
        let (content, _) = crate::model::annotation_export::export_notebook_cited(
            &self.notebook,
            &self.library,
            (format, self.view.citation_style()),
            scope,
            |a| wanted.contains(a.annotation_id.as_str()),
        );
        let name = format!("{name}.{}", format.extension());
        self.start_export(content.into_bytes(), name, ctx);
    }

    /// Exports the notes as a PDF to print (what the Markdown export holds), through the save
    /// dialog.
    pub(super) fn print_notes(&mut self, ctx: &egui::Context) {
        let printed = crate::model::annotation_export::export_notes_pdf(
            &self.notebook,
            &self.library,
            self.view.citation_style(),
            Scope::Notebook,
            |_| true,
        );
        match printed {
            Ok((pdf, _)) => self.start_export(pdf, "lectern-notes.pdf".to_owned(), ctx),
            Err(e) => self.notices.push(e.to_string()),
        }
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
            crate::tr!("app-drop-read-only")
        } else if names.len() == 1 {
            crate::tr!("app-drop-one", name = &names[0])
        } else {
            crate::tr!("app-drop-many", count = count)
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
    pub(super) fn poll_open_file(&mut self, ctx: &egui::Context) {
        let Some(outcome) = Task::poll(&mut self.files.pending_open, || {
            OpenOutcome::Failed(crate::tr!("app-file-dialog-closed"))
        }) else {
            return;
        };
        match outcome {
            OpenOutcome::Cancelled => {}
            OpenOutcome::Failed(message) => self.notices.push(message),
            OpenOutcome::Opened(text) => {
                self.open_session_text(*text);
            }
            // A TEI collation opens as a collation, its witnesses collated again.
            OpenOutcome::Collation { title, witnesses } => {
                self.collation.open_witnesses(title, witnesses, ctx);
            }
        }
    }

    /// Whether "Open file…" is waiting for the dialog or the file.
    pub fn is_opening_file(&self) -> bool {
        self.files.pending_open.is_some()
    }
}
