//! Coded retrieval, as QDA tools call it: every passage for an actor, an
//! event type, a tag or a memo, with its quote in context, its article and
//! the dates, in the order events are listed everywhere (`core::order`).
//! The Retrieve tab shows it; its CSV and Markdown forms are written here
//! so the view and what it exports never differ.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::codebook::ancestors;
use crate::core::model::{Id, Workspace};
use crate::core::vocab::is_cameo;

/// What to retrieve passages for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// Events naming this actor.
    Actor(Id),
    /// Events of this type, or of a type under it ("04" takes 040-046).
    Type(String),
    /// Events with this tag.
    Tag(String),
    /// The passages a memo links, and those of the events it links.
    Memo(Id),
}

/// One passage retrieved.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub event: Id,
    pub headline: String,
    /// The event's date in words ("10-11 May 2023"), or empty.
    pub date: String,
    /// The same as EDTF ("2023-05-10/2023-05-11"), for a spreadsheet.
    pub date_edtf: String,
    /// The event's type, code and name ("044 Meet at a third location").
    pub event_type: String,
    /// The actors the event names, "; "-separated.
    pub actors: String,
    pub passage: Id,
    pub article: Id,
    pub article_title: String,
    pub outlet: String,
    /// The article's publication date in words, or empty.
    pub published: String,
    /// The same as EDTF.
    pub published_edtf: String,
    pub prefix: String,
    pub quote: String,
    pub suffix: String,
}

