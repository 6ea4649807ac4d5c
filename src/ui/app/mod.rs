//! `LecternApp`: owns the library, the desk and the profile; draws the window; applies actions.
//!
//! The window is made of rooms, one file each: `session` (profile, lock, saving, signals),
//! `apply` (carrying out actions by area), `frame` (the window's layout and the keyboard),
//! `view` (what the window shows around the panes), `menus`, `windows` (banners, status bar, the windows over the desk), `annotating`,
//! `comparisons`, `collation` (the open comparison's witnesses collated in a window), `search`, `study` (the timeline and terms across translations), `files`
//! (imports and exports) and `handover` (files given by a later Lectern). Each part of [`LecternApp`] is
//! defined in the room that looks after it.
//!
//! Views return [`Action`](crate::ui::action::Action)s; [`LecternApp::apply`] is the one place that carries them out, and
//! [`LecternApp::show`] ends each frame by saving the reading state when it changed (at most a
//! second later, off the UI thread).

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use egui::Ui;

use crate::model::comparison::{Comparison, WordingInput};
use crate::model::library::Library;
use crate::model::notebook::Notebook;
use crate::model::text::Text;
use crate::storage::atomic::FileSystem;
use crate::storage::import::ImportMeta;
use crate::storage::profile::Profile;
use crate::ui::compare_view::ComparisonState;
use crate::ui::desk::{Desk, HighlightsByText};
use crate::ui::dialogs::{FileDialogs, NativeDialogs};

mod annotating;
mod apply;
mod collation;
mod comparisons;
mod files;
mod frame;
mod group_layers;
mod group_records;
mod groups;
mod handover;
mod history;
mod menus;
mod search;
mod session;
mod study;
mod sync;
mod text_import;
mod view;
mod windows;

pub use collation::CollationPart;
pub use files::Files;
pub use groups::{GroupsPart, LoadedGroup};
pub use handover::{HandedOver, HandedWording, read_hand_over};
pub use search::Search;
use session::Session;
pub use study::StudyTools;
pub use view::View;

/// What the highlights of the open texts were built from: when any of it changes, they are
/// built again (see [`LecternApp::refresh_highlights`]).
#[derive(Clone, Debug, PartialEq, Eq)]
struct HighlightsKey {
    /// The notebook's revision.
    revision: u64,
    dark_mode: bool,
    /// The texts open in panes.
    open: Vec<crate::model::text::TextId>,
    /// How many annotations are orphans.
    orphans: usize,
    /// What the study groups show.
    groups: u64,
}

/// How long a change may wait before the reading state is saved.
pub const SAVE_DELAY: Duration = Duration::from_secs(1);
/// A note being typed in the annotations panel is kept (as if saved) after this pause in the
/// typing, so that a crash loses at most the last few words.
pub const NOTE_PAUSE: Duration = Duration::from_secs(3);

/// What the app starts with.
#[derive(Default)]
pub struct StartOptions {
    /// The profile (None: nothing is saved, e.g. when the profile could not be opened).
    pub profile: Option<Profile>,
    /// Texts to open in panes instead of the saved ones (`--open`).
    pub open: Vec<crate::model::text::TextId>,
    /// Texts read from files for this session only (`--open-file`); opened in panes.
    pub session_texts: Vec<Text>,
    /// The file dialogs (None: the platform's own).
    pub dialogs: Option<Arc<dyn FileDialogs>>,
    /// The file system saves go through (None: the real one; tests make its steps fail).
    pub file_system: Option<Arc<dyn FileSystem>>,
    /// How long a change waits before it is saved (None: [`SAVE_DELAY`]).
    pub save_delay: Option<Duration>,
    /// Wordings to compare at once, the comparison filling the window (`lectern compare A B
    /// --window`), instead of the comparison that was open.
    pub compare: Vec<WordingInput>,
    /// The system's language, which the window speaks unless the reader chose another (the
    /// window reads the system's locale; tests give one, so that they speak alike anywhere).
    pub system_language: crate::i18n::Language,
}

/// The Lectern application: fourteen named parts, each looked after in its room.
pub struct LecternApp {
    /// The texts: bundled, imported into the profile, and opened from files for this session.
    library: Library,
    /// The bundled comparisons.
    bundled_comparisons: Vec<Comparison>,
    /// The reading panes.
    desk: Desk,
    /// The reader's work: categories, annotations, notes on comparisons, history.
    notebook: Notebook,
    /// What the window shows around the panes: text size, theme, side panels, windows.
    view: View,
    /// The open comparison.
    comparison: Option<ComparisonState>,
    /// The collation of the open comparison's witnesses, in a window over the desk.
    collation: CollationPart,
    /// Find in the text and Search everything.
    search: Search,
    /// People and places, and terms across translations.
    study: StudyTools,
    /// Imports and exports, and the file dialogs.
    files: Files,
    /// The profile, its lock, and saving.
    session: Session,
    /// The study groups.
    groups: GroupsPart,
    /// Messages shown in the banner, newest last.
    notices: Vec<String>,
    /// The highlights of the open texts, and what they were built from (see
    /// [`Self::refresh_highlights`]).
    highlights: Option<(HighlightsKey, HighlightsByText)>,
}

impl LecternApp {
    /// The reading panes.
    pub fn desk(&self) -> &Desk {
        &self.desk
    }

    /// The reading panes, to change.
    pub fn desk_mut(&mut self) -> &mut Desk {
        &mut self.desk
    }

