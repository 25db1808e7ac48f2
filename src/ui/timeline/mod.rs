//! The Timeline: egui_plot supplies the calendar axis, zoom and pan; the
//! marks are painted from the pure layout in [`crate::core::timeline`], only
//! those in view, and hit-tested here for hover and click.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

pub mod state;

use crate::core::model::Status;
use crate::core::timeline::{self, LaneBy, Layout, Mark, Shape};
use crate::ui::app::DetenteApp;
use crate::ui::timeline::state::{Overview, OverviewKey};
use egui::{Color32, Pos2, Rect, Stroke, StrokeKind};
use egui_plot::{GridMark, Plot};
use std::sync::Arc;

const STRIP: f64 = 1.6;
/// Above this many marks in view, marks are aggregated per pixel column.
const MAX_MARKS_DRAWN: usize = 1500;

fn colour(m: &Mark, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(m.colour[0], m.colour[1], m.colour[2], alpha)
}

fn paint_mark(p: &egui::Painter, m: &Mark, r: Rect, selected: bool, text: Color32) {
    let solid = colour(m, 255);
    let faded = colour(m, 90);
    let outline_only = matches!(m.status, Status::Planned | Status::Postponed);
    match m.shape {
        Shape::Vague => {
            // A pale hatched band: "somewhere in here", never a false day.
            p.rect_filled(r, 2.0, colour(m, 45));
            let clip = p.with_clip_rect(r.intersect(p.clip_rect()));
            let mut x = r.left() - r.height();
            while x < r.right() {
                clip.line_segment(
                    [Pos2::new(x, r.bottom()), Pos2::new(x + r.height(), r.top())],
                    Stroke::new(1.0, faded),
                );
                x += 6.0;
            }
            let dash = if outline_only { 2.0 } else { 1.0 };
            p.rect_stroke(r, 2.0, Stroke::new(dash, solid), StrokeKind::Inside);
        }
        Shape::Day | Shape::Range => {
            if outline_only {
                p.rect_stroke(r, 3.0, Stroke::new(2.0, solid), StrokeKind::Inside);
            } else {
                let fill = if matches!(m.status, Status::Cancelled | Status::Refused) {
                    faded
                } else {
                    solid
                };
                p.rect_filled(r, 3.0, fill);
            }
        }
    }
    match m.status {
        Status::Cancelled | Status::Refused => {
            let c = if m.status == Status::Refused {
                Color32::from_rgb(220, 50, 40)
            } else {
                text
            };
            let s = r.shrink(2.0);
            p.line_segment([s.left_top(), s.right_bottom()], Stroke::new(2.0, c));
            p.line_segment([s.left_bottom(), s.right_top()], Stroke::new(2.0, c));
        }
        Status::Postponed => {
            p.text(
                r.right_center(),
                egui::Align2::LEFT_CENTER,
                "»",
                egui::FontId::proportional(14.0),
                solid,
            );
        }
        _ => {}
    }
    // Sources that disagree: the orange dot the legend names.
    if m.disputed {
        p.circle_filled(r.right_top(), 3.5, Color32::from_rgb(240, 140, 20));
    }
    // A date only taken from the publication: "!" until confirmed ("?"
    // already means an uncertain date), clear of the selection ring.
    if m.check {
        p.text(
            r.left_center() - egui::vec2(6.0, 0.0),
            egui::Align2::RIGHT_CENTER,
            "!",
            egui::FontId::proportional(13.0),
            Color32::from_rgb(240, 140, 20),
        );
    }
    if selected {
        p.rect_stroke(
            r.expand(3.0),
            4.0,
            Stroke::new(2.5, text),
            StrokeKind::Outside,
        );
    }
}

