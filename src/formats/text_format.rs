//! The text file format: a metadata header, a `---` line, then the body.
//!
//! Bundled texts in `resources/texts/` and (later) texts a user imports are stored in this format:
//!
//! ```text
//! id: lenin-1922-09-26-kamenev
//! title: On the Establishment of the U.S.S.R.
//! author: V. I. Lenin
//! date: 1922-09-26
//! note: an editorial note (repeatable)
//! ---
//! First paragraph of the body.
//!
//! Second paragraph; a single line break
//! inside a paragraph is kept.
//! ```
//!
//! Each header line is `key: value`. Keys in [`REPEATABLE_KEYS`] may appear more than once; every
//! other key at most once. Unknown keys, missing required keys, malformed dates and ids are errors
//! that name the file and the field, so that `build.rs` can refuse a malformed bundled text. A
//! date in the form of one whose day its month lacks (1922-02-31, which an earlier Lectern
//! took) is read all the same, kept as written, with a notice ([`ParsedText::notices`]): a
//! text already in a reader's profile always opens; `build.rs` refuses it in a bundled text.
//!
//! The body's paragraphs are separated by one or more blank lines. Whitespace at the end of each
//! line is removed (the only tidying a bundled text gets); everything else, double spaces and
//! no-break spaces included, is kept exactly.
//!
//! This file is also compiled into `build.rs` (via `#[path]`, beside [`super::calendar`]), so it
//! depends on `std`, the calendar and the ids alone.

use std::fmt;

pub use super::ids::TextId;

/// Keys that must be present in every header.
pub const REQUIRED_KEYS: &[&str] = &[
    "id", "title", "author", "date", "language", "source", "licence",
];

/// Keys that may be present at most once.
pub const OPTIONAL_KEYS: &[&str] = &[
    "subtitle",
    "source_title",
    "date_label",
    "kind",
    "translator",
    "reference",
    "reference_ru",
    "first_published",
    "credit",
    "context_before",
    "context_after",
    "url",
    "editor_brackets",
];

/// Keys that may appear any number of times, each occurrence adding one value.
pub const REPEATABLE_KEYS: &[&str] = &["note", "editorial_change", "omitted", "part", "page"];

/// A part (section) of a text that starts at a given paragraph, e.g. one dated note of three.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartMark {
    /// Index of the paragraph the part starts at.
    pub first_paragraph: usize,
    /// The part's label, shown in the pane's outline.
    pub label: String,
}

/// Where a printed page of the text's edition begins: in paragraph `paragraph`, before its
/// character `offset` (see [`super::pages`], which finds them in an imported text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageMark {
    /// The paragraph the page begins in.
    pub paragraph: usize,
    /// The character of that paragraph the page begins at.
    pub offset: usize,
    /// The page's number as printed ("329", "xii").
    pub label: String,
}

/// A text's metadata and provenance, as read from its header.
///
/// Invariant: `id` is non-empty and made of `a-z`, `0-9` and `-`; `date` is `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`; `parts` are in increasing paragraph order and within the body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextMeta {
    /// Stable identifier used on the command line, in the profile and in anchors.
    pub id: TextId,
    /// Title as shown in the library.
    pub title: String,
    /// A subtitle or heading of the document (e.g. "Letter to L. B. Kamenev …").
    pub subtitle: Option<String>,
    /// The web address of the page the text comes from (annotations made there attach here).
    pub url: Option<String>,
    /// Whose insertions the square brackets in the body hold, when they are an editor's and
    /// not the author's words (“World-Outlook (2022)”): the reader shows them as editorial.
    pub editor_brackets: Option<String>,
    /// The title exactly as the source spells it, where it differs from `title`.
    pub source_title: Option<String>,
    /// Author, as the reader would cite them.
    pub author: String,
    /// Sortable date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub date: String,
    /// The date as a reader would write it ("30–31 December 1922"); defaults to `date`.
    pub date_label: Option<String>,
    /// What kind of document it is: letter, memo, notes …
    pub kind: Option<String>,
    /// Language tag (`en`, `ru`, …).
    pub language: String,
    /// Translator(s) of this English text.
    pub translator: Option<String>,
    /// Where this copy of the text comes from.
    pub source: String,
    /// Standard reference (English Collected Works).
    pub reference: Option<String>,
    /// Reference to the Russian original (ПСС).
    pub reference_ru: Option<String>,
    /// Where and when the document was first published.
    pub first_published: Option<String>,
    /// Licence under which this copy is shipped.
    pub licence: String,
    /// Credit line.
    pub credit: Option<String>,
    /// Editorial notes on the text (translation issues, addressee …).
    pub notes: Vec<String>,
    /// Deliberate editorial changes made to the source's text.
    pub editorial_changes: Vec<String>,
    /// Passages of the source left out of the body (verbatim), e.g. captions of missing images.
    pub omitted: Vec<String>,
    /// The source's editorial sentence introducing this document.
    pub context_before: Option<String>,
    /// The source's editorial sentence following this document.
    pub context_after: Option<String>,
    /// Parts of the text, by first paragraph.
    pub parts: Vec<PartMark>,
    /// Where the printed pages of its edition begin, in order (none for a text without page
    /// markers).
    pub pages: Vec<PageMark>,
}