    /// The reader's work.
    pub fn notebook(&self) -> &Notebook {
        &self.notebook
    }

    /// The reader's work, to change (through [`Notebook::edit`], its one way in).
    pub fn notebook_mut(&mut self) -> &mut Notebook {
        &mut self.notebook
    }

    /// What the window shows around the panes.
    pub fn view(&self) -> &View {
        &self.view
    }

    /// What the window shows around the panes, to change.
    pub fn view_mut(&mut self) -> &mut View {
        &mut self.view
    }

    /// The open comparison, if one is open.
    pub fn comparison(&self) -> Option<&ComparisonState> {
        self.comparison.as_ref()
    }

    /// The open comparison, to change.
    pub fn comparison_mut(&mut self) -> Option<&mut ComparisonState> {
        self.comparison.as_mut()
    }

    /// Find in the text and Search everything.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// Find in the text and Search everything, to change.
    pub fn search_mut(&mut self) -> &mut Search {
        &mut self.search
    }

    /// People and places, and terms across translations.
    pub fn study(&self) -> &StudyTools {
        &self.study
    }

    /// Imports and exports.
    pub fn files(&self) -> &Files {
        &self.files
    }

    /// Imports and exports, to change.
    pub fn files_mut(&mut self) -> &mut Files {
        &mut self.files
    }
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
            bundled_comparisons: crate::bundled::bundled_comparisons(),
            desk: Desk::default(),
            notebook: Notebook::default(),
            view: View::default(),
            comparison: None,
            collation: CollationPart::default(),
            search: Search::default(),
            study: StudyTools::default(),
            files: Files::new(
                options.dialogs.unwrap_or_else(|| Arc::new(NativeDialogs)),
                session_ids,
            ),
            session: Session::new(options.file_system, options.save_delay),
            groups: GroupsPart::default(),
            notices: Vec::new(),
            highlights: None,
        };
        app.view.set_system_language(options.system_language);
        // The profile's chosen language speaks its first words (what opening it found) too.
        if let Some(profile) = &options.profile {
            app.view.set_language_choice(
                crate::storage::reading_state::ReadingState::chosen_language(profile),
            );
        }
        crate::i18n::set_language(app.view.language());
        match options.profile {
            Some(profile) => app.open_profile(profile),
            None => app.notices.push(crate::tr!("notice-no-profile")),
        }
        // The reading state may have chosen another language.
        crate::i18n::set_language(app.view.language());
        if !options.compare.is_empty() {
            app.view.forget_comparison_to_reopen();
            crate::startup::wait_for(crate::startup::stage::COMPARISON_ON_SCREEN);
            app.view.compare_at_next_frame(options.compare);
        }
        if !open.is_empty() {
            // The texts asked for are shown: a comparison that was open comes back docked.
            app.view.reopen_comparison_docked();
            app.desk = Desk::default();
            for id in &open {
                match app.library.get(id).cloned() {
                    // Placed by the one rule of every way in (never over another pane), each
                    // id asked for in a pane of its own.
                    Some(text) => {
                        let title = text.meta().title.clone();
                        if app.desk.place_again(text) == crate::ui::desk::Placement::InLibrary {
                            app.notices
                                .push(crate::tr!("app-in-library-notice", title = &title));
                        }
                    }
                    None => app
                        .notices
                        .push(crate::tr!("app-no-text-with-id", id = id.as_str())),
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
        self.session
            .save_errors
            .values()
            .map(String::as_str)
            .collect()
    }

    /// Whether the profile is read-only in this session (a newer version's file).
    pub fn is_read_only(&self) -> bool {
        self.notebook.is_read_only()
    }

    /// True while a comparison fills the window: the library and annotations panels are set
    /// aside (still open, shown again when it is docked or closed), so that a comparison of
    /// many witnesses has the whole width for its columns.
    pub fn side_panels_set_aside(&self) -> bool {
        self.comparison
            .as_ref()
            .is_some_and(ComparisonState::is_full)
    }

    /// Docks a comparison that fills the window, so that the side panels show again.
    fn bring_back_side_panels(&mut self) {
        if let Some(state) = &mut self.comparison {
            state.set_full(false);
        }
    }

    fn open_text(&mut self, text_id: &str, beside: bool) {
        if let Some(text) = self.library.get(text_id).cloned() {
            self.open_for_jump(text, beside);
        }
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
    /// A reference pasted or read from a file (CSL-JSON or BibTeX), to fill the fields from.
    pub reference_source: String,
    /// What filling the fields from the reference did, or why it could not.
    pub reference_said: Option<String>,
}

impl eframe::App for LecternApp {
    /// Also called while the window is hidden, when another thread asks for a repaint: a
    /// signal is answered even then.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.stop_if_asked(ctx);
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        use crate::startup::{self, stage};
        if startup::tracing() && startup::marked(stage::COMPARISON_LAYOUT) {
            startup::mark(stage::COMPARISON_ON_SCREEN);
        }
        if startup::tracing()
            && startup::marked(stage::FIRST_LAYOUT)
            && let Some(report) = startup::finish()
        {
            // The frame before this one has been presented: start-up is over.
            eprint!("{report}");
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.show(ui);
        startup::mark(stage::FIRST_LAYOUT);
    }

    fn on_exit(&mut self) {
        self.stop_hand_over();
        if !self.session.stopping {
            self.save_now();
        }
    }
}
