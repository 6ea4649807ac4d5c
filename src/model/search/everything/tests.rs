use super::*;
use crate::formats::text_format::TextMeta;

const NOW: &str = "2026-12-07T00:00:00Z";

fn text(id: &str, paragraphs: &[&str]) -> Text {
    Text::new(
        TextMeta {
            id: id.into(),
            title: id.into(),
            ..TextMeta::default()
        },
        paragraphs.iter().map(|p| (*p).to_owned()),
    )
}

/// A comparison of two witnesses in two segments.
fn comparison(id: &str, first: [&str; 2], second: [&str; 2]) -> Comparison {
    let json = serde_json::json!({
        "id": id,
        "title": format!("Comparison {id}"),
        "description": "",
        "segments": ["the first", "the second"],
        "witnesses": [
            {"label": "Draft", "status": "original",
             "segments": [{"text": first[0]}, {"text": first[1]}]},
            {"label": "Revision", "status": "original",
             "segments": [{"text": second[0]}, {"text": second[1]}]},
        ]
    });
    Comparison::from_json(&json.to_string()).unwrap()
}

/// The reader's work: one text, an annotation on it with `note` and `tag`, a comparison whose
/// revision's second segment is `wording`, and a note on that segment.
struct Work {
    text: Text,
    annotations: Vec<Annotation>,
    notes: Vec<ComparisonNote>,
    comparisons: Vec<Comparison>,
}

impl Work {
    fn new(passage: &str, note: &str, tag: &str, comparison_note: &str, wording: &str) -> Self {
        let text = text("letter", &["An opening paragraph.", passage]);
        let annotation = Annotation {
            note: note.into(),
            tags: vec!["other".into(), tag.into()],
            ..Annotation::new("a1", &text, (0..10).into(), None, &NOW.into())
        };
        let compared = comparison(
            "drafts",
            ["First clause.", "Second clause."],
            ["First clause, revised.", wording],
        );
        let on_it = ComparisonNote {
            note: comparison_note.into(),
            ..ComparisonNote::new("n1".into(), &compared, 1, None, &NOW.into())
        };
        Self {
            text,
            annotations: vec![annotation],
            notes: vec![on_it],
            comparisons: vec![compared],
        }
    }

    fn search(&self, query: &str, options: SearchOptions) -> Found {
        let folded = Folded::new(self.text.content(), options.match_case);
        let work = WorkIndex::new(
            &self.annotations,
            &self.notes,
            &self.comparisons,
            options.match_case,
        );
        assert_eq!(work.match_case(), options.match_case);
        search_everything(
            query,
            options,
            &Index::default(),
            [(&self.text, &folded)],
            &work,
            100,
        )
    }
}

/// The words of each hit's snippet that matched.
fn matched(found: &Found) -> Vec<(HitKind, String)> {
    found
        .hits
        .iter()
        .map(|hit| {
            let words = hit
                .snippet
                .chars()
                .skip(hit.snippet_match.start)
                .take(hit.snippet_match.len())
                .collect();
            (hit.kind(), words)
        })
        .collect()
}

#[test]
fn every_kind_is_found_at_its_place_with_its_context() {
    let work = Work::new(
        "The treaty was signed.",
        "a note about the treaty",
        "treaty",
        "the treaty again, in a note on the comparison",
        "A treaty of union.",
    );
    let found = work.search("treaty", SearchOptions::default());
    let kinds: Vec<HitKind> = found.hits.iter().map(Hit::kind).collect();
    assert_eq!(kinds, HitKind::ALL, "each kind once, in the order listed");
    for (kind, words) in matched(&found) {
        assert_eq!(words, "treaty", "{kind:?}");
    }
    assert_eq!(found.text_counts, [("letter".into(), 1)]);
    assert!(found.also_searched.is_empty(), "no one is named");
    let places: Vec<&Place> = found.hits.iter().map(|h| &h.place).collect();
    let Place::TextPassage {
        text_id,
        paragraph,
        range,
    } = places[0]
    else {
        panic!("{:?}", places[0]);
    };
    assert_eq!((text_id.as_str(), *paragraph), ("letter", 1));
    assert_eq!(work.text.slice(range.clone()), "treaty");
    assert_eq!(
        places[1],
        &Place::AnnotationNote {
            annotation_id: "a1".into(),
            text_id: "letter".into()
        }
    );
    assert_eq!(
        places[2],
        &Place::AnnotationTag {
            annotation_id: "a1".into(),
            text_id: "letter".into(),
            tag: "treaty".into()
        }
    );
    let Place::ComparisonNote {
        note_id, segment, ..
    } = places[3]
    else {
        panic!("{:?}", places[3]);
    };
    assert_eq!((note_id.as_str(), *segment), ("n1", 1));
    assert_eq!(
        places[4],
        &Place::ComparisonWording {
            comparison_id: "drafts".into(),
            comparison_title: "Comparison drafts".into(),
            segment: 1,
            segment_label: "the second".into(),
            witness: 1,
            witness_label: "Revision".into(),
        }
    );
    // The context around a match in a long note is cut to its neighbourhood.
    let long = Work::new(
        "nothing",
        &format!("{} treaty {}", "x".repeat(200), "y".repeat(200)),
        "t",
        "",
        "nothing",
    );
    let found = long.search("treaty", SearchOptions::default());
    assert_eq!(found.hits.len(), 1);
    assert!(found.hits[0].snippet.chars().count() <= 2 * SNIPPET_AROUND + 6);
    assert_eq!(matched(&found)[0].1, "treaty");
}

