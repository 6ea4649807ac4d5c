//! The reading state: which texts are open in which panes, where each is scrolled, the theme
//! and the font size. Saved in `reading-state.json` in the profile so a restart resumes reading.

use crate::model::text::TextId;
use serde::{Deserialize, Serialize};

use super::StorageError;
use super::atomic::write_atomic;
use super::profile::Profile;
use super::schema::{self, Format, Loaded};
use crate::model::comparison::{Comparison, Reference};
use crate::model::diff::Normalization;
use crate::model::selection::Selection;

/// The reading state file's format.
pub const READING_STATE_FORMAT: Format = Format {
    name: "lectern-reading-state",
    version: 1,
};

/// The default reading font size, in points.
pub const DEFAULT_FONT_SIZE: f32 = 18.0;
/// The smallest and largest reading font sizes.
pub const FONT_SIZE_RANGE: (f32, f32) = (10.0, 40.0);

/// Light, dark, or whatever the system prefers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Follow the operating system's preference.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// The interface's language: the system's, or one chosen in View ▸ Language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LanguageChoice {
    /// Follow the system's locale.
    #[default]
    System,
    /// English.
    English,
    /// Russian.
    Russian,
}

/// One open pane.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaneRecord {
    /// The text shown.
    pub text_id: TextId,
    /// The paragraph at the top of the pane.
    pub paragraph: usize,
    /// How far into that paragraph the pane is scrolled, as a fraction of its height, so that
    /// the place survives a change of font size or window width.
    #[serde(default)]
    pub within: f32,
    /// Whether the pane takes part in linked scrolling.
    #[serde(default)]
    pub linked: bool,
    /// The selection, if any.
    #[serde(default)]
    pub selection: Option<Selection>,
}

/// The comparison that was open, and how it was shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComparisonRecord {
    /// A bundled comparison's id, or one of the reader's own.
    pub id: String,
    /// The reader's own comparison itself, when it is not kept with the notes (small ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own: Option<std::sync::Arc<Comparison>>,
    /// Whether it filled the window.
    #[serde(default)]
    pub full: bool,
    /// Whether it was shown inline.
    #[serde(default)]
    pub inline: bool,
    /// What counted as different.
    #[serde(default = "Normalization::wording")]
    pub normalization: Normalization,
    /// What each witness was marked against.
    #[serde(default)]
    pub reference: Reference,
    /// Witnesses hidden.
    #[serde(default)]
    pub hidden: Vec<bool>,
    /// Whether its description was shown (None: the default).
    #[serde(default)]
    pub description_open: Option<bool>,
}

/// Where the window was and how big (points; the position is its outer top-left corner).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WindowPlace {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Inner width.
    pub width: f32,
    /// Inner height.
    pub height: f32,
    /// Whether it was maximized.
    #[serde(default)]
    pub maximized: bool,
}

impl WindowPlace {
    /// The smallest window Lectern opens.
    pub const MIN_SIZE: [f32; 2] = [640.0, 400.0];

    /// The place, if it makes sense: finite, at least the smallest size, not absurdly large.
    pub fn sane(self) -> Option<Self> {
        let finite = [self.x, self.y, self.width, self.height]
            .iter()
            .all(|v| v.is_finite());
        let sized = (Self::MIN_SIZE[0]..=20_000.0).contains(&self.width)
            && (Self::MIN_SIZE[1]..=20_000.0).contains(&self.height);
        let near = self.x.abs() < 20_000.0 && self.y.abs() < 20_000.0;
        (finite && sized && near).then_some(self)
    }
}

/// Reads a value that may be missing or unreadable as `None`, so that one part of the file
/// written by another version never costs the rest.
fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).ok())
}

/// A value read leniently: its default where the file's value cannot be read (a later
/// Lectern's choice this one does not know), and the rest of the reading state kept.
fn lenient_or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned + Default,
{
    Ok(lenient(deserializer)?.unwrap_or_default())
}

/// Everything about the desk that survives a restart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadingState {
    /// Open panes, left to right.
    pub panes: Vec<PaneRecord>,
    /// Each pane's share of the desk's width (sums to 1 when there are panes).
    pub pane_widths: Vec<f32>,
    /// The pane that keyboard commands act on.
    pub active_pane: usize,
    /// The theme.
    pub theme: ThemeChoice,
    /// The interface's language (one this Lectern does not know is the system's).
    #[serde(deserialize_with = "lenient_or_default")]
    pub language: LanguageChoice,
    /// The style Copy with citation, the exports and `lectern cite` cite in (one this Lectern
    /// does not know is Lectern's own).
    #[serde(deserialize_with = "lenient_or_default")]
    pub citation_style: crate::formats::cite::CitationStyle,
    /// The reading font size in points.
    pub font_size: f32,
    /// Whether the library panel is shown.
    pub library_open: bool,
    /// The comparison that was open (a record that cannot be read is forgotten, and the rest
    /// of the reading state kept).
    #[serde(deserialize_with = "lenient")]
    pub comparison: Option<ComparisonRecord>,
    /// The height of the comparison docked below the texts, in points.
    pub dock_height: Option<f32>,
    /// Where the window was and how big.
    #[serde(deserialize_with = "lenient")]
    pub window: Option<WindowPlace>,
}

