//! A study group's layer: its members, the records they share, signed, their threads of
//! replies, and what is new to this reader. Pure: the folder is read by
//! [`crate::storage::groups`], which hands the parsed files here; keys are drawn there too.
//!
//! A group is a folder that every member's sync engine carries. Each member writes only in
//! `members/<member id>/`: a key card per signing key (`keys/<key id>.json`, the public half,
//! signed by itself and, when it replaces a key, by the key before it) and one file per record
//! (`records/<record id>.json`). Separate members therefore never write the same file, and a
//! reply is a record of its own, so replies never conflict.
//!
//! Authorship is a signature, not a field: a record verifies when its Ed25519 signature checks
//! against a key its author's folder publishes. A record edited by hand, forged in another's
//! name, or signed by a key its author no longer publishes is shown as **unverified**, with who
//! it claims to be by. What a signature does not promise: that the name on a key card is the
//! person's (a group trusts each key the first time it sees it, and says when a member's key
//! changes), or that a record was not withheld.

use std::collections::{BTreeMap, BTreeSet};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::formats::ids::{TextId, Timestamp};
use crate::model::annotation::{Annotation, Category};
use crate::model::comparison::{Comparison, ComparisonNote};

/// The format name of a group's `group.json`.
pub const GROUP_FORMAT: &str = "lectern-group";
/// The format name of a member's key card.
pub const KEY_FORMAT: &str = "lectern-group-key";
/// The format name of a shared record.
pub const RECORD_FORMAT: &str = "lectern-group-record";
/// The version of every group file this Lectern writes and reads.
pub const GROUP_VERSION: u32 = 1;
/// The longest id (of a member, key or record) a group folder may use.
pub const MAX_ID_LEN: usize = 64;

/// Whether `id` may name a member, key or record: 1 to [`MAX_ID_LEN`] ASCII letters, digits,
/// `-` and `_` (base64url's alphabet, so a key's id may begin with `-`), so it can never be a
/// path, `..` or a hidden file.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A group's own file: its name, written by whoever made the group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupFile {
    /// Always [`GROUP_FORMAT`].
    pub format: String,
    /// The version.
    pub version: u32,
    /// The group's name ("Seminar").
    pub name: String,
}

impl GroupFile {
    /// The file of a new group called `name`.
    pub fn new(name: &str) -> Self {
        GroupFile {
            format: GROUP_FORMAT.to_owned(),
            version: GROUP_VERSION,
            name: name.to_owned(),
        }
    }
}

/// A member's signing key (the private half, which never leaves the device).
#[derive(Clone)]
pub struct MemberKey(SigningKey);

impl std::fmt::Debug for MemberKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MemberKey({})", self.id())
    }
}

impl MemberKey {
    /// The key of a 32-byte secret (drawn from the system's generator by storage).
    pub fn from_secret(secret: [u8; 32]) -> Self {
        MemberKey(SigningKey::from_bytes(&secret))
    }

    /// The secret, to keep in the device's own area.
    pub fn secret(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The key's id: its public half in base64url (43 characters), also its card's file name.
    pub fn id(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0.verifying_key().as_bytes())
    }

    fn sign(&self, bytes: &[u8]) -> String {
        URL_SAFE_NO_PAD.encode(self.0.sign(bytes).to_bytes())
    }
}

