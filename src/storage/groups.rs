//! Study groups on disk: who the reader is (their member and signing key), the groups they
//! joined, each group's folder read as hostile input, and the records they share written into
//! their own part of it. The rules (signatures, threads, what is new) are
//! [`crate::model::group`]'s.
//!
//! ```text
//! <profile>/member.json                     the reader's member id, name and colour (synced
//!                                           with the profile, so every device is one member)
//! <profile>/local/member-key.json           this device's signing key (never synced)
//! <profile>/local/groups.json               the groups this device joined, by folder
//! <profile>/local/group-seen/<group>.json   what this device has seen of each group
//! <profile>/local/group-checked/<group>.bin the signatures this device found good (so that
//!                                           the next open checks only what changed)
//! <profile>/local/layers.json               the layers and records shown or hidden
//!
//! <group>/group.json                        the group's name
//! <group>/members/<member>/keys/<key>.json  a member's published key
//! <group>/members/<member>/records/<id>.json  one shared record, signed
//! ```
//!
//! A group folder is written by other people, so reading it never follows a link, never reads
//! a file over [`MAX_FILE_BYTES`], reads at most [`MAX_RECORDS_PER_MEMBER`] records of one
//! member, and refuses (and reports) ids that are not plain names, files that do not parse and
//! versions it does not know. Lectern writes only inside `members/<its member>/`, never through
//! a link, and only what the reader shared: nothing of the private notebook goes there unless
//! the reader puts it there.

use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::StorageError;
use super::atomic::{KeepBackup, RealFileSystem, write_atomic_in};
use super::notebook_dir::LOCAL_DIR;
use crate::formats::ids::Timestamp;
use crate::model::group::{
    Checked, GROUP_FORMAT, GROUP_VERSION, GroupFile, GroupLayer, GroupRecord, KEY_FORMAT, KeyCard,
    LayerFilter, Member, MemberKey, RECORD_FORMAT, Seen, Shared, colour_text, first_colour,
    valid_id,
};

/// The reader's member file in the profile.
pub const MEMBER_FILE: &str = "member.json";
/// The largest group file Lectern reads.
pub const MAX_FILE_BYTES: u64 = 256 * 1024;
/// The most records of one member Lectern reads.
pub const MAX_RECORDS_PER_MEMBER: usize = 5_000;
/// The most key cards of one member Lectern reads.
pub const MAX_KEYS_PER_MEMBER: usize = 16;
/// The most members of one group Lectern reads.
pub const MAX_MEMBERS: usize = 200;

/// Who the reader is in their groups, and the key this device signs with.
#[derive(Clone, Debug)]
pub struct Identity {
    /// The member.
    pub member: Member,
    /// This device's key.
    pub key: MemberKey,
}

#[derive(Serialize, Deserialize)]
struct KeyFile {
    member: String,
    secret: String,
}

fn json_bytes<T: Serialize>(what: &'static str, value: &T) -> Result<Vec<u8>, StorageError> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|e| StorageError::Serialise {
        what,
        message: e.to_string(),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    let parent = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| StorageError::io("creating", parent, e))?;
    write_atomic_in(&RealFileSystem, path, bytes, KeepBackup::None)
}

fn random_bytes<const N: usize>() -> Result<[u8; N], StorageError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| StorageError::Io {
        action: "drawing a random key",
        path: PathBuf::from("getrandom"),
        source: std::io::Error::other(e.to_string()),
    })?;
    Ok(bytes)
}

/// A new record id: `r-` and 16 random base64url characters.
fn new_record_id() -> Result<String, StorageError> {
    Ok(format!(
        "r-{}",
        URL_SAFE_NO_PAD.encode(random_bytes::<12>()?)
    ))
}

/// The name a member starts with before they choose one: the system's user name.
pub fn default_member_name() -> String {
    std::env::var("USER")
        .ok()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "Reader".to_owned())
}

/// The reader's member, if they have one.
pub fn member(profile_dir: &Path) -> Option<Member> {
    let bytes = fs::read(profile_dir.join(MEMBER_FILE)).ok()?;
    serde_json::from_slice::<Member>(&bytes)
        .ok()
        .filter(|m| valid_id(&m.id))
}

