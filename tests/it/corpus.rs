//! The bundled corpus: every text's wording is exactly the source document's.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::PathBuf;

use lectern::bundled::{BUNDLED_TEXT_FILES, bundled_library};
use lectern::formats::text_format::split_paragraphs;
use lectern::model::people_places::Index;

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

// The editorial defects found by a check of every entry against the seed and the literature:
// each test below fails on the data as it was before the defect was mended.

fn comparison(id: &str) -> lectern::model::comparison::Comparison {
    lectern::bundled::bundled_comparisons()
        .into_iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no bundled comparison {id}"))
}

fn witness<'a>(
    comparison: &'a lectern::model::comparison::Comparison,
    label: &str,
) -> &'a lectern::model::comparison::Witness {
    comparison
        .witnesses
        .iter()
        .find(|w| w.label == label)
        .unwrap_or_else(|| panic!("{}: no witness {label}", comparison.id))
}

/// The index as written, with the fields the app does not read (`caption_only`).
fn index_json() -> serde_json::Value {
    serde_json::from_str(include_str!("../../resources/index/people-and-places.json")).unwrap()
}

/// Soldatenko's wording of the Note to Clause 1, as the remark quotes it.
const SOLDATENKO_NOTE: &str = "«Соответствующие изменения в конституциях, упомянутых в 1-м пункте \
                               республик, произвести по проведении вопроса в советском порядке.»";

#[test]
fn d1_the_note_to_clause_1_is_marked_uncertain_with_both_books() {
    let clause_1 = comparison("clause-1");
    let russian = witness(&clause_1, "Stalin’s draft (Russian)");
    let note = russian.segments[3].as_ref().unwrap();
    // Felshtinsky's wording has «и РСФСР»; Soldatenko's, quoted beside it, has not.
    assert!(note.text.contains("республик и РСФСР"), "{}", note.text);
    assert!(
        russian.remark.contains(SOLDATENKO_NOTE),
        "{}",
        russian.remark
    );
    assert!(!SOLDATENKO_NOTE.contains("РСФСР"));
    assert!(
        russian.remark.contains("The Note is textually uncertain"),
        "{}",
        russian.remark
    );
    for id in ["clause-1", "clause-1-amended"] {
        let comparison = comparison(id);
        for stalin in comparison
            .witnesses
            .iter()
            .filter(|w| w.label.starts_with("Stalin’s draft"))
        {
            assert!(stalin.source.contains("Felshtinsky"), "{}", stalin.source);
            assert!(
                stalin.source.contains("V. F. Soldatenko")
                    && stalin
                        .source
                        .contains("«Украина в водовороте внешнеполитических альтернатив"),
                "{id}: {}",
                stalin.source
            );
            // Where the English says “and of the RSFSR”, the remark says it rests on one book.
            let english_note = stalin
                .segments
                .get(3)
                .and_then(Option::as_ref)
                .is_some_and(|s| s.text.contains("and of the RSFSR"));
            if english_note {
                assert!(
                    stalin
                        .remark
                        .contains("“and of the RSFSR” rests on Felshtinsky alone"),
                    "{id}: {}",
                    stalin.remark
                );
            }
        }
    }
}

