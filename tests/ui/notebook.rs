//! The research notebook (issue 19): writing a memo, linking with `[[`, following
//! a link, the memos shown beside what they link, and Search everything.

use super::*;

/// Open the Notebook and start a new memo.
fn new_memo(h: &mut Harness<'static, DetenteApp>) -> String {
    h.get_by_label_contains("Notebook").click();
    h.run();
    h.get_by_label("New memo").click();
    h.run();
    h.state()
        .notebook
        .selected
        .clone()
        .expect("the new memo is shown")
}

#[test]
fn a_memo_written_with_a_link_jumps_to_its_passage() {
    let mut h = sample();
    let id = new_memo(&mut h);
    // The passage the link will name: the Vienna meeting's first quote.
    let (event, passage, article) = {
        let ws = &h.state().ws;
        let e = ws
            .events
            .iter()
            .find(|e| e.headline.contains("Vienna"))
            .expect("the sample has the Vienna meeting");
        (
            e.id.clone(),
            e.evidence[0].id.clone(),
            e.evidence[0].article.clone(),
        )
    };
    h.get_by_label("Title").focus();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Title").type_text("Dating Vienna");
    h.run();
    let text = h.get_by_label(detente::ui::notebook::TEXT_LABEL);
    text.focus();
    text.type_text("Readout: [[");
    h.run();
    assert!(h.state().notebook.picker.is_some(), "[[ opens the picker");
    h.get_by_label(detente::ui::notebook::TEXT_LABEL)
        .type_text("Sullivan Vienna");
    h.run();
    // The picker lists events first; Down moves to the first passage.
    let rows = detente::core::memo::choices(&h.state().ws, "Sullivan Vienna", 8);
    let at = rows
        .iter()
        .position(|c| c.id == passage)
        .expect("the passage is offered");
    for _ in 0..at {
        h.key_press(egui::Key::ArrowDown);
        h.run();
    }
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().notebook.picker.is_none());
    h.get_by_label("Done").click();
    h.run();
    let m = h.state().ws.memo(&id).unwrap().clone();
    assert_eq!(m.title, "Dating Vienna");
    let links = detente::core::memo::links(&m.text);
    assert_eq!(links.len(), 1, "{}", m.text);
    assert_eq!(links[0].target, passage);
    assert!(m.text.starts_with("Readout: ["), "{}", m.text);
    assert!(!m.text.contains("[["), "{}", m.text);
    // The memo is shown beside its passage and on its article's header.
    h.state_mut().selected_event = Some(event.clone());
    h.run();
    let memo_links = |h: &Harness<'static, DetenteApp>| {
        h.query_all_by_role(Role::Link)
            .filter(|n| n.accesskit_node().label().as_deref() == Some("Dating Vienna"))
            .count()
    };
    // In the inspector: under the passage and among the event's memos; and
    // on the header of the passage's article.
    h.state_mut().selected_article = Some(article.clone());
    h.run();
    assert_eq!(memo_links(&h), 3);
    // Reading it: the link is a link, and following it shows the passage.
    h.state_mut().selected_article = h
        .state()
        .ws
        .articles
        .iter()
        .map(|a| a.id.clone())
        .find(|a| *a != article);
    h.state_mut().selected_event = None;
    h.run();
    h.get_by_label(&links[0].label).click();
    h.step();
    h.step();
    // The passage flashes (briefly) in its article, and its event is shown.
    assert_eq!(
        h.state().reader.flash.as_ref().map(|f| &f.0),
        Some(&passage)
    );
    h.run();
    assert_eq!(h.state().selected_article.as_ref(), Some(&article));
    assert_eq!(h.state().selected_event.as_ref(), Some(&event));
}

#[test]
fn a_memo_is_undone_in_steps_and_kept_when_saved_mid_sentence() {
    let mut h = sample();
    let id = new_memo(&mut h);
    let text = h.get_by_label(detente::ui::notebook::TEXT_LABEL);
    text.focus();
    text.type_text("Pattern: every cancelled visit follows a military incident.");
    h.run();
    // Saved while the caret is still in the text: the memo is in the file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notebook.detente");
    h.state_mut().path = Some(path.clone());
    h.state_mut().send(Command::Save);
    h.run();
    h.state_mut().wait_for_saves();
    let saved = detente::core::store::load(&path).unwrap();
    assert_eq!(
        saved.memo(&id).map(|m| m.text.as_str()),
        Some("Pattern: every cancelled visit follows a military incident.")
    );
    // Undo takes the text back in one step, then the memo.
    h.state_mut().send(Command::Undo);
    h.run();
    assert_eq!(h.state().ws.memo(&id).map(|m| m.text.as_str()), Some(""));
    h.state_mut().send(Command::Undo);
    h.run();
    assert!(h.state().ws.memo(&id).is_none());
}

