//! One frame of the window: the panels (Library left, Reader centre,
//! Inspector right, Timeline and Events table below), the notices and
//! progress bars on top, dropped files, and eframe's hooks (close with
//! unsaved work, the title, saving preferences, waiting for saves on exit).
//! Each frame polls the background jobs, draws, then runs the commands the
//! user gave while drawing.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::ui::app::{BottomTab, DetenteApp, Pending};
use crate::ui::commands::Command;
use crate::ui::prefs::PREFS_KEY;
use crate::ui::{
    actors, agreement, codebook, conflicts, inspector, library, notebook, reader, retrieve, search,
    table, timeline,
};

impl DetenteApp {
    pub(crate) fn notices_bar(&mut self, ui: &mut egui::Ui) {
        if let Some(file) = self.recovery_offer.clone() {
            ui.horizontal(|ui| {
                let of = self
                    .recovery_from
                    .as_ref()
                    .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .map(|n| format!(" on {n}"))
                    .unwrap_or_default();
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("Unsaved work{of} from a session that ended unexpectedly was found."),
                );
                if ui.button("Restore").clicked() {
                    self.restore_recovery();
                }
                if ui.button("Discard").clicked() {
                    self.discard_recovery();
                }
                ui.weak(file.display().to_string());
            });
        }
        let mut chosen = None;
        for (i, p) in self.offers.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.colored_label(ui.visuals().warn_fg_color, self.offer_text(p));
                if ui.button("Merge it in").clicked() {
                    chosen = Some((i, true));
                }
                if ui.small_button("Not now").clicked() {
                    chosen = Some((i, false));
                }
            });
        }
        match chosen {
            Some((i, true)) => {
                let p = self.offers[i].clone();
                self.merge_offer(&p);
            }
            Some((i, false)) => {
                self.offers.remove(i);
            }
            None => {}
        }
        // The newest few: older ones have had their moment. A notice of
        // something done goes by itself after a while; a problem stays
        // until dismissed.
        let extra = self.notices.len().saturating_sub(4);
        self.notices.drain(..extra);
        let now = ui.input(|i| i.time);
        let seen = &mut self.notice_seen;
        seen.retain(|n, _| self.notices.contains(n));
        self.notices
            .retain(|n| !fades(n) || now - *seen.entry(n.clone()).or_insert(now) < INFO_SECONDS);
        if self.notices.iter().any(|n| fades(n)) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(500));
        }
        let mut remove = None;
        for (i, n) in self.notices.iter().enumerate() {
            // Wrapped: a long import summary is read whole in a small window.
            ui.horizontal_wrapped(|ui| {
                let colour = if is_info(n) {
                    ui.visuals().text_color()
                } else {
                    ui.visuals().error_fg_color
                };
                ui.colored_label(colour, n);
                if ui.small_button("Dismiss").clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            self.notices.remove(i);
        }
        if !self.refused.is_empty() {
            // Files, a feed's items or an export's stories: each line says which.
            egui::CollapsingHeader::new(format!("Not imported ({})", self.refused.len()))
                .id_salt("refused")
                .default_open(true)
                .show(ui, |ui| {
                    // Dozens of duplicates must not push the window away.
                    let most = (ui.ctx().content_rect().height() * 0.25).max(80.0);
                    egui::ScrollArea::vertical()
                        .id_salt("refused-list")
                        .max_height(most)
                        .show(ui, |ui| {
                            for (f, why) in &self.refused {
                                ui.label(format!("{f}: {why}"));
                            }
                        });
                    if ui.button("Dismiss list").clicked() {
                        self.refused.clear();
                    }
                });
        }
    }

    /// Files the system asked to open (a double-click in macOS's Finder):
    /// the last workspace is opened as File > Open does, other files are
    /// imported as if dropped.
    pub(crate) fn open_requested(&mut self) {
        let files = crate::ui::open_events::take();
        if files.is_empty() {
            return;
        }
        let (workspaces, others): (Vec<_>, Vec<_>) = files.into_iter().partition(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("detente"))
        });
        if !others.is_empty() {
            self.send(Command::ImportPaths(others));
        }
        if let Some(p) = workspaces.into_iter().last() {
            self.send(Command::OpenPath(p));
        }
    }

    pub(crate) fn drop_zone(&mut self, ctx: &egui::Context) {
        let (hovering, dropped) = ctx.input(|i| {
            (
                !i.raw.hovered_files.is_empty(),
                i.raw
                    .dropped_files
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect::<Vec<_>>(),
            )
        });
        if hovering {
            let screen = ctx.content_rect();
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop"),
            ));
            painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
            painter.text(
                screen.center(),
                egui::Align2::CENTER_CENTER,
                "Drop files to import them",
                egui::FontId::proportional(28.0),
                egui::Color32::WHITE,
            );
        }
        if !dropped.is_empty() {
            self.send(Command::ImportPaths(dropped));
        }
        // Web addresses pasted on the window (not into a field) are
        // fetched and imported: one per line.
        let pasted: Vec<String> = ctx.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Paste(t) => Some(t.clone()),
                    _ => None,
                })
                .collect()
        });
        if ctx.memory(|m| m.focused().is_none()) {
            for text in pasted {
                let lines: Vec<String> = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect();
                if !lines.is_empty() && lines.iter().all(|l| crate::read::fetch::is_url(l)) {
                    self.send(Command::ImportUrls(lines));
                }
            }
        }
    }

    /// Draw one frame (the tests' harness calls this directly).
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_dialogs();
        self.poll_import();
        self.poll_saves();
        self.poll_opening();
        if self.opening.is_some() || self.saver.in_flight > 0 {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        if self.import_job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        if self.disk.is_some() {
            // Look at the file now and then, even while nobody touches the window.
            ctx.request_repaint_after(std::time::Duration::from_secs(2));
        }
        self.shortcuts(&ctx);
        self.drop_zone(&ctx);
        self.open_requested();
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_bar(ui);
            self.notices_bar(ui);
            if let Some(p) = self.opening() {
                let name = p.file_name().unwrap_or_default().to_string_lossy();
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Opening {name}…"));
                });
            }
            if let Some(job) = &self.import_job {
                let (done, total, web) = (job.done, job.total, job.web);
                ui.horizontal(|ui| {
                    if ui.button("Cancel import").clicked() {
                        self.cancel_import();
                    }
                    ui.add(
                        egui::ProgressBar::new(done as f32 / total.max(1) as f32).text(format!(
                            "Importing {done} of {total} {}",
                            if web { "web pages" } else { "files" }
                        )),
                    );
                });
            }
        });
        // Side panels share the width with the Reader: in a small window
        // they give way (at most 22% and 28% of it), and the
        // inspector does not grow to its widest line. In a wide one they
        // take a share of it (17% and 22%, up to 360 and 440 points), so
        // titles and the Inspector's fields are not cut beside a Reader
        // whose lines grow too long to read.
        let width = ui.available_width();
        egui::Panel::left("library")
            .resizable(true)
            .default_size(270.0_f32.min(0.2 * width).max(0.17 * width).min(360.0))
            .min_size(160.0)
            .max_size((0.22 * width).max(160.0))
            .show(ui, |ui| {
                library::show(self, ui);
            });
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(320.0_f32.min(0.25 * width).max(0.22 * width).min(440.0))
            .min_size(200.0)
            .max_size((0.28 * width).max(200.0))
            .show(ui, |ui| {
                inspector::show(self, ui);
            });
        // In a small window the Reader keeps most of the height.
        let height = ui.available_height();
        egui::Panel::bottom("bottom")
            .resizable(true)
            .default_size(300.0_f32.min(0.34 * height))
            // A short tab (no conflicts left) must not leave the timeline squashed.
            .min_size(180.0)
            .show(ui, |ui| {
                let tab_before = self.bottom_tab;
                // Wrapped: in a small window the last tabs go to a second
                // row instead of past the panel's edge.
                ui.horizontal_wrapped(|ui| {
                    ui.selectable_value(&mut self.bottom_tab, BottomTab::Timeline, "Timeline");
                    ui.selectable_value(
                        &mut self.bottom_tab,
                        BottomTab::Table,
                        match self.table.filtered_count() {
                            Some(n) => format!("Events ({n} of {})", self.ws.events.len()),
                            None => format!("Events ({})", self.ws.events.len()),
                        },
                    );
                    ui.selectable_value(
                        &mut self.bottom_tab,
                        BottomTab::Notebook,
                        match self.ws.memos.len() {
                            0 => "Notebook".to_string(),
                            n => format!("Notebook ({n})"),
                        },
                    );
                    ui.selectable_value(
                        &mut self.bottom_tab,
                        BottomTab::Actors,
                        format!("Actors ({})", self.ws.actors.len()),
                    );
                    ui.selectable_value(
                        &mut self.bottom_tab,
                        BottomTab::Codebook,
                        format!("Codebook ({})", self.ws.vocabularies.event_types.len()),
                    );
                    ui.selectable_value(&mut self.bottom_tab, BottomTab::Retrieve, "Retrieve");
                    if !self.ws.conflicts.is_empty() || self.bottom_tab == BottomTab::Conflicts {
                        ui.selectable_value(
                            &mut self.bottom_tab,
                            BottomTab::Conflicts,
                            format!("Conflicts ({})", self.ws.conflicts.len()),
                        );
                    }
                    if self.agreement.is_some() {
                        ui.selectable_value(
                            &mut self.bottom_tab,
                            BottomTab::Agreement,
                            "Agreement",
                        );
                    }
                });
                // A field of the tab left is never "left": keep what it holds.
                if self.bottom_tab != tab_before {
                    self.flush_drafts();
                }
                ui.separator();
                match self.bottom_tab {
                    BottomTab::Timeline => timeline::show(self, ui),
                    BottomTab::Table => table::show(self, ui),
                    BottomTab::Conflicts => conflicts::show(self, ui),
                    BottomTab::Agreement => agreement::show(self, ui),
                    BottomTab::Notebook => notebook::show(self, ui),
                    BottomTab::Actors => actors::show(self, ui),
                    BottomTab::Retrieve => retrieve::show(self, ui),
                    BottomTab::Codebook => codebook::show(self, ui),
                }
                // A memo left half-written is kept when its tab is left.
                if self.bottom_tab != BottomTab::Notebook && self.notebook.draft.is_some() {
                    self.flush_memo();
                }
            });
        egui::CentralPanel::default().show(ui, |ui| reader::show(self, ui));
        self.show_chooser(&ctx);
        if let (Some(p), Some(a)) = (&self.path, &self.selected_article) {
            self.prefs.viewed(p, a);
        }
        self.unsaved_prompt(&ctx);
        self.name_prompt(&ctx);
        self.url_prompt(&ctx);
        self.properties_window(&ctx);
        self.help_window(&ctx);
        self.details_window(&ctx);
        self.export_dialog(&ctx);
        search::show(self, &ctx);
        self.run_commands(&ctx);
        let now = ctx.input(|i| i.time);
        self.autosave(now);
        self.watch_disk(now);
    }
}

