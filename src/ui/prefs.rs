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
}

impl Prefs {
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
