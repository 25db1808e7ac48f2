//! The workspace's articles, actors and event types by id, built once per
//! export: looking each reference up in the workspace's lists one by one
//! made an export of 8,000 events with 20 actors each take seconds. Every
//! row and timeline format looks references up here.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::model::{Actor, Article, Event, Role, Workspace};
use crate::core::vocab::EventType;
use rustc_hash::FxHashMap;

pub struct Index<'a> {
    pub articles: FxHashMap<&'a str, &'a Article>,
    pub actors: FxHashMap<&'a str, &'a Actor>,
    pub types: FxHashMap<&'a str, &'a EventType>,
}

impl<'a> Index<'a> {
    pub fn new(ws: &'a Workspace) -> Self {
        Index {
            articles: ws.articles.iter().map(|a| (a.id.as_str(), &**a)).collect(),
            actors: ws.actors.iter().map(|a| (a.id.as_str(), a)).collect(),
            types: (ws.vocabularies.event_types.iter())
                .map(|t| (t.code.as_str(), t))
                .collect(),
        }
    }

    /// The label of an event-type code ("" when the vocabulary has none).
    pub fn kind_label(&self, code: &str) -> String {
        self.types
            .get(code)
            .map(|t| t.label.clone())
            .unwrap_or_default()
    }

    /// The event's articles, each once, in the order of its passages.
    pub fn articles_of(&self, e: &Event) -> Vec<&'a Article> {
        let mut out: Vec<&Article> = vec![];
        for p in &e.evidence {
            if let Some(a) = self.articles.get(p.article.as_str())
                && !out.iter().any(|o| o.id == a.id)
            {
                out.push(a);
            }
        }
        out
    }

    /// The event's actors that exist, with their roles, in its order.
    pub fn actors_of(&self, e: &Event) -> Vec<(&'a Actor, Role)> {
        e.actors
            .iter()
            .filter_map(|r| Some((*self.actors.get(r.actor.as_str())?, r.role)))
            .collect()
    }
}
