//! The "About this text" window: metadata and provenance of one text.

use egui::{Grid, RichText, Ui};

use crate::model::text::Text;
use crate::ui::action::{Action, DeskAction, action_ui};

/// Shows the metadata window for `text`; returns [`DeskAction::CloseTextInfo`] when it is closed.
pub fn text_info_window(ctx: &egui::Context, text: &Text) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut open = true;
    egui::Window::new("About this text")
        .id(egui::Id::unique("lectern-text-info"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(560.0)
        .default_height(520.0)
        .show(ctx, |ui| {
            // Close stays at the bottom, in view however long the text's notes are.
            ui.with_layout(egui::Layout::bottom_up(egui::Align::Min), |ui| {
                actions.extend(action_ui(ui, DeskAction::CloseTextInfo, true));
                ui.separator();
                ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| text_info_ui(ui, text));
                });
            });
        });
    if !open {
        actions.push(Action::Desk(DeskAction::CloseTextInfo));
    }
    actions
}

/// The metadata as a table, then notes and the source's context.
pub fn text_info_ui(ui: &mut Ui, text: &Text) {
    let meta = text.meta();
    ui.heading(&meta.title);
    if let Some(subtitle) = &meta.subtitle {
        ui.label(RichText::new(subtitle).italics());
    }
    ui.add_space(6.0);
    let rows = rows_of(text);
    Grid::new("text-info-grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for (key, value) in rows {
                ui.label(RichText::new(key).strong());
                ui.add(egui::Label::new(value).wrap().selectable(true));
                ui.end_row();
            }
        });
    let section = |ui: &mut Ui, heading: &str, items: &[String]| {
        if !items.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new(heading).strong());
            for item in items {
                ui.add(
                    egui::Label::new(format!("• {item}"))
                        .wrap()
                        .selectable(true),
                );
            }
        }
    };
    section(ui, "Editorial notes", &meta.notes);
    section(ui, "Editorial changes", &meta.editorial_changes);
    section(ui, "Left out of the text (as in the source)", &meta.omitted);
    let parts: Vec<String> = meta
        .parts
        .iter()
        .map(|p| format!("{} (from paragraph {})", p.label, p.first_paragraph + 1))
        .collect();
    section(ui, "Parts", &parts);
    let context: Vec<String> = [
        meta.context_before.as_ref().map(|c| format!("Before: {c}")),
        meta.context_after.as_ref().map(|c| format!("After: {c}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    section(
        ui,
        "The source’s editorial remarks around this text",
        &context,
    );
}

/// The metadata of a text as rows of the grid: (what, value).
fn rows_of(text: &Text) -> Vec<(&'static str, String)> {
    let meta = text.meta();
    let mut rows: Vec<(&'static str, String)> = vec![
        ("Author", meta.author.clone()),
        ("Date", meta.display_date().to_owned()),
    ];
    let optional = [
        ("Kind", &meta.kind),
        ("Translator", &meta.translator),
        ("Collected Works", &meta.reference),
        ("Russian original", &meta.reference_ru),
        ("First published", &meta.first_published),
        ("Title in the source", &meta.source_title),
        ("Web page", &meta.url),
        (
            "Square brackets",
            &meta.editor_brackets.as_ref().map(|editor| {
                format!(
                    "inserted by the editor ({editor}), not the author’s words; shown in italics"
                )
            }),
        ),
    ];
    rows.extend(
        optional
            .into_iter()
            .filter_map(|(k, v)| v.clone().map(|v| (k, v))),
    );
    rows.push(("Source", meta.source.clone()));
    rows.push(("Licence", meta.licence.clone()));
    if let Some(credit) = &meta.credit {
        rows.push(("Credit", credit.clone()));
    }
    rows.push(("Language", meta.language.clone()));
    rows.push((
        "Length",
        format!(
            "{} paragraphs, {} characters",
            text.paragraphs().len(),
            text.char_len()
        ),
    ));
    rows.push(("Id", meta.id.to_string()));
    rows.push(("Content hash", text.content_hash().to_owned()));
    rows
}
