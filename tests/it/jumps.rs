//! Jumps land on the words. After each way the window takes the reader to a passage (Find and
//! its steps, a result of Search everything, which is also how a mention in People and places
//! and an event of the timeline open their passage, and an annotation chosen in the panel), the
//! passage itself lies inside its pane's visible rectangle: in three narrow panes at 1280×800,
//! and with a comparison docked below the texts, where a pane is short.

use egui::{Key, Modifiers, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use lectern::model::annotation::Annotation;
use lectern::model::notebook::Edit;
use lectern::model::text::CharRange;
use lectern::ui::action::{Action, AnnotationAction, SearchAction};
use lectern::ui::app::LecternApp;

use crate::common::gui::{app_with, click, start_options};

const NOTES: &str = "lenin-1922-12-30-autonomization";
const KAMENEV: &str = "lenin-1922-09-26-kamenev";
const TROTSKY: &str = "lenin-1923-03-05-trotsky";
const CLAUSE_1_TITLE: &str = "Clause 1: “entry” into the RSFSR or “formal unification”";

/// The window at 1280×800 with `open` in panes, the first of them active.
fn window(profile: &std::path::Path, open: &[&str]) -> Harness<'static, LecternApp> {
    window_of(app_with(start_options(profile, open)))
}

/// The window at 1280×800 on `app`, its first pane active.
fn window_of(mut app: LecternApp) -> Harness<'static, LecternApp> {
    app.desk_mut().focus(0);
    let mut harness = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(60)
        .build_ui_state(|ui, app: &mut LecternApp| app.show(ui), app);
    harness.run();
    harness
}

/// The visible rectangle of pane `pane` (its text, between its header and its bottom).
fn pane_rect(harness: &Harness<'_, LecternApp>, pane: usize) -> Rect {
    let title = harness.state().desk().panes()[pane]
        .text
        .meta()
        .title
        .clone();
    harness
        .get_by_label(&format!("Reading pane {}: {title}", pane + 1))
        .rect()
}

/// Fails unless the first and last characters of `range` are on screen inside pane `pane`.
fn assert_in_view(harness: &Harness<'_, LecternApp>, pane: usize, range: &CharRange, what: &str) {
    let rect = pane_rect(harness, pane);
    let shown = &harness.state().desk().panes()[pane];
    for offset in [range.start, range.end.saturating_sub(1).max(range.start)] {
        let at = shown.view.screen_pos_of(&shown.text, offset);
        assert!(
            at.is_some_and(|at| rect.contains(at)),
            "{what}: character {offset} is at {at:?}, outside the pane's {rect:?}"
        );
    }
}

/// The characters of the `nth` occurrence (from 0) of `words` in `text_id`.
fn occurrence(
    harness: &Harness<'_, LecternApp>,
    text_id: &str,
    words: &str,
    nth: usize,
) -> CharRange {
    let text = harness.state().library().get(text_id).unwrap();
    let content = text.content();
    let byte = content
        .match_indices(words)
        .nth(nth)
        .unwrap_or_else(|| panic!("{words:?} occurs fewer than {} times", nth + 1))
        .0;
    let start = content[..byte].chars().count();
    CharRange(start..start + words.chars().count())
}

/// Opens a search result (as a mention or an event of the timeline does) and lets the passage
/// flash.
fn open_hit(harness: &mut Harness<'_, LecternApp>, text_id: &str, range: CharRange) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        Action::Search(SearchAction::OpenSearchHit {
            text_id: text_id.into(),
            range,
            beside: false,
        }),
    );
    harness.run_steps(10);
}

