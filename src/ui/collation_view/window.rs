//! A window of its own for `lectern collate --window`: the witnesses are collated off the UI
//! thread (the first frame says so at once) and then shown in the collation view. It holds no
//! profile and changes nothing: a collation is read, not edited. Export TEI… asks where to
//! save the collation, through the desktop's file dialog.

use egui::Ui;

use std::sync::Arc;

use super::{CollationEvent, CollationViewState, collation_ui};
use crate::model::collation::apparatus::Base;
use crate::model::collation::{Collation, WitnessText, collate};
use crate::model::diff::Normalization;
use crate::ui::dialogs::{FileDialogs as _, NativeDialogs, SaveOutcome, save_file};
use crate::ui::task::Task;

/// The window's state: the witnesses until they are collated, then the collation and the
/// view's state.
pub struct CollationWindow {
    /// The witnesses still to collate (taken when the work starts).
    witnesses: Option<(Vec<WitnessText>, Normalization)>,
    /// The collation being made.
    task: Option<Task<Result<Collation, String>>>,
    /// The collation, once made.
    collation: Option<Collation>,
    /// Why there is none, if the work failed.
    failed: Option<String>,
    /// The view's own state.
    view: CollationViewState,
    /// What the reader is told above the view (which witnesses, which languages apart).
    note: Option<String>,
    /// What counted as the same.
    normalization: Normalization,
    /// The TEI file being saved.
    saving: Option<Task<SaveOutcome>>,
    /// What came of the last export.
    said: Option<String>,
    /// What is known of each witness (its provenance, for a TEI file's header), in order.
    descriptions: Vec<String>,
}

impl CollationWindow {
    /// A window that collates `witnesses` under `normalization`, its apparatus over `base`.
    pub fn new(witnesses: Vec<WitnessText>, normalization: Normalization, base: Base) -> Self {
        Self {
            witnesses: Some((witnesses, normalization)),
            task: None,
            collation: None,
            failed: None,
            view: CollationViewState::new(super::CollationTab::Table, base),
            note: None,
            normalization,
            saving: None,
            said: None,
            descriptions: Vec::new(),
        }
    }

    /// The window, telling the reader `note` above the view (“Russian and English are not
    /// collated against each other.”).
    #[must_use]
    pub fn with_note(mut self, note: Option<String>) -> Self {
        self.note = note;
        self
    }

    /// The window, with what is known of each witness (author, date, source: its provenance
    /// in an exported TEI file's header), in the witnesses' order.
    #[must_use]
    pub fn with_descriptions(mut self, descriptions: Vec<String>) -> Self {
        self.descriptions = descriptions;
        self
    }

    /// Starts the collation, or takes it when it is made.
    fn poll(&mut self, ctx: &egui::Context) {
        if let Some((witnesses, normalization)) = self.witnesses.take() {
            self.task = Some(Task::spawn("lectern-collate", ctx, move |_| {
                Ok(collate(&witnesses, &normalization))
            }));
        }
        let gone = || Err(crate::tr!("compare-collation-stopped"));
        match Task::poll(&mut self.task, gone) {
            Some(Ok(collation)) => self.collation = Some(collation),
            Some(Err(why)) => self.failed = Some(why),
            None => {}
        }
        let stopped = || SaveOutcome::Failed(crate::tr!("compare-collation-export-stopped"));
        match Task::poll(&mut self.saving, stopped) {
            Some(SaveOutcome::Saved(path)) => {
                self.said = Some(crate::tr!(
                    "compare-collation-exported",
                    path = path.display().to_string()
                ));
            }
            Some(SaveOutcome::Failed(why)) => {
                self.said = Some(crate::tr!("compare-collation-export-failed", why = why));
            }
            Some(SaveOutcome::Cancelled) | None => {}
        }
    }

    /// Asks where to save the collation as TEI (or, `pdf`, printed), and saves it there.
    fn export(&mut self, ctx: &egui::Context, pdf: bool) {
        let Some(collation) = &self.collation else {
            return;
        };
        let dialogs = NativeDialogs;
        if !dialogs.available() {
            self.said = Some(crate::tr!("compare-collation-no-file-dialog"));
            return;
        }
        let ids: Vec<&str> = collation
            .witnesses()
            .iter()
            .map(|w| w.id.as_str())
            .collect();
        // The TEI document's title: written into the file, in English.
        let title = format!("A collation of {}", ids.join(", "));
        let (name, bytes) = if pdf {
            match super::pdf_file(collation, self.view.base, &title) {
                Ok(file) => file,
                Err(why) => {
                    self.said = Some(crate::tr!("compare-collation-export-failed", why = why));
                    return;
                }
            }
        } else {
            super::tei_file(
                collation,
                self.view.base,
                &title,
                &self.normalization,
                &self.descriptions,
            )
        };
        self.saving = Some(save_file(
            Arc::new(dialogs),
            ctx,
            crate::tr!("compare-collation-export-dialog"),
            name,
            bytes,
            None,
        ));
    }

    /// Draws the window.
    pub fn window_ui(&mut self, ui: &mut Ui) {
        self.poll(ui.ctx());
        egui::Frame::central_panel(ui.style()).show(ui, |ui| {
            if let Some(note) = &self.note {
                ui.label(egui::RichText::new(note).italics());
            }
            if let Some(said) = &self.said {
                ui.label(said);
            }
            match (&self.collation, &self.failed) {
                (Some(collation), _) => {
                    let mut export = None;
                    for event in collation_ui(ui, collation, &mut self.view) {
                        match event {
                            // The view moves itself to a place chosen.
                            CollationEvent::PlaceChosen(_) => {}
                            CollationEvent::ExportTei | CollationEvent::ExportPdf => {
                                export = Some(event);
                            }
                        }
                    }
                    if let Some(event) = export {
                        self.export(ui.ctx(), event == CollationEvent::ExportPdf);
                    }
                }
                (None, Some(why)) => {
                    ui.label(crate::tr!("compare-collation-failed", why = why));
                }
                (None, None) => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(crate::tr!("compare-collation-collating"));
                    });
                }
            }
        });
    }
}

impl eframe::App for CollationWindow {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.window_ui(ui);
    }
}
