use super::*;

fn take(paragraphs: &[&str]) -> (Vec<String>, Vec<(usize, usize, String)>) {
    let (kept, marks) = take_page_markers(paragraphs.iter().map(|p| (*p).to_owned()).collect());
    let marks = marks
        .into_iter()
        .map(|m| (m.paragraph, m.offset, m.label))
        .collect();
    (kept, marks)
}

#[test]
fn markers_in_english_russian_and_german_are_taken_out_and_kept_as_pages() {
    let (kept, marks) = take(&[
        "[p. 421] Comrade Kamenev, Stalin has probably [p. 422] already sent you",
        "the resolution [стр. 212] of his commission [S. 13] on entry /423/ into it.",
    ]);
    assert_eq!(
        kept,
        [
            "Comrade Kamenev, Stalin has probably already sent you",
            "the resolution of his commission on entry into it."
        ]
    );
    assert_eq!(
        marks,
        [
            (0, 0, "421".to_owned()),
            (0, 37, "422".to_owned()),
            (1, 15, "212".to_owned()),
            (1, 33, "13".to_owned()),
            (1, 42, "423".to_owned()),
        ]
    );
    assert_eq!(&kept[0][37..], "already sent you");
}

#[test]
fn a_marker_alone_begins_the_page_at_the_next_paragraph() {
    let (kept, marks) = take(&["First page.", "[p. xii]", "Second page.", "[p. 2]"]);
    assert_eq!(kept, ["First page.", "Second page."]);
    assert_eq!(
        marks,
        [(1, 0, "xii".to_owned())],
        "a marker after the end begins nothing"
    );
}

#[test]
fn what_only_looks_like_a_marker_stays() {
    let written = [
        "and/or 1/2 of 12/3/1922, [Stalin] and [sic] and [p. twelve] and [pp. 12345678901]",
        "a path /usr/329/ and [1]",
    ];
    let (kept, marks) = take(&written);
    assert_eq!(kept, written);
    assert!(marks.is_empty(), "{marks:?}");
}

#[test]
fn the_page_of_a_place_is_the_last_begun_at_or_before_it() {
    let (_, marks) = take_page_markers(vec![
        "one [p. 5] two".to_owned(),
        "three [p. 6] four".to_owned(),
    ]);
    assert_eq!(page_at(&marks, 0, 0), None);
    assert_eq!(page_at(&marks, 0, 4), Some("5"));
    assert_eq!(page_at(&marks, 1, 0), Some("5"));
    assert_eq!(page_at(&marks, 1, 6), Some("6"));
    assert_eq!(page_at(&marks, 9, 0), Some("6"));
}

#[test]
fn markers_in_lines_of_a_paragraph_leave_no_blank_line_nor_space_at_a_lines_end() {
    let (kept, marks) = take(&[
        "ends here\n[p. 330]\ngoes on",
        "a line [p. 5]\nnext line [p. 6], and more [p. 7].",
        "last words [p. 8]",
        "after",
    ]);
    assert_eq!(
        kept,
        [
            "ends here\ngoes on",
            "a line\nnext line, and more.",
            "last words",
            "after"
        ]
    );
    assert_eq!(
        marks,
        [
            (0, 10, "330".to_owned()),
            (1, 7, "5".to_owned()),
            (1, 16, "6".to_owned()),
            (1, 26, "7".to_owned()),
            (3, 0, "8".to_owned()),
        ],
        "a marker at a line's end begins its page at the next line"
    );
    // What is kept reads back from a text file as it was written.
    for paragraph in &kept {
        let read = crate::formats::text_format::split_paragraphs(paragraph);
        assert_eq!(read.len(), 1, "{paragraph:?}");
        assert_eq!(&read[0], paragraph);
    }
}

#[test]
fn a_circa_date_and_odd_letters_are_no_markers_and_never_panic() {
    let written = [
        "[c. 1450] and [p. K] and [p.İİİİ] and [стр.] and [p. ] and [] and [p. ⅻ]",
        "[P. 12] one [PP. 13] two",
    ];
    let (kept, marks) = take(&written);
    assert_eq!(kept, [written[0], "one two"]);
    assert_eq!(marks, [(1, 0, "12".to_owned()), (1, 4, "13".to_owned())]);
}

proptest::proptest! {
    /// Whatever markers, words, spaces and line breaks an imported file has, what is kept
    /// reads back from the profile's text file as it was, with every page within its body.
    #[test]
    fn what_is_kept_reads_back_from_a_text_file(
        paragraphs in proptest::collection::vec(
            proptest::collection::vec(
                proptest::sample::select(vec![
                    "word", "слово", " ", "  ", "\n", "[p. 12]", "[стр. 7]", "/329/", ",", ".",
                    "[Stalin]", "and/or", "[c. 1450]", "[p. xii]",
                ]),
                1..14,
            ),
            1..5,
        )
    ) {
        use crate::formats::text_format::{TextMeta, parse_text_file, split_paragraphs, write_text_file};
        // As the import makes paragraphs of a file: split at blank lines, line ends trimmed.
        let body = paragraphs.iter().map(|p| p.concat()).collect::<Vec<_>>().join("\n\n");
        let (kept, pages) = take_page_markers(split_paragraphs(&body));
        if kept.is_empty() {
            return Ok(());
        }
        let meta = TextMeta {
            id: "import-sample".into(),
            title: "Sample".into(),
            author: "A".into(),
            date: "1922".into(),
            language: "en".into(),
            source: "a file".into(),
            licence: "the reader's".into(),
            pages,
            ..TextMeta::default()
        };
        let paragraphs: Vec<&str> = kept.iter().map(String::as_str).collect();
        let file = write_text_file(&meta, &paragraphs);
        let read = parse_text_file("sample.txt", &file);
        proptest::prop_assert!(read.is_ok(), "{file}");
        let read = read.unwrap();
        proptest::prop_assert_eq!(&read.paragraphs, &kept);
        proptest::prop_assert_eq!(&read.meta.pages, &meta.pages);
    }
}
