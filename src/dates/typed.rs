//! Dates as people type them into the inspector ("10-11 May 2023",
//! "c. Jan 2023", EDTF): read into an EDTF value, or a clear error
//! saying what was not understood.
//!
//! Imports only `text` (layer `dates`).

use crate::dates::edtf::{DateValue, MONTHS};
use crate::dates::find::find_dates;
use chrono::NaiveDate;

/// A date typed by a person: EDTF ("2023-05-10/2023-05-11", "2023-01~")
/// or an ordinary form ("10-11 May 2023", "May 2023", "c. Jan 2023",
/// "late June 2024", "Nov. 14, 2022"). "c."/"circa"/"about" make it
/// approximate, a trailing "?" uncertain. Relative words need an anchor,
/// so they are refused here.
pub fn parse_typed(input: &str) -> Result<DateValue, crate::dates::edtf::DateError> {
    parse_typed_at(input, None)
}

/// [`parse_typed`], with relative words ("next Tuesday", "last week")
/// read against `anchor` (the event's article's publication date) when
/// there is one. Also: day-first numeric dates with dots ("19.01.2020",
/// the European way), slashes when only one reading is possible
/// ("19/01/2020"), and a day the month does not have named as such.
pub fn parse_typed_at(
    input: &str,
    anchor: Option<NaiveDate>,
) -> Result<DateValue, crate::dates::edtf::DateError> {
    let trimmed = input.trim();
    if let Ok(v) = DateValue::parse(trimmed) {
        return Ok(v);
    }
    let err = |reason: &str| crate::dates::edtf::DateError {
        input: input.to_string(),
        reason: reason.to_string(),
    };
    if let Some(answer) = numeric(trimmed) {
        return answer
            .map_err(|e| err(&e))
            .and_then(|d| DateValue::parse(&d.format("%Y-%m-%d").to_string()));
    }
    if let Some(e) = no_such_day(trimmed) {
        return Err(err(&e));
    }
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
    let found = find_dates(&s, anchor);
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

/// Why a day, month and year are not a date ("February 2023 has no day
/// 30"), if they are not.
fn not_a_day(y: i32, m: u32, d: u32) -> Option<String> {
    if !(1..=12).contains(&m) {
        return Some(format!("there is no month {m}"));
    }
    if NaiveDate::from_ymd_opt(y, m, d).is_some() {
        return None;
    }
    Some(format!("{} {y} has no day {d}", MONTHS[m as usize - 1]))
}

/// A date written with numbers only: "19.01.2020" (day first, as with
/// dots in Europe), "2023-02-31" (refused with the reason),
/// "19/01/2020" (slashes: accepted when only one reading is a date).
/// None when it is not of that shape.
fn numeric(s: &str) -> Option<Result<NaiveDate, String>> {
    let sep = ['.', '/', '-'].into_iter().find(|c| s.contains(*c))?;
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    let make = |y: u32, m: u32, d: u32| match not_a_day(y as i32, m, d) {
        Some(why) => Err(why),
        None => Ok(NaiveDate::from_ymd_opt(y as i32, m, d).expect("checked")),
    };
    if parts[0].len() == 4 {
        // Year first: 2023-02-31, 2023.02.01, 2023/02/01.
        return Some(make(n[0], n[1], n[2]));
    }
    if parts[2].len() != 4 {
        return None;
    }
    let (a, b, y) = (n[0], n[1], n[2]);
    match sep {
        '.' | '-' => Some(make(y, b, a)),
        _ => {
            let day_first = not_a_day(y as i32, b, a).is_none();
            let month_first = not_a_day(y as i32, a, b).is_none();
            match (day_first, month_first) {
                (true, false) => Some(make(y, b, a)),
                (false, true) => Some(make(y, a, b)),
                (true, true) if a == b => Some(make(y, a, b)),
                (true, true) => Some(Err(format!(
                    "{s} could be {a} {} or {b} {} {y}: write {y}-{b:02}-{a:02} or {a} {} {y}",
                    MONTHS[b as usize - 1],
                    MONTHS[a as usize - 1],
                    &MONTHS[b as usize - 1][..3]
                ))),
                (false, false) => Some(make(y, b, a)),
            }
        }
    }
}

/// "31 Feb 2023", "Feb 30, 2023": a day the month does not have, said so
/// (the date finder would not read them at all).
fn no_such_day(s: &str) -> Option<String> {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() != 3 {
        return None;
    }
    let month = |w: &str| {
        MONTHS
            .iter()
            .position(|m| w.len() >= 3 && m.to_lowercase().starts_with(w))
            .map(|i| i as u32 + 1)
    };
    let mut day = None;
    let mut mon = None;
    let mut year = None;
    for w in &words {
        if let Some(m) = month(w) {
            mon = Some(m);
        } else if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            year = w.parse::<i32>().ok();
        } else if w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) {
            day = w.parse::<u32>().ok();
        }
    }
    not_a_day(year?, mon?, day?)
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

    #[test]
    fn days_that_do_not_exist_are_named_and_european_dates_are_read() {
        let p = |s: &str| parse_typed(s).map(|v| v.edtf().to_string());
        let why = |s: &str| p(s).unwrap_err().to_string();
        for s in ["31 Feb 2023", "2023-02-31", "Feb 30, 2023", "30.02.2023"] {
            assert!(
                why(s).contains("February 2023 has no day"),
                "{s}: {}",
                why(s)
            );
        }
        assert_eq!(p("19.01.2020").unwrap(), "2020-01-19");
        assert_eq!(p("03.04.2021").unwrap(), "2021-04-03", "dots: day first");
        assert_eq!(p("19/01/2020").unwrap(), "2020-01-19", "one reading only");
        assert_eq!(p("01/19/2020").unwrap(), "2020-01-19", "one reading only");
        assert!(why("03/04/2021").contains("could be 3 April or 4 March 2021"));
        assert!(why("29.02.2023").contains("February 2023 has no day 29"));
        assert_eq!(p("29.02.2024").unwrap(), "2024-02-29");
    }

    #[test]
    fn relative_words_read_against_the_article_date_when_given() {
        let at = chrono::NaiveDate::from_ymd_opt(2023, 6, 14); // a Wednesday
        let v = super::parse_typed_at("next Tuesday", at).unwrap();
        assert_eq!(v.edtf(), "2023-06-20");
        assert!(super::parse_typed_at("next Tuesday", None).is_err());
    }
}
