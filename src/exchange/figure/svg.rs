//! The timeline as SVG: a title, one labelled lane per dyad (or type,
//! actor, article), each event a mark whose shape says its precision (a
//! day, a range of days, a hatched span for "some time this month") and
//! whose fill says its status (solid: occurred; outline: planned or
//! postponed; faded and crossed: cancelled, red cross: refused), the
//! calendar axis, the contacts-per-month strip, and a legend of event
//! types and marks.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use super::{FALLBACK_FAMILY, FONT_FAMILY, FigureOptions};
use crate::core::model::{Status, Workspace};
use crate::core::timeline::{Drawn, Layout, Mark, Shape, fit, layout, place_labels, ticks};
use crate::exchange::range::restrict;
use std::fmt::Write as _;

struct Theme {
    background: &'static str,
    text: &'static str,
    weak: &'static str,
    grid: &'static str,
    lane: &'static str,
}

const LIGHT: Theme = Theme {
    background: "#ffffff",
    text: "#1b1b1b",
    weak: "#6b6b6b",
    grid: "#e3e3e3",
    lane: "#f5f5f5",
};

const DARK: Theme = Theme {
    background: "#1e1e1e",
    text: "#e8e8e8",
    weak: "#a0a0a0",
    grid: "#3a3a3a",
    lane: "#262626",
};

const ROW_UNITS: f64 = 0.8;
const TITLE_H: f64 = 56.0;
const STRIP_LABEL: &str = "per month";
const AXIS_H: f64 = 26.0;
const STRIP_H: f64 = 46.0;
const FONT_PX: f64 = 12.0;

fn esc(s: &str) -> String {
    crate::text::markup::escape(s, false)
}

/// A rough width of a label, for the lane-label column (CJK counts double).
fn text_width(s: &str, px: f64) -> f64 {
    s.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.56 })
        .sum::<f64>()
        * px
}

