//! Curating what was collected: edits that correct or remove whole objects
//! and everything that hangs on them, each built as one reversible
//! [`Edit`] for the window (and the command line) to apply. Deleting an
//! article takes its passages and, as the user chooses, the events only it
//! supports.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::history::Edit;
use crate::core::model::{Id, Workspace};

/// What deleting an article does to the events that cite it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleDeletion {
    /// Passages in the article, removed with it.
    pub passages: usize,
    /// Events whose every passage is in the article (they lose all
    /// evidence): deleted, or kept without evidence, as the user chose.
    pub only_here: usize,
    /// Events that keep evidence in other articles.
    pub elsewhere_too: usize,
}

/// The undoable edit that deletes article `id` with its passages, and
/// what it does (see [`delete_articles_edit`]).
pub fn delete_article_edit(
    ws: &Workspace,
    id: &Id,
    keep_events: bool,
) -> Option<(Edit, ArticleDeletion)> {
    delete_articles_edit(ws, std::slice::from_ref(id), keep_events)
}

/// The undoable edit that deletes the articles `ids` with their passages,
/// and what it does. An event whose every passage is in them is deleted
/// too, or, with `keep_events`, kept without evidence, its notes saying
/// where its evidence went (so a colleague reading it knows why). Memos
/// linking the articles or their passages keep their links, shown as
/// deleted. None when no id names an article.
pub fn delete_articles_edit(
    ws: &Workspace,
    ids: &[Id],
    keep_events: bool,
) -> Option<(Edit, ArticleDeletion)> {
    let articles: Vec<&crate::core::model::Article> =
        ids.iter().filter_map(|id| ws.article(id)).collect();
    if articles.is_empty() {
        return None;
    }
    let gone: std::collections::HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    let mut d = ArticleDeletion::default();
    let mut edits = vec![];
    for e in &ws.events {
        let in_gone = |p: &crate::core::model::Passage| gone.contains(p.article.as_str());
        let here = e.evidence.iter().filter(|p| in_gone(p)).count();
        if here == 0 {
            continue;
        }
        d.passages += here;
        let mut after = (**e).clone();
        let titles: Vec<String> = articles
            .iter()
            .filter(|a| e.evidence.iter().any(|p| p.article == a.id))
            .map(|a| format!("“{}”", a.title))
            .collect();
        after.evidence.retain(|p| !in_gone(p));
        if after.evidence.is_empty() {
            d.only_here += 1;
            if !keep_events {
                edits.push(Edit::delete_event((**e).clone()));
                continue;
            }
            let why = format!(
                "Its evidence was in the article {}, deleted {}.",
                titles.join(", "),
                crate::core::ids::now().get(..10).unwrap_or_default()
            );
            after.notes = if after.notes.trim().is_empty() {
                why
            } else {
                format!("{}\n\n{why}", after.notes)
            };
        } else {
            d.elsewhere_too += 1;
        }
        edits.push(Edit::change_event((**e).clone(), after));
    }
    for a in articles {
        edits.push(Edit::Article {
            before: Some(Box::new(a.clone())),
            after: None,
        });
    }
    Some((Edit::Named("delete article", edits), d))
}

/// The undoable edit that gives the articles `ids` the outlet `outlet`
/// (one step for all; None when none changes).
pub fn set_outlet_edit(ws: &Workspace, ids: &[Id], outlet: &str) -> Option<Edit> {
    let outlet = crate::text::normalise::one_line(outlet);
    let edits: Vec<Edit> = ids
        .iter()
        .filter_map(|id| ws.article(id))
        .filter(|a| a.outlet != outlet)
        .map(|a| {
            let mut after = a.clone();
            after.outlet = outlet.clone();
            Edit::change_article(a.clone(), after)
        })
        .collect();
    (!edits.is_empty()).then_some(Edit::Named("set outlet", edits))
}

/// How often each actor is used: (events naming it, passages of those
/// events), by actor id.
pub fn actor_uses(ws: &Workspace) -> std::collections::HashMap<&str, (usize, usize)> {
    let mut out: std::collections::HashMap<&str, (usize, usize)> = Default::default();
    for e in &ws.events {
        for r in &e.actors {
            let n = out.entry(r.actor.as_str()).or_default();
            n.0 += 1;
            n.1 += e.evidence.len();
        }
    }
    out
}

