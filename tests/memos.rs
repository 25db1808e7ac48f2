//! Memos as objects of the workspace (issue 19): their links survive save
//! and load, re-anchoring and merge; they are undone like any edit; a
//! merge conflict on a memo is settled like any other.

use detente::core::history::Edit;
use detente::core::memo::{self, Target, link_markdown, new_memo};
use detente::core::model::{Memo, Workspace};
use detente::core::sample::sample_workspace;
use detente::core::store::{from_bytes, to_bytes};
use detente::exchange::merge::merge;

/// The sample with a memo linking its first event's first passage and
/// its second event.
fn with_memo() -> (Workspace, Memo) {
    let mut ws = sample_workspace();
    // This file's memos alone (the sample has its own).
    ws.memos.clear();
    let p = ws.events[0].evidence[0].id.clone();
    let e = ws.events[1].id.clone();
    let mut m = new_memo("Why I date the Vienna meeting to the 10th");
    m.text = format!(
        "The readout says so: {}.\n\nCompare {}.",
        link_markdown("the White House readout", &p),
        link_markdown("the next contact", &e)
    );
    m.tags = vec!["dating".into()];
    Edit::memo(None, Some(m.clone())).apply(&mut ws);
    (ws, m)
}

fn targets(m: &Memo) -> Vec<String> {
    memo::links(&m.text).into_iter().map(|l| l.target).collect()
}

#[test]
fn a_memo_and_its_links_survive_save_and_load() {
    let (ws, m) = with_memo();
    let bytes = to_bytes(&ws);
    let back = from_bytes(&bytes, "memo.detente").unwrap();
    assert_eq!(back.memos, vec![m.clone()]);
    assert!(back.tags.contains(&"dating".to_string()), "{:?}", back.tags);
    for id in targets(&m) {
        assert!(
            !matches!(memo::resolve(&back, &id), Target::Missing),
            "{id}"
        );
    }
    // Saved again, the same bytes.
    assert_eq!(to_bytes(&back), bytes);
    // A workspace without memos writes no memo field at all.
    let mut none = sample_workspace();
    none.memos.clear();
    let plain = String::from_utf8(to_bytes(&none)).unwrap();
    assert!(!plain.contains("\"memos\""));
}

#[test]
fn a_memo_with_a_repeated_id_is_refused_on_load() {
    let (mut ws, m) = with_memo();
    ws.memos.push(m.clone());
    let err = from_bytes(&to_bytes(&ws), "twice.detente")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("memos[1]") && err.contains("more than once"),
        "{err}"
    );
}

#[test]
fn new_edit_and_delete_are_each_undone() {
    let mut ws = sample_workspace();
    // This file's memos alone (the sample has its own).
    ws.memos.clear();
    let m = new_memo("Pattern");
    let undo_new = Edit::memo(None, Some(m.clone())).apply(&mut ws);
    assert_eq!(ws.memos.len(), 1);
    let mut changed = m.clone();
    changed.text = "every cancelled visit follows a military incident".into();
    let undo_change = Edit::memo(Some(m.clone()), Some(changed.clone())).apply(&mut ws);
    assert_eq!(ws.memo(&m.id).unwrap().text, changed.text);
    let undo_delete = Edit::memo(Some(changed.clone()), None).apply(&mut ws);
    assert!(ws.memos.is_empty());
    undo_delete.apply(&mut ws);
    assert_eq!(ws.memo(&m.id), Some(&changed));
    undo_change.apply(&mut ws);
    assert_eq!(ws.memo(&m.id), Some(&m));
    undo_new.apply(&mut ws);
    assert!(ws.memos.is_empty());
}

#[test]
fn links_to_a_passage_follow_it_when_the_text_changes() {
    let (ws, m) = with_memo();
    let p = ws.events[0].evidence[0].clone();
    let article = ws.article(&p.article).unwrap().clone();
    // An editor's note added at the top moves every passage down.
    let mut new = article.clone();
    new.text = format!("Editor's note: this story was updated.\n\n{}", article.text);
    let (edit, report) = detente::core::anchor::replace_text_edit(&ws, &article.id, &new).unwrap();
    let mut after = ws.clone();
    edit.apply(&mut after);
    assert_eq!(report.orphans, 0);
    let link = targets(&m)[0].clone();
    assert_eq!(link, p.id);
    match memo::resolve(&after, &link) {
        Target::Passage(_, q) => {
            assert!(q.anchor.start > p.anchor.start, "the passage moved");
            assert_eq!(q.anchor.exact, p.anchor.exact);
        }
        other => panic!("the link lost its passage: {other:?}"),
    }
    // And the article's memos are still found through the passage.
    assert_eq!(memo::about_article(&after, &article.id).len(), 1);
}

