//! What the Codebook tab remembers: its filter, the type being edited with
//! its fields as typed, the name typed for a new own type and the type
//! chosen to merge into.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

/// An event type's fields as typed in the Codebook tab.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypeDraft {
    /// The type's code: its id, never edited.
    pub code: String,
    pub label: String,
    pub colour: [u8; 3],
    pub parent: String,
    pub description: String,
}

#[derive(Debug, Default)]
pub struct CodebookState {
    pub filter: String,
    /// The type open for editing.
    pub draft: Option<TypeDraft>,
    /// The name typed for a new own type.
    pub new_name: String,
    /// The type the open one would be merged into.
    pub merge_into: Option<String>,
    /// Events of each type, for a workspace revision: counted once per
    /// change, not per frame.
    pub(crate) uses: Option<(u64, std::collections::HashMap<String, usize>)>,
}