#[test]
fn case_yo_and_diacritics_fold_alike_in_every_kind() {
    let work = Work::new(
        "Ещё раз: CAFÉ.",
        "ещё одно, café",
        "ЕЩЁ Café",
        "Еще — cafe",
        "ещё кафе: Cafe",
    );
    for (query, expected) in [
        ("еще", ["Ещё", "ещё", "ЕЩЁ", "Еще", "ещё"]),
        ("ЕЩЁ", ["Ещё", "ещё", "ЕЩЁ", "Еще", "ещё"]),
        ("cafe", ["CAFÉ", "café", "Café", "cafe", "Cafe"]),
    ] {
        let found = work.search(query, SearchOptions::default());
        let words: Vec<String> = matched(&found).into_iter().map(|(_, w)| w).collect();
        assert_eq!(words, expected, "{query}");
        let kinds: Vec<HitKind> = found.hits.iter().map(Hit::kind).collect();
        assert_eq!(kinds, HitKind::ALL, "{query}");
    }
    // Matching case, only the kinds that spell it so are found.
    let exact = SearchOptions {
        match_case: true,
        ..SearchOptions::default()
    };
    let found = work.search("Cafe", exact);
    assert_eq!(
        matched(&found),
        [
            (HitKind::AnnotationTag, "Café".to_owned()),
            (HitKind::ComparisonWording, "Cafe".to_owned())
        ]
    );
    // Whole words too.
    let whole = SearchOptions {
        whole_words: true,
        ..SearchOptions::default()
    };
    assert!(work.search("caf", whole).hits.is_empty());
    assert_eq!(work.search("caf", SearchOptions::default()).hits.len(), 5);
}

#[test]
fn a_name_also_searches_every_spelling_of_its_person_and_says_which() {
    let index = Index::bundled();
    let english = text(
        "english",
        &["I am indignant over Orjonikidze’s rudeness; Sergo Ordzhonikidze was there."],
    );
    let russian = text("russian", &["Возмущён грубостью Орджоникидзе."]);
    let annotation = Annotation {
        note: "Orgonikidze, as another translation spells him".into(),
        ..Annotation::new("a1", &english, (0..4).into(), None, &NOW.into())
    };
    let work = WorkIndex::new([&annotation], &[], [], false);
    let (en, ru) = (
        Folded::new(english.content(), false),
        Folded::new(russian.content(), false),
    );
    let found = search_everything(
        "Ordzhonikidze",
        SearchOptions::default(),
        &index,
        [(&english, &en), (&russian, &ru)],
        &work,
        100,
    );
    for spelling in ["Orjonikidze", "Орджоникидзе", "Orgonikidze"] {
        assert!(
            found.also_searched.iter().any(|s| s == spelling),
            "{spelling} in {:?}",
            found.also_searched
        );
    }
    assert!(
        !found.also_searched.iter().any(|s| s == "Ordzhonikidze"),
        "the query itself is not added: {:?}",
        found.also_searched
    );
    assert!(
        !found
            .also_searched
            .iter()
            .any(|s| s == "Sergo Ordzhonikidze"),
        "a longer spelling the query finds anyway is not searched again"
    );
    let words: Vec<(HitKind, String)> = matched(&found);
    assert_eq!(
        words,
        [
            (HitKind::TextPassage, "Orjonikidze".to_owned()),
            (HitKind::TextPassage, "Ordzhonikidze".to_owned()),
            (HitKind::TextPassage, "Орджоникидзе".to_owned()),
            (HitKind::AnnotationNote, "Orgonikidze".to_owned()),
        ]
    );
    assert_eq!(
        found.text_counts,
        [("english".into(), 2), ("russian".into(), 1)],
        "each mention counted once"
    );
    // The Russian form and the last words of a longer name name him too.
    for query in ["орджоникидзе", "Sergo Ordzhonikidze"] {
        let found = search_everything(
            query,
            SearchOptions::default(),
            &index,
            [(&english, &en), (&russian, &ru)],
            &work,
            100,
        );
        assert_eq!(found.hits.len(), 4, "{query}: {:?}", matched(&found));
    }
}

