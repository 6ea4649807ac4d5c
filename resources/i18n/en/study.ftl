# study

## People and places (src/ui/index_view.rs)

study-index-title = People and places
study-index-filter = Filter people and places
study-index-people = People
study-index-places = Places
study-index-caption-only = { $name } — named only in a caption left out
study-index-choose = Choose a person or place to see who or what it is and every mention.
study-index-source-wikidata = Source: { $source } · Wikidata { $wikidata }
study-index-source = Source: { $source }
study-index-found-as = Found as: { $spellings }
study-index-mentions-in-texts-and-comparisons = { $count ->
        [one] { $count } mention
       *[other] { $count } mentions
    } in { $texts ->
        [one] { $texts } text
       *[other] { $texts } texts
    } and { $comparisons ->
        [one] { $comparisons } comparison
       *[other] { $comparisons } comparisons
    }
study-index-mentions-in-texts = { $count ->
        [one] { $count } mention
       *[other] { $count } mentions
    } in { $texts ->
        [one] { $texts } text
       *[other] { $texts } texts
    }
study-index-another-spelling = Another spelling
study-index-add-spelling = Add the spelling
study-index-add-spelling-tip = Find this person or place under this spelling too (kept in your profile)
study-index-comparison-head = Comparison: { $title } — { $count }
study-index-more-in-comparison = … and { $count } more: open the comparison to read them
study-index-add-entity-head = Add a person or place
study-index-person = Person
study-index-place = Place
study-index-name = Name
study-index-spellings = Spellings (comma-separated)
study-index-russian-forms = Russian forms (a final * takes endings)
study-index-who-or-what = Who or what
study-index-entity-source = Source
study-index-add-entity = Add the person or place
study-index-add-entity-tip = Kept in your profile with your annotations; a name and who or what it is are needed
study-index-show-in-panes = Show mentions in the open panes
study-index-show-in-panes-tip = Mark every mention of the chosen person or place in the texts open

## About this text (src/ui/info_view.rs)

study-info-title = About this text
study-info-editorial-notes = Editorial notes
study-info-editorial-changes = Editorial changes
study-info-omitted = Left out of the text (as in the source)
study-info-part = { $part } (from paragraph { $paragraph })
study-info-parts = Parts
study-info-context-before = Before: { $remark }
study-info-context-after = After: { $remark }
study-info-context = The source’s editorial remarks around this text
study-info-author = Author
study-info-date = Date
study-info-kind = Kind
study-info-translator = Translator
study-info-collected-works = Collected Works
study-info-russian-original = Russian original
study-info-first-published = First published
study-info-source-title = Title in the source
study-info-web-page = Web page
study-info-square-brackets = Square brackets
study-info-square-brackets-value = inserted by the editor ({ $editor }), not the author’s words; shown in italics
study-info-source = Source
study-info-licence = Licence
study-info-credit = Credit
study-info-language = Language
study-info-length = Length
study-info-length-value = { $count ->
        [one] { $count } paragraph
       *[other] { $count } paragraphs
    }, { $characters ->
        [one] { $characters } character
       *[other] { $characters } characters
    }
study-info-id = Id
study-info-content-hash = Content hash

## Timeline (src/ui/timeline_view.rs)

study-timeline-title = Timeline
study-timeline-zoom-in = Zoom in
study-timeline-zoom-in-tip = Show fewer days (+)
study-timeline-zoom-out = Zoom out
study-timeline-zoom-out-tip = Show more days (−)
study-timeline-show-all = Show all
study-timeline-show-all-tip = The documents of the period; again, every entry (the introduction of 2022 too)
study-timeline-previous = Previous entry
study-timeline-next = Next entry
study-timeline-axis = Timeline axis
study-timeline-documents = Documents
study-timeline-events = Events
study-timeline-none-dated = No text or event is dated.
study-timeline-document = Document
study-timeline-event = Event
study-timeline-dated-day = { $kind }; dated to a day. Source: { $source }
study-timeline-dated-range = { $kind }; dated to a span of days. Source: { $source }
study-timeline-dated-month = { $kind }; dated to a month. Source: { $source }
study-timeline-dated-year = { $kind }; dated to a year. Source: { $source }
study-timeline-dated-before = { $kind }; dated to before a day. Source: { $source }
study-timeline-open-passage = Open the passage
study-timeline-open-text = Open the text
study-timeline-open-comparison = Open the comparison
study-timeline-undated = Not on the timeline (no date): { $titles }

