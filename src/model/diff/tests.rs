use super::marks::word_count;
use super::tokens::{alphanumeric, lowers, push_lowercase};
use super::*;

proptest::proptest! {
    /// A cursor finds every character's byte as counting from the start does, on
    /// text of one- to four-byte characters, going forward, back and past the end.
    #[test]
    fn a_char_cursor_finds_what_counting_from_the_start_finds(
        text in "[a -~а-яё́€𝔄\n]{0,80}",
        targets in proptest::collection::vec(0usize..90, 1..12),
    ) {
        let mut cursor = CharCursor::new(&text);
        let length = text.chars().count();
        for n in targets {
            let expected = text.char_indices().nth(n).map_or(text.len(), |(b, _)| b);
            proptest::prop_assert_eq!(cursor.byte_of(n), expected, "character {}", n);
            proptest::prop_assert_eq!(cursor.position(), n.min(length));
        }
    }
}

#[test]
fn an_editors_sic_is_not_a_word_of_the_wording() {
    let stalin = "ограничившись принятем [sic] договоров с ними";
    let revised = "ограничившись принятием договоров с ними";
    for normalization in [Normalization::wording(), Normalization::default()] {
        let ops = diff(stalin, revised, &normalization);
        let (stalin_marks, revised_marks, counts) = marks(stalin, revised, &ops);
        assert_eq!(
            (counts.changed, counts.deleted, counts.inserted),
            (1, 0, 0),
            "{normalization:?}: {ops:?}"
        );
        for mark in &stalin_marks {
            assert!(
                !slice_chars(stalin, mark.range.clone()).contains("sic"),
                "{mark:?}"
            );
        }
        assert_eq!(revised_marks.len(), 1);
        // The ranges are the texts' own: every character is covered once, in order.
        let rebuilt: String = ops
            .iter()
            .filter(|op| op.kind != OpKind::Insert)
            .map(|op| slice_chars(stalin, op.a.range()))
            .collect();
        assert_eq!(rebuilt, stalin);
    }
}

#[test]
fn the_quick_letter_tests_agree_with_the_standard_library_for_every_character() {
    for ch in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        assert_eq!(alphanumeric(ch), ch.is_alphanumeric(), "{ch:?}");
        assert_eq!(lowers(ch), ch.to_lowercase().ne([ch]), "{ch:?}");
    }
}
#[test]
fn setting_aside_what_one_side_alone_has_keeps_the_longest_common_part() {
    let mut rng = SplitMix64::new(7);
    for round in 0..300 {
        // Lines as ids: some shared by both texts, some only in one.
        let length = |rng: &mut SplitMix64| rng.range(0, 60);
        let pick = |rng: &mut SplitMix64| rng.range(0, if round % 2 == 0 { 8 } else { 40 }) as u32;
        let a: Vec<u32> = (0..length(&mut rng)).map(|_| pick(&mut rng)).collect();
        let b: Vec<u32> = (0..length(&mut rng)).map(|_| pick(&mut rng)).collect();
        let ops = diff_ids(&a, &b);
        // The operations cover both sequences in order, and what they call equal is.
        let (mut i, mut j, mut equal) = (0, 0, 0);
        for (tag, old, new) in &ops {
            assert_eq!((old.start, new.start), (i, j), "round {round}: in order");
            if *tag == DiffTag::Equal {
                assert_eq!(a[old.clone()], b[new.clone()], "round {round}");
                equal += old.len();
            }
            (i, j) = (old.end, new.end);
        }
        assert_eq!((i, j), (a.len(), b.len()), "round {round}: all of both");
        // As many equal as the plain diff finds: nothing set aside could have matched.
        let plain: usize = capture_diff_slices(Algorithm::Myers, &a, &b)
            .iter()
            .map(|op| op.as_tag_tuple())
            .filter(|(tag, _, _)| *tag == DiffTag::Equal)
            .map(|(_, old, _)| old.len())
            .sum();
        assert_eq!(equal, plain, "round {round}: {a:?} / {b:?}");
    }
}

