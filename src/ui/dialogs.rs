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
