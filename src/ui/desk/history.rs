//! Back and Forward on the desk: where each pane was before a jump took the reader away, and
//! going there again (the text it showed is put back in its pane if another replaced it).

use std::sync::Arc;

use super::Desk;
use crate::model::reading_history::ReadingPlace;
use crate::model::text::Text;
use crate::ui::reader::ReaderView;

/// Which way to go through the reading places.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Going {
    /// To the place before the last jump.
    Back,
    /// To the place Back left.
    Forward,
}

impl Desk {
    /// Where pane `pane` is now, as a reading place.
    pub fn place_of(&self, pane: usize) -> Option<ReadingPlace> {
        let shown = self.panes.get(pane)?;
        let place = shown.view.place();
        Some(ReadingPlace {
            pane,
            text_id: shown.text.id().clone(),
            paragraph: place.paragraphs.floor().max(0.0) as usize,
            within: place.paragraphs.fract(),
        })
    }

    /// Notes where pane `pane` is, before a jump takes it elsewhere: Back returns there.
    pub fn remember(&mut self, pane: usize) {
        if let Some(place) = self.place_of(pane) {
            self.remember_place(place);
        }
    }

    /// Notes a place a jump took the reader away from: Back returns there.
    pub fn remember_place(&mut self, place: ReadingPlace) {
        self.history.record(place);
    }

    /// Whether there is somewhere to go back to (or forward to).
    pub fn can_go(&self, going: Going) -> bool {
        match going {
            Going::Back => self.history.can_go_back(),
            Going::Forward => self.history.can_go_forward(),
        }
    }

    /// Goes back or forward to a reading place. The text it showed is found by `text_of`; a
    /// pane that shows another text now shows that one again, and a pane closed since is
    /// opened anew. Returns the pane gone to.
    pub fn go(
        &mut self,
        going: Going,
        text_of: impl Fn(&str) -> Option<Arc<Text>>,
    ) -> Option<usize> {
        let pane = match going {
            Going::Back => self.history.pane_of_back(),
            Going::Forward => self.history.pane_of_forward(),
        }?;
        let here = self.place_of(pane);
        let to = match going {
            Going::Back => self.history.back(here),
            Going::Forward => self.history.forward(here),
        }?;
        let text = text_of(&to.text_id)?;
        let index = match self.panes.get(to.pane) {
            Some(_) => to.pane,
            None => self.push(text.clone(), ReaderView::new(), false)?,
        };
        let shown = &mut self.panes[index];
        if shown.text.id() == text.id() {
            shown.view.jump_to(to.paragraph, to.within);
        } else {
            shown.text = text;
            shown.view = ReaderView::at(to.paragraph, to.within);
            shown.linked = false;
        }
        self.active = index;
        self.replaced = None;
        Some(index)
    }

    /// Says that a pane's text was replaced by a jump, in `notice` (the window shows it with
    /// Back), until the reader goes back or forward.
    pub fn note_replaced(&mut self, notice: String) {
        self.replaced = Some(notice);
    }

    /// The notice that said a pane's text was replaced, while Back can undo it.
    pub fn replaced_notice(&self) -> Option<&str> {
        self.replaced.as_deref()
    }
}
