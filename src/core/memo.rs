//! Memos and what they link. A memo's links live in its Markdown text as
//! ordinary links with the `detente:` scheme, `[label](detente:ID)`, so a
//! memo read anywhere else (a Markdown viewer, a REFI-QDA note, a merge
//! conflict) still reads well, and links travel with the text through
//! saves, merges and re-anchoring (passage ids do not change when a passage
//! moves). This file finds those links with pulldown-cmark (the parser the
//! window renders with, so what is a link here is a link there), resolves
//! them, lists the memos that link an object, and offers the choices of the
//! `[[` picker.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `core`).

use crate::core::model::{Article, Event, Memo, Orphan, Passage, Workspace, author, new_id, now};
use crate::text::normalise::{cut_at_word, one_line};
use pulldown_cmark::{Event as Md, Parser, Tag, TagEnd};
use std::ops::Range;

/// The scheme of a link to an object of the workspace.
pub const SCHEME: &str = "detente:";

/// A link found in a memo's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The id it names.
    pub target: String,
    /// The words shown for it.
    pub label: String,
    /// Where the whole link (`[label](detente:ID)`) sits in the text, in bytes.
    pub bytes: Range<usize>,
}

/// The links to workspace objects in a Markdown text, in text order.
/// Links in code spans and blocks are not links, as in any viewer.
pub fn links(text: &str) -> Vec<Link> {
    let mut out = vec![];
    let mut open: Option<(String, usize, String)> = None;
    for (ev, range) in Parser::new(text).into_offset_iter() {
        match ev {
            Md::Start(Tag::Link { dest_url, .. }) => {
                if let Some(id) = dest_url.strip_prefix(SCHEME) {
                    open = Some((id.trim().to_string(), range.start, String::new()));
                }
            }
            Md::Text(t) | Md::Code(t) => {
                if let Some((_, _, label)) = &mut open {
                    label.push_str(&t);
                }
            }
            Md::SoftBreak | Md::HardBreak => {
                if let Some((_, _, label)) = &mut open {
                    label.push(' ');
                }
            }
            Md::End(TagEnd::Link) => {
                if let Some((target, start, label)) = open.take() {
                    out.push(Link {
                        target,
                        label,
                        bytes: start..range.end,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// `text` with each link to a workspace object written as its words
/// alone: what a reader sees, for search and snippets.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for l in links(text) {
        out.push_str(&text[at..l.bytes.start]);
        out.push_str(&l.label);
        at = l.bytes.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The Markdown of a link to `id` showing `label`; brackets and
/// backslashes in the label are escaped and line breaks become spaces, so
/// the link stays one link whatever the words.
pub fn link_markdown(label: &str, id: &str) -> String {
    let mut s = String::with_capacity(label.len() + id.len() + 12);
    s.push('[');
    for c in label.chars() {
        match c {
            '[' | ']' | '\\' | '*' | '_' | '`' | '<' => {
                s.push('\\');
                s.push(c);
            }
            '\n' | '\r' => s.push(' '),
            c => s.push(c),
        }
    }
    s.push_str("](");
    s.push_str(SCHEME);
    s.push_str(id);
    s.push(')');
    s
}

/// What an id names.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    Article(&'a Article),
    Event(&'a Event),
    Passage(&'a Event, &'a Passage),
    /// A passage that lost its place when its article's text changed.
    Orphan(&'a Orphan),
    Memo(&'a Memo),
    /// Deleted since, or never in this workspace.
    Missing,
}

/// What `id` names in the workspace (by its prefix first, so a lookup
/// costs one list).
pub fn resolve<'a>(ws: &'a Workspace, id: &str) -> Target<'a> {
    if let Some(a) = ws.article(id) {
        return Target::Article(a);
    }
    if let Some(e) = ws.event(id) {
        return Target::Event(e);
    }
    if let Some(m) = ws.memo(id) {
        return Target::Memo(m);
    }
    for e in &ws.events {
        if let Some(p) = e.evidence.iter().find(|p| p.id == id) {
            return Target::Passage(e, p);
        }
    }
    match ws.orphans.iter().find(|o| o.passage.id == id) {
        Some(o) => Target::Orphan(o),
        None => Target::Missing,
    }
}

/// The memos whose text links any of `ids`, in the notebook's order
/// (newest change first).
pub fn linking<'a>(ws: &'a Workspace, ids: &[&str]) -> Vec<&'a Memo> {
    if ws.memos.is_empty() {
        return vec![];
    }
    let mut out: Vec<&Memo> = ws
        .memos
        .iter()
        .filter(|m| {
            // Cheap test first: most memos name none of the ids.
            ids.iter().any(|id| m.text.contains(id))
                && links(&m.text)
                    .iter()
                    .any(|l| ids.contains(&l.target.as_str()))
        })
        .collect();
    sort(&mut out);
    out
}

/// The memos about an article: those linking it, one of its passages, or
/// an event it is evidence for.
pub fn about_article<'a>(ws: &'a Workspace, article: &str) -> Vec<&'a Memo> {
    if ws.memos.is_empty() {
        return vec![];
    }
    let mut ids: Vec<&str> = vec![article];
    for e in &ws.events {
        let before = ids.len();
        ids.extend(
            e.evidence
                .iter()
                .filter(|p| p.article == article)
                .map(|p| p.id.as_str()),
        );
        if ids.len() > before {
            ids.push(e.id.as_str());
        }
    }
    linking(ws, &ids)
}

/// Newest change first, then by title: the order the notebook lists.
pub fn sort(memos: &mut [&Memo]) {
    memos.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.title.cmp(&b.title)));
}

/// A new, empty memo by the current author.
pub fn new_memo(title: &str) -> Memo {
    let t = now();
    Memo {
        id: new_id("memo"),
        title: title.to_string(),
        text: String::new(),
        tags: vec![],
        in_report: false,
        created: t.clone(),
        modified: t,
        created_by: author(),
        changed_by: String::new(),
        past: Default::default(),
    }
}

/// One thing the `[[` picker offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    /// "event", "passage", "article" or "memo".
    pub kind: &'static str,
    /// The words the link shows.
    pub label: String,
    /// A second line: where it is from.
    pub detail: String,
}

