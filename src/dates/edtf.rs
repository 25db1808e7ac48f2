//! Dates as EDTF (ISO 8601-2) values with derived earliest/latest days.
//!
//! Parsing and bounds come from `edtf-core`; this module adds what Detente
//! needs on top: calendar days as `chrono::NaiveDate`, a human rendering, and
//! the serde form stored in workspace files.
//!
//! Imports only `text` (layer `dates`).

use chrono::{Datelike, NaiveDate};
use edtf_core::{Bound, Edtf, IntervalEndpoint, Precision};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A date written in EDTF, with its derived bounds and (optionally) the
/// expression in the text it was resolved from and the rule that did it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateValue {
    edtf: String,
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
    /// The words in the source the date was read from ("on Wednesday").
    pub expression: Option<String>,
    /// How the expression was resolved ("weekday before publication").
    pub rule: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{input}' is not a valid EDTF date: {reason}")]
pub struct DateError {
    pub input: String,
    pub reason: String,
}

impl DateValue {
    /// Parse an EDTF string. Sets (level 2 `[..]`/`{..}`) and times of day
    /// are refused: an event has one date or one interval.
    pub fn parse(input: &str) -> Result<Self, DateError> {
        let err = |reason: &str| DateError {
            input: input.to_string(),
            reason: reason.to_string(),
        };
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(err("empty"));
        }
        if trimmed.len() > 64 {
            return Err(err("too long"));
        }
        let parsed = Edtf::parse(trimmed).map_err(|e| err(e.message))?;
        match &parsed {
            Edtf::Set(_) => return Err(err("sets of dates are not supported")),
            Edtf::DateTime(_) => return Err(err("times of day are not supported")),
            _ => {}
        }
        if let Edtf::Date(d)
        | Edtf::Interval(edtf_core::Interval {
            start: IntervalEndpoint::Date(d),
            ..
        }) = &parsed
            && d.year.value().is_some_and(|y| !(1..=9999).contains(&y))
        {
            return Err(err("year out of range 0001-9999"));
        }
        let bounds = parsed.bounds();
        let earliest = to_day(bounds.earliest);
        let latest = to_day(bounds.latest);
        if let (Some(a), Some(b)) = (earliest, latest)
            && a > b
        {
            return Err(err("the interval ends before it starts"));
        }
        Ok(DateValue {
            edtf: trimmed.to_string(),
            earliest,
            latest,
            expression: None,
            rule: None,
        })
    }

    /// The days this date is compared on with another source's: its own,
    /// and for a season (`2023-22`) both readings, meteorological (summer
    /// is June to August) and astronomical (21 June to 22 September), so
    /// two sources that each use one do not disagree.
    pub fn span_for_comparison(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let e = self.edtf.as_bytes();
        let season = (e.len() == 7 && e[4] == b'-' && self.edtf[..4].parse::<i32>().is_ok())
            .then(|| self.edtf[5..].parse::<u32>().ok())
            .flatten()
            .filter(|c| (21..=24).contains(c));
        let (Some(code), Ok(y)) = (season, self.edtf[..4].parse::<i32>()) else {
            return (self.earliest, self.latest);
        };
        // (first month, last day of the astronomical reading, in which year).
        let (m, end) = match code {
            21 => (3, NaiveDate::from_ymd_opt(y, 6, 20)),
            22 => (6, NaiveDate::from_ymd_opt(y, 9, 22)),
            23 => (9, NaiveDate::from_ymd_opt(y, 12, 21)),
            _ => (12, NaiveDate::from_ymd_opt(y + 1, 3, 20)),
        };
        let start = NaiveDate::from_ymd_opt(y, m, 1);
        let lo = [self.earliest, start].into_iter().flatten().min();
        let hi = [self.latest, end].into_iter().flatten().max();
        (lo, hi)
    }

    /// A single exact day.
    pub fn day(d: NaiveDate) -> Self {
        Self::parse(&d.format("%Y-%m-%d").to_string()).expect("a calendar day is valid EDTF")
    }

    /// An article's publication date standing in for the date of a passage
    /// that gives none: to be checked by a person (see [`Self::needs_check`]).
    pub fn from_publication(published: &DateValue) -> Self {
        published
            .clone()
            .with_source("the article's publication date", FROM_PUBLICATION)
    }

    /// Whether this date was only taken from the article's publication
    /// (the passage gives none) and nobody has confirmed it yet: the
    /// timeline and the table say "check" beside it. (A Munich meeting once
    /// landed silently on the day the report was published.)
    pub fn needs_check(&self) -> bool {
        self.rule.as_deref() == Some(FROM_PUBLICATION)
    }

    /// The same date, confirmed by the user: no longer to check.
    pub fn confirmed(mut self) -> Self {
        if self.needs_check() {
            self.rule = Some("confirmed by the user".into());
        }
        self
    }

    pub fn with_source(mut self, expression: impl Into<String>, rule: impl Into<String>) -> Self {
        self.expression = Some(expression.into());
        self.rule = Some(rule.into());
        self
    }

    pub fn edtf(&self) -> &str {
        &self.edtf
    }

    /// First calendar day the date can fall on (None: open or unknown start).
    pub fn earliest(&self) -> Option<NaiveDate> {
        self.earliest
    }

    /// Last calendar day the date can fall on (None: open or unknown end).
    pub fn latest(&self) -> Option<NaiveDate> {
        self.latest
    }

    fn parsed(&self) -> Edtf {
        Edtf::parse(&self.edtf).expect("validated on construction")
    }

    /// True when the value names one exact day without qualifiers.
    pub fn is_exact_day(&self) -> bool {
        match self.parsed() {
            Edtf::Date(d) => {
                d.precision() == Precision::Day
                    && !d.is_uncertain()
                    && !d.is_approximate()
                    && !d.has_unspecified()
            }
            _ => false,
        }
    }

    pub fn is_uncertain(&self) -> bool {
        self.parsed().is_uncertain()
    }

    pub fn is_approximate(&self) -> bool {
        self.parsed().is_approximate()
    }

    /// A reading for people: "10-11 May 2023", "c. January 2023", "May 2023?".
    pub fn human(&self) -> String {
        match self.parsed() {
            Edtf::Date(d) => human_date(&d),
            Edtf::Interval(iv) => human_interval(&iv),
            _ => self.edtf.clone(),
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.edtf)
    }
}

