//! The reading desk as a user drives it: egui_kittest harness tests that find widgets by role
//! and label, click, type and press keys, then assert on the app's state. No GPU needed.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use lectern::model::text::CharRange;
use lectern::model::text::TextId;
use std::ops::Range;
use std::path::Path;
use std::time::Duration;

use egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use lectern::bundled::bundled_library;
use lectern::model::selection::Selection;
use lectern::storage::notebook_dir::NotebookStore;
use lectern::storage::profile::Profile;
use lectern::storage::reading_state::ThemeChoice;
use lectern::ui::app::{ImportDraft, LecternApp, NOTE_PAUSE, StartOptions};
use lectern::ui::reader::ReaderView;

use crate::common::gui::{
    ScriptedDialogs, add_note_on_lenins_amendment, annotation, app_with, click, click_through,
    comparing, let_time_pass, note_on_next_difference, reading_files, search_everything_for,
    show_only_the_english_witnesses, start_options, type_search_everything, wheel_at,
};

const KAMENEV: &str = "lenin-1922-09-26-kamenev";
const NOTES: &str = "lenin-1922-12-30-autonomization";
const TROTSKY: &str = "lenin-1923-03-05-trotsky";

fn app(profile: &Path, open: &[&str]) -> LecternApp {
    app_with(start_options(profile, open))
}

/// Opens the find bar (Ctrl+F) on the active pane's text (the bar's field labelled `field`),
/// types `query` and steps until it was searched for (the search runs on another thread), a
/// second at most.
fn find_in_text(harness: &mut Harness<'_, LecternApp>, field: &str, query: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, field)
        .type_text(query);
    for _ in 0..200 {
        harness.step();
        let find = harness.state().search().find.as_ref();
        if find.is_some_and(|f| f.searched.is_some()) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run();
}

/// The names of the notebook's highlight categories, in order.
fn category_names(harness: &Harness<'_, LecternApp>) -> Vec<String> {
    let categories = harness.state().notebook().categories();
    categories.iter().map(|c| c.name.clone()).collect()
}

/// The note of the annotation `id` in the app's notebook.
fn note_of(harness: &Harness<'_, LecternApp>, id: &str) -> String {
    let annotation = harness.state().notebook().annotations().get(id);
    annotation.expect("the annotation is there").note.clone()
}

/// Adds an annotation to the app's notebook as the reader would have made it.
fn add_annotation(app: &mut LecternApp, annotation: lectern::model::annotation::Annotation) {
    let made = app
        .notebook_mut()
        .edit(
            lectern::model::notebook::Edit::AddAnnotation(annotation),
            &"2026-11-27T00:00:00Z".into(),
        )
        .unwrap();
    assert!(made);
}

fn harness(app: LecternApp) -> Harness<'static, LecternApp> {
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(60)
        .build_ui_state(|ui, app: &mut LecternApp| app.show(ui), app);
    harness.run();
    harness
}

/// Runs frames until `done` (what another thread delivers comes in its own time), for two
/// seconds at most.
fn run_until(
    harness: &mut Harness<'_, LecternApp>,
    done: impl Fn(&Harness<'_, LecternApp>) -> bool,
) {
    for _ in 0..200 {
        harness.run();
        if done(harness) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

fn pane_ids(harness: &Harness<'_, LecternApp>) -> Vec<TextId> {
    harness
        .state()
        .desk()
        .panes()
        .iter()
        .map(|p| p.text.id().to_owned())
        .collect()
}

/// The reading view of pane `pane`, for a test to move it or select in it directly.
fn pane_view<'a>(harness: &'a mut Harness<'_, LecternApp>, pane: usize) -> &'a mut ReaderView {
    &mut harness.state_mut().desk_mut().pane_mut(pane).unwrap().view
}

/// Selects `range` (characters of its text) in pane `pane`, as a drag over it would.
fn select_in_pane(harness: &mut Harness<'_, LecternApp>, pane: usize, range: Range<usize>) {
    pane_view(harness, pane).selection = Some(Selection::from_range(range.into()));
}

fn press(harness: &Harness<'_, LecternApp>, pos: Pos2, modifiers: Modifiers) {
    harness.event(Event::PointerMoved(pos));
    harness.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed: true,
        modifiers,
    });
}

fn release(harness: &Harness<'_, LecternApp>, pos: Pos2, modifiers: Modifiers) {
    harness.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed: false,
        modifiers,
    });
}

fn click_at(harness: &mut Harness<'_, LecternApp>, pos: Pos2, modifiers: Modifiers) {
    press(harness, pos, modifiers);
    harness.step();
    release(harness, pos, modifiers);
    harness.step();
}

/// Focuses the text field with this role and label, and types into it.
fn type_into(
    harness: &mut Harness<'_, LecternApp>,
    role: egui::accesskit::Role,
    label: &str,
    text: &str,
) {
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

/// The screen position of a character offset in the first pane's text.
fn pos_of(harness: &Harness<'_, LecternApp>, pane: usize, offset: usize) -> Pos2 {
    let pane = &harness.state().desk().panes()[pane];
    pane.view
        .screen_pos_of(&pane.text, offset)
        .unwrap_or_else(|| panic!("offset {offset} is not on screen"))
}

#[test]
fn a_title_in_the_library_opens_the_text_in_a_pane() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    assert!(pane_ids(&harness).is_empty());
    click(&mut harness, "On the Establishment of the U.S.S.R.");
    assert_eq!(pane_ids(&harness), [KAMENEV]);
    harness.get_by_label("Reading pane 1: On the Establishment of the U.S.S.R.");
}

#[test]
fn beside_opens_a_second_text_next_to_the_first() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    click(&mut harness, "Open beside: To L. D. Trotsky");
    assert_eq!(pane_ids(&harness), [KAMENEV, TROTSKY]);
    assert_eq!(harness.state().desk().active(), 1);
    harness.get_by_label("Reading pane 2: To L. D. Trotsky");
}

#[test]
fn the_filter_and_enter_open_texts_in_place_and_beside() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    type_into(
        &mut harness,
        egui::accesskit::Role::TextInput,
        "Filter",
        "trotsky",
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(pane_ids(&harness), [TROTSKY]);
    harness.state_mut().view_mut().library_panel_mut().filter = "autonomization".into();
    harness
        .state_mut()
        .view_mut()
        .library_panel_mut()
        .focus_filter = true;
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    assert_eq!(pane_ids(&harness), [TROTSKY, NOTES]);
}

#[test]
fn panes_close_and_swap_from_their_headers() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV, NOTES, TROTSKY]));
    assert_eq!(pane_ids(&harness), [KAMENEV, NOTES, TROTSKY]);
    // A fourth text cannot go beside three.
    assert!(
        harness
            .get_by_label("Open beside: Memo Combatting Dominant Nation Chauvinism")
            .accesskit_node()
            .is_disabled()
    );
    // Three panes are narrow: moving a pane is in its ℹ menu.
    click_through(
        &mut harness,
        &["About the text in pane 1", "Move pane right"],
    );
    assert_eq!(pane_ids(&harness), [NOTES, KAMENEV, TROTSKY]);
    click(&mut harness, "Close pane 2");
    assert_eq!(pane_ids(&harness), [NOTES, TROTSKY]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::W);
    harness.run();
    assert_eq!(pane_ids(&harness).len(), 1);
}

#[test]
fn linked_scrolling_moves_the_other_linked_pane() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[NOTES, NOTES]));
    click_through(
        &mut harness,
        &["Link scrolling of pane 1", "Link scrolling of pane 2"],
    );
    assert!(harness.state().desk().panes().iter().all(|p| p.linked));
    // Scroll pane 1 with the keyboard.
    harness.state_mut().desk_mut().focus(0);
    harness.key_press(Key::PageDown);
    harness.run();
    harness.key_press(Key::PageDown);
    harness.run();
    let panes = harness.state().desk().panes();
    assert!(panes[0].view.scroll.paragraph > 0, "pane 1 scrolled");
    assert_eq!(
        panes[1].view.scroll.paragraph,
        panes[0].view.scroll.paragraph
    );
    assert!((panes[1].view.within() - panes[0].view.within()).abs() < 0.01);

    // Unlinked, pane 2 stays where it is.
    click(&mut harness, "Link scrolling of pane 2");
    let before = harness.state().desk().panes()[1].view.scroll;
    harness.state_mut().desk_mut().focus(0);
    harness.key_press(Key::PageDown);
    harness.run();
    assert_eq!(harness.state().desk().panes()[1].view.scroll, before);
    assert!(!harness.state().desk().panes()[1].linked);
}

#[test]
fn linking_keeps_each_pane_at_its_own_place() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[NOTES, NOTES]));
    // Pane 2 reads further on than pane 1.
    pane_view(&mut harness, 1).jump_to(8, 0.0);
    harness.run();
    harness.get_by_label("Link scrolling of pane 1").click();
    click(&mut harness, "Link scrolling of pane 2");
    let pane_one = harness
        .get_by_label_contains("Reading pane 1")
        .rect()
        .center();
    wheel_at(&harness, pane_one, -60.0);
    harness.run();
    let panes = harness.state().desk().panes();
    let one = panes[0].view.scroll.paragraph as f32 + panes[0].view.within();
    let two = panes[1].view.scroll.paragraph as f32 + panes[1].view.within();
    assert!(one > 0.0, "pane 1 scrolled");
    assert!(
        (two - (8.0 + one)).abs() < 0.05,
        "pane 2 moved as far as pane 1 from its own place: {one} and {two}"
    );
}

#[test]
fn three_narrow_panes_keep_their_titles_and_buttons_in_view() {
    let profile = tempfile::tempdir().unwrap();
    let app = app(profile.path(), &[KAMENEV, NOTES, TROTSKY]);
    let mut harness = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .with_max_steps(60)
        .build_ui_state(|ui, app: &mut LecternApp| app.show(ui), app);
    harness.run();
    for (index, id) in [KAMENEV, NOTES, TROTSKY].into_iter().enumerate() {
        let number = index + 1;
        let title = harness.state().desk().panes()[index]
            .text
            .meta()
            .title
            .clone();
        let pane = harness
            .get_by_label_contains(&format!("Reading pane {number}"))
            .rect();
        assert!(pane.width() < 300.0, "the panes are narrow: {pane:?}");
        let info = harness
            .get_by_label(&format!("About the text in pane {number}"))
            .rect();
        let link = harness
            .get_by_label(&format!("Link scrolling of pane {number}"))
            .rect();
        for (what, rect) in [("ℹ", info), ("Link", link)] {
            assert!(
                pane.left() <= rect.left() && rect.right() <= pane.right(),
                "pane {number}'s {what} {rect:?} is within the pane {pane:?}"
            );
        }
        // The title, without its leading article where the header is narrow.
        let short = title.strip_prefix("The ").unwrap_or(&title).to_owned();
        let shown = [&title, &short]
            .into_iter()
            .flat_map(|t| {
                harness
                    .query_all_by_label(t)
                    .map(|node| node.rect())
                    .collect::<Vec<_>>()
            })
            .find(|rect| pane.x_range().contains(rect.center().x))
            .unwrap_or_else(|| panic!("{id}'s title is in its header"));
        assert!(
            shown.width() >= 80.0,
            "pane {number}'s title has room to be recognised: {shown:?}"
        );
        assert!(
            shown.right() <= info.left(),
            "the title does not run under the buttons"
        );
    }
    // What the compact header leaves out is in its ℹ menu.
    click_through(
        &mut harness,
        &["About the text in pane 1", "Move pane right"],
    );
    assert_eq!(pane_ids(&harness), [NOTES, KAMENEV, TROTSKY]);
}

#[test]
fn linked_panes_of_different_texts_follow_proportionally() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[NOTES, KAMENEV]));
    harness.get_by_label("Link scrolling of pane 1").click();
    click(&mut harness, "Link scrolling of pane 2");
    harness.state_mut().desk_mut().focus(0);
    harness.key_press(Key::End);
    harness.run();
    let panes = harness.state().desk().panes();
    assert!(
        panes[0].view.fraction() > 0.99,
        "{}",
        panes[0].view.fraction()
    );
    assert!(
        panes[1].view.fraction() > 0.95,
        "{}",
        panes[1].view.fraction()
    );
    harness.key_press(Key::Home);
    harness.run();
    let panes = harness.state().desk().panes();
    assert_eq!(panes[0].view.scroll.paragraph, 0);
    assert!(panes[1].view.fraction() < 0.05);
}

#[test]
fn dragging_selects_a_character_range_across_paragraphs() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    let text = harness.state().desk().panes()[0].text.clone();
    let start = text
        .content()
        .find("Stalin has probably")
        .map(|b| text.content()[..b].chars().count())
        .unwrap();
    let second = text.paragraphs()[1].chars.start;
    let end = second + "If\u{a0}he has not".chars().count();
    let from = pos_of(&harness, 0, start);
    let to = pos_of(&harness, 0, end);
    press(&harness, from, Modifiers::NONE);
    harness.step();
    harness.event(Event::PointerMoved(from + vec2(30.0, 10.0)));
    harness.step();
    harness.event(Event::PointerMoved(to));
    harness.step();
    release(&harness, to, Modifiers::NONE);
    harness.step();
    harness.run();
    let view = &harness.state().desk().panes()[0].view;
    assert_eq!(view.selected_range(), Some(CharRange(start..end)));
    let selected = harness.state().selected_text().unwrap();
    assert!(selected.starts_with("Stalin has probably"), "{selected}");
    assert!(
        selected.ends_with("R.S.F.S.R.\n\nIf\u{a0}he has not"),
        "{selected}"
    );

    // Shift-click extends the selection from its anchor.
    let further = second + "If\u{a0}he has not, please take it".chars().count();
    let pos = pos_of(&harness, 0, further);
    click_at(&mut harness, pos, Modifiers::SHIFT);
    harness.run();
    assert_eq!(
        harness.state().desk().panes()[0].view.selected_range(),
        Some(CharRange(start..further))
    );

    // Ctrl+C copies it (as a key press, and as the Copy event a desktop platform sends).
    let expected = harness.state().selected_text().unwrap();
    assert!(expected.ends_with("please take it"));
    for event in [
        Event::Key {
            key: Key::C,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::COMMAND,
            physical_key: None,
        },
        Event::Copy,
    ] {
        harness.event(event); // one event, one frame: the output below is that frame's
        harness.step();
        assert_copied(&harness, &expected);
    }
}

#[test]
fn double_click_selects_a_word_and_triple_click_a_paragraph() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    let text = harness.state().desk().panes()[0].text.clone();
    let byte = text.content().find("probably").unwrap();
    let offset = text.content()[..byte].chars().count() + 3;
    let pos = pos_of(&harness, 0, offset);
    click_at(&mut harness, pos, Modifiers::NONE);
    click_at(&mut harness, pos, Modifiers::NONE);
    harness.run();
    assert_eq!(harness.state().selected_text().as_deref(), Some("probably"));
    click_at(&mut harness, pos, Modifiers::NONE);
    harness.run();
    assert_eq!(
        harness.state().selected_text().as_deref(),
        Some(text.paragraph_text(0))
    );
    // A plain click elsewhere clears the selection.
    harness.run_steps(40); // wait out the double-click interval
    let other = pos_of(&harness, 0, text.paragraphs()[1].chars.start + 5);
    click_at(&mut harness, other, Modifiers::NONE);
    harness.run();
    assert_eq!(harness.state().selected_text(), None);
}

#[test]
fn zoom_shortcuts_change_the_reading_font_size() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    let default = harness.state().view().font_size();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert!(harness.state().view().font_size() > default);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run();
    assert!(harness.state().view().font_size() < default);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert_eq!(harness.state().view().font_size(), default);
    // The interface itself is not zoomed.
    assert_eq!(harness.ctx.zoom_factor(), 1.0);
}

#[test]
fn the_theme_follows_the_menu_and_the_shortcut() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    assert_eq!(harness.state().view().theme(), ThemeChoice::System);
    click_through(&mut harness, &["View", "Dark theme"]);
    assert_eq!(harness.state().view().theme(), ThemeChoice::Dark);
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    harness.run();
    assert_eq!(harness.state().view().theme(), ThemeChoice::Light);
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
}

#[test]
fn keyboard_scrolling_moves_through_the_text() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[NOTES]));
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert!(harness.state().desk().panes()[0].view.scroll.offset > 0.0);
    harness.key_press(Key::End);
    harness.run();
    assert!(harness.state().desk().panes()[0].view.fraction() > 0.99);
    let last = harness.state().desk().panes()[0].text.paragraphs().len() - 1;
    let visible = harness.state().desk().panes()[0].view.visible_paragraphs();
    assert_eq!(
        visible.last().map(|(p, _)| *p),
        Some(last),
        "the last paragraph is in view"
    );
    harness.key_press(Key::PageUp);
    harness.run();
    assert!(harness.state().desk().panes()[0].view.fraction() < 0.99);
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(harness.state().desk().panes()[0].view.scroll.paragraph, 0);
    assert_eq!(harness.state().desk().panes()[0].view.scroll.offset, 0.0);
}

#[test]
fn the_parts_menu_jumps_to_a_dated_part() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[NOTES]));
    click(&mut harness, "Parts");
    click(&mut harness, "31 December 1922 (second continuation)");
    let pane = &harness.state().desk().panes()[0];
    assert_eq!(
        pane.view.scroll.paragraph,
        pane.text.meta().parts[2].first_paragraph
    );
}

#[test]
fn metadata_is_one_click_away() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    click(&mut harness, "About the text in pane 1");
    assert_eq!(
        harness.state().view().info_text().map(|id| id.as_str()),
        Some(KAMENEV)
    );
    harness.get_by_label("Bernard Isaacs");
    harness.get_by_label("Collected Works");
    assert_eq!(
        harness
            .query_all_by_label("Collected Works, vol. 42, pp. 421–423")
            .count(),
        2
    );
    click(&mut harness, "Close");
    assert_eq!(harness.state().view().info_text(), None);
    // From the library too, for a text that is not open.
    click(
        &mut harness,
        "About: Memo Combatting Dominant Nation Chauvinism",
    );
    harness.get_by_label_contains("literally “great-power chauvinism”");
}

#[test]
fn the_shortcuts_window_lists_every_key_by_area_fits_the_screen_and_closes_with_esc_or_f1() {
    let profile = tempfile::tempdir().unwrap();
    let app = app(profile.path(), &[KAMENEV]);
    let mut harness = Harness::builder()
        .with_size(vec2(1000.0, 600.0))
        .with_max_steps(60)
        .build_ui_state(|ui, app: &mut LecternApp| app.show(ui), app);
    harness.run();
    harness.key_press(Key::F1);
    harness.run();
    assert!(harness.state().view().shortcuts_shown());
    // Grouped by area; every key of a command, "1" too.
    for heading in [
        "Reading",
        "Highlights and notes",
        "Comparing",
        "Finding",
        "The window",
    ] {
        harness.get_by_label(heading);
    }
    harness.get_by_label("H or 1");
    harness.get_by_label("Ctrl+Shift+Z or Ctrl+Y");
    // It fits in the window: what does not fit scrolls.
    let window = harness
        .ctx
        .memory(|m| m.area_rect(egui::Id::unique("lectern-shortcuts")))
        .expect("the window is shown");
    assert!(window.bottom() <= 600.0, "{window:?}");
    // The groups below are there, scrolled to.
    let last = harness.get_by_label("The window").rect();
    assert!(last.bottom() > window.bottom(), "more than fits: {last:?}");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().view().shortcuts_shown(), "Esc closes it");
    harness.key_press(Key::F1);
    harness.run();
    harness.key_press(Key::F1);
    harness.run();
    assert!(!harness.state().view().shortcuts_shown(), "F1 closes it");
}

