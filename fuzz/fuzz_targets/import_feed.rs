//! Importing any bytes as an RSS/Atom feed: never a panic, a hang or a
//! crash; every item accepted is normalised, within the limits and sound.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::import_all(data, "fuzz.rss"));
