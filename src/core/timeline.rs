//! Timeline layout, pure: which lane each event goes in, where its mark
//! starts and ends in days, how it is drawn, and a calendar axis whose
//! ticks adapt to the zoom. The window only paints what this computes.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::model::{Event, Id, Status, Workspace};
use chrono::{Datelike, Months, NaiveDate};
use std::collections::HashMap;

/// x coordinates are days since this date; f64 keeps day precision for
/// millennia either side.
pub fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date")
}

pub fn day_to_x(d: NaiveDate) -> f64 {
    (d - epoch()).num_days() as f64
}

pub fn x_to_day(x: f64) -> Option<NaiveDate> {
    let days = x.floor();
    if !days.is_finite() || days.abs() > 3_000_000.0 {
        return None;
    }
    epoch().checked_add_signed(chrono::Duration::days(days as i64))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LaneBy {
    #[default]
    Dyad,
    Kind,
    Actor,
    Article,
}

impl LaneBy {
    pub const ALL: [LaneBy; 4] = [LaneBy::Dyad, LaneBy::Kind, LaneBy::Actor, LaneBy::Article];
    pub fn label(self) -> &'static str {
        match self {
            LaneBy::Dyad => "Dyad",
            LaneBy::Kind => "Event type",
            LaneBy::Actor => "Actor",
            LaneBy::Article => "Article",
        }
    }
}

/// How a mark is drawn: an exact day, a range of exact days, or a span
/// that only says "somewhere in here" (month/year precision, approximate
/// or uncertain dates) and must never look like an exact day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Day,
    Range,
    Vague,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub event: Id,
    pub lane: usize,
    /// Vertical position: marks that would overlap in a lane are stacked
    /// in rows below its first one.
    pub y: f64,
    /// First day covered (x of its start).
    pub x0: f64,
    /// End of the last day covered (exclusive), so a day is 1.0 wide.
    pub x1: f64,
    pub shape: Shape,
    pub status: Status,
    pub kind: String,
    pub colour: [u8; 3],
    /// Its sources give dates that cannot all be right.
    pub disputed: bool,
    /// Its date was only taken from its article's publication (the passage
    /// gives none) and nobody has confirmed it: shown with a "!".
    pub check: bool,
    /// Its label: the event's headline cut after a word, made once with the
    /// layout (not looked up per mark and per frame).
    pub label: String,
}

