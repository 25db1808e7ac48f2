//! Merging two copies of a workspace (exchange::merge and `detente merge`):
//! every case the sharing issue names, on the bundled sample.

mod common;

use detente::core::model::{Anchor, Role, Workspace};
use detente::core::ops::{self, NewEvent};
use detente::core::sample::sample_workspace;
use detente::core::store::to_bytes;
use detente::dates::edtf::DateValue;
use detente::exchange::merge::merge;
use proptest::prelude::*;
use std::collections::BTreeSet;

/// The bytes of `ws` as they would be saved, its modification time aside.
fn bytes(ws: &Workspace) -> Vec<u8> {
    let mut w = ws.clone();
    w.modified = String::new();
    to_bytes(&w)
}

fn event_ids(ws: &Workspace) -> BTreeSet<String> {
    ws.events.iter().map(|e| e.id.clone()).collect()
}

fn sound(ws: &Workspace) {
    let p = ws.problems();
    assert!(p.is_empty(), "{p:?}");
    // And it saves to a file that loads again.
    detente::core::store::from_bytes(&to_bytes(ws), "merged.detente").unwrap();
}

fn headline(ws: &mut Workspace, i: usize, h: &str) {
    let id = ws.events[i].id.clone();
    ws.event_mut(&id).unwrap().headline = h.into();
}

/// A new event on `ws`'s first article, quoting chars 0..n.
fn new_event(ws: &mut Workspace, h: &str, actor: &str) -> String {
    let art = ws.articles[0].id.clone();
    let text = ws.articles[0].text.clone();
    let anchor = Anchor::from_range(&text, 0, 12).unwrap();
    let (actor, _) = ops::actor_for_name(ws, actor);
    ops::tag_new_event(
        ws,
        &art,
        anchor,
        NewEvent {
            headline: h.into(),
            kind: "042".into(),
            actors: vec![(actor, Role::Participant)],
            ..Default::default()
        },
    )
    .unwrap()
}

#[test]
fn disjoint_edits_are_both_taken() {
    let base = sample_workspace();
    let (mut a, mut b) = (base.clone(), base.clone());
    headline(&mut a, 0, "Ours: Vienna channel");
    let id1 = b.events[1].id.clone();
    b.event_mut(&id1).unwrap().date = Some(DateValue::parse("2023-05-12").unwrap());
    let m = merge(Some(&base), &a, &b);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.events[0].headline, "Ours: Vienna channel");
    assert_eq!(
        m.event(&id1).unwrap().date.as_ref().unwrap().edtf(),
        "2023-05-12"
    );
    sound(&m);
}

#[test]
fn the_same_edit_on_both_sides_is_no_conflict() {
    let base = sample_workspace();
    let (mut a, mut b) = (base.clone(), base.clone());
    headline(&mut a, 2, "Same words");
    headline(&mut b, 2, "Same words");
    let m = merge(Some(&base), &a, &b);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.events[2].headline, "Same words");
}

#[test]
fn conflicting_edits_keep_ours_and_record_both() {
    let base = sample_workspace();
    let (mut a, mut b) = (base.clone(), base.clone());
    headline(&mut a, 0, "Ours");
    headline(&mut b, 0, "Theirs");
    let id0 = a.events[0].id.clone();
    a.event_mut(&id0).unwrap().changed_by = "Ana".into();
    b.event_mut(&id0).unwrap().changed_by = "Ben".into();
    let m = merge(Some(&base), &a, &b);
    assert_eq!(m.events[0].headline, "Ours");
    // The headline and who changed it last: the latter is settled with it.
    let c = m.conflicts.iter().find(|c| c.field == "headline").unwrap();
    assert_eq!((c.ours_by.as_str(), c.theirs_by.as_str()), ("Ana", "Ben"));
    assert_eq!((c.kind.as_str(), c.field.as_str()), ("event", "headline"));
    assert_eq!(
        (c.ours.as_str(), c.theirs.as_str()),
        (Some("Ours"), Some("Theirs"))
    );
    assert_eq!(
        c.base.as_ref().and_then(|v| v.as_str()),
        Some(base.events[0].headline.as_str())
    );
    sound(&m);
}