/// The byte ranges of the square-bracketed insertions in `paragraph` (`[Stalin]`), brackets
/// included; a bracket left open runs to the paragraph's end.
pub fn bracketed(paragraph: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(open) = paragraph[from..].find('[').map(|at| from + at) {
        let end = paragraph[open..]
            .find(']')
            .map_or(paragraph.len(), |at| open + at + 1);
        spans.push(open..end);
        from = end;
    }
    spans
}

impl TextMeta {
    /// The date as a reader would write it ("undated" when the text has none).
    pub fn display_date(&self) -> &str {
        match self.date_label.as_deref() {
            Some(label) if !label.trim().is_empty() => label,
            _ if is_undated(&self.date) => "undated",
            _ => &self.date,
        }
    }

    /// Whether `address` is this text's web address (the scheme, a `www.`, a fragment and a
    /// trailing slash aside).
    pub fn has_url(&self, address: &str) -> bool {
        fn bare(address: &str) -> &str {
            let address = address.trim();
            let address = address.split('#').next().unwrap_or(address);
            let address = address
                .strip_prefix("https://")
                .or_else(|| address.strip_prefix("http://"))
                .unwrap_or(address);
            let address = address.strip_prefix("www.").unwrap_or(address);
            address.trim_end_matches('/')
        }
        self.url
            .as_deref()
            .is_some_and(|url| !bare(url).is_empty() && bare(url) == bare(address))
    }

    /// The author, unless unknown.
    pub fn known_author(&self) -> Option<&str> {
        let author = self.author.trim();
        (!author.is_empty() && !author.eq_ignore_ascii_case("unknown")).then_some(author)
    }

    /// Author, date and kind, as far as known: "V. I. Lenin · 26 September 1922 · letter".
    pub fn byline(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(self.known_author());
        parts.push(self.display_date());
        parts.extend(self.kind.as_deref().filter(|k| !k.trim().is_empty()));
        parts.join(" · ")
    }

    /// The title without a leading article, for narrow places ("Question of Nationalities or
    /// “Autonomization”"); the title itself when that is all it is.
    pub fn short_title(&self) -> &str {
        let title = self.title.trim();
        for article in ["The ", "A ", "An "] {
            if let Some(rest) = title.strip_prefix(article)
                && !rest.trim().is_empty()
            {
                return rest.trim_start();
            }
        }
        title
    }

    /// The title with its subtitle, if any ("On the Establishment of the U.S.S.R. — Letter to
    /// L. B. Kamenev …").
    pub fn display_title(&self) -> String {
        match self.subtitle.as_deref().map(str::trim) {
            Some(subtitle) if !subtitle.is_empty() => format!("{} — {subtitle}", self.title),
            _ => self.title.clone(),
        }
    }
}

/// Whether a sortable date says nothing: empty, or the year 0000 that stands for "unknown".
pub fn is_undated(date: &str) -> bool {
    let date = date.trim();
    date.is_empty() || date.starts_with("0000")
}

/// A parsed text file: metadata and the body's paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedText {
    /// The header.
    pub meta: TextMeta,
    /// The body's paragraphs, line-end whitespace removed, in order. Never empty strings.
    pub paragraphs: Vec<String>,
    /// What the reader should know of a file that was read all the same: a date in the form
    /// of one that names no day of the calendar (1922-02-31, written by an earlier Lectern),
    /// kept as written.
    pub notices: Vec<String>,
}