fn rgb(c: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// The figure of `ws` as an SVG document.
pub fn to_svg(ws: &Workspace, opts: &FigureOptions) -> String {
    let theme = if opts.dark { &DARK } else { &LIGHT };
    let shown = restrict(ws, opts.range);
    let lay = layout(&shown, opts.lanes);
    let (mut x_min, mut x_max) = fit(&lay).unwrap_or((0.0, 365.0));
    if let Some(f) = opts.range.from {
        x_min = crate::core::timeline::day_to_x(f);
    }
    if let Some(t) = opts.range.to {
        x_max = crate::core::timeline::day_to_x(t) + 1.0;
    }
    if x_max <= x_min {
        x_max = x_min + 1.0;
    }
    let width = f64::from(opts.width.max(320));
    let label_w = lay
        .lanes
        .iter()
        .map(|l| text_width(l, FONT_PX))
        .fold(text_width(STRIP_LABEL, FONT_PX), f64::max)
        .min(width * 0.3)
        + 16.0;
    let plot_x0 = label_w;
    let plot_x1 = width - 16.0;
    let total_units: f64 = lay
        .lane_rows
        .iter()
        .map(|&n| n as f64 * ROW_UNITS + 0.6)
        .sum::<f64>()
        .max(1.0);
    let kinds: Vec<(String, String)> = lay
        .kinds
        .iter()
        .map(|k| {
            let t = ws.event_type(k);
            let label = t.map(|t| t.shown()).unwrap_or(k.clone());
            let colour = t.map(|t| rgb(t.rgb())).unwrap_or("#808080".into());
            (label, colour)
        })
        .collect();
    let legend_rows = legend_rows(&kinds, width - 32.0);
    let legend_h = 22.0 * (legend_rows.len() as f64 + 1.0) + 10.0;
    let fixed = TITLE_H + AXIS_H + STRIP_H + legend_h + 16.0;
    let (unit, height) = if opts.height == 0 {
        let unit = 22.0 / ROW_UNITS;
        (unit, fixed + total_units * unit)
    } else {
        let h = f64::from(opts.height).max(fixed + 40.0);
        ((h - fixed) / total_units, h)
    };
    let lanes_top = TITLE_H;
    let lanes_bottom = lanes_top + total_units * unit;
    let to_px = |x: f64| plot_x0 + (x - x_min) / (x_max - x_min) * (plot_x1 - plot_x0);
    let y_px = |y: f64| lanes_top + (-y) * unit;

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height:.0}" viewBox="0 0 {width} {height:.0}" font-family="{FONT_FAMILY}, {FALLBACK_FAMILY}, DejaVu Sans, Arial, sans-serif" font-size="{FONT_PX}">"#
    );
    let _ = writeln!(
        s,
        r#"<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="{}" stroke-opacity="0.5" stroke-width="2"/></pattern></defs>"#,
        theme.weak
    );
    let _ = writeln!(
        s,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        theme.background
    );
    // Title and what the figure holds.
    let (from, to) = (
        crate::core::timeline::label_at(x_min, 1.0),
        crate::core::timeline::label_at(x_max - 1.0, 1.0),
    );
    let _ = writeln!(
        s,
        r#"<text x="16" y="22" font-size="16" font-weight="bold" fill="{}">{}</text>"#,
        theme.text,
        esc(&ws.title)
    );
    let placed = lay
        .marks
        .iter()
        .map(|m| &m.event)
        .collect::<std::collections::HashSet<_>>()
        .len();
    let mut sub = format!(
        "{placed} events, {from} – {to}; lanes by {}",
        opts.lanes.label().to_lowercase()
    );
    if lay.undated > 0 {
        let _ = write!(sub, "; {} undated not shown", lay.undated);
    }
    let _ = writeln!(
        s,
        r#"<text x="16" y="38" fill="{}">{}</text>"#,
        theme.weak,
        esc(&sub)
    );
    // Lanes: alternate bands and labels.
    for (i, name) in lay.lanes.iter().enumerate() {
        let top = y_px(lay.lane_y[i]);
        let h = (lay.lane_rows[i] as f64 * ROW_UNITS + 0.6) * unit;
        if i % 2 == 0 {
            let _ = writeln!(
                s,
                r#"<rect x="{plot_x0:.1}" y="{top:.1}" width="{:.1}" height="{h:.1}" fill="{}"/>"#,
                plot_x1 - plot_x0,
                theme.lane
            );
        }
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" dominant-baseline="middle" fill="{}">{}</text>"#,
            plot_x0 - 8.0,
            y_px(lay.lane_y[i]) + 0.3 * unit,
            theme.text,
            esc(name)
        );
    }
    // Calendar grid and axis labels.
    let max_ticks = ((plot_x1 - plot_x0) / 90.0).max(2.0) as usize;
    let (_, tick_list) = ticks(x_min, x_max, max_ticks);
    for (x, label) in &tick_list {
        let px = to_px(*x);
        let _ = writeln!(
            s,
            r#"<line x1="{px:.1}" y1="{lanes_top:.1}" x2="{px:.1}" y2="{:.1}" stroke="{}"/>"#,
            lanes_bottom + STRIP_H,
            theme.grid
        );
        let _ = writeln!(
            s,
            r#"<text x="{px:.1}" y="{:.1}" text-anchor="middle" fill="{}">{}</text>"#,
            lanes_bottom + STRIP_H + 16.0,
            theme.weak,
            esc(label)
        );
    }
    // Marks, clipped to the plot.
    let _ = writeln!(
        s,
        r#"<clipPath id="plot"><rect x="{plot_x0:.1}" y="{lanes_top:.1}" width="{:.1}" height="{:.1}"/></clipPath><g clip-path="url(#plot)">"#,
        plot_x1 - plot_x0,
        lanes_bottom - lanes_top
    );
    let mark_h = (ROW_UNITS * unit * 0.7).clamp(3.0, 16.0);
    let mut placed: Vec<(f64, f64, f64, String)> = vec![];
    for m in &lay.marks {
        if m.x1 < x_min || m.x0 > x_max {
            continue;
        }
        let cy = y_px(m.y) + 0.3 * unit;
        let (mut a, mut b) = (to_px(m.x0), to_px(m.x1));
        if b - a < mark_h {
            let c = (a + b) / 2.0;
            a = c - mark_h / 2.0;
            b = c + mark_h / 2.0;
        }
        mark(&mut s, m, a, b, cy - mark_h / 2.0, mark_h, theme);
        placed.push((cy, a, b, m.label.clone()));
    }
    // Each mark's headline beside it where it fits, as in the window.
    let label_px = 10.0;
    let boxes: Vec<Drawn> = placed
        .iter()
        .map(|(cy, a, b, t)| Drawn {
            row: (cy * 10.0).round(),
            left: *a,
            right: *b,
            label: text_width(t, label_px),
        })
        .collect();
    for (((cy, _, b, t), keep), w) in placed
        .iter()
        .zip(place_labels(&boxes, 3.0))
        .zip(boxes.iter().map(|d| d.label))
    {
        // Whole or not at all: never cut by the plot's edge.
        if keep && *b + 3.0 + w <= plot_x1 {
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{cy:.1}" font-size="{label_px}" dominant-baseline="middle" fill="{}">{}</text>"#,
                b + 3.0,
                theme.weak,
                esc(t)
            );
        }
    }
    s.push_str("</g>\n");
    // Contacts per month.
    let strip_top = lanes_bottom + 6.0;
    let most = lay.months.iter().map(|m| m.2).max().unwrap_or(1).max(1) as f64;
    for (m0, m1, n) in &lay.months {
        if *m1 < x_min || *m0 > x_max {
            continue;
        }
        let (a, b) = (to_px(m0.max(x_min)), to_px(m1.min(x_max)));
        let h = (*n as f64 / most) * (STRIP_H - 14.0);
        let _ = writeln!(
            s,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{h:.1}" fill="#7f8c99"><title>{n}</title></rect>"##,
            a + 1.0,
            strip_top + (STRIP_H - 14.0) - h,
            (b - a - 2.0).max(1.0)
        );
    }
    let _ = writeln!(
        s,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="end" fill="{}">{STRIP_LABEL}</text>"#,
        plot_x0 - 8.0,
        strip_top + (STRIP_H - 14.0),
        theme.weak
    );
    // Legend: the event types, then what the marks mean.
    let mut y = lanes_bottom + STRIP_H + AXIS_H + 14.0;
    for row in &legend_rows {
        let mut x = 16.0;
        for &i in row {
            let (label, colour) = &kinds[i];
            let _ = writeln!(
                s,
                r#"<rect x="{x:.1}" y="{:.1}" width="12" height="12" rx="2" fill="{colour}"/><text x="{:.1}" y="{:.1}" fill="{}">{}</text>"#,
                y - 10.0,
                x + 17.0,
                y,
                theme.text,
                esc(label)
            );
            x += 30.0 + text_width(label, FONT_PX);
        }
        y += 22.0;
    }
    // The dot and the "!" are named when the figure has them.
    let mut key = String::from(
        "Solid: occurred · outline: planned or postponed (») · faded, crossed: cancelled (red: refused) · hatched: date known only to the month or year",
    );
    if lay.marks.iter().any(|m| m.disputed) {
        key.push_str(" · orange dot: sources disagree");
    }
    if lay.marks.iter().any(|m| m.check) {
        key.push_str(" · !: date from the publication, to check");
    }
    let _ = writeln!(
        s,
        r#"<text x="16" y="{y:.1}" fill="{}">{key}</text>"#,
        theme.weak
    );
    s.push_str("</svg>\n");
    s
}