#[test]
fn an_edit_against_a_deletion_keeps_the_edit_as_a_conflict() {
    let base = sample_workspace();
    let (mut a, mut b) = (base.clone(), base.clone());
    let gone = a.events.remove(3).id.clone();
    headline(&mut b, 3, "Edited while the other deleted it");
    let m = merge(Some(&base), &a, &b);
    assert_eq!(
        m.event(&gone).unwrap().headline,
        "Edited while the other deleted it"
    );
    let c = m.conflicts.iter().find(|c| c.id == gone).unwrap();
    assert!(c.field.is_empty() && c.ours.is_null());
    // Deleted on one side and left alone on the other: gone.
    let mut a2 = base.clone();
    let gone2 = a2.events.remove(4).id.clone();
    let m = merge(Some(&base), &a2, &base);
    assert!(m.event(&gone2).is_none());
    assert!(m.conflicts.is_empty());
    sound(&m);
}

#[test]
fn new_events_on_both_sides_with_new_actors_are_all_kept() {
    let base = sample_workspace();
    let (mut a, mut b) = (base.clone(), base.clone());
    let ea = new_event(&mut a, "Campbell calls Xie", "Kurt Campbell");
    let eb = new_event(&mut b, "Xie Feng meets Campbell", "Xie Feng");
    b.tags.push("new-tag".into());
    let m = merge(Some(&base), &a, &b);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert!(m.event(&ea).is_some() && m.event(&eb).is_some());
    assert!(m.actor_by_name("Kurt Campbell").is_some() && m.actor_by_name("Xie Feng").is_some());
    assert!(m.tags.contains(&"new-tag".to_string()));
    sound(&m);
}

#[test]
fn passages_follow_an_article_whose_text_changed_on_the_other_side() {
    let base = sample_workspace();
    let (mut a, mut b) = (base.clone(), base.clone());
    // Ours corrected the first article's text: a line added at the top.
    let art = a.articles[0].id.clone();
    let mut new = (*a.articles[0]).clone();
    new.text = format!("Editor's note: corrected.\n\n{}", new.text);
    new.text_hash = detente::text::normalise::text_hash(&new.text);
    let (edit, _) = detente::core::anchor::replace_text_edit(&a, &art, &new).unwrap();
    edit.apply(&mut a);
    // Theirs tagged a passage in the old text.
    let eb = new_event(&mut b, "Tagged in the old text", "Wang Yi");
    let quote = b.event(&eb).unwrap().evidence[0].anchor.exact.clone();
    let m = merge(Some(&base), &a, &b);
    let p = &m.event(&eb).unwrap().evidence[0];
    assert_eq!(p.anchor.exact, quote);
    assert!(
        p.anchor.start > 20,
        "moved past the added line: {}",
        p.anchor.start
    );
    sound(&m);
}

#[test]
fn without_a_base_what_one_side_has_is_kept_and_differences_conflict() {
    let base = sample_workspace();
    let (mut a, mut b) = (base.clone(), base.clone());
    let ea = new_event(&mut a, "Only ours", "Wang Yi");
    headline(&mut a, 0, "Ours");
    headline(&mut b, 0, "Theirs");
    let m = merge(None, &a, &b);
    assert!(m.event(&ea).is_some());
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert!(m.conflicts[0].base.is_none());
    sound(&m);
}

/// A copy saved to a file and opened again, as a colleague's copy arrives.
fn saved_and_opened(ws: &mut Workspace) -> Workspace {
    detente::core::lineage::record(ws);
    detente::core::store::from_bytes(&to_bytes(ws), "copy.detente").unwrap()
}