/// The undoable edit that merges actor `from` into `into` (a typo's
/// duplicate into the right one): every event naming `from` names `into`
/// instead (keeping `into`'s role where an event names both), `from`'s name
/// and aliases become `into`'s aliases, `into` remembers `from`'s id (so a
/// colleague's copy that still names it is pointed at `into` when the copies
/// are merged), and `from` is deleted. None when either is missing or they
/// are the same.
pub fn merge_actors_edit(ws: &Workspace, from: &Id, into: &Id) -> Option<Edit> {
    if from == into {
        return None;
    }
    let a = ws.actors.iter().find(|x| &x.id == from)?;
    let b = ws.actors.iter().find(|x| &x.id == into)?;
    let mut edits = vec![];
    for e in ws
        .events
        .iter()
        .filter(|e| e.actors.iter().any(|r| &r.actor == from))
    {
        let mut after = (**e).clone();
        let has_into = after.actors.iter().any(|r| &r.actor == into);
        if has_into {
            after.actors.retain(|r| &r.actor != from);
        } else {
            for r in after.actors.iter_mut().filter(|r| &r.actor == from) {
                r.actor = into.clone();
            }
        }
        edits.push(Edit::change_event((**e).clone(), after));
    }
    let mut b_after = b.clone();
    for name in std::iter::once(&a.name).chain(&a.aliases) {
        let known = b_after.name.eq_ignore_ascii_case(name)
            || b_after.aliases.iter().any(|x| x.eq_ignore_ascii_case(name));
        if !known && !name.trim().is_empty() {
            b_after.aliases.push(name.clone());
        }
    }
    for id in std::iter::once(&a.id).chain(&a.absorbed) {
        if !b_after.absorbed.contains(id) {
            b_after.absorbed.push(id.clone());
        }
    }
    for (field, value) in [
        (&mut b_after.country, &a.country),
        (&mut b_after.sector, &a.sector),
    ] {
        if field.is_empty() {
            *field = value.clone();
        }
    }
    b_after.changed = crate::core::ids::now();
    b_after.changed_by = crate::core::ids::author();
    edits.push(Edit::Actor {
        before: Some(Box::new(b.clone())),
        after: Some(Box::new(b_after)),
    });
    edits.push(Edit::Actor {
        before: Some(Box::new(a.clone())),
        after: None,
    });
    Some(Edit::Named("merge actors", edits))
}