/// The public key a key id names, if it is one.
fn public_key(id: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = URL_SAFE_NO_PAD.decode(id).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// Whether `signature` is `key`'s signature of `bytes` (strict: no malleable signatures).
fn verifies(key: &str, bytes: &[u8], signature: &str) -> bool {
    public_key(key).is_some_and(|key| verifies_with(&key, bytes, signature))
}

/// Whether `signature` is `key`'s signature of `bytes`.
fn verifies_with(key: &VerifyingKey, bytes: &[u8], signature: &str) -> bool {
    let Some(bytes64) = URL_SAFE_NO_PAD
        .decode(signature)
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
    else {
        return false;
    };
    key.verify_strict(bytes, &Signature::from_bytes(&bytes64))
        .is_ok()
}

/// What is signed of a file: a domain line, then the file's JSON without its `signature`, in
/// the fields' fixed order (so a change of spacing is no change, and any change of content is).
fn signed_bytes<T: Serialize>(domain: &str, value: &T) -> Vec<u8> {
    let mut json = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
    if let Some(object) = json.as_object_mut() {
        object.shift_remove("signature");
    }
    let mut bytes = format!("{domain}\n").into_bytes();
    bytes.extend(serde_json::to_vec(&json).unwrap_or_default());
    bytes
}

/// A colour as `#rrggbb`, if it is one.
pub fn parse_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// `colour` as `#rrggbb`.
pub fn colour_text([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The colours offered to a new member, told apart on light and dark pages.
pub const MEMBER_COLOURS: [[u8; 3]; 8] = [
    [0xd9, 0x5f, 0x02],
    [0x1b, 0x9e, 0x77],
    [0x75, 0x70, 0xb3],
    [0xe7, 0x29, 0x8a],
    [0x66, 0xa6, 0x1e],
    [0xe6, 0xab, 0x02],
    [0x1f, 0x78, 0xb4],
    [0xa6, 0x76, 0x1d],
];

/// The colour a new member `member_id` is offered first.
pub fn first_colour(member_id: &str) -> [u8; 3] {
    let digest = Sha256::digest(member_id.as_bytes());
    MEMBER_COLOURS[usize::from(digest[0]) % MEMBER_COLOURS.len()]
}

/// Who the reader is in their groups: an id that stays when the name or key changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The member's id (see [`valid_id`]).
    pub id: String,
    /// The name shown to the group.
    pub name: String,
    /// The colour of the member's layer, `#rrggbb`.
    pub colour: String,
}

/// A key's endorsement by the key it replaces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Endorsement {
    /// The replaced key's id.
    pub key: String,
    /// Its signature of the change.
    pub signature: String,
}

/// A member's published key: who they say they are, and the public half of one signing key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyCard {
    /// Always [`KEY_FORMAT`].
    pub format: String,
    /// The version.
    pub version: u32,
    /// The member's id.
    pub member: String,
    /// The member's name.
    pub name: String,
    /// The member's colour, `#rrggbb`.
    pub colour: String,
    /// The key's id (its public half).
    pub key: String,
    /// When the card was written.
    pub written: Timestamp,
    /// The key this one replaces, and its signature of the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<Endorsement>,
    /// The key's own signature of the card.
    pub signature: String,
}

fn key_change_bytes(member: &str, new_key: &str) -> Vec<u8> {
    format!("lectern-group-key-change\n{member}\n{new_key}").into_bytes()
}

impl KeyCard {
    /// `member`'s card for `key`, written at `now`, endorsed by `replaces` when it takes an
    /// earlier key's place.
    pub fn new(
        member: &Member,
        key: &MemberKey,
        now: Timestamp,
        replaces: Option<&MemberKey>,
    ) -> Self {
        let mut card = KeyCard {
            format: KEY_FORMAT.to_owned(),
            version: GROUP_VERSION,
            member: member.id.clone(),
            name: member.name.clone(),
            colour: member.colour.clone(),
            key: key.id(),
            written: now,
            replaces: replaces.map(|old| Endorsement {
                key: old.id(),
                signature: old.sign(&key_change_bytes(&member.id, &key.id())),
            }),
            signature: String::new(),
        };
        card.signature = key.sign(&signed_bytes(KEY_FORMAT, &card));
        card
    }

    /// The card signed again by `key` (after a change of its fields).
    pub fn signed_again(mut self, key: &MemberKey) -> Self {
        self.signature = key.sign(&signed_bytes(KEY_FORMAT, &self));
        self
    }

    /// Whether the card is signed by the key it publishes.
    pub fn self_signed(&self) -> bool {
        verifies(&self.key, &signed_bytes(KEY_FORMAT, self), &self.signature)
    }

    /// Whether the key it replaces signed the change.
    pub fn endorsed(&self) -> bool {
        self.replaces.as_ref().is_some_and(|e| {
            verifies(
                &e.key,
                &key_change_bytes(&self.member, &self.key),
                &e.signature,
            )
        })
    }
}

/// A category as a group sees it: another member does not have the sharer's categories, so a
/// shared record carries its category's name and colour, never the notebook's own id for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedCategory {
    /// Its name.
    pub name: String,
    /// Its colour, `#rrggbb`.
    pub colour: String,
}

impl SharedCategory {
    fn of(category: &Category) -> Self {
        SharedCategory {
            name: category.shown_name(),
            colour: colour_text([category.color[0], category.color[1], category.color[2]]),
        }
    }
}

