//! File dialogs, off the UI thread.
//!
//! A synchronous dialog blocks the thread that shows it, so Lectern shows dialogs in a
//! [`Task`]: on a worker thread, with the result handed back and the UI woken when it arrives. The
//! dialogs themselves sit behind [`FileDialogs`] so that tests can script them; the app uses
//! [`NativeDialogs`] (rfd: the XDG desktop portal on Linux, with a zenity fallback).

use std::path::PathBuf;
use std::sync::Arc;

use crate::model::text::Text;
use crate::storage::text_file::read_text_file;
use crate::ui::task::Task;

/// The dialogs Lectern needs. Implementations block; they are only called off the UI thread.
pub trait FileDialogs: Send + Sync {
    /// Asks the user for a text file to open; `None` when they cancel.
    fn pick_text_file(&self) -> Option<PathBuf>;
    /// Asks the user for a file of the kind `filter` names (`extensions` without dots).
    fn pick_file(&self, title: &str, filter: &str, extensions: &[&str]) -> Option<PathBuf>;
    /// Asks the user where to save a file, suggesting `file_name`; `None` when they cancel.
    fn save_file(&self, title: &str, file_name: &str) -> Option<PathBuf>;
    /// Whether a dialog can be shown at all (a desktop without a file dialog service cannot).
    fn available(&self) -> bool;
}

/// The platform's own dialogs, through rfd.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_text_file(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(crate::tr!("reading-dialog-open-text-title"))
            .add_filter(
                crate::tr!("reading-dialog-filter-text"),
                &["txt", "md", "text", "html", "htm", "epub", "pdf"],
            )
            .add_filter(crate::tr!("reading-dialog-filter-tei"), &["xml", "tei"])
            .add_filter(crate::tr!("reading-dialog-filter-all"), &["*"])
            .pick_file()
    }

    fn pick_file(&self, title: &str, filter: &str, extensions: &[&str]) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(filter, extensions)
            .add_filter(crate::tr!("reading-dialog-filter-all"), &["*"])
            .pick_file()
    }

    fn available(&self) -> bool {
        if !cfg!(target_os = "linux") {
            return true;
        }
        // rfd asks the desktop portal over the session bus, else runs zenity.
        let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
        let zenity = std::env::var_os("PATH").is_some_and(|paths| {
            std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file())
        });
        bus || zenity
    }

    fn save_file(&self, title: &str, file_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(file_name)
            .save_file()
    }
}

/// What came of "Open file…".
pub enum OpenOutcome {
    /// The user cancelled the dialog.
    Cancelled,
    /// The file was read.
    Opened(Box<Text>),
    /// The file is a TEI parallel-segmentation collation: its title and witnesses, to be
    /// collated in the collation window.
    Collation {
        /// Its title.
        title: String,
        /// Its witnesses.
        witnesses: Vec<crate::model::collation::WitnessText>,
    },
    /// The file could not be opened; the message says why.
    Failed(String),
}

/// Shows the open dialog and reads the chosen file, off the UI thread.
pub fn open_text_file(dialogs: Arc<dyn FileDialogs>, ctx: &egui::Context) -> Task<OpenOutcome> {
    Task::spawn("lectern-open-file", ctx, move |_| {
        if !dialogs.available() {
            return OpenOutcome::Failed(crate::tr!("reading-dialog-open-unavailable"));
        }
        let Some(path) = dialogs.pick_text_file() else {
            return OpenOutcome::Cancelled;
        };
        match crate::storage::text_file::read_collation_file(&path) {
            Some(Ok((title, witnesses))) => OpenOutcome::Collation { title, witnesses },
            Some(Err(why)) => OpenOutcome::Failed(why),
            None => match read_text_file(&path) {
                Ok(text) => OpenOutcome::Opened(Box::new(text)),
                Err(e) => OpenOutcome::Failed(e.to_string()),
            },
        }
    })
}

/// What came of an export.
#[derive(Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// The user cancelled the dialog.
    Cancelled,
    /// Written to this file.
    Saved(PathBuf),
    /// Could not be written; the message says why.
    Failed(String),
}

/// Asks where to save `bytes` and writes them there, off the UI thread. Where no dialog can
/// be shown, the file goes into `fallback_dir` (and the outcome names it).
pub fn save_file(
    dialogs: Arc<dyn FileDialogs>,
    ctx: &egui::Context,
    title: String,
    file_name: String,
    bytes: Vec<u8>,
    fallback_dir: Option<PathBuf>,
) -> Task<SaveOutcome> {
    Task::spawn("lectern-export", ctx, move |_| {
        let chosen = if dialogs.available() {
            dialogs.save_file(&title, &file_name)
        } else {
            fallback_dir.map(|dir| {
                let _ = std::fs::create_dir_all(&dir);
                dir.join(&file_name)
            })
        };
        match chosen {
            None => SaveOutcome::Cancelled,
            Some(path) => match std::fs::write(&path, &bytes) {
                Ok(()) => SaveOutcome::Saved(path),
                Err(e) => {
                    let (path, error) = (path.display().to_string(), e.to_string());
                    let why = crate::tr!("reading-dialog-not-written", path = path, error = error);
                    SaveOutcome::Failed(why)
                }
            },
        }
    })
}

