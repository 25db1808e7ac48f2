//! Search everything (the window's Ctrl/Cmd+Shift+F): one query over the
//! articles' titles and texts, the passages' quotes, the events'
//! headlines, places and notes, the memos' titles and texts, and the
//! actors' names and aliases, each hit with the match in its context and
//! where to go (the article and the match's chars, the event, the memo, the
//! actor). Hits come grouped by kind, the most telling first (titles and
//! headlines before running text); within a kind a match of whole words
//! ranks before one at the start of a word, and that before one inside a
//! word, then workspace order. An article's text gives at most a few hits,
//! so one long text does not fill the list.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::model::{Id, Workspace};
use crate::core::search::Query;

/// What a hit is in, in the order results are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    ArticleTitle,
    Headline,
    Memo,
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
            Kind::Memo => "Memos",
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
    pub memo: Option<Id>,
    /// The match's chars in the article's text (article texts and quotes).
    pub chars: Option<(usize, usize)>,
    /// The match with some words around it, and the match's byte range in
    /// this context.
    pub context: String,
    pub matched: (usize, usize),
    /// How well it matched: 2 whole words, 1 the start of a word, 0 inside one.
    pub fit: u8,
}

/// 2 when the match at bytes `a..b` of `s` is whole words, 1 when it
/// starts a word, 0 when it starts inside one.
fn fit(s: &str, a: usize, b: usize) -> u8 {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let starts = !word(s[..a].chars().next_back());
    let ends = !word(s[b..].chars().next());
    match (starts, ends) {
        (true, true) => 2,
        (true, false) => 1,
        _ => 0,
    }
}

/// The best match of `q` in `s` (whole words first, then the earliest).
fn best(q: &Query, s: &str) -> Option<(usize, usize)> {
    q.find(s)
        .max_by_key(|&(a, b)| (fit(s, a, b), std::cmp::Reverse(a)))
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
                memo: None,
                chars: None,
                context,
                matched,
                fit: fit(s, a, b),
            }
        };
    for a in &ws.articles {
        if let Some((s, e)) = best(&q, &a.title) {
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
            if let Some((s, en)) = best(&q, text) {
                out.push(hit(kind, text, s, en, None, Some(&e.id), None));
            }
        }
        for p in &e.evidence {
            if let Some((s, en)) = best(&q, &p.anchor.exact) {
                // Where the match is in the article: the quote's start
                // plus the chars before the match in the quote.
                let before = p.anchor.exact[..s].chars().count();
                let len = p.anchor.exact[s..en].chars().count();
                let at = p.anchor.start + before;
                out.push(hit(
                    Kind::Quote,
                    &p.anchor.exact,
                    s,
                    en,
                    Some(&p.article),
                    Some(&e.id),
                    None,
                ));
                if let Some(h) = out.last_mut() {
                    h.chars = Some((at, at + len));
                }
            }
        }
    }
    for m in &ws.memos {
        // The text as a reader sees it: a link's words, not its syntax.
        let shown = crate::core::memo::plain(&m.text);
        for text in [&m.title, &shown] {
            if let Some((s, e)) = best(&q, text) {
                let mut h = hit(Kind::Memo, text, s, e, None, None, None);
                h.memo = Some(m.id.clone());
                out.push(h);
                break;
            }
        }
    }
    for a in &ws.actors {
        if let Some(name) = std::iter::once(&a.name)
            .chain(&a.aliases)
            .find(|n| q.find(n).next().is_some())
            && let Some((s, e)) = best(&q, name)
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
        // Whole words first, then in reading order.
        let mut found: Vec<(usize, usize)> = q.find(&a.text).collect();
        found.sort_by_key(|&(s, e)| (std::cmp::Reverse(fit(&a.text, s, e)), s));
        for (s, e) in found.into_iter().take(PER_TEXT) {
            let mut h = hit(Kind::ArticleText, &a.text, s, e, Some(&a.id), None, None);
            h.chars = Some((index.char_of_byte(s), index.char_of_byte(e)));
            out.push(h);
        }
    }
    out.sort_by_key(|h| (h.kind, std::cmp::Reverse(h.fit)));
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
        // So does a quote's: its chars are the match's in the article.
        for h in hits.iter().filter(|h| h.kind == Kind::Quote) {
            let a = ws.article(h.article.as_ref().unwrap()).unwrap();
            let (s, e) = h.chars.unwrap();
            let found: String = a.text.chars().skip(s).take(e - s).collect();
            assert!(found.eq_ignore_ascii_case("vienna"), "{found}");
        }
        // Actors by alias too; nothing for nothing.
        assert!(search(&ws, "  ", 10).is_empty());
        assert!(search(&ws, "zeppelin", 10).is_empty());
    }

    #[test]
    fn whole_words_rank_before_parts_of_words_within_a_kind() {
        let mut ws = Workspace::new("t");
        for (title, text) in [
            ("Talking points", "They kept talking."),
            ("Pretalks begin", "Pretalks then talks."),
            ("The talks", "No talks today; talks tomorrow."),
        ] {
            ws.articles
                .push(crate::core::model::Article::new(title, text).into());
        }
        let mut m = crate::core::memo::new_memo("Why talks failed");
        m.text = "Nothing here".into();
        ws.memos.push(m.clone());
        let hits = search(&ws, "talks", 100);
        let titles: Vec<&str> = hits
            .iter()
            .filter(|h| h.kind == Kind::ArticleTitle)
            .map(|h| h.context.as_str())
            .collect();
        // "The talks" (a word), then "Pretalks" (inside one); "Talking"
        // does not contain "talks" at all.
        assert_eq!(titles, vec!["The talks", "Pretalks begin"]);
        // The memo, by its title, between headlines and actors.
        let memo = hits.iter().find(|h| h.kind == Kind::Memo).unwrap();
        assert_eq!(memo.memo.as_ref(), Some(&m.id));
        assert_eq!(memo.fit, 2);
        // In a text, the whole word is shown before the part of a word.
        let text: Vec<&Hit> = hits
            .iter()
            .filter(|h| h.kind == Kind::ArticleText && h.context.starts_with("Pretalks"))
            .collect();
        assert_eq!(text[0].fit, 2, "{text:?}");
        assert_eq!(text[1].fit, 0);
    }

    #[test]
    fn a_memo_is_found_by_the_words_of_its_links_and_shown_without_syntax() {
        let mut ws = Workspace::new("t");
        let mut m = crate::core::memo::new_memo("Dating");
        m.text = format!(
            "As {} says.",
            crate::core::memo::link_markdown("the Vienna readout", "psg_01x")
        );
        ws.memos.push(m);
        let hits = search(&ws, "vienna readout", 10);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].context, "As the Vienna readout says.");
        assert!(search(&ws, "psg_01x", 10).is_empty(), "ids are not words");
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