/// What one record shares. A new kind fails to compile until every operation on a group's
/// records (showing, threads, export, privacy) handles it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Shared {
    /// A highlighted passage and its note.
    Annotation {
        /// The annotation as shared (its other devices' notes left behind).
        annotation: Annotation,
        /// Its category, by name and colour.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        category: Option<SharedCategory>,
    },
    /// A note on a difference in a comparison.
    ComparisonNote {
        /// The note.
        note: ComparisonNote,
        /// Its category, by name and colour.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        category: Option<SharedCategory>,
    },
    /// A comparison of wordings.
    Comparison {
        /// The comparison.
        comparison: Comparison,
    },
    /// A reply in the thread under a record.
    Reply {
        /// The record the thread is under.
        to: String,
        /// What the member replied.
        note: String,
    },
    /// A thread resolved or reopened.
    Thread {
        /// The record the thread is under.
        thread: String,
        /// Resolved (`true`) or reopened.
        resolved: bool,
    },
}

/// The kinds of shared record, for tables and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SharedKind {
    /// [`Shared::Annotation`].
    Annotation,
    /// [`Shared::ComparisonNote`].
    ComparisonNote,
    /// [`Shared::Comparison`].
    Comparison,
    /// [`Shared::Reply`].
    Reply,
    /// [`Shared::Thread`].
    Thread,
}

impl Shared {
    /// An annotation of the reader's, to share: its note and tags go, its other devices' notes
    /// do not.
    pub fn annotation(annotation: &Annotation, categories: &[Category]) -> Self {
        let mut annotation = annotation.clone();
        annotation.diverged_notes.clear();
        let category = annotation
            .category_id
            .take()
            .and_then(|id| categories.iter().find(|c| c.category_id == id))
            .map(SharedCategory::of);
        Shared::Annotation {
            annotation,
            category,
        }
    }

    /// A note on a comparison, to share.
    pub fn comparison_note(note: &ComparisonNote, categories: &[Category]) -> Self {
        let mut note = note.clone();
        let category = note
            .category_id
            .take()
            .and_then(|id| categories.iter().find(|c| c.category_id == id))
            .map(SharedCategory::of);
        Shared::ComparisonNote { note, category }
    }

    /// Its kind.
    pub fn kind(&self) -> SharedKind {
        match self {
            Shared::Annotation { .. } => SharedKind::Annotation,
            Shared::ComparisonNote { .. } => SharedKind::ComparisonNote,
            Shared::Comparison { .. } => SharedKind::Comparison,
            Shared::Reply { .. } => SharedKind::Reply,
            Shared::Thread { .. } => SharedKind::Thread,
        }
    }

    /// The id of the reader's item it shares (an annotation's, a note's, a comparison's; for a
    /// thread's state, the thread's): the same item shared again is the same record.
    pub fn item_id(&self) -> Option<&str> {
        match self {
            Shared::Annotation { annotation, .. } => Some(&annotation.annotation_id),
            Shared::ComparisonNote { note, .. } => Some(&note.note_id),
            Shared::Comparison { comparison } => Some(&comparison.id),
            Shared::Reply { .. } => None,
            Shared::Thread { thread, .. } => Some(thread),
        }
    }

    /// The record whose thread this joins, for a reply or a thread's state.
    pub fn thread_of(&self) -> Option<&str> {
        match self {
            Shared::Annotation { .. }
            | Shared::ComparisonNote { .. }
            | Shared::Comparison { .. } => None,
            Shared::Reply { to, .. } => Some(to),
            Shared::Thread { thread, .. } => Some(thread),
        }
    }

    /// A line saying what it is, for lists ("“a passage” — the note").
    pub fn summary(&self) -> String {
        let short = |s: &str| {
            let s = s.trim();
            if s.chars().count() > 80 {
                format!("{}…", s.chars().take(79).collect::<String>())
            } else {
                s.to_owned()
            }
        };
        match self {
            Shared::Annotation { annotation, .. } => {
                if annotation.note.trim().is_empty() {
                    format!("“{}”", short(&annotation.anchor.exact))
                } else {
                    format!(
                        "“{}” — {}",
                        short(&annotation.anchor.exact),
                        short(&annotation.note)
                    )
                }
            }
            Shared::ComparisonNote { note, .. } => {
                format!("{}: {}", short(&note.comparison_title), short(&note.note))
            }
            Shared::Comparison { comparison } => short(&comparison.title),
            Shared::Reply { note, .. } => short(note),
            Shared::Thread { resolved, .. } => {
                if *resolved {
                    "resolved".to_owned()
                } else {
                    "reopened".to_owned()
                }
            }
        }
    }
}

