//! The collation of the open comparison's witnesses, in a window over the desk: the witnesses
//! of each language are collated together off the UI thread (a translation is no variant of
//! its original, so languages stay apart and the window says so), and shown in the collation
//! view ([`crate::ui::collation_view`]) with a chooser of the language when there are several.

use crate::model::collation::languages::{LanguageGroup, apart_note, by_language, language_name};
use crate::model::collation::{Collation, WitnessText, collate};
use crate::model::comparison::Comparison;
use crate::model::diff::Normalization;
use crate::ui::app::LecternApp;
use crate::ui::collation_view::{CollationEvent, CollationViewState, collation_ui, tei_file};
use crate::ui::task::Task;

/// The collation window, when it is open: what it collates, and the collations once made.
#[derive(Default)]
pub struct CollationPart {
    /// The window's contents, while it is open.
    shown: Option<Shown>,
}

/// What a collation window collates: the comparison, its witnesses as they were, and what
/// counted as the same. The window follows it: closed when the comparison is, collated again
/// when its witnesses or the normalisation change, so it never shows witnesses no longer there.
#[derive(Clone, Debug, PartialEq)]
struct Source {
    /// The comparison's id.
    id: String,
    /// Each witness's label, language and the length of each of its segments.
    witnesses: Vec<(String, String, Vec<usize>)>,
    /// What counted as the same.
    normalization: Normalization,
}

impl Source {
    fn of(comparison: &Comparison, normalization: Normalization) -> Self {
        let witnesses = comparison
            .witnesses
            .iter()
            .map(|w| {
                let lengths = w
                    .segments
                    .iter()
                    .map(|s| s.as_ref().map_or(0, |s| s.text.len()))
                    .collect();
                (w.label.clone(), w.language.clone(), lengths)
            })
            .collect();
        Self {
            id: comparison.id.clone(),
            witnesses,
            normalization,
        }
    }
}

/// One collation window: a collation per language, and the view's state of each.
struct Shown {
    /// The comparison it collates, and how; none for witnesses from a file (a TEI collation),
    /// which no comparison closes.
    source: Option<Source>,
    /// What counted as the same.
    normalization: Normalization,
    /// What is known of each witness of each language (for a TEI file's header).
    descriptions: Vec<Vec<String>>,
    /// The comparison's title.
    title: String,
    /// The languages' names, in the order of their first witness.
    languages: Vec<String>,
    /// Their tags (`ru`, `en`; empty when unknown), in the same order.
    tags: Vec<String>,
    /// What the reader is told of the languages kept apart.
    note: Option<String>,
    /// The language shown (an index into `languages`).
    chosen: usize,
    /// The collations being made.
    task: Option<Task<Result<Vec<Collation>, String>>>,
    /// The collations, one per language, once made.
    collations: Vec<Collation>,
    /// Why there are none, if the work failed.
    failed: Option<String>,
    /// The view's state for each language.
    views: Vec<CollationViewState>,
}

impl CollationPart {
    /// Whether the collation window is open.
    pub fn is_open(&self) -> bool {
        self.shown.is_some()
    }

    /// The title of the comparison whose witnesses are collated, while the window is open.
    pub fn title(&self) -> Option<&str> {
        self.shown.as_ref().map(|s| s.title.as_str())
    }

    /// What counted as the same in the collation shown, while the window is open.
    pub fn normalization(&self) -> Option<Normalization> {
        self.shown.as_ref().map(|s| s.normalization)
    }

    /// Whether the witnesses are still being collated.
    pub fn is_collating(&self) -> bool {
        self.shown.as_ref().is_some_and(|s| s.task.is_some())
    }

    /// Closes the window.
    pub fn close(&mut self) {
        self.shown = None;
    }

    /// Opens the window on `groups` (each of two or more witnesses), collating them off the
    /// UI thread under `normalization`.
    fn start(
        &mut self,
        (source, title): (Option<Source>, String),
        groups: Vec<LanguageGroup>,
        note: Option<String>,
        normalization: Normalization,
        ctx: &egui::Context,
    ) {
        let languages: Vec<String> = groups.iter().map(|g| language_name(&g.language)).collect();
        let tags = groups.iter().map(|g| g.language.clone()).collect();
        let descriptions = groups.iter().map(|g| g.descriptions.clone()).collect();
        let task = Task::spawn("lectern-collate", ctx, move |_| {
            Ok(groups
                .iter()
                .map(|group| collate(&group.witnesses, &normalization))
                .collect())
        });
        self.shown = Some(Shown {
            source,
            normalization,
            descriptions,
            title,
            views: languages
                .iter()
                .map(|_| CollationViewState::default())
                .collect(),
            languages,
            tags,
            note,
            chosen: 0,
            task: Some(task),
            collations: Vec::new(),
            failed: None,
        });
    }

    /// Opens the window on the witnesses of a file (a TEI parallel-segmentation collation
    /// opened with Open file…), collated again under the wording's normalisation.
    pub(super) fn open_witnesses(
        &mut self,
        title: String,
        witnesses: Vec<WitnessText>,
        ctx: &egui::Context,
    ) {
        let descriptions = witnesses.iter().map(|_| String::new()).collect();
        let group = LanguageGroup {
            language: String::new(),
            witnesses,
            descriptions,
        };
        self.start(
            (None, title),
            vec![group],
            None,
            Normalization::wording(),
            ctx,
        );
    }

