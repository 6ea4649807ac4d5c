//! Text extraction from PDF files: the text layer in reading order, cut into paragraphs.
//!
//! The file is parsed with `lopdf` (object access, bounded stream decompression, font
//! encodings and ToUnicode CMaps); the content streams are interpreted here, keeping the
//! position and size of every glyph. From those positions the reader builds lines, finds
//! columns (a vertical gutter free of text), removes running heads and feet (lines in the
//! top or bottom band that repeat from page to page once digits are masked, or that are a
//! bare page number), sets footnotes (smaller type at the foot of the body) apart, joins
//! words hyphenated at line ends and cuts the text into paragraphs at vertical gaps and
//! first-line indents. Paragraphs run on over page breaks.
//!
//! Nothing here writes files, starts threads or runs programs: bytes in, data out. Every
//! inflated byte is charged to one budget ([`PdfLimits::max_inflated_bytes`]) and a panic
//! inside the parser is caught and reported as [`PdfError::Broken`].

use std::collections::HashMap;
use std::fmt;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, LoadOptions, Object, ObjectId};

/// Bounds on the work one PDF may cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfLimits {
    /// Most pages read; a longer document is refused with [`PdfError::TooManyPages`].
    pub max_pages: usize,
    /// Most bytes inflated from compressed streams in all (content, fonts, forms, metadata).
    pub max_inflated_bytes: u64,
    /// Most bytes one stream may inflate to (object streams are inflated when the file loads).
    pub max_stream_bytes: u64,
    /// Most indirect objects in the file (by its cross-reference `/Size` and after loading).
    pub max_objects: usize,
    /// Most glyphs drawn on one page (form XObjects drawn many times multiply them).
    pub max_glyphs_per_page: usize,
}

impl Default for PdfLimits {
    fn default() -> Self {
        Self {
            max_pages: 5000,
            max_inflated_bytes: 512 * 1024 * 1024,
            max_stream_bytes: 128 * 1024 * 1024,
            max_objects: 4_000_000,
            max_glyphs_per_page: 1_000_000,
        }
    }
}

/// Why a PDF was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The file is encrypted (even when an empty password would open it): it is not decrypted.
    Encrypted,
    /// No page carries any text: a scan without OCR, or drawings only.
    NoTextLayer {
        /// Pages in the document.
        pages: usize,
    },
    /// The file could not be parsed as a PDF.
    Broken(String),
    /// The file would inflate beyond [`PdfLimits`] or holds an absurd number of objects or glyphs.
    Bomb(String),
    /// The document has more pages than [`PdfLimits::max_pages`].
    TooManyPages {
        /// Pages in the document.
        pages: usize,
        /// The limit that was exceeded.
        max: usize,
    },
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Encrypted => write!(f, "the PDF is encrypted"),
            Self::NoTextLayer { pages } => {
                write!(f, "none of the {pages} pages of the PDF has a text layer")
            }
            Self::Broken(why) => write!(f, "the PDF cannot be read: {why}"),
            Self::Bomb(why) => write!(f, "the PDF exceeds the reading limits: {why}"),
            Self::TooManyPages { pages, max } => {
                write!(
                    f,
                    "the PDF has {pages} pages, more than the {max} that are read"
                )
            }
        }
    }
}

impl std::error::Error for PdfError {}

/// The text of a PDF.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfText {
    /// `/Title` of the document information dictionary, else `dc:title` of the XMP metadata.
    pub title: Option<String>,
    /// `/Author` of the document information dictionary, else `dc:creator` of the XMP metadata.
    pub author: Option<String>,
    /// Creation date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (from `/CreationDate` or XMP).
    pub date: Option<String>,
    /// `/Lang` of the document catalog, e.g. `"ru"`.
    pub language: Option<String>,
    /// Body text in reading order, one paragraph per entry, lines joined with single spaces.
    pub paragraphs: Vec<String>,
    /// Where each page begins in `paragraphs`, one entry per page in page order.
    pub pages: Vec<PdfPageStart>,
    /// Footnotes, apart from the body, each prefixed by its page label (`"p. 12: 1 See …"`).
    pub footnotes: Vec<String>,
}

/// Where a page begins in [`PdfText::paragraphs`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfPageStart {
    /// Index of the paragraph holding the page's first body text. A page without body text
    /// points where the next body text would go (it may equal the number of paragraphs only
    /// when no paragraph has been started yet).
    pub paragraph: usize,
    /// Offset in chars into that paragraph (non-zero when the page starts mid-paragraph).
    pub offset: usize,
    /// The page's label: its printed page number if the running head or foot shows one,
    /// else its `/PageLabels` label, else its 1-based index.
    pub label: String,
}

/// True when `path` is named like a PDF or `bytes` begin as a PDF does (`%PDF-`, after white
/// space at most: a text file that only mentions "%PDF-" is text).
pub fn is_pdf(path: &std::path::Path, bytes: &[u8]) -> bool {
    let named = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    named || bytes[start..].starts_with(b"%PDF-")
}

/// Reads the text of a PDF given as bytes.
///
/// `progress(done, all)` is called after each page has been read. The PDF is refused when
/// it is encrypted, has no text, cannot be parsed or exceeds `limits` (see [`PdfError`]).
pub fn read_pdf(
    bytes: &[u8],
    limits: &PdfLimits,
    progress: &dyn Fn(usize, usize),
) -> Result<PdfText, PdfError> {
    // The checks below should keep the parser from panicking; this is the last line of defence.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_checked(bytes, limits, progress)
    }))
    .unwrap_or_else(|_| {
        Err(PdfError::Broken(
            "the PDF parser failed on this file".into(),
        ))
    })
}

fn read_checked(
    bytes: &[u8],
    limits: &PdfLimits,
    progress: &dyn Fn(usize, usize),
) -> Result<PdfText, PdfError> {
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_none() {
        return Err(PdfError::Broken("no %PDF- header".into()));
    }
    if let Some(size) = largest_xref_size(bytes)
        && size > limits.max_objects as u64
    {
        return Err(PdfError::Bomb(format!(
            "the cross-reference table announces {size} objects"
        )));
    }
    let per_stream = limits.max_stream_bytes.min(limits.max_inflated_bytes);
    let options = LoadOptions {
        max_decompressed_size: Some(usize::try_from(per_stream).unwrap_or(usize::MAX)),
        ..LoadOptions::default()
    };
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(error) => return Err(load_error(bytes, &error)),
    };
    if doc.was_encrypted() || doc.trailer.has(b"Encrypt") {
        return Err(PdfError::Encrypted);
    }
    if doc.objects.len() > limits.max_objects {
        return Err(PdfError::Bomb(format!("{} objects", doc.objects.len())));
    }
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if page_ids.is_empty() {
        return Err(PdfError::Broken("the document has no pages".into()));
    }
    if page_ids.len() > limits.max_pages {
        return Err(PdfError::TooManyPages {
            pages: page_ids.len(),
            max: limits.max_pages,
        });
    }

    let mut reader = Reader::new(&doc, limits);
    let mut pages = Vec::with_capacity(page_ids.len());
    for (index, &page_id) in page_ids.iter().enumerate() {
        pages.push(reader.page(page_id, index)?);
        progress(index + 1, page_ids.len());
    }
    if pages.iter().all(|page| page.lines.is_empty()) {
        return Err(PdfError::NoTextLayer { pages: pages.len() });
    }

    let labels = page_labels(&doc, pages.len());
    let meta = metadata(&doc, &mut reader.budget);
    let mut text = layout::assemble(pages, &labels);
    text.title = meta.title;
    text.author = meta.author;
    text.date = meta.date;
    text.language = meta.language;
    Ok(text)
}

