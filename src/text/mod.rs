//! The bottom layer: text primitives that every other layer shares.
//!
//! Owns char offsets ([`offsets`]), normalisation, hashing and short
//! quotes ([`normalise`]), and which strings are web links ([`links`]).
//!
//! Imports nothing from the crate (layer `text`).

pub mod links;
pub mod markup;
pub mod normalise;
pub mod offsets;
