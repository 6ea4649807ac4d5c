//! The body of the comparison: witness headings, one row per segment with its witnesses side by side, links to the passages, and notes on differences.

use super::ComparisonState;
use super::columns::{GAP, SEGMENT_COLUMN, column, column_width};
use super::inputs::ComparisonView;
use super::marks::JobStyle;
use super::marks::inline_job;
use super::marks::marked_job;
use crate::model::comparison::Comparison;
use crate::model::comparison::ComparisonNote;
use crate::model::diff::Marked;
use crate::ui::action::Action;
use crate::ui::action::ComparisonAction;
use egui::Align;
use egui::RichText;
use egui::Sense;
use egui::Stroke;
use egui::Ui;
use egui::Vec2;
use egui::text::LayoutJob;

pub(super) fn estimate_height(
    state: &ComparisonState,
    segment: usize,
    width: f32,
    font_size: f32,
) -> f32 {
    let longest = state
        .comparison
        .witnesses
        .iter()
        .filter_map(|w| w.segments.get(segment).and_then(Option::as_ref))
        .map(|s| s.text.chars().count())
        .max()
        .unwrap_or(0) as f32;
    let per_line = (width / (font_size * 0.5)).max(10.0);
    ((longest / per_line).ceil() + 2.0) * font_size * 1.3
}

pub(super) fn rows_ui(
    ui: &mut Ui,
    state: &mut ComparisonState,
    view: &ComparisonView<'_>,
    style: &JobStyle,
    actions: &mut Vec<Action>,
) {
    let inline = state.inline;
    let segments = state.comparison.segments.len();
    if state.heights.len() != segments {
        state.heights = vec![0.0; segments];
    }
    let scroll_to = state.scroll_to.take();
    let visible: Vec<usize> = state.visible();
    let width = if inline {
        (ui.available_width() - SEGMENT_COLUMN - GAP - 16.0).max(240.0)
    } else {
        column_width(ui, visible.len())
    };
    for segment in 0..segments {
        let top = ui.cursor().min;
        let known = state.heights[segment];
        let height = if known > 0.0 {
            known
        } else {
            estimate_height(state, segment, width, view.font_size)
        };
        let rect = egui::Rect::from_min_size(top, Vec2::new(ui.available_width(), height));
        if scroll_to != Some(segment) && !ui.is_rect_visible(rect) {
            ui.allocate_space(Vec2::new(ui.available_width(), height));
            continue;
        }
        // The difference stepped to is scrolled to by its cell, where its words are; a segment
        // without it (stepped to by a note, say) as a whole.
        let current_here = state.current.is_some_and(|c| {
            state
                .result
                .as_ref()
                .and_then(|r| r.differences.get(c))
                .is_some_and(|d| d.segment == segment)
        });
        let rows = Rows {
            view,
            style,
            visible: &visible,
            width,
            inline,
            scroll_to_current: scroll_to == Some(segment) && current_here,
        };
        let response = ui.vertical(|ui| {
            row_ui(ui, state, &rows, actions, segment);
            ui.separator();
        });
        let drawn = response.response.rect;
        state.heights[segment] = drawn.height();
        if scroll_to == Some(segment) && !rows.scroll_to_current {
            // Vertically only: the segment names at the left stay in view.
            let left =
                egui::Rect::from_x_y_ranges(drawn.left()..=drawn.left() + 1.0, drawn.y_range());
            // A segment taller than the view is shown from its top: centred, a long witness
            // beside short ones left the view on blank space below the short ones.
            let align = if drawn.height() > ui.clip_rect().height() {
                Align::Min
            } else {
                Align::Center
            };
            ui.scroll_to_rect(left, Some(align));
        }
    }
}

/// What every row of one frame shares: how it is drawn, and which witnesses in which width.
pub(super) struct Rows<'a> {
    pub(super) view: &'a ComparisonView<'a>,
    pub(super) style: &'a JobStyle,
    /// The witnesses shown, in order.
    pub(super) visible: &'a [usize],
    /// The width of a witness column (of the one column, inline).
    pub(super) width: f32,
    /// One column with the witnesses one under the other.
    pub(super) inline: bool,
    /// Whether to scroll to the difference stepped to (it is in this row).
    pub(super) scroll_to_current: bool,
}

/// Lays `job` out as a clickable label and, when `scroll_to` is given (a character of the
/// job), scrolls it into the middle of the view.
fn label_scrolled_to(ui: &mut Ui, job: LayoutJob, scroll_to: Option<usize>) -> egui::Response {
    let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
    let at = scroll_to.map(|index| galley.pos_from_cursor(egui::text::CCursor::new(index)));
    let response = ui.add(egui::Label::new(galley).sense(Sense::click()));
    if let Some(at) = at {
        let rect = at.translate(response.rect.min.to_vec2());
        // Vertically only: the view does not move sideways.
        let left = ui.clip_rect().left();
        let rect = egui::Rect::from_x_y_ranges(left..=left + 1.0, rect.y_range());
        ui.scroll_to_rect(rect, Some(Align::Center));
    }
    response
}