/// The reader's member and this device's key, made on first use: the member named
/// `default_name` with a colour of their own, and a new key.
pub fn identity(profile_dir: &Path, default_name: &str) -> Result<Identity, StorageError> {
    let member = match member(profile_dir) {
        Some(member) => member,
        None => {
            let id = format!("m-{}", URL_SAFE_NO_PAD.encode(random_bytes::<9>()?));
            let member = Member {
                colour: colour_text(first_colour(&id)),
                id,
                name: default_name.to_owned(),
            };
            write_file(
                &profile_dir.join(MEMBER_FILE),
                &json_bytes("the member file", &member)?,
            )?;
            member
        }
    };
    let key_path = key_path(profile_dir);
    let key = fs::read(&key_path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<KeyFile>(&bytes).ok())
        .and_then(|file| URL_SAFE_NO_PAD.decode(file.secret).ok())
        .and_then(|secret| <[u8; 32]>::try_from(secret).ok())
        .map(MemberKey::from_secret);
    let key = match key {
        Some(key) => key,
        None => {
            let key = MemberKey::from_secret(random_bytes()?);
            write_key(profile_dir, &member, &key)?;
            key
        }
    };
    Ok(Identity { member, key })
}

fn key_path(profile_dir: &Path) -> PathBuf {
    profile_dir.join(LOCAL_DIR).join("member-key.json")
}

fn write_key(profile_dir: &Path, member: &Member, key: &MemberKey) -> Result<(), StorageError> {
    let path = key_path(profile_dir);
    let file = KeyFile {
        member: member.id.clone(),
        secret: URL_SAFE_NO_PAD.encode(key.secret()),
    };
    write_file(&path, &json_bytes("the signing key", &file)?)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(&path, fs::Permissions::from_mode(0o600));
    }
    Ok(())
}

/// Changes the reader's name (and colour, when given) and publishes it in every group joined.
pub fn rename(
    profile_dir: &Path,
    name: &str,
    colour: Option<[u8; 3]>,
    now: Timestamp,
) -> Result<Identity, StorageError> {
    let mut identity = identity(profile_dir, name)?;
    identity.member.name = name.trim().to_owned();
    if let Some(colour) = colour {
        identity.member.colour = colour_text(colour);
    }
    write_file(
        &profile_dir.join(MEMBER_FILE),
        &json_bytes("the member file", &identity.member)?,
    )?;
    for group in joined(profile_dir) {
        publish_card(&group.dir, &identity, now.clone(), None)?;
    }
    Ok(identity)
}

/// Replaces this device's key with a new one: in each group joined, the new key's card is
/// published, endorsed by the old key, the old card withdrawn, and this member's records signed
/// again with the new key. Returns how many records were signed again.
pub fn new_key(profile_dir: &Path, now: Timestamp) -> Result<usize, StorageError> {
    let old = identity(profile_dir, "")?;
    let new = Identity {
        member: old.member.clone(),
        key: MemberKey::from_secret(random_bytes()?),
    };
    write_key(profile_dir, &new.member, &new.key)?;
    let mut resigned = 0;
    for group in joined(profile_dir) {
        publish_card(&group.dir, &new, now.clone(), Some(&old.key))?;
        let Some(mine) = own_folder(&group.dir, &new.member.id)? else {
            continue;
        };
        let _ = fs::remove_file(mine.join("keys").join(format!("{}.json", old.key.id())));
        // Only the member's own records, as the old key signed them: a record someone else
        // put in the folder stays as unverified as it was.
        let records = mine.join("records");
        for entry in fs::read_dir(&records).into_iter().flatten().flatten() {
            let Some(record) = own_record(&entry.path(), &old, &old.key) else {
                continue;
            };
            let again = record.resigned(&new.key);
            write_own(
                &group.dir,
                &new.member.id,
                "records",
                &again.id,
                &json_bytes("a group record", &again)?,
            )?;
            resigned += 1;
        }
    }
    Ok(resigned)
}

/// A group this device joined.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinedGroup {
    /// What the reader calls it.
    pub name: String,
    /// Its folder.
    pub dir: PathBuf,
}

fn groups_path(profile_dir: &Path) -> PathBuf {
    profile_dir.join(LOCAL_DIR).join("groups.json")
}

/// The groups this device joined, in the order joined.
pub fn joined(profile_dir: &Path) -> Vec<JoinedGroup> {
    fs::read(groups_path(profile_dir))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// The joined group called `name` (or, when none is, whose folder is `name`).
pub fn find_group(profile_dir: &Path, name: &str) -> Option<JoinedGroup> {
    let groups = joined(profile_dir);
    groups
        .iter()
        .find(|g| g.name == name)
        .or_else(|| groups.iter().find(|g| g.name.eq_ignore_ascii_case(name)))
        .or_else(|| groups.iter().find(|g| g.dir == Path::new(name)))
        .cloned()
}

/// Why a group could not be joined.
#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    /// The folder is inside the profile (whose notebook is private).
    #[error(
        "{0} is inside the profile: a group folder must be outside it, or the private notebook would be shared"
    )]
    InsideProfile(PathBuf),
    /// Another joined group has this name.
    #[error("a group called {0:?} is already joined; give this one another name with --name")]
    NameTaken(String),
    /// Reading or writing failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Joins the group in `dir`, called `name` or what its `group.json` says (else its folder's
