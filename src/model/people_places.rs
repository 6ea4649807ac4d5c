//! People and places: who and where the texts name, under every spelling.
//!
//! An [`Index`] lists entities (a person or a place) with a preferred name, the English
//! spellings the texts use (“Orjonikidze”, “Orgonikidze”, “Ordzhonikidze”) and the Russian
//! forms; a Russian form ending in `*` is a stem that takes Russian case endings, so
//! “Дзержинск*” finds Дзержинский, Дзержинского and Дзержинскому. Mentions are found word by
//! word, case and ё/е aside, an English possessive (“Stalin’s”) included; the words of a name
//! are found within one line (“J. V. Stalin”, never across a paragraph). The bundled index is
//! `resources/index/people-and-places.json`, checked by this module's tests.

use crate::model::text::CharRange;
use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::diff::split_tokens;
use super::text::Text;

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place.
    Place,
}

/// A person or place of the index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id (`ordzhonikidze`).
    pub id: String,
    /// Person or place.
    pub kind: EntityKind,
    /// The preferred name.
    pub name: String,
    /// Spellings in English texts (one or more words each).
    pub variants: Vec<String>,
    /// Russian forms; one ending in `*` is a stem that takes case endings.
    #[serde(default)]
    pub russian: Vec<String>,
    /// A one-line identification.
    pub about: String,
    /// Where the identification comes from.
    pub about_source: String,
    /// The Wikidata id, where checked.
    #[serde(default)]
    pub wikidata: Option<String>,
    /// Named only in a caption left out of the texts with its picture, so that no text
    /// mentions it: the list says so instead of counting none.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub caption_only: bool,
}

/// The file of an index.
#[derive(Clone, Debug, Deserialize)]
struct IndexFile {
    format: String,
    version: u32,
    entities: Vec<Entity>,
}

/// The Russian case endings a stem (`Дзержинск*`) takes: nouns and adjectives, singular and
/// plural, and the soft-sign forms of place names (Закавказье).
const ENDINGS: &[&str] = &[
    "", "а", "я", "у", "ю", "е", "ё", "и", "ы", "о", "ь", "ом", "ем", "ём", "ой", "ей", "ою", "ею",
    "ий", "ый", "ого", "его", "ому", "ему", "им", "ым", "их", "ых", "ими", "ыми", "ам", "ям",
    "ами", "ями", "ах", "ях", "ье", "ья", "ью", "ьем", "ьё",
];

/// A word as compared: lower case, ё as е, a trailing English possessive off.
fn folded(word: &str) -> String {
    let lower: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect();
    for possessive in ["’s", "'s"] {
        if let Some(stem) = lower.strip_suffix(possessive) {
            return stem.to_owned();
        }
    }
    lower
}

/// One word of a name as matched: exactly, or a stem with a Russian case ending.
#[derive(Clone, Debug)]
enum WordPattern {
    Exact(String),
    Stem(String),
}

impl WordPattern {
    fn matches(&self, word: &str) -> bool {
        match self {
            Self::Exact(exact) => word == exact,
            Self::Stem(stem) => word
                .strip_prefix(stem.as_str())
                .is_some_and(|ending| ENDINGS.contains(&ending)),
        }
    }
}

/// A mention of an entity: its character range in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The entity's index in [`Index::entities`].
    pub entity: usize,
    /// Characters of the text.
    pub range: CharRange,
}

/// Finds names in a text, word by word: each name (one or more words, a final `*` on a word
/// making it a stem that takes Russian case endings) belongs to an owner, a number. Used for
/// the people and places of the [`Index`] and the renderings of the glossary.
#[derive(Clone, Debug, Default)]
pub struct NameMatcher {
    /// Each name as words, longest first: its owner and the words' patterns.
    names: Vec<(usize, Vec<WordPattern>)>,
}

