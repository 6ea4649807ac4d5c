//! Rolling snapshots of the annotations in the profile's `backups/` folder, as Zotero keeps
//! them: besides `annotations.json.bak` (the previous save), a reader can go back days.
//!
//! After a save of the annotations, a snapshot `backups/annotations-YYYYMMDDTHHMMSSZ.json` is
//! written when the newest one is at least [`SnapshotPolicy::interval`] old. Each snapshot is
//! written atomically and read back and parsed before it counts; one that does not verify is
//! removed. The folder is then pruned: the [`SnapshotPolicy::recent`] newest snapshots are
//! kept, and the newest of each of the last [`SnapshotPolicy::days`] days; nothing else, so
//! the folder holds at most `recent + days` files.
//!
//! Snapshots are also what loading falls back on when `annotations.json` and its backup are
//! both damaged or missing (see [`recovery_copies`]).

use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::StorageError;
use super::annotations_format::ANNOTATIONS_FORMAT;
use super::atomic::{FileSystem, KeepBackup, backup_path, write_atomic_in};
use super::profile::Profile;
use super::schema::parse_current;
use crate::model::clock;
use crate::model::notebook::{Contents, Counts};

/// The folder of snapshots in a profile.
pub const BACKUPS_DIR: &str = "backups";
const PREFIX: &str = "annotations-";
const SUFFIX: &str = ".json";
/// The name [`list`] gives the previous save (`annotations.json.bak`).
pub const PREVIOUS_SAVE: &str = "previous-save";

/// When snapshots are taken and how many are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SnapshotPolicy {
    /// The least time between two snapshots.
    pub interval: Duration,
    /// How many of the newest snapshots are kept.
    pub recent: usize,
    /// For how many days (counting today) the newest snapshot of each day is kept.
    pub days: u64,
}

impl Default for SnapshotPolicy {
    fn default() -> Self {
        Self {
            interval: Duration::from_secs(10 * 60),
            recent: 10,
            days: 30,
        }
    }
}

/// One backup a reader can restore.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// Its name for `lectern restore NAME`: the file name without `.json`, or
    /// [`PREVIOUS_SAVE`].
    pub name: String,
    /// The file.
    pub path: PathBuf,
    /// When it was written (RFC 3339).
    pub written: String,
    /// What it holds, or why it cannot be read.
    pub counts: Result<Counts, String>,
}

/// The snapshots folder of `profile`.
pub fn backups_dir(profile: &Profile) -> PathBuf {
    profile.dir().join(BACKUPS_DIR)
}

/// `2026-11-30T10:15:00Z` → `20261130T101500Z`.
fn compact(rfc3339: &str) -> String {
    rfc3339.chars().filter(|c| *c != '-' && *c != ':').collect()
}

/// `20261130T101500Z` → `2026-11-30T10:15:00Z`, when the name is one of ours.
fn expand(compact: &str) -> Option<String> {
    let b = compact.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    if b.len() != 16 || !digits(0..8) || b[8] != b'T' || !digits(9..15) || b[15] != b'Z' {
        return None;
    }
    let s = compact;
    Some(format!(
        "{}-{}-{}T{}:{}:{}Z",
        &s[0..4],
        &s[4..6],
        &s[6..8],
        &s[9..11],
        &s[11..13],
        &s[13..15]
    ))
}

/// The snapshots in the folder, newest first: (time as RFC 3339, path).
fn snapshots(profile: &Profile) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(backups_dir(profile)) else {
        return Vec::new();
    };
    let mut found: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
            Some((expand(stamp)?, entry.path()))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0));
    found
}

/// The good copies loading falls back on, in order: the previous save, then the snapshots,
/// newest first.
pub fn recovery_copies(profile: &Profile) -> Vec<PathBuf> {
    std::iter::once(backup_path(&profile.annotations_path()))
        .chain(snapshots(profile).into_iter().map(|(_, path)| path))
        .collect()
}

