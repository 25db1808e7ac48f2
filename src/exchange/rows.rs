//! The rows every table export shares: one per event (actors, dates at
//! each precision, evidence) or one per passage, in the order of
//! [`crate::core::order`]. CSV and JSON write these rows.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::model::{Event, Workspace};
use crate::core::order::events_in_order;
use crate::exchange::index::Index;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorOut {
    pub id: String,
    pub name: String,
    pub country: String,
    pub sector: String,
    /// CAMEO actor code, country + sector ("USAGOV").
    pub code: String,
    pub role: &'static str,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleRef {
    pub id: String,
    pub title: String,
}

/// One row per event.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventRow {
    pub id: String,
    pub headline: String,
    pub kind: String,
    pub kind_label: String,
    pub date: Option<String>,
    pub earliest: Option<String>,
    pub latest: Option<String>,
    pub status: &'static str,
    pub actors: Vec<ActorOut>,
    pub place: String,
    pub tags: Vec<String>,
    pub passages: usize,
    pub quotes: Vec<String>,
    pub articles: Vec<ArticleRef>,
    /// "sources disagree: ..." when the passages' dates conflict.
    pub disagreement: Option<String>,
    /// Why the event's date stands although its sources disagree (the
    /// reviewer's note), if someone reviewed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_review: Option<String>,
}

/// One row per event x passage.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PassageRow {
    pub event_id: String,
    pub headline: String,
    pub kind: String,
    pub kind_label: String,
    pub date: Option<String>,
    pub earliest: Option<String>,
    pub latest: Option<String>,
    pub status: &'static str,
    pub passage_id: String,
    pub article_id: String,
    pub article_title: String,
    pub outlet: String,
    pub published: Option<String>,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    /// The date this passage's article gives (EDTF), if any.
    pub passage_date: Option<String>,
}

fn dates(e: &Event) -> (Option<String>, Option<String>, Option<String>) {
    match &e.date {
        Some(d) => (
            Some(d.edtf().to_string()),
            d.earliest().map(|x| x.to_string()),
            d.latest().map(|x| x.to_string()),
        ),
        None => (None, None, None),
    }
}

pub fn event_rows(ws: &Workspace) -> Vec<EventRow> {
    let at = Index::new(ws);
    events_in_order(ws)
        .into_iter()
        .map(|e| {
            let (date, earliest, latest) = dates(e);
            let mut articles: Vec<ArticleRef> = vec![];
            for p in &e.evidence {
                if !articles.iter().any(|a| a.id == p.article) {
                    articles.push(ArticleRef {
                        id: p.article.clone(),
                        title: at
                            .articles
                            .get(p.article.as_str())
                            .map(|a| a.title.clone())
                            .unwrap_or_default(),
                    });
                }
            }
            EventRow {
                id: e.id.clone(),
                headline: e.headline.clone(),
                kind: e.kind.clone(),
                kind_label: at.kind_label(&e.kind),
                date,
                earliest,
                latest,
                status: e.status.as_str(),
                actors: e
                    .actors
                    .iter()
                    .filter_map(|r| {
                        let a = at.actors.get(r.actor.as_str())?;
                        Some(ActorOut {
                            id: a.id.clone(),
                            name: a.name.clone(),
                            country: a.country.clone(),
                            sector: a.sector.clone(),
                            code: a.code(),
                            role: r.role.as_str(),
                        })
                    })
                    .collect(),
                place: e.place.clone(),
                tags: e.tags.clone(),
                passages: e.evidence.len(),
                quotes: e.evidence.iter().map(|p| p.anchor.exact.clone()).collect(),
                articles,
                disagreement: e.disagreement(),
                date_review: (!e.date_review.is_empty()).then(|| e.date_review.clone()),
            }
        })
        .collect()
}

pub fn passage_rows(ws: &Workspace) -> Vec<PassageRow> {
    let at = Index::new(ws);
    let mut rows = vec![];
    for e in events_in_order(ws) {
        let (date, earliest, latest) = dates(e);
        for p in &e.evidence {
            let art = at.articles.get(p.article.as_str());
            rows.push(PassageRow {
                event_id: e.id.clone(),
                headline: e.headline.clone(),
                kind: e.kind.clone(),
                kind_label: at.kind_label(&e.kind),
                date: date.clone(),
                earliest: earliest.clone(),
                latest: latest.clone(),
                status: e.status.as_str(),
                passage_id: p.id.clone(),
                article_id: p.article.clone(),
                article_title: art.map(|a| a.title.clone()).unwrap_or_default(),
                outlet: art.map(|a| a.outlet.clone()).unwrap_or_default(),
                published: art
                    .and_then(|a| a.published.as_ref())
                    .map(|d| d.edtf().to_string()),
                start: p.anchor.start,
                end: p.anchor.end,
                quote: p.anchor.exact.clone(),
                passage_date: p.date.as_ref().map(|d| d.edtf().to_string()),
            });
        }
    }
    rows
}
