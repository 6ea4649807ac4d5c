//! Study groups in the window: the groups joined, read off the UI thread when the profile
//! opens and again when a sync engine changes their folders; the Study groups window; the
//! members' layers in the reading panes; and the group actions, carried out here.

use std::collections::{BTreeSet, HashSet};

use super::LecternApp;
use crate::model::clock;
use crate::model::group::{GroupLayer, LayerFilter, Member, Seen, Shared, parse_colour, share_of};
use crate::model::text::TextId;
use crate::storage::groups::{self, GroupRead, GroupWatch, JoinedGroup};
use crate::ui::action::GroupAction;
use crate::ui::groups_view::GroupsViewState;

/// A group as read.
#[derive(Debug)]
pub struct LoadedGroup {
    /// The group joined.
    pub joined: JoinedGroup,
    /// Its folder as read.
    pub read: GroupRead,
    /// What this device has seen of it.
    pub seen: Seen,
    /// Its records new to this device.
    pub new: BTreeSet<String>,
    /// What reading it refused, in words.
    pub refused: Vec<String>,
}

/// The study groups: who the reader is, the groups joined and how their layers are shown.
#[derive(Debug, Default)]
pub struct GroupsPart {
    pub(super) member: Option<Member>,
    pub(super) groups: Vec<LoadedGroup>,
    pub(super) filter: LayerFilter,
    /// Whether others' highlights are coloured by category (else by member, the default).
    pub(super) by_category: bool,
    /// Changes whenever what the groups show changes (for the highlights' key).
    pub(super) revision: u64,
    /// The groups being read off the window's thread, which wakes the window when done.
    pub(super) reading: Option<std::sync::mpsc::Receiver<Vec<(JoinedGroup, GroupRead)>>>,
    /// The window's context, to wake it (set at its first frame).
    pub(super) wake: Option<egui::Context>,
    pub(super) watch: Option<GroupWatch>,
    pub(super) watched: Vec<std::path::PathBuf>,
    pub(super) open: bool,
    pub(super) view: GroupsViewState,
    /// Whether the groups are to be read once the first frame is drawn.
    pub(super) read_after_first_frame: bool,
    /// Frames begun since the profile was opened (until the groups are read).
    pub(super) frames_seen: u32,
    /// Records already told of in a banner, with their digests.
    pub(super) told: HashSet<(String, String)>,
    /// The banners of news, each with its group's name (taken down when it is left).
    pub(super) news_banners: Vec<(String, String)>,
}

impl GroupsPart {
    /// The reader's member, once chosen.
    pub fn member(&self) -> Option<&Member> {
        self.member.as_ref()
    }

    /// The groups as read.
    pub fn groups(&self) -> &[LoadedGroup] {
        &self.groups
    }

    /// The group called `name`.
    pub fn group(&self, name: &str) -> Option<&LoadedGroup> {
        self.groups.iter().find(|g| g.joined.name == name)
    }

    /// The layers and records shown.
    pub fn filter(&self) -> &LayerFilter {
        &self.filter
    }

    /// Whether the groups are being read.
    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    /// Whether the Study groups window is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The revision of what the groups show.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The view's state (forms, drafts, the panel's layer).
    pub fn view_mut(&mut self) -> &mut GroupsViewState {
        &mut self.view
    }
}

impl LecternApp {
    /// The study groups.
    pub fn groups(&self) -> &GroupsPart {
        &self.groups
    }

    /// The study groups, to change.
    pub fn groups_mut(&mut self) -> &mut GroupsPart {
        &mut self.groups
    }

    /// The highlights last drawn on `text` (the reader's own and the groups' layers).
    pub fn highlights_on(&self, text: &TextId) -> Option<&crate::ui::reader::Highlights> {
        self.highlights
            .as_ref()
            .and_then(|(_, by_text)| by_text.get(text))
    }

