//! Reading sources: each module turns the bytes of one kind of source into
//! an article (plain text and encodings, HTML, PDF, DOCX); [`prepare`]
//! chooses the reader for a file, [`pubdate`] finds publication dates in
//! plain text, [`boilerplate`] proposes site furniture to drop, and
//! [`add`] is the one place prepared articles join a workspace.
//!
//! It may use `core`, `dates` and `text`; never `exchange`, `dev`, `cli`
//! or `ui`.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

pub mod ablate;
pub mod add;
pub mod boilerplate;
pub mod dbexport;
pub mod docx;
pub mod feed;
pub mod fetch;
pub mod furniture;
pub mod head;
pub mod headline;
pub mod html;
pub mod lede;
pub mod nesting;
pub mod pdf;
pub mod plain;
pub mod prepare;
pub mod pubdate;
pub mod refusal;
pub mod rtf;
pub mod text_head;
pub mod text_words;
pub mod title;
pub mod yearless;