impl Default for ReadingState {
    fn default() -> Self {
        Self {
            panes: Vec::new(),
            pane_widths: Vec::new(),
            active_pane: 0,
            theme: ThemeChoice::System,
            language: LanguageChoice::System,
            citation_style: crate::formats::cite::CitationStyle::Lectern,
            font_size: DEFAULT_FONT_SIZE,
            library_open: true,
            comparison: None,
            dock_height: None,
            window: None,
        }
    }
}

impl ReadingState {
    /// The file the profile's reading state is read from: this device's own, or, before the
    /// device's first start, the one all devices shared when the reading state was not per
    /// device.
    fn path(profile: &Profile) -> std::path::PathBuf {
        let own = profile.reading_state_path();
        if !own.exists() && profile.shared_reading_state_path().exists() {
            profile.shared_reading_state_path()
        } else {
            own
        }
    }

    /// Loads the profile's reading state (see [`schema::load`] for bad and newer files).
    pub fn load(profile: &Profile) -> Loaded<Self> {
        let mut loaded = schema::load::<Self>(&Self::path(profile), READING_STATE_FORMAT);
        if let Some(state) = &mut loaded.value {
            state.sanitise();
        }
        loaded
    }

    /// The language the profile's reading state chose, read without changing anything (the
    /// window speaks it from the profile's first words on, before the state is loaded); the
    /// system's where there is no such state or it cannot be read.
    pub fn chosen_language(profile: &Profile) -> LanguageChoice {
        std::fs::read(Self::path(profile))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
            .and_then(|file| serde_json::from_value(file.get("language")?.clone()).ok())
            .unwrap_or_default()
    }

    /// The citation style the profile's reading state chose (for `lectern cite` and `lectern
    /// export`), read without changing anything; Lectern's own where there is none.
    pub fn chosen_citation_style(profile: &Profile) -> crate::formats::cite::CitationStyle {
        std::fs::read(Self::path(profile))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
            .and_then(|file| serde_json::from_value(file.get("citation_style")?.clone()).ok())
            .unwrap_or_default()
    }

    /// The bytes of the file for this state.
    pub fn to_bytes(&self) -> Result<Vec<u8>, StorageError> {
        schema::to_bytes(READING_STATE_FORMAT, self)
    }

    /// Writes the state to the profile (atomically; call from a background thread).
    pub fn save(&self, profile: &Profile) -> Result<(), StorageError> {
        write_atomic(&profile.reading_state_path(), &self.to_bytes()?)
    }

