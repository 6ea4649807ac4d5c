//! A fault at every step of a save (a full disk, a folder turned read-only, a failed flush):
//! the last good state still loads whole, the reader is told, and the work stays in memory
//! and is saved once the fault clears.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::fs::File;
use std::io::{self, Write as _};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::common::gui::{app_with, start_options};
use crate::common::notebook;

use lectern::bundled::bundled_library;
use lectern::model::annotation::Annotation;
use lectern::model::notebook::{Contents, Edit};
use lectern::storage::annotations_file::{AnnotationsFile, save_bytes};
use lectern::storage::atomic::{FileSystem, RealFileSystem, Step};
use lectern::storage::backups::SnapshotPolicy;
use lectern::storage::notebook_dir::NotebookStore;
use lectern::storage::profile::Profile;
use lectern::ui::app::{LecternApp, StartOptions};

const KAMENEV: &str = "lenin-1922-09-26-kamenev";
const NOW: &str = "2026-11-30T10:00:00Z";

/// The faults a disk can have, as the operating system reports them.
fn faults() -> [(&'static str, io::Error); 3] {
    [
        ("no space left", io::Error::from_raw_os_error(28)), // ENOSPC
        ("read-only file system", io::Error::from_raw_os_error(30)), // EROFS
        (
            "permission denied",
            io::Error::from(io::ErrorKind::PermissionDenied),
        ),
    ]
}

/// The real file system, failing at one step while `failing` is set. A failed write writes
/// half of the bytes first, as a disk that fills up does.
struct Faulty {
    step: Step,
    error: io::ErrorKind,
    raw: Option<i32>,
    failing: AtomicBool,
    struck: AtomicUsize,
}

impl Faulty {
    fn new(step: Step, error: &io::Error) -> Self {
        Self {
            step,
            error: error.kind(),
            raw: error.raw_os_error(),
            failing: AtomicBool::new(true),
            struck: AtomicUsize::new(0),
        }
    }

    fn strike(&self, step: Step) -> io::Result<()> {
        if step == self.step && self.failing.load(Ordering::SeqCst) {
            self.struck.fetch_add(1, Ordering::SeqCst);
            return Err(match self.raw {
                Some(raw) => io::Error::from_raw_os_error(raw),
                None => io::Error::from(self.error),
            });
        }
        Ok(())
    }
}

impl FileSystem for Faulty {
    fn create(&self, path: &Path) -> io::Result<File> {
        self.strike(Step::Create)?;
        RealFileSystem.create(path)
    }
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        if let Err(e) = self.strike(Step::Write) {
            file.write_all(&bytes[..bytes.len() / 2])?;
            return Err(e);
        }
        RealFileSystem.write(file, bytes)
    }
    fn sync_file(&self, file: &File) -> io::Result<()> {
        self.strike(Step::SyncFile)?;
        RealFileSystem.sync_file(file)
    }
    fn link_or_copy(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.strike(Step::Backup)?;
        RealFileSystem.link_or_copy(from, to)
    }
    fn copy(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.strike(Step::Backup)?;
        RealFileSystem.copy(from, to)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.strike(Step::Rename)?;
        RealFileSystem.rename(from, to)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.strike(Step::SyncDir)?;
        RealFileSystem.sync_dir(dir)
    }
}

fn with_annotations(ids: &[&str]) -> Contents {
    let library = bundled_library();
    let text = library.get(KAMENEV).unwrap();
    let mut contents = Contents::default();
    for (n, id) in ids.iter().enumerate() {
        contents
            .annotations
            .apply(lectern::model::annotation_set::AnnotationEdit::Add(
                Annotation::new(*id, text, (n * 30..n * 30 + 20).into(), None, &NOW.into()),
            ));
    }
    contents
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("tmp-"))
        .collect()
}

