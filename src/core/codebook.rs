//! The workspace's codebook: the user's own event types beside the CAMEO
//! ones, each with a name, colour, parent (a CAMEO root or another own
//! type) and description; the undoable edits that add, change, merge and
//! delete them; the tree the type picker and the Codebook tab show; and
//! the CAMEO code an own type stands for in event-data exports.
//!
//! An own type's code is chosen once, when it is made, and never changes:
//! it is the type's id. Events name it, `detente merge` joins types by it,
//! and REFI-QDA carries it in the code's name. Renaming changes the label.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::history::Edit;
use crate::core::model::Workspace;
use crate::core::vocab::{EventType, is_cameo, is_cameo_root, parse_colour, root_label, root_of};
use std::collections::HashMap;

/// The longest own code: short enough for a table column and for a
/// REFI-QDA code name ("track-ii Track II dialogue").
pub const CODE_CHARS: usize = 12;

/// How deep parents are followed: a copy merged from others may hold a
/// circle, which must never hang the window.
const MAX_DEPTH: usize = 16;

/// A free code for a new own type named `name`: its words, lower case,
/// joined by hyphens and cut at a word to [`CODE_CHARS`] ("Track II
/// dialogue" gives "track-ii"), with "-2", "-3"... when taken. Never all
/// digits, which CAMEO codes are.
pub fn suggest_code(ws: &Workspace, name: &str) -> String {
    let mut base = String::new();
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        let extra = usize::from(!base.is_empty()) + word.chars().count();
        if base.chars().count() + extra > CODE_CHARS {
            if base.is_empty() {
                base = word.chars().take(CODE_CHARS).collect();
            }
            break;
        }
        if !base.is_empty() {
            base.push('-');
        }
        base.push_str(&word);
    }
    if base.is_empty() || base.chars().all(|c| c.is_ascii_digit()) {
        base = format!("own-{base}").trim_end_matches('-').to_string();
    }
    if ws.event_type(&base).is_none() {
        return base;
    }
    (2..)
        .map(|n| {
            let tail = format!("-{n}");
            let keep = CODE_CHARS.saturating_sub(tail.len());
            format!("{}{tail}", base.chars().take(keep).collect::<String>())
        })
        .find(|c| ws.event_type(c).is_none())
        .expect("some number is free")
}

/// Why a code cannot name a new own type, or None when it can.
pub fn code_problem(ws: &Workspace, code: &str) -> Option<String> {
    if code.is_empty() {
        return Some("The code is empty.".into());
    }
    if code.chars().count() > CODE_CHARS {
        return Some(format!("A code has at most {CODE_CHARS} characters."));
    }
    if code.chars().any(char::is_whitespace) {
        return Some("A code has no spaces.".into());
    }
    if code.chars().all(|c| c.is_ascii_digit()) {
        return Some("Codes of digits only are CAMEO's.".into());
    }
    if ws.event_type(code).is_some() {
        return Some(format!("The code {code} is taken."));
    }
    None
}

/// Why `t` cannot stand in the codebook as it is (its name, colour and
/// parent), or None. `t.code` must already be the type's code.
pub fn type_problem(ws: &Workspace, t: &EventType) -> Option<String> {
    if crate::text::normalise::one_line(&t.label).is_empty() {
        return Some("The name is empty.".into());
    }
    if parse_colour(&t.colour).is_none() {
        return Some(format!("The colour {} is not #rrggbb.", t.colour));
    }
    if t.parent.is_empty() {
        return None;
    }
    if t.parent == t.code {
        return Some("A type cannot sit under itself.".into());
    }
    if is_cameo_root(&t.parent) {
        return None;
    }
    match ws.event_type(&t.parent) {
        Some(p) if is_cameo(&p.code) => Some(format!(
            "An own type sits under a CAMEO root ({}) or another own type.",
            root_of(&p.code)
        )),
        Some(_) if ancestors(ws, &t.parent).any(|c| c == t.code) => Some(format!(
            "{} already sits under this type: that would make a circle.",
            t.parent
        )),
        Some(_) => None,
        None => Some(format!("There is no type {}.", t.parent)),
    }
}

/// The codes above `code`, nearest first, stopping at a circle or after
/// [`MAX_DEPTH`]. A CAMEO root parent ends the chain.
pub fn ancestors<'a>(ws: &'a Workspace, code: &str) -> impl Iterator<Item = &'a str> {
    let mut at = ws.event_type(code);
    let mut seen = 0;
    std::iter::from_fn(move || {
        let t = at?;
        seen += 1;
        if t.parent.is_empty() || seen > MAX_DEPTH {
            return None;
        }
        let p = t.parent.as_str();
        at = ws.event_type(p).filter(|x| x.code != t.code);
        Some(p)
    })
}