#[test]
fn search_everything_finds_a_phrase_and_opens_it_selected_in_the_text() {
    let mut h = sample();
    // A memo to be found too.
    h.state_mut()
        .new_memo_with("", "Eight hours is long for a first meeting.".into());
    h.run();
    h.state_mut().flush_memo();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::F);
    h.run();
    assert!(h.state().search.open, "Ctrl/Cmd+Shift+F opens the box");
    h.get_by_label("Words or a phrase, in any case:")
        .type_text("eight hours");
    h.run();
    // Grouped: memos before passages before article texts.
    let heads: Vec<String> = h
        .query_all_by_role(Role::Label)
        .filter_map(|n| n.accesskit_node().value())
        .filter(|l| {
            ["Memos (", "Article texts ("]
                .iter()
                .any(|k| l.starts_with(k))
        })
        .collect();
    assert_eq!(heads.len(), 2, "{heads:?}");
    let at = |k: &str| {
        heads
            .iter()
            .position(|l| l.starts_with(k))
            .unwrap_or(usize::MAX)
    };
    assert!(at("Memos") < at("Article texts"), "{heads:?}");
    // Down to the first article text hit, Enter: it is open and selected.
    let hits = h.state().search.hits.clone();
    let i = hits
        .iter()
        .position(|x| x.kind == detente::core::everything::Kind::ArticleText)
        .expect("a text hit");
    for _ in 0..i {
        h.key_press(egui::Key::ArrowDown);
        h.run();
    }
    h.key_press(egui::Key::Enter);
    h.run();
    let app = h.state();
    assert!(!app.search.open);
    assert_eq!(app.selected_article, hits[i].article);
    let (s, e) = app.reader.selection.expect("the match is selected");
    let text = &app
        .ws
        .article(app.selected_article.as_ref().unwrap())
        .unwrap()
        .text;
    let found: String = text.chars().skip(s).take(e - s).collect();
    assert!(found.eq_ignore_ascii_case("eight hours"), "{found}");
    // And the memo hit opens the memo.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::F);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().bottom_tab, detente::ui::app::BottomTab::Notebook);
}

#[test]
fn saving_a_memo_leaves_the_workspace_saved() {
    let mut h = sample();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.detente");
    detente::core::store::save(&h.state().ws, &path).unwrap();
    h.state_mut().send(Command::OpenPath(path.clone()));
    for _ in 0..50 {
        h.run();
        if h.state().path.as_ref() == Some(&path) && h.state().ws.events.len() > 5 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    new_memo(&mut h);
    let text = h.get_by_label(detente::ui::notebook::TEXT_LABEL);
    text.focus();
    text.type_text("Saved once.");
    h.run();
    h.state_mut().send(Command::Save);
    h.run();
    h.state_mut().wait_for_saves();
    // Written on, and saved again: this save notes the text it had before
    // in the memo's lineage (`past`); the open draft must not take that
    // for an edit, now or after the pause that commits drafts.
    h.get_by_label(detente::ui::notebook::TEXT_LABEL)
        .type_text(" Twice.");
    h.run();
    h.state_mut().send(Command::Save);
    h.run();
    h.state_mut().wait_for_saves();
    let id = h.state().notebook.selected.clone().unwrap();
    assert!(
        !h.state().ws.memo(&id).unwrap().past.is_empty(),
        "lineage noted"
    );
    for _ in 0..3 {
        h.run();
    }
    assert!(!h.state().is_dirty(), "saved, and nothing changed since");
    h.state_mut().flush_memo();
    assert!(!h.state().is_dirty());
}

#[test]
fn a_new_memo_on_an_event_links_it_and_keeps_the_event() {
    // A tall window: the button sits below the event's evidence.
    let mut h = sample_sized(1400.0, 2600.0);
    let event = h.state().ws.events[0].id.clone();
    h.state_mut().select_event(&event, false);
    h.run();
    h.get_by_label("New memo on this event").click();
    h.run();
    let id = h
        .state()
        .notebook
        .selected
        .clone()
        .expect("the memo is shown");
    let m = h.state().ws.memo(&id).unwrap().clone();
    let links = detente::core::memo::links(&m.text);
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].target, event);
    assert_eq!(h.state().selected_event.as_ref(), Some(&event));
}

#[test]
fn a_search_selection_stays_in_its_article() {
    let mut h = sample();
    let hit = detente::core::everything::search(&h.state().ws, "eight hours", 50)
        .into_iter()
        .find(|x| x.kind == detente::core::everything::Kind::ArticleText)
        .expect("a text hit");
    h.state_mut().open_hit(&hit);
    h.run();
    assert!(
        h.state().reader.selection.is_some(),
        "the match is selected"
    );
    // A jump to a passage of another article: nothing is selected there.
    let (other, passage) = {
        let ws = &h.state().ws;
        ws.events
            .iter()
            .flat_map(|e| &e.evidence)
            .find(|p| Some(&p.article) != hit.article.as_ref())
            .map(|p| (p.article.clone(), p.id.clone()))
            .unwrap()
    };
    h.state_mut().jump_to_passage(&other, &passage);
    h.run();
    assert_eq!(h.state().selected_article.as_ref(), Some(&other));
    assert_eq!(h.state().reader.selection, None);
    let before = h.state().ws.events.len();
    h.state_mut().send(Command::TagSelection);
    h.run();
    assert_eq!(
        h.state().ws.events.len(),
        before,
        "no event from an old selection"
    );
}

#[test]
fn in_report_ticks_and_unticks() {
    let mut h = sample();
    let id = new_memo(&mut h);
    for want in [true, false, true] {
        h.get_by_label("In report").click();
        h.run();
        assert_eq!(h.state().ws.memo(&id).unwrap().in_report, want);
    }
}
