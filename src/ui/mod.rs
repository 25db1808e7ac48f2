//! The window: a thin layer over the core. This first version reads a
//! workspace: the library of articles, the reader with tagged passages
//! highlighted in their event type's colour, and the list of events.

use crate::model::{CharIndex, Id, Workspace};
use crate::store;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley};
use std::path::PathBuf;
use std::sync::Arc;

pub const APP_ID: &str = "org.detente.Detente";
const LAST_WORKSPACE_KEY: &str = "last_workspace";

/// The sample workspace bundled into the binary, opened on first run.
pub const SAMPLE: &[u8] = include_bytes!("../../workspaces/us-china-2023.detente");

pub fn sample_workspace() -> Workspace {
    store::from_bytes(SAMPLE, "bundled sample").expect("the bundled sample is a valid workspace")
}

/// Open the window; returns the process exit code.
pub fn run(path: Option<PathBuf>) -> i32 {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_app_id(APP_ID)
            .with_title("Detente")
            .with_inner_size([1280.0, 800.0]),
        persist_window: true,
        ..Default::default()
    };
    let res = eframe::run_native(
        "Detente",
        options,
        Box::new(move |cc| {
            let last = cc
                .storage
                .and_then(|s| s.get_string(LAST_WORKSPACE_KEY))
                .map(PathBuf::from)
                .filter(|p| p.exists());
            Ok(Box::new(DetenteApp::open(path.or(last))))
        }),
    );
    match res {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("detente: cannot open the window: {e}");
            1
        }
    }
}

pub struct DetenteApp {
    pub ws: Workspace,
    pub path: Option<PathBuf>,
    pub error: Option<String>,
    pub selected_article: Option<Id>,
    pub selected_event: Option<Id>,
    pub filter: String,
    galley: Option<(GalleyKey, Arc<Galley>)>,
    shown_title: String,
}

#[derive(PartialEq, Clone)]
struct GalleyKey {
    article: Id,
    width_bits: u32,
    dark: bool,
    modified: String,
}

impl DetenteApp {
    /// Open a workspace file, or the bundled sample when none is given. A
    /// file that cannot be read leaves the sample open and shows why.
    pub fn open(path: Option<PathBuf>) -> Self {
        let (ws, path, error) = match path {
            Some(p) => match store::load(&p) {
                Ok(ws) => (ws, Some(p), None),
                Err(e) => (sample_workspace(), None, Some(e.to_string())),
            },
            None => (sample_workspace(), None, None),
        };
        Self::with_workspace(ws, path, error)
    }

    pub fn with_workspace(ws: Workspace, path: Option<PathBuf>, error: Option<String>) -> Self {
        let selected_article = ws.articles.first().map(|a| a.id.clone());
        DetenteApp {
            ws,
            path,
            error,
            selected_article,
            selected_event: None,
            filter: String::new(),
            galley: None,
            shown_title: String::new(),
        }
    }