## Terms across translations (src/ui/glossary_view.rs)

study-glossary-title = Terms across translations
study-glossary-show-marks = Mark the chosen term in the open panes and the comparison
study-glossary-choose = Choose a term to see its renderings and mark them in the open texts.
study-glossary-source = Source: { $source }
study-glossary-rendering = Rendering
study-glossary-in-library = In the library
study-glossary-used-in = Used in
study-glossary-endings = A rendering ending in … takes Russian case endings.
study-glossary-add-term-head = Add a term
study-glossary-concept = Concept
study-glossary-what-it-is = What it is
study-glossary-term-source = Source
study-glossary-renderings = Renderings, one a line (ru: федераци* — Russian)
study-glossary-add-term = Add the term
study-glossary-add-term-tip = Kept in your profile with your annotations; a concept, what it is and two renderings are needed

## Find in text and Search everything (src/ui/search_view.rs)

study-find-in = Find in “{ $title }”
study-find-hint = word or phrase
study-find-preparing = preparing…
study-find-no-matches = no matches
study-find-current-of = { $current } of { $count }
study-find-matches = { $count ->
        [one] { $count } match
       *[other] { $count } matches
    }
study-whole-words = Whole words
study-match-case = Match case
study-search-more-in-text = … and { $count } more: open the text and press F3 to step on
study-search-title = Search everything
study-search-field = Search texts and notes
study-search-field-tip = Texts, the notes and tags of annotations, notes on comparisons and the comparisons' wordings
study-search-also-searched = Also searched: { $spellings }
study-search-also-searched-tip = The other spellings of the person or place the query names, from People and places (your own spellings included)
study-search-empty = Type a word or phrase: case, accents, ё/е and line breaks do not matter.
study-search-summary-preparing = { $count ->
        [one] { $count } match
       *[other] { $count } matches
    } in { $texts ->
        [one] { $texts } text
       *[other] { $texts } texts
    } · { $others } in notes and comparisons (still preparing some texts…)
study-search-summary = { $count ->
        [one] { $count } match
       *[other] { $count } matches
    } in { $texts ->
        [one] { $texts } text
       *[other] { $texts } texts
    } · { $others } in notes and comparisons
study-search-open-text-at-match = Open the text at this match
study-search-show-annotation = Show this annotation in its text
study-search-open-comparison-at-note = Open the comparison at this note
# Also People and places' tooltip on a mention in a comparison.
study-open-comparison-at-segment = Open the comparison at this segment

## Library panel (src/ui/library_view.rs)

study-library-heading = Library
study-library-no-match = No text matches the filter.
study-library-undated = Undated
study-library-filter = Filter
study-library-filter-hint = title, author, date, reference…
study-library-comparisons = Comparisons
study-library-open-comparison-tip = Open this comparison of wordings
study-library-beside-full-tip = Three panes are open: close one to open another beside them
study-library-beside = Beside
study-library-beside-name = Open beside: { $title }
study-library-beside-disabled-tip = Three panes are open: close one first
study-library-about = About
study-library-about-name = About: { $title }
study-library-remove = Remove
study-library-remove-name = Remove: { $title }
study-library-remove-tip = Take this imported text out of the library (your annotations on it are kept; the removal can be undone)
study-library-open-mark = • open

## Restore from backup (src/ui/backups_view.rs)

study-backups-previous-save = Previous save, { $date }
study-backups-title = Restore from backup
study-backups-about = Lectern keeps snapshots of your whole notebook: the last ten saves at least ten minutes apart, and one a day for thirty days. Restoring one is a single change that drops nothing: annotations and notes on comparisons the backup lacks go to the Trash, what else you made since is kept, and Undo takes the whole restore back.
study-backups-none = There are no backups yet.
study-backups-unreadable = cannot be read: { $reason }

## Start screen (src/ui/welcome.rs)

study-welcome-heading = Nothing open yet
study-welcome-click-title = Click a title in the library to read it here.
study-welcome-beside = “Beside” opens a second or third text next to the first.
study-welcome-keys = Ctrl+L filters the library; Enter opens the first match, Ctrl+Enter opens it beside.
study-welcome-invitation = Or begin with the comparison at the heart of this corpus:

study-source-the-reader = The reader