fn load_error(bytes: &[u8], error: &lopdf::Error) -> PdfError {
    match error {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { limit }) => {
            PdfError::Bomb(format!("a stream inflates beyond {limit} bytes"))
        }
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => PdfError::Encrypted,
        _ if find(bytes, b"/Encrypt").is_some() => PdfError::Encrypted,
        _ => PdfError::Broken(error.to_string()),
    }
}

/// First index of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len())
        .position(|window| window == needle)
}

/// The largest `/Size N` in the file: the object count its cross-reference sections announce.
fn largest_xref_size(bytes: &[u8]) -> Option<u64> {
    let mut largest = None;
    let mut rest = bytes;
    while let Some(at) = find(rest, b"/Size") {
        rest = &rest[at + 5..];
        let digits: Vec<u8> = rest
            .iter()
            .skip_while(|b| b.is_ascii_whitespace())
            .take_while(|b| b.is_ascii_digit())
            .take(20)
            .copied()
            .collect();
        if let Some(n) = std::str::from_utf8(&digits)
            .ok()
            .and_then(|s| s.parse::<u64>().ok())
        {
            largest = Some(largest.map_or(n, |m: u64| m.max(n)));
        }
    }
    largest
}

// ---------------------------------------------------------------------------------------
// Content streams → positioned spans.

/// A run of glyphs on one baseline, in user space (y grows upwards).
#[derive(Debug, Clone)]
struct Span {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    text: String,
}

/// One page's lines, before the cross-page analysis.
#[derive(Debug, Clone)]
pub(crate) struct PageLines {
    /// Top of the page box (largest y).
    top: f32,
    /// Bottom of the page box.
    bottom: f32,
    /// Lines in reading order.
    lines: Vec<Line>,
}

/// A line of text (one column's part of a baseline).
#[derive(Debug, Clone)]
pub(crate) struct Line {
    text: String,
    x0: f32,
    x1: f32,
    y: f32,
    /// Font size of most of its characters.
    size: f32,
    /// Column index, `None` for a line across the columns.
    col: Option<usize>,
}

/// Inflated bytes still allowed.
struct Budget {
    left: u64,
    per_stream: u64,
}

impl Budget {
    fn inflate(&mut self, stream: &lopdf::Stream) -> Result<Vec<u8>, PdfError> {
        let cap = self.left.min(self.per_stream);
        let cap_usize = usize::try_from(cap).unwrap_or(usize::MAX);
        match stream.decompressed_content_with_limit(cap_usize) {
            Ok(data) => {
                self.left = self.left.saturating_sub(data.len() as u64);
                Ok(data)
            }
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => Err(PdfError::Bomb(format!(
                "streams inflate beyond {cap} more bytes"
            ))),
            // A stream that cannot be decoded is skipped, as viewers do.
            Err(_) => Ok(Vec::new()),
        }
    }
}

/// How one font turns codes into text and advances.
struct FontInfo<'d> {
    /// Preferred decoding (ToUnicode when present).
    primary: Option<Encoding<'d>>,
    /// Decoding by `/Encoding` (used where ToUnicode has no entry).
    fallback: Option<Encoding<'d>>,
    two_byte: bool,
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Glyph space → text space (0.001, or the Type 3 font matrix).
    scale: f32,
    cache: HashMap<u32, String>,
}

impl FontInfo<'_> {
    fn text(&mut self, code: u32) -> &str {
        let Self {
            primary,
            fallback,
            two_byte,
            cache,
            ..
        } = self;
        cache.entry(code).or_insert_with(|| {
            let bytes: Vec<u8> = if *two_byte {
                vec![(code >> 8) as u8, code as u8]
            } else {
                vec![code as u8]
            };
            let decode = |encoding: &Option<Encoding<'_>>, bytes: &[u8]| -> String {
                encoding
                    .as_ref()
                    .and_then(|e| e.bytes_to_string(bytes).ok())
                    .map(|s| clean_glyph_text(&s))
                    .unwrap_or_default()
            };
            let mut text = decode(primary, &bytes);
            if text.is_empty() && !*two_byte && decode(primary, &[0]).is_empty() {
                // A one-byte font whose ToUnicode map is written with two-byte codes
                // (<008c> for code 0x8c, as groff's PDFs have it): the code looked up as such.
                text = decode(primary, &[0, code as u8]);
            }
            if text.is_empty() {
                decode(fallback, &bytes)
            } else {
                text
            }
        })
    }

    fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            * self.scale
    }
}

/// Expands ligatures and drops replacement and control characters from a glyph's text.
fn clean_glyph_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{FFFD}' | '\u{0}' => {}
            '\t' | '\n' | '\r' | '\u{A0}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b` for PDF matrices (row vectors).
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// Graphics and text state saved by `q`.
#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<usize>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
}

