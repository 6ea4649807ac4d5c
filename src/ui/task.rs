//! Background work for the window: one small type for every job that must not block the UI
//! thread (a file dialog, reading a file to import, writing an export, a long comparison).
//!
//! [`Task::spawn`] runs a closure on a named worker thread. The closure is handed a
//! [`Progress`] through which it reports how far it has come and learns whether the reader
//! cancelled; whatever it returns arrives at [`Task::poll`], and the window is asked to
//! repaint as soon as it does. A worker that dies without answering (a panic) is reported
//! once, as the fallback the caller gives.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// What a worker sees of its task: where to report progress, and whether to stop.
#[derive(Clone, Debug, Default)]
pub struct Progress {
    shared: Arc<Shared>,
}

#[derive(Debug, Default)]
struct Shared {
    done: AtomicU64,
    total: AtomicU64,
    cancelled: AtomicBool,
    /// Whether `done` and `total` count pages (of a PDF) rather than bytes.
    pages: AtomicBool,
}

impl Progress {
    /// Reports `done` of `total` (bytes read, segments compared …).
    pub fn set(&self, done: u64, total: u64) {
        self.shared.done.store(done, Ordering::Relaxed);
        self.shared.total.store(total, Ordering::Relaxed);
    }

    /// Reports `done` of `total` pages (of a PDF being read).
    pub fn set_pages(&self, done: u64, total: u64) {
        self.set(done, total);
        self.shared.pages.store(true, Ordering::Relaxed);
    }

    /// Whether the progress counts pages ([`Self::set_pages`]) rather than bytes.
    pub fn counts_pages(&self) -> bool {
        self.shared.pages.load(Ordering::Relaxed)
    }

    /// How far the work has come: (done, total); (0, 0) before the first report.
    pub fn get(&self) -> (u64, u64) {
        (
            self.shared.done.load(Ordering::Relaxed),
            self.shared.total.load(Ordering::Relaxed),
        )
    }

    /// Whether the reader asked the work to stop.
    pub fn is_cancelled(&self) -> bool {
        self.shared.cancelled.load(Ordering::Relaxed)
    }

    fn cancel(&self) {
        self.shared.cancelled.store(true, Ordering::Relaxed);
    }
}

/// A job running off the UI thread, whose answer is a `T`.
#[derive(Debug)]
pub struct Task<T> {
    answer: Receiver<T>,
    progress: Progress,
    started: Instant,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a thread named `name`; `ctx` is asked to repaint when the answer is
    /// there (and may be asked by the work itself, through a clone, when it reports progress).
    pub fn spawn(
        name: &str,
        ctx: &egui::Context,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> Self {
        let (sender, answer) = mpsc::channel();
        let progress = Progress::default();
        let worker_progress = progress.clone();
        let ctx = ctx.clone();
        // The worker speaks the window's language (its messages are the reader's to read).
        let language = crate::i18n::language();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                crate::i18n::set_language(language);
                let _ = sender.send(work(&worker_progress));
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            // The receiver then finds the sender gone: poll reports the fallback.
            log::error!("could not start {name}: {e}");
        }
        Self {
            answer,
            progress,
            started: Instant::now(),
        }
    }

    /// A task that is already answered (when there is nothing to do off the UI thread).
    pub fn ready(answer: T) -> Self {
        let (sender, receiver) = mpsc::channel();
        let _ = sender.send(answer);
        Self {
            answer: receiver,
            progress: Progress::default(),
            started: Instant::now(),
        }
    }
}

impl<T> Task<T> {
    /// The answer of the task in `slot`, once there is one; the slot is then emptied. A
    /// worker that went away without answering gives `gone()`.
    pub fn poll(slot: &mut Option<Self>, gone: impl FnOnce() -> T) -> Option<T> {
        let task = slot.as_ref()?;
        let answer = match task.answer.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => gone(),
        };
        *slot = None;
        Some(answer)
    }

    /// How far the work has come: (done, total).
    pub fn progress(&self) -> (u64, u64) {
        self.progress.get()
    }

    /// Whether [`Self::progress`] counts pages rather than bytes.
    pub fn counts_pages(&self) -> bool {
        self.progress.counts_pages()
    }

    /// Asks the work to stop (it looks at [`Progress::is_cancelled`]).
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// Whether the work was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.progress.is_cancelled()
    }

    /// How long the task has been running.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T>(slot: &mut Option<Task<T>>, gone: fn() -> T) -> T {
        let started = Instant::now();
        loop {
            if let Some(answer) = Task::poll(slot, gone) {
                return answer;
            }
            assert!(started.elapsed() < Duration::from_secs(10), "no answer");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_task_answers_reports_progress_and_empties_its_slot() {
        let ctx = egui::Context::default();
        let (go, wait_for_go) = mpsc::channel::<()>();
        let mut slot = Some(Task::spawn("test-task", &ctx, move |progress| {
            progress.set(1, 2);
            let _ = wait_for_go.recv();
            progress.set(2, 2);
            "done"
        }));
        while slot.as_ref().map(Task::progress) != Some((1, 2)) {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(Task::poll(&mut slot, || "gone"), None, "still working");
        go.send(()).unwrap();
        assert_eq!(wait(&mut slot, || "gone"), "done");
        assert!(slot.is_none());
        assert_eq!(Task::poll(&mut slot, || "gone"), None, "answered once");
    }

    #[test]
    fn a_cancelled_task_sees_it_and_a_worker_that_dies_is_reported_once() {
        let ctx = egui::Context::default();
        let mut slot = Some(Task::spawn("test-cancel", &ctx, |progress| {
            while !progress.is_cancelled() {
                std::thread::sleep(Duration::from_millis(1));
            }
            "stopped"
        }));
        slot.as_ref().unwrap().cancel();
        assert!(slot.as_ref().unwrap().is_cancelled());
        assert_eq!(wait(&mut slot, || "gone"), "stopped");

        let mut dying: Option<Task<&str>> = Some(Task::spawn("test-panic", &ctx, |_| {
            panic!("a bug in the worker")
        }));
        assert_eq!(wait(&mut dying, || "gone"), "gone");
        assert!(dying.is_none());
        let mut ready = Some(Task::ready(7));
        assert_eq!(Task::poll(&mut ready, || 0), Some(7));
    }
}