fn seconds_of(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Seconds since the epoch of an RFC 3339 UTC time as [`clock::rfc3339`] writes it.
fn seconds_of_stamp(stamp: &str) -> Option<u64> {
    let number = |r: std::ops::Range<usize>| stamp.get(r)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    // Howard Hinnant's days-from-civil algorithm.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    u64::try_from(days * 86_400 + hour * 3_600 + minute * 60 + second).ok()
}

/// Writes a snapshot of `bytes` now, whatever the policy's interval: named by the first
/// second from now that no snapshot has (two in one second must not overwrite each other).
pub fn snapshot_now(
    fs: &dyn FileSystem,
    profile: &Profile,
    bytes: &[u8],
) -> Result<Option<PathBuf>, StorageError> {
    let mut at = SystemTime::now();
    let taken = |at: SystemTime| {
        let name = format!("{PREFIX}{}{SUFFIX}", compact(&clock::rfc3339(at)));
        backups_dir(profile).join(name).exists()
    };
    while taken(at) {
        at += std::time::Duration::from_secs(1);
    }
    let policy = SnapshotPolicy {
        interval: std::time::Duration::ZERO,
        ..SnapshotPolicy::default()
    };
    snapshot_after_save(fs, profile, bytes, at, &policy)
}

/// Keeps the notebook `contents` as it is now in a snapshot of its own, before a restore
/// changes it: what the restore sets back (a note written since, changed to the backup's text)
/// is then still in a backup, not only in the window's undo history. Returns the snapshot's
/// name, as [`list`] names it.
pub fn keep_before_restore(profile: &Profile, contents: &Contents) -> Result<String, StorageError> {
    let bytes = contents.to_bytes()?;
    let path = snapshot_now(&super::atomic::RealFileSystem, profile, &bytes)?.ok_or_else(|| {
        StorageError::Verify {
            path: backups_dir(profile),
            message: "no snapshot was written".into(),
        }
    })?;
    Ok(path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default())
}

/// Whether a snapshot is due at `now`: none was taken in the last `policy.interval` (one
/// stamped in the future, by a clock set back since, does not count).
pub fn snapshot_due(profile: &Profile, now: SystemTime, policy: &SnapshotPolicy) -> bool {
    let newest = snapshots(profile)
        .first()
        .and_then(|(newest, _)| seconds_of_stamp(newest));
    // A snapshot named a few seconds ahead (two taken in one second) is a recent one.
    const AHEAD: u64 = 60;
    !newest.is_some_and(|newest| {
        seconds_of(now).saturating_sub(newest) < policy.interval.as_secs()
            && newest <= seconds_of(now) + AHEAD
    })
}

/// After a save of `bytes` as the annotations, writes a snapshot of them if the newest is at
/// least `policy.interval` old, verifies it, and prunes the folder. Returns the snapshot
/// written, if any.
pub fn snapshot_after_save(
    fs: &dyn FileSystem,
    profile: &Profile,
    bytes: &[u8],
    now: SystemTime,
    policy: &SnapshotPolicy,
) -> Result<Option<PathBuf>, StorageError> {
    let stamp = clock::rfc3339(now);
    if !snapshot_due(profile, now, policy) {
        return Ok(None);
    }
    let dir = backups_dir(profile);
    std::fs::create_dir_all(&dir)
        .map_err(|e| StorageError::io("creating the backups folder", &dir, e))?;
    // Never over another snapshot: a second that has one takes the next free second.
    let mut at = now;
    let mut path = dir.join(format!("{PREFIX}{}{SUFFIX}", compact(&stamp)));
    while path.exists() {
        at += Duration::from_secs(1);
        path = dir.join(format!("{PREFIX}{}{SUFFIX}", compact(&clock::rfc3339(at))));
    }
    write_atomic_in(fs, &path, bytes, KeepBackup::None)?;
    let verified = std::fs::read(&path)
        .map_err(|e| e.to_string())
        .and_then(|written| {
            if written == bytes {
                parse_current::<Contents>(ANNOTATIONS_FORMAT, &written).map(|_| ())
            } else {
                Err("what was read back differs from what was written".into())
            }
        });
    if let Err(reason) = verified {
        let _ = std::fs::remove_file(&path);
        return Err(StorageError::Verify {
            path,
            message: reason,
        });
    }
    prune(profile, now, policy);
    Ok(Some(path))
}

/// Removes the snapshots the policy does not keep.
fn prune(profile: &Profile, now: SystemTime, policy: &SnapshotPolicy) {
    let today = seconds_of(now) / 86_400;
    let mut days_kept = std::collections::HashSet::new();
    for (index, (stamp, path)) in snapshots(profile).into_iter().enumerate() {
        let day = seconds_of_stamp(&stamp).map(|s| s / 86_400);
        let recent_enough = day.is_some_and(|d| today.saturating_sub(d) < policy.days);
        // The newest of its day (the list is newest first).
        let first_of_day = recent_enough && day.is_some_and(|d| days_kept.insert(d));
        if index < policy.recent || first_of_day {
            continue;
        }
        if let Err(e) = std::fs::remove_file(&path) {
            log::warn!(
                "an old snapshot could not be removed: {}: {e}",
                path.display()
            );
        }
    }
}

/// Every backup, newest first (the previous save, then the snapshots), each read and parsed
/// once: its name, file, when it was written, and what `keep` takes of what it holds.
fn each<T>(
    profile: &Profile,
    keep: impl Fn(Result<Contents, String>) -> T,
) -> Vec<(String, PathBuf, String, T)> {
    let read = |path: &PathBuf| {
        std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| parse_current::<Contents>(ANNOTATIONS_FORMAT, &bytes))
    };
    let mut backups = Vec::new();
    let previous = backup_path(&profile.annotations_path());
    if let Ok(metadata) = std::fs::metadata(&previous) {
        let written = metadata
            .modified()
            .map_or_else(|_| String::new(), |time| clock::rfc3339(time).into_string());
        let kept = keep(read(&previous));
        backups.push((PREVIOUS_SAVE.to_owned(), previous, written, kept));
    }
    for (stamp, path) in snapshots(profile) {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let kept = keep(read(&path));
        backups.push((name, path, stamp, kept));
    }
    backups.sort_by(|a, b| b.2.cmp(&a.2));
    backups
}

