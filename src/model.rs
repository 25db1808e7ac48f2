//! The workspace model: articles, passages, events, actors. Pure data, no UI.

use crate::dates::DateValue;
use crate::vocab::{EventType, default_event_types};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::Mutex;

pub const FORMAT: &str = "detente-workspace";
pub const VERSION: u32 = 1;

/// Characters of context kept on each side of a passage's quote.
pub const CONTEXT_CHARS: usize = 32;

pub type Id = String;

static ID_GEN: Mutex<Option<ulid::Generator>> = Mutex::new(None);

/// A new id: a prefix naming the kind of object and a ULID. ULIDs are
/// unique without coordination (so merged workspaces never collide) and
/// increase with time (so new objects sort last).
pub fn new_id(prefix: &str) -> Id {
    let mut guard = ID_GEN.lock().unwrap_or_else(|p| p.into_inner());
    let generator = guard.get_or_insert_with(ulid::Generator::new);
    let ulid = generator.generate().unwrap_or_else(|_| ulid::Ulid::new());
    format!("{prefix}_{}", ulid.to_string().to_ascii_lowercase())
}

/// The current time as an RFC 3339 UTC timestamp with second precision.
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn is_empty(s: &str) -> bool {
    s.is_empty()
}

/// Serialize a list sorted by id, whatever its order in memory, so that
/// saves are deterministic.
fn sorted_by_id<T: Serialize + HasId, S: Serializer>(items: &[T], s: S) -> Result<S::Ok, S::Error> {
    let mut refs: Vec<&T> = items.iter().collect();
    refs.sort_by(|a, b| a.id().cmp(b.id()));
    s.collect_seq(refs)
}

pub trait HasId {
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn id(&self) -> &str { &self.id } })* };
}
has_id!(Article, Event, Actor);

impl<T: HasId> HasId for Arc<T> {
    fn id(&self) -> &str {
        self.as_ref().id()
    }
}

static REVISIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A number that changes whenever a workspace changes, unique across all
/// workspaces in the process, so views can cache what they derive from
/// one. Not saved, and ignored when comparing workspaces.
#[derive(Debug, Clone)]
pub struct Revision(u64);

impl Revision {
    pub fn next() -> Self {
        Revision(REVISIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
    pub fn get(&self) -> u64 {
        self.0
    }
}

impl Default for Revision {
    fn default() -> Self {
        Revision::next()
    }
}

impl PartialEq for Revision {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    #[serde(skip)]
    pub revision: Revision,
    pub format: String,
    pub version: u32,
    pub id: Id,
    pub title: String,
    pub created: String,
    pub modified: String,
    /// Articles and events are shared (`Arc`) so that a snapshot for a
    /// background save costs a few thousand reference counts, not a copy;
    /// [`Workspace::article_mut`] and [`Workspace::event_mut`] copy on write.
    #[serde(serialize_with = "sorted_by_id")]
    pub articles: Vec<Arc<Article>>,
    #[serde(serialize_with = "sorted_by_id")]
    pub events: Vec<Arc<Event>>,
    #[serde(serialize_with = "sorted_by_id")]
    pub actors: Vec<Actor>,
    pub vocabularies: Vocabularies,
    /// Tags in use, kept sorted and unique.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub notes: String,
    /// Passages that lost their place when an article's text changed,
    /// waiting to be placed again or dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphans: Vec<crate::anchor::Orphan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabularies {
    pub event_types: Vec<EventType>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub outlet: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub url: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub byline: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub language: String,
    #[serde(default)]
    pub published: Option<DateValue>,
    /// Where the publication date came from ("set by user", a dateline...).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub published_source: String,
    /// The imported file's name only, never a path to follow.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub imported_from: String,
    pub imported_at: String,
    /// Normalised plain text (NFC, `\n` line ends) that anchors point into.
    pub text: String,
    /// SHA-256 of `text`, hex.
    pub text_hash: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub notes: String,
}

impl Article {
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }
}

/// W3C Web Annotation TextPositionSelector (start, end in chars) plus
/// TextQuoteSelector (exact, prefix, suffix).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

impl Anchor {
    /// Build an anchor for chars `start..end` of `text`. None when the range
    /// is empty or out of bounds.
    pub fn from_range(text: &str, start: usize, end: usize) -> Option<Anchor> {
        if start >= end {
            return None;
        }
        let idx = CharIndex::new(text);
        if end > idx.len() {
            return None;
        }
        let slice = |a: usize, b: usize| &text[idx.byte(a)..idx.byte(b)];
        Some(Anchor {
            start,
            end,
            exact: slice(start, end).to_string(),
            prefix: slice(start.saturating_sub(CONTEXT_CHARS), start).to_string(),
            suffix: slice(end, (end + CONTEXT_CHARS).min(idx.len())).to_string(),
        })
    }

