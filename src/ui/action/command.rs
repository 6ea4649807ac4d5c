//! The action of each command that needs no data, and which command each action gives. The
//! commands themselves, their words and keys ([`super::Info`]) are the table (`table.rs`).

use super::table::Command;
use super::{
    Action, AnnotationAction, AnnotationFormat, ComparisonAction, ComparisonViewAction, DeskAction,
    ExportFormat, FileAction, GroupAction, SearchAction, ViewAction,
};
use crate::formats::cite::CitationStyle;
use crate::storage::reading_state::{LanguageChoice, ThemeChoice};

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
            Self::GoBack => Some(Action::Desk(DeskAction::GoBack)),
            Self::GoForward => Some(Action::Desk(DeskAction::GoForward)),
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
            Self::LanguageSystem => Some(Action::View(ViewAction::SetLanguage(
                LanguageChoice::System,
            ))),
            Self::LanguageEnglish => Some(Action::View(ViewAction::SetLanguage(
                LanguageChoice::English,
            ))),
            Self::LanguageRussian => Some(Action::View(ViewAction::SetLanguage(
                LanguageChoice::Russian,
            ))),
            Self::CiteLectern => Some(cite_in(CitationStyle::Lectern)),
            Self::CiteChicagoNotes => Some(cite_in(CitationStyle::ChicagoNotes)),
            Self::CiteChicagoAuthorDate => Some(cite_in(CitationStyle::ChicagoAuthorDate)),
            Self::CiteMla => Some(cite_in(CitationStyle::Mla)),
            Self::CiteApa => Some(cite_in(CitationStyle::Apa)),
            Self::CiteGost => Some(cite_in(CitationStyle::Gost)),
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
            Self::ExportComparisonPdf => Some(Action::Comparison(
                ComparisonAction::ExportComparison(ExportFormat::Pdf),
            )),
            Self::PrintNotes => Some(Action::Files(FileAction::PrintNotes)),
            Self::ToggleComparisonFull => Some(Action::Comparison(ComparisonAction::View(
                ComparisonViewAction::ToggleComparisonFull,
            ))),
            Self::ToggleComparisonDescription => Some(Action::Comparison(ComparisonAction::View(
                ComparisonViewAction::ToggleComparisonDescription,
            ))),
            Self::CollateWitnesses => Some(Action::Comparison(ComparisonAction::CollateWitnesses)),
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
            Self::FillImportFromReference => {
                Some(Action::Files(FileAction::FillImportFromReference))
            }
            Self::ChooseImportReference => Some(Action::Files(FileAction::ChooseImportReference)),
            Self::ExportAnnotationsMarkdown => None,
            Self::ExportAnnotationsHtml => None,
            Self::ExportAnnotationsCsv => None,
            Self::ExportAnnotationsW3c => None,
            Self::ExportAnnotationsZotero => None,
            Self::ExportNotebookArchive => None,
            Self::ToggleGroups => Some(Action::Group(GroupAction::ToggleGroups)),
            Self::SaveMember
            | Self::JoinGroup
            | Self::LeaveGroup
            | Self::ShareWithGroup
            | Self::ReplyInGroup
            | Self::ResolveThread
            | Self::ReopenThread
            | Self::HideRecord
            | Self::ShowRecord
            | Self::CopyRecordToNotebook
            | Self::GoToRecord
            | Self::MarkGroupRead
            | Self::TrustMemberKey => None,
        }
    }
}

impl GroupAction {
    /// The command this action gives, or none for an event.
    pub fn command(&self) -> Option<Command> {
        match self {
            Self::ToggleGroups => Some(Command::ToggleGroups),
            Self::SetMember { .. } => Some(Command::SaveMember),
            Self::JoinGroup { .. } => Some(Command::JoinGroup),
            Self::LeaveGroup(_) => Some(Command::LeaveGroup),
            Self::Share { .. } => Some(Command::ShareWithGroup),
            Self::Reply { .. } => Some(Command::ReplyInGroup),
            Self::SetResolved { resolved: true, .. } => Some(Command::ResolveThread),
            Self::SetResolved {
                resolved: false, ..
            } => Some(Command::ReopenThread),
            Self::HideRecord { hidden: true, .. } => Some(Command::HideRecord),
            Self::HideRecord { hidden: false, .. } => Some(Command::ShowRecord),
            Self::CopyToNotebook { .. } => Some(Command::CopyRecordToNotebook),
            Self::GoToRecord { .. } => Some(Command::GoToRecord),
            Self::MarkRead(_) => Some(Command::MarkGroupRead),
            Self::TrustKeys { .. } => Some(Command::TrustMemberKey),
            Self::ShowLayer { .. } | Self::ShowGroup { .. } | Self::HighlightByMember(_) => None,
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
            Self::GoBack => Some(Command::GoBack),
            Self::GoForward => Some(Command::GoForward),
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
            Self::SetLanguage(LanguageChoice::System) => Some(Command::LanguageSystem),
            Self::SetLanguage(LanguageChoice::English) => Some(Command::LanguageEnglish),
            Self::SetLanguage(LanguageChoice::Russian) => Some(Command::LanguageRussian),
            Self::SetCitationStyle(style) => Some(match style {
                CitationStyle::Lectern => Command::CiteLectern,
                CitationStyle::ChicagoNotes => Command::CiteChicagoNotes,
                CitationStyle::ChicagoAuthorDate => Command::CiteChicagoAuthorDate,
                CitationStyle::Mla => Command::CiteMla,
                CitationStyle::Apa => Command::CiteApa,
                CitationStyle::Gost => Command::CiteGost,
            }),
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
            Self::ExportComparison(ExportFormat::Pdf) => Some(Command::ExportComparisonPdf),
            Self::CollateWitnesses => Some(Command::CollateWitnesses),
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
            Self::PrintNotes => Some(Command::PrintNotes),
            Self::FillImportFromReference => Some(Command::FillImportFromReference),
            Self::ChooseImportReference => Some(Command::ChooseImportReference),
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
                format: AnnotationFormat::Zotero,
                ..
            }
            | Self::ExportSelectedAnnotations {
                format: AnnotationFormat::Zotero,
                ..
            } => Some(Command::ExportAnnotationsZotero),
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
            Self::Group(action) => action.command(),
        }
    }
}

/// The action of citing in `style`.
fn cite_in(style: CitationStyle) -> Action {
    Action::View(ViewAction::SetCitationStyle(style))
}
