//! The events as versioned JSON (`detente-export` 1) for scripts: one
//! object per event, or per passage, inside an envelope naming the
//! workspace, so a reader can tell what and which version it holds.
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
}

#[derive(Serialize)]
struct WsRef<'a> {
    id: &'a str,
    title: &'a str,
}

/// The JSON export: `{format, version, workspace: {id, title}, kind: "events"|"passages", rows: [...]}`.
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
        })
    } else {
        serde_json::to_string_pretty(&Envelope {
            format: EXPORT_FORMAT,
            version: EXPORT_VERSION,
            workspace,
            kind: "events",
            rows: &event_rows(ws),
        })
    }
    .expect("rows always serialise");
    s.push('\n');
    s
}
