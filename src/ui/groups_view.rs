//! The study groups: who the reader is, the groups they joined, each member's layer shown or
//! hidden, what is new, and each shared record with its thread. Others' records can be replied
//! to, hidden for oneself or copied into one's notebook: the view offers no way to edit them.
//! A thin view: it reads the groups and returns [`GroupAction`]s.

use std::collections::{BTreeSet, HashMap};

use egui::{Color32, RichText, Ui};

use crate::model::group::{Authorship, Entry, GroupLayer, LayerFilter, Member, Shared};
use crate::ui::action::{Action, GroupAction, action_ui};

/// A group as the view shows it.
pub struct GroupShown<'a> {
    /// What the reader calls it.
    pub name: &'a str,
    /// Its folder, as text.
    pub dir: String,
    /// Its layer.
    pub layer: &'a GroupLayer,
    /// The records new to this device.
    pub new: &'a BTreeSet<String>,
    /// What reading its folder refused, in words.
    pub refused: &'a [String],
    /// The members who publish a key this device does not trust.
    pub distrusted: BTreeSet<String>,
}

/// What the study groups' view reads.
pub struct GroupsInput<'a> {
    /// The reader's member, once they chose a name.
    pub member: Option<&'a Member>,
    /// The groups joined.
    pub groups: Vec<GroupShown<'a>>,
    /// The layers and records shown.
    pub filter: &'a LayerFilter,
    /// Whether highlights are coloured by member (else by category).
    pub by_member: bool,
    /// The private annotation selected, which can be shared.
    pub selected: Option<&'a str>,
    /// Whether the groups are being read.
    pub reading: bool,
    /// The reader's notes on comparisons and comparisons, which can be shared: id and label.
    pub comparison_items: Vec<(String, String)>,
}

/// What the view keeps between frames: the forms, the replies being typed, the panel's
/// choice of layer.
#[derive(Debug, Default)]
pub struct GroupsViewState {
    /// The name typed in the member form.
    pub name: String,
    /// The colour chosen in the member form.
    pub colour: [u8; 3],
    /// The folder typed in the join form.
    pub join_dir: String,
    /// The name typed in the join form.
    pub join_name: String,
    /// Replies being typed, by record.
    pub drafts: HashMap<String, String>,
    /// The layer the annotations panel lists instead of the reader's own: a group, and one
    /// member of it or all.
    pub panel_layer: Option<(String, Option<String>)>,
    /// How many records of each group are listed.
    pub listed: HashMap<String, usize>,
    /// The note on a comparison (or comparison) chosen to share.
    pub comparison_item: Option<String>,
}

/// How many records a group lists before "Show more".
const PAGE: usize = 100;

fn colour(rgb: [u8; 3]) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

/// A member's colour as a small disc, painted (no font need have the glyph).
fn swatch(ui: &mut Ui, rgb: [u8; 3]) {
    let size = ui.text_style_height(&egui::TextStyle::Body) * 0.7;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    ui.painter()
        .circle_filled(rect.center(), size / 2.0, colour(rgb));
}

/// The Study groups window.
pub fn groups_window(
    ctx: &egui::Context,
    input: &GroupsInput,
    state: &mut GroupsViewState,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut open = true;
    egui::Window::new(crate::tr!("groups-window"))
        .open(&mut open)
        .default_size([460.0, 560.0])
        // Beside the library, below the banners, clear of the first pane's opening lines.
        .default_pos(ctx.content_rect().left_top() + egui::vec2(300.0, 140.0))
        .vscroll(true)
        .show(ctx, |ui| actions.extend(groups_ui(ui, input, state)));
    if !open {
        actions.push(GroupAction::ToggleGroups.into());
    }
    actions
}

