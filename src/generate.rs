//! Realistic large workspaces and article corpora for benchmarks and
//! stress tests: news-like articles (most a few KB, a few from 100 KB to
//! 1 MB, some with Chinese or Russian paragraphs), events with one to five
//! passages across articles, actors with roles, every kind of date
//! precision. The same seed always gives the same workspace.

use crate::dates::DateValue;
use crate::import::text_hash;
use crate::model::{
    Actor, ActorRef, Anchor, Article, CONTEXT_CHARS, CharIndex, Event, Id, Passage, Role, Status,
    Workspace,
};
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

/// Chars of the "long read" (a summit press-conference transcript) that
/// every workspace of 50 articles or more holds as its first article; one
/// event in ten quotes it, so at 20,000 events it carries 2,000 highlights.
pub const LONG_READ_CHARS: usize = 300_000;

const COUNTRIES: &[(&str, &str, &[&str])] = &[
    ("USA", "United States", &["Washington", "New York"]),
    ("CHN", "China", &["Beijing", "Shanghai"]),
    ("RUS", "Russia", &["Moscow", "Sochi"]),
    ("GBR", "United Kingdom", &["London"]),
    ("FRA", "France", &["Paris"]),
    ("DEU", "Germany", &["Berlin", "Munich"]),
    ("JPN", "Japan", &["Tokyo", "Hiroshima"]),
    ("KOR", "South Korea", &["Seoul"]),
    ("PRK", "North Korea", &["Pyongyang"]),
    ("IND", "India", &["New Delhi"]),
    ("PAK", "Pakistan", &["Islamabad"]),
    ("IRN", "Iran", &["Tehran"]),
    ("SAU", "Saudi Arabia", &["Riyadh", "Jeddah"]),
    ("TUR", "Turkey", &["Ankara", "Istanbul"]),
    ("UKR", "Ukraine", &["Kyiv"]),
    ("BRA", "Brazil", &["Brasilia"]),
    ("ZAF", "South Africa", &["Pretoria", "Johannesburg"]),
    ("AUS", "Australia", &["Canberra"]),
    ("IDN", "Indonesia", &["Jakarta", "Bali"]),
    ("VNM", "Vietnam", &["Hanoi"]),
    ("AUT", "Austria", &["Vienna"]),
    ("CHE", "Switzerland", &["Geneva", "Davos"]),
    ("QAT", "Qatar", &["Doha"]),
    ("EGY", "Egypt", &["Cairo", "Sharm el-Sheikh"]),
    ("SGP", "Singapore", &["Singapore"]),
];

const OFFICES: &[(&str, &str)] = &[
    ("GOV", "President"),
    ("GOV", "Prime Minister"),
    ("GOV", "Foreign Minister"),
    ("GOV", "Secretary of State"),
    ("GOV", "National Security Adviser"),
    ("MIL", "Defence Minister"),
    ("GOV", "Trade Representative"),
    ("GOV", "Ambassador"),
    ("GOV", "Deputy Foreign Minister"),
    ("SPY", "Intelligence Chief"),
];

const GIVEN: &[&str] = &[
    "Anna", "Wei", "Sergei", "James", "Li", "Maria", "Hiroshi", "Fatima", "Jean", "Olena", "Ahmed",
    "Priya", "Carlos", "Ji-hoon", "Lars", "Amara", "Mehmet", "Nguyen", "Elena", "Kwame", "José",
    "Zhao", "Ingrid", "Rahul",
];
const FAMILY: &[&str] = &[
    "Novak",
    "Zhang",
    "Petrov",
    "Walker",
    "Chen",
    "Silva",
    "Tanaka",
    "Haddad",
    "Moreau",
    "Kovalenko",
    "Rahman",
    "Sharma",
    "Mendes",
    "Park",
    "Eriksen",
    "Okafor",
    "Yilmaz",
    "Tran",
    "Rossi",
    "Mensah",
    "García",
    "Liu",
    "Schmidt",
    "Gupta",
    "Müller",
];

const OUTLETS: &[&str] = &[
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "Xinhua",
    "The Guardian",
    "South China Morning Post",
    "Nikkei Asia",
    "Al Jazeera",
    "Deutsche Welle",
    "The Hindu",
    "Kyiv Independent",
    "Politico",
];

const TOPICS: &[&str] = &[
    "trade tensions",
    "export controls on advanced chips",
    "the war in Ukraine",
    "military communication channels",
    "climate finance",
    "the situation in the Taiwan Strait",
    "fentanyl trafficking",
    "nuclear non-proliferation",
    "grain shipments through the Black Sea",
    "sanctions relief",
    "maritime security in the South China Sea",
    "debt restructuring",
    "a prisoner exchange",
    "the upcoming summit",
];

