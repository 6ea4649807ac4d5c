//! Re-anchoring on real edits of the bundled texts: sentences are inserted, deleted and
//! slightly rewritten around and inside annotated passages, and the test reports what fraction
//! of the anchors is found again at the right place.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::ops::Range;

use lectern::bundled::bundled_library;
use lectern::model::anchor::{Anchor, resolve_all};
use lectern::model::text::Text;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Fate {
    Verbatim,
    SmallEdit,
    Deleted,
}

struct Case {
    anchor: Anchor,
    fate: Fate,
    expected: Option<Range<usize>>,
}

/// Sentences of a paragraph, each keeping its trailing space.
fn sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for word in paragraph.split_inclusive(' ') {
        current.push_str(word);
        if word.trim_end().ends_with(['.', '?', '!']) {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Drops the middle word of a sentence: a small edit a corrected edition might make.
fn small_edit(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split(' ').collect();
    if words.len() < 8 {
        return None;
    }
    let middle = words.len() / 2;
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != middle)
        .map(|(_, w)| *w)
        .collect();
    Some(kept.join(" "))
}

/// Edits `text` and returns the edited text with the cases to check.
fn edit(text: &Text) -> (Text, Vec<Case>) {
    let mut cases = Vec::new();
    let mut new_paragraphs = Vec::new();
    let mut new_offset = 0; // characters of the edited content so far
    for (index, paragraph) in text.paragraphs().iter().enumerate() {
        let mut old_offset = paragraph.chars.start;
        let mut edited = String::new();
        if index % 3 == 0 {
            edited.push_str("An editor’s inserted sentence stands here. ");
        }
        for (number, sentence) in sentences(text.paragraph_text(index))
            .into_iter()
            .enumerate()
        {
            let length = sentence.chars().count();
            let quote = sentence.trim_end();
            let quote_length = quote.chars().count();
            let anchor = Anchor::new(text, (old_offset..old_offset + quote_length).into());
            let here = new_offset + edited.chars().count();
            let fate = if (index + number) % 7 == 3 {
                Fate::Deleted
            } else if (index + number) % 4 == 1 && small_edit(quote).is_some() {
                Fate::SmallEdit
            } else {
                Fate::Verbatim
            };
            match fate {
                Fate::Deleted => {}
                Fate::SmallEdit => {
                    let changed = small_edit(quote).unwrap();
                    let changed_length = changed.chars().count();
                    edited.push_str(&changed);
                    edited.push_str(&sentence[quote.len()..]);
                    if quote_length >= 20 {
                        cases.push(Case {
                            anchor,
                            fate,
                            expected: Some(here..here + changed_length),
                        });
                    }
                }
                Fate::Verbatim => {
                    edited.push_str(&sentence);
                    if quote_length >= 20 {
                        cases.push(Case {
                            anchor,
                            fate,
                            expected: Some(here..here + quote_length),
                        });
                    }
                }
            }
            if fate == Fate::Deleted && quote_length >= 20 {
                cases.push(Case {
                    anchor: Anchor::new(text, (old_offset..old_offset + quote_length).into()),
                    fate,
                    expected: None,
                });
            }
            old_offset += length;
        }
        if !edited.is_empty() {
            // An emptied paragraph disappears from the text, separator and all.
            new_offset += edited.chars().count() + 2;
            new_paragraphs.push(edited);
        }
    }
    (Text::new(text.meta().clone(), new_paragraphs), cases)
}

#[test]
fn anchors_survive_insertions_deletions_and_small_edits() {
    let library = bundled_library();
    let mut counts = [(0usize, 0usize); 3]; // (found correctly, total) per fate
    for text in library.texts() {
        let (edited, cases) = edit(text);
        let resolutions = resolve_all(cases.iter().map(|c| &c.anchor), &edited);
        for (case, resolution) in cases.iter().zip(resolutions) {
            // The edited text must really hold what the case expects.
            if let Some(expected) = &case.expected {
                assert!(
                    expected.end <= edited.char_len(),
                    "{}: bad expectation",
                    text.id()
                );
            }
            let slot = match case.fate {
                Fate::Verbatim => 0,
                Fate::SmallEdit => 1,
                Fate::Deleted => 2,
            };
            let correct = match (&case.expected, resolution.range()) {
                (Some(expected), Some(found)) => *expected == found,
                (None, None) => true,
                _ => false,
            };
            if !correct && case.fate == Fate::Verbatim {
                eprintln!(
                    "{}: {:?} not found: {resolution:?} for {:?}",
                    text.id(),
                    case.fate,
                    case.anchor.exact
                );
            }
            counts[slot].0 += usize::from(correct);
            counts[slot].1 += 1;
        }
    }
    let rate = |(found, total): (usize, usize)| found as f64 / total.max(1) as f64;
    println!(
        "re-anchored correctly: verbatim quotes {}/{} ({:.1}%), quotes with a small edit {}/{} ({:.1}%); \
         deleted passages left as orphans {}/{} ({:.1}%)",
        counts[0].0,
        counts[0].1,
        100.0 * rate(counts[0]),
        counts[1].0,
        counts[1].1,
        100.0 * rate(counts[1]),
        counts[2].0,
        counts[2].1,
        100.0 * rate(counts[2]),
    );
    assert!(
        counts[0].1 >= 90 && counts[1].1 >= 20 && counts[2].1 >= 15,
        "too few cases: {counts:?}"
    );
    assert_eq!(
        counts[0].0, counts[0].1,
        "every verbatim quote must be found at its new place"
    );
    assert!(rate(counts[1]) >= 0.9, "small edits: {:?}", counts[1]);
    // A deleted passage is left as an orphan, not attached to some other place of the text.
    // Not every one: a deleted dateline of the notes ("December 31, 1922 / Taken down by
    // M.V.") is found, fuzzily, at the nearly identical dateline of another day.
    assert!(
        rate(counts[2]) >= 0.9,
        "deleted passages must be left as orphans: {:?}",
        counts[2]
    );
}
