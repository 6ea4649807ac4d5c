//! The timeline: every dated document of the library and the events the texts date, in order.
//!
//! Dates are as precise as their sources: a day (26 September 1922), a month (December 1922), a
//! year, a range (30–31 December 1922) or “before” a day. A [`HistDate`] keeps its precision and
//! its reader's wording, and orders by its first possible day, then the narrower first (“before
//! 10 March” ahead of 10 March, a day ahead of the month it falls in). Documents come from the
//! texts' headers (`date`, `date_label`), imported texts included; the bundled events and the
//! documents known only through a comparison come from `resources/timeline/events.json`, each
//! with the passage that states it and its source. An editorial reconstruction is no document of
//! any day and never appears.

use crate::model::text::TextId;
use std::cmp::Ordering;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::library::Library;
use crate::formats::calendar::{days_in_month, is_day};

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Some time before a day.
    Before,
    /// A day.
    Day,
    /// Some days (a span, or a day not known between them).
    Range,
    /// A month.
    Month,
    /// A year.
    Year,
}

// The calendar's days, as the timeline's views reckon them.
pub use crate::formats::calendar::{DayNumber, civil, day_number};

/// A historical date with its precision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HistDate {
    /// How precise it is.
    pub precision: Precision,
    /// The first day it may be (for `Before`: the day it is before).
    pub first: DayNumber,
    /// The last day it may be.
    pub last: DayNumber,
    /// As a reader writes it: “30–31 December 1922”, “before 10 March 1923”.
    pub label: String,
}

/// The months' English names, as the texts' headers write their dates ("30–31 December 1922").
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month's name as a day's date has it, in the interface's language ("September",
/// «сентября»).
fn month_of(month: u32) -> String {
    crate::tr!("model-month-of", month = month)
}

/// “26 September 1922”, «26 сентября 1922».
pub fn day_label(number: DayNumber) -> String {
    let (year, month, day) = civil(number);
    crate::tr!(
        "model-date-day",
        day = day,
        month = month_of(month),
        year = year
    )
}

/// One ISO date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: its first and last day and precision.
fn iso_span(text: &str) -> Option<(DayNumber, DayNumber, Precision)> {
    let mut fields = text.trim().split('-');
    let year: i64 = fields.next()?.parse().ok()?;
    let month: Option<u32> = fields.next().map(str::parse).transpose().ok()?;
    let day: Option<u32> = fields.next().map(str::parse).transpose().ok()?;
    if fields.next().is_some() || !(1..=9999).contains(&year) {
        return None;
    }
    match (month, day) {
        (None, _) => Some((
            day_number(year, 1, 1),
            day_number(year, 12, 31),
            Precision::Year,
        )),
        (Some(m), None) if (1..=12).contains(&m) => Some((
            day_number(year, m, 1),
            day_number(year, m, days_in_month(year, m)),
            Precision::Month,
        )),
        (Some(m), Some(d)) if is_day(year, m, d) => {
            let at = day_number(year, m, d);
            Some((at, at, Precision::Day))
        }
        _ => None,
    }
}

impl HistDate {
    /// A date written as in ISO 8601: `1922-09-26`, `1922-12`, `1922`, a span
    /// `1922-12-30/1922-12-31`, or `before 1923-03-10`.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Some(day) = text.strip_prefix("before ") {
            let (at, _, Precision::Day) = iso_span(day)? else {
                return None;
            };
            return Some(Self {
                precision: Precision::Before,
                first: at,
                last: at,
                label: crate::tr!("model-date-before", date = day_label(at)),
            });
        }
        if let Some((from, to)) = text.split_once('/') {
            let (first, _, _) = iso_span(from)?;
            let (_, last, _) = iso_span(to)?;
            return (first < last).then(|| Self {
                precision: Precision::Range,
                first,
                last,
                label: range_label(first, last),
            });
        }
        let (first, last, precision) = iso_span(text)?;
        let (year, month, _) = civil(first);
        let label = match precision {
            Precision::Year => year.to_string(),
            Precision::Month => crate::tr!(
                "model-date-month",
                month = crate::tr!("model-month", month = month),
                year = year
            ),
            _ => day_label(first),
        };
        Some(Self {
            precision,
            first,
            last,
            label,
        })
    }

    /// The date of a text's header: its sortable `date`, made a span where its reader's label
    /// names one (“30–31 December 1922”).
    pub fn of_text(date: &str, label: Option<&str>) -> Option<Self> {
        let mut parsed = Self::parse(date)?;
        if let Some(label) = label.map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(span) = label_span(label, parsed.first) {
                parsed.precision = Precision::Range;
                parsed.last = span;
                parsed.label = range_label(parsed.first, parsed.last);
            }
            // A header writes its date in English ("26 September 1922"): where the label says
            // no more than the date, the interface's own wording of it is shown.
            let english = crate::i18n::in_language(crate::i18n::Language::English, || match parsed
                .precision
            {
                Precision::Range => range_label(parsed.first, parsed.last),
                Precision::Before | Precision::Day | Precision::Month | Precision::Year => {
                    Self::parse(date).map(|d| d.label).unwrap_or_default()
                }
            });
            if label != english {
                parsed.label = label.to_owned();
            }
        }
        Some(parsed)
    }

    /// With the wording `label` instead of the one made from the date.
    pub fn labelled(mut self, label: &str) -> Self {
        if !label.trim().is_empty() {
            label.trim().clone_into(&mut self.label);
        }
        self
    }

    /// Earlier first; on the same first day, the narrower (before, day, span, month, year).
    pub fn chronological(&self, other: &Self) -> Ordering {
        (self.first, self.precision, self.last).cmp(&(other.first, other.precision, other.last))
    }
}

