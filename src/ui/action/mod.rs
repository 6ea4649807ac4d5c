//! Every command a user can give, once: [`Action`], with its label, shortcut and tooltip.
//!
//! Views return `Vec<Action>`; [`crate::ui::app::LecternApp::apply`] carries them out in one
//! place. Menus, buttons, tooltips and the keyboard all read the label and shortcut from here,
//! so they cannot drift apart.

mod command;
mod keys;
mod words;

pub use command::Command;

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
    /// Something done to a highlight from its context menu.
    OnHighlight {
        /// The annotation the highlight shows.
        annotation_id: String,
        /// What to do.
        what: HighlightAction,
    },
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
    /// Move a note on a comparison to the Trash.
    DeleteComparisonNote(String),
    /// Bring a note on a comparison back from the Trash.
    RestoreComparisonNote(String),
    /// Open the comparison a note is on, at its segment.
    OpenComparisonNote(String),
    /// Open a comparison (bundled, or one of the reader's) at a segment.
    OpenComparisonAt {
        /// The comparison's id.
        comparison_id: String,
        /// The segment (counted from 0).
        segment: usize,
    },
    /// Copy a note carried to another witness there, as a note of its own (its index among
    /// the notes carried in the open comparison).
    CopyCarriedNote(usize),
    /// Export the comparison.
    ExportComparison(ExportFormat),
    /// Let the comparison fill the window, or dock it below the reading panes.
    ToggleComparisonFull,
    /// Show or hide the comparison's description.
    ToggleComparisonDescription,
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
    /// Open People and places.
    OpenIndex,
    /// Close People and places.
    CloseIndex,
    /// Choose a person or place in People and places (by id), or none.
    ChooseEntity(Option<String>),
    /// Open the timeline.
    OpenTimeline,
    /// Close the timeline.
    CloseTimeline,
    /// Open Terms across translations.
    OpenGlossary,
    /// Close Terms across translations.
    CloseGlossary,
    /// Choose a term of the glossary (by id), or none.
    ChooseTerm(Option<String>),
    /// Add a person or place of the reader's own (its id is made from its name).
    AddEntity(Box<crate::model::index::Entity>),
    /// Add a spelling to a person or place.
    AddSpelling {
        /// The person's or place's id.
        entity: String,
        /// The spelling.
        spelling: String,
    },
    /// Add a term of the reader's own to the glossary (its id is made from its concept).
    AddTerm(Box<crate::model::glossary::Term>),
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
        /// Whether to open it in a new pane when no pane shows it.
        beside: bool,
    },
}

pub use crate::model::annotation_export::AnnotationFormat;

/// A button or menu entry for `action`: its label, its shortcut beside it, its tooltip on
/// hover. The one way commands are drawn, so that no label is typed twice. Returns the action
/// when clicked (and closes the menu it is in, if it is in one).
pub fn action_ui(ui: &mut egui::Ui, action: Action, enabled: bool) -> Option<Action> {
    let mut button = egui::Button::new(action.label());
    if let Some(shortcut) = action.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let clicked = ui
        .add_enabled(enabled, button)
        .on_hover_text(action.tooltip())
        .clicked();
    // A click in a menu closes the menu (not the window a button stands in).
    let in_menu = ui.stack().iter().any(|frame| {
        matches!(
            frame.info.kind,
            Some(egui::UiKind::Menu | egui::UiKind::Popup)
        )
    });
    if clicked && in_menu {
        ui.close();
    }
    clicked.then_some(action)
}

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

impl Action {
    /// The command's name, as in menus and buttons.
    pub fn label(&self) -> String {
        self.command().label()
    }

    /// A sentence explaining the command, for tooltips and the shortcuts window.
    pub fn tooltip(&self) -> String {
        self.command().tooltip()
    }

    /// The label with its shortcut, e.g. "Larger text (Ctrl+Plus)", for tooltips.
    pub fn label_with_shortcut(&self, ctx: &egui::Context) -> String {
        self.command().label_with_shortcut(ctx)
    }

    /// The keyboard shortcuts of the command (the first is the one shown in menus).
    pub fn shortcuts(&self) -> Vec<egui::KeyboardShortcut> {
        self.command().shortcuts()
    }

    /// The shortcut shown beside the command in menus, if any.
    pub fn shortcut(&self) -> Option<egui::KeyboardShortcut> {
        self.command().shortcut()
    }

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
            | Self::OnHighlight { .. }
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
            | Self::RestoreComparisonNote(_)
            | Self::ExportComparison(_)
            | Self::OpenComparisonNote(_)
            | Self::OpenComparisonAt { .. }
            | Self::CopyCarriedNote(_)
            | Self::ToggleComparisonFull
            | Self::ToggleComparisonDescription
            | Self::SwapWitnesses => Area::Comparison,
            Self::OpenFind
            | Self::FindNext
            | Self::FindPrevious
            | Self::CloseFind
            | Self::SearchAll
            | Self::CloseSearchAll
            | Self::OpenIndex
            | Self::CloseIndex
            | Self::ChooseEntity(_)
            | Self::OpenTimeline
            | Self::CloseTimeline
            | Self::OpenGlossary
            | Self::CloseGlossary
            | Self::ChooseTerm(_)
            | Self::AddEntity(_)
            | Self::AddSpelling { .. }
            | Self::AddTerm(_)
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_its_own_words() {
        let mut labels = std::collections::HashMap::new();
        for command in <Command as strum::IntoEnumIterator>::iter() {
            let label = command.label();
            assert!(!label.is_empty(), "{command:?}");
            assert!(!command.tooltip().is_empty(), "{command:?}");
            labels.entry(label).or_insert_with(Vec::new).push(command);
        }
        // Labels shared only where the words mean the same in different places.
        for (label, commands) in labels {
            assert!(
                commands.len() == 1
                    || [
                        "Close",
                        "Cancel",
                        "Restore",
                        "Close pane",
                        "Linked scrolling",
                        "About this text"
                    ]
                    .contains(&label.as_str()),
                "{label}: {commands:?}"
            );
        }
    }
    use egui::KeyboardShortcut;

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

/// What a highlight's context menu does to its annotation.
#[derive(Clone, Debug, PartialEq)]
pub enum HighlightAction {
    /// Put it in another category (by position, 0 = the first).
    Category(usize),
    /// Open its note in the annotations panel, to write or change it.
    EditNote,
    /// Copy its passage with the citation.
    CopyWithCitation,
    /// Move it to the trash.
    Delete,
}
