//! Where the profile lives: `--profile DIR`, else `LECTERN_PROFILE`, else the platform's data
//! directory (`directories::ProjectDirs`, e.g. `~/.local/share/lectern` on Linux).
//!
//! The command line resolves the first two (clap reads the variable), so this module only
//! receives an optional explicit directory. Tests always pass a temporary one.

use std::path::{Path, PathBuf};

use super::StorageError;

/// The lock file's name in the profile folder (see [`super::lock`]).
pub const LOCK_FILE: &str = "lectern.lock";

/// The name of the file holding the reading state (open panes, theme, font size).
pub const READING_STATE_FILE: &str = "reading-state.json";
/// The name of the file holding categories, annotations and the trash.
pub const ANNOTATIONS_FILE: &str = "annotations.json";

/// The file in `local/` naming this device.
pub const DEVICE_FILE: &str = "device.json";

/// What sync engines are told to leave alone (`.stignore` for Syncthing, `.gitignore` for
/// git): what belongs to one device only.
pub const NOT_SYNCED: [&str; 5] = [
    "/local",
    "/backups",
    "lectern.lock",
    "/reading-state.json",
    // What a save killed before it finished leaves behind (cleared at the next start).
    "*.tmp-*",
];

/// A profile directory that exists and is ours to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    dir: PathBuf,
    device: String,
}

impl Profile {
    /// The platform's default profile directory, if the platform has one.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("org", "Lectern", "Lectern")
            .map(|dirs| dirs.data_dir().to_path_buf())
    }

    /// Opens (creating if needed) the profile at `explicit`, or the default one.
    pub fn open(explicit: Option<&Path>) -> Result<Self, StorageError> {
        let dir = match explicit {
            Some(dir) => dir.to_path_buf(),
            None => Self::default_dir().ok_or(StorageError::NoDefaultDir)?,
        };
        std::fs::create_dir_all(&dir)
            .map_err(|e| StorageError::io("creating the profile folder", &dir, e))?;
        let device = device_id(&dir);
        let profile = Self { dir, device };
        if let Some(own) = profile.reading_state_path().parent() {
            // Where this device's reading state is saved; a folder that cannot be written
            // is found out (and said) when the profile is locked.
            let _ = std::fs::create_dir_all(own);
        }
        Ok(profile)
    }

    /// The profile directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// This device's id in the profile (see [`device_id`]).
    pub fn device(&self) -> &str {
        &self.device
    }

    /// This device's reading state file: `devices/<device>/reading-state.json`, so that two
    /// devices sharing the profile never write the same one.
    pub fn reading_state_path(&self) -> PathBuf {
        self.dir
            .join("devices")
            .join(&self.device)
            .join(READING_STATE_FILE)
    }

    /// This device's lock of the profile (see [`super::lock`]): in its own folder, so that a
    /// sync engine carrying the profile never brings one device's lock to another.
    pub fn lock_path(&self) -> PathBuf {
        self.dir.join("devices").join(&self.device).join(LOCK_FILE)
    }

    /// Where the reading state was kept before it was per device.
    pub fn shared_reading_state_path(&self) -> PathBuf {
        self.dir.join(READING_STATE_FILE)
    }

    /// Tells Syncthing and git to leave alone what belongs to this device only, by writing
    /// `.stignore` and `.gitignore` where the profile has none (a reader's own are left as
    /// they are).
    pub fn write_ignore_files(&self) {
        let lines: String = NOT_SYNCED.iter().map(|name| format!("{name}\n")).collect();
        for name in [".stignore", ".gitignore"] {
            let path = self.dir.join(name);
            if !path.exists() {
                let text = format!("# Lectern: what belongs to this device only\n{lines}");
                if let Err(e) = super::atomic::write_atomic_in(
                    &super::atomic::RealFileSystem,
                    &path,
                    text.as_bytes(),
                    super::atomic::KeepBackup::None,
                ) {
                    log::warn!("{e}");
                }
            }
        }
    }

    /// The annotations file.
    pub fn annotations_path(&self) -> PathBuf {
        self.dir.join(ANNOTATIONS_FILE)
    }
}

