//! What each object looked like in earlier saved versions, so that two
//! copies of a workspace can be merged without their common ancestor.
//!
//! A person who merges a colleague's copy rarely has the version both
//! started from. So every saved workspace carries, for each event, actor
//! and article, short hashes of the values its fields held in earlier saves
//! (`past`, the last [`KEEP`] per field), and, for objects deleted since,
//! a hash of their last saved state (`removed`). A merge can then tell,
//! field by field, which side changed a value last: if ours still holds a
//! value that theirs once held and left, theirs is newer. That is the
//! common ancestor of that field, found without the ancestor's file.
//!
//! Recording happens at save time against the last loaded or saved state
//! (the [`Baseline`], kept beside the workspace in memory), so every path
//! that edits (window, command line, merge) is covered, and unsaved
//! intermediate values never enter the file.
//!
//! Imports only `text` and the model, and never egui (layer `core`).

use crate::core::model::{Actor, Baseline, HasId, HasPast, Memo, Past, Saved, Workspace};
use crate::text::normalise::text_hash;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// The `past` entry under which an object notes a deletion it outlived
/// (a conflict settled by keeping it): the deleted state's hash.
pub const DELETED: &str = "(deleted)";

/// Earlier values kept per field.
pub const KEEP: usize = 8;

/// Deleted objects remembered (the oldest are forgotten first).
pub const REMOVED_KEEP: usize = 20_000;

/// Fields that say when and by whom, not what: never compared or kept.
pub const BOOKKEEPING: &[&str] = &[
    "id",
    "past",
    "created",
    "created_by",
    "modified",
    "changed",
    "changed_by",
    "imported_at",
];

/// A short hash of one field's value (`null` for a field that is absent).
pub fn field_hash(v: Option<&Value>) -> String {
    let text = serde_json::to_string(v.unwrap_or(&Value::Null)).unwrap_or_default();
    text_hash(&text)[..12].to_string()
}

/// A short hash of a whole object, without its bookkeeping: what a deleted
/// object is remembered by.
pub fn object_hash(v: &Value) -> String {
    let mut v = v.clone();
    if let Value::Object(m) = &mut v {
        for k in BOOKKEEPING {
            if *k != "id" {
                m.remove(*k);
            }
        }
    }
    field_hash(Some(&v))
}

/// The workspace as it is now, as the state later saves compare with.
pub fn baseline(ws: &Workspace) -> Baseline {
    Baseline(Some(Arc::new(Saved {
        events: ws
            .events
            .iter()
            .map(|e| (e.id.clone(), e.clone()))
            .collect(),
        articles: ws
            .articles
            .iter()
            .map(|a| (a.id.clone(), a.clone()))
            .collect(),
        actors: ws
            .actors
            .iter()
            .map(|a| (a.id.clone(), a.clone()))
            .collect(),
        memos: ws.memos.iter().map(|m| (m.id.clone(), m.clone())).collect(),
    })))
}

/// Before a save: note in `past` the earlier value of every field changed
/// since the baseline, remember objects deleted since, and make the
/// workspace as it is now the new baseline. A workspace with no baseline
/// (new, or built in memory) records nothing. Returns how many objects
/// gained a record.
pub fn record(ws: &mut Workspace) -> usize {
    let Some(saved) = ws.saved.0.clone() else {
        ws.saved = baseline(ws);
        return 0;
    };
    let mut touched = 0;
    let mut removed: Vec<(String, String)> = vec![];
    touched += note_changes(&saved.events, &mut ws.events);
    touched += note_changes(&saved.articles, &mut ws.articles);
    touched += note_changes(&saved.actors, &mut ws.actors);
    touched += note_changes(&saved.memos, &mut ws.memos);
    gone(&saved.events, &ws.events, &mut removed);
    gone(&saved.articles, &ws.articles, &mut removed);
    gone(&saved.actors, &ws.actors, &mut removed);
    gone(&saved.memos, &ws.memos, &mut removed);
    touched += removed.len();
    for (id, hash) in removed {
        ws.removed.insert(id, hash);
    }
    forget_returned(ws);
    while ws.removed.len() > REMOVED_KEEP {
        // Ids are time-ordered (ULIDs): the oldest go first.
        let first = ws.removed.keys().next().cloned().expect("not empty");
        ws.removed.remove(&first);
    }
    ws.saved = baseline(ws);
    touched
}

/// A deleted object that came back (undo, a merge, Keep mine) is no
/// longer gone: drop it from `removed`.
pub fn forget_returned(ws: &mut Workspace) {
    if ws.removed.is_empty() {
        return;
    }
    let live: std::collections::HashSet<&str> = (ws.events.iter().map(|e| e.id()))
        .chain(ws.articles.iter().map(|a| a.id()))
        .chain(ws.actors.iter().map(|a| a.id()))
        .chain(ws.memos.iter().map(|m| m.id()))
        .collect();
    ws.removed.retain(|id, _| !live.contains(id.as_str()));
}

/// A list item holding an object: shared (events and articles, written
/// copy-on-write) or owned (actors, memos).
trait Slot<T> {
    fn get(&self) -> &T;
    fn get_mut(&mut self) -> &mut T;
}

