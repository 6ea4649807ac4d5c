//! Atomic, durable writes with a last-good backup; quarantine of files that do not parse.
//!
//! [`write_atomic`] writes a temporary file in the same folder, flushes it to disk, keeps the
//! current file as `NAME.bak`, renames the temporary file over `NAME` and flushes the folder. A
//! kill at any instant leaves the old or the new file whole, never a torn one. Every step goes
//! through a small [`FileSystem`] trait, so that tests can make any step fail.

use std::fs::{self, File};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::StorageError;

/// The backup kept beside `path`: `NAME.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// A step of a save: where a fault can strike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Creating the temporary file.
    Create,
    /// Writing the bytes into it.
    Write,
    /// Flushing it to disk.
    SyncFile,
    /// Keeping the current file as the backup (a link or a copy).
    Backup,
    /// Renaming the temporary file (or the backup's) into place.
    Rename,
    /// Flushing the folder's entries to disk.
    SyncDir,
}

impl Step {
    /// Every step, in the order a save takes them.
    pub const ALL: [Step; 6] = [
        Step::Create,
        Step::Write,
        Step::SyncFile,
        Step::Backup,
        Step::Rename,
        Step::SyncDir,
    ];
}

/// The file operations a save is made of. Lectern uses [`RealFileSystem`]; tests put a failure
/// at any step (a full disk, a folder turned read-only) and check that nothing is lost.
pub trait FileSystem: Send + Sync {
    /// Creates (or truncates) a file for writing.
    fn create(&self, path: &Path) -> std::io::Result<File> {
        File::create(path)
    }
    /// Writes all of `bytes`.
    fn write(&self, file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
        file.write_all(bytes)
    }
    /// Flushes a file to disk.
    fn sync_file(&self, file: &File) -> std::io::Result<()> {
        file.sync_all()
    }
    /// Makes `to` the same file as `from`: a hard link where possible, else a flushed copy.
    fn link_or_copy(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        if fs::hard_link(from, to).is_ok() {
            return Ok(());
        }
        self.copy(from, to)
    }
    /// Copies `from` to `to` and flushes the copy.
    fn copy(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        fs::copy(from, to)?;
        File::open(to)?.sync_all()
    }
    /// Renames a file over another, atomically.
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        fs::rename(from, to)
    }
    /// Flushes a folder's entries (a rename) to disk.
    fn sync_dir(&self, dir: &Path) -> std::io::Result<()> {
        File::open(dir)?.sync_all()
    }
}

/// The operating system's file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealFileSystem;

impl FileSystem for RealFileSystem {}

/// What backup a write keeps as `NAME.bak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeepBackup {
    /// None (for files that are themselves backups).
    None,
    /// The previous version of the file, when there is one.
    Previous,
    /// The previous version; and at the first save a copy of the file itself, so that a file
    /// damaged before its second save still has something to fall back on (the reader's
    /// notebook).
    Always,
}

/// Writes `bytes` to `path` atomically and durably, keeping the previous file as a backup.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    write_atomic_in(&RealFileSystem, path, bytes, KeepBackup::Previous)
}

