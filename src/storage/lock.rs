//! One profile, one writer: a lock file in the profile folder.
//!
//! The first Lectern to open a profile creates `lectern.lock` in this device's folder of the
//! profile (`devices/<device>/`: a sync engine that carries it to another machine carries a lock
//! of another device, which no Lectern there reads) holding its process id, and
//! removes it when it closes. A second Lectern finds the file, sees that the process is still
//! running, and opens the profile read-only. A lock left behind by a process that no longer
//! runs (a crash, a power cut) is taken over.

use std::fs::{self, OpenOptions};
use std::io::Write as _;
use std::path::PathBuf;

use super::StorageError;
use super::profile::Profile;

/// The lock file's name in the profile folder.
pub const LOCK_FILE: &str = "lectern.lock";

/// A held lock; the file is removed when this is dropped.
#[derive(Debug)]
pub struct ProfileLock {
    path: PathBuf,
}

impl Drop for ProfileLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// What trying to lock a profile found.
#[derive(Debug)]
pub enum LockOutcome {
    /// This process now holds the lock.
    Acquired(ProfileLock),
    /// Another running process holds it (its id, when the file says).
    HeldBy(Option<u32>),
}

/// Tries to lock `profile` for writing.
pub fn lock_profile(profile: &Profile) -> Result<LockOutcome, StorageError> {
    // A Lectern from before the per-device lock keeps its lock at the top of the profile.
    let legacy = fs::read_to_string(profile.dir().join(LOCK_FILE))
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok())
        .filter(|pid| *pid != std::process::id() && process_is_running(*pid));
    if let Some(pid) = legacy {
        return Ok(LockOutcome::HeldBy(Some(pid)));
    }
    let path = profile.lock_path();
    for _ in 0..2 {
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                let written =
                    writeln!(file, "{}", std::process::id()).and_then(|()| file.sync_all());
                if let Err(e) = written {
                    let _ = fs::remove_file(&path);
                    return Err(StorageError::io("writing", &path, e));
                }
                return Ok(LockOutcome::Acquired(ProfileLock { path }));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let holder = fs::read_to_string(&path)
                    .ok()
                    .and_then(|s| s.trim().parse::<u32>().ok());
                if holder.is_some_and(|pid| !process_is_running(pid)) {
                    // Left behind by a process that has gone: take it over.
                    let _ = fs::remove_file(&path);
                    continue;
                }
                return Ok(LockOutcome::HeldBy(holder));
            }
            Err(e) => return Err(StorageError::io("creating", &path, e)),
        }
    }
    Ok(LockOutcome::HeldBy(None))
}

/// Whether a process with this id is running. Where the platform cannot tell, assume it is,
/// so that two writers never share a profile.
pub(crate) fn process_is_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        std::path::Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_opener_finds_the_lock_held() {
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        let first = lock_profile(&profile).unwrap();
        assert!(matches!(first, LockOutcome::Acquired(_)));
        match lock_profile(&profile).unwrap() {
            LockOutcome::HeldBy(pid) => assert_eq!(pid, Some(std::process::id())),
            LockOutcome::Acquired(_) => panic!("two writers on one profile"),
        }
        drop(first);
        assert!(!profile.lock_path().exists(), "released on drop");
        assert!(matches!(
            lock_profile(&profile).unwrap(),
            LockOutcome::Acquired(_)
        ));
    }

    /// A Lectern from before the per-device lock, still running, holds the profile too.
    #[test]
    fn the_lock_of_an_earlier_lectern_is_respected() {
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        let mut running = std::process::Command::new("sleep")
            .arg("5")
            .spawn()
            .unwrap();
        std::fs::write(temp.path().join(LOCK_FILE), format!("{}\n", running.id())).unwrap();
        let held = lock_profile(&profile).unwrap();
        running.kill().unwrap();
        running.wait().unwrap();
        assert!(matches!(held, LockOutcome::HeldBy(Some(_))));
        // Once it has gone, its lock is no one's.
        assert!(matches!(
            lock_profile(&profile).unwrap(),
            LockOutcome::Acquired(_)
        ));
    }

    #[test]
    fn a_lock_left_by_a_dead_process_is_taken_over() {
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        // A process id far above Linux's default pid_max is not running.
        std::fs::write(profile.lock_path(), "4194999\n").unwrap();
        assert!(matches!(
            lock_profile(&profile).unwrap(),
            LockOutcome::Acquired(_)
        ));
    }
}
