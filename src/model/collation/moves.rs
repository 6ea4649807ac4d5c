//! Transpositions: a phrase some witnesses read at one place and the others at another.
//!
//! An alignment table cannot put a moved phrase in one column: it shows an omission where
//! the others read it and an addition where the movers do. The moves are found afterwards,
//! witness by witness:
//!
//! - an *addition* is a run of columns where this witness reads something and some other
//!   witness reads nothing (the witnesses that moved the phrase with it may read there too);
//! - an *omission* is a run of columns where it reads nothing and some other witness reads;
//! - an addition with a word of four letters or more, and an omission nearby where other
//!   witnesses read the same phrase, make a move. The phrase may have been reworded on the
//!   way: of three words or more, two words in three must match, in order, each the same
//!   under the normalisation or a near form of it (an inflection, a misprint), in a stretch as
//!   long as the phrase or one token longer (one shorter too, for five words or more); a
//!   phrase of fewer words, or of more than forty tokens, must be the same. Those who read it
//!   at the one place read nothing at the other.
//!
//! Each omission serves one move; the nearest is taken first. A transposition is seen from
//! both sides (the movers' addition, and the others' where the movers omit): it is told once,
//! as the move of the fewer witnesses (the majority's order taken as the one moved from), and
//! between equal sides as the move of the witness whose siglum sorts last (the later edition,
//! when sigla are years or letters in order). Darwin's *Origin*, 1869: “differ from each
//! other more than” where the other editions read “differ more from each other than”.

use std::ops::Range;

use super::align::{NEAR, similarity};
use super::{Collation, TokenKind};

/// Columns apart beyond which an addition and an omission are not taken for one move.
const NEAR_ENOUGH: usize = 200;

/// The fewest letters of the longest word of a moved phrase (a stray “the” or “of the”
/// added here and dropped there is no move; Darwin's “more” is).
const LEAST_LETTERS: usize = 4;

/// The longest phrase whose rewording is looked for (its windows are matched word by word);
/// a longer one is found only as it stands.
const REWORDED_TOKENS: usize = 40;

/// One transposition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    /// The witness that moved the phrase (its number in the input order).
    pub witness: usize,
    /// Its tokens that were moved.
    pub tokens: Range<usize>,
    /// The columns where the other witnesses read the phrase (and this one reads nothing).
    pub from: Range<usize>,
    /// The columns where this witness reads it (and those at `from` read nothing).
    pub to: Range<usize>,
    /// The witnesses that read it at `from`.
    pub read_there_by: Vec<usize>,
}

/// The transpositions of `collation` (see the module docs), by witness, then by place.
pub(super) fn find(collation: &Collation) -> Vec<Move> {
    let mut moves = Vec::new();
    for witness in 0..collation.witnesses.len() {
        let (additions, mut omissions) = runs(collation, witness);
        for addition in additions {
            if let Some(found) = source(collation, witness, &addition, &mut omissions) {
                moves.push(found);
            }
        }
    }
    one_direction(collation, moves)
}

/// How many witnesses read anything in `columns`.
fn readers_in(collation: &Collation, columns: &Range<usize>) -> usize {
    (0..collation.witnesses.len())
        .filter(|&w| reads_in(collation, w, columns))
        .count()
}

/// Whether `witness` reads anything in `columns`.
fn reads_in(collation: &Collation, witness: usize, columns: &Range<usize>) -> bool {
    collation.columns[columns.clone()]
        .iter()
        .any(|column| column[witness].is_some())
}

/// `moves` with each transposition told once (see the module docs).
fn one_direction(collation: &Collation, moves: Vec<Move>) -> Vec<Move> {
    let overlap = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let key = |w: usize| {
        let witness = &collation.witnesses[w];
        (witness.id.as_str(), witness.text.as_str())
    };
    let mirrored = |m: &Move, other: &Move| {
        other.witness != m.witness && overlap(&other.from, &m.to) && overlap(&other.to, &m.from)
    };
    // The witnesses on each side: those who read the phrase where it was moved to, and those
    // who read it where it was moved from.
    let sides = |m: &Move| (readers_in(collation, &m.to), m.read_there_by.len());
    let told_by_other = |m: &Move, other: &Move| {
        let (movers, others) = sides(m);
        let (their_movers, their_others) = sides(other);
        let fewer = |movers: usize, others: usize| movers < others;
        match (fewer(movers, others), fewer(their_movers, their_others)) {
            (true, false) => false,
            (false, true) => true,
            (true, true) | (false, false) => key(other.witness) > key(m.witness),
        }
    };
    moves
        .iter()
        .filter(|m| {
            !moves
                .iter()
                .any(|other| mirrored(m, other) && told_by_other(m, other))
        })
        .cloned()
        .collect()
}

