//! What a merge does around the merging of fields, so that the merged
//! workspace is sound: articles both copies imported under different ids
//! become one, what one side deleted but the other still uses is kept, and
//! passages whose article text differs between the copies are found again
//! in the merged text or become orphans.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::anchor::{Placed, reanchor};
use crate::core::model::{Article, Event, Orphan, Workspace, now};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// `theirs` with the ids of articles it imported separately (same text,
/// another id) changed to ours', so their passages meet in one article.
pub(crate) fn same_article_ids(ours: &Workspace, theirs: &Workspace) -> Workspace {
    let ours_ids: BTreeSet<&str> = ours.articles.iter().map(|a| a.id.as_str()).collect();
    let theirs_ids: BTreeSet<&str> = theirs.articles.iter().map(|a| a.id.as_str()).collect();
    let by_hash: HashMap<&str, &str> = ours
        .articles
        .iter()
        .filter(|a| !theirs_ids.contains(a.id.as_str()))
        .map(|a| (a.text_hash.as_str(), a.id.as_str()))
        .collect();
    let renamed: HashMap<String, String> = theirs
        .articles
        .iter()
        .filter(|a| !ours_ids.contains(a.id.as_str()))
        .filter_map(|a| Some((a.id.clone(), by_hash.get(a.text_hash.as_str())?.to_string())))
        .collect();
    let mut out = theirs.clone();
    if renamed.is_empty() {
        return out;
    }
    for a in &mut out.articles {
        if let Some(to) = renamed.get(&a.id) {
            Arc::make_mut(a).id = to.clone();
        }
    }
    for e in &mut out.events {
        if e.evidence.iter().any(|p| renamed.contains_key(&p.article)) {
            for p in &mut Arc::make_mut(e).evidence {
                if let Some(to) = renamed.get(&p.article) {
                    p.article = to.clone();
                }
            }
        }
    }
    for o in &mut out.orphans {
        if let Some(to) = renamed.get(&o.passage.article) {
            o.passage.article = to.clone();
        }
    }
    out
}

/// The actors either copy merged into another (`Actor::absorbed`): the
/// merged-away id and the id of the actor that took it in.
pub(crate) fn absorbed(ours: &Workspace, theirs: &Workspace) -> HashMap<String, String> {
    ours.actors
        .iter()
        .chain(&theirs.actors)
        .flat_map(|a| a.absorbed.iter().map(move |x| (x.clone(), a.id.clone())))
        .filter(|(from, into)| from != into)
        .collect()
}

/// `ws` with every event's reference to a merged-away actor pointed at the
/// actor that took it in (a colleague merged "Jake Sulliva" into "Jake
/// Sullivan"; this copy still names the typo): the duplicate does not come
/// back when the copies are merged. Borrowed as it is when nothing changes.
pub(crate) fn redirect_absorbed<'a>(
    ws: &'a Workspace,
    map: &HashMap<String, String>,
) -> std::borrow::Cow<'a, Workspace> {
    let named = |e: &Event| e.actors.iter().any(|r| map.contains_key(&r.actor));
    if map.is_empty() || !ws.events.iter().any(|e| named(e)) {
        return std::borrow::Cow::Borrowed(ws);
    }
    let mut out = ws.clone();
    for e in out.events.iter_mut().filter(|e| named(e)) {
        let e = Arc::make_mut(e);
        let mut seen = BTreeSet::new();
        for r in &mut e.actors {
            if let Some(to) = map.get(&r.actor) {
                r.actor = to.clone();
            }
        }
        // Named twice now: the first mention (and its role) stays.
        e.actors.retain(|r| seen.insert(r.actor.clone()));
    }
    std::borrow::Cow::Owned(out)
}