    /// Whether the stored quote is what the offsets point at in `text`.
    pub fn matches(&self, text: &str) -> bool {
        char_slice(text, self.start, self.end).is_some_and(|s| s == self.exact)
    }
}

/// Byte offsets of each char boundary, for O(1) char-to-byte conversion.
pub struct CharIndex {
    bytes: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }
    /// Number of chars.
    pub fn len(&self) -> usize {
        self.bytes.len() - 1
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Byte offset of char `c` (c <= len).
    pub fn byte(&self, c: usize) -> usize {
        self.bytes[c]
    }
    /// Char offset of byte `b`, which must be a char boundary.
    pub fn char_of_byte(&self, b: usize) -> usize {
        self.bytes.partition_point(|&x| x < b)
    }
}

/// The chars `start..end` of `text`, or None when out of range.
pub fn char_slice(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let a = it.nth(start)?;
    let b = if end == start {
        a
    } else {
        it.nth(end - start - 1)?
    };
    Some(&text[a..b])
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    pub id: Id,
    pub article: Id,
    pub anchor: Anchor,
    /// The date this passage's article gives for the event (from the
    /// expression in or near the passage), so disagreeing sources show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateValue>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Occurred,
    Planned,
    Postponed,
    Cancelled,
    Refused,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Occurred,
        Status::Planned,
        Status::Postponed,
        Status::Cancelled,
        Status::Refused,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Planned => "planned",
            Status::Postponed => "postponed",
            Status::Cancelled => "cancelled",
            Status::Refused => "refused",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        let s = s.trim().to_ascii_lowercase();
        let s = if s == "canceled" {
            "cancelled".to_string()
        } else {
            s
        };
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The actor who acted (CAMEO source).
    Source,
    /// The counterpart acted upon (CAMEO target).
    Target,
    /// Took part, neither side singled out (talks between equals).
    #[default]
    Participant,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Target => "target",
            Role::Participant => "participant",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorRef {
    pub actor: Id,
    #[serde(default)]
    pub role: Role,
}

impl Event {
    /// "sources disagree: 10 May 2023 / 11 May 2023" when two passages give
    /// dates that cannot both be right (their ranges do not overlap).
    pub fn disagreement(&self) -> Option<String> {
        let dated: Vec<&DateValue> = self
            .evidence
            .iter()
            .filter_map(|p| p.date.as_ref())
            .collect();
        let clash = dated.iter().enumerate().any(|(i, a)| {
            dated[i + 1..].iter().any(|b| {
                match (a.earliest(), a.latest(), b.earliest(), b.latest()) {
                    (Some(a0), Some(a1), Some(b0), Some(b1)) => a1 < b0 || b1 < a0,
                    _ => false,
                }
            })
        });
        if !clash {
            return None;
        }
        let mut seen: Vec<String> = vec![];
        for d in dated {
            let h = d.human();
            if !seen.contains(&h) {
                seen.push(h);
            }
        }
        Some(format!("sources disagree: {}", seen.join(" / ")))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: Id,
    pub headline: String,
    /// Event type code from the workspace vocabulary ("042").
    pub kind: String,
    #[serde(default)]
    pub date: Option<DateValue>,
    #[serde(default)]
    pub actors: Vec<ActorRef>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub place: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub notes: String,
    #[serde(default)]
    pub evidence: Vec<Passage>,
    pub created: String,
    pub modified: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-3 ("USA", "CHN") or an IGO code ("UNO", "NATO").
    #[serde(default, skip_serializing_if = "is_empty")]
    pub country: String,
    /// CAMEO sector: GOV, MIL, SPY, LEG, BUS, MED, ...
    #[serde(default, skip_serializing_if = "is_empty")]
    pub sector: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub office: String,
}

impl Actor {
    /// The CAMEO actor code, country then sector ("USAGOV").
    pub fn code(&self) -> String {
        format!("{}{}", self.country, self.sector)
    }
    /// Whether `name` is this actor's name or one of its aliases (any case).
    pub fn answers_to(&self, name: &str) -> bool {
        let n = name.trim();
        self.name.eq_ignore_ascii_case(n) || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(n))
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

/// Limits on untrusted workspace files.
pub const MAX_ARTICLE_CHARS: usize = 20 * 1024 * 1024;
pub const MAX_SHORT_FIELD: usize = 10_000;

impl Workspace {
    pub fn new(title: &str) -> Workspace {
        let t = now();
        Workspace {
            revision: Revision::next(),
            format: FORMAT.into(),
            version: VERSION,
            id: new_id("ws"),
            title: title.into(),
            created: t.clone(),
            modified: t,
            articles: vec![],
            events: vec![],
            actors: vec![],
            vocabularies: Vocabularies {
                event_types: default_event_types(),
            },
            tags: vec![],
            notes: String::new(),
            orphans: vec![],
        }
    }

    /// Record a change: a new revision and modification time.
    pub fn touch(&mut self) {
        self.modified = now();
        self.revision = Revision::next();
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id).map(|a| &**a)
    }
    pub fn article_mut(&mut self, id: &str) -> Option<&mut Article> {
        self.articles
            .iter_mut()
            .find(|a| a.id == id)
            .map(Arc::make_mut)
    }
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id).map(|e| &**e)
    }
    pub fn event_mut(&mut self, id: &str) -> Option<&mut Event> {
        self.events
            .iter_mut()
            .find(|e| e.id == id)
            .map(Arc::make_mut)
    }
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }
    pub fn event_type(&self, code: &str) -> Option<&EventType> {
        self.vocabularies
            .event_types
            .iter()
            .find(|t| t.code == code)
    }
    pub fn actor_by_name(&self, name: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.answers_to(name))
    }

    /// The number of passages that point into each article.
    pub fn passage_counts(&self) -> HashMap<&str, usize> {
        let mut m = HashMap::new();
        for p in self.events.iter().flat_map(|e| &e.evidence) {
            *m.entry(p.article.as_str()).or_insert(0) += 1;
        }
        m
    }

    /// Record tags used by an event in the workspace's tag list.
    pub fn register_tags(&mut self, tags: &[String]) {
        for t in tags {
            if let Err(pos) = self.tags.binary_search(t) {
                self.tags.insert(pos, t.clone());
            }
        }
    }

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
            if crate::vocab::parse_colour(&t.colour).is_none() {
                p(place, format!("colour \"{}\" is not #rrggbb", t.colour));
            }
        }
        // Hashing every text is the costly part of a check: share it
        // between the cores.
        let hash_ok = parallel_map(&self.articles, |a| {
            crate::import::text_hash(&a.text) == a.text_hash
        });
        let mut article_at: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for (i, a) in self.articles.iter().enumerate() {
            let place = || format!("articles[{i}] ({})", a.id);
            check_id(&mut ids, &place, &a.id, &mut p);
            // Bytes bound chars, so only long texts need counting.
            let n = if a.text.len() > MAX_ARTICLE_CHARS {
                a.char_len()
            } else {
                0
            };
            if n > MAX_ARTICLE_CHARS {
                p(
                    place(),
                    format!("text is {n} chars, over the limit of {MAX_ARTICLE_CHARS}"),
                );
            }
            if !hash_ok[i] {
                p(
                    place(),
                    "text_hash does not match the text (the text was changed outside Detente)"
                        .into(),
                );
            }
            for (name, v) in [("title", &a.title), ("outlet", &a.outlet), ("url", &a.url)] {
                if v.len() > MAX_SHORT_FIELD {
                    p(place(), format!("{name} is too long"));
                }
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
        out
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

/// `f` over every item, the items shared between the cores.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads < 2 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(move || c.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker panicked"))
            .collect()
    })
}

