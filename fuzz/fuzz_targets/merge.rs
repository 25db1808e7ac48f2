//! Two copies of one workspace, each edited as the bytes say, merged with
//! and without their ancestor, and compared as two annotators: never a
//! panic; a merge is sound or is refused by the same check the command
//! line makes, and agreement counts stay within the passages.
#![no_main]
mod edits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let base = detente::core::sample::sample_workspace();
    let cut = data.first().copied().unwrap_or(0) as usize % (data.len().max(1));
    let (a_bytes, b_bytes) = data.split_at(cut);
    let (mut a, mut b) = (base.clone(), base.clone());
    edits::edit(&mut a, a_bytes);
    edits::edit(&mut b, b_bytes);
    for ancestor in [None, Some(&base)] {
        let merged = detente::exchange::merge::merge(ancestor, &a, &b);
        // The command line refuses to write an unsound merge: it must say
        // why, and the merge itself must not panic.
        let _ = merged.problems();
        let bytes = detente::core::store::to_bytes(&merged);
        assert!(!bytes.is_empty());
    }
    let r = detente::exchange::agree::agree(&a, &b);
    assert!(r.matched <= r.passages_a.min(r.passages_b));
    assert!(r.passage_f1.is_nan() || (0.0..=1.0).contains(&r.passage_f1));
});
