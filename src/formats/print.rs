//! Print: a document of headings, paragraphs, quotes and list items laid out on A4 pages and
//! written as a PDF, its fonts (DejaVu Serif, bundled) embedded and subset with their
//! ToUnicode maps, so that a PDF reader copies, searches and extracts every word, Cyrillic
//! included. Each page has a foot with the document's title and "page N of M"; headings are
//! the PDF's outline (bookmarks) and its pages are labelled 1, 2, 3 …
//!
//! Lectern prints what its Markdown exports hold ([`from_markdown`]): the notes export and a
//! comparison's export, so that a PDF has every kind of the reader's work that the Markdown
//! export has, and no kind of its own to forget. Removed words of a comparison are printed
//! struck through on a pale red ground, added words bold on a pale green one.
//!
//! Pure: a [`Document`] in, the PDF's bytes out. Lines are shaped by harfrust and measured by
//! the same shaping, so what is measured is what is drawn; krilla writes the PDF.

use std::num::NonZeroU32;

use krilla::Document as PdfDocument;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::{NumberingStyle, PageLabel, PageSettings};
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider};

mod markdown;
pub use markdown::{Marks, from_markdown};

/// A document to print.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// Its title: the PDF's title, and the pages' foot.
    pub title: String,
    /// Its author, if one is named.
    pub author: Option<String>,
    /// Its language tag ("en").
    pub language: String,
    /// What it says, in order.
    pub blocks: Vec<Block>,
}

/// A block of a printed document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading of level 1 (the document's title) to 3.
    Heading(u8, Vec<Span>),
    /// A paragraph.
    Paragraph(Vec<Span>),
    /// A quoted passage, set in with a rule at its side.
    Quote(Vec<Span>),
    /// An item of a list, at a depth (0 for the outermost), with its bullet or number.
    Item {
        /// How deep it is nested.
        depth: u8,
        /// "•", or "1." for a numbered list.
        bullet: String,
        /// What it says.
        spans: Vec<Span>,
    },
    /// A rule across the page.
    Rule,
}

/// Words in one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The words.
    pub text: String,
    /// How they look.
    pub style: Style,
}

impl Span {
    /// `text` in `style`.
    pub fn new(text: impl Into<String>, style: Style) -> Self {
        Self {
            text: text.into(),
            style,
        }
    }
}

/// How words look in print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// Roman.
    Plain,
    /// Bold.
    Bold,
    /// Italic.
    Italic,
    /// Removed from a wording: struck through on a pale red ground.
    Removed,
    /// Added to a wording: bold on a pale green ground.
    Added,
}

/// Why a document could not be printed.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// A bundled font could not be read (a damaged build).
    #[error("the bundled font {0} could not be read")]
    Font(&'static str),
    /// The PDF writer refused the document.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

static SERIF: &[u8] = include_bytes!("../../resources/fonts/DejaVuSerif.ttf");
static SERIF_BOLD: &[u8] = include_bytes!("../../resources/fonts/DejaVuSerif-Bold.ttf");
static SERIF_ITALIC: &[u8] = include_bytes!("../../resources/fonts/DejaVuSerif-Italic.ttf");

/// A4, in points.
const PAGE_WIDTH: f32 = 595.2756;
const PAGE_HEIGHT: f32 = 841.8898;
/// 20 mm.
const MARGIN: f32 = 56.7;
/// Where the text stops above the foot.
const BOTTOM: f32 = PAGE_HEIGHT - MARGIN - 14.0;
const BODY_SIZE: f32 = 10.5;
const LEADING: f32 = 1.38;
const QUOTE_INDENT: f32 = 18.0;
const ITEM_INDENT: f32 = 16.0;

/// One face: krilla's font (drawn and embedded) and harfrust's tables (shaping).
struct Face {
    pdf: Font,
    data: &'static [u8],
    shaper: harfrust::ShaperData,
    units_per_em: f32,
}

impl Face {
    fn new(data: &'static [u8], name: &'static str) -> Result<Self, PrintError> {
        let font = FontRef::new(data).map_err(|_| PrintError::Font(name))?;
        let units_per_em = f32::from(
            font.head()
                .map_err(|_| PrintError::Font(name))?
                .units_per_em(),
        );
        Ok(Self {
            pdf: Font::new(data.into(), 0).ok_or(PrintError::Font(name))?,
            data,
            shaper: harfrust::ShaperData::new(&font),
            units_per_em,
        })
    }

    /// `text` shaped (kerning, ligatures): its glyphs, their advances in ems, and its width in
    /// points at `size`.
    fn shape(&self, text: &str, size: f32) -> (Vec<KrillaGlyph>, f32) {
        let Ok(font) = FontRef::new(self.data) else {
            return (Vec::new(), 0.0);
        };
        let shaper = self.shaper.shaper(&font).build();
        let mut buffer = harfrust::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = shaper.shape(buffer, harfrust::ShapeOptions::new());
        let (infos, positions) = (shaped.glyph_infos(), shaped.glyph_positions());
        let em = self.units_per_em;
        let mut glyphs = Vec::with_capacity(infos.len());
        let mut width = 0.0;
        for (i, (info, position)) in infos.iter().zip(positions).enumerate() {
            // The glyph's characters: its cluster, up to the next cluster's start.
            let start = info.cluster as usize;
            let end = infos[i + 1..]
                .iter()
                .find(|next| next.cluster != info.cluster)
                .map_or(text.len(), |next| next.cluster as usize);
            let advance = position.x_advance as f32 / em;
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                advance,
                position.x_offset as f32 / em,
                position.y_offset as f32 / em,
                position.y_advance as f32 / em,
                start..end.max(start),
                None,
            ));
            width += advance * size;
        }
        (glyphs, width)
    }

    /// The ascent and descent (negative) in points at `size`.
    fn extent(&self, size: f32) -> (f32, f32) {
        FontRef::new(self.data).map_or((size * 0.8, -size * 0.2), |font| {
            let metrics = font.metrics(Size::new(size), LocationRef::default());
            (metrics.ascent, metrics.descent)
        })
    }
}

