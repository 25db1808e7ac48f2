//! Detente: a desktop research notebook for tagging diplomatic events in
//! news articles.
//!
//! Layers, each a folder, depend one way (see ARCHITECTURE.md):
//! `ui`, `cli` -> `dev` -> `read`, `exchange` -> `core` -> `dates` -> `text`.
//! `tests/layers.rs` fails when a file imports from a layer above its own.

/// mimalloc: a workspace is a million small strings; glibc's malloc spent
/// a fifth of opening one in allocation and freeing, and scales poorly
/// when both cores parse at once.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod cli;
pub mod core;
pub mod dates;
pub mod dev;
pub mod exchange;
pub mod read;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;
