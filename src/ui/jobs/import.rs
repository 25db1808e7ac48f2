//! A background import: files are read on one thread per core, and the
//! prepared articles (or the reasons files were refused) come back one by
//! one, so the window can show progress and a Cancel button. Knows nothing
//! of the window: [`crate::ui::import`] adds what it read.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::read::prepare::{self, Items, Prepared};
use crate::read::refusal::Refusal;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// A background import: prepared files arrive one by one.
pub struct ImportJob {
    rx: Receiver<ImportMsg>,
    pub total: usize,
    pub done: usize,
    pub prepared: Vec<Prepared>,
    pub refused: usize,
    /// Set when the readers' coordinator says they are all done.
    pub finished: bool,
    /// Fetching web addresses rather than reading files.
    pub web: bool,
    cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

enum ImportMsg {
    /// A file's articles: one, or a feed's items or an export's stories
    /// (a story that could not be read is refused alone).
    Ok(PathBuf, Items),
    Refused(PathBuf, Refusal),
    WorkerDone,
}

impl ImportJob {
    /// Start reading `files` (already expanded from folders); the window
    /// stays responsive.
    pub fn start(files: Vec<PathBuf>) -> ImportJob {
        let (tx, rx) = channel();
        let total = files.len();
        let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        // One reader per core; a coordinating thread says when all are done.
        let workers = prepare::default_workers().min(total);
        {
            let cancel = cancel.clone();
            std::thread::spawn(move || {
                let tx = std::sync::Mutex::new(tx);
                prepare::prepare_parallel(&files, workers, &cancel, |f, r| {
                    let msg = match r {
                        Ok(p) => ImportMsg::Ok(f.to_path_buf(), p),
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
        ImportJob::waiting(rx, total, cancel, false)
    }

    /// Fetch and read web pages (one after another: a site is not asked
    /// for many pages at once); they arrive like files.
    pub fn start_urls(urls: Vec<String>) -> ImportJob {
        let (tx, rx) = channel();
        let total = urls.len();
        let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        {
            let cancel = cancel.clone();
            std::thread::spawn(move || {
                for url in urls {
                    if cancel.load(std::sync::atomic::Ordering::Relaxed) {
                        break;
                    }
                    let read = crate::read::fetch::prepare_url(&url);
                    // Cancelled while it was fetched: what came is not added.
                    if cancel.load(std::sync::atomic::Ordering::Relaxed) {
                        break;
                    }
                    let msg = match read {
                        Ok(p) => ImportMsg::Ok(PathBuf::from(&url), p),
                        Err(r) => ImportMsg::Refused(PathBuf::from(url), r),
                    };
                    if tx.send(msg).is_err() {
                        return;
                    }
                }
                let _ = tx.send(ImportMsg::WorkerDone);
            });
        }
        ImportJob::waiting(rx, total, cancel, true)
    }

    /// A job whose readers were started, nothing read yet.
    fn waiting(
        rx: Receiver<ImportMsg>,
        total: usize,
        cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
        web: bool,
    ) -> ImportJob {
        ImportJob {
            rx,
            total,
            done: 0,
            prepared: vec![],
            refused: 0,
            finished: false,
            web,
            cancel,
        }
    }

    /// Stop reading more files; those already read are still added.
    pub fn cancel(&self) {
        self.cancel
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// Take what the readers have finished; refused files go to `refused`
    /// as (file, reason).
    ///
    /// Every file is read in isolation (a reader's panic is that file's
    /// refusal); should the readers' threads end without saying they are
    /// done, the job still ends, the files not read listed as refused.
    pub fn drain(&mut self, refused: &mut Vec<(String, String)>) {
        loop {
            let msg = match self.rx.try_recv() {
                Ok(msg) => msg,
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    if !self.finished {
                        self.finished = true;
                        let left = self.total.saturating_sub(self.done);
                        if left > 0 {
                            self.refused += left;
                            self.done = self.total;
                            refused.push((
                                format!("{left} file(s) not read"),
                                "the import stopped unexpectedly before reading them".into(),
                            ));
                        }
                    }
                    break;
                }
            };
            match msg {
                ImportMsg::Ok(path, items) => {
                    self.done += 1;
                    for item in items {
                        match item {
                            Ok(p) => self.prepared.push(p),
                            Err(r) => {
                                self.refused += 1;
                                refused.push((path.display().to_string(), r.to_string()))
                            }
                        }
                    }
                }
                ImportMsg::Refused(path, r) => {
                    self.done += 1;
                    self.refused += 1;
                    refused.push((path.display().to_string(), r.to_string()))
                }
                ImportMsg::WorkerDone => self.finished = true,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_whose_readers_vanish_still_ends_and_says_what_was_not_read() {
        let (tx, rx) = channel();
        let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let mut job = ImportJob::waiting(rx, 3, cancel, false);
        tx.send(ImportMsg::Refused("a.html".into(), Refusal::Empty))
            .unwrap();
        // The readers' thread ends without saying it is done.
        drop(tx);
        let mut refused = vec![];
        job.drain(&mut refused);
        assert!(job.finished, "the job would wait forever");
        assert_eq!(job.done, 3);
        assert_eq!(refused.len(), 2, "{refused:?}");
        assert!(refused[1].1.contains("stopped unexpectedly"), "{refused:?}");
    }
}
