//! The study groups in the window: Anna shares a highlight on Lenin's letter to Kamenev with a
//! question, Boris replies (both through the library, as their own Lecterns would), and Vera,
//! in the window, chooses her name, joins the group's folder, sees both marked new in their
//! members' colours, hides Boris's layer, replies, and copies Anna's note into her notebook; the
//! annotations panel lists one member's layer; and Anna shares from the window.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use lectern::bundled::bundled_library;
use lectern::formats::ids::Timestamp;
use lectern::model::annotation::Annotation;
use lectern::model::group::Shared;
use lectern::model::notebook::Edit;
use lectern::storage::groups;
use lectern::ui::app::LecternApp;

use crate::common::gui::{app_with, click, start_options};

const KAMENEV: &str = "lenin-1922-09-26-kamenev";
const PASSAGE: &str = "Union of Soviet Republics of Europe and Asia";

pub fn at(minute: u32) -> Timestamp {
    Timestamp::from(format!("2026-12-07T09:{minute:02}:00Z").as_str())
}

/// An annotation of `PASSAGE` in the letter to Kamenev with `note`.
fn on_the_passage(id: &str, note: &str) -> Annotation {
    let library = bundled_library();
    let text = library.get(KAMENEV).unwrap();
    let start = text.content().find(PASSAGE).unwrap();
    let start = text.content()[..start].chars().count();
    let range = (start..start + PASSAGE.chars().count()).into();
    let mut annotation = Annotation::new(id, text, range, None, &at(0));
    annotation.note = note.into();
    annotation
}

/// A seminar's folder and its members' profiles, in one folder.
pub struct Seminar {
    _temporary: Option<tempfile::TempDir>,
    root: PathBuf,
    /// The group's folder.
    pub group: PathBuf,
    /// Anna's question.
    pub question: String,
}

impl Seminar {
    /// The profile folder of `who`.
    pub fn profile(&self, who: &str) -> PathBuf {
        let dir = self.root.join(who);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}

/// Anna's question in the group and Boris's reply, written as their Lecterns write them, in a
/// temporary folder.
fn seminar() -> Seminar {
    let temporary = tempfile::tempdir().unwrap();
    let seminar = seminar_in(temporary.path().to_path_buf());
    Seminar {
        _temporary: Some(temporary),
        ..seminar
    }
}

/// [`seminar`], in the folder `root`.
pub fn seminar_in(root: PathBuf) -> Seminar {
    let group = root.join("seminar");
    let (anna, boris) = (root.join("anna"), root.join("boris"));
    for dir in [&anna, &boris] {
        std::fs::create_dir_all(dir).unwrap();
    }
    groups::rename(&anna, "Anna", Some([0xd9, 0x5f, 0x02]), at(0)).unwrap();
    groups::rename(&boris, "Boris", Some([0x1b, 0x9e, 0x77]), at(0)).unwrap();
    let (joined, identity) = groups::join(&anna, &group, Some("Seminar"), "Anna", at(0)).unwrap();
    let question = groups::share(
        &joined,
        &identity,
        Shared::annotation(
            &on_the_passage("a-anna", "Why does Stalin say 'entry'?"),
            &[],
        ),
        at(1),
    )
    .unwrap();
    let (joined, identity) = groups::join(&boris, &group, None, "Boris", at(2)).unwrap();
    groups::share(
        &joined,
        &identity,
        Shared::Reply {
            to: question.clone(),
            note: "Because Stalin wanted the RSFSR to absorb them.".into(),
        },
        at(3),
    )
    .unwrap();
    Seminar {
        _temporary: None,
        group: group.canonicalize().unwrap(),
        root,
        question,
    }
}

fn window(profile: &Path) -> Harness<'static, LecternApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(60)
        .build_ui_state(
            |ui, app: &mut LecternApp| app.show(ui),
            app_with(start_options(profile, &[KAMENEV])),
        );
    harness.run();
    harness
}

