//! Memos in a REFI-QDA project: each a `Note` (title as its name, the
//! Markdown as its text, marked by its description so Detente makes it a
//! memo again), and `NoteRef`s from the sources and selections it links,
//! which is how QDA tools attach a memo to what it is about. Reading them
//! back, their links are pointed at the imported objects' new ids.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use super::xml::Xml;
use super::{MEMO_NOTE, guid};
use crate::core::memo::links;
use crate::core::model::{Memo, Workspace};
use rustc_hash::FxHashMap;

/// For each linked object's id, the GUIDs of the memos that link it.
pub type MemoRefs = FxHashMap<String, Vec<String>>;

pub fn refs(ws: &Workspace) -> MemoRefs {
    let mut out = MemoRefs::default();
    let mut memos: Vec<&Memo> = ws.memos.iter().collect();
    memos.sort_by(|a, b| a.id.cmp(&b.id));
    for m in memos {
        let g = guid(&m.id);
        for l in links(&m.text) {
            let v = out.entry(l.target).or_default();
            if !v.contains(&g) {
                v.push(g.clone());
            }
        }
    }
    out
}

/// The `NoteRef`s of the memos linking any of `ids`, each once.
pub fn write_refs(x: &mut Xml, refs: &MemoRefs, ids: &[&str]) {
    let mut seen: Vec<&String> = vec![];
    for g in ids.iter().filter_map(|id| refs.get(*id)).flatten() {
        if !seen.contains(&g) {
            seen.push(g);
            x.empty("NoteRef", &[("targetGUID", g.clone())]);
        }
    }
}

/// Each memo as a `Note`; `user` gives a person's User GUID, `stamp` a
/// timestamp as xsd:dateTime.
pub fn write_notes(
    x: &mut Xml,
    ws: &Workspace,
    user: &dyn Fn(&str) -> Option<String>,
    stamp: &dyn Fn(&str) -> Option<String>,
) {
    let mut memos: Vec<&Memo> = ws.memos.iter().collect();
    memos.sort_by(|a, b| a.id.cmp(&b.id));
    for m in memos {
        let mut a = vec![("guid", guid(&m.id)), ("name", m.title.clone())];
        if let Some(u) = user(&m.created_by) {
            a.push(("creatingUser", u));
        }
        if let Some(t) = stamp(&m.created) {
            a.push(("creationDateTime", t));
        }
        if let Some(u) = user(&m.changed_by) {
            a.push(("modifyingUser", u));
        }
        if let Some(t) = stamp(&m.modified) {
            a.push(("modifiedDateTime", t));
        }
        x.open("Note", &a);
        x.leaf_text("Description", MEMO_NOTE);
        x.leaf_text("PlainTextContent", &m.text);
        x.close("Note");
    }
}

/// `text` with each link to an id the import renamed pointed at the new
/// id (`new_id` maps an old id's GUID to it); other links kept as written.
pub fn relink(text: &str, new_id: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for l in links(text) {
        let Some(new) = new_id(&guid(&l.target)) else {
            continue;
        };
        let whole = &text[l.bytes.clone()];
        // The target is the link's destination, after "](detente:".
        let Some(i) = whole.rfind(&l.target) else {
            continue;
        };
        out.push_str(&text[at..l.bytes.start + i]);
        out.push_str(&new);
        at = l.bytes.start + i + l.target.len();
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::memo::link_markdown;

    #[test]
    fn links_are_renamed_and_others_kept() {
        let text = format!(
            "{} and {} and [web](https://x.org/evt_a)",
            link_markdown("a", "evt_a"),
            link_markdown("gone", "psg_gone")
        );
        let map = |g: &str| (g == guid("evt_a")).then(|| "evt_new".to_string());
        let out = relink(&text, &map);
        assert_eq!(
            out,
            "[a](detente:evt_new) and [gone](detente:psg_gone) and [web](https://x.org/evt_a)"
        );
    }
}