    /// Starts reading the groups joined, off the UI thread (at the profile's opening, after a
    /// join, and when a sync engine changed their folders).
    pub(super) fn start_reading_groups(&mut self) {
        let Some(profile) = &self.session.profile else {
            return;
        };
        let dir = profile.dir().to_path_buf();
        self.groups.member = groups::member(&dir);
        if let Some(member) = &self.groups.member {
            self.groups.view.name = member.name.clone();
            self.groups.view.colour = parse_colour(&member.colour).unwrap_or([0x80; 3]);
        } else if self.groups.view.name.is_empty() {
            self.groups.view.name = groups::default_member_name();
            self.groups.view.colour = [0xd9, 0x5f, 0x02];
        }
        self.groups.filter = groups::load_filter(&dir);
        let joined = groups::joined(&dir);
        if joined.is_empty() {
            // A read still running would bring back a group just left.
            self.groups.reading = None;
            self.groups.groups.clear();
            self.groups.revision += 1;
            return;
        }
        if crate::startup::tracing() && !crate::startup::marked(crate::startup::stage::GROUPS_READ)
        {
            crate::startup::wait_for(crate::startup::stage::GROUPS_READ);
        }
        let (send, receive) = std::sync::mpsc::channel();
        let wake = self.groups.wake.clone();
        std::thread::spawn(move || {
            let read: Vec<(JoinedGroup, GroupRead)> = joined
                .into_iter()
                .map(|group| {
                    let read = groups::read_joined(&dir, &group);
                    (group, read)
                })
                .collect();
            let _ = send.send(read);
            // The window is woken once, when the groups are read: no frames are drawn while
            // they are (under a software renderer each frame takes a core).
            if let Some(wake) = wake {
                wake.request_repaint();
            }
        });
        self.groups.reading = Some(receive);
    }

    /// Takes the groups once read, tells the reader what is new and whose key changed, and
    /// reads them again when their folders changed.
    pub(super) fn follow_groups(&mut self, ctx: &egui::Context) {
        if self.groups.wake.is_none() {
            self.groups.wake = Some(ctx.clone());
        }
        // The groups of a profile just opened are read once its first frame has been drawn
        // (this is the second frame's start), so that reading ten thousand records on both
        // cores does not hold the first frame back.
        if self.groups.read_after_first_frame {
            self.groups.frames_seen += 1;
            if self.groups.frames_seen >= 2 {
                self.groups.read_after_first_frame = false;
                self.start_reading_groups();
            } else {
                ctx.request_repaint();
            }
        }
        let taken = self.groups.reading.as_ref().map(|r| r.try_recv());
        match taken {
            Some(Ok(read)) => {
                self.groups.reading = None;
                self.take_groups(read, ctx);
            }
            Some(Err(std::sync::mpsc::TryRecvError::Disconnected)) => {
                self.groups.reading = None;
                log::warn!("reading the study groups failed");
            }
            Some(Err(std::sync::mpsc::TryRecvError::Empty)) | None => {}
        }
        // Asked only when no read is running, so that news arriving during one is kept for
        // the next.
        if self.groups.reading.is_none()
            && self
                .groups
                .watch
                .as_ref()
                .is_some_and(GroupWatch::take_news)
        {
            self.start_reading_groups();
        }
    }

    fn take_groups(&mut self, read: Vec<(JoinedGroup, GroupRead)>, ctx: &egui::Context) {
        let Some(profile) = self.session.profile.clone() else {
            return;
        };
        let me = self
            .groups
            .member
            .as_ref()
            .map(|m| m.id.clone())
            .unwrap_or_default();
        let mut loaded = Vec::new();
        for (joined, mut read) in read {
            let mut seen = groups::load_seen(profile.dir(), &joined);
            for change in seen.take_key_changes(&read.layer) {
                self.notices.push(change.message(&joined.name));
            }
            read.layer.apply_trust(&seen);
            if let Err(e) = groups::save_seen(profile.dir(), &joined, &seen) {
                log::warn!("what was seen of {} is not kept: {e}", joined.name);
            }
            let new: BTreeSet<String> = read
                .layer
                .new_entries(&seen, &me)
                .map(|e| e.record.id.clone())
                .collect();
            self.tell_news(&joined.name, &read.layer, &new);
            let refused = read
                .refused
                .iter()
                .map(|r| r.message(&joined.name))
                .collect();
            loaded.push(LoadedGroup {
                joined,
                read,
                seen,
                new,
                refused,
            });
        }
        self.groups.groups = loaded;
        self.groups.revision += 1;
        crate::startup::mark(crate::startup::stage::GROUPS_READ);
        let dirs: Vec<std::path::PathBuf> = self
            .groups
            .groups
            .iter()
            .map(|g| g.joined.dir.clone())
            .collect();
        if dirs != self.groups.watched {
            let wake = ctx.clone();
            self.groups.watch = GroupWatch::start(&dirs, move || wake.request_repaint())
                .map_err(|e| log::warn!("the groups' folders are not watched: {e}"))
                .ok();
            self.groups.watched = dirs;
        }
    }

