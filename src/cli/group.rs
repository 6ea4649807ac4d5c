//! `lectern member` and `lectern group …`: who the reader is in their study groups, the groups
//! they joined, and what they share, reply and read there. Nothing of the private notebook
//! goes into a group unless a command names it.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::Subcommand;
use serde::Serialize;

use super::TextOrJson;
use crate::model::clock;
use crate::model::group::export::{GroupFormat, export_layer};
use crate::model::group::{Authorship, GroupLayer, Shared, parse_colour, share_of};
use crate::storage::groups::{self, GroupRead, JoinedGroup, default_member_name};
use crate::storage::open::Access;

/// What other people wrote, made safe for a terminal: control characters (escape sequences
/// that could rewrite the line, hide "\[unverified\]" or move the cursor; tabs and line breaks
/// that would split the columns) shown as �.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// The subcommands of `lectern group`.
#[derive(Subcommand, Debug)]
pub enum GroupCommand {
    /// Join the group in a folder that a sync engine carries (Syncthing, Dropbox, Nextcloud, git),
    /// making it when it is new; your key is published in it.
    Join {
        /// The group's folder (outside the profile).
        dir: PathBuf,
        /// What to call the group (else the name its folder gives).
        #[arg(long)]
        name: Option<String>,
    },
    /// The groups joined on this device, with their members and records.
    List,
    /// Leave a group on this device (the folder and what you shared in it stay).
    Leave {
        /// The group's name.
        group: String,
    },
    /// A group's records with their authors, whether each verifies, their threads, and what is
    /// new since you last read the group.
    Show {
        /// The group's name.
        group: String,
        /// Only what is new.
        #[arg(long)]
        new: bool,
        /// `text` or `json`.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Mark everything in a group read.
    Read {
        /// The group's name.
        group: String,
    },
    /// Share an annotation, a note on a comparison or a comparison of yours with a group.
    Share {
        /// The group's name.
        group: String,
        /// The id of what to share (as `lectern export --format csv` or the window shows it).
        id: String,
    },
    /// Reply in the thread under a record of the group.
    Reply {
        /// The group's name.
        group: String,
        /// The record replied to (its id, as `lectern group show` prints it).
        record: String,
        /// The reply.
        text: String,
    },
    /// Trust the keys a member publishes now: after their key changed without their earlier
    /// key signing the change (a new device), and you asked them.
    Trust {
        /// The group's name.
        group: String,
        /// The member (their name or id).
        member: String,
    },
    /// Resolve the thread under a record (or reopen it).
    Resolve {
        /// The group's name.
        group: String,
        /// The record whose thread it is.
        record: String,
        /// Reopen it instead.
        #[arg(long)]
        reopen: bool,
    },
}

/// `lectern member [NAME] [--colour #rrggbb] [--new-key]`.
pub fn member(
    profile: Option<&Path>,
    name: Option<&str>,
    colour: Option<&str>,
    new_key: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let profile = crate::storage::profile::Profile::open(profile)?;
    let dir = profile.dir();
    let colour = match colour {
        Some(text) => Some(parse_colour(text).with_context(|| {
            format!("{text:?} is not a colour: give it as #rrggbb, e.g. #d95f02")
        })?),
        None => None,
    };
    let identity = match (name, colour) {
        (Some(name), _) if name.trim().is_empty() => {
            anyhow::bail!("a member's name cannot be empty")
        }
        (Some(name), colour) => groups::rename(dir, name, colour, clock::now())?,
        (None, Some(colour)) => {
            let current = groups::identity(dir, &default_member_name())?;
            groups::rename(dir, &current.member.name, Some(colour), clock::now())?
        }
        (None, None) => groups::identity(dir, &default_member_name())?,
    };
    if new_key {
        let resigned = groups::new_key(dir, clock::now())?;
        eprintln!(
            "A new key was made and published in every group joined, signed by the old one; \
             {resigned} of your records were signed again with it."
        );
    }
    let identity = if new_key {
        groups::identity(dir, "")?
    } else {
        identity
    };
    writeln!(
        out,
        "{}\t{}\t{}\tkey {}",
        identity.member.name,
        identity.member.colour,
        identity.member.id,
        identity.key.id()
    )?;
    Ok(())
}

fn group_of(dir: &Path, name: &str) -> anyhow::Result<JoinedGroup> {
    groups::find_group(dir, name).with_context(|| {
        let joined: Vec<String> = groups::joined(dir).into_iter().map(|g| g.name).collect();
        if joined.is_empty() {
            format!("no group called {name:?} is joined; join one with `lectern group join DIR`")
        } else {
            format!(
                "no group called {name:?} is joined; the groups are: {}",
                joined.join(", ")
            )
        }
    })
}

/// Reads a group, telling on standard error what was refused and whose key changed (once).
pub fn read_told(profile_dir: &Path, group: &JoinedGroup) -> GroupRead {
    let mut read = groups::read_joined(profile_dir, group);
    for refusal in &read.refused {
        eprintln!("{}", printable(&refusal.message(&group.name)));
    }
    let mut seen = groups::load_seen(profile_dir, group);
    for change in seen.take_key_changes(&read.layer) {
        eprintln!("{}", printable(&change.message(&group.name)));
    }
    read.layer.apply_trust(&seen);
    if let Err(e) = groups::save_seen(profile_dir, group, &seen) {
        eprintln!("{e}");
    }
    read
}

/// A record as `lectern group show --format json` prints it.
#[derive(Serialize)]
struct Shown<'a> {
    id: &'a str,
    kind: &'static str,
    author: String,
    member: &'a str,
    verified: bool,
    new: bool,
    written: &'a str,
    summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    thread_of: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resolved: Option<bool>,
}

