//! What a collation measures: how much the witnesses differ along the text (a profile for a
//! heat map, as Juxta draws one) and how far apart each pair of witnesses is (a distance
//! matrix, for working out which draft came from which).

use super::Collation;

/// How much the witnesses differ at place `place`: the share of pairs of witnesses whose
/// readings differ there (0: all agree, 1: every witness reads differently).
pub fn place_variation(collation: &Collation, place: usize) -> f64 {
    let place = &collation.places()[place];
    let count = place.cells.len();
    if count < 2 {
        return 0.0;
    }
    let pairs = count * (count - 1) / 2;
    let agreeing: usize = place
        .readings
        .iter()
        .map(|r| r.witnesses.len() * r.witnesses.len().saturating_sub(1) / 2)
        .sum();
    ratio(pairs - agreeing, pairs)
}

/// The variation along the text in `bins` equal stretches of the alignment's columns: each
/// the mean of its columns' [`place_variation`]. Empty for no columns or no bins.
pub fn variation_profile(collation: &Collation, bins: usize) -> Vec<f64> {
    let columns = collation.columns().len();
    if columns == 0 || bins == 0 {
        return Vec::new();
    }
    let by_place: Vec<f64> = (0..collation.places().len())
        .map(|p| place_variation(collation, p))
        .collect();
    let mut sums = vec![0.0; bins];
    let mut counts = vec![0usize; bins];
    for (p, place) in collation.places().iter().enumerate() {
        for c in place.columns.clone() {
            let bin = c * bins / columns;
            sums[bin] += by_place[p];
            counts[bin] += 1;
        }
    }
    sums.iter()
        .zip(&counts)
        .map(|(&sum, &n)| if n == 0 { 0.0 } else { sum / n as f64 })
        .collect()
}

/// The share of places where each pair of witnesses differs, among the places where at least
/// one of the two reads something: `matrix[a][b]`, symmetric, 0 on the diagonal.
pub fn distance_matrix(collation: &Collation) -> Vec<Vec<f64>> {
    let count = collation.witnesses().len();
    let mut matrix = vec![vec![0.0; count]; count];
    let pairs = (0..count).flat_map(|a| (a + 1..count).map(move |b| (a, b)));
    for (a, b) in pairs {
        let (mut differ, mut read) = (0, 0);
        for place in collation.places() {
            if place.cells[a].is_empty() && place.cells[b].is_empty() {
                continue;
            }
            read += 1;
            if place.reading_of(a) != place.reading_of(b) {
                differ += 1;
            }
        }
        let distance = ratio(differ, read);
        matrix[a][b] = distance;
        matrix[b][a] = distance;
    }
    matrix
}

/// `part / whole`, 0 when `whole` is 0.
#[allow(clippy::cast_precision_loss)] // counts of places are far below 2^52
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}
