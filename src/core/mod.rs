//! The core: the workspace model and ids, the `.detente` store, reversible
//! edits, tagging operations, re-anchoring, search, timeline layout and the
//! event-type vocabulary.
//!
//! It knows no egui and no file format but its own. It may use `dates` and
//! `text`, nothing above them (`read`, `exchange`, `dev`, `cli`, `ui`).
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

pub mod anchor;
pub mod atomic;
pub mod codebook;
pub mod conflicts;
pub mod curate;
pub mod everything;
pub mod history;
pub mod ids;
pub mod isolate;
pub mod limits;
pub mod lineage;
pub mod memo;
pub mod model;
pub mod ops;
pub mod order;
pub mod parallel;
pub mod problems;
pub mod retrieve;
pub mod sample;
pub mod search;
pub mod store;
pub mod suggest;
pub mod timeline;
pub mod vocab;
