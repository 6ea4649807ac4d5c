//! The comparison view's frame: the title, the toolbar, the key, and the body in columns or inline.

use super::*;

/// The view's inputs besides its state.
pub struct ComparisonView<'a> {
    /// Notes on comparisons (those of this one are shown).
    pub notes: &'a [ComparisonNote],
    /// Categories: (id, name, colour).
    pub categories: &'a [(String, String, Color32)],
    /// The reading font size.
    pub font_size: f32,
    /// Whether the profile can be written.
    pub editable: bool,
}

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
        return actions;
    }
    if state.result.is_none() {
        return actions;
    }
    if !state.inline {
        too_many_columns_ui(ui, state, &mut actions);
    }
    ui.separator();
    let style = JobStyle {
        font: FontId::proportional(view.font_size * 0.9),
        text: ui.visuals().text_color(),
        dark: ui.visuals().dark_mode,
    };
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .id_salt("comparison-rows")
        .show(ui, |ui| {
            if !state.inline {
                witness_heads_ui(ui, state, &mut actions);
                ui.separator();
            }
            rows_ui(ui, state, view, &style, &mut actions);
        });
    actions
}

/// The comparison's title, buttons to close it or let it fill the window, its description,
/// the toolbar and the key.
pub(super) fn toolbar_ui(ui: &mut Ui, state: &mut ComparisonState, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(&state.comparison.title);
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .button("×")
                .on_hover_text(Action::CloseComparison.tooltip())
                .accessible_name("Close comparison")
                .clicked()
            {
                actions.push(Action::CloseComparison);
            }
            let full = if state.full {
                "Dock below texts"
            } else {
                "Fill window"
            };
            if ui
                .button(full)
                .on_hover_text(Action::ToggleComparisonFull.tooltip())
                .clicked()
            {
                actions.push(Action::ToggleComparisonFull);
            }
        });
    });
    if !state.comparison.description.is_empty() {
        ui.label(RichText::new(&state.comparison.description).weak());
    }
    ui.horizontal_wrapped(|ui| {
        layout_and_stepping_ui(ui, state, actions);
        what_counts_ui(ui, state, actions);
        ui.separator();
        export_and_note_ui(ui, state, actions);
    });
    legend_ui(ui);
}

/// Columns or inline; stepping through the differences; swapping the witnesses.
fn layout_and_stepping_ui(ui: &mut Ui, state: &ComparisonState, actions: &mut Vec<Action>) {
    if ui.selectable_label(!state.inline, "Columns").clicked() {
        actions.push(Action::SetComparisonLayout { inline: false });
    }
    if ui.selectable_label(state.inline, "Inline").clicked() {
        actions.push(Action::SetComparisonLayout { inline: true });
    }
    ui.separator();
    let count = state.result.as_ref().map_or(0, |r| r.differences.len());
    for action in [Action::PreviousDifference, Action::NextDifference] {
        if ui
            .add_enabled(count > 0, egui::Button::new(action.label()))
            .on_hover_text(action.label_with_shortcut(ui.ctx()))
            .clicked()
        {
            actions.push(action);
        }
    }
    ui.label(match state.current {
        Some(current) => format!("Difference {} of {count}", current + 1),
        None if count == 1 => "1 difference".to_owned(),
        None => format!("{count} differences"),
    });
    ui.separator();
    if ui
        .button(Action::SwapWitnesses.label())
        .on_hover_text(Action::SwapWitnesses.label_with_shortcut(ui.ctx()))
        .clicked()
    {
        actions.push(Action::SwapWitnesses);
    }
    ui.separator();
}

