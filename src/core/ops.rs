//! Edits shared by the command line and the window: finding quotes,
//! tagging passages as events, attaching evidence, finding actors.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::model::{
    Actor, ActorRef, Anchor, Event, Id, Passage, Role, Status, Workspace, author, new_id, now,
};
use crate::dates::edtf::DateValue;
use crate::text::normalise::short;
use crate::text::offsets::find_all;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpError {
    #[error("no article matches \"{0}\"")]
    NoArticle(String),
    #[error("\"{query}\" matches several articles: {}", .found.join("; "))]
    AmbiguousArticle { query: String, found: Vec<String> },
    #[error("the quote was not found in \"{article}\"{}", hint(.similar))]
    QuoteNotFound {
        article: String,
        similar: Vec<String>,
    },
    #[error("the quote occurs {} times in \"{article}\"; choose one with --nth:\n{}", .found.len(), .found.join("\n"))]
    QuoteAmbiguous { article: String, found: Vec<String> },
    #[error("--nth {nth} is out of range: the quote occurs {count} time(s)")]
    NthOutOfRange { nth: usize, count: usize },
    #[error("no event with id {0}")]
    NoEvent(String),
    #[error("event type \"{0}\" is not in the workspace vocabulary")]
    UnknownKind(String),
    #[error("this passage is already evidence for event {0}")]
    AlreadyEvidence(String),
    #[error("the headline is empty")]
    EmptyHeadline,
    #[error("the passage is empty or outside the text")]
    BadRange,
}

fn hint(similar: &[String]) -> String {
    if similar.is_empty() {
        String::new()
    } else {
        format!(
            "; matches ignoring case and spacing:\n{}",
            similar.join("\n")
        )
    }
}

/// Find an article by id, exact title, or a unique part of its title.
pub fn find_article<'a>(
    ws: &'a Workspace,
    query: &str,
) -> Result<&'a crate::core::model::Article, OpError> {
    if let Some(a) = ws.article(query) {
        return Ok(a);
    }
    let q = query.trim().to_lowercase();
    let exact: Vec<_> = ws
        .articles
        .iter()
        .filter(|a| a.title.to_lowercase() == q)
        .collect();
    let candidates = if exact.is_empty() {
        ws.articles
            .iter()
            .filter(|a| a.title.to_lowercase().contains(&q))
            .collect()
    } else {
        exact
    };
    match candidates.as_slice() {
        [one] => Ok(one),
        [] => Err(OpError::NoArticle(query.into())),
        many => Err(OpError::AmbiguousArticle {
            query: query.into(),
            found: many
                .iter()
                .map(|a| format!("{} {}", a.id, a.title))
                .collect(),
        }),
    }
}

fn context(text: &str, start: usize, end: usize) -> String {
    let a = Anchor::from_range(text, start, end).expect("in range");
    format!(
        "…{}[{}]{}…",
        a.prefix.replace('\n', " "),
        short(&a.exact),
        a.suffix.replace('\n', " ")
    )
}

/// Locate a quote in an article: the only occurrence, or the `nth` (1-based).
pub fn locate_quote(
    ws: &Workspace,
    article: &Id,
    quote: &str,
    nth: Option<usize>,
) -> Result<Anchor, OpError> {
    let a = ws
        .article(article)
        .ok_or_else(|| OpError::NoArticle(article.clone()))?;
    let quote: String = unicode_normalization::UnicodeNormalization::nfc(quote).collect();
    let hits = find_all(&a.text, &quote);
    let range = match (hits.as_slice(), nth) {
        ([], _) => {
            let norm = |s: &str| {
                s.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            };
            let nq = norm(&quote);
            let similar = a
                .text
                .lines()
                .filter(|l| !nq.is_empty() && norm(l).contains(&nq))
                .map(|l| format!("  {}", short(l.trim())))
                .take(5)
                .collect();
            return Err(OpError::QuoteNotFound {
                article: a.title.clone(),
                similar,
            });
        }
        ([one], None) => *one,
        (many, None) => {
            return Err(OpError::QuoteAmbiguous {
                article: a.title.clone(),
                found: many
                    .iter()
                    .enumerate()
                    .map(|(i, &(s, e))| {
                        format!("  --nth {} at {s}..{e}: {}", i + 1, context(&a.text, s, e))
                    })
                    .collect(),
            });
        }
        (many, Some(n)) => *many.get(n.wrapping_sub(1)).ok_or(OpError::NthOutOfRange {
            nth: n,
            count: many.len(),
        })?,
    };
    Anchor::from_range(&a.text, range.0, range.1).ok_or(OpError::BadRange)
}

