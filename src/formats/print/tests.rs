use super::*;

fn plain(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

#[test]
fn the_markdown_of_the_exports_reads_as_blocks_with_their_styles() {
    let markdown = "# Notes on the \\*union\\*\n\nIntro line one\nline two.\n\n## Letter\n\n\
        > Comrade Kamenev!\n> You have\n>\n> probably\n\n- *Question*: why **entry**?\n  \
        goes on\n  - nested\n3. third\n\n---\n\nSee [the letter](https://example.org/26.htm) \\[p. 422\\]";
    let blocks = from_markdown(markdown, Marks::Notes);
    assert_eq!(blocks.len(), 10, "{blocks:#?}");
    assert!(matches!(&blocks[0], Block::Heading(1, s) if plain(s) == "Notes on the *union*"));
    assert!(matches!(&blocks[1], Block::Paragraph(s) if plain(s) == "Intro line one line two."));
    assert!(matches!(&blocks[2], Block::Heading(2, s) if plain(s) == "Letter"));
    assert!(matches!(&blocks[3], Block::Quote(s) if plain(s) == "Comrade Kamenev! You have"));
    assert!(matches!(&blocks[4], Block::Quote(s) if plain(s) == "probably"));
    let Block::Item {
        depth: 0,
        bullet,
        spans,
    } = &blocks[5]
    else {
        panic!("{:?}", blocks[5]);
    };
    assert_eq!(bullet, "•");
    assert_eq!(
        spans,
        &[
            Span::new("Question", Style::Italic),
            Span::new(": why ", Style::Plain),
            Span::new("entry", Style::Bold),
            Span::new("? goes on", Style::Plain),
        ]
    );
    assert!(matches!(&blocks[6], Block::Item { depth: 1, .. }));
    assert!(matches!(&blocks[7], Block::Item { bullet, .. } if bullet == "3."));
    assert_eq!(blocks[8], Block::Rule);
    assert!(matches!(&blocks[9], Block::Paragraph(s)
        if plain(s) == "See the letter (https://example.org/26.htm) [p. 422]"));
}

#[test]
fn a_comparisons_marks_are_removed_and_added_words() {
    let blocks = from_markdown(
        "- *Lenin*: their ~~entry into~~ **formal unification with**",
        Marks::Comparison,
    );
    let Block::Item { spans, .. } = &blocks[0] else {
        panic!("{blocks:?}");
    };
    assert_eq!(
        spans[1..],
        [
            Span::new(": their ", Style::Plain),
            Span::new("entry into", Style::Removed),
            Span::new(" ", Style::Plain),
            Span::new("formal unification with", Style::Added),
        ]
    );
}

#[test]
fn a_word_too_wide_for_its_line_is_cut_to_fit() {
    let measure = |w: &str| w.chars().count() as f32;
    assert_eq!(fitting_pieces("short", 10.0, measure), ["short"]);
    assert_eq!(
        fitting_pieces("abcdefghijk", 4.0, measure),
        ["abcd", "efgh", "ijk"]
    );
}

/// The PDF's pages: its `/Type /Page` objects (not `/Pages`).
fn page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf).replace("/Type /", "/Type/");
    text.matches("/Type/Page").count()
        - text.matches("/Type/Pages").count()
        - text.matches("/Type/PageLabel").count()
}

#[test]
fn a_long_document_runs_onto_numbered_pages_with_its_fonts_embedded() {
    let paragraph = Block::Paragraph(vec![Span::new(
        "Союз Советских Республик Европы и Азии. The formal unification of the republics. "
            .repeat(12),
        Style::Plain,
    )]);
    let mut blocks = vec![Block::Heading(1, vec![Span::new("Notes", Style::Plain)])];
    blocks.extend(std::iter::repeat_n(paragraph, 30));
    let document = Document {
        title: "Notes".into(),
        author: Some("A reader".into()),
        language: "en".into(),
        blocks,
    };
    let pdf = to_pdf(&document).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let pages = page_count(&pdf);
    assert!(pages >= 5, "{pages} pages");
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/FontFile2"), "the fonts are embedded");
    assert!(
        text.contains("/ToUnicode"),
        "their characters can be extracted"
    );
    assert!(text.contains("/PageLabels"));
    // An empty document is one blank page, not an error.
    let empty = to_pdf(&Document::default()).unwrap();
    assert_eq!(page_count(&empty), 1);
}

#[test]
fn a_year_opening_a_line_goes_on_with_its_paragraph() {
    let blocks = from_markdown(
        "Signed in\n1922. Cf. the draft\n\n1. first\n2. second",
        Marks::Notes,
    );
    assert_eq!(blocks.len(), 3, "{blocks:?}");
    assert!(
        matches!(&blocks[0], Block::Paragraph(s) if plain(s) == "Signed in 1922. Cf. the draft")
    );
    assert!(matches!(&blocks[2], Block::Item { bullet, .. } if bullet == "2."));
}

#[test]
fn a_title_too_long_for_the_foot_is_shortened() {
    let document = Document {
        title: "A collation of ".to_owned() + &"a very long witness id, ".repeat(20),
        blocks: vec![Block::Paragraph(vec![Span::new("Text.", Style::Plain)])],
        ..Document::default()
    };
    let pdf = to_pdf(&document).unwrap();
    // The foot's text is in the PDF's content as glyphs; its title is cut with an ellipsis,
    // whose glyph maps back to "…" in the ToUnicode map.
    assert!(pdf.starts_with(b"%PDF-"));
    let faces = Faces::load().unwrap();
    let long = format!("{} — page 1 of 1", document.title);
    assert!(
        faces.regular.shape(&long, 8.5).1 > PAGE_WIDTH - 2.0 * MARGIN,
        "the case is there"
    );
}
