//! The sample workspace bundled into the binary: the seed corpus
//! annotated, opened on first run and used by tests and examples.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::model::Workspace;
use crate::core::store;

/// The sample workspace bundled into the binary, opened on first run.
pub const SAMPLE: &[u8] = include_bytes!("../../workspaces/us-china-2023.detente");

pub fn sample_workspace() -> Workspace {
    store::from_bytes(SAMPLE, "bundled sample").expect("the bundled sample is a valid workspace")
}