impl NameMatcher {
    /// The matcher of `names` (owner, name); an error names a name with no word.
    pub fn new<'a>(names: impl IntoIterator<Item = (usize, &'a str)>) -> Result<Self, String> {
        let mut patterns = Vec::new();
        for (owner, name) in names {
            // The name's words as the text's words are read (“J. V.” is the words J and V), a
            // final * marking a stem.
            let words: Vec<WordPattern> = name
                .split_whitespace()
                .flat_map(|word| {
                    let stem = word.strip_suffix('*');
                    let words: Vec<&str> = split_tokens(stem.unwrap_or(word))
                        .filter(|t| t.chars().next().is_some_and(char::is_alphanumeric))
                        .collect();
                    let last = words.len().saturating_sub(1);
                    words
                        .into_iter()
                        .enumerate()
                        .map(|(n, w)| {
                            if stem.is_some() && n == last {
                                WordPattern::Stem(folded(w))
                            } else {
                                WordPattern::Exact(folded(w))
                            }
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            if words.is_empty() {
                return Err(format!("“{name}” has no word"));
            }
            patterns.push((owner, words));
        }
        // Longest names first, so that “Sergo Ordzhonikidze” is one mention, not two.
        patterns.sort_by_key(|(_, words)| std::cmp::Reverse(words.len()));
        Ok(Self { names: patterns })
    }
}

/// People and places, and how to find them.
#[derive(Clone, Debug, Default)]
pub struct Index {
    entities: Vec<Entity>,
    /// The entities' names, each owned by its entity's number.
    matcher: NameMatcher,
}

/// Why an index could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// Not an index file.
    #[error("not an index of people and places: {0}")]
    Json(String),
    /// Something in it is wrong.
    #[error("{0}")]
    Invalid(String),
}

impl Index {
    /// The index of `entities`.
    pub fn new(entities: Vec<Entity>) -> Result<Self, IndexError> {
        let mut names = Vec::new();
        let mut ids = std::collections::HashSet::new();
        for (number, entity) in entities.iter().enumerate() {
            if entity.id.is_empty() || !ids.insert(entity.id.as_str()) {
                return Err(IndexError::Invalid(format!(
                    "entity {} has an empty or repeated id “{}”",
                    number + 1,
                    entity.id
                )));
            }
            if entity.variants.is_empty() || entity.about.trim().is_empty() {
                return Err(IndexError::Invalid(format!(
                    "“{}” needs a spelling and an identification",
                    entity.id
                )));
            }
            for name in entity.variants.iter().chain(&entity.russian) {
                names.push((number, name.as_str()));
            }
        }
        let matcher = NameMatcher::new(names).map_err(IndexError::Invalid)?;
        Ok(Self { entities, matcher })
    }

    /// The index in an index file's JSON.
    pub fn from_json(json: &str) -> Result<Self, IndexError> {
        let file: IndexFile =
            serde_json::from_str(json).map_err(|e| IndexError::Json(e.to_string()))?;
        if file.format != "lectern-index" || file.version != 1 {
            return Err(IndexError::Invalid(format!(
                "format “{}” version {} is not lectern-index version 1",
                file.format, file.version
            )));
        }
        Self::new(file.entities)
    }

    /// The people and places of the bundled texts.
    pub fn bundled() -> Self {
        Self::from_json(include_str!("../../resources/index/people-and-places.json"))
            .expect("the bundled index is valid (this module's tests read it)")
    }

    /// The entities, in the index's order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with this id.
    pub fn find(&self, id: &str) -> Option<(usize, &Entity)> {
        self.entities.iter().enumerate().find(|(_, e)| e.id == id)
    }

    /// Every mention in `text`, in order.
    pub fn mentions(&self, text: &Text) -> Vec<Mention> {
        self.mentions_in(text.content())
    }

    /// Every mention in `content`, by character ranges, in order.
    pub fn mentions_in(&self, content: &str) -> Vec<Mention> {
        self.matcher.find(content)
    }

    /// Where each entity (in the index's order) is mentioned in `texts` and in the wordings of
    /// `comparisons` (a draft that no text of the library quotes, such as Stalin's, names the
    /// Far Eastern Republic): what People and places and `lectern index` count. A wording
    /// that stands in one of `texts` (a passage quoted from it) is counted there, not again.
    pub fn mentioned<'a>(
        &self,
        texts: impl IntoIterator<Item = &'a std::sync::Arc<Text>>,
        comparisons: impl IntoIterator<Item = &'a super::comparison::Comparison>,
    ) -> Vec<Mentioned> {
        let mut found = vec![Mentioned::default(); self.entities.len()];
        let mut counted = std::collections::HashSet::new();
        for text in texts {
            counted.insert(text.id().to_owned());
            for mention in self.mentions(text) {
                let entity = &mut found[mention.entity];
                entity.mentions += 1;
                match entity.texts.last_mut() {
                    Some((id, n)) if id == text.id() => *n += 1,
                    _ => entity.texts.push((text.id().to_owned(), 1)),
                }
            }
        }
        for comparison in comparisons {
            let wordings = comparison.wordings().filter(|(_, _, wording)| {
                !wording
                    .source_text
                    .as_ref()
                    .is_some_and(|id| counted.contains(id))
            });
            for (_, _, wording) in wordings {
                for mention in self.mentions_in(&wording.text) {
                    let entity = &mut found[mention.entity];
                    entity.mentions += 1;
                    match entity.comparisons.last_mut() {
                        Some((id, n)) if *id == comparison.id => *n += 1,
                        _ => entity.comparisons.push((comparison.id.clone(), 1)),
                    }
                }
            }
        }
        found
    }
}

/// Where an entity is mentioned: in all, and how often in each text and in each comparison's
/// wordings that mention it, in the order they were given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mentioned {
    /// Mentions in all.
    pub mentions: usize,
    /// Each text with its mentions.
    pub texts: Vec<(super::text::TextId, usize)>,
    /// Each comparison (its id) with its mentions.
    pub comparisons: Vec<(String, usize)>,
}