/// A bound as a calendar day, within the years a date may name (1 to
/// 9999): an unspecified year (`XXXX-12`) is bounded by year 0 and 9999
/// in edtf-core, which is no day anyone could mean, so that end is open.
/// (A report once took year 0 for a day and panicked.)
fn to_day(b: Bound) -> Option<NaiveDate> {
    match b {
        Bound::Date(d) if (1..=9999).contains(&d.year) => {
            NaiveDate::from_ymd_opt(i32::try_from(d.year).ok()?, d.month.into(), d.day.into())
        }
        _ => None,
    }
}

/// The rule of a date taken from the article's publication because the
/// passage gives none.
pub const FROM_PUBLICATION: &str = "no date expression near the passage; check the text";

/// The months' English names, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn qualifier_affixes(d: &edtf_core::Date) -> (&'static str, &'static str) {
    let prefix = if d.is_approximate() { "c. " } else { "" };
    let suffix = if d.is_uncertain() { "?" } else { "" };
    (prefix, suffix)
}

fn human_date(d: &edtf_core::Date) -> String {
    let (prefix, suffix) = qualifier_affixes(d);
    let b = edtf_core::Edtf::Date(*d).bounds();
    let (Some(lo), Some(hi)) = (to_day(b.earliest), to_day(b.latest)) else {
        return "unknown".into();
    };
    let body = if d.has_unspecified() {
        if lo.year() == hi.year() && lo.month() == hi.month() {
            format!("some day in {} {}", MONTHS[lo.month0() as usize], lo.year())
        } else if lo.year() == hi.year() {
            format!("some time in {}", lo.year())
        } else {
            format!("{}s", lo.year())
        }
    } else {
        match d.precision() {
            Precision::Day => format!(
                "{} {} {}",
                lo.day(),
                MONTHS[lo.month0() as usize],
                lo.year()
            ),
            Precision::Month => format!("{} {}", MONTHS[lo.month0() as usize], lo.year()),
            Precision::Season => {
                let code = d.month.and_then(|m| m.value()).unwrap_or(0);
                let season = match code {
                    21 => "Spring",
                    22 => "Summer",
                    23 => "Autumn",
                    24 => "Winter",
                    25..=32 => "Season",
                    33..=36 => "Quarter",
                    _ => "Part of",
                };
                format!("{season} {}", lo.year())
            }
            Precision::Year => format!("{}", lo.year()),
        }
    };
    format!("{prefix}{body}{suffix}")
}

