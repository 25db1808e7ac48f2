//! The events as versioned JSON (`detente-export` 1) for scripts: one
//! object per event, or per passage, inside an envelope naming the
//! workspace, so a reader can tell what and which version it holds; the
//! memos beside them, each with its links resolved to what they name.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::model::Workspace;
use crate::exchange::rows::{event_rows, passage_rows};
use serde::Serialize;

pub const EXPORT_FORMAT: &str = "detente-export";

pub const EXPORT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Envelope<'a, T: Serialize> {
    format: &'static str,
    version: u32,
    workspace: WsRef<'a>,
    kind: &'static str,
    rows: &'a [T],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    memos: Vec<MemoRow<'a>>,
}

/// A memo as scripts read it.
#[derive(Serialize)]
struct MemoRow<'a> {
    id: &'a str,
    title: &'a str,
    /// Markdown; links are `[label](detente:ID)`.
    text: &'a str,
    tags: &'a [String],
    in_report: bool,
    created: &'a str,
    created_by: &'a str,
    modified: &'a str,
    changed_by: &'a str,
    links: Vec<LinkRow>,
}

/// A memo's link: the id, what it names ("article", "event", "passage",
/// "orphan", "memo", or "missing" when deleted since), and its words.
#[derive(Serialize)]
struct LinkRow {
    id: String,
    kind: &'static str,
    label: String,
}

fn memo_rows(ws: &Workspace) -> Vec<MemoRow<'_>> {
    use crate::core::memo::{Target, links, resolve};
    let mut memos: Vec<_> = ws.memos.iter().collect();
    memos.sort_by(|a, b| a.id.cmp(&b.id));
    memos
        .into_iter()
        .map(|m| MemoRow {
            id: &m.id,
            title: &m.title,
            text: &m.text,
            tags: &m.tags,
            in_report: m.in_report,
            created: &m.created,
            created_by: &m.created_by,
            modified: &m.modified,
            changed_by: &m.changed_by,
            links: links(&m.text)
                .into_iter()
                .map(|l| LinkRow {
                    kind: match resolve(ws, &l.target) {
                        Target::Article(_) => "article",
                        Target::Event(_) => "event",
                        Target::Passage(..) => "passage",
                        Target::Orphan(_) => "orphan",
                        Target::Memo(_) => "memo",
                        Target::Missing => "missing",
                    },
                    id: l.target,
                    label: l.label,
                })
                .collect(),
        })
        .collect()
}

#[derive(Serialize)]
struct WsRef<'a> {
    id: &'a str,
    title: &'a str,
}

/// The JSON export: `{format, version, workspace: {id, title}, kind: "events"|"passages", rows: [...], memos: [...]}`
/// (`memos` left out when there are none).
pub fn to_json(ws: &Workspace, per_passage: bool) -> String {
    let workspace = WsRef {
        id: &ws.id,
        title: &ws.title,
    };
    let mut s = if per_passage {
        serde_json::to_string_pretty(&Envelope {
            format: EXPORT_FORMAT,
            version: EXPORT_VERSION,
            workspace,
            kind: "passages",
            rows: &passage_rows(ws),
            memos: memo_rows(ws),
        })
    } else {
        serde_json::to_string_pretty(&Envelope {
            format: EXPORT_FORMAT,
            version: EXPORT_VERSION,
            workspace,
            kind: "events",
            rows: &event_rows(ws),
            memos: memo_rows(ws),
        })
    }
    .expect("rows always serialise");
    s.push('\n');
    s
}
