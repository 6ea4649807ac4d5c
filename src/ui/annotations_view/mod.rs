//! The annotations panel: the note editor for the selected annotation, the list of
//! annotations (of the open texts or of all texts) with filters, the orphans, and the Trash.

use std::collections::{BTreeSet, HashSet};

use egui::{Color32, RichText, Ui};

use crate::model::annotation::{Annotation, Category};
use crate::model::annotation_set::Annotations;
use crate::model::library::Library;
use crate::ui::action::{Action, FileAction};

mod editor;
mod extras;
mod list;

use editor::editor_ui;
use extras::{categories_ui, comparison_notes_ui};
use list::{orphans_ui, placed_entries_ui, trash_ui};

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
    pub text_filter: Option<crate::model::text::TextId>,
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
#[derive(Clone, Debug, PartialEq, Eq)]
struct ListingKey {
    revision: u64,
    all_texts: bool,
    category: Option<String>,
    tag: Option<String>,
    text: Option<crate::model::text::TextId>,
    search: String,
    open_texts: Vec<crate::model::text::TextId>,
}

/// The filtered list and the choices of the filters, computed again only when the annotations
/// or the filters change (a profile may hold ten thousand annotations).
#[derive(Default)]
struct Listing {
    /// Positions in the live annotations of those shown, in order.
    shown: Vec<usize>,
    /// Every tag used.
    tags: Vec<String>,
    /// Every text annotated.
    annotated: Vec<crate::model::text::TextId>,
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
    pub open_text_ids: &'a [&'a crate::model::text::TextId],
    /// The selected annotation.
    pub selected: Option<&'a str>,
    /// Annotations that could not be placed in their text.
    pub orphans: &'a HashSet<String>,
    /// Whether a pane has a selection (for re-attaching orphans).
    pub has_selection: bool,
    /// Notes on comparisons.
    pub comparison_notes: &'a [crate::model::comparison::ComparisonNote],
    /// Notes on comparisons in the Trash.
    pub comparison_notes_trash: &'a [crate::model::comparison::ComparisonNote],
    /// Changes whenever the annotations change (so the filtered list can be kept between
    /// frames).
    pub revision: u64,
}

/// The colour swatch of a category (grey for none).
pub fn category_color(categories: &[Category], category_id: Option<&str>) -> Color32 {
    category_id
        .and_then(|id| categories.iter().find(|c| c.category_id == id))
        .map_or(Color32::GRAY, |c| {
            Color32::from_rgb(c.color[0], c.color[1], c.color[2])
        })
}

/// A passage in quotation marks, never doubled: one already in quotation marks is shown as it
/// is, and one that opens or closes with a quotation mark of its own gets single ones around.
pub(super) fn quoted(text: &str) -> String {
    let opens = text.starts_with(['“', '"', '«', '„']);
    let closes = text.ends_with(['”', '"', '»', '“']);
    match (opens, closes) {
        (true, true) => text.to_owned(),
        (false, false) => format!("“{text}”"),
        _ => format!("‘{text}’"),
    }
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
    ui.heading(crate::tr!("reading-annotations-heading"));
    ui.weak(crate::tr!("reading-annotations-hint"));
    // The selected annotation's editor sits at the foot of the panel, so that choosing one
    // moves nothing under the pointer.
    if let Some(selected) = panel.selected.and_then(|id| panel.annotations.get(id)) {
        egui::Panel::bottom("annotation-editor")
            .resizable(false)
            .frame(egui::Frame::NONE.inner_margin(egui::Margin::symmetric(0, 6)))
            .show(ui, |ui| {
                ui.separator();
                editor_ui(ui, panel, selected, state, &mut actions);
            });
    }
    ui.separator();
    // Taken out of the state while the filters are shown (they borrow the state), put back at
    // the end.
    let (key, listing) = take_listing(panel, state);
    filters_ui(ui, panel, state, &listing);
    let live = panel.annotations.live();
    let shown: Vec<&Annotation> = listing.shown.iter().map(|&i| &*live[i]).collect();
    export_shown_ui(ui, &shown, &mut actions);
    egui::ScrollArea::vertical()
        .id_salt("annotations-list")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            placed_entries_ui(ui, viewport, panel, &shown, &mut actions);
            orphans_ui(ui, panel, &shown, &mut actions);
            ui.add_space(8.0);
            comparison_notes_ui(ui, panel, &mut actions);
            categories_ui(ui, panel, &mut actions);
            trash_ui(ui, panel, &mut actions);
        });
    if listing_key(panel, state) != key {
        ui.ctx().request_repaint(); // the list for the new filters, next frame
    }
    state.listing = Some((key, listing));
    actions
}

