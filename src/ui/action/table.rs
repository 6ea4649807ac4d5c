//! The table of commands: each command's name in code, area, shortcuts, label and tooltip, one
//! entry each. The enum [`Command`] and [`Command::info`] are both made from it, so that a
//! command cannot be listed without its words.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::Area;

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

pub(super) const CTRL: Modifiers = Modifiers::COMMAND;
pub(super) const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
pub(super) const SHIFT: Modifiers = Modifiers::SHIFT;
pub(super) const ALT: Modifiers = Modifiers::ALT;
pub(super) const NONE: Modifiers = Modifiers::NONE;

/// Makes [`Command`] and [`Command::info`] from the entries `Name: Area, [shortcuts], label,
/// tooltip;`.
macro_rules! command_table {
    ($($name:ident: $area:ident, [$($key:expr),*], $label:literal, $tooltip:literal;)*) => {
        /// Every command Lectern offers, without the data an [`Action`](super::Action) carries
        /// (as rerun's `UICommand`): the one source of each command's label, tooltip,
        /// shortcuts and area ([`Command::info`]). An action's words and keys are its
        /// command's ([`Action::command`](super::Action::command)). What only happens to the
        /// window (a pane scrolled, an annotation clicked, a note typed) is an event, not a
        /// command: such actions have none.
        ///
        /// Every command is enumerated by the derive (`Command::iter()`), never listed by hand.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
        #[allow(missing_docs)] // each command is documented by its tooltip
        pub enum Command {
            $($name,)*
        }

        impl Command {
            /// The command's words, keys and area: the one table.
            pub fn info(self) -> Info {
                match self {
                    $(Self::$name => Info {
                        label: $label,
                        tooltip: $tooltip,
                        shortcuts: &[$($key),*],
                        area: Area::$area,
                    },)*
                }
            }
        }
    };
}

/// A shortcut, written as a struct so that the table's lists are constants.
macro_rules! key {
    ($modifiers:expr, $key:expr) => {
        KeyboardShortcut {
            modifiers: $modifiers,
            logical_key: $key,
        }
    };
}

