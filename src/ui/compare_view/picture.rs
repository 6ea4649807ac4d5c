//! The comparison as one picture, for the PNG export: its title, key and witnesses, then every
//! row (each segment's wordings side by side, or inline, with the marks in the view's colours,
//! and the reader's notes on its differences under it), laid out and painted off screen (see
//! [`crate::ui::raster`]), with none of the window's buttons, banners or note editors.
//!
//! Past its size limit the last rows are left out; its last line says which, how tall it would
//! be and that Markdown or HTML has it all, in English as every export; [`Picture::left_out`]
//! says the same to the reader in the reader's language.

use std::sync::Arc;

use egui::{Galley, Pos2, Rect};

use super::columns::GAP;
use super::rows::onward_marks;
use super::view::key_job;

use super::ComparisonState;
use super::marks::JobStyle;
use super::marks::inline_job;
use super::marks::marked_job;
use crate::model::comparison::Cell;
use crate::model::comparison::Comparison;
use crate::model::comparison::ComparisonNote;
use crate::model::comparison::ComparisonResult;
use crate::model::comparison::Reference;
use crate::model::comparison::export::{KeyMarks, key_sentence, notes_on_segment};
use crate::model::diff::Normalization;
use crate::ui::raster::{Offscreen, encode_png};
use crate::ui::theme;
use egui::Color32;
use egui::FontId;
use egui::Stroke;
use egui::text::LayoutJob;

/// Space around the picture's content, in points.
const MARGIN: f32 = 24.0;
/// The width of a witness's column, in points.
const COLUMN: f32 = 300.0;
/// The width of the column of the segments' names and counts, in points (wider than the
/// view's, so that the counts do not make rows tall).
const SEGMENTS: f32 = 180.0;
/// The width of the one column of the inline layout, in points.
const INLINE_COLUMN: f32 = 640.0;
/// Space above and below a row's wordings, in points.
const PAD: f32 = 10.0;
/// Space inside a note's box, in points.
const NOTE_PAD: f32 = 6.0;

/// What a picture shows: one comparison, its marks as the view has them (layout, reference,
/// what counts as different), every witness (those hidden in the view too, as the Markdown
/// and HTML exports have them).
#[derive(Clone, Debug)]
pub struct PictureOf {
    /// The comparison.
    pub comparison: Comparison,
    /// Its computed differences.
    pub result: ComparisonResult,
    /// The reader's notes on it (others are left out).
    pub notes: Vec<ComparisonNote>,
    /// What counts as a difference (for the key).
    pub normalization: Normalization,
    /// What each witness is marked against (for the key).
    pub reference: Reference,
    /// One column with the witnesses one under the other, instead of a column each.
    pub inline: bool,
}

impl PictureOf {
    /// The comparison open in `state` with the reader's `notes` on it; nothing while it is
    /// being computed.
    pub fn of(state: &ComparisonState, notes: &[ComparisonNote]) -> Option<Self> {
        Some(Self {
            comparison: state.comparison.clone(),
            result: state.result.clone()?,
            notes: notes
                .iter()
                .filter(|n| n.comparison_id == state.comparison.id)
                .cloned()
                .collect(),
            normalization: state.normalization,
            reference: state.reference,
            inline: state.inline,
        })
    }
}

/// How a picture is drawn, and how large it may get.
#[derive(Clone, Debug)]
pub struct PictureStyle {
    /// The reading font size (the wordings are drawn at 0.9 of it, as in the view).
    pub font_size: f32,
    /// The dark theme's colours rather than the light one's.
    pub dark: bool,
    /// The colour of each note category, by id (a note's box is drawn in it).
    pub categories: Vec<(String, Color32)>,
    /// Pixels per point: 2 makes a picture sharp enough to print.
    pub pixels_per_point: f32,
    /// The tallest the picture gets, in pixels.
    pub max_height: usize,
    /// The most pixels it has in all (a comparison of many witnesses is wide).
    pub max_pixels: usize,
    /// The reader's language, which [`Picture::left_out`] speaks (the picture is English).
    pub language: crate::i18n::Language,
}

