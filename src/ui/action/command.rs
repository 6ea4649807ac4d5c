//! Every command Lectern offers, once: [`Command`] and its [`Info`] (label, tooltip,
//! shortcuts and area) from one table; and which command each action gives.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{
    Action, AnnotationAction, AnnotationFormat, Area, ComparisonAction, ComparisonViewAction,
    DeskAction, ExportFormat, FileAction, SearchAction, ViewAction,
};
use crate::storage::reading_state::ThemeChoice;

/// Every command Lectern offers, without the data an [`Action`] carries (as rerun's
/// `UICommand`): the one source of each command's label, tooltip, shortcuts and area
/// ([`Command::info`]). An action's words and keys are its command's ([`Action::command`]).
/// What only happens to the window (a pane scrolled, an annotation clicked, a note typed) is
/// an event, not a command: such actions have none.
///
/// Every command is enumerated by the derive (`Command::iter()`), never listed by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
#[allow(missing_docs)] // each command is documented by its tooltip
pub enum Command {
    OpenText,
    OpenTextBeside,
    OpenFile,
    OpenFirstMatch,
    OpenFirstMatchBeside,
    NextPane,
    ClosePane,
    CloseActivePane,
    MovePaneLeft,
    MovePaneRight,
    ToggleLinked,
    ToggleActiveLinked,
    GoToParagraph,
    ShowTextInfo,
    ShowActiveTextInfo,
    CloseTextInfo,
    CopySelection,
    Highlight1,
    Highlight2,
    Highlight3,
    Highlight4,
    Highlight5,
    Highlight6,
    HighlightInCategory,
    Undo,
    Redo,
    GoToAnnotation,
    OnHighlight,
    NoteOnSelection,
    DeleteAnnotation,
    RestoreAnnotation,
    ReattachAnnotation,
    ToggleAnnotationsPanel,
    SelectAll,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    ToggleDarkLight,
    ToggleLibrary,
    FocusLibraryFilter,
    ShowShortcuts,
    Quit,
    OpenComparison,
    CloseComparison,
    CompareSelections,
    CompareOpenTexts,
    ShowPasteComparison,
    ComparePasted,
    CancelComparison,
    NextDifference,
    PreviousDifference,
    SwapWitnesses,
    LayoutInline,
    LayoutColumns,
    SetNormalization,
    SetReference,
    ToggleWitness,
    OpenWitnessPassage,
    NoteOnDifference,
    DeleteComparisonNote,
    RestoreComparisonNote,
    OpenComparisonNote,
    OpenComparisonAt,
    CopyCarriedNote,
    ExportComparisonMarkdown,
    ExportComparisonHtml,
    ExportComparisonPng,
    ToggleComparisonFull,
    ToggleComparisonDescription,
    OpenFind,
    FindNext,
    FindPrevious,
    CloseFind,
    SearchAll,
    CloseSearchAll,
    OpenIndex,
    CloseIndex,
    OpenTimeline,
    CloseTimeline,
    OpenGlossary,
    CloseGlossary,
    AddEntity,
    AddSpelling,
    AddTerm,
    OpenSearchHit,
    OpenSearchHitBeside,
    CopyWithCitation,
    CopyAsMarkdownQuote,
    ImportAnnotations,
    ShowBackups,
    CloseBackups,
    RestoreBackup,
    ImportText,
    ConfirmImport,
    RemoveImported,
    UndoRemoveImported,
    CancelImport,
    ExportAnnotationsMarkdown,
    ExportAnnotationsHtml,
    ExportAnnotationsCsv,
    ExportAnnotationsW3c,
    ExportNotebookArchive,
}

/// What a command is called, what it does, how it is reached and where it is carried out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Info {
    /// The name, as in menus and buttons.
    pub label: &'static str,
    /// A sentence explaining it, for tooltips and the shortcuts window.
    pub tooltip: &'static str,
    /// Its keyboard shortcuts (the first is the one shown in menus).
    pub shortcuts: &'static [KeyboardShortcut],
    /// The part of Lectern that carries it out.
    pub area: Area,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const SHIFT: Modifiers = Modifiers::SHIFT;
const NONE: Modifiers = Modifiers::NONE;

/// A shortcut, written as a struct so that the table's lists are constants.
macro_rules! key {
    ($modifiers:expr, $key:expr) => {
        KeyboardShortcut {
            modifiers: $modifiers,
            logical_key: $key,
        }
    };
}

