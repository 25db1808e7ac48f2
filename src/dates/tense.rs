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
const WEAK_FUTURE: &[&str] = &[
    " could ",
    " might ",
    " may be ",
    " may also ",
    " can be ",
    " would ",
];

/// The clause around chars `s..e`, inside its sentence (bounds `sa..sb`):
/// up to the nearest comma, semicolon, colon, dash or bracket on each side.
fn clause_in(chars: &[char], s: usize, e: usize, (sa, sb): (usize, usize)) -> (usize, usize) {
    let stop = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')');
    let mut a = s;
    while a > sa && !stop(chars[a - 1]) {
        a -= 1;
    }
    let mut b = e.min(sb);
    while b < sb && !stop(chars[b]) {
        b += 1;
    }
    (a, b)
}

/// The tense of the clause around a date, which decides between the last
/// and the next occurrence of a month, day or season given without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// The last occurrence, on or before publication.
    Past,
    /// The next, on or after publication (the future, or the present of
    /// a schedule: "Voting closes on Dec. 3").
    Future,
    /// No verb says: the occurrence nearest to publication ("data for
    /// March", a headline).
    Unmarked,
}

/// Present-tense verbs of a schedule: what they date is to come.
const SCHEDULE: &[&str] = &[
    " closes ",
    " close ",
    " opens ",
    " open on",
    " begins ",
    " begin ",
    " starts ",
    " start on",
    " ends ",
    " end on",
    " takes place",
    " take place",
    " runs ",
    " expires ",
    " expire ",
    " falls on",
    " open in",
    " opens in",
    " polls open",
    " resumes ",
    " convenes ",
    " kicks off",
    " is expected",
    " are expected",
    " is due",
    " are due",
    " is scheduled",
    " are scheduled",
    " is slated",
    " are slated",
    " is planned",
    " is set for",
    " are set for",
    " next ",
    " payable ",
];

/// First words of a short clause that only places what follows in time
/// ("In January,", "Earlier this month,", "Last week,").
const ADVERBIAL_OPENERS: &[&str] = &[
    "in", "on", "at", "by", "during", "since", "from", "until", "earlier", "later", "last", "this",
    "early", "late", "mid",
];

/// Whether a clause (lower case, spaced) has a verb of its own that
/// gives a tense.
fn own_verb(c: &str) -> bool {
    has_past_verb(c)
        || [
            " is ", " are ", " was ", " were ", " has ", " have ", " had ", " will ",
        ]
        .iter()
        .any(|k| c.contains(k))
}

/// Word beginnings of a deadline or a postponement (see [`tense_at`]).
const DEFERRAL: &[&str] = &[
    "deadline", "extend", "postpon", "delay", "defer", "resched", "adjourn",
];

/// Irregular past forms common in news (regular ones end in "-ed").
const PAST_FORMS: &[&str] = &[
    "said",
    "met",
    "told",
    "held",
    "spoke",
    "made",
    "took",
    "came",
    "went",
    "was",
    "were",
    "had",
    "did",
    "left",
    "saw",
    "began",
    "won",
    "lost",
    "fell",
    "rose",
    "grew",
    "gave",
    "got",
    "sent",
    "paid",
    "led",
    "ran",
    "hit",
    "put",
    "set",
    "shot",
    "struck",
    "sought",
    "thought",
    "brought",
    "bought",
    "became",
    "wrote",
    "spent",
    "kept",
    "broke",
    "chose",
    "drew",
    "flew",
    "froze",
    "stood",
    "ago",
    "earlier",
    "previously",
    "since",
];

/// Whether a word is a past-tense verb (or says the past: "ago").
fn past_word(w: &str) -> bool {
    PAST_FORMS.contains(&w) || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed"))
}

/// The tense that decides between the last and the next occurrence: a
/// past verb just before the date, then the future or a schedule in its
/// clause or sentence, then a past verb in its sentence, then a present
/// "is"/"are" (the present of a schedule); else unmarked. A date opening
/// the sentence in a clause of its own takes the tense of the clause it
/// introduces; a deadline or postponement reported in the past is
/// unmarked (the nearest date). Each of these two was kept because it
/// helped on TimeBank documents it was not found on (README).
pub(crate) fn tense_at(chars: &[char], s: usize, e: usize) -> Tense {
    let sentence = sentence_bounds(chars, s, e);
    let clause = clause_in(chars, s, e, sentence);
    let c = spaced_lower(&chars[clause.0..clause.1]);
    let tense = clause_tense(chars, s, e, sentence, clause, &c);
    // A deadline or a postponement reported in the past names a date
    // ahead of the report ("extended to Nov. 20 its offer", "has set Nov.
    // 10 as the deadline") or just behind it ("the deadline passed on
    // Oct. 30"): the nearest one.
    let deferral = || {
        c.split(|ch: char| !ch.is_alphabetic())
            .any(|w| DEFERRAL.iter().any(|d| w.starts_with(d)))
            || [" pushed back", " push back", " put off"]
                .iter()
                .any(|k| c.contains(k))
    };
    if tense == Tense::Past && deferral() {
        return Tense::Unmarked;
    }
    tense
}

