//! The commands' words and keys, read from the one table ([`Command::info`]).

use egui::KeyboardShortcut;

use super::{Action, Command};

impl Command {
    /// The command's name, as in menus and buttons, in the reader's language.
    pub fn label(self) -> String {
        crate::i18n::message(self.info().label, None)
    }

    /// A sentence explaining the command, for tooltips and the shortcuts window, in the
    /// reader's language.
    pub fn tooltip(self) -> String {
        crate::i18n::message(self.info().tooltip, None)
    }

    /// The keyboard shortcuts of this command (the first is the one shown in menus).
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        self.info().shortcuts
    }

    /// The shortcut shown beside the command in menus, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// The label with its shortcut, e.g. "Larger text (Ctrl+Plus)", for tooltips.
    pub fn label_with_shortcut(self, ctx: &egui::Context) -> String {
        match self.shortcut() {
            Some(shortcut) => format!("{} ({})", self.label(), ctx.format_shortcut(&shortcut)),
            None => self.label(),
        }
    }
}

impl Action {
    /// The actions that have a keyboard shortcut, most specific first: egui matches extra
    /// Shift loosely, so every Shift shortcut is tried before the shortcuts without it. Made
    /// from the table once, and read every frame.
    pub fn with_shortcuts() -> &'static [Self] {
        static LIST: std::sync::LazyLock<Vec<Action>> = std::sync::LazyLock::new(|| {
            let mut commands: Vec<Command> = <Command as strum::IntoEnumIterator>::iter()
                .filter(|command| !command.shortcuts().is_empty())
                .collect();
            // Stable: the table's order is kept within each group.
            commands.sort_by_key(|command| !command.shortcuts().iter().any(|s| s.modifiers.shift));
            commands.into_iter().filter_map(Command::action).collect()
        });
        &LIST
    }

    /// The command's name, as in menus and buttons (empty for an event, which has none).
    pub fn label(&self) -> String {
        self.command().map(Command::label).unwrap_or_default()
    }

    /// A sentence explaining the command, for tooltips and the shortcuts window.
    pub fn tooltip(&self) -> String {
        self.command().map(Command::tooltip).unwrap_or_default()
    }

    /// The label with its shortcut, e.g. "Larger text (Ctrl+Plus)", for tooltips.
    pub fn label_with_shortcut(&self, ctx: &egui::Context) -> String {
        self.command()
            .map(|command| command.label_with_shortcut(ctx))
            .unwrap_or_default()
    }

    /// The keyboard shortcuts of the command (the first is the one shown in menus).
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        self.command().map_or(&[], Command::shortcuts)
    }

    /// The shortcut shown beside the command in menus, if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.command().and_then(Command::shortcut)
    }
}
