use super::*;

#[test]
fn a_pair_compared_with_one_diff_has_cells_that_rebuild_both_wordings() {
    use crate::model::diff::slice_chars;
    use crate::model::generate::{SplitMix64, edited, paragraphs};
    let mut rng = SplitMix64::new(9);
    for round in 0..40 {
        let a = paragraphs(round, rng.range(200, 20_000)).join("\n\n");
        // Words edited, and now and then a paragraph joined to the next or split.
        let mut b = edited(&a, round + 100, rng.range(0, 60));
        if round % 3 == 0 {
            b = b.replacen("\n\n", " ", 2);
        }
        if round % 4 == 0 {
            b = b.replacen(". ", ".\n\n", 3);
        }
        for normalization in [Normalization::default(), Normalization::wording()] {
            let inputs = vec![WordingInput::pasted("A", &a), WordingInput::pasted("B", &b)];
            let alone =
                Comparison::from_wordings("p", "p", inputs.clone(), &normalization).unwrap();
            let [first, second] = <[WordingInput; 2]>::try_from(inputs).unwrap();
            let (comparison, result) =
                Comparison::compared_pair("p", "p", first, second, &normalization).unwrap();
            assert_eq!(comparison, alone, "the same segments as from_wordings");
            assert_eq!(result.cells.len(), comparison.segments.len());
            for (segment, row) in result.cells.iter().enumerate() {
                let (Some(Some(theirs)), Some(Some(own))) = (
                    comparison.witnesses[0].segments.get(segment),
                    comparison.witnesses[1].segments.get(segment),
                ) else {
                    continue;
                };
                let ops = &row[1].ops;
                let rebuilt_a: String = ops
                    .iter()
                    .filter(|op| op.kind != OpKind::Insert)
                    .map(|op| slice_chars(&theirs.text, op.a.range()))
                    .collect();
                let rebuilt_b: String = ops
                    .iter()
                    .filter(|op| op.kind != OpKind::Delete)
                    .map(|op| slice_chars(&own.text, op.b.range()))
                    .collect();
                assert_eq!(rebuilt_a, theirs.text, "round {round}, segment {segment}");
                assert_eq!(rebuilt_b, own.text, "round {round}, segment {segment}");
            }
            if a == b {
                assert!(result.differences.is_empty());
            }
        }
    }
}

/// Where the texts' only difference is white space or ignored punctuation, the start
/// of each word maps to the start of the same word, even where one text joined two
/// paragraphs; positions past the end map to the end, and nothing maps to nothing.
#[test]
fn the_start_of_a_word_maps_to_the_start_of_the_same_word() {
    use crate::model::generate::paragraphs;
    let a = paragraphs(3, 30_000).join("\n\n");
    let b = a
        .replacen("\n\n", " ", 5)
        .replacen(", ", " — ", 40)
        .replacen(". ", ".   ", 40);
    let wording = Normalization::wording();
    let ops = diff::diff(&a, &b, &wording);
    assert!(ops.iter().all(|op| op.kind == OpKind::Equal), "{ops:?}");
    let chars: Vec<char> = a.chars().collect();
    let starts: Vec<usize> = (1..chars.len())
        .filter(|&n| chars[n - 1].is_whitespace() && chars[n].is_alphanumeric())
        .collect();
    let mapped = map_positions(&ops, &starts, (&a, &b));
    let b_chars: Vec<char> = b.chars().collect();
    let word_at = |text: &[char], n: usize| -> String {
        text[n..]
            .iter()
            .take_while(|c| c.is_alphanumeric())
            .collect()
    };
    for (&start, &there) in starts.iter().zip(&mapped) {
        assert!(
            there == 0 || b_chars[there - 1].is_whitespace(),
            "{start} → {there}"
        );
        assert_eq!(
            word_at(&chars, start),
            word_at(&b_chars, there),
            "{start} → {there}"
        );
    }
    let length = b_chars.len();
    assert_eq!(map_positions(&ops, &[chars.len() + 3], (&a, &b)), [length]);
    assert_eq!(map_positions(&[], &[0, 5], ("", "")), [0, 0]);
}

