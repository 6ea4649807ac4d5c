use super::*;
use crate::formats::text_format::parse_text_file;

fn kamenev() -> TextMeta {
    let source = include_str!("../../../resources/texts/01-lenin-1922-09-26-letter-to-kamenev.txt");
    parse_text_file("01.txt", source).unwrap().meta
}

#[test]
fn a_name_is_split_into_family_and_given_unless_it_is_one_name() {
    assert_eq!(
        Name::parse("V. I. Lenin"),
        Name {
            family: Some("Lenin".into()),
            given: Some("V. I.".into()),
            literal: None
        }
    );
    assert_eq!(
        Name::parse("World-Outlook (editorial introduction)")
            .literal
            .as_deref(),
        Some("World-Outlook")
    );
    let (made, edited) = names("Andrew Rothstein; edited by Yuri Sdobnikov");
    assert_eq!(made[0].family.as_deref(), Some("Rothstein"));
    assert_eq!(edited[0].family.as_deref(), Some("Sdobnikov"));
    let (two, _) = names("David Skvirsky and George Hanna");
    assert_eq!(two.len(), 2);
    assert_eq!(two[1].given.as_deref(), Some("George"));
}

#[test]
fn the_letter_to_kamenev_is_a_chapter_of_the_collected_works_with_its_pages() {
    let reference = Reference::of_text(&kamenev());
    assert_eq!(reference.id, "lenin-1922-09-26-kamenev");
    assert_eq!(reference.kind, "chapter");
    assert_eq!(
        reference.title,
        "On the Establishment of the U.S.S.R.: Letter to L. B. Kamenev for Members of the Politbureau"
    );
    assert_eq!(
        reference.container_title.as_deref(),
        Some("Collected Works")
    );
    assert_eq!(reference.volume.as_deref(), Some("42"));
    assert_eq!(reference.page.as_deref(), Some("421–423"));
    assert_eq!(reference.issued, Date::parse("1922-09-26"));
    assert_eq!(reference.translator[0].family.as_deref(), Some("Isaacs"));
    assert_eq!(reference.genre.as_deref(), Some("letter"));
}

#[test]
fn csl_json_is_read_back_as_written() {
    let written = vec![Reference::of_text(&kamenev())];
    let json = csl_json(&written);
    assert!(
        json.contains("\"container-title\": \"Collected Works\""),
        "{json}"
    );
    assert!(json.contains("\"date-parts\""), "{json}");
    assert!(json.contains("\"URL\""), "{json}");
    assert_eq!(read_csl_json(&json).unwrap(), written);
    assert!(read_csl_json("42").is_err());
    assert!(read_csl_json("{\"id\": 3}").is_err());
}

#[test]
fn bibtex_escapes_what_would_end_a_value_and_ris_keeps_a_record_a_line_each() {
    let mut reference = Reference::of_text(&kamenev());
    reference.title = "Braces {and} 50% & $ # _ \\ end".into();
    let bib = bibtex(std::slice::from_ref(&reference));
    assert!(
        bib.starts_with("@incollection{lenin-1922-09-26-kamenev,\n"),
        "{bib}"
    );
    assert!(
        bib.contains("title = {{Braces \\{and\\} 50\\% \\& \\$ \\# \\_ \\textbackslash{} end}}"),
        "{bib}"
    );
    assert!(bib.contains("pages = {421--423}"), "{bib}");
    assert!(bib.contains("author = {Lenin, V. I.}"), "{bib}");
    assert!(bib.contains("date = {1922-09-26}"), "{bib}");

    reference.title = "Two\nlines".into();
    let ris = ris(&[reference]);
    assert!(ris.starts_with("TY  - CHAP\r\n"), "{ris}");
    assert!(ris.contains("TI  - Two lines\r\n"), "{ris}");
    assert!(ris.contains("SP  - 421\r\nEP  - 423\r\n"), "{ris}");
    assert!(ris.contains("DA  - 1922/09/26/\r\n"), "{ris}");
    assert!(ris.ends_with("ER  - \r\n"), "{ris}");
}

