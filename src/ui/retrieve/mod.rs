//! The Retrieve tab (coded retrieval, as QDA tools call it): pick an
//! actor, an event type, a tag or a memo and read every passage for it,
//! its quote in context with its article and the dates; a click opens the
//! passage in the Reader; the view is exported as CSV or copied as a
//! Markdown list. The passages come from `core::retrieve`.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

pub mod state;

use crate::core::retrieve::{retrieve, to_markdown};
use crate::ui::app::DetenteApp;
use crate::ui::jobs::dialog::Pick;
use state::Kind;

/// The choices for `kind`: (value, what to show), sorted for reading.
fn choices(app: &DetenteApp, kind: Kind) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = match kind {
        Kind::Actor => app
            .ws
            .actors
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect(),
        Kind::Type => app
            .ws
            .vocabularies
            .event_types
            .iter()
            .filter(|t| app.ws.events.iter().any(|e| e.kind == t.code))
            .map(|t| (t.code.clone(), t.shown()))
            .collect(),
        Kind::Tag => app.ws.tags.iter().map(|t| (t.clone(), t.clone())).collect(),
        Kind::Memo => app
            .ws
            .memos
            .iter()
            .map(|m| {
                let t = if m.title.trim().is_empty() {
                    "Untitled memo".to_string()
                } else {
                    m.title.clone()
                };
                (m.id.clone(), t)
            })
            .collect(),
    };
    out.sort_by_key(|(_, s)| s.to_lowercase());
    out
}

/// `shown` as a file name's part: its words, lower case, joined by hyphens
/// ("044 Meet at a third location" gives "044-meet-at-a-third-location"),
/// at most 40 characters.
fn file_slug(shown: &str) -> String {
    let words: Vec<String> = shown
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out = String::new();
    for w in words {
        if out.chars().count() + w.chars().count() + 1 > 40 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    out
}

pub fn show(app: &mut DetenteApp, ui: &mut egui::Ui) {
    let before = (app.retrieve.kind, app.retrieve.value.clone());
    // One row for the question, so the passages keep the height.
    ui.horizontal_wrapped(|ui| {
        ui.label("Passages for");
        for k in Kind::ALL {
            ui.selectable_value(&mut app.retrieve.kind, k, k.label());
        }
        if app.retrieve.kind != before.0 {
            app.retrieve.value = None;
        }
        let options = choices(app, app.retrieve.kind);
        let shown = app
            .retrieve
            .value
            .as_ref()
            .and_then(|v| options.iter().find(|(id, _)| id == v))
            .map(|(_, s)| s.clone())
            .unwrap_or_else(|| format!("choose {}…", app.retrieve.kind.noun()));
        ui.separator();
        let l = ui.label(format!(
            "Which {}",
            app.retrieve.kind.label().to_lowercase()
        ));
        egui::ComboBox::from_id_salt("retrieve-value")
            .selected_text(shown)
            .width(240.0)
            .show_ui(ui, |ui| {
                for (id, s) in &options {
                    ui.selectable_value(&mut app.retrieve.value, Some(id.clone()), s);
                }
            })
            .response
            .labelled_by(l.id);
    });
    let Some(query) = app.retrieve.query() else {
        ui.weak("Choose what to read every passage of: an actor, an event type, a tag or a memo.");
        return;
    };
    let revision = app.ws.revision.get();
    let fresh = matches!(&app.retrieve.hits, Some((r, q, _)) if *r == revision && *q == query);
    if !fresh {
        let hits = retrieve(&app.ws, &query);
        app.retrieve.hits = Some((revision, query, hits));
    }
    // Taken out while drawn and put back (never copied per frame).
    let Some((revision, query, hits)) = app.retrieve.hits.take() else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(format!(
            "{} passage{}",
            hits.len(),
            if hits.len() == 1 { "" } else { "s" }
        ));
        if ui
            .add_enabled(!hits.is_empty(), egui::Button::new("Copy as Markdown"))
            .clicked()
        {
            ui.ctx().copy_text(to_markdown(&hits));
            app.reader.status = format!("Copied {} passages as a Markdown list.", hits.len());
        }
        if ui
            .add_enabled(!hits.is_empty(), egui::Button::new("Export CSV…"))
            .clicked()
        {
            let csv = crate::exchange::csv::hits_to_csv(&hits);
            // Named after what was asked: "passages-wang-yi.csv".
            let asked = (app.retrieve.value.as_ref())
                .and_then(|v| {
                    choices(app, app.retrieve.kind)
                        .into_iter()
                        .find(|(k, _)| k == v)
                })
                .map(|(_, shown)| file_slug(&shown))
                .filter(|s| !s.is_empty());
            let name = match asked {
                Some(s) => format!("passages-{s}.csv"),
                None => "passages.csv".into(),
            };
            app.choose(Pick::SaveCsv(name, csv));
        }
    });
    ui.separator();
    let mut open = None;
    egui::ScrollArea::vertical()
        .id_salt("retrieve-list")
        .auto_shrink(false)
        .show(ui, |ui| {
            for h in &hits {
                let mut job = egui::text::LayoutJob::default();
                let weak = egui::TextFormat {
                    color: ui.visuals().weak_text_color(),
                    ..Default::default()
                };
                let strong = egui::TextFormat {
                    color: ui.visuals().strong_text_color(),
                    ..Default::default()
                };
                job.append(&format!("…{}", h.prefix), 0.0, weak.clone());
                job.append(&h.quote, 0.0, strong);
                job.append(&format!("{}…", h.suffix), 0.0, weak);
                if ui
                    .add(egui::Label::new(job).sense(egui::Sense::click()))
                    .on_hover_text("Open it in the text")
                    .clicked()
                {
                    open = Some(h.clone());
                }
                let (from, event) = (h.source(" · "), h.event_words());
                ui.weak(format!("{from} — {event}"));
                ui.add_space(6.0);
            }
        });
    app.retrieve.hits = Some((revision, query, hits));
    if let Some(h) = open {
        app.select_event(&h.event, false);
        app.jump_to_passage(&h.article, &h.passage);
    }
}
