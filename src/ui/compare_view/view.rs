//! The comparison view's frame: the title, the toolbar, the key, and the body in columns or inline.

use super::columns::columns_that_fit;
use super::inputs::ComparisonView;
use super::rows::rows_ui;

use super::ComparisonState;
use super::heads::witness_heads_ui;
use super::marks::JobStyle;
use super::marks::mark_colors;
use super::{profile_label, profile_label_of};
use crate::model::comparison::Reference;
use crate::model::comparison::export::{KeyMarks, key_sentence};
use crate::model::diff::PROFILES;
use crate::ui::action::Action;
use crate::ui::action::ExportFormat;
use crate::ui::action::action_ui;
use crate::ui::action::{ComparisonAction, ComparisonViewAction};
use crate::ui::theme;
use egui::Align;
use egui::Color32;
use egui::FontId;
use egui::Layout;
use egui::RichText;
use egui::Stroke;
use egui::Ui;
use egui::text::LayoutJob;
use egui::text::TextFormat;

/// Draws the comparison; returns what the reader did.
pub fn comparison_ui(
    ui: &mut Ui,
    state: &mut ComparisonState,
    view: &ComparisonView<'_>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    state.poll();
    state.rect = Some(ui.max_rect());
    toolbar_ui(ui, state, &mut actions);
    if let Some(message) = &state.message {
        ui.colored_label(ui.visuals().warn_fg_color, message);
    }
    if let Some(job) = &state.job {
        progress_ui(ui, job, &mut actions);
    }
    // While the worker computes, the rows it has computed are shown (the first screenful
    // first); the differences are counted and stepped through once all are.
    if state.rows_so_far().is_none() {
        if crate::startup::tracing() && state.message.is_some() {
            // Nothing to compare (or it failed): start-up is over all the same.
            crate::startup::mark(crate::startup::stage::COMPARISON_LAYOUT);
            ui.ctx().request_repaint();
        }
        return actions;
    }
    if !state.inline {
        too_many_columns_ui(ui, state, &mut actions);
    }
    ui.separator();
    let style = JobStyle {
        font: FontId::proportional(view.font_size * 0.9),
        text: theme::reading_colors(ui.visuals().dark_mode).text,
        dark: ui.visuals().dark_mode,
    };
    // The witnesses' names stay in view above the rows; they scroll sideways with them.
    if !state.inline {
        egui::ScrollArea::horizontal()
            .id_salt("comparison-heads")
            .auto_shrink([false, true])
            .horizontal_scroll_offset(state.sideways)
            .scroll_source(egui::scroll_area::ScrollSource::NONE)
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
            .show(ui, |ui| witness_heads_ui(ui, state, &mut actions));
        ui.separator();
    }
    let rows = egui::ScrollArea::both()
        .auto_shrink([false, false])
        .id_salt("comparison-rows")
        .show(ui, |ui| rows_ui(ui, state, view, &style, &mut actions));
    // The first differences are on screen once a row with marks is drawn, or the whole
    // comparison is (two wordings alike have none).
    let marked = |rows: &[Vec<crate::model::comparison::Cell>]| {
        rows.iter().flatten().any(|cell| !cell.marks.is_empty())
    };
    // Only while start-up is traced: the rows are not scanned at every frame otherwise.
    let shown =
        || state.result.is_some() || state.rows_so_far().is_some_and(|(rows, _)| marked(rows));
    if crate::startup::tracing() && shown() {
        crate::startup::mark(crate::startup::stage::COMPARISON_LAYOUT);
        ui.ctx().request_repaint();
    }
    let sideways = rows.state.clamped_offset().x;
    if sideways != state.sideways {
        state.sideways = sideways;
        ui.ctx().request_repaint();
    }
    actions
}