#[test]
fn a_text_printed_nowhere_is_a_manuscript() {
    let meta = TextMeta {
        id: "import-notes".into(),
        title: "Notes".into(),
        author: "unknown".into(),
        date: "undated".into(),
        source: "a file".into(),
        ..TextMeta::default()
    };
    let reference = Reference::of_text(&meta);
    assert_eq!(reference.kind, "manuscript");
    assert!(reference.author.is_empty());
    assert_eq!(reference.issued, None);
    assert!(bibtex(std::slice::from_ref(&reference)).starts_with("@unpublished{import-notes,"));
    assert!(ris(&[reference]).starts_with("TY  - UNPB\r\n"));
}

#[test]
fn a_better_bibtex_entry_is_read_with_its_people_volume_and_pages() {
    let bib = r#"
@incollection{lenin_establishment_1922,
  title = {On the {Establishment} of the {U.S.S.R.}},
  booktitle = {Collected Works},
  author = {Lenin, V. I.},
  translator = {Isaacs, Bernard},
  volume = {42},
  pages = {421--423},
  date = {1922-09-26},
  langid = {english},
  url = {https://www.marxists.org/archive/lenin/works/1922/sep/26.htm}
}
@book{soldatenko_2017, title = {Украина в водовороте внешнеполитических альтернатив},
  author = {Солдатенко, В. Ф.}, year = {2017}}
"#;
    let read = read_bibtex(bib).unwrap();
    assert_eq!(read.len(), 2);
    let lenin = &read[0];
    assert_eq!(lenin.id, "lenin_establishment_1922");
    assert_eq!(lenin.kind, "chapter");
    assert_eq!(lenin.title, "On the Establishment of the U.S.S.R.");
    assert_eq!(lenin.authors_written().as_deref(), Some("V. I. Lenin"));
    assert_eq!(
        lenin.translators_written().as_deref(),
        Some("Bernard Isaacs")
    );
    assert_eq!(lenin.sortable_date().as_deref(), Some("1922-09-26"));
    assert_eq!(
        lenin.printed().as_deref(),
        Some("Collected Works, vol. 42, pp. 421–423")
    );
    let book = &read[1];
    assert_eq!(book.kind, "book");
    assert_eq!(book.authors_written().as_deref(), Some("В. Ф. Солдатенко"));
    assert_eq!(book.sortable_date().as_deref(), Some("2017"));
    assert!(read_bibtex("@book{broken, title = {unclosed").is_err());
}

#[test]
fn what_lectern_writes_it_reads_back_as_the_same_metadata() {
    let written = Reference::of_text(&kamenev());
    for read in [
        read_any(&csl_json(std::slice::from_ref(&written))).unwrap(),
        read_any(&bibtex(std::slice::from_ref(&written))).unwrap(),
    ] {
        let back = &read[0];
        assert_eq!(back.authors_written().as_deref(), Some("V. I. Lenin"));
        assert_eq!(
            back.translators_written().as_deref(),
            Some("Bernard Isaacs")
        );
        assert_eq!(back.sortable_date().as_deref(), Some("1922-09-26"));
        assert_eq!(
            back.printed().as_deref(),
            Some("Collected Works, vol. 42, pp. 421–423")
        );
    }
}

#[test]
fn csl_json_as_zotero_writes_it_is_read() {
    // Zotero writes a year as a string; CSL allows numbers for an id, a volume and pages; an
    // item may have no title, or a date Lectern cannot read.
    let zotero = r#"[{"id": 7, "type": "chapter", "volume": 42, "page": 421,
        "author": [{"family": "Lenin", "given": "V. I."}],
        "issued": {"date-parts": [["1922", 9, "26"]]}},
        {"id": "b", "type": "book", "title": "T", "issued": {"season": 2, "raw": "spring"}}]"#;
    let read = read_csl_json(zotero).unwrap();
    assert_eq!(read[0].id, "7");
    assert_eq!(read[0].volume.as_deref(), Some("42"));
    assert_eq!(read[0].page.as_deref(), Some("421"));
    assert_eq!(read[0].title, "");
    assert_eq!(read[0].sortable_date().as_deref(), Some("1922-09-26"));
    assert_eq!(
        read[1].issued, None,
        "an unreadable date is left out, not the item"
    );
}

#[test]
fn a_references_language_is_its_primary_tag() {
    for (written, tag) in [
        ("en-US", Some("en")),
        ("ru-RU", Some("ru")),
        ("Russian", Some("ru")),
        ("english", Some("en")),
        ("de_DE", Some("de")),
        ("Klingon language", None),
    ] {
        assert_eq!(primary_language(written).as_deref(), tag, "{written}");
    }
}
