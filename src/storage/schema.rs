//! Versioned JSON files: every file names its format and schema version at the top.
//!
//! ```json
//! {
//!   "format": "lectern-reading-state",
//!   "version": 1,
//!   ...the data's own fields...
//! }
//! ```
//!
//! [`load`] reads such a file and decides what the app may do with it: a missing file is
//! simply absent; a file that does not parse (or names another format) is moved aside and the
//! backup is tried; a file from a newer version is read as far as it can be, and marked
//! read-only so that this version never overwrites what a newer one wrote.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StorageError;
use super::atomic::{backup_path, quarantine, write_atomic};

/// A file format: its name and the schema version this build writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Format {
    /// The `format` field's value.
    pub name: &'static str,
    /// The `version` this build writes and fully understands.
    pub version: u32,
}

/// What [`load`] found.
#[derive(Debug)]
pub struct Loaded<T> {
    /// The data, if a file (or its backup) could be read.
    pub value: Option<T>,
    /// True when the file was written by a newer version: do not write it.
    pub read_only: bool,
    /// What happened, in words for the user (empty when all went well).
    pub notices: Vec<String>,
    /// The bytes of the good copy loaded in place of a damaged or missing file, until they
    /// are written back ([`Loaded::write_back`]).
    pub recovered: Option<Vec<u8>>,
}

/// Files whose data serialises to more than this many bytes are written compact (one line)
/// rather than pretty-printed: ten thousand annotations pretty-printed are a third larger and
/// take longer to write than the save budget allows.
pub const PRETTY_LIMIT: usize = 1 << 20;

/// Serialises `value` under `format` with a stable field order: pretty-printed, or compact when
/// large (see [`PRETTY_LIMIT`]), with the checksum of the fields as the last field.
///
/// The value is serialised straight to JSON (no intermediate tree): the checksum is taken over
/// the compact JSON of the fields, which is what a reader gets back when it parses the file and
/// prints it compactly (integers and strings print the same; floats print in their shortest
/// form, which reads back to the same digits).
pub fn to_bytes<T: Serialize>(format: Format, value: &T) -> Result<Vec<u8>, StorageError> {
    let serialise_error = |e: serde_json::Error| StorageError::Serialise {
        what: format.name,
        message: e.to_string(),
    };
    let data = serde_json::to_vec(value).map_err(serialise_error)?;
    let Some(fields) = data
        .strip_prefix(b"{")
        .and_then(|inner| inner.strip_suffix(b"}"))
    else {
        // Not an object: kept under a field of its own.
        let data: serde_json::Value = serde_json::from_slice(&data).map_err(serialise_error)?;
        return to_bytes(format, &serde_json::json!({ "data": data }));
    };
    let name = serde_json::to_string(format.name).map_err(serialise_error)?;
    let mut unsigned = Vec::with_capacity(data.len() + 128);
    unsigned.extend_from_slice(
        format!("{{\"format\":{name},\"version\":{}", format.version).as_bytes(),
    );
    if !fields.is_empty() {
        unsigned.push(b',');
        unsigned.extend_from_slice(fields);
    }
    unsigned.push(b'}');
    let checksum = sha256_hex(&[&unsigned]);
    let mut bytes = if data.len() > PRETTY_LIMIT {
        unsigned.pop();
        unsigned.extend_from_slice(format!(",\"{CHECKSUM_FIELD}\":\"{checksum}\"}}").as_bytes());
        unsigned
    } else {
        let pretty = serde_json::to_vec_pretty(value).map_err(serialise_error)?;
        let inner = pretty
            .strip_prefix(b"{")
            .and_then(|inner| inner.strip_suffix(b"}"))
            .unwrap_or_default();
        let mut bytes = Vec::with_capacity(pretty.len() + 160);
        bytes.extend_from_slice(
            format!(
                "{{\n  \"format\": {name},\n  \"version\": {},",
                format.version
            )
            .as_bytes(),
        );
        // `inner` is "\n  field: …\n" for an object with fields, empty otherwise.
        let inner = inner.strip_suffix(b"\n").unwrap_or(inner);
        if !inner.is_empty() {
            bytes.extend_from_slice(inner);
            bytes.push(b',');
        }
        bytes.extend_from_slice(format!("\n  \"{CHECKSUM_FIELD}\": \"{checksum}\"\n}}").as_bytes());
        bytes
    };
    bytes.push(b'\n');
    Ok(bytes)
}

/// SHA-256 of `parts` one after another, in lower-case hex.
fn sha256_hex(parts: &[&[u8]]) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The field holding the checksum of the rest of the file.
pub const CHECKSUM_FIELD: &str = "checksum";

