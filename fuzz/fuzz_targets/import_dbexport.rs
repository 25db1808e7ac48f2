//! Importing any bytes as a news-database export (LexisNexis and ProQuest
//! text, Factiva XML, HTML and article text): never a panic, a hang or a
//! crash; every story accepted is normalised, within the limits and sound;
//! a story refused is refused alone. The seeds are the shapes of the
//! formats, so the fuzzer starts inside the parsers.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::import_all(data, "export.txt"));
