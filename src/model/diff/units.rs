//! The units of a long diff (lines and sentences) and the folding of their keys: a long pair
//! is compared unit by unit first, and only its changed stretches word by word.

use super::*;

/// A stretch of each witness (byte ranges) still to be compared word by word.
pub(super) type Stretch = (Range<usize>, Range<usize>);

/// Bytes of replaced lines above which their word diffs are spread over the cores.
pub(super) const PARALLEL_WORK: usize = 200_000;

/// Bytes of a pair of texts, either of them of a line or two, compared word by word at once.
pub(super) const AT_ONCE: usize = 64 * 1024;

/// What a character is to the cutting of units (see [`Units`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    /// A line break: the unit ends after it.
    LineBreak,
    /// The end of a sentence: a full stop, a question or exclamation mark, an ellipsis.
    End,
    /// A closing quotation mark or bracket, which may follow the end of a sentence.
    Closer,
    /// White space other than a line break.
    Space,
    /// Anything else.
    Other,
}

impl Stop {
    pub(super) const fn of_ascii(byte: u8) -> Self {
        match byte {
            b'\n' => Self::LineBreak,
            b'.' | b'!' | b'?' => Self::End,
            b'"' | b'\'' | b')' | b']' => Self::Closer,
            b' ' | b'\t' | b'\r' | 0x0c => Self::Space,
            _ => Self::Other,
        }
    }

    pub(super) fn of(ch: char) -> Self {
        match ch {
            '…' => Self::End,
            '»' | '”' | '’' | '“' => Self::Closer,
            ch if ch.is_ascii() => Self::of_ascii(ch as u8),
            _ => Self::Other,
        }
    }
}

/// Where the reading of a text stands towards the next cut between units.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Cutting {
    /// Inside a sentence.
    Within,
    /// Just after the end of a sentence (and any closing marks).
    Ended,
    /// After the end of a sentence and white space: the next character starts a unit.
    Spaced,
}

impl Cutting {
    /// The next state after a character; whether a unit starts at that character.
    pub(super) fn step(self, stop: Stop) -> (Self, bool) {
        match (stop, self) {
            (Stop::LineBreak, _) => (Self::Within, false),
            (Stop::Space, Self::Within) => (Self::Within, false),
            (Stop::Space, _) => (Self::Spaced, false),
            (Stop::End, state) => (Self::Ended, state == Self::Spaced),
            (Stop::Closer, Self::Ended) => (Self::Ended, false),
            (Stop::Closer | Stop::Other, state) => (Self::Within, state == Self::Spaced),
        }
    }
}

/// The units of a long comparison's first step, each with its key: lines, cut further after
/// the end of each sentence (a full stop, question or exclamation mark or ellipsis, with any
/// closing quotation marks or brackets, and the white space after it), a blank one (white
/// space, or only what is ignored) joined to the one before. Every cut falls between white
/// space and what follows it, where words are cut too. Units with equal keys are equal; the
/// others are compared word by word.
pub(super) struct Units<'t> {
    /// Byte ranges in the text, in order.
    pub(super) ranges: Vec<Range<usize>>,
    /// The units' keys one after the other: the text itself when nothing is normalised, else
    /// its normalised form (see [`Folder`]).
    pub(super) keys: std::borrow::Cow<'t, [u8]>,
    /// Where each unit's key ends in `keys`.
    pub(super) key_ends: Vec<usize>,
}

impl<'t> Units<'t> {
    pub(super) fn of(text: &'t str, normalization: &Normalization) -> Self {
        if *normalization == Normalization::default() {
            let (ranges, key_ends, _) = Self::cut::<false>(text, normalization);
            return Self {
                ranges,
                keys: std::borrow::Cow::Borrowed(text.as_bytes()),
                key_ends,
            };
        }
        let (ranges, key_ends, keys) = Self::cut::<true>(text, normalization);
        Self {
            ranges,
            keys: std::borrow::Cow::Owned(keys),
            key_ends,
        }
    }

