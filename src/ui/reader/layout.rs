//! The layout of a pane's paragraphs: one galley per paragraph, laid out on demand, kept in
//! the pane's own cache for the current width and font size, with estimated heights for the
//! paragraphs not laid out yet.

use super::*;

/// Galleys kept beyond this many are evicted, farthest from the view first.
const GALLEY_CACHE_LIMIT: usize = 400;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct LayoutKey {
    pub(super) wrap_width: u32,
    pub(super) font_size: u32,
    pub(super) pixels_per_point: u32,
}

/// The galleys of one pane, laid out on demand and cached for the current width and font size.
#[derive(Default)]
pub(super) struct ParagraphLayouts {
    pub(super) key: Option<LayoutKey>,
    pub(super) galleys: HashMap<usize, Arc<Galley>>,
    /// Estimated top of each paragraph (and the total at the end): `len == paragraphs + 1`.
    pub(super) estimated_tops: Vec<f32>,
    /// egui's text options and font atlas fill at the end of the last frame: galleys point
    /// into the atlas, so when egui rebuilds it (new options after a theme change, or a full
    /// atlas) every cached galley is stale and must be laid out again.
    pub(super) atlas: Option<(egui::epaint::text::TextOptions, f32)>,
    /// How many times the cache was emptied because the font atlas was rebuilt.
    pub(super) atlas_resets: u64,
}

impl ParagraphLayouts {
    /// Makes the cache fit `key`; returns true when it had to be cleared.
    pub(super) fn ensure(
        &mut self,
        key: LayoutKey,
        text: &Text,
        style: ReadingStyle,
        wrap_width: f32,
    ) -> bool {
        if self.key == Some(key) && self.estimated_tops.len() == text.paragraphs().len() + 1 {
            return false;
        }
        self.key = Some(key);
        self.galleys.clear();
        // Estimate from character counts: an average glyph is about half the font size wide.
        let chars_per_line = (wrap_width / (style.font_size * 0.47)).max(1.0);
        let mut top = 0.0;
        self.estimated_tops.clear();
        self.estimated_tops.reserve(text.paragraphs().len() + 1);
        for paragraph in text.paragraphs() {
            self.estimated_tops.push(top);
            let lines = (paragraph.char_len() as f32 / chars_per_line)
                .ceil()
                .max(1.0);
            top += lines * style.line_height() + style.paragraph_spacing();
        }
        self.estimated_tops.push(top);
        true
    }

    /// Empties the cache if egui rebuilt its font atlas since the last frame.
    pub(super) fn check_atlas(&mut self, ctx: &egui::Context) {
        let now = ctx.fonts(|fonts| (*fonts.options(), fonts.font_atlas_fill_ratio()));
        if let Some((options, fill)) = self.atlas
            && (options != now.0 || now.1 < fill)
        {
            self.galleys.clear();
            self.atlas_resets += 1;
        }
    }

    /// Remembers the atlas state at the end of a frame.
    pub(super) fn note_atlas(&mut self, ctx: &egui::Context) {
        self.atlas = Some(ctx.fonts(|fonts| (*fonts.options(), fonts.font_atlas_fill_ratio())));
    }

    pub(super) fn estimated_height(&self, paragraph: usize) -> f32 {
        self.estimated_tops[paragraph + 1] - self.estimated_tops[paragraph]
    }

    pub(super) fn estimated_total(&self) -> f32 {
        self.estimated_tops.last().copied().unwrap_or(0.0)
    }

    pub(super) fn galley(
        &mut self,
        ctx: &egui::Context,
        text: &Text,
        paragraph: usize,
        style: ReadingStyle,
        wrap_width: f32,
    ) -> Arc<Galley> {
        self.galleys
            .entry(paragraph)
            .or_insert_with(|| {
                let mut job = paragraph_job(text, paragraph, style);
                job.wrap = TextWrapping::wrap_at_width(wrap_width);
                ctx.fonts_mut(|fonts| fonts.layout_job(job))
            })
            .clone()
    }

    /// Drops galleys far from `around` once the cache is over its limit.
    pub(super) fn evict(&mut self, around: usize) {
        if self.galleys.len() > GALLEY_CACHE_LIMIT {
            let keep = GALLEY_CACHE_LIMIT / 4;
            self.galleys.retain(|&p, _| p.abs_diff(around) <= keep);
        }
    }
}

