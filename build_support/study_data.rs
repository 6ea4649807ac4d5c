//! Build-time checks of the study tools' bundled data: `resources/index/`, `resources/timeline/`
//! and `resources/glossary/`. A mistake in them fails the build with the file and the entry,
//! as a malformed text does, instead of failing on a reader's machine. The app's own readers
//! (`src/model/{index,timeline,glossary}.rs`) check them again in their tests.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::Value;

/// What the texts give the checks: each bundled text's id, with its paragraphs and the
/// editor's sentence introducing it.
pub type Texts = HashMap<String, (Vec<String>, String)>;

/// Every problem found in the study data of `resources`.
pub fn check(resources: &Path, texts: &Texts) -> Vec<String> {
    let mut problems = Vec::new();
    let comparisons = comparison_ids(&resources.join("comparisons"), &mut problems);
    let mut read = |relative: &str, format: &str| -> Option<Value> {
        let path = resources.join(relative);
        println!("cargo:rerun-if-changed={}", path.display());
        let json: Value = match std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
        {
            Ok(json) => json,
            Err(e) => {
                problems.push(format!("resources/{relative}: {e}"));
                return None;
            }
        };
        if json["format"] != format || json["version"] != 1 {
            problems.push(format!("resources/{relative}: not {format} version 1"));
            return None;
        }
        Some(json)
    };
    let index = read("index/people-and-places.json", "lectern-index");
    let events = read("timeline/events.json", "lectern-timeline");
    let glossary = read("glossary/terms.json", "lectern-glossary");
    if let Some(index) = index {
        check_entries(
            &index["entities"],
            "index/people-and-places.json",
            &mut problems,
            |e| {
                let mut wrong = required(e, &["id", "kind", "name", "about", "about_source"]);
                if !matches!(e["kind"].as_str(), Some("person" | "place")) {
                    wrong.push("kind is neither person nor place".into());
                }
                if !non_empty_strings(&e["variants"]) {
                    wrong.push("needs spellings, none blank".into());
                }
                // Optional: true for one named only in a caption left out of the texts, so
                // that no text mentions them.
                if !(e["caption_only"].is_null() || e["caption_only"].is_boolean()) {
                    wrong.push("caption_only is neither true nor false".into());
                }
                wrong
            },
        );
    }
    if let Some(events) = events {
        check_entries(
            &events["events"],
            "timeline/events.json",
            &mut problems,
            |e| {
                let mut wrong = required(e, &["id", "kind", "date", "title", "source"]);
                if !e["date"].as_str().is_some_and(date_reads) {
                    wrong.push(format!("date {} is not one Lectern reads", e["date"]));
                }
                match (e["text"].as_str(), e["comparison"].as_str()) {
                    (Some(id), None) => match texts.get(id) {
                        None => wrong.push(format!("no bundled text {id}")),
                        Some((paragraphs, context)) => {
                            let quote = e["quote"].as_str().unwrap_or_default();
                            let found = paragraphs.iter().filter(|p| p.contains(quote)).count()
                                + usize::from(context.contains(quote));
                            if quote.is_empty() || found != 1 {
                                wrong.push(format!("its quote is not once in {id}, word for word"));
                            }
                        }
                    },
                    (None, Some(id)) if !comparisons.contains(id) => {
                        wrong.push(format!("no bundled comparison {id}"));
                    }
                    (None, Some(_)) => {}
                    _ => wrong.push("must open one text or one comparison".into()),
                }
                wrong
            },
        );
    }
    if let Some(glossary) = glossary {
        check_entries(
            &glossary["terms"],
            "glossary/terms.json",
            &mut problems,
            |t| {
                let mut wrong = required(t, &["id", "concept", "about", "source"]);
                let renderings = t["renderings"].as_array().map_or(&[][..], Vec::as_slice);
                if renderings.len() < 2 {
                    wrong.push("needs two renderings at least".into());
                }
                for rendering in renderings {
                    let blank = required(rendering, &["language", "text", "in"]);
                    if !blank.is_empty() || !rendering["text"].as_str().is_some_and(has_words) {
                        wrong.push(format!("rendering {rendering} is incomplete"));
                    }
                }
                wrong
            },
        );
    }
    problems
}

/// The ids of the bundled comparisons.
fn comparison_ids(dir: &Path, problems: &mut Vec<String>) -> HashSet<String> {
    let mut ids = HashSet::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        problems.push(format!("cannot read {}", dir.display()));
        return ids;
    };
    for entry in entries.filter_map(Result::ok) {
        let json: Option<Value> = std::fs::read_to_string(entry.path())
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok());
        if let Some(id) = json.as_ref().and_then(|j| j["id"].as_str()) {
            ids.insert(id.to_owned());
        }
    }
    ids
}

/// Checks each entry of `list` with `wrong` (what is wrong with it), and that ids are unique.
fn check_entries(
    list: &Value,
    file: &str,
    problems: &mut Vec<String>,
    wrong: impl Fn(&Value) -> Vec<String>,
) {
    let Some(entries) = list.as_array().filter(|a| !a.is_empty()) else {
        problems.push(format!("resources/{file}: has no entries"));
        return;
    };
    let mut ids = HashSet::new();
    for (number, entry) in entries.iter().enumerate() {
        let id = entry["id"].as_str().unwrap_or_default();
        if !ids.insert(id) {
            problems.push(format!("resources/{file}: the id {id:?} is used twice"));
        }
        for problem in wrong(entry) {
            problems.push(format!(
                "resources/{file}, entry {} ({id}): {problem}",
                number + 1
            ));
        }
    }
}

/// The names among `fields` that are missing or blank in `entry`.
fn required(entry: &Value, fields: &[&str]) -> Vec<String> {
    fields
        .iter()
        .filter(|f| entry[**f].as_str().is_none_or(|s| s.trim().is_empty()))
        .map(|f| format!("`{f}` is missing or blank"))
        .collect()
}

/// Whether every word of `name` has a letter or a digit (what the name matcher reads as a word).
fn has_words(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty() && words.iter().all(|w| w.chars().any(char::is_alphanumeric))
}

fn non_empty_strings(list: &Value) -> bool {
    list.as_array()
        .is_some_and(|a| !a.is_empty() && a.iter().all(|v| v.as_str().is_some_and(has_words)))
}

/// Whether `date` is `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a span `A/B` of those, or `before
/// YYYY-MM-DD` (what `HistDate::parse` reads).
fn date_reads(date: &str) -> bool {
    fn one(date: &str) -> usize {
        let fields: Vec<&str> = date.split('-').collect();
        let number = |s: &str, digits: usize, range: std::ops::RangeInclusive<u32>| {
            s.len() == digits && s.parse::<u32>().is_ok_and(|n| range.contains(&n))
        };
        let ok = match fields.as_slice() {
            [y] => number(y, 4, 1..=9999),
            [y, m] => number(y, 4, 1..=9999) && number(m, 2, 1..=12),
            [y, m, d] => {
                let (year, month) = (y.parse::<u32>().unwrap_or(0), m.parse::<u32>().unwrap_or(0));
                let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
                let days = match month {
                    2 if leap => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                number(y, 4, 1..=9999) && number(m, 2, 1..=12) && number(d, 2, 1..=days)
            }
            _ => false,
        };
        if ok { fields.len() } else { 0 }
    }
    match (date.strip_prefix("before "), date.split_once('/')) {
        (Some(day), _) => one(day) == 3,
        (None, Some((from, to))) => one(from) > 0 && one(to) > 0 && from < to,
        (None, None) => one(date) > 0,
    }
}
