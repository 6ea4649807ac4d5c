//! Annotating: highlights, notes, re-attaching orphans, restoring a backup, and the highlights painted in the panes.

use super::HighlightsKey;
use super::LecternApp;
use crate::model::anchor::Anchor;
use crate::model::annotation::Annotation;
use crate::model::clock;
use crate::model::notebook::Edit;
use crate::ui::action::HighlightAction;
use crate::ui::annotations_view::category_color;
use crate::ui::desk::HighlightsByText;
use crate::ui::reader::Highlight;
use crate::ui::reader::Highlights;
use crate::ui::task::Task;

impl LecternApp {
    /// Moves an annotation to the Trash; it is no longer the selected one.
    pub(super) fn delete_annotation(&mut self, annotation_id: String) {
        let selected = self.view.selected_annotation() == Some(annotation_id.as_str());
        if self.edit(Edit::DeleteAnnotation(annotation_id)) && selected {
            self.view.select_annotation(None);
        }
    }

    /// Opens the note of the selected passage's annotation, highlighting the passage first if it has none.
    pub(super) fn note_on_selection(&mut self) {
        let existing = self.desk.active_pane().and_then(|pane| {
            let range = pane.view.selected_range()?;
            let found = self.notebook.annotation_at(pane.text.id(), range)?;
            Some(found.annotation_id.clone())
        });
        if existing.is_some() {
            self.view.select_annotation(existing);
        } else {
            self.highlight(None);
        }
        if self.view.open_selected_note() {
            self.bring_back_side_panels();
        }
    }

    /// What a highlight's context menu asked for.
    pub(super) fn on_highlight(
        &mut self,
        annotation_id: &str,
        what: HighlightAction,
        ctx: &egui::Context,
    ) {
        let Some(annotation) = self.notebook.annotations().get(annotation_id).cloned() else {
            return;
        };
        match what {
            HighlightAction::Category(index) => {
                let Some(category) = self.notebook.categories().get(index) else {
                    return;
                };
                let mut changed = annotation;
                changed.category_id = Some(category.category_id.clone());
                self.edit(Edit::ChangeAnnotation(changed));
                self.view.select_annotation(Some(annotation_id.to_owned()));
            }
            HighlightAction::EditNote => {
                self.view.edit_note_of(annotation_id.to_owned());
                self.bring_back_side_panels();
            }
            HighlightAction::CopyWithCitation => {
                let quote = crate::model::annotation_export::quote_with_citation_in(
                    &self.library,
                    &annotation.text_id,
                    &annotation.anchor.exact,
                    Some((annotation.anchor.start..annotation.anchor.end).into()),
                    self.view.citation_style(),
                );
                ctx.copy_text(quote);
            }
            HighlightAction::Delete => self.delete_annotation(annotation_id.to_owned()),
        }
    }

    /// Copies the active pane's selection with its citation, plain or as a Markdown quote.
    pub(super) fn copy_with_citation(&self, markdown: bool, ctx: &egui::Context) {
        use crate::model::annotation_export::{
            quote_with_citation_in, quote_with_citation_markdown_in,
        };
        let style = self.view.citation_style();
        if let Some(pane) = self.desk.active_pane()
            && let Some(range) = pane.view.selected_range()
        {
            let quote = pane.text.slice(range.clone());
            let copied = if markdown {
                let id = pane.text.id();
                quote_with_citation_markdown_in(&self.library, id, quote, Some(range), style)
            } else {
                quote_with_citation_in(&self.library, pane.text.id(), quote, Some(range), style)
            };
            ctx.copy_text(copied);
        }
    }

    /// Carries out an edit of the reader's work, made now; false when it changed nothing.
    /// A refused edit (the profile is read-only) says why, once.
    pub(super) fn edit(&mut self, edit: Edit) -> bool {
        match self.notebook.edit(edit, &clock::now()) {
            Ok(changed) => changed,
            Err(_) => {
                self.editable(); // says why, once
                false
            }
        }
    }

