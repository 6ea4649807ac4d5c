//! `LecternApp`: owns the library, the desk and the profile; draws the window; applies actions.
//!
//! Views return [`Action`]s; [`LecternApp::apply`] is the one place that carries them out, and
//! [`LecternApp::show`] ends each frame by saving the reading state when it changed (at most a
//! second later, off the UI thread).

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use egui::{Event, RichText, Ui};

use crate::model::anchor::Anchor;
use crate::model::annotation::Annotation;
use crate::model::clock;
use crate::model::compare::Normalization;
use crate::model::comparison::{Comparison, ComparisonNote, WordingInput};
use crate::model::comparison_export;
use crate::model::library::Library;
use crate::model::notebook::{Edit, Notebook};
use crate::model::search::{Folded, NotesIndex, fold_query};
use crate::model::selection::Selection;
use crate::model::text::Text;
use crate::storage::annotations_file::save_bytes;
use crate::storage::atomic::FileSystem;
use crate::storage::backups::SnapshotPolicy;
use crate::storage::import::ImportMeta;
use crate::storage::lock::ProfileLock;
use crate::storage::open::{Access, open_profile};
use crate::storage::profile::Profile;
use crate::storage::reading_state::{
    DEFAULT_FONT_SIZE, FONT_SIZE_RANGE, PaneRecord, ReadingState, ThemeChoice,
};
use crate::storage::saver::Saver;
use crate::ui::action::{Action, AnnotationFormat, ExportFormat};
use crate::ui::annotations_view::{
    AnnotationsPanel, AnnotationsViewState, annotations_panel_ui, category_color,
};
use crate::ui::backups_view::backups_window;
use crate::ui::compare_view::{
    ComparisonInput, ComparisonState, ComparisonView, comparison_ui, png_of,
};
use crate::ui::desk::{Desk, DeskMarks, HighlightsByText, desk_ui};
use crate::ui::dialogs::{
    FileDialogs, ImportOutcome, NativeDialogs, OpenOutcome, ReadOutcome, SaveOutcome,
    open_text_file, pick_import_file, read_annotations_file, read_import_file, save_file,
};
use crate::ui::info_view::text_info_window;
use crate::ui::library_view::{LibraryViewState, library_ui};
use crate::ui::reader::{FoundMarks, Highlight, Highlights, ReaderView, ReadingStyle};
use crate::ui::search_view::{
    FindState, LISTED_HITS, MARKED_MATCHES, NoteHit, SearchAllState, TextHits, find_bar_ui,
    search_all_ui,
};
use crate::ui::theme;

/// A text to fold for search, and where to send its folded copy.
struct FoldJob {
    key: (String, bool),
    text: Arc<Text>,
    done: std::sync::mpsc::Sender<FoldedCopy>,
    repaint: egui::Context,
}

/// Texts waiting to be folded. At most as many workers as the machine has cores take them in
/// turn, so searching a library of a hundred volumes does not start a hundred threads.
#[derive(Default)]
struct FoldQueue {
    /// The waiting jobs and the number of workers running.
    shared: Arc<std::sync::Mutex<(std::collections::VecDeque<FoldJob>, usize)>>,
}

impl FoldQueue {
    fn push(&self, job: FoldJob, urgent: bool) {
        let workers = std::thread::available_parallelism().map_or(1, usize::from);
        let Ok(mut shared) = self.shared.lock() else {
            return;
        };
        let (waiting, running) = &mut *shared;
        if urgent {
            waiting.push_front(job);
        } else {
            waiting.push_back(job);
        }
        if *running >= workers {
            return;
        }
        let queue = self.shared.clone();
        let spawned = std::thread::Builder::new()
            .name("lectern-fold".into())
            .spawn(move || fold_worker(&queue));
        match spawned {
            Ok(_) => *running += 1,
            Err(e) => log::error!("could not start folding texts for search: {e}"),
        }
    }
}

/// Folds waiting texts until none is left. Taking a job and leaving when there is none happen
/// under one lock, so a job pushed meanwhile is never stranded.
fn fold_worker(queue: &std::sync::Mutex<(std::collections::VecDeque<FoldJob>, usize)>) {
    loop {
        let job = {
            let Ok(mut shared) = queue.lock() else {
                return;
            };
            match shared.0.pop_front() {
                Some(job) => job,
                None => {
                    shared.1 -= 1;
                    return;
                }
            }
        };
        let folded = Folded::new(job.text.content(), job.key.1);
        let _ = job.done.send((job.key, folded));
        job.repaint.request_repaint();
    }
}

/// What the highlights were built from: the annotations' revision, dark mode, the texts open
/// in panes and the number of orphans.
type HighlightsKey = (u64, bool, Vec<String>, usize);

/// A text's folded copy for search, keyed by (text id, match case).
type FoldedCopy = ((String, bool), Folded);