/// Find an actor by name or alias, or create one with that name.
pub fn actor_for_name(ws: &mut Workspace, name: &str) -> (Id, bool) {
    if let Some(a) = ws.actor_by_name(name) {
        return (a.id.clone(), false);
    }
    let id = new_id("act");
    ws.actors.push(Actor {
        past: Default::default(),
        id: id.clone(),
        name: name.trim().to_string(),
        aliases: vec![],
        country: String::new(),
        sector: String::new(),
        office: String::new(),
        created_by: author(),
        changed_by: author(),
        changed: now(),
        absorbed: vec![],
    });
    (id, true)
}

/// The date the passage's article gives: from the expression in or nearest
/// to the passage, resolved against the article's publication date.
pub fn passage_date(ws: &Workspace, article: &Id, anchor: &Anchor) -> Option<DateValue> {
    let a = ws.article(article)?;
    let found =
        crate::dates::find::find_dates(&a.text, a.published.as_ref().and_then(|d| d.earliest()));
    let chars: Vec<char> = a.text.chars().collect();
    crate::dates::find::passage_date_in(&found, &chars, anchor.start, anchor.end)
}

/// What a new event is made of, apart from its first passage.
#[derive(Debug, Clone, Default)]
pub struct NewEvent {
    pub headline: String,
    pub kind: String,
    pub date: Option<DateValue>,
    pub actors: Vec<(Id, Role)>,
    pub place: String,
    pub status: Status,
    pub tags: Vec<String>,
    pub notes: String,
}

/// Create an event with one passage as its evidence; returns the event id.
pub fn tag_new_event(
    ws: &mut Workspace,
    article: &Id,
    anchor: Anchor,
    spec: NewEvent,
) -> Result<Id, OpError> {
    if spec.headline.trim().is_empty() {
        return Err(OpError::EmptyHeadline);
    }
    if ws.event_type(&spec.kind).is_none() {
        return Err(OpError::UnknownKind(spec.kind));
    }
    check_anchor(ws, article, &anchor)?;
    let t = now();
    let id = new_id("evt");
    let mut actors: Vec<ActorRef> = vec![];
    for (actor, role) in spec.actors {
        if !actors.iter().any(|r| r.actor == actor) {
            actors.push(ActorRef { actor, role });
        }
    }
    ws.register_tags(&spec.tags);
    let date = passage_date(ws, article, &anchor);
    ws.events.push(std::sync::Arc::new(Event {
        date_review: String::new(),
        past: Default::default(),
        id: id.clone(),
        headline: spec.headline.trim().to_string(),
        kind: spec.kind,
        date: spec.date,
        actors,
        place: spec.place,
        status: spec.status,
        tags: spec.tags,
        notes: spec.notes,
        evidence: vec![Passage {
            id: new_id("psg"),
            article: article.clone(),
            anchor,
            date,
            created: t.clone(),
            created_by: author(),
        }],
        created: t.clone(),
        modified: t,
        created_by: author(),
        changed_by: author(),
    }));
    ws.touch();
    Ok(id)
}

fn check_anchor(ws: &Workspace, article: &Id, anchor: &Anchor) -> Result<(), OpError> {
    let a = ws
        .article(article)
        .ok_or_else(|| OpError::NoArticle(article.clone()))?;
    if anchor.start >= anchor.end || !anchor.matches(&a.text) {
        return Err(OpError::BadRange);
    }
    Ok(())
}

/// Attach a passage to an existing event; returns the passage id.
pub fn add_evidence(
    ws: &mut Workspace,
    event: &Id,
    article: &Id,
    anchor: Anchor,
) -> Result<Id, OpError> {
    check_anchor(ws, article, &anchor)?;
    let date = passage_date(ws, article, &anchor);
    let e = ws
        .event_mut(event)
        .ok_or_else(|| OpError::NoEvent(event.clone()))?;
    if e.evidence.iter().any(|p| {
        &p.article == article && p.anchor.start == anchor.start && p.anchor.end == anchor.end
    }) {
        return Err(OpError::AlreadyEvidence(event.clone()));
    }
    let pid = new_id("psg");
    e.evidence.push(Passage {
        id: pid.clone(),
        article: article.clone(),
        anchor,
        date,
        created: now(),
        created_by: author(),
    });
    e.modified = now();
    e.changed_by = author();
    ws.touch();
    Ok(pid)
}