/// The comparison's title, buttons to show its description, to close it or let it fill the
/// window; the description when shown; the toolbar and the key. Docked below the texts it
/// keeps to a few lines, so that the witnesses have the room.
pub(super) fn toolbar_ui(ui: &mut Ui, state: &mut ComparisonState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        // The buttons first, from the right; the title then takes what is left, cut short
        // before them rather than running under them.
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .button("×")
                .on_hover_text(Action::Comparison(ComparisonAction::CloseComparison).tooltip())
                .accessible_name(crate::tr!("compare-close"))
                .clicked()
            {
                actions.push(Action::Comparison(ComparisonAction::CloseComparison));
            }
            let full = if state.full {
                crate::tr!("compare-dock-below")
            } else {
                crate::tr!("compare-fill-window")
            };
            if ui
                .button(full)
                .on_hover_text(
                    Action::Comparison(ComparisonAction::View(
                        ComparisonViewAction::ToggleComparisonFull,
                    ))
                    .tooltip(),
                )
                .clicked()
            {
                actions.push(Action::Comparison(ComparisonAction::View(
                    ComparisonViewAction::ToggleComparisonFull,
                )));
            }
            if !state.comparison.description.is_empty() {
                let about = Action::Comparison(ComparisonAction::View(
                    ComparisonViewAction::ToggleComparisonDescription,
                ));
                if ui
                    .selectable_label(state.description_shown(), crate::tr!("compare-about"))
                    .accessible_name(crate::tr!("compare-about-name"))
                    .on_hover_text(about.tooltip())
                    .clicked()
                {
                    actions.push(about);
                }
            }
            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                let title = RichText::new(&state.comparison.title).strong();
                let title = if state.fills {
                    title.size(20.0)
                } else {
                    title.size(16.0)
                };
                ui.add(egui::Label::new(title).truncate())
                    .on_hover_text(&state.comparison.title);
            });
        });
    });
    if state.description_shown() && !state.comparison.description.is_empty() {
        ui.label(RichText::new(&state.comparison.description).weak());
    }
    ui.horizontal_wrapped(|ui| {
        layout_and_stepping_ui(ui, state, actions);
        witnesses_menu_ui(ui, state, actions);
        what_counts_ui(ui, state, actions);
        ui.separator();
        export_and_note_ui(ui, state, actions);
    });
    legend_ui(ui, state);
}

/// A menu of the witnesses, each with a checkbox to show or hide it.
fn witnesses_menu_ui(ui: &mut Ui, state: &ComparisonState, actions: &mut Vec<Action>) {
    let count = state.comparison.witnesses.len();
    let shown = (0..count).filter(|&w| !state.is_hidden(w)).count();
    let label = if shown == count {
        crate::tr!("compare-witnesses-menu", count = count)
    } else {
        crate::tr!("compare-witnesses-menu-some", shown = shown, count = count)
    };
    let config = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    egui::containers::menu::MenuButton::new(label)
        .config(config)
        .ui(ui, |ui| {
            for (index, witness) in state.comparison.witnesses.iter().enumerate() {
                let mut visible = !state.is_hidden(index);
                let language = if witness.language.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", witness.language)
                };
                if ui
                    .checkbox(
                        &mut visible,
                        format!("{}. {}{language}", index + 1, witness.label),
                    )
                    .accessible_name(crate::tr!("compare-show-witness", witness = &witness.label))
                    .changed()
                {
                    actions.push(Action::Comparison(ComparisonAction::View(
                        ComparisonViewAction::ToggleWitness(index),
                    )));
                }
            }
        })
        .0
        .on_hover_text(crate::tr!("compare-witnesses-menu-tip"));
}

/// Columns or inline; stepping through the differences; swapping the witnesses.
fn layout_and_stepping_ui(ui: &mut Ui, state: &ComparisonState, actions: &mut Vec<Action>) {
    if ui
        .selectable_label(!state.inline, crate::tr!("compare-layout-columns"))
        .clicked()
    {
        actions.push(Action::Comparison(ComparisonAction::View(
            ComparisonViewAction::SetComparisonLayout { inline: false },
        )));
    }
    if ui
        .selectable_label(state.inline, crate::tr!("compare-layout-inline"))
        .clicked()
    {
        actions.push(Action::Comparison(ComparisonAction::View(
            ComparisonViewAction::SetComparisonLayout { inline: true },
        )));
    }
    ui.separator();
    let count = state.result.as_ref().map_or(0, |r| r.differences.len());
    for action in [
        Action::Comparison(ComparisonAction::View(
            ComparisonViewAction::PreviousDifference,
        )),
        Action::Comparison(ComparisonAction::View(ComparisonViewAction::NextDifference)),
    ] {
        if ui
            .add_enabled(count > 0, egui::Button::new(action.label()))
            .on_hover_text(action.label_with_shortcut(ui.ctx()))
            .clicked()
        {
            actions.push(action);
        }
    }
    // One piece: a count is never broken from its noun at a line's end.
    let counted = match state.current {
        Some(current) => crate::tr!(
            "compare-difference-of",
            current = current + 1,
            count = count
        ),
        None => crate::tr!("compare-differences", count = count),
    };
    ui.add(egui::Label::new(counted).wrap_mode(egui::TextWrapMode::Extend));
    ui.separator();
    if ui
        .button(
            Action::Comparison(ComparisonAction::View(ComparisonViewAction::SwapWitnesses)).label(),
        )
        .on_hover_text(
            Action::Comparison(ComparisonAction::View(ComparisonViewAction::SwapWitnesses))
                .label_with_shortcut(ui.ctx()),
        )
        .clicked()
    {
        actions.push(Action::Comparison(ComparisonAction::View(
            ComparisonViewAction::SwapWitnesses,
        )));
    }
    ui.separator();
}