    /// Takes back the last edit (`undo`), or does again the last taken back; says in the
    /// status bar what it did, and selects the annotation it changed.
    pub(super) fn undo_or_redo(&mut self, undo: bool) {
        let step = self.notebook.next_step(undo);
        if !self.edit(if undo { Edit::Undo } else { Edit::Redo }) {
            return;
        }
        self.forget_note_drafts();
        if let Some(step) = step {
            let told = if undo {
                crate::tr!("app-undid", what = step.what)
            } else {
                crate::tr!("app-redid", what = step.what)
            };
            self.view.tell(told);
            if let Some(id) = step.annotation_id
                && self.notebook.annotations().get(&id).is_some()
            {
                self.view.select_annotation(Some(id));
            }
        }
    }

    /// Whether annotations may change; says why not, once, when they may not.
    pub(super) fn editable(&mut self) -> bool {
        if self.notebook.is_read_only() {
            let message = crate::tr!("app-read-only-no-changes");
            if !self.notices.contains(&message) {
                self.notices.push(message);
            }
        }
        !self.notebook.is_read_only()
    }

    /// Replaces an annotation with its changed version (dated now), as one undoable step;
    /// false when nothing changed (read-only, or the annotation is gone).
    pub(super) fn change_annotation(&mut self, changed: Annotation) -> bool {
        self.edit(Edit::ChangeAnnotation(changed))
    }

    /// Lists the backups for File ▸ Restore from backup…, off the UI thread: each is read
    /// and parsed to say what it holds (forty files of a large profile take a while).
    pub(super) fn list_backups(&mut self, ctx: &egui::Context) {
        if let Some(profile) = self.session.profile.clone()
            && self.files.pending_backups.is_none()
        {
            self.files.pending_backups = Some(Task::spawn("lectern-backups", ctx, move |_| {
                crate::storage::backups::list(&profile)
            }));
        }
    }

    /// Shows the backups once they are listed.
    pub(super) fn poll_backups(&mut self) {
        if let Some(listed) = Task::poll(&mut self.files.pending_backups, Vec::new) {
            self.view.show_backups(Some(listed));
        }
    }

    /// Whether the backups are being listed.
    pub fn is_listing_backups(&self) -> bool {
        self.files.pending_backups.is_some()
    }

    /// Restores the notebook from the backup `name` as one undoable change, and says so.
    pub(super) fn restore_backup(&mut self, name: &str) {
        let Some(profile) = self.session.profile.clone() else {
            return;
        };
        if !self.editable() {
            return;
        }
        // What is being typed is kept first, so that the restore (and its undo) sees it.
        self.keep_typed_note();
        let copy = match crate::storage::backups::read(&profile, name) {
            Ok(copy) => copy,
            Err(e) => {
                self.notices
                    .push(crate::tr!("app-nothing-restored", error = e.to_string()));
                return;
            }
        };
        let written = self
            .view
            .backups()
            .unwrap_or_default()
            .iter()
            .find(|b| b.name == name)
            .map_or_else(
                || name.to_owned(),
                |b| b.written.replace('T', " ").replace('Z', " UTC"),
            );
        // The notebook as it is, kept first: what the restore sets back stays in a backup.
        let kept = match crate::storage::backups::keep_before_restore(
            &profile,
            &self.notebook.to_contents(),
        ) {
            Ok(kept) => kept,
            Err(e) => {
                let error = e.to_string();
                let said = crate::tr!("app-nothing-restored-not-kept", error = error);
                self.notices.push(said);
                return;
            }
        };
        if let Ok(report) = self.notebook.restore_from(copy, &self.library) {
            self.forget_note_drafts();
            let (at, what) = (written, report.summary());
            let said = if report.undoable {
                crate::tr!("app-restored-undoable", at = at, what = what, kept = kept)
            } else {
                crate::tr!("app-restored", at = at, what = what, kept = kept)
            };
            self.notices.push(said);
            self.view.show_backups(None);
        }
    }

