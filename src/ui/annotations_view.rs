//! The annotations panel: the note editor for the selected annotation, the list of
//! annotations (of the open texts or of all texts) with filters, the orphans, and the Trash.

use std::collections::{BTreeSet, HashSet};

use egui::{Color32, RichText, Ui};

use crate::model::annotation::{Annotation, Category};
use crate::model::history::Annotations;
use crate::model::library::Library;
use crate::ui::action::Action;

/// The panel's own state.
#[derive(Default)]
pub struct AnnotationsViewState {
    /// Show the annotations of every text, not only those open in panes.
    pub all_texts: bool,
    /// Show only this category.
    pub category_filter: Option<String>,
    /// Show only annotations with this tag.
    pub tag_filter: Option<String>,
    /// Show only annotations of this text.
    pub text_filter: Option<String>,
    /// Show only annotations whose note, quote or tags contain this (case-insensitive).
    pub search: String,
    /// The note being edited: (annotation id, note, tags as typed).
    pub draft: Option<(String, String, String)>,
    /// Put the keyboard focus in the note editor at the next frame.
    pub focus_note: bool,
    /// The list last shown, and what it was filtered from (see [`Listing`]).
    listing: Option<(ListingKey, Listing)>,
}

/// What the list was filtered from: the annotations' revision, the filters and the open texts.
type ListingKey = (
    u64,
    bool,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Vec<String>,
);

/// The filtered list and the choices of the filters, computed again only when the annotations
/// or the filters change (a profile may hold ten thousand annotations).
#[derive(Default)]
struct Listing {
    /// Positions in the live annotations of those shown, in order.
    shown: Vec<usize>,
    /// Every tag used.
    tags: Vec<String>,
    /// Every text annotated.
    annotated: Vec<String>,
}

/// What the panel shows.
pub struct AnnotationsPanel<'a> {
    /// The annotations and the trash.
    pub annotations: &'a Annotations,
    /// The categories.
    pub categories: &'a [Category],
    /// For titles.
    pub library: &'a Library,
    /// The texts open in panes.
    pub open_text_ids: &'a [&'a str],
    /// The selected annotation.
    pub selected: Option<&'a str>,
    /// Annotations that could not be placed in their text.
    pub orphans: &'a HashSet<String>,
    /// Whether a pane has a selection (for re-attaching orphans).
    pub has_selection: bool,
    /// Notes on comparisons.
    pub comparison_notes: &'a [crate::model::comparison::ComparisonNote],
    /// Changes whenever the annotations change (so the filtered list can be kept between
    /// frames).
    pub revision: u64,
}

/// The notes on comparisons, each opening its comparison at its segment.
fn comparison_notes_ui(ui: &mut Ui, panel: &AnnotationsPanel<'_>, actions: &mut Vec<Action>) {
    let notes = panel.comparison_notes;
    egui::CollapsingHeader::new(format!("Notes on comparisons ({})", notes.len()))
        .default_open(!notes.is_empty())
        .show(ui, |ui| {
            if notes.is_empty() {
                ui.weak("Step to a difference in a comparison (F7) and write a note on it.");
            }
            for note in notes {
                let color = category_color(panel.categories, note.category_id.as_deref());
                egui::Frame::group(ui.style())
                    .stroke(egui::Stroke::new(1.0, color))
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(RichText::new(&note.comparison_title).small().weak());
                        ui.label(RichText::new(note.subject()).italics());
                        if !note.note.is_empty() {
                            ui.label(&note.note);
                        }
                        let open = Action::OpenComparisonNote(note.note_id.clone());
                        if ui
                            .small_button("Show in comparison")
                            .on_hover_text("Open the comparison at this note")
                            .clicked()
                        {
                            actions.push(open);
                        }
                    });
            }
        });
}

/// The colour swatch of a category (grey for none).
pub fn category_color(categories: &[Category], category_id: Option<&str>) -> Color32 {
    category_id
        .and_then(|id| categories.iter().find(|c| c.category_id == id))
        .map_or(Color32::GRAY, |c| {
            Color32::from_rgb(c.color[0], c.color[1], c.color[2])
        })
}

fn short(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out.replace('\n', " ")
}

