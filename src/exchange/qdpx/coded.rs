//! What a coded selection becomes: in a project Detente wrote, the event
//! its note describes (headline, date, status, type, actors with roles,
//! place, tags, notes read back from the note's fixed lines and the
//! selection's codes); in another tool's, an event of type "Coded segment"
//! whose tags are the code paths and whose notes are the notes attached.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use super::ACTORS_CODE;
use super::parse::{Project, Selection};
use crate::core::model::{Actor, ActorRef, Event, Id, Passage, Role, Status, Workspace, new_id};
use crate::core::vocab::EventType;
use crate::dates::edtf::DateValue;
use crate::text::normalise::one_line;
use std::collections::HashMap;

/// The event type given to coded segments from other tools.
pub const CODED_SEGMENT: &str = "QDA";

/// The codes by GUID, with their paths ("Diplomacy/Visits").
pub(super) struct CodeTree {
    pub(super) by_guid: HashMap<String, usize>,
    pub(super) paths: Vec<String>,
    pub(super) under_actors: Vec<bool>,
}

impl CodeTree {
    pub(super) fn new(p: &Project) -> CodeTree {
        let mut paths: Vec<String> = vec![];
        let mut under_actors = vec![];
        for c in &p.codes {
            let name = one_line(&c.name);
            let (path, actor) = match c.parent {
                Some(i) if i < paths.len() => (
                    format!("{}/{name}", paths[i]),
                    under_actors[i] || p.codes[i].name == ACTORS_CODE,
                ),
                _ => (name, false),
            };
            paths.push(path);
            under_actors.push(actor);
        }
        CodeTree {
            by_guid: p
                .codes
                .iter()
                .enumerate()
                .map(|(i, c)| (c.guid.clone(), i))
                .collect(),
            paths,
            under_actors,
        }
    }
    pub(super) fn path(&self, guid: &str) -> Option<&str> {
        self.by_guid.get(guid).map(|&i| self.paths[i].as_str())
    }
}

/// The key that joins selections into one event: the event note they
/// point to (Detente's own projects), else nothing (one event each).
pub(super) fn event_key(p: &Project, sel: &Selection, ours: bool) -> Option<String> {
    if !ours {
        return None;
    }
    sel.note_refs
        .iter()
        .find(|g| {
            p.notes
                .get(*g)
                .is_some_and(|n| n.description != super::MEMO_NOTE && is_event_note(&n.text))
        })
        .cloned()
}

pub(super) fn is_event_note(text: &str) -> bool {
    text.lines().nth(1).is_some_and(|l| l.starts_with("Date: "))
}

/// `Key: value` lines of an event note; `Notes:` takes the rest.
pub(super) fn note_fields(text: &str) -> (String, HashMap<&'static str, String>) {
    let mut lines = text.lines();
    let headline = lines.next().unwrap_or_default().to_string();
    let mut fields = HashMap::new();
    let keys = [
        "Date",
        "Status",
        "Type",
        "Actors",
        "Place",
        "Tags",
        "Date review",
        "Notes",
    ];
    let rest: Vec<&str> = lines.collect();
    let mut i = 0;
    while i < rest.len() {
        let line = rest[i];
        if let Some(k) = keys.iter().find(|k| line.starts_with(&format!("{k}: "))) {
            let value = &line[k.len() + 2..];
            if *k == "Notes" {
                let mut all = vec![value];
                all.extend(&rest[i + 1..]);
                fields.insert(*k, all.join("\n"));
                break;
            }
            fields.insert(*k, value.to_string());
        }
        i += 1;
    }
    (headline, fields)
}

