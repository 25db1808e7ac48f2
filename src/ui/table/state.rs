//! What the Events table remembers: its sort and filters, and the rows
//! they give, sorted and filtered once per change, not once per frame.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::model::{Event, Status, Workspace};
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
pub enum SortBy {
    #[default]
    Date,
    Kind,
    Headline,
    Status,
    Actors,
    Place,
}

pub(crate) type RowCells = Vec<(String, [String; 6])>;

pub(crate) type CacheKey = (
    u64,
    SortBy,
    bool,
    String,
    Option<String>,
    Option<String>,
    Option<Status>,
);

#[derive(Default)]
pub struct TableState {
    /// Rows for the last workspace state and filters: sorting and
    /// filtering happen once per change, not once per frame.
    pub(crate) cache: Option<(CacheKey, Arc<RowCells>)>,
    pub sort: SortBy,
    pub descending: bool,
    pub text: String,
    pub kind: Option<String>,
    pub actor: Option<String>,
    pub status: Option<Status>,
    /// The width the columns were last laid out for: when the window is
    /// made much wider or narrower, they are laid out again (egui keeps
    /// the widths it was first given, so a table first seen in a small
    /// window stayed narrow in a wide one).
    pub(crate) laid_for: f32,
}

/// The events the table shows, in its order.
impl TableState {
    /// How many events the filters leave, when any filter is set (as last
    /// listed).
    pub fn filtered_count(&self) -> Option<usize> {
        let filtering = !self.text.trim().is_empty()
            || self.kind.is_some()
            || self.actor.is_some()
            || self.status.is_some();
        filtering.then(|| self.cache.as_ref().map_or(0, |c| c.1.len()))
    }
}

pub fn rows<'a>(ws: &'a Workspace, st: &TableState) -> Vec<&'a Event> {
    let q = st.text.to_lowercase();
    let mut evs: Vec<&Event> = crate::core::order::events_in_order(ws)
        .into_iter()
        .filter(|e| st.kind.as_ref().is_none_or(|k| &e.kind == k))
        .filter(|e| st.status.is_none_or(|s| e.status == s))
        .filter(|e| {
            st.actor
                .as_ref()
                .is_none_or(|a| e.actors.iter().any(|r| &r.actor == a))
        })
        .filter(|e| {
            q.is_empty()
                || e.headline.to_lowercase().contains(&q)
                || e.place.to_lowercase().contains(&q)
                || e.notes.to_lowercase().contains(&q)
                || e.tags.iter().any(|t| t.to_lowercase().contains(&q))
                || actor_names(ws, e).to_lowercase().contains(&q)
        })
        .collect();
    match st.sort {
        SortBy::Date => {}
        SortBy::Kind => evs.sort_by(|a, b| a.kind.cmp(&b.kind)),
        SortBy::Headline => evs.sort_by_key(|e| e.headline.to_lowercase()),
        SortBy::Status => evs.sort_by_key(|e| e.status),
        // Events without actors or a place go last, in either direction.
        SortBy::Actors => evs.sort_by_cached_key(|e| {
            let a = actor_names(ws, e).to_lowercase();
            (a.is_empty() != st.descending, a)
        }),
        SortBy::Place => {
            evs.sort_by_key(|e| (e.place.is_empty() != st.descending, e.place.to_lowercase()))
        }
    }
    if st.descending {
        evs.reverse();
    }
    evs
}

/// An event's actors by name, in its order ("Wang Yi, Jake Sullivan").
pub fn actor_names(ws: &Workspace, e: &Event) -> String {
    e.actors
        .iter()
        .map(|r| {
            ws.actor(&r.actor)
                .map_or(r.actor.as_str(), |a| a.name.as_str())
        })
        .collect::<Vec<_>>()
        .join(", ")
}