/// An editor's “[sic]”, which the diff passes over, is no letter to carry a position by;
/// and where punctuation moved inside an equal stretch, a word's start still maps to the
/// start of the word.
#[test]
fn a_sic_or_moved_punctuation_does_not_shift_a_mapped_position() {
    let wording = Normalization::wording();
    for (a, b, word) in [
        (
            "He wrote teh [sic] word.\n\nNext para.",
            "He wrote teh word. Next para.",
            "Next",
        ),
        ("a.\n\nbc d", "a\n\nb.c d", "b.c"),
    ] {
        let ops = diff::diff(a, b, &wording);
        assert!(ops.iter().all(|op| op.kind == OpKind::Equal), "{ops:?}");
        let start = a.chars().count() - a.rsplit("\n\n").next().unwrap().chars().count();
        let there = map_positions(&ops, &[start], (a, b))[0];
        assert!(
            slice_chars(b, there..there + 10).starts_with(word),
            "{a:?} → {there}"
        );
    }
}

/// A paragraph of the first text that the second joined to the one before starts its
/// row with its first word in both: nothing is marked where only the break changed.
#[test]
fn a_joined_paragraph_is_no_difference_in_its_row() {
    let a = "I do not think we did so.\n\nI think that haste played a role.";
    let b = "I do not think we did so. I believe that haste played a role.";
    let pair = (WordingInput::pasted("A", a), WordingInput::pasted("B", b));
    let (comparison, result) =
        Comparison::compared_pair("p", "t", pair.0, pair.1, &Normalization::wording()).unwrap();
    let rows: Vec<Option<&str>> = comparison.witnesses[1]
        .segments
        .iter()
        .map(|s| s.as_ref().map(|s| s.text.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            Some("I do not think we did so."),
            Some("I believe that haste played a role.")
        ]
    );
    assert_eq!(result.differences.len(), 1, "{:?}", result.differences);
}

#[test]
fn a_long_comparison_computed_on_two_threads_is_the_one_computed_on_one() {
    use crate::model::generate::{edited, paragraphs};
    let a = paragraphs(5, 300_000).join("\n\n");
    let b = edited(&a, 6, 20);
    let c = edited(&b, 7, 20);
    let comparison = Comparison::from_wordings(
        "long",
        "long",
        vec![
            WordingInput::pasted("A", &a),
            WordingInput::pasted("B", &b),
            WordingInput::pasted("C", &c),
        ],
        &Normalization::wording(),
    )
    .unwrap();
    assert!(comparison.segments.len() > 100);
    for reference in [Reference::Previous, Reference::Base(0)] {
        let one = compute(
            &comparison,
            &Normalization::wording(),
            reference,
            &mut |_, _| true,
        )
        .unwrap();
        let two = compute_all(&comparison, &Normalization::wording(), reference);
        assert_eq!(one.cells.len(), comparison.segments.len());
        assert!(!one.differences.is_empty());
        assert!(one == two, "{reference:?}");
    }
}

fn pasted(texts: &[&str]) -> Comparison {
    let inputs = texts
        .iter()
        .enumerate()
        .map(|(n, t)| WordingInput::pasted(&format!("W{n}"), t))
        .collect();
    Comparison::from_wordings("c", "test", inputs, &Normalization::wording()).unwrap()
}

