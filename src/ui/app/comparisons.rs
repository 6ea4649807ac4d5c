//! Comparisons: opening bundled and the reader's own, comparing selections and texts, notes on differences, exports.

use super::LecternApp;
use crate::model::clock;
use crate::model::comparison::ComparisonNote;
use crate::model::comparison::Reference;
use crate::model::comparison::WordingInput;
use crate::model::comparison::export as comparison_export;
use crate::model::diff::Normalization;
use crate::model::notebook::Edit;
use crate::model::text::CharRange;
use crate::storage::reading_state::ComparisonRecord;
use crate::ui::action::ComparisonViewAction;
use crate::ui::action::ExportFormat;
use crate::ui::compare_view::ComparisonInput;
use crate::ui::compare_view::ComparisonState;
use crate::ui::compare_view::{PictureOf, PictureStyle, picture};
use crate::ui::task::Task;

/// The reader's own comparisons up to this many bytes of wording are kept in the reading
/// state, to be opened again after a restart.
const KEPT_COMPARISON_SIZE: usize = 64 * 1024;

impl LecternApp {
    /// Opens the comparison a note is on, at the note's segment, with the note in focus.
    pub(super) fn open_comparison_note(&mut self, note_id: String, ctx: &egui::Context) {
        let notes = self.notebook.comparison_notes();
        let Some(note) = notes.iter().find(|n| n.note_id == note_id) else {
            return;
        };
        let (comparison_id, segment) = (note.comparison_id.clone(), note.segment);
        let open = self
            .comparison
            .as_ref()
            .is_some_and(|s| s.comparison().id == comparison_id);
        if !open {
            self.open_comparison(&comparison_id, ctx);
        }
        match &mut self.comparison {
            Some(state) if state.comparison().id == comparison_id => {
                state.scroll_to_segment(segment);
                state.focus_note(note_id);
            }
            _ => self.notices.push(crate::tr!("app-note-comparison-gone")),
        }
    }

    /// Opens a bundled comparison or one of the reader's own at `segment` (as a search result
    /// asks), unless it is open already; then scrolls to the segment.
    pub(super) fn open_comparison_at(&mut self, id: &str, segment: usize, ctx: &egui::Context) {
        let open = self
            .comparison
            .as_ref()
            .is_some_and(|s| s.comparison().id == id);
        if !open {
            self.open_comparison(id, ctx);
        }
        match &mut self.comparison {
            Some(state) if state.comparison().id == id => state.scroll_to_segment(segment),
            _ => self.notices.push(crate::tr!("app-comparison-gone")),
        }
    }

    /// Opens a bundled comparison or one of the reader's own.
    pub(super) fn open_comparison(&mut self, id: &str, ctx: &egui::Context) {
        let bundled = self.bundled_comparisons.iter().find(|c| c.id == id);
        let (comparison, readers_own) = match bundled {
            Some(c) => (c.clone(), false),
            None => match self.notebook.readers_comparison(id) {
                Some(c) => (c.clone(), true),
                None => return,
            },
        };
        self.show_comparison(ComparisonInput::Ready(comparison), readers_own, ctx);
    }

    pub(super) fn show_comparison(
        &mut self,
        input: ComparisonInput,
        readers_own: bool,
        ctx: &egui::Context,
    ) {
        let (normalization, full) = self
            .comparison
            .as_ref()
            .map_or((Normalization::wording(), false), |s| {
                (s.normalization(), s.is_full())
            });
        if let Some(state) = &mut self.comparison {
            state.cancel();
        }
        let mut state = ComparisonState::open(input, readers_own, normalization, ctx);
        state.set_full(full);
        self.comparison = Some(state);
    }

    /// The open comparison as the reading state keeps it: the reader's own ones that are not
    /// kept with the notes are kept whole when small.
    pub(super) fn comparison_record(&self) -> Option<ComparisonRecord> {
        // While the reader's own wordings are first aligned there is nothing to keep yet.
        let state = self
            .comparison
            .as_ref()
            .filter(|s| !s.is_computing() || !s.comparison().witnesses.is_empty())?;
        let id = state.comparison().id.clone();
        let known = self.bundled_comparisons.iter().any(|c| c.id == id)
            || self.notebook.readers_comparison(&id).is_some();
        let own = if known {
            None
        } else {
            state.small_copy(KEPT_COMPARISON_SIZE)
        };
        if !known && own.is_none() {
            return None;
        }
        Some(ComparisonRecord {
            id,
            own,
            full: state.is_full(),
            inline: state.is_inline(),
            normalization: state.normalization(),
            reference: state.reference(),
            hidden: state.hidden().to_vec(),
            description_open: state.description_open(),
        })
    }

