//! A comparison's witnesses grouped by language, for collation: witnesses are collated only
//! with witnesses in their own language (a translation is no variant of its original), and
//! the reader is told which languages stand apart.

use super::WitnessText;
use crate::model::comparison::Comparison;

/// The witnesses of one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageGroup {
    /// The language tag (`ru`, `en` …), as the witnesses give it; empty when unknown.
    pub language: String,
    /// Its witnesses (their labels as sigla, their segments joined), in the comparison's order.
    pub witnesses: Vec<WitnessText>,
    /// What is known of each (author, date, source), for a TEI header.
    pub descriptions: Vec<String>,
}

/// The name of a language in English, for the few Lectern's corpora use; else its tag.
pub fn language_name(tag: &str) -> String {
    match tag {
        "ru" => crate::tr!("model-language-ru"),
        "en" => crate::tr!("model-language-en"),
        "ka" => crate::tr!("model-language-ka"),
        "uk" => crate::tr!("model-language-uk"),
        "de" => crate::tr!("model-language-de"),
        "fr" => crate::tr!("model-language-fr"),
        "" => crate::tr!("model-language-unknown"),
        other => other.to_owned(),
    }
}

/// The witnesses of `comparison` by language, in order of each language's first witness;
/// witnesses with no text are left out.
pub fn by_language(comparison: &Comparison) -> Vec<LanguageGroup> {
    let mut groups: Vec<LanguageGroup> = Vec::new();
    for witness in &comparison.witnesses {
        let text = witness.text();
        if text.trim().is_empty() {
            continue;
        }
        let description = [&witness.author, &witness.date, &witness.source]
            .iter()
            .filter(|part| !part.is_empty())
            .map(|part| part.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let group = match groups.iter().position(|g| g.language == witness.language) {
            Some(index) => &mut groups[index],
            None => {
                groups.push(LanguageGroup {
                    language: witness.language.clone(),
                    witnesses: Vec::new(),
                    descriptions: Vec::new(),
                });
                let last = groups.len() - 1;
                &mut groups[last]
            }
        };
        group.witnesses.push(WitnessText {
            id: witness.label.clone(),
            text,
        });
        group.descriptions.push(description);
    }
    groups
}

/// What the reader is told when `groups` hold more than one language: “Russian and English
/// are not collated against each other.”; none for one language.
pub fn apart_note(groups: &[LanguageGroup]) -> Option<String> {
    let names: Vec<String> = groups.iter().map(|g| language_name(&g.language)).collect();
    match names.as_slice() {
        [] | [_] => None,
        [first @ .., last] => Some(crate::tr!(
            "model-collation-apart",
            first = first.join(", "),
            last = last.as_str()
        )),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

    use super::{apart_note, by_language};
    use crate::model::collation::collate;
    use crate::model::diff::Normalization;

    #[test]
    fn clause_1_is_collated_within_each_language() {
        let comparisons = crate::bundled::bundled_comparisons();
        let clause = comparisons
            .iter()
            .find(|c| c.id == crate::bundled::CLAUSE_1)
            .unwrap();
        let groups = by_language(clause);
        let languages: Vec<&str> = groups.iter().map(|g| g.language.as_str()).collect();
        assert_eq!(languages, ["ru", "en"]);
        assert!(groups.iter().all(|g| g.witnesses.len() == 3));
        assert_eq!(
            apart_note(&groups).unwrap(),
            "Russian and English are not collated against each other."
        );
        assert_eq!(apart_note(&groups[..1]), None);
        let russian = collate(&groups[0].witnesses, &Normalization::wording());
        assert!(russian.places().iter().any(|p| p.is_variant()));
        assert!(
            russian
                .witnesses()
                .iter()
                .all(|w| w.text.chars().any(|c| ('а'..='я').contains(&c)))
        );
    }
}
