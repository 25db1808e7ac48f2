//! Preferences kept between runs (theme, recent workspaces, the last one
//! opened); the workspace itself is its own file. Stored by eframe.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use std::path::{Path, PathBuf};

pub(crate) const PREFS_KEY: &str = "detente_prefs";

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Preferences kept between runs (the workspace itself is its own file).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Prefs {
    pub theme: Theme,
    pub recent: Vec<PathBuf>,
    pub last_workspace: Option<PathBuf>,
    /// "Your name", stamped on what you create and change.
    #[serde(default)]
    pub author: String,
    /// Other copies already merged in (path and the file's stamp), so a
    /// sync client's conflict copy is not offered again until it changes.
    #[serde(default)]
    pub merged_copies: Vec<(PathBuf, String)>,
    /// The article last viewed in each recent workspace, to reopen at.
    #[serde(default)]
    pub last_article: Vec<(PathBuf, String)>,
}

impl Prefs {
    /// Remember `article` as the one viewed in `path` (the last 20
    /// workspaces are kept).
    pub(crate) fn viewed(&mut self, path: &Path, article: &str) {
        if self
            .last_article
            .first()
            .is_some_and(|(p, a)| p == path && a == article)
        {
            return;
        }
        self.last_article.retain(|(p, _)| p != path);
        self.last_article
            .insert(0, (path.to_path_buf(), article.to_string()));
        self.last_article.truncate(20);
    }

    /// The article last viewed in `path`, if remembered.
    pub(crate) fn last_viewed(&self, path: &Path) -> Option<&str> {
        self.last_article
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, a)| a.as_str())
    }

    pub(crate) fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(10);
        self.last_workspace = Some(path.to_path_buf());
    }
}

pub fn apply_theme(ctx: &egui::Context, t: Theme) {
    ctx.set_theme(match t {
        Theme::System => egui::ThemePreference::System,
        Theme::Light => egui::ThemePreference::Light,
        Theme::Dark => egui::ThemePreference::Dark,
    });
}
