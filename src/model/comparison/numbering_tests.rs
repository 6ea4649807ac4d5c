use super::*;
use crate::bundled::bundled_comparisons;

fn clause_1() -> Comparison {
    bundled_comparisons()
        .into_iter()
        .find(|c| c.id == "clause-1")
        .expect("the Clause 1 comparison is bundled")
}

#[test]
fn a_clause_number_is_not_a_difference() {
    assert_eq!(numbering_len("1. Признать"), 3);
    assert_eq!(numbering_len("IV) To"), 4);
    assert_eq!(numbering_len("1.5 per cent"), 0);
    assert_eq!(numbering_len("It is"), 0);
    assert_eq!(numbering_len("I. e."), 3);
    // A no-break space after the number (a page's &nbsp;) is a space: no panic, counted.
    assert_eq!(numbering_len("1.\u{a0}Признать"), 3);
    assert_eq!(numbering_len("1)\u{a0}\u{2003}x"), 4);
    let ops = diff_past_numbering("1.\u{a0}Признать", "Признать", &Normalization::wording());
    assert!(ops.iter().all(|op| op.kind == OpKind::Equal), "{ops:?}");
    // Initials and years are not numbers of clauses.
    assert_eq!(numbering_len("V. I. Lenin"), 0);
    assert_eq!(numbering_len("I. V. Stalin"), 0);
    assert_eq!(numbering_len("1923. Moscow"), 0);
    assert_eq!(numbering_len("IV. To"), 4);
    let wording = Normalization::wording();
    let ops = diff_past_numbering(
        "1. Признать целесообразным",
        "Признать целесообразным",
        &wording,
    );
    assert!(ops.iter().all(|op| op.kind == OpKind::Equal), "{ops:?}");
    // In Clause 1, Stalin's draft opens "1." and the revised draft does not: the first
    // difference between them is a word, not the number.
    let comparison = clause_1();
    let result = compute(&comparison, &wording, Reference::Previous, &mut |_, _| true)
        .expect("not cancelled");
    let revised = &comparison.witnesses[2].segments[0].as_ref().unwrap().text;
    let first = result
        .differences
        .iter()
        .find(|d| d.witness == 2)
        .expect("the revised draft differs");
    let stalin = &comparison.witnesses[0].segments[0].as_ref().unwrap().text;
    assert_ne!(
        slice_chars(stalin, first.reference_range.clone()).trim(),
        "1."
    );
    assert!(!revised.starts_with("1."));
}

#[test]
fn a_witness_made_from_a_translated_text_is_a_translation_and_names_its_translator() {
    let library = crate::bundled::bundled_library();
    let kamenev = library.get("lenin-1922-09-26-kamenev").unwrap();
    assert_eq!(kamenev.meta().translator.as_deref(), Some("Bernard Isaacs"));
    let inputs = vec![
        WordingInput::from_text(kamenev, (0..200).into()),
        WordingInput::pasted(
            "Mine",
            "Comrade Kamenev, Stalin has sent you the resolution.",
        ),
    ];
    let comparison =
        Comparison::from_wordings("c", "t", inputs, &Normalization::wording()).unwrap();
    let witness = &comparison.witnesses[0];
    assert_eq!(witness.status, WitnessStatus::Translation);
    assert_eq!(witness.status.label(), "translation");
    assert!(
        witness.remark.contains("Bernard Isaacs"),
        "{}",
        witness.remark
    );
    assert_eq!(comparison.witnesses[1].status, WitnessStatus::Original);
}

#[test]
fn witnesses_are_never_marked_against_another_language() {
    let comparison = clause_1();
    let russian = 0;
    for (witness, w) in comparison.witnesses.iter().enumerate() {
        let marked = comparison.reference(witness, 0, Reference::Base(russian));
        if w.language == "ru" && witness != russian && w.segments[0].is_some() {
            assert_eq!(marked, Some(russian), "{}", w.label);
        } else {
            assert_eq!(marked, None, "{} is not marked against Russian", w.label);
        }
    }
    let result = compute(
        &comparison,
        &Normalization::wording(),
        Reference::Base(russian),
        &mut |_, _| true,
    )
    .expect("not cancelled");
    assert!(result.differences.iter().all(|d| {
        comparison.witnesses[d.witness].language == comparison.witnesses[d.reference].language
    }));
}

/// A difference as the swapped comparison (witnesses in reverse order, `count` of them)
/// has it: `mirror` when the pair is compared the other way round (each witness marked
/// against the one before it), else the same pair in the same orientation (one base).
fn swapped_difference(d: &Difference, count: usize, mirror: bool) -> Difference {
    let (witness, reference) = (count - 1 - d.witness, count - 1 - d.reference);
    if mirror {
        Difference {
            segment: d.segment,
            witness: reference,
            reference: witness,
            range: d.reference_range.clone(),
            reference_range: d.range.clone(),
        }
    } else {
        Difference {
            segment: d.segment,
            witness,
            reference,
            range: d.range.clone(),
            reference_range: d.reference_range.clone(),
        }
    }
}

