//! Reading an EPUB (2 or 3) for import: a zip of XHTML chapters described by a package file.
//!
//! `META-INF/container.xml` names the package (the OPF); its metadata gives the title, author,
//! language and date, its spine the chapters in reading order. Each chapter is read by
//! [`crate::formats::html`] (as XML, or as HTML when it is not well-formed) and becomes a part of the
//! imported text, labelled by the book's table of contents (EPUB 3's navigation document or
//! EPUB 2's NCX), else by its own heading. Where the book has a page-list (EPUB 3's
//! `<nav epub:type="page-list">`, EPUB 2's `<pageList>`), each printed page's start becomes a
//! page of the imported text.
//!
//! A book is read within limits, whatever its zip directory claims: a zip bomb, a zip that is
//! broken, a package without a spine and a book whose chapters are encrypted (DRM) are refused
//! with a reason, and nothing is imported.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use crate::formats::html;

/// The most bytes one file of a book may unpack to.
pub const MAX_ENTRY_BYTES: u64 = 64 * 1024 * 1024;
/// The most bytes a whole book may unpack to (the files Lectern reads of it).
pub const MAX_BOOK_BYTES: u64 = 256 * 1024 * 1024;
/// The most files a book's zip may hold.
pub const MAX_ENTRIES: usize = 20_000;

/// Why a book could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EpubError {
    /// The zip itself is broken.
    #[error("its zip archive is broken ({0})")]
    BrokenZip(String),
    /// A file the book needs is not in it.
    #[error("it has no {0}")]
    Missing(String),
    /// A file of the book is not what its kind should be.
    #[error("its {0} cannot be read")]
    Unreadable(String),
    /// The package lists no chapters.
    #[error("its package lists no chapters (no spine)")]
    NoSpine,
    /// Unpacking would take more than the limits (a zip bomb, or a book far larger than text).
    #[error("it unpacks to more than {0} bytes (a zip bomb?)")]
    TooLarge(u64),
    /// The zip holds more files than any book.
    #[error("it holds more than {MAX_ENTRIES} files")]
    TooManyFiles,
    /// The chapters are encrypted.
    #[error("its chapters are encrypted (DRM), so their text cannot be read")]
    Encrypted,
}

/// A book's text and what its package says of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Book {
    /// `dc:title`.
    pub title: Option<String>,
    /// The `dc:creator`s, joined by "; ".
    pub author: Option<String>,
    /// The primary subtag of `dc:language` ("ru" for "ru-RU").
    pub language: Option<String>,
    /// `dc:date` as given.
    pub date: Option<String>,
    /// The chapters with text, in reading order.
    pub chapters: Vec<Chapter>,
}

/// One chapter of a book.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chapter {
    /// Its label: the table of contents', else its heading, else "Chapter N".
    pub label: String,
    /// Its paragraphs, separated by blank lines.
    pub body: String,
}

/// True when `path` is named like an EPUB, or `bytes` begin as an EPUB's zip does (its first
/// file is `mimetype`, holding `application/epub+zip`).
pub fn is_epub(path: &std::path::Path, bytes: &[u8]) -> bool {
    let named = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("epub"));
    named
        || (bytes.starts_with(b"PK\x03\x04")
            && bytes.get(30..38) == Some(b"mimetype")
            && bytes
                .get(38..38 + 64)
                .is_some_and(|b| memchr::memmem::find(b, b"application/epub+zip").is_some()))
}

/// The files of a zip, read within the limits.
struct Archive<'a> {
    zip: zip::ZipArchive<std::io::Cursor<&'a [u8]>>,
    /// Bytes unpacked so far.
    unpacked: u64,
}

impl<'a> Archive<'a> {
    fn new(bytes: &'a [u8]) -> Result<Self, EpubError> {
        let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| EpubError::BrokenZip(e.to_string()))?;
        if zip.len() > MAX_ENTRIES {
            return Err(EpubError::TooManyFiles);
        }
        Ok(Self { zip, unpacked: 0 })
    }

    /// The name in the zip of `path` (exactly, else ignoring ASCII case, as some tools write).
    fn name_of(&self, path: &str) -> Option<String> {
        if self.zip.index_for_name(path).is_some() {
            return Some(path.to_owned());
        }
        self.zip
            .file_names()
            .flatten()
            .find(|name| name.eq_ignore_ascii_case(path))
            .map(std::borrow::Cow::into_owned)
    }

    /// The bytes of `path`, `None` when the book has no such file.
    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, EpubError> {
        let Some(name) = self.name_of(path) else {
            return Ok(None);
        };
        let broken = |e: &dyn std::fmt::Display| EpubError::BrokenZip(format!("{path}: {e}"));
        let file = self.zip.by_name(&name).map_err(|e| broken(&e))?;
        // The sizes in the zip's directory can lie: the limit is on what is unpacked.
        let room = MAX_ENTRY_BYTES.min(MAX_BOOK_BYTES - self.unpacked);
        let mut bytes = Vec::new();
        file.take(room + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| broken(&e))?;
        if bytes.len() as u64 > room {
            return Err(EpubError::TooLarge(if room < MAX_ENTRY_BYTES {
                MAX_BOOK_BYTES
            } else {
                MAX_ENTRY_BYTES
            }));
        }
        self.unpacked += bytes.len() as u64;
        Ok(Some(bytes))
    }

    fn text(&mut self, path: &str, what: &str) -> Result<String, EpubError> {
        let bytes = self
            .read(path)?
            .ok_or_else(|| EpubError::Missing(what.to_owned()))?;
        Ok(chapter_text(&bytes))
    }
}

