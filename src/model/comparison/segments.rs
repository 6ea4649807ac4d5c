//! Segments: a wording cut into numbered clauses, paragraphs or sentences, and a pair of
//! wordings walked segment by segment along their one diff.

use super::*;

/// A wording's segments: their character ranges and their labels ([`segment`]).
pub(super) type Segmented = (Vec<Range<usize>>, Vec<String>);

/// The first wording's segments (ranges and labels, [`segment`]) and the diff of each other
/// wording against it: the first is cut into segments while the others are compared with it
/// (at once, on rayon's pool, when they are long).
pub(super) fn segmented_and_diffed(
    inputs: &[impl std::borrow::Borrow<WordingInput> + Sync],
    normalization: &Normalization,
) -> (Segmented, Vec<Vec<Op>>) {
    let base = &inputs[0].borrow().text;
    let diffs = || -> Vec<Vec<Op>> {
        let others = inputs.iter().skip(1);
        others
            .map(|input| diff::diff(base, &input.borrow().text, normalization))
            .collect()
    };
    if base.len() > PARALLEL_SIZE {
        rayon::join(|| segment(base), diffs)
    } else {
        (segment(base), diffs())
    }
}

/// The segments of a pair of wordings `a` and `b` exactly as [`Comparison::compared_pair`]
/// cuts them, from their whole diff `ops` and where the segments start in `a`, walked in order
/// without being kept: `each(segment, a's wording, b's wording, the part of ops within them)`
/// (ranges counted from the segments' starts; empty unless both have a wording there) for
/// each of `segments`.
pub(crate) fn walk_pair<'t>(
    (a, b): (&'t str, &'t str),
    (ops, starts): (&[Op], &[usize]),
    segments: Range<usize>,
    mut each: impl FnMut(usize, Option<&'t str>, Option<&'t str>, Vec<Op>),
) {
    let b_starts = map_positions(ops, starts, (a, b));
    let (mut in_a, mut in_b) = (CharCursor::new(a), CharCursor::new(b));
    for segment in segments {
        let (a_range, a_text) = cut_at(&mut in_a, starts, segment);
        let (b_range, b_text) = cut_at(&mut in_b, &b_starts, segment);
        let ops = match (a_text, b_text) {
            (Some(_), Some(_)) => clip_ops(ops, a_range, b_range),
            _ => Vec::new(),
        };
        each(segment, a_text, b_text, ops);
    }
}

/// Segment `n` of a wording whose segments start at `cuts` (the first at its start, the last
/// running to its end), trimmed of white space as [`trim_range`] trims: its character range
/// and its wording (`None` when blank).
pub(super) fn cut_at<'t>(
    cursor: &mut CharCursor<'t>,
    cuts: &[usize],
    n: usize,
) -> (Range<usize>, Option<&'t str>) {
    let start = if n == 0 { 0 } else { cuts[n] };
    let end = cuts.get(n + 1).copied().unwrap_or(usize::MAX).max(start);
    let slice = cursor.slice(start..end);
    let after_leading = slice.trim_start();
    let kept = after_leading.trim_end();
    if kept.is_empty() {
        return (start..start, None);
    }
    let leading = slice[..slice.len() - after_leading.len()].chars().count();
    let trailing = after_leading[kept.len()..].chars().count();
    (start + leading..cursor.position() - trailing, Some(kept))
}

/// The cells of `segments` of a pair of wordings, each the part of their whole diff within it.
pub(super) fn pair_rows(
    comparison: &Comparison,
    built: &Built,
    segments: Range<usize>,
) -> ComparisonResult {
    let mut result = ComparisonResult::default();
    for segment in segments {
        let mut row = vec![Cell::default(); 2];
        let (Some(Some(theirs)), Some(Some(own))) = (
            comparison.witnesses[0].segments.get(segment),
            comparison.witnesses[1].segments.get(segment),
        ) else {
            result.cells.push(row);
            continue;
        };
        let (a_range, b_range) = (&built.ranges[0][segment], &built.ranges[1][segment]);
        let ops = clip_ops(&built.ops[1], a_range.clone(), b_range.clone());
        let at = Place {
            segment,
            witness: 1,
            reference: 0,
        };
        let texts = (theirs.text.as_str(), own.text.as_str());
        mark_cell(&mut row, &mut result.differences, at, texts, ops, false);
        result.cells.push(row);
    }
    result
}

