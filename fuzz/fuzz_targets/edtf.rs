//! EDTF parsing of any text: never a panic; a value's bounds are ordered
//! and it renders for people.
#![no_main]
use detente::dates::edtf::DateValue;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data)
        && let Ok(v) = DateValue::parse(s)
    {
        if let (Some(a), Some(b)) = (v.earliest(), v.latest()) {
            assert!(a <= b, "{s}: {a} > {b}");
        }
        let _ = v.human();
    }
});
