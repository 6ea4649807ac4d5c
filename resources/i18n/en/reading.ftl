# reading

## src/ui/annotations_view/mod.rs

reading-annotations-heading = Annotations
reading-annotations-hint = Select a passage and press H or 1–6 to highlight it, N to write a note.
reading-filter-open-texts = Open texts
reading-filter-all-texts = All texts
reading-filter-search-notes = Search notes
reading-filter-all-categories = All categories
reading-filter-category = Category:
reading-filter-all-tags = All tags
reading-filter-tag = Tag:
reading-filter-text = Text:
reading-shown-count = { $count } shown
reading-export-shown = Export these

## src/ui/annotations_view/editor.rs

reading-editor-note = Note
reading-editor-tags = Tags (comma-separated)
reading-diverged-heading = Changed on two devices at once
reading-diverged-explained = Your devices changed this note while they were apart. The note above is the later one; the other is below. Nothing is lost until you choose.
reading-diverged-device = Device { $device }
reading-diverged-other-version = The other version, changed { $when }
reading-diverged-empty-note = (an empty note)
reading-diverged-keep-this = Keep this one
reading-diverged-keep-this-tip = Make this text the note
reading-diverged-keep-both = Keep both
reading-diverged-keep-both-tip = Add this text after the note
reading-diverged-keep-above = Keep the note above
reading-no-category = No category
reading-editor-category = Highlight:
reading-tag-suggestions = Add:
reading-editor-save-note = Save note
reading-editor-delete-name = Delete annotation

## src/ui/annotations_view/extras.rs

reading-categories-heading = Categories
reading-category-name-field = Name of category { $number }
reading-category-remove-name = Remove category { $number }
reading-category-remove = Remove
reading-category-in-use = Annotations use it: give them another category first
reading-category-add = Add category
reading-category-new-name = Category { $number }
reading-comparison-notes-heading = Notes on comparisons ({ $count })
reading-comparison-notes-empty = Step to a difference in a comparison (F7) and write a note on it.
reading-comparison-note-show = Show in comparison
reading-comparison-note-show-tip = Open the comparison at this note

## src/ui/annotations_view/list.rs

reading-entry-name = Annotation: { $passage }
reading-entry-diverged = changed on two devices: choose a note
reading-orphans-heading = Orphaned ({ $count })
reading-orphans-hint = Their passage changed beyond recognition. Select the right passage, then attach.
reading-trash-heading = Trash ({ $count })
reading-trash-restore-name = Restore: { $passage }
reading-trash-restore-note-name = Restore note: { $note }

## src/ui/dialogs.rs

reading-dialog-open-text-title = Open a text file
reading-dialog-filter-text = Text
reading-dialog-filter-tei = TEI collation
reading-dialog-filter-all = All files
reading-dialog-open-unavailable = Open file… needs a file dialog and this desktop offers none (install xdg-desktop-portal or zenity); `lectern --open-file FILE` opens a file from the command line.
reading-dialog-not-written = { $path } could not be written: { $error }
reading-dialog-import-annotations-unavailable = Import needs a file dialog and this desktop offers none; `lectern import-annotations FILE` imports from the command line.
reading-dialog-import-annotations-title = Import annotations
reading-dialog-filter-w3c = W3C Web Annotation
reading-dialog-reference-unavailable = Reading a reference file needs a file dialog and this desktop offers none; paste the entry into the field instead.
reading-dialog-reference-title = Reference for the imported text
reading-dialog-filter-reference = CSL-JSON or BibTeX
reading-dialog-not-read = { $path } could not be read: { $error }.
reading-dialog-import-text-unavailable = Import needs a file dialog and this desktop offers none; drop the file on the window, or use `lectern import FILE`.
reading-dialog-import-text-title = Import a text
reading-dialog-filter-import-text = Text, Markdown, web page, EPUB or PDF

## src/ui/desk.rs

reading-pane-close-name = Close pane { $number }
reading-pane-linked = Linked
reading-pane-link = Link
reading-pane-link-name = Link scrolling of pane { $number }
reading-pane-move-right-name = Move pane { $number } right
reading-pane-move-left-name = Move pane { $number } left
reading-pane-parts = Parts
reading-pane-info-name = About the text in pane { $number }
reading-pane-info-menu-tip = About this text, its parts, moving the pane

## src/ui/reader/pane.rs

reading-pane-document-name = Reading pane { $number }: { $title }
reading-editorial-note = In square brackets: inserted by the editor, { $editor }; not { $author }’s words

## src/ui/reader/pane_menus.rs

reading-menu-highlight-in = Highlight: { $name }
reading-menu-change-category = Change category
reading-menu-edit-note = Edit note…
reading-menu-write-note = Write a note…
reading-menu-copy-with-citation = Copy with citation
reading-menu-delete-highlight = Delete highlight
reading-toolbar-highlight-as = Highlight as { $name }
reading-toolbar-highlight-as-tip = Highlight as { $name } ({ $key })
reading-toolbar-note = Note
