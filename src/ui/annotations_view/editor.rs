//! The editor of the selected annotation: its category, note and tags (with suggestions), Save note, Show in text, Delete.

use super::*;
use crate::ui::action::AnnotationAction;

pub(super) fn editor_ui(
    ui: &mut Ui,
    panel: &AnnotationsPanel<'_>,
    annotation: &Annotation,
    state: &mut AnnotationsViewState,
    actions: &mut Vec<Action>,
) {
    let id = annotation.annotation_id.clone();
    if state
        .draft
        .as_ref()
        .is_none_or(|(draft_id, _, _)| *draft_id != id)
    {
        state.draft = Some((
            id.clone(),
            annotation.note.clone(),
            annotation.tags.join(", "),
        ));
    }
    ui.label(RichText::new(quoted(&short(&annotation.anchor.exact, 300))).italics());
    let mut changed = annotation.clone();
    let mut commit = ui
        .horizontal(|ui| category_choice_ui(ui, panel, &mut changed))
        .inner;
    let Some((_, note, tags)) = state.draft.as_mut() else {
        return;
    };
    let note_label = ui.label(crate::tr!("reading-editor-note"));
    let note_edit = ui
        .add(
            egui::TextEdit::multiline(note)
                .desired_rows(4)
                .desired_width(f32::INFINITY)
                .id_salt("note-editor"),
        )
        .labelled_by(note_label.id);
    if std::mem::take(&mut state.focus_note) {
        note_edit.request_focus();
    }
    let tags_label = ui.label(crate::tr!("reading-editor-tags"));
    let tags_edit = ui
        .add(egui::TextEdit::singleline(tags).desired_width(f32::INFINITY))
        .labelled_by(tags_label.id);
    commit |= tag_suggestions_ui(ui, panel, tags);
    if !annotation.diverged_notes.is_empty() {
        diverged_ui(ui, annotation, note, actions);
    }
    let edited = note.as_str() != annotation.note || parse_tags(tags) != annotation.tags;
    if edited && (note_edit.lost_focus() || tags_edit.lost_focus()) {
        commit = true;
    }
    commit |= editor_buttons_ui(ui, edited, &id, actions);
    if commit {
        changed.note = note.clone();
        changed.tags = parse_tags(tags);
        if changed != *annotation {
            actions.push(Action::Annotations(AnnotationAction::ChangeAnnotation(
                Box::new(changed),
            )));
        }
    }
}

/// The other texts of the note that a sync brought (the note was changed on two devices at
/// once): each shown beside the reader's choices. Keeping one or both makes one note again,
/// in one undoable change.
fn diverged_ui(ui: &mut Ui, annotation: &Annotation, note: &mut String, actions: &mut Vec<Action>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(crate::tr!("reading-diverged-heading")).strong());
        ui.label(crate::tr!("reading-diverged-explained"));
        // The note chosen, and which other text it settles (None: all of them).
        let mut resolved: Option<(String, Option<usize>)> = None;
        for (n, other) in annotation.diverged_notes.iter().enumerate() {
            ui.separator();
            let when = other.modified.replace('T', " ").replace('Z', " UTC");
            let device = crate::tr!("reading-diverged-device", device = &other.device);
            ui.weak(crate::tr!("reading-diverged-other-version", when = when))
                .on_hover_text(device);
            let shown = if other.note.is_empty() {
                crate::tr!("reading-diverged-empty-note")
            } else {
                other.note.clone()
            };
            ui.label(shown);
            ui.horizontal(|ui| {
                if ui
                    .button(crate::tr!("reading-diverged-keep-this"))
                    .on_hover_text(crate::tr!("reading-diverged-keep-this-tip"))
                    .clicked()
                {
                    resolved = Some((other.note.clone(), Some(n)));
                }
                if ui
                    .button(crate::tr!("reading-diverged-keep-both"))
                    .on_hover_text(crate::tr!("reading-diverged-keep-both-tip"))
                    .clicked()
                {
                    let both = format!("{}\n\n{}", annotation.note, other.note);
                    resolved = Some((both, Some(n)));
                }
            });
            if n + 1 == annotation.diverged_notes.len()
                && ui
                    .button(crate::tr!("reading-diverged-keep-above"))
                    .clicked()
            {
                resolved = Some((annotation.note.clone(), None));
            }
        }
        if let Some((text, settled)) = resolved {
            let mut changed = annotation.clone();
            changed.note = text.clone();
            // Only the text chosen is settled; any others stay to be chosen from.
            match settled {
                Some(n) => {
                    changed.diverged_notes.remove(n);
                }
                None => changed.diverged_notes.clear(),
            }
            // The editor shows the chosen text at once (it would otherwise save its draft
            // back over it).
            *note = text;
            actions.push(Action::Annotations(AnnotationAction::ChangeAnnotation(
                Box::new(changed),
            )));
        }
    });
}

