//! File > Workspace properties…: the workspace's title (the report's
//! heading, the figure's title, the name offered for exports) and its
//! description. Each field becomes one undoable step when it is left (or
//! the window closed); until a title is set, the file's name stands in.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::history::Edit;
use crate::ui::app::{DetenteApp, PropertiesDraft};

impl DetenteApp {
    /// Open the properties window on the workspace's current values.
    pub(crate) fn open_properties(&mut self) {
        self.properties = Some(PropertiesDraft {
            title: self.ws.title.clone(),
            description: self.ws.notes.clone(),
        });
    }

    /// Give the workspace this title and description, as one undoable
    /// step (nothing when neither changes).
    pub(crate) fn set_titles(&mut self, title: String, description: String) {
        let title = crate::text::normalise::one_line(&title);
        let before = (self.ws.title.clone(), self.ws.notes.clone());
        let after = (title, description);
        if after != before && !after.0.is_empty() {
            self.apply(Edit::Titles { before, after });
        }
    }

    /// The properties window, while it is open.
    pub(crate) fn properties_window(&mut self, ctx: &egui::Context) {
        let Some(mut draft) = self.properties.take() else {
            return;
        };
        let mut open = true;
        let mut commit = false;
        let mut close = false;
        egui::Window::new("Workspace properties")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            // In the middle of the window, not over the menus in a corner.
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                let label = ui.label("Title");
                let title = ui
                    .add(
                        egui::TextEdit::singleline(&mut draft.title)
                            .desired_width(460.0)
                            .hint_text("e.g. US-China contacts, May-June 2023"),
                    )
                    .labelled_by(label.id);
                if !self.ws.has_own_title() {
                    ui.weak("Until you set a title, the file's name is used.");
                }
                ui.weak("Heads the chronology report and the timeline figure, and names exports.");
                let label = ui.label("Description");
                let description = ui
                    .add(
                        egui::TextEdit::multiline(&mut draft.description)
                            .desired_width(460.0)
                            .desired_rows(4)
                            .hint_text("What this workspace collects, and why"),
                    )
                    .labelled_by(label.id);
                commit = title.lost_focus() || description.lost_focus();
                if draft.title.trim().is_empty() {
                    ui.colored_label(ui.visuals().error_fg_color, "A title cannot be empty.");
                }
                ui.horizontal(|ui| {
                    if ui.button("Close").clicked() {
                        close = true;
                    }
                });
                if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    close = true;
                }
            });
        if commit || close || !open {
            self.set_titles(draft.title.clone(), draft.description.clone());
        }
        if open && !close {
            self.properties = Some(draft);
        }
    }
}
