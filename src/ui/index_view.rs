//! People and places (View ▸ People and places…): every person and place the texts name,
//! with how often; choosing one shows who or what it is, with its source, and every mention
//! with its line of context, each opening its text there.

use egui::{RichText, Ui};

use crate::model::people_places::{Entity, EntityKind, Index};
use crate::ui::action::{Action, ComparisonAction, SearchAction};
use crate::ui::search_view::{TextHits, context_job, text_hits_ui};

/// The state of the People and places window.
#[derive(Clone, Debug, Default)]
pub struct IndexViewState {
    /// Shown entities' names must contain this (any case).
    pub filter: String,
    /// Per entity (in the index's order): its mentions, and the texts and comparisons they
    /// are in.
    pub counts: Vec<MentionCounts>,
    /// The chosen entity's id.
    pub chosen: Option<String>,
    /// The chosen entity's mentions, by text.
    pub hits: Vec<TextHits>,
    /// The chosen entity's mentions in the comparisons' wordings (a draft quoted in no text
    /// of the library, such as Stalin's, names the Far Eastern Republic), by comparison.
    pub comparison_hits: Vec<ComparisonHits>,
    /// Every mention of the chosen entity, by text id (character ranges), for the panes.
    pub marked: crate::ui::desk::MarkedRanges,
    /// Whether the open panes mark the chosen entity's mentions.
    pub show_in_panes: bool,
    /// A person or place of the reader's own, being written.
    pub draft: EntityDraft,
    /// A spelling being added to the chosen person or place.
    pub new_spelling: String,
}

/// How often an entity is mentioned: in all, and in how many texts and comparisons.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MentionCounts {
    /// Mentions in all.
    pub mentions: usize,
    /// Texts of the library with one or more.
    pub texts: usize,
    /// Comparisons with one or more in their wordings.
    pub comparisons: usize,
}

/// An entity's mentions in one comparison's wordings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparisonHits {
    /// The comparison.
    pub comparison_id: String,
    /// Its title.
    pub title: String,
    /// All its mentions.
    pub count: usize,
    /// The first: the segment, the witness's label, and a line of context with the mention's
    /// place in it (characters).
    pub hits: Vec<(usize, String, String, std::ops::Range<usize>)>,
}

/// A person or place of the reader's own, as typed in the window.
#[derive(Clone, Debug, Default)]
pub struct EntityDraft {
    /// The preferred name.
    pub name: String,
    /// A place (else a person).
    pub place: bool,
    /// Spellings, comma-separated.
    pub spellings: String,
    /// Russian forms, comma-separated (a final * makes a stem).
    pub russian: String,
    /// Who or what it is.
    pub about: String,
    /// Where that comes from.
    pub source: String,
}

impl EntityDraft {
    /// The entity typed, when it has a name and an identification (its id is made later).
    pub fn entity(&self) -> Option<Entity> {
        let list = |text: &str| -> Vec<String> {
            text.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let name = self.name.trim();
        if name.is_empty() || self.about.trim().is_empty() {
            return None;
        }
        let mut variants = list(&self.spellings);
        if !variants.iter().any(|v| v == name) {
            variants.insert(0, name.to_owned());
        }
        Some(Entity {
            id: String::new(),
            kind: if self.place {
                EntityKind::Place
            } else {
                EntityKind::Person
            },
            name: name.to_owned(),
            variants,
            russian: list(&self.russian),
            about: self.about.trim().to_owned(),
            about_source: if self.source.trim().is_empty() {
                "The reader".to_owned()
            } else {
                self.source.trim().to_owned()
            },
            wikidata: None,
            caption_only: false,
        })
    }
}

/// Draws People and places; returns what the reader did.
pub fn index_ui(ctx: &egui::Context, state: &mut IndexViewState, index: &Index) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut open = true;
    crate::ui::study_window(
        "index",
        &crate::tr!("study-index-title"),
        ctx,
        (560.0, 560.0),
    )
    .open(&mut open)
    .show(ctx, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label(crate::tr!("study-index-filter"));
            ui.add(egui::TextEdit::singleline(&mut state.filter).desired_width(220.0))
                .labelled_by(label.id);
            show_in_panes_ui(ui, state);
        });
        ui.separator();
        ui.columns(2, |columns| {
            egui::ScrollArea::vertical()
                .id_salt("index-entities")
                .show(&mut columns[0], |ui| {
                    add_entity_ui(ui, state, &mut actions);
                    entities_ui(ui, state, index, &mut actions);
                });
            egui::ScrollArea::vertical()
                .id_salt("index-mentions")
                .show(&mut columns[1], |ui| {
                    chosen_ui(ui, state, index, &mut actions)
                });
        });
    });
    if !open {
        actions.push(Action::Search(SearchAction::CloseIndex));
    }
    actions
}

