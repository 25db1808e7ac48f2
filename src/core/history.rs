//! Undo and redo with reversible edits. Every change to a workspace made
//! from the window is an [`Edit`]; applying it returns its inverse, so
//! history stores small diffs, never snapshots of the whole workspace.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::model::{Actor, Article, Event, HasId, Memo, Workspace};
use std::sync::Arc;

/// One reversible change: an object is created (`before: None`), replaced,
/// or deleted (`after: None`), or several changes made as one step.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Article {
        before: Option<Box<Article>>,
        after: Option<Box<Article>>,
    },
    Event {
        before: Option<Box<Event>>,
        after: Option<Box<Event>>,
    },
    Actor {
        before: Option<Box<Actor>>,
        after: Option<Box<Actor>>,
    },
    /// A memo written, rewritten or deleted.
    Memo {
        before: Option<Box<Memo>>,
        after: Option<Box<Memo>>,
    },
    /// The whole list of orphaned passages, before and after.
    Orphans {
        before: Vec<crate::core::model::Orphan>,
        after: Vec<crate::core::model::Orphan>,
    },
    /// The whole list of open merge conflicts, before and after.
    Conflicts {
        before: Vec<crate::core::model::Conflict>,
        after: Vec<crate::core::model::Conflict>,
    },
    /// The workspace's title and notes, before and after.
    Titles {
        before: (String, String),
        after: (String, String),
    },
    /// The tags in use and the event types, before and after.
    Vocabulary {
        before: (Vec<String>, Vec<crate::core::vocab::EventType>),
        after: (Vec<String>, Vec<crate::core::vocab::EventType>),
    },
    /// Another copy merged in: its changes as one step.
    Merge(Vec<Edit>),
    Batch(Vec<Edit>),
    /// Several changes as one step the Undo menu names ("merge actors").
    Named(&'static str, Vec<Edit>),
}

fn put<T: HasId + Clone, E: HasId>(
    list: &mut Vec<E>,
    before: Option<&T>,
    after: Option<&T>,
    wrap: impl Fn(T) -> E,
) {
    let id = after
        .or(before)
        .map(|x| x.id().to_string())
        .unwrap_or_default();
    let pos = list.iter().position(|x| x.id() == id);
    match (pos, after) {
        (Some(i), Some(new)) => list[i] = wrap(new.clone()),
        (Some(i), None) => {
            list.remove(i);
        }
        (None, Some(new)) => {
            // Keep lists in id order, as they are saved.
            let at = list.partition_point(|x| x.id() < new.id());
            list.insert(at, wrap(new.clone()));
        }
        (None, None) => {}
    }
}

impl Edit {
    pub fn new_event(e: Event) -> Edit {
        Edit::Event {
            before: None,
            after: Some(Box::new(e)),
        }
    }
    pub fn change_event(before: Event, after: Event) -> Edit {
        Edit::Event {
            before: Some(Box::new(before)),
            after: Some(Box::new(after)),
        }
    }
    pub fn delete_event(e: Event) -> Edit {
        Edit::Event {
            before: Some(Box::new(e)),
            after: None,
        }
    }
    pub fn new_article(a: Article) -> Edit {
        Edit::Article {
            before: None,
            after: Some(Box::new(a)),
        }
    }
    pub fn change_article(before: Article, after: Article) -> Edit {
        Edit::Article {
            before: Some(Box::new(before)),
            after: Some(Box::new(after)),
        }
    }
    pub fn new_actor(a: Actor) -> Edit {
        Edit::Actor {
            before: None,
            after: Some(Box::new(a)),
        }
    }

    /// A memo's change: `before` None for a new memo, `after` None to delete it.
    pub fn memo(before: Option<Memo>, after: Option<Memo>) -> Edit {
        Edit::Memo {
            before: before.map(Box::new),
            after: after.map(Box::new),
        }
    }

