//! `LecternApp`: owns the library, the desk and the profile; draws the window; applies actions.
//!
//! Views return [`Action`]s; [`LecternApp::apply`] is the one place that carries them out, and
//! [`LecternApp::show`] ends each frame by saving the reading state when it changed (at most a
//! second later, off the UI thread).

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use egui::{Event, RichText, Ui};

use crate::model::anchor::Anchor;
use crate::model::annotation::{Annotation, Category};
use crate::model::clock;
use crate::model::history::{Annotations, Edit, History};
use crate::model::library::Library;
use crate::model::selection::Selection;
use crate::model::text::Text;
use crate::storage::annotations_file::AnnotationsFile;
use crate::storage::lock::{LockOutcome, ProfileLock, lock_profile};
use crate::storage::profile::Profile;
use crate::storage::reading_state::{
    DEFAULT_FONT_SIZE, FONT_SIZE_RANGE, PaneRecord, ReadingState, ThemeChoice,
};
use crate::storage::saver::Saver;
use crate::ui::action::Action;
use crate::ui::annotations_view::{
    AnnotationsPanel, AnnotationsViewState, annotations_panel_ui, category_color,
};
use crate::ui::desk::{Desk, HighlightsByText, desk_ui};
use crate::ui::dialogs::{FileDialogs, NativeDialogs, OpenOutcome, open_text_file};
use crate::ui::info_view::text_info_window;
use crate::ui::library_view::{LibraryViewState, library_ui};
use crate::ui::reader::{Highlight, ReaderView, ReadingStyle};
use crate::ui::theme;

/// How long a change may wait before the reading state is saved.
const SAVE_DELAY: Duration = Duration::from_secs(1);
/// Font size step for zooming in and out.
const ZOOM_STEP: f32 = 2.0;

/// What the app starts with.
#[derive(Default)]
pub struct StartOptions {
    /// The profile (None: nothing is saved, e.g. when the profile could not be opened).
    pub profile: Option<Profile>,
    /// Texts to open in panes instead of the saved ones (`--open`).
    pub open: Vec<String>,
    /// Texts read from files for this session only (`--open-file`); opened in panes.
    pub session_texts: Vec<Text>,
    /// The file dialogs (None: the platform's own).
    pub dialogs: Option<Arc<dyn FileDialogs>>,
}

/// The Lectern application.
pub struct LecternApp {
    library: Library,
    /// The reading panes.
    pub desk: Desk,
    /// The library panel's state.
    pub library_view: LibraryViewState,
    /// The reading font size in points.
    pub font_size: f32,
    /// The chosen theme.
    pub theme: ThemeChoice,
    /// Whether the library panel is shown.
    pub library_open: bool,
    /// The text whose metadata window is open.
    pub info_text: Option<String>,
    /// Whether the shortcuts window is open.
    pub show_shortcuts: bool,
    session_ids: HashSet<String>,
    /// Highlight categories, in the order keys 1–6 pick them.
    pub categories: Vec<Category>,
    /// The annotations and the trash.
    pub annotations: Annotations,
    history: History,
    /// The annotation selected in the panel or by clicking its highlight.
    pub selected_annotation: Option<String>,
    /// The annotations panel's state.
    pub annotations_view: AnnotationsViewState,
    /// Whether the annotations panel is shown.
    pub annotations_open: bool,
    orphans: HashSet<String>,
    annotations_revision: u64,
    saved_annotations_revision: u64,
    annotations_dirty_since: Option<Instant>,
    _lock: Option<ProfileLock>,
    dialogs: Arc<dyn FileDialogs>,
    pending_open: Option<Receiver<OpenOutcome>>,
    profile: Option<Profile>,
    read_only: bool,
    saver: Saver,
    notices: Vec<String>,
    /// The last failed save of each file, shown until that file is saved again.
    save_errors: std::collections::BTreeMap<std::path::PathBuf, String>,
    last_saved: Option<ReadingState>,
    dirty_since: Option<Instant>,
    applied_theme: Option<ThemeChoice>,
    configured: bool,
}