#[test]
fn reading_state_survives_a_restart() {
    let profile = tempfile::tempdir().unwrap();
    let (paragraph, selection, theme) = {
        let mut harness = harness(app(profile.path(), &[NOTES, KAMENEV]));
        click(&mut harness, "Link scrolling of pane 2");
        harness.state_mut().desk_mut().focus(0);
        for _ in 0..3 {
            harness.key_press(Key::PageDown);
            harness.run();
        }
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
        harness.run();
        harness.state_mut().desk_mut().focus(1);
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness.run();
        let state = harness.state_mut();
        state.save_now();
        (
            state.desk_mut().panes()[0].view.scroll.paragraph,
            state.desk().panes()[1].view.selected_range(),
            state.view().theme(),
        )
    };
    assert!(paragraph > 0);
    let harness = harness(app(profile.path(), &[]));
    let app = harness.state();
    assert_eq!(pane_ids(&harness), [NOTES, KAMENEV]);
    assert_eq!(app.desk().panes()[0].view.scroll.paragraph, paragraph);
    assert!(app.desk().panes()[1].linked);
    assert!(!app.desk().panes()[0].linked);
    assert_eq!(app.desk().panes()[1].view.selected_range(), selection);
    assert_eq!(app.desk().active(), 1);
    assert_eq!(app.view().font_size(), 20.0);
    assert_ne!(
        theme,
        ThemeChoice::System,
        "the shortcut chose light or dark"
    );
    assert_eq!(app.view().theme(), theme);
    assert!(app.notices().is_empty(), "{:?}", app.notices());
}

#[test]
fn a_corrupt_reading_state_is_moved_aside_and_reported() {
    let profile = tempfile::tempdir().unwrap();
    std::fs::write(
        profile.path().join("reading-state.json"),
        "{ \"format\": \"lectern-read",
    )
    .unwrap();
    let harness = harness(app(profile.path(), &[]));
    let notices = harness.state().notices();
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("moved to"), "{notices:?}");
    let kept = std::fs::read_dir(profile.path())
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("reading-state.json.corrupt-")
        });
    assert!(kept, "the unreadable file is kept beside the profile");
    harness.get_by_label_contains("could not be read");
}

#[test]
fn an_unknown_id_on_the_command_line_is_reported_not_fatal() {
    let profile = tempfile::tempdir().unwrap();
    let harness = harness(app(profile.path(), &["no-such-text", TROTSKY]));
    assert_eq!(pane_ids(&harness), [TROTSKY]);
    assert!(harness.state().notices()[0].contains("no-such-text"));
}

#[test]
fn the_mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[NOTES, KAMENEV]));
    let pane_two = harness
        .get_by_label("Reading pane 2: On the Establishment of the U.S.S.R.")
        .rect()
        .center();
    wheel_at(&harness, pane_two, -200.0);
    harness.run();
    let panes = harness.state().desk().panes();
    assert!(
        panes[1].view.fraction() > 0.0,
        "the pane under the pointer scrolled"
    );
    assert_eq!(panes[0].view.scroll.paragraph, 0, "the other pane did not");
    assert_eq!(panes[0].view.scroll.offset, 0.0);
}

#[test]
fn an_idle_window_asks_for_no_repaint() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[NOTES, KAMENEV]));
    harness.state_mut().save_now();
    harness.run();
    harness.step();
    let delay = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert_eq!(
        delay,
        std::time::Duration::MAX,
        "an idle frame scheduled a repaint"
    );
}

fn app_with_dialog_answer(profile: &Path, answer: Option<std::path::PathBuf>) -> LecternApp {
    app_with(StartOptions {
        dialogs: Some(std::sync::Arc::new(ScriptedDialogs(answer))),
        ..start_options(profile, &[KAMENEV])
    })
}

/// The last frame put `expected` on the clipboard.
fn assert_copied(harness: &Harness<'_, LecternApp>, expected: &str) {
    let commands = &harness.output().platform_output.commands;
    assert!(
        commands.contains(&egui::OutputCommand::CopyText(expected.to_owned())),
        "{commands:?}"
    );
}

/// The text read for import, as the import window shows it (`which`: the one expected).
fn import_draft<'a>(harness: &'a Harness<'_, LecternApp>, which: &str) -> &'a ImportDraft {
    harness.state().files().import_draft.as_ref().expect(which)
}

/// Presses the import window's Import button and lets the window settle.
fn confirm_import(harness: &mut Harness<'_, LecternApp>) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Import")
        .click();
    harness.run();
}

/// Steps until the background "Open file…" has finished.
fn wait_for_open_file(harness: &mut Harness<'_, LecternApp>) {
    wait_while(harness, LecternApp::is_opening_file);
}

/// Steps until the app's background work (`busy`) has finished, then lets the UI settle.
fn wait_while(harness: &mut Harness<'_, LecternApp>, busy: fn(&LecternApp) -> bool) {
    for _ in 0..1_000 {
        harness.step();
        if !busy(harness.state()) {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the background work did not finish");
}

#[test]
fn open_file_reads_a_text_beside_the_open_one_without_blocking() {
    let profile = tempfile::tempdir().unwrap();
    let file = profile.path().join("draft clause.txt");
    std::fs::write(
        &file,
        "1. Признать целесообразным заключение договора\n\nПримечание",
    )
    .unwrap();
    let mut harness = harness(app_with_dialog_answer(profile.path(), Some(file)));
    click(&mut harness, "File");
    harness.get_by_label_contains("Open file…").click();
    wait_for_open_file(&mut harness);
    assert_eq!(pane_ids(&harness), [KAMENEV, "file-draft-clause-txt"]);
    assert_eq!(harness.state().desk().panes()[1].text.paragraphs().len(), 2);
    // A text opened for the session is not remembered as a pane to restore.
    assert_eq!(harness.state().reading_state().panes.len(), 1);
}

#[test]
fn open_file_of_a_binary_says_why_and_changes_nothing() {
    let profile = tempfile::tempdir().unwrap();
    let file = profile.path().join("scan.png");
    std::fs::write(&file, [0x89, b'P', b'N', b'G', 0, 0xff]).unwrap();
    let mut harness = harness(app_with_dialog_answer(profile.path(), Some(file)));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    wait_for_open_file(&mut harness);
    assert_eq!(pane_ids(&harness), [KAMENEV]);
    assert!(
        harness.state().notices()[0].contains("looks like a binary file, not text"),
        "{:?}",
        harness.state().notices()
    );
    // Cancelling the dialog does nothing at all.
    drop(harness); // releases the profile's lock
    let mut harness = harness_cancelled(profile.path());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    wait_for_open_file(&mut harness);
    assert_eq!(pane_ids(&harness), [KAMENEV]);
    assert!(harness.state().notices().is_empty());
}

fn harness_cancelled(profile: &Path) -> Harness<'static, LecternApp> {
    harness(app_with_dialog_answer(profile, None))
}

#[test]
fn a_theme_change_lays_the_text_out_again() {
    // egui rebuilds its font atlas when the theme changes; galleys cached from before would
    // point into the old atlas and draw nothing.
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    harness.state_mut().view_mut().set_theme(ThemeChoice::Dark);
    harness.run();
    let before = harness.state().desk().panes()[0].view.atlas_resets();
    harness.state_mut().view_mut().set_theme(ThemeChoice::Light);
    harness.run();
    assert!(harness.state().desk().panes()[0].view.atlas_resets() > before);
    assert!(
        !harness.state().desk().panes()[0]
            .view
            .visible_paragraphs()
            .is_empty()
    );
}

#[test]
fn a_quick_click_within_one_frame_focuses_the_pane_and_triple_click_still_works() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV, NOTES]));
    harness.state_mut().desk_mut().focus(0);
    let pos = pos_of(&harness, 1, 10);
    let quick_click = |harness: &mut Harness<'_, LecternApp>| {
        for pressed in [true, false] {
            harness.input_mut().events.push(Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        harness
            .input_mut()
            .events
            .insert(0, Event::PointerMoved(pos));
        harness.step();
    };
    quick_click(&mut harness);
    assert_eq!(harness.state().desk().active(), 1);
    quick_click(&mut harness);
    quick_click(&mut harness);
    harness.run();
    let pane = &harness.state().desk().panes()[1];
    assert_eq!(
        pane.view.selected_range(),
        Some(pane.text.paragraphs()[0].chars.clone())
    );
}

#[test]
fn a_selection_is_highlighted_with_a_key_undone_redone_and_kept_across_a_restart() {
    let profile = tempfile::tempdir().unwrap();
    {
        let mut harness = harness(app(profile.path(), &[KAMENEV]));
        let text = harness.state().desk().panes()[0].text.clone();
        let byte = text.content().find("Formal\u{a0}unification").unwrap();
        let start = text.content()[..byte].chars().count();
        let end = start + "Formal\u{a0}unification".chars().count();
        let (from, to) = (pos_of(&harness, 0, start), pos_of(&harness, 0, end));
        press(&harness, from, Modifiers::NONE);
        harness.step();
        harness.event(Event::PointerMoved(to));
        harness.step();
        release(&harness, to, Modifiers::NONE);
        harness.run();
        assert_eq!(
            harness.state().desk().panes()[0].view.selected_range(),
            Some(CharRange(start..end))
        );
        harness.key_press(Key::Num2);
        harness.run();
        let live = harness.state().notebook().annotations().live();
        assert_eq!(live.len(), 1);
        assert_eq!(live[0].anchor.exact, "Formal\u{a0}unification");
        assert_eq!(live[0].category_id.as_deref(), Some("question"));
        assert_eq!(live[0].text_id, KAMENEV);
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
        assert!(harness.state().notebook().annotations().live().is_empty());
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
        harness.run();
        assert_eq!(harness.state().notebook().annotations().live().len(), 1);
        harness.state_mut().save_now();
    }
    let harness = harness(app(profile.path(), &[]));
    let live = harness.state().notebook().annotations().live();
    assert_eq!(live.len(), 1, "the highlight survived the restart");
    assert_eq!(live[0].anchor.exact, "Formal\u{a0}unification");
    assert!(
        harness.state().notices().is_empty(),
        "{:?}",
        harness.state().notices()
    );
}

#[test]
fn a_second_lectern_on_the_same_profile_is_read_only() {
    let profile = tempfile::tempdir().unwrap();
    let mut first = harness(app(profile.path(), &[KAMENEV]));
    let text = first.state().library().get(KAMENEV).unwrap().clone();
    let kept = lectern::model::annotation::Annotation::new(
        "kept",
        &text,
        (0..7).into(),
        None,
        &"2026-11-30T10:00:00Z".into(),
    );
    add_annotation(first.state_mut(), kept);
    first.state_mut().save_now();
    let mut second = harness(app(profile.path(), &[KAMENEV]));
    assert!(!first.state().is_read_only());
    assert!(second.state().is_read_only());
    assert!(
        second.state().notices()[0].contains("read-only"),
        "{:?}",
        second.state().notices()
    );
    second.key_press_modifiers(Modifiers::COMMAND, Key::A);
    second.key_press(Key::H);
    second.run();
    assert_eq!(
        second.state().notebook().annotations().live().len(),
        1,
        "a read-only window changes nothing"
    );
    // A refused delete is no delete: the annotation stays, and stays selected.
    let ctx = second.ctx.clone();
    let select = lectern::ui::action::Action::Annotations(
        lectern::ui::action::AnnotationAction::SelectAnnotation(Some("kept".into())),
    );
    second.state_mut().apply(&ctx, select);
    let delete = lectern::ui::action::Action::Annotations(
        lectern::ui::action::AnnotationAction::DeleteAnnotation("kept".into()),
    );
    second.state_mut().apply(&ctx, delete);
    assert_eq!(second.state().view().selected_annotation(), Some("kept"));
    assert!(
        second
            .state()
            .notebook()
            .annotations()
            .get("kept")
            .is_some()
    );
    drop(second);
    drop(first);
    // With both closed, the profile is writable again.
    let third = harness(app(profile.path(), &[]));
    assert!(!third.state().is_read_only());
}

/// Selects `quote` in pane `pane` by dragging over it.
fn drag_select(
    harness: &mut Harness<'_, LecternApp>,
    pane: usize,
    quote: &str,
) -> std::ops::Range<usize> {
    let text = harness.state().desk().panes()[pane].text.clone();
    let byte = text.content().find(quote).unwrap();
    let start = text.content()[..byte].chars().count();
    let end = start + quote.chars().count();
    let (from, to) = (pos_of(harness, pane, start), pos_of(harness, pane, end));
    press(harness, from, Modifiers::NONE);
    harness.step();
    harness.event(Event::PointerMoved(to));
    harness.step();
    release(harness, to, Modifiers::NONE);
    harness.run_steps(30); // let the double-click interval pass
    start..end
}

/// Selects `passage` in the first pane, presses N and types `note` into the note editor (which
/// N focuses); the new annotation's id.
fn write_note(harness: &mut Harness<'_, LecternApp>, passage: &str, note: &str) -> String {
    drag_select(harness, 0, passage);
    harness.key_press(Key::N);
    harness.run();
    let id = harness
        .state()
        .view()
        .selected_annotation()
        .map(str::to_owned)
        .expect("N made and selected a note");
    harness
        .get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Note")
        .type_text(note);
    harness.run();
    id
}

#[test]
fn a_note_being_typed_is_kept_when_the_reader_moves_on_or_closes_the_window() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    let first = write_note(
        &mut harness,
        "Stalin tends to be somewhat hasty",
        "Haste, and rudeness later",
    );
    // Straight on to another passage, without leaving the note field first.
    let second = write_note(&mut harness, "Zinoviev too", "Zinoviev");
    assert_ne!(first, second);
    assert_eq!(note_of(&harness, &first), "Haste, and rudeness later");
    // A pause in the typing keeps what is typed, as Save note would (a crash loses at most
    // the last words).
    assert_eq!(note_of(&harness, &second), "");
    let_time_pass(&mut harness, NOTE_PAUSE + Duration::from_millis(100));
    assert_eq!(note_of(&harness, &second), "Zinoviev");
    // Typing on, then closing the window.
    harness
        .get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Note")
        .type_text(" is asked too");
    harness.run();
    harness.state_mut().save_now();
    drop(harness);
    let harness = self::harness(app(profile.path(), &[KAMENEV]));
    let annotations = harness.state().notebook().annotations();
    assert_eq!(
        annotations.get(&second).unwrap().note,
        "Zinoviev is asked too"
    );
    assert_eq!(
        annotations.get(&first).unwrap().note,
        "Haste, and rudeness later"
    );
}

#[test]
fn an_undone_note_stays_undone() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    let id = write_note(
        &mut harness,
        "Stalin tends to be somewhat hasty",
        "A first thought",
    );
    click(&mut harness, "Save note");
    assert_eq!(note_of(&harness, &id), "A first thought");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(note_of(&harness, &id), "");
    // The editor shows the note as it now is, and nothing brings the undone words back.
    let field = harness.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Note");
    assert_eq!(field.value().as_deref(), Some(""));
    let_time_pass(&mut harness, NOTE_PAUSE + Duration::from_millis(100));
    harness.state_mut().save_now();
    assert_eq!(note_of(&harness, &id), "");
    // Redo still can.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(note_of(&harness, &id), "A first thought");
}

#[test]
fn tags_typed_with_pauses_are_undone_in_one_step_and_undo_says_what_it_did() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    let id = write_note(&mut harness, "Stalin tends to be somewhat hasty", "Haste");
    // "c", a pause (kept), the rest, another pause (kept), then the field is left.
    type_into(
        &mut harness,
        egui::accesskit::Role::TextInput,
        "Tags (comma-separated)",
        "c",
    );
    let_time_pass(&mut harness, NOTE_PAUSE + Duration::from_millis(100));
    harness.run();
    assert_eq!(annotation(&harness, &id).tags, ["c"], "kept after a pause");
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Tags (comma-separated)")
        .type_text("hauvinism, Georgia");
    harness.run();
    let_time_pass(&mut harness, NOTE_PAUSE + Duration::from_millis(100));
    harness.run();
    assert_eq!(annotation(&harness, &id).tags, ["chauvinism", "Georgia"]);
    // Edit ▸ Undo takes the typing back whole: never to "c".
    click(&mut harness, "Edit");
    harness.get_by_label_contains("Undo").click();
    harness.run();
    let undone = annotation(&harness, &id);
    assert!(undone.tags.is_empty(), "{:?}", undone.tags);
    assert_eq!(undone.note, "Haste", "the note is a step of its own");
    harness.get_by_label("Undid: tags of “Stalin tends to be somewhat hasty”");
    assert_eq!(
        harness.state().view().selected_annotation(),
        Some(id.as_str())
    );
    // Redo says so too, and brings the finished tags.
    click(&mut harness, "Edit");
    harness.get_by_label_contains("Redo").click();
    harness.run();
    assert_eq!(annotation(&harness, &id).tags, ["chauvinism", "Georgia"]);
    harness.get_by_label("Redid: tags of “Stalin tends to be somewhat hasty”");
}

#[test]
fn notes_tags_category_delete_trash_and_restore() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    // The note editor has the focus: type a note, then tags.
    let id = write_note(
        &mut harness,
        "Stalin tends to be somewhat hasty",
        "Lenin on Stalin's haste",
    );
    type_into(
        &mut harness,
        egui::accesskit::Role::TextInput,
        "Tags (comma-separated)",
        "stalin, character",
    );
    click(&mut harness, "Save note");
    let annotation = annotation(&harness, &id);
    assert_eq!(annotation.note, "Lenin on Stalin's haste");
    assert_eq!(annotation.tags, ["stalin", "character"]);
    assert_eq!(annotation.anchor.exact, "Stalin tends to be somewhat hasty");

    // Recategorise through the editor.
    click_through(&mut harness, &["Highlight:", "Disagree"]);
    assert_eq!(
        harness
            .state()
            .notebook()
            .annotations()
            .get(&id)
            .unwrap()
            .category_id
            .as_deref(),
        Some("disagree")
    );

    // Delete: to the Trash; restore from it.
    click(&mut harness, "Delete annotation");
    assert!(harness.state().notebook().annotations().get(&id).is_none());
    assert_eq!(harness.state().notebook().annotations().trash().len(), 1);
    click(&mut harness, "Trash (1)");
    click(&mut harness, "Restore: Stalin tends to be somewhat hasty");
    let restored = harness.state().notebook().annotations().get(&id).unwrap();
    assert_eq!(restored.note, "Lenin on Stalin's haste");
    assert!(harness.state().notebook().annotations().trash().is_empty());
    // Undo the restore, then redo it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().notebook().annotations().get(&id).is_none());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert!(harness.state().notebook().annotations().get(&id).is_some());
}