impl GState {
    fn new(ctm: Matrix) -> Self {
        Self {
            ctm,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

const MAX_FORM_DEPTH: usize = 12;
const MAX_CHAIN: usize = 64;

struct Reader<'d> {
    doc: &'d Document,
    limits: &'d PdfLimits,
    budget: Budget,
    fonts: Vec<FontInfo<'d>>,
    font_ids: HashMap<ObjectId, usize>,
    forms: HashMap<ObjectId, std::rc::Rc<Vec<u8>>>,
    spans: Vec<Span>,
    glyphs: usize,
}

fn num(object: &Object) -> Option<f32> {
    object.as_float().ok().filter(|v| v.is_finite())
}

impl<'d> Reader<'d> {
    fn new(doc: &'d Document, limits: &'d PdfLimits) -> Self {
        Self {
            doc,
            limits,
            budget: Budget {
                left: limits.max_inflated_bytes,
                per_stream: limits.max_stream_bytes,
            },
            fonts: Vec::new(),
            font_ids: HashMap::new(),
            forms: HashMap::new(),
            spans: Vec::new(),
            glyphs: 0,
        }
    }

    fn deref(&self, object: &'d Object) -> &'d Object {
        let mut object = object;
        for _ in 0..MAX_CHAIN {
            match object {
                Object::Reference(id) => match self.doc.get_object(*id) {
                    Ok(next) => object = next,
                    Err(_) => return &Object::Null,
                },
                _ => return object,
            }
        }
        &Object::Null
    }

    fn get(&self, dict: &'d Dictionary, key: &[u8]) -> Option<&'d Object> {
        dict.get(key)
            .ok()
            .map(|o| self.deref(o))
            .filter(|o| !matches!(o, Object::Null))
    }

    fn get_dict(&self, dict: &'d Dictionary, key: &[u8]) -> Option<&'d Dictionary> {
        match self.get(dict, key)? {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    /// A page attribute, inherited from the page tree (`/Resources`, `/MediaBox`, `/CropBox`).
    fn inherited(&self, page: &'d Dictionary, key: &[u8]) -> Option<&'d Object> {
        let mut node = page;
        for _ in 0..MAX_CHAIN {
            if let Some(value) = self.get(node, key) {
                return Some(value);
            }
            node = self.get_dict(node, b"Parent")?;
        }
        None
    }

    fn rect(&self, object: Option<&'d Object>) -> Option<[f32; 4]> {
        let array = object?.as_array().ok()?;
        let v: Vec<f32> = array.iter().filter_map(|o| num(self.deref(o))).collect();
        if v.len() != 4 {
            return None;
        }
        Some([
            v[0].min(v[2]),
            v[1].min(v[3]),
            v[0].max(v[2]),
            v[1].max(v[3]),
        ])
    }

    fn page(&mut self, page_id: ObjectId, index: usize) -> Result<PageLines, PdfError> {
        let doc = self.doc;
        let Ok(page) = doc.get_dictionary(page_id) else {
            return Ok(PageLines {
                top: 792.0,
                bottom: 0.0,
                lines: Vec::new(),
            });
        };
        let media = self
            .rect(self.inherited(page, b"MediaBox"))
            .unwrap_or([0.0, 0.0, 612.0, 792.0]);
        let bbox = self.rect(self.inherited(page, b"CropBox")).unwrap_or(media);
        let resources = self.inherited(page, b"Resources").and_then(|o| match o {
            Object::Dictionary(d) => Some(d),
            _ => None,
        });
        self.spans.clear();
        self.glyphs = 0;
        let mut contents: Vec<&'d lopdf::Stream> = Vec::new();
        match page.get(b"Contents").ok().map(|o| self.deref(o)) {
            Some(Object::Stream(s)) => contents.push(s),
            Some(Object::Array(items)) => {
                for item in items {
                    if let Object::Stream(s) = self.deref(item) {
                        contents.push(s);
                    }
                }
            }
            _ => {}
        }
        // The content of a page may be split anywhere between its streams.
        let mut data = Vec::new();
        for stream in contents {
            data.extend(self.budget.inflate(stream)?);
            data.push(b'\n');
        }
        let mut gs = GState::new(IDENTITY);
        self.run(&data, resources, &mut gs, 0)
            .map_err(|e| match e {
                PdfError::Bomb(why) => PdfError::Bomb(format!("page {}: {why}", index + 1)),
                other => other,
            })?;
        let spans = std::mem::take(&mut self.spans);
        Ok(PageLines {
            top: bbox[3],
            bottom: bbox[1],
            lines: layout::page_lines(spans, bbox),
        })
    }

    fn run(
        &mut self,
        data: &[u8],
        resources: Option<&'d Dictionary>,
        gs: &mut GState,
        depth: usize,
    ) -> Result<(), PdfError> {
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        for op in Content::decode_iter(data) {
            let Ok(op) = op else { break };
            let args = &op.operands;
            let f = |i: usize| args.get(i).and_then(num).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" if stack.len() < 256 => stack.push(gs.clone()),
                "Q" => {
                    if let Some(saved) = stack.pop() {
                        *gs = saved;
                    }
                }
                "cm" if args.len() == 6 => {
                    gs.ctm = mul(&[f(0), f(1), f(2), f(3), f(4), f(5)], &gs.ctm);
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tc" => gs.char_spacing = f(0),
                "Tw" => gs.word_spacing = f(0),
                "Tz" => gs.h_scale = f(0) / 100.0,
                "TL" => gs.leading = f(0),
                "Ts" => gs.rise = f(0),
                "Tf" => {
                    gs.font_size = f(1);
                    gs.font = args
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| self.font(resources, name));
                }
                "Td" | "TD" => {
                    if op.operator == "TD" {
                        gs.leading = -f(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, f(0), f(1)], &tlm);
                    tm = tlm;
                }
                "Tm" if args.len() == 6 => {
                    tlm = [f(0), f(1), f(2), f(3), f(4), f(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(Object::String(s, _)) = args.first() {
                        self.show(s, gs, &mut tm)?;
                    }
                }
                "'" | "\"" => {
                    if op.operator == "\"" {
                        gs.word_spacing = f(0);
                        gs.char_spacing = f(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                    if let Some(Object::String(s, _)) = args.last() {
                        self.show(s, gs, &mut tm)?;
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = args.first() {
                        for item in items {
                            match item {
                                Object::String(s, _) => self.show(s, gs, &mut tm)?,
                                other => {
                                    if let Some(n) = num(other) {
                                        let tx = -n / 1000.0 * gs.font_size * gs.h_scale;
                                        tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(name) = args.first().and_then(|o| o.as_name().ok()) {
                        self.form(resources, name, gs, depth)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Draws a form XObject.
    fn form(
        &mut self,
        resources: Option<&'d Dictionary>,
        name: &[u8],
        gs: &GState,
        depth: usize,
    ) -> Result<(), PdfError> {
        let Some(xobjects) = resources.and_then(|r| self.get_dict(r, b"XObject")) else {
            return Ok(());
        };
        let Ok(Object::Reference(id)) = xobjects.get(name) else {
            return Ok(());
        };
        let id = *id;
        let Ok(Object::Stream(stream)) = self.doc.get_object(id) else {
            return Ok(());
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return Ok(());
        }
        let data = match self.forms.get(&id) {
            Some(data) => data.clone(),
            None => {
                let data = std::rc::Rc::new(self.budget.inflate(stream)?);
                self.forms.insert(id, data.clone());
                data
            }
        };
        let matrix = self
            .get(&stream.dict, b"Matrix")
            .and_then(|o| o.as_array().ok())
            .map(|a| {
                a.iter()
                    .filter_map(|o| num(self.deref(o)))
                    .collect::<Vec<f32>>()
            })
            .filter(|m| m.len() == 6)
            .map_or(IDENTITY, |m| [m[0], m[1], m[2], m[3], m[4], m[5]]);
        let own = self.get_dict(&stream.dict, b"Resources");
        let mut inner = gs.clone();
        inner.ctm = mul(&matrix, &gs.ctm);
        self.run(&data, own.or(resources), &mut inner, depth + 1)
    }

    /// The index of the font named `name` in the resources, loading it on first use.
    fn font(&mut self, resources: Option<&'d Dictionary>, name: &[u8]) -> Option<usize> {
        let fonts = self.get_dict(resources?, b"Font")?;
        let entry = fonts.get(name).ok()?;
        let id = match entry {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        if let Some(index) = id.and_then(|id| self.font_ids.get(&id)) {
            return Some(*index);
        }
        let dict = match self.deref(entry) {
            Object::Dictionary(d) => d,
            _ => return None,
        };
        let info = self.load_font(dict);
        self.fonts.push(info);
        let index = self.fonts.len() - 1;
        if let Some(id) = id {
            self.font_ids.insert(id, index);
        }
        Some(index)
    }

    fn load_font(&mut self, dict: &'d Dictionary) -> FontInfo<'d> {
        let doc = self.doc;
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let two_byte = subtype == b"Type0";
        let limit =
            usize::try_from(self.budget.left.min(self.budget.per_stream)).unwrap_or(usize::MAX);
        // lopdf prefers /Encoding over /ToUnicode; ToUnicode is the better source of text,
        // so it is read from a copy of the font without /Encoding.
        let mut primary = None;
        if let Some(Object::Stream(cmap)) = self.get(dict, b"ToUnicode") {
            self.budget.left = self
                .budget
                .left
                .saturating_sub(cmap.content.len() as u64 * 4);
            let mut copy = dict.clone();
            copy.remove(b"Encoding");
            if let Ok(Encoding::UnicodeMapEncoding(map)) =
                copy.get_font_encoding_with_limit(doc, limit)
            {
                primary = Some(Encoding::UnicodeMapEncoding(map));
            }
        }
        let fallback = if two_byte {
            None
        } else {
            dict.get_font_encoding_with_limit(doc, limit).ok()
        };
        let mut widths = HashMap::new();
        let default_width;
        let mut scale = 0.001;
        if two_byte {
            let descendant = self
                .get(dict, b"DescendantFonts")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| self.deref(o).as_dict().ok());
            if let Some(cid) = descendant {
                default_width = self.get(cid, b"DW").and_then(num).unwrap_or(1000.0);
                if let Some(w) = self.get(cid, b"W").and_then(|o| o.as_array().ok()) {
                    self.cid_widths(w, &mut widths);
                }
            } else {
                default_width = 1000.0;
            }
        } else {
            let first = self
                .get(dict, b"FirstChar")
                .and_then(num)
                .unwrap_or(0.0)
                .max(0.0) as u32;
            if let Some(w) = self.get(dict, b"Widths").and_then(|o| o.as_array().ok()) {
                for (i, o) in w.iter().take(65536).enumerate() {
                    if let Some(v) = num(self.deref(o)) {
                        widths.insert(first + i as u32, v);
                    }
                }
            }
            default_width = self
                .get_dict(dict, b"FontDescriptor")
                .and_then(|d| self.get(d, b"MissingWidth"))
                .and_then(num)
                .filter(|w| *w > 0.0)
                .unwrap_or(if widths.is_empty() { 500.0 } else { 0.0 });
            if subtype == b"Type3" {
                scale = self
                    .get(dict, b"FontMatrix")
                    .and_then(|o| o.as_array().ok())
                    .and_then(|a| a.first())
                    .and_then(|o| num(self.deref(o)))
                    .unwrap_or(0.001);
            }
        }
        FontInfo {
            primary,
            fallback,
            two_byte,
            widths,
            default_width,
            scale,
            cache: HashMap::new(),
        }
    }

    fn cid_widths(&self, w: &'d [Object], widths: &mut HashMap<u32, f32>) {
        let mut i = 0;
        while i < w.len() && widths.len() < 70_000 {
            let Some(first) = num(self.deref(&w[i])) else {
                break;
            };
            let first = first.max(0.0) as u32;
            match w.get(i + 1).map(|o| self.deref(o)) {
                Some(Object::Array(list)) => {
                    for (k, o) in list.iter().enumerate().take(65536) {
                        if let Some(v) = num(self.deref(o)) {
                            widths.insert(first + k as u32, v);
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let last = num(last).unwrap_or(0.0).max(0.0) as u32;
                    let v = w.get(i + 2).and_then(|o| num(self.deref(o))).unwrap_or(0.0);
                    for code in first..=last.min(first.saturating_add(65536)) {
                        widths.insert(code, v);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }

    /// Shows a string: records its glyphs and advances the text matrix.
    fn show(&mut self, bytes: &[u8], gs: &GState, tm: &mut Matrix) -> Result<(), PdfError> {
        let Some(font_index) = gs.font else {
            return Ok(());
        };
        let two_byte = self.fonts.get(font_index).is_some_and(|f| f.two_byte);
        let step = if two_byte { 2 } else { 1 };
        for chunk in bytes.chunks(step) {
            let code = chunk.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
            self.glyphs += 1;
            if self.glyphs > self.limits.max_glyphs_per_page {
                return Err(PdfError::Bomb(format!(
                    "more than {} glyphs",
                    self.limits.max_glyphs_per_page
                )));
            }
            let Some(font) = self.fonts.get_mut(font_index) else {
                return Ok(());
            };
            let w0 = font.width(code);
            let text = font.text(code);
            let m = mul(tm, &gs.ctm);
            let x = m[2] * gs.rise + m[4];
            let y = m[3] * gs.rise + m[5];
            let size = gs.font_size * m[2].hypot(m[3]);
            let advance_text = w0 * gs.font_size * gs.h_scale;
            let width = advance_text * m[0].hypot(m[1]);
            // Text that runs vertically or upside down (margin notes, stamps) is left out.
            let upright = m[0] > 0.0 && m[1].abs() <= m[0].abs() * 0.2;
            if upright && size > 0.5 && !text.is_empty() && x.is_finite() && y.is_finite() {
                push_glyph(&mut self.spans, x, x + width, y, size, text);
            }
            let mut tx = w0 * gs.font_size + gs.char_spacing;
            if !two_byte && code == 32 {
                tx += gs.word_spacing;
            }
            tx *= gs.h_scale;
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        }
        Ok(())
    }
}

fn push_glyph(spans: &mut Vec<Span>, x0: f32, x1: f32, y: f32, size: f32, text: &str) {
    if let Some(last) = spans.last_mut() {
        let gap = x0 - last.x1;
        if (last.size - size).abs() < 0.05 * size
            && (last.y - y).abs() < 0.1 * size
            && gap > -0.3 * size
            && gap < 0.12 * size
        {
            last.text.push_str(text);
            last.x1 = last.x1.max(x1);
            return;
        }
    }
    spans.push(Span {
        x0,
        x1: x1.max(x0),
        y,
        size,
        text: text.to_string(),
    });
}

// ---------------------------------------------------------------------------------------
// Metadata and page labels.

#[derive(Default)]
struct Meta {
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
    language: Option<String>,
}

fn text_string(object: &Object) -> Option<String> {
    let Object::String(bytes, _) = object else {
        return None;
    };
    let text = if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(&bytes[3..]).into_owned()
    } else {
        bytes.iter().map(|&b| pdf_doc_char(b)).collect()
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// PDFDocEncoding.
fn pdf_doc_char(b: u8) -> char {
    const HIGH: [char; 33] = [
        '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘', '’', '‚',
        '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\u{FFFD}', '€',
    ];
    match b {
        0x80..=0xA0 => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// `YYYY[-MM[-DD]]` from a PDF date (`D:19990213…`) or an ISO date.
fn parse_date(raw: &str) -> Option<String> {
    let digits: String = raw
        .trim()
        .trim_start_matches("D:")
        .chars()
        .filter(|c| *c != '-')
        .take_while(char::is_ascii_digit)
        .take(8)
        .collect();
    if digits.len() < 4 {
        return None;
    }
    let year = &digits[..4];
    let mut out = year.to_string();
    if digits.len() >= 6 {
        let month: u32 = digits[4..6].parse().ok()?;
        if (1..=12).contains(&month) {
            out.push_str(&format!("-{:02}", month));
            if digits.len() >= 8 {
                let day: u32 = digits[6..8].parse().ok()?;
                if (1..=31).contains(&day) {
                    out.push_str(&format!("-{:02}", day));
                }
            }
        }
    }
    Some(out)
}

fn metadata(doc: &Document, budget: &mut Budget) -> Meta {
    let mut meta = Meta::default();
    let deref = |o: &Object| -> Option<Object> {
        match o {
            Object::Reference(id) => doc.get_object(*id).ok().cloned(),
            other => Some(other.clone()),
        }
    };
    if let Some(Object::Dictionary(info)) = doc.trailer.get(b"Info").ok().and_then(deref) {
        let field = |key: &[u8]| {
            info.get(key)
                .ok()
                .and_then(deref)
                .as_ref()
                .and_then(text_string)
        };
        meta.title = field(b"Title");
        meta.author = field(b"Author");
        meta.date = field(b"CreationDate").and_then(|d| parse_date(&d));
    }
    if let Ok(catalog) = doc.catalog() {
        meta.language = catalog
            .get(b"Lang")
            .ok()
            .and_then(deref)
            .as_ref()
            .and_then(text_string);
        if let Some(Object::Stream(xmp)) = catalog.get(b"Metadata").ok().and_then(deref)
            && let Ok(data) = budget.inflate(&xmp)
        {
            let xml = String::from_utf8_lossy(&data);
            if meta.title.is_none() {
                meta.title = xmp_field(&xml, "dc:title");
            }
            if meta.author.is_none() {
                meta.author = xmp_field(&xml, "dc:creator");
            }
            if meta.date.is_none() {
                meta.date = xmp_field(&xml, "xmp:CreateDate")
                    .or_else(|| xmp_field(&xml, "dc:date"))
                    .and_then(|d| parse_date(&d));
            }
        }
    }
    meta
}

/// The text of an XMP property: `<tag>…</tag>` (first `rdf:li` inside, if any) or `tag="…"`.
fn xmp_field(xml: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}");
    let text = if let Some(start) = xml.find(&open) {
        let rest = &xml[start + open.len()..];
        let body_start = rest.find('>')? + 1;
        let close = format!("</{tag}>");
        let body = &rest[body_start..rest.find(&close)?];
        let body = match body.find("<rdf:li") {
            Some(li) => {
                let after = &body[li..];
                let s = after.find('>')? + 1;
                &after[s..after.find("</rdf:li>")?]
            }
            None => body,
        };
        body.to_string()
    } else {
        let attr = format!("{tag}=\"");
        let start = xml.find(&attr)? + attr.len();
        let rest = &xml[start..];
        rest[..rest.find('"')?].to_string()
    };
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty() && !text.contains('<')).then_some(text)
}

/// The `/PageLabels` label of each page (`None` where the document gives none).
fn page_labels(doc: &Document, pages: usize) -> Vec<Option<String>> {
    let mut ranges: Vec<(usize, Dictionary)> = Vec::new();
    let deref = |o: &Object| -> Option<Object> {
        match o {
            Object::Reference(id) => doc.get_object(*id).ok().cloned(),
            other => Some(other.clone()),
        }
    };
    fn walk(
        node: &Dictionary,
        deref: &dyn Fn(&Object) -> Option<Object>,
        ranges: &mut Vec<(usize, Dictionary)>,
        depth: usize,
    ) {
        if depth > 16 || ranges.len() > 100_000 {
            return;
        }
        if let Some(Object::Array(nums)) = node.get(b"Nums").ok().and_then(deref) {
            for pair in nums.chunks_exact(2) {
                let start = deref(&pair[0]).and_then(|o| o.as_i64().ok());
                let dict = deref(&pair[1]).and_then(|o| o.as_dict().ok().cloned());
                if let (Some(start), Some(dict)) = (start, dict)
                    && let Ok(start) = usize::try_from(start)
                {
                    ranges.push((start, dict));
                }
            }
        }
        if let Some(Object::Array(kids)) = node.get(b"Kids").ok().and_then(deref) {
            for kid in &kids {
                if let Some(Object::Dictionary(kid)) = deref(kid).as_ref() {
                    walk(kid, deref, ranges, depth + 1);
                }
            }
        }
    }
    if let Some(Object::Dictionary(root)) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"PageLabels").ok())
        .and_then(deref)
    {
        walk(&root, &deref, &mut ranges, 0);
    }
    if ranges.is_empty() {
        return vec![None; pages];
    }
    ranges.sort_by_key(|(start, _)| *start);
    (0..pages)
        .map(|page| {
            let (start, dict) = ranges.iter().rev().find(|(start, _)| *start <= page)?;
            let prefix = dict
                .get(b"P")
                .ok()
                .and_then(deref)
                .as_ref()
                .and_then(text_string);
            let first = dict
                .get(b"St")
                .ok()
                .and_then(|o| o.as_i64().ok())
                .unwrap_or(1)
                .max(1);
            let n = u64::try_from(first).unwrap_or(1) + (page - start) as u64;
            let number = match dict.get(b"S").ok().and_then(|o| o.as_name().ok()) {
                Some(b"D") => n.to_string(),
                Some(b"R") => roman(n).to_uppercase(),
                Some(b"r") => roman(n),
                Some(b"A") => letters(n).to_uppercase(),
                Some(b"a") => letters(n),
                _ => String::new(),
            };
            let label = format!("{}{number}", prefix.unwrap_or_default());
            (!label.is_empty()).then_some(label)
        })
        .collect()
}

fn roman(mut n: u64) -> String {
    if n == 0 || n > 100_000 {
        return n.to_string();
    }
    const TABLE: [(u64, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// a, b, …, z, aa, bb, … (the PDF letter style).
fn letters(n: u64) -> String {
    let n = n.clamp(1, 26 * 100);
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

/// The value of a roman numeral written in canonical form (`"xiv"` → 14), any case.
fn parse_roman(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 12 {
        return None;
    }
    let lower = text.to_lowercase();
    if !(text == lower || text == text.to_uppercase()) {
        return None;
    }
    let value = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        'd' => Some(500),
        'm' => Some(1000),
        _ => None,
    };
    let digits: Vec<u64> = lower.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    let total = u64::try_from(total).ok()?;
    (roman(total) == lower).then_some(total)
}

// ---------------------------------------------------------------------------------------
// Layout: lines, columns, running heads, footnotes, paragraphs.

mod layout {
    use super::{Line, PageLines, PdfPageStart, PdfText, Span, parse_roman};
    use std::collections::{HashMap, HashSet};

    fn median(values: &mut [f32]) -> Option<f32> {
        if values.is_empty() {
            return None;
        }
        values.sort_by(f32::total_cmp);
        Some(values[values.len() / 2])
    }

    /// Joins the spans of one baseline (sorted by x) into text.
    fn join_spans(spans: &[&Span], size: f32, baseline: f32) -> String {
        let mut text = String::new();
        let mut last: Option<&Span> = None;
        for span in spans {
            // A note's number set small above the line ("danger¹") stays a superscript, not
            // a digit run into the word before it.
            let raised = span.size < 0.85 * size && span.y - baseline > 0.2 * size;
            let superscript: Option<String> = raised
                .then(|| span.text.trim().chars().map(superscript_of).collect())
                .flatten();
            if let Some(prev) = last {
                // Text drawn twice at the same place (fake bold) is kept once.
                if prev.text == span.text && (prev.x0 - span.x0).abs() < 0.2 * size {
                    continue;
                }
                if span.x0 - prev.x1 > 0.15 * size.min(span.size.max(prev.size)) {
                    text.push(' ');
                }
            }
            match &superscript {
                Some(raised) => text.push_str(raised),
                None => text.push_str(&span.text),
            }
            last = Some(span);
        }
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The superscript of a digit (a note's number); none for another character.
    fn superscript_of(c: char) -> Option<char> {
        Some(match c {
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            _ => return None,
        })
    }

    /// Size of most of the characters.
    fn dominant_size(spans: &[&Span]) -> f32 {
        let mut weight: HashMap<i32, (usize, f32)> = HashMap::new();
        for span in spans {
            let entry = weight
                .entry((span.size * 4.0).round() as i32)
                .or_insert((0, span.size));
            entry.0 += span
                .text
                .chars()
                .filter(|c| !c.is_whitespace())
                .count()
                .max(1);
        }
        weight
            .into_values()
            .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
            .map_or(10.0, |(_, size)| size)
    }

    /// Gutters of a page: x positions splitting its body into columns.
    fn gutters(clusters: &[Vec<&Span>], bbox: [f32; 4]) -> Vec<f32> {
        let height = bbox[3] - bbox[1];
        // Pieces of baselines, cut at gaps wider than a word space: (x0, x1, size, y).
        let mut segments: Vec<(f32, f32, f32, f32)> = Vec::new();
        for cluster in clusters {
            let Some(first) = cluster.first() else {
                continue;
            };
            if first.y > bbox[3] - 0.08 * height || first.y < bbox[1] + 0.08 * height {
                continue;
            }
            let mut current: Option<(f32, f32, f32, f32)> = None;
            for span in cluster {
                if span.text.trim().is_empty() {
                    continue;
                }
                current = match current {
                    Some((x0, x1, size, y)) if span.x0 - x1 < 1.2 * size.max(span.size) => {
                        Some((x0, x1.max(span.x1), size.max(span.size), y))
                    }
                    Some(done) => {
                        segments.push(done);
                        Some((span.x0, span.x1, span.size, span.y))
                    }
                    None => Some((span.x0, span.x1, span.size, span.y)),
                };
            }
            segments.extend(current);
        }
        if segments.len() < 6 {
            return Vec::new();
        }
        let left = segments.iter().map(|s| s.0).fold(f32::INFINITY, f32::min);
        let right = segments
            .iter()
            .map(|s| s.1)
            .fold(f32::NEG_INFINITY, f32::max);
        if !(right - left > 50.0 && right - left < 20_000.0) {
            return Vec::new();
        }
        let mut sizes: Vec<f32> = segments.iter().map(|s| s.2).collect();
        let size = median(&mut sizes).unwrap_or(10.0);
        let cells = (right - left).ceil() as usize + 1;
        let mut crossing = vec![0usize; cells];
        for (x0, x1, _, _) in &segments {
            let a = ((x0 - left).max(0.0) as usize + 1).min(cells);
            let b = ((x1 - left).max(0.0) as usize).min(cells);
            for cell in crossing.iter_mut().take(b).skip(a) {
                *cell += 1;
            }
        }
        let allowed = segments.len() / 7;
        let mut result = Vec::new();
        let mut x = 0;
        while x < cells {
            if crossing[x] > allowed {
                x += 1;
                continue;
            }
            let start = x;
            while x < cells && crossing[x] <= allowed {
                x += 1;
            }
            // The few lines of a short column (the last of a chapter or of the book) are
            // within the tolerance too: the gutter is the widest stretch that the fewest
            // lines cross, not the whole stretch with the column in it.
            let run = &crossing[start..x];
            let fewest = run.iter().copied().min().unwrap_or(0);
            let mut widest = (0, 0);
            let mut i = 0;
            while i < run.len() {
                let from = i;
                while i < run.len() && run[i] == fewest {
                    i += 1;
                }
                if i - from > widest.1 - widest.0 {
                    widest = (from, i);
                }
                i += 1;
            }
            let (a, b) = (
                left + (start + widest.0) as f32,
                left + (start + widest.1) as f32,
            );
            if b - a < 0.9 * size {
                continue;
            }
            let mid = (a + b) / 2.0;
            type Segment = (f32, f32, f32, f32);
            let on_left: Vec<&Segment> = segments.iter().filter(|s| s.1 <= mid).collect();
            let on_right: Vec<&Segment> = segments.iter().filter(|s| s.0 >= mid).collect();
            let wide = |side: &[&Segment]| {
                side.iter().map(|s| s.1 - s.0).sum::<f32>() / side.len().max(1) as f32
            };
            // The rows both sides have text in. A column may be short (the last one of a
            // chapter or of the book), so the sides are weighed there, not on the whole page.
            let extent = |side: &[&Segment]| {
                side.iter()
                    .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), s| {
                        (lo.min(s.3), hi.max(s.3))
                    })
            };
            let ((left_lo, left_hi), (right_lo, right_hi)) = (extent(&on_left), extent(&on_right));
            let (lo, hi) = (left_lo.max(right_lo), left_hi.min(right_hi));
            let beside = |side: &[&Segment]| side.iter().filter(|s| s.3 >= lo && s.3 <= hi).count();
            let shared = segments.iter().filter(|s| s.3 >= lo && s.3 <= hi).count();
            let holds_column = |side: &[&Segment]| {
                let n = beside(side);
                n >= 3 && n * 5 >= shared && wide(side) > 6.0 * size
            };
            // Both sides must hold text columns, side by side for at least three lines, not a
            // margin note or a ragged edge.
            if holds_column(&on_left) && holds_column(&on_right) {
                result.push(mid);
            }
        }
        result
    }

    /// Lines of a page in reading order.
    pub(super) fn page_lines(mut spans: Vec<Span>, bbox: [f32; 4]) -> Vec<Line> {
        spans.retain(|s| !s.text.trim().is_empty());
        spans.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
        // Spans on one baseline (superscripts join the line they rise from).
        let mut clusters: Vec<Vec<&Span>> = Vec::new();
        let mut reference: Option<(f32, f32)> = None;
        for span in &spans {
            match (reference, clusters.last_mut()) {
                (Some((y, size)), Some(cluster))
                    if (y - span.y).abs() < 0.5 * size.max(span.size) =>
                {
                    cluster.push(span);
                    if span.size > size {
                        reference = Some((span.y, span.size));
                    }
                }
                _ => {
                    clusters.push(vec![span]);
                    reference = Some((span.y, span.size));
                }
            }
        }
        for cluster in &mut clusters {
            cluster.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        }
        let gutters = gutters(&clusters, bbox);
        // Cut each baseline at the gutters it does not cross.
        let mut lines: Vec<Line> = Vec::new();
        for cluster in &clusters {
            let crosses = cluster
                .iter()
                .any(|s| gutters.iter().any(|g| s.x0 < *g && s.x1 > *g));
            let mut parts: Vec<(Option<usize>, Vec<&Span>)> = Vec::new();
            if crosses || gutters.is_empty() {
                parts.push((
                    if gutters.is_empty() { Some(0) } else { None },
                    cluster.clone(),
                ));
            } else {
                for span in cluster {
                    let col = gutters.iter().filter(|g| span.x0 >= **g).count();
                    match parts.last_mut() {
                        Some((Some(c), list)) if *c == col => list.push(span),
                        _ => parts.push((Some(col), vec![span])),
                    }
                }
            }
            for (col, part) in parts {
                let size = dominant_size(&part);
                let main = part
                    .iter()
                    .filter(|s| (s.size - size).abs() < 0.05 * size)
                    .map(|s| s.y)
                    .next()
                    .unwrap_or(part[0].y);
                let text = join_spans(&part, size, main);
                if text.is_empty() {
                    continue;
                }
                lines.push(Line {
                    text,
                    x0: part.iter().map(|s| s.x0).fold(f32::INFINITY, f32::min),
                    x1: part.iter().map(|s| s.x1).fold(f32::NEG_INFINITY, f32::max),
                    y: main,
                    size,
                    col,
                });
            }
        }
        // Reading order: between lines that cross the columns, column by column.
        let mut ordered = Vec::with_capacity(lines.len());
        let mut block: Vec<Line> = Vec::new();
        let flush = |block: &mut Vec<Line>, ordered: &mut Vec<Line>| {
            block.sort_by_key(|l| l.col);
            ordered.append(block);
        };
        for line in lines {
            if line.col.is_none() {
                flush(&mut block, &mut ordered);
                ordered.push(line);
            } else {
                block.push(line);
            }
        }
        flush(&mut block, &mut ordered);
        ordered
    }

    /// Masks digits and a roman numeral at either end, for comparing running heads.
    fn head_key(text: &str) -> String {
        let words: Vec<&str> = text.split_whitespace().collect();
        let last = words.len().saturating_sub(1);
        let mut key = String::new();
        for (i, word) in words.iter().enumerate() {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            if (i == 0 || i == last) && parse_roman(bare).is_some() {
                key.push('#');
            } else {
                let mut digits = false;
                for c in word.chars() {
                    if c.is_ascii_digit() {
                        if !digits {
                            key.push('#');
                        }
                        digits = true;
                    } else {
                        digits = false;
                        key.extend(c.to_lowercase());
                    }
                }
            }
            key.push(' ');
        }
        key
    }

    /// The page number a line consists of (`12`, `- 12 -`, `[xii]`).
    fn bare_number(text: &str) -> Option<String> {
        let core = text.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | '[' | ']' | '(' | ')' | '.' | '·')
        });
        let numeric =
            !core.is_empty() && core.len() <= 5 && core.chars().all(|c| c.is_ascii_digit());
        (numeric || parse_roman(core).is_some()).then(|| core.to_string())
    }

    /// The page number at either end of a running head (`12 HISTORY`, `HISTORY xii`).
    fn number_in_head(text: &str) -> Option<String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let ends = [words.first(), words.last()];
        for word in ends.into_iter().flatten() {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            if (!bare.is_empty() && bare.len() <= 5 && bare.chars().all(|c| c.is_ascii_digit()))
                || parse_roman(bare).is_some()
            {
                return Some(bare.to_string());
            }
        }
        None
    }

    /// Indices of the lines of a page in its top or bottom band (at most two of each).
    fn band_lines(page: &PageLines) -> Vec<usize> {
        let height = (page.top - page.bottom).max(1.0);
        let mut by_y: Vec<usize> = (0..page.lines.len()).collect();
        by_y.sort_by(|a, b| page.lines[*b].y.total_cmp(&page.lines[*a].y));
        let top: Vec<usize> = by_y
            .iter()
            .copied()
            .filter(|i| page.lines[*i].y > page.top - 0.12 * height)
            .take(2)
            .collect();
        let bottom: Vec<usize> = by_y
            .iter()
            .rev()
            .copied()
            .filter(|i| page.lines[*i].y < page.bottom + 0.1 * height)
            .take(2)
            .collect();
        let mut all = top;
        for i in bottom {
            if !all.contains(&i) {
                all.push(i);
            }
        }
        all
    }

    /// Words seen whole in the body: a line-end hyphen is dropped when the joined word is
    /// known, kept when the hyphenated form is.
    struct Lexicon {
        plain: HashSet<String>,
        hyphenated: HashSet<String>,
        /// First parts of hyphenated words.
        prefixes: HashSet<String>,
    }

    fn letters_only(word: &str) -> String {
        word.chars()
            .filter(|c| c.is_alphanumeric() || *c == '-')
            .flat_map(char::to_lowercase)
            .collect()
    }

    impl Lexicon {
        fn new(pages: &[Vec<Line>]) -> Self {
            let mut plain = HashSet::new();
            let mut hyphenated = HashSet::new();
            let mut prefixes = HashSet::new();
            for line in pages.iter().flatten() {
                let words: Vec<&str> = line.text.split_whitespace().collect();
                // The last word may be cut by a line-end hyphen.
                for word in words.iter().take(words.len().saturating_sub(1)) {
                    let word = letters_only(word);
                    let inner = word.trim_matches('-');
                    if let Some((first, _)) = inner.split_once('-') {
                        prefixes.insert(first.to_string());
                        hyphenated.insert(inner.to_string());
                    } else if !inner.is_empty() {
                        plain.insert(inner.to_string());
                    }
                }
            }
            Self {
                plain,
                hyphenated,
                prefixes,
            }
        }
    }

    /// How `next` joins `text` that ends with a line-end hyphen: `Some(true)` keeps the
    /// hyphen, `Some(false)` drops it, `None` when `text` does not end with a word hyphen.
    fn hyphen_join(text: &str, next: &str, lexicon: &Lexicon) -> Option<bool> {
        let mut tail = text.chars().rev();
        let hyphen = tail.next()?;
        if !matches!(hyphen, '-' | '\u{2010}' | '\u{AD}') {
            return None;
        }
        let before = tail.next()?;
        let after = next.chars().next()?;
        if before.is_numeric() && after.is_numeric() {
            return Some(true);
        }
        if !before.is_alphabetic() || !after.is_alphanumeric() {
            return None;
        }
        if hyphen == '\u{AD}' {
            return Some(false);
        }
        if after.is_uppercase() || after.is_numeric() {
            return Some(true);
        }
        let head = text[..text.len() - hyphen.len_utf8()]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let head = letters_only(head);
        let first = letters_only(next.split_whitespace().next().unwrap_or(""));
        let first = first.trim_end_matches('-');
        let joined = format!("{head}{first}");
        let compound = format!("{head}-{first}");
        if lexicon.plain.contains(&joined) {
            return Some(false);
        }
        // Seen hyphenated, or its first part starts other hyphenated words ("self-").
        let prefix = head.chars().count() >= 4 && lexicon.prefixes.contains(&head);
        Some(lexicon.hyphenated.contains(&compound) || prefix)
    }

    /// Builds paragraphs from the text of lines.
    struct Builder<'a> {
        lexicon: &'a Lexicon,
        paragraphs: Vec<String>,
        current: String,
        chars: usize,
    }

    impl Builder<'_> {
        fn flush(&mut self) {
            if !self.current.is_empty() {
                self.paragraphs.push(std::mem::take(&mut self.current));
            }
            self.chars = 0;
        }

        /// Appends a line; returns where its text starts (paragraph, char offset).
        fn push(&mut self, text: &str, new_paragraph: bool) -> (usize, usize) {
            if new_paragraph {
                self.flush();
            }
            if !self.current.is_empty() {
                match hyphen_join(&self.current, text, self.lexicon) {
                    Some(true) => {}
                    Some(false) => {
                        self.current.pop();
                        self.chars -= 1;
                    }
                    None => {
                        if !self.current.ends_with(['—', '/']) {
                            self.current.push(' ');
                            self.chars += 1;
                        }
                    }
                }
            }
            let at = (self.paragraphs.len(), self.chars);
            self.current.push_str(text);
            self.chars += text.chars().count();
            at
        }

        fn here(&self) -> (usize, usize) {
            (self.paragraphs.len(), self.chars)
        }
    }

    fn starts_note(text: &str) -> bool {
        let mut chars = text.chars();
        match chars.next() {
            Some('*' | '†' | '‡' | '§' | '¶') => true,
            Some(c) if c.is_ascii_digit() || "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c) => true,
            Some('[' | '(') => chars.next().is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        }
    }

    /// Turns the pages' lines into paragraphs, page starts and footnotes.
    pub(super) fn assemble(pages: Vec<PageLines>, pdf_labels: &[Option<String>]) -> PdfText {
        // 0. Body size: the size of most characters.
        let mut by_size: HashMap<i32, usize> = HashMap::new();
        for line in pages.iter().flat_map(|p| &p.lines) {
            *by_size.entry((line.size * 2.0).round() as i32).or_default() +=
                line.text.chars().count();
        }
        let body_size = by_size
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
            .map_or(10.0, |(k, _)| k as f32 / 2.0);

        // 1. Running heads and feet: band lines that repeat (digits masked) or bare numbers.
        let bands: Vec<Vec<usize>> = pages.iter().map(band_lines).collect();
        let mut counts: HashMap<String, usize> = HashMap::new();
        for (page, band) in pages.iter().zip(&bands) {
            let keys: HashSet<String> = band
                .iter()
                .map(|i| head_key(&page.lines[*i].text))
                .collect();
            for key in keys {
                *counts.entry(key).or_default() += 1;
            }
        }
        // Numbers at the ends of band lines that follow the page sequence (number − index
        // constant on several pages) are printed page numbers, whatever the rest of the line.
        let mut shifts: HashMap<i64, usize> = HashMap::new();
        for (index, (page, band)) in pages.iter().zip(&bands).enumerate() {
            let found: HashSet<i64> = band
                .iter()
                .filter_map(|i| number_in_head(&page.lines[*i].text))
                .filter_map(|n| n.parse::<i64>().ok())
                .map(|n| n - index as i64)
                .collect();
            for shift in found {
                *shifts.entry(shift).or_default() += 1;
            }
        }
        let sequence = shifts
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .max_by_key(|(shift, n)| (*n, -shift.abs()))
            .map(|(shift, _)| shift);
        let text_pages = pages.iter().filter(|p| !p.lines.is_empty()).count();
        let repeat = if text_pages <= 5 { 2 } else { 3 };
        let mut labels = Vec::with_capacity(pages.len());
        let mut bodies: Vec<Vec<Line>> = Vec::with_capacity(pages.len());
        for (index, (page, band)) in pages.into_iter().zip(&bands).enumerate() {
            let mut printed = None;
            let mut drop = HashSet::new();
            for &i in band {
                let line = &page.lines[i];
                let text = &line.text;
                let in_sequence = || {
                    number_in_head(text)
                        .and_then(|n| n.parse::<i64>().ok())
                        .is_some_and(|n| Some(n - index as i64) == sequence)
                };
                // A note in small type at the foot ("1 Ibid.") may repeat, and its number may
                // be the page's ("1 See …" on page 1): it is never a running foot. (A running
                // head in small type may begin with the page's number.)
                let at_foot = line.y < (page.top + page.bottom) / 2.0;
                let note_like = at_foot && line.size < 0.9 * body_size && starts_note(text);
                let short = text.split_whitespace().count() <= 12;
                if let Some(number) = bare_number(text) {
                    printed.get_or_insert(number);
                    drop.insert(i);
                } else if short && {
                    let repeats = counts.get(&head_key(text)).copied().unwrap_or(0) >= repeat;
                    // A foot in small type that opens with the page's number ("245 Slavic
                    // Review 45 (1986)") repeats from page to page; a note does not.
                    if note_like {
                        repeats && in_sequence()
                    } else {
                        repeats || in_sequence()
                    }
                } {
                    if let Some(number) = number_in_head(text) {
                        printed.get_or_insert(number);
                    }
                    drop.insert(i);
                }
            }
            labels.push(
                printed
                    .or_else(|| pdf_labels.get(index).cloned().flatten())
                    .unwrap_or_else(|| (index + 1).to_string()),
            );
            bodies.push(
                page.lines
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| !drop.contains(i))
                    .map(|(_, l)| l)
                    .collect(),
            );
        }

        // 3. Footnotes: smaller lines with no body-size line below them.
        let mut footnote_lines: Vec<Vec<Line>> = Vec::with_capacity(bodies.len());
        for lines in &mut bodies {
            let is_body = |l: &Line| l.size >= 0.9 * body_size;
            let small: Vec<bool> = lines
                .iter()
                .map(|l| {
                    l.size < 0.9 * body_size
                        && l.size > 0.3 * body_size
                        && !lines.iter().any(|b| {
                            is_body(b) && b.y < l.y - 0.1 * l.size && b.x0 < l.x1 && b.x1 > l.x0
                        })
                        && lines.iter().any(|b| is_body(b) && b.y > l.y)
                })
                .collect();
            let marked = lines
                .iter()
                .zip(&small)
                .any(|(l, s)| *s && starts_note(&l.text));
            let count = small.iter().filter(|s| **s).count();
            if marked && count * 2 < lines.len() + 1 {
                let mut kept = Vec::new();
                let mut notes = Vec::new();
                for (line, s) in std::mem::take(lines).into_iter().zip(small) {
                    if s { notes.push(line) } else { kept.push(line) }
                }
                *lines = kept;
                footnote_lines.push(notes);
            } else {
                footnote_lines.push(Vec::new());
            }
        }

        // 4. Line spacing as a multiple of the font size, and each column's edges.
        let mut ratios = Vec::new();
        for lines in &bodies {
            for pair in lines.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                let delta = a.y - b.y;
                if a.col == b.col
                    && (a.size - b.size).abs() < 0.05 * a.size
                    && delta > 0.0
                    && delta < 3.0 * a.size
                {
                    ratios.push(delta / a.size);
                }
            }
        }
        let spacing = median(&mut ratios).unwrap_or(1.2);

        let lexicon = Lexicon::new(&bodies);
        let mut builder = Builder {
            lexicon: &lexicon,
            paragraphs: Vec::new(),
            current: String::new(),
            chars: 0,
        };
        let mut starts = Vec::with_capacity(bodies.len());
        let mut footnotes: Vec<String> = Vec::new();
        // The last line, its column's right edge and whether it was indented.
        let mut previous: Option<(Line, f32, bool)> = None;
        for ((lines, notes), label) in bodies.iter().zip(&footnote_lines).zip(&labels) {
            // Left and right edges of each column (mode of the line starts, far right end).
            let mut edges: HashMap<Option<usize>, (f32, f32)> = HashMap::new();
            let mut starts_by_col: HashMap<Option<usize>, HashMap<i32, usize>> = HashMap::new();
            for line in lines {
                *starts_by_col
                    .entry(line.col)
                    .or_default()
                    .entry(line.x0.round() as i32)
                    .or_default() += 1;
                let e = edges.entry(line.col).or_insert((line.x0, line.x1));
                e.1 = e.1.max(line.x1);
            }
            for (col, hist) in &starts_by_col {
                // The text edge: the leftmost start shared by several lines, else the leftmost.
                let total: usize = hist.values().sum();
                let mut xs: Vec<(i32, usize)> = hist.iter().map(|(x, n)| (*x, *n)).collect();
                xs.sort_unstable();
                let shared = |x: i32| -> usize {
                    xs.iter()
                        .filter(|(y, _)| (y - x).abs() <= 1)
                        .map(|(_, n)| n)
                        .sum()
                };
                let edge = xs
                    .iter()
                    .map(|(x, _)| *x)
                    .find(|x| shared(*x) >= 2 && shared(*x) * 5 >= total)
                    .or_else(|| xs.first().map(|(x, _)| *x));
                if let (Some(edge), Some(e)) = (edge, edges.get_mut(col)) {
                    e.0 = edge as f32 - 1.0;
                }
            }
            let mut page_start = None;
            for (i, line) in lines.iter().enumerate() {
                let (left, right) = edges.get(&line.col).copied().unwrap_or((line.x0, line.x1));
                // A first-line indent stands out from the column edge and from the line above
                // in the same flow (lines of an indented block quote continue each other).
                let indented = line.x0 > left + 0.6 * line.size
                    && !previous.as_ref().is_some_and(|(prev, _, _)| {
                        i > 0 && prev.col == line.col && (prev.x0 - line.x0).abs() < 0.3 * line.size
                    });
                let new_paragraph = match &previous {
                    None => true,
                    Some((prev, prev_right, prev_indented)) => {
                        let same_flow = i > 0 && prev.col == line.col && prev.y > line.y;
                        let size_change =
                            (prev.size - line.size).abs() > 0.12 * prev.size.max(line.size);
                        let ends_sentence = prev
                            .text
                            .ends_with(['.', '!', '?', ':', '»', '"', '”', ';']);
                        let short = prev.x1 < prev_right - 4.0 * prev.size;
                        // A short line that ends a sentence, or a short indented (centred) one,
                        // ends its paragraph.
                        let ends_paragraph = short && (ends_sentence || *prev_indented);
                        if size_change || indented {
                            true
                        } else if same_flow {
                            let gap = prev.y - line.y;
                            gap > spacing * prev.size.max(line.size) * 1.4 || ends_paragraph
                        } else {
                            ends_paragraph
                        }
                    }
                };
                let at = builder.push(&line.text, new_paragraph);
                page_start.get_or_insert(at);
                previous = Some((line.clone(), right, indented));
            }
            let (paragraph, offset) = page_start.unwrap_or_else(|| builder.here());
            starts.push(PdfPageStart {
                paragraph,
                offset,
                label: label.clone(),
            });

            // Footnotes of the page: a marked line starts a note, others continue it.
            let mut page_notes: Vec<String> = Vec::new();
            for line in notes {
                let text = line.text.as_str();
                if starts_note(text) || (page_notes.is_empty() && footnotes.is_empty()) {
                    // The note's own number in plain digits ("¹ See" is "1 See"), as notes
                    // are listed.
                    let number: String = text
                        .chars()
                        .take_while(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(*c))
                        .map(|c| {
                            char::from(
                                b'0' + "⁰¹²³⁴⁵⁶⁷⁸⁹"
                                    .chars()
                                    .position(|s| s == c)
                                    .map_or(0, |p| p as u8),
                            )
                        })
                        .collect();
                    let rest: String = text.chars().skip(number.chars().count()).collect();
                    // A raised number set flush against its note ("¹See") is parted from it.
                    let gap = if !number.is_empty() && rest.starts_with(char::is_alphabetic) {
                        " "
                    } else {
                        ""
                    };
                    page_notes.push(format!("p. {label}: {number}{gap}{rest}"));
                } else {
                    let note = match page_notes.last_mut() {
                        Some(note) => note,
                        None => match footnotes.last_mut() {
                            Some(note) => note,
                            None => continue,
                        },
                    };
                    match hyphen_join(note, text, &lexicon) {
                        Some(true) => {}
                        Some(false) => {
                            note.pop();
                        }
                        None => note.push(' '),
                    }
                    note.push_str(text);
                }
            }
            footnotes.extend(page_notes);
        }
        builder.flush();
        PdfText {
            paragraphs: builder.paragraphs,
            pages: starts,
            footnotes,
            ..PdfText::default()
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