#[test]
fn a_char_index_slices_as_slice_chars_does_with_or_without_a_table() {
    // Longer than a stride of the table, with letters of two and one bytes.
    let long = "Формальное объединение вместе с РСФСР в союз советских республик Европы и \
                Азии — formal unification with the R.S.F.S.R. in a Union of Soviet \
                Republics of Europe and Asia. "
        .repeat(2);
    for text in [
        "",
        "plain ASCII words",
        "Сталин and Ленин — «вступление»",
        "é",
        long.as_str(),
    ] {
        let index = CharIndex::new(text);
        let length = text.chars().count();
        assert_eq!(index.len(), length, "{text}");
        assert_eq!(index.is_empty(), text.is_empty());
        for start in 0..=length + 1 {
            for end in start..=length + 2 {
                assert_eq!(
                    index.slice(start..end),
                    slice_chars(text, start.min(length)..end.min(length)),
                    "{text} {start}..{end}"
                );
            }
        }
    }
}

use crate::model::generate::SplitMix64;

fn rebuild(text: &str, ops: &[Op], keep: OpKind, first: bool) -> String {
    let index = CharIndex::new(text);
    ops.iter()
        .filter(|op| op.kind == OpKind::Equal || op.kind == keep)
        .map(|op| index.slice(if first { op.a.range() } else { op.b.range() }))
        .collect()
}

fn assert_reconstructs(a: &str, b: &str, normalization: &Normalization) {
    let ops = diff(a, b, normalization);
    assert_eq!(
        rebuild(a, &ops, OpKind::Delete, true),
        a,
        "first witness from {ops:?}"
    );
    assert_eq!(
        rebuild(b, &ops, OpKind::Insert, false),
        b,
        "second witness from {ops:?}"
    );
}

const STALIN_EN: &str = "To consider it expedient to conclude a treaty between the Soviet \
    republics of Ukraine, Belorussia, Azerbaijan, Georgia, Armenia and the RSFSR on the formal \
    entry of the former into the RSFSR";
const LENIN_EN: &str = "To consider it expedient to conclude a treaty between the Soviet \
    republics of Ukraine, Belorussia, Azerbaijan, Georgia, Armenia and the RSFSR on formal \
    unification with the R.S.F.S.R. in a Union of Soviet Republics of Europe and Asia";

#[test]
fn real_pairs_reconstruct_both_witnesses_under_every_normalisation() {
    let pairs = [
        (STALIN_EN, LENIN_EN),
        (
            "о формальном вступлении первых в состав РСФСР",
            "Формальное объединение вместе с РСФСР в союз советских республик Европы и Азии",
        ),
        (
            "in substance a scoundrel and a tyrant",
            "in substance a rascal and a tyrant",
        ),
        ("", "only in the second"),
        ("only in the first", ""),
    ];
    for (a, b) in pairs {
        for normalization in [Normalization::default(), Normalization::wording()] {
            assert_reconstructs(a, b, &normalization);
        }
    }
}

#[test]
fn random_pairs_reconstruct_both_witnesses() {
    let words = [
        "the",
        "union",
        "союз",
        "ერთობა",
        ",",
        " ",
        "  ",
        "«",
        "»",
        "Ё",
        "ё",
        "—",
        "R.S.F.S.R.",
        "\n",
    ];
    let mut rng = SplitMix64::new(9);
    for _ in 0..300 {
        let mut make = || -> String {
            (0..rng.range(0, 25))
                .map(|_| words[rng.range(0, words.len() - 1)])
                .collect()
        };
        let (a, b) = (make(), make());
        let normalization = Normalization {
            ignore_case: rng.range(0, 1) == 1,
            ignore_punctuation: rng.range(0, 1) == 1,
            unify_quotes_and_dashes: rng.range(0, 1) == 1,
            collapse_whitespace: rng.range(0, 1) == 1,
            yo_as_ye: rng.range(0, 1) == 1,
        };
        assert_reconstructs(&a, &b, &normalization);
    }
}