#[test]
fn clicking_a_highlight_selects_it_and_overlaps_stay_reachable() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    drag_select(&mut harness, 0, "Stalin tends to be somewhat hasty");
    harness.key_press(Key::Num1);
    harness.run();
    let outer = harness
        .state()
        .view()
        .selected_annotation()
        .unwrap()
        .to_owned();
    drag_select(&mut harness, 0, "somewhat hasty");
    harness.key_press(Key::Num2);
    harness.run();
    let inner = harness
        .state()
        .view()
        .selected_annotation()
        .unwrap()
        .to_owned();
    assert_ne!(outer, inner);
    harness.state_mut().view_mut().select_annotation(None);
    let text = harness.state().desk().panes()[0].text.clone();
    let byte = text.content().find("Stalin tends").unwrap();
    let in_outer_only = text.content()[..byte].chars().count() + 2;
    let in_both = in_outer_only + "Stalin tends to be some".chars().count() - 2;
    let pos = pos_of(&harness, 0, in_outer_only);
    click_at(&mut harness, pos, Modifiers::NONE);
    harness.run_steps(30);
    assert_eq!(
        harness.state().view().selected_annotation(),
        Some(outer.as_str())
    );
    let pos = pos_of(&harness, 0, in_both);
    click_at(&mut harness, pos, Modifiers::NONE);
    harness.run_steps(30);
    assert_eq!(
        harness.state().view().selected_annotation(),
        Some(inner.as_str()),
        "the shorter first"
    );
    click_at(&mut harness, pos, Modifiers::NONE);
    harness.run_steps(30);
    assert_eq!(
        harness.state().view().selected_annotation(),
        Some(outer.as_str()),
        "then the other"
    );
}

#[test]
fn a_changed_text_re_anchors_annotations_and_keeps_orphans() {
    use lectern::model::annotation::Annotation;
    use lectern::model::annotation_set::AnnotationEdit;
    use lectern::storage::annotations_file::AnnotationsFile;
    let profile_dir = tempfile::tempdir().unwrap();
    let profile = Profile::open(Some(profile_dir.path())).unwrap();
    // Annotations made on an older version of the letter to Kamenev: one passage moved, one
    // that no longer exists.
    let library = bundled_library();
    let current = library.get(KAMENEV).unwrap();
    let older = lectern::model::text::Text::new(
        current.meta().clone(),
        std::iter::once("An older edition's preface, since removed.".to_owned())
            .chain((0..current.paragraphs().len()).map(|i| current.paragraph_text(i).to_owned())),
    );
    let quote = "Stalin tends to be somewhat hasty";
    let byte = older.content().find(quote).unwrap();
    let start = older.content()[..byte].chars().count();
    let make = |id: &str, range: std::ops::Range<usize>| {
        Annotation::new(
            id,
            &older,
            CharRange(range),
            Some("question"),
            &"2026-11-26T21:00:00Z".into(),
        )
    };
    let mut file = AnnotationsFile::default();
    file.annotations.apply(AnnotationEdit::Add(make(
        "moved",
        start..start + quote.chars().count(),
    )));
    file.annotations
        .apply(AnnotationEdit::Add(make("gone", 0..20)));
    file.save(&profile).unwrap();

    let mut harness = harness(app(profile_dir.path(), &[KAMENEV]));
    let app = harness.state();
    let moved = app.notebook().annotations().get("moved").unwrap();
    assert_eq!(
        current.slice((moved.anchor.start..moved.anchor.end).into()),
        quote
    );
    assert_eq!(moved.anchor.content_hash, current.content_hash());
    assert!(
        app.notebook().annotations().get("gone").is_some(),
        "an orphan is kept"
    );
    assert!(
        app.notices()
            .iter()
            .any(|n| n.contains("1 could not be placed")),
        "{:?}",
        app.notices()
    );
    harness.get_by_label("Orphaned (1)");
    // The passage found again is saved with its new place, without any edit of the reader's.
    harness.state_mut().save_now();
    let (saved, _) = NotebookStore::read(profile_dir.path()).unwrap();
    let saved = saved.annotations.get("moved").unwrap().clone();
    assert_eq!(saved.anchor.content_hash, current.content_hash());
    // Re-attach it to a selected passage.
    drag_select(&mut harness, 0, "Give the matter good thought");
    click(&mut harness, "Attach to selection");
    let gone = harness
        .state()
        .notebook()
        .annotations()
        .get("gone")
        .unwrap();
    assert_eq!(gone.anchor.exact, "Give the matter good thought");
    assert!(harness.query_by_label("Orphaned (1)").is_none());
}

#[test]
fn the_selection_toolbar_and_the_context_menu_highlight() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    drag_select(&mut harness, 0, "Stalin tends to be somewhat hasty");
    click(&mut harness, "Highlight as Evidence");
    let live = harness.state().notebook().annotations().live();
    assert_eq!(live.len(), 1);
    assert_eq!(live[0].category_id.as_deref(), Some("evidence"));

    let range = drag_select(&mut harness, 0, "Give the matter good thought");
    let pos = pos_of(&harness, 0, range.start + 3);
    harness.event(Event::PointerMoved(pos));
    harness.event(Event::PointerButton {
        pos,
        button: PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.event(Event::PointerButton {
        pos,
        button: PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    click(&mut harness, "■ Highlight: Term");
    let live = harness.state().notebook().annotations().live();
    assert_eq!(live.len(), 2);
    assert_eq!(live[1].category_id.as_deref(), Some("term"));
    assert_eq!(live[1].anchor.exact, "Give the matter good thought");
}

#[test]
fn the_selection_toolbar_stays_in_its_pane_and_leaves_with_its_selection() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[NOTES]));
    pane_view(&mut harness, 0).jump_to(20, 0.0);
    harness.run();
    let text = harness.state().desk().panes()[0].text.clone();
    let chars = text.paragraphs()[20].chars.clone();
    let quote: String = text.content().chars().skip(chars.start).take(20).collect();
    drag_select(&mut harness, 0, &quote);
    let pane = harness.get_by_label_contains("Reading pane 1").rect();
    let mut shown = 0;
    // Scroll up in small steps: the selection moves down the pane and out of sight.
    for _ in 0..80 {
        // Near the top, away from the selection moving down.
        wheel_at(&harness, pane.center_top() + vec2(0.0, 40.0), 25.0);
        harness.run();
        if let Some(button) = harness.query_by_label("Highlight as Evidence") {
            shown += 1;
            let rect = button.rect();
            assert!(
                pane.contains_rect(rect),
                "the toolbar {rect:?} is inside its pane {pane:?}"
            );
        }
    }
    assert!(
        shown > 0,
        "the toolbar was shown while the selection was in sight"
    );
    assert!(harness.state().desk().panes()[0].view.selection.is_some());
    let scroll = harness.state().desk().panes()[0].view.scroll;
    assert!(
        harness.query_by_label("Highlight as Evidence").is_none(),
        "no toolbar for a selection out of sight (at {scroll:?})"
    );
}

/// Right-clicks at `pos` in a pane.
fn right_click(harness: &mut Harness<'_, LecternApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

#[test]
fn a_highlights_menu_changes_it_writes_its_note_copies_and_deletes_it() {
    let profile = tempfile::tempdir().unwrap();
    let mut app = app(profile.path(), &[KAMENEV]);
    let text = app.library().get(KAMENEV).unwrap().clone();
    let quote = "Stalin tends to be somewhat hasty";
    let byte = text.content().find(quote).unwrap();
    let start = text.content()[..byte].chars().count();
    let range = start..start + quote.chars().count();
    add_annotation(
        &mut app,
        lectern::model::annotation::Annotation {
            note: "Lenin on Stalin’s haste".into(),
            ..lectern::model::annotation::Annotation::new(
                "haste",
                &text,
                CharRange(range.clone()),
                Some("evidence"),
                &"2026-11-30T00:00:00Z".into(),
            )
        },
    );
    let mut harness = harness(app);
    let on_it = pos_of(&harness, 0, range.start + 5);
    // Its note shows on hover (besides in the annotations panel).
    let shown = |harness: &Harness<'_, LecternApp>| {
        harness
            .query_all_by_label("Lenin on Stalin’s haste")
            .count()
    };
    let before = shown(&harness);
    harness.event(Event::PointerMoved(on_it));
    harness.run_steps(40);
    assert_eq!(
        shown(&harness),
        before + 1,
        "the note is shown at the pointer"
    );
    // Its menu offers what can be done to it.
    right_click(&mut harness, on_it);
    for item in [
        "Change category",
        "Edit note…",
        "Copy with citation",
        "Delete highlight",
    ] {
        assert!(
            !harness.get_by_label(item).accesskit_node().is_disabled(),
            "{item}"
        );
    }
    click_through(&mut harness, &["Change category", "■ Term"]);
    let category = harness
        .state()
        .notebook()
        .annotations()
        .get("haste")
        .unwrap()
        .category_id
        .clone();
    assert_eq!(category.as_deref(), Some("term"));
    right_click(&mut harness, on_it);
    harness.get_by_label("Copy with citation").click();
    harness.step(); // the click's frame: its output has the copy
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        });
    assert!(
        copied
            .as_ref()
            .is_some_and(|c| c.contains(quote) && c.contains("On the Establishment")),
        "{copied:?}"
    );
    right_click(&mut harness, on_it);
    click(&mut harness, "Edit note…");
    assert_eq!(harness.state().view().selected_annotation(), Some("haste"));
    right_click(&mut harness, on_it);
    click(&mut harness, "Delete highlight");
    assert!(harness.state().notebook().annotations().live().is_empty());
}

#[test]
fn a_list_entry_scrolls_its_pane_to_the_passage_and_flashes_it() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[NOTES]));
    harness.key_press(Key::End);
    harness.run();
    let text = harness.state().desk().panes()[0].text.clone();
    let last = text.paragraphs().len() - 1;
    let range = text.paragraphs()[last].chars.clone();
    select_in_pane(&mut harness, 0, range.start..range.start + 6);
    harness.key_press(Key::Num3);
    harness.run();
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(harness.state().desk().panes()[0].view.scroll.paragraph, 0);
    let entry = harness.get_by_label_contains("Annotation: ");
    entry.click();
    harness.step();
    harness.step();
    let pane = &harness.state().desk().panes()[0];
    assert!(
        pane.view
            .visible_paragraphs()
            .iter()
            .any(|(p, _)| *p == last),
        "scrolled to it"
    );
    assert!(pane.view.is_flashing(), "and flashes it");
    harness.run_steps(120); // the flash fades
    assert!(!harness.state().desk().panes()[0].view.is_flashing());
}

#[test]
fn an_annotation_on_a_text_no_pane_shows_opens_in_the_active_pane() {
    let profile = tempfile::tempdir().unwrap();
    let mut app = app(profile.path(), &[KAMENEV, TROTSKY]);
    let text = app.library().get(NOTES).unwrap().clone();
    add_annotation(
        &mut app,
        lectern::model::annotation::Annotation::new(
            "on-notes",
            &text,
            (2..20).into(),
            None,
            &"2026-11-30T00:00:00Z".into(),
        ),
    );
    let mut harness = harness(app);
    harness.state_mut().desk_mut().focus(1);
    click(&mut harness, "All texts");
    harness.get_by_label_contains("Annotation: ").click();
    harness.run_steps(10);
    assert_eq!(pane_ids(&harness), [KAMENEV, NOTES], "no third pane");
    assert_eq!(harness.state().desk().active(), 1);
    // Beside stays possible: the desk is not full.
    assert!(
        !harness
            .get_by_label("Open beside: Memo Combatting Dominant Nation Chauvinism")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn a_failed_save_keeps_the_work_in_memory_says_so_and_retries() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    drag_select(&mut harness, 0, "Stalin tends to be somewhat hasty");
    // Something in the way of the folder the highlight's record goes to: the write fails
    // (as on a full or read-only disk).
    let path = profile.path().join("notebook/annotations");
    std::fs::write(&path, "x").unwrap();
    harness.key_press(Key::H);
    harness.run();
    harness.state_mut().save_now();
    harness.run();
    harness.get_by_label_contains("could not be saved");
    assert_eq!(
        harness.state().notebook().annotations().live().len(),
        1,
        "kept in memory"
    );
    // The obstacle goes away; the next save succeeds without the user doing anything.
    std::fs::remove_file(&path).unwrap();
    harness.state_mut().save_now();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("could not be saved")
            .is_none()
    );
    let (saved, _) = NotebookStore::read(profile.path()).unwrap();
    assert_eq!(
        saved.annotations.live()[0].anchor.exact,
        "Stalin tends to be somewhat hasty"
    );
}

#[test]
fn categories_are_renamed_added_and_removed_and_kept() {
    let profile = tempfile::tempdir().unwrap();
    {
        let mut harness = harness(app(profile.path(), &[KAMENEV]));
        drag_select(&mut harness, 0, "Stalin tends to be somewhat hasty");
        harness.key_press(Key::Num2); // "Question" is now in use
        harness.run();
        click(&mut harness, "Categories");
        assert!(
            harness
                .get_by_label("Remove category 2")
                .accesskit_node()
                .is_disabled()
        );
        type_into(
            &mut harness,
            egui::accesskit::Role::TextInput,
            "Name of category 2",
            " (open)",
        );
        click_through(&mut harness, &["Remove category 6", "Add category"]);
        let names = category_names(&harness);
        assert_eq!(names[1], "Question (open)");
        assert!(!names.contains(&"Follow up".to_owned()));
        assert_eq!(names.len(), 6);
        harness.state_mut().save_now();
    }
    let harness = harness(app(profile.path(), &[]));
    let names = category_names(&harness);
    assert_eq!(names[1], "Question (open)");
    assert_eq!(names.len(), 6);
    // The annotation keeps its (renamed) category.
    assert_eq!(
        harness.state().notebook().annotations().live()[0]
            .category_id
            .as_deref(),
        Some("question")
    );
}

#[test]
fn the_annotations_list_filters_by_category_tag_and_text() {
    use lectern::model::annotation::Annotation;
    let profile = tempfile::tempdir().unwrap();
    let mut app = app(profile.path(), &[KAMENEV, NOTES]);
    let library = bundled_library();
    for (id, text_id, category, tag) in [
        ("a", KAMENEV, "question", "union"),
        ("b", KAMENEV, "evidence", "stalin"),
        ("c", NOTES, "question", "stalin"),
    ] {
        let text = library.get(text_id).unwrap();
        add_annotation(
            &mut app,
            Annotation {
                note: format!("note {id}"),
                tags: vec![tag.into()],
                ..Annotation::new(
                    id,
                    text,
                    (0..12).into(),
                    Some(category),
                    &"2026-11-26T21:00:00Z".into(),
                )
            },
        );
    }
    let mut harness = harness(app);
    harness.get_by_label("3 shown");
    harness
        .state_mut()
        .view_mut()
        .annotations_panel_mut()
        .category_filter = Some("question".into());
    harness.run();
    harness.get_by_label("2 shown");
    harness
        .state_mut()
        .view_mut()
        .annotations_panel_mut()
        .tag_filter = Some("stalin".into());
    harness.run();
    harness.get_by_label("1 shown");
    harness
        .state_mut()
        .view_mut()
        .annotations_panel_mut()
        .category_filter = None;
    harness
        .state_mut()
        .view_mut()
        .annotations_panel_mut()
        .text_filter = Some(KAMENEV.into());
    harness.run();
    harness.get_by_label("1 shown");
    harness.get_by_label_contains("note b");
    harness.get_by_label_contains("2026-11-26 · stalin");
}

// ----- Comparisons -----

const CLAUSE_1_TITLE: &str = "Clause 1: “entry” into the RSFSR or “formal unification”";

fn open_clause_1(harness: &mut Harness<'_, LecternApp>) {
    harness.get_by_label(CLAUSE_1_TITLE).click();
    harness.run();
    let state = harness.state().comparison().expect("a comparison is open");
    assert_eq!(state.comparison().id, "clause-1");
}

#[test]
fn the_docked_comparison_gives_its_room_to_the_witnesses_and_comes_back_after_a_restart() {
    let profile = tempfile::tempdir().unwrap();
    let dock_height = {
        let mut harness = harness(app(profile.path(), &[KAMENEV]));
        open_clause_1(&mut harness);
        assert!(!harness.state().comparison().unwrap().fills(), "docked");
        // The description waits behind "About".
        let description = "Stalin’s commission draft of September 1922";
        assert!(harness.query_by_label_contains(description).is_none());
        click(&mut harness, "About this comparison");
        harness.get_by_label_contains(description);
        click(&mut harness, "About this comparison");
        assert!(harness.query_by_label_contains(description).is_none());
        // The header keeps to a few lines: the rows have most of the dock.
        let dock = harness.state().comparison().unwrap().rect().unwrap();
        let head = harness
            .get_by_label_contains("1. Stalin’s draft (Russian)")
            .rect();
        assert!(
            head.bottom() - dock.top() < 0.4 * dock.height(),
            "the witnesses' names at {head:?} leave the rows most of {dock:?}"
        );
        // The names stay when the rows scroll.
        let segment = harness.get_by_label("1, the treaty").rect();
        wheel_at(&harness, dock.center_bottom() - vec2(0.0, 40.0), -120.0);
        harness.run();
        let scrolled = harness.get_by_label("1, the treaty").rect();
        assert!(scrolled.top() < segment.top() - 50.0, "the rows scrolled");
        let still = harness
            .get_by_label_contains("1. Stalin’s draft (Russian)")
            .rect();
        assert_eq!(still.top(), head.top(), "the witnesses' names stay put");
        // The reader makes the dock taller by its edge.
        let edge = dock.center_top() - vec2(0.0, 8.5);
        let before = harness.state().view().dock_height().unwrap();
        press(&harness, edge, Modifiers::NONE);
        harness.step();
        for step in 1..=10 {
            harness.event(Event::PointerMoved(edge - vec2(0.0, 10.0 * step as f32)));
            harness.step();
        }
        release(&harness, edge - vec2(0.0, 100.0), Modifiers::NONE);
        harness.run();
        let after = harness.state().view().dock_height().unwrap();
        assert!((after - before - 100.0).abs() < 10.0, "{before} → {after}");
        harness.state_mut().save_now();
        after
    };
    // After a restart the comparison is open again, docked, as tall as it was.
    let harness = harness(app(profile.path(), &[]));
    let state = harness
        .state()
        .comparison()
        .expect("the comparison is open again");
    assert_eq!(state.comparison().id, "clause-1");
    assert!(!state.fills());
    let dock = state.rect().unwrap();
    assert!(
        (dock.height() + 16.0 - dock_height).abs() < 2.0,
        "{dock:?} for {dock_height}"
    );
}

#[test]
fn f7_inline_brings_each_difference_into_view() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    open_clause_1(&mut harness);
    click(&mut harness, "Inline");
    let count = {
        let state = harness.state().comparison().unwrap();
        state.result().unwrap().differences.len()
    };
    assert!(count > 5);
    for step in 0..count {
        harness.key_press(Key::F7);
        harness.run();
        let state = harness.state().comparison().unwrap();
        assert_eq!(state.current_difference(), Some(step));
        let difference = &state.result().unwrap().differences[step];
        let witness = &state.comparison().witnesses[difference.witness];
        let dock = state.rect().unwrap();
        // The witness's inline wording, which marks the difference, is on screen in the dock
        // (found by its heading, just above it; the segment's rows can be taller than the dock).
        let heading = format!(
            "{}. {} (against {}.)",
            difference.witness + 1,
            witness.label,
            difference.reference + 1
        );
        let shown: Vec<_> = harness
            .query_all_by_label(&heading)
            .map(|node| node.rect())
            .collect();
        assert!(
            shown
                .iter()
                .any(|rect| rect.top() >= dock.top() + 60.0 && rect.bottom() <= dock.bottom()),
            "difference {step} ({}) is in view: {shown:?} in {dock:?}",
            witness.label
        );
    }
}

