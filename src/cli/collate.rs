//! `lectern collate`: two or more witnesses collated into one alignment, printed as a table of
//! places, an apparatus, TEI P5 parallel segmentation, or CollateX's alignment-table JSON.
//!
//! Witnesses are files (read by the import's decoder, as `lectern compare` reads them), ids of
//! texts of the library, CollateX's JSON witness input (`--json`), or the witnesses of a TEI
//! parallel-segmentation file (`--tei`), or the witnesses of a bundled comparison in one
//! language (`--comparison clause-1 --language ru`), in any mix. With `--window` the collation opens in a
//! window of its own ([`CollationWindow`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::words::one_line;

use anyhow::Context as _;
use clap::ValueEnum;
use serde::Serialize;

use super::compare::{Normalize, library_for};
use crate::formats::collatex::{self, AlignmentTable, TableToken};
use crate::formats::tei_parallel;
use crate::model::collation::apparatus::{Apparatus, Base};
use crate::model::collation::languages::{LanguageGroup, apart_note, by_language, language_name};
use crate::model::collation::measures::distance_matrix;
use crate::model::collation::tei::{from_parallel, to_parallel};
use crate::model::collation::{Collation, WitnessText, collate};
use crate::ui::collation_view::CollationWindow;

/// The formats of `lectern collate --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CollateFormat {
    /// The places, a line each: each witness's reading, `|` between them; then the moves.
    Table,
    /// The base text, then the variants at each place, as a critical edition prints them,
    /// then the distances between the witnesses.
    Apparatus,
    /// TEI P5 parallel segmentation.
    Tei,
    /// CollateX's alignment table (`{"table": [...], "witnesses": [...]}`, a row per witness,
    /// a cell per place), with the moves. Each token's `t` is as written with the white space
    /// after it and `n` without it, as CollateX writes them; `_key` is what it is compared as
    /// under `--normalize`.
    Json,
}

/// The arguments of `lectern collate`.
#[derive(Clone, Debug, clap::Args)]
pub struct CollateArgs {
    /// The witnesses: files, or text ids from `lectern list`.
    pub witnesses: Vec<String>,
    /// Witnesses in CollateX's JSON input (`{"witnesses": [{"id": …, "content": …}]}`).
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Witnesses of a TEI P5 parallel-segmentation file.
    #[arg(long, value_name = "FILE")]
    pub tei: Option<PathBuf>,
    /// The witnesses of a bundled comparison (such as clause-1), in one language.
    #[arg(long, value_name = "ID")]
    pub comparison: Option<String>,
    /// The language of the comparison's witnesses to collate (ru, en …): witnesses are
    /// collated only with witnesses in their own language.
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
    /// What to print: table (places and readings), apparatus (a base text and the
    /// variants), tei (TEI P5 parallel segmentation) or json (CollateX's alignment table).
    #[arg(long, value_enum, default_value_t = CollateFormat::Table)]
    pub format: CollateFormat,
    /// What counts as the same: wording, typography or exact (as for `compare`).
    #[arg(long, value_enum, default_value_t = Normalize::Wording)]
    pub normalize: Normalize,
    /// The apparatus's base witness (its siglum); without it, the majority reading.
    #[arg(long, value_name = "SIGLUM")]
    pub base: Option<String>,
    /// Open the collation in a window (Table, Apparatus, Overview) instead of printing it.
    #[arg(long)]
    pub window: bool,
}

impl CollateArgs {
    /// Where the witnesses come from.
    pub fn sources(&self) -> Sources<'_> {
        Sources {
            arguments: &self.witnesses,
            json: self.json.as_deref(),
            tei: self.tei.as_deref(),
            comparison: self.comparison.as_deref(),
            language: self.language.as_deref(),
        }
    }

    /// What to print, and how.
    pub fn options(&self) -> Options<'_> {
        Options {
            format: self.format,
            normalize: self.normalize,
            base: self.base.as_deref(),
        }
    }
}

/// Where the witnesses of `lectern collate` come from.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sources<'a> {
    /// Files or library ids.
    pub arguments: &'a [String],
    /// CollateX's JSON witness input.
    pub json: Option<&'a Path>,
    /// A TEI parallel-segmentation file.
    pub tei: Option<&'a Path>,
    /// A bundled comparison (its id), whose witnesses in one language are collated.
    pub comparison: Option<&'a str>,
    /// The language of the comparison's witnesses to collate (needed when they are in more
    /// than one).
    pub language: Option<&'a str>,
}

