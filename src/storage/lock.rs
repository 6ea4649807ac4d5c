//! One profile, one writer: a lock on a file in the profile folder.
//!
//! The first Lectern to open a profile takes the operating system's lock
//! ([`File::try_lock`]) on `lectern.lock` in this device's folder of the profile
//! (`devices/<device>/`: a sync engine that carries it to another machine carries a file of
//! another device, which no Lectern there reads), writes its process id into it for the
//! reader's information, and removes it when it closes. A second Lectern cannot take the lock
//! and opens the profile read-only. The system lets go of the lock when its holder ends,
//! however it ends: a lock left by a crash or a power cut is free at once, on every platform,
//! and a process id reused by another program holds nothing.
//!
//! A Lectern from before this lock wrote its process id into `lectern.lock` at the top of the
//! profile (or into the per-device file, without locking it): such a file is respected while
//! that process runs.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::StorageError;
use super::process;
use super::profile::Profile;

pub use super::profile::LOCK_FILE;

/// A held lock: the system's lock on the open file, released when this is dropped (the file is
/// removed first).
#[derive(Debug)]
pub struct ProfileLock {
    path: PathBuf,
    file: File,
}

impl Drop for ProfileLock {
    fn drop(&mut self) {
        // Removed while still locked: whoever opens the name next makes a new file and finds
        // it free, and whoever opened this one before sees that it is no longer the file there.
        // A file someone else put there since (this one removed from outside) is not ours.
        if still_there(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
        let _ = self.file.unlock();
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

/// The process id a lock file names.
fn pid_in(path: &Path) -> Option<u32> {
    fs::read_to_string(path)
        .ok()
        .and_then(|s| s.lines().next()?.trim().parse::<u32>().ok())
}

/// Whether `file` is still the file at `path` (not removed or replaced since it was opened).
fn still_there(file: &File, path: &Path) -> bool {
    let (Ok(open), Ok(named)) = (file.metadata(), fs::metadata(path)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        open.dev() == named.dev() && open.ino() == named.ino()
    }
    #[cfg(not(unix))]
    {
        open.len() == named.len()
    }
}

/// Tries to lock `profile` for writing.
pub fn lock_profile(profile: &Profile) -> Result<LockOutcome, StorageError> {
    // A Lectern from before the per-device lock keeps its lock at the top of the profile.
    let legacy = pid_in(&profile.dir().join(LOCK_FILE))
        .filter(|pid| *pid != std::process::id() && process::is_running(*pid));
    if let Some(pid) = legacy {
        return Ok(LockOutcome::HeldBy(Some(pid)));
    }
    let path = profile.lock_path();
    for _ in 0..8 {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| StorageError::io("opening", &path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Ok(LockOutcome::HeldBy(pid_in(&path))),
            Err(TryLockError::Error(e)) => return Err(StorageError::io("locking", &path, e)),
        }
        if !still_there(&file, &path) {
            // Its holder removed it as it let go: lock the file now there.
            continue;
        }
        // An earlier Lectern that wrote the file without locking it, and still runs.
        if let Some(pid) =
            pid_in(&path).filter(|pid| *pid != std::process::id() && process::is_running(*pid))
            && fs::metadata(&path).is_ok_and(|m| m.len() > 0)
            && !written_by_a_locking_lectern(&path)
        {
            let _ = file.unlock();
            return Ok(LockOutcome::HeldBy(Some(pid)));
        }
        let written = file
            .set_len(0)
            .and_then(|()| writeln!(file, "{}\nlocked", std::process::id()))
            .and_then(|()| file.sync_all());
        if let Err(e) = written {
            let _ = file.unlock();
            return Err(StorageError::io("writing", &path, e));
        }
        return Ok(LockOutcome::Acquired(ProfileLock { path, file }));
    }
    Ok(LockOutcome::HeldBy(None))
}

/// Whether the lock file was written by a Lectern that locks it (its second line says so):
/// such a file left behind is no one's, since the system let go of its lock.
fn written_by_a_locking_lectern(path: &Path) -> bool {
    fs::read_to_string(path).is_ok_and(|s| s.lines().nth(1) == Some("locked"))
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

    /// A holder killed outright (no chance to remove its file) holds nothing: the profile can
    /// be opened for writing at once, whatever the file says.
    #[test]
    fn a_killed_holder_frees_the_profile_at_once() {
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        let path = profile.lock_path();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        // Another process takes the system's lock on the file, as a Lectern does; the file
        // says what a Lectern writes into it.
        std::fs::write(&path, "4194999\nlocked\n").unwrap();
        // `--no-fork`: one process holds the lock (`flock` becomes the command it runs).
        let mut holder = std::process::Command::new("flock")
            .args(["--exclusive", "--no-fork"])
            .arg(&path)
            .args(["sleep", "30"])
            .spawn()
            .expect("flock, from util-linux");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let probe = File::open(&path).unwrap();
            match probe.try_lock() {
                Err(TryLockError::WouldBlock) => break,
                Ok(()) => {
                    probe.unlock().unwrap();
                    assert!(
                        std::time::Instant::now() < deadline,
                        "the holder never locked"
                    );
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(TryLockError::Error(e)) => panic!("{e}"),
            }
        }
        std::fs::write(&path, format!("{}\nlocked\n", holder.id())).unwrap();
        let held = match lock_profile(&profile).unwrap() {
            LockOutcome::HeldBy(pid) => pid,
            LockOutcome::Acquired(_) => panic!("two writers on one profile"),
        };
        assert_eq!(held, Some(holder.id()));
        holder.kill().unwrap();
        holder.wait().unwrap();
        assert!(path.exists(), "the killed holder left its file");
        let outcome = lock_profile(&profile).unwrap();
        assert!(
            matches!(outcome, LockOutcome::Acquired(_)),
            "{outcome:?}: {:?}",
            std::fs::read_to_string(&path)
        );
    }

    /// A file of a locking Lectern that names a process id now used by another program (a
    /// reused id) holds nothing: no lock is held on it.
    #[test]
    fn a_reused_process_id_holds_nothing() {
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        let path = profile.lock_path();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let mut other = std::process::Command::new("sleep")
            .arg("5")
            .spawn()
            .unwrap();
        std::fs::write(&path, format!("{}\nlocked\n", other.id())).unwrap();
        let outcome = lock_profile(&profile).unwrap();
        other.kill().unwrap();
        other.wait().unwrap();
        assert!(matches!(outcome, LockOutcome::Acquired(_)));
    }

    /// An earlier Lectern wrote its process id into this device's file without locking it: it
    /// is respected while that process runs.
    #[test]
    fn the_unlocked_file_of_an_earlier_lectern_is_respected_while_it_runs() {
        let temp = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(temp.path())).unwrap();
        let path = profile.lock_path();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let mut running = std::process::Command::new("sleep")
            .arg("5")
            .spawn()
            .unwrap();
        std::fs::write(&path, format!("{}\n", running.id())).unwrap();
        let held = lock_profile(&profile).unwrap();
        running.kill().unwrap();
        running.wait().unwrap();
        assert!(matches!(held, LockOutcome::HeldBy(Some(pid)) if pid == running.id()));
        assert!(matches!(
            lock_profile(&profile).unwrap(),
            LockOutcome::Acquired(_)
        ));
    }
}
