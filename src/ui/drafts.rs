//! What is typed but not yet stored: the open memo, actor, event type,
//! article details and workspace properties hold their fields as drafts
//! until a field is left. A field that disappears (its tab left, the window
//! saving or closing) is never "left", so every draft is committed here
//! before any command runs, when the bottom tab changes, and before the
//! window closes: nothing typed is lost or missing from a save.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::ui::app::DetenteApp;

impl DetenteApp {
    /// Commit every draft that differs from what it edits, each as the
    /// undoable step leaving its field would have made.
    pub fn flush_drafts(&mut self) {
        self.flush_memo();
        if let Some(d) = self.actors.draft.clone() {
            self.commit_actor(&d);
        }
        if let Some(d) = self.codebook.draft.clone() {
            self.commit_type(&d);
        }
        if let Some(d) = self.reader.details.clone() {
            self.commit_details(&d);
        }
        if let Some(d) = self.properties.clone() {
            self.set_titles(d.title, d.description);
        }
    }
}