/// The three faces of the bundled serif.
struct Faces {
    regular: Face,
    bold: Face,
    italic: Face,
}

impl Faces {
    fn load() -> Result<Self, PrintError> {
        Ok(Self {
            regular: Face::new(SERIF, "DejaVu Serif")?,
            bold: Face::new(SERIF_BOLD, "DejaVu Serif Bold")?,
            italic: Face::new(SERIF_ITALIC, "DejaVu Serif Italic")?,
        })
    }

    fn of(&self, style: Style) -> &Face {
        match style {
            Style::Plain | Style::Removed => &self.regular,
            Style::Bold | Style::Added => &self.bold,
            Style::Italic => &self.italic,
        }
    }
}

type Colour = (u8, u8, u8);

/// What is drawn on a page, made by the layout before any page is written (the foot needs the
/// number of pages).
enum Mark {
    Text {
        x: f32,
        baseline: f32,
        text: String,
        style: Style,
        size: f32,
        colour: Colour,
    },
    Ground {
        rect: (f32, f32, f32, f32),
        colour: Colour,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        colour: Colour,
        width: f32,
    },
}

/// A word of a line: its text, style, width, and whether a space follows it.
struct Word {
    text: String,
    style: Style,
    width: f32,
    space_after: bool,
}

/// The layout: pages of marks, and the outline's entries (title, page, height).
struct Layout<'a> {
    faces: &'a Faces,
    pages: Vec<Vec<Mark>>,
    y: f32,
    outline: Vec<(String, usize, f32)>,
}

