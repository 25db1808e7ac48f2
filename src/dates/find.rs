//! Finding and resolving date expressions in news text, the way temporal
//! taggers such as HeidelTime do: relative expressions ("on Wednesday",
//! "last November", "earlier this month") are anchored on the article's
//! publication date, with the tense of the sentence deciding between the
//! last and the next occurrence. Every result carries the rule used;
//! expressions that cannot be anchored are reported, never guessed.
//!
//! Imports only `text` (layer `dates`).

use crate::dates::edtf::DateValue;
use crate::dates::resolve::{Ctx, resolve};
use crate::dates::tense::{crosses_clause, sentence_bounds, tense_at};
use crate::text::offsets::CharIndex;
use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// One date expression found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    /// Char offsets of the expression.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The kind of expression (the finder's rule: "month day", "quarter",
    /// "holiday"...).
    pub class: String,
    /// The resolved date, or None when it cannot be anchored.
    #[serde(skip)]
    pub value: Option<DateValue>,
    pub edtf: Option<String>,
    pub earliest: Option<String>,
    pub latest: Option<String>,
    /// The rule that resolved it, or why it could not be.
    pub rule: String,
}

const MONTH_RE: &str = r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";
/// Events and periods history names by their year ("the war of 1898",
/// "the Act of 1867", "the class of 1975"): before "of", a year from 1500.
const EVENT_NOUNS: &str = r"(?:wars?|revolutions?|uprising|rebellion|revolt|coup|crisis|crash|panic|depression|recession|treaty|accord|agreement|act|convention|constitution|congress|conference|summit|elections?|referendum|massacre|famine|flood|earthquake|fire|riots?|strike|games|olympics|class|summer|winter|spring|autumn|fall)";
const WEEKDAY_RE: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

struct Rule {
    name: &'static str,
    re: Regex,
}

fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        let m = MONTH_RE;
        let w = WEEKDAY_RE;
        let d = r"(\d{1,2})(?:st|nd|rd|th)?";
        let y = r"((?:19|20)\d{2})";
        let num = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)";
        let defs: Vec<(&'static str, String)> = vec![
            ("iso date", format!(r"\b{y}-(\d{{2}})-(\d{{2}})\b")),
            ("numeric date", r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b".to_string()),
            // Ranges.
            ("month day range", format!(r"\b(?:from\s+)?({m})\s+{d}\s*(?:-|–|to|and|through|until)\s*(?:({m})\s+)?{d}(?:,?\s+{y})?\b")),
            ("day month range", format!(r"\b{d}\s*(?:-|–|to|and)\s*{d}\s+({m})(?:,?\s+{y})?\b")),
            ("weekday pair", format!(r"\b(?:on\s+)?({w})\s+and\s+({w})\b")),
            // Single days. A weekday before the day names its year when
            // none is given ("Saturday, April 25").
            ("weekday month day", format!(r"\b(?:on\s+)?({w}),?\s+({m})\s+{d}(?:,?\s+{y})?\b")),
            ("month day year", format!(r"\b({m})\s+{d},?\s+{y}\b")),
            ("day month year", format!(r"\b{d}\s+({m}),?\s+{y}\b")),
            // With the word before ("since Feb. 2", "the March 1 deadline"):
            // longer than the month alone with that word, so the day is kept.
            ("month day", format!(r"\b(?:(?:since|until|till|by|on|from|through|before|after|for|the)\s+)?({m})\s+{d}\b")),
            ("day month", format!(r"\b(?:(?:since|until|till|by|on|from|through|before|after|for|the)\s+)?{d}\s+({m})\b")),
            // Parts of months.
            ("part of month", format!(r"\b(early|mid|late|the\s+end\s+of|the\s+beginning\s+of|end\s+of|mid-)\s*-?\s*({m})(?:\s+{y})?\b")),
            ("month year", format!(r"\b({m})\s+(?:of\s+)?{y}\b")),
            ("relative month name", format!(r"\b(last|this|next|in|since|until|by|early|earlier|a|the|through|throughout|for|during)\s+({m})\b")),
            ("month possessive", format!(r"\b({m})['’]s\b")),
            // Relative expressions.
            ("earlier/later this", r"\b(earlier|later)\s+this\s+(week|month|year)\b".to_string()),
            ("last/this/next unit", r"\b(last|this|next|past|coming)\s+(week|month|year|weekend|summer|winter|spring|autumn|fall)\b".to_string()),
            ("the weekend", r"\b(?:over|at|during)\s+the\s+weekend\b".to_string()),
            ("ago", format!(r"\b{num}\s+(day|week|month|year)s?\s+ago\b")),
            ("yesterday/today/tomorrow", r"\b(yesterday|today|tomorrow)\b".to_string()),
            ("weekday", format!(r"\b(?:(last|next|this|on)\s+)?({w})(?:'s)?\b")),
            // A year after a preposition; history reaches back before 1900
            // ("since 1898") except after a bare "of", where a count is
            // likelier ("a total of 1500"), unless an event or a period
            // comes before it ("the war of 1898", "the summer of 1969").
            ("year", format!(r"\b(?:(?:(?:in|since|by|until|from|before|after|during)\s+|(?:early|mid|late)[\s-]+)((?:1[5-9]|20)\d{{2}})|of\s+{y}|{EVENT_NOUNS}\s+of\s+((?:1[5-9]|20)\d{{2}}))\b")),
        ];
        let defs = defs
            .into_iter()
            .chain(crate::dates::periods::rules())
            .chain(crate::dates::holidays::rules());
        defs.into_iter()
            .map(|(name, pat)| Rule {
                name,
                // ASCII word boundaries: a Unicode \b makes the regex engine
                // give up its fast DFA on any text with a curly quote, and
                // every rule here starts and ends with ASCII words or digits.
                re: Regex::new(&format!("(?i){}", pat.replace(r"\b", r"(?-u:\b)")))
                    .expect("valid date pattern"),
            })
            .collect()
    })
}

