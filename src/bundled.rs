//! The texts that ship with Lectern, compiled in from `resources/texts/` by `build.rs`.

use crate::formats::text_format::parse_text_file;
use crate::model::comparison::Comparison;
use crate::model::library::Library;
use crate::model::text::Text;

include!(concat!(env!("OUT_DIR"), "/bundled_texts.rs"));

/// Parses the bundled texts. `build.rs` has already validated them with the same parser, so a
/// failure here means a broken build; it is logged and the text skipped rather than crashing.
pub fn bundled_texts() -> Vec<Text> {
    BUNDLED_TEXT_FILES
        .iter()
        .filter_map(|(name, contents)| match parse_text_file(name, contents) {
            Ok(parsed) => Some(Text::from_parsed(parsed)),
            Err(e) => {
                log::error!("bundled text skipped: {e}");
                None
            }
        })
        .collect()
}

/// A library of the bundled texts.
pub fn bundled_library() -> Library {
    Library::new(bundled_texts())
}

/// The bundled comparisons (`resources/comparisons/`), in the order the library lists them.
const BUNDLED_COMPARISON_FILES: [(&str, &str); 4] = [
    (
        "clause-1.json",
        include_str!("../resources/comparisons/clause-1.json"),
    ),
    (
        "clause-1-amended.json",
        include_str!("../resources/comparisons/clause-1-amended.json"),
    ),
    (
        "clauses-2-5.json",
        include_str!("../resources/comparisons/clauses-2-5.json"),
    ),
    (
        "translation-variants.json",
        include_str!("../resources/comparisons/translation-variants.json"),
    ),
];

/// The id of the showcase comparison: Stalin's Clause 1 against Lenin's amendment.
pub const CLAUSE_1: &str = "clause-1";

/// Parses the bundled comparisons; a broken one is logged and skipped (a test checks them all).
pub fn bundled_comparisons() -> Vec<Comparison> {
    BUNDLED_COMPARISON_FILES
        .iter()
        .filter_map(|(name, json)| match Comparison::from_json(json) {
            Ok(comparison) => Some(comparison),
            Err(e) => {
                log::error!("bundled comparison {name} skipped: {e}");
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::comparison::{Reference, compute_all};
    use crate::model::diff::{Mark, Normalization, slice_chars};

    #[test]
    fn the_start_screen_offers_the_clause_1_comparison_from_its_own_file() {
        let offered: Vec<(String, String)> = bundled_comparisons()
            .into_iter()
            .filter_map(|c| Some((c.id, c.start_screen?.button)))
            .collect();
        assert_eq!(offered.len(), 1, "{offered:?}");
        assert_eq!(offered[0].0, CLAUSE_1);
        assert!(offered[0].1.contains("“entry”"), "{offered:?}");
    }

    #[test]
    fn every_bundled_comparison_parses_and_its_passages_stand_in_their_texts() {
        let library = bundled_library();
        let comparisons = bundled_comparisons();
        assert_eq!(comparisons.len(), BUNDLED_COMPARISON_FILES.len());
        let mut linked = 0;
        for comparison in &comparisons {
            for witness in &comparison.witnesses {
                assert!(!witness.source.is_empty(), "{} has a source", witness.label);
                // Every document has its date; a reconstruction is no document of any day.
                assert!(
                    witness.document_date().is_some()
                        || matches!(
                            witness.status,
                            crate::model::comparison::WitnessStatus::Reconstruction
                                | crate::model::comparison::WitnessStatus::Summary
                        ),
                    "{} has a date",
                    witness.label
                );
                for segment in witness.segments.iter().flatten() {
                    if let Some(text_id) = &segment.source_text {
                        let text = library.get(text_id).expect("a bundled text");
                        assert!(
                            text.content().contains(&segment.text),
                            "“{}” stands in {text_id}",
                            segment.text
                        );
                        linked += 1;
                    }
                }
            }
        }
        assert!(linked >= 10, "{linked} linked passages");
    }

    #[test]
    fn clause_1_marks_entry_against_unification_and_leaves_shared_words_equal() {
        let comparisons = bundled_comparisons();
        let clause = comparisons.iter().find(|c| c.id == CLAUSE_1).unwrap();
        let result = compute_all(clause, &Normalization::wording(), Reference::Previous);
        let label = |w: usize| clause.witnesses[w].label.as_str();
        let witness = |needle: &str| {
            (0..clause.witnesses.len())
                .find(|&w| label(w).contains(needle))
                .unwrap_or_else(|| panic!("a witness “{needle}”"))
        };
        let (stalin_ru, stalin_en) = (
            witness("Stalin’s draft (Russian)"),
            witness("Stalin’s draft (English"),
        );
        let (lenin_ru, lenin_en) = (
            witness("amendment (Russian)"),
            witness("amendment (English"),
        );
        let segment = 1;
        let words = |w: usize, marks: &[crate::model::diff::Marked]| -> Vec<String> {
            let text = &clause.witnesses[w].segments[segment].as_ref().unwrap().text;
            marks
                .iter()
                .filter(|m| m.mark == Mark::Changed)
                .map(|m| slice_chars(text, m.range.clone()).to_owned())
                .collect()
        };
        let row = &result.cells[segment];
        assert_eq!(row[lenin_ru].reference, Some(stalin_ru));
        assert_eq!(row[lenin_en].reference, Some(stalin_en));
        let changed_ru = words(lenin_ru, &row[lenin_ru].marks);
        assert!(
            changed_ru.iter().any(|w| w.contains("объединение")),
            "{changed_ru:?}"
        );
        let changed_en = words(lenin_en, &row[lenin_en].marks);
        assert!(
            changed_en.iter().any(|w| w.contains("unification")),
            "{changed_en:?}"
        );
        let removed_ru = words(stalin_ru, &row[stalin_ru].onward);
        assert!(
            removed_ru.iter().any(|w| w.contains("вступлении")),
            "{removed_ru:?}"
        );
        let removed_en = words(stalin_en, &row[stalin_en].onward);
        assert!(
            removed_en.iter().any(|w| w.contains("entry")),
            "{removed_en:?}"
        );
        // Shared words are not marked: РСФСР in Russian, "formal" in English.
        for (w, marks, shared) in [
            (lenin_ru, &row[lenin_ru].marks, "РСФСР"),
            (lenin_en, &row[lenin_en].marks, "ormal"),
        ] {
            let text = &clause.witnesses[w].segments[segment].as_ref().unwrap().text;
            let at = text.find(shared).unwrap();
            let at = text[..at].chars().count();
            assert!(
                marks.iter().all(|m| !m.range.contains(&at)),
                "“{shared}” is equal in {}: {marks:?}",
                label(w)
            );
        }
        // The treaty opening, which Lenin did not touch, has no Lenin wording to compare.
        assert!(row[lenin_en].counts.changed >= 1);
        assert!(result.cells[0][lenin_en].reference.is_none());
    }
}