/// The id of this device in the profile at `dir`, kept in `local/device.json` with the
/// machine and folder it was made for. A copy brought by a sync engine that does not read
/// `.stignore` (Dropbox, Nextcloud) names another machine or folder: it is replaced by a new
/// id, so two devices never write records under one id. When the file cannot be written the
/// id lives for this session only.
pub fn device_id(dir: &Path) -> String {
    #[derive(serde::Serialize, serde::Deserialize)]
    struct DeviceFile {
        device: String,
        made_for: String,
    }
    let path = dir.join(super::notebook_dir::LOCAL_DIR).join(DEVICE_FILE);
    // The folder as the file system names it: `--profile ./p` and its full path are one.
    let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let made_for = format!("{} {}", machine_id(), canonical.display());
    let known = std::fs::read(&path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<DeviceFile>(&bytes).ok())
        .filter(|file| file.made_for == made_for && !file.device.is_empty());
    if let Some(file) = known {
        return file.device;
    }
    let device = new_device_id();
    let file = DeviceFile {
        device: device.clone(),
        made_for,
    };
    let written = serde_json::to_vec_pretty(&file)
        .map_err(|e| StorageError::Serialise {
            what: "the device file",
            message: e.to_string(),
        })
        .and_then(|mut bytes| {
            bytes.push(b'\n');
            let parent = path.parent().unwrap_or(dir);
            std::fs::create_dir_all(parent).map_err(|e| StorageError::io("creating", parent, e))?;
            super::atomic::write_atomic_in(
                &super::atomic::RealFileSystem,
                &path,
                &bytes,
                super::atomic::KeepBackup::None,
            )
        });
    if let Err(e) = written {
        log::warn!("this device's id is not kept: {e}");
    }
    device
}

/// This machine's id (`/etc/machine-id` on Linux), or its host name.
fn machine_id() -> String {
    ["/etc/machine-id", "/var/lib/dbus/machine-id"]
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "this-machine".into())
}

/// A new device id: twelve hex digits from the system's random hash seed, the time and the
/// process.
fn new_device_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    hasher.write_u128(nanos);
    hasher.write_u32(std::process::id());
    format!("d{:012x}", hasher.finish() & 0xffff_ffff_ffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_profile_is_created_and_used() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("nested").join("profile");
        let profile = Profile::open(Some(&dir)).unwrap();
        assert!(dir.is_dir());
        assert_eq!(profile.dir(), dir);
        assert_eq!(
            profile.reading_state_path(),
            dir.join("devices")
                .join(profile.device())
                .join("reading-state.json")
        );
    }

    /// A device keeps its id; a copy of the device file brought into another folder (as a
    /// sync engine that ignores `.stignore` brings it) makes a new one there.
    #[test]
    fn a_device_keeps_its_id_and_a_copied_device_file_is_not_shared() {
        let temp = tempfile::tempdir().unwrap();
        let (a, b) = (temp.path().join("a"), temp.path().join("b"));
        let first = Profile::open(Some(&a)).unwrap();
        assert_eq!(Profile::open(Some(&a)).unwrap().device(), first.device());
        std::fs::create_dir_all(b.join("local")).unwrap();
        std::fs::copy(a.join("local/device.json"), b.join("local/device.json")).unwrap();
        let second = Profile::open(Some(&b)).unwrap();
        assert_ne!(second.device(), first.device());
        assert_eq!(Profile::open(Some(&b)).unwrap().device(), second.device());
    }

    #[test]
    fn an_unwritable_profile_is_an_error_naming_the_folder() {
        let temp = tempfile::tempdir().unwrap();
        let file = temp.path().join("a-file");
        std::fs::write(&file, "not a folder").unwrap();
        let err = Profile::open(Some(&file.join("profile"))).unwrap_err();
        assert!(err.to_string().contains("a-file"), "{err}");
    }
}
