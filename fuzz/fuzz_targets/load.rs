//! The workspace loader on any bytes: never a panic; a workspace it accepts
//! saves to bytes it accepts again, identically.
#![no_main]
use detente::core::store::{from_bytes, to_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(ws) = from_bytes(data, "fuzz.detente") {
        let bytes = to_bytes(&ws);
        let again = from_bytes(&bytes, "saved.detente").expect("a loaded workspace saves loadable");
        assert_eq!(to_bytes(&again), bytes);
    }
});