/// name), and publishes the reader's key in it. A group is made by naming it: `group.json` is
/// written only when `name` is given and the folder has none.
pub fn join(
    profile_dir: &Path,
    dir: &Path,
    name: Option<&str>,
    default_member_name: &str,
    now: Timestamp,
) -> Result<(JoinedGroup, Identity), JoinError> {
    fs::create_dir_all(dir).map_err(|e| StorageError::io("creating", dir, e))?;
    let dir = dir
        .canonicalize()
        .map_err(|e| StorageError::io("reading", dir, e))?;
    let profile = profile_dir
        .canonicalize()
        .unwrap_or_else(|_| profile_dir.to_path_buf());
    if dir.starts_with(&profile) || profile.starts_with(&dir) {
        return Err(JoinError::InsideProfile(dir));
    }
    let group_file = dir.join("group.json");
    let from_file = read_small(&group_file)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<GroupFile>(&bytes).ok())
        .filter(|f| f.format == GROUP_FORMAT)
        .map(|f| f.name);
    let folder_name = dir
        .file_name()
        .map_or_else(|| "Group".to_owned(), |n| n.to_string_lossy().into_owned());
    let given_name = name.is_some();
    let name = name
        .map(str::to_owned)
        .or(from_file.clone())
        .unwrap_or(folder_name);
    // Only the one who names a group writes its `group.json`: a member joining a copy the
    // sync engine has not filled yet must not write a second one (it would conflict).
    if from_file.is_none() && given_name && fs::symlink_metadata(&group_file).is_err() {
        write_file(
            &group_file,
            &json_bytes("the group file", &GroupFile::new(&name))?,
        )?;
    }
    let mut groups = joined(profile_dir);
    if let Some(same) = groups.iter().find(|g| g.dir == dir) {
        let identity = identity(profile_dir, default_member_name)?;
        publish_card(&dir, &identity, now, None)?;
        return Ok((same.clone(), identity));
    }
    if groups.iter().any(|g| g.name == name) {
        return Err(JoinError::NameTaken(name));
    }
    let identity = identity(profile_dir, default_member_name)?;
    publish_card(&dir, &identity, now, None)?;
    let group = JoinedGroup { name, dir };
    groups.push(group.clone());
    write_file(
        &groups_path(profile_dir),
        &json_bytes("the groups joined", &groups)?,
    )?;
    Ok((group, identity))
}

/// Leaves the group `name` on this device (its folder and the records in it stay).
pub fn leave(profile_dir: &Path, name: &str) -> Result<bool, StorageError> {
    let (left, groups): (Vec<JoinedGroup>, Vec<JoinedGroup>) = joined(profile_dir)
        .into_iter()
        .partition(|g| g.name == name);
    if left.is_empty() {
        return Ok(false);
    }
    write_file(
        &groups_path(profile_dir),
        &json_bytes("the groups joined", &groups)?,
    )?;
    // The signatures checked are only time saved: they go with the group (and any kept for a
    // group left while it was being read). What was seen (and whose keys are trusted) stays,
    // for a reader who joins again.
    let keep: Vec<PathBuf> = groups
        .iter()
        .map(|g| checked_path(profile_dir, g))
        .collect();
    let checked_dir = profile_dir.join(LOCAL_DIR).join(CHECKED_DIR);
    for entry in fs::read_dir(&checked_dir).into_iter().flatten().flatten() {
        if !keep.contains(&entry.path()) {
            let _ = fs::remove_file(entry.path());
        }
    }
    Ok(true)
}