/// A paragraph as laid out: in the reading style, an editor's bracketed insertions in italics
/// (in a text whose brackets are an editor's, see `TextMeta::editor_brackets`), and a run of
/// spaces shown as one (the source's "a new   federation" stays in the text, verbatim, but
/// reads as it was meant: the spaces after the first are laid out a hair wide, so every
/// character keeps its index for selections, highlights and hit testing).
pub(crate) fn paragraph_job(text: &Text, paragraph: usize, style: ReadingStyle) -> LayoutJob {
    let body = breakable_spaces(text.paragraph_text(paragraph)).into_owned();
    let format = style.text_format();
    let spans = if text.meta().editor_brackets.is_some() {
        crate::formats::text_format::bracketed(&body)
    } else {
        Vec::new()
    };
    let pieces = pieces(&body, &spans);
    if let [(_, Piece::Plain)] = pieces.as_slice() {
        return LayoutJob::single_section(body, format);
    }
    let editorial = TextFormat {
        italics: true,
        ..format.clone()
    };
    let collapsed = TextFormat {
        font_id: egui::FontId::new(COLLAPSED_SPACE_SIZE, format.font_id.family.clone()),
        ..format.clone()
    };
    let mut job = LayoutJob {
        text: body,
        ..LayoutJob::default()
    };
    for (range, piece) in pieces {
        let format = match piece {
            Piece::Plain => &format,
            Piece::Editorial => &editorial,
            Piece::CollapsedSpaces => &collapsed,
        };
        job.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: egui::text::ByteIndex(range.start)..egui::text::ByteIndex(range.end),
            format: format.clone(),
        });
    }
    job
}

/// The size, in points, of the spaces after the first of a run: too narrow to see.
const COLLAPSED_SPACE_SIZE: f32 = 0.5;

/// How a stretch of a paragraph is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece {
    /// In the reading style.
    Plain,
    /// An editor's insertion, in italics.
    Editorial,
    /// The spaces after the first of a run, a hair wide.
    CollapsedSpaces,
}

/// The paragraph `body` cut into stretches (byte ranges, in order, covering it), by the
/// editor's `spans` and by runs of spaces.
fn pieces(body: &str, spans: &[std::ops::Range<usize>]) -> Vec<(std::ops::Range<usize>, Piece)> {
    let mut marked: Vec<(std::ops::Range<usize>, Piece)> = Vec::new();
    let mut at = 0;
    for span in spans {
        marked.push((at..span.start, Piece::Plain));
        marked.push((span.clone(), Piece::Editorial));
        at = span.end;
    }
    marked.push((at..body.len(), Piece::Plain));
    let mut pieces = Vec::new();
    for (range, piece) in marked.into_iter().filter(|(r, _)| !r.is_empty()) {
        let mut from = range.start;
        let bytes = body.as_bytes();
        let mut i = range.start;
        while i < range.end {
            if bytes[i] == b' ' && i + 1 < range.end && bytes[i + 1] == b' ' {
                let run_end = (i..range.end)
                    .find(|&j| bytes[j] != b' ')
                    .unwrap_or(range.end);
                pieces.push((from..i + 1, piece));
                pieces.push((i + 1..run_end, Piece::CollapsedSpaces));
                from = run_end;
                i = run_end;
            } else {
                i += 1;
            }
        }
        pieces.push((from..range.end, piece));
    }
    pieces.retain(|(range, _)| !range.is_empty());
    if pieces.is_empty() {
        pieces.push((0..0, Piece::Plain));
    }
    pieces
}

#[cfg(test)]
mod piece_tests {
    use super::{Piece, pieces};

    #[test]
    fn a_run_of_spaces_is_laid_out_as_one_and_every_byte_keeps_its_place() {
        let body = "a new   federation";
        let cut = pieces(body, &[]);
        assert_eq!(
            cut,
            [
                (0..6, Piece::Plain),
                (6..8, Piece::CollapsedSpaces),
                (8..18, Piece::Plain)
            ]
        );
        assert_eq!(pieces("one space only", &[]), [(0..14, Piece::Plain)]);
        assert_eq!(pieces("", &[]), [(0..0, Piece::Plain)]);
    }

    #[test]
    fn runs_of_spaces_inside_an_editors_insertion_keep_its_italics_around_them() {
        let body = "as [the  editor] says";
        let cut = pieces(body, std::slice::from_ref(&(3..16)));
        assert_eq!(
            cut,
            [
                (0..3, Piece::Plain),
                (3..8, Piece::Editorial),
                (8..9, Piece::CollapsedSpaces),
                (9..16, Piece::Editorial),
                (16..21, Piece::Plain)
            ]
        );
        let covered: usize = cut.iter().map(|(r, _)| r.len()).sum();
        assert_eq!(covered, body.len());
    }
}

