//! Settling a merge conflict: keep ours (the value the workspace holds) or
//! theirs (the other copy's, kept in the conflict), as one reversible edit
//! that also closes the conflict. A conflict is about a field of an
//! article, event, actor or passage (`EVENT/PASSAGE`), the workspace's
//! title or notes, or a whole object one side deleted and the other edited.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::history::Edit;
use crate::core::lineage;
use crate::core::model::{Conflict, Workspace};
use crate::dates::edtf::DateValue;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Which side's value to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Ours,
    Theirs,
    /// For an event: ours stays, and a second event holds theirs (with
    /// its own ids), for when both readings deserve to be kept.
    Both,
    /// For an event's date: one event, its date ours, and theirs written
    /// into its notes as the other reading, for whoever checks the sources
    /// (each passage keeps its own date, which may disagree already).
    Readings,
}

/// What keeping both of conflict `i` would do, in words, before it is
/// done: the copy of the event, how many passages are copied with it and
/// what its headline says; or None when keeping both is not possible.
pub fn both_explained(ws: &Workspace, i: usize) -> Option<String> {
    let c = ws.conflicts.get(i)?;
    both(ws, c)?;
    let e = ws.event(&c.id)?;
    let n = e.evidence.len();
    Some(format!(
        "Keep both makes a second event, a copy of “{}” with their {}: its {n} passage{} \
         copied too, so the timeline, the tables and the report count the event twice. \
         The copy's headline says whose reading it is; delete either event later if one \
         reading is dropped.",
        crate::text::normalise::short(&e.headline),
        c.field,
        if n == 1 { " is" } else { "s are" },
    ))
}

/// Whether conflict `i` is on an event's own date, where both readings can
/// be kept on the one event ([`Keep::Readings`]).
pub fn is_event_date(ws: &Workspace, i: usize) -> bool {
    ws.conflicts.get(i).is_some_and(|c| {
        c.kind == "event" && c.field == "date" && !c.id.contains('/') && ws.event(&c.id).is_some()
    })
}

/// The edit that settles conflict `i` of `ws` by keeping `side`; None when
/// there is no such conflict, its object is gone, or keeping that side
/// would break the workspace (deleting an article passages still quote).
pub fn settle(ws: &Workspace, i: usize, side: Keep) -> Option<Edit> {
    let c = ws.conflicts.get(i)?;
    let mut after = ws.conflicts.clone();
    after.remove(i);
    let close = Edit::Conflicts {
        before: ws.conflicts.clone(),
        after,
    };
    if side == Keep::Readings {
        if !is_event_date(ws, i) {
            return None;
        }
        let e = ws.event(&c.id)?;
        let mut after = e.clone();
        let read = |v: &Value| match serde_json::from_value::<DateValue>(v.clone()) {
            Ok(d) => format!("{} ({})", d.human(), d.edtf()),
            Err(_) if v.is_null() => "undated".to_string(),
            Err(_) => v.to_string(),
        };
        let whose = if c.theirs_by.is_empty() {
            "the other copy".to_string()
        } else {
            c.theirs_by.clone()
        };
        let line = format!(
            "Other reading of the date ({whose}): {}; kept here: {}.",
            read(&c.theirs),
            read(&c.ours)
        );
        after.notes = if after.notes.trim().is_empty() {
            line
        } else {
            format!("{}\n{line}", after.notes.trim_end())
        };
        let change = rejected(Edit::change_event(e.clone(), after), c, &c.theirs);
        return Some(Edit::Batch(vec![change, close]));
    }
    if side == Keep::Both {
        let copy = both(ws, c)?;
        return Some(Edit::Batch(
            [
                unchanged(ws, c).map(|e| rejected(e, c, &c.theirs)),
                Some(copy),
                Some(close),
            ]
            .into_iter()
            .flatten()
            .collect(),
        ));
    }
    // The workspace holds ours already, unless ours is a deletion the
    // merge did not carry out (it kept the other side's object).
    let (want, other) = match side {
        Keep::Theirs => (&c.theirs, &c.ours),
        _ => (&c.ours, &c.theirs),
    };
    if side == Keep::Ours && !c.ours.is_null() {
        return Some(match unchanged(ws, c) {
            Some(e) => Edit::Batch(vec![rejected(e, c, other), close]),
            None => close,
        });
    }
    let change = rejected(change(ws, c, want)?, c, other);
    Some(Edit::Batch(vec![change, close]))
}

