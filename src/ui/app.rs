//! The window's state: the open workspace, its undo history, what is
//! selected, and each panel's view state. Other files of `ui` extend
//! [`DetenteApp`] with `impl` blocks for one job each; this file imports
//! none of them, only the state types they define.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::history::{Edit, History};
use crate::core::model::{Id, Workspace};
use crate::core::sample::sample_workspace;
use crate::core::store::{self, Stamp};
use crate::exchange::agree::Agreement;
use crate::ui::actors::state::ActorsState;
use crate::ui::codebook::state::CodebookState;
use crate::ui::commands::Command;
use crate::ui::inspector::state::InspectorState;
use crate::ui::jobs::dialog::{Dialog, Pick};
use crate::ui::jobs::import::ImportJob;
use crate::ui::jobs::open::Opening;
use crate::ui::jobs::save::Saver;
use crate::ui::library::state::LibraryCache;
use crate::ui::notebook::state::NotebookState;
use crate::ui::prefs::Prefs;
use crate::ui::reader::state::ReaderState;
use crate::ui::retrieve::state::RetrieveState;
use crate::ui::search::state::SearchState;
use crate::ui::table::state::TableState;
use crate::ui::timeline::state::TimelineState;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

/// What waits for the answer to "save changes?".
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Close,
    New,
    /// The bundled sample, opened again (File > Open the sample).
    Sample,
    Open(Option<PathBuf>),
}

#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
pub enum BottomTab {
    #[default]
    Timeline,
    Table,
    Conflicts,
    /// How far this workspace and another annotator's copy agree.
    Agreement,
    /// The analyst's memos.
    Notebook,
    /// Every actor: rename, aliases, codes, merge, delete.
    Actors,
    /// Every passage for an actor, type, tag or memo.
    Retrieve,
    /// Every event type, CAMEO's and the user's own.
    Codebook,
}

/// What the Workspace properties window holds while it is open.
#[derive(Debug, Clone, Default)]
pub struct PropertiesDraft {
    pub title: String,
    pub description: String,
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
    /// The last comparison with another annotator's copy: its file name
    /// and the figures (File > Compare with another annotator…).
    pub agreement: Option<(String, Agreement)>,
    /// Other copies of this workspace offered for merging: its own file
    /// changed on disk, or conflict copies a sync client left beside it.
    pub offers: Vec<PathBuf>,
    /// Detente's own file chooser, open for a pick (used where the
    /// desktop shows none), and whether to try the desktop's first.
    pub chooser: Option<(egui_file::FileDialog, Pick)>,
    pub native_choosers: bool,
    /// Where the recovery file lives; None disables autosave.
    pub recovery_dir: Option<PathBuf>,
    /// A recovery file found at start, offered to the user.
    pub recovery_offer: Option<PathBuf>,
    /// The workspace file the offered recovery was made from, if known.
    pub recovery_from: Option<PathBuf>,
    pub reader: ReaderState,
    pub inspector: InspectorState,
    pub timeline: TimelineState,
    pub table: TableState,
    pub notebook: NotebookState,
    /// The Actors tab.
    pub actors: ActorsState,
    /// The Retrieve tab.
    pub retrieve: RetrieveState,
    /// The Codebook tab.
    pub codebook: CodebookState,
    pub search: SearchState,
    pub(crate) library_cache: Option<LibraryCache>,
    /// Articles marked in the Library with Ctrl/Cmd- or Shift-click, for
    /// one action on all (delete, set the outlet), in the order marked.
    pub library_marked: Vec<Id>,
    /// The outlet typed for the marked articles.
    pub(crate) library_outlet: String,
    /// Where a Shift-click range starts: the last row clicked or
    /// Ctrl/Cmd-clicked.
    pub(crate) library_anchor: Option<Id>,
    /// The article the library last showed selected, and its scroll
    /// offset and height: a selection made elsewhere (an import, a jump
    /// from the timeline) scrolls its row into view once.
    pub(crate) library_seen: (Option<Id>, f32, f32),
    pub(crate) focus_filter: bool,
    pub(crate) allow_close: bool,
    pub(crate) last_autosave: f64,
    pub(crate) autosaved_revision: u64,
    pub(crate) dialog_tx: Sender<Dialog>,
    pub(crate) dialog_rx: Receiver<Dialog>,
    pub(crate) commands: Vec<Command>,
    pub(crate) shown_title: String,
    pub saver: Saver,
    /// A workspace being read on a background thread.
    pub(crate) opening: Option<Opening>,
    /// The file this window last read or wrote, and what it was then: a
    /// change on disk since (a sync client, another Detente) is noticed.
    pub(crate) disk: Option<(PathBuf, Stamp)>,
    pub(crate) last_disk_check: f64,
    /// Whether to ask "Your name" (first run, or Edit > Your name…).
    pub ask_name: bool,
    /// The "Import from URL" dialog's address, while it is open.
    pub url_draft: Option<String>,
    /// The Workspace properties window's fields, while it is open.
    pub properties: Option<PropertiesDraft>,
    /// What is typed in the "Your name" prompt.
    pub name_draft: String,
    /// The Export dialog's choices (kept for the next export).
    pub export_form: crate::ui::export::form::ExportForm,
    /// When each notice of something done was first shown (it goes after
    /// a while).
    pub(crate) notice_seen: std::collections::HashMap<String, f64>,
    /// The folder of the last file chosen for each kind of choice: the
    /// next chooser of that kind opens there (Save As does not open among
    /// the articles last imported).
    pub last_dirs: std::collections::HashMap<crate::ui::jobs::dialog::Place, PathBuf>,
    /// The Help window, while it is open.
    pub help: Option<crate::ui::help::state::HelpState>,
}

