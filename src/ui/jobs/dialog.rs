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
}

/// A workspace read for merging, and the stamp of the file read.
pub type Loaded = (Box<Workspace>, Stamp);

/// Run `make` (which shows a dialog) on a new thread and send its answer.
pub fn spawn(tx: &Sender<Dialog>, make: impl FnOnce() -> Dialog + Send + 'static) {
    let tx = tx.clone();
    std::thread::spawn(move || {
        let _ = tx.send(make());
    });
}
