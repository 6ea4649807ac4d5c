//! The comparison view's own tests: the background worker, the columns, the profiles.

use super::columns::{GAP, MIN_COLUMN, SEGMENT_COLUMN, columns_that_fit};
use super::*;
use crate::model::comparison::WordingInput;

#[test]
fn a_large_comparison_runs_in_the_background_and_stops_when_cancelled() {
    use crate::model::generate::{edited, paragraphs};
    let a = paragraphs(3, 400_000).join("\n\n");
    let b = edited(&a, 4, 20);
    let input = || ComparisonInput::Wordings {
        id: "big".into(),
        title: "Two editions".into(),
        inputs: vec![WordingInput::pasted("A", &a), WordingInput::pasted("B", &b)],
    };
    let ctx = egui::Context::default();
    let wait = |state: &mut ComparisonState| {
        for _ in 0..20_000 {
            state.poll();
            if !state.is_computing() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        panic!("the comparison never ended");
    };
    // Cancelled at once: the worker stops at its next check and nothing is shown.
    let mut cancelled = ComparisonState::open(input(), true, Normalization::wording(), &ctx);
    assert!(
        cancelled.is_computing(),
        "too large to compute on the UI thread"
    );
    cancelled.cancel();
    assert!(cancelled.cancel_requested());
    wait(&mut cancelled);
    assert!(cancelled.result.is_none());
    assert_eq!(
        cancelled.message.as_deref(),
        Some("The comparison was cancelled.")
    );
    // Left alone, it finishes with every segment compared.
    let mut finished = ComparisonState::open(input(), true, Normalization::wording(), &ctx);
    wait(&mut finished);
    let result = finished.result.as_ref().expect("a result");
    assert_eq!(result.cells.len(), finished.comparison.segments.len());
    assert!(!result.differences.is_empty());
}

#[test]
fn a_background_comparison_hands_over_its_first_rows_before_the_rest() {
    use crate::model::generate::{edited, paragraphs};
    let a = paragraphs(5, 200_000).join("\n\n");
    let b = edited(&a, 6, 20);
    let input = ComparisonInput::Wordings {
        id: "big".into(),
        title: "Two editions".into(),
        inputs: vec![WordingInput::pasted("A", &a), WordingInput::pasted("B", &b)],
    };
    let mut pieces = Vec::new();
    let (comparison, result) = input
        .run(
            &Normalization::wording(),
            Reference::Previous,
            &mut |_, _| true,
            Some(&mut |piece| pieces.push(piece)),
        )
        .unwrap()
        .unwrap();
    // The comparison cut into segments first, then its rows in reading order: the first
    // screenful in one piece, and all of them in the end, as the answer has them.
    let mut pieces = pieces.into_iter();
    assert!(matches!(pieces.next(), Some(Shown::Built(c)) if c == comparison));
    let rows: Vec<Vec<Vec<Cell>>> = pieces
        .map(|piece| match piece {
            Shown::Rows(rows) => rows,
            Shown::Built(_) => panic!("the comparison is handed over once, first"),
        })
        .collect();
    assert_eq!(rows[0].len(), FIRST_ROWS);
    assert_eq!(rows.concat(), result.cells);
    assert!(comparison.segments.len() > FIRST_ROWS);

    // The view shows the rows handed over while the rest are computed: drawn, but with
    // no differences to count or step through until the answer comes.
    let ctx = egui::Context::default();
    let mut state = ComparisonState::open(
        ComparisonInput::Ready(Comparison {
            id: "big".into(),
            title: "Two editions".into(),
            description: String::new(),
            start_screen: None,
            segments: Vec::new(),
            witnesses: Vec::new(),
        }),
        true,
        Normalization::wording(),
        &ctx,
    );
    // As `start` leaves it for a worker.
    state.result = None;
    let (sender, shown) = std::sync::mpsc::channel();
    state.shown = Some(shown);
    assert!(state.rows_so_far().is_none());
    sender.send(Shown::Built(comparison.clone())).unwrap();
    sender.send(Shown::Rows(rows[0].clone())).unwrap();
    state.poll();
    let (drawn, differences) = state.rows_so_far().expect("the first rows are shown");
    assert_eq!(drawn, &result.cells[..FIRST_ROWS]);
    assert!(differences.is_empty() && state.result.is_none());
    assert_eq!(state.comparison, comparison);
    assert_eq!(state.hidden.len(), comparison.witnesses.len());
}

#[test]
fn columns_fit_whole_or_not_at_all_and_always_one() {
    assert_eq!(columns_that_fit(780.0), 3);
    assert_eq!(columns_that_fit(1400.0), 6);
    let six = SEGMENT_COLUMN + 24.0 + 6.0 * (MIN_COLUMN + GAP + 6.0);
    assert_eq!(columns_that_fit(six), 6);
    assert_eq!(columns_that_fit(six - 1.0), 5);
    assert_eq!(columns_that_fit(0.0), 1);
}

#[test]
fn columns_that_fit_fill_the_width_and_the_next_starts_beyond_it() {
    use super::columns::columns_width;
    // Docked at 1280×800 beside the library and the annotations: about 560 points.
    for width in [560.0, 780.0, 1000.0, 1400.0] {
        for visible in 1..=6 {
            let column = columns_width(width, visible);
            let fit = columns_that_fit(width).min(visible);
            let right_of = |n: usize| SEGMENT_COLUMN + n as f32 * (column + GAP + 6.0);
            assert!(
                right_of(fit) <= width - 24.0 + 0.01,
                "{fit} of {visible} fit whole in {width}: {column}"
            );
            if visible > fit {
                assert!(
                    right_of(fit) >= width - 24.0 - 0.01,
                    "the next column starts beyond the edge, not cut by it ({width}, \
                     {visible}: {column})"
                );
            }
            assert!(column >= MIN_COLUMN);
        }
    }
}

#[test]
fn profiles_are_named_and_anything_else_is_custom() {
    assert_eq!(profile_name(&Normalization::wording()), "Wording");
    assert_eq!(profile_name(&Normalization::default()), "Exact");
    let custom = Normalization {
        yo_as_ye: true,
        ..Normalization::default()
    };
    assert_eq!(profile_name(&custom), "Custom");
}
