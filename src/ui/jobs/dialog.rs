//! File choosers: what one is for ([`Pick`]), the chooser itself, native
//! (rfd: the desktop's, through xdg-desktop-portal on Linux) or, where the
//! desktop has none, Detente's own in the window (egui_file), and the work
//! that follows a pick (reading a workspace to merge or compare, preparing
//! a new version of an article). Choosers and that work run on their own
//! thread so the window keeps drawing; the result comes back as a
//! [`Dialog`] message.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::model::{Id, Workspace};
use crate::core::store::Stamp;
use crate::exchange::agree::Agreement;
use crate::exchange::formats::Format;
use crate::read::prepare;
use crate::read::prepare::Prepared;
use crate::read::refusal::Refusal;
use std::path::Path;
use std::path::PathBuf;
use std::sync::mpsc::Sender;

pub enum Dialog {
    Open(Option<PathBuf>),
    SaveAs(Option<PathBuf>),
    Import(Vec<PathBuf>),
    Export(Option<PathBuf>, Format),
    /// A new version of an article, read on the dialog's thread.
    Reimport(Id, Option<Result<Box<Prepared>, (PathBuf, Refusal)>>),
    /// Another copy of the workspace, read on the dialog's thread.
    Merge(Option<(PathBuf, Result<Loaded, String>)>),
    /// Another annotator's copy, read and compared on the dialog's thread.
    Compare(Option<(PathBuf, Result<Box<Agreement>, String>)>),
    /// The desktop's chooser came back empty at once: none could be shown
    /// (on Linux, no xdg-desktop-portal is running). The pick is still to
    /// be made, in the window.
    NoChooser(Pick),
    /// A file written where the user picked (a CSV of passages), or why not.
    Saved(Option<(PathBuf, Result<(), String>)>),
    /// The work that followed a pick failed on an internal error (a panic
    /// caught on the dialog's thread): what to tell the user.
    Failed(String),
}

/// The kinds of file a chooser offers articles for.
const ARTICLES: &[&str] = &[
    "txt", "text", "md", "xml", "html", "htm", "xhtml", "pdf", "docx", "rtf", "qdpx", "qde", "rss",
    "atom", "rdf",
];

/// What the user is choosing a file for.
pub enum Pick {
    Open,
    /// Where to save the workspace, offering `name`.
    SaveAs(String),
    /// Articles to import (several at once).
    Import,
    /// Where to export in a format, offering `name`.
    Export(Format, String),
    /// A new version of an article's text.
    Reimport(Id),
    /// Where to save a CSV of the Retrieve tab's passages: the name
    /// offered, and the text.
    SaveCsv(String, String),
    /// Another copy of the workspace, to merge.
    Merge,
    /// Another annotator's copy, to compare with this workspace (a cheap,
    /// shared copy of it).
    Compare(Box<Workspace>),
}

/// What a file chooser is choosing, for where it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// A workspace to open or save.
    Workspace,
    /// Sources to import, re-import, merge or compare.
    Sources,
    /// Exports and saved tables.
    Outputs,
}

impl Pick {
    /// What kind of file it chooses, for where its chooser opens.
    pub fn place(&self) -> Place {
        match self {
            Pick::Open | Pick::SaveAs(_) => Place::Workspace,
            Pick::Import | Pick::Reimport(_) | Pick::Merge | Pick::Compare(_) => Place::Sources,
            Pick::Export(..) | Pick::SaveCsv(..) => Place::Outputs,
        }
    }

    /// Whether it saves (asks for a new file's name) rather than opens.
    fn saves(&self) -> bool {
        matches!(self, Pick::SaveAs(_) | Pick::Export(..) | Pick::SaveCsv(..))
    }

    /// The file-name extensions offered, and what to call them.
    fn filter(&self) -> (&'static str, Vec<&'static str>) {
        match self {
            Pick::Open | Pick::SaveAs(_) | Pick::Merge | Pick::Compare(_) => {
                ("Detente workspace", vec!["detente"])
            }
            Pick::Import | Pick::Reimport(_) => ("Articles", ARTICLES.to_vec()),
            Pick::Export(f, _) => (f.label(), vec![f.extension()]),
            Pick::SaveCsv(..) => ("Passages, CSV", vec!["csv"]),
        }
    }

    fn offered_name(&self) -> Option<&str> {
        match self {
            Pick::SaveAs(n) | Pick::Export(_, n) | Pick::SaveCsv(n, _) => Some(n),
            _ => None,
        }
    }

    /// The desktop's chooser (blocks until closed); None when cancelled,
    /// or when no chooser could be shown.
    pub fn native(&self, dir: Option<PathBuf>) -> Option<Vec<PathBuf>> {
        let (what, exts) = self.filter();
        let mut d = rfd::FileDialog::new().add_filter(what, &exts);
        if let Some(dir) = dir {
            d = d.set_directory(dir);
        }
        if let Some(name) = self.offered_name() {
            d = d.set_file_name(name);
        }
        match self {
            Pick::Import => d.pick_files(),
            _ if self.saves() => d.save_file().map(|p| vec![p]),
            _ => d.pick_file().map(|p| vec![p]),
        }
    }