/// People, then places, each with its count of mentions; a click chooses one.
fn entities_ui(ui: &mut Ui, state: &IndexViewState, index: &Index, actions: &mut Vec<Action>) {
    let filter = state.filter.trim().to_lowercase();
    for (kind, heading) in [
        (EntityKind::Person, crate::tr!("study-index-people")),
        (EntityKind::Place, crate::tr!("study-index-places")),
    ] {
        ui.label(RichText::new(heading).strong());
        for (number, entity) in index.entities().iter().enumerate() {
            let named = entity.name.to_lowercase().contains(&filter)
                || entity
                    .variants
                    .iter()
                    .chain(&entity.russian)
                    .any(|v| v.to_lowercase().contains(&filter));
            if entity.kind != kind || !named {
                continue;
            }
            let mentions = state
                .counts
                .get(number)
                .copied()
                .unwrap_or_default()
                .mentions;
            let chosen = state.chosen.as_deref() == Some(entity.id.as_str());
            let label = if entity.caption_only && mentions == 0 {
                crate::tr!("study-index-caption-only", name = &entity.name)
            } else {
                format!("{} — {mentions}", entity.name)
            };
            if ui.selectable_label(chosen, label).clicked() {
                actions.push(Action::Search(SearchAction::ChooseEntity(
                    (!chosen).then(|| entity.id.clone()),
                )));
            }
        }
        ui.add_space(6.0);
    }
}

/// The chosen entity: who or what, its spellings, and its mentions by text.
fn chosen_ui(ui: &mut Ui, state: &mut IndexViewState, index: &Index, actions: &mut Vec<Action>) {
    let Some((number, entity)) = state.chosen.as_deref().and_then(|id| index.find(id)) else {
        ui.weak(crate::tr!("study-index-choose"));
        return;
    };
    ui.label(RichText::new(&entity.name).strong());
    ui.label(&entity.about);
    let source = match &entity.wikidata {
        Some(wikidata) => crate::tr!(
            "study-index-source-wikidata",
            source = crate::ui::source_shown(&entity.about_source),
            wikidata = wikidata
        ),
        None => crate::tr!(
            "study-index-source",
            source = crate::ui::source_shown(&entity.about_source)
        ),
    };
    ui.label(RichText::new(source).weak().small());
    let spellings: Vec<&str> = entity
        .variants
        .iter()
        .chain(&entity.russian)
        .map(String::as_str)
        .collect();
    ui.label(
        RichText::new(crate::tr!(
            "study-index-found-as",
            spellings = spellings.join(", ")
        ))
        .small(),
    );
    let counts = state.counts.get(number).copied().unwrap_or_default();
    ui.label(if counts.comparisons > 0 {
        crate::tr!(
            "study-index-mentions-in-texts-and-comparisons",
            count = counts.mentions,
            texts = counts.texts,
            comparisons = counts.comparisons
        )
    } else {
        crate::tr!(
            "study-index-mentions-in-texts",
            count = counts.mentions,
            texts = counts.texts
        )
    });
    ui.horizontal(|ui| {
        let label = ui.label(crate::tr!("study-index-another-spelling"));
        ui.add(egui::TextEdit::singleline(&mut state.new_spelling).desired_width(160.0))
            .labelled_by(label.id);
        let spelling = state.new_spelling.trim();
        let has_a_word = spelling.chars().any(char::is_alphanumeric);
        if ui
            .add_enabled(
                has_a_word,
                egui::Button::new(crate::tr!("study-index-add-spelling")),
            )
            .on_hover_text(crate::tr!("study-index-add-spelling-tip"))
            .clicked()
        {
            actions.push(Action::Search(SearchAction::AddSpelling {
                entity: entity.id.clone(),
                spelling: spelling.to_owned(),
            }));
            state.new_spelling.clear();
        }
    });
    ui.separator();
    for text in &state.hits {
        text_hits_ui(ui, text, actions);
    }
    for comparison in &state.comparison_hits {
        comparison_hits_ui(ui, comparison, actions);
    }
}

