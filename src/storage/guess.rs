//! What an imported file says of itself, guessed for the import window (the reader checks and
//! corrects every guess): its date, from the file name, the head of the text or the page's
//! metadata, in English and Russian forms; its title, from the first heading or line; and the
//! page furniture (copyright lines, "last updated") that is not part of the text.

/// English month names and their common abbreviations, January first.
const MONTHS_EN: [&[&str]; 12] = [
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sept", "sep"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

/// Russian month names in the genitive ("5 марта") and the nominative ("март 1923"), and
/// the pre-reform spellings of the nominative where they differ.
const MONTHS_RU: [&[&str]; 12] = [
    &["января", "январь"],
    &["февраля", "февраль"],
    &["марта", "март"],
    &["апреля", "апрель"],
    &["мая", "май"],
    &["июня", "июнь"],
    &["июля", "июль"],
    &["августа", "август"],
    &["сентября", "сентябрь"],
    &["октября", "октябрь"],
    &["ноября", "ноябрь"],
    &["декабря", "декабрь"],
];

/// How much of the head of a text is searched for its date, in characters.
const HEAD: usize = 600;

/// The date a file gives of itself, as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: from its name
/// ("1923-03-05 letter.txt"), else from the head of its text ("March 5, 1923", "Written 12
/// January 1923", "5 марта 1923 г."), else from the page's metadata.
pub fn guess_date(file_name: &str, text: &str, metadata: Option<&str>) -> Option<String> {
    let head: String = text.chars().take(HEAD).collect();
    numeric_date(file_name)
        .or_else(|| written_date(&head))
        .or_else(|| numeric_date(&head))
        .or_else(|| metadata.and_then(|m| numeric_date(m).or_else(|| written_date(m))))
}

/// A year from 1000 to 2999 in four digits.
fn year(word: &str) -> Option<u32> {
    let year: u32 = word.parse().ok()?;
    (word.len() == 4 && (1000..3000).contains(&year)).then_some(year)
}

fn format(year: u32, month: Option<u32>, day: Option<u32>) -> String {
    match (month, day) {
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    }
}

fn valid(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// `1923-03-05`, `1923_03_05`, `1923.03.05` or `19230305` anywhere in `text`.
fn numeric_date(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        if start > 0 && chars[start - 1].is_ascii_digit() {
            continue;
        }
        let digits = |from: usize, n: usize| -> Option<u32> {
            let part: String = chars.get(from..from + n)?.iter().collect();
            part.chars()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let Some(y) = digits(start, 4).filter(|y| (1000..3000).contains(y)) else {
            continue;
        };
        let separated = chars
            .get(start + 4)
            .is_some_and(|c| matches!(c, '-' | '_' | '.'));
        let (m, d, end) = if separated {
            let same = chars.get(start + 7) == chars.get(start + 4);
            match (digits(start + 5, 2), digits(start + 8, 2)) {
                (Some(m), Some(d)) if same => (m, d, start + 10),
                _ => continue,
            }
        } else {
            match (digits(start + 4, 2), digits(start + 6, 2)) {
                (Some(m), Some(d)) => (m, d, start + 8),
                _ => continue,
            }
        };
        if chars.get(end).is_some_and(char::is_ascii_digit) || !valid(m, d) {
            continue;
        }
        return Some(format(y, Some(m), Some(d)));
    }
    None
}

fn month_of(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_lowercase();
    let index = MONTHS_EN
        .iter()
        .position(|names| names.contains(&word.as_str()))
        .or_else(|| {
            MONTHS_RU
                .iter()
                .position(|names| names.contains(&word.as_str()))
        })?;
    Some(index as u32 + 1)
}

fn day(word: &str) -> Option<u32> {
    let word = word.trim_end_matches(['.', ',']);
    let day: u32 = word.parse().ok()?;
    (word.len() <= 2 && (1..=31).contains(&day)).then_some(day)
}

/// The first date written out in words: "5 March 1923", "March 5, 1923", "5 марта 1923 г.",
/// "March 1923", "марта 1923".
fn written_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '—' | '–'))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let Some(month) = month_of(word) else {
            continue;
        };
        // "May" is also a word: it counts only beside a day or a year.
        let before = i.checked_sub(1).and_then(|b| day(words[b]));
        let after = words.get(i + 1).copied();
        let year_after = |at: usize| {
            words
                .get(at)
                .and_then(|w| year(w.trim_end_matches(['.', ','])))
        };
        if let Some(d) = before
            && let Some(y) = year_after(i + 1)
        {
            return Some(format(y, Some(month), Some(d)));
        }
        if let Some(d) = after.and_then(day)
            && let Some(y) = year_after(i + 2)
        {
            return Some(format(y, Some(month), Some(d)));
        }
        if let Some(y) = year_after(i + 1) {
            return Some(format(y, Some(month), None));
        }
    }
    None
}