fn kind_name(body: &Shared) -> &'static str {
    match body {
        Shared::Annotation { .. } => "annotation",
        Shared::ComparisonNote { .. } => "comparison-note",
        Shared::Comparison { .. } => "comparison",
        Shared::Reply { .. } => "reply",
        Shared::Thread { .. } => "thread",
    }
}

fn shown<'a>(
    layer: &'a GroupLayer,
    seen: &crate::model::group::Seen,
    me: &str,
    new_only: bool,
) -> Vec<Shown<'a>> {
    let new: std::collections::BTreeSet<&str> = layer
        .new_entries(seen, me)
        .map(|e| e.record.id.as_str())
        .collect();
    layer
        .entries
        .iter()
        .filter(|e| !new_only || new.contains(e.record.id.as_str()))
        .map(|e| {
            let root = e.record.body.thread_of().is_none();
            Shown {
                id: &e.record.id,
                kind: kind_name(&e.record.body),
                author: layer.member_name(&e.record.member),
                member: &e.record.member,
                verified: e.authorship == Authorship::Verified,
                new: new.contains(e.record.id.as_str()),
                written: e.record.written.as_str(),
                summary: e.record.body.summary(),
                thread_of: e.record.body.thread_of(),
                resolved: root.then(|| layer.thread(&e.record.id).resolved),
            }
        })
        .collect()
}

