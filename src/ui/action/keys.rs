//! The keyboard shortcuts of the commands.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{Action, Command};

const fn shortcut(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Action {
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
}

impl Command {
    /// The keyboard shortcuts of this command (the first is the one shown in menus).
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
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
            Self::Highlight1 => vec![
                shortcut(Modifiers::NONE, Key::H),
                shortcut(Modifiers::NONE, Key::Num1),
            ],
            Self::Highlight2 => vec![shortcut(Modifiers::NONE, Key::Num2)],
            Self::Highlight3 => vec![shortcut(Modifiers::NONE, Key::Num3)],
            Self::Highlight4 => vec![shortcut(Modifiers::NONE, Key::Num4)],
            Self::Highlight5 => vec![shortcut(Modifiers::NONE, Key::Num5)],
            Self::Highlight6 => vec![shortcut(Modifiers::NONE, Key::Num6)],
            Self::ShowShortcuts => vec![shortcut(Modifiers::NONE, Key::F1)],
            Self::Quit => vec![shortcut(CTRL, Key::Q)],
            Self::PreviousDifference => vec![shortcut(Modifiers::SHIFT, Key::F7)],
            Self::NextDifference => vec![shortcut(Modifiers::NONE, Key::F7)],
            Self::SwapWitnesses => vec![shortcut(CTRL_SHIFT, Key::X)],
            Self::FindPrevious => vec![shortcut(Modifiers::SHIFT, Key::F3)],
            Self::FindNext => vec![shortcut(Modifiers::NONE, Key::F3)],
            Self::OpenFind => vec![shortcut(CTRL, Key::F)],
            Self::SearchAll => vec![shortcut(CTRL_SHIFT, Key::F)],
            Self::CopyWithCitation => vec![shortcut(CTRL_SHIFT, Key::C)],
            _ => Vec::new(),
        }
    }

    /// The shortcut shown beside the command in menus, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().into_iter().next()
    }
}
