//! What the Retrieve tab remembers: what passages are asked for, and the
//! passages found, kept until the workspace or the question changes.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::retrieve::{Hit, Query};

/// What kind of thing passages are retrieved for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Kind {
    #[default]
    Actor,
    Type,
    Tag,
    Memo,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Actor, Kind::Type, Kind::Tag, Kind::Memo];
    /// One of them, as a sentence names it.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Actor => "an actor",
            Kind::Type => "an event type",
            Kind::Tag => "a tag",
            Kind::Memo => "a memo",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Kind::Actor => "Actor",
            Kind::Type => "Event type",
            Kind::Tag => "Tag",
            Kind::Memo => "Memo",
        }
    }
}

#[derive(Debug, Default)]
pub struct RetrieveState {
    pub kind: Kind,
    /// The actor or memo id, the type code or the tag chosen.
    pub value: Option<String>,
    /// The passages for (workspace revision, query).
    pub(crate) hits: Option<(u64, Query, Vec<Hit>)>,
}

impl RetrieveState {
    /// The question asked, when one is.
    pub fn query(&self) -> Option<Query> {
        let v = self.value.clone()?;
        Some(match self.kind {
            Kind::Actor => Query::Actor(v),
            Kind::Type => Query::Type(v),
            Kind::Tag => Query::Tag(v),
            Kind::Memo => Query::Memo(v),
        })
    }
}