#[test]
fn without_a_base_the_saved_past_tells_which_side_changed_a_field_last() {
    // Both start from one saved version; neither has that file any more.
    let start = sample_workspace();
    let (mut a, mut b) = (start.clone(), start.clone());
    let ea = new_event(&mut a, "Added by Ana", "Wang Yi");
    let id = b.events[1].id.clone();
    b.event_mut(&id).unwrap().date = Some(DateValue::parse("2023-05-12").unwrap());
    headline(&mut a, 0, "Ana's headline");
    let (a, b) = (saved_and_opened(&mut a), saved_and_opened(&mut b));
    assert!(
        !b.event(&id).unwrap().past.is_empty(),
        "the save noted the old date"
    );
    for (m, side) in [(merge(None, &a, &b), "a+b"), (merge(None, &b, &a), "b+a")] {
        assert!(m.conflicts.is_empty(), "{side}: {:?}", m.conflicts);
        assert_eq!(
            m.event(&id).unwrap().date.as_ref().unwrap().edtf(),
            "2023-05-12",
            "{side}"
        );
        assert_eq!(m.events[0].headline, "Ana's headline", "{side}");
        assert!(m.event(&ea).is_some(), "{side}");
        sound(&m);
    }
    // The same field changed differently on both sides is still a conflict.
    let (mut a2, mut b2) = (start.clone(), start.clone());
    headline(&mut a2, 0, "Ours");
    headline(&mut b2, 0, "Theirs");
    let (a2, b2) = (saved_and_opened(&mut a2), saved_and_opened(&mut b2));
    let m = merge(None, &a2, &b2);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].field, "headline");
    // A value changed there and back again on one side is no evidence.
    let (mut a3, mut b3) = (start.clone(), start.clone());
    let old = start.events[0].headline.clone();
    headline(&mut a3, 0, "Interim");
    let mut a3 = saved_and_opened(&mut a3);
    headline(&mut a3, 0, &old);
    headline(&mut b3, 0, "Interim");
    let (a3, b3) = (saved_and_opened(&mut a3), saved_and_opened(&mut b3));
    let m = merge(None, &a3, &b3);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
}

#[test]
fn without_a_base_a_deletion_or_a_cleared_field_is_taken_not_undone() {
    let start = sample_workspace();
    let (mut a, mut b) = (start.clone(), start.clone());
    let gone = b.events.remove(3).id.clone();
    let id = start.events[2].id.clone();
    b.event_mut(&id).unwrap().notes = "A note".into();
    let mut b = saved_and_opened(&mut b);
    b.event_mut(&id).unwrap().notes.clear();
    let b = saved_and_opened(&mut b);
    assert!(b.removed.contains_key(&gone));
    let a = saved_and_opened(&mut a);
    for m in [merge(None, &a, &b), merge(None, &b, &a)] {
        assert!(m.event(&gone).is_none(), "the deletion is kept");
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert!(m.removed.contains_key(&gone));
        sound(&m);
    }
    // Edited on one side, deleted on the other: kept, as a conflict.
    let mut a2 = start.clone();
    headline(&mut a2, 3, "Edited while the other deleted it");
    let a2 = saved_and_opened(&mut a2);
    let m = merge(None, &a2, &b);
    assert_eq!(
        m.event(&gone).unwrap().headline,
        "Edited while the other deleted it"
    );
    let c = m.conflicts.iter().find(|c| c.id == gone).unwrap();
    assert!(c.field.is_empty() && c.theirs.is_null());
    assert!(!m.removed.contains_key(&gone));
    sound(&m);
}

#[test]
fn the_same_article_imported_on_both_sides_becomes_one() {
    let base = sample_workspace();
    let (mut a, mut b) = (base.clone(), base.clone());
    let (art, _) =
        detente::read::prepare::prepare_bytes(common::VIENNA.as_bytes(), "v.txt", None).unwrap();
    let mut other = art.clone();
    other.id = "art_other_copy".into();
    a.articles.push(art.into());
    b.articles.push(other.into());
    let m = merge(Some(&base), &a, &b);
    assert_eq!(m.articles.len(), base.articles.len() + 1);
    sound(&m);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Merging a workspace with itself, or with an unchanged base, changes
    /// nothing; and no event either side has (and did not delete) is lost.
    #[test]
    fn merging_changes_nothing_that_did_not_change_and_drops_nothing(
        edits in proptest::collection::vec((0usize..20, 0usize..3, "[a-z][a-z ]{0,11}"), 0..8)
    ) {
        let base = sample_workspace();
        prop_assert_eq!(bytes(&merge(Some(&base), &base, &base)), bytes(&base));
        let mut a = base.clone();
        let mut b = base.clone();
        for (i, side, h) in &edits {
            let i = i % a.events.len();
            match side {
                0 => headline(&mut a, i, h),
                1 => headline(&mut b, i, h),
                _ => { let _ = new_event(&mut b, h, h); }
            }
        }
        // One side changed: the merge is that side.
        prop_assert_eq!(bytes(&merge(Some(&base), &a, &base)), bytes(&a));
        prop_assert_eq!(event_ids(&merge(Some(&base), &base, &b)), event_ids(&b));
        let m = merge(Some(&base), &a, &b);
        let all: BTreeSet<String> = event_ids(&a).union(&event_ids(&b)).cloned().collect();
        prop_assert_eq!(event_ids(&m), all);
        prop_assert!(m.problems().is_empty());
        // What both sides changed differently is a conflict, not lost.
        for c in &m.conflicts {
            prop_assert!(c.ours != c.theirs);
        }
    }
}

