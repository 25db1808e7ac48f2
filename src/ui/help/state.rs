//! What the Help window remembers: the page shown (or About), the
//! Markdown viewer's cache, and whether to scroll back to the top.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use super::pages;

/// What the Help window shows.
#[derive(Default)]
pub struct HelpState {
    /// The page shown (an index into [`pages::PAGES`]); None for About.
    pub page: Option<usize>,
    pub(crate) cache: egui_commonmark::CommonMarkCache,
    /// Scroll to the top on the next frame (a page was turned).
    pub(crate) top: bool,
    /// The section of the page a link led to (its anchor), if any.
    pub section: Option<String>,
    /// Whether the built-in pictures have been handed to egui.
    pub(crate) pictures: bool,
}

impl HelpState {
    /// Help open on the page at `path` (the guide's first when unknown).
    pub fn at(path: &str) -> HelpState {
        HelpState {
            page: Some(pages::index_of(path).unwrap_or(0)),
            top: true,
            ..Default::default()
        }
    }

    /// Help open on About.
    pub fn about() -> HelpState {
        HelpState::default()
    }

    /// The path of the page shown, if a page is.
    pub fn path(&self) -> Option<&'static str> {
        self.page.and_then(|i| pages::PAGES.get(i)).map(|p| p.path)
    }
}