/// What the picker offers for `query` (every word, any case, in the label
/// or detail): events, then passages, articles and memos, at most `limit`.
pub fn choices(ws: &Workspace, query: &str, limit: usize) -> Vec<Choice> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut out = vec![];
    // `more`: words searched beyond the label (a passage's whole quote).
    let mut push_with = |c: Choice, more: &str| {
        if out.len() < limit {
            let hay = format!("{} {} {more}", c.label, c.detail).to_lowercase();
            if words.iter().all(|w| hay.contains(w.as_str())) {
                out.push(c);
            }
        }
    };
    for e in crate::core::order::events_in_order(ws) {
        push_with(
            Choice {
                id: e.id.clone(),
                kind: "event",
                label: e.headline.clone(),
                detail: e.date.as_ref().map(|d| d.human()).unwrap_or_default(),
            },
            "",
        );
    }
    for e in crate::core::order::events_in_order(ws) {
        for p in &e.evidence {
            push_with(
                Choice {
                    id: p.id.clone(),
                    kind: "passage",
                    label: format!("“{}”", cut_at_word(&one_line(&p.anchor.exact), 60)),
                    detail: ws
                        .article(&p.article)
                        .map(|a| a.title.clone())
                        .unwrap_or_default(),
                },
                &p.anchor.exact,
            );
        }
    }
    for a in &ws.articles {
        push_with(
            Choice {
                id: a.id.clone(),
                kind: "article",
                label: a.title.clone(),
                detail: a.outlet.clone(),
            },
            "",
        );
    }
    let mut memos: Vec<&Memo> = ws.memos.iter().collect();
    sort(&mut memos);
    for m in memos {
        push_with(
            Choice {
                id: m.id.clone(),
                kind: "memo",
                label: if m.title.trim().is_empty() {
                    "Untitled memo".into()
                } else {
                    m.title.clone()
                },
                detail: format!("memo, {}", m.modified.get(..10).unwrap_or_default()),
            },
            "",
        );
    }
    out
}