/// The status a new event starts with: planned when the date found for it
/// begins after its article was published (the sentence spoke of what was
/// to come: "will meet next week"), else occurred. The user corrects it
/// either way; an event dated after its report cannot already have happened.
pub fn default_status(date: Option<&DateValue>, published: Option<&DateValue>) -> Status {
    match (
        date.and_then(|d| d.earliest()),
        published.and_then(|p| p.latest()),
    ) {
        (Some(d), Some(p)) if d > p => Status::Planned,
        _ => Status::Occurred,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::model::Article;

    /// A workspace of one article of `text`, and its id (for the tests of
    /// the core's edits).
    pub(crate) fn ws_with(text: &str) -> (Workspace, Id) {
        let mut ws = Workspace::new("t");
        let a = Article::new("A", text);
        let id = a.id.clone();
        ws.articles.push(a.into());
        (ws, id)
    }

    #[test]
    fn quotes_are_found_by_char_offset() {
        let (ws, id) = ws_with("王毅会见了沙利文。Wang Yi met Sullivan. Wang Yi left.");
        let a = locate_quote(&ws, &id, "沙利文", None).unwrap();
        assert_eq!((a.start, a.end), (5, 8));
        let err = locate_quote(&ws, &id, "Wang Yi", None).unwrap_err();
        assert!(matches!(&err, OpError::QuoteAmbiguous { found, .. } if found.len() == 2));
        assert!(err.to_string().contains("--nth 2"));
        let second = locate_quote(&ws, &id, "Wang Yi", Some(2)).unwrap();
        assert!(second.start > 20);
        assert!(matches!(
            locate_quote(&ws, &id, "Wang Yi", Some(3)),
            Err(OpError::NthOutOfRange { .. })
        ));
        let err = locate_quote(&ws, &id, "wang  yi MET", None).unwrap_err();
        assert!(matches!(&err, OpError::QuoteNotFound { similar, .. } if similar.len() == 1));
    }

    #[test]
    fn tagging_and_evidence() {
        let (mut ws, id) = ws_with("Blinken met Qin Gang in Beijing. Later, Blinken met Wang Yi.");
        let anchor = locate_quote(&ws, &id, "Blinken met Qin Gang", None).unwrap();
        let (qin, created) = actor_for_name(&mut ws, "Qin Gang");
        assert!(created);
        assert_eq!(actor_for_name(&mut ws, "qin gang"), (qin.clone(), false));
        let spec = NewEvent {
            headline: "Blinken meets Qin".into(),
            kind: "043".into(),
            actors: vec![(qin.clone(), Role::Source), (qin, Role::Target)],
            ..Default::default()
        };
        let ev = tag_new_event(&mut ws, &id, anchor.clone(), spec.clone()).unwrap();
        assert_eq!(
            ws.event(&ev).unwrap().actors.len(),
            1,
            "an actor is listed once"
        );
        assert_eq!(
            add_evidence(&mut ws, &ev, &id, anchor.clone()),
            Err(OpError::AlreadyEvidence(ev.clone()))
        );
        let other = locate_quote(&ws, &id, "Blinken met Wang Yi", None).unwrap();
        add_evidence(&mut ws, &ev, &id, other).unwrap();
        assert_eq!(ws.event(&ev).unwrap().evidence.len(), 2);
        let bad = NewEvent {
            kind: "999".into(),
            ..spec
        };
        assert_eq!(
            tag_new_event(&mut ws, &id, anchor, bad),
            Err(OpError::UnknownKind("999".into()))
        );
        assert!(ws.problems().is_empty());
    }

    #[test]
    fn an_event_dated_after_its_report_starts_planned() {
        let d = |s: &str| DateValue::parse(s).unwrap();
        let published = d("2023-06-01");
        assert_eq!(
            default_status(Some(&d("2023-06-08")), Some(&published)),
            Status::Planned
        );
        assert_eq!(
            default_status(Some(&d("2023-05-31")), Some(&published)),
            Status::Occurred
        );
        // The same day, a month that includes it, or nothing known: occurred.
        assert_eq!(
            default_status(Some(&d("2023-06")), Some(&published)),
            Status::Occurred
        );
        assert_eq!(
            default_status(Some(&d("2023-06-01")), Some(&published)),
            Status::Occurred
        );
        assert_eq!(default_status(None, Some(&published)), Status::Occurred);
        assert_eq!(
            default_status(Some(&d("2023-07-01")), None),
            Status::Occurred
        );
    }
}
