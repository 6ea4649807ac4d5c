//! Where a text coming in goes: the one rule of every way in (Open file, import, a dropped
//! file, `lectern FILE`, a hand-over, `--open`), never over a pane without asking.

use std::sync::Arc;

use super::Desk;
use crate::model::text::Text;

/// Where a text coming in was put ([`Desk::placement`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// It was open already, in this pane (now the active one).
    AlreadyOpen(usize),
    /// In the first pane of an empty desk.
    First,
    /// In a new pane beside the pane that was active (the one given).
    Beside(usize),
    /// In no pane: every pane is in use, so it waits in the library.
    InLibrary,
}

impl Desk {
    /// Where a text coming in goes: the one rule of every way in (Open file, import, a dropped
    /// file, `lectern FILE`, a hand-over from another Lectern, `--open`). The pane already
    /// showing it, else a pane of its own (beside the active one) while there is room, else
    /// none: it waits in the library. A pane is never taken over without asking.
    pub fn placement(&self, text_id: &str) -> Placement {
        match self.panes.iter().position(|p| p.text.id() == text_id) {
            Some(index) => Placement::AlreadyOpen(index),
            None => self.free_place(),
        }
    }

    /// Where another pane would go by the same rule: the first pane, a pane beside the active
    /// one, or none while every pane is in use.
    fn free_place(&self) -> Placement {
        if self.panes.is_empty() {
            Placement::First
        } else if self.can_add_pane() {
            Placement::Beside(self.active)
        } else {
            Placement::InLibrary
        }
    }

    /// Places `text` by [`Self::placement`] (focusing the pane it is in) and says where it went.
    pub fn place(&mut self, text: Arc<Text>) -> Placement {
        let placement = self.placement(text.id());
        self.put(text, placement)
    }

    /// Places `text` in a pane of its own even when another pane shows it (`--open ID,ID`
    /// reads two places of one text), by the same rule otherwise: never over a pane.
    pub fn place_again(&mut self, text: Arc<Text>) -> Placement {
        let placement = self.free_place();
        self.put(text, placement)
    }

    /// Puts `text` where `placement` says.
    fn put(&mut self, text: Arc<Text>, placement: Placement) -> Placement {
        match placement {
            Placement::AlreadyOpen(index) => self.focus(index),
            Placement::First => {
                self.open(text, false);
            }
            Placement::Beside(_) => {
                self.open(text, true);
            }
            Placement::InLibrary => {}
        }
        placement
    }
}
