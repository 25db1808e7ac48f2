//! The window: a thin layer over the core. Library (left), Reader
//! (centre), Inspector (right), Timeline and Events table (bottom).
//! Every change goes through [`crate::core::history`] so it can be undone.
//!
//! [`app`] holds the state; each other file extends [`app::DetenteApp`]
//! with one job (commands, menus, dialogs, files, import, recovery, the
//! frame), and each panel is a folder whose `state.rs` is what the panel
//! remembers (and what `app` holds) and whose `mod.rs` draws it.
//! Background work lives in [`jobs`], which knows nothing of the window.
//! It may use every layer but `cli` and `dev`.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

pub mod actions;
pub mod actors;
pub mod agreement;
pub mod app;
pub mod assets;
pub mod codebook;
pub mod commands;
pub mod conflicts;
pub mod dialogs;
pub mod drafts;
pub mod export;
pub mod files;
pub mod frame;
pub mod help;
pub mod import;
pub mod inspector;
pub mod jobs;
pub mod library;
pub mod menus;
pub mod notebook;
pub mod open_events;
pub mod prefs;
pub mod properties;
pub mod reader;
pub mod recovery;
pub mod renderer;
pub mod retrieve;
pub mod runtime_dir;
pub mod search;
pub mod table;
pub mod timeline;
pub mod window;

pub use app::{DetenteApp, Pending};
pub use assets::{install_fonts, window_icon};
pub use table::table_rows;
pub use window::{APP_ID, run};
