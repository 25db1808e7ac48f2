//! Exchange: one module per output or interchange format. [`rows`] holds
//! the event and passage rows the table formats ([`csv`], [`json`]) share.
//! [`w3c`] writes passages as W3C Web Annotations, [`timelinejs`] the
//! events as a TimelineJS timeline, and [`eventdata`] GDELT- and
//! ICEWS-style rows and PLOVER records for event-data tools, and
//! [`citations`] the articles as CSL-JSON and BibTeX references.
//!
//! It may use `core`, `dates` and `text`; never `read`, `dev`, `cli` or
//! `ui`.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

pub mod agree;
pub mod citations;
pub mod copies;
pub mod csv;
pub mod eventdata;
pub mod figure;
pub mod formats;
pub mod index;
pub mod json;
pub mod merge;
pub mod qdpx;
pub mod range;
pub mod reconcile;
pub mod report;
pub mod rows;
pub mod timelinejs;
pub mod w3c;