/// One segment's row: its name and counts, its witnesses, and its notes.
pub(super) fn row_ui(
    ui: &mut Ui,
    state: &mut ComparisonState,
    rows: &Rows<'_>,
    actions: &mut Vec<Action>,
    segment: usize,
) {
    let Some((all_cells, differences)) = state.rows_so_far() else {
        return;
    };
    let current = state
        .current
        .and_then(|c| differences.get(c))
        .filter(|d| d.segment == segment)
        .cloned();
    let cells = all_cells.get(segment).map(Vec::as_slice);
    let comparison = &state.comparison;
    ui.horizontal_top(|ui| {
        column(ui, SEGMENT_COLUMN, |ui| {
            segment_head_ui(ui, comparison, cells, rows.visible, segment, actions);
        });
        ui.add_space(GAP);
        if rows.inline {
            column(ui, rows.width, |ui| {
                for &w in rows.visible {
                    let at = InlineCell {
                        comparison,
                        cells,
                        current: current.as_ref(),
                        witness: w,
                        segment,
                    };
                    inline_cell_ui(ui, &at, rows, actions);
                }
            });
        } else {
            for &w in rows.visible {
                ui.add_space(GAP);
                column(ui, rows.width, |ui| {
                    let cell = Cell {
                        comparison,
                        cells,
                        current: current.as_ref(),
                        witness: w,
                        segment,
                    };
                    column_cell_ui(ui, &cell, rows, actions);
                });
            }
        }
    });
    notes_ui(ui, state, rows.view, actions, segment);
}

/// The segment's name, the counts of differences of each witness, and its Note button.
fn segment_head_ui(
    ui: &mut Ui,
    comparison: &Comparison,
    cells: Option<&[crate::model::comparison::Cell]>,
    visible: &[usize],
    segment: usize,
    actions: &mut Vec<Action>,
) {
    ui.label(RichText::new(&comparison.segments[segment]).strong());
    if let Some(row) = cells {
        for &w in visible {
            let Some(cell) = row.get(w).filter(|c| c.reference.is_some()) else {
                continue;
            };
            let text = RichText::new(format!("{}: {}", w + 1, cell.counts.summary())).small();
            ui.label(if cell.counts.is_same() {
                text.weak()
            } else {
                text
            });
        }
    }
    if ui
        .small_button(crate::tr!("compare-note"))
        .on_hover_text(crate::tr!("compare-note-tip"))
        .accessible_name(crate::tr!(
            "compare-note-on-segment",
            segment = &comparison.segments[segment]
        ))
        .clicked()
    {
        actions.push(Action::Comparison(ComparisonAction::NoteOnDifference {
            segment,
            difference: None,
        }));
    }
}

/// One witness of the segment, inline: its heading, then its wording with the changes
/// against the witness it is marked against.
fn inline_cell_ui(ui: &mut Ui, at: &InlineCell<'_>, rows: &Rows<'_>, actions: &mut Vec<Action>) {
    let (comparison, cells, w, segment) = (at.comparison, at.cells, at.witness, at.segment);
    let witness = &comparison.witnesses[w];
    let Some(Some(own)) = witness.segments.get(segment) else {
        return;
    };
    let cell = cells.and_then(|r| r.get(w)).cloned().unwrap_or_default();
    let reference = cell
        .reference
        .and_then(|r| comparison.witnesses[r].segments[segment].as_ref());
    let head = match cell.reference {
        Some(r) => crate::tr!(
            "compare-inline-head",
            number = w + 1,
            witness = &witness.label,
            reference = r + 1
        ),
        None => format!("{}. {}", w + 1, witness.label),
    };
    ui.label(RichText::new(head).small().strong());
    // The difference stepped to is marked where this witness shows it (its own words and
    // the removed words of its reference).
    let current = at.current.filter(|d| d.witness == w);
    let terms = rows
        .view
        .terms
        .and_then(|t| t.get(&(segment, w)))
        .map_or(&[][..], Vec::as_slice);
    let (job, current_at) = inline_job(
        (reference.map_or("", |s| s.text.as_str()), &own.text),
        &cell,
        current,
        terms,
        rows.style,
        rows.width,
    );
    let scroll_to = current_at.filter(|_| rows.scroll_to_current);
    let frame = if current.is_some() {
        egui::Frame::NONE
            .stroke(Stroke::new(1.5, ui.visuals().selection.stroke.color))
            .inner_margin(2.0)
    } else {
        egui::Frame::NONE.inner_margin(2.0)
    };
    frame.show(ui, |ui| {
        let response = label_scrolled_to(ui, job, scroll_to);
        link_cell(response, own, witness, w, segment, actions);
    });
    ui.add_space(4.0);
}

