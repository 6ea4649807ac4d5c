//! The reader's own study data: people and places, spellings added to any person or place,
//! and terms, kept in the notebook beside the annotations (so they are saved, backed up and
//! undone like them) and merged with the bundled index and glossary.

use serde::{Deserialize, Serialize};

use super::glossary::{Glossary, Term};
use super::people_places::{Entity, Index};

/// A spelling the reader added to a person or place (bundled or their own).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedSpelling {
    /// The person's or place's id.
    pub entity: String,
    /// The spelling (a final `*` on a word makes it a Russian stem).
    pub spelling: String,
}

/// The reader's own people, places, spellings and terms.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnEntries {
    /// People and places of the reader's own (ids start with `own-`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Entity>,
    /// Spellings added to people and places.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<AddedSpelling>,
    /// Terms of the reader's own (ids start with `own-`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<Term>,
}

impl OwnEntries {
    /// Whether the reader added nothing.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty() && self.spellings.is_empty() && self.terms.is_empty()
    }

    /// `bundled` with the reader's people and places and spellings; an entry that would make
    /// the index invalid (a clash of ids, a name with no word) is left out and said.
    pub fn index(&self, bundled: &Index) -> (Index, Vec<String>) {
        let mut problems = Vec::new();
        let mut entities = bundled.entities().to_vec();
        for own in &self.people {
            let mut with = entities.clone();
            with.push(own.clone());
            match Index::new(with) {
                Ok(_) => entities.push(own.clone()),
                Err(e) => problems.push(format!("{} was left out: {e}", own.name)),
            }
        }
        for added in &self.spellings {
            let Some(number) = entities.iter().position(|e| e.id == added.entity) else {
                problems.push(format!(
                    "the spelling “{}” is of a person or place no longer there",
                    added.spelling
                ));
                continue;
            };
            if entities[number].variants.contains(&added.spelling) {
                continue;
            }
            // Each spelling on its own: one that has no word is left out, not the others.
            let mut with = entities.clone();
            with[number].variants.push(added.spelling.clone());
            match Index::new(with) {
                Ok(_) => entities[number].variants.push(added.spelling.clone()),
                Err(e) => problems.push(format!(
                    "the spelling “{}” was left out: {e}",
                    added.spelling
                )),
            }
        }
        match Index::new(entities) {
            Ok(index) => (index, problems),
            Err(e) => {
                problems.push(format!("the people and places added were left out: {e}"));
                (bundled.clone(), problems)
            }
        }
    }

    /// `bundled` with the reader's terms; one that would make the glossary invalid is left
    /// out and said.
    pub fn glossary(&self, bundled: &Glossary) -> (Glossary, Vec<String>) {
        let mut problems = Vec::new();
        let mut terms = bundled.terms().to_vec();
        for own in &self.terms {
            let mut with = terms.clone();
            with.push(own.clone());
            match Glossary::new(with) {
                Ok(_) => terms.push(own.clone()),
                Err(e) => problems.push(format!("{} was left out: {e}", own.concept)),
            }
        }
        match Glossary::new(terms) {
            Ok(glossary) => (glossary, problems),
            Err(e) => {
                problems.push(e);
                (bundled.clone(), problems)
            }
        }
    }
}

/// An id for the reader's own entry named `name`, unlike any of `taken`: `own-` and the
/// name's letters and digits.
pub fn own_id(name: &str, taken: &[&str]) -> String {
    let slug: String = name
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = format!("own-{}", if slug.is_empty() { "entry" } else { &slug });
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::glossary::Rendering;
    use crate::model::people_places::EntityKind;

    fn person(id: &str, name: &str, variants: &[&str]) -> Entity {
        Entity {
            id: id.into(),
            kind: EntityKind::Person,
            name: name.into(),
            variants: variants.iter().map(|v| (*v).to_owned()).collect(),
            russian: Vec::new(),
            about: "Added by the reader.".into(),
            about_source: "The reader".into(),
            wikidata: None,
            caption_only: false,
        }
    }

    fn names(index: &Index, content: &str) -> Vec<String> {
        index
            .mentions_in(content)
            .into_iter()
            .map(|m| index.entities()[m.entity].id.clone())
            .collect()
    }

    #[test]
    fn the_readers_people_and_spellings_are_found_beside_the_bundled_ones() {
        let study = OwnEntries {
            people: vec![person("own-frunze", "M. V. Frunze", &["Frunze"])],
            spellings: vec![AddedSpelling {
                entity: "ordzhonikidze".into(),
                spelling: "Ordjonikidze".into(),
            }],
            terms: Vec::new(),
        };
        let (index, problems) = study.index(&Index::bundled());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            names(&index, "Frunze met Ordjonikidze and Orjonikidze."),
            ["own-frunze", "ordzhonikidze", "ordzhonikidze"]
        );
        // The bundled index is left as it was.
        assert!(names(&Index::bundled(), "Frunze met Ordjonikidze").is_empty());
    }

    #[test]
    fn an_entry_that_would_break_the_index_is_left_out_and_said() {
        let study = OwnEntries {
            people: vec![
                person("stalin", "Another Stalin", &["Koba"]),
                person("own-empty", "Nobody", &["  "]),
                person("own-koba", "Koba", &["Koba"]),
            ],
            spellings: vec![
                AddedSpelling {
                    entity: "own-gone".into(),
                    spelling: "Gone".into(),
                },
                AddedSpelling {
                    entity: "stalin".into(),
                    spelling: "«—»".into(),
                },
                AddedSpelling {
                    entity: "own-koba".into(),
                    spelling: "Coba".into(),
                },
            ],
            terms: Vec::new(),
        };
        let (index, problems) = study.index(&Index::bundled());
        assert_eq!(problems.len(), 4, "{problems:?}");
        // A spelling with no word is left out; the person and the other spelling are kept.
        assert_eq!(names(&index, "Koba, or Coba"), ["own-koba", "own-koba"]);
    }

    #[test]
    fn the_readers_terms_join_the_glossary() {
        let term = Term {
            id: "own-federation".into(),
            concept: "Federation (федерация)".into(),
            about: "Added by the reader.".into(),
            source: "The reader".into(),
            renderings: vec![
                Rendering {
                    language: "ru".into(),
                    text: "федераци*".into(),
                    used_in: "Russian".into(),
                },
                Rendering {
                    language: "en".into(),
                    text: "federation".into(),
                    used_in: "Collected Works".into(),
                },
            ],
        };
        let study = OwnEntries {
            terms: vec![term],
            ..OwnEntries::default()
        };
        let (glossary, problems) = study.glossary(&Glossary::bundled());
        assert!(problems.is_empty());
        let (number, _) = glossary.find("own-federation").unwrap();
        assert_eq!(
            glossary
                .ranges_of(number, "a new federation; Федерацией")
                .len(),
            2
        );
    }

    #[test]
    fn own_ids_are_made_from_the_name_and_never_clash() {
        assert_eq!(own_id("G. Y. Sokolnikov", &[]), "own-g-y-sokolnikov");
        assert_eq!(own_id("Сокольников", &[]), "own-сокольников");
        assert_eq!(own_id("Koba", &["own-koba"]), "own-koba-2");
        assert_eq!(own_id("…", &[]), "own-entry");
    }
}