/// The text in pieces no date spans: paragraphs, and a long paragraph (a
/// PDF's lines) cut further at line ends that end a sentence.
fn chunks(text: &str) -> impl Iterator<Item = &str> {
    const LONG: usize = 8 * 1024;
    text.split_inclusive("\n\n").flat_map(|para| {
        let mut out = vec![];
        let mut rest = para;
        while rest.len() > LONG {
            // From the first char boundary at or after LONG bytes.
            let from = (LONG..rest.len())
                .find(|&i| rest.is_char_boundary(i))
                .unwrap_or(rest.len());
            let cut = rest[from..]
                .match_indices('\n')
                .map(|(i, _)| from + i)
                .find(|&i| rest[..i].ends_with(['.', '!', '?', '"', '”']));
            let Some(i) = cut else { break };
            out.push(&rest[..=i]);
            rest = &rest[i + 1..];
        }
        out.push(rest);
        out
    })
}

/// Every rule at once, to know which to run on a paragraph.
fn rule_set() -> &'static regex::RegexSet {
    static SET: OnceLock<regex::RegexSet> = OnceLock::new();
    SET.get_or_init(|| {
        regex::RegexSet::new(rules().iter().map(|r| r.re.as_str())).expect("valid date patterns")
    })
}

/// Every date expression in `text`, resolved against the publication date.
pub fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<Found> {
    let idx = CharIndex::new(text);
    let chars: Vec<char> = text.chars().collect();
    // (byte start, byte end, rule index)
    let mut hits: Vec<(usize, usize, usize)> = vec![];
    // Paragraph by paragraph (no date spans a blank line), only the rules
    // that match in it are run: one pass of all rules together, then a
    // few, instead of every rule over the whole text.
    let mut offset = 0;
    for para in chunks(text) {
        for ri in rule_set().matches(para).iter() {
            for m in rules()[ri].re.find_iter(para) {
                hits.push((offset + m.start(), offset + m.end(), ri));
            }
        }
        offset += para.len();
    }
    // Longest first ("in November 2022" over "in November"), then earlier
    // rules, then earlier starts; a match overlapping a chosen one is dropped.
    hits.sort_by(|a, b| {
        (b.1 - b.0)
            .cmp(&(a.1 - a.0))
            .then(a.2.cmp(&b.2))
            .then(a.0.cmp(&b.0))
    });
    // Chosen matches never overlap, so keyed by start, only the last one
    // starting before a hit ends can overlap it.
    let mut taken: std::collections::BTreeMap<usize, (usize, usize)> = Default::default();
    for h in hits {
        if taken
            .range(..h.1)
            .next_back()
            .is_some_and(|(_, &(end, _))| end > h.0)
        {
            continue;
        }
        taken.insert(h.0, (h.1, h.2));
    }
    let chosen: Vec<(usize, usize, usize)> =
        taken.into_iter().map(|(s, (e, r))| (s, e, r)).collect();
    let mut out = vec![];
    for (bs, be, ri) in chosen {
        let rule = &rules()[ri];
        let slice = &text[bs..be];
        let Some(caps) = rule.re.captures(slice) else {
            continue;
        };
        let (start, end) = (idx.char_of_byte(bs), idx.char_of_byte(be));
        // "May" is also a verb, and a bare weekday/month word with no
        // preposition in front may be a name: skip the doubtful ones.
        if doubtful(rule.name, slice, &chars, start) {
            continue;
        }
        let (sa, sb) = sentence_bounds(&chars, start, end);
        let before: String = chars[sa..start].iter().collect();
        let sentence: String = chars[sa..sb.max(end)].iter().collect();
        let ctx = Ctx {
            before: &before,
            sentence: &sentence,
            pubd: published,
            tense: tense_at(&chars, start, end),
            caps: &caps,
        };
        // The periods and holidays resolve their own rules; the rest here.
        let resolved = crate::dates::periods::resolve(rule.name, &ctx)
            .or_else(|| crate::dates::holidays::resolve(rule.name, &ctx))
            .unwrap_or_else(|| resolve(rule.name, &ctx));
        let (value, rule_text) = match resolved {
            Ok((edtf, how)) => match DateValue::parse(&edtf) {
                Ok(v) => {
                    let how = match published {
                        Some(p) if !how.starts_with("explicit") => {
                            format!("{how} ({})", relative_to(p))
                        }
                        _ => how,
                    };
                    (Some(v.with_source(slice, how.clone())), how)
                }
                Err(e) => (None, format!("cannot resolve: {}", e.reason)),
            },
            Err(why) => (None, why),
        };
        out.push(Found {
            start,
            end,
            text: slice.to_string(),
            class: rule.name.to_string(),
            edtf: value.as_ref().map(|v| v.edtf().to_string()),
            earliest: value
                .as_ref()
                .and_then(|v| v.earliest())
                .map(|d| d.to_string()),
            latest: value
                .as_ref()
                .and_then(|v| v.latest())
                .map(|d| d.to_string()),
            value,
            rule: rule_text,
        });
    }
    out
}

