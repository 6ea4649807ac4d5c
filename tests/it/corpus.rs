//! The bundled corpus: every text's wording is exactly the source document's.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::PathBuf;

use lectern::bundled::{BUNDLED_TEXT_FILES, bundled_library};
use lectern::formats::text_format::split_paragraphs;

fn source_document() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("resources/sources/world-outlook-lenin-on-internationalism.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the corpus source document {} is needed to check the bundled texts: {e}",
            path.display()
        )
    })
}

/// The copy in `resources/sources/` is the document as received, byte for byte: a tidied line
/// end or a "corrected" word there would let a changed bundled text pass the checks below.
#[test]
fn the_source_document_is_the_copy_received() {
    assert_eq!(
        lectern::model::text::content_hash(&source_document()),
        "sha256:f0daf6be2606b0914d0627a1266436deb5a03d0fd600a0aba42436723f444d5d",
        "resources/sources/world-outlook-lenin-on-internationalism.txt was changed"
    );
}

/// The source with the given lines left out, in the same paragraph form as a bundled body
/// (line-end whitespace removed, paragraphs separated by one blank line).
fn normalised_source(omitted: &[String]) -> String {
    let source = source_document();
    let kept: Vec<&str> = source
        .lines()
        .filter(|line| !omitted.iter().any(|o| line.trim_end() == o))
        .collect();
    split_paragraphs(&kept.join("\n")).join("\n\n")
}

#[test]
fn every_bundled_body_occurs_verbatim_in_the_source() {
    let library = bundled_library();
    assert_eq!(library.texts().len(), BUNDLED_TEXT_FILES.len());
    for text in library.texts() {
        let source = normalised_source(&text.meta().omitted);
        assert!(
            source.contains(text.content()),
            "{}: the body is not a verbatim passage of the source document",
            text.id()
        );
        for omitted in &text.meta().omitted {
            assert!(
                source_document().lines().any(|l| l.trim_end() == omitted),
                "{}: an omitted line is not in the source: {omitted}",
                text.id()
            );
        }
    }
}

#[test]
fn lenins_texts_leave_nothing_out() {
    for text in bundled_library().texts() {
        if text.meta().author.contains("Lenin") {
            assert!(text.meta().omitted.is_empty(), "{}", text.id());
            assert!(text.meta().editorial_changes.is_empty(), "{}", text.id());
        }
    }
}

#[test]
fn the_six_documents_of_the_source_are_bundled_in_date_order() {
    let library = bundled_library();
    let ids: Vec<&str> = library.texts().iter().map(|t| t.id().as_str()).collect();
    assert_eq!(
        ids,
        [
            "lenin-1922-09-26-kamenev",
            "lenin-1922-10-06-memo",
            "lenin-1922-12-30-autonomization",
            "lenin-1923-03-05-trotsky",
            "lenin-1923-03-06-mdivani",
            "world-outlook-2022-introduction",
        ]
    );
}

#[test]
fn the_texts_keep_the_sources_spelling_and_punctuation() {
    let library = bundled_library();
    let kamenev = library.get("lenin-1922-09-26-kamenev").unwrap();
    assert!(kamenev.content().contains(
        "“Formal\u{a0}unification with the R.S.F.S.R. in a Union of Soviet Republics of Europe and Asia.”"
    ));
    assert!(
        kamenev
            .content()
            .contains("instead of “entry” into the R.S.F.S.R., to put:")
    );
    assert!(
        kamenev
            .content()
            .contains("the Ukrainian S.S.R. and others")
    );
    let notes = library.get("lenin-1922-12-30-autonomization").unwrap();
    assert!(
        notes
            .content()
            .contains("in substance a rascal and a tyrant")
    );
    let intro = library.get("world-outlook-2022-introduction").unwrap();
    assert!(
        intro
            .content()
            .contains("in substance a scoundrel and a tyrant")
    );
    // The web page's chrome is not part of any text.
    for text in library.texts() {
        for chrome in ["2 replies", "Leave a Reply", "\nMarxism"] {
            assert!(!text.content().contains(chrome), "{}: {chrome}", text.id());
        }
    }
}

