//! Importing from the window: start a background import, and when it is
//! done add its articles as one undoable step (through
//! [`crate::read::add`]) and say what happened.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

use crate::core::history::Edit;
use crate::exchange::qdpx::open::{import_project, is_project};
use crate::read::add;
use crate::read::prepare;
use crate::ui::app::DetenteApp;
use crate::ui::jobs::import::ImportJob;
use std::path::PathBuf;

impl DetenteApp {
    /// Read files on a background thread; the window stays responsive.
    pub fn start_import(&mut self, paths: Vec<PathBuf>) {
        // The refusals listed are this import's, not an earlier one's.
        self.refused.clear();
        let (projects, paths): (Vec<PathBuf>, Vec<PathBuf>) =
            paths.into_iter().partition(|p| is_project(p));
        for p in projects {
            self.import_project(&p);
        }
        if paths.is_empty() {
            return;
        }
        let c = prepare::collect_files(&paths);
        for (p, why) in c.skipped {
            self.refused
                .push((p.display().to_string(), why.to_string()));
        }
        for (p, target) in c.outside {
            self.notices.push(format!(
                "{} is a link to {}, outside the imported folder: its text is imported.",
                p.display(),
                target.display()
            ));
        }
        if c.files.is_empty() {
            return;
        }
        self.import_job = Some(ImportJob::start(c.files));
    }

    /// Fetch web pages on a background thread and import them like files.
    pub fn start_url_import(&mut self, urls: Vec<String>) {
        let urls: Vec<String> = urls.into_iter().map(|u| u.trim().to_string()).collect();
        if urls.is_empty() {
            return;
        }
        self.refused.clear();
        self.import_job = Some(ImportJob::start_urls(urls));
    }

    /// A REFI-QDA project (`.qdpx`, `.qde`): its sources and coded passages
    /// join the workspace as one undoable step, and the notices say what
    /// came in, how positions were read and what was left out.
    pub fn import_project(&mut self, path: &std::path::Path) {
        let docx = |b: &[u8]| crate::read::docx::read_docx(b).map(|d| d.text);
        match import_project(&self.ws, path, &docx) {
            Ok((after, summary)) => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                for line in summary.lines() {
                    self.notices.push(format!("{name}: {line}"));
                }
                let edit = crate::core::history::diff(&self.ws, &after);
                self.apply(edit);
            }
            Err(e) => self.refused.push((path.display().to_string(), e)),
        }
    }

    /// Stop reading more files; those already read are still added.
    pub fn cancel_import(&mut self) {
        if let Some(job) = &self.import_job {
            job.cancel();
        }
    }

    /// Collect finished import work; when every reader is done, add the
    /// articles as one undoable step and say what happened.
    pub fn poll_import(&mut self) {
        let Some(job) = &mut self.import_job else {
            return;
        };
        job.drain(&mut self.refused);
        if !job.finished {
            return;
        }
        let job = self.import_job.take().expect("checked above");
        let cancelled = job.done < job.total;
        let mut feeds: std::collections::BTreeMap<PathBuf, usize> = Default::default();
        // Database exports by kind ("Factiva export"): their files and stories.
        let mut exports: std::collections::BTreeMap<
            &str,
            (std::collections::BTreeSet<PathBuf>, usize),
        > = Default::default();
        for p in &job.prepared {
            if p.encoding == "feed" {
                *feeds.entry(p.path.clone()).or_default() += 1;
            } else if p.encoding.ends_with(" export") {
                let e = exports.entry(p.encoding).or_default();
                e.0.insert(p.path.clone());
                e.1 += 1;
            }
        }
        let read = job.prepared.into_iter().map(|p| (p.path.clone(), Ok(p)));
        let (articles, outcomes) = add::admit(&self.ws, read.collect());
        let mut duplicates = 0;
        for o in outcomes {
            if let add::Outcome::Duplicate { path, of, item } = o {
                duplicates += 1;
                // Which article it repeats (a feed's items share one path).
                let title = self
                    .ws
                    .article(&of)
                    .map(|a| a.title.clone())
                    .or_else(|| {
                        articles
                            .iter()
                            .find(|a| a.id == of)
                            .map(|a| a.title.clone())
                    })
                    .unwrap_or_default();
                // "story 3 of 19, “Title”: already in the workspace" when
                // the story's title is the one it repeats.
                let why = if item.is_empty() {
                    format!("already in the workspace as “{title}” (duplicate)")
                } else if item.ends_with(&format!("“{title}”")) {
                    format!("{item}: already in the workspace (duplicate)")
                } else {
                    format!("{item}: already in the workspace as “{title}” (duplicate)")
                };
                self.refused.push((path.display().to_string(), why));
            }
        }
        let n = articles.len();
        // A database gives every story its date: one without is worth a word.
        let undated = articles
            .iter()
            .filter(|a| a.published.is_none() && !a.database.is_empty())
            .count();
        if n > 0 {
            let first_added = articles.first().map(|a| a.id.clone());
            // "Undo import articles": one step for them all, said so.
            let label = if n == 1 {
                "import article"
            } else {
                "import articles"
            };
            self.apply(Edit::Named(
                label,
                articles.into_iter().map(Edit::new_article).collect(),
            ));
            self.selected_article = first_added;
        }
        let plural = |k: usize, w: &str| format!("{k} {w}{}", if k == 1 { "" } else { "s" });
        let mut summary = format!("Imported {}", plural(n, "article"));
        // What the feeds and exports were read as, in one bracket.
        let mut read = vec![];
        if !feeds.is_empty() {
            read.push(format!(
                "{} from {}",
                plural(feeds.values().sum(), "item"),
                plural(feeds.len(), "feed")
            ));
        }
        for (kind, (files, stories)) in &exports {
            read.push(format!(
                "{} from {} {kind}{}",
                if *stories == 1 {
                    "1 story".to_string()
                } else {
                    format!("{stories} stories")
                },
                files.len(),
                if files.len() == 1 { "" } else { "s" }
            ));
        }
        if !read.is_empty() {
            summary.push_str(&format!(" (read {})", read.join(", ")));
        }
        if undated > 0 {
            summary.push_str(&format!(
                ", {} without a publication date (set it in Details)",
                if undated == 1 {
                    "1 story".to_string()
                } else {
                    format!("{undated} stories")
                }
            ));
        }
        if duplicates > 0 {
            summary.push_str(&format!(", {}", plural(duplicates, "duplicate")));
        }
        if job.refused > 0 {
            summary.push_str(&format!(", {} refused (listed below)", job.refused));
        }
        if cancelled {
            summary.push_str(&format!(
                "; cancelled after {} of {} files",
                job.done, job.total
            ));
        }
        summary.push('.');
        self.notices.push(summary);
    }
}