impl Command {
    /// The action of a command that needs no more data (what its shortcut gives), or none for
    /// a command that acts on something chosen (a text, an annotation, a pane).
    pub fn action(self) -> Option<Action> {
        match self {
            Self::OpenText => None,
            Self::OpenTextBeside => None,
            Self::OpenFile => Some(Action::Desk(DeskAction::OpenFile)),
            Self::OpenFirstMatch => {
                Some(Action::Desk(DeskAction::OpenFirstMatch { beside: false }))
            }
            Self::OpenFirstMatchBeside => {
                Some(Action::Desk(DeskAction::OpenFirstMatch { beside: true }))
            }
            Self::NextPane => Some(Action::Desk(DeskAction::NextPane)),
            Self::ClosePane => None,
            Self::CloseActivePane => Some(Action::Desk(DeskAction::CloseActivePane)),
            Self::MovePaneLeft => None,
            Self::MovePaneRight => None,
            Self::ToggleLinked => None,
            Self::ToggleActiveLinked => Some(Action::Desk(DeskAction::ToggleActiveLinked)),
            Self::GoToParagraph => None,
            Self::ShowTextInfo => None,
            Self::ShowActiveTextInfo => Some(Action::Desk(DeskAction::ShowActiveTextInfo)),
            Self::CloseTextInfo => Some(Action::Desk(DeskAction::CloseTextInfo)),
            Self::CopySelection => Some(Action::Desk(DeskAction::CopySelection)),
            Self::Highlight1 => Some(Action::Annotations(AnnotationAction::Highlight(0))),
            Self::Highlight2 => Some(Action::Annotations(AnnotationAction::Highlight(1))),
            Self::Highlight3 => Some(Action::Annotations(AnnotationAction::Highlight(2))),
            Self::Highlight4 => Some(Action::Annotations(AnnotationAction::Highlight(3))),
            Self::Highlight5 => Some(Action::Annotations(AnnotationAction::Highlight(4))),
            Self::Highlight6 => Some(Action::Annotations(AnnotationAction::Highlight(5))),
            Self::HighlightInCategory => None,
            Self::Undo => Some(Action::Annotations(AnnotationAction::Undo)),
            Self::Redo => Some(Action::Annotations(AnnotationAction::Redo)),
            Self::GoToAnnotation => None,
            Self::OnHighlight => None,
            Self::NoteOnSelection => Some(Action::Annotations(AnnotationAction::NoteOnSelection)),
            Self::DeleteAnnotation => None,
            Self::RestoreAnnotation => None,
            Self::ReattachAnnotation => None,
            Self::ToggleAnnotationsPanel => Some(Action::View(ViewAction::ToggleAnnotationsPanel)),
            Self::SelectAll => Some(Action::Desk(DeskAction::SelectAll)),
            Self::ZoomIn => Some(Action::View(ViewAction::ZoomIn)),
            Self::ZoomOut => Some(Action::View(ViewAction::ZoomOut)),
            Self::ZoomReset => Some(Action::View(ViewAction::ZoomReset)),
            Self::ThemeSystem => Some(Action::View(ViewAction::SetTheme(ThemeChoice::System))),
            Self::ThemeLight => Some(Action::View(ViewAction::SetTheme(ThemeChoice::Light))),
            Self::ThemeDark => Some(Action::View(ViewAction::SetTheme(ThemeChoice::Dark))),
            Self::ToggleDarkLight => Some(Action::View(ViewAction::ToggleDarkLight)),
            Self::ToggleLibrary => Some(Action::View(ViewAction::ToggleLibrary)),
            Self::FocusLibraryFilter => Some(Action::View(ViewAction::FocusLibraryFilter)),
            Self::ShowShortcuts => Some(Action::View(ViewAction::ShowShortcuts)),
            Self::Quit => Some(Action::View(ViewAction::Quit)),
            Self::OpenComparison => None,
            Self::CloseComparison => Some(Action::Comparison(ComparisonAction::CloseComparison)),
            Self::CompareSelections => {
                Some(Action::Comparison(ComparisonAction::CompareSelections))
            }
            Self::CompareOpenTexts => Some(Action::Comparison(ComparisonAction::CompareOpenTexts)),
            Self::ShowPasteComparison => {
                Some(Action::Comparison(ComparisonAction::ShowPasteComparison))
            }
            Self::ComparePasted => None,
            Self::CancelComparison => Some(Action::Comparison(ComparisonAction::View(
                ComparisonViewAction::CancelComparison,
            ))),
            Self::NextDifference => Some(Action::Comparison(ComparisonAction::View(
                ComparisonViewAction::NextDifference,
            ))),
            Self::PreviousDifference => Some(Action::Comparison(ComparisonAction::View(
                ComparisonViewAction::PreviousDifference,
            ))),
            Self::SwapWitnesses => Some(Action::Comparison(ComparisonAction::View(
                ComparisonViewAction::SwapWitnesses,
            ))),
            Self::LayoutInline => Some(Action::Comparison(ComparisonAction::View(
                ComparisonViewAction::SetComparisonLayout { inline: true },
            ))),
            Self::LayoutColumns => Some(Action::Comparison(ComparisonAction::View(
                ComparisonViewAction::SetComparisonLayout { inline: false },
            ))),
            Self::SetNormalization => None,
            Self::SetReference => None,
            Self::ToggleWitness => None,
            Self::OpenWitnessPassage => None,
            Self::NoteOnDifference => None,
            Self::DeleteComparisonNote => None,
            Self::RestoreComparisonNote => None,
            Self::OpenComparisonNote => None,
            Self::OpenComparisonAt => None,
            Self::CopyCarriedNote => None,
            Self::ExportComparisonMarkdown => Some(Action::Comparison(
                ComparisonAction::ExportComparison(ExportFormat::Markdown),
            )),
            Self::ExportComparisonHtml => Some(Action::Comparison(
                ComparisonAction::ExportComparison(ExportFormat::Html),
            )),
            Self::ExportComparisonPng => Some(Action::Comparison(
                ComparisonAction::ExportComparison(ExportFormat::Png),
            )),
            Self::ToggleComparisonFull => Some(Action::Comparison(ComparisonAction::View(
                ComparisonViewAction::ToggleComparisonFull,
            ))),
            Self::ToggleComparisonDescription => Some(Action::Comparison(ComparisonAction::View(
                ComparisonViewAction::ToggleComparisonDescription,
            ))),
            Self::OpenFind => Some(Action::Search(SearchAction::OpenFind)),
            Self::FindNext => Some(Action::Search(SearchAction::FindNext)),
            Self::FindPrevious => Some(Action::Search(SearchAction::FindPrevious)),
            Self::CloseFind => Some(Action::Search(SearchAction::CloseFind)),
            Self::SearchAll => Some(Action::Search(SearchAction::SearchAll)),
            Self::CloseSearchAll => Some(Action::Search(SearchAction::CloseSearchAll)),
            Self::OpenIndex => Some(Action::Search(SearchAction::OpenIndex)),
            Self::CloseIndex => Some(Action::Search(SearchAction::CloseIndex)),
            Self::OpenTimeline => Some(Action::Search(SearchAction::OpenTimeline)),
            Self::CloseTimeline => Some(Action::Search(SearchAction::CloseTimeline)),
            Self::OpenGlossary => Some(Action::Search(SearchAction::OpenGlossary)),
            Self::CloseGlossary => Some(Action::Search(SearchAction::CloseGlossary)),
            Self::AddEntity => None,
            Self::AddSpelling => None,
            Self::AddTerm => None,
            Self::OpenSearchHit | Self::OpenSearchHitBeside => None,
            Self::CopyWithCitation => Some(Action::Desk(DeskAction::CopyWithCitation {
                markdown: false,
            })),
            Self::CopyAsMarkdownQuote => Some(Action::Desk(DeskAction::CopyWithCitation {
                markdown: true,
            })),
            Self::ImportAnnotations => Some(Action::Files(FileAction::ImportAnnotations)),
            Self::ShowBackups => Some(Action::Annotations(AnnotationAction::ShowBackups)),
            Self::CloseBackups => Some(Action::Annotations(AnnotationAction::CloseBackups)),
            Self::RestoreBackup => None,
            Self::ImportText => Some(Action::Files(FileAction::ImportText)),
            Self::ConfirmImport => Some(Action::Files(FileAction::ConfirmImport)),
            Self::RemoveImported => None,
            Self::UndoRemoveImported => Some(Action::Files(FileAction::UndoRemoveImported)),
            Self::CancelImport => Some(Action::Files(FileAction::CancelImport)),
            Self::ExportAnnotationsMarkdown => None,
            Self::ExportAnnotationsHtml => None,
            Self::ExportAnnotationsCsv => None,
            Self::ExportAnnotationsW3c => None,
            Self::ExportNotebookArchive => None,
        }
    }