/// Writes `bytes` to `path` atomically and durably through the file system `fs`, keeping the
/// `backup` asked for.
pub fn write_atomic_in(
    fs: &dyn FileSystem,
    path: &Path,
    bytes: &[u8],
    backup: KeepBackup,
) -> Result<(), StorageError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let temp = sibling(path, &format!(".tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = fs
            .create(&temp)
            .map_err(|e| StorageError::io("creating", &temp, e))?;
        fs.write(&mut file, bytes)
            .map_err(|e| StorageError::io("writing", &temp, e))?;
        fs.sync_file(&file)
            .map_err(|e| StorageError::io("flushing to disk", &temp, e))?;
        drop(file);
        let first = !path.exists();
        if backup != KeepBackup::None && !first {
            keep_backup(fs, path, false)?;
        }
        fs.rename(&temp, path)
            .map_err(|e| StorageError::io("replacing", path, e))?;
        // Not every platform can flush a folder; the rename is done either way.
        if let Err(e) = fs.sync_dir(dir) {
            log::warn!("{} could not be flushed to disk: {e}", dir.display());
        }
        if backup == KeepBackup::Always && first && !backup_path(path).exists() {
            // The first save has no previous version to keep: a copy of itself is the backup,
            // so that a file damaged before the second save still has something to fall back
            // on. A copy, not a link: damage done to the file in place must not reach it.
            keep_backup(fs, path, true)?;
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Makes `NAME.bak` the current `NAME`, atomically: a hard link to the file about to be
/// replaced (it is never written again: the next version is a new file renamed over it), or a
/// copy (always a copy when `copy`).
fn keep_backup(fs: &dyn FileSystem, path: &Path, copy: bool) -> Result<(), StorageError> {
    let backup = backup_path(path);
    let backup_temp = sibling(path, &format!(".bak-tmp-{}", std::process::id()));
    let _ = std::fs::remove_file(&backup_temp);
    let kept = if copy {
        fs.copy(path, &backup_temp)
    } else {
        fs.link_or_copy(path, &backup_temp)
    };
    let result = kept
        .map_err(|e| StorageError::io("backing up", path, e))
        .and_then(|()| {
            fs.rename(&backup_temp, &backup)
                .map_err(|e| StorageError::io("backing up", &backup, e))
        });
    if result.is_err() {
        let _ = std::fs::remove_file(&backup_temp);
    }
    result
}

/// Removes the temporary files that saves killed midway left in `dir` (`NAME.tmp-PID` and
/// `NAME.bak-tmp-PID` of a process that is no longer running). The files they were to
/// replace are whole: a save never touches them before its temporary file is complete.
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some((before, pid)) = name.rsplit_once("tmp-") else {
            continue;
        };
        if !(before.ends_with('.') || before.ends_with(".bak-")) {
            continue;
        }
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid != std::process::id() && !super::process::is_running(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Moves a file that does not parse aside as `NAME.corrupt-<unix seconds>` and returns the
/// new path. The file is never deleted or overwritten.
pub fn quarantine(path: &Path) -> Result<PathBuf, StorageError> {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut target = sibling(path, &format!(".corrupt-{seconds}"));
    let mut n = 1;
    while target.exists() {
        target = sibling(path, &format!(".corrupt-{seconds}-{n}"));
        n += 1;
    }
    fs::rename(path, &target).map_err(|e| StorageError::io("moving aside", path, e))?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_replaces_the_file_and_keeps_the_previous_one_as_backup() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("state.json");
        write_atomic(&path, b"one").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert!(!backup_path(&path).exists());
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        // No temporary files are left behind.
        let names: Vec<_> = fs::read_dir(temp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_alone() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("missing-folder").join("state.json");
        assert!(write_atomic(&path, b"x").is_err());
        let path = temp.path().join("state.json");
        write_atomic(&path, b"old").unwrap();
        // A folder in the way of the temporary file makes the write fail.
        fs::create_dir(sibling(&path, &format!(".tmp-{}", std::process::id()))).unwrap();
        assert!(write_atomic(&path, b"new").is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");
    }

    #[test]
    fn the_first_backup_is_a_copy_that_damage_in_place_does_not_reach() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("state.json");
        write_atomic_in(&RealFileSystem, &path, b"whole", KeepBackup::Always).unwrap();
        // A sync tool or a bad sector overwrites the file in place.
        fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .and_then(|mut f| f.write_all(b"TORN!"))
            .unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"TORN!");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"whole");
    }

    #[test]
    fn temporaries_of_killed_saves_are_removed_and_others_kept() {
        let temp = tempfile::tempdir().unwrap();
        let dead = temp.path().join("annotations.json.tmp-4194999");
        let dead_backup = temp.path().join("annotations.json.bak-tmp-4194998");
        let ours = sibling(
            &temp.path().join("x.json"),
            &format!(".tmp-{}", std::process::id()),
        );
        let unrelated = temp.path().join("notes.tmp-draft");
        for file in [&dead, &dead_backup, &ours, &unrelated] {
            fs::write(file, b"x").unwrap();
        }
        remove_stale_temporaries(temp.path());
        assert!(!dead.exists() && !dead_backup.exists());
        assert!(ours.exists() && unrelated.exists());
    }

    #[test]
    fn quarantine_moves_the_file_aside_without_losing_it() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("state.json");
        fs::write(&path, b"{ torn").unwrap();
        let moved = quarantine(&path).unwrap();
        assert!(!path.exists());
        assert_eq!(fs::read(&moved).unwrap(), b"{ torn");
        assert!(
            moved
                .file_name()
                .unwrap()
                .to_string_lossy()
                .contains(".corrupt-")
        );
        fs::write(&path, b"again").unwrap();
        let second = quarantine(&path).unwrap();
        assert_ne!(moved, second);
    }
}