    /// A banner for what is new and not yet told: "3 new notes from Anna in Seminar".
    fn tell_news(&mut self, group: &str, layer: &GroupLayer, new: &BTreeSet<String>) {
        let mut by_member: std::collections::BTreeMap<String, usize> = Default::default();
        for entry in layer.entries.iter().filter(|e| new.contains(&e.record.id)) {
            if self
                .groups
                .told
                .insert((entry.record.id.clone(), entry.digest.clone()))
            {
                *by_member
                    .entry(layer.member_name(&entry.record.member))
                    .or_default() += 1;
            }
        }
        for (who, count) in by_member {
            let said = crate::tr!(
                "group-new",
                count = count,
                who = who.as_str(),
                group = group
            );
            let notices = &self.notices;
            self.groups
                .news_banners
                .retain(|(_, n)| notices.contains(n));
            self.groups
                .news_banners
                .push((group.to_owned(), said.clone()));
            self.notices.push(said);
        }
    }

    fn save_filter(&mut self) {
        self.groups.revision += 1;
        if let Some(profile) = &self.session.profile
            && let Err(e) = groups::save_filter(profile.dir(), &self.groups.filter)
        {
            self.notices.push(e.to_string());
        }
    }

    pub(super) fn loaded(&self, group: &str) -> Option<&LoadedGroup> {
        self.groups.group(group)
    }

