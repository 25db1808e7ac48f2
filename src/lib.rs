//! Detente: a desktop research notebook for tagging diplomatic events in
//! news articles.
//!
//! The core (`model`, `dates`, `vocab`, `import`, `ops`, `store`, `export`)
//! is plain Rust and knows nothing of egui; `cli` and `ui` are two faces
//! over it.

/// mimalloc: a workspace is a million small strings; glibc's malloc spent
/// a fifth of opening one in allocation and freeing, and scales poorly
/// when both cores parse at once.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod anchor;
pub mod boilerplate;
pub mod cli;
pub mod datefind;
pub mod dates;
pub mod documents;
pub mod export;
pub mod generate;
pub mod history;
pub mod html;
pub mod import;
pub mod model;
pub mod ops;
pub mod paragraphs;
pub mod pubdate;
pub mod search;
pub mod store;
pub mod timeline;
pub mod ui;
pub mod vocab;