/// The title a plain text gives itself: its first line, when that line is a short paragraph
/// of its own (a heading), or the first of a few heading lines ("To Comrade Stalin" above
/// "Copy to Comrades Kamenev and Zinoviev"), and not the whole text.
pub fn first_line_title(text: &str) -> Option<String> {
    let mut paragraphs = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
    let first = paragraphs.next()?;
    paragraphs.next()?;
    let lines: Vec<&str> = first.lines().map(str::trim).collect();
    // Lines of a heading each begin anew (a capital or a number) and end no clause; the lines
    // of a paragraph broken for the page run on.
    let heading_line = |line: &&str| {
        line.chars().count() <= 80
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '#')
            && !line.ends_with([',', ';', '-', '—'])
    };
    if lines.len() > 3 || (lines.len() > 1 && !lines.iter().all(heading_line)) {
        return None;
    }
    let title = lines[0].trim_start_matches('#').trim();
    let short = title.chars().count() <= 100;
    let sentence = title.ends_with(['.', ';', ',']) && title.split_whitespace().count() > 12;
    (short && !sentence && !title.is_empty()).then(|| title.to_owned())
}

/// Whether a paragraph of a web page is its furniture rather than its text: a copyright or
/// rights line, or when it was last updated.
pub fn is_page_furniture(paragraph: &str) -> bool {
    let lower = paragraph.trim().to_lowercase();
    let short = lower.chars().count() <= 200;
    short
        && (lower.starts_with('©')
            || lower.starts_with("copyright")
            || lower.starts_with("(c) ")
            || lower.contains("all rights reserved")
            || lower.starts_with("last updated")
            || lower.starts_with("last modified")
            || lower.starts_with("все права защищены"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_come_from_the_file_name_first() {
        let text = "March 5, 1923\n\nDear Comrade Trotsky:";
        assert_eq!(
            guess_date("1923-03-06 letter", text, None).as_deref(),
            Some("1923-03-06")
        );
        assert_eq!(
            guess_date("19230305-trotsky", "", None).as_deref(),
            Some("1923-03-05")
        );
        assert_eq!(
            guess_date("letter_1923_03_05", "", None).as_deref(),
            Some("1923-03-05")
        );
        // Not dates: a number too long, a month out of range, mixed separators.
        assert_eq!(guess_date("scan-192303051", "", None), None);
        assert_eq!(guess_date("1923-13-05", "", None), None);
        assert_eq!(guess_date("1923-03_05", "", None), None);
    }

    #[test]
    fn dates_written_at_the_head_of_the_text_in_english_and_russian() {
        for (text, date) in [
            (
                "To L. D. Trotsky\n\nMarch 5, 1923\n\nTop secret",
                "1923-03-05",
            ),
            (
                "Written 12 January 1923\n\nFirst published in 1956",
                "1923-01-12",
            ),
            (
                "Л. Д. ТРОЦКОМУ\n\n5 марта 1923 г.\n\nСтрого секретно",
                "1923-03-05",
            ),
            ("Notes of 30 Dec. 1922", "1922-12-30"),
            ("September 1922. A draft.", "1922-09"),
            ("Москва, сентябрь 1922", "1922-09"),
        ] {
            assert_eq!(
                guess_date("letter", text, None).as_deref(),
                Some(date),
                "{text}"
            );
        }
        // "May" as a word is not a month.
        assert_eq!(guess_date("notes", "It may be 1923 or later.", None), None);
    }

    #[test]
    fn a_date_far_down_the_text_is_not_its_date_but_the_pages_metadata_is() {
        let long = format!("{}\n\n5 March 1923", "A long opening. ".repeat(60));
        assert_eq!(guess_date("page", &long, None), None);
        assert_eq!(
            guess_date("page", &long, Some("1923-03-06")).as_deref(),
            Some("1923-03-06")
        );
    }

    #[test]
    fn a_short_first_line_is_the_title() {
        assert_eq!(
            first_line_title("To L. D. Trotsky\n\nDear Comrade Trotsky:").as_deref(),
            Some("To L. D. Trotsky")
        );
        assert_eq!(first_line_title("One line only"), None);
        assert_eq!(
            first_line_title("First line\nsame paragraph\n\nSecond"),
            None
        );
        // Two heading lines: the first is the title, not the file's name.
        assert_eq!(
            first_line_title(
                "To Comrade Stalin\nCopy to Comrades Kamenev and Zinoviev\n\nDear Comrade Stalin,"
            )
            .as_deref(),
            Some("To Comrade Stalin")
        );
        let sentence = "I suppose I have been very remiss with respect to the workers of Russia for not having intervened.\nMore.";
        assert_eq!(first_line_title(sentence), None);
    }

    #[test]
    fn copyright_lines_are_furniture_and_the_text_is_not() {
        assert!(is_page_furniture("Copyright © 2022 World-Outlook"));
        assert!(is_page_furniture("© Marxists Internet Archive, 2003"));
        assert!(is_page_furniture("Last updated on 12.10.2022"));
        assert!(!is_page_furniture(
            "Comrade Kamenev, Stalin has probably already sent you"
        ));
        assert!(!is_page_furniture(&format!(
            "Copyright {}",
            "x".repeat(300)
        )));
    }
}
