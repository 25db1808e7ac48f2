//! What the Actors tab remembers: its filter, the actor being edited with
//! its fields as typed, and the actor chosen to merge into.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::model::Id;

/// An actor's fields as typed in the Actors tab.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorDraft {
    pub actor: Id,
    pub name: String,
    /// Aliases, separated by semicolons.
    pub aliases: String,
    pub country: String,
    pub sector: String,
}

/// (events, passages) naming each actor, by actor id.
pub type Uses = std::collections::HashMap<String, (usize, usize)>;

#[derive(Debug, Default)]
pub struct ActorsState {
    pub filter: String,
    /// The actor open for editing.
    pub draft: Option<ActorDraft>,
    /// The actor the open one would be merged into.
    pub merge_into: Option<Id>,
    /// Events and passages naming each actor, for a workspace revision:
    /// counted once per change, not per frame.
    pub(crate) uses: Option<(u64, Uses)>,
}