#[test]
fn entry_against_unification_are_the_changed_words() {
    let ops = diff(STALIN_EN, LENIN_EN, &Normalization::wording());
    let deleted: Vec<&str> = ops
        .iter()
        .filter(|op| op.kind == OpKind::Delete)
        .map(|op| slice_chars(STALIN_EN, op.a.range()))
        .collect();
    let inserted: Vec<&str> = ops
        .iter()
        .filter(|op| op.kind == OpKind::Insert)
        .map(|op| slice_chars(LENIN_EN, op.b.range()))
        .collect();
    assert!(deleted.iter().any(|d| d.contains("entry")), "{deleted:?}");
    assert!(
        inserted.iter().any(|i| i.contains("unification")),
        "{inserted:?}"
    );
    // The long shared opening is one equal operation.
    let first = &ops[0];
    assert_eq!(first.kind, OpKind::Equal);
    assert!(slice_chars(STALIN_EN, first.a.range()).ends_with("Armenia and the RSFSR on "));
}

#[test]
fn normalisation_changes_equality_never_the_shown_text() {
    let a = "«Союз» — ещё";
    let b = "\"союз\" - еще";
    let strict = diff(a, b, &Normalization::default());
    assert!(strict.iter().any(|op| op.kind != OpKind::Equal));
    let loose = diff(a, b, &Normalization::wording());
    assert!(loose.iter().all(|op| op.kind == OpKind::Equal), "{loose:?}");
    // The equal ranges still show each witness's own characters.
    assert_eq!(rebuild(a, &loose, OpKind::Delete, true), a);
    assert_eq!(rebuild(b, &loose, OpKind::Insert, false), b);
}

fn marked<'a>(text: &'a str, marks: &[Marked]) -> Vec<(&'a str, Mark)> {
    marks
        .iter()
        .map(|m| (slice_chars(text, m.range.clone()), m.mark))
        .collect()
}

#[test]
fn unrelated_wordings_are_not_stitched_together_by_articles() {
    let a = "the entry of the former into the RSFSR";
    let b = "unification with the R.S.F.S.R. in a Union of the Soviet Republics";
    let ops = diff(a, b, &Normalization::wording());
    // Not "the" matched to "the": one replacement of the whole.
    assert_eq!(ops.len(), 2, "{ops:?}");
    assert_eq!(ops[0].kind, OpKind::Delete);
    assert_eq!(ops[1].kind, OpKind::Insert);
}

#[test]
fn a_word_changed_by_a_letter_is_marked_inside_the_word() {
    let a = "ограничившись принятем договоров";
    let b = "ограничившись принятием договоров";
    let ops = diff(a, b, &Normalization::default());
    let (in_a, in_b, counts) = marks(a, b, &ops);
    assert!(in_a.is_empty(), "{in_a:?}");
    assert_eq!(marked(b, &in_b), [("и", Mark::Changed)]);
    assert_eq!(counts.changed, 1);
    // Whole words otherwise.
    let (a, b) = ("formal entry of", "formal unification of");
    let (in_a, in_b, counts) = marks(a, b, &diff(a, b, &Normalization::default()));
    assert_eq!(marked(a, &in_a), [("entry", Mark::Changed)]);
    assert_eq!(marked(b, &in_b), [("unification", Mark::Changed)]);
    assert_eq!(counts.summary(), "1 word changed");
}

#[test]
fn ignored_punctuation_is_not_a_difference_and_stays_shown() {
    let a = "Clause 1, instead of “entry”, to put";
    let b = "Clause 1 instead of entry to put";
    let ops = diff(a, b, &Normalization::wording());
    assert!(ops.iter().all(|op| op.kind == OpKind::Equal), "{ops:?}");
    let strict = diff(a, b, &Normalization::default());
    let (in_a, _, counts) = marks(a, b, &strict);
    assert!(
        marked(a, &in_a).iter().any(|(t, _)| t.contains('“')),
        "{in_a:?}"
    );
    assert_eq!(
        counts.changed + counts.deleted + counts.inserted,
        0,
        "no word differs"
    );
}

#[test]
fn removals_and_additions_are_counted_in_words() {
    let a = "We enter a new union.";
    let b = "We enter, on an equal basis, a new union of republics.";
    let (_, in_b, counts) = marks(a, b, &diff(a, b, &Normalization::wording()));
    assert_eq!(counts.inserted, 6, "{counts:?}");
    assert!(in_b.iter().all(|m| m.mark == Mark::Inserted));
    assert_eq!(counts.summary(), "6 words added");
}

