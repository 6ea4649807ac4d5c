use super::*;
use std::cell::Cell;

/// A piece of text to draw: baseline at `y` points from the top of the page.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
}

pub(crate) type Page = Vec<Item>;

pub(crate) const W: f32 = 420.0;
pub(crate) const H: f32 = 595.0;
/// The serif Lectern prints with (Latin and Cyrillic).
const SERIF: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/resources/fonts/DejaVuSerif.ttf"
);

pub(crate) fn item(x: f32, y: f32, size: f32, text: &str) -> Item {
    Item {
        x,
        y,
        size,
        text: text.to_string(),
    }
}

// --- Hand-written PDFs: Times-Roman with 500-unit widths, WinAnsi plus /fi and /fl.

fn raw_text(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            'ﬁ' => out.push_str("\\037"),
            'ﬂ' => out.push_str("\\036"),
            c if (c as u32) < 0x80 => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\{:03o}", c as u32)),
            _ => out.push('?'),
        }
    }
    out
}

/// Assembles a PDF from object bodies (object n is `objects[n - 1]`).
pub(crate) fn assemble_pdf(objects: &[Vec<u8>], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A PDF of `pages` drawn in Times-Roman; `catalog_extra` goes into the catalog.
pub(crate) fn raw_pdf(pages: &[Page], catalog_extra: &str) -> Vec<u8> {
    let widths = vec!["500"; 224].join(" ");
    let mut objects: Vec<Vec<u8>> = vec![
        format!("<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>").into_bytes(),
        Vec::new(),
        format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /FirstChar 30 /LastChar 253 \
             /Widths [{widths}] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding \
             /Differences [30 /fl /fi] >> >>"
        )
        .into_bytes(),
    ];
    let mut kids = Vec::new();
    for page in pages {
        let mut content = String::new();
        for it in page {
            content.push_str(&format!(
                "BT /F1 {} Tf 1 0 0 1 {} {} Tm ({}) Tj ET\n",
                it.size,
                it.x,
                H - it.y,
                raw_text(&it.text)
            ));
        }
        let n = objects.len() + 1;
        kids.push(format!("{n} 0 R"));
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {W} {H}] /Contents {} 0 R \
                 /Resources << /Font << /F1 3 0 R >> >> >>",
                n + 1
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend(content.as_bytes());
        stream.extend(b"\nendstream");
        objects.push(stream);
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    )
    .into_bytes();
    assemble_pdf(&objects, "")
}

#[allow(dead_code)]
pub(crate) fn raw_measure(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * 0.5 * size
}

// --- PDFs written by krilla with DejaVu Serif (CID font, Identity-H, ToUnicode).

pub(crate) struct Serif {
    data: Vec<u8>,
}

impl Serif {
    pub(crate) fn load() -> Self {
        Self {
            data: std::fs::read(SERIF).expect("the bundled DejaVu Serif"),
        }
    }

    pub(crate) fn measure(&self, text: &str, size: f32) -> f32 {
        let face = ttf_parser::Face::parse(&self.data, 0).expect("font parses");
        let upem = f32::from(face.units_per_em());
        text.chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(500.0, f32::from)
            })
            .sum::<f32>()
            / upem
            * size
    }

    pub(crate) fn pdf(
        &self,
        pages: &[Page],
        labels: &[Option<krilla::page::PageLabel>],
        meta: Option<krilla::metadata::Metadata>,
    ) -> Vec<u8> {
        use krilla::geom::Point;
        use krilla::text::{Font, TextDirection};
        let font = Font::new(self.data.clone().into(), 0).expect("font loads");
        let mut document = krilla::Document::new();
        if let Some(meta) = meta {
            document.set_metadata(meta);
        }
        for (i, page) in pages.iter().enumerate() {
            let mut settings = krilla::page::PageSettings::from_wh(W, H).expect("page size");
            if let Some(Some(label)) = labels.get(i) {
                settings = settings.with_page_label(label.clone());
            }
            let mut p = document.start_page_with(settings);
            let mut surface = p.surface();
            for it in page {
                surface.draw_text(
                    Point::from_xy(it.x, it.y),
                    font.clone(),
                    it.size,
                    &it.text,
                    false,
                    TextDirection::Auto,
                );
            }
            surface.finish();
            p.finish();
        }
        document.finish().expect("krilla writes the PDF")
    }
}

// --- A small typesetter: justified lines, first-line indents, hyphenation at '|'.

