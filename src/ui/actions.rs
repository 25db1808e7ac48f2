//! What each [`Command`] does: the one place menus, shortcuts, buttons and
//! tests send their commands to. A command that would drop unsaved work
//! asks first.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::history::History;
use crate::core::model::Workspace;
use crate::ui::app::{DetenteApp, Pending};
use crate::ui::commands::Command;
use crate::ui::jobs::dialog::Pick;

impl DetenteApp {
    pub(crate) fn run_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // A command may open a prompt or change what is shown: draw again.
            ctx.request_repaint();
            // What is being typed is part of what is saved, undone or closed.
            self.flush_drafts();
        }
        for c in commands {
            self.run_command(ctx, c);
        }
    }

    pub(crate) fn guard(&mut self, p: Pending) -> bool {
        if self.is_dirty() {
            self.pending = Some(p);
            false
        } else {
            true
        }
    }

    pub(crate) fn run_command(&mut self, ctx: &egui::Context, c: Command) {
        match c {
            Command::New => {
                if self.guard(Pending::New) {
                    self.ws = Workspace::new(crate::core::model::UNTITLED);
                    self.path = None;
                    self.history = History::new();
                    self.reset_view();
                }
            }
            Command::OpenSample => {
                if self.guard(Pending::Sample) {
                    self.ws = crate::core::sample::sample_workspace();
                    self.path = None;
                    self.history = History::new();
                    self.reset_view();
                }
            }
            Command::Open => {
                if self.guard(Pending::Open(None)) {
                    self.choose(Pick::Open);
                }
            }
            Command::OpenPath(p) => {
                if self.guard(Pending::Open(Some(p.clone()))) {
                    self.open_path(&p);
                }
            }
            Command::Save => {
                self.save_to(None);
            }
            Command::SaveAs => {
                let name = format!("{}.detente", self.ws.title.replace(['/', '\\'], "-"));
                self.choose(Pick::SaveAs(name));
            }
            Command::Import => self.choose(Pick::Import),
            Command::ImportPaths(paths) => self.start_import(paths),
            Command::ImportUrl => self.url_draft = Some(String::new()),
            Command::ImportUrls(urls) => self.start_url_import(urls),
            Command::Export | Command::ExportReport if !self.ws.conflicts.is_empty() => {
                self.settle_first("an export now would quietly take one side");
            }
            Command::MergeWith if !self.ws.conflicts.is_empty() => {
                self.settle_first(MERGE_WAITS);
            }
            Command::Export => {
                let f = self.export_form.format;
                self.ask_export(f);
            }
            Command::ExportReport => {
                // The report form chosen last time, else the printable page.
                let last = self.export_form.format;
                self.ask_export(if last.is_report() {
                    last
                } else {
                    crate::exchange::formats::Format::ReportHtml
                });
            }
            Command::WorkspaceProperties => self.open_properties(),
            Command::Guide => {
                self.help = Some(crate::ui::help::state::HelpState::at("guide/README.md"))
            }
            Command::Shortcuts => {
                self.help = Some(crate::ui::help::state::HelpState::at(
                    crate::ui::help::pages::SHORTCUTS,
                ))
            }
            Command::About => self.help = Some(crate::ui::help::state::HelpState::about()),
            Command::YourName => {
                self.name_draft = crate::core::model::author();
                self.ask_name = true;
            }
            Command::MergeWith => self.choose(Pick::Merge),
            // Articles and events are shared: this copy costs little.
            Command::CompareWith => self.choose(Pick::Compare(Box::new(self.ws.clone()))),
            Command::Reimport => {
                if let Some(article) = self.selected_article.clone() {
                    self.choose(Pick::Reimport(article));
                }
            }
            Command::Undo => {
                if let Some(what) = self.history.undo(&mut self.ws) {
                    self.after_change();
                    self.reader.status = format!("Undid {what}");
                    // "Imported 1 article." no longer holds once undone.
                    self.notices.retain(|n| !crate::ui::frame::is_info(n));
                }
            }
            Command::Redo => {
                if let Some(what) = self.history.redo(&mut self.ws) {
                    self.after_change();
                    self.reader.status = format!("Redid {what}");
                }
            }
            Command::Find => self.focus_filter = true,
            Command::SearchEverything => self.open_search(),
            Command::TagSelection => self.tag_selection(),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }
}

/// Why a merge waits for open conflicts.
pub(crate) const MERGE_WAITS: &str =
    "merging another copy now would mix its differences with the unsettled ones";

impl DetenteApp {
    /// Say that the open merge conflicts come first, and why, and show them.
    pub(crate) fn settle_first(&mut self, why: &str) {
        self.bottom_tab = crate::ui::app::BottomTab::Conflicts;
        self.notices.push(format!(
            "Settle the {} merge conflict(s) first (Conflicts tab): {why}.",
            self.ws.conflicts.len()
        ));
    }
}
