//! What the sync-engine tests do to a profile, as a reader's window would: open it, change
//! its annotations and save, and read back which annotations it has.
#![allow(dead_code)] // each test crate uses part of it
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::Path;

use lectern::bundled::bundled_library;
use lectern::model::annotation::Annotation;
use lectern::model::annotation_set::Annotations;
use lectern::model::notebook::Contents;
use lectern::storage::open::{Access, OpenedProfile, open_profile};
use lectern::storage::profile::Profile;

/// The text every annotation here is on.
pub const KAMENEV: &str = "lenin-1922-09-26-kamenev";

/// Opens the profile at `dir` for `access`.
pub fn open(dir: &Path, access: Access) -> OpenedProfile {
    open_profile(Profile::open(Some(dir)).unwrap(), bundled_library(), access).unwrap()
}

/// Opens the profile at `dir` as the window does, lets `change` change its live annotations,
/// and saves; returns what opening it said.
pub fn change(dir: &Path, change: impl FnOnce(&mut Vec<Annotation>)) -> Vec<String> {
    let opened = open(dir, Access::Window);
    let mut contents = opened.notebook.contents().clone();
    let mut live: Vec<Annotation> = contents
        .annotations
        .live()
        .iter()
        .map(|a| a.as_ref().clone())
        .collect();
    change(&mut live);
    contents.annotations = Annotations::from_parts(live, Vec::new());
    opened.save_contents(&contents).unwrap();
    opened.notices
}

/// An annotation `id` on the letter to Kamenev with `note`, made at minute `minute` (so that
/// they list in the order of their minutes), on the `minute`th stretch of forty characters.
pub fn highlight(id: &str, minute: usize, note: &str) -> Annotation {
    let library = bundled_library();
    let text = library.get(KAMENEV).unwrap();
    let at = minute * 40;
    Annotation {
        note: note.into(),
        ..Annotation::new(
            id,
            text,
            (at..at + 20).into(),
            None,
            &format!("2026-12-01T10:{minute:02}:00Z").into(),
        )
    }
}

/// The ids of the live annotations, in order.
pub fn ids(contents: &Contents) -> Vec<String> {
    contents
        .annotations
        .live()
        .iter()
        .map(|a| a.annotation_id.clone())
        .collect()
}
