//! Reading a text file from disk for this session (`--open-file`, File ▸ Open file…).
//!
//! A file in Lectern's own text format (a metadata header, `---`, the body) keeps its metadata;
//! any other UTF-8 file is read as plain text, split into paragraphs at blank lines and titled
//! by its file name. The file is never modified. (Importing a file into the library, with
//! encoding detection and a copy in the profile, is a separate, later feature.)

use std::path::Path;

use crate::model::header::{TextMeta, parse_text_file, split_paragraphs};
use crate::model::text::Text;

/// Files larger than this are refused rather than read into memory.
pub const MAX_TEXT_FILE_BYTES: u64 = 200 * 1024 * 1024;

/// Why a file could not be opened as a text.
#[derive(Debug, thiserror::Error)]
pub enum TextFileError {
    /// The file could not be read.
    #[error("{path} could not be read: {source}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{path} is not UTF-8 text (binary, or another encoding); nothing was opened")]
    NotUtf8 {
        /// The file.
        path: String,
    },
    /// The file holds no text.
    #[error("{path} holds no text; nothing was opened")]
    Empty {
        /// The file.
        path: String,
    },
    /// The file is too large.
    #[error("{path} is {size} bytes, more than the {max} bytes Lectern opens; nothing was opened")]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        max: u64,
    },
}

/// Reads `path` as a text (see the module docs). Its id is `file-` followed by the header's id
/// or the file name, so it cannot clash with a bundled text.
pub fn read_text_file(path: &Path) -> Result<Text, TextFileError> {
    let shown = path.display().to_string();
    let io = |source| TextFileError::Io {
        path: shown.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_TEXT_FILE_BYTES {
        return Err(TextFileError::TooLarge {
            path: shown,
            size,
            max: MAX_TEXT_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let Ok(contents) = String::from_utf8(bytes) else {
        return Err(TextFileError::NotUtf8 { path: shown });
    };
    if contents.contains('\0') {
        return Err(TextFileError::NotUtf8 { path: shown });
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    if let Ok(mut parsed) = parse_text_file(&name, &contents) {
        parsed.meta.id = format!("file-{}", parsed.meta.id);
        return Ok(Text::from_parsed(parsed));
    }
    let paragraphs = split_paragraphs(contents.strip_prefix('\u{feff}').unwrap_or(&contents));
    if paragraphs.is_empty() {
        return Err(TextFileError::Empty { path: shown });
    }
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let meta = TextMeta {
        id: format!("file-{slug}"),
        title: name,
        author: "Unknown".into(),
        date: "0000".into(),
        language: "und".into(),
        source: shown,
        licence: "Unknown (opened from a file for this session)".into(),
        ..TextMeta::default()
    };
    Ok(Text::new(meta, paragraphs))
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
        assert_eq!(text.meta().title, "Notes on Clause 1.txt");
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
    fn bad_files_are_refused_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let binary = dir.path().join("image.png");
        std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0xff, 0xfe]).unwrap();
        assert!(matches!(
            read_text_file(&binary),
            Err(TextFileError::NotUtf8 { .. })
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