#[rustfmt::skip]
command_table! {
    OpenText: Desk, [], "Open", "Open this text in the current pane";
    OpenTextBeside: Desk, [], "Open beside", "Open this text in a new pane beside the current one";
    OpenFile: Desk, [key!(CTRL, Key::O)], "Open file…",
        "Read a text file in this session, beside the open texts (it is not added to the library)";
    OpenFirstMatch: Desk, [], "Open first match", "Open the first text the filter matches";
    OpenFirstMatchBeside: Desk, [], "Open first match beside",
        "Open the first text the filter matches beside the current one";
    NextPane: Desk, [key!(NONE, Key::F6)], "Next pane", "Move the keyboard focus to the next pane";
    ClosePane: Desk, [], "Close pane", "Close this pane";
    CloseActivePane: Desk, [key!(CTRL, Key::W)], "Close pane", "Close this pane";
    MovePaneLeft: Desk, [], "Move pane left", "Swap this pane with the one on its left";
    MovePaneRight: Desk, [], "Move pane right", "Swap this pane with the one on its right";
    ToggleLinked: Desk, [], "Linked scrolling",
        "When on, scrolling this pane scrolls the other linked panes to the same place";
    ToggleActiveLinked: Desk, [key!(CTRL, Key::K)], "Linked scrolling",
        "When on, scrolling this pane scrolls the other linked panes to the same place";
    GoToParagraph: Desk, [], "Go to part", "Go to part";
    GoBack: Desk, [key!(ALT, Key::ArrowLeft)], "Back",
        "Go back to where you were reading before the last jump (also the mouse's back button)";
    GoForward: Desk, [key!(ALT, Key::ArrowRight)], "Forward",
        "Go forward again to where Back left (also the mouse's forward button)";
    ShowTextInfo: Desk, [], "About this text",
        "Title, author, date, translator, source, references, licence and notes";
    ShowActiveTextInfo: Desk, [key!(CTRL, Key::I)], "About this text",
        "Title, author, date, translator, source, references, licence and notes";
    CloseTextInfo: Desk, [], "Close", "Close the description of this text";
    CopySelection: Desk, [key!(CTRL, Key::C)], "Copy", "Copy the selected passage";
    Highlight1: Annotations, [key!(NONE, Key::H), key!(NONE, Key::Num1)], "Highlight",
        "Highlight the selected passage in category 1 (keys 1–6 choose the category)";
    Highlight2: Annotations, [key!(NONE, Key::Num2)], "Highlight in category 2",
        "Highlight the selected passage in category 2 (keys 1–6 choose the category)";
    Highlight3: Annotations, [key!(NONE, Key::Num3)], "Highlight in category 3",
        "Highlight the selected passage in category 3 (keys 1–6 choose the category)";
    Highlight4: Annotations, [key!(NONE, Key::Num4)], "Highlight in category 4",
        "Highlight the selected passage in category 4 (keys 1–6 choose the category)";
    Highlight5: Annotations, [key!(NONE, Key::Num5)], "Highlight in category 5",
        "Highlight the selected passage in category 5 (keys 1–6 choose the category)";
    Highlight6: Annotations, [key!(NONE, Key::Num6)], "Highlight in category 6",
        "Highlight the selected passage in category 6 (keys 1–6 choose the category)";
    HighlightInCategory: Annotations, [], "Highlight in a category",
        "Highlight the selected passage in this category";
    Undo: Annotations, [key!(CTRL, Key::Z)], "Undo",
        "Undo the last change to your annotations or your notes on comparisons";
    Redo: Annotations, [key!(CTRL_SHIFT, Key::Z), key!(CTRL, Key::Y)], "Redo",
        "Redo the change you undid";
    GoToAnnotation: Annotations, [], "Show in text", "Scroll the text to this passage";
    OnHighlight: Annotations, [], "Change highlight",
        "Change the highlight's category, write its note, copy it or delete it";
    NoteOnSelection: Annotations, [key!(NONE, Key::N)], "Add a note",
        "Write a note on the selected passage (it is highlighted if it is not yet)";
    DeleteAnnotation: Annotations, [], "Delete",
        "Move this annotation to the Trash (Ctrl+Z or Restore brings it back)";
    RestoreAnnotation: Annotations, [], "Restore", "Bring this annotation back from the Trash";
    ReattachAnnotation: Annotations, [], "Attach to selection",
        "Select the right passage in a pane first; this annotation is then attached to it";
    ToggleAnnotationsPanel: View, [key!(CTRL_SHIFT, Key::A)], "Annotations panel",
        "Show or hide the list of annotations, with the note editor and the Trash";
    SelectAll: Desk, [key!(CTRL, Key::A)], "Select all",
        "Select the whole text in the current pane";
    ZoomIn: View, [key!(CTRL, Key::Plus), key!(CTRL, Key::Equals)], "Larger text",
        "Make the reading text larger";
    ZoomOut: View, [key!(CTRL, Key::Minus)], "Smaller text", "Make the reading text smaller";
    ZoomReset: View, [key!(CTRL, Key::Num0)], "Default text size",
        "Reset the reading text to its default size";
    ThemeSystem: View, [], "Follow system theme", "Follow system theme";
    ThemeLight: View, [], "Light theme", "Light theme";
    ThemeDark: View, [], "Dark theme", "Dark theme";
    ToggleDarkLight: View, [key!(CTRL_SHIFT, Key::D)], "Switch light/dark",
        "Switch between the light and the dark theme";
    ToggleLibrary: View, [key!(CTRL, Key::B)], "Library panel", "Show or hide the list of texts";
    FocusLibraryFilter: View, [key!(CTRL, Key::L)], "Filter the library",
        "Type to filter the list of texts";
    ShowShortcuts: View, [key!(NONE, Key::F1)], "Keyboard shortcuts",
        "List every keyboard shortcut";
    Quit: View, [key!(CTRL, Key::Q)], "Quit", "Close Lectern (your reading state is saved)";
    OpenComparison: Comparison, [], "Open comparison", "Open comparison";
    CloseComparison: Comparison, [], "Close comparison", "Close the comparison";
    CompareSelections: Comparison, [], "Compare selections",
        "Compare the passages selected in the open panes, word by word";
    CompareOpenTexts: Comparison, [], "Compare the open texts",
        "Compare the whole texts open in the panes";
    ShowPasteComparison: Comparison, [], "Compare pasted wordings…",
        "Paste two to six wordings and compare them";
    ComparePasted: Comparison, [], "Compare the wordings", "Compare the wordings";
    CancelComparison: Comparison, [], "Cancel", "Cancel";
    NextDifference: Comparison, [key!(NONE, Key::F7)], "Next difference",
        "Step to the next difference";
    PreviousDifference: Comparison, [key!(SHIFT, Key::F7)], "Previous difference",
        "Step to the previous difference";
    SwapWitnesses: Comparison, [key!(CTRL_SHIFT, Key::X)], "Swap witnesses",
        "Reverse the order of the witnesses";
    LayoutInline: Comparison, [], "Inline", "Inline";
    LayoutColumns: Comparison, [], "Columns", "Columns";
    SetNormalization: Comparison, [], "Count as different", "Count as different";
    SetReference: Comparison, [], "Mark against", "Mark against";
    ToggleWitness: Comparison, [], "Show witness", "Show witness";
    OpenWitnessPassage: Comparison, [], "Open passage in its text", "Open passage in its text";
    NoteOnDifference: Comparison, [], "Note on this difference", "Note on this difference";
    DeleteComparisonNote: Comparison, [], "Delete note", "Delete note";
    RestoreComparisonNote: Comparison, [], "Restore",
        "Bring this note on a comparison back from the Trash";
    OpenComparisonNote: Comparison, [], "Show in comparison", "Show in comparison";
    OpenComparisonAt: Comparison, [], "Open the comparison at this segment",
        "Open the comparison at this segment";
    CopyCarriedNote: Comparison, [], "Copy here", "Copy here";
    ExportComparisonMarkdown: Comparison, [], "Export as Markdown…", "Export as Markdown…";
    ExportComparisonHtml: Comparison, [], "Export as HTML…", "Export as HTML…";
    ExportComparisonPng: Comparison, [], "Export as PNG image…", "Export as PNG image…";
    ToggleComparisonFull: Comparison, [], "Comparison fills the window",
        "Let the comparison fill the window (the library and annotations panels step aside until \
         it is docked again), or show it below the reading panes";
    ToggleComparisonDescription: Comparison, [], "About this comparison",
        "Show or hide what the comparison is about and where its witnesses come from";
    CollateWitnesses: Comparison, [], "Collate witnesses",
        "Collate the comparison's witnesses, each language apart: a table of their readings, \
         an apparatus and an overview of where they differ";
    OpenFind: Search, [key!(CTRL, Key::F)], "Find in text…",
        "Find a word or phrase in the current text, ignoring case and accents";
    FindNext: Search, [key!(NONE, Key::F3)], "Next match", "Next match";
    FindPrevious: Search, [key!(SHIFT, Key::F3)], "Previous match", "Previous match";
    CloseFind: Search, [], "Close find", "Close the find bar (Esc)";
    SearchAll: Search, [key!(CTRL_SHIFT, Key::F)], "Search everything…",
        "Search every text and every note";
    CloseSearchAll: Search, [], "Close search", "Close search";
    OpenIndex: Search, [], "People and places…",
        "Every person and place the texts name, under every spelling, with their mentions";
    CloseIndex: Search, [], "Close people and places", "Close people and places";
    OpenTimeline: Search, [], "Timeline…",
        "Every dated document and the events the texts date, in order, each opening its text or \
         passage";
    CloseTimeline: Search, [], "Close the timeline", "Close the timeline";
    OpenGlossary: Search, [], "Terms across translations…",
        "The words the texts turn on, with their renderings in Russian and each translation; \
         choosing one marks them in the open texts and the comparison";
    CloseGlossary: Search, [], "Close terms across translations", "Close terms across translations";
    AddEntity: Search, [], "Add the person or place", "Add the person or place";
    AddSpelling: Search, [], "Add the spelling", "Add the spelling";
    AddTerm: Search, [], "Add the term", "Add the term";
    OpenSearchHit: Search, [], "Open here",
        "Open the text at this match: in the pane that shows it, else in the \
         active pane (Ctrl-click: beside it)";
    OpenSearchHitBeside: Search, [], "Open beside",
        "Open the text at this match in a new pane beside the active one";
    CopyWithCitation: Desk, [key!(CTRL_SHIFT, Key::C)], "Copy with citation", "Copy with citation";
    CopyAsMarkdownQuote: Desk, [], "Copy as Markdown quote", "Copy as Markdown quote";
    ImportAnnotations: Files, [], "Import annotations…", "Import annotations…";
    ShowBackups: Annotations, [], "Restore from backup…",
        "List the backups of your annotations, with what each holds, and restore one";
    CloseBackups: Annotations, [], "Close", "Close";
    RestoreBackup: Annotations, [], "Restore",
        "Bring back your annotations as they were in this backup; what it lacks goes to the \
         Trash, and Undo takes the whole restore back";
    ImportText: Files, [], "Import text…", "Import text…";
    ConfirmImport: Files, [], "Import", "Import";
    RemoveImported: Files, [], "Remove", "Remove";
    UndoRemoveImported: Files, [], "Undo remove", "Undo remove";
    CancelImport: Files, [], "Cancel", "Cancel";
    ExportAnnotationsMarkdown: Files, [], "As Markdown…", "As Markdown…";
    ExportAnnotationsHtml: Files, [], "As HTML…", "As HTML…";
    ExportAnnotationsCsv: Files, [], "As CSV…", "As CSV…";
    ExportAnnotationsW3c: Files, [], "As W3C Web Annotation (JSON-LD)…",
        "As W3C Web Annotation (JSON-LD)…";
    ExportNotebookArchive: Files, [], "As a notebook archive (everything)…",
        "Write your whole notebook in one file, every kind (annotations, notes on comparisons, \
         your comparisons, categories, people and terms, the Trash), to move it or hand it over; \
         Import annotations reads it back";
}
