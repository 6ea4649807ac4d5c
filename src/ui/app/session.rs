//! The session: opening the profile, the lock, saving (the reading state and the notebook, off the UI thread), notes kept after a pause, and stopping on a signal.

use super::LecternApp;
use super::NOTE_PAUSE;
use super::SAVE_DELAY;
use crate::model::selection::Selection;
use crate::storage::annotations_file::save_notebook;
use crate::storage::atomic::FileSystem;
use crate::storage::backups::SnapshotPolicy;
use crate::storage::lock::ProfileLock;
use crate::storage::notebook_dir::NotebookStore;
use crate::storage::open::Access;
use crate::storage::open::open_profile;
use crate::storage::profile::Profile;
use crate::storage::reading_state::PaneRecord;
use crate::storage::reading_state::ReadingState;
use crate::storage::saver::Saver;
use crate::ui::reader::ReaderView;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::atomic::Ordering;
use std::time::Duration;
use std::time::Instant;

/// The profile, its lock, and saving: what is saved when, and what failed.
pub(super) struct Session {
    /// Files given by later Lecterns on this profile (see the `handover` room). First, so that
    /// it stops listening before the lock below is released.
    pub(super) hand_over: super::handover::HandOver,
    pub(super) profile: Option<Profile>,
    /// The profile's lock, while this window may write it.
    pub(super) lock: Option<ProfileLock>,
    /// The notebook's folder of records, through which the notebook is saved.
    pub(super) store: Option<Arc<std::sync::Mutex<NotebookStore>>>,
    /// The watch on the notebook's folder (see the `sync` room), once started.
    pub(super) watch: Option<crate::storage::watch::NotebookWatch>,
    /// Whether the watch could not be started (it is not tried again).
    pub(super) watch_failed: bool,
    /// How many times the watch woke the window with news (see the `sync` room).
    pub(super) sync_news: u64,
    pub(super) saver: Saver,
    /// The last failed save of each file, shown until that file is saved again.
    pub(super) save_errors: std::collections::BTreeMap<std::path::PathBuf, String>,
    /// The reading state as last saved.
    pub(super) last_saved: Option<ReadingState>,
    /// Since when the reading state differs from the saved one.
    pub(super) dirty_since: Option<Instant>,
    /// The notebook's revision last queued for saving.
    pub(super) saved_annotations_revision: u64,
    /// Since when the notebook has changes not yet saved.
    pub(super) annotations_dirty_since: Option<Instant>,
    /// How long a change waits before it is saved.
    pub(super) save_delay: Duration,
    /// Set (from another thread) when the desktop asks Lectern to end: SIGTERM at logout,
    /// SIGINT, SIGHUP. The next frame saves what is pending and closes the window.
    pub(super) stop: Arc<AtomicBool>,
    pub(super) stopping: bool,
    /// The annotations panel's note editor as last looked at (see `keep_note_after_a_pause`).
    pub(super) typed_note: Option<TypedNote>,
}

impl Session {
    /// No profile yet; saves go through `file_system` (the real one when `None`).
    pub(super) fn new(
        file_system: Option<Arc<dyn FileSystem>>,
        save_delay: Option<Duration>,
    ) -> Self {
        Self {
            profile: None,
            lock: None,
            store: None,
            watch: None,
            watch_failed: false,
            sync_news: 0,
            saver: match file_system {
                Some(fs) => Saver::with_file_system(fs),
                None => Saver::spawn(),
            },
            save_errors: std::collections::BTreeMap::new(),
            last_saved: None,
            dirty_since: None,
            saved_annotations_revision: 0,
            annotations_dirty_since: None,
            save_delay: save_delay.unwrap_or(SAVE_DELAY),
            stop: Arc::new(AtomicBool::new(false)),
            stopping: false,
            typed_note: None,
            hand_over: Default::default(),
        }
    }
}

