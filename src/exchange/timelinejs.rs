//! The events as a TimelineJS3 timeline (timeline.knightlab.com): the
//! JSON `new TL.Timeline(id, data)` reads, so a project can publish its
//! chronology of contacts on a web page.
//!
//! A title slide names the workspace and counts events and articles; each
//! dated event is a slide. Its dates keep the event's precision: a year
//! has only `year`, a month no `day`, an interval or a vague span a
//! `start_date` and an `end_date` (numbers, never strings); `display_date`
//! is the human reading ("10-11 May 2023", "May 2023?"). `group` is the
//! event's lane on Detente's own timeline under the chosen `LaneBy` (its
//! first, when it has several). The text quotes the first passage with its
//! citation, then the event's type, actors, place and status; planned,
//! postponed, cancelled and refused events say so in their headline and
//! have a pale background. Every piece of user text is HTML-escaped, and
//! only http(s) links become links. Undated events cannot be placed: they
//! are left out, counted in [`TimelineJs::undated`] and named on the title
//! slide.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::model::{Event, Status, Workspace};
use crate::core::timeline::LaneBy;
use crate::dates::edtf::DateValue;
use crate::exchange::index::Index;
use crate::exchange::w3c::web_iri;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The timeline's JSON and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineJs {
    pub json: String,
    /// Events on the timeline.
    pub placed: usize,
    /// Events left out for want of a date.
    pub undated: usize,
}

/// A TimelineJS date: only the parts the event's precision has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TlDate {
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct Background {
    color: &'static str,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<TlDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TlDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background: Option<Background>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
}

#[derive(Serialize)]
struct Doc {
    title: Slide,
    events: Vec<Slide>,
}

/// `s` safe as HTML text or a quoted attribute value.
pub fn escape_html(s: &str) -> String {
    crate::text::markup::escape(s, false)
}

/// How much of a span TimelineJS is told.
#[derive(Clone, Copy)]
enum Grain {
    Year,
    Month,
    Day,
}

/// The coarsest grain that says `lo..=hi` exactly: whole years, whole
/// months, else days.
fn grain(lo: NaiveDate, hi: NaiveDate) -> Grain {
    let month_end = hi.succ_opt().is_none_or(|n| n.day() == 1);
    match (
        lo != hi && lo.day() == 1 && month_end,
        lo.month(),
        hi.month(),
    ) {
        (true, 1, 12) => Grain::Year,
        (true, ..) => Grain::Month,
        _ => Grain::Day,
    }
}

fn at(d: NaiveDate, g: Grain) -> TlDate {
    let (month, day) = match g {
        Grain::Year => (None, None),
        Grain::Month => (Some(d.month()), None),
        Grain::Day => (Some(d.month()), Some(d.day())),
    };
    TlDate {
        year: d.year(),
        month,
        day,
    }
}

/// Start and end (when it differs) of a date at its precision; None when
/// it has no day to place it on. Each side of an interval keeps its own
/// precision; an interval known at one end only is placed at that end.
pub fn span(v: &DateValue) -> Option<(TlDate, Option<TlDate>)> {
    let bounds = |d: &DateValue| Some((d.earliest()?, d.latest()?));
    let (start, end) = match v.edtf().split_once('/') {
        Some((a, b)) => {
            let side = |s: &str| DateValue::parse(s).ok().as_ref().and_then(bounds);
            let start = side(a).map(|(lo, hi)| at(lo, grain(lo, hi)));
            let end = side(b).map(|(lo, hi)| at(hi, grain(lo, hi)));
            match (start, end) {
                (Some(s), e) => (s, e),
                (None, Some(e)) => (e, None),
                (None, None) => return None,
            }
        }
        None => {
            let (lo, hi) = bounds(v)?;
            let g = grain(lo, hi);
            (at(lo, g), Some(at(hi, g)))
        }
    };
    Some((start, end.filter(|e| *e != start)))
}