pub(crate) struct BookSpec {
    pub cols: usize,
    pub size: f32,
    pub heads: bool,
    /// Footnotes by page index (text starts with its number).
    pub footnotes: Vec<(usize, String)>,
}

/// What the typesetter drew: the pages and the first body word of each page.
pub(crate) struct Book {
    pub pages: Vec<Page>,
    pub first_words: Vec<String>,
}

const MARGIN: f32 = 40.0;
const GUTTER: f32 = 22.0;
pub(crate) const RUNNING_TITLE: &str = "A HISTORY OF TESTING";

/// Breaks a paragraph (words with '|' hyphenation points) into lines of `width`.
fn break_lines(
    text: &str,
    width: f32,
    indent: f32,
    size: f32,
    measure: &dyn Fn(&str, f32) -> f32,
) -> Vec<Vec<String>> {
    let space = measure(" ", size);
    let mut lines: Vec<Vec<String>> = Vec::new();
    let mut line: Vec<String> = Vec::new();
    let mut used = indent;
    let mut words: Vec<String> = text.split_whitespace().map(str::to_string).rev().collect();
    while let Some(word) = words.pop() {
        let clean = word.replace('|', "");
        let need = if line.is_empty() { 0.0 } else { space } + measure(&clean, size);
        if used + need <= width {
            used += need;
            line.push(clean);
            continue;
        }
        // Try the hyphenation points, longest head first (explicit hyphens break too).
        let mut points: Vec<usize> = word.match_indices(['|', '-']).map(|(i, _)| i).collect();
        points.reverse();
        let mut broke = false;
        for at in points {
            let head = word[..at].replace('|', "");
            let hyphenated = format!("{head}-");
            let need = if line.is_empty() { 0.0 } else { space } + measure(&hyphenated, size);
            if used + need <= width {
                line.push(hyphenated);
                words.push(word[at + 1..].to_string());
                broke = true;
                break;
            }
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        used = 0.0;
        if !broke {
            words.push(word);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Typesets paragraphs onto pages.
pub(crate) fn typeset(
    paragraphs: &[String],
    spec: &BookSpec,
    measure: &dyn Fn(&str, f32) -> f32,
) -> Book {
    let size = spec.size;
    let leading = size * 1.3;
    let colw = (W - 2.0 * MARGIN - GUTTER * (spec.cols as f32 - 1.0)) / spec.cols as f32;
    let indent = 1.5 * size;
    let top = 70.0;
    let mut book = Book {
        pages: Vec::new(),
        first_words: Vec::new(),
    };
    let mut page: Page = Vec::new();
    let mut col = 0;
    let mut y = top;
    let mut first_word: Option<String> = None;
    let mut bottom = H - 60.0;
    let new_page =
        |book: &mut Book, page: &mut Page, first: &mut Option<String>, bottom: &mut f32| {
            let n = book.pages.len() + 1;
            if spec.heads {
                let (head, x_title) = if n.is_multiple_of(2) {
                    (
                        n.to_string(),
                        (W - measure(RUNNING_TITLE, size * 0.8)) / 2.0,
                    )
                } else {
                    (
                        n.to_string(),
                        (W - measure("CHAPTER ONE", size * 0.8)) / 2.0,
                    )
                };
                let title = if n.is_multiple_of(2) {
                    RUNNING_TITLE
                } else {
                    "CHAPTER ONE"
                };
                let x_num = if n.is_multiple_of(2) {
                    MARGIN
                } else {
                    W - MARGIN - measure(&head, size * 0.8)
                };
                page.push(item(x_num, 40.0, size * 0.8, &head));
                page.push(item(x_title, 40.0, size * 0.8, title));
            }
            // Footnotes of this page go at its foot, in smaller type.
            let index = book.pages.len();
            for (p, note) in &spec.footnotes {
                if *p == index {
                    let lines = break_lines(note, W - 2.0 * MARGIN, 0.0, size * 0.8, measure);
                    let mut fy = H - 50.0 - (lines.len() as f32 - 1.0) * size;
                    *bottom = fy - 2.5 * size;
                    for l in lines {
                        page.push(item(MARGIN, fy, size * 0.8, &l.join(" ")));
                        fy += size;
                    }
                }
            }
            book.first_words.push(first.take().unwrap_or_default());
            book.pages.push(std::mem::take(page));
        };
    // The footnotes of page 0 must be placed before its body.
    let pending_bottom = |index: usize| -> f32 {
        let mut b = H - 60.0;
        for (p, note) in &spec.footnotes {
            if *p == index {
                let n = break_lines(note, W - 2.0 * MARGIN, 0.0, size * 0.8, measure).len();
                b = H - 50.0 - (n as f32 - 1.0) * size - 2.5 * size;
            }
        }
        b
    };
    bottom = bottom.min(pending_bottom(0));
    for paragraph in paragraphs {
        let lines = break_lines(paragraph, colw, indent, size, measure);
        let count = lines.len();
        for (i, words) in lines.into_iter().enumerate() {
            if y > bottom {
                col += 1;
                y = top;
                if col == spec.cols {
                    new_page(&mut book, &mut page, &mut first_word, &mut bottom);
                    col = 0;
                    bottom = pending_bottom(book.pages.len());
                }
            }
            let x0 = MARGIN + col as f32 * (colw + GUTTER) + if i == 0 { indent } else { 0.0 };
            let natural: f32 = words.iter().map(|w| measure(w, size)).sum();
            let avail = MARGIN + col as f32 * (colw + GUTTER) + colw - x0;
            let gap = if i + 1 < count && words.len() > 1 {
                (avail - natural) / (words.len() - 1) as f32
            } else {
                measure(" ", size)
            };
            let mut x = x0;
            for w in &words {
                page.push(item(x, y, size, w));
                x += measure(w, size) + gap;
            }
            if first_word.is_none() {
                first_word = words.first().cloned();
            }
            y += leading;
        }
    }
    new_page(&mut book, &mut page, &mut first_word, &mut bottom);
    book
}

/// `paragraphs` paragraphs of sentences of `words`, drawn by a seeded generator: each of 2 to
/// `2 + spread.0 - 1` sentences of 6 to `6 + spread.1 - 1` words, the first capitalised.
fn sentences_of(
    words: &[&str],
    paragraphs: usize,
    seed: u64,
    spread: (usize, usize),
) -> Vec<String> {
    let mut state = seed;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    (0..paragraphs)
        .map(|_| {
            let sentences = 2 + next() % spread.0;
            let mut text = Vec::new();
            for _ in 0..sentences {
                let n = 6 + next() % spread.1;
                let mut sentence: Vec<String> = (0..n)
                    .map(|_| words[next() % words.len()].to_string())
                    .collect();
                let mut first: Vec<char> = sentence[0].chars().collect();
                first[0] = first[0].to_uppercase().next().unwrap_or(first[0]);
                sentence[0] = first.into_iter().collect();
                if let Some(last) = sentence.last_mut() {
                    last.push('.');
                }
                text.push(sentence.join(" "));
            }
            text.join(" ")
        })
        .collect()
}

/// Deterministic prose: sentences from a word list, with hyphenation points.
pub(crate) fn prose(paragraphs: usize, seed: u64) -> Vec<String> {
    const WORDS: &[&str] = &[
        "the",
        "of",
        "and",
        "a",
        "to",
        "in",
        "was",
        "his",
        "that",
        "he",
        "with",
        "for",
        "as",
        "on",
        "by",
        "had",
        "it",
        "at",
        "from",
        "were",
        "which",
        "not",
        "but",
        "this",
        "army",
        "king",
        "city",
        "war",
        "peace",
        "river",
        "church",
        "council",
        "treaty",
        "empire",
        "im|por|tant",
        "gov|ern|ment",
        "rev|o|lu|tion",
        "ad|min|is|tra|tion",
        "con|sid|er|able",
        "in|de|pen|dence",
        "Great-Russian",
        "Austro-Hungarian",
        "prov|inces",
        "nobility",
        "peas|ants",
        "merchants",
        "bishop",
        "chron|i|cle",
        "sev|en|teenth",
        "cen|tury",
        "Moscow",
        "Novgorod",
        "Lithuania",
        "Poland",
        "ques|tion",
        "au|thor|ity",
        "pow|er|ful",
    ];
    sentences_of(WORDS, paragraphs, seed, (5, 14))
}

fn clean(paragraphs: &[String]) -> Vec<String> {
    paragraphs.iter().map(|p| p.replace('|', "")).collect()
}

fn read(bytes: &[u8]) -> Result<PdfText, PdfError> {
    read_pdf(bytes, &PdfLimits::default(), &|_, _| {})
}

/// Each page start points at the first word the typesetter put on that page.
fn check_page_starts(text: &PdfText, book: &Book) {
    assert_eq!(text.pages.len(), book.pages.len());
    for (start, word) in text.pages.iter().zip(&book.first_words) {
        let paragraph = &text.paragraphs[start.paragraph];
        let rest: String = paragraph.chars().skip(start.offset).collect();
        let word = word.trim_end_matches('-');
        assert!(
            rest.starts_with(word),
            "page {} starts with {word:?}, found {:?}",
            start.label,
            &rest[..rest.len().min(40)]
        );
    }
}

#[test]
fn one_column_with_running_heads() {
    let serif = Serif::load();
    let paragraphs = prose(14, 7);
    let spec = BookSpec {
        cols: 1,
        size: 10.0,
        heads: true,
        footnotes: Vec::new(),
    };
    let book = typeset(&paragraphs, &spec, &|t, s| serif.measure(t, s));
    assert!(book.pages.len() >= 3, "{} pages", book.pages.len());
    let pdf = serif.pdf(&book.pages, &[], None);
    let text = read(&pdf).unwrap();
    assert_eq!(text.paragraphs, clean(&paragraphs));
    let labels: Vec<String> = text.pages.iter().map(|p| p.label.clone()).collect();
    let expected: Vec<String> = (1..=book.pages.len()).map(|n| n.to_string()).collect();
    assert_eq!(labels, expected);
    check_page_starts(&text, &book);
    assert!(
        text.paragraphs
            .iter()
            .all(|p| !p.contains(RUNNING_TITLE) && !p.contains("CHAPTER ONE"))
    );
    // Some page begins mid-paragraph.
    assert!(text.pages.iter().skip(1).any(|p| p.offset > 0));
}

#[test]
fn two_columns_read_column_by_column() {
    let serif = Serif::load();
    let paragraphs = prose(16, 11);
    let spec = BookSpec {
        cols: 2,
        size: 9.0,
        heads: true,
        footnotes: Vec::new(),
    };
    let book = typeset(&paragraphs, &spec, &|t, s| serif.measure(t, s));
    let pdf = serif.pdf(&book.pages, &[], None);
    let text = read(&pdf).unwrap();
    assert_eq!(text.paragraphs, clean(&paragraphs));
    check_page_starts(&text, &book);
}

#[test]
fn hyphenated_breaks_and_real_hyphens() {
    let lines = [
        "This is an impor-",
        "tant matter for the Great-",
        "Russian state and the Austro-Hungarian army, the self-",
        "government of the self-governing towns and the",
        "years 1914-",
        "1918 of the war.",
    ];
    let page: Page = lines
        .iter()
        .enumerate()
        .map(|(i, l)| item(50.0, 80.0 + 13.0 * i as f32, 10.0, l))
        .collect();
    let text = read(&raw_pdf(&[page], "")).unwrap();
    assert_eq!(
        text.paragraphs,
        [
            "This is an important matter for the Great-Russian state and the Austro-Hungarian army, \
          the self-government of the self-governing towns and the years 1914-1918 of the war."
        ]
    );
}

#[test]
fn cyrillic_with_metadata() {
    let serif = Serif::load();
    let lines = [
        "Это был пред-",
        "ставитель древнего рода, о котором",
        "пишет летописец.",
    ];
    let page: Page = lines
        .iter()
        .enumerate()
        .map(|(i, l)| item(50.0, 80.0 + 13.0 * i as f32, 10.0, l))
        .collect();
    let meta = krilla::metadata::Metadata::new()
        .title("Летопись".into())
        .authors(vec!["Нестор".into()])
        .language("ru".into())
        .creation_date(krilla::metadata::DateTime::new(1913).month(5).day(2));
    let text = read(&serif.pdf(&[page], &[], Some(meta))).unwrap();
    assert_eq!(
        text.paragraphs,
        ["Это был представитель древнего рода, о котором пишет летописец."]
    );
    assert_eq!(text.title.as_deref(), Some("Летопись"));
    assert_eq!(text.author.as_deref(), Some("Нестор"));
    assert_eq!(text.date.as_deref(), Some("1913-05-02"));
    assert_eq!(text.language.as_deref(), Some("ru"));
}

#[test]
fn ligatures_of_a_differences_encoding() {
    let page = vec![item(50.0, 80.0, 10.0, "The ﬁnal ﬂow of the ﬁeld.")];
    let text = read(&raw_pdf(&[page], "")).unwrap();
    assert_eq!(text.paragraphs, ["The final flow of the field."]);
}

#[test]
fn footnote_in_smaller_type() {
    let serif = Serif::load();
    let paragraphs = prose(5, 3);
    let note = "1 See the chronicle of Novgorod, fol. 12, and the treaty of the same year with Lithuania and Poland.".to_string();
    let spec = BookSpec {
        cols: 1,
        size: 10.0,
        heads: false,
        footnotes: vec![(0, note.clone())],
    };
    let book = typeset(&paragraphs, &spec, &|t, s| serif.measure(t, s));
    let text = read(&serif.pdf(&book.pages, &[], None)).unwrap();
    assert_eq!(text.paragraphs, clean(&paragraphs));
    assert_eq!(text.footnotes, [format!("p. 1: {note}")]);
}

#[test]
fn page_labels_roman_front_matter() {
    let pages: Vec<Page> = (0..4)
        .map(|i| vec![item(50.0, 80.0, 10.0, &format!("Page body {i}."))])
        .collect();
    let labels = "/PageLabels << /Nums [0 << /S /r >> 2 << /S /D /St 1 >>] >>";
    let text = read(&raw_pdf(&pages, labels)).unwrap();
    let got: Vec<&str> = text.pages.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(got, ["i", "ii", "1", "2"]);
    // With krilla's /PageLabels, and with printed numbers taking precedence.
    use krilla::page::{NumberingStyle, PageLabel};
    let serif = Serif::load();
    let mut pages: Vec<Page> = (0..4)
        .map(|i| vec![item(50.0, 80.0, 10.0, &format!("Body text of page {i}."))])
        .collect();
    pages[3].push(item(200.0, 560.0, 9.0, "7"));
    let labels = [
        Some(PageLabel::new(
            Some(NumberingStyle::UpperRoman),
            None,
            std::num::NonZeroU32::new(1),
        )),
        None,
        Some(PageLabel::new(
            Some(NumberingStyle::Arabic),
            Some("A-".into()),
            std::num::NonZeroU32::new(5),
        )),
        None,
    ];
    let text = read(&serif.pdf(&pages, &labels, None)).unwrap();
    let got: Vec<&str> = text.pages.iter().map(|p| p.label.as_str()).collect();
    // krilla gives a page without a label an empty one: the index stands in.
    assert_eq!(got, ["I", "2", "A-5", "7"]);
    assert!(text.paragraphs.iter().all(|p| p != "7"));
}

#[test]
fn roman_page_numbers_in_the_foot() {
    let pages: Vec<Page> = ["iii", "iv", "v"]
        .iter()
        .map(|n| {
            vec![
                item(50.0, 80.0, 10.0, "Preface text runs on here and"),
                item(200.0, 570.0, 9.0, n),
            ]
        })
        .collect();
    let text = read(&raw_pdf(&pages, "")).unwrap();
    let got: Vec<&str> = text.pages.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(got, ["iii", "iv", "v"]);
    assert_eq!(text.paragraphs.len(), 1);
}

#[test]
fn progress_reports_every_page() {
    let pages: Vec<Page> = (0..3)
        .map(|_| vec![item(50.0, 80.0, 10.0, "Text.")])
        .collect();
    let calls = Cell::new(Vec::new());
    let record = |done: usize, all: usize| {
        let mut v = calls.take();
        v.push((done, all));
        calls.set(v);
    };
    read_pdf(&raw_pdf(&pages, ""), &PdfLimits::default(), &record).unwrap();
    assert_eq!(calls.take(), [(1, 3), (2, 3), (3, 3)]);
}

/// A one-page PDF encrypted (RC4, 128 bits) with `user_password`, which may be empty.
fn encrypted_pdf(pages: &[Page], user_password: &str) -> Vec<u8> {
    let mut doc = Document::load_mem(&raw_pdf(pages, "")).unwrap();
    let id = || {
        Object::String(
            b"0123456789abcdef".to_vec(),
            lopdf::StringFormat::Hexadecimal,
        )
    };
    doc.trailer.set("ID", Object::Array(vec![id(), id()]));
    let version = lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    };
    let state = lopdf::EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn refuses_encrypted_even_with_empty_password() {
    let pages = vec![vec![item(50.0, 80.0, 10.0, "Secret text.")]];
    assert_eq!(read(&encrypted_pdf(&pages, "")), Err(PdfError::Encrypted));
    // A user password, and an /Encrypt dictionary that cannot be understood.
    assert_eq!(
        read(&encrypted_pdf(&pages, "user")),
        Err(PdfError::Encrypted)
    );
    let odd = String::from_utf8_lossy(&raw_pdf(&pages, "")).replace(
        "/Root 1 0 R",
        "/Root 1 0 R /Encrypt << /Filter /Odd /V 9 >>",
    );
    assert_eq!(read(odd.as_bytes()), Err(PdfError::Encrypted));
}

#[test]
fn refuses_pages_without_text() {
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>".to_vec(),
        b"<< /Length 22 >>\nstream\n10 10 100 100 re f\n\nendstream".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>".to_vec(),
    ];
    assert_eq!(
        read(&assemble_pdf(&objects, "")),
        Err(PdfError::NoTextLayer { pages: 2 })
    );
}

#[test]
fn refuses_broken_files() {
    assert!(matches!(read(b"hello"), Err(PdfError::Broken(_))));
    assert!(matches!(
        read(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF"),
        Err(PdfError::Broken(_))
    ));
    // Truncations and corruptions of a good file: an answer, never a panic.
    let pages = vec![vec![item(50.0, 80.0, 10.0, "Some text to read.")]];
    let good = raw_pdf(&pages, "");
    for cut in (0..good.len()).step_by(7) {
        let _ = read(&good[..cut]);
    }
    let mut state = 99u32;
    for _ in 0..300 {
        let mut bad = good.clone();
        for _ in 0..4 {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let at = (state >> 8) as usize % bad.len();
            bad[at] = (state >> 3) as u8;
        }
        let _ = read(&bad);
    }
    // A broken cross-reference table is rebuilt by scanning the objects.
    let text = String::from_utf8_lossy(&good).replace("0000000009 00000 n", "0000099999 00000 n");
    assert_eq!(
        read(text.as_bytes()).unwrap().paragraphs,
        ["Some text to read."]
    );
}

fn flate_page(data: Vec<u8>) -> Vec<u8> {
    let mut stream = lopdf::Stream::new(Dictionary::new(), data);
    stream.compress().unwrap();
    let mut body = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        stream.content.len()
    )
    .into_bytes();
    body.extend(&stream.content);
    body.extend(b"\nendstream");
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>".to_vec(),
        body,
    ];
    assemble_pdf(&objects, "")
}

#[test]
fn refuses_bombs() {
    let bomb = flate_page(vec![b' '; 8 << 20]);
    assert!(bomb.len() < 100_000);
    let limits = PdfLimits {
        max_inflated_bytes: 1 << 20,
        ..PdfLimits::default()
    };
    assert!(matches!(
        read_pdf(&bomb, &limits, &|_, _| {}),
        Err(PdfError::Bomb(_))
    ));
    // Absurd object counts.
    let pages = vec![vec![item(50.0, 80.0, 10.0, "Text.")]];
    let big = String::from_utf8_lossy(&raw_pdf(&pages, "")).replace("/Size 6", "/Size 900000000");
    assert!(matches!(read(big.as_bytes()), Err(PdfError::Bomb(_))));
    // One form drawn a million times.
    let mut content = String::from("BT /F1 10 Tf (x) Tj ET ");
    content.push_str(&"/X Do ".repeat(200_000));
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> /Font << /F1 6 0 R >> >> >>".to_vec(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len() + 1).into_bytes(),
        b"<< /Type /XObject /Subtype /Form /Length 30 /Resources << /Font << /F1 6 0 R >> >> >>\nstream\nBT /F1 10 Tf (xxxxxxxxxx) Tj ET\nendstream".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    assert!(matches!(
        read(&assemble_pdf(&objects, "")),
        Err(PdfError::Bomb(_))
    ));
}

#[test]
fn refuses_too_many_pages() {
    let pages: Vec<Page> = (0..3)
        .map(|_| vec![item(50.0, 80.0, 10.0, "Text.")])
        .collect();
    let limits = PdfLimits {
        max_pages: 2,
        ..PdfLimits::default()
    };
    assert_eq!(
        read_pdf(&raw_pdf(&pages, ""), &limits, &|_, _| {}),
        Err(PdfError::TooManyPages { pages: 3, max: 2 })
    );
}

#[test]
fn dates_and_numerals() {
    assert_eq!(
        parse_date("D:19990213120000+01'00'").as_deref(),
        Some("1999-02-13")
    );
    assert_eq!(parse_date("D:1999").as_deref(), Some("1999"));
    assert_eq!(
        parse_date("2021-03-04T10:00:00Z").as_deref(),
        Some("2021-03-04")
    );
    assert_eq!(parse_roman("xiv"), Some(14));
    assert_eq!(parse_roman("XIV"), Some(14));
    assert_eq!(parse_roman("iiii"), None);
    assert_eq!(parse_roman("Civil"), None);
}

/// Russian prose with hyphenation points, as [`prose`] makes English.
fn prose_ru(paragraphs: usize, seed: u64) -> Vec<String> {
    const WORDS: &[&str] = &[
        "и",
        "в",
        "не",
        "на",
        "что",
        "с",
        "по",
        "союз",
        "рес|пуб|лик",
        "не|за|ви|си|мых",
        "го|су|дар|ствен|ный",
        "объ|еди|не|ние",
        "фор|маль|ное",
        "Ев|ро|пы",
        "Азии",
        "вступ|ле|ние",
        "ко|мис|сии",
        "по|ли|тбю|ро",
        "на|ци|о|наль|ный",
        "во|прос",
        "Гру|зии",
        "Москвы",
        "великорусский",
        "социал-демократ",
        "пред|ста|ви|тель",
        "то|ва|рищ",
    ];
    sentences_of(WORDS, paragraphs, seed, (4, 12))
}

/// What poppler's `pdftotext` reads of `pdf`, as lines (it keeps running heads and page
/// numbers, which Lectern leaves out: lines of them are dropped here).
fn pdftotext_lines(pdf: &[u8], name: &str) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("lectern-pdftotext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, installed by .ci/run)");
    assert!(out.status.success());
    let _ = std::fs::remove_file(&path);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        // pdftotext may run a page's last line and its footnote together ("…govern1 See the
        // chronicle …"): they are parted again, as they are printed.
        .flat_map(|line| match line.find("1 See") {
            Some(at) if at > 0 => vec![line[..at].to_owned(), line[at..].to_owned()],
            _ => vec![line.to_owned()],
        })
        .filter(|line| {
            let letters: String = line
                .chars()
                .filter(|c| !c.is_ascii_digit() && !c.is_whitespace() && *c != '\u{c}')
                .collect();
            !letters.is_empty()
                && letters != RUNNING_TITLE.replace(' ', "")
                && letters != "CHAPTERONE"
        })
        .collect()
}

/// Words of lines, a hyphen at a line's end joined with the next line's word (as pdftotext
/// breaks them and a reader reads them).
fn joined_words(lines: &[String]) -> Vec<String> {
    let mut joined = String::new();
    for line in lines {
        let line = line.trim();
        if joined.ends_with('-') && line.starts_with(char::is_lowercase) {
            joined.pop();
        } else {
            joined.push(' ');
        }
        joined.push_str(line);
    }
    joined.split_whitespace().map(str::to_owned).collect()
}

/// How many of `theirs` are found, in order, in `ours`: words compared as read, hyphens
/// aside (pdftotext drops the hyphen of a compound broken at a line's end:
/// "Austro-" + "Hungarian" comes out "AustroHungarian").
fn agreeing(theirs: &[String], ours: &[String]) -> usize {
    let key = |words: &[String]| -> Vec<String> {
        words
            .iter()
            .map(|w| w.replace(['-', '\u{2010}', '\u{AD}'], ""))
            .collect()
    };
    let (theirs, ours) = (key(theirs), key(ours));
    similar::capture_diff_slices(similar::Algorithm::Myers, &theirs, &ours)
        .iter()
        .map(|op| match op {
            similar::DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum()
}

#[test]
fn the_text_agrees_with_pdftotext_word_for_word_in_at_least_99_percent_of_words() {
    let serif = Serif::load();
    let measure = |t: &str, s: f32| serif.measure(t, s);
    let note = |p: usize| {
        format!(
            "1 See the chronicle of Novgorod, fol. {}, and the treaty.",
            p * 3 + 2
        )
    };
    let books = [
        (
            "one column, running heads",
            prose(40, 1),
            1,
            10.0,
            Vec::new(),
        ),
        (
            "two columns, running heads",
            prose(60, 2),
            2,
            9.0,
            Vec::new(),
        ),
        ("two columns, Cyrillic", prose_ru(60, 5), 2, 9.0, Vec::new()),
        (
            "footnotes",
            prose(30, 3),
            1,
            10.0,
            (0..8).map(|p| (p, note(p))).collect(),
        ),
    ];
    for (name, paragraphs, cols, size, footnotes) in books {
        let notes: Vec<String> = footnotes.iter().map(|(_, n)| n.clone()).collect();
        let spec = BookSpec {
            cols,
            size,
            heads: true,
            footnotes,
        };
        let book = typeset(&paragraphs, &spec, &measure);
        let pdf = serif.pdf(&book.pages, &[], None);
        let text = read(&pdf).unwrap();
        let lines = pdftotext_lines(&pdf, &name.replace([' ', ','], "-"));
        // pdftotext sets a footnote among the page's lines; Lectern keeps it apart. The body
        // and the notes are compared each with each.
        let is_note = |line: &String| {
            notes
                .iter()
                .any(|n| n.starts_with(line.trim()) || line.trim().starts_with("1 See"))
        };
        let (note_lines, body_lines): (Vec<String>, Vec<String>) =
            lines.into_iter().partition(|l| is_note(l));
        let theirs_body = joined_words(&body_lines);
        let theirs_notes = joined_words(&note_lines);
        let ours_body: Vec<String> = text
            .paragraphs
            .iter()
            .flat_map(|p| p.split_whitespace())
            .map(str::to_owned)
            .collect();
        let ours_notes: Vec<String> = text
            .footnotes
            .iter()
            .flat_map(|f| f.split_whitespace().skip(2))
            .map(str::to_owned)
            .collect();
        let total = theirs_body.len() + theirs_notes.len();
        let agree = agreeing(&theirs_body, &ours_body) + agreeing(&theirs_notes, &ours_notes);
        let share = agree as f64 / total as f64;
        println!(
            "{name}: {agree} of pdftotext's {total} words ({:.2} %)",
            share * 100.0
        );
        assert!(
            share >= 0.99,
            "{name}: {:.2} % of pdftotext's words",
            share * 100.0
        );
        // And the running heads pdftotext keeps are left out.
        assert!(
            !text.paragraphs.iter().any(|p| p.contains(RUNNING_TITLE)),
            "{name}: a running head is in the text"
        );
    }
}

/// The last page of a two-column book whose second column holds only a few lines: the
/// gutter is still found (its few lines are within the tolerance for lines across the
/// gutter, and they are few against the page's), so the baselines both columns share are
/// not read across the gutter.
#[test]
fn a_short_last_column_is_read_after_the_first() {
    let serif = Serif::load();
    let spec = BookSpec {
        cols: 2,
        size: 9.0,
        heads: true,
        footnotes: Vec::new(),
    };
    let books = [prose_ru(60, 5), prose_ru(60, 11), prose(35, 2)];
    for paragraphs in books {
        let book = typeset(&paragraphs, &spec, &|t, s| serif.measure(t, s));
        // The case is there: the second column of the last page is short.
        let last = book.pages.last().unwrap();
        let body = |i: &&Item| i.y > 60.0 && i.y < H - 60.0;
        let right: std::collections::HashSet<u32> = last
            .iter()
            .filter(body)
            .filter(|i| i.x > W / 2.0)
            .map(|i| i.y as u32)
            .collect();
        let left: std::collections::HashSet<u32> = last
            .iter()
            .filter(body)
            .filter(|i| i.x < W / 2.0)
            .map(|i| i.y as u32)
            .collect();
        assert!(
            right.len() >= 3 && right.len() * 3 < left.len(),
            "{} and {} lines",
            left.len(),
            right.len()
        );
        let pdf = serif.pdf(&book.pages, &[], None);
        let text = read(&pdf).unwrap();
        // Word for word in order (where a paragraph ends is not what is tested here).
        let words = |paragraphs: &[String]| -> Vec<String> {
            paragraphs
                .iter()
                .flat_map(|p| p.split_whitespace())
                .map(str::to_owned)
                .collect()
        };
        assert_eq!(words(&text.paragraphs), words(&clean(&paragraphs)));
        check_page_starts(&text, &book);
    }
}

#[test]
fn a_pdf_is_known_by_its_name_or_its_first_bytes_not_by_a_mention() {
    use std::path::Path;
    assert!(super::is_pdf(Path::new("a.PDF"), b""));
    assert!(super::is_pdf(Path::new("scan"), b"\n %PDF-1.7\n"));
    assert!(!super::is_pdf(
        Path::new("notes.txt"),
        b"Every such file starts with %PDF-1.7, the spec says."
    ));
}
