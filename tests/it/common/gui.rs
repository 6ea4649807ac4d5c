//! What the window's tests (tests/it/gui.rs and the image snapshots) do again and again: start
//! the app on a profile, click a button and let the window settle, turn the mouse wheel, write a
//! note on a comparison's difference or on Lenin's amendment, let a pause pass on the window's
//! clock, and read an annotation back.
#![allow(dead_code)] // each test module uses part of it
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::Path;
use std::time::Duration;

use egui::{Event, Key, Modifiers, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lectern::bundled::bundled_library;
use lectern::model::annotation::Annotation;
use lectern::model::comparison::{ComparisonNote, WordingInput};
use lectern::model::notebook::Edit;
use lectern::model::text::Text;
use lectern::storage::profile::Profile;
use lectern::ui::app::{LecternApp, StartOptions};

/// How a test starts the app: on the profile folder `profile`, with the bundled texts `open`
/// in panes.
pub fn start_options(profile: &Path, open: &[&str]) -> StartOptions {
    StartOptions {
        profile: Some(Profile::open(Some(profile)).unwrap()),
        open: open.iter().map(|s| (*s).into()).collect(),
        ..StartOptions::default()
    }
}

/// How `lectern compare A B --window` starts the app on the profile folder `profile`: the
/// `wordings` compared at once, the comparison filling the window.
pub fn comparing(profile: &Path, wordings: Vec<WordingInput>) -> StartOptions {
    StartOptions {
        compare: wordings,
        ..start_options(profile, &[])
    }
}

/// How `lectern --open-file` starts the app on the profile folder `profile`: `texts` read
/// from files for this session, each in a pane.
pub fn reading_files(profile: &Path, texts: Vec<Text>) -> StartOptions {
    StartOptions {
        session_texts: texts,
        ..start_options(profile, &[])
    }
}

/// The app with the bundled library, started with `options`.
pub fn app_with(options: StartOptions) -> LecternApp {
    LecternApp::new(bundled_library(), options)
}

/// Clicks the widget labelled `label` and lets the window settle.
pub fn click(harness: &mut Harness<'_, LecternApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks the widgets labelled `labels` one after the other (a menu, then its item), letting
/// the window settle after each.
pub fn click_through(harness: &mut Harness<'_, LecternApp>, labels: &[&str]) {
    for label in labels {
        click(harness, label);
    }
}

/// Moves the pointer to `pos` and turns the mouse wheel by `dy` points there (negative: down
/// the page). The next frames take it.
pub fn wheel_at(harness: &Harness<'_, LecternApp>, pos: Pos2, dy: f32) {
    harness.event(Event::PointerMoved(pos));
    harness.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
}

/// Lets `pause` pass on the window's clock (the time egui gives each frame) and runs one frame
/// at the new time: a pause in the reader's typing without waiting for it. Later frames go on
/// from there, a step at a time.
pub fn let_time_pass(harness: &mut Harness<'_, LecternApp>, pause: Duration) {
    let now = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(now + pause.as_secs_f64());
    harness.step();
    harness.input_mut().time = None;
}

/// The annotation `id` as the app's notebook has it now.
pub fn annotation(harness: &Harness<'_, LecternApp>, id: &str) -> Annotation {
    harness
        .state()
        .notebook()
        .annotations()
        .get(id)
        .unwrap()
        .clone()
}

/// In the open comparison, goes to the next difference (F7), makes a note on it and types
/// `text` into it; the note's subject (its field is labelled "Note SUBJECT").
pub fn note_on_next_difference(harness: &mut Harness<'_, LecternApp>, text: &str) -> String {
    harness.key_press(Key::F7);
    harness.run();
    click(harness, "Note on this difference");
    let notes = harness.state().notebook().comparison_notes();
    let subject = notes.last().expect("a note was made").subject();
    harness
        .get_by_label(&format!("Note {subject}"))
        .type_text(text);
    harness.run();
    subject
}

/// Adds the reader's note on “Formal unification” in Lenin's amendment (English) to the open
/// comparison (Clause 1), as the comparison's Note button makes it, and lets the window show it.
pub fn add_note_on_lenins_amendment(harness: &mut Harness<'_, LecternApp>) {
    let comparison = harness
        .state()
        .comparison()
        .expect("a comparison is open")
        .comparison()
        .clone();
    let note = ComparisonNote {
        witness: Some("Lenin’s amendment (English)".into()),
        quote: "Formal\u{a0}unification".into(),
        note: "The word Stalin accepted in place of entry".into(),
        ..ComparisonNote::new(
            "n-1".into(),
            &comparison,
            1,
            None,
            &"2026-11-30T00:00:00Z".into(),
        )
    };
    let edit = Edit::AddComparisonNote {
        note,
        readers_comparison: None,
    };
    let added = harness
        .state_mut()
        .notebook_mut()
        .edit(edit, &"2026-11-30T00:00:00Z".into())
        .unwrap();
    assert!(added);
    harness.run();
}

/// Opens Search everything, types `query` and waits until every text was searched for it.
pub fn search_everything_for(harness: &mut Harness<'_, LecternApp>, query: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    type_search_everything(harness, query);
}

/// Types `query` into Search everything's field (the window being open) and steps until every
/// text was searched for it (the search runs on other threads), a second at most.
pub fn type_search_everything(harness: &mut Harness<'_, LecternApp>, query: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Search texts and notes")
        .type_text(query);
    for _ in 0..200 {
        harness.step();
        let done = harness
            .state()
            .search()
            .search_all
            .as_ref()
            .is_some_and(|s| s.preparing == 0 && s.searched.as_ref().is_some_and(|k| k.0 == query));
        if done {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run();
}

/// In the open comparison of Clause 1, sets the three Russian witnesses aside (from the
/// Witnesses menu), so that the English ones have the room.
pub fn show_only_the_english_witnesses(harness: &mut Harness<'_, LecternApp>) {
    click(harness, "Witnesses (6)");
    for russian in [
        "Show Stalin’s draft (Russian)",
        "Show Lenin’s amendment (Russian)",
        "Show Revised draft, early Oct 1922 (Russian)",
    ] {
        click(harness, russian);
    }
    harness.key_press(Key::Escape);
}

/// Dialogs that answer as a test script says, instead of asking a person.
pub struct ScriptedDialogs(pub Option<std::path::PathBuf>);

impl lectern::ui::dialogs::FileDialogs for ScriptedDialogs {
    fn pick_text_file(&self) -> Option<std::path::PathBuf> {
        self.0.clone()
    }

    fn save_file(&self, _title: &str, _file_name: &str) -> Option<std::path::PathBuf> {
        self.0.clone()
    }

    fn available(&self) -> bool {
        true
    }

    fn pick_file(
        &self,
        _title: &str,
        _filter: &str,
        _extensions: &[&str],
    ) -> Option<std::path::PathBuf> {
        self.0.clone()
    }
}

/// Highlights a passage of the first pane's text with `note`, in the category "question": the
/// nth such highlight (n the annotations already there) lies on the nth sentence's words.
pub fn add_highlight_with_note(app: &mut LecternApp, note: &str) {
    let text = app.desk().panes()[0].text.clone();
    let n = app.notebook().contents().annotations.live().len();
    let start = 20 + 60 * n;
    let annotation = Annotation {
        note: note.into(),
        ..Annotation::new(
            format!("note-{n}"),
            &text,
            lectern::model::text::CharRange(start..start + 30),
            Some("question"),
            &"2026-12-07T18:00:00Z".into(),
        )
    };
    app.notebook_mut()
        .edit(
            Edit::AddAnnotation(annotation),
            &"2026-12-07T18:00:00Z".into(),
        )
        .unwrap();
}
