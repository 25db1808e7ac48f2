//! Files from the window: opening a workspace (read in the background),
//! saving and Save As (written in order on the saving thread), exports, and
//! a new version of an article.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::model::{Id, Workspace};
use crate::core::store::Stamp;
use crate::ui::app::DetenteApp;
use crate::ui::commands::Command;
use crate::ui::jobs::dialog::Dialog;
use crate::ui::jobs::{open, save};
use crate::ui::recovery::recovery_meta;
use std::path::{Path, PathBuf};

impl DetenteApp {
    /// Open a workspace (the caller has dealt with unsaved changes). The
    /// file is read and checked on a background thread; the window keeps
    /// drawing the current workspace and says what it is opening.
    pub fn open_path(&mut self, p: &Path) {
        self.opening = Some(open::start(p));
    }

    /// Open a workspace and wait for it (tests, scripts).
    pub fn open_path_now(&mut self, p: &Path) {
        self.open_path(p);
        if let Some(o) = &self.opening
            && let Ok(r) = o.rx.recv()
        {
            self.opened(p.to_path_buf(), r);
        }
        self.opening = None;
    }

    /// The path being opened in the background, if any.
    pub fn opening(&self) -> Option<&Path> {
        self.opening.as_ref().map(|o| o.path.as_path())
    }

