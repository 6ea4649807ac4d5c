//! The collation's unit tests: order independence, punctuation yielding to words,
//! transpositions, agreeing readings grouped, near matches and broken words, on CollateX's
//! published examples (Darwin's six editions, its TEI example) and Clause 1's Russian drafts.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use super::apparatus::{Apparatus, Base, Moved};
use super::measures::{distance_matrix, place_variation, variation_profile};
use super::tei::{from_parallel, to_parallel};
use super::{Collation, WitnessText, collate};
use crate::formats::tei_parallel;
use crate::model::diff::Normalization;

fn witnesses(pairs: &[(&str, &str)]) -> Vec<WitnessText> {
    pairs
        .iter()
        .map(|(id, text)| WitnessText {
            id: (*id).to_owned(),
            text: (*text).to_owned(),
        })
        .collect()
}

/// Darwin's six editions, as CollateX's use case gives them.
fn darwin() -> Vec<WitnessText> {
    let json = include_str!("../../../tests/data/collation/darwin-chapter1-paragraph1.json");
    crate::formats::collatex::read_witnesses(json)
        .unwrap()
        .into_iter()
        .map(|(id, text)| WitnessText { id, text })
        .collect()
}

fn typography() -> Normalization {
    Normalization::profile("typography").unwrap()
}

/// The alignment as its places, each witness's reading shown, the witnesses by id: what must
/// not change with the order of the input.
fn by_id(collation: &Collation) -> Vec<Vec<(String, String)>> {
    (0..collation.places().len())
        .map(|p| {
            let mut row: Vec<(String, String)> = collation
                .witnesses()
                .iter()
                .enumerate()
                .map(|(w, witness)| (witness.id.clone(), collation.reading_text(p, w).to_owned()))
                .collect();
            row.sort();
            row
        })
        .collect()
}

/// The places where witness `a` reads `x` and witness `b` reads `y`.
fn places_reading(collation: &Collation, a: &str, x: &str, b: &str, y: &str) -> Vec<usize> {
    let (a, b) = (
        collation.witness_index(a).unwrap(),
        collation.witness_index(b).unwrap(),
    );
    (0..collation.places().len())
        .filter(|&p| collation.reading_text(p, a) == x && collation.reading_text(p, b) == y)
        .collect()
}

/// The columns where witness `a`'s token shows `x` and witness `b`'s shows `y`.
fn columns_reading(collation: &Collation, a: &str, x: &str, b: &str, y: &str) -> usize {
    let (a, b) = (
        collation.witness_index(a).unwrap(),
        collation.witness_index(b).unwrap(),
    );
    let shows = |cell: Option<u32>, w: usize, text: &str| {
        cell.is_some_and(|t| collation.witnesses()[w].shown(t as usize..t as usize + 1) == text)
    };
    collation
        .columns()
        .iter()
        .filter(|column| shows(column[a], a, x) && shows(column[b], b, y))
        .count()
}

fn permutations(items: &[usize]) -> Vec<Vec<usize>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut out = Vec::new();
    for i in 0..items.len() {
        let mut rest = items.to_vec();
        let first = rest.remove(i);
        for mut tail in permutations(&rest) {
            tail.insert(0, first);
            out.push(tail);
        }
    }
    out
}

#[test]
fn the_order_of_the_witnesses_does_not_change_the_alignment() {
    let all = darwin();
    for chosen in [[0, 1, 4, 5], [2, 3, 4, 5]] {
        let reference = by_id(&collate(
            &chosen.iter().map(|&i| all[i].clone()).collect::<Vec<_>>(),
            &typography(),
        ));
        for order in permutations(&chosen) {
            let given: Vec<WitnessText> = order.iter().map(|&i| all[i].clone()).collect();
            assert_eq!(
                by_id(&collate(&given, &typography())),
                reference,
                "{order:?}"
            );
        }
    }
    // All six, given forwards and backwards.
    let mut backwards = all.clone();
    backwards.reverse();
    assert_eq!(
        by_id(&collate(&all, &Normalization::wording())),
        by_id(&collate(&backwards, &Normalization::wording()))
    );
}