#[test]
fn d1_clauses_2_to_6_are_soldatenkos_words_not_a_summary() {
    use lectern::model::comparison::WitnessStatus;
    let clauses = comparison("clauses-2-5");
    assert_eq!(
        clauses.segments,
        ["Clause 2", "Clause 3", "Clause 4", "Clause 5", "Clause 6"]
    );
    assert!(
        clauses
            .witnesses
            .iter()
            .all(|w| w.status != WitnessStatus::Summary),
        "the clauses' wording is at hand now, so no summary stands for it"
    );
    assert!(!clauses.description.contains("paraphrase"));
    let russian = witness(
        &clauses,
        "Stalin’s draft, clauses 2–6 (Russian, as Soldatenko prints it)",
    );
    assert_eq!(russian.status, WitnessStatus::Original);
    assert_eq!(russian.language, "ru");
    assert!(russian.source.contains("V. F. Soldatenko"));
    assert!(russian.remark.starts_with("Quoted from Soldatenko"));
    let texts: Vec<&str> = russian
        .segments
        .iter()
        .map(|s| s.as_ref().unwrap().text.as_str())
        .collect();
    assert!(texts[0].contains("распространение компетенции ВЦИКа, СНК и СТО РСФСР"));
    assert!(texts[2].contains("формально подчинить директивам"));
    assert!(texts[3].contains("считать самостоятельными"));
    assert!(
        texts[4].starts_with("Настоящее решение, если оно будет одобрено ЦК РКП, не публикуется")
    );
    // Where the copy at hand breaks off, the witness says so and adds no words of its own.
    for (clause, text) in texts.iter().enumerate() {
        assert_eq!(
            text.ends_with("[…]"),
            clause == 1 || clause == 4,
            "Clause {}: {text}",
            clause + 2
        );
    }
    assert!(russian.remark.contains("«(почта и телеграф. –»"));
    assert!(russian.remark.contains("«до созыва Вс»"));
    // The translation is of those words, gaps included.
    let english = witness(
        &clauses,
        "Stalin’s draft, clauses 2–6 (English, Lectern translation)",
    );
    for (ru, en) in russian.segments.iter().zip(&english.segments) {
        let (ru, en) = (ru.as_ref().unwrap(), en.as_ref().unwrap());
        assert_eq!(
            ru.text.matches("[…]").count(),
            en.text.matches("[…]").count()
        );
        assert_eq!(
            ru.text.matches("\n\n").count(),
            en.text.matches("\n\n").count()
        );
    }
    // Lenin's letter says nothing of Clause 6.
    let lenin = clauses
        .witnesses
        .iter()
        .find(|w| w.author == "V. I. Lenin")
        .unwrap();
    assert!(lenin.segments[4].is_none());
}

#[test]
fn d2_the_autonomization_notes_explain_world_outlooks_brackets() {
    let library = bundled_library();
    let notes = library.get("lenin-1922-12-30-autonomization").unwrap();
    assert!(
        notes
            .content()
            .contains("because they did want to unite with Russia]")
    );
    assert!(
        notes
            .meta()
            .notes
            .iter()
            .any(|n| n.starts_with("Editor’s note") && n.contains("“did not want”")),
        "{:?}",
        notes.meta().notes
    );
    let brackets = notes.meta().editor_brackets.as_deref().unwrap();
    assert!(brackets.starts_with("World-Outlook (2022)"), "{brackets}");
    assert!(
        brackets.contains("“[Stalin]”") && brackets.contains("transcription"),
        "{brackets}"
    );
    assert!(notes.content().contains("[Stalin]"));
}

#[test]
fn d3_each_collected_works_text_says_how_world_outlook_altered_it() {
    let library = bundled_library();
    for text in library
        .texts()
        .iter()
        .filter(|t| t.meta().author == "V. I. Lenin")
    {
        assert!(
            text.meta()
                .notes
                .iter()
                .any(|n| n.starts_with("World-Outlook’s copy of the Collected Works translation")),
            "{}",
            text.id()
        );
    }
    // The letter to Kamenev: the heading “26.IX.” left out, a comma added.
    let kamenev = library.get(KAMENEV_LETTER).unwrap();
    assert!(!kamenev.content().contains("26.IX."));
    assert!(kamenev.content().contains("In\u{a0}my opinion, the matter"));
    let note = note_with(&library, KAMENEV_LETTER, "“26.IX.”");
    assert!(note.contains("comma after “In my opinion”"), "{note}");
    let trotsky = library.get("lenin-1923-03-05-trotsky").unwrap();
    // “Top secret” as in the source (with its no-break space), then the line in question.
    assert!(trotsky.paragraph_text(0).ends_with("secret\nPersonal"));
    let note = note_with(&library, "lenin-1923-03-05-trotsky", "“Personal”");
    assert!(note.contains("vol. 45, p. 607"), "{note}");
    assert!(note.contains("«Лично»"), "{note}");
    let mdivani = library.get("lenin-1923-03-06-mdivani").unwrap();
    assert!(!mdivani.content().contains("1923"));
    let note = note_with(&library, "lenin-1923-03-06-mdivani", "“March 6, 1923”");
    assert!(note.contains("leaves out"), "{note}");
}

const KAMENEV_LETTER: &str = "lenin-1922-09-26-kamenev";