/// What is wrong with a text file, naming the file, the line and the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderError {
    /// The file's name (as given by the caller).
    pub file: String,
    /// 1-based line number, where one applies.
    pub line: Option<usize>,
    /// The header field concerned, where one applies.
    pub field: Option<String>,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for HeaderError {}

/// Parses a text file (header, `---`, body). `file` names it in errors.
pub fn parse_text_file(file: &str, source: &str) -> Result<ParsedText, HeaderError> {
    let err = |line: Option<usize>, field: Option<&str>, message: String| HeaderError {
        file: file.to_owned(),
        line,
        field: field.map(str::to_owned),
        message,
    };
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut meta = TextMeta::default();
    let mut seen: Vec<&str> = Vec::new();
    let mut notices = Vec::new();
    let mut body_start_line = None;
    let mut lines = source.split('\n').enumerate();
    for (index, raw_line) in lines.by_ref() {
        let line_no = index + 1;
        let line = raw_line.trim_end();
        if line == "---" {
            body_start_line = Some(line_no + 1);
            break;
        }
        if line.is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(
                Some(line_no),
                None,
                format!("expected `key: value` or `---`, found {line:?}"),
            ));
        };
        let key = key.trim();
        let value = value.trim();
        let known = REQUIRED_KEYS.contains(&key)
            || OPTIONAL_KEYS.contains(&key)
            || REPEATABLE_KEYS.contains(&key);
        if !known {
            return Err(err(Some(line_no), Some(key), "unknown field".to_owned()));
        }
        if value.is_empty() {
            return Err(err(Some(line_no), Some(key), "empty value".to_owned()));
        }
        if !REPEATABLE_KEYS.contains(&key) {
            if seen.contains(&key) {
                return Err(err(Some(line_no), Some(key), "given twice".to_owned()));
            }
            seen.push(key);
        }
        let place = format!("{file}, line {line_no}");
        set_field(&mut meta, key, value.to_owned(), &place, &mut notices)
            .map_err(|message| err(Some(line_no), Some(key), message))?;
    }
    let Some(body_start_line) = body_start_line else {
        return Err(err(
            None,
            None,
            "no `---` line separates the header from the body".to_owned(),
        ));
    };
    for key in REQUIRED_KEYS {
        if !seen.contains(key) {
            return Err(err(None, Some(key), "missing".to_owned()));
        }
    }
    let body: Vec<&str> = lines.map(|(_, line)| line).collect();
    let paragraphs = split_paragraphs(&body.join("\n"));
    if paragraphs.is_empty() {
        return Err(err(
            Some(body_start_line),
            None,
            "the body is empty".to_owned(),
        ));
    }
    check_parts(&meta.parts, paragraphs.len())
        .map_err(|message| err(None, Some("part"), message))?;
    check_pages(&meta.pages, &paragraphs).map_err(|message| err(None, Some("page"), message))?;
    Ok(ParsedText {
        meta,
        paragraphs,
        notices,
    })
}