#[test]
fn a_fault_at_any_step_of_a_save_leaves_a_whole_file_that_loads() {
    let mut injected = 0;
    for (what, error) in faults() {
        for step in Step::ALL {
            for first_save in [true, false] {
                let temp = tempfile::tempdir().unwrap();
                let profile = Profile::open(Some(temp.path())).unwrap();
                let old = with_annotations(&["A"]);
                if !first_save {
                    old.save(&profile).unwrap();
                }
                let new = with_annotations(&["A", "B"]);
                let faulty = Faulty::new(step, &error);
                let result = save_bytes(
                    &faulty,
                    &profile,
                    &new.to_bytes().unwrap(),
                    &SnapshotPolicy::default(),
                );
                let struck = faulty.struck.load(Ordering::SeqCst);
                injected += struck;
                let case = format!("{what} at {step:?}, first save {first_save}");
                if step == Step::SyncDir {
                    // Only a flush of the folder failed: the file is in place.
                    assert!(result.is_ok(), "{case}: {result:?}");
                } else if struck > 0 {
                    let message = result.unwrap_err().to_string();
                    assert!(!message.is_empty(), "{case}");
                }
                let loaded = AnnotationsFile::load(&profile);
                assert!(loaded.notices.is_empty(), "{case}: {:?}", loaded.notices);
                let ids = loaded.value.as_ref().map(notebook::ids).unwrap_or_default();
                let expected_old: Vec<String> = if first_save {
                    Vec::new()
                } else {
                    vec!["A".into()]
                };
                assert!(
                    ids == expected_old || ids == ["A", "B"],
                    "{case}: neither the old nor the new state: {ids:?}"
                );
                assert!(
                    leftovers(temp.path()).is_empty(),
                    "{case}: {:?}",
                    leftovers(temp.path())
                );
                // When the fault clears, the same save goes through.
                faulty.failing.store(false, Ordering::SeqCst);
                save_bytes(
                    &faulty,
                    &profile,
                    &new.to_bytes().unwrap(),
                    &SnapshotPolicy::default(),
                )
                .unwrap();
                let loaded = AnnotationsFile::load(&profile).value.unwrap();
                assert_eq!(notebook::ids(&loaded), ["A", "B"], "{case}");
            }
        }
    }
    println!("{injected} faults injected");
    assert!(injected >= 30, "only {injected} faults struck");
}

#[test]
fn the_window_keeps_work_that_could_not_be_saved_and_saves_it_when_the_disk_recovers() {
    for (what, error) in faults() {
        let temp = tempfile::tempdir().unwrap();
        let faulty = Arc::new(Faulty::new(Step::Write, &error));
        faulty.failing.store(false, Ordering::SeqCst);
        let mut app = app_with(StartOptions {
            file_system: Some(faulty.clone()),
            ..start_options(temp.path(), &[])
        });
        let text = app.library().get(KAMENEV).unwrap().clone();
        let add = |app: &mut LecternApp, id: &str, at: usize| {
            let annotation = Annotation::new(id, &text, (at..at + 20).into(), None, &NOW.into());
            assert!(
                app.notebook_mut()
                    .edit(Edit::AddAnnotation(annotation), &NOW.into())
                    .unwrap()
            );
        };
        add(&mut app, "A", 0);
        app.save_now();
        assert!(app.save_problems().is_empty(), "{what}");
        // The disk fills up: the save fails, the reader is told, nothing is lost.
        faulty.failing.store(true, Ordering::SeqCst);
        add(&mut app, "B", 40);
        app.save_now();
        // Both files the window saves (the notebook, the reading state) say so.
        let problems = app.save_problems();
        assert_eq!(problems.len(), 2, "{what}: {problems:?}");
        for problem in problems {
            assert!(problem.contains("could not be saved"), "{problem}");
            assert!(problem.contains("kept in memory"), "{problem}");
        }
        let (on_disk, report) = NotebookStore::read(temp.path()).unwrap();
        assert_eq!(notebook::ids(&on_disk), ["A"], "{what}");
        assert!(
            report.notices().is_empty(),
            "{what}: {:?}",
            report.notices()
        );
        assert_eq!(app.notebook().annotations().live().len(), 2);
        // The fault clears: the next save writes what was kept.
        faulty.failing.store(false, Ordering::SeqCst);
        app.save_now();
        assert!(app.save_problems().is_empty(), "{what}");
        drop(app);
        let (on_disk, _) = NotebookStore::read(temp.path()).unwrap();
        assert_eq!(notebook::ids(&on_disk), ["A", "B"], "{what}");
    }
}