/// The note of text `id` that has `words`.
fn note_with(library: &lectern::model::library::Library, id: &str, words: &str) -> String {
    library
        .get(id)
        .unwrap()
        .meta()
        .notes
        .iter()
        .find(|n| n.contains(words))
        .unwrap_or_else(|| panic!("{id}: no note with {words}"))
        .clone()
}

#[test]
fn d4_stalin_drafted_the_resolution_and_who_chaired_the_commission_is_disputed() {
    let index = Index::bundled();
    let (_, stalin) = index.find("stalin").unwrap();
    // Where the chair is named, it is as a matter in dispute.
    for sentence in stalin.about.split(". ") {
        assert!(
            !sentence.contains("chaired") || sentence.contains("disputed"),
            "{sentence}"
        );
    }
    assert!(stalin.about.contains("drafted"), "{}", stalin.about);
    assert!(stalin.about.contains("disputed"), "{}", stalin.about);
    assert!(stalin.about.contains("V. V. Kuibyshev"), "{}", stalin.about);
    assert!(stalin.about_source.contains("A. K. Sokolov"));
    assert!(stalin.about_source.contains("Great Soviet Encyclopedia"));
}

#[test]
fn d5_sokolnikov_was_deputy_commissar_in_september_1922() {
    let index = Index::bundled();
    let (_, sokolnikov) = index.find("sokolnikov").unwrap();
    assert!(
        sokolnikov
            .about
            .contains("deputy People’s Commissar for Finance in September 1922"),
        "{}",
        sokolnikov.about
    );
    assert!(
        sokolnikov
            .about
            .contains("People’s Commissar for Finance of the RSFSR from 22 November 1922"),
        "{}",
        sokolnikov.about
    );
    assert!(sokolnikov.about_source.contains("Oppenheim"));
}

/// What each entity of the index is mentioned in: the bundled texts and the comparisons.
fn mention_counts(index: &Index) -> Vec<usize> {
    let mut counts = vec![0; index.entities().len()];
    let library = bundled_library();
    let mut contents: Vec<String> = library
        .texts()
        .iter()
        .map(|t| t.content().to_owned())
        .collect();
    for comparison in lectern::bundled::bundled_comparisons() {
        contents.extend(comparison.witnesses.iter().map(|w| w.text()));
    }
    for content in &contents {
        for mention in index.mentions_in(content) {
            counts[mention.entity] += 1;
        }
    }
    counts
}

#[test]
fn d6_no_entity_has_no_mentions_unless_named_only_in_a_caption_left_out() {
    let index = Index::bundled();
    let counts = mention_counts(&index);
    let json = index_json();
    let library = bundled_library();
    let captions: Vec<&String> = library
        .texts()
        .iter()
        .flat_map(|t| &t.meta().omitted)
        .collect();
    for (entity, written) in index
        .entities()
        .iter()
        .zip(json["entities"].as_array().unwrap())
    {
        assert_eq!(written["id"], entity.id.as_str());
        let caption_only = written["caption_only"].as_bool().unwrap_or(false);
        let number = index.find(&entity.id).unwrap().0;
        assert_eq!(
            counts[number] == 0,
            caption_only,
            "{}: {} mentions",
            entity.id,
            counts[number]
        );
        if caption_only {
            assert!(
                captions
                    .iter()
                    .any(|c| !index.mentions_in(c).iter().all(|m| m.entity != number)),
                "{} is in a caption left out",
                entity.id
            );
            assert!(entity.about.contains("caption"), "{}", entity.about);
        }
    }
    // Everyone in the caption of the introduction's picture is in the index.
    let caption = captions
        .iter()
        .find(|c| c.starts_with("Leaders of the Bolshevik Party"))
        .unwrap();
    let named: std::collections::BTreeSet<&str> = index
        .mentions_in(caption)
        .iter()
        .map(|m| index.entities()[m.entity].id.as_str())
        .collect();
    assert_eq!(
        named.into_iter().collect::<Vec<_>>(),
        ["bukharin", "lenin", "radek", "trotsky", "zinoviev"]
    );
}

