//! The passages as W3C Web Annotations (JSON-LD, Web Annotation Data
//! Model, 2017): one `AnnotationCollection` named after the workspace,
//! with every annotation inline in its one `AnnotationPage`, so
//! annotation tools and archives can read what was tagged and where.
//!
//! Each passage is one `Annotation` (`urn:detente:passage:ID`, motivation
//! `tagging`). Its target is the article, by its web link when it has one
//! (else `urn:detente:article:ID`), narrowed by a `TextQuoteSelector`
//! (the quote and the 32 chars either side) and a `TextPositionSelector`
//! (start and end in Unicode code points, as W3C counts them, of the
//! NFC text Detente holds; on a live page the quote is the surer guide).
//! Its bodies: a `TextualBody` that describes the event (headline, date
//! in words and EDTF, what this source says of the date, status, type,
//! actors with roles, place, notes), one `tagging` body with the CAMEO
//! type ("042 Make a visit") and one per tag of the event, and an
//! `identifying` `SpecificResource` (`urn:detente:event:ID`) that ties the
//! passages of one event together. `created` and `creator` are the
//! passage's, or its event's when the passage has none.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::model::{Actor, Article, Event, Passage, Workspace};
use crate::dates::edtf::DateValue;
use crate::text::links::web_link;
use rustc_hash::FxHashMap;
use serde::Serialize;

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    created: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    modified: &'a str,
    generator: Agent,
    total: usize,
    first: Page,
    last: String,
}

#[derive(Serialize)]
struct Page {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation>,
}

#[derive(Serialize)]
struct Agent {
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
}

#[derive(Serialize)]
struct Annotation {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Agent>,
    body: Vec<Body>,
    target: Target,
}