/// Lets the window take the groups once they are read off its thread.
pub fn groups_read(harness: &mut Harness<'_, LecternApp>) {
    for _ in 0..200 {
        harness.run();
        if !harness.state().groups().is_reading() {
            harness.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the groups were not read");
}

fn type_into(harness: &mut Harness<'_, LecternApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

/// Scrolls the window to the widget labelled `label`, as a reader would, and clicks it.
fn scroll_and_click(harness: &mut Harness<'_, LecternApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    click(harness, label);
}

#[test]
fn vera_joins_sees_what_is_new_in_members_colours_hides_a_layer_replies_and_copies() {
    let seminar = seminar();
    let vera = seminar.profile("vera");
    let mut harness = window(&vera);
    click(&mut harness, "View");
    click(&mut harness, "Study groups…");
    assert!(harness.state().groups().is_open());

    // First use: her name, then the group's folder.
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Vera");
    harness.run();
    click(&mut harness, "Save my name");
    assert_eq!(harness.state().groups().member().unwrap().name, "Vera");
    type_into(&mut harness, "Folder", seminar.group.to_str().unwrap());
    click(&mut harness, "Join");
    groups_read(&mut harness);

    let dark = harness.ctx.theme() == egui::Theme::Dark;
    let anna_colour =
        lectern::ui::theme::highlight_fill(egui::Color32::from_rgb(0xd9, 0x5f, 0x02), dark);
    let app = harness.state();
    let group = app
        .groups()
        .group("Seminar")
        .expect("joined, named by its folder");
    assert_eq!(group.read.layer.entries.len(), 2);
    assert_eq!(
        group.new.len(),
        2,
        "Anna's question and Boris's reply are new"
    );
    assert!(
        group
            .read
            .layer
            .entries
            .iter()
            .all(|e| e.authorship.is_verified())
    );
    for said in [
        "1 new note from Anna in Seminar",
        "1 new note from Boris in Seminar",
    ] {
        assert!(
            app.notices().iter().any(|n| n == said),
            "{said}: {:?}",
            app.notices()
        );
    }
    // Anna's highlight is in the pane, in her colour, under her name.
    let highlights = app.highlights_on(&KAMENEV.into()).unwrap();
    let hers: Vec<_> = highlights
        .items()
        .iter()
        .filter(|h| h.note.starts_with("Anna: "))
        .collect();
    assert_eq!(hers.len(), 1);
    assert!(
        hers[0].annotation_id.is_empty(),
        "another's highlight is not the reader's to change"
    );
    assert_eq!(hers[0].color, anna_colour);
    harness.get_by_label("New in Seminar");

    // Another's record offers no way to edit it: the window's text fields are the library's
    // filter, the panel's search, the group window's forms and the reply under each thread.
    let fields: Vec<String> = harness
        .query_all_by_role(Role::TextInput)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    assert!(
        fields.iter().all(|f| [
            "Filter",
            "Search notes",
            "Name",
            "Folder",
            "Call it",
            "Your reply"
        ]
        .contains(&f.as_str())),
        "{fields:?}"
    );

    // Boris's layer hidden: his reply is no longer listed, and the choice is kept.
    let boris = group
        .read
        .layer
        .members
        .values()
        .find(|m| m.name == "Boris")
        .unwrap()
        .id
        .clone();
    // Listed under "New in Seminar" and in Anna's thread.
    assert_eq!(
        harness
            .query_all_by_label("Because Stalin wanted the RSFSR to absorb them.")
            .count(),
        2
    );
    harness
        .get_by_role_and_label(Role::CheckBox, "Boris")
        .click();
    harness.run();
    assert!(
        !harness
            .state()
            .groups()
            .filter()
            .shows_member("Seminar", &boris)
    );
    assert!(
        harness
            .query_by_label("Because Stalin wanted the RSFSR to absorb them.")
            .is_none()
    );
    assert!(!groups::load_filter(&vera).shows_member("Seminar", &boris));

    // A reply of her own, in her folder, signed.
    type_into(
        &mut harness,
        "Your reply",
        "See his letter of 22 September.",
    );
    scroll_and_click(&mut harness, "Reply");
    groups_read(&mut harness);
    let group = harness.state().groups().group("Seminar").unwrap();
    let thread = group.read.layer.thread(&seminar.question);
    assert_eq!(
        thread.replies.len(),
        2,
        "{:?} {:?}",
        harness.state().notices(),
        group
            .read
            .layer
            .entries
            .iter()
            .map(|e| e.record.body.summary())
            .collect::<Vec<_>>()
    );
    let mine = thread
        .replies
        .iter()
        .find(|r| group.read.layer.member_name(&r.record.member) == "Vera")
        .unwrap();
    assert!(mine.authorship.is_verified());
    assert!(
        !group.new.contains(&mine.record.id),
        "her own reply is not news to her"
    );

    // Anna's note copied into her notebook: hers to change, saying whose it was.
    scroll_and_click(&mut harness, "Copy to my notebook");
    let copies: Vec<_> = harness
        .state()
        .notebook()
        .annotations()
        .live()
        .iter()
        .filter(|a| a.note.contains("From Anna in Seminar"))
        .cloned()
        .collect();
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].anchor.exact, PASSAGE);
    assert!(copies[0].note.starts_with("Why does Stalin say 'entry'?"));

    // Mark all read: nothing is new, and the marks are this device's.
    scroll_and_click(&mut harness, "Mark all read");
    assert!(
        harness
            .state()
            .groups()
            .group("Seminar")
            .unwrap()
            .new
            .is_empty()
    );

    // She leaves the group: its layers and its news banners go, and so do the signatures her
    // device had checked in it; her copy of Anna's note stays hers.
    let checked = vera.join("local/group-checked");
    assert_eq!(std::fs::read_dir(&checked).unwrap().count(), 1);
    scroll_and_click(&mut harness, "Leave");
    groups_read(&mut harness);
    assert!(harness.state().groups().group("Seminar").is_none());
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .all(|n| !n.contains("in Seminar")),
        "{:?}",
        harness.state().notices()
    );
    assert_eq!(std::fs::read_dir(&checked).unwrap().count(), 0);
    assert!(
        harness
            .state()
            .notebook()
            .annotations()
            .live()
            .iter()
            .any(|a| a.note.contains("From Anna in Seminar"))
    );
}

