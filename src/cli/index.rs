//! `lectern index`: people and places named in the library, with their mentions.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::TextOrJson;
use crate::model::people_places::{Entity, EntityKind, Index, Mentioned};
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
    /// Mentions in the whole library and the comparisons' wordings (a wording quoted from a
    /// text of the library is counted once, in the text).
    pub mentions: usize,
    /// The texts that mention it, in library order.
    pub texts: Vec<MentionsIn<'a>>,
    /// The comparisons whose wordings mention it (their ids).
    pub comparisons: Vec<MentionsIn<'a>>,
}

/// How often a text (or a comparison's wordings) mentions an entity.
#[derive(Debug, Serialize)]
pub struct MentionsIn<'a> {
    /// The text's (or the comparison's) id.
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
    // Per entity: mentions, and the texts (in library order) and comparisons they are in.
    let comparisons: Vec<crate::model::comparison::Comparison> =
        crate::bundled::bundled_comparisons()
            .into_iter()
            .chain(opened.notebook.noted_comparisons().cloned())
            .collect();
    let found = index.mentioned(opened.library.texts(), &comparisons);
    match format {
        TextOrJson::Json => {
            let items: Vec<Listed> = index
                .entities()
                .iter()
                .zip(&found)
                .map(|(entity, found)| listed(entity, found))
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
                for (entity, found) in index.entities().iter().zip(&found) {
                    if entity.kind != kind {
                        continue;
                    }
                    let mut places = count(found.texts.len(), "text", "texts");
                    if !found.comparisons.is_empty() {
                        places.push_str(" and ");
                        places.push_str(&count(
                            found.comparisons.len(),
                            "comparison",
                            "comparisons",
                        ));
                    }
                    writeln!(
                        out,
                        "  {:<16} {:<22} {} in {places}  ({})",
                        entity.id,
                        entity.name,
                        count(found.mentions, "mention", "mentions"),
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

/// `entity` as listed, with where it is mentioned.
fn listed<'a>(entity: &'a Entity, found: &'a Mentioned) -> Listed<'a> {
    let places = |places: Vec<(&'a str, usize)>| {
        places
            .into_iter()
            .map(|(id, mentions)| MentionsIn { id, mentions })
            .collect()
    };
    Listed {
        id: &entity.id,
        kind: entity.kind,
        name: &entity.name,
        variants: &entity.variants,
        russian: &entity.russian,
        about: &entity.about,
        about_source: &entity.about_source,
        wikidata: entity.wikidata.as_deref(),
        mentions: found.mentions,
        texts: places(
            found
                .texts
                .iter()
                .map(|(id, n)| (id.as_ref(), *n))
                .collect(),
        ),
        comparisons: places(
            found
                .comparisons
                .iter()
                .map(|(id, n)| (id.as_str(), *n))
                .collect(),
        ),
    }
}
