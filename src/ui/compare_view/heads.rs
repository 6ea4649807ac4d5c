//! The witnesses' names above their columns, with their details.

use super::columns::{GAP, SEGMENT_COLUMN, column, column_width};

use super::ComparisonState;
use crate::model::comparison::WitnessStatus;
use crate::ui::action::Action;
use egui::FontId;
use egui::RichText;
use egui::Ui;
use egui::text::LayoutJob;
use egui::text::TextFormat;

/// The witnesses' names above their columns. Filling the window, each shows its status, date,
/// author, source, remarks and totals; docked below the texts, its name and status, with the
/// rest on hover.
pub(super) fn witness_heads_ui(
    ui: &mut Ui,
    state: &mut ComparisonState,
    actions: &mut Vec<Action>,
) {
    let visible: Vec<usize> = state.visible();
    let width = column_width(ui, visible.len());
    let _ = actions;
    ui.horizontal_top(|ui| {
        column(ui, SEGMENT_COLUMN, |ui| {
            ui.label(RichText::new(crate::tr!("compare-witnesses")).weak());
        });
        for &index in &visible {
            ui.add_space(GAP);
            column(ui, width, |ui| {
                let details = witness_details(state, index);
                if state.fills {
                    let witness = &state.comparison.witnesses[index];
                    ui.label(RichText::new(format!("{}. {}", index + 1, witness.label)).strong());
                    let status = RichText::new(status_label(witness.status))
                        .small()
                        .italics();
                    ui.label(match witness.status {
                        crate::model::comparison::WitnessStatus::Original => status,
                        _ => status.color(ui.visuals().warn_fg_color),
                    });
                    for (line, text) in details {
                        detail_label(ui, line, text);
                    }
                } else {
                    let name = witness_name(ui, state, index);
                    let hover = details
                        .iter()
                        .map(|(_, text)| text.as_str())
                        .collect::<Vec<_>>()
                        .join("\n");
                    ui.add(egui::Label::new(name).truncate())
                        .on_hover_text(hover);
                }
            });
        }
    });
}

/// A witness's number, name and status, one line.
fn witness_name(ui: &Ui, state: &ComparisonState, index: usize) -> LayoutJob {
    let witness = &state.comparison.witnesses[index];
    let mut job = LayoutJob::default();
    let strong = TextFormat::simple(FontId::proportional(14.0), ui.visuals().strong_text_color());
    job.append(&format!("{}. {}", index + 1, witness.label), 0.0, strong);
    let color = match witness.status {
        crate::model::comparison::WitnessStatus::Original => ui.visuals().weak_text_color(),
        _ => ui.visuals().warn_fg_color,
    };
    let status = TextFormat {
        italics: true,
        ..TextFormat::simple(FontId::proportional(11.0), color)
    };
    job.append(&format!("  {}", status_label(witness.status)), 0.0, status);
    job
}

/// What a witness is (original, translation …), in the reader's language.
fn status_label(status: WitnessStatus) -> String {
    match status {
        WitnessStatus::Original => crate::tr!("compare-status-original"),
        WitnessStatus::Translation => crate::tr!("compare-status-translation"),
        WitnessStatus::Reconstruction => crate::tr!("compare-status-reconstruction"),
        WitnessStatus::Summary => crate::tr!("compare-status-summary"),
    }
}

/// How a line of a witness's details is shown.
#[derive(Clone, Copy)]
enum DetailLine {
    Plain,
    Weak,
    Remark,
    Warning,
}

impl DetailLine {
    fn apply(self, text: RichText) -> RichText {
        let text = text.small();
        match self {
            Self::Plain => text,
            Self::Weak => text.weak(),
            Self::Remark => text.weak().italics(),
            Self::Warning => text.italics(),
        }
    }
}

/// The most rows a detail of a witness takes in its head: a long source or remark is cut
/// short there (the heads stay on screen as the texts scroll), whole on hover.
const DETAIL_ROWS: usize = 3;

/// One detail of a witness in its head, at most [`DETAIL_ROWS`] rows.
fn detail_label(ui: &mut egui::Ui, line: DetailLine, text: String) {
    let mut job = egui::text::LayoutJob::default();
    line.apply(RichText::new(text.clone())).append_to(
        &mut job,
        ui.style(),
        egui::FontSelection::Default,
        egui::Align::Min,
    );
    job.wrap = egui::text::TextWrapping {
        max_width: ui.available_width(),
        max_rows: DETAIL_ROWS,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    let cut = ui.fonts_mut(|fonts| fonts.layout_job(job.clone())).elided;
    let label = ui.add(egui::Label::new(job));
    if cut {
        label.on_hover_text(text);
    }
}

/// A witness's details under its name: date and author, source, remark, what it is marked
/// against, and its totals.
fn witness_details(state: &ComparisonState, index: usize) -> Vec<(DetailLine, String)> {
    let witness = &state.comparison.witnesses[index];
    let mut lines = Vec::new();
    let who_when: Vec<&str> = [witness.date.as_str(), witness.author.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !who_when.is_empty() {
        lines.push((DetailLine::Plain, who_when.join(" · ")));
    }
    if !witness.source.is_empty() {
        lines.push((DetailLine::Weak, witness.source.clone()));
    }
    if !witness.remark.is_empty() {
        lines.push((DetailLine::Remark, witness.remark.clone()));
    }
    if let crate::model::comparison::Reference::Base(base) = state.reference
        && base != index
        && let Some(chosen) = state.comparison.witnesses.get(base)
        && !witness.language.is_empty()
        && !chosen.language.is_empty()
        && chosen.language != witness.language
    {
        lines.push((
            DetailLine::Warning,
            crate::tr!(
                "compare-not-marked-language",
                language = &witness.language,
                witness = &chosen.label,
                other = &chosen.language
            ),
        ));
    }
    if let Some(result) = &state.result {
        let has_reference = result
            .cells
            .iter()
            .any(|row| row.get(index).is_some_and(|c| c.reference.is_some()));
        if has_reference {
            lines.push((
                DetailLine::Plain,
                crate::tr!("compare-in-all", summary = result.totals(index).summary()),
            ));
        }
    }
    lines
}