#[test]
fn inflected_forms_pair_by_stem_and_only_their_endings_are_marked() {
    let a = "о формальном вступлении первых";
    let b = "Формальное объединение вместе";
    let (in_a, in_b, _) = marks(a, b, &diff(a, b, &Normalization::wording()));
    let a_marked: Vec<&str> = marked(a, &in_a).into_iter().map(|(t, _)| t).collect();
    let b_marked: Vec<&str> = marked(b, &in_b).into_iter().map(|(t, _)| t).collect();
    assert!(a_marked.contains(&"м"), "{a_marked:?}");
    assert!(b_marked.contains(&"е"), "{b_marked:?}");
    assert!(
        a_marked.iter().any(|t| t.contains("вступлении")),
        "{a_marked:?}"
    );
    assert!(
        b_marked.iter().any(|t| t.contains("объединение")),
        "{b_marked:?}"
    );
    assert!(
        a_marked.iter().all(|t| !t.contains("ормальн")),
        "the shared stem stays unmarked: {a_marked:?}"
    );
}

#[test]
fn long_edited_witnesses_reconstruct_line_by_line_too() {
    use crate::model::generate::{edited, paragraphs};
    for seed in 0..12 {
        let a = paragraphs(seed, 6_000).join("\n\n");
        let b = edited(&a, seed + 100, 30);
        for normalization in [Normalization::default(), Normalization::wording()] {
            assert_reconstructs(&a, &b, &normalization);
        }
    }
}

#[test]
fn long_witnesses_compared_on_several_threads_reconstruct() {
    use crate::model::generate::{edited, paragraphs};
    let a = paragraphs(5, 260_000).join("\n\n");
    let b = edited(&a, 6, 20);
    assert!(a.len() + b.len() > 2 * PARALLEL_WORK);
    assert_reconstructs(&a, &b, &Normalization::default());
}

/// The units of `text` as strings.
fn unit_texts<'t>(text: &'t str, normalization: &Normalization) -> Vec<&'t str> {
    let units = Units::of(text, normalization);
    units.ranges.iter().map(|r| &text[r.clone()]).collect()
}

#[test]
fn units_are_cut_after_sentences_and_lines_and_a_blank_one_joins_the_one_before() {
    let text = "One. Two!\n\nThree? «Four.» Five…  Six (3.5 and R.S.F.S.R. too)\n\n";
    for normalization in [Normalization::wording(), Normalization::default()] {
        assert_eq!(
            unit_texts(text, &normalization),
            [
                "One. ",
                "Two!\n\n",
                "Three? ",
                "«Four.» ",
                "Five…  ",
                "Six (3.5 and R.S.F.S.R. ",
                "too)\n\n"
            ],
            "{normalization:?}"
        );
    }
    // What wording ignores is blank under it: a line of dashes joins the line before.
    assert_eq!(
        unit_texts("Text.\n— — —\nMore", &Normalization::wording()),
        ["Text.\n— — —\n", "More"]
    );
    assert_eq!(
        unit_texts("Text.\n— — —\nMore", &Normalization::default()),
        ["Text.\n", "— — —\n", "More"]
    );
    // Blank lines before any text stay a unit of their own.
    assert_eq!(
        unit_texts("\n\nText.", &Normalization::default()),
        ["\n\n", "Text."]
    );
}

/// What a unit is compared as, character by character: the rule [`Folder`] looks up.
fn folded_one_by_one(text: &str, normalization: &Normalization) -> String {
    let mut key = String::new();
    let mut in_space = false;
    for ch in text.chars() {
        if normalization.collapse_whitespace && ch.is_whitespace() {
            if !in_space {
                key.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        if let Some(ch) = normalization.fold(ch) {
            if normalization.ignore_case {
                push_lowercase(&mut key, ch);
            } else {
                key.push(ch);
            }
        }
    }
    key
}

/// Where units end, found the slow way: after each line break, and after the end of a
/// sentence, its closing marks and white space when something other than a line break
/// follows.
fn unit_ends_one_by_one(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut ends = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i].1;
        i += 1;
        if ch == '\n' {
            ends.push(byte(i));
            continue;
        }
        if !matches!(ch, '.' | '!' | '?' | '…') {
            continue;
        }
        while i < chars.len() && "\"')]»”’“".contains(chars[i].1) {
            i += 1;
        }
        let spaced = i;
        while i < chars.len() && matches!(chars[i].1, ' ' | '\t' | '\r' | '\x0c') {
            i += 1;
        }
        if i > spaced && i < chars.len() && chars[i].1 != '\n' {
            ends.push(byte(i));
        }
    }
    if ends.last() != Some(&text.len()) && !text.is_empty() {
        ends.push(text.len());
    }
    ends
}