/// What `lectern collate` prints, and how.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    /// The format.
    pub format: CollateFormat,
    /// What counts as the same.
    pub normalize: Normalize,
    /// The siglum of the apparatus's base witness; none: the majority reading.
    pub base: Option<&'a str>,
}

/// A witness with what is known of it (for the TEI header).
struct Known {
    witness: WitnessText,
    description: String,
}

/// Collates the witnesses of `sources` and writes the collation to `out` as `options` say.
pub fn run(
    profile: Option<&Path>,
    sources: Sources<'_>,
    options: Options<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let normalization = options.normalize.normalization()?;
    let (known, note) = witnesses(profile, sources)?;
    if known.len() < 2 {
        anyhow::bail!(
            "a collation needs at least two witnesses; {} given (files, text ids, --json, --tei \
             or --comparison)",
            known.len()
        );
    }
    let given: Vec<WitnessText> = known.iter().map(|k| k.witness.clone()).collect();
    let collation = collate(&given, &normalization);
    let base = match options.base {
        None => Base::Majority,
        Some(siglum) => Base::Witness(collation.witness_index(siglum).with_context(|| {
            format!(
                "--base {siglum}: no witness is called that (the witnesses: {})",
                sigla(&collation)
            )
        })?),
    };
    let mut out = std::io::BufWriter::new(out);
    let said = match (&note, options.format) {
        (Some(note), CollateFormat::Table | CollateFormat::Apparatus) => writeln!(out, "{note}\n"),
        (Some(note), CollateFormat::Tei | CollateFormat::Json) => {
            writeln!(std::io::stderr(), "{note}")
        }
        (None, _) => Ok(()),
    };
    said?;
    match options.format {
        CollateFormat::Table => write_table(&collation, &mut out)?,
        CollateFormat::Apparatus => write_apparatus(&collation, base, &mut out)?,
        CollateFormat::Tei => {
            let descriptions: Vec<String> = known.into_iter().map(|k| k.description).collect();
            let made_by = format!(
                "Collated by Lectern {} (normalisation: {}).",
                crate::VERSION,
                options.normalize.name()
            );
            let document = to_parallel(
                &collation,
                base,
                &title(&collation),
                &made_by,
                &descriptions,
            );
            out.write_all(tei_parallel::write(&document).as_bytes())?;
        }
        CollateFormat::Json => {
            serde_json::to_writer(&mut out, &json(&collation)).map_err(std::io::Error::from)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Collates the witnesses of `sources` in a window of its own (the view's Table, Apparatus
/// and Overview), until it is closed.
pub fn window(
    profile: Option<&Path>,
    sources: Sources<'_>,
    normalize: Normalize,
    base: Option<&str>,
) -> anyhow::Result<()> {
    let normalization = normalize.normalization()?;
    // The window speaks the system's language, its note too (the command line's own words,
    // its errors, stay English).
    let language = crate::i18n::Language::of_locale(sys_locale::get_locale().as_deref());
    let (known, note) = crate::i18n::in_language(language, || witnesses(profile, sources))?;
    crate::i18n::set_language(language);
    if known.len() < 2 {
        anyhow::bail!(
            "a collation needs at least two witnesses; {} given",
            known.len()
        );
    }
    let (given, descriptions): (Vec<WitnessText>, Vec<String>) = known
        .into_iter()
        .map(|k| (k.witness, k.description))
        .unzip();
    let base = match base {
        None => Base::Majority,
        Some(siglum) => Base::Witness(
            given
                .iter()
                .position(|w| w.id == siglum)
                .with_context(|| format!("--base {siglum}: no witness is called that"))?,
        ),
    };
    let title = format!(
        "Collation of {} — Lectern",
        given
            .iter()
            .map(|w| w.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let viewport = egui::ViewportBuilder::default()
        .with_title(title)
        .with_app_id(crate::APP_ID)
        .with_inner_size([1200.0, 720.0]);
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let window = CollationWindow::new(given, normalization, base)
        .with_note(note)
        .with_descriptions(descriptions);
    eframe::run_native("Lectern", options, Box::new(move |_| Ok(Box::new(window))))
        .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}

/// The witnesses of `sources`, each siglum made unique (a second “draft.txt” is “draft.txt
/// (2)”), and what the reader is told of a comparison's witnesses left out (another
/// language).
fn witnesses(
    profile: Option<&Path>,
    sources: Sources<'_>,
) -> anyhow::Result<(Vec<Known>, Option<String>)> {
    let mut known = Vec::new();
    let mut note = None;
    if let Some(id) = sources.comparison {
        let (group, said) = comparison_witnesses(id, sources.language)?;
        note = Some(said);
        known.extend(group.witnesses.into_iter().zip(group.descriptions).map(
            |(witness, description)| Known {
                witness,
                description,
            },
        ));
    }
    for argument in sources.arguments {
        let wording = crate::storage::text_file::wording(argument, |id| library_for(profile, id))?;
        let description = [
            wording.label.as_str(),
            wording.author.as_str(),
            wording.date.as_str(),
            wording.source_label.as_str(),
        ]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("; ");
        known.push(Known {
            witness: WitnessText {
                id: wording.label,
                text: wording.text,
            },
            description,
        });
    }
    if let Some(path) = sources.json {
        let text = read(path)?;
        let found = collatex::read_witnesses(&text)
            .with_context(|| format!("{} could not be read", path.display()))?;
        let from = path.display().to_string();
        known.extend(found.into_iter().map(|(id, text)| Known {
            witness: WitnessText { id, text },
            description: format!("from {from}"),
        }));
    }
    if let Some(path) = sources.tei {
        let document = tei_parallel::read(&read(path)?)
            .with_context(|| format!("{} could not be read", path.display()))?;
        let descriptions: Vec<String> = document
            .witnesses
            .iter()
            .map(|w| w.description.clone())
            .collect();
        known.extend(from_parallel(&document).into_iter().zip(descriptions).map(
            |(witness, description)| Known {
                witness,
                description,
            },
        ));
    }
    unique_sigla(&mut known);
    Ok((known, note))
}

/// The witnesses in `language` of the bundled comparison `id` (the only language, when there
/// is one), and a sentence saying what is collated and which languages stand apart.
fn comparison_witnesses(
    id: &str,
    language: Option<&str>,
) -> anyhow::Result<(LanguageGroup, String)> {
    let comparisons = crate::bundled::bundled_comparisons();
    let Some(comparison) = comparisons.iter().find(|c| c.id == id) else {
        let ids: Vec<&str> = comparisons.iter().map(|c| c.id.as_str()).collect();
        anyhow::bail!(
            "no comparison is called “{id}” (the comparisons: {})",
            ids.join(", ")
        );
    };
    let mut groups = by_language(comparison);
    let apart = apart_note(&groups);
    let tags = || {
        groups
            .iter()
            .map(|g| format!("--language {}", g.language))
            .collect::<Vec<_>>()
            .join(" or ")
    };
    let index = match (language, groups.len()) {
        (Some(tag), _) => groups
            .iter()
            .position(|g| g.language == tag)
            .with_context(|| {
                format!(
                    "{}: no witness is in “{tag}”; choose {}",
                    comparison.title,
                    tags()
                )
            })?,
        (None, 1) => 0,
        (None, _) => anyhow::bail!(
            "{}: its witnesses are in more than one language. {} Choose one with {}.",
            comparison.title,
            apart.as_deref().unwrap_or_default(),
            tags()
        ),
    };
    let group = groups.swap_remove(index);
    let mut said = format!(
        "{}: the {} witnesses.",
        comparison.title,
        language_name(&group.language)
    );
    if let Some(apart) = apart {
        said = format!("{said} {apart}");
    }
    Ok((group, said))
}

/// The text of the file at `path`, through the import's decoder.
fn read(path: &Path) -> anyhow::Result<String> {
    super::must_be_a_file(path)?;
    Ok(crate::storage::text_file::read_wording(path)?.text)
}

fn unique_sigla(known: &mut [Known]) {
    for i in 1..known.len() {
        let mut n = 2;
        let original = known[i].witness.id.clone();
        while known[..i]
            .iter()
            .any(|k| k.witness.id == known[i].witness.id)
        {
            known[i].witness.id = format!("{original} ({n})");
            n += 1;
        }
    }
}

fn sigla(collation: &Collation) -> String {
    collation
        .witnesses()
        .iter()
        .map(|w| w.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn title(collation: &Collation) -> String {
    format!("A collation of {}", sigla(collation))
}

/// `--format table`.
fn write_table(collation: &Collation, out: &mut dyn Write) -> std::io::Result<()> {
    let ids: Vec<&str> = collation
        .witnesses()
        .iter()
        .map(|w| w.id.as_str())
        .collect();
    writeln!(out, "place | {}", ids.join(" | "))?;
    for (p, place) in collation.places().iter().enumerate() {
        let mark = if place.is_variant() { '≠' } else { '=' };
        let cells: Vec<String> = (0..ids.len())
            .map(|w| match one_line(collation.reading_text(p, w)) {
                text if text.is_empty() => "–".to_owned(),
                text => text,
            })
            .collect();
        writeln!(out, "{} {mark} | {}", p + 1, cells.join(" | "))?;
    }
    write_moves(collation, out)
}

fn write_moves(collation: &Collation, out: &mut dyn Write) -> std::io::Result<()> {
    for m in collation.moves() {
        let witness = &collation.witnesses()[m.witness];
        let readers: Vec<&str> = m
            .read_there_by
            .iter()
            .map(|&w| collation.witnesses()[w].id.as_str())
            .collect();
        writeln!(
            out,
            "moved: {} reads “{}” at place {}, where {} read it at place {}",
            witness.id,
            one_line(witness.shown(m.tokens.clone())),
            collation.place_of_column(m.to.start) + 1,
            readers.join(" "),
            collation.place_of_column(m.from.start) + 1,
        )?;
    }
    Ok(())
}

/// `--format apparatus`.
fn write_apparatus(collation: &Collation, base: Base, out: &mut dyn Write) -> std::io::Result<()> {
    let apparatus = Apparatus::of(collation, base);
    let base_name = match base {
        Base::Witness(w) => collation.witnesses()[w].id.clone(),
        Base::Majority => "the majority reading at each place".to_owned(),
    };
    writeln!(out, "Base: {base_name}\n")?;
    writeln!(out, "{}\n", apparatus.marked_base_text())?;
    for line in apparatus.numbered_lines(collation) {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "\nDistances (share of places where each pair differs):"
    )?;
    let matrix = distance_matrix(collation);
    let ids: Vec<&str> = collation
        .witnesses()
        .iter()
        .map(|w| w.id.as_str())
        .collect();
    let width = ids
        .iter()
        .map(|id| id.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    writeln!(
        out,
        "{:width$} {}",
        "",
        ids.iter()
            .map(|id| format!("{id:>width$}"))
            .collect::<Vec<_>>()
            .join(" ")
    )?;
    for (a, row) in matrix.iter().enumerate() {
        let cells: Vec<String> = row.iter().map(|d| format!("{d:>width$.3}")).collect();
        writeln!(out, "{:width$} {}", ids[a], cells.join(" "))?;
    }
    Ok(())
}

/// CollateX's alignment table with the moves (`--format json`).
#[derive(Serialize)]
struct TableJson {
    #[serde(flatten)]
    table: AlignmentTable,
    transpositions: Vec<MoveJson>,
}

/// A move: the witness, what it reads, and the places (columns of the table, from 0).
#[derive(Serialize)]
struct MoveJson {
    witness: String,
    text: String,
    from: usize,
    to: usize,
    read_there_by: Vec<String>,
}

fn json(collation: &Collation) -> TableJson {
    let witnesses = collation.witnesses();
    // Where each witness's tokens start in the token array of all of them (CollateX counts
    // one place between two witnesses).
    let starts: Vec<usize> = witnesses
        .iter()
        .scan(0, |next, witness| {
            let start = *next;
            *next += witness.tokens.len() + 1;
            Some(start)
        })
        .collect();
    let table = witnesses
        .iter()
        .enumerate()
        .map(|(w, witness)| {
            collation
                .places()
                .iter()
                .map(|place| {
                    let tokens = place.cells[w].clone();
                    (!tokens.is_empty()).then(|| {
                        tokens
                            .map(|t| TableToken {
                                sigil: witness.id.clone(),
                                position: starts[w] + t,
                                n: witness.shown(t..t + 1).to_owned(),
                                t: witness.spanned(t..t + 1).to_owned(),
                                key: Some(witness.tokens[t].key.clone()),
                            })
                            .collect()
                    })
                })
                .collect()
        })
        .collect();
    let transpositions = collation
        .moves()
        .iter()
        .map(|m| MoveJson {
            witness: witnesses[m.witness].id.clone(),
            text: one_line(witnesses[m.witness].shown(m.tokens.clone())),
            from: collation.place_of_column(m.from.start),
            to: collation.place_of_column(m.to.start),
            read_there_by: m
                .read_there_by
                .iter()
                .map(|&w| witnesses[w].id.clone())
                .collect(),
        })
        .collect();
    TableJson {
        table: AlignmentTable {
            table,
            witnesses: witnesses.iter().map(|w| w.id.clone()).collect(),
        },
        transpositions,
    }
}

#[cfg(test)]
mod tests;
