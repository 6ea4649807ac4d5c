//! `lectern export`: the profile's notebook as Markdown, HTML, CSV or W3C JSON-LD (every kind
//! each format holds), or the whole of it as a notebook archive.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use clap::ValueEnum;

use crate::model::annotation_export::{
    AnnotationFormat, Scope, export_notebook_cited, export_notes_pdf,
};
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
    /// A PDF to print: what the Markdown export holds, on A4 pages.
    Pdf,
}

impl ExportFormat {
    /// The notebook's export format this is; none for the PDF, which is printed from the
    /// Markdown export.
    fn annotation_format(self) -> Option<AnnotationFormat> {
        Some(match self {
            ExportFormat::Md => AnnotationFormat::Markdown,
            ExportFormat::Html => AnnotationFormat::Html,
            ExportFormat::Csv => AnnotationFormat::Csv,
            ExportFormat::W3c => AnnotationFormat::W3c,
            ExportFormat::Zotero => AnnotationFormat::Zotero,
            ExportFormat::Archive => AnnotationFormat::Archive,
            ExportFormat::Pdf => return None,
        })
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
    // Each text is cited in the style the reader chose in the window.
    let style = crate::storage::reading_state::ReadingState::chosen_citation_style(&opened.profile);
    let keep =
        |a: &crate::model::annotation::Annotation| text.as_ref().is_none_or(|id| a.text_id == id);
    let (written, counts) = match format.annotation_format() {
        Some(format) => {
            let (written, counts) = export_notebook_cited(
                &opened.notebook,
                &opened.library,
                (format, style),
                scope,
                keep,
            );
            // The reader's own annotations name them as their creator, once they are a member.
            let written = match (format, crate::storage::groups::member(opened.profile.dir())) {
                (AnnotationFormat::W3c, Some(member)) => {
                    crate::model::group::export::with_creator(&written, &member)
                }
                _ => written,
            };
            (written.into_bytes(), counts)
        }
        None => export_notes_pdf(&opened.notebook, &opened.library, style, scope, keep)?,
    };
    match output {
        Some(path) => std::fs::write(path, written)
            .with_context(|| format!("{} could not be written", path.display()))?,
        None if format == ExportFormat::Pdf
            && std::io::IsTerminal::is_terminal(&std::io::stdout()) =>
        {
            anyhow::bail!(
                "a PDF is not for the terminal: give -o FILE, or send it to a file or a program"
            )
        }
        None => out.write_all(&written)?,
    }
    eprintln!("Exported {}", counts.summary());
    Ok(())
}

/// `lectern export --group NAME`: the group's layer as `format` (Markdown, HTML or W3C).
pub fn run_group(
    profile: Option<&Path>,
    group: &str,
    format: ExportFormat,
    one_text: bool,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    use crate::model::group::export::GroupFormat;
    if one_text {
        anyhow::bail!("--text and --group cannot be given together: a group is exported whole");
    }
    let format = match format {
        ExportFormat::Md => GroupFormat::Markdown,
        ExportFormat::Html => GroupFormat::Html,
        ExportFormat::W3c => GroupFormat::W3c,
        ExportFormat::Csv | ExportFormat::Zotero | ExportFormat::Archive | ExportFormat::Pdf => {
            anyhow::bail!("a group's layer is exported as md, html or w3c")
        }
    };
    let mut written = Vec::new();
    super::group::export_group(profile, group, format, &mut written)?;
    match output {
        Some(path) => std::fs::write(path, written)
            .with_context(|| format!("{} could not be written", path.display()))?,
        None => out.write_all(&written)?,
    }
    Ok(())
}
