//! Developer tools that are not part of the product: the generator of
//! large synthetic workspaces ([`generate`]) and article files ([`pages`])
//! for benchmarks and stress tests, behind the hidden `detente generate`
//! and `detente generate-files`.
//!
//! It may use `read`, `exchange`, `core`, `dates` and `text`; only `cli`
//! (and benches and tests) use it.
//!
//! Imports `read`, `exchange`, `core`, `dates` and `text`, never egui (layer `dev`).

pub mod extraction;
pub mod generate;
pub mod pages;
pub mod prose;
pub mod words;