impl Mark {
    pub fn centre(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    pub lanes: Vec<String>,
    /// y of each lane's first row (lanes go down from 0).
    pub lane_y: Vec<f64>,
    /// Rows each lane needs so that no two marks overlap.
    pub lane_rows: Vec<usize>,
    /// Sorted by x0.
    pub marks: Vec<Mark>,
    /// Events per calendar month: (x of the month's first day, x of the next month's, count).
    pub months: Vec<(f64, f64, usize)>,
    pub undated: usize,
    /// Event type codes in use, sorted (for the legend).
    pub kinds: Vec<String>,
    /// The widest mark's x1 - x0, so a view can find its first mark by
    /// binary search over the marks sorted by x0.
    pub longest: f64,
}

/// An actor by id (a map the caller built once, not a scan).
pub type FindActor<'f, 'a> = &'f dyn Fn(&str) -> Option<&'a crate::core::model::Actor>;

fn dyad(actor: FindActor, e: &Event) -> String {
    let mut sides: Vec<String> = e
        .actors
        .iter()
        .filter_map(|r| actor(r.actor.as_str()))
        .map(|a| {
            if a.country.is_empty() {
                a.name.clone()
            } else {
                a.country.clone()
            }
        })
        .collect();
    sides.sort();
    sides.dedup();
    if sides.is_empty() {
        "(no actors)".into()
    } else {
        sides.join("–")
    }
}

/// The lanes an event falls in when lanes go `by` dyad, type, actor or
/// article (several for an event with several actors or articles; none
/// for an event with no passage by article). The TimelineJS export groups
/// by the first.
pub fn lane_keys(ws: &Workspace, actor: FindActor, e: &Event, by: LaneBy) -> Vec<String> {
    match by {
        LaneBy::Dyad => vec![dyad(actor, e)],
        LaneBy::Kind => vec![match ws.event_type(&e.kind) {
            Some(t) => t.shown(),
            None => e.kind.clone(),
        }],
        LaneBy::Actor => {
            let names: Vec<String> = e
                .actors
                .iter()
                .filter_map(|r| actor(r.actor.as_str()))
                .map(|a| a.name.clone())
                .collect();
            if names.is_empty() {
                vec!["(no actors)".into()]
            } else {
                names
            }
        }
        LaneBy::Article => {
            let mut titles: Vec<String> = vec![];
            for p in &e.evidence {
                let t = ws
                    .article(&p.article)
                    .map(|a| a.title.clone())
                    .unwrap_or_default();
                if !titles.contains(&t) {
                    titles.push(t);
                }
            }
            titles
        }
    }
}

/// Lay out every dated event.
pub fn layout(ws: &Workspace, by: LaneBy) -> Layout {
    let mut out = Layout::default();
    let actors: HashMap<&str, &crate::core::model::Actor> =
        ws.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    let find = |id: &str| actors.get(id).copied();
    let mut lane_of: HashMap<String, usize> = HashMap::new();
    let mut months: std::collections::BTreeMap<(i32, u32), usize> = Default::default();
    for e in &ws.events {
        let Some(d) = &e.date else {
            out.undated += 1;
            continue;
        };
        let (lo, hi) = match (d.earliest(), d.latest()) {
            (Some(a), Some(b)) => (a, b),
            (Some(a), None) => (a, a),
            (None, Some(b)) => (b, b),
            (None, None) => {
                out.undated += 1;
                continue;
            }
        };
        let vague = !(d.is_exact_day() || is_plain_range(d.edtf()));
        let shape = if vague {
            Shape::Vague
        } else if lo == hi {
            Shape::Day
        } else {
            Shape::Range
        };
        *months.entry((lo.year(), lo.month())).or_insert(0) += 1;
        let colour = ws
            .event_type(&e.kind)
            .map(|t| t.rgb())
            .unwrap_or([128, 128, 128]);
        let disputed = e.open_disagreement().is_some();
        let check = e.date.as_ref().is_some_and(|d| d.needs_check());
        let label = crate::text::normalise::cut_at_word(&e.headline, LABEL_CHARS);
        for key in lane_keys(ws, &find, e, by) {
            let lane = match lane_of.get(&key) {
                Some(&i) => i,
                None => {
                    lane_of.insert(key.clone(), out.lanes.len());
                    out.lanes.push(key);
                    out.lanes.len() - 1
                }
            };
            out.marks.push(Mark {
                event: e.id.clone(),
                lane,
                y: 0.0,
                x0: day_to_x(lo),
                x1: day_to_x(hi) + 1.0,
                shape,
                status: e.status,
                kind: e.kind.clone(),
                colour,
                disputed,
                check,
                label: label.clone(),
            });
        }
    }
    // Lanes in name order, marks renumbered.
    let mut order: Vec<usize> = (0..out.lanes.len()).collect();
    order.sort_by(|&a, &b| out.lanes[a].cmp(&out.lanes[b]));
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    out.lanes = order.iter().map(|&i| out.lanes[i].clone()).collect();
    for m in &mut out.marks {
        m.lane = new_index[m.lane];
    }
    out.marks
        .sort_by(|a, b| a.x0.total_cmp(&b.x0).then_with(|| a.lane.cmp(&b.lane)));
    stack(&mut out);
    out.longest = out.marks.iter().map(|m| m.x1 - m.x0).fold(0.0, f64::max);
    out.kinds = ws.events.iter().map(|e| e.kind.clone()).collect();
    out.kinds.sort();
    out.kinds.dedup();
    out.months = months
        .into_iter()
        .filter_map(|((y, m), n)| {
            let start = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = start.checked_add_months(Months::new(1))?;
            Some((day_to_x(start), day_to_x(next), n))
        })
        .collect();
    out
}

/// Days kept free after a mark before another may share its row.
const ROW_GAP_DAYS: f64 = 4.0;

/// Give each mark the first row of its lane that is free at its start
/// (greedy interval colouring), then place lanes one under another.
fn stack(out: &mut Layout) {
    let mut row_ends: Vec<Vec<f64>> = vec![vec![]; out.lanes.len()];
    let mut rows = vec![0usize; out.marks.len()];
    for (i, m) in out.marks.iter().enumerate() {
        let ends = &mut row_ends[m.lane];
        let row = match ends.iter().position(|&end| end <= m.x0) {
            Some(r) => r,
            None => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
        };
        ends[row] = m.x1 + ROW_GAP_DAYS;
        rows[i] = row;
    }
    out.lane_rows = row_ends.iter().map(|r| r.len().max(1)).collect();
    let mut y = 0.0;
    out.lane_y = out
        .lane_rows
        .iter()
        .map(|&n| {
            let top = y;
            y -= n as f64 * 0.8 + 0.6;
            top
        })
        .collect();
    for (m, row) in out.marks.iter_mut().zip(rows) {
        m.y = out.lane_y[m.lane] - row as f64 * 0.8;
    }
}

/// The lowest y any mark may take (for the plot's bounds).
/// How long a mark's label may be, in chars (cut after a word).
pub const LABEL_CHARS: usize = 32;

/// One mark as drawn, for placing labels: its row (marks of one row share
/// a band; rows do not overlap), its drawn left and right edges and the
/// width its label would take, all in the same units (pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drawn {
    pub row: f64,
    pub left: f64,
    pub right: f64,
    pub label: f64,
}

