# The commands of the one command table (src/ui/action/table.rs): each command's label
# (cmd-Name) and its tooltip (cmd-Name-tip).

cmd-OpenText = Open
cmd-OpenText-tip = Open this text in the current pane

cmd-OpenTextBeside = Open beside
cmd-OpenTextBeside-tip = Open this text in a new pane beside the current one

cmd-OpenFile = Open file…
cmd-OpenFile-tip = Read a text file in this session, beside the open texts (it is not added to the library)

cmd-OpenFirstMatch = Open first match
cmd-OpenFirstMatch-tip = Open the first text the filter matches

cmd-OpenFirstMatchBeside = Open first match beside
cmd-OpenFirstMatchBeside-tip = Open the first text the filter matches beside the current one

cmd-NextPane = Next pane
cmd-NextPane-tip = Move the keyboard focus to the next pane

cmd-ClosePane = Close pane
cmd-ClosePane-tip = Close this pane

cmd-CloseActivePane = Close pane
cmd-CloseActivePane-tip = Close this pane

cmd-MovePaneLeft = Move pane left
cmd-MovePaneLeft-tip = Swap this pane with the one on its left

cmd-MovePaneRight = Move pane right
cmd-MovePaneRight-tip = Swap this pane with the one on its right

cmd-ToggleLinked = Linked scrolling
cmd-ToggleLinked-tip = When on, scrolling this pane scrolls the other linked panes to the same place

cmd-ToggleActiveLinked = Linked scrolling
cmd-ToggleActiveLinked-tip = When on, scrolling this pane scrolls the other linked panes to the same place

cmd-GoToParagraph = Go to part
cmd-GoToParagraph-tip = Go to part