/// SHA-256 (hex) of the fields' compact JSON, in their order, without the checksum field.
/// A file edited by hand can drop the field: it is then read without the check.
fn checksum_of(object: &serde_json::Map<String, serde_json::Value>) -> String {
    let mut fields = object.clone();
    fields.remove(CHECKSUM_FIELD);
    let compact = serde_json::to_vec(&serde_json::Value::Object(fields)).unwrap_or_default();
    sha256_hex(&[&compact])
}

enum Parsed<T> {
    Ok(T),
    Newer(Option<T>, u32),
    Bad(String),
}

/// The format and version at the head of a file as [`to_bytes`] writes it
/// (`{"format":"…","version":N`), read from its first bytes only.
fn head_as_written(bytes: &[u8]) -> Option<(String, u64)> {
    let rest = bytes.strip_prefix(b"{\"format\":")?;
    let mut strings = serde_json::Deserializer::from_slice(rest).into_iter::<String>();
    let name = strings.next()?.ok()?;
    let rest = rest[strings.byte_offset()..].strip_prefix(b",\"version\":")?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let version = std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()?;
    Some((name, version))
}

/// True when `bytes` are a compact file exactly as [`to_bytes`] writes it, with a checksum
/// that matches: the checksum is then taken over the bytes themselves, with no need to parse
/// the file into a tree and print it again (a tenth of the time for ten thousand annotations).
fn verified_as_written(bytes: &[u8]) -> bool {
    const HEX: usize = 64;
    let tail_len = format!(",\"{CHECKSUM_FIELD}\":\"\"}}\n").len() + HEX;
    let Some(split) = bytes.len().checked_sub(tail_len) else {
        return false;
    };
    let (fields, tail) = bytes.split_at(split);
    let Some(recorded) = tail
        .strip_prefix(format!(",\"{CHECKSUM_FIELD}\":\"").as_bytes())
        .and_then(|rest| rest.strip_suffix(b"\"}\n"))
    else {
        return false;
    };
    if !fields.starts_with(b"{\"format\":") {
        return false;
    }
    sha256_hex(&[fields, b"}"]).as_bytes() == recorded
}

fn parse<T: DeserializeOwned>(format: Format, bytes: &[u8]) -> Parsed<T> {
    if verified_as_written(bytes)
        && let Some((name, version)) = head_as_written(bytes)
        && name == format.name
    {
        let version = u32::try_from(version).unwrap_or(u32::MAX);
        let data = serde_json::from_slice::<T>(bytes);
        if version > format.version {
            return Parsed::Newer(data.ok(), version);
        }
        if let Ok(data) = data {
            return Parsed::Ok(data);
        }
        // Otherwise the slower path below says what is wrong.
    }
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(value) => value,
        Err(e) => return Parsed::Bad(format!("it is not valid JSON ({e})")),
    };
    let name = value.get("format").and_then(|f| f.as_str());
    if name != Some(format.name) {
        return Parsed::Bad(format!(
            "it is not a {} file (format: {})",
            format.name,
            name.unwrap_or("missing")
        ));
    }
    let Some(version) = value.get("version").and_then(serde_json::Value::as_u64) else {
        return Parsed::Bad("its schema version is missing".into());
    };
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if let serde_json::Value::Object(object) = &value
        && let Some(recorded) = object.get(CHECKSUM_FIELD)
        && recorded.as_str() != Some(checksum_of(object).as_str())
    {
        return Parsed::Bad(
            "its checksum does not match its contents (it was damaged, or edited by hand \
             without removing the \"checksum\" field)"
                .into(),
        );
    }
    let data = serde_json::from_value::<T>(value);
    if version > format.version {
        return Parsed::Newer(data.ok(), version);
    }
    match data {
        Ok(data) => Parsed::Ok(data),
        Err(e) => Parsed::Bad(format!("its contents do not fit the format ({e})")),
    }
}

/// Reads a versioned file, falling back on its backup `NAME.bak`; see [`load_with_copies`].
pub fn load<T: DeserializeOwned>(path: &Path, format: Format) -> Loaded<T> {
    load_with_copies(path, format, &[backup_path(path)])
}