/// The first 60 chars of `s`, with an ellipsis when cut.
pub fn short(s: &str) -> String {
    let mut it = s.chars();
    let head: String = it.by_ref().take(60).collect();
    if it.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_increasing() {
        let ids: Vec<_> = (0..1000).map(|_| new_id("evt")).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted);
        assert!(ids[0].starts_with("evt_"));
    }

    #[test]
    fn anchors_count_chars_not_bytes() {
        let text = "王毅 met 🇺🇸 Blinken; café (e\u{301}) talks";
        let start = text.chars().position(|c| c == 'B').unwrap();
        let a = Anchor::from_range(text, start, start + 7).unwrap();
        assert_eq!(a.exact, "Blinken");
        assert!(a.prefix.ends_with("🇺🇸 "));
        assert!(a.matches(text));
        assert_eq!(char_slice(text, 0, 2), Some("王毅"));
        assert_eq!(char_slice(text, 0, 0), Some(""));
        assert!(char_slice(text, 0, 1000).is_none());
        assert!(Anchor::from_range(text, 3, 3).is_none());
        assert!(Anchor::from_range(text, 3, 10_000).is_none());
        let idx = CharIndex::new(text);
        assert_eq!(idx.char_of_byte(idx.byte(start)), start);
    }

    #[test]
    fn status_parsing_accepts_us_spelling() {
        assert_eq!(Status::parse("Canceled"), Some(Status::Cancelled));
        assert_eq!(Status::parse("refused"), Some(Status::Refused));
        assert_eq!(Status::parse("happened"), None);
    }
}
