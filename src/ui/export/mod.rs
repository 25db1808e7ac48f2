//! The Export dialog: every format of [`crate::exchange::formats`] with
//! its options (rows per passage, a range of days, TimelineJS groups) and
//! how many events it will hold, then the file chooser for where it goes.
//! The command line's `export` offers the same formats and options.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

pub mod form;

use crate::core::timeline::LaneBy;
use crate::exchange::formats::Format;
use crate::ui::app::DetenteApp;
use crate::ui::jobs::dialog::Pick;
use std::path::Path;

impl DetenteApp {
    /// Open the Export dialog with `format` chosen.
    pub(crate) fn ask_export(&mut self, format: Format) {
        self.export_form.format = format;
        self.export_form.open = true;
    }

    pub(crate) fn export_dialog(&mut self, ctx: &egui::Context) {
        if !self.export_form.open {
            return;
        }
        let mut go = false;
        let mut close = false;
        let form = &mut self.export_form;
        let options = form.options();
        let count = options
            .as_ref()
            .map(|o| exported_count(&self.ws, form.format, o));
        let unit = unit_of(form.format);
        egui::Modal::new(egui::Id::unique("export-dialog")).show(ctx, |ui| {
            ui.heading("Export");
            ui.label("Format");
            for f in Format::ALL {
                ui.radio_value(&mut form.format, f, f.label());
            }
            ui.separator();
            if form.format.has_per_passage() {
                ui.checkbox(&mut form.per_passage, "One row per passage");
            }
            if form.format.has_lanes() {
                ui.horizontal(|ui| {
                    let l = ui.label("Lanes by");
                    egui::ComboBox::from_id_salt("export-lanes")
                        .selected_text(form.lanes.label())
                        .show_ui(ui, |ui| {
                            for l in LaneBy::ALL {
                                ui.selectable_value(&mut form.lanes, l, l.label());
                            }
                        })
                        .response
                        .labelled_by(l.id);
                });
            }
            if form.format.is_figure() {
                ui.horizontal(|ui| {
                    let l = ui.label("Width");
                    ui.add(
                        egui::DragValue::new(&mut form.width)
                            .range(320..=10000)
                            .suffix(" px"),
                    )
                    .labelled_by(l.id);
                    let l = ui.label("Height");
                    ui.add(
                        egui::DragValue::new(&mut form.height)
                            .range(0..=10000)
                            .suffix(" px")
                            .custom_formatter(|v, _| {
                                if v == 0.0 {
                                    "auto".into()
                                } else {
                                    format!("{v} px")
                                }
                            }),
                    )
                    .labelled_by(l.id);
                });
                ui.checkbox(&mut form.dark, "Dark theme");
            }
            ui.weak(
                "Only events that may fall in these days (a year, a month or a day; empty: all):",
            );
            for (name, value, hint) in [
                ("From", &mut form.from, "e.g. 2023-01"),
                ("To", &mut form.to, "e.g. 2023-12-31"),
            ] {
                ui.horizontal(|ui| {
                    let l = ui.add_sized([40.0, 20.0], egui::Label::new(name));
                    ui.add_sized(
                        [160.0, 20.0],
                        egui::TextEdit::singleline(value).hint_text(hint),
                    )
                    .labelled_by(l.id);
                });
            }
            if form.format.is_report() {
                let memos = self.ws.memos.iter().filter(|m| m.in_report).count();
                ui.weak(match memos {
                    0 => "No memo is marked “In report” (Notebook): the report holds the events."
                        .to_string(),
                    1 => "1 memo marked “In report” comes first, as a section.".to_string(),
                    n => format!("{n} memos marked “In report” come first, as sections."),
                });
            }
            // One line either way, so the dialog keeps its size (and the
            // field its place) while a date is typed.
            let (text, colour) = match &count {
                Ok(1) => (
                    format!("1 {unit} will be exported."),
                    ui.visuals().text_color(),
                ),
                Ok(n) => (
                    format!("{n} {unit}s will be exported."),
                    ui.visuals().text_color(),
                ),
                Err(e) => (e.to_string(), ui.visuals().error_fg_color),
            };
            // Whole on hover when cut (egui's own tooltip: one, not two).
            ui.add(egui::Label::new(egui::RichText::new(&text).color(colour)).truncate());
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(count.is_ok(), egui::Button::new("Export…"))
                    .clicked()
                {
                    go = true;
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    close = true;
                }
            });
        });
        if go {
            self.export_form.open = false;
            let f = self.export_form.format;
            let stem = self.ws.title.replace(['/', '\\'], "-");
            self.choose(Pick::Export(f, format!("{stem}.{}", f.extension())));
        } else if close {
            self.export_form.open = false;
        }
    }

    /// Write the export chosen in the dialog to `path`.
    pub(crate) fn export(&mut self, path: &Path, format: Format) {
        let path = if path.extension().is_none() {
            path.with_extension(format.extension())
        } else {
            path.to_path_buf()
        };
        let result = self
            .export_form
            .options()
            .and_then(|o| {
                // A failure inside a writer is this export's, not the window's.
                crate::core::isolate::isolate(|| {
                    crate::exchange::formats::export(&self.ws, format, &o)
                })
                .unwrap_or_else(|p| Err(format!("the export failed ({p})")))
            })
            .and_then(|bytes| {
                crate::core::store::save_bytes(&bytes, &path).map_err(|e| e.to_string())
            });
        match result {
            Ok(()) => {
                let n = self
                    .export_form
                    .options()
                    .map(|o| exported_count(&self.ws, format, &o))
                    .unwrap_or(0);
                let unit = unit_of(format);
                let memos = self.ws.memos.iter().filter(|m| m.in_report).count();
                let memos = match memos {
                    _ if !format.is_report() => String::new(),
                    0 => String::new(),
                    1 => " and 1 memo".to_string(),
                    m => format!(" and {m} memos"),
                };
                self.notices.push(format!(
                    "Exported {n} {unit}{}{memos} to {}.",
                    if n == 1 { "" } else { "s" },
                    path.display()
                ))
            }
            Err(e) => self
                .notices
                .push(format!("Could not export to {}: {e}", path.display())),
        }
    }
}

/// What a format exports is counted in: articles for references, events
/// for the rest.
fn unit_of(format: Format) -> &'static str {
    if format.is_references() {
        "article"
    } else {
        "event"
    }
}

/// How many events (or, for references, articles) an export of `ws` in
/// `format` with `o` holds: the dialog says it before, the notice after.
fn exported_count(
    ws: &crate::core::model::Workspace,
    format: Format,
    o: &crate::exchange::formats::Options,
) -> usize {
    let events = ws.events.iter().filter(|e| o.range.admits(e));
    if !format.is_references() {
        return events.count();
    }
    if o.range.is_open() {
        return ws.articles.len();
    }
    // The articles the events of the range cite.
    events
        .flat_map(|e| e.evidence.iter().map(|p| p.article.as_str()))
        .collect::<std::collections::HashSet<_>>()
        .len()
}