#[test]
fn the_annotations_panel_lists_one_members_layer() {
    let seminar = seminar();
    let vera = seminar.profile("vera");
    groups::rename(&vera, "Vera", None, at(5)).unwrap();
    groups::join(&vera, &seminar.group, None, "Vera", at(5)).unwrap();
    let mut harness = window(&vera);
    groups_read(&mut harness);
    if !harness.state().view().annotations_open() {
        click(&mut harness, "View");
        click(&mut harness, "Annotations panel");
    }
    harness.get_by_label("Notes shown").click();
    harness.run();
    harness.get_by_label("Seminar: Anna").click();
    harness.run();
    let chosen = harness
        .state_mut()
        .groups_mut()
        .view_mut()
        .panel_layer
        .clone();
    assert_eq!(
        chosen.as_ref().map(|(g, m)| (g.as_str(), m.is_some())),
        Some(("Seminar", true))
    );
    harness.get_by_label("“Union of Soviet Republics of Europe and Asia”");
    // Back to her own notes.
    harness.get_by_label("Notes shown").click();
    harness.run();
    harness.get_by_label("Mine").click();
    harness.run();
    assert!(
        harness
            .state_mut()
            .groups_mut()
            .view_mut()
            .panel_layer
            .is_none()
    );
}

#[test]
fn anna_shares_a_selected_annotation_from_the_window_and_nothing_else_goes() {
    let seminar = seminar();
    let anna = seminar.profile("anna");
    let mut harness = window(&anna);
    let shared = on_the_passage("a-shared", "Lenin's word: unification.");
    let private = on_the_passage("a-private", "PRIVATE: my draft of the seminar paper");
    harness
        .state_mut()
        .notebook_mut()
        .edit(Edit::AddAnnotation(shared), &at(6))
        .unwrap();
    harness
        .state_mut()
        .notebook_mut()
        .edit(Edit::AddAnnotation(private), &at(6))
        .unwrap();
    harness
        .state_mut()
        .view_mut()
        .select_annotation(Some("a-shared".into()));
    harness.run();
    click(&mut harness, "View");
    click(&mut harness, "Study groups…");
    groups_read(&mut harness);
    click(&mut harness, "Share with group");
    groups_read(&mut harness);
    let group = harness.state().groups().group("Seminar").unwrap();
    assert!(group.read.layer.entries.iter().any(|e| {
        e.record
            .body
            .summary()
            .contains("Lenin's word: unification.")
    }));
    // Nothing else of her notebook is in any file of the group's folder.
    let mut pending = vec![seminar.group.clone()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            if entry.file_type().unwrap().is_dir() {
                pending.push(entry.path());
            } else {
                let bytes = std::fs::read_to_string(entry.path()).unwrap();
                assert!(!bytes.contains("PRIVATE"), "{}", entry.path().display());
            }
        }
    }
}