impl<T: Clone> Slot<T> for Arc<T> {
    fn get(&self) -> &T {
        self
    }
    fn get_mut(&mut self) -> &mut T {
        Arc::make_mut(self)
    }
}

macro_rules! owned_slot {
    ($($t:ty),*) => { $(impl Slot<$t> for $t {
        fn get(&self) -> &$t { self }
        fn get_mut(&mut self) -> &mut $t { self }
    })* };
}

owned_slot!(Actor, Memo);

/// Note in each object's `past` what changed since its saved state
/// (`saved`, by id); returns how many objects gained a record.
fn note_changes<T: HasPast, S: Slot<T>>(saved: &HashMap<String, S>, now: &mut [S]) -> usize {
    let mut touched = 0;
    for x in now.iter_mut() {
        let Some(old) = saved.get(x.get().id()) else {
            continue;
        };
        let (old, new) = (old.get(), x.get());
        // (Shared objects left untouched compare by pointer first.)
        if std::ptr::eq(old, new) || old == new {
            continue;
        }
        if let Some(p) = earlier(old, old.past(), new, new.past()) {
            *x.get_mut().past_mut() = p;
            touched += 1;
        }
    }
    touched
}

/// Objects in the baseline that are no longer in the workspace, with the
/// hash of their last saved state.
fn gone<S: Serialize, T: HasId>(
    saved: &HashMap<String, S>,
    now: &[T],
    out: &mut Vec<(String, String)>,
) {
    if saved.len() <= now.len() && now.iter().all(|x| saved.contains_key(x.id())) {
        return;
    }
    let live: std::collections::HashSet<&str> = now.iter().map(|x| x.id()).collect();
    for (id, old) in saved {
        if !live.contains(id.as_str()) {
            let v = serde_json::to_value(old).unwrap_or(Value::Null);
            out.push((id.clone(), object_hash(&v)));
        }
    }
}

/// The `past` of an object changed from `old` to `new`: both pasts, plus
/// the old value of each field that changed. None when nothing is new.
fn earlier<T: Serialize>(old: &T, old_past: &Past, new: &T, new_past: &Past) -> Option<Past> {
    let (Ok(Value::Object(o)), Ok(Value::Object(n))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return None;
    };
    let mut past = new_past.clone();
    for (field, hashes) in old_past {
        for h in hashes {
            remember(&mut past, field, h.clone());
        }
    }
    let keys: std::collections::BTreeSet<&String> = o.keys().chain(n.keys()).collect();
    for k in keys {
        if BOOKKEEPING.contains(&k.as_str()) || o.get(k) == n.get(k) {
            continue;
        }
        remember(&mut past, k, field_hash(o.get(k)));
    }
    (past != *new_past).then_some(past)
}

/// Add `hash` to the earlier values of `field`, newest last, at most
/// [`KEEP`].
pub fn remember(past: &mut Past, field: &str, hash: String) {
    let list = past.entry(field.to_string()).or_default();
    list.retain(|h| *h != hash);
    list.push(hash);
    if list.len() > KEEP {
        let extra = list.len() - KEEP;
        list.drain(..extra);
    }
}

/// The earlier values of `field` an object (as JSON) records.
pub fn past_of<'a>(v: &'a Value, field: &str) -> impl Iterator<Item = &'a str> {
    v.get("past")
        .and_then(|p| p.get(field))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

/// Fields an object's `past` may name.
pub const MAX_FIELDS: usize = 64;

/// Whether `h` looks like a hash [`field_hash`] makes.
fn is_hash(h: &str) -> bool {
    h.len() == 12
        && h.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// What is wrong with a `past` read from a file, if anything.
pub fn past_problem(past: &Past) -> Option<String> {
    if past.len() > MAX_FIELDS {
        return Some(format!(
            "names {} fields (at most {MAX_FIELDS})",
            past.len()
        ));
    }
    for (field, hashes) in past {
        if field.is_empty() || field.len() > 64 {
            return Some("a field name is empty or too long".into());
        }
        if hashes.len() > KEEP {
            return Some(format!(
                "{field}: {} earlier values (at most {KEEP})",
                hashes.len()
            ));
        }
        if let Some(h) = hashes.iter().find(|h| !is_hash(h)) {
            return Some(format!(
                "{field}: \"{}\" is not a 12-digit hex hash",
                crate::text::normalise::short(h)
            ));
        }
    }
    None
}

/// What is wrong with a `removed` list read from a file, if anything.
pub fn removed_problem(removed: &std::collections::BTreeMap<String, String>) -> Option<String> {
    if removed.len() > REMOVED_KEEP {
        return Some(format!(
            "{} deleted objects (at most {REMOVED_KEEP})",
            removed.len()
        ));
    }
    let (id, h) = removed
        .iter()
        .find(|(id, h)| id.is_empty() || id.len() > 100 || !is_hash(h))?;
    Some(format!(
        "{}: \"{}\" is not an id and a 12-digit hex hash",
        crate::text::normalise::short(id),
        crate::text::normalise::short(h)
    ))
}
