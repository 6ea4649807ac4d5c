//! Watching the notebook's folder while Lectern runs, for what a sync engine brings: a record
//! another device wrote, a conflict copy, a file git merged. Lectern's own writes are known to
//! the store ([`NotebookStore::is_known`]) and are not news. Once news has been followed by a
//! short quiet spell (the engine may be writing several files), a flag is set that the window
//! reads ([`NotebookWatch::take_news`]) and the window is woken to merge.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher as _};

use super::notebook_dir::NotebookStore;

/// How long the folder must be quiet after news before the window is woken to merge it (a
/// sync engine writes several files).
pub const QUIET: Duration = Duration::from_millis(500);

/// A watch on a profile's `notebook/` folder; it stops when dropped.
pub struct NotebookWatch {
    _watcher: notify::RecommendedWatcher,
    /// Set when news has been quiet for [`QUIET`]: time to merge.
    news: Arc<AtomicBool>,
    /// Tells the timing thread to end.
    stop: Arc<AtomicBool>,
}

impl Drop for NotebookWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

impl std::fmt::Debug for NotebookWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NotebookWatch")
            .field("news", &self.news.load(Ordering::SeqCst))
            .finish_non_exhaustive()
    }
}

impl NotebookWatch {
    /// Watches the notebook's folder of the profile at `profile_dir`; `wake` is called (on a
    /// thread of the watch's) once something not written through `store` has arrived and the
    /// folder has been quiet for [`QUIET`], or a save through `store` merged another device's
    /// version in.
    pub fn start(
        profile_dir: &Path,
        store: Arc<Mutex<NotebookStore>>,
        wake: impl Fn() + Send + 'static,
    ) -> Result<Self, String> {
        let folder = NotebookStore::dir_of(profile_dir);
        std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
        let news = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        // When the last news came; the timing thread wakes the window once it is QUIET old.
        let last: Arc<Mutex<Option<Instant>>> = Arc::new(Mutex::new(None));
        let root = folder.clone();
        let heard = last.clone();
        let saving = store.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else {
                    return;
                };
                if is_news(&root, &store, &event) {
                    *heard.lock().unwrap_or_else(PoisonError::into_inner) = Some(Instant::now());
                }
            })
            .map_err(|e| e.to_string())?;
        watcher
            .watch(&folder, RecursiveMode::Recursive)
            .map_err(|e| e.to_string())?;
        let (ready, ending) = (news.clone(), stop.clone());
        std::thread::Builder::new()
            .name("lectern-sync-watch".into())
            .spawn(move || {
                while !ending.load(Ordering::SeqCst) {
                    std::thread::sleep(QUIET / 5);
                    let quiet = {
                        let mut last = last.lock().unwrap_or_else(PoisonError::into_inner);
                        let quiet = last.is_some_and(|at| at.elapsed() >= QUIET);
                        if quiet {
                            *last = None;
                        }
                        quiet
                    };
                    // A save that merged another device's version in: the window takes the
                    // merge too. Asked without waiting, so a save in progress only delays it.
                    let merged = saving
                        .try_lock()
                        .is_ok_and(|mut store| store.take_merged_on_save());
                    if quiet || merged {
                        ready.store(true, Ordering::SeqCst);
                        wake();
                    }
                }
            })
            .map_err(|e| e.to_string())?;
        Ok(Self {
            _watcher: watcher,
            news,
            stop,
        })
    }

    /// Whether something arrived, and the folder has been quiet since for [`QUIET`], since the
    /// last call.
    pub fn take_news(&self) -> bool {
        self.news.swap(false, Ordering::SeqCst)
    }
}

/// Whether `event` under the folder `root` brings something the store did not write: a new
/// folder (its files may come before the watch on it), or a record file whose contents the
/// store does not know. Removals are not news (Lectern removes only what it consumed; a sync
/// engine removes nothing of the notebook, which deletes by tombstones).
fn is_news(root: &Path, store: &Mutex<NotebookStore>, event: &notify::Event) -> bool {
    match event.kind {
        EventKind::Create(notify::event::CreateKind::Folder) => true,
        EventKind::Create(_) | EventKind::Modify(_) => event
            .paths
            .iter()
            .any(|path| file_is_news(root, store, path)),
        _ => false,
    }
}

fn file_is_news(root: &Path, store: &Mutex<NotebookStore>, path: &PathBuf) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    if name.starts_with('.') || name.contains(".tmp") || !path.is_file() {
        return false;
    }
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let relative: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Ok(text) = std::fs::read_to_string(path) else {
        // Not readable yet (being written): its next event says more.
        return false;
    };
    let store = store
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    !store.is_known(&relative.join("/"), &text)
}