#[test]
fn a_note_on_a_comparison_is_shared_from_the_window() {
    let seminar = seminar();
    let anna = seminar.profile("anna");
    let mut harness = window(&anna);
    let comparison = lectern::bundled::bundled_comparisons()
        .into_iter()
        .next()
        .unwrap();
    let note = lectern::model::comparison::ComparisonNote {
        quote: "formal unification".into(),
        note: "The word Stalin accepted in place of entry".into(),
        ..lectern::model::comparison::ComparisonNote::new(
            "n-amend".into(),
            &comparison,
            0,
            None,
            &at(7),
        )
    };
    harness
        .state_mut()
        .notebook_mut()
        .edit(
            Edit::AddComparisonNote {
                note,
                readers_comparison: None,
            },
            &at(7),
        )
        .unwrap();
    click(&mut harness, "View");
    click(&mut harness, "Study groups…");
    groups_read(&mut harness);
    harness.get_by_label("Or a note on a comparison").click();
    harness.run();
    let label = format!(
        "{}: The word Stalin accepted in place of entry",
        comparison.title
    );
    let label = if comparison.title.chars().count() > 50 {
        format!(
            "{}…: The word Stalin accepted in place of entry",
            comparison.title.chars().take(49).collect::<String>()
        )
    } else {
        label
    };
    harness.get_by_label(&label).click();
    harness.run();
    click(&mut harness, "Share with group");
    groups_read(&mut harness);
    let group = harness.state().groups().group("Seminar").unwrap();
    let shared: Vec<_> = group
        .read
        .layer
        .entries
        .iter()
        .filter(|e| matches!(&e.record.body, Shared::ComparisonNote { note, .. } if note.note_id == "n-amend"))
        .collect();
    assert_eq!(shared.len(), 1);
    assert!(shared[0].authorship.is_verified());
}

#[test]
fn the_comparison_shows_the_groups_notes_in_their_members_colours_to_read_not_to_change() {
    let seminar = seminar();
    // Anna shares a note on Lenin's amendment in Clause 1.
    let anna = seminar.profile("anna");
    let identity = groups::identity(&anna, "Anna").unwrap();
    let joined = groups::find_group(&anna, "Seminar").unwrap();
    let comparison = lectern::bundled::bundled_comparisons()
        .into_iter()
        .find(|c| c.title == crate::collation_view::CLAUSE_1_TITLE)
        .unwrap();
    let note = lectern::model::comparison::ComparisonNote {
        quote: "formal unification".into(),
        note: "Unification, not entry: the republics stay equal.".into(),
        ..lectern::model::comparison::ComparisonNote::new(
            "n-anna".into(),
            &comparison,
            0,
            None,
            &at(8),
        )
    };
    groups::share(
        &joined,
        &identity,
        Shared::comparison_note(&note, &[]),
        at(8),
    )
    .unwrap();
    // Vera opens the comparison.
    let vera = seminar.profile("vera");
    groups::rename(&vera, "Vera", None, at(9)).unwrap();
    groups::join(&vera, &seminar.group, None, "Vera", at(9)).unwrap();
    let mut harness = window(&vera);
    groups_read(&mut harness);
    click(&mut harness, crate::collation_view::CLAUSE_1_TITLE);
    harness.get_by_label("Anna · Seminar");
    harness.get_by_label("Unification, not entry: the republics stay equal.");
    assert!(
        harness
            .query_all_by_role(Role::MultilineTextInput)
            .all(|n| n.value().as_deref()
                != Some("Unification, not entry: the republics stay equal.")),
        "another's note is not in a field to edit"
    );
    // Hidden with Anna's layer.
    let anna_id = identity.member.id.clone();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        lectern::ui::action::GroupAction::ShowLayer {
            group: "Seminar".into(),
            member: anna_id,
            shown: false,
        }
        .into(),
    );
    harness.run();
    assert!(harness.query_by_label("Anna · Seminar").is_none());
}

/// Stalin's entry and `lenin`'s wording, as a comparison of a reader's own called `id`.
fn drafts(id: &str, lenin: &str) -> lectern::model::comparison::Comparison {
    use lectern::model::comparison::{Comparison, WordingInput};
    Comparison::from_wordings(
        id,
        "Two drafts",
        vec![
            WordingInput::pasted("Stalin", "The entry of the republics into the RSFSR."),
            WordingInput::pasted("Lenin", lenin),
        ],
        &lectern::model::diff::Normalization::default(),
    )
    .unwrap()
}