/// The runs of columns where `witness` reads something and another witness nothing
/// (additions), and where it reads nothing and another witness something (omissions).
fn runs(collation: &Collation, witness: usize) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (mut additions, mut omissions): (Vec<Range<usize>>, Vec<Range<usize>>) = (vec![], vec![]);
    let extend = |runs: &mut Vec<Range<usize>>, c: usize| match runs.last_mut() {
        Some(last) if last.end == c => last.end = c + 1,
        _ => runs.push(c..c + 1),
    };
    for (c, column) in collation.columns.iter().enumerate() {
        let others = column
            .iter()
            .enumerate()
            .filter(|&(w, _)| w != witness)
            .map(|(_, cell)| cell.is_some());
        let (mut some_read, mut some_not) = (false, false);
        for reads in others {
            some_read |= reads;
            some_not |= !reads;
        }
        match (column[witness].is_some(), some_read, some_not) {
            (true, _, true) => extend(&mut additions, c),
            (false, true, _) => extend(&mut omissions, c),
            // All read here, or none does.
            (true, _, false) | (false, false, _) => {}
        }
    }
    (additions, omissions)
}

/// A token as the move finder compares it: its key, its kind and its index.
#[derive(Clone, Copy)]
struct Keyed<'a> {
    key: &'a str,
    kind: TokenKind,
    token: usize,
}

/// `witness`'s tokens in `columns`.
fn tokens_in<'a>(
    collation: &'a Collation,
    witness: usize,
    columns: &Range<usize>,
) -> Vec<Keyed<'a>> {
    columns
        .clone()
        .filter_map(|c| collation.columns[c][witness])
        .map(|t| {
            let token = &collation.witnesses[witness].tokens[t as usize];
            Keyed {
                key: token.key.as_str(),
                kind: token.kind,
                token: t as usize,
            }
        })
        .collect()
}

/// Whether two tokens are one reading of a moved phrase: the same, or near forms of one word.
fn alike(a: Keyed<'_>, b: Keyed<'_>) -> bool {
    if a.key == b.key {
        return true;
    }
    if a.kind != TokenKind::Word || b.kind != TokenKind::Word {
        return false;
    }
    // Words of lengths too far apart cannot be near: no need to count their edits.
    let (x, y) = (a.key.chars().count(), b.key.chars().count());
    #[allow(clippy::cast_precision_loss)] // words are short
    let close = x.abs_diff(y) as f64 <= (1.0 - NEAR) * x.max(y) as f64;
    close && similarity(a.key, b.key) >= NEAR
}