#[test]
fn the_autonomization_notes_are_one_text_with_three_dated_parts() {
    let library = bundled_library();
    let notes = library.get("lenin-1922-12-30-autonomization").unwrap();
    let parts = &notes.meta().parts;
    assert_eq!(parts.len(), 3);
    assert!(parts[0].label.contains("30 December 1922"));
    assert!(parts[1].label.contains("31 December 1922"));
    assert!(parts[2].label.contains("31 December 1922"));
    for part in &parts[1..] {
        assert!(
            notes
                .paragraph_text(part.first_paragraph)
                .starts_with("Continuation of the notes.")
        );
    }
}

#[test]
fn provenance_follows_sources_md() {
    let library = bundled_library();
    let memo = library.get("lenin-1922-10-06-memo").unwrap().meta();
    assert!(memo.licence.contains("GNU Free Documentation License"));
    // The Russian is “great-power chauvinism”: the note says so, and what each English
    // edition has, and does not gloss великодержавный as “Great-Russian” (великорусский).
    let translation = memo
        .notes
        .iter()
        .find(|n| n.contains("великодержавный шовинизм"))
        .expect("a note on the translation");
    assert!(
        translation.contains("“great-power chauvinism”"),
        "{translation}"
    );
    assert!(translation.contains("великорусский"), "{translation}");
    assert!(
        translation.contains("“dominant nation chauvinism”"),
        "{translation}"
    );
    assert!(translation.contains("Pathfinder"), "{translation}");
    assert!(
        !translation.contains("says “Great-Russian"),
        "великодержавный is not “Great-Russian”: {translation}"
    );
    assert!(memo.notes.iter().any(|n| n.contains("Kamenev")));
    assert_eq!(
        memo.reference.as_deref(),
        Some("Collected Works, vol. 33, p. 372")
    );
    let kamenev = library.get("lenin-1922-09-26-kamenev").unwrap().meta();
    assert_eq!(kamenev.translator.as_deref(), Some("Bernard Isaacs"));
    assert_eq!(
        kamenev.reference_ru.as_deref(),
        Some("ПСС, vol. 45, pp. 211–213")
    );
    // Unverified ПСС page numbers say so.
    for id in [
        "lenin-1922-10-06-memo",
        "lenin-1922-12-30-autonomization",
        "lenin-1923-03-05-trotsky",
        "lenin-1923-03-06-mdivani",
    ] {
        let meta = library.get(id).unwrap().meta();
        assert!(
            meta.reference_ru.as_deref().unwrap().contains("reported"),
            "{id}"
        );
    }
    let intro = library
        .get("world-outlook-2022-introduction")
        .unwrap()
        .meta();
    assert!(intro.credit.as_deref().unwrap().contains("Pathfinder"));
    assert_eq!(
        intro.omitted.len(),
        2,
        "the two image captions are recorded as left out"
    );
}

#[test]
fn the_sentence_introducing_the_kamenev_letter_is_its_context_not_the_introductions_text() {
    let library = bundled_library();
    let sentence = "That same day Lenin wrote the following response:";
    let kamenev = library.get("lenin-1922-09-26-kamenev").unwrap();
    let context = kamenev.meta().context_before.as_deref().unwrap_or_default();
    assert!(
        context.starts_with("Chapter two of the Pathfinder book"),
        "{context}"
    );
    assert!(context.ends_with(sentence), "{context}");
    // As in the source, word for word.
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("resources/sources/world-outlook-lenin-on-internationalism.txt"),
    )
    .unwrap();
    assert!(source.contains(context));
    for text in library.texts() {
        assert!(
            !text.content().contains(sentence),
            "{} still has the sentence in its body",
            text.id()
        );
    }
    // Every bundled text by Lenin is introduced the same way.
    for text in library
        .texts()
        .iter()
        .filter(|t| t.meta().author == "V. I. Lenin")
    {
        assert!(
            text.meta().context_before.is_some(),
            "{} has no context_before",
            text.id()
        );
    }
}

