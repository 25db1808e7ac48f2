//! What the Library remembers between frames: the rows matching the
//! filter and the passage counts, built once per change of the workspace
//! or the filter, not once per frame.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

/// The library rows for one workspace state and filter, so that searching
/// the full text happens once per change, not once per frame. Meta lines
/// are written only for the rows in view.
pub struct LibraryCache {
    pub(crate) key: (u64, String),
    /// Indexes of the matching articles.
    pub(crate) rows: Vec<usize>,
    /// Passages per article, by article index.
    pub(crate) counts: Vec<usize>,
}

impl LibraryCache {
    pub(crate) fn build(ws: &crate::core::model::Workspace, key: (u64, String)) -> Self {
        let at: rustc_hash::FxHashMap<&str, usize> = ws
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut counts = vec![0; ws.articles.len()];
        for p in ws.events.iter().flat_map(|e| &e.evidence) {
            if let Some(&i) = at.get(p.article.as_str()) {
                counts[i] += 1;
            }
        }
        let rows = crate::core::search::matching_articles(ws, &key.1);
        LibraryCache { key, rows, counts }
    }
}
