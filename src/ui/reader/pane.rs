//! Drawing a reading pane and handling its input, step by step: the pane's areas, scrolling,
//! the scrollbar, the paragraphs, selecting with the pointer (the selection toolbar and
//! context menu are in `pane_menus`), and the marks behind the text.

use super::Highlight;
use super::Highlights;
use super::ReaderParams;
use super::ReaderView;
use super::SCROLLBAR_WIDTH;
use super::area::PaneArea;
use super::layout::FrameLayout;
use super::layout::VisibleParagraph;
use super::marks::{marks, marks_over_text};
use super::pane_menus::{context_menu_ui, selection_toolbar_ui};
use crate::model::selection::Selection;
use crate::model::selection::paragraph_range_at;
use crate::model::selection::word_range_at;
use crate::model::text::Text;
use crate::ui::action::Action;
use crate::ui::action::{AnnotationAction, DeskAction};
use crate::ui::theme;
use egui::Color32;
use egui::CornerRadius;
use egui::Key;
use egui::Pos2;
use egui::Rect;
use egui::Sense;
use egui::Shape;
use egui::Stroke;
use egui::Ui;
use egui::pos2;
use egui::vec2;

/// Draws a reading pane for `text` in the whole of `rect`, handles its input, and returns the
/// actions the user asked for.
pub fn reader_ui(
    ui: &mut Ui,
    rect: Rect,
    text: &Text,
    view: &mut ReaderView,
    params: ReaderParams<'_>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let ctx = ui.ctx().clone();
    let area = PaneArea::of(rect, params.style);
    view.prepare_layouts(&ctx, text, params.style, area.column_width);
    let frame = FrameLayout {
        ctx: &ctx,
        text,
        style: params.style,
        wrap: area.column_width,
        view_height: area.view_height,
    };
    // Input: pointer on the text, wheel, keys.
    let response = ui.interact(area.text, params.id, Sense::click_and_drag());
    response.widget_info(|| {
        let number = params.pane_index + 1;
        let title = &text.meta().title;
        let name = crate::tr!("reading-pane-document-name", number = number, title = title);
        egui::WidgetInfo::labeled(egui::Role::Document, true, name)
    });
    let scrolling = scrolling_asked(ui, view, &params, &area);
    // Jumps asked for by code are not the reader's scrolling: linked panes do not follow them.
    view.jump_as_asked(&frame);
    view.update_fraction(&frame);
    let before = (view.scroll, view.place());
    view.scroll_as_asked(&frame, scrolling);
    // The page, under the scrollbar too.
    let colors = theme::reading_colors(ui.visuals().dark_mode);
    ui.painter()
        .rect_filled(area.body, CornerRadius::ZERO, colors.background);
    scrollbar_ui(ui, view, &frame, &area, &params, &mut actions);
    if view.scroll != before.0 {
        view.note_move(before.1, view.place());
        actions.push(Action::Desk(DeskAction::Scrolled(params.pane_index)));
    }
    // Paint: the marks' slot (behind the text), then the paragraphs.
    let painter = ui.painter_at(area.text);
    let marks_slot = painter.add(Shape::Noop);
    paint_paragraphs(&painter, view, &frame, &area, colors.text);
    page_numbers(ui, view, text, &area);
    accessible_paragraphs(ui, text, view, area.text, params.id);
    pointer_selection(ui, &response, view, text, &area, &params, &mut actions);
    selection_toolbar_ui(ui, view, text, &area, &params, &mut actions);
    response.context_menu(|ui| context_menu_ui(ui, view, &params, &mut actions));
    painter.set(
        marks_slot,
        Shape::Vec(marks(ui, view, text, &params, colors)),
    );
    marks_over_text(&painter, view, text, &params, colors);
    if params.is_active && response.has_focus() {
        // Arrow keys scroll this pane instead of moving the keyboard focus elsewhere.
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                params.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    tab: false,
                    escape: false,
                },
            );
        });
    }
    if params.is_active {
        ui.painter().line_segment(
            [
                area.body.left_top() + vec2(0.0, 0.5),
                area.body.right_top() + vec2(0.0, 0.5),
            ],
            Stroke::new(1.0, ui.visuals().selection.stroke.color.gamma_multiply(0.5)),
        );
    }
    actions
}

/// What the reader asked of the scroll position this frame.
#[derive(Default)]
pub(super) struct Scrolling {
    /// Points to scroll (positive: down).
    pub(super) by: f32,
    pub(super) home: bool,
    pub(super) end: bool,
}

