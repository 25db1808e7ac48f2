//! Re-anchoring a passage from one text into another, both arbitrary:
//! never a panic, and a passage placed again quotes exactly what its new
//! offsets point at.
#![no_main]
use detente::core::anchor::{Placed, reanchor};
use detente::core::model::Anchor;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    // OLD \0 NEW, and the passage: a range of OLD picked by its length.
    let Some((old, new)) = s.split_once('\0') else { return };
    let n = old.chars().count();
    if n < 2 {
        return;
    }
    let start = new.len() % (n - 1);
    let end = (start + 1 + old.len() % 7).min(n);
    let Some(anchor) = Anchor::from_range(old, start, end) else { return };
    for placed in reanchor(old, new, &[anchor]) {
        if let Placed::Exact(a) | Placed::Moved(a) | Placed::Fuzzy(a, _) = placed {
            assert!(a.matches(new), "{a:?}");
        }
    }
});