    /// Carries out an action in the study groups.
    pub(super) fn apply_to_groups(&mut self, ctx: &egui::Context, action: GroupAction) {
        let Some(profile) = self.session.profile.clone() else {
            return;
        };
        let dir = profile.dir();
        let identity = || groups::identity(dir, &groups::default_member_name());
        let result: Result<Option<String>, String> = match action {
            GroupAction::ToggleGroups => {
                self.groups.open = !self.groups.open;
                if self.groups.open
                    && self.groups.groups.is_empty()
                    && self.groups.reading.is_none()
                {
                    self.start_reading_groups();
                }
                Ok(None)
            }
            GroupAction::SetMember { name, colour } => {
                groups::rename(dir, &name, Some(colour), clock::now())
                    .map(|identity| {
                        self.groups.view.name = identity.member.name.clone();
                        self.groups.member = Some(identity.member);
                        self.start_reading_groups();
                        None
                    })
                    .map_err(|e| e.to_string())
            }
            GroupAction::JoinGroup {
                dir: group_dir,
                name,
            } => {
                let member_name = self.groups.view.name.clone();
                groups::join(dir, &group_dir, name.as_deref(), &member_name, clock::now())
                    .map(|(group, identity)| {
                        self.groups.member = Some(identity.member);
                        self.start_reading_groups();
                        Some(crate::tr!("groups-joined", group = group.name.as_str()))
                    })
                    .map_err(|e| e.to_string())
            }
            GroupAction::LeaveGroup(group) => groups::leave(dir, &group)
                .map(|_| {
                    // Its news is no longer the reader's to read.
                    let (left, kept) = std::mem::take(&mut self.groups.news_banners)
                        .into_iter()
                        .partition(|(g, _)| *g == group);
                    self.groups.news_banners = kept;
                    let left: Vec<(String, String)> = left;
                    self.notices
                        .retain(|n| !left.iter().any(|(_, said)| said == n));
                    self.start_reading_groups();
                    None
                })
                .map_err(|e| e.to_string()),
            GroupAction::Share { group, item } => {
                let body = share_of(self.notebook.contents(), &item);
                match (self.loaded(&group).map(|g| g.joined.clone()), body) {
                    (Some(joined), Some(body)) => identity()
                        .and_then(|identity| groups::share(&joined, &identity, body, clock::now()))
                        .map(|_| {
                            self.start_reading_groups();
                            Some(crate::tr!("groups-shared", group = group.as_str()))
                        })
                        .map_err(|e| e.to_string()),
                    _ => Ok(None),
                }
            }
            GroupAction::Reply {
                group,
                record,
                text,
            } => self.write_to_group(
                &group,
                Shared::Reply {
                    to: record,
                    note: text,
                },
            ),
            GroupAction::SetResolved {
                group,
                record,
                resolved,
            } => self.write_to_group(
                &group,
                Shared::Thread {
                    thread: record,
                    resolved,
                },
            ),
            GroupAction::HideRecord { record, hidden } => {
                if hidden {
                    self.groups.filter.hidden_records.insert(record);
                } else {
                    self.groups.filter.hidden_records.remove(&record);
                }
                self.save_filter();
                Ok(None)
            }
            GroupAction::CopyToNotebook { group, record } => {
                Ok(self.copy_to_notebook(&group, &record))
            }
            GroupAction::GoToRecord { group, record } => {
                Ok(self.go_to_record(&group, &record, ctx))
            }
            GroupAction::TrustKeys { group, member } => {
                match self
                    .groups
                    .groups
                    .iter_mut()
                    .find(|g| g.joined.name == group)
                {
                    Some(loaded) => {
                        loaded.seen.trust(&loaded.read.layer, &member);
                        let saved = groups::save_seen(dir, &loaded.joined, &loaded.seen);
                        self.start_reading_groups();
                        saved.map(|()| None).map_err(|e| e.to_string())
                    }
                    None => Ok(None),
                }
            }
            GroupAction::MarkRead(group) => {
                if let Some(loaded) = self
                    .groups
                    .groups
                    .iter_mut()
                    .find(|g| g.joined.name == group)
                {
                    loaded.seen.mark_all(&loaded.read.layer);
                    loaded.new.clear();
                    self.groups.revision += 1;
                    groups::save_seen(dir, &loaded.joined, &loaded.seen)
                        .map(|()| None)
                        .map_err(|e| e.to_string())
                } else {
                    Ok(None)
                }
            }
            GroupAction::ShowLayer {
                group,
                member,
                shown,
            } => {
                self.groups.filter.set_member(&group, &member, shown);
                self.save_filter();
                Ok(None)
            }
            GroupAction::ShowGroup { group, shown } => {
                if shown {
                    self.groups.filter.hidden_groups.remove(&group);
                } else {
                    self.groups.filter.hidden_groups.insert(group);
                }
                self.save_filter();
                Ok(None)
            }
            GroupAction::HighlightByMember(by_member) => {
                self.groups.by_category = !by_member;
                self.groups.revision += 1;
                Ok(None)
            }
        };
        match result {
            Ok(Some(said)) => self.view.tell(said),
            Ok(None) => {}
            Err(e) => self.notices.push(crate::tr!("groups-failed", error = e)),
        }
    }

    fn write_to_group(&mut self, group: &str, body: Shared) -> Result<Option<String>, String> {
        let (Some(profile), Some(joined)) = (
            self.session.profile.clone(),
            self.loaded(group).map(|g| g.joined.clone()),
        ) else {
            return Ok(None);
        };
        let identity = groups::identity(profile.dir(), &groups::default_member_name())
            .map_err(|e| e.to_string())?;
        groups::share(&joined, &identity, body, clock::now()).map_err(|e| e.to_string())?;
        self.start_reading_groups();
        Ok(None)
    }
}