fn human_interval(iv: &edtf_core::Interval) -> String {
    let side = |e: &IntervalEndpoint| match e {
        IntervalEndpoint::Date(d)
        | IntervalEndpoint::OnOrBefore(d)
        | IntervalEndpoint::OnOrAfter(d) => Some(*d),
        _ => None,
    };
    match (side(&iv.start), side(&iv.end)) {
        (Some(a), Some(b)) => {
            let plain = |d: &edtf_core::Date| {
                d.precision() == Precision::Day
                    && !d.is_uncertain()
                    && !d.is_approximate()
                    && !d.has_unspecified()
            };
            if plain(&a) && plain(&b) {
                let ba = edtf_core::Edtf::Date(a).bounds();
                let bb = edtf_core::Edtf::Date(b).bounds();
                if let (Some(x), Some(y)) = (to_day(ba.earliest), to_day(bb.earliest)) {
                    let m = |d: NaiveDate| MONTHS[d.month0() as usize];
                    let last = NaiveDate::from_ymd_opt(x.year(), x.month(), 28)
                        .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                        .and_then(|d| d.with_day(1))
                        .and_then(|d| d.pred_opt());
                    let same_month = x.year() == y.year() && x.month() == y.month();
                    let part = match (x.day(), Some(y) == last, y.day()) {
                        (1, _, 10) => Some("early"),
                        (11, _, 20) => Some("mid"),
                        (21, true, _) => Some("late"),
                        _ => None,
                    };
                    if let (true, Some(part)) = (same_month, part) {
                        return format!("{part} {} {}", m(x), x.year());
                    }
                    return if x.year() == y.year() && x.month() == y.month() {
                        format!("{}-{} {} {}", x.day(), y.day(), m(x), x.year())
                    } else if x.year() == y.year() {
                        format!("{} {} - {} {} {}", x.day(), m(x), y.day(), m(y), x.year())
                    } else {
                        format!(
                            "{} {} {} - {} {} {}",
                            x.day(),
                            m(x),
                            x.year(),
                            y.day(),
                            m(y),
                            y.year()
                        )
                    };
                }
            }
            format!("{} - {}", human_date(&a), human_date(&b))
        }
        (Some(a), None) => match iv.end {
            IntervalEndpoint::Open => format!("from {} on", human_date(&a)),
            _ => format!("from {} (end unknown)", human_date(&a)),
        },
        (None, Some(b)) => match iv.start {
            IntervalEndpoint::Open => format!("until {}", human_date(&b)),
            _ => format!("(start unknown) until {}", human_date(&b)),
        },
        (None, None) => "unknown".into(),
    }
}

