//! `LecternApp`: owns the library, the desk and the profile; draws the window; applies actions.
//!
//! The window is made of rooms, one file each: [`session`] (profile, lock, saving, signals),
//! [`apply`] (carrying out actions), [`frame`] (the window's layout, menus, banners and the
//! keyboard), [`annotating`], [`comparisons`], [`search`] and [`files`] (imports and exports).
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

mod annotating;
mod apply;
mod comparisons;
mod files;
mod frame;
mod search;
mod session;

use search::{FoldQueue, FoldedCopy};
use session::TypedNote;

/// What the highlights were built from: the annotations' revision, dark mode, the texts open
/// in panes and the number of orphans.
type HighlightsKey = (u64, bool, Vec<String>, usize);

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
