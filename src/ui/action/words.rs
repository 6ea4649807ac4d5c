//! What each command is called, and the sentence that explains it: the one source of every
//! label and tooltip.

use super::Command;

impl Command {
    /// The command's name, as in menus and buttons.
    pub fn label(self) -> String {
        match self {
            Self::OpenText => "Open".into(),
            Self::OpenTextBeside => "Open beside".into(),
            Self::OpenFile => "Open file…".into(),
            Self::OpenFirstMatch => "Open first match".into(),
            Self::OpenFirstMatchBeside => "Open first match beside".into(),
            Self::FocusPane => "Focus pane".into(),
            Self::NextPane => "Next pane".into(),
            Self::ClosePane | Self::CloseActivePane => "Close pane".into(),
            Self::MovePaneLeft => "Move pane left".into(),
            Self::MovePaneRight => "Move pane right".into(),
            Self::ToggleLinked | Self::ToggleActiveLinked => "Linked scrolling".into(),
            Self::Scrolled => "Scroll".into(),
            Self::GoToParagraph => "Go to part".into(),
            Self::ShowTextInfo | Self::ShowActiveTextInfo => "About this text".into(),
            Self::CloseTextInfo => "Close".into(),
            Self::CopySelection => "Copy".into(),
            Self::Highlight1 => "Highlight".into(),
            c @ (Self::Highlight2
            | Self::Highlight3
            | Self::Highlight4
            | Self::Highlight5
            | Self::Highlight6) => format!("Highlight in category {}", c.category_key()),
            Self::HighlightInCategory => "Highlight in a category".into(),
            Self::Undo => "Undo".into(),
            Self::SelectAnnotation => "Select annotation".into(),
            Self::GoToAnnotation => "Show in text".into(),
            Self::OnHighlight => "Change highlight".into(),
            Self::NoteOnSelection => "Add a note".into(),
            Self::ChangeAnnotation => "Change annotation".into(),
            Self::DeleteAnnotation => "Delete".into(),
            Self::RestoreAnnotation => "Restore".into(),
            Self::ReattachAnnotation => "Attach to selection".into(),
            Self::ToggleAnnotationsPanel => "Annotations panel".into(),
            Self::SetCategories => "Change categories".into(),
            Self::Redo => "Redo".into(),
            Self::SelectAll => "Select all".into(),
            Self::ZoomIn => "Larger text".into(),
            Self::ZoomOut => "Smaller text".into(),
            Self::ZoomReset => "Default text size".into(),
            Self::ThemeSystem => "Follow system theme".into(),
            Self::ThemeLight => "Light theme".into(),
            Self::ThemeDark => "Dark theme".into(),
            Self::ToggleDarkLight => "Switch light/dark".into(),
            Self::ToggleLibrary => "Library panel".into(),
            Self::FocusLibraryFilter => "Filter the library".into(),
            Self::ShowShortcuts => "Keyboard shortcuts".into(),
            Self::Quit => "Quit".into(),
            Self::OpenComparison => "Open comparison".into(),
            Self::CloseComparison => "Close comparison".into(),
            Self::CompareSelections => "Compare selections".into(),
            Self::CompareOpenTexts => "Compare the open texts".into(),
            Self::ShowPasteComparison => "Compare pasted wordings…".into(),
            Self::ComparePasted => "Compare the wordings".into(),
            Self::CancelComparison => "Cancel".into(),
            Self::NextDifference => "Next difference".into(),
            Self::PreviousDifference => "Previous difference".into(),
            Self::SwapWitnesses => "Swap witnesses".into(),
            Self::LayoutInline => "Inline".into(),
            Self::LayoutColumns => "Columns".into(),
            Self::SetNormalization => "Count as different".into(),
            Self::SetReference => "Mark against".into(),
            Self::ToggleWitness => "Show witness".into(),
            Self::OpenWitnessPassage => "Open passage in its text".into(),
            Self::NoteOnDifference => "Note on this difference".into(),
            Self::ChangeComparisonNote => "Change note".into(),
            Self::DeleteComparisonNote => "Delete note".into(),
            Self::RestoreComparisonNote => "Restore".into(),
            Self::OpenComparisonNote => "Show in comparison".into(),
            Self::OpenComparisonAt => "Open the comparison at this segment".into(),
            Self::CopyCarriedNote => "Copy here".into(),
            Self::ExportComparisonMarkdown => "Export as Markdown…".into(),
            Self::ExportComparisonHtml => "Export as HTML…".into(),
            Self::ExportComparisonPng => "Export as PNG image…".into(),
            Self::ToggleComparisonFull => "Comparison fills the window".into(),
            Self::ToggleComparisonDescription => "About this comparison".into(),
            Self::OpenFind => "Find in text…".into(),
            Self::FindNext => "Next match".into(),
            Self::FindPrevious => "Previous match".into(),
            Self::CloseFind => "Close find".into(),
            Self::SearchAll => "Search everything…".into(),
            Self::CloseSearchAll => "Close search".into(),
            Self::OpenIndex => "People and places…".into(),
            Self::CloseIndex => "Close people and places".into(),
            Self::ChooseEntity => "Choose a person or place".into(),
            Self::OpenTimeline => "Timeline…".into(),
            Self::CloseTimeline => "Close the timeline".into(),
            Self::OpenGlossary => "Terms across translations…".into(),
            Self::CloseGlossary => "Close terms across translations".into(),
            Self::ChooseTerm => "Choose a term".into(),
            Self::AddEntity => "Add the person or place".into(),
            Self::AddSpelling => "Add the spelling".into(),
            Self::AddTerm => "Add the term".into(),
            Self::OpenSearchHit => "Open at match".into(),
            Self::CopyWithCitation => "Copy with citation".into(),
            Self::ImportAnnotations => "Import annotations…".into(),
            Self::ShowBackups => "Restore from backup…".into(),
            Self::CloseBackups => "Close".into(),
            Self::RestoreBackup => "Restore".into(),
            Self::ImportText => "Import text…".into(),
            Self::ConfirmImport => "Import".into(),
            Self::RemoveImported => "Remove".into(),
            Self::UndoRemoveImported => "Undo remove".into(),
            Self::CancelImport => "Cancel".into(),
            Self::CopyAsMarkdownQuote => "Copy as Markdown quote".into(),
            Self::ExportAnnotationsMarkdown => "As Markdown…".into(),
            Self::ExportAnnotationsHtml => "As HTML…".into(),
            Self::ExportAnnotationsCsv => "As CSV…".into(),
            Self::ExportAnnotationsW3c => "As W3C Web Annotation (JSON-LD)…".into(),
            Self::ExportNotebookArchive => "As a notebook archive (everything)…".into(),
        }
    }