/// How many words of `a` and `b` match in order (the longest common subsequence of their
/// words, words matching when [`alike`]; punctuation does not count).
fn matched<'a>(a: &[Keyed<'a>], b: &[Keyed<'a>]) -> usize {
    let words = |t: &[Keyed<'a>]| -> Vec<Keyed<'a>> {
        t.iter()
            .copied()
            .filter(|t| t.kind == TokenKind::Word)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    for &x in &a {
        for (j, &y) in b.iter().enumerate() {
            current[j + 1] = if alike(x, y) {
                previous[j] + 1
            } else {
                previous[j + 1].max(current[j])
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The words of `tokens`.
fn word_count(tokens: &[Keyed<'_>]) -> usize {
    tokens.iter().filter(|t| t.kind == TokenKind::Word).count()
}

/// Where in `there` the phrase `wanted` is read (see the module docs): the range of `there`
/// that reads it best, if one does.
fn found_in(wanted: &[Keyed<'_>], there: &[Keyed<'_>]) -> Option<Range<usize>> {
    let n = wanted.len();
    let words = word_count(wanted);
    if n == 0 || there.len() < n.saturating_sub(1).max(1) {
        return None;
    }
    if words < 3 || n > REWORDED_TOKENS {
        let same = |window: &[Keyed<'_>]| window.iter().zip(wanted).all(|(a, b)| a.key == b.key);
        return there
            .windows(n)
            .position(same)
            .map(|start| start..start + n);
    }
    // Which tokens there could match a word of the phrase at all: a window with too few of
    // them is passed over without matching it word by word (a long lacuna has thousands).
    let candidate: Vec<bool> = there
        .iter()
        .map(|&t| t.kind == TokenKind::Word && wanted.iter().any(|&w| alike(w, t)))
        .collect();
    // And which of those are words that carry weight (“soviet”, not “of” or “the”): a window
    // must have one.
    let weighty: Vec<bool> = there
        .iter()
        .zip(&candidate)
        .map(|(t, &c)| c && t.key.chars().count() >= LEAST_LETTERS)
        .collect();
    let needed = (2 * words).div_ceil(3);
    // Windows one token longer than the phrase, or as long; one shorter only for a phrase of
    // five words or more (so that “of the republics” is never found in a bare “of the”).
    let shortest = if words >= 5 { n - 1 } else { n };
    let mut best: Option<(usize, usize, Range<usize>)> = None;
    for length in shortest..=(n + 1) {
        for start in 0..there.len().saturating_sub(length - 1) {
            let window = &there[start..start + length];
            let few = candidate[start..start + length]
                .iter()
                .filter(|&&c| c)
                .count()
                < needed;
            if few || !weighty[start..start + length].contains(&true) {
                continue;
            }
            let score = matched(wanted, window);
            if 3 * score < 2 * words.max(word_count(window)) {
                continue;
            }
            let off = length.abs_diff(n);
            let better = best
                .as_ref()
                .is_none_or(|(s, o, _)| score > *s || (score == *s && off < *o));
            if better {
                best = Some((score, off, start..start + length));
            }
        }
    }
    // Without the tokens at its ends that are nothing of the phrase.
    best.map(|(_, _, mut range)| {
        while range.len() > 1 && !candidate[range.start] {
            range.start += 1;
        }
        while range.len() > 1 && !candidate[range.end - 1] {
            range.end -= 1;
        }
        range
    })
}

/// The omission nearest `addition` from which `witness` moved it, taken out of `omissions`.
fn source(
    collation: &Collation,
    witness: usize,
    addition: &Range<usize>,
    omissions: &mut Vec<Range<usize>>,
) -> Option<Move> {
    let moved = tokens_in(collation, witness, addition);
    let worth_it = moved
        .iter()
        .any(|t| t.kind == TokenKind::Word && t.key.chars().count() >= LEAST_LETTERS);
    if !worth_it {
        return None;
    }
    let distance = |o: &Range<usize>| {
        if o.end <= addition.start {
            addition.start - o.end
        } else {
            o.start.saturating_sub(addition.end)
        }
    };
    let mut nearest: Vec<usize> = (0..omissions.len())
        .filter(|&i| distance(&omissions[i]) <= NEAR_ENOUGH)
        .collect();
    nearest.sort_by_key(|&i| (distance(&omissions[i]), omissions[i].start));
    // Those who read the phrase where it was moved to read nothing where it came from.
    let movers: Vec<usize> = (0..collation.witnesses.len())
        .filter(|&w| reads_in(collation, w, addition))
        .collect();
    for i in nearest {
        let omission = omissions[i].clone();
        if movers.iter().any(|&w| reads_in(collation, w, &omission)) {
            continue;
        }
        let mut readers = Vec::new();
        let mut from: Option<Range<usize>> = None;
        for other in (0..collation.witnesses.len()).filter(|o| !movers.contains(o)) {
            let there = tokens_in(collation, other, &omission);
            let Some(at) = found_in(&moved, &there) else {
                continue;
            };
            readers.push(other);
            if from.is_none() {
                let first = column_of(collation, other, there[at.start].token);
                let last = column_of(collation, other, there[at.end - 1].token);
                from = Some(first..last + 1);
            }
        }
        if let Some(from) = from {
            omissions.remove(i);
            return Some(Move {
                witness,
                tokens: moved[0].token..moved[moved.len() - 1].token + 1,
                from,
                to: addition.clone(),
                read_there_by: readers,
            });
        }
    }
    None
}

/// The column of token `token` of `witness`.
fn column_of(collation: &Collation, witness: usize, token: usize) -> usize {
    collation
        .columns
        .iter()
        .position(|column| column[witness] == Some(u32::try_from(token).unwrap_or(u32::MAX)))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keyed(text: &str) -> Vec<Keyed<'_>> {
        text.split_whitespace()
            .enumerate()
            .map(|(token, key)| Keyed {
                key,
                kind: if key.chars().any(char::is_alphanumeric) {
                    TokenKind::Word
                } else {
                    TokenKind::Punctuation
                },
                token,
            })
            .collect()
    }

    #[test]
    fn a_reworded_phrase_is_found_but_not_in_a_few_small_words_of_it() {
        let phrase = keyed("of the soviet republics");
        // Reworded: one word inflected, one dropped, in a stretch one longer.
        let there = keyed("we met of soviet republic today");
        let found = found_in(&phrase, &there).expect("reworded, still the phrase");
        assert_eq!(there[found.start].key, "of", "{found:?}");
        // “of the” alone is no reading of the phrase, nor is punctuation.
        assert_eq!(
            found_in(&keyed("of the republics"), &keyed("met of the , today")),
            None
        );
        assert_eq!(found_in(&phrase, &keyed("of the , , in moscow")), None);
        // A short phrase is found only as it stands.
        assert_eq!(
            found_in(&keyed("much more"), &keyed("far much more so")),
            Some(1..3)
        );
        assert_eq!(
            found_in(&keyed("much more"), &keyed("far much mere so")),
            None
        );
        assert_eq!(found_in(&[], &keyed("anything")), None);
    }

    #[test]
    fn a_long_lacuna_with_nothing_of_the_phrase_reads_nothing_of_it() {
        // Five thousand words, none like the phrase's (each window is passed over by its count
        // of words like them, not matched word by word).
        let lacuna: String = (0..5_000).map(|i| format!("w{i:05} ")).collect();
        let phrase = keyed("the union of soviet republics was formed");
        assert_eq!(found_in(&phrase, &keyed(&lacuna)), None);
    }
}
