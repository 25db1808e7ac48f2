//! Rules switched off for a measurement: `DETENTE_ABLATE=links,date:url`.
//! Only `benches/extraction_folds.py` sets it, to learn which rules help on
//! sites they were not found on; nobody else does, and then every rule is
//! on. Reading the variable once costs nothing per page.
//!
//! Imports nothing (layer `read`).

/// The main-text rules ([`crate::read::furniture`], [`crate::read::lede`]).
pub const TEXT_RULES: &[&str] = &["named", "word:newsletter", "copyright", "links", "lede"];

/// The publication-date rules of [`crate::read::head`] beyond the
/// metadata every extractor reads: dates in words in elements marked as
/// dates, the date line beside the headline as a source, that line
/// beating a metadata stamp of another day, and the day in the address
/// as the last source. (The last round's script data, UTC-local and
/// re-stamped rules helped on one fold each and were dropped; the line
/// beating the stamp does what the last two did, on four folds.)
pub const DATE_RULES: &[&str] = &["date:marked", "date:headline", "date:shown", "date:url"];

/// Whether `rule` is switched off for this run.
pub fn off(rule: &str) -> bool {
    static OFF: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    OFF.get_or_init(|| {
        std::env::var("DETENTE_ABLATE")
            .map(|v| v.split(',').map(|r| r.trim().to_string()).collect())
            .unwrap_or_default()
    })
    .iter()
    .any(|r| r == rule)
}