pub(super) fn new_event(
    ws: &mut Workspace,
    p: &Project,
    codes: &CodeTree,
    sel: &Selection,
    passage: Passage,
    ours: bool,
    actors: &mut ActorIndex,
) -> Event {
    let by = passage.created_by.clone();
    let when = passage.created.clone();
    let mut e = Event {
        id: new_id("evt"),
        headline: String::new(),
        kind: String::new(),
        date: None,
        actors: vec![],
        place: String::new(),
        status: Status::Occurred,
        tags: vec![],
        notes: String::new(),
        evidence: vec![passage],
        created: when.clone(),
        modified: when,
        created_by: by.clone(),
        changed_by: by,
        date_review: String::new(),
        past: Default::default(),
    };
    let note = event_key(p, sel, ours).and_then(|g| p.notes.get(&g));
    let mut paths = vec![];
    // Sets beside the lists, so thousands of codes on one selection stay
    // linear.
    let mut has_actor: std::collections::HashSet<Id> = Default::default();
    for g in &sel.codes {
        let Some(&i) = codes.by_guid.get(g) else {
            continue;
        };
        let code = &p.codes[i];
        // An actor code of blanks names nobody: it is kept as a code path.
        if ours && codes.under_actors[i] && !one_line(&code.name).is_empty() {
            let id = actors.id(ws, &code.name, &code.description);
            if has_actor.insert(id.clone()) {
                e.actors.push(ActorRef {
                    actor: id,
                    role: Role::Participant,
                });
            }
        } else if ours && e.kind.is_empty() && is_type_name(&code.name) {
            e.kind = ensure_type(ws, p, i);
        } else {
            paths.push(codes.paths[i].clone());
        }
    }
    if let Some(n) = note {
        let (headline, f) = note_fields(&n.text);
        e.headline = headline;
        if let Some(d) = f.get("Date").and_then(|d| d.rsplit_once("(EDTF ")) {
            e.date = DateValue::parse(d.1.trim_end_matches(')')).ok();
        }
        if let Some(st) = f.get("Status").and_then(|v| Status::parse(v)) {
            e.status = st;
        }
        if let Some(roles) = f.get("Actors") {
            for part in roles.split("; ") {
                if let Some((name, role)) = part.rsplit_once(" (") {
                    let role = match role.trim_end_matches(')') {
                        "source" => Role::Source,
                        "target" => Role::Target,
                        _ => Role::Participant,
                    };
                    if let Some(a) = actors.find(name)
                        && let Some(r) = e.actors.iter_mut().find(|r| r.actor == a)
                    {
                        r.role = role;
                    }
                }
            }
        }
        e.place = f.get("Place").cloned().unwrap_or_default();
        if let Some(t) = f.get("Tags") {
            e.tags = t.split("; ").map(str::to_string).collect();
        }
        e.date_review = f.get("Date review").cloned().unwrap_or_default();
        e.notes = f.get("Notes").cloned().unwrap_or_default();
    } else {
        let notes: Vec<&str> = sel
            .note_refs
            .iter()
            .filter_map(|g| p.notes.get(g))
            .filter(|n| n.description != super::MEMO_NOTE)
            .map(|n| n.text.as_str())
            .chain((!sel.description.is_empty()).then_some(sel.description.as_str()))
            .collect();
        e.notes = notes.join("\n\n");
    }
    if e.kind.is_empty() {
        e.kind = ensure_coded_segment(ws);
    }
    if e.headline.is_empty() {
        let last: Vec<&str> = paths
            .iter()
            .map(|p| p.rsplit('/').next().unwrap_or(p))
            .collect();
        e.headline = if last.is_empty() {
            format!(
                "Selection: {}",
                crate::text::normalise::short(&e.evidence[0].anchor.exact)
            )
        } else {
            last.join(" · ")
        };
    }
    let mut tagged: std::collections::HashSet<String> = e.tags.iter().cloned().collect();
    for path in paths {
        if tagged.insert(path.clone()) {
            e.tags.push(path);
        }
    }
    e
}

/// "042 Make a visit": a code that names a Detente event type.
pub(super) fn is_type_name(name: &str) -> bool {
    name.split_once(' ').is_some_and(|(code, _)| {
        !code.is_empty() && code.chars().count() <= crate::core::codebook::CODE_CHARS
    })
}