#[test]
fn memos_merge_by_id_and_a_clash_is_a_conflict_settled_either_way() {
    let (base, m) = with_memo();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    // Each side writes a new memo; both rewrite the shared one differently.
    let a = new_memo("Ana's pattern");
    let b = new_memo("Ben's doubt");
    Edit::memo(None, Some(a.clone())).apply(&mut ours);
    Edit::memo(None, Some(b.clone())).apply(&mut theirs);
    let mut o = m.clone();
    o.text
        .push_str("\n\nAna: confirmed by the Chinese readout.");
    Edit::memo(Some(m.clone()), Some(o.clone())).apply(&mut ours);
    let mut t = m.clone();
    t.title = "Dating the Vienna meeting".into();
    t.text.push_str("\n\nBen: the 11th in Beijing time?");
    Edit::memo(Some(m.clone()), Some(t.clone())).apply(&mut theirs);

    let merged = merge(Some(&base), &ours, &theirs);
    let ids: Vec<&str> = merged.memos.iter().map(|x| x.id.as_str()).collect();
    assert!(ids.contains(&a.id.as_str()) && ids.contains(&b.id.as_str()));
    let shared = merged.memo(&m.id).unwrap();
    // The title changed on one side only: taken. The text changed on both:
    // ours kept, theirs recorded.
    assert_eq!(shared.title, t.title);
    assert_eq!(shared.text, o.text);
    let c = merged
        .conflicts
        .iter()
        .find(|c| c.kind == "memo" && c.id == m.id)
        .expect("a conflict on the memo's text");
    assert_eq!(c.field, "text");
    assert_eq!(c.theirs.as_str(), Some(t.text.as_str()));
    assert!(merged.problems().is_empty(), "{:?}", merged.problems());
    // Links still resolve in the merged copy.
    for id in targets(shared) {
        assert!(!matches!(memo::resolve(&merged, &id), Target::Missing));
    }
    // Taking theirs gives the memo their text.
    let mut settled = merged.clone();
    let edit =
        detente::core::conflicts::settle(&settled, 0, detente::core::conflicts::Keep::Theirs)
            .expect("settled");
    edit.apply(&mut settled);
    assert_eq!(settled.memo(&m.id).unwrap().text, t.text);
    assert!(settled.conflicts.is_empty());
}

#[test]
fn a_memo_deleted_on_one_side_stays_deleted_after_a_merge_without_base() {
    let (mut start, m) = with_memo();
    detente::core::lineage::record(&mut start);
    let saved = from_bytes(&to_bytes(&start), "start.detente").unwrap();
    let (mut ours, mut theirs) = (saved.clone(), saved.clone());
    Edit::memo(Some(m.clone()), None).apply(&mut ours);
    detente::core::lineage::record(&mut ours);
    let ours = from_bytes(&to_bytes(&ours), "ours.detente").unwrap();
    assert!(ours.removed.contains_key(&m.id));
    // Theirs did not touch it.
    detente::core::lineage::record(&mut theirs);
    let merged = merge(None, &ours, &theirs);
    assert!(merged.memo(&m.id).is_none(), "{:?}", merged.memos);
}

#[test]
fn the_json_export_carries_the_memos_with_their_links_resolved() {
    let (mut ws, m) = with_memo();
    let mut broken = new_memo("Broken");
    broken.text = link_markdown("gone", "evt_deleted");
    Edit::memo(None, Some(broken)).apply(&mut ws);
    let v: serde_json::Value =
        serde_json::from_str(&detente::exchange::json::to_json(&ws, false)).unwrap();
    let memos = v["memos"].as_array().expect("memos beside the rows");
    assert_eq!(memos.len(), 2);
    let got = memos.iter().find(|x| x["id"] == m.id.as_str()).unwrap();
    assert_eq!(got["title"], m.title.as_str());
    assert_eq!(got["text"], m.text.as_str());
    let kinds: Vec<&str> = got["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["passage", "event"]);
    assert_eq!(got["links"][0]["label"], "the White House readout");
    let broken = memos.iter().find(|x| x["title"] == "Broken").unwrap();
    assert_eq!(broken["links"][0]["kind"], "missing");
    // No memos, no field: older readers see what they always saw.
    let mut none = sample_workspace();
    none.memos.clear();
    let plain: serde_json::Value =
        serde_json::from_str(&detente::exchange::json::to_json(&none, true)).unwrap();
    assert!(plain.get("memos").is_none());
}
