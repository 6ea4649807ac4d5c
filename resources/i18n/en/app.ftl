# app

notice-no-profile = No profile folder could be opened, so nothing will be saved in this session.
menu-language = Language
menu-citation-style = Citation style

## annotating.rs

app-undid = Undid: { $what }
app-redid = Redid: { $what }
app-read-only-no-changes = This profile is open read-only, so annotations cannot be changed in this window.
app-nothing-restored = Nothing was restored: { $error }.
app-nothing-restored-not-kept = Nothing was restored: the notebook as it is could not be kept first ({ $error }).
app-restored = Restored the backup of { $at }. { $what } The notebook as it was is kept as the backup { $kept }.
app-restored-undoable = Restored the backup of { $at }. { $what } The notebook as it was is kept as the backup { $kept }. Undo (Ctrl+Z) takes the restore back.

## apply.rs

app-wording-number = Wording { $number }
app-pasted-wordings = Pasted wordings

## collation.rs

app-collation-window = Collation — { $title }
app-collation-stopped = the collation stopped before it was made
app-collation-language = Language:
app-collation-failed = The witnesses could not be collated: { $error }.
app-collating = Collating the witnesses…
app-collate-no-comparison = Open a comparison to collate its witnesses.
app-collate-too-few = Collating needs at least two witnesses in one language; this comparison has none.

## comparisons.rs

app-note-comparison-gone = The comparison this note is on is no longer available; the note keeps the wordings it was about.
app-comparison-gone = That comparison is no longer available.
app-compare-selections-how = To compare selections, select a passage in each of two panes (open a second text with Beside).
app-selections-title = Selections: { $labels }
app-compare-texts-how = To compare texts, open two or three texts side by side first.
app-texts-title = Texts: { $labels }
app-passage-not-found = The passage was not found in “{ $title }”: the text may have changed.

## files.rs

app-text-not-put-back = The text could not be put back: { $error }.
app-text-not-removed = The text was not removed: { $error }.
app-export-dialog-title = Export the comparison
app-drawing-stopped = the drawing stopped unexpectedly
app-no-image = No image was made: { $error }.
app-export-stopped = the export stopped
app-exported-to-left-out = Exported to { $path }. { $left_out }
app-exported-to = Exported to { $path }.
app-export-failed = The export failed: { $error }.
app-import-stopped = The import stopped unexpectedly.
app-nothing-imported-file-has = Nothing was imported: the file has { $error }.
app-nothing-imported = Nothing was imported: { $error }.
app-drop-read-only = This window is read-only: dropped files are not imported
app-drop-one = Drop to import “{ $name }” into your library
app-drop-many = { $count ->
    [one] Drop to import { $count } file into your library
   *[other] Drop to import { $count } files into your library, one after another
}
app-file-dialog-closed = The file dialog closed unexpectedly; nothing was opened.

## handover.rs

app-handed-opened = Opened in the Lectern window that has this profile open: { $said }.
app-handed-given = Given to the Lectern window that has this profile open: { $said }.
app-handed-comparing = Comparing “{ $first }” with “{ $second }” in the Lectern window that has this profile open.
app-handed-read-only = the window has this profile open read-only
app-in-library-notice = “{ $title }” is in the library: all three panes are in use.
app-handed-no-file = no file was given to import
app-file-not-opened = { $path } could not be opened: { $error }

## history.rs

app-replaced = “{ $title }” now shows in pane { $pane } in place of “{ $old }”. Back (Alt+Left) brings “{ $old }” back where you were.

## menus.rs

app-menu-file = File
app-menu-export-annotations = Export annotations
app-menu-of-all-texts = Of all texts
app-menu-of-current-text = Of the current text
app-menu-edit = Edit
app-menu-highlight-in = Highlight: { $category }
app-menu-view = View
app-menu-pane = Pane
app-menu-compare = Compare
app-menu-help = Help
app-menu-version = Lectern { $version }

## mod.rs

app-no-text-with-id = There is no text with the id “{ $id }” (`lectern list` shows them).

## search.rs

app-hit-note-on-text = Note on “{ $title }”
app-hit-tag-on-text = Tag “{ $tag }” on “{ $title }”
app-hit-comparison-note = Note on “{ $title }”, { $segment }
app-hit-wording = “{ $title }”, { $segment }, { $witness }

## session.rs

app-profile-not-opened = The profile could not be opened: { $error }.
app-pane-text-gone = A pane showed “{ $text }”, which is not in the library any more; it was closed.
app-not-saved = Your work could not be saved ({ $error }). It is kept in memory and Lectern will try again.

## sync.rs

app-sync-not-read = What a sync brought could not be read ({ $error }).

## text_import.rs

