//! Where a text's printed pages begin: the page markers an edition puts in its text ("[p. 329]",
//! "[стр. 329]", "[S. 329]", "/329/"), found, taken out of the text and kept as [`PageMark`]s,
//! and the page of a place in the text. Pure: strings in, marks out.

pub use super::text_format::PageMark;

/// The words that open a bracketed page marker, in the languages of the texts ("[p. 329]",
/// "[pp. 329]", "[page 329]", "[стр. 329]", "[с. 329]", "[S. 329]", "[str. 329]"), compared
/// without case.
const OPENINGS: [&str; 9] = ["p.", "pp.", "page", "стр.", "с.", "c.", "s.", "str.", "стр"];

/// The most characters a page's label may have ("1234", "xviii").
const LABEL_CHARS: usize = 8;

/// A page label: digits, or roman numerals of front matter.
fn is_label(label: &str) -> bool {
    let count = label.chars().count();
    (1..=LABEL_CHARS).contains(&count)
        && (label.chars().all(|c| c.is_ascii_digit())
            || label
                .chars()
                .all(|c| "ivxlcdm".contains(c.to_ascii_lowercase())))
}

/// The marker at the start of `rest`, if one is: its length in bytes and its page's label.
fn marker_at(rest: &str) -> Option<(usize, String)> {
    if let Some(inside) = rest.strip_prefix('[') {
        let close = inside.find(']')?;
        let body = inside[..close].trim();
        let lower = body.to_lowercase();
        let label = OPENINGS.iter().find_map(|opening| {
            let after = lower.strip_prefix(opening)?;
            // "p.329" and "p. 329"; "page 329" needs its space.
            (opening.ends_with('.') || after.starts_with(' ')).then(|| after.trim())
        })?;
        // The label as written (its case kept), from the same place of the original.
        let label = &body[body.len() - label.len()..];
        return is_label(&label.to_lowercase()).then(|| (close + 2, label.to_owned()));
    }
    if let Some(inside) = rest.strip_prefix('/') {
        let close = inside.find('/')?;
        let label = &inside[..close];
        // Only digits between slashes: "/329/" (a date "12/3/1922" has no slash before it).
        return (label.chars().all(|c| c.is_ascii_digit()) && is_label(label))
            .then(|| (close + 2, label.to_owned()));
    }
    None
}

/// Takes the page markers out of `paragraphs`: the paragraphs without them, and where each
/// page begins. A marker alone in its paragraph begins the page at the next paragraph; one
/// inside a paragraph at the character where it stood, the spaces around it made one. A
/// slashed number counts only standing alone between spaces, so that "and/or" and "1/2" stay.
pub fn take_page_markers(paragraphs: Vec<String>) -> (Vec<String>, Vec<PageMark>) {
    let mut kept: Vec<String> = Vec::with_capacity(paragraphs.len());
    let mut marks = Vec::new();
    // Pages that begin before the next paragraph kept (markers alone in their paragraph).
    let mut waiting: Vec<String> = Vec::new();
    for paragraph in paragraphs {
        let mut out = String::with_capacity(paragraph.len());
        let mut found: Vec<(usize, String)> = Vec::new();
        let mut chars = 0;
        let mut at = 0;
        while at < paragraph.len() {
            let rest = &paragraph[at..];
            let standing_alone = |len: usize| {
                let before = paragraph[..at].chars().next_back();
                let after = paragraph[at + len..].chars().next();
                before.is_none_or(char::is_whitespace)
                    && after.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation())
            };
            if let Some((len, label)) = marker_at(rest)
                && (rest.starts_with('[') || standing_alone(len))
            {
                // One space where the marker stood between two words.
                let after = &paragraph[at + len..];
                if out.ends_with(' ') && after.starts_with(' ') {
                    at += 1;
                }
                found.push((chars, label));
                at += len;
                continue;
            }
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            chars += 1;
            at += c.len_utf8();
        }
        let trimmed_start = out.len() - out.trim_start().len();
        let lead = out[..trimmed_start].chars().count();
        let text = out.trim().to_owned();
        if text.is_empty() {
            waiting.extend(found.into_iter().map(|(_, label)| label));
            continue;
        }
        let index = kept.len();
        let length = text.chars().count();
        for label in waiting.drain(..) {
            marks.push(PageMark {
                paragraph: index,
                offset: 0,
                label,
            });
        }
        for (offset, label) in found {
            marks.push(PageMark {
                paragraph: index,
                offset: offset.saturating_sub(lead).min(length),
                label,
            });
        }
        kept.push(text);
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
