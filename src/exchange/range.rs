//! The part of a workspace an export covers: events whose dates meet a
//! range of days. Every format takes the restricted workspace, so
//! `--from`/`--to` (and the window's export options) mean the same for all.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::model::{Event, Workspace};
use crate::core::order::events_in_order;
use chrono::NaiveDate;

/// A range of days, open at either end; both ends are included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DayRange {
    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Whether an event could fall in the range: its earliest-latest span
    /// meets it. Undated events are in only when the range is open.
    pub fn admits(&self, e: &Event) -> bool {
        if self.is_open() {
            return true;
        }
        let Some(d) = &e.date else { return false };
        let ends_before = match (self.from, d.latest()) {
            (Some(f), Some(l)) => l < f,
            _ => false,
        };
        let starts_after = match (self.to, d.earliest()) {
            (Some(t), Some(e)) => e > t,
            _ => false,
        };
        !(ends_before || starts_after)
    }
}

/// `ws` with only the events in `range` (articles, actors and vocabulary
/// all stay: a passage-less article is still part of the corpus).
pub fn restrict(ws: &Workspace, range: DayRange) -> Workspace {
    let mut out = ws.clone();
    if !range.is_open() {
        out.events.retain(|e| range.admits(e));
    }
    out
}

/// The events of `ws` in the export order (by date, undated last).
pub fn ordered(ws: &Workspace) -> Vec<&Event> {
    events_in_order(ws)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sample::sample_workspace;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_range_keeps_events_whose_span_meets_it_and_drops_undated() {
        let ws = sample_workspace();
        let june = DayRange {
            from: Some(day("2023-06-01")),
            to: Some(day("2023-06-30")),
        };
        let kept = restrict(&ws, june);
        assert!(!kept.events.is_empty());
        assert!(kept.events.len() < ws.events.len());
        for e in &kept.events {
            let d = e.date.as_ref().unwrap();
            assert!(d.latest().unwrap() >= day("2023-06-01"), "{}", d.edtf());
            assert!(d.earliest().unwrap() <= day("2023-06-30"), "{}", d.edtf());
        }
        assert_eq!(
            restrict(&ws, DayRange::default()).events.len(),
            ws.events.len()
        );
    }

    #[test]
    fn a_month_precision_event_meets_a_range_inside_its_month() {
        let mut e = (*sample_workspace().events[0]).clone();
        e.date = Some(crate::dates::edtf::DateValue::parse("2023-06").unwrap());
        let mid = DayRange {
            from: Some(day("2023-06-10")),
            to: Some(day("2023-06-12")),
        };
        assert!(mid.admits(&e));
        let july = DayRange {
            from: Some(day("2023-07-01")),
            to: None,
        };
        assert!(!july.admits(&e));
    }
}
