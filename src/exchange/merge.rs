//! Merging two copies of a workspace, with or without their common
//! ancestor (the base). Objects are matched by id (articles also by text
//! hash, when both copies imported the same article), and each field is
//! merged three ways: a field changed on one side only takes that change;
//! one changed the same way on both is taken once; one changed differently
//! on both, or an object edited on one side and deleted on the other, is a
//! [`Conflict`]: the merged workspace keeps ours and records theirs, so
//! nothing either person did is lost and the file stays valid. Lists of
//! objects with ids (an event's passages) merge by id, lists of words (tags,
//! aliases) as sets. Passages whose article text differs between the copies
//! are re-anchored in the merged text, or become orphans.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::lineage::{self, field_hash, past_of};
use crate::core::model::{Actor, Article, Conflict, Event, Memo, Orphan, Workspace, now};
use crate::core::vocab::EventType;
use crate::exchange::reconcile;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// Merge `theirs` into `ours` (`base`: their common ancestor, if known).
/// The result holds every object of both, ours where they conflict; its
/// `conflicts` lists what a person must decide (those already in either
/// copy are kept).
pub fn merge(base: Option<&Workspace>, ours: &Workspace, theirs: &Workspace) -> Workspace {
    let theirs = &reconcile::same_article_ids(ours, theirs);
    // An actor one copy merged into another is named by its new id in
    // both copies (and their ancestor) before their fields are compared.
    let absorbed = reconcile::absorbed(ours, theirs);
    let base = base.map(|b| reconcile::redirect_absorbed(b, &absorbed));
    let base = base.as_deref();
    let ours = &*reconcile::redirect_absorbed(ours, &absorbed);
    let theirs = &*reconcile::redirect_absorbed(theirs, &absorbed);
    let mut m = Merger {
        found: now(),
        conflicts: vec![],
        who: Default::default(),
    };
    let mut ws = ours.clone();
    let none = Removed::new();
    ws.articles = m.objects(
        "article",
        base.map(|b| &b.articles[..]),
        &ours.articles,
        &theirs.articles,
        [&ours.removed, &theirs.removed],
        |a: &Article| &a.id,
        Arc::new,
    );
    ws.events = m.objects(
        "event",
        base.map(|b| &b.events[..]),
        &ours.events,
        &theirs.events,
        [&ours.removed, &theirs.removed],
        |e: &Event| &e.id,
        Arc::new,
    );
    ws.actors = m.objects(
        "actor",
        base.map(|b| &b.actors[..]),
        &ours.actors,
        &theirs.actors,
        [&ours.removed, &theirs.removed],
        |a: &Actor| &a.id,
        |a| a,
    );
    ws.memos = m.objects(
        "memo",
        base.map(|b| &b.memos[..]),
        &ours.memos,
        &theirs.memos,
        [&ours.removed, &theirs.removed],
        |x: &Memo| &x.id,
        |x| x,
    );
    ws.vocabularies.event_types = m.objects(
        "event type",
        base.map(|b| &b.vocabularies.event_types[..]),
        &ours.vocabularies.event_types,
        &theirs.vocabularies.event_types,
        [&none, &none],
        |t: &EventType| &t.code,
        |t| t,
    );
    ws.orphans = m.objects(
        "orphan",
        base.map(|b| &b.orphans[..]),
        &ours.orphans,
        &theirs.orphans,
        [&none, &none],
        |o: &Orphan| &o.passage.id,
        |o| o,
    );
    let scalar = |m: &mut Merger, field: &str, get: fn(&Workspace) -> &String| {
        let b = base.map(|b| Value::String(get(b).clone()));
        let v = m.value(
            "workspace",
            "",
            field,
            b.as_ref(),
            &Value::String(get(ours).clone()),
            &Value::String(get(theirs).clone()),
        );
        v.as_str().unwrap_or_default().to_string()
    };
    ws.title = scalar(&mut m, "title", |w| &w.title);
    ws.notes = scalar(&mut m, "notes", |w| &w.notes);
    ws.tags = set_merge(
        base.map(|b| b.tags.iter().cloned().map(Value::String).collect()),
        ours.tags.iter().cloned().map(Value::String).collect(),
        theirs.tags.iter().cloned().map(Value::String).collect(),
    )
    .into_iter()
    .filter_map(|v| v.as_str().map(str::to_string))
    .collect();
    for (kind, id, kept) in reconcile::keep_what_is_referenced(&mut ws, ours, theirs) {
        m.conflict(kind, &id, "", None, &Value::Null, &kept);
    }
    reconcile::place_passages(&mut ws, ours, theirs);
    // Deletions either side remembers stay remembered, unless the object
    // is in the merge after all.
    ws.removed = ours.removed.clone();
    ws.removed.extend(theirs.removed.clone());
    lineage::forget_returned(&mut ws);
    // Conflicts already open in either copy stay open.
    let mut seen = BTreeSet::new();
    ws.conflicts = ours
        .conflicts
        .iter()
        .chain(&theirs.conflicts)
        .cloned()
        .chain(m.conflicts)
        .filter(|c| seen.insert(serde_json::to_string(c).unwrap_or_default()))
        .collect();
    ws.modified = now();
    ws.touch();
    ws
}

