//! What the rest of the window reads of an open comparison, and the few changes it makes from
//! outside the comparison's own actions (filling the window, a message, a note to focus).

use super::ComparisonState;
use crate::model::comparison::{Comparison, ComparisonResult, Reference};
use crate::model::diff::Normalization;

impl ComparisonState {
    /// The comparison: its witnesses and segments.
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    /// Whether the reader made it (selections, texts, pasted) rather than it being bundled.
    pub fn is_readers_own(&self) -> bool {
        self.readers_own
    }

    /// Its computed differences (None while computing, or when cancelled).
    pub fn result(&self) -> Option<&ComparisonResult> {
        self.result.as_ref()
    }

    /// What counts as a difference.
    pub fn normalization(&self) -> Normalization {
        self.normalization
    }

    /// What each witness is marked against.
    pub fn reference(&self) -> Reference {
        self.reference
    }

    /// Whether it shows one column with the differences inline, instead of a column per
    /// witness.
    pub fn is_inline(&self) -> bool {
        self.inline
    }

    /// The difference stepped to (index into the result's differences).
    pub fn current_difference(&self) -> Option<usize> {
        self.current
    }

    /// Which witnesses are hidden from the view, one flag per witness.
    pub fn hidden(&self) -> &[bool] {
        &self.hidden
    }

    /// Hides the witnesses flagged, as a saved reading state kept them; ignored unless there
    /// is one flag per witness and at least one witness stays shown.
    pub fn hide_witnesses(&mut self, hidden: Vec<bool>) {
        if hidden.len() == self.comparison.witnesses.len() && hidden.iter().any(|h| !h) {
            self.hidden = hidden;
        }
    }

    /// Whether the reader asked for it to fill the window (else it sits below the panes).
    pub fn is_full(&self) -> bool {
        self.full
    }

    /// Lets it fill the window, or docks it below the reading panes.
    pub fn set_full(&mut self, full: bool) {
        self.full = full;
    }

    /// Whether it fills the window this frame.
    pub fn fills(&self) -> bool {
        self.fills
    }

    /// Decides, once a frame, whether it fills the window: when the reader asked for it, or
    /// when `no_text_open` leaves nothing to dock it below. Whether it does.
    pub fn decide_fills(&mut self, no_text_open: bool) -> bool {
        self.fills = self.full || no_text_open;
        self.fills
    }

    /// Whether its description was opened or closed by the reader (None: shown when the
    /// comparison fills the window).
    pub fn description_open(&self) -> Option<bool> {
        self.description_open
    }

    /// Opens or closes its description as a saved reading state kept it.
    pub fn set_description_open(&mut self, open: Option<bool>) {
        self.description_open = open;
    }

    /// The message shown to the reader (cancelled, exported, could not compare …).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Shows a message to the reader, or none.
    pub fn set_message(&mut self, message: Option<String>) {
        self.message = message;
    }

    /// The screen area the view last took.
    pub fn rect(&self) -> Option<egui::Rect> {
        self.rect
    }

    /// Gives the keyboard to a note's text field when next drawn.
    pub fn focus_note(&mut self, note_id: String) {
        self.focus_note = Some(note_id);
    }

    /// Forgets what was typed in the notes' fields, so that they show the notes as they now
    /// are (after an undo or a redo).
    pub fn forget_drafts(&mut self) {
        self.drafts.clear();
    }
}