    /// Apply to the workspace; returns the edit that undoes it.
    pub fn apply(self, ws: &mut Workspace) -> Edit {
        let inverse = match self {
            Edit::Article { before, after } => {
                put(
                    &mut ws.articles,
                    before.as_deref(),
                    after.as_deref(),
                    Arc::new,
                );
                Edit::Article {
                    before: after,
                    after: before,
                }
            }
            Edit::Event { before, after } => {
                if let Some(e) = &after {
                    ws.register_tags(&e.tags);
                }
                put(
                    &mut ws.events,
                    before.as_deref(),
                    after.as_deref(),
                    Arc::new,
                );
                Edit::Event {
                    before: after,
                    after: before,
                }
            }
            Edit::Actor { before, after } => {
                put(&mut ws.actors, before.as_deref(), after.as_deref(), |a| a);
                Edit::Actor {
                    before: after,
                    after: before,
                }
            }
            Edit::Memo { before, after } => {
                if let Some(m) = &after {
                    ws.register_tags(&m.tags);
                }
                put(&mut ws.memos, before.as_deref(), after.as_deref(), |m| m);
                Edit::Memo {
                    before: after,
                    after: before,
                }
            }
            Edit::Orphans { before, after } => {
                ws.orphans = after.clone();
                Edit::Orphans {
                    before: after,
                    after: before,
                }
            }
            Edit::Conflicts { before, after } => {
                ws.conflicts = after.clone();
                Edit::Conflicts {
                    before: after,
                    after: before,
                }
            }
            Edit::Titles { before, after } => {
                (ws.title, ws.notes) = after.clone();
                Edit::Titles {
                    before: after,
                    after: before,
                }
            }
            Edit::Vocabulary { before, after } => {
                (ws.tags, ws.vocabularies.event_types) = after.clone();
                Edit::Vocabulary {
                    before: after,
                    after: before,
                }
            }
            Edit::Batch(edits) => {
                let mut inv: Vec<Edit> = edits.into_iter().map(|e| e.apply(ws)).collect();
                inv.reverse();
                Edit::Batch(inv)
            }
            Edit::Merge(edits) => {
                let mut inv: Vec<Edit> = edits.into_iter().map(|e| e.apply(ws)).collect();
                inv.reverse();
                Edit::Merge(inv)
            }
            Edit::Named(label, edits) => {
                let mut inv: Vec<Edit> = edits.into_iter().map(|e| e.apply(ws)).collect();
                inv.reverse();
                Edit::Named(label, inv)
            }
        };
        ws.touch();
        inverse
    }

    /// A few words for the Undo menu ("Undo: edit event").
    pub fn describe(&self) -> &'static str {
        match self {
            Edit::Article { before: None, .. } => "import article",
            Edit::Article { after: None, .. } => "remove article",
            Edit::Article { .. } => "edit article",
            Edit::Event { before: None, .. } => "new event",
            Edit::Event { after: None, .. } => "delete event",
            Edit::Event { .. } => "edit event",
            Edit::Actor { before: None, .. } => "new actor",
            Edit::Actor { after: None, .. } => "delete actor",
            Edit::Actor { .. } => "edit actor",
            Edit::Memo { before: None, .. } => "new memo",
            Edit::Memo { after: None, .. } => "delete memo",
            Edit::Memo { .. } => "edit memo",
            Edit::Orphans { .. } => "orphaned passages",
            Edit::Conflicts { .. } => "resolve conflict",
            Edit::Titles { .. } => "edit workspace properties",
            Edit::Vocabulary { .. } => "edit codebook",
            Edit::Merge(_) => "merge",
            Edit::Named(label, _) => label,
            Edit::Batch(v) if v.iter().any(|e| matches!(e, Edit::Conflicts { .. })) => {
                "resolve conflict"
            }
            Edit::Batch(v) => v
                .iter()
                .rev()
                .find(|e| !matches!(e, Edit::Actor { .. }))
                .map_or("edit", |e| e.describe()),
        }
    }
}