/// Whether the reader can share a kind of their work with a group: the records others can read
/// and reply to. One match, so that a new kind is decided here.
pub fn shareable(kind: crate::model::notebook::Kind) -> bool {
    use crate::model::notebook::Kind;
    match kind {
        Kind::Annotation | Kind::ComparisonNote | Kind::CarriedNote | Kind::Comparison => true,
        // The Trash, the list of categories (each shared record names its own), the study
        // entries and other devices' drafts of a note stay private.
        Kind::TrashedAnnotation
        | Kind::TrashedComparisonNote
        | Kind::Category
        | Kind::StudyEntry
        | Kind::DivergedNote => false,
    }
}

/// The record that shares the reader's item `id` (a live annotation, a note on a comparison
/// or one of their comparisons) from `contents`, if there is one.
pub fn share_of(contents: &crate::model::notebook::Contents, id: &str) -> Option<Shared> {
    if let Some(annotation) = contents
        .annotations
        .live()
        .iter()
        .find(|a| a.annotation_id == id)
    {
        return Some(Shared::annotation(annotation, &contents.categories));
    }
    if let Some(note) = contents.comparison_notes.iter().find(|n| n.note_id == id) {
        return Some(Shared::comparison_note(note, &contents.categories));
    }
    contents
        .comparisons
        .iter()
        .find(|c| c.id == id)
        .map(|comparison| Shared::Comparison {
            comparison: comparison.clone(),
        })
}

/// One record in a member's folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupRecord {
    /// Always [`RECORD_FORMAT`].
    pub format: String,
    /// The version.
    pub version: u32,
    /// The record's id (also its file name).
    pub id: String,
    /// Its author's member id.
    pub member: String,
    /// The id of the key that signed it.
    pub key: String,
    /// When it was written.
    pub written: Timestamp,
    /// What it shares.
    pub body: Shared,
    /// The key's signature of all the above.
    pub signature: String,
}

impl GroupRecord {
    /// A record `id` of `body`, by `member`, signed with `key` at `now`.
    pub fn signed(
        id: String,
        member: &Member,
        key: &MemberKey,
        now: Timestamp,
        body: Shared,
    ) -> Self {
        let mut record = GroupRecord {
            format: RECORD_FORMAT.to_owned(),
            version: GROUP_VERSION,
            id,
            member: member.id.clone(),
            key: key.id(),
            written: now,
            body,
            signature: String::new(),
        };
        record.signature = key.sign(&signed_bytes(RECORD_FORMAT, &record));
        record
    }

    /// The same record signed again with `key` (a member's records when their key changes).
    pub fn resigned(&self, key: &MemberKey) -> Self {
        let mut record = self.clone();
        record.key = key.id();
        record.signature = key.sign(&signed_bytes(RECORD_FORMAT, &record));
        record
    }

    /// Whether `key` signed the record as it is.
    pub fn is_signed_by(&self, key: &MemberKey) -> bool {
        self.key == key.id()
            && verifies_with(
                &key.0.verifying_key(),
                &signed_bytes(RECORD_FORMAT, self),
                &self.signature,
            )
    }

    /// A fingerprint of what the record says (its id, author and body): a record changed since
    /// the reader saw it is new again; one only signed again (its author's new key) is not.
    pub fn digest(&self) -> String {
        let mut hasher = Sha256::new();
        hasher.update(self.id.as_bytes());
        hasher.update(b"\n");
        hasher.update(self.member.as_bytes());
        hasher.update(b"\n");
        hasher.update(serde_json::to_vec(&self.body).unwrap_or_default());
        URL_SAFE_NO_PAD.encode(&hasher.finalize()[..16])
    }
}

/// Why a record is not verified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unverified {
    /// The signature does not check: the record was changed after it was signed (by hand) or
    /// signed by someone else (forged).
    BadSignature,
    /// Signed by a key its author does not publish (any more: their key changed).
    UnknownKey,
    /// Its author published no key in the group.
    NoKeys,
    /// Signed by a key its author publishes, but which no key this device trusted signed:
    /// someone who can write to the folder may have added it in their name.
    UntrustedKey,
    /// Another member's record has the same id: one of them was made to be taken for the
    /// other.
    DuplicateId,
}

/// Whether a record is by whom it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Authorship {
    /// Its signature checks against a key its author publishes.
    Verified,
    /// It does not: shown and exported as unverified.
    Unverified(Unverified),
}

impl Authorship {
    /// Whether it is verified.
    pub fn is_verified(self) -> bool {
        matches!(self, Authorship::Verified)
    }
}

/// A member as the group's folder shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupMember {
    /// Their id.
    pub id: String,
    /// Their name, from their newest key card.
    pub name: String,
    /// Their colour.
    pub colour: [u8; 3],
    /// The keys they publish (self-signed cards only), each with the key that endorsed it
    /// (signed the change), when one did.
    pub keys: BTreeMap<String, Option<String>>,
}