/// How long a change may wait before the reading state is saved.
pub const SAVE_DELAY: Duration = Duration::from_secs(1);
/// A note being typed in the annotations panel is kept (as if saved) after this pause in the
/// typing, so that a crash loses at most the last few words.
pub const NOTE_PAUSE: Duration = Duration::from_secs(3);
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
    /// The file system saves go through (None: the real one; tests make its steps fail).
    pub file_system: Option<Arc<dyn FileSystem>>,
    /// How long a change waits before it is saved (None: [`SAVE_DELAY`]).
    pub save_delay: Option<Duration>,
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
    /// The reader's work: categories, annotations, notes on comparisons, history.
    pub notebook: Notebook,
    /// The annotation selected in the panel or by clicking its highlight.
    pub selected_annotation: Option<String>,
    /// The annotations panel's state.
    pub annotations_view: AnnotationsViewState,
    /// Whether the annotations panel is shown.
    pub annotations_open: bool,
    /// The open comparison.
    pub comparison: Option<ComparisonState>,
    bundled_comparisons: Vec<Comparison>,
    /// The wordings typed into the "Compare pasted wordings" window, while it is open.
    pub paste: Option<Vec<String>>,
    pending_export: Option<Receiver<SaveOutcome>>,
    pending_shot: Option<Receiver<Arc<egui::ColorImage>>>,
    pending_import: Option<Receiver<ReadOutcome>>,
    pending_text_import: Option<(
        Receiver<ImportOutcome>,
        crate::ui::dialogs::ReadProgress,
        Instant,
    )>,
    /// The annotations panel's note editor as last looked at (see `keep_note_after_a_pause`).
    typed_note: Option<TypedNote>,
    /// Files dropped on the window, waiting to be imported one after another.
    pub dropped_files: std::collections::VecDeque<std::path::PathBuf>,
    /// Imported texts removed in this session, last last (for undo).
    pub removed_texts: Vec<Arc<Text>>,
    /// A text read for import, waiting for the reader to confirm its metadata.
    pub import_draft: Option<ImportDraft>,
    /// The find bar, while it is open.
    pub find: Option<FindState>,
    /// Folded copies of texts for search: (text id, match case).
    folded: std::collections::HashMap<(String, bool), Arc<Folded>>,
    /// Folded copies being built: (text id, match case) → arrives on `folds`.
    folding: HashSet<(String, bool)>,
    folds: (std::sync::mpsc::Sender<FoldedCopy>, Receiver<FoldedCopy>),
    /// Texts waiting to be folded, taken by a few workers in turn.
    fold_queue: FoldQueue,
    /// The notes and tags folded for Search everything: (annotations' revision, match case).
    notes_index: Option<((u64, bool), NotesIndex)>,
    /// Search everything, while its window is open.
    pub search_all: Option<SearchAllState>,
    /// The backups listed by File ▸ Restore from backup…, while its window is open.
    pub backups: Option<Vec<crate::storage::backups::Backup>>,
    /// The highlights of the open texts, and what they were built from (see
    /// [`Self::refresh_highlights`]).
    highlights: Option<(HighlightsKey, HighlightsByText)>,
    saved_annotations_revision: u64,
    annotations_dirty_since: Option<Instant>,
    _lock: Option<ProfileLock>,
    dialogs: Arc<dyn FileDialogs>,
    pending_open: Option<Receiver<OpenOutcome>>,
    profile: Option<Profile>,
    saver: Saver,
    notices: Vec<String>,
    /// The last failed save of each file, shown until that file is saved again.
    save_errors: std::collections::BTreeMap<std::path::PathBuf, String>,
    last_saved: Option<ReadingState>,
    dirty_since: Option<Instant>,
    applied_theme: Option<ThemeChoice>,
    configured: bool,
    /// Set (from another thread) when the desktop asks Lectern to end: SIGTERM at logout,
    /// SIGINT, SIGHUP. The next frame saves what is pending and closes the window.
    stop: Arc<AtomicBool>,
    stopping: bool,
    save_delay: Duration,
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
            notebook: Notebook::default(),
            selected_annotation: None,
            annotations_view: AnnotationsViewState::default(),
            annotations_open: true,
            comparison: None,
            bundled_comparisons: crate::bundled::bundled_comparisons(),
            paste: None,
            pending_export: None,
            pending_shot: None,
            find: None,
            pending_import: None,
            pending_text_import: None,
            dropped_files: std::collections::VecDeque::new(),
            typed_note: None,
            import_draft: None,
            removed_texts: Vec::new(),
            folded: std::collections::HashMap::new(),
            folding: HashSet::new(),
            folds: std::sync::mpsc::channel(),
            search_all: None,
            backups: None,
            highlights: None,
            fold_queue: FoldQueue::default(),
            notes_index: None,
            saved_annotations_revision: 0,
            annotations_dirty_since: None,
            _lock: None,
            dialogs: options.dialogs.unwrap_or_else(|| Arc::new(NativeDialogs)),
            pending_open: None,
            profile: None,
            saver: match options.file_system {
                Some(fs) => Saver::with_file_system(fs),
                None => Saver::spawn(),
            },
            notices: Vec::new(),
            save_errors: std::collections::BTreeMap::new(),
            last_saved: None,
            dirty_since: None,
            applied_theme: None,
            configured: false,
            stop: Arc::new(AtomicBool::new(false)),
            stopping: false,
            save_delay: options.save_delay.unwrap_or(SAVE_DELAY),
        };
        match options.profile {
            Some(profile) => app.open_profile(profile),
            None => app.notices.push(
                "No profile folder could be opened, so nothing will be saved in this session."
                    .into(),
            ),
        }
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

    /// Opens the profile the way every command does ([`open_profile`]): its lock, imported
    /// texts, notebook (recovered and re-anchored) and reading state, with what was found said
    /// in the banner.
    fn open_profile(&mut self, profile: Profile) {
        let library = std::mem::take(&mut self.library);
        let opened = match open_profile(profile.clone(), library, Access::Window) {
            Ok(opened) => opened,
            Err(e) => {
                // The window's access never fails; should it, nothing is written.
                self.notices
                    .push(format!("The profile could not be opened: {e}."));
                return;
            }
        };
        self.library = opened.library;
        self.notebook = opened.notebook;
        self._lock = opened.lock;
        self.notices.extend(opened.notices);
        self.profile = Some(opened.profile);
        self.saved_annotations_revision = self.notebook.revision();
        if let Some(state) = opened.reading_state {
            self.restore(&state);
            self.last_saved = Some(state);
        }
    }

    /// Places every annotation in its text as the text is now (after a text was imported
    /// again, removed or put back), and tells the reader what moved and what is orphaned.
    fn reanchor(&mut self) {
        let report = self.notebook.reanchor(&self.library);
        if report.is_news() {
            self.notices.push(report.summary());
        }
    }

    /// Carries out an edit of the reader's work, made now; false when it changed nothing.
    /// A refused edit (the profile is read-only) says why, once.
    fn edit(&mut self, edit: Edit) -> bool {
        match self.notebook.edit(edit, &clock::now()) {
            Ok(changed) => changed,
            Err(_) => !self.editable(),
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

    /// Saves that failed, in words for the reader (shown until the file is saved again).
    pub fn save_problems(&self) -> Vec<&str> {
        self.save_errors.values().map(String::as_str).collect()
    }

    /// Whether the profile is read-only in this session (a newer version's file).
    pub fn is_read_only(&self) -> bool {
        self.notebook.is_read_only()
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

    /// Saves the reading state now and waits for the write (on exit, and in tests). A note
    /// still being typed is kept first.
    pub fn save_now(&mut self) {
        self.keep_typed_note();
        if let Some(profile) = &self.profile
            && !self.notebook.is_read_only()
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
            if self.notebook.revision() != self.saved_annotations_revision {
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
                        self.saved_annotations_revision = self.notebook.revision().wrapping_sub(1);
                    } else {
                        self.last_saved = None;
                    }
                }
            }
        }
    }

    /// True while a comparison fills the window: the library and annotations panels are set
    /// aside (still open, shown again when it is docked or closed), so that a comparison of
    /// many witnesses has the whole width for its columns.
    pub fn side_panels_set_aside(&self) -> bool {
        self.comparison.as_ref().is_some_and(|s| s.full)
    }

    /// Docks a comparison that fills the window, so that the side panels show again.
    fn bring_back_side_panels(&mut self) {
        if let Some(state) = &mut self.comparison {
            state.full = false;
        }
    }

    /// Keeps what is typed in the annotations panel's note editor (note and tags) in the
    /// annotation, as the Save note button does; one undo step. Nothing when nothing changed.
    fn keep_typed_note(&mut self) {
        self.typed_note = None;
        let Some((id, note, tags)) = &self.annotations_view.draft else {
            return;
        };
        let Some(annotation) = self.notebook.annotations().get(id) else {
            return;
        };
        let tags = crate::ui::annotations_view::parse_tags(tags);
        if annotation.note == *note && annotation.tags == tags || self.notebook.is_read_only() {
            return;
        }
        let mut changed = annotation.clone();
        changed.note = note.clone();
        changed.tags = tags;
        self.change_annotation(changed);
    }

    /// Replaces an annotation with its changed version (dated now), as one undoable step;
    /// false when nothing changed (read-only, or the annotation is gone).
    fn change_annotation(&mut self, changed: Annotation) -> bool {
        self.edit(Edit::ChangeAnnotation(changed))
    }

    /// After a pause in typing a note, keeps it (see [`NOTE_PAUSE`]). The annotation is
    /// looked up only when what is typed changes, not every frame.
    fn keep_note_after_a_pause(&mut self, ctx: &egui::Context) {
        let Some(draft) = &self.annotations_view.draft else {
            self.typed_note = None;
            return;
        };
        if self.typed_note.as_ref().is_none_or(|t| t.draft != *draft) {
            let (id, note, tags) = draft;
            let differs = self.notebook.annotations().get(id).is_some_and(|a| {
                a.note != *note || a.tags != crate::ui::annotations_view::parse_tags(tags)
            });
            self.typed_note = Some(TypedNote {
                draft: draft.clone(),
                since: Instant::now(),
                differs,
            });
        }
        let Some(typed) = self.typed_note.as_ref().filter(|t| t.differs) else {
            return;
        };
        let waited = typed.since.elapsed();
        if waited >= NOTE_PAUSE {
            self.keep_typed_note();
        } else {
            ctx.request_repaint_after(NOTE_PAUSE - waited);
        }
    }

    /// Lets the note fields (the annotations panel's and the comparison's) show the notes as
    /// they now are (after an undo or a redo), not what was typed before.
    fn forget_note_drafts(&mut self) {
        self.annotations_view.draft = None;
        self.typed_note = None;
        if let Some(state) = &mut self.comparison {
            state.drafts.clear();
        }
    }

    /// Queues the annotations for saving (off the UI thread).
    fn save_annotations(&mut self) {
        let Some(profile) = &self.profile else {
            return;
        };
        // A copy is taken here; it is serialised and written (with a snapshot when one is
        // due) on the saving thread.
        let file = self.notebook.to_contents();
        let profile = profile.clone();
        self.saver
            .write_with(profile.annotations_path(), move |fs| {
                let bytes = file.to_bytes()?;
                save_bytes(fs, &profile, &bytes, &SnapshotPolicy::default())
            });
        self.saved_annotations_revision = self.notebook.revision();
        self.annotations_dirty_since = None;
    }

    fn autosave(&mut self, ctx: &egui::Context) {
        self.collect_save_reports();
        if !self.notebook.is_read_only()
            && self.notebook.revision() != self.saved_annotations_revision
        {
            let since = *self
                .annotations_dirty_since
                .get_or_insert_with(Instant::now);
            let waited = since.elapsed();
            if waited >= self.save_delay {
                self.save_annotations();
            } else {
                ctx.request_repaint_after(self.save_delay - waited);
            }
        }
        let Some(profile) = &self.profile else {
            return;
        };
        if self.notebook.is_read_only() {
            return;
        }
        let state = self.reading_state();
        if self.last_saved.as_ref() == Some(&state) {
            self.dirty_since = None;
            return;
        }
        let since = *self.dirty_since.get_or_insert_with(Instant::now);
        let waited = since.elapsed();
        if waited < self.save_delay {
            ctx.request_repaint_after(self.save_delay - waited);
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
                    let found = self.notebook.annotation_at(pane.text.id(), range)?;
                    Some(found.annotation_id.clone())
                });
                if existing.is_some() {
                    self.selected_annotation = existing;
                } else {
                    self.highlight(None);
                }
                if self.selected_annotation.is_some() {
                    self.annotations_open = true;
                    self.annotations_view.focus_note = true;
                    self.bring_back_side_panels();
                }
            }
            Action::SelectAnnotation(annotation_id) => self.selected_annotation = annotation_id,
            Action::GoToAnnotation(annotation_id) => self.go_to_annotation(&annotation_id),
            Action::ChangeAnnotation(changed) => {
                self.change_annotation(*changed);
            }
            Action::DeleteAnnotation(annotation_id) => {
                if self.edit(Edit::DeleteAnnotation(annotation_id.clone()))
                    && self.selected_annotation.as_deref() == Some(annotation_id.as_str())
                {
                    self.selected_annotation = None;
                }
            }
            Action::RestoreAnnotation(annotation_id) => {
                self.edit(Edit::RestoreAnnotation(annotation_id));
            }
            Action::ReattachAnnotation(annotation_id) => self.reattach(&annotation_id),
            Action::ToggleAnnotationsPanel => {
                // Set aside by a comparison that fills the window: shown again, not closed.
                self.annotations_open = !self.annotations_open || self.side_panels_set_aside();
                self.bring_back_side_panels();
            }
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
            Action::ToggleLibrary => {
                self.library_open = !self.library_open || self.side_panels_set_aside();
                self.bring_back_side_panels();
            }
            Action::FocusLibraryFilter => {
                self.library_open = true;
                self.library_view.focus_filter = true;
                self.bring_back_side_panels();
            }
            Action::ShowShortcuts => self.show_shortcuts = true,
            Action::Quit => {
                self.save_now();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::OpenComparison(id) => self.open_comparison(&id, ctx),
            Action::CloseComparison => {
                if let Some(state) = &mut self.comparison {
                    state.cancel();
                }
                self.comparison = None;
            }
            Action::CompareSelections => self.compare_selections(ctx),
            Action::CompareOpenTexts => self.compare_open_texts(ctx),
            Action::ShowPasteComparison => {
                if self.paste.is_none() {
                    self.paste = Some(vec![String::new(), String::new()]);
                }
            }
            Action::ComparePasted(wordings) => {
                let inputs = wordings
                    .iter()
                    .enumerate()
                    .map(|(n, text)| WordingInput::pasted(&format!("Wording {}", n + 1), text))
                    .collect();
                self.paste = None;
                self.open_readers_comparison("Pasted wordings".into(), inputs, ctx);
            }
            Action::CancelComparison => {
                if let Some(state) = &mut self.comparison {
                    state.cancel();
                }
            }
            Action::NextDifference | Action::PreviousDifference => {
                if let Some(state) = &mut self.comparison {
                    state.step(action == Action::NextDifference);
                }
            }
            Action::SwapWitnesses => {
                if let Some(state) = &mut self.comparison {
                    state.swap(ctx);
                }
            }
            Action::SetComparisonLayout { inline } => {
                if let Some(state) = &mut self.comparison {
                    state.inline = inline;
                }
            }
            Action::SetNormalization(normalization) => {
                if let Some(state) = &mut self.comparison {
                    state.normalization = normalization;
                    state.recompute(ctx);
                }
            }
            Action::SetReference(reference) => {
                if let Some(state) = &mut self.comparison {
                    state.reference = reference;
                    state.recompute(ctx);
                }
            }
            Action::ToggleWitness(index) => {
                if let Some(state) = &mut self.comparison
                    && let Some(hidden) = state.hidden.get_mut(index)
                {
                    *hidden = !*hidden;
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
            Action::ExportComparison(format) => self.export_comparison(format, ctx),
            Action::OpenComparisonNote(note_id) => {
                let notes = self.notebook.comparison_notes();
                let Some(note) = notes.iter().find(|n| n.note_id == note_id) else {
                    return;
                };
                let (comparison_id, segment) = (note.comparison_id.clone(), note.segment);
                let open = self
                    .comparison
                    .as_ref()
                    .is_some_and(|s| s.comparison.id == comparison_id);
                if !open {
                    self.open_comparison(&comparison_id, ctx);
                }
                match &mut self.comparison {
                    Some(state) if state.comparison.id == comparison_id => {
                        state.scroll_to_segment(segment);
                        state.focus_note = Some(note_id);
                    }
                    _ => self.notices.push(
                        "The comparison this note is on is no longer available; the note keeps \
                         the wordings it was about."
                            .into(),
                    ),
                }
            }
            Action::OpenFind => {
                if let Some(pane) = self.desk.active_pane() {
                    let find = self.find.get_or_insert_with(FindState::default);
                    find.text_id = pane.text.id().to_owned();
                    find.focus = true;
                }
            }
            Action::FindNext | Action::FindPrevious => {
                self.step_find(action == Action::FindNext);
            }
            Action::CloseFind => self.find = None,
            Action::SearchAll => {
                let state = self.search_all.get_or_insert_with(SearchAllState::default);
                state.focus = true;
            }
            Action::CloseSearchAll => self.search_all = None,
            Action::OpenSearchHit { text_id, range } => self.show_range(&text_id, range, true),
            Action::CopyWithCitation { markdown } => {
                use crate::model::annotation_export::{
                    quote_with_citation, quote_with_citation_markdown,
                };
                if let Some(pane) = self.desk.active_pane()
                    && let Some(range) = pane.view.selected_range()
                {
                    let quote = pane.text.slice(range);
                    let copied = if markdown {
                        quote_with_citation_markdown(&self.library, pane.text.id(), quote)
                    } else {
                        quote_with_citation(&self.library, pane.text.id(), quote)
                    };
                    ctx.copy_text(copied);
                }
            }
            Action::ImportText => {
                if self.pending_text_import.is_none() && self.editable() {
                    let (receiver, progress) = pick_import_file(self.dialogs.clone(), ctx.clone());
                    self.pending_text_import = Some((receiver, progress, Instant::now()));
                }
            }
            Action::ConfirmImport => {
                self.confirm_import();
                self.next_dropped_file(ctx);
            }
            Action::RemoveImported(text_id) => {
                if !self.editable() {
                    return;
                }
                let Some(profile) = self.profile.clone() else {
                    return;
                };
                // The import's file may still be queued for writing: moving it before it is
                // written would fail, and a later write would bring the text back.
                self.saver.flush();
                if let Err(e) = crate::storage::import::remove_import(&profile, &text_id) {
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
                if let Some(text) = self.library.remove(&text_id) {
                    self.removed_texts.push(text);
                }
                self.reanchor();
            }
            Action::UndoRemoveImported => {
                let (Some(profile), Some(text)) = (self.profile.clone(), self.removed_texts.pop())
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
            Action::CancelImport => {
                self.import_draft = None;
                self.next_dropped_file(ctx);
            }
            Action::ImportAnnotations => {
                if self.pending_import.is_none() && self.editable() {
                    self.pending_import =
                        Some(read_annotations_file(self.dialogs.clone(), ctx.clone()));
                }
            }
            Action::ExportAnnotations {
                format,
                current_text_only,
            } => {
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
                self.export_annotations(format, &ids, &name, ctx);
            }
            Action::ExportSelectedAnnotations { format, ids } => {
                self.export_annotations(format, &ids, "lectern-annotations-selected", ctx);
            }
            Action::ShowBackups => {
                self.backups = self.profile.as_ref().map(crate::storage::backups::list);
            }
            Action::CloseBackups => self.backups = None,
            Action::RestoreBackup(name) => self.restore_backup(&name),
            Action::ToggleComparisonFull => {
                if let Some(state) = &mut self.comparison {
                    state.full = !state.full;
                }
            }
        }
    }

    /// Finds the query again when the text, the query or the options changed, building the
    /// text's folded copy in the background first.
    /// Takes the folded copies the worker has finished.
    fn collect_folds(&mut self) {
        while let Ok((key, folded)) = self.folds.1.try_recv() {
            self.folding.remove(&key);
            self.folded.insert(key, Arc::new(folded));
        }
    }

    /// The folded copy of a text for searching, or None while it is built in the background
    /// (started here if it is not yet).
    /// `urgent` puts it before those already waiting (the text of the find bar before the
    /// rest of the library).
    fn folded_copy(
        &mut self,
        text: &Arc<Text>,
        match_case: bool,
        urgent: bool,
        ctx: &egui::Context,
    ) -> Option<Arc<Folded>> {
        let key = (text.id().to_owned(), match_case);
        if let Some(folded) = self.folded.get(&key) {
            return Some(folded.clone());
        }
        if self.folding.insert(key.clone()) {
            let job = FoldJob {
                key,
                text: text.clone(),
                done: self.folds.0.clone(),
                repaint: ctx.clone(),
            };
            self.fold_queue.push(job, urgent);
        }
        None
    }

    /// Finds the query again when the text, the query or the options changed, building the
    /// text's folded copy in the background first.
    fn update_find(&mut self, ctx: &egui::Context) {
        let Some(find) = &mut self.find else {
            return;
        };
        if let Some(pane) = self.desk.active_pane() {
            find.text_id = pane.text.id().to_owned();
        }
        let (text_id, match_case) = (find.text_id.clone(), find.options.match_case);
        let Some(text) = self.library.get(&text_id).cloned() else {
            return;
        };
        let folded = self.folded_copy(&text, match_case, true, ctx);
        let Some(find) = &mut self.find else {
            return;
        };
        let Some(folded) = folded else {
            find.preparing = true;
            return;
        };
        find.preparing = false;
        let wanted = (find.text_id.clone(), find.query.clone(), find.options);
        if find.searched.as_ref() == Some(&wanted) {
            return;
        }
        let needle = fold_query(&find.query, find.options.match_case);
        let (matches, count) = folded.find(text.content(), &needle, find.options, MARKED_MATCHES);
        find.matches = matches;
        find.count = count;
        find.current = None;
        find.searched = Some(wanted);
        self.step_find(true);
    }

    /// Searches every text and note again when the query, the options or the texts ready to
    /// search changed.
    fn update_search_all(&mut self, ctx: &egui::Context) {
        let Some(state) = &self.search_all else {
            return;
        };
        // Nothing to do in a frame where the query is unchanged and every text was ready.
        let searched_now = state
            .searched
            .as_ref()
            .is_some_and(|(q, o, _)| *q == state.query && *o == state.options);
        if searched_now && state.preparing == 0 {
            return;
        }
        let (query, options) = (state.query.clone(), state.options);
        let texts: Vec<Arc<Text>> = self.library.texts().to_vec();
        let mut ready = Vec::new();
        for text in &texts {
            if let Some(folded) = self.folded_copy(text, options.match_case, false, ctx) {
                ready.push((text.clone(), folded));
            }
        }
        let Some(state) = &mut self.search_all else {
            return;
        };
        state.preparing = texts.len() - ready.len();
        let wanted = (query.clone(), options, ready.len());
        if state.searched.as_ref() == Some(&wanted) {
            return;
        }
        state.searched = Some(wanted);
        state.texts.clear();
        state.notes.clear();
        let needle = fold_query(&query, options.match_case);
        if needle.is_empty() {
            return;
        }
        for (text, folded) in ready {
            let (found, count) = folded.find(text.content(), &needle, options, LISTED_HITS);
            if count == 0 {
                continue;
            }
            let hits = found
                .into_iter()
                .map(|range| {
                    let (line, at) =
                        crate::model::search::context(text.content(), range.clone(), 40);
                    (range, line, at)
                })
                .collect();
            state.texts.push(TextHits {
                text_id: text.id().to_owned(),
                title: text.meta().title.clone(),
                count,
                hits,
            });
        }
        let key = (self.notebook.revision(), options.match_case);
        if self.notes_index.as_ref().is_none_or(|(k, _)| *k != key) {
            let entries = self
                .notebook
                .annotations()
                .live()
                .iter()
                .map(|a| format!("{} {}", a.note, a.tags.join(" ")));
            self.notes_index = Some((key, NotesIndex::new(entries, options.match_case)));
        }
        let Some((_, index)) = &self.notes_index else {
            return;
        };
        let live = self.notebook.annotations().live();
        for position in index.matching(&needle, options) {
            let annotation = &live[position];
            state.notes.push(NoteHit {
                annotation_id: annotation.annotation_id.clone(),
                line: format!("{} {}", annotation.note, annotation.tags.join(" "))
                    .trim()
                    .to_owned(),
                title: self
                    .library
                    .get(&annotation.text_id)
                    .map_or(annotation.text_id.clone(), |t| t.meta().title.clone()),
            });
        }
    }

    /// Shows `range` of a library text in the pane showing that text (else in a new pane
    /// beside, or the active one), scrolled to and flashed; `select` selects it too.
    fn show_range(&mut self, text_id: &str, range: std::ops::Range<usize>, select: bool) {
        let Some(text) = self.library.get(text_id).cloned() else {
            return;
        };
        let showing = self
            .desk
            .panes()
            .iter()
            .position(|p| p.text.id() == text_id);
        let pane = match showing {
            Some(index) => index,
            None => {
                let beside = self.desk.can_add_pane() && !self.desk.panes().is_empty();
                self.desk.open(text.clone(), beside)
            }
        };
        self.desk.focus(pane);
        if let Some(pane) = self.desk.pane_mut(pane) {
            let range = text.clamp_range(range);
            if select {
                pane.view.selection = Some(Selection::from_range(range.clone()));
            }
            pane.view.jump_to(text.paragraph_at(range.start), 0.0);
            pane.view.flash(range);
        }
    }

    /// Selects the next (or previous) match in the active pane and scrolls to it.
    fn step_find(&mut self, forward: bool) {
        let Some(find) = &mut self.find else {
            return;
        };
        let Some(range) = find.step(forward) else {
            return;
        };
        if let Some(pane) = self.desk.active_pane_mut()
            && pane.text.id() == find.text_id
        {
            pane.view.selection = Some(Selection::from_range(range.clone()));
            let paragraph = pane.text.paragraph_at(range.start);
            pane.view.jump_to(paragraph, 0.0);
        }
    }

    /// Opens a bundled comparison or one of the reader's own.
    fn open_comparison(&mut self, id: &str, ctx: &egui::Context) {
        let bundled = self.bundled_comparisons.iter().find(|c| c.id == id);
        let (comparison, readers_own) = match bundled {
            Some(c) => (c.clone(), false),
            None => match self.notebook.readers_comparison(id) {
                Some(c) => (c.clone(), true),
                None => return,
            },
        };
        self.show_comparison(ComparisonInput::Ready(comparison), readers_own, ctx);
    }

    fn show_comparison(&mut self, input: ComparisonInput, readers_own: bool, ctx: &egui::Context) {
        let (normalization, full) = self
            .comparison
            .as_ref()
            .map_or((Normalization::wording(), false), |s| {
                (s.normalization, s.full)
            });
        if let Some(state) = &mut self.comparison {
            state.cancel();
        }
        let mut state = ComparisonState::open(input, readers_own, normalization, ctx);
        state.full = full;
        self.comparison = Some(state);
    }

    fn open_readers_comparison(
        &mut self,
        title: String,
        inputs: Vec<WordingInput>,
        ctx: &egui::Context,
    ) {
        let id = format!("reader-{}", clock::new_annotation_id());
        self.show_comparison(ComparisonInput::Wordings { id, title, inputs }, true, ctx);
    }

    /// How many panes have a passage selected.
    pub fn selection_count(&self) -> usize {
        self.desk
            .panes()
            .iter()
            .filter(|p| p.view.selected_range().is_some())
            .count()
    }

    fn compare_selections(&mut self, ctx: &egui::Context) {
        let inputs: Vec<WordingInput> = self
            .desk
            .panes()
            .iter()
            .filter_map(|pane| {
                let range = pane.view.selected_range()?;
                Some(WordingInput::from_text(&pane.text, range))
            })
            .collect();
        if inputs.len() < 2 {
            self.notices.push(
                "To compare selections, select a passage in each of two panes (open a second \
                 text with Beside)."
                    .into(),
            );
            return;
        }
        let title = format!("Selections: {}", labels(&inputs));
        self.open_readers_comparison(title, inputs, ctx);
    }

    fn compare_open_texts(&mut self, ctx: &egui::Context) {
        let inputs: Vec<WordingInput> = self
            .desk
            .panes()
            .iter()
            .map(|pane| WordingInput::from_text(&pane.text, 0..pane.text.char_len()))
            .collect();
        if inputs.len() < 2 {
            self.notices
                .push("To compare texts, open two or three texts side by side first.".into());
            return;
        }
        let title = format!("Texts: {}", labels(&inputs));
        self.open_readers_comparison(title, inputs, ctx);
    }

    /// Opens a witness's passage in its text, selected, beside the comparison.
    fn open_witness_passage(&mut self, witness: usize, segment: usize) {
        let Some(state) = &mut self.comparison else {
            return;
        };
        let Some(Some(passage)) = state
            .comparison
            .witnesses
            .get(witness)
            .and_then(|w| w.segments.get(segment))
        else {
            return;
        };
        let Some(text) = passage
            .source_text
            .as_ref()
            .and_then(|id| self.library.get(id))
            .cloned()
        else {
            return;
        };
        let start = passage.at.or_else(|| {
            text.content()
                .find(&passage.text)
                .map(|byte| text.content()[..byte].chars().count())
        });
        let Some(start) = start else {
            state.message = Some(format!(
                "The passage was not found in “{}”: the text may have changed.",
                text.meta().title
            ));
            return;
        };
        state.full = false;
        let range = start..start + passage.text.chars().count();
        self.show_range(text.id(), range, true);
    }

    fn note_on_difference(&mut self, segment: usize, difference: Option<usize>) {
        if !self.editable() {
            return;
        }
        let Some(state) = &mut self.comparison else {
            return;
        };
        let found = difference.and_then(|i| state.result.as_ref()?.differences.get(i).cloned());
        let note = ComparisonNote::new(
            clock::new_annotation_id(),
            &state.comparison,
            segment,
            found.as_ref(),
            &clock::now(),
        );
        state.focus_note = Some(note.note_id.clone());
        state.scroll_to_segment(segment);
        // The reader's own comparison is kept with its notes (only the annotated part of a
        // long one); a bundled one is not stored.
        let readers_comparison = state.readers_own.then(|| state.comparison.clone());
        self.edit(Edit::AddComparisonNote {
            note,
            readers_comparison,
        });
    }

    fn export_comparison(&mut self, format: ExportFormat, ctx: &egui::Context) {
        let Some(state) = &self.comparison else {
            return;
        };
        let Some(result) = &state.result else {
            return;
        };
        let (comparison, normalization, reference) =
            (&state.comparison, &state.normalization, state.reference);
        let content = match format {
            ExportFormat::Markdown => {
                comparison_export::to_markdown(comparison, result, normalization, reference)
            }
            ExportFormat::Html => {
                comparison_export::to_html(comparison, result, normalization, reference)
            }
            ExportFormat::Png => {
                let (sender, receiver) = std::sync::mpsc::channel();
                let repaint = ctx.clone();
                ctx.request_screenshot(move |image| {
                    let _ = sender.send(image);
                    repaint.request_repaint();
                });
                self.pending_shot = Some(receiver);
                return;
            }
        };
        let name = file_name(&comparison.title, format.extension());
        self.start_export(content.into_bytes(), name, ctx);
    }

    fn start_export(&mut self, bytes: Vec<u8>, name: String, ctx: &egui::Context) {
        if self.pending_export.is_none() {
            // Without a file dialog on this desktop, exports go to the profile's exports folder.
            let fallback = self.profile.as_ref().map(|p| p.dir().join("exports"));
            self.pending_export = Some(save_file(
                self.dialogs.clone(),
                ctx.clone(),
                "Export the comparison".into(),
                name,
                bytes,
                fallback,
            ));
        }
    }

    /// Takes a requested screenshot and the outcome of an export.
    fn poll_export(&mut self, ctx: &egui::Context) {
        let shot = self.pending_shot.as_ref().and_then(|r| r.try_recv().ok());
        if let Some(image) = shot {
            self.pending_shot = None;
            if let Some(state) = &mut self.comparison {
                match state
                    .rect
                    .map(|rect| png_of(&image, rect, ctx.pixels_per_point()))
                {
                    Some(Ok(bytes)) => {
                        let name = file_name(&state.comparison.title, "png");
                        self.start_export(bytes, name, ctx);
                    }
                    Some(Err(e)) => state.message = Some(format!("No image was made: {e}.")),
                    None => {}
                }
            }
        }
        let Some(outcome) = take_outcome(&mut self.pending_export, || {
            SaveOutcome::Failed("the export stopped".into())
        }) else {
            return;
        };
        let message = match outcome {
            SaveOutcome::Cancelled => return,
            SaveOutcome::Saved(path) => format!("Exported to {}.", path.display()),
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
    fn poll_import(&mut self) {
        let Some(outcome) = take_outcome(&mut self.pending_import, || {
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
        let categories = self.notebook.categories();
        let imported = match crate::model::annotation_export::from_w3c(&json, categories) {
            Ok(imported) => imported,
            Err(e) => {
                self.notices
                    .push(format!("Nothing was imported: the file has {e}."));
                return;
            }
        };
        match self.notebook.merge_import(imported, &self.library) {
            Ok(report) => self.notices.push(format!("{}.", report.summary())),
            Err(_) => {
                self.editable();
            }
        }
    }

    /// Exports the annotations `ids` as `format`, through the save dialog.
    fn export_annotations(
        &mut self,
        format: AnnotationFormat,
        ids: &[String],
        name: &str,
        ctx: &egui::Context,
    ) {
        let wanted: HashSet<&str> = ids.iter().map(String::as_str).collect();
        let (content, _) = crate::model::annotation_export::export_notebook(
            &self.notebook,
            &self.library,
            format,
            |a| wanted.contains(a.annotation_id.as_str()),
        );
        let name = format!("{name}.{}", format.extension());
        self.start_export(content.into_bytes(), name, ctx);
    }

    /// After an import window closes: a frame soon, to start on the next dropped file.
    fn next_dropped_file(&self, ctx: &egui::Context) {
        if self.import_draft.is_none() && !self.dropped_files.is_empty() {
            ctx.request_repaint();
        }
    }

    /// While files are dragged over the window: what dropping them will do.
    fn drop_hint(&self, ctx: &egui::Context) {
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
    fn poll_text_import(&mut self, ctx: &egui::Context) {
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
                self.dropped_files.extend(dropped);
            } else {
                self.notices.push(format!(
                    "This window is read-only, so the {} dropped was not imported.",
                    if dropped.len() == 1 { "file" } else { "files" }
                ));
            }
        }
        if self.pending_text_import.is_none()
            && self.import_draft.is_none()
            && self.editable()
            && let Some(path) = self.dropped_files.pop_front()
        {
            let (receiver, progress) = read_import_file(path, ctx.clone());
            self.pending_text_import = Some((receiver, progress, Instant::now()));
        }

        let Some((receiver, _, _)) = &self.pending_text_import else {
            return;
        };
        let outcome = match receiver.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                ImportOutcome::Failed("The import stopped unexpectedly.".into())
            }
        };
        self.pending_text_import = None;
        match outcome {
            ImportOutcome::Cancelled => {}
            ImportOutcome::Failed(message) => self.notices.push(message),
            ImportOutcome::Read(text, encoding) => {
                let meta = text.meta();
                self.import_draft = Some(ImportDraft {
                    meta: ImportMeta {
                        title: meta.title.clone(),
                        author: meta.author.clone(),
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
    fn confirm_import(&mut self) {
        if !self.editable() {
            return;
        }
        let Some(draft) = &mut self.import_draft else {
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
        let Some(profile) = self.profile.clone() else {
            return;
        };
        let path = crate::storage::import::imported_path(&profile, text.id());
        if let Some(dir) = path.parent()
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            draft.error = Some(format!("{} could not be created: {e}", dir.display()));
            return;
        }
        let replaced = self.library.get(text.id()).is_some();
        self.saver
            .save(path, crate::storage::import::file_bytes(&text));
        self.import_draft = None;
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
        let before: Vec<(String, usize)> = self
            .notebook
            .annotations()
            .live()
            .iter()
            .filter(|a| a.text_id == id)
            .map(|a| (a.annotation_id.clone(), a.anchor.start))
            .collect();
        self.reanchor();
        let moved = before
            .iter()
            .filter(|(aid, start)| {
                !self.notebook.is_orphan(aid)
                    && self
                        .notebook
                        .annotations()
                        .get(aid)
                        .is_some_and(|a| a.anchor.start != *start)
            })
            .count();
        let orphaned = before
            .iter()
            .filter(|(aid, _)| self.notebook.is_orphan(aid))
            .count();
        let annotations = if replaced && !before.is_empty() {
            format!(
                " Of its {} annotations, {moved} moved with their passages, {} stayed where \
                 they were, and {orphaned} could not be placed (kept, listed as orphaned).",
                before.len(),
                before.len() - moved - orphaned
            )
        } else {
            String::new()
        };
        self.notices.push(format!(
            "{} “{title}” ({encoding}); it is in the library and kept in your profile.{annotations}",
            if replaced { "Re-imported" } else { "Imported" },
        ));
        if !self.desk.panes().iter().any(|p| p.text.id() == id) {
            self.open_text(
                &id,
                self.desk.can_add_pane() && !self.desk.panes().is_empty(),
            );
        }
    }

    fn import_window(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(draft) = &mut self.import_draft else {
            return actions;
        };
        let mut open = true;
        egui::Window::new("Import a text")
            .open(&mut open)
            .collapsible(false)
            .default_width(460.0)
            .show(ctx, |ui| {
                ui.label(format!(
                    "{} paragraphs, read as {}. Check what the file says of itself:",
                    draft.text.paragraphs().len(),
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
                    if ui.button("Import").clicked() {
                        actions.push(Action::ConfirmImport);
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::CancelImport);
                    }
                });
            });
        if !open {
            actions.push(Action::CancelImport);
        }
        actions
    }

    /// Whether an import of a text is waiting for its dialog or disk.
    pub fn is_importing_text(&self) -> bool {
        self.pending_text_import.is_some()
    }

    /// Whether an import of annotations is waiting for its dialog or disk.
    pub fn is_importing(&self) -> bool {
        self.pending_import.is_some()
    }

    /// Whether an export is waiting for its dialog or disk.
    pub fn is_exporting(&self) -> bool {
        self.pending_export.is_some() || self.pending_shot.is_some()
    }

    /// Takes the result of "Open file…" once the worker thread has it.
    fn poll_open_file(&mut self) {
        let Some(outcome) = take_outcome(&mut self.pending_open, || {
            OpenOutcome::Failed("The file dialog closed unexpectedly; nothing was opened.".into())
        }) else {
            return;
        };
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
        if self.notebook.is_read_only() {
            let message = "This profile is open read-only, so annotations cannot be changed \
                           in this window."
                .to_owned();
            if !self.notices.contains(&message) {
                self.notices.push(message);
            }
        }
        !self.notebook.is_read_only()
    }

    /// Restores the annotations from the backup `name` as one undoable change, and says so.
    fn restore_backup(&mut self, name: &str) {
        let Some(profile) = self.profile.clone() else {
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
                self.notices.push(format!("Nothing was restored: {e}."));
                return;
            }
        };
        let written = self
            .backups
            .iter()
            .flatten()
            .find(|b| b.name == name)
            .map_or_else(|| name.to_owned(), |b| b.written.clone());
        if let Ok(changed) = self.notebook.restore_from(copy, &self.library) {
            self.forget_note_drafts();
            self.notices.push(format!(
                "Restored the backup of {written}: {changed} annotation{} changed. What it did \
                 not have is in the Trash; Undo (Ctrl+Z) takes the restore back.",
                if changed == 1 { "" } else { "s" }
            ));
            self.backups = None;
        }
    }

    /// Scrolls a pane to an annotation's passage, opening its text if no pane shows it.
    fn go_to_annotation(&mut self, annotation_id: &str) {
        let Some(annotation) = self.notebook.annotations().get(annotation_id) else {
            return;
        };
        let (text_id, range) = (
            annotation.text_id.clone(),
            annotation.anchor.start..annotation.anchor.end,
        );
        self.show_range(&text_id, range, false);
    }

    /// Attaches an orphan to the passage selected in the active pane.
    fn reattach(&mut self, annotation_id: &str) {
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
    fn highlight(&mut self, category: Option<usize>) {
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
            self.selected_annotation = Some(annotation_id);
            if let Some(pane) = self.desk.active_pane_mut() {
                pane.view.selection = None;
            }
        }
    }

    /// Builds the highlights of the texts open in panes again if the annotations, the
    /// categories, the orphans, the open texts or the theme changed since they were built
    /// (so an ordinary frame does no work for ten thousand annotations).
    fn refresh_highlights(&mut self, dark_mode: bool) {
        let open: Vec<String> = self
            .desk
            .panes()
            .iter()
            .map(|p| p.text.id().to_owned())
            .collect();
        let key = (
            self.notebook.revision(),
            dark_mode,
            open,
            self.notebook.orphans().len(),
        );
        if self.highlights.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let alpha = if dark_mode { 80 } else { 110 };
        let mut by_text: std::collections::HashMap<&str, Vec<Highlight>> =
            key.2.iter().map(|id| (id.as_str(), Vec::new())).collect();
        for annotation in self.notebook.annotations().live() {
            let Some(list) = by_text.get_mut(annotation.text_id.as_str()) else {
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
                range: text.clamp_range(annotation.anchor.start..annotation.anchor.end),
                color: egui::Color32::from_rgba_unmultiplied(
                    color.r(),
                    color.g(),
                    color.b(),
                    alpha,
                ),
            });
        }
        let built: HighlightsByText = by_text
            .into_iter()
            .map(|(id, list)| (id.to_owned(), Highlights::new(list)))
            .collect();
        self.highlights = Some((key, built));
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
                        | Action::CopyWithCitation { .. }
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
            // The platform turns Ctrl+C (and Ctrl+Shift+C) into a Copy event rather than a
            // key press.
            let citation = Action::CopyWithCitation { markdown: false };
            if !typing
                && input.events.iter().any(|e| matches!(e, Event::Copy))
                && !actions.contains(&Action::CopySelection)
                && !actions.contains(&citation)
            {
                actions.push(if input.modifiers.shift {
                    citation
                } else {
                    Action::CopySelection
                });
            }
        });
        actions
    }

    /// The flag another thread sets to have the window save what is pending, release the
    /// profile and close (a signal handler sets it, then asks for a repaint).
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        self.stop.clone()
    }

    /// Saves what is pending (a note being typed too), releases the profile's lock and closes
    /// the window, once the stop flag is set. True while stopping.
    pub fn stop_if_asked(&mut self, ctx: &egui::Context) -> bool {
        if !self.stopping && self.stop.load(Ordering::SeqCst) {
            self.stopping = true;
            self.save_now();
            self._lock = None;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.stopping
    }

    /// Whether the profile's lock is held by this window.
    pub fn holds_lock(&self) -> bool {
        self._lock.is_some()
    }

    /// Draws the whole window and applies what the user did.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.stop_if_asked(&ctx) {
            return;
        }
        if !self.configured {
            // Ctrl +/-/0 size the reading text, not the whole interface.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.configured = true;
            log::info!("the window is ready");
        }
        if self.applied_theme != Some(self.theme) {
            ctx.set_theme(theme::preference(self.theme));
            self.applied_theme = Some(self.theme);
        }
        self.poll_open_file();
        self.poll_export(&ctx);
        self.collect_folds();
        self.poll_import();
        self.poll_text_import(&ctx);
        self.drop_hint(&ctx);
        self.update_find(&ctx);
        self.update_search_all(&ctx);
        let mut actions = self.shortcut_actions(&ctx);

        egui::Panel::top("lectern-menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| actions.extend(self.menu_ui(ui)));
        });
        actions.extend(self.banners_ui(ui));
        egui::Panel::bottom("lectern-status").show(ui, |ui| actions.extend(self.status_ui(ui)));
        let set_aside = self.side_panels_set_aside();
        if self.library_open && !set_aside {
            let open_ids: Vec<&str> = self.desk.panes().iter().map(|p| p.text.id()).collect();
            let can_add = self.desk.can_add_pane();
            let comparisons: Vec<(String, String)> = self
                .bundled_comparisons
                .iter()
                .chain(self.notebook.noted_comparisons())
                .map(|c| (c.id.clone(), c.title.clone()))
                .collect();
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
                        &comparisons,
                    ));
                });
        }
        let style = ReadingStyle {
            font_size: self.font_size,
        };
        if self.annotations_open && !set_aside {
            let open_ids: Vec<&str> = self.desk.panes().iter().map(|p| p.text.id()).collect();
            let panel = AnnotationsPanel {
                annotations: self.notebook.annotations(),
                categories: self.notebook.categories(),
                library: &self.library,
                open_text_ids: &open_ids,
                selected: self.selected_annotation.as_deref(),
                orphans: self.notebook.orphans(),
                has_selection: self.has_selection(),
                comparison_notes: self.notebook.comparison_notes(),
                revision: self.notebook.revision(),
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
        // Also while the panel is closed or set aside: a note typed there is not forgotten.
        self.keep_note_after_a_pause(&ctx);
        let title = self.desk.active_pane().map(|p| p.text.meta().title.clone());
        if let (Some(find), Some(title)) = (&mut self.find, title) {
            egui::Panel::top("lectern-find")
                .show(ui, |ui| actions.extend(find_bar_ui(ui, find, &title)));
            let wanted = (find.text_id.clone(), find.query.clone(), find.options);
            if find.searched.as_ref() != Some(&wanted) {
                ctx.request_repaint(); // the matches of what was just typed, next frame
            }
        }
        self.refresh_highlights(ui.visuals().dark_mode);
        let found_color = if ui.visuals().dark_mode {
            egui::Color32::from_rgba_unmultiplied(200, 170, 40, 70)
        } else {
            egui::Color32::from_rgba_unmultiplied(255, 200, 0, 90)
        };
        let categories: Vec<(String, egui::Color32)> = self
            .notebook
            .categories()
            .iter()
            .map(|c| {
                let color = category_color(self.notebook.categories(), Some(&c.category_id));
                (c.name.clone(), color)
            })
            .collect();
        let note_categories: Vec<(String, String, egui::Color32)> = self
            .notebook
            .categories()
            .iter()
            .map(|c| {
                let color = category_color(self.notebook.categories(), Some(&c.category_id));
                (c.category_id.clone(), c.name.clone(), color)
            })
            .collect();
        let view = ComparisonView {
            notes: self.notebook.comparison_notes(),
            categories: &note_categories,
            font_size: self.font_size,
            editable: !self.notebook.is_read_only(),
        };
        let comparison_fills = match &self.comparison {
            Some(state) => state.full || self.desk.panes().is_empty(),
            None => false,
        };
        if let Some(state) = &mut self.comparison
            && !comparison_fills
        {
            let height = ui.available_height();
            egui::Panel::bottom("lectern-comparison")
                .resizable(true)
                .default_size(height * 0.55)
                .size_range(160.0..=(height - 120.0).max(200.0))
                .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(8.0))
                .show(ui, |ui| actions.extend(comparison_ui(ui, state, &view)));
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| match &mut self.comparison {
                Some(state) if comparison_fills => {
                    egui::Frame::central_panel(ui.style())
                        .inner_margin(8.0)
                        .show(ui, |ui| actions.extend(comparison_ui(ui, state, &view)));
                }
                _ => {
                    let no_highlights = HighlightsByText::new();
                    let marks = DeskMarks {
                        highlights: self.highlights.as_ref().map_or(&no_highlights, |(_, h)| h),
                        found: self.find.as_ref().map(|find| {
                            let ranges = find.matches.as_slice();
                            let found = FoundMarks {
                                ranges,
                                color: found_color,
                            };
                            (find.text_id.as_str(), found)
                        }),
                        selected_annotation: self.selected_annotation.as_deref(),
                        categories: &categories,
                    };
                    actions.extend(desk_ui(ui, &mut self.desk, style, &marks))
                }
            });
        if self.paste.is_some() {
            actions.extend(self.paste_window(&ctx));
        }
        actions.extend(self.import_window(&ctx));
        if let Some(state) = &mut self.search_all {
            actions.extend(search_all_ui(&ctx, state));
            let wanted = (state.query.clone(), state.options);
            if state.searched.as_ref().map(|(q, o, _)| (q.clone(), *o)) != Some(wanted) {
                ctx.request_repaint();
            }
        }

        if let Some(text) = self
            .info_text
            .as_ref()
            .and_then(|id| self.library.get(id))
            .cloned()
        {
            actions.extend(text_info_window(&ctx, &text));
        }
        if let Some(backups) = &self.backups {
            let now = self.notebook.contents().counts();
            let editable = !self.notebook.is_read_only();
            actions.extend(backups_window(&ctx, backups, now, editable));
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
            actions.extend(menu_item(
                ui,
                Action::ImportText,
                !self.notebook.is_read_only(),
            ));
            actions.extend(menu_item(
                ui,
                Action::ImportAnnotations,
                !self.notebook.is_read_only(),
            ));
            actions.extend(menu_item(ui, Action::ShowBackups, self.profile.is_some()));
            ui.menu_button("Export annotations", |ui| {
                for (scope, current_text_only, enabled) in [
                    ("Of all texts", false, true),
                    ("Of the current text", true, has_pane),
                ] {
                    ui.add_enabled_ui(enabled, |ui| {
                        ui.menu_button(scope, |ui| {
                            for format in AnnotationFormat::ALL {
                                let action = Action::ExportAnnotations {
                                    format,
                                    current_text_only,
                                };
                                actions.extend(menu_item(ui, action, true));
                            }
                        });
                    });
                }
            });
            ui.separator();
            actions.extend(menu_item(ui, Action::Quit, true));
        });
        ui.menu_button("Edit", |ui| {
            actions.extend(menu_item(ui, Action::Undo, self.notebook.can_undo()));
            actions.extend(menu_item(ui, Action::Redo, self.notebook.can_redo()));
            ui.separator();
            actions.extend(menu_item(ui, Action::OpenFind, has_pane));
            actions.extend(menu_item(ui, Action::SearchAll, true));
            ui.separator();
            actions.extend(menu_item(ui, Action::NoteOnSelection, has_selection));
            for (index, category) in self.notebook.categories().iter().enumerate().take(6) {
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
            actions.extend(menu_item(
                ui,
                Action::CopyWithCitation { markdown: false },
                has_selection,
            ));
            actions.extend(menu_item(
                ui,
                Action::CopyWithCitation { markdown: true },
                has_selection,
            ));
            ui.separator();
            actions.extend(menu_item(ui, Action::CloseActivePane, has_pane));
        });
        ui.menu_button("Compare", |ui| {
            for comparison in &self.bundled_comparisons {
                let open = Action::OpenComparison(comparison.id.clone());
                if ui.button(&comparison.title).clicked() {
                    actions.push(open);
                    ui.close();
                }
            }
            ui.separator();
            let selections = self.selection_count() >= 2;
            let texts = self.desk.panes().len() >= 2;
            actions.extend(menu_item(ui, Action::CompareSelections, selections));
            actions.extend(menu_item(ui, Action::CompareOpenTexts, texts));
            actions.extend(menu_item(ui, Action::ShowPasteComparison, true));
            ui.separator();
            let open = self.comparison.is_some();
            actions.extend(menu_item(ui, Action::NextDifference, open));
            actions.extend(menu_item(ui, Action::PreviousDifference, open));
            actions.extend(menu_item(ui, Action::SwapWitnesses, open));
            actions.extend(menu_item(ui, Action::ToggleComparisonFull, open));
            actions.extend(menu_item(ui, Action::CloseComparison, open));
        });
        ui.menu_button("Help", |ui| {
            actions.extend(menu_item(ui, Action::ShowShortcuts, true));
            ui.separator();
            ui.label(format!("Lectern {}", crate::VERSION));
        });
        actions
    }

    fn banners_ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(text) = self.removed_texts.last() {
            egui::Panel::top("lectern-removed").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!(
                        "“{}” was taken out of the library; its file and your annotations on it \
                         are kept.",
                        text.meta().title
                    ));
                    if ui.button(Action::UndoRemoveImported.label()).clicked() {
                        actions.push(Action::UndoRemoveImported);
                    }
                });
            });
        }
        let mut messages: Vec<(String, bool)> =
            self.notices.iter().map(|n| (n.clone(), true)).collect();
        if self.notebook.is_read_only() {
            messages.push((
                "This profile is open read-only: changes in this session are not saved.".into(),
                false,
            ));
        }
        for error in self.save_errors.values() {
            messages.push((error.clone(), false));
        }
        if messages.is_empty() {
            return actions;
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
        actions
    }

    fn status_ui(&self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
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
                if let Some((_, progress, started)) = &self.pending_text_import {
                    use std::sync::atomic::Ordering;
                    let (done, total) = (
                        progress.0.load(Ordering::Relaxed),
                        progress.1.load(Ordering::Relaxed),
                    );
                    // A bar for a read that takes a while; a spinner for a quick one.
                    if started.elapsed() > Duration::from_millis(500) && total > 0 {
                        ui.add(
                            egui::ProgressBar::new(done as f32 / total as f32)
                                .desired_width(200.0)
                                .text(format!(
                                    "Reading {:.0} of {:.0} MB",
                                    done as f64 / 1e6,
                                    total as f64 / 1e6
                                )),
                        );
                    } else {
                        ui.label("Reading the file…");
                        ui.spinner();
                    }
                } else if self.pending_import.is_some() {
                    ui.label("Reading the file…");
                    ui.spinner();
                }
                if self.selection_count() >= 2 {
                    let action = Action::CompareSelections;
                    if ui
                        .button(action.label())
                        .on_hover_text(action.tooltip())
                        .clicked()
                    {
                        actions.push(action);
                    }
                }
            });
        });
        actions
    }

    fn paste_window(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        let mut open = true;
        let Some(wordings) = &mut self.paste else {
            return actions;
        };
        egui::Window::new("Compare pasted wordings")
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.label("Paste or type two to six wordings; the first is the one the others are marked against.");
                egui::ScrollArea::vertical().max_height(520.0).show(ui, |ui| {
                    for (index, wording) in wordings.iter_mut().enumerate() {
                        let label = ui.label(format!("Wording {}", index + 1));
                        ui.add(
                            egui::TextEdit::multiline(wording)
                                .desired_rows(4)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    }
                });
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(wordings.len() < 6, egui::Button::new("Add a wording"))
                        .clicked()
                    {
                        wordings.push(String::new());
                    }
                    let filled: Vec<String> = wordings
                        .iter()
                        .filter(|w| !w.trim().is_empty())
                        .cloned()
                        .collect();
                    if ui
                        .add_enabled(filled.len() >= 2, egui::Button::new("Compare the wordings"))
                        .on_disabled_hover_text("Fill in at least two wordings")
                        .clicked()
                    {
                        actions.push(Action::ComparePasted(filled));
                    }
                });
            });
        if !open {
            self.paste = None;
        }
        actions
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