/// The reader's own folder in the group (`members/<id>/` with its `keys/` and `records/`),
/// made where missing; `None` for an id that is not a plain name, and an error when any part
/// of it is a link or a file, since writing through it could write outside the group.
fn own_folder(group_dir: &Path, member_id: &str) -> Result<Option<PathBuf>, StorageError> {
    if !valid_id(member_id) {
        return Ok(None);
    }
    let mine = group_dir.join("members").join(member_id);
    for path in [
        group_dir.join("members"),
        mine.clone(),
        mine.join("keys"),
        mine.join("records"),
    ] {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() || !meta.is_dir() => {
                return Err(StorageError::io(
                    "writing into",
                    &path,
                    std::io::Error::other("a link or a file stands where a folder should be"),
                ));
            }
            Ok(_) => {}
            Err(_) => fs::create_dir(&path).map_err(|e| StorageError::io("creating", &path, e))?,
        }
    }
    Ok(Some(mine))
}

/// Writes `bytes` to `name` in the reader's own `sub` folder of the group, never through a
/// link (a link put where the file goes is replaced, not followed).
fn write_own(
    group_dir: &Path,
    member_id: &str,
    sub: &str,
    name: &str,
    bytes: &[u8],
) -> Result<PathBuf, StorageError> {
    let Some(mine) = own_folder(group_dir, member_id)? else {
        return Err(StorageError::io(
            "writing into",
            group_dir,
            std::io::Error::other("the member id is not a plain name"),
        ));
    };
    if !valid_id(name) {
        return Err(StorageError::io(
            "writing into",
            group_dir,
            std::io::Error::other("a record's id is not a plain name"),
        ));
    }
    let path = mine.join(sub).join(format!("{name}.json"));
    write_into_group(&path, bytes)?;
    Ok(path)
}

/// Writes `bytes` to `path` in a group's folder atomically and durably, never through a link:
/// the temporary file has a random name and is made new (`O_EXCL`, which does not follow a link
/// put in its place), and the rename replaces whatever stands at `path` (a link included)
/// rather than writing where it points.
fn write_into_group(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    use std::io::Write as _;
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(
        ".{name}.tmp-{}",
        URL_SAFE_NO_PAD.encode(random_bytes::<9>()?)
    ));
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|e| StorageError::io("creating", &temp, e))?;
        file.write_all(bytes)
            .map_err(|e| StorageError::io("writing", &temp, e))?;
        file.sync_all()
            .map_err(|e| StorageError::io("flushing to disk", &temp, e))?;
        drop(file);
        fs::rename(&temp, path).map_err(|e| StorageError::io("replacing", path, e))?;
        if let Ok(folder) = fs::File::open(dir) {
            let _ = folder.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Publishes the reader's key card in the group (again, when their name or colour changed).
pub fn publish_card(
    group_dir: &Path,
    identity: &Identity,
    now: Timestamp,
    replaces: Option<&MemberKey>,
) -> Result<(), StorageError> {
    let key_id = identity.key.id();
    if replaces.is_none()
        && let Ok(bytes) = fs::read(
            group_dir
                .join("members")
                .join(&identity.member.id)
                .join("keys")
                .join(format!("{key_id}.json")),
        )
        && let Ok(card) = serde_json::from_slice::<KeyCard>(&bytes)
        && card.name == identity.member.name
        && card.colour == identity.member.colour
        && card.self_signed()
    {
        return Ok(());
    }
    // A card endorsed earlier keeps its endorsement when only the name changes.
    let previous_endorsement = fs::read(
        group_dir
            .join("members")
            .join(&identity.member.id)
            .join("keys")
            .join(format!("{key_id}.json")),
    )
    .ok()
    .and_then(|bytes| serde_json::from_slice::<KeyCard>(&bytes).ok())
    .and_then(|card| card.replaces);
    let mut card = KeyCard::new(&identity.member, &identity.key, now.clone(), replaces);
    if replaces.is_none()
        && let Some(endorsement) = previous_endorsement
    {
        card.replaces = Some(endorsement);
        card = card.signed_again(&identity.key);
    }
    write_own(
        group_dir,
        &identity.member.id,
        "keys",
        &key_id,
        &json_bytes("a key card", &card)?,
    )?;
    Ok(())
}

/// Shares `body` in `group` as the reader: a record in their own folder, signed. An item the
/// reader shared before (the same annotation, note or comparison, or their word on a thread)
/// is shared again in its record, as its new version, not as a second record. Returns the
/// record's id.
pub fn share(
    group: &JoinedGroup,
    identity: &Identity,
    body: Shared,
    now: Timestamp,
) -> Result<String, StorageError> {
    publish_card(&group.dir, identity, now.clone(), None)?;
    let earlier = body
        .item_id()
        .and_then(|item| shared_before(&group.dir, identity, body.kind(), item));
    let id = match earlier {
        Some(id) => id,
        None => new_record_id()?,
    };
    write_record(group, identity, id, body, now)
}

/// Shares `body` in `group` as the reader in a new record, without looking for one that shared
/// the same item before (a generated group, whose items are all new). Returns its id.
pub fn share_new(
    group: &JoinedGroup,
    identity: &Identity,
    body: Shared,
    now: Timestamp,
) -> Result<String, StorageError> {
    write_record(group, identity, new_record_id()?, body, now)
}

/// Writes `body` as the reader's record `id`, signed; returns the id.
fn write_record(
    group: &JoinedGroup,
    identity: &Identity,
    id: String,
    body: Shared,
    now: Timestamp,
) -> Result<String, StorageError> {
    let record = GroupRecord::signed(id.clone(), &identity.member, &identity.key, now, body);
    write_own(
        &group.dir,
        &identity.member.id,
        "records",
        &id,
        &json_bytes("a group record", &record)?,
    )?;
    Ok(id)
}

/// The id of the reader's record in the group that shares the item `item` of `kind`, if any.
/// Only a record the reader signed, in a file named for its id, counts: another member may
/// have put a record in the reader's folder.
fn shared_before(
    group_dir: &Path,
    identity: &Identity,
    kind: crate::model::group::SharedKind,
    item: &str,
) -> Option<String> {
    let records = group_dir
        .join("members")
        .join(&identity.member.id)
        .join("records");
    fs::read_dir(records).ok()?.flatten().find_map(|entry| {
        let record = own_record(&entry.path(), identity, &identity.key)?;
        (record.body.kind() == kind && record.body.item_id() == Some(item)).then_some(record.id)
    })
}

/// The record in `path` if it is the reader's own: named for its id (a plain one), theirs, and
/// signed by `key`.
fn own_record(path: &Path, identity: &Identity, key: &MemberKey) -> Option<GroupRecord> {
    let bytes = read_small(path).ok()?;
    let record: GroupRecord = serde_json::from_slice(&bytes).ok()?;
    let named = path.file_name()?.to_str()? == format!("{}.json", record.id);
    (named
        && valid_id(&record.id)
        && record.member == identity.member.id
        && record.is_signed_by(key))
    .then_some(record)
}

/// What reading a group folder refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// A link, not followed.
    Link(PathBuf),
    /// A name that is not a plain id (a path, `..`, a hidden file).
    BadName(PathBuf),
    /// A file over [`MAX_FILE_BYTES`].
    TooLarge(PathBuf, u64),
    /// A file that does not parse as what it should be.
    Malformed(PathBuf, String),
    /// A file of a format or version this Lectern does not know.
    UnknownVersion(PathBuf, u32),
    /// A member's files beyond the limits: how many there were and how many were read.
    Flood {
        /// The member's folder.
        member: String,
        /// How many files there were.
        found: usize,
        /// How many were read.
        read: usize,
    },
}