fn forms_ui(ui: &mut Ui, input: &GroupsInput, state: &mut GroupsViewState) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.heading(crate::tr!("groups-you"));
    ui.label(crate::tr!("groups-choose-name"));
    ui.horizontal(|ui| {
        let label = ui.label(crate::tr!("groups-name"));
        ui.text_edit_singleline(&mut state.name)
            .labelled_by(label.id);
        ui.color_edit_button_srgb(&mut state.colour)
            .on_hover_text(crate::tr!("groups-colour"));
    });
    let changed = input.member.is_none_or(|m| {
        m.name != state.name.trim() || m.colour != crate::model::group::colour_text(state.colour)
    });
    if let Some(action) = action_ui(
        ui,
        GroupAction::SetMember {
            name: state.name.trim().to_owned(),
            colour: state.colour,
        },
        changed && !state.name.trim().is_empty(),
    ) {
        actions.push(action);
    }
    ui.separator();
    ui.heading(crate::tr!("groups-join"));
    ui.label(crate::tr!("groups-join-explained"));
    ui.horizontal(|ui| {
        let label = ui.label(crate::tr!("groups-folder"));
        ui.text_edit_singleline(&mut state.join_dir)
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = ui.label(crate::tr!("groups-group-name"));
        ui.text_edit_singleline(&mut state.join_name)
            .labelled_by(label.id);
    });
    let join = GroupAction::JoinGroup {
        dir: state.join_dir.trim().into(),
        name: Some(state.join_name.trim().to_owned()).filter(|n| !n.is_empty()),
    };
    if let Some(action) = action_ui(
        ui,
        join,
        input.member.is_some() && !state.join_dir.trim().is_empty(),
    ) {
        state.join_dir.clear();
        state.join_name.clear();
        actions.push(action);
    }
    actions
}

fn groups_ui(ui: &mut Ui, input: &GroupsInput, state: &mut GroupsViewState) -> Vec<Action> {
    let mut actions = Vec::new();
    // Once the reader has a name and a group, the forms fold away above the groups.
    let set_up = input.member.is_some() && !input.groups.is_empty();
    egui::CollapsingHeader::new(crate::tr!("groups-you-and-folders"))
        .id_salt("groups-forms")
        .default_open(!set_up)
        .show(ui, |ui| actions.extend(forms_ui(ui, input, state)));
    if input.groups.is_empty() {
        return actions;
    }
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(crate::tr!("groups-highlight-by"));
        if ui
            .radio(input.by_member, crate::tr!("groups-by-member"))
            .clicked()
        {
            actions.push(GroupAction::HighlightByMember(true).into());
        }
        if ui
            .radio(!input.by_member, crate::tr!("groups-by-category"))
            .clicked()
        {
            actions.push(GroupAction::HighlightByMember(false).into());
        }
    });
    if input.reading {
        ui.label(crate::tr!("groups-reading"));
    }
    for group in &input.groups {
        ui.separator();
        actions.extend(group_ui(ui, input, group, state));
    }
    actions
}

