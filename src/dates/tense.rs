//! Sentences and tense around a date expression: where the sentence
//! starts and ends, and whether its clause speaks of the future, which
//! decides between the last and the next occurrence of a month or day.
//!
//! Imports only `text` (layer `dates`).

/// Whether the sentence speaks of the future.
fn future_tense(sentence: &str) -> bool {
    let s = sentence.to_lowercase();
    STRONG_FUTURE.iter().any(|k| s.contains(k))
}

/// Markers of the future strong enough to set the tense of a sentence.
const STRONG_FUTURE: &[&str] = &[
    " will ",
    "'ll ",
    "’ll ",
    " is due to",
    " are due to",
    " is scheduled to",
    " are scheduled to",
    " is set to",
    " are set to",
    " plans to",
    " plan to",
    " is expected to",
    " are expected to",
    " is to ",
    " are to ",
    " would visit",
    " upcoming",
    " is planned",
    " are planned",
];

/// Modals that speak of what may come ("could take place", "might meet"):
/// only the clause they stand in is in the future.
const WEAK_FUTURE: &[&str] = &[" could ", " might ", " may be ", " may also ", " can be "];

/// The clause around chars `s..e`, inside its sentence: up to the nearest
/// comma, semicolon, colon, dash or bracket on each side.
fn clause(chars: &[char], s: usize, e: usize) -> String {
    let (sa, sb) = sentence_bounds(chars, s, e);
    let stop = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')');
    let mut a = s;
    while a > sa && !stop(chars[a - 1]) {
        a -= 1;
    }
    let mut b = e.min(sb);
    while b < sb && !stop(chars[b]) {
        b += 1;
    }
    format!(" {} ", chars[a..b].iter().collect::<String>())
}

/// The tense that decides between the last and the next occurrence.
pub(crate) fn is_future(chars: &[char], s: usize, e: usize) -> bool {
    if past_verb_before(chars, s) {
        return false;
    }
    let c = clause(chars, s, e).to_lowercase();
    WEAK_FUTURE
        .iter()
        .chain(STRONG_FUTURE)
        .any(|k| c.contains(k))
        || future_tense(&sentence(chars, s, e))
}

/// Whether one of the three words before `start` is a past-tense verb
/// ("said on Sunday that they would meet" speaks of a past Sunday).
fn past_verb_before(chars: &[char], start: usize) -> bool {
    let mut a = start;
    let mut words = 0;
    while a > 0 && words < 3 {
        a -= 1;
        if chars[a] == ' ' {
            words += 1;
        }
        if matches!(chars[a], '.' | '!' | '?' | '\n' | ',') {
            break;
        }
    }
    let before: String = chars[a..start].iter().collect::<String>().to_lowercase();
    before.split(|c: char| !c.is_alphabetic()).any(|w| {
        matches!(
            w,
            "said"
                | "met"
                | "told"
                | "held"
                | "spoke"
                | "made"
                | "took"
                | "came"
                | "went"
                | "was"
                | "were"
                | "since"
                | "ago"
                | "earlier"
                | "previous"
                | "previously"
                | "first"
                | "had"
                | "announced"
                | "visited"
                | "arrived"
                | "talked"
                | "called"
                | "stated"
                | "agreed"
                | "left"
        ) || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed"))
    })
}

/// Whether the char at `i` ends a sentence: a newline, or '.', '!', '?'
/// after a lowercase letter, digit or quote and before a space and a
/// capital (so "U.S. Secretary" and "Aug. 4" do not end one).
fn ends_sentence(chars: &[char], i: usize) -> bool {
    match chars[i] {
        '\n' | '。' | '！' | '？' => true,
        '.' | '!' | '?' => {
            let prev_ok = i == 0 || {
                let p = chars[i - 1];
                p.is_lowercase() || p.is_ascii_digit() || matches!(p, '"' | '”' | '’' | ')')
            };
            let next_ok = match chars.get(i + 1) {
                None => true,
                Some(c) if c.is_whitespace() => chars
                    .get(i + 2)
                    .is_none_or(|n| n.is_uppercase() || matches!(n, '"' | '“' | '‘')),
                Some(c) => matches!(c, '"' | '”' | '’'),
            };
            prev_ok && next_ok
        }
        _ => false,
    }
}

/// The chars of the sentence(s) around `s..e`: (start, end).
pub fn sentence_bounds(chars: &[char], s: usize, e: usize) -> (usize, usize) {
    let mut a = s.min(chars.len());
    while a > 0 && !ends_sentence(chars, a - 1) {
        a -= 1;
    }
    let mut b = e.min(chars.len());
    if b > a && ends_sentence(chars, b - 1) {
        return (a, b);
    }
    while b < chars.len() && !ends_sentence(chars, b) {
        b += 1;
    }
    (a, b)
}

/// Words that open another clause (or another event's account) inside a
/// sentence: "…met Wang Yi, while the summit is set for 19-21 May".
const CLAUSE_WORDS: &[&str] = &[
    "but",
    "while",
    "whereas",
    "although",
    "though",
    "however",
    "which",
    "who",
    "whom",
    "after",
    "before",
    "since",
    "until",
    "meanwhile",
    "whereupon",
];

/// Whether chars `a..b` (the text between a passage and a date beside it)
/// cross into another clause: a semicolon, colon, dash or bracket, a
/// clause-opening word, or ", and". A bare comma does not ("On 10 May,
/// Sullivan met Wang Yi").
pub fn crosses_clause(chars: &[char], a: usize, b: usize) -> bool {
    let between: String = chars[a.min(chars.len())..b.min(chars.len())]
        .iter()
        .collect();
    if between
        .chars()
        .any(|c| matches!(c, ';' | ':' | '—' | '(' | ')' | '；' | '：'))
        || between.contains(" – ")
        || between.contains(" - ")
    {
        return true;
    }
    let lower = between.to_lowercase();
    if lower.contains(", and ") {
        return true;
    }
    lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| CLAUSE_WORDS.contains(&w))
}

/// The sentence around chars `s..e` of `chars`, padded with spaces.
pub(crate) fn sentence(chars: &[char], s: usize, e: usize) -> String {
    let (a, b) = sentence_bounds(chars, s, e);
    format!(" {} ", chars[a..b].iter().collect::<String>())
}
