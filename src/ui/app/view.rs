//! [`View`]: what the window shows around the panes, and how (the reading text's size, the
//! theme, the side panels, the windows over the desk, the selected annotation). Its fields are
//! its own; it is changed through its methods, and carries out [`ViewAction`]s itself
//! ([`View::apply`]), saying what only the app can do ([`ViewOutcome`]).

use super::study::CarriedKey;
use crate::i18n::Language;
use crate::model::carry::Carried;
use crate::model::comparison::WordingInput;
use crate::storage::backups::Backup;
use crate::storage::notebook_dir::Recovered;
use crate::storage::reading_state::{
    ComparisonRecord, DEFAULT_FONT_SIZE, FONT_SIZE_RANGE, LanguageChoice, ReadingState,
    ThemeChoice, WindowPlace,
};
use crate::ui::action::ViewAction;
use crate::ui::annotations_view::AnnotationsViewState;
use crate::ui::library_view::LibraryViewState;
use crate::ui::theme;
use crate::ui::timeline_view::TimelineViewState;

/// Font size step for zooming in and out.
const ZOOM_STEP: f32 = 2.0;

/// What the window shows around the panes, and how.
#[derive(Default)]
pub struct View {
    /// The reading text's size and the theme.
    look: Look,
    /// The library and annotations panels.
    panels: SidePanels,
    /// The windows over the desk.
    windows: Windows,
    /// The annotation selected in the panel or by clicking its highlight.
    selected_annotation: Option<String>,
    /// Records whose files were damaged, taken from snapshots when the profile was opened: the
    /// banner that says so offers to show each.
    recovered: Vec<(String, Recovered)>,
    /// What the first frame opens.
    at_first_frame: AtFirstFrame,
    /// The height of the comparison docked below the texts.
    dock_height: Option<f32>,
    /// The notes carried across the witnesses of the open comparison, and what they were
    /// found for (see the `study` room).
    carried: Option<(CarriedKey, Vec<Carried>)>,
    /// Where the window is and how big, as the window system last said.
    window: Option<WindowPlace>,
    /// What the last Undo or Redo did, for the status bar.
    told: Option<String>,
}

/// The reading text's size and the theme, and what egui was last given of them.
struct Look {
    /// The reading font size in points.
    font_size: f32,
    /// The chosen theme.
    theme: ThemeChoice,
    /// The theme last given to egui.
    applied_theme: Option<ThemeChoice>,
    /// The interface's language, as chosen.
    language: LanguageChoice,
    /// The citation style chosen in View ▸ Citation style.
    citation_style: crate::formats::cite::CitationStyle,
    /// The system's language, read once when the window started.
    system_language: Language,
    /// Whether the egui options were set.
    configured: bool,
}

impl Default for Look {
    fn default() -> Self {
        Self {
            font_size: DEFAULT_FONT_SIZE,
            theme: ThemeChoice::System,
            applied_theme: None,
            language: LanguageChoice::System,
            citation_style: crate::formats::cite::CitationStyle::Lectern,
            system_language: Language::English,
            configured: false,
        }
    }
}

/// The library panel on the left and the annotations panel on the right.
struct SidePanels {
    /// Whether the library panel is shown.
    library_open: bool,
    /// Whether the annotations panel is shown.
    annotations_open: bool,
    /// The library panel's state.
    library: LibraryViewState,
    /// The annotations panel's state.
    annotations: AnnotationsViewState,
}

impl Default for SidePanels {
    fn default() -> Self {
        Self {
            library_open: true,
            annotations_open: true,
            library: LibraryViewState::default(),
            annotations: AnnotationsViewState::default(),
        }
    }
}

/// The windows over the desk, each while it is open.
#[derive(Default)]
struct Windows {
    /// The text whose metadata window is open.
    info_text: Option<crate::model::text::TextId>,
    /// Whether the shortcuts window is open.
    shortcuts: bool,
    /// The wordings typed into the "Compare pasted wordings" window.
    paste: Option<Vec<String>>,
    /// The backups listed by File ▸ Restore from backup….
    backups: Option<Vec<Backup>>,
    /// The timeline window.
    timeline: Option<TimelineViewState>,
}

/// What the first frame opens.
#[derive(Default)]
struct AtFirstFrame {
    /// The comparison to open again (from the reading state).
    comparison: Option<ComparisonRecord>,
    /// Wordings to compare, filling the window (from the command line, or handed over).
    wordings: Option<Vec<WordingInput>>,
}

/// What [`View::apply`] needs to know of the rest of the window.
pub(super) struct ViewCtx<'a> {
    /// The egui context (its theme, for switching between light and dark).
    pub(super) egui: &'a egui::Context,
    /// Whether a comparison fills the window, so that the side panels are set aside.
    pub(super) side_panels_set_aside: bool,
}

