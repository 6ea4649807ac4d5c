//! Hand-over: files that a later `lectern FILE…` (or a file manager) gives to this window,
//! opened beside the texts already open; wordings that `lectern compare --window` gives it to
//! compare; a file that `lectern import` gives it to import (see [`crate::storage::handover`]).
//! The window answers each request once it has done it, with what its status line says.

use std::collections::VecDeque;
use std::sync::Mutex;

use super::LecternApp;
use super::text_import::Placed;
use crate::model::comparison::WordingInput;
use crate::model::text::Text;
use crate::storage::handover::{self, Answer, Listener, Reply, Request};
use crate::storage::text_file::{Argument, ResolveError};
use std::sync::Arc;

/// A wording handed over to compare: read from a file on the listening thread, or the id of a
/// text of the window's library.
pub enum HandedWording {
    /// A file's text.
    Read(WordingInput),
    /// The id of a text of the library, looked up by the window.
    Id(String),
}

/// What another Lectern gave this window, read on the listening thread.
pub enum HandedOver {
    /// Texts read from files (or why a file could not be read), to open beside the others.
    Texts(Vec<Result<Text, String>>, Reply),
    /// Two wordings to compare, the comparison filling the window (or why not).
    Compare(Result<Vec<HandedWording>, String>, Reply),
    /// A text read for import, with the encoding it was in (or why it could not be read).
    Import(Result<Box<(Text, &'static str)>, String>, Reply),
}

/// The listening socket and what came through it, waiting for the next frame.
#[derive(Default)]
pub(super) struct HandOver {
    listener: Option<Listener>,
    received: Arc<Mutex<VecDeque<HandedOver>>>,
    /// The window's language, which the listening thread speaks too (what it could not read
    /// is said in the banner), kept as the window's at each frame.
    language: Arc<Mutex<crate::i18n::Language>>,
}

impl LecternApp {
    /// Listens for files given by later Lecterns on this profile, waking `ctx` when some come.
    /// Only the window that may write the profile listens: the others are read-only.
    pub fn listen_for_hand_over(&mut self, ctx: &egui::Context) {
        let (Some(profile), Some(_)) = (&self.session.profile, &self.session.lock) else {
            return;
        };
        let received = Arc::clone(&self.session.hand_over.received);
        let language = Arc::clone(&self.session.hand_over.language);
        *language.lock().unwrap_or_else(|e| e.into_inner()) = crate::i18n::language();
        let ctx = ctx.clone();
        let deliver = move |request: Request, reply: Reply| {
            crate::i18n::set_language(*language.lock().unwrap_or_else(|e| e.into_inner()));
            let handed = read_request(request, reply);
            received
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push_back(handed);
            ctx.request_repaint();
        };
        match handover::listen_answering(profile, deliver) {
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

    /// Does what other Lecterns asked, answers them, and brings the window to the front.
    pub(super) fn poll_hand_over(&mut self, ctx: &egui::Context) {
        // The listening thread speaks the language the window speaks now.
        *self
            .session
            .hand_over
            .language
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = crate::i18n::language();
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
            self.apply_hand_over(handed);
        }
        // A comparison is opened at the next frame, which is asked for now.
        ctx.request_repaint();
        ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
    }

    /// Applies one request of another Lectern, as the window's own Open file, comparison or
    /// import would, answering it with what the window did.
    pub fn apply_hand_over(&mut self, handed: HandedOver) {
        match handed {
            HandedOver::Texts(texts, reply) => self.open_handed_texts(texts, reply),
            HandedOver::Compare(wordings, reply) => self.compare_handed_wordings(wordings, reply),
            HandedOver::Import(read, reply) => self.import_handed_text(read, reply),
        }
    }

    /// Opens texts read from files beside the others, and answers what became of each.
    fn open_handed_texts(&mut self, texts: Vec<Result<Text, String>>, reply: Reply) {
        let mut said = Vec::new();
        let mut all_open = true;
        for text in texts {
            match text {
                Ok(text) => {
                    let title = text.meta().title.clone();
                    let placed = self.open_session_text(text);
                    all_open &= placed != Placed::InLibrary;
                    said.push(placed.of(&title));
                }
                Err(why) => {
                    all_open = false;
                    said.push(why.clone());
                    self.notices.push(why);
                }
            }
        }
        let said = said.join("; ");
        let said = if all_open {
            crate::tr!("app-handed-opened", said = said)
        } else {
            crate::tr!("app-handed-given", said = said)
        };
        reply.answer(Ok(Answer {
            said,
            text_id: None,
        }));
    }

    /// Compares two wordings (read, or texts of the library by id), the comparison filling the
    /// window.
    fn compare_handed_wordings(
        &mut self,
        wordings: Result<Vec<HandedWording>, String>,
        reply: Reply,
    ) {
        let wordings = wordings.and_then(|wordings| {
            wordings
                .into_iter()
                .map(|wording| match wording {
                    HandedWording::Read(wording) => Ok(wording),
                    HandedWording::Id(id) => {
                        crate::storage::text_file::text_by_id(&self.library, &id)
                            .map(|text| WordingInput::from_text(text, (0..text.char_len()).into()))
                            .map_err(|e| e.to_string())
                    }
                })
                .collect::<Result<Vec<_>, _>>()
        });
        match wordings {
            Ok(wordings) => {
                let first = wordings.first().map_or("", |w| w.label.as_str());
                let second = wordings.get(1).map_or("", |w| w.label.as_str());
                let said = crate::tr!("app-handed-comparing", first = first, second = second);
                self.view.compare_at_next_frame(wordings);
                reply.answer(Ok(Answer {
                    said,
                    text_id: None,
                }));
            }
            Err(why) => {
                self.notices.push(why.clone());
                reply.answer(Err(why));
            }
        }
    }

    /// Imports a text read from a file into the library, unless the profile is read-only.
    fn import_handed_text(
        &mut self,
        read: Result<Box<(Text, &'static str)>, String>,
        reply: Reply,
    ) {
        let kept = if self.notebook.is_read_only() {
            Err(crate::tr!("app-handed-read-only"))
        } else {
            read.and_then(|read| {
                let (text, encoding) = *read;
                self.keep_import(text, encoding)
            })
        };
        match kept {
            Ok((id, said)) => {
                self.notices.push(said.clone());
                reply.answer(Ok(Answer {
                    said,
                    text_id: Some(id),
                }));
            }
            Err(why) => {
                self.notices
                    .push(crate::tr!("app-nothing-imported", error = &why));
                reply.answer(Err(why));
            }
        }
    }

    /// Adds `text` (read from a file for this session) to the library and places it by the
    /// one rule of every way in (a pane of its own while there is one, else the library,
    /// which the status line says); returns where it went.
    pub(super) fn open_session_text(&mut self, text: Text) -> Placed {
        let text_id = text.id().to_owned();
        let title = text.meta().title.clone();
        if self.library.insert(text) {
            self.files.session_ids.insert(text_id.clone());
        }
        let placed = self.bring_in(&text_id);
        if placed == Placed::InLibrary {
            self.notices
                .push(crate::tr!("app-in-library-notice", title = &title));
        }
        placed
    }
}

/// A request of another Lectern as `lectern FILE` (or a file manager) makes it while this
/// window is open, read as the window reads it: for tests of what the window does with it.
pub fn read_hand_over(request: Request) -> HandedOver {
    read_request(request, Reply::nowhere())
}

/// Reads the files of `request` (on the listening thread: the window goes on drawing).
fn read_request(request: Request, reply: Reply) -> HandedOver {
    if let Some(meta) = &request.import {
        let read = match request.files.first() {
            Some(path) => crate::storage::import::read_import(path, meta)
                .map(Box::new)
                .map_err(|e| e.to_string()),
            None => Err(crate::tr!("app-handed-no-file")),
        };
        return HandedOver::Import(read, reply);
    }
    if request.compare {
        let wordings = request
            .files
            .iter()
            .map(|f| {
                let argument = f.to_string_lossy();
                match Argument::of(&argument) {
                    Argument::File(path) => crate::storage::text_file::read_wording(path)
                        .map(HandedWording::Read)
                        .map_err(|e| ResolveError::from(e).to_string()),
                    Argument::Id(id) => Ok(HandedWording::Id(id.to_owned())),
                }
            })
            .collect();
        return HandedOver::Compare(wordings, reply);
    }
    let texts = request
        .files
        .iter()
        .map(|path| {
            crate::storage::text_file::read_text_file(path).map_err(|e| {
                let (path, error) = (path.display().to_string(), e.to_string());
                crate::tr!("app-file-not-opened", path = path, error = error)
            })
        })
        .collect();
    HandedOver::Texts(texts, reply)
}