fn sorted(mut differences: Vec<Difference>) -> Vec<Difference> {
    differences.sort_by_key(|d| {
        (
            d.segment,
            d.witness,
            d.reference,
            d.range.start,
            d.range.end,
            d.reference_range.start,
            d.reference_range.end,
        )
    });
    differences
}

/// Checks that `swapped` (the witnesses of `comparison` in reverse order) computed with
/// `swapped_reference` has the same differences as `comparison` with `reference`, seen
/// from the other side when `mirror`, and in each segment the same summaries, with
/// removed and added words traded when `mirror`.
fn assert_swap_keeps_counts(
    comparison: &Comparison,
    (reference, swapped_reference): (Reference, Reference),
    mirror: bool,
    normalization: &Normalization,
) {
    let count = comparison.witnesses.len();
    let swapped = comparison.swapped();
    let before = compute_all(comparison, normalization, reference);
    let after = compute_all(&swapped, normalization, swapped_reference);
    assert_eq!(
        before.differences.len(),
        after.differences.len(),
        "{} differences, {} after the swap ({normalization:?})",
        before.differences.len(),
        after.differences.len(),
    );
    let expected: Vec<Difference> = before
        .differences
        .iter()
        .map(|d| swapped_difference(d, count, mirror))
        .collect();
    assert_eq!(sorted(expected), sorted(after.differences.clone()));
    for (segment, row) in before.cells.iter().enumerate() {
        let mut summaries = Vec::new();
        for (witness, cell) in row.iter().enumerate() {
            let Some(reference) = cell.reference else {
                continue;
            };
            let (witness, reference) = (count - 1 - witness, count - 1 - reference);
            let twin = &after.cells[segment];
            if mirror {
                assert_eq!(twin[reference].reference, Some(witness));
                assert_eq!(twin[reference].ops, diff::mirrored(&cell.ops));
                assert_eq!(twin[reference].counts, cell.counts.mirrored());
                assert_eq!(twin[reference].counts.changed, cell.counts.changed);
                summaries.push(cell.counts.mirrored().summary());
            } else {
                assert_eq!(twin[witness].reference, Some(reference));
                assert_eq!(twin[witness].ops, cell.ops);
                assert_eq!(twin[witness].counts, cell.counts);
                summaries.push(cell.counts.summary());
            }
        }
        let mut swapped_summaries: Vec<String> = after.cells[segment]
            .iter()
            .filter(|cell| cell.reference.is_some())
            .map(|cell| cell.counts.summary())
            .collect();
        summaries.sort();
        swapped_summaries.sort();
        assert_eq!(
            summaries, swapped_summaries,
            "{}",
            comparison.segments[segment]
        );
    }
}

/// The window's "Swap witnesses" reverses the witnesses and computes again: the number
/// of differences and every segment's summaries stay, removed and added traded where a
/// pair is now compared the other way round.
#[test]
fn swapping_the_witnesses_of_clause_1_keeps_every_count() {
    let comparison = clause_1();
    let last = comparison.witnesses.len() - 1;
    for (_, normalization) in diff::PROFILES {
        let before = compute_all(&comparison, &normalization, Reference::Previous);
        assert!(!before.differences.is_empty());
        assert!(before.cells.iter().flatten().any(|c| c.counts.deleted > 0));
        assert_swap_keeps_counts(
            &comparison,
            (Reference::Previous, Reference::Previous),
            true,
            &normalization,
        );
        // A base the reader chose stays the base (the window renumbers it).
        for base in [0, 3] {
            assert_swap_keeps_counts(
                &comparison,
                (Reference::Base(base), Reference::Base(last - base)),
                false,
                &normalization,
            );
        }
    }
}

/// Any two witnesses of Clause 1 in one language, in either order: the same differences
/// seen from the other side, removed and added traded in each segment's summary.
#[test]
fn each_pair_of_clause_1_in_either_order_has_the_same_differences() {
    let comparison = clause_1();
    let witnesses = &comparison.witnesses;
    for first in 0..witnesses.len() {
        for second in first + 1..witnesses.len() {
            if witnesses[first].language != witnesses[second].language {
                continue;
            }
            let pair = Comparison {
                witnesses: vec![witnesses[first].clone(), witnesses[second].clone()],
                ..comparison.clone()
            };
            for (_, normalization) in diff::PROFILES {
                assert_swap_keeps_counts(
                    &pair,
                    (Reference::Previous, Reference::Previous),
                    true,
                    &normalization,
                );
            }
        }
    }
}