/// The wheel over the pane, the keys when it is active, and scrolling asked for by code or by
/// a drag past the edge.
fn scrolling_asked(
    ui: &Ui,
    view: &mut ReaderView,
    params: &ReaderParams<'_>,
    area: &PaneArea,
) -> Scrolling {
    let style = params.style;
    let mut asked = Scrolling::default();
    if ui.rect_contains_pointer(area.body) {
        asked.by -= ui.input(|i| i.smooth_scroll_delta.y);
    }
    if params.is_active && !ui.ctx().text_edit_focused() {
        ui.input(|i| {
            let line = style.line_height() * 2.0;
            let page = (area.view_height - style.line_height() * 2.0).max(style.line_height());
            asked.by += line * i.num_presses(Key::ArrowDown) as f32;
            asked.by -= line * i.num_presses(Key::ArrowUp) as f32;
            asked.by += page * i.num_presses(Key::PageDown) as f32;
            asked.by -= page * i.num_presses(Key::PageUp) as f32;
            if i.key_pressed(Key::Space) {
                asked.by += if i.modifiers.shift { -page } else { page };
            }
            asked.home = i.key_pressed(Key::Home);
            asked.end = i.key_pressed(Key::End);
        });
    }
    asked.by += std::mem::take(&mut view.pending_scroll);
    if view.dragging && view.autoscroll != 0.0 {
        asked.by += view.autoscroll;
    }
    asked
}

/// The scrollbar: dragging or clicking its track goes to that place in the text.
fn scrollbar_ui(
    ui: &mut Ui,
    view: &mut ReaderView,
    frame: &FrameLayout<'_>,
    area: &PaneArea,
    params: &ReaderParams<'_>,
    actions: &mut Vec<Action>,
) {
    view.update_fraction(frame);
    if view.layouts.estimated_total() <= area.view_height {
        return;
    }
    let track = area.track;
    let track_response = ui.interact(track, params.id.with("scrollbar"), Sense::click_and_drag());
    let thumb_len = (track.height() * area.view_height / view.layouts.estimated_total())
        .clamp(24.0, track.height());
    if let Some(pointer) = track_response.interact_pointer_pos()
        && (track_response.dragged()
            || track_response.clicked()
            || track_response.is_pointer_button_down_on())
    {
        let fraction =
            (pointer.y - track.top() - thumb_len / 2.0) / (track.height() - thumb_len).max(1.0);
        view.go_to_fraction(frame, fraction);
        view.update_fraction(frame);
        if track_response.is_pointer_button_down_on() {
            actions.push(Action::Desk(DeskAction::FocusPane(params.pane_index)));
        }
    }
    let thumb_top = track.top() + view.fraction * (track.height() - thumb_len);
    let thumb = Rect::from_min_size(
        pos2(track.left() + 3.0, thumb_top),
        vec2(SCROLLBAR_WIDTH - 6.0, thumb_len),
    );
    let visuals = ui.visuals();
    let fill = if track_response.hovered() || track_response.dragged() {
        visuals.widgets.active.bg_fill
    } else {
        visuals.widgets.inactive.bg_fill
    };
    ui.painter().rect_filled(thumb, CornerRadius::same(3), fill);
}

/// Lays out and paints the paragraphs in view (and the one above, in the top margin), and
/// remembers where each one is for hit testing.
fn paint_paragraphs(
    painter: &egui::Painter,
    view: &mut ReaderView,
    frame: &FrameLayout<'_>,
    area: &PaneArea,
    text_color: Color32,
) {
    let (text, style) = (frame.text, frame.style);
    view.visible.clear();
    let count = text.paragraphs().len();
    let mut paragraph = view.scroll.paragraph;
    let mut y = area.body.top() + area.margin - view.scroll.offset;
    if paragraph > 0 && y > area.body.top() {
        let above = view.height(frame, paragraph - 1);
        y -= above;
        paragraph -= 1;
    }
    while paragraph < count && y < area.body.bottom() {
        let galley = view
            .layouts
            .galley(frame.ctx, text, paragraph, style, area.column_width);
        let origin = pos2(area.column_left, y);
        y += galley.size().y + style.paragraph_spacing();
        painter.galley(origin, galley.clone(), text_color);
        view.visible.push(VisibleParagraph {
            paragraph,
            origin,
            galley,
        });
        paragraph += 1;
    }
    view.layouts.evict(view.scroll.paragraph);
    view.layouts.note_atlas(frame.ctx);
}