/// Which marks get a label: each label sits just right of its mark, in its
/// row, and is kept only when it ends before the next mark of that row
/// starts and after the last label kept there ends. Labels never overlap
/// a mark or each other; those that would are dropped, as Aeon Timeline
/// and TimelineJS do when zoomed out. Linear in the marks (a sort aside).
pub fn place_labels(marks: &[Drawn], gap: f64) -> Vec<bool> {
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by(|&a, &b| {
        marks[a]
            .row
            .total_cmp(&marks[b].row)
            .then(marks[a].left.total_cmp(&marks[b].left))
    });
    let mut keep = vec![false; marks.len()];
    // How far right the row is taken so far (marks, and labels kept).
    let mut frontier = f64::NEG_INFINITY;
    for (k, &i) in order.iter().enumerate() {
        let m = &marks[i];
        if k > 0 && marks[order[k - 1]].row != m.row {
            frontier = f64::NEG_INFINITY;
        }
        let start = m.right + gap;
        let end = start + m.label;
        // Marks of a row are sorted by their left edge: the next one is
        // the nearest the label could run into.
        let next_left = order
            .get(k + 1)
            .map(|&j| &marks[j])
            .filter(|n| n.row == m.row)
            .map_or(f64::INFINITY, |n| n.left);
        keep[i] = m.label > 0.0 && end + gap <= next_left && frontier + gap <= start;
        frontier = frontier.max(if keep[i] { end } else { m.right });
    }
    keep
}

pub fn bottom(layout: &Layout) -> f64 {
    layout
        .lane_y
        .iter()
        .zip(&layout.lane_rows)
        .map(|(y, n)| y - (*n as f64 - 1.0) * 0.8)
        .fold(0.0, f64::min)
}

/// An interval between two exact, unqualified days.
fn is_plain_range(edtf: &str) -> bool {
    match edtf.split_once('/') {
        Some((a, b)) => [a, b]
            .iter()
            .all(|s| s.len() == 10 && s.bytes().all(|c| c.is_ascii_digit() || c == b'-')),
        None => false,
    }
}

/// The step of the calendar grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Days(u32),
    Months(u32),
    Years(u32),
}

impl Step {
    /// Approximate length in days.
    pub fn days(self) -> f64 {
        match self {
            Step::Days(n) => f64::from(n),
            Step::Months(n) => f64::from(n) * 30.44,
            Step::Years(n) => f64::from(n) * 365.25,
        }
    }
}