/// “30–31 December 1922”, “30 December 1922 – 2 January 1923”.
fn range_label(first: DayNumber, last: DayNumber) -> String {
    let ((y1, m1, d1), (y2, m2, d2)) = (civil(first), civil(last));
    if (y1, m1) == (y2, m2) {
        crate::tr!(
            "model-date-days",
            from = d1,
            to = d2,
            month = month_of(m1),
            year = y1
        )
    } else if y1 == y2 {
        crate::tr!(
            "model-date-days-across-months",
            from = d1,
            from_month = month_of(m1),
            to = d2,
            to_month = month_of(m2),
            year = y1
        )
    } else {
        crate::tr!(
            "model-date-span",
            from = day_label(first),
            to = day_label(last)
        )
    }
}

/// The last day of a label “D–D Month YYYY” whose first day is `first`.
fn label_span(label: &str, first: DayNumber) -> Option<DayNumber> {
    let (days, rest) = label.split_once(' ')?;
    let (from, to) = days.split_once(['–', '-'])?;
    let (from, to): (u32, u32) = (from.parse().ok()?, to.parse().ok()?);
    let (year, month, day) = civil(first);
    let named = rest.split_whitespace().next()?;
    (from == day && to > from && named == MONTHS[month as usize - 1])
        .then(|| day_number(year, month, to.min(days_in_month(year, month))))
}

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// A document: a letter, a draft, notes.
    Document,
    /// Something that happened, as a text dates it.
    Event,
}

/// What choosing an entry opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Opens {
    /// A text, at the passage that states the event where it is in the text's body.
    Text {
        /// The text's id.
        id: TextId,
        /// The passage's characters in the text.
        passage: Option<Range<usize>>,
    },
    /// A comparison, by id.
    Comparison(String),
}

/// One entry of the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Stable id: the text's id for a text, the event's for an event.
    pub id: String,
    /// Document or event.
    pub kind: EntryKind,
    /// When.
    pub date: HistDate,
    /// What.
    pub title: String,
    /// What choosing it opens.
    pub opens: Opens,
    /// Where the date comes from.
    pub source: String,
    /// Other datings, and anything a reader should know of this one.
    pub note: String,
}

/// An event or document of the bundled data, as written in its file.
#[derive(Clone, Debug, Deserialize)]
pub struct EventRecord {
    /// Stable id.
    pub id: String,
    /// Document or event.
    pub kind: EntryKind,
    /// As [`HistDate::parse`] reads it.
    pub date: String,
    /// The date's wording, where the one made from `date` would say more or less.
    #[serde(default)]
    pub date_label: String,
    /// What.
    pub title: String,
    /// The text that states it, and its words there (in the body or the editor's introduction
    /// to it).
    #[serde(default)]
    pub text: Option<TextId>,
    /// The passage, word for word.
    #[serde(default)]
    pub quote: String,
    /// A comparison to open instead of a text.
    #[serde(default)]
    pub comparison: Option<String>,
    /// Where the date comes from.
    pub source: String,
    /// Other datings, and what a reader should know.
    #[serde(default)]
    pub note: String,
}

#[derive(Deserialize)]
struct EventsFile {
    format: String,
    version: u32,
    events: Vec<EventRecord>,
}

