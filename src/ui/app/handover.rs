//! Hand-over: files that a later `lectern FILE…` (or a file manager) gives to this window,
//! opened beside the texts already open (see [`crate::storage::handover`]).

use std::collections::VecDeque;
use std::sync::Mutex;

use super::*;
use crate::storage::handover::{self, Listener, Request};

/// What another Lectern gave this window, read on the listening thread.
pub(super) enum HandedOver {
    /// Texts read from files (or why a file could not be read), to open beside the others.
    Texts(Vec<Result<Text, String>>),
    /// Two wordings to compare, the comparison filling the window (or why not).
    Compare(Result<Vec<WordingInput>, String>),
}

/// The listening socket and what came through it, waiting for the next frame.
#[derive(Default)]
pub(super) struct HandOver {
    listener: Option<Listener>,
    received: Arc<Mutex<VecDeque<HandedOver>>>,
}

impl LecternApp {
    /// Listens for files given by later Lecterns on this profile, waking `ctx` when some come.
    /// Only the window that may write the profile listens: the others are read-only.
    pub fn listen_for_hand_over(&mut self, ctx: &egui::Context) {
        let (Some(profile), Some(_)) = (&self.session.profile, &self.session.lock) else {
            return;
        };
        let received = Arc::clone(&self.session.hand_over.received);
        let ctx = ctx.clone();
        let deliver = move |request: Request| {
            let handed = read_request(request);
            received
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push_back(handed);
            ctx.request_repaint();
        };
        match handover::listen(profile, deliver) {
            Ok(listener) => self.session.hand_over.listener = Some(listener),
            Err(e) => log::warn!(
                "files opened with Lectern while this window is open will open another: {e}"
            ),
        }
    }

    /// Stops taking files from other Lecterns (the window is closing): before the profile's
    /// lock is released, so that a window opened next is the one they go to.
    pub(super) fn stop_hand_over(&mut self) {
        if let Some(mut listener) = self.session.hand_over.listener.take() {
            listener.stop();
        }
    }

    /// Opens what other Lecterns gave, and brings the window to the front.
    pub(super) fn poll_hand_over(&mut self, ctx: &egui::Context) {
        let received: Vec<HandedOver> = self
            .session
            .hand_over
            .received
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain(..)
            .collect();
        if received.is_empty() {
            return;
        }
        for handed in received {
            match handed {
                HandedOver::Texts(texts) => {
                    for text in texts {
                        match text {
                            Ok(text) => self.open_session_text(text),
                            Err(why) => self.notices.push(why),
                        }
                    }
                }
                HandedOver::Compare(Ok(wordings)) => {
                    // Opened at the next frame, which is asked for now.
                    self.view.pending_wordings = Some(wordings);
                    ctx.request_repaint();
                }
                HandedOver::Compare(Err(why)) => self.notices.push(why),
            }
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
    }

    /// Adds `text` (read from a file for this session) to the library and opens it beside the
    /// open texts.
    pub(super) fn open_session_text(&mut self, text: Text) {
        let text_id = text.id().to_owned();
        if self.library.insert(text) {
            self.files.session_ids.insert(text_id.clone());
        }
        let beside = !self.desk.panes().is_empty();
        self.open_text(&text_id, beside);
    }
}

/// Reads the files of `request` (on the listening thread: the window goes on drawing).
fn read_request(request: Request) -> HandedOver {
    if request.compare {
        let library = crate::bundled::bundled_library;
        let wordings = request
            .files
            .iter()
            .map(|f| crate::storage::text_file::wording(&f.to_string_lossy(), library))
            .collect();
        return HandedOver::Compare(wordings);
    }
    let texts = request
        .files
        .iter()
        .map(|path| {
            crate::storage::text_file::read_text_file(path)
                .map_err(|e| format!("{} could not be opened: {e}", path.display()))
        })
        .collect();
    HandedOver::Texts(texts)
}