#[test]
fn marking_against_a_witness_leaves_the_other_language_unmarked_and_says_so() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    open_clause_1(&mut harness);
    // The labels come before their drop-downs (which they name).
    for name in ["Mark against:", "Count as different:"] {
        let label = harness
            .get(
                egui_kittest::kittest::by()
                    .value(name)
                    .include_labels()
                    .role(egui::accesskit::Role::Label),
            )
            .rect();
        let drop_down = harness.get_by_label(name).rect();
        assert!(
            label.right() <= drop_down.left(),
            "{name}: {label:?} {drop_down:?}"
        );
    }
    click_through(&mut harness, &["Mark against:", "Stalin’s draft (Russian)"]);
    let state = harness.state().comparison().unwrap();
    assert_eq!(
        state.reference(),
        lectern::model::comparison::Reference::Base(0)
    );
    let result = state.result().unwrap();
    assert!(!result.differences.is_empty());
    for difference in &result.differences {
        assert_eq!(difference.reference, 0);
        assert!(
            difference.witness < 3,
            "only the Russian witnesses are marked"
        );
    }
    let told = harness
        .query_all(
            egui_kittest::kittest::by()
                .label_contains("Not marked: its language (en) is not that of"),
        )
        .count();
    assert_eq!(told, 3, "each English witness says why it is not marked");
}

#[test]
fn a_long_comparison_title_is_cut_short_before_its_buttons() {
    use lectern::model::comparison::WordingInput;
    let profile = tempfile::tempdir().unwrap();
    let long = "Letter to L. B. Kamenev for Members of the Politbureau, on Clause 1 of the draft";
    let app = app_with(comparing(
        profile.path(),
        vec![
            WordingInput::pasted(long, "on the formal entry of the former into the RSFSR"),
            WordingInput::pasted(
                &format!("{long}, as amended"),
                "on formal unification with the R.S.F.S.R.",
            ),
        ],
    ));
    let harness = harness(app);
    let title = harness
        .state()
        .comparison()
        .unwrap()
        .comparison()
        .title
        .clone();
    assert!(title.len() > 150, "{title}");
    let title = harness.get_by_label(&title).rect();
    for button in [
        "Dock below texts",
        "About this comparison",
        "Close comparison",
    ] {
        let button = harness.query_by_label(button).map(|b| b.rect());
        if let Some(button) = button {
            assert!(
                title.right() <= button.left() + 0.5,
                "the title {title:?} runs under {button:?}"
            );
        }
    }
}

#[test]
fn compare_window_opens_straight_on_the_comparison_filling_the_window() {
    use lectern::model::comparison::WordingInput;
    let profile = tempfile::tempdir().unwrap();
    // As `lectern compare old.txt new.txt --window` starts it.
    let app = app_with(comparing(
        profile.path(),
        vec![
            WordingInput::pasted(
                "old.txt",
                "on the formal entry of the former into the RSFSR",
            ),
            WordingInput::pasted(
                "new.txt",
                "on formal unification with the R.S.F.S.R. in a Union of Soviet Republics",
            ),
        ],
    ));
    let harness = harness(app);
    let state = harness
        .state()
        .comparison()
        .expect("the comparison is open");
    assert!(state.fills(), "it fills the window");
    assert_eq!(state.comparison().title, "old.txt — new.txt");
    assert!(!state.result().unwrap().differences.is_empty());
    harness.get_by_label_contains("1. old.txt");
    harness.get_by_label_contains("2. new.txt");
    assert!(harness.state().side_panels_set_aside());
}

#[test]
fn files_opened_while_the_window_is_open_are_handed_to_it_and_open_beside_its_texts() {
    use lectern::storage::handover::{Request, Sent, send};
    let profile = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let first = files.path().join("draft.txt");
    let second = files.path().join("revised.txt");
    std::fs::write(&first, "on the formal entry of the former into the RSFSR").unwrap();
    std::fs::write(&second, "on formal unification with the R.S.F.S.R.").unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    let ctx = harness.ctx.clone();
    harness.state_mut().listen_for_hand_over(&ctx);
    // A second window on the profile is read-only: it does not take the files from the first.
    let mut read_only = app(profile.path(), &[]);
    assert!(read_only.is_read_only());
    read_only.listen_for_hand_over(&ctx);
    let opened = Profile::open(Some(profile.path())).unwrap();
    // As `lectern FILE FILE` (or a file manager) sends them while the window is open.
    let request = Request {
        files: vec![first.clone(), second.clone()],
        compare: false,
        import: None,
    };
    // The window answers once it has placed them: sent from a thread of its own, as another
    // Lectern sends it, while the window draws.
    let sender = {
        let opened = opened.clone();
        std::thread::spawn(move || send(&opened, &request).unwrap())
    };
    run_until(&mut harness, |h| pane_ids(h).len() == 3);
    match sender.join().unwrap() {
        Sent::Answered(answer) => assert_eq!(
            answer.said,
            "Opened in the Lectern window that has this profile open: “draft” is open in \
             pane 2, beside “On the Establishment of the U.S.S.R.”; “revised” is open in pane 3, \
             beside “draft”."
        ),
        other => panic!("the window did not say what it did: {other:?}"),
    }
    assert_eq!(
        pane_ids(&harness),
        vec![KAMENEV, "file-draft-txt", "file-revised-txt"],
        "opened beside the text that was open"
    );
    // A file that is not there is refused with the reason, and the window changes nothing.
    let gone = files.path().join("gone.txt");
    let request = Request {
        files: vec![gone],
        compare: false,
        import: None,
    };
    let refused = send(&opened, &request).unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("gone.txt is not an absolute path to a file")
    );
    // As `lectern compare draft.txt revised.txt --window`.
    let request = Request {
        files: vec![first, second],
        compare: true,
        import: None,
    };
    // The window answers once it has the comparison: sent from a thread of its own, as
    // another Lectern sends it, while the window draws.
    let sender = {
        let opened = opened.clone();
        std::thread::spawn(move || send(&opened, &request).unwrap())
    };
    run_until(&mut harness, |h| h.state().comparison().is_some());
    match sender.join().unwrap() {
        Sent::Answered(answer) => assert!(
            answer
                .said
                .contains("Comparing “draft.txt” with “revised.txt”"),
            "{answer:?}"
        ),
        other => panic!("the window did not say what it did: {other:?}"),
    }
    let state = harness
        .state()
        .comparison()
        .expect("the comparison is open");
    assert!(state.fills(), "it fills the window");
    assert_eq!(state.comparison().title, "draft.txt — revised.txt");
    drop(read_only);
    drop(harness);
    assert_eq!(
        send(
            &opened,
            &Request {
                files: Vec::new(),
                compare: false,
                import: None,
            }
        )
        .unwrap(),
        Sent::NoWindow,
        "the window closed, nobody listens"
    );
}

#[test]
fn a_readers_own_small_comparison_comes_back_after_a_restart() {
    use lectern::model::comparison::WordingInput;
    let profile = tempfile::tempdir().unwrap();
    let start = |compare: Vec<WordingInput>| app_with(comparing(profile.path(), compare));
    let mut first = harness(start(vec![
        WordingInput::pasted("draft", "the formal entry of the former"),
        WordingInput::pasted("amended", "formal unification with the former"),
    ]));
    first.get_by_label("Inline").click();
    first.run();
    let before = first.state().comparison().unwrap().comparison().clone();
    first.state_mut().save_now();
    drop(first);
    let again = harness(start(Vec::new()));
    let state = again.state().comparison().expect("it is open again");
    assert_eq!(state.comparison(), &before);
    assert!(state.is_inline(), "as it was shown");
    assert!(!state.result().unwrap().differences.is_empty());
}

#[test]
fn six_witnesses_get_the_whole_window_when_the_panels_leave_too_little_room() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    open_clause_1(&mut harness);
    // Between the library and the annotations panel only three columns fit: the reader is
    // told, and offered the whole window.
    harness.get_by_label_contains("3 of the 6 witnesses fit side by side");
    harness.get_by_label("Library");
    click(&mut harness, "Fill window for all columns");
    assert!(harness.state().side_panels_set_aside());
    assert!(harness.query_by_label("Library").is_none());
    assert!(harness.query_by_label("Annotations").is_none());
    assert!(
        harness
            .query_by_label_contains("witnesses fit side by side")
            .is_none(),
        "all six fit now"
    );
    // The panels were set aside, not closed: asking for one docks the comparison again.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run();
    assert!(!harness.state().side_panels_set_aside());
    assert!(harness.state().view().annotations_open() && harness.state().view().library_open());
    harness.get_by_label("Library");
    harness.get_by_label("Annotations");
    // The toolbar's button does the same both ways.
    click(&mut harness, "Fill window");
    assert!(harness.query_by_label("Library").is_none());
    click(&mut harness, "Dock below texts");
    harness.get_by_label("Library");
}

#[test]
fn the_clause_1_comparison_opens_from_the_start_screen_in_one_click() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    open_clause_1(&mut harness);
    let state = harness.state().comparison().unwrap();
    assert_eq!(state.comparison().witnesses.len(), 6);
    assert!(!state.result().unwrap().differences.is_empty());
    // Every witness shows its status; Lectern's translation says so.
    harness.get_by_label("4. Stalin’s draft (English, Lectern translation)");
    assert!(harness.query_all_by_label("translation").count() >= 3);
    assert!(harness.query_all_by_label("original").count() >= 3);
    // The summary line of the entry/unification segment.
    assert!(
        harness
            .query_all(egui_kittest::kittest::by().label_contains("word changed"))
            .count()
            + harness
                .query_all(egui_kittest::kittest::by().label_contains("words changed"))
                .count()
            >= 2
    );
}

#[test]
fn f7_and_shift_f7_step_through_the_differences() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    open_clause_1(&mut harness);
    let count = harness
        .state()
        .comparison()
        .unwrap()
        .result()
        .unwrap()
        .differences
        .len();
    assert!(count >= 3);
    harness.key_press(Key::F7);
    harness.run();
    assert_eq!(
        harness.state().comparison().unwrap().current_difference(),
        Some(0)
    );
    harness.get_by_label(&format!("Difference 1 of {count}"));
    harness.key_press(Key::F7);
    harness.run();
    assert_eq!(
        harness.state().comparison().unwrap().current_difference(),
        Some(1)
    );
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F7);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F7);
    harness.run();
    assert_eq!(
        harness.state().comparison().unwrap().current_difference(),
        Some(count - 1),
        "stepping back from the first wraps to the last"
    );
    click(&mut harness, "Next difference");
    assert_eq!(
        harness.state().comparison().unwrap().current_difference(),
        Some(0)
    );
}

#[test]
fn swapping_reverses_the_witnesses_and_marks_them_the_other_way() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    open_clause_1(&mut harness);
    let before = harness.state().comparison().unwrap();
    let before = before.result().cloned().expect("computed");
    let count = before.differences.len();
    harness.get_by_label(&format!("{count} differences"));
    click(&mut harness, "Swap witnesses");
    let state = harness.state().comparison().unwrap();
    assert!(
        state.comparison().witnesses[0]
            .label
            .starts_with("Revised draft")
    );
    let after = state.result().cloned().expect("computed again");
    assert!(!after.differences.is_empty());
    // A number a reader can cite: the same whichever witness stands first, and each
    // segment's summaries the same with removed and added words traded.
    assert_eq!(after.differences.len(), count);
    harness.get_by_label(&format!("{count} differences"));
    let summaries = |row: &[lectern::model::comparison::Cell], mirror: bool| {
        let mut summaries: Vec<String> = row
            .iter()
            .filter(|cell| cell.reference.is_some())
            .map(|cell| {
                if mirror {
                    cell.counts.mirrored().summary()
                } else {
                    cell.counts.summary()
                }
            })
            .collect();
        summaries.sort();
        summaries
    };
    for (segment, row) in before.cells.iter().enumerate() {
        assert_eq!(
            summaries(&after.cells[segment], false),
            summaries(row, true)
        );
    }
}

#[test]
fn clicking_a_witness_opens_its_passage_selected_in_the_text() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    open_clause_1(&mut harness);
    // Show the English witnesses only, as a reader would to make room.
    for russian in [
        "Stalin’s draft (Russian)",
        "Lenin’s amendment (Russian)",
        "Revised draft, early Oct 1922 (Russian)",
    ] {
        // The menu stays open while witnesses are ticked.
        if harness.query_by_label(&format!("Show {russian}")).is_none() {
            harness.get_by_label_contains("Witnesses (").click();
            harness.run();
        }
        harness.get_by_label(&format!("Show {russian}")).click();
        harness.run();
    }
    let hidden = harness.state().comparison().unwrap().hidden();
    assert_eq!(hidden, &[true, true, true, false, false, false]);
    // Shown with an ordinary space for the source's no-break space, so that lines break there.
    let passage =
        "Formal unification with the R.S.F.S.R. in a Union of Soviet Republics of Europe and Asia.";
    harness.get_by_label(passage).click();
    harness.run_steps(90); // the passage flashes
    assert_eq!(pane_ids(&harness), [KAMENEV]);
    let pane = harness.state().desk().active_pane().unwrap();
    let range = pane.view.selected_range().expect("the passage is selected");
    assert_eq!(pane.text.slice(range), passage.replacen(' ', "\u{a0}", 1));
}

#[test]
fn two_selections_in_two_panes_are_compared_word_by_word() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV, NOTES]));
    // Select the "equal" sentence in the letter and a passage of the notes.
    let select = |harness: &mut Harness<'_, LecternApp>, pane: usize, needle: &str| {
        let state = harness.state_mut();
        let pane = state.desk_mut().pane_mut(pane).unwrap();
        let byte = pane.text.content().find(needle).unwrap();
        let start = pane.text.content()[..byte].chars().count();
        let range = start..start + needle.chars().count();
        pane.view.selection = Some(lectern::model::selection::Selection::from_range(CharRange(
            range,
        )));
    };
    select(
        &mut harness,
        0,
        "we consider ourselves, the Ukrainian S.S.R. and others, equal",
    );
    select(&mut harness, 1, "we, nationals of a big nation");
    harness.run();
    click(&mut harness, "Compare selections");
    let state = harness.state().comparison().expect("a comparison");
    assert!(state.is_readers_own());
    assert_eq!(state.comparison().witnesses.len(), 2);
    let first = state.comparison().witnesses[0].segments[0]
        .as_ref()
        .unwrap();
    assert_eq!(
        first.text,
        "we consider ourselves, the Ukrainian S.S.R. and others, equal"
    );
    assert_eq!(first.source_text.as_deref(), Some(KAMENEV));
    let cell = &state.result().unwrap().cells[0][1];
    assert_eq!(cell.reference, Some(0));
    assert!(!cell.counts.is_same());
    // The comparison sits below the panes; its controls answer the pointer.
    click(&mut harness, "Inline");
    assert!(harness.state().comparison().unwrap().is_inline());
}

#[test]
fn a_note_on_a_difference_is_kept_across_a_restart() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    open_clause_1(&mut harness);
    let subject = note_on_next_difference(&mut harness, "Equality, not absorption");
    let notes = harness.state().notebook().comparison_notes();
    assert_eq!(notes.len(), 1);
    assert!(notes[0].witness.is_some(), "{subject}");
    assert_eq!(
        harness.state().notebook().comparison_notes()[0].note,
        "Equality, not absorption"
    );
    harness.state_mut().save_now();
    drop(harness);
    let mut harness = self::harness(app(profile.path(), &[]));
    assert_eq!(harness.state().notebook().comparison_notes().len(), 1);
    // The annotations panel lists it and opens the comparison at it.
    harness.get_by_label("Notes on comparisons (1)");
    click(&mut harness, "Show in comparison");
    let state = harness.state().comparison().expect("the comparison opened");
    assert_eq!(state.comparison().id, "clause-1");
    harness.get_by_label(&format!("Note {subject}"));
    assert_eq!(
        harness.state().notebook().comparison_notes()[0].note,
        "Equality, not absorption"
    );
}

#[test]
fn a_deleted_note_on_a_difference_comes_back_with_undo() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    open_clause_1(&mut harness);
    let subject = note_on_next_difference(&mut harness, "Entry means absorption");
    click(&mut harness, "Delete note");
    assert!(harness.state().notebook().comparison_notes().is_empty());
    assert!(harness.query_by_label(&format!("Note {subject}")).is_none());
    // Ctrl+Z brings it back, with what was typed, in the comparison too.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().notebook().comparison_notes().len(), 1);
    assert_eq!(
        harness.state().notebook().comparison_notes()[0].note,
        "Entry means absorption"
    );
    harness.get_by_label(&format!("Note {subject}"));
    // The typing is one step, then the note's creation another.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().notebook().comparison_notes()[0].note, "");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().notebook().comparison_notes().is_empty());
    // And redo goes forward again, to the deletion.
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        harness.run();
    }
    assert!(harness.state().notebook().comparison_notes().is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    // Saved as it is after the undo, and read back so after a restart.
    harness.state_mut().save_now();
    drop(harness);
    let harness = self::harness(app(profile.path(), &[]));
    assert_eq!(
        harness.state().notebook().comparison_notes()[0].note,
        "Entry means absorption"
    );
}

#[test]
fn pasted_wordings_are_compared_and_exported_as_markdown() {
    let profile = tempfile::tempdir().unwrap();
    let export = profile.path().join("clause.md");
    let mut harness = harness(app_with_dialog_answer(profile.path(), Some(export.clone())));
    click_through(&mut harness, &["Compare", "Compare pasted wordings…"]);
    type_into(
        &mut harness,
        egui::accesskit::Role::MultilineTextInput,
        "Wording 1",
        "on the formal entry of the former into the RSFSR",
    );
    type_into(
        &mut harness,
        egui::accesskit::Role::MultilineTextInput,
        "Wording 2",
        "on formal unification with the RSFSR",
    );
    click(&mut harness, "Compare the wordings");
    let state = harness.state().comparison().expect("a comparison");
    assert_eq!(state.comparison().witnesses[1].label, "Wording 2");
    click_through(&mut harness, &["Export", "Export as Markdown…"]);
    wait_while(&mut harness, LecternApp::is_exporting);
    let markdown = std::fs::read_to_string(&export).unwrap();
    assert!(
        markdown.contains("~~entry of the former into~~"),
        "{markdown}"
    );
    assert!(markdown.contains("**unification with**"), "{markdown}");
}