#[test]
fn d7_the_federation_the_far_eastern_republic_moscow_and_the_volga_are_indexed() {
    let index = Index::bundled();
    for id in [
        "far-eastern-republic",
        "moscow",
        "volga",
        "transcaucasian-federation",
    ] {
        let (_, entity) = index.find(id).unwrap_or_else(|| panic!("no {id}"));
        assert!(!entity.about_source.is_empty(), "{id}");
    }
    let ids_in = |content: &str| -> Vec<String> {
        index
            .mentions_in(content)
            .iter()
            .map(|m| index.entities()[m.entity].id.clone())
            .collect()
    };
    // In the revised draft, the Transcaucasian party to the treaty is the federation.
    let clause_1 = comparison("clause-1");
    for label in [
        "Revised draft, early Oct 1922 (Russian)",
        "Revised draft, early Oct 1922 (English, Lectern translation)",
    ] {
        let treaty = &witness(&clause_1, label).segments[0].as_ref().unwrap().text;
        let found = ids_in(treaty);
        assert!(
            found.contains(&"transcaucasian-federation".to_owned()),
            "{label}: {found:?}"
        );
        assert!(
            !found.contains(&"caucasus".to_owned()),
            "{label}: {found:?}"
        );
    }
    assert_eq!(
        ids_in("Transcaucasia, Закавказье; the Transcaucasian Federation, ЗСФСР"),
        [
            "caucasus",
            "caucasus",
            "transcaucasian-federation",
            "transcaucasian-federation"
        ]
    );
    // Stalin's draft leaves the Far Eastern Republic (ДВР) open.
    for label in [
        "Stalin’s draft (Russian)",
        "Stalin’s draft (English, Lectern translation)",
    ] {
        let rest = &witness(&clause_1, label).segments[2].as_ref().unwrap().text;
        assert!(
            ids_in(rest).contains(&"far-eastern-republic".to_owned()),
            "{label}: {rest}"
        );
    }
    // Moscow and the Volga in Lenin's words.
    let library = bundled_library();
    let kamenev = library.get("lenin-1922-09-26-kamenev").unwrap();
    let notes = library.get("lenin-1922-12-30-autonomization").unwrap();
    let found = |text: &lectern::model::text::Text, id: &str| {
        let (number, _) = index.find(id).unwrap();
        index.mentions(text).iter().any(|m| m.entity == number)
    };
    assert!(found(kamenev, "moscow"));
    assert!(found(notes, "moscow"));
    assert!(found(notes, "volga"));
}

#[test]
fn d8_mdivanis_identification_names_its_article() {
    let index = Index::bundled();
    let (_, mdivani) = index.find("mdivani").unwrap();
    assert_eq!(mdivani.about_source, "Wikipedia, “Polikarp Mdivani”");
}

#[test]
fn d9_the_timeline_calls_10_march_1923_lenins_stroke_not_his_final_one() {
    let events = lectern::model::timeline::bundled_events();
    let stroke = events.iter().find(|e| e.date == "1923-03-10").unwrap();
    assert_eq!(stroke.title, "Lenin’s stroke of 10 March 1923");
    assert!(
        stroke
            .source
            .starts_with("Collected Works, vol. 45, note to the letter to P. G. Mdivani")
    );
    assert!(
        stroke
            .source
            .contains("“On March 10, 1923, there was an acute deterioration in his condition”")
    );
    for event in &events {
        assert!(!event.title.contains("final stroke"), "{}", event.id);
        assert!(!event.note.contains("final stroke"), "{}", event.id);
        // In a source, only as World-Outlook's phrase, quoted.
        assert_eq!(
            event.source.matches("final stroke").count(),
            event.source.matches("“final stroke”").count(),
            "{}",
            event.id
        );
    }
}

#[test]
fn d10_the_revised_draft_is_dated_by_the_plenum_of_6_october_1922() {
    let events = lectern::model::timeline::bundled_events();
    let revised = events.iter().find(|e| e.id == "revised-draft").unwrap();
    assert_eq!(revised.date, "before 1922-10-07");
    assert_eq!(revised.date_label, "not after 6 October 1922");
    assert!(revised.source.contains("plenum of 6 October 1922"));
    assert!(revised.source.contains("marxistleninists.org"));
    assert!(!revised.source.contains("early October"));
    assert!(
        revised.note.contains("“with a minor amendment”") && revised.note.contains("not verified"),
        "{}",
        revised.note
    );
    for id in ["clause-1", "clause-1-amended"] {
        let comparison = comparison(id);
        assert!(!comparison.description.contains("early October"), "{id}");
        for draft in comparison
            .witnesses
            .iter()
            .filter(|w| w.label.starts_with("Revised draft"))
        {
            assert_eq!(draft.date, "not after 6 October 1922", "{id}");
            assert!(draft.source.contains("plenum of 6 October 1922"), "{id}");
            assert!(
                !draft.remark.contains("minor amendment") || draft.remark.contains("not verified"),
                "{id}: {}",
                draft.remark
            );
        }
    }
}

