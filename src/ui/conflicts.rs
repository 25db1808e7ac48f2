//! The Conflicts tab: what a merge of two copies could not settle (from
//! `detente merge` or a `git merge`), each side by side, ours and theirs,
//! with the common ancestor's value when known; "Keep mine", "Keep
//! theirs" or, for an event, "Keep both…" settles it as one undoable step.
//! Keep both says what it would do before doing it: two events (the copy's
//! passages copied too) or, for an event's date, one event holding both
//! readings (mine as its date, theirs in its notes). Exports wait until
//! none is left.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::conflicts::{Keep, both_explained, is_event_date, settle};
use crate::core::model::Conflict;
use crate::ui::app::DetenteApp;
use serde_json::Value;

/// A value as a person reads it: text as it is, a date as a date ("15
/// November 2022 (2022-11-15)"), actors by name, lists joined, a deletion
/// as such; JSON only for what has no better form.
fn shown(app: &DetenteApp, v: &Value) -> String {
    match v {
        Value::Null => "(deleted)".into(),
        Value::String(s) if s.is_empty() => "(empty)".into(),
        Value::String(s) => s.clone(),
        Value::Object(o) if o.contains_key("id") => "(kept whole)".into(),
        Value::Object(o) if o.contains_key("edtf") => {
            match serde_json::from_value::<crate::dates::edtf::DateValue>(v.clone()) {
                Ok(d) => format!("{} ({})", d.human(), d.edtf()),
                Err(_) => v.to_string(),
            }
        }
        Value::Array(items) if items.is_empty() => "(none)".into(),
        Value::Array(items) => items
            .iter()
            .map(|x| match x.get("actor").and_then(Value::as_str) {
                Some(id) => {
                    let name = app.ws.actor(id).map_or(id, |a| a.name.as_str());
                    match x.get("role").and_then(Value::as_str) {
                        Some(role) => format!("{name} ({role})"),
                        None => name.to_string(),
                    }
                }
                None => shown(app, x),
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// "2026-11-29T10:10:05.123Z" as "2026-11-29 10:10 UTC".
fn when(t: &str) -> String {
    match (t.get(..10), t.get(11..16)) {
        (Some(d), Some(hm)) if t.as_bytes().get(10) == Some(&b'T') => format!("{d} {hm} UTC"),
        _ => t.to_string(),
    }
}

/// What the conflict is about, by name rather than id where possible.
fn subject(app: &DetenteApp, c: &Conflict) -> String {
    let id = c.id.split('/').next().unwrap_or_default();
    let name = match c.kind.as_str() {
        "event" => app.ws.event(id).map(|e| e.headline.clone()),
        "article" => app.ws.article(id).map(|a| a.title.clone()),
        "actor" => app.ws.actor(id).map(|a| a.name.clone()),
        "memo" => app.ws.memo(id).map(|m| m.title.clone()),
        "workspace" => Some(app.ws.title.clone()),
        _ => None,
    }
    .unwrap_or_else(|| c.id.clone());
    let what = if c.field.is_empty() {
        "deleted in one copy, changed in the other".to_string()
    } else if c.id.contains('/') {
        format!("passage {}", c.field)
    } else {
        c.field.clone()
    };
    format!("{} “{name}”: {what}", c.kind)
}

pub fn show(app: &mut DetenteApp, ui: &mut egui::Ui) {
    if app.ws.conflicts.is_empty() {
        ui.label("No merge conflicts.");
        return;
    }
    ui.label(format!(
        "{} difference(s) the merge could not settle. The workspace holds “mine”; \
         choose for each. Exports wait until none is left.",
        app.ws.conflicts.len()
    ));
    // Which choices each conflict allows, worked out once per change of the
    // workspace, not three edits per conflict every frame.
    const SIDES: [Keep; 3] = [Keep::Ours, Keep::Theirs, Keep::Both];
    let key = egui::Id::unique("conflict-choices");
    let revision = app.ws.revision.get();
    let cached: Option<(u64, Vec<[bool; 3]>)> = ui.data(|d| d.get_temp(key));
    let allowed = match cached {
        Some((r, a)) if r == revision && a.len() == app.ws.conflicts.len() => a,
        _ => {
            let a: Vec<[bool; 3]> = (0..app.ws.conflicts.len())
                .map(|i| SIDES.map(|side| settle(&app.ws, i, side).is_some()))
                .collect();
            ui.data_mut(|d| d.insert_temp(key, (revision, a.clone())));
            a
        }
    };
    let mut chosen = None;
    // The conflict whose "Keep both…" is asking what to keep.
    let asking_key = egui::Id::unique("conflict-keep-both");
    let mut asking: Option<usize> = ui.data(|d| d.get_temp(asking_key)).flatten();
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (i, c) in app.ws.conflicts.iter().enumerate() {
            ui.separator();
            // The choice first, beside what it is about, then both values.
            ui.horizontal(|ui| {
                for (k, (label, side)) in ["Keep mine", "Keep theirs", "Keep both…"]
                    .into_iter()
                    .zip(SIDES)
                    .enumerate()
                {
                    let ok = allowed[i][k];
                    if side == Keep::Both && !ok {
                        continue;
                    }
                    let b = ui
                        .add_enabled(ok, egui::Button::new(label))
                        .on_disabled_hover_text(
                            "Not possible: passages or events still use it, or it is gone",
                        );
                    if b.clicked() {
                        if side == Keep::Both {
                            asking = Some(i);
                        } else {
                            chosen = Some((i, side));
                        }
                    }
                }
                ui.strong(subject(app, c));
            });
            if asking == Some(i) {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    let date = is_event_date(&app.ws, i);
                    if date {
                        ui.label(
                            "One event, both readings: the event keeps my date, and theirs \
                             is written into its notes as the other reading, to check \
                             against the sources (each passage keeps the date its source gives).",
                        );
                    }
                    if let Some(said) = both_explained(&app.ws, i) {
                        ui.label(said);
                    }
                    ui.horizontal(|ui| {
                        if date && ui.button("One event, both readings").clicked() {
                            chosen = Some((i, Keep::Readings));
                        }
                        if ui.button("Two events").clicked() {
                            chosen = Some((i, Keep::Both));
                        }
                        if ui.button("Cancel").clicked() {
                            asking = None;
                        }
                    });
                });
            }
            egui::Grid::new(("conflict", i))
                .num_columns(2)
                .show(ui, |ui| {
                    let by = |who: &str| {
                        if who.is_empty() {
                            String::new()
                        } else {
                            format!(" ({who})")
                        }
                    };
                    ui.weak(format!("mine{}", by(&c.ours_by)));
                    ui.label(shown(app, &c.ours));
                    ui.end_row();
                    ui.weak(format!("theirs{}", by(&c.theirs_by)));
                    ui.label(shown(app, &c.theirs));
                    ui.end_row();
                    if let Some(b) = &c.base {
                        ui.weak("before");
                        ui.label(shown(app, b));
                        ui.end_row();
                    }
                    if !c.found.is_empty() {
                        ui.weak("found");
                        ui.weak(when(&c.found));
                        ui.end_row();
                    }
                });
        }
    });
    if chosen.is_some() {
        asking = None;
    }
    ui.data_mut(|d| d.insert_temp(asking_key, asking));
    if let Some((i, side)) = chosen
        && let Some(edit) = settle(&app.ws, i, side)
    {
        app.apply(edit);
    }
}
