//! The window, driven through AccessKit with egui_kittest.

use detente::ui::DetenteApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(app: DetenteApp) -> Harness<'static, DetenteApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut DetenteApp| app.frame(ui), app)
}

#[test]
fn opens_the_sample_and_clicking_an_event_opens_its_article() {
    let mut h = harness(DetenteApp::open(None));
    h.run();
    let first = h.state().ws.articles[0].id.clone();
    assert_eq!(h.state().selected_article.as_deref(), Some(first.as_str()));
    // An event whose first passage is in another article.
    let (event, article, headline) = {
        let ws = &h.state().ws;
        let e = ws
            .events
            .iter()
            .find(|e| e.evidence[0].article != first)
            .expect("the sample has events in several articles");
        (
            e.id.clone(),
            e.evidence[0].article.clone(),
            e.headline.clone(),
        )
    };
    h.get_by_label_contains(&headline).click();
    h.run();
    assert_eq!(h.state().selected_event.as_deref(), Some(event.as_str()));
    assert_eq!(
        h.state().selected_article.as_deref(),
        Some(article.as_str())
    );
    // The reader shows that article's title as its heading.
    let title = h.state().ws.article(&article).unwrap().title.clone();
    assert!(
        h.query_all_by_label(&title).count() >= 2,
        "title in the library and the reader header"
    );
}

#[test]
fn the_library_filter_searches_full_text() {
    let mut h = harness(DetenteApp::open(None));
    h.run();
    let titles: Vec<String> = h
        .state()
        .ws
        .articles
        .iter()
        .map(|a| a.title.clone())
        .collect();
    h.get_by_label("Filter").click();
    h.get_by_label("Filter").type_text("Kritenbrink");
    h.run();
    assert_eq!(h.state().filter, "Kritenbrink");
    // The selected article's title also heads the reader; count library rows only.
    let selected = h.state().selected_article.clone().unwrap();
    let selected_title = h.state().ws.article(&selected).unwrap().title.clone();
    let in_library =
        |t: &String| h.query_all_by_label(t).count() - usize::from(*t == selected_title);
    let shown: Vec<&String> = titles.iter().filter(|t| in_library(t) > 0).collect();
    assert_eq!(
        shown.len(),
        1,
        "only the Caliber.az article mentions Kritenbrink: {shown:?}"
    );
    assert!(shown[0].contains("constructive talks in Beijing"));
}

#[test]
fn a_damaged_file_names_the_problem_and_keeps_the_window_usable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.detente");
    std::fs::write(&path, b"{\"format\":\"detente-workspace\",\"version\":1,").unwrap();
    let mut h = harness(DetenteApp::open(Some(path.clone())));
    h.run();
    let err = h.state().error.clone().expect("an error is shown");
    assert!(err.contains("broken.detente"), "{err}");
    assert!(h.query_by_label_contains("broken.detente").is_some());
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.state().error.is_none());
    assert_eq!(
        std::fs::read(&path).unwrap().len(),
        42,
        "the file is untouched"
    );
}