/// What the texts of the test below are made of: words, white space, punctuation and the
/// odd character, each as a piece.
const PIECES: [&str; 38] = [
    "the",
    "ǅ",
    "\x01",
    "War",
    "RSFSR",
    "R.S.F.S.R.",
    "3.5",
    "don't",
    "съезд",
    "Ёлка",
    "ёж",
    "ѣ",
    "İ",
    "é",
    "e\u{301}",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\x0b",
    "\u{a0}",
    ".",
    ". ",
    "?!",
    "…",
    "»",
    "”",
    ")",
    "'",
    ",",
    "—",
    "-",
    "«",
    "\"",
];

/// What a token is compared as, character by character: the rule [`Normalization::key`]
/// takes short cuts to.
fn token_key_one_by_one(token: &str, normalization: &Normalization) -> String {
    if normalization.collapse_whitespace && token.chars().all(char::is_whitespace) {
        return " ".into();
    }
    let mut key = String::new();
    for ch in token.chars().filter_map(|ch| normalization.fold(ch)) {
        if normalization.ignore_case {
            push_lowercase(&mut key, ch);
        } else {
            key.push(ch);
        }
    }
    key
}

/// Every combination of the normalisation's switches.
fn every_normalization() -> impl Iterator<Item = Normalization> {
    (0..32).map(|switches: u32| {
        let on = |bit: u32| switches & (1 << bit) != 0;
        Normalization {
            ignore_case: on(0),
            ignore_punctuation: on(1),
            unify_quotes_and_dashes: on(2),
            collapse_whitespace: on(3),
            yo_as_ye: on(4),
        }
    })
}

proptest::proptest! {
    /// Every token's key is what folding its characters one by one gives, under every
    /// combination of the normalisation's switches.
    #[test]
    fn token_keys_are_their_characters_folded_one_by_one(
        pieces in proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..40),
    ) {
        let text = pieces.concat();
        for normalization in every_normalization() {
            for token in split_tokens(&text) {
                let expected = if normalization == Normalization::default() {
                    token.to_owned()
                } else {
                    token_key_one_by_one(token, &normalization)
                };
                proptest::prop_assert_eq!(normalization.key(token), expected, "{:?}", token);
            }
        }
    }

    /// The units' keys are what folding each character in turn gives, under every
    /// normalisation, and the units are cut where the slow reading cuts them (before
    /// blank ones are joined).
    #[test]
    fn units_fold_and_cut_as_the_slow_reading_does(
        pieces in proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..40),
    ) {
        let text = pieces.concat();
        for normalization in every_normalization() {
            let units = Units::of(&text, &normalization);
            let keys: Vec<u8> = units.keys().flatten().copied().collect();
            let expected = if normalization == Normalization::default() {
                text.clone()
            } else {
                folded_one_by_one(&text, &normalization)
            };
            proptest::prop_assert_eq!(String::from_utf8(keys).unwrap(), expected);
            let ends: Vec<usize> = units.ranges.iter().map(|r| r.end).collect();
            let slow = unit_ends_one_by_one(&text);
            // Joining blank units only removes cuts.
            proptest::prop_assert!(ends.iter().all(|end| slow.contains(end)), "{:?} {:?}", ends, slow);
            proptest::prop_assert_eq!(units.ranges.first().map_or(0, |r| r.start), 0);
            proptest::prop_assert_eq!(ends.last().copied().unwrap_or(0), text.len());
            for (range, next) in units.ranges.iter().zip(units.ranges.iter().skip(1)) {
                proptest::prop_assert_eq!(range.end, next.start);
            }
            // A unit after the first is never blank.
            for key in units.keys().skip(1) {
                let key = std::str::from_utf8(key).unwrap();
                proptest::prop_assert!(!key.chars().all(char::is_whitespace), "{:?}", key);
            }
        }
    }
}