/// Parses the tags field: comma-separated, trimmed, without empties or duplicates.
pub fn parse_tags(typed: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in typed.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

/// Draws the panel and returns the user's actions.
pub fn annotations_panel_ui(
    ui: &mut Ui,
    panel: &AnnotationsPanel<'_>,
    state: &mut AnnotationsViewState,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.add_space(6.0);
    ui.heading("Annotations");
    if let Some(selected) = panel.selected.and_then(|id| panel.annotations.get(id)) {
        editor_ui(ui, panel, selected, state, &mut actions);
    } else {
        ui.weak("Select a passage and press H or 1–6 to highlight it, N to write a note.");
    }
    ui.separator();
    ui.horizontal(|ui| {
        ui.radio_value(&mut state.all_texts, false, "Open texts");
        ui.radio_value(&mut state.all_texts, true, "All texts");
    });
    let search_label = ui.label("Search notes");
    ui.add(egui::TextEdit::singleline(&mut state.search).desired_width(f32::INFINITY))
        .labelled_by(search_label.id);
    let current = state
        .category_filter
        .as_deref()
        .and_then(|id| panel.categories.iter().find(|c| c.category_id == id))
        .map_or("All categories", |c| c.name.as_str())
        .to_owned();
    egui::ComboBox::from_label("Category")
        .selected_text(current)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.category_filter, None, "All categories");
            for category in panel.categories {
                ui.selectable_value(
                    &mut state.category_filter,
                    Some(category.category_id.clone()),
                    &category.name,
                );
            }
        });
    // Taken out of the state while the filters are shown (they borrow the state), put back at
    // the end.
    let (key, listing) = take_listing(panel, state);
    let tag_text = state
        .tag_filter
        .clone()
        .unwrap_or_else(|| "All tags".into());
    egui::ComboBox::from_label("Tag")
        .selected_text(tag_text)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.tag_filter, None, "All tags");
            for tag in &listing.tags {
                ui.selectable_value(&mut state.tag_filter, Some(tag.clone()), tag);
            }
        });
    let title_of = |id: &str| {
        panel
            .library
            .get(id)
            .map_or(id.to_owned(), |t| t.meta().title.clone())
    };
    let text_label = state
        .text_filter
        .as_deref()
        .map_or_else(|| "All texts".to_owned(), |id| short(&title_of(id), 30));
    egui::ComboBox::from_label("Text")
        .selected_text(text_label)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.text_filter, None, "All texts");
            for id in &listing.annotated {
                ui.selectable_value(&mut state.text_filter, Some(id.clone()), title_of(id));
            }
        });
    let live = panel.annotations.live();
    let shown: Vec<&Annotation> = listing.shown.iter().map(|&i| &*live[i]).collect();
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{} shown", shown.len())).weak());
        ui.add_enabled_ui(!shown.is_empty(), |ui| {
            ui.menu_button("Export these", |ui| {
                let ids: Vec<String> = shown.iter().map(|a| a.annotation_id.clone()).collect();
                for format in crate::ui::action::AnnotationFormat::ALL {
                    let action = Action::ExportSelectedAnnotations {
                        format,
                        ids: ids.clone(),
                    };
                    if ui.button(action.label()).clicked() {
                        actions.push(action);
                        ui.close();
                    }
                }
            });
        });
    });
    let placed: Vec<&Annotation> = shown
        .iter()
        .filter(|a| !panel.orphans.contains(&a.annotation_id))
        .copied()
        .collect();
    egui::ScrollArea::vertical()
        .id_salt("annotations-list")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            // Every entry has the same height, so only those in view are drawn.
            let height = entry_height(ui);
            let step = height + ui.spacing().item_spacing.y;
            let width = ui.available_width();
            let top = ui.min_rect().top();
            let (list, _) = ui.allocate_exact_size(
                egui::vec2(width, step * placed.len() as f32),
                egui::Sense::hover(),
            );
            let offset = list.top() - top;
            let first = ((viewport.min.y - offset) / step).floor().max(0.0) as usize;
            let last = (((viewport.max.y - offset) / step).ceil().max(0.0) as usize).min(placed.len());
            for (index, annotation) in placed.iter().enumerate().take(last).skip(first) {
                let rect = egui::Rect::from_min_size(
                    egui::pos2(list.left(), list.top() + step * index as f32),
                    egui::vec2(width, height),
                );
                let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
                entry_ui(&mut child, panel, annotation, &mut actions);
            }
            let orphans: Vec<&&Annotation> = shown
                .iter()
                .filter(|a| panel.orphans.contains(&a.annotation_id))
                .collect();
            if !orphans.is_empty() {
                ui.add_space(8.0);
                ui.label(RichText::new(format!("Orphaned ({})", orphans.len())).strong());
                ui.weak("Their passage changed beyond recognition. Select the right passage, then attach.");
                for annotation in orphans {
                    entry_ui(ui, panel, annotation, &mut actions);
                    let reattach = Action::ReattachAnnotation(annotation.annotation_id.clone());
                    if ui
                        .add_enabled(panel.has_selection, egui::Button::new(reattach.label()).small())
                        .on_hover_text(reattach.tooltip())
                        .clicked()
                    {
                        actions.push(reattach);
                    }
                }
            }
            let trash = panel.annotations.trash();
            ui.add_space(8.0);
            comparison_notes_ui(ui, panel, &mut actions);
            categories_ui(ui, panel, &mut actions);
            egui::CollapsingHeader::new(format!("Trash ({})", trash.len()))
                .id_salt("trash")
                .show(ui, |ui| {
                    for annotation in trash.iter().rev() {
                        ui.horizontal_wrapped(|ui| {
                            let restore = Action::RestoreAnnotation(annotation.annotation_id.clone());
                            if ui
                                .small_button(restore.label())
                                .accessible_name(format!("Restore: {}", short(&annotation.anchor.exact, 40)))
                                .on_hover_text(restore.tooltip())
                                .clicked()
                            {
                                actions.push(restore);
                            }
                            ui.label(short(&annotation.anchor.exact, 60));
                        });
                    }
                });
        });
    if listing_key(panel, state) != key {
        ui.ctx().request_repaint(); // the list for the new filters, next frame
    }
    state.listing = Some((key, listing));
    actions
}

