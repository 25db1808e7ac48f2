//! The workspace model: articles, passages, events, actors, memos, the
//! vocabularies and orphaned passages, with their serde shape (the
//! `.detente` format). Pure data: it knows no egui and no other format.
//! Offsets are char offsets into NFC, LF text.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

pub use crate::core::ids::{HasId, Id, Revision, author, new_id, now};

use crate::core::vocab::{EventType, default_event_types};
use crate::dates::edtf::DateValue;
use crate::text::normalise::text_hash;
use crate::text::offsets::{CharIndex, char_slice};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::HashMap;
use std::sync::Arc;

/// The objects as last loaded or saved, shared with the live workspace
/// (events and articles are `Arc`s, so taking one costs reference counts):
/// what `core::lineage` compares a save with.
#[derive(Clone, Default)]
pub struct Baseline(pub Option<Arc<Saved>>);

pub struct Saved {
    pub events: HashMap<String, Arc<Event>>,
    pub articles: HashMap<String, Arc<Article>>,
    pub actors: HashMap<String, Actor>,
    pub memos: HashMap<String, Memo>,
}

impl std::fmt::Debug for Baseline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Baseline"
        } else {
            "Baseline(none)"
        })
    }
}

impl PartialEq for Baseline {
    /// Bookkeeping, not content: two workspaces are equal whatever they
    /// were loaded from.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Short hashes of the values each field held in earlier saved versions,
/// newest last (see `core::lineage`).
pub type Past = std::collections::BTreeMap<String, Vec<String>>;

pub const FORMAT: &str = "detente-workspace";
pub const VERSION: u32 = 1;

/// Characters of context kept on each side of a passage's quote.
pub const CONTEXT_CHARS: usize = 32;

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

macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn id(&self) -> &str { &self.id } })* };
}

has_id!(Article, Event, Actor, Memo);

/// Objects that keep their earlier saved values (see `core::lineage`).
pub trait HasPast: HasId + Clone + PartialEq + Serialize {
    fn past(&self) -> &Past;
    fn past_mut(&mut self) -> &mut Past;
}

macro_rules! has_past {
    ($($t:ty),*) => { $(impl HasPast for $t {
        fn past(&self) -> &Past { &self.past }
        fn past_mut(&mut self) -> &mut Past { &mut self.past }
    })* };
}

has_past!(Article, Event, Actor, Memo);

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
    /// The analyst's memos: Markdown notes that link articles, passages,
    /// events and each other (see `core::memo`).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "sorted_by_id"
    )]
    pub memos: Vec<Memo>,
    pub vocabularies: Vocabularies,
    /// Tags in use, kept sorted and unique.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub notes: String,
    /// Passages that lost their place when an article's text changed,
    /// waiting to be placed again or dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphans: Vec<Orphan>,
    /// Differences a merge of two copies could not settle, each with both
    /// values, waiting for a person to choose; the file stays valid.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Objects deleted in earlier saves: id and a hash of the last saved
    /// state, so a merge can tell a deletion from an object never seen.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub removed: std::collections::BTreeMap<Id, String>,
    /// The objects as last loaded or saved (not saved itself).
    #[serde(skip)]
    pub saved: Baseline,
}

/// A difference a merge could not settle. The merged workspace holds ours
/// (`ours`); `theirs` keeps the other side's value so nothing is lost.
/// `null` stands for "deleted on that side".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// What it is about: "article", "event", "actor", "event type",
    /// "orphan" or "workspace".
    pub kind: String,
    /// The object's id (its code for an event type; "" for the workspace).
    pub id: String,
    /// The field that differs, or "" when one side deleted the object and
    /// the other changed it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub field: String,
    pub ours: serde_json::Value,
    pub theirs: serde_json::Value,
    /// The common ancestor's value, when a base was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<serde_json::Value>,
    /// When the merge found it.
    pub found: String,
    /// Who last changed each side's object, when known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ours_by: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub theirs_by: String,
    /// For an object one copy deleted (known from its `removed`): the hash
    /// of the state it deleted, which keeping the object notes so the
    /// same deletion is not raised again.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub deleted: String,
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
    /// When the page was fetched from its URL (RFC 3339), for citations'
    /// access date; empty for a file saved by other means.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub accessed: String,
    /// The news database the story came from ("Factiva", "ProQuest",
    /// "LexisNexis"), for citations; empty for other sources.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub database: String,
    /// The story's id in that database (an accession number).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub database_id: String,
    /// Normalised plain text (NFC, `\n` line ends) that anchors point into.
    pub text: String,
    /// SHA-256 of `text`, hex.
    pub text_hash: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub notes: String,
    /// Earlier saved values of its fields (see `core::lineage`).
    #[serde(default, skip_serializing_if = "Past::is_empty")]
    pub past: Past,
}

