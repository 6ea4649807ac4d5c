//! The cells of a comparison: each witness's wording of each segment marked against its
//! reference, with the differences counted; a long comparison computes its two halves at once.

use super::*;

/// One witness in one segment, compared with its reference.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// The witness it is marked against.
    pub reference: Option<usize>,
    /// The diff of the reference's wording (first) against this one's (second).
    pub ops: Vec<Op>,
    /// This wording's marks against its reference (inserted and changed words).
    pub marks: Vec<Marked>,
    /// This wording's marks against the first witness that refers to it (removed and changed
    /// words), so that a pair of columns reads like a printed apparatus.
    pub onward: Vec<Marked>,
    /// Words changed, removed and added against the reference.
    pub counts: DiffCounts,
}

/// A place where a witness differs from its reference, for stepping through differences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// Segment.
    pub segment: usize,
    /// The differing witness.
    pub witness: usize,
    /// Its reference.
    pub reference: usize,
    /// The witness's words there (characters of its segment; empty for a removal).
    pub range: Range<usize>,
    /// The reference's words there (empty for an addition).
    pub reference_range: Range<usize>,
}

/// A computed comparison: a cell per segment and witness.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ComparisonResult {
    /// `cells[segment][witness]`.
    pub cells: Vec<Vec<Cell>>,
    /// Every difference, in reading order (segment, then witness).
    pub differences: Vec<Difference>,
}

impl ComparisonResult {
    /// The word counts of one witness against its references, over all segments.
    pub fn totals(&self, witness: usize) -> DiffCounts {
        let mut total = DiffCounts::default();
        for row in &self.cells {
            if let Some(cell) = row.get(witness) {
                total.add(cell.counts);
            }
        }
        total
    }
}

/// Computes every cell; a long comparison computes the halves of its segments at once.
pub fn compute_all(
    comparison: &Comparison,
    normalization: &Normalization,
    reference: Reference,
) -> ComparisonResult {
    let total = comparison.segments.len();
    let size: usize = comparison
        .witnesses
        .iter()
        .flat_map(|w| w.segments.iter().flatten())
        .map(|s| s.text.len())
        .sum();
    let parallel = worth_two_halves(size, total);
    if !parallel {
        return compute(comparison, normalization, reference, &mut |_, _| true).unwrap_or_default();
    }
    // The segments cut where half the text lies before.
    let mut so_far = 0;
    let half = (0..total)
        .find(|&segment| {
            so_far += comparison
                .witnesses
                .iter()
                .filter_map(|w| w.segments.get(segment).and_then(Option::as_ref))
                .map(|s| s.text.len())
                .sum::<usize>();
            so_far * 2 >= size
        })
        .map_or(total / 2, |segment| (segment + 1).min(total - 1));
    in_two_halves(half, total, |segments| {
        compute_rows(
            comparison,
            normalization,
            reference,
            segments,
            &mut |_, _| true,
        )
        .unwrap_or_default()
    })
}

/// The rows of segments `0..half` and `half..total`, computed at once and joined in order.
pub(super) fn in_two_halves(
    half: usize,
    total: usize,
    rows: impl Fn(Range<usize>) -> ComparisonResult + Sync,
) -> ComparisonResult {
    let (mut first, second) = rayon::join(|| rows(0..half), || rows(half..total));
    first.cells.extend(second.cells);
    first.differences.extend(second.differences);
    first
}

/// Whether work on wordings of `bytes` (and of more than one segment) is worth cutting in two
/// halves done at once (on rayon's pool, when it has more than one thread).
pub(crate) fn worth_two_halves(bytes: usize, segments: usize) -> bool {
    bytes > PARALLEL_SIZE && segments > 1 && rayon::current_num_threads() > 1
}

/// Above this many bytes of wordings, [`compute_all`] computes two halves at once.
pub(super) const PARALLEL_SIZE: usize = 200_000;

