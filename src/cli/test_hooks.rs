//! Test hooks: the hidden `save-loop` command (and the hidden `--save-delay` option, read by
//! the window) exist for Lectern's own tests of saving under kills and signals, not for readers.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

use crate::model::annotation::Annotation;
use crate::model::clock;
use crate::model::notebook::Edit;
use crate::storage::backups::SnapshotPolicy;
use crate::storage::open::Access;

/// Saves the profile's annotations over and over, one more each time, until killed, saying
/// `saved N` on `out` after each complete save (what the killing test counts on).
pub fn save_loop(profile: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut opened = super::open(profile, Access::Write)?;
    let text = opened
        .library
        .get("lenin-1922-09-26-kamenev")
        .context("the bundled letter to Kamenev")?
        .clone();
    // A snapshot at every save, so that kills land in snapshots being written too.
    let policy = SnapshotPolicy {
        interval: std::time::Duration::ZERO,
        ..SnapshotPolicy::default()
    };
    for n in opened.notebook.annotations().live().len().. {
        let start = (n * 7) % (text.char_len() - 40);
        let annotation = Annotation {
            note: format!("note {n}: {}", "…".repeat(n % 50)),
            tags: vec![format!("tag-{}", n % 7)],
            ..Annotation::new(
                format!("a{n}"),
                &text,
                (start..start + 30).into(),
                Some("key-argument"),
                &"2026-11-26T21:00:00Z".into(),
            )
        };
        opened
            .notebook
            .edit(Edit::AddAnnotation(annotation), &clock::now())?;
        crate::storage::annotations_file::save_notebook(
            &crate::storage::atomic::RealFileSystem,
            &opened.profile,
            &opened.store,
            &opened.notebook.to_contents(),
            &policy,
        )?;
        // Said only once the save is complete: what the killing test may count on.
        writeln!(out, "saved {}", n + 1)?;
        out.flush()?;
    }
    Ok(())
}