/// The CAMEO code a type stands for: its own when it is a CAMEO type, else
/// the nearest CAMEO code above it (an own type under "04" stands for
/// "04"), else None.
pub fn cameo_of<'a>(ws: &'a Workspace, code: &'a str) -> Option<&'a str> {
    if is_cameo(code) {
        return Some(code);
    }
    ancestors(ws, code).find(|c| is_cameo(c))
}

/// The CAMEO type a type stands for in event data: itself when CAMEO's;
/// for an own type the CAMEO type of the code above it (the root's own
/// type, "04", or its first, "040"). Its PLOVER type is the own type's
/// when none is given.
pub fn standard<'a>(ws: &'a Workspace, code: &'a str) -> Option<&'a EventType> {
    let c = cameo_of(ws, code)?;
    ws.event_type(c).or_else(|| ws.event_type(&format!("{c}0")))
}

/// The name of the CAMEO code a type stands for ("Consult" for an own type
/// under "04"), so a CAMEO column is never paired with an own type's name.
pub fn cameo_label<'a>(ws: &'a Workspace, code: &'a str) -> Option<&'a str> {
    let c = cameo_of(ws, code)?;
    match ws.event_type(c) {
        Some(t) => Some(t.label.as_str()),
        None if is_cameo_root(c) => Some(root_label(c)),
        None => None,
    }
}

/// The CAMEO root a type is shown under, or None for an own type with no
/// CAMEO code above it.
pub fn group_of<'a>(ws: &'a Workspace, code: &'a str) -> Option<&'a str> {
    cameo_of(ws, code).map(root_of)
}

/// One line of the codebook as pickers show it.
#[derive(Debug, Clone, PartialEq)]
pub enum Row<'a> {
    /// A group heading: a CAMEO root ("04", "Consult") or, with an empty
    /// code, the own types with no CAMEO code above them.
    Group { root: &'a str, label: &'static str },
    /// A type, indented by how many own types it sits under.
    Type { t: &'a EventType, depth: usize },
}

impl Row<'_> {
    /// A group's heading as shown ("04 Consult", "Own codes"); None for a type.
    pub fn heading(&self) -> Option<String> {
        match self {
            Row::Group { root: "", label } => Some(label.to_string()),
            Row::Group { root, label } => Some(format!("{root} {label}")),
            Row::Type { .. } => None,
        }
    }
}

/// Heading of the own types with no CAMEO code above them.
pub const OWN_GROUP: &str = "Own codes";

/// The codebook as a tree: CAMEO roots in code order, each with its CAMEO
/// types and the own types under it (children after their parent), then
/// the own types under no CAMEO code. A type whose parent is missing or in
/// a circle is shown at the top of its group, never lost.
pub fn tree(ws: &Workspace) -> Vec<Row<'_>> {
    let types = &ws.vocabularies.event_types;
    let mut children: HashMap<&str, Vec<&EventType>> = HashMap::new();
    let mut tops: std::collections::BTreeMap<&str, Vec<&EventType>> = Default::default();
    for t in types {
        let parent_is_type = !t.parent.is_empty()
            && !is_cameo_root(&t.parent)
            && ws.event_type(&t.parent).is_some()
            && !ancestors(ws, &t.parent).any(|c| c == t.code);
        if parent_is_type && !is_cameo(&t.code) {
            children.entry(t.parent.as_str()).or_default().push(t);
        } else {
            tops.entry(group_of(ws, &t.code).unwrap_or(""))
                .or_default()
                .push(t);
        }
    }
    for list in children.values_mut().chain(tops.values_mut()) {
        // CAMEO types in code order, then own types by name.
        list.sort_by_cached_key(|t| {
            let cameo = is_cameo(&t.code);
            let code = if cameo { t.code.clone() } else { String::new() };
            (!cameo, code, t.label.to_lowercase(), t.code.clone())
        });
    }
    fn walk<'a>(
        t: &'a EventType,
        depth: usize,
        children: &HashMap<&str, Vec<&'a EventType>>,
        out: &mut Vec<Row<'a>>,
    ) {
        out.push(Row::Type { t, depth });
        if depth < MAX_DEPTH {
            for c in children.get(t.code.as_str()).into_iter().flatten() {
                walk(c, depth + 1, children, out);
            }
        }
    }
    let mut out = vec![];
    let own = tops.remove("");
    for (root, list) in tops
        .iter()
        .map(|(r, l)| (*r, l))
        .chain(own.as_ref().map(|l| ("", l)))
    {
        out.push(Row::Group {
            root,
            label: if root.is_empty() {
                OWN_GROUP
            } else {
                root_label(root)
            },
        });
        for t in list {
            walk(t, 0, &children, &mut out);
        }
    }
    out
}