const STEPS: [Step; 13] = [
    Step::Days(1),
    Step::Days(2),
    Step::Days(7),
    Step::Days(14),
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(25),
    Step::Years(100),
];

/// The finest step that puts at most `max_ticks` ticks in `[x_min, x_max]`.
pub fn choose_step(x_min: f64, x_max: f64, max_ticks: usize) -> Step {
    let span = (x_max - x_min).max(1.0);
    STEPS
        .into_iter()
        .find(|s| span / s.days() <= max_ticks.max(1) as f64)
        .unwrap_or(Step::Years(100))
}

/// Calendar-aligned ticks (first of month, 1 January, Mondays for weeks)
/// with labels that fit the step: "2023", "May 2023", "10 May".
pub fn ticks(x_min: f64, x_max: f64, max_ticks: usize) -> (Step, Vec<(f64, String)>) {
    let step = choose_step(x_min, x_max, max_ticks);
    let (Some(lo), Some(hi)) = (x_to_day(x_min), x_to_day(x_max)) else {
        return (step, vec![]);
    };
    let mut out = vec![];
    let mut d = match step {
        Step::Days(7) | Step::Days(14) => {
            lo - chrono::Duration::days(i64::from(lo.weekday().num_days_from_monday()))
        }
        Step::Days(_) => lo,
        Step::Months(n) => {
            let m0 = (lo.month0() / n) * n;
            NaiveDate::from_ymd_opt(lo.year(), m0 + 1, 1).unwrap_or(lo)
        }
        Step::Years(n) => {
            let n = n as i32;
            NaiveDate::from_ymd_opt(lo.year().div_euclid(n) * n, 1, 1).unwrap_or(lo)
        }
    };
    while d <= hi && out.len() < 1000 {
        if d >= lo {
            let label = match step {
                Step::Days(_) => d.format("%-d %b").to_string(),
                Step::Months(_) if d.month() == 1 => d.format("%b %Y").to_string(),
                Step::Months(_) => d.format("%b").to_string(),
                Step::Years(_) => d.format("%Y").to_string(),
            };
            out.push((day_to_x(d), label));
        }
        let next = match step {
            Step::Days(n) => d.checked_add_signed(chrono::Duration::days(i64::from(n))),
            Step::Months(n) => d.checked_add_months(Months::new(n)),
            Step::Years(n) => d.checked_add_months(Months::new(12 * n)),
        };
        match next {
            Some(n) => d = n,
            None => break,
        }
    }
    (step, out)
}

/// A date label for a position on the axis, at the detail of the step.
pub fn label_at(x: f64, step_days: f64) -> String {
    match x_to_day(x) {
        Some(d) if step_days < 28.0 => d.format("%-d %b %Y").to_string(),
        Some(d) if step_days < 360.0 => d.format("%b %Y").to_string(),
        Some(d) => d.format("%Y").to_string(),
        None => String::new(),
    }
}