/// What is left for the app to do after [`View::apply`].
#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ViewOutcome {
    /// Nothing.
    Done,
    /// Dock a comparison that fills the window, so that the side panels show again.
    BringBackSidePanels,
    /// Save what is pending and close the window.
    Quit,
    /// The interface speaks another language: what was worded once (the timeline's dates)
    /// is worded again.
    LanguageChanged,
}

impl View {
    /// Carries out an action on the reading view: text size, theme, the side panels, the
    /// shortcuts window, quitting.
    pub(super) fn apply(&mut self, action: ViewAction, ctx: &ViewCtx<'_>) -> ViewOutcome {
        match action {
            ViewAction::ToggleAnnotationsPanel => {
                self.toggle_annotations(ctx.side_panels_set_aside);
                ViewOutcome::BringBackSidePanels
            }
            ViewAction::ZoomIn => {
                self.zoom_in();
                ViewOutcome::Done
            }
            ViewAction::ZoomOut => {
                self.zoom_out();
                ViewOutcome::Done
            }
            ViewAction::ZoomReset => {
                self.reset_zoom();
                ViewOutcome::Done
            }
            ViewAction::SetTheme(choice) => {
                self.set_theme(choice);
                ViewOutcome::Done
            }
            ViewAction::ToggleDarkLight => {
                self.toggle_dark_light(ctx.egui.theme() == egui::Theme::Dark);
                ViewOutcome::Done
            }
            ViewAction::SetCitationStyle(style) => {
                self.look.citation_style = style;
                ViewOutcome::Done
            }
            ViewAction::SetLanguage(choice) => {
                self.look.language = choice;
                crate::i18n::set_language(self.language());
                ViewOutcome::LanguageChanged
            }
            ViewAction::ToggleLibrary => {
                self.toggle_library(ctx.side_panels_set_aside);
                ViewOutcome::BringBackSidePanels
            }
            ViewAction::FocusLibraryFilter => {
                self.panels.library_open = true;
                self.panels.library.focus_filter = true;
                ViewOutcome::BringBackSidePanels
            }
            ViewAction::ShowShortcuts => {
                self.windows.shortcuts = !self.windows.shortcuts;
                ViewOutcome::Done
            }
            ViewAction::Quit => ViewOutcome::Quit,
        }
    }

    /// The reading font size in points.
    pub fn font_size(&self) -> f32 {
        self.look.font_size
    }

    /// Sets the reading font size, within the sizes Lectern allows.
    pub fn set_font_size(&mut self, size: f32) {
        let (min, max) = FONT_SIZE_RANGE;
        self.look.font_size = size.clamp(min, max);
    }

    /// A larger reading font.
    pub fn zoom_in(&mut self) {
        self.set_font_size(self.look.font_size + ZOOM_STEP);
    }

    /// A smaller reading font.
    pub fn zoom_out(&mut self) {
        self.set_font_size(self.look.font_size - ZOOM_STEP);
    }

    /// The default reading font size.
    pub fn reset_zoom(&mut self) {
        self.set_font_size(DEFAULT_FONT_SIZE);
    }

    /// The chosen theme.
    pub fn theme(&self) -> ThemeChoice {
        self.look.theme
    }

    /// Chooses the theme (given to egui at the next frame).
    pub fn set_theme(&mut self, choice: ThemeChoice) {
        self.look.theme = choice;
    }

    /// Light when the window is dark now (`dark_now`), else dark.
    pub fn toggle_dark_light(&mut self, dark_now: bool) {
        self.look.theme = if dark_now {
            ThemeChoice::Light
        } else {
            ThemeChoice::Dark
        };
    }

    /// The citation style chosen in View ▸ Citation style.
    pub fn citation_style(&self) -> crate::formats::cite::CitationStyle {
        self.look.citation_style
    }

    /// The language chosen in View ▸ Language.
    pub fn language_choice(&self) -> LanguageChoice {
        self.look.language
    }

    /// The language the interface speaks: the one chosen, or the system's.
    pub fn language(&self) -> Language {
        match self.look.language {
            LanguageChoice::System => self.look.system_language,
            LanguageChoice::English => Language::English,
            LanguageChoice::Russian => Language::Russian,
        }
    }

    /// Chooses the language (as View ▸ Language does; spoken from the next words on).
    pub(super) fn set_language_choice(&mut self, choice: LanguageChoice) {
        self.look.language = choice;
    }

    /// Sets the system's language (read when the window starts; tests give their own).
    pub(super) fn set_system_language(&mut self, language: Language) {
        self.look.system_language = language;
    }

