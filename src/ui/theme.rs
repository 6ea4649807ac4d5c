//! Colours and theme handling.
//!
//! A highlight is its category's colour laid thinly over the page. The selection and the marks
//! of Find (and of the mentions and terms shown in the panes) are drawn the other way, as
//! inverse video: a solid fill of the opposite lightness with the text in the page's colour on
//! it, so that neither can be taken for a highlight of any category, nor a match inside a
//! highlight be lost in it. The tests measure this (CIEDE2000 distance and WCAG contrast) for
//! every default category in both themes.

use egui::{Color32, ThemePreference};

use crate::storage::reading_state::ThemeChoice;

#[cfg(test)]
pub(crate) mod measure;

/// The colours of the reading column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReadingColors {
    /// The page behind the text.
    pub background: Color32,
    /// The text.
    pub text: Color32,
    /// Selected text's background (solid).
    pub selection: Color32,
    /// Selected text's colour.
    pub selection_text: Color32,
    /// The background of Find's matches and of the mentions and terms shown in the panes
    /// (solid).
    pub found: Color32,
    /// The text of those marks.
    pub found_text: Color32,
    /// How strongly a category's colour is laid over the page for a highlight (0–255).
    pub highlight_alpha: u8,
}

/// Reading colours for the light or dark theme: a warm paper page with near-black ink, or a
/// soft dark page with light grey ink; both with contrast well above WCAG AA.
pub fn reading_colors(dark_mode: bool) -> ReadingColors {
    if dark_mode {
        let page = Color32::from_rgb(0x1c, 0x1d, 0x20);
        ReadingColors {
            background: page,
            text: Color32::from_rgb(0xdd, 0xdb, 0xd6),
            selection: Color32::from_rgb(0xb9, 0xd4, 0xf5),
            selection_text: page,
            found: Color32::from_rgb(0xf5, 0xc8, 0x3c),
            found_text: page,
            highlight_alpha: 80,
        }
    } else {
        let page = Color32::from_rgb(0xfb, 0xf9, 0xf4);
        ReadingColors {
            background: page,
            text: Color32::from_rgb(0x24, 0x22, 0x20),
            selection: Color32::from_rgb(0x1f, 0x4e, 0x8c),
            selection_text: page,
            found: Color32::from_rgb(0x8a, 0x5a, 0x00),
            found_text: page,
            highlight_alpha: 110,
        }
    }
}

/// The fill of a highlight in a category of colour `rgb` (translucent, so that overlapping
/// highlights both show).
pub fn highlight_fill(rgb: Color32, dark_mode: bool) -> Color32 {
    let alpha = reading_colors(dark_mode).highlight_alpha;
    Color32::from_rgba_unmultiplied(rgb.r(), rgb.g(), rgb.b(), alpha)
}

/// egui's theme preference for a choice.
pub fn preference(choice: ThemeChoice) -> ThemePreference {
    match choice {
        ThemeChoice::System => ThemePreference::System,
        ThemeChoice::Light => ThemePreference::Light,
        ThemeChoice::Dark => ThemePreference::Dark,
    }
}
