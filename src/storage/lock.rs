//! One profile, one writer: a lock file in the profile folder.
//!
//! The first Lectern to open a profile creates `lectern.lock` holding its process id, and
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
    let path = profile.dir().join(LOCK_FILE);
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
        assert!(!temp.path().join(LOCK_FILE).exists(), "released on drop");
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
        std::fs::write(temp.path().join(LOCK_FILE), "4194999\n").unwrap();
        assert!(matches!(
            lock_profile(&profile).unwrap(),
            LockOutcome::Acquired(_)
        ));
    }
}
