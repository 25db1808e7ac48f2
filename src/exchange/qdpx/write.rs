//! Writing a REFI-QDA project (`.qdpx`): every article a `TextSource`
//! whose plain text is `Sources/GUID.txt` in the zip; event types the
//! codebook (grouped under their CAMEO root code, with colours) and actors
//! codes under "Actors"; every passage a `PlainTextSelection` (start and end
//! in code points, which Detente's char offsets are) coded with its event's
//! type and actors and pointing to the event's `Note`; each tag a `Set` of
//! event notes; outlet, URL, publication date and language variables.
//!
//! The event note is written for people first ("Date: 18 June 2023 (EDTF
//! 2023-06-18)") and in fixed lines that [`super::import`] reads back, so a
//! round trip through another tool keeps the events.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use super::memos::{self, MemoRefs};
use super::xml::Xml;
use super::{ACTORS_CODE, ORIGIN, guid};
use crate::core::codebook::{Row, tree};
use crate::core::model::{Event, Workspace};
use crate::core::vocab::{EventType, is_cameo_root, parse_colour};
use chrono::{Datelike, Timelike};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;

/// The `.qdpx` zip of `ws` with the given events (all articles go in;
/// passages of events left out do not).
pub fn to_qdpx(ws: &Workspace, events: &[&Event]) -> Result<Vec<u8>, String> {
    let xml = project_xml(ws, events);
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    // Level 1: most of a corpus is text that compresses well anyway, and a
    // 50 MB workspace must export in well under two seconds.
    let now = chrono::Utc::now().naive_utc();
    let stamp = zip::DateTime::from_date_and_time(
        now.year().clamp(1980, 2107) as u16,
        now.month() as u8,
        now.day() as u8,
        now.hour() as u8,
        now.minute() as u8,
        now.second() as u8,
    )
    .unwrap_or_default();
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(stamp);
    let fail = |e: &dyn std::fmt::Display| format!("could not write the zip: {e}");
    zip.start_file("project.qde", opts).map_err(|e| fail(&e))?;
    zip.write_all(xml.as_bytes()).map_err(|e| fail(&e))?;
    for a in &ws.articles {
        zip.start_file(format!("Sources/{}.txt", guid(&a.id)), opts)
            .map_err(|e| fail(&e))?;
        zip.write_all(a.text.as_bytes()).map_err(|e| fail(&e))?;
    }
    zip.finish().map_err(|e| fail(&e))?;
    Ok(buf.into_inner())
}

/// The lines of an event's note: headline first, then `Key: value` lines
/// that [`super::import`] reads back from a Detente project.
pub fn event_note(ws: &Workspace, e: &Event) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", one_line(&e.headline));
    match &e.date {
        Some(d) => {
            let _ = writeln!(s, "Date: {} (EDTF {})", d.human(), d.edtf());
        }
        None => s.push_str("Date: undated\n"),
    }
    let _ = writeln!(s, "Status: {}", e.status.as_str());
    let label = ws.event_type(&e.kind).map(|t| t.label.as_str());
    let _ = writeln!(s, "Type: {} {}", e.kind, label.unwrap_or("")); // code first
    let actors: Vec<String> = e
        .actors
        .iter()
        .filter_map(|r| {
            let a = ws.actor(&r.actor)?;
            Some(format!("{} ({})", one_line(&a.name), r.role.as_str()))
        })
        .collect();
    if !actors.is_empty() {
        let _ = writeln!(s, "Actors: {}", actors.join("; "));
    }
    if !e.place.is_empty() {
        let _ = writeln!(s, "Place: {}", one_line(&e.place));
    }
    if !e.tags.is_empty() {
        let tags: Vec<String> = e.tags.iter().map(|t| one_line(t)).collect();
        let _ = writeln!(s, "Tags: {}", tags.join("; "));
    }
    if !e.date_review.is_empty() {
        let _ = writeln!(s, "Date review: {}", one_line(&e.date_review));
    }
    if !e.notes.is_empty() {
        let _ = write!(s, "Notes: {}", e.notes);
    }
    s.trim_end().to_string()
}

fn one_line(s: &str) -> String {
    crate::text::normalise::one_line(s)
}