    /// Repairs values a hand-edited or older file may hold out of range.
    pub fn sanitise(&mut self) {
        let (min, max) = FONT_SIZE_RANGE;
        if !self.font_size.is_finite() {
            self.font_size = DEFAULT_FONT_SIZE;
        }
        self.font_size = self.font_size.clamp(min, max);
        self.panes.truncate(crate::MAX_PANES);
        for pane in &mut self.panes {
            if !pane.within.is_finite() {
                pane.within = 0.0;
            }
            pane.within = pane.within.clamp(0.0, 1.0);
        }
        let widths_ok = self.pane_widths.len() == self.panes.len()
            && self.pane_widths.iter().all(|w| w.is_finite() && *w > 0.0);
        if !widths_ok {
            let n = self.panes.len().max(1) as f32;
            self.pane_widths = vec![1.0 / n; self.panes.len()];
        }
        let total: f32 = self.pane_widths.iter().sum();
        if total > 0.0 {
            for width in &mut self.pane_widths {
                *width /= total;
            }
        }
        self.active_pane = self.active_pane.min(self.panes.len().saturating_sub(1));
        self.dock_height = self
            .dock_height
            .filter(|h| h.is_finite())
            .map(|h| h.clamp(120.0, 4000.0));
        self.window = self.window.and_then(WindowPlace::sane);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> ReadingState {
        ReadingState {
            panes: vec![
                PaneRecord {
                    text_id: "lenin-1922-09-26-kamenev".into(),
                    paragraph: 4,
                    within: 0.25,
                    linked: true,
                    selection: Some(Selection {
                        anchor: 10,
                        head: 3,
                    }),
                },
                PaneRecord {
                    text_id: "lenin-1922-12-30-autonomization".into(),
                    paragraph: 0,
                    within: 0.0,
                    linked: false,
                    selection: None,
                },
            ],
            pane_widths: vec![0.6, 0.4],
            active_pane: 1,
            theme: ThemeChoice::Dark,
            language: LanguageChoice::Russian,
            citation_style: crate::formats::cite::CitationStyle::Gost,
            font_size: 22.0,
            library_open: false,
            comparison: Some(ComparisonRecord {
                id: "clause-1".into(),
                own: None,
                full: false,
                inline: true,
                normalization: Normalization::wording(),
                reference: Reference::Base(2),
                hidden: vec![false, true],
                description_open: Some(true),
            }),
            dock_height: Some(420.0),
            window: Some(WindowPlace {
                x: 40.0,
                y: 30.0,
                width: 1280.0,
                height: 800.0,
                maximized: false,
            }),
        }
    }

    #[test]
    fn a_window_place_that_makes_no_sense_is_forgotten() {
        let mut state = state();
        state.window = Some(WindowPlace {
            x: f32::NAN,
            ..state.window.unwrap()
        });
        state.sanitise();
        assert_eq!(state.window, None);
        let mut state = self::state();
        state.window = Some(WindowPlace {
            width: 10.0,
            ..state.window.unwrap()
        });
        state.sanitise();
        assert_eq!(state.window, None);
        let mut state = self::state();
        state.sanitise();
        assert_eq!(state.window, self::state().window);
    }

    #[test]
    fn an_unreadable_comparison_record_costs_nothing_else() {
        // As another version might write it: a comparison record of another shape.
        let mut value = serde_json::to_value(state()).unwrap();
        value["comparison"] = serde_json::json!({ "id": 7, "full": "yes" });
        let bytes = schema::to_bytes(READING_STATE_FORMAT, &value).unwrap();
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        std::fs::write(profile.reading_state_path(), bytes).unwrap();
        let loaded = ReadingState::load(&profile).value.expect("the state loads");
        assert_eq!(loaded.panes, state().panes);
        assert_eq!(loaded.font_size, state().font_size);
        assert_eq!(loaded.comparison, None);
    }

    #[test]
    fn the_chosen_language_is_read_ahead_and_an_unknown_one_costs_nothing_else() {
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        assert_eq!(
            ReadingState::chosen_language(&profile),
            LanguageChoice::System
        );
        state().save(&profile).unwrap();
        assert_eq!(
            ReadingState::chosen_language(&profile),
            LanguageChoice::Russian
        );
        // A later Lectern's language: the system's, and the rest of the state kept.
        let mut value = serde_json::to_value(state()).unwrap();
        value["language"] = serde_json::json!("georgian");
        let bytes = schema::to_bytes(READING_STATE_FORMAT, &value).unwrap();
        std::fs::write(profile.reading_state_path(), bytes).unwrap();
        assert_eq!(
            ReadingState::chosen_language(&profile),
            LanguageChoice::System
        );
        let loaded = ReadingState::load(&profile).value.expect("the state loads");
        assert_eq!(loaded.language, LanguageChoice::System);
        assert_eq!(loaded.panes, state().panes);
    }

    #[test]
    fn round_trip_through_the_profile() {
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        state().save(&profile).unwrap();
        let loaded = ReadingState::load(&profile);
        assert_eq!(loaded.value, Some(state()));
        assert!(loaded.notices.is_empty());
    }

    #[test]
    fn out_of_range_values_are_repaired() {
        let mut s = state();
        s.font_size = 400.0;
        s.pane_widths = vec![f32::NAN];
        s.active_pane = 9;
        s.panes[0].within = 7.0;
        s.sanitise();
        assert_eq!(s.font_size, FONT_SIZE_RANGE.1);
        assert_eq!(s.pane_widths, vec![0.5, 0.5]);
        assert_eq!(s.active_pane, 1);
        assert_eq!(s.panes[0].within, 1.0);
    }

    #[test]
    fn fields_missing_from_an_older_file_take_their_defaults() {
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        std::fs::write(
            profile.reading_state_path(),
            r#"{"format": "lectern-reading-state", "version": 1, "font_size": 20}"#,
        )
        .unwrap();
        let loaded = ReadingState::load(&profile).value.unwrap();
        assert_eq!(loaded.font_size, 20.0);
        assert_eq!(loaded.theme, ThemeChoice::System);
        assert!(loaded.library_open);
    }
}