/// Keep an article, actor or event type that one side deleted while the
/// other still refers to it (new passages, actor references), as a
/// conflict, so the merged workspace is sound and nothing is lost.
/// Returns what it kept, as (kind, id, the kept object) for the caller to
/// record as conflicts (deleted on one side).
pub(crate) fn keep_what_is_referenced(
    ws: &mut Workspace,
    ours: &Workspace,
    theirs: &Workspace,
) -> Vec<(&'static str, String, Value)> {
    let mut kept = vec![];
    let find_article = |id: &str| ours.article(id).or_else(|| theirs.article(id)).cloned();
    let have: BTreeSet<String> = ws.articles.iter().map(|a| a.id.clone()).collect();
    let wanted: BTreeSet<String> = ws
        .events
        .iter()
        .flat_map(|e| e.evidence.iter().map(|p| p.article.clone()))
        .filter(|id| !have.contains(id))
        .collect();
    for id in wanted {
        if let Some(a) = find_article(&id) {
            // Deleted on one side but still quoted: kept, and said.
            kept.push((
                "article",
                id.clone(),
                serde_json::to_value(&a).unwrap_or(Value::Null),
            ));
            ws.articles.push(Arc::new(a));
        }
    }
    let have: BTreeSet<String> = ws.actors.iter().map(|a| a.id.clone()).collect();
    let wanted: BTreeSet<String> = ws
        .events
        .iter()
        .flat_map(|e| e.actors.iter().map(|r| r.actor.clone()))
        .filter(|id| !have.contains(id))
        .collect();
    for id in wanted {
        if let Some(a) = ours.actor(&id).or_else(|| theirs.actor(&id)).cloned() {
            kept.push((
                "actor",
                id.clone(),
                serde_json::to_value(&a).unwrap_or(Value::Null),
            ));
            ws.actors.push(a);
        }
    }
    let have: BTreeSet<String> = ws
        .vocabularies
        .event_types
        .iter()
        .map(|t| t.code.clone())
        .collect();
    let wanted: BTreeSet<String> = ws
        .events
        .iter()
        .map(|e| e.kind.clone())
        .filter(|k| !have.contains(k))
        .collect();
    for code in wanted {
        if let Some(t) = ours
            .event_type(&code)
            .or_else(|| theirs.event_type(&code))
            .cloned()
        {
            ws.vocabularies.event_types.push(t);
        }
    }
    // An orphan placed again on one side is a live passage: not an orphan.
    let live: BTreeSet<String> = ws
        .events
        .iter()
        .flat_map(|e| e.evidence.iter().map(|p| p.id.clone()))
        .collect();
    ws.orphans.retain(|o| !live.contains(&o.passage.id));
    kept
}

/// Every passage whose quote is not at its offsets in the merged text
/// (the article's text differs between the copies) is found again from the
/// text of the copy it came from, or becomes an orphan.
pub(crate) fn place_passages(ws: &mut Workspace, ours: &Workspace, theirs: &Workspace) {
    // Only articles whose merged text differs from a copy's can hold
    // passages out of place: usually none, so nothing is scanned.
    let hash_in = |w: &Workspace| -> HashMap<String, String> {
        w.articles
            .iter()
            .map(|a| (a.id.clone(), a.text_hash.clone()))
            .collect()
    };
    let (oh, th) = (hash_in(ours), hash_in(theirs));
    let differs =
        |h: &HashMap<String, String>, a: &Article| h.get(&a.id).is_some_and(|t| *t != a.text_hash);
    let texts: HashMap<String, Arc<Article>> = ws
        .articles
        .iter()
        .filter(|a| differs(&oh, a) || differs(&th, a))
        .map(|a| (a.id.clone(), a.clone()))
        .collect();
    if texts.is_empty() {
        return;
    }
    let mut orphans = vec![];
    for e in &mut ws.events {
        let stale = e.evidence.iter().any(|p| {
            texts
                .get(&p.article)
                .is_some_and(|a| !p.anchor.matches(&a.text))
        });
        if !stale {
            continue;
        }
        let e: &mut Event = Arc::make_mut(e);
        let mut kept = vec![];
        for mut p in std::mem::take(&mut e.evidence) {
            let Some(a) = texts.get(&p.article) else {
                // Its article's text is the same in every copy.
                kept.push(p);
                continue;
            };
            if p.anchor.matches(&a.text) {
                kept.push(p);
                continue;
            }
            // The copy whose text this passage was made in.
            let old = [ours, theirs]
                .into_iter()
                .filter_map(|w| w.article(&p.article))
                .find(|o| p.anchor.matches(&o.text))
                .map(|o| o.text.clone());
            let placed = old.map(|old| reanchor(&old, &a.text, std::slice::from_ref(&p.anchor)));
            match placed.and_then(|mut v| v.pop()) {
                Some(Placed::Exact(an) | Placed::Moved(an) | Placed::Fuzzy(an, _)) => {
                    p.anchor = an;
                    kept.push(p);
                }
                _ => orphans.push(Orphan {
                    event: e.id.clone(),
                    passage: p,
                    note: format!(
                        "{}: lost its place in a merge (the article's text differs between the copies)",
                        now()
                    ),
                }),
            }
        }
        e.evidence = kept;
    }
    ws.orphans.extend(orphans);
}
