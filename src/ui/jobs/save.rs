//! Saving off the UI thread. The window hands a snapshot of the workspace
//! (cheap: articles and events are shared, see `core::model::Workspace`) to one
//! long-lived saving thread, which writes snapshots in the order they were
//! given, so an older snapshot can never land over a newer one.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::model::Workspace;
use crate::core::store;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

/// What a save was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The user's file (Save, Save As).
    File,
    /// The recovery file written every few seconds while work is unsaved.
    Recovery,
}

struct Job {
    ws: Workspace,
    path: PathBuf,
    purpose: Purpose,
}

/// A finished save.
pub struct Done {
    pub path: PathBuf,
    pub purpose: Purpose,
    /// The revision of the snapshot that was written.
    pub revision: u64,
    pub result: Result<(), String>,
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
        if self.tx.is_none() {
            let (job_tx, job_rx) = channel::<Job>();
            let (done_tx, done_rx) = channel::<Done>();
            let handle = std::thread::Builder::new()
                .name("detente-save".into())
                .spawn(move || {
                    for job in job_rx {
                        let result = store::save(&job.ws, &job.path).map_err(|e| e.to_string());
                        let revision = job.ws.revision.get();
                        let done = Done {
                            path: job.path,
                            purpose: job.purpose,
                            revision,
                            result,
                        };
                        // Dropping the snapshot here keeps its cost off the UI thread.
                        drop(job.ws);
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
        if let Some(tx) = &self.tx
            && tx.send(Job { ws, path, purpose }).is_ok()
        {
            self.in_flight += 1;
        }
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
