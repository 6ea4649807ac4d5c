//! Image snapshots of key screens, rendered through wgpu (Mesa's lavapipe on a CPU-only
//! machine). They need a Vulkan driver, so `cargo test` lists them as ignored; run them, in the
//! same build, with `cargo test --test it snapshots:: -- --ignored`. A missing or changed
//! baseline fails and writes `tests/snapshots/NAME.new.png` to compare. Update baselines with
//! `UPDATE_SNAPSHOTS=1 cargo test --test it snapshots:: -- --ignored`.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lectern::bundled::bundled_library;
use lectern::i18n::Language;
use lectern::model::annotation::Annotation;
use lectern::model::notebook::Edit;
use lectern::model::selection::Selection;
use lectern::model::text::CharRange;
use lectern::storage::reading_state::ThemeChoice;
use lectern::ui::app::{LecternApp, StartOptions};

use crate::common::gui::{
    add_note_on_lenins_amendment, click, click_through, show_only_the_english_witnesses,
    start_options,
};

/// The two image snapshots of a screen, in the light theme and in the dark: `$screen(theme)`
/// draws it, and each test compares it with the baseline of its own name (or the name given).
macro_rules! in_light_and_dark {
    ($screen:ident: $light:ident, $dark:ident) => {
        in_light_and_dark!($screen: $light = stringify!($light), $dark = stringify!($dark));
    };
    ($screen:ident: $light:ident = $light_name:expr, $dark:ident = $dark_name:expr) => {
        #[test]
        #[ignore = "an image snapshot (needs a Vulkan driver): cargo test --test it snapshots:: -- --ignored"]
        fn $light() {
            $screen(ThemeChoice::Light).snapshot($light_name);
        }

        #[test]
        #[ignore = "an image snapshot (needs a Vulkan driver): cargo test --test it snapshots:: -- --ignored"]
        fn $dark() {
            $screen(ThemeChoice::Dark).snapshot($dark_name);
        }
    };
}

/// Vera's window with the Study groups window open: Anna's question and Boris's reply new,
/// in their members' colours, and Anna's highlight in the pane under it.
fn study_groups(theme: ThemeChoice) -> Harness<'static, LecternApp> {
    // The folder's path is on screen: a fixed one for each theme's baseline.
    let root = std::path::PathBuf::from(format!("/tmp/lectern-snapshot-seminar-{theme:?}"));
    let _ = std::fs::remove_dir_all(&root);
    let seminar = crate::groups::seminar_in(root);
    let vera = seminar.profile("vera");
    let at = crate::groups::at(5);
    lectern::storage::groups::rename(&vera, "Vera", Some([0x75, 0x70, 0xb3]), at.clone()).unwrap();
    lectern::storage::groups::join(&vera, &seminar.group, None, "Vera", at).unwrap();
    let mut app = LecternApp::new(
        bundled_library(),
        start_options(&vera, &["lenin-1922-09-26-kamenev"]),
    );
    app.view_mut().set_theme(theme);
    let mut harness = harness_of(app);
    crate::groups::groups_read(&mut harness);
    click_through(&mut harness, &["View", "Study groups…"]);
    harness
}

in_light_and_dark!(study_groups: study_groups_light, study_groups_dark);

/// The app on a fresh profile with `open` texts in panes, in `theme`.
fn app_with(open: &[&str], theme: ThemeChoice) -> LecternApp {
    app_in(open, theme, Language::English)
}

/// The app on a fresh profile with `open` texts in panes, in `theme`, on a system that speaks
/// `language`.
fn app_in(open: &[&str], theme: ThemeChoice, language: Language) -> LecternApp {
    // The profile folder outlives this function (the app saves into it); the system's
    // temporary folder is cleared in time.
    let profile = tempfile::tempdir().unwrap().keep();
    let options = StartOptions {
        system_language: language,
        ..start_options(&profile, open)
    };
    let mut app = LecternApp::new(bundled_library(), options);
    app.view_mut().set_theme(theme);
    app
}

/// A harness of the size the baselines were taken at.
fn harness_of(app: LecternApp) -> Harness<'static, LecternApp> {
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 860.0))
        .with_pixels_per_point(1.0)
        .build_ui_state(|ui, app: &mut LecternApp| app.show(ui), app);
    harness.run();
    harness
}

fn desk_with_two_panes(theme: ThemeChoice) -> Harness<'static, LecternApp> {
    desk_with_two_panes_in(theme, Language::English)
}