/// The backups a reader can restore, newest first: the previous save, then the snapshots.
pub fn list(profile: &Profile) -> Vec<Backup> {
    each(profile, |contents| contents.map(|c| c.counts()))
        .into_iter()
        .map(|(name, path, written, counts)| Backup {
            name,
            path,
            written,
            counts,
        })
        .collect()
}

/// The notebooks the backups hold that can be read, newest first, with when each was written:
/// what a damaged record is recovered from.
pub fn notebooks(profile: &Profile) -> Vec<(String, Contents)> {
    each(profile, Result::ok)
        .into_iter()
        .filter_map(|(_, _, written, contents)| Some((written, contents?)))
        .collect()
}

/// Reads the backup named `name` (as [`list`] names them), checked.
pub fn read(profile: &Profile, name: &str) -> Result<Contents, String> {
    // Found by its name alone: the others are not read.
    let path = if name == PREVIOUS_SAVE {
        Some(backup_path(&profile.annotations_path()))
    } else {
        snapshots(profile)
            .into_iter()
            .map(|(_, path)| path)
            .find(|path| {
                path.file_stem().is_some_and(|stem| stem == name)
                    || path.file_name().is_some_and(|file| file == name)
            })
    };
    let path = path.filter(|path| path.is_file()).ok_or_else(|| {
        format!("there is no backup named “{name}” (`lectern backups` lists them)")
    })?;
    let bytes =
        std::fs::read(&path).map_err(|e| format!("{} could not be read: {e}", path.display()))?;
    parse_current(ANNOTATIONS_FORMAT, &bytes)
        .map_err(|reason| format!("{} cannot be restored: {reason}", path.display()))
}

#[cfg(test)]
mod tests;
