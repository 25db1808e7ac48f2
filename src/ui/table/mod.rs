//! The Events table: every event, sortable and filterable; rows are
//! virtualised so long lists cost only what is on screen.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

pub mod state;

use crate::core::model::Id;
use crate::core::model::Status;
use crate::ui::app::DetenteApp;
use crate::ui::table::state::{SortBy, actor_names, rows};
use egui_extras::{Column, TableBuilder};
use std::sync::Arc;

pub fn show(app: &mut DetenteApp, ui: &mut egui::Ui) {
    let st = &mut app.table;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Filter events");
        ui.add(egui::TextEdit::singleline(&mut st.text).desired_width(160.0))
            .labelled_by(l.id);
        let kind_text = st.kind.clone().unwrap_or_else(|| "any type".into());
        let l = ui.label("Type");
        egui::ComboBox::from_id_salt("table-kind")
            .selected_text(kind_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut st.kind, None, "any type");
                for t in &app.ws.vocabularies.event_types {
                    ui.selectable_value(&mut st.kind, Some(t.code.clone()), t.shown());
                }
            })
            .response
            .labelled_by(l.id);
        let actor_text = st
            .actor
            .as_ref()
            .and_then(|a| app.ws.actor(a))
            .map(|a| a.name.clone())
            .unwrap_or_else(|| "any actor".into());
        let l = ui.label("Actor");
        egui::ComboBox::from_id_salt("table-actor")
            .selected_text(actor_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut st.actor, None, "any actor");
                for a in &app.ws.actors {
                    ui.selectable_value(&mut st.actor, Some(a.id.clone()), &a.name);
                }
            })
            .response
            .labelled_by(l.id);
        let status_text = st.status.map(|s| s.as_str()).unwrap_or("any status");
        let l = ui.label("Status");
        egui::ComboBox::from_id_salt("table-status")
            .selected_text(status_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut st.status, None, "any status");
                for s in Status::ALL {
                    ui.selectable_value(&mut st.status, Some(s), s.as_str());
                }
            })
            .response
            .labelled_by(l.id);
    });
    let key = (
        app.ws.revision.get(),
        app.table.sort,
        app.table.descending,
        app.table.text.clone(),
        app.table.kind.clone(),
        app.table.actor.clone(),
        app.table.status,
    );
    if app.table.cache.as_ref().is_none_or(|(k, _)| *k != key) {
        let cells = rows(&app.ws, &app.table)
            .into_iter()
            .map(|e| {
                let label = app
                    .ws
                    .event_type(&e.kind)
                    .map(|t| t.label.clone())
                    .unwrap_or_default();
                // A date only taken from the article's publication says so
                // until someone confirms it.
                let date = e
                    .date
                    .as_ref()
                    .map(|d| {
                        if d.needs_check() {
                            format!("{} — check", d.human())
                        } else {
                            d.human()
                        }
                    })
                    .unwrap_or_else(|| "undated".into());
                let cells = [
                    date,
                    format!("{} {label}", e.kind),
                    e.headline.clone(),
                    actor_names(&app.ws, e),
                    e.status.as_str().into(),
                    e.place.clone(),
                ];
                (e.id.clone(), cells)
            })
            .collect();
        app.table.cache = Some((key, Arc::new(cells)));
    }
    let ids = app.table.cache.as_ref().expect("just built").1.clone();
    // Filtering leaves the panel its height (it shrank to the rows left,
    // and that height was remembered).
    ui.set_min_height(ui.available_height());
    if ids.is_empty() && !app.ws.events.is_empty() {
        ui.weak(format!(
            "No event matches the filter (of {}).",
            app.ws.events.len()
        ));
    }
    let mut clicked = None;
    let mut sort_clicked = None;
    let selected = app.selected_event.clone();
    // A narrow window scrolls the table sideways rather than hiding
    // columns past its edge.
    let width = ui.available_width();
    let relayout = (width - app.table.laid_for).abs() > 40.0;
    if relayout {
        app.table.laid_for = width;
    }
    egui::ScrollArea::horizontal()
        .id_salt("events-table-x")
        .show(ui, |ui| {
            let table = TableBuilder::new(ui).id_salt("events-table");
            if relayout {
                table.reset();
            }
            table
                .striped(true)
                .resizable(true)
                .sense(egui::Sense::click())
                .column(Column::initial(120.0).at_least(60.0))
                .column(Column::initial(150.0).at_least(60.0))
                .column(Column::remainder().at_least(160.0))
                .column(Column::initial(150.0).at_least(60.0))
                .column(Column::initial(75.0).at_least(50.0))
                .column(Column::initial(110.0).at_least(50.0))
                .header(22.0, |mut h| {
                    for (label, by) in [
                        ("Date", Some(SortBy::Date)),
                        ("Type", Some(SortBy::Kind)),
                        ("Headline", Some(SortBy::Headline)),
                        ("Actors", Some(SortBy::Actors)),
                        ("Status", Some(SortBy::Status)),
                        ("Place", Some(SortBy::Place)),
                    ] {
                        h.col(|ui| match by {
                            Some(by) => {
                                let arrow = if app.table.sort == by {
                                    if app.table.descending {
                                        " (desc)"
                                    } else {
                                        " (asc)"
                                    }
                                } else {
                                    ""
                                };
                                if ui.button(format!("{label}{arrow}")).clicked() {
                                    sort_clicked = Some(by);
                                }
                            }
                            None => {
                                ui.strong(label);
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(20.0, ids.len(), |mut row| {
                        let (id, cells) = &ids[row.index()];
                        row.set_selected(selected.as_deref() == Some(id.as_str()));
                        for c in cells {
                            row.col(|ui| {
                                ui.add(egui::Label::new(c).truncate().selectable(false));
                            });
                        }
                        if row.response().clicked() {
                            clicked = Some(id.clone());
                        }
                    });
                });
        });
    if let Some(by) = sort_clicked {
        if app.table.sort == by {
            app.table.descending = !app.table.descending;
        } else {
            app.table.sort = by;
            app.table.descending = false;
        }
    }
    if let Some(id) = clicked {
        app.select_event(&id, true);
    }
}

/// The ids of the events the table shows, in its order (for tests).
pub fn table_rows(app: &DetenteApp) -> Vec<Id> {
    rows(&app.ws, &app.table)
        .into_iter()
        .map(|e| e.id.clone())
        .collect()
}