impl LecternApp {
    /// Builds the app: the library, then the saved reading state, then `--open`.
    pub fn new(library: Library, options: StartOptions) -> Self {
        let mut library = library;
        let mut session_ids = HashSet::new();
        let mut open = options.open;
        for text in options.session_texts {
            let id = text.id().to_owned();
            if library.insert(text) {
                session_ids.insert(id.clone());
                open.push(id);
            }
        }
        let mut app = Self {
            library,
            desk: Desk::default(),
            library_view: LibraryViewState::default(),
            font_size: DEFAULT_FONT_SIZE,
            theme: ThemeChoice::System,
            library_open: true,
            info_text: None,
            show_shortcuts: false,
            session_ids,
            categories: crate::model::annotation::default_categories(),
            annotations: Annotations::default(),
            history: History::default(),
            selected_annotation: None,
            annotations_view: AnnotationsViewState::default(),
            annotations_open: true,
            orphans: HashSet::new(),
            annotations_revision: 0,
            saved_annotations_revision: 0,
            annotations_dirty_since: None,
            _lock: None,
            dialogs: options.dialogs.unwrap_or_else(|| Arc::new(NativeDialogs)),
            pending_open: None,
            profile: options.profile,
            read_only: false,
            saver: Saver::spawn(),
            notices: Vec::new(),
            save_errors: std::collections::BTreeMap::new(),
            last_saved: None,
            dirty_since: None,
            applied_theme: None,
            configured: false,
        };
        if let Some(profile) = &app.profile {
            match lock_profile(profile) {
                Ok(LockOutcome::Acquired(lock)) => app._lock = Some(lock),
                Ok(LockOutcome::HeldBy(pid)) => {
                    app.read_only = true;
                    app.notices.push(format!(
                        "Another Lectern{} has this profile open, so this window is read-only: \
                         your annotations are safe with the other one.",
                        pid.map(|p| format!(" (process {p})")).unwrap_or_default()
                    ));
                }
                Err(e) => {
                    app.read_only = true;
                    app.notices.push(format!(
                        "The profile could not be locked ({e}); it is open read-only."
                    ));
                }
            }
            let annotations = AnnotationsFile::load(profile);
            app.notices.extend(annotations.notices);
            app.read_only |= annotations.read_only;
            if let Some(file) = annotations.value {
                app.categories = file.categories;
                app.annotations = file.annotations;
            }
            let loaded = ReadingState::load(profile);
            app.notices.extend(loaded.notices);
            app.read_only |= loaded.read_only;
            if let Some(state) = loaded.value {
                app.restore(&state);
                app.last_saved = Some(state);
            }
        } else {
            app.notices.push(
                "No profile folder could be opened, so nothing will be saved in this session."
                    .into(),
            );
        }
        app.reanchor();
        if !open.is_empty() {
            app.desk = Desk::default();
            for id in &open {
                match app.library.get(id).cloned() {
                    Some(text) => {
                        app.desk.open(text, true);
                    }
                    None => app.notices.push(format!(
                        "There is no text with the id “{id}” (`lectern list` shows them)."
                    )),
                }
            }
        }
        app
    }

    /// Places every annotation in its text as the text is now: annotations made on another
    /// version are re-anchored (and saved so), and those that cannot be placed become orphans,
    /// kept and listed. Tells the user what happened.
    fn reanchor(&mut self) {
        let mut moved = 0;
        let mut changed = Vec::new();
        self.orphans.clear();
        for annotation in self.annotations.live() {
            let Some(text) = self.library.get(&annotation.text_id) else {
                continue; // a text not in the library now (e.g. a file not opened): leave as is
            };
            if annotation.anchor.content_hash == text.content_hash() {
                continue;
            }
            match annotation.anchor.resolve(text).range() {
                Some(range) => {
                    let mut placed = annotation.clone();
                    placed.anchor = Anchor::new(text, range);
                    moved += usize::from(placed.anchor.start != annotation.anchor.start);
                    changed.push(placed);
                }
                None => {
                    self.orphans.insert(annotation.annotation_id.clone());
                }
            }
        }
        for placed in changed {
            self.annotations.apply(Edit::Change(placed));
            self.annotations_revision += 1;
        }
        if moved > 0 || !self.orphans.is_empty() {
            self.notices.push(format!(
                "Some texts changed since your annotations were made: {moved} moved with their \
                 passage, {} could not be placed and are listed under “Orphaned” in the \
                 annotations panel, with their notes.",
                self.orphans.len()
            ));
        }
    }

