//! Every command a user can give, once: [`Action`], with its label, shortcut and tooltip.
//!
//! Views return `Vec<Action>`; [`crate::ui::app::LecternApp::apply`] carries them out in one
//! place. Menus, buttons, tooltips and the keyboard all read the label and shortcut from here,
//! so they cannot drift apart.

mod areas;
mod command;
mod keys;
mod table;

pub use areas::{
    AnnotationAction, ComparisonAction, ComparisonViewAction, DeskAction, FileAction, GroupAction,
    SearchAction, ViewAction,
};
pub use table::Command;
pub use table::Info;

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
    /// Study groups.
    Group,
}

/// What the reader asked for, by the area that carries it out: each area's own enum, matched
/// there with no wildcard.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// On the panes and what is read in them.
    Desk(DeskAction),
    /// On the reading view.
    View(ViewAction),
    /// On the reader's annotations.
    Annotations(AnnotationAction),
    /// On the comparison.
    Comparison(ComparisonAction),
    /// On Find, Search everything and the study tools.
    Search(SearchAction),
    /// On imports and exports.
    Files(FileAction),
    /// On study groups.
    Group(GroupAction),
}

pub use crate::model::annotation_export::AnnotationFormat;

/// A button or menu entry for `action`: its label, its shortcut beside it, its tooltip on
/// hover. The one way commands are drawn, so that no label is typed twice. Returns the action
/// when clicked (and closes the menu it is in, if it is in one).
pub fn action_ui(ui: &mut egui::Ui, action: impl Into<Action>, enabled: bool) -> Option<Action> {
    let action = action.into();
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
    /// A PDF to print: every row and every note, on A4 pages.
    Pdf,
}

impl ExportFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Png => "png",
            Self::Pdf => "pdf",
        }
    }
}