#[test]
fn paragraphs_align_and_each_witness_keeps_all_its_words() {
    let a = "1. First clause of the draft.\n\n2. Second clause, unchanged.\n\n3. Third.";
    let b = "1. First clause of the amended draft.\n\n2. Second clause, unchanged.\n\n3. Third and last.";
    let comparison = pasted(&[a, b]);
    assert_eq!(comparison.segments, ["Clause 1", "Clause 2", "Clause 3"]);
    let second: Vec<&str> = comparison.witnesses[1]
        .segments
        .iter()
        .map(|s| s.as_ref().map_or("", |s| s.text.as_str()))
        .collect();
    assert_eq!(
        second,
        [
            "1. First clause of the amended draft.",
            "2. Second clause, unchanged.",
            "3. Third and last."
        ]
    );
    let result = compute_all(&comparison, &Normalization::wording(), Reference::Previous);
    assert_eq!(result.cells[1][1].counts, DiffCounts::default());
    assert_eq!(result.cells[0][1].counts.inserted, 1);
    assert_eq!(result.cells[2][1].counts.inserted, 2);
    assert_eq!(result.differences.len(), 2);
}

#[test]
fn one_paragraph_is_cut_into_sentences_and_insertions_stay_with_the_sentence_before() {
    let a = "We consider ourselves equal. We enter a new union.";
    let b = "We consider ourselves equal, truly. We enter a new federation.";
    let comparison = pasted(&[a, b]);
    assert_eq!(comparison.segments, ["Sentence 1", "Sentence 2"]);
    let texts: Vec<&str> = comparison.witnesses[1]
        .segments
        .iter()
        .map(|s| s.as_ref().map_or("", |s| s.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            "We consider ourselves equal, truly.",
            "We enter a new federation."
        ]
    );
}

#[test]
fn a_witness_with_nothing_for_a_segment_leaves_it_empty() {
    let a = "Opening words.\n\nA paragraph only the first has.\n\nClosing words.";
    let b = "Opening words.\n\nClosing words.";
    let comparison = pasted(&[a, b]);
    assert!(comparison.witnesses[1].segments[1].is_none());
    assert_eq!(
        comparison.witnesses[1].segments[2]
            .as_ref()
            .map(|s| s.text.as_str()),
        Some("Closing words.")
    );
}

#[test]
fn passages_of_texts_remember_where_each_segment_starts() {
    let inputs = vec![
        WordingInput {
            source: Some(("t1".into(), 100)),
            ..WordingInput::pasted("A", "One.\nTwo.")
        },
        WordingInput {
            source: Some(("t2".into(), 7)),
            ..WordingInput::pasted("B", "One.\nTwo!")
        },
    ];
    let comparison =
        Comparison::from_wordings("c", "t", inputs, &Normalization::default()).unwrap();
    let second = comparison.witnesses[1].segments[1].as_ref().unwrap();
    assert_eq!(
        (second.source_text.as_deref(), second.at),
        (Some("t2"), Some(12))
    );
}

#[test]
fn references_follow_language_and_skip_summaries_and_gaps() {
    let witness = |language: &str, status, segments: Vec<Option<&str>>| Witness {
        label: language.into(),
        author: String::new(),
        date: String::new(),
        source: String::new(),
        status,
        language: language.into(),
        remark: String::new(),
        segments: segments
            .into_iter()
            .map(|s| {
                s.map(|t| SegmentText {
                    text: t.into(),
                    source_text: None,
                    at: None,
                })
            })
            .collect(),
    };
    let comparison = Comparison {
        id: "c".into(),
        title: "t".into(),
        description: String::new(),
        start_screen: None,
        segments: vec!["1".into(), "2".into()],
        witnesses: vec![
            witness("ru", WitnessStatus::Original, vec![Some("а"), Some("б")]),
            witness("en", WitnessStatus::Translation, vec![Some("a"), Some("b")]),
            witness("ru", WitnessStatus::Original, vec![None, Some("в")]),
            witness("ru", WitnessStatus::Original, vec![Some("г"), Some("д")]),
            witness("en", WitnessStatus::Summary, vec![Some("x"), None]),
        ],
    };
    assert_eq!(comparison.reference(0, 0, Reference::Previous), None);
    assert_eq!(comparison.reference(2, 1, Reference::Previous), Some(0));
    assert_eq!(comparison.reference(3, 0, Reference::Previous), Some(0));
    assert_eq!(comparison.reference(3, 1, Reference::Previous), Some(2));
    assert_eq!(comparison.reference(4, 0, Reference::Previous), None);
    // A chosen base marks the witnesses of its own language only.
    assert_eq!(comparison.reference(1, 0, Reference::Base(3)), None);
    assert_eq!(comparison.reference(0, 0, Reference::Base(3)), Some(3));
    assert_eq!(comparison.reference(3, 0, Reference::Base(3)), None);
}