impl Hit {
    /// Where the passage is from: title, outlet and publication date, those
    /// known, joined by `sep`.
    pub fn source(&self, sep: &str) -> String {
        [
            self.article_title.as_str(),
            self.outlet.as_str(),
            self.published.as_str(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
    }

    /// The event it is evidence for: its headline, and its date if any.
    pub fn event_words(&self) -> String {
        if self.date.is_empty() {
            self.headline.clone()
        } else {
            format!("{}, {}", self.headline, self.date)
        }
    }
}

/// Every passage `q` asks for.
pub fn retrieve(ws: &Workspace, q: &Query) -> Vec<Hit> {
    let linked: std::collections::HashSet<Id> = match q {
        Query::Memo(m) => ws
            .memo(m)
            .map(|m| {
                crate::core::memo::links(&m.text)
                    .into_iter()
                    .map(|l| l.target)
                    .collect()
            })
            .unwrap_or_default(),
        _ => Default::default(),
    };
    let mut out = vec![];
    for e in crate::core::order::events_in_order(ws) {
        let event_in = match q {
            Query::Actor(a) => e.actors.iter().any(|r| &r.actor == a),
            // A CAMEO code takes the codes under it ("04" takes 040-046)
            // and the own types under those; an own type takes its own.
            Query::Type(t) => {
                !t.is_empty()
                    && (e.kind == *t
                        || (is_cameo(t) && is_cameo(&e.kind) && e.kind.starts_with(t.as_str()))
                        || ancestors(ws, &e.kind).any(|a| a == t))
            }
            Query::Tag(t) => e.tags.iter().any(|x| x == t),
            Query::Memo(_) => linked.contains(&e.id),
        };
        for p in &e.evidence {
            if !(event_in || linked.contains(&p.id)) {
                continue;
            }
            let a = ws.article(&p.article);
            let edtf = |d: Option<&crate::dates::edtf::DateValue>| {
                d.map(|d| d.edtf().to_string()).unwrap_or_default()
            };
            out.push(Hit {
                event: e.id.clone(),
                headline: e.headline.clone(),
                date: e.date.as_ref().map(|d| d.human()).unwrap_or_default(),
                date_edtf: edtf(e.date.as_ref()),
                event_type: ws
                    .event_type(&e.kind)
                    .map_or_else(|| e.kind.clone(), |t| t.shown()),
                actors: (e.actors.iter())
                    .filter_map(|r| ws.actor(&r.actor))
                    .map(|x| x.name.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                published_edtf: edtf(a.and_then(|a| a.published.as_ref())),
                passage: p.id.clone(),
                article: p.article.clone(),
                article_title: a.map(|a| a.title.clone()).unwrap_or_default(),
                outlet: a.map(|a| a.outlet.clone()).unwrap_or_default(),
                published: a
                    .and_then(|a| a.published.as_ref())
                    .map(|d| d.human())
                    .unwrap_or_default(),
                prefix: p.anchor.prefix.clone(),
                quote: p.anchor.exact.clone(),
                suffix: p.anchor.suffix.clone(),
            });
        }
    }
    out
}

/// The hits as a Markdown list a memo or an email can take: the quote, then
/// where it is from and which event it is evidence for.
pub fn to_markdown(hits: &[Hit]) -> String {
    let line = crate::text::normalise::one_line;
    hits.iter()
        .map(|h| {
            format!(
                "- “{}” — {} ({})\n",
                line(&h.quote),
                line(&h.source(", ")),
                line(&h.event_words())
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passages_are_retrieved_by_actor_type_tag_and_memo() {
        let ws = crate::core::sample::sample_workspace();
        let wang = ws.actor_by_name("Wang Yi").unwrap().id.clone();
        let by_actor = retrieve(&ws, &Query::Actor(wang.clone()));
        assert!(!by_actor.is_empty());
        for h in &by_actor {
            let e = ws.event(&h.event).unwrap();
            assert!(e.actors.iter().any(|r| r.actor == wang));
            let p = e.evidence.iter().find(|p| p.id == h.passage).unwrap();
            assert_eq!(p.anchor.exact, h.quote);
            assert!(!h.article_title.is_empty());
        }
        let passages_naming_wang: usize = ws
            .events
            .iter()
            .filter(|e| e.actors.iter().any(|r| r.actor == wang))
            .map(|e| e.evidence.len())
            .sum();
        assert_eq!(by_actor.len(), passages_naming_wang);
        // A root code takes the types under it.
        let root = retrieve(&ws, &Query::Type("04".into()));
        // The sample's own "back-channel" type sits under 04.
        assert!(root.iter().all(|h| {
            let kind = &ws.event(&h.event).unwrap().kind;
            kind.starts_with("04") || crate::core::codebook::ancestors(&ws, kind).any(|a| a == "04")
        }));
        assert!(
            root.iter()
                .any(|h| ws.event(&h.event).unwrap().kind == "back-channel")
        );
        assert!(root.len() >= retrieve(&ws, &Query::Type("044".into())).len());
        assert!(retrieve(&ws, &Query::Type(String::new())).is_empty());
        // Own types: by their code only ("track-ii" is not "track-ii-2"),
        // and under the CAMEO root they sit under.
        let mut own = ws.clone();
        for (code, parent) in [("track-ii", "04"), ("track-ii-2", "")] {
            own.vocabularies
                .event_types
                .push(crate::core::vocab::EventType {
                    code: code.into(),
                    label: code.into(),
                    colour: "#123456".into(),
                    parent: parent.into(),
                    ..Default::default()
                });
        }
        std::sync::Arc::make_mut(&mut own.events[0]).kind = "track-ii".into();
        std::sync::Arc::make_mut(&mut own.events[1]).kind = "track-ii-2".into();
        let first = |q: &str| -> Vec<String> {
            let mut v: Vec<String> = retrieve(&own, &Query::Type(q.into()))
                .into_iter()
                .map(|h| h.event)
                .collect();
            v.dedup();
            v
        };
        assert_eq!(first("track-ii"), [own.events[0].id.clone()]);
        assert!(first("04").contains(&own.events[0].id));
        assert!(!first("04").contains(&own.events[1].id));
        // A memo: the passage it links, and every passage of the event it links.
        let e = &ws.events[0];
        let other = &ws.events[1];
        let mut m = crate::core::memo::new_memo("Why");
        m.text = format!(
            "See [this](detente:{}) and [that event](detente:{}).",
            other.evidence[0].id, e.id
        );
        let mut ws = ws.clone();
        let id = m.id.clone();
        ws.memos.push(m);
        let hits = retrieve(&ws, &Query::Memo(id));
        assert_eq!(hits.len(), e.evidence.len() + 1);
        let md = to_markdown(&hits);
        assert_eq!(md.lines().count(), hits.len());
        assert!(md.starts_with("- “"), "{md}");
    }
}