/// The `project.qde` document.
pub fn project_xml(ws: &Workspace, events: &[&Event]) -> String {
    let mut x = Xml::default();
    let users = Users::of(ws, events);
    let memo_refs = memos::refs(ws);
    let now = crate::core::ids::now();
    let mut project = vec![
        ("name", ws.title.clone()),
        ("origin", format!("{ORIGIN} {}", env!("CARGO_PKG_VERSION"))),
    ];
    if let Some(first) = users.first() {
        project.push(("creatingUserGUID", first.clone()));
    }
    if let Some(t) = date_time(&ws.created) {
        project.push(("creationDateTime", t));
    }
    project.push(("modifiedDateTime", now));
    x.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.open_ns("Project", &project);
    users.write(&mut x);
    codebook(&mut x, ws);
    variables(&mut x);
    sources(&mut x, ws, events, &users, &memo_refs);
    notes(&mut x, ws, events, &users);
    sets(&mut x, events);
    x.leaf_text(
        "Description",
        &format!(
            "Exported from Detente: {} articles, {} events.",
            ws.articles.len(),
            events.len()
        ),
    );
    if !ws.notes.is_empty() {
        x.empty(
            "NoteRef",
            &[("targetGUID", guid(&format!("note:{}", ws.id)))],
        );
    }
    x.close("Project");
    x.out
}

/// The people who made the work, each a `User` with a stable GUID.
struct Users {
    by_name: BTreeMap<String, String>,
}

impl Users {
    fn of(ws: &Workspace, events: &[&Event]) -> Users {
        let mut by_name = BTreeMap::new();
        let mut add = |n: &str| {
            if !n.is_empty() {
                by_name
                    .entry(n.to_string())
                    .or_insert_with(|| guid(&format!("user:{n}")));
            }
        };
        for e in events {
            add(&e.created_by);
            add(&e.changed_by);
            for p in &e.evidence {
                add(&p.created_by);
            }
        }
        for m in &ws.memos {
            add(&m.created_by);
            add(&m.changed_by);
        }
        for a in &ws.actors {
            add(&a.created_by);
        }
        Users { by_name }
    }
    fn first(&self) -> Option<&String> {
        self.by_name.values().next()
    }
    fn of_name(&self, n: &str) -> Option<String> {
        self.by_name.get(n).cloned()
    }
    fn write(&self, x: &mut Xml) {
        if self.by_name.is_empty() {
            return;
        }
        x.open("Users", &[]);
        for (name, g) in &self.by_name {
            x.empty("User", &[("guid", g.clone()), ("name", name.clone())]);
        }
        x.close("Users");
    }
}

/// The GUID of an event-type code and of an actor's code.
pub fn type_guid(code: &str) -> String {
    guid(&format!("type:{code}"))
}
pub fn actor_guid(id: &str) -> String {
    guid(&format!("actor:{id}"))
}

fn colour(c: &str) -> Option<String> {
    parse_colour(c).map(|[r, g, b]| format!("#{r:02X}{g:02X}{b:02X}"))
}