#[test]
fn joined_paragraphs_do_not_shift_the_comparison_of_the_paragraphs_after_them() {
    use crate::model::generate::{edited, paragraphs};
    // Every paragraph changed a little, and the first two joined into one.
    let parts = paragraphs(3, 40_000);
    let a = parts.join("\n\n");
    let mut b = edited(&a, 4, 20);
    let first_break = b.find("\n\n").unwrap();
    b.replace_range(first_break..first_break + 2, " ");
    for normalization in [Normalization::wording(), Normalization::default()] {
        let ops = diff(&a, &b, &normalization);
        let words_changed: usize = ops
            .iter()
            .filter(|op| op.kind != OpKind::Equal)
            .map(|op| {
                word_count(slice_chars(&a, op.a.range()))
                    + word_count(slice_chars(&b, op.b.range()))
            })
            .sum();
        let words = word_count(&a);
        // About two words in a hundred were edited: far fewer than a paragraph's worth
        // in each of the ones after the join.
        assert!(
            words_changed * 20 < words,
            "{words_changed} of {words} words marked ({normalization:?})"
        );
    }
}

#[test]
fn a_paragraph_break_is_white_space_to_the_wording() {
    let (a, b) = (
        "First line.\nSecond.\n\nThird one here.\n",
        "First line.\nSecond. Third one here.\n",
    );
    let wording = diff(a, b, &Normalization::wording());
    assert!(
        wording.iter().all(|op| op.kind == OpKind::Equal),
        "{wording:?}"
    );
    // Compared exactly, the break is the one difference.
    let exact = diff(a, b, &Normalization::default());
    let changed: Vec<(&str, &str)> = exact
        .iter()
        .filter(|op| op.kind != OpKind::Equal)
        .map(|op| (slice_chars(a, op.a.range()), slice_chars(b, op.b.range())))
        .collect();
    assert!(!changed.is_empty());
    assert!(
        changed
            .iter()
            .all(|(x, y)| x.trim().is_empty() && y.trim().is_empty()),
        "{changed:?}"
    );
}

/// The words the mirror tests draw from: a shared vocabulary with repeats, case changes,
/// punctuation, quotation marks and dashes, ё/е, white space, sentence ends and line
/// breaks, so that alignments tie and the clean-up has short words to absorb.
const MIRROR_WORDS: [&str; 22] = [
    "the",
    "The",
    "THE",
    "union",
    "Union",
    "of",
    "republics",
    "республик",
    "союз",
    "Союз",
    "ёлка",
    "елка",
    ",",
    ".",
    ";",
    "«",
    "»",
    "\"",
    "—",
    "-",
    "R.S.F.S.R.",
    "RSFSR",
];

/// A witness from `words` (indices into [`MIRROR_WORDS`]), a space between words and a
/// line break after every `line`th one.
fn mirror_text(words: &[usize], line: usize) -> String {
    let mut text = String::new();
    for (n, &word) in words.iter().enumerate() {
        if n > 0 {
            text.push(if n % line == 0 { '\n' } else { ' ' });
        }
        text.push_str(MIRROR_WORDS[word % MIRROR_WORDS.len()]);
    }
    text
}

/// `words` edited: each edit replaces, inserts or removes a word, or moves a stretch of
/// words elsewhere.
fn mirror_edited(words: &[usize], edits: &[(u8, usize, usize)]) -> Vec<usize> {
    let mut edited = words.to_vec();
    for &(kind, at, word) in edits {
        let at = at % (edited.len() + 1);
        match kind % 4 {
            0 if at < edited.len() => edited[at] = word,
            1 => edited.insert(at, word),
            2 if at < edited.len() => {
                edited.remove(at);
            }
            3 => {
                // A move: up to four words taken out and put back `word` places on.
                let end = (at + 1 + word % 4).min(edited.len());
                let moved: Vec<usize> = edited.drain(at.min(end)..end).collect();
                let to = (at + word) % (edited.len() + 1);
                edited.splice(to..to, moved);
            }
            _ => {}
        }
    }
    edited
}

