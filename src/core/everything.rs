//! Search everything (issue 19, item 2): one query over the articles'
//! titles and texts, the passages' quotes, the events' headlines, places
//! and notes, and the actors' names and aliases, each hit with the match in
//! its context and where to go (the article and the match's chars, the
//! event, the actor). Hits come grouped by kind, the most telling first
//! (titles and headlines before running text), in workspace order within a
//! kind; an article's text gives at most a few hits, so one long text does
//! not fill the list.
//!
//! The window's search box is the next step (issue 19 is open); this is
//! its engine, tested and benchmarked on its own.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::model::{Id, Workspace};
use crate::core::search::Query;

/// What a hit is in, in the order results are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    ArticleTitle,
    Headline,
    Actor,
    Place,
    Quote,
    Notes,
    ArticleText,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::ArticleTitle => "Article titles",
            Kind::Headline => "Event headlines",
            Kind::Actor => "Actors",
            Kind::Place => "Places",
            Kind::Quote => "Passages",
            Kind::Notes => "Event notes",
            Kind::ArticleText => "Article texts",
        }
    }
}

/// One hit.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: Kind,
    /// The article whose title, text or passage matched.
    pub article: Option<Id>,
    /// The event whose headline, place, notes or passage matched.
    pub event: Option<Id>,
    pub actor: Option<Id>,
    /// The match's chars in the article's text (article texts only).
    pub chars: Option<(usize, usize)>,
    /// The match with some words around it, and the match's byte range in
    /// this context.
    pub context: String,
    pub matched: (usize, usize),
}

/// Hits per article text at most.
const PER_TEXT: usize = 3;
/// Bytes of context on each side of a match.
const AROUND: usize = 60;

/// The match in `s` at bytes `a..b` with context, and the match's range in it.
fn context(s: &str, a: usize, b: usize) -> (String, (usize, usize)) {
    let mut start = a.saturating_sub(AROUND);
    while !s.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (b + AROUND).min(s.len());
    while !s.is_char_boundary(end) {
        end += 1;
    }
    // Whole words at the edges.
    if start > 0
        && let Some(sp) = s[start..a].find(' ')
    {
        start += sp + 1;
    }
    if end < s.len()
        && let Some(sp) = s[b..end].rfind(' ')
    {
        end = b + sp;
    }
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < s.len() { "…" } else { "" };
    let text = format!("{lead}{}{tail}", &s[start..end]).replace('\n', " ");
    let off = lead.len();
    (text, (a - start + off, b - start + off))
}

/// Every hit of `query` in `ws`, grouped by kind, at most `limit`.
pub fn search(ws: &Workspace, query: &str, limit: usize) -> Vec<Hit> {
    let q = Query::new(query);
    if q.is_empty() {
        return vec![];
    }
    let mut out: Vec<Hit> = vec![];
    let hit =
        |kind, s: &str, a, b, article: Option<&Id>, event: Option<&Id>, actor: Option<&Id>| {
            let (context, matched) = context(s, a, b);
            Hit {
                kind,
                article: article.cloned(),
                event: event.cloned(),
                actor: actor.cloned(),
                chars: None,
                context,
                matched,
            }
        };
    for a in &ws.articles {
        if let Some((s, e)) = q.find(&a.title).next() {
            out.push(hit(
                Kind::ArticleTitle,
                &a.title,
                s,
                e,
                Some(&a.id),
                None,
                None,
            ));
        }
    }
    for e in &ws.events {
        for (kind, text) in [
            (Kind::Headline, &e.headline),
            (Kind::Place, &e.place),
            (Kind::Notes, &e.notes),
        ] {
            if let Some((s, en)) = q.find(text).next() {
                out.push(hit(kind, text, s, en, None, Some(&e.id), None));
            }
        }
        for p in &e.evidence {
            if let Some((s, en)) = q.find(&p.anchor.exact).next() {
                out.push(hit(
                    Kind::Quote,
                    &p.anchor.exact,
                    s,
                    en,
                    Some(&p.article),
                    Some(&e.id),
                    None,
                ));
            }
        }
    }
    for a in &ws.actors {
        if let Some(name) = std::iter::once(&a.name)
            .chain(&a.aliases)
            .find(|n| q.find(n).next().is_some())
            && let Some((s, e)) = q.find(name).next()
        {
            out.push(hit(Kind::Actor, name, s, e, None, None, Some(&a.id)));
        }
    }
    // The texts last, and only while the list has room: the articles that
    // match are found on every core first (most do not).
    for i in crate::core::search::matching_articles(ws, query) {
        if out.len() >= limit {
            break;
        }
        let a = &ws.articles[i];
        let index = crate::text::offsets::CharIndex::new(&a.text);
        for (s, e) in q.find(&a.text).take(PER_TEXT) {
            let mut h = hit(Kind::ArticleText, &a.text, s, e, Some(&a.id), None, None);
            h.chars = Some((index.char_of_byte(s), index.char_of_byte(e)));
            out.push(h);
        }
    }
    out.sort_by_key(|h| h.kind);
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sample::sample_workspace;

    #[test]
    fn one_query_finds_every_kind_grouped_and_in_context() {
        let ws = sample_workspace();
        let hits = search(&ws, "vienna", 100);
        let kinds: Vec<Kind> = hits.iter().map(|h| h.kind).collect();
        let mut sorted = kinds.clone();
        sorted.sort();
        assert_eq!(kinds, sorted, "grouped by kind");
        for k in [Kind::Headline, Kind::Place, Kind::Quote, Kind::ArticleText] {
            assert!(kinds.contains(&k), "{k:?} in {kinds:?}");
        }
        for h in &hits {
            let m = &h.context[h.matched.0..h.matched.1];
            assert!(m.eq_ignore_ascii_case("vienna"), "{m} in {}", h.context);
            assert!(h.context.chars().count() <= 2 * AROUND + 20);
        }
        // A text hit says where in the article it is.
        let t = hits.iter().find(|h| h.kind == Kind::ArticleText).unwrap();
        let a = ws.article(t.article.as_ref().unwrap()).unwrap();
        let (s, e) = t.chars.unwrap();
        let found: String = a.text.chars().skip(s).take(e - s).collect();
        assert!(found.eq_ignore_ascii_case("vienna"));
        // Actors by alias too; nothing for nothing.
        assert!(search(&ws, "  ", 10).is_empty());
        assert!(search(&ws, "zeppelin", 10).is_empty());
    }

    #[test]
    fn a_long_text_gives_a_few_hits_and_the_limit_holds() {
        let mut ws = Workspace::new("t");
        ws.articles.push(
            crate::core::model::Article::new("Talks", &"talks again and ".repeat(500)).into(),
        );
        let hits = search(&ws, "talks", 100);
        assert_eq!(hits[0].kind, Kind::ArticleTitle);
        assert_eq!(
            hits.iter().filter(|h| h.kind == Kind::ArticleText).count(),
            PER_TEXT
        );
        assert_eq!(search(&ws, "talks", 2).len(), 2);
    }
}
