//! The window in another language: every word it shows comes from the message files (the
//! pseudo-locale test), View ▸ Language switches at once and is kept, and Russian counts take
//! their three plural forms on screen.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::Path;

use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use lectern::i18n::{Language, PSEUDO_CLOSE, PSEUDO_OPEN};
use lectern::model::selection::Selection;
use lectern::storage::profile::Profile;
use lectern::storage::reading_state::{LanguageChoice, ReadingState};
use lectern::ui::app::{LecternApp, StartOptions};

use crate::common::gui::{add_highlight_with_note, app_with, click_through, start_options};

/// Every string of the corpus and the study tools' data: what the window may show that is not
/// interface (titles, names, quotes, dates as the data writes them).
fn corpus() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources");
    let mut out = String::new();
    let mut stack = vec![root];
    // The corpus as written, then with its line breaks as spaces (a heading shown on one line).
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("i18n") {
                    stack.push(path);
                }
                continue;
            }
            let Ok(source) = std::fs::read_to_string(&path) else {
                continue;
            };
            if path.extension().is_some_and(|e| e == "json") {
                strings_of(&serde_json::from_str(&source).unwrap(), &mut out);
            } else {
                out.push_str(&source);
                out.push('\n');
            }
        }
    }
    let joined = one_line(&out);
    out.push_str(&joined);
    out
}

/// The English messages without placeables, as the files write them ("Open", "Copy"): words
/// that are interface even where the corpus happens to use them too.
fn english_messages() -> std::collections::HashSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources/i18n/en");
    let mut values = std::collections::HashSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in source.lines() {
            if let Some((id, value)) = line.split_once(" = ")
                && !id.starts_with([' ', '#'])
                && !value.contains('{')
            {
                values.insert(value.trim().to_owned());
            }
        }
    }
    values
}

fn strings_of(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings_of(v, out)),
        serde_json::Value::Object(fields) => fields.values().for_each(|v| strings_of(v, out)),
        serde_json::Value::Null | serde_json::Value::Bool(_) | serde_json::Value::Number(_) => {}
    }
}

/// The words of `shown` that came from neither a message nor the corpus: each stretch outside
/// ‹brackets›, with its digits, punctuation and symbols trimmed, must be found in the corpus.
fn stray_words(shown: &str, corpus: &str) -> Vec<String> {
    static ENGLISH: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(english_messages);
    let mut stray = Vec::new();
    // The stretches outside every bracket (a message may hold another, as an argument).
    let mut outside: Vec<String> = vec![String::new()];
    let mut depth = 0usize;
    for c in shown.chars() {
        match c {
            PSEUDO_OPEN => {
                depth += 1;
                outside.push(String::new());
            }
            PSEUDO_CLOSE => depth = depth.saturating_sub(1),
            c if depth == 0 => outside.last_mut().unwrap().push(c),
            _ => {}
        }
    }
    // Parts joined by a separator (a byline's "author · date · kind", a timeline entry's
    // "date — title") are each the corpus's.
    let parts = outside.into_iter().flat_map(|stretch| {
        stretch
            .split(['·', '—', '\n'])
            .map(str::to_owned)
            .collect::<Vec<_>>()
    });
    for stretch in parts {
        let stretch = stretch.as_str();
        let whole = stretch.trim();
        // An identifier or a checksum ("sha256:34d5…") is data, in every language.
        let identifier =
            !whole.contains(char::is_whitespace) && whole.contains(|c: char| c.is_ascii_digit());
        if identifier || is_shortcut(whole) || EGUI_OWN.contains(&whole) {
            continue;
        }
        let trimmed = stretch.trim_matches(|c: char| !c.is_alphabetic());
        let has_words = trimmed.chars().filter(|c| c.is_alphabetic()).count() > 1;
        let in_corpus = corpus.contains(trimmed) || corpus.contains(&one_line(trimmed));
        // An English message shown bare is untranslated, even if the corpus has its words.
        if has_words && (!in_corpus || ENGLISH.contains(stretch.trim())) {
            stray.push(trimmed.to_owned());
        }
    }
    stray
}

/// The words egui itself gives its widgets (a side panel's resize handle).
const EGUI_OWN: &[&str] = &[
    "Resize panel",
    "Hide",
    "Show",
    "Close window",
    "Resize window top edge",
    "Resize window bottom edge",
    "Resize window left edge",
    "Resize window right edge",
    "Resize window top-left corner",
    "Resize window top-right corner",
    "Resize window bottom-left corner",
    "Resize window bottom-right corner",
];