/// A worker's answer, once it has one (`stopped` stands in for a worker that went away); the
/// slot is emptied when it is answered.
fn take_outcome<T>(slot: &mut Option<Receiver<T>>, stopped: impl FnOnce() -> T) -> Option<T> {
    let receiver = slot.as_ref()?;
    let outcome = match receiver.try_recv() {
        Ok(outcome) => outcome,
        Err(TryRecvError::Empty) => return None,
        Err(TryRecvError::Disconnected) => stopped(),
    };
    *slot = None;
    Some(outcome)
}

/// What the annotations panel's note editor held when it last changed.
struct TypedNote {
    /// (annotation id, note, tags as typed).
    draft: (String, String, String),
    /// When it changed.
    since: Instant,
    /// Whether it differs from the annotation (then it is kept after a pause).
    differs: bool,
}

/// A text read for import, with the metadata the reader is checking.
pub struct ImportDraft {
    /// The text as read (metadata guessed from the file).
    pub text: Box<Text>,
    /// The encoding it was in.
    pub encoding: &'static str,
    /// The fields of the import window.
    pub meta: ImportMeta,
    /// Why the last Import was refused.
    pub error: Option<String>,
}

/// "A / B" of the witnesses' labels, for a comparison's title.
fn labels(inputs: &[WordingInput]) -> String {
    inputs
        .iter()
        .map(|i| i.label.as_str())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// A file name from a title: letters, digits and dashes.
fn file_name(title: &str, extension: &str) -> String {
    let mut name = String::new();
    for ch in title.chars() {
        if ch.is_alphanumeric() {
            name.extend(ch.to_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
        if name.chars().count() >= 60 {
            break;
        }
    }
    let name = name.trim_end_matches('-');
    format!(
        "{}.{extension}",
        if name.is_empty() { "comparison" } else { name }
    )
}

impl eframe::App for LecternApp {
    /// Also called while the window is hidden, when another thread asks for a repaint: a
    /// signal is answered even then.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.stop_if_asked(ctx);
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn on_exit(&mut self) {
        if !self.stopping {
            self.save_now();
        }
    }
}
