//! Native file dialogs (rfd) run on their own thread so the window keeps
//! drawing; what the user picked comes back as a [`Dialog`] message. A new
//! version of an article is even read on that thread.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::model::{Id, Workspace};
use crate::core::store::Stamp;
use crate::exchange::agree::Agreement;
use crate::read::prepare::Prepared;
use crate::read::refusal::Refusal;
use std::path::PathBuf;
use std::sync::mpsc::Sender;

pub enum Dialog {
    Open(Option<PathBuf>),
    SaveAs(Option<PathBuf>),
    Import(Vec<PathBuf>),
    Export(Option<PathBuf>, bool),
    /// A new version of an article, read on the dialog's thread.
    Reimport(Id, Option<Result<Box<Prepared>, (PathBuf, Refusal)>>),
    /// Another copy of the workspace, read on the dialog's thread.
    Merge(Option<(PathBuf, Result<Loaded, String>)>),
    /// Another annotator's copy, read and compared on the dialog's thread.
    Compare(Option<(PathBuf, Result<Box<Agreement>, String>)>),
    /// A file chooser came back empty at once: none could be shown (on
    /// Linux, no xdg-desktop-portal is running).
    NoChooser,
}

impl Dialog {
    /// Whether the user picked nothing (cancelled, or no chooser showed).
    fn picked_nothing(&self) -> bool {
        match self {
            Dialog::Open(p) | Dialog::SaveAs(p) | Dialog::Export(p, _) => p.is_none(),
            Dialog::Import(v) => v.is_empty(),
            Dialog::Reimport(_, r) => r.is_none(),
            Dialog::Merge(r) => r.is_none(),
            Dialog::Compare(r) => r.is_none(),
            Dialog::NoChooser => false,
        }
    }
}

/// A workspace read for merging, and the stamp of the file read.
pub type Loaded = (Box<Workspace>, Stamp);

/// Run `make` (which shows a dialog) on a new thread and send its answer.
pub fn spawn(tx: &Sender<Dialog>, make: impl FnOnce() -> Dialog + Send + 'static) {
    let tx = tx.clone();
    std::thread::spawn(move || {
        let started = std::time::Instant::now();
        let answer = make();
        // Nobody cancels a chooser within a quarter of a second: none
        // was shown.
        let answer = if answer.picked_nothing()
            && started.elapsed() < std::time::Duration::from_millis(250)
        {
            Dialog::NoChooser
        } else {
            answer
        };
        let _ = tx.send(answer);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chooser_that_comes_back_empty_at_once_was_never_shown() {
        let (tx, rx) = std::sync::mpsc::channel();
        spawn(&tx, || Dialog::Open(None));
        assert!(matches!(rx.recv().unwrap(), Dialog::NoChooser));
        // A person who cancels takes longer: that is a plain cancel.
        spawn(&tx, || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            Dialog::Open(None)
        });
        assert!(matches!(rx.recv().unwrap(), Dialog::Open(None)));
        // Something picked is never taken for a missing chooser.
        spawn(&tx, || Dialog::Open(Some("w.detente".into())));
        assert!(matches!(rx.recv().unwrap(), Dialog::Open(Some(_))));
    }
}