#[test]
fn d11_feliks_is_noted_as_an_editors_insertion() {
    let variants = comparison("translation-variants");
    let pathfinder = witness(
        &variants,
        "Introduction’s quotation (Pathfinder translation)",
    );
    assert!(
        pathfinder.segments[3]
            .as_ref()
            .unwrap()
            .text
            .contains("[Feliks] Dzerzhinsky")
    );
    assert!(
        pathfinder
            .remark
            .contains("“[Feliks]” is an editor’s insertion"),
        "{}",
        pathfinder.remark
    );
}

#[test]
fn d12_the_words_quoted_before_the_mdivani_letter_are_noted_as_the_trotsky_letters() {
    let library = bundled_library();
    let mdivani = library.get("lenin-1923-03-06-mdivani").unwrap();
    let quoted = "persecution by Stalin and Dzershinsky";
    assert!(
        mdivani
            .meta()
            .context_before
            .as_deref()
            .unwrap()
            .contains(quoted)
    );
    assert!(!mdivani.content().contains("persecution"));
    let trotsky = library.get("lenin-1923-03-05-trotsky").unwrap();
    assert!(
        trotsky
            .content()
            .contains("“persecution” by Stalin and Dzerzhinsky")
    );
    let note = mdivani
        .meta()
        .notes
        .iter()
        .find(|n| n.contains(quoted))
        .expect("a note on the quoted words");
    assert!(note.contains("are not in the letter"), "{note}");
    assert!(note.contains("letter to Trotsky"), "{note}");
}

#[test]
fn d13_the_26_september_dating_is_credited_to_world_outlooks_bridging_paragraph() {
    let library = bundled_library();
    let context = library
        .get("lenin-1922-09-26-kamenev")
        .unwrap()
        .meta()
        .context_before
        .clone()
        .unwrap();
    assert!(context.contains("dated September 26, 1922"));
    let events = lectern::model::timeline::bundled_events();
    let draft = events
        .iter()
        .find(|e| e.id == "stalin-commission-draft")
        .unwrap();
    let mut credits = vec![draft.note.clone()];
    let clause_1 = comparison("clause-1");
    credits.extend(
        clause_1
            .witnesses
            .iter()
            .filter(|w| w.label.starts_with("Stalin’s draft"))
            .map(|w| w.remark.clone()),
    );
    for credit in &credits {
        assert!(credit.contains("26 September 1922"), "{credit}");
        assert!(
            credit.contains(
                "World-Outlook’s bridging paragraph introducing Lenin’s letter to Kamenev"
            ),
            "{credit}"
        );
        assert!(
            !credit.contains("the World-Outlook introduction"),
            "{credit}"
        );
    }
}

#[test]
fn d14_glossary_renderings_found_nowhere_in_the_library_say_so() {
    use lectern::model::glossary::Glossary;
    let glossary = Glossary::bundled();
    let library = bundled_library();
    let mut contents: Vec<String> = library
        .texts()
        .iter()
        .map(|t| t.content().to_owned())
        .collect();
    for comparison in lectern::bundled::bundled_comparisons() {
        contents.extend(comparison.witnesses.iter().map(|w| w.text()));
    }
    let mut found = std::collections::HashSet::new();
    for content in &contents {
        for hit in glossary.found_in(content) {
            found.insert((hit.term, hit.rendering));
        }
    }
    let mut absent = Vec::new();
    for (t, term) in glossary.terms().iter().enumerate() {
        for (r, rendering) in term.renderings.iter().enumerate() {
            let says = rendering.used_in.contains("not in the library");
            assert_eq!(
                !found.contains(&(t, r)),
                says,
                "{}: {} ({})",
                term.id,
                rendering.text,
                rendering.used_in
            );
            if says {
                absent.push(rendering.text.as_str());
            }
        }
    }
    absent.sort_unstable();
    assert_eq!(
        absent,
        [
            "autonomisation",
            "great-power",
            "автономизаци*",
            "великодержавн*",
            "великоросс*",
            "великорусск*"
        ]
    );
}