#[test]
fn two_annotators_agreement_in_the_figures_researchers_report() {
    use detente::exchange::agree::agree;
    let a = sample_workspace();
    let n: usize = a.events.iter().map(|e| e.evidence.len()).sum();
    let same = agree(&a, &a);
    assert_eq!((same.matched, same.passage_f1), (n, 1.0));
    assert!(same.disagreements.is_empty());
    assert_eq!(same.dates_overlap, same.dated_pairs);
    // B: one event of another type, one passage left out, one date moved.
    let mut b = a.clone();
    let (e0, e1, e2) = (
        b.events[0].id.clone(),
        b.events[1].id.clone(),
        b.events[2].id.clone(),
    );
    b.event_mut(&e0).unwrap().kind = "111".into();
    let dropped = b.event_mut(&e1).unwrap().evidence.pop().unwrap();
    b.event_mut(&e2).unwrap().date = Some(DateValue::parse("1999-01-01").unwrap());
    let r = agree(&a, &b);
    assert_eq!((r.passages_a, r.passages_b, r.matched), (n, n - 1, n - 1));
    assert!((r.passage_f1 - 2.0 * (n - 1) as f64 / (2 * n - 1) as f64).abs() < 1e-12);
    assert!(r.type_kappa.unwrap() < 1.0);
    let has = |what: &str, quote: &str| {
        r.disagreements
            .iter()
            .any(|d| d.what == what && d.quote == quote)
    };
    assert!(
        has("only in A", &dropped.anchor.exact),
        "{:?}",
        r.disagreements
    );
    assert!(has("event type", &a.events[0].evidence[0].anchor.exact));
    assert!(
        r.disagreements
            .iter()
            .any(|d| d.what == "date" && d.b == "1999-01-01")
    );
}

// What saves note for merging without the common ancestor (core::lineage).

use detente::core::lineage::{KEEP, field_hash, object_hash, record};

#[test]
fn a_save_notes_only_changed_fields_and_keeps_the_last_few() {
    let mut ws = sample_workspace();
    assert_eq!(record(&mut ws), 0, "nothing changed since the load");
    let id = ws.events[0].id.clone();
    // What the sample's own history noted (evidence added after a save).
    let earlier: Vec<String> = ws.event(&id).unwrap().past.keys().cloned().collect();
    let other = ws.events[1].clone();
    for i in 0..(KEEP + 3) {
        ws.event_mut(&id).unwrap().headline = format!("Headline {i}");
        ws.event_mut(&id).unwrap().modified = format!("2026-11-29T10:00:{i:02}Z");
        assert_eq!(record(&mut ws), 1);
    }
    let past = &ws.event(&id).unwrap().past;
    let mut expected = earlier.clone();
    expected.push("headline".into());
    expected.sort();
    assert_eq!(
        past.keys().cloned().collect::<Vec<_>>(),
        expected,
        "{past:?}"
    );
    assert_eq!(past["headline"].len(), KEEP);
    // Newest last: the value before the current one.
    let before = serde_json::Value::String(format!("Headline {}", KEEP + 1));
    assert_eq!(past["headline"].last(), Some(&field_hash(Some(&before))));
    // Other events were not touched (still shared with the baseline).
    assert!(std::sync::Arc::ptr_eq(&ws.events[1], &other));
    assert_eq!(ws.events[1].past, other.past);
}