    /// Gives egui what the view says, when it changed: its options at the first frame, and
    /// the theme.
    pub(super) fn configure(&mut self, ctx: &egui::Context) {
        if !self.look.configured {
            // Ctrl +/-/0 size the reading text, not the whole interface.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.look.configured = true;
            log::info!("the window is ready");
        }
        // The UI thread speaks the reader's language for the whole frame.
        crate::i18n::set_language(self.language());
        if self.look.applied_theme != Some(self.look.theme) {
            ctx.set_theme(theme::preference(self.look.theme));
            self.look.applied_theme = Some(self.look.theme);
        }
    }

    /// Whether the library panel is shown (unless set aside by a comparison that fills the
    /// window).
    pub fn library_open(&self) -> bool {
        self.panels.library_open
    }

    /// Whether the annotations panel is shown (unless set aside).
    pub fn annotations_open(&self) -> bool {
        self.panels.annotations_open
    }

    /// Shows or hides the library panel; a panel `set_aside` by a comparison that fills the
    /// window is shown again, not closed.
    pub fn toggle_library(&mut self, set_aside: bool) {
        self.panels.library_open = !self.panels.library_open || set_aside;
    }

    /// Shows or hides the annotations panel; a panel `set_aside` is shown again, not closed.
    pub fn toggle_annotations(&mut self, set_aside: bool) {
        self.panels.annotations_open = !self.panels.annotations_open || set_aside;
    }

    /// Hides both side panels.
    pub fn hide_side_panels(&mut self) {
        self.panels.library_open = false;
        self.panels.annotations_open = false;
    }

    /// The library panel's state.
    pub fn library_panel(&self) -> &LibraryViewState {
        &self.panels.library
    }

    /// The library panel's state, to change (its filter).
    pub fn library_panel_mut(&mut self) -> &mut LibraryViewState {
        &mut self.panels.library
    }

    /// The annotations panel's state.
    pub fn annotations_panel(&self) -> &AnnotationsViewState {
        &self.panels.annotations
    }

    /// The annotations panel's state, to change (its filters, the note being typed).
    pub fn annotations_panel_mut(&mut self) -> &mut AnnotationsViewState {
        &mut self.panels.annotations
    }

    /// The annotation selected in the panel or by clicking its highlight.
    pub fn selected_annotation(&self) -> Option<&str> {
        self.selected_annotation.as_deref()
    }

    /// Selects an annotation, or none.
    /// Says in the status bar what was just done ("Undid: tags of “…”").
    pub fn tell(&mut self, words: String) {
        self.told = Some(words);
    }

    /// What the status bar says was just done.
    pub fn told(&self) -> Option<&str> {
        self.told.as_deref()
    }

    /// Selects an annotation (None: none).
    pub fn select_annotation(&mut self, annotation_id: Option<String>) {
        self.selected_annotation = annotation_id;
    }

    /// Selects an annotation and opens its note in the annotations panel, with the keyboard
    /// in it (the app brings the panel back if a comparison set it aside).
    pub(super) fn edit_note_of(&mut self, annotation_id: String) {
        self.selected_annotation = Some(annotation_id);
        self.open_selected_note();
    }

    /// Opens the selected annotation's note in the annotations panel, if one is selected;
    /// whether one is.
    pub(super) fn open_selected_note(&mut self) -> bool {
        if self.selected_annotation.is_none() {
            return false;
        }
        self.panels.annotations_open = true;
        self.panels.annotations.focus_note = true;
        true
    }

    /// The text whose metadata window is open.
    pub fn info_text(&self) -> Option<&crate::model::text::TextId> {
        self.windows.info_text.as_ref()
    }

    /// Opens the metadata window of a text, or closes it (`None`).
    pub fn show_text_info(&mut self, text_id: Option<crate::model::text::TextId>) {
        self.windows.info_text = text_id;
    }

    /// Whether the keyboard shortcuts window is open.
    pub fn shortcuts_shown(&self) -> bool {
        self.windows.shortcuts
    }

    /// Opens or closes the keyboard shortcuts window.
    pub(super) fn show_shortcuts(&mut self, open: bool) {
        self.windows.shortcuts = open;
    }

    /// Opens the window for pasting wordings to compare, with two empty ones; already open,
    /// what was pasted is kept.
    pub(super) fn open_paste(&mut self) {
        if self.windows.paste.is_none() {
            self.windows.paste = Some(vec![String::new(), String::new()]);
        }
    }

    /// The wordings typed into the paste window, while it is open.
    pub(super) fn paste_mut(&mut self) -> Option<&mut Vec<String>> {
        self.windows.paste.as_mut()
    }

    /// Closes the paste window.
    pub(super) fn close_paste(&mut self) {
        self.windows.paste = None;
    }

