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

#[derive(Debug, Default)]
pub struct ActorsState {
    pub filter: String,
    /// The actor open for editing.
    pub draft: Option<ActorDraft>,
    /// The actor the open one would be merged into.
    pub merge_into: Option<Id>,
}