/// Deleted objects: id and the hash of the state deleted.
type Removed = std::collections::BTreeMap<String, String>;

/// The common ancestor of two versions of one object, as far as their
/// `past` tells (see [`lineage`]): field by field, a value one side holds
/// and the other once held and left is the ancestor's, so the other side's
/// change wins; a field neither side's past explains has no ancestor (a
/// conflict if the two differ). None when neither side has a past.
fn inferred_base(ours: &Value, theirs: &Value) -> Option<Value> {
    let (Value::Object(o), Value::Object(t)) = (ours, theirs) else {
        return None;
    };
    if !o.contains_key("past") && !t.contains_key("past") {
        return None;
    }
    let mut base = Map::new();
    let keys: BTreeSet<&String> = o.keys().chain(t.keys()).collect();
    for k in keys.into_iter().filter(|k| *k != "past") {
        let (ov, tv) = (o.get(k), t.get(k));
        let pick = if ov == tv {
            ov
        } else {
            let theirs_left_ours = past_of(theirs, k).any(|h| h == field_hash(ov));
            let ours_left_theirs = past_of(ours, k).any(|h| h == field_hash(tv));
            match (theirs_left_ours, ours_left_theirs) {
                (true, false) => ov,
                (false, true) => tv,
                _ => None,
            }
        };
        if let Some(v) = pick {
            base.insert(k.clone(), v.clone());
        }
    }
    Some(Value::Object(base))
}

/// Both sides' earlier values of each field.
fn union_past(ours: &Value, theirs: &Value) -> Value {
    let mut past = crate::core::model::Past::new();
    for side in [ours, theirs] {
        for (field, hashes) in side.as_object().into_iter().flatten() {
            for h in hashes
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                lineage::remember(&mut past, field, h.to_string());
            }
        }
    }
    serde_json::to_value(past).unwrap_or(Value::Null)
}

struct Merger {
    found: String,
    conflicts: Vec<Conflict>,
    /// Who last changed the object being merged, on each side.
    who: (String, String),
}

