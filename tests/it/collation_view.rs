//! The collation view (`lectern::ui::collation_view`) driven as a reader drives it, through
//! egui_kittest: Darwin's six editions in the Table (witnesses as rows, places as columns), the
//! Apparatus (its entries show their place in the table) and the Overview; and light and dark
//! image snapshots (ignored by `cargo test`, run with the other snapshots:
//! `cargo test --test it snapshots:: -- --ignored`).
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lectern::formats::collatex::read_witnesses;
use lectern::model::collation::apparatus::Base;
use lectern::model::collation::{Collation, WitnessText, collate};
use lectern::model::diff::Normalization;
use lectern::ui::collation_view::{CollationEvent, CollationTab, CollationViewState, collation_ui};

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
