//! Escaping the reader's strings for the formats Lectern writes (Markdown and HTML), in one
//! place for every export.

/// `text` with the characters Markdown would read as markup backslash-escaped.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_markdown(&mut out, text);
    out
}

/// A table of the bytes in `special`, for one lookup a byte.
const fn byte_table(special: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = true;
        i += 1;
    }
    table
}

/// The bytes Markdown reads as markup.
const MARKDOWN_SPECIAL: [bool; 256] = byte_table(b"\\*_~`[]#<>|");

/// The bytes HTML escapes.
const HTML_SPECIAL: [bool; 256] = byte_table(b"&<>\"'");

/// Appends [`escape_markdown`] of `text` to `out`.
pub fn push_markdown(out: &mut String, text: &str) {
    push_escaped(
        out,
        text,
        |b| MARKDOWN_SPECIAL[usize::from(b)],
        |out, b| {
            out.push('\\');
            out.push(char::from(b));
        },
    );
}

/// `text` safe inside HTML text and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_html(&mut out, text);
    out
}

/// Appends [`escape_html`] of `text` to `out`.
pub fn push_html(out: &mut String, text: &str) {
    push_escaped(
        out,
        text,
        |b| HTML_SPECIAL[usize::from(b)],
        |out, b| {
            out.push_str(match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            });
        },
    );
}

/// Appends `text` to `out` in one pass, the ASCII bytes `special` picks written by `escape`
/// and the runs between them copied whole.
fn push_escaped(
    out: &mut String,
    text: &str,
    special: impl Fn(u8) -> bool,
    escape: impl Fn(&mut String, u8),
) {
    let mut from = 0;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        if special(byte) {
            // An ASCII byte is never inside a multi-byte character: `at` is a boundary.
            out.push_str(&text[from..at]);
            escape(out, byte);
            from = at + 1;
        }
    }
    out.push_str(&text[from..]);
}

/// `title` in double quotation marks, its own double quotation marks turned single, as print
/// nests them: “The Question of Nationalities or ‘Autonomization’”, never “…“Autonomization””.
pub fn in_quotes(title: &str) -> String {
    let inner: String = title
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            other => other,
        })
        .collect();
    format!("“{inner}”")
}

#[cfg(test)]
mod nesting_tests {
    use super::in_quotes;

    #[test]
    fn quotation_marks_inside_a_quoted_title_become_single() {
        assert_eq!(
            in_quotes("The Question of Nationalities or “Autonomization”"),
            "“The Question of Nationalities or ‘Autonomization’”"
        );
        assert_eq!(in_quotes("To L. D. Trotsky"), "“To L. D. Trotsky”");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_script_are_escaped() {
        assert_eq!(escape_markdown("*a* [b] <c>"), "\\*a\\* \\[b\\] \\<c\\>");
        assert_eq!(
            escape_html("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    proptest::proptest! {
        /// The one-pass escapers agree with escaping character by character, on any text
        /// (markup next to Cyrillic, quotation marks and combining characters included).
        #[test]
        fn one_pass_escaping_is_escaping_each_character(text in "[a-zа-я*_<>&\"'`#|~\\\\\\[\\] “”́\n]{0,40}") {
            let markdown: String = text
                .chars()
                .flat_map(|c| {
                    let special = "\\*_~`[]#<>|".contains(c);
                    special.then_some('\\').into_iter().chain([c])
                })
                .collect();
            proptest::prop_assert_eq!(escape_markdown(&text), markdown);
            let html: String = text
                .chars()
                .map(|c| match c {
                    '&' => "&amp;".to_owned(),
                    '<' => "&lt;".to_owned(),
                    '>' => "&gt;".to_owned(),
                    '"' => "&quot;".to_owned(),
                    '\'' => "&#39;".to_owned(),
                    c => c.to_string(),
                })
                .collect();
            proptest::prop_assert_eq!(escape_html(&text), html);
        }
    }
}