/// The ticks of a timeline's axis between `from` and `to` (days) when it shows `span` days:
/// years, months or days, as many as fit, each with its label.
pub fn ticks(from: f64, to: f64, span: f64) -> Vec<(DayNumber, String)> {
    let (from, to) = (from.floor() as DayNumber, to.ceil() as DayNumber);
    let (first_year, _, _) = civil(from);
    let (last_year, _, _) = civil(to);
    let short = |month: u32| crate::tr!("model-month-short", month = month);
    let mut ticks = Vec::new();
    if span > 800.0 {
        let step = [1, 2, 5, 10, 20, 50, 100]
            .into_iter()
            .find(|s| (span / 365.0) / f64::from(*s) <= 12.0)
            .unwrap_or(100);
        for year in first_year..=last_year {
            if year % i64::from(step) == 0 {
                ticks.push((day_number(year, 1, 1), year.to_string()));
            }
        }
    } else if span > 45.0 {
        let step = if span > 400.0 { 3 } else { 1 };
        for year in first_year..=last_year {
            for month in (1..=12).step_by(step) {
                let label = if month == 1 {
                    format!("{} {year}", short(1))
                } else {
                    short(month)
                };
                ticks.push((day_number(year, month, 1), label));
            }
        }
    } else {
        let step = if span > 14.0 { 7 } else { 1 };
        for day in (from..=to).filter(|d| (d - from) % step == 0) {
            let (_, month, date) = civil(day);
            ticks.push((day, crate::tr!("model-tick-day", day = date, month = month)));
        }
    }
    ticks.retain(|(day, _)| (from..=to).contains(day));
    ticks
}

/// The bundled events file, read (its tests check every record).
pub fn bundled_events() -> Vec<EventRecord> {
    events_from_json(include_str!("../../resources/timeline/events.json"))
        .expect("the bundled events are valid (this module's tests read them)")
}

/// The events of an events file.
pub fn events_from_json(json: &str) -> Result<Vec<EventRecord>, String> {
    let file: EventsFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if file.format != "lectern-timeline" || file.version != 1 {
        return Err(format!(
            "format “{}” version {} is not lectern-timeline version 1",
            file.format, file.version
        ));
    }
    for event in &file.events {
        if HistDate::parse(&event.date).is_none() {
            return Err(format!(
                "“{}” has no date Lectern reads: {}",
                event.id, event.date
            ));
        }
        if event.text.is_none() == event.comparison.is_none() {
            return Err(format!("“{}” must open a text or a comparison", event.id));
        }
    }
    Ok(file.events)
}

