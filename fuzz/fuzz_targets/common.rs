//! What every import target checks of an article it accepts: its text is
//! normalised, within the limits, and a workspace holding it is sound.
use detente::core::model::Workspace;
use detente::read::prepare::{prepare_bytes, prepare_bytes_all};

#[allow(dead_code)] // each target uses one of the two
pub fn import(data: &[u8], file_name: &str) {
    if let Ok((article, _)) = prepare_bytes(data, file_name, None) {
        sound(vec![article]);
    }
}

/// Every article a source gives (a feed's items).
#[allow(dead_code)]
pub fn import_all(data: &[u8], file_name: &str) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    if let Ok(all) = prepare_bytes_all(data, file_name, None, today) {
        // A story refused alone is a reason, not an article.
        sound(all.into_iter().filter_map(Result::ok).map(|(a, _)| a).collect());
    }
}

fn sound(articles: Vec<detente::core::model::Article>) {
    let mut ws = Workspace::new("fuzz");
    for article in articles {
        assert_eq!(detente::text::normalise::normalise(&article.text), article.text);
        assert!(detente::core::limits::article_over_limits(&article).is_empty());
        // Feed items can repeat a text: the workspace holds each once.
        if ws.articles.iter().all(|a| a.text_hash != article.text_hash) {
            ws.articles.push(article.into());
        }
    }
    let problems = ws.problems();
    assert!(problems.is_empty(), "{problems:?}");
}