#[derive(Serialize)]
struct Body {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

#[derive(Serialize)]
struct Target {
    source: String,
    selector: [Selector; 2],
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector {
    TextQuoteSelector {
        exact: String,
        prefix: String,
        suffix: String,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

fn text(purpose: &'static str, value: String) -> Body {
    Body {
        kind: "TextualBody",
        purpose,
        value: Some(value),
        format: Some("text/plain"),
        source: None,
    }
}

/// `url` when it is a web link, normalised by the URL standard (so it is a
/// valid IRI: no spaces, non-ASCII percent-encoded).
pub fn web_iri(url: &str) -> Option<String> {
    let link = web_link(url)?;
    url::Url::parse(&link).ok().map(String::from)
}

/// The article's IRI: its web link, else `urn:detente:article:ID`.
pub fn article_iri(a: Option<&Article>, id: &str) -> String {
    let link = a.and_then(|a| web_iri(&a.url));
    link.unwrap_or_else(|| format!("urn:detente:article:{id}"))
}

fn when(d: &DateValue) -> String {
    format!("{} (EDTF {})", d.human(), d.edtf())
}

/// The event in words, as the describing body says it for one passage.
fn describe(ws: &Workspace, actors: &FxHashMap<&str, &Actor>, e: &Event, p: &Passage) -> String {
    let mut lines = vec![e.headline.clone()];
    lines.push(match &e.date {
        Some(d) => format!("Date: {}", when(d)),
        None => "Date: unknown".into(),
    });
    lines.extend(
        p.date
            .as_ref()
            .map(|d| format!("This source dates it: {}", when(d))),
    );
    lines.extend(
        e.disagreement()
            .map(|d| d.replacen("sources", "Sources", 1)),
    );
    if !e.date_review.is_empty() {
        lines.push(format!("Date reviewed: {}", e.date_review));
    }
    lines.push(format!("Status: {}", e.status.as_str()));
    lines.extend(
        ws.event_type(&e.kind)
            .map(|t| format!("Event type: {}", t.shown())),
    );
    let named: Vec<String> = (e.actors.iter())
        .filter_map(|r| {
            let a = actors.get(r.actor.as_str())?;
            Some(match a.code().as_str() {
                "" => format!("{} ({})", a.name, r.role.as_str()),
                code => format!("{} ({code}, {})", a.name, r.role.as_str()),
            })
        })
        .collect();
    if !named.is_empty() {
        lines.push(format!("Actors: {}", named.join("; ")));
    }
    if !e.place.is_empty() {
        lines.push(format!("Place: {}", e.place));
    }
    if !e.notes.is_empty() {
        lines.push(format!("Notes: {}", e.notes));
    }
    lines.join("\n")
}

fn annotation(
    ws: &Workspace,
    actors: &FxHashMap<&str, &Actor>,
    articles: &FxHashMap<&str, &Article>,
    e: &Event,
    p: &Passage,
) -> Annotation {
    let (created, by) = if p.created.is_empty() {
        (&e.created, &e.created_by)
    } else {
        (&p.created, &p.created_by)
    };
    let mut body = vec![text("describing", describe(ws, actors, e, p))];
    body.push(text(
        "tagging",
        match ws.event_type(&e.kind) {
            Some(t) => t.shown(),
            None => e.kind.clone(),
        },
    ));
    body.extend(e.tags.iter().map(|t| text("tagging", t.clone())));
    body.push(Body {
        kind: "SpecificResource",
        purpose: "identifying",
        value: None,
        format: None,
        source: Some(format!("urn:detente:event:{}", e.id)),
    });
    let a = &p.anchor;
    Annotation {
        id: format!("urn:detente:passage:{}", p.id),
        kind: "Annotation",
        motivation: "tagging",
        created: (!created.is_empty()).then(|| created.clone()),
        creator: (!by.is_empty()).then(|| Agent {
            kind: "Person",
            name: by.clone(),
        }),
        body,
        target: Target {
            source: article_iri(articles.get(p.article.as_str()).copied(), &p.article),
            selector: [
                Selector::TextQuoteSelector {
                    exact: a.exact.clone(),
                    prefix: a.prefix.clone(),
                    suffix: a.suffix.clone(),
                },
                Selector::TextPositionSelector {
                    start: a.start,
                    end: a.end,
                },
            ],
        },
    }
}

/// The annotation collection of the passages of `events` (in the order
/// given, each event's passages in their order), as pretty JSON-LD.
pub fn to_w3c(ws: &Workspace, events: &[&Event]) -> String {
    let actors: FxHashMap<&str, &Actor> = ws.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    let articles: FxHashMap<&str, &Article> =
        ws.articles.iter().map(|a| (a.id.as_str(), &**a)).collect();
    let items: Vec<Annotation> = (events.iter())
        .flat_map(|e| e.evidence.iter().map(move |p| (e, p)))
        .map(|(e, p)| annotation(ws, &actors, &articles, e, p))
        .collect();
    let id = format!("urn:detente:workspace:{}", ws.id);
    let page = format!("{id}:page:1");
    let doc = Collection {
        context: CONTEXT,
        id,
        kind: "AnnotationCollection",
        label: &ws.title,
        created: &ws.created,
        modified: &ws.modified,
        generator: Agent {
            kind: "Software",
            name: "Detente".into(),
        },
        total: items.len(),
        first: Page {
            id: page.clone(),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
        last: page,
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("annotations always serialise");
    s.push('\n');
    s
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::core::model::Anchor;
    use crate::core::order::events_in_order;
    use crate::core::sample::sample_workspace;
    use crate::text::offsets::char_slice;
    use serde_json::Value;

    /// Compare with a golden file; `DETENTE_BLESS=1` rewrites it.
    pub fn golden(name: &str, expected: &str, got: &str) {
        if std::env::var_os("DETENTE_BLESS").is_some() {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/golden/");
            std::fs::write(format!("{dir}{name}"), got).unwrap();
            return;
        }
        let expected = expected.replace("\r\n", "\n");
        for (i, (a, b)) in expected.lines().zip(got.lines()).enumerate() {
            assert_eq!(a, b, "{name} line {} (DETENTE_BLESS=1 rewrites it)", i + 1);
        }
        assert_eq!(expected, got, "{name} (DETENTE_BLESS=1 rewrites it)");
    }

    pub fn id_of(ws: &Workspace, headline: &str) -> String {
        let e = ws.events.iter().find(|e| e.headline.contains(headline));
        e.unwrap().id.clone()
    }

    fn items(ws: &Workspace, ids: &[&str]) -> Vec<Value> {
        let evs: Vec<&Event> = ids.iter().map(|i| ws.event(i).unwrap()).collect();
        let v: Value = serde_json::from_str(&to_w3c(ws, &evs)).unwrap();
        v["first"]["items"].as_array().unwrap().clone()
    }

    #[test]
    fn the_sample_is_one_collection_of_every_passage() {
        let ws = sample_workspace();
        let text = to_w3c(&ws, &events_in_order(&ws));
        let v: Value = serde_json::from_str(&text).unwrap();
        let passages: usize = ws.events.iter().map(|e| e.evidence.len()).sum();
        assert_eq!(
            (&v["@context"], &v["type"]),
            (&Value::from(CONTEXT), &Value::from("AnnotationCollection"))
        );
        assert_eq!(
            (&v["label"], &v["total"]),
            (&Value::from(ws.title.clone()), &Value::from(passages))
        );
        assert_eq!(v["first"]["type"], "AnnotationPage");
        assert_eq!(v["first"]["items"].as_array().unwrap().len(), passages);
        assert_eq!(v["last"], v["first"]["id"]);
        golden(
            "sample-w3c.jsonld",
            include_str!("../../tests/fixtures/golden/sample-w3c.jsonld"),
            &text,
        );
    }

    #[test]
    fn an_annotation_has_what_the_model_requires() {
        let ws = sample_workspace();
        let id = id_of(&ws, "Vienna");
        let e = ws.event(&id).unwrap();
        let items = items(&ws, &[&id]);
        assert_eq!(items.len(), e.evidence.len());
        let a = &items[0];
        let p = &e.evidence[0];
        assert_eq!(a["id"], format!("urn:detente:passage:{}", p.id));
        assert_eq!(
            (&a["type"], &a["motivation"]),
            (&Value::from("Annotation"), &Value::from("tagging"))
        );
        assert_eq!(
            a["created"],
            e.created.as_str(),
            "the event's, the passage has none"
        );
        // The sample's analyst made the event: the annotation names her.
        assert_eq!(a["creator"]["name"], e.created_by.as_str());
        assert_eq!(
            a["target"]["source"],
            format!("urn:detente:article:{}", p.article)
        );
        let sel = &a["target"]["selector"];
        assert_eq!(
            (&sel[0]["type"], &sel[0]["exact"]),
            (
                &Value::from("TextQuoteSelector"),
                &Value::from(p.anchor.exact.clone())
            )
        );
        assert_eq!(
            (&sel[1]["start"], &sel[1]["end"]),
            (&Value::from(p.anchor.start), &Value::from(p.anchor.end))
        );
        let body = a["body"].as_array().unwrap();
        let describing = body[0]["value"].as_str().unwrap();
        assert_eq!(
            (&body[0]["purpose"], &body[0]["format"]),
            (&Value::from("describing"), &Value::from("text/plain"))
        );
        for line in [
            "Sullivan and Wang Yi hold talks in Vienna",
            "Date: 10-11 May 2023 (EDTF 2023-05-10/2023-05-11)",
            "This source dates it: 10-11 May 2023 (EDTF 2023-05-10/2023-05-11)",
            "Status: occurred",
            "Event type: 044 Meet at a third location",
            "Actors: Jake Sullivan (USAGOV, participant); Wang Yi (CHNGOV, participant)",
            "Place: Vienna, Austria",
        ] {
            assert!(
                describing.lines().any(|l| l == line),
                "{line} not in {describing}"
            );
        }
        assert!(describing.lines().last().unwrap().starts_with("Notes: "));
        let tags: Vec<&str> = body
            .iter()
            .filter(|b| b["purpose"] == "tagging")
            .map(|b| b["value"].as_str().unwrap())
            .collect();
        assert_eq!(tags, ["044 Meet at a third location", "channel"]);
        let last = body.last().unwrap();
        assert_eq!(
            (&last["type"], &last["purpose"]),
            (
                &Value::from("SpecificResource"),
                &Value::from("identifying")
            )
        );
        assert_eq!(last["source"], format!("urn:detente:event:{id}"));
        assert!(last.get("value").is_none());
    }

    #[test]
    fn positions_count_code_points_and_links_are_used() {
        let mut ws = sample_workspace();
        let id = id_of(&ws, "Vienna");
        let art = ws.event(&id).unwrap().evidence[0].article.clone();
        let text = "王毅 met 🇺🇸 Blinken; café (e\u{301}) talks".to_string();
        let start = text.chars().position(|c| c == 'B').unwrap();
        let a = ws.article_mut(&art).unwrap();
        a.text = text.clone();
        a.url = " https://example.org/news?a=1 b ".into();
        let e = ws.event_mut(&id).unwrap();
        e.evidence[0].anchor = Anchor::from_range(&text, start, start + 7).unwrap();
        e.evidence[0].created = "2024-01-02T03:04:05Z".into();
        e.evidence[0].created_by = "Ana".into();
        let a = &items(&ws, &[&id])[0];
        let sel = &a["target"]["selector"];
        let (s, t) = (
            sel[1]["start"].as_u64().unwrap() as usize,
            sel[1]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!((s, t), (start, start + 7));
        assert_eq!(char_slice(&text, s, t), Some("Blinken"));
        assert_eq!(sel[0]["prefix"], "王毅 met 🇺🇸 ");
        assert_eq!(a["target"]["source"], "https://example.org/news?a=1%20b");
        assert_eq!(
            (&a["created"], &a["creator"]["name"]),
            (&Value::from("2024-01-02T03:04:05Z"), &Value::from("Ana"))
        );
        assert_eq!(a["creator"]["type"], "Person");
        ws.article_mut(&art).unwrap().url = "javascript:alert(1)".into();
        assert_eq!(
            items(&ws, &[&id])[0]["target"]["source"],
            format!("urn:detente:article:{art}")
        );
    }

    #[test]
    fn undated_events_and_their_source_dates_are_described() {
        let ws = sample_workspace();
        let call = id_of(&ws, "Biden seeks a phone call");
        let items = items(&ws, &[&call]);
        let first = items[0]["body"][0]["value"].as_str().unwrap();
        assert!(
            first.contains("\nDate: unknown\n") && first.contains("Status: planned"),
            "{first}"
        );
        let third = items[2]["body"][0]["value"].as_str().unwrap();
        assert!(
            third.contains("This source dates it: 5 June 2023 (EDTF 2023-06-05)"),
            "{third}"
        );
        assert_eq!(to_w3c(&ws, &[]).matches("\"total\": 0").count(), 1);
    }
}
