//! The article text in the scroll area: the paragraphs in view painted
//! with their highlights and the selection, readings of date expressions on
//! hover, jumps to a passage and its flash, clicks on highlights.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::model::Id;
use crate::text::normalise::short;
use crate::ui::app::DetenteApp;
use crate::ui::reader::layout::{Style, TextView};
use crate::ui::reader::selection;
use egui::{Rect, vec2};

/// The article text in the scroll area: the paragraphs in view, the
/// selection made by dragging (double-click: a word; triple: a paragraph;
/// shift-click extends), date readings on hover, jumps and flashes.
/// Returns the char clicked without a drag.
pub(crate) fn text_area(
    app: &mut DetenteApp,
    ui: &mut egui::Ui,
    id: &Id,
    title_id: egui::Id,
    (style, text_fp, dates): (&Style, u64, &[crate::dates::find::Found]),
    viewport: Rect,
) -> Option<usize> {
    let width = ui.available_width();
    let text: &str = app.ws.article(id).map_or("", |a| a.text.as_str());
    let reader = &mut app.reader;
    let fresh = reader
        .view
        .as_ref()
        .is_none_or(|v| v.article != *id || v.text != text_fp || v.width != width);
    if fresh {
        let mut view = TextView::new(ui, id, text_fp, text, width);
        // A new width keeps the view on the same text, and the highlights.
        if let Some(mut old) = reader
            .view
            .take()
            .filter(|v| v.article == *id && v.text == text_fp)
        {
            let anchor = old.paras.anchor(viewport.min.y);
            (view.style, view.runs) = (old.style, old.runs);
            // Run this pass again at the offset that shows the same text.
            reader.pending_offset = Some(view.paras.y_of(anchor));
            ui.ctx().request_discard("the Reader's width changed");
        }
        reader.view = Some(view);
    }
    // The view is taken out while it is drawn, so the selection code can
    // borrow it and the rest of the Reader's state apart.
    let mut view = reader.view.take()?;
    view.restyle(&app.ws, style, dates);
    // Lay out the paragraphs in view; measuring one may bring in others.
    let mut shown = view.paras.between(viewport.min.y, viewport.max.y);
    for _ in 0..8 {
        for i in shown.clone() {
            view.galley(ui, text, i, &mut reader.layouts);
        }
        let now = view.paras.between(viewport.min.y, viewport.max.y);
        if now == shown {
            break;
        }
        shown = now;
    }
    let total = view.paras.total();
    let origin = ui.max_rect().min;
    let rect = Rect::from_min_size(origin, vec2(width, total.max(viewport.height())));
    ui.set_min_size(vec2(width, total));
    let text_id = ui.make_persistent_id(("reader-text", id));
    let resp = ui.interact(rect, text_id, egui::Sense::click_and_drag());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, ""));
    let resp = resp.labelled_by(title_id);
    if resp.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
    }
    if std::mem::take(&mut reader.take_focus) {
        resp.request_focus();
        reader.keyboard = true;
    }

    let clicked_at = selection::pointer(ui, &resp, reader, &mut view, text, origin);
    let first_in_view = view.paras.chars.get(shown.start).map_or(0, |r| r.start);
    selection::keys(
        ui,
        &resp,
        text_id,
        reader,
        &mut view,
        text,
        origin,
        first_in_view,
    );

    // Paint the paragraphs in view, the selection over them.
    let down = ui.input(|i| i.pointer.primary_down());
    let painter = ui.painter().clone();
    let selection_fill = ui.visuals().selection.bg_fill.gamma_multiply(0.45);
    let text_colour = ui.visuals().text_color();
    let mut hover_char = None;
    let hover = resp.hover_pos().filter(|_| !down);
    for i in shown {
        let top = view.paras.top(i);
        let at = origin + vec2(0.0, top);
        let Some(galley) = view.galleys[i].clone() else {
            // An empty line inside the selection is selected too.
            let r = &view.paras.chars[i];
            if let Some((s, e)) = reader.selection
                && s <= r.start
                && e > r.end
            {
                let line = Rect::from_min_size(at, vec2(width, view.paras.height(i)));
                painter.rect_filled(line, 0.0, selection_fill);
            }
            continue;
        };
        painter.galley(at, galley.clone(), text_colour);
        if let Some((s, e)) = reader.selection {
            for r in view.selection_rects(i, &galley, s, e) {
                painter.rect_filled(r.translate(at.to_vec2()), 0.0, selection_fill);
            }
        }
        // The caret, while the keyboard is on the text and nothing is
        // selected.
        if let Some(c) = reader.caret
            && reader.selection.is_none()
            && reader.keyboard
            && view.paras.of_char(c) == i
        {
            let r = view.char_rect(ui, text, i, c, &mut reader.layouts);
            let x = origin.x + r.left();
            painter.line_segment(
                [
                    egui::pos2(x, origin.y + r.top()),
                    egui::pos2(x, origin.y + r.bottom()),
                ],
                egui::Stroke::new(1.5, text_colour),
            );
        }
        if let Some(p) = hover
            && (top..top + view.paras.height(i)).contains(&(p.y - origin.y))
        {
            let local = galley.cursor_from_pos(p - at).index.0;
            hover_char = Some(view.paras.chars[i].start + local);
        }
        // Each paragraph in view is a node for screen readers.
        let rect = Rect::from_min_size(at, galley.size());
        ui.scope_builder(
            egui::UiBuilder::new()
                .id_salt(("paragraph", i))
                .accessibility_parent(text_id)
                .max_rect(rect),
            |ui| {
                let pid = text_id.with(("paragraph", i));
                let r = ui.interact(rect, pid, egui::Sense::hover());
                r.widget_info(|| {
                    let b = view.paras.bytes[i].clone();
                    egui::WidgetInfo::labeled(egui::Role::Paragraph, true, &text[b])
                });
            },
        );
    }
    // Date expressions show how they were read.
    if let Some(at) = hover_char
        && let Some(f) = dates.iter().find(|f| f.start <= at && at < f.end)
    {
        let reading = match &f.value {
            Some(v) => format!("“{}” = {} ({})\n{}", f.text, v.human(), v.edtf(), f.rule),
            None => format!("“{}”: {}", f.text, f.rule),
        };
        resp.clone().on_hover_text_at_pointer(reading);
    }

    // Jump to a passage, and flash it.
    let passage = |pid: &Id| passage_range(&app.ws, id, pid);
    if let Some((s, e)) = reader.scroll_to.as_ref().and_then(passage).or_else(|| {
        reader
            .scroll_to_chars
            .filter(|&(s, e)| s <= e && e <= text.chars().count())
    }) {
        reader.scroll_to = None;
        reader.scroll_to_chars = None;
        // Centre it, in this very frame: egui runs the pass again.
        let r = view.range_rect(ui, text, s, e, &mut reader.layouts);
        reader.pending_offset = Some((r.center().y - viewport.height() / 2.0).max(0.0));
        ui.ctx().request_discard("the Reader jumps to a passage");
    }
    if let Some((pid, started)) = reader.flash.clone() {
        let now = ui.input(|i| i.time);
        let started = started.unwrap_or(now);
        let t = now - started;
        reader.flash = (t <= 1.6).then(|| (pid.clone(), Some(started)));
        if let Some((s, e)) = passage(&pid).filter(|_| t <= 1.6) {
            let r = view.range_rect(ui, text, s, e, &mut reader.layouts);
            let alpha = (1.0 - t / 1.6).clamp(0.0, 1.0) as f32;
            let colour = ui.visuals().selection.stroke.color.gamma_multiply(alpha);
            ui.painter().rect_stroke(
                r.translate(origin.to_vec2()).expand(3.0),
                3.0,
                egui::Stroke::new(3.0, colour),
                egui::StrokeKind::Outside,
            );
            ui.ctx().request_repaint();
        }
    }
    reader.view = Some(view);
    clicked_at
}

/// The chars of passage `pid`, if it is in `article`.
pub(crate) fn passage_range(
    ws: &crate::core::model::Workspace,
    article: &Id,
    pid: &Id,
) -> Option<(usize, usize)> {
    ws.events
        .iter()
        .flat_map(|e| &e.evidence)
        .find(|p| &p.id == pid && &p.article == article)
        .map(|p| (p.anchor.start, p.anchor.end))
}

pub(crate) fn click_highlight(app: &mut DetenteApp, article: &Id, at: usize) {
    let hit = app
        .ws
        .events
        .iter()
        .flat_map(|e| e.evidence.iter().map(move |p| (e, p)))
        .filter(|(_, p)| &p.article == article && p.anchor.start <= at && at < p.anchor.end)
        .min_by_key(|(_, p)| p.anchor.end - p.anchor.start)
        .map(|(e, _)| e.id.clone());
    if let Some(ev) = hit {
        app.select_event(&ev, false);
        let headline = app
            .ws
            .event(&ev)
            .map(|e| short(&e.headline))
            .unwrap_or_default();
        app.reader.status = format!("Selected: {headline}");
    }
}
