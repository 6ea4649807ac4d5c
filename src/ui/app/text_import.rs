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

use crate::ui::task::Task;

/// Where the one rule of every way in put a text ([`LecternApp::bring_in`]), to be said in
/// words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Placed {
    /// The text is not in the library.
    NotInLibrary,
    /// It was open already, in this pane (counted from 1).
    AlreadyOpen(usize),
    /// It is open in the only pane.
    First,
    /// It is open in this pane (counted from 1), beside the text of this title.
    Beside(usize, String),
    /// Every pane is in use: it waits in the library (the desk is never taken over without
    /// asking).
    InLibrary,
}

impl Placed {
    /// Where the text went, said of "it": "it is open in pane 2, beside “…”".
    pub(super) fn it(&self) -> String {
        match self {
            Self::NotInLibrary => crate::tr!("app-it-not-in-library"),
            Self::AlreadyOpen(pane) => crate::tr!("app-it-open-in-pane", pane = *pane),
            Self::First => crate::tr!("app-it-open"),
            Self::Beside(pane, beside) => {
                crate::tr!("app-it-open-beside", pane = *pane, beside = beside)
            }
            Self::InLibrary => crate::tr!("app-it-in-library"),
        }
    }

    /// Where the text `title` went: "“draft” is open in pane 2, beside “…”".
    pub(super) fn of(&self, title: &str) -> String {
        match self {
            Self::NotInLibrary => crate::tr!("app-titled-not-in-library", title = title),
            Self::AlreadyOpen(pane) => {
                crate::tr!("app-titled-open-in-pane", title = title, pane = *pane)
            }
            Self::First => crate::tr!("app-titled-open", title = title),
            Self::Beside(pane, by) => {
                let (t, n) = (title, *pane);
                crate::tr!("app-titled-open-beside", title = t, pane = n, beside = by)
            }
            Self::InLibrary => crate::tr!("app-titled-in-library", title = title),
        }
    }
}

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
                self.notices
                    .push(crate::tr!("app-dropped-read-only", count = dropped.len()));
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
            ImportOutcome::Failed(crate::tr!("app-import-stopped"))
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
                        translator: meta.translator.clone().unwrap_or_default(),
                        reference: meta.reference.clone().unwrap_or_default(),
                        url: meta.url.clone().unwrap_or_default(),
                    },
                    text,
                    encoding,
                    error: None,
                    reference_source: String::new(),
                    reference_said: None,
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
            return Err(crate::tr!("app-no-profile-to-import"));
        };
        let path = crate::storage::import::imported_path(&profile, text.id());
        if let Some(dir) = path.parent()
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            let (folder, error) = (dir.display().to_string(), e.to_string());
            let said = crate::tr!("app-folder-not-created", folder = folder, error = error);
            return Err(said);
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
        let annotations = (replaced && report.annotations > 0).then(|| report.summary());
        // The text is back, if it had been taken out: that banner is over.
        self.files.removed_texts.retain(|t| t.id() != id);
        // Placed by the one rule of every way in: a pane of its own, never over another.
        let place = self.bring_in(&id).it();
        let (t, e, p) = (title, encoding, place);
        let said = if replaced {
            crate::tr!("app-reimported", title = t, encoding = e, place = p)
        } else {
            crate::tr!("app-imported", title = t, encoding = e, place = p)
        };
        let said = match annotations {
            // Two sentences: what was imported, and what became of the annotations.
            Some(annotations) => format!("{said} {annotations}"),
            None => said,
        };
        Ok((id, said))
    }

    /// Puts the text `id` of the library where the one rule of every way in puts it
    /// ([`crate::ui::desk::Desk::placement`]: the pane showing it, else a pane of its own while
    /// there is one, else it waits in the library), and says where ([`Placed`]).
    pub(super) fn bring_in(&mut self, id: &str) -> Placed {
        let Some(text) = self.library.get(id).cloned() else {
            return Placed::NotInLibrary;
        };
        match self.desk.place(text) {
            Placement::AlreadyOpen(index) => Placed::AlreadyOpen(index + 1),
            Placement::First => Placed::First,
            Placement::Beside(beside) => {
                let title = self
                    .desk
                    .panes()
                    .get(beside)
                    .map(|p| p.text.meta().title.clone())
                    .unwrap_or_default();
                Placed::Beside(self.desk.active() + 1, title)
            }
            Placement::InLibrary => Placed::InLibrary,
        }
    }

    /// Fills the import window's fields from the reference pasted into it or read from a file
    /// (CSL-JSON or BibTeX): the entry of the text's title, else the first; says which.
    pub(super) fn fill_import_from_reference(&mut self) {
        let Some(draft) = &mut self.files.import_draft else {
            return;
        };
        use crate::formats::references::{likeliest, read_any};
        draft.reference_said = Some(match read_any(&draft.reference_source) {
            Err(why) => crate::tr!("app-import-reference-unreadable", error = why),
            Ok(entries) => match likeliest(&entries, &draft.meta.title) {
                None => crate::tr!("app-import-reference-empty"),
                Some(entry) => {
                    draft.meta.take_from(entry);
                    let (title, count) = (entry.title.clone(), entries.len());
                    crate::tr!("app-import-reference-taken", title = title, count = count)
                }
            },
        });
    }

    /// Asks for a reference file (CSL-JSON or BibTeX) for the import window, off the UI thread.
    pub(super) fn choose_import_reference(&mut self, ctx: &egui::Context) {
        if self.files.pending_reference.is_none() && self.files.import_draft.is_some() {
            self.files.pending_reference = Some(crate::ui::dialogs::read_reference_file(
                self.files.dialogs.clone(),
                ctx,
            ));
        }
    }

    /// Takes the reference file read for the import window: its text goes into the window's
    /// reference field, and the fields are filled from it.
    pub(super) fn poll_import_reference(&mut self) {
        let Some(outcome) = Task::poll(&mut self.files.pending_reference, || {
            crate::ui::dialogs::ReadOutcome::Failed(crate::tr!("app-import-stopped"))
        }) else {
            return;
        };
        let Some(draft) = &mut self.files.import_draft else {
            return;
        };
        match outcome {
            crate::ui::dialogs::ReadOutcome::Cancelled => {}
            crate::ui::dialogs::ReadOutcome::Failed(why) => draft.reference_said = Some(why),
            crate::ui::dialogs::ReadOutcome::Read(source) => {
                draft.reference_source = source;
                self.fill_import_from_reference();
            }
        }
    }

    pub(super) fn import_window(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(draft) = &mut self.files.import_draft else {
            return actions;
        };
        let mut open = true;
        egui::Window::new(crate::tr!("app-import-window"))
            // The same window in every language, whatever its title.
            .id(egui::Id::unique("lectern-import-window"))
            .open(&mut open)
            .collapsible(false)
            .default_width(460.0)
            .show(ctx, |ui| {
                let (extent, encoding) =
                    (crate::storage::import::extent(&draft.text), draft.encoding);
                let said = crate::tr!("app-import-read-as", extent = extent, encoding = encoding);
                ui.label(said);
                egui::Grid::new("import-meta")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for (name, field) in [
                            (crate::tr!("app-import-title"), &mut draft.meta.title),
                            (crate::tr!("app-import-author"), &mut draft.meta.author),
                            (crate::tr!("app-import-date"), &mut draft.meta.date),
                            (crate::tr!("app-import-language"), &mut draft.meta.language),
                            (crate::tr!("app-import-source"), &mut draft.meta.source),
                            (
                                crate::tr!("app-import-translator"),
                                &mut draft.meta.translator,
                            ),
                            (
                                crate::tr!("app-import-reference"),
                                &mut draft.meta.reference,
                            ),
                            (crate::tr!("app-import-url"), &mut draft.meta.url),
                        ] {
                            let label = ui.label(name);
                            ui.add(egui::TextEdit::singleline(field).desired_width(260.0))
                                .labelled_by(label.id);
                            ui.end_row();
                        }
                    });
                egui::CollapsingHeader::new(crate::tr!("app-import-from-reference"))
                    .id_salt("import-from-reference")
                    .default_open(!draft.reference_source.is_empty())
                    .show(ui, |ui| {
                        let label = ui.label(crate::tr!("app-import-reference-source"));
                        ui.add(
                            egui::TextEdit::multiline(&mut draft.reference_source)
                                .desired_rows(3)
                                .desired_width(f32::INFINITY)
                                .hint_text(crate::tr!("app-import-reference-hint")),
                        )
                        .labelled_by(label.id);
                        ui.horizontal(|ui| {
                            let filled = !draft.reference_source.trim().is_empty();
                            actions.extend(action_ui(
                                ui,
                                FileAction::FillImportFromReference,
                                filled,
                            ));
                            actions.extend(action_ui(ui, FileAction::ChooseImportReference, true));
                        });
                        if let Some(said) = &draft.reference_said {
                            ui.label(RichText::new(said).small());
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