/// Every dated document of `library` and each of `events`, in chronological order; and the
/// titles of the texts with no date Lectern reads.
pub fn timeline(library: &Library, events: &[EventRecord]) -> (Vec<Entry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut undated = Vec::new();
    for text in library.texts() {
        let meta = text.meta();
        let Some(date) = HistDate::of_text(&meta.date, meta.date_label.as_deref()) else {
            undated.push(meta.title.clone());
            continue;
        };
        let mut title = meta.title.clone();
        if !meta.author.is_empty() {
            title = format!("{} — {title}", meta.author);
        }
        entries.push(Entry {
            id: meta.id.to_string(),
            kind: EntryKind::Document,
            date,
            title,
            opens: Opens::Text {
                id: meta.id.clone(),
                passage: None,
            },
            source: meta
                .reference
                .clone()
                .unwrap_or_else(|| meta.source.clone()),
            note: meta.kind.clone().unwrap_or_default(),
        });
    }
    for event in events {
        let Some(date) = HistDate::parse(&event.date) else {
            continue;
        };
        let opens = match (&event.text, &event.comparison) {
            (Some(id), _) => {
                let Some(text) = library.get(id) else {
                    continue;
                };
                let passage = text.content().find(&event.quote).map(|at| {
                    let start = text.content()[..at].chars().count();
                    start..start + event.quote.chars().count()
                });
                Opens::Text {
                    id: id.clone(),
                    passage: passage.filter(|_| !event.quote.is_empty()),
                }
            }
            (None, Some(id)) => Opens::Comparison(id.clone()),
            (None, None) => continue,
        };
        entries.push(Entry {
            id: event.id.clone(),
            kind: event.kind,
            date: date.labelled(&event.date_label),
            title: event.title.clone(),
            opens,
            source: event.source.clone(),
            note: event.note.clone(),
        });
    }
    entries.sort_by(|a, b| a.date.chronological(&b.date));
    (entries, undated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::bundled_library;

    fn date(text: &str) -> HistDate {
        HistDate::parse(text).unwrap_or_else(|| panic!("{text} parses"))
    }

    #[test]
    fn dates_are_worded_in_the_interfaces_language_and_a_headers_own_words_kept() {
        use crate::i18n::{Language, in_language};
        in_language(Language::Russian, || {
            assert_eq!(date("1922-09-26").label, "26 сентября 1922");
            assert_eq!(date("1922-12").label, "декабрь 1922");
            assert_eq!(date("1922-12-30/1922-12-31").label, "30–31 декабря 1922");
            assert_eq!(
                date("1922-12-30/1923-01-02").label,
                "30 декабря 1922 – 2 января 1923"
            );
            assert_eq!(date("before 1923-03-10").label, "до 10 марта 1923");
            // A header's label that only says the date is worded anew; one that says more
            // is kept as written.
            let plain = HistDate::of_text("1922-09-26", Some("26 September 1922")).unwrap();
            assert_eq!(plain.label, "26 сентября 1922");
            let span = HistDate::of_text("1922-12-30", Some("30–31 December 1922")).unwrap();
            assert_eq!(
                (span.precision, span.label.as_str()),
                (Precision::Range, "30–31 декабря 1922")
            );
            let said = HistDate::of_text("1922-10", Some("early October 1922")).unwrap();
            assert_eq!(said.label, "early October 1922");
            let ticks: Vec<String> = ticks(
                f64::from(day_number(1922, 9, 1) as i32),
                f64::from(day_number(1923, 4, 1) as i32),
                212.0,
            )
            .into_iter()
            .map(|(_, label)| label)
            .collect();
            assert!(ticks.contains(&"янв. 1923".to_owned()), "{ticks:?}");
            assert!(ticks.contains(&"окт.".to_owned()), "{ticks:?}");
        });
        assert_eq!(
            date("1922-09-26").label,
            "26 September 1922",
            "English again after"
        );
    }

    #[test]
    fn dates_keep_their_precision_and_a_readers_wording() {
        let day = date("1922-09-26");
        assert_eq!(
            (day.precision, day.label.as_str()),
            (Precision::Day, "26 September 1922")
        );
        let month = date("1922-12");
        assert_eq!(
            (month.precision, month.label.as_str()),
            (Precision::Month, "December 1922")
        );
        assert_eq!(month.last - month.first, 30);
        assert_eq!(date("1923").precision, Precision::Year);
        let span = date("1922-12-30/1922-12-31");
        assert_eq!(
            (span.precision, span.label.as_str()),
            (Precision::Range, "30–31 December 1922")
        );
        assert_eq!(
            date("1922-09-23/1922-10-02").label,
            "23 September – 2 October 1922"
        );
        assert_eq!(
            date("1922-12-30/1923-01-02").label,
            "30 December 1922 – 2 January 1923"
        );
        let before = date("before 1923-03-10");
        assert_eq!(
            (before.precision, before.label.as_str()),
            (Precision::Before, "before 10 March 1923")
        );
        for bad in [
            "",
            "26 September 1922",
            "1922-13",
            "1922-02-30",
            "1923/1922",
            "before 1923-03",
            "1922-09-26-1",
        ] {
            assert!(HistDate::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_headers_label_makes_its_date_a_span_where_it_names_one() {
        let notes = HistDate::of_text("1922-12-30", Some("30–31 December 1922")).unwrap();
        assert_eq!(notes.precision, Precision::Range);
        assert_eq!(notes.last, day_number(1922, 12, 31));
        assert_eq!(notes.label, "30–31 December 1922");
        let letter = HistDate::of_text("1922-09-26", Some("26 September 1922")).unwrap();
        assert_eq!(letter.precision, Precision::Day);
        // A label that does not agree with the date is a wording only.
        let odd = HistDate::of_text("1922-12-30", Some("29–31 November 1922")).unwrap();
        assert_eq!((odd.precision, odd.last), (Precision::Day, odd.first));
        assert!(HistDate::of_text("", Some("undated")).is_none());
    }

    #[test]
    fn dates_of_every_precision_are_ordered_earliest_and_narrowest_first() {
        let mut dates: Vec<HistDate> = [
            "1923",
            "1922-12",
            "1923-03-10",
            "before 1923-03-10",
            "1922-12-30/1922-12-31",
            "1922-12-30",
            "1922",
            "1923-03",
            "1922-09-26",
        ]
        .iter()
        .map(|d| date(d))
        .collect();
        dates.sort_by(HistDate::chronological);
        let labels: Vec<&str> = dates.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "1922",
                "26 September 1922",
                "December 1922",
                "30 December 1922",
                "30–31 December 1922",
                "1923",
                "March 1923",
                "before 10 March 1923",
                "10 March 1923",
            ]
        );
    }

    #[test]
    fn every_bundled_event_is_dated_and_stated_word_for_word_where_it_says() {
        let library = bundled_library();
        let comparisons = crate::bundled::bundled_comparisons();
        let events = bundled_events();
        assert!(events.len() >= 8);
        let mut ids = std::collections::HashSet::new();
        for event in &events {
            assert!(ids.insert(event.id.as_str()), "{} twice", event.id);
            assert!(!event.source.trim().is_empty(), "{} has a source", event.id);
            if let Some(text_id) = &event.text {
                let text = library.get(text_id).unwrap_or_else(|| panic!("{text_id}"));
                let context = text.meta().context_before.as_deref().unwrap_or_default();
                let found = text.content().matches(&event.quote).count()
                    + context.matches(&event.quote).count();
                assert_eq!(
                    found, 1,
                    "{}: “{}” once in {text_id}",
                    event.id, event.quote
                );
            }
            if let Some(id) = &event.comparison {
                assert!(
                    comparisons.iter().any(|c| &c.id == id),
                    "{}: {id}",
                    event.id
                );
            }
        }
    }

    #[test]
    fn the_bundled_timeline_runs_from_the_drafts_of_september_1922_to_march_1923() {
        let (entries, undated) = timeline(&bundled_library(), &bundled_events());
        assert!(undated.is_empty(), "{undated:?}");
        let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        let position = |id: &str| {
            ids.iter()
                .position(|i| *i == id)
                .unwrap_or_else(|| panic!("{id}"))
        };
        // The commission's draft, the talks of 25 and 26 September, the letter, the next day.
        assert!(position("stalin-commission-draft") < position("lenin-sokolnikov"));
        assert!(position("lenin-sokolnikov") < position("lenin-1922-09-26-kamenev"));
        assert!(position("lenin-1922-09-26-kamenev") < position("lenin-mdivani-meeting"));
        assert!(position("lenin-mdivani-meeting") < position("revised-draft"));
        assert!(position("lenin-1922-10-06-memo") < position("ussr-formed"));
        assert!(position("lenin-1923-03-06-mdivani") < position("lenin-final-stroke"));
        assert_eq!(ids.last(), Some(&"world-outlook-2022-introduction"));
        // Notes of two days are a span, as their header says.
        let notes = &entries[position("lenin-1922-12-30-autonomization")];
        assert_eq!(notes.date.precision, Precision::Range);
        // A passage in the body is found, for the view to open there.
        let talk = &entries[position("lenin-stalin")];
        let Opens::Text {
            passage: Some(range),
            ..
        } = &talk.opens
        else {
            panic!("{talk:?}");
        };
        let letter = bundled_library();
        let text = letter.get("lenin-1922-09-26-kamenev").unwrap();
        assert_eq!(
            text.slice(crate::model::text::CharRange(range.clone())),
            "and with Stalin today"
        );
        // The reconstruction of Clause 1 is no document of 1922 (no entry is made from it).
        assert!(entries.iter().all(|e| !e.title.contains("reconstruction")));
    }

    #[test]
    fn an_imported_text_takes_its_place_and_an_undated_one_is_listed_apart() {
        use crate::formats::text_format::TextMeta;
        use crate::model::text::Text;
        let mut library = bundled_library();
        let dated = TextMeta {
            id: "stalin-1922-12-26-report".into(),
            title: "Report to the Congress of Soviets".into(),
            date: "1922-12-26".into(),
            ..TextMeta::default()
        };
        let undated = TextMeta {
            id: "notes".into(),
            title: "My notes".into(),
            ..TextMeta::default()
        };
        assert!(library.insert(Text::new(dated, ["The Union.".to_owned()])));
        assert!(library.insert(Text::new(undated, ["Nothing dated.".to_owned()])));
        let (entries, undated) = timeline(&library, &bundled_events());
        assert_eq!(undated, ["My notes"]);
        let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        let at = ids
            .iter()
            .position(|i| *i == "stalin-1922-12-26-report")
            .unwrap();
        assert_eq!(ids[at + 1], "lenin-1922-12-30-autonomization");
    }

    #[test]
    fn a_bad_events_file_is_refused_with_the_reason() {
        assert!(events_from_json("[]").is_err());
        let wrong = r#"{"format":"lectern-timeline","version":1,"events":[{"id":"x","kind":"event","date":"soon","title":"x","text":"t","source":"s"}]}"#;
        assert!(events_from_json(wrong).unwrap_err().contains("no date"));
        let nowhere = r#"{"format":"lectern-timeline","version":1,"events":[{"id":"x","kind":"event","date":"1922","title":"x","source":"s"}]}"#;
        assert!(events_from_json(nowhere).unwrap_err().contains("must open"));
    }
}