impl Refused {
    /// The refusal in a sentence for the reader.
    pub fn message(&self, group: &str) -> String {
        let shown = |p: &PathBuf| p.display().to_string();
        match self {
            Refused::Link(path) => {
                crate::tr!("group-refused-link", group = group, file = shown(path))
            }
            Refused::BadName(path) => {
                crate::tr!("group-refused-name", group = group, file = shown(path))
            }
            Refused::TooLarge(path, size) => crate::tr!(
                "group-refused-large",
                group = group,
                file = shown(path),
                kib = size / 1024,
                limit = MAX_FILE_BYTES / 1024
            ),
            Refused::Malformed(path, why) => crate::tr!(
                "group-refused-malformed",
                group = group,
                file = shown(path),
                why = why.as_str()
            ),
            Refused::UnknownVersion(path, version) => crate::tr!(
                "group-refused-version",
                group = group,
                file = shown(path),
                version = *version
            ),
            Refused::Flood {
                member,
                found,
                read,
            } => crate::tr!(
                "group-refused-flood",
                group = group,
                member = member.as_str(),
                found = *found,
                read = *read
            ),
        }
    }
}

/// A group folder as read: its layer and what was refused.
#[derive(Clone, Debug, Default)]
pub struct GroupRead {
    /// The layer.
    pub layer: GroupLayer,
    /// What was refused, with paths relative to the group's folder.
    pub refused: Vec<Refused>,
}

