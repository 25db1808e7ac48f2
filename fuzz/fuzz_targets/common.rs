//! What every import target checks of an article it accepts: its text is
//! normalised, within the limits, and a workspace holding it is sound.
use detente::core::model::Workspace;
use detente::read::prepare::prepare_bytes;

pub fn import(data: &[u8], file_name: &str) {
    if let Ok((article, _)) = prepare_bytes(data, file_name, None) {
        assert_eq!(detente::text::normalise::normalise(&article.text), article.text);
        assert!(detente::core::limits::article_over_limits(&article).is_empty());
        let mut ws = Workspace::new("fuzz");
        ws.articles.push(article.into());
        let problems = ws.problems();
        assert!(problems.is_empty(), "{problems:?}");
    }
}