/// One record of the group, with its author and whether it verifies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The record.
    pub record: GroupRecord,
    /// Whether it is by whom it says.
    pub authorship: Authorship,
    /// [`GroupRecord::digest`].
    pub digest: String,
}

/// A group's layer as read from its folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupLayer {
    /// The group's name.
    pub name: String,
    /// Its members, by id.
    pub members: BTreeMap<String, GroupMember>,
    /// Its records, oldest first.
    pub entries: Vec<Entry>,
    /// Where each record is in `entries`, by id.
    by_id: BTreeMap<String, usize>,
    /// The replies and thread states under each record, by the record's id (in `entries`'
    /// order).
    threads: BTreeMap<String, Vec<usize>>,
}

/// A thread under a record: its replies, oldest first, and whether it is resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thread<'a> {
    /// The replies.
    pub replies: Vec<&'a Entry>,
    /// Whether the latest verified word on it resolved it.
    pub resolved: bool,
}

impl GroupLayer {
    /// The layer of group `name` from its members' key cards and records, each found in the
    /// folder of the member id given with it. A card or record in another member's folder is
    /// not theirs: a card is dropped, a record is unverified.
    pub fn assemble(
        name: &str,
        cards: Vec<(String, KeyCard)>,
        records: Vec<(String, GroupRecord)>,
    ) -> Self {
        Self::assemble_checked(name, cards, records, &Checked::default()).0
    }

    /// [`Self::assemble`], taking as good the signatures `known` holds (checked on this device
    /// before) and checking the others. Returns the layer and the signatures of its records
    /// found good, now or before, to keep for the next open: only those of records still in
    /// the folder (a record whose key card has not arrived yet keeps its check for when it
    /// does; whose key may sign is decided at every open, never kept).
    pub fn assemble_checked(
        name: &str,
        cards: Vec<(String, KeyCard)>,
        records: Vec<(String, GroupRecord)>,
        known: &Checked,
    ) -> (Self, Checked) {
        let mut members: BTreeMap<String, (GroupMember, Timestamp)> = BTreeMap::new();
        for (folder, card) in cards {
            if card.member != folder || !card.self_signed() {
                continue;
            }
            let colour = parse_colour(&card.colour).unwrap_or([0x80, 0x80, 0x80]);
            let endorsed = card
                .endorsed()
                .then(|| card.replaces.as_ref().map(|e| e.key.clone()))
                .flatten();
            let entry = members.entry(folder.clone()).or_insert_with(|| {
                (
                    GroupMember {
                        id: folder.clone(),
                        name: card.name.clone(),
                        colour,
                        keys: BTreeMap::new(),
                    },
                    card.written.clone(),
                )
            });
            if card.written >= entry.1 {
                entry.0.name = card.name.clone();
                entry.0.colour = colour;
                entry.1 = card.written.clone();
            }
            entry.0.keys.insert(card.key.clone(), endorsed);
        }
        let members: BTreeMap<String, GroupMember> =
            members.into_iter().map(|(id, (m, _))| (id, m)).collect();
        // Each published key parsed once; each record serialised once, for its signature and
        // its digest; the records checked on every core (pure work, no I/O).
        let keys: BTreeMap<&str, VerifyingKey> = members
            .values()
            .flat_map(|m| m.keys.keys())
            .filter_map(|k| Some((k.as_str(), public_key(k)?)))
            .collect();
        let (mut entries, good): (Vec<Entry>, Vec<Option<[u8; 32]>>) = records
            .into_par_iter()
            .map(|(folder, record)| {
                let signed = signed_bytes(RECORD_FORMAT, &record);
                // The fingerprint of this check: found among those checked before, the check
                // is not done again.
                let fingerprint = checked::fingerprint(&record.key, &record.signature, &signed);
                let known = known.contains(&fingerprint);
                let checks = || {
                    known
                        || keys
                            .get(record.key.as_str())
                            .is_some_and(|key| verifies_with(key, &signed, &record.signature))
                };
                let (authorship, good) = match members.get(&record.member) {
                    _ if record.member != folder => {
                        (Authorship::Unverified(Unverified::BadSignature), known)
                    }
                    None => (Authorship::Unverified(Unverified::NoKeys), known),
                    Some(m) if !m.keys.contains_key(&record.key) => {
                        (Authorship::Unverified(Unverified::UnknownKey), known)
                    }
                    Some(_) if checks() => (Authorship::Verified, true),
                    Some(_) => (Authorship::Unverified(Unverified::BadSignature), false),
                };
                let good = good.then_some(fingerprint);
                let entry = Entry {
                    digest: record.digest(),
                    record,
                    authorship,
                };
                (entry, good)
            })
            .unzip();
        let checked = Checked::from_fingerprints(good.into_iter().flatten());
        entries.sort_by(|a, b| {
            (&a.record.written, &a.record.id, &a.record.member).cmp(&(
                &b.record.written,
                &b.record.id,
                &b.record.member,
            ))
        });
        // A record's id is its author's to choose: one that two members' records use (a copy
        // made to be taken for the other) leaves both unverified.
        let mut authors: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for entry in &entries {
            authors
                .entry(entry.record.id.as_str())
                .or_default()
                .insert(entry.record.member.as_str());
        }
        let taken: BTreeSet<String> = authors
            .into_iter()
            .filter(|(_, members)| members.len() > 1)
            .map(|(id, _)| id.to_owned())
            .collect();
        for entry in &mut entries {
            if taken.contains(&entry.record.id) {
                entry.authorship = Authorship::Unverified(Unverified::DuplicateId);
            }
        }
        let mut by_id = BTreeMap::new();
        let mut threads: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (index, entry) in entries.iter().enumerate() {
            by_id.entry(entry.record.id.clone()).or_insert(index);
            if let Some(root) = entry.record.body.thread_of() {
                threads.entry(root.to_owned()).or_default().push(index);
            }
        }
        let layer = GroupLayer {
            name: name.to_owned(),
            members,
            entries,
            by_id,
            threads,
        };
        (layer, checked)
    }

