//! Terms across translations: the few words the texts turn on, each a concept with its
//! renderings in each language and translation.
//!
//! вступление is “entry”, объединение “unification”; великодержавный is “dominant nation” in
//! the Collected Works and “great-power” word for word; автономизация is “autonomization” or
//! “autonomisation”. A rendering is found as the people of the [`super::people_places`] are, word by
//! word, case and ё aside, a final `*` making a word a stem that takes Russian case endings. The
//! bundled glossary is `resources/glossary/terms.json`, checked by this module's tests.

use crate::model::text::CharRange;
use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::people_places::NameMatcher;

/// One rendering of a concept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rendering {
    /// Its language (`ru`, `en`).
    pub language: String,
    /// The words, a final `*` on a word making it a stem.
    pub text: String,
    /// Which translations or witnesses use it.
    #[serde(rename = "in")]
    pub used_in: String,
}

/// A concept and its renderings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// Stable id (`entry`).
    pub id: String,
    /// The concept, as the glossary lists it.
    pub concept: String,
    /// What it is and why it matters.
    pub about: String,
    /// Where that comes from.
    pub source: String,
    /// Its renderings, the original's first.
    pub renderings: Vec<Rendering>,
}

/// A rendering found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The term's index in [`Glossary::terms`].
    pub term: usize,
    /// The rendering's index in the term's renderings.
    pub rendering: usize,
    /// The characters.
    pub range: CharRange,
}

/// The glossary, and how to find its renderings.
#[derive(Clone, Debug, Default)]
pub struct Glossary {
    terms: Vec<Term>,
    /// (term, rendering) of each matcher owner.
    owners: Vec<(usize, usize)>,
    matcher: NameMatcher,
}

#[derive(Deserialize)]
struct GlossaryFile {
    format: String,
    version: u32,
    terms: Vec<Term>,
}

impl Glossary {
    /// The glossary of `terms`; an error says which term is wrong.
    pub fn new(terms: Vec<Term>) -> Result<Self, String> {
        let mut ids = HashSet::new();
        let mut owners = Vec::new();
        let mut names = Vec::new();
        for (number, term) in terms.iter().enumerate() {
            if term.id.is_empty() || !ids.insert(term.id.as_str()) {
                return Err(format!("term {} has an empty or repeated id", number + 1));
            }
            if term.renderings.len() < 2 || term.about.trim().is_empty() {
                return Err(format!(
                    "“{}” needs two renderings at least and a description",
                    term.id
                ));
            }
            for (index, rendering) in term.renderings.iter().enumerate() {
                names.push((owners.len(), rendering.text.as_str()));
                owners.push((number, index));
            }
        }
        let matcher = NameMatcher::new(names)?;
        Ok(Self {
            terms,
            owners,
            matcher,
        })
    }

    /// The glossary in a glossary file's JSON.
    pub fn from_json(json: &str) -> Result<Self, String> {
        let file: GlossaryFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if file.format != "lectern-glossary" || file.version != 1 {
            return Err(format!(
                "format “{}” version {} is not lectern-glossary version 1",
                file.format, file.version
            ));
        }
        Self::new(file.terms)
    }

    /// The bundled glossary.
    pub fn bundled() -> Self {
        Self::from_json(include_str!("../../resources/glossary/terms.json"))
            .expect("the bundled glossary is valid (this module's tests read it)")
    }

    /// The terms, in the glossary's order.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The term with this id.
    pub fn find(&self, id: &str) -> Option<(usize, &Term)> {
        self.terms.iter().enumerate().find(|(_, t)| t.id == id)
    }

    /// Every rendering of every term in `content`, in order.
    pub fn found_in(&self, content: &str) -> Vec<Found> {
        self.matcher
            .find(content)
            .into_iter()
            .map(|m| {
                let (term, rendering) = self.owners[m.entity];
                Found {
                    term,
                    rendering,
                    range: m.range,
                }
            })
            .collect()
    }