/// A file of the book as text: UTF-16 by its byte-order mark, else UTF-8 as EPUB requires
/// (a stray invalid byte becomes U+FFFD rather than the whole file being guessed anew).
fn chapter_text(bytes: &[u8]) -> String {
    let text = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom)) => encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned(),
        None => String::from_utf8_lossy(bytes).into_owned(),
    };
    text.replace("\r\n", "\n")
}

/// The local name of an element, lower case (`dc:title` → `title`).
fn local(start: &[u8]) -> String {
    let name = String::from_utf8_lossy(start);
    name.rsplit(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The value of an element's attribute (by local name, lower case), decoded.
fn attribute(start: &BytesStart, wanted: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == wanted)
        .map(|a| html::decode_references(&String::from_utf8_lossy(&a.value)))
}

/// What [`walk_xml`] meets in an XML file.
enum Xml<'a> {
    /// An element's start (or an empty element).
    Start(&'a BytesStart<'a>),
    /// Text, references decoded.
    Text(&'a str),
}

/// Reads an XML file, calling `visit(the local names of the open elements, what it met)` for
/// each element's start and each piece of text.
fn walk_xml(xml: &str, what: &str, mut visit: impl FnMut(&[String], Xml)) -> Result<(), EpubError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut open: Vec<String> = Vec::new();
    loop {
        match reader
            .read_event()
            .map_err(|_| EpubError::Unreadable(what.to_owned()))?
        {
            Event::Start(element) => {
                open.push(local(element.name().as_ref()));
                visit(&open, Xml::Start(&element));
            }
            Event::Empty(element) => {
                open.push(local(element.name().as_ref()));
                visit(&open, Xml::Start(&element));
                open.pop();
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Text(t) => visit(
                &open,
                Xml::Text(&html::decode_references(&String::from_utf8_lossy(&t))),
            ),
            Event::GeneralRef(r) => visit(
                &open,
                Xml::Text(&html::decode_references(&format!(
                    "&{};",
                    String::from_utf8_lossy(&r)
                ))),
            ),
            Event::CData(t) => visit(&open, Xml::Text(&String::from_utf8_lossy(&t))),
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// `href` (percent-encoded, relative to the folder `base`) as a path in the zip.
fn resolve(base: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or_default();
    let decoded = percent_decoded(href);
    let mut parts: Vec<&str> = if decoded.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push(
                    u8::try_from(hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)).unwrap_or(b'?'),
                );
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The folder of a path in the zip ("OEBPS" for "OEBPS/content.opf").
fn folder(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(folder, _)| folder)
}

/// What the package file says.
#[derive(Default)]
struct Package {
    title: Option<String>,
    creators: Vec<String>,
    language: Option<String>,
    date: Option<String>,
    /// id → (path in the zip, media type, properties).
    manifest: HashMap<String, (String, String, String)>,
    /// The chapters' manifest ids, in reading order.
    spine: Vec<String>,
    /// The manifest id of EPUB 2's NCX (the spine's `toc`).
    ncx: Option<String>,
    has_spine: bool,
}

fn read_package(opf: &str, path: &str) -> Result<Package, EpubError> {
    let base = folder(path).to_owned();
    let mut package = Package::default();
    // Each metadata element's text, whole: quick-xml hands text on in pieces (split at each
    // character reference), so the pieces are joined before white space is collapsed.
    let mut fields: Vec<(String, String)> = Vec::new();
    walk_xml(opf, "package file", |open, met| {
        match (open.last().map(String::as_str), met) {
            (Some("item"), Xml::Start(element)) => {
                let get = |name| attribute(element, name).unwrap_or_default();
                package.manifest.insert(
                    get("id"),
                    (
                        resolve(&base, &get("href")),
                        get("media-type"),
                        get("properties"),
                    ),
                );
            }
            (Some("spine"), Xml::Start(element)) => {
                package.has_spine = true;
                package.ncx = attribute(element, "toc");
            }
            (Some("itemref"), Xml::Start(element)) => {
                package.spine.extend(attribute(element, "idref"));
            }
            (Some(name), Xml::Start(_)) if open.iter().any(|o| o == "metadata") => {
                fields.push((name.to_owned(), String::new()));
            }
            (Some(name), Xml::Text(text)) if open.iter().any(|o| o == "metadata") => {
                if let Some((field, value)) = fields.last_mut()
                    && field == name
                {
                    value.push_str(text);
                }
            }
            _ => {}
        }
    })?;
    let collapsed = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    // The first title, language and date (a book may give a subtitle, a second language or
    // the date it was modified after them); every creator.
    let first = |name: &str| {
        fields
            .iter()
            .filter(|(field, _)| field == name)
            .map(|(_, value)| collapsed(value))
            .find(|value| !value.is_empty())
    };
    package.title = first("title");
    package.language = first("language").and_then(|l| {
        l.split(['-', '_'])
            .next()
            .map(|p| p.trim().to_ascii_lowercase())
    });
    package.date = first("date");
    package.creators = fields
        .iter()
        .filter(|(field, _)| field == "creator")
        .map(|(_, value)| collapsed(value))
        .filter(|value| !value.is_empty())
        .collect();
    if !package.has_spine || package.spine.is_empty() {
        return Err(EpubError::NoSpine);
    }
    Ok(package)
}

/// The book's navigation documents, read once: EPUB 3's navigation document, then EPUB 2's
/// NCX, each as (its path, whether it is the navigation document, its text). One that cannot
/// be read is left out.
fn navigation_documents(archive: &mut Archive, package: &Package) -> Vec<(String, bool, String)> {
    let nav = package
        .manifest
        .values()
        .find(|(_, _, properties)| properties.split_whitespace().any(|p| p == "nav"))
        .map(|(path, ..)| (path.clone(), true));
    let ncx = package
        .ncx
        .as_ref()
        .and_then(|id| package.manifest.get(id))
        .map(|(path, ..)| (path.clone(), false));
    nav.into_iter()
        .chain(ncx)
        .filter_map(|(path, is_nav)| {
            let xml = archive.text(&path, "navigation document").ok()?;
            Some((path, is_nav, xml))
        })
        .collect()
}

/// The table of contents' labels by chapter path (the first entry for each chapter).
fn contents(navigation: &[(String, bool, String)]) -> HashMap<String, String> {
    let mut labels = HashMap::new();
    for (path, is_nav, xml) in navigation {
        let is_nav = *is_nav;
        let base = folder(path).to_owned();
        // Each entry: a link (`<a href>` in the navigation document, `<content src>` in the
        // NCX) and the text of its label.
        let mut entries: Vec<(String, String)> = Vec::new();
        let mut label = String::new();
        // In the navigation document: whether the `nav` last opened is the page-list, whose
        // links ("12") label no chapter.
        let mut other_list = false;
        let _ = walk_xml(xml, "table of contents", |open, met| match met {
            Xml::Start(element) => match open.last().map(String::as_str) {
                Some("nav") if is_nav => {
                    other_list = attribute(element, "type")
                        .is_some_and(|t| t.split_whitespace().any(|t| t == "page-list"));
                }
                Some("a") if is_nav && other_list => {}
                Some("a") if is_nav => {
                    entries.push((
                        attribute(element, "href").unwrap_or_default(),
                        String::new(),
                    ));
                }
                Some("navpoint") if !is_nav => label.clear(),
                Some("content") if !is_nav => entries.push((
                    attribute(element, "src").unwrap_or_default(),
                    std::mem::take(&mut label),
                )),
                _ => {}
            },
            Xml::Text(text) => {
                if is_nav && other_list {
                } else if is_nav && open.iter().any(|o| o == "a") {
                    if let Some(entry) = entries.last_mut() {
                        entry.1.push_str(text);
                    }
                } else if !is_nav
                    && open.iter().any(|o| o == "navlabel")
                    && !open.iter().any(|o| o == "pagelist")
                {
                    label.push_str(text);
                }
            }
        });
        for (href, text) in entries {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                labels.entry(resolve(&base, &href)).or_insert(text);
            }
        }
        if !labels.is_empty() {
            break;
        }
    }
    labels
}

/// The book's page-list (EPUB 3's `<nav epub:type="page-list">`, else EPUB 2's NCX
/// `<pageList>`): where each printed page begins, as (chapter path, fragment id, label), in
/// the list's order. Labels that are not page numbers ("A-3", blank) are left out.
fn page_list(navigation: &[(String, bool, String)]) -> Vec<(String, String, String)> {
    for (path, is_nav, xml) in navigation {
        let is_nav = *is_nav;
        let base = folder(path).to_owned();
        // (href, label) of each entry.
        let mut entries: Vec<(String, String)> = Vec::new();
        let mut label = String::new();
        // In the navigation document: whether the `nav` last opened is the page-list.
        let mut in_page_list = false;
        let _ = walk_xml(xml, "page list", |open, met| {
            let inside = if is_nav {
                in_page_list && open.iter().any(|o| o == "nav")
            } else {
                open.iter().any(|o| o == "pagelist")
            };
            match met {
                Xml::Start(element) => match open.last().map(String::as_str) {
                    Some("nav") if is_nav => {
                        in_page_list = attribute(element, "type")
                            .is_some_and(|t| t.split_whitespace().any(|t| t == "page-list"));
                    }
                    Some("a") if inside => {
                        entries.push((
                            attribute(element, "href").unwrap_or_default(),
                            String::new(),
                        ));
                    }
                    Some("pagetarget") if inside => label.clear(),
                    Some("content") if inside => entries.push((
                        attribute(element, "src").unwrap_or_default(),
                        std::mem::take(&mut label),
                    )),
                    _ => {}
                },
                Xml::Text(text) if inside => {
                    if is_nav && open.iter().any(|o| o == "a") {
                        if let Some(entry) = entries.last_mut() {
                            entry.1.push_str(text);
                        }
                    } else if !is_nav && open.iter().any(|o| o == "navlabel") {
                        label.push_str(text);
                    }
                }
                Xml::Text(_) => {}
            }
        });
        let pages: Vec<(String, String, String)> = entries
            .into_iter()
            .filter_map(|(href, label)| {
                let label = label.trim().to_owned();
                let (_, fragment) = href.split_once('#')?;
                crate::formats::pages::is_label(&label)
                    .then(|| (resolve(&base, &href), percent_decoded(fragment), label))
            })
            .collect();
        if !pages.is_empty() {
            return pages;
        }
    }
    Vec::new()
}

/// A chapter's markup with a page marker ("[p. 12]", which the import takes out of the text
/// again as the page's start) put just after the start tag of each element the page-list points
/// to by its `id`; no spaces are added, so a page that begins within a word leaves the word
/// whole. An id the chapter lacks is passed over.
fn with_page_markers(markup: &str, pages: &[(&str, &str)]) -> String {
    let mut inserts: Vec<(usize, String)> = Vec::new();
    for (fragment, label) in pages {
        let Some(end) = element_with_id(markup, fragment) else {
            continue;
        };
        inserts.push((end, format!("[p. {label}]")));
    }
    inserts.sort_by_key(|(at, _)| *at);
    let mut marked = String::with_capacity(markup.len() + inserts.len() * 12);
    let mut from = 0;
    for (at, marker) in inserts {
        marked.push_str(&markup[from..at]);
        marked.push_str(&marker);
        from = at;
    }
    marked.push_str(&markup[from..]);
    marked
}

/// Where the start tag of the element whose `id` attribute is `id` ends (just after its `>`):
/// the attribute named `id` itself (not `data-id`), its value in either quotes, the tag's end
/// found past quoted values (a `>` within one is not the end).
fn element_with_id(markup: &str, id: &str) -> Option<usize> {
    for quote in ['"', '\''].iter().map(|q| format!("id={q}{id}{q}")) {
        let mut from = 0;
        while let Some(found) = markup[from..].find(&quote) {
            let at = from + found;
            from = at + quote.len();
            if !markup[..at].ends_with(|c: char| c.is_whitespace()) {
                continue;
            }
            // Inside a tag: the last `<` before it is after the last `>`.
            let (open, close) = (markup[..at].rfind('<'), markup[..at].rfind('>'));
            if open.is_none() || close > open {
                continue;
            }
            let mut in_quote: Option<char> = None;
            for (offset, c) in markup[from..].char_indices() {
                match (in_quote, c) {
                    (Some(q), c) if c == q => in_quote = None,
                    (Some(_), _) => {}
                    (None, '"' | '\'') => in_quote = Some(c),
                    (None, '>') => return Some(from + offset + 1),
                    (None, _) => {}
                }
            }
            return None;
        }
    }
    None
}

/// Whether `META-INF/encryption.xml` encrypts any of `chapters` (font obfuscation aside, which
/// leaves the text readable).
fn encrypted(archive: &mut Archive, chapters: &[String]) -> Result<bool, EpubError> {
    let Some(bytes) = archive.read("META-INF/encryption.xml")? else {
        return Ok(false);
    };
    let xml = chapter_text(&bytes);
    let mut references = Vec::new();
    let _ = walk_xml(&xml, "encryption", |open, met| {
        if let Xml::Start(element) = met
            && open.last().is_some_and(|o| o == "cipherreference")
        {
            references.extend(attribute(element, "uri"));
        }
    });
    Ok(references
        .iter()
        .any(|uri| chapters.contains(&resolve("", uri))))
}

/// The book in `bytes` (see the module's documentation).
pub fn read_epub(bytes: &[u8]) -> Result<Book, EpubError> {
    let mut archive = Archive::new(bytes)?;
    let container = archive.text("META-INF/container.xml", "META-INF/container.xml")?;
    let mut package_path = None;
    walk_xml(&container, "META-INF/container.xml", |open, met| {
        if let Xml::Start(element) = met
            && open.last().is_some_and(|o| o == "rootfile")
            && package_path.is_none()
        {
            package_path = attribute(element, "full-path");
        }
    })?;
    let package_path = package_path
        .map(|p| resolve("", &p))
        .ok_or_else(|| EpubError::Missing("package file named in its container".into()))?;
    let opf = archive.text(&package_path, "package file")?;
    let package = read_package(&opf, &package_path)?;
    let chapters: Vec<(String, String)> = package
        .spine
        .iter()
        .filter_map(|id| package.manifest.get(id))
        .map(|(path, media, _)| (path.clone(), media.clone()))
        .collect();
    let paths: Vec<String> = chapters.iter().map(|(p, _)| p.clone()).collect();
    if encrypted(&mut archive, &paths)? {
        return Err(EpubError::Encrypted);
    }
    let navigation = navigation_documents(&mut archive, &package);
    let labels = contents(&navigation);
    let pages = page_list(&navigation);
    let mut book = Book {
        title: package.title,
        author: (!package.creators.is_empty()).then(|| package.creators.join("; ")),
        language: package.language.filter(|l| !l.is_empty()),
        date: package.date,
        chapters: Vec::new(),
    };
    for (path, media) in chapters {
        if !matches!(media.as_str(), "application/xhtml+xml" | "text/html") {
            continue; // an image or SVG page: no text
        }
        // A chapter the zip lacks is left out; the rest of the book is still read.
        let Some(bytes) = archive.read(&path)? else {
            continue;
        };
        let text = chapter_text(&bytes);
        let chapter_pages: Vec<(&str, &str)> = pages
            .iter()
            .filter(|(page_path, ..)| *page_path == path)
            .map(|(_, fragment, label)| (fragment.as_str(), label.as_str()))
            .collect();
        let text = if chapter_pages.is_empty() {
            text
        } else {
            with_page_markers(&text, &chapter_pages)
        };
        let page = if media == "text/html" {
            html::html_text(&text)
        } else {
            html::xhtml_text(&text)
        };
        if page.body.trim().is_empty() {
            continue;
        }
        let number = book.chapters.len() + 1;
        let label = labels
            .get(&path)
            .cloned()
            .or(page.title)
            .unwrap_or_else(|| format!("Chapter {number}"));
        book.chapters.push(Chapter {
            label,
            body: page.body,
        });
    }
    Ok(book)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    /// A zip of `files` (name, contents), `mimetype` first and stored, as an EPUB's.
    pub(crate) fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, contents) in files {
            let method = if *name == "mimetype" {
                zip::CompressionMethod::Stored
            } else {
                zip::CompressionMethod::Deflated
            };
            zip.start_file(
                *name,
                SimpleFileOptions::default().compression_method(method),
            )
            .unwrap();
            zip.write_all(contents).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    const CONTAINER: &[u8] = b"<?xml version=\"1.0\"?>\n<container version=\"1.0\" \
        xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles>\
        <rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>\
        </rootfiles></container>";

    fn chapter(title: &str, body: &str) -> Vec<u8> {
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html>\n\
             <html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>{title}</title></head>\
             <body>{body}</body></html>"
        )
        .into_bytes()
    }

    /// An EPUB 3 volume: a cover page with only an image, two chapters (the second's file name
    /// with a space), a navigation document, and the OPF's metadata.
    pub(crate) fn volume() -> Vec<u8> {
        let opf = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
            <package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"id\">\
            <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
            <dc:identifier id=\"id\">urn:uuid:1</dc:identifier>\
            <dc:title>Collected Works, Volume 36</dc:title>\
            <dc:creator>V. I. Lenin</dc:creator>\
            <dc:language>en-GB</dc:language>\
            <dc:date>1966-01-01T00:00:00Z</dc:date>\
            </metadata><manifest>\
            <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\
            <item id=\"cover\" href=\"cover.xhtml\" media-type=\"application/xhtml+xml\"/>\
            <item id=\"c1\" href=\"Text/kamenev.xhtml\" media-type=\"application/xhtml+xml\"/>\
            <item id=\"c2\" href=\"Text/the%20question.xhtml\" media-type=\"application/xhtml+xml\"/>\
            <item id=\"img\" href=\"cover.png\" media-type=\"image/png\"/>\
            </manifest><spine><itemref idref=\"cover\"/><itemref idref=\"c1\"/>\
            <itemref idref=\"c2\"/></spine></package>";
        let nav = "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" \
            xmlns:epub=\"http://www.idpf.org/2007/ops\"><body><nav epub:type=\"toc\"><ol>\
            <li><a href=\"Text/kamenev.xhtml#top\">To L. B. Kamenev</a></li>\
            <li><a href=\"Text/the%20question.xhtml\">The Question of Nationalities \
            or “Autonomisation”</a></li></ol></nav></body></html>";
        zip_of(&[
            ("mimetype", b"application/epub+zip"),
            ("META-INF/container.xml", CONTAINER),
            ("OEBPS/content.opf", opf.as_bytes()),
            ("OEBPS/nav.xhtml", nav.as_bytes()),
            (
                "OEBPS/cover.xhtml",
                &chapter("Cover", "<img src=\"cover.png\" alt=\"\"/>"),
            ),
            (
                "OEBPS/Text/kamenev.xhtml",
                &chapter(
                    "Volume 36",
                    "<h2>To L. B. Kamenev</h2><p>Comrade Kamenev!<a id=\"p421\"/> You have \
                     probably already received</p><p>Lenin</p>",
                ),
            ),
            (
                "OEBPS/Text/the question.xhtml",
                &chapter("Volume 36", "<p>I suppose I have been very&nbsp;remiss</p>"),
            ),
            ("OEBPS/cover.png", b"\x89PNG not really"),
        ])
    }

    /// An EPUB 3 book of two chapters with a table of contents, a page-list (its pages begun
    /// by empty page-break spans, by a paragraph's id, and one entry whose id is missing) and
    /// landmarks; or the same as EPUB 2, with an NCX `pageList`.
    fn paged_book(epub3: bool) -> Vec<u8> {
        let opf = format!(
            "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" \
             version=\"{}\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
             <dc:title>Volume 42</dc:title></metadata><manifest>{}\
             <item id=\"a\" href=\"a.xhtml\" media-type=\"application/xhtml+xml\"/>\
             <item id=\"b\" href=\"b.xhtml\" media-type=\"application/xhtml+xml\"/>\
             </manifest><spine{}><itemref idref=\"a\"/><itemref idref=\"b\"/></spine></package>",
            if epub3 { "3.0" } else { "2.0" },
            if epub3 {
                "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" \
                 properties=\"nav\"/>"
            } else {
                "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>"
            },
            if epub3 { "" } else { " toc=\"ncx\"" },
        );
        let nav = "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" \
            xmlns:epub=\"http://www.idpf.org/2007/ops\"><body>\
            <nav epub:type=\"toc\"><ol><li><a href=\"a.xhtml\">To L. B. Kamenev</a></li></ol></nav>\
            <nav epub:type=\"page-list\"><ol><li><a href=\"a.xhtml#p421\">421</a></li>\
            <li><a href=\"a.xhtml#p422\">422</a></li><li><a href=\"b.xhtml#p423\">423</a></li>\
            <li><a href=\"b.xhtml#gone\">424</a></li><li><a href=\"b.xhtml#p425\">425</a></li>\
            <li><a href=\"b.xhtml#pA\">A-3</a></li></ol></nav>\
            <nav epub:type=\"landmarks\"><ol><li><a href=\"b.xhtml\">Start</a></li></ol></nav>\
            </body></html>";
        let ncx = "<?xml version=\"1.0\"?><ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\">\
            <navMap><navPoint id=\"n1\"><navLabel><text>To L. B. Kamenev</text></navLabel>\
            <content src=\"a.xhtml\"/></navPoint></navMap><pageList>\
            <pageTarget type=\"normal\" value=\"421\"><navLabel><text>421</text></navLabel>\
            <content src=\"a.xhtml#p421\"/></pageTarget>\
            <pageTarget type=\"normal\" value=\"422\"><navLabel><text>422</text></navLabel>\
            <content src=\"a.xhtml#p422\"/></pageTarget>\
            <pageTarget type=\"normal\" value=\"423\"><navLabel><text>423</text></navLabel>\
            <content src=\"b.xhtml#p423\"/></pageTarget>\
            <pageTarget type=\"normal\" value=\"425\"><navLabel><text>425</text></navLabel>\
            <content src=\"b.xhtml#p425\"/></pageTarget></pageList></ncx>";
        let a = chapter(
            "Volume 42",
            "<p><span epub:type=\"pagebreak\" id=\"p421\"/>Comrade Kamenev! You have \
             probably<span epub:type=\"pagebreak\" id=\"p422\" title=\"422\"/> already \
             received</p>",
        );
        let b = chapter(
            "Volume 42",
            "<p data-id=\"p423\" title=\"a>b\">Stalin has a tendency to hurry.</p>\
             <p class=\"x\" id=\"p423\">We con<span id=\"p425\"/>sider ourselves</p>",
        );
        zip_of(&[
            ("mimetype", b"application/epub+zip"),
            ("META-INF/container.xml", CONTAINER),
            ("OEBPS/content.opf", opf.as_bytes()),
            if epub3 {
                ("OEBPS/nav.xhtml", nav.as_bytes())
            } else {
                ("OEBPS/toc.ncx", ncx.as_bytes())
            },
            ("OEBPS/a.xhtml", &a),
            ("OEBPS/b.xhtml", &b),
        ])
    }

    #[test]
    fn a_books_page_list_becomes_the_imported_texts_pages() {
        use crate::formats::text_format::PageMark;
        use crate::storage::import::{ImportMeta, read_import_bytes};
        for epub3 in [true, false] {
            let bytes = paged_book(epub3);
            let (text, _) = read_import_bytes(
                &bytes,
                std::path::Path::new("volume.epub"),
                &ImportMeta::default(),
            )
            .expect("the book reads");
            let paragraphs: Vec<&str> = (0..text.paragraphs().len())
                .map(|i| text.paragraph_text(i))
                .collect();
            assert_eq!(
                paragraphs,
                [
                    "Comrade Kamenev! You have probably already received",
                    "Stalin has a tendency to hurry.",
                    "We consider ourselves"
                ],
                "no marker is left in the words (EPUB {})",
                if epub3 { 3 } else { 2 }
            );
            let mark = |paragraph, offset, label: &str| PageMark {
                paragraph,
                offset,
                label: label.into(),
            };
            assert_eq!(
                text.meta().pages,
                [
                    mark(0, 0, "421"),
                    mark(0, 34, "422"),
                    mark(2, 0, "423"),
                    mark(2, 6, "425")
                ],
                "a page-list entry whose id the chapter lacks, or whose label is no page \
                 number, begins no page; `data-id` is not `id`; a page begun within a word \
                 leaves it whole"
            );
            assert_eq!(
                text.meta().parts[0].label,
                "To L. B. Kamenev",
                "the page-list's links label no chapter (the landmarks' do, where the contents \
                 have none)"
            );
            assert_eq!(
                text.meta().parts[1].label,
                if epub3 { "Start" } else { "Volume 42" }
            );
        }
    }

    #[test]
    fn a_volume_reads_with_its_metadata_and_chapters_in_spine_order() {
        let bytes = volume();
        assert!(
            is_epub(std::path::Path::new("volume36"), &bytes),
            "by its first bytes"
        );
        let book = read_epub(&bytes).unwrap();
        assert_eq!(book.title.as_deref(), Some("Collected Works, Volume 36"));
        assert_eq!(book.author.as_deref(), Some("V. I. Lenin"));
        assert_eq!(book.language.as_deref(), Some("en"));
        assert_eq!(book.date.as_deref(), Some("1966-01-01T00:00:00Z"));
        assert_eq!(
            book.chapters,
            vec![
                Chapter {
                    label: "To L. B. Kamenev".into(),
                    body: "To L. B. Kamenev\n\nComrade Kamenev! You have probably already \
                           received\n\nLenin"
                        .into()
                },
                Chapter {
                    label: "The Question of Nationalities or “Autonomisation”".into(),
                    body: "I suppose I have been very remiss".into()
                },
            ],
            "the image-only cover has no text and no part"
        );
    }

    #[test]
    fn an_epub_2_is_labelled_by_its_ncx_and_else_by_its_headings() {
        let opf = "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" \
            version=\"2.0\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
            xmlns:opf=\"http://www.idpf.org/2007/opf\">\
            <dc:title>Полное собрание сочинений. Том 45</dc:title>\
            <dc:creator opf:role=\"aut\">Ленин, В. И.</dc:creator>\
            <dc:language>ru</dc:language></metadata>\
            <manifest><item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\
            <item id=\"a\" href=\"a.html\" media-type=\"application/xhtml+xml\"/>\
            <item id=\"b\" href=\"b.html\" media-type=\"application/xhtml+xml\"/></manifest>\
            <spine toc=\"ncx\"><itemref idref=\"a\"/><itemref idref=\"b\" linear=\"no\"/></spine>\
            </package>";
        let ncx = "<?xml version=\"1.0\"?><ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\">\
            <navMap><navPoint id=\"n1\"><navLabel><text>Письмо к съезду</text></navLabel>\
            <content src=\"a.html\"/></navPoint></navMap></ncx>";
        let bytes = zip_of(&[
            ("mimetype", b"application/epub+zip"),
            ("META-INF/container.xml", CONTAINER),
            ("OEBPS/content.opf", opf.as_bytes()),
            ("OEBPS/toc.ncx", ncx.as_bytes()),
            ("OEBPS/a.html", &chapter("Том 45", "<p>Я советовал бы</p>")),
            // Not well-formed XML (an unclosed paragraph): read as HTML.
            (
                "OEBPS/b.html",
                "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>Примечания</h1><p>1<p>2</body></html>"
                    .as_bytes(),
            ),
        ]);
        let book = read_epub(&bytes).unwrap();
        assert_eq!(book.author.as_deref(), Some("Ленин, В. И."));
        assert_eq!(book.language.as_deref(), Some("ru"));
        let labels: Vec<&str> = book.chapters.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Письмо к съезду", "Примечания"]);
        assert_eq!(book.chapters[1].body, "Примечания\n\n1\n\n2");
    }

    #[test]
    fn broken_books_are_refused_with_their_reason() {
        let volume = volume();
        // Not a zip at all, and a zip cut short.
        assert!(matches!(
            read_epub(b"PK\x03\x04 nothing"),
            Err(EpubError::BrokenZip(_))
        ));
        assert!(matches!(
            read_epub(&volume[..volume.len() / 2]),
            Err(EpubError::BrokenZip(_))
        ));
        // No container.
        let bytes = zip_of(&[("mimetype", b"application/epub+zip")]);
        assert_eq!(
            read_epub(&bytes),
            Err(EpubError::Missing("META-INF/container.xml".into()))
        );
        // A package without a spine, or with an empty one.
        for spine in ["", "<spine></spine>"] {
            let opf = format!(
                "<package><metadata/><manifest><item id=\"a\" href=\"a.xhtml\" \
                 media-type=\"application/xhtml+xml\"/></manifest>{spine}</package>"
            );
            let bytes = zip_of(&[
                ("META-INF/container.xml", CONTAINER),
                ("OEBPS/content.opf", opf.as_bytes()),
                ("OEBPS/a.xhtml", &chapter("A", "<p>text</p>")),
            ]);
            assert_eq!(read_epub(&bytes), Err(EpubError::NoSpine), "{spine:?}");
        }
        // Encrypted chapters.
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&volume[..])).unwrap();
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).unwrap();
            let mut contents = Vec::new();
            file.read_to_end(&mut contents).unwrap();
            files.push((file.name().unwrap().into_owned(), contents));
        }
        let encryption = b"<encryption xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" \
            xmlns:enc=\"http://www.w3.org/2001/04/xmlenc#\"><enc:EncryptedData><enc:CipherData>\
            <enc:CipherReference URI=\"OEBPS/Text/kamenev.xhtml\"/></enc:CipherData>\
            </enc:EncryptedData></encryption>";
        files.push(("META-INF/encryption.xml".into(), encryption.to_vec()));
        let pairs: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(n, c)| (n.as_str(), c.as_slice()))
            .collect();
        assert_eq!(read_epub(&zip_of(&pairs)), Err(EpubError::Encrypted));
    }

    #[test]
    fn a_zip_bomb_is_refused_without_unpacking_it_all() {
        // 80 MiB of zeros deflate to about 80 KiB: more than any one file of a book may hold.
        let zeros = vec![0u8; 80 << 20];
        let bytes = zip_of(&[
            ("mimetype", b"application/epub+zip"),
            ("META-INF/container.xml", &zeros),
        ]);
        assert!(bytes.len() < 1 << 20, "{}", bytes.len());
        assert_eq!(read_epub(&bytes), Err(EpubError::TooLarge(MAX_ENTRY_BYTES)));
    }

    #[test]
    fn damaged_books_are_read_or_refused_without_a_panic() {
        use crate::model::generate::SplitMix64;
        let volume = volume();
        let mut rng = SplitMix64::new(36);
        for _ in 0..3_000 {
            let mut bytes = volume.clone();
            match rng.range(0, 2) {
                0 => bytes.truncate(rng.range(0, volume.len())),
                1 => {
                    for _ in 0..rng.range(1, 8) {
                        let at = rng.range(0, bytes.len() - 1);
                        bytes[at] = u8::try_from(rng.range(0, 255)).unwrap();
                    }
                }
                _ => {
                    let at = rng.range(0, bytes.len());
                    let junk: Vec<u8> = (0..rng.range(1, 64))
                        .map(|_| u8::try_from(rng.range(0, 255)).unwrap())
                        .collect();
                    bytes.splice(at..at, junk);
                }
            }
            if let Ok(book) = read_epub(&bytes) {
                assert!(book.chapters.iter().all(|c| !c.body.trim().is_empty()));
            }
        }
    }

    #[test]
    fn metadata_with_references_and_repeated_fields_reads_as_written() {
        let opf = "<package><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
            <dc:title>Marx &amp; Engels</dc:title><dc:title>Selected Works</dc:title>\
            <dc:creator>K. Marx</dc:creator><dc:creator>F. Engels</dc:creator>\
            <dc:language>en</dc:language><dc:language>ru</dc:language>\
            <dc:date>1970</dc:date><dc:date>2020-01-01</dc:date></metadata>\
            <manifest><item id=\"a\" href=\"a.xhtml\" media-type=\"application/xhtml+xml\"/>\
            <item id=\"gone\" href=\"gone.xhtml\" media-type=\"application/xhtml+xml\"/>\
            <item id=\"blank\" href=\"blank.xhtml\" media-type=\"application/xhtml+xml\"/>\
            </manifest><spine><itemref idref=\"gone\"/><itemref idref=\"blank\"/>\
            <itemref idref=\"a\"/></spine></package>";
        let bytes = zip_of(&[
            ("META-INF/container.xml", CONTAINER),
            ("OEBPS/content.opf", opf.as_bytes()),
            ("OEBPS/a.xhtml", b"<p>Workers of \xff all countries</p>"),
            ("OEBPS/blank.xhtml", b"   "),
        ]);
        let book = read_epub(&bytes).unwrap();
        assert_eq!(book.title.as_deref(), Some("Marx & Engels"));
        assert_eq!(book.author.as_deref(), Some("K. Marx; F. Engels"));
        assert_eq!(book.language.as_deref(), Some("en"));
        assert_eq!(book.date.as_deref(), Some("1970"));
        // A missing and a blank chapter are left out; a stray bad byte is one character.
        assert_eq!(book.chapters.len(), 1);
        assert_eq!(book.chapters[0].body, "Workers of \u{fffd} all countries");
    }

    #[test]
    fn hrefs_are_resolved_against_their_folder() {
        assert_eq!(
            resolve("OEBPS", "Text/a%20b.xhtml#p1"),
            "OEBPS/Text/a b.xhtml"
        );
        assert_eq!(
            resolve("OEBPS/Text", "../Images/c.png"),
            "OEBPS/Images/c.png"
        );
        assert_eq!(resolve("", "/content.opf"), "content.opf");
        assert_eq!(resolve("a", "../../../x"), "x");
        assert_eq!(percent_decoded("%D0%AF%zz%"), "Я%zz%");
    }
}
