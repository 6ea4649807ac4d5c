//! Every command a user can give, once: [`Action`], with its label, shortcut and tooltip.
//!
//! Views return `Vec<Action>`; [`crate::ui::app::LecternApp::apply`] carries them out in one
//! place. Menus, buttons, tooltips and the keyboard all read the label and shortcut from here,
//! so they cannot drift apart.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::storage::reading_state::ThemeChoice;

/// The part of Lectern a command belongs to: where it is carried out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// The panes and what is read in them.
    Desk,
    /// The reading view: text size, theme, side panels, help, quitting.
    View,
    /// The reader's annotations, categories, undo and backups.
    Annotations,
    /// The comparison view and notes on differences.
    Comparison,
    /// Find in the text and Search everything.
    Search,
    /// Imports and exports.
    Files,
}

/// A command for the app to carry out.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open a text in the active pane (or in a new pane beside it).
    OpenText {
        /// The text's id.
        text_id: String,
        /// Open in a new pane beside the active one instead of replacing its text.
        beside: bool,
    },
    /// Choose a text file and read it in this session (File ▸ Open file…).
    OpenFile,
    /// Open the first text matching the library filter (Enter in the filter).
    OpenFirstMatch {
        /// In a new pane beside the active one.
        beside: bool,
    },
    /// Make a pane the one keyboard commands act on.
    FocusPane(usize),
    /// Move keyboard focus to the next pane.
    NextPane,
    /// Close a pane.
    ClosePane(usize),
    /// Close the active pane.
    CloseActivePane,
    /// Swap a pane with its left neighbour.
    MovePaneLeft(usize),
    /// Swap a pane with its right neighbour.
    MovePaneRight(usize),
    /// Turn linked scrolling on or off for a pane.
    ToggleLinked(usize),
    /// Turn linked scrolling on or off for the active pane.
    ToggleActiveLinked,
    /// A pane was scrolled by the user: linked panes follow.
    Scrolled(usize),
    /// Scroll a pane to the start of a paragraph (the parts menu).
    GoToParagraph {
        /// The pane.
        pane: usize,
        /// The paragraph.
        paragraph: usize,
    },
    /// Show a text's metadata and provenance.
    ShowTextInfo(String),
    /// Show the metadata of the active pane's text.
    ShowActiveTextInfo,
    /// Close the metadata window.
    CloseTextInfo,
    /// Copy the active pane's selection to the clipboard.
    CopySelection,
    /// Highlight the active pane's selection in a category (by position, 0 = the first).
    Highlight(usize),
    /// Select an annotation (clicked highlight or list entry), or none.
    SelectAnnotation(Option<String>),
    /// Scroll the pane showing an annotation's text to it (opening the text if needed).
    GoToAnnotation(String),
    /// Write a note on the selection: highlight it if needed and open the note editor.
    NoteOnSelection,
    /// Change an annotation's category, note or tags (the changed annotation, same id).
    ChangeAnnotation(Box<crate::model::annotation::Annotation>),
    /// Move an annotation to the trash.
    DeleteAnnotation(String),
    /// Attach an orphaned annotation to the passage selected in the active pane.
    ReattachAnnotation(String),
    /// Bring an annotation back from the trash.
    RestoreAnnotation(String),
    /// Replace the highlight categories (renamed, recoloured, added or removed).
    SetCategories(Vec<crate::model::annotation::Category>),
    /// Show or hide the annotations panel.
    ToggleAnnotationsPanel,
    /// Undo the last change to annotations.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Select the whole text in the active pane.
    SelectAll,
    /// Larger reading font.
    ZoomIn,
    /// Smaller reading font.
    ZoomOut,
    /// Default reading font size.
    ZoomReset,
    /// Choose the theme.
    SetTheme(ThemeChoice),
    /// Switch between light and dark.
    ToggleDarkLight,
    /// Show or hide the library panel.
    ToggleLibrary,
    /// Put the keyboard focus in the library's filter box.
    FocusLibraryFilter,
    /// Show the keyboard shortcuts window.
    ShowShortcuts,
    /// Close the window.
    Quit,
    /// Open a comparison (bundled, or one of the reader's) by id.
    OpenComparison(String),
    /// Close the comparison.
    CloseComparison,
    /// Compare the passages selected in the open panes (two to three).
    CompareSelections,
    /// Compare the whole texts open in the panes.
    CompareOpenTexts,
    /// Show the window for pasting wordings to compare.
    ShowPasteComparison,
    /// Compare pasted wordings.
    ComparePasted(Vec<String>),
    /// Stop computing a large comparison.
    CancelComparison,
    /// Step to the next difference.
    NextDifference,
    /// Step to the previous difference.
    PreviousDifference,
    /// Reverse the order of the witnesses.
    SwapWitnesses,
    /// Columns or one inline column.
    SetComparisonLayout {
        /// One column with differences inline.
        inline: bool,
    },
    /// Change what counts as a difference.
    SetNormalization(crate::model::compare::Normalization),
    /// Change what the witnesses are marked against.
    SetReference(crate::model::comparison::Reference),
    /// Show or hide a witness.
    ToggleWitness(usize),
    /// Open a witness's passage in its text, selected.
    OpenWitnessPassage {
        /// The witness.
        witness: usize,
        /// The segment.
        segment: usize,
    },
    /// Write a note on a difference, or on a whole segment.
    NoteOnDifference {
        /// The segment.
        segment: usize,
        /// The difference (index into the result), if the note is on one.
        difference: Option<usize>,
    },
    /// Change a note on a comparison.
    ChangeComparisonNote(Box<crate::model::comparison::ComparisonNote>),
    /// Delete a note on a comparison.
    DeleteComparisonNote(String),
    /// Open the comparison a note is on, at its segment.
    OpenComparisonNote(String),
    /// Export the comparison.
    ExportComparison(ExportFormat),
    /// Let the comparison fill the window, or dock it below the reading panes.
    ToggleComparisonFull,
    /// Open the find bar for the current text.
    OpenFind,
    /// Step to the next match.
    FindNext,
    /// Step to the previous match.
    FindPrevious,
    /// Close the find bar.
    CloseFind,
    /// Search every text and note.
    SearchAll,
    /// Close Search everything.
    CloseSearchAll,
    /// Copy the selection with its citation (plain, or as a Markdown block quote).
    CopyWithCitation {
        /// As Markdown.
        markdown: bool,
    },
    /// Export the annotations the panel shows (its filters choose them).
    ExportSelectedAnnotations {
        /// The format.
        format: AnnotationFormat,
        /// The annotations.
        ids: Vec<String>,
    },
    /// Import a text file into the library (File ▸ Import text…).
    ImportText,
    /// Take an imported text out of the library (its file is kept, the removal can be undone).
    RemoveImported(String),
    /// Put the last removed text back.
    UndoRemoveImported,
    /// Keep the text read for import, with the metadata in the import window.
    ConfirmImport,
    /// Drop the text read for import.
    CancelImport,
    /// Import annotations from a W3C Web Annotation file.
    ImportAnnotations,
    /// List the backups of the annotations (File ▸ Restore from backup…).
    ShowBackups,
    /// Close the list of backups.
    CloseBackups,
    /// Restore the annotations from the backup of this name, as one undoable change.
    RestoreBackup(String),
    /// Export annotations (File ▸ Export annotations).
    ExportAnnotations {
        /// The format.
        format: AnnotationFormat,
        /// Only those of the text in the active pane.
        current_text_only: bool,
    },
    /// Open a text at a search match, selected.
    OpenSearchHit {
        /// The text.
        text_id: String,
        /// The match (characters).
        range: std::ops::Range<usize>,
    },
}