/// The stored form: the EDTF string plus derived days for other programs.
/// On load the days are recomputed from the EDTF, never trusted.
#[derive(Serialize, Deserialize)]
struct DateRepr {
    edtf: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    earliest: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    latest: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expression: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rule: Option<String>,
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        DateRepr {
            edtf: self.edtf.clone(),
            earliest: self.earliest.map(|d| d.to_string()),
            latest: self.latest.map(|d| d.to_string()),
            expression: self.expression.clone(),
            rule: self.rule.clone(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = DateRepr::deserialize(d)?;
        let mut v = DateValue::parse(&r.edtf).map_err(serde::de::Error::custom)?;
        v.expression = r.expression;
        v.rule = r.rule;
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn an_unspecified_year_has_no_day_for_that_end() {
        // edtf-core bounds XXXX at year 0 and 9999; year 0 is no day, and
        // a report once panicked making one of it.
        let december = DateValue::parse("XXXX-12").unwrap();
        assert_eq!(december.earliest(), None);
        let unknown = DateValue::parse("XXXX/XXXX").unwrap();
        assert_eq!(unknown.earliest(), None);
        assert_eq!(
            DateValue::parse("2023-05").unwrap().earliest(),
            Some(d("2023-05-01"))
        );
    }

    #[test]
    fn seasons_are_compared_in_either_reading() {
        let summer = DateValue::parse("2023-22").unwrap();
        let (a, b) = summer.span_for_comparison();
        assert_eq!(a, Some(d("2023-06-01")));
        assert_eq!(b, Some(d("2023-09-22")));
        // Winter runs into the next year.
        let (_, b) = DateValue::parse("2023-24").unwrap().span_for_comparison();
        assert_eq!(b, Some(d("2024-03-20")));
        // Anything else is compared on its own days.
        let may = DateValue::parse("2023-05").unwrap();
        assert_eq!(may.span_for_comparison(), (may.earliest(), may.latest()));
    }

    #[test]
    fn precisions_have_the_right_bounds() {
        let cases = [
            ("2023", "2023-01-01", "2023-12-31"),
            ("2023-02", "2023-02-01", "2023-02-28"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2023-05-10", "2023-05-10", "2023-05-10"),
            ("2023-05-10/2023-05-11", "2023-05-10", "2023-05-11"),
            ("2023-01~", "2023-01-01", "2023-01-31"),
            ("2023-06?", "2023-06-01", "2023-06-30"),
            ("2023-05-XX", "2023-05-01", "2023-05-31"),
        ];
        for (e, lo, hi) in cases {
            let v = DateValue::parse(e).unwrap();
            assert_eq!(v.earliest(), Some(d(lo)), "{e}");
            assert_eq!(v.latest(), Some(d(hi)), "{e}");
        }
    }

    #[test]
    fn open_and_unknown_interval_ends() {
        let v = DateValue::parse("2023-05-10/..").unwrap();
        assert_eq!(v.earliest(), Some(d("2023-05-10")));
        assert_eq!(v.latest(), None);
        let v = DateValue::parse("/2023-05").unwrap();
        assert_eq!(v.earliest(), None);
        assert_eq!(v.latest(), Some(d("2023-05-31")));
    }

    #[test]
    fn refuses_invalid() {
        for bad in [
            "",
            "2023-13",
            "2023-02-30",
            "May 2023",
            "2023-05-11/2023-05-10",
            "{2023,2024}",
            "2023-05-10T10:00:00",
        ] {
            assert!(DateValue::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn human_rendering() {
        let h = |s: &str| DateValue::parse(s).unwrap().human();
        assert_eq!(h("2023-05-10/2023-05-11"), "10-11 May 2023");
        assert_eq!(h("2023-01~"), "c. January 2023");
        assert_eq!(h("2023-05?"), "May 2023?");
        assert_eq!(h("2022-11-14"), "14 November 2022");
        assert_eq!(h("2023-05-31/2023-06-02"), "31 May - 2 June 2023");
        assert_eq!(h("2023"), "2023");
        assert_eq!(h("2024-06-21/2024-06-30"), "late June 2024");
        assert_eq!(h("2023-05-01/2023-05-10"), "early May 2023");
        assert_eq!(h("2023-05-21/2023-05-30"), "21-30 May 2023");
        assert!(DateValue::parse("2023-05-10").unwrap().is_exact_day());
        assert!(!DateValue::parse("2023-05").unwrap().is_exact_day());
        assert!(!DateValue::parse("2023-05-10~").unwrap().is_exact_day());
    }

    #[test]
    fn serde_recomputes_derived_days() {
        let json = r#"{"edtf":"2023-05","earliest":"1999-01-01","latest":"1999-01-01"}"#;
        let v: DateValue = serde_json::from_str(json).unwrap();
        assert_eq!(v.earliest(), Some(d("2023-05-01")));
        assert!(serde_json::from_str::<DateValue>(r#"{"edtf":"nope"}"#).is_err());
    }
}