/// A comparison too long for one picture: the PNG export leaves the last rows out, and both the
/// picture's height and the reader's message say so.
#[test]
fn a_png_export_too_tall_leaves_rows_out_and_says_which() {
    use lectern::model::comparison::WordingInput;
    use lectern::model::generate::{edited, paragraphs};
    let profile = tempfile::tempdir().unwrap();
    let export = profile.path().join("long.png");
    let old = paragraphs(5, 24_000).join("\n\n");
    let new = edited(&old, 6, 30);
    let wordings = vec![
        WordingInput::pasted("old.txt", &old),
        WordingInput::pasted("new.txt", &new),
    ];
    let app = app_with(StartOptions {
        dialogs: Some(std::sync::Arc::new(ScriptedDialogs(Some(export.clone())))),
        ..comparing(profile.path(), wordings)
    });
    let mut harness = harness(app);
    let rows = harness
        .state()
        .comparison()
        .unwrap()
        .comparison()
        .segments
        .len();
    click_through(&mut harness, &["Export", "Export as PNG image…"]);
    wait_while(&mut harness, LecternApp::is_exporting);
    let state = harness.state().comparison().unwrap();
    let message = state.message().map(str::to_owned).unwrap_or_default();
    let said = format!(" of {rows} left out: the image would be about ");
    assert!(message.starts_with("Exported to "), "{message}");
    assert!(message.contains(&said), "{message}");
    assert!(
        message.ends_with(" px tall; export Markdown or HTML for the whole."),
        "{message}"
    );
    let first_left_out: usize = message[message.find("Rows ").unwrap() + 5..]
        .split('–')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(1 < first_left_out && first_left_out <= rows, "{message}");
    let bytes = std::fs::read(&export).unwrap();
    let image = image::load_from_memory(&bytes).unwrap();
    let limit = lectern::ui::compare_view::PictureStyle::default().max_height;
    assert!(image.height() as usize <= limit);
    assert!(image.height() as usize > limit / 2);
}

/// The window's HTML export of a comparison has the reader's note on a difference, escaped,
/// in the cell of the witness it is on.
#[test]
fn the_html_export_of_a_comparison_has_the_notes_on_its_differences() {
    let profile = tempfile::tempdir().unwrap();
    let export = profile.path().join("clause-1.html");
    let mut harness = harness(app_with_dialog_answer(profile.path(), Some(export.clone())));
    open_clause_1(&mut harness);
    note_on_next_difference(&mut harness, "Entry <b>means</b> absorption");
    click_through(&mut harness, &["Export", "Export as HTML…"]);
    wait_while(&mut harness, LecternApp::is_exporting);
    let html = std::fs::read_to_string(&export).unwrap();
    let note = html
        .find("Entry &lt;b&gt;means&lt;/b&gt; absorption")
        .unwrap_or_else(|| panic!("the note is in {html}"));
    let heading = html[..note].rfind("<div class=\"note\">").unwrap();
    let row = html[..heading].rfind("<tr>").unwrap();
    assert!(
        !html[row..note].contains("</tr>"),
        "in the row of its difference"
    );
}

/// The PNG export of a comparison docked below a text is a picture of the whole comparison,
/// every row with the note on its difference, drawn off screen: taller than the window, with a
/// line under each of Clause 1's four rows, and none of the window's buttons or banners.
#[test]
fn the_png_export_of_a_comparison_is_the_whole_comparison_not_the_screen() {
    let profile = tempfile::tempdir().unwrap();
    let export = profile.path().join("clause-1.png");
    let mut harness = harness(app_with_dialog_answer(profile.path(), Some(export.clone())));
    open_clause_1(&mut harness);
    note_on_next_difference(&mut harness, "Entry means absorption");
    click_through(&mut harness, &["Export", "Export as PNG image…"]);
    wait_while(&mut harness, LecternApp::is_exporting);
    let state = harness.state().comparison().unwrap();
    let message = state.message().map(str::to_owned).unwrap_or_default();
    assert!(message.starts_with("Exported to "), "{message}");
    assert!(!message.contains("left out"), "{message}");
    let bytes = std::fs::read(&export).unwrap();
    let image = image::load_from_memory_with_format(&bytes, image::ImageFormat::Png)
        .unwrap()
        .to_rgba8();
    // Not the window, nor a part of it: taller than the whole window, and the comparison
    // docked below the text has only part of it.
    let window = harness.ctx.content_rect().size() * harness.ctx.pixels_per_point();
    let dock = state.rect().unwrap();
    assert!(dock.height() < window.y);
    assert!(image.height() as f32 > window.y, "{:?}", image.dimensions());
    // The picture of the comparison and its note, as drawn directly, in the window's font size
    // and theme: its width is its six columns', whatever the window's.
    let dark = harness.ctx.global_style().visuals.dark_mode;
    let notes = harness.state().notebook().comparison_notes();
    let of = lectern::ui::compare_view::PictureOf::of(state, notes).unwrap();
    assert_eq!(of.notes.len(), 1);
    let style = lectern::ui::compare_view::PictureStyle {
        font_size: harness.state().view().font_size(),
        dark,
        ..Default::default()
    };
    let direct = lectern::ui::compare_view::picture(&of, &style).unwrap();
    assert_eq!((direct.shown, direct.rows), (4, 4));
    let expected = image::load_from_memory(&direct.png).unwrap().to_rgba8();
    assert_eq!(image.dimensions(), expected.dimensions());
    assert!(image == expected, "the same pixels");
    // A line under each of the four rows.
    let rule = lectern::ui::compare_view::row_rule(dark).to_srgba_unmultiplied();
    let lines = (0..image.height())
        .map(|y| {
            let across = (0..image.width())
                .filter(|&x| {
                    let p = image.get_pixel(x, y).0;
                    (0..3).all(|i| p[i].abs_diff(rule[i]) <= 2)
                })
                .count();
            across * 10 >= image.width() as usize * 9
        })
        .collect::<Vec<bool>>();
    let bands = lines
        .iter()
        .enumerate()
        .filter(|&(y, &line)| line && (y == 0 || !lines[y - 1]))
        .count();
    assert_eq!(bands, 4);
    // None of the window's furniture: a button's fill or the banner's, in blocks of 8 × 8.
    let visuals = harness.ctx.global_style().visuals.clone();
    for furniture in [
        visuals.widgets.inactive.weak_bg_fill,
        visuals.widgets.inactive.bg_fill,
        egui::Color32::from_rgb(0xff, 0xf1, 0xc2),
    ] {
        let color = furniture.to_srgba_unmultiplied();
        let block = |x: u32, y: u32| {
            (0..8).all(|dy| (0..8).all(|dx| image.get_pixel(x + dx, y + dy).0 == color))
        };
        let found = (0..image.height() - 8)
            .step_by(4)
            .any(|y| (0..image.width() - 8).step_by(4).any(|x| block(x, y)));
        assert!(!found, "{furniture:?}");
    }
}

#[test]
fn comparing_two_long_texts_runs_in_the_background_with_progress() {
    use lectern::model::generate::{edited, large_text};
    let profile = tempfile::tempdir().unwrap();
    let first = large_text(21, 4_000_000);
    let meta = lectern::formats::text_format::TextMeta {
        id: "edited-edition".into(),
        title: "Another edition".into(),
        ..first.meta().clone()
    };
    let second = lectern::model::text::Text::new(
        meta,
        edited(first.content(), 22, 20)
            .split("\n\n")
            .map(str::to_owned)
            .collect::<Vec<_>>(),
    );
    let app = app_with(reading_files(profile.path(), vec![first, second]));
    let mut harness = harness(app);
    assert_eq!(harness.state().desk().panes().len(), 2);
    click(&mut harness, "Compare");
    harness.get_by_label("Compare the open texts").click();
    harness.step();
    harness.step();
    assert!(
        harness.state().comparison().unwrap().is_computing(),
        "the window is not held up"
    );
    // The progress and its Cancel button are shown while the worker runs (the cancellation
    // itself is tested without a window, where its timing can be held: compare_view's tests).
    harness.get_by_label("Cancel");
    for _ in 0..4_000 {
        harness.step();
        if !harness.state().comparison().unwrap().is_computing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let state = harness.state().comparison().unwrap();
    assert!(!state.is_computing());
    let result = state.result().expect("the comparison finished");
    assert_eq!(result.cells.len(), state.comparison().segments.len());
    assert!(!result.differences.is_empty());
}

// ----- Find -----

#[test]
fn find_starts_at_the_reading_position() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[NOTES]));
    pane_view(&mut harness, 0).jump_to(20, 0.0);
    harness.run();
    let reading_at = {
        let pane = &harness.state().desk().panes()[0];
        pane.text.paragraphs()[pane.view.scroll.paragraph]
            .chars
            .start
    };
    assert!(reading_at > 0);
    find_in_text(
        &mut harness,
        "Find in “The Question of Nationalities or ‘Autonomization’”",
        "Russian",
    );
    let find = harness.state().search().find.as_ref().unwrap();
    let current = find.current.expect("a match is stepped to");
    assert!(
        find.matches.iter().any(|m| m.start < reading_at),
        "there are matches above the reading position"
    );
    assert!(
        find.matches[current].start >= reading_at,
        "the first match from the reading position ({reading_at}), not the first of the text: {current} of {:?}",
        find.matches
    );
    if current > 0 {
        assert!(find.matches[current - 1].start < reading_at);
    }
}

#[test]
fn choosing_an_annotation_moves_nothing_under_the_pointer_and_quotes_are_not_doubled() {
    let profile = tempfile::tempdir().unwrap();
    let mut app = app(profile.path(), &[KAMENEV]);
    let text = app.library().get(KAMENEV).unwrap().clone();
    let quote = "“Formal\u{a0}unification with the R.S.F.S.R. in a Union of Soviet Republics of Europe and Asia.”";
    let byte = text.content().find(quote).unwrap();
    let start = text.content()[..byte].chars().count();
    add_annotation(
        &mut app,
        lectern::model::annotation::Annotation::new(
            "amendment",
            &text,
            (start..start + quote.chars().count()).into(),
            Some("evidence"),
            &"2026-11-30T00:00:00Z".into(),
        ),
    );
    let mut harness = harness(app);
    // The library shows the letter's subtitle.
    harness.get_by_label("Letter to L. B. Kamenev for Members of the Politbureau");
    let entry = harness.get_by_label_contains("Annotation: ").rect();
    let category = harness.get_by_label("Category:").rect();
    harness.get_by_label_contains("Annotation: ").click();
    harness.run_steps(90); // the passage flashes in its pane
    assert_eq!(
        harness.state().view().selected_annotation(),
        Some("amendment")
    );
    assert_eq!(harness.get_by_label_contains("Annotation: ").rect(), entry);
    assert_eq!(harness.get_by_label("Category:").rect(), category);
    // The passage opens and closes with its own quotation marks: none are added.
    assert!(harness.query_by_label_contains("““").is_none());
    assert!(harness.query_by_label_contains("””").is_none());
}

#[test]
fn find_marks_every_match_as_you_type_and_f3_steps_through_them() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    find_in_text(
        &mut harness,
        "Find in “On the Establishment of the U.S.S.R.”",
        "STALIN",
    );
    let find = harness.state().search().find.as_ref().unwrap();
    let text = harness.state().desk().panes()[0].text.clone();
    let expected = text.content().matches("Stalin").count();
    assert!(expected >= 3);
    assert_eq!(find.count, expected, "case-insensitive");
    assert_eq!(find.current, Some(0));
    harness.get_by_label(&format!("1 of {expected}"));
    let selected = |harness: &Harness<'_, LecternApp>| {
        let pane = &harness.state().desk().panes()[0];
        pane.text
            .slice(pane.view.selected_range().unwrap())
            .to_owned()
    };
    assert_eq!(selected(&harness), "Stalin");
    harness.key_press(Key::F3);
    harness.run();
    assert_eq!(
        harness.state().search().find.as_ref().unwrap().current,
        Some(1)
    );
    assert_eq!(selected(&harness), "Stalin");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    harness.run();
    assert_eq!(
        harness.state().search().find.as_ref().unwrap().current,
        Some(expected - 1),
        "back from the first wraps to the last"
    );
    click(&mut harness, "Close find");
    assert!(harness.state().search().find.is_none());
}

#[test]
fn search_everything_lists_texts_and_notes_and_opens_a_match() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    {
        let state = harness.state_mut();
        let text = state.library().get(KAMENEV).unwrap().clone();
        let note = lectern::model::annotation::Annotation {
            note: "Compare the “rascal” of the notes".into(),
            ..lectern::model::annotation::Annotation::new(
                "note-1",
                &text,
                (0..7).into(),
                None,
                &"2026-11-27T00:00:00Z".into(),
            )
        };
        add_annotation(state, note);
    }
    search_everything_for(&mut harness, "RASCAL");
    let state = harness.state().search().search_all.as_ref().unwrap();
    let titles: Vec<&str> = state.texts.iter().map(|t| t.title.as_str()).collect();
    assert!(
        titles.contains(&"The Question of Nationalities or “Autonomization”"),
        "{titles:?}"
    );
    let notes: Vec<&str> = state
        .others
        .iter()
        .filter(|o| o.hit.kind() == lectern::model::search::everything::HitKind::AnnotationNote)
        .map(|o| o.place.as_str())
        .collect();
    assert_eq!(notes.len(), 1, "the note mentions it: {notes:?}");
    let hit = state
        .texts
        .iter()
        .find(|t| t.text_id == NOTES)
        .unwrap()
        .hits[0]
        .clone();
    harness.get_by_label(&format!("…{}…", hit.2)).click();
    harness.run_steps(90);
    let pane = harness.state().desk().active_pane().unwrap();
    assert_eq!(pane.text.id(), NOTES);
    assert_eq!(
        pane.text.slice(pane.view.selected_range().unwrap()),
        "rascal"
    );
}

/// Searches everything for `query` and clicks the first match in `text_id` (with `modifiers`).
fn open_search_hit(
    harness: &mut Harness<'_, LecternApp>,
    query: &str,
    text_id: &str,
    modifiers: Modifiers,
) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    let field =
        harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search texts and notes");
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_search_everything(harness, query);
    let state = harness.state().search().search_all.as_ref().unwrap();
    let hit = state
        .texts
        .iter()
        .find(|t| t.text_id == text_id)
        .unwrap()
        .hits[0]
        .clone();
    let button = harness
        .get_by_label(&format!("…{}…", hit.2))
        .rect()
        .center();
    click_at(harness, button, modifiers);
    harness.run_steps(30);
}

#[test]
fn search_everything_lists_a_comparisons_wording_and_a_click_opens_that_comparison() {
    use lectern::model::search::everything::{HitKind, Place};
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    {
        // A note on the clauses 2–5 comparison, to be found and opened too.
        let state = harness.state_mut();
        let clauses = lectern::bundled::bundled_comparisons()
            .into_iter()
            .find(|c| c.id == "clauses-2-5")
            .unwrap();
        let note = lectern::model::comparison::ComparisonNote {
            note: "Целесообразным — the word Stalin chose".into(),
            ..lectern::model::comparison::ComparisonNote::new(
                "cn-1".into(),
                &clauses,
                1,
                None,
                &"2026-12-07T00:00:00Z".into(),
            )
        };
        let edit = lectern::model::notebook::Edit::AddComparisonNote {
            note,
            readers_comparison: None,
        };
        assert!(
            state
                .notebook_mut()
                .edit(edit, &"2026-12-07T00:00:00Z".into())
                .unwrap()
        );
    }
    assert!(harness.state().comparison().is_none());
    search_everything_for(&mut harness, "ЦЕЛЕСООБРАЗНЫМ");
    let state = harness.state().search().search_all.as_ref().unwrap();
    let wording = state
        .others
        .iter()
        .find(|o| o.hit.kind() == HitKind::ComparisonWording)
        .expect("Stalin's Russian draft has the word")
        .clone();
    let Place::ComparisonWording {
        comparison_id,
        witness_label,
        ..
    } = &wording.hit.place
    else {
        panic!("{wording:?}");
    };
    assert_eq!(comparison_id, "clause-1");
    assert!(
        wording.place.contains(witness_label.as_str()),
        "{wording:?}"
    );
    let note = state
        .others
        .iter()
        .find(|o| o.hit.kind() == HitKind::ComparisonNote)
        .expect("the note on a comparison has it")
        .clone();
    // Labelled by kind.
    harness.get_by_label("Comparison wordings");
    harness.get_by_label("Notes on comparisons");
    harness.get_by_label(&wording.label()).click();
    harness.run_steps(10);
    let open = harness.state().comparison().expect("a comparison is open");
    assert_eq!(open.comparison().id, "clause-1");
    // A click on the note opens its comparison, at the note.
    harness.get_by_label(&note.label()).click();
    harness.run_steps(10);
    let open = harness.state().comparison().expect("a comparison is open");
    assert_eq!(open.comparison().id, "clauses-2-5");
}

#[test]
fn search_everything_says_which_spellings_of_a_name_it_also_searched() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    search_everything_for(&mut harness, "Ordzhonikidze");
    let state = harness.state().search().search_all.as_ref().unwrap();
    for spelling in ["Orjonikidze", "Орджоникидзе"] {
        assert!(
            state.also_searched.iter().any(|s| s == spelling),
            "{:?}",
            state.also_searched
        );
    }
    assert!(
        state
            .texts
            .iter()
            .any(|t| t.text_id == NOTES && t.hits.iter().any(|h| h.2.contains("Orjonikidze"))),
        "the letters spell him Orjonikidze"
    );
    let line = format!("Also searched: {}", state.also_searched.join(", "));
    harness.get_by_label(&line);
}

#[test]
fn a_search_result_goes_to_the_pane_showing_its_text_or_to_the_active_pane() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV, TROTSKY]));
    harness.state_mut().desk_mut().focus(0);
    // A text no pane shows opens in the active pane, as the library opens it.
    open_search_hit(&mut harness, "rascal", NOTES, Modifiers::NONE);
    assert_eq!(pane_ids(&harness), [NOTES, TROTSKY]);
    assert_eq!(harness.state().desk().active(), 0);
    // A text a pane shows is shown there.
    open_search_hit(&mut harness, "persecution", TROTSKY, Modifiers::NONE);
    assert_eq!(pane_ids(&harness), [NOTES, TROTSKY]);
    assert_eq!(harness.state().desk().active(), 1);
    // Ctrl-click opens it beside.
    open_search_hit(&mut harness, "Sokolnikov", KAMENEV, Modifiers::COMMAND);
    assert_eq!(pane_ids(&harness), [NOTES, TROTSKY, KAMENEV]);
}

#[test]
fn annotations_exported_from_the_file_menu_read_back_exactly() {
    let profile = tempfile::tempdir().unwrap();
    let export = profile.path().join("notes.jsonld");
    let mut harness = harness(app_with_dialog_answer(profile.path(), Some(export.clone())));
    {
        let state = harness.state_mut();
        let text = state.library().get(KAMENEV).unwrap().clone();
        let annotation = lectern::model::annotation::Annotation {
            note: "The concession".into(),
            tags: vec!["union".into()],
            ..lectern::model::annotation::Annotation::new(
                "exported",
                &text,
                (10..40).into(),
                Some("key-argument"),
                &"2026-11-27T00:00:00Z".into(),
            )
        };
        add_annotation(state, annotation);
        // One on another text, which "the current text only" leaves out.
        let other = state.library().get(NOTES).unwrap().clone();
        add_annotation(
            state,
            lectern::model::annotation::Annotation::new(
                "elsewhere",
                &other,
                (0..9).into(),
                None,
                &"2026-11-27T00:00:00Z".into(),
            ),
        );
    }
    click_through(
        &mut harness,
        &["File", "Export annotations", "Of the current text"],
    );
    harness
        .get_by_label("As W3C Web Annotation (JSON-LD)…")
        .click();
    wait_while(&mut harness, LecternApp::is_exporting);
    let json = std::fs::read_to_string(&export).unwrap();
    let categories = harness.state().notebook().categories().to_vec();
    let back = lectern::model::w3c_import::from_w3c(&json, &categories).unwrap();
    let exported = harness
        .state()
        .notebook()
        .annotations()
        .get("exported")
        .unwrap()
        .clone();
    assert_eq!(back, [exported]);
}

