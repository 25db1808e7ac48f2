//! Importing any bytes as an RTF file (a WordPad or Word save, a Nexis Uni
//! or Factiva RTF export): never a panic, a hang or a crash; what is
//! accepted is normalised, within the limits and sound. The seeds are RTF
//! exports in both databases' layouts, so the fuzzer starts inside the
//! RTF reader and the story splitters behind it.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::import_all(data, "export.rtf"));
