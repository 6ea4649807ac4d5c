//! Lectern: a desktop study application for reading historical texts side by side.
//!
//! The crate is a library (so tests and benchmarks can build the whole app) and a thin
//! `lectern` binary (`src/main.rs`). Its parts:
//!
//! - [`formats`]: pure readers and writers of the formats Lectern reads and writes, beneath
//!   the model and storage and importing neither (no I/O, no threads):
//!   [`formats::text_format`] is the text file (a header of metadata, `---`, the body), also
//!   compiled into `build.rs` to check the bundled texts, with [`formats::calendar`], the one
//!   calendar (whether a date names a day; days counted for the timeline and the clock's
//!   timestamps); [`formats::ids`] names things with types of their own ([`formats::ids::TextId`]
//!   for a text, [`formats::ids::Timestamp`] for a moment), stored as the strings they were;
//!   [`formats::html`] reads the text of
//!   an HTML or XHTML page; [`formats::w3c`] is W3C Web Annotation JSON-LD (the shapes of a
//!   document, selectors, bodies, Lectern's IRIs), which the model's annotation export and
//!   import build on; [`formats::collatex`] is CollateX's JSON (its witness input and its
//!   alignment table) and [`formats::tei_parallel`] TEI P5 parallel segmentation, written and
//!   read; [`formats::references`] is a text as a reference (CSL-JSON, BibTeX, RIS) and
//!   [`formats::cite`] cites it in a CSL style (Chicago, MLA, APA, ГОСТ); [`formats::pages`]
//!   finds an edition's page markers; [`formats::pdf`] reads a PDF's text layer with its pages
//!   and footnotes; [`formats::print`] lays a document out on A4 pages as a PDF.
//! - [`model`]: the domain — texts, their paragraphs and character offsets, selections, the
//!   library, annotations ([`model::annotation_set`] holds them and their trash, changed by
//!   [`model::annotation_set::AnnotationEdit`]s), and comparisons of wordings ([`model::diff`]
//!   is the word diff with its units and normalisation, [`model::comparison`] aligns
//!   witnesses segment by segment and [`model::comparison::export`] writes them;
//!   [`model::collation`] collates two or more witnesses into one alignment, with moves, an
//!   apparatus, a variation profile, distances and TEI), and the
//!   study tools' data ([`model::people_places`], [`model::timeline`], [`model::glossary`],
//!   the reader's own people, places, spellings and terms in [`model::own_entries`], notes
//!   carried across witnesses in [`model::carry`]), and where the reader has been
//!   ([`model::reading_history`], for Back and Forward); [`model::escape`] escapes strings for
//!   Markdown and HTML, and [`model::words`] says a count with its noun. The reader's work is one
//!   [`model::notebook::Notebook`], changed only through `Notebook::edit` (typing into one
//!   annotation is one step; [`model::notebook::StepSummary`] says what Undo would change); its kinds
//!   (annotations, notes on comparisons, their Trash, the reader's comparisons, categories,
//!   study entries, carried and diverged notes) are one [`model::notebook::Kind`], and every
//!   operation on them walks the kinds or the whole `Contents` with no wildcard (a table test
//!   takes each kind through each operation); [`model::archive`] is the whole notebook in one
//!   file, and [`model::annotation_export`] says what each export format holds of each kind;
//!   [`model::sync`]
//!   merges versions of its records as sync engines bring them (stamps of a hybrid logical
//!   clock, last writer wins, a diverged note kept); [`model::group`] is a study group's layer
//!   (members and their Ed25519 keys, signed records and whether each verifies, threads of
//!   replies, the layers shown, what is new, whose key changed), and [`model::group::export`]
//!   writes it with its creators and threads. No egui, no I/O and no threads of its own
//!   (a long diff or comparison spreads its work over rayon's pool: pure data parallelism);
//!   a comparison is written to a sink the caller gives, which does the writing. Tested with
//!   plain unit tests.
//! - [`storage`]: the profile directory and Lectern's versioned files in it, written atomically
//!   off the UI thread, with rolling snapshots ([`storage::backups`]; the file's format and
//!   versions, read by both, are [`storage::annotations_format`]). The notebook is a folder
//!   of records, one file each ([`storage::notebook_dir`]), so that sync engines never carry
//!   two devices' separate work in one file; a save writes only the records that changed, and
//!   loading merges conflict copies and git's markers; [`storage::watch`] watches the folder
//!   while the window is open; imports read any common
//!   encoding, and [`storage::guess`] guesses what a file says of itself (date, title).
//!   [`storage::open::open_profile`] is the one way the window and every command open a
//!   profile: lock, imported texts, the notebook recovered and re-anchored, notices.
//!   [`storage::groups`] is who the reader is in their study groups (member, this device's
//!   signing key) and the group folders they joined, read as hostile input (no link followed,
//!   sizes, ids and versions refused and reported) and written only in the reader's own part,
//!   never through a link.
//!   [`storage::handover`] gives files opened later to the window that has the profile open.
//!   No egui.
//! - [`cli`]: the command line, one file per command (`lectern list`, `compare`, `export` …),
//!   each writing to a `Write` so that it is tested in-process; JSON through serde
//!   ([`cli::collate`] collates many witnesses). Commands
//!   open the profile as the window does, read files through the import's decoder and resolve
//!   text ids through one resolver ([`storage::text_file::wording`]); `cli::window` starts
//!   the window or hands files to the one already open; [`cli::search`] searches every kind.
//! - [`startup`]: the start-up trace (`lectern --trace-startup`): when each stage ended.
//! - [`bundled`]: the texts compiled in from `resources/texts/` (validated by `build.rs`) and
//!   the comparisons from `resources/comparisons/`.
//! - [`i18n`]: the interface's words in the reader's language (English or Russian), from Project
//!   Fluent message files compiled in (`resources/i18n/<language>/<area>.ftl`), asked for by id
//!   with [`tr!`]; the language is the UI thread's, set by the window at each frame. Pure, like
//!   the model, which words its own messages (what Undo changes, an import's report) through it.
//! - [`ui`]: eframe/egui views that read the model and return [`ui::action::Action`]s, which
//!   [`ui::app::LecternApp`] applies in one place.
//!   - [`ui::action`]: what the reader asks for, by area ([`ui::action::Action`] holds one
//!     enum per area, such as [`ui::action::DeskAction`], each carried out by its area with a
//!     match that has no wildcard), and every command without its data
//!     ([`ui::action::Command`]): one table, [`ui::action::Command::info`], gives each label,
//!     tooltip, shortcut and area. What only happens to the window (a pane scrolled, a note
//!     typed) is an event with no command. [`ui::action::action_ui`] is the one helper that
//!     draws a command as a button or menu entry.
//!   - [`ui::app`]: the window in rooms, one file each: `session` (profile, lock, saving,
//!     signals), `apply` (actions by area), `frame` (the layout), `view` (what the window
//!     shows around the panes, [`ui::app::View`]: text size, theme, side panels, the windows
//!     over the desk; it carries out the view's actions itself), `menus`, `windows`,
//!     `annotating`, `history` (Back and Forward, and the notice of a replaced pane),
//!     `comparisons`, `collation` (the open comparison's witnesses collated, each
//!     language apart, in a window over the desk), `groups` (the study groups, read off the
//!     window's thread and watched, and their actions) and `group_layers` (their layers in the
//!     panes, the comparison and the annotations panel), `search`, `text_import`, `study` (people and places, terms across
//!     translations: [`ui::app::StudyTools`]), `files`, `handover` and `sync` (what a sync
//!     engine brings while the window is open). `LecternApp` holds fourteen named parts,
//!     private to the window: each room names what it imports (no `use super::*`), and tests
//!     reach the parts through the app's methods (`desk()`, `notebook()`, `comparison()` …).
//!   - the views: [`ui::reader`] (a reading pane), [`ui::desk`] (panes side by side),
//!     [`ui::annotations_view`], [`ui::compare_view`], [`ui::library_view`],
//!     [`ui::search_view`], [`ui::backups_view`], [`ui::info_view`], [`ui::welcome`],
//!     [`ui::index_view`], [`ui::timeline_view`], [`ui::glossary_view`],
//!     [`ui::collation_view`] (a collation's Table, Apparatus and Overview),
//!     [`ui::groups_view`] (the Study groups window: members' layers, threads, what is new).
//!   - [`ui::theme`]: the reading colours; the selection and Find's marks are inverse video,
//!     measured apart from every category's highlight (CIEDE2000, WCAG contrast) by its tests.
//!   - [`ui::task`]: background work (spawn, progress, cancel, poll) for dialogs, reading
//!     files and long comparisons; [`ui::dialogs`] puts the file dialogs behind a trait.
//!   - [`ui::raster`]: painting off screen, on the CPU (egui's shapes tessellated and filled
//!     into an image), for the comparison's PNG export of every row
//!     (`ui::compare_view::picture`).
//!
//! Positions in texts are character offsets (Unicode scalar values), half-open ranges, as in
//! the W3C Web Annotation `TextPositionSelector`, typed as [`model::text::CharRange`] (bytes
//! of the UTF-8 as [`model::text::ByteRange`]) at every public door; see [`model::text`].

pub mod bundled;
pub mod cli;
pub mod formats;
pub mod i18n;
pub mod model;
pub mod startup;
pub mod storage;
#[cfg(test)]
mod testing;
pub mod ui;

/// Lectern's application id: the window's Wayland app id and X11 class, the name of its
/// desktop entry (`packaging/org.lectern.Lectern.desktop`) and of its AppStream metainfo.
pub const APP_ID: &str = "org.lectern.Lectern";

/// The most panes the desk shows side by side.
pub const MAX_PANES: usize = 3;

/// Lectern's version and the git commit it was built from.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("LECTERN_GIT_HASH"),
    ")"
);