/// What counts as a difference, and which witness each one is marked against.
fn what_counts_ui(ui: &mut Ui, state: &ComparisonState, actions: &mut Vec<Action>) {
    let mut normalization = state.normalization;
    egui::ComboBox::from_label("Count as different")
        .selected_text(profile_name(&normalization))
        .show_ui(ui, |ui| {
            for (name, profile) in PROFILES {
                ui.selectable_value(&mut normalization, profile, name);
            }
            ui.separator();
            ui.checkbox(&mut normalization.ignore_case, "Ignore case");
            ui.checkbox(&mut normalization.ignore_punctuation, "Ignore punctuation");
            ui.checkbox(
                &mut normalization.unify_quotes_and_dashes,
                "Any quotation mark or dash is the same",
            );
            ui.checkbox(&mut normalization.collapse_whitespace, "Ignore white space");
            ui.checkbox(&mut normalization.yo_as_ye, "ё is е");
        });
    if normalization != state.normalization {
        actions.push(Action::SetNormalization(normalization));
    }
    let witnesses = &state.comparison.witnesses;
    let current = match state.reference {
        Reference::Previous => "the earlier witness".to_owned(),
        Reference::Base(b) => witnesses.get(b).map_or("?".into(), |w| w.label.clone()),
    };
    let mut reference = state.reference;
    egui::ComboBox::from_label("Mark against")
        .selected_text(current)
        .width(200.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(
                &mut reference,
                Reference::Previous,
                "The earlier witness in the same language",
            );
            for (index, witness) in witnesses.iter().enumerate() {
                ui.selectable_value(&mut reference, Reference::Base(index), &witness.label);
            }
        });
    if reference != state.reference {
        actions.push(Action::SetReference(reference));
    }
}

/// The export menu, and a note on the difference stepped to.
fn export_and_note_ui(ui: &mut Ui, state: &ComparisonState, actions: &mut Vec<Action>) {
    ui.menu_button("Export", |ui| {
        for format in [
            ExportFormat::Markdown,
            ExportFormat::Html,
            ExportFormat::Png,
        ] {
            let action = Action::ExportComparison(format);
            if ui.button(action.label()).clicked() {
                actions.push(action);
                ui.close();
            }
        }
    });
    let difference = state.current;
    let clicked = ui
        .add_enabled(
            difference.is_some(),
            egui::Button::new("Note on this difference"),
        )
        .on_hover_text("Write a note on the difference stepped to (F7 steps)")
        .on_disabled_hover_text("Step to a difference first (F7)")
        .clicked();
    if clicked && let Some(difference) = difference {
        actions.push(Action::NoteOnDifference {
            segment: state
                .result
                .as_ref()
                .and_then(|r| r.differences.get(difference))
                .map_or(0, |d| d.segment),
            difference: Some(difference),
        });
    }
}

pub(super) fn legend_ui(ui: &mut Ui) {
    let (added, removed, changed, _) = mark_colors(ui.visuals().dark_mode);
    let font = FontId::proportional(12.0);
    let text = ui.visuals().text_color();
    let line = Stroke::new(1.0, text);
    let mut job = LayoutJob::default();
    let plain = TextFormat::simple(font.clone(), ui.visuals().weak_text_color());
    job.append("Key: ", 0.0, plain.clone());
    let none = Stroke::NONE;
    for (word, background, underline, strikethrough, italics, after) in [
        ("added", added, line, none, false, " underlined · "),
        ("removed", removed, none, line, false, " struck through · "),
        (
            "changed",
            changed,
            line,
            none,
            true,
            " in italics: struck in the first witness, underlined in each later one where it \
             differs from the witness before it",
        ),
    ] {
        let format = TextFormat {
            background,
            underline,
            strikethrough,
            italics,
            ..TextFormat::simple(font.clone(), text)
        };
        job.append(word, 0.0, format);
        job.append(after, 0.0, plain.clone());
    }
    ui.label(job);
}

/// The progress of a comparison computed in the background, with its Cancel button.
fn progress_ui(ui: &mut Ui, job: &super::ComparisonJob, actions: &mut Vec<Action>) {
    let (done, total) = job.progress();
    ui.horizontal(|ui| {
        // The button first, so that it stays put while the progress text changes.
        if job.is_cancelled() {
            ui.label("Cancelling…");
        } else {
            actions.extend(action_ui(ui, Action::CancelComparison, true));
        }
        ui.spinner();
        if total == 0 {
            ui.label("Aligning the witnesses…");
        } else {
            ui.add(
                egui::ProgressBar::new(done as f32 / total as f32)
                    .desired_width(240.0)
                    .text(format!("{done} of {total} segments")),
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
            let said = format!(
                "{fit} of the {visible} witnesses fit side by side here: scroll sideways for \
                 the others, hide some with their checkboxes, read them Inline"
            );
            if state.full {
                ui.label(RichText::new(format!("{said}.")).small().color(warn));
            } else {
                ui.label(RichText::new(format!("{said}, or")).small().color(warn));
                let fill = Action::ToggleComparisonFull;
                if ui
                    .small_button("Fill window")
                    .on_hover_text(fill.tooltip())
                    .accessible_name("Fill window for all columns")
                    .clicked()
                {
                    actions.push(fill);
                }
            }
        });
    }
}