/// An entity's mentions in one comparison: each opens the comparison at its segment.
fn comparison_hits_ui(ui: &mut Ui, found: &ComparisonHits, actions: &mut Vec<Action>) {
    egui::CollapsingHeader::new(crate::tr!(
        "study-index-comparison-head",
        title = &found.title,
        count = found.count
    ))
    .id_salt(("index-comparison", &found.comparison_id))
    .default_open(true)
    .show(ui, |ui| {
        for (segment, witness, line, at) in &found.hits {
            let job = context_job(ui, &format!("{witness}: "), line, at.clone());
            if ui
                .add(egui::Button::new(job).frame(false).wrap())
                .on_hover_text(crate::tr!("study-open-comparison-at-segment"))
                .clicked()
            {
                actions.push(Action::Comparison(ComparisonAction::OpenComparisonAt {
                    comparison_id: found.comparison_id.clone(),
                    segment: *segment,
                }));
            }
        }
        if found.count > found.hits.len() {
            ui.weak(crate::tr!(
                "study-index-more-in-comparison",
                count = found.count - found.hits.len()
            ));
        }
    });
}

/// The form that adds a person or place of the reader's own.
fn add_entity_ui(ui: &mut Ui, state: &mut IndexViewState, actions: &mut Vec<Action>) {
    egui::CollapsingHeader::new(crate::tr!("study-index-add-entity-head")).show(ui, |ui| {
        let draft = &mut state.draft;
        ui.horizontal(|ui| {
            ui.radio_value(&mut draft.place, false, crate::tr!("study-index-person"));
            ui.radio_value(&mut draft.place, true, crate::tr!("study-index-place"));
        });
        for (label, text) in [
            (crate::tr!("study-index-name"), &mut draft.name),
            (crate::tr!("study-index-spellings"), &mut draft.spellings),
            (crate::tr!("study-index-russian-forms"), &mut draft.russian),
            (crate::tr!("study-index-who-or-what"), &mut draft.about),
            (crate::tr!("study-index-entity-source"), &mut draft.source),
        ] {
            let label = ui.label(label);
            ui.add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
        }
        let entity = draft.entity();
        if ui
            .add_enabled(
                entity.is_some(),
                egui::Button::new(crate::tr!("study-index-add-entity")),
            )
            .on_hover_text(crate::tr!("study-index-add-entity-tip"))
            .clicked()
            && let Some(entity) = entity
        {
            actions.push(Action::Search(SearchAction::AddEntity(Box::new(entity))));
            state.draft = EntityDraft::default();
        }
    });
}

/// The switch that marks the chosen entity's mentions in the open panes.
fn show_in_panes_ui(ui: &mut Ui, state: &mut IndexViewState) {
    ui.checkbox(
        &mut state.show_in_panes,
        crate::tr!("study-index-show-in-panes"),
    )
    .on_hover_text(crate::tr!("study-index-show-in-panes-tip"));
}
