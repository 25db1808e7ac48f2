//! Crash recovery: unsaved work is written every 20 s to a recovery file in
//! the user's data folder (on the saving thread), offered back at the next
//! start after a crash, and removed once the work is saved or dropped.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::history::History;
use crate::core::store;
use crate::ui::app::DetenteApp;
use crate::ui::jobs::save;
use std::path::{Path, PathBuf};

/// Seconds between autosaves of unsaved work to the recovery file.
const AUTOSAVE_SECS: f64 = 20.0;

pub(crate) fn recovery_file(dir: &Path) -> PathBuf {
    dir.join("recovery.detente")
}

pub(crate) fn recovery_meta(dir: &Path) -> PathBuf {
    dir.join("recovery.json")
}

/// The file a set-aside recovery's facts (the workspace it belongs to)
/// are kept in, beside it.
fn meta_of(file: &Path) -> PathBuf {
    file.with_extension("json")
}

/// The recoveries earlier sessions left and nobody answered, newest first:
/// `recovery-STAMP.detente` beside the current slot.
fn set_aside(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name().is_some_and(|n| {
                        let n = n.to_string_lossy();
                        n.starts_with("recovery-") && n.ends_with(".detente")
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out.reverse();
    out
}

impl DetenteApp {
    /// Use `dir` for the recovery file; offer what an earlier session left.
    ///
    /// What it left is first set aside under its own name, so this
    /// session's autosaves (which use the one slot) can never write over
    /// it, even when the user answers neither Restore nor Discard: a new
    /// user once lost another workspace's recovered work that way.
    pub fn with_recovery_dir(mut self, dir: Option<PathBuf>) -> Self {
        if let Some(d) = &dir {
            if recovery_file(d).exists() {
                let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%3f");
                let aside = d.join(format!("recovery-{stamp}.detente"));
                if std::fs::rename(recovery_file(d), &aside).is_ok() {
                    let _ = std::fs::rename(recovery_meta(d), meta_of(&aside));
                    let _ = std::fs::remove_file(store::backup_path(&recovery_file(d)));
                }
            }
            self.offer_recovery(set_aside(d).into_iter().next());
        }
        self.recovery_dir = dir;
        self
    }

    /// Offer `file` (or nothing), with the workspace it was made from, read
    /// once here rather than by every frame that shows the offer.
    fn offer_recovery(&mut self, file: Option<PathBuf>) {
        self.recovery_from = file.as_ref().and_then(|f| {
            let s = std::fs::read_to_string(meta_of(f)).ok()?;
            let v: serde_json::Value = serde_json::from_str(&s).ok()?;
            v["path"].as_str().map(PathBuf::from)
        });
        self.recovery_offer = file;
    }

    pub(crate) fn autosave(&mut self, now: f64) {
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
        self.saver
            .save(self.ws.clone(), recovery_file(dir), save::Purpose::Recovery);
        // Not again for this revision, whatever the outcome.
        self.autosaved_revision = self.ws.revision.get();
    }

    pub(crate) fn clear_recovery(&mut self) {
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
        let original = self.recovery_from.take();
        let Some(file) = self.recovery_offer.take() else {
            return;
        };
        match store::load(&file) {
            Ok(ws) => {
                // Restored: it is this session's unsaved work now, kept by
                // its autosaves; the set-aside copy has done its job.
                for f in [meta_of(&file), file.clone()] {
                    let _ = std::fs::remove_file(f);
                }
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

    /// Drop the offered recovery (only it: this session's own autosave
    /// stays), and offer the next one an earlier session set aside, if any.
    pub fn discard_recovery(&mut self) {
        if let Some(file) = self.recovery_offer.take() {
            for f in [meta_of(&file), store::backup_path(&file), file] {
                let _ = std::fs::remove_file(f);
            }
        }
        let next = self
            .recovery_dir
            .as_deref()
            .and_then(|d| set_aside(d).into_iter().next());
        self.offer_recovery(next);
    }
}