/// The printed page numbers of the text's edition in the left margin, each beside the line
/// its page begins on, with a short rule where it begins (a text without page markers has
/// none).
fn page_numbers(ui: &Ui, view: &ReaderView, text: &Text, area: &PaneArea) {
    let pages = &text.meta().pages;
    if pages.is_empty() {
        return;
    }
    let painter = ui.painter_at(area.body);
    let color = ui.visuals().weak_text_color();
    let font = egui::FontId::proportional(11.0);
    for visible in &view.visible {
        for page in pages.iter().filter(|p| p.paragraph == visible.paragraph) {
            let at = visible
                .galley
                .pos_from_cursor(egui::text::CCursor::new(page.offset))
                .translate(visible.origin.to_vec2());
            let right = area.column_left - 6.0;
            painter.text(
                pos2(right, at.center().y),
                egui::Align2::RIGHT_CENTER,
                &page.label,
                font.clone(),
                color,
            );
            if page.offset > 0 {
                painter.line_segment(
                    [at.left_top(), at.left_bottom()],
                    Stroke::new(1.0, color.gamma_multiply(0.6)),
                );
            }
        }
    }
}

/// The pointer's state this frame: (pressed, released, down, shift at the press, position).
fn pointer_state(ui: &Ui) -> (bool, bool, bool, bool, Option<Pos2>) {
    ui.input(|i| {
        // Shift as it was when the button went down (the event carries it).
        let press_shift = i.events.iter().find_map(|event| match event {
            egui::Event::PointerButton {
                button: egui::PointerButton::Primary,
                pressed: true,
                modifiers,
                ..
            } => Some(modifiers.shift),
            _ => None,
        });
        (
            i.pointer.primary_pressed(),
            i.pointer.primary_released(),
            i.pointer.primary_down(),
            press_shift.unwrap_or(i.modifiers.shift),
            i.pointer.interact_pos(),
        )
    })
}

/// Selecting with the pointer: press, shift-press, drag (scrolling past the edges), double
/// and triple clicks; a click on a highlight selects its annotation.
fn pointer_selection(
    ui: &Ui,
    response: &egui::Response,
    view: &mut ReaderView,
    text: &Text,
    area: &PaneArea,
    params: &ReaderParams<'_>,
    actions: &mut Vec<Action>,
) {
    let (pressed, released, down, shift, pointer) = pointer_state(ui);
    // `hovered` rather than "button down on": a quick click can press and release within one
    // frame, and a window over the pane must not let the press through.
    if pressed
        && response.hovered()
        && let Some(pos) = pointer
        && let Some(offset) = view.offset_at(text, pos)
    {
        view.selection = match view.selection {
            Some(selection) if shift => Some(selection.extended_to(offset)),
            _ => Some(Selection::caret(offset)),
        };
        view.dragging = true;
        response.request_focus();
        actions.push(Action::Desk(DeskAction::FocusPane(params.pane_index)));
    }
    view.autoscroll = 0.0;
    if view.dragging {
        if down && let Some(pos) = pointer {
            drag_to(ui, view, text, area, pos);
        }
        if released || !down {
            view.dragging = false;
        }
    }
    select_on_click(response, view, text, params, pointer, actions);
    if !view.dragging && view.selection.is_some_and(|s| s.is_empty()) {
        view.selection = None;
    }
    // A right-click on a highlight (with nothing selected) opens the highlight's menu.
    if response.secondary_clicked() {
        view.menu_highlight = pointer
            .and_then(|pos| view.offset_at(text, pos))
            .filter(|_| view.selected_range().is_none())
            .and_then(|offset| highlight_at(params.highlights, offset, None))
            .filter(|id| !id.is_empty());
    }
    if response.hovered() {
        hover_tooltip(ui, response, view, text, params, pointer);
    }
}