impl Layout<'_> {
    fn page(&mut self) -> &mut Vec<Mark> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Starts a new page unless `height` more fits on this one.
    fn room_for(&mut self, height: f32) {
        if self.pages.is_empty() || self.y + height > BOTTOM {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
    }

    /// The words of `spans`, each measured at `size`; a word too wide for `width` is cut into
    /// pieces that fit.
    fn words(&self, spans: &[Span], size: f32, width: f32) -> Vec<Word> {
        let mut words: Vec<Word> = Vec::new();
        for span in spans {
            let face = self.faces.of(span.style);
            let mut rest = span.text.as_str();
            let marked = |style: Style| matches!(style, Style::Removed | Style::Added);
            if let Some(last) = words.last_mut()
                && (rest.starts_with(char::is_whitespace)
                    // Removed words and the words put in their place, written together, are
                    // parted in print as a reader reads them: "прочее. с оставлением".
                    || (marked(last.style) && marked(span.style) && last.style != span.style))
            {
                last.space_after = true;
            }
            loop {
                rest = rest.trim_start();
                if rest.is_empty() {
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                let (word, after) = rest.split_at(end);
                let space_after = !after.is_empty();
                for piece in fitting_pieces(word, width, |w| face.shape(w, size).1) {
                    words.push(Word {
                        width: face.shape(&piece, size).1,
                        text: piece,
                        style: span.style,
                        space_after: false,
                    });
                }
                if let Some(last) = words.last_mut() {
                    last.space_after = space_after;
                }
                rest = after;
            }
        }
        words
    }

    /// Sets `spans` as lines at `size` from `x`, `width` wide; `bar` draws a rule at the
    /// left of each line (a quote).
    fn lines(&mut self, spans: &[Span], size: f32, x: f32, width: f32, bar: bool) {
        let words = self.words(spans, size, width);
        let space = self.faces.regular.shape(" ", size).1;
        let mut lines: Vec<&[Word]> = Vec::new();
        let (mut start, mut used) = (0, 0.0);
        for (i, word) in words.iter().enumerate() {
            let gap = if i > start && words[i - 1].space_after {
                space
            } else {
                0.0
            };
            if i > start && used + gap + word.width > width {
                lines.push(&words[start..i]);
                start = i;
                used = word.width;
            } else {
                used += gap + word.width;
            }
        }
        if start < words.len() {
            lines.push(&words[start..]);
        }
        let (ascent, descent) = self.faces.regular.extent(size);
        let height = size * LEADING;
        for line in lines {
            self.room_for(height);
            let baseline = self.y + ascent;
            let mut marks = Vec::new();
            let mut at = x;
            for (i, word) in line.iter().enumerate() {
                // The space after a word is drawn with it (the PDF's text keeps its spaces).
                let spaced = word.space_after && i + 1 < line.len();
                let text = if spaced {
                    format!("{} ", word.text)
                } else {
                    word.text.clone()
                };
                let grounds = match word.style {
                    Style::Removed => Some((255, 222, 222)),
                    Style::Added => Some((214, 240, 214)),
                    _ => None,
                };
                if let Some(colour) = grounds {
                    let rect = (
                        at - 0.5,
                        baseline - ascent,
                        word.width + 1.0,
                        ascent - descent,
                    );
                    marks.push(Mark::Ground { rect, colour });
                }
                if word.style == Style::Removed {
                    let y = baseline - size * 0.3;
                    marks.push(Mark::Line {
                        from: (at, y),
                        to: (at + word.width, y),
                        colour: (150, 20, 20),
                        width: 0.6,
                    });
                }
                let colour = match word.style {
                    Style::Removed => (150, 20, 20),
                    Style::Added => (0, 95, 0),
                    _ => (0, 0, 0),
                };
                marks.push(Mark::Text {
                    x: at,
                    baseline,
                    text,
                    style: word.style,
                    size,
                    colour,
                });
                at += word.width + if spaced { space } else { 0.0 };
            }
            if bar {
                marks.push(Mark::Line {
                    from: (x - QUOTE_INDENT / 2.0, self.y),
                    to: (x - QUOTE_INDENT / 2.0, self.y + height),
                    colour: (170, 170, 170),
                    width: 1.5,
                });
            }
            // Grounds first: the words are drawn over them.
            marks.sort_by_key(|mark| !matches!(mark, Mark::Ground { .. }));
            self.page().extend(marks);
            self.y += height;
        }
    }

    fn block(&mut self, block: &Block) {
        let full = PAGE_WIDTH - 2.0 * MARGIN;
        match block {
            Block::Heading(level, spans) => {
                let size = match level {
                    1 => 17.0,
                    2 => 13.5,
                    _ => 11.5,
                };
                // A heading keeps two lines of what follows with it.
                self.room_for(size * 1.6 + 2.0 * BODY_SIZE * LEADING);
                self.y += if self.y > MARGIN { size * 0.5 } else { 0.0 };
                if *level <= 2 {
                    let title: String = spans.iter().map(|s| s.text.as_str()).collect();
                    self.outline.push((title, self.pages.len() - 1, self.y));
                }
                let bold: Vec<Span> = spans
                    .iter()
                    .map(|s| Span::new(s.text.clone(), Style::Bold))
                    .collect();
                self.lines(&bold, size, MARGIN, full, false);
                if *level == 1 {
                    let y = self.y + 2.0;
                    self.page().push(Mark::Line {
                        from: (MARGIN, y),
                        to: (PAGE_WIDTH - MARGIN, y),
                        colour: (120, 120, 120),
                        width: 0.5,
                    });
                    self.y += 8.0;
                } else {
                    self.y += size * 0.25;
                }
            }
            Block::Paragraph(spans) => {
                self.lines(spans, BODY_SIZE, MARGIN, full, false);
                self.y += BODY_SIZE * 0.6;
            }
            Block::Quote(spans) => {
                let x = MARGIN + QUOTE_INDENT;
                self.lines(spans, BODY_SIZE, x, full - QUOTE_INDENT, true);
                self.y += BODY_SIZE * 0.6;
            }
            Block::Item {
                depth,
                bullet,
                spans,
            } => {
                let x = MARGIN + ITEM_INDENT * (f32::from(*depth) + 1.0);
                self.room_for(BODY_SIZE * LEADING);
                let (ascent, _) = self.faces.regular.extent(BODY_SIZE);
                let width = self.faces.regular.shape(bullet, BODY_SIZE).1;
                let baseline = self.y + ascent;
                self.page().push(Mark::Text {
                    x: x - width - 4.0,
                    baseline,
                    text: format!("{bullet} "),
                    style: Style::Plain,
                    size: BODY_SIZE,
                    colour: (0, 0, 0),
                });
                self.lines(spans, BODY_SIZE, x, PAGE_WIDTH - MARGIN - x, false);
                self.y += BODY_SIZE * 0.3;
            }
            Block::Rule => {
                self.room_for(10.0);
                let y = self.y + 4.0;
                self.page().push(Mark::Line {
                    from: (MARGIN, y),
                    to: (PAGE_WIDTH - MARGIN, y),
                    colour: (160, 160, 160),
                    width: 0.5,
                });
                self.y += 10.0;
            }
        }
    }
}

/// `word` in pieces no wider than `width` (by `measure`), cut between characters; the word
/// itself when it fits.
fn fitting_pieces(word: &str, width: f32, measure: impl Fn(&str) -> f32) -> Vec<String> {
    if measure(word) <= width {
        return vec![word.to_owned()];
    }
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        if piece.chars().count() > 1 && measure(&piece) > width {
            piece.pop();
            pieces.push(std::mem::take(&mut piece));
            piece.push(c);
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

fn fill(colour: Colour) -> Fill {
    Fill {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn draw(surface: &mut Surface, faces: &Faces, mark: &Mark) {
    match mark {
        Mark::Text {
            x,
            baseline,
            text,
            style,
            size,
            colour,
        } => {
            let face = faces.of(*style);
            let (glyphs, _) = face.shape(text, *size);
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*colour)));
            let at = Point::from_xy(*x, *baseline);
            surface.draw_glyphs(at, &glyphs, face.pdf.clone(), text, *size, false);
        }
        Mark::Ground { rect, colour } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(rect.0, rect.1, rect.2, rect.3) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*colour)));
                surface.draw_path(&path);
            }
        }
        Mark::Line {
            from,
            to,
            colour,
            width,
        } => {
            let mut path = PathBuilder::new();
            path.move_to(from.0, from.1);
            path.line_to(to.0, to.1);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
                    width: *width,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
    }
}