const MEET_VERBS: &[&str] = &[
    "met",
    "held talks with",
    "spoke by telephone with",
    "hosted",
    "had a working dinner with",
    "was received by",
];

/// Common news words, most frequent first; filler sentences draw from
/// them with a skew towards the front, as real text does.
const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "said",
    "on",
    "for",
    "with",
    "was",
    "is",
    "as",
    "by",
    "it",
    "its",
    "officials",
    "government",
    "would",
    "talks",
    "minister",
    "at",
    "from",
    "relations",
    "meeting",
    "an",
    "have",
    "has",
    "not",
    "been",
    "their",
    "ministry",
    "foreign",
    "security",
    "after",
    "statement",
    "bilateral",
    "both",
    "sides",
    "week",
    "countries",
    "policy",
    "economic",
    "agreed",
    "visit",
    "cooperation",
    "spokesperson",
    "president",
    "people",
    "military",
    "national",
    "told",
    "reporters",
    "state",
    "leaders",
    "dialogue",
    "tensions",
    "support",
    "further",
    "international",
    "diplomatic",
    "region",
    "conference",
    "trade",
    "stability",
    "issues",
    "concerns",
    "between",
    "allies",
    "delegation",
    "communication",
    "commitment",
    "summit",
    "analysts",
    "sanctions",
    "negotiations",
    "framework",
    "agreement",
    "channels",
    "crisis",
    "partners",
    "public",
    "senior",
    "administration",
    "announced",
    "according",
    "sources",
    "expected",
    "however",
    "also",
    "including",
    "comments",
    "previous",
    "progress",
    "constructive",
    "frank",
    "candid",
    "substantive",
    "exchange",
    "views",
    "interests",
    "response",
    "measures",
    "strategic",
    "competition",
    "responsible",
    "manage",
    "differences",
    "restore",
    "ties",
    "embassy",
    "envoy",
    "counterpart",
    "capital",
    "border",
    "maritime",
    "energy",
    "investment",
    "technology",
    "export",
    "controls",
    "market",
    "growth",
    "defence",
    "exercise",
    "patrol",
    "incident",
    "airspace",
    "surveillance",
    "balloon",
    "protest",
    "consulate",
    "delegates",
    "parliament",
    "opposition",
    "election",
    "campaign",
    "coalition",
    "treaty",
    "ceasefire",
    "humanitarian",
    "aid",
    "refugees",
    "climate",
    "emissions",
    "finance",
    "debt",
    "lenders",
    "currency",
    "tariffs",
    "supply",
    "chains",
    "semiconductors",
];

const CHINESE: &[&str] = &[
    "双方就共同关心的国际和地区问题深入交换了意见。",
    "外交部发言人在例行记者会上回答了有关提问。",
    "两国元首同意保持密切沟通，推动双边关系稳定发展。",
    "会谈在坦诚、建设性的气氛中进行。",
];
const RUSSIAN: &[&str] = &[
    "Стороны обменялись мнениями по актуальным международным вопросам.",
    "Министр подчеркнул важность продолжения диалога.",
    "Переговоры прошли в конструктивной атмосфере.",
];

const TAGS: &[&str] = &[
    "summit",
    "back-channel",
    "crisis",
    "trade",
    "security",
    "climate",
    "follow-up",
];

/// A deterministic id with the given prefix (ULID from the seed).
fn id(rng: &mut Rng, prefix: &str, n: usize) -> Id {
    let ms = 1_672_531_200_000u64 + n as u64; // 2023-01-01
    let ulid = ulid::Ulid::from_parts(ms, rng.u128(..));
    format!("{prefix}_{}", ulid.to_string().to_lowercase())
}

fn pick<'a, T>(rng: &mut Rng, xs: &'a [T]) -> &'a T {
    &xs[rng.usize(..xs.len())]
}

/// A skewed index: the front of a list much more often than the back.
fn zipf(rng: &mut Rng, n: usize) -> usize {
    let f = rng.f64();
    ((f * f * f) * n as f64) as usize % n
}

fn day_between(rng: &mut Rng, from: NaiveDate, days: u64) -> NaiveDate {
    from.checked_add_days(Days::new(rng.u64(..days)))
        .unwrap_or(from)
}

/// An article's text under construction, keeping each sentence's char
/// range so that passages can quote whole sentences.
struct TextBuilder {
    text: String,
    chars: usize,
    sentences: Vec<(usize, usize)>,
}

