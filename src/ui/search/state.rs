//! What the Search everything box remembers: whether it is open, the
//! query, the hits for it (found again only when the query or the
//! workspace changes) and the row the keyboard is on.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::everything::Hit;

#[derive(Default)]
pub struct SearchState {
    pub open: bool,
    pub query: String,
    pub hits: Vec<Hit>,
    /// The query and workspace revision `hits` are for.
    pub(crate) found_for: Option<(String, u64)>,
    /// The row lit for Enter.
    pub lit: usize,
    /// Put the caret in the box on the next frame.
    pub(crate) focus: bool,
}