/// `edit` (which writes the conflict's object) also noting the value not
/// kept among the field's earlier values (`past`, see `core::lineage`): the
/// next merge of the same copy then sees this side as the newer, and does
/// not raise the settled conflict again.
fn rejected(mut edit: Edit, c: &Conflict, value: &Value) -> Edit {
    // An object kept against the other copy's deletion notes the deletion.
    let (field, hash) = if c.field.is_empty() && !c.deleted.is_empty() {
        (lineage::DELETED, c.deleted.clone())
    } else if c.field.is_empty() || c.id.contains('/') || value.is_null() {
        return edit;
    } else {
        (c.field.as_str(), lineage::field_hash(Some(value)))
    };
    match &mut edit {
        Edit::Event { after: Some(e), .. } => lineage::remember(&mut e.past, field, hash),
        Edit::Actor { after: Some(a), .. } => lineage::remember(&mut a.past, field, hash),
        Edit::Article { after: Some(a), .. } => lineage::remember(&mut a.past, field, hash),
        Edit::Memo { after: Some(m), .. } => lineage::remember(&mut m.past, field, hash),
        _ => {}
    }
    edit
}

/// An edit that rewrites the conflict's event, actor or article as it is
/// (for [`rejected`] to add to).
fn unchanged(ws: &Workspace, c: &Conflict) -> Option<Edit> {
    match c.kind.as_str() {
        "event" => ws
            .event(&c.id)
            .map(|e| Edit::change_event(e.clone(), e.clone())),
        "actor" => ws.actor(&c.id).map(|a| Edit::Actor {
            before: Some(Box::new(a.clone())),
            after: Some(Box::new(a.clone())),
        }),
        "article" => ws
            .article(&c.id)
            .map(|a| Edit::change_article(a.clone(), a.clone())),
        "memo" => ws
            .memo(&c.id)
            .map(|m| Edit::memo(Some(m.clone()), Some(m.clone()))),
        _ => None,
    }
}

/// For a conflict on a field of an event (not of one of its passages): a
/// new event, a copy of it with theirs in that field and fresh ids.
fn both(ws: &Workspace, c: &Conflict) -> Option<Edit> {
    if c.kind != "event" || c.id.contains('/') || c.field.is_empty() || c.theirs.is_null() {
        return None;
    }
    let e = ws.event(&c.id)?;
    let mut copy = with(e, &c.field, &c.theirs)??;
    copy.id = crate::core::model::new_id("evt");
    for p in &mut copy.evidence {
        p.id = crate::core::model::new_id("psg");
    }
    // Told apart from ours at a glance, and by whose reading it is.
    let whose = if c.theirs_by.is_empty() {
        "the other copy".to_string()
    } else {
        c.theirs_by.clone()
    };
    copy.headline = format!("{} ({whose}'s {})", copy.headline, c.field);
    if !c.theirs_by.is_empty() {
        copy.changed_by = c.theirs_by.clone();
    }
    copy.past.clear();
    Some(Edit::new_event(copy))
}

