//! File dialogs, off the UI thread.
//!
//! A synchronous dialog blocks the thread that shows it, so Lectern shows dialogs on a worker
//! thread and hands the result back through a channel, waking the UI when it arrives. The
//! dialogs themselves sit behind [`FileDialogs`] so that tests can script them; the app uses
//! [`NativeDialogs`] (rfd: the XDG desktop portal on Linux, with a zenity fallback).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use crate::model::text::Text;
use crate::storage::text_file::read_text_file;

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
            .set_title("Open a text file")
            .add_filter("Text", &["txt", "md", "text"])
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn pick_file(&self, title: &str, filter: &str, extensions: &[&str]) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(filter, extensions)
            .add_filter("All files", &["*"])
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
    /// The file could not be opened; the message says why.
    Failed(String),
}

/// Shows the open dialog and reads the chosen file on a worker thread; the result arrives on
/// the returned channel, and `ctx` is asked to repaint when it does.
pub fn open_text_file(dialogs: Arc<dyn FileDialogs>, ctx: egui::Context) -> Receiver<OpenOutcome> {
    let (sender, receiver) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("lectern-open-file".into())
        .spawn(move || {
            if !dialogs.available() {
                let _ = sender.send(OpenOutcome::Failed(
                    "Open file… needs a file dialog and this desktop offers none (install \
                     xdg-desktop-portal or zenity); `lectern --open-file FILE` opens a file from \
                     the command line."
                        .into(),
                ));
                ctx.request_repaint();
                return;
            }
            let outcome = match dialogs.pick_text_file() {
                None => OpenOutcome::Cancelled,
                Some(path) => match read_text_file(&path) {
                    Ok(text) => OpenOutcome::Opened(Box::new(text)),
                    Err(e) => OpenOutcome::Failed(e.to_string()),
                },
            };
            let _ = sender.send(outcome);
            ctx.request_repaint();
        });
    if let Err(e) = spawned {
        log::error!("could not start the file dialog: {e}");
    }
    receiver
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

/// Asks where to save `bytes` and writes them there, on a worker thread. Where no dialog can
/// be shown, the file goes into `fallback_dir` (and the outcome names it).
pub fn save_file(
    dialogs: Arc<dyn FileDialogs>,
    ctx: egui::Context,
    title: String,
    file_name: String,
    bytes: Vec<u8>,
    fallback_dir: Option<PathBuf>,
) -> Receiver<SaveOutcome> {
    let (sender, receiver) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("lectern-export".into())
        .spawn(move || {
            let chosen = if dialogs.available() {
                dialogs.save_file(&title, &file_name)
            } else {
                fallback_dir.map(|dir| {
                    let _ = std::fs::create_dir_all(&dir);
                    dir.join(&file_name)
                })
            };
            let outcome = match chosen {
                None => SaveOutcome::Cancelled,
                Some(path) => match std::fs::write(&path, &bytes) {
                    Ok(()) => SaveOutcome::Saved(path),
                    Err(e) => {
                        SaveOutcome::Failed(format!("{} could not be written: {e}", path.display()))
                    }
                },
            };
            let _ = sender.send(outcome);
            ctx.request_repaint();
        });
    if let Err(e) = spawned {
        log::error!("could not start the save dialog: {e}");
    }
    receiver
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
    ctx: egui::Context,
) -> Receiver<ReadOutcome> {
    let (sender, receiver) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("lectern-import-annotations".into())
        .spawn(move || {
            let outcome = if !dialogs.available() {
                ReadOutcome::Failed(
                    "Import needs a file dialog and this desktop offers none; \
                     `lectern import-annotations FILE` imports from the command line."
                        .into(),
                )
            } else {
                match dialogs.pick_file(
                    "Import annotations",
                    "W3C Web Annotation",
                    &["jsonld", "json"],
                ) {
                    None => ReadOutcome::Cancelled,
                    Some(path) => match std::fs::read_to_string(&path) {
                        Ok(text) => ReadOutcome::Read(text),
                        Err(e) => ReadOutcome::Failed(format!(
                            "{} could not be read: {e}.",
                            path.display()
                        )),
                    },
                }
            };
            let _ = sender.send(outcome);
            ctx.request_repaint();
        });
    if let Err(e) = spawned {
        log::error!("could not start the import dialog: {e}");
    }
    receiver
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
pub fn read_import_file(
    path: PathBuf,
    ctx: egui::Context,
) -> (Receiver<ImportOutcome>, ReadProgress) {
    read_import_with(move || Some(path), ctx)
}

/// Asks for a file and reads it as a text to import, off the UI thread.
pub fn pick_import_file(
    dialogs: Arc<dyn FileDialogs>,
    ctx: egui::Context,
) -> (Receiver<ImportOutcome>, ReadProgress) {
    if !dialogs.available() {
        let (sender, receiver) = mpsc::channel();
        let _ = sender.send(ImportOutcome::Failed(
            "Import needs a file dialog and this desktop offers none; drop the file on the \
             window, or use `lectern import FILE`."
                .into(),
        ));
        return (receiver, Arc::default());
    }
    read_import_with(
        move || {
            dialogs.pick_file(
                "Import a text",
                "Text, Markdown or web page",
                &["txt", "md", "markdown", "text", "html", "htm", "xhtml"],
            )
        },
        ctx,
    )
}

/// How far the reading of a file has come: (bytes read, bytes in all).
pub type ReadProgress = Arc<(std::sync::atomic::AtomicU64, std::sync::atomic::AtomicU64)>;

fn read_import_with(
    choose: impl FnOnce() -> Option<PathBuf> + Send + 'static,
    ctx: egui::Context,
) -> (Receiver<ImportOutcome>, ReadProgress) {
    use crate::storage::import::{ImportMeta, MAX_IMPORT_BYTES, read_import_with_progress};
    use std::sync::atomic::Ordering;
    let progress: ReadProgress = Arc::default();
    let shared = progress.clone();
    let (sender, receiver) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("lectern-import".into())
        .spawn(move || {
            let report = |done: u64, total: u64| {
                shared.0.store(done, Ordering::Relaxed);
                shared.1.store(total, Ordering::Relaxed);
                ctx.request_repaint();
            };
            let outcome = match choose() {
                None => ImportOutcome::Cancelled,
                Some(path) => match read_import_with_progress(
                    &path,
                    &ImportMeta::default(),
                    MAX_IMPORT_BYTES,
                    &report,
                ) {
                    Ok((text, encoding)) => ImportOutcome::Read(Box::new(text), encoding),
                    Err(e) => ImportOutcome::Failed(format!("{e}.")),
                },
            };
            let _ = sender.send(outcome);
            ctx.request_repaint();
        });
    if let Err(e) = spawned {
        log::error!("could not start the import: {e}");
    }
    (receiver, progress)
}
