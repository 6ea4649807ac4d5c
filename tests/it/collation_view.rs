//! The collation view (`lectern::ui::collation_view`) driven as a reader drives it, through
//! egui_kittest: Darwin's six editions in the Table (witnesses as rows, places as columns), the
//! Apparatus (its entries show their place in the table) and the Overview; Clause 1 collated
//! from its header's Collate, each language apart, in a window over the desk; and light and dark
//! image snapshots (ignored by `cargo test`, run with the other snapshots:
//! `cargo test --test it snapshots:: -- --ignored`).
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use egui::accesskit::Role;
use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use lectern::formats::collatex::read_witnesses;
use lectern::model::collation::apparatus::Base;
use lectern::model::collation::{Collation, WitnessText, collate};
use lectern::model::diff::Normalization;
use lectern::ui::app::LecternApp;
use lectern::ui::collation_view::{CollationEvent, CollationTab, CollationViewState, collation_ui};

use crate::common::gui::{app_with, start_options};

/// The collation shown, the view's state, and every event it returned.
struct Shown {
    collation: Collation,
    view: CollationViewState,
    events: Vec<CollationEvent>,
}

fn darwin() -> Collation {
    let json = include_str!("../data/collation/darwin-chapter1-paragraph1.json");
    let witnesses: Vec<WitnessText> = read_witnesses(json)
        .unwrap()
        .into_iter()
        .map(|(id, text)| WitnessText { id, text })
        .collect();
    collate(&witnesses, &Normalization::wording())
}

fn harness(view: CollationViewState, theme: egui::Theme) -> Harness<'static, Shown> {
    let shown = Shown {
        collation: darwin(),
        view,
        events: Vec::new(),
    };
    let mut harness = Harness::builder()
        .with_size(vec2(1100.0, 520.0))
        .with_pixels_per_point(1.0)
        .with_theme(theme)
        .build_ui_state(
            |ui, shown: &mut Shown| {
                let events = collation_ui(ui, &shown.collation, &mut shown.view);
                shown.events.extend(events);
            },
            shown,
        );
    harness.run();
    harness
}

/// The place where only 1859 reads “much”.
fn much(collation: &Collation) -> usize {
    (0..collation.places().len())
        .find(|&p| collation.reading_text(p, 0) == "much")
        .unwrap()
}

#[test]
fn the_table_shows_each_place_and_a_click_chooses_it() {
    let mut harness = harness(CollationViewState::default(), egui::Theme::Light);
    let place = much(&harness.state().collation);
    let label = format!("Place {}: 1859: much; 1860: –", place + 1);
    harness.get_by_label_contains(&label).click();
    harness.run();
    assert_eq!(harness.state().events, [CollationEvent::PlaceChosen(place)]);
    assert_eq!(harness.state().view.selected, Some(place));
    // 1869's transposed “more”, at both its places.
    harness.get_by_label_contains("1866: more; 1869: (moved); 1872: more");
    harness.get_by_label_contains("1866: –; 1869: more (moved here); 1872: –");
    // The first column: every witness has a row.
    harness
        .get_by_label_contains("Place 1: 1859: –; 1860: –; 1861: –; 1866: Causes of Variability");
}

#[test]
fn an_apparatus_entry_shows_its_place_in_the_table() {
    let view = CollationViewState::new(CollationTab::Table, Base::Witness(0));
    let mut harness = harness(view, egui::Theme::Light);
    harness.get_by_label("Apparatus").click();
    harness.run();
    assert_eq!(harness.state().view.tab, CollationTab::Apparatus);
    harness.get_by_label_contains("Base text:");
    let entry =
        harness.get_by_label_contains("much more ] 1859; more 1860 1861 1866 1872; 1869 *moved*");
    entry.click();
    harness.run();
    let place = much(&harness.state().collation);
    assert_eq!(harness.state().events, [CollationEvent::PlaceChosen(place)]);
    assert_eq!(
        harness.state().view.tab,
        CollationTab::Table,
        "back to the table, at the place"
    );
    harness.get_by_label_contains(&format!("Place {}: 1859: much", place + 1));
}

