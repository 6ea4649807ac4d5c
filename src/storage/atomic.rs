//! Atomic, durable writes with a last-good backup; quarantine of files that do not parse.
//!
//! [`write_atomic`] writes a temporary file in the same folder, flushes it to disk, keeps the
//! current file as `NAME.bak`, renames the temporary file over `NAME` and flushes the folder. A
//! kill at any instant leaves the old or the new file whole, never a torn one.

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

/// Writes `bytes` to `path` atomically and durably, keeping the previous file as a backup.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let temp = sibling(path, &format!(".tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = File::create(&temp).map_err(|e| StorageError::io("creating", &temp, e))?;
        file.write_all(bytes)
            .map_err(|e| StorageError::io("writing", &temp, e))?;
        file.sync_all()
            .map_err(|e| StorageError::io("flushing to disk", &temp, e))?;
        drop(file);
        if path.exists() {
            keep_backup(path)?;
        }
        fs::rename(&temp, path).map_err(|e| StorageError::io("replacing", path, e))?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Makes `NAME.bak` a copy of the current `NAME`, atomically (hard link where possible).
fn keep_backup(path: &Path) -> Result<(), StorageError> {
    let backup = backup_path(path);
    let backup_temp = sibling(path, &format!(".bak-tmp-{}", std::process::id()));
    let _ = fs::remove_file(&backup_temp);
    if fs::hard_link(path, &backup_temp).is_err() {
        fs::copy(path, &backup_temp).map_err(|e| StorageError::io("backing up", path, e))?;
        if let Ok(file) = File::open(&backup_temp) {
            let _ = file.sync_all();
        }
    }
    fs::rename(&backup_temp, &backup).map_err(|e| StorageError::io("backing up", &backup, e))
}

/// Flushes a folder's entries (the rename) to disk. Not every platform can; that is not an error.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
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
