//! The one place prepared articles join a workspace: in file order, with
//! fresh ids in that order, each text once (a duplicate of an article
//! already there, or of an earlier file of the same batch, is reported,
//! not added). The command line adds them directly; the window wraps them
//! in one undoable edit.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use crate::core::model::{Article, Id, Workspace, new_id};
use crate::read::prepare::{
    Items, Prepared, collect_files, default_workers, prepare_parallel, strip_boilerplate,
};
use crate::read::refusal::Refusal;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
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
        /// Which story or item of a file of many it is ("story 3 of 19,
        /// “Title”"); empty for a file of one article.
        item: String,
    },
    Refused {
        path: PathBuf,
        reason: Refusal,
    },
    /// A feed or a database export, read as this many items or stories
    /// (each has its own outcome); `kind` is "feed" or what the export is
    /// ("Factiva export").
    Feed {
        path: PathBuf,
        items: usize,
        kind: &'static str,
    },
    /// Read through a link that leads out of the imported folder.
    Outside {
        path: PathBuf,
        target: PathBuf,
    },
}

/// Sources read and not yet added: each file's (or address's) articles or
/// refusal, the feeds among them, and links read from outside a folder.
/// Reading needs no workspace, so the command line reads before it takes
/// the workspace's lock and holds the lock only to add and save.
#[derive(Debug, Default)]
pub struct Batch {
    results: Vec<(PathBuf, Result<Prepared, Refusal>)>,
    feeds: Vec<Outcome>,
    outside: Vec<Outcome>,
}

impl Batch {
    /// Add one source's read articles (or its refusal), each with its
    /// proposed boilerplate dropped when `clean`; a feed is noted with its
    /// number of items.
    fn gather(&mut self, path: &Path, read: Result<Items, Refusal>, clean: bool) {
        match read {
            Ok(all) => {
                if let Some(kind) = all
                    .iter()
                    .flatten()
                    .map(|p| p.encoding)
                    .find(|e| *e == "feed" || e.ends_with(" export"))
                {
                    self.feeds.push(Outcome::Feed {
                        path: path.to_path_buf(),
                        items: all.iter().filter(|r| r.is_ok()).count(),
                        kind,
                    });
                }
                self.results.extend(all.into_iter().map(|r| {
                    let r = r.map(|mut p| {
                        if clean {
                            strip_boilerplate(&mut p.article);
                        }
                        p
                    });
                    (path.to_path_buf(), r)
                }));
            }
            Err(e) => self.results.push((path.to_path_buf(), Err(e))),
        }
    }

    /// Whether any source was refused.
    pub fn any_refused(&self) -> bool {
        self.results.iter().any(|(_, r)| r.is_err())
    }
}

/// Read files and folders on every core, without a workspace (see
/// [`add_batch`]); with `clean`, proposed boilerplate lines are dropped.
/// A file whose reader panics is refused; the others are read.
pub fn read_paths(paths: &[PathBuf], clean: bool) -> Batch {
    let collected = collect_files(paths);
    let batch = Mutex::new(Batch::default());
    prepare_parallel(
        &collected.files,
        default_workers(),
        &AtomicBool::new(false),
        |f, r| {
            // Boilerplate is dropped on the worker, outside the lock.
            let mut one = Batch::default();
            one.gather(f, r, clean);
            if let Ok(mut b) = batch.lock() {
                b.results.append(&mut one.results);
                b.feeds.append(&mut one.feeds);
            }
        },
    );
    let mut batch = batch.into_inner().unwrap_or_default();
    batch
        .results
        .extend(collected.skipped.into_iter().map(|(p, r)| (p, Err(r))));
    batch.feeds.sort_by(|a, b| match (a, b) {
        (Outcome::Feed { path: a, .. }, Outcome::Feed { path: b, .. }) => a.cmp(b),
        _ => std::cmp::Ordering::Equal,
    });
    batch.outside = collected
        .outside
        .into_iter()
        .map(|(path, target)| Outcome::Outside { path, target })
        .collect();
    batch
}

/// Fetch and read web pages (or feeds) from their addresses, without a
/// workspace. Addresses on one site (scheme, host and port) are fetched
/// one after another, so no site is asked for many pages at once; sites
/// are fetched side by side (at most eight at a time), so a silent one
/// holds up only its own pages.
pub fn read_urls(urls: &[String], clean: bool) -> Batch {
    let mut sites: Vec<(String, Vec<&String>)> = vec![];
    for u in urls {
        let site =
            url::Url::parse(u).map_or_else(|_| u.clone(), |p| p.origin().ascii_serialization());
        match sites.iter_mut().find(|(s, _)| *s == site) {
            Some((_, list)) => list.push(u),
            None => sites.push((site, vec![u])),
        }
    }
    let fetched = Mutex::new(Vec::with_capacity(urls.len()));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some((_, list)) = sites.get(i) else { break };
            for u in list {
                let r = crate::read::fetch::prepare_url(u);
                if let Ok(mut v) = fetched.lock() {
                    v.push(((*u).clone(), r));
                }
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 0..sites.len().clamp(1, 8) {
            s.spawn(work);
        }
    });
    let mut fetched = fetched.into_inner().unwrap_or_default();
    // In the order given, whichever site answered first.
    fetched.sort_by_key(|(u, _)| urls.iter().position(|x| x == u));
    let mut batch = Batch::default();
    for (u, r) in fetched {
        batch.gather(Path::new(&u), r, clean);
    }
    batch
}

