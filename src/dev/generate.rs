//! Realistic large workspaces and article corpora for benchmarks and
//! stress tests: news-like articles (most a few KB, a few from 100 KB to
//! 1 MB, some with Chinese or Russian paragraphs), events with one to five
//! passages across articles, actors with roles, every kind of date
//! precision. The same seed always gives the same workspace.
//!
//! Imports `read`, `exchange`, `core`, `dates` and `text`, never egui (layer `dev`).

use crate::core::model::{
    ActorRef, Anchor, Article, CONTEXT_CHARS, Event, Passage, Role, Status, Workspace,
};
use crate::dates::edtf::DateValue;
pub use crate::dev::prose::LONG_READ_CHARS;
use crate::dev::prose::{
    TextBuilder, article_len, body, day_between, filler, id, pick, pools, zipf,
};
use crate::dev::words::{COUNTRIES, FAMILY, OUTLETS, TAGS, TOPICS};
use crate::text::normalise::text_hash;
use crate::text::offsets::CharIndex;
use chrono::{Datelike, Days, NaiveDate};
use fastrand::Rng;
use std::sync::Arc;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub articles: usize,
    pub events: usize,
    pub seed: u64,
}

fn anchor(text: &str, idx: &CharIndex, start: usize, end: usize) -> Anchor {
    let slice = |a: usize, b: usize| text[idx.byte(a)..idx.byte(b)].to_string();
    Anchor {
        start,
        end,
        exact: slice(start, end),
        prefix: slice(start.saturating_sub(CONTEXT_CHARS), start),
        suffix: slice(end, (end + CONTEXT_CHARS).min(idx.len())),
    }
}

/// An event date of a random precision (exact day most often).
fn event_date(rng: &mut Rng, day: NaiveDate) -> Option<DateValue> {
    let ymd = day.format("%Y-%m-%d");
    let edtf = match rng.u8(..20) {
        0..=10 => ymd.to_string(),
        11..=12 => day.format("%Y-%m").to_string(),
        13 => day.format("%Y").to_string(),
        14 => format!("{}-{}", day.year(), 21 + (day.month0() / 3)),
        15 => format!("{ymd}~"),
        16 => format!("{}?", day.format("%Y-%m")),
        17 => {
            let end = day
                .checked_add_days(Days::new(1 + rng.u64(..4)))
                .unwrap_or(day);
            format!("{ymd}/{}", end.format("%Y-%m-%d"))
        }
        18 => format!("{ymd}/.."),
        _ => return None,
    };
    DateValue::parse(&edtf).ok()
}