/// Chars as a lower-case string with a space at each end.
fn spaced_lower(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len() + 2);
    out.push(' ');
    out.extend(chars.iter().flat_map(|c| c.to_lowercase()));
    out.push(' ');
    out
}

/// [`tense_at`] before a deadline or postponement is weighed: the date at
/// `s..e`, its sentence's and clause's bounds, and `c`, the clause from
/// [`spaced_lower`].
fn clause_tense(
    chars: &[char],
    s: usize,
    e: usize,
    (sa, sb): (usize, usize),
    (ca, cb): (usize, usize),
    c: &str,
) -> Tense {
    if past_verb_before(chars, s) {
        return Tense::Past;
    }
    // A date that opens the sentence in a clause of its own ("In January,
    // the company hired a new chief, who will stay on") has the tense of
    // the clause it introduces, not of a verb further on.
    let mut opening = c.split_whitespace();
    if opening
        .next()
        .is_some_and(|w| ADVERBIAL_OPENERS.contains(&w))
        && opening.count() <= 3
        && chars[sa..ca].iter().all(|c| c.is_whitespace())
        && cb + 2 < sb
        && chars[cb] == ','
        && !own_verb(c)
    {
        let (na, nb) = clause_in(chars, cb + 1, cb + 2, (sa, sb));
        let next = spaced_lower(&chars[na..nb]);
        if STRONG_FUTURE.iter().any(|k| next.contains(k)) {
            return Tense::Future;
        }
        if has_past_verb(&next) {
            return Tense::Past;
        }
    }
    let sentence = spaced_lower(&chars[sa..sb]);
    // A weak modal after the date has the date in its subject ("talks in
    // Vienna on Wednesday and Thursday would pave the way"): in a sentence
    // that reports the past ("…, the official said"), it tells what the
    // event may lead to, not when it was. Without a past verb it still
    // speaks of what is to come ("the summit on Friday could be put off").
    let up_to_date = spaced_lower(&chars[ca..e.max(ca)]);
    let weak_before = WEAK_FUTURE.iter().any(|k| up_to_date.contains(k));
    let weak_after = !weak_before && WEAK_FUTURE.iter().any(|k| c.contains(k));
    if weak_after && !future_tense(&sentence) && has_past_verb(&sentence) {
        return Tense::Past;
    }
    if weak_before
        || weak_after
        || STRONG_FUTURE.iter().any(|k| c.contains(k))
        || future_tense(&sentence)
        || SCHEDULE.iter().any(|k| c.contains(k))
    {
        return Tense::Future;
    }
    if has_past_verb(&sentence) {
        return Tense::Past;
    }
    if [" is ", " are ", " will "].iter().any(|k| c.contains(k)) {
        return Tense::Future;
    }
    Tense::Unmarked
}

/// Whether `words` hold a past-tense verb; "is scheduled", "are expected",
/// "been extended" are a passive present, not the past.
fn past_in(words: &[&str], from: usize) -> bool {
    (from..words.len()).any(|i| {
        let w = words[i];
        // "is held", "will be held": a passive of now or to come, whatever
        // the participle's form; "been extended" too, but "has been held"
        // and "was held" are the past.
        let present_passive = i > 0 && matches!(words[i - 1], "is" | "are" | "be" | "being");
        let perfect_passive = i > 0 && words[i - 1] == "been" && w.ends_with("ed");
        (past_word(w) && !present_passive && !perfect_passive) || matches!(w, "previous" | "first")
    })
}

fn has_past_verb(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    past_in(&words, 0)
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
    // One word more is read, to see a passive ("are expected in").
    let wider: String = chars[a.saturating_sub(12)..start]
        .iter()
        .collect::<String>()
        .to_lowercase();
    let all: Vec<&str> = wider
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let own = before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .count();
    past_in(&all, all.len().saturating_sub(own))
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