/// The event's lane on Detente's timeline (`core::timeline::layout`), its
/// first when it has several.
fn lane(ws: &Workspace, at: &Index, e: &Event, by: LaneBy) -> String {
    let find = |id: &str| at.actors.get(id).copied();
    crate::core::timeline::lane_keys(ws, &find, e, by)
        .into_iter()
        .next()
        .unwrap_or_else(|| "(no articles)".into())
}

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

/// The slide's HTML: the first passage quoted with its citation, then
/// what the event is.
fn body(ws: &Workspace, at: &Index, e: &Event) -> String {
    let mut h = String::new();
    if let Some(p) = e.evidence.first() {
        h += &format!("<blockquote>{}</blockquote>", escape_html(&p.anchor.exact));
        if let Some(a) = at.articles.get(p.article.as_str()) {
            let title = escape_html(&a.title);
            let mut cite = vec![match web_iri(&a.url) {
                Some(u) => format!("<a href=\"{}\">{title}</a>", escape_html(&u)),
                None => format!("<cite>{title}</cite>"),
            }];
            cite.extend((!a.outlet.is_empty()).then(|| escape_html(&a.outlet)));
            cite.extend(a.published.as_ref().map(|d| escape_html(&d.human())));
            h += &format!("<p>— {}</p>", cite.join(", "));
        }
    }
    let mut facts = vec![format!("Status: {}", e.status.as_str())];
    facts.extend(ws.event_type(&e.kind).map(|t| t.shown()));
    let actors: Vec<String> = (at.actors_of(e).into_iter())
        .map(|(a, r)| format!("{} ({})", a.name, r.as_str()))
        .collect();
    facts.extend((!actors.is_empty()).then(|| actors.join(", ")));
    facts.extend((!e.place.is_empty()).then(|| e.place.clone()));
    let facts: Vec<String> = facts.iter().map(|f| escape_html(f)).collect();
    h += &format!("<p>{}</p>", facts.join(" · "));
    if let Some(d) = e.disagreement() {
        h += &format!("<p>{}</p>", escape_html(&d));
    }
    if e.evidence.len() > 1 {
        let (p, a) = (e.evidence.len(), at.articles_of(e).len());
        h += &format!(
            "<p>{} in {}.</p>",
            plural(p, "passage"),
            plural(a, "article")
        );
    }
    if !e.notes.is_empty() {
        let notes = escape_html(&e.notes).replace('\n', "<br>");
        h += &format!("<p><em>Note:</em> {notes}</p>");
    }
    h
}

fn status(s: Status) -> Option<(&'static str, &'static str)> {
    match s {
        Status::Occurred => None,
        Status::Planned => Some(("Planned", "#eaf2f8")),
        Status::Postponed => Some(("Postponed", "#fef5e7")),
        Status::Cancelled => Some(("Cancelled", "#eaecee")),
        Status::Refused => Some(("Refused", "#fadbd8")),
    }
}

/// The timeline of `events` (in the order given), in `lanes` groups.
pub fn timelinejs(ws: &Workspace, events: &[&Event], lanes: LaneBy) -> TimelineJs {
    let at = Index::new(ws);
    let mut slides = vec![];
    let mut undated = vec![];
    let mut articles: Vec<&str> = vec![];
    for &e in events {
        let Some((start, end)) = e.date.as_ref().and_then(span) else {
            undated.push(escape_html(&e.headline));
            continue;
        };
        articles.extend(e.evidence.iter().map(|p| p.article.as_str()));
        let mark = status(e.status);
        let headline = match mark {
            Some((word, _)) => format!("{word}: {}", e.headline),
            None => e.headline.clone(),
        };
        slides.push(Slide {
            start_date: Some(start),
            end_date: end,
            display_date: e.date.as_ref().map(DateValue::human),
            text: Text {
                headline: escape_html(&headline),
                text: body(ws, &at, e),
            },
            group: Some(lane(ws, &at, e, lanes)),
            background: mark.map(|(_, color)| Background { color }),
            unique_id: Some(e.id.clone()),
        });
    }
    articles.sort_unstable();
    articles.dedup();
    let mut about = format!(
        "<p>{} from {}.</p>",
        plural(slides.len(), "event"),
        plural(articles.len(), "article")
    );
    if !undated.is_empty() {
        let n = plural(undated.len(), "undated event");
        about += &format!("<p>Not shown, {n}: {}.</p>", undated.join("; "));
    }
    let title = Slide {
        start_date: None,
        end_date: None,
        display_date: None,
        text: Text {
            headline: escape_html(&ws.title),
            text: about,
        },
        group: None,
        background: None,
        unique_id: None,
    };
    let placed = slides.len();
    let doc = Doc {
        title,
        events: slides,
    };
    let mut json = serde_json::to_string_pretty(&doc).expect("a timeline always serialises");
    json.push('\n');
    TimelineJs {
        json,
        placed,
        undated: undated.len(),
    }
}

