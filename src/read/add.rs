//! The one place prepared articles join a workspace: in file order, with
//! fresh ids in that order, each text once (a duplicate of an article
//! already there, or of an earlier file of the same batch, is reported,
//! not added). The command line adds them directly; the window wraps them
//! in one undoable edit.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use crate::core::model::{Article, Id, Workspace, new_id};
use crate::read::prepare::{
    Prepared, collect_files, default_workers, prepare_parallel, strip_boilerplate,
};
use crate::read::refusal::Refusal;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

/// What happened to one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Added {
        id: String,
        title: String,
    },
    Duplicate {
        path: PathBuf,
        of: String,
    },
    Refused {
        path: PathBuf,
        reason: Refusal,
    },
    /// A feed, read as this many items (each has its own outcome).
    Feed {
        path: PathBuf,
        items: usize,
    },
    /// Read through a link that leads out of the imported folder.
    Outside {
        path: PathBuf,
        target: PathBuf,
    },
}

/// Import files and folders into the workspace, one outcome per file, in
/// the order of the files; with `clean`, proposed boilerplate lines are
/// dropped first. Files are read on every core.
pub fn import_paths(ws: &mut Workspace, paths: &[PathBuf], clean: bool) -> Vec<Outcome> {
    let collected = collect_files(paths);
    let files = collected.files;
    let results = std::sync::Mutex::new(Vec::with_capacity(files.len()));
    let feeds = std::sync::Mutex::new(Vec::new());
    prepare_parallel(
        &files,
        default_workers(),
        &AtomicBool::new(false),
        |f, r| {
            // Boilerplate is dropped on the worker, outside the locks.
            let (mut read, mut feed) = (vec![], vec![]);
            gather(f, r, clean, &mut read, &mut feed);
            if let (Ok(mut v), Ok(mut feeds)) = (results.lock(), feeds.lock()) {
                v.append(&mut read);
                feeds.append(&mut feed);
            }
        },
    );
    let mut results = results.into_inner().unwrap_or_default();
    results.extend(collected.skipped.into_iter().map(|(p, r)| (p, Err(r))));
    let (articles, admitted) = admit(ws, results);
    let mut feeds = feeds.into_inner().unwrap_or_default();
    feeds.sort_by(|a, b| match (a, b) {
        (Outcome::Feed { path: a, .. }, Outcome::Feed { path: b, .. }) => a.cmp(b),
        _ => std::cmp::Ordering::Equal,
    });
    let mut out = feeds;
    out.extend(admitted);
    out.extend(
        collected
            .outside
            .into_iter()
            .map(|(path, target)| Outcome::Outside { path, target }),
    );
    if !articles.is_empty() {
        ws.articles.extend(articles.into_iter().map(Into::into));
        ws.touch();
    }
    out
}

/// One source's read articles (or its refusal) into `results`, each with
/// its proposed boilerplate dropped when `clean`; a feed is noted in
/// `feeds` with its number of items.
fn gather(
    path: &std::path::Path,
    read: Result<Vec<Prepared>, Refusal>,
    clean: bool,
    results: &mut Vec<(PathBuf, Result<Prepared, Refusal>)>,
    feeds: &mut Vec<Outcome>,
) {
    match read {
        Ok(all) => {
            if all.first().is_some_and(|p| p.encoding == "feed") {
                feeds.push(Outcome::Feed {
                    path: path.to_path_buf(),
                    items: all.len(),
                });
            }
            results.extend(all.into_iter().map(|mut p| {
                if clean {
                    strip_boilerplate(&mut p.article);
                }
                (path.to_path_buf(), Ok(p))
            }));
        }
        Err(e) => results.push((path.to_path_buf(), Err(e))),
    }
}

/// Import web pages (or feeds) from their addresses, one after another,
/// like [`import_paths`]: one outcome per article, refusals naming the
/// address.
pub fn import_urls(ws: &mut Workspace, urls: &[String], clean: bool) -> Vec<Outcome> {
    let mut results = vec![];
    let mut feeds = vec![];
    for url in urls {
        let r = crate::read::fetch::prepare_url(url);
        gather(
            std::path::Path::new(url),
            r,
            clean,
            &mut results,
            &mut feeds,
        );
    }
    let (articles, admitted) = admit(ws, results);
    if !articles.is_empty() {
        ws.articles.extend(articles.into_iter().map(Into::into));
        ws.touch();
    }
    feeds.extend(admitted);
    feeds
}

/// The articles to add to `ws` from read files, and one outcome per file,
/// both in the order of the files (whichever reader finished first): ids
/// are given in that order, so the library lists files in that order, and a
/// text already in `ws` or earlier in the batch is a duplicate.
pub fn admit(
    ws: &Workspace,
    mut results: Vec<(PathBuf, Result<Prepared, Refusal>)>,
) -> (Vec<Article>, Vec<Outcome>) {
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let known: HashMap<&str, Id> = ws
        .articles
        .iter()
        .map(|a| (a.text_hash.as_str(), a.id.clone()))
        .collect();
    let mut batch: HashMap<String, Id> = HashMap::new();
    let mut articles = vec![];
    let out = results
        .into_iter()
        .map(|(path, r)| match r {
            Err(reason) => Outcome::Refused { path, reason },
            Ok(p) => {
                let hash = &p.article.text_hash;
                if let Some(of) = known.get(hash.as_str()).or_else(|| batch.get(hash)) {
                    return Outcome::Duplicate {
                        path,
                        of: of.clone(),
                    };
                }
                let mut article = p.article;
                article.id = new_id("art");
                batch.insert(article.text_hash.clone(), article.id.clone());
                let (id, title) = (article.id.clone(), article.title.clone());
                articles.push(article);
                Outcome::Added { id, title }
            }
        })
        .collect();
    (articles, out)
}
