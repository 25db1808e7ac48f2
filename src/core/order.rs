//! The one order events are listed in everywhere: the Events table, the
//! tag bar's picker, exports and reports. Date order, undated last, then
//! headline and id, so every listing of the same workspace agrees.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::model::{Event, Workspace};

/// Events in date order (undated last), then by headline and id.
pub fn events_in_order(ws: &Workspace) -> Vec<&Event> {
    let mut evs: Vec<&Event> = ws.events.iter().map(|e| &**e).collect();
    evs.sort_by(|a, b| {
        let key = |e: &Event| {
            let d = e.date.as_ref();
            (
                d.is_none(),
                d.and_then(|d| d.earliest()),
                d.and_then(|d| d.latest()),
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.headline.cmp(&b.headline))
            .then_with(|| a.id.cmp(&b.id))
    });
    evs
}
