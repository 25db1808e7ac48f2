//! The date finder on any text: never a panic; every expression found lies
//! inside the text, in order, without overlap, and its value parses back.
#![no_main]
use detente::dates::edtf::DateValue;
use detente::dates::find::find_dates;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let published = chrono::NaiveDate::from_ymd_opt(2023, 5, 11);
    let n = s.chars().count();
    let mut last_end = 0;
    for f in find_dates(s, published) {
        assert!(f.start < f.end && f.end <= n && f.start >= last_end);
        last_end = f.end;
        if let Some(e) = &f.edtf {
            assert!(DateValue::parse(e).is_ok(), "{e}");
        }
    }
});