fn codebook(x: &mut Xml, ws: &Workspace) {
    x.open("CodeBook", &[]);
    x.open("Codes", &[]);
    // The codebook's tree: CAMEO codes under their root ("04 Consult"
    // holds "042", "043"...), own types under their parent, own types
    // under no CAMEO code at the top.
    let rows = tree(ws);
    // Open codes: the group's (None when the group has no wrapper) and
    // the types still taking children, by depth.
    let mut group_open = false;
    let mut open: Vec<usize> = vec![];
    for (i, row) in rows.iter().enumerate() {
        match row {
            Row::Group { root, label } => {
                for _ in open.drain(..) {
                    x.close("Code");
                }
                if group_open {
                    x.close("Code");
                }
                group_open = !root.is_empty();
                if !group_open {
                    continue;
                }
                // A type whose code is the root itself stands for the group.
                if let Some(t) = ws.event_type(root) {
                    type_code(x, t, true);
                } else {
                    x.open(
                        "Code",
                        &[
                            ("guid", guid(&format!("root:{root}"))),
                            ("name", format!("{root} {label}")),
                            ("isCodable", "false".into()),
                        ],
                    );
                }
            }
            Row::Type { t, depth } => {
                // The root's own type already stands for its group.
                if group_open && is_cameo_root(&t.code) {
                    continue;
                }
                while open.len() > *depth {
                    open.pop();
                    x.close("Code");
                }
                let parent_of_next =
                    matches!(rows.get(i + 1), Some(Row::Type { depth: d, .. }) if *d > *depth);
                type_code(x, t, parent_of_next);
                if parent_of_next {
                    open.push(*depth);
                }
            }
        }
    }
    for _ in open.drain(..) {
        x.close("Code");
    }
    if group_open {
        x.close("Code");
    }
    if !ws.actors.is_empty() {
        x.open(
            "Code",
            &[
                ("guid", guid("actors")),
                ("name", ACTORS_CODE.into()),
                ("isCodable", "false".into()),
            ],
        );
        for a in &ws.actors {
            let attrs = [
                ("guid", actor_guid(&a.id)),
                ("name", one_line(&a.name)),
                ("isCodable", "true".into()),
            ];
            let mut d = vec![];
            if !a.code().is_empty() {
                d.push(format!("CAMEO {}", a.code()));
            }
            if !a.office.is_empty() {
                d.push(one_line(&a.office));
            }
            if !a.aliases.is_empty() {
                d.push(format!("also: {}", a.aliases.join("; ")));
            }
            if d.is_empty() {
                x.empty("Code", &attrs);
            } else {
                x.open("Code", &attrs);
                x.leaf_text("Description", &d.join("; "));
                x.close("Code");
            }
        }
        x.close("Code");
    }
    x.close("Codes");
    x.close("CodeBook");
}

/// An event type as a code, with its description, Goldstein value and
/// PLOVER type; left open for the codes under it when `open`.
fn type_code(x: &mut Xml, t: &EventType, open: bool) {
    let mut a = vec![
        ("guid", type_guid(&t.code)),
        ("name", format!("{} {}", t.code, one_line(&t.label))),
        ("isCodable", "true".into()),
    ];
    if let Some(c) = colour(&t.colour) {
        a.push(("color", c));
    }
    let mut d = vec![];
    if !t.description.trim().is_empty() {
        d.push(one_line(&t.description));
    }
    if let Some(g) = t.goldstein {
        d.push(format!("Goldstein {g:+}"));
    }
    if !t.plover_type.is_empty() {
        d.push(
            format!("PLOVER {} {}", t.plover_type, t.plover_mode)
                .trim()
                .to_string(),
        );
    }
    if d.is_empty() && !open {
        x.empty("Code", &a);
        return;
    }
    x.open("Code", &a);
    if !d.is_empty() {
        x.leaf_text("Description", &d.join("; "));
    }
    if !open {
        x.close("Code");
    }
}

const VARIABLES: [&str; 4] = ["Outlet", "URL", "Published", "Language"];

fn variables(x: &mut Xml) {
    x.open("Variables", &[]);
    for v in VARIABLES {
        x.empty(
            "Variable",
            &[
                ("guid", guid(&format!("variable:{v}"))),
                ("name", v.into()),
                ("typeOfVariable", "Text".into()),
            ],
        );
    }
    x.close("Variables");
}