/// Reads a versioned file; see the module docs for what happens to bad and newer files.
///
/// `copies` are earlier good copies of the file, the one to prefer first (its backup, then
/// snapshots, newest first). When the file does not parse, or is missing while a copy exists
/// (a sync tool or a full disk can leave either), the first copy that parses is loaded and
/// [`Loaded::recovered`] holds its bytes, for [`Loaded::write_back`] to put back as the file.
pub fn load_with_copies<T: DeserializeOwned>(
    path: &Path,
    format: Format,
    copies: &[PathBuf],
) -> Loaded<T> {
    let mut loaded = Loaded {
        value: None,
        read_only: false,
        notices: Vec::new(),
        recovered: None,
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some((value, from, bytes)) = first_good_copy(format, copies) {
                loaded.value = Some(value);
                loaded.notices.push(format!(
                    "{} was missing, although Lectern had saved it. The last good copy ({}) was \
                     loaded and put back in its place.",
                    path.display(),
                    from.display()
                ));
                loaded.recovered = Some(bytes);
            }
            return loaded;
        }
        Err(e) => {
            loaded.read_only = true;
            loaded.notices.push(format!(
                "{} could not be read ({e}). Lectern will not write to it in this session.",
                path.display()
            ));
            return loaded;
        }
    };
    match parse::<T>(format, &bytes) {
        Parsed::Ok(value) => loaded.value = Some(value),
        Parsed::Newer(value, version) => {
            loaded.value = value;
            loaded.read_only = true;
            loaded.notices.push(format!(
                "{} was written by a newer version of Lectern (schema {version}, this version \
                 reads {}). It is open read-only so that nothing in it is lost.",
                path.display(),
                format.version
            ));
        }
        Parsed::Bad(reason) => {
            let moved = quarantine(path);
            let kept = match &moved {
                Ok(moved) => format!("It was moved to {} and is kept there.", moved.display()),
                Err(e) => {
                    // Could not move it: do not let the app overwrite it either.
                    loaded.read_only = true;
                    format!("It could not be moved aside ({e}); Lectern will not overwrite it.")
                }
            };
            let outcome = match first_good_copy(format, copies) {
                Some((value, from, bytes)) => {
                    loaded.value = Some(value);
                    loaded.recovered = Some(bytes);
                    format!(
                        "The last good copy ({}) was loaded and put back in its place.",
                        from.display()
                    )
                }
                None => "There was no readable backup, so this part of the profile starts \
                         afresh."
                    .into(),
            };
            loaded.notices.push(format!(
                "{} could not be read: {reason}. {kept} {outcome}",
                path.display()
            ));
        }
    }
    loaded
}

/// The first of `copies` that parses as this build's `format`: its value, path and bytes.
fn first_good_copy<T: DeserializeOwned>(
    format: Format,
    copies: &[PathBuf],
) -> Option<(T, PathBuf, Vec<u8>)> {
    copies.iter().find_map(|copy| {
        let bytes = std::fs::read(copy).ok()?;
        match parse::<T>(format, &bytes) {
            Parsed::Ok(value) => Some((value, copy.clone(), bytes)),
            _ => None,
        }
    })
}

/// Parses bytes as a file of `format` written by this version (not newer): what restoring a
/// backup checks first. The error says why not, in words for the reader.
pub fn parse_current<T: DeserializeOwned>(format: Format, bytes: &[u8]) -> Result<T, String> {
    match parse::<T>(format, bytes) {
        Parsed::Ok(value) => Ok(value),
        Parsed::Newer(_, version) => Err(format!(
            "it was written by a newer version of Lectern (schema {version})"
        )),
        Parsed::Bad(reason) => Err(reason),
    }
}