#[test]
fn ctrl_shift_c_copies_the_passage_with_its_citation() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    let text = harness.state().desk().panes()[0].text.clone();
    let byte = text
        .content()
        .find("Stalin tends to be somewhat hasty.")
        .unwrap();
    let start = text.content()[..byte].chars().count();
    select_in_pane(&mut harness, 0, start..start + 34);
    harness.run();
    let expected = "“Stalin tends to be somewhat hasty.” (V. I. Lenin, “On the Establishment of \
                    the U.S.S.R.”, 26 September 1922 (Collected Works, vol. 42, pp. 421–423))";
    let shift = Modifiers {
        shift: true,
        ..Modifiers::COMMAND
    };
    for event in [
        Event::Key {
            key: Key::C,
            pressed: true,
            repeat: false,
            modifiers: shift,
            physical_key: None,
        },
        Event::Copy, // what a desktop sends for Ctrl+Shift+C, with Shift held
    ] {
        // Shift held, then the event, in one frame.
        harness
            .input_mut()
            .events
            .extend([Event::ModifiersChanged(shift), event]);
        harness.step();
        assert_copied(&harness, expected);
    }
}

#[test]
fn annotations_imported_from_the_file_menu_join_the_profile_and_can_be_undone() {
    use lectern::model::annotation::Annotation;
    let source = tempfile::tempdir().unwrap();
    let file = source.path().join("from-a-colleague.jsonld");
    let library = bundled_library();
    let text = library.get(KAMENEV).unwrap();
    let annotations = [
        Annotation {
            note: "Equal partners".into(),
            ..Annotation::new(
                "x1",
                text,
                (0..16).into(),
                Some("question"),
                &"2026-11-27T00:00:00Z".into(),
            )
        },
        Annotation::new(
            "x2",
            text,
            (20..40).into(),
            None,
            &"2026-11-27T00:00:00Z".into(),
        ),
    ];
    let refs: Vec<&Annotation> = annotations.iter().collect();
    let categories = lectern::model::annotation::default_categories();
    std::fs::write(
        &file,
        lectern::model::annotation_export::to_w3c(
            &refs,
            &library,
            &categories,
            &Default::default(),
        ),
    )
    .unwrap();
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app_with_dialog_answer(profile.path(), Some(file)));
    click(&mut harness, "File");
    harness.get_by_label("Import annotations…").click();
    wait_while(&mut harness, LecternApp::is_importing);
    let live = harness.state().notebook().annotations().live().to_vec();
    assert_eq!(live.len(), 2);
    for annotation in &annotations {
        assert!(live.iter().any(|a| **a == *annotation), "{annotation:?}");
    }
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.starts_with("2 annotations imported"))
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness.state().notebook().annotations().live().is_empty(),
        "one undo takes back the whole import"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().notebook().annotations().live().len(), 2);
}

#[test]
fn a_signal_saves_the_note_being_typed_releases_the_lock_and_closes() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    let id = write_note(
        &mut harness,
        "Stalin tends to be somewhat hasty",
        "Logged out mid-word",
    );
    assert!(harness.state().holds_lock());
    // What the signal handler does on SIGTERM, SIGINT or SIGHUP.
    harness
        .state()
        .stop_flag()
        .store(true, std::sync::atomic::Ordering::SeqCst);
    harness.step();
    assert!(!harness.state().holds_lock());
    assert!(
        !Profile::open(Some(profile.path()))
            .unwrap()
            .lock_path()
            .exists(),
        "lock released"
    );
    drop(harness);
    let harness = self::harness(app(profile.path(), &[KAMENEV]));
    assert_eq!(note_of(&harness, &id), "Logged out mid-word");
}

#[test]
fn a_backup_is_restored_from_the_file_menu_as_one_change_that_undo_takes_back() {
    use lectern::model::annotation::Annotation;
    use lectern::model::notebook::Contents;
    let profile = tempfile::tempdir().unwrap();
    let library = bundled_library();
    let text = library.get(KAMENEV).unwrap();
    let make = |id: &str, at: usize| {
        Annotation::new(
            id,
            text,
            (at..at + 20).into(),
            Some("question"),
            &"2026-11-27T00:00:00Z".into(),
        )
    };
    let opened = lectern::storage::open::open_profile(
        Profile::open(Some(profile.path())).unwrap(),
        bundled_library(),
        lectern::storage::open::Access::Write,
    )
    .unwrap();
    let save = |contents: &Contents| opened.save_contents(contents).unwrap();
    let mut contents = Contents::default();
    contents
        .annotations
        .apply(lectern::model::annotation_set::AnnotationEdit::Add(make(
            "kept", 0,
        )));
    save(&contents); // the first save is also a snapshot
    contents
        .annotations
        .apply(lectern::model::annotation_set::AnnotationEdit::Add(make(
            "later", 40,
        )));
    // A note on a difference of a comparison of the reader's own, made after the snapshot.
    let comparison = lectern::model::comparison::Comparison::from_wordings(
        "own-drafts",
        "Two drafts",
        vec![
            lectern::model::comparison::WordingInput::pasted("Draft", "The entry into the RSFSR."),
            lectern::model::comparison::WordingInput::pasted(
                "Amendment",
                "The formal unification.",
            ),
        ],
        &lectern::model::diff::Normalization::default(),
    )
    .unwrap();
    contents
        .comparison_notes
        .push(lectern::model::comparison::ComparisonNote {
            note: "Lenin's word".into(),
            ..lectern::model::comparison::ComparisonNote::new(
                "n1".into(),
                &comparison,
                0,
                None,
                &"2026-11-27T00:00:00Z".into(),
            )
        });
    contents.comparisons.push(comparison);
    save(&contents);
    drop(opened);

    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    assert_eq!(harness.state().notebook().annotations().live().len(), 2);
    click(&mut harness, "File");
    harness.get_by_label("Restore from backup…").click();
    wait_while(&mut harness, LecternApp::is_listing_backups);
    // The snapshot of the first save holds one annotation (the second save was too soon
    // after it for another).
    assert_eq!(
        harness
            .get_all_by_label_contains("1 annotation (1 fewer than now)")
            .count(),
        1
    );
    assert_eq!(
        harness
            .get_all_by_label_contains("0 notes on comparisons (1 fewer than now)")
            .count(),
        1,
        "every kind is counted"
    );
    harness.get_all_by_label("Restore").next().unwrap().click();
    harness.run();
    let notebook = &harness.state().notebook();
    assert_eq!(notebook.annotations().live().len(), 1);
    assert_eq!(notebook.annotations().trash()[0].annotation_id, "later");
    assert!(notebook.comparison_notes().is_empty());
    assert_eq!(notebook.comparison_notes_trash()[0].note_id, "n1");
    assert!(notebook.readers_comparison("own-drafts").is_some());
    // The Trash lists the note, and Restore there brings it back.
    click_through(&mut harness, &["Trash (2)", "Restore note: Lenin's word"]);
    assert_eq!(
        harness.state().notebook().comparison_notes()[0].note_id,
        "n1"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().notebook().comparison_notes().is_empty());
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.contains("Undo (Ctrl+Z) takes the restore back")),
        "{:?}",
        harness.state().notices()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().notebook().annotations().live().len(), 2);
    assert!(harness.state().notebook().annotations().trash().is_empty());
    assert_eq!(harness.state().notebook().comparison_notes().len(), 1);
    assert!(
        harness
            .state()
            .notebook()
            .comparison_notes_trash()
            .is_empty()
    );
}

#[test]
fn the_paragraphs_in_view_are_there_for_a_screen_reader() {
    use egui::accesskit::Role;
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &["lenin-1922-09-26-kamenev"]));
    let text = harness.state().desk().panes()[0].text.clone();
    let (first, last) = (0, text.paragraphs().len() - 1);
    let paragraph = harness.get_by_role_and_label(Role::Paragraph, text.paragraph_text(first));
    // Inside the pane's document, as a screen reader expects.
    let mut document = paragraph.parent().expect("a parent");
    while document.accesskit_node().role() != Role::Document {
        document = document.parent().expect("the pane's document above it");
    }
    assert!(
        document
            .accesskit_node()
            .label()
            .is_some_and(|l| l.starts_with("Reading pane 1:"))
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Paragraph, text.paragraph_text(last))
            .is_none(),
        "only what is in view"
    );
    pane_view(&mut harness, 0).jump_to(last, 0.0);
    harness.run();
    harness.get_by_role_and_label(Role::Paragraph, text.paragraph_text(last));
    assert!(
        harness
            .query_by_role_and_label(Role::Paragraph, text.paragraph_text(first))
            .is_none()
    );
}

/// File ▸ Import text… with the dialog's scripted answer, until the file is read (the import
/// window then shows, unless the file was refused).
fn import_from_the_file_menu(harness: &mut Harness<'_, LecternApp>) {
    click(harness, "File");
    harness.get_by_label("Import text…").click();
    wait_while(harness, LecternApp::is_importing_text);
}

/// A file dropped on the window, as the window system hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn files_dropped_on_the_window_are_imported_one_after_another() {
    let profile = tempfile::tempdir().unwrap();
    let notes = profile.path().join("union notes.md");
    std::fs::write(&notes, "# Notes on the union\n\nEntry or unification.").unwrap();
    let page = profile.path().join("draft.html");
    std::fs::write(
        &page,
        "<html><head><title>Draft</title></head><body><p>Признать необходимым.</p></body></html>",
    )
    .unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    // Dragged over the window: it says what a drop will do.
    harness.input_mut().hovered_files.push(egui::HoveredFile {
        path: Some(notes.clone()),
        mime: String::new(),
    });
    // (egui repaints every frame while files hover: steps, not run.)
    harness.step();
    harness.step();
    harness.get_by_label("Drop to import “union notes.md” into your library");
    harness.input_mut().hovered_files.clear();
    harness.input_mut().dropped_files.extend([
        std::sync::Arc::new(Dropped(notes)) as egui::DroppedFileHandle,
        std::sync::Arc::new(Dropped(page)) as egui::DroppedFileHandle,
    ]);
    harness.step();
    harness.input_mut().dropped_files.clear();
    wait_while(&mut harness, LecternApp::is_importing_text);
    assert_eq!(
        import_draft(&harness, "the first").meta.title,
        "Notes on the union"
    );
    assert_eq!(
        harness.state().files().dropped_files.len(),
        1,
        "the second waits"
    );
    confirm_import(&mut harness);
    wait_while(&mut harness, LecternApp::is_importing_text);
    assert_eq!(
        import_draft(&harness, "then the second").meta.title,
        "Draft"
    );
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Cancel")
        .click();
    harness.run();
    assert!(harness.state().files().import_draft.is_none());
    assert!(harness.state().files().dropped_files.is_empty());
    assert!(
        harness.query_by_label_contains("Drop to import").is_none(),
        "the hint goes with the drag"
    );
    let imported: Vec<&str> = harness
        .state()
        .library()
        .texts()
        .iter()
        .filter(|t| t.id().starts_with("import-"))
        .map(|t| t.meta().title.as_str())
        .collect();
    assert_eq!(
        imported,
        ["Notes on the union"],
        "the cancelled one is not imported"
    );
}

#[test]
fn a_saved_web_page_imported_from_the_file_menu_reads_as_its_text() {
    let profile = tempfile::tempdir().unwrap();
    let file = profile.path().join("kamenev-letter.html");
    std::fs::write(
        &file,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"author\" content=\"V. I. Lenin\"><title>Lenin Archive</title>\
         <script>var menu = '<p>Works</p>';</script></head><body>\
         <nav><a href=\"/\">Archive</a> | <a href=\"/works\">Works</a></nav>\
         <h1>To L. B. Kamenev</h1>\
         <p>In Clause 1, instead of &ldquo;entry&rdquo; into the R.S.F.S.R., to put:</p>\
         <blockquote>Formal unification with the R.S.F.S.R. in a Union of Soviet Republics \
         of Europe and Asia.</blockquote></body></html>",
    )
    .unwrap();
    let mut harness = harness(app_with_dialog_answer(profile.path(), Some(file)));
    import_from_the_file_menu(&mut harness);
    let draft = import_draft(&harness, "the import window");
    // The page's heading, author and language are the window's first guesses.
    assert_eq!(draft.meta.title, "To L. B. Kamenev");
    assert_eq!(draft.meta.author, "V. I. Lenin");
    assert_eq!(draft.meta.language, "en");
    confirm_import(&mut harness);
    let text = harness
        .state()
        .library()
        .get("import-kamenev-letter")
        .expect("imported")
        .clone();
    assert_eq!(
        text.content(),
        "To L. B. Kamenev\n\nIn Clause 1, instead of “entry” into the R.S.F.S.R., to put:\n\n\
         Formal unification with the R.S.F.S.R. in a Union of Soviet Republics of Europe and Asia.",
        "the navigation and the script are not part of the text"
    );
    assert!(pane_ids(&harness).contains(&text.id().to_owned()));
    assert_eq!(text.meta().author, "V. I. Lenin");
    // The pane shows the amendment as a paragraph of its own.
    harness.get_by_role_and_label(
        egui::accesskit::Role::Paragraph,
        "Formal unification with the R.S.F.S.R. in a Union of Soviet Republics of Europe and Asia.",
    );
}

#[test]
fn an_imported_text_never_takes_over_a_pane_and_one_banner_tells_where_it_went() {
    let profile = tempfile::tempdir().unwrap();
    let file = profile.path().join("notes on the union.txt");
    std::fs::write(&file, "Notes on the union\n\nEntry or unification.").unwrap();
    let mut harness = harness(app_with_dialog_answer(profile.path(), Some(file)));
    for id in [NOTES, TROTSKY] {
        let text = harness.state().library().get(id).unwrap().clone();
        harness.state_mut().desk_mut().open(text, true);
    }
    harness.run();
    click(&mut harness, "Link scrolling of pane 1");
    harness.state_mut().desk_mut().focus(0);
    let import = |harness: &mut Harness<'_, LecternApp>| {
        import_from_the_file_menu(harness);
        confirm_import(harness);
    };
    // A full desk stays as it was; the banner says where the text is.
    import(&mut harness);
    assert_eq!(pane_ids(&harness), [KAMENEV, NOTES, TROTSKY]);
    let (id, title) = {
        let library = harness.state().library();
        let text = library
            .texts()
            .iter()
            .find(|t| t.id().starts_with("import-"))
            .unwrap();
        (text.id().to_owned(), text.meta().title.clone())
    };
    harness.get_by_label_contains("all three panes are in use");
    // Taken out of the library and imported again: one banner, the newest, says so.
    harness.get_by_label(&format!("Remove: {title}")).click();
    harness.run();
    harness.get_by_label_contains("was taken out of the library");
    click(&mut harness, "Close pane 3");
    harness.state_mut().desk_mut().focus(0);
    import(&mut harness);
    assert!(
        harness
            .query_by_label_contains("was taken out of the library")
            .is_none()
    );
    // With room on the desk it opens beside the active pane, unlinked.
    assert_eq!(pane_ids(&harness), [KAMENEV, id.as_str(), NOTES]);
    assert!(!harness.state().desk().panes()[1].linked);
    assert!(harness.state().desk().panes()[0].linked);
    let notices = harness.state().notices();
    assert!(
        notices
            .last()
            .unwrap()
            .contains("it is open in pane 2, beside “On the Establishment"),
        "{notices:?}"
    );
    // The newest banner comes first.
    let newest = harness.get_by_label_contains("it is open in pane 2").rect();
    let older = harness
        .get_by_label_contains("all three panes are in use")
        .rect();
    assert!(newest.top() < older.top());
}

/// A desktop with no file dialog (no portal, no zenity).
struct NoDialogs;

impl lectern::ui::dialogs::FileDialogs for NoDialogs {
    fn pick_text_file(&self) -> Option<std::path::PathBuf> {
        unreachable!("there is no dialog to show")
    }

    fn save_file(&self, _title: &str, _file_name: &str) -> Option<std::path::PathBuf> {
        unreachable!("there is no dialog to show")
    }

    fn available(&self) -> bool {
        false
    }

    fn pick_file(
        &self,
        _title: &str,
        _filter: &str,
        _extensions: &[&str],
    ) -> Option<std::path::PathBuf> {
        unreachable!("there is no dialog to show")
    }
}

#[test]
fn without_a_file_dialog_the_reader_types_the_path_of_the_file_to_import() {
    let profile = tempfile::tempdir().unwrap();
    let file = profile.path().join("1923-03-05 to Trotsky.txt");
    std::fs::write(&file, "To L. D. Trotsky\n\nTop secret\nPersonal").unwrap();
    let mut harness = harness(app_with(StartOptions {
        dialogs: Some(std::sync::Arc::new(NoDialogs)),
        ..start_options(profile.path(), &[KAMENEV])
    }));
    click_through(&mut harness, &["File", "Import text…"]);
    // The field takes the keyboard: typing goes there, not to the pane.
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Path of the file");
    assert!(field.accesskit_node().is_focused());
    field.type_text("/nowhere/letter.txt");
    harness.run();
    click(&mut harness, "Read the file");
    harness.get_by_label_contains("There is no file at “/nowhere/letter.txt”");
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Path of the file")
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Path of the file")
        .type_text(file.to_str().unwrap());
    harness.run();
    harness.get_by_label("Read the file").click();
    wait_while(&mut harness, |app| {
        app.files().import_draft.is_none() && !app.files().dropped_files.is_empty()
            || app.is_importing_text()
    });
    let draft = import_draft(&harness, "the import window");
    assert_eq!(draft.meta.title, "To L. D. Trotsky");
    assert_eq!(draft.meta.date, "1923-03-05");
    confirm_import(&mut harness);
    assert!(
        harness
            .state()
            .library()
            .get("import-1923-03-05-to-trotsky")
            .is_some()
    );
}

#[test]
fn a_windows_1251_file_imported_from_the_file_menu_stays_in_the_library() {
    let profile = tempfile::tempdir().unwrap();
    let file = profile.path().join("Проект резолюции.txt");
    let wording = "Признать целесообразным заключение договора\nмежду советскими республиками.\n\nПримечание: ещё одно.";
    let repeated = wording.repeat(4);
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&repeated);
    std::fs::write(&file, &bytes).unwrap();
    let mut harness = harness(app_with_dialog_answer(profile.path(), Some(file)));
    import_from_the_file_menu(&mut harness);
    // The reader checks what the file says of itself, gives a date, and imports.
    let draft = import_draft(&harness, "the import window");
    assert_eq!(draft.encoding, "windows-1251");
    assert_eq!(draft.meta.language, "ru");
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::TextInput,
            "Date (YYYY, YYYY-MM or YYYY-MM-DD)",
        )
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::TextInput,
            "Date (YYYY, YYYY-MM or YYYY-MM-DD)",
        )
        .type_text("1922-10");
    harness.run();
    confirm_import(&mut harness);
    assert!(harness.state().files().import_draft.is_none());
    let text = harness
        .state()
        .library()
        .texts()
        .iter()
        .find(|t| t.id().starts_with("import-"))
        .expect("imported")
        .clone();
    let id = text.id().to_owned();
    assert!(text.content().starts_with("Признать целесообразным"));
    assert_eq!(text.meta().language, "ru");
    assert_eq!(text.meta().date, "1922-10");
    assert!(pane_ids(&harness).contains(&id));
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.contains("(windows-1251)")),
        "{:?}",
        harness.state().notices()
    );
    // Removed from the library (panes showing it close), then put back.
    let title = text.meta().title.clone();
    harness.get_by_label(&format!("Remove: {title}")).click();
    harness.run();
    assert!(harness.state().library().get(&id).is_none());
    assert!(!pane_ids(&harness).contains(&id));
    click(&mut harness, "Undo remove");
    assert!(harness.state().library().get(&id).is_some());
    harness.state_mut().save_now();
    drop(harness);
    let harness = self::harness(app(profile.path(), &[]));
    assert!(
        harness.state().library().get(&id).is_some(),
        "kept in the profile"
    );
}