/// What the group window's buttons ask for a record of Seminar: "Go to it", "Copy to my
/// notebook".
fn go_to(record: &str) -> lectern::ui::action::GroupAction {
    lectern::ui::action::GroupAction::GoToRecord {
        group: "Seminar".into(),
        record: record.to_owned(),
    }
}

fn copy_of(record: &str) -> lectern::ui::action::GroupAction {
    lectern::ui::action::GroupAction::CopyToNotebook {
        group: "Seminar".into(),
        record: record.to_owned(),
    }
}

/// Carries out `action` in the window, as its button would.
fn act(harness: &mut Harness<'_, LecternApp>, action: lectern::ui::action::GroupAction) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, action.into());
    harness.run();
}

#[test]
fn a_note_on_a_comparison_and_a_comparison_shared_are_gone_to_and_copied() {
    use lectern::model::comparison::ComparisonNote;
    let seminar = seminar();
    let anna = seminar.profile("anna");
    let identity = groups::identity(&anna, "Anna").unwrap();
    let joined = groups::find_group(&anna, "Seminar").unwrap();
    // Anna shares a note on the bundled Clause 1, a comparison of her own, and a note on it.
    let clause = lectern::bundled::bundled_comparisons()
        .into_iter()
        .find(|c| c.title == crate::collation_view::CLAUSE_1_TITLE)
        .unwrap();
    let on_clause = ComparisonNote {
        note: "Unification, not entry.".into(),
        ..ComparisonNote::new("n-clause".into(), &clause, 0, None, &at(8))
    };
    let hers = drafts(
        "reader-anna-drafts",
        "The formal unification of the republics.",
    );
    let on_hers = ComparisonNote {
        note: "Entry or unification?".into(),
        ..ComparisonNote::new("n-hers".into(), &hers, 0, None, &at(8))
    };
    let mut ids = Vec::new();
    for body in [
        Shared::comparison_note(&on_clause, &[]),
        Shared::Comparison {
            comparison: hers.clone(),
        },
        Shared::comparison_note(&on_hers, &[]),
    ] {
        ids.push(groups::share(&joined, &identity, body, at(8)).unwrap());
    }
    let vera = seminar.profile("vera");
    groups::join(&vera, &seminar.group, None, "Vera", at(9)).unwrap();
    let mut harness = window(&vera);
    groups_read(&mut harness);
    click(&mut harness, "View");
    click(&mut harness, "Study groups…");
    // Each of the three can be gone to, beside Anna's question on the letter that the seminar
    // began with (Boris's reply is under it); the notes can be copied, and the comparison is
    // kept with the notes on it.
    let buttons = |harness: &Harness<'_, LecternApp>, label: &str| {
        harness
            .query_all_by_role_and_label(Role::Button, label)
            .count()
    };
    assert_eq!(buttons(&harness, "Go to it"), 4);
    assert_eq!(buttons(&harness, "Copy to my notebook"), 3);
    // The note on Clause 1: the bundled comparison opens at its segment.
    act(&mut harness, go_to(&ids[0]));
    let open = harness.state().comparison().expect("the comparison open");
    assert_eq!(open.comparison().id, clause.id);
    // Anna's own comparison: opened from the group, as Vera's to note on.
    act(&mut harness, go_to(&ids[1]));
    let open = harness.state().comparison().expect("her comparison open");
    assert_eq!(open.comparison().id, hers.id);
    assert!(open.is_readers_own());
    // Both notes copied into Vera's notebook, saying whose they were; the note on Anna's
    // comparison brings the comparison with it.
    for id in [&ids[0], &ids[2]] {
        act(&mut harness, copy_of(id));
    }
    let notebook = harness.state().notebook();
    let notes = notebook.comparison_notes();
    assert_eq!(notes.len(), 2, "{notes:?}");
    let clause_copy = notes.iter().find(|n| n.comparison_id == clause.id).unwrap();
    assert_eq!(clause_copy.segment, 0);
    assert!(clause_copy.note.starts_with("Unification, not entry."));
    assert!(clause_copy.note.ends_with("From Anna in Seminar"));
    assert_ne!(
        clause_copy.note_id, "n-clause",
        "a note of her own, with an id of its own"
    );
    let hers_copy = notes.iter().find(|n| n.comparison_id == hers.id).unwrap();
    assert!(hers_copy.note.starts_with("Entry or unification?"));
    assert!(notebook.readers_comparison(&hers.id).is_some());
    assert!(
        notebook.readers_comparison(&clause.id).is_none(),
        "a bundled comparison is not stored"
    );
}