pub fn show(app: &mut DetenteApp, ui: &mut egui::Ui) {
    let layout = app.timeline.layout(&app.ws);
    // In a short panel every line above the plot is taken from its lanes:
    // the legend then opens from the header row instead of under it.
    let legend_inline = legend_fits(app, &layout, ui);
    ui.horizontal_wrapped(|ui| {
        ui.label("Lanes by");
        for by in LaneBy::ALL {
            ui.selectable_value(&mut app.timeline.lane_by, by, by.label());
        }
        ui.separator();
        if ui.button("Fit all").clicked() {
            app.timeline.fit_request = true;
        }
        if !legend_inline && !layout.marks.is_empty() {
            ui.menu_button("Legend", |ui| {
                ui.set_max_width(420.0);
                legend_items(app, &layout, ui);
            });
        }
        let undated = layout.undated;
        if undated > 0 {
            ui.weak(format!(
                "{undated} undated event{} not shown",
                if undated == 1 { "" } else { "s" }
            ))
            .on_hover_text("Give them a date in the Inspector or the Events tab");
        }
        // Said here, from the last frame's plot, not on a line of its own.
        if let Some(n) = app.timeline.overflowing {
            ui.weak(format!(
                "{n} lanes: drag the plot up or down to see them all"
            ));
        }
    });
    // Nothing dated to show: say how to begin, not an axis around 1 Jan 2000.
    if layout.marks.is_empty() && !app.timeline.is_pending() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            ui.weak(if layout.undated > 0 {
                "No dated events yet: give the undated ones a date (Events tab) to see them here."
            } else {
                "No events yet. Select a passage in the text and press Ctrl/Cmd+E to tag one."
            });
        });
        app.timeline.had_marks = false;
        return;
    }
    if legend_inline {
        egui::CollapsingHeader::new("Legend")
            .default_open(true)
            .show(ui, |ui| legend_items(app, &layout, ui));
    }
    if !app.timeline.is_pending() {
        let has = !layout.marks.is_empty();
        if has && !app.timeline.had_marks {
            app.timeline.fit_request = true;
        }
        app.timeline.had_marks = has;
    }
    let lanes = layout.lanes.clone();
    let lane_y = layout.lane_y.clone();
    let bottom = timeline::bottom(&layout);
    // Fit once the layout is current, not to a stale or empty one.
    let fit = !app.timeline.is_pending() && std::mem::take(&mut app.timeline.fit_request);
    if app.timeline.is_pending() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(15));
    }
    let selected = app.selected_event.clone();
    let reveal = match &selected {
        Some(id) if app.timeline.revealed.as_ref() != Some(id) && !app.timeline.is_pending() => {
            app.timeline.revealed = Some(id.clone());
            layout.marks.iter().filter(|m| &m.event == id).fold(
                None,
                |acc: Option<(f64, f64)>, m| {
                    Some(acc.map_or((m.x0, m.x1), |(a, b)| (a.min(m.x0), b.max(m.x1))))
                },
            )
        }
        _ => None,
    };
    let lane_y_axis = lane_y.clone();
    let max_month = layout.months.iter().map(|m| m.2).max().unwrap_or(1).max(1) as f64;
    // Every lane keeps a readable label: egui_plot draws an axis label
    // only when its mark is over 20 px from the next. When the closest two
    // lanes would be nearer than 22 px, the plot shows the lanes that fit
    // at that spacing and a vertical drag brings the others.
    let (top, floor) = (STRIP + 0.1, bottom - 0.5);
    let new_lanes =
        app.timeline.shown_lanes.replace(app.timeline.lane_by) != Some(app.timeline.lane_by);
    let plot_px = (ui.available_height() - 28.0).max(72.0) as f64;
    let min_gap = lane_y
        .windows(2)
        .map(|w| w[0] - w[1])
        .fold(f64::INFINITY, f64::min);
    let units_fit = plot_px * min_gap / 22.0;
    let overflow = min_gap.is_finite() && top - floor > units_fit;
    let overflowing = overflow.then_some(lanes.len());
    if app.timeline.overflowing != overflowing {
        app.timeline.overflowing = overflowing;
        ui.ctx().request_repaint();
    }
    let plot = Plot::new("timeline")
        .allow_boxed_zoom(false)
        .allow_zoom([true, false])
        .allow_drag([true, overflow])
        // The wheel is handled below, as timeline tools do.
        .allow_scroll([false, false])
        .show_x(false)
        .show_y(false)
        .include_y(bottom - 0.5)
        .include_y(STRIP + 0.1)
        .y_axis_min_width(120.0)
        .x_grid_spacer(|input| {
            let (lo, hi) = input.bounds;
            let (step, ticks) = timeline::ticks(lo, hi, 10);
            ticks
                .into_iter()
                .map(|(x, _)| GridMark {
                    value: x,
                    step_size: step.days(),
                })
                .collect()
        })
        .x_axis_formatter(|m, _range| timeline::label_at(m.value, m.step_size))
        .y_grid_spacer(move |input| {
            // Each mark's step is its distance from the lane above, which
            // is what decides whether egui_plot has room for its label.
            // (The first lane sits one unit under the strip's label; its
            // step is the strip's, so both labels show.) A lane scrolled
            // under the frame's edge has no label: it would be drawn over
            // the date axis.
            let (lo, hi) = input.bounds;
            let edge = if overflow { 0.4 * min_gap } else { 0.0 };
            let mut above = f64::INFINITY;
            lane_y_axis
                .iter()
                .filter(|&&y| y >= lo + edge && y <= hi - edge)
                .map(|&y| {
                    let step = if above.is_finite() { above - y } else { STRIP };
                    above = y;
                    GridMark {
                        value: y,
                        step_size: step,
                    }
                })
                .chain(std::iter::once(GridMark {
                    value: 1.0,
                    step_size: STRIP,
                }))
                .collect()
        })
        .y_axis_formatter({
            let lanes = lanes.clone();
            let lane_at: std::collections::HashMap<u64, usize> = lane_y
                .iter()
                .enumerate()
                .map(|(i, y)| (y.to_bits(), i))
                .collect();
            move |m, _| {
                if m.value > 0.5 {
                    return "contacts / month".into();
                }
                // The marks are the lane positions given above, bit for bit.
                let i = lane_at.get(&m.value.to_bits());
                i.and_then(|&i| lanes.get(i)).cloned().unwrap_or_default()
            }
        });
    let resp = plot.show(ui, |pui| {
        if fit && let Some((lo, hi)) = timeline::fit(&layout) {
            pui.set_plot_bounds_x(lo..=hi);
        }
        // Dates are days: zooming in stops at a day across the view.
        let b = pui.plot_bounds();
        if b.max()[0] - b.min()[0] < 1.0 {
            let c = (b.min()[0] + b.max()[0]) / 2.0;
            pui.set_plot_bounds_x(c - 0.5..=c + 0.5);
        }
        // A newly selected event outside the view (a new one tagged in a
        // far-off month, one picked in the table) is brought into it. Not
        // when fitting: the fit holds every mark, and egui_plot applies
        // new bounds after this closure, so widening the old ones here
        // would undo the fit.
        if !fit && let Some(x) = reveal {
            let b = pui.plot_bounds();
            let (lo, hi) = (b.min()[0], b.max()[0]);
            if x.0 < lo || x.1 > hi {
                let pad = 0.05 * (hi - lo).max(30.0);
                pui.set_plot_bounds_x(lo.min(x.0 - pad)..=hi.max(x.1 + pad));
            }
        }
        let b = pui.plot_bounds();
        let (lo, hi) = if overflow {
            // A window of `units_fit` lanes' height, kept within them, from
            // the top when the lanes change (or Fit all is pressed).
            let hi = if new_lanes || fit {
                top
            } else {
                b.max()[1].clamp(floor + units_fit, top)
            };
            (hi - units_fit, hi)
        } else {
            // Every lane fits: all of them, whatever was scrolled before
            // (the plot remembers its bounds across lane modes), with room
            // above the strip for its counts.
            (floor, top + 0.35)
        };
        if (b.max()[1] - hi).abs() > 1e-6 || (b.min()[1] - lo).abs() > 1e-6 {
            pui.set_plot_bounds_y(lo..=hi);
        }
        // As in map and timeline tools: the wheel zooms around the
        // pointer; Shift+wheel (or a sideways swipe) pans.
        let (wheel, shift) = pui
            .ctx()
            .input(|i| (i.smooth_scroll_delta, i.modifiers.shift));
        if pui.response().hovered() && wheel != egui::Vec2::ZERO {
            if shift || wheel.x.abs() > wheel.y.abs() {
                let px = if wheel.x != 0.0 { wheel.x } else { wheel.y };
                let per_px = pui.transform().dvalue_dpos()[0];
                pui.translate_bounds(egui::vec2((-(px as f64) * per_px) as f32, 0.0));
            } else {
                pui.zoom_bounds_around_hovered(egui::vec2((wheel.y / 200.0).exp(), 1.0));
            }
        }
        let b = pui.plot_bounds();
        (b.min()[0], b.max()[0])
    });
    let (x_min, x_max) = resp.inner;
    app.timeline.view = Some((x_min, x_max));
    app.timeline.plot_rect = Some(resp.response.rect);
    let t = resp.transform;
    let frame = *t.frame();
    let painter = ui.painter_at(frame);
    let text = ui.visuals().strong_text_color();
    // Contacts per month: a strip of bars above the lanes.
    for &(x0, x1, count) in layout
        .months
        .iter()
        .filter(|m| m.1 >= x_min && m.0 <= x_max)
    {
        let h = 0.75 * count as f64 / max_month;
        let a = t.position_from_point(&egui_plot::PlotPoint::new(x0, 0.8));
        let b = t.position_from_point(&egui_plot::PlotPoint::new(x1, 0.8 + h));
        let r = Rect::from_two_pos(a, b).shrink2(egui::vec2(1.0, 0.0));
        // Weak text's grey reads on both themes (the widget fill used
        // before was near white on the light one).
        painter.rect_filled(r, 1.0, ui.visuals().weak_text_color());
        painter.text(
            r.center_top() - egui::vec2(0.0, 2.0),
            egui::Align2::CENTER_BOTTOM,
            count.to_string(),
            egui::FontId::proportional(10.0),
            ui.visuals().weak_text_color(),
        );
    }
    // Marks in view only; a day is at least 8 px wide so it can be hit.
    // Marks are as tall as a row allows, so stacked rows never smear.
    let row_px = (t
        .position_from_point(&egui_plot::PlotPoint::new(x_min, 0.0))
        .y
        - t.position_from_point(&egui_plot::PlotPoint::new(x_min, 1.0))
            .y)
        .abs();
    let mark_rect = |m: &Mark| {
        let a = t.position_from_point(&egui_plot::PlotPoint::new(m.x0, m.y));
        let b = t.position_from_point(&egui_plot::PlotPoint::new(m.x1, m.y));
        let full = if m.shape == Shape::Vague { 5.0 } else { 7.0 };
        let half = (row_px * 0.42).clamp(1.0, full);
        // Cut to the frame (a little beyond): zoomed in, a day's mark can be
        // millions of pixels wide, and its hatching was drawn all along it.
        let r = Rect::from_min_max(
            Pos2::new(a.x.max(frame.min.x - 10.0), a.y - half),
            Pos2::new(b.x.min(frame.max.x + 10.0), b.y + half),
        );
        if r.width() < 8.0 {
            Rect::from_center_size(r.center(), egui::vec2(8.0, r.height()))
        } else {
            r
        }
    };
    // Marks are sorted by start, and none is longer than the longest.
    let first = layout
        .marks
        .partition_point(|m| m.x0 < x_min - layout.longest);
    // Lanes scrolled out of view (see `overflow`) are not drawn either.
    let (y_lo, y_hi) = (t.bounds().min()[1] - 1.0, t.bounds().max()[1] + 1.0);
    let visible = || {
        layout.marks[first..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.x0 <= x_max)
            .filter(|(_, m)| m.x1 >= x_min && m.y >= y_lo && m.y <= y_hi)
            .map(|(i, m)| (first + i, m))
    };
    let n_visible = visible().count();
    let mut selected_rects = vec![];
    if n_visible > MAX_MARKS_DRAWN {
        // Zoomed far out: one small cell per 3x3 px that holds any mark,
        // built into one mesh and kept until the view or the data change,
        // so the cost follows the pixels and idle frames cost nothing.
        let key = OverviewKey {
            layout: Arc::as_ptr(&layout) as usize,
            view: [x_min.to_bits(), x_max.to_bits()],
            frame: [frame.min.x, frame.min.y, frame.max.x, frame.max.y].map(f32::to_bits),
            dark: ui.visuals().dark_mode,
        };
        if app.timeline.overview.as_ref().is_none_or(|o| o.key != key) {
            let mut mesh = egui::Mesh::default();
            let mut taken: std::collections::HashSet<(i32, i32)> = Default::default();
            let mut drawn = vec![];
            for (_, m) in visible() {
                let r = mark_rect(m);
                let cell = ((r.center().y / 3.0) as i32, (r.left() / 3.0) as i32);
                if !taken.insert(cell) {
                    continue;
                }
                let r = r.intersect(frame);
                if r.is_positive() {
                    mesh.add_colored_rect(r, colour(m, 210));
                    drawn.push((m.event.clone(), r));
                }
            }
            app.timeline.drawn = drawn;
            app.timeline.overview = Some(Overview {
                key,
                mesh: Arc::new(mesh),
            });
        }
        if let Some(o) = &app.timeline.overview {
            painter.add(egui::Shape::Mesh(o.mesh.clone()));
        }
        if let Some(sel) = selected.as_deref() {
            for (_, m) in visible().filter(|(_, m)| m.event == sel) {
                selected_rects.push((m.clone(), mark_rect(m)));
            }
        }
    } else {
        app.timeline.overview = None;
        let mut drawn = Vec::with_capacity(n_visible);
        for (_, m) in visible() {
            let r = mark_rect(m);
            if selected.as_deref() == Some(m.event.as_str()) {
                selected_rects.push((m.clone(), r));
            } else {
                paint_mark(&painter, m, r, false, text);
            }
            // A hit target only where it shows: a mark half under the
            // frame's edge is clicked on its visible part, never on the axis.
            let shown = r.intersect(frame);
            if shown.is_positive() {
                drawn.push((m.event.clone(), shown));
            }
        }
        // Each mark's headline beside it where it fits (see
        // `core::timeline::place_labels`): short, never over a mark or
        // another label, dropped when it would collide.
        let font = egui::FontId::proportional(11.0);
        let labels: Vec<(Rect, &str)> = visible()
            .map(|(_, m)| (mark_rect(m), m.label.as_str()))
            .collect();
        let boxes: Vec<crate::core::timeline::Drawn> = labels
            .iter()
            .map(|(r, t)| crate::core::timeline::Drawn {
                row: f64::from(r.center().y.round()),
                left: f64::from(r.left()),
                right: f64::from(r.right()),
                // About 0.55 em a Latin letter, a whole em for CJK.
                label: t
                    .chars()
                    .map(|c| if (c as u32) >= 0x2E80 { 11.0 } else { 6.1 })
                    .sum(),
            })
            .collect();
        let keep = crate::core::timeline::place_labels(&boxes, 4.0);
        let weak = ui.visuals().weak_text_color();
        for (((r, t), k), b) in labels.iter().zip(keep).zip(&boxes) {
            // Whole or not at all: never cut by the plot's edge.
            let end = r.right() + 4.0 + b.label as f32;
            if k && frame.contains(r.right_center()) && end <= frame.right() {
                painter.text(
                    r.right_center() + egui::vec2(4.0, 0.0),
                    egui::Align2::LEFT_CENTER,
                    t,
                    font.clone(),
                    weak,
                );
            }
        }
        app.timeline.drawn = drawn;
    }
    for (m, r) in &selected_rects {
        paint_mark(&painter, m, *r, true, text);
    }
    let drawn = &app.timeline.drawn;
    // Hover and click: the smallest mark under the pointer.
    let pointer = ui.input(|i| i.pointer.hover_pos());
    let hit = pointer.and_then(|p| {
        drawn
            .iter()
            .filter(|(_, r)| r.expand(2.0).contains(p))
            .min_by(|a, b| a.1.width().total_cmp(&b.1.width()))
            .map(|(id, _)| id.clone())
    });
    if let Some(id) = hit {
        let response = resp.response.clone();
        if let Some(e) = app.ws.event(&id) {
            let date = e.date.as_ref().map(|d| d.human()).unwrap_or_default();
            let quote = e
                .evidence
                .first()
                .map(|p| crate::text::normalise::short(&p.anchor.exact))
                .unwrap_or_default();
            let headline = e.headline.clone();
            let status = e.status.as_str();
            let disagreement = e.disagreement();
            let check = e.date.as_ref().is_some_and(|d| d.needs_check());
            response.on_hover_ui_at_pointer(|ui| {
                ui.strong(headline);
                ui.label(format!("{date} · {status}"));
                if check {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        "Date to check: the passage gives none; this is the article's publication date",
                    );
                }
                if let Some(d) = disagreement {
                    ui.colored_label(ui.visuals().warn_fg_color, d);
                }
                if !quote.is_empty() {
                    ui.weak(format!("“{quote}”"));
                }
            });
        }
        if resp.response.clicked() {
            app.select_event(&id, true);
        }
    }
}

/// Whether the legend fits under the header: not when it would take more
/// than a third of the panel (a small window wraps it to many lines), so
/// the plot keeps its room.
fn legend_fits(app: &DetenteApp, layout: &Layout, ui: &egui::Ui) -> bool {
    let chars: usize = layout
        .kinds
        .iter()
        .filter_map(|k| app.ws.event_type(k))
        .map(|t| t.code.len() + t.label.len() + 4)
        .sum::<usize>()
        + 120;
    let lines = (chars as f32 * 6.5 / ui.available_width().max(100.0)).ceil();
    lines * 16.0 < ui.available_height() / 3.0
}

fn legend_items(app: &DetenteApp, layout: &Layout, ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        for k in &layout.kinds {
            let Some(t) = app.ws.event_type(k) else { continue };
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            let [r, g, b] = t.rgb();
            ui.painter().rect_filled(rect, 2.0, Color32::from_rgb(r, g, b));
            ui.weak(t.shown());
        }
        ui.separator();
        ui.weak("filled: occurred · outline: planned/postponed · ×: cancelled/refused · hatched: month, year or uncertain date · orange dot: sources disagree · !: date from the publication, to check");
    });
}