/// Reads a small file, refusing links, non-files and files over [`MAX_FILE_BYTES`] (checked on
/// the open file, so a file grown after the check is still cut off).
fn read_small(path: &Path) -> Result<Vec<u8>, ReadRefusal> {
    use std::io::Read;
    let meta = fs::symlink_metadata(path).map_err(|_| ReadRefusal::Gone)?;
    if meta.file_type().is_symlink() {
        return Err(ReadRefusal::Link);
    }
    if !meta.is_file() {
        return Err(ReadRefusal::NotFile);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadRefusal::TooLarge(meta.len()));
    }
    // Opened without following a link and without blocking (a FIFO swapped in since the
    // check), and checked again on the open file.
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return ReadRefusal::Link;
        }
        let _ = e;
        ReadRefusal::Gone
    })?;
    let opened = file.metadata().map_err(|_| ReadRefusal::Gone)?;
    if !opened.is_file() {
        return Err(ReadRefusal::NotFile);
    }
    let mut bytes = Vec::with_capacity(opened.len().min(MAX_FILE_BYTES) as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| ReadRefusal::Gone)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadRefusal::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

enum ReadRefusal {
    Gone,
    Link,
    NotFile,
    TooLarge(u64),
}

/// What a sync engine or an interrupted write leaves beside the files, passed over quietly.
fn is_passing_file(name: &str) -> bool {
    name.contains(".tmp-")
        || name.contains(".bak-tmp-")
        || name.starts_with(".syncthing.")
        || name.starts_with(".st")
        || name.starts_with(".git")
        || crate::model::sync::conflict_original(name).is_some()
}

/// The `<id>.json` files of `dir` (at most `limit`, by name), with what was refused.
fn listed(
    dir: &Path,
    group_dir: &Path,
    limit: usize,
    refused: &mut Vec<Refused>,
    member: &str,
) -> Vec<(String, PathBuf)> {
    let relative = |p: &Path| p.strip_prefix(group_dir).unwrap_or(p).to_path_buf();
    match fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_symlink() => {
            refused.push(Refused::Link(relative(dir)));
            return Vec::new();
        }
        Ok(meta) if meta.is_dir() => {}
        _ => return Vec::new(),
    }
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_passing_file(&name) {
            continue;
        }
        match name.strip_suffix(".json").filter(|id| valid_id(id)) {
            Some(id) => files.push((id.to_owned(), entry.path())),
            None => refused.push(Refused::BadName(relative(&entry.path()))),
        }
    }
    files.sort();
    if files.len() > limit {
        refused.push(Refused::Flood {
            member: member.to_owned(),
            found: files.len(),
            read: limit,
        });
        files.truncate(limit);
    }
    files
}

fn parse_file<T: for<'de> Deserialize<'de>>(
    path: &Path,
    group_dir: &Path,
    format: &str,
) -> Result<T, Refused> {
    let relative = path.strip_prefix(group_dir).unwrap_or(path).to_path_buf();
    let bytes = match read_small(path) {
        Ok(bytes) => bytes,
        Err(ReadRefusal::Link) => return Err(Refused::Link(relative)),
        Err(ReadRefusal::TooLarge(size)) => return Err(Refused::TooLarge(relative, size)),
        Err(ReadRefusal::Gone | ReadRefusal::NotFile) => {
            return Err(Refused::Malformed(relative, "not a file".into()));
        }
    };
    #[derive(Deserialize)]
    struct Head {
        format: String,
        version: u32,
    }
    let head: Head = serde_json::from_slice(&bytes)
        .map_err(|e| Refused::Malformed(relative.clone(), e.to_string()))?;
    if head.format != format {
        return Err(Refused::Malformed(
            relative,
            format!("a {:?} file where a {format:?} file should be", head.format),
        ));
    }
    if head.version != GROUP_VERSION {
        return Err(Refused::UnknownVersion(relative, head.version));
    }
    serde_json::from_slice(&bytes).map_err(|e| Refused::Malformed(relative, e.to_string()))
}

/// Reads the group in `dir`, called `name`, as hostile input: nothing is written, no link is
/// followed, and what is refused is said. Every signature is checked; a profile's groups are
/// read with [`read_joined`], which checks only what changed since this device last read.
pub fn read_group(name: &str, dir: &Path) -> GroupRead {
    read_group_with(name, dir, &Checked::default()).0
}

