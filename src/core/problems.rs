//! The soundness check of a workspace (`detente validate`, and every
//! load): ids unique and referenced, anchors inside their text and equal
//! to their quote, dates valid EDTF, colours and sizes within limits. A
//! workspace from someone else is untrusted input; this says exactly what
//! is wrong and where.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::limits::article_over_limits;
use crate::core::lineage;
use crate::core::model::{FORMAT, Workspace};
use crate::core::parallel::parallel_map;
use crate::text::normalise::{short, text_hash};
use std::collections::HashSet;

impl Workspace {
    /// Every problem in the workspace; empty when it is sound.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = vec![];
        let mut p = |place: String, message: String| out.push(Problem { place, message });
        if self.format != FORMAT {
            p(
                "format".into(),
                format!("expected \"{FORMAT}\", found \"{}\"", self.format),
            );
        }
        // Every id in the file, in one set sized up front; FxHash because
        // SipHash's protection against crafted collisions buys nothing for
        // ids this set only compares.
        let n_ids = self.articles.len()
            + self.actors.len()
            + self.memos.len()
            + self
                .events
                .iter()
                .map(|e| 1 + e.evidence.len())
                .sum::<usize>();
        let mut ids: rustc_hash::FxHashSet<&str> =
            rustc_hash::FxHashSet::with_capacity_and_hasher(n_ids, Default::default());
        // Places are only written out for a problem: a sound workspace
        // of 100,000 objects should not format 100,000 strings to say so.
        fn check_id<'a>(
            ids: &mut rustc_hash::FxHashSet<&'a str>,
            place: &dyn Fn() -> String,
            id: &'a str,
            p: &mut dyn FnMut(String, String),
        ) {
            if id.is_empty() || id.len() > 100 {
                p(place(), "id is empty or too long".into());
            } else if !ids.insert(id) {
                p(place(), format!("id {id} is used more than once"));
            }
        }
        let mut type_codes = HashSet::new();
        for (i, t) in self.vocabularies.event_types.iter().enumerate() {
            let place = format!("vocabularies.event_types[{i}]");
            if t.code.trim().is_empty() || !type_codes.insert(t.code.as_str()) {
                p(
                    place.clone(),
                    format!("event type code \"{}\" is empty or repeated", t.code),
                );
            }
            if crate::core::vocab::parse_colour(&t.colour).is_none() {
                p(place, format!("colour \"{}\" is not #rrggbb", t.colour));
            }
        }
        // Hashing every text is the costly part of a check: share it
        // between the cores.
        let hash_ok = parallel_map(&self.articles, |a| text_hash(&a.text) == a.text_hash);
        let mut article_at: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for (i, a) in self.articles.iter().enumerate() {
            let place = || format!("articles[{i}] ({})", a.id);
            check_id(&mut ids, &place, &a.id, &mut p);
            for message in article_over_limits(a) {
                p(place(), message);
            }
            if !hash_ok[i] {
                p(
                    place(),
                    "text_hash does not match the text (the text was changed outside Detente)"
                        .into(),
                );
            }
            article_at.insert(&a.id, i);
        }
        let actor_ids: rustc_hash::FxHashSet<&str> =
            self.actors.iter().map(|a| a.id.as_str()).collect();
        for (i, a) in self.actors.iter().enumerate() {
            let place = || format!("actors[{i}] ({})", a.id);
            check_id(&mut ids, &place, &a.id, &mut p);
            if a.name.trim().is_empty() {
                p(place(), "actor has no name".into());
            }
        }
        // A memo's links may name what was deleted since: the notebook
        // shows them as broken, so they are not a problem of the file.
        for (i, m) in self.memos.iter().enumerate() {
            let place = || format!("memos[{i}] ({})", m.id);
            check_id(&mut ids, &place, &m.id, &mut p);
            if m.title.len() > crate::core::limits::MAX_SHORT_FIELD {
                p(place(), "memo title is too long".into());
            }
            if m.text.len() > crate::core::limits::MAX_ARTICLE_CHARS {
                p(place(), "memo text is too long".into());
            }
        }
        let mut by_article: Vec<Vec<(usize, usize)>> = vec![vec![]; self.articles.len()];
        for (i, e) in self.events.iter().enumerate() {
            let place = || format!("events[{i}] ({})", e.id);
            check_id(&mut ids, &place, &e.id, &mut p);
            if !type_codes.contains(e.kind.as_str()) {
                p(
                    place(),
                    format!("event type \"{}\" is not in the vocabulary", e.kind),
                );
            }
            for (j, r) in e.actors.iter().enumerate() {
                if !actor_ids.contains(r.actor.as_str()) {
                    p(
                        format!("{}.actors[{j}]", place()),
                        format!("unknown actor {}", r.actor),
                    );
                }
            }
            for (j, ps) in e.evidence.iter().enumerate() {
                let pplace = || format!("{}.evidence[{j}] ({})", place(), ps.id);
                check_id(&mut ids, &pplace, &ps.id, &mut p);
                match article_at.get(ps.article.as_str()) {
                    None => p(
                        pplace(),
                        format!("points at unknown article {}", ps.article),
                    ),
                    Some(&a) => by_article[a].push((i, j)),
                }
            }
        }
        // An orphan waits to be placed again: its passage id must stay
        // unique, or placing it would make two passages one. (Its event or
        // article may since have been deleted: it is then never shown.)
        for (k, o) in self.orphans.iter().enumerate() {
            let place = || format!("orphans[{k}] ({})", o.passage.id);
            check_id(&mut ids, &place, &o.passage.id, &mut p);
        }
        // Quotes are checked article by article, on every core; each text
        // is walked once to find the byte offsets of the chars passages need.
        let indexed: Vec<(usize, &Vec<(usize, usize)>)> = by_article
            .iter()
            .enumerate()
            .filter(|(_, ps)| !ps.is_empty())
            .collect();
        let found = parallel_map(&indexed, |&(a, passages)| {
            let text = &self.articles[a].text;
            let mut wanted: Vec<usize> = passages
                .iter()
                .flat_map(|&(i, j)| {
                    let an = &self.events[i].evidence[j].anchor;
                    [an.start, an.end]
                })
                .collect();
            wanted.sort_unstable();
            wanted.dedup();
            let (n, bytes) = byte_offsets(text, &wanted);
            let byte = |c: usize| wanted.binary_search(&c).ok().and_then(|k| bytes[k]);
            let mut problems = vec![];
            for &(i, j) in passages {
                let e = &self.events[i];
                let ps = &e.evidence[j];
                let an = &ps.anchor;
                let pplace = || format!("events[{i}] ({}).evidence[{j}] ({})", e.id, ps.id);
                if an.start >= an.end || an.end > n {
                    problems.push((
                        pplace(),
                        format!(
                            "offsets {}..{} are outside the article's {n} chars",
                            an.start, an.end
                        ),
                    ));
                } else if byte(an.start)
                    .zip(byte(an.end))
                    .is_none_or(|(s, t)| text[s..t] != an.exact)
                {
                    problems.push((
                        pplace(),
                        format!(
                            "the quote \"{}\" does not match the text at {}..{}",
                            short(&an.exact),
                            an.start,
                            an.end
                        ),
                    ));
                }
            }
            problems
        });
        for (place, message) in found.into_iter().flatten() {
            p(place, message);
        }
        // What earlier saves noted: small, of a known shape, or refused.
        let pasts = (self.articles.iter().map(|a| ("article", &a.id, &a.past)))
            .chain(self.events.iter().map(|e| ("event", &e.id, &e.past)))
            .chain(self.actors.iter().map(|a| ("actor", &a.id, &a.past)))
            .chain(self.memos.iter().map(|m| ("memo", &m.id, &m.past)));
        for (kind, id, past) in pasts {
            if let Some(message) = lineage::past_problem(past) {
                p(format!("{kind} {id}: past"), message);
            }
        }
        if let Some(message) = lineage::removed_problem(&self.removed) {
            p("removed".into(), message);
        }
        out
    }
}

/// Where a problem was found and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// The number of chars in `text` and the byte offset of each char
/// position in `wanted` (sorted; None past the end), in one pass.
fn byte_offsets(text: &str, wanted: &[usize]) -> (usize, Vec<Option<usize>>) {
    if text.is_ascii() {
        let n = text.len();
        return (n, wanted.iter().map(|&c| (c <= n).then_some(c)).collect());
    }
    let mut out = vec![None; wanted.len()];
    let mut k = 0;
    let mut n = 0;
    for (c, (b, _)) in text.char_indices().enumerate() {
        while k < wanted.len() && wanted[k] == c {
            out[k] = Some(b);
            k += 1;
        }
        n = c + 1;
    }
    while k < wanted.len() && wanted[k] == n {
        out[k] = Some(text.len());
        k += 1;
    }
    (n, out)
}
