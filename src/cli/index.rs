//! `lectern index`: people and places named in the library, with their mentions.

use crate::model::text::TextId;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::TextOrJson;
use crate::model::people_places::{Entity, EntityKind, Index};
use crate::model::words::count;
use crate::storage::open::Access;

/// A person or place as `lectern index --format json` prints it.
#[derive(Debug, Serialize)]
pub struct Listed<'a> {
    /// Its id.
    pub id: &'a str,
    /// Person or place.
    pub kind: EntityKind,
    /// The name it is listed under.
    pub name: &'a str,
    /// Other spellings.
    pub variants: &'a [String],
    /// Russian forms.
    pub russian: &'a [String],
    /// Who or what it is.
    pub about: &'a str,
    /// Where that is said.
    pub about_source: &'a str,
    /// Its Wikidata item.
    pub wikidata: Option<&'a str>,
    /// Mentions in the whole library.
    pub mentions: usize,
    /// The texts that mention it, in library order.
    pub texts: Vec<MentionsIn<'a>>,
}

/// How often a text mentions an entity.
#[derive(Debug, Serialize)]
pub struct MentionsIn<'a> {
    /// The text's id.
    pub id: &'a str,
    /// Mentions in it.
    pub mentions: usize,
}

/// Writes the index of `profile`'s library to `out` as `format`.
pub fn run(profile: Option<&Path>, format: TextOrJson, out: &mut dyn Write) -> anyhow::Result<()> {
    let opened = super::open(profile, Access::Read)?;
    // The bundled people and places, with the reader's own.
    let (index, problems) = opened.notebook.study().index(&Index::bundled());
    for problem in problems {
        eprintln!("{problem}");
    }
    // Per entity: mentions, and the texts they are in (in library order).
    let mut found: Vec<(usize, Vec<(TextId, usize)>)> =
        vec![(0, Vec::new()); index.entities().len()];
    for text in opened.library.texts() {
        for mention in index.mentions(text) {
            let (count, texts) = &mut found[mention.entity];
            *count += 1;
            match texts.last_mut() {
                Some((id, n)) if id == text.id() => *n += 1,
                _ => texts.push((text.id().to_owned(), 1)),
            }
        }
    }
    match format {
        TextOrJson::Json => {
            let items: Vec<Listed> = index
                .entities()
                .iter()
                .zip(&found)
                .map(|(entity, (mentions, texts))| listed(entity, *mentions, texts))
                .collect();
            serde_json::to_writer_pretty(&mut *out, &items)?;
            writeln!(out)?;
        }
        TextOrJson::Text => {
            for kind in [EntityKind::Person, EntityKind::Place] {
                let heading = match kind {
                    EntityKind::Person => "People",
                    EntityKind::Place => "Places",
                };
                writeln!(out, "{heading}")?;
                for (entity, (mentions, texts)) in index.entities().iter().zip(&found) {
                    if entity.kind != kind {
                        continue;
                    }
                    writeln!(
                        out,
                        "  {:<16} {:<22} {} in {}  ({})",
                        entity.id,
                        entity.name,
                        count(*mentions, "mention", "mentions"),
                        count(texts.len(), "text", "texts"),
                        entity
                            .variants
                            .iter()
                            .chain(&entity.russian)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", ")
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// `entity` as listed, with its `mentions` in `texts`.
fn listed<'a>(entity: &'a Entity, mentions: usize, texts: &'a [(TextId, usize)]) -> Listed<'a> {
    Listed {
        id: &entity.id,
        kind: entity.kind,
        name: &entity.name,
        variants: &entity.variants,
        russian: &entity.russian,
        about: &entity.about,
        about_source: &entity.about_source,
        wikidata: entity.wikidata.as_deref(),
        mentions,
        texts: texts
            .iter()
            .map(|(id, mentions)| MentionsIn {
                id,
                mentions: *mentions,
            })
            .collect(),
    }
}
