//! An orphaned passage (its words gone from a new version of its article)
//! placed at the Reader's selection or dropped, from the Inspector: one
//! undoable step either way.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::history::Edit;
use crate::core::model::{author, now};
use crate::ui::app::DetenteApp;

/// Place an orphaned passage at the reader's selection, or drop it; one
/// undoable step either way.
pub(super) fn resolve_orphan(app: &mut DetenteApp, passage: &str, place: bool) {
    let Some(orphan) = app
        .ws
        .orphans
        .iter()
        .find(|o| o.passage.id == passage)
        .cloned()
    else {
        return;
    };
    let remaining: Vec<_> = app
        .ws
        .orphans
        .iter()
        .filter(|o| o.passage.id != passage)
        .cloned()
        .collect();
    let mut edits = vec![Edit::Orphans {
        before: app.ws.orphans.clone(),
        after: remaining,
    }];
    if place {
        let (Some(article), Some((s, e))) = (app.selected_article.clone(), app.reader.selection)
        else {
            return;
        };
        let Some(a) = app.ws.article(&article) else {
            return;
        };
        let Some(anchor) = crate::core::model::Anchor::from_range(&a.text, s, e) else {
            return;
        };
        let Some(before) = app.ws.event(&orphan.event).cloned() else {
            return;
        };
        let mut after = before.clone();
        after.evidence.push(crate::core::model::Passage {
            anchor,
            article,
            ..orphan.passage.clone()
        });
        after.modified = now();
        after.changed_by = author();
        edits.push(Edit::change_event(before, after));
        app.reader.clear_selection();
    }
    app.apply(Edit::Batch(edits));
}