impl<T> Loaded<T> {
    /// Puts a recovered copy back as the file itself (atomically), so that the recovery
    /// sticks: the next start finds the file whole. Call only when the profile is writable.
    /// On failure the notice says so; the recovered data is still loaded and saved later.
    pub fn write_back(&mut self, path: &Path) {
        let Some(bytes) = self.recovered.take() else {
            return;
        };
        if let Err(e) = write_atomic(path, &bytes) {
            self.notices.push(format!(
                "The recovered copy could not be written back ({e}); Lectern will save it again."
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::atomic::write_atomic;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Data {
        // Sorts before "format" alphabetically: the format must still come first.
        annotations: Vec<String>,
    }

    const FORMAT: Format = Format {
        name: "lectern-test",
        version: 2,
    };

    fn data(words: &[&str]) -> Data {
        Data {
            annotations: words.iter().map(|w| (*w).to_owned()).collect(),
        }
    }

    #[test]
    fn files_name_their_format_and_version_first() {
        let bytes = to_bytes(FORMAT, &data(&["entry"])).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.starts_with("{\n  \"format\": \"lectern-test\",\n  \"version\": 2,"),
            "{text}"
        );
    }

    #[test]
    fn a_large_file_is_written_compact_and_reads_back_checked() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("f.json");
        let words: Vec<String> = (0..200_000).map(|n| format!("word «{n}»\t")).collect();
        let large = Data { annotations: words };
        let bytes = to_bytes(FORMAT, &large).unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(text.starts_with("{\"format\":\"lectern-test\",\"version\":2,"));
        assert_eq!(text.lines().count(), 1);
        write_atomic(&path, &bytes).unwrap();
        let loaded = load::<Data>(&path, FORMAT);
        assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
        assert_eq!(loaded.value, Some(large));
        // A changed character is caught.
        let damaged = text.replacen("word «7»", "word «8»", 1);
        std::fs::write(&path, damaged).unwrap();
        let loaded = load::<Data>(&path, FORMAT);
        assert!(
            loaded
                .value
                .is_none_or(|d| d.annotations[7] == "word «7»\t")
        );
        assert!(!loaded.notices.is_empty());
    }

    fn large(count: usize) -> Data {
        Data {
            annotations: (0..count).map(|n| format!("word «{n}» \"q\"\t")).collect(),
        }
    }

    #[test]
    fn a_compact_file_as_written_is_checked_on_its_bytes() {
        let bytes = to_bytes(FORMAT, &large(100_000)).unwrap();
        assert!(verified_as_written(&bytes));
        assert_eq!(
            head_as_written(&bytes),
            Some(("lectern-test".to_owned(), 2)),
            "the head is read from the first bytes"
        );
        assert_eq!(head_as_written(b"{\"format\":\"x\"}"), None);
        // Any changed byte, a cut, or a pretty file: not verified this way.
        let mut flipped = bytes.clone();
        flipped[bytes.len() / 2] ^= 1;
        assert!(!verified_as_written(&flipped));
        assert!(!verified_as_written(&bytes[..bytes.len() - 2]));
        assert!(!verified_as_written(&bytes[1..]));
        let pretty = to_bytes(FORMAT, &data(&["entry"])).unwrap();
        assert!(!verified_as_written(&pretty));
        assert!(!verified_as_written(b""));
    }

    #[test]
    fn a_compact_file_reformatted_by_hand_still_reads_on_the_slow_path() {
        let value = large(100_000);
        let bytes = to_bytes(FORMAT, &value).unwrap();
        // The same JSON with spaces after the first colons: other bytes, same contents.
        let spaced = String::from_utf8(bytes)
            .unwrap()
            .replacen("\"format\":", "\"format\": ", 1)
            .replacen("\"version\":", "\"version\": ", 1);
        assert!(!verified_as_written(spaced.as_bytes()));
        match parse::<Data>(FORMAT, spaced.as_bytes()) {
            Parsed::Ok(read) => assert_eq!(read, value),
            _ => panic!("the reformatted file is read"),
        }
    }

    #[test]
    fn a_compact_file_of_a_newer_version_or_another_format_is_not_taken_as_ours() {
        let value = large(100_000);
        let newer = Format {
            version: FORMAT.version + 1,
            ..FORMAT
        };
        match parse::<Data>(FORMAT, &to_bytes(newer, &value).unwrap()) {
            Parsed::Newer(Some(read), version) => {
                assert_eq!(read, value);
                assert_eq!(version, FORMAT.version + 1);
            }
            _ => panic!("a newer file is read as newer"),
        }
        let other = Format {
            name: "lectern-other",
            ..FORMAT
        };
        assert!(matches!(
            parse::<Data>(FORMAT, &to_bytes(other, &value).unwrap()),
            Parsed::Bad(reason) if reason.contains("lectern-other")
        ));
    }

    #[test]
    fn empty_and_unusual_data_round_trip() {
        #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        struct Empty {}
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("f.json");
        write_atomic(&path, &to_bytes(FORMAT, &Empty {}).unwrap()).unwrap();
        let loaded = load::<Empty>(&path, FORMAT);
        assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
        assert_eq!(loaded.value, Some(Empty {}));
        let odd = data(&["\"quoted\"", "back\\slash", "\u{7}", "ერთობა", ""]);
        write_atomic(&path, &to_bytes(FORMAT, &odd).unwrap()).unwrap();
        let loaded = load::<Data>(&path, FORMAT);
        assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
        assert_eq!(loaded.value, Some(odd));
    }

    #[test]
    fn numbers_do_not_upset_the_checksum() {
        #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        struct Numbers {
            within: f32,
            big: f64,
        }
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("f.json");
        for value in [0.730_573_24_f32, 0.1, 1.0 / 3.0, 0.0] {
            let numbers = Numbers {
                within: value,
                big: f64::from(value) * 1e10,
            };
            write_atomic(&path, &to_bytes(FORMAT, &numbers).unwrap()).unwrap();
            let loaded = load::<Numbers>(&path, FORMAT);
            assert!(loaded.notices.is_empty(), "{value}: {:?}", loaded.notices);
            assert_eq!(loaded.value, Some(numbers));
        }
    }

    #[test]
    fn round_trip() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("f.json");
        write_atomic(
            &path,
            &to_bytes(FORMAT, &data(&["entry", "unification"])).unwrap(),
        )
        .unwrap();
        let loaded = load::<Data>(&path, FORMAT);
        assert_eq!(loaded.value, Some(data(&["entry", "unification"])));
        assert!(!loaded.read_only);
        assert!(loaded.notices.is_empty());
    }