#[test]
fn a_russian_stem_finds_its_case_endings_and_words_that_name_no_one_add_nothing() {
    let index = Index::bundled();
    let needles = Needles::new("Dzerzhinsky", &index, false);
    assert!(needles.also_searched().iter().any(|s| s == "Дзержинск*"));
    let russian = text("russian", &["Беседа с Дзержинским и письмо Дзержинского."]);
    let folded = Folded::new(russian.content(), false);
    let empty = WorkIndex::new([], &[], [], false);
    assert!(empty.is_empty());
    let found = search_everything(
        "Dzerzhinsky",
        SearchOptions::default(),
        &index,
        [(&russian, &folded)],
        &empty,
        100,
    );
    let words: Vec<String> = matched(&found).into_iter().map(|(_, w)| w).collect();
    assert_eq!(words, ["Дзержинск", "Дзержинск"]);
    // A Russian case form names him as well.
    assert!(
        Needles::new("Дзержинского", &index, false)
            .also_searched()
            .iter()
            .any(|s| s == "Dzerzhinsky")
    );
    // An initial, a first name alone, a common word or part of a word name no one.
    for query in ["the", "I", "V. I.", "Sergo", "rudeness", "Ordzhon", ""] {
        let needles = Needles::new(query, &index, false);
        assert!(
            needles.also_searched().is_empty(),
            "{query}: {:?}",
            needles.also_searched()
        );
    }
}

#[test]
fn ordzhonikidze_finds_the_bundled_letters_orjonikidze() {
    let index = Index::bundled();
    let texts = crate::bundled::bundled_texts();
    let folded: Vec<Folded> = texts
        .iter()
        .map(|t| Folded::new(t.content(), false))
        .collect();
    let comparisons = crate::bundled::bundled_comparisons();
    let work = WorkIndex::new([], &[], &comparisons, false);
    assert!(!work.is_empty() && work.len() > comparisons.len());
    let found = search_everything(
        "Ordzhonikidze",
        SearchOptions::default(),
        &index,
        texts.iter().zip(&folded),
        &work,
        100,
    );
    assert!(found.also_searched.iter().any(|s| s == "Orjonikidze"));
    assert!(found.also_searched.iter().any(|s| s == "Орджоникидзе"));
    assert!(
        found
            .text_counts
            .iter()
            .any(|(id, _)| id == "lenin-1922-12-30-autonomization"),
        "{:?}",
        found.text_counts
    );
    assert!(
        matched(&found)
            .iter()
            .any(|(kind, w)| *kind == HitKind::TextPassage && w == "Orjonikidze")
    );
    // Without the index, the bundled texts (which spell him Orjonikidze) have nothing.
    let alone = search_everything(
        "Ordzhonikidze",
        SearchOptions::default(),
        &Index::default(),
        texts.iter().zip(&folded),
        &work,
        100,
    );
    assert!(
        !matched(&alone)
            .iter()
            .any(|(_, w)| w == "Orjonikidze" || w == "Орджоникидзе"),
        "{:?}",
        matched(&alone)
    );
}

#[test]
fn a_text_lists_at_most_the_limit_but_counts_all() {
    let text = text("many", &[&"union and union, ".repeat(30)]);
    let folded = Folded::new(text.content(), false);
    let found = search_everything(
        "union",
        SearchOptions::default(),
        &Index::default(),
        [(&text, &folded)],
        &WorkIndex::new([], &[], [], false),
        7,
    );
    assert_eq!(found.text_counts, [("many".into(), 60)]);
    assert_eq!(found.hits.len(), 7);
    let starts: Vec<usize> = found
        .hits
        .iter()
        .map(|h| match &h.place {
            Place::TextPassage { range, .. } => range.start,
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
}

#[test]
fn results_serialize_with_their_kind_and_place() {
    let work = Work::new("treaty", "treaty", "treaty", "treaty", "treaty");
    let found = work.search("treaty", SearchOptions::default());
    let json = serde_json::to_value(&found.hits).unwrap();
    let kinds: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "text_passage",
            "annotation_note",
            "annotation_tag",
            "comparison_note",
            "comparison_wording"
        ]
    );
    assert_eq!(json[4]["witness_label"], "Revision");
    assert_eq!(
        json[0]["snippet"], "treaty",
        "the context stays in its paragraph"
    );
}
