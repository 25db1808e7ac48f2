//! Importing any bytes as a news-database export (LexisNexis text, Factiva
//! XML): never a panic, a hang or a crash; every story accepted is
//! normalised, within the limits and sound. The seeds are the shapes of
//! both formats, so the fuzzer starts inside the parsers.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::import_all(data, "export.txt"));