/// The edit that turns `before` into `after` (a merged copy), as one
/// step: objects added, changed or removed by id (shared ones skipped at
/// the cost of a pointer comparison), and the lists and titles that differ.
pub fn diff(before: &Workspace, after: &Workspace) -> Edit {
    fn objects<S: HasId + PartialEq, T: Clone>(
        old: &[S],
        new: &[S],
        get: impl Fn(&S) -> &T,
        make: impl Fn(Option<Box<T>>, Option<Box<T>>) -> Edit,
        out: &mut Vec<Edit>,
    ) {
        let index = |l: &[S]| -> std::collections::HashMap<String, usize> {
            l.iter()
                .enumerate()
                .map(|(i, x)| (x.id().to_string(), i))
                .collect()
        };
        let (oi, ni) = (index(old), index(new));
        for x in new {
            match oi.get(x.id()) {
                Some(&i) if old[i] == *x => {}
                Some(&i) => out.push(make(
                    Some(Box::new(get(&old[i]).clone())),
                    Some(Box::new(get(x).clone())),
                )),
                None => out.push(make(None, Some(Box::new(get(x).clone())))),
            }
        }
        for x in old.iter().filter(|x| !ni.contains_key(x.id())) {
            out.push(make(Some(Box::new(get(x).clone())), None));
        }
    }
    let mut out = vec![];
    objects(
        &before.actors,
        &after.actors,
        |a| a,
        |b, a| Edit::Actor {
            before: b,
            after: a,
        },
        &mut out,
    );
    objects(
        &before.articles,
        &after.articles,
        |a| &**a,
        |b, a| Edit::Article {
            before: b,
            after: a,
        },
        &mut out,
    );
    objects(
        &before.events,
        &after.events,
        |e| &**e,
        |b, a| Edit::Event {
            before: b,
            after: a,
        },
        &mut out,
    );
    objects(
        &before.memos,
        &after.memos,
        |m| m,
        |b, a| Edit::Memo {
            before: b,
            after: a,
        },
        &mut out,
    );
    if before.orphans != after.orphans {
        out.push(Edit::Orphans {
            before: before.orphans.clone(),
            after: after.orphans.clone(),
        });
    }
    if before.conflicts != after.conflicts {
        out.push(Edit::Conflicts {
            before: before.conflicts.clone(),
            after: after.conflicts.clone(),
        });
    }
    let titles = |w: &Workspace| (w.title.clone(), w.notes.clone());
    if titles(before) != titles(after) {
        out.push(Edit::Titles {
            before: titles(before),
            after: titles(after),
        });
    }
    let vocab = |w: &Workspace| (w.tags.clone(), w.vocabularies.event_types.clone());
    if vocab(before) != vocab(after) {
        out.push(Edit::Vocabulary {
            before: vocab(before),
            after: vocab(after),
        });
    }
    Edit::Merge(out)
}

/// The undo and redo stacks.
#[derive(Debug)]
pub struct History {
    /// Inverse edits, each with the name of the step it undoes.
    undo: Vec<(Edit, &'static str)>,
    redo: Vec<(Edit, &'static str)>,
    /// Number of undo entries at the last save; None when unreachable.
    saved_at: Option<usize>,
}

/// Undo steps kept; older ones are dropped.
pub use crate::core::limits::MAX_UNDO;

impl Default for History {
    /// A fresh history is at its saved state: a workspace just opened is
    /// not "unsaved" (a derived default once made every opened file so).
    fn default() -> Self {
        History::new()
    }
}

impl History {
    pub fn new() -> Self {
        History {
            undo: vec![],
            redo: vec![],
            saved_at: Some(0),
        }
    }

    /// Apply an edit as a new undoable step; clears the redo stack.
    pub fn apply(&mut self, ws: &mut Workspace, edit: Edit) {
        let what = edit.describe();
        let inv = edit.apply(ws);
        self.undo.push((inv, what));
        if self.saved_at.is_some_and(|s| s >= self.undo.len()) {
            self.saved_at = None;
        }
        self.redo.clear();
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
            self.saved_at = self.saved_at.and_then(|s| s.checked_sub(1));
        }
    }

    pub fn undo(&mut self, ws: &mut Workspace) -> Option<&'static str> {
        let (e, what) = self.undo.pop()?;
        self.redo.push((e.apply(ws), what));
        Some(what)
    }

