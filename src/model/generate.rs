//! A deterministic generator of large texts, for benchmarks and for trying Lectern at scale.
//!
//! The same seed and size always give the same text. Paragraphs have realistic lengths (a few
//! words to a few hundred), sentences start with a capital and end with a full stop, and about
//! one paragraph in five is Russian, so layout and search meet Cyrillic as they would in a real
//! corpus.

use super::annotation::{Annotation, default_categories};
use super::text::Text;
use crate::formats::text_format::TextMeta;
use crate::model::text::CharRange;

const ENGLISH: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "is",
    "for",
    "we",
    "it",
    "not",
    "be",
    "with",
    "as",
    "on",
    "this",
    "by",
    "which",
    "are",
    "republics",
    "union",
    "national",
    "question",
    "soviet",
    "federation",
    "committee",
    "central",
    "executive",
    "independence",
    "equality",
    "comrade",
    "party",
    "congress",
    "apparatus",
    "chauvinism",
    "nationalism",
    "oppressed",
    "proletarian",
    "internationalism",
    "treaty",
    "clause",
    "resolution",
    "commission",
    "autonomization",
    "government",
    "workers",
    "peasants",
    "Georgia",
    "Ukraine",
    "Moscow",
    "people's",
    "commissariats",
    "amendment",
    "formal",
    "unification",
    "entry",
    "political",
    "bureau",
    "member",
    "voluntary",
    "secede",
    "diplomatic",
    "language",
    "measures",
    "practical",
];

const RUSSIAN: &[&str] = &[
    "и",
    "в",
    "не",
    "на",
    "что",
    "с",
    "по",
    "к",
    "союз",
    "республик",
    "советских",
    "вопрос",
    "национальный",
    "объединение",
    "вступление",
    "договор",
    "комиссия",
    "пункт",
    "формальном",
    "независимыми",
    "взаимоотношениях",
    "федерации",
    "центральный",
    "исполнительный",
    "комитет",
    "равноправие",
    "интернационализм",
    "шовинизм",
    "великодержавный",
    "аппарат",
    "товарищ",
    "партии",
    "съезд",
    "Грузии",
    "Украины",
    "Белоруссии",
    "Азербайджана",
    "Армении",
    "ещё",
];

/// A small, fast, seeded pseudo-random generator (SplitMix64): deterministic across platforms.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `[low, high]`.
    pub fn range(&mut self, low: usize, high: usize) -> usize {
        let span = (high - low + 1) as u64;
        low + (self.next_u64() % span) as usize
    }
}

/// Paragraphs of about `target_bytes` bytes of UTF-8 in total, from `seed`.
pub fn paragraphs(seed: u64, target_bytes: usize) -> Vec<String> {
    let mut rng = SplitMix64::new(seed);
    let mut paragraphs = Vec::new();
    let mut total = 0;
    while total < target_bytes {
        let vocabulary = if rng.range(0, 4) == 0 {
            RUSSIAN
        } else {
            ENGLISH
        };
        // Mostly ordinary paragraphs, some one-liners (salutations, dates), a few very long ones.
        let words = match rng.range(0, 19) {
            0..=1 => rng.range(1, 6),
            2 => rng.range(250, 600),
            _ => rng.range(30, 160),
        };
        let mut paragraph = String::new();
        let mut sentence_left = 0;
        for index in 0..words {
            if sentence_left == 0 {
                if index > 0 {
                    paragraph.push_str(". ");
                }
                sentence_left = rng.range(6, 28);
                let word = vocabulary[rng.range(0, vocabulary.len() - 1)];
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    paragraph.extend(first.to_uppercase());
                    paragraph.push_str(chars.as_str());
                }
            } else {
                paragraph.push(if rng.range(0, 11) == 0 { ',' } else { ' ' });
                if paragraph.ends_with(',') {
                    paragraph.push(' ');
                }
                paragraph.push_str(vocabulary[rng.range(0, vocabulary.len() - 1)]);
            }
            sentence_left -= 1;
        }
        paragraph.push('.');
        total += paragraph.len() + 2;
        paragraphs.push(paragraph);
    }
    paragraphs
}