/// The event type code `p.codes[i]` names ("042 Make a visit"), added to
/// the workspace with its colour, description, Goldstein value and PLOVER
/// type when missing; an own type's parent (the code it is nested in: a
/// CAMEO root group or another type, added too) comes along.
pub(super) fn ensure_type(ws: &mut Workspace, p: &Project, i: usize) -> String {
    let c = &p.codes[i];
    let name = one_line(&c.name);
    let (code, label) = name.split_once(' ').unwrap_or((&name, &name));
    if ws.event_type(code).is_none() {
        let parts: Vec<&str> = c.description.split("; ").collect();
        let goldstein = parts
            .iter()
            .find_map(|d| d.strip_prefix("Goldstein "))
            .and_then(|g| g.parse().ok());
        let (plover_type, plover_mode) = parts
            .iter()
            .find_map(|d| d.strip_prefix("PLOVER "))
            .map(|p| match p.split_once(' ') {
                Some((t, m)) => (t.to_string(), m.to_string()),
                None => (p.to_string(), String::new()),
            })
            .unwrap_or_default();
        let description = parts
            .iter()
            .filter(|d| !d.starts_with("Goldstein ") && !d.starts_with("PLOVER "))
            .copied()
            .collect::<Vec<_>>()
            .join("; ");
        // Parents come before their children in the project's list; a
        // later index would be a loop in a crafted file.
        let parent = match c.parent.filter(|&j| j < i) {
            Some(j) if !crate::core::vocab::is_cameo(code) && is_type_name(&p.codes[j].name) => {
                let pname = one_line(&p.codes[j].name);
                let pcode = pname.split_once(' ').map_or("", |(c, _)| c);
                if crate::core::vocab::is_cameo_root(pcode) {
                    pcode.to_string()
                } else if crate::core::vocab::is_cameo(pcode) {
                    crate::core::vocab::root_of(pcode).to_string()
                } else {
                    ensure_type(ws, p, j)
                }
            }
            _ => String::new(),
        };
        // A code nested in a code of the same type ("X1 Own code" inside
        // "X1 Own code") was added with its parent just above: a second
        // copy would be a workspace the loader refuses.
        if ws.event_type(code).is_some() {
            return code.to_string();
        }
        ws.vocabularies.event_types.push(EventType {
            code: code.to_string(),
            label: label.to_string(),
            goldstein,
            plover_type,
            plover_mode,
            colour: c
                .color
                .as_deref()
                // Only a colour the loader accepts (#GGGGGG once made a
                // workspace that would not open).
                .filter(|c| crate::core::vocab::parse_colour(c).is_some())
                .map(|c| c.to_ascii_lowercase())
                .unwrap_or_else(|| "#808080".into()),
            parent,
            description,
        });
    }
    code.to_string()
}

pub(super) fn ensure_coded_segment(ws: &mut Workspace) -> String {
    if ws.event_type(CODED_SEGMENT).is_none() {
        ws.vocabularies.event_types.push(EventType {
            code: CODED_SEGMENT.into(),
            label: "Coded segment".into(),
            goldstein: None,
            plover_type: String::new(),
            plover_mode: String::new(),
            colour: "#8e8e8e".into(),
            ..Default::default()
        });
    }
    CODED_SEGMENT.into()
}

/// The workspace's actors by every name they answer to (as
/// [`crate::core::model::Actor::answers_to`] compares: trimmed, ASCII case
/// ignored), the first actor first, kept up to date as an import adds
/// actors: a scan of every actor for each actor code made thousands of
/// them quadratic.
pub(super) struct ActorIndex {
    by_name: HashMap<String, Id>,
    /// Actors the import created.
    pub(super) added: usize,
}

impl ActorIndex {
    pub(super) fn new(ws: &Workspace) -> ActorIndex {
        let mut by_name = HashMap::new();
        for a in &ws.actors {
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                by_name
                    .entry(n.trim().to_ascii_lowercase())
                    .or_insert_with(|| a.id.clone());
            }
        }
        ActorIndex { by_name, added: 0 }
    }

    /// The actor answering to `name`.
    pub(super) fn find(&self, name: &str) -> Option<Id> {
        self.by_name.get(&name.trim().to_ascii_lowercase()).cloned()
    }

    /// The actor named `name`, created (with its CAMEO code from "CAMEO
    /// USAGOV" in the description) when the workspace has none.
    pub(super) fn id(&mut self, ws: &mut Workspace, name: &str, description: &str) -> Id {
        let name = one_line(name);
        if let Some(id) = self.find(&name) {
            return id;
        }
        let code = description
            .split("; ")
            .find_map(|d| d.strip_prefix("CAMEO "))
            .unwrap_or_default();
        let (country, sector) = if code.len() >= 3 && code.is_char_boundary(3) {
            code.split_at(3)
        } else {
            ("", "")
        };
        // Aliases come last: "also: a; b".
        let aliases: Vec<String> = description
            .split_once("also: ")
            .map(|(_, a)| a.split("; ").map(str::to_string).collect())
            .unwrap_or_default();
        let id = new_id("act");
        for n in std::iter::once(&name).chain(&aliases) {
            self.by_name
                .entry(n.trim().to_ascii_lowercase())
                .or_insert_with(|| id.clone());
        }
        ws.actors.push(Actor {
            id: id.clone(),
            name,
            aliases,
            country: country.to_string(),
            sector: sector.to_string(),
            office: String::new(),
            created_by: crate::core::ids::author(),
            changed_by: crate::core::ids::author(),
            changed: crate::core::ids::now(),
            past: Default::default(),
            absorbed: vec![],
        });
        self.added += 1;
        id
    }
}