    pub fn redo(&mut self, ws: &mut Workspace) -> Option<&'static str> {
        let (e, what) = self.redo.pop()?;
        self.undo.push((e.apply(ws), what));
        Some(what)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    pub fn undo_label(&self) -> Option<&'static str> {
        self.undo.last().map(|u| u.1)
    }
    pub fn redo_label(&self) -> Option<&'static str> {
        self.redo.last().map(|r| r.1)
    }

    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.undo.len());
    }
    /// Whether the workspace differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.undo.len())
    }
    /// Forget the saved state (for a workspace that has no file yet).
    pub fn mark_unsaved(&mut self) {
        self.saved_at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Anchor;
    use crate::core::ops::{self, NewEvent};

    fn ws() -> (Workspace, String) {
        let mut ws = Workspace::new("t");
        let a = Article::new("a", "Blinken met 王毅 in Beijing.");
        let id = a.id.clone();
        ws.articles.push(a.into());
        (ws, id)
    }

    #[test]
    fn undo_and_redo_restore_exact_states() {
        let (mut w, art) = ws();
        let start = w.clone();
        let mut h = History::new();
        assert!(!h.is_dirty());
        // Make an event on a scratch copy, then record its creation as an edit.
        let mut scratch = w.clone();
        let anchor = Anchor::from_range(&w.articles[0].text, 12, 14).unwrap();
        let id = ops::tag_new_event(
            &mut scratch,
            &art,
            anchor,
            NewEvent {
                headline: "Meeting".into(),
                kind: "042".into(),
                tags: vec!["visit".into()],
                ..Default::default()
            },
        )
        .unwrap();
        let ev = scratch.event(&id).unwrap().clone();
        h.apply(&mut w, Edit::new_event(ev.clone()));
        let after_create = w.clone();
        assert!(h.is_dirty());
        assert_eq!(h.undo_label(), Some("new event"));
        let mut changed = ev.clone();
        changed.headline = "Talks".into();
        h.apply(&mut w, Edit::change_event(ev, changed));
        assert_eq!(w.event(&id).unwrap().headline, "Talks");
        let after_change = w.clone();

        assert_eq!(h.undo(&mut w), Some("edit event"));
        assert_eq!(w.events, after_create.events);
        assert_eq!(h.undo(&mut w), Some("new event"));
        assert_eq!(w.events, start.events);
        assert!(!h.is_dirty(), "back at the saved state");
        assert_eq!(h.undo(&mut w), None);
        h.redo(&mut w);
        h.redo(&mut w);
        assert_eq!(w.events, after_change.events);
        assert!(!h.can_redo());
    }

    #[test]
    fn a_new_edit_clears_redo_and_batches_undo_as_one() {
        let (mut w, _) = ws();
        let mut h = History::new();
        let actor = Actor {
            past: Default::default(),
            id: crate::core::model::new_id("act"),
            name: "Wang Yi".into(),
            aliases: vec![],
            country: "CHN".into(),
            sector: "GOV".into(),
            office: String::new(),
            created_by: String::new(),
            changed_by: String::new(),
            changed: String::new(),
            absorbed: vec![],
        };
        let mut art = (*w.articles[0]).clone();
        art.outlet = "Reuters".into();
        let before = (*w.articles[0]).clone();
        h.apply(
            &mut w,
            Edit::Batch(vec![
                Edit::new_actor(actor),
                Edit::change_article(before.clone(), art),
            ]),
        );
        assert_eq!(w.actors.len(), 1);
        assert_eq!(w.articles[0].outlet, "Reuters");
        h.undo(&mut w);
        assert!(w.actors.is_empty());
        assert_eq!(*w.articles[0], before);
        assert!(h.can_redo());
        let mut a2 = (*w.articles[0]).clone();
        a2.url = "https://example.org".into();
        h.apply(&mut w, Edit::change_article(before, a2));
        assert!(!h.can_redo());
    }
}