#[test]
fn a_deletion_is_remembered_until_the_object_comes_back() {
    let mut ws = sample_workspace();
    let e = ws.events.remove(2);
    record(&mut ws);
    let v = serde_json::to_value(&*e).unwrap();
    assert_eq!(ws.removed.get(&e.id), Some(&object_hash(&v)));
    ws.events.push(e.clone());
    record(&mut ws);
    assert!(!ws.removed.contains_key(&e.id));
    // A workspace built in memory has no baseline: the first save
    // records nothing, only takes one.
    let mut fresh = detente::core::model::Workspace::new("New");
    assert_eq!(record(&mut fresh), 0);
    assert!(fresh.removed.is_empty());
}

#[test]
fn a_past_of_the_wrong_shape_is_refused_on_load() {
    let mut ws = sample_workspace();
    let id = ws.events[0].id.clone();
    let long: Vec<String> = (0..KEEP + 1).map(|i| format!("{i:012x}")).collect();
    ws.event_mut(&id)
        .unwrap()
        .past
        .insert("headline".into(), long);
    let bytes = detente::core::store::to_bytes(&ws);
    let e = detente::core::store::from_bytes(&bytes, "w.detente").unwrap_err();
    assert!(e.to_string().contains("earlier values (at most 8)"), "{e}");
    ws.event_mut(&id)
        .unwrap()
        .past
        .insert("headline".into(), vec!["<script>".into()]);
    let e =
        detente::core::store::from_bytes(&detente::core::store::to_bytes(&ws), "w").unwrap_err();
    assert!(e.to_string().contains("not a 12-digit hex hash"), "{e}");
    ws.event_mut(&id).unwrap().past.clear();
    ws.removed.insert("evt_x".into(), "nothex".into());
    let e =
        detente::core::store::from_bytes(&detente::core::store::to_bytes(&ws), "w").unwrap_err();
    assert!(e.to_string().contains("removed"), "{e}");
}

#[test]
fn a_settled_conflict_is_not_raised_again_when_the_same_copy_is_merged_again() {
    use detente::core::conflicts::{Keep, settle};
    let start = sample_workspace();
    let (mut a, mut b) = (start.clone(), start.clone());
    headline(&mut a, 0, "Ana's words");
    headline(&mut b, 0, "Ben's words");
    let id = b.events[0].id.clone();
    b.event_mut(&id).unwrap().changed_by = "Ben".into();
    let (a, b) = (saved_and_opened(&mut a), saved_and_opened(&mut b));
    for side in [Keep::Ours, Keep::Theirs, Keep::Both] {
        let mut m = merge(None, &a, &b);
        assert_eq!(m.conflicts.len(), 1, "{side:?}: {:?}", m.conflicts);
        let n = m.events.len();
        settle(&m, 0, side).unwrap().apply(&mut m);
        let kept = m.event(&id).unwrap().headline.clone();
        // The same copy arrives again (a sync client, a second mail).
        let again = merge(None, &m, &b);
        assert!(
            again.conflicts.is_empty(),
            "{side:?}: {:?}",
            again.conflicts
        );
        assert_eq!(again.event(&id).unwrap().headline, kept, "{side:?}");
        let extra = usize::from(side == Keep::Both);
        assert_eq!(again.events.len(), n + extra, "{side:?}: no third copy");
        if side == Keep::Both {
            let copy = again
                .events
                .iter()
                .find(|e| e.headline.starts_with("Ben's words"))
                .unwrap();
            assert_eq!(copy.headline, "Ben's words (Ben's headline)");
            assert_eq!(copy.changed_by, "Ben");
        }
        // And after a save and load, as a file.
        let saved = saved_and_opened(&mut m);
        assert!(merge(None, &saved, &b).conflicts.is_empty(), "{side:?}");
    }
}

#[test]
fn keeping_an_object_the_other_copy_deleted_is_not_asked_again() {
    use detente::core::conflicts::{Keep, settle};
    let start = sample_workspace();
    let (mut a, mut b) = (start.clone(), start.clone());
    let gone = b.events.remove(3).id.clone();
    headline(&mut a, 3, "Edited while the other deleted it");
    let (a, b) = (saved_and_opened(&mut a), saved_and_opened(&mut b));
    let mut m = merge(None, &a, &b);
    let i = m.conflicts.iter().position(|c| c.id == gone).unwrap();
    assert!(!m.conflicts[i].deleted.is_empty());
    settle(&m, i, Keep::Ours).unwrap().apply(&mut m);
    let saved = saved_and_opened(&mut m);
    for again in [merge(None, &m, &b), merge(None, &saved, &b)] {
        assert!(again.conflicts.is_empty(), "{:?}", again.conflicts);
        assert!(again.event(&gone).is_some(), "kept, as settled");
    }
}