    fn window_title(&self) -> String {
        let name = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| format!("{} (sample)", self.ws.title));
        format!("{name} - Detente")
    }

    fn library(&mut self, ui: &mut egui::Ui) {
        ui.heading("Library");
        let label = ui.label("Filter");
        ui.text_edit_singleline(&mut self.filter)
            .labelled_by(label.id);
        ui.separator();
        let counts = self.ws.passage_counts();
        let needle = self.filter.to_lowercase();
        egui::ScrollArea::vertical().show(ui, |ui| {
            for a in &self.ws.articles {
                if !needle.is_empty()
                    && !a.title.to_lowercase().contains(&needle)
                    && !a.text.to_lowercase().contains(&needle)
                {
                    continue;
                }
                let selected = self.selected_article.as_deref() == Some(a.id.as_str());
                let date = a
                    .published
                    .as_ref()
                    .map(|d| d.human())
                    .unwrap_or_else(|| "no date".into());
                let n = counts.get(a.id.as_str()).copied().unwrap_or(0);
                let resp = ui.selectable_label(selected, &a.title);
                ui.weak(format!(
                    "{} · {date} · {n} passages",
                    if a.outlet.is_empty() { "-" } else { &a.outlet }
                ));
                if resp.clicked() {
                    self.selected_article = Some(a.id.clone());
                }
                ui.add_space(4.0);
            }
        });
    }

    /// Lay out the article with its passages highlighted; cached until the
    /// article, width, theme or workspace changes.
    fn article_galley(&mut self, ui: &egui::Ui, article: &Id, width: f32) -> Option<Arc<Galley>> {
        let dark = ui.visuals().dark_mode;
        let key = GalleyKey {
            article: article.clone(),
            width_bits: width.to_bits(),
            dark,
            modified: self.ws.modified.clone(),
        };
        if let Some((k, g)) = &self.galley
            && *k == key
        {
            return Some(g.clone());
        }
        let a = self.ws.article(article)?;
        let text_colour = ui.visuals().text_color();
        let font = FontId::proportional(15.0);
        let n = a.char_len();
        // The colour of each char: the shortest passage covering it wins, so
        // a passage inside another stays visible.
        let mut best: Vec<Option<(usize, Color32)>> = vec![None; n];
        for e in &self.ws.events {
            let [r, g, b] = self
                .ws
                .event_type(&e.kind)
                .map(|t| t.rgb())
                .unwrap_or([128, 128, 128]);
            let alpha = if dark { 110 } else { 90 };
            let colour = Color32::from_rgba_unmultiplied(r, g, b, alpha);
            for p in e.evidence.iter().filter(|p| &p.article == article) {
                let len = p.anchor.end - p.anchor.start;
                for slot in best
                    .iter_mut()
                    .take(p.anchor.end.min(n))
                    .skip(p.anchor.start)
                {
                    if slot.is_none_or(|(l, _)| len < l) {
                        *slot = Some((len, colour));
                    }
                }
            }
        }
        let idx = CharIndex::new(&a.text);
        let mut job = LayoutJob::default();
        job.wrap.max_width = width;
        let mut start = 0;
        while start < n {
            let bg = best[start].map(|(_, c)| c);
            let mut end = start + 1;
            while end < n && best[end].map(|(_, c)| c) == bg {
                end += 1;
            }
            job.append(
                &a.text[idx.byte(start)..idx.byte(end)],
                0.0,
                TextFormat {
                    font_id: font.clone(),
                    color: text_colour,
                    background: bg.unwrap_or(Color32::TRANSPARENT),
                    ..Default::default()
                },
            );
            start = end;
        }
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        self.galley = Some((key, galley.clone()));
        Some(galley)
    }

    fn reader(&mut self, ui: &mut egui::Ui) {
        let Some(id) = self.selected_article.clone() else {
            ui.label("Import articles to start.");
            return;
        };
        let Some(a) = self.ws.article(&id) else {
            return;
        };
        ui.heading(&a.title);
        let date = a
            .published
            .as_ref()
            .map(|d| d.human())
            .unwrap_or_else(|| "no publication date".into());
        ui.label(format!(
            "{} · {date}{}",
            if a.outlet.is_empty() {
                "unknown outlet"
            } else {
                &a.outlet
            },
            if a.url.is_empty() {
                String::new()
            } else {
                format!(" · {}", a.url)
            }
        ));
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                let width = ui.available_width();
                if let Some(g) = self.article_galley(ui, &id, width) {
                    ui.add(egui::Label::new(g).selectable(true));
                }
            });
    }

    fn events(&mut self, ui: &mut egui::Ui) {
        ui.heading(format!("Events ({})", self.ws.events.len()));
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                for e in crate::export::events_in_order(&self.ws) {
                    let date = e
                        .date
                        .as_ref()
                        .map(|d| d.human())
                        .unwrap_or_else(|| "undated".into());
                    let selected = self.selected_event.as_deref() == Some(e.id.as_str());
                    let text = format!(
                        "{date} · {} · {} [{}]",
                        e.kind,
                        e.headline,
                        e.status.as_str()
                    );
                    if ui.selectable_label(selected, text).clicked() {
                        self.selected_event = Some(e.id.clone());
                        if let Some(p) = e.evidence.first() {
                            self.selected_article = Some(p.article.clone());
                        }
                    }
                }
            });
    }

    /// Draw one frame (also used by the tests' harness).
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(&self.ws.title);
                ui.weak(format!(
                    "{} articles · {} events · {} actors",
                    self.ws.articles.len(),
                    self.ws.events.len(),
                    self.ws.actors.len()
                ));
            });
            if let Some(err) = self.error.clone() {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, err);
                    if ui.button("Dismiss").clicked() {
                        self.error = None;
                    }
                });
            }
        });
        egui::Panel::left("library")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| self.library(ui));
        egui::Panel::bottom("events")
            .resizable(true)
            .default_size(220.0)
            .show(ui, |ui| self.events(ui));
        egui::CentralPanel::default().show(ui, |ui| self.reader(ui));
    }
}

impl eframe::App for DetenteApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let title = self.window_title();
        if title != self.shown_title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Some(p) = &self.path {
            storage.set_string(LAST_WORKSPACE_KEY, p.display().to_string());
        }
    }
}
