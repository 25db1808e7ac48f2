//! Opening a workspace file on a background thread: reading and checking
//! 80 MB takes a moment, and the window keeps drawing meanwhile.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::model::Workspace;
use crate::core::store::{self, Stamp};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

/// A workspace being read; its result arrives on `rx`.
pub struct Opening {
    pub path: PathBuf,
    /// The workspace and the stamp of the file read (see
    /// [`crate::core::store::load_stamped`]), or why it could not be read.
    pub rx: Receiver<Result<(Workspace, Stamp), String>>,
}

/// Start reading `p`.
pub fn start(p: &Path) -> Opening {
    let (tx, rx) = channel();
    let path = p.to_path_buf();
    std::thread::spawn(move || {
        // A workspace file is untrusted input: a panic while reading it is
        // a refusal of that file, and the window's Open ends with it.
        let read =
            crate::core::isolate::isolate(|| store::load_stamped(&path)).unwrap_or_else(|p| {
                Err(store::StoreError::NotWorkspace {
                    file: path.display().to_string(),
                    why: format!("reading it failed ({p})"),
                })
            });
        let _ = tx.send(read.map_err(|e| e.to_string()));
    });
    Opening {
        path: p.to_path_buf(),
        rx,
    }
}
