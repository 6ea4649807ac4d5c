//! The table of commands: each command's name in code, area and shortcuts, one entry each. The
//! enum [`Command`] and [`Command::info`] are both made from it. Each command's words are the
//! messages `cmd-Name` (its label) and `cmd-Name-tip` (its tooltip) of `commands.ftl`, in every
//! language: a test fails on a command without them.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::Area;

/// What a command is called, what it does, how it is reached and where it is carried out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Info {
    /// The id of its name, as in menus and buttons (`cmd-Name`).
    pub label: &'static str,
    /// The id of a sentence explaining it, for tooltips and the shortcuts window
    /// (`cmd-Name-tip`).
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

/// Makes [`Command`] and [`Command::info`] from the entries `Name: Area, [shortcuts];`.
macro_rules! command_table {
    ($($name:ident: $area:ident, [$($key:expr),*];)*) => {
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
                        label: concat!("cmd-", stringify!($name)),
                        tooltip: concat!("cmd-", stringify!($name), "-tip"),
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
    OpenText: Desk, [];
    OpenTextBeside: Desk, [];
    OpenFile: Desk, [key!(CTRL, Key::O)];
    OpenFirstMatch: Desk, [];
    OpenFirstMatchBeside: Desk, [];
    NextPane: Desk, [key!(NONE, Key::F6)];
    ClosePane: Desk, [];
    CloseActivePane: Desk, [key!(CTRL, Key::W)];
    MovePaneLeft: Desk, [];
    MovePaneRight: Desk, [];
    ToggleLinked: Desk, [];
    ToggleActiveLinked: Desk, [key!(CTRL, Key::K)];
    GoToParagraph: Desk, [];
    GoBack: Desk, [key!(ALT, Key::ArrowLeft)];
    GoForward: Desk, [key!(ALT, Key::ArrowRight)];
    ShowTextInfo: Desk, [];
    ShowActiveTextInfo: Desk, [key!(CTRL, Key::I)];
    CloseTextInfo: Desk, [];
    CopySelection: Desk, [key!(CTRL, Key::C)];
    Highlight1: Annotations, [key!(NONE, Key::H), key!(NONE, Key::Num1)];
    Highlight2: Annotations, [key!(NONE, Key::Num2)];
    Highlight3: Annotations, [key!(NONE, Key::Num3)];
    Highlight4: Annotations, [key!(NONE, Key::Num4)];
    Highlight5: Annotations, [key!(NONE, Key::Num5)];
    Highlight6: Annotations, [key!(NONE, Key::Num6)];
    HighlightInCategory: Annotations, [];
    Undo: Annotations, [key!(CTRL, Key::Z)];
    Redo: Annotations, [key!(CTRL_SHIFT, Key::Z), key!(CTRL, Key::Y)];
    GoToAnnotation: Annotations, [];
    OnHighlight: Annotations, [];
    NoteOnSelection: Annotations, [key!(NONE, Key::N)];
    DeleteAnnotation: Annotations, [];
    RestoreAnnotation: Annotations, [];
    ReattachAnnotation: Annotations, [];
    ToggleAnnotationsPanel: View, [key!(CTRL_SHIFT, Key::A)];
    SelectAll: Desk, [key!(CTRL, Key::A)];
    ZoomIn: View, [key!(CTRL, Key::Plus), key!(CTRL, Key::Equals)];
    ZoomOut: View, [key!(CTRL, Key::Minus)];
    ZoomReset: View, [key!(CTRL, Key::Num0)];
    ThemeSystem: View, [];
    ThemeLight: View, [];
    ThemeDark: View, [];
    ToggleDarkLight: View, [key!(CTRL_SHIFT, Key::D)];
    LanguageSystem: View, [];
    LanguageEnglish: View, [];
    LanguageRussian: View, [];
    CiteLectern: View, [];
    CiteChicagoNotes: View, [];
    CiteChicagoAuthorDate: View, [];
    CiteMla: View, [];
    CiteApa: View, [];
    CiteGost: View, [];
    ToggleLibrary: View, [key!(CTRL, Key::B)];
    FocusLibraryFilter: View, [key!(CTRL, Key::L)];
    ShowShortcuts: View, [key!(NONE, Key::F1)];
    Quit: View, [key!(CTRL, Key::Q)];
    OpenComparison: Comparison, [];
    CloseComparison: Comparison, [];
    CompareSelections: Comparison, [];
    CompareOpenTexts: Comparison, [];
    ShowPasteComparison: Comparison, [];
    ComparePasted: Comparison, [];
    CancelComparison: Comparison, [];
    NextDifference: Comparison, [key!(NONE, Key::F7)];
    PreviousDifference: Comparison, [key!(SHIFT, Key::F7)];
    SwapWitnesses: Comparison, [key!(CTRL_SHIFT, Key::X)];
    LayoutInline: Comparison, [];
    LayoutColumns: Comparison, [];
    SetNormalization: Comparison, [];
    SetReference: Comparison, [];
    ToggleWitness: Comparison, [];
    OpenWitnessPassage: Comparison, [];
    NoteOnDifference: Comparison, [];
    DeleteComparisonNote: Comparison, [];
    RestoreComparisonNote: Comparison, [];
    OpenComparisonNote: Comparison, [];
    OpenComparisonAt: Comparison, [];
    CopyCarriedNote: Comparison, [];
    ExportComparisonMarkdown: Comparison, [];
    ExportComparisonHtml: Comparison, [];
    ExportComparisonPng: Comparison, [];
    ExportComparisonPdf: Comparison, [];
    ToggleComparisonFull: Comparison, [];
    ToggleComparisonDescription: Comparison, [];
    CollateWitnesses: Comparison, [];
    OpenFind: Search, [key!(CTRL, Key::F)];
    FindNext: Search, [key!(NONE, Key::F3)];
    FindPrevious: Search, [key!(SHIFT, Key::F3)];
    CloseFind: Search, [];
    SearchAll: Search, [key!(CTRL_SHIFT, Key::F)];
    CloseSearchAll: Search, [];
    OpenIndex: Search, [];
    CloseIndex: Search, [];
    OpenTimeline: Search, [];
    CloseTimeline: Search, [];
    OpenGlossary: Search, [];
    CloseGlossary: Search, [];
    AddEntity: Search, [];
    AddSpelling: Search, [];
    AddTerm: Search, [];
    OpenSearchHit: Search, [];
    OpenSearchHitBeside: Search, [];
    CopyWithCitation: Desk, [key!(CTRL_SHIFT, Key::C)];
    CopyAsMarkdownQuote: Desk, [];
    ImportAnnotations: Files, [];
    ShowBackups: Annotations, [];
    CloseBackups: Annotations, [];
    RestoreBackup: Annotations, [];
    ImportText: Files, [];
    ConfirmImport: Files, [];
    RemoveImported: Files, [];
    UndoRemoveImported: Files, [];
    CancelImport: Files, [];
    FillImportFromReference: Files, [];
    ChooseImportReference: Files, [];
    ExportAnnotationsMarkdown: Files, [];
    ExportAnnotationsHtml: Files, [];
    ExportAnnotationsCsv: Files, [];
    ExportAnnotationsW3c: Files, [];
    ExportAnnotationsZotero: Files, [];
    ExportNotebookArchive: Files, [];
    PrintNotes: Files, [key!(CTRL, Key::P)];
    ToggleGroups: Group, [];
    SaveMember: Group, [];
    JoinGroup: Group, [];
    LeaveGroup: Group, [];
    ShareWithGroup: Group, [];
    ReplyInGroup: Group, [];
    ResolveThread: Group, [];
    ReopenThread: Group, [];
    HideRecord: Group, [];
    ShowRecord: Group, [];
    CopyRecordToNotebook: Group, [];
    GoToRecord: Group, [];
    MarkGroupRead: Group, [];
    TrustMemberKey: Group, [];
}
