//! Tokens and normalisation: a witness cut into words, punctuation and white space, each
//! with its key under a [`Normalization`] (what counts as equal, never what is shown).

use super::*;

/// What counts as the same when comparing. Every option only widens equality.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Normalization {
    /// Upper and lower case are the same.
    pub ignore_case: bool,
    /// Punctuation is ignored (compared as nothing).
    pub ignore_punctuation: bool,
    /// All quotation marks are one mark, all dashes one dash.
    pub unify_quotes_and_dashes: bool,
    /// Any run of white space equals any other.
    pub collapse_whitespace: bool,
    /// ё is е (Russian texts print it either way).
    pub yo_as_ye: bool,
}

impl Normalization {
    /// Everything on: the differences a reader cares about in wording alone.
    pub fn wording() -> Self {
        Self {
            ignore_case: true,
            ignore_punctuation: true,
            unify_quotes_and_dashes: true,
            collapse_whitespace: true,
            yo_as_ye: true,
        }
    }

    /// The key of one token under this normalisation.
    pub fn key(&self, token: &str) -> String {
        self.key_of(token).into_owned()
    }

    /// One character as compared (None: ignored), before case folding.
    pub(super) fn fold(&self, ch: char) -> Option<char> {
        let ch = if self.unify_quotes_and_dashes {
            match ch {
                '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚' | '‹' | '›' | '\'' => {
                    '"'
                }
                '–' | '—' | '‒' | '―' | '−' => '-',
                other => other,
            }
        } else {
            ch
        };
        if self.ignore_punctuation && !alphanumeric(ch) && !ch.is_whitespace() {
            return None;
        }
        Some(if self.yo_as_ye {
            match ch {
                'ё' => 'е',
                'Ё' => 'Е',
                other => other,
            }
        } else {
            ch
        })
    }

    /// The key of one token, borrowed when the normalisation leaves it as it is.
    pub(super) fn key_of<'a>(&self, token: &'a str) -> std::borrow::Cow<'a, str> {
        use std::borrow::Cow;
        if *self == Self::default() {
            return Cow::Borrowed(token);
        }
        let bytes = token.as_bytes();
        if bytes.iter().all(u8::is_ascii_alphanumeric) {
            // The common case, a plain ASCII word: only case can change it.
            return if self.ignore_case && bytes.iter().any(u8::is_ascii_uppercase) {
                Cow::Owned(token.to_ascii_lowercase())
            } else {
                Cow::Borrowed(token)
            };
        }
        if bytes.is_ascii() && bytes.len() > 1 && !char::from(bytes[0]).is_whitespace() {
            // A word with a full stop or an apostrophe inside (“R.S.F.S.R”, “people's”):
            // looked up a byte at a time.
            let folds = self.ascii_folds();
            let folded = |byte: &u8| match folds[usize::from(*byte)] {
                AsciiFold::Byte(folded) | AsciiFold::White(folded) => Some(folded),
                AsciiFold::Space => Some(b' '),
                AsciiFold::Ignored => None,
            };
            if bytes.iter().all(|byte| folded(byte) == Some(*byte)) {
                return Cow::Borrowed(token);
            }
            let key: String = bytes.iter().filter_map(folded).map(char::from).collect();
            return Cow::Owned(key);
        }
        let mut chars = token.chars();
        if let (Some(ch), None) = (chars.next(), chars.next()) {
            // One character, most often a mark of punctuation: no copy when it is ignored or
            // compared as it is.
            match self.fold(ch) {
                None => return Cow::Borrowed(""),
                Some(folded)
                    if folded == ch
                        && !(self.ignore_case && lowers(ch))
                        && !(self.collapse_whitespace && ch.is_whitespace()) =>
                {
                    return Cow::Borrowed(token);
                }
                Some(_) => {}
            }
        }
        if token.chars().all(char::is_whitespace) {
            return if self.collapse_whitespace {
                Cow::Borrowed(" ")
            } else {
                Cow::Borrowed(token)
            };
        }
        let unchanged = token
            .chars()
            .all(|ch| self.fold(ch) == Some(ch) && !(self.ignore_case && lowers(ch)));
        if unchanged {
            return Cow::Borrowed(token);
        }
        let mut key = String::with_capacity(token.len());
        for ch in token.chars().filter_map(|ch| self.fold(ch)) {
            if self.ignore_case {
                push_lowercase(&mut key, ch);
            } else {
                key.push(ch);
            }
        }
        Cow::Owned(key)
    }
}

/// Pushes `ch` in lower case: Latin and Russian letters directly, the rest through
/// `char::to_lowercase`.
pub(super) fn push_lowercase(key: &mut String, ch: char) {
    match ch {
        'A'..='Z' => key.push(ch.to_ascii_lowercase()),
        'А'..='Я' => key.push(char::from_u32(ch as u32 + 0x20).unwrap_or(ch)),
        'Ё' => key.push('ё'),
        _ if ch.is_ascii() || ('а'..='я').contains(&ch) => key.push(ch),
        _ => key.extend(ch.to_lowercase()),
    }
}