app-it-not-in-library = it is not in the library
app-it-open-in-pane = it is open in pane { $pane }
app-it-open = it is open
app-it-open-beside = it is open in pane { $pane }, beside “{ $beside }”
app-it-in-library = it is in the library: all three panes are in use
app-titled-not-in-library = “{ $title }” is not in the library
app-titled-open-in-pane = “{ $title }” is open in pane { $pane }
app-titled-open = “{ $title }” is open
app-titled-open-beside = “{ $title }” is open in pane { $pane }, beside “{ $beside }”
app-titled-in-library = “{ $title }” is in the library: all three panes are in use
app-dropped-read-only = { $count ->
    [one] This window is read-only, so the file dropped was not imported.
   *[other] This window is read-only, so the files dropped were not imported.
}
app-no-profile-to-import = No profile folder is open, so nothing can be imported.
app-folder-not-created = { $folder } could not be created: { $error }
app-reimported = Re-imported “{ $title }” ({ $encoding }) into the library and your profile; { $place }.
app-imported = Imported “{ $title }” ({ $encoding }) into the library and your profile; { $place }.
app-import-window = Import a text
app-import-read-as = { $extent }, read as { $encoding }. Check what the file says of itself:
app-import-title = Title
app-import-author = Author
app-import-date = Date (YYYY, YYYY-MM or YYYY-MM-DD)
app-import-language = Language (en, ru, ka …)
app-import-source = Source
app-import-translator = Translator
app-import-reference = Printed in (Collected Works, vol. 42, pp. 421–423)
app-import-url = Web address
app-import-from-reference = From a reference (Zotero, BibTeX)
app-import-reference-source = Reference entry (CSL-JSON or BibTeX)
app-import-reference-hint = Paste Zotero's Export item (CSL JSON) or a BibTeX entry
app-import-reference-unreadable = This is not CSL-JSON or BibTeX Lectern can read: { $error }
app-import-reference-empty = The reference holds no entry.
app-import-reference-taken = { $count ->
    [one] Filled from “{ $title }”.
   *[other] Filled from “{ $title }”, one of { $count } entries.
}

## windows.rs

app-removed-banner = “{ $title }” was taken out of the library; its file and your annotations on it are kept.
app-read-only-banner = This profile is open read-only: changes in this session are not saved.
app-dismiss = Dismiss
app-status-pane = Pane { $pane } · paragraph { $at } of { $of } · { $percent }%
app-status-selected = { $count ->
    [one] { $count } character selected
   *[other] { $count } characters selected
}
app-status-no-text = No text open
app-status-font-size = { $size } pt
app-status-reading-mb = Reading { $done } of { $total } MB
app-status-reading-pages = Reading page { $done } of { $total }
app-status-reading-file = Reading the file…
app-paste-window = Compare pasted wordings
app-paste-how = Paste or type two to six wordings; the first is the one the others are marked against.
app-paste-add = Add a wording
app-paste-compare = Compare the wordings
app-paste-fill-two = Fill in at least two wordings
app-shortcuts-window = Keyboard shortcuts
app-shortcuts-close = Esc or F1 closes this window.
app-import-path-window = Import a text from a file
app-import-path-how = This desktop offers no file dialog: type or paste the path of a text, Markdown, HTML, EPUB or PDF file (or drop the file on the window).
app-import-path-label = Path of the file
app-import-path-hint = /home/you/letters/1923-03-05 to Trotsky.txt
app-import-path-read = Read the file
app-cancel = Cancel
app-import-path-no-file = There is no file at “{ $path }”.
app-shortcuts-reading = Reading
app-shortcuts-annotations = Highlights and notes
app-shortcuts-comparing = Comparing
app-shortcuts-finding = Finding
app-shortcuts-window-group = The window
app-shortcuts-files = Files
app-keys-scroll = Up / Down arrows, Page Up / Page Down, Space
app-keys-scroll-what = Scroll the active pane
app-keys-home-end = Home / End
app-keys-home-end-what = Go to the start / end of the text
app-keys-clicks = Double-click / triple-click
app-keys-clicks-what = Select a word / a paragraph
app-keys-shift-click = Shift-click
app-keys-shift-click-what = Extend the selection
app-keys-filter-enter = Enter / Ctrl+Enter in the filter
app-keys-filter-enter-what = Open the first match / beside
app-keys-ctrl-click-result = Ctrl-click on a result
app-keys-ctrl-click-result-what = Open it beside
app-keys-or = { $first } or { $second }

## The Study groups window.
groups-window = Study groups
groups-you = You
groups-choose-name = The name and colour your groups see. Your notes stay private until you share one.
groups-name = Name
groups-colour = The colour of your layer
groups-join = Join a group
groups-join-explained = A group is a folder that every member's sync engine carries (Syncthing, Dropbox, Nextcloud, git). Give its path; an empty folder starts a new group.
groups-folder = Folder
groups-group-name = Call it
groups-highlight-by = Colour others' highlights by
groups-by-member = member
groups-by-category = category
groups-reading = Reading the groups…
groups-new-count = { $count } new
groups-show-layers = Show this group's layers
groups-members = Members (each a layer: untick to hide it)
groups-you-are = { $name } (you)
groups-select-to-share = Select one of your annotations to share it here.
groups-new-in = New in { $group }
groups-show-more = Show { $count } more
groups-new = new
groups-hidden = Hidden for you.
groups-resolved = Resolved.
groups-your-reply = Your reply
groups-joined = Joined { $group }.
groups-shared = Shared with { $group }.
groups-failed = The study group could not be changed: { $error }
groups-copied-from = From { $who } in { $group }
groups-passage-not-here = The passage this note is on is not in your library.
groups-comparison-not-here = The comparison this note is on is neither in your library nor shared in your groups.
groups-copied = Copied into your notebook.
groups-shared-comparison-unusable = This comparison cannot be opened: it is incomplete, or its id is not a plain name.
groups-panel-layer = Notes shown
groups-panel-mine = Mine
groups-panel-everyone = { $group }: everyone
groups-you-and-folders = Your name, and joining a group
groups-share-comparison = Or a note on a comparison
groups-choose-note = Choose…
groups-comparison-item = The comparison “{ $title }”
