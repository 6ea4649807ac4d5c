//! Reading the text of an HTML page for import: tags stripped, paragraphs kept.
//!
//! Archives of historical writing (a collected works on the web, a saved article) are mostly
//! HTML. Lectern keeps what a reader reads: every block element (paragraph, heading, list item,
//! quotation, table row…) becomes a paragraph, `<br>` a line break inside one, white space is
//! collapsed as a browser collapses it (kept inside `<pre>`), and character references are
//! decoded (numeric ones, and the names of HTML5). What is not the text is dropped: the head,
//! scripts, styles, templates, SVG and navigation. The page's title, author, language and
//! declared encoding are read for the import window to prefill.
//!
//! A page is parsed as a browser parses it (html5ever, the parser of Servo, by way of
//! `scraper`): unclosed and stray tags, a page without `<head>` or `<body>`, a `<` that starts
//! no tag all end up where the HTML standard puts them. An XHTML document (an EPUB's chapter)
//! is read as the XML it is by `quick-xml`, and as HTML when it is not well-formed.

/// What an HTML page holds, as Lectern imports it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlText {
    /// The first `<h1>`, else the `<title>` (white space collapsed).
    pub title: Option<String>,
    /// `<meta name="author" content="…">`.
    pub author: Option<String>,
    /// The primary language subtag of `<html lang="…">` ("ru" for "ru-RU").
    pub language: Option<String>,
    /// `<meta name="date" content="…">` (or `DC.date`, `dcterms.date`, `dcterms.created`).
    pub date: Option<String>,
    /// The paragraphs, separated by blank lines; line breaks (`<br>`) inside them kept.
    pub body: String,
}

/// True when `path`'s extension names an HTML file.
pub fn is_html_name(path: &std::path::Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["html", "htm", "xhtml", "shtml"].contains(&e.to_ascii_lowercase().as_str())
    })
}

/// True when `text` begins like an HTML document (a doctype or an `<html>` tag, after white
/// space and comments), whatever the file is called.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<!--") && head.contains("<html"))
        || (head.starts_with("<?xml") && head.contains("<html"))
}