impl TextBuilder {
    fn new() -> Self {
        TextBuilder {
            text: String::new(),
            chars: 0,
            sentences: vec![],
        }
    }
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count();
    }
    fn sentence(&mut self, s: &str) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.push(" ");
        }
        let start = self.chars;
        self.push(s);
        self.sentences.push((start, self.chars));
    }
    fn paragraph_break(&mut self) {
        if !self.text.is_empty() {
            self.push("\n\n");
        }
    }
}

struct Pools {
    actors: Vec<Actor>,
    /// Person actors (index into `actors`), for sentences.
    people: Vec<usize>,
    kinds: Vec<String>,
}

fn filler(rng: &mut Rng) -> String {
    let n = 10 + rng.usize(..18);
    let mut s = String::with_capacity(n * 8);
    for i in 0..n {
        let w = WORDS[zipf(rng, WORDS.len())];
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
        if i > 3 && i + 2 < n && rng.u8(..14) == 0 {
            s.push(',');
        }
    }
    s.push('.');
    s
}

fn contact_sentence(rng: &mut Rng, pools: &Pools, day: NaiveDate) -> String {
    let a = &pools.actors[*pick(rng, &pools.people)];
    let b = &pools.actors[*pick(rng, &pools.people)];
    let (_, _, cities) = pick(rng, COUNTRIES);
    let city = pick(rng, cities);
    let when = match rng.u8(..5) {
        0 => day.format("on %B %-d").to_string(),
        1 => format!("last {}", day.format("%A")),
        2 => day.format("in %B %Y").to_string(),
        3 => format!("on {}", day.format("%-d %B %Y")),
        _ => "earlier this week".to_string(),
    };
    format!(
        "{} {} {} {} in {} {}, discussing {}.",
        a.office,
        a.name,
        pick(rng, MEET_VERBS),
        b.name,
        city,
        when,
        pick(rng, TOPICS)
    )
}

fn quote_sentence(rng: &mut Rng, pools: &Pools) -> String {
    let a = &pools.actors[*pick(rng, &pools.people)];
    format!(
        "“{}” {} told reporters.",
        filler(rng).trim_end_matches('.'),
        a.name
    )
}

/// Paragraphs of news text until `target` chars are reached.
fn body(rng: &mut Rng, pools: &Pools, day: NaiveDate, target: usize, tb: &mut TextBuilder) {
    let foreign = match rng.u8(..40) {
        0 => CHINESE,
        1 => RUSSIAN,
        _ => &[][..],
    };
    while tb.chars < target {
        tb.paragraph_break();
        let n = 2 + rng.usize(..5);
        for _ in 0..n {
            let s = match rng.u8(..10) {
                0..=1 => contact_sentence(rng, pools, day),
                2 => quote_sentence(rng, pools),
                3 if !foreign.is_empty() => pick(rng, foreign).to_string(),
                _ => filler(rng),
            };
            tb.sentence(&s);
        }
    }
}

fn pools(rng: &mut Rng, ws: &Workspace) -> Pools {
    let mut actors = vec![];
    let mut people = vec![];
    for (i, (code, name, _)) in COUNTRIES.iter().enumerate() {
        actors.push(Actor {
            id: id(rng, "act", i),
            name: (*name).into(),
            aliases: vec![],
            country: (*code).into(),
            sector: String::new(),
            office: String::new(),
        });
    }
    for i in 0..240 {
        let (code, _, _) = pick(rng, COUNTRIES);
        let (sector, office) = pick(rng, OFFICES);
        let given = GIVEN[i % GIVEN.len()];
        let family = FAMILY[(i / GIVEN.len() + i * 7) % FAMILY.len()];
        people.push(actors.len());
        actors.push(Actor {
            id: id(rng, "act", 100 + i),
            name: format!("{given} {family}"),
            aliases: if rng.u8(..4) == 0 {
                vec![family.to_string()]
            } else {
                vec![]
            },
            country: (*code).into(),
            sector: (*sector).into(),
            office: (*office).into(),
        });
    }
    // Names must be unique; the combination above repeats after a while.
    let mut seen = std::collections::HashSet::new();
    for a in actors.iter_mut() {
        let mut n = 2;
        let base = a.name.clone();
        while !seen.insert(a.name.clone()) {
            a.name = format!("{base} ({n})");
            n += 1;
        }
    }
    let kinds = ws
        .vocabularies
        .event_types
        .iter()
        .map(|t| t.code.clone())
        .collect();
    Pools {
        actors,
        people,
        kinds,
    }
}