/// The normalisation profiles offered by name, strictest last.
pub const PROFILES: [(&str, Normalization); 3] = [
    (
        "Wording",
        Normalization {
            ignore_case: true,
            ignore_punctuation: true,
            unify_quotes_and_dashes: true,
            collapse_whitespace: true,
            yo_as_ye: true,
        },
    ),
    (
        "Typography",
        Normalization {
            ignore_case: false,
            ignore_punctuation: false,
            unify_quotes_and_dashes: true,
            collapse_whitespace: true,
            yo_as_ye: true,
        },
    ),
    (
        "Exact",
        Normalization {
            ignore_case: false,
            ignore_punctuation: false,
            unify_quotes_and_dashes: false,
            collapse_whitespace: false,
            yo_as_ye: false,
        },
    ),
];

impl Normalization {
    /// The profile called `name` (any case): wording, typography or exact.
    pub fn profile(name: &str) -> Option<Self> {
        PROFILES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, profile)| *profile)
    }
}

/// A token of a witness: its characters and its comparison key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Character range in the witness.
    pub range: Range<usize>,
    /// The text compared (see [`Normalization::key`]).
    pub key: String,
}

/// Splits a witness into tokens that cover it exactly, in order.
pub fn tokenize(text: &str, normalization: &Normalization) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = 0;
    for piece in split_tokens(text) {
        let length = piece.chars().count();
        tokens.push(Token {
            range: chars..chars + length,
            key: normalization.key(piece),
        });
        chars += length;
    }
    tokens
}

/// `char::is_alphanumeric`, answered at once for the Latin and Russian letters that make up
/// nearly all of Lectern's texts (the general lookup is the slowest step of a diff otherwise).
pub(super) fn alphanumeric(ch: char) -> bool {
    match ch {
        'a'..='z' | 'A'..='Z' | '0'..='9' | 'А'..='я' | 'Ё' | 'ё' => true,
        '\0'..='\u{7f}' => false,
        _ => ch.is_alphanumeric(),
    }
}

/// Whether lower case changes `ch`: capitals, and title-case letters such as “ǅ”.
pub(super) fn lowers(ch: char) -> bool {
    match ch {
        'A'..='Z' | 'А'..='Я' | 'Ё' => true,
        'a'..='z' | 'а'..='я' | 'ё' | '\0'..='\u{7f}' => false,
        _ => ch.to_lowercase().ne(std::iter::once(ch)),
    }
}

/// Whether `ch` belongs inside a word: letters, digits and combining marks.
pub(super) fn is_word_char(ch: char) -> bool {
    if ch.is_ascii() {
        return ch.is_ascii_alphanumeric();
    }
    alphanumeric(ch)
        || matches!(ch, '\u{300}'..='\u{36f}' | '\u{483}'..='\u{489}' | '\u{1ab0}'..='\u{1aff}')
}

/// The tokens of a text: words (letters, digits and combining marks, with a full stop or
/// apostrophe inside them, as in "R.S.F.S.R" and "don’t"), runs of white space, and single
/// other characters. Close to Unicode word boundaries for the texts Lectern compares, and much
/// faster.
pub fn split_tokens(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = token_end(rest);
        let (token, after) = rest.split_at(end);
        rest = after;
        Some(token)
    })
}

/// What an ASCII byte is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Word,
    Space,
    Joiner,
    Other,
}

pub(super) const fn ascii_class(byte: u8) -> Class {
    match byte {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => Class::Word,
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Class::Space,
        b'.' | b'\'' => Class::Joiner,
        _ => Class::Other,
    }
}

/// The class of the character at byte `at` and its length in bytes.
pub(super) fn class_at(text: &str, at: usize) -> Option<(Class, usize)> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        return Some((ascii_class(byte), 1));
    }
    let ch = text[at..].chars().next()?;
    let class = if is_word_char(ch) {
        Class::Word
    } else if ch.is_whitespace() {
        Class::Space
    } else if ch == '’' {
        Class::Joiner
    } else {
        Class::Other
    };
    Some((class, ch.len_utf8()))
}

/// The length in bytes of the token at the start of `text` (not empty).
pub(super) fn token_end(text: &str) -> usize {
    let Some((first, mut end)) = class_at(text, 0) else {
        return text.len();
    };
    match first {
        Class::Word => {
            // A run of ASCII letters and digits at once, then character by character.
            let ascii_word = |from: usize| {
                text.as_bytes()[from..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count()
            };
            end += ascii_word(end);
            while let Some((class, length)) = class_at(text, end) {
                match class {
                    Class::Word => end += length,
                    Class::Joiner
                        if class_at(text, end + length).is_some_and(|(c, _)| c == Class::Word) =>
                    {
                        end += length;
                    }
                    _ => break,
                }
                end += ascii_word(end);
            }
        }
        Class::Space => {
            while let Some((Class::Space, length)) = class_at(text, end) {
                end += length;
            }
        }
        Class::Joiner | Class::Other => {}
    }
    end
}