/// The encoding an HTML file declares in a `<meta>` tag of its first kilobytes
/// (`<meta charset="…">`, or `<meta http-equiv="Content-Type" content="text/html;
/// charset=…">`), as the WHATWG prescan reads it; `None` when it declares none, or one
/// `encoding_rs` does not know.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end = lower[tag_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |n| tag_start + n);
        from = tag_end;
        let tag = &lower[tag_start..tag_end];
        let Some(at) = find(tag, b"charset") else {
            continue;
        };
        let mut i = at + b"charset".len();
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if tag.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while tag
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let end = tag[i..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/'))
            .map_or(tag.len(), |n| i + n);
        if let Some(encoding) = encoding_rs::Encoding::for_label(&tag[i..end]) {
            // As the prescan says: a page cannot declare UTF-16 in ASCII (it is UTF-8 then),
            // and x-user-defined is read as windows-1252.
            return Some(
                if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                    encoding_rs::UTF_8
                } else if encoding == encoding_rs::X_USER_DEFINED {
                    encoding_rs::WINDOWS_1252
                } else {
                    encoding
                },
            );
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// The longest title taken from a page, in characters.
const TITLE_MAX: usize = 200;

/// Elements that end one paragraph and start another.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements whose contents are not the text (skipped with everything inside them): what a
/// browser does not show as the page's text (scripts, styles, templates, SVG, formulas, form
/// controls), and the navigation and footer around it.
const HIDDEN: &[&str] = &[
    "footer", "iframe", "math", "nav", "noembed", "noscript", "script", "select", "style", "svg",
    "template", "textarea", "xmp",
];

/// The character references of a text (`&amp;`, `&#1071;`, `&#x44F;`, and the names of the
/// W3C's HTML5 list) decoded; an ampersand that starts none is kept as it is. XHTML read as XML
/// uses this for its text, as its files use the HTML names (`&nbsp;`, `&mdash;`) without a DTD.
pub fn decode_references(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let reference = rest[1..]
            .find(';')
            .filter(|&n| n <= 32)
            .map(|n| &rest[1..=n]);
        let decoded = reference.and_then(|name| {
            if let Some(number) = name.strip_prefix('#') {
                let (digits, radix) = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => (hex, 16),
                    None => (number, 10),
                };
                // Digits only (the parser would take a sign too).
                if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                    return None;
                }
                let code = u32::from_str_radix(digits, radix).ok()?;
                // NUL, surrogates and out-of-range numbers are the replacement character.
                Some(
                    char::from_u32(code)
                        .filter(|&c| c != '\0')
                        .unwrap_or('\u{fffd}')
                        .to_string(),
                )
            } else {
                quick_xml::escape::resolve_html5_entity(name).map(str::to_owned)
            }
        });
        match (reference, decoded) {
            (Some(name), Some(decoded)) => {
                out.push_str(&decoded);
                rest = &rest[name.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a document element by element, as either parser hands it on: each element's start
/// (its local name, lower case, and its attributes), its text, and its end.
#[derive(Default)]
struct Collector {
    result: HtmlText,
    out: Paragraphs,
    title_tag: Option<String>,
    in_title: bool,
    h1: Option<String>,
    in_h1: bool,
    in_head: bool,
    /// The hidden elements open around the current node (their text is not the text).
    hidden: Vec<String>,
}

impl Collector {
    fn start(&mut self, name: &str, attribute: &dyn Fn(&str) -> Option<String>) {
        if !self.hidden.is_empty() {
            if HIDDEN.contains(&name) {
                self.hidden.push(name.to_owned());
            }
            return;
        }
        if self.in_h1 {
            if matches!(name, "br" | "td" | "th") {
                self.h1.get_or_insert_default().push(' ');
            } else if BLOCKS.contains(&name) {
                self.in_h1 = false; // an unclosed heading ends where the next block starts
            }
        }
        match name {
            "html" => {
                if let Some(lang) = attribute("lang").or_else(|| attribute("xml:lang")) {
                    let primary = lang.split(['-', '_']).next().unwrap_or("").trim();
                    if !primary.is_empty() {
                        self.result.language = Some(primary.to_ascii_lowercase());
                    }
                }
            }
            "head" => self.in_head = true,
            "body" => self.in_head = false,
            "title" => self.in_title = self.title_tag.is_none(),
            "meta" => self.meta(attribute),
            "br" => self.out.line_break(),
            "pre" => {
                self.out.end();
                self.out.pre += 1;
            }
            "h1" => {
                self.out.end();
                self.in_h1 = self.h1.is_none();
            }
            "td" | "th" => self.out.space = true,
            _ if HIDDEN.contains(&name) => self.hidden.push(name.to_owned()),
            _ if BLOCKS.contains(&name) => self.out.end(),
            _ => {}
        }
    }

    fn meta(&mut self, attribute: &dyn Fn(&str) -> Option<String>) {
        let name = attribute("name")
            .map(|n| n.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let content = attribute("content")
            .map(|a| collapsed(&a))
            .filter(|c| !c.is_empty());
        match (name.as_str(), content) {
            ("author", Some(author)) => self.result.author = Some(author),
            ("date" | "dc.date" | "dcterms.date" | "dcterms.created", Some(date)) => {
                self.result.date.get_or_insert(date);
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if !self.hidden.is_empty() {
            if let Some(open) = self.hidden.iter().rposition(|h| h == name) {
                self.hidden.truncate(open);
            }
            return;
        }
        match name {
            "head" => self.in_head = false,
            "title" => {
                if self.in_title {
                    self.title_tag.get_or_insert_default();
                }
                self.in_title = false;
            }
            "pre" => {
                self.out.pre = self.out.pre.saturating_sub(1);
                self.out.end();
            }
            "td" | "th" => self.out.space = true,
            _ if BLOCKS.contains(&name) => {
                // The heading ends with its own end tag, or any other block's.
                self.in_h1 = false;
                self.out.end();
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_title {
            self.title_tag.get_or_insert_default().push_str(text);
            return;
        }
        if !self.hidden.is_empty() || self.in_head {
            return;
        }
        if self.in_h1 {
            self.h1.get_or_insert_default().push_str(text);
        }
        self.out.text(text);
    }

    fn finish(mut self) -> HtmlText {
        self.out.end();
        let mut result = self.result;
        result.body = self.out.done.join("\n\n");
        // A title, not a page: a heading that never ended is cut short.
        let short = |t: &str| -> String {
            let t = collapsed(t);
            t.chars()
                .take(TITLE_MAX)
                .collect::<String>()
                .trim()
                .to_owned()
        };
        result.title = self
            .h1
            .map(|h| short(&h))
            .filter(|h| !h.is_empty())
            .or(self.title_tag.map(|t| short(&t)).filter(|t| !t.is_empty()));
        result
    }
}

/// True when `text` is an XHTML document to read as XML: it begins with an XML declaration, or
/// its `<html>` tag names the XHTML namespace.
pub fn looks_like_xhtml(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(1024)
        .collect();
    head.starts_with("<?xml") || head.contains("http://www.w3.org/1999/xhtml")
}

/// The text of an HTML page (see the module's documentation), parsed as a browser parses it
/// (html5ever, by way of `scraper`): the HTML standard's tree construction decides where each
/// unclosed or misplaced element ends.
pub fn html_text(html: &str) -> HtmlText {
    use ego_tree::iter::Edge;
    use scraper::Node;
    let document = scraper::Html::parse_document(html);
    let mut collector = Collector::default();
    // The tree is walked by its edges, not by recursion: no page nests deep enough to overflow
    // the stack.
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let attribute = |name: &str| element.attr(name).map(str::to_owned);
                    collector.start(&element.name().to_ascii_lowercase(), &attribute);
                }
                Node::Text(text) => collector.text(&text.text),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    collector.end(&element.name().to_ascii_lowercase());
                }
            }
        }
    }
    collector.finish()
}

/// The text of an XHTML document (an EPUB's chapter, a `.xhtml` file), read as the XML it is:
/// a self-closed element is empty, whatever its name. A document that is not well-formed XML
/// is read as HTML instead, as a browser would show it.
pub fn xhtml_text(xhtml: &str) -> HtmlText {
    xml_text(xhtml).unwrap_or_else(|| html_text(xhtml))
}

fn xml_text(xhtml: &str) -> Option<HtmlText> {
    use quick_xml::events::{BytesStart, Event};
    let mut reader = quick_xml::Reader::from_str(xhtml);
    let mut collector = Collector::default();
    let name_of = |start: &BytesStart| -> String {
        String::from_utf8_lossy(start.local_name().as_ref()).to_ascii_lowercase()
    };
    let attributes_of = |start: &BytesStart| -> Vec<(String, String)> {
        start
            .attributes()
            .flatten()
            .map(|a| {
                let key = String::from_utf8_lossy(a.key.as_ref()).to_ascii_lowercase();
                let value = decode_references(&String::from_utf8_lossy(&a.value));
                (key, value)
            })
            .collect()
    };
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().ok()?;
        match &event {
            Event::Start(start) | Event::Empty(start) => {
                let empty = matches!(event, Event::Empty(_));
                let attributes = attributes_of(start);
                let attribute = |name: &str| {
                    attributes
                        .iter()
                        .find(|(key, _)| key == name)
                        .map(|(_, value)| value.clone())
                };
                let name = name_of(start);
                collector.start(&name, &attribute);
                if empty {
                    collector.end(&name); // a self-closed element is empty
                } else {
                    depth += 1;
                }
            }
            Event::End(end) => {
                depth = depth.checked_sub(1)?;
                collector
                    .end(&String::from_utf8_lossy(end.local_name().as_ref()).to_ascii_lowercase());
            }
            Event::Text(text) => {
                collector.text(&decode_references(&String::from_utf8_lossy(text)));
            }
            Event::GeneralRef(reference) => {
                let name = String::from_utf8_lossy(reference);
                collector.text(&decode_references(&format!("&{name};")));
            }
            Event::CData(text) => collector.text(&String::from_utf8_lossy(text)),
            Event::Eof => break,
            _ => {}
        }
    }
    (depth == 0).then(|| collector.finish())
}

/// Collects paragraphs, collapsing white space as a browser does.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
    /// A space is due before the next word (collapsed white space).
    space: bool,
    /// Inside `<pre>`: white space is kept.
    pre: usize,
}

impl Paragraphs {
    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            let lines: Vec<&str> = text.split('\n').collect();
            for (n, line) in lines.iter().enumerate() {
                if n > 0 {
                    if self.current.trim().is_empty() || self.current.ends_with('\n') {
                        // A blank line inside <pre> separates paragraphs.
                        self.end();
                    } else {
                        self.current.push('\n');
                    }
                }
                // A line's trailing blanks go, but not those before an inline tag ("see <a>").
                if n + 1 < lines.len() {
                    self.current
                        .push_str(line.trim_end_matches(['\r', '\t', ' ']));
                } else {
                    self.current.push_str(line);
                }
            }
            return;
        }
        for (n, word) in text
            .split(|c: char| c.is_ascii_whitespace() || c == '\u{a0}')
            .enumerate()
        {
            if n > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.space && !self.current.is_empty() && !self.current.ends_with('\n') {
                self.current.push(' ');
            }
            self.space = false;
            self.current.push_str(word);
        }
    }

    fn line_break(&mut self) {
        if self.current.ends_with('\n') {
            // Two line breaks in a row are how older pages end a paragraph.
            self.end();
        } else if !self.current.is_empty() {
            self.current.push('\n');
        }
        self.space = false;
    }

    fn end(&mut self) {
        let paragraph = self
            .current
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if !paragraph.is_empty() {
            self.done.push(paragraph);
        }
        self.current.clear();
        self.space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> String {
        html_text(html).body
    }

    #[test]
    fn paragraphs_headings_and_line_breaks_are_kept() {
        let page = "<!DOCTYPE html>\n<html lang=\"ru-RU\"><head><meta charset=\"utf-8\">\
            <title>Ленин. К вопросу о национальностях</title>\
            <meta name=\"author\" content=\" В. И.   Ленин \"></head>\n<body>\n\
            <h1>К вопросу о национальностях\n или об «автономизации»</h1>\n\
            <p>Я, кажется, сильно виноват\n   перед рабочими России,</p>\
            <p>что не вмешался<br>достаточно энергично</p>\
            <ul><li>один</li><li>два</li></ul>\
            <table><tr><td>30</td><td>декабря</td></tr></table></body></html>";
        let text = html_text(page);
        assert_eq!(
            text.body,
            "К вопросу о национальностях или об «автономизации»\n\n\
             Я, кажется, сильно виноват перед рабочими России,\n\n\
             что не вмешался\nдостаточно энергично\n\nодин\n\nдва\n\n30 декабря"
        );
        assert_eq!(
            text.title.as_deref(),
            Some("К вопросу о национальностях или об «автономизации»"),
            "the first heading is the title"
        );
        assert_eq!(text.author.as_deref(), Some("В. И. Ленин"));
        assert_eq!(text.language.as_deref(), Some("ru"));
    }

    #[test]
    fn the_title_element_is_the_title_when_there_is_no_heading() {
        let text = html_text("<title>On &quot;autonomisation&quot;</title><p>Text.</p>");
        assert_eq!(text.title.as_deref(), Some("On \"autonomisation\""));
        assert_eq!(text.body, "Text.");
        assert_eq!(text.author, None);
        assert_eq!(text.language, None);
    }

    #[test]
    fn scripts_styles_comments_and_navigation_are_not_text() {
        let page = "<html><head><style>p { color: red }</style>\
            <script>if (a < b && c > d) { document.write('<p>x</p>') }</script></head>\
            <body><nav><a href=\"/\">Index</a> | <a href=\"/l\">Lenin</a></nav>\
            <!-- a comment with <p>tags</p> --><p>The text.</p>\
            <SCRIPT type=\"text/javascript\">var s = '</scr' + 'ipt>';</SCRIPT>\
            <template><p>not shown</p></template><svg><text>no</text></svg>\
            <p>More<noscript>Enable scripts</noscript> text.</p></body></html>";
        assert_eq!(body(page), "The text.\n\nMore text.");
    }

    #[test]
    fn character_references_are_decoded_and_a_bare_ampersand_kept() {
        assert_eq!(
            decode_references(
                "R.S.F.S.R. &amp; Union &mdash; &#1057;&#x43E;&#X44E;&#x437; &laquo;x&raquo; &hellip; AT&T &nosuch; &#0; &#xD800;"
            ),
            "R.S.F.S.R. & Union — Союз «x» … AT&T &nosuch; \u{fffd} \u{fffd}"
        );
        assert_eq!(
            body("<p>a&nbsp;&nbsp;b &lt;c&gt;</p>"),
            "a b <c>",
            "no-break spaces collapse like spaces; escaped markup is text"
        );
    }

    #[test]
    fn white_space_inside_pre_is_kept_and_blank_lines_split_it() {
        let page = "<p>Before</p><pre>\nline one\n  indented\n\nsecond  block\n</pre><p>After</p>";
        assert_eq!(
            body(page),
            "Before\n\nline one\nindented\n\nsecond  block\n\nAfter"
        );
    }

    #[test]
    fn broken_markup_is_taken_in_stride() {
        // Unclosed paragraphs, a stray end tag, a lone `<`, an unterminated tag at the end,
        // attributes with `>` inside quotes, upper-case tags.
        let page =
            "<P>one<P class=\"a>b\">two</span> 3 < 4 <B>bold</B><p>three<br/>four<a href=\"x";
        assert_eq!(body(page), "one\n\ntwo 3 < 4 bold\n\nthree\nfour");
        assert_eq!(body(""), "");
        assert_eq!(body("<p>"), "");
        assert_eq!(body("plain words"), "plain words");
    }

    #[test]
    fn any_mix_of_markup_pieces_reads_without_a_panic_and_keeps_its_letters() {
        /// SplitMix64, as `model::generate` has it: the formats import nothing of Lectern's.
        struct SplitMix64(u64);
        impl SplitMix64 {
            fn new(seed: u64) -> Self {
                Self(seed)
            }
            fn range(&mut self, low: usize, high: usize) -> usize {
                self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
                let mut z = self.0;
                z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                z ^= z >> 31;
                low + (z % (high - low + 1) as u64) as usize
            }
        }
        const PIECES: &[&str] = &[
            "<",
            ">",
            "</",
            "/>",
            "<!",
            "<!--",
            "-->",
            "<?",
            "&",
            "&#",
            "&#x",
            ";",
            "=",
            "\"",
            "'",
            " ",
            "\n",
            "p",
            "br",
            "pre",
            "script",
            "nav",
            "title",
            "h1",
            "head",
            "body",
            "amp",
            "laquo",
            "é",
            "я",
            "ერ",
            "союз",
            "\u{a0}",
            "<p>",
            "</p>",
            "<br>",
            "<pre>",
            "</pre>",
            "<nav>",
            "</nav>",
            "<script>",
            "</script>",
            "<title>",
            "<h1>",
            "</h1>",
        ];
        let mut rng = SplitMix64::new(7);
        for _ in 0..20_000 {
            let length = rng.range(0, 60);
            let page: String = (0..length)
                .map(|_| PIECES[rng.range(0, PIECES.len() - 1)])
                .collect();
            let text = html_text(&page);
            // Every letter in the text comes from the page (nothing is made up).
            for ch in text.body.chars().filter(|c| c.is_alphabetic()) {
                assert!(
                    page.contains(ch) || "«—".contains(ch) || ch == '&',
                    "{ch:?} from {page:?}"
                );
            }
            let _ = decode_references(&page);
        }
    }

    #[test]
    fn xhtml_is_read_as_xml_so_self_closed_elements_are_empty() {
        // XHTML writes empty elements self-closed (an EPUB's page anchors, an empty title): the
        // text after them is not swallowed, as it would be by an HTML parser.
        let page = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
            <html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"ru\"><head><title/>\
            <script src=\"a.js\"/></head>\
            <body><h1>On the Union<br/>of Soviet Republics</h1><iframe src=\"x\"/>\
            <p><a id=\"p329\"/>Formal&nbsp;unification &amp; <![CDATA[<entry>]]></p>\
            <pre>see <a href=\"#n1\">note 1</a></pre><p>After.</p></body></html>";
        assert!(looks_like_xhtml(page));
        let text = xhtml_text(page);
        assert_eq!(
            text.body,
            "On the Union\nof Soviet Republics\n\nFormal unification & <entry>\n\n\
             see note 1\n\nAfter."
        );
        assert_eq!(
            text.title.as_deref(),
            Some("On the Union of Soviet Republics")
        );
        assert_eq!(text.language.as_deref(), Some("ru"), "from xml:lang");
        // Not well-formed: read as a browser reads it.
        let broken = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>One<p>Two</body>";
        assert_eq!(xhtml_text(broken).body, "One\n\nTwo");
    }

    #[test]
    fn the_parser_puts_misplaced_markup_where_a_browser_does() {
        // Text stray in a table is shown before it; misnested inline tags close where the
        // standard says; a heading never closed ends at the next block, and no title is a page
        // long.
        assert_eq!(
            body("<table>Note:<tr><td>30</td><td>December</td></tr></table>"),
            "Note:\n\n30 December"
        );
        assert_eq!(body("<p><b>one<p>two</b> three"), "one\n\ntwo three");
        let text = html_text("<h1>Draft</h2><p>Clause one.</p><p>Clause two.</p>");
        assert_eq!(text.title.as_deref(), Some("Draft"));
        let long = format!("<h1>{}", "word ".repeat(100));
        assert!(html_text(&long).title.unwrap().chars().count() <= TITLE_MAX);
        // Markup nested far deeper than any page (ten thousand elements) is read without
        // overflowing the stack.
        let deep = format!(
            "{}deep{}",
            "<div><span>".repeat(5_000),
            "</span></div>".repeat(5_000)
        );
        assert_eq!(body(&deep), "deep");
        assert_eq!(xhtml_text(&deep).body, "deep");
    }

    #[test]
    fn odd_attributes_and_references_are_read_safely() {
        let text =
            html_text("<html lang=\"ru\" =\"\"я><meta =\"\"ä name=author content=Ленин><p>x</p>");
        assert_eq!(text.language.as_deref(), Some("ru"));
        assert_eq!(text.author.as_deref(), Some("Ленин"));
        assert_eq!(
            decode_references("&#+65; &#x+41; &#65;"),
            "&#+65; &#x+41; A"
        );
    }

    #[test]
    fn a_page_without_a_body_tag_is_read_from_its_first_content() {
        let page = "<html><head><title>T</title><p>First.</p><p>Second.</p>";
        assert_eq!(body(page), "First.\n\nSecond.");
    }

    #[test]
    fn html_is_recognised_by_name_or_by_its_first_tag() {
        use std::path::Path;
        assert!(is_html_name(Path::new("lenin/works/1922/dec/31.HTM")));
        assert!(is_html_name(Path::new("a.xhtml")));
        assert!(!is_html_name(Path::new("a.txt")));
        assert!(looks_like_html(
            "\u{feff}  <!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"
        ));
        assert!(looks_like_html("<html>"));
        assert!(looks_like_html("<!-- saved from url -->\n<html lang=ru>"));
        assert!(!looks_like_html("Формальное объединение <b>"));
        assert!(!looks_like_html("# Markdown"));
    }

    #[test]
    fn the_declared_encoding_is_found_in_either_form() {
        let meta = b"<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\">";
        assert_eq!(declared_encoding(meta), Some(encoding_rs::WINDOWS_1251));
        assert_eq!(
            declared_encoding(b"<meta charset=koi8-r>"),
            Some(encoding_rs::KOI8_R)
        );
        assert_eq!(
            declared_encoding(b"<meta charset='utf-16le'>"),
            Some(encoding_rs::UTF_8)
        );
        assert_eq!(
            declared_encoding(b"<p>charset is a word; charset=nonsense</p>"),
            None
        );
        assert_eq!(declared_encoding(b"<p>no declaration</p>"), None);
    }
}