#[test]
fn generated_editions_align_the_same_in_every_order() {
    // Four editions of a generated text, each from the one before (words replaced, dropped,
    // doubled), so that likeness decides the order of merging.
    let mut text = crate::model::generate::paragraphs(5, 3_000).join("\n\n");
    let mut editions = Vec::new();
    for n in 0..4u64 {
        editions.push(WitnessText {
            id: format!("E{n}"),
            text: text.clone(),
        });
        text = crate::model::generate::edited(&text, 40 + n, 60);
    }
    let reference = by_id(&collate(&editions, &Normalization::wording()));
    assert!(reference.len() > 10);
    for order in permutations(&[0, 1, 2, 3]) {
        let given: Vec<WitnessText> = order.iter().map(|&i| editions[i].clone()).collect();
        assert_eq!(
            by_id(&collate(&given, &Normalization::wording())),
            reference,
            "{order:?}"
        );
    }
}

#[test]
fn ties_of_likeness_do_not_depend_on_the_order_either() {
    // Every pair is equally alike: the order comes from the texts and ids alone.
    let given = [("A", "a b c d"), ("B", "a c b d"), ("C", "b a c d")];
    let reference = by_id(&collate(&witnesses(&given), &typography()));
    for order in permutations(&[0, 1, 2]) {
        let shuffled: Vec<(&str, &str)> = order.iter().map(|&i| given[i]).collect();
        assert_eq!(
            by_id(&collate(&witnesses(&shuffled), &typography())),
            reference
        );
    }
}

#[test]
fn punctuation_yields_to_words() {
    // A diff that weighs a comma as a word could match the commas and give up “two”.
    let collation = collate(
        &witnesses(&[("A", "one , two , three"), ("B", "one two , , three")]),
        &typography(),
    );
    for word in ["one", "two", "three"] {
        assert_eq!(
            columns_reading(&collation, "A", word, "B", word),
            1,
            "{word}"
        );
    }
    // Darwin, 1859 against 1860: “us, is, that” and “other, than” keep their words aligned.
    let all = darwin();
    let collation = collate(&all[..2], &typography());
    for word in ["is", "than"] {
        let in_1859 = collation.witnesses()[0]
            .tokens
            .iter()
            .filter(|t| t.key == word)
            .count();
        assert!(in_1859 > 0);
        assert_eq!(
            columns_reading(&collation, "1859", word, "1860", word),
            in_1859
        );
    }
    // The commas of “us, is, that” stand in columns of their own or with commas, never
    // with a word.
    let commas = columns_reading(&collation, "1859", ",", "1860", ",");
    assert!(commas > 0);
}

#[test]
fn the_1869_transposition_is_a_move_with_both_places() {
    let collation = collate(&darwin(), &Normalization::wording());
    let w1869 = collation.witness_index("1869").unwrap();
    let moved: Vec<_> = collation
        .moves()
        .iter()
        .filter(|m| m.witness == w1869)
        .collect();
    let more = moved
        .iter()
        .find(|m| collation.witnesses()[w1869].shown(m.tokens.clone()) == "more")
        .expect("1869's “more” is found as moved");
    assert!(
        more.from.end <= more.to.start,
        "moved later in the sentence"
    );
    let w1860 = collation.witness_index("1860").unwrap();
    assert!(more.read_there_by.contains(&w1860));
    // The apparatus marks both places.
    let apparatus = Apparatus::of(&collation, Base::Witness(0));
    let lines = apparatus.lines(&collation);
    let from = lines
        .iter()
        .find(|l| l.starts_with("much more ] 1859"))
        .expect("an entry for “much more”");
    assert!(from.contains("1869 *moved*"), "{from}");
    assert!(from.contains("more 1860 1861 1866 1872"), "{from}");
    assert!(
        apparatus.entries.iter().any(|e| e
            .readings
            .iter()
            .any(|r| r.witnesses == [w1869] && matches!(r.moved, Moved::From(_)))),
        "{lines:#?}"
    );
}