    pub(crate) fn poll_opening(&mut self) {
        let Some(o) = &self.opening else {
            return;
        };
        match o.rx.try_recv() {
            Ok(r) => {
                let path = o.path.clone();
                self.opening = None;
                self.opened(path, r);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.opening = None,
        }
    }

    pub(crate) fn opened(&mut self, p: PathBuf, r: Result<(Workspace, Stamp), String>) {
        match r {
            Ok((ws, stamp)) => {
                self.saver.opened(p.clone(), stamp);
                self.disk = Some((p.clone(), stamp));
                let old = std::mem::replace(&mut self.ws, ws);
                let old_history = std::mem::take(&mut self.history);
                // Freeing a large workspace takes a while: not on this thread.
                std::thread::spawn(move || drop((old, old_history)));
                // Until someone sets a title, the file's name stands in.
                if !self.ws.has_own_title()
                    && let Some(t) = Workspace::title_from_file(&p)
                {
                    self.ws.title = t;
                }
                self.prefs.remember(&p);
                crate::ui::open_events::log_opened(&p);
                self.note_conflict_copies(&p);
                self.path = Some(p);
                self.reset_view();
                self.clear_recovery();
            }
            Err(e) => self.notices.push(e),
        }
    }

    /// Every 2 s: whether the file this window reads and writes changed on
    /// disk since (a sync client brought another machine's save, another
    /// Detente saved it); said once per change. Save will not write over it.
    pub fn watch_disk(&mut self, now: f64) {
        if now - self.last_disk_check < 2.0 || self.saver.in_flight > 0 {
            return;
        }
        self.last_disk_check = now;
        let Some((path, seen)) = self.disk.clone() else {
            return;
        };
        let Some(current) = Stamp::read(&path) else {
            return;
        };
        if current != seen {
            self.disk = Some((path.clone(), current));
            self.offer(&path);
        }
    }

    /// Say when sync clients left conflict copies of `path` beside it: each
    /// holds someone's work, to merge (File > Merge with…).
    pub fn note_conflict_copies(&mut self, path: &Path) {
        let copies = crate::exchange::copies::conflict_copies(path);
        if copies.is_empty() {
            return;
        }
        for c in copies {
            let merged = Stamp::read(&c)
                .is_some_and(|s| self.prefs.merged_copies.contains(&(c.clone(), s.token())));
            if !merged {
                self.offer(&c);
            }
        }
    }

    /// Offer another copy of this workspace for merging (once).
    pub(crate) fn offer(&mut self, path: &Path) {
        if !self.offers.iter().any(|p| p == path) {
            self.offers.push(path.to_path_buf());
        }
    }

    /// What an offer says: why this file holds work to merge.
    pub fn offer_text(&self, path: &Path) -> String {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if self.path.as_deref() == Some(path) {
            format!(
                "{name} changed on disk since this window read it (another machine or program \
                 saved it). Save will not write over it: merge the change in, or Save As to keep \
                 this version apart."
            )
        } else {
            format!(
                "A sync client left a conflict copy beside this workspace: {name}. It holds \
                 someone's work: merge it in (then, once saved, the copy can go)."
            )
        }
    }

    /// Read an offered copy on another thread and merge it in when read.
    pub fn merge_offer(&mut self, path: &Path) {
        if !self.ws.conflicts.is_empty() {
            self.settle_first(crate::ui::actions::MERGE_WAITS);
            return;
        }
        self.offers.retain(|p| p != path);
        let p = path.to_path_buf();
        self.spawn_dialog(move || {
            let ws = crate::core::store::load_stamped(&p)
                .map(|(ws, stamp)| (Box::new(ws), stamp))
                .map_err(|e| e.to_string());
            Dialog::Merge(Some((p, ws)))
        });
    }

    /// Merge the copy read from `path` (as `stamp`); when it is the file
    /// this window saves to, what was saved there is now taken in, so Save
    /// may write over it again.
    pub fn merge_loaded(&mut self, path: &Path, theirs: &Workspace, stamp: Stamp) {
        if !self.ws.conflicts.is_empty() {
            self.offer(path);
            self.settle_first(crate::ui::actions::MERGE_WAITS);
            return;
        }
        self.merge_in(path, theirs);
        self.offers.retain(|p| p != path);
        if self.path.as_deref() == Some(path) {
            self.saver.opened(path.to_path_buf(), stamp);
            self.disk = Some((path.to_path_buf(), stamp));
        } else {
            // Not offered again unless it changes.
            let seen = &mut self.prefs.merged_copies;
            seen.retain(|(p, _)| p != path);
            seen.push((path.to_path_buf(), stamp.token()));
            let extra = seen.len().saturating_sub(50);
            seen.drain(..extra);
        }
    }

    /// Merge another copy of this workspace into it, as one undoable step:
    /// what only the other copy has is added, and where both differ this
    /// window's version stays and the other is listed in the Conflicts tab.
    /// The common ancestor is found field by field from what each copy's
    /// saves noted (`core::lineage`): a field only one side changed since
    /// takes that change, a deletion stays deleted; a field changed on both
    /// sides, or one neither copy's history explains, is a conflict.
    pub fn merge_in(&mut self, path: &Path, theirs: &Workspace) {
        let open_before = self.ws.conflicts.len();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let merged = match crate::core::isolate::isolate(|| {
            crate::exchange::merge::merge(None, &self.ws, theirs)
        }) {
            Ok(m) => m,
            Err(p) => {
                self.notices
                    .push(format!("Could not merge {name}: {p}. Nothing was changed."));
                return;
            }
        };
        let fresh = merged.conflicts.len().saturating_sub(open_before);
        let edit = crate::core::history::diff(&self.ws, &merged);
        let counts = changes(&edit);
        self.apply(edit);
        let mut said: Vec<String> = counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(what, n)| format!("{n} {what}"))
            .collect();
        if said.is_empty() {
            said.push("nothing new".into());
        }
        self.notices.push(format!(
            "Merged {name}: {}; {fresh} conflict(s){}.",
            said.join(", "),
            if fresh > 0 {
                " to settle in the Conflicts tab"
            } else {
                ""
            }
        ));
        if !self.ws.conflicts.is_empty() {
            self.bottom_tab = crate::ui::app::BottomTab::Conflicts;
        }
    }

