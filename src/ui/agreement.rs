//! The Agreement tab: how far this workspace and another annotator's copy
//! of the same articles agree (File > Compare with another annotator…),
//! in the figures a methods section reports, each with a line saying what
//! it measures, then every disagreement with its quote and a button that
//! shows the passage. "Copy report" puts what `detente agree` prints on
//! the clipboard.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::model::Workspace;
use crate::exchange::agree::{Agreement, agree, report};
use crate::ui::app::{BottomTab, DetenteApp};
use std::path::Path;

/// Landis and Koch's (1977) words for a kappa, as papers quote them.
pub fn kappa_words(k: f64) -> &'static str {
    match k {
        k if k < 0.0 => "poor",
        k if k <= 0.20 => "slight",
        k if k <= 0.40 => "fair",
        k if k <= 0.60 => "moderate",
        k if k <= 0.80 => "substantial",
        _ => "almost perfect",
    }
}

/// A disagreement's kind as this window's user reads it (A is this
/// workspace, B the other copy).
fn what(w: &str) -> &str {
    match w {
        "only in A" => "only mine",
        "only in B" => "only theirs",
        other => other,
    }
}

impl DetenteApp {
    /// Compare this workspace with `theirs` (read from `path`) and show
    /// the Agreement tab.
    pub fn compare_with(&mut self, path: &Path, theirs: &Workspace) {
        let r = agree(&self.ws, theirs);
        self.show_agreement(path, r);
    }

    pub fn show_agreement(&mut self, path: &Path, r: Agreement) {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        self.agreement = Some((name.into_owned(), r));
        self.bottom_tab = BottomTab::Agreement;
    }
}

pub fn show(app: &mut DetenteApp, ui: &mut egui::Ui) {
    let Some((name, r)) = &app.agreement else {
        ui.label("Compare with another annotator's copy: File > Compare with another annotator…");
        return;
    };
    let mut close = false;
    let mut jump = None;
    ui.horizontal(|ui| {
        ui.strong(format!("Agreement with {name}"));
        if ui.button("Copy report").clicked() {
            ui.ctx().copy_text(report(r));
        }
        close = ui.button("Close").clicked();
    });
    egui::Grid::new("agreement-figures")
        .num_columns(3)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label("Passages");
            ui.label(format!(
                "mine {} · theirs {} · matched {}",
                r.passages_a, r.passages_b, r.matched
            ));
            ui.weak("matched one to one by overlap, largest first");
            ui.end_row();
            ui.label("Passage F1");
            ui.label(format!("{:.3}", r.passage_f1));
            ui.weak("how far you both tagged the same text (1 = the same passages)");
            ui.end_row();
            ui.label("Event type κ");
            match r.type_kappa {
                Some(k) => ui.label(format!("{k:.3} ({})", kappa_words(k))),
                None => ui.label("undefined"),
            };
            ui.weak(format!(
                "Cohen's kappa on matched passages; raw agreement {:.1}%",
                100.0 * r.type_agreement
            ));
            ui.end_row();
            ui.label("Dates overlap");
            ui.label(format!("{} of {}", r.dates_overlap, r.dated_pairs));
            ui.weak(format!(
                "dated event pairs ({} events matched through passages)",
                r.matched_events
            ));
            ui.end_row();
        });
    ui.separator();
    if r.disagreements.is_empty() {
        ui.label("No disagreements.");
    } else {
        ui.label(format!("{} disagreement(s):", r.disagreements.len()));
        let row = ui.spacing().interact_size.y + 4.0;
        egui::ScrollArea::vertical()
            .auto_shrink([false, true])
            .show_rows(ui, row, r.disagreements.len(), |ui, rows| {
                for d in &r.disagreements[rows] {
                    ui.horizontal(|ui| {
                        let here = app.ws.article(&d.article_id).is_some();
                        if ui
                            .add_enabled(here, egui::Button::new("Show"))
                            .on_disabled_hover_text("this article is not in your workspace")
                            .clicked()
                        {
                            jump = Some((d.article_id.clone(), d.passage_id.clone()));
                        }
                        ui.strong(what(&d.what));
                        // The values first, then the quote and where it is,
                        // cut at the panel's edge (the whole on hover).
                        let named = |code: &str| match app.ws.event_type(code) {
                            Some(t) if d.what == "event type" => format!("{code} {}", t.label),
                            _ => code.to_string(),
                        };
                        let values = match (d.a.is_empty(), d.b.is_empty()) {
                            (false, false) => {
                                format!("mine {} · theirs {}", named(&d.a), named(&d.b))
                            }
                            (false, true) => d.a.clone(),
                            (true, false) => d.b.clone(),
                            (true, true) => String::new(),
                        };
                        if !values.is_empty() {
                            ui.label(values);
                        }
                        let place = format!("“{}” in {}", d.quote, d.article);
                        ui.add(egui::Label::new(egui::RichText::new(&place).weak()).truncate());
                    });
                }
            });
    }
    if close {
        app.agreement = None;
        app.bottom_tab = BottomTab::Timeline;
    }
    if let Some((article, passage)) = jump {
        app.jump_to_passage(&article, &passage);
    }
}
