//! Tables of events for R, pandas, Stata: CSV and a versioned JSON shape.

use crate::model::{Event, Workspace};
use serde::Serialize;

pub const EXPORT_FORMAT: &str = "detente-export";
pub const EXPORT_VERSION: u32 = 1;

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

/// Events in date order (undated last), then by headline and id.
pub fn events_in_order(ws: &Workspace) -> Vec<&Event> {
    let mut evs: Vec<&Event> = ws.events.iter().map(|e| &**e).collect();
    evs.sort_by(|a, b| {
        let key = |e: &Event| {
            let d = e.date.as_ref();
            (
                d.is_none(),
                d.and_then(|d| d.earliest()),
                d.and_then(|d| d.latest()),
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.headline.cmp(&b.headline))
            .then_with(|| a.id.cmp(&b.id))
    });
    evs
}

fn kind_label(ws: &Workspace, code: &str) -> String {
    ws.event_type(code)
        .map(|t| t.label.clone())
        .unwrap_or_default()
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
    events_in_order(ws)
        .into_iter()
        .map(|e| {
            let (date, earliest, latest) = dates(e);
            let mut articles: Vec<ArticleRef> = vec![];
            for p in &e.evidence {
                if !articles.iter().any(|a| a.id == p.article) {
                    articles.push(ArticleRef {
                        id: p.article.clone(),
                        title: ws
                            .article(&p.article)
                            .map(|a| a.title.clone())
                            .unwrap_or_default(),
                    });
                }
            }
            EventRow {
                id: e.id.clone(),
                headline: e.headline.clone(),
                kind: e.kind.clone(),
                kind_label: kind_label(ws, &e.kind),
                date,
                earliest,
                latest,
                status: e.status.as_str(),
                actors: e
                    .actors
                    .iter()
                    .filter_map(|r| {
                        let a = ws.actor(&r.actor)?;
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
            }
        })
        .collect()
}

pub fn passage_rows(ws: &Workspace) -> Vec<PassageRow> {
    let mut rows = vec![];
    for e in events_in_order(ws) {
        let (date, earliest, latest) = dates(e);
        for p in &e.evidence {
            let art = ws.article(&p.article);
            rows.push(PassageRow {
                event_id: e.id.clone(),
                headline: e.headline.clone(),
                kind: e.kind.clone(),
                kind_label: kind_label(ws, &e.kind),
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

#[derive(Serialize)]
struct Envelope<'a, T: Serialize> {
    format: &'static str,
    version: u32,
    workspace: WsRef<'a>,
    kind: &'static str,
    rows: &'a [T],
}

#[derive(Serialize)]
struct WsRef<'a> {
    id: &'a str,
    title: &'a str,
}

/// The JSON export: `{format, version, workspace: {id, title}, kind: "events"|"passages", rows: [...]}`.
pub fn to_json(ws: &Workspace, per_passage: bool) -> String {
    let workspace = WsRef {
        id: &ws.id,
        title: &ws.title,
    };
    let mut s = if per_passage {
        serde_json::to_string_pretty(&Envelope {
            format: EXPORT_FORMAT,
            version: EXPORT_VERSION,
            workspace,
            kind: "passages",
            rows: &passage_rows(ws),
        })
    } else {
        serde_json::to_string_pretty(&Envelope {
            format: EXPORT_FORMAT,
            version: EXPORT_VERSION,
            workspace,
            kind: "events",
            rows: &event_rows(ws),
        })
    }
    .expect("rows always serialise");
    s.push('\n');
    s
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// CSV with a header row. Lists are joined with "; " (quotes with " | ").
pub fn to_csv(ws: &Workspace, per_passage: bool) -> String {
    let mut w = csv::Writer::from_writer(vec![]);
    let res: Result<(), csv::Error> = (|| {
        if per_passage {
            w.write_record([
                "event_id",
                "headline",
                "kind",
                "kind_label",
                "date",
                "earliest",
                "latest",
                "status",
                "passage_id",
                "article_id",
                "article_title",
                "outlet",
                "published",
                "start",
                "end",
                "quote",
                "passage_date",
            ])?;
            for r in passage_rows(ws) {
                w.write_record([
                    r.event_id,
                    r.headline,
                    r.kind,
                    r.kind_label,
                    opt(&r.date),
                    opt(&r.earliest),
                    opt(&r.latest),
                    r.status.into(),
                    r.passage_id,
                    r.article_id,
                    r.article_title,
                    r.outlet,
                    opt(&r.published),
                    r.start.to_string(),
                    r.end.to_string(),
                    r.quote,
                    opt(&r.passage_date),
                ])?;
            }
        } else {
            w.write_record([
                "id",
                "headline",
                "kind",
                "kind_label",
                "date",
                "earliest",
                "latest",
                "status",
                "actors",
                "actor_codes",
                "place",
                "tags",
                "passages",
                "quotes",
                "articles",
            ])?;
            for r in event_rows(ws) {
                w.write_record([
                    r.id,
                    r.headline,
                    r.kind,
                    r.kind_label,
                    opt(&r.date),
                    opt(&r.earliest),
                    opt(&r.latest),
                    r.status.into(),
                    r.actors
                        .iter()
                        .map(|a| format!("{} ({})", a.name, a.role))
                        .collect::<Vec<_>>()
                        .join("; "),
                    r.actors
                        .iter()
                        .map(|a| a.code.clone())
                        .collect::<Vec<_>>()
                        .join("; "),
                    r.place,
                    r.tags.join("; "),
                    r.passages.to_string(),
                    r.quotes.join(" | "),
                    r.articles
                        .iter()
                        .map(|a| a.title.clone())
                        .collect::<Vec<_>>()
                        .join("; "),
                ])?;
            }
        }
        Ok(())
    })();
    res.expect("writing CSV to memory cannot fail");
    String::from_utf8(w.into_inner().expect("in-memory writer"))
        .expect("CSV of UTF-8 fields is UTF-8")
}