/// The document as a PDF: A4 pages, the bundled serif embedded, a foot on every page, the
/// headings as its outline.
pub fn to_pdf(document: &Document) -> Result<Vec<u8>, PrintError> {
    let faces = Faces::load()?;
    let mut layout = Layout {
        faces: &faces,
        pages: Vec::new(),
        y: MARGIN,
        outline: Vec::new(),
    };
    for block in &document.blocks {
        layout.block(block);
    }
    let Layout { pages, outline, .. } = layout;
    let pages = if pages.is_empty() {
        vec![Vec::new()]
    } else {
        pages
    };
    let total = pages.len();
    let mut pdf = PdfDocument::new();
    let mut metadata = Metadata::new()
        .title(document.title.clone())
        .creator(format!("Lectern {}", crate::VERSION));
    if let Some(author) = &document.author {
        metadata = metadata.authors(vec![author.clone()]);
    }
    if !document.language.is_empty() {
        metadata = metadata.language(document.language.clone());
    }
    pdf.set_metadata(metadata);
    for (index, marks) in pages.iter().enumerate() {
        // Every page its own label: a page without one would be shown unnumbered.
        let number = NonZeroU32::new(u32::try_from(index + 1).unwrap_or(u32::MAX));
        let label = PageLabel::new(Some(NumberingStyle::Arabic), None, number);
        let Some(settings) = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT) else {
            return Err(PrintError::Pdf("the page size".into()));
        };
        let mut page = pdf.start_page_with(settings.with_page_label(label));
        let mut surface = page.surface();
        for mark in marks {
            draw(&mut surface, &faces, mark);
        }
        let size = 8.5;
        let page_words = format!(" — page {} of {total}", index + 1);
        // A title too long for the foot is shortened, so the foot stays on the paper.
        let room = PAGE_WIDTH - 2.0 * MARGIN - faces.regular.shape(&page_words, size).1;
        let mut title = document.title.clone();
        while !title.is_empty() && faces.regular.shape(&format!("{title}…"), size).1 > room {
            title.pop();
        }
        let foot = if title == document.title {
            format!("{title}{page_words}")
        } else {
            format!("{}…{page_words}", title.trim_end())
        };
        let width = faces.regular.shape(&foot, size).1;
        let foot_mark = Mark::Text {
            x: ((PAGE_WIDTH - width) / 2.0).max(MARGIN),
            baseline: PAGE_HEIGHT - MARGIN / 2.0,
            text: foot,
            style: Style::Plain,
            size,
            colour: (100, 100, 100),
        };
        draw(&mut surface, &faces, &foot_mark);
        surface.finish();
        page.finish();
    }
    let mut bookmarks = Outline::new();
    for (title, page, y) in outline {
        let to = XyzDestination::new(page, Point::from_xy(0.0, y));
        bookmarks.push_child(OutlineNode::new(title, to));
    }
    pdf.set_outline(bookmarks);
    pdf.finish().map_err(|e| PrintError::Pdf(format!("{e:?}")))
}

#[cfg(test)]
mod tests;