/// Which cell an inline row shows.
type InlineCell<'a> = Cell<'a>;

/// Which cell of the table a column shows.
struct Cell<'a> {
    comparison: &'a Comparison,
    cells: Option<&'a [crate::model::comparison::Cell]>,
    /// The difference stepped to, if it is in this segment.
    current: Option<&'a crate::model::comparison::Difference>,
    witness: usize,
    segment: usize,
}

/// One witness of the segment in its column, with its marks, outlined when the difference
/// stepped to is in it.
fn column_cell_ui(ui: &mut Ui, at: &Cell<'_>, rows: &Rows<'_>, actions: &mut Vec<Action>) {
    let (comparison, w, segment) = (at.comparison, at.witness, at.segment);
    let witness = &comparison.witnesses[w];
    let Some(Some(own)) = witness.segments.get(segment) else {
        ui.label(RichText::new("—").weak())
            .on_hover_text(crate::tr!("compare-nothing-here"));
        return;
    };
    let cell = at.cells.and_then(|r| r.get(w)).cloned().unwrap_or_default();
    let highlight = at.current.and_then(|d| {
        if d.witness == w {
            Some(d.range.clone())
        } else if d.reference == w {
            Some(d.reference_range.clone())
        } else {
            None
        }
    });
    let onward = onward_marks(comparison, at.cells, rows.visible, w, segment);
    let terms = rows
        .view
        .terms
        .and_then(|t| t.get(&(segment, w)))
        .map_or(&[][..], Vec::as_slice);
    let job = marked_job(
        &own.text,
        (&cell.marks, onward, terms),
        highlight,
        rows.style,
        rows.width,
    );
    let frame = if at
        .current
        .is_some_and(|d| d.witness == w || d.reference == w)
    {
        egui::Frame::NONE
            .stroke(Stroke::new(1.5, ui.visuals().selection.stroke.color))
            .inner_margin(2.0)
    } else {
        egui::Frame::NONE.inner_margin(2.0)
    };
    let scroll_to = at
        .current
        .filter(|d| d.witness == w && rows.scroll_to_current)
        .map(|d| d.range.start);
    frame.show(ui, |ui| {
        let response = label_scrolled_to(ui, job, scroll_to);
        link_cell(response, own, witness, w, segment, actions);
    });
    carried_ui(ui, at, rows.view, &own.text, actions);
}

/// The marks of witness `w` toward the next witness shown that has a wording in `segment`.
/// Removals are struck only in the first column of a chain, toward the next column shown,
/// so that the columns read like a printed apparatus: the base struck where later witnesses
/// differ, each later witness underlined where it differs from the one before it.
pub(super) fn onward_marks<'a>(
    comparison: &Comparison,
    cells: Option<&'a [crate::model::comparison::Cell]>,
    visible: &[usize],
    w: usize,
    segment: usize,
) -> &'a [Marked] {
    let next = visible
        .iter()
        .copied()
        .find(|&n| n > w && matches!(comparison.witnesses[n].segments.get(segment), Some(Some(_))));
    let cell = cells.and_then(|r| r.get(w));
    match (next.and_then(|n| cells.and_then(|r| r.get(n))), cell) {
        (Some(next_cell), Some(cell))
            if next_cell.reference == Some(w) && cell.reference.is_none() =>
        {
            &cell.onward
        }
        _ => &[],
    }
}

/// The notes on other witnesses carried to this one's aligned words: whose, on which words,
/// the note, how sure the alignment is, and Copy here.
fn carried_ui(
    ui: &mut Ui,
    at: &Cell<'_>,
    view: &ComparisonView<'_>,
    own: &str,
    actions: &mut Vec<Action>,
) {
    let here = view
        .carried
        .iter()
        .enumerate()
        .filter(|(_, c)| c.witness == at.witness && c.from.segment == at.segment);
    for (index, carried) in here {
        let from = &at.comparison.witnesses[carried.from.witness];
        let words = crate::model::diff::CharIndex::new(own)
            .slice(carried.range.range())
            .to_owned();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(
                RichText::new(crate::tr!(
                    "compare-carried-from",
                    witness = &from.label,
                    words = &words
                ))
                .small()
                .strong(),
            );
            ui.label(RichText::new(&carried.from.note).small());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(carried.sureness()).small().weak())
                    .on_hover_text(crate::tr!("compare-sureness-tip"));
                if view.editable
                    && ui
                        .small_button(crate::tr!("compare-copy-here"))
                        .on_hover_text(crate::tr!("compare-copy-here-tip"))
                        .clicked()
                {
                    actions.push(Action::Comparison(ComparisonAction::CopyCarriedNote(index)));
                }
            });
        });
    }
}