    /// Save to `path` (the current file when None). The snapshot is written
    /// atomically on the saving thread; a failure is reported when it comes
    /// back and the work is marked unsaved again.
    /// A Save (None) does not write over the file if someone changed it on
    /// disk since it was opened or last saved here; a Save As (Some) writes
    /// where the user chose.
    pub fn save_to(&mut self, path: Option<PathBuf>) -> bool {
        let purpose = if path.is_some() {
            save::Purpose::FileAs
        } else {
            save::Purpose::File
        };
        let Some(path) = path.or_else(|| self.path.clone()) else {
            self.send(Command::SaveAs);
            return false;
        };
        // A workspace nobody titled takes the name it is saved under (one
        // undoable step), so its report, figure and exports say it.
        if !self.ws.has_own_title()
            && let Some(t) = Workspace::title_from_file(&path)
        {
            self.set_titles(t, self.ws.notes.clone());
        }
        // What changed since the last save goes into the objects' `past`,
        // for merging copies later without their common ancestor.
        crate::core::lineage::record(&mut self.ws);
        self.saver.save(self.ws.clone(), path.clone(), purpose);
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

    pub(crate) fn poll_saves(&mut self) {
        let done = self.saver.finished();
        self.saves_done(done);
    }

    pub(crate) fn saves_done(&mut self, done: Vec<save::Done>) {
        for d in done {
            match (d.purpose, d.result) {
                (save::Purpose::File | save::Purpose::FileAs, Ok(())) => {
                    if let Some(s) = d.stamp
                        && self.path.as_ref() == Some(&d.path)
                    {
                        self.disk = Some((d.path.clone(), s));
                    }
                    if self.saver.in_flight == 0 && !self.is_dirty() {
                        self.clear_recovery();
                    }
                    // What went wrong with this file before is now moot.
                    let about = format!("{}:", d.path.display());
                    self.notices.retain(|n| !n.starts_with(&about));
                    self.offers.retain(|p| *p != d.path);
                }
                (save::Purpose::File | save::Purpose::FileAs, Err(e)) => {
                    self.notices.push(e);
                    if self.path.as_ref() == Some(&d.path) {
                        self.history.mark_unsaved();
                    }
                }
                (save::Purpose::Recovery, Ok(())) => {
                    if let Some(dir) = d.path.parent() {
                        let meta = serde_json::json!({ "path": self.path });
                        let _ = std::fs::write(recovery_meta(dir), meta.to_string());
                    }
                    self.autosaved_revision = d.revision;
                }
                (save::Purpose::Recovery, Err(_)) => {}
            }
        }
    }

    /// Give an article the text of its new version, keeping its passages
    /// (those not found become orphans, listed in the inspector).
    pub fn reimport(&mut self, article: &Id, new: &crate::core::model::Article) {
        if self
            .ws
            .article(article)
            .is_some_and(|a| a.text_hash == new.text_hash)
        {
            self.notices
                .push("Imported: the new version's text is the same.".into());
            return;
        }
        let Some((edit, r)) = crate::core::anchor::replace_text_edit(&self.ws, article, new) else {
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
}

/// What a merge's edit does, in words and counts: events and articles
/// added, changed and removed.
fn changes(edit: &crate::core::history::Edit) -> [(&'static str, usize); 5] {
    use crate::core::history::Edit;
    fn walk(e: &Edit, n: &mut [usize; 5]) {
        match e {
            Edit::Event { before: None, .. } => n[0] += 1,
            Edit::Event { after: None, .. } => n[2] += 1,
            Edit::Event { .. } => n[1] += 1,
            Edit::Article { before: None, .. } => n[3] += 1,
            Edit::Article { after: Some(_), .. } => n[4] += 1,
            Edit::Batch(v) | Edit::Merge(v) | Edit::Named(_, v) => {
                v.iter().for_each(|e| walk(e, n))
            }
            _ => {}
        }
    }
    let mut n = [0; 5];
    walk(edit, &mut n);
    [
        ("event(s) added", n[0]),
        ("event(s) changed", n[1]),
        ("event(s) removed", n[2]),
        ("article(s) added", n[3]),
        ("article(s) changed", n[4]),
    ]
}
