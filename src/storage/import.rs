//! Import of the reader's own texts into the profile (`texts/` in the profile folder).
//!
//! The file is read once and never modified: its encoding is detected (a byte-order mark, else
//! UTF-8 if the bytes are valid UTF-8, else `chardetng`'s guess among the legacy encodings, such
//! as Windows-1251 and KOI8-R), decoded with `encoding_rs`, line endings made `\n`, Unicode
//! normalised to NFC, and paragraphs kept. Markdown loses its heading marks; an HTML page (by
//! its name or its first tag) is read for its text by [`crate::formats::html`], its declared encoding
//! trusted over a guess. The copy in the profile is a Lectern text file (a
//! metadata header, then the body), loaded into the library at every start.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::StorageError;
use super::atomic::write_atomic;
use super::profile::Profile;
use super::{epub, guess};
use crate::formats::html;
use crate::formats::text_format::{
    PageMark, PartMark, TextMeta, parse_text_file, split_paragraphs,
};
use crate::model::text::Text;

/// Files larger than this are refused.
pub const MAX_IMPORT_BYTES: u64 = 200 * 1024 * 1024;

/// The folder of imported texts in the profile.
pub const TEXTS_DIR: &str = "texts";

/// Why a file could not be imported. Nothing is changed when one of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read (or has vanished).
    #[error("{path} could not be read: {source}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The file is empty or only white space.
    #[error("{path} holds no text; nothing was imported")]
    Empty {
        /// The file.
        path: String,
    },
    /// The file is not text.
    #[error("{path} looks like a binary file, not text; nothing was imported")]
    Binary {
        /// The file.
        path: String,
    },
    /// The bytes do not decode in the encoding the file declares.
    #[error("{path} is not valid {encoding} text; nothing was imported")]
    Undecodable {
        /// The file.
        path: String,
        /// The encoding tried.
        encoding: &'static str,
    },
    /// The file is too large.
    #[error(
        "{path} is {size} bytes, more than the {max} bytes Lectern imports; nothing was imported"
    )]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// The file is an EPUB that cannot be read.
    #[error("{path} is an EPUB Lectern cannot read: {reason}; nothing was imported")]
    Epub {
        /// The file.
        path: String,
        /// Why.
        reason: super::epub::EpubError,
    },
    /// The file is a PDF that cannot be imported.
    #[error("{}", crate::i18n::in_language(crate::i18n::Language::English, || self.told()))]
    Pdf {
        /// The file.
        path: String,
        /// Why.
        reason: crate::formats::pdf::PdfError,
    },
    /// The copy could not be written to the profile.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl ImportError {
    /// The error in a sentence in the interface's language, for the window (the command line
    /// prints the English of `Display`).
    pub fn told(&self) -> String {
        match self {
            Self::Io { path, source } => {
                crate::tr!(
                    "model-import-io",
                    path = path.as_str(),
                    error = source.to_string()
                )
            }
            Self::Empty { path } => crate::tr!("model-import-empty", path = path.as_str()),
            Self::Binary { path } => crate::tr!("model-import-binary", path = path.as_str()),
            Self::Undecodable { path, encoding } => crate::tr!(
                "model-import-undecodable",
                path = path.as_str(),
                encoding = *encoding
            ),
            Self::TooLarge { path, size, max } => crate::tr!(
                "model-import-too-large",
                path = path.as_str(),
                size = *size,
                max = *max
            ),
            Self::Epub { path, reason } => crate::tr!(
                "model-import-epub",
                path = path.as_str(),
                reason = reason.to_string()
            ),
            Self::Pdf { path, reason } => {
                use crate::formats::pdf::PdfError;
                let path = path.as_str();
                match reason {
                    PdfError::Encrypted => crate::tr!("model-import-pdf-encrypted", path = path),
                    PdfError::NoTextLayer { pages } => {
                        crate::tr!("model-import-pdf-scanned", path = path, pages = *pages)
                    }
                    PdfError::Broken(why) => {
                        crate::tr!(
                            "model-import-pdf-broken",
                            path = path,
                            reason = why.as_str()
                        )
                    }
                    PdfError::Bomb(why) => {
                        crate::tr!("model-import-pdf-bomb", path = path, reason = why.as_str())
                    }
                    PdfError::TooManyPages { pages, max } => crate::tr!(
                        "model-import-pdf-too-many-pages",
                        path = path,
                        pages = *pages,
                        max = *max
                    ),
                }
            }
            Self::Storage(e) => crate::tr!("model-import-storage", error = e.to_string()),
        }
    }
}

/// Decoded text and the name of the encoding it was in.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text: line endings `\n`, NFC (as the file has it, when read by [`decode_exact`]).
    pub text: String,
    /// The encoding's WHATWG name ("UTF-8", "windows-1251", "KOI8-R", "UTF-16LE" …).
    pub encoding: &'static str,
}

/// What a byte slice is as text; `path` only names it in errors.
pub fn decode(bytes: &[u8], path: &str) -> Result<Decoded, ImportError> {
    decode_declared(bytes, path, None)
}

/// The encoding of `bytes` and the length of its byte-order mark: the mark's encoding, else
/// UTF-8 when the bytes are valid UTF-8, else the encoding the file `declared`, else
/// `chardetng`'s guess. A file with a NUL byte near its start is binary.
fn detect(
    bytes: &[u8],
    path: &str,
    declared: Option<&'static encoding_rs::Encoding>,
) -> Result<(&'static encoding_rs::Encoding, usize), ImportError> {
    if let Some(found) = encoding_rs::Encoding::for_bom(bytes) {
        return Ok(found);
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(ImportError::Binary {
            path: path.to_owned(),
        });
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok((encoding_rs::UTF_8, 0));
    }
    if let Some(declared) = declared {
        return Ok((declared, 0));
    }
    Ok((guess(bytes), 0))
}