/// Reads the joined `group` as [`read_group`] does, taking as good the signatures this device
/// found good before (kept in the profile's own area, beside what it has seen, and never in
/// the group's folder, which others write), and keeps those found good now for the next read.
/// Keeping them may fail (a read-only profile): the next read then checks them again.
pub fn read_joined(profile_dir: &Path, group: &JoinedGroup) -> GroupRead {
    let path = checked_path(profile_dir, group);
    // Bounded as a group folder's file is: at most every record of every member.
    let most = (MAX_MEMBERS * MAX_RECORDS_PER_MEMBER * 32 + 64) as u64;
    let known = fs::File::open(&path)
        .and_then(|file| {
            use std::io::Read;
            let mut bytes = Vec::new();
            file.take(most).read_to_end(&mut bytes).map(|_| bytes)
        })
        .map(|bytes| Checked::from_bytes(&bytes))
        .unwrap_or_default();
    let (read, checked) = read_group_with(&group.name, &group.dir, &known);
    // Kept when they changed, but not from a read that found no record at all (a folder not
    // there, or not yet synced: the next read would check everything again), nor for a group
    // left while it was being read.
    let keep = checked != known
        && !read.layer.entries.is_empty()
        && joined(profile_dir).iter().any(|g| g.dir == group.dir);
    if keep && let Err(e) = write_file(&path, &checked.to_bytes()) {
        log::info!("the signatures checked in {} are not kept: {e}", group.name);
    }
    read
}

fn read_group_with(name: &str, dir: &Path, known: &Checked) -> (GroupRead, Checked) {
    let mut refused = Vec::new();
    let members_dir = dir.join("members");
    let mut member_dirs: Vec<(String, PathBuf)> = Vec::new();
    match fs::symlink_metadata(&members_dir) {
        Ok(meta) if meta.file_type().is_symlink() => refused.push(Refused::Link("members".into())),
        Ok(meta) if meta.is_dir() => {
            for entry in fs::read_dir(&members_dir).into_iter().flatten().flatten() {
                let file_name = entry.file_name().to_string_lossy().into_owned();
                if is_passing_file(&file_name) {
                    continue;
                }
                let relative = PathBuf::from("members").join(&file_name);
                match fs::symlink_metadata(entry.path()) {
                    Ok(meta) if meta.file_type().is_symlink() => {
                        refused.push(Refused::Link(relative))
                    }
                    Ok(meta) if meta.is_dir() && valid_id(&file_name) => {
                        member_dirs.push((file_name, entry.path()));
                    }
                    _ => refused.push(Refused::BadName(relative)),
                }
            }
        }
        _ => {}
    }
    member_dirs.sort();
    if member_dirs.len() > MAX_MEMBERS {
        refused.push(Refused::Flood {
            member: "members".into(),
            found: member_dirs.len(),
            read: MAX_MEMBERS,
        });
        member_dirs.truncate(MAX_MEMBERS);
    }
    let mut cards = Vec::new();
    let mut to_read: Vec<(String, String, PathBuf)> = Vec::new();
    for (member, path) in &member_dirs {
        for (id, file) in listed(
            &path.join("keys"),
            dir,
            MAX_KEYS_PER_MEMBER,
            &mut refused,
            member,
        ) {
            match parse_file::<KeyCard>(&file, dir, KEY_FORMAT) {
                Ok(card) if card.key == id => cards.push((member.clone(), card)),
                Ok(_) => refused.push(Refused::Malformed(
                    file.strip_prefix(dir).unwrap_or(&file).to_path_buf(),
                    "the file's name is not its key".into(),
                )),
                Err(refusal) => refused.push(refusal),
            }
        }
        for (id, file) in listed(
            &path.join("records"),
            dir,
            MAX_RECORDS_PER_MEMBER,
            &mut refused,
            member,
        ) {
            to_read.push((member.clone(), id, file));
        }
    }
    let parsed: Vec<Result<(String, GroupRecord), Refused>> = to_read
        .par_iter()
        .map(|(member, id, file)| {
            let record = parse_file::<GroupRecord>(file, dir, RECORD_FORMAT)?;
            if &record.id != id {
                return Err(Refused::Malformed(
                    file.strip_prefix(dir).unwrap_or(file).to_path_buf(),
                    "the file's name is not its record's id".into(),
                ));
            }
            Ok((member.clone(), record))
        })
        .collect();
    let mut records = Vec::with_capacity(parsed.len());
    for result in parsed {
        match result {
            Ok(record) => records.push(record),
            Err(refusal) => refused.push(refusal),
        }
    }
    let (layer, checked) = GroupLayer::assemble_checked(name, cards, records, known);
    (GroupRead { layer, refused }, checked)
}

/// The name of a joined group's files in the profile's own area (from its folder's path).
fn local_name(group: &JoinedGroup) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(group.dir.to_string_lossy().as_bytes());
    URL_SAFE_NO_PAD.encode(&digest[..12])
}

