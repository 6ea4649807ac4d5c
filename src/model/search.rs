//! Search: find a phrase in texts as a reader types it.
//!
//! A text is searched through its *folded* copy, built once (off the UI thread for a large
//! corpus): case folded by Unicode's full case folding (Cyrillic and Georgian included; ß and
//! ẞ fold to ss, ſ to s, final ς to σ, the ﬁ ligature to fi), diacritics removed
//! by canonical decomposition (é → e, ё → е; й stays й, a letter of its own in Russian), and
//! every run of white space, line breaks, hyphens and dashes included, one space. The query is folded the same way,
//! so "союза  Советских" finds "Союза\nсоветских". Matches are found with a SIMD substring
//! search (`memchr::memmem`) and mapped back to character offsets of the original text through
//! checkpoints, so the folded copy costs about the text's own size.

use std::ops::Range;

use caseless::Caseless;
use unicode_normalization::char::decompose_canonical;

pub mod everything;

/// How to search.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SearchOptions {
    /// Upper and lower case must match (diacritics and spacing are still folded).
    pub match_case: bool,
    /// Only matches that are whole words (no letter or digit just before or after).
    pub whole_words: bool,
}

/// Every this many folded bytes a checkpoint maps the folded copy back to the original.
const CHECKPOINT: usize = 256;

/// A text's folded copy.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    folded: String,
    /// (folded byte, original byte, original character) at the start of an original character.
    checkpoints: Vec<(usize, usize, usize)>,
    match_case: bool,
}

/// Appends the folded form of `ch`; `space` tracks whether the output ends in a folded space.
fn fold_char(out: &mut String, ch: char, match_case: bool, space: &mut bool) {
    // Hyphens and dashes separate words like spaces: "great russian" finds "Great-Russian".
    if ch.is_whitespace() || matches!(ch, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―') {
        if !*space {
            out.push(' ');
            *space = true;
        }
        return;
    }
    *space = false;
    if ch.is_ascii() {
        out.push(if match_case {
            ch
        } else {
            ch.to_ascii_lowercase()
        });
        return;
    }
    let mut push = |c: char| {
        if match_case {
            out.push(c);
        } else {
            out.extend(std::iter::once(c).default_case_fold());
        }
    };
    match ch {
        // Letters of their own in Russian, not е or и with a mark.
        'й' | 'Й' => push(ch),
        _ => decompose_canonical(ch, |part| {
            if !is_combining_mark(part) {
                push(part);
            }
        }),
    }
}

/// Combining diacritical marks (the blocks canonical decomposition produces).
fn is_combining_mark(ch: char) -> bool {
    matches!(ch,
        '\u{300}'..='\u{36f}'
        | '\u{483}'..='\u{489}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}')
}