impl Default for PictureStyle {
    fn default() -> Self {
        Self {
            font_size: 16.0,
            dark: false,
            categories: Vec::new(),
            pixels_per_point: 2.0,
            max_height: 16_000,
            max_pixels: 40_000_000,
            language: crate::i18n::Language::English,
        }
    }
}

/// A comparison's picture, encoded.
#[derive(Clone, Debug)]
pub struct Picture {
    /// The PNG file's bytes.
    pub png: Vec<u8>,
    /// Its width and height in pixels.
    pub size: [usize; 2],
    /// How many rows (segments) the comparison has.
    pub rows: usize,
    /// How many of them are in the picture (the first ones).
    pub shown: usize,
    /// What was left out to keep to the size limit, as the picture's last line says it, in the
    /// reader's language.
    pub left_out: Option<String>,
}

/// The colours of a picture, from the view's.
struct Colors {
    background: Color32,
    text: Color32,
    weak: Color32,
    warn: Color32,
    rule: Color32,
    note_fill: Color32,
}

impl Colors {
    fn new(dark: bool) -> Self {
        let reading = theme::reading_colors(dark);
        let visuals = if dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        };
        Self {
            background: reading.background,
            text: reading.text,
            // Darker than the window's weak text: a picture is read on paper and slides too.
            weak: if dark {
                Color32::from_rgb(0xa9, 0xa7, 0xa1)
            } else {
                Color32::from_rgb(0x5e, 0x5a, 0x54)
            },
            warn: visuals.warn_fg_color,
            rule: row_rule(dark),
            note_fill: if dark {
                Color32::from_rgb(0x26, 0x27, 0x2b)
            } else {
                Color32::from_rgb(0xf3, 0xee, 0xe2)
            },
        }
    }
}

/// The colour of the line under each row of a picture.
pub fn row_rule(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x44, 0x46, 0x4b)
    } else {
        Color32::from_rgb(0xcf, 0xc8, 0xb8)
    }
}

/// A block of the picture laid out: its texts and boxes, placed from its top, and its height.
#[derive(Default)]
struct Block {
    texts: Vec<(Pos2, Arc<Galley>)>,
    /// Boxes under the texts: (rectangle, fill, outline).
    boxes: Vec<(Rect, Color32, Color32)>,
    height: f32,
}

impl Block {
    /// Puts `galley` at (x, y) and returns its height.
    fn text(&mut self, x: f32, y: f32, galley: Arc<Galley>) -> f32 {
        let height = galley.size().y;
        self.texts.push((egui::pos2(x, y), galley));
        height
    }

    fn paint(&self, painter: &egui::Painter, top: f32, fallback: Color32) {
        let offset = egui::vec2(0.0, top);
        for (rect, fill, outline) in &self.boxes {
            painter.rect(
                rect.translate(offset),
                0.0,
                *fill,
                Stroke::new(1.0, *outline),
                egui::StrokeKind::Inside,
            );
        }
        for (at, galley) in &self.texts {
            painter.galley(*at + offset, galley.clone(), fallback);
        }
    }
}

/// Lays out and draws one picture.
struct Painting<'a> {
    ctx: &'a egui::Context,
    of: &'a PictureOf,
    style: &'a PictureStyle,
    colors: Colors,
    width: f32,
}