/// Rename, recolour, add and remove categories. A category in use (by a live or trashed
/// annotation) cannot be removed, so no annotation loses its meaning.
fn categories_ui(ui: &mut Ui, panel: &AnnotationsPanel<'_>, actions: &mut Vec<Action>) {
    egui::CollapsingHeader::new("Categories")
        .id_salt("categories")
        .show(ui, |ui| {
            let mut edited = panel.categories.to_vec();
            let mut changed = false;
            let mut remove = None;
            for (index, category) in edited.iter_mut().enumerate() {
                let in_use = panel
                    .annotations
                    .live()
                    .iter()
                    .chain(panel.annotations.trash())
                    .any(|a| a.category_id.as_deref() == Some(category.category_id.as_str()));
                ui.horizontal(|ui| {
                    changed |= ui.color_edit_button_srgb(&mut category.color).changed();
                    changed |= ui
                        .add(egui::TextEdit::singleline(&mut category.name).desired_width(150.0))
                        .accessible_name(format!("Name of category {}", index + 1))
                        .changed();
                    if ui
                        .add_enabled(!in_use, egui::Button::new("Remove").small())
                        .accessible_name(format!("Remove category {}", index + 1))
                        .on_disabled_hover_text(
                            "Annotations use it: give them another category first",
                        )
                        .clicked()
                    {
                        remove = Some(index);
                    }
                });
            }
            if let Some(index) = remove {
                edited.remove(index);
                changed = true;
            }
            if ui.button("Add category").clicked() {
                let mut n = edited.len() + 1;
                while edited
                    .iter()
                    .any(|c| c.category_id == format!("category-{n}"))
                {
                    n += 1;
                }
                edited.push(Category {
                    category_id: format!("category-{n}"),
                    name: format!("Category {n}"),
                    color: [0x8a, 0x8a, 0x8a],
                });
                changed = true;
            }
            if changed {
                actions.push(Action::SetCategories(edited));
            }
        });
}