/// What counts as a difference, and which witness each one is marked against.
fn what_counts_ui(ui: &mut Ui, state: &ComparisonState, actions: &mut Vec<Action>) {
    count_as_different_ui(ui, state, actions);
    mark_against_ui(ui, state, actions);
}

/// What counts as a difference.
fn count_as_different_ui(ui: &mut Ui, state: &ComparisonState, actions: &mut Vec<Action>) {
    let mut normalization = state.normalization;
    // A label is never broken across lines.
    let label = ui.add(
        egui::Label::new(crate::tr!("compare-count-as-different"))
            .wrap_mode(egui::TextWrapMode::Extend),
    );
    egui::ComboBox::from_id_salt("count-as-different")
        .selected_text(profile_label(&normalization))
        .show_ui(ui, |ui| {
            for (name, profile) in PROFILES {
                ui.selectable_value(&mut normalization, profile, profile_label_of(name));
            }
            ui.separator();
            ui.checkbox(
                &mut normalization.ignore_case,
                crate::tr!("compare-ignore-case"),
            );
            ui.checkbox(
                &mut normalization.ignore_punctuation,
                crate::tr!("compare-ignore-punctuation"),
            );
            ui.checkbox(
                &mut normalization.unify_quotes_and_dashes,
                crate::tr!("compare-unify-quotes-and-dashes"),
            );
            ui.checkbox(
                &mut normalization.collapse_whitespace,
                crate::tr!("compare-ignore-white-space"),
            );
            ui.checkbox(&mut normalization.yo_as_ye, crate::tr!("compare-yo-as-ye"));
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(crate::tr!("compare-fewer-with-exact"));
    if normalization != state.normalization {
        actions.push(Action::Comparison(ComparisonAction::View(
            ComparisonViewAction::SetNormalization(normalization),
        )));
    }
}

/// Which witness each one is marked against.
fn mark_against_ui(ui: &mut Ui, state: &ComparisonState, actions: &mut Vec<Action>) {
    let witnesses = &state.comparison.witnesses;
    let current = match state.reference {
        Reference::Previous => crate::tr!("compare-earlier-witness"),
        Reference::Base(b) => witnesses.get(b).map_or("?".into(), |w| w.label.clone()),
    };
    let mut reference = state.reference;
    let label = ui.add(
        egui::Label::new(crate::tr!("compare-mark-against")).wrap_mode(egui::TextWrapMode::Extend),
    );
    egui::ComboBox::from_id_salt("mark-against")
        .selected_text(current)
        .width(200.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(
                &mut reference,
                Reference::Previous,
                crate::tr!("compare-earlier-witness-same-language"),
            );
            for (index, witness) in witnesses.iter().enumerate() {
                ui.selectable_value(&mut reference, Reference::Base(index), &witness.label);
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(crate::tr!("compare-mark-against-tip"));
    if reference != state.reference {
        actions.push(Action::Comparison(ComparisonAction::View(
            ComparisonViewAction::SetReference(reference),
        )));
    }
}

/// The export menu, and a note on the difference stepped to.
fn export_and_note_ui(ui: &mut Ui, state: &ComparisonState, actions: &mut Vec<Action>) {
    ui.menu_button(crate::tr!("compare-export"), |ui| {
        for format in [
            ExportFormat::Markdown,
            ExportFormat::Html,
            ExportFormat::Png,
            ExportFormat::Pdf,
        ] {
            let action = Action::Comparison(ComparisonAction::ExportComparison(format));
            if ui.button(action.label()).clicked() {
                actions.push(action);
                ui.close();
            }
        }
    });
    let collate = Action::Comparison(ComparisonAction::CollateWitnesses);
    if ui
        .button(crate::tr!("compare-collate"))
        .on_hover_text(collate.tooltip())
        .clicked()
    {
        actions.push(collate);
    }
    let difference = state.current;
    let clicked = ui
        .add_enabled(
            difference.is_some(),
            egui::Button::new(crate::tr!("compare-note-on-difference")),
        )
        .on_hover_text(crate::tr!("compare-note-on-difference-tip"))
        .on_disabled_hover_text(crate::tr!("compare-note-on-difference-disabled"))
        .clicked();
    if clicked && let Some(difference) = difference {
        actions.push(Action::Comparison(ComparisonAction::NoteOnDifference {
            segment: state
                .result
                .as_ref()
                .and_then(|r| r.differences.get(difference))
                .map_or(0, |d| d.segment),
            difference: Some(difference),
        }));
    }
}

/// The key to the marks, one line: its words are the exports' (see [`key_sentence`]), each
/// mark shown as it looks.
pub(super) fn legend_ui(ui: &mut Ui, state: &ComparisonState) {
    let dark = ui.visuals().dark_mode;
    let marks = if state.inline {
        KeyMarks::Inline
    } else {
        KeyMarks::Columns
    };
    let sentence = key_sentence(
        &state.comparison,
        state.reference,
        &state.normalization,
        marks,
    );
    let mut job = key_job(
        &sentence,
        &crate::tr!("compare-key"),
        (dark, ui.visuals().weak_text_color()),
        FontId::proportional(12.0),
    );
    job.wrap.max_rows = 1;
    // Truncated, the whole key shows on hover.
    ui.add(egui::Label::new(job).truncate());
}

/// The key's `sentence` after its `label` ("Key: "), laid out with the words that name a mark
/// shown with it, in the `dark` theme or not, the rest in `weak` colour.
pub(super) fn key_job(
    sentence: &str,
    label: &str,
    (dark, weak): (bool, Color32),
    font: FontId,
) -> LayoutJob {
    let (added, removed, changed, _) = mark_colors(dark);
    let text = theme::reading_colors(dark).text;
    let plain = TextFormat::simple(font.clone(), weak);
    let line = Stroke::new(1.0, text);
    let mark = |background, underline, strikethrough, italics| TextFormat {
        background,
        underline,
        strikethrough,
        italics,
        ..TextFormat::simple(font.clone(), text)
    };
    // The words that name a mark are shown with it: the English ones (the key of an export is
    // in English) and the reader's language's.
    let struck = mark(removed, Stroke::NONE, line, false);
    let underlined = mark(added, line, Stroke::NONE, false);
    let italics = mark(changed, Stroke::NONE, Stroke::NONE, true);
    let mut styled = vec![
        ("struck through".to_owned(), struck.clone()),
        ("underlined".to_owned(), underlined.clone()),
        ("in italics".to_owned(), italics.clone()),
    ];
    for (words, format) in [
        (crate::tr!("compare-key-struck-through"), struck),
        (crate::tr!("compare-key-underlined"), underlined),
        (crate::tr!("compare-key-in-italics"), italics),
    ] {
        if !words.is_empty() && styled.iter().all(|(w, _)| *w != words) {
            styled.push((words, format));
        }
    }
    let mut job = LayoutJob::default();
    job.append(label, 0.0, plain.clone());
    let mut rest = sentence;
    while !rest.is_empty() {
        let next = styled
            .iter()
            .filter_map(|(words, format)| {
                rest.find(words.as_str())
                    .map(|at| (at, words.as_str(), format))
            })
            .min_by_key(|(at, _, _)| *at);
        match next {
            Some((at, words, format)) => {
                job.append(&rest[..at], 0.0, plain.clone());
                job.append(words, 0.0, format.clone());
                rest = &rest[at + words.len()..];
            }
            None => {
                job.append(rest, 0.0, plain.clone());
                rest = "";
            }
        }
    }
    job
}

/// The progress of a comparison computed in the background, with its Cancel button.
fn progress_ui(ui: &mut Ui, job: &super::ComparisonJob, actions: &mut Vec<Action>) {
    let (done, total) = job.progress();
    ui.horizontal(|ui| {
        // The button first, so that it stays put while the progress text changes.
        if job.is_cancelled() {
            ui.label(crate::tr!("compare-cancelling"));
        } else {
            actions.extend(action_ui(
                ui,
                ComparisonAction::View(ComparisonViewAction::CancelComparison),
                true,
            ));
        }
        ui.spinner();
        if total == 0 {
            ui.label(crate::tr!("compare-aligning"));
        } else {
            ui.add(
                egui::ProgressBar::new(done as f32 / total as f32)
                    .desired_width(240.0)
                    .text(crate::tr!(
                        "compare-segments-done",
                        done = done,
                        count = total
                    )),
            );
        }
    });
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(100));
}

/// Says when not all the witnesses' columns fit side by side, and offers the whole window.
fn too_many_columns_ui(ui: &mut Ui, state: &ComparisonState, actions: &mut Vec<Action>) {
    let (visible, fit) = (
        state.visible().len(),
        columns_that_fit(ui.available_width()),
    );
    if visible > fit {
        ui.horizontal_wrapped(|ui| {
            let warn = ui.visuals().warn_fg_color;
            if state.full {
                let said = crate::tr!("compare-columns-dont-fit", fit = fit, count = visible);
                ui.label(RichText::new(said).small().color(warn));
            } else {
                let said = crate::tr!("compare-columns-dont-fit-or", fit = fit, count = visible);
                ui.label(RichText::new(said).small().color(warn));
                let fill = Action::Comparison(ComparisonAction::View(
                    ComparisonViewAction::ToggleComparisonFull,
                ));
                if ui
                    .small_button(crate::tr!("compare-fill-window"))
                    .on_hover_text(fill.tooltip())
                    .accessible_name(crate::tr!("compare-fill-window-for-columns"))
                    .clicked()
                {
                    actions.push(fill);
                }
            }
        });
    }
}
