//! News-like prose for generated articles: sentences of contact between
//! actors, quotes and filler, built with the char offsets of each sentence
//! so the generator can anchor passages without searching.
//!
//! Imports `read`, `exchange`, `core`, `dates` and `text`, never egui (layer `dev`).

use crate::core::model::{Actor, Id, Workspace};
use crate::dev::words::*;
use chrono::{Days, NaiveDate};
use fastrand::Rng;

/// A deterministic id with the given prefix (ULID from the seed).
pub(crate) fn id(rng: &mut Rng, prefix: &str, n: usize) -> Id {
    let ms = 1_672_531_200_000u64 + n as u64; // 2023-01-01
    let ulid = ulid::Ulid::from_parts(ms, rng.u128(..));
    format!("{prefix}_{}", ulid.to_string().to_lowercase())
}

pub(crate) fn pick<'a, T>(rng: &mut Rng, xs: &'a [T]) -> &'a T {
    &xs[rng.usize(..xs.len())]
}

/// A skewed index: the front of a list much more often than the back.
pub(crate) fn zipf(rng: &mut Rng, n: usize) -> usize {
    let f = rng.f64();
    ((f * f * f) * n as f64) as usize % n
}

pub(crate) fn day_between(rng: &mut Rng, from: NaiveDate, days: u64) -> NaiveDate {
    from.checked_add_days(Days::new(rng.u64(..days)))
        .unwrap_or(from)
}

/// An article's text under construction, keeping each sentence's char
/// range so that passages can quote whole sentences.
pub(crate) struct TextBuilder {
    pub(crate) text: String,
    pub(crate) chars: usize,
    pub(crate) sentences: Vec<(usize, usize)>,
}

impl TextBuilder {
    pub(crate) fn new() -> Self {
        TextBuilder {
            text: String::new(),
            chars: 0,
            sentences: vec![],
        }
    }
    pub(crate) fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count();
    }
    pub(crate) fn sentence(&mut self, s: &str) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.push(" ");
        }
        let start = self.chars;
        self.push(s);
        self.sentences.push((start, self.chars));
    }
    pub(crate) fn paragraph_break(&mut self) {
        if !self.text.is_empty() {
            self.push("\n\n");
        }
    }
}

pub(crate) struct Pools {
    pub(crate) actors: Vec<Actor>,
    /// Person actors (index into `actors`), for sentences.
    pub(crate) people: Vec<usize>,
    pub(crate) kinds: Vec<String>,
}

pub(crate) fn filler(rng: &mut Rng) -> String {
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

pub(crate) fn contact_sentence(rng: &mut Rng, pools: &Pools, day: NaiveDate) -> String {
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

pub(crate) fn quote_sentence(rng: &mut Rng, pools: &Pools) -> String {
    let a = &pools.actors[*pick(rng, &pools.people)];
    format!(
        "“{}” {} told reporters.",
        filler(rng).trim_end_matches('.'),
        a.name
    )
}

/// Paragraphs of news text until `target` chars are reached.
pub(crate) fn body(
    rng: &mut Rng,
    pools: &Pools,
    day: NaiveDate,
    target: usize,
    tb: &mut TextBuilder,
) {
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

pub(crate) fn pools(rng: &mut Rng, ws: &Workspace) -> Pools {
    let mut actors = vec![];
    let mut people = vec![];
    for (i, (code, name, _)) in COUNTRIES.iter().enumerate() {
        actors.push(Actor {
            past: Default::default(),
            id: id(rng, "act", i),
            name: (*name).into(),
            aliases: vec![],
            country: (*code).into(),
            sector: String::new(),
            office: String::new(),
            created_by: String::new(),
            changed_by: String::new(),
            changed: String::new(),
            absorbed: vec![],
        });
    }
    for i in 0..240 {
        let (code, _, _) = pick(rng, COUNTRIES);
        let (sector, office) = pick(rng, OFFICES);
        let given = GIVEN[i % GIVEN.len()];
        let family = FAMILY[(i / GIVEN.len() + i * 7) % FAMILY.len()];
        people.push(actors.len());
        actors.push(Actor {
            past: Default::default(),
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
            created_by: String::new(),
            changed_by: String::new(),
            changed: String::new(),
            absorbed: vec![],
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
pub(crate) fn article_len(rng: &mut Rng, i: usize, n: usize) -> usize {
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

/// Chars of the "long read" (a summit press-conference transcript) that
/// every workspace of 50 articles or more holds as its first article; one
/// event in ten quotes it, so at 20,000 events it carries 2,000 highlights.
pub const LONG_READ_CHARS: usize = 300_000;