impl Article {
    /// An article holding `text` as it is (the caller normalises it), with
    /// no metadata: what the readers fill in, and what core tests build on.
    pub fn new(title: &str, text: &str) -> Article {
        Article {
            past: Default::default(),
            id: new_id("art"),
            title: title.to_string(),
            outlet: String::new(),
            url: String::new(),
            byline: String::new(),
            language: String::new(),
            published: None,
            published_source: String::new(),
            imported_from: String::new(),
            imported_at: now(),
            accessed: String::new(),
            database: String::new(),
            database_id: String::new(),
            text_hash: text_hash(text),
            text: text.to_string(),
            notes: String::new(),
        }
    }

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
        Anchor::from_range_in(text, &CharIndex::new(text), start, end)
    }

    /// [`Anchor::from_range`] with the text's char index already built (an
    /// import placing thousands of passages in one long text builds it once).
    pub fn from_range_in(text: &str, idx: &CharIndex, start: usize, end: usize) -> Option<Anchor> {
        if start >= end {
            return None;
        }
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
    /// When and by whom it was tagged (empty in files from before).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub created: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub created_by: String,
}

/// A passage whose text could not be found after its article changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Orphan {
    pub event: Id,
    /// The passage as it was (its quote is what to look for).
    pub passage: Passage,
    /// When and why it lost its place.
    pub note: String,
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
    /// [`Event::disagreement`] while nobody has reviewed it.
    pub fn open_disagreement(&self) -> Option<String> {
        self.disagreement().filter(|_| self.date_review.is_empty())
    }

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
                // Seasons count in either reading (meteorological or
                // astronomical).
                match (a.span_for_comparison(), b.span_for_comparison()) {
                    ((Some(a0), Some(a1)), (Some(b0), Some(b1))) => a1 < b0 || b1 < a0,
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
    /// Who created it and who last changed it (empty in older files).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub created_by: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub changed_by: String,
    /// When its sources disagree on the date: the note of whoever looked
    /// into it ("Reuters' dateline is the day after"); empty while not
    /// reviewed.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub date_review: String,
    /// Earlier saved values of its fields (see `core::lineage`).
    #[serde(default, skip_serializing_if = "Past::is_empty")]
    pub past: Past,
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
    /// Who added it, who last changed it and when (empty in older files).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub created_by: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub changed_by: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub changed: String,
    /// Earlier saved values of its fields (see `core::lineage`).
    #[serde(default, skip_serializing_if = "Past::is_empty")]
    pub past: Past,
    /// The ids of actors merged into this one (a typo's duplicate): a
    /// colleague's copy that still names them is pointed here when the
    /// copies are merged, so the duplicate does not come back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absorbed: Vec<Id>,
}

/// A memo: the analyst's own note, in Markdown, with a title, tags and
/// links to articles, passages, events and other memos written in its text
/// as `[label](detente:ID)` (see `core::memo`), so the links travel with
/// the text through saves, merges and exports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Memo {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Whether the chronology report prints it as a section.
    #[serde(default, skip_serializing_if = "is_false")]
    pub in_report: bool,
    pub created: String,
    pub modified: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub created_by: String,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub changed_by: String,
    /// Earlier saved values of its fields (see `core::lineage`).
    #[serde(default, skip_serializing_if = "Past::is_empty")]
    pub past: Past,
}

fn is_false(b: &bool) -> bool {
    !*b
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

/// The title of a workspace nobody has named yet (the window's New).
pub const UNTITLED: &str = "Untitled workspace";

impl Workspace {
    /// Whether someone gave the workspace a title: until then, the name of
    /// its file stands in for it (the report's heading, the figure's
    /// title, export names), never "Untitled workspace".
    pub fn has_own_title(&self) -> bool {
        let t = self.title.trim();
        !t.is_empty() && t != UNTITLED
    }

    /// The title a file's name gives: its stem ("uschina" for
    /// `uschina.detente`).
    pub fn title_from_file(path: &std::path::Path) -> Option<String> {
        let stem = path.file_stem()?.to_string_lossy();
        let t = crate::text::normalise::one_line(&stem);
        (!t.is_empty()).then_some(t)
    }

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
            memos: vec![],
            vocabularies: Vocabularies {
                event_types: default_event_types(),
            },
            tags: vec![],
            notes: String::new(),
            orphans: vec![],
            removed: Default::default(),
            saved: Default::default(),
            conflicts: vec![],
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
    pub fn memo(&self, id: &str) -> Option<&Memo> {
        self.memos.iter().find(|m| m.id == id)
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