#[test]
fn re_importing_a_changed_file_moves_its_annotations_and_says_so() {
    use lectern::storage::import::{ImportMeta, import_file};
    let profile_dir = tempfile::tempdir().unwrap();
    let file = profile_dir.path().join("draft.txt");
    std::fs::write(
        &file,
        "First paragraph of the draft.\n\nThe clause on entry into the RSFSR.",
    )
    .unwrap();
    let profile = Profile::open(Some(profile_dir.path())).unwrap();
    let (text, _, _) = import_file(&profile, &file, &ImportMeta::default()).unwrap();
    let mut harness = harness(app_with_dialog_answer(
        profile_dir.path(),
        Some(file.clone()),
    ));
    {
        let state = harness.state_mut();
        let text = state.library().get(text.id()).unwrap().clone();
        let byte = text.content().find("entry").unwrap();
        let start = text.content()[..byte].chars().count();
        for (id, range) in [("kept", start..start + 5), ("lost", 0..5)] {
            add_annotation(
                state,
                lectern::model::annotation::Annotation::new(
                    id,
                    &text,
                    CharRange(range),
                    None,
                    &"2026-11-27T00:00:00Z".into(),
                ),
            );
        }
    }
    // The file changes: a paragraph added before, the first word of the first paragraph gone.
    std::fs::write(
        &file,
        "A new opening.\n\nparagraph of the draft.\n\nThe clause on entry into the RSFSR.",
    )
    .unwrap();
    import_from_the_file_menu(&mut harness);
    confirm_import(&mut harness);
    let state = harness.state();
    let kept = state.notebook().annotations().get("kept").unwrap();
    let text = state.library().get(text.id()).unwrap();
    assert_eq!(
        text.slice((kept.anchor.start..kept.anchor.end).into()),
        "entry"
    );
    assert!(
        state.notices().iter().any(|n| n
            .contains("Of its 2 annotations, 1 moved with its passage")
            && n.contains("1 could not be placed")),
        "{:?}",
        state.notices()
    );
}

#[test]
fn the_annotations_the_panel_shows_can_be_exported_alone() {
    let profile = tempfile::tempdir().unwrap();
    let export = profile.path().join("chosen.md");
    let mut harness = harness(app_with_dialog_answer(profile.path(), Some(export.clone())));
    {
        let state = harness.state_mut();
        let text = state.library().get(KAMENEV).unwrap().clone();
        for (id, range, note) in [
            ("one", 0..7, "about equality"),
            ("two", 10..20, "about haste"),
        ] {
            add_annotation(
                state,
                lectern::model::annotation::Annotation {
                    note: note.into(),
                    ..lectern::model::annotation::Annotation::new(
                        id,
                        &text,
                        CharRange(range),
                        None,
                        &"2026-11-27T00:00:00Z".into(),
                    )
                },
            );
        }
    }
    harness.run();
    type_into(
        &mut harness,
        egui::accesskit::Role::TextInput,
        "Search notes",
        "equality",
    );
    harness.get_by_label("1 shown");
    click(&mut harness, "Export these");
    harness.get_by_label("As Markdown…").click();
    wait_while(&mut harness, LecternApp::is_exporting);
    let markdown = std::fs::read_to_string(&export).unwrap();
    assert!(markdown.contains("about equality"), "{markdown}");
    assert!(!markdown.contains("about haste"), "{markdown}");
}

#[test]
fn the_selection_toolbar_of_a_pane_that_is_not_active_highlights_that_panes_passage() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV, NOTES]));
    harness.state_mut().desk_mut().focus(0);
    select_in_pane(&mut harness, 1, 0..9);
    harness.run();
    let name = harness.state().notebook().categories()[1].name.clone();
    harness
        .get_by_label(&format!("Highlight as {name}"))
        .click();
    harness.run();
    let live = harness.state().notebook().annotations().live();
    assert_eq!(live.len(), 1);
    assert_eq!(live[0].text_id, NOTES);
}

#[test]
fn a_collected_works_with_thousands_of_annotations_lists_only_what_is_in_view() {
    use lectern::model::annotation_set::AnnotationEdit;
    use lectern::model::generate::{annotations, collected_works};
    use lectern::storage::annotations_file::AnnotationsFile;
    let dir = tempfile::tempdir().unwrap();
    let profile = Profile::open(Some(dir.path())).unwrap();
    let volumes = collected_works(3, 600_000, 6);
    for volume in &volumes {
        lectern::storage::import::add_text(&profile, volume).unwrap();
    }
    let mut file = AnnotationsFile::default();
    for annotation in annotations(&volumes, 3_000, 3) {
        file.annotations.apply(AnnotationEdit::Add(annotation));
    }
    file.save(&profile).unwrap();
    let mut harness = harness(app(dir.path(), &["generated-3-volume-02"]));
    click(&mut harness, "All texts");
    harness.get_by_label("3000 shown");
    let entries = harness.query_all_by_label_contains("Annotation: ").count();
    assert!(
        (3..60).contains(&entries),
        "{entries} entries drawn of 3 000"
    );
    // Clicking anywhere on an entry (here its middle, over its labels) selects it and shows its
    // passage, in the volume it is on.
    let first = harness.state().notebook().annotations().live()[0].clone();
    harness
        .query_all_by_label_contains("Annotation: ")
        .next()
        .unwrap()
        .click();
    harness.step();
    harness.step();
    assert_eq!(
        harness.state().view().selected_annotation(),
        Some(first.annotation_id.as_str())
    );
    assert!(
        harness
            .state()
            .desk()
            .panes()
            .iter()
            .any(|p| p.text.id() == first.text_id)
    );
}

#[test]
fn people_and_places_counts_the_comparisons_wordings_and_opens_one_at_a_mention() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    click_through(&mut harness, &["View", "People and places…"]);
    // Named in Stalin's draft, which no text of the library quotes: not none.
    assert!(harness.query_by_label("Far Eastern Republic — 0").is_none());
    harness
        .get_by_label_contains("Far Eastern Republic —")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_label_contains("Far Eastern Republic —")
        .click();
    harness.run();
    harness.get_by_label_contains("in 0 texts and 2 comparisons");
    let state = harness.state().study().index_view.as_ref().unwrap();
    assert_eq!(state.chosen.as_deref(), Some("far-eastern-republic"));
    let clause_1 = state
        .comparison_hits
        .iter()
        .find(|c| c.comparison_id == "clause-1")
        .expect("Clause 1's drafts name it");
    let (segment, witness, line, at) = clause_1.hits[0].clone();
    assert_eq!(witness, "Stalin’s draft (Russian)");
    let named: String = line.chars().skip(at.start).take(at.len()).collect();
    assert_eq!(named, "ДВР");
    // A click opens the comparison at that segment.
    let hit = format!("{witness}: ");
    harness.get_by_label_contains(&hit).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(&hit).click();
    harness.run();
    let comparison = harness.state().comparison().expect("the comparison opens");
    assert_eq!(comparison.comparison().id, "clause-1");
    assert!(segment < comparison.comparison().segments.len());
    // The comparison is docked at the foot of the desk: the window stands at its head now,
    // clear of it, and back at the foot once it opens a text's passage.
    harness.run_steps(4);
    let window_top =
        |harness: &Harness<'_, LecternApp>| harness.get_by_label("People and places").rect().top();
    assert!(!harness.state().comparison().unwrap().fills(), "docked");
    let dock = harness.get_by_label("Fill window").rect();
    assert!(
        window_top(&harness) < 80.0,
        "{} (dock at {dock:?})",
        window_top(&harness)
    );
    harness.get_by_label("Filter people and places").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Filter people and places")
        .type_text("Stalin");
    harness.run();
    harness.get_by_label_contains("J. V. Stalin —").click();
    harness.run();
    let first = harness.state().study().index_view.as_ref().unwrap().hits[0].clone();
    let (_, _, line, _) = first.hits[0].clone();
    let shown: String = line.chars().take(20).collect();
    harness.get_by_label_contains(&shown).click();
    harness.run_steps(6);
    assert!(window_top(&harness) > 300.0, "{}", window_top(&harness));
}

#[test]
fn people_and_places_lists_every_spelling_as_one_person_and_opens_a_mention() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    click_through(&mut harness, &["View", "People and places…"]);
    let counts = harness
        .state()
        .study()
        .index_view
        .as_ref()
        .unwrap()
        .counts
        .clone();
    assert!(counts.iter().any(|c| c.mentions > 0));
    // Named only in the photo caption left out: said so, not counted as none.
    harness.get_by_label("N. I. Bukharin — named only in a caption left out");
    assert!(harness.query_by_label("N. I. Bukharin — 0").is_none());
    harness
        .get_by_label_contains("G. K. Ordzhonikidze —")
        .click();
    harness.run();
    let state = harness.state().study().index_view.as_ref().unwrap();
    assert_eq!(state.chosen.as_deref(), Some("ordzhonikidze"));
    // Its mentions under every spelling, by text, with the identification and its source.
    let spellings: std::collections::BTreeSet<String> = state
        .hits
        .iter()
        .flat_map(|t| {
            t.hits.iter().map(|(_, _, line, at)| {
                line.chars()
                    .skip(at.start)
                    .take(at.len())
                    .collect::<String>()
            })
        })
        .collect();
    for spelling in ["Orjonikidze", "Orgonikidze", "Grigory Ordzhonikidze"] {
        assert!(
            spellings.iter().any(|s| s.starts_with(spelling)),
            "{spellings:?}"
        );
    }
    harness.get_by_label_contains("Source: Wikipedia, “Sergo Ordzhonikidze”");
    harness.get_by_label_contains("Found as: Ordzhonikidze, Orjonikidze, Orgonikidze");
    // A mention opens its text there.
    let (text_id, (range, _, line, _)) = state
        .hits
        .iter()
        .find(|t| t.text_id == NOTES)
        .map(|t| (t.text_id.clone(), t.hits[0].clone()))
        .unwrap();
    harness.get_by_label(&format!("…{line}…")).click();
    harness.run_steps(90);
    let pane = harness.state().desk().active_pane().unwrap();
    assert_eq!(pane.text.id(), text_id);
    assert_eq!(pane.view.selected_range(), Some(range));
    // Its mentions can be marked in the open panes: all of them, not only those listed.
    click(&mut harness, "Show mentions in the open panes");
    let state = harness.state().study().index_view.as_ref().unwrap();
    assert!(state.show_in_panes);
    let in_notes = state.marked.get(NOTES).map_or(0, Vec::len);
    let listed = state
        .hits
        .iter()
        .find(|t| t.text_id == NOTES)
        .unwrap()
        .count;
    assert_eq!(in_notes, listed);
    assert!(in_notes >= 6, "{in_notes}");
    // The filter narrows the list; Close closes the window.
    let filter =
        harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Filter people and places");
    filter.focus();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Filter people and places")
        .type_text("Дзерж");
    harness.run();
    assert!(
        harness
            .query_by_label_contains("F. E. Dzerzhinsky —")
            .is_some()
    );
    assert!(harness.query_by_label_contains("J. V. Stalin —").is_none());
}

#[test]
fn the_timeline_orders_documents_and_events_steps_by_keyboard_and_opens_a_passage() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    click_through(&mut harness, &["View", "Timeline…"]);
    let state = harness
        .state()
        .view()
        .timeline()
        .expect("the timeline is open");
    let ids: Vec<String> = state.entries.iter().map(|e| e.id.clone()).collect();
    assert_eq!(ids[0], "stalin-commission-draft");
    assert_eq!(state.chosen, 0);
    // The axis shows September 1922 to March 1923 at first, not the century to 2022.
    assert!(state.span < 400.0, "{}", state.span);
    // The keyboard steps along the axis once it has the focus (a click chooses the entry
    // nearest to it).
    click(&mut harness, "Timeline axis");
    let clicked = harness.state().view().timeline().unwrap().chosen;
    assert!(clicked + 2 < ids.len());
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let state = harness.state().view().timeline().unwrap();
    assert_eq!(
        state.entries[state.chosen].id,
        ids[clicked + 2],
        "two steps on"
    );
    let span = state.span;
    harness.key_press(egui::Key::Minus);
    harness.run();
    assert!(
        harness.state().view().timeline().unwrap().span > span,
        "zoomed out"
    );
    // An event stated in a letter opens the letter at the passage that states it.
    let event = "26 September 1922 — Lenin speaks with Stalin about the resolution";
    harness.get_by_label(event).scroll_to_me();
    harness.run();
    click(&mut harness, event);
    harness.get_by_label_contains("Source: Lenin’s letter to Kamenev of 26 September 1922");
    harness.get_by_label("Open the passage").click();
    harness.run_steps(90);
    let pane = harness.state().desk().active_pane().unwrap();
    assert_eq!(pane.text.id(), KAMENEV);
    let range = pane.view.selected_range().expect("the passage is selected");
    assert_eq!(pane.text.slice(range), "and with Stalin today");
    // A document known through a comparison opens the comparison.
    let document = "23–24 September 1922 — Stalin’s commission draft";
    harness.get_by_label_contains(document).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(document).click();
    harness.run();
    click(&mut harness, "Open the comparison");
    assert_eq!(
        harness.state().comparison().unwrap().comparison().id,
        "clause-1"
    );
    // A document opens its text; Show all fits the documents of the period, and again reaches
    // the introduction of 2022.
    let stroke = "10 March 1923 — Lenin’s stroke of 10 March 1923";
    harness.get_by_label(stroke).scroll_to_me();
    harness.run();
    click(&mut harness, stroke);
    click(&mut harness, "Open the text");
    assert!(pane_ids(&harness).contains(&TROTSKY.into()));
    click(&mut harness, "Show all");
    let period = harness.state().view().timeline().unwrap().span;
    assert!(
        period < 365.0 * 10.0,
        "the period, not a century: {period} days"
    );
    click(&mut harness, "Show all");
    assert!(harness.state().view().timeline().unwrap().span > 365.0 * 99.0);
}

/// The words the chosen glossary term marks in the open comparison: (witness, words), sorted.
fn term_marks(harness: &Harness<'_, LecternApp>) -> Vec<(String, String)> {
    let state = harness.state().study().glossary_view.as_ref().unwrap();
    let comparison = harness.state().comparison().unwrap().comparison();
    let (_, cells) = state
        .in_comparison
        .as_ref()
        .expect("found in the comparison");
    let mut marked: Vec<(String, String)> = cells
        .iter()
        .flat_map(|((segment, witness), ranges)| {
            let text = &comparison.witnesses[*witness].segments[*segment]
                .as_ref()
                .unwrap()
                .text;
            ranges.iter().map(move |r| {
                let words: String = text.chars().skip(r.start).take(r.len()).collect();
                (comparison.witnesses[*witness].label.clone(), words)
            })
        })
        .collect();
    marked.sort();
    marked
}

#[test]
fn a_chosen_term_is_marked_in_every_witness_of_clause_1_and_in_the_open_panes() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    open_clause_1(&mut harness);
    click_through(&mut harness, &["View", "Terms across translations…"]);
    harness
        .get_by_label_contains("Entry (вступление) —")
        .click();
    harness.run();
    let state = harness.state().study().glossary_view.as_ref().unwrap();
    assert_eq!(state.chosen.as_deref(), Some("entry"));
    harness.get_by_label_contains("Source: Clause 1 comparison");
    // In the comparison: the Russian “вступлении” and the English “entry” of Stalin's draft.
    let marked = term_marks(&harness);
    assert_eq!(
        marked,
        [
            (
                "Stalin’s draft (English, Lectern translation)".to_owned(),
                "entry".to_owned()
            ),
            (
                "Stalin’s draft (Russian)".to_owned(),
                "вступлении".to_owned()
            ),
        ]
    );
    // Swapping the witnesses keeps the marks on the same words.
    click(&mut harness, "Swap witnesses");
    assert_eq!(
        term_marks(&harness),
        marked,
        "the same words of the same witnesses"
    );
    let state = harness.state().study().glossary_view.as_ref().unwrap();
    // In the open pane: the letter's “entry”.
    let ranges = state.marked.get(KAMENEV).expect("marked in the letter");
    let letter = harness.state().library().get(KAMENEV).unwrap().clone();
    assert!(
        ranges
            .iter()
            .all(|r| letter.slice(r.clone()).eq_ignore_ascii_case("entry"))
    );
    // Another term marks its own renderings; choosing it again unmarks.
    harness
        .get_by_label_contains("Unification (объединение) —")
        .click();
    harness.run();
    let state = harness.state().study().glossary_view.as_ref().unwrap();
    let (_, cells) = state.in_comparison.as_ref().unwrap();
    let witnesses: std::collections::BTreeSet<usize> = cells.keys().map(|(_, w)| *w).collect();
    assert_eq!(
        witnesses.len(),
        4,
        "Lenin's and the revised draft's, in both languages"
    );
    harness
        .get_by_label_contains("Unification (объединение) —")
        .click();
    harness.run();
    let state = harness.state().study().glossary_view.as_ref().unwrap();
    assert!(state.chosen.is_none() && state.marked.is_empty());
}

#[test]
fn a_note_on_lenins_amendment_is_carried_to_the_revised_draft_and_copied_there() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[]));
    open_clause_1(&mut harness);
    // The reader's note on “Formal unification” in Lenin's amendment.
    add_note_on_lenins_amendment(&mut harness);
    // Shown at the aligned words of the other English wordings, with how sure that is.
    harness.get_by_label("Carried from Lenin’s amendment (English) at “unification”");
    harness.get_by_label("Carried from Lenin’s amendment (English) at “formal”");
    assert_eq!(
        harness.get_all_by_label("1 of 2 words aligned").count(),
        2,
        "to Stalin's draft and to the revised draft"
    );
    // Copied to the revised draft (the later column), it is a note of its own there.
    // The Russian columns set aside, so that the English ones have the room.
    show_only_the_english_witnesses(&mut harness);
    harness.run();
    harness
        .get_all_by_label("Copy here")
        .nth(1)
        .unwrap()
        .click();
    harness.run();
    let notes = harness.state().notebook().comparison_notes().to_vec();
    let copy = notes
        .iter()
        .find(|n| n.carried_from.is_some())
        .expect("the copy is made");
    assert_eq!(
        copy.witness.as_deref(),
        Some("Revised draft, early Oct 1922 (English, Lectern translation)")
    );
    assert_eq!(copy.quote, "unification");
    assert_eq!(copy.note, "The word Stalin accepted in place of entry");
    let from = copy.carried_from.as_ref().unwrap();
    assert_eq!(from.witness, "Lenin’s amendment (English)");
    assert_eq!(from.source, "comparison note n-1");
    harness.get_by_label("Carried from Lenin’s amendment (English), “Formal\u{a0}unification”");
    // It is no longer offered there; Stalin's draft still has it.
    assert!(
        harness
            .query_by_label("Carried from Lenin’s amendment (English) at “unification”")
            .is_none()
    );
    harness.get_by_label("Carried from Lenin’s amendment (English) at “formal”");
    // Undo takes the copy back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(
        harness
            .state()
            .notebook()
            .comparison_notes()
            .iter()
            .all(|n| n.carried_from.is_none())
    );
}

