use super::*;
use crate::bundled::bundled_library;
use crate::formats::w3c::W3cError;
use crate::model::annotation::default_categories;
use crate::model::w3c_import::from_w3c;

/// A note that a spreadsheet would run as a formula is written as text.
#[test]
fn csv_fields_are_never_formulas() {
    assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_field("+1"), "'+1");
    assert_eq!(csv_field("-2"), "'-2");
    assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_field("plain, with a comma"), "\"plain, with a comma\"");
    assert_eq!(csv_field("a-1"), "a-1");
}

fn sample(library: &Library) -> Vec<Annotation> {
    let text = library.get("lenin-1922-09-26-kamenev").unwrap();
    let byte = text
        .content()
        .find("Stalin tends to be somewhat hasty")
        .unwrap();
    let start = text.content()[..byte].chars().count();
    vec![
        Annotation {
            note: "Haste <script>alert(1)</script> & “care”, with a comma".into(),
            tags: vec!["stalin".into(), "tempo".into()],
            ..Annotation::new(
                "a1",
                text,
                (start..start + 33).into(),
                Some("question"),
                &"2026-11-27T00:00:00Z".into(),
            )
        },
        Annotation::new(
            "a2",
            text,
            (0..16).into(),
            None,
            &"2026-11-27T00:01:00Z".into(),
        ),
    ]
}

#[test]
fn w3c_export_reads_back_exactly() {
    let library = bundled_library();
    let categories = default_categories();
    let annotations = sample(&library);
    let refs: Vec<&Annotation> = annotations.iter().collect();
    let json = to_w3c(&refs, &library, &categories, &HashSet::new());
    let back = from_w3c(&json, &categories).unwrap();
    let mut expected = annotations.clone();
    expected.sort_by_key(|a| a.anchor.start);
    assert_eq!(back, expected);
}

#[test]
fn html_escapes_every_string_of_the_reader() {
    let library = bundled_library();
    let annotations = sample(&library);
    let refs: Vec<&Annotation> = annotations.iter().collect();
    let html = to_html(&refs, &library, &default_categories(), &HashSet::new());
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; “care”"));
    assert!(html.contains("Collected Works, vol. 42"));
}

#[test]
fn markdown_groups_by_text_and_category_with_citations() {
    let library = bundled_library();
    let annotations = sample(&library);
    let refs: Vec<&Annotation> = annotations.iter().collect();
    let markdown = to_markdown(&refs, &library, &default_categories(), &HashSet::new());
    let expected = "# Annotations\n\n\
        ## V. I. Lenin, “On the Establishment of the U.S.S.R.”, 26 September 1922 \
        (Collected Works, vol. 42, pp. 421–423)\n\n\
        ### Notes\n\n> Comrade\u{a0}Kamenev,\n\n\
        ### Question\n\n> Stalin tends to be somewhat hasty\n\n\
        Haste \\<script\\>alert(1)\\</script\\> & “care”, with a comma\n\n\
        Tags: stalin, tempo\n";
    assert_eq!(markdown, expected);
}

#[test]
fn csv_quotes_fields_with_commas_and_quotes() {
    let library = bundled_library();
    let annotations = sample(&library);
    let refs: Vec<&Annotation> = annotations.iter().collect();
    let csv = to_csv(&refs, &library, &default_categories(), &HashSet::new());
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].starts_with("id,text,citation,start,end,quote"));
    assert!(csv.contains("\"Haste <script>alert(1)</script> & “care”, with a comma\""));
    assert_eq!(lines.len(), 4, "header, two rows, and the final line end");
}