/// A triple click selects the paragraph at the pointer, a double click the word; a click with
/// nothing selected on a highlight selects its annotation.
fn select_on_click(
    response: &egui::Response,
    view: &mut ReaderView,
    text: &Text,
    params: &ReaderParams<'_>,
    pointer: Option<Pos2>,
    actions: &mut Vec<Action>,
) {
    if let Some(pos) = response.interact_pointer_pos().or(pointer)
        && let Some(offset) = view.offset_at(text, pos)
    {
        if response.triple_clicked() {
            view.selection = Some(Selection::from_range(paragraph_range_at(text, offset)));
        } else if response.double_clicked() {
            view.selection = Some(Selection::from_range(word_range_at(text, offset)));
        } else if response.clicked()
            && view.selection.is_none_or(|s| s.is_empty())
            && let Some(annotation_id) =
                highlight_at(params.highlights, offset, params.selected_annotation)
            && !annotation_id.is_empty()
        {
            actions.push(Action::Annotations(AnnotationAction::SelectAnnotation(
                Some(annotation_id),
            )));
        }
    }
}

/// The pointer over the pane: the text cursor, and the note of a highlight under it (else what
/// an editor's bracketed insertion there is) as a tooltip, unless a drag is under way.
fn hover_tooltip(
    ui: &Ui,
    response: &egui::Response,
    view: &ReaderView,
    text: &Text,
    params: &ReaderParams<'_>,
    pointer: Option<Pos2>,
) {
    ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
    // A highlight's note, on hover; else what an editor's bracketed insertion is.
    if !view.dragging
        && let Some(pos) = pointer
        && let Some(offset) = view.offset_at(text, pos)
    {
        let note = params
            .highlights
            .overlapping((offset..offset + 1).into())
            .find(|h| !h.note.is_empty())
            .map(|h| h.note.clone())
            .or_else(|| editorial_note(text, offset));
        if let Some(note) = note {
            response.clone().on_hover_text_at_pointer(note);
        }
    }
}

/// What the bracketed words at `offset` are, when an editor inserted them.
pub(crate) fn editorial_note(text: &Text, offset: usize) -> Option<String> {
    let editor = text.meta().editor_brackets.as_deref()?;
    let author = &text.meta().author;
    text.editorial_at(offset)
        .then(|| crate::tr!("reading-editorial-note", editor = editor, author = author))
}

/// A drag at `pos` extends the selection, and scrolls when it goes past the top or bottom.
fn drag_to(ui: &Ui, view: &mut ReaderView, text: &Text, area: &PaneArea, pos: Pos2) {
    if let (Some(offset), Some(selection)) = (view.offset_at(text, pos), view.selection) {
        view.selection = Some(selection.extended_to(offset));
    }
    let (top, bottom) = (
        area.body.top() + area.margin,
        area.body.bottom() - area.margin,
    );
    if pos.y < top {
        view.autoscroll = -(top - pos.y).min(200.0) * 0.5;
    } else if pos.y > bottom {
        view.autoscroll = (pos.y - bottom).min(200.0) * 0.5;
    }
    if view.autoscroll != 0.0 {
        ui.ctx().request_repaint();
    }
}

/// The paragraphs in view, in the accessibility tree under the pane's document, so that a
/// screen reader reads the text. Nothing is made when no assistive technology is listening.
fn accessible_paragraphs(ui: &mut Ui, text: &Text, view: &ReaderView, area: Rect, pane: egui::Id) {
    // The pane's own node is there only when accessibility is on.
    if ui.ctx().accesskit_node_builder(pane, |_| ()).is_none() {
        return;
    }
    let paragraphs = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(area)
            .accessibility_parent(pane),
    );
    for visible in &view.visible {
        let shown = Rect::from_min_size(visible.origin, visible.galley.size()).intersect(area);
        // Hover only: the text area under it still takes every click and drag.
        let response = paragraphs.interact(
            shown,
            pane.with(("paragraph", visible.paragraph)),
            Sense::hover(),
        );
        let words = text.paragraph_text(visible.paragraph);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Paragraph, true, words));
    }
}

/// The annotation a click at `offset` selects: of the highlights covering it, the shortest;
/// clicking again where several overlap moves on to the next, so every one stays reachable.
fn highlight_at(highlights: &Highlights, offset: usize, selected: Option<&str>) -> Option<String> {
    let mut covering: Vec<&Highlight> = highlights
        .overlapping((offset..offset + 1).into())
        .filter(|h| !h.annotation_id.is_empty())
        .collect();
    covering.sort_by_key(|h| h.range.end - h.range.start);
    let current = covering
        .iter()
        .position(|h| Some(h.annotation_id.as_str()) == selected);
    let next = current.map_or(0, |i| (i + 1) % covering.len());
    covering.get(next).map(|h| h.annotation_id.clone())
}
