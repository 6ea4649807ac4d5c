//! The Markdown of Lectern's own exports as blocks to print: headings, paragraphs, block
//! quotes, list items (bulleted and numbered, nested by indentation) and rules, with their
//! bold, italic and struck words. Every character Markdown reads as markup is escaped in those
//! exports, so an escaped one (`\*`) is printed as itself.

use super::{Block, Span, Style};

/// What bold means in the Markdown: bold words (the notes), or words a wording added (a
/// comparison's export, whose removed words are struck).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marks {
    /// `**bold**` is bold.
    Notes,
    /// `**added**` is an added word, `~~removed~~` a removed one.
    Comparison,
}

/// The blocks of `markdown`.
pub fn from_markdown(markdown: &str, marks: Marks) -> Vec<Block> {
    let mut blocks = Vec::new();
    // The paragraph or quote being gathered, line by line.
    let mut open: Option<(bool, String)> = None;
    let close = |open: &mut Option<(bool, String)>, blocks: &mut Vec<Block>| {
        if let Some((quote, text)) = open.take() {
            let spans = spans_of(&text, marks);
            if !spans.is_empty() {
                blocks.push(if quote {
                    Block::Quote(spans)
                } else {
                    Block::Paragraph(spans)
                });
            }
        }
    };
    for line in markdown.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            close(&mut open, &mut blocks);
            continue;
        }
        if let Some((level, heading)) = heading(trimmed) {
            close(&mut open, &mut blocks);
            blocks.push(Block::Heading(level, spans_of(heading, marks)));
            continue;
        }
        if trimmed.chars().all(|c| c == '-') && trimmed.len() >= 3 {
            close(&mut open, &mut blocks);
            blocks.push(Block::Rule);
            continue;
        }
        if let Some(quoted) = trimmed.strip_prefix('>') {
            let quoted = quoted.strip_prefix(' ').unwrap_or(quoted);
            if !matches!(open, Some((true, _))) {
                close(&mut open, &mut blocks);
            }
            if quoted.trim().is_empty() {
                // "> " alone parts the quote's paragraphs.
                close(&mut open, &mut blocks);
                continue;
            }
            push_line(&mut open, true, quoted);
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        // A number other than 1 does not begin a list within a paragraph ("… signed
        // in\n1922. Cf. the draft" goes on with the paragraph), as in CommonMark.
        let interrupts = |bullet: &str| bullet == "•" || bullet == "1." || open.is_none();
        if let Some((bullet, rest)) = item(trimmed).filter(|(bullet, _)| interrupts(bullet)) {
            close(&mut open, &mut blocks);
            let mut spans = spans_of(rest, marks);
            // A list item's label ("**Lenin's amendment**: …") is bold, not an added word.
            if let [first, next, ..] = spans.as_mut_slice()
                && first.style == Style::Added
                && next.text.starts_with(':')
            {
                first.style = Style::Bold;
            }
            blocks.push(Block::Item {
                depth: u8::try_from(indent / 2).unwrap_or(u8::MAX).min(6),
                bullet,
                spans,
            });
            continue;
        }
        // A line indented under a list item goes on with it.
        if indent >= 2
            && open.is_none()
            && let Some(Block::Item { spans, .. }) = blocks.last_mut()
        {
            for span in
                std::iter::once(Span::new(" ", Style::Plain)).chain(spans_of(trimmed, marks))
            {
                match spans.last_mut() {
                    Some(last) if last.style == span.style => last.text.push_str(&span.text),
                    _ => spans.push(span),
                }
            }
            continue;
        }
        if matches!(open, Some((true, _))) {
            close(&mut open, &mut blocks);
        }
        push_line(&mut open, false, trimmed);
    }
    close(&mut open, &mut blocks);
    blocks
}

fn push_line(open: &mut Option<(bool, String)>, quote: bool, line: &str) {
    match open {
        Some((_, text)) => {
            text.push(' ');
            text.push_str(line);
        }
        None => *open = Some((quote, line.to_owned())),
    }
}

/// A heading line's level and words.
fn heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    let rest = line[hashes..].strip_prefix(' ')?;
    (1..=6)
        .contains(&hashes)
        .then(|| (u8::try_from(hashes.min(3)).unwrap_or(3), rest.trim()))
}

/// A list item's bullet ("•", or its number "3.") and words.
fn item(line: &str) -> Option<(String, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some(("•".to_owned(), rest));
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix(". ")?;
    (digits > 0).then(|| (format!("{}.", &line[..digits]), rest))
}

/// The words of a line in their styles: `**…**`, `*…*`, `~~…~~`; `\x` is `x`; a link
/// `[words](address)` prints its words and its address.
fn spans_of(line: &str, marks: Marks) -> Vec<Span> {
    let (mut bold, mut italic, mut struck) = (false, false, false);
    let mut spans: Vec<Span> = Vec::new();
    let mut current = String::new();
    let style = |bold: bool, italic: bool, struck: bool| match (struck, bold, italic, marks) {
        (true, ..) => Style::Removed,
        (false, true, _, Marks::Comparison) => Style::Added,
        (false, true, _, Marks::Notes) => Style::Bold,
        (false, false, true, _) => Style::Italic,
        _ => Style::Plain,
    };
    let flush = |current: &mut String, style: Style, spans: &mut Vec<Span>| {
        if current.is_empty() {
            return;
        }
        match spans.last_mut() {
            Some(last) if last.style == style => last.text.push_str(current),
            _ => spans.push(Span::new(current.clone(), style)),
        }
        current.clear();
    };
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                flush(&mut current, style(bold, italic, struck), &mut spans);
                bold = !bold;
            }
            '*' => {
                flush(&mut current, style(bold, italic, struck), &mut spans);
                italic = !italic;
            }
            '~' if chars.peek() == Some(&'~') => {
                chars.next();
                flush(&mut current, style(bold, italic, struck), &mut spans);
                struck = !struck;
            }
            '`' | '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                // "[words](address)": the words, then the address in brackets.
                chars.next();
                let address: String = chars.by_ref().take_while(|&c| c != ')').collect();
                current.push_str(&format!(" ({address})"));
            }
            ']' => {}
            c => current.push(c),
        }
    }
    flush(&mut current, style(bold, italic, struck), &mut spans);
    spans
}
