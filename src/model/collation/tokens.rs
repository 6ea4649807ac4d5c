//! A witness cut into the tokens a collation aligns: words and marks of punctuation, each with
//! its key under the comparison's [`Normalization`], and the characters it shows.
//!
//! The cutting is the word diff's ([`split_tokens`]), with two differences:
//!
//! - White space is never a token of its own: it belongs to the token before it (or, at the
//!   very start, to the first token), so that a witness's tokens, read in order, give back its
//!   text exactly.
//! - A word broken at the end of a line with a hyphen (“con- tinues”, or with a line break
//!   after the hyphen) is one token, keyed as the whole word (“continues”), so that it aligns
//!   with the unbroken word. A hyphen before a line break always joins; a hyphen before a
//!   space joins only when the next word starts in lower case and is not a conjunction
//!   (“pre- and post-war” keeps its two words).
//!
//! A mark of punctuation that the normalisation ignores (its key is empty) is no token either:
//! like white space it belongs to the token before it.

use std::ops::Range;

use crate::model::diff::{Normalization, split_tokens};
use crate::model::text::ByteRange;

/// What a token is to the alignment: words take priority over punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word (letters, digits, with a full stop or apostrophe inside).
    Word,
    /// Anything else that is not white space.
    Punctuation,
}

/// One token of a witness.
///
/// Invariant: the `span`s of a witness's tokens are contiguous and cover its text, so that
/// the text is the concatenation of its tokens' spans; `shown` lies inside `span` and is the
/// token without the white space and ignored punctuation after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollationToken {
    /// The bytes of the witness this token stands for, with what follows it up to the next
    /// token (and, for the first token, what comes before it).
    pub span: ByteRange,
    /// The token's own bytes.
    pub shown: ByteRange,
    /// What it is compared as (see [`Normalization::key`]).
    pub key: String,
    /// Word or punctuation.
    pub kind: TokenKind,
}

/// Words after which a hyphen and a space do not break one word across a line.
const CONJUNCTIONS: [&str; 12] = [
    "and", "or", "nor", "to", "und", "oder", "et", "ou", "и", "или", "да", "а",
];

/// The tokens of `text` under `normalization` (see the module docs).
pub fn collation_tokens(text: &str, normalization: &Normalization) -> Vec<CollationToken> {
    let pieces = pieces(text);
    let mut tokens: Vec<CollationToken> = Vec::new();
    let mut leading = 0;
    let mut i = 0;
    while i < pieces.len() {
        let (range, kind) = pieces[i].clone();
        let Some(kind) = kind else {
            extend_last(&mut tokens, range.end);
            i += 1;
            continue;
        };
        let piece = &text[range.clone()];
        if let Some((end, next)) = broken_word(text, &pieces, i) {
            let whole: String = format!("{piece}{}", &text[pieces[next].0.clone()]);
            push(
                &mut tokens,
                &mut leading,
                (range.start..end, whole),
                normalization,
            );
            i = next + 1;
            continue;
        }
        let key = normalization.key(piece);
        if key.is_empty() || (kind == TokenKind::Punctuation && key.trim().is_empty()) {
            // Ignored by the normalisation: it belongs to the token before it.
            extend_last(&mut tokens, range.end);
        } else {
            tokens.push(CollationToken {
                span: ByteRange(leading.min(range.start)..range.end),
                shown: ByteRange(range.clone()),
                key,
                kind,
            });
            leading = usize::MAX;
        }
        i += 1;
    }
    if tokens.is_empty() && !text.is_empty() {
        // Nothing but white space or ignored marks: one token that shows nothing.
        tokens.push(CollationToken {
            span: ByteRange(0..text.len()),
            shown: ByteRange(0..0),
            key: String::new(),
            kind: TokenKind::Punctuation,
        });
    }
    tokens
}

/// The pieces of `text` with their kind (`None`: white space).
fn pieces(text: &str) -> Vec<(Range<usize>, Option<TokenKind>)> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in split_tokens(text) {
        let range = at..at + piece.len();
        at += piece.len();
        let kind = if piece.chars().all(char::is_whitespace) {
            None
        } else if piece.chars().any(char::is_alphanumeric) {
            Some(TokenKind::Word)
        } else {
            Some(TokenKind::Punctuation)
        };
        out.push((range, kind));
    }
    out
}

/// Whether the word at `pieces[i]` is broken across a line (“con- tinues”): the end of the
/// hyphen's token and the index of the word's second part.
fn broken_word(
    text: &str,
    pieces: &[(Range<usize>, Option<TokenKind>)],
    i: usize,
) -> Option<(usize, usize)> {
    let [
        (_, Some(TokenKind::Word)),
        (hyphen, _),
        (space, None),
        (rest, Some(TokenKind::Word)),
    ] = pieces.get(i..i + 4)?
    else {
        return None;
    };
    if !matches!(&text[hyphen.clone()], "-" | "\u{ad}" | "\u{2010}") {
        return None;
    }
    let second = &text[rest.clone()];
    let line_break = text[space.clone()].contains('\n');
    let lower = second.chars().next().is_some_and(char::is_lowercase);
    let conjunction = CONJUNCTIONS.contains(&second.to_lowercase().as_str());
    (line_break || (lower && !conjunction)).then_some((rest.end, i + 3))
}

/// Pushes a token for a word joined across a line: `range` is its bytes, `whole` the word
/// without hyphen and break.
fn push(
    tokens: &mut Vec<CollationToken>,
    leading: &mut usize,
    (range, whole): (Range<usize>, String),
    normalization: &Normalization,
) {
    let joined: String = whole
        .chars()
        .filter(|ch| !ch.is_whitespace() && !matches!(ch, '-' | '\u{ad}' | '\u{2010}'))
        .collect();
    tokens.push(CollationToken {
        span: ByteRange((*leading).min(range.start)..range.end),
        shown: ByteRange(range),
        key: normalization.key(&joined),
        kind: TokenKind::Word,
    });
    *leading = usize::MAX;
}

/// Lengthens the last token's span to `end` (white space and ignored marks after it); before
/// the first token they wait as its leading part.
fn extend_last(tokens: &mut [CollationToken], end: usize) {
    if let Some(last) = tokens.last_mut() {
        last.span.end = end;
    }
}
