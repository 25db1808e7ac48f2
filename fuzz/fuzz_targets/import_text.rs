//! Importing any bytes as a .txt file: never a panic, a hang or a crash;
//! an accepted article is normalised, within the limits and sound.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::import(data, "fuzz.txt"));
