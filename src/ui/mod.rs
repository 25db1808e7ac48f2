//! The window: a thin layer over the core. Library (left), Reader
//! (centre), Inspector (right), Timeline and Events table (bottom).
//! Every change goes through [`crate::history`] so it can be undone.

mod inspector;
mod library;
mod reader;
pub mod saver;
mod table;
mod timeline_view;

use crate::history::{Edit, History};
use crate::import::{self, Prepared, Refusal};
use crate::model::{Id, Workspace};
use crate::store;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

pub const APP_ID: &str = "org.detente.Detente";
const PREFS_KEY: &str = "detente_prefs";
/// Seconds between autosaves of unsaved work to the recovery file.
const AUTOSAVE_SECS: f64 = 20.0;

/// The sample workspace bundled into the binary, opened on first run.
pub const SAMPLE: &[u8] = include_bytes!("../../workspaces/us-china-2023.detente");
const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// The window icon, decoded from the bundled PNG.
pub fn window_icon() -> Option<egui::IconData> {
    let img = image::load_from_memory_with_format(ICON_PNG, image::ImageFormat::Png)
        .ok()?
        .to_rgba8();
    Some(egui::IconData {
        width: img.width(),
        height: img.height(),
        rgba: img.into_raw(),
    })
}

pub fn sample_workspace() -> Workspace {
    store::from_bytes(SAMPLE, "bundled sample").expect("the bundled sample is a valid workspace")
}

/// Add the bundled CJK font as a fallback after egui's own fonts.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "droid-fallback".into(),
        std::sync::Arc::new(egui::FontData::from_static(CJK_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("droid-fallback".into());
    }
    ctx.set_fonts(fonts);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Preferences kept between runs (the workspace itself is its own file).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Prefs {
    pub theme: Theme,
    pub recent: Vec<PathBuf>,
    pub last_workspace: Option<PathBuf>,
}

impl Prefs {
    fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(10);
        self.last_workspace = Some(path.to_path_buf());
    }
}

/// Every user action; menus, shortcuts and buttons send these.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    New,
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    Import,
    ImportPaths(Vec<PathBuf>),
    ExportCsv,
    ExportJson,
    /// Replace the open article's text with a newer version of it.
    Reimport,
    Undo,
    Redo,
    Find,
    TagSelection,
    Quit,
}

/// What waits for the answer to "save changes?".
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Close,
    New,
    Open(Option<PathBuf>),
}

enum Dialog {
    Open(Option<PathBuf>),
    SaveAs(Option<PathBuf>),
    Import(Vec<PathBuf>),
    Export(Option<PathBuf>, bool),
    /// A new version of an article, read on the dialog's thread.
    Reimport(Id, Option<Result<Box<Prepared>, (PathBuf, Refusal)>>),
}

/// A background import: prepared files arrive one by one.
pub struct ImportJob {
    rx: Receiver<ImportMsg>,
    pub total: usize,
    pub done: usize,
    prepared: Vec<Prepared>,
    refused: usize,
    /// Set when the readers' coordinator says they are all done.
    finished: bool,
    cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

enum ImportMsg {
    Ok(Box<Prepared>),
    Refused(PathBuf, Refusal),
    WorkerDone,
}

#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum BottomTab {
    #[default]
    Timeline,
    Table,
}

pub struct DetenteApp {
    pub ws: Workspace,
    pub path: Option<PathBuf>,
    pub history: History,
    pub selected_article: Option<Id>,
    pub selected_event: Option<Id>,
    pub filter: String,
    /// Messages for the user (errors and results), dismissable.
    pub notices: Vec<String>,
    /// Files refused by the last imports, with the reason.
    pub refused: Vec<(String, String)>,
    pub prefs: Prefs,
    pub pending: Option<Pending>,
    pub import_job: Option<ImportJob>,
    pub bottom_tab: BottomTab,
    /// Where the recovery file lives; None disables autosave.
    pub recovery_dir: Option<PathBuf>,
    /// A recovery file found at start, offered to the user.
    pub recovery_offer: Option<PathBuf>,
    pub reader: reader::ReaderState,
    pub inspector: inspector::InspectorState,
    pub timeline: timeline_view::TimelineState,
    pub table: table::TableState,
    library_cache: Option<library::LibraryCache>,
    focus_filter: bool,
    allow_close: bool,
    last_autosave: f64,
    autosaved_revision: u64,
    dialog_tx: Sender<Dialog>,
    dialog_rx: Receiver<Dialog>,
    commands: Vec<Command>,
    shown_title: String,
    pub saver: saver::Saver,
    /// A workspace being read on a background thread.
    opening: Option<(PathBuf, Receiver<Result<Workspace, String>>)>,
}