    /// The backups listed, while their window is open.
    pub fn backups(&self) -> Option<&[Backup]> {
        self.windows.backups.as_deref()
    }

    /// Opens the window of backups with those listed, or closes it (`None`).
    pub(super) fn show_backups(&mut self, listed: Option<Vec<Backup>>) {
        self.windows.backups = listed;
    }

    /// The timeline window, when open.
    pub fn timeline(&self) -> Option<&TimelineViewState> {
        self.windows.timeline.as_ref()
    }

    /// The timeline window, when open, to change.
    pub(super) fn timeline_mut(&mut self) -> Option<&mut TimelineViewState> {
        self.windows.timeline.as_mut()
    }

    /// Opens the timeline window, or closes it (`None`).
    pub(super) fn show_timeline(&mut self, timeline: Option<TimelineViewState>) {
        self.windows.timeline = timeline;
    }

    /// The record recovered that the banner's `message` tells of, if it tells of one.
    pub(super) fn recovered_told_by(&self, message: &str) -> Option<&Recovered> {
        self.recovered
            .iter()
            .find(|(told, _)| told == message)
            .map(|(_, recovered)| recovered)
    }

    /// Keeps the records recovered when the profile was opened, for the banner.
    pub(super) fn set_recovered(&mut self, recovered: Vec<Recovered>) {
        // Each with the words the banner told it in, which stay when the language changes.
        self.recovered = recovered.into_iter().map(|r| (r.message(), r)).collect();
    }

    /// Takes the view as the reading state kept it; its comparison opens at the first frame.
    pub(super) fn restore(&mut self, state: &ReadingState) {
        self.look.font_size = state.font_size;
        self.look.theme = state.theme;
        self.look.language = state.language;
        self.look.citation_style = state.citation_style;
        self.panels.library_open = state.library_open;
        self.dock_height = state.dock_height;
        self.window = state.window;
        self.at_first_frame.comparison = state.comparison.clone();
    }

    /// The comparison to open again at the first frame, if any, taken.
    pub(super) fn take_comparison_to_reopen(&mut self) -> Option<ComparisonRecord> {
        self.at_first_frame.comparison.take()
    }

    /// Opens no comparison again at the first frame.
    pub(super) fn forget_comparison_to_reopen(&mut self) {
        self.at_first_frame.comparison = None;
    }

    /// The comparison opened again at the first frame is docked below the texts.
    pub(super) fn reopen_comparison_docked(&mut self) {
        if let Some(record) = &mut self.at_first_frame.comparison {
            record.full = false;
        }
    }

    /// Compares `wordings` at the next frame, filling the window.
    pub(super) fn compare_at_next_frame(&mut self, wordings: Vec<WordingInput>) {
        self.at_first_frame.wordings = Some(wordings);
    }

    /// The wordings to compare at this frame, if any, taken.
    pub(super) fn take_wordings_to_compare(&mut self) -> Option<Vec<WordingInput>> {
        self.at_first_frame.wordings.take()
    }

    /// The height of the comparison docked below the texts, once it was shown.
    pub fn dock_height(&self) -> Option<f32> {
        self.dock_height
    }

    /// Remembers the height the docked comparison was shown at.
    pub(super) fn set_dock_height(&mut self, height: f32) {
        self.dock_height = Some(height);
    }

    /// The notes carried across the open comparison's witnesses (none when none are known).
    pub fn carried_notes(&self) -> &[Carried] {
        self.carried.as_ref().map_or(&[], |(_, c)| c.as_slice())
    }

    /// What the carried notes were found for.
    pub(super) fn carried_for(&self) -> Option<&CarriedKey> {
        self.carried.as_ref().map(|(key, _)| key)
    }

    /// What the carried notes were found for, to change (a newer revision that changes
    /// nothing of them).
    pub(super) fn carried_for_mut(&mut self) -> Option<&mut CarriedKey> {
        self.carried.as_mut().map(|(key, _)| key)
    }

    /// Keeps the carried notes found for `key`, or forgets them (`None`).
    pub(super) fn set_carried(&mut self, carried: Option<(CarriedKey, Vec<Carried>)>) {
        self.carried = carried;
    }

    /// Where the window is and how big, as the window system last said.
    pub fn window(&self) -> Option<WindowPlace> {
        self.window
    }

    /// Remembers where the window is and how big; a maximized window keeps the size it had
    /// before, to come back to.
    pub(super) fn note_window_place(&mut self, place: WindowPlace) {
        self.window = match (place.maximized, self.window) {
            (true, Some(before)) => Some(WindowPlace {
                maximized: true,
                ..before
            }),
            _ => Some(place),
        };
    }
}