#[test]
fn a_members_comparison_cannot_shadow_anothers_nor_bring_a_bad_id_into_the_notebook() {
    use lectern::model::comparison::{CarriedFrom, ComparisonNote};
    let seminar = seminar();
    let share_as = |who: &str, body: Shared, minute: u32| {
        let profile = seminar.profile(who);
        let identity = groups::identity(&profile, who).unwrap();
        let joined = groups::find_group(&profile, "Seminar").unwrap();
        groups::share(&joined, &identity, body, at(minute)).unwrap()
    };
    // Anna shares her comparison and a note on it (a note she had carried from another
    // witness); Boris, later, shares another comparison under the same id.
    let hers = drafts("reader-drafts", "The formal unification of the republics.");
    let theirs = drafts("reader-drafts", "Boris's wording, not Lenin's.");
    let note = ComparisonNote {
        note: "Unification.".into(),
        carried_from: Some(CarriedFrom {
            witness: "Stalin".into(),
            quote: "entry".into(),
            source: "n-in-annas-notebook".into(),
        }),
        ..ComparisonNote::new("n-anna".into(), &hers, 0, None, &at(8))
    };
    let her_comparison = share_as(
        "anna",
        Shared::Comparison {
            comparison: hers.clone(),
        },
        8,
    );
    let her_note = share_as("anna", Shared::comparison_note(&note, &[]), 8);
    share_as(
        "boris",
        Shared::Comparison {
            comparison: theirs.clone(),
        },
        30,
    );
    // A comparison whose id is not a plain name (it would name files in the notebook), a
    // note on it, and a note on a segment her comparison does not have.
    let bad = drafts(&"ф/..".repeat(40), "Anything.");
    let bad_comparison = share_as(
        "boris",
        Shared::Comparison {
            comparison: bad.clone(),
        },
        31,
    );
    let on_bad = share_as(
        "boris",
        Shared::comparison_note(
            &ComparisonNote::new("n-bad".into(), &bad, 0, None, &at(31)),
            &[],
        ),
        31,
    );
    let beyond = share_as(
        "boris",
        Shared::comparison_note(
            &ComparisonNote {
                segment: 99,
                ..ComparisonNote::new("n-beyond".into(), &hers, 0, None, &at(32))
            },
            &[],
        ),
        32,
    );
    let vera = seminar.profile("vera");
    groups::join(&vera, &seminar.group, None, "Vera", at(40)).unwrap();
    let mut harness = window(&vera);
    groups_read(&mut harness);
    // Anna's record opens Anna's comparison, not Boris's later one of the same id.
    act(&mut harness, go_to(&her_comparison));
    let open = harness.state().comparison().unwrap().comparison().clone();
    assert_eq!(open, hers);
    // Her note, copied, brings her comparison, and is a note of Vera's own, not a carried one.
    act(&mut harness, copy_of(&her_note));
    let notebook = harness.state().notebook();
    assert_eq!(
        notebook
            .readers_comparison("reader-drafts")
            .unwrap()
            .witnesses[1]
            .text(),
        hers.witnesses[1].text()
    );
    let copied = &notebook.comparison_notes()[0];
    assert!(copied.carried_from.is_none());
    assert!(copied.note.ends_with("From Anna in Seminar"));
    assert_eq!(
        harness.state().view().told(),
        Some("Copied into your notebook.")
    );
    // The bad id is neither opened nor kept, and neither is a note beyond the segments.
    let before = harness.state().notebook().comparison_notes().len();
    act(&mut harness, go_to(&bad_comparison));
    assert!(
        harness
            .state()
            .view()
            .told()
            .is_some_and(|t| t.contains("cannot be opened"))
    );
    for record in [&bad_comparison, &on_bad, &beyond] {
        act(&mut harness, copy_of(record));
        act(&mut harness, go_to(record));
    }
    assert_eq!(harness.state().notebook().comparison_notes().len(), before);
    assert!(
        harness
            .state()
            .comparison()
            .is_none_or(|s| s.comparison().id != bad.id)
    );
    assert!(
        harness
            .state()
            .view()
            .told()
            .is_some_and(|t| t.contains("neither in your library nor shared")),
        "{:?}",
        harness.state().view().told()
    );
}
