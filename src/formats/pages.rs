//! Where a text's printed pages begin: the page markers an edition puts in its text ("[p. 329]",
//! "[стр. 329]", "[S. 329]", "/329/"), found, taken out of the text and kept as [`PageMark`]s,
//! and the page of a place in the text. Pure: strings in, marks out.

pub use super::text_format::PageMark;

/// The words that open a bracketed page marker, in the languages of the texts ("[p. 329]",
/// "[pp. 329]", "[page 329]", "[стр. 329]", "[с. 329]", "[S. 329]", "[str. 329]"), compared
/// without case. (A Latin "c." is left out: "[c. 1450]" is a date, circa.)
const OPENINGS: [&str; 8] = ["p.", "pp.", "page", "стр.", "с.", "s.", "str.", "стр"];

/// The most characters a page's label may have ("1234", "xviii").
const LABEL_CHARS: usize = 8;

/// A page label: digits, or roman numerals of front matter.
pub fn is_label(label: &str) -> bool {
    let count = label.chars().count();
    (1..=LABEL_CHARS).contains(&count)
        && (label.chars().all(|c| c.is_ascii_digit())
            || label.chars().all(|c| "ivxlcdmIVXLCDM".contains(c)))
}

/// `body` after `opening`, compared without case character by character (never slicing at a
/// length measured on a lowercased copy).
fn after_opening<'a>(body: &'a str, opening: &str) -> Option<&'a str> {
    let mut rest = body.char_indices();
    for wanted in opening.chars() {
        let (_, c) = rest.next()?;
        if !c.to_lowercase().eq(wanted.to_lowercase()) {
            return None;
        }
    }
    let at = rest.next().map_or(body.len(), |(at, _)| at);
    Some(&body[at..])
}

/// The marker at the start of `rest`, if one is: its length in bytes and its page's label.
fn marker_at(rest: &str) -> Option<(usize, String)> {
    if let Some(inside) = rest.strip_prefix('[') {
        let close = inside.find(']')?;
        let body = inside[..close].trim();
        let label = OPENINGS.iter().find_map(|opening| {
            let after = after_opening(body, opening)?;
            // "p.329" and "p. 329"; "page 329" needs its space.
            (opening.ends_with('.') || after.starts_with(' ')).then(|| after.trim())
        })?;
        return is_label(label).then(|| (close + 2, label.to_owned()));
    }
    if let Some(inside) = rest.strip_prefix('/') {
        let close = inside.find('/')?;
        let label = &inside[..close];
        // Only digits between slashes: "/329/".
        return (label.chars().all(|c| c.is_ascii_digit()) && is_label(label))
            .then(|| (close + 2, label.to_owned()));
    }
    None
}

/// One line of a paragraph without its markers: the line (its end's spaces trimmed, as a
/// text file keeps it) and each marker's label with the character it stood before.
fn line_without_markers(line: &str) -> (String, Vec<(usize, String)>) {
    let mut out = String::with_capacity(line.len());
    let mut chars = 0;
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut at = 0;
    while at < line.len() {
        let rest = &line[at..];
        let marker = marker_at(rest).filter(|(len, _)| {
            // A slashed number counts only standing alone: "and/or", "1/2", "/usr/329/x" stay.
            rest.starts_with('[') || {
                let before = line[..at].chars().next_back();
                let after = line[at + len..].chars().next();
                before.is_none_or(char::is_whitespace)
                    && after.is_none_or(|c| c.is_whitespace() || ",.;:!?)»”".contains(c))
            }
        });
        if let Some((len, label)) = marker {
            at += len;
            let after = &line[at..];
            // One space where the marker stood between two words, none at the line's start,
            // and none before punctuation.
            if after.starts_with(' ') && (out.is_empty() || out.ends_with(' ')) {
                at += 1;
            } else if out.ends_with(' ') && after.starts_with(|c: char| ",.;:!?)»”".contains(c))
            {
                out.pop();
                chars -= 1;
                // A page begun at the space taken away begins where it stood.
                for mark in &mut found {
                    mark.0 = mark.0.min(chars);
                }
            }
            found.push((chars, label));
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        chars += 1;
        at += c.len_utf8();
    }
    let kept = out.trim_end().to_owned();
    let length = kept.chars().count();
    for mark in &mut found {
        mark.0 = mark.0.min(length);
    }
    (kept, found)
}

/// Takes the page markers out of `paragraphs` (each a paragraph of a text file: lines joined
/// by `\n`, none blank): the paragraphs without them, and where each page begins. A marker
/// alone on its line, or at the end of a line, begins its page at the next line kept (the next
/// paragraph's start for the last line); one inside a line at the character where it stood,
/// the spaces around it made one. What is kept reads back from a text file as it is: no line
/// left blank, no space left at a line's end.
pub fn take_page_markers(paragraphs: Vec<String>) -> (Vec<String>, Vec<PageMark>) {
    let mut kept: Vec<String> = Vec::with_capacity(paragraphs.len());
    let mut marks = Vec::new();
    // Pages that begin at the next line kept.
    let mut waiting: Vec<String> = Vec::new();
    for paragraph in paragraphs {
        let index = kept.len();
        let mut lines: Vec<String> = Vec::new();
        let mut length = 0;
        for line in paragraph.split('\n') {
            let (line, found) = line_without_markers(line);
            if line.trim().is_empty() {
                waiting.extend(found.into_iter().map(|(_, label)| label));
                continue;
            }
            let start = if lines.is_empty() { 0 } else { length + 1 };
            let line_length = line.chars().count();
            for label in waiting.drain(..) {
                marks.push(PageMark {
                    paragraph: index,
                    offset: start,
                    label,
                });
            }
            for (offset, label) in found {
                if offset >= line_length {
                    waiting.push(label);
                } else {
                    marks.push(PageMark {
                        paragraph: index,
                        offset: start + offset,
                        label,
                    });
                }
            }
            length = start + line_length;
            lines.push(line);
        }
        if !lines.is_empty() {
            kept.push(lines.join("\n"));
        }
    }
    // Markers after the last words begin no page of this text.
    (kept, marks)
}

/// The label of the page `offset` of `paragraph` is on, given the page marks in order: the
/// last page begun at or before it; none before the first mark.
pub fn page_at(marks: &[PageMark], paragraph: usize, offset: usize) -> Option<&str> {
    marks
        .iter()
        .take_while(|mark| (mark.paragraph, mark.offset) <= (paragraph, offset))
        .last()
        .map(|mark| mark.label.as_str())
}

#[cfg(test)]
mod tests;
