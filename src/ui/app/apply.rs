//! Carrying out actions: the one place where what the reader asked for is done, by area
//! ([`Area`]): each area has a function of its own.

use super::*;
use crate::model::annotation_export::Scope;
use crate::ui::action::Area;

impl LecternApp {
    /// Carries out one action.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action.area() {
            Area::Desk => self.apply_to_desk(ctx, action),
            Area::View => self.apply_to_view(ctx, action),
            Area::Annotations => self.apply_to_annotations(ctx, action),
            Area::Comparison => self.apply_to_comparison(ctx, action),
            Area::Search => self.apply_to_search(action),
            Area::Files => self.apply_to_files(ctx, action),
        }
    }

    /// Carries out an action on the panes and what is read in them.
    fn apply_to_desk(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::OpenText { text_id, beside } => self.open_text(&text_id, beside),
            Action::OpenFile if self.files.pending_open.is_none() => {
                self.files.pending_open = Some(open_text_file(self.files.dialogs.clone(), ctx));
            }
            Action::OpenFirstMatch { beside } => {
                let first = self
                    .library
                    .filter(&self.view.library_view.filter)
                    .next()
                    .map(|t| t.id().to_owned());
                if let Some(text_id) = first {
                    self.open_text(&text_id, beside);
                }
            }
            Action::FocusPane(index) => self.desk.focus(index),
            Action::NextPane => {
                let count = self.desk.panes().len();
                if count > 0 {
                    self.desk.focus((self.desk.active() + 1) % count);
                    ctx.memory_mut(|m| m.stop_text_input());
                }
            }
            Action::ClosePane(index) => self.desk.close(index),
            Action::CloseActivePane => self.desk.close(self.desk.active()),
            Action::MovePaneLeft(index) if index > 0 => self.desk.swap(index, index - 1),
            Action::MovePaneRight(index) => self.desk.swap(index, index + 1),
            Action::MovePaneLeft(_) => {}
            Action::ToggleLinked(index) => {
                if let Some(pane) = self.desk.pane_mut(index) {
                    pane.linked = !pane.linked;
                }
            }
            Action::ToggleActiveLinked => {
                if let Some(pane) = self.desk.active_pane_mut() {
                    pane.linked = !pane.linked;
                }
            }
            Action::Scrolled(index) => {
                self.desk.follow_linked(index);
                ctx.request_repaint();
            }
            Action::GoToParagraph { pane, paragraph } => {
                if let Some(pane) = self.desk.pane_mut(pane) {
                    pane.view.jump_to(paragraph, 0.0);
                }
                ctx.request_repaint();
            }
            Action::ShowTextInfo(text_id) => self.view.info_text = Some(text_id),
            Action::ShowActiveTextInfo => {
                self.view.info_text = self.desk.active_pane().map(|p| p.text.id().to_owned());
            }
            Action::CloseTextInfo => self.view.info_text = None,
            Action::CopySelection => {
                if let Some(copied) = self.selected_text() {
                    ctx.copy_text(copied);
                }
            }
            Action::SelectAll => {
                if let Some(pane) = self.desk.active_pane_mut() {
                    pane.view.selection = Some(Selection::from_range(0..pane.text.char_len()));
                }
            }
            Action::CopyWithCitation { markdown } => self.copy_with_citation(markdown, ctx),
            _ => {}
        }
    }

    /// Carries out an action on the reading view: text size, theme, the side panels, the shortcuts window, quitting.
    fn apply_to_view(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::ToggleAnnotationsPanel => {
                // Set aside by a comparison that fills the window: shown again, not closed.
                self.view.annotations_open =
                    !self.view.annotations_open || self.side_panels_set_aside();
                self.bring_back_side_panels();
            }
            Action::ZoomIn => self.set_font_size(self.view.font_size + ZOOM_STEP),
            Action::ZoomOut => self.set_font_size(self.view.font_size - ZOOM_STEP),
            Action::ZoomReset => self.set_font_size(DEFAULT_FONT_SIZE),
            Action::SetTheme(choice) => self.view.theme = choice,
            Action::ToggleDarkLight => {
                self.view.theme = if ctx.theme() == egui::Theme::Dark {
                    ThemeChoice::Light
                } else {
                    ThemeChoice::Dark
                };
            }
            Action::ToggleLibrary => {
                self.view.library_open = !self.view.library_open || self.side_panels_set_aside();
                self.bring_back_side_panels();
            }
            Action::FocusLibraryFilter => {
                self.view.library_open = true;
                self.view.library_view.focus_filter = true;
                self.bring_back_side_panels();
            }
            Action::ShowShortcuts => self.view.show_shortcuts = !self.view.show_shortcuts,
            Action::Quit => {
                self.save_now();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            _ => {}
        }
    }

    /// Carries out an action on the reader's annotations: highlights, notes, categories, undo and redo, backups.
    fn apply_to_annotations(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Highlight(category) => self.highlight(Some(category)),
            Action::NoteOnSelection => self.note_on_selection(),
            Action::SelectAnnotation(annotation_id) => {
                self.view.selected_annotation = annotation_id
            }
            Action::GoToAnnotation(annotation_id) => self.go_to_annotation(&annotation_id),
            Action::OnHighlight {
                annotation_id,
                what,
            } => {
                self.on_highlight(&annotation_id, what, ctx);
            }
            Action::ChangeAnnotation(changed) => {
                self.change_annotation(*changed);
            }
            Action::DeleteAnnotation(annotation_id) => self.delete_annotation(annotation_id),
            Action::RestoreAnnotation(annotation_id) => {
                self.edit(Edit::RestoreAnnotation(annotation_id));
            }
            Action::ReattachAnnotation(annotation_id) => self.reattach(&annotation_id),
            Action::SetCategories(categories) => {
                self.edit(Edit::SetCategories(categories));
            }
            Action::Undo => {
                // What is being typed is a change of its own: kept first, so that undo takes
                // it back (and a redo cannot lose it).
                self.keep_typed_note();
                if self.edit(Edit::Undo) {
                    self.forget_note_drafts();
                }
            }
            Action::Redo => {
                // What is being typed is a change of its own: kept first, so that undo takes
                // it back (and a redo cannot lose it).
                self.keep_typed_note();
                if self.edit(Edit::Redo) {
                    self.forget_note_drafts();
                }
            }
            Action::ShowBackups => self.list_backups(ctx),
            Action::CloseBackups => self.view.backups = None,
            Action::RestoreBackup(name) => self.restore_backup(&name),
            _ => {}
        }
    }

    /// Carries out an action on the comparison view and notes on differences.
    fn apply_to_comparison(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::OpenComparison(id) => self.open_comparison(&id, ctx),
            Action::CloseComparison => {
                if let Some(state) = &mut self.comparison {
                    state.cancel();
                }
                self.comparison = None;
            }
            Action::CompareSelections => self.compare_selections(ctx),
            Action::CompareOpenTexts => self.compare_open_texts(ctx),
            Action::ShowPasteComparison if self.view.paste.is_none() => {
                self.view.paste = Some(vec![String::new(), String::new()]);
            }
            Action::ComparePasted(wordings) => {
                let inputs = wordings
                    .iter()
                    .enumerate()
                    .map(|(n, text)| WordingInput::pasted(&format!("Wording {}", n + 1), text))
                    .collect();
                self.view.paste = None;
                self.open_readers_comparison("Pasted wordings".into(), inputs, ctx);
            }
            Action::CancelComparison
            | Action::NextDifference
            | Action::PreviousDifference
            | Action::SwapWitnesses
            | Action::SetComparisonLayout { .. }
            | Action::SetNormalization(_)
            | Action::SetReference(_)
            | Action::ToggleWitness(_)
            | Action::ToggleComparisonFull
            | Action::ToggleComparisonDescription => {
                if let Some(state) = &mut self.comparison {
                    state.apply(action, ctx);
                }
            }
            Action::OpenWitnessPassage { witness, segment } => {
                self.open_witness_passage(witness, segment);
            }
            Action::NoteOnDifference {
                segment,
                difference,
            } => self.note_on_difference(segment, difference),
            Action::ChangeComparisonNote(changed) => {
                self.edit(Edit::ChangeComparisonNote(*changed));
            }
            Action::DeleteComparisonNote(note_id) => {
                self.edit(Edit::DeleteComparisonNote(note_id));
            }
            Action::RestoreComparisonNote(note_id) => {
                self.edit(Edit::RestoreComparisonNote(note_id));
            }
            Action::ExportComparison(format) => self.export_comparison(format, ctx),
            Action::OpenComparisonNote(note_id) => self.open_comparison_note(note_id, ctx),
            Action::OpenComparisonAt {
                comparison_id,
                segment,
            } => self.open_comparison_at(&comparison_id, segment, ctx),
            Action::CopyCarriedNote(index) => self.copy_carried_note(index),
            _ => {}
        }
    }

    /// Carries out an action on Find in the text and Search everything.
    fn apply_to_search(&mut self, action: Action) {
        match action {
            Action::OpenFind => {
                if let Some(pane) = self.desk.active_pane() {
                    let find = self.search.find.get_or_insert_with(FindState::default);
                    find.text_id = pane.text.id().to_owned();
                    find.focus = true;
                }
            }
            Action::FindNext | Action::FindPrevious => {
                self.step_find(action == Action::FindNext);
            }
            Action::CloseFind => self.search.find = None,
            Action::SearchAll => {
                let state = self
                    .search
                    .search_all
                    .get_or_insert_with(SearchAllState::default);
                state.focus = true;
            }
            Action::CloseSearchAll => self.search.search_all = None,
            Action::OpenIndex => self.open_index(),
            Action::CloseIndex => self.search.index_view = None,
            Action::ChooseEntity(id) => self.choose_entity(id),
            Action::OpenTimeline => self.open_timeline(),
            Action::CloseTimeline => self.view.timeline = None,
            Action::OpenGlossary => self.open_glossary(),
            Action::CloseGlossary => self.search.glossary_view = None,
            Action::ChooseTerm(id) => self.choose_term(id),
            Action::AddEntity(entity) if self.editable() => self.add_entity(*entity),
            Action::AddSpelling { entity, spelling } if self.editable() => {
                self.add_spelling(entity, spelling)
            }
            Action::AddTerm(term) if self.editable() => self.add_term(*term),
            Action::OpenSearchHit {
                text_id,
                range,
                beside,
            } => self.show_range(&text_id, range, true, beside),
            _ => {}
        }
    }

    /// Carries out an action on imports and exports.
    fn apply_to_files(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::ImportText => self.start_text_import(ctx),
            Action::ConfirmImport => {
                self.confirm_import();
                self.next_dropped_file(ctx);
            }
            Action::RemoveImported(text_id) => self.remove_imported(&text_id),
            Action::UndoRemoveImported => self.undo_remove_imported(),
            Action::CancelImport => {
                self.files.import_draft = None;
                self.next_dropped_file(ctx);
            }
            Action::ImportAnnotations => self.start_annotations_import(ctx),
            Action::ExportAnnotations {
                format,
                current_text_only,
            } => self.export_all_annotations(format, current_text_only, ctx),
            Action::ExportSelectedAnnotations { format, ids } => {
                self.export_annotations(
                    format,
                    Scope::Annotations,
                    &ids,
                    "lectern-annotations-selected",
                    ctx,
                );
            }
            _ => {}
        }
    }
}