/// The legend's entries in rows that fit `width`.
fn legend_rows(kinds: &[(String, String)], width: f64) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = vec![];
    let mut x = 0.0;
    for (i, (label, _)) in kinds.iter().enumerate() {
        let w = 30.0 + text_width(label, FONT_PX);
        if rows.is_empty() || x + w > width {
            rows.push(vec![]);
            x = 0.0;
        }
        rows.last_mut().expect("pushed above").push(i);
        x += w;
    }
    rows
}

fn mark(s: &mut String, m: &Mark, a: f64, b: f64, top: f64, h: f64, theme: &Theme) {
    let colour = rgb(m.colour);
    let w = b - a;
    let outline = matches!(m.status, Status::Planned | Status::Postponed);
    let faded = matches!(m.status, Status::Cancelled | Status::Refused);
    match m.shape {
        Shape::Vague => {
            let _ = writeln!(
                s,
                r#"<rect x="{a:.1}" y="{top:.1}" width="{w:.1}" height="{h:.1}" rx="2" fill="{colour}" fill-opacity="0.25"/><rect x="{a:.1}" y="{top:.1}" width="{w:.1}" height="{h:.1}" rx="2" fill="url(#hatch)" stroke="{colour}" stroke-width="{}"{}/>"#,
                if outline { 2 } else { 1 },
                if outline {
                    r#" stroke-dasharray="3 2""#
                } else {
                    ""
                }
            );
        }
        Shape::Day | Shape::Range if outline => {
            let _ = writeln!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="3" fill="none" stroke="{colour}" stroke-width="2"/>"#,
                a + 1.0,
                top + 1.0,
                (w - 2.0).max(1.0),
                h - 2.0
            );
        }
        Shape::Day | Shape::Range => {
            let _ = writeln!(
                s,
                r#"<rect x="{a:.1}" y="{top:.1}" width="{w:.1}" height="{h:.1}" rx="3" fill="{colour}"{}/>"#,
                if faded { r#" fill-opacity="0.35""# } else { "" }
            );
        }
    }
    if faded {
        let c = if m.status == Status::Refused {
            "#dc3228"
        } else {
            theme.text
        };
        // A cross as wide as the mark is tall, at its start: across a long
        // span it would read as two lines.
        let (x0, y0, y1) = (a + 2.0, top + 2.0, top + h - 2.0);
        let x1 = (b - 2.0).min(x0 + h - 4.0).max(x0 + 1.0);
        let _ = writeln!(
            s,
            r#"<path d="M{x0:.1} {y0:.1}L{x1:.1} {y1:.1}M{x0:.1} {y1:.1}L{x1:.1} {y0:.1}" stroke="{c}" stroke-width="1.6"/>"#
        );
    }
    if m.status == Status::Postponed {
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" fill="{colour}" dominant-baseline="middle">»</text>"#,
            b + 2.0,
            top + h / 2.0
        );
    }
    // As in the window: an orange dot where the sources disagree, a "!"
    // before a date only taken from the publication.
    if m.disputed {
        let _ = writeln!(
            s,
            r##"<circle class="disputed" cx="{b:.1}" cy="{top:.1}" r="3.5" fill="#f08c14"/>"##
        );
    }
    if m.check {
        let _ = writeln!(
            s,
            r##"<text class="check" x="{:.1}" y="{:.1}" fill="#f08c14" font-weight="bold" text-anchor="end" dominant-baseline="middle">!</text>"##,
            a - 3.0,
            top + h / 2.0
        );
    }
}