fn group_ui(
    ui: &mut Ui,
    input: &GroupsInput,
    group: &GroupShown,
    state: &mut GroupsViewState,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let layer = group.layer;
    ui.horizontal(|ui| {
        ui.heading(group.name);
        // What is new in the layers shown.
        let new = layer
            .entries
            .iter()
            .filter(|e| group.new.contains(&e.record.id) && input.filter.shows(group.name, e))
            .count();
        if new > 0 {
            ui.label(RichText::new(crate::tr!("groups-new-count", count = new)).strong());
        }
    });
    ui.label(RichText::new(&group.dir).small().weak());
    for refused in group.refused {
        ui.label(
            RichText::new(refused)
                .small()
                .color(ui.visuals().warn_fg_color),
        );
    }
    let mut shown = !input.filter.hidden_groups.contains(group.name);
    if ui
        .checkbox(&mut shown, crate::tr!("groups-show-layers"))
        .changed()
    {
        actions.push(
            GroupAction::ShowGroup {
                group: group.name.to_owned(),
                shown,
            }
            .into(),
        );
    }
    ui.label(crate::tr!("groups-members"));
    // By name: a member's id is drawn at random.
    let mut members: Vec<_> = layer.members.values().collect();
    members.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
    for member in members {
        ui.horizontal(|ui| {
            let mut on = input.filter.shows_member(group.name, &member.id);
            let you = input.member.is_some_and(|m| m.id == member.id);
            let name = if you {
                crate::tr!("groups-you-are", name = member.name.as_str())
            } else {
                member.name.clone()
            };
            swatch(ui, member.colour);
            if ui.checkbox(&mut on, name).changed() {
                actions.push(
                    GroupAction::ShowLayer {
                        group: group.name.to_owned(),
                        member: member.id.clone(),
                        shown: on,
                    }
                    .into(),
                );
            }
            if group.distrusted.contains(&member.id) {
                actions.extend(action_ui(
                    ui,
                    GroupAction::TrustKeys {
                        group: group.name.to_owned(),
                        member: member.id.clone(),
                    },
                    true,
                ));
            }
        });
    }
    if let Some(item) = input.selected {
        if let Some(action) = action_ui(
            ui,
            GroupAction::Share {
                group: group.name.to_owned(),
                item: item.to_owned(),
            },
            true,
        ) {
            actions.push(action);
        }
    } else {
        ui.label(
            RichText::new(crate::tr!("groups-select-to-share"))
                .small()
                .weak(),
        );
    }
    // A note on a comparison, or a comparison of the reader's, chosen from a list.
    if !input.comparison_items.is_empty() {
        ui.horizontal(|ui| {
            let label = ui.label(crate::tr!("groups-share-comparison"));
            let chosen = state.comparison_item.clone();
            let shown = chosen
                .as_ref()
                .and_then(|id| input.comparison_items.iter().find(|(i, _)| i == id))
                .map_or_else(|| crate::tr!("groups-choose-note"), |(_, l)| l.clone());
            egui::ComboBox::from_id_salt(("share-comparison", group.name))
                .selected_text(shown)
                .width(220.0)
                .show_ui(ui, |ui| {
                    for (id, label) in &input.comparison_items {
                        ui.selectable_value(&mut state.comparison_item, Some(id.clone()), label);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if let Some(item) = state.comparison_item.clone()
            && let Some(action) = action_ui(
                ui,
                GroupAction::Share {
                    group: group.name.to_owned(),
                    item,
                },
                true,
            )
        {
            actions.push(action);
        }
    }
    if !group.new.is_empty() {
        egui::CollapsingHeader::new(crate::tr!("groups-new-in", group = group.name))
            .id_salt(("new", group.name))
            .default_open(true)
            .show(ui, |ui| {
                for entry in layer
                    .entries
                    .iter()
                    .filter(|e| group.new.contains(&e.record.id))
                    .filter(|e| input.filter.shows(group.name, e))
                {
                    ui.horizontal_wrapped(|ui| {
                        swatch(ui, layer.member_colour(&entry.record.member));
                        ui.label(RichText::new(layer.member_name(&entry.record.member)).strong());
                        if !entry.authorship.is_verified() {
                            ui.label(
                                RichText::new(crate::tr!("group-unverified"))
                                    .color(ui.visuals().error_fg_color),
                            );
                        }
                        ui.label(entry.record.body.summary());
                    });
                }
                if let Some(action) =
                    action_ui(ui, GroupAction::MarkRead(group.name.to_owned()), true)
                {
                    actions.push(action);
                }
            });
    }
    actions.extend(records_ui(ui, input, group, None, state));
    if let Some(action) = action_ui(ui, GroupAction::LeaveGroup(group.name.to_owned()), true) {
        actions.push(action);
    }
    actions
}

/// The records of `group` the filter shows (of one member, when `only` names one), each with
/// its thread: for the window and the annotations panel alike.
pub fn records_ui(
    ui: &mut Ui,
    input: &GroupsInput,
    group: &GroupShown,
    only: Option<&str>,
    state: &mut GroupsViewState,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let layer = group.layer;
    let roots: Vec<&Entry> = layer
        .roots()
        .filter(|e| only.is_none_or(|m| e.record.member == m))
        .filter(|e| input.filter.shows_member(group.name, &e.record.member))
        .collect();
    let limit = *state.listed.get(group.name).unwrap_or(&PAGE);
    // Newest first.
    for entry in roots.iter().rev().take(limit) {
        actions.extend(record_ui(ui, input, group, entry, state));
    }
    if roots.len() > limit
        && ui
            .button(crate::tr!("groups-show-more", count = roots.len() - limit))
            .clicked()
    {
        state.listed.insert(group.name.to_owned(), limit + PAGE);
    }
    actions
}

fn byline(ui: &mut Ui, layer: &GroupLayer, entry: &Entry, new: bool) {
    ui.horizontal_wrapped(|ui| {
        swatch(ui, layer.member_colour(&entry.record.member));
        let name = layer.member_name(&entry.record.member);
        ui.label(RichText::new(&name).strong());
        ui.label(
            RichText::new(entry.record.written.day().unwrap_or_default())
                .small()
                .weak(),
        );
        if let Authorship::Unverified(_) = entry.authorship {
            ui.label(
                RichText::new(crate::tr!("group-unverified"))
                    .color(ui.visuals().error_fg_color)
                    .strong(),
            )
            .on_hover_text(crate::tr!("group-unverified-tip", name = name.as_str()));
        }
        if new {
            ui.label(
                RichText::new(crate::tr!("groups-new"))
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            );
        }
    });
}

fn record_ui(
    ui: &mut Ui,
    input: &GroupsInput,
    group: &GroupShown,
    entry: &Entry,
    state: &mut GroupsViewState,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let layer = group.layer;
    let id = &entry.record.id;
    let hidden = input.filter.hidden_records.contains(id);
    let mine =
        input.member.is_some_and(|m| m.id == entry.record.member) && entry.authorship.is_verified();
    let thread = layer.thread(id);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        byline(ui, layer, entry, group.new.contains(id));
        if hidden {
            ui.label(RichText::new(crate::tr!("groups-hidden")).italics().weak());
        } else {
            match &entry.record.body {
                Shared::Annotation {
                    annotation,
                    category,
                } => {
                    ui.label(RichText::new(format!("“{}”", annotation.anchor.exact)).italics());
                    if let Some(category) = category {
                        ui.label(RichText::new(&category.name).small());
                    }
                    if !annotation.note.trim().is_empty() {
                        ui.label(&annotation.note);
                    }
                    if !annotation.tags.is_empty() {
                        ui.label(RichText::new(annotation.tags.join(", ")).small().weak());
                    }
                }
                Shared::ComparisonNote { note, .. } => {
                    ui.label(
                        RichText::new(format!(
                            "{} · {}",
                            note.comparison_title, note.segment_label
                        ))
                        .small(),
                    );
                    ui.label(RichText::new(format!("“{}”", note.quote)).italics());
                    ui.label(&note.note);
                }
                Shared::Comparison { comparison } => {
                    ui.label(RichText::new(&comparison.title).strong());
                }
                Shared::Reply { .. } | Shared::Thread { .. } => {}
            }
            for reply in &thread.replies {
                if input.filter.hidden_records.contains(&reply.record.id)
                    || !input.filter.shows_member(group.name, &reply.record.member)
                {
                    continue;
                }
                ui.indent(("reply", &reply.record.id), |ui| {
                    byline(ui, layer, reply, group.new.contains(&reply.record.id));
                    if let Shared::Reply { note, .. } = &reply.record.body {
                        ui.label(note);
                    }
                });
            }
            if thread.resolved {
                ui.label(RichText::new(crate::tr!("groups-resolved")).italics());
            }
            let draft = state.drafts.entry(id.clone()).or_default();
            ui.horizontal(|ui| {
                let label = ui.label(crate::tr!("groups-your-reply"));
                ui.add(egui::TextEdit::singleline(draft).desired_width(200.0))
                    .labelled_by(label.id);
            });
        }
        ui.horizontal_wrapped(|ui| {
            let draft = state
                .drafts
                .get(id)
                .map(|d| d.trim().to_owned())
                .unwrap_or_default();
            if !hidden
                && let Some(action) = action_ui(
                    ui,
                    GroupAction::Reply {
                        group: group.name.to_owned(),
                        record: id.clone(),
                        text: draft.clone(),
                    },
                    !draft.is_empty() && input.member.is_some(),
                )
            {
                state.drafts.remove(id);
                actions.push(action);
            }
            if !hidden {
                actions.extend(action_ui(
                    ui,
                    GroupAction::SetResolved {
                        group: group.name.to_owned(),
                        record: id.clone(),
                        resolved: !thread.resolved,
                    },
                    input.member.is_some(),
                ));
            }
            // What each kind can be gone to and copied as: a passage, a comparison's segment, a
            // comparison (opened, to note on: the notebook keeps a comparison with its notes).
            let (goes_to, copies) = match &entry.record.body {
                Shared::Annotation { .. } | Shared::ComparisonNote { .. } => (true, true),
                Shared::Comparison { .. } => (true, false),
                Shared::Reply { .. } | Shared::Thread { .. } => (false, false),
            };
            if goes_to && !hidden {
                actions.extend(action_ui(
                    ui,
                    GroupAction::GoToRecord {
                        group: group.name.to_owned(),
                        record: id.clone(),
                    },
                    true,
                ));
                if copies && !mine {
                    actions.extend(action_ui(
                        ui,
                        GroupAction::CopyToNotebook {
                            group: group.name.to_owned(),
                            record: id.clone(),
                        },
                        true,
                    ));
                }
            }
            if !mine {
                actions.extend(action_ui(
                    ui,
                    GroupAction::HideRecord {
                        record: id.clone(),
                        hidden: !hidden,
                    },
                    true,
                ));
            }
        });
    });
    actions
}