/// The TimelineJS JSON of [`timelinejs`].
pub fn to_timelinejs(ws: &Workspace, events: &[&Event], lanes: LaneBy) -> String {
    timelinejs(ws, events, lanes).json
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::order::events_in_order;
    use crate::core::sample::sample_workspace;
    use crate::core::timeline::layout;
    use crate::exchange::w3c::tests::{golden, id_of};
    use serde_json::{Value, json};

    /// The slide of one event, as JSON.
    fn slide(ws: &Workspace, id: &str) -> Value {
        let json = to_timelinejs(ws, &[ws.event(id).unwrap()], LaneBy::Dyad);
        serde_json::from_str::<Value>(&json).unwrap()["events"][0].clone()
    }

    fn text(v: &Value) -> &str {
        v.as_str().unwrap()
    }

    #[test]
    fn the_sample_matches_its_golden_file() {
        let ws = sample_workspace();
        let t = timelinejs(&ws, &events_in_order(&ws), LaneBy::Dyad);
        assert_eq!((t.placed, t.undated), (ws.events.len() - 1, 1));
        let v: Value = serde_json::from_str(&t.json).unwrap();
        assert_eq!(v["events"].as_array().unwrap().len(), t.placed);
        let about = text(&v["title"]["text"]["text"]);
        let undated = "<p>Not shown, 1 undated event: Biden seeks a phone call with Xi.</p>";
        assert_eq!(
            about,
            format!("<p>{} events from 5 articles.</p>{undated}", t.placed)
        );
        let expected = include_str!("../../tests/fixtures/golden/sample-timelinejs.json");
        golden("sample-timelinejs.json", expected, &t.json);
    }

    #[test]
    fn dates_keep_their_precision() {
        let show = |d: TlDate| {
            let parts = [Some(d.year as u32), d.month, d.day];
            parts
                .iter()
                .flatten()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join("-")
        };
        let cases = [
            ("2023", "2023"),
            ("2023-02", "2023-2"),
            ("2023-06-19?", "2023-6-19"),
            ("2023-05-10/2023-05-11", "2023-5-10 to 2023-5-11"),
            ("2022-08/2023-06", "2022-8 to 2023-6"),
            ("2022-22", "2022-6 to 2022-8"),
            ("202X", "2020 to 2029"),
            ("2023-05/2023-06-15", "2023-5 to 2023-6-15"),
            ("2023-05-01/2023-05-31", "2023-5-1 to 2023-5-31"),
            ("2023-05-10/..", "2023-5-10"),
            ("/2023-05", "2023-5"),
        ];
        for (edtf, want) in cases {
            let (a, b) = span(&DateValue::parse(edtf).unwrap()).unwrap();
            let got = [Some(show(a)), b.map(show)].into_iter().flatten();
            assert_eq!(got.collect::<Vec<_>>().join(" to "), want, "{edtf}");
        }
        // In a slide: numbers, and a month-precision event has no day.
        let ws = sample_workspace();
        let munich = slide(&ws, &id_of(&ws, "Munich"));
        assert_eq!(munich["start_date"], json!({"year": 2023, "month": 2}));
        assert!(munich.get("end_date").is_none());
        assert_eq!(munich["display_date"], "February 2023");
        let vienna = slide(&ws, &id_of(&ws, "Vienna"));
        assert_eq!(
            vienna["end_date"],
            json!({"year": 2023, "month": 5, "day": 11})
        );
        assert_eq!(vienna["display_date"], "10-11 May 2023");
    }

    #[test]
    fn user_text_is_escaped_and_only_web_links_link() {
        let mut ws = sample_workspace();
        let id = id_of(&ws, "Vienna");
        let art = ws.event(&id).unwrap().evidence[0].article.clone();
        let a = ws.article_mut(&art).unwrap();
        a.title = "Talks <b>&</b> \"more\"".into();
        a.url = "javascript:alert(1)".into();
        let e = ws.event_mut(&id).unwrap();
        e.headline = "<script>alert('x')</script>".into();
        e.notes = "a < b\nc".into();
        e.evidence[0].anchor.exact = "<img src=x onerror=alert(1)>".into();
        let s = slide(&ws, &id);
        assert_eq!(
            s["text"]["headline"],
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
        let html = text(&s["text"]["text"]);
        let quote = "<blockquote>&lt;img src=x onerror=alert(1)&gt;</blockquote>";
        assert!(html.starts_with(quote), "{html}");
        let cite = "<cite>Talks &lt;b&gt;&amp;&lt;/b&gt; &quot;more&quot;</cite>";
        assert!(html.contains(cite), "{html}");
        assert!(html.contains("<em>Note:</em> a &lt; b<br>c"), "{html}");
        assert!(!html.contains("javascript"));
        ws.article_mut(&art).unwrap().url = "https://example.org/?a=1&b=\"2\"".into();
        let s = slide(&ws, &id);
        let link = "<a href=\"https://example.org/?a=1&amp;b=%222%22\">";
        assert!(text(&s["text"]["text"]).contains(link), "{s}");
    }

    #[test]
    fn status_shows_in_headline_and_background() {
        let ws = sample_workspace();
        let c = slide(&ws, &id_of(&ws, "cancelled over the balloon"));
        assert!(text(&c["text"]["headline"]).starts_with("Cancelled: Blinken"));
        assert_eq!(c["background"]["color"], "#eaecee");
        let p = slide(&ws, &id_of(&ws, "Possible Blinken"));
        assert!(text(&p["text"]["headline"]).starts_with("Planned: "));
        let bali = id_of(&ws, "Bali");
        let o = slide(&ws, &bali);
        assert!(o.get("background").is_none());
        assert_eq!(o["unique_id"], bali);
        let facts = "<p>Status: occurred · 044 Meet at a third location · Joe Biden (participant), \
                     Xi Jinping (participant) · Bali, Indonesia</p>";
        assert!(text(&o["text"]["text"]).contains(facts));
    }

    #[test]
    fn groups_are_lanes_of_the_timeline() {
        let ws = sample_workspace();
        let at = Index::new(&ws);
        for by in LaneBy::ALL {
            let l = layout(&ws, by);
            for m in &l.marks {
                let e = ws.event(&m.event).unwrap();
                let mine = lane(&ws, &at, e, by);
                let marks = l.marks.iter().filter(|n| n.event == e.id);
                let theirs: Vec<&String> = marks.map(|n| &l.lanes[n.lane]).collect();
                assert!(theirs.contains(&&mine), "{by:?}: {mine} not in {theirs:?}");
            }
        }
        let wang = ws.event(&id_of(&ws, "Wang Wentao")).unwrap();
        assert_eq!(
            lane(&ws, &at, wang, LaneBy::Actor),
            "Gina Raimondo",
            "the first actor's"
        );
    }
}
