//! Saving off the UI thread. The window hands a snapshot of the workspace
//! (cheap: articles and events are shared, see `core::model::Workspace`) to one
//! long-lived saving thread, which writes snapshots in the order they were
//! given, so an older snapshot can never land over a newer one.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::model::Workspace;
use crate::core::store::{self, Stamp};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

/// What a save was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The user's file (Save): not written if it changed on disk since it
    /// was opened or last saved here.
    File,
    /// A file the user chose (Save As), written whatever is there.
    FileAs,
    /// The recovery file written every few seconds while work is unsaved.
    Recovery,
}

enum Job {
    Save {
        ws: Box<Workspace>,
        path: PathBuf,
        purpose: Purpose,
    },
    /// The file at this path was read with this stamp (it was opened).
    Opened(PathBuf, Stamp),
}

/// A finished save.
pub struct Done {
    pub path: PathBuf,
    pub purpose: Purpose,
    /// The revision of the snapshot that was written.
    pub revision: u64,
    pub result: Result<(), String>,
    /// What the file is now, after a save of the user's file.
    pub stamp: Option<Stamp>,
}

#[derive(Default)]
pub struct Saver {
    tx: Option<Sender<Job>>,
    rx: Option<Receiver<Done>>,
    handle: Option<JoinHandle<()>>,
    /// Saves handed over and not yet reported back.
    pub in_flight: usize,
}

impl Saver {
    /// Queue a snapshot to be written to `path`.
    pub fn save(&mut self, ws: Workspace, path: PathBuf, purpose: Purpose) {
        let ws = Box::new(ws);
        if self.send(Job::Save { ws, path, purpose }) {
            self.in_flight += 1;
        }
    }

    /// Say that `path` was read as `stamp` (opened): a later Save of it is
    /// not written if it changed on disk after that.
    pub fn opened(&mut self, path: PathBuf, stamp: Stamp) {
        self.send(Job::Opened(path, stamp));
    }

    fn send(&mut self, job: Job) -> bool {
        if self.tx.is_none() {
            let (job_tx, job_rx) = channel::<Job>();
            let (done_tx, done_rx) = channel::<Done>();
            let handle = std::thread::Builder::new()
                .name("detente-save".into())
                .spawn(move || {
                    // What each file was when this window last read or wrote
                    // it; a Save does not write over a file that changed since.
                    let mut seen: HashMap<PathBuf, Stamp> = HashMap::new();
                    for job in job_rx {
                        let (ws, path, purpose) = match job {
                            Job::Opened(path, stamp) => {
                                seen.insert(path, stamp);
                                continue;
                            }
                            Job::Save { ws, path, purpose } => (ws, path, purpose),
                        };
                        let mut stamp = None;
                        let result = match purpose {
                            Purpose::Recovery => store::save(&ws, &path),
                            Purpose::File | Purpose::FileAs => {
                                let expect = match purpose {
                                    Purpose::File => seen.get(&path).copied(),
                                    _ => None,
                                };
                                store::save_unless_changed(&ws, &path, expect).map(|s| {
                                    seen.insert(path.clone(), s);
                                    stamp = Some(s);
                                })
                            }
                        };
                        let revision = ws.revision.get();
                        let done = Done {
                            path,
                            purpose,
                            revision,
                            result: result.map_err(|e| e.to_string()),
                            stamp,
                        };
                        // Dropping the snapshot here keeps its cost off the UI thread.
                        drop(ws);
                        if done_tx.send(done).is_err() {
                            return;
                        }
                    }
                })
                .ok();
            self.tx = Some(job_tx);
            self.rx = Some(done_rx);
            self.handle = handle;
        }
        self.tx.as_ref().is_some_and(|tx| tx.send(job).is_ok())
    }

    /// Saves finished since the last call.
    pub fn finished(&mut self) -> Vec<Done> {
        let Some(rx) = &self.rx else { return vec![] };
        let done: Vec<Done> = rx.try_iter().collect();
        self.in_flight -= done.len().min(self.in_flight);
        done
    }

    /// Block until every queued save is written (before the window closes).
    pub fn wait(&mut self) -> Vec<Done> {
        let mut out = vec![];
        while self.in_flight > 0 {
            let Some(rx) = &self.rx else { break };
            match rx.recv() {
                Ok(d) => {
                    self.in_flight -= 1;
                    out.push(d);
                }
                Err(_) => break,
            }
        }
        out
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        // Finish writing whatever was queued; never leave a save behind.
        self.tx = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}