/// The edit that gives the conflict's object (or field) the value `want`
/// (null: delete the object).
fn change(ws: &Workspace, c: &Conflict, want: &Value) -> Option<Edit> {
    match c.kind.as_str() {
        "workspace" => {
            let text = want.as_str().unwrap_or_default().to_string();
            let before = (ws.title.clone(), ws.notes.clone());
            let mut after = before.clone();
            match c.field.as_str() {
                "title" => after.0 = text,
                "notes" => after.1 = text,
                _ => return None,
            }
            Some(Edit::Titles { before, after })
        }
        "article" => {
            let a = ws.article(&c.id)?;
            // An article passages still quote cannot go.
            let used = ws
                .events
                .iter()
                .any(|e| e.evidence.iter().any(|p| p.article == a.id));
            if want.is_null() && used {
                return None;
            }
            let after = with(a, &c.field, want)?;
            Some(Edit::Article {
                before: Some(Box::new(a.clone())),
                after: after.map(Box::new),
            })
        }
        "actor" => {
            let a = ws.actor(&c.id)?;
            // Nor an actor events still name.
            let used = ws
                .events
                .iter()
                .any(|e| e.actors.iter().any(|r| r.actor == a.id));
            if want.is_null() && used {
                return None;
            }
            let after = with(a, &c.field, want)?;
            Some(Edit::Actor {
                before: Some(Box::new(a.clone())),
                after: after.map(Box::new),
            })
        }
        "memo" => {
            let m = ws.memo(&c.id)?;
            let after = with(m, &c.field, want)?;
            Some(Edit::memo(Some(m.clone()), after))
        }
        "event" => {
            // "EVENT/PASSAGE" for a passage of the event.
            let (eid, passage) = match c.id.split_once('/') {
                Some((e, p)) => (e, Some(p)),
                None => (c.id.as_str(), None),
            };
            let e = ws.event(eid)?;
            let after = match passage {
                None => with(e, &c.field, want)?,
                Some(pid) => {
                    let mut e2 = e.clone();
                    let at = e2.evidence.iter().position(|p| p.id == pid)?;
                    match with(&e2.evidence[at], &c.field, want)? {
                        Some(p) => e2.evidence[at] = p,
                        None => {
                            e2.evidence.remove(at);
                        }
                    }
                    Some(e2)
                }
            };
            Some(Edit::Event {
                before: Some(Box::new(e.clone())),
                after: after.map(Box::new),
            })
        }
        _ => None,
    }
}