fn relative_to(p: NaiveDate) -> String {
    format!("relative to {}", p.format("%-d %B %Y"))
}

fn doubtful(rule: &str, slice: &str, chars: &[char], start: usize) -> bool {
    let lower = slice.to_lowercase();
    match rule {
        // "may" as a verb: "they may 5 ..." is rare; require a capital M.
        "month day" | "day month" | "relative month name" | "part of month" => {
            lower.contains("may") && !slice.contains("May")
        }
        // "Christmas Island", "Easter Rising": a name, not the day.
        "holiday" => {
            let last = slice.split_whitespace().last().unwrap_or(slice);
            !matches!(last, "Day" | "Eve" | "Sunday")
                && is_title_word(chars, start + slice.chars().count() - last.chars().count())
        }
        // The first half of a match is not half a year.
        "half" => {
            let after: String = chars
                .iter()
                .skip(start + slice.chars().count())
                .take(20)
                .collect::<String>()
                .to_lowercase();
            after.starts_with(" of the match")
                || after.starts_with(" of the game")
                || after.starts_with(" of play")
        }
        // "Sunday Times", "Tuesday's" are fine; a weekday starting a
        // sentence is fine; lowercase weekday words are rare in news.
        "weekday" => {
            let word = slice.split_whitespace().last().unwrap_or(slice);
            let at = start + slice.chars().count() - word.chars().count();
            !word.chars().any(|c| c.is_uppercase()) || is_title_word(chars, at)
        }
        _ => false,
    }
}

/// Whether the word at `start` is in a run of capitalised words that looks
/// like a name ("Sunday Times").
fn is_title_word(chars: &[char], start: usize) -> bool {
    let mut end = start;
    while end < chars.len() && chars[end].is_alphabetic() {
        end += 1;
    }
    let next_word_cap =
        chars.get(end) == Some(&' ') && chars.get(end + 1).is_some_and(|c| c.is_uppercase());
    let next: String = chars
        .iter()
        .skip(end + 1)
        .take_while(|c| c.is_alphabetic())
        .collect();
    next_word_cap && !matches!(next.as_str(), "and" | "And" | "I") && next != "The"
}

/// The first resolved expression within `start..end`.
fn inside(found: &[Found], start: usize, end: usize) -> Option<&Found> {
    found
        .iter()
        .find(|f| f.value.is_some() && f.start >= start && f.end <= end)
}

/// What the rule of a passage's date adds when the date was found in
/// another clause of the sentence than the passage.
pub const OTHER_CLAUSE: &str =
    "found in another clause of the sentence than the passage: check that it is this event's";