/// What came of "Import annotations…": the file's contents, read on a worker thread.
pub enum ReadOutcome {
    /// The user cancelled.
    Cancelled,
    /// The file's text.
    Read(String),
    /// It could not be read; the message says why.
    Failed(String),
}

/// Asks for a W3C annotations file and reads it, off the UI thread.
pub fn read_annotations_file(
    dialogs: Arc<dyn FileDialogs>,
    ctx: &egui::Context,
) -> Task<ReadOutcome> {
    let asked = Asked {
        unavailable: crate::tr!("reading-dialog-import-annotations-unavailable"),
        title: crate::tr!("reading-dialog-import-annotations-title"),
        filter: crate::tr!("reading-dialog-filter-w3c"),
        extensions: &["jsonld", "json"],
    };
    read_picked_file("lectern-import-annotations", dialogs, ctx, asked)
}

/// Asks for a reference file (CSL-JSON from Zotero, or BibTeX) and reads it, off the UI
/// thread.
pub fn read_reference_file(
    dialogs: Arc<dyn FileDialogs>,
    ctx: &egui::Context,
) -> Task<ReadOutcome> {
    let asked = Asked {
        unavailable: crate::tr!("reading-dialog-reference-unavailable"),
        title: crate::tr!("reading-dialog-reference-title"),
        filter: crate::tr!("reading-dialog-filter-reference"),
        extensions: &["json", "bib"],
    };
    read_picked_file("lectern-read-reference", dialogs, ctx, asked)
}

/// What a dialog for a file to read asks, in the window's language: why it cannot be shown,
/// its title, and the kind of file with its extensions.
struct Asked {
    unavailable: String,
    title: String,
    filter: String,
    extensions: &'static [&'static str],
}

/// Asks for a file as `asked` says and reads it as text, on the worker thread `name`.
fn read_picked_file(
    name: &'static str,
    dialogs: Arc<dyn FileDialogs>,
    ctx: &egui::Context,
    asked: Asked,
) -> Task<ReadOutcome> {
    Task::spawn(name, ctx, move |_| {
        if !dialogs.available() {
            return ReadOutcome::Failed(asked.unavailable);
        }
        match dialogs.pick_file(&asked.title, &asked.filter, asked.extensions) {
            None => ReadOutcome::Cancelled,
            Some(path) => match std::fs::read_to_string(&path) {
                Ok(text) => ReadOutcome::Read(text),
                Err(e) => {
                    let (path, error) = (path.display().to_string(), e.to_string());
                    let why = crate::tr!("reading-dialog-not-read", path = path, error = error);
                    ReadOutcome::Failed(why)
                }
            },
        }
    })
}

/// What came of "Import text…" (or a file dropped on the window): the file read and
/// decoded, not yet written anywhere.
pub enum ImportOutcome {
    /// The user cancelled.
    Cancelled,
    /// Read: the text (metadata guessed from the file) and its encoding.
    Read(Box<Text>, &'static str),
    /// Not readable; the message says why (nothing was changed).
    Failed(String),
}

/// Reads `path` as a text to import, off the UI thread.
pub fn read_import_file(path: PathBuf, ctx: &egui::Context) -> Task<ImportOutcome> {
    read_import_with(move || Some(path), ctx)
}

/// Asks for a file and reads it as a text to import, off the UI thread.
pub fn pick_import_file(dialogs: Arc<dyn FileDialogs>, ctx: &egui::Context) -> Task<ImportOutcome> {
    if !dialogs.available() {
        let why = crate::tr!("reading-dialog-import-text-unavailable");
        return Task::ready(ImportOutcome::Failed(why));
    }
    read_import_with(
        move || {
            let title = crate::tr!("reading-dialog-import-text-title");
            let filter = crate::tr!("reading-dialog-filter-import-text");
            let extensions = [
                "txt", "md", "markdown", "text", "html", "htm", "xhtml", "epub", "pdf",
            ];
            dialogs.pick_file(&title, &filter, &extensions)
        },
        ctx,
    )
}

/// Chooses a file with `choose` and reads it as a text to import, reporting the bytes read.
fn read_import_with(
    choose: impl FnOnce() -> Option<PathBuf> + Send + 'static,
    ctx: &egui::Context,
) -> Task<ImportOutcome> {
    use crate::storage::import::{
        ImportMeta, MAX_IMPORT_BYTES, ReadProgress, read_import_with_progress,
    };
    let repaint = ctx.clone();
    Task::spawn("lectern-import", ctx, move |progress| {
        let report = |read: ReadProgress| {
            match read {
                ReadProgress::Bytes(done, total) => progress.set(done, total),
                ReadProgress::Pages(done, all) => progress.set_pages(done as u64, all as u64),
            }
            repaint.request_repaint();
        };
        match choose() {
            None => ImportOutcome::Cancelled,
            Some(path) => {
                match read_import_with_progress(
                    &path,
                    &ImportMeta::default(),
                    MAX_IMPORT_BYTES,
                    &report,
                ) {
                    Ok((text, encoding)) => ImportOutcome::Read(Box::new(text), encoding),
                    Err(e) => ImportOutcome::Failed(e.told()),
                }
            }
        }
    })
}