/// A workspace per `spec`. Valid: `problems()` is empty.
pub fn workspace(spec: Spec) -> Workspace {
    let mut rng = Rng::with_seed(spec.seed);
    let mut ws = Workspace::new(&format!(
        "Generated: {} articles, {} events (seed {})",
        spec.articles, spec.events, spec.seed
    ));
    ws.id = id(&mut rng, "ws", 0);
    ws.created = "2026-01-01T00:00:00Z".into();
    ws.modified = ws.created.clone();
    let pools = pools(&mut rng, &ws);
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid");
    let mut sentences: Vec<Vec<(usize, usize)>> = Vec::with_capacity(spec.articles);
    let mut days = Vec::with_capacity(spec.articles);
    for i in 0..spec.articles {
        let day = day_between(&mut rng, start, 3650);
        let target = article_len(&mut rng, i, spec.articles);
        let outlet = *pick(&mut rng, OUTLETS);
        let a = &pools.actors[*pick(&mut rng, &pools.people)];
        let b = &pools.actors[*pick(&mut rng, &pools.people)];
        let title = if i == 0 && target == LONG_READ_CHARS {
            format!(
                "Transcript: joint press conference of {} and {}",
                a.name, b.name
            )
        } else {
            format!(
                "{} and {} {} over {}",
                a.name,
                b.name,
                ["meet", "clash", "agree", "hold talks"][rng.usize(..4)],
                pick(&mut rng, TOPICS)
            )
        };
        let mut tb = TextBuilder::new();
        tb.push(&title);
        tb.push("\n\n");
        let (_, _, cities) = pick(&mut rng, COUNTRIES);
        tb.sentence(&format!(
            "{}, {} ({}) —",
            pick(&mut rng, cities).to_uppercase(),
            day.format("%B %-d"),
            outlet
        ));
        body(&mut rng, &pools, day, target, &mut tb);
        let text = tb.text;
        ws.articles.push(Arc::new(Article {
            past: Default::default(),
            id: id(&mut rng, "art", i),
            title,
            outlet: outlet.into(),
            url: format!("https://news.example.org/{}/{i}", day.format("%Y/%m/%d")),
            byline: format!("By {}", pick(&mut rng, FAMILY)),
            language: "en".into(),
            published: Some(DateValue::day(day)),
            published_source: "generated".into(),
            imported_from: format!("generated/{i:05}.html"),
            imported_at: "2026-01-01T00:00:00Z".into(),
            accessed: String::new(),
            database: String::new(),
            database_id: String::new(),
            text_hash: text_hash(&text),
            text,
            notes: String::new(),
        }));
        sentences.push(tb.sentences);
        days.push(day);
    }
    let mut indexes: Vec<Option<CharIndex>> = (0..spec.articles).map(|_| None).collect();
    let mut events = Vec::with_capacity(spec.events);
    for e in 0..spec.events {
        let main_article = rng.usize(..spec.articles.max(1));
        let day = days.get(main_article).copied().unwrap_or(start);
        let day = day.checked_sub_days(Days::new(rng.u64(..4))).unwrap_or(day);
        let n_passages = if spec.articles == 0 {
            0
        } else {
            [1, 1, 2, 2, 3, 3, 4, 5][rng.usize(..8)]
        };
        let mut evidence = Vec::with_capacity(n_passages);
        for k in 0..n_passages {
            let art = if k == 0 && e % 10 == 0 && spec.articles >= 50 {
                0
            } else if k == 0 {
                main_article
            } else {
                rng.usize(..spec.articles)
            };
            let ss = &sentences[art];
            if ss.is_empty() {
                continue;
            }
            let (s, end) = ss[rng.usize(..ss.len())];
            let text = &ws.articles[art].text;
            let idx = indexes[art].get_or_insert_with(|| CharIndex::new(text));
            let date = if rng.u8(..3) == 0 {
                let d = if rng.u8(..12) == 0 {
                    day.checked_add_days(Days::new(7)).unwrap_or(day)
                } else {
                    day
                };
                Some(DateValue::day(d).with_source(d.format("%B %-d").to_string(), "generated"))
            } else {
                None
            };
            evidence.push(Passage {
                id: id(&mut rng, "psg", e * 8 + k),
                article: ws.articles[art].id.clone(),
                anchor: anchor(text, idx, s, end),
                date,
                created: String::new(),
                created_by: String::new(),
            });
        }
        let n_actors = 1 + rng.usize(..4);
        let mut actors: Vec<ActorRef> = Vec::with_capacity(n_actors);
        for j in 0..n_actors {
            let a = &pools.actors[rng.usize(..pools.actors.len())];
            if actors.iter().any(|r| r.actor == a.id) {
                continue;
            }
            let role = match (n_actors, j) {
                (1, _) => Role::Participant,
                (_, 0) if rng.bool() => Role::Source,
                (_, 1) if rng.bool() => Role::Target,
                _ => Role::Participant,
            };
            actors.push(ActorRef {
                actor: a.id.clone(),
                role,
            });
        }
        let name = |r: &ActorRef| {
            pools
                .actors
                .iter()
                .find(|a| a.id == r.actor)
                .map(|a| a.name.as_str())
                .unwrap_or("?")
        };
        let headline = match actors.as_slice() {
            [a] => format!("{} statement on {}", name(a), pick(&mut rng, TOPICS)),
            [a, b, ..] => format!(
                "{} – {} talks on {}",
                name(a),
                name(b),
                pick(&mut rng, TOPICS)
            ),
            [] => "Unattributed report".into(),
        };
        let (_, _, cities) = pick(&mut rng, COUNTRIES);
        let tags = if rng.u8(..3) == 0 {
            vec![pick(&mut rng, TAGS).to_string()]
        } else {
            vec![]
        };
        events.push(Arc::new(Event {
            date_review: String::new(),
            past: Default::default(),
            id: id(&mut rng, "evt", e),
            headline,
            kind: pools.kinds[zipf(&mut rng, pools.kinds.len())].clone(),
            date: event_date(&mut rng, day),
            actors,
            place: pick(&mut rng, cities).to_string(),
            status: match rng.u8(..20) {
                0 => Status::Planned,
                1 => Status::Postponed,
                2 => Status::Cancelled,
                3 => Status::Refused,
                _ => Status::Occurred,
            },
            tags,
            notes: if rng.u8(..5) == 0 {
                filler(&mut rng)
            } else {
                String::new()
            },
            evidence,
            created: "2026-01-01T00:00:00Z".into(),
            modified: "2026-01-01T00:00:00Z".into(),
            created_by: String::new(),
            changed_by: String::new(),
        }));
    }
    ws.events = events;
    ws.actors = pools.actors;
    let mut tags: Vec<String> = TAGS.iter().map(|t| t.to_string()).collect();
    tags.sort();
    ws.register_tags(&tags);
    ws.touch();
    ws.modified = ws.created.clone();
    ws
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::store;

    /// Lives here, not in the store, because it needs the generator's
    /// workspace, which fills every field the store's fast path mirrors.
    #[test]
    fn the_parallel_parse_reads_every_field() {
        let mut ws = workspace(Spec {
            articles: 12,
            events: 40,
            seed: 5,
        });
        ws.tags = vec!["summit".into()];
        ws.notes = "notes".into();
        ws.conflicts = vec![crate::core::model::Conflict {
            deleted: String::new(),
            kind: "event".into(),
            id: ws.events[0].id.clone(),
            field: "headline".into(),
            ours: "ours".into(),
            theirs: "theirs".into(),
            base: Some("base".into()),
            found: "2026-11-29T10:00:00Z".into(),
            ours_by: "Ana".into(),
            theirs_by: "Ben".into(),
        }];
        let bytes = store::to_bytes(&ws);
        let fast = store::parse_parallel(&bytes).expect("parses");
        let slow = store::explain_parse(&bytes, "x").expect("parses");
        assert_eq!(store::to_bytes(&fast), bytes);
        assert_eq!(store::to_bytes(&slow), bytes);
        // A field the mirror does not know makes the fast path give way.
        let mut v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        v["surprise"] = 1.into();
        assert!(store::parse_parallel(v.to_string().as_bytes()).is_none());
        assert!(store::from_bytes(v.to_string().as_bytes(), "x.detente").is_err());
    }

    #[test]
    fn generated_workspace_is_valid_and_repeatable() {
        let spec = Spec {
            articles: 60,
            events: 300,
            seed: 7,
        };
        let ws = workspace(spec);
        assert_eq!(ws.articles.len(), 60);
        assert_eq!(ws.events.len(), 300);
        assert!(
            ws.problems().is_empty(),
            "{:?}",
            &ws.problems()[..3.min(ws.problems().len())]
        );
        // The long read, a large article, and small ones.
        assert!(ws.articles[0].char_len() >= LONG_READ_CHARS);
        assert!(ws.articles[1].text.len() >= 100_000);
        assert!(ws.articles[5].text.len() < 20_000);
        let quoting_long_read = ws
            .events
            .iter()
            .filter(|e| e.evidence.iter().any(|p| p.article == ws.articles[0].id))
            .count();
        assert!(quoting_long_read >= 30, "{quoting_long_read}");
        // Every precision shows up, and some events have no date.
        let edtf: Vec<&str> = ws
            .events
            .iter()
            .filter_map(|e| e.date.as_ref().map(|d| d.edtf()))
            .collect();
        assert!(edtf.iter().any(|d| d.len() == 4));
        assert!(edtf.iter().any(|d| d.ends_with('~')));
        assert!(edtf.iter().any(|d| d.contains('/')));
        assert!(ws.events.iter().any(|e| e.date.is_none()));
        let again = workspace(spec);
        assert_eq!(
            crate::core::store::to_bytes(&ws),
            crate::core::store::to_bytes(&again)
        );
        let other = workspace(Spec { seed: 8, ..spec });
        assert_ne!(ws.articles[3].text, other.articles[3].text);
    }
}
