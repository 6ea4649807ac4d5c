# model

## What Undo or Redo would change (src/model/notebook/summary.rs)

model-step-comparison-note = a note on a comparison
model-step-comparison-note-text = the text of a note on a comparison
model-step-comparison-note-deletion = the deletion of a note on a comparison
model-step-categories = the categories
model-step-study = your own people, places, spellings and terms
model-step-group = { $count ->
    [one] { $count } change made together
   *[other] { $count } changes made together
}
model-step-highlight = highlight “{ $quote }”
model-step-a-highlight = a highlight
model-step-highlight-deletion = the deletion of a highlight
model-step-deletion-of = the deletion of “{ $quote }”
model-step-tags-of = tags of “{ $quote }”
model-step-note-on = note on “{ $quote }”
model-step-category-of = category of “{ $quote }”
model-step-place-of = place of “{ $quote }”
model-step-annotation = annotation “{ $quote }”

## What an import of annotations did (src/model/import_report.rs)

model-import-added = { $count ->
    [one] { $count } annotation imported
   *[other] { $count } annotations imported
}
model-import-on-text = { $count } on “{ $title }”
model-import-by-text = ({ $texts })
model-import-by-quote = { $count ->
    [one] { $count } annotation placed by its quote
   *[other] { $count } annotations placed by their quote
}
model-import-duplicates = { $count ->
    [one] { $count } annotation already there (same id) left as it was
   *[other] { $count } annotations already there (same id) left as they were
}
model-import-unknown-texts = { $count ->
    [one] { $count } annotation placed on no text kept as an orphan
   *[other] { $count } annotations placed on no text kept as orphans
}
model-import-comparison-notes = { $count ->
    [one] and { $count } note on a comparison
   *[other] and { $count } notes on comparisons
}
model-import-ambiguous = { $count ->
    [one] “{ $quote }” is in { $count } text: { $texts }; attach it by hand.
   *[other] “{ $quote }” is in { $count } texts: { $texts }; attach it by hand.
}
model-import-skipped-reason = { $count } { $reason }
model-import-skip-not-an-annotation = not an annotation
model-import-skip-no-id = no id
model-import-skip-no-target = no target
model-import-skip-damaged-comparison-notes = damaged notes on comparisons
model-import-skip-pages-not-in-file = pages not in the file (only their addresses)
model-import-skipped = { $count ->
    [one] { $count } item skipped ({ $reasons }).
   *[other] { $count } items skipped ({ $reasons }).
}
model-import-other-selectors = { $count ->
    [one] { $count } selector of other kinds ignored.
   *[other] { $count } selectors of other kinds ignored.
}

## Opening a profile (src/storage/open.rs)

model-profile-busy-process = Another Lectern (process { $pid }) has this profile open, so this window is read-only: your annotations are safe with the other one.
model-profile-busy = Another Lectern has this profile open, so this window is read-only: your annotations are safe with the other one.
model-profile-not-writable = The profile folder { $folder } cannot be written ({ $error }), so it is open read-only: nothing will be saved in this session.
model-notebook-unreadable = The notebook could not be read ({ $error }), so the profile is open read-only: nothing is changed.
model-notebook-not-moved = The notebook could not be moved into its folder ({ $error }), so the profile is open read-only: nothing is changed.
model-notebook-moved = Your notebook is now kept as one small file per annotation in the folder “notebook”, so that Syncthing, Dropbox, Nextcloud or git can carry it between machines; a snapshot of it as it was is in the backups.
model-merge-not-written = What was merged could not all be written back ({ $error }); the next save writes it.
model-notebook-folder-missing = The notebook folder { $folder } is missing and no snapshot of it was found, so the profile is open read-only: nothing is overwritten.
model-notebook-folder-restored = The notebook folder was missing: the newest snapshot ({ $snapshot }) was put back.
model-notebook-folder-not-written = It could not be written back ({ $error }).

## The texts imported into the profile (src/storage/import.rs)

model-imported-conflict-copy = { $file } is a sync engine's conflicting copy of an imported text: the text's own file is used, and the copy is left for you to compare or remove.
model-imported-file-unreadable = { $file } could not be read: { $error }
model-imported-text-unreadable = An imported text could not be read: { $error }
model-imported-file-failed = { $file } could not be read

## The notebook's folder of records (src/storage/notebook_dir.rs)