pub use crate::model::annotation_export::AnnotationFormat;

/// What a comparison can be exported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Markdown, differences marked with ~~ and **.
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// A PNG image of the view.
    Png,
}

impl ExportFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Png => "png",
        }
    }
}

const fn shortcut(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Action {
    /// The part of Lectern the command belongs to.
    pub fn area(&self) -> Area {
        match self {
            Self::OpenText { .. }
            | Self::OpenFile
            | Self::OpenFirstMatch { .. }
            | Self::FocusPane(_)
            | Self::NextPane
            | Self::ClosePane(_)
            | Self::CloseActivePane
            | Self::MovePaneLeft(_)
            | Self::MovePaneRight(_)
            | Self::ToggleLinked(_)
            | Self::ToggleActiveLinked
            | Self::Scrolled(_)
            | Self::GoToParagraph { .. }
            | Self::ShowTextInfo(_)
            | Self::ShowActiveTextInfo
            | Self::CloseTextInfo
            | Self::CopySelection
            | Self::SelectAll
            | Self::CopyWithCitation { .. } => Area::Desk,
            Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomReset
            | Self::SetTheme(_)
            | Self::ToggleDarkLight
            | Self::ToggleLibrary
            | Self::FocusLibraryFilter
            | Self::ShowShortcuts
            | Self::Quit
            | Self::ToggleAnnotationsPanel => Area::View,
            Self::Highlight(_)
            | Self::NoteOnSelection
            | Self::SelectAnnotation(_)
            | Self::GoToAnnotation(_)
            | Self::ChangeAnnotation(_)
            | Self::DeleteAnnotation(_)
            | Self::RestoreAnnotation(_)
            | Self::ReattachAnnotation(_)
            | Self::SetCategories(_)
            | Self::Undo
            | Self::Redo
            | Self::ShowBackups
            | Self::CloseBackups
            | Self::RestoreBackup(_) => Area::Annotations,
            Self::OpenComparison(_)
            | Self::CloseComparison
            | Self::CompareSelections
            | Self::CompareOpenTexts
            | Self::ShowPasteComparison
            | Self::ComparePasted(_)
            | Self::CancelComparison
            | Self::NextDifference
            | Self::PreviousDifference
            | Self::SetComparisonLayout { .. }
            | Self::SetNormalization(_)
            | Self::SetReference(_)
            | Self::ToggleWitness(_)
            | Self::OpenWitnessPassage { .. }
            | Self::NoteOnDifference { .. }
            | Self::ChangeComparisonNote(_)
            | Self::DeleteComparisonNote(_)
            | Self::ExportComparison(_)
            | Self::OpenComparisonNote(_)
            | Self::ToggleComparisonFull
            | Self::SwapWitnesses => Area::Comparison,
            Self::OpenFind
            | Self::FindNext
            | Self::FindPrevious
            | Self::CloseFind
            | Self::SearchAll
            | Self::CloseSearchAll
            | Self::OpenSearchHit { .. } => Area::Search,
            Self::ImportText
            | Self::ConfirmImport
            | Self::RemoveImported(_)
            | Self::UndoRemoveImported
            | Self::CancelImport
            | Self::ImportAnnotations
            | Self::ExportAnnotations { .. }
            | Self::ExportSelectedAnnotations { .. } => Area::Files,
        }
    }

    /// The commands that have a keyboard shortcut, most specific first (egui matches extra
    /// Shift loosely, so Ctrl+Shift+X must be tried before Ctrl+X).
    pub fn with_shortcuts() -> Vec<Self> {
        vec![
            Self::ToggleDarkLight,
            Self::ToggleAnnotationsPanel,
            Self::ZoomIn,
            Self::ZoomOut,
            Self::ZoomReset,
            Self::ToggleLibrary,
            Self::FocusLibraryFilter,
            Self::OpenFile,
            Self::CloseActivePane,
            Self::NextPane,
            Self::ShowActiveTextInfo,
            Self::ToggleActiveLinked,
            Self::SelectAll,
            Self::CopyWithCitation { markdown: false },
            Self::CopySelection,
            Self::Redo,
            Self::Undo,
            Self::NoteOnSelection,
            Self::Highlight(0),
            Self::Highlight(1),
            Self::Highlight(2),
            Self::Highlight(3),
            Self::Highlight(4),
            Self::Highlight(5),
            Self::ShowShortcuts,
            Self::Quit,
            Self::PreviousDifference,
            Self::NextDifference,
            Self::SwapWitnesses,
            Self::FindPrevious,
            Self::FindNext,
            Self::SearchAll,
            Self::OpenFind,
        ]
    }

    /// The keyboard shortcuts of this command (the first is the one shown in menus).
    pub fn shortcuts(&self) -> Vec<KeyboardShortcut> {
        match self {
            Self::ZoomIn => vec![shortcut(CTRL, Key::Plus), shortcut(CTRL, Key::Equals)],
            Self::ZoomOut => vec![shortcut(CTRL, Key::Minus)],
            Self::ZoomReset => vec![shortcut(CTRL, Key::Num0)],
            Self::ToggleDarkLight => vec![shortcut(CTRL_SHIFT, Key::D)],
            Self::ToggleLibrary => vec![shortcut(CTRL, Key::B)],
            Self::FocusLibraryFilter => vec![shortcut(CTRL, Key::L)],
            Self::OpenFile => vec![shortcut(CTRL, Key::O)],
            Self::CloseActivePane => vec![shortcut(CTRL, Key::W)],
            Self::NextPane => vec![shortcut(Modifiers::NONE, Key::F6)],
            Self::ShowActiveTextInfo => vec![shortcut(CTRL, Key::I)],
            Self::ToggleActiveLinked => vec![shortcut(CTRL, Key::K)],
            Self::SelectAll => vec![shortcut(CTRL, Key::A)],
            Self::CopySelection => vec![shortcut(CTRL, Key::C)],
            Self::Redo => vec![shortcut(CTRL_SHIFT, Key::Z), shortcut(CTRL, Key::Y)],
            Self::Undo => vec![shortcut(CTRL, Key::Z)],
            Self::NoteOnSelection => vec![shortcut(Modifiers::NONE, Key::N)],
            Self::ToggleAnnotationsPanel => vec![shortcut(CTRL_SHIFT, Key::A)],
            Self::Highlight(0) => vec![
                shortcut(Modifiers::NONE, Key::H),
                shortcut(Modifiers::NONE, Key::Num1),
            ],
            Self::Highlight(1) => vec![shortcut(Modifiers::NONE, Key::Num2)],
            Self::Highlight(2) => vec![shortcut(Modifiers::NONE, Key::Num3)],
            Self::Highlight(3) => vec![shortcut(Modifiers::NONE, Key::Num4)],
            Self::Highlight(4) => vec![shortcut(Modifiers::NONE, Key::Num5)],
            Self::Highlight(5) => vec![shortcut(Modifiers::NONE, Key::Num6)],
            Self::ShowShortcuts => vec![shortcut(Modifiers::NONE, Key::F1)],
            Self::Quit => vec![shortcut(CTRL, Key::Q)],
            Self::PreviousDifference => vec![shortcut(Modifiers::SHIFT, Key::F7)],
            Self::NextDifference => vec![shortcut(Modifiers::NONE, Key::F7)],
            Self::SwapWitnesses => vec![shortcut(CTRL_SHIFT, Key::X)],
            Self::FindPrevious => vec![shortcut(Modifiers::SHIFT, Key::F3)],
            Self::FindNext => vec![shortcut(Modifiers::NONE, Key::F3)],
            Self::OpenFind => vec![shortcut(CTRL, Key::F)],
            Self::SearchAll => vec![shortcut(CTRL_SHIFT, Key::F)],
            Self::CopyWithCitation { markdown: false } => vec![shortcut(CTRL_SHIFT, Key::C)],
            _ => Vec::new(),
        }
    }

    /// The shortcut shown beside the command in menus, if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.shortcuts().into_iter().next()
    }

    /// The command's name, as in menus and buttons.
    pub fn label(&self) -> String {
        match self {
            Self::OpenText { beside: false, .. } => "Open".into(),
            Self::OpenText { beside: true, .. } => "Open beside".into(),
            Self::OpenFile => "Open file…".into(),
            Self::OpenFirstMatch { beside: false } => "Open first match".into(),
            Self::OpenFirstMatch { beside: true } => "Open first match beside".into(),
            Self::FocusPane(_) => "Focus pane".into(),
            Self::NextPane => "Next pane".into(),
            Self::ClosePane(_) | Self::CloseActivePane => "Close pane".into(),
            Self::MovePaneLeft(_) => "Move pane left".into(),
            Self::MovePaneRight(_) => "Move pane right".into(),
            Self::ToggleLinked(_) | Self::ToggleActiveLinked => "Linked scrolling".into(),
            Self::Scrolled(_) => "Scroll".into(),
            Self::GoToParagraph { .. } => "Go to part".into(),
            Self::ShowTextInfo(_) | Self::ShowActiveTextInfo => "About this text".into(),
            Self::CloseTextInfo => "Close".into(),
            Self::CopySelection => "Copy".into(),
            Self::Highlight(0) => "Highlight".into(),
            Self::Highlight(n) => format!("Highlight in category {}", n + 1),
            Self::Undo => "Undo".into(),
            Self::SelectAnnotation(_) => "Select annotation".into(),
            Self::GoToAnnotation(_) => "Show in text".into(),
            Self::NoteOnSelection => "Add a note".into(),
            Self::ChangeAnnotation(_) => "Change annotation".into(),
            Self::DeleteAnnotation(_) => "Delete".into(),
            Self::RestoreAnnotation(_) => "Restore".into(),
            Self::ReattachAnnotation(_) => "Attach to selection".into(),
            Self::ToggleAnnotationsPanel => "Annotations panel".into(),
            Self::SetCategories(_) => "Change categories".into(),
            Self::Redo => "Redo".into(),
            Self::SelectAll => "Select all".into(),
            Self::ZoomIn => "Larger text".into(),
            Self::ZoomOut => "Smaller text".into(),
            Self::ZoomReset => "Default text size".into(),
            Self::SetTheme(ThemeChoice::System) => "Follow system theme".into(),
            Self::SetTheme(ThemeChoice::Light) => "Light theme".into(),
            Self::SetTheme(ThemeChoice::Dark) => "Dark theme".into(),
            Self::ToggleDarkLight => "Switch light/dark".into(),
            Self::ToggleLibrary => "Library panel".into(),
            Self::FocusLibraryFilter => "Filter the library".into(),
            Self::ShowShortcuts => "Keyboard shortcuts".into(),
            Self::Quit => "Quit".into(),
            Self::OpenComparison(_) => "Open comparison".into(),
            Self::CloseComparison => "Close comparison".into(),
            Self::CompareSelections => "Compare selections".into(),
            Self::CompareOpenTexts => "Compare the open texts".into(),
            Self::ShowPasteComparison => "Compare pasted wordings…".into(),
            Self::ComparePasted(_) => "Compare the wordings".into(),
            Self::CancelComparison => "Cancel".into(),
            Self::NextDifference => "Next difference".into(),
            Self::PreviousDifference => "Previous difference".into(),
            Self::SwapWitnesses => "Swap witnesses".into(),
            Self::SetComparisonLayout { inline: true } => "Inline".into(),
            Self::SetComparisonLayout { inline: false } => "Columns".into(),
            Self::SetNormalization(_) => "Count as different".into(),
            Self::SetReference(_) => "Mark against".into(),
            Self::ToggleWitness(_) => "Show witness".into(),
            Self::OpenWitnessPassage { .. } => "Open passage in its text".into(),
            Self::NoteOnDifference { .. } => "Note on this difference".into(),
            Self::ChangeComparisonNote(_) => "Change note".into(),
            Self::DeleteComparisonNote(_) => "Delete note".into(),
            Self::OpenComparisonNote(_) => "Show in comparison".into(),
            Self::ExportComparison(ExportFormat::Markdown) => "Export as Markdown…".into(),
            Self::ExportComparison(ExportFormat::Html) => "Export as HTML…".into(),
            Self::ExportComparison(ExportFormat::Png) => "Export as PNG image…".into(),
            Self::ToggleComparisonFull => "Comparison fills the window".into(),
            Self::OpenFind => "Find in text…".into(),
            Self::FindNext => "Next match".into(),
            Self::FindPrevious => "Previous match".into(),
            Self::CloseFind => "Close find".into(),
            Self::SearchAll => "Search everything…".into(),
            Self::CloseSearchAll => "Close search".into(),
            Self::OpenSearchHit { .. } => "Open at match".into(),
            Self::CopyWithCitation { markdown: false } => "Copy with citation".into(),
            Self::ImportAnnotations => "Import annotations…".into(),
            Self::ShowBackups => "Restore from backup…".into(),
            Self::CloseBackups => "Close".into(),
            Self::RestoreBackup(_) => "Restore".into(),
            Self::ImportText => "Import text…".into(),
            Self::ConfirmImport => "Import".into(),
            Self::ExportSelectedAnnotations { format, .. } => Self::ExportAnnotations {
                format: *format,
                current_text_only: false,
            }
            .label(),
            Self::RemoveImported(_) => "Remove".into(),
            Self::UndoRemoveImported => "Undo remove".into(),
            Self::CancelImport => "Cancel".into(),
            Self::CopyWithCitation { markdown: true } => "Copy as Markdown quote".into(),
            Self::ExportAnnotations {
                format: AnnotationFormat::Markdown,
                ..
            } => "As Markdown…".into(),
            Self::ExportAnnotations {
                format: AnnotationFormat::Html,
                ..
            } => "As HTML…".into(),
            Self::ExportAnnotations {
                format: AnnotationFormat::Csv,
                ..
            } => "As CSV…".into(),
            Self::ExportAnnotations {
                format: AnnotationFormat::W3c,
                ..
            } => "As W3C Web Annotation (JSON-LD)…".into(),
        }
    }

    /// A sentence explaining the command, for tooltips and the shortcuts window.
    pub fn tooltip(&self) -> String {
        match self {
            Self::OpenText { beside: false, .. } => "Open this text in the current pane".into(),
            Self::OpenText { beside: true, .. } => {
                "Open this text in a new pane beside the current one".into()
            }
            Self::OpenFile => {
                "Read a text file in this session, beside the open texts (it is not added to \
                 the library)"
                    .into()
            }
            Self::OpenFirstMatch { beside } => format!(
                "Open the first text the filter matches{}",
                if *beside {
                    " beside the current one"
                } else {
                    ""
                }
            ),
            Self::NextPane => "Move the keyboard focus to the next pane".into(),
            Self::ClosePane(_) | Self::CloseActivePane => "Close this pane".into(),
            Self::MovePaneLeft(_) => "Swap this pane with the one on its left".into(),
            Self::MovePaneRight(_) => "Swap this pane with the one on its right".into(),
            Self::ToggleLinked(_) | Self::ToggleActiveLinked => {
                "When on, scrolling this pane scrolls the other linked panes to the same place"
                    .into()
            }
            Self::ShowTextInfo(_) | Self::ShowActiveTextInfo => {
                "Title, author, date, translator, source, references, licence and notes".into()
            }
            Self::CopySelection => "Copy the selected passage".into(),
            Self::Highlight(n) => format!(
                "Highlight the selected passage in category {} (keys 1–6 choose the category)",
                n + 1
            ),
            Self::Undo => {
                "Undo the last change to your annotations or your notes on comparisons".into()
            }
            Self::NoteOnSelection => {
                "Write a note on the selected passage (it is highlighted if it is not yet)".into()
            }
            Self::DeleteAnnotation(_) => {
                "Move this annotation to the Trash (Ctrl+Z or Restore brings it back)".into()
            }
            Self::RestoreAnnotation(_) => "Bring this annotation back from the Trash".into(),
            Self::ReattachAnnotation(_) => {
                "Select the right passage in a pane first; this annotation is then attached to it"
                    .into()
            }
            Self::ToggleAnnotationsPanel => {
                "Show or hide the list of annotations, with the note editor and the Trash".into()
            }
            Self::GoToAnnotation(_) => "Scroll the text to this passage".into(),
            Self::Redo => "Redo the change you undid".into(),
            Self::SelectAll => "Select the whole text in the current pane".into(),
            Self::ZoomIn => "Make the reading text larger".into(),
            Self::ZoomOut => "Make the reading text smaller".into(),
            Self::ZoomReset => "Reset the reading text to its default size".into(),
            Self::ToggleDarkLight => "Switch between the light and the dark theme".into(),
            Self::ToggleLibrary => "Show or hide the list of texts".into(),
            Self::FocusLibraryFilter => "Type to filter the list of texts".into(),
            Self::ShowShortcuts => "List every keyboard shortcut".into(),
            Self::Quit => "Close Lectern (your reading state is saved)".into(),
            Self::CompareSelections => {
                "Compare the passages selected in the open panes, word by word".into()
            }
            Self::CompareOpenTexts => "Compare the whole texts open in the panes".into(),
            Self::OpenFind => {
                "Find a word or phrase in the current text, ignoring case and accents".into()
            }
            Self::SearchAll => "Search every text and every note".into(),
            Self::ShowPasteComparison => "Paste two to six wordings and compare them".into(),
            Self::NextDifference => "Step to the next difference".into(),
            Self::PreviousDifference => "Step to the previous difference".into(),
            Self::SwapWitnesses => "Reverse the order of the witnesses".into(),
            Self::CloseComparison => "Close the comparison".into(),
            Self::ShowBackups => {
                "List the backups of your annotations, with what each holds, and restore one".into()
            }
            Self::RestoreBackup(_) => {
                "Bring back your annotations as they were in this backup; what it lacks goes to \
                 the Trash, and Undo takes the whole restore back"
                    .into()
            }
            Self::ToggleComparisonFull => {
                "Let the comparison fill the window (the library and annotations panels step aside \
                 until it is docked again), or show it below the reading panes"
                    .into()
            }
            _ => self.label(),
        }
    }

    /// The label with its shortcut, e.g. "Larger text (Ctrl+Plus)", for tooltips.
    pub fn label_with_shortcut(&self, ctx: &egui::Context) -> String {
        match self.shortcut() {
            Some(shortcut) => format!("{} ({})", self.label(), ctx.format_shortcut(&shortcut)),
            None => self.label(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, Action)> = Vec::new();
        for action in Action::with_shortcuts() {
            for shortcut in action.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| *s == shortcut) {
                    panic!("{action:?} and {other:?} share a shortcut");
                }
                seen.push((shortcut, action.clone()));
            }
        }
    }

    #[test]
    fn every_command_with_a_shortcut_has_a_label_and_tooltip() {
        for action in Action::with_shortcuts() {
            assert!(action.shortcut().is_some(), "{action:?}");
            assert!(!action.label().is_empty());
            assert!(!action.tooltip().is_empty());
        }
    }

    #[test]
    fn shift_variants_come_before_their_plain_forms() {
        // consume_shortcut ignores extra Shift, so a Ctrl+Shift+X listed after Ctrl+X never fires.
        let list = Action::with_shortcuts();
        for (i, action) in list.iter().enumerate() {
            for shortcut in action.shortcuts() {
                if shortcut.modifiers.shift {
                    continue;
                }
                for later in &list[i + 1..] {
                    for other in later.shortcuts() {
                        assert!(
                            !(other.modifiers.shift && other.logical_key == shortcut.logical_key),
                            "{later:?} must come before {action:?}"
                        );
                    }
                }
            }
        }
    }
}