#[test]
fn the_reader_adds_a_person_and_a_spelling_which_are_found_and_kept_in_the_profile() {
    use lectern::formats::text_format::TextMeta;
    let profile = tempfile::tempdir().unwrap();
    let diary = lectern::model::text::Text::new(
        TextMeta {
            id: "file-diary".into(),
            title: "Diary".into(),
            ..TextMeta::default()
        },
        ["Frunze spoke with Ordjonikidze in Tiflis.".to_owned()],
    );
    let start =
        |texts: Vec<lectern::model::text::Text>| app_with(reading_files(profile.path(), texts));
    let mut harness = harness(start(vec![diary.clone()]));
    click_through(&mut harness, &["View", "People and places…"]);
    // A spelling of the reader's own for Ordzhonikidze.
    harness
        .get_by_label_contains("G. K. Ordzhonikidze —")
        .click();
    harness.run();
    let spelling =
        harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Another spelling");
    spelling.focus();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Another spelling")
        .type_text("Ordjonikidze");
    harness.run();
    click(&mut harness, "Add the spelling");
    let state = harness.state().study().index_view.as_ref().unwrap();
    assert!(
        state.hits.iter().any(|t| t.text_id == "file-diary"),
        "found in the diary under the new spelling"
    );
    // A person of the reader's own.
    click(&mut harness, "Add a person or place");
    for (field, text) in [
        ("Name", "M. V. Frunze"),
        ("Spellings (comma-separated)", "Frunze"),
        ("Russian forms (a final * takes endings)", "Фрунзе"),
        ("Who or what", "Mikhail Frunze, Red Army commander."),
    ] {
        type_into(&mut harness, egui::accesskit::Role::TextInput, field, text);
    }
    click(&mut harness, "Add the person or place");
    harness.get_by_label("M. V. Frunze — 1");
    let study = harness.state().notebook().study().clone();
    assert_eq!(study.people[0].id, "own-m-v-frunze");
    assert_eq!(study.spellings[0].spelling, "Ordjonikidze");
    // Kept in the profile: the next session finds them.
    harness.state_mut().save_now();
    drop(harness);
    let harness = self::harness(start(vec![diary]));
    assert_eq!(harness.state().notebook().study(), &study);
}

#[test]
fn the_reader_adds_a_term_whose_renderings_are_marked() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    click_through(
        &mut harness,
        &["View", "Terms across translations…", "Add a term"],
    );
    for (field, text) in [
        ("Concept", "Federation (федерация)"),
        ("What it is", "The union as a federation."),
    ] {
        type_into(&mut harness, egui::accesskit::Role::TextInput, field, text);
    }
    let renderings = "Renderings, one a line (ru: федераци* — Russian)";
    harness
        .get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, renderings)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, renderings)
        .type_text("ru: федераци* — Russian\nen: federation — Collected Works");
    harness.run();
    click(&mut harness, "Add the term");
    // The list is scrolled to the new term, as a reader scrolls it, and it is chosen.
    harness
        .get_by_label_contains("Federation (федерация) —")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_label_contains("Federation (федерация) —")
        .click();
    harness.run();
    let state = harness.state().study().glossary_view.as_ref().unwrap();
    assert_eq!(state.chosen.as_deref(), Some("own-federation-федерация"));
    let letter = harness.state().library().get(KAMENEV).unwrap().clone();
    let marked = state
        .marked
        .get(KAMENEV)
        .expect("the letter's “federation”");
    assert!(
        marked
            .iter()
            .all(|r| letter.slice(r.clone()) == "federation")
    );
    // Undo takes the term back, and the window follows.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().notebook().study().terms.is_empty());
    assert!(
        harness
            .query_by_label_contains("Federation (федерация) —")
            .is_none()
    );
}

/// A note changed on two devices at once (a sync brought both) shows both texts in the
/// annotation's editor; keeping both makes one note of them, and Undo takes that back.
#[test]
fn a_note_changed_on_two_devices_is_shown_with_both_texts_to_choose_from() {
    use lectern::model::annotation::DivergedNote;
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    let id = write_note(&mut harness, "Stalin tends to be somewhat hasty", "mine");
    click(&mut harness, "Save note");
    // What loading a merged record gives: the later note, and the other kept beside it.
    let mut merged = annotation(&harness, &id);
    merged.diverged_notes.push(DivergedNote {
        note: "theirs".into(),
        device: "the desktop".into(),
        modified: "2026-12-01T10:00:00Z".into(),
    });
    let changed = harness
        .state_mut()
        .notebook_mut()
        .edit(
            lectern::model::notebook::Edit::ChangeAnnotation(merged),
            &"2026-12-01T10:01:00Z".into(),
        )
        .unwrap();
    assert!(changed);
    harness.run();
    harness.get_by_label("Changed on two devices at once");
    harness.get_by_label("theirs");
    click(&mut harness, "Keep both");
    let kept = annotation(&harness, &id);
    assert_eq!(kept.note, "mine\n\ntheirs");
    assert!(kept.diverged_notes.is_empty());
    assert!(
        harness
            .query_by_label("Changed on two devices at once")
            .is_none()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let back = annotation(&harness, &id);
    assert_eq!(back.note, "mine");
    assert_eq!(back.diverged_notes.len(), 1);
}

/// Another device's annotation arrives in the profile while the window is open (as Syncthing
/// writes it): the window merges it within a second or two, keeps its own work, and leaves the
/// note being typed as it is.
#[test]
fn what_a_sync_brings_while_the_window_is_open_is_merged_and_the_typed_note_is_left_alone() {
    use lectern::model::annotation::Annotation;
    use lectern::model::annotation_set::Annotations;
    use lectern::model::notebook::Contents;
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    let mine = write_note(
        &mut harness,
        "Stalin tends to be somewhat hasty",
        "still typing",
    );
    let library = bundled_library();
    let theirs = Annotation {
        note: "made on the desktop".into(),
        ..Annotation::new(
            "from-desktop",
            library.get(KAMENEV).unwrap(),
            (0..20).into(),
            None,
            &"2026-12-01T10:00:00Z".into(),
        )
    };
    let mut desktop = NotebookStore::new(profile.path(), "desktop");
    let brought = Contents {
        annotations: Annotations::from_parts(vec![theirs], Vec::new()),
        ..Contents::default()
    };
    desktop
        .save(
            &lectern::storage::atomic::RealFileSystem,
            &brought,
            lectern::model::clock::now_millis(),
        )
        .unwrap();
    let started = std::time::Instant::now();
    while harness
        .state()
        .notebook()
        .annotations()
        .get("from-desktop")
        .is_none()
    {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "what the sync brought was not merged"
        );
        harness.run();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let notebook = harness.state().notebook().annotations();
    assert_eq!(
        notebook.get("from-desktop").unwrap().note,
        "made on the desktop"
    );
    assert!(
        notebook.get(&mine).is_some(),
        "the window's own annotation stays"
    );
    let field = harness.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Note");
    assert_eq!(field.value().as_deref(), Some("still typing"));
}

/// While the window's own work could not be saved, what a sync brings does not replace the
/// notebook: the work stays in memory, and is saved when the obstacle goes.
#[test]
fn what_arrives_while_a_save_fails_does_not_replace_the_unsaved_work() {
    use lectern::model::annotation::Category;
    use lectern::model::notebook::Contents;
    let profile = tempfile::tempdir().unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    let blocker = profile.path().join("notebook/annotations");
    std::fs::create_dir_all(profile.path().join("notebook")).unwrap();
    std::fs::write(&blocker, "x").unwrap();
    let mine = write_note(&mut harness, "Stalin tends to be somewhat hasty", "kept");
    click(&mut harness, "Save note");
    harness.state_mut().save_now();
    harness.run();
    harness.get_by_label_contains("could not be saved");
    // Another device renames a category meanwhile; the window is woken to take it.
    let looked_at = harness.state().sync_news_looked_at();
    let mut theirs = Contents::default();
    theirs.categories[0] = Category {
        name: "Renamed elsewhere".into(),
        ..theirs.categories[0].clone()
    };
    NotebookStore::new(profile.path(), "desktop")
        .save(
            &lectern::storage::atomic::RealFileSystem,
            &theirs,
            lectern::model::clock::now_millis(),
        )
        .unwrap();
    let started = std::time::Instant::now();
    while harness.state().sync_news_looked_at() == looked_at {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "the window was not woken by what the sync brought"
        );
        harness.run();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(
        note_of(&harness, &mine),
        "kept",
        "the unsaved work is still there"
    );
    // The obstacle goes: the work is saved.
    std::fs::remove_file(&blocker).unwrap();
    harness.state_mut().save_now();
    harness.run();
    let (saved, _) = NotebookStore::read(profile.path()).unwrap();
    assert_eq!(saved.annotations.get(&mine).unwrap().note, "kept");
}

/// A text file for the hand-over tests, in a folder of its own.
fn a_file(name: &str, contents: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    (dir, path)
}

#[test]
fn a_file_handed_to_a_full_desk_waits_in_the_library_and_the_banner_says_so() {
    use lectern::storage::handover::Request;
    let profile = tempfile::tempdir().unwrap();
    let (_dir, draft) = a_file(
        "draft.txt",
        "on the formal entry of the former into the RSFSR",
    );
    let mut harness = harness(app(profile.path(), &[KAMENEV, NOTES, TROTSKY]));
    harness.state_mut().desk_mut().focus(1);
    // As `lectern draft.txt` hands it over while the window is open.
    let handed = lectern::ui::app::read_hand_over(Request {
        files: vec![draft],
        compare: false,
        import: None,
    });
    harness.state_mut().apply_hand_over(handed);
    harness.run();
    assert_eq!(
        pane_ids(&harness),
        [KAMENEV, NOTES, TROTSKY],
        "no pane taken over"
    );
    assert_eq!(harness.state().desk().active(), 1);
    assert!(harness.state().library().get("file-draft-txt").is_some());
    let notices = harness.state().notices();
    assert_eq!(
        notices.last().map(String::as_str),
        Some("“draft” is in the library: all three panes are in use."),
        "{notices:?}"
    );
    harness.get_by_label_contains("“draft” is in the library: all three panes are in use");
    // With a pane closed there is room: the next file opens beside the active pane.
    harness.state_mut().desk_mut().close(2);
    let (_dir, revised) = a_file("revised.txt", "on formal unification with the R.S.F.S.R.");
    let handed = lectern::ui::app::read_hand_over(Request {
        files: vec![revised],
        compare: false,
        import: None,
    });
    harness.state_mut().apply_hand_over(handed);
    harness.run();
    assert_eq!(pane_ids(&harness), [KAMENEV, NOTES, "file-revised-txt"]);
}

#[test]
fn lectern_import_while_the_window_is_open_is_imported_by_the_window() {
    use std::process::{Command, Stdio};
    let profile = tempfile::tempdir().unwrap();
    let (_dir, file) = a_file("Project of the Union.txt", "");
    let (bytes, _, _) = encoding_rs::WINDOWS_1251
        .encode("О формальном вступлении независимых республик в состав РСФСР.");
    std::fs::write(&file, &bytes).unwrap();
    let mut harness = harness(app(profile.path(), &[KAMENEV]));
    let ctx = harness.ctx.clone();
    harness.state_mut().listen_for_hand_over(&ctx);
    // A real `lectern import`, while this window has the profile open.
    let mut command = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .arg("--profile")
        .arg(profile.path())
        .args(["import", "--date", "1922-09"])
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while command.try_wait().unwrap().is_none() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the command waits for the window"
        );
        harness.run();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let output = command.wait_with_output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert!(output.status.success(), "{stderr}");
    let id = stdout.trim();
    assert!(id.starts_with("import-"), "the text's id: {stdout}");
    // The window imported it as its own import does: in the library, beside the open text.
    let text = harness
        .state()
        .library()
        .get(id)
        .expect("in the library")
        .clone();
    assert!(text.content().starts_with("О формальном вступлении"));
    assert_eq!(text.meta().date, "1922-09", "the reader's metadata");
    assert_eq!(pane_ids(&harness), [KAMENEV, id]);
    // The command says what the window said.
    assert!(
        stderr.contains("Imported “Project of the Union” (windows-1251) into the library")
            && stderr.contains("it is open in pane 2"),
        "{stderr}"
    );
    assert_eq!(
        harness.state().notices().last().map(String::as_str),
        stderr
            .lines()
            .last()
            .map(|l| l.trim_end_matches(" (in the Lectern window that has this profile open)")),
    );
}

/// File dialogs that answer with one file after another.
struct AnswersInTurn(std::sync::Mutex<std::collections::VecDeque<std::path::PathBuf>>);

impl lectern::ui::dialogs::FileDialogs for AnswersInTurn {
    fn pick_text_file(&self) -> Option<std::path::PathBuf> {
        self.0.lock().unwrap().pop_front()
    }

    fn pick_file(&self, _title: &str, _filter: &str, _ext: &[&str]) -> Option<std::path::PathBuf> {
        self.0.lock().unwrap().pop_front()
    }

    fn save_file(&self, _title: &str, _file_name: &str) -> Option<std::path::PathBuf> {
        self.0.lock().unwrap().pop_front()
    }

    fn available(&self) -> bool {
        true
    }
}

#[test]
fn the_import_window_fills_its_fields_from_a_pasted_bibtex_entry_or_a_zotero_file() {
    let profile = tempfile::tempdir().unwrap();
    let file = profile.path().join("kamenev.txt");
    std::fs::write(
        &file,
        "Comrade Kamenev!\n\nYou have probably already received",
    )
    .unwrap();
    let zotero = profile.path().join("My Library.json");
    std::fs::write(
        &zotero,
        r#"[{"id":"http://zotero.org/users/1/items/ABCD","type":"chapter",
            "title":"Memo to the Politbureau on Combating Dominant Nation Chauvinism",
            "author":[{"family":"Lenin","given":"V. I."}],"issued":{"date-parts":[["1922",10,6]]},
            "container-title":"Collected Works","volume":33,"page":"372"},
           {"id":"other","type":"book","title":"Another book"}]"#,
    )
    .unwrap();
    let dialogs = AnswersInTurn(std::sync::Mutex::new([file.clone(), zotero].into()));
    let mut harness = harness(app_with(StartOptions {
        dialogs: Some(std::sync::Arc::new(dialogs)),
        ..start_options(profile.path(), &[KAMENEV])
    }));
    import_from_the_file_menu(&mut harness);
    assert_eq!(
        import_draft(&harness, "the import window").meta.translator,
        ""
    );
    // The reader pastes Better BibTeX's entry and fills the fields from it.
    harness
        .get_by_label("From a reference (Zotero, BibTeX)")
        .click();
    harness.run();
    let entry = "@incollection{lenin1922kamenev,\n  author = {Lenin, V. I.},\n  title = \
        {{On the Establishment of the U.S.S.R.}},\n  booktitle = {Collected Works},\n  volume = \
        {42},\n  pages = {421--423},\n  translator = {Isaacs, Bernard},\n  date = {1922-09-26},\n  \
        langid = {english},\n  url = {https://www.marxists.org/archive/lenin/works/1922/sep/26.htm}\n}";
    let field = harness.get_by_role_and_label(
        egui::accesskit::Role::MultilineTextInput,
        "Reference entry (CSL-JSON or BibTeX)",
    );
    field.focus();
    harness.run();
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::MultilineTextInput,
            "Reference entry (CSL-JSON or BibTeX)",
        )
        .type_text(entry);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Fill from the reference")
        .click();
    harness.run();
    let meta = &import_draft(&harness, "the import window").meta;
    assert_eq!(meta.title, "On the Establishment of the U.S.S.R.");
    assert_eq!(meta.author, "V. I. Lenin");
    assert_eq!(meta.date, "1922-09-26");
    assert_eq!(meta.language, "en");
    assert_eq!(meta.translator, "Bernard Isaacs");
    assert_eq!(meta.reference, "Collected Works, vol. 42, pp. 421–423");
    assert!(meta.url.ends_with("/1922/sep/26.htm"), "{}", meta.url);
    // The fields show what was filled, for the reader to check.
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Translator");
    // A Zotero file of two items: the first is taken (no title matches), and the window says so.
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Reference file…")
        .click();
    wait_while(&mut harness, |app| {
        app.files().import_draft.as_ref().is_some_and(|d| {
            d.reference_said
                .as_deref()
                .is_none_or(|s| !s.contains("Chauvinism"))
        })
    });
    let draft = import_draft(&harness, "the import window");
    assert_eq!(
        draft.reference_said.as_deref(),
        Some(
            "Filled from “Memo to the Politbureau on Combating Dominant Nation Chauvinism”, one of 2 entries."
        )
    );
    assert_eq!(draft.meta.reference, "Collected Works, vol. 33, p. 372");
    assert_eq!(draft.meta.date, "1922-10-06");
    assert_eq!(
        draft.meta.translator, "Bernard Isaacs",
        "what the file lacks stays"
    );
    confirm_import(&mut harness);
    let text = harness.state().library().get("import-kamenev").unwrap();
    assert_eq!(
        text.meta().reference.as_deref(),
        Some("Collected Works, vol. 33, p. 372")
    );
    assert_eq!(text.meta().translator.as_deref(), Some("Bernard Isaacs"));
    // The copy is written by the background saver: wait for it, as closing the window does.
    harness.state_mut().save_now();
    let written = std::fs::read_to_string(profile.path().join("texts/import-kamenev.txt")).unwrap();
    assert!(
        written.contains("\nreference: Collected Works, vol. 33, p. 372\n"),
        "{written}"
    );
}

#[test]
fn a_segment_taller_than_the_view_is_opened_at_its_top() {
    use egui_kittest::kittest::NodeT as _;
    // Clauses 2–6: Lenin's letter beside Clause 2 runs for pages, Stalin's two drafts for a
    // few lines. Opened at that segment in a 1280×800 window, the view shows the segment from
    // its top (centred, it showed blank space below the short drafts).
    let profile = tempfile::tempdir().unwrap();
    let mut harness = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(60)
        .build_ui_state(
            |ui, app: &mut LecternApp| app.show(ui),
            app(profile.path(), &[]),
        );
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        lectern::ui::action::ComparisonAction::OpenComparison("clauses-2-5".into()).into(),
    );
    run_until(&mut harness, |h| {
        h.state().comparison().is_some_and(|s| !s.is_computing())
    });
    let state = harness.state().comparison().expect("the comparison open");
    assert_eq!(state.comparison().id, "clauses-2-5");
    let top = |harness: &Harness<'_, LecternApp>| {
        harness
            .get_by_label_contains("Признать целесообразным")
            .accesskit_node()
            .bounding_box()
            .expect("drawn")
    };
    let at_rest = top(&harness);
    // Asked again once its rows are laid out (as Go to it does for a note on it).
    harness
        .state_mut()
        .comparison_mut()
        .unwrap()
        .scroll_to_segment(0);
    for _ in 0..5 {
        harness.run();
    }
    // The first segment shown from its top is where it was before: nothing to scroll.
    assert_eq!(top(&harness), at_rest, "the segment's top stays in view");
}