#[test]
fn a_simple_transposition_is_found() {
    let collation = collate(
        &witnesses(&[
            ("A", "I saw the old man yesterday in town"),
            ("B", "I saw yesterday the old man in town"),
        ]),
        &Normalization::wording(),
    );
    let moves = collation.moves();
    assert_eq!(moves.len(), 1, "{moves:?}");
    let witness = &collation.witnesses()[moves[0].witness];
    assert_eq!(witness.shown(moves[0].tokens.clone()), "yesterday");
}

#[test]
fn readings_that_agree_are_one_reading() {
    let collation = collate(
        &witnesses(&[
            (
                "A",
                "The quick brown wombat jumps over the industrious brown dog.",
            ),
            ("B", "The brown koala jumps over the lazy yellow dog."),
            (
                "C",
                "the brown Koala jumps over the industrious yellow dog.",
            ),
        ]),
        &Normalization::wording(),
    );
    assert_eq!(columns_reading(&collation, "A", "wombat", "B", "koala"), 1);
    let koala = places_reading(&collation, "A", "wombat", "B", "koala");
    assert_eq!(koala.len(), 1);
    let place = &collation.places()[koala[0]];
    assert_eq!(place.readings.len(), 2);
    assert_eq!(
        place.readings[0].witnesses,
        vec![1, 2],
        "koala and Koala agree"
    );
    assert_eq!(place.readings[1].witnesses, vec![0]);
    // “The” and “the” agree under the wording normalisation: no variant there.
    assert!(!collation.places()[0].is_variant());
    let industrious = places_reading(&collation, "A", "industrious", "B", "lazy");
    assert_eq!(
        collation.places()[industrious[0]].readings[0].witnesses,
        vec![0, 2]
    );
}

#[test]
fn near_matches_share_a_place() {
    let collation = collate(
        &witnesses(&[
            ("A", "this great variability is due to the conditions"),
            ("B", "this greater variability is due to tbe conditions"),
        ]),
        &Normalization::wording(),
    );
    assert_eq!(columns_reading(&collation, "A", "great", "B", "greater"), 1);
    assert_eq!(columns_reading(&collation, "A", "the", "B", "tbe"), 1);
    // Words that are not alike but stand in one place are variants of it too.
    let unlike = collate(
        &witnesses(&[("A", "when we look to the"), ("B", "when we compare the")]),
        &Normalization::wording(),
    );
    assert_eq!(
        columns_reading(&unlike, "A", "look", "B", "compare")
            + columns_reading(&unlike, "A", "to", "B", "compare"),
        1
    );
}

#[test]
fn a_word_broken_across_a_line_is_the_word() {
    for broken in [
        "it generally con- tinues to vary",
        "it generally con-\ntinues to vary",
    ] {
        let collation = collate(
            &witnesses(&[("A", "it generally continues to vary"), ("B", broken)]),
            &Normalization::wording(),
        );
        assert!(
            collation.places().iter().all(|p| !p.is_variant()),
            "{broken:?}: {:?}",
            by_id(&collation)
        );
    }
    // A hyphen before a conjunction is no broken word.
    let tokens = super::collation_tokens("pre- and post-war", &Normalization::wording());
    assert!(tokens.iter().any(|t| t.key == "and"));
}