/// Marks as the other witness would see them: removed is added and added removed.
fn mirrored_marks(marks: &[Marked]) -> Vec<Marked> {
    marks
        .iter()
        .map(|m| Marked {
            range: m.range.clone(),
            mark: match m.mark {
                Mark::Deleted => Mark::Inserted,
                Mark::Inserted => Mark::Deleted,
                Mark::Changed => Mark::Changed,
            },
        })
        .collect()
}

/// Checks that the diff, counts and marks of `b` against `a` mirror those of `a` against
/// `b`, and that both diffs rebuild both witnesses.
fn assert_mirrors(a: &str, b: &str, normalization: &Normalization) {
    let forward = diff(a, b, normalization);
    let backward = diff(b, a, normalization);
    assert_eq!(
        backward,
        mirrored(&forward),
        "{a:?} / {b:?} ({normalization:?})"
    );
    assert_eq!(mirrored(&backward), forward, "mirrored twice");
    assert_reconstructs(a, b, normalization);
    assert_reconstructs(b, a, normalization);
    let (a_marks, b_marks, counts) = marks(a, b, &forward);
    let (b_marks_back, a_marks_back, counts_back) = marks(b, a, &backward);
    assert_eq!(counts_back, counts.mirrored(), "{a:?} / {b:?}");
    assert_eq!(counts_back.changed, counts.changed);
    assert_eq!(a_marks_back, mirrored_marks(&a_marks), "{a:?} / {b:?}");
    assert_eq!(b_marks_back, mirrored_marks(&b_marks), "{a:?} / {b:?}");
}

proptest::proptest! {
    /// Whichever witness stands first, the diff is the same one seen from the other side:
    /// its operations mirrored, removals and additions traded in the counts and marks,
    /// the number of changed words the same. On word sequences drawn from a small shared
    /// vocabulary (where alignments tie), edited by replacements, insertions, removals
    /// and moves, in lines long enough that some pairs are compared unit by unit first.
    #[test]
    fn a_diff_from_the_other_witness_is_its_mirror(
        words in proptest::collection::vec(0usize..64, 0..40),
        edits in proptest::collection::vec((0u8..4, 0usize..48, 0usize..64), 0..8),
        line in 1usize..12,
        switches in 0u32..32,
    ) {
        let normalization = every_normalization().nth(switches as usize).unwrap();
        let a = mirror_text(&words, line);
        let b = mirror_text(&mirror_edited(&words, &edits), line.max(2) - 1);
        assert_mirrors(&a, &b, &normalization);
        // A witness against itself is its own mirror.
        assert_mirrors(&a, &a, &normalization);
    }
}

#[test]
fn a_diff_of_long_witnesses_from_the_other_side_is_its_mirror() {
    use crate::model::generate::{edited, paragraphs};
    // Long enough to be compared unit by unit, and on several threads.
    for (seed, size) in [(5, 20_000), (6, 300_000)] {
        let a = paragraphs(seed, size).join("\n\n");
        let b = edited(&a, seed + 10, 200).replacen("\n\n", " ", 3);
        for normalization in [Normalization::wording(), Normalization::default()] {
            let forward = diff(&a, &b, &normalization);
            assert!(forward.iter().any(|op| op.kind != OpKind::Equal));
            assert_eq!(diff(&b, &a, &normalization), mirrored(&forward));
            let (forward_counts, backward_counts) = (
                counts(&a, &b, &forward),
                counts(&b, &a, &mirrored(&forward)),
            );
            assert!(!forward_counts.is_same());
            assert_eq!(backward_counts, forward_counts.mirrored());
        }
    }
}

#[test]
fn clause_1_pairs_mirror_in_both_orders() {
    // Stalin's English draft against Lenin's amendment and against the revised draft.
    let revised = "To recognise as necessary the conclusion of a treaty between Ukraine, \
        Belorussia, the Federation of Transcaucasian Republics and the RSFSR on their \
        unification in a 'Union of Socialist Soviet Republics', each of them retaining the \
        right of free secession from the Union.";
    for other in [LENIN_EN, revised] {
        for (_, normalization) in PROFILES {
            assert_mirrors(STALIN_EN, other, &normalization);
        }
    }
}