/// Which annotations are listed: of the open texts or all, a search in the notes, a category,
/// a tag, a text.
fn filters_ui(
    ui: &mut Ui,
    panel: &AnnotationsPanel<'_>,
    state: &mut AnnotationsViewState,
    listing: &Listing,
) {
    ui.horizontal(|ui| {
        ui.radio_value(
            &mut state.all_texts,
            false,
            crate::tr!("reading-filter-open-texts"),
        );
        ui.radio_value(
            &mut state.all_texts,
            true,
            crate::tr!("reading-filter-all-texts"),
        );
    });
    let search_label = ui.label(crate::tr!("reading-filter-search-notes"));
    ui.add(egui::TextEdit::singleline(&mut state.search).desired_width(f32::INFINITY))
        .labelled_by(search_label.id);
    let current = state
        .category_filter
        .as_deref()
        .and_then(|id| panel.categories.iter().find(|c| c.category_id == id))
        .map_or_else(
            || crate::tr!("reading-filter-all-categories"),
            |c| c.shown_name(),
        );
    labelled(ui, &crate::tr!("reading-filter-category"), |ui, label| {
        egui::ComboBox::from_id_salt("category-filter")
            .selected_text(current)
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut state.category_filter,
                    None,
                    crate::tr!("reading-filter-all-categories"),
                );
                for category in panel.categories {
                    ui.selectable_value(
                        &mut state.category_filter,
                        Some(category.category_id.clone()),
                        category.shown_name(),
                    );
                }
            })
            .response
            .labelled_by(label)
    });
    let tag_text = state
        .tag_filter
        .clone()
        .unwrap_or_else(|| crate::tr!("reading-filter-all-tags"));
    labelled(ui, &crate::tr!("reading-filter-tag"), |ui, label| {
        egui::ComboBox::from_id_salt("tag-filter")
            .selected_text(tag_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut state.tag_filter,
                    None,
                    crate::tr!("reading-filter-all-tags"),
                );
                for tag in &listing.tags {
                    ui.selectable_value(&mut state.tag_filter, Some(tag.clone()), tag);
                }
            })
            .response
            .labelled_by(label)
    });
    let title_of = |id: &str| {
        panel
            .library
            .get(id)
            .map_or(id.to_owned(), |t| t.meta().title.clone())
    };
    let text_label = state.text_filter.as_deref().map_or_else(
        || crate::tr!("reading-filter-all-texts"),
        |id| short(&title_of(id), 30),
    );
    labelled(ui, &crate::tr!("reading-filter-text"), |ui, label| {
        egui::ComboBox::from_id_salt("text-filter")
            .selected_text(text_label)
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut state.text_filter,
                    None,
                    crate::tr!("reading-filter-all-texts"),
                );
                for id in &listing.annotated {
                    ui.selectable_value(&mut state.text_filter, Some(id.clone()), title_of(id));
                }
            })
            .response
            .labelled_by(label)
    });
}

/// A label, then the control it names (a drop-down), on one line.
pub(super) fn labelled(
    ui: &mut Ui,
    label: &str,
    control: impl FnOnce(&mut Ui, egui::Id) -> egui::Response,
) {
    ui.horizontal(|ui| {
        let label = ui.add_sized([70.0, 18.0], egui::Label::new(label));
        control(ui, label.id);
    });
}

/// How many are listed, and their export.
fn export_shown_ui(ui: &mut Ui, shown: &[&Annotation], actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(crate::tr!("reading-shown-count", count = shown.len())).weak());
        ui.add_enabled_ui(!shown.is_empty(), |ui| {
            ui.menu_button(crate::tr!("reading-export-shown"), |ui| {
                let ids: Vec<String> = shown.iter().map(|a| a.annotation_id.clone()).collect();
                // The archive is the whole notebook, never a choice of annotations.
                let formats = crate::ui::action::AnnotationFormat::ALL
                    .into_iter()
                    .filter(|f| *f != crate::ui::action::AnnotationFormat::Archive);
                for format in formats {
                    let action = Action::Files(FileAction::ExportSelectedAnnotations {
                        format,
                        ids: ids.clone(),
                    });
                    if ui.button(action.label()).clicked() {
                        actions.push(action);
                        ui.close();
                    }
                }
            });
        });
    });
}

/// What the list shown is filtered from, now.
fn listing_key(panel: &AnnotationsPanel<'_>, state: &AnnotationsViewState) -> ListingKey {
    ListingKey {
        revision: panel.revision,
        all_texts: state.all_texts,
        category: state.category_filter.clone(),
        tag: state.tag_filter.clone(),
        text: state.text_filter.clone(),
        search: state.search.clone(),
        open_texts: panel
            .open_text_ids
            .iter()
            .map(|id| (*id).to_owned())
            .collect(),
    }
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
            || panel.open_text_ids.contains(&&a.text_id))
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
    let annotated: BTreeSet<&crate::model::text::TextId> =
        live.iter().map(|a| &a.text_id).collect();
    Listing {
        shown: (0..live.len()).filter(|&i| matches(&live[i])).collect(),
        tags: tags.into_iter().map(str::to_owned).collect(),
        annotated: annotated.into_iter().cloned().collect(),
    }
}

/// The inner margin of an entry.
const ENTRY_MARGIN: f32 = 6.0;

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

#[cfg(test)]
mod quoting_tests {
    use super::quoted;

    #[test]
    fn quotation_marks_are_never_doubled() {
        assert_eq!(
            quoted("Stalin tends to be somewhat hasty"),
            "“Stalin tends to be somewhat hasty”"
        );
        assert_eq!(
            quoted("“Formal unification … Asia.”"),
            "“Formal unification … Asia.”"
        );
        assert_eq!(
            quoted("“entry” into the R.S.F.S.R."),
            "‘“entry” into the R.S.F.S.R.’"
        );
        assert_eq!(quoted("«вступление»"), "«вступление»");
    }
}