impl DetenteApp {
    /// Open a workspace file, or the bundled sample when none is given. A
    /// file that cannot be read leaves the sample open and says why.
    pub fn open(path: Option<PathBuf>) -> Self {
        let (ws, path, error) = match path {
            Some(p) => match store::load_stamped(&p) {
                Ok((ws, stamp)) => (ws, Some((p, stamp)), None),
                Err(e) => (sample_workspace(), None, Some(e.to_string())),
            },
            None => (sample_workspace(), None, None),
        };
        let mut app = Self::with_workspace(ws, path.as_ref().map(|(p, _)| p.clone()));
        if let Some((p, stamp)) = path {
            app.note_conflict_copies(&p);
            app.saver.opened(p.clone(), stamp);
            app.disk = Some((p, stamp));
        }
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
            agreement: None,
            offers: vec![],
            chooser: None,
            native_choosers: true,
            recovery_dir: None,
            recovery_offer: None,
            recovery_from: None,
            reader: Default::default(),
            inspector: Default::default(),
            timeline: Default::default(),
            table: Default::default(),
            notebook: Default::default(),
            actors: Default::default(),
            retrieve: Default::default(),
            codebook: Default::default(),
            search: Default::default(),
            library_cache: None,
            library_marked: vec![],
            library_outlet: String::new(),
            library_anchor: None,
            library_seen: (None, 0.0, 0.0),
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
            disk: None,
            last_disk_check: 0.0,
            ask_name: false,
            url_draft: None,
            properties: None,
            export_form: Default::default(),
            notice_seen: Default::default(),
            last_dirs: Default::default(),
            help: None,
            name_draft: String::new(),
        };
        app.reset_view();
        app
    }

    pub fn reset_view(&mut self) {
        // Where the user was in this workspace last time, else the top.
        let last = self
            .path
            .as_deref()
            .and_then(|p| self.prefs.last_viewed(p))
            .filter(|a| self.ws.article(a).is_some())
            .map(str::to_string);
        self.selected_article = last.or_else(|| self.ws.articles.first().map(|a| a.id.clone()));
        self.selected_event = None;
        self.reader = Default::default();
        self.inspector = Default::default();
        self.notebook = Default::default();
        // Filters belong to the workspace they were typed for; the sort
        // order is a habit and stays.
        let (sort, descending) = (self.table.sort, self.table.descending);
        self.table = Default::default();
        (self.table.sort, self.table.descending) = (sort, descending);
        self.timeline.fit_request = true;
        // A workspace that comes with merge conflicts shows them first.
        if !self.ws.conflicts.is_empty() {
            self.bottom_tab = BottomTab::Conflicts;
        }
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

    pub(crate) fn after_change(&mut self) {
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
        // The Actors tab shows the actor as it now is (after an undo, a
        // merge), or nothing when it is gone.
        if let Some(id) = self.actors.draft.as_ref().map(|d| d.actor.clone()) {
            if self.ws.actors.iter().any(|a| a.id == id) {
                self.edit_actor(&id);
            } else {
                self.actors.draft = None;
            }
        }
        // The Codebook tab shows the open type as it now is.
        if let Some(code) = self.codebook.draft.as_ref().map(|d| d.code.clone()) {
            self.edit_type(&code);
        }
        // A memo whose title, text or tags changed under its draft (an
        // undo, a merge) is shown anew.
        if let Some(d) = &self.notebook.draft {
            let now = self
                .ws
                .memo(&d.id)
                .map(crate::ui::notebook::state::editable);
            if now != self.notebook.draft_from {
                self.notebook.draft = None;
                self.notebook.picker = None;
            }
        }
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

    pub(crate) fn window_title(&self) -> String {
        let name = match &self.path {
            Some(p) => {
                let file = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                // The workspace's own title, when it is more than its file's name.
                match Workspace::title_from_file(p) {
                    Some(stem) if self.ws.has_own_title() && self.ws.title != stem => {
                        format!("{} ({file})", self.ws.title)
                    }
                    _ => file,
                }
            }
            None => format!("{} (not saved)", self.ws.title),
        };
        let mark = if self.is_dirty() { "• " } else { "" };
        format!("{mark}{name} - Detente")
    }

    /// Where a chooser of `place` opens: where the last one of its kind
    /// was, else the workspace's folder.
    pub fn start_dir(&self, place: crate::ui::jobs::dialog::Place) -> Option<PathBuf> {
        // Absolute: a workspace opened as `ws/w.detente` must not leave the
        // chooser at "ws", whose parent is nothing.
        self.last_dirs
            .get(&place)
            .cloned()
            .or_else(|| {
                self.path
                    .as_ref()
                    .and_then(|p| p.parent())
                    .map(Path::to_path_buf)
            })
            .map(|d| {
                if d.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    d
                }
            })
            .map(|d| std::path::absolute(&d).unwrap_or(d))
    }
}