/// Computes every cell. `progress(done, total)` is called after each segment; when it returns
/// false the work stops and `None` is returned (the reader cancelled).
pub fn compute(
    comparison: &Comparison,
    normalization: &Normalization,
    reference: Reference,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Option<ComparisonResult> {
    let total = comparison.segments.len();
    compute_rows(comparison, normalization, reference, 0..total, progress)
}

/// [`compute`] in reading order, handing each segment's row to `row` as soon as it is
/// computed, so that the first rows can be shown while the rest are computed. The work stops
/// and `None` is returned when `row` returns false (the reader cancelled).
pub fn compute_row_by_row(
    comparison: &Comparison,
    normalization: &Normalization,
    reference: Reference,
    row: &mut dyn FnMut(usize, &[Cell]) -> bool,
) -> Option<ComparisonResult> {
    let total = comparison.segments.len();
    rows_of(comparison, normalization, reference, 0..total, row)
}

/// The cells of `segments`, and their differences; `progress(done, total)` after each
/// segment, `None` when it returns false.
pub(super) fn compute_rows(
    comparison: &Comparison,
    normalization: &Normalization,
    reference: Reference,
    segments: Range<usize>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Option<ComparisonResult> {
    let total = comparison.segments.len();
    rows_of(
        comparison,
        normalization,
        reference,
        segments,
        &mut |segment, _| progress(segment + 1, total),
    )
}

/// The cells of `segments`, and their differences, each row handed to `row` as it is
/// computed; `None` when `row` returns false.
fn rows_of(
    comparison: &Comparison,
    normalization: &Normalization,
    reference: Reference,
    segments: Range<usize>,
    row: &mut dyn FnMut(usize, &[Cell]) -> bool,
) -> Option<ComparisonResult> {
    let mut result = ComparisonResult::default();
    for segment in segments {
        let cells = compute_row(
            comparison,
            normalization,
            reference,
            segment,
            &mut result.differences,
        );
        if !row(segment, &cells) {
            return None;
        }
        result.cells.push(cells);
    }
    Some(result)
}

/// The cells of one segment; its differences are added to `differences`.
pub(super) fn compute_row(
    comparison: &Comparison,
    normalization: &Normalization,
    reference: Reference,
    segment: usize,
    differences: &mut Vec<Difference>,
) -> Vec<Cell> {
    let witnesses = &comparison.witnesses;
    let mut row = vec![Cell::default(); witnesses.len()];
    for witness in 0..witnesses.len() {
        let Some(reference) = comparison.reference(witness, segment, reference) else {
            continue;
        };
        let (Some(Some(own)), Some(Some(theirs))) = (
            witnesses[witness].segments.get(segment),
            witnesses[reference].segments.get(segment),
        ) else {
            continue;
        };
        let ops = diff_past_numbering(&theirs.text, &own.text, normalization);
        let at = Place {
            segment,
            witness,
            reference,
        };
        mark_cell(
            &mut row,
            differences,
            at,
            (&theirs.text, &own.text),
            ops,
            true,
        );
    }
    row
}

/// Where a cell is: its segment, its witness and the witness it is marked against.
#[derive(Clone, Copy)]
pub(super) struct Place {
    pub(super) segment: usize,
    pub(super) witness: usize,
    pub(super) reference: usize,
}

/// Fills the cell at `at` in `row` from the diff `ops` of the reference's wording `theirs`
/// against `own`: its counts, with `with_marks` its marks and the reference's marks onward
/// (for the first witness that refers to it), and its differences added to `differences`.
pub(super) fn mark_cell(
    row: &mut [Cell],
    differences: &mut Vec<Difference>,
    at: Place,
    (theirs, own): (&str, &str),
    ops: Vec<Op>,
    with_marks: bool,
) {
    let (reference_marks, marks, counts) = if with_marks {
        diff::marks(theirs, own, &ops)
    } else {
        (Vec::new(), Vec::new(), diff::counts(theirs, own, &ops))
    };
    if row[at.reference].onward.is_empty() && !row.iter().any(|c| c.reference == Some(at.reference))
    {
        row[at.reference].onward = reference_marks;
    }
    differences.extend(sites(&ops).into_iter().map(|(a, b)| Difference {
        segment: at.segment,
        witness: at.witness,
        reference: at.reference,
        range: b,
        reference_range: a,
    }));
    row[at.witness] = Cell {
        reference: Some(at.reference),
        ops,
        marks,
        onward: std::mem::take(&mut row[at.witness].onward),
        counts,
    };
}

/// How many characters at the start of a wording are its number ("1. ", "2) ", "IV. "), with
/// the spaces after it (no-break ones too); 0 when it has none. An initial ("V. I. Lenin") and
/// a year ("1923. Moscow") are not numbers of clauses.
pub fn numbering_len(text: &str) -> usize {
    let label: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X'))
        .collect();
    let all_digits = label.chars().all(|c| c.is_ascii_digit());
    let all_roman = label.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    let fits = if all_digits {
        label.len() <= 3
    } else {
        all_roman && label.len() <= 4
    };
    if label.is_empty() || !fits {
        return 0;
    }
    let mut rest = text[label.len()..].chars();
    if !matches!(rest.next(), Some('.' | ')')) {
        return 0;
    }
    let after: String = rest.clone().collect();
    let spaces = after.chars().take_while(|c| c.is_whitespace()).count();
    if spaces == 0 {
        return 0; // "1.5" or "I.e." is not a number of a clause
    }
    // "V. I. Lenin": a Roman letter before an initial is an initial too.
    let next: Vec<char> = after.chars().skip(spaces).take(2).collect();
    if all_roman && next.len() == 2 && next[0].is_uppercase() && next[1] == '.' {
        return 0;
    }
    label.len() + 1 + spaces
}

/// The byte where character `n` of `text` starts (its length when it has fewer).
pub(super) fn byte_of(text: &str, n: usize) -> usize {
    text.char_indices()
        .nth(n)
        .map_or(text.len(), |(byte, _)| byte)
}

/// The diff of two wordings of a segment, leaving out the clause numbers they open with: a
/// witness numbered "1." and one quoted without its number say the same words.
pub(super) fn diff_past_numbering(a: &str, b: &str, normalization: &Normalization) -> Vec<Op> {
    let (skip_a, skip_b) = (numbering_len(a), numbering_len(b));
    if skip_a == 0 && skip_b == 0 {
        return diff::diff(a, b, normalization);
    }
    let mut ops = vec![Op {
        kind: OpKind::Equal,
        a: (0..skip_a).into(),
        b: (0..skip_b).into(),
    }];
    let (rest_a, rest_b) = (&a[byte_of(a, skip_a)..], &b[byte_of(b, skip_b)..]);
    ops.extend(
        diff::diff(rest_a, rest_b, normalization)
            .into_iter()
            .map(|op| Op {
                kind: op.kind,
                a: (op.a.start + skip_a..op.a.end + skip_a).into(),
                b: (op.b.start + skip_b..op.b.end + skip_b).into(),
            }),
    );
    ops
}

/// The places where two wordings differ: each run of removals and additions, as ranges into
/// the first and second wording.
pub fn sites(ops: &[Op]) -> Vec<(Range<usize>, Range<usize>)> {
    let mut sites: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut previous_changed = false;
    for op in ops {
        let changed = op.kind != OpKind::Equal;
        if changed {
            match sites.last_mut() {
                Some((a, b)) if previous_changed => {
                    a.end = op.a.end;
                    b.end = op.b.end;
                }
                _ => sites.push((op.a.range(), op.b.range())),
            }
        }
        previous_changed = changed;
    }
    sites
}