impl LecternApp {
    /// Opens the profile the way every command does ([`open_profile`]): its lock, imported
    /// texts, notebook (recovered and re-anchored) and reading state, with what was found said
    /// in the banner.
    pub(super) fn open_profile(&mut self, profile: Profile) {
        let library = std::mem::take(&mut self.library);
        let opened = match open_profile(profile.clone(), library, Access::Window) {
            Ok(opened) => opened,
            Err(e) => {
                // The window's access never fails; should it, nothing is written.
                self.notices
                    .push(crate::tr!("app-profile-not-opened", error = e.to_string()));
                return;
            }
        };
        self.library = opened.library;
        self.notebook = opened.notebook;
        self.session.lock = opened.lock;
        self.session.store = Some(opened.store);
        self.notices.extend(opened.notices);
        self.view.set_recovered(opened.recovered);
        self.session.profile = Some(opened.profile);
        // Read once the first frame is on screen (see `follow_groups`); a start-up trace waits
        // for them.
        self.groups.read_after_first_frame = true;
        if crate::startup::tracing()
            && self
                .session
                .profile
                .as_ref()
                .is_some_and(|p| !crate::storage::groups::joined(p.dir()).is_empty())
        {
            crate::startup::wait_for(crate::startup::stage::GROUPS_READ);
        }
        if let Some(state) = opened.reading_state {
            self.restore(&state);
            self.session.last_saved = Some(state);
        }
    }

    /// Places every annotation in its text as the text is now (after a text was imported
    /// again, removed or put back), and tells the reader what moved and what is orphaned.
    pub(super) fn reanchor(&mut self) {
        let report = self.notebook.reanchor(&self.library);
        if report.is_news() {
            self.notices.push(report.summary());
        }
    }