/// The annotation's category; true when the reader chose another.
pub(super) fn category_choice_ui(
    ui: &mut Ui,
    panel: &AnnotationsPanel<'_>,
    changed: &mut Annotation,
) -> bool {
    let mut chosen = false;
    let current = changed
        .category_id
        .as_deref()
        .and_then(|c| panel.categories.iter().find(|x| x.category_id == c))
        .map_or_else(|| crate::tr!("reading-no-category"), |c| c.shown_name());
    let label = ui.label(crate::tr!("reading-editor-category"));
    egui::ComboBox::from_id_salt("annotation-category")
        .selected_text(current)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(
                    changed.category_id.is_none(),
                    crate::tr!("reading-no-category"),
                )
                .clicked()
            {
                changed.category_id = None;
                chosen = true;
            }
            for category in panel.categories {
                let is = changed.category_id.as_deref() == Some(&category.category_id);
                if ui.selectable_label(is, category.shown_name()).clicked() {
                    changed.category_id = Some(category.category_id.clone());
                    chosen = true;
                }
            }
        })
        .response
        .labelled_by(label.id);
    chosen
}

/// Suggestions for the tags being typed: tags used elsewhere that this annotation does not
/// have yet. True when one was added.
pub(super) fn tag_suggestions_ui(
    ui: &mut Ui,
    panel: &AnnotationsPanel<'_>,
    tags: &mut String,
) -> bool {
    let mut added = false;
    let typed = parse_tags(tags);
    let partial = tags.rsplit(',').next().unwrap_or("").trim().to_lowercase();
    let used: BTreeSet<&str> = panel
        .annotations
        .live()
        .iter()
        .flat_map(|a| a.tags.iter().map(String::as_str))
        .filter(|t| !typed.iter().any(|x| x == t))
        .filter(|t| partial.is_empty() || t.to_lowercase().starts_with(&partial))
        .collect();
    if used.is_empty() {
        return false;
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak(crate::tr!("reading-tag-suggestions"));
        for tag in used.into_iter().take(8) {
            if ui.small_button(tag).clicked() {
                let mut list = parse_tags(tags);
                if !partial.is_empty() {
                    list.pop();
                }
                list.push(tag.to_owned());
                *tags = list.join(", ");
                added = true;
            }
        }
    });
    added
}

/// Save note, Show in text and Delete; true when Save note was clicked.
pub(super) fn editor_buttons_ui(
    ui: &mut Ui,
    edited: bool,
    id: &str,
    actions: &mut Vec<Action>,
) -> bool {
    let mut save = false;
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(
                edited,
                egui::Button::new(crate::tr!("reading-editor-save-note")),
            )
            .clicked()
        {
            save = true;
        }
        let go = Action::Annotations(AnnotationAction::GoToAnnotation(id.to_owned()));
        if ui.button(go.label()).on_hover_text(go.tooltip()).clicked() {
            actions.push(go);
        }
        let delete = Action::Annotations(AnnotationAction::DeleteAnnotation(id.to_owned()));
        if ui
            .button(delete.label())
            .accessible_name(crate::tr!("reading-editor-delete-name"))
            .on_hover_text(delete.tooltip())
            .clicked()
        {
            actions.push(delete);
        }
    });
    save
}