model-recovered-in-annotations = { $what } could not be read from its file (kept in the profile's local/damaged folder), so it was taken from the snapshot of { $snapshot }; it is in the annotations list.
model-recovered-in-comparison-notes = { $what } could not be read from its file (kept in the profile's local/damaged folder), so it was taken from the snapshot of { $snapshot }; it is with its comparison's notes.
model-recovered-in-trash = { $what } could not be read from its file (kept in the profile's local/damaged folder), so it was taken from the snapshot of { $snapshot }; it is in the Trash, where every snapshot that had it had it.
model-recovered-in-notebook = { $what } could not be read from its file (kept in the profile's local/damaged folder), so it was taken from the snapshot of { $snapshot }; it is back in your notebook.
model-records-newer = Some notebook records were written by a newer Lectern, so this profile is open read-only: update Lectern to change it.
model-records-merged = { $count ->
    [one] Merged { $count } conflicting copy of notebook records that a sync brought.
   *[other] Merged { $count } conflicting copies of notebook records that a sync brought.
}
model-records-diverged = { $count ->
    [one] { $count } annotation changed on two devices at once: both notes are kept; choose one in the annotation's panel.
   *[other] { $count } annotations changed on two devices at once: both notes are kept; choose one in the annotation's panel.
}
model-record-damaged = The notebook record { $file } could not be read; it is kept in the profile's local/damaged folder.
model-record-annotation = The annotation “{ $quote }” on { $text }
model-record-comparison-note = The note on “{ $quote }” in { $comparison } ({ $segment })
model-record-comparison = Your comparison “{ $title }”
model-record-categories = Your categories
model-record-study = Your people, places, spellings and terms

## The categories a new profile starts with (src/model/annotation.rs), while the reader keeps their names

model-category-key-argument = Key argument
model-category-question = Question
model-category-evidence = Evidence
model-category-disagree = Disagree
model-category-term = Term
model-category-follow-up = Follow up

## The key to a comparison's marks (src/model/comparison/export.rs)

model-key-sentence = { $marks }; { $reference }; { $counted }.
model-key-inline = Removed or replaced words are struck through, added words are underlined
model-key-inline-bold = Removed or replaced words are struck through, added words are bold
model-key-columns = Removed words are struck through in the earlier witness, added words are underlined in the later one, and changed words are in italics in both
model-marked-against-previous = each witness is marked against the nearest earlier witness in its language
model-marked-against-base-in-its-language = the witnesses in the language of “{ $label }” are marked against it; those in other languages are not marked
model-marked-against-base = every witness is marked against “{ $label }”
model-every-character-counts = every character counts
model-not-counted = differences of { $ignored } are not counted
model-ignored-case = case
model-ignored-punctuation = punctuation
model-ignored-quotes-dashes = kinds of quotation marks and dashes
model-ignored-white-space = white space

## A difference's counts (src/model/diff/marks.rs)

model-same-wording = same wording
model-words-changed = { $count ->
    [one] { $count } word changed
   *[other] { $count } words changed
}
model-words-removed = { $count ->
    [one] { $count } word removed
   *[other] { $count } words removed
}
model-words-added = { $count ->
    [one] { $count } word added
   *[other] { $count } words added
}

## Dates (src/model/timeline.rs)

model-date-day = { $day } { $month } { $year }
model-date-month = { $month } { $year }
model-date-days = { $from }–{ $to } { $month } { $year }
model-date-days-across-months = { $from } { $from_month } – { $to } { $to_month } { $year }
model-date-span = { $from } – { $to }
model-date-before = before { $date }
model-month-of = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
model-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
model-month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}

## Languages of a collation's witnesses (src/model/collation/languages.rs)

model-language-ru = Russian
model-language-en = English
model-language-ka = Georgian
model-language-uk = Ukrainian
model-language-de = German
model-language-fr = French
model-language-unknown = an unknown language
model-collation-apart = { $first } and { $last } are not collated against each other.

## A day's tick on the timeline's axis (src/model/timeline.rs)

model-tick-day = { $day } { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}

## What a note on a comparison is about (src/model/comparison/mod.rs)

model-note-subject = { $quote } for { $reference_quote } ({ $witness } against { $reference })
model-note-subject-in = { $quote } in { $witness }
model-note-subject-segment = Segment { $segment }
model-note-quoted = “{ $quote }”
model-note-nothing = nothing

## How long an imported text is (src/storage/import.rs)

model-extent-paragraphs = { $count ->
    [one] { $count } paragraph
   *[other] { $count } paragraphs
}
model-extent-parts = { $count ->
    [one] { $count } part
   *[other] { $count } parts
}
model-extent-in-parts = { $paragraphs } in { $parts }

## The kinds of the reader's work, counted (src/model/notebook/kinds.rs)

model-kind-annotation = { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
}
model-kind-trashed-annotation = { $count ->
    [one] { $count } annotation in the Trash
   *[other] { $count } annotations in the Trash
}
model-kind-comparison-note = { $count ->
    [one] { $count } note on a comparison
   *[other] { $count } notes on comparisons
}
model-kind-trashed-comparison-note = { $count ->
    [one] { $count } note on a comparison in the Trash
   *[other] { $count } notes on comparisons in the Trash
}
model-kind-carried-note = { $count ->
    [one] { $count } carried note
   *[other] { $count } carried notes
}
model-kind-comparison = { $count ->
    [one] { $count } comparison of your own
   *[other] { $count } comparisons of your own
}
model-kind-category = { $count ->
    [one] { $count } category
   *[other] { $count } categories
}
model-kind-study-entry = { $count ->
    [one] { $count } person, place, spelling or term of your own
   *[other] { $count } people, places, spellings and terms of your own
}
model-kind-diverged-note = { $count ->
    [one] { $count } note changed on another device awaiting your choice
   *[other] { $count } notes changed on other devices awaiting your choice
}
model-kinds-more-than-now = { $count ->
    [one] { $count } more than now
   *[other] { $count } more than now
}
model-kinds-fewer-than-now = { $count ->
    [one] { $count } fewer than now
   *[other] { $count } fewer than now
}
model-kinds-nothing = nothing
model-kinds-same-as-now = same as now
model-kinds-beside = { $counted } ({ $difference })
model-kinds-nothing-as-now = nothing, as now

## Re-anchoring and restoring (src/model/notebook.rs, src/model/notebook_import.rs)

model-reanchor-summary = Some texts changed since your annotations were made: { $moved } moved with their passage{ $similar }, { $orphaned } could not be placed and { $orphaned ->
    [one] is
   *[other] are
} listed under “Orphaned” in the annotations panel, with their notes.
model-reanchor-similar = {" "}({ $count } to a passage that is similar, not the same)
model-text-reanchor = Of its { $annotations }, { $moved }, { $stayed }, and { $orphaned } (kept, listed as orphaned).
model-text-reanchor-of = { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
}
model-text-reanchor-moved = { $count ->
    [one] { $count } moved with its passage
   *[other] { $count } moved with their passages
}
model-text-reanchor-stayed = { $count ->
    [one] { $count } stayed where it was
   *[other] { $count } stayed where they were
}
model-text-reanchor-orphaned = { $count } could not be placed
model-restore-nothing-differed = Nothing differed from the backup.
model-restore-brought-back = brought back { $what }
model-restore-trashed = moved to the Trash what the backup did not have ({ $what })
model-restore-kept = kept what you made since ({ $what })
model-archive-added = From the notebook archive: added { $added } (what was here already is left as it is).

## Why a file was not imported (src/storage/import.rs)

model-import-io = { $path } could not be read: { $error }.
model-import-empty = { $path } holds no text; nothing was imported.
model-import-binary = { $path } looks like a binary file, not text; nothing was imported.
model-import-undecodable = { $path } is not valid { $encoding } text; nothing was imported.
model-import-too-large = { $path } is { $size } bytes, more than the { $max } bytes Lectern imports; nothing was imported.
model-import-epub = { $path } is an EPUB Lectern cannot read: { $reason }; nothing was imported.
model-import-pdf-encrypted = { $path } is an encrypted PDF. Lectern does not decrypt files, so nothing was imported: open it in a PDF reader that has its password, save or print a copy without protection, and import that.
model-import-pdf-scanned = { $path } is a PDF of { $pages ->
    [one] one page
   *[other] { $pages } pages
} with no text in it, only pictures of pages (a scan), so nothing was imported. Give it a text layer by OCR first, for example with Tesseract (ocrmypdf --language eng+rus), and import the result.
model-import-pdf-broken = { $path } is a damaged PDF ({ $reason }), so nothing was imported. Download or export it again.
model-import-pdf-bomb = { $path } is a PDF that would take more than Lectern allows to read ({ $reason }), so nothing was imported. It may be damaged, or made to exhaust memory.
model-import-pdf-too-many-pages = { $path } has { $pages } pages, more than the { $max } Lectern reads from one PDF, so nothing was imported. Split it into volumes (for example with qpdf --split-pages=500) and import each.
model-import-storage = The copy could not be written to the profile: { $error }.

## A passage's printed pages (src/model/annotation_export.rs)

model-page = p. { $page }
model-pages = pp. { $first }–{ $last }

## Study groups: what reading a group's folder refused, and what is new.
group-refused-link = { $group }: { $file } is a link, and a group's links are not followed.
group-refused-name = { $group }: { $file } is not named as a group's file is (a plain id), so it was not read.
group-refused-large = { $group }: { $file } is { $kib } KiB, over the { $limit } KiB a group's file may be, so it was not read.
group-refused-malformed = { $group }: { $file } could not be read ({ $why }); it was left as it is.
group-refused-version = { $group }: { $file } is of version { $version }, which this Lectern does not know; a newer Lectern may read it.
group-refused-flood = { $group }: { $member } holds { $found } files, more than a member's folder may; the first { $read } were read.
group-new = { $count ->
    [one] { $count } new note from { $who } in { $group }
   *[other] { $count } new notes from { $who } in { $group }
}
group-key-changed = { $name }'s key changed in { $group }; their earlier key signed the change.
group-key-changed-unendorsed = { $name }'s key changed in { $group }, and their earlier key did not sign the change: ask { $name } whether they made it. Until then, what the new key signs shows as theirs.
group-unverified = unverified
group-unverified-tip = This record's signature does not check against a key { $name } published: it was changed by hand, written by someone else, or signed with a key { $name } no longer uses.