    pub(super) fn restore(&mut self, state: &ReadingState) {
        self.view.restore(state);
        for record in &state.panes {
            let Some(text) = self.library.get(&record.text_id).cloned() else {
                let gone = record.text_id.as_str();
                self.notices
                    .push(crate::tr!("app-pane-text-gone", text = gone));
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
            if self.files.session_ids.contains(pane.text.id()) {
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
            theme: self.view.theme(),
            language: self.view.language_choice(),
            citation_style: self.view.citation_style(),
            font_size: self.view.font_size(),
            library_open: self.view.library_open(),
            comparison: self.comparison_record(),
            dock_height: self.view.dock_height(),
            window: self.view.window(),
        };
        state.sanitise();
        state
    }

    /// Saves the reading state now and waits for the write (on exit, and in tests). A note
    /// still being typed is kept first.
    pub fn save_now(&mut self) {
        self.keep_typed_note();
        if let Some(profile) = &self.session.profile
            && !self.notebook.is_read_only()
        {
            let state = self.reading_state();
            match state.to_bytes() {
                Ok(bytes) => {
                    self.session.saver.save(profile.reading_state_path(), bytes);
                    self.session.last_saved = Some(state);
                    self.session.dirty_since = None;
                }
                Err(e) => log::error!("{e}"),
            }
            if self.notebook.revision() != self.session.saved_annotations_revision {
                self.save_annotations();
            }
            self.session.saver.flush();
            self.collect_save_reports();
        }
    }

    pub(super) fn collect_save_reports(&mut self) {
        for report in self.session.saver.poll_results() {
            match report.result {
                Ok(()) => {
                    self.session.save_errors.remove(&report.path);
                }
                Err(e) => {
                    self.session.save_errors.insert(
                        report.path.clone(),
                        crate::tr!("app-not-saved", error = e.to_string()),
                    );
                    if report
                        .path
                        .ends_with(crate::storage::notebook_dir::NOTEBOOK_DIR)
                    {
                        self.session.saved_annotations_revision =
                            self.notebook.revision().wrapping_sub(1);
                    } else {
                        self.session.last_saved = None;
                    }
                }
            }
        }
    }

    /// Keeps what is typed in the annotations panel's note editor (note and tags) in the
    /// annotation, as the Save note button does; one undo step. Nothing when nothing changed.
    pub(super) fn keep_typed_note(&mut self) {
        self.session.typed_note = None;
        let Some((id, note, tags)) = &self.view.annotations_panel().draft else {
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
        // Still typing: one step with the rest of the typing and the change that ends it.
        self.edit(crate::model::notebook::Edit::TypeIntoAnnotation(changed));
    }

    /// After a pause in typing a note, keeps it (see [`NOTE_PAUSE`]). The annotation is
    /// looked up only when what is typed changes, not every frame. The pause is measured on the
    /// frame's clock (`ctx`'s input time: real time in the window, a test's clock in a test).
    pub(super) fn keep_note_after_a_pause(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let Some(draft) = &self.view.annotations_panel().draft else {
            self.session.typed_note = None;
            return;
        };
        if self
            .session
            .typed_note
            .as_ref()
            .is_none_or(|t| t.draft != *draft)
        {
            let (id, note, tags) = draft;
            let differs = self.notebook.annotations().get(id).is_some_and(|a| {
                a.note != *note || a.tags != crate::ui::annotations_view::parse_tags(tags)
            });
            self.session.typed_note = Some(TypedNote {
                draft: draft.clone(),
                since: now,
                differs,
            });
        }
        let Some(typed) = self.session.typed_note.as_ref().filter(|t| t.differs) else {
            return;
        };
        let waited = Duration::from_secs_f64((now - typed.since).max(0.0));
        if waited >= NOTE_PAUSE {
            self.keep_typed_note();
        } else {
            ctx.request_repaint_after(NOTE_PAUSE - waited);
        }
    }

    /// Lets the note fields (the annotations panel's and the comparison's) show the notes as
    /// they now are (after an undo or a redo), not what was typed before.
    pub(super) fn forget_note_drafts(&mut self) {
        self.view.annotations_panel_mut().draft = None;
        self.session.typed_note = None;
        if let Some(state) = &mut self.comparison {
            state.forget_drafts();
        }
    }

    /// Queues the annotations for saving (off the UI thread).
    pub(super) fn save_annotations(&mut self) {
        let Some(profile) = &self.session.profile else {
            return;
        };
        // A copy is taken here; it is serialised and written (with a snapshot when one is
        // due) on the saving thread.
        let Some(store) = self.session.store.clone() else {
            return;
        };
        let contents = self.notebook.to_contents();
        let profile = profile.clone();
        let folder = NotebookStore::dir_of(profile.dir());
        self.session.saver.write_with(folder, move |fs| {
            save_notebook(fs, &profile, &store, &contents, &SnapshotPolicy::default()).map(|_| ())
        });
        self.session.saved_annotations_revision = self.notebook.revision();
        self.session.annotations_dirty_since = None;
    }

    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        self.follow_sync(ctx);
        self.collect_save_reports();
        if !self.notebook.is_read_only()
            && self.notebook.revision() != self.session.saved_annotations_revision
        {
            let since = *self
                .session
                .annotations_dirty_since
                .get_or_insert_with(Instant::now);
            let waited = since.elapsed();
            if waited >= self.session.save_delay {
                self.save_annotations();
            } else {
                ctx.request_repaint_after(self.session.save_delay - waited);
            }
        }
        let Some(profile) = &self.session.profile else {
            return;
        };
        if self.notebook.is_read_only() {
            return;
        }
        let state = self.reading_state();
        if self.session.last_saved.as_ref() == Some(&state) {
            self.session.dirty_since = None;
            return;
        }
        let since = *self.session.dirty_since.get_or_insert_with(Instant::now);
        let waited = since.elapsed();
        if waited < self.session.save_delay {
            ctx.request_repaint_after(self.session.save_delay - waited);
            return;
        }
        match state.to_bytes() {
            Ok(bytes) => self.session.saver.save(profile.reading_state_path(), bytes),
            Err(e) => log::error!("{e}"),
        }
        self.session.last_saved = Some(state);
        self.session.dirty_since = None;
    }

    /// The flag another thread sets to have the window save what is pending, release the
    /// profile and close (a signal handler sets it, then asks for a repaint).
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        self.session.stop.clone()
    }

    /// Saves what is pending (a note being typed too), releases the profile's lock and closes
    /// the window, once the stop flag is set. True while stopping.
    pub fn stop_if_asked(&mut self, ctx: &egui::Context) -> bool {
        if !self.session.stopping && self.session.stop.load(Ordering::SeqCst) {
            self.session.stopping = true;
            self.save_now();
            self.session.lock = None;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.session.stopping
    }

    /// Whether the profile's lock is held by this window.
    pub fn holds_lock(&self) -> bool {
        self.session.lock.is_some()
    }
}

/// What the annotations panel's note editor held when it last changed.
pub(super) struct TypedNote {
    /// (annotation id, note, tags as typed).
    draft: (String, String, String),
    /// When it changed (the frame's time, in seconds).
    since: f64,
    /// Whether it differs from the annotation (then it is kept after a pause).
    differs: bool,
}
