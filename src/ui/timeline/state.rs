//! What the Timeline remembers: the lane grouping, the layout of the
//! workspace as it is (computed on a background thread for large
//! workspaces), the marks drawn last frame and the cached overview mesh.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::timeline::{self, LaneBy, Layout};
use egui::Rect;
use std::sync::Arc;

#[derive(Default)]
pub struct TimelineState {
    pub lane_by: LaneBy,
    /// The grouping drawn last frame (a change brings the lanes' top back).
    pub(crate) shown_lanes: Option<LaneBy>,
    pub fit_request: bool,
    pub(crate) cache: Option<(u64, LaneBy, Arc<Layout>)>,
    /// A layout being computed on a background thread, for this revision.
    pub(crate) pending: Option<((u64, LaneBy), std::sync::mpsc::Receiver<Layout>)>,
    /// Screen rectangles of the marks drawn last frame, for tests and hits.
    pub drawn: Vec<(String, Rect)>,
    /// How many lanes there are when they do not all fit the plot (its
    /// last frame), for the header's hint.
    pub(crate) overflowing: Option<usize>,
    /// Whether the layout shown last had marks: the first marks (a first
    /// event tagged in a new workspace) are fitted into view, not left at
    /// the edge of an empty plot's default range.
    pub(crate) had_marks: bool,
    /// The plot's whole rect last frame, its axes included.
    pub plot_rect: Option<Rect>,
    /// Visible x range last frame.
    pub view: Option<(f64, f64)>,
    /// The selected event the view was last brought to (so a newly
    /// selected one off screen, a new event say, is brought into view once).
    pub(crate) revealed: Option<String>,
    /// The zoomed-out overview, kept while the view and data stay the same.
    pub(crate) overview: Option<Overview>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct OverviewKey {
    pub(crate) layout: usize,
    pub(crate) view: [u64; 2],
    pub(crate) frame: [u32; 4],
    pub(crate) dark: bool,
}

pub(crate) struct Overview {
    pub(crate) key: OverviewKey,
    pub(crate) mesh: Arc<egui::Mesh>,
}

impl TimelineState {
    /// The layout as the timeline would draw it (for tests).
    pub fn layout_for_tests(&self, ws: &crate::core::model::Workspace) -> Layout {
        timeline::layout(ws, self.lane_by)
    }

    /// The layout for the workspace as it is, rebuilt only after a change.
    /// A large workspace is laid out on a background thread from a
    /// snapshot (cheap: events are shared) while the last layout stays on
    /// screen, so an edit never stalls the window.
    pub fn layout(&mut self, ws: &crate::core::model::Workspace) -> Arc<Layout> {
        let key = (ws.revision.get(), self.lane_by);
        if let Some((k, rx)) = &self.pending
            && let Ok(l) = rx.try_recv()
        {
            self.cache = Some((k.0, k.1, Arc::new(l)));
            self.pending = None;
        }
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|(m, by, _)| (*m, *by) == key);
        if !fresh {
            if ws.events.len() < BACKGROUND_LAYOUT_FROM {
                self.pending = None;
                self.cache = Some((key.0, key.1, Arc::new(timeline::layout(ws, key.1))));
            } else if self.pending.as_ref().is_none_or(|(k, _)| *k != key) {
                let (tx, rx) = std::sync::mpsc::channel();
                let snapshot = ws.clone();
                std::thread::spawn(move || {
                    let _ = tx.send(timeline::layout(&snapshot, key.1));
                });
                self.pending = Some((key, rx));
            }
        }
        self.cache.as_ref().map(|c| c.2.clone()).unwrap_or_default()
    }

    /// True while a newer layout is being computed.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }
}

/// Workspaces with this many events are laid out off the UI thread.
pub(crate) const BACKGROUND_LAYOUT_FROM: usize = 2_000;