fn desk_with_two_panes_in(theme: ThemeChoice, language: Language) -> Harness<'static, LecternApp> {
    let mut app = app_in(
        &[
            "lenin-1922-09-26-kamenev",
            "lenin-1922-12-30-autonomization",
        ],
        theme,
        language,
    );
    app.desk_mut().pane_mut(0).unwrap().linked = true;
    app.desk_mut().pane_mut(1).unwrap().linked = true;
    app.desk_mut().pane_mut(0).unwrap().view.selection =
        Some(Selection::from_range((16..80).into()));
    // Two overlapping highlights, one with a note, selected in the annotations panel.
    let text = app.desk().panes()[0].text.clone();
    let byte = text
        .content()
        .find("Stalin tends to be somewhat hasty")
        .unwrap();
    let start = text.content()[..byte].chars().count();
    for (id, range, category, note) in [
        (
            "outer",
            start..start + 33,
            "question",
            "Lenin on Stalin’s haste",
        ),
        ("inner", start + 19..start + 33, "key-argument", ""),
    ] {
        let annotation = Annotation {
            note: note.into(),
            tags: vec!["stalin".into()],
            ..Annotation::new(
                id,
                &text,
                CharRange(range),
                Some(category),
                &"2026-11-26T21:00:00Z".into(),
            )
        };
        app.notebook_mut()
            .edit(
                Edit::AddAnnotation(annotation),
                &"2026-11-26T21:00:00Z".into(),
            )
            .unwrap();
    }
    app.view_mut().select_annotation(Some("outer".into()));
    harness_of(app)
}

in_light_and_dark!(
    desk_with_two_panes: library_with_two_panes_light = "library_two_panes_light",
    library_with_two_panes_dark = "library_two_panes_dark"
);

/// The showcase: Clause 1 of Stalin's draft beside Lenin's amendment and the revised draft,
/// the second difference stepped to, the library and annotations panels closed.
fn clause_1(theme: ThemeChoice) -> Harness<'static, LecternApp> {
    clause_1_in(theme, Language::English)
}

fn clause_1_in(theme: ThemeChoice, language: Language) -> Harness<'static, LecternApp> {
    let mut app = app_in(&[], theme, language);
    app.view_mut().hide_side_panels();
    let mut harness = harness_of(app);
    click(
        &mut harness,
        "Compare Stalin’s “entry” clause with Lenin’s “formal unification”",
    );
    harness.key_press(egui::Key::F7);
    harness.key_press(egui::Key::F7);
    harness.event(egui::Event::PointerGone);
    harness.run();
    harness
}

in_light_and_dark!(clause_1: clause_1_comparison_light, clause_1_comparison_dark);

/// A file dragged over the desk: the whole window says what dropping it will do.
#[test]
#[ignore = "an image snapshot (needs a Vulkan driver): cargo test --test it snapshots:: -- --ignored"]
fn a_file_dragged_over_the_window() {
    let mut harness = harness_of(app_with(&["lenin-1922-09-26-kamenev"], ThemeChoice::Light));
    harness.input_mut().hovered_files.push(egui::HoveredFile {
        path: Some("/home/reader/Проект резолюции.html".into()),
        mime: String::new(),
    });
    // egui repaints every frame while files hover: steps, not run.
    harness.step();
    harness.step();
    harness.snapshot("a_file_dragged_over_the_window");
}

/// The Clause 1 comparison docked below the Kamenev letter, stepped to its second
/// difference: a compact header, the witnesses' names above the rows.
fn docked_comparison(theme: ThemeChoice) -> Harness<'static, LecternApp> {
    let mut harness = harness_of(app_with(&["lenin-1922-09-26-kamenev"], theme));
    click(
        &mut harness,
        "Clause 1: “entry” into the RSFSR or “formal unification”",
    );
    harness.key_press(egui::Key::F7);
    harness.key_press(egui::Key::F7);
    harness.event(egui::Event::PointerGone);
    harness.run();
    harness
}

in_light_and_dark!(docked_comparison: docked_comparison_light, docked_comparison_dark);

/// Three letters side by side in a window of 1280 points: narrow panes, compact headers.
fn three_narrow_panes(theme: ThemeChoice) -> Harness<'static, LecternApp> {
    let app = app_with(
        &[
            "lenin-1922-09-26-kamenev",
            "lenin-1922-12-30-autonomization",
            "lenin-1923-03-05-trotsky",
        ],
        theme,
    );
    let mut harness = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .with_pixels_per_point(1.0)
        .build_ui_state(|ui, app: &mut LecternApp| app.show(ui), app);
    harness.run();
    harness
}

in_light_and_dark!(three_narrow_panes: three_narrow_panes_light, three_narrow_panes_dark);

/// The keyboard shortcuts window (F1) over a reading pane.
fn shortcuts_window(theme: ThemeChoice) -> Harness<'static, LecternApp> {
    let mut harness = harness_of(app_with(&["lenin-1922-09-26-kamenev"], theme));
    harness.key_press(egui::Key::F1);
    harness.event(egui::Event::PointerGone);
    harness.run();
    harness
}

in_light_and_dark!(shortcuts_window: shortcuts_window_light, shortcuts_window_dark);

