//! Where the reader has been: Back and Forward over reading places across the panes, as a
//! browser or Logos keeps them. A place is recorded when a jump takes the reader away from it
//! (a search result, a mention, an event of the timeline, an annotation, a part of the
//! outline, a text opened in place of another); Back returns there, and Forward comes again.

use super::text::TextId;

/// How many places Back can go through; the oldest are forgotten first.
pub const LIMIT: usize = 100;

/// A reading place: which pane, which text in it, and how far into which paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadingPlace {
    /// The pane (counted from 0, left to right).
    pub pane: usize,
    /// The text the pane showed.
    pub text_id: TextId,
    /// The paragraph at the top of the pane.
    pub paragraph: usize,
    /// How far into that paragraph, as a fraction of its height.
    pub within: f32,
}

impl ReadingPlace {
    /// Whether two places are the same reading place (the same pane, text and paragraph): a
    /// jump to where the reader already is records nothing new.
    fn same_as(&self, other: &Self) -> bool {
        self.pane == other.pane
            && self.text_id == other.text_id
            && self.paragraph == other.paragraph
    }
}

/// The places behind the reader and ahead of them.
#[derive(Clone, Debug, Default)]
pub struct ReadingHistory {
    back: Vec<ReadingPlace>,
    forward: Vec<ReadingPlace>,
}

impl ReadingHistory {
    /// Notes that a jump takes the reader away from `left`: Back will return there, and what
    /// was ahead is forgotten (as in a browser).
    pub fn record(&mut self, left: ReadingPlace) {
        self.forward.clear();
        if self.back.last().is_some_and(|last| last.same_as(&left)) {
            return;
        }
        self.back.push(left);
        if self.back.len() > LIMIT {
            self.back.remove(0);
        }
    }

    /// The place to go back to, if any. `here` says where the pane that place is in stands now
    /// (as [`Self::pane_of_back`] names it), for Forward to return to.
    pub fn back(&mut self, here: Option<ReadingPlace>) -> Option<ReadingPlace> {
        let to = self.back.pop()?;
        if let Some(here) = here {
            self.forward.push(here);
        }
        Some(to)
    }

    /// The place to go forward to, if any; `here` as for [`Self::back`].
    pub fn forward(&mut self, here: Option<ReadingPlace>) -> Option<ReadingPlace> {
        let to = self.forward.pop()?;
        if let Some(here) = here {
            self.back.push(here);
        }
        Some(to)
    }

    /// The pane Back would change.
    pub fn pane_of_back(&self) -> Option<usize> {
        self.back.last().map(|place| place.pane)
    }

    /// The pane Forward would change.
    pub fn pane_of_forward(&self) -> Option<usize> {
        self.forward.last().map(|place| place.pane)
    }

    /// Whether there is somewhere to go back to.
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// Whether there is somewhere to go forward to.
    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    /// Renumbers the places after a pane was inserted at `pane` (those from it on move right).
    pub fn pane_inserted(&mut self, pane: usize) {
        for place in self.back.iter_mut().chain(self.forward.iter_mut()) {
            if place.pane >= pane {
                place.pane += 1;
            }
        }
    }

    /// Renumbers the places after panes `a` and `b` changed places.
    pub fn panes_swapped(&mut self, a: usize, b: usize) {
        for place in self.back.iter_mut().chain(self.forward.iter_mut()) {
            if place.pane == a {
                place.pane = b;
            } else if place.pane == b {
                place.pane = a;
            }
        }
    }

    /// Forgets the places in pane `pane` and renumbers those to its right, after the pane was
    /// closed.
    pub fn pane_closed(&mut self, pane: usize) {
        for list in [&mut self.back, &mut self.forward] {
            list.retain(|place| place.pane != pane);
            for place in list.iter_mut() {
                if place.pane > pane {
                    place.pane -= 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(pane: usize, text: &str, paragraph: usize) -> ReadingPlace {
        ReadingPlace {
            pane,
            text_id: text.into(),
            paragraph,
            within: 0.5,
        }
    }

    #[test]
    fn back_and_forward_walk_the_places_left_in_order() {
        let mut history = ReadingHistory::default();
        assert!(!history.can_go_back());
        history.record(at(0, "notes", 3));
        history.record(at(0, "letter", 1));
        // Now in pane 0 at the memo.
        assert_eq!(history.pane_of_back(), Some(0));
        assert_eq!(
            history.back(Some(at(0, "memo", 7))),
            Some(at(0, "letter", 1))
        );
        assert_eq!(
            history.back(Some(at(0, "letter", 1))),
            Some(at(0, "notes", 3))
        );
        assert_eq!(history.back(Some(at(0, "notes", 3))), None);
        assert!(history.can_go_forward());
        assert_eq!(
            history.forward(Some(at(0, "notes", 3))),
            Some(at(0, "letter", 1))
        );
        assert_eq!(
            history.forward(Some(at(0, "letter", 1))),
            Some(at(0, "memo", 7))
        );
        assert_eq!(history.forward(None), None);
        assert_eq!(history.back(None), Some(at(0, "letter", 1)));
    }

    #[test]
    fn a_new_jump_forgets_what_was_ahead_and_the_same_place_is_kept_once() {
        let mut history = ReadingHistory::default();
        history.record(at(0, "notes", 3));
        history.record(at(1, "letter", 1));
        history.back(Some(at(1, "memo", 2)));
        assert!(history.can_go_forward());
        history.record(at(1, "letter", 1));
        assert!(
            !history.can_go_forward(),
            "a new jump forgets what was ahead"
        );
        history.record(at(1, "letter", 1));
        assert_eq!(history.back(None), Some(at(1, "letter", 1)));
        assert_eq!(history.back(None), Some(at(0, "notes", 3)), "kept once");
    }

    #[test]
    fn the_oldest_places_are_forgotten_past_the_limit() {
        let mut history = ReadingHistory::default();
        for paragraph in 0..LIMIT + 10 {
            history.record(at(0, "notes", paragraph));
        }
        let mut count = 0;
        let mut last = None;
        while let Some(place) = history.back(None) {
            count += 1;
            last = Some(place);
        }
        assert_eq!(count, LIMIT);
        assert_eq!(last, Some(at(0, "notes", 10)));
    }

    #[test]
    fn closing_a_pane_forgets_its_places_and_moves_the_others_left() {
        let mut history = ReadingHistory::default();
        history.record(at(0, "notes", 1));
        history.record(at(1, "letter", 2));
        history.record(at(2, "memo", 3));
        history.pane_closed(1);
        assert_eq!(history.back(None), Some(at(1, "memo", 3)));
        assert_eq!(history.back(None), Some(at(0, "notes", 1)));
        assert_eq!(history.back(None), None);
    }

    #[test]
    fn inserting_and_swapping_panes_keeps_each_place_with_its_pane() {
        let mut history = ReadingHistory::default();
        history.record(at(0, "notes", 1));
        history.record(at(1, "letter", 2));
        history.pane_inserted(1);
        history.panes_swapped(0, 2);
        assert_eq!(history.back(None), Some(at(0, "letter", 2)));
        assert_eq!(history.back(None), Some(at(2, "notes", 1)));
    }
}