/// Who last changed (or created) an object, from its JSON.
fn changed_by(v: Option<&Value>) -> String {
    v.and_then(|v| v.get("changed_by").or_else(|| v.get("created_by")))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

impl Merger {
    /// Three-way merge of two lists of objects keyed by `key`, in ours'
    /// order then theirs' new ones. An object the same on both sides, or
    /// changed on one side only, is taken as it is (shared, not copied);
    /// only one both sides changed is merged field by field.
    #[allow(clippy::too_many_arguments)]
    fn objects<S, T>(
        &mut self,
        kind: &str,
        base: Option<&[S]>,
        ours: &[S],
        theirs: &[S],
        removed: [&Removed; 2],
        key: impl Fn(&T) -> &str,
        wrap: impl Fn(T) -> S,
    ) -> Vec<S>
    where
        S: std::borrow::Borrow<T> + Clone,
        T: Serialize + DeserializeOwned + PartialEq,
    {
        let index = |list: &'_ [S]| -> HashMap<String, usize> {
            list.iter()
                .enumerate()
                .map(|(i, x)| (key(x.borrow()).to_string(), i))
                .collect()
        };
        let b = base.map(|b| (b, index(b)));
        let t = index(theirs);
        let o = index(ours);
        let json = |x: &S| serde_json::to_value(x.borrow()).unwrap_or(Value::Null);
        let mut out = vec![];
        let new_in_theirs = theirs
            .iter()
            .filter(|x| !o.contains_key(key((*x).borrow())));
        for x in ours.iter().chain(new_in_theirs) {
            let k = key(x.borrow()).to_string();
            let os = o.get(&k).map(|&i| &ours[i]);
            let ts = t.get(&k).map(|&i| &theirs[i]);
            let bs = b.as_ref().map(|(list, idx)| idx.get(&k).map(|&i| &list[i]));
            let same = |a: &S, c: &S| a.borrow() == c.borrow();
            // Without a base, an object on one side only may be one the
            // other side deleted: its `removed` says so, with a hash of
            // the state it deleted.
            if base.is_none() {
                let one_side = match (os, ts) {
                    (Some(o), None) => Some((o, removed[1], true)),
                    (None, Some(t)) => Some((t, removed[0], false)),
                    _ => None,
                };
                if let Some((kept, gone, ours_side)) = one_side
                    && let Some(hash) = gone.get(&k)
                {
                    let v = json(kept);
                    if lineage::object_hash(&v) == *hash {
                        continue;
                    }
                    // Kept once already, by someone who settled this very
                    // deletion: kept again, silently.
                    if past_of(&v, lineage::DELETED).any(|h| h == hash) {
                        out.push(kept.clone());
                        continue;
                    }
                    let who = changed_by(Some(&v));
                    self.who = if ours_side {
                        (who, String::new())
                    } else {
                        (String::new(), who)
                    };
                    let (o, t) = if ours_side {
                        (&v, &Value::Null)
                    } else {
                        (&Value::Null, &v)
                    };
                    self.conflict(kind, &k, "", None, o, t);
                    if let Some(c) = self.conflicts.last_mut() {
                        c.deleted = hash.clone();
                    }
                    self.who = Default::default();
                    out.push(kept.clone());
                    continue;
                }
            }
            // The cheap cases, by typed equality.
            match (bs, os, ts) {
                (_, Some(o), Some(t)) if same(o, t) => {
                    out.push(o.clone());
                    continue;
                }
                (Some(Some(b)), Some(o), Some(t)) if same(o, b) => {
                    out.push(t.clone());
                    continue;
                }
                (Some(Some(b)), Some(o), Some(t)) if same(t, b) => {
                    out.push(o.clone());
                    continue;
                }
                (None | Some(None), Some(one), None) | (None | Some(None), None, Some(one)) => {
                    out.push(one.clone());
                    continue;
                }
                (Some(Some(b)), Some(kept), None) | (Some(Some(b)), None, Some(kept))
                    if same(kept, b) =>
                {
                    continue;
                }
                _ => {}
            }
            let (oj, tj) = (os.map(json), ts.map(json));
            let bv = match (bs, &oj, &tj) {
                (Some(b), _, _) => Some(b.map(json)),
                // No base: what each side's `past` tells of the ancestor.
                (None, Some(o), Some(t)) => inferred_base(o, t).map(Some),
                (None, _, _) => None,
            };
            let merged = self.object(
                kind,
                &k,
                bv.as_ref().map(Option::as_ref),
                oj.as_ref(),
                tj.as_ref(),
            );
            if let Some(v) = merged {
                // A merged value that no longer fits the type keeps ours.
                match serde_json::from_value::<T>(v) {
                    Ok(t) => out.push(wrap(t)),
                    Err(_) => out.push(os.or(ts).expect("present on a side").clone()),
                }
            }
        }
        out
    }

    /// One object present on at least one side; None when it is deleted.
    /// `base`: None without a base; Some(None) when the base lacks it.
    fn object(
        &mut self,
        kind: &str,
        id: &str,
        base: Option<Option<&Value>>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        let outer = std::mem::replace(&mut self.who, (changed_by(ours), changed_by(theirs)));
        let merged = self.object_here(kind, id, base, ours, theirs);
        self.who = outer;
        merged
    }

    fn object_here(
        &mut self,
        kind: &str,
        id: &str,
        base: Option<Option<&Value>>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        match (base, ours, theirs) {
            (_, Some(o), Some(t)) => Some(self.value(kind, id, "", base.flatten(), o, t)),
            // Without a base, or new since it: kept.
            (None | Some(None), o, t) => o.or(t).cloned(),
            // Deleted on one side: gone if the other left it as it was,
            // else kept, as a conflict.
            (Some(Some(b)), Some(kept), None) | (Some(Some(b)), None, Some(kept)) => {
                if kept == b {
                    return None;
                }
                let ours_side = ours.is_some();
                self.conflict(
                    kind,
                    id,
                    "",
                    Some(b),
                    if ours_side { kept } else { &Value::Null },
                    if ours_side { &Value::Null } else { kept },
                );
                Some(kept.clone())
            }
            (Some(Some(_)), None, None) => None,
        }
    }

    /// Three-way merge of one value (an object field by field).
    fn value(
        &mut self,
        kind: &str,
        id: &str,
        field: &str,
        base: Option<&Value>,
        ours: &Value,
        theirs: &Value,
    ) -> Value {
        if ours == theirs {
            return ours.clone();
        }
        if let Some(b) = base {
            if ours == b {
                return theirs.clone();
            }
            if theirs == b {
                return ours.clone();
            }
        }
        // Bookkeeping is no conflict: the later time, and ours for who.
        match field {
            "modified" | "changed" => {
                return if theirs.as_str() > ours.as_str() {
                    theirs.clone()
                } else {
                    ours.clone()
                };
            }
            "changed_by" => return ours.clone(),
            "past" => return union_past(ours, theirs),
            _ => {}
        }
        match (ours, theirs) {
            // An object is merged field by field; a value inside it (an
            // anchor, a date) is one value, never half of each side's.
            (Value::Object(o), Value::Object(t)) if field.is_empty() => {
                let b = base.and_then(Value::as_object);
                let keys: BTreeSet<&String> = o.keys().chain(t.keys()).collect();
                let mut out = Map::new();
                for k in keys {
                    let name = if field.is_empty() {
                        k.clone()
                    } else {
                        format!("{field}.{k}")
                    };
                    let (bv, ov, tv) = (b.and_then(|b| b.get(k)), o.get(k), t.get(k));
                    let v = match (ov, tv) {
                        (Some(ov), Some(tv)) => self.value(kind, id, &name, bv, ov, tv),
                        // Absent on one side: cleared there if the base
                        // held what the other side still holds.
                        (Some(x), None) | (None, Some(x)) if bv == Some(x) => continue,
                        (Some(x), None) | (None, Some(x)) => x.clone(),
                        (None, None) => continue,
                    };
                    out.insert(k.clone(), v);
                }
                Value::Object(out)
            }
            (Value::Array(o), Value::Array(t)) if keyed(o) && keyed(t) => {
                let b = base.and_then(Value::as_array);
                let list = |l: &Vec<Value>| -> Vec<(String, Value)> {
                    l.iter().map(|v| (item_key(v), v.clone())).collect()
                };
                let (ol, tl) = (list(o), list(t));
                let bl: Option<HashMap<String, Value>> =
                    b.map(|b| b.iter().map(|v| (item_key(v), v.clone())).collect());
                let tm: HashMap<&String, &Value> = tl.iter().map(|(k, v)| (k, v)).collect();
                let om: HashMap<&String, &Value> = ol.iter().map(|(k, v)| (k, v)).collect();
                let mut out = vec![];
                let mut order: Vec<&String> = ol.iter().map(|(k, _)| k).collect();
                order.extend(tl.iter().map(|(k, _)| k).filter(|k| !om.contains_key(k)));
                for k in order {
                    let kid = format!("{id}/{k}");
                    let bv = bl.as_ref().map(|b| b.get(k));
                    if let Some(v) =
                        self.object(kind, &kid, bv, om.get(k).copied(), tm.get(k).copied())
                    {
                        out.push(v);
                    }
                }
                Value::Array(out)
            }
            (Value::Array(o), Value::Array(t)) if words(o) && words(t) => Value::Array(set_merge(
                base.and_then(Value::as_array).cloned(),
                o.clone(),
                t.clone(),
            )),
            _ => {
                self.conflict(kind, id, field, base, ours, theirs);
                ours.clone()
            }
        }
    }

    fn conflict(
        &mut self,
        kind: &str,
        id: &str,
        field: &str,
        base: Option<&Value>,
        ours: &Value,
        theirs: &Value,
    ) {
        self.conflicts.push(Conflict {
            deleted: String::new(),
            kind: kind.into(),
            id: id.into(),
            field: field.into(),
            ours: ours.clone(),
            theirs: theirs.clone(),
            base: base.cloned(),
            found: self.found.clone(),
            ours_by: self.who.0.clone(),
            theirs_by: self.who.1.clone(),
        });
    }
}

/// A list of objects that have ids (passages) or are actor references
/// (an empty list is either kind).
fn keyed(l: &[Value]) -> bool {
    l.iter().all(|v| {
        v.get("id").is_some_and(Value::is_string) || v.get("actor").is_some_and(Value::is_string)
    })
}

fn item_key(v: &Value) -> String {
    v.get("id")
        .or_else(|| v.get("actor"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// A list of words (tags, aliases).
fn words(l: &[Value]) -> bool {
    l.iter().all(Value::is_string)
}

/// Words in either side, less those one side removed from the base; in
/// ours' order, then theirs' new ones.
fn set_merge(base: Option<Vec<Value>>, ours: Vec<Value>, theirs: Vec<Value>) -> Vec<Value> {
    let removed = |side: &[Value]| -> Vec<Value> {
        base.iter()
            .flatten()
            .filter(|b| !side.contains(b))
            .cloned()
            .collect()
    };
    let gone: Vec<Value> = removed(&ours).into_iter().chain(removed(&theirs)).collect();
    let mut out: Vec<Value> = vec![];
    for v in ours.into_iter().chain(theirs) {
        if !gone.contains(&v) && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}