    /// Opens again the comparison that was open when Lectern closed, as it was shown.
    pub(super) fn restore_comparison(&mut self, record: ComparisonRecord, ctx: &egui::Context) {
        let bundled = self.bundled_comparisons.iter().find(|c| c.id == record.id);
        let (comparison, readers_own) = match (bundled, record.own) {
            (Some(c), _) => (c.clone(), false),
            (None, Some(own)) if own.validate().is_ok() => {
                (std::sync::Arc::unwrap_or_clone(own), true)
            }
            _ => match self.notebook.readers_comparison(&record.id) {
                Some(c) => (c.clone(), true),
                None => return,
            },
        };
        let witnesses = comparison.witnesses.len();
        let reference = match record.reference {
            Reference::Base(base) if base >= witnesses => Reference::Previous,
            other => other,
        };
        let mut state = ComparisonState::open(
            ComparisonInput::Ready(comparison),
            readers_own,
            record.normalization,
            ctx,
        );
        if reference != state.reference() {
            state.apply(ComparisonViewAction::SetReference(reference), ctx);
        }
        state.set_full(record.full);
        let inline = record.inline;
        state.apply(ComparisonViewAction::SetComparisonLayout { inline }, ctx);
        state.set_description_open(record.description_open);
        state.hide_witnesses(record.hidden);
        self.comparison = Some(state);
    }

    pub(super) fn open_readers_comparison(
        &mut self,
        title: String,
        inputs: Vec<WordingInput>,
        ctx: &egui::Context,
    ) {
        let id = format!("reader-{}", clock::new_annotation_id());
        self.show_comparison(ComparisonInput::Wordings { id, title, inputs }, true, ctx);
    }

    /// How many panes have a passage selected.
    pub fn selection_count(&self) -> usize {
        self.desk
            .panes()
            .iter()
            .filter(|p| p.view.selected_range().is_some())
            .count()
    }

    pub(super) fn compare_selections(&mut self, ctx: &egui::Context) {
        let inputs: Vec<WordingInput> = self
            .desk
            .panes()
            .iter()
            .filter_map(|pane| {
                let range = pane.view.selected_range()?;
                Some(WordingInput::from_text(&pane.text, range))
            })
            .collect();
        if inputs.len() < 2 {
            self.notices.push(crate::tr!("app-compare-selections-how"));
            return;
        }
        let title = crate::tr!("app-selections-title", labels = labels(&inputs));
        self.open_readers_comparison(title, inputs, ctx);
    }

    pub(super) fn compare_open_texts(&mut self, ctx: &egui::Context) {
        let inputs: Vec<WordingInput> = self
            .desk
            .panes()
            .iter()
            .map(|pane| WordingInput::from_text(&pane.text, (0..pane.text.char_len()).into()))
            .collect();
        if inputs.len() < 2 {
            self.notices.push(crate::tr!("app-compare-texts-how"));
            return;
        }
        let title = crate::tr!("app-texts-title", labels = labels(&inputs));
        self.open_readers_comparison(title, inputs, ctx);
    }

    /// Opens a witness's passage in its text, selected, beside the comparison.
    pub(super) fn open_witness_passage(&mut self, witness: usize, segment: usize) {
        let Some(state) = &mut self.comparison else {
            return;
        };
        let Some(Some(passage)) = state
            .comparison()
            .witnesses
            .get(witness)
            .and_then(|w| w.segments.get(segment))
        else {
            return;
        };
        let Some(text) = passage
            .source_text
            .as_ref()
            .and_then(|id| self.library.get(id))
            .cloned()
        else {
            return;
        };
        let start = passage.at.or_else(|| {
            text.content()
                .find(&passage.text)
                .map(|byte| text.content()[..byte].chars().count())
        });
        let Some(start) = start else {
            let title = &text.meta().title;
            state.set_message(Some(crate::tr!("app-passage-not-found", title = title)));
            return;
        };
        let range = CharRange(start..start.saturating_add(passage.text.chars().count()));
        state.set_full(false);
        self.show_range(text.id(), range, true, true);
    }

