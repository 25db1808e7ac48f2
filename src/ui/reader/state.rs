//! What the Reader remembers between frames: the laid-out view of the open
//! article, the selection, pending jumps and flashes, the analysis of its
//! text (and one under way), and the fingerprint that says when to redo them.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::model::Id;
use crate::ui::reader::analysis::Analysis;
use crate::ui::reader::layout::TextView;

/// Hashes of what the Reader shows of one article: its text and
/// publication date (for the dates found in it), and its passages.
#[derive(PartialEq, Eq, Clone, Copy, Default)]
pub(crate) struct Fingerprint {
    pub(crate) text: u64,
    pub(crate) passages: u64,
}

pub(crate) fn fingerprint(ws: &crate::core::model::Workspace, article: &Id) -> Fingerprint {
    use std::hash::{Hash, Hasher};
    let Some(a) = ws.article(article) else {
        return Fingerprint::default();
    };
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (&a.text_hash, a.published.as_ref().map(|d| d.edtf())).hash(&mut h);
    let text = h.finish();
    for e in &ws.events {
        for p in e.evidence.iter().filter(|p| &p.article == article) {
            let colour = ws.event_type(&e.kind).map(|t| t.colour.as_str());
            (&e.id, &e.kind, colour, p.anchor.start, p.anchor.end).hash(&mut h);
        }
    }
    Fingerprint {
        text,
        passages: h.finish(),
    }
}

#[derive(Default)]
pub struct ReaderState {
    pub(crate) view: Option<TextView>,
    /// The width of the Reader's text and the height of its view in the
    /// last frame.
    pub view_size: (f32, f32),
    /// The fixed end of the selection (where a drag started), in chars.
    pub(crate) drag_anchor: Option<usize>,
    /// Whether keys go to the text (it was the last thing pressed).
    pub(crate) keyboard: bool,
    /// Give the text the keyboard on the next frame (a jump from Search
    /// everything selected words in it: Shift+End must extend them, not
    /// move the caret of the field that had the focus before).
    pub(crate) take_focus: bool,
    /// A scroll offset to take on the next frame.
    pub(crate) pending_offset: Option<f32>,
    /// The selected chars of the open article (start < end).
    pub selection: Option<(usize, usize)>,
    /// Caret mode: where the keyboard is in the text when nothing is
    /// selected. A click puts it there; arrows move it; Shift+arrows select
    /// from it (the keyboard's way to start a selection).
    pub caret: Option<usize>,
    /// A passage to scroll to on the next frame.
    pub scroll_to: Option<Id>,
    /// Chars of the open article to scroll to on the next frame (a search hit).
    pub scroll_to_chars: Option<(usize, usize)>,
    /// The article the Reader showed last: a selection belongs to it and
    /// is dropped when another article is shown (unless `keep_selection`:
    /// a search hit opens its article with the match selected).
    pub(crate) shown: Option<Id>,
    pub(crate) keep_selection: bool,
    /// The memos about the open article, found once per change of the
    /// workspace (workspace revision, article, memo ids), not per frame.
    pub(crate) memos_about: Option<(u64, Id, Vec<Id>)>,
    /// A passage to flash briefly, with the time the flash started.
    pub flash: Option<(Id, Option<f64>)>,
    pub picker_query: String,
    /// A short message about the last action in the Reader. It belongs to
    /// its moment: shown while the same article and event stay selected,
    /// for a few seconds (see [`ReaderState::status_now`]).
    pub status: String,
    /// When the status was said, and the (article, event) selected then;
    /// taken at the first frame that shows it.
    pub(crate) status_moment: Option<(f64, Option<Id>, Option<Id>)>,
    pub(crate) published_text: Option<(Id, String)>,
    /// How many paragraphs of article text have been laid out (for tests).
    pub layouts: usize,
    /// What was read from the open article's text (dates, boilerplate…).
    pub analysis: Option<Analysis>,
    /// An analysis under way on a worker thread: article, key, result.
    pub(crate) analysing: Option<(Id, u64, std::sync::mpsc::Receiver<Analysis>)>,
    /// Proposed boilerplate lines the user chose to keep.
    pub keep_lines: std::collections::HashSet<usize>,
    /// The open article's fingerprint, recomputed when the workspace changes.
    pub(crate) fingerprint: Option<(u64, Id, Fingerprint)>,
    /// The Article details window's fields, while it is open.
    pub details: Option<ArticleDraft>,
    /// Articles whose deletion is being confirmed, and whether the events
    /// only they support are kept (without evidence) rather than deleted.
    pub deleting: Option<(Vec<Id>, bool)>,
}

/// What the Article details window holds: the article and its fields as
/// typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleDraft {
    pub article: Id,
    pub title: String,
    pub outlet: String,
    pub byline: String,
    pub url: String,
    pub language: String,
    pub notes: String,
}

/// How long a Reader message stays, in seconds.
pub const STATUS_SECONDS: f64 = 8.0;

impl ReaderState {
    /// The status to show now, or None once its moment has passed: another
    /// article or event selected, or [`STATUS_SECONDS`] gone by.
    pub(crate) fn status_now(
        &mut self,
        now: f64,
        article: &Option<Id>,
        event: &Option<Id>,
    ) -> Option<String> {
        if self.status.is_empty() {
            self.status_moment = None;
            return None;
        }
        let (t, a, e) = self
            .status_moment
            .get_or_insert_with(|| (now, article.clone(), event.clone()));
        if now - *t > STATUS_SECONDS || a != article || e != event {
            self.status.clear();
            self.status_moment = None;
            return None;
        }
        Some(self.status.clone())
    }

    /// The analysis of `article`, if it is done.
    pub fn analysis_of(&self, article: &Id) -> Option<&Analysis> {
        self.analysis.as_ref().filter(|a| &a.article == article)
    }

    pub(crate) fn install(&mut self, result: Analysis) {
        let same_text = self
            .analysis
            .as_ref()
            .is_some_and(|a| a.article == result.article && a.text_hash == result.text_hash);
        if !same_text {
            self.keep_lines.clear();
        }
        self.analysis = Some(result);
    }

    /// How many paragraphs of the open article have only an estimated
    /// height (`None` before it is shown).
    pub fn estimated_paragraphs(&self) -> Option<usize> {
        self.view.as_ref().map(|v| v.paras.unmeasured())
    }

    /// Drop the selection (and any drag that was making one).
    pub fn clear_selection(&mut self) {
        self.selection = None;
        self.caret = None;
        self.drag_anchor = None;
    }
}