/// A generated text of about `target_bytes` bytes, with metadata saying it is generated.
pub fn large_text(seed: u64, target_bytes: usize) -> Text {
    let meta = TextMeta {
        id: format!("generated-{seed}-{target_bytes}").into(),
        title: format!(
            "Generated text ({:.1} MB, seed {seed})",
            target_bytes as f64 / 1e6
        ),
        author: "Lectern test generator".into(),
        date: "2026".into(),
        language: "en".into(),
        source: "Generated by lectern::model::generate".into(),
        licence: "No rights reserved (machine-generated)".into(),
        ..TextMeta::default()
    };
    Text::new(meta, paragraphs(seed, target_bytes))
}

/// A generated collected works: `volumes` texts of about `total_bytes` bytes in all, dated a
/// year apart from 1893, each with metadata saying it is generated. Seeded like [`paragraphs`],
/// so the same arguments always give the same volumes.
pub fn collected_works(seed: u64, total_bytes: usize, volumes: usize) -> Vec<Text> {
    let volumes = volumes.max(1);
    let per_volume = total_bytes.div_ceil(volumes);
    (0..volumes)
        .map(|index| {
            let number = index + 1;
            let meta = TextMeta {
                id: format!("generated-{seed}-volume-{number:02}").into(),
                title: format!("Collected works (generated), volume {number}"),
                author: "Lectern test generator".into(),
                date: format!("{}", 1893 + index.min(130)),
                language: "en".into(),
                source: "Generated by lectern::model::generate".into(),
                licence: "No rights reserved (machine-generated)".into(),
                ..TextMeta::default()
            };
            let volume_seed = seed.wrapping_mul(1_000).wrapping_add(number as u64);
            Text::new(meta, paragraphs(volume_seed, per_volume))
        })
        .collect()
}