    /// Scrolls a pane to an annotation's passage, opening its text if no pane shows it.
    pub(super) fn go_to_annotation(&mut self, annotation_id: &str) {
        let Some(annotation) = self.notebook.annotations().get(annotation_id) else {
            return;
        };
        let (text_id, range) = (annotation.text_id.clone(), annotation.anchor.range());
        self.show_range(&text_id, range, false, false);
    }

    /// Attaches an orphan to the passage selected in the active pane.
    pub(super) fn reattach(&mut self, annotation_id: &str) {
        let Some(pane) = self.desk.active_pane() else {
            return;
        };
        let Some(range) = pane.view.selected_range() else {
            return;
        };
        let Some(mut changed) = self.notebook.annotations().get(annotation_id).cloned() else {
            return;
        };
        changed.text_id = pane.text.id().to_owned();
        changed.anchor = Anchor::new(&pane.text, range);
        self.edit(Edit::Reattach(changed));
    }

    /// Highlights the active pane's selection in the category at position `category` (or
    /// with none), and selects the new annotation.
    pub(super) fn highlight(&mut self, category: Option<usize>) {
        let category_id = match category {
            Some(index) => match self.notebook.categories().get(index) {
                Some(c) => Some(c.category_id.clone()),
                None => return,
            },
            None => None,
        };
        let Some(pane) = self.desk.active_pane() else {
            return;
        };
        let Some(range) = pane.view.selected_range() else {
            return;
        };
        let text = pane.text.clone();
        if !self.editable() {
            return;
        }
        let annotation = Annotation::new(
            clock::new_annotation_id(),
            &text,
            range,
            category_id.as_deref(),
            &clock::now(),
        );
        let annotation_id = annotation.annotation_id.clone();
        if self.edit(Edit::AddAnnotation(annotation)) {
            self.view.select_annotation(Some(annotation_id));
            if let Some(pane) = self.desk.active_pane_mut() {
                pane.view.selection = None;
            }
        }
    }

    /// Builds the highlights of the texts open in panes again if the annotations, the
    /// categories, the orphans, the open texts or the theme changed since they were built
    /// (so an ordinary frame does no work for ten thousand annotations).
    pub(super) fn refresh_highlights(&mut self, dark_mode: bool) {
        let open: Vec<crate::model::text::TextId> = self
            .desk
            .panes()
            .iter()
            .map(|p| p.text.id().to_owned())
            .collect();
        let key = HighlightsKey {
            revision: self.notebook.revision(),
            dark_mode,
            open,
            orphans: self.notebook.orphans().len(),
            groups: self.groups.revision(),
        };
        if self.highlights.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        // The groups' layers first, under the reader's own highlights.
        let mut by_text: std::collections::HashMap<&crate::model::text::TextId, Vec<Highlight>> =
            key.open
                .iter()
                .map(|id| {
                    let layers = self
                        .library
                        .get(id)
                        .map(|text| self.group_highlights(text, dark_mode))
                        .unwrap_or_default();
                    (id, layers)
                })
                .collect();
        for annotation in self.notebook.annotations().live() {
            let Some(list) = by_text.get_mut(&annotation.text_id) else {
                continue;
            };
            if self.notebook.is_orphan(&annotation.annotation_id) {
                continue;
            }
            let Some(text) = self.library.get(&annotation.text_id) else {
                continue;
            };
            let color = category_color(
                self.notebook.categories(),
                annotation.category_id.as_deref(),
            );
            list.push(Highlight {
                annotation_id: annotation.annotation_id.clone(),
                range: text.clamp_range((annotation.anchor.start..annotation.anchor.end).into()),
                color: crate::ui::theme::highlight_fill(color, dark_mode),
                note: annotation.note.trim().to_owned(),
            });
        }
        let built: HighlightsByText = by_text
            .into_iter()
            .map(|(id, list)| (id.to_owned(), Highlights::new(list)))
            .collect();
        self.highlights = Some((key, built));
    }
}