/// Sets one field of a header to its value, checked as its kind of field requires; a date
/// that names no day is kept, with a notice that says where (`place`).
fn set_field(
    meta: &mut TextMeta,
    key: &str,
    value: String,
    place: &str,
    notices: &mut Vec<String>,
) -> Result<(), String> {
    match key {
        "id" => {
            if !is_valid_id(&value) {
                return Err(format!("{value:?} is not an id (use a-z, 0-9 and -)"));
            }
            meta.id = TextId::from(value);
        }
        "title" => meta.title = value,
        "subtitle" => meta.subtitle = Some(value),
        "url" => meta.url = Some(value),
        "editor_brackets" => meta.editor_brackets = Some(value),
        "source_title" => meta.source_title = Some(value),
        "author" => meta.author = value,
        "date" => {
            if !is_date_shaped(&value) {
                return Err(format!(
                    "{value:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
                ));
            }
            if !is_valid_date(&value) {
                // An earlier Lectern took any day up to 31: such a text still opens.
                notices.push(format!(
                    "{place}: {value:?} is no day of the calendar; the date \
                     is kept as written, and the text is not placed on the timeline."
                ));
            }
            meta.date = value;
        }
        "date_label" => meta.date_label = Some(value),
        "kind" => meta.kind = Some(value),
        "language" => meta.language = value,
        "translator" => meta.translator = Some(value),
        "source" => meta.source = value,
        "reference" => meta.reference = Some(value),
        "reference_ru" => meta.reference_ru = Some(value),
        "first_published" => meta.first_published = Some(value),
        "licence" => meta.licence = value,
        "credit" => meta.credit = Some(value),
        "context_before" => meta.context_before = Some(value),
        "context_after" => meta.context_after = Some(value),
        "note" => meta.notes.push(value),
        "editorial_change" => meta.editorial_changes.push(value),
        "omitted" => meta.omitted.push(value),
        "part" => {
            let parsed = value.split_once('|').and_then(|(index, label)| {
                let index = index.trim().parse::<usize>().ok()?;
                let label = label.trim();
                (!label.is_empty()).then(|| PartMark {
                    first_paragraph: index,
                    label: label.to_owned(),
                })
            });
            let Some(part) = parsed else {
                return Err(format!("{value:?} is not `PARAGRAPH-INDEX | label`"));
            };
            meta.parts.push(part);
        }
        "page" => {
            // `PARAGRAPH:CHARACTER | label`: where the page begins, and its printed number.
            let parsed = value.split_once('|').and_then(|(place, label)| {
                let (paragraph, offset) = place.trim().split_once(':')?;
                let label = label.trim();
                let page = PageMark {
                    paragraph: paragraph.trim().parse().ok()?,
                    offset: offset.trim().parse().ok()?,
                    label: label.to_owned(),
                };
                (!label.is_empty()).then_some(page)
            });
            let Some(page) = parsed else {
                return Err(format!(
                    "{value:?} is not `PARAGRAPH-INDEX:CHARACTER | page`"
                ));
            };
            meta.pages.push(page);
        }
        _ => unreachable!("key checked against the known lists above"),
    }
    Ok(())
}

/// Checks that the pages begin within the body, in order.
fn check_pages(pages: &[PageMark], paragraphs: &[String]) -> Result<(), String> {
    let mut previous: Option<(usize, usize)> = None;
    // Each paragraph's length counted once, however many pages it holds.
    let mut lengths: Vec<Option<usize>> = vec![None; paragraphs.len()];
    for page in pages {
        let place = (page.paragraph, page.offset);
        let within = paragraphs.get(page.paragraph).is_some_and(|p| {
            let length = *lengths[page.paragraph].get_or_insert_with(|| p.chars().count());
            page.offset <= length
        });
        if !within || previous.is_some_and(|p| p > place) {
            return Err(format!(
                "page {} at {}:{} is out of order or past the body",
                page.label, page.paragraph, page.offset
            ));
        }
        previous = Some(place);
    }
    Ok(())
}

/// Checks that the parts begin at paragraphs of the body, in order.
fn check_parts(parts: &[PartMark], paragraphs: usize) -> Result<(), String> {
    let mut previous = None;
    for part in parts {
        if part.first_paragraph >= paragraphs || previous.is_some_and(|p| p >= part.first_paragraph)
        {
            return Err(format!(
                "paragraph {} is out of order or past the body's {paragraphs} paragraphs",
                part.first_paragraph,
            ));
        }
        previous = Some(part.first_paragraph);
    }
    Ok(())
}

/// Writes a text file that [`parse_text_file`] reads back to the same metadata and
/// paragraphs: the header (every field that has a value; line breaks in a value become
/// spaces), `---`, and the paragraphs separated by blank lines.
pub fn write_text_file(meta: &TextMeta, paragraphs: &[&str]) -> String {
    let one_line = |s: &str| s.replace(['\n', '\r'], " ");
    let mut file = String::new();
    let mut field = |key: &str, value: &str| {
        file.push_str(key);
        file.push_str(": ");
        file.push_str(&one_line(value));
        file.push('\n');
    };
    let optional = [
        ("subtitle", &meta.subtitle),
        ("source_title", &meta.source_title),
        ("date_label", &meta.date_label),
        ("kind", &meta.kind),
        ("translator", &meta.translator),
        ("reference", &meta.reference),
        ("reference_ru", &meta.reference_ru),
        ("first_published", &meta.first_published),
        ("credit", &meta.credit),
        ("context_before", &meta.context_before),
        ("context_after", &meta.context_after),
        ("url", &meta.url),
        ("editor_brackets", &meta.editor_brackets),
    ];
    for (key, value) in [
        ("id", meta.id.as_str()),
        ("title", &meta.title),
        ("author", &meta.author),
        ("date", &meta.date),
        ("language", &meta.language),
        ("source", &meta.source),
        ("licence", &meta.licence),
    ] {
        field(key, value);
    }
    for (key, value) in optional {
        if let Some(value) = value {
            field(key, value);
        }
    }
    for (key, values) in [
        ("note", &meta.notes),
        ("editorial_change", &meta.editorial_changes),
        ("omitted", &meta.omitted),
    ] {
        for value in values {
            field(key, value);
        }
    }
    for part in &meta.parts {
        field(
            "part",
            &format!("{} | {}", part.first_paragraph, part.label),
        );
    }
    for page in &meta.pages {
        field(
            "page",
            &format!("{}:{} | {}", page.paragraph, page.offset, page.label),
        );
    }
    file.push_str("---\n");
    file.push_str(&paragraphs.join("\n\n"));
    file.push('\n');
    file
}