/// A memo's text as the Notebook shows it: a link to something deleted
/// since struck out and marked so; a link to an event, article or memo shown
/// with its name as it is now (the link is by id: a headline renamed after
/// the link was made shows renamed, not as it was); the text itself is not
/// changed, and Edit shows the words as written.
pub fn as_shown(ws: &Workspace, text: &str) -> String {
    let links = links(text);
    let mut s = String::with_capacity(text.len());
    let mut at = 0;
    for l in &links {
        let now = match resolve(ws, &l.target) {
            Target::Missing => Some(format!("~~{}~~ *(deleted)*", l.label.replace('~', ""))),
            Target::Event(e)
                if e.headline.trim() != l.label.trim() && !e.headline.trim().is_empty() =>
            {
                Some(link_markdown(&e.headline, &l.target))
            }
            Target::Article(a)
                if a.title.trim() != l.label.trim() && !a.title.trim().is_empty() =>
            {
                Some(link_markdown(&a.title, &l.target))
            }
            Target::Memo(m) if m.title.trim() != l.label.trim() && !m.title.trim().is_empty() => {
                Some(link_markdown(&m.title, &l.target))
            }
            _ => None,
        };
        if let Some(now) = now {
            s.push_str(&text[at..l.bytes.start]);
            s.push_str(&now);
            at = l.bytes.end;
        }
    }
    s.push_str(&text[at..]);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_found_with_their_labels_and_places() {
        let text = "Why I date it so: [the Vienna talks](detente:evt_1) and \
                    [a quote *in* it](detente:psg_2).\n\nNot `[code](detente:x)`, \
                    nor [the web](https://example.org).";
        let found = links(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].target, "evt_1");
        assert_eq!(found[0].label, "the Vienna talks");
        assert_eq!(
            &text[found[0].bytes.clone()],
            "[the Vienna talks](detente:evt_1)"
        );
        assert_eq!(found[1].target, "psg_2");
        assert_eq!(found[1].label, "a quote in it");
    }

    #[test]
    fn plain_text_shows_the_words_of_links() {
        let text = format!(
            "See {} and [web](https://x.org).",
            link_markdown("the readout", "psg_1")
        );
        assert_eq!(plain(&text), "See the readout and [web](https://x.org).");
    }

    #[test]
    fn a_label_with_brackets_stays_one_link() {
        let md = link_markdown("Blinken [in Beijing] *again*\nsaid", "evt_9");
        let found = links(&md);
        assert_eq!(found.len(), 1, "{md}");
        assert_eq!(found[0].label, "Blinken [in Beijing] *again* said");
        assert_eq!(found[0].target, "evt_9");
        assert_eq!(found[0].bytes, 0..md.len());
    }

    #[test]
    fn objects_resolve_and_memos_are_found_by_what_they_link() {
        let mut ws = crate::core::sample::sample_workspace();
        let e = ws.events[0].clone();
        let p = e.evidence[0].clone();
        let mut m1 = new_memo("Dating");
        m1.text = format!("See {}.", link_markdown("the passage", &p.id));
        let mut m2 = new_memo("Pattern");
        m2.text = format!(
            "{} then {}",
            link_markdown("x", &e.id),
            link_markdown("m", &m1.id)
        );
        ws.memos = vec![m1.clone(), m2.clone()];
        assert!(matches!(resolve(&ws, &p.id), Target::Passage(_, q) if q.id == p.id));
        assert!(matches!(resolve(&ws, &e.id), Target::Event(x) if x.id == e.id));
        assert!(matches!(resolve(&ws, &m1.id), Target::Memo(_)));
        assert!(matches!(resolve(&ws, "evt_gone"), Target::Missing));
        let ids = |v: Vec<&Memo>| v.iter().map(|m| m.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(linking(&ws, &[&p.id])), vec![m1.id.clone()]);
        assert_eq!(ids(linking(&ws, &[&e.id])), vec![m2.id.clone()]);
        assert_eq!(ids(linking(&ws, &[&m1.id])), vec![m2.id.clone()]);
        // The article's memos: the one linking its passage, and the one
        // linking an event it is evidence for.
        let mut about = ids(about_article(&ws, &p.article));
        about.sort();
        let mut both = vec![m1.id.clone(), m2.id.clone()];
        both.sort();
        assert_eq!(about, both);
        let other = ws.articles.iter().find(|a| {
            !ws.events
                .iter()
                .any(|e| e.id == ws.events[0].id && e.evidence.iter().any(|q| q.article == a.id))
        });
        if let Some(other) = other {
            assert!(about_article(&ws, &other.id).is_empty());
        }
        // A memo that only mentions an id in its words does not link it.
        ws.memos[1].text = format!("plain {}", e.id);
        assert!(linking(&ws, &[&e.id]).is_empty());
    }

    #[test]
    fn the_picker_matches_every_word_across_kinds() {
        let ws = crate::core::sample::sample_workspace();
        let all = choices(&ws, "", 1000);
        assert!(all.iter().any(|c| c.kind == "event"));
        assert!(all.iter().any(|c| c.kind == "passage"));
        assert!(all.iter().any(|c| c.kind == "article"));
        let vienna = choices(&ws, "VIENNA sullivan", 50);
        assert!(!vienna.is_empty());
        // A passage is found by words past its shortened label.
        assert!(vienna.iter().any(|c| c.kind == "passage"), "{vienna:?}");
        for c in vienna.iter().filter(|c| c.kind != "passage") {
            let hay = format!("{} {}", c.label, c.detail).to_lowercase();
            assert!(hay.contains("vienna") && hay.contains("sullivan"), "{c:?}");
        }
        assert_eq!(choices(&ws, "", 3).len(), 3);
        assert!(choices(&ws, "zzqx-nothing", 50).is_empty());
    }

    #[test]
    fn a_link_shows_what_it_names_now() {
        let mut ws = crate::core::sample::sample_workspace();
        let e = ws.events[0].id.clone();
        let old = ws.events[0].headline.clone();
        let text = format!(
            "{} and [gone](detente:evt_nothing).",
            link_markdown(&old, &e)
        );
        ws.event_mut(&e).unwrap().headline = "Renamed [meeting]".into();
        let shown = as_shown(&ws, &text);
        assert!(shown.contains(r"[Renamed \[meeting\]](detente:"), "{shown}");
        assert!(!shown.contains(&old), "{shown}");
        assert!(shown.contains("~~gone~~ *(deleted)*"), "{shown}");
        // Nothing to change: the text as it is.
        let same = format!("See {}.", link_markdown("Renamed [meeting]", &e));
        assert_eq!(as_shown(&ws, &same), same);
    }
}