/// The undoable edit that deletes actor `id`, refused (with why) while an
/// event names it: merge it into another actor instead.
pub fn delete_actor_edit(ws: &Workspace, id: &Id) -> Result<Edit, String> {
    let a = ws
        .actors
        .iter()
        .find(|x| &x.id == id)
        .ok_or_else(|| format!("no actor {id}"))?;
    let uses = ws
        .events
        .iter()
        .filter(|e| e.actors.iter().any(|r| &r.actor == id))
        .count();
    if uses > 0 {
        return Err(format!(
            "{} is named by {uses} event(s): merge it into another actor instead",
            a.name
        ));
    }
    Ok(Edit::Actor {
        before: Some(Box::new(a.clone())),
        after: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Article;
    use crate::core::ops::tests::ws_with;
    use crate::core::ops::{NewEvent, add_evidence, locate_quote, tag_new_event};

    #[test]
    fn deleting_an_article_deletes_or_keeps_the_events_only_it_supports() {
        let (mut ws, a) = ws_with("Blinken met Qin Gang in Beijing. Later, Blinken met Wang Yi.");
        let b_art = Article::new("B", "Blinken met Qin Gang, the ministry said.");
        let b = b_art.id.clone();
        ws.articles.push(b_art.into());
        let tag = |ws: &mut Workspace, art: &Id, q: &str| {
            let anchor = locate_quote(ws, art, q, None).unwrap();
            tag_new_event(
                ws,
                art,
                anchor,
                NewEvent {
                    headline: q.into(),
                    kind: "043".into(),
                    ..Default::default()
                },
            )
            .unwrap()
        };
        let only_a = tag(&mut ws, &a, "Blinken met Wang Yi");
        let both = tag(&mut ws, &a, "Blinken met Qin Gang in Beijing");
        let in_b = locate_quote(&ws, &b, "Blinken met Qin Gang", None).unwrap();
        add_evidence(&mut ws, &both, &b, in_b).unwrap();
        let before = ws.clone();
        // Deleting A, its events deleted with it.
        let (edit, d) = delete_article_edit(&ws, &a, false).unwrap();
        assert_eq!(
            d,
            ArticleDeletion {
                passages: 2,
                only_here: 1,
                elsewhere_too: 1
            }
        );
        let undo = edit.apply(&mut ws);
        assert!(ws.article(&a).is_none() && ws.event(&only_a).is_none());
        assert_eq!(ws.event(&both).unwrap().evidence.len(), 1);
        assert!(ws.problems().is_empty(), "{:?}", ws.problems());
        undo.apply(&mut ws);
        assert_eq!(ws.articles.len(), before.articles.len());
        assert_eq!(ws.event(&only_a), before.event(&only_a));
        assert_eq!(ws.event(&both), before.event(&both));
        // Kept: the event stays, without evidence, and says why.
        let (edit, _) = delete_article_edit(&ws, &a, true).unwrap();
        edit.apply(&mut ws);
        let kept = ws.event(&only_a).unwrap();
        assert!(kept.evidence.is_empty());
        assert!(
            kept.notes.contains("in the article “A”, deleted"),
            "{}",
            kept.notes
        );
        assert!(ws.problems().is_empty(), "{:?}", ws.problems());
    }

    #[test]
    fn a_typo_actor_merges_into_the_right_one_and_an_unused_one_is_deleted() {
        let (mut ws, a) = ws_with("Jake Sullivan met Wang Yi in Vienna. Sullivan left.");
        let (right, _) = crate::core::ops::actor_for_name(&mut ws, "Jake Sullivan");
        let (typo, _) = crate::core::ops::actor_for_name(&mut ws, "Jake Sulliva");
        let (wang, _) = crate::core::ops::actor_for_name(&mut ws, "Wang Yi");
        let (unused, _) = crate::core::ops::actor_for_name(&mut ws, "Nobody");
        let anchor = locate_quote(&ws, &a, "Jake Sullivan met Wang Yi", None).unwrap();
        let e1 = tag_new_event(
            &mut ws,
            &a,
            anchor,
            NewEvent {
                headline: "Vienna".into(),
                kind: "044".into(),
                actors: vec![
                    (typo.clone(), crate::core::model::Role::Source),
                    (wang.clone(), crate::core::model::Role::Target),
                ],
                ..Default::default()
            },
        )
        .unwrap();
        let anchor = locate_quote(&ws, &a, "Sullivan left", None).unwrap();
        let e2 = tag_new_event(
            &mut ws,
            &a,
            anchor,
            NewEvent {
                headline: "Leaves".into(),
                kind: "044".into(),
                actors: vec![
                    (typo.clone(), crate::core::model::Role::Participant),
                    (right.clone(), crate::core::model::Role::Source),
                ],
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(actor_uses(&ws)[typo.as_str()], (2, 2));
        assert!(
            delete_actor_edit(&ws, &typo)
                .unwrap_err()
                .contains("named by 2 event(s)")
        );
        let before = ws.clone();
        let merge = merge_actors_edit(&ws, &typo, &right).unwrap();
        // The Undo menu says what it takes back.
        assert_eq!(merge.describe(), "merge actors");
        let undo = merge.apply(&mut ws);
        assert_eq!(undo.describe(), "merge actors");
        assert!(ws.actors.iter().all(|x| x.id != typo));
        let r = ws.actors.iter().find(|x| x.id == right).unwrap();
        assert_eq!(r.aliases, ["Jake Sulliva"]);
        assert_eq!(r.absorbed, std::slice::from_ref(&typo));
        let roles = |e: &Id| ws.event(e).unwrap().actors.clone();
        assert_eq!(roles(&e1)[0].actor, right);
        assert_eq!(roles(&e1)[0].role, crate::core::model::Role::Source);
        // Named twice: the right actor's own role stays, once.
        assert_eq!(roles(&e2).len(), 1);
        assert_eq!(roles(&e2)[0].role, crate::core::model::Role::Source);
        assert!(ws.problems().is_empty(), "{:?}", ws.problems());
        undo.apply(&mut ws);
        assert_eq!(ws.actors, before.actors);
        assert_eq!(ws.event(&e1), before.event(&e1));
        let edit = delete_actor_edit(&ws, &unused).unwrap();
        assert_eq!(edit.describe(), "delete actor");
        edit.apply(&mut ws);
        assert!(ws.actors.iter().all(|x| x.id != unused));
    }
}