pub(super) fn link_cell(
    response: egui::Response,
    own: &crate::model::comparison::SegmentText,
    witness: &crate::model::comparison::Witness,
    index: usize,
    segment: usize,
    actions: &mut Vec<Action>,
) {
    if own.source_text.is_some() {
        let response = response
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .on_hover_text(crate::tr!("compare-open-passage-tip"));
        if response.clicked() {
            actions.push(Action::Comparison(ComparisonAction::OpenWitnessPassage {
                witness: index,
                segment,
            }));
        }
    } else {
        response.on_hover_text(crate::tr!("compare-source", source = &witness.source));
    }
}

pub(super) fn notes_ui(
    ui: &mut Ui,
    state: &mut ComparisonState,
    view: &ComparisonView<'_>,
    actions: &mut Vec<Action>,
    segment: usize,
) {
    let notes: Vec<&ComparisonNote> = view
        .notes
        .iter()
        .filter(|n| n.comparison_id == state.comparison.id && n.segment == segment)
        .collect();
    for note in notes {
        let color = view
            .categories
            .iter()
            .find(|(id, _, _)| Some(id) == note.category_id.as_ref())
            .map_or(ui.visuals().weak_text_color(), |(_, _, c)| *c);
        egui::Frame::group(ui.style())
            .stroke(Stroke::new(1.0, color))
            .show(ui, |ui| note_ui(ui, state, view, note, actions));
    }
    super::group_notes::group_notes_ui(ui, state, view, segment);
}

/// One note: what it is on, its text (kept as it is typed), its category, Delete.
fn note_ui(
    ui: &mut Ui,
    state: &mut ComparisonState,
    view: &ComparisonView<'_>,
    note: &ComparisonNote,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(crate::tr!("compare-note-on", subject = note.subject()))
                .small()
                .strong(),
        );
    });
    if let Some(from) = &note.carried_from {
        ui.label(
            RichText::new(crate::tr!(
                "compare-note-carried-from",
                witness = &from.witness,
                quote = &from.quote
            ))
            .small()
            .weak(),
        );
    }
    let draft = state
        .drafts
        .entry(note.note_id.clone())
        .or_insert_with(|| note.note.clone());
    let edit = ui
        .add_enabled(
            view.editable,
            egui::TextEdit::multiline(draft)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text(crate::tr!("compare-note-hint")),
        )
        .accessible_name(crate::tr!("compare-note-name", subject = note.subject()));
    if state.focus_note.as_deref() == Some(note.note_id.as_str()) {
        edit.request_focus();
        state.focus_note = None;
    }
    let mut changed = note.clone();
    let mut dirty = false;
    if edit.changed() {
        changed.note = draft.clone();
        dirty = true;
    }
    ui.horizontal(|ui| {
        dirty |= note_category_ui(ui, view, note, &mut changed);
        if ui
            .add_enabled(
                view.editable,
                egui::Button::new(crate::tr!("compare-delete-note")).small(),
            )
            .clicked()
        {
            actions.push(Action::Comparison(ComparisonAction::DeleteComparisonNote(
                note.note_id.clone(),
            )));
        }
    });
    if dirty && view.editable {
        actions.push(Action::Comparison(ComparisonAction::ChangeComparisonNote(
            Box::new(changed),
        )));
    }
}

/// The note's category, chosen from the reader's categories; true when it was changed.
fn note_category_ui(
    ui: &mut Ui,
    view: &ComparisonView<'_>,
    note: &ComparisonNote,
    changed: &mut ComparisonNote,
) -> bool {
    let mut dirty = false;
    let current = view
        .categories
        .iter()
        .find(|(id, _, _)| Some(id) == note.category_id.as_ref())
        .map_or_else(
            || crate::tr!("compare-no-category"),
            |(_, name, _)| name.clone(),
        );
    egui::ComboBox::new(
        ("note-category", &note.note_id),
        crate::tr!("compare-category"),
    )
    .selected_text(current)
    .show_ui(ui, |ui| {
        if ui
            .selectable_label(
                note.category_id.is_none(),
                crate::tr!("compare-no-category"),
            )
            .clicked()
        {
            changed.category_id = None;
            dirty = true;
        }
        for (id, name, _) in view.categories {
            if ui
                .selectable_label(note.category_id.as_ref() == Some(id), name)
                .clicked()
            {
                changed.category_id = Some(id.clone());
                dirty = true;
            }
        }
    });
    dirty
}