cmd-GoBack = Back
cmd-GoBack-tip = Go back to where you were reading before the last jump (also the mouse's back button)

cmd-GoForward = Forward
cmd-GoForward-tip = Go forward again to where Back left (also the mouse's forward button)

cmd-ShowTextInfo = About this text
cmd-ShowTextInfo-tip = Title, author, date, translator, source, references, licence and notes

cmd-ShowActiveTextInfo = About this text
cmd-ShowActiveTextInfo-tip = Title, author, date, translator, source, references, licence and notes

cmd-CloseTextInfo = Close
cmd-CloseTextInfo-tip = Close the description of this text

cmd-CopySelection = Copy
cmd-CopySelection-tip = Copy the selected passage

cmd-Highlight1 = Highlight
cmd-Highlight1-tip = Highlight the selected passage in category 1 (keys 1–6 choose the category)

cmd-Highlight2 = Highlight in category 2
cmd-Highlight2-tip = Highlight the selected passage in category 2 (keys 1–6 choose the category)

cmd-Highlight3 = Highlight in category 3
cmd-Highlight3-tip = Highlight the selected passage in category 3 (keys 1–6 choose the category)

cmd-Highlight4 = Highlight in category 4
cmd-Highlight4-tip = Highlight the selected passage in category 4 (keys 1–6 choose the category)

cmd-Highlight5 = Highlight in category 5
cmd-Highlight5-tip = Highlight the selected passage in category 5 (keys 1–6 choose the category)

cmd-Highlight6 = Highlight in category 6
cmd-Highlight6-tip = Highlight the selected passage in category 6 (keys 1–6 choose the category)

cmd-HighlightInCategory = Highlight in a category
cmd-HighlightInCategory-tip = Highlight the selected passage in this category

cmd-Undo = Undo
cmd-Undo-tip = Undo the last change to your annotations or your notes on comparisons

cmd-Redo = Redo
cmd-Redo-tip = Redo the change you undid

cmd-GoToAnnotation = Show in text
cmd-GoToAnnotation-tip = Scroll the text to this passage

cmd-OnHighlight = Change highlight
cmd-OnHighlight-tip = Change the highlight's category, write its note, copy it or delete it

cmd-NoteOnSelection = Add a note
cmd-NoteOnSelection-tip = Write a note on the selected passage (it is highlighted if it is not yet)

cmd-DeleteAnnotation = Delete
cmd-DeleteAnnotation-tip = Move this annotation to the Trash (Ctrl+Z or Restore brings it back)

cmd-RestoreAnnotation = Restore
cmd-RestoreAnnotation-tip = Bring this annotation back from the Trash

cmd-ReattachAnnotation = Attach to selection
cmd-ReattachAnnotation-tip = Select the right passage in a pane first; this annotation is then attached to it

cmd-ToggleAnnotationsPanel = Annotations panel
cmd-ToggleAnnotationsPanel-tip = Show or hide the list of annotations, with the note editor and the Trash

cmd-SelectAll = Select all
cmd-SelectAll-tip = Select the whole text in the current pane

cmd-ZoomIn = Larger text
cmd-ZoomIn-tip = Make the reading text larger

cmd-ZoomOut = Smaller text
cmd-ZoomOut-tip = Make the reading text smaller

cmd-ZoomReset = Default text size
cmd-ZoomReset-tip = Reset the reading text to its default size

cmd-ThemeSystem = Follow system theme
cmd-ThemeSystem-tip = Follow system theme

cmd-ThemeLight = Light theme
cmd-ThemeLight-tip = Light theme

cmd-ThemeDark = Dark theme
cmd-ThemeDark-tip = Dark theme

cmd-ToggleDarkLight = Switch light/dark
cmd-ToggleDarkLight-tip = Switch between the light and the dark theme

cmd-ToggleLibrary = Library panel
cmd-ToggleLibrary-tip = Show or hide the list of texts

cmd-FocusLibraryFilter = Filter the library
cmd-FocusLibraryFilter-tip = Type to filter the list of texts

cmd-ShowShortcuts = Keyboard shortcuts
cmd-ShowShortcuts-tip = List every keyboard shortcut

cmd-Quit = Quit
cmd-Quit-tip = Close Lectern (your reading state is saved)

cmd-OpenComparison = Open comparison
cmd-OpenComparison-tip = Open comparison

cmd-CloseComparison = Close comparison
cmd-CloseComparison-tip = Close the comparison

cmd-CompareSelections = Compare selections
cmd-CompareSelections-tip = Compare the passages selected in the open panes, word by word

cmd-CompareOpenTexts = Compare the open texts
cmd-CompareOpenTexts-tip = Compare the whole texts open in the panes

cmd-ShowPasteComparison = Compare pasted wordings…
cmd-ShowPasteComparison-tip = Paste two to six wordings and compare them

cmd-ComparePasted = Compare the wordings
cmd-ComparePasted-tip = Compare the wordings

cmd-CancelComparison = Cancel
cmd-CancelComparison-tip = Cancel

cmd-NextDifference = Next difference
cmd-NextDifference-tip = Step to the next difference

cmd-PreviousDifference = Previous difference
cmd-PreviousDifference-tip = Step to the previous difference

cmd-SwapWitnesses = Swap witnesses
cmd-SwapWitnesses-tip = Reverse the order of the witnesses

cmd-LayoutInline = Inline
cmd-LayoutInline-tip = Inline

cmd-LayoutColumns = Columns
cmd-LayoutColumns-tip = Columns

cmd-SetNormalization = Count as different
cmd-SetNormalization-tip = Count as different

cmd-SetReference = Mark against
cmd-SetReference-tip = Mark against

cmd-ToggleWitness = Show witness
cmd-ToggleWitness-tip = Show witness

cmd-OpenWitnessPassage = Open passage in its text
cmd-OpenWitnessPassage-tip = Open passage in its text

cmd-NoteOnDifference = Note on this difference
cmd-NoteOnDifference-tip = Note on this difference

cmd-DeleteComparisonNote = Delete note
cmd-DeleteComparisonNote-tip = Delete note

cmd-RestoreComparisonNote = Restore
cmd-RestoreComparisonNote-tip = Bring this note on a comparison back from the Trash

cmd-OpenComparisonNote = Show in comparison
cmd-OpenComparisonNote-tip = Show in comparison

cmd-OpenComparisonAt = Open the comparison at this segment
cmd-OpenComparisonAt-tip = Open the comparison at this segment

cmd-CopyCarriedNote = Copy here
cmd-CopyCarriedNote-tip = Copy here

cmd-ExportComparisonMarkdown = Export as Markdown…
cmd-ExportComparisonMarkdown-tip = Export as Markdown…

cmd-ExportComparisonHtml = Export as HTML…
cmd-ExportComparisonHtml-tip = Export as HTML…

cmd-ExportComparisonPng = Export as PNG image…
cmd-ExportComparisonPng-tip = Export as PNG image…
cmd-ExportComparisonPdf = Export as PDF to print…
cmd-ExportComparisonPdf-tip = Export the whole comparison, every row and every note, as a PDF to print

cmd-ToggleComparisonFull = Comparison fills the window
cmd-ToggleComparisonFull-tip = Let the comparison fill the window (the library and annotations panels step aside until it is docked again), or show it below the reading panes

cmd-ToggleComparisonDescription = About this comparison
cmd-ToggleComparisonDescription-tip = Show or hide what the comparison is about and where its witnesses come from

cmd-CollateWitnesses = Collate witnesses
cmd-CollateWitnesses-tip = Collate the comparison's witnesses, each language apart: a table of their readings, an apparatus and an overview of where they differ

cmd-OpenFind = Find in text…
cmd-OpenFind-tip = Find a word or phrase in the current text, ignoring case and accents

cmd-FindNext = Next match
cmd-FindNext-tip = Next match

cmd-FindPrevious = Previous match
cmd-FindPrevious-tip = Previous match

cmd-CloseFind = Close find
cmd-CloseFind-tip = Close the find bar (Esc)

cmd-SearchAll = Search everything…
cmd-SearchAll-tip = Search every text and every note

cmd-CloseSearchAll = Close search
cmd-CloseSearchAll-tip = Close search

cmd-OpenIndex = People and places…
cmd-OpenIndex-tip = Every person and place the texts name, under every spelling, with their mentions

cmd-CloseIndex = Close people and places
cmd-CloseIndex-tip = Close people and places

cmd-OpenTimeline = Timeline…
cmd-OpenTimeline-tip = Every dated document and the events the texts date, in order, each opening its text or passage

cmd-CloseTimeline = Close the timeline
cmd-CloseTimeline-tip = Close the timeline

cmd-OpenGlossary = Terms across translations…
cmd-OpenGlossary-tip = The words the texts turn on, with their renderings in Russian and each translation; choosing one marks them in the open texts and the comparison

cmd-CloseGlossary = Close terms across translations
cmd-CloseGlossary-tip = Close terms across translations

cmd-AddEntity = Add the person or place
cmd-AddEntity-tip = Add the person or place

cmd-AddSpelling = Add the spelling
cmd-AddSpelling-tip = Add the spelling

cmd-AddTerm = Add the term
cmd-AddTerm-tip = Add the term

cmd-OpenSearchHit = Open here
cmd-OpenSearchHit-tip = Open the text at this match: in the pane that shows it, else in the active pane (Ctrl-click: beside it)

cmd-OpenSearchHitBeside = Open beside
cmd-OpenSearchHitBeside-tip = Open the text at this match in a new pane beside the active one

cmd-CopyWithCitation = Copy with citation
cmd-CopyWithCitation-tip = Copy with citation

cmd-CopyAsMarkdownQuote = Copy as Markdown quote
cmd-CopyAsMarkdownQuote-tip = Copy as Markdown quote

cmd-ImportAnnotations = Import annotations…
cmd-ImportAnnotations-tip = Import annotations…

cmd-ShowBackups = Restore from backup…
cmd-ShowBackups-tip = List the backups of your annotations, with what each holds, and restore one

cmd-CloseBackups = Close
cmd-CloseBackups-tip = Close

cmd-RestoreBackup = Restore
cmd-RestoreBackup-tip = Bring back your annotations as they were in this backup; what it lacks goes to the Trash, and Undo takes the whole restore back

cmd-ImportText = Import text…
cmd-ImportText-tip = Import text…

cmd-ConfirmImport = Import
cmd-ConfirmImport-tip = Import

cmd-RemoveImported = Remove
cmd-RemoveImported-tip = Remove

cmd-UndoRemoveImported = Undo remove
cmd-UndoRemoveImported-tip = Undo remove

cmd-CancelImport = Cancel
cmd-CancelImport-tip = Cancel
cmd-PrintNotes = Print notes to PDF…
cmd-PrintNotes-tip = Export the notes, with their citations and every kind the Markdown export holds, as a PDF to print
cmd-FillImportFromReference = Fill from the reference
cmd-FillImportFromReference-tip = Set the fields from the reference above (CSL-JSON from Zotero's Export item, or a BibTeX entry): the entry with this text's title, else the first
cmd-ChooseImportReference = Reference file…
cmd-ChooseImportReference-tip = Read a reference file (CSL-JSON or BibTeX) and fill the fields from it

cmd-ExportAnnotationsMarkdown = As Markdown…
cmd-ExportAnnotationsMarkdown-tip = As Markdown…

cmd-ExportAnnotationsHtml = As HTML…
cmd-ExportAnnotationsHtml-tip = As HTML…

cmd-ExportAnnotationsCsv = As CSV…
cmd-ExportAnnotationsCsv-tip = As CSV…

cmd-ExportAnnotationsW3c = As W3C Web Annotation (JSON-LD)…
cmd-ExportAnnotationsW3c-tip = As W3C Web Annotation (JSON-LD)…
cmd-ExportAnnotationsZotero = As Zotero notes (Markdown)…
cmd-ExportAnnotationsZotero-tip = Each passage in quotation marks with its short citation and page, then your note, as Zotero writes notes from annotations

cmd-ExportNotebookArchive = As a notebook archive (everything)…
cmd-ExportNotebookArchive-tip = Write your whole notebook in one file, every kind (annotations, notes on comparisons, your comparisons, categories, people and terms, the Trash), to move it or hand it over; Import annotations reads it back
cmd-LanguageSystem = System language
cmd-LanguageSystem-tip = Speak the language of the system's settings (English where Lectern does not speak it)
cmd-LanguageEnglish = English
cmd-LanguageEnglish-tip = Speak English
cmd-LanguageRussian = Русский
cmd-LanguageRussian-tip = Говорить по-русски
cmd-CiteLectern = Lectern (short)
cmd-CiteLectern-tip = Cite as Lectern does: author, title and date, then where the text is printed and the passage's page
cmd-CiteChicagoNotes = Chicago (notes and bibliography)
cmd-CiteChicagoNotes-tip = Cite in the Chicago Manual of Style's notes and bibliography (17th edition)
cmd-CiteChicagoAuthorDate = Chicago (author-date)
cmd-CiteChicagoAuthorDate-tip = Cite in the Chicago Manual of Style's author-date system (17th edition)
cmd-CiteMla = MLA
cmd-CiteMla-tip = Cite in the Modern Language Association's style (9th edition)
cmd-CiteApa = APA
cmd-CiteApa-tip = Cite in the American Psychological Association's style (7th edition)
cmd-CiteGost = ГОСТ Р 7.0.5–2008
cmd-CiteGost-tip = Cite by the Russian standard ГОСТ Р 7.0.5–2008, numbered, with its Russian terms (Т., С.)

## Study groups
cmd-ToggleGroups = Study groups…
cmd-ToggleGroups-tip = Show or hide your study groups: their members' layers, threads and what is new
cmd-SaveMember = Save my name
cmd-SaveMember-tip = Use this name and colour in every study group you belong to
cmd-JoinGroup = Join
cmd-JoinGroup-tip = Join the study group in this folder (a folder your sync engine carries); a new folder starts a new group
cmd-LeaveGroup = Leave
cmd-LeaveGroup-tip = Leave this group on this device; its folder and what you shared in it stay
cmd-ShareWithGroup = Share with group
cmd-ShareWithGroup-tip = Put this into the group's folder, signed by you: its members can read it and reply
cmd-ReplyInGroup = Reply
cmd-ReplyInGroup-tip = Add your reply to the thread under this note
cmd-ResolveThread = Resolve
cmd-ResolveThread-tip = Mark this thread resolved for the whole group
cmd-ReopenThread = Reopen
cmd-ReopenThread-tip = Open this resolved thread again
cmd-HideRecord = Hide for me
cmd-HideRecord-tip = Hide this note on this device only; the group still has it
cmd-ShowRecord = Show again
cmd-ShowRecord-tip = Show this hidden note again
cmd-CopyRecordToNotebook = Copy to my notebook
cmd-CopyRecordToNotebook-tip = Make a copy of this note (on a passage or on a comparison) in your private notebook, yours to change
cmd-GoToRecord = Go to it
cmd-GoToRecord-tip = Open the text at this passage, or the comparison at this segment
cmd-MarkGroupRead = Mark all read
cmd-MarkGroupRead-tip = Mark everything in this group as read on this device
cmd-TrustMemberKey = Trust the new key
cmd-TrustMemberKey-tip = This member's key changed and no earlier key of theirs signed the change: trust it once you have asked them (a new device, say)