/// Where each of `positions` (characters of the first of `texts`, in increasing order) falls
/// in the second, by the operations of their diff, in one pass over `ops`. Insertions at a
/// boundary stay with the segment before it. Inside an equal operation whose two sides differ
/// in length (white space collapsed, punctuation ignored), a position is carried across by
/// the letters and digits before it, which both sides have alike: the start of a word maps to
/// the start of the same word, not to a place shifted by the white space between.
pub fn map_positions(ops: &[Op], positions: &[usize], (a, b): (&str, &str)) -> Vec<usize> {
    let mut mapped = Vec::with_capacity(positions.len());
    // The texts as the diff compared them: an editor's “[sic]” blanked out.
    let (a, b) = (diff::unmarked(a), diff::unmarked(b));
    let (mut in_a, mut in_b) = (CharCursor::new(&a), CharCursor::new(&b));
    let mut stepping: Option<(usize, InStep<'_>)> = None;
    let mut index = 0;
    for &position in positions {
        // Skip the insertions and the operations ending at or before the position (positions
        // increase, so they are skipped for good).
        while let Some(op) = ops.get(index) {
            if op.kind == OpKind::Insert || op.a.end <= position {
                index += 1;
            } else {
                break;
            }
        }
        mapped.push(match ops.get(index) {
            Some(op) if op.kind == OpKind::Equal => {
                if stepping.as_ref().is_none_or(|(at, _)| *at != index) {
                    let sides = (in_a.slice(op.a.range()), in_b.slice(op.b.range()));
                    stepping = Some((index, InStep::new(sides, (op.a.start, op.b.start))));
                }
                match &mut stepping {
                    Some((_, step)) => step.to(position),
                    None => op.b.start,
                }
            }
            Some(op) => op.b.start,
            None => ops.last().map_or(0, |op| op.b.end),
        });
    }
    mapped
}

/// The two sides of an equal operation walked in step, letter for letter (see
/// [`map_positions`]).
pub(super) struct InStep<'t> {
    /// What is left of the first side, and the character it starts at.
    pub(super) a: std::str::Chars<'t>,
    pub(super) at_a: usize,
    /// What is left of the second side (just after the letter matching the last one passed
    /// in the first), and the character it starts at.
    pub(super) b: &'t str,
    pub(super) at_b: usize,
    /// The two sides are the same text: a position is the same offset in both.
    pub(super) same: bool,
    /// Where the last position asked for fell, while no letter has been passed since.
    pub(super) fell: Option<usize>,
}

impl<'t> InStep<'t> {
    pub(super) fn new((a, b): (&'t str, &'t str), (at_a, at_b): (usize, usize)) -> Self {
        Self {
            a: a.chars(),
            at_a,
            b,
            at_b,
            same: a == b,
            fell: None,
        }
    }

    /// Where character `position` of the first side (at or after the last one asked for)
    /// falls in the second.
    pub(super) fn to(&mut self, position: usize) -> usize {
        if self.same {
            return self.at_b + position.saturating_sub(self.at_a);
        }
        while self.at_a < position {
            let Some(ch) = self.a.next() else {
                break;
            };
            self.at_a += 1;
            if !ch.is_alphanumeric() {
                continue;
            }
            self.fell = None;
            // The second side past its next letter or digit, the same one.
            let mut passed = self.b.len();
            for (byte, other) in self.b.char_indices() {
                self.at_b += 1;
                if other.is_alphanumeric() {
                    passed = byte + other.len_utf8();
                    break;
                }
            }
            self.b = &self.b[passed..];
        }
        // Between that letter and the next one: after the last white space there, where the
        // next word (with any mark before it, such as a quotation mark) begins. Worked out once
        // for all the positions before the next letter.
        if let Some(fell) = self.fell {
            return fell;
        }
        let gap = &self.b[..self.b.find(char::is_alphanumeric).unwrap_or(self.b.len())];
        let fell = self.at_b
            + gap
                .char_indices()
                .rfind(|(_, ch)| ch.is_whitespace())
                .map_or(0, |(byte, _)| gap[..byte].chars().count() + 1);
        self.fell = Some(fell);
        fell
    }
}