    /// The name of the member `id`, or their id when they published no card.
    pub fn member_name(&self, id: &str) -> String {
        self.members
            .get(id)
            .map_or_else(|| id.to_owned(), |m| m.name.clone())
    }

    /// The colour of member `id`'s layer.
    pub fn member_colour(&self, id: &str) -> [u8; 3] {
        self.members
            .get(id)
            .map_or([0x80, 0x80, 0x80], |m| m.colour)
    }

    /// The record `id`.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).and_then(|&i| self.entries.get(i))
    }

    /// The records a thread can be under (annotations, notes on comparisons, comparisons).
    pub fn roots(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(|e| e.record.body.thread_of().is_none())
    }

    /// The thread under record `root`.
    pub fn thread(&self, root: &str) -> Thread<'_> {
        let mut replies = Vec::new();
        let mut resolved = false;
        let under = self.threads.get(root).map_or(&[][..], Vec::as_slice);
        for entry in under.iter().filter_map(|&i| self.entries.get(i)) {
            match &entry.record.body {
                Shared::Reply { to, .. } if to == root => replies.push(entry),
                Shared::Thread {
                    thread,
                    resolved: r,
                } if thread == root && entry.authorship.is_verified() => resolved = *r,
                Shared::Annotation { .. }
                | Shared::ComparisonNote { .. }
                | Shared::Comparison { .. }
                | Shared::Reply { .. }
                | Shared::Thread { .. } => {}
            }
        }
        Thread { replies, resolved }
    }

    /// The annotations on `text` the filter shows, each with its entry.
    pub fn annotations_on<'a>(
        &'a self,
        text: &'a TextId,
        filter: &'a LayerFilter,
    ) -> impl Iterator<Item = (&'a Entry, &'a Annotation)> + 'a {
        self.entries
            .iter()
            .filter_map(move |entry| match &entry.record.body {
                Shared::Annotation { annotation, .. }
                    if annotation.text_id == *text && filter.shows(&self.name, entry) =>
                {
                    Some((entry, annotation))
                }
                Shared::Annotation { .. }
                | Shared::ComparisonNote { .. }
                | Shared::Comparison { .. }
                | Shared::Reply { .. }
                | Shared::Thread { .. } => None,
            })
    }

    /// Marks unverified each record signed by a key `seen` does not trust (of a member whose
    /// keys it knows): see [`Seen::take_key_changes`].
    pub fn apply_trust(&mut self, seen: &Seen) {
        for entry in &mut self.entries {
            if !entry.authorship.is_verified() {
                continue;
            }
            if seen.revoked.contains(&entry.record.key) {
                entry.authorship = Authorship::Unverified(Unverified::UnknownKey);
            } else if let Some(known) = seen.keys.get(&entry.record.member)
                && !known.contains(&entry.record.key)
            {
                entry.authorship = Authorship::Unverified(Unverified::UntrustedKey);
            }
        }
    }

    /// The records not yet seen (or changed since), oldest first, but the reader's own (`me`,
    /// verified: a record in their name they did not sign is news to them too).
    pub fn new_entries<'a>(
        &'a self,
        seen: &'a Seen,
        me: &'a str,
    ) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| {
            seen.records.get(&e.record.id) != Some(&e.digest)
                && !(e.record.member == me && e.authorship.is_verified())
        })
    }
}