/// `lectern group …`.
pub fn run(
    profile: Option<&Path>,
    command: GroupCommand,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let profile = crate::storage::profile::Profile::open(profile)?;
    let dir = profile.dir();
    let me = groups::member(dir).map(|m| m.id).unwrap_or_default();
    match command {
        GroupCommand::Join {
            dir: group_dir,
            name,
        } => {
            let (group, identity) = groups::join(
                dir,
                &group_dir,
                name.as_deref(),
                &default_member_name(),
                clock::now(),
            )?;
            writeln!(
                out,
                "Joined {} ({}) as {}.",
                group.name,
                group.dir.display(),
                identity.member.name
            )?;
        }
        GroupCommand::List => {
            for group in groups::joined(dir) {
                let read = read_told(dir, &group);
                let seen = groups::load_seen(dir, &group);
                let members: Vec<String> = read
                    .layer
                    .members
                    .values()
                    .map(|m| printable(&m.name))
                    .collect();
                writeln!(
                    out,
                    "{}\t{}\t{} members ({})\t{} records\t{} new",
                    group.name,
                    group.dir.display(),
                    read.layer.members.len(),
                    members.join(", "),
                    read.layer.entries.len(),
                    read.layer.new_entries(&seen, &me).count()
                )?;
            }
        }
        GroupCommand::Leave { group } => {
            if !groups::leave(dir, &group)? {
                anyhow::bail!("no group called {group:?} is joined");
            }
            writeln!(out, "Left {group} on this device; its folder is as it was.")?;
        }
        GroupCommand::Show { group, new, format } => {
            let group = group_of(dir, &group)?;
            let read = read_told(dir, &group);
            let seen = groups::load_seen(dir, &group);
            let records = shown(&read.layer, &seen, &me, new);
            match format {
                TextOrJson::Json => {
                    serde_json::to_writer_pretty(&mut *out, &records)?;
                    writeln!(out)?;
                }
                TextOrJson::Text => {
                    for r in &records {
                        let mark = if r.new { "●" } else { " " };
                        let verified = if r.verified { "" } else { " [unverified]" };
                        let place = r.thread_of.map(|t| format!(" ↳ {t}")).unwrap_or_default();
                        let resolved = if r.resolved == Some(true) {
                            " [resolved]"
                        } else {
                            ""
                        };
                        writeln!(
                            out,
                            "{mark} {}\t{}\t{}{verified}{place}{resolved}\t{}",
                            r.id,
                            r.kind,
                            printable(&r.author),
                            printable(&r.summary)
                        )?;
                    }
                }
            }
        }
        GroupCommand::Read { group } => {
            let group = group_of(dir, &group)?;
            let read = groups::read_joined(dir, &group);
            let mut seen = groups::load_seen(dir, &group);
            let count = read.layer.new_entries(&seen, &me).count();
            seen.mark_all(&read.layer);
            groups::save_seen(dir, &group, &seen)?;
            writeln!(out, "Marked {count} records read in {}.", group.name)?;
        }
        GroupCommand::Share { group, id } => {
            let group = group_of(dir, &group)?;
            let opened = super::open(Some(dir), Access::Read)?;
            let body = share_of(opened.notebook.contents(), &id).with_context(|| {
                format!(
                    "no annotation, note on a comparison or comparison of yours has the id {id:?}"
                )
            })?;
            drop(opened);
            let identity = groups::identity(dir, &default_member_name())?;
            let record = groups::share(&group, &identity, body, clock::now())?;
            writeln!(out, "Shared {id} with {} as {record}.", group.name)?;
        }
        GroupCommand::Reply {
            group,
            record,
            text,
        } => {
            let group = group_of(dir, &group)?;
            if text.trim().is_empty() {
                anyhow::bail!("a reply cannot be empty");
            }
            let read = groups::read_joined(dir, &group);
            let root = thread_root(&read.layer, &record)?;
            let identity = groups::identity(dir, &default_member_name())?;
            let id = groups::share(
                &group,
                &identity,
                Shared::Reply {
                    to: root,
                    note: text,
                },
                clock::now(),
            )?;
            writeln!(out, "Replied in {} as {id}.", group.name)?;
        }
        GroupCommand::Trust { group, member } => {
            let group = group_of(dir, &group)?;
            let read = groups::read_joined(dir, &group);
            let id = read
                .layer
                .members
                .values()
                .find(|m| m.id == member || m.name == member)
                .map(|m| m.id.clone())
                .with_context(|| format!("{} has no member {member:?}", group.name))?;
            let mut seen = groups::load_seen(dir, &group);
            for change in seen.take_key_changes(&read.layer) {
                eprintln!("{}", change.message(&group.name));
            }
            seen.trust(&read.layer, &id);
            groups::save_seen(dir, &group, &seen)?;
            writeln!(
                out,
                "What {} signs with the keys they publish now shows as theirs in {}.",
                read.layer.member_name(&id),
                group.name
            )?;
        }
        GroupCommand::Resolve {
            group,
            record,
            reopen,
        } => {
            let group = group_of(dir, &group)?;
            let read = groups::read_joined(dir, &group);
            let root = thread_root(&read.layer, &record)?;
            let identity = groups::identity(dir, &default_member_name())?;
            groups::share(
                &group,
                &identity,
                Shared::Thread {
                    thread: root.clone(),
                    resolved: !reopen,
                },
                clock::now(),
            )?;
            let done = if reopen { "Reopened" } else { "Resolved" };
            writeln!(out, "{done} the thread under {root} in {}.", group.name)?;
        }
    }
    Ok(())
}

/// The record whose thread `record` is or is in.
fn thread_root(layer: &GroupLayer, record: &str) -> anyhow::Result<String> {
    let entry = layer
        .entry(record)
        .with_context(|| format!("the group has no record {record:?}"))?;
    Ok(entry
        .record
        .body
        .thread_of()
        .map_or_else(|| entry.record.id.clone(), str::to_owned))
}

/// `lectern import-annotations FILE --group NAME`: the W3C annotations of `file`, put on the
/// library's texts, shared with the group as the reader's records (the private notebook is not
/// changed).
pub fn import_into_group(profile: Option<&Path>, file: &Path, group: &str) -> anyhow::Result<()> {
    let json = std::fs::read_to_string(file)
        .with_context(|| format!("{} could not be read", file.display()))?;
    let opened = super::open(profile, Access::Read)?;
    let dir = opened.profile.dir().to_path_buf();
    let group = group_of(&dir, group)?;
    let categories = opened.notebook.categories().to_vec();
    let mut read = crate::model::w3c_import::read(&json, &categories)
        .with_context(|| format!("{} holds no annotations Lectern can import", file.display()))?;
    crate::model::w3c_import::place(&mut read, &opened.library);
    drop(opened);
    let identity = groups::identity(&dir, &default_member_name())?;
    let mut shared = 0;
    for (annotation, _) in &read.annotations {
        groups::share(
            &group,
            &identity,
            Shared::annotation(annotation, &categories),
            clock::now(),
        )?;
        shared += 1;
    }
    eprintln!("Shared {shared} annotations with {}.", group.name);
    Ok(())
}

/// `lectern export --group NAME`: the group's layer as this device shows it.
pub fn export_group(
    profile: Option<&Path>,
    group: &str,
    format: GroupFormat,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let opened = super::open(profile, Access::Read)?;
    let dir = opened.profile.dir().to_path_buf();
    let group = group_of(&dir, group)?;
    let read = read_told(&dir, &group);
    let filter = groups::load_filter(&dir);
    out.write_all(export_layer(&read.layer, &opened.library, &filter, format).as_bytes())?;
    Ok(())
}
