//! Reading a text file from disk for this session (`--open-file`, File ▸ Open file…).
//!
//! Opening a file is an import that is not kept: the same reader (every common encoding, HTML
//! pages, Markdown; see [`super::import`]) turns it into a text, which is shown for this
//! session only and never copied into the profile. A file in Lectern's own text format (a
//! metadata header, `---`, the body) keeps its metadata. The file is never modified.

use std::path::Path;

use super::import::{ImportError, ImportMeta, MAX_IMPORT_BYTES, id_slug, read_import_bytes};
use crate::formats::text_format::parse_text_file;
use crate::model::text::Text;

/// Why a file could not be opened as a text: the import's reasons.
pub type TextFileError = ImportError;

/// Reads `path` as a text for this session (see the module docs). Its id is `file-` followed by
/// the header's id or the file name, so it cannot clash with a bundled or imported text.
pub fn read_text_file(path: &Path) -> Result<Text, TextFileError> {
    let shown = path.display().to_string();
    let io = |source| ImportError::Io {
        path: shown.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            path: shown,
            size,
            max: MAX_IMPORT_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    if let Ok(contents) = std::str::from_utf8(&bytes)
        && let Ok(mut parsed) = parse_text_file(&name, contents)
    {
        parsed.meta.id = format!("file-{}", parsed.meta.id).into();
        return Ok(Text::from_parsed(parsed));
    }
    let (text, _) = read_import_bytes(&bytes, path, &ImportMeta::default())?;
    let mut meta = text.meta().clone();
    meta.id = format!("file-{}", id_slug(&name)).into();
    meta.licence = "Unknown (opened from a file for this session)".into();
    let paragraphs = (0..text.paragraphs().len()).map(|i| text.paragraph_text(i).to_owned());
    Ok(Text::new(meta, paragraphs))
}

/// The title and witnesses of a TEI P5 parallel-segmentation collation (`<app>`, `<rdg
/// wit="…">`), when `path` is one: `None` for any other file (a text, to be read as one), and
/// why not for a TEI collation that cannot be read (the witnesses `lectern collate --tei`
/// reads too).
pub fn read_collation_file(
    path: &Path,
) -> Option<Result<(String, Vec<crate::model::collation::WitnessText>), String>> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    if !matches!(extension.as_str(), "xml" | "tei") {
        return None;
    }
    let size = std::fs::metadata(path).ok()?.len();
    if size > MAX_IMPORT_BYTES {
        return None;
    }
    let xml = std::fs::read_to_string(path).ok()?;
    if !(xml.contains("<TEI") && xml.contains("<app")) {
        return None;
    }
    Some(match crate::formats::tei_parallel::read(&xml) {
        Ok(document) => {
            let witnesses = crate::model::collation::tei::from_parallel(&document);
            if witnesses.len() < 2 {
                Err(format!(
                    "{} is a TEI collation of {} witness(es); a collation needs two or more",
                    path.display(),
                    witnesses.len()
                ))
            } else {
                Ok((document.title, witnesses))
            }
        }
        Err(e) => Err(format!(
            "{} looks like a TEI collation but could not be read: {e}",
            path.display()
        )),
    })
}

/// What an argument naming a text is: a file if there is one at that path, else the id of a
/// text of the library. The one rule of every command and of the window's hand-over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Argument<'a> {
    /// A file to read (through the import's decoder).
    File(&'a Path),
    /// The id of a text, as `lectern list` prints it.
    Id(&'a str),
}

impl<'a> Argument<'a> {
    /// What `argument` names.
    pub fn of(argument: &'a str) -> Self {
        let path = Path::new(argument);
        if path.is_file() {
            Self::File(path)
        } else {
            Self::Id(argument)
        }
    }
}

/// Why an argument names no text.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    /// It is a file that could not be read as text.
    #[error(transparent)]
    File(#[from] ImportError),
    /// It is neither a file nor a text of the library.
    #[error(
        "“{0}” is neither a file nor a bundled text id, nor the id of a text imported into the profile (`lectern list` shows them)"
    )]
    Unknown(String),
    /// It looks like a path, but there is no file there (nor a text with that id).
    #[error(
        "{0} could not be read: there is no such file (nor a text with that id: `lectern list` shows them)"
    )]
    NoSuchFile(String),
    /// There is no text of the library with this id.
    #[error("there is no text with the id “{0}” (`lectern list` shows them)")]
    NoSuchText(String),
    /// It is a path to something that is not a file (a folder, a pipe, a device).
    #[error("{0} could not be read: it is not a file")]
    NotAFile(String),
}

/// The text of `library` with the id `id`, or why there is none.
pub fn text_by_id<'a>(
    library: &'a crate::model::library::Library,
    id: &str,
) -> Result<&'a std::sync::Arc<Text>, ResolveError> {
    library.get(id).ok_or_else(|| {
        if Path::new(id).exists() {
            ResolveError::NotAFile(id.to_owned())
        } else {
            ResolveError::NoSuchText(id.to_owned())
        }
    })
}

/// A file's text for a comparison: decoded as an import decodes it (any common encoding), but
/// exactly as the file has it (see [`super::import::decode_exact`]), labelled by the file's
/// name.
pub fn read_wording(path: &Path) -> Result<crate::model::comparison::WordingInput, ImportError> {
    use crate::model::comparison::WordingInput;
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: shown.clone(),
        source,
    })?;
    let text = super::import::decode_exact(bytes, &shown)?.text;
    let name = path
        .file_name()
        .map_or(shown, |n| n.to_string_lossy().into_owned());
    Ok(WordingInput {
        source_label: name.clone(),
        text,
        ..WordingInput::pasted(&name, "")
    })
}