/// `count` annotations spread over `texts` in proportion to their length: passages of one to
/// a dozen whole words, in all six default categories, about one in three with a note and
/// one in five with tags. The same arguments always give the same annotations.
pub fn annotations(texts: &[Text], count: usize, seed: u64) -> Vec<Annotation> {
    let mut rng = SplitMix64::new(seed);
    let categories = default_categories();
    let total: usize = texts
        .iter()
        .map(|t| t.content().len())
        .sum::<usize>()
        .max(1);
    let mut annotations = Vec::with_capacity(count);
    for (index, text) in texts.iter().enumerate() {
        // Texts before this one got their share; the last text gets what is left.
        let share = if index + 1 == texts.len() {
            count - annotations.len()
        } else {
            (count * text.content().len() / total).min(count - annotations.len())
        };
        for _ in 0..share {
            let n = annotations.len();
            let range = word_range(text, &mut rng);
            let category = &categories[rng.range(0, categories.len() - 1)];
            let second = 1_700_000_000 + n as u64 * 37;
            let mut annotation = Annotation::new(
                format!("generated-{seed}-{n}"),
                text,
                CharRange(range),
                Some(&category.category_id),
                &super::clock::rfc3339(
                    std::time::UNIX_EPOCH + std::time::Duration::from_secs(second),
                ),
            );
            if rng.range(0, 2) == 0 {
                let words = rng.range(3, 40);
                annotation.note = (0..words)
                    .map(|_| ENGLISH[rng.range(0, ENGLISH.len() - 1)])
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            if rng.range(0, 4) == 0 {
                annotation.tags = vec![format!("topic-{}", rng.range(1, 12))];
            }
            annotations.push(annotation);
        }
    }
    annotations
}

/// A range of one to twelve whole words in a random paragraph of `text`.
fn word_range(text: &Text, rng: &mut SplitMix64) -> std::ops::Range<usize> {
    let index = rng.range(0, text.paragraphs().len() - 1);
    let paragraph = &text.paragraphs()[index];
    let content = text.paragraph_text(index);
    // Word starts (character offsets within the paragraph).
    let mut starts = vec![0];
    let mut ends = Vec::new();
    for (at, c) in content.chars().enumerate() {
        if c == ' ' {
            ends.push(at);
            starts.push(at + 1);
        }
    }
    ends.push(paragraph.char_len());
    let first = rng.range(0, starts.len() - 1);
    let last = (first + rng.range(0, 11)).min(ends.len() - 1);
    paragraph.chars.start + starts[first]..paragraph.chars.start + ends[last]
}

/// Another "edition" of `text`: about `per_mille` words in a thousand replaced, dropped or
/// doubled, from `seed` (for comparison benchmarks and tests).
pub fn edited(text: &str, seed: u64, per_mille: usize) -> String {
    let mut rng = SplitMix64::new(seed);
    let mut out = String::with_capacity(text.len() + text.len() / 50);
    for piece in text.split_inclusive(' ') {
        if rng.range(0, 999) >= per_mille {
            out.push_str(piece);
            continue;
        }
        match rng.range(0, 2) {
            0 => {
                out.push_str(ENGLISH[rng.range(0, ENGLISH.len() - 1)]);
                out.push(' ');
            }
            1 => {}
            _ => {
                out.push_str(piece);
                out.push_str(piece);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edited_text_differs_a_little() {
        let text = paragraphs(3, 20_000).join("\n\n");
        let edited = edited(&text, 4, 20);
        assert_ne!(edited, text);
        let (a, b) = (text.split(' ').count(), edited.split(' ').count());
        assert!(a.abs_diff(b) < a / 20, "{a} and {b} words");
    }

    #[test]
    fn the_same_seed_gives_the_same_text() {
        assert_eq!(paragraphs(7, 20_000), paragraphs(7, 20_000));
        assert_ne!(paragraphs(7, 20_000), paragraphs(8, 20_000));
    }

    #[test]
    fn collected_works_are_dated_volumes_of_the_asked_size() {
        let volumes = collected_works(5, 600_000, 6);
        assert_eq!(volumes.len(), 6);
        let total: usize = volumes.iter().map(|v| v.content().len()).sum();
        assert!((600_000..640_000).contains(&total), "{total} bytes");
        let ids: std::collections::HashSet<&str> =
            volumes.iter().map(|v| v.id().as_str()).collect();
        assert_eq!(ids.len(), 6);
        assert_eq!(volumes[0].meta().date, "1893");
        assert_eq!(volumes[5].meta().date, "1898");
        assert_ne!(volumes[0].content(), volumes[1].content());
        assert_eq!(
            collected_works(5, 600_000, 6)[3].content(),
            volumes[3].content()
        );
    }

    #[test]
    fn annotations_are_spread_over_the_volumes_on_whole_words() {
        let volumes = collected_works(5, 400_000, 4);
        let annotations = annotations(&volumes, 1_000, 9);
        assert_eq!(annotations.len(), 1_000);
        let ids: std::collections::HashSet<&str> = annotations
            .iter()
            .map(|a| a.annotation_id.as_str())
            .collect();
        assert_eq!(ids.len(), 1_000, "ids are unique");
        for volume in &volumes {
            let here: Vec<&Annotation> = annotations
                .iter()
                .filter(|a| a.text_id == volume.id())
                .collect();
            assert!(
                (200..300).contains(&here.len()),
                "{} on {}",
                here.len(),
                volume.id()
            );
            for annotation in here {
                let quote = volume.slice((annotation.anchor.start..annotation.anchor.end).into());
                assert_eq!(quote, annotation.anchor.exact);
                assert!(!quote.is_empty() && !quote.starts_with(' ') && !quote.ends_with(' '));
                assert!(!quote.contains("\n\n"), "within one paragraph: {quote:?}");
            }
        }
        assert!(annotations.iter().any(|a| !a.note.is_empty()));
        assert!(annotations.iter().any(|a| a.note.is_empty()));
        assert!(annotations.iter().any(|a| !a.tags.is_empty()));
        assert_eq!(annotations, super::annotations(&volumes, 1_000, 9));
    }

    #[test]
    fn size_and_shape_are_realistic() {
        let text = large_text(1, 500_000);
        let bytes = text.content().len();
        assert!((500_000..520_000).contains(&bytes), "{bytes} bytes");
        let count = text.paragraphs().len();
        assert!((300..3_000).contains(&count), "{count} paragraphs");
        assert!(text.content().contains('ю') || text.content().contains('е'));
        assert!(text.paragraphs().iter().all(|p| p.char_len() > 0));
    }
}