impl Painting<'_> {
    fn galley(&self, job: LayoutJob) -> Arc<Galley> {
        self.ctx.fonts_mut(|fonts| fonts.layout_job(job))
    }

    fn plain(&self, text: &str, size: f32, color: Color32, wrap: f32) -> Arc<Galley> {
        self.galley(LayoutJob::simple(
            text.to_owned(),
            FontId::proportional(size),
            color,
            wrap,
        ))
    }

    fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    /// Where a witness's column starts (the inline column: the first).
    fn column_x(&self, index: usize) -> f32 {
        MARGIN + SEGMENTS + GAP + index as f32 * (COLUMN + GAP)
    }

    fn job_style(&self) -> JobStyle {
        JobStyle {
            font: FontId::proportional(self.style.font_size * 0.9),
            text: self.colors.text,
            dark: self.style.dark,
        }
    }

    /// The title, the description, the key and the witnesses' names above their columns.
    fn header(&self) -> Block {
        let comparison = &self.of.comparison;
        let wide = self.content_width();
        let mut block = Block::default();
        let mut y = MARGIN;
        y += block.text(
            MARGIN,
            y,
            self.plain(&comparison.title, 22.0, self.colors.text, wide),
        );
        y += 6.0;
        if !comparison.description.is_empty() {
            let description = self.plain(&comparison.description, 13.0, self.colors.weak, wide);
            y += block.text(MARGIN, y, description) + 6.0;
        }
        let marks = if self.of.inline {
            KeyMarks::Inline
        } else {
            KeyMarks::Columns
        };
        let sentence = key_sentence(comparison, self.of.reference, &self.of.normalization, marks);
        let mut key = key_job(
            &sentence,
            "Key: ",
            (self.style.dark, self.colors.weak),
            FontId::proportional(13.0),
        );
        key.wrap.max_width = wide;
        y += block.text(MARGIN, y, self.galley(key)) + 12.0;
        let about = |w: &crate::model::comparison::Witness| {
            [&w.author, &w.date, &w.language]
                .into_iter()
                .filter(|part| !part.is_empty())
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(" · ")
        };
        let mut bottom = y;
        for (index, witness) in comparison.witnesses.iter().enumerate() {
            let name = format!("{}. {}", index + 1, witness.label);
            let (x, wrap) = if self.of.inline {
                (self.column_x(0), INLINE_COLUMN)
            } else {
                (self.column_x(index), COLUMN)
            };
            let mut at = if self.of.inline { bottom } else { y };
            at += block.text(x, at, self.plain(&name, 14.0, self.colors.text, wrap));
            let about = about(witness);
            if !about.is_empty() {
                at += block.text(x, at, self.plain(&about, 11.5, self.colors.weak, wrap));
            }
            bottom = bottom.max(at + if self.of.inline { 4.0 } else { 0.0 });
        }
        y = bottom + 8.0;
        // A heavier line than the rows' ends the heading.
        block.boxes.push((
            Rect::from_min_size(egui::pos2(MARGIN, y), egui::vec2(wide, 2.0)),
            self.colors.text,
            self.colors.text,
        ));
        block.height = y + 2.0;
        block
    }

    /// One segment's row: its name and counts, its wordings, the reader's notes on it.
    fn row(&self, segment: usize) -> Block {
        let cells = self.of.result.cells.get(segment).map(Vec::as_slice);
        let mut block = Block::default();
        let left = self.segment_heading(&mut block, segment, cells);
        let wordings = if self.of.inline {
            self.inline_wordings(&mut block, segment, cells)
        } else {
            self.column_wordings(&mut block, segment, cells)
        };
        let bottom = left.max(wordings);
        let y = self.segment_notes(&mut block, segment, bottom + 6.0);
        block.height = y.max(bottom) + PAD;
        block
    }

    /// The row's left column: the segment's name, then each marked witness's counts. Returns
    /// where the column ends.
    fn segment_heading(&self, block: &mut Block, segment: usize, cells: Option<&[Cell]>) -> f32 {
        let comparison = &self.of.comparison;
        let small = self.style.font_size * 0.75;
        let mut left = PAD;
        let label = &comparison.segments[segment];
        left += block.text(
            MARGIN,
            left,
            self.plain(
                label,
                self.style.font_size * 0.9,
                self.colors.text,
                SEGMENTS,
            ),
        ) + 2.0;
        for w in 0..comparison.witnesses.len() {
            let Some(cell) = cells
                .and_then(|r| r.get(w))
                .filter(|c| c.reference.is_some())
            else {
                continue;
            };
            let counts = format!("{}: {}", w + 1, cell.counts.summary());
            left += block.text(
                MARGIN,
                left,
                self.plain(&counts, small, self.colors.weak, SEGMENTS),
            );
        }
        left
    }

    /// The inline layout's wordings, one under the other, each headed by its witness and what
    /// it is marked against. Returns where they end.
    fn inline_wordings(&self, block: &mut Block, segment: usize, cells: Option<&[Cell]>) -> f32 {
        let comparison = &self.of.comparison;
        let style = self.job_style();
        let small = self.style.font_size * 0.75;
        let mut y = PAD;
        for (w, witness) in comparison.witnesses.iter().enumerate() {
            let Some(Some(own)) = witness.segments.get(segment) else {
                continue;
            };
            let cell = cells.and_then(|r| r.get(w)).cloned().unwrap_or_default();
            let reference = cell
                .reference
                .and_then(|r| comparison.witnesses[r].segments.get(segment)?.as_ref());
            let head = match cell.reference {
                Some(r) => format!("{}. {} (against {}.)", w + 1, witness.label, r + 1),
                None => format!("{}. {}", w + 1, witness.label),
            };
            let x = self.column_x(0);
            y += block.text(
                x,
                y,
                self.plain(&head, small, self.colors.weak, INLINE_COLUMN),
            );
            let (job, _) = inline_job(
                (reference.map_or("", |s| s.text.as_str()), &own.text),
                &cell,
                None,
                &[],
                &style,
                INLINE_COLUMN,
            );
            y += block.text(x, y, self.galley(job)) + 6.0;
        }
        y
    }

    /// The wordings side by side, a column each, with their marks (a dash where a witness
    /// lacks the segment). Returns where the tallest ends.
    fn column_wordings(&self, block: &mut Block, segment: usize, cells: Option<&[Cell]>) -> f32 {
        let comparison = &self.of.comparison;
        let style = self.job_style();
        let all: Vec<usize> = (0..comparison.witnesses.len()).collect();
        let mut bottom = PAD;
        for &w in &all {
            let x = self.column_x(w);
            let witness = &comparison.witnesses[w];
            let height = match witness.segments.get(segment) {
                Some(Some(own)) => {
                    let marks = cells
                        .and_then(|r| r.get(w))
                        .map_or(&[][..], |c| c.marks.as_slice());
                    let onward = onward_marks(comparison, cells, &all, w, segment);
                    let job = marked_job(&own.text, (marks, onward, &[]), None, &style, COLUMN);
                    block.text(x, PAD, self.galley(job))
                }
                _ => block.text(
                    x,
                    PAD,
                    self.plain("—", style.font.size, self.colors.weak, COLUMN),
                ),
            };
            bottom = bottom.max(PAD + height);
        }
        bottom
    }

    /// The reader's notes on the segment, each in a box in its category's colour, from `y`
    /// down. Returns where they end.
    fn segment_notes(&self, block: &mut Block, segment: usize, mut y: f32) -> f32 {
        let x = self.column_x(0);
        let wide = self.width - MARGIN - x;
        let small = self.style.font_size * 0.75;
        for note in notes_on_segment(&self.of.notes, &self.of.comparison, segment) {
            let outline = self
                .style
                .categories
                .iter()
                .find(|(id, _)| Some(id) == note.category_id.as_ref())
                .map_or(self.colors.weak, |(_, color)| *color);
            let top = y;
            y += NOTE_PAD;
            let heading = format!("Note on {}", note.subject());
            let inner = wide - 2.0 * NOTE_PAD;
            y += block.text(
                x + NOTE_PAD,
                y,
                self.plain(&heading, small, self.colors.weak, inner),
            );
            y += 2.0;
            let text = self.plain(
                note.note.trim(),
                self.style.font_size * 0.85,
                self.colors.text,
                inner,
            );
            y += block.text(x + NOTE_PAD, y, text) + NOTE_PAD;
            let rect = Rect::from_min_max(egui::pos2(x, top), egui::pos2(x + wide, y));
            block.boxes.push((rect, self.colors.note_fill, outline));
            y += 6.0;
        }
        y
    }

    /// The last line of a picture that leaves rows out (English), and the same to the reader.
    fn left_out(&self, shown: usize, rows: usize, whole: f32) -> (String, Block) {
        let px = (whole * self.style.pixels_per_point / 100.0).round() as usize * 100;
        let (first, height) = (shown + 1, thousands(px));
        let say = || match first == rows {
            true => crate::tr!(
                "compare-picture-row-left-out",
                count = rows,
                height = &height
            ),
            false => crate::tr!(
                "compare-picture-rows-left-out",
                first = first,
                count = rows,
                height = &height
            ),
        };
        let written = crate::i18n::in_language(crate::i18n::Language::English, say);
        let said = crate::i18n::in_language(self.style.language, say);
        let mut block = Block::default();
        let galley = self.plain(&written, 14.0, self.colors.warn, self.content_width());
        block.height = PAD + block.text(MARGIN, PAD, galley) + PAD;
        (said, block)
    }
}