    /// The characters of every rendering of term `term` in `content`.
    pub fn ranges_of(&self, term: usize, content: &str) -> Vec<CharRange> {
        self.found_in(content)
            .into_iter()
            .filter(|f| f.term == term)
            .map(|f| f.range)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::{bundled_comparisons, bundled_library};

    fn found(glossary: &Glossary, term: &str, content: &str) -> Vec<String> {
        let (number, _) = glossary.find(term).expect("the term is there");
        glossary
            .ranges_of(number, content)
            .into_iter()
            .map(|r| content.chars().skip(r.start).take(r.len()).collect())
            .collect()
    }

    #[test]
    fn entry_is_marked_in_the_russian_and_english_witnesses_of_clause_1() {
        let glossary = Glossary::bundled();
        let clause = bundled_comparisons()
            .into_iter()
            .find(|c| c.id == "clause-1")
            .unwrap();
        let witness = |label: &str| {
            clause
                .witnesses
                .iter()
                .find(|w| w.label == label)
                .unwrap_or_else(|| panic!("{label}"))
                .text()
        };
        let stalin_ru = witness("Stalin’s draft (Russian)");
        let stalin_en = witness("Stalin’s draft (English, Lectern translation)");
        let lenin_ru = witness("Lenin’s amendment (Russian)");
        let lenin_en = witness("Lenin’s amendment (English)");
        let revised_ru = witness("Revised draft, early Oct 1922 (Russian)");
        assert_eq!(found(&glossary, "entry", &stalin_ru), ["вступлении"]);
        assert_eq!(found(&glossary, "entry", &stalin_en), ["entry"]);
        assert_eq!(found(&glossary, "unification", &lenin_ru), ["объединение"]);
        assert_eq!(found(&glossary, "unification", &lenin_en), ["unification"]);
        assert_eq!(
            found(&glossary, "unification", &revised_ru),
            ["объединении"]
        );
        assert_eq!(
            found(&glossary, "union-name", &lenin_ru),
            ["союз советских республик"]
        );
        assert_eq!(
            found(&glossary, "union-name", &revised_ru),
            ["Союз Социалистических Советских Республик"]
        );
        assert_eq!(
            found(&glossary, "union-name", &lenin_en),
            ["Union of Soviet Republics"]
        );
        // Nothing of one concept is taken for another.
        assert!(found(&glossary, "entry", &lenin_en).is_empty());
        assert!(found(&glossary, "unification", &stalin_en).is_empty());
    }

    #[test]
    fn each_translation_of_the_texts_is_found_under_its_own_rendering() {
        let glossary = Glossary::bundled();
        let library = bundled_library();
        let text = |id: &str| library.get(id).unwrap().content().to_owned();
        let memo = text("lenin-1922-10-06-memo");
        // Words parted by a quotation mark or a comma are not one rendering (the notes'
        // “dominant” nation is not the memo's term).
        assert!(
            found(
                &glossary,
                "great-power",
                "the “dominant” nation, dominant, nation"
            )
            .is_empty()
        );
        // The Collected Works' rendering, in the memo's body.
        assert_eq!(found(&glossary, "great-power", &memo), ["dominant nation"]);
        assert_eq!(
            found(
                &glossary,
                "great-power",
                "Great-Power chauvinism, great power"
            ),
            ["Great-Power", "great power"]
        );
        let notes = text("lenin-1922-12-30-autonomization");
        assert!(
            found(&glossary, "great-russian", &notes)
                .iter()
                .all(|w| w == "Great-Russian")
        );
        assert!(!found(&glossary, "great-russian", &notes).is_empty());
        assert!(
            found(&glossary, "great-power", &notes).is_empty(),
            "великорусский is not великодержавный"
        );
        assert!(!found(&glossary, "autonomization", &notes).is_empty());
        assert_eq!(
            found(
                &glossary,
                "autonomization",
                "Автономизация и автономизации; autonomisation"
            ),
            ["Автономизация", "автономизации", "autonomisation"]
        );
        assert_eq!(
            found(&glossary, "great-russian", "the Great Russian chauvinist"),
            ["Great Russian"]
        );
        // The noun of Lenin's «великоросса-шовиниста», beside the adjective.
        assert_eq!(
            found(
                &glossary,
                "great-russian",
                "великоросса-шовиниста; великорусский"
            ),
            ["великоросса", "великорусский"]
        );
    }

    #[test]
    fn every_bundled_term_has_renderings_in_two_languages_and_a_source() {
        let glossary = Glossary::bundled();
        assert!(glossary.terms().len() >= 6);
        for term in glossary.terms() {
            let languages: HashSet<&str> = term
                .renderings
                .iter()
                .map(|r| r.language.as_str())
                .collect();
            assert!(
                languages.contains("ru") && languages.contains("en"),
                "{}",
                term.id
            );
            assert!(!term.source.trim().is_empty(), "{}", term.id);
            assert!(
                term.renderings.iter().all(|r| !r.used_in.trim().is_empty()),
                "{}",
                term.id
            );
        }
    }

    #[test]
    fn a_bad_glossary_is_refused_with_the_reason() {
        assert!(Glossary::from_json("{}").is_err());
        let one = r#"{"format":"lectern-glossary","version":1,"terms":[{"id":"x","concept":"X","about":"a","source":"s","renderings":[{"language":"en","text":"x","in":"i"}]}]}"#;
        assert!(
            Glossary::from_json(one)
                .unwrap_err()
                .contains("two renderings")
        );
        let empty = r#"{"format":"lectern-glossary","version":1,"terms":[{"id":"x","concept":"X","about":"a","source":"s","renderings":[{"language":"en","text":"x","in":"i"},{"language":"ru","text":" * ","in":"i"}]}]}"#;
        assert!(Glossary::from_json(empty).unwrap_err().contains("no word"));
    }
}
