# compare: the comparison view (src/ui/compare_view) and the collation view
# (src/ui/collation_view).

## compare_view/mod.rs

compare-profile-custom = Custom
compare-profile-wording = Wording
compare-profile-typography = Typography
compare-profile-exact = Exact
compare-stopped-unexpectedly = The comparison stopped unexpectedly.
compare-cancelled = The comparison was cancelled.

## compare_view/view.rs

compare-close = Close comparison
compare-dock-below = Dock below texts
compare-fill-window = Fill window
compare-about = ℹ About
compare-about-name = About this comparison
compare-witnesses-menu = Witnesses ({ $count })
compare-witnesses-menu-some = Witnesses ({ $shown } of { $count })
compare-show-witness = Show { $witness }
compare-witnesses-menu-tip = Show or hide witnesses
compare-layout-columns = Columns
compare-layout-inline = Inline
compare-difference-of = Difference { $current } of { $count }
compare-differences = { $count ->
    [one] { $count } difference
   *[other] { $count } differences
}
compare-count-as-different = Count as different:
compare-ignore-case = Ignore case
compare-ignore-punctuation = Ignore punctuation
compare-unify-quotes-and-dashes = Any quotation mark or dash is the same
compare-ignore-white-space = Ignore white space
compare-yo-as-ye = ё is е
compare-fewer-with-exact = A difference is one run of changed words. Under Exact and Typography a changed comma or quotation mark counts too, so two changes with only a changed mark between them join into one longer difference: these settings can count fewer differences than Wording, each of more words.
compare-earlier-witness = the earlier witness
compare-mark-against = Mark against:
compare-earlier-witness-same-language = The earlier witness in the same language
compare-mark-against-tip = Words are compared within one language: a witness in another language than the one chosen is not marked
compare-export = Export
compare-collate = Collate
compare-note-on-difference = Note on this difference
compare-note-on-difference-tip = Write a note on the difference stepped to (F7 steps)
compare-note-on-difference-disabled = Step to a difference first (F7)
compare-key = Key:{" "}
compare-key-struck-through = struck through
compare-key-underlined = underlined
compare-key-in-italics = in italics
compare-cancelling = Cancelling…
compare-aligning = Aligning the witnesses…
compare-segments-done = { $count ->
    [one] { $done } of { $count } segment
   *[other] { $done } of { $count } segments
}
compare-columns-dont-fit = { $fit } of the { $count } witnesses fit side by side here: scroll sideways for the others, hide some under Witnesses, read them Inline.
compare-columns-dont-fit-or = { $fit } of the { $count } witnesses fit side by side here: scroll sideways for the others, hide some under Witnesses, read them Inline, or
compare-fill-window-for-columns = Fill window for all columns

## compare_view/heads.rs

compare-witnesses = Witnesses
compare-status-original = original
compare-status-translation = translation
compare-status-reconstruction = editorial reconstruction
compare-status-summary = summary, not quotation
compare-not-marked-language = Not marked: its language ({ $language }) is not that of “{ $witness }” ({ $other })
compare-in-all = In all: { $summary }

## compare_view/rows.rs

compare-note = Note
compare-note-tip = Write a note on this segment
compare-note-on-segment = Note on segment { $segment }
compare-inline-head = { $number }. { $witness } (against { $reference }.)
compare-nothing-here = This witness has nothing here
compare-carried-from = Carried from { $witness } at “{ $words }”
compare-sureness-tip = How many of the note's words this wording has too, found by the word diff of the two wordings
compare-copy-here = Copy here
compare-copy-here-tip = Make it a note of this witness, which remembers where it came from
compare-open-passage-tip = Click to open this passage in its text
compare-source = Source: { $source }
compare-note-on = Note on { $subject }
compare-note-carried-from = Carried from { $witness }, “{ $quote }”
compare-note-hint = Your note on this difference…
compare-note-name = Note { $subject }
compare-delete-note = Delete note
compare-no-category = No category
compare-category = Category

## compare_view/picture.rs

compare-picture-row-left-out = Row { $count } of { $count } left out: the image would be about { $height } px tall; export Markdown or HTML for the whole.
compare-picture-rows-left-out = Rows { $first }–{ $count } of { $count } left out: the image would be about { $height } px tall; export Markdown or HTML for the whole.
compare-picture-no-size = the picture has no size

## collation_view/mod.rs

compare-collation-tab-table = Table
compare-collation-tab-apparatus = Apparatus
compare-collation-tab-overview = Overview
compare-collation-export-tei = Export TEI…
compare-collation-export-tei-tip = Save this collation as TEI P5 parallel segmentation (readings over the apparatus's base), for an edition or another collation tool
compare-collation-export-pdf = Print to PDF…
compare-collation-export-pdf-tip = Save this collation as a PDF to print: its witnesses, its Table (every place, each reading with its witnesses) and its Apparatus over the base chosen
compare-collation-counts = { $count ->
    [one] { $count } witness
   *[other] { $count } witnesses
}, { $places ->
    [one] { $places } place
   *[other] { $places } places
}, { $variants } where they differ

## collation_view/apparatus.rs

compare-collation-variants = Variants
compare-collation-show-place = Show this place in the table
compare-collation-majority = The majority reading
compare-collation-base-text = Base text:

## collation_view/overview.rs

compare-collation-variation = Variation along the text
compare-collation-variation-name = Variation along the text: click to show that place in the table
compare-collation-distances = Distances: the share of places where each pair differs

## collation_view/table.rs

compare-collation-moved = (moved)
compare-collation-moved-here = { $reading } (moved here)
compare-collation-place = Place { $place }: { $readings }
compare-collation-witness = Witness { $witness }

## collation_view/window.rs

compare-collation-stopped = the collation stopped before it was made
compare-collation-export-stopped = the export stopped
compare-collation-exported = Exported to { $path }.
compare-collation-export-failed = The export failed: { $why }.
compare-collation-no-file-dialog = Export TEI… needs a file dialog and this desktop offers none; `lectern collate … --format tei > FILE` writes the same file.
compare-collation-export-dialog = Export the collation as TEI
compare-collation-failed = The witnesses could not be collated: { $why }.
compare-collation-collating = Collating the witnesses…