/// `n` with its thousands set apart by spaces, as Lectern writes large numbers ("30 000").
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(digit);
    }
    out
}

/// The picture of `of`: every row, or the first ones that fit in the size limit, and a last
/// line saying what was left out.
pub fn picture(of: &PictureOf, style: &PictureStyle) -> Result<Picture, String> {
    let ppp = style.pixels_per_point;
    if !(ppp.is_finite() && ppp > 0.0) {
        return Err(crate::tr!("compare-picture-no-size"));
    }
    let columns = if of.inline {
        INLINE_COLUMN + GAP
    } else {
        of.comparison.witnesses.len().max(1) as f32 * (COLUMN + GAP)
    };
    let width = 2.0 * MARGIN + SEGMENTS + columns;
    let width_px = (width * ppp).ceil() as usize;
    let max_height = style.max_height.min(style.max_pixels / width_px.max(1));
    let limit = max_height as f32 / ppp;
    let background = Colors::new(style.dark).background;
    let rows = of.comparison.segments.len();
    let mut offscreen = Offscreen::new(ppp, style.dark);
    let (left_out, image) =
        offscreen.paint(egui::vec2(width, limit), background, |ctx, painter| {
            let painting = Painting {
                ctx,
                of,
                style,
                colors: Colors::new(style.dark),
                width,
            };
            let header = painting.header();
            header.paint(painter, 0.0, painting.colors.text);
            let mut y = header.height;
            // Room for the last line, should rows be left out.
            let reserve = painting.left_out(0, rows.max(1), 1e6).1.height;
            let mut shown = rows;
            let mut measured = 0.0;
            for segment in 0..rows {
                let row = painting.row(segment);
                let room = if segment + 1 == rows { 0.0 } else { reserve };
                if y + row.height + room + MARGIN > limit {
                    shown = segment;
                    measured = row.height;
                    break;
                }
                row.paint(painter, y, painting.colors.text);
                y += row.height;
                // The line under the row, on whole pixels.
                let top = (y * ppp).round() / ppp;
                let rule = Rect::from_min_size(
                    egui::pos2(MARGIN, top),
                    egui::vec2(painting.content_width(), 1.0),
                );
                painter.rect_filled(rule, 0.0, painting.colors.rule);
                y = top + 1.0;
            }
            let mut said = None;
            if shown < rows {
                // The rows not laid out are counted as tall as those that were, on average.
                let average = (y - header.height + measured) / (shown + 1) as f32;
                let whole = y + measured + average * (rows - shown - 1) as f32 + MARGIN;
                let (words, block) = painting.left_out(shown, rows, whole);
                block.paint(painter, y, painting.colors.warn);
                y += block.height;
                said = Some((words, shown));
            }
            (said, y + MARGIN)
        });
    // Painted over the reading background, which is opaque.
    let png = encode_png(&image, background.a() == 255)?;
    let (left_out, shown) = match left_out {
        Some((words, shown)) => (Some(words), shown),
        None => (None, rows),
    };
    Ok(Picture {
        png,
        size: image.size,
        rows,
        shown,
        left_out,
    })
}

#[cfg(test)]
mod tests;
