//! Dialogs: file pickers started for a command and their answers handled
//! when they come back, and the "Save changes?" prompt before closing,
//! New or Open.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::ui::app::{DetenteApp, Pending};
use crate::ui::commands::Command;
use crate::ui::jobs::dialog::{self, Dialog, Pick, Place};

impl DetenteApp {
    pub(crate) fn spawn_dialog(&self, make: impl FnOnce() -> Dialog + Send + 'static) {
        dialog::spawn(&self.dialog_tx, make);
    }

    /// Let the user choose a file for `pick`: the desktop's chooser, or
    /// Detente's own in the window once the desktop has shown it has none.
    pub fn choose(&mut self, pick: Pick) {
        let dir = self.start_dir(pick.place());
        if self.native_choosers {
            dialog::spawn_pick(&self.dialog_tx, pick, move |p| p.native(dir));
        } else {
            self.choose_in_window(pick);
        }
    }

    /// Open Detente's own chooser for `pick`.
    pub fn choose_in_window(&mut self, pick: Pick) {
        let mut d = pick.in_window(self.start_dir(pick.place()));
        d.open();
        self.chooser = Some((d, pick));
    }

    /// Draw the in-window chooser, if one is open; a pick is followed up
    /// off this thread, like the desktop's.
    pub(crate) fn show_chooser(&mut self, ctx: &egui::Context) {
        let Some((d, _)) = &mut self.chooser else {
            return;
        };
        d.show(ctx);
        match d.state() {
            egui_file::State::Open => {}
            egui_file::State::Selected => {
                let (d, pick) = self.chooser.take().expect("open");
                let place = pick.place();
                let mut paths: Vec<std::path::PathBuf> = if d.has_multi_select() {
                    d.selection().into_iter().map(|p| p.to_path_buf()).collect()
                } else {
                    vec![]
                };
                // A path typed in the File field (Enter) selects nothing in
                // the list: it is the choice (found by a new-user pass; it
                // was silently dropped).
                if paths.is_empty() {
                    paths.extend(d.path().map(|p| p.to_path_buf()));
                }
                if let Some(dir) = paths.first().and_then(|p| p.parent()) {
                    self.last_dirs.insert(place, dir.to_path_buf());
                }
                self.spawn_dialog(move || pick.follow(paths));
            }
            egui_file::State::Cancelled | egui_file::State::Closed => self.chooser = None,
        }
    }

    pub(crate) fn poll_dialogs(&mut self) {
        while let Ok(d) = self.dialog_rx.try_recv() {
            // The desktop's chooser too: the next one opens where this was.
            let chosen = match &d {
                Dialog::Open(Some(p)) | Dialog::SaveAs(Some(p)) => Some((Place::Workspace, p)),
                Dialog::Export(Some(p), _) | Dialog::Saved(Some((p, _))) => {
                    Some((Place::Outputs, p))
                }
                Dialog::Import(paths) => paths.first().map(|p| (Place::Sources, p)),
                Dialog::Merge(Some((p, _))) | Dialog::Compare(Some((p, _))) => {
                    Some((Place::Sources, p))
                }
                _ => None,
            };
            if let Some((place, dir)) = chosen.and_then(|(k, p)| Some((k, p.parent()?))) {
                self.last_dirs.insert(place, dir.to_path_buf());
            }
            match d {
                Dialog::Open(Some(p)) => self.open_path(&p),
                Dialog::SaveAs(Some(p)) => {
                    let p = if p.extension().is_none() {
                        p.with_extension("detente")
                    } else {
                        p
                    };
                    self.save_to(Some(p));
                }
                Dialog::Import(paths) if !paths.is_empty() => self.start_import(paths),
                Dialog::Export(Some(p), format) => self.export(&p, format),
                Dialog::Reimport(article, Some(Ok(p))) => self.reimport(&article, &p.article),
                Dialog::Merge(Some((path, Ok((theirs, stamp))))) => {
                    self.merge_loaded(&path, &theirs, stamp)
                }
                Dialog::Merge(Some((_, Err(e)))) => self.notices.push(e),
                Dialog::Compare(Some((path, Ok(report)))) => self.show_agreement(&path, *report),
                Dialog::Compare(Some((_, Err(e)))) => self.notices.push(e),
                Dialog::Failed(e) => self.notices.push(e),
                Dialog::Saved(Some((p, Ok(())))) => {
                    self.notices.push(format!("Saved {}.", p.display()))
                }
                Dialog::Saved(Some((p, Err(e)))) => self
                    .notices
                    .push(format!("Could not save {}: {e}", p.display())),
                Dialog::NoChooser(pick) => {
                    // From now on, Detente's own chooser straight away.
                    self.native_choosers = false;
                    self.notices.push(
                        "Your desktop showed no file chooser (on Linux it needs \
                         xdg-desktop-portal and its -gtk or -kde part), so Detente shows its own."
                            .into(),
                    );
                    self.choose_in_window(pick);
                }
                Dialog::Reimport(_, Some(Err((path, why)))) => {
                    self.refused
                        .push((path.display().to_string(), why.to_string()));
                }
                _ => {}
            }
        }
    }