/// Which layers and records the reader shows. Asked for every record of every frame that
/// shows a group, so asking allocates nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerFilter {
    /// Layers hidden: group name → the ids of the members hidden in it.
    #[serde(default)]
    pub hidden_members: BTreeMap<String, BTreeSet<String>>,
    /// Groups hidden whole.
    #[serde(default)]
    pub hidden_groups: BTreeSet<String>,
    /// Records the reader hid for themselves.
    #[serde(default)]
    pub hidden_records: BTreeSet<String>,
}

impl LayerFilter {
    /// Whether `entry` of group `group` is shown.
    pub fn shows(&self, group: &str, entry: &Entry) -> bool {
        !self.hidden_records.contains(&entry.record.id)
            && self.shows_member(group, &entry.record.member)
    }

    /// Whether member `member`'s layer in `group` is shown.
    pub fn shows_member(&self, group: &str, member: &str) -> bool {
        !self.hidden_groups.contains(group)
            && !self
                .hidden_members
                .get(group)
                .is_some_and(|hidden| hidden.contains(member))
    }

    /// Shows or hides member `member`'s layer in `group`.
    pub fn set_member(&mut self, group: &str, member: &str, shown: bool) {
        if shown {
            if let Some(hidden) = self.hidden_members.get_mut(group) {
                hidden.remove(member);
                if hidden.is_empty() {
                    self.hidden_members.remove(group);
                }
            }
        } else {
            self.hidden_members
                .entry(group.to_owned())
                .or_default()
                .insert(member.to_owned());
        }
    }
}

/// What this device has seen of a group: each record's digest, and each member's keys.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    /// Record id → the digest seen.
    #[serde(default)]
    pub records: BTreeMap<String, String>,
    /// Member id → the keys this device trusts.
    #[serde(default)]
    pub keys: BTreeMap<String, BTreeSet<String>>,
    /// The keys whose coming the reader was told of (each is told once).
    #[serde(default)]
    pub told: BTreeSet<String>,
    /// The keys replaced by a key they signed: never trusted again, even if their card comes
    /// back into the folder.
    #[serde(default)]
    pub revoked: BTreeSet<String>,
}

/// A member's key that changed since this device last looked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyChange {
    /// The member's id.
    pub member: String,
    /// Their name.
    pub name: String,
    /// Whether a key this device had seen signed the change.
    pub endorsed: bool,
}

impl KeyChange {
    /// The change in a sentence for the reader.
    pub fn message(&self, group: &str) -> String {
        let name = self.name.as_str();
        if self.endorsed {
            crate::tr!("group-key-changed", name = name, group = group)
        } else {
            crate::tr!("group-key-changed-unendorsed", name = name, group = group)
        }
    }
}

impl Seen {
    /// Marks every record of `layer` seen.
    pub fn mark_all(&mut self, layer: &GroupLayer) {
        for entry in &layer.entries {
            self.records
                .insert(entry.record.id.clone(), entry.digest.clone());
        }
    }

    /// Marks one record seen.
    pub fn mark(&mut self, entry: &Entry) {
        self.records
            .insert(entry.record.id.clone(), entry.digest.clone());
    }