    /// The units of `text` in one pass: their ranges, where their keys end, and the keys
    /// (folded when `FOLD`, else the text's own bytes are the keys and nothing is written).
    pub(super) fn cut<const FOLD: bool>(
        text: &str,
        normalization: &Normalization,
    ) -> (Vec<Range<usize>>, Vec<usize>, Vec<u8>) {
        let mut folder = Folder::new(normalization, if FOLD { text.len() } else { 0 });
        let (mut ranges, mut key_ends): (Vec<Range<usize>>, Vec<usize>) = Default::default();
        let (mut cutting, mut content) = (Cutting::Within, false);
        // Ends the unit that runs to `end` (its key to `key_end`), joined to the one before
        // when it has no `content`.
        let mut end_unit = |end: usize, content: bool, key_end: usize| {
            let start = ranges.last().map_or(0, |r| r.end);
            match (content, ranges.last_mut(), key_ends.last_mut()) {
                (false, Some(last), Some(last_key_end)) => {
                    last.end = end;
                    *last_key_end = key_end;
                }
                _ if start < end => {
                    ranges.push(start..end);
                    key_ends.push(key_end);
                }
                _ => {}
            }
        };
        let runs = Runs::new(&folder, FOLD);
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            let key_before = folder.key.len();
            let (run, has_content) = folder.run::<FOLD>(&runs, bytes, at);
            if run > 0 {
                // A run starts with something other than white space or a sentence's end.
                if cutting == Cutting::Spaced {
                    end_unit(at, content, if FOLD { key_before } else { at });
                    content = false;
                }
                cutting = Cutting::Within;
                content |= has_content;
                at += run;
                continue;
            }
            let (stop, length, ch) = if byte.is_ascii() {
                (Stop::of_ascii(byte), 1, None)
            } else {
                let ch = text[at..].chars().next().unwrap_or_default();
                (Stop::of(ch), ch.len_utf8(), Some(ch))
            };
            let (next, starts_unit) = cutting.step(stop);
            cutting = next;
            if starts_unit {
                end_unit(at, content, if FOLD { folder.key.len() } else { at });
                content = false;
            }
            content |= match (FOLD, ch) {
                (true, None) => folder.push_ascii(byte),
                (true, Some(ch)) => folder.push(ch),
                (false, None) => !char::from(byte).is_whitespace(),
                (false, Some(ch)) => !ch.is_whitespace(),
            };
            at += length;
            if stop == Stop::LineBreak {
                end_unit(at, content, if FOLD { folder.key.len() } else { at });
                content = false;
            }
        }
        end_unit(
            bytes.len(),
            content,
            if FOLD { folder.key.len() } else { at },
        );
        (ranges, key_ends, folder.key)
    }

    pub(super) fn keys(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.key_ends.iter().copied());
        starts
            .zip(&self.key_ends)
            .map(|(start, &end)| &self.keys[start..end])
    }
}

/// What an ASCII character is compared as under a normalisation.
#[derive(Clone, Copy)]
pub(super) enum AsciiFold {
    /// This byte, which is not white space.
    Byte(u8),
    /// This white space, kept as it is.
    White(u8),
    /// White space that is collapsed: one space for a run of it.
    Space,
    /// Nothing: ignored punctuation.
    Ignored,
}

impl Normalization {
    /// What each ASCII character is compared as (see [`Folder`]), looked up instead of
    /// worked out character by character: one table for each normalisation, made once.
    pub(super) fn ascii_folds(&self) -> &'static [AsciiFold; 128] {
        static TABLES: [std::sync::OnceLock<[AsciiFold; 128]>; 32] =
            [const { std::sync::OnceLock::new() }; 32];
        let switches = [
            self.ignore_case,
            self.ignore_punctuation,
            self.unify_quotes_and_dashes,
            self.collapse_whitespace,
            self.yo_as_ye,
        ];
        let index = switches
            .iter()
            .enumerate()
            .map(|(bit, &on)| usize::from(on) << bit)
            .sum::<usize>();
        TABLES[index].get_or_init(|| self.make_ascii_folds())
    }

    pub(super) fn make_ascii_folds(&self) -> [AsciiFold; 128] {
        std::array::from_fn(|byte| {
            let ch = char::from(byte as u8);
            if ch.is_ascii_alphanumeric() {
                AsciiFold::Byte(if self.ignore_case {
                    ch.to_ascii_lowercase() as u8
                } else {
                    byte as u8
                })
            } else if self.collapse_whitespace && ch.is_whitespace() {
                AsciiFold::Space
            } else {
                match self.fold(ch) {
                    // Folding keeps ASCII ASCII (a straight apostrophe becomes a quotation
                    // mark), and lower case is the same for what is not a letter.
                    Some(folded) if folded.is_whitespace() => AsciiFold::White(folded as u8),
                    Some(folded) if folded.is_ascii() => AsciiFold::Byte(folded as u8),
                    Some(_) | None => AsciiFold::Ignored,
                }
            }
        })
    }
}

/// The commonest stretches of a text, taken at once while its units are cut: letters, digits
/// and other characters inside a sentence that are compared as one byte or ignored, single
/// spaces between them, and Russian letters. Each is folded as [`Folder`] folds it one
/// character at a time (the tables are made by folding each character).
pub(super) struct Runs {
    /// What each ASCII character is written as in a run: [`Runs::END`] when it ends the run,
    /// [`Runs::IGNORED`] when it is ignored.
    pub(super) ascii: [u8; 128],
    /// What U+0400 to U+047F are written as (their UTF-8), when they can be in a run.
    pub(super) russian: [Option<[u8; 2]>; 128],
}

impl Runs {
    const END: u8 = 0;
    const IGNORED: u8 = 1;

