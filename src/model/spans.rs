//! An index of character ranges (highlights, search matches) for finding quickly those that
//! touch a stretch of text.
//!
//! A pane draws only the paragraphs in view, and a reader may have ten thousand highlights in a
//! volume: looking at every highlight for every paragraph in every frame would cost more than
//! the drawing. [`SpanIndex`] keeps the ranges ordered by start with the running maximum of
//! their ends, so the ranges overlapping a paragraph are found by two binary searches and a
//! short scan. Ranges longer than [`LONG_SPAN`] characters (a highlighted chapter) are kept
//! apart and always checked, so that one of them cannot lengthen every scan.

use crate::model::text::CharRange;
use std::ops::Range;

/// Ranges at least this long are checked on every query instead of being indexed.
pub const LONG_SPAN: usize = 16_384;

/// An index over a list of ranges; queries answer positions in that list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanIndex {
    /// Positions of the short ranges, ordered by start.
    order: Vec<u32>,
    /// The start of each of `order`'s ranges.
    starts: Vec<usize>,
    /// The end of each of `order`'s ranges.
    ends: Vec<usize>,
    /// The largest end among `order[..=i]` (never decreasing).
    max_ends: Vec<usize>,
    /// Positions of the long ranges.
    long: Vec<u32>,
    /// The ranges' ends and starts by position (for the long ones).
    long_ranges: Vec<Range<usize>>,
}

impl SpanIndex {
    /// An index with no ranges.
    pub const EMPTY: Self = Self {
        order: Vec::new(),
        starts: Vec::new(),
        ends: Vec::new(),
        max_ends: Vec::new(),
        long: Vec::new(),
        long_ranges: Vec::new(),
    };

    /// Indexes `ranges` (empty ones are never found).
    pub fn new<'a>(ranges: impl IntoIterator<Item = &'a CharRange>) -> Self {
        let mut short: Vec<(usize, usize, u32)> = Vec::new();
        let mut index = Self::default();
        for (position, range) in ranges.into_iter().enumerate() {
            let position = u32::try_from(position).unwrap_or(u32::MAX);
            if range.start >= range.end {
                continue;
            }
            if range.end - range.start >= LONG_SPAN {
                index.long.push(position);
                index.long_ranges.push(range.range());
            } else {
                short.push((range.start, range.end, position));
            }
        }
        short.sort_unstable();
        let mut max_end = 0;
        for (start, end, position) in short {
            max_end = max_end.max(end);
            index.order.push(position);
            index.starts.push(start);
            index.ends.push(end);
            index.max_ends.push(max_end);
        }
        index
    }

    /// How many ranges are indexed (empty ones not counted).
    pub fn len(&self) -> usize {
        self.order.len() + self.long.len()
    }

    /// Whether no range is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The positions of the ranges that share at least one character with `within`, in
    /// ascending order (the order they were given in, which is the painting order).
    pub fn overlapping(&self, within: CharRange) -> Vec<usize> {
        let mut found = Vec::new();
        if within.start >= within.end {
            return found;
        }
        // Ranges from `first` on may end after `within.start`; those before `last` start
        // before `within.end`.
        let first = self.max_ends.partition_point(|&end| end <= within.start);
        let last = self.starts.partition_point(|&start| start < within.end);
        for i in first..last.max(first) {
            if self.ends[i] > within.start {
                found.push(self.order[i] as usize);
            }
        }
        for (position, range) in self.long.iter().zip(&self.long_ranges) {
            if range.start < within.end && within.start < range.end {
                found.push(*position as usize);
            }
        }
        found.sort_unstable();
        found
    }

    /// The positions of the ranges that contain the character at `offset`, ascending.
    pub fn containing(&self, offset: usize) -> Vec<usize> {
        self.overlapping((offset..offset + 1).into())
    }
}

/// The ranges of a sorted list of non-overlapping `ranges` (search matches) that share a
/// character with `within`.
pub fn sorted_overlapping(ranges: &[CharRange], within: CharRange) -> &[CharRange] {
    let first = ranges.partition_point(|r| r.end <= within.start);
    let last = ranges.partition_point(|r| r.start < within.end);
    &ranges[first..last.max(first)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate::SplitMix64;
    use crate::model::text::CharRange;

    fn naive(ranges: &[CharRange], within: Range<usize>) -> Vec<usize> {
        ranges
            .iter()
            .enumerate()
            .filter(|(_, r)| r.start < r.end && within.start < within.end)
            .filter(|(_, r)| r.start < within.end && within.start < r.end)
            .map(|(i, _)| i)
            .collect()
    }

    #[test]
    fn finds_what_overlaps_and_nothing_that_only_touches() {
        let ranges: Vec<CharRange> = [10..20, 0..5, 15..16, 30..40, 18..31, 7..7]
            .into_iter()
            .map(CharRange)
            .collect();
        let index = SpanIndex::new(&ranges);
        assert_eq!(index.len(), 5, "the empty range is not indexed");
        assert_eq!(index.overlapping((5..10).into()), Vec::<usize>::new());
        assert_eq!(index.overlapping((0..100).into()), vec![0, 1, 2, 3, 4]);
        assert_eq!(index.overlapping((19..30).into()), vec![0, 4]);
        assert_eq!(index.overlapping((40..50).into()), Vec::<usize>::new());
        assert_eq!(index.containing(15), vec![0, 2]);
        assert_eq!(index.containing(7), Vec::<usize>::new());
        assert_eq!(index.overlapping((12..12).into()), Vec::<usize>::new());
        assert!(SpanIndex::EMPTY.overlapping((0..10).into()).is_empty());
    }

    #[test]
    fn agrees_with_a_plain_scan_on_random_ranges_long_and_short() {
        let mut rng = SplitMix64::new(11);
        let mut ranges = Vec::new();
        for _ in 0..3_000 {
            let start = rng.range(0, 1_000_000);
            let length = match rng.range(0, 50) {
                0 => rng.range(LONG_SPAN, 200_000),
                1 => 0,
                _ => rng.range(1, 400),
            };
            ranges.push(CharRange(start..start + length));
        }
        let index = SpanIndex::new(&ranges);
        for _ in 0..2_000 {
            let start = rng.range(0, 1_100_000);
            let within = start..start + rng.range(0, 3_000);
            assert_eq!(
                index.overlapping(CharRange(within.clone())),
                naive(&ranges, within)
            );
        }
    }

    #[test]
    fn sorted_matches_are_cut_to_those_in_view() {
        let matches: Vec<CharRange> = [0..3, 10..13, 20..23, 30..33]
            .into_iter()
            .map(CharRange)
            .collect();
        assert_eq!(
            sorted_overlapping(&matches, (11..21).into()),
            &matches[1..3]
        );
        assert!(sorted_overlapping(&matches, (13..20).into()).is_empty());
        assert_eq!(sorted_overlapping(&matches, (0..100).into()), &matches[..]);
    }
}