#[test]
fn too_few_witnesses_or_an_empty_one_is_refused_with_a_reason() {
    let one = vec![WordingInput::pasted("A", "text")];
    assert_eq!(
        Comparison::from_wordings("c", "t", one, &Normalization::default()),
        Err(ComparisonError::WitnessCount(1))
    );
    let empty = vec![
        WordingInput::pasted("A", "text"),
        WordingInput::pasted("B", "  "),
    ];
    let err = Comparison::from_wordings("c", "t", empty, &Normalization::default()).unwrap_err();
    assert!(err.to_string().contains("“B” is empty"), "{err}");
}

#[test]
fn a_note_on_a_difference_quotes_both_wordings() {
    let comparison = pasted(&["on the formal entry", "on formal unification"]);
    let result = compute_all(&comparison, &Normalization::wording(), Reference::Previous);
    let difference = result.differences.last().unwrap();
    let note = ComparisonNote::new(
        "n1".into(),
        &comparison,
        0,
        Some(difference),
        &"2026-11-27T00:00:00Z".into(),
    );
    assert_eq!(
        (note.quote.as_str(), note.reference_quote.as_str()),
        ("unification", "entry")
    );
    assert_eq!(note.subject(), "“unification” for “entry” (W1 against W0)");
    let whole = ComparisonNote::new(
        "n2".into(),
        &comparison,
        0,
        None,
        &"2026-11-27T00:00:00Z".into(),
    );
    assert_eq!(whole.subject(), "Segment Passage");
}

#[test]
fn a_long_comparison_keeps_only_its_annotated_segments_with_the_notes() {
    let text: String = (0..10)
        .map(|n| {
            let words: String = (0..1_000).map(|i| format!("w{n}x{i} ")).collect();
            format!("{n}. {words}\n")
        })
        .collect();
    let comparison = pasted(&[&text, &text.replace("x7 ", "y7 ")]);
    assert_eq!(comparison.segments.len(), 10);
    let annotated = std::collections::BTreeSet::from([3]);
    let kept = comparison.kept_for_notes(&annotated);
    for witness in &kept.witnesses {
        assert!(witness.segments[3].is_some());
        assert_eq!(witness.segments.iter().flatten().count(), 1);
    }
    assert!(kept.description.contains("only the segments with notes"));
    assert_eq!(
        kept.segments, comparison.segments,
        "segment numbers stay valid"
    );
    let small = pasted(&["a. b.", "a. c."]);
    assert_eq!(small.kept_for_notes(&annotated), small);
    // What was kept is known, so that a later cut keeps it too.
    assert_eq!(kept.kept_segments(), annotated);
    assert_eq!(comparison.kept_segments().len(), 10);
    let mut more = kept.kept_segments();
    more.insert(7);
    let again = comparison.kept_for_notes(&more);
    assert_eq!(
        again.kept_segments(),
        std::collections::BTreeSet::from([3, 7])
    );
}

#[test]
fn cancelling_stops_the_work() {
    let comparison = pasted(&["A. B. C.", "A. B. D."]);
    let mut calls = 0;
    let result = compute(
        &comparison,
        &Normalization::default(),
        Reference::Previous,
        &mut |_, _| {
            calls += 1;
            false
        },
    );
    assert_eq!((result, calls), (None, 1));
}
