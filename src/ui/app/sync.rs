//! What a sync engine brings while the window is open: the notebook's folder is watched
//! ([`NotebookWatch`]), and after a short quiet spell (an engine writes several files) the
//! watch wakes the window, which saves what is pending, reads the folder again, merges what
//! arrived (writing the merge back) and takes the result as its notebook. The note being typed is left alone: its draft
//! lives in the editor and is kept as it is.

use super::LecternApp;
use crate::storage::notebook_dir::NotebookStore;
use crate::storage::watch::NotebookWatch;

impl LecternApp {
    /// Starts watching the notebook's folder (once, when a profile is open), and merges what
    /// arrived once the watch says the folder has gone quiet.
    pub(super) fn follow_sync(&mut self, ctx: &egui::Context) {
        let (Some(profile), Some(store)) = (&self.session.profile, &self.session.store) else {
            return;
        };
        if self.session.watch.is_none() && !self.session.watch_failed {
            let wake = ctx.clone();
            match NotebookWatch::start(profile.dir(), store.clone(), move || {
                wake.request_repaint();
            }) {
                Ok(watch) => self.session.watch = Some(watch),
                Err(e) => {
                    // Without a watch, what a sync brings is merged at the next start.
                    log::warn!("the notebook folder is not watched: {e}");
                    self.session.watch_failed = true;
                }
            }
        }
        // No lock is taken here, in the frame: the watch's thread asks the store.
        if self
            .session
            .watch
            .as_ref()
            .is_some_and(NotebookWatch::take_news)
        {
            self.session.sync_news += 1;
            self.take_what_arrived();
        }
    }

    /// How many times the watch on the notebook's folder has woken the window with what a
    /// sync brought, each time taken or, while the window's own work is not saved, left for
    /// later.
    pub fn sync_news_looked_at(&self) -> u64 {
        self.session.sync_news
    }

    /// Saves what is pending (the note being typed too: it is kept, then merged with what
    /// arrived, never written over it), reads the notebook's folder again and takes what other
    /// devices brought. While the window's own work is not saved (a failed save), nothing is
    /// taken: the work stays in memory, and what arrived is taken after the next save.
    fn take_what_arrived(&mut self) {
        let (Some(profile), Some(store)) =
            (self.session.profile.clone(), self.session.store.clone())
        else {
            return;
        };
        let writable = !self.notebook.is_read_only();
        self.keep_typed_note();
        if writable && self.notebook.revision() != self.session.saved_annotations_revision {
            self.save_annotations();
        }
        self.session.saver.flush();
        self.collect_save_reports();
        if writable && self.notebook.revision() != self.session.saved_annotations_revision {
            // The save failed: its work is not in the folder yet.
            return;
        }
        let now = crate::model::clock::now_millis();
        let loaded = NotebookStore::load(profile.dir(), profile.device(), now, Vec::new);
        let (mut fresh, _, report) = match loaded {
            Ok(loaded) => loaded,
            Err(e) => {
                self.notices
                    .push(crate::tr!("app-sync-not-read", error = e.to_string()));
                return;
            }
        };
        // The merge is written back under the store's lock, so that the watch knows it for
        // this window's own writing.
        let mut shared = store
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        fresh.keep_newer_from(&shared);
        let contents = fresh.contents();
        *shared = fresh;
        if writable && let Err(e) = shared.settle(&crate::storage::atomic::RealFileSystem, now) {
            log::warn!("the merge of what a sync brought is written at the next save: {e}");
        }
        drop(shared);
        self.notices.extend(report.notices());
        if self.notebook.take_synced(contents, &self.library) {
            // What was taken is what the folder holds: nothing to save.
            self.session.saved_annotations_revision = self.notebook.revision();
            self.session.annotations_dirty_since = None;
            log::info!("took what a sync brought into the notebook");
        }
    }
}