    pub(super) fn note_on_difference(&mut self, segment: usize, difference: Option<usize>) {
        if !self.editable() {
            return;
        }
        let Some(state) = &mut self.comparison else {
            return;
        };
        let found = difference.and_then(|i| state.result()?.differences.get(i).cloned());
        let note = ComparisonNote::new(
            clock::new_annotation_id(),
            state.comparison(),
            segment,
            found.as_ref(),
            &clock::now(),
        );
        state.focus_note(note.note_id.clone());
        state.scroll_to_segment(segment);
        // The reader's own comparison is kept with its notes (only the annotated part of a
        // long one); a bundled one is not stored.
        let readers_comparison = state.is_readers_own().then(|| state.comparison().clone());
        self.edit(Edit::AddComparisonNote {
            note,
            readers_comparison,
        });
    }

    pub(super) fn export_comparison(&mut self, format: ExportFormat, ctx: &egui::Context) {
        let Some(state) = &self.comparison else {
            return;
        };
        let Some(result) = state.result() else {
            return;
        };
        let (comparison, normalization, reference) = (
            state.comparison(),
            &state.normalization(),
            state.reference(),
        );
        // The reader's notes on this comparison's differences go with it.
        let notes: Vec<ComparisonNote> = self
            .notebook
            .comparison_notes()
            .iter()
            .filter(|n| n.comparison_id == comparison.id)
            .cloned()
            .collect();
        let content = match format {
            ExportFormat::Markdown => {
                comparison_export::to_markdown(comparison, result, normalization, reference, &notes)
            }
            ExportFormat::Html => {
                comparison_export::to_html(comparison, result, normalization, reference, &notes)
            }
            ExportFormat::Png => {
                self.draw_comparison_picture(ctx);
                return;
            }
            ExportFormat::Pdf => {
                use crate::formats::print::{Document, Marks, from_markdown, to_pdf};
                let markdown = comparison_export::to_markdown(
                    comparison,
                    result,
                    normalization,
                    reference,
                    &notes,
                );
                let document = Document {
                    title: comparison.title.clone(),
                    author: None,
                    language: "en".to_owned(),
                    blocks: from_markdown(&markdown, Marks::Comparison),
                };
                let name = crate::ui::export_file_name(&comparison.title, format.extension());
                match to_pdf(&document) {
                    Ok(pdf) => self.start_export(pdf, name, ctx),
                    Err(e) => self.notices.push(e.to_string()),
                }
                return;
            }
        };
        let name = crate::ui::export_file_name(&comparison.title, format.extension());
        self.start_export(content.into_bytes(), name, ctx);
    }

    /// Draws the open comparison whole (every row, with the notes on its differences, none of
    /// the window around it) off the UI thread; [`Self::poll_export`] saves it.
    fn draw_comparison_picture(&mut self, ctx: &egui::Context) {
        if self.files.pending_picture.is_some() || self.files.pending_export.is_some() {
            return;
        }
        let Some(state) = &self.comparison else {
            return;
        };
        let Some(of) = PictureOf::of(state, self.notebook.comparison_notes()) else {
            return;
        };
        let style = PictureStyle {
            font_size: self.view.font_size(),
            dark: ctx.global_style().visuals.dark_mode,
            categories: self
                .category_colors()
                .into_iter()
                .map(|(id, _, color)| (id, color))
                .collect(),
            language: self.view.language(),
            ..PictureStyle::default()
        };
        // The picture is a document for others, in English like the other exports.
        self.files.pending_picture = Some(Task::spawn("lectern-picture", ctx, move |_| {
            crate::i18n::in_language(crate::i18n::Language::English, || picture(&of, &style))
        }));
    }
}

/// "A / B" of the witnesses' labels, for a comparison's title.
pub(super) fn labels(inputs: &[WordingInput]) -> String {
    inputs
        .iter()
        .map(|i| i.label.as_str())
        .collect::<Vec<_>>()
        .join(" / ")
}