/// A wording for a comparison (`lectern compare A B`, its hand-over to the window): a file's
/// text (see [`read_wording`]), or the content of the text of the library with that id. The
/// library is asked for (`library`) only for an argument that is not a file.
pub fn wording<L: std::borrow::Borrow<crate::model::library::Library>>(
    argument: &str,
    library: impl FnOnce(&str) -> L,
) -> Result<crate::model::comparison::WordingInput, ResolveError> {
    use crate::model::comparison::WordingInput;
    match Argument::of(argument) {
        Argument::File(path) => Ok(read_wording(path)?),
        Argument::Id(id) => {
            let library = library(id);
            let text = text_by_id(library.borrow(), id).map_err(|e| match e {
                // An argument of a comparison may be either: it is neither.
                ResolveError::NoSuchText(id) if id.contains(['/', '\\', '.']) => {
                    ResolveError::NoSuchFile(id)
                }
                ResolveError::NoSuchText(id) => ResolveError::Unknown(id),
                other => other,
            })?;
            Ok(WordingInput::from_text(text, (0..text.char_len()).into()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_file_becomes_paragraphs_titled_by_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Notes on Clause 1.txt");
        std::fs::write(
            &path,
            "\u{feff}First line\nsame paragraph  \n\n\nSecond ერთობა\n",
        )
        .unwrap();
        let text = read_text_file(&path).unwrap();
        assert_eq!(text.id(), "file-notes-on-clause-1-txt");
        assert_eq!(text.meta().title, "Notes on Clause 1");
        assert_eq!(
            text.content(),
            "First line\nsame paragraph\n\nSecond ერთობა"
        );
    }

    #[test]
    fn a_file_with_a_header_keeps_its_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.txt");
        std::fs::write(
            &path,
            "id: draft\ntitle: Draft\nauthor: A\ndate: 1922\nlanguage: ru\nsource: s\nlicence: l\n---\nТекст\n",
        )
        .unwrap();
        let text = read_text_file(&path).unwrap();
        assert_eq!(text.id(), "file-draft");
        assert_eq!(text.meta().language, "ru");
        assert_eq!(text.content(), "Текст");
    }

    #[test]
    fn a_file_in_a_legacy_encoding_opens_as_an_import_would_read_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("проект.txt");
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("О формальном вступлении независимых республик в состав РСФСР.");
        std::fs::write(&path, &bytes).unwrap();
        let text = read_text_file(&path).unwrap();
        assert!(text.content().starts_with("О формальном вступлении"));
        assert!(
            text.id().starts_with("file-") && text.id().len() > 5,
            "{}",
            text.id()
        );
        assert!(
            text.meta().source.contains("windows-1251"),
            "{}",
            text.meta().source
        );
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let binary = dir.path().join("image.png");
        std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0xff, 0xfe]).unwrap();
        assert!(matches!(
            read_text_file(&binary),
            Err(TextFileError::Binary { .. })
        ));
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "\n \n").unwrap();
        assert!(matches!(
            read_text_file(&empty),
            Err(TextFileError::Empty { .. })
        ));
        let missing = dir.path().join("missing.txt");
        let err = read_text_file(&missing).unwrap_err();
        assert!(err.to_string().contains("missing.txt"), "{err}");
    }

    #[test]
    fn a_tei_collation_is_read_as_its_witnesses_and_anything_else_is_left_to_the_text_reader() {
        use crate::model::collation::{WitnessText, collate, tei::to_parallel};
        let dir = tempfile::tempdir().unwrap();
        let witnesses = [
            ("A", "the union of republics"),
            ("B", "a union of the republics"),
        ]
        .map(|(id, text)| WitnessText {
            id: id.into(),
            text: text.into(),
        });
        let collation = collate(&witnesses, &crate::model::diff::Normalization::wording());
        let base = crate::model::collation::Base::Majority;
        let xml = crate::formats::tei_parallel::write(&to_parallel(
            &collation,
            base,
            "Two drafts",
            "L",
            &[],
        ));
        let file = dir.path().join("drafts.xml");
        std::fs::write(&file, &xml).unwrap();
        let (title, read) = read_collation_file(&file).unwrap().unwrap();
        assert_eq!(title, "Two drafts");
        assert_eq!(read, witnesses);

        // Not a TEI collation: a text (read as one), whatever its name.
        let page = dir.path().join("page.xml");
        std::fs::write(&page, "<html><body><p>the union</p></body></html>").unwrap();
        assert!(read_collation_file(&page).is_none());
        let text = dir.path().join("drafts.txt");
        std::fs::write(&text, &xml).unwrap();
        assert!(read_collation_file(&text).is_none(), "by its name only");

        // A damaged collation, or one of a single witness, is refused with a reason.
        let damaged = dir.path().join("damaged.xml");
        std::fs::write(&damaged, &xml[..xml.len() - 20]).unwrap();
        let why = read_collation_file(&damaged).unwrap().unwrap_err();
        assert!(why.contains("could not be read"), "{why}");
        let one = dir.path().join("one.tei");
        let single = r##"<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>One</title></titleStmt><sourceDesc><listWit><witness xml:id="wA" n="A"/></listWit></sourceDesc></fileDesc></teiHeader><text><body><p>the <app><lem wit="#wA">union</lem></app> of republics</p></body></text></TEI>"##;
        std::fs::write(&one, single).unwrap();
        match read_collation_file(&one) {
            Some(Err(why)) => assert!(why.contains("1 witness(es)"), "{why}"),
            other => panic!("a single witness is no collation: {other:?}"),
        }
    }
}