/// Issue 27, item 3: a typo's actor merged into the right one in one copy
/// stays merged when the other copy, which still names the typo (and tags
/// a new event with it), is merged in, with or without their ancestor.
#[test]
fn an_actor_merged_into_another_stays_merged_across_copies() {
    let mut start = sample_workspace();
    new_event(&mut start, "Typo's meeting", "Jake Sulliva");
    let start = saved_and_opened(&mut start);
    let typo = start.actor_by_name("Jake Sulliva").unwrap().id.clone();
    let right = start.actor_by_name("Jake Sullivan").unwrap().id.clone();
    let (mut mine, mut theirs) = (start.clone(), start.clone());
    // Mine: the typo merged into the right actor.
    detente::core::curate::merge_actors_edit(&mine, &typo, &right)
        .unwrap()
        .apply(&mut mine);
    let mine = saved_and_opened(&mut mine);
    // Theirs: a new event still naming the typo.
    let art = theirs.articles[0].id.clone();
    let text = theirs.articles[0].text.clone();
    let added = ops::tag_new_event(
        &mut theirs,
        &art,
        Anchor::from_range(&text, 2, 14).unwrap(),
        NewEvent {
            headline: "Named with the typo".into(),
            kind: "042".into(),
            actors: vec![(typo.clone(), Role::Source)],
            ..Default::default()
        },
    )
    .unwrap();
    let theirs = saved_and_opened(&mut theirs);
    for base in [None, Some(&start)] {
        for (a, b) in [(&mine, &theirs), (&theirs, &mine)] {
            let m = merge(base, a, b);
            sound(&m);
            assert!(m.actors.iter().all(|x| x.id != typo), "the typo came back");
            let e = m.event(&added).unwrap();
            assert_eq!(e.actors[0].actor, right);
            assert!(
                m.conflicts.iter().all(|c| c.kind != "actor"),
                "{:?}",
                m.conflicts
            );
        }
    }
}

/// Own codes are joined by their code: each copy's new codes and the
/// events using them arrive, a renamed code is taken from the copy that
/// renamed it, and the same code changed two ways is a conflict to settle.
#[test]
fn own_codes_merge_by_their_code() {
    use detente::core::codebook::{add_type_edit, change_type_edit};
    use detente::core::vocab::EventType;
    let own = |code: &str, label: &str| EventType {
        code: code.into(),
        label: label.into(),
        colour: "#336699".into(),
        parent: "04".into(),
        ..Default::default()
    };
    let mut base = sample_workspace();
    add_type_edit(&base, own("track-ii", "Track II"))
        .unwrap()
        .apply(&mut base);
    let (mut a, mut b) = (base.clone(), base.clone());
    add_type_edit(&a, own("backchannel", "Backchannel"))
        .unwrap()
        .apply(&mut a);
    let ea = new_event(&mut a, "Quiet channel", "Wang Yi");
    a.event_mut(&ea).unwrap().kind = "backchannel".into();
    add_type_edit(&b, own("academic", "Academic exchange"))
        .unwrap()
        .apply(&mut b);
    let mut renamed = b.event_type("track-ii").unwrap().clone();
    renamed.label = "Track two dialogue".into();
    change_type_edit(&b, renamed)
        .unwrap()
        .unwrap()
        .apply(&mut b);
    let m = merge(Some(&base), &a, &b);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert!(m.event_type("backchannel").is_some() && m.event_type("academic").is_some());
    assert_eq!(
        m.event_type("track-ii").unwrap().label,
        "Track two dialogue"
    );
    assert_eq!(m.event(&ea).unwrap().kind, "backchannel");
    sound(&m);
    // Renamed two ways: one conflict, on that code.
    let mut other = a.event_type("track-ii").unwrap().clone();
    other.label = "Second track".into();
    change_type_edit(&a, other).unwrap().unwrap().apply(&mut a);
    let m = merge(Some(&base), &a, &b);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert!(format!("{:?}", m.conflicts[0]).contains("track-ii"));
    sound(&m);
}