fn recovery_file(dir: &Path) -> PathBuf {
    dir.join("recovery.detente")
}
fn recovery_meta(dir: &Path) -> PathBuf {
    dir.join("recovery.json")
}

/// The folder for recovery files: the platform's data folder for Detente.
pub fn default_recovery_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "detente", "Detente").map(|d| d.data_dir().to_path_buf())
}

impl DetenteApp {
    /// Open a workspace file, or the bundled sample when none is given. A
    /// file that cannot be read leaves the sample open and says why.
    pub fn open(path: Option<PathBuf>) -> Self {
        let (ws, path, error) = match path {
            Some(p) => match store::load(&p) {
                Ok(ws) => (ws, Some(p), None),
                Err(e) => (sample_workspace(), None, Some(e.to_string())),
            },
            None => (sample_workspace(), None, None),
        };
        let mut app = Self::with_workspace(ws, path);
        app.notices.extend(error);
        app
    }

    pub fn with_workspace(ws: Workspace, path: Option<PathBuf>) -> Self {
        let (dialog_tx, dialog_rx) = channel();
        let mut app = DetenteApp {
            ws,
            path,
            history: History::new(),
            selected_article: None,
            selected_event: None,
            filter: String::new(),
            notices: vec![],
            refused: vec![],
            prefs: Prefs::default(),
            pending: None,
            import_job: None,
            bottom_tab: BottomTab::Timeline,
            recovery_dir: None,
            recovery_offer: None,
            reader: Default::default(),
            inspector: Default::default(),
            timeline: Default::default(),
            table: Default::default(),
            library_cache: None,
            focus_filter: false,
            allow_close: false,
            last_autosave: 0.0,
            autosaved_revision: 0,
            dialog_tx,
            dialog_rx,
            commands: vec![],
            shown_title: String::new(),
            saver: Default::default(),
            opening: None,
        };
        app.reset_view();
        app
    }

    fn reset_view(&mut self) {
        self.selected_article = self.ws.articles.first().map(|a| a.id.clone());
        self.selected_event = None;
        self.reader = Default::default();
        self.inspector = Default::default();
        self.timeline.fit_request = true;
    }

