//! Reading a text file from disk for this session (`--open-file`, File ▸ Open file…).
//!
//! Opening a file is an import that is not kept: the same reader (every common encoding, HTML
//! pages, Markdown; see [`super::import`]) turns it into a text, which is shown for this
//! session only and never copied into the profile. A file in Lectern's own text format (a
//! metadata header, `---`, the body) keeps its metadata. The file is never modified.

use std::path::Path;

use super::import::{ImportError, ImportMeta, MAX_IMPORT_BYTES, id_slug, read_import_bytes};
use crate::model::header::parse_text_file;
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
        parsed.meta.id = format!("file-{}", parsed.meta.id);
        return Ok(Text::from_parsed(parsed));
    }
    let (text, _) = read_import_bytes(&bytes, path, &ImportMeta::default())?;
    let mut meta = text.meta().clone();
    meta.id = format!("file-{}", id_slug(&name));
    meta.licence = "Unknown (opened from a file for this session)".into();
    let paragraphs = (0..text.paragraphs().len()).map(|i| text.paragraph_text(i).to_owned());
    Ok(Text::new(meta, paragraphs))
}

/// A wording for a comparison from the command line (`lectern compare A B`): a file's exact
/// contents (UTF-8), or the content of a text of `library()` by its id (the library is made
/// only for an argument that is not a file).
pub fn wording(
    argument: &str,
    library: impl FnOnce() -> crate::model::library::Library,
) -> Result<crate::model::comparison::WordingInput, String> {
    use crate::model::comparison::WordingInput;
    let path = Path::new(argument);
    if path.is_file() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{argument} could not be read: {e}"))?;
        let name = path
            .file_name()
            .map_or(argument.to_owned(), |n| n.to_string_lossy().into_owned());
        return Ok(WordingInput {
            source_label: name.clone(),
            text,
            ..WordingInput::pasted(&name, "")
        });
    }
    let library = library();
    let text = library.get(argument).ok_or_else(|| {
        format!("“{argument}” is neither a file nor a bundled text id (see `lectern list`)")
    })?;
    Ok(WordingInput::from_text(text, 0..text.char_len()))
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
}