#[test]
fn references_and_first_publication_are_as_the_sources_give_them() {
    let library = bundled_library();
    let meta = |id: &str| library.get(id).unwrap().meta().clone();
    // The letter to Trotsky and the note to Mdivani are on pages of their own.
    let trotsky = meta("lenin-1923-03-05-trotsky").reference_ru.unwrap();
    let mdivani = meta("lenin-1923-03-06-mdivani").reference_ru.unwrap();
    assert!(trotsky.starts_with("ПСС, vol. 54, p. 329 "), "{trotsky}");
    assert!(mdivani.starts_with("ПСС, vol. 54, p. 330 "), "{mdivani}");
    for unverified in [&trotsky, &mdivani] {
        assert!(unverified.contains("not verified"), "{unverified}");
    }
    let kamenev = meta("lenin-1922-09-26-kamenev");
    assert_eq!(
        kamenev.first_published.as_deref(),
        Some("Ленинский сборник XXXVI (Lenin Miscellany XXXVI), 1959")
    );
}

#[test]
fn stalins_clause_1_names_the_book_it_is_quoted_from_and_both_dates() {
    use lectern::bundled::bundled_comparisons;
    use lectern::model::comparison::{Reference, compute_all};
    use lectern::model::diff::Normalization;
    let comparisons = bundled_comparisons();
    let clause_1 = comparisons.iter().find(|c| c.id == "clause-1").unwrap();
    let stalin = clause_1
        .witnesses
        .iter()
        .filter(|w| w.label.starts_with("Stalin’s draft"))
        .collect::<Vec<_>>();
    assert_eq!(stalin.len(), 2);
    for witness in &stalin {
        // The misprints are Felshtinsky's: his book is the source, not the journal.
        assert!(witness.source.contains("Felshtinsky"), "{}", witness.source);
        assert!(
            witness
                .source
                .contains("Известия ЦК КПСС 1989 No. 9, not checked here"),
            "{}",
            witness.source
        );
        assert!(
            witness.remark.contains("23–24 September 1922"),
            "{}",
            witness.remark
        );
        assert!(
            witness.remark.contains("26 September 1922"),
            "{}",
            witness.remark
        );
    }
    assert!(
        stalin[0].remark.contains("not settled"),
        "{}",
        stalin[0].remark
    );
    // “[sic]” is the editor's: never counted or marked as a word of Stalin's.
    let result = compute_all(clause_1, &Normalization::wording(), Reference::Previous);
    let russian = clause_1
        .witnesses
        .iter()
        .position(|w| w.label == "Stalin’s draft (Russian)")
        .unwrap();
    let mut sics = 0;
    for (segment, row) in result.cells.iter().enumerate() {
        let Some(Some(own)) = clause_1.witnesses[russian].segments.get(segment) else {
            continue;
        };
        sics += own.text.matches("[sic]").count();
        // No mark is the “[sic]” alone or begins or ends with it.
        let cell = &row[russian];
        for mark in cell.marks.iter().chain(&cell.onward) {
            let marked: String = own
                .text
                .chars()
                .skip(mark.range.start)
                .take(mark.range.len())
                .collect();
            assert!(
                !marked.starts_with("[sic]") && !marked.ends_with("[sic]"),
                "segment {segment}: {marked:?}"
            );
        }
        // The wording with and without the editor's marks is the same wording.
        let without = own.text.replace(" [sic]", "");
        for normalization in [Normalization::wording(), Normalization::default()] {
            let ops = lectern::model::diff::diff(&own.text, &without, &normalization);
            let (_, _, counts) = lectern::model::diff::marks(&own.text, &without, &ops);
            assert_eq!(
                (counts.changed, counts.deleted, counts.inserted),
                (0, 0, 0),
                "segment {segment}"
            );
        }
    }
    assert_eq!(sics, 2, "the two misprints are marked [sic] in the wording");
}

#[test]
fn the_reconstruction_of_clause_1_is_never_dated_as_a_document_of_1922() {
    use lectern::bundled::bundled_comparisons;
    use lectern::model::comparison::WitnessStatus;
    let mut reconstructions = 0;
    for comparison in bundled_comparisons() {
        for witness in &comparison.witnesses {
            if witness.status == WitnessStatus::Reconstruction {
                reconstructions += 1;
                assert_eq!(witness.document_date(), None, "{}", witness.label);
                assert!(
                    !witness.date.contains("1922"),
                    "{}: {}",
                    witness.label,
                    witness.date
                );
                assert!(
                    witness.source.contains("26 Sept 1922"),
                    "its words are Lenin's of that day"
                );
            } else if witness.status != WitnessStatus::Summary {
                assert!(witness.document_date().is_some(), "{}", witness.label);
            }
        }
    }
    assert_eq!(reconstructions, 1);
}
