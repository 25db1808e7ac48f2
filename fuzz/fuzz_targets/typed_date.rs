//! Dates as typed into the inspector: never a panic; what is accepted is a
//! valid EDTF value.
#![no_main]
use detente::dates::edtf::DateValue;
use detente::dates::typed::parse_typed;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data)
        && let Ok(v) = parse_typed(s)
    {
        assert!(DateValue::parse(v.edtf()).is_ok(), "{s} -> {}", v.edtf());
    }
});