    /// Detente's own chooser, shown in the window.
    pub fn in_window(&self, dir: Option<PathBuf>) -> egui_file::FileDialog {
        let (what, exts) = self.filter();
        let mut d = if self.saves() {
            egui_file::FileDialog::save_file()
        } else {
            egui_file::FileDialog::open_file()
        };
        if let Some(name) = self.offered_name() {
            d = d.default_filename(name);
        }
        if let Some(dir) = dir {
            d = d.initial_path(dir);
        }
        let exts: Vec<String> = exts.iter().map(|e| e.to_string()).collect();
        // In the middle of the window, below the notices (the one that
        // says why this chooser shows is at the top).
        d.anchor(egui::Align2::CENTER_CENTER, [0.0, 40.0])
            .title(&format!("Choose: {what}"))
            .multi_select(matches!(self, Pick::Import))
            .show_files_filter(Box::new(move |p: &Path| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)))
            }))
    }

    /// The message for what was picked (nothing: cancelled), after the
    /// work that follows a pick.
    pub fn follow(self, mut paths: Vec<PathBuf>) -> Dialog {
        let one = (!paths.is_empty()).then(|| paths.remove(0));
        match self {
            Pick::Open => Dialog::Open(one),
            Pick::SaveAs(_) => Dialog::SaveAs(one),
            Pick::Import => {
                paths.splice(0..0, one);
                Dialog::Import(paths)
            }
            Pick::Export(f, _) => Dialog::Export(one, f),
            // Written off the window's thread, as it was picked.
            Pick::SaveCsv(_, text) => Dialog::Saved(one.map(|p| {
                let p = if p.extension().is_none() {
                    p.with_extension("csv")
                } else {
                    p
                };
                let done =
                    crate::core::store::save_bytes(text.as_bytes(), &p).map_err(|e| e.to_string());
                (p, done)
            })),
            Pick::Reimport(article) => Dialog::Reimport(
                article,
                one.map(|p| {
                    prepare::prepare_file(&p, None)
                        .map(Box::new)
                        .map_err(|e| (p, e))
                }),
            ),
            Pick::Merge => Dialog::Merge(one.map(|p| {
                let ws = crate::core::store::load_stamped(&p)
                    .map(|(ws, stamp)| (Box::new(ws), stamp))
                    .map_err(|e| e.to_string());
                (p, ws)
            })),
            Pick::Compare(ours) => Dialog::Compare(one.map(|p| {
                let report = crate::core::store::load(&p)
                    .map(|theirs| Box::new(crate::exchange::agree::agree(&ours, &theirs)))
                    .map_err(|e| e.to_string());
                (p, report)
            })),
        }
    }
}

/// A workspace read for merging, and the stamp of the file read.
pub type Loaded = (Box<Workspace>, Stamp);

/// Run `make` on a new thread and send its answer.
pub fn spawn(tx: &Sender<Dialog>, make: impl FnOnce() -> Dialog + Send + 'static) {
    let tx = tx.clone();
    std::thread::spawn(move || {
        let answer = crate::core::isolate::isolate(make)
            .unwrap_or_else(|p| Dialog::Failed(format!("That did not work: {p}.")));
        let _ = tx.send(answer);
    });
}

/// Show a chooser for `pick` on a new thread (`chooser`: the desktop's,
/// see `Pick::native`) and send what follows the pick. A chooser that
/// comes back empty within a quarter of a second was never shown (nobody
/// cancels that fast): [`Dialog::NoChooser`] hands the pick back.
pub fn spawn_pick(
    tx: &Sender<Dialog>,
    pick: Pick,
    chooser: impl FnOnce(&Pick) -> Option<Vec<PathBuf>> + Send + 'static,
) {
    let tx = tx.clone();
    std::thread::spawn(move || {
        let started = std::time::Instant::now();
        let got = chooser(&pick);
        let answer = match got {
            None if started.elapsed() < std::time::Duration::from_millis(250) => {
                Dialog::NoChooser(pick)
            }
            // Reading the file picked is one input's work: a panic there
            // is a message, and the window goes on.
            got => {
                let paths = got.unwrap_or_default();
                let named = paths.first().map(|p| p.display().to_string());
                crate::core::isolate::isolate(|| pick.follow(paths)).unwrap_or_else(|p| {
                    Dialog::Failed(format!(
                        "Could not read {}: {p}.",
                        named.unwrap_or_else(|| "the file".into())
                    ))
                })
            }
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
        spawn_pick(&tx, Pick::Open, |_| None);
        assert!(matches!(rx.recv().unwrap(), Dialog::NoChooser(Pick::Open)));
        // A person who cancels takes longer: that is a plain cancel.
        spawn_pick(&tx, Pick::Open, |_| {
            std::thread::sleep(std::time::Duration::from_millis(300));
            None
        });
        assert!(matches!(rx.recv().unwrap(), Dialog::Open(None)));
        // Something picked is never taken for a missing chooser.
        spawn_pick(&tx, Pick::Open, |_| Some(vec!["w.detente".into()]));
        assert!(matches!(rx.recv().unwrap(), Dialog::Open(Some(_))));
        spawn_pick(&tx, Pick::Import, |_| {
            Some(vec!["a.txt".into(), "b.html".into()])
        });
        assert!(matches!(rx.recv().unwrap(), Dialog::Import(v) if v.len() == 2));
    }
}
