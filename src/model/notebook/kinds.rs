//! The kinds of the reader's work, and how many of each a notebook holds.
//!
//! Every operation on the reader's work (save and load, sync merge, snapshots, restore, the
//! exports, search, undo and the trash) must reach every kind. Two things make that hard to
//! forget:
//! - [`Kind`] lists the kinds, and each operation that treats kinds differently does so with a
//!   `match` over it that has no wildcard arm, so a new kind does not compile until every
//!   operation says what it does with it;
//! - operations that walk the [`Contents`] destructure it whole (`let Contents { categories,
//!   annotations, … } = contents;`, with no `..`), so a new field does not compile until each
//!   of them walks it.
//!
//! The kinds × operations tests (`storage::kinds_tests`) take one sample of every kind through
//! every operation.

use strum::{EnumCount, EnumIter, IntoEnumIterator};

use super::Contents;

/// A kind of the reader's work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, EnumIter, EnumCount)]
pub enum Kind {
    /// Annotations in the list.
    Annotation,
    /// Annotations in the Trash.
    TrashedAnnotation,
    /// Notes on differences and segments of comparisons.
    ComparisonNote,
    /// Notes on comparisons in the Trash.
    TrashedComparisonNote,
    /// Notes carried from one witness to another, with where they came from (a note on a
    /// comparison that records its provenance).
    CarriedNote,
    /// The reader's own comparisons that carry notes.
    Comparison,
    /// The categories of highlights.
    Category,
    /// The reader's own people, places, spellings and terms.
    StudyEntry,
    /// Other devices' versions of a note, waiting for the reader to decide.
    DivergedNote,
}

impl Kind {
    /// `n` of this kind, in words: "1 annotation", "3 notes on comparisons".
    pub fn count(self, n: usize) -> String {
        match self {
            Kind::Annotation => crate::tr!("model-kind-annotation", count = n),
            Kind::TrashedAnnotation => crate::tr!("model-kind-trashed-annotation", count = n),
            Kind::ComparisonNote => crate::tr!("model-kind-comparison-note", count = n),
            Kind::TrashedComparisonNote => {
                crate::tr!("model-kind-trashed-comparison-note", count = n)
            }
            Kind::CarriedNote => crate::tr!("model-kind-carried-note", count = n),
            Kind::Comparison => crate::tr!("model-kind-comparison", count = n),
            Kind::Category => crate::tr!("model-kind-category", count = n),
            Kind::StudyEntry => crate::tr!("model-kind-study-entry", count = n),
            Kind::DivergedNote => crate::tr!("model-kind-diverged-note", count = n),
        }
    }

    /// The name of the kind, for headings and the command line's JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Annotation => "annotations",
            Kind::TrashedAnnotation => "trashed annotations",
            Kind::ComparisonNote => "notes on comparisons",
            Kind::TrashedComparisonNote => "trashed notes on comparisons",
            Kind::CarriedNote => "carried notes",
            Kind::Comparison => "comparisons",
            Kind::Category => "categories",
            Kind::StudyEntry => "study entries",
            Kind::DivergedNote => "diverged notes",
        }
    }
}

/// How many of each kind a notebook holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts([usize; Kind::COUNT]);

impl Counts {
    /// The number of `kind`.
    pub fn of(&self, kind: Kind) -> usize {
        self.0[kind as usize]
    }

    /// Adds `n` to the number of `kind`.
    pub fn add(&mut self, kind: Kind, n: usize) {
        self.0[kind as usize] += n;
    }

    /// All kinds together.
    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// Every kind with its number, in [`Kind`]'s order.
    pub fn iter(&self) -> impl Iterator<Item = (Kind, usize)> + '_ {
        Kind::iter().map(|kind| (kind, self.of(kind)))
    }

    /// The kinds there are any of, in words ("2 annotations, 1 note on a comparison"), or
    /// "nothing".
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(kind, n)| kind.count(n))
            .collect();
        if parts.is_empty() {
            crate::tr!("model-kinds-nothing")
        } else {
            parts.join(", ")
        }
    }
}

impl Counts {
    /// Of every kind that these counts or `now` have any of, a line saying how many there
    /// are here and how that differs from now: "12 annotations (3 fewer than now)".
    pub fn beside(&self, now: &Counts) -> Vec<String> {
        let lines: Vec<String> = self
            .iter()
            .zip(now.iter())
            .filter(|((_, then), (_, now))| then + now > 0)
            .map(|((kind, then), (_, now))| {
                let difference = match then.cmp(&now) {
                    std::cmp::Ordering::Equal => crate::tr!("model-kinds-same-as-now"),
                    std::cmp::Ordering::Greater => {
                        crate::tr!("model-kinds-more-than-now", count = then - now)
                    }
                    std::cmp::Ordering::Less => {
                        crate::tr!("model-kinds-fewer-than-now", count = now - then)
                    }
                };
                crate::tr!(
                    "model-kinds-beside",
                    counted = kind.count(then),
                    difference = difference
                )
            })
            .collect();
        if lines.is_empty() {
            vec![crate::tr!("model-kinds-nothing-as-now")]
        } else {
            lines
        }
    }
}

impl Contents {
    /// How many of `kind` there are.
    pub fn count_of(&self, kind: Kind) -> usize {
        let Contents {
            categories,
            annotations,
            comparison_notes,
            comparison_notes_trash,
            comparisons,
            study,
        } = self;
        match kind {
            Kind::Annotation => annotations.live().len(),
            Kind::TrashedAnnotation => annotations.trash().len(),
            Kind::ComparisonNote => comparison_notes.len(),
            Kind::TrashedComparisonNote => comparison_notes_trash.len(),
            Kind::CarriedNote => comparison_notes
                .iter()
                .chain(comparison_notes_trash)
                .filter(|n| n.carried_from.is_some())
                .count(),
            Kind::Comparison => comparisons.len(),
            Kind::Category => categories.len(),
            Kind::StudyEntry => study.people.len() + study.spellings.len() + study.terms.len(),
            Kind::DivergedNote => annotations
                .live()
                .iter()
                .chain(annotations.trash())
                .map(|a| a.diverged_notes.len())
                .sum(),
        }
    }

    /// How many of each kind there are: what a list of backups shows of each.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for kind in Kind::iter() {
            counts.0[kind as usize] = self.count_of(kind);
        }
        counts
    }
}
