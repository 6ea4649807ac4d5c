//! Back and Forward: a jump remembers where the pane it moves was, and a text that takes the
//! place of another in a pane says so, with Back to undo it.

use std::sync::Arc;

use super::LecternApp;
use crate::model::text::Text;
use crate::ui::desk::Going;

impl LecternApp {
    /// Puts `text` on the desk for a jump (a search result, a mention, an event of the
    /// timeline, a title in the library): in the active pane, or beside it. When it takes the
    /// place of another text, where that text was read is remembered for Back, and a notice
    /// says so. Returns the pane that shows it.
    pub(super) fn open_for_jump(&mut self, text: Arc<Text>, beside: bool) -> usize {
        // Where the active pane was, and what it showed: the desk decides where the text goes,
        // and if it went there in place of another, that place is the one to come back to.
        let before = self.desk.place_of(self.desk.active());
        let old_title = self
            .desk
            .active_pane()
            .map(|shown| quotable(&shown.text.meta().title));
        let pane = self.desk.open(text.clone(), beside);
        let replaced = before.filter(|place| place.pane == pane && place.text_id != *text.id());
        if let (Some(place), Some(old)) = (replaced, old_title) {
            self.desk.remember_place(place);
            let (title, number) = (quotable(&text.meta().title), pane + 1);
            let notice = crate::tr!("app-replaced", title = title, pane = number, old = old);
            self.forget_replaced_notice();
            self.desk.note_replaced(notice.clone());
            self.notices.push(notice);
        }
        pane
    }

    /// Goes back (or forward) to where the reader was before a jump.
    pub(super) fn go(&mut self, going: Going, ctx: &egui::Context) {
        if !self.desk.can_go(going) {
            return;
        }
        ctx.request_repaint();
        self.forget_replaced_notice();
        let library = &self.library;
        self.desk.go(going, |id| library.get(id).cloned());
    }

    /// Takes away the notice of a replaced pane: Back was taken, or another replaced it.
    fn forget_replaced_notice(&mut self) {
        if let Some(said) = self.desk.replaced_notice() {
            let said = said.to_owned();
            self.notices.retain(|n| *n != said);
        }
    }
}

/// A title as the message's quotation marks enclose it: its own double quotation marks made
/// single, so that a title quoted within it reads as a quotation within a quotation.
fn quotable(title: &str) -> String {
    let quoted = crate::model::escape::in_quotes(title);
    quoted
        .strip_prefix('“')
        .and_then(|q| q.strip_suffix('”'))
        .unwrap_or(&quoted)
        .to_owned()
}
