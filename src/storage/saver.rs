//! Saving off the UI thread.
//!
//! The app hands the saver the bytes for a path, or a copy of the data and how to make its
//! bytes (so that serialising ten thousand annotations is not done on the UI thread either); a
//! background thread makes the bytes and writes them with [`write_atomic_in`], through a
//! [`FileSystem`] (the real one, or one whose steps tests make fail). When several versions of
//! one file queue up, only the newest is written.
//! Results come back through [`Saver::poll_results`] so the UI can show a failed save.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use std::sync::Arc;

use super::StorageError;
use super::atomic::{FileSystem, KeepBackup, RealFileSystem, write_atomic_in};

/// What writes a file, on the saving thread, through the saver's file system.
type Writer = Box<dyn FnOnce(&dyn FileSystem) -> Result<(), StorageError> + Send>;

enum Job {
    Write(PathBuf, Writer),
    Flush(Sender<()>),
}

/// The outcome of one write.
#[derive(Debug)]
pub struct SaveReport {
    /// The file written.
    pub path: PathBuf,
    /// Ok, or what went wrong (the data is still in memory and will be saved again).
    pub result: Result<(), StorageError>,
}

/// A background thread that writes files atomically.
pub struct Saver {
    jobs: Option<Sender<Job>>,
    reports: Receiver<SaveReport>,
    thread: Option<JoinHandle<()>>,
}

impl Default for Saver {
    fn default() -> Self {
        Self::spawn()
    }
}

impl Saver {
    /// Starts the saving thread.
    pub fn spawn() -> Self {
        Self::with_file_system(Arc::new(RealFileSystem))
    }

    /// Starts the saving thread, writing through `fs` (tests make its steps fail).
    pub fn with_file_system(fs: Arc<dyn FileSystem>) -> Self {
        let (job_tx, job_rx) = mpsc::channel::<Job>();
        let (report_tx, report_rx) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("lectern-saver".into())
            .spawn(move || run(&job_rx, &report_tx, fs.as_ref()))
            .ok();
        Self {
            jobs: Some(job_tx),
            reports: report_rx,
            thread,
        }
    }

    /// Queues `bytes` to be written to `path`.
    pub fn save(&self, path: PathBuf, bytes: Vec<u8>) {
        self.save_with(path, move || Ok(bytes));
    }

    /// Queues the bytes `contents` will make (on the saving thread) to be written to `path`. A
    /// failure to make them is reported like a failed write.
    pub fn save_with(
        &self,
        path: PathBuf,
        contents: impl FnOnce() -> Result<Vec<u8>, StorageError> + Send + 'static,
    ) {
        let target = path.clone();
        self.write_with(path, move |fs| {
            write_atomic_in(fs, &target, &contents()?, KeepBackup::Previous)
        });
    }

    /// Queues `writer` to write `path` (and whatever goes with it, such as a snapshot) on the
    /// saving thread, through the saver's file system. Only the newest writer of a path runs.
    pub fn write_with(
        &self,
        path: PathBuf,
        writer: impl FnOnce(&dyn FileSystem) -> Result<(), StorageError> + Send + 'static,
    ) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Job::Write(path, Box::new(writer)));
        }
    }

    /// Waits until everything queued so far is written (used on exit and in tests).
    pub fn flush(&self) {
        let (done_tx, done_rx) = mpsc::channel();
        if let Some(jobs) = &self.jobs
            && jobs.send(Job::Flush(done_tx)).is_ok()
        {
            let _ = done_rx.recv();
        }
    }

    /// The outcomes of writes finished since the last call.
    pub fn poll_results(&self) -> Vec<SaveReport> {
        self.reports.try_iter().collect()
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.jobs = None; // closes the channel: the thread writes what is queued, then ends
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(jobs: &Receiver<Job>, reports: &Sender<SaveReport>, fs: &dyn FileSystem) {
    while let Ok(first) = jobs.recv() {
        // Coalesce everything already queued: the newest contents per path win.
        let mut pending: BTreeMap<PathBuf, Writer> = BTreeMap::new();
        let mut flushes = Vec::new();
        for job in std::iter::once(first).chain(jobs.try_iter()) {
            match job {
                Job::Write(path, writer) => {
                    pending.insert(path, writer);
                }
                Job::Flush(done) => flushes.push(done),
            }
        }
        for (path, writer) in pending {
            let result = writer(fs);
            if let Err(e) = &result {
                log::warn!("saving failed: {e}");
            }
            let _ = reports.send(SaveReport { path, result });
        }
        for done in flushes {
            let _ = done.send(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_happen_in_the_background_and_the_newest_wins() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("f.json");
        let saver = Saver::spawn();
        for n in 0..50 {
            saver.save(path.clone(), format!("version {n}").into_bytes());
        }
        saver.flush();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "version 49");
        let reports = saver.poll_results();
        assert!(!reports.is_empty());
        assert!(reports.iter().all(|r| r.result.is_ok()));
    }

    #[test]
    fn contents_are_made_on_the_saving_thread_and_a_failure_to_make_them_is_reported() {
        let temp = tempfile::tempdir().unwrap();
        let saver = Saver::spawn();
        let made_on = temp.path().join("made-on.txt");
        saver.save_with(made_on.clone(), || {
            let name = std::thread::current().name().unwrap_or_default().to_owned();
            Ok(name.into_bytes())
        });
        let failing = temp.path().join("failing.json");
        saver.save_with(failing.clone(), || {
            Err(StorageError::Serialise {
                what: "a test",
                message: "no".into(),
            })
        });
        saver.flush();
        assert_eq!(std::fs::read_to_string(&made_on).unwrap(), "lectern-saver");
        assert!(
            !failing.exists(),
            "nothing is written when the contents fail"
        );
        let reports = saver.poll_results();
        let failed: Vec<&SaveReport> = reports.iter().filter(|r| r.result.is_err()).collect();
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].path, failing);
    }

    #[test]
    fn a_failed_write_is_reported() {
        let temp = tempfile::tempdir().unwrap();
        let saver = Saver::spawn();
        let path = temp.path().join("no-such-folder").join("f.json");
        saver.save(path.clone(), b"x".to_vec());
        saver.flush();
        let reports = saver.poll_results();
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].path, path);
        assert!(reports[0].result.is_err());
    }

    #[test]
    fn dropping_the_saver_writes_what_is_queued() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("f.json");
        {
            let saver = Saver::spawn();
            saver.save(path.clone(), b"last words".to_vec());
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "last words");
    }
}
