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

impl DetenteApp {
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
}