impl Action {
    /// The part of Lectern that carries the action out.
    pub fn area(&self) -> Area {
        match self {
            Self::Desk(_) => Area::Desk,
            Self::View(_) => Area::View,
            Self::Annotations(_) => Area::Annotations,
            Self::Comparison(_) => Area::Comparison,
            Self::Search(_) => Area::Search,
            Self::Files(_) => Area::Files,
            Self::Group(_) => Area::Group,
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
                        "About this text",
                        "Open beside"
                    ]
                    .contains(&label.as_str()),
                "{label}: {commands:?}"
            );
        }
    }
    /// An action of each command: its own when it needs no more data, else one with sample
    /// data (a text, an annotation, a pane).
    fn sample(command: Command) -> Action {
        if let Some(action) = command.action() {
            return action;
        }
        fn id<T: From<&'static str>>() -> T {
            T::from("a")
        }
        let group = || "Seminar".to_owned();
        match command {
            Command::SaveMember => GroupAction::SetMember {
                name: id(),
                colour: [1, 2, 3],
            }
            .into(),
            Command::JoinGroup => GroupAction::JoinGroup {
                dir: "g".into(),
                name: None,
            }
            .into(),
            Command::LeaveGroup => GroupAction::LeaveGroup(group()).into(),
            Command::ShareWithGroup => GroupAction::Share {
                group: group(),
                item: id(),
            }
            .into(),
            Command::ReplyInGroup => GroupAction::Reply {
                group: group(),
                record: id(),
                text: id(),
            }
            .into(),
            Command::ResolveThread | Command::ReopenThread => GroupAction::SetResolved {
                group: group(),
                record: id(),
                resolved: command == Command::ResolveThread,
            }
            .into(),
            Command::HideRecord | Command::ShowRecord => GroupAction::HideRecord {
                record: id(),
                hidden: command == Command::HideRecord,
            }
            .into(),
            Command::CopyRecordToNotebook => GroupAction::CopyToNotebook {
                group: group(),
                record: id(),
            }
            .into(),
            Command::GoToRecord => GroupAction::GoToRecord {
                group: group(),
                record: id(),
            }
            .into(),
            Command::MarkGroupRead => GroupAction::MarkRead(group()).into(),
            Command::TrustMemberKey => GroupAction::TrustKeys {
                group: group(),
                member: id(),
            }
            .into(),
            Command::OpenText => DeskAction::OpenText {
                text_id: id(),
                beside: false,
            }
            .into(),
            Command::OpenTextBeside => DeskAction::OpenText {
                text_id: id(),
                beside: true,
            }
            .into(),
            Command::ClosePane => DeskAction::ClosePane(1).into(),
            Command::MovePaneLeft => DeskAction::MovePaneLeft(1).into(),
            Command::MovePaneRight => DeskAction::MovePaneRight(1).into(),
            Command::ToggleLinked => DeskAction::ToggleLinked(1).into(),
            Command::GoToParagraph => DeskAction::GoToParagraph {
                pane: 0,
                paragraph: 2,
            }
            .into(),
            Command::ShowTextInfo => DeskAction::ShowTextInfo(id()).into(),
            Command::HighlightInCategory => AnnotationAction::Highlight(6).into(),
            Command::GoToAnnotation => AnnotationAction::GoToAnnotation(id()).into(),
            Command::OnHighlight => AnnotationAction::OnHighlight {
                annotation_id: id(),
                what: HighlightAction::Delete,
            }
            .into(),
            Command::DeleteAnnotation => AnnotationAction::DeleteAnnotation(id()).into(),
            Command::RestoreAnnotation => AnnotationAction::RestoreAnnotation(id()).into(),
            Command::ReattachAnnotation => AnnotationAction::ReattachAnnotation(id()).into(),
            Command::OpenComparison => ComparisonAction::OpenComparison(id()).into(),
            Command::ComparePasted => ComparisonAction::ComparePasted(vec![id(), id()]).into(),
            Command::SetNormalization => {
                ComparisonViewAction::SetNormalization(Default::default()).into()
            }
            Command::SetReference => ComparisonViewAction::SetReference(Default::default()).into(),
            Command::ToggleWitness => ComparisonViewAction::ToggleWitness(1).into(),
            Command::OpenWitnessPassage => ComparisonAction::OpenWitnessPassage {
                witness: 1,
                segment: 0,
            }
            .into(),
            Command::NoteOnDifference => ComparisonAction::NoteOnDifference {
                segment: 0,
                difference: Some(1),
            }
            .into(),
            Command::DeleteComparisonNote => ComparisonAction::DeleteComparisonNote(id()).into(),
            Command::RestoreComparisonNote => ComparisonAction::RestoreComparisonNote(id()).into(),
            Command::OpenComparisonNote => ComparisonAction::OpenComparisonNote(id()).into(),
            Command::OpenComparisonAt => ComparisonAction::OpenComparisonAt {
                comparison_id: id(),
                segment: 3,
            }
            .into(),
            Command::CopyCarriedNote => ComparisonAction::CopyCarriedNote(0).into(),
            Command::AddEntity => SearchAction::AddEntity(Box::new(
                serde_json::from_value(serde_json::json!({
                    "id": "x", "kind": "person", "name": "X", "variants": ["X"],
                    "about": "", "about_source": ""
                }))
                .expect("an entity"),
            ))
            .into(),
            Command::AddSpelling => SearchAction::AddSpelling {
                entity: id(),
                spelling: id(),
            }
            .into(),
            Command::AddTerm => SearchAction::AddTerm(Box::new(
                serde_json::from_value(serde_json::json!({
                    "id": "x", "concept": "x", "about": "", "source": "", "renderings": []
                }))
                .expect("a term"),
            ))
            .into(),
            Command::OpenSearchHit => SearchAction::OpenSearchHit {
                text_id: id(),
                range: (0..3).into(),
                beside: false,
            }
            .into(),
            Command::OpenSearchHitBeside => SearchAction::OpenSearchHit {
                text_id: id(),
                range: (0..3).into(),
                beside: true,
            }
            .into(),
            Command::RestoreBackup => AnnotationAction::RestoreBackup(id()).into(),
            Command::RemoveImported => FileAction::RemoveImported(id()).into(),
            Command::ExportAnnotationsMarkdown => export(AnnotationFormat::Markdown),
            Command::ExportAnnotationsHtml => export(AnnotationFormat::Html),
            Command::ExportAnnotationsCsv => export(AnnotationFormat::Csv),
            Command::ExportAnnotationsW3c => export(AnnotationFormat::W3c),
            Command::ExportAnnotationsZotero => export(AnnotationFormat::Zotero),
            Command::ExportNotebookArchive => export(AnnotationFormat::Archive),
            other => panic!("{other:?} needs no data, yet has no action of its own"),
        }
    }

    fn export(format: AnnotationFormat) -> Action {
        FileAction::ExportAnnotations {
            format,
            current_text_only: false,
        }
        .into()
    }

    /// Every command of an area gives an action that the area carries out, and that names
    /// the command back.
    fn every_command_reaches(area: Area) {
        let mut seen = 0;
        for command in <Command as strum::IntoEnumIterator>::iter() {
            let action = sample(command);
            assert_eq!(action.command(), Some(command), "{action:?}");
            if command.info().area == area {
                assert_eq!(action.area(), area, "{command:?} is carried out elsewhere");
                seen += 1;
            } else {
                assert_ne!(action.area(), area, "{command:?}");
            }
        }
        assert!(seen > 0, "no command of {area:?}");
    }

    #[test]
    fn every_desk_command_reaches_the_desk() {
        every_command_reaches(Area::Desk);
    }

    #[test]
    fn every_view_command_reaches_the_view() {
        every_command_reaches(Area::View);
    }

    #[test]
    fn every_annotations_command_reaches_the_annotations() {
        every_command_reaches(Area::Annotations);
    }

    #[test]
    fn every_comparison_command_reaches_the_comparison() {
        every_command_reaches(Area::Comparison);
    }

    #[test]
    fn every_search_command_reaches_search() {
        every_command_reaches(Area::Search);
    }

    #[test]
    fn every_files_command_reaches_files() {
        every_command_reaches(Area::Files);
    }

    #[test]
    fn every_group_command_reaches_the_groups() {
        every_command_reaches(Area::Group);
    }

    #[test]
    fn events_are_not_commands() {
        let events: [Action; 4] = [
            DeskAction::Scrolled(0).into(),
            DeskAction::FocusPane(0).into(),
            AnnotationAction::SelectAnnotation(None).into(),
            SearchAction::ChooseTerm(None).into(),
        ];
        for event in events {
            assert_eq!(event.command(), None, "{event:?}");
            assert_eq!(event.label(), "");
        }
    }

    #[test]
    fn the_table_keeps_each_shortcut_with_its_action() {
        // The keyboard gives the command's own action: the shortcut Ctrl+Shift+C copies with
        // the citation, not as a Markdown quote.
        for action in Action::with_shortcuts() {
            let command = action.command().expect("a command");
            assert_eq!(command.action(), Some(action.clone()));
        }
        let copy = Action::with_shortcuts()
            .iter()
            .find(|a| a.command() == Some(Command::CopyWithCitation))
            .expect("copy with citation has a shortcut");
        assert_eq!(
            *copy,
            Action::from(DeskAction::CopyWithCitation { markdown: false })
        );
    }

    use egui::KeyboardShortcut;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(&KeyboardShortcut, Action)> = Vec::new();
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
