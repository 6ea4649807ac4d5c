//! `lectern export`: the profile's notebook as Markdown, HTML, CSV or W3C JSON-LD (every kind
//! each format holds), or the whole of it as a notebook archive.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use clap::ValueEnum;

use crate::model::annotation_export::{AnnotationFormat, Scope, export_notebook};
use crate::storage::open::Access;

/// The formats of `lectern export --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown.
    Md,
    /// A self-contained HTML page.
    Html,
    /// CSV, a row each.
    Csv,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// Markdown notes in the style of Zotero's notes from annotations (quote, short citation
    /// with its page, note).
    Zotero,
    /// The whole notebook, every kind and the Trash, in one file to move or hand over
    /// (`lectern import-annotations` reads it back).
    Archive,
}

impl From<ExportFormat> for AnnotationFormat {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Md => Self::Markdown,
            ExportFormat::Html => Self::Html,
            ExportFormat::Csv => Self::Csv,
            ExportFormat::W3c => Self::W3c,
            ExportFormat::Zotero => Self::Zotero,
            ExportFormat::Archive => Self::Archive,
        }
    }
}

/// Exports the notebook of `profile` as `format` (only the annotations of the text `text`, if
/// given), to the file `output` or else to `out`, and says on standard error what it holds.
pub fn run(
    profile: Option<&Path>,
    format: ExportFormat,
    text: Option<&str>,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let opened = super::open(profile, Access::Read)?;
    let text = match text {
        Some(id) => Some(
            crate::storage::text_file::text_by_id(&opened.library, id)
                .map_err(anyhow::Error::msg)?
                .id()
                .to_owned(),
        ),
        None => None,
    };
    if text.is_some() && format == ExportFormat::Archive {
        anyhow::bail!(
            "the archive is the whole notebook, never one text's part: leave out --text, or \
             choose another format"
        );
    }
    let scope = if text.is_some() {
        Scope::Annotations
    } else {
        Scope::Notebook
    };
    let (written, counts) = export_notebook(
        &opened.notebook,
        &opened.library,
        format.into(),
        scope,
        |a| text.as_ref().is_none_or(|id| a.text_id == id),
    );
    match output {
        Some(path) => std::fs::write(path, written)
            .with_context(|| format!("{} could not be written", path.display()))?,
        None => out.write_all(written.as_bytes())?,
    }
    eprintln!("Exported {}", counts.summary());
    Ok(())
}
