//! Watching the notebook's folder while Lectern runs, for what a sync engine brings: a record
//! another device wrote, a conflict copy, a file git merged. Lectern's own writes are known to
//! the store ([`NotebookStore::is_known`]) and are not news; anything else sets a flag the
//! window reads ([`NotebookWatch::take_news`]) and wakes it, and the window merges it after a
//! short quiet spell (the engine may be writing several files).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use notify::{EventKind, RecursiveMode, Watcher as _};

use super::notebook_dir::NotebookStore;

/// A watch on a profile's `notebook/` folder; it stops when dropped.
pub struct NotebookWatch {
    _watcher: notify::RecommendedWatcher,
    news: Arc<AtomicBool>,
}

impl std::fmt::Debug for NotebookWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NotebookWatch")
            .field("news", &self.news.load(Ordering::SeqCst))
            .finish_non_exhaustive()
    }
}

impl NotebookWatch {
    /// Watches the notebook's folder of the profile at `profile_dir`; `wake` is called (on
    /// the watching thread) when something not written through `store` arrives.
    pub fn start(
        profile_dir: &Path,
        store: Arc<Mutex<NotebookStore>>,
        wake: impl Fn() + Send + 'static,
    ) -> Result<Self, String> {
        let folder = NotebookStore::dir_of(profile_dir);
        std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
        let news = Arc::new(AtomicBool::new(false));
        let flag = news.clone();
        let root = folder.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else {
                    return;
                };
                if is_news(&root, &store, &event) {
                    flag.store(true, Ordering::SeqCst);
                    wake();
                }
            })
            .map_err(|e| e.to_string())?;
        watcher
            .watch(&folder, RecursiveMode::Recursive)
            .map_err(|e| e.to_string())?;
        Ok(Self {
            _watcher: watcher,
            news,
        })
    }

    /// Whether something arrived since the last call.
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
