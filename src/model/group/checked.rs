//! The signatures this device has already checked and found good, so that opening a group
//! again checks only what changed since. Checking an Ed25519 signature is most of the work of
//! opening a group (about 50 µs of a core a record: half a second of work for ten thousand);
//! a fingerprint is a hash.
//!
//! A fingerprint stands for one successful check of exactly these signed bytes with exactly
//! this key and signature: a record whose content changed, signed by another key or carrying
//! another signature has another fingerprint and is checked again. Which keys are published
//! and trusted is decided afresh at every open ([`super::Seen`]), never remembered here. The
//! set is kept in the profile's per-device area beside the group's seen marks, never in the
//! group's folder, which others write.
//!
//! The rules a check applies are named in the fingerprint ([`RULES`]): a Lectern that checks
//! differently (a stricter check, or a fixed flaw in the signature crate) names new rules, and
//! every signature is checked again under them.

use std::collections::HashSet;

use sha2::{Digest, Sha256};

/// The first line of the kept file, naming its format and version.
const MAGIC: &[u8] = b"lectern-group-checked 1\n";
/// The rules of the checks a fingerprint stands for: Ed25519 through `ed25519-dalek` 2's
/// `verify_strict`, over the record's signed bytes. Change it whenever they change.
const RULES: &[u8] = b"ed25519-dalek-2 verify_strict, signed bytes 1";
/// The length of one fingerprint.
const FINGERPRINT: usize = 32;

/// The fingerprints of the signatures found good (see the module's documentation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checked(HashSet<[u8; FINGERPRINT]>);

impl Checked {
    /// How many signatures it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether the check a [`fingerprint`] stands for was found good before.
    pub(super) fn contains(&self, fingerprint: &[u8; FINGERPRINT]) -> bool {
        self.0.contains(fingerprint)
    }

    /// Collects fingerprints of good checks.
    pub(super) fn from_fingerprints(
        fingerprints: impl IntoIterator<Item = [u8; FINGERPRINT]>,
    ) -> Self {
        Checked(fingerprints.into_iter().collect())
    }

    /// The kept file's bytes: the format line, then each fingerprint, in order.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut sorted: Vec<&[u8; FINGERPRINT]> = self.0.iter().collect();
        sorted.sort();
        let mut bytes = Vec::with_capacity(MAGIC.len() + sorted.len() * FINGERPRINT);
        bytes.extend_from_slice(MAGIC);
        for fingerprint in sorted {
            bytes.extend_from_slice(fingerprint);
        }
        bytes
    }

    /// The set a kept file holds. A file of another format or version, or cut short, holds
    /// nothing: every signature is then checked again, which costs time and nothing else.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        match bytes.strip_prefix(MAGIC) {
            Some(rest) if rest.len().is_multiple_of(FINGERPRINT) => Checked(
                rest.chunks_exact(FINGERPRINT)
                    .filter_map(|chunk| <[u8; FINGERPRINT]>::try_from(chunk).ok())
                    .collect(),
            ),
            _ => Checked::default(),
        }
    }
}

/// The fingerprint of checking `signature` by `key` over `signed`.
pub(super) fn fingerprint(key: &str, signature: &str, signed: &[u8]) -> [u8; FINGERPRINT] {
    let mut hasher = Sha256::new();
    hasher.update(b"lectern-group-checked\n");
    hasher.update(RULES);
    hasher.update(b"\n");
    hasher.update(key.as_bytes());
    hasher.update(b"\n");
    hasher.update(signature.as_bytes());
    hasher.update(b"\n");
    hasher.update(signed);
    hasher.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kept_file_round_trips_and_a_damaged_one_holds_nothing() {
        let checked = Checked::from_fingerprints([
            fingerprint("k", "s", b"one"),
            fingerprint("k", "s", b"two"),
        ]);
        let bytes = checked.to_bytes();
        assert_eq!(Checked::from_bytes(&bytes), checked);
        assert_eq!(Checked::from_bytes(&bytes).len(), 2);
        // Cut short, of another version, or empty: nothing is taken as checked.
        assert!(Checked::from_bytes(&bytes[..bytes.len() - 1]).is_empty());
        let other = [
            b"lectern-group-checked 2\n".as_slice(),
            &bytes[MAGIC.len()..],
        ]
        .concat();
        assert!(Checked::from_bytes(&other).is_empty());
        assert!(Checked::from_bytes(b"").is_empty());
        // The same set gives the same bytes, whatever order it was built in.
        let reversed = Checked::from_fingerprints([
            fingerprint("k", "s", b"two"),
            fingerprint("k", "s", b"one"),
        ]);
        assert_eq!(reversed.to_bytes(), bytes);
    }

    #[test]
    fn a_fingerprint_changes_with_the_bytes_the_key_and_the_signature() {
        let base = fingerprint("key", "sig", b"bytes");
        assert_ne!(base, fingerprint("key", "sig", b"bytes "));
        assert_ne!(base, fingerprint("kez", "sig", b"bytes"));
        assert_ne!(base, fingerprint("key", "sih", b"bytes"));
        // The fields are separated, so moving a character from one to the next changes it.
        assert_ne!(base, fingerprint("ke", "ysig", b"bytes"));
        assert_eq!(base, fingerprint("key", "sig", b"bytes"));
    }
}
