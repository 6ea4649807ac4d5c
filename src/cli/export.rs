//! `lectern export`: the profile's annotations as Markdown, HTML, CSV or W3C JSON-LD.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use clap::ValueEnum;

use crate::model::annotation_export::{AnnotationFormat, export_notebook};
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
}

impl From<ExportFormat> for AnnotationFormat {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Md => Self::Markdown,
            ExportFormat::Html => Self::Html,
            ExportFormat::Csv => Self::Csv,
            ExportFormat::W3c => Self::W3c,
        }
    }
}

/// Exports the annotations of `profile` (only those of the text `text`, if given) as `format`,
/// to the file `output` or else to `out`.
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
    let (written, count) = export_notebook(&opened.notebook, &opened.library, format.into(), |a| {
        text.as_ref().is_none_or(|id| &a.text_id == id)
    });
    match output {
        Some(path) => std::fs::write(path, written)
            .with_context(|| format!("{} could not be written", path.display()))?,
        None => out.write_all(written.as_bytes())?,
    }
    eprintln!(
        "{} exported",
        crate::model::markup::count(count, "annotation", "annotations")
    );
    Ok(())
}