/// The layout a figure draws (for tests and the window's preview).
pub fn figure_layout(ws: &Workspace, opts: &FigureOptions) -> Layout {
    layout(&restrict(ws, opts.range), opts.lanes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sample::sample_workspace;

    #[test]
    fn every_lane_is_labelled_and_every_mark_drawn() {
        let ws = sample_workspace();
        let opts = FigureOptions::default();
        let svg = to_svg(&ws, &opts);
        let lay = figure_layout(&ws, &opts);
        for lane in &lay.lanes {
            assert!(svg.contains(&format!(">{}</text>", esc(lane))), "{lane}");
        }
        let marks = svg.matches(" rx=\"3\"").count() + svg.matches("url(#hatch)").count();
        assert_eq!(marks, lay.marks.len());
        // The window's dot and "!" are in the figure too, and named when
        // there.
        assert!(!svg.contains("orange dot") && !svg.contains("class=\"disputed\""));
        let mut disputed = ws.clone();
        let two = disputed
            .events
            .iter()
            .find(|e| e.evidence.len() > 1)
            .unwrap()
            .id
            .clone();
        let e = disputed.event_mut(&two).unwrap();
        e.date_review.clear();
        e.evidence[0].date = crate::dates::edtf::DateValue::parse("2020-01-01").ok();
        let svg = to_svg(&disputed, &opts);
        let n = figure_layout(&disputed, &opts)
            .marks
            .iter()
            .filter(|m| m.disputed)
            .count();
        assert!(n > 0);
        assert_eq!(svg.matches("class=\"disputed\"").count(), n);
        assert!(svg.contains("orange dot: sources disagree"));
        let mut unconfirmed = ws.clone();
        let id = unconfirmed.events[0].id.clone();
        let e = unconfirmed.event_mut(&id).unwrap();
        e.date = e
            .date
            .take()
            .map(|d| crate::dates::edtf::DateValue::from_publication(&d));
        let svg = to_svg(&unconfirmed, &opts);
        assert_eq!(svg.matches("class=\"check\"").count(), 1);
        assert!(svg.contains("!: date from the publication"));
        assert!(svg.starts_with("<svg "));
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn a_range_keeps_only_its_events_and_a_height_is_kept() {
        let ws = sample_workspace();
        let day = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let opts = FigureOptions {
            range: crate::exchange::range::DayRange {
                from: day("2023-06-01"),
                to: day("2023-06-30"),
            },
            height: 500,
            ..Default::default()
        };
        let svg = to_svg(&ws, &opts);
        assert!(svg.contains(r#"height="500""#));
        let all = figure_layout(&ws, &FigureOptions::default()).marks.len();
        let june = figure_layout(&ws, &opts).marks.len();
        assert!(0 < june && june < all);
    }

    #[test]
    fn markup_in_names_is_escaped() {
        let mut ws = sample_workspace();
        ws.title = "US <&> China".into();
        let svg = to_svg(&ws, &FigureOptions::default());
        assert!(svg.contains("US &lt;&amp;&gt; China"));
    }
}