/// The date a passage (chars `start..end` of `chars`) gives, as
/// [`suggest_in_chars`] finds it; when it comes from outside the passage
/// across a clause boundary, its rule says so ([`OTHER_CLAUSE`]), and the
/// window flags it.
pub fn passage_date_in(
    found: &[Found],
    chars: &[char],
    start: usize,
    end: usize,
) -> Option<DateValue> {
    let f = suggest_in_chars(found, chars, start, end)?;
    let mut v = f.value.clone()?;
    let between = if f.end <= start {
        Some((f.end, start))
    } else if f.start >= end {
        Some((end, f.start))
    } else {
        None
    };
    if between.is_some_and(|(a, b)| crosses_clause(chars, a, b)) {
        v.rule = Some(match v.rule.take() {
            Some(r) => format!("{r}; {OTHER_CLAUSE}"),
            None => OTHER_CLAUSE.into(),
        });
    }
    Some(v)
}

/// Whether a passage's date was taken from another clause than the passage.
pub fn from_other_clause(d: &DateValue) -> bool {
    d.rule.as_deref().is_some_and(|r| r.contains(OTHER_CLAUSE))
}

/// The date expression to offer for a passage (chars `start..end` of
/// `chars`, collected once by a caller that asks for many passages of one
/// text): the first inside it, else the nearest in the same sentence.
/// Nothing further away: a date in the next sentence usually belongs to
/// something else.
pub fn suggest_in_chars<'a>(
    found: &'a [Found],
    chars: &[char],
    start: usize,
    end: usize,
) -> Option<&'a Found> {
    if let Some(f) = inside(found, start, end) {
        return Some(f);
    }
    let (a, b) = sentence_bounds(chars, start, end.max(start + 1).min(chars.len()));
    found
        .iter()
        .filter(|f| f.value.is_some() && f.start >= a && f.end <= b)
        .min_by_key(|f| {
            if f.end <= start {
                start - f.end
            } else {
                f.start.saturating_sub(end)
            }
        })
}

#[cfg(test)]
mod clause_tests {
    use super::*;

    /// A long paragraph is cut at sentence-ending line ends, never inside
    /// a character (the fuzzer found one where 8 KB fell inside "é"), and
    /// a date in every piece is still found.
    #[test]
    fn long_paragraphs_are_cut_between_characters_and_keep_their_dates() {
        for pad in 0..3 {
            let mut text = "a".repeat(pad);
            while text.len() < 40_000 {
                text.push_str("Les ministres réunis à Genève: talks on May 3, 2023.\n");
            }
            let pieces: Vec<&str> = chunks(&text).collect();
            assert!(pieces.len() > 1);
            assert_eq!(pieces.concat(), text);
            let found = find_dates(&text, NaiveDate::from_ymd_opt(2023, 6, 1));
            assert_eq!(found.len(), text.matches("May 3, 2023").count());
            assert!(
                found
                    .iter()
                    .all(|f| f.edtf.as_deref() == Some("2023-05-03"))
            );
        }
        // Multi-byte text across the 8 KB mark.
        let text = "é".repeat(5_000) + ".\n" + &"é".repeat(5_000);
        assert_eq!(chunks(&text).collect::<Vec<_>>().concat(), text);
    }

    fn date_of(sentence: &str, passage: &str) -> Option<DateValue> {
        let published = NaiveDate::from_ymd_opt(2023, 5, 12);
        let found = find_dates(sentence, published);
        let chars: Vec<char> = sentence.chars().collect();
        let b = sentence.find(passage).unwrap();
        let s = sentence[..b].chars().count();
        passage_date_in(&found, &chars, s, s + passage.chars().count())
    }

    #[test]
    fn a_date_from_another_clause_is_flagged_and_one_in_the_same_is_not() {
        // Issue 15, item 3: the passage took "19-21 May 2023" from another
        // clause of the same sentence.
        let d = date_of(
            "Sullivan met Wang Yi in Vienna, while the G7 summit is set for 19-21 May 2023.",
            "Sullivan met Wang Yi in Vienna",
        )
        .unwrap();
        assert_eq!(d.edtf(), "2023-05-19/2023-05-21");
        assert!(from_other_clause(&d), "{:?}", d.rule);
        // An introductory date, a bare comma: the same clause.
        let d = date_of(
            "On 10 May, Sullivan met Wang Yi in Vienna.",
            "Sullivan met Wang Yi",
        )
        .unwrap();
        assert_eq!(d.edtf(), "2023-05-10");
        assert!(!from_other_clause(&d), "{:?}", d.rule);
        // Inside the passage: never flagged.
        let d = date_of(
            "Sullivan met Wang Yi on 10 May; talks resume in June.",
            "Sullivan met Wang Yi on 10 May",
        )
        .unwrap();
        assert!(!from_other_clause(&d));
        // Across a semicolon.
        let d = date_of(
            "Sullivan met Wang Yi; talks resume on 1 June.",
            "Sullivan met Wang Yi",
        )
        .unwrap();
        assert!(from_other_clause(&d));
    }
}
