//! What the comparison view is drawn with besides its own state.

use egui::Color32;

use crate::model::comparison::ComparisonNote;

/// The view's inputs besides its state.
pub struct ComparisonView<'a> {
    /// Notes on comparisons (those of this one are shown).
    pub notes: &'a [ComparisonNote],
    /// Categories: (id, name, colour).
    pub categories: &'a [(String, String, Color32)],
    /// The reading font size.
    pub font_size: f32,
    /// Whether the profile can be written.
    pub editable: bool,
    /// The renderings of the term chosen in Terms across translations, to mark.
    pub terms: Option<&'a crate::ui::glossary_view::TermCells>,
    /// Notes on a witness carried to the aligned words of the others.
    pub carried: &'a [crate::model::carry::Carried],
    /// The study groups' notes on comparisons, in the layers shown (read only).
    pub group_notes: &'a [GroupNote],
}

/// A note on a comparison that a member of a study group shared: shown under the reader's
/// own notes, in its member's colour, never editable.
#[derive(Clone, Debug)]
pub struct GroupNote {
    /// Who wrote it, and in which group ("Anna · Seminar").
    pub by: String,
    /// Their colour.
    pub colour: Color32,
    /// Whether its signature does not verify.
    pub unverified: bool,
    /// The note.
    pub note: ComparisonNote,
}