fn seen_path(profile_dir: &Path, group: &JoinedGroup) -> PathBuf {
    profile_dir
        .join(LOCAL_DIR)
        .join("group-seen")
        .join(format!("{}.json", local_name(group)))
}

fn checked_path(profile_dir: &Path, group: &JoinedGroup) -> PathBuf {
    profile_dir
        .join(LOCAL_DIR)
        .join(CHECKED_DIR)
        .join(format!("{}.bin", local_name(group)))
}

/// The folder, in the profile's own area, of the signatures each group's read found good.
const CHECKED_DIR: &str = "group-checked";

/// What this device has seen of `group`.
pub fn load_seen(profile_dir: &Path, group: &JoinedGroup) -> Seen {
    fs::read(seen_path(profile_dir, group))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Keeps what this device has seen of `group`.
pub fn save_seen(profile_dir: &Path, group: &JoinedGroup, seen: &Seen) -> Result<(), StorageError> {
    write_file(
        &seen_path(profile_dir, group),
        &json_bytes("what was seen", seen)?,
    )
}

fn layers_path(profile_dir: &Path) -> PathBuf {
    profile_dir.join(LOCAL_DIR).join("layers.json")
}

/// The layers and records this device shows or hides.
pub fn load_filter(profile_dir: &Path) -> LayerFilter {
    fs::read(layers_path(profile_dir))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Keeps the layers and records shown or hidden.
pub fn save_filter(profile_dir: &Path, filter: &LayerFilter) -> Result<(), StorageError> {
    write_file(
        &layers_path(profile_dir),
        &json_bytes("the layers shown", filter)?,
    )
}

#[cfg(test)]
mod tests;

/// A watch on the folders of the groups joined, while the window is open: once something has
/// changed in one and it has been quiet for [`super::watch::QUIET`], the window is woken to read
/// the groups again. It stops when dropped.
pub struct GroupWatch {
    _watchers: Vec<notify::RecommendedWatcher>,
    news: std::sync::Arc<std::sync::atomic::AtomicBool>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Drop for GroupWatch {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

impl std::fmt::Debug for GroupWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GroupWatch").finish_non_exhaustive()
    }
}

impl GroupWatch {
    /// Watches the folders `dirs`; `wake` is called (on the watch's thread) when news has been
    /// quiet long enough to read.
    pub fn start(dirs: &[PathBuf], wake: impl Fn() + Send + 'static) -> Result<Self, String> {
        use notify::Watcher as _;
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::{Arc, Mutex, PoisonError};
        use std::time::Instant;
        let news = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let last: Arc<Mutex<Option<Instant>>> = Arc::new(Mutex::new(None));
        let mut watchers = Vec::new();
        for dir in dirs {
            let heard = last.clone();
            let handler = move |event: notify::Result<notify::Event>| {
                if event.is_ok_and(|e| {
                    !matches!(e.kind, notify::EventKind::Access(_))
                        && e.paths.iter().any(|p| {
                            p.file_name()
                                .and_then(|n| n.to_str())
                                .is_some_and(|n| !n.contains(".tmp-"))
                        })
                }) {
                    *heard.lock().unwrap_or_else(PoisonError::into_inner) = Some(Instant::now());
                }
            };
            // A link in the folder (written by others) is not followed out of it.
            let mut watcher = notify::RecommendedWatcher::new(
                handler,
                notify::Config::default().with_follow_symlinks(false),
            )
            .map_err(|e| e.to_string())?;
            watcher
                .watch(dir, notify::RecursiveMode::Recursive)
                .map_err(|e| e.to_string())?;
            watchers.push(watcher);
        }
        let (ready, ending) = (news.clone(), stop.clone());
        std::thread::Builder::new()
            .name("lectern-group-watch".into())
            .spawn(move || {
                while !ending.load(Ordering::SeqCst) {
                    std::thread::sleep(super::watch::QUIET / 5);
                    let mut heard = last.lock().unwrap_or_else(PoisonError::into_inner);
                    if heard.is_some_and(|at| at.elapsed() >= super::watch::QUIET) {
                        *heard = None;
                        ready.store(true, Ordering::SeqCst);
                        wake();
                    }
                }
            })
            .map_err(|e| e.to_string())?;
        Ok(Self {
            _watchers: watchers,
            news,
            stop,
        })
    }

    /// Whether a group's folder changed (and went quiet) since the last call.
    pub fn take_news(&self) -> bool {
        self.news.swap(false, std::sync::atomic::Ordering::SeqCst)
    }
}
