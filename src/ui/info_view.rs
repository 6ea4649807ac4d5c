//! The "About this text" window: metadata and provenance of one text.

use egui::{Grid, RichText, Ui};

use crate::model::text::Text;
use crate::ui::action::{Action, DeskAction, action_ui};

/// Shows the metadata window for `text`; returns [`DeskAction::CloseTextInfo`] when it is closed.
pub fn text_info_window(ctx: &egui::Context, text: &Text) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut open = true;
    egui::Window::new(crate::tr!("study-info-title"))
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
    section(ui, &crate::tr!("study-info-editorial-notes"), &meta.notes);
    section(
        ui,
        &crate::tr!("study-info-editorial-changes"),
        &meta.editorial_changes,
    );
    section(ui, &crate::tr!("study-info-omitted"), &meta.omitted);
    let parts: Vec<String> = meta
        .parts
        .iter()
        .map(|p| {
            crate::tr!(
                "study-info-part",
                part = &p.label,
                paragraph = p.first_paragraph + 1
            )
        })
        .collect();
    section(ui, &crate::tr!("study-info-parts"), &parts);
    let context: Vec<String> = [
        meta.context_before
            .as_ref()
            .map(|c| crate::tr!("study-info-context-before", remark = c)),
        meta.context_after
            .as_ref()
            .map(|c| crate::tr!("study-info-context-after", remark = c)),
    ]
    .into_iter()
    .flatten()
    .collect();
    section(ui, &crate::tr!("study-info-context"), &context);
}

/// The metadata of a text as rows of the grid: (what, value).
fn rows_of(text: &Text) -> Vec<(String, String)> {
    let meta = text.meta();
    let mut rows: Vec<(String, String)> = vec![
        (crate::tr!("study-info-author"), meta.author.clone()),
        (
            crate::tr!("study-info-date"),
            meta.display_date().to_owned(),
        ),
    ];
    let optional = [
        (crate::tr!("study-info-kind"), &meta.kind),
        (crate::tr!("study-info-translator"), &meta.translator),
        (crate::tr!("study-info-collected-works"), &meta.reference),
        (
            crate::tr!("study-info-russian-original"),
            &meta.reference_ru,
        ),
        (
            crate::tr!("study-info-first-published"),
            &meta.first_published,
        ),
        (crate::tr!("study-info-source-title"), &meta.source_title),
        (crate::tr!("study-info-web-page"), &meta.url),
        (
            crate::tr!("study-info-square-brackets"),
            &meta
                .editor_brackets
                .as_ref()
                .map(|editor| crate::tr!("study-info-square-brackets-value", editor = editor)),
        ),
    ];
    rows.extend(
        optional
            .into_iter()
            .filter_map(|(k, v)| v.clone().map(|v| (k, v))),
    );
    rows.push((crate::tr!("study-info-source"), meta.source.clone()));
    rows.push((crate::tr!("study-info-licence"), meta.licence.clone()));
    if let Some(credit) = &meta.credit {
        rows.push((crate::tr!("study-info-credit"), credit.clone()));
    }
    rows.push((crate::tr!("study-info-language"), meta.language.clone()));
    rows.push((
        crate::tr!("study-info-length"),
        crate::tr!(
            "study-info-length-value",
            count = text.paragraphs().len(),
            characters = text.char_len()
        ),
    ));
    rows.push((crate::tr!("study-info-id"), meta.id.to_string()));
    rows.push((
        crate::tr!("study-info-content-hash"),
        text.content_hash().to_owned(),
    ));
    rows
}