#[test]
fn the_overview_s_heat_map_leads_to_a_place() {
    let mut harness = harness(CollationViewState::default(), egui::Theme::Light);
    harness.get_by_label("Overview").click();
    harness.run();
    harness.get_by_label_contains("Distances");
    harness
        .get_by_label("Variation along the text: click to show that place in the table")
        .click();
    harness.run();
    assert_eq!(harness.state().events.len(), 1);
    assert_eq!(harness.state().view.tab, CollationTab::Table);
}

/// The window with Clause 1 open from the library (its witnesses in Russian and English).
fn lectern_on_clause_1(profile: &std::path::Path) -> Harness<'static, LecternApp> {
    lectern_on_clause_1_with(start_options(profile, &[]))
}

/// [`lectern_on_clause_1`] started with `options`.
pub fn lectern_on_clause_1_with(
    options: lectern::ui::app::StartOptions,
) -> Harness<'static, LecternApp> {
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(60)
        .build_ui_state(|ui, app: &mut LecternApp| app.show(ui), app_with(options));
    harness.run();
    harness.get_by_label(CLAUSE_1_TITLE).click();
    harness.run();
    harness
}

/// Steps the window until the witnesses are collated, a few seconds at most.
pub fn until_collated(harness: &mut Harness<'_, LecternApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while harness.state().collation().is_collating() {
        assert!(std::time::Instant::now() < deadline, "collated in time");
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    harness.run();
}

/// The window on Clause 1, its Russian witnesses collated, its file dialogs answering `file`
/// (where to save, and what to open).
pub fn clause_1_collated_with_dialogs_on(
    profile: &std::path::Path,
    file: &std::path::Path,
) -> Harness<'static, LecternApp> {
    use crate::common::gui::ScriptedDialogs;
    let options = lectern::ui::app::StartOptions {
        dialogs: Some(std::sync::Arc::new(ScriptedDialogs(Some(file.to_owned())))),
        ..start_options(profile, &[])
    };
    let mut harness = lectern_on_clause_1_with(options);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Collate")
        .click();
    harness.step();
    until_collated(&mut harness);
    harness
}

/// Steps the window until it says the collation was exported, two seconds at most.
pub fn until_exported(harness: &mut Harness<'_, LecternApp>) {
    for _ in 0..400 {
        harness.step();
        if harness.query_by_label_contains("Exported to").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.get_by_label_contains("Exported to");
}

pub const CLAUSE_1_TITLE: &str = "Clause 1: “entry” into the RSFSR or “formal unification”";

#[test]
fn collate_in_the_comparison_shows_each_language_apart_in_a_window() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = lectern_on_clause_1(profile.path());
    harness
        .get_by_role_and_label(Role::Button, "Collate")
        .click();
    harness.step(); // a spinner turns while it collates: never wait for the window to settle
    until_collated(&mut harness);
    assert_eq!(harness.state().collation().title(), Some(CLAUSE_1_TITLE));
    harness.get_by_label(&format!("Collation — {CLAUSE_1_TITLE}"));
    harness.get_by_label("Russian and English are not collated against each other.");
    // The Table: the three Russian witnesses as rows, and no English one.
    for witness in [
        "Stalin’s draft (Russian)",
        "Lenin’s amendment (Russian)",
        "Revised draft, early Oct 1922 (Russian)",
    ] {
        harness.get_by_label(witness);
    }
    assert!(
        harness
            .query_by_label("Lenin’s amendment (English)")
            .is_none(),
        "English is collated apart"
    );
    harness.get_by_label_contains("3 witnesses");
    // The Apparatus: its entries, each a place where the witnesses differ.
    harness
        .get_by_role_and_label(Role::Button, "Apparatus")
        .click();
    harness.run();
    harness.get_by_label_contains("Base text:");
    let entries = harness.query_all(by().role(Role::Button).label_contains(" ] "));
    assert!(entries.count() > 0, "the apparatus has entries");
    // English, chosen, has its own three witnesses.
    harness
        .get_by_role_and_label(Role::Button, "English")
        .click();
    harness.run();
    harness.get_by_label("Lenin’s amendment (English)");
    // The window closes.
    harness.get_by_label("Close window").click();
    harness.run();
    assert!(!harness.state().collation().is_open());
    assert!(
        harness
            .query_by_label("Russian and English are not collated against each other.")
            .is_none()
    );
}