/// Searches the active pane for `query` with Ctrl+F and steps through every match with
/// Enter, checking after each step that the match stepped to is in view.
fn find_and_step(harness: &mut Harness<'_, LecternApp>, query: &str, title: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    let label = format!("Find in {}", lectern::model::escape::in_quotes(title));
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, &label)
        .type_text(query);
    for _ in 0..400 {
        harness.step();
        if harness
            .state()
            .search()
            .find
            .as_ref()
            .is_some_and(|f| f.searched.is_some())
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run();
    let count = harness
        .state()
        .search()
        .find
        .as_ref()
        .unwrap()
        .matches
        .len();
    assert!(count >= 3, "{query:?} has several matches: {count}");
    for step in 0..count {
        let find = harness.state().search().find.as_ref().unwrap();
        let current = find.current.expect("a match is stepped to");
        let range = find.matches[current].clone();
        assert_in_view(
            harness,
            0,
            &range,
            &format!("Find, match {} of {count}", current + 1),
        );
        if step + 1 < count {
            harness.key_press(Key::Enter);
            harness.run();
        }
    }
}

#[test]
fn find_brings_each_match_into_view_in_narrow_panes() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = window(profile.path(), &[NOTES, KAMENEV, TROTSKY]);
    let title = harness.state().desk().panes()[0].text.meta().title.clone();
    find_and_step(&mut harness, "great Russian", &title);
}

#[test]
fn find_brings_each_match_into_view_above_a_docked_comparison() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = window(profile.path(), &[NOTES, KAMENEV]);
    click(&mut harness, CLAUSE_1_TITLE);
    assert!(!harness.state().comparison().unwrap().fills(), "docked");
    let title = harness.state().desk().panes()[0].text.meta().title.clone();
    find_and_step(&mut harness, "great Russian", &title);
}

#[test]
fn a_search_result_mention_or_event_opens_with_its_words_in_view() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = window(profile.path(), &[NOTES, KAMENEV, TROTSKY]);
    // Late in the notes, far below the start of its paragraph in a narrow pane.
    let range = occurrence(&harness, NOTES, "Great-Russian", 3);
    open_hit(&mut harness, NOTES, range.clone());
    assert_in_view(&harness, 0, &range, "a search result");
    // Then an earlier one: the pane goes back up to it.
    let earlier = occurrence(&harness, NOTES, "Great-Russian", 0);
    open_hit(&mut harness, NOTES, earlier.clone());
    assert_in_view(&harness, 0, &earlier, "an earlier search result");
}

#[test]
fn an_annotation_chosen_in_the_panel_opens_with_its_words_in_view() {
    let profile = tempfile::tempdir().unwrap();
    let mut app = app_with(start_options(profile.path(), &[NOTES, KAMENEV, TROTSKY]));
    let notes = app.library().get(NOTES).unwrap().clone();
    let byte = notes.content().rfind("Great-Russian").unwrap();
    let start = notes.content()[..byte].chars().count();
    let range = CharRange(start..start + "Great-Russian".chars().count());
    let added = app
        .notebook_mut()
        .edit(
            Edit::AddAnnotation(Annotation::new(
                "late",
                &notes,
                range.clone(),
                None,
                &"2026-12-07T00:00:00Z".into(),
            )),
            &"2026-12-07T00:00:00Z".into(),
        )
        .unwrap();
    assert!(added);
    let mut harness = window_of(app);
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        Action::Annotations(AnnotationAction::GoToAnnotation("late".into())),
    );
    harness.run_steps(10); // the passage flashes meanwhile
    assert_in_view(&harness, 0, &range, "an annotation");
}

// ----- Back and Forward -----

/// The text in pane `pane`, and the paragraph at its top.
fn pane_at(harness: &Harness<'_, LecternApp>, pane: usize) -> (String, usize) {
    let place = harness
        .state()
        .desk()
        .place_of(pane)
        .expect("the pane is open");
    (place.text_id.to_string(), place.paragraph)
}