    #[test]
    fn a_missing_file_is_absent_without_notice() {
        let temp = tempfile::tempdir().unwrap();
        let loaded = load::<Data>(&temp.path().join("none.json"), FORMAT);
        assert!(loaded.value.is_none() && loaded.notices.is_empty() && !loaded.read_only);
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_and_the_backup_loaded() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("f.json");
        write_atomic(&path, &to_bytes(FORMAT, &data(&["old"])).unwrap()).unwrap();
        write_atomic(&path, &to_bytes(FORMAT, &data(&["new"])).unwrap()).unwrap();
        let good = std::fs::read(&path).unwrap();
        std::fs::write(&path, &good[..good.len() / 2]).unwrap(); // torn
        let loaded = load::<Data>(&path, FORMAT);
        assert_eq!(loaded.value, Some(data(&["old"])));
        assert!(
            !path.exists(),
            "the bad file must not stay where autosave would overwrite it"
        );
        let moved: Vec<_> = std::fs::read_dir(temp.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
            .collect();
        assert_eq!(moved.len(), 1);
        assert_eq!(
            std::fs::read(moved[0].path()).unwrap(),
            &good[..good.len() / 2]
        );
        assert!(
            loaded.notices[0].contains("moved to"),
            "{:?}",
            loaded.notices
        );
        assert!(
            loaded.notices[0].contains("last good copy"),
            "{:?}",
            loaded.notices
        );
    }

    #[test]
    fn garbage_and_wrong_format_files_are_quarantined_without_backup() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("f.json");
        for bad in [
            &b"\x00\xff\xfe garbage"[..],
            b"{\"format\": \"something-else\", \"version\": 1}",
            b"{\"format\": \"lectern-test\"}",
            b"{\"format\": \"lectern-test\", \"version\": 1, \"annotations\": 7}",
        ] {
            std::fs::write(&path, bad).unwrap();
            let loaded = load::<Data>(&path, FORMAT);
            assert!(loaded.value.is_none());
            assert!(!path.exists());
            assert!(
                loaded.notices[0].contains("no readable backup"),
                "{:?}",
                loaded.notices
            );
        }
    }

    #[test]
    fn a_flipped_bit_inside_a_string_is_caught_by_the_checksum() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("f.json");
        write_atomic(&path, &to_bytes(FORMAT, &data(&["old"])).unwrap()).unwrap();
        write_atomic(&path, &to_bytes(FORMAT, &data(&["unification"])).unwrap()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        // Still valid JSON, but not what was written.
        std::fs::write(&path, text.replace("unification", "unificatiom")).unwrap();
        let loaded = load::<Data>(&path, FORMAT);
        assert_eq!(
            loaded.value,
            Some(data(&["old"])),
            "the backup, not the damaged data"
        );
        assert!(
            loaded.notices[0].contains("checksum"),
            "{:?}",
            loaded.notices
        );
        // Without the checksum field (a hand edit), the file is read as it is.
        let edited = text
            .lines()
            .filter(|line| !line.contains("\"checksum\""))
            .collect::<Vec<_>>()
            .join("\n");
        let edited = edited.replace("  ],\n}", "  ]\n}");
        std::fs::write(&path, edited).unwrap();
        assert_eq!(
            load::<Data>(&path, FORMAT).value,
            Some(data(&["unification"]))
        );
    }

    #[test]
    fn a_newer_file_is_read_only() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("f.json");
        let newer = Format {
            name: FORMAT.name,
            version: 3,
        };
        std::fs::write(&path, to_bytes(newer, &data(&["future"])).unwrap()).unwrap();
        let loaded = load::<Data>(&path, FORMAT);
        assert_eq!(loaded.value, Some(data(&["future"])));
        assert!(loaded.read_only);
        assert!(path.exists(), "a newer file is left exactly where it is");
        assert!(loaded.notices[0].contains("newer version"));
    }
}
