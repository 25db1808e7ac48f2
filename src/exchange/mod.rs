//! Exchange: one module per output or interchange format. [`rows`] holds
//! the event and passage rows the table formats ([`csv`], [`json`]) share.
//!
//! It may use `core`, `dates` and `text`; never `read`, `dev`, `cli` or
//! `ui`.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

pub mod agree;
pub mod copies;
pub mod csv;
pub mod json;
pub mod merge;
pub mod reconcile;
pub mod rows;