/// Splits a body into paragraphs at blank lines, removing whitespace at line ends.
///
/// Lines inside a paragraph stay joined by `\n`. Lines holding only whitespace count as blank.
pub fn split_paragraphs(body: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in body.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// Whether `id` is a valid text id: non-empty, `a-z`, `0-9` and `-` only.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a year, a month or a day of the
/// calendar ([`super::calendar::is_day`]: 1922-02-31 is none). `0000` is the unknown year.
pub fn is_valid_date(date: &str) -> bool {
    if !is_date_shaped(date) {
        return false;
    }
    let mut parts = date.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    match (parts.next(), parts.next(), parts.next()) {
        (Some(year), Some(month), Some(day)) => {
            super::calendar::is_day(i64::from(year), month, day)
        }
        _ => true,
    }
}

/// Whether `date` has the form of a date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a month 01–12 and
/// a day 01–31 (what an earlier Lectern accepted, whether or not the month has the day).
fn is_date_shaped(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let in_range = |s: &str, max: u32| s.parse::<u32>().is_ok_and(|v| (1..=max).contains(&v));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 12),
        [y, m, d] => {
            digits(y, 4) && digits(m, 2) && in_range(m, 12) && digits(d, 2) && in_range(d, 31)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_insertions_are_found_whole_and_an_open_one_runs_to_the_end() {
        let text = "The Georgian [Stalin] who [is] careless [of";
        let spans: Vec<&str> = bracketed(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(spans, ["[Stalin]", "[is]", "[of"]);
        assert!(bracketed("no brackets").is_empty());
        let russian = bracketed("«[Сталин]»");
        assert_eq!((russian.len(), russian.first()), (1, Some(&(2..16))));
    }

    const GOOD: &str = "id: lenin-1923-03-05-trotsky\ntitle: To L. D. Trotsky\nauthor: V. I. Lenin\n\
        date: 1923-03-05\nlanguage: en\nsource: World-Outlook\nlicence: Public domain\n\
        note: first\nnote: second\npart: 0 | Letter\n---\nTop secret  \nPersonal\n\n\n\
        Dear Comrade Trotsky:\u{a0}\n";

    #[test]
    fn a_good_file_parses_into_metadata_and_paragraphs() {
        let parsed = parse_text_file("t.txt", GOOD).unwrap();
        assert_eq!(parsed.meta.id, "lenin-1923-03-05-trotsky");
        assert_eq!(parsed.meta.notes, ["first", "second"]);
        assert_eq!(parsed.meta.parts[0].label, "Letter");
        assert_eq!(
            parsed.paragraphs,
            ["Top secret\nPersonal", "Dear Comrade Trotsky:"]
        );
        assert_eq!(parsed.meta.display_date(), "1923-03-05");
    }

    fn error_for(file: &str) -> HeaderError {
        parse_text_file("resources/texts/bad.txt", file).unwrap_err()
    }

    #[test]
    fn errors_name_the_file_and_the_field() {
        let missing = error_for(&GOOD.replace("author: V. I. Lenin\n", ""));
        assert_eq!(missing.field.as_deref(), Some("author"));
        let message = missing.to_string();
        assert!(message.starts_with("resources/texts/bad.txt"), "{message}");
        assert!(message.contains("`author`"), "{message}");

        let bad_date = error_for(&GOOD.replace("date: 1923-03-05", "date: 5 March 1923"));
        assert_eq!(bad_date.field.as_deref(), Some("date"));
        assert_eq!(bad_date.line, Some(4));

        assert_eq!(
            error_for(&GOOD.replace("title:", "titel:"))
                .field
                .as_deref(),
            Some("titel")
        );
        let twice = error_for(&GOOD.replace("language: en\n", "language: en\nlanguage: ru\n"));
        assert_eq!(twice.field.as_deref(), Some("language"));
        let bad_id = error_for(&GOOD.replace("lenin-1923-03-05-trotsky", "Lenin Trotsky"));
        assert_eq!(bad_id.field.as_deref(), Some("id"));
        let bad_part = error_for(&GOOD.replace("part: 0 | Letter", "part: 9 | Letter"));
        assert_eq!(bad_part.field.as_deref(), Some("part"));
        let empty = error_for(&GOOD.replace("note: first", "note:"));
        assert_eq!(empty.field.as_deref(), Some("note"));
    }

    #[test]
    fn a_file_without_separator_or_body_is_refused() {
        let no_separator = GOOD.replace("---\n", "");
        assert!(
            error_for(&no_separator).message.contains("---")
                || error_for(&no_separator).line.is_some()
        );
        let no_body = GOOD.split("---").next().unwrap().to_owned() + "---\n\n  \n";
        assert!(error_for(&no_body).message.contains("empty"));
    }

    #[test]
    fn dates_and_ids_are_checked() {
        assert!(is_valid_date("1922"));
        assert!(is_valid_date("1922-09"));
        assert!(is_valid_date("1922-09-26"));
        assert!(!is_valid_date("1922-13-01"));
        assert!(!is_valid_date("1922-09-32"));
        assert!(!is_valid_date("1922-02-31"), "February has no 31st");
        assert!(!is_valid_date("1922-02-29"), "1922 is no leap year");
        assert!(is_valid_date("1924-02-29"));
        assert!(!is_valid_date("22-09-26"));
        assert!(is_valid_id("lenin-1922"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("Lenin"));
        assert!(!is_valid_id("a_b"));
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let with_bom = format!("\u{feff}{GOOD}");
        assert_eq!(
            parse_text_file("t.txt", &with_bom).unwrap().meta.id,
            "lenin-1923-03-05-trotsky"
        );
    }

    #[test]
    fn a_written_file_reads_back_to_the_same_metadata_and_paragraphs() {
        let meta = TextMeta {
            id: "lenin-1922-09-26-kamenev".into(),
            title: "On the Establishment of the U.S.S.R.".into(),
            subtitle: Some("Letter to L. B. Kamenev".into()),
            author: "V. I. Lenin".into(),
            date: "1922-09-26".into(),
            date_label: Some("26 September 1922".into()),
            language: "en".into(),
            translator: Some("Bernard Isaacs".into()),
            source: "World-Outlook (2022)".into(),
            reference: Some("Collected Works, vol. 42".into()),
            licence: "Public domain".into(),
            notes: vec!["One note".into(), "Another,\nover two lines".into()],
            parts: vec![PartMark {
                first_paragraph: 1,
                label: "Second part".into(),
            }],
            ..TextMeta::default()
        };
        let paragraphs = ["Comrade Kamenev,", "Stalin tends to be\nsomewhat hasty."];
        let file = write_text_file(&meta, &paragraphs);
        let parsed = parse_text_file("written.txt", &file).unwrap();
        let mut expected = meta.clone();
        expected.notes[1] = "Another, over two lines".into();
        assert_eq!(parsed.meta, expected);
        assert_eq!(parsed.paragraphs, paragraphs);
    }

    #[test]
    fn a_date_no_calendar_has_is_read_with_a_notice_and_kept_as_written() {
        let file = GOOD.replace("date: 1923-03-05", "date: 1922-02-31");
        let parsed = parse_text_file("old.txt", &file).unwrap();
        assert_eq!(parsed.meta.date, "1922-02-31");
        assert_eq!(parsed.notices.len(), 1, "{:?}", parsed.notices);
        assert!(
            parsed.notices[0].contains("old.txt"),
            "{:?}",
            parsed.notices
        );
        assert!(parse_text_file("t.txt", GOOD).unwrap().notices.is_empty());
    }
}
