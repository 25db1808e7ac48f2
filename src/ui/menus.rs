//! The menu bar (File, Edit, View, Help) and the keyboard shortcuts, both read
//! from the command table in [`crate::ui::commands`].
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::ui::app::DetenteApp;
use crate::ui::commands::Command;
use crate::ui::prefs::{Theme, apply_theme};

/// A menu item for `c`, with its label (or `label` when given) and the
/// text of its first shortcut; true when clicked.
fn item(ui: &mut egui::Ui, c: &Command, label: Option<String>, enabled: bool) -> bool {
    let mut button = egui::Button::new(label.unwrap_or_else(|| c.label().to_string()));
    if let Some(keys) = c.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(keys);
    }
    ui.add_enabled(enabled, button).clicked()
}

impl DetenteApp {
    /// Send the command of every shortcut pressed this frame.
    pub(crate) fn shortcuts(&mut self, ctx: &egui::Context) {
        for (k, c) in Command::shortcut_table() {
            if ctx.input_mut(|i| i.consume_shortcut(&k)) {
                self.send(c);
            }
        }
    }

    pub(crate) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for c in [Command::New, Command::Open] {
                    if item(ui, &c, None, true) {
                        self.send(c);
                    }
                }
                ui.menu_button("Open Recent", |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.weak("Nothing yet");
                    }
                    for p in self.prefs.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.send(Command::OpenPath(p));
                        }
                    }
                });
                if item(ui, &Command::OpenSample, None, true) {
                    self.send(Command::OpenSample);
                }
                ui.separator();
                for c in [Command::Save, Command::SaveAs] {
                    if item(ui, &c, None, true) {
                        self.send(c);
                    }
                }
                ui.separator();
                for c in [
                    Command::Import,
                    Command::ImportUrl,
                    Command::MergeWith,
                    Command::CompareWith,
                    Command::Export,
                    Command::ExportReport,
                    Command::WorkspaceProperties,
                ] {
                    if item(ui, &c, None, true) {
                        self.send(c);
                    }
                }
                ui.separator();
                if item(ui, &Command::Quit, None, true) {
                    self.send(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                let undo = self.history.undo_label().map(|w| format!("Undo {w}"));
                if item(ui, &Command::Undo, undo, self.history.can_undo()) {
                    self.send(Command::Undo);
                }
                let redo = self.history.redo_label().map(|w| format!("Redo {w}"));
                if item(ui, &Command::Redo, redo, self.history.can_redo()) {
                    self.send(Command::Redo);
                }
                ui.separator();
                for c in [
                    Command::Find,
                    Command::SearchEverything,
                    Command::TagSelection,
                    Command::YourName,
                ] {
                    if item(ui, &c, None, true) {
                        self.send(c);
                    }
                }
            });
            ui.menu_button("View", |ui| {
                for (t, label) in [
                    (Theme::System, "Follow system theme"),
                    (Theme::Light, "Light"),
                    (Theme::Dark, "Dark"),
                ] {
                    if ui.radio(self.prefs.theme == t, label).clicked() {
                        self.prefs.theme = t;
                        apply_theme(ui.ctx(), t);
                    }
                }
            });
            ui.menu_button("Help", |ui| {
                for c in [Command::Guide, Command::Shortcuts, Command::About] {
                    if item(ui, &c, None, true) {
                        self.send(c);
                    }
                }
            });
            if self.saver.in_flight > 0 {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.weak("Saving…");
                });
            }
        });
    }
}
