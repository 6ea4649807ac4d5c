//! Pages everywhere a text has them: an imported file's page markers ("[p. 329]", "[стр. 12]",
//! "/329/") become the text's pages, kept in the profile's copy, named in the passage's
//! citation (Copy with citation), in the exports of annotations and in the search results.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::collections::HashSet;
use std::path::Path;

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lectern::formats::text_format::parse_text_file;
use lectern::model::annotation::Annotation;
use lectern::model::annotation_export::{
    pages_words, passage_citation, to_csv, to_markdown, to_zotero_notes,
};
use lectern::model::library::Library;
use lectern::model::selection::Selection;
use lectern::model::text::{CharRange, Text};
use lectern::storage::import::{ImportMeta, file_bytes, read_import_bytes};
use lectern::ui::app::LecternApp;

use crate::common::gui::{app_with, reading_files};

const ARTICLE: &str = "\
On the national question

[p. 11]

The first page speaks of the Transcaucasian Federation at some length, and [p. 12] the \
second page begins in the middle of this sentence about autonomization.

Still on page twelve.

/13/

The thirteenth page. [стр. 14] Четырнадцатая страница.
";

fn article() -> Text {
    let meta = ImportMeta {
        title: "On the national question".into(),
        author: "A. Historian".into(),
        date: "1990".into(),
        ..ImportMeta::default()
    };
    read_import_bytes(ARTICLE.as_bytes(), Path::new("article.txt"), &meta)
        .unwrap()
        .0
}

fn range_of(text: &Text, words: &str) -> CharRange {
    let byte = text.content().find(words).unwrap();
    let start = text.content()[..byte].chars().count();
    (start..start + words.chars().count()).into()
}

#[test]
fn an_imported_files_page_markers_become_its_pages_and_leave_its_words() {
    let text = article();
    assert!(!text.content().contains("[p."), "{}", text.content());
    assert!(!text.content().contains("/13/"));
    assert!(
        text.content()
            .contains("at some length, and the second page begins")
    );
    let labels: Vec<&str> = text.page_starts().map(|(_, label)| label).collect();
    assert_eq!(labels, ["11", "12", "13", "14"]);
    let page = |words| pages_words(&text, range_of(&text, words));
    assert_eq!(
        page("On the national question"),
        None,
        "before the first page"
    );
    assert_eq!(page("Transcaucasian Federation").as_deref(), Some("p. 11"));
    assert_eq!(page("second page begins").as_deref(), Some("p. 12"));
    assert_eq!(page("Still on page twelve").as_deref(), Some("p. 12"));
    assert_eq!(
        page("length, and the second").as_deref(),
        Some("pp. 11–12"),
        "a passage across a page break"
    );
    assert_eq!(page("Четырнадцатая").as_deref(), Some("p. 14"));

    // The profile's copy keeps the pages.
    let file = String::from_utf8(file_bytes(&text)).unwrap();
    assert!(file.contains("page: 1:0 | 11\n"), "{file}");
    let again = Text::from_parsed(parse_text_file("article.txt", &file).unwrap());
    assert_eq!(again.meta().pages, text.meta().pages);
    assert_eq!(again.content(), text.content());
}