#[test]
fn clause_1_s_russian_drafts_are_collated() {
    let json: serde_json::Value =
        serde_json::from_str(include_str!("../../../resources/comparisons/clause-1.json")).unwrap();
    let russian: Vec<WitnessText> = json["witnesses"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["language"] == "ru")
        .map(|w| WitnessText {
            id: w["label"].as_str().unwrap().to_owned(),
            text: w["segments"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|s| s["text"].as_str())
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect();
    assert_eq!(russian.len(), 3);
    let collation = collate(&russian, &Normalization::wording());
    let (stalin, revised) = (
        "Stalin’s draft (Russian)",
        "Revised draft, early Oct 1922 (Russian)",
    );
    assert_eq!(
        columns_reading(&collation, stalin, "целесообразным", revised, "необходимым"),
        1,
        "{:#?}",
        Apparatus::of(&collation, Base::Witness(0)).lines(&collation)
    );
    // “[sic]” is the editor's, not the wording's.
    assert!(
        collation.witnesses()[0]
            .tokens
            .iter()
            .all(|t| t.key != "sic")
    );
    let lines = Apparatus::of(&collation, Base::Majority).lines(&collation);
    assert!(lines.iter().any(|l| l.contains("договора")) || !lines.is_empty());
}

#[test]
fn distances_and_variation_are_measured() {
    let collation = collate(&darwin(), &Normalization::wording());
    let matrix = distance_matrix(&collation);
    let index = |id: &str| collation.witness_index(id).unwrap();
    for (a, row) in matrix.iter().enumerate() {
        assert!(row[a].abs() < f64::EPSILON);
        for (b, distance) in row.iter().enumerate() {
            assert!((distance - matrix[b][a]).abs() < f64::EPSILON);
        }
    }
    // 1860 and 1861 are nearly the same edition; 1859 and 1872 the furthest apart.
    assert!(matrix[index("1860")][index("1861")] < matrix[index("1859")][index("1872")]);
    let profile = variation_profile(&collation, 10);
    assert_eq!(profile.len(), 10);
    assert!(profile.iter().all(|v| (0.0..=1.0).contains(v)));
    assert!(profile.iter().any(|&v| v > 0.0));
    let variant = (0..collation.places().len()).find(|&p| collation.places()[p].is_variant());
    assert!(place_variation(&collation, variant.unwrap()) > 0.0);
}

#[test]
fn tei_groups_agreeing_readings_and_gives_the_witnesses_back() {
    let given = witnesses(&[
        (
            "A",
            "The quick brown wombat jumps over the industrious brown dog.",
        ),
        ("B", "The brown koala jumps over the lazy yellow dog."),
        (
            "C",
            "The brown koala jumps over the industrious  yellow dog.",
        ),
    ]);
    let collation = collate(&given, &typography());
    let document = to_parallel(&collation, Base::Majority, "Koalas", "Lectern", &[]);
    let xml = tei_parallel::write(&document);
    // CollateX #67: B and C read “koala” together, one <rdg>, never two.
    assert!(xml.contains(r##"<lem wit="#B #C">koala </lem>"##), "{xml}");
    assert!(
        xml.contains(r##"<lem wit="#A #C">industrious </lem>"##),
        "{xml}"
    );
    assert!(xml.contains(r##"<rdg wit="#B">lazy </rdg>"##), "{xml}");
    let back = from_parallel(&tei_parallel::read(&xml).unwrap());
    let collapsed = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(back.len(), 3);
    for (original, read) in given.iter().zip(&back) {
        assert_eq!(read.id, original.id);
        assert_eq!(read.text, collapsed(&original.text));
    }
}

#[test]
fn tei_round_trip_of_darwin_keeps_every_edition() {
    let given = darwin();
    let collation = collate(&given, &Normalization::wording());
    let xml = tei_parallel::write(&to_parallel(
        &collation,
        Base::Witness(0),
        "Darwin's “Origin”, \"chapter 1\" & its editions",
        "L",
        &[],
    ));
    let document = tei_parallel::read(&xml).unwrap();
    assert_eq!(
        document.title, "Darwin's “Origin”, \"chapter 1\" & its editions",
        "escaped as written, read back as it was"
    );
    let back = from_parallel(&document);
    let collapsed = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    for (original, read) in given.iter().zip(&back) {
        assert_eq!(read.text, collapsed(&original.text), "{}", original.id);
    }
    // The moved “more” is marked as a transposition.
    assert!(xml.contains(r#"cause="transposition""#));
    // Collated again, the witnesses read back give the same places.
    let again = collate(&back, &Normalization::wording());
    assert_eq!(again.places().len(), collation.places().len());
}

#[test]
fn words_that_only_begin_alike_are_no_anchor_but_forms_of_one_word_are() {
    use super::align::{Interned, matched_words};
    let tokens = |text: &str| super::collation_tokens(text, &Normalization::wording());
    let lists = vec![
        tokens("the commission of the great republics"),
        tokens("the commissariat of the greater republic"),
    ];
    let interned = Interned::of(&lists);
    let pairs = matched_words(
        &interned.witnesses[0],
        &interned.witnesses[1],
        &interned.texts,
    );
    let shown = |w: usize, t: u32| lists[w][t as usize].key.clone();
    let words: Vec<(String, String)> = pairs
        .iter()
        .map(|&(a, b)| (shown(0, a), shown(1, b)))
        .collect();
    assert!(
        !words.iter().any(|(a, _)| a == "commission"),
        "“commission” and “commissariat” share five letters, not a word: {words:?}"
    );
    for (a, b) in [
        ("great", "greater"),
        ("republics", "republic"),
        ("of", "of"),
    ] {
        assert!(
            words.contains(&(a.to_owned(), b.to_owned())),
            "{a}/{b}: {words:?}"
        );
    }
}

#[test]
fn a_phrase_moved_by_several_witnesses_is_the_move_of_the_fewer() {
    let collation = collate(
        &witnesses(&[
            (
                "A",
                "the delegates met in Moscow of the republics on the thirtieth",
            ),
            (
                "B",
                "the delegates met in Moscow of the republics on the thirtieth",
            ),
            (
                "C",
                "the delegates of the republics met in Moscow on the thirtieth",
            ),
        ]),
        &Normalization::wording(),
    );
    let moves = collation.moves();
    let c = collation.witness_index("C").unwrap();
    let mut movers: Vec<&str> = moves
        .iter()
        .map(|m| collation.witnesses()[m.witness].id.as_str())
        .collect();
    movers.sort_unstable();
    // The two who agree are the majority: C moved the phrase, seen from either side once.
    assert_eq!(movers, ["C"], "{moves:?}");
    let m = &moves[0];
    assert_eq!(m.witness, c);
    assert_eq!(
        m.read_there_by.len(),
        2,
        "A and B read it at the other place: {m:?}"
    );
    assert_eq!(
        collation.witnesses()[c].shown(m.tokens.clone()),
        "of the republics"
    );

    // Two of five moved it: each of the two is told as moving it (the addition is read by
    // both), from where the other three read it.
    let moved = "the delegates met in Moscow of the republics on the thirtieth";
    let kept = "the delegates of the republics met in Moscow on the thirtieth";
    let collation = collate(
        &witnesses(&[
            ("A", moved),
            ("B", moved),
            ("C", kept),
            ("D", kept),
            ("E", kept),
        ]),
        &Normalization::wording(),
    );
    let moves = collation.moves();
    let id = |w: usize| collation.witnesses()[w].id.as_str();
    let mut movers: Vec<&str> = moves.iter().map(|m| id(m.witness)).collect();
    movers.sort_unstable();
    assert_eq!(movers, ["A", "B"], "{moves:?}");
    for m in moves {
        let readers: Vec<&str> = m.read_there_by.iter().map(|&w| id(w)).collect();
        assert_eq!(readers, ["C", "D", "E"], "{m:?}");
        assert_eq!(
            collation.witnesses()[m.witness].shown(m.tokens.clone()),
            "of the republics"
        );
    }
}

#[test]
fn a_moved_phrase_that_was_also_reworded_is_still_a_move() {
    let collation = collate(
        &witnesses(&[
            (
                "1922",
                "The congress resolved to form a union of soviet republics and adopted the treaty of union on that day",
            ),
            (
                "1923",
                "The congress adopted the treaties of union on that day and resolved to form a union of soviet republics",
            ),
        ]),
        &Normalization::wording(),
    );
    let moves = collation.moves();
    assert_eq!(moves.len(), 1, "{moves:?} {:#?}", collation.places());
    let m = &moves[0];
    let mover = &collation.witnesses()[m.witness];
    // “treaty” became “treaties” on the way: still the phrase, moved.
    assert_eq!(mover.id, "1923");
    assert_eq!(
        mover.shown(m.tokens.clone()),
        "adopted the treaties of union on that day and"
    );
    assert_eq!(m.read_there_by, [collation.witness_index("1922").unwrap()]);
    assert!(m.to.end <= m.from.start, "moved earlier: {m:?}");
}

#[test]
fn the_apparatus_numbers_its_entries_apart_from_their_lemmas() {
    let collation = collate(&darwin(), &Normalization::wording());
    let apparatus = Apparatus::of(&collation, Base::Witness(0));
    let lines = apparatus.numbered_lines(&collation);
    assert!(
        lines[0].starts_with("[1] om. ] 1859 1860 1861; Causes of Variability 1866"),
        "{lines:#?}"
    );
    assert!(
        lines.iter().all(|l| !l.contains('\n')),
        "one line each: {lines:#?}"
    );
    let base = apparatus.marked_base_text();
    assert!(
        base.contains("generally differ much more[3] from each other"),
        "{base}"
    );
    assert!(lines[2].starts_with("[3] much more ] 1859"), "{lines:#?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever the witnesses (words, marks, Cyrillic, broken words, blank ones), the
    /// collation holds its invariants: each witness's tokens give its text back, every token
    /// stands in exactly one column in its order, the places cover the columns, the moves
    /// and the apparatus point inside them.
    #[test]
    fn any_witnesses_collate_into_a_table_that_holds_every_token_once(
        texts in proptest::collection::vec("[a-d ,.;\\-\nа-в]{0,60}", 2..5),
        exact in proptest::bool::ANY,
    ) {
        let given: Vec<WitnessText> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| WitnessText { id: format!("W{i}"), text: text.clone() })
            .collect();
        let normalization = if exact { Normalization::default() } else { Normalization::wording() };
        let collation = collate(&given, &normalization);
        for (w, witness) in collation.witnesses().iter().enumerate() {
            let again: String = (0..witness.tokens.len())
                .map(|t| witness.spanned(t..t + 1))
                .collect();
            proptest::prop_assert_eq!(&again, &given[w].text);
            let placed: Vec<u32> = collation
                .columns()
                .iter()
                .filter_map(|column| column[w])
                .collect();
            let expected: Vec<u32> = (0..witness.tokens.len() as u32).collect();
            proptest::prop_assert_eq!(placed, expected, "witness {} in order, once", w);
        }
        let mut next = 0;
        for place in collation.places() {
            proptest::prop_assert_eq!(place.columns.start, next);
            next = place.columns.end;
        }
        proptest::prop_assert_eq!(next, collation.columns().len());
        for m in collation.moves() {
            proptest::prop_assert!(m.from.end <= collation.columns().len());
            proptest::prop_assert!(m.to.end <= collation.columns().len());
            proptest::prop_assert!(m.tokens.end <= collation.witnesses()[m.witness].tokens.len());
        }
        let apparatus = Apparatus::of(&collation, Base::Majority);
        proptest::prop_assert_eq!(
            apparatus.numbered_lines(&collation).len(),
            apparatus.entries.len()
        );
    }

    /// A TEI file is written by others: damaged anywhere, with stray tags, references and
    /// unknown witnesses put in, it is read or refused, never a panic, and what is read
    /// collates.
    #[test]
    fn a_damaged_tei_collation_is_read_or_refused_never_a_panic(
        cut in 0usize..6000,
        length in 0usize..200,
        inserts in proptest::collection::vec(
            (0usize..6000, proptest::sample::select(vec![
                "<app>", "</app>", "<rdg wit=\"#nobody\">", "</rdg>", "<lem>", "<rdgGrp>",
                "&amp;", "&#xD800;", "&bogus;", "<witness xml:id=\"w1859\"/>", "]]>", "<![CDATA[",
                "<title>", "</title>", "\u{0}", "<TEI>",
            ])),
            0..6,
        ),
    ) {
        let collation = collate(&darwin(), &Normalization::wording());
        let mut xml = tei_parallel::write(&to_parallel(
            &collation,
            Base::Witness(0),
            "Darwin",
            "L",
            &[],
        ));
        let boundary = |xml: &str, at: usize| {
            let mut at = at.min(xml.len());
            while !xml.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let start = boundary(&xml, cut);
        let end = boundary(&xml, start + length);
        xml.replace_range(start..end, "");
        for (at, piece) in inserts {
            let at = boundary(&xml, at);
            xml.insert_str(at, piece);
        }
        if let Ok(document) = tei_parallel::read(&xml) {
            let witnesses = from_parallel(&document);
            let again = collate(&witnesses, &Normalization::wording());
            proptest::prop_assert_eq!(again.witnesses().len(), witnesses.len());
        }
    }
}
