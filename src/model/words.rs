//! Words for the reader: a count with its noun in the singular or the plural.

/// A count with its noun in the singular or the plural: "1 annotation", "2 annotations",
/// "0 annotations".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `text` with each run of white space (line breaks too) one space, trimmed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
