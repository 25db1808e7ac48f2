//! What the Inspector remembers between frames: the draft of the event
//! being edited and the text of its fields while they are typed.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::model::Event;

#[derive(Default)]
pub struct InspectorState {
    pub draft: Option<Event>,
    pub date_text: String,
    pub tags_text: String,
    pub new_actor_name: String,
    pub new_actor_country: String,
    pub new_actor_sector: String,
    /// What is typed in the search box of "Add an existing actor".
    pub actor_query: String,
    /// The date typed for each passage of the draft (by passage id).
    pub passage_dates: std::collections::HashMap<String, String>,
    /// The note being written to mark the sources' disagreement reviewed.
    pub review_note: String,
    /// What is typed in the type picker's search, and for how many frames
    /// the picker has been open (it opens on the current type, search
    /// cleared).
    pub type_query: String,
    /// The actors the shown event's text names that it does not (for a
    /// workspace revision and event id).
    pub suggested: Option<(u64, String, Vec<crate::core::model::Id>)>,
    pub type_open: u8,
}