    /// The command's words, keys and area: the one table.
    pub fn info(self) -> Info {
        match self {
            Self::OpenText => Info {
                label: "Open",
                tooltip: "Open this text in the current pane",
                shortcuts: &[],
                area: Area::Desk,
            },
            Self::OpenTextBeside => Info {
                label: "Open beside",
                tooltip: "Open this text in a new pane beside the current one",
                shortcuts: &[],
                area: Area::Desk,
            },
            Self::OpenFile => Info {
                label: "Open file…",
                tooltip: "Read a text file in this session, beside the open texts (it is not added to the library)",
                shortcuts: &[key!(CTRL, Key::O)],
                area: Area::Desk,
            },
            Self::OpenFirstMatch => Info {
                label: "Open first match",
                tooltip: "Open the first text the filter matches",
                shortcuts: &[],
                area: Area::Desk,
            },
            Self::OpenFirstMatchBeside => Info {
                label: "Open first match beside",
                tooltip: "Open the first text the filter matches beside the current one",
                shortcuts: &[],
                area: Area::Desk,
            },
            Self::NextPane => Info {
                label: "Next pane",
                tooltip: "Move the keyboard focus to the next pane",
                shortcuts: &[key!(NONE, Key::F6)],
                area: Area::Desk,
            },
            Self::ClosePane => Info {
                label: "Close pane",
                tooltip: "Close this pane",
                shortcuts: &[],
                area: Area::Desk,
            },
            Self::CloseActivePane => Info {
                label: "Close pane",
                tooltip: "Close this pane",
                shortcuts: &[key!(CTRL, Key::W)],
                area: Area::Desk,
            },
            Self::MovePaneLeft => Info {
                label: "Move pane left",
                tooltip: "Swap this pane with the one on its left",
                shortcuts: &[],
                area: Area::Desk,
            },
            Self::MovePaneRight => Info {
                label: "Move pane right",
                tooltip: "Swap this pane with the one on its right",
                shortcuts: &[],
                area: Area::Desk,
            },
            Self::ToggleLinked => Info {
                label: "Linked scrolling",
                tooltip: "When on, scrolling this pane scrolls the other linked panes to the same place",
                shortcuts: &[],
                area: Area::Desk,
            },
            Self::ToggleActiveLinked => Info {
                label: "Linked scrolling",
                tooltip: "When on, scrolling this pane scrolls the other linked panes to the same place",
                shortcuts: &[key!(CTRL, Key::K)],
                area: Area::Desk,
            },
            Self::GoToParagraph => Info {
                label: "Go to part",
                tooltip: "Go to part",
                shortcuts: &[],
                area: Area::Desk,
            },
            Self::ShowTextInfo => Info {
                label: "About this text",
                tooltip: "Title, author, date, translator, source, references, licence and notes",
                shortcuts: &[],
                area: Area::Desk,
            },
            Self::ShowActiveTextInfo => Info {
                label: "About this text",
                tooltip: "Title, author, date, translator, source, references, licence and notes",
                shortcuts: &[key!(CTRL, Key::I)],
                area: Area::Desk,
            },
            Self::CloseTextInfo => Info {
                label: "Close",
                tooltip: "Close the description of this text",
                shortcuts: &[],
                area: Area::Desk,
            },
            Self::CopySelection => Info {
                label: "Copy",
                tooltip: "Copy the selected passage",
                shortcuts: &[key!(CTRL, Key::C)],
                area: Area::Desk,
            },
            Self::Highlight1 => Info {
                label: "Highlight",
                tooltip: "Highlight the selected passage in category 1 (keys 1–6 choose the category)",
                shortcuts: &[key!(NONE, Key::H), key!(NONE, Key::Num1)],
                area: Area::Annotations,
            },
            Self::Highlight2 => Info {
                label: "Highlight in category 2",
                tooltip: "Highlight the selected passage in category 2 (keys 1–6 choose the category)",
                shortcuts: &[key!(NONE, Key::Num2)],
                area: Area::Annotations,
            },
            Self::Highlight3 => Info {
                label: "Highlight in category 3",
                tooltip: "Highlight the selected passage in category 3 (keys 1–6 choose the category)",
                shortcuts: &[key!(NONE, Key::Num3)],
                area: Area::Annotations,
            },
            Self::Highlight4 => Info {
                label: "Highlight in category 4",
                tooltip: "Highlight the selected passage in category 4 (keys 1–6 choose the category)",
                shortcuts: &[key!(NONE, Key::Num4)],
                area: Area::Annotations,
            },
            Self::Highlight5 => Info {
                label: "Highlight in category 5",
                tooltip: "Highlight the selected passage in category 5 (keys 1–6 choose the category)",
                shortcuts: &[key!(NONE, Key::Num5)],
                area: Area::Annotations,
            },
            Self::Highlight6 => Info {
                label: "Highlight in category 6",
                tooltip: "Highlight the selected passage in category 6 (keys 1–6 choose the category)",
                shortcuts: &[key!(NONE, Key::Num6)],
                area: Area::Annotations,
            },
            Self::HighlightInCategory => Info {
                label: "Highlight in a category",
                tooltip: "Highlight the selected passage in this category",
                shortcuts: &[],
                area: Area::Annotations,
            },
            Self::Undo => Info {
                label: "Undo",
                tooltip: "Undo the last change to your annotations or your notes on comparisons",
                shortcuts: &[key!(CTRL, Key::Z)],
                area: Area::Annotations,
            },
            Self::Redo => Info {
                label: "Redo",
                tooltip: "Redo the change you undid",
                shortcuts: &[key!(CTRL_SHIFT, Key::Z), key!(CTRL, Key::Y)],
                area: Area::Annotations,
            },
            Self::GoToAnnotation => Info {
                label: "Show in text",
                tooltip: "Scroll the text to this passage",
                shortcuts: &[],
                area: Area::Annotations,
            },
            Self::OnHighlight => Info {
                label: "Change highlight",
                tooltip: "Change the highlight's category, write its note, copy it or delete it",
                shortcuts: &[],
                area: Area::Annotations,
            },
            Self::NoteOnSelection => Info {
                label: "Add a note",
                tooltip: "Write a note on the selected passage (it is highlighted if it is not yet)",
                shortcuts: &[key!(NONE, Key::N)],
                area: Area::Annotations,
            },
            Self::DeleteAnnotation => Info {
                label: "Delete",
                tooltip: "Move this annotation to the Trash (Ctrl+Z or Restore brings it back)",
                shortcuts: &[],
                area: Area::Annotations,
            },
            Self::RestoreAnnotation => Info {
                label: "Restore",
                tooltip: "Bring this annotation back from the Trash",
                shortcuts: &[],
                area: Area::Annotations,
            },
            Self::ReattachAnnotation => Info {
                label: "Attach to selection",
                tooltip: "Select the right passage in a pane first; this annotation is then attached to it",
                shortcuts: &[],
                area: Area::Annotations,
            },
            Self::ToggleAnnotationsPanel => Info {
                label: "Annotations panel",
                tooltip: "Show or hide the list of annotations, with the note editor and the Trash",
                shortcuts: &[key!(CTRL_SHIFT, Key::A)],
                area: Area::View,
            },
            Self::SelectAll => Info {
                label: "Select all",
                tooltip: "Select the whole text in the current pane",
                shortcuts: &[key!(CTRL, Key::A)],
                area: Area::Desk,
            },
            Self::ZoomIn => Info {
                label: "Larger text",
                tooltip: "Make the reading text larger",
                shortcuts: &[key!(CTRL, Key::Plus), key!(CTRL, Key::Equals)],
                area: Area::View,
            },
            Self::ZoomOut => Info {
                label: "Smaller text",
                tooltip: "Make the reading text smaller",
                shortcuts: &[key!(CTRL, Key::Minus)],
                area: Area::View,
            },
            Self::ZoomReset => Info {
                label: "Default text size",
                tooltip: "Reset the reading text to its default size",
                shortcuts: &[key!(CTRL, Key::Num0)],
                area: Area::View,
            },
            Self::ThemeSystem => Info {
                label: "Follow system theme",
                tooltip: "Follow system theme",
                shortcuts: &[],
                area: Area::View,
            },
            Self::ThemeLight => Info {
                label: "Light theme",
                tooltip: "Light theme",
                shortcuts: &[],
                area: Area::View,
            },
            Self::ThemeDark => Info {
                label: "Dark theme",
                tooltip: "Dark theme",
                shortcuts: &[],
                area: Area::View,
            },
            Self::ToggleDarkLight => Info {
                label: "Switch light/dark",
                tooltip: "Switch between the light and the dark theme",
                shortcuts: &[key!(CTRL_SHIFT, Key::D)],
                area: Area::View,
            },
            Self::ToggleLibrary => Info {
                label: "Library panel",
                tooltip: "Show or hide the list of texts",
                shortcuts: &[key!(CTRL, Key::B)],
                area: Area::View,
            },
            Self::FocusLibraryFilter => Info {
                label: "Filter the library",
                tooltip: "Type to filter the list of texts",
                shortcuts: &[key!(CTRL, Key::L)],
                area: Area::View,
            },
            Self::ShowShortcuts => Info {
                label: "Keyboard shortcuts",
                tooltip: "List every keyboard shortcut",
                shortcuts: &[key!(NONE, Key::F1)],
                area: Area::View,
            },
            Self::Quit => Info {
                label: "Quit",
                tooltip: "Close Lectern (your reading state is saved)",
                shortcuts: &[key!(CTRL, Key::Q)],
                area: Area::View,
            },
            Self::OpenComparison => Info {
                label: "Open comparison",
                tooltip: "Open comparison",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::CloseComparison => Info {
                label: "Close comparison",
                tooltip: "Close the comparison",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::CompareSelections => Info {
                label: "Compare selections",
                tooltip: "Compare the passages selected in the open panes, word by word",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::CompareOpenTexts => Info {
                label: "Compare the open texts",
                tooltip: "Compare the whole texts open in the panes",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::ShowPasteComparison => Info {
                label: "Compare pasted wordings…",
                tooltip: "Paste two to six wordings and compare them",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::ComparePasted => Info {
                label: "Compare the wordings",
                tooltip: "Compare the wordings",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::CancelComparison => Info {
                label: "Cancel",
                tooltip: "Cancel",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::NextDifference => Info {
                label: "Next difference",
                tooltip: "Step to the next difference",
                shortcuts: &[key!(NONE, Key::F7)],
                area: Area::Comparison,
            },
            Self::PreviousDifference => Info {
                label: "Previous difference",
                tooltip: "Step to the previous difference",
                shortcuts: &[key!(SHIFT, Key::F7)],
                area: Area::Comparison,
            },
            Self::SwapWitnesses => Info {
                label: "Swap witnesses",
                tooltip: "Reverse the order of the witnesses",
                shortcuts: &[key!(CTRL_SHIFT, Key::X)],
                area: Area::Comparison,
            },
            Self::LayoutInline => Info {
                label: "Inline",
                tooltip: "Inline",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::LayoutColumns => Info {
                label: "Columns",
                tooltip: "Columns",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::SetNormalization => Info {
                label: "Count as different",
                tooltip: "Count as different",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::SetReference => Info {
                label: "Mark against",
                tooltip: "Mark against",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::ToggleWitness => Info {
                label: "Show witness",
                tooltip: "Show witness",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::OpenWitnessPassage => Info {
                label: "Open passage in its text",
                tooltip: "Open passage in its text",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::NoteOnDifference => Info {
                label: "Note on this difference",
                tooltip: "Note on this difference",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::DeleteComparisonNote => Info {
                label: "Delete note",
                tooltip: "Delete note",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::RestoreComparisonNote => Info {
                label: "Restore",
                tooltip: "Bring this note on a comparison back from the Trash",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::OpenComparisonNote => Info {
                label: "Show in comparison",
                tooltip: "Show in comparison",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::OpenComparisonAt => Info {
                label: "Open the comparison at this segment",
                tooltip: "Open the comparison at this segment",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::CopyCarriedNote => Info {
                label: "Copy here",
                tooltip: "Copy here",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::ExportComparisonMarkdown => Info {
                label: "Export as Markdown…",
                tooltip: "Export as Markdown…",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::ExportComparisonHtml => Info {
                label: "Export as HTML…",
                tooltip: "Export as HTML…",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::ExportComparisonPng => Info {
                label: "Export as PNG image…",
                tooltip: "Export as PNG image…",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::ToggleComparisonFull => Info {
                label: "Comparison fills the window",
                tooltip: "Let the comparison fill the window (the library and annotations panels step aside until it is docked again), or show it below the reading panes",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::ToggleComparisonDescription => Info {
                label: "About this comparison",
                tooltip: "Show or hide what the comparison is about and where its witnesses come from",
                shortcuts: &[],
                area: Area::Comparison,
            },
            Self::OpenFind => Info {
                label: "Find in text…",
                tooltip: "Find a word or phrase in the current text, ignoring case and accents",
                shortcuts: &[key!(CTRL, Key::F)],
                area: Area::Search,
            },
            Self::FindNext => Info {
                label: "Next match",
                tooltip: "Next match",
                shortcuts: &[key!(NONE, Key::F3)],
                area: Area::Search,
            },
            Self::FindPrevious => Info {
                label: "Previous match",
                tooltip: "Previous match",
                shortcuts: &[key!(SHIFT, Key::F3)],
                area: Area::Search,
            },
            Self::CloseFind => Info {
                label: "Close find",
                tooltip: "Close the find bar (Esc)",
                shortcuts: &[],
                area: Area::Search,
            },
            Self::SearchAll => Info {
                label: "Search everything…",
                tooltip: "Search every text and every note",
                shortcuts: &[key!(CTRL_SHIFT, Key::F)],
                area: Area::Search,
            },
            Self::CloseSearchAll => Info {
                label: "Close search",
                tooltip: "Close search",
                shortcuts: &[],
                area: Area::Search,
            },
            Self::OpenIndex => Info {
                label: "People and places…",
                tooltip: "Every person and place the texts name, under every spelling, with their mentions",
                shortcuts: &[],
                area: Area::Search,
            },
            Self::CloseIndex => Info {
                label: "Close people and places",
                tooltip: "Close people and places",
                shortcuts: &[],
                area: Area::Search,
            },
            Self::OpenTimeline => Info {
                label: "Timeline…",
                tooltip: "Every dated document and the events the texts date, in order, each opening its text or passage",
                shortcuts: &[],
                area: Area::Search,
            },
            Self::CloseTimeline => Info {
                label: "Close the timeline",
                tooltip: "Close the timeline",
                shortcuts: &[],
                area: Area::Search,
            },
            Self::OpenGlossary => Info {
                label: "Terms across translations…",
                tooltip: "The words the texts turn on, with their renderings in Russian and each translation; choosing one marks them in the open texts and the comparison",
                shortcuts: &[],
                area: Area::Search,
            },
            Self::CloseGlossary => Info {
                label: "Close terms across translations",
                tooltip: "Close terms across translations",
                shortcuts: &[],
                area: Area::Search,
            },
            Self::AddEntity => Info {
                label: "Add the person or place",
                tooltip: "Add the person or place",
                shortcuts: &[],
                area: Area::Search,
            },
            Self::AddSpelling => Info {
                label: "Add the spelling",
                tooltip: "Add the spelling",
                shortcuts: &[],
                area: Area::Search,
            },
            Self::AddTerm => Info {
                label: "Add the term",
                tooltip: "Add the term",
                shortcuts: &[],
                area: Area::Search,
            },
            Self::OpenSearchHit => Info {
                label: "Open here",
                tooltip: "Open the text at this match: in the pane that shows it, else in the \
                          active pane (Ctrl-click: beside it)",
                shortcuts: &[],
                area: Area::Search,
            },
            Self::OpenSearchHitBeside => Info {
                label: "Open beside",
                tooltip: "Open the text at this match in a new pane beside the active one",
                shortcuts: &[],
                area: Area::Search,
            },
            Self::CopyWithCitation => Info {
                label: "Copy with citation",
                tooltip: "Copy with citation",
                shortcuts: &[key!(CTRL_SHIFT, Key::C)],
                area: Area::Desk,
            },
            Self::CopyAsMarkdownQuote => Info {
                label: "Copy as Markdown quote",
                tooltip: "Copy as Markdown quote",
                shortcuts: &[],
                area: Area::Desk,
            },
            Self::ImportAnnotations => Info {
                label: "Import annotations…",
                tooltip: "Import annotations…",
                shortcuts: &[],
                area: Area::Files,
            },
            Self::ShowBackups => Info {
                label: "Restore from backup…",
                tooltip: "List the backups of your annotations, with what each holds, and restore one",
                shortcuts: &[],
                area: Area::Annotations,
            },
            Self::CloseBackups => Info {
                label: "Close",
                tooltip: "Close",
                shortcuts: &[],
                area: Area::Annotations,
            },
            Self::RestoreBackup => Info {
                label: "Restore",
                tooltip: "Bring back your annotations as they were in this backup; what it lacks goes to the Trash, and Undo takes the whole restore back",
                shortcuts: &[],
                area: Area::Annotations,
            },
            Self::ImportText => Info {
                label: "Import text…",
                tooltip: "Import text…",
                shortcuts: &[],
                area: Area::Files,
            },
            Self::ConfirmImport => Info {
                label: "Import",
                tooltip: "Import",
                shortcuts: &[],
                area: Area::Files,
            },
            Self::RemoveImported => Info {
                label: "Remove",
                tooltip: "Remove",
                shortcuts: &[],
                area: Area::Files,
            },
            Self::UndoRemoveImported => Info {
                label: "Undo remove",
                tooltip: "Undo remove",
                shortcuts: &[],
                area: Area::Files,
            },
            Self::CancelImport => Info {
                label: "Cancel",
                tooltip: "Cancel",
                shortcuts: &[],
                area: Area::Files,
            },
            Self::ExportAnnotationsMarkdown => Info {
                label: "As Markdown…",
                tooltip: "As Markdown…",
                shortcuts: &[],
                area: Area::Files,
            },
            Self::ExportAnnotationsHtml => Info {
                label: "As HTML…",
                tooltip: "As HTML…",
                shortcuts: &[],
                area: Area::Files,
            },
            Self::ExportAnnotationsCsv => Info {
                label: "As CSV…",
                tooltip: "As CSV…",
                shortcuts: &[],
                area: Area::Files,
            },
            Self::ExportAnnotationsW3c => Info {
                label: "As W3C Web Annotation (JSON-LD)…",
                tooltip: "As W3C Web Annotation (JSON-LD)…",
                shortcuts: &[],
                area: Area::Files,
            },
            Self::ExportNotebookArchive => Info {
                label: "As a notebook archive (everything)…",
                tooltip: "Write your whole notebook in one file, every kind (annotations, notes on comparisons, your comparisons, categories, people and terms, the Trash), to move it or hand it over; Import annotations reads it back",
                shortcuts: &[],
                area: Area::Files,
            },
        }
    }
}

impl DeskAction {
    /// The command this action gives, or none for an event.
    pub fn command(&self) -> Option<Command> {
        match self {
            Self::OpenText { beside: false, .. } => Some(Command::OpenText),
            Self::OpenText { beside: true, .. } => Some(Command::OpenTextBeside),
            Self::OpenFile => Some(Command::OpenFile),
            Self::OpenFirstMatch { beside: false } => Some(Command::OpenFirstMatch),
            Self::OpenFirstMatch { beside: true } => Some(Command::OpenFirstMatchBeside),
            Self::FocusPane(_) => None,
            Self::NextPane => Some(Command::NextPane),
            Self::ClosePane(_) => Some(Command::ClosePane),
            Self::CloseActivePane => Some(Command::CloseActivePane),
            Self::MovePaneLeft(_) => Some(Command::MovePaneLeft),
            Self::MovePaneRight(_) => Some(Command::MovePaneRight),
            Self::ToggleLinked(_) => Some(Command::ToggleLinked),
            Self::ToggleActiveLinked => Some(Command::ToggleActiveLinked),
            Self::Scrolled(_) => None,
            Self::GoToParagraph { .. } => Some(Command::GoToParagraph),
            Self::ShowTextInfo(_) => Some(Command::ShowTextInfo),
            Self::ShowActiveTextInfo => Some(Command::ShowActiveTextInfo),
            Self::CloseTextInfo => Some(Command::CloseTextInfo),
            Self::CopySelection => Some(Command::CopySelection),
            Self::SelectAll => Some(Command::SelectAll),
            Self::CopyWithCitation { markdown: false } => Some(Command::CopyWithCitation),
            Self::CopyWithCitation { markdown: true } => Some(Command::CopyAsMarkdownQuote),
        }
    }
}

impl ViewAction {
    /// The command this action gives, or none for an event.
    pub fn command(&self) -> Option<Command> {
        match self {
            Self::ToggleAnnotationsPanel => Some(Command::ToggleAnnotationsPanel),
            Self::ZoomIn => Some(Command::ZoomIn),
            Self::ZoomOut => Some(Command::ZoomOut),
            Self::ZoomReset => Some(Command::ZoomReset),
            Self::SetTheme(ThemeChoice::System) => Some(Command::ThemeSystem),
            Self::SetTheme(ThemeChoice::Light) => Some(Command::ThemeLight),
            Self::SetTheme(ThemeChoice::Dark) => Some(Command::ThemeDark),
            Self::ToggleDarkLight => Some(Command::ToggleDarkLight),
            Self::ToggleLibrary => Some(Command::ToggleLibrary),
            Self::FocusLibraryFilter => Some(Command::FocusLibraryFilter),
            Self::ShowShortcuts => Some(Command::ShowShortcuts),
            Self::Quit => Some(Command::Quit),
        }
    }
}

impl AnnotationAction {
    /// The command this action gives, or none for an event.
    pub fn command(&self) -> Option<Command> {
        match self {
            Self::Highlight(0) => Some(Command::Highlight1),
            Self::Highlight(1) => Some(Command::Highlight2),
            Self::Highlight(2) => Some(Command::Highlight3),
            Self::Highlight(3) => Some(Command::Highlight4),
            Self::Highlight(4) => Some(Command::Highlight5),
            Self::Highlight(5) => Some(Command::Highlight6),
            Self::Highlight(_) => Some(Command::HighlightInCategory),
            Self::Undo => Some(Command::Undo),
            Self::Redo => Some(Command::Redo),
            Self::SelectAnnotation(_) => None,
            Self::GoToAnnotation(_) => Some(Command::GoToAnnotation),
            Self::OnHighlight { .. } => Some(Command::OnHighlight),
            Self::NoteOnSelection => Some(Command::NoteOnSelection),
            Self::ChangeAnnotation(_) => None,
            Self::DeleteAnnotation(_) => Some(Command::DeleteAnnotation),
            Self::RestoreAnnotation(_) => Some(Command::RestoreAnnotation),
            Self::ReattachAnnotation(_) => Some(Command::ReattachAnnotation),
            Self::SetCategories(_) => None,
            Self::ShowBackups => Some(Command::ShowBackups),
            Self::CloseBackups => Some(Command::CloseBackups),
            Self::RestoreBackup(_) => Some(Command::RestoreBackup),
        }
    }
}

impl ComparisonAction {
    /// The command this action gives, or none for an event.
    pub fn command(&self) -> Option<Command> {
        match self {
            Self::View(action) => action.command(),
            Self::OpenComparison(_) => Some(Command::OpenComparison),
            Self::CloseComparison => Some(Command::CloseComparison),
            Self::CompareSelections => Some(Command::CompareSelections),
            Self::CompareOpenTexts => Some(Command::CompareOpenTexts),
            Self::ShowPasteComparison => Some(Command::ShowPasteComparison),
            Self::ComparePasted(_) => Some(Command::ComparePasted),
            Self::OpenWitnessPassage { .. } => Some(Command::OpenWitnessPassage),
            Self::NoteOnDifference { .. } => Some(Command::NoteOnDifference),
            Self::ChangeComparisonNote(_) => None,
            Self::DeleteComparisonNote(_) => Some(Command::DeleteComparisonNote),
            Self::RestoreComparisonNote(_) => Some(Command::RestoreComparisonNote),
            Self::OpenComparisonNote(_) => Some(Command::OpenComparisonNote),
            Self::OpenComparisonAt { .. } => Some(Command::OpenComparisonAt),
            Self::CopyCarriedNote(_) => Some(Command::CopyCarriedNote),
            Self::ExportComparison(ExportFormat::Markdown) => {
                Some(Command::ExportComparisonMarkdown)
            }
            Self::ExportComparison(ExportFormat::Html) => Some(Command::ExportComparisonHtml),
            Self::ExportComparison(ExportFormat::Png) => Some(Command::ExportComparisonPng),
        }
    }
}

impl ComparisonViewAction {
    /// The command this action gives.
    pub fn command(&self) -> Option<Command> {
        match self {
            Self::CancelComparison => Some(Command::CancelComparison),
            Self::NextDifference => Some(Command::NextDifference),
            Self::PreviousDifference => Some(Command::PreviousDifference),
            Self::SwapWitnesses => Some(Command::SwapWitnesses),
            Self::SetComparisonLayout { inline: true } => Some(Command::LayoutInline),
            Self::SetComparisonLayout { inline: false } => Some(Command::LayoutColumns),
            Self::SetNormalization(_) => Some(Command::SetNormalization),
            Self::SetReference(_) => Some(Command::SetReference),
            Self::ToggleWitness(_) => Some(Command::ToggleWitness),
            Self::ToggleComparisonFull => Some(Command::ToggleComparisonFull),
            Self::ToggleComparisonDescription => Some(Command::ToggleComparisonDescription),
        }
    }
}

impl SearchAction {
    /// The command this action gives, or none for an event.
    pub fn command(&self) -> Option<Command> {
        match self {
            Self::OpenFind => Some(Command::OpenFind),
            Self::FindNext => Some(Command::FindNext),
            Self::FindPrevious => Some(Command::FindPrevious),
            Self::CloseFind => Some(Command::CloseFind),
            Self::SearchAll => Some(Command::SearchAll),
            Self::CloseSearchAll => Some(Command::CloseSearchAll),
            Self::OpenIndex => Some(Command::OpenIndex),
            Self::CloseIndex => Some(Command::CloseIndex),
            Self::ChooseEntity(_) => None,
            Self::OpenTimeline => Some(Command::OpenTimeline),
            Self::CloseTimeline => Some(Command::CloseTimeline),
            Self::OpenGlossary => Some(Command::OpenGlossary),
            Self::CloseGlossary => Some(Command::CloseGlossary),
            Self::ChooseTerm(_) => None,
            Self::AddEntity(_) => Some(Command::AddEntity),
            Self::AddSpelling { .. } => Some(Command::AddSpelling),
            Self::AddTerm(_) => Some(Command::AddTerm),
            Self::OpenSearchHit { beside: false, .. } => Some(Command::OpenSearchHit),
            Self::OpenSearchHit { beside: true, .. } => Some(Command::OpenSearchHitBeside),
        }
    }
}

impl FileAction {
    /// The command this action gives, or none for an event.
    pub fn command(&self) -> Option<Command> {
        match self {
            Self::ImportAnnotations => Some(Command::ImportAnnotations),
            Self::ImportText => Some(Command::ImportText),
            Self::ConfirmImport => Some(Command::ConfirmImport),
            Self::RemoveImported(_) => Some(Command::RemoveImported),
            Self::UndoRemoveImported => Some(Command::UndoRemoveImported),
            Self::CancelImport => Some(Command::CancelImport),
            Self::ExportAnnotations {
                format: AnnotationFormat::Markdown,
                ..
            }
            | Self::ExportSelectedAnnotations {
                format: AnnotationFormat::Markdown,
                ..
            } => Some(Command::ExportAnnotationsMarkdown),
            Self::ExportAnnotations {
                format: AnnotationFormat::Html,
                ..
            }
            | Self::ExportSelectedAnnotations {
                format: AnnotationFormat::Html,
                ..
            } => Some(Command::ExportAnnotationsHtml),
            Self::ExportAnnotations {
                format: AnnotationFormat::Csv,
                ..
            }
            | Self::ExportSelectedAnnotations {
                format: AnnotationFormat::Csv,
                ..
            } => Some(Command::ExportAnnotationsCsv),
            Self::ExportAnnotations {
                format: AnnotationFormat::W3c,
                ..
            }
            | Self::ExportSelectedAnnotations {
                format: AnnotationFormat::W3c,
                ..
            } => Some(Command::ExportAnnotationsW3c),
            Self::ExportAnnotations {
                format: AnnotationFormat::Archive,
                ..
            }
            | Self::ExportSelectedAnnotations {
                format: AnnotationFormat::Archive,
                ..
            } => Some(Command::ExportNotebookArchive),
        }
    }
}

impl Action {
    /// The command this action gives (what it is called, explained and reached by), or none
    /// for an event.
    pub fn command(&self) -> Option<Command> {
        match self {
            Self::Desk(action) => action.command(),
            Self::View(action) => action.command(),
            Self::Annotations(action) => action.command(),
            Self::Comparison(action) => action.command(),
            Self::Search(action) => action.command(),
            Self::Files(action) => action.command(),
        }
    }
}