#[test]
fn an_import_into_an_empty_profile_reproduces_every_annotation_and_skips_duplicates() {
    use crate::model::notebook::Notebook;
    let library = bundled_library();
    let categories = default_categories();
    let annotations = sample(&library);
    let refs: Vec<&Annotation> = annotations.iter().collect();
    let json = to_w3c(&refs, &library, &categories, &HashSet::new());
    let mut profile = Notebook::default();
    let mut merge = |json: &str| {
        profile
            .merge_import(from_w3c(json, &categories).unwrap(), &library)
            .unwrap()
    };
    let report = merge(&json);
    assert_eq!((report.added, report.duplicates), (2, 0));
    let again = merge(&json);
    assert_eq!((again.added, again.duplicates), (0, 2));
    let foreign = json
        .replace(
            "https://www.marxists.org/archive/lenin/works/1922/sep/26.htm",
            "urn:other:x",
        )
        .replace(
            "\"lectern:textId\": \"lenin-1922-09-26-kamenev\"",
            "\"x\": 0",
        );
    let foreign = foreign.replace("urn:lectern:annotation:a", "urn:lectern:annotation:b");
    let report = merge(&foreign);
    for annotation in &annotations {
        assert_eq!(
            profile.annotations().get(&annotation.annotation_id),
            Some(annotation)
        );
    }
    assert_eq!(report.unknown_texts, 2, "{}", report.summary());
}

#[test]
fn a_quote_is_copied_with_its_citation_plain_and_as_markdown() {
    let library = bundled_library();
    let id = "lenin-1922-09-26-kamenev";
    assert_eq!(
        quote_with_citation(&library, id, " Stalin tends to be somewhat hasty. ", None),
        "“Stalin tends to be somewhat hasty.” (V. I. Lenin, “On the Establishment of the \
         U.S.S.R.”, 26 September 1922 (Collected Works, vol. 42, pp. 421–423))"
    );
    let markdown = quote_with_citation_markdown(&library, id, "one\n\ntwo", None);
    assert!(
        markdown.starts_with("> one\n> \n> two\n>\n> — V. I. Lenin"),
        "{markdown}"
    );
}

#[test]
fn unknown_json_is_refused_with_a_reason() {
    assert!(matches!(from_w3c("{", &[]), Err(W3cError::Json(_))));
    assert_eq!(from_w3c("{\"type\": \"Thing\"}", &[]), Err(W3cError::Empty));
}

#[test]
fn an_orphan_is_exported_as_such_and_never_with_a_position() {
    let library = bundled_library();
    let categories = default_categories();
    let annotations = sample(&library);
    let refs: Vec<&Annotation> = annotations.iter().collect();
    let orphan = annotations[0].annotation_id.clone();
    let orphans = HashSet::from([orphan.clone()]);

    let markdown = to_markdown(&refs, &library, &categories, &orphans);
    let (placed, orphaned) = markdown.split_once(ORPHANS_HEADING).unwrap();
    let words = |a: &Annotation| -> String {
        a.anchor
            .exact
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    assert!(orphaned.contains(&words(&annotations[0])), "{markdown}");
    assert!(!placed.contains(&words(&annotations[0])), "{markdown}");
    assert!(placed.contains(&words(&annotations[1])), "{markdown}");
    let html = to_html(&refs, &library, &categories, &orphans);
    assert!(
        html.contains(&format!("<h2>{ORPHANS_HEADING}</h2>")),
        "{html}"
    );

    let csv = to_csv(&refs, &library, &categories, &orphans);
    let row = csv.lines().find(|l| l.starts_with(&orphan)).unwrap();
    let start = format!(
        ",{},{},",
        annotations[0].anchor.start, annotations[0].anchor.end
    );
    assert!(!row.contains(&start), "no position: {row}");
    assert!(row.ends_with(",yes,annotation,"), "{row}");
    assert!(
        csv.lines()
            .filter(|l| l.ends_with(",no,annotation,"))
            .count()
            == 1,
        "{csv}"
    );

    let json: Value =
        serde_json::from_str(&to_w3c(&refs, &library, &categories, &orphans)).unwrap();
    let items = json["first"]["items"].as_array().unwrap();
    let item = items
        .iter()
        .find(|i| i["id"].as_str().unwrap().ends_with(&orphan))
        .unwrap();
    assert_eq!(item["lectern:orphaned"], Value::Bool(true));
    let selectors = item["target"]["selector"].as_array().unwrap();
    assert!(
        selectors
            .iter()
            .all(|s| s["type"] != "TextPositionSelector")
    );
    assert!(selectors.iter().any(|s| s["type"] == "TextQuoteSelector"));
    // Read back, the orphan keeps its quote and is placed by it when its text is there.
    let back = from_w3c(&to_w3c(&refs, &library, &categories, &orphans), &categories).unwrap();
    assert_eq!(back.len(), 2);
}