impl NameMatcher {
    /// Every name found in `content`, by character ranges, in order (`entity`: its owner).
    pub fn find(&self, content: &str) -> Vec<Mention> {
        // The words of the text, with their character ranges, and whether a name cannot
        // run on from the word before (a line ends between them, or a quotation mark …).
        let mut words: Vec<(String, Range<usize>)> = Vec::new();
        let mut broken: Vec<bool> = Vec::new();
        let mut line_ended = false;
        let mut at = 0;
        for token in split_tokens(content) {
            let length = token.chars().count();
            if token.chars().next().is_some_and(char::is_alphanumeric) {
                words.push((folded(token), at..at + length));
                broken.push(std::mem::take(&mut line_ended));
            } else if token.contains('\n')
                || token
                    .chars()
                    .any(|c| !(c.is_whitespace() || matches!(c, '.' | '-' | '‐' | '‑')))
            {
                // A name's words are apart by spaces, an initial's full stop or a hyphen;
                // a line's end, a quotation mark or a comma ends it (“dominant” nation is
                // not the words dominant nation).
                line_ended = true;
            }
            at += length;
        }
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
        for (number, (_, patterns)) in self.names.iter().enumerate() {
            let first = match &patterns[0] {
                WordPattern::Exact(word) | WordPattern::Stem(word) => word.chars().next(),
            };
            if let Some(first) = first {
                by_first.entry(first).or_default().push(number);
            }
        }
        let mut mentions = Vec::new();
        let mut index = 0;
        while index < words.len() {
            let first = words[index].0.chars().next().unwrap_or(' ');
            let found = by_first.get(&first).and_then(|candidates| {
                candidates.iter().find_map(|&number| {
                    let (entity, patterns) = &self.names[number];
                    let fits = patterns.len() <= words.len() - index
                        && patterns
                            .iter()
                            .zip(&words[index..])
                            .all(|(pattern, (word, _))| pattern.matches(word))
                        && !broken[index + 1..index + patterns.len()].contains(&true);
                    fits.then_some((*entity, patterns.len()))
                })
            });
            match found {
                Some((entity, length)) => {
                    let range = words[index].1.start..words[index + length - 1].1.end;
                    mentions.push(Mention {
                        entity,
                        range: CharRange(range),
                    });
                    index += length;
                }
                None => index += 1,
            }
        }
        mentions
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn mentions_are_counted_in_the_texts_and_in_the_comparisons_wordings() {
        let index = Index::bundled();
        let library = crate::bundled::bundled_library();
        let comparisons = crate::bundled::bundled_comparisons();
        let found = index.mentioned(library.texts(), &comparisons);
        let of = |id: &str| &found[index.find(id).unwrap().0];
        // Named only in Stalin's draft (ДВР) and its translation, in the two comparisons that
        // hold it: no text, twice in each.
        let far_east = of("far-eastern-republic");
        assert_eq!(far_east.mentions, 4, "{far_east:?}");
        assert!(far_east.texts.is_empty(), "{far_east:?}");
        assert_eq!(
            far_east.comparisons,
            [
                ("clause-1".to_owned(), 2),
                ("clause-1-amended".to_owned(), 2)
            ]
        );
        // The translations compared in `translation-variants` are passages quoted from texts
        // of the library: counted in those texts, not a second time in the comparison.
        let stalin = of("stalin");
        assert!(
            !stalin
                .comparisons
                .iter()
                .any(|(id, _)| id == "translation-variants"),
            "{stalin:?}"
        );
        let in_texts: usize = stalin.texts.iter().map(|(_, n)| n).sum();
        assert_eq!(stalin.mentions, in_texts, "{stalin:?}");
        // Without the texts they quote, those wordings are the only place they are read.
        let none: Vec<std::sync::Arc<Text>> = Vec::new();
        let alone = index.mentioned(&none, &comparisons);
        let stalin_alone = &alone[index.find("stalin").unwrap().0];
        assert!(
            stalin_alone
                .comparisons
                .iter()
                .any(|(id, _)| id == "translation-variants"),
            "{stalin_alone:?}"
        );
    }

    use super::*;

    fn names(index: &Index, content: &str) -> Vec<(String, String)> {
        index
            .mentions_in(content)
            .into_iter()
            .map(|m| {
                let words: String = content
                    .chars()
                    .skip(m.range.start)
                    .take(m.range.len())
                    .collect();
                (index.entities()[m.entity].id.clone(), words)
            })
            .collect()
    }

    #[test]
    fn every_spelling_and_russian_case_is_one_person() {
        let index = Index::bundled();
        assert!(index.entities().len() >= 20);
        let found = names(
            &index,
            "Orjonikidze, Orgonikidze and Ordzhonikidze; Орджоникидзе. Dzerzhinsky’s commission, \
             Dzershinsky, Дзержинского, Дзержинскому, ДЗЕРЖИНСКИЙ. Сталина and Stalin's. \
             Sergo Ordzhonikidze. Bukharin, not Bukhara: Бухарин, Бухары.",
        );
        let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "ordzhonikidze",
                "ordzhonikidze",
                "ordzhonikidze",
                "ordzhonikidze",
                "dzerzhinsky",
                "dzerzhinsky",
                "dzerzhinsky",
                "dzerzhinsky",
                "dzerzhinsky",
                "stalin",
                "stalin",
                "ordzhonikidze",
                "bukharin",
                "bukhara",
                "bukharin",
                "bukhara",
            ],
            "{found:?}"
        );
        // A longer name is one mention; the possessive is part of it.
        assert!(found.contains(&("ordzhonikidze".into(), "Sergo Ordzhonikidze".into())));
        assert!(found.contains(&("dzerzhinsky".into(), "Dzerzhinsky’s".into())));
        // Initials with their full stops, and no name across a paragraph.
        assert_eq!(
            names(
                &index,
                "J. V. Stalin and the Ukrainian S.S.R.; Sergo\n\nOrdzhonikidze"
            ),
            [
                ("stalin".to_owned(), "J. V. Stalin".to_owned()),
                ("ukraine".to_owned(), "Ukrainian S.S.R".to_owned()),
                ("ordzhonikidze".to_owned(), "Ordzhonikidze".to_owned()),
            ]
        );
        // Words that merely begin like a name are not it.
        assert!(names(&index, "Stalinist Georgian Leninism Сталинград").is_empty());
    }

    #[test]
    fn the_bundled_texts_name_ordzhonikidze_in_three_spellings() {
        let index = Index::bundled();
        let library = crate::bundled::bundled_library();
        let (ordzhonikidze, _) = index.find("ordzhonikidze").unwrap();
        let mut spellings = std::collections::BTreeSet::new();
        for text in library.texts() {
            for mention in index.mentions(text) {
                if mention.entity == ordzhonikidze {
                    spellings.insert(text.slice(mention.range.clone()).to_owned());
                }
            }
        }
        for spelling in ["Orjonikidze", "Orgonikidze"] {
            assert!(
                spellings.iter().any(|s| s.starts_with(spelling)),
                "{spellings:?}"
            );
        }
    }

    #[test]
    fn the_bundled_index_reads_and_every_entity_is_identified_with_its_source() {
        let json = include_str!("../../resources/index/people-and-places.json");
        let index = Index::from_json(json).unwrap();
        for entity in index.entities() {
            assert!(!entity.about_source.trim().is_empty(), "{}", entity.id);
            assert!(
                !entity.russian.is_empty(),
                "{} has its Russian form",
                entity.id
            );
            if let Some(id) = &entity.wikidata {
                assert!(id.starts_with('Q') && id[1..].chars().all(|c| c.is_ascii_digit()));
            }
        }
    }

    #[test]
    fn a_bad_index_is_refused_with_its_reason() {
        assert!(matches!(Index::from_json("[]"), Err(IndexError::Json(_))));
        let entity = |id: &str| Entity {
            id: id.into(),
            kind: EntityKind::Person,
            name: "X".into(),
            variants: vec!["X".into()],
            russian: Vec::new(),
            about: "Someone.".into(),
            about_source: "Nowhere".into(),
            wikidata: None,
            caption_only: false,
        };
        let error = Index::new(vec![entity("x"), entity("x")]).unwrap_err();
        assert!(error.to_string().contains("repeated id “x”"), "{error}");
    }
}