/// `chardetng`'s guess at the legacy encoding of `bytes`.
fn guess(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

/// [`decode`], trusting the encoding the file `declared` (an HTML page's `<meta charset>`)
/// over a guess when the bytes have no byte-order mark and are not UTF-8.
pub fn decode_declared(
    bytes: &[u8],
    path: &str,
    declared: Option<&'static encoding_rs::Encoding>,
) -> Result<Decoded, ImportError> {
    let shown = || path.to_owned();
    let (encoding, bom) = detect(bytes, path, declared)?;
    let (mut decoded, mut had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
    let mut encoding = encoding;
    if had_errors && bom == 0 && declared == Some(encoding) {
        // The page's declaration is wrong (it happens): the bytes are guessed as any file's.
        encoding = guess(bytes);
        (decoded, had_errors) = encoding.decode_without_bom_handling(bytes);
    }
    if had_errors {
        return Err(ImportError::Undecodable {
            path: shown(),
            encoding: encoding.name(),
        });
    }
    if decoded.contains('\0') {
        return Err(ImportError::Binary { path: shown() });
    }
    let text = nfc_lines(&decoded);
    if text.trim().is_empty() {
        return Err(ImportError::Empty { path: shown() });
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

/// What `bytes` say, decoded as [`decode`] decodes them (the encoding found the same way) but
/// not normalised: line endings and Unicode forms stay as the file has them, so that
/// character ranges into the text are ranges into the file's text (a comparison's
/// operations). A byte-order mark is dropped; an empty file is an empty text. Valid UTF-8, the
/// usual case, is taken as it is, without a copy.
pub fn decode_exact(bytes: Vec<u8>, path: &str) -> Result<Decoded, ImportError> {
    let shown = || path.to_owned();
    let no_bom = encoding_rs::Encoding::for_bom(&bytes).is_none();
    // Valid UTF-8 is checked once, and kept.
    let bytes = if no_bom && !bytes.iter().take(8192).any(|&b| b == 0) {
        match String::from_utf8(bytes) {
            Ok(text) => return exact(text, encoding_rs::UTF_8, path),
            Err(e) => e.into_bytes(),
        }
    } else {
        bytes
    };
    let (encoding, bom) = detect(&bytes, path, None)?;
    let (decoded, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
    if had_errors {
        return Err(ImportError::Undecodable {
            path: shown(),
            encoding: encoding.name(),
        });
    }
    exact(decoded.into_owned(), encoding, path)
}

/// `text` decoded from `encoding`, unless it holds a NUL (a binary file).
fn exact(
    text: String,
    encoding: &'static encoding_rs::Encoding,
    path: &str,
) -> Result<Decoded, ImportError> {
    let shown = || path.to_owned();
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Err(ImportError::Binary { path: shown() });
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

/// `text` with `\n` line endings, in Unicode's composed form (NFC). Most texts already are:
/// they are checked, quickly, and copied only when they are not.
fn nfc_lines(text: &str) -> String {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    let text = if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.into_owned(),
        _ => text.nfc().collect(),
    }
}

/// What the reader says of the text (empty fields are filled from the file).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ImportMeta {
    /// Title.
    pub title: String,
    /// Author.
    pub author: String,
    /// Date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub date: String,
    /// Language tag.
    pub language: String,
    /// Where the text comes from.
    pub source: String,
    /// Its translators, for a translation.
    pub translator: String,
    /// Where it is printed: "Collected Works, vol. 42, pp. 421–423".
    pub reference: String,
    /// Its address on the web.
    pub url: String,
}

impl ImportMeta {
    /// Fills the blank fields from a reference the reader gives (Zotero's "Export item" as
    /// CSL-JSON, or a BibTeX entry): title, authors, date, language, translators, where it is
    /// printed and its address. What the reader typed stands.
    pub fn fill_from(&mut self, reference: &crate::formats::references::Reference) {
        self.set_from(reference, false);
    }

    /// Sets every field the reference has a value for, over what was there (the import
    /// window's "Fill from the reference", which the reader asks for after seeing the fields);
    /// a field the reference lacks keeps its value.
    pub fn take_from(&mut self, reference: &crate::formats::references::Reference) {
        self.set_from(reference, true);
    }

    fn set_from(&mut self, reference: &crate::formats::references::Reference, overwrite: bool) {
        let fill = |field: &mut String, value: Option<String>| {
            if (overwrite || field.trim().is_empty())
                && let Some(value) = value
            {
                *field = value;
            }
        };
        fill(
            &mut self.title,
            Some(reference.title.clone()).filter(|t| !t.is_empty()),
        );
        fill(&mut self.author, reference.authors_written());
        fill(
            &mut self.date,
            reference
                .sortable_date()
                .filter(|d| crate::formats::text_format::is_valid_date(d)),
        );
        fill(
            &mut self.language,
            reference
                .language
                .as_deref()
                .and_then(crate::formats::references::primary_language),
        );
        fill(&mut self.translator, reference.translators_written());
        fill(&mut self.reference, reference.printed());
        fill(&mut self.url, reference.url.clone());
    }
}

/// A guess at the language from the letters used: Russian for Cyrillic, Georgian, else
/// English.
fn guess_language(text: &str) -> &'static str {
    let (mut cyrillic, mut georgian, mut latin) = (0, 0, 0);
    for ch in text.chars().take(20_000) {
        match ch {
            'Ѐ'..='ӿ' => cyrillic += 1,
            'Ⴀ'..='ჿ' | 'Ა'..='Ჿ' => georgian += 1,
            'A'..='Z' | 'a'..='z' => latin += 1,
            _ => {}
        }
    }
    if georgian > cyrillic && georgian > latin {
        "ka"
    } else if cyrillic > latin {
        "ru"
    } else {
        "en"
    }
}

/// An id from a file name: ASCII letters and digits with dashes (ids are ASCII everywhere);
/// a name with none (e.g. all Cyrillic) gets a short hash of itself instead.
pub(crate) fn id_slug(name: &str) -> String {
    let slug = crate::model::text::slug(name, |c| c.is_ascii_alphanumeric());
    if slug.is_empty() {
        crate::model::text::content_hash(name)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(12)
            .collect::<String>()
            .to_lowercase()
    } else {
        slug
    }
}

/// The body of a Markdown file as paragraphs: heading marks taken off, the rest kept.
fn markdown_body(text: &str) -> String {
    text.lines()
        .map(|line| {
            let trimmed = line.trim_start();
            let hashes = trimmed.chars().take_while(|&c| c == '#').count();
            if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
                trimmed[hashes..].trim_start()
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads `path` as a text to import: decoded, normalised, split into paragraphs, with the
/// reader's metadata (blank fields filled from the file), and the name of its encoding ("EPUB"
/// for a book, whose chapters are Unicode). Writes nothing.
pub fn read_import(path: &Path, meta: &ImportMeta) -> Result<(Text, &'static str), ImportError> {
    read_import_limited(path, meta, MAX_IMPORT_BYTES)
}

/// [`read_import`] with another size limit.
pub fn read_import_limited(
    path: &Path,
    meta: &ImportMeta,
    max: u64,
) -> Result<(Text, &'static str), ImportError> {
    read_import_with_progress(path, meta, max, &|_| {})
}

/// How far the reading of a file to import has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadProgress {
    /// Bytes of the file read, of its size.
    Bytes(u64, u64),
    /// Pages of a PDF read, of its pages.
    Pages(usize, usize),
}

/// [`read_import`], calling `progress` as the file is read (and, for a PDF, as its pages are).
pub fn read_import_with_progress(
    path: &Path,
    meta: &ImportMeta,
    max: u64,
    progress: &dyn Fn(ReadProgress),
) -> Result<(Text, &'static str), ImportError> {
    let shown = path.display().to_string();
    let io = |source| ImportError::Io {
        path: shown.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > max {
        return Err(ImportError::TooLarge {
            path: shown,
            size,
            max,
        });
    }
    let bytes = {
        use std::io::Read;
        let mut file = std::fs::File::open(path).map_err(io)?;
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        let mut chunk = vec![0u8; 4 << 20];
        loop {
            let read = file.read(&mut chunk).map_err(io)?;
            if read == 0 {
                break;
            }
            bytes.extend_from_slice(&chunk[..read]);
            progress(ReadProgress::Bytes(bytes.len() as u64, size));
        }
        bytes
    };
    if crate::formats::pdf::is_pdf(path, &bytes) {
        return read_pdf(&bytes, path, meta, &|done, all| {
            progress(ReadProgress::Pages(done, all));
        });
    }
    read_import_bytes(&bytes, path, meta)
}

/// Reads the `bytes` of the file `path` (which is not read: its name and extension only say
/// what kind of file it is) as a text to import; see [`read_import`].
pub fn read_import_bytes(
    bytes: &[u8],
    path: &Path,
    meta: &ImportMeta,
) -> Result<(Text, &'static str), ImportError> {
    let shown = path.display().to_string();
    if epub::is_epub(path, bytes) {
        return read_book(bytes, path, meta);
    }
    if crate::formats::pdf::is_pdf(path, bytes) {
        return read_pdf(bytes, path, meta, &|_, _| {});
    }
    let prefix = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    let html_named = html::is_html_name(path);
    let declared = (html_named || html::looks_like_html(&prefix))
        .then(|| html::declared_encoding(bytes))
        .flatten();
    let decoded = decode_declared(bytes, &shown, declared)?;
    let name = file_stem(path);
    let markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    let page = (!markdown && (html_named || html::looks_like_html(&decoded.text))).then(|| {
        if html::looks_like_xhtml(&decoded.text) {
            html::xhtml_text(&decoded.text)
        } else {
            html::html_text(&decoded.text)
        }
    });
    let first_heading = match &page {
        Some(page) => page.title.clone(),
        None => decoded
            .text
            .lines()
            .find_map(|l| l.strip_prefix("# ").map(str::trim).map(str::to_owned))
            .filter(|_| markdown),
    };
    let body = import_body(page.as_ref(), markdown, &decoded.text);
    // The edition's page markers ("[p. 329]", "/329/") leave the text and become its pages.
    let (paragraphs, pages) = crate::formats::pages::take_page_markers(split_paragraphs(&body));
    if paragraphs.is_empty() {
        return Err(ImportError::Empty { path: shown });
    }
    let found = Found {
        title: first_heading.or_else(|| guess::first_line_title(&body)),
        author: page.as_ref().and_then(|p| p.author.clone()),
        date: guess::guess_date(&name, &body, page.as_ref().and_then(|p| p.date.as_deref())),
        language: page.as_ref().and_then(|p| p.language.clone()),
        kind: decoded.encoding,
    };
    let mut text_meta = text_meta(meta, found, path, &body);
    text_meta.pages = pages;
    Ok((Text::new(text_meta, paragraphs), decoded.encoding))
}

/// What a file says of itself, for the metadata the reader left blank.
struct Found {
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
    language: Option<String>,
    /// The file's encoding, or its kind ("EPUB"), named in the text's source.
    kind: &'static str,
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The imported text's metadata: the reader's, with blank fields filled from what the file
/// says of itself, else from its name and letters.
fn text_meta(meta: &ImportMeta, found: Found, path: &Path, body: &str) -> TextMeta {
    let or = |given: &str, default: String| {
        let given = given.trim();
        if given.is_empty() {
            default
        } else {
            given.to_owned()
        }
    };
    let name = file_stem(path);
    let file_name = path
        .file_name()
        .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
    TextMeta {
        id: format!("import-{}", id_slug(&name)).into(),
        title: or(&meta.title, found.title.unwrap_or_else(|| name.clone())),
        author: or(
            &meta.author,
            found.author.unwrap_or_else(|| "Unknown".into()),
        ),
        date: or(&meta.date, found.date.unwrap_or_else(|| "0000".into())),
        language: or(
            &meta.language,
            found
                .language
                .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase()))
                .unwrap_or_else(|| guess_language(body).into()),
        ),
        source: or(
            &meta.source,
            format!("Imported from {file_name} ({})", found.kind),
        ),
        licence: "The reader's own copy".into(),
        translator: Some(meta.translator.trim().to_owned()).filter(|t| !t.is_empty()),
        reference: Some(meta.reference.trim().to_owned()).filter(|r| !r.is_empty()),
        url: Some(meta.url.trim().to_owned()).filter(|u| !u.is_empty()),
        ..TextMeta::default()
    }
}

/// A PDF as one text: its text layer in reading order, each page's start a page of the text
/// (the number printed on the page, else the PDF's page label, else its place), its footnotes
/// in the text's notes.
fn read_pdf(
    bytes: &[u8],
    path: &Path,
    meta: &ImportMeta,
    progress: &dyn Fn(usize, usize),
) -> Result<(Text, &'static str), ImportError> {
    use crate::formats::pdf::{PdfLimits, read_pdf};
    let shown = path.display().to_string();
    let pdf =
        read_pdf(bytes, &PdfLimits::default(), progress).map_err(|reason| ImportError::Pdf {
            path: shown.clone(),
            reason,
        })?;
    // NFC, as every imported text; the page starts are counted in characters, which
    // composing can merge, so each is moved with its paragraph's composition.
    let mut paragraphs = Vec::with_capacity(pdf.paragraphs.len());
    let mut pages = Vec::with_capacity(pdf.pages.len());
    for (index, paragraph) in pdf.paragraphs.iter().enumerate() {
        let kept: String = paragraph.nfc().collect();
        for start in pdf.pages.iter().filter(|p| p.paragraph == index) {
            let before: String = paragraph.chars().take(start.offset).collect();
            pages.push(PageMark {
                paragraph: paragraphs.len(),
                offset: before.nfc().count(),
                label: start.label.clone(),
            });
        }
        if !kept.trim().is_empty() {
            paragraphs.push(kept);
        }
    }
    if paragraphs.is_empty() {
        return Err(ImportError::Empty { path: shown });
    }
    // A page after the last words begins nothing; a page that begins after the next one (an
    // empty page before a page whose first word was joined to the one before it) begins
    // where the next does; two pages at one place keep the last.
    pages.retain(|p| p.paragraph < paragraphs.len());
    for i in (0..pages.len().saturating_sub(1)).rev() {
        let next = (pages[i + 1].paragraph, pages[i + 1].offset);
        if (pages[i].paragraph, pages[i].offset) > next {
            (pages[i].paragraph, pages[i].offset) = next;
        }
    }
    pages.dedup_by(|later, earlier| {
        let same = (later.paragraph, later.offset) == (earlier.paragraph, earlier.offset);
        if same {
            earlier.label = later.label.clone();
        }
        same
    });
    let body = paragraphs.join("\n\n");
    let name = file_stem(path);
    // The PDF's own creation date is when the file was made, not when the document was
    // written: the date is guessed from the file's name and words, as for a text file.
    let date = guess::guess_date(&name, &body, None);
    let found = Found {
        title: pdf
            .title
            .filter(|t| !t.trim().is_empty())
            .or_else(|| guess::first_line_title(&body)),
        author: pdf.author.filter(|a| !a.trim().is_empty()),
        date,
        // "de-DE", as word processors write it, is "de".
        language: pdf
            .language
            .and_then(|l| crate::formats::references::primary_language(&l)),
        kind: "PDF",
    };
    let mut text_meta = text_meta(meta, found, path, &body);
    text_meta.pages = pages;
    text_meta.notes = pdf.footnotes.iter().map(|n| n.nfc().collect()).collect();
    Ok((Text::new(text_meta, paragraphs), "PDF"))
}

/// An EPUB as one text: its chapters in reading order, each a part labelled as the book's
/// table of contents labels it.
fn read_book(
    bytes: &[u8],
    path: &Path,
    meta: &ImportMeta,
) -> Result<(Text, &'static str), ImportError> {
    let shown = path.display().to_string();
    let book = epub::read_epub(bytes).map_err(|reason| ImportError::Epub {
        path: shown.clone(),
        reason,
    })?;
    let mut paragraphs = Vec::new();
    let mut parts = Vec::new();
    let mut pages = Vec::new();
    for chapter in &book.chapters {
        let composed: String = chapter.body.nfc().collect();
        // The page-list's pages, marked in the chapter by the EPUB reader.
        let (chapter_paragraphs, chapter_pages) =
            crate::formats::pages::take_page_markers(split_paragraphs(&composed));
        if chapter_paragraphs.is_empty() {
            continue;
        }
        parts.push(PartMark {
            first_paragraph: paragraphs.len(),
            label: chapter.label.clone(),
        });
        pages.extend(chapter_pages.into_iter().map(|mark| PageMark {
            paragraph: mark.paragraph + paragraphs.len(),
            ..mark
        }));
        paragraphs.extend(chapter_paragraphs);
    }
    if paragraphs.is_empty() {
        return Err(ImportError::Empty { path: shown });
    }
    let body = paragraphs.join("\n\n");
    let name = file_stem(path);
    let date = book
        .date
        .as_deref()
        .and_then(|d| guess::guess_date("", "", Some(d)))
        .or_else(|| guess::guess_date(&name, &body, None));
    let found = Found {
        title: book.title,
        author: book.author,
        date,
        language: book.language,
        kind: "EPUB",
    };
    let mut text_meta = text_meta(meta, found, path, &body);
    text_meta.parts = parts;
    text_meta.pages = pages;
    Ok((Text::new(text_meta, paragraphs), "EPUB"))
}

/// The text of an imported file: a page's paragraphs (composed again, as references decoded
/// in the page may spell a letter in parts, and without the page's furniture: copyright, last
/// updated), a Markdown file's body, or a plain file as it is.
fn import_body(page: Option<&html::HtmlText>, markdown: bool, text: &str) -> String {
    if let Some(page) = page {
        let composed: String = page.body.nfc().collect();
        composed
            .split("\n\n")
            .filter(|p| !guess::is_page_furniture(p))
            .collect::<Vec<_>>()
            .join("\n\n")
    } else if markdown {
        markdown_body(text)
    } else {
        text.to_owned()
    }
}

/// How long a text is, as the import tells it: "71 paragraphs in 6 parts".
pub fn extent(text: &Text) -> String {
    let paragraphs = crate::tr!("model-extent-paragraphs", count = text.paragraphs().len());
    match text.meta().parts.len() {
        0 => paragraphs,
        parts => crate::tr!(
            "model-extent-in-parts",
            paragraphs = paragraphs,
            parts = crate::tr!("model-extent-parts", count = parts)
        ),
    }
}

/// The file of an imported text in the profile.
pub fn imported_path(profile: &Profile, text_id: &str) -> PathBuf {
    profile.dir().join(TEXTS_DIR).join(format!("{text_id}.txt"))
}

/// `text` with the reader's metadata (blank fields keep the text's own). A date that is not
/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` is refused, since the library sorts by it.
pub fn with_meta(text: &Text, meta: &ImportMeta) -> Result<Text, String> {
    let mut new = text.meta().clone();
    let set = |field: &mut String, value: &str| {
        if !value.trim().is_empty() {
            *field = value.trim().replace(['\n', '\r'], " ");
        }
    };
    set(&mut new.title, &meta.title);
    set(&mut new.author, &meta.author);
    set(&mut new.date, &meta.date);
    set(&mut new.language, &meta.language);
    set(&mut new.source, &meta.source);
    let optional = |field: &mut Option<String>, value: &str| {
        if !value.trim().is_empty() {
            *field = Some(value.trim().replace(['\n', '\r'], " "));
        }
    };
    optional(&mut new.translator, &meta.translator);
    optional(&mut new.reference, &meta.reference);
    optional(&mut new.url, &meta.url);
    if !crate::formats::text_format::is_valid_date(&new.date) {
        return Err(format!(
            "“{}” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (0000 if unknown)",
            new.date
        ));
    }
    let paragraphs: Vec<String> = text
        .paragraphs()
        .iter()
        .map(|p| text.slice(p.chars.clone()).to_owned())
        .collect();
    Ok(Text::new(new, paragraphs))
}

/// The bytes of the profile's copy of an imported text.
pub fn file_bytes(text: &Text) -> Vec<u8> {
    text_file_of(text).into_bytes()
}

/// The Lectern text file of `text`: its header, `---`, its paragraphs.
fn text_file_of(text: &Text) -> String {
    let paragraphs: Vec<&str> = (0..text.paragraphs().len())
        .map(|i| text.paragraph_text(i))
        .collect();
    crate::formats::text_format::write_text_file(text.meta(), &paragraphs)
}

/// Imports `path` into the profile: the text (see [`read_import`]) is written to
/// `texts/ID.txt` (replacing an earlier import of the same file). Returns the text, the
/// encoding it was in, and whether an earlier import was replaced.
pub fn import_file(
    profile: &Profile,
    path: &Path,
    meta: &ImportMeta,
) -> Result<(Text, &'static str, bool), ImportError> {
    let (text, encoding) = read_import(path, meta)?;
    let replaced = add_text(profile, &text)?;
    Ok((text, encoding, replaced))
}

/// Writes `text` into the profile's library as `texts/ID.txt`; returns whether it replaced a
/// text of the same id.
pub fn add_text(profile: &Profile, text: &Text) -> Result<bool, StorageError> {
    let target = imported_path(profile, text.id());
    let replaced = target.exists();
    let dir = profile.dir().join(TEXTS_DIR);
    std::fs::create_dir_all(&dir)
        .map_err(|e| StorageError::io("creating the folder of imported texts", &dir, e))?;
    write_atomic(&target, text_file_of(text).as_bytes())?;
    Ok(replaced)
}

/// Where removed imports are kept (so that a removal can be undone, and nothing is lost).
pub const REMOVED_DIR: &str = "removed";

/// Moves an imported text's file out of the library folder (into `texts/removed/`).
pub fn remove_import(profile: &Profile, text_id: &str) -> Result<(), StorageError> {
    let from = imported_path(profile, text_id);
    let dir = profile.dir().join(TEXTS_DIR).join(REMOVED_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| StorageError::io("creating", &dir, e))?;
    let to = dir.join(format!("{text_id}.txt"));
    std::fs::rename(&from, &to).map_err(|e| StorageError::io("moving", &from, e))
}

/// Puts a removed import back in the library folder.
pub fn restore_import(profile: &Profile, text_id: &str) -> Result<(), StorageError> {
    let from = profile
        .dir()
        .join(TEXTS_DIR)
        .join(REMOVED_DIR)
        .join(format!("{text_id}.txt"));
    let to = imported_path(profile, text_id);
    std::fs::rename(&from, &to).map_err(|e| StorageError::io("moving", &from, e))
}

/// The texts imported into the profile, and a notice for each file that could not be read.
pub fn load_imported(profile: &Profile) -> (Vec<Text>, Vec<String>) {
    let dir = profile.dir().join(TEXTS_DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return (Vec::new(), Vec::new());
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    // A text imported again on two devices at once: the sync engine's conflict copy is left
    // for the reader, and the text's own file is the one read.
    let mut copies = Vec::new();
    paths.retain(|path| {
        let copy = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(crate::model::sync::conflict_original)
            .is_some();
        if copy {
            copies.push(crate::tr!(
                "model-imported-conflict-copy",
                file = path.display().to_string()
            ));
        }
        !copy
    });
    // A collected works is dozens of files: read and index them on every core, keeping order.
    let read = |path: &PathBuf| -> Result<(Text, Vec<String>), String> {
        let name = path.display().to_string();
        let contents = std::fs::read_to_string(path).map_err(|e| {
            crate::tr!(
                "model-imported-file-unreadable",
                file = &name,
                error = e.to_string()
            )
        })?;
        parse_text_file(&name, &contents)
            .map(|mut parsed| {
                let notices = std::mem::take(&mut parsed.notices);
                (Text::from_parsed(parsed), notices)
            })
            .map_err(|e| crate::tr!("model-imported-text-unreadable", error = e.to_string()))
    };
    // Over the cores (rayon), in order; a file whose reading panics is one that could not be
    // read. Each worker speaks this thread's language while it reads (and its own again
    // after), so that what it says is in the reader's words.
    let language = crate::i18n::language();
    let results: Vec<Result<(Text, Vec<String>), String>> = paths
        .par_iter()
        .map(|path| {
            let before = crate::i18n::language();
            crate::i18n::set_language(language);
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(path)))
                .unwrap_or_else(|_| {
                    Err(crate::tr!(
                        "model-imported-file-failed",
                        file = path.display().to_string()
                    ))
                });
            crate::i18n::set_language(before);
            result
        })
        .collect();
    let (mut texts, mut notices) = (Vec::new(), copies);
    for result in results {
        match result {
            Ok((text, read_with)) => {
                texts.push(text);
                notices.extend(read_with);
            }
            Err(notice) => notices.push(notice),
        }
    }
    (texts, notices)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUSSIAN: &str = "Формальное объединение вместе с РСФСР\nв союз советских республик Европы и Азии.\n\nВторой абзац: ёлка.";

    fn encoded(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
        encoding.encode(text).0.into_owned()
    }

    #[test]
    fn the_exact_decoding_keeps_the_files_characters_in_any_encoding() {
        let utf8 = "Признать\r\nцелесообразным е\u{308}".as_bytes().to_vec();
        let decoded = decode_exact(utf8.clone(), "a.txt").unwrap();
        assert_eq!(decoded.text.as_bytes(), utf8, "line endings and forms kept");
        assert_eq!(decoded.encoding, "UTF-8");
        let legacy = encoded(encoding_rs::WINDOWS_1251, "Признать целесообразным\r\n");
        let decoded = decode_exact(legacy, "b.txt").unwrap();
        assert_eq!(decoded.text, "Признать целесообразным\r\n");
        assert_eq!(decoded.encoding, "windows-1251");
        let bom = [b"\xef\xbb\xbf".as_slice(), "текст".as_bytes()].concat();
        assert_eq!(decode_exact(bom, "c.txt").unwrap().text, "текст");
        assert_eq!(decode_exact(Vec::new(), "d.txt").unwrap().text, "");
        assert!(matches!(
            decode_exact(vec![0x89, b'P', b'N', b'G', 0, 0xff], "e.png"),
            Err(ImportError::Binary { .. })
        ));
    }

    #[test]
    fn legacy_russian_encodings_are_detected_and_decoded() {
        for encoding in [
            encoding_rs::WINDOWS_1251,
            encoding_rs::KOI8_R,
            encoding_rs::IBM866,
        ] {
            // A longer sample, as archive files are: detection needs some text to go on.
            let sample = RUSSIAN.repeat(8);
            let decoded = decode(&encoded(encoding, &sample), "f").unwrap();
            assert_eq!(decoded.text, sample, "{}", encoding.name());
            // KOI8-U is KOI8-R with Ukrainian letters added: for Russian text the same.
            let expected = if encoding == encoding_rs::KOI8_R {
                "KOI8-U"
            } else {
                encoding.name()
            };
            assert_eq!(decoded.encoding, expected);
        }
    }

    #[test]
    fn byte_order_marks_choose_utf_8_and_utf_16() {
        let mut utf8 = vec![0xef, 0xbb, 0xbf];
        utf8.extend_from_slice(RUSSIAN.as_bytes());
        assert_eq!(decode(&utf8, "f").unwrap().text, RUSSIAN);
        for (bom, little) in [([0xff, 0xfe], true), ([0xfe, 0xff], false)] {
            let mut bytes = bom.to_vec();
            for unit in RUSSIAN.encode_utf16() {
                let pair = if little {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                bytes.extend_from_slice(&pair);
            }
            let decoded = decode(&bytes, "f").unwrap();
            assert_eq!(decoded.text, RUSSIAN);
        }
    }

    #[test]
    fn line_endings_and_unicode_are_normalised() {
        // "й" as и + combining breve, and Windows line ends.
        let decoded = decode("мои\u{306} дом\r\nвторая\rтретья".as_bytes(), "f").unwrap();
        assert_eq!(decoded.text, "мой дом\nвторая\nтретья");
    }

    #[test]
    fn bad_input_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(&dir.path().join("profile"))).unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            path
        };
        let cases = [
            (write("empty.txt", b""), "holds no text"),
            (write("blank.txt", b" \n\n \t"), "holds no text"),
            (
                write("image.png", &[0x89, b'P', b'N', b'G', 0, 0, 1, 2]),
                "binary",
            ),
            (write("odd.txt", &[0xff, 0xfe, 0x41]), "not valid UTF-16LE"),
            (dir.path().join("vanished.txt"), "could not be read"),
            (
                write("article.pdf", b"%PDF-1.4\nnot a PDF after all"),
                "damaged PDF",
            ),
            (
                write(
                    "scan.pdf",
                    &crate::formats::pdf::tests::raw_pdf(&[Vec::new()], ""),
                ),
                "OCR",
            ),
        ];
        for (path, reason) in cases {
            let err = import_file(&profile, &path, &ImportMeta::default()).unwrap_err();
            assert!(
                err.to_string().contains(reason),
                "{}: {err}",
                path.display()
            );
        }
        assert!(
            !profile.dir().join(TEXTS_DIR).exists(),
            "nothing was written"
        );
    }

    #[test]
    fn reading_reports_progress_up_to_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("volume.txt");
        std::fs::write(&path, "Союз. ".repeat(1_000_000)).unwrap();
        let seen = std::cell::RefCell::new(Vec::new());
        read_import_with_progress(&path, &ImportMeta::default(), MAX_IMPORT_BYTES, &|p| {
            let ReadProgress::Bytes(d, t) = p else {
                panic!("a text file has no pages: {p:?}");
            };
            seen.borrow_mut().push((d, t))
        })
        .unwrap();
        let seen = seen.into_inner();
        assert!(seen.len() >= 2, "{seen:?}");
        assert!(seen.windows(2).all(|w| w[0].0 < w[1].0));
        let (done, total) = *seen.last().unwrap();
        assert_eq!(done, total);
    }

    #[test]
    fn a_file_over_the_size_limit_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("volume.txt");
        std::fs::write(&path, "a".repeat(2_000)).unwrap();
        let err = read_import_limited(&path, &ImportMeta::default(), 1_000).unwrap_err();
        assert!(
            err.to_string().contains("2000 bytes, more than the 1000"),
            "{err}"
        );
    }

    #[test]
    fn the_readers_metadata_replaces_the_guesses_and_a_bad_date_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "One.\n\nTwo.").unwrap();
        let (text, _) = read_import(&path, &ImportMeta::default()).unwrap();
        let given = ImportMeta {
            title: "Notes".into(),
            date: "1922-12-30".into(),
            ..ImportMeta::default()
        };
        let renamed = with_meta(&text, &given).unwrap();
        assert_eq!(
            (renamed.meta().title.as_str(), renamed.meta().date.as_str()),
            ("Notes", "1922-12-30")
        );
        assert_eq!(renamed.content(), text.content());
        let bad = ImportMeta {
            date: "30 Dec 1922".into(),
            ..ImportMeta::default()
        };
        assert!(with_meta(&text, &bad).unwrap_err().contains("not a date"));
        let no_such_day = ImportMeta {
            date: "1922-02-31".into(),
            ..ImportMeta::default()
        };
        assert!(
            with_meta(&text, &no_such_day)
                .unwrap_err()
                .contains("not a date")
        );
    }

    /// A text an earlier Lectern imported with a day its month lacks still loads, date kept as
    /// written, and the reader is told.
    #[test]
    fn an_imported_text_with_a_day_no_calendar_has_loads_with_a_notice() {
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(dir.path())).unwrap();
        let text = crate::model::generate::collected_works(1, 2_000, 3).remove(0);
        add_text(&profile, &text).unwrap();
        let path = imported_path(&profile, text.id());
        let file = std::fs::read_to_string(&path).unwrap();
        let date_line = file
            .lines()
            .find(|l| l.starts_with("date: "))
            .unwrap()
            .to_owned();
        std::fs::write(&path, file.replacen(&date_line, "date: 1922-02-31", 1)).unwrap();
        let (loaded, notices) = load_imported(&profile);
        assert_eq!(loaded.len(), 1, "{notices:?}");
        assert_eq!(loaded[0].meta().date, "1922-02-31");
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(notices[0].contains("1922-02-31"), "{notices:?}");
    }

    #[test]
    fn line_endings_become_newlines_and_letters_are_composed() {
        assert_eq!(nfc_lines("a\r\nb\rc\n"), "a\nb\nc\n");
        // е with a combining diaeresis is ё; a composed text comes back as it was.
        assert_eq!(nfc_lines("Жуковскому \u{435}\u{308}\r\n"), "Жуковскому ё\n");
        let composed = "Орджоникидзе, Дзержинский — «великодержавный» ё";
        assert_eq!(nfc_lines(composed), composed);
    }

    #[test]
    fn an_epub_imports_as_one_text_with_its_chapters_as_parts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Lenin CW 36.epub");
        std::fs::write(&path, crate::storage::epub::tests::volume()).unwrap();
        let (text, encoding) = read_import(&path, &ImportMeta::default()).unwrap();
        assert_eq!(encoding, "EPUB");
        let meta = text.meta();
        assert_eq!(meta.title, "Collected Works, Volume 36");
        assert_eq!(meta.author, "V. I. Lenin");
        assert_eq!(meta.language, "en");
        assert_eq!(meta.date, "1966-01-01", "the package's date, as a date");
        assert_eq!(meta.source, "Imported from Lenin CW 36.epub (EPUB)");
        let parts: Vec<(usize, &str)> = meta
            .parts
            .iter()
            .map(|p| (p.first_paragraph, p.label.as_str()))
            .collect();
        assert_eq!(
            parts,
            [
                (0, "To L. B. Kamenev"),
                (3, "The Question of Nationalities or “Autonomisation”")
            ]
        );
        assert_eq!(text.paragraphs().len(), 4);
        // The copy in the profile keeps the parts.
        let profile = Profile::open(Some(&dir.path().join("profile"))).unwrap();
        assert!(!add_text(&profile, &text).unwrap(), "a new text");
        let (loaded, problems) = load_imported(&profile);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(loaded[0].meta().parts, meta.parts);
        // A broken book is refused with its reason, and nothing is written.
        let cut = dir.path().join("cut.epub");
        std::fs::write(&cut, &crate::storage::epub::tests::volume()[..400]).unwrap();
        let refused = read_import(&cut, &ImportMeta::default()).unwrap_err();
        assert!(
            refused.to_string().ends_with(
                "cut.epub is an EPUB Lectern cannot read: its zip archive is broken \
                    (invalid Zip archive: Could not find EOCD); nothing was imported"
            ) || refused
                .to_string()
                .contains("is an EPUB Lectern cannot read: its zip archive"),
            "{refused}"
        );
    }

    #[test]
    fn an_html_page_in_windows_1251_is_read_for_its_text_and_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let page = "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\r\n\
            <html lang=\"ru\"><head>\r\n\
            <meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\r\n\
            <meta name=\"author\" content=\"Комиссия ЦК\">\r\n\
            <title>Проект резолюции</title>\r\n\
            <style>body { margin: 2em }</style></head>\r\n<body>\r\n\
            <p class=\"toplink\"><a href=\"../index.htm\">Оглавление</a></p>\r\n\
            <h2>Проект резолюции</h2>\r\n\
            <p>Признать необходимым заключение договора между Украиной, Белоруссией, \
            Федерацией Закавказских\r\nРеспублик и РСФСР об объединении их \
            в &laquo;Союз Социалистических Советских Республик&raquo;&nbsp;&mdash; \
            с оставлением за каждой из них права свободного выхода из состава Союза.</p>\r\n\
            <p>Октябрь 1922&nbsp;г.</p></body></html>";
        // The page says it is windows-1251: its text is long enough for a guess, but the
        // declaration is what is trusted.
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(page);
        let path = dir.path().join("draft.htm");
        std::fs::write(&path, &bytes).unwrap();
        let (text, encoding) = read_import(&path, &ImportMeta::default()).unwrap();
        assert_eq!(encoding, "windows-1251");
        assert_eq!(text.meta().title, "Проект резолюции", "from <title>");
        assert_eq!(text.meta().author, "Комиссия ЦК", "from <meta name=author>");
        assert_eq!(text.meta().language, "ru", "from <html lang>");
        assert_eq!(
            text.content(),
            "Оглавление\n\nПроект резолюции\n\n\
             Признать необходимым заключение договора между Украиной, Белоруссией, Федерацией \
             Закавказских Республик и РСФСР об объединении их в «Союз Социалистических \
             Советских Республик» — с оставлением за каждой из них права свободного выхода из \
             состава Союза.\n\nОктябрь 1922 г."
        );
        // The reader's own words still win over the page's.
        let given = ImportMeta {
            title: "Commission draft".into(),
            language: "ru".into(),
            ..ImportMeta::default()
        };
        let (text, _) = read_import(&path, &given).unwrap();
        assert_eq!(text.meta().title, "Commission draft");
        assert_eq!(text.meta().author, "Комиссия ЦК");
    }

    #[test]
    fn a_page_that_declares_the_wrong_encoding_is_read_in_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let page = format!(
            "<html><head><meta charset=\"utf-8\"></head><body><p>{}</p></body></html>",
            RUSSIAN.repeat(8)
        );
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&page);
        let path = dir.path().join("mislabelled.html");
        std::fs::write(&path, &bytes).unwrap();
        let (text, encoding) = read_import(&path, &ImportMeta::default()).unwrap();
        assert_eq!(encoding, "windows-1251");
        assert!(text.content().starts_with("Формальное объединение"));
    }

    #[test]
    fn a_page_saved_under_another_name_is_still_read_as_html() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("letter to Kamenev.txt");
        std::fs::write(
            &path,
            "<html><body><h1>To L. B. Kamenev</h1><p>Formal unification with the \
             R.S.F.S.R. in a Union of Soviet Republics of Europe &amp; Asia.</p></body></html>",
        )
        .unwrap();
        let (text, encoding) = read_import(&path, &ImportMeta::default()).unwrap();
        assert_eq!(encoding, "UTF-8");
        assert_eq!(text.meta().title, "To L. B. Kamenev");
        assert_eq!(text.meta().language, "en");
        assert_eq!(text.paragraphs().len(), 2);
        assert!(text.content().ends_with("Europe & Asia."));
        // A page with no text in it is refused like an empty file.
        std::fs::write(
            &path,
            "<html><head><title>Nothing</title></head><body></body></html>",
        )
        .unwrap();
        assert!(matches!(
            read_import(&path, &ImportMeta::default()),
            Err(ImportError::Empty { .. })
        ));
        // Plain text that merely mentions a tag is left as it is.
        std::fs::write(&path, "On the <b> tag\n\nand <p> too.").unwrap();
        let (text, _) = read_import(&path, &ImportMeta::default()).unwrap();
        assert_eq!(text.content(), "On the <b> tag\n\nand <p> too.");
    }

    #[test]
    fn many_imports_load_together_in_order_and_a_bad_one_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(dir.path())).unwrap();
        let volumes = crate::model::generate::collected_works(3, 400_000, 17);
        for volume in &volumes {
            add_text(&profile, volume).unwrap();
        }
        let unreadable = profile.dir().join(TEXTS_DIR).join("import-broken.txt");
        std::fs::write(&unreadable, b"\xff\xfe not UTF-8").unwrap();
        let (loaded, notices) = load_imported(&profile);
        let mut expected: Vec<&Text> = volumes.iter().collect();
        expected.sort_by_key(|a| imported_path(&profile, a.id()));
        assert_eq!(loaded.len(), volumes.len());
        for (loaded, volume) in loaded.iter().zip(expected) {
            assert_eq!(loaded.id(), volume.id(), "in the order of their files");
            assert_eq!(loaded.content_hash(), volume.content_hash());
        }
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(notices[0].contains("import-broken.txt"), "{notices:?}");
    }

    #[test]
    fn an_imported_markdown_file_is_kept_in_the_profile_and_loads_again() {
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile::open(Some(&dir.path().join("profile"))).unwrap();
        let path = dir.path().join("Drafts of the union.md");
        std::fs::write(
            &path,
            "# On the union\n\nFirst paragraph\nstill first.\n\n## Part two\n\nСоюз.",
        )
        .unwrap();
        let (text, encoding, replaced) =
            import_file(&profile, &path, &ImportMeta::default()).unwrap();
        assert_eq!(
            (text.id().as_str(), encoding, replaced),
            ("import-drafts-of-the-union", "UTF-8", false)
        );
        assert_eq!(text.meta().title, "On the union");
        assert_eq!(
            text.content(),
            "On the union\n\nFirst paragraph\nstill first.\n\nPart two\n\nСоюз."
        );
        let (loaded, notices) = load_imported(&profile);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(loaded.len(), 1);
        assert_eq!(loaded[0].content(), text.content());
        assert_eq!(loaded[0].content_hash(), text.content_hash());
        // A sync engine's conflicting copy of it is not a second text, nor read over it: it is
        // said, and left.
        let own = profile
            .dir()
            .join(TEXTS_DIR)
            .join(format!("{}.txt", text.id()));
        let copy = own.with_file_name(format!(
            "{}.sync-conflict-20261201-101500-ABCDEF7.txt",
            text.id()
        ));
        std::fs::write(
            &copy,
            std::fs::read_to_string(&own)
                .unwrap()
                .replace("Союз", "Иное"),
        )
        .unwrap();
        let (loaded, notices) = load_imported(&profile);
        assert_eq!(loaded.len(), 1);
        assert_eq!(loaded[0].content(), text.content());
        assert!(notices[0].contains("conflicting copy"), "{notices:?}");
        std::fs::remove_file(&copy).unwrap();
        let given = ImportMeta {
            title: "Drafts".into(),
            author: "Reader".into(),
            date: "1922-10".into(),
            ..ImportMeta::default()
        };
        remove_import(&profile, text.id()).unwrap();
        assert!(
            load_imported(&profile).0.is_empty(),
            "removed from the library"
        );
        restore_import(&profile, text.id()).unwrap();
        assert_eq!(load_imported(&profile).0.len(), 1, "and back");
        let (again, _, replaced) = import_file(&profile, &path, &given).unwrap();
        assert!(replaced);
        assert_eq!(
            (again.meta().title.as_str(), again.meta().date.as_str()),
            ("Drafts", "1922-10")
        );
        std::fs::write(&path, b"x").unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"x",
            "the reader's file is theirs"
        );
    }

    #[test]
    fn dates_titles_and_page_furniture_are_guessed_as_a_reader_would() {
        let meta = ImportMeta::default();
        // A plain letter: the heading is the title, the date is read from the text.
        let letter = "To L. D. Trotsky\n\nMarch 5, 1923\n\nTop secret\nPersonal";
        let (text, _) =
            read_import_bytes(letter.as_bytes(), Path::new("/home/r/scan 17.txt"), &meta).unwrap();
        assert_eq!(text.meta().title, "To L. D. Trotsky");
        assert_eq!(text.meta().date, "1923-03-05");
        assert_eq!(text.meta().display_date(), "1923-03-05");
        assert_eq!(text.meta().source, "Imported from scan 17.txt (UTF-8)");
        // The file name's date comes first.
        let (text, _) = read_import_bytes(
            "Л. Д. Троцкому\n\n5 марта 1923 г.\n\nСтрого секретно".as_bytes(),
            Path::new("1923-03-06 trotsky.txt"),
            &meta,
        )
        .unwrap();
        assert_eq!(text.meta().date, "1923-03-06");
        // A page: its footer and copyright line are not the text; its metadata dates it.
        let page = "<html><head><title>Letter</title><meta name=\"date\" content=\"1923-03-05\">\
                    </head><body><h1>To Trotsky</h1><p>It is my earnest request.</p>\
                    <p>Copyright © 2022 Archive</p><footer><p>Site map</p></footer></body></html>";
        let (text, _) =
            read_import_bytes(page.as_bytes(), Path::new("letter.html"), &meta).unwrap();
        assert_eq!(text.content(), "To Trotsky\n\nIt is my earnest request.");
        assert_eq!(text.meta().date, "1923-03-05");
        // Nothing to go by: undated, and an unknown author is not shown as one.
        let (text, _) =
            read_import_bytes(b"Some words.\n\nMore words.", Path::new("notes.txt"), &meta)
                .unwrap();
        assert_eq!(text.meta().display_date(), "undated");
        assert_eq!(text.meta().known_author(), None);
        assert_eq!(text.meta().byline(), "undated");
    }
}