    /// A sentence explaining the command, for tooltips and the shortcuts window.
    pub fn tooltip(self) -> String {
        match self {
            Self::OpenText => "Open this text in the current pane".into(),
            Self::OpenTextBeside => "Open this text in a new pane beside the current one".into(),
            Self::OpenFile => {
                "Read a text file in this session, beside the open texts (it is not added to \
                 the library)"
                    .into()
            }
            Self::OpenFirstMatch => "Open the first text the filter matches".into(),
            Self::OpenFirstMatchBeside => {
                "Open the first text the filter matches beside the current one".into()
            }
            Self::NextPane => "Move the keyboard focus to the next pane".into(),
            Self::ClosePane | Self::CloseActivePane => "Close this pane".into(),
            Self::MovePaneLeft => "Swap this pane with the one on its left".into(),
            Self::MovePaneRight => "Swap this pane with the one on its right".into(),
            Self::ToggleLinked | Self::ToggleActiveLinked => {
                "When on, scrolling this pane scrolls the other linked panes to the same place"
                    .into()
            }
            Self::ShowTextInfo | Self::ShowActiveTextInfo => {
                "Title, author, date, translator, source, references, licence and notes".into()
            }
            Self::CopySelection => "Copy the selected passage".into(),
            c @ (Self::Highlight1
            | Self::Highlight2
            | Self::Highlight3
            | Self::Highlight4
            | Self::Highlight5
            | Self::Highlight6) => format!(
                "Highlight the selected passage in category {} (keys 1–6 choose the category)",
                c.category_key()
            ),
            Self::HighlightInCategory => "Highlight the selected passage in this category".into(),
            Self::Undo => {
                "Undo the last change to your annotations or your notes on comparisons".into()
            }
            Self::NoteOnSelection => {
                "Write a note on the selected passage (it is highlighted if it is not yet)".into()
            }
            Self::DeleteAnnotation => {
                "Move this annotation to the Trash (Ctrl+Z or Restore brings it back)".into()
            }
            Self::RestoreAnnotation => "Bring this annotation back from the Trash".into(),
            Self::RestoreComparisonNote => {
                "Bring this note on a comparison back from the Trash".into()
            }
            Self::ReattachAnnotation => {
                "Select the right passage in a pane first; this annotation is then attached to it"
                    .into()
            }
            Self::ToggleAnnotationsPanel => {
                "Show or hide the list of annotations, with the note editor and the Trash".into()
            }
            Self::GoToAnnotation => "Scroll the text to this passage".into(),
            Self::OnHighlight => {
                "Change the highlight's category, write its note, copy it or delete it".into()
            }
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
            Self::OpenGlossary => {
                "The words the texts turn on, with their renderings in Russian and each \
                 translation; choosing one marks them in the open texts and the comparison"
                    .into()
            }
            Self::OpenTimeline => {
                "Every dated document and the events the texts date, in order, each opening \
                 its text or passage"
                    .into()
            }
            Self::OpenIndex => {
                "Every person and place the texts name, under every spelling, with their \
                 mentions"
                    .into()
            }
            Self::ShowPasteComparison => "Paste two to six wordings and compare them".into(),
            Self::NextDifference => "Step to the next difference".into(),
            Self::PreviousDifference => "Step to the previous difference".into(),
            Self::SwapWitnesses => "Reverse the order of the witnesses".into(),
            Self::CloseComparison => "Close the comparison".into(),
            Self::ShowBackups => {
                "List the backups of your annotations, with what each holds, and restore one".into()
            }
            Self::RestoreBackup => {
                "Bring back your annotations as they were in this backup; what it lacks goes to \
                 the Trash, and Undo takes the whole restore back"
                    .into()
            }
            Self::ExportNotebookArchive => {
                "Write your whole notebook in one file, every kind (annotations, notes on \
                 comparisons, your comparisons, categories, people and terms, the Trash), to \
                 move it or hand it over; Import annotations reads it back"
                    .into()
            }
            Self::ToggleComparisonDescription => {
                "Show or hide what the comparison is about and where its witnesses come from".into()
            }
            Self::ToggleComparisonFull => {
                "Let the comparison fill the window (the library and annotations panels step aside \
                 until it is docked again), or show it below the reading panes"
                    .into()
            }
            _ => self.label(),
        }
    }

    /// For the highlight commands, the number key of their category (1–6).
    fn category_key(self) -> usize {
        match self {
            Self::Highlight2 => 2,
            Self::Highlight3 => 3,
            Self::Highlight4 => 4,
            Self::Highlight5 => 5,
            Self::Highlight6 => 6,
            _ => 1,
        }
    }

    /// The label with its shortcut, e.g. "Larger text (Ctrl+Plus)", for tooltips.
    pub fn label_with_shortcut(self, ctx: &egui::Context) -> String {
        match self.shortcut() {
            Some(shortcut) => format!("{} ({})", self.label(), ctx.format_shortcut(&shortcut)),
            None => self.label(),
        }
    }
}