#[test]
fn the_citation_of_a_passage_names_its_pages_and_exports_name_them_too() {
    let text = article();
    let id = text.id().to_owned();
    let range = range_of(&text, "second page begins");
    let mut library = Library::new(vec![text.clone()]);
    assert_eq!(
        passage_citation(&library, &id, Some(range.clone())),
        "A. Historian, “On the national question”, 1990, p. 12"
    );
    // The window's words for pages follow its language; a citation's stay English.
    let russian = lectern::i18n::Language::Russian;
    assert_eq!(
        lectern::i18n::in_language(russian, || pages_words(&text, range.clone())).as_deref(),
        Some("с. 12")
    );
    assert!(
        lectern::i18n::in_language(russian, || passage_citation(
            &library,
            &id,
            Some(range.clone())
        ))
        .ends_with(", p. 12")
    );
    // An unknown author is left out of the citation, not cited as "Unknown".
    let mut anonymous = text.meta().clone();
    anonymous.author = "Unknown".into();
    let paragraphs: Vec<String> = (0..text.paragraphs().len())
        .map(|i| text.paragraph_text(i).to_owned())
        .collect();
    let unknown = Library::new(vec![Text::new(anonymous, paragraphs)]);
    assert_eq!(
        passage_citation(&unknown, &id, Some(range.clone())),
        "“On the national question”, 1990, p. 12"
    );
    // A text with a standard reference: its pages give way to the passage's.
    let mut meta = text.meta().clone();
    meta.reference = Some("Journal of History, vol. 3, pp. 11–14".into());
    let paragraphs: Vec<String> = (0..text.paragraphs().len())
        .map(|i| text.paragraph_text(i).to_owned())
        .collect();
    library = Library::new(vec![Text::new(meta, paragraphs)]);
    assert!(
        passage_citation(&library, &id, Some(range.clone()))
            .ends_with("(Journal of History, vol. 3, p. 12)"),
        "{}",
        passage_citation(&library, &id, Some(range.clone()))
    );

    let text = library.get(&id).unwrap().clone();
    let annotation = Annotation::new("a", &text, range, None, &"2026-12-07T19:00:00Z".into());
    let none = HashSet::new();
    let markdown = to_markdown(&[&annotation], &library, &[], &none);
    assert!(markdown.contains("\n*p. 12*\n"), "{markdown}");
    let mut noted = annotation.clone();
    noted.note = "Where the page turns.".into();
    noted.tags = vec!["page break".into()];
    let zotero = to_zotero_notes(&[&noted], &[], &library, &none);
    assert!(
        zotero.contains(
            "“second page begins” (Historian, 1990, p. 12) Where the page turns. #page-break"
        ),
        "{zotero}"
    );
    // An export from a window that speaks Russian is English, its pages too.
    let mut notebook = lectern::model::notebook::Notebook::default();
    notebook
        .edit(
            lectern::model::notebook::Edit::AddAnnotation(noted.clone()),
            &"2026-12-07T19:00:00Z".into(),
        )
        .unwrap();
    let (exported, _) = lectern::i18n::in_language(lectern::i18n::Language::Russian, || {
        lectern::model::annotation_export::export_notebook(
            &notebook,
            &library,
            lectern::model::annotation_export::AnnotationFormat::Zotero,
            lectern::model::annotation_export::Scope::Annotations,
            |_| true,
        )
    });
    assert!(exported.contains("(Historian, 1990, p. 12)"), "{exported}");
    let csv = to_csv(&[&annotation], &library, &[], &none);
    assert!(csv.lines().next().unwrap().ends_with(",pages"), "{csv}");
    assert!(csv.lines().nth(1).unwrap().ends_with(",p. 12"), "{csv}");
}

/// The window reading the article opened from its file, with `words` of it selected.
fn article_with_selected(words: &str) -> Harness<'static, LecternApp> {
    let profile = tempfile::tempdir().unwrap();
    let text = article();
    let range = range_of(&text, words);
    let app = app_with(reading_files(profile.path(), vec![text]));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut LecternApp| app.show(ui), app);
    harness.run();
    harness
        .state_mut()
        .desk_mut()
        .pane_mut(0)
        .unwrap()
        .view
        .selection = Some(Selection::from_range(range));
    harness.run();
    harness
}

/// Ctrl+Shift+C (Copy with citation), and what the frame put on the clipboard.
fn copy_with_citation(harness: &mut Harness<'_, LecternApp>) -> Vec<String> {
    let shift = Modifiers {
        shift: true,
        ..Modifiers::COMMAND
    };
    harness.input_mut().events.extend([
        Event::ModifiersChanged(shift),
        Event::Key {
            key: Key::C,
            pressed: true,
            repeat: false,
            modifiers: shift,
            physical_key: None,
        },
    ]);
    harness.step();
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// The window: Copy with citation on page 12 of the article opened from its file names p. 12.
#[test]
fn copy_with_citation_in_the_window_names_the_page() {
    let mut harness = article_with_selected("second page begins");
    assert_eq!(
        copy_with_citation(&mut harness),
        ["“second page begins” (A. Historian, “On the national question”, 1990, p. 12)"]
    );
}

#[test]
fn the_citation_style_chosen_in_the_view_menu_is_the_one_copy_with_citation_uses() {
    let mut harness = article_with_selected("second page begins");
    // View ▸ Citation style ▸ Chicago (author-date), as a reader chooses it.
    crate::common::gui::click(&mut harness, "View");
    harness.get_by_label("Citation style").click();
    harness.run();
    harness.get_by_label("Chicago (author-date)").click();
    harness.run();
    assert_eq!(
        harness.state().view().citation_style(),
        lectern::formats::cite::CitationStyle::ChicagoAuthorDate
    );
    assert_eq!(
        copy_with_citation(&mut harness),
        [
            "“second page begins” (Historian 1990, 12)\n\nHistorian, A. 1990. “On the National Question.”"
        ],
        "the passage's page in the chosen style, then the bibliography entry (Chicago \
         capitalises an English title's words)"
    );
}