/// What the list shown is filtered from, now.
fn listing_key(panel: &AnnotationsPanel<'_>, state: &AnnotationsViewState) -> ListingKey {
    (
        panel.revision,
        state.all_texts,
        state.category_filter.clone(),
        state.tag_filter.clone(),
        state.text_filter.clone(),
        state.search.clone(),
        panel
            .open_text_ids
            .iter()
            .map(|id| (*id).to_owned())
            .collect(),
    )
}

/// The filtered list for the panel's filters, from the cache when nothing changed.
fn take_listing(
    panel: &AnnotationsPanel<'_>,
    state: &mut AnnotationsViewState,
) -> (ListingKey, Listing) {
    let key = listing_key(panel, state);
    match state.listing.take() {
        Some((cached, listing)) if cached == key => (key, listing),
        _ => {
            let listing = filter(panel, state);
            (key, listing)
        }
    }
}

/// Filters the live annotations by the panel's filters.
fn filter(panel: &AnnotationsPanel<'_>, state: &AnnotationsViewState) -> Listing {
    let search = state.search.to_lowercase();
    let matches = |a: &Annotation| {
        (state.all_texts
            || state.text_filter.is_some()
            || panel.open_text_ids.contains(&a.text_id.as_str()))
            && state.text_filter.as_ref().is_none_or(|t| *t == a.text_id)
            && state.tag_filter.as_ref().is_none_or(|t| a.tags.contains(t))
            && state
                .category_filter
                .as_ref()
                .is_none_or(|c| a.category_id.as_ref() == Some(c))
            && (search.is_empty()
                || a.note.to_lowercase().contains(&search)
                || a.anchor.exact.to_lowercase().contains(&search)
                || a.tags.iter().any(|t| t.to_lowercase().contains(&search)))
    };
    let live = panel.annotations.live();
    let tags: BTreeSet<&str> = live
        .iter()
        .flat_map(|a| a.tags.iter().map(String::as_str))
        .collect();
    let annotated: BTreeSet<&str> = live.iter().map(|a| a.text_id.as_str()).collect();
    Listing {
        shown: (0..live.len()).filter(|&i| matches(&live[i])).collect(),
        tags: tags.into_iter().map(str::to_owned).collect(),
        annotated: annotated.into_iter().map(str::to_owned).collect(),
    }
}

/// The height of an entry of the list: every entry has the same four lines.
fn entry_height(ui: &Ui) -> f32 {
    // The height of a line of each style as laid out (a little more than the font size).
    let row = |style: egui::TextStyle| ui.fonts_mut(|f| f.row_height(&style.resolve(ui.style())));
    2.0 * row(egui::TextStyle::Body)
        + 2.0 * row(egui::TextStyle::Small)
        + 3.0 * ui.spacing().item_spacing.y
        + 2.0 * ENTRY_MARGIN
}

/// The inner margin of an entry.
const ENTRY_MARGIN: f32 = 6.0;

/// One annotation in the list: its text, quote, note and date on one line each (cut short),
/// in an entry of [`entry_height`].
fn entry_ui(
    ui: &mut Ui,
    panel: &AnnotationsPanel<'_>,
    annotation: &Annotation,
    actions: &mut Vec<Action>,
) {
    let selected = panel.selected == Some(annotation.annotation_id.as_str());
    let color = category_color(panel.categories, annotation.category_id.as_deref());
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), entry_height(ui)),
        egui::Sense::hover(),
    );
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let fill = if selected {
            visuals.selection.bg_fill.gamma_multiply(0.4)
        } else {
            Color32::TRANSPARENT
        };
        let stroke = visuals.widgets.noninteractive.bg_stroke;
        ui.painter()
            .rect(rect, 4.0, fill, stroke, egui::StrokeKind::Inside);
        let mut inner = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect.shrink2(egui::vec2(ENTRY_MARGIN + 4.0, ENTRY_MARGIN)))
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        // The category's colour as a bar down the left edge.
        let bar = egui::Rect::from_min_size(
            rect.left_top() + egui::vec2(2.0, ENTRY_MARGIN),
            egui::vec2(4.0, rect.height() - 2.0 * ENTRY_MARGIN),
        );
        ui.painter().rect_filled(bar, 2.0, color);
        let title = panel
            .library
            .get(&annotation.text_id)
            .map_or(annotation.text_id.as_str(), |t| t.meta().title.as_str());
        inner.add(
            egui::Label::new(RichText::new(title).small().weak())
                .truncate()
                .selectable(false),
        );
        inner.add(
            egui::Label::new(
                RichText::new(format!("“{}”", short(&annotation.anchor.exact, 120))).italics(),
            )
            .truncate()
            .selectable(false),
        );
        inner.add(
            egui::Label::new(short(&annotation.note, 200))
                .truncate()
                .selectable(false),
        );
        let mut details = annotation.created.get(..10).unwrap_or_default().to_owned();
        if !annotation.tags.is_empty() {
            details.push_str(" · ");
            details.push_str(&annotation.tags.join(", "));
        }
        inner.add(
            egui::Label::new(RichText::new(details).small().weak())
                .truncate()
                .selectable(false),
        );
    }
    // Sensed after its contents, so a click anywhere on the entry is the entry's.
    let response = ui
        .interact(
            rect,
            egui::Id::unique(("lectern-annotation-entry", &annotation.annotation_id)),
            egui::Sense::click(),
        )
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("Annotation: {}", short(&annotation.anchor.exact, 60)),
        )
    });
    if response.clicked() {
        actions.push(Action::SelectAnnotation(Some(
            annotation.annotation_id.clone(),
        )));
        actions.push(Action::GoToAnnotation(annotation.annotation_id.clone()));
    }
}

