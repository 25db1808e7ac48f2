//! What the Notebook remembers between frames: the memo shown, its draft
//! while it is written, the `[[` picker, and the Markdown viewer's cache.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::model::{Id, Memo};

#[derive(Default)]
pub struct NotebookState {
    /// The memo shown.
    pub selected: Option<Id>,
    /// The memo as it is being written; it becomes one undoable step when
    /// the writer pauses, leaves the field, or runs a command.
    pub draft: Option<Memo>,
    /// The title, text and tags of the stored memo the draft started from:
    /// a change to those under the draft (an undo) shows the memo anew,
    /// while bookkeeping a save adds (`past`) does not.
    pub(crate) draft_from: Option<Editable>,
    /// The tags as typed, comma-separated.
    pub tags_text: String,
    /// Writing (plain text) rather than reading (rendered Markdown).
    pub editing: bool,
    /// When the draft last changed (egui time), for the pause that commits it.
    pub last_change: f64,
    /// The link picker opened by typing `[[`.
    pub picker: Option<Picker>,
    /// What is typed in the list's filter box.
    pub filter: String,
    /// Put the caret in the text on the next frame (a new memo).
    pub focus_text: bool,
    pub(crate) cache: egui_commonmark::CommonMarkCache,
}

/// What the writer edits of a memo: title, text and tags.
pub type Editable = (String, String, Vec<String>);

/// The editable part of `m`.
pub fn editable(m: &Memo) -> Editable {
    (m.title.clone(), m.text.clone(), m.tags.clone())
}

/// The `[[` picker: where the brackets were typed and which choice is lit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// The char index of the first `[`.
    pub start: usize,
    /// The lit row.
    pub lit: usize,
}
