//! Why a file was not imported: one reason a user can read, shared by
//! every reader, and the size limit every reader applies.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

pub use crate::core::limits::MAX_FILE_BYTES;

/// Why a file was not imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("this looks like a binary file ({0}), not text")]
    Binary(String),
    #[error("{0} files cannot be imported yet; save the article as plain text")]
    Unsupported(&'static str),
    #[error("cannot read the file: {0}")]
    Io(String),
    #[error("cannot read the web page: {0}")]
    Html(String),
    /// A page that could not be fetched from its address, and why.
    #[error("cannot fetch the page: {0}")]
    Fetch(String),
    #[error("{0}")]
    Document(String),
    /// Not a regular file: what it is.
    #[error("not a file to import: {0}")]
    NotAFile(&'static str),
    /// The article would be over a limit a workspace holds.
    #[error("the article's {0}")]
    OverLimit(String),
    /// A reader failed on this input (a panic caught at the worker
    /// boundary): what failed, then the internal detail for a bug report.
    /// One item of a file of many (a story of a database export, an item
    /// of a feed) that could not be read; the file's other items are
    /// imported. `item` names it: "story 3 of 19, “Title”".
    #[error("{item}: {reason}")]
    Item { item: String, reason: Box<Refusal> },
    #[error("{what} ({detail}); the other files are not affected")]
    Failed { what: String, detail: String },
}

impl Refusal {
    /// Item `k` of `n` of a file of many (`word` is "story" or "item"),
    /// refused for `reason`.
    pub fn item(word: &str, k: usize, n: usize, title: &str, reason: Refusal) -> Refusal {
        let title = crate::text::normalise::one_line(title);
        let item = if title.is_empty() {
            format!("{word} {k} of {n}")
        } else {
            format!("{word} {k} of {n}, “{title}”")
        };
        Refusal::Item {
            item,
            reason: Box::new(reason),
        }
    }

    /// The refusal of an input whose reader panicked: `what` says in plain
    /// words what failed ("the reader failed on this file").
    pub fn failed(what: &str, p: crate::core::isolate::Panicked) -> Refusal {
        Refusal::Failed {
            what: what.to_string(),
            detail: p.to_string(),
        }
    }
}