/// `x` with `field` set to `want` (the whole object when `field` is
/// empty; None inside: delete it); None when the result is not a valid `T`.
fn with<T: Serialize + DeserializeOwned + Clone>(
    x: &T,
    field: &str,
    want: &Value,
) -> Option<Option<T>> {
    if field.is_empty() {
        if want.is_null() {
            return Some(None);
        }
        return serde_json::from_value(want.clone()).ok().map(Some);
    }
    let mut v = serde_json::to_value(x).ok()?;
    let obj = v.as_object_mut()?;
    if want.is_null() {
        obj.remove(field);
    } else {
        obj.insert(field.to_string(), want.clone());
    }
    serde_json::from_value(v).ok().map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Article;

    fn ws_with_conflict(field: &str, ours: Value, theirs: Value) -> Workspace {
        let mut ws = Workspace::new("t");
        let mut a = Article::new("Title", "Some text.");
        a.outlet = "Ours".into();
        let id = a.id.clone();
        ws.articles.push(a.into());
        ws.conflicts.push(Conflict {
            deleted: String::new(),
            kind: "article".into(),
            id,
            field: field.into(),
            ours,
            theirs,
            base: None,
            found: String::new(),
            ours_by: String::new(),
            theirs_by: String::new(),
        });
        ws
    }

    #[test]
    fn keeping_either_side_closes_the_conflict_and_undoes() {
        let ws = ws_with_conflict("outlet", "Ours".into(), "Theirs".into());
        let mut mine = ws.clone();
        settle(&ws, 0, Keep::Ours).unwrap().apply(&mut mine);
        assert!(mine.conflicts.is_empty());
        assert_eq!(mine.articles[0].outlet, "Ours");
        let mut theirs = ws.clone();
        let undo = settle(&ws, 0, Keep::Theirs).unwrap().apply(&mut theirs);
        assert_eq!(theirs.articles[0].outlet, "Theirs");
        assert!(theirs.conflicts.is_empty());
        undo.apply(&mut theirs);
        assert_eq!(theirs.articles[0].outlet, "Ours");
        assert_eq!(theirs.conflicts, ws.conflicts);
        assert!(settle(&ws, 1, Keep::Ours).is_none());
        // Keeping both is for events only.
        assert!(settle(&ws, 0, Keep::Both).is_none());
    }

    #[test]
    fn both_readings_of_a_date_stay_on_one_event_and_keep_both_is_explained_first() {
        let (mut ws, a) = crate::core::ops::tests::ws_with("Blinken met Wang Yi on Friday.");
        let anchor = crate::core::ops::locate_quote(&ws, &a, "Blinken met", None).unwrap();
        let id = crate::core::ops::tag_new_event(
            &mut ws,
            &a,
            anchor,
            crate::core::ops::NewEvent {
                headline: "Blinken meets Wang".into(),
                kind: "040".into(),
                date: DateValue::parse("2023-05-10").ok(),
                notes: "Source: NHK.".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let date = |s: &str| serde_json::to_value(DateValue::parse(s).unwrap()).unwrap();
        ws.conflicts.push(Conflict {
            deleted: String::new(),
            kind: "event".into(),
            id: id.clone(),
            field: "date".into(),
            ours: date("2023-05-10"),
            theirs: date("2023-05-11"),
            base: None,
            found: String::new(),
            ours_by: "Ann".into(),
            theirs_by: "Bo".into(),
        });
        assert!(is_event_date(&ws, 0));
        let said = both_explained(&ws, 0).unwrap();
        assert!(
            said.contains("second event") && said.contains("1 passage is"),
            "{said}"
        );
        let before = ws.clone();
        let undo = settle(&ws, 0, Keep::Readings).unwrap().apply(&mut ws);
        assert_eq!(ws.events.len(), 1, "one event");
        let e = ws.event(&id).unwrap();
        assert_eq!(e.date.as_ref().unwrap().edtf(), "2023-05-10");
        assert_eq!(
            e.notes,
            "Source: NHK.\nOther reading of the date (Bo): 11 May 2023 (2023-05-11); \
             kept here: 10 May 2023 (2023-05-10)."
        );
        assert!(ws.conflicts.is_empty());
        // Theirs is noted as seen: the same merge does not raise it again.
        assert!(!e.past.is_empty());
        undo.apply(&mut ws);
        assert_eq!(ws.event(&id), before.event(&id));
        assert_eq!(ws.conflicts, before.conflicts);
        // Not for another field, nor for an article.
        ws.conflicts[0].field = "place".into();
        assert!(settle(&ws, 0, Keep::Readings).is_none());
    }

    #[test]
    fn a_deletion_on_one_side_is_carried_out_only_when_chosen() {
        // We deleted it (ours null), they edited it: the merge kept theirs.
        let mut ws = ws_with_conflict("", Value::Null, Value::Null);
        ws.conflicts[0].theirs = serde_json::to_value(&*ws.articles[0]).unwrap();
        let mut keep = ws.clone();
        settle(&ws, 0, Keep::Theirs).unwrap().apply(&mut keep);
        assert_eq!(keep.articles.len(), 1);
        let mut delete = ws.clone();
        settle(&ws, 0, Keep::Ours).unwrap().apply(&mut delete);
        assert!(delete.articles.is_empty() && delete.conflicts.is_empty());
        // Not while a passage quotes it.
        let mut used = ws.clone();
        let art = used.articles[0].id.clone();
        let anchor = crate::core::model::Anchor::from_range("Some text.", 0, 4).unwrap();
        crate::core::ops::tag_new_event(
            &mut used,
            &art,
            anchor,
            crate::core::ops::NewEvent {
                headline: "h".into(),
                kind: "040".into(),
                ..Default::default()
            },
        )
        .unwrap();
        assert!(settle(&used, 0, Keep::Ours).is_none());
    }
}