impl eframe::App for DetenteApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) {
            self.flush_drafts();
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(Pending::Close);
            ctx.request_repaint();
        }
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Ok(s) = serde_json::to_string(&self.prefs) {
            storage.set_string(PREFS_KEY, s);
        }
    }

    fn on_exit(&mut self) {
        // Every save the user asked for is written before the process ends.
        self.wait_for_saves();
        if !self.is_dirty() {
            self.clear_recovery();
        }
    }
}

/// How long a notice of something done stays.
pub(crate) const INFO_SECONDS: f64 = 12.0;

/// Whether a notice reports something done (shown plainly, gone after
/// [`INFO_SECONDS`] and dropped when that is undone) rather than a problem
/// (shown in the error colour, kept until dismissed).
/// Whether a notice goes by itself: news of something done, unless it
/// points to the list of what was not imported (it stays while that does).
fn fades(n: &str) -> bool {
    is_info(n) && !n.contains("listed below") && !n.contains("duplicate")
}

pub(crate) fn is_info(n: &str) -> bool {
    [
        "Imported",
        "Merged",
        "Exported",
        "Recovered",
        "Deleted",
        "Added the own type",
        "Saved ",
        "Set the outlet",
        "Your desktop showed no file chooser",
    ]
    .iter()
    .any(|w| n.starts_with(w))
        || n.contains(": imported ")
        || n.contains(": read: ")
}