    /// The members whose keys changed since this device last saw them, each told once, and
    /// the keys this device trusts brought up to date. A member seen for the first time is
    /// trusted with the keys they publish then (trust on first use). Later, a new key is
    /// trusted when a key already trusted signed the change (a member's `--new-key`); one
    /// that no trusted key signed is told of and left untrusted, so that what it signs shows
    /// as unverified until the reader accepts it ([`Seen::trust`]).
    pub fn take_key_changes(&mut self, layer: &GroupLayer) -> Vec<KeyChange> {
        let mut changes = Vec::new();
        for (id, member) in &layer.members {
            let known = self.keys.entry(id.clone()).or_default();
            let revoked = &mut self.revoked;
            if known.is_empty() {
                known.extend(
                    member
                        .keys
                        .keys()
                        .filter(|k| !revoked.contains(*k))
                        .cloned(),
                );
                continue;
            }
            // A chain of changes (A signed B, B signed C) is followed to its end.
            loop {
                let endorsed: Vec<(&String, &String)> = member
                    .keys
                    .iter()
                    .filter(|(k, _)| !known.contains(*k) && !revoked.contains(*k))
                    .filter_map(|(k, by)| Some((k, by.as_ref().filter(|by| known.contains(*by))?)))
                    .collect();
                if endorsed.is_empty() {
                    break;
                }
                for (key, by) in endorsed {
                    // The key it replaces is retired: what it signs is no longer theirs.
                    known.remove(by);
                    revoked.insert(by.clone());
                    known.insert(key.clone());
                    if self.told.insert(key.clone()) {
                        changes.push(KeyChange {
                            member: id.clone(),
                            name: member.name.clone(),
                            endorsed: true,
                        });
                    }
                }
            }
            for key in member
                .keys
                .keys()
                .filter(|k| !known.contains(*k) && !revoked.contains(*k))
            {
                if self.told.insert(key.clone()) {
                    changes.push(KeyChange {
                        member: id.clone(),
                        name: member.name.clone(),
                        endorsed: false,
                    });
                }
            }
        }
        changes
    }

    /// Trusts the keys of member `id` of `layer` that the reader was told of and did not
    /// trust: they accepted a change no trusted key signed (they asked the member, who made a
    /// key on a new device). A key they were not told of, or one retired, is not trusted.
    pub fn trust(&mut self, layer: &GroupLayer, id: &str) {
        if let Some(member) = layer.members.get(id) {
            let told: Vec<String> = member
                .keys
                .keys()
                .filter(|k| self.told.contains(*k) && !self.revoked.contains(*k))
                .cloned()
                .collect();
            self.keys.entry(id.to_owned()).or_default().extend(told);
        }
    }

    /// Whether member `id` of `layer` publishes a key this device was told of and does not
    /// trust (one the reader may accept).
    pub fn distrusts(&self, layer: &GroupLayer, id: &str) -> bool {
        let known = self.keys.get(id);
        layer.members.get(id).is_some_and(|m| {
            m.keys.keys().any(|k| {
                known.is_some_and(|known| !known.contains(k))
                    && self.told.contains(k)
                    && !self.revoked.contains(k)
            })
        })
    }
}

mod checked;
pub mod export;

pub use checked::Checked;

#[cfg(test)]
mod tests;

/// A small group for the tests of what is built on the layer.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;
    use crate::model::library::Library;
    use crate::model::text::CharRange;

    /// Seminar: Anna's annotation with markup in its note (edited by hand after signing, when
    /// `edited`), Boris's reply to it, and Anna's word that resolves the thread.
    pub fn seminar_layer(edited: bool) -> (GroupLayer, Library) {
        let library = crate::bundled::bundled_library();
        let text = library.texts()[0].clone();
        let at = |m: u32| Timestamp::from(format!("2026-12-07T12:{m:02}:00Z").as_str());
        let anna = Member {
            id: "anna".into(),
            name: "Anna".into(),
            colour: "#d95f02".into(),
        };
        let boris = Member {
            id: "boris".into(),
            name: "Boris".into(),
            colour: "#1b9e77".into(),
        };
        let (ka, kb) = (
            MemberKey::from_secret([1; 32]),
            MemberKey::from_secret([2; 32]),
        );
        let mut annotation = Annotation::new("a-q", &text, CharRange(0..12), None, &at(0));
        annotation.note = "Why <script>alert(1)</script> 'entry'?".into();
        let mut question = GroupRecord::signed(
            "r-q".into(),
            &anna,
            &ka,
            at(1),
            Shared::annotation(&annotation, &[]),
        );
        if edited && let Shared::Annotation { annotation, .. } = &mut question.body {
            annotation.note.push_str(" (edited)");
        }
        let reply = GroupRecord::signed(
            "r-r".into(),
            &boris,
            &kb,
            at(2),
            Shared::Reply {
                to: "r-q".into(),
                note: "Stalin's word, *not* Lenin's.".into(),
            },
        );
        let resolved = GroupRecord::signed(
            "r-t".into(),
            &anna,
            &ka,
            at(3),
            Shared::Thread {
                thread: "r-q".into(),
                resolved: true,
            },
        );
        let layer = GroupLayer::assemble(
            "Seminar",
            vec![
                ("anna".into(), KeyCard::new(&anna, &ka, at(0), None)),
                ("boris".into(), KeyCard::new(&boris, &kb, at(0), None)),
            ],
            vec![
                ("anna".into(), question),
                ("boris".into(), reply),
                ("anna".into(), resolved),
            ],
        );
        (layer, library)
    }
}