#[test]
fn back_and_forward_return_to_where_the_reader_was_across_a_replaced_pane() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = window(profile.path(), &[NOTES]);
    harness
        .state_mut()
        .desk_mut()
        .pane_mut(0)
        .unwrap()
        .view
        .jump_to(5, 0.0);
    harness.run();
    assert_eq!(pane_at(&harness, 0), (NOTES.to_owned(), 5));
    // A search result in another text takes the pane: the window says so, with Back.
    let hit = occurrence(&harness, KAMENEV, "Union of Soviet Republics", 0);
    open_hit(&mut harness, KAMENEV, hit.clone());
    assert_eq!(pane_at(&harness, 0).0, KAMENEV);
    assert_in_view(&harness, 0, &hit, "the search result");
    harness.get_by_label_contains("in place of “The Question of Nationalities");
    // Alt+← brings the notes back where they were, and the notice goes.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run_steps(10);
    assert_eq!(pane_at(&harness, 0), (NOTES.to_owned(), 5));
    assert!(harness.query_by_label_contains("in place of").is_none());
    // Alt+→ goes to the result again.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run_steps(10);
    assert_eq!(pane_at(&harness, 0).0, KAMENEV);
    assert_in_view(&harness, 0, &hit, "the search result, forward again");
    // The mouse's back button, as in a browser.
    let inside = pane_rect(&harness, 0).center();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: inside,
            button: egui::PointerButton::Extra1,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run_steps(10);
    assert_eq!(pane_at(&harness, 0), (NOTES.to_owned(), 5));
    // And its forward button.
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: inside,
            button: egui::PointerButton::Extra2,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run_steps(10);
    assert_eq!(pane_at(&harness, 0).0, KAMENEV);
}

#[test]
fn the_notice_of_a_replaced_pane_offers_back_and_a_jump_within_a_pane_is_undone_too() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = window(profile.path(), &[NOTES]);
    click(&mut harness, "On the Establishment of the U.S.S.R.");
    assert_eq!(
        pane_at(&harness, 0).0,
        KAMENEV,
        "the library's title opens in the pane"
    );
    // The notice's own Back button.
    harness.get_by_label_contains("in place of");
    let labels: Vec<String> = harness
        .get_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|node| node.accesskit_node().label())
        .collect();
    let back = labels
        .iter()
        .find(|label| label.starts_with("Back"))
        .unwrap_or_else(|| panic!("the notice offers Back: {labels:?}"));
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, back)
        .click();
    harness.run_steps(10);
    assert_eq!(pane_at(&harness, 0), (NOTES.to_owned(), 0));
    // A jump inside the same text is remembered as well.
    let late = occurrence(&harness, NOTES, "Great-Russian", 3);
    open_hit(&mut harness, NOTES, late);
    assert!(pane_at(&harness, 0).1 > 0, "the jump went down the notes");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run_steps(10);
    assert_eq!(pane_at(&harness, 0), (NOTES.to_owned(), 0));
}

#[test]
fn the_study_windows_and_search_everything_open_clear_of_the_passage_they_open() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = window(profile.path(), &[NOTES, KAMENEV, TROTSKY]);
    let range = occurrence(&harness, NOTES, "Great-Russian", 3);
    for (menu, item, title) in [
        ("View", "People and places…", "People and places"),
        ("View", "Timeline…", "Timeline"),
        (
            "View",
            "Terms across translations…",
            "Terms across translations",
        ),
        ("Edit", "Search everything…", "Search everything"),
    ] {
        for label in [menu, item] {
            // A menu entry with a shortcut is named with it ("Search everything… Ctrl+Shift+F").
            harness.get_by_label_contains(label).click();
            harness.run_steps(5);
        }
        // A mention, an event or a term opens its passage in the pane, as a result does.
        open_hit(&mut harness, NOTES, range.clone());
        assert_in_view(&harness, 0, &range, title);
        let top = harness.get_by_label(title).rect().top();
        let shown = &harness.state().desk().panes()[0];
        for offset in [range.start, range.end - 1] {
            let at = shown.view.screen_pos_of(&shown.text, offset).unwrap();
            assert!(
                at.y < top,
                "{title}: the passage at {at:?} lies under the window, whose title is at {top}"
            );
        }
    }
}