/// The text as laid out: no-break spaces become spaces, so that lines break between words.
///
/// Texts taken from web pages carry no-break spaces where the page's markup put `&nbsp;`
/// between ordinary words ("Appropriate\u{a0}alterations"); egui never breaks there, and breaks
/// inside the next word instead ("Appropriate alt|erations"), or after the punctuation before
/// one, so that the next line begins with a space. A space for a space keeps every character
/// at its index, so selections, highlights and hit testing are unchanged.
pub(crate) fn breakable_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\u{a0}') {
        std::borrow::Cow::Owned(text.replace('\u{a0}', " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// What laying out a pane needs in one frame: the text, its typography and the column size.
pub(super) struct FrameLayout<'a> {
    pub(super) ctx: &'a egui::Context,
    pub(super) text: &'a Text,
    pub(super) style: ReadingStyle,
    /// Width of the text column (the wrap width).
    pub(super) wrap: f32,
    /// Height available to the text (the view less its top and bottom margins).
    pub(super) view_height: f32,
}

/// A paragraph drawn in the last frame: where, and with which galley (for hit testing).
#[derive(Clone)]
pub(super) struct VisibleParagraph {
    pub(super) paragraph: usize,
    pub(super) origin: Pos2,
    pub(super) galley: Arc<Galley>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_editors_bracketed_insertions_are_laid_out_in_italics_and_explained() {
        let library = crate::bundled::bundled_library();
        let notes = library.get("lenin-1922-12-30-autonomization").unwrap();
        let style = ReadingStyle { font_size: 18.0 };
        let mut italic = Vec::new();
        for paragraph in 0..notes.paragraphs().len() {
            let job = paragraph_job(notes, paragraph, style);
            assert_eq!(job.text, breakable_spaces(notes.paragraph_text(paragraph)));
            for section in job.sections.iter().filter(|s| s.format.italics) {
                italic.push(
                    job.text[section.byte_range.start.0..section.byte_range.end.0].to_owned(),
                );
            }
        }
        assert_eq!(italic.len(), 2, "{italic:?}");
        assert!(italic[0].starts_with("[Stalin criticized") && italic[0].ends_with(']'));
        assert_eq!(italic[1], "[Stalin]");
        // Hovered, the words say what they are; Lenin's own words do not.
        let at = notes.content().find("[Stalin]").unwrap();
        let inside = notes.content()[..at + 2].chars().count();
        let note = super::super::pane::editorial_note(notes, inside).unwrap();
        assert!(
            note.contains("World-Outlook (2022)") && note.contains("V. I. Lenin"),
            "{note}"
        );
        assert_eq!(super::super::pane::editorial_note(notes, inside - 3), None);
        // A text whose brackets are its author's shows them as they are.
        let kamenev = library.get("lenin-1922-09-26-kamenev").unwrap();
        assert!(kamenev.meta().editor_brackets.is_none());
        assert!((0..kamenev.paragraphs().len()).all(|p| {
            paragraph_job(kamenev, p, style)
                .sections
                .iter()
                .all(|section| !section.format.italics)
        }));
    }
    use crate::bundled::bundled_library;

    /// Every bundled paragraph, laid out as a pane lays it out at many column widths, breaks
    /// its lines between words: no line begins with a space and no word is cut, unless a
    /// word alone is wider than the column.
    #[test]
    fn lines_break_between_words_at_every_width() {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let style = ReadingStyle { font_size: 18.0 };
        let library = bundled_library();
        for text in library.texts() {
            for width in (140..=420).step_by(9) {
                let width = width as f32;
                let mut layouts = ParagraphLayouts::default();
                for paragraph in 0..text.paragraphs().len() {
                    let galley = layouts.galley(&ctx, text, paragraph, style, width);
                    let rows: Vec<(String, bool)> = galley
                        .rows
                        .iter()
                        .map(|row| {
                            let chars = row.row.glyphs.iter().map(|g| g.chr).collect();
                            (chars, row.ends_with_newline)
                        })
                        .collect();
                    for rows in rows.windows(2) {
                        if rows[0].1 {
                            continue; // a line break in the text
                        }
                        let pair = [&rows[0].0, &rows[1].0];
                        let (Some(last), Some(first)) =
                            (pair[0].chars().last(), pair[1].chars().next())
                        else {
                            continue;
                        };
                        let whole_row = !pair[0].trim_end().contains(char::is_whitespace);
                        assert!(
                            !first.is_whitespace() || whole_row,
                            "{} at {width}: a line begins with a space: {pair:?}",
                            text.id()
                        );
                        assert!(
                            !(last.is_alphanumeric() && first.is_alphanumeric()) || whole_row,
                            "{} at {width}: a word is cut: {pair:?}",
                            text.id()
                        );
                    }
                }
            }
        }
    }
}