fn sources(x: &mut Xml, ws: &Workspace, events: &[&Event], users: &Users, memo_refs: &MemoRefs) {
    if ws.articles.is_empty() {
        return;
    }
    // Passages by article, in the order of the events given.
    let mut by_article: FxHashMap<&str, Vec<(&Event, usize)>> = FxHashMap::default();
    for e in events {
        for (i, p) in e.evidence.iter().enumerate() {
            by_article
                .entry(p.article.as_str())
                .or_default()
                .push((e, i));
        }
    }
    x.open("Sources", &[]);
    for a in &ws.articles {
        let g = guid(&a.id);
        let mut attrs = vec![
            ("guid", g.clone()),
            ("name", one_line(&a.title)),
            ("plainTextPath", format!("internal://{g}.txt")),
        ];
        if let Some(t) = date_time(&a.imported_at) {
            attrs.push(("creationDateTime", t));
        }
        x.open("TextSource", &attrs);
        let mut passages = by_article.remove(a.id.as_str()).unwrap_or_default();
        passages.sort_by_key(|(e, i)| (e.evidence[*i].anchor.start, e.evidence[*i].anchor.end));
        for (e, i) in passages {
            selection(x, ws, e, i, users, memo_refs);
        }
        if !a.notes.is_empty() {
            x.empty(
                "NoteRef",
                &[("targetGUID", guid(&format!("note:{}", a.id)))],
            );
        }
        memos::write_refs(x, memo_refs, &[&a.id]);
        let published = a.published.as_ref().map(|d| d.edtf().to_string());
        let values = [
            a.outlet.as_str(),
            a.url.as_str(),
            published.as_deref().unwrap_or(""),
            a.language.as_str(),
        ];
        for (name, v) in VARIABLES.iter().zip(values) {
            if v.is_empty() {
                continue;
            }
            x.open("VariableValue", &[]);
            x.empty(
                "VariableRef",
                &[("targetGUID", guid(&format!("variable:{name}")))],
            );
            x.leaf_text("TextValue", &one_line(v));
            x.close("VariableValue");
        }
        x.close("TextSource");
    }
    x.close("Sources");
}

fn selection(
    x: &mut Xml,
    ws: &Workspace,
    e: &Event,
    i: usize,
    users: &Users,
    memo_refs: &MemoRefs,
) {
    let p = &e.evidence[i];
    let who = if p.created_by.is_empty() {
        &e.created_by
    } else {
        &p.created_by
    };
    let when = if p.created.is_empty() {
        &e.created
    } else {
        &p.created
    };
    let mut attrs = vec![
        ("guid", guid(&p.id)),
        ("name", crate::text::normalise::short(&p.anchor.exact)),
        ("startPosition", p.anchor.start.to_string()),
        ("endPosition", p.anchor.end.to_string()),
    ];
    let user = users.of_name(who);
    if let Some(u) = &user {
        attrs.push(("creatingUser", u.clone()));
    }
    let when = date_time(when);
    if let Some(t) = &when {
        attrs.push(("creationDateTime", t.clone()));
    }
    x.open("PlainTextSelection", &attrs);
    let mut codes = vec![type_guid(&e.kind)];
    let mut seen = FxHashSet::default();
    for r in &e.actors {
        if ws.actor(&r.actor).is_some() && seen.insert(r.actor.as_str()) {
            codes.push(actor_guid(&r.actor));
        }
    }
    for (n, c) in codes.into_iter().enumerate() {
        let mut a = vec![("guid", guid(&format!("coding:{}:{n}", p.id)))];
        if let Some(u) = &user {
            a.push(("creatingUser", u.clone()));
        }
        if let Some(t) = &when {
            a.push(("creationDateTime", t.clone()));
        }
        x.open("Coding", &a);
        x.empty("CodeRef", &[("targetGUID", c)]);
        x.close("Coding");
    }
    x.empty("NoteRef", &[("targetGUID", guid(&e.id))]);
    memos::write_refs(x, memo_refs, &[&p.id, &e.id]);
    x.close("PlainTextSelection");
}

fn notes(x: &mut Xml, ws: &Workspace, events: &[&Event], users: &Users) {
    let any_article_notes = ws.articles.iter().any(|a| !a.notes.is_empty());
    if events.is_empty() && !any_article_notes && ws.notes.is_empty() && ws.memos.is_empty() {
        return;
    }
    x.open("Notes", &[]);
    for e in events {
        let mut a = vec![("guid", guid(&e.id)), ("name", one_line(&e.headline))];
        if let Some(u) = users.of_name(&e.created_by) {
            a.push(("creatingUser", u));
        }
        if let Some(t) = date_time(&e.created) {
            a.push(("creationDateTime", t));
        }
        if let Some(u) = users.of_name(&e.changed_by) {
            a.push(("modifyingUser", u));
        }
        if let Some(t) = date_time(&e.modified) {
            a.push(("modifiedDateTime", t));
        }
        x.open("Note", &a);
        x.leaf_text("PlainTextContent", &event_note(ws, e));
        x.close("Note");
    }
    for a in ws.articles.iter().filter(|a| !a.notes.is_empty()) {
        x.open(
            "Note",
            &[
                ("guid", guid(&format!("note:{}", a.id))),
                ("name", format!("Notes on {}", one_line(&a.title))),
            ],
        );
        x.leaf_text("PlainTextContent", &a.notes);
        x.close("Note");
    }
    if !ws.notes.is_empty() {
        x.open(
            "Note",
            &[
                ("guid", guid(&format!("note:{}", ws.id))),
                ("name", "Workspace notes".into()),
            ],
        );
        x.leaf_text("PlainTextContent", &ws.notes);
        x.close("Note");
    }
    memos::write_notes(x, ws, &|n| users.of_name(n), &date_time);
    x.close("Notes");
}

