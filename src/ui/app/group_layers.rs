//! What the study groups show: the Study groups window, and the layers where the reader reads
//! (others' highlights in the panes, under the reader's own, in their members' colours or by
//! category; their notes on the open comparison; the annotations panel listing a group's or
//! one member's records).

use super::LecternApp;
use std::collections::BTreeSet;

use super::groups::{GroupsPart, LoadedGroup};
use crate::model::group::{Shared, parse_colour};
use crate::model::text::TextId;
use crate::ui::action::Action;
use crate::ui::groups_view::{GroupShown, GroupsInput, groups_window};
use crate::ui::reader::Highlight;

impl LecternApp {
    /// The Study groups window, while it is open.
    pub(super) fn groups_window_ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        if !self.groups.open {
            return Vec::new();
        }
        let selected = self.view.selected_annotation().map(str::to_owned);
        let part = &mut self.groups;
        let input = GroupsInput {
            member: part.member.as_ref(),
            groups: part
                .groups
                .iter()
                .map(|g| GroupShown {
                    name: &g.joined.name,
                    dir: g.joined.dir.display().to_string(),
                    layer: &g.read.layer,
                    new: &g.new,
                    refused: &g.refused,
                    distrusted: distrusted(g),
                })
                .collect(),
            filter: &part.filter,
            by_member: !part.by_category,
            selected: selected.as_deref(),
            reading: part.reading.is_some(),
            comparison_items: comparison_items(self.notebook.contents()),
        };
        groups_window(ctx, &input, &mut part.view)
    }

    /// The groups' notes on the comparison `comparison`, in the layers shown.
    pub(super) fn group_notes_on(
        &self,
        comparison: &str,
    ) -> Vec<crate::ui::compare_view::GroupNote> {
        let mut notes = Vec::new();
        for group in &self.groups.groups {
            let layer = &group.read.layer;
            for entry in &layer.entries {
                match &entry.record.body {
                    Shared::ComparisonNote { note, .. }
                        if note.comparison_id == comparison
                            && self.groups.filter.shows(&layer.name, entry) =>
                    {
                        let [r, g, b] = layer.member_colour(&entry.record.member);
                        notes.push(crate::ui::compare_view::GroupNote {
                            by: format!(
                                "{} · {}",
                                layer.member_name(&entry.record.member),
                                layer.name
                            ),
                            colour: egui::Color32::from_rgb(r, g, b),
                            unverified: !entry.authorship.is_verified(),
                            note: note.clone(),
                        });
                    }
                    Shared::Annotation { .. }
                    | Shared::ComparisonNote { .. }
                    | Shared::Comparison { .. }
                    | Shared::Reply { .. }
                    | Shared::Thread { .. } => {}
                }
            }
        }
        notes
    }

    /// The group's layers on `text`, as highlights under the reader's own (which can be
    /// clicked; these cannot: another's record is not the reader's to change).
    pub(super) fn group_highlights(
        &self,
        text: &crate::model::text::Text,
        dark_mode: bool,
    ) -> Vec<Highlight> {
        let mut list = Vec::new();
        let text_id: &TextId = text.id();
        for group in &self.groups.groups {
            let layer = &group.read.layer;
            for (entry, annotation) in layer.annotations_on(text_id, &self.groups.filter) {
                let Some(range) = annotation.anchor.resolve(text).range() else {
                    continue;
                };
                let category = match &entry.record.body {
                    Shared::Annotation { category, .. } => {
                        category.as_ref().and_then(|c| parse_colour(&c.colour))
                    }
                    Shared::ComparisonNote { .. }
                    | Shared::Comparison { .. }
                    | Shared::Reply { .. }
                    | Shared::Thread { .. } => None,
                };
                let rgb = if !self.groups.by_category {
                    layer.member_colour(&entry.record.member)
                } else {
                    category.unwrap_or_else(|| layer.member_colour(&entry.record.member))
                };
                let name = layer.member_name(&entry.record.member);
                let unverified = if entry.authorship.is_verified() {
                    String::new()
                } else {
                    format!(" ({})", crate::tr!("group-unverified"))
                };
                list.push(Highlight {
                    annotation_id: String::new(),
                    range,
                    color: crate::ui::theme::highlight_fill(
                        egui::Color32::from_rgb(rgb[0], rgb[1], rgb[2]),
                        dark_mode,
                    ),
                    note: format!("{name}{unverified}: {}", annotation.note.trim()),
                });
            }
        }
        list
    }
}

