//! A PDF made by Debian's groff (the ms macros: two columns, a running head with the page's
//! number, hyphenation, a footnote, the "fi" and "fl" ligatures), imported as a reader imports
//! it and compared with what poppler's pdftotext reads of it.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::Path;
use std::process::Command;

use lectern::storage::import::{ImportMeta, read_import};

const WORDS: &[&str] = &[
    "the",
    "republics",
    "of",
    "union",
    "entered",
    "into",
    "a",
    "treaty",
    "on",
    "equal",
    "terms",
    "and",
    "commission",
    "central",
    "committee",
    "proposed",
    "their",
    "entry",
    "federation",
    "while",
    "Lenin",
    "insisted",
    "formal",
    "unification",
    "with",
    "Russian",
    "soviet",
    "Europe",
    "Asia",
    "Georgian",
    "communists",
    "objected",
    "transcaucasian",
    "question",
    "nationalities",
    "became",
    "subject",
    "last",
    "struggle",
    "flourishing",
    "officials",
];

/// An article in groff's ms macros: a title, an author, two columns, a running head on every
/// page ("THE NATIONAL QUESTION, 1922" and "Page N"), and one footnote.
fn article_ms() -> String {
    let mut state: u64 = 7;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut ms = String::from(
        ".ds LH THE NATIONAL QUESTION, 1922\n.ds CH\n.ds RH Page %\n.nr PS 10\n.nr VS 12\n.2C\n\
         .TL\nOn the formal unification of the republics\n.AU\nA. Historian\n.PP\n",
    );
    for paragraph in 0..40 {
        let count = 60 + next() % 60;
        let mut words: Vec<&str> = (0..count).map(|_| WORDS[next() % WORDS.len()]).collect();
        words[0] = "The";
        ms.push_str(&words.join(" "));
        ms.push_str(".\n");
        if paragraph == 5 {
            ms.push_str(
                "Great-Russian chauvinism was the danger\\**.\n.FS\nSee Lenin, Collected \
                 Works, vol. 36, p. 606.\n.FE\n",
            );
        }
        ms.push_str(".PP\n");
    }
    ms
}

/// The PDF groff makes of `ms`.
fn groff_pdf(ms: &str, dir: &Path) -> std::path::PathBuf {
    let source = dir.join("article.ms");
    std::fs::write(&source, ms).unwrap();
    let out = Command::new("groff")
        .args(["-ms", "-Tpdf", "-dpaper=a4", "-P-pa4"])
        .arg(&source)
        .output()
        .expect("groff (installed by .ci/run)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = dir.join("article.pdf");
    std::fs::write(&pdf, out.stdout).unwrap();
    pdf
}

#[test]
fn a_two_column_groff_article_imports_clean_with_its_pages_and_its_note() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = groff_pdf(&article_ms(), dir.path());
    let (text, kind) = read_import(&pdf, &ImportMeta::default()).unwrap();
    assert_eq!(kind, "PDF");
    let meta = text.meta();
    assert_eq!(meta.title, "On the formal unification of the republics");
    let body = text.content();
    assert!(
        !body.contains("NATIONAL QUESTION"),
        "the running head is left out"
    );
    assert!(!body.contains("Page "), "and the page's number with it");
    assert!(
        body.contains("unification") && body.contains("flourishing"),
        "ligatures"
    );
    assert!(!body.contains("uni cation"));
    assert!(
        body.contains("Great-Russian chauvinism"),
        "a real hyphen is kept"
    );
    assert_eq!(
        meta.notes,
        ["p. 1: 1 See Lenin, Collected Works, vol. 36, p. 606."],
        "the footnote is kept apart"
    );
    let labels: Vec<&str> = meta.pages.iter().map(|p| p.label.as_str()).collect();
    let pages = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let count = String::from_utf8_lossy(&pages.stdout)
        .lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse::<usize>().unwrap())
        })
        .unwrap();
    let expected: Vec<String> = (1..=count).map(|n| n.to_string()).collect();
    assert_eq!(
        labels, expected,
        "each page numbered as it prints its number"
    );
    // Word for word with pdftotext, its running heads and its footnote aside.
    let out = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let theirs = String::from_utf8(out.stdout).unwrap();
    let mut joined = String::new();
    for line in theirs.lines().map(str::trim) {
        if line.starts_with("THE NATIONAL QUESTION") || line.starts_with("Page ") {
            continue;
        }
        if line.starts_with("1 See Lenin") {
            continue;
        }
        if joined.ends_with('-') && line.starts_with(char::is_lowercase) {
            joined.pop();
        } else {
            joined.push(' ');
        }
        joined.push_str(line);
    }
    let theirs: Vec<&str> = joined.split_whitespace().collect();
    let ours: Vec<&str> = body.split_whitespace().collect();
    let agree: usize = similar::capture_diff_slices(similar::Algorithm::Myers, &theirs, &ours)
        .iter()
        .map(|op| match op {
            similar::DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    let share = agree as f64 / theirs.len() as f64;
    assert!(
        share >= 0.99,
        "{agree} of pdftotext's {} words",
        theirs.len()
    );
}
