//! The desk's panes, widths and linked scrolling, without a window.

use super::*;
use crate::formats::text_format::TextMeta;
use crate::ui::reader::Place;

fn text(id: &str) -> Arc<Text> {
    let meta = TextMeta {
        id: id.into(),
        title: id.to_uppercase(),
        ..TextMeta::default()
    };
    Arc::new(Text::new(meta, ["one".to_owned(), "two".to_owned()]))
}

fn ids(desk: &Desk) -> Vec<&str> {
    desk.panes().iter().map(|p| p.text.id().as_str()).collect()
}

fn assert_widths_sum_to_one(desk: &Desk) {
    let total: f32 = desk.widths().iter().sum();
    assert!((total - 1.0).abs() < 1e-5, "{:?}", desk.widths());
    assert_eq!(desk.widths().len(), desk.panes().len());
}

#[test]
fn open_replaces_the_active_pane_and_beside_adds_one() {
    let mut desk = Desk::default();
    assert_eq!(desk.open(text("a"), false), 0);
    assert_eq!(desk.open(text("b"), false), 0);
    assert_eq!(ids(&desk), ["b"]);
    assert_eq!(desk.open(text("c"), true), 1);
    assert_eq!(ids(&desk), ["b", "c"]);
    assert_eq!(desk.active(), 1);
    assert_widths_sum_to_one(&desk);
}

#[test]
fn beside_inserts_right_of_the_active_pane() {
    let mut desk = Desk::default();
    desk.open(text("a"), false);
    desk.open(text("b"), true);
    desk.focus(0);
    desk.open(text("c"), true);
    assert_eq!(ids(&desk), ["a", "c", "b"]);
    assert_eq!(desk.active(), 1);
}

#[test]
fn three_panes_at_most() {
    let mut desk = Desk::default();
    for id in ["a", "b", "c", "d"] {
        desk.open(text(id), true);
    }
    assert_eq!(desk.panes().len(), 3);
    // The fourth replaced the active pane instead.
    assert_eq!(ids(&desk), ["a", "b", "d"]);
    assert_widths_sum_to_one(&desk);
}

#[test]
fn close_and_swap_keep_the_invariants() {
    let mut desk = Desk::default();
    for id in ["a", "b", "c"] {
        desk.open(text(id), true);
    }
    desk.set_widths(&[0.5, 0.3, 0.2]);
    desk.swap(0, 2);
    assert_eq!(ids(&desk), ["c", "b", "a"]);
    assert_eq!(desk.widths(), [0.2, 0.3, 0.5]);
    assert_eq!(desk.active(), 0, "the active pane moves with its text");
    desk.close(0);
    assert_eq!(ids(&desk), ["b", "a"]);
    assert_widths_sum_to_one(&desk);
    desk.close(1);
    desk.close(0);
    assert!(desk.panes().is_empty());
    assert_eq!(desk.active(), 0);
    desk.close(5); // nothing to close: no panic
}

#[test]
fn divider_drags_respect_a_minimum_width() {
    let mut desk = Desk::default();
    desk.open(text("a"), true);
    desk.open(text("b"), true);
    desk.move_divider(0, 0.2);
    assert!((desk.widths()[0] - 0.7).abs() < 1e-5);
    desk.move_divider(0, 5.0);
    assert!((desk.widths()[1] - MIN_PANE_SHARE).abs() < 1e-5);
    assert_widths_sum_to_one(&desk);
}

#[test]
fn linked_panes_move_from_their_own_place_and_unlinked_ones_stay() {
    let mut desk = Desk::default();
    desk.open(text("a"), true);
    desk.open(text("a"), true);
    desk.open(text("b"), true);
    for index in 0..3 {
        desk.pane_mut(index).unwrap().linked = index != 2;
    }
    // Pane 2 reads further on than pane 1.
    desk.pane_mut(1).unwrap().view.jump_to(1, 0.25);
    let (from, to) = (
        Place {
            paragraphs: 0.0,
            fraction: 0.0,
        },
        Place {
            paragraphs: 0.5,
            fraction: 0.3,
        },
    );
    desk.pane_mut(0).unwrap().view.note_move(from, to);
    desk.follow_linked(0);
    // The same text moves by as many paragraphs, from its own place (and not past the end).
    assert_eq!(desk.panes()[1].view.pending_jump(), Some((1, 0.75)));
    assert_eq!(desk.panes()[2].view.pending_jump(), None);
    assert_eq!(desk.panes()[2].view.pending_fraction(), None);
    // The move is followed once.
    desk.pane_mut(1).unwrap().view = ReaderView::new();
    desk.follow_linked(0);
    assert_eq!(desk.panes()[1].view.pending_jump(), None);
    // A linked pane with another text (of another length) moves by the same share.
    let other = Arc::new(Text::new(
        TextMeta {
            id: "c".into(),
            ..TextMeta::default()
        },
        ["x".to_owned(), "y".to_owned(), "z".to_owned()],
    ));
    desk.open(other, false);
    desk.pane_mut(2).unwrap().linked = true;
    desk.pane_mut(0).unwrap().view.note_move(from, to);
    desk.follow_linked(0);
    assert_eq!(desk.panes()[2].view.pending_fraction(), Some(0.3));
    // An unlinked pane leads nobody.
    desk.pane_mut(1).unwrap().view = ReaderView::new();
    desk.pane_mut(2).unwrap().view = ReaderView::new();
    desk.pane_mut(0).unwrap().linked = false;
    desk.pane_mut(0).unwrap().view.note_move(from, to);
    desk.follow_linked(0);
    assert_eq!(desk.panes()[2].view.pending_fraction(), None);
    assert_eq!(desk.panes()[1].view.pending_jump(), None);
}

#[test]
fn a_text_coming_in_takes_a_free_pane_or_waits_in_the_library_never_a_pane_in_use() {
    let mut desk = Desk::default();
    assert_eq!(desk.place(text("a")), Placement::First);
    assert_eq!(desk.place(text("b")), Placement::Beside(0));
    desk.focus(0);
    assert_eq!(desk.place(text("c")), Placement::Beside(0));
    assert_eq!(ids(&desk), ["a", "c", "b"], "beside the active pane");
    // A full desk is kept as it is.
    assert_eq!(desk.place(text("d")), Placement::InLibrary);
    assert_eq!(ids(&desk), ["a", "c", "b"]);
    assert_eq!(desk.active(), 1);
    // A text already open is shown where it is.
    assert_eq!(desk.place(text("b")), Placement::AlreadyOpen(2));
    assert_eq!(desk.active(), 2);
    // Asked for again in a pane of its own (`--open a,a`), it has one while there is room.
    desk.close(2);
    assert_eq!(desk.place_again(text("a")), Placement::Beside(1));
    assert_eq!(ids(&desk), ["a", "c", "a"]);
    assert_eq!(desk.place_again(text("a")), Placement::InLibrary);
    assert_widths_sum_to_one(&desk);
}