    pub(super) fn new(folder: &Folder<'_>, fold: bool) -> Self {
        let ascii = std::array::from_fn(|byte| {
            let byte = byte as u8;
            if byte == b' ' {
                // Compared as a space after anything but a space, collapsed or not.
                return b' ';
            }
            if Stop::of_ascii(byte) != Stop::Other || char::from(byte).is_whitespace() {
                return Self::END;
            }
            if !fold {
                // (Never one of the two markers: a control character ends the run.)
                return if byte > Self::IGNORED {
                    byte
                } else {
                    Self::END
                };
            }
            match folder.folds[usize::from(byte)] {
                AsciiFold::Byte(folded) if folded > Self::IGNORED => folded,
                AsciiFold::Ignored => Self::IGNORED,
                _ => Self::END,
            }
        });
        let russian = std::array::from_fn(|index| {
            let ch = char::from_u32(0x400 + index as u32)?;
            if !ch.is_alphabetic() || Stop::of(ch) != Stop::Other {
                return None;
            }
            let mut one = Folder::new(folder.normalization, 4);
            if !one.push(ch) && fold {
                return None;
            }
            let mut utf8 = [0; 4];
            let written: &[u8] = if fold {
                &one.key
            } else {
                ch.encode_utf8(&mut utf8).as_bytes()
            };
            <[u8; 2]>::try_from(written).ok()
        });
        Self { ascii, russian }
    }
}

/// Writes what a text is compared as: its characters under the normalisation, a run of
/// white space as one space when white space is collapsed. ASCII characters are looked up
/// ([`Normalization::ascii_folds`]), Russian letters folded at once.
pub(super) struct Folder<'n> {
    pub(super) normalization: &'n Normalization,
    pub(super) folds: &'static [AsciiFold; 128],
    /// What is written so far.
    pub(super) key: Vec<u8>,
    /// Whether `key` ends in a collapsed run of white space.
    pub(super) in_space: bool,
}

impl<'n> Folder<'n> {
    pub(super) fn new(normalization: &'n Normalization, capacity: usize) -> Self {
        Self {
            normalization,
            folds: normalization.ascii_folds(),
            key: Vec::with_capacity(capacity),
            in_space: false,
        }
    }

    /// Appends the run of `bytes` at `at` (see [`Runs`]), if one starts there (written only
    /// when `FOLD`): its length in bytes (0 when none starts there), and whether it is more
    /// than white space and what is ignored.
    pub(super) fn run<const FOLD: bool>(
        &mut self,
        runs: &Runs,
        bytes: &[u8],
        at: usize,
    ) -> (usize, bool) {
        let (mut end, mut previous, mut content) = (at, 0u8, false);
        while let Some(&byte) = bytes.get(end) {
            if byte.is_ascii() {
                let folded = runs.ascii[usize::from(byte)];
                // A space is taken only after something else: one space stays one space.
                if folded == Runs::END || byte == b' ' && (end == at || previous == b' ') {
                    break;
                }
                if FOLD && folded != Runs::IGNORED {
                    self.key.push(folded);
                }
                content |= byte != b' ' && folded != Runs::IGNORED;
                previous = byte;
                end += 1;
                continue;
            }
            // A Russian letter: two bytes, the first 0xd0 or 0xd1.
            let Some(&second) = bytes.get(end + 1) else {
                break;
            };
            let index = match byte {
                0xd0 => usize::from(second & 0x3f),
                0xd1 => 0x40 + usize::from(second & 0x3f),
                _ => break,
            };
            let Some(folded) = runs.russian[index] else {
                break;
            };
            if FOLD {
                self.key.extend_from_slice(&folded);
            }
            content = true;
            previous = second;
            end += 2;
        }
        if end > at {
            self.in_space = self.normalization.collapse_whitespace && previous == b' ';
        }
        (end - at, content)
    }

    /// Appends an ASCII character; whether it is more than white space.
    pub(super) fn push_ascii(&mut self, byte: u8) -> bool {
        match self.folds[usize::from(byte & 0x7f)] {
            AsciiFold::Byte(folded) => {
                self.key.push(folded);
                self.in_space = false;
                true
            }
            AsciiFold::White(folded) => {
                self.key.push(folded);
                self.in_space = false;
                false
            }
            AsciiFold::Space => {
                if !self.in_space {
                    self.key.push(b' ');
                }
                self.in_space = true;
                false
            }
            AsciiFold::Ignored => {
                self.in_space = false;
                false
            }
        }
    }

    /// Appends any character; whether it is more than white space.
    pub(super) fn push(&mut self, ch: char) -> bool {
        let normalization = self.normalization;
        if normalization.collapse_whitespace && ch.is_whitespace() {
            if !self.in_space {
                self.key.push(b' ');
            }
            self.in_space = true;
            return false;
        }
        self.in_space = false;
        let Some(folded) = normalization.fold(ch) else {
            return false;
        };
        let mut utf8 = [0; 4];
        if !normalization.ignore_case {
            self.key
                .extend_from_slice(folded.encode_utf8(&mut utf8).as_bytes());
        } else if ('А'..='я').contains(&folded) {
            // A Russian letter (ё is outside this range): its lower case at once.
            let lower = if folded <= 'Я' {
                char::from_u32(folded as u32 + 0x20).unwrap_or(folded)
            } else {
                folded
            };
            self.key
                .extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
        } else {
            for lower in folded.to_lowercase() {
                self.key
                    .extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
            }
        }
        !folded.is_whitespace()
    }
}