/// Whether type `t` answers a picker's search: every word of `query` is in
/// its code, name, description or its group's name (case ignored).
pub fn matches(ws: &Workspace, t: &EventType, query: &str) -> bool {
    let group = group_of(ws, &t.code).map(root_label).unwrap_or(OWN_GROUP);
    let hay = format!("{} {} {} {group}", t.code, t.label, t.description).to_lowercase();
    query
        .to_lowercase()
        .split_whitespace()
        .all(|w| hay.contains(w))
}

/// How many events each type names, by code.
pub fn type_uses(ws: &Workspace) -> HashMap<&str, usize> {
    let mut out: HashMap<&str, usize> = HashMap::new();
    for e in &ws.events {
        *out.entry(e.kind.as_str()).or_default() += 1;
    }
    out
}

fn vocabulary_edit(ws: &Workspace, types: Vec<EventType>) -> Edit {
    Edit::Vocabulary {
        before: (ws.tags.clone(), ws.vocabularies.event_types.clone()),
        after: (ws.tags.clone(), types),
    }
}

/// The undoable edit that adds own type `t` (its code checked with
/// [`code_problem`], the rest with [`type_problem`]); the refusal says why.
pub fn add_type_edit(ws: &Workspace, mut t: EventType) -> Result<Edit, String> {
    t.label = crate::text::normalise::one_line(&t.label);
    t.colour = t.colour.to_ascii_lowercase();
    if let Some(p) = code_problem(ws, &t.code).or_else(|| type_problem(ws, &t)) {
        return Err(p);
    }
    let mut types = ws.vocabularies.event_types.clone();
    types.push(t);
    Ok(vocabulary_edit(ws, types))
}

/// The undoable edit that changes type `after.code`: an own type's name,
/// colour, parent and description; a CAMEO type's colour and description
/// only (its name and place are the standard's). None when nothing changes.
pub fn change_type_edit(ws: &Workspace, mut after: EventType) -> Result<Option<Edit>, String> {
    let before = ws
        .event_type(&after.code)
        .ok_or_else(|| format!("There is no type {}.", after.code))?;
    after.label = crate::text::normalise::one_line(&after.label);
    after.colour = after.colour.to_ascii_lowercase();
    if is_cameo(&before.code) {
        let (label, parent, g, pt, pm) = (
            before.label.clone(),
            before.parent.clone(),
            before.goldstein,
            before.plover_type.clone(),
            before.plover_mode.clone(),
        );
        after.label = label;
        after.parent = parent;
        after.goldstein = g;
        after.plover_type = pt;
        after.plover_mode = pm;
    }
    if let Some(p) = type_problem(ws, &after) {
        return Err(p);
    }
    if *before == after {
        return Ok(None);
    }
    let types = ws
        .vocabularies
        .event_types
        .iter()
        .map(|t| {
            if t.code == after.code {
                after.clone()
            } else {
                t.clone()
            }
        })
        .collect();
    Ok(Some(vocabulary_edit(ws, types)))
}

/// The undoable edit that merges own type `from` into `into`: every event
/// of `from` takes `into`, the own types under `from` move under `into`
/// (or to `into`'s own parent, were that a circle), and `from` goes. One
/// step. Refused for a CAMEO `from` (the standard's list stays whole).
pub fn merge_types_edit(ws: &Workspace, from: &str, into: &str) -> Result<Edit, String> {
    if from == into {
        return Err("A type cannot be merged into itself.".into());
    }
    if is_cameo(from) {
        return Err(format!(
            "{from} is a CAMEO type: only own types are merged away."
        ));
    }
    let into_t = ws
        .event_type(into)
        .ok_or_else(|| format!("There is no type {into}."))?;
    ws.event_type(from)
        .ok_or_else(|| format!("There is no type {from}."))?;
    let mut edits = vec![];
    for e in ws.events.iter().filter(|e| e.kind == from) {
        let mut after = (**e).clone();
        after.kind = into.to_string();
        after.modified = crate::core::ids::now();
        after.changed_by = crate::core::ids::author();
        edits.push(Edit::change_event((**e).clone(), after));
    }
    let new_parent = if is_cameo(into) {
        root_of(into).to_string()
    } else {
        into.to_string()
    };
    let under_into: Vec<&str> = ancestors(ws, into).collect();
    let types = ws
        .vocabularies
        .event_types
        .iter()
        .filter(|t| t.code != from)
        .map(|t| {
            let mut t = t.clone();
            if t.parent == from {
                t.parent = if t.code == into || under_into.contains(&t.code.as_str()) {
                    into_t.parent.clone()
                } else {
                    new_parent.clone()
                };
            }
            t
        })
        .collect();
    edits.push(vocabulary_edit(ws, types));
    Ok(Edit::Named("merge event types", edits))
}