    /// The library.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Messages shown in the banner (files moved aside, texts not found, …).
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// Whether the profile is read-only in this session (a newer version's file).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn restore(&mut self, state: &ReadingState) {
        self.font_size = state.font_size;
        self.theme = state.theme;
        self.library_open = state.library_open;
        for record in &state.panes {
            let Some(text) = self.library.get(&record.text_id).cloned() else {
                self.notices.push(format!(
                    "A pane showed “{}”, which is not in the library any more; it was closed.",
                    record.text_id
                ));
                continue;
            };
            let mut view = ReaderView::at(record.paragraph, record.within);
            view.selection = record
                .selection
                .map(|s| Selection::from_range(text.clamp_range(s.range())));
            self.desk.push(text, view, record.linked);
        }
        if self.desk.panes().len() == state.panes.len() {
            self.desk.set_widths(&state.pane_widths);
            self.desk.focus(state.active_pane);
        }
    }

    /// The reading state as it would be saved now. Texts opened from files for this session
    /// only are left out.
    pub fn reading_state(&self) -> ReadingState {
        let mut panes = Vec::new();
        let mut widths = Vec::new();
        let mut active_pane = 0;
        for (index, pane) in self.desk.panes().iter().enumerate() {
            if self.session_ids.contains(pane.text.id()) {
                continue;
            }
            if index == self.desk.active() {
                active_pane = panes.len();
            }
            panes.push(PaneRecord {
                text_id: pane.text.id().to_owned(),
                paragraph: pane.view.scroll.paragraph,
                within: pane.view.within(),
                linked: pane.linked,
                selection: pane.view.selection.filter(|s| !s.is_empty()),
            });
            widths.push(self.desk.widths()[index]);
        }
        let mut state = ReadingState {
            panes,
            pane_widths: widths,
            active_pane,
            theme: self.theme,
            font_size: self.font_size,
            library_open: self.library_open,
        };
        state.sanitise();
        state
    }

    /// Saves the reading state now and waits for the write (on exit, and in tests).
    pub fn save_now(&mut self) {
        if let Some(profile) = &self.profile
            && !self.read_only
        {
            let state = self.reading_state();
            match state.to_bytes() {
                Ok(bytes) => {
                    self.saver.save(profile.reading_state_path(), bytes);
                    self.last_saved = Some(state);
                    self.dirty_since = None;
                }
                Err(e) => log::error!("{e}"),
            }
            if self.annotations_revision != self.saved_annotations_revision {
                self.save_annotations();
            }
            self.saver.flush();
            self.collect_save_reports();
        }
    }

    fn collect_save_reports(&mut self) {
        for report in self.saver.poll_results() {
            match report.result {
                Ok(()) => {
                    self.save_errors.remove(&report.path);
                }
                Err(e) => {
                    self.save_errors.insert(
                        report.path.clone(),
                        format!(
                            "Your work could not be saved ({e}). It is kept in memory and \
                             Lectern will try again."
                        ),
                    );
                    if report
                        .path
                        .ends_with(crate::storage::profile::ANNOTATIONS_FILE)
                    {
                        self.saved_annotations_revision = self.annotations_revision.wrapping_sub(1);
                    } else {
                        self.last_saved = None;
                    }
                }
            }
        }
    }

    fn annotations_file(&self) -> AnnotationsFile {
        AnnotationsFile {
            categories: self.categories.clone(),
            annotations: self.annotations.clone(),
        }
    }

    /// Queues the annotations for saving (off the UI thread).
    fn save_annotations(&mut self) {
        let Some(profile) = &self.profile else {
            return;
        };
        match self.annotations_file().to_bytes() {
            Ok(bytes) => {
                self.saver.save(profile.annotations_path(), bytes);
                self.saved_annotations_revision = self.annotations_revision;
                self.annotations_dirty_since = None;
            }
            Err(e) => log::error!("{e}"),
        }
    }

    fn autosave(&mut self, ctx: &egui::Context) {
        self.collect_save_reports();
        if !self.read_only && self.annotations_revision != self.saved_annotations_revision {
            let since = *self
                .annotations_dirty_since
                .get_or_insert_with(Instant::now);
            let waited = since.elapsed();
            if waited >= SAVE_DELAY {
                self.save_annotations();
            } else {
                ctx.request_repaint_after(SAVE_DELAY - waited);
            }
        }
        let Some(profile) = &self.profile else {
            return;
        };
        if self.read_only {
            return;
        }
        let state = self.reading_state();
        if self.last_saved.as_ref() == Some(&state) {
            self.dirty_since = None;
            return;
        }
        let since = *self.dirty_since.get_or_insert_with(Instant::now);
        let waited = since.elapsed();
        if waited < SAVE_DELAY {
            ctx.request_repaint_after(SAVE_DELAY - waited);
            return;
        }
        match state.to_bytes() {
            Ok(bytes) => self.saver.save(profile.reading_state_path(), bytes),
            Err(e) => log::error!("{e}"),
        }
        self.last_saved = Some(state);
        self.dirty_since = None;
    }

    /// Carries out one action.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::OpenText { text_id, beside } => self.open_text(&text_id, beside),
            Action::OpenFile => {
                if self.pending_open.is_none() {
                    self.pending_open = Some(open_text_file(self.dialogs.clone(), ctx.clone()));
                }
            }
            Action::OpenFirstMatch { beside } => {
                let first = self
                    .library
                    .filter(&self.library_view.filter)
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
            Action::ShowTextInfo(text_id) => self.info_text = Some(text_id),
            Action::ShowActiveTextInfo => {
                self.info_text = self.desk.active_pane().map(|p| p.text.id().to_owned());
            }
            Action::CloseTextInfo => self.info_text = None,
            Action::CopySelection => {
                if let Some(copied) = self.selected_text() {
                    ctx.copy_text(copied);
                }
            }
            Action::Highlight(category) => self.highlight(Some(category)),
            Action::NoteOnSelection => {
                let existing = self.desk.active_pane().and_then(|pane| {
                    let range = pane.view.selected_range()?;
                    self.annotations
                        .live()
                        .iter()
                        .find(|a| {
                            a.text_id == pane.text.id()
                                && a.anchor.start == range.start
                                && a.anchor.end == range.end
                        })
                        .map(|a| a.annotation_id.clone())
                });
                if existing.is_some() {
                    self.selected_annotation = existing;
                } else {
                    self.highlight(None);
                }
                if self.selected_annotation.is_some() {
                    self.annotations_open = true;
                    self.annotations_view.focus_note = true;
                }
            }
            Action::SelectAnnotation(annotation_id) => self.selected_annotation = annotation_id,
            Action::GoToAnnotation(annotation_id) => self.go_to_annotation(&annotation_id),
            Action::ChangeAnnotation(mut changed) => {
                if self.editable() {
                    changed.modified = clock::now();
                    if self
                        .history
                        .perform(&mut self.annotations, Edit::Change(*changed))
                    {
                        self.annotations_revision += 1;
                    }
                }
            }
            Action::DeleteAnnotation(annotation_id) => {
                if self.editable()
                    && self
                        .history
                        .perform(&mut self.annotations, Edit::Delete(annotation_id.clone()))
                {
                    self.annotations_revision += 1;
                    if self.selected_annotation.as_deref() == Some(annotation_id.as_str()) {
                        self.selected_annotation = None;
                    }
                }
            }
            Action::RestoreAnnotation(annotation_id) => {
                if self.editable()
                    && self
                        .history
                        .perform(&mut self.annotations, Edit::Restore(annotation_id))
                {
                    self.annotations_revision += 1;
                }
            }
            Action::ReattachAnnotation(annotation_id) => self.reattach(&annotation_id),
            Action::ToggleAnnotationsPanel => self.annotations_open = !self.annotations_open,
            Action::SetCategories(categories) => {
                if self.editable() && categories != self.categories {
                    self.categories = categories;
                    self.annotations_revision += 1;
                }
            }
            Action::Undo => {
                if self.editable() && self.history.undo(&mut self.annotations) {
                    self.annotations_revision += 1;
                }
            }
            Action::Redo => {
                if self.editable() && self.history.redo(&mut self.annotations) {
                    self.annotations_revision += 1;
                }
            }
            Action::SelectAll => {
                if let Some(pane) = self.desk.active_pane_mut() {
                    pane.view.selection = Some(Selection::from_range(0..pane.text.char_len()));
                }
            }
            Action::ZoomIn => self.set_font_size(self.font_size + ZOOM_STEP),
            Action::ZoomOut => self.set_font_size(self.font_size - ZOOM_STEP),
            Action::ZoomReset => self.set_font_size(DEFAULT_FONT_SIZE),
            Action::SetTheme(choice) => self.theme = choice,
            Action::ToggleDarkLight => {
                self.theme = if ctx.theme() == egui::Theme::Dark {
                    ThemeChoice::Light
                } else {
                    ThemeChoice::Dark
                };
            }
            Action::ToggleLibrary => self.library_open = !self.library_open,
            Action::FocusLibraryFilter => {
                self.library_open = true;
                self.library_view.focus_filter = true;
            }
            Action::ShowShortcuts => self.show_shortcuts = true,
            Action::Quit => {
                self.save_now();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Takes the result of "Open file…" once the worker thread has it.
    fn poll_open_file(&mut self) {
        let Some(receiver) = &self.pending_open else {
            return;
        };
        let outcome = match receiver.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => OpenOutcome::Failed(
                "The file dialog closed unexpectedly; nothing was opened.".into(),
            ),
        };
        self.pending_open = None;
        match outcome {
            OpenOutcome::Cancelled => {}
            OpenOutcome::Failed(message) => self.notices.push(message),
            OpenOutcome::Opened(text) => {
                let text_id = text.id().to_owned();
                if self.library.insert(*text) {
                    self.session_ids.insert(text_id.clone());
                }
                let beside = !self.desk.panes().is_empty();
                self.open_text(&text_id, beside);
            }
        }
    }

    /// Whether "Open file…" is waiting for the dialog or the file.
    pub fn is_opening_file(&self) -> bool {
        self.pending_open.is_some()
    }

    /// Whether annotations may change; says why not, once, when they may not.
    fn editable(&mut self) -> bool {
        if self.read_only {
            let message = "This profile is open read-only, so annotations cannot be changed \
                           in this window."
                .to_owned();
            if !self.notices.contains(&message) {
                self.notices.push(message);
            }
        }
        !self.read_only
    }

    /// Scrolls a pane to an annotation's passage, opening its text if no pane shows it.
    fn go_to_annotation(&mut self, annotation_id: &str) {
        let Some(annotation) = self.annotations.get(annotation_id) else {
            return;
        };
        let (text_id, start, end) = (
            annotation.text_id.clone(),
            annotation.anchor.start,
            annotation.anchor.end,
        );
        let showing = self
            .desk
            .panes()
            .iter()
            .position(|p| p.text.id() == text_id);
        let pane = match showing {
            Some(index) => index,
            None => {
                let Some(text) = self.library.get(&text_id).cloned() else {
                    return;
                };
                let beside = self.desk.can_add_pane() && !self.desk.panes().is_empty();
                self.desk.open(text, beside)
            }
        };
        self.desk.focus(pane);
        if let Some(pane) = self.desk.pane_mut(pane) {
            let paragraph = pane.text.paragraph_at(start);
            pane.view.jump_to(paragraph, 0.0);
            pane.view.flash(start..end);
        }
    }

    /// Attaches an orphan to the passage selected in the active pane.
    fn reattach(&mut self, annotation_id: &str) {
        let Some(pane) = self.desk.active_pane() else {
            return;
        };
        let Some(range) = pane.view.selected_range() else {
            return;
        };
        let Some(mut changed) = self.annotations.get(annotation_id).cloned() else {
            return;
        };
        changed.text_id = pane.text.id().to_owned();
        changed.anchor = Anchor::new(&pane.text, range);
        changed.modified = clock::now();
        if self.editable()
            && self
                .history
                .perform(&mut self.annotations, Edit::Change(changed))
        {
            self.orphans.remove(annotation_id);
            self.annotations_revision += 1;
        }
    }

    /// Highlights the active pane's selection in the category at position `category` (or
    /// with none), and selects the new annotation.
    fn highlight(&mut self, category: Option<usize>) {
        let category_id = match category {
            Some(index) => match self.categories.get(index) {
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
        if self
            .history
            .perform(&mut self.annotations, Edit::Add(annotation))
        {
            self.annotations_revision += 1;
            self.selected_annotation = Some(annotation_id);
            if let Some(pane) = self.desk.active_pane_mut() {
                pane.view.selection = None;
            }
        }
    }

    /// The highlights of the texts open in panes.
    fn highlights(&self, dark_mode: bool) -> HighlightsByText {
        let mut by_text = HighlightsByText::new();
        let alpha = if dark_mode { 80 } else { 110 };
        for pane in self.desk.panes() {
            let text_id = pane.text.id();
            if by_text.contains_key(text_id) {
                continue;
            }
            let highlights = self
                .annotations
                .live()
                .iter()
                .filter(|a| a.text_id == text_id && !self.orphans.contains(&a.annotation_id))
                .map(|a| {
                    let color = category_color(&self.categories, a.category_id.as_deref());
                    Highlight {
                        annotation_id: a.annotation_id.clone(),
                        range: pane.text.clamp_range(a.anchor.start..a.anchor.end),
                        color: egui::Color32::from_rgba_unmultiplied(
                            color.r(),
                            color.g(),
                            color.b(),
                            alpha,
                        ),
                    }
                })
                .collect();
            by_text.insert(text_id.to_owned(), highlights);
        }
        by_text
    }

    fn open_text(&mut self, text_id: &str, beside: bool) {
        if let Some(text) = self.library.get(text_id).cloned() {
            self.desk.open(text, beside);
        }
    }

    fn set_font_size(&mut self, size: f32) {
        let (min, max) = FONT_SIZE_RANGE;
        self.font_size = size.clamp(min, max);
    }

    /// Whether the active pane has a non-empty selection (without copying it out).
    pub fn has_selection(&self) -> bool {
        self.desk
            .active_pane()
            .is_some_and(|pane| pane.view.selected_range().is_some())
    }

    /// The active pane's selected text, if any.
    pub fn selected_text(&self) -> Option<String> {
        let pane = self.desk.active_pane()?;
        let range = pane.view.selected_range()?;
        Some(pane.text.slice(range).to_owned())
    }

    fn shortcut_actions(&self, ctx: &egui::Context) -> Vec<Action> {
        let typing = ctx.text_edit_focused();
        let mut actions = Vec::new();
        ctx.input_mut(|input| {
            for action in Action::with_shortcuts() {
                let belongs_to_text_field = matches!(
                    action,
                    Action::SelectAll
                        | Action::CopySelection
                        | Action::Undo
                        | Action::Redo
                        | Action::Highlight(_)
                        | Action::NoteOnSelection
                );
                if typing && belongs_to_text_field {
                    continue; // the text field being edited takes these keys
                }
                if action.shortcuts().iter().any(|s| input.consume_shortcut(s)) {
                    actions.push(action);
                }
            }
            // The platform turns Ctrl+C into a Copy event rather than a key press.
            if !typing
                && input.events.iter().any(|e| matches!(e, Event::Copy))
                && !actions.contains(&Action::CopySelection)
            {
                actions.push(Action::CopySelection);
            }
        });
        actions
    }

    /// Draws the whole window and applies what the user did.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.configured {
            // Ctrl +/-/0 size the reading text, not the whole interface.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.configured = true;
        }
        if self.applied_theme != Some(self.theme) {
            ctx.set_theme(theme::preference(self.theme));
            self.applied_theme = Some(self.theme);
        }
        self.poll_open_file();
        let mut actions = self.shortcut_actions(&ctx);

        egui::Panel::top("lectern-menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| actions.extend(self.menu_ui(ui)));
        });
        self.banners_ui(ui);
        egui::Panel::bottom("lectern-status").show(ui, |ui| self.status_ui(ui));
        if self.library_open {
            let open_ids: Vec<&str> = self.desk.panes().iter().map(|p| p.text.id()).collect();
            let can_add = self.desk.can_add_pane();
            egui::Panel::left("lectern-library")
                .resizable(true)
                .default_size(300.0)
                .size_range(200.0..=520.0)
                .show(ui, |ui| {
                    actions.extend(library_ui(
                        ui,
                        &self.library,
                        &mut self.library_view,
                        &open_ids,
                        can_add,
                    ));
                });
        }
        let style = ReadingStyle {
            font_size: self.font_size,
        };
        if self.annotations_open {
            let open_ids: Vec<&str> = self.desk.panes().iter().map(|p| p.text.id()).collect();
            let panel = AnnotationsPanel {
                annotations: &self.annotations,
                categories: &self.categories,
                library: &self.library,
                open_text_ids: &open_ids,
                selected: self.selected_annotation.as_deref(),
                orphans: &self.orphans,
                has_selection: self.has_selection(),
            };
            let view = &mut self.annotations_view;
            egui::Panel::right("lectern-annotations")
                .resizable(true)
                .default_size(320.0)
                .size_range(240.0..=560.0)
                .show(ui, |ui| {
                    actions.extend(annotations_panel_ui(ui, &panel, view))
                });
        }
        let highlights = self.highlights(ui.visuals().dark_mode);
        let categories: Vec<(String, egui::Color32)> = self
            .categories
            .iter()
            .map(|c| {
                let color = category_color(&self.categories, Some(&c.category_id));
                (c.name.clone(), color)
            })
            .collect();
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                actions.extend(desk_ui(
                    ui,
                    &mut self.desk,
                    style,
                    &highlights,
                    self.selected_annotation.as_deref(),
                    &categories,
                ));
            });

        if let Some(text) = self
            .info_text
            .as_ref()
            .and_then(|id| self.library.get(id))
            .cloned()
        {
            actions.extend(text_info_window(&ctx, &text));
        }
        if self.show_shortcuts {
            self.shortcuts_window(&ctx);
        }
        for action in actions {
            self.apply(&ctx, action);
        }
        self.autosave(&ctx);
    }

    fn menu_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let has_pane = !self.desk.panes().is_empty();
        let has_selection = self.has_selection();
        ui.menu_button("File", |ui| {
            actions.extend(menu_item(ui, Action::OpenFile, !self.is_opening_file()));
            actions.extend(menu_item(ui, Action::FocusLibraryFilter, true));
            ui.separator();
            actions.extend(menu_item(ui, Action::Quit, true));
        });
        ui.menu_button("Edit", |ui| {
            actions.extend(menu_item(ui, Action::Undo, self.history.can_undo()));
            actions.extend(menu_item(ui, Action::Redo, self.history.can_redo()));
            ui.separator();
            actions.extend(menu_item(ui, Action::NoteOnSelection, has_selection));
            for (index, category) in self.categories.iter().enumerate().take(6) {
                let action = Action::Highlight(index);
                let mut button = egui::Button::new(format!("Highlight: {}", category.name));
                if let Some(shortcut) = action.shortcuts().last() {
                    button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
                }
                if ui.add_enabled(has_selection, button).clicked() {
                    actions.push(action);
                    ui.close();
                }
            }
        });
        ui.menu_button("View", |ui| {
            actions.extend(menu_item(ui, Action::ToggleLibrary, true));
            actions.extend(menu_item(ui, Action::ToggleAnnotationsPanel, true));
            ui.separator();
            actions.extend(menu_item(ui, Action::ZoomIn, true));
            actions.extend(menu_item(ui, Action::ZoomOut, true));
            actions.extend(menu_item(ui, Action::ZoomReset, true));
            ui.separator();
            for choice in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark] {
                let action = Action::SetTheme(choice);
                if ui.radio(self.theme == choice, action.label()).clicked() {
                    actions.push(action);
                    ui.close();
                }
            }
            actions.extend(menu_item(ui, Action::ToggleDarkLight, true));
        });
        ui.menu_button("Pane", |ui| {
            actions.extend(menu_item(ui, Action::NextPane, has_pane));
            actions.extend(menu_item(ui, Action::ToggleActiveLinked, has_pane));
            actions.extend(menu_item(ui, Action::ShowActiveTextInfo, has_pane));
            ui.separator();
            actions.extend(menu_item(ui, Action::SelectAll, has_pane));
            actions.extend(menu_item(ui, Action::CopySelection, has_selection));
            ui.separator();
            actions.extend(menu_item(ui, Action::CloseActivePane, has_pane));
        });
        ui.menu_button("Help", |ui| {
            actions.extend(menu_item(ui, Action::ShowShortcuts, true));
            ui.separator();
            ui.label(format!("Lectern {}", crate::VERSION));
        });
        actions
    }

    fn banners_ui(&mut self, ui: &mut Ui) {
        let mut messages: Vec<(String, bool)> =
            self.notices.iter().map(|n| (n.clone(), true)).collect();
        if self.read_only {
            messages.push((
                "This profile is open read-only: changes in this session are not saved.".into(),
                false,
            ));
        }
        for error in self.save_errors.values() {
            messages.push((error.clone(), false));
        }
        if messages.is_empty() {
            return;
        }
        let mut dismissed = Vec::new();
        let fill = if ui.visuals().dark_mode {
            egui::Color32::from_rgb(0x4a, 0x3b, 0x12)
        } else {
            egui::Color32::from_rgb(0xff, 0xf1, 0xc2)
        };
        egui::Panel::top("lectern-notices")
            .frame(egui::Frame::NONE.fill(fill).inner_margin(8.0))
            .show(ui, |ui| {
                for (index, (message, dismissable)) in messages.iter().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        if *dismissable && ui.small_button("Dismiss").clicked() {
                            dismissed.push(index);
                        }
                        ui.label(RichText::new(message));
                    });
                }
            });
        for index in dismissed.into_iter().rev() {
            self.notices.remove(index);
        }
    }

    fn status_ui(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            if let Some(pane) = self.desk.active_pane() {
                let count = pane.text.paragraphs().len();
                ui.label(format!(
                    "Pane {} · paragraph {} of {} · {:.0}%",
                    self.desk.active() + 1,
                    (pane.view.scroll.paragraph + 1).min(count),
                    count,
                    pane.view.fraction() * 100.0
                ));
                if let Some(range) = pane.view.selected_range() {
                    ui.separator();
                    ui.label(format!("{} characters selected", range.end - range.start));
                }
            } else {
                ui.label("No text open");
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(format!("{:.0} pt", self.font_size));
            });
        });
    }

    fn shortcuts_window(&mut self, ctx: &egui::Context) {
        let mut open = true;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for action in Action::with_shortcuts() {
                        if let Some(shortcut) = action.shortcut() {
                            ui.label(ctx.format_shortcut(&shortcut));
                            ui.label(action.label());
                            ui.end_row();
                        }
                    }
                    for (keys, what) in [
                        ("↑ ↓, Page Up/Down, Space", "Scroll the active pane"),
                        ("Home / End", "Go to the start / end of the text"),
                        ("Double-click / triple-click", "Select a word / a paragraph"),
                        ("Shift-click", "Extend the selection"),
                        (
                            "Enter / Ctrl+Enter in the filter",
                            "Open the first match / beside",
                        ),
                    ] {
                        ui.label(keys);
                        ui.label(what);
                        ui.end_row();
                    }
                });
            });
        self.show_shortcuts = open;
    }
}

/// A menu entry for `action`, with its label, shortcut and tooltip; the action if clicked.
fn menu_item(ui: &mut Ui, action: Action, enabled: bool) -> Option<Action> {
    let mut button = egui::Button::new(action.label());
    if let Some(shortcut) = action.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let clicked = ui
        .add_enabled(enabled, button)
        .on_hover_text(action.tooltip())
        .clicked();
    if clicked {
        ui.close();
    }
    clicked.then_some(action)
}

impl eframe::App for LecternApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn on_exit(&mut self) {
        self.save_now();
    }
}
