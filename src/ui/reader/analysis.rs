//! What the Reader reads from an article's text and date, off the UI
//! thread for long texts: date expressions, publication-date candidates,
//! proposed boilerplate, a dateline without a year.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::model::Id;
use std::sync::Arc;

/// What the Reader reads from an article's text and date: the date
/// expressions (underlined, with their readings), the publication-date
/// candidates of its first lines, proposed boilerplate, a dateline
/// without a year.
pub struct Analysis {
    pub article: Id,
    /// The text fingerprint (text and publication date) it was made for.
    pub(crate) key: u64,
    pub text_hash: String,
    pub dates: Arc<Vec<crate::dates::find::Found>>,
    pub candidates: Vec<crate::read::pubdate::Candidate>,
    pub boilerplate: Vec<crate::read::boilerplate::Proposal>,
    pub yearless: Option<(String, String)>,
}

impl Analysis {
    pub(crate) fn of(a: &crate::core::model::Article, key: u64) -> Analysis {
        let anchor = a.published.as_ref().and_then(|d| d.earliest());
        Analysis {
            article: a.id.clone(),
            key,
            text_hash: a.text_hash.clone(),
            dates: Arc::new(crate::dates::find::find_dates(&a.text, anchor)),
            candidates: crate::read::pubdate::candidates(&a.text),
            boilerplate: crate::read::boilerplate::propose(&a.text),
            yearless: crate::read::pubdate::yearless_dateline(&a.text),
        }
    }
}

/// Texts longer than this are analysed on a worker thread, so that opening
/// a long read never waits for it (its dates are underlined a moment later).
pub(crate) const ANALYSE_INLINE_BYTES: usize = 32 * 1024;