/// The x range that shows every mark, with a margin.
pub fn fit(layout: &Layout) -> Option<(f64, f64)> {
    let lo = layout
        .marks
        .iter()
        .map(|m| m.x0)
        .fold(f64::INFINITY, f64::min);
    let hi = layout
        .marks
        .iter()
        .map(|m| m.x1)
        .fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() {
        return None;
    }
    let margin = ((hi - lo) * 0.05).max(3.0);
    Some((lo - margin, hi + margin))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn days_round_trip() {
        for s in ["2000-01-01", "2023-05-10", "1989-11-09", "2024-02-29"] {
            assert_eq!(x_to_day(day_to_x(d(s)) + 0.5), Some(d(s)));
        }
        assert_eq!(x_to_day(f64::NAN), None);
    }

    #[test]
    fn ticks_follow_the_calendar() {
        let (step, t) = ticks(day_to_x(d("2023-01-15")), day_to_x(d("2023-12-20")), 12);
        assert_eq!(step, Step::Months(1));
        assert_eq!(t.first().unwrap().1, "Feb");
        assert!(t.iter().all(|(x, _)| x_to_day(*x).unwrap().day() == 1));
        let (step, t) = ticks(day_to_x(d("2023-05-08")), day_to_x(d("2023-05-14")), 10);
        assert_eq!(step, Step::Days(1));
        assert_eq!(t[2].1, "10 May");
        let (step, t) = ticks(day_to_x(d("1990-01-01")), day_to_x(d("2023-01-01")), 10);
        assert_eq!(step, Step::Years(5));
        assert_eq!(t[0].1, "1990");
        let (_, t) = ticks(day_to_x(d("2022-11-01")), day_to_x(d("2023-03-01")), 6);
        assert!(t.iter().any(|(_, l)| l == "Jan 2023"), "{t:?}");
    }

    #[test]
    fn the_sample_lays_out_with_honest_shapes() {
        let ws = crate::core::sample::sample_workspace();
        let l = layout(&ws, LaneBy::Dyad);
        assert_eq!(l.undated, 1, "the sought Biden-Xi call has no date");
        assert_eq!(l.marks.len(), ws.events.len() - 1);
        assert!(l.lanes.contains(&"CHN–USA".to_string()), "{:?}", l.lanes);
        let by_headline = |h: &str| {
            let e = ws.events.iter().find(|e| e.headline.contains(h)).unwrap();
            l.marks.iter().find(|m| m.event == e.id).unwrap().clone()
        };
        let vienna = by_headline("Vienna");
        assert_eq!(vienna.shape, Shape::Range);
        assert_eq!(vienna.x1 - vienna.x0, 2.0);
        let munich = by_headline("Munich");
        assert_eq!(
            munich.shape,
            Shape::Vague,
            "month precision is never drawn as a day"
        );
        assert_eq!(munich.x1 - munich.x0, 28.0);
        let bali = by_headline("Bali");
        assert_eq!(bali.shape, Shape::Day);
        let xi = by_headline("Possible Blinken meeting with Xi");
        assert_eq!(xi.shape, Shape::Vague, "an uncertain day is vague");
        assert_eq!(xi.status, Status::Planned);
        assert!(l.marks.windows(2).all(|w| w[0].x0 <= w[1].x0));
        // No two marks in the same row overlap.
        for (i, a) in l.marks.iter().enumerate() {
            for b in &l.marks[i + 1..] {
                if a.y == b.y {
                    assert!(
                        a.x1 <= b.x0 || b.x1 <= a.x0,
                        "{} and {} overlap",
                        a.event,
                        b.event
                    );
                }
            }
        }
        assert!(
            l.lane_rows.iter().sum::<usize>() > l.lanes.len(),
            "the long refusal interval forces a second row"
        );
        let total: usize = l.months.iter().map(|m| m.2).sum();
        assert_eq!(total, ws.events.len() - 1);
        let by_actor = layout(&ws, LaneBy::Actor);
        assert!(
            by_actor.marks.len() > l.marks.len(),
            "an event shows in each actor's lane"
        );
    }

    #[test]
    fn labels_go_where_they_fit_and_never_overlap() {
        let d = |row: f64, left: f64, right: f64, label: f64| Drawn {
            row,
            left,
            right,
            label,
        };
        // Row 0: room after the first mark, none after the second (the
        // third starts too soon), room after the third.
        let marks = [
            d(0.0, 0.0, 10.0, 50.0),
            d(0.0, 100.0, 110.0, 50.0),
            d(0.0, 130.0, 140.0, 30.0),
            // Another row: its own room.
            d(1.0, 105.0, 115.0, 50.0),
        ];
        assert_eq!(place_labels(&marks, 4.0), [true, false, true, true]);
        // Order given does not matter.
        let rev: Vec<Drawn> = marks.iter().rev().copied().collect();
        assert_eq!(place_labels(&rev, 4.0), [true, true, false, true]);
        // A mark inside the previous label's room drops the later label
        // only if the two would overlap.
        let close = [d(0.0, 0.0, 10.0, 100.0), d(0.0, 20.0, 30.0, 10.0)];
        assert_eq!(place_labels(&close, 4.0), [false, true]);
    }
}
