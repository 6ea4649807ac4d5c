//! Where the profile lives: `--profile DIR`, else `LECTERN_PROFILE`, else the platform's data
//! directory (`directories::ProjectDirs`, e.g. `~/.local/share/lectern` on Linux).
//!
//! The command line resolves the first two (clap reads the variable), so this module only
//! receives an optional explicit directory. Tests always pass a temporary one.

use std::path::{Path, PathBuf};

use super::StorageError;

/// The name of the file holding the reading state (open panes, theme, font size).
pub const READING_STATE_FILE: &str = "reading-state.json";
/// The name of the file holding categories, annotations and the trash.
pub const ANNOTATIONS_FILE: &str = "annotations.json";

/// A profile directory that exists and is ours to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    dir: PathBuf,
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
        Ok(Self { dir })
    }

    /// The profile directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The reading state file.
    pub fn reading_state_path(&self) -> PathBuf {
        self.dir.join(READING_STATE_FILE)
    }

    /// The annotations file.
    pub fn annotations_path(&self) -> PathBuf {
        self.dir.join(ANNOTATIONS_FILE)
    }
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
        assert_eq!(profile.reading_state_path(), dir.join("reading-state.json"));
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
