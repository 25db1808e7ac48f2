//! Dates as people type them into the inspector ("10-11 May 2023",
//! "c. Jan 2023", EDTF): read into an EDTF value, or a clear error
//! saying what was not understood.
//!
//! Imports only `text` (layer `dates`).

use crate::dates::edtf::DateValue;
use crate::dates::find::find_dates;

/// A date typed by a person: EDTF ("2023-05-10/2023-05-11", "2023-01~")
/// or an ordinary form ("10-11 May 2023", "May 2023", "c. Jan 2023",
/// "late June 2024", "Nov. 14, 2022"). "c."/"circa"/"about" make it
/// approximate, a trailing "?" uncertain. Relative words need an anchor,
/// so they are refused here.
pub fn parse_typed(input: &str) -> Result<DateValue, crate::dates::edtf::DateError> {
    let trimmed = input.trim();
    if let Ok(v) = DateValue::parse(trimmed) {
        return Ok(v);
    }
    let err = |reason: &str| crate::dates::edtf::DateError {
        input: input.to_string(),
        reason: reason.to_string(),
    };
    let mut s = trimmed.to_string();
    let mut approximate = false;
    for p in [
        "c.",
        "ca.",
        "circa",
        "about",
        "around",
        "approx.",
        "approximately",
        "~",
    ] {
        if s.to_lowercase().starts_with(p) {
            s = s[p.len()..].trim().to_string();
            approximate = true;
            break;
        }
    }
    let uncertain = s.ends_with('?');
    let s = s.trim_end_matches('?').trim().to_string();
    let found = find_dates(&s, None);
    let [f] = found.as_slice() else {
        return Err(err(
            "write EDTF (2023-05-10, 2023-05, 2023-05-10/2023-05-11, 2023-01~) or a date such as 10-11 May 2023, May 2023, c. Jan 2023",
        ));
    };
    if f.start != 0 || f.end != s.chars().count() {
        return Err(err("only part of it reads as a date"));
    }
    let Some(v) = &f.value else {
        return Err(err(
            "a relative date needs the article's date; write the calendar date",
        ));
    };
    let mut edtf = v.edtf().to_string();
    let qualifier = match (approximate, uncertain) {
        (true, true) => "%",
        (true, false) => "~",
        (false, true) => "?",
        _ => "",
    };
    if !qualifier.is_empty() {
        if edtf.contains('/') {
            edtf = edtf
                .split('/')
                .map(|p| format!("{p}{qualifier}"))
                .collect::<Vec<_>>()
                .join("/");
        } else {
            edtf.push_str(qualifier);
        }
    }
    DateValue::parse(&edtf)
}

#[cfg(test)]
mod typed_tests {
    use super::parse_typed;

    #[test]
    fn ordinary_forms_become_edtf() {
        let p = |s: &str| parse_typed(s).map(|v| v.edtf().to_string());
        assert_eq!(p("10-11 May 2023").unwrap(), "2023-05-10/2023-05-11");
        assert_eq!(p("May 2023").unwrap(), "2023-05");
        assert_eq!(p("c. Jan 2023").unwrap(), "2023-01~");
        assert_eq!(p("late June 2024").unwrap(), "2024-06-21/2024-06-30");
        assert_eq!(p("Nov. 14, 2022").unwrap(), "2022-11-14");
        assert_eq!(p("14 November 2022?").unwrap(), "2022-11-14?");
        assert_eq!(p(" 2023-05-10 ").unwrap(), "2023-05-10");
        assert!(
            p("last Wednesday")
                .unwrap_err()
                .to_string()
                .contains("article's date")
        );
        assert!(p("next to nothing").is_err());
        assert!(p("May 2023 and more").is_err());
    }
}
