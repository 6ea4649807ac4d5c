//! Carrying out actions: the one place where what the reader asked for is done, by area
//! ([`Area`]): each area has a function of its own.

use super::LecternApp;
use super::view::{ViewCtx, ViewOutcome};
use crate::model::annotation_export::Scope;
use crate::model::comparison::WordingInput;
use crate::model::notebook::Edit;
use crate::model::selection::Selection;
use crate::ui::action::Action;
use crate::ui::action::{
    AnnotationAction, ComparisonAction, DeskAction, FileAction, SearchAction, ViewAction,
};
use crate::ui::dialogs::open_text_file;
use crate::ui::search_view::FindState;
use crate::ui::search_view::SearchAllState;

impl LecternApp {
    /// Carries out one action.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Desk(action) => self.apply_to_desk(ctx, action),
            Action::View(action) => self.apply_to_view(ctx, action),
            Action::Annotations(action) => self.apply_to_annotations(ctx, action),
            Action::Comparison(action) => self.apply_to_comparison(ctx, action),
            Action::Search(action) => self.apply_to_search(action),
            Action::Files(action) => self.apply_to_files(ctx, action),
            Action::Group(action) => self.apply_to_groups(ctx, action),
        }
    }

    /// Carries out an action on the panes and what is read in them.
    fn apply_to_desk(&mut self, ctx: &egui::Context, action: DeskAction) {
        match action {
            DeskAction::OpenText { text_id, beside } => self.open_text(&text_id, beside),
            DeskAction::OpenFile => {
                // One file dialog at a time.
                if self.files.pending_open.is_none() {
                    self.files.pending_open = Some(open_text_file(self.files.dialogs.clone(), ctx));
                }
            }
            DeskAction::OpenFirstMatch { beside } => {
                let first = self
                    .library
                    .filter(&self.view.library_panel().filter)
                    .next()
                    .map(|t| t.id().to_owned());
                if let Some(text_id) = first {
                    self.open_text(&text_id, beside);
                }
            }
            DeskAction::FocusPane(index) => self.desk.focus(index),
            DeskAction::NextPane => {
                let count = self.desk.panes().len();
                if count > 0 {
                    self.desk.focus((self.desk.active() + 1) % count);
                    ctx.memory_mut(|m| m.stop_text_input());
                }
            }
            DeskAction::ClosePane(index) => self.desk.close(index),
            DeskAction::CloseActivePane => self.desk.close(self.desk.active()),
            DeskAction::MovePaneLeft(index) => {
                if let Some(left) = index.checked_sub(1) {
                    self.desk.swap(index, left);
                }
            }
            DeskAction::MovePaneRight(index) => self.desk.swap(index, index + 1),
            DeskAction::ToggleLinked(index) => {
                if let Some(pane) = self.desk.pane_mut(index) {
                    pane.linked = !pane.linked;
                }
            }
            DeskAction::ToggleActiveLinked => {
                if let Some(pane) = self.desk.active_pane_mut() {
                    pane.linked = !pane.linked;
                }
            }
            DeskAction::Scrolled(index) => {
                self.desk.follow_linked(index);
                ctx.request_repaint();
            }
            DeskAction::GoBack => self.go(crate::ui::desk::Going::Back, ctx),
            DeskAction::GoForward => self.go(crate::ui::desk::Going::Forward, ctx),
            DeskAction::GoToParagraph { pane, paragraph } => {
                self.desk.remember(pane);
                if let Some(pane) = self.desk.pane_mut(pane) {
                    pane.view.jump_to(paragraph, 0.0);
                }
                ctx.request_repaint();
            }
            DeskAction::ShowTextInfo(text_id) => self.view.show_text_info(Some(text_id)),
            DeskAction::ShowActiveTextInfo => {
                let text_id = self.desk.active_pane().map(|p| p.text.id().to_owned());
                self.view.show_text_info(text_id);
            }
            DeskAction::CloseTextInfo => self.view.show_text_info(None),
            DeskAction::CopySelection => {
                if let Some(copied) = self.selected_text() {
                    ctx.copy_text(copied);
                }
            }
            DeskAction::SelectAll => {
                if let Some(pane) = self.desk.active_pane_mut() {
                    pane.view.selection =
                        Some(Selection::from_range((0..pane.text.char_len()).into()));
                }
            }
            DeskAction::CopyWithCitation { markdown } => self.copy_with_citation(markdown, ctx),
        }
    }

    /// Carries out an action on the reading view (text size, theme, the side panels, the
    /// shortcuts window, quitting): the view does it, and says what is left for the app.
    fn apply_to_view(&mut self, ctx: &egui::Context, action: ViewAction) {
        let view_ctx = ViewCtx {
            egui: ctx,
            side_panels_set_aside: self.side_panels_set_aside(),
        };
        match self.view.apply(action, &view_ctx) {
            ViewOutcome::Done => {}
            ViewOutcome::BringBackSidePanels => self.bring_back_side_panels(),
            ViewOutcome::LanguageChanged => {
                if self.view.timeline_mut().is_some() {
                    self.open_timeline();
                }
            }
            ViewOutcome::Quit => {
                self.save_now();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Carries out an action on the reader's annotations: highlights, notes, categories, undo and redo, backups.
    fn apply_to_annotations(&mut self, ctx: &egui::Context, action: AnnotationAction) {
        match action {
            AnnotationAction::Highlight(category) => self.highlight(Some(category)),
            AnnotationAction::NoteOnSelection => self.note_on_selection(),
            AnnotationAction::SelectAnnotation(annotation_id) => {
                self.view.select_annotation(annotation_id)
            }
            AnnotationAction::GoToAnnotation(annotation_id) => {
                self.go_to_annotation(&annotation_id)
            }
            AnnotationAction::OnHighlight {
                annotation_id,
                what,
            } => {
                self.on_highlight(&annotation_id, what, ctx);
            }
            AnnotationAction::ChangeAnnotation(changed) => {
                self.change_annotation(*changed);
            }
            AnnotationAction::DeleteAnnotation(annotation_id) => {
                self.delete_annotation(annotation_id)
            }
            AnnotationAction::RestoreAnnotation(annotation_id) => {
                self.edit(Edit::RestoreAnnotation(annotation_id));
            }
            AnnotationAction::ReattachAnnotation(annotation_id) => self.reattach(&annotation_id),
            AnnotationAction::SetCategories(categories) => {
                self.edit(Edit::SetCategories(categories));
            }
            AnnotationAction::Undo => {
                // What is being typed is a change of its own: kept first, so that undo takes
                // it back (and a redo cannot lose it).
                self.keep_typed_note();
                self.undo_or_redo(true);
            }
            AnnotationAction::Redo => {
                // What is being typed is a change of its own: kept first, so that undo takes
                // it back (and a redo cannot lose it).
                self.keep_typed_note();
                self.undo_or_redo(false);
            }
            AnnotationAction::ShowBackups => self.list_backups(ctx),
            AnnotationAction::CloseBackups => self.view.show_backups(None),
            AnnotationAction::RestoreBackup(name) => self.restore_backup(&name),
        }
    }

    /// Carries out an action on the comparison view and notes on differences.
    fn apply_to_comparison(&mut self, ctx: &egui::Context, action: ComparisonAction) {
        match action {
            ComparisonAction::OpenComparison(id) => self.open_comparison(&id, ctx),
            ComparisonAction::CloseComparison => {
                if let Some(state) = &mut self.comparison {
                    state.cancel();
                }
                self.comparison = None;
            }
            ComparisonAction::CompareSelections => self.compare_selections(ctx),
            ComparisonAction::CompareOpenTexts => self.compare_open_texts(ctx),
            ComparisonAction::ShowPasteComparison => {
                self.view.open_paste();
            }
            ComparisonAction::ComparePasted(wordings) => {
                let inputs = wordings
                    .iter()
                    .enumerate()
                    .map(|(n, text)| {
                        WordingInput::pasted(
                            &crate::tr!("app-wording-number", number = n + 1),
                            text,
                        )
                    })
                    .collect();
                self.view.close_paste();
                self.open_readers_comparison(crate::tr!("app-pasted-wordings"), inputs, ctx);
            }
            ComparisonAction::View(action) => {
                if let Some(state) = &mut self.comparison {
                    state.apply(action, ctx);
                }
            }
            ComparisonAction::OpenWitnessPassage { witness, segment } => {
                self.open_witness_passage(witness, segment);
            }
            ComparisonAction::NoteOnDifference {
                segment,
                difference,
            } => self.note_on_difference(segment, difference),
            ComparisonAction::ChangeComparisonNote(changed) => {
                self.edit(Edit::ChangeComparisonNote(*changed));
            }
            ComparisonAction::DeleteComparisonNote(note_id) => {
                self.edit(Edit::DeleteComparisonNote(note_id));
            }
            ComparisonAction::RestoreComparisonNote(note_id) => {
                self.edit(Edit::RestoreComparisonNote(note_id));
            }
            ComparisonAction::ExportComparison(format) => self.export_comparison(format, ctx),
            ComparisonAction::CollateWitnesses => self.collate_witnesses(ctx),
            ComparisonAction::OpenComparisonNote(note_id) => {
                self.open_comparison_note(note_id, ctx)
            }
            ComparisonAction::OpenComparisonAt {
                comparison_id,
                segment,
            } => self.open_comparison_at(&comparison_id, segment, ctx),
            ComparisonAction::CopyCarriedNote(index) => self.copy_carried_note(index),
        }
    }

    /// Carries out an action on Find in the text and Search everything.
    fn apply_to_search(&mut self, action: SearchAction) {
        match action {
            SearchAction::OpenFind => {
                if let Some(pane) = self.desk.active_pane() {
                    let find = self.search.find.get_or_insert_with(FindState::default);
                    find.text_id = pane.text.id().to_owned();
                    find.focus = true;
                }
            }
            SearchAction::FindNext | SearchAction::FindPrevious => {
                self.step_find(action == SearchAction::FindNext);
            }
            SearchAction::CloseFind => self.search.find = None,
            SearchAction::SearchAll => {
                let state = self
                    .search
                    .search_all
                    .get_or_insert_with(SearchAllState::default);
                state.focus = true;
            }
            SearchAction::CloseSearchAll => self.search.search_all = None,
            SearchAction::OpenIndex => self.open_index(),
            SearchAction::CloseIndex => self.study.index_view = None,
            SearchAction::ChooseEntity(id) => self.choose_entity(id),
            SearchAction::OpenTimeline => self.open_timeline(),
            SearchAction::CloseTimeline => self.view.show_timeline(None),
            SearchAction::OpenGlossary => self.open_glossary(),
            SearchAction::CloseGlossary => self.study.glossary_view = None,
            SearchAction::ChooseTerm(id) => self.choose_term(id),
            // A profile opened read-only takes no additions.
            SearchAction::AddEntity(entity) => {
                if self.editable() {
                    self.add_entity(*entity);
                }
            }
            SearchAction::AddSpelling { entity, spelling } => {
                if self.editable() {
                    self.add_spelling(entity, spelling);
                }
            }
            SearchAction::AddTerm(term) => {
                if self.editable() {
                    self.add_term(*term);
                }
            }
            SearchAction::OpenSearchHit {
                text_id,
                range,
                beside,
            } => self.show_range(&text_id, range, true, beside),
        }
    }

    /// Carries out an action on imports and exports.
    fn apply_to_files(&mut self, ctx: &egui::Context, action: FileAction) {
        match action {
            FileAction::ImportText => self.start_text_import(ctx),
            FileAction::ConfirmImport => {
                self.confirm_import();
                self.next_dropped_file(ctx);
            }
            FileAction::RemoveImported(text_id) => self.remove_imported(&text_id),
            FileAction::UndoRemoveImported => self.undo_remove_imported(),
            FileAction::CancelImport => {
                self.files.import_draft = None;
                self.next_dropped_file(ctx);
            }
            FileAction::FillImportFromReference => self.fill_import_from_reference(),
            FileAction::ChooseImportReference => self.choose_import_reference(ctx),
            FileAction::PrintNotes => self.print_notes(ctx),
            FileAction::ImportAnnotations => self.start_annotations_import(ctx),
            FileAction::ExportAnnotations {
                format,
                current_text_only,
            } => self.export_all_annotations(format, current_text_only, ctx),
            FileAction::ExportSelectedAnnotations { format, ids } => {
                self.export_annotations(
                    format,
                    Scope::Annotations,
                    &ids,
                    "lectern-annotations-selected",
                    ctx,
                );
            }
        }
    }
}
