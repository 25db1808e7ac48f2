//! The bottom layer: text primitives that every other layer shares.
//!
//! Owns char offsets ([`offsets`]) and normalisation, hashing and short
//! quotes ([`normalise`]). It must import nothing from the crate.
//!
//! Imports nothing from the crate (layer `text`).

pub mod normalise;
pub mod offsets;