/// A keyboard shortcut as egui writes it ("Ctrl+Shift+Z", "F7", "Alt+Left"): keys are named
/// as on the keyboard, in every language.
fn is_shortcut(stretch: &str) -> bool {
    let keys = [
        "Ctrl",
        "Shift",
        "Alt",
        "Cmd",
        "Plus",
        "Minus",
        "Enter",
        "Escape",
        "Esc",
        "Delete",
        "Backspace",
        "Space",
        "Home",
        "End",
        "Tab",
        "PageUp",
        "PageDown",
        "Left",
        "Right",
        "Up",
        "Down",
        "Insert",
    ];
    !stretch.is_empty()
        && stretch
            .split([' ', '/', ',', '(', ')'])
            .filter(|token| !token.is_empty())
            .flat_map(|token| token.split('+'))
            .all(|key| {
                keys.contains(&key)
                    || key.chars().count() == 1
                    || (key.starts_with('F') && key[1..].parse::<u8>().is_ok())
                    || key.chars().all(|c| "←→↑↓⏎⌫⎋⇥".contains(c))
            })
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every label, value and description of the window's accessibility tree with words that
/// came from no message file: "role: words".
fn strays(harness: &Harness<'_, LecternApp>, corpus: &str, also: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for node in harness.query_all(by().predicate(|_| true)) {
        let node = node.accesskit_node();
        // What the reader typed is theirs; a run of a label's text is a line of its label,
        // which is checked whole.
        if matches!(
            node.role(),
            egui::accesskit::Role::TextInput
                | egui::accesskit::Role::MultilineTextInput
                | egui::accesskit::Role::TextRun
        ) {
            continue;
        }
        for shown in [node.label(), node.value(), node.description()]
            .into_iter()
            .flatten()
        {
            for words in stray_words(&shown, corpus) {
                if !also.iter().any(|a| a.contains(words.as_str())) {
                    found.push(format!("{:?}: {words}  (in “{shown}”)", node.role()));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

fn pseudo(profile: &Path, open: &[&str]) -> StartOptions {
    StartOptions {
        system_language: Language::Pseudo,
        ..start_options(profile, open)
    }
}

fn harness(app: LecternApp, size: egui::Vec2) -> Harness<'static, LecternApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        // Search everything answers from a worker: on a loaded machine the window waits a few
        // frames more for it.
        .with_max_steps(60)
        .build_ui_state(|ui, app: &mut LecternApp| app.show(ui), app);
    harness.run();
    harness
}

/// Clicks the node whose label, in the pseudo-locale, is the English `label` in brackets.
fn click_pseudo(harness: &mut Harness<'_, LecternApp>, label: &str) {
    let bracketed = format!("{PSEUDO_OPEN}{label}{PSEUDO_CLOSE}");
    harness.get_by_label(&bracketed).click();
    harness.run();
}

#[test]
fn the_stray_word_check_finds_words_outside_messages_and_the_corpus() {
    let corpus = "Letter to Comrade Kamenev\nformal unification";
    assert!(stray_words("‹Open›", corpus).is_empty());
    assert!(stray_words("‹Open› Letter to Comrade Kamenev", corpus).is_empty());
    assert!(stray_words("12 ‹notes› — 3", corpus).is_empty());
    assert_eq!(
        stray_words("Letter to Comrade Kamenev — 3 notes", corpus).len(),
        1
    );
    assert_eq!(stray_words("‹Open› more", corpus), vec!["more".to_owned()]);
    assert_eq!(stray_words("Close", corpus), vec!["Close".to_owned()]);
    // "Open" is in the corpus's prose too, but shown bare it is an untranslated message.
    assert_eq!(
        stray_words("Open", "Open the door"),
        vec!["Open".to_owned()]
    );
}

/// The start screen, a pane with the annotations panel, a docked comparison, every menu and
/// the study windows, in the pseudo-locale: every word is a message or the corpus's.
#[test]
fn every_word_the_window_shows_comes_from_the_message_files() {
    let corpus = corpus();
    let profile = tempfile::tempdir().unwrap();
    let mut reported = Vec::new();

    // The start screen: no pane open.
    let mut start = harness(app_with(pseudo(profile.path(), &[])), vec2(1400.0, 900.0));
    reported.extend(strays(&start, &corpus, &[]));
    for menu in ["File", "Edit", "View", "Pane", "Compare", "Help"] {
        click_pseudo(&mut start, menu);
        reported.extend(strays(&start, &corpus, &[]));
        start.key_press(egui::Key::Escape);
        start.run();
    }
    drop(start);

    // A letter in a pane with the annotations panel, a highlight with a note.
    let profile = tempfile::tempdir().unwrap();
    let mut app = app_with(pseudo(profile.path(), &["lenin-1922-09-26-kamenev"]));
    add_highlight_with_note(&mut app, "Lenin on Stalin’s haste");
    // Its note open in the annotations panel's editor.
    app.view_mut().select_annotation(Some("note-0".into()));
    let mut reading = harness(app, vec2(1400.0, 900.0));
    reading.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::A,
    );
    reading.run();
    reported.extend(strays(&reading, &corpus, &["Lenin on Stalin’s haste"]));
    // The comparison, docked below the letter, stepped to a difference.
    reading
        .get_by_label("Clause 1: “entry” into the RSFSR or “formal unification”")
        .click();
    reading.run();
    reading.key_press(egui::Key::F7);
    reading.run();
    reported.extend(strays(&reading, &corpus, &["Lenin on Stalin’s haste"]));
    // The comparison's witnesses collated.
    reading
        .get_by_role_and_label(
            egui::accesskit::Role::Button,
            &format!("{PSEUDO_OPEN}Collate{PSEUDO_CLOSE}"),
        )
        .click();
    reading.step();
    crate::collation_view::until_collated(&mut reading);
    reported.extend(strays(&reading, &corpus, &[]));
    // About this text.
    reading.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::I);
    reading.run();
    reported.extend(strays(&reading, &corpus, &[]));
    // The keyboard shortcuts.
    reading.key_press(egui::Key::F1);
    reading.run();
    reported.extend(strays(&reading, &corpus, &[]));
    drop(reading);

    // Search everything, with its results.
    let profile = tempfile::tempdir().unwrap();
    let mut search = harness(
        app_with(pseudo(profile.path(), &["lenin-1922-09-26-kamenev"])),
        vec2(1400.0, 900.0),
    );
    search.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::F,
    );
    search.run();
    search.event(egui::Event::Text("Mdivani".into()));
    search.run();
    search.key_press(egui::Key::Enter);
    search.run();
    reported.extend(strays(&search, &corpus, &["Mdivani"]));
    drop(search);

    // The study windows.
    for window in [
        "People and places…",
        "Timeline…",
        "Terms across translations…",
    ] {
        let profile = tempfile::tempdir().unwrap();
        let mut study = harness(
            app_with(pseudo(profile.path(), &["lenin-1922-12-30-autonomization"])),
            vec2(1400.0, 900.0),
        );
        click_pseudo(&mut study, "View");
        click_pseudo(&mut study, window);
        study.run();
        reported.extend(strays(&study, &corpus, &[]));
    }

    assert!(
        reported.is_empty(),
        "{} words shown that are in no message file:\n{}",
        reported.len(),
        reported.join("\n")
    );
}

/// View ▸ Language ▸ Русский: the menus speak Russian at once, and the choice is kept in the
/// profile for the next start.
#[test]
fn the_language_chosen_in_view_is_spoken_at_once_and_kept() {
    let profile = tempfile::tempdir().unwrap();
    let mut window = harness(
        app_with(start_options(profile.path(), &["lenin-1922-09-26-kamenev"])),
        vec2(1400.0, 900.0),
    );
    click_through(&mut window, &["View", "Language", "Русский"]);
    assert!(
        window.query_by_label("Вид").is_some(),
        "the View menu is «Вид»"
    );
    assert!(window.query_by_label("View").is_none());
    window.state_mut().save_now();
    drop(window);
    let state = ReadingState::load(&Profile::open(Some(profile.path())).unwrap())
        .value
        .unwrap();
    assert_eq!(state.language, LanguageChoice::Russian);

    // Started again on an English system, the window speaks Russian.
    let mut again = harness(
        app_with(StartOptions {
            system_language: Language::English,
            ..start_options(profile.path(), &[])
        }),
        vec2(1400.0, 900.0),
    );
    assert!(again.query_by_label("Вид").is_some());
    click_through(&mut again, &["Вид", "Язык", "Язык системы"]);
    assert!(
        again.query_by_label("View").is_some(),
        "the system's English again"
    );
}

/// A Russian system: the window speaks Russian from its first frame, and the status bar counts
/// the selected characters in Russian's three plural forms.
#[test]
fn a_russian_system_gets_a_russian_window_with_russian_plurals() {
    let profile = tempfile::tempdir().unwrap();
    let app = app_with(StartOptions {
        system_language: Language::Russian,
        ..start_options(profile.path(), &["lenin-1922-09-26-kamenev"])
    });
    let mut window = harness(app, vec2(1400.0, 900.0));
    assert!(window.query_by_label("Файл").is_some(), "File is «Файл»");
    assert!(window.query_by_label("File").is_none());
    for (length, said) in [
        (1, "Выделен 1 символ"),
        (2, "Выделено 2 символа"),
        (5, "Выделено 5 символов"),
        (21, "Выделен 21 символ"),
    ] {
        window
            .state_mut()
            .desk_mut()
            .pane_mut(0)
            .unwrap()
            .view
            .selection = Some(Selection::from_range((0..length).into()));
        window.run();
        assert!(
            window.query_by_label_contains(said).is_some(),
            "{length} characters: «{said}»"
        );
    }
}

/// The timeline open when the reader switches to Russian: its dates are worded again.
#[test]
fn the_open_timeline_words_its_dates_again_in_the_new_language() {
    let profile = tempfile::tempdir().unwrap();
    let mut window = harness(
        app_with(start_options(profile.path(), &["lenin-1922-09-26-kamenev"])),
        vec2(1400.0, 900.0),
    );
    click_through(&mut window, &["View", "Timeline…"]);
    assert!(
        window
            .query_all(by().label_contains("23–24 September 1922"))
            .next()
            .is_some()
    );
    click_through(&mut window, &["View", "Language", "Русский"]);
    assert!(
        window
            .query_all(by().label_contains("23–24 сентября 1922"))
            .next()
            .is_some(),
        "the commission's draft, dated anew"
    );
    assert!(window.query_by_label("Хронология").is_some());
}