    /// "Your name": asked once, kept in the preferences, stamped on the
    /// events, passages and actors this person creates or changes, so a
    /// team sees who did what (and a merge says whose each side is).
    pub(crate) fn name_prompt(&mut self, ctx: &egui::Context) {
        if !self.ask_name {
            return;
        }
        let mut done = None;
        egui::Modal::new(egui::Id::unique("your-name")).show(ctx, |ui| {
            ui.heading("Your name");
            ui.label("Detente notes who tags and changes each event, so colleagues who share\nthis workspace see who did what. It stays on this computer until you save.");
            let label = ui.label("Name");
            let r = ui
                .add(egui::TextEdit::singleline(&mut self.name_draft).hint_text("e.g. Ana Lee"))
                .labelled_by(label.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.button("OK").clicked() || enter {
                    done = Some(true);
                }
                if ui.button("Later").clicked() {
                    done = Some(false);
                }
            });
        });
        match done {
            Some(true) => {
                crate::core::ids::set_author(&self.name_draft);
                self.prefs.author = crate::core::model::author();
                self.ask_name = false;
            }
            Some(false) => self.ask_name = false,
            None => {}
        }
    }

    /// "Import from URL": a web address to fetch and import like a saved
    /// page.
    pub(crate) fn url_prompt(&mut self, ctx: &egui::Context) {
        let Some(draft) = &mut self.url_draft else {
            return;
        };
        let mut done = None;
        egui::Modal::new(egui::Id::unique("import-url")).show(ctx, |ui| {
            ui.heading("Import from URL");
            ui.label("Detente fetches the page and imports it like a saved page. The address and\nthe time it was fetched are kept, to cite it.");
            let label = ui.label("Web address");
            let r = ui
                .add(
                    egui::TextEdit::singleline(draft)
                        .hint_text("https://…")
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
            if draft.is_empty() && !r.has_focus() {
                r.request_focus();
            }
            let ok = crate::read::fetch::is_url(draft);
            if !draft.trim().is_empty() && !ok {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    "A web address starts with http:// or https://",
                );
            }
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.add_enabled(ok, egui::Button::new("Import")).clicked() || (enter && ok) {
                    done = Some(true);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    done = Some(false);
                }
            });
        });
        match done {
            Some(true) => {
                let url = self.url_draft.take().unwrap_or_default();
                self.send(Command::ImportUrls(vec![url]));
            }
            Some(false) => self.url_draft = None,
            None => {}
        }
    }

    pub(crate) fn unsaved_prompt(&mut self, ctx: &egui::Context) {
        let Some(p) = self.pending.clone() else {
            return;
        };
        let name = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.ws.title.clone());
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
            ui.heading("Save changes?");
            ui.label(format!("“{name}” has changes that are not saved."));
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(0);
                }
                if ui.button("Don't save").clicked() {
                    choice = Some(1);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(2);
                }
            });
        });
        let Some(choice) = choice else { return };
        self.pending = None;
        if choice == 2 || (choice == 0 && !self.save_to(None)) {
            return;
        }
        // Saved, or the user chose to drop the changes.
        self.history.mark_saved();
        match p {
            Pending::Close => {
                self.clear_recovery();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::New => self.send(Command::New),
            Pending::Sample => self.send(Command::OpenSample),
            Pending::Open(None) => self.send(Command::Open),
            Pending::Open(Some(path)) => self.send(Command::OpenPath(path)),
        }
    }
}
