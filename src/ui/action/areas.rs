//! The actions of each area ([`super::Area`]): one enum each, so that the area that carries
//! them out matches them with no wildcard, and a new action cannot be dropped on the way.

use super::{AnnotationFormat, ExportFormat, HighlightAction};
use crate::model::text::TextId;
use crate::storage::reading_state::{LanguageChoice, ThemeChoice};

/// What the reader asks for on the panes and what is read in them.
#[derive(Clone, Debug, PartialEq)]
pub enum DeskAction {
    /// Open a text in the active pane (or in a new pane beside it).
    OpenText {
        /// The text's id.
        text_id: TextId,
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
    /// Go back to where the reader was before the last jump.
    GoBack,
    /// Go forward again to where Back left.
    GoForward,
    /// Show a text's metadata and provenance.
    ShowTextInfo(crate::model::text::TextId),
    /// Show the metadata of the active pane's text.
    ShowActiveTextInfo,
    /// Close the metadata window.
    CloseTextInfo,
    /// Copy the active pane's selection to the clipboard.
    CopySelection,
    /// Select the whole text in the active pane.
    SelectAll,
    /// Copy the selection with its citation (plain, or as a Markdown block quote).
    CopyWithCitation {
        /// As Markdown.
        markdown: bool,
    },
}

impl From<DeskAction> for super::Action {
    fn from(action: DeskAction) -> Self {
        Self::Desk(action)
    }
}

/// What the reader asks for on the reading view: text size, theme, side panels, help, quitting.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewAction {
    /// Show or hide the annotations panel.
    ToggleAnnotationsPanel,
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
    /// Speak this language (View ▸ Language).
    SetLanguage(LanguageChoice),
    /// Cite in this style (View ▸ Citation style).
    SetCitationStyle(crate::formats::cite::CitationStyle),
    /// Show or hide the library panel.
    ToggleLibrary,
    /// Put the keyboard focus in the library's filter box.
    FocusLibraryFilter,
    /// Show the keyboard shortcuts window.
    ShowShortcuts,
    /// Close the window.
    Quit,
}

impl From<ViewAction> for super::Action {
    fn from(action: ViewAction) -> Self {
        Self::View(action)
    }
}

/// What the reader asks for on the reader's annotations, categories, undo and backups.
#[derive(Clone, Debug, PartialEq)]
pub enum AnnotationAction {
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
    /// Undo the last change to annotations.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// List the backups of the annotations (File ▸ Restore from backup…).
    ShowBackups,
    /// Close the list of backups.
    CloseBackups,
    /// Restore the annotations from the backup of this name, as one undoable change.
    RestoreBackup(String),
}

impl From<AnnotationAction> for super::Action {
    fn from(action: AnnotationAction) -> Self {
        Self::Annotations(action)
    }
}

/// What the reader asks for on the comparison view and notes on differences.
#[derive(Clone, Debug, PartialEq)]
pub enum ComparisonAction {
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
    /// Collate the open comparison's witnesses, each language apart, and show the collation.
    CollateWitnesses,
    /// A change to how the open comparison is shown (its own state).
    View(ComparisonViewAction),
}

impl From<ComparisonAction> for super::Action {
    fn from(action: ComparisonAction) -> Self {
        Self::Comparison(action)
    }
}

/// What the reader asks for on Find in the text, Search everything and the study tools (people and places, the timeline, terms).
#[derive(Clone, Debug, PartialEq)]
pub enum SearchAction {
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
    AddEntity(Box<crate::model::people_places::Entity>),
    /// Add a spelling to a person or place.
    AddSpelling {
        /// The person's or place's id.
        entity: String,
        /// The spelling.
        spelling: String,
    },
    /// Add a term of the reader's own to the glossary (its id is made from its concept).
    AddTerm(Box<crate::model::glossary::Term>),
    /// Open a text at a search match, selected.
    OpenSearchHit {
        /// The text.
        text_id: TextId,
        /// The match (characters).
        range: crate::model::text::CharRange,
        /// Whether to open it in a new pane when no pane shows it.
        beside: bool,
    },
}

impl From<SearchAction> for super::Action {
    fn from(action: SearchAction) -> Self {
        Self::Search(action)
    }
}