/// Chars of article `i` of `n`: the long read first, a few large ones
/// (100 KB to 1 MB), the rest mostly 2 to 12 KB.
fn article_len(rng: &mut Rng, i: usize, n: usize) -> usize {
    let large = if n >= 50 { (n / 600).max(1) } else { 0 };
    if n >= 50 && i == 0 {
        LONG_READ_CHARS
    } else if i >= 1 && i <= large {
        100_000 + 900_000 * (i - 1) / (large - 1).max(1)
    } else {
        let f = rng.f64();
        1_500 + (f * f * 10_000.0) as usize + rng.usize(..1_000)
    }
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

/// A news web page of about `target` bytes of article text, with the
/// site furniture a real page carries (navigation, share buttons,
/// related links, footer) and its metadata in `<meta>` tags.
pub fn html_page(seed: u64, i: usize, target: usize) -> String {
    let (title, day, outlet, tb) = article_parts(seed, i, target);
    let mut body = String::with_capacity(tb.text.len() + 2_000);
    for p in tb.text.split("\n\n").skip(1) {
        body.push_str("<p>");
        body.push_str(&escape(p));
        body.push_str("</p>\n");
    }
    let t = escape(&title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
<title>{t} | {outlet}</title>\n\
<meta property=\"og:title\" content=\"{t}\">\n\
<meta property=\"og:site_name\" content=\"{outlet}\">\n\
<meta property=\"article:published_time\" content=\"{d}T08:00:00Z\">\n\
<meta name=\"author\" content=\"Staff reporter\">\n\
<link rel=\"canonical\" href=\"https://news.example.org/{d}/{i}\">\n\
</head><body>\n\
<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/politics\">Politics</a> <a href=\"/business\">Business</a></nav></header>\n\
<main><article><h1>{t}</h1>\n<p class=\"byline\">By Staff reporter · {d}</p>\n{body}\
<div class=\"share\">Share this article: <a href=\"#\">Facebook</a> <a href=\"#\">X</a> <a href=\"#\">Email</a></div>\n\
</article>\n<aside><h2>Related</h2><ul><li><a href=\"/a\">Markets wrap</a></li><li><a href=\"/b\">Weather</a></li></ul></aside></main>\n\
<footer>© 2023 {outlet}. All rights reserved. <a href=\"/privacy\">Privacy</a></footer>\n\
</body></html>\n",
        d = day.format("%Y-%m-%d"),
    )
}

/// A plain-text article of about `target` bytes: title, dateline, body.
pub fn text_file(seed: u64, i: usize, target: usize) -> String {
    let (_, _, _, tb) = article_parts(seed, i, target);
    tb.text
}

fn article_parts(
    seed: u64,
    i: usize,
    target: usize,
) -> (String, NaiveDate, &'static str, TextBuilder) {
    let mut rng = Rng::with_seed(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let ws = Workspace::new("");
    let pools = pools(&mut rng, &ws);
    let day = day_between(
        &mut rng,
        NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid"),
        3650,
    );
    let outlet = *pick(&mut rng, OUTLETS);
    let a = &pools.actors[*pick(&mut rng, &pools.people)];
    let b = &pools.actors[*pick(&mut rng, &pools.people)];
    let title = format!(
        "{} and {} discuss {} (report {i})",
        a.name,
        b.name,
        pick(&mut rng, TOPICS)
    );
    let mut tb = TextBuilder::new();
    tb.push(&title);
    tb.push("\n\n");
    tb.sentence(&format!("{} ({}) —", day.format("%B %-d, %Y"), outlet));
    body(&mut rng, &pools, day, target, &mut tb);
    (title, day, outlet, tb)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Write `count` generated articles (`html` or `txt`) of about `bytes`
/// each into `dir`, named `00000.html`...
pub fn write_corpus(
    dir: &std::path::Path,
    count: usize,
    bytes: usize,
    html: bool,
    seed: u64,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    (0..count)
        .map(|i| {
            let (name, content) = if html {
                (
                    format!("{i:05}.html"),
                    html_page(seed, i, bytes.saturating_sub(1_200)),
                )
            } else {
                (format!("{i:05}.txt"), text_file(seed, i, bytes))
            };
            let p = dir.join(name);
            std::fs::write(&p, content)?;
            Ok(p)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(crate::store::to_bytes(&ws), crate::store::to_bytes(&again));
        let other = workspace(Spec { seed: 8, ..spec });
        assert_ne!(ws.articles[3].text, other.articles[3].text);
    }

    #[test]
    fn html_pages_import_as_articles() {
        let page = html_page(1, 3, 4_000);
        assert!((4_000..7_000).contains(&page.len()), "{}", page.len());
        let (a, _) = crate::import::prepare_bytes(page.as_bytes(), "p.html", None).unwrap();
        assert!(a.title.contains("(report 3)"), "{}", a.title);
        assert!(!a.text.contains("Share this article"));
        assert!(a.published.is_some());
    }
}