#[test]
fn the_collation_follows_its_comparison_and_closes_with_it() {
    let profile = tempfile::tempdir().unwrap();
    let mut harness = lectern_on_clause_1(profile.path());
    harness
        .get_by_role_and_label(Role::Button, "Collate")
        .click();
    harness.step();
    until_collated(&mut harness);
    assert_eq!(
        harness.state().collation().normalization(),
        Some(Normalization::wording())
    );
    // The window opens clear of the comparison's toolbar, which stays at hand.
    let window = harness
        .get_by_label(&format!("Collation — {CLAUSE_1_TITLE}"))
        .rect();
    for control in ["Collate", "Count as different:", "Witnesses (6)"] {
        let rect = harness.get_by_label(control).rect();
        assert!(
            rect.bottom() <= window.top(),
            "{control}: {rect:?} under {window:?}"
        );
    }
    // What counts as different changes: the witnesses are collated again under it.
    crate::common::gui::click_through(&mut harness, &["Count as different:", "Exact"]);
    harness.step();
    for _ in 0..400 {
        let comparing = harness.state().comparison().unwrap().is_computing();
        if !comparing && !harness.state().collation().is_collating() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    until_collated(&mut harness);
    assert!(harness.state().collation().is_open());
    assert_eq!(
        harness.state().collation().normalization(),
        Some(Normalization::default()),
        "collated again, exactly"
    );
    // The comparison closes: so does its collation, rather than show witnesses no longer
    // open.
    harness
        .get_by_role_and_label(Role::Button, "Close comparison")
        .click();
    harness.run();
    assert!(harness.state().comparison().is_none());
    assert!(!harness.state().collation().is_open());
    assert!(
        harness
            .query_by_label(&format!("Collation — {CLAUSE_1_TITLE}"))
            .is_none()
    );
}

/// Light and dark snapshots, in a module called `snapshots` so that the snapshot run
/// (`cargo test --test it snapshots:: -- --ignored`) takes them with the others.
mod snapshots {
    use lectern::model::collation::apparatus::Base;
    use lectern::ui::collation_view::{CollationTab, CollationViewState};

    use super::harness;

    fn snapshot(tab: CollationTab, theme: egui::Theme, name: &str) {
        let view = CollationViewState::new(tab, Base::Witness(0));
        harness(view, theme).snapshot(name);
    }

    #[test]
    #[ignore = "an image snapshot: needs a Vulkan driver (run with -- --ignored)"]
    fn collation_table_light() {
        snapshot(
            CollationTab::Table,
            egui::Theme::Light,
            "collation_table_light",
        );
    }

    #[test]
    #[ignore = "an image snapshot: needs a Vulkan driver (run with -- --ignored)"]
    fn collation_table_dark() {
        snapshot(
            CollationTab::Table,
            egui::Theme::Dark,
            "collation_table_dark",
        );
    }

    #[test]
    #[ignore = "an image snapshot: needs a Vulkan driver (run with -- --ignored)"]
    fn collation_apparatus_light() {
        snapshot(
            CollationTab::Apparatus,
            egui::Theme::Light,
            "collation_apparatus_light",
        );
    }

    #[test]
    #[ignore = "an image snapshot: needs a Vulkan driver (run with -- --ignored)"]
    fn collation_apparatus_dark() {
        snapshot(
            CollationTab::Apparatus,
            egui::Theme::Dark,
            "collation_apparatus_dark",
        );
    }
}