/// What the reader asks for on imports and exports.
#[derive(Clone, Debug, PartialEq)]
pub enum FileAction {
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
    RemoveImported(crate::model::text::TextId),
    /// Put the last removed text back.
    UndoRemoveImported,
    /// Keep the text read for import, with the metadata in the import window.
    ConfirmImport,
    /// Drop the text read for import.
    CancelImport,
    /// Fill the import window's fields from the reference pasted into it.
    FillImportFromReference,
    /// Read a reference file (CSL-JSON or BibTeX) into the import window and fill its fields.
    ChooseImportReference,
    /// Export the notes (every kind the Markdown export holds) as a PDF to print.
    PrintNotes,
    /// Import annotations from a W3C Web Annotation file.
    ImportAnnotations,
    /// Export annotations (File ▸ Export annotations).
    ExportAnnotations {
        /// The format.
        format: AnnotationFormat,
        /// Only those of the text in the active pane.
        current_text_only: bool,
    },
}

impl From<FileAction> for super::Action {
    fn from(action: FileAction) -> Self {
        Self::Files(action)
    }
}

/// A change to how the open comparison is shown, carried out by the comparison itself
/// ([`crate::ui::compare_view::ComparisonState::apply`]).
#[derive(Clone, Debug, PartialEq)]
pub enum ComparisonViewAction {
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
    SetNormalization(crate::model::diff::Normalization),
    /// Change what the witnesses are marked against.
    SetReference(crate::model::comparison::Reference),
    /// Show or hide a witness.
    ToggleWitness(usize),
    /// Let the comparison fill the window, or dock it below the reading panes.
    ToggleComparisonFull,
    /// Show or hide the comparison's description.
    ToggleComparisonDescription,
}

impl From<ComparisonViewAction> for super::Action {
    fn from(action: ComparisonViewAction) -> Self {
        Self::Comparison(ComparisonAction::View(action))
    }
}

/// What the reader asks for in their study groups: who they are, the groups they joined, what
/// they share, and the records of others they reply to, hide or copy (never edit).
#[derive(Clone, Debug, PartialEq)]
pub enum GroupAction {
    /// Show or hide the Study groups window.
    ToggleGroups,
    /// Set the reader's name and colour in their groups.
    SetMember {
        /// The name.
        name: String,
        /// The colour of their layer.
        colour: [u8; 3],
    },
    /// Join the group in a folder (made when new).
    JoinGroup {
        /// The folder.
        dir: std::path::PathBuf,
        /// What to call it (else what the folder says).
        name: Option<String>,
    },
    /// Leave a group on this device.
    LeaveGroup(String),
    /// Share an annotation, a note on a comparison or a comparison of the reader's.
    Share {
        /// The group.
        group: String,
        /// The item's id in the private notebook.
        item: String,
    },
    /// Reply in the thread under a record.
    Reply {
        /// The group.
        group: String,
        /// The record.
        record: String,
        /// The reply.
        text: String,
    },
    /// Resolve or reopen the thread under a record.
    SetResolved {
        /// The group.
        group: String,
        /// The record.
        record: String,
        /// Resolved (or reopened).
        resolved: bool,
    },
    /// Hide a record for oneself (or show it again).
    HideRecord {
        /// The record.
        record: String,
        /// Hidden (or shown again).
        hidden: bool,
    },
    /// Copy another's record into the private notebook.
    CopyToNotebook {
        /// The group.
        group: String,
        /// The record.
        record: String,
    },
    /// Open the passage a record is on.
    GoToRecord {
        /// The group.
        group: String,
        /// The record.
        record: String,
    },
    /// Trust the keys a member publishes now (a change no trusted key signed).
    TrustKeys {
        /// The group.
        group: String,
        /// The member's id.
        member: String,
    },
    /// Mark everything in a group read.
    MarkRead(String),
    /// Show or hide a member's layer.
    ShowLayer {
        /// The group.
        group: String,
        /// The member's id.
        member: String,
        /// Shown (or hidden).
        shown: bool,
    },
    /// Show or hide a whole group's layers.
    ShowGroup {
        /// The group.
        group: String,
        /// Shown (or hidden).
        shown: bool,
    },
    /// Colour the group's highlights by member (else by category).
    HighlightByMember(bool),
}

impl From<GroupAction> for super::Action {
    fn from(action: GroupAction) -> Self {
        Self::Group(action)
    }
}
