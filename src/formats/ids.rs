//! The names Lectern gives things, each a type of its own so that one cannot stand for another:
//! [`TextId`] names a text, [`Timestamp`] is a moment as RFC 3339 text.
//!
//! This file is also compiled into `build.rs` (via `#[path]`, beside the text format), so it
//! depends on `std` and serde alone.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

/// Defines a newtype over `String` that reads as a `str` (`Deref`, `Borrow<str>`, `Display`),
/// is made from strings, compares with them, and is stored as the plain string (serde
/// `transparent`), so that records written before it existed read the same.
macro_rules! string_name {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize,
            serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The name as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The name as an owned string.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl Deref for $name {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(name: String) -> Self {
                Self(name)
            }
        }

        impl From<&str> for $name {
            fn from(name: &str) -> Self {
                Self(name.to_owned())
            }
        }

        impl From<&String> for $name {
            fn from(name: &String) -> Self {
                Self(name.clone())
            }
        }

        impl From<&$name> for $name {
            fn from(name: &$name) -> Self {
                name.clone()
            }
        }

        impl From<$name> for String {
            fn from(name: $name) -> String {
                name.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl PartialEq<$name> for &$name {
            fn eq(&self, other: &$name) -> bool {
                **self == *other
            }
        }

        impl PartialEq<&$name> for $name {
            fn eq(&self, other: &&$name) -> bool {
                *self == **other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }
    };
}

string_name!(
    /// A text's identifier: what the command line, the profile and every anchor call it. A
    /// bundled or imported text's id is made of `a-z`, `0-9` and `-` (the text format checks
    /// this); an annotation may name a text this copy of Lectern does not have, whatever its id.
    TextId
);

string_name!(
    /// A moment, as RFC 3339 text. Lectern writes UTC to the second (`2026-11-26T21:45:00Z`,
    /// made by the model's clock), which sorts as it reads; a time another program wrote (a
    /// W3C annotation's `created`, with its fraction or offset) is kept exactly as written, so
    /// that no record is refused for the way it spells a time.
    Timestamp
);

impl Timestamp {
    /// The calendar day the moment falls on, as written (`YYYY-MM-DD`), when it starts with one.
    pub fn day(&self) -> Option<&str> {
        let day = self.0.get(..10)?;
        let bytes = day.as_bytes();
        let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
        (digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10))
            .then_some(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_stored_as_its_string_and_compares_with_strings() {
        let id = TextId::from("03-nationalities");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"03-nationalities\"");
        let back: TextId = serde_json::from_str("\"03-nationalities\"").unwrap();
        assert_eq!(back, id);
        assert_eq!(id, "03-nationalities");
        assert_eq!("03-nationalities", id);
        assert_eq!(id.len(), 16);
        let mut by_id = std::collections::HashMap::new();
        by_id.insert(id.clone(), 1);
        assert_eq!(by_id.get("03-nationalities"), Some(&1));
    }

    #[test]
    fn a_timestamp_knows_its_day_only_when_it_starts_with_one() {
        assert_eq!(
            Timestamp::from("2026-11-26T21:45:00Z").day(),
            Some("2026-11-26")
        );
        assert_eq!(
            Timestamp::from("2026-11-26T21:45:00.5+02:00").day(),
            Some("2026-11-26")
        );
        assert_eq!(Timestamp::from("yesterday").day(), None);
        assert_eq!(Timestamp::from("").day(), None);
        assert_eq!(Timestamp::from("2026-1-26T00:00:00Z").day(), None);
    }
}