    /// Use `dir` for the recovery file; offer what an earlier session left.
    pub fn with_recovery_dir(mut self, dir: Option<PathBuf>) -> Self {
        if let Some(d) = &dir
            && recovery_file(d).exists()
        {
            self.recovery_offer = Some(recovery_file(d));
        }
        self.recovery_dir = dir;
        self
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    pub fn send(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// Apply an edit as one undoable step.
    pub fn apply(&mut self, edit: Edit) {
        self.history.apply(&mut self.ws, edit);
        self.after_change();
    }

    fn after_change(&mut self) {
        if let Some(id) = &self.selected_event
            && self.ws.event(id).is_none()
        {
            self.selected_event = None;
        }
        if let Some(id) = &self.selected_article
            && self.ws.article(id).is_none()
        {
            self.selected_article = self.ws.articles.first().map(|a| a.id.clone());
        }
        self.inspector.draft = None;
    }

    /// Select an event and show its first passage in the reader.
    pub fn select_event(&mut self, id: &Id, jump: bool) {
        self.selected_event = Some(id.clone());
        self.inspector.draft = None;
        if jump && let Some(p) = self.ws.event(id).and_then(|e| e.evidence.first()).cloned() {
            self.jump_to_passage(&p.article, &p.id);
        }
    }

    pub fn jump_to_passage(&mut self, article: &Id, passage: &Id) {
        self.selected_article = Some(article.clone());
        self.reader.scroll_to = Some(passage.clone());
        self.reader.flash = Some((passage.clone(), None));
    }

    fn window_title(&self) -> String {
        let name = match &self.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => format!("{} (not saved)", self.ws.title),
        };
        let mark = if self.is_dirty() { "• " } else { "" };
        format!("{mark}{name} - Detente")
    }

    // ----- files -----

    fn spawn_dialog(&self, make: impl FnOnce() -> Dialog + Send + 'static) {
        let tx = self.dialog_tx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(make());
        });
    }

    fn start_dir(&self) -> Option<PathBuf> {
        self.path
            .as_ref()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
    }

    /// Open a workspace (the caller has dealt with unsaved changes). The
    /// file is read and checked on a background thread; the window keeps
    /// drawing the current workspace and says what it is opening.
    pub fn open_path(&mut self, p: &Path) {
        let (tx, rx) = channel();
        let path = p.to_path_buf();
        std::thread::spawn(move || {
            let _ = tx.send(store::load(&path).map_err(|e| e.to_string()));
        });
        self.opening = Some((p.to_path_buf(), rx));
    }

    /// Open a workspace and wait for it (tests, scripts).
    pub fn open_path_now(&mut self, p: &Path) {
        self.open_path(p);
        if let Some((_, rx)) = &self.opening
            && let Ok(r) = rx.recv()
        {
            self.opened(p.to_path_buf(), r);
        }
        self.opening = None;
    }

    /// The path being opened in the background, if any.
    pub fn opening(&self) -> Option<&Path> {
        self.opening.as_ref().map(|(p, _)| p.as_path())
    }

    fn poll_opening(&mut self) {
        let Some((path, rx)) = &self.opening else {
            return;
        };
        match rx.try_recv() {
            Ok(r) => {
                let path = path.clone();
                self.opening = None;
                self.opened(path, r);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.opening = None,
        }
    }

    fn opened(&mut self, p: PathBuf, r: Result<Workspace, String>) {
        match r {
            Ok(ws) => {
                let old = std::mem::replace(&mut self.ws, ws);
                let old_history = std::mem::take(&mut self.history);
                // Freeing a large workspace takes a while: not on this thread.
                std::thread::spawn(move || drop((old, old_history)));
                self.prefs.remember(&p);
                self.path = Some(p);
                self.reset_view();
                self.clear_recovery();
            }
            Err(e) => self.notices.push(e),
        }
    }

    /// Save to `path` (the current file when None). The snapshot is written
    /// atomically on the saving thread; a failure is reported when it comes
    /// back and the work is marked unsaved again.
    pub fn save_to(&mut self, path: Option<PathBuf>) -> bool {
        let Some(path) = path.or_else(|| self.path.clone()) else {
            self.send(Command::SaveAs);
            return false;
        };
        self.saver
            .save(self.ws.clone(), path.clone(), saver::Purpose::File);
        self.path = Some(path.clone());
        self.history.mark_saved();
        self.prefs.remember(&path);
        true
    }

    /// Wait until every save handed to the saving thread is written.
    pub fn wait_for_saves(&mut self) {
        let done = self.saver.wait();
        self.saves_done(done);
    }

    fn poll_saves(&mut self) {
        let done = self.saver.finished();
        self.saves_done(done);
    }

    fn saves_done(&mut self, done: Vec<saver::Done>) {
        for d in done {
            match (d.purpose, d.result) {
                (saver::Purpose::File, Ok(())) => {
                    if self.saver.in_flight == 0 && !self.is_dirty() {
                        self.clear_recovery();
                    }
                }
                (saver::Purpose::File, Err(e)) => {
                    self.notices.push(e);
                    if self.path.as_ref() == Some(&d.path) {
                        self.history.mark_unsaved();
                    }
                }
                (saver::Purpose::Recovery, Ok(())) => {
                    if let Some(dir) = d.path.parent() {
                        let meta = serde_json::json!({ "path": self.path });
                        let _ = std::fs::write(recovery_meta(dir), meta.to_string());
                    }
                    self.autosaved_revision = d.revision;
                }
                (saver::Purpose::Recovery, Err(_)) => {}
            }
        }
    }

    /// Read files on a background thread; the window stays responsive.
    pub fn start_import(&mut self, paths: Vec<PathBuf>) {
        let files = import::collect_files(&paths);
        if files.is_empty() {
            return;
        }
        let (tx, rx) = channel();
        let total = files.len();
        let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        // One reader per core; a coordinating thread says when all are done.
        let workers = import::default_workers().min(total);
        {
            let cancel = cancel.clone();
            std::thread::spawn(move || {
                let tx = std::sync::Mutex::new(tx);
                import::prepare_parallel(&files, workers, &cancel, |f, r| {
                    let msg = match r {
                        Ok(p) => ImportMsg::Ok(Box::new(p)),
                        Err(r) => ImportMsg::Refused(f.to_path_buf(), r),
                    };
                    if let Ok(tx) = tx.lock() {
                        let _ = tx.send(msg);
                    }
                });
                if let Ok(tx) = tx.lock() {
                    let _ = tx.send(ImportMsg::WorkerDone);
                }
            });
        }
        self.import_job = Some(ImportJob {
            rx,
            total,
            done: 0,
            prepared: vec![],
            refused: 0,
            finished: false,
            cancel,
        });
    }

    /// Stop reading more files; those already read are still added.
    pub fn cancel_import(&mut self) {
        if let Some(job) = &self.import_job {
            job.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// Collect finished import work; when every reader is done, add the
    /// articles as one undoable step and say what happened.
    pub fn poll_import(&mut self) {
        let Some(job) = &mut self.import_job else {
            return;
        };
        while let Ok(msg) = job.rx.try_recv() {
            match msg {
                ImportMsg::Ok(p) => {
                    job.done += 1;
                    job.prepared.push(*p)
                }
                ImportMsg::Refused(path, r) => {
                    job.done += 1;
                    job.refused += 1;
                    self.refused
                        .push((path.display().to_string(), r.to_string()))
                }
                ImportMsg::WorkerDone => job.finished = true,
            }
        }
        if !job.finished {
            return;
        }
        let job = self.import_job.take().expect("checked above");
        let cancelled = job.done < job.total;
        let mut edits = vec![];
        let mut batch_hashes: std::collections::HashSet<String> = Default::default();
        let mut first_added = None;
        let mut duplicates = 0;
        let mut prepared = job.prepared;
        let known: std::collections::HashSet<&str> = self
            .ws
            .articles
            .iter()
            .map(|a| a.text_hash.as_str())
            .collect();
        // The order of the files, whichever reader finished first.
        prepared.sort_by(|a, b| a.path.cmp(&b.path));
        for p in prepared {
            let name = p.path.display().to_string();
            let dup = batch_hashes.contains(&p.article.text_hash)
                || known.contains(p.article.text_hash.as_str());
            if dup {
                duplicates += 1;
                self.refused
                    .push((name, "already in the workspace (duplicate)".into()));
                continue;
            }
            // Ids in file order, so the library lists files in that order.
            let mut article = p.article;
            article.id = crate::model::new_id("art");
            first_added.get_or_insert(article.id.clone());
            batch_hashes.insert(article.text_hash.clone());
            edits.push(Edit::new_article(article));
        }
        let n = edits.len();
        if n > 0 {
            self.apply(Edit::Batch(edits));
            self.selected_article = first_added;
        }
        let plural = |k: usize, w: &str| format!("{k} {w}{}", if k == 1 { "" } else { "s" });
        let mut summary = format!("Imported {}", plural(n, "article"));
        if duplicates > 0 {
            summary.push_str(&format!(", {}", plural(duplicates, "duplicate")));
        }
        if job.refused > 0 {
            summary.push_str(&format!(", {} refused (listed below)", job.refused));
        }
        if cancelled {
            summary.push_str(&format!(
                "; cancelled after {} of {} files",
                job.done, job.total
            ));
        }
        summary.push('.');
        self.notices.push(summary);
    }

    /// Give an article the text of its new version, keeping its passages
    /// (those not found become orphans, listed in the inspector).
    pub fn reimport(&mut self, article: &Id, new: &crate::model::Article) {
        if self
            .ws
            .article(article)
            .is_some_and(|a| a.text_hash == new.text_hash)
        {
            self.notices
                .push("Imported: the new version's text is the same.".into());
            return;
        }
        let Some((edit, r)) = crate::anchor::replace_text_edit(&self.ws, article, new) else {
            return;
        };
        self.apply(edit);
        self.notices.push(format!(
            "Imported the new version: {} passages kept, {} moved, {} changed slightly, {} orphaned{}.",
            r.exact,
            r.moved,
            r.fuzzy,
            r.orphans,
            if r.orphans > 0 { " (see the inspector of their events)" } else { "" }
        ));
    }

    fn export(&mut self, path: &Path, csv: bool) {
        let text = if csv {
            crate::export::to_csv(&self.ws, false)
        } else {
            crate::export::to_json(&self.ws, false)
        };
        match store::save_bytes(text.as_bytes(), path) {
            Ok(()) => self.notices.push(format!(
                "Exported {} events to {}.",
                self.ws.events.len(),
                path.display()
            )),
            Err(e) => self.notices.push(e.to_string()),
        }
    }

    // ----- recovery -----

    fn autosave(&mut self, now: f64) {
        let Some(dir) = self.recovery_dir.clone() else {
            return;
        };
        if !self.is_dirty()
            || now - self.last_autosave < AUTOSAVE_SECS
            || self.autosaved_revision == self.ws.revision.get()
        {
            return;
        }
        self.last_autosave = now;
        self.write_recovery(&dir);
    }

    /// Write unsaved work to the recovery file now.
    pub fn write_recovery(&mut self, dir: &Path) {
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        self.saver.save(
            self.ws.clone(),
            recovery_file(dir),
            saver::Purpose::Recovery,
        );
        // Not again for this revision, whatever the outcome.
        self.autosaved_revision = self.ws.revision.get();
    }

    fn clear_recovery(&mut self) {
        if let Some(dir) = &self.recovery_dir {
            for f in [
                recovery_file(dir),
                recovery_meta(dir),
                store::backup_path(&recovery_file(dir)),
            ] {
                let _ = std::fs::remove_file(f);
            }
        }
        self.autosaved_revision = 0;
    }

    /// Bring back the work of a session that ended without saving.
    pub fn restore_recovery(&mut self) {
        let Some(file) = self.recovery_offer.take() else {
            return;
        };
        match store::load(&file) {
            Ok(ws) => {
                let original = self
                    .recovery_dir
                    .as_ref()
                    .and_then(|d| std::fs::read_to_string(recovery_meta(d)).ok())
                    .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
                    .and_then(|v| v["path"].as_str().map(PathBuf::from));
                self.ws = ws;
                self.path = original;
                self.history = History::new();
                self.history.mark_unsaved();
                self.reset_view();
                self.notices
                    .push("Recovered unsaved work. Save it to keep it.".into());
            }
            Err(e) => self
                .notices
                .push(format!("The recovery file could not be read: {e}")),
        }
    }

    pub fn discard_recovery(&mut self) {
        self.recovery_offer = None;
        self.clear_recovery();
    }

    // ----- commands -----

    fn run_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // A command may open a prompt or change what is shown: draw again.
            ctx.request_repaint();
        }
        for c in commands {
            self.run_command(ctx, c);
        }
    }

    fn guard(&mut self, p: Pending) -> bool {
        if self.is_dirty() {
            self.pending = Some(p);
            false
        } else {
            true
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, c: Command) {
        match c {
            Command::New => {
                if self.guard(Pending::New) {
                    self.ws = Workspace::new("Untitled workspace");
                    self.path = None;
                    self.history = History::new();
                    self.reset_view();
                }
            }
            Command::Open => {
                if self.guard(Pending::Open(None)) {
                    let dir = self.start_dir();
                    self.spawn_dialog(move || {
                        let mut d =
                            rfd::FileDialog::new().add_filter("Detente workspace", &["detente"]);
                        if let Some(dir) = dir {
                            d = d.set_directory(dir);
                        }
                        Dialog::Open(d.pick_file())
                    });
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
                let dir = self.start_dir();
                let name = format!("{}.detente", self.ws.title.replace(['/', '\\'], "-"));
                self.spawn_dialog(move || {
                    let mut d = rfd::FileDialog::new()
                        .add_filter("Detente workspace", &["detente"])
                        .set_file_name(name);
                    if let Some(dir) = dir {
                        d = d.set_directory(dir);
                    }
                    Dialog::SaveAs(d.save_file())
                });
            }
            Command::Import => {
                self.spawn_dialog(|| {
                    Dialog::Import(
                        rfd::FileDialog::new()
                            .add_filter(
                                "Articles",
                                &[
                                    "txt", "text", "md", "xml", "html", "htm", "xhtml", "pdf",
                                    "docx",
                                ],
                            )
                            .pick_files()
                            .unwrap_or_default(),
                    )
                });
            }
            Command::ImportPaths(paths) => self.start_import(paths),
            Command::ExportCsv | Command::ExportJson => {
                let csv = c == Command::ExportCsv;
                let ext = if csv { "csv" } else { "json" };
                let name = format!("{}-events.{ext}", self.ws.title.replace(['/', '\\'], "-"));
                self.spawn_dialog(move || {
                    Dialog::Export(
                        rfd::FileDialog::new()
                            .add_filter(ext, &[ext])
                            .set_file_name(name)
                            .save_file(),
                        csv,
                    )
                });
            }
            Command::Reimport => {
                let Some(article) = self.selected_article.clone() else {
                    return;
                };
                self.spawn_dialog(move || {
                    let picked = rfd::FileDialog::new()
                        .add_filter(
                            "Articles",
                            &[
                                "txt", "text", "md", "xml", "html", "htm", "xhtml", "pdf", "docx",
                            ],
                        )
                        .pick_file();
                    Dialog::Reimport(
                        article,
                        picked.map(|p| {
                            import::prepare_file(&p, None)
                                .map(Box::new)
                                .map_err(|e| (p, e))
                        }),
                    )
                });
            }
            Command::Undo => {
                if let Some(what) = self.history.undo(&mut self.ws) {
                    self.after_change();
                    self.reader.status = format!("Undid {what}");
                }
            }
            Command::Redo => {
                if let Some(what) = self.history.redo(&mut self.ws) {
                    self.after_change();
                    self.reader.status = format!("Redid {what}");
                }
            }
            Command::Find => self.focus_filter = true,
            Command::TagSelection => self.tag_selection(),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn poll_dialogs(&mut self) {
        while let Ok(d) = self.dialog_rx.try_recv() {
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
                Dialog::Export(Some(p), csv) => self.export(&p, csv),
                Dialog::Reimport(article, Some(Ok(p))) => self.reimport(&article, &p.article),
                Dialog::Reimport(_, Some(Err((path, why)))) => {
                    self.refused
                        .push((path.display().to_string(), why.to_string()));
                }
                _ => {}
            }
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut as K, Modifiers as M};
        let cmd = M::COMMAND;
        let cs = M::COMMAND | M::SHIFT;
        let table: [(K, Command); 12] = [
            (K::new(cs, Key::S), Command::SaveAs),
            (K::new(cs, Key::Z), Command::Redo),
            (K::new(cmd, Key::N), Command::New),
            (K::new(cmd, Key::O), Command::Open),
            (K::new(cmd, Key::S), Command::Save),
            (K::new(cmd, Key::I), Command::Import),
            (K::new(cmd, Key::Z), Command::Undo),
            (K::new(cmd, Key::Y), Command::Redo),
            (K::new(cmd, Key::F), Command::Find),
            (K::new(cmd, Key::E), Command::TagSelection),
            (K::new(cmd, Key::Q), Command::Quit),
            (K::new(M::NONE, Key::F1), Command::Find),
        ];
        for (k, c) in table {
            if ctx.input_mut(|i| i.consume_shortcut(&k)) {
                self.send(c);
            }
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let sc = |ui: &egui::Ui, key: &str| {
            let m = if ui.ctx().os() == egui::os::OperatingSystem::Mac {
                "⌘"
            } else {
                "Ctrl+"
            };
            format!("{m}{key}")
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                let items = [("New", "N", Command::New), ("Open…", "O", Command::Open)];
                for (label, key, c) in items {
                    if ui
                        .add(egui::Button::new(label).shortcut_text(sc(ui, key)))
                        .clicked()
                    {
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
                ui.separator();
                if ui
                    .add(egui::Button::new("Save").shortcut_text(sc(ui, "S")))
                    .clicked()
                {
                    self.send(Command::Save);
                }
                if ui
                    .add(egui::Button::new("Save As…").shortcut_text(sc(ui, "Shift+S")))
                    .clicked()
                {
                    self.send(Command::SaveAs);
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Import…").shortcut_text(sc(ui, "I")))
                    .clicked()
                {
                    self.send(Command::Import);
                }
                if ui.button("Export events as CSV…").clicked() {
                    self.send(Command::ExportCsv);
                }
                if ui.button("Export events as JSON…").clicked() {
                    self.send(Command::ExportJson);
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Quit").shortcut_text(sc(ui, "Q")))
                    .clicked()
                {
                    self.send(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                let undo = match self.history.undo_label() {
                    Some(w) => format!("Undo {w}"),
                    None => "Undo".into(),
                };
                if ui
                    .add_enabled(
                        self.history.can_undo(),
                        egui::Button::new(undo).shortcut_text(sc(ui, "Z")),
                    )
                    .clicked()
                {
                    self.send(Command::Undo);
                }
                let redo = match self.history.redo_label() {
                    Some(w) => format!("Redo {w}"),
                    None => "Redo".into(),
                };
                if ui
                    .add_enabled(
                        self.history.can_redo(),
                        egui::Button::new(redo).shortcut_text(sc(ui, "Shift+Z")),
                    )
                    .clicked()
                {
                    self.send(Command::Redo);
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Find in library").shortcut_text(sc(ui, "F")))
                    .clicked()
                {
                    self.send(Command::Find);
                }
                if ui
                    .add(egui::Button::new("Tag selection").shortcut_text(sc(ui, "E")))
                    .clicked()
                {
                    self.send(Command::TagSelection);
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
            if self.saver.in_flight > 0 {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.weak("Saving…");
                });
            }
        });
    }

    fn unsaved_prompt(&mut self, ctx: &egui::Context) {
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
            Pending::Open(None) => self.send(Command::Open),
            Pending::Open(Some(path)) => self.send(Command::OpenPath(path)),
        }
    }

    fn notices_bar(&mut self, ui: &mut egui::Ui) {
        if let Some(file) = self.recovery_offer.clone() {
            ui.horizontal(|ui| {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "Unsaved work from a session that ended unexpectedly was found.",
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
        let mut remove = None;
        for (i, n) in self.notices.iter().enumerate() {
            ui.horizontal(|ui| {
                let colour = if n.starts_with("Imported")
                    || n.starts_with("Exported")
                    || n.starts_with("Recovered")
                {
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
            egui::CollapsingHeader::new(format!("{} file(s) not imported", self.refused.len()))
                .id_salt("refused")
                .default_open(true)
                .show(ui, |ui| {
                    for (f, why) in &self.refused {
                        ui.label(format!("{f}: {why}"));
                    }
                    if ui.button("Dismiss list").clicked() {
                        self.refused.clear();
                    }
                });
        }
    }

    fn drop_zone(&mut self, ctx: &egui::Context) {
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
        self.shortcuts(&ctx);
        self.drop_zone(&ctx);
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
                let (done, total) = (job.done, job.total);
                ui.horizontal(|ui| {
                    if ui.button("Cancel import").clicked() {
                        self.cancel_import();
                    }
                    ui.add(
                        egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                            .text(format!("Importing {done} of {total} files")),
                    );
                });
            }
        });
        egui::Panel::left("library")
            .resizable(true)
            .default_size(270.0)
            .show(ui, |ui| {
                library::show(self, ui);
            });
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                inspector::show(self, ui);
            });
        egui::Panel::bottom("bottom")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut self.bottom_tab, BottomTab::Timeline, "Timeline");
                    ui.selectable_value(
                        &mut self.bottom_tab,
                        BottomTab::Table,
                        format!("Events ({})", self.ws.events.len()),
                    );
                });
                ui.separator();
                match self.bottom_tab {
                    BottomTab::Timeline => timeline_view::show(self, ui),
                    BottomTab::Table => table::show(self, ui),
                }
            });
        egui::CentralPanel::default().show(ui, |ui| reader::show(self, ui));
        self.unsaved_prompt(&ctx);
        self.run_commands(&ctx);
        let now = ctx.input(|i| i.time);
        self.autosave(now);
    }
}

pub fn apply_theme(ctx: &egui::Context, t: Theme) {
    ctx.set_theme(match t {
        Theme::System => egui::ThemePreference::System,
        Theme::Light => egui::ThemePreference::Light,
        Theme::Dark => egui::ThemePreference::Dark,
    });
}

impl eframe::App for DetenteApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
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

/// Open the window; returns the process exit code.
pub fn run(path: Option<PathBuf>) -> i32 {
    let mut viewport = egui::ViewportBuilder::default();
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_app_id(APP_ID)
            .with_title("Detente")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    let res = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            install_fonts(&cc.egui_ctx);
            let prefs: Prefs = cc
                .storage
                .and_then(|s| s.get_string(PREFS_KEY))
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default();
            apply_theme(&cc.egui_ctx, prefs.theme);
            let last = prefs.last_workspace.clone().filter(|p| p.exists());
            let chosen = path.or(last);
            let mut app =
                DetenteApp::open(chosen.clone()).with_recovery_dir(default_recovery_dir());
            let mut prefs = prefs;
            if let Some(p) = &app.path {
                prefs.remember(p);
            }
            app.prefs = prefs;
            Ok(Box::new(app))
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

/// The ids of the events the table shows, in its order (for tests).
pub fn table_rows(app: &DetenteApp) -> Vec<Id> {
    table::rows(&app.ws, &app.table)
        .into_iter()
        .map(|e| e.id.clone())
        .collect()
}