    /// Draws the window, when it is open; it closes by its ×. Gives the collation shown as a
    /// TEI file (its name and bytes) when the reader asked to export it.
    #[must_use]
    pub(super) fn window_ui(&mut self, ctx: &egui::Context) -> Option<(String, Vec<u8>)> {
        let shown = self.shown.as_mut()?;
        shown.poll();
        let mut open = true;
        // It opens at the foot of the window, clear of the comparison's title and toolbar
        // (what counts as different, the witnesses, Collate itself), which it follows.
        let screen = ctx.content_rect();
        let height = (screen.height() * 0.5).clamp(240.0, 520.0);
        let export = egui::Window::new(crate::tr!("app-collation-window", title = &shown.title))
            .id(egui::Id::unique("lectern-collation-window"))
            .open(&mut open)
            .collapsible(false)
            .pivot(egui::Align2::CENTER_BOTTOM)
            .default_pos(screen.center_bottom() - egui::vec2(0.0, 36.0))
            .default_size([960.0_f32.min(screen.width() - 40.0).max(200.0), height])
            .show(ctx, |ui| shown.contents_ui(ui))
            .and_then(|response| response.inner)
            .flatten();
        if !open {
            self.shown = None;
        }
        export
    }
}

impl Shown {
    /// Takes the collations when they are made.
    fn poll(&mut self) {
        let gone = || Err(crate::tr!("app-collation-stopped"));
        match Task::poll(&mut self.task, gone) {
            Some(Ok(collations)) => self.collations = collations,
            Some(Err(why)) => self.failed = Some(why),
            None => {}
        }
    }

    /// The note on languages, the chooser of the language, and the collation of the chosen;
    /// the chosen language's TEI file when the reader asked to export it.
    fn contents_ui(&mut self, ui: &mut egui::Ui) -> Option<(String, Vec<u8>)> {
        if let Some(note) = &self.note {
            ui.label(egui::RichText::new(note).italics());
        }
        if self.languages.len() > 1 {
            ui.horizontal(|ui| {
                ui.label(crate::tr!("app-collation-language"));
                for (index, name) in self.languages.iter().enumerate() {
                    if ui.selectable_label(self.chosen == index, name).clicked() {
                        self.chosen = index;
                    }
                }
            });
        }
        ui.separator();
        let chosen = self.chosen;
        if let (Some(collation), Some(view)) =
            (self.collations.get(chosen), self.views.get_mut(chosen))
        {
            for event in collation_ui(ui, collation, view) {
                match event {
                    // A place chosen in the apparatus or the overview is shown in the table,
                    // at its column.
                    CollationEvent::PlaceChosen(place) => view.choose(place),
                    CollationEvent::ExportTei | CollationEvent::ExportPdf => {
                        // The language is named when the witnesses say which it is.
                        let title = match self.tags.get(chosen).filter(|t| !t.is_empty()) {
                            Some(_) => format!("{}: {}", self.title, self.languages[chosen]),
                            None => self.title.clone(),
                        };
                        if event == CollationEvent::ExportPdf {
                            match crate::ui::collation_view::pdf_file(collation, view.base, &title)
                            {
                                Ok(file) => return Some(file),
                                Err(why) => {
                                    self.failed = Some(why);
                                    return None;
                                }
                            }
                        }
                        let descriptions = self.descriptions.get(chosen).cloned();
                        return Some(tei_file(
                            collation,
                            view.base,
                            &title,
                            &self.normalization,
                            &descriptions.unwrap_or_default(),
                        ));
                    }
                }
            }
        } else if let Some(why) = &self.failed {
            ui.label(crate::tr!("app-collation-failed", error = why));
        } else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(crate::tr!("app-collating"));
            });
        }
        None
    }
}

impl LecternApp {
    /// Collates the open comparison's witnesses, each language apart, in a window over the
    /// desk.
    pub(super) fn collate_witnesses(&mut self, ctx: &egui::Context) {
        let Some(state) = &self.comparison else {
            self.notices.push(crate::tr!("app-collate-no-comparison"));
            return;
        };
        let comparison = state.comparison();
        let groups = by_language(comparison);
        let note = apart_note(&groups);
        let groups: Vec<LanguageGroup> = groups
            .into_iter()
            .filter(|g| g.witnesses.len() >= 2)
            .collect();
        if groups.is_empty() {
            self.notices.push(crate::tr!("app-collate-too-few"));
            return;
        }
        let normalization = state.normalization();
        let source = Source::of(comparison, normalization);
        let title = comparison.title.clone();
        self.collation
            .start((Some(source), title), groups, note, normalization, ctx);
    }

    /// Keeps the collation window on the open comparison: closed when the comparison is
    /// closed or another takes its place, collated again when its witnesses (added, removed,
    /// reordered, edited) or what counts as the same have changed.
    pub(super) fn keep_collation_current(&mut self, ctx: &egui::Context) {
        let Some(Some(source)) = self.collation.shown.as_ref().map(|s| &s.source) else {
            return;
        };
        let now = self
            .comparison
            .as_ref()
            .filter(|state| !state.is_computing())
            .map(|state| Source::of(state.comparison(), state.normalization()));
        match now {
            Some(now) if now == *source => {}
            Some(now) if now.id == source.id => {
                // Closed first: a comparison that can no longer be collated (one witness left
                // in each language) says so once, and leaves no window on its old witnesses.
                self.collation.close();
                self.collate_witnesses(ctx);
            }
            // Still being computed: the comparison is the same one until it is done.
            None if self.comparison.as_ref().is_some_and(|c| c.is_computing()) => {}
            Some(_) | None => self.collation.close(),
        }
    }

    /// The collation window.
    pub fn collation(&self) -> &CollationPart {
        &self.collation
    }
}
