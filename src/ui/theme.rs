//! Colours and theme handling.

use egui::{Color32, ThemePreference};

use crate::storage::reading_state::ThemeChoice;

/// The colours of the reading column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReadingColors {
    /// The page behind the text.
    pub background: Color32,
    /// The text.
    pub text: Color32,
    /// Selected text's background.
    pub selection: Color32,
}

/// Reading colours for the light or dark theme: a warm paper page with near-black ink, or a
/// soft dark page with light grey ink; both with contrast well above WCAG AA.
pub fn reading_colors(dark_mode: bool) -> ReadingColors {
    if dark_mode {
        ReadingColors {
            background: Color32::from_rgb(0x1c, 0x1d, 0x20),
            text: Color32::from_rgb(0xdd, 0xdb, 0xd6),
            selection: Color32::from_rgb(0x2f, 0x4a, 0x6e),
        }
    } else {
        ReadingColors {
            background: Color32::from_rgb(0xfb, 0xf9, 0xf4),
            text: Color32::from_rgb(0x24, 0x22, 0x20),
            selection: Color32::from_rgb(0xb9, 0xd4, 0xf5),
        }
    }
}

/// egui's theme preference for a choice.
pub fn preference(choice: ThemeChoice) -> ThemePreference {
    match choice {
        ThemeChoice::System => ThemePreference::System,
        ThemeChoice::Light => ThemePreference::Light,
        ThemeChoice::Dark => ThemePreference::Dark,
    }
}
