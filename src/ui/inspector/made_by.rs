//! The Inspector's line of who made an event and who changed it last: a
//! colleague's merged work says whose it is.
//!
//! Imports every layer but `cli` and `dev` (layer `ui`).

/// "Made by Ana on 6 May 2023 · changed by Ben on 7 May 2023"; None when
/// the file names nobody (older files, scripts without an author).
pub(crate) fn made_by(
    created_by: &str,
    changed_by: &str,
    created: &str,
    modified: &str,
) -> Option<String> {
    let day = |t: &str| {
        t.get(..10)
            .and_then(|d| crate::dates::edtf::DateValue::parse(d).ok())
            .map(|d| format!(" on {}", d.human()))
            .unwrap_or_default()
    };
    let mut parts = vec![];
    if !created_by.is_empty() {
        parts.push(format!("Made by {created_by}{}", day(created)));
    }
    if !changed_by.is_empty() && (changed_by != created_by || modified != created) {
        parts.push(format!("changed by {changed_by}{}", day(modified)));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}
