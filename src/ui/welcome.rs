//! The start screen, while no text is open: how to begin, and the comparisons the bundled
//! corpus offers as its showcase (their words come from the comparisons' own files).

use egui::{Align, Layout, Rect, Ui, UiBuilder};

use crate::model::comparison::StartScreen;
use crate::ui::action::{Action, ComparisonAction};

/// The start screen in `rect`; the action asked for, if any.
pub fn welcome_ui(ui: &mut Ui, rect: Rect, showcase: &[(String, StartScreen)]) -> Option<Action> {
    let mut action = None;
    let builder = UiBuilder::new()
        .max_rect(rect.shrink(40.0))
        .layout(Layout::top_down(Align::Center));
    ui.scope_builder(builder, |ui| {
        ui.add_space(rect.height() * 0.25);
        ui.heading(crate::tr!("study-welcome-heading"));
        ui.add_space(8.0);
        ui.label(crate::tr!("study-welcome-click-title"));
        ui.label(crate::tr!("study-welcome-beside"));
        ui.add_space(8.0);
        ui.weak(crate::tr!("study-welcome-keys"));
        for (id, offer) in showcase {
            ui.add_space(24.0);
            // The corpus words its invitation in English; other languages say it in their own.
            let invitation = match crate::i18n::language() {
                crate::i18n::Language::English => offer.invitation.clone(),
                crate::i18n::Language::Russian | crate::i18n::Language::Pseudo => {
                    crate::tr!("study-welcome-invitation")
                }
            };
            ui.label(invitation);
            if ui
                .button(&offer.button)
                .on_hover_text(&offer.hint)
                .clicked()
            {
                action = Some(Action::Comparison(ComparisonAction::OpenComparison(
                    id.clone(),
                )));
            }
        }
    });
    action
}