/// People and places with Ordzhonikidze chosen: who he was, and his mentions by text.
fn people_and_places(theme: ThemeChoice) -> Harness<'static, LecternApp> {
    let mut harness = harness_of(app_with(&["lenin-1922-09-26-kamenev"], theme));
    click_through(&mut harness, &["View", "People and places…"]);
    harness
        .get_by_label_contains("G. K. Ordzhonikidze —")
        .click();
    harness.event(egui::Event::PointerGone);
    harness.run();
    harness
}

in_light_and_dark!(people_and_places: people_and_places_light, people_and_places_dark);

/// The timeline with Lenin's letter to Kamenev chosen: documents above the axis, events below.
fn timeline(theme: ThemeChoice) -> Harness<'static, LecternApp> {
    let mut harness = harness_of(app_with(&[], theme));
    click_through(&mut harness, &["View", "Timeline…"]);
    harness
        .get_by_label("26 September 1922 — V. I. Lenin — On the Establishment of the U.S.S.R.")
        .click();
    harness.event(egui::Event::PointerGone);
    harness.run();
    harness
}

in_light_and_dark!(timeline: timeline_light, timeline_dark);

/// Terms across translations with “entry” chosen, marked in the Clause 1 comparison that
/// fills the window.
fn terms_across_translations(theme: ThemeChoice) -> Harness<'static, LecternApp> {
    let mut harness = harness_of(app_with(&[], theme));
    click(
        &mut harness,
        "Clause 1: “entry” into the RSFSR or “formal unification”",
    );
    click_through(&mut harness, &["View", "Terms across translations…"]);
    harness
        .get_by_label_contains("Entry (вступление) —")
        .click();
    harness.event(egui::Event::PointerGone);
    harness.run();
    harness
}

in_light_and_dark!(
    terms_across_translations: terms_across_translations_light,
    terms_across_translations_dark
);

/// Clause 1 in English with a note on Lenin's amendment carried to Stalin's draft and the
/// revised draft.
fn carried_notes(theme: ThemeChoice) -> Harness<'static, LecternApp> {
    let mut harness = harness_of(app_with(&[], theme));
    click(
        &mut harness,
        "Clause 1: “entry” into the RSFSR or “formal unification”",
    );
    add_note_on_lenins_amendment(&mut harness);
    show_only_the_english_witnesses(&mut harness);
    harness.event(egui::Event::PointerGone);
    harness.run();
    harness
}

in_light_and_dark!(carried_notes: carried_notes_light, carried_notes_dark);

/// Clause 1 collated from its header's Collate: the window over the desk with the Russian
/// witnesses in the Table and the note that English is collated apart.
fn collation_window(theme: ThemeChoice) -> Harness<'static, LecternApp> {
    let mut app = app_with(&[], theme);
    app.view_mut().hide_side_panels();
    let mut harness = harness_of(app);
    click(
        &mut harness,
        "Compare Stalin’s “entry” clause with Lenin’s “formal unification”",
    );
    // Collating shows a spinner until it is done: step the frames, never wait to settle.
    harness.get_by_label("Collate").click();
    harness.step();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while harness.state().collation().is_collating() {
        assert!(std::time::Instant::now() < deadline, "collated in time");
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    harness.event(egui::Event::PointerGone);
    harness.run();
    harness
}

in_light_and_dark!(collation_window: collation_window_light, collation_window_dark);

/// The start screen, a pane with the annotations panel, and the Clause 1 comparison, on a
/// Russian system.
#[test]
#[ignore = "an image snapshot (needs a Vulkan driver): cargo test --test it snapshots:: -- --ignored"]
fn start_screen_in_russian() {
    harness_of(app_in(&[], ThemeChoice::Light, Language::Russian)).snapshot("start_screen_ru");
}

#[test]
#[ignore = "an image snapshot (needs a Vulkan driver): cargo test --test it snapshots:: -- --ignored"]
fn a_pane_with_the_annotations_panel_in_russian() {
    desk_with_two_panes_in(ThemeChoice::Light, Language::Russian).snapshot("library_two_panes_ru");
}

#[test]
#[ignore = "an image snapshot (needs a Vulkan driver): cargo test --test it snapshots:: -- --ignored"]
fn the_clause_1_comparison_in_russian() {
    clause_1_in(ThemeChoice::Light, Language::Russian).snapshot("clause_1_comparison_ru");
}

/// The first page of the Clause 1 comparison printed to PDF (poppler's rendering), as the
/// reader sees it in a PDF viewer.
#[test]
#[ignore = "an image snapshot (needs a Vulkan driver): cargo test --test it snapshots:: -- --ignored"]
fn clause_1_printed_first_page() {
    let (_, pdf) = crate::print::clause_1_pdf();
    let page = crate::print::rendered_page(&pdf, 1);
    egui_kittest::image_snapshot(&page, "clause_1_printed_first_page");
}
