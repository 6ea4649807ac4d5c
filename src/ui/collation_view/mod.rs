//! The collation of many witnesses on screen: a **Table** (witnesses as rows, places as
//! columns, each cell coloured by the reading it shares with others), an **Apparatus** (a base
//! text, a chosen witness or the majority, with the variants at each place as a critical
//! edition prints them), and an **Overview** (how much the witnesses differ along the text,
//! clickable, and the distances between each pair).
//!
//! A thin view over [`Collation`]: it reads the collation and its own view state
//! ([`CollationViewState`]: which tab, which base, which place is selected) and returns
//! [`CollationEvent`]s for what the reader asked of the rest of the window. It never changes
//! the collation.

mod apparatus;
mod overview;
mod palette;
mod table;
mod window;

pub use window::CollationWindow;

use egui::Ui;

use crate::model::collation::Collation;
use crate::model::collation::apparatus::{Apparatus, Base};

/// The tabs of the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CollationTab {
    /// Witnesses as rows, places as columns.
    Table,
    /// A base text and the variants.
    Apparatus,
    /// Variation along the text and distances between witnesses.
    Overview,
}

impl CollationTab {
    const ALL: [Self; 3] = [Self::Table, Self::Apparatus, Self::Overview];

    fn label(self) -> String {
        match self {
            Self::Table => crate::tr!("compare-collation-tab-table"),
            Self::Apparatus => crate::tr!("compare-collation-tab-apparatus"),
            Self::Overview => crate::tr!("compare-collation-tab-overview"),
        }
    }
}

/// What the reader asked of the window through the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CollationEvent {
    /// Place `0` was chosen (in the table, the apparatus or the overview).
    PlaceChosen(usize),
    /// The reader asked to save the collation as TEI P5 parallel segmentation (over the
    /// apparatus's base); the window asks where.
    ExportTei,
    /// The reader asked for the collation (its Table and Apparatus) as a PDF to print.
    ExportPdf,
}

/// The collation as a TEI P5 parallel-segmentation file, over `base`: a file name made of
/// `title`, and its bytes, with what made it (Lectern, under `normalization`) and each
/// witness's provenance (`descriptions`, in the collation's order) in the header, as
/// `lectern collate --format tei` writes it.
pub fn tei_file(
    collation: &Collation,
    base: Base,
    title: &str,
    normalization: &crate::model::diff::Normalization,
    descriptions: &[String],
) -> (String, Vec<u8>) {
    // Written into the file: in English, whatever the window's language.
    let made_by = format!(
        "Collated by Lectern {} (normalisation: {}).",
        crate::VERSION,
        crate::ui::compare_view::profile_name(normalization).to_lowercase()
    );
    let document =
        crate::model::collation::tei::to_parallel(collation, base, title, &made_by, descriptions);
    let name = crate::ui::export_file_name(title, "xml");
    (
        name,
        crate::formats::tei_parallel::write(&document).into_bytes(),
    )
}

/// The collation printed (its witnesses, Table and Apparatus over `base`) as a PDF titled
/// `title`: a file name and its bytes, or why it could not be printed.
pub fn pdf_file(
    collation: &Collation,
    base: Base,
    title: &str,
) -> Result<(String, Vec<u8>), String> {
    let document = crate::model::collation::print::document(collation, title, base);
    let pdf = crate::formats::print::to_pdf(&document).map_err(|e| e.to_string())?;
    Ok((crate::ui::export_file_name(title, "pdf"), pdf))
}

/// The view's own state: which tab, which base, which place; the apparatus kept for its base.
#[derive(Debug)]
pub struct CollationViewState {
    /// The tab shown.
    pub tab: CollationTab,
    /// The apparatus's base.
    pub base: Base,
    /// The place chosen last, if any (the table scrolls to it once).
    pub selected: Option<usize>,
    /// Whether the table still has to scroll to the selected place.
    scroll_pending: bool,
    /// The apparatus of `base`, made when first shown.
    apparatus: Option<(Base, Apparatus)>,
    /// The table's column starts (and its width last), measured when first shown.
    columns: Option<Vec<f32>>,
}

impl Default for CollationViewState {
    fn default() -> Self {
        Self {
            tab: CollationTab::Table,
            base: Base::Majority,
            selected: None,
            scroll_pending: false,
            apparatus: None,
            columns: None,
        }
    }
}

impl CollationViewState {
    /// The view on `tab`, with the apparatus over `base`.
    pub fn new(tab: CollationTab, base: Base) -> Self {
        Self {
            tab,
            base,
            ..Self::default()
        }
    }

    /// Chooses place `place`: selected, shown in the table.
    pub fn choose(&mut self, place: usize) {
        self.selected = Some(place);
        self.scroll_pending = true;
        self.tab = CollationTab::Table;
    }

    /// The apparatus over the current base, made once per base.
    fn apparatus(&mut self, collation: &Collation) -> &Apparatus {
        let base = self.base;
        if self.apparatus.as_ref().is_some_and(|(b, _)| *b != base) {
            self.apparatus = None;
        }
        &self
            .apparatus
            .get_or_insert_with(|| (base, Apparatus::of(collation, base)))
            .1
    }
}

/// Shows `collation` with its tabs; returns what the reader chose.
pub fn collation_ui(
    ui: &mut Ui,
    collation: &Collation,
    state: &mut CollationViewState,
) -> Vec<CollationEvent> {
    let mut events = Vec::new();
    ui.horizontal(|ui| {
        for tab in CollationTab::ALL {
            if ui.selectable_label(state.tab == tab, tab.label()).clicked() {
                state.tab = tab;
            }
        }
        ui.separator();
        if ui
            .button(crate::tr!("compare-collation-export-tei"))
            .on_hover_text(crate::tr!("compare-collation-export-tei-tip"))
            .clicked()
        {
            events.push(CollationEvent::ExportTei);
        }
        if ui
            .button(crate::tr!("compare-collation-export-pdf"))
            .on_hover_text(crate::tr!("compare-collation-export-pdf-tip"))
            .clicked()
        {
            events.push(CollationEvent::ExportPdf);
        }
        ui.separator();
        ui.label(crate::tr!(
            "compare-collation-counts",
            count = collation.witnesses().len(),
            places = collation.places().len(),
            variants = collation.places().iter().filter(|p| p.is_variant()).count()
        ));
    });
    ui.separator();
    match state.tab {
        CollationTab::Table => events.extend(table::table_ui(ui, collation, state)),
        CollationTab::Apparatus => events.extend(apparatus::apparatus_ui(ui, collation, state)),
        CollationTab::Overview => events.extend(overview::overview_ui(ui, collation)),
    }
    for event in &events {
        match *event {
            CollationEvent::PlaceChosen(place) => state.choose(place),
            // The window asks where to save it.
            CollationEvent::ExportTei | CollationEvent::ExportPdf => {}
        }
    }
    events
}