fn sets(x: &mut Xml, events: &[&Event]) {
    let mut by_tag: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for e in events {
        for t in &e.tags {
            by_tag.entry(t.as_str()).or_default().push(e.id.as_str());
        }
    }
    if by_tag.is_empty() {
        return;
    }
    x.open("Sets", &[]);
    for (tag, ids) in by_tag {
        x.open(
            "Set",
            &[
                ("guid", guid(&format!("tag:{tag}"))),
                ("name", one_line(tag)),
            ],
        );
        x.leaf_text("Description", "Events tagged in Detente");
        for id in ids {
            x.empty("MemberNote", &[("targetGUID", guid(id))]);
        }
        x.close("Set");
    }
    x.close("Sets");
}

/// A stored timestamp as `xsd:dateTime`, or None when it is not one.
fn date_time(s: &str) -> Option<String> {
    chrono::DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.to_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sample::sample_workspace;

    fn all(ws: &Workspace) -> Vec<&Event> {
        ws.events.iter().map(|e| &**e).collect()
    }

    #[test]
    fn every_passage_is_a_selection_at_its_offsets_coded_with_its_type() {
        let ws = sample_workspace();
        let xml = project_xml(&ws, &all(&ws));
        let n: usize = ws.events.iter().map(|e| e.evidence.len()).sum();
        assert!(n > 0);
        assert_eq!(xml.matches("<PlainTextSelection ").count(), n);
        let e = ws.events.iter().find(|e| !e.evidence.is_empty()).unwrap();
        let p = &e.evidence[0];
        assert!(xml.contains(&format!(
            "startPosition=\"{}\" endPosition=\"{}\"",
            p.anchor.start, p.anchor.end
        )));
        assert!(xml.contains(&format!("<CodeRef targetGUID=\"{}\"/>", type_guid(&e.kind))));
        assert!(xml.contains(&format!("<Note guid=\"{}\"", guid(&e.id))));
    }

    #[test]
    fn cameo_types_sit_under_their_root_code() {
        let ws = sample_workspace();
        let xml = project_xml(&ws, &all(&ws));
        let root = xml.find("name=\"04 Consult\"").expect("root code 04");
        let child = xml.find("name=\"042 ").expect("042");
        assert!(root < child);
        assert!(xml.contains("isCodable=\"false\""));
    }

    #[test]
    fn the_event_note_says_date_status_type_and_actors() {
        let ws = sample_workspace();
        let e = ws
            .events
            .iter()
            .find(|e| e.date.is_some() && !e.actors.is_empty())
            .unwrap();
        let note = event_note(&ws, e);
        let d = e.date.as_ref().unwrap();
        assert!(note.starts_with(&e.headline));
        assert!(note.contains(&format!("(EDTF {})", d.edtf())), "{note}");
        assert!(note.contains(&format!("Status: {}", e.status.as_str())));
        assert!(note.contains(&format!("Type: {} ", e.kind)));
        assert!(note.contains("Actors: "));
    }

    #[test]
    fn the_zip_holds_the_project_and_one_text_per_article() {
        let ws = sample_workspace();
        let bytes = to_qdpx(&ws, &all(&ws)).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(zip.len(), ws.articles.len() + 1);
        let a = &ws.articles[0];
        let mut f = zip
            .by_name(&format!("Sources/{}.txt", guid(&a.id)))
            .unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut f, &mut text).unwrap();
        assert_eq!(text, a.text);
    }
}