/// The undoable edit that deletes own type `code`, refused (with why)
/// while an event names it or another type sits under it.
pub fn delete_type_edit(ws: &Workspace, code: &str) -> Result<Edit, String> {
    if is_cameo(code) {
        return Err(format!(
            "{code} is a CAMEO type: the standard's list stays whole."
        ));
    }
    ws.event_type(code)
        .ok_or_else(|| format!("There is no type {code}."))?;
    let uses = type_uses(ws).get(code).copied().unwrap_or(0);
    if uses > 0 {
        return Err(format!(
            "{uses} event(s) have this type: merge it into another type instead."
        ));
    }
    if let Some(child) = ws
        .vocabularies
        .event_types
        .iter()
        .find(|t| t.parent == code)
    {
        return Err(format!(
            "{} sits under this type: move it first.",
            child.label
        ));
    }
    let types = ws
        .vocabularies
        .event_types
        .iter()
        .filter(|t| t.code != code)
        .cloned()
        .collect();
    Ok(vocabulary_edit(ws, types))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ops::tests::ws_with;
    use crate::core::ops::{NewEvent, locate_quote, tag_new_event};

    fn own(code: &str, label: &str, parent: &str) -> EventType {
        EventType {
            code: code.into(),
            label: label.into(),
            colour: "#AA3300".into(),
            parent: parent.into(),
            ..Default::default()
        }
    }

    #[test]
    fn codes_come_from_the_name_are_short_free_and_never_cameo_like() {
        let (mut ws, _) = ws_with("x");
        assert_eq!(suggest_code(&ws, "Track II dialogue"), "track-ii");
        assert_eq!(suggest_code(&ws, "Backchannel"), "backchannel");
        assert_eq!(suggest_code(&ws, "Extraordinarily long"), "extraordinar");
        assert_eq!(suggest_code(&ws, "2023"), "own-2023");
        assert_eq!(suggest_code(&ws, "!!"), "own");
        assert_eq!(suggest_code(&ws, "二轨对话"), "二轨对话");
        add_type_edit(&ws, own("track-ii", "Track II", ""))
            .unwrap()
            .apply(&mut ws);
        assert_eq!(suggest_code(&ws, "Track II dialogue"), "track-ii-2");
        assert!(code_problem(&ws, "track-ii").unwrap().contains("taken"));
        assert!(code_problem(&ws, "042").is_some());
        assert!(code_problem(&ws, "a b").is_some());
        assert!(code_problem(&ws, "fine").is_none());
    }

    #[test]
    fn own_types_nest_under_a_cameo_root_or_each_other_and_never_in_a_circle() {
        let (mut ws, _) = ws_with("x");
        add_type_edit(&ws, own("track-ii", "Track II", "04"))
            .unwrap()
            .apply(&mut ws);
        add_type_edit(&ws, own("academic", "Academic exchange", "track-ii"))
            .unwrap()
            .apply(&mut ws);
        add_type_edit(&ws, own("mood", "Mood", ""))
            .unwrap()
            .apply(&mut ws);
        // Under a CAMEO type that is not a root: refused; under nothing: fine.
        assert!(add_type_edit(&ws, own("v", "V", "042")).is_err());
        assert!(add_type_edit(&ws, own("v", "V", "nope")).is_err());
        assert!(add_type_edit(&ws, own("v", "", "")).is_err());
        let mut circle = ws.event_type("track-ii").unwrap().clone();
        circle.parent = "academic".into();
        assert!(
            change_type_edit(&ws, circle)
                .unwrap_err()
                .contains("circle")
        );
        assert_eq!(cameo_of(&ws, "academic"), Some("04"));
        assert_eq!(cameo_of(&ws, "mood"), None);
        assert_eq!(cameo_of(&ws, "042"), Some("042"));
        let rows = tree(&ws);
        let pos = |code: &str| {
            rows.iter()
                .position(|r| matches!(r, Row::Type { t, .. } if t.code == code))
                .unwrap()
        };
        // Under "04 Consult", after its CAMEO types, the child after its parent.
        assert!(pos("046") < pos("track-ii") && pos("track-ii") < pos("academic"));
        assert!(matches!(rows[pos("academic")], Row::Type { depth: 1, .. }));
        assert!(pos("academic") < pos("050"));
        assert_eq!(
            rows.last(),
            Some(&Row::Type {
                t: ws.event_type("mood").unwrap(),
                depth: 0
            })
        );
        assert!(rows.contains(&Row::Group {
            root: "",
            label: OWN_GROUP
        }));
        // A circle planted by a hand-edited file is shown, not followed.
        let t = ws
            .vocabularies
            .event_types
            .iter_mut()
            .find(|t| t.code == "track-ii")
            .unwrap();
        t.parent = "academic".into();
        let rows = tree(&ws);
        let shown = |code: &str| {
            rows.iter()
                .filter(|r| matches!(r, Row::Type { t, .. } if t.code == code))
                .count()
        };
        assert_eq!((shown("track-ii"), shown("academic")), (1, 1));
        assert!(matches(
            &ws,
            ws.event_type("academic").unwrap(),
            "ACAD exch"
        ));
        assert!(matches(&ws, ws.event_type("046").unwrap(), "consult"));
        assert!(!matches(&ws, ws.event_type("046").unwrap(), "visit"));
    }

    #[test]
    fn a_used_type_is_merged_not_deleted_and_each_edit_undoes() {
        let (mut ws, a) = ws_with("Scholars met in Beijing.");
        add_type_edit(&ws, own("trackii", "Track 2", "04"))
            .unwrap()
            .apply(&mut ws);
        add_type_edit(&ws, own("track-ii", "Track II", "04"))
            .unwrap()
            .apply(&mut ws);
        add_type_edit(&ws, own("academic", "Academic", "trackii"))
            .unwrap()
            .apply(&mut ws);
        let anchor = locate_quote(&ws, &a, "Scholars met", None).unwrap();
        let e = tag_new_event(
            &mut ws,
            &a,
            anchor,
            NewEvent {
                headline: "Scholars".into(),
                kind: "trackii".into(),
                ..Default::default()
            },
        )
        .unwrap();
        assert!(
            delete_type_edit(&ws, "trackii")
                .unwrap_err()
                .contains("1 event")
        );
        assert!(delete_type_edit(&ws, "042").is_err());
        assert!(merge_types_edit(&ws, "042", "trackii").is_err());
        let before = ws.clone();
        let merge = merge_types_edit(&ws, "trackii", "track-ii").unwrap();
        assert_eq!(merge.describe(), "merge event types");
        let undo = merge.apply(&mut ws);
        assert_eq!(ws.event(&e).unwrap().kind, "track-ii");
        assert!(ws.event_type("trackii").is_none());
        assert_eq!(ws.event_type("academic").unwrap().parent, "track-ii");
        assert!(ws.problems().is_empty(), "{:?}", ws.problems());
        undo.apply(&mut ws);
        assert_eq!(ws.vocabularies, before.vocabularies);
        assert_eq!(ws.event(&e), before.event(&e));
        // Renaming keeps the code; a CAMEO type keeps its name.
        let mut t = ws.event_type("track-ii").unwrap().clone();
        t.label = "Track two".into();
        t.description = "Unofficial talks".into();
        change_type_edit(&ws, t).unwrap().unwrap().apply(&mut ws);
        assert_eq!(ws.event_type("track-ii").unwrap().label, "Track two");
        let mut c = ws.event_type("042").unwrap().clone();
        c.label = "Visit".into();
        c.colour = "#000000".into();
        change_type_edit(&ws, c).unwrap().unwrap().apply(&mut ws);
        let c = ws.event_type("042").unwrap();
        assert_eq!(
            (c.label.as_str(), c.colour.as_str()),
            ("Make a visit", "#000000")
        );
        assert!(change_type_edit(&ws, c.clone()).unwrap().is_none());
        delete_type_edit(&ws, "academic").unwrap().apply(&mut ws);
        assert!(ws.event_type("academic").is_none());
    }
}
