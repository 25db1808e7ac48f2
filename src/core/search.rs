//! Full-text filtering of the library: which articles contain a word or
//! phrase, case-insensitively, in the title, the outlet, the byline, the
//! article's notes or anywhere in the text (a researcher narrows a corpus
//! to one agency or one correspondent as often as to one word).
//!
//! A case-insensitive literal regex (Unicode simple case folding) scans
//! the texts with SIMD prefilters, so there is no lower-cased copy of the
//! corpus to build or keep; the articles are split between the cores.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::model::Workspace;
use regex::{Regex, RegexBuilder};

/// A compiled query. Whitespace inside the query matches any run of
/// whitespace, so a phrase copied across a line break still matches.
pub struct Query {
    re: Option<Regex>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        let words: Vec<String> = text.split_whitespace().map(regex::escape).collect();
        if words.is_empty() {
            return Query { re: None };
        }
        let re = RegexBuilder::new(&words.join(r"\s+"))
            .case_insensitive(true)
            .size_limit(1 << 22)
            .build()
            .ok();
        Query { re }
    }

    /// True when the query is empty: everything matches.
    pub fn is_empty(&self) -> bool {
        self.re.is_none()
    }

    pub fn matches(&self, s: &str) -> bool {
        self.re.as_ref().is_none_or(|re| re.is_match(s))
    }

    /// The byte ranges of the matches in `s` (none for an empty query).
    pub fn find<'s>(&'s self, s: &'s str) -> impl Iterator<Item = (usize, usize)> + 's {
        self.re
            .iter()
            .flat_map(move |re| re.find_iter(s).map(|m| (m.start(), m.end())))
    }
}

/// Indexes of the articles matching `query`, in workspace order.
pub fn matching_articles(ws: &Workspace, query: &str) -> Vec<usize> {
    let q = Query::new(query);
    if q.is_empty() {
        return (0..ws.articles.len()).collect();
    }
    let hit = |i: usize| {
        let a = &ws.articles[i];
        [&a.title, &a.outlet, &a.byline, &a.notes, &a.text]
            .iter()
            .any(|f| q.matches(f))
    };
    let n = ws.articles.len();
    let threads = std::thread::available_parallelism()
        .map(|t| t.get())
        .unwrap_or(1)
        .min(8);
    if threads < 2 || n < 64 {
        return (0..n).filter(|&i| hit(i)).collect();
    }
    // Interleave articles between threads so one huge article does not
    // leave the other cores idle.
    let mut flags = vec![false; n];
    std::thread::scope(|s| {
        let hit = &hit;
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    (t..n)
                        .step_by(threads)
                        .filter(|&i| hit(i))
                        .collect::<Vec<usize>>()
                })
            })
            .collect();
        for h in handles {
            for i in h.join().unwrap_or_default() {
                flags[i] = true;
            }
        }
    });
    (0..n).filter(|&i| flags[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Article;

    fn ws(texts: &[&str]) -> Workspace {
        let mut ws = Workspace::new("t");
        for (i, t) in texts.iter().enumerate() {
            ws.articles.push(std::sync::Arc::new(Article {
                id: format!("art_{i}"),
                ..Article::new(&format!("Title {i}"), t)
            }));
        }
        ws
    }

    #[test]
    fn case_insensitive_words_phrases_and_titles() {
        let w = ws(&[
            "Wang Yi met Jake Sullivan in VIENNA.",
            "The talks in\nVienna were candid.",
            "Ελλάδα και Κίνα",
            "(a+b) is not a regex",
        ]);
        assert_eq!(matching_articles(&w, "vienna"), vec![0, 1]);
        assert_eq!(matching_articles(&w, "in   vienna"), vec![0, 1]);
        assert_eq!(matching_articles(&w, "ΕΛΛΆΔΑ"), vec![2]);
        assert_eq!(matching_articles(&w, "(A+B)"), vec![3]);
        assert_eq!(matching_articles(&w, "title 2"), vec![2]);
        assert_eq!(matching_articles(&w, "  "), vec![0, 1, 2, 3]);
        assert!(matching_articles(&w, "zeppelin").is_empty());
    }

    #[test]
    fn outlet_byline_and_notes_are_searched_too() {
        let mut w = ws(&["Talks resumed.", "Talks resumed.", "Talks resumed."]);
        let mut a = (*w.articles[0]).clone();
        a.outlet = "Reuters".into();
        w.articles[0] = std::sync::Arc::new(a);
        let mut b = (*w.articles[1]).clone();
        b.byline = "Susan Heavey".into();
        b.notes = "Ask the desk about the Vienna leak".into();
        w.articles[1] = std::sync::Arc::new(b);
        assert_eq!(matching_articles(&w, "reuters"), vec![0]);
        assert_eq!(matching_articles(&w, "heavey"), vec![1]);
        assert_eq!(matching_articles(&w, "vienna leak"), vec![1]);
        assert_eq!(matching_articles(&w, "talks"), vec![0, 1, 2]);
    }

    #[test]
    fn threads_give_the_same_answer_in_order() {
        let texts: Vec<String> = (0..500)
            .map(|i| {
                if i % 7 == 0 {
                    format!("article {i} mentions the Embassy")
                } else {
                    format!("article {i}")
                }
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let w = ws(&refs);
        let want: Vec<usize> = (0..500).filter(|i| i % 7 == 0).collect();
        assert_eq!(matching_articles(&w, "embassy"), want);
    }
}