/// The part of a whole text's `ops` within one segment, `a` and `b` its ranges in the two
/// texts, with ranges counted from the segment's start: an operation cut by the segment's
/// edges keeps what lies inside (an equal stretch with one side outside is a deletion or an
/// insertion there), so the parts cover the segment's two wordings exactly, in order.
pub(super) fn clip_ops(ops: &[Op], a: Range<usize>, b: Range<usize>) -> Vec<Op> {
    let within = |range: &Range<usize>, bounds: &Range<usize>| {
        range.start.max(bounds.start)..range.end.min(bounds.end).max(range.start.max(bounds.start))
    };
    let point =
        |at: usize, bounds: &Range<usize>| at.clamp(bounds.start, bounds.end) - bounds.start;
    let local = |range: Range<usize>, bounds: &Range<usize>| {
        range.start - bounds.start..range.end - bounds.start
    };
    let first = ops.partition_point(|op| op.a.end <= a.start && op.b.end <= b.start);
    let mut clipped = Vec::new();
    for op in &ops[first..] {
        if op.a.start >= a.end && op.b.start >= b.end && !(a.is_empty() && b.is_empty()) {
            break;
        }
        let (in_a, in_b) = (within(&op.a, &a), within(&op.b, &b));
        let piece = match (op.kind, in_a.is_empty(), in_b.is_empty()) {
            (OpKind::Equal, false, false) => Op {
                kind: OpKind::Equal,
                a: (local(in_a, &a)).into(),
                b: (local(in_b, &b)).into(),
            },
            (OpKind::Equal | OpKind::Delete, false, _) => {
                let at = point(op.b.start, &b);
                Op {
                    kind: OpKind::Delete,
                    a: (local(in_a, &a)).into(),
                    b: (at..at).into(),
                }
            }
            (OpKind::Equal | OpKind::Insert, _, false) => {
                let at = point(op.a.start, &a);
                Op {
                    kind: OpKind::Insert,
                    a: (at..at).into(),
                    b: (local(in_b, &b)).into(),
                }
            }
            _ => continue,
        };
        clipped.push(piece);
    }
    clipped
}

pub(super) fn trim_range(text: &CharIndex<'_>, range: Range<usize>) -> Range<usize> {
    let slice = text.slice(range.clone());
    let leading = slice.chars().take_while(|c| c.is_whitespace()).count();
    let length = slice.chars().count();
    if leading == length {
        return range.start..range.start;
    }
    let trailing = slice
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    range.start + leading..range.end - trailing
}

/// Splits a wording into segments: its paragraphs (non-blank lines), or its sentences when it
/// is one paragraph. Returns their character ranges (trimmed) and names.
pub fn segment(text: &str) -> (Vec<Range<usize>>, Vec<String>) {
    let index = CharIndex::new(text);
    let mut paragraphs = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let length = line.chars().count();
        let range = trim_range(&index, offset..offset + length);
        if !range.is_empty() {
            paragraphs.push(range);
        }
        offset += length + 1;
    }
    if paragraphs.len() >= 2 {
        let labels = paragraphs
            .iter()
            .enumerate()
            .map(|(n, r)| clause_number(index.slice(r.clone())).unwrap_or(format!("¶ {}", n + 1)))
            .collect();
        return (paragraphs, labels);
    }
    let mut sentences = Vec::new();
    let mut offset = 0;
    for sentence in text.split_sentence_bounds() {
        let length = sentence.chars().count();
        let range = trim_range(&index, offset..offset + length);
        if !range.is_empty() {
            sentences.push(range);
        }
        offset += length;
    }
    if sentences.len() >= 2 {
        let labels = (1..=sentences.len())
            .map(|n| format!("Sentence {n}"))
            .collect();
        return (sentences, labels);
    }
    let whole = trim_range(&index, 0..index.len());
    (vec![whole], vec!["Passage".into()])
}

/// "Clause 3" for a paragraph opening "3." or "3)".
pub(super) fn clause_number(paragraph: &str) -> Option<String> {
    let digits: String = paragraph.chars().take_while(char::is_ascii_digit).collect();
    let next = paragraph.chars().nth(digits.chars().count());
    (!digits.is_empty() && digits.len() <= 3 && matches!(next, Some('.' | ')')))
        .then(|| format!("Clause {digits}"))
}