/// Add what was read to `ws` (see [`admit`]): one outcome per article or
/// refusal, feeds first and links from outside last.
pub fn add_batch(ws: &mut Workspace, batch: Batch) -> Vec<Outcome> {
    let (articles, admitted) = admit(ws, batch.results);
    let mut out = batch.feeds;
    out.extend(admitted);
    out.extend(batch.outside);
    if !articles.is_empty() {
        ws.articles.extend(articles.into_iter().map(Into::into));
        ws.touch();
    }
    out
}

/// Import files and folders into the workspace, one outcome per file, in
/// the order of the files; with `clean`, proposed boilerplate lines are
/// dropped first. Files are read on every core.
pub fn import_paths(ws: &mut Workspace, paths: &[PathBuf], clean: bool) -> Vec<Outcome> {
    add_batch(ws, read_paths(paths, clean))
}

/// Import web pages (or feeds) from their addresses, like
/// [`import_paths`]: one outcome per article, refusals naming the address.
pub fn import_urls(ws: &mut Workspace, urls: &[String], clean: bool) -> Vec<Outcome> {
    add_batch(ws, read_urls(urls, clean))
}

/// "story 3 of 19, “Title”" for a story of an export, "item “Title”" for
/// a feed's; empty for a file of one article.
fn item_name(p: &Prepared) -> String {
    let title = crate::text::normalise::one_line(&p.article.title);
    let from = &p.article.imported_from;
    if let Some(k) = from
        .rfind(" (story ")
        .and_then(|i| from[i + 2..].strip_suffix(')'))
    {
        format!("{k}, “{title}”")
    } else if p.encoding == "feed" {
        format!("item “{title}”")
    } else {
        String::new()
    }
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
    // A database story is the same story by its id there too: two
    // overlapping exports may give it with different furniture.
    let db_key = |a: &Article| {
        (!a.database.is_empty() && !a.database_id.is_empty())
            .then(|| format!("{}\u{1f}{}", a.database, a.database_id))
    };
    let mut known_db: HashMap<String, Id> = ws
        .articles
        .iter()
        .filter_map(|a| db_key(a).map(|k| (k, a.id.clone())))
        .collect();
    let mut batch: HashMap<String, Id> = HashMap::new();
    let mut articles = vec![];
    let out = results
        .into_iter()
        .map(|(path, r)| match r {
            Err(reason) => Outcome::Refused { path, reason },
            Ok(p) => {
                let hash = &p.article.text_hash;
                let by_id = db_key(&p.article).and_then(|k| known_db.get(&k).cloned());
                if let Some(of) = known
                    .get(hash.as_str())
                    .or_else(|| batch.get(hash))
                    .cloned()
                    .or(by_id)
                {
                    return Outcome::Duplicate {
                        path,
                        of,
                        item: item_name(&p),
                    };
                }
                let mut article = p.article;
                article.id = new_id("art");
                batch.insert(article.text_hash.clone(), article.id.clone());
                if let Some(k) = db_key(&article) {
                    known_db.insert(k, article.id.clone());
                }
                let (id, title) = (article.id.clone(), article.title.clone());
                articles.push(article);
                Outcome::Added { id, title }
            }
        })
        .collect();
    (articles, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 29: the same database story in two overlapping exports (its
    /// text differing by the exports' furniture) is one story, by its id
    /// in the database; stories of other databases or without an id are
    /// told apart by text only.
    #[test]
    fn a_database_story_is_a_duplicate_by_its_id_too() {
        let story = |text: &str, db: &str, id: &str| {
            let mut a = Article::new("Talks", text);
            a.database = db.into();
            a.database_id = id.into();
            (
                PathBuf::from("export.xml"),
                Ok(Prepared {
                    path: PathBuf::from("export.xml"),
                    article: a,
                    encoding: "Factiva export",
                }),
            )
        };
        let mut ws = Workspace::new("w");
        let (articles, _) = admit(&ws, vec![story("Talks\n\nThey met.", "Factiva", "LBA1")]);
        ws.articles.extend(articles.into_iter().map(Into::into));
        let (added, out) = admit(
            &ws,
            vec![
                story("Talks\n\nThey met, the agency said.", "Factiva", "LBA1"),
                story("Talks\n\nOther.", "ProQuest", "LBA1"),
                story("Talks\n\nThird.", "Factiva", ""),
            ],
        );
        assert!(matches!(out[0], Outcome::Duplicate { .. }), "{out:?}");
        assert_eq!(added.len(), 2, "{out:?}");
    }
}