/// Folds a query (or any short string) as texts are folded, without its outer white space.
pub fn fold_query(query: &str, match_case: bool) -> String {
    let mut out = String::with_capacity(query.len());
    let mut space = true; // drops leading white space
    for ch in query.chars() {
        fold_char(&mut out, ch, match_case, &mut space);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

impl Folded {
    /// Folds `text` (case folded unless `match_case`).
    pub fn new(text: &str, match_case: bool) -> Self {
        let mut folded = String::with_capacity(text.len() + text.len() / 16);
        let mut checkpoints = vec![(0, 0, 0)];
        let mut space = false;
        let mut next = CHECKPOINT;
        for (chars, (byte, ch)) in text.char_indices().enumerate() {
            if folded.len() >= next {
                checkpoints.push((folded.len(), byte, chars));
                next = folded.len() + CHECKPOINT;
            }
            fold_char(&mut folded, ch, match_case, &mut space);
        }
        Self {
            folded,
            checkpoints,
            match_case,
        }
    }

    /// Whether this copy keeps case.
    pub fn match_case(&self) -> bool {
        self.match_case
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// The original characters that folded into the folded bytes `start..end` (the first
    /// character whose folding covers `start` to the last whose folding covers `end - 1`);
    /// `text` is the original.
    fn original_range(&self, text: &str, start: usize, end: usize) -> Range<usize> {
        let index = self
            .checkpoints
            .partition_point(|&(folded, _, _)| folded <= start)
            .saturating_sub(1);
        let (mut folded, byte, mut chars) = self.checkpoints[index];
        let mut space = index > 0 && self.folded[..folded].ends_with(' ');
        let mut scratch = String::new();
        let mut first = None;
        for ch in text[byte..].chars() {
            scratch.clear();
            fold_char(&mut scratch, ch, self.match_case, &mut space);
            folded += scratch.len();
            if first.is_none() && folded > start {
                first = Some(chars);
            }
            chars += 1;
            if folded >= end && first.is_some() {
                break;
            }
        }
        first.unwrap_or(chars)..chars
    }

    /// The matches of an already folded `query` in this copy of `text`, as character ranges
    /// of `text`: at most `limit` of them, and the count of all.
    pub fn find(
        &self,
        text: &str,
        query: &str,
        options: SearchOptions,
        limit: usize,
    ) -> (Vec<Range<usize>>, usize) {
        if query.is_empty() {
            return (Vec::new(), 0);
        }
        let haystack = self.folded.as_bytes();
        let spans = memchr::memmem::find_iter(haystack, query.as_bytes())
            .map(|start| (start, start + query.len()));
        self.place(text, spans, options, limit)
    }

    /// The matches of any of several folded `phrases` (see [`Folded::find`]), in order, none
    /// overlapping another (where two would, the one that starts first, then the longer):
    /// one substring search of this copy for each group of phrases that share their anchor.
    pub fn find_phrases(
        &self,
        text: &str,
        phrases: &Phrases,
        options: SearchOptions,
        limit: usize,
    ) -> (Vec<Range<usize>>, usize) {
        if let [group] = phrases.groups.as_slice()
            && let [(phrase, _)] = group.phrases.as_slice()
        {
            return self.find(text, phrase, options, limit);
        }
        let haystack = self.folded.as_bytes();
        let mut spans = Vec::new();
        for group in &phrases.groups {
            for at in memchr::memmem::find_iter(haystack, &group.anchor) {
                for (phrase, offsets) in &group.phrases {
                    for &offset in offsets {
                        let Some(start) = at.checked_sub(offset) else {
                            continue;
                        };
                        if haystack[start..].starts_with(phrase.as_bytes()) {
                            spans.push((start, start + phrase.len()));
                        }
                    }
                }
            }
        }
        spans.sort_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
        let mut reached = 0;
        spans.retain(|&(start, end)| {
            let keep = start >= reached;
            if keep {
                reached = end;
            }
            keep
        });
        self.place(text, spans.into_iter(), options, limit)
    }

    /// The matches at `spans` (folded bytes, ascending) as character ranges of `text`, those
    /// that are not whole words left out when asked: at most `limit` placed, all counted.
    fn place(
        &self,
        text: &str,
        spans: impl Iterator<Item = (usize, usize)>,
        options: SearchOptions,
        limit: usize,
    ) -> (Vec<Range<usize>>, usize) {
        let (mut found, mut count) = (Vec::new(), 0);
        for (start, end) in spans {
            if options.whole_words && !self.is_word_boundary(start, end) {
                continue;
            }
            count += 1;
            if found.len() < limit {
                found.push(self.original_range(text, start, end));
            }
        }
        (found, count)
    }

    fn is_word_boundary(&self, start: usize, end: usize) -> bool {
        let before = self.folded[..start].chars().next_back();
        let after = self.folded[end..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    }
}

/// A run of bytes shared by phrases is searched for them all when it is at least this long.
const SHARED_ANCHOR: usize = 5;

/// Several folded phrases to find together ([`Folded::find_phrases`]): phrases that share a
/// run of at least five bytes ("onikidze" of "ordzhonikidze", "orjonikidze" and "orgonikidze")
/// are one group, found by one SIMD substring search for that run with each place checked
/// against them, so that a name and its spellings cost about one search, not one each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Phrases {
    groups: Vec<PhraseGroup>,
}

/// Phrases that all contain `anchor`, each with the byte offsets of the anchor in it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PhraseGroup {
    anchor: Vec<u8>,
    phrases: Vec<(String, Vec<usize>)>,
}

/// The longest run of bytes `a` and `b` share.
fn longest_shared(a: &[u8], b: &[u8]) -> Vec<u8> {
    let mut best = (0, 0);
    let mut row = vec![0usize; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        for j in (0..b.len()).rev() {
            row[j + 1] = if x == b[j] { row[j] + 1 } else { 0 };
            if row[j + 1] > best.1 {
                best = (i + 1 - row[j + 1], row[j + 1]);
            }
        }
    }
    a[best.0..best.0 + best.1].to_vec()
}

impl Phrases {
    /// Groups the folded `phrases` (empty ones left out) by the runs they share.
    pub fn new(phrases: &[String]) -> Self {
        let mut groups: Vec<PhraseGroup> = Vec::new();
        for phrase in phrases.iter().filter(|p| !p.is_empty()) {
            let shared = groups
                .iter()
                .enumerate()
                .map(|(n, g)| (n, longest_shared(&g.anchor, phrase.as_bytes())))
                .filter(|(_, run)| run.len() >= SHARED_ANCHOR)
                .max_by_key(|(_, run)| run.len());
            match shared {
                Some((n, run)) => {
                    groups[n].anchor = run;
                    groups[n].phrases.push((phrase.clone(), Vec::new()));
                }
                None => groups.push(PhraseGroup {
                    anchor: phrase.as_bytes().to_vec(),
                    phrases: vec![(phrase.clone(), Vec::new())],
                }),
            }
        }
        for group in &mut groups {
            for (phrase, offsets) in &mut group.phrases {
                *offsets = memchr::memmem::find_iter(phrase.as_bytes(), &group.anchor).collect();
            }
        }
        Self { groups }
    }

    /// How many substring searches of a text finding them takes.
    pub fn passes(&self) -> usize {
        self.groups.len()
    }

    /// Whether there is no phrase.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// Many short texts (the notes and tags of annotations) folded once and searched together.
pub struct NotesIndex {
    joined: String,
    folded: Folded,
    /// The character offset in `joined` where each entry starts, and one past the last.
    starts: Vec<usize>,
}

impl NotesIndex {
    /// Folds `entries` (joined by a blank line, which no match may cross).
    pub fn new(entries: impl IntoIterator<Item = String>, match_case: bool) -> Self {
        let mut joined = String::new();
        let mut starts = Vec::new();
        let mut chars = 0;
        for entry in entries {
            if !starts.is_empty() {
                joined.push_str("\n\n");
                chars += 2;
            }
            starts.push(chars);
            chars += entry.chars().count();
            joined.push_str(&entry);
        }
        starts.push(chars);
        let folded = Folded::new(&joined, match_case);
        Self {
            joined,
            folded,
            starts,
        }
    }

    /// Whether it was folded for a case-sensitive search.
    pub fn match_case(&self) -> bool {
        self.folded.match_case()
    }

    /// The positions of the entries in which the folded `query` occurs, ascending.
    pub fn matching(&self, query: &str, options: SearchOptions) -> Vec<usize> {
        let (found, _) = self.folded.find(&self.joined, query, options, usize::MAX);
        let mut entries: Vec<usize> = found
            .into_iter()
            .filter_map(|range| {
                let entry = self.starts.partition_point(|&s| s <= range.start) - 1;
                (range.end <= self.starts[entry + 1]).then_some(entry)
            })
            .collect();
        entries.dedup();
        entries
    }

    /// The entries in which the folded `query` occurs, ascending, each with its first match
    /// (characters of the entry).
    pub fn first_matches(&self, query: &str, options: SearchOptions) -> Vec<(usize, Range<usize>)> {
        let (found, _) = self.folded.find(&self.joined, query, options, usize::MAX);
        let mut first: Vec<(usize, Range<usize>)> = Vec::new();
        for range in found {
            let entry = self.starts.partition_point(|&s| s <= range.start) - 1;
            let start = self.starts[entry];
            if range.end > self.starts[entry + 1] || first.last().is_some_and(|(e, _)| *e == entry)
            {
                continue;
            }
            first.push((entry, range.start - start..range.end - start));
        }
        first
    }
}

/// Where a match stands: the line of context around it.
pub fn context(text: &str, range: Range<usize>, around: usize) -> (String, Range<usize>) {
    let chars: Vec<char> = text
        .chars()
        .skip(range.start.saturating_sub(around))
        .take(range.end - range.start.saturating_sub(around) + around)
        .collect();
    let lead = range.start - range.start.saturating_sub(around);
    let line: String = chars
        .iter()
        .map(|&c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    (line, lead..lead + (range.end - range.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_searched_together_and_no_match_crosses_two_of_them() {
        let notes = [
            "Great-Russian chauvinism",
            "about the union",
            "Union of republics",
            "",
        ];
        let index = NotesIndex::new(notes.iter().map(|n| (*n).to_owned()), false);
        let find = |q: &str| index.matching(&fold_query(q, false), SearchOptions::default());
        assert_eq!(find("union"), vec![1, 2]);
        assert_eq!(find("chauvinism"), vec![0]);
        assert_eq!(find("union union"), Vec::<usize>::new(), "across two notes");
        assert_eq!(find("republics"), vec![2]);
        assert_eq!(find("nothing"), Vec::<usize>::new());
        let empty = NotesIndex::new(Vec::new(), false);
        assert!(empty.matching("a", SearchOptions::default()).is_empty());
    }

    fn find(text: &str, query: &str, options: SearchOptions) -> Vec<String> {
        let folded = Folded::new(text, options.match_case);
        let (found, count) =
            folded.find(text, &fold_query(query, options.match_case), options, 100);
        assert_eq!(found.len(), count);
        found
            .into_iter()
            .map(|r| text.chars().skip(r.start).take(r.len()).collect())
            .collect()
    }

    #[test]
    fn case_and_diacritics_fold_in_every_script_and_yo_is_ye() {
        let text =
            "Союз Советских Республик. СОЮЗ. Ещё раз: ещё. Café, CAFÉ. ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ საქართველო.";
        assert_eq!(
            find(text, "союз", SearchOptions::default()),
            ["Союз", "СОЮЗ"]
        );
        assert_eq!(find(text, "еще", SearchOptions::default()), ["Ещё", "ещё"]);
        assert_eq!(
            find(text, "cafe", SearchOptions::default()),
            ["Café", "CAFÉ"]
        );
        assert_eq!(
            find(text, "საქართველო", SearchOptions::default()),
            ["ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ", "საქართველო"]
        );
        let exact = SearchOptions {
            match_case: true,
            ..SearchOptions::default()
        };
        assert_eq!(find(text, "Союз", exact), ["Союз"]);
    }

    #[test]
    fn full_case_folding_finds_what_lower_case_alone_would_miss() {
        let text = "Die STRASSE und die Straße. Der Meſſias. ΣΟΦΟΣ σοφός. Der ﬁnanzielle Teil.";
        assert_eq!(
            find(text, "straße", SearchOptions::default()),
            ["STRASSE", "Straße"],
            "ß is ss"
        );
        assert_eq!(
            find(text, "STRASSE", SearchOptions::default()),
            ["STRASSE", "Straße"]
        );
        assert_eq!(
            find(text, "messias", SearchOptions::default()),
            ["Meſſias"],
            "the long s of old prints is s"
        );
        assert_eq!(
            find(text, "σοφοσ", SearchOptions::default()),
            ["ΣΟΦΟΣ", "σοφός"],
            "final sigma is sigma"
        );
        assert_eq!(
            find(text, "finanzielle", SearchOptions::default()),
            ["ﬁnanzielle"],
            "a ligature is its letters"
        );
        // Matched in the original text to whole characters, with the case kept when asked.
        let exact = SearchOptions {
            match_case: true,
            ..SearchOptions::default()
        };
        assert_eq!(find(text, "Straße", exact), ["Straße"]);
    }

    #[test]
    fn hyphens_and_dashes_count_as_spaces() {
        let text = "the Great-Russian chauvinist — a rascal";
        assert_eq!(
            find(text, "great russian", SearchOptions::default()),
            ["Great-Russian"]
        );
        assert_eq!(
            find(text, "great-russian", SearchOptions::default()),
            ["Great-Russian"]
        );
        assert_eq!(
            find(text, "chauvinist a", SearchOptions::default()),
            ["chauvinist — a"]
        );
    }

    #[test]
    fn short_i_is_its_own_letter() {
        assert_eq!(find("мой мои", "мой", SearchOptions::default()), ["мой"]);
    }

    #[test]
    fn a_phrase_matches_across_line_breaks_and_spacing() {
        let text = "a Union of Soviet\nRepublics of Europe\n\n  and Asia";
        assert_eq!(
            find(text, "soviet  republics", SearchOptions::default()),
            ["Soviet\nRepublics"]
        );
        assert_eq!(
            find(text, "europe and asia", SearchOptions::default()),
            ["Europe\n\n  and Asia"]
        );
    }

    #[test]
    fn whole_words_skip_matches_inside_words() {
        let text = "union, unions, reunion; Union";
        let whole = SearchOptions {
            whole_words: true,
            ..SearchOptions::default()
        };
        assert_eq!(find(text, "union", whole), ["union", "Union"]);
        assert_eq!(find(text, "union", SearchOptions::default()).len(), 4);
    }

    #[test]
    fn matches_map_back_exactly_in_a_long_text_past_many_checkpoints() {
        let paragraph = "Ёлка и ЁЖ — café\n\n".repeat(2_000);
        let text = format!("{paragraph}the needle Ёж here");
        let found = find(&text, "еж here", SearchOptions::default());
        assert_eq!(found, ["Ёж here"]);
        let folded = Folded::new(&text, false);
        let (_, count) = folded.find(&text, &fold_query("еж", false), SearchOptions::default(), 0);
        assert_eq!(count, 2_001, "counted without mapping");
    }

    #[test]
    fn phrases_sharing_a_run_are_found_in_one_pass_as_each_alone_finds_them() {
        let paragraph = "Orjonikidze и Орджоникидзе; ORGONIKIDZE — Ёж, Sergo Ordzhonikidze, \
                         Orjonikidze’s onikidze\n\n";
        let text = paragraph.repeat(300);
        let phrases: Vec<String> = [
            "ordzhonikidze",
            "orjonikidze",
            "orgonikidze",
            "орджоникидзе",
        ]
        .iter()
        .map(|p| fold_query(p, false))
        .collect();
        let grouped = Phrases::new(&phrases);
        assert_eq!(grouped.passes(), 2, "the Latin spellings share “onikidze”");
        let folded = Folded::new(&text, false);
        for options in [
            SearchOptions::default(),
            SearchOptions {
                whole_words: true,
                ..SearchOptions::default()
            },
        ] {
            let (found, count) = folded.find_phrases(&text, &grouped, options, usize::MAX);
            let mut alone = Vec::new();
            for phrase in &phrases {
                alone.extend(folded.find(&text, phrase, options, usize::MAX).0);
            }
            alone.sort_by_key(|r| r.start);
            assert_eq!(found, alone);
            assert_eq!(count, 5 * 300);
            let (placed, all) = folded.find_phrases(&text, &grouped, options, 7);
            assert_eq!((placed.as_slice(), all), (&alone[..7], count));
        }
        // Overlapping phrases: the one that starts first, then the longer.
        let overlapping = Phrases::new(&["great russian".into(), "russian chauvinism".into()]);
        let text = "Great-Russian chauvinism";
        let (found, _) =
            Folded::new(text, false).find_phrases(text, &overlapping, SearchOptions::default(), 10);
        assert_eq!(found, vec![Range { start: 0, end: 13 }]);
        assert!(Phrases::new(&[String::new()]).is_empty());
        assert_eq!(longest_shared(b"dzerzhinsky", b"dzershinsky"), b"hinsky");
    }

    #[test]
    fn context_shows_the_match_in_its_line() {
        let (line, at) = context("one\ntwo three four", 8..13, 4);
        assert_eq!(line, "two three fou");
        assert_eq!(&line[at.start..at.end], "three");
    }
}