/// At the head of the annotations panel, the choice of whose notes it lists: the reader's
/// own, or a group's (everyone's, or one member's). `None` when the reader's own are listed
/// (the panel then lists them as ever); else what the group's records asked for.
pub(super) fn groups_panel_ui(
    part: &mut GroupsPart,
    selected: Option<&str>,
    ui: &mut egui::Ui,
) -> Option<Vec<Action>> {
    if part.groups.is_empty() {
        part.view.panel_layer = None;
        return None;
    }
    let shown = |choice: &Option<(String, Option<String>)>, part: &GroupsPart| match choice {
        None => crate::tr!("groups-panel-mine"),
        Some((group, None)) => crate::tr!("groups-panel-everyone", group = group.as_str()),
        Some((group, Some(member))) => format!(
            "{group}: {}",
            part.group(group)
                .map_or_else(|| member.clone(), |g| g.read.layer.member_name(member))
        ),
    };
    let mut choices = vec![None];
    for group in &part.groups {
        choices.push(Some((group.joined.name.clone(), None)));
        // By name: a member's id is drawn at random.
        let mut members: Vec<_> = group.read.layer.members.values().collect();
        members.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        for member in members {
            choices.push(Some((group.joined.name.clone(), Some(member.id.clone()))));
        }
    }
    let mut chosen = part.view.panel_layer.clone();
    ui.horizontal(|ui| {
        let label = ui.label(crate::tr!("groups-panel-layer"));
        egui::ComboBox::from_id_salt("group-layer-filter")
            .selected_text(shown(&chosen, part))
            .show_ui(ui, |ui| {
                for choice in &choices {
                    ui.selectable_value(&mut chosen, choice.clone(), shown(choice, part));
                }
            })
            .response
            .labelled_by(label.id);
    });
    part.view.panel_layer = chosen.clone();
    let (group, member) = chosen?;
    let Some(loaded) = part.groups.iter().find(|g| g.joined.name == group) else {
        part.view.panel_layer = None;
        return None;
    };
    let input = GroupsInput {
        member: part.member.as_ref(),
        groups: Vec::new(),
        filter: &part.filter,
        by_member: !part.by_category,
        selected,
        reading: part.reading.is_some(),
        comparison_items: Vec::new(),
    };
    let shown = GroupShown {
        name: &loaded.joined.name,
        dir: loaded.joined.dir.display().to_string(),
        layer: &loaded.read.layer,
        new: &loaded.new,
        refused: &loaded.refused,
        distrusted: distrusted(loaded),
    };
    let mut actions = Vec::new();
    egui::ScrollArea::vertical().show(ui, |ui| {
        actions = crate::ui::groups_view::records_ui(
            ui,
            &input,
            &shown,
            member.as_deref(),
            &mut part.view,
        );
    });
    Some(actions)
}

/// The members of `group` who publish a key this device does not trust.
fn distrusted(group: &LoadedGroup) -> BTreeSet<String> {
    group
        .read
        .layer
        .members
        .keys()
        .filter(|id| group.seen.distrusts(&group.read.layer, id))
        .cloned()
        .collect()
}

/// The reader's notes on comparisons and own comparisons, as the window offers them to share.
fn comparison_items(contents: &crate::model::notebook::Contents) -> Vec<(String, String)> {
    let short = |s: &str| {
        let s = s.trim();
        if s.chars().count() > 50 {
            format!("{}…", s.chars().take(49).collect::<String>())
        } else {
            s.to_owned()
        }
    };
    contents
        .comparison_notes
        .iter()
        .map(|n| {
            (
                n.note_id.clone(),
                format!("{}: {}", short(&n.comparison_title), short(&n.note)),
            )
        })
        .chain(contents.comparisons.iter().map(|c| {
            (
                c.id.clone(),
                crate::tr!("groups-comparison-item", title = short(&c.title)),
            )
        }))
        .collect()
}