fn editor_ui(
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
    ui.label(RichText::new(format!("“{}”", short(&annotation.anchor.exact, 300))).italics());
    let mut changed = annotation.clone();
    let mut commit = false;
    let current = annotation
        .category_id
        .as_deref()
        .and_then(|c| panel.categories.iter().find(|x| x.category_id == c))
        .map_or("No category", |c| c.name.as_str())
        .to_owned();
    egui::ComboBox::from_label("Highlight")
        .selected_text(current)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(changed.category_id.is_none(), "No category")
                .clicked()
            {
                changed.category_id = None;
                commit = true;
            }
            for category in panel.categories {
                let is = changed.category_id.as_deref() == Some(&category.category_id);
                if ui.selectable_label(is, &category.name).clicked() {
                    changed.category_id = Some(category.category_id.clone());
                    commit = true;
                }
            }
        });
    let Some((_, note, tags)) = state.draft.as_mut() else {
        return;
    };
    let note_label = ui.label("Note");
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
    let tags_label = ui.label("Tags (comma-separated)");
    let tags_edit = ui
        .add(egui::TextEdit::singleline(tags).desired_width(f32::INFINITY))
        .labelled_by(tags_label.id);
    // Suggestions: tags already used elsewhere that this annotation does not have.
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
    if !used.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.weak("Add:");
            for tag in used.into_iter().take(8) {
                if ui.small_button(tag).clicked() {
                    let mut list = parse_tags(tags);
                    if !partial.is_empty() {
                        list.pop();
                    }
                    list.push(tag.to_owned());
                    *tags = list.join(", ");
                    commit = true;
                }
            }
        });
    }
    let edited = note.as_str() != annotation.note || parse_tags(tags) != annotation.tags;
    if edited && (note_edit.lost_focus() || tags_edit.lost_focus()) {
        commit = true;
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(edited, egui::Button::new("Save note"))
            .clicked()
        {
            commit = true;
        }
        let go = Action::GoToAnnotation(id.clone());
        if ui.button(go.label()).on_hover_text(go.tooltip()).clicked() {
            actions.push(go);
        }
        let delete = Action::DeleteAnnotation(id.clone());
        if ui
            .button(delete.label())
            .accessible_name("Delete annotation")
            .on_hover_text(delete.tooltip())
            .clicked()
        {
            actions.push(delete);
        }
    });
    if commit {
        changed.note = note.clone();
        changed.tags = parse_tags(tags);
        if changed != *annotation {
            actions.push(Action::ChangeAnnotation(Box::new(changed)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_tags;

    #[test]
    fn tags_are_trimmed_deduplicated_and_ordered_as_typed() {
        assert_eq!(
            parse_tags(" union, federation ,union,, "),
            ["union", "federation"]
        );
        assert!(parse_tags(" , ").is_empty());
    }
}
