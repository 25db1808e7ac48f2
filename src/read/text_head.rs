//! The head of a plain-text article, read as a person reads a pasted or
//! saved story: which line is the headline, which outlet the text names,
//! and who wrote it. Page furniture above the story (navigation words,
//! markup left by a scraper, a date on its own line, a photo credit, a
//! copyright line) is never the headline. Evidence, strongest first:
//!
//! - a line repeated as the headline (pages print it twice, once with the
//!   site's name after a dash or bar: "Talks resume – Portal");
//! - the line just above a date line, a labelled date ("Updated on …") or a
//!   byline, a short kicker ("Travel to China") stepped over;
//! - the first line that reads as a headline: a few words, no sentence.
//!
//! When the first line that is not furniture is already a sentence of the
//! story, no headline is sure: the caller keeps the file's name and says
//! so. The outlet comes from a wire dateline ("WASHINGTON, May 11
//! (Reuters) –"), the site's name after a repeated headline, a copyright
//! line ("Caliber.az © 2025"), a source line at the end ("Source: NHK"),
//! or an agency's sign-off at the end ("(dpa/ank)"). Every rule is structural: none names a site.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use regex::Regex;
use std::sync::OnceLock;

/// What the first and last lines say about the article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Head {
    /// The headline; None when no line is surely one.
    pub title: Option<String>,
    /// The outlet the text names, and where it was read.
    pub outlet: Option<(String, &'static str)>,
    /// The byline's names ("By Susan Heavey" gives "Susan Heavey").
    pub byline: Option<String>,
}

/// How many non-blank lines from the top may hold the head (a copied
/// page's navigation can be long).
const HEAD_LINES: usize = 400;
/// How many characters from the top are looked through for furniture.
const HEAD_CHARS: usize = 8 * 1024;

/// How many non-blank lines at the end may hold a copyright or source
/// line: a site's furniture often follows the story's end.
const TAIL_LINES: usize = 15;
use crate::read::text_words::{
    MAX_HEADLINE_WORDS, content_words, lead_text, shares, span, unspaced, words,
};

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid pattern"))
}

/// "WASHINGTON, May 11 (Reuters) –", "BEIJING (AP) —": the agency.
fn wire_dateline() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"^[A-Z][A-Z .'-]{2,40}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+\(([A-Z][A-Za-z .&'-]{1,30})\)\s*[-–—]",
    )
}

/// "© 2023 Reuters", "Copyright 2023 The Washington Post", "Caliber.az ©
/// 2025": the name beside the mark.
fn copyright_before() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"^(.{2,60}?)\s*(?:©|\(c\)|\(C\))\s*(?:\d{4})?[\s.,]*$")
}

fn copyright_after() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*(?:[-–]\s*\d{4}\s*)?)?(?:by\s+)?([^,;|]{2,60}?)\s*(?:(?:\.\s|[,;|]).*|\.)?$",
    )
}

/// "(dpa/ank)", "(Reuters)", "(AFP)" closing the last paragraph.
fn sign_off() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"\(([A-Za-z]{2,12})(?:/[A-Za-z]{1,6})*\)\s*$")
}

/// "Source: NHK", "Quelle: dpa" closing the text.
fn source_line() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"^(?:Source|Sources|Quelle|Quellen|Fuente|Fonte)\s*:\s*([^:]{2,40})$",
    )
}

/// "By Susan Heavey", "BY SUSAN HEAVEY AND ANN LEE", "Von Anna Schmidt".
fn byline() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"^(?:By|BY|by|Von|VON|Par|PAR|Por|POR)\s+([A-Z\p{Lu}][\p{L}.'-]+(?:\s+(?:and\s+|und\s+|et\s+|y\s+)?[\p{L}.'-]+){0,5})\s*(?:[,|–—-].*)?$",
    )
}

/// Markup a scraper left: "[ad_1]", "<br>", "{{caption}}".
fn markup(l: &str) -> bool {
    (l.starts_with('[') && l.ends_with(']') && l.len() <= 24)
        || (l.starts_with('<') && l.ends_with('>'))
        || (l.starts_with("{{") && l.ends_with("}}"))
}

/// Whether the line is only a date (with a time) or a labelled date: it
/// dates the page, it is not its headline.
/// `known`: what the text's publication-date candidates say of this line,
/// when they cover it (the import reads them anyway; reading the line's
/// dates again cost more than the rest of this module).
fn date_line(l: &str, n: usize, known: Option<bool>) -> bool {
    // Cheap first: a date line is short and has the digits of a day.
    if n > 8 || l.bytes().filter(u8::is_ascii_digit).count() < 4 {
        return only_time(l);
    }
    let far = chrono::NaiveDate::from_ymd_opt(2100, 1, 1).expect("a day");
    known.unwrap_or_else(|| {
        crate::read::pubdate::candidates_until(l, far)
            .iter()
            .any(date_kind)
    }) || only_time(l)
}

/// A date alone on its line, or labelled ("Updated: …").
fn date_kind(c: &crate::read::pubdate::Candidate) -> bool {
    matches!(
        c.kind,
        crate::read::pubdate::Kind::Labelled | crate::read::pubdate::Kind::DateLine
    )
}

/// "14:01", "8:09 a.m.", "Updated 3 hours ago".
fn only_time(l: &str) -> bool {
    if l.len() > 40 {
        return false;
    }
    let t = l.to_lowercase();
    (t.chars()
        .all(|c| c.is_ascii_digit() || " :.apm".contains(c))
        && t.contains(':'))
        || (t.ends_with(" ago") && words(&t) <= 4)
}

/// A credit or copyright line, a web address, or a line of separated
/// names ("Leah Millis | Afp | Getty Photos").
fn credit(l: &str, lower: &str) -> bool {
    lower.contains('©')
        || lower.contains("copyright")
        || lower.contains("all rights reserved")
        || lower.starts_with("http")
        || lower.starts_with("www.")
        || l.matches(" | ").count() >= 2
        || (l.contains('@') && !l.contains(' '))
}

/// Mostly capitals: a section label or a site's prompt, not a headline
/// (unless the headline is repeated).
fn shouting(l: &str) -> bool {
    let letters: Vec<char> = l.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4
        && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 9
}

/// A photo's caption: labelled so, or placing the people in the picture
/// ("(L)", "(ao centro)").
fn caption(lower: &str) -> bool {
    [
        "image caption",
        "media caption",
        "caption",
        "photo:",
        "photo ",
        "foto:",
        "image:",
        "picture:",
        "bild:",
        "file photo",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || [
            "(l)",
            "(r)",
            "(c)",
            "(left)",
            "(right)",
            "(center)",
            "(centre)",
            "(ao centro)",
            "(à esquerda)",
            "(à direita)",
            "(links)",
            "(rechts)",
            "(a la izquierda)",
            "(a la derecha)",
            "(au centre)",
            "(à gauche)",
            "(à droite)",
        ]
        .iter()
        .any(|m| lower.contains(m))
}

/// A line that cannot be the headline, whatever else is known. A line too
/// long to be a headline is the story's, not furniture, and is not read
/// further (this runs on a text's first few hundred lines).
fn furniture(l: &str, n: usize, proposed: bool, dated: bool) -> bool {
    if l.len() > 1_000 || n > MAX_HEADLINE_WORDS {
        return false;
    }
    if proposed || dated || markup(l) {
        return true;
    }
    // One lower-case copy for both.
    let lower = l.to_lowercase();
    credit(l, &lower) || caption(&lower) || byline().is_match(l)
}

/// Whether the line reads as a headline: a few words (four at least, or
/// six characters of a script written without spaces), not a sentence of
/// the story (no full stop at its end or between sentences), not shouted.
fn headline_like(l: &str, n: usize) -> bool {
    let long_enough = if unspaced(l) {
        l.chars().count() >= 6
    } else {
        n >= 4
    };
    let sentence = (l.ends_with('.') && !l.ends_with(".."))
        || l.ends_with(['。', '！', '？'])
        || l.contains(". ")
            && l.split(". ")
                .skip(1)
                .any(|s| s.starts_with(char::is_uppercase));
    long_enough
        && n <= MAX_HEADLINE_WORDS
        && l.chars().count() <= 250
        && !sentence
        && !shouting(l)
        && !wire_dateline().is_match(l)
}

/// Whether the line is a sentence of the story (the body has begun).
fn body_like(l: &str, n: usize) -> bool {
    n > MAX_HEADLINE_WORDS
        || (l.ends_with('.') && n > 12)
        || wire_dateline().is_match(l)
        || (unspaced(l) && l.chars().count() > 60)
}

/// Words only, any case, for comparing two forms of a headline.
fn comparable(l: &str) -> String {
    l.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Headline – Site", "Headline | Site": the headline and the site's name.
fn site_suffix(l: &str) -> Option<(&str, &str)> {
    [" – ", " — ", " - ", " | "].iter().find_map(|sep| {
        let (head, site) = l.rsplit_once(sep)?;
        let site = site.trim();
        (words(site) <= 4 && !site.is_empty() && words(head) >= 3).then_some((head.trim(), site))
    })
}

/// The head of `text` (see the module's notes).
pub fn read_head(text: &str) -> Head {
    let far = chrono::NaiveDate::from_ymd_opt(2100, 1, 1).expect("a day");
    read_head_dated(text, &crate::read::pubdate::candidates_until(text, far))
}

/// [`read_head`] with the text's publication-date candidates
/// ([`crate::read::pubdate::candidates_until`]) already read.
pub fn read_head_dated(text: &str, dates: &[crate::read::pubdate::Candidate]) -> Head {
    // The furniture proposed in the head only (its line numbers are the
    // whole text's): a long text is not read to its end for it.
    let head_text = match text.char_indices().nth(HEAD_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let proposed: std::collections::HashSet<usize> = crate::read::boilerplate::propose(head_text)
        .into_iter()
        .map(|p| p.line)
        .collect();
    // (line number, trimmed text) of the first non-blank lines.
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .take(HEAD_LINES)
        .collect();
    // Each line's date is looked for once.
    // Each line's words are counted once: every rule asks.
    let nw: Vec<usize> = lines.iter().map(|(_, l)| words(l)).collect();
    let dated: Vec<bool> = lines
        .iter()
        .zip(&nw)
        .enumerate()
        .map(|(k, ((_, l), &n))| {
            let known = (k < crate::read::pubdate::HEAD_LINES)
                .then(|| dates.iter().any(|c| c.line == k && date_kind(c)));
            date_line(l, n, known)
        })
        .collect();
    let junk: Vec<bool> = lines
        .iter()
        .zip(&dated)
        .zip(&nw)
        .map(|(((i, l), &d), &n)| furniture(l, n, proposed.contains(i), d))
        .collect();
    let mut head = Head::default();
    let mut site: Option<String> = None;
    // Where the story begins (its first run of sentences) and the words of
    // its lead: a headline shares some, a menu item does not.
    // Each line's verdict, once: the searches below ask again and again.
    let is_body: Vec<bool> = lines
        .iter()
        .zip(&junk)
        .zip(&nw)
        .map(|(((_, l), &j), &n)| !j && body_like(l, n))
        .collect();
    let body = |j: usize| is_body[j];
    let start = (0..lines.len())
        .find(|&j| body(j) && (j + 1..lines.len().min(j + 4)).any(body))
        .or_else(|| (0..lines.len()).find(|&j| body(j)));
    // Made when first asked for: most texts find their headline first.
    let lead = || start.map(|st| lead_text(span(text, &lines, st, (st + 2).min(lines.len() - 1))));
    let fits_lead = |l: &str| lead().is_none_or(|lead| shares(lead, &content_words(l)) >= 1);
    // 1. A headline printed twice, once perhaps with the site's name.
    // Each headline-sized line's words, and its form without a site's
    // name after a dash or bar, made once.
    type Form<'a> = (String, Option<(&'a str, String, &'a str)>);
    let forms: Vec<Option<Form>> = lines
        .iter()
        .zip(&nw)
        .take(14)
        .map(|((_, l), &n)| {
            (l.len() <= 400 && (3..=MAX_HEADLINE_WORDS).contains(&n)).then(|| {
                let cut = site_suffix(l).map(|(h, s)| (h, comparable(h), s));
                (comparable(l), cut)
            })
        })
        .collect();
    'repeat: for a in 0..forms.len().min(12) {
        let Some((ca, cut_a)) = forms[a].as_ref().filter(|_| !junk[a]) else {
            continue;
        };
        for fb in forms.iter().skip(a + 1) {
            let Some((cb, cut_b)) = fb else { continue };
            let found = if ca == cb {
                Some((lines[a].1, None))
            } else if let Some((h, _, s)) = cut_b.as_ref().filter(|(_, c, _)| c == ca) {
                Some((*h, Some(*s)))
            } else if let Some((h, _, s)) = cut_a.as_ref().filter(|(_, c, _)| c == cb) {
                Some((*h, Some(*s)))
            } else {
                None
            };
            if let Some((title, s)) = found.filter(|(t, _)| words(t) >= 3 && fits_lead(t)) {
                head.title = Some(title.to_string());
                site = s.map(str::to_string);
                break 'repeat;
            }
        }
    }
    // 2. The line above a date line or a byline; a short kicker or
    // section label ("Travel to China") may stand between. Like any
    // headline it shares words with the story's lead (a menu item above a
    // date in a page's margin does not).
    if head.title.is_none() {
        let above = |j: usize| !junk[j] && headline_like(lines[j].1, nw[j]);
        let short = |j: usize| nw[j] <= 3;
        // The lead after line k: None when the text has no sentence at all
        // (a short note); empty when the story is far below (this date is
        // in the page's margin, not at the story's head).
        let lead_after = |k: usize| {
            let start = (k + 1..lines.len()).find(|&j| is_body[j])?;
            if start > k + 10 {
                return Some("");
            }
            Some(lead_text(span(
                text,
                &lines,
                start,
                (start + 2).min(lines.len() - 1),
            )))
        };
        for k in 1..lines.len().min(25) {
            let l = lines[k].1;
            if !(dated[k] || byline().is_match(l)) {
                continue;
            }
            let pick = if above(k - 1) {
                Some(k - 1)
            } else if k >= 2 && short(k - 1) && above(k - 2) {
                Some(k - 2)
            } else {
                None
            };
            let fits = |j: usize| {
                lead_after(k).is_none_or(|lead| shares(lead, &content_words(lines[j].1)) >= 1)
            };
            if let Some(j) = pick.filter(|&j| fits(j)) {
                head.title = Some(lines[j].1.to_string());
                break;
            }
        }
    }
    // 3. Above where the story begins (its first run of sentences), the
    // headline-like line that shares most words with the story's first
    // paragraphs, as a headline does with its lead; none when nothing above
    // shares any (menus and buttons do not), or when the story begins the
    // text.
    if head.title.is_none() {
        match (start, lead()) {
            (Some(start), Some(lead)) => {
                let mut best: Option<(usize, usize)> = None;
                // The text's own first line may be a short headline
                // ("Blinken in Beijing") when the lead shares its words.
                let first = (0..lines.len()).find(|&j| !junk[j]);
                for j in (start.saturating_sub(12)..start).rev() {
                    let l = lines[j].1;
                    let short_top = Some(j) == first && nw[j] == 3 && !shouting(l);
                    if junk[j] || !(headline_like(l, nw[j]) || short_top) {
                        continue;
                    }
                    let own = content_words(l);
                    let shared = shares(lead, &own);
                    if shared >= 2.min(own.len()).max(1) && best.is_none_or(|(_, b)| shared > b) {
                        best = Some((j, shared));
                    }
                }
                head.title = best.map(|(j, _)| lines[j].1.to_string());
            }
            // A text too short to have a body: its first line, when it
            // reads as a headline (three words will do at the top) and
            // other lines follow it.
            _ => {
                let first = (0..lines.len()).find(|&j| !junk[j]);
                head.title = first
                    .filter(|&j| {
                        let l = lines[j].1;
                        let top = nw[j] == 3 && !shouting(l) && !l.ends_with('.');
                        (headline_like(l, nw[j]) || top) && j + 1 < lines.len()
                    })
                    .map(|j| lines[j].1.to_string());
            }
        }
    }
    head.byline = lines
        .iter()
        .take(20)
        .find_map(|(_, l)| byline().captures(l))
        .map(|c| c[1].trim().to_string());
    head.outlet = outlet(text, &lines, site);
    head
}

/// The outlet the text names (see the module's notes).
fn outlet(
    text: &str,
    lines: &[(usize, &str)],
    site: Option<String>,
) -> Option<(String, &'static str)> {
    let clean = |s: &str| {
        let s = s
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
        (words(s) >= 1 && words(s) <= 6 && s.chars().count() <= 60).then(|| s.to_string())
    };
    if let Some(name) = lines
        .iter()
        .take(25)
        .find_map(|(_, l)| wire_dateline().captures(l))
        .and_then(|c| clean(&c[1]))
    {
        return Some((name, "the dateline"));
    }
    if let Some(name) = site.as_deref().and_then(clean) {
        return Some((name, "the site's name beside the headline"));
    }
    // From the end, without reading the text through.
    let tail: Vec<&str> = text
        .lines()
        .rev()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(TAIL_LINES)
        .collect();
    let copyright = |l: &str| {
        // Cheap first, without a lower-case copy of every line.
        let starts = l
            .get(..9)
            .is_some_and(|p| p.eq_ignore_ascii_case("copyright"));
        if !(l.contains('©') || l.contains("(c)") || l.contains("(C)") || starts) {
            return None;
        }
        copyright_before()
            .captures(l)
            .or_else(|| copyright_after().captures(l))
            .and_then(|c| clean(&c[1]))
            .filter(|n| !n.to_lowercase().contains("all rights"))
    };
    if let Some(name) = lines
        .iter()
        .map(|(_, l)| *l)
        .chain(tail.iter().copied())
        .find_map(copyright)
    {
        return Some((name, "the copyright line"));
    }
    if let Some(name) = tail
        .iter()
        .find_map(|l| source_line().captures(l))
        .and_then(|c| clean(&c[1]))
    {
        return Some((name, "the source line at the end"));
    }
    tail.first()
        .and_then(|l| sign_off().captures(l))
        .and_then(|c| clean(&c[1]))
        .map(|n| (n, "the sign-off at the end"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(text: &str) -> Option<String> {
        read_head(text).title
    }

    fn outlet(text: &str) -> Option<String> {
        read_head(text).outlet.map(|(o, _)| o)
    }

    #[test]
    fn wire_copy_gives_headline_agency_and_byline() {
        let t = "Iran and IAEA agree on inspections roadmap\n\nBy Francois Murphy\n\n\
                 VIENNA, March 4 (Reuters) - Iran and the U.N. nuclear watchdog agreed on Saturday \
                 to a roadmap for inspections, the agency said.\n";
        let h = read_head(t);
        assert_eq!(
            h.title.as_deref(),
            Some("Iran and IAEA agree on inspections roadmap")
        );
        assert_eq!(h.outlet, Some(("Reuters".into(), "the dateline")));
        assert_eq!(h.byline.as_deref(), Some("Francois Murphy"));
    }

    #[test]
    fn a_copied_page_skips_its_navigation_and_takes_the_line_above_the_date() {
        let t = "Home\nNews\nSport\nLog in\nSubscribe now\n\nWORLD\n\
                 Germany and Poland hold border talks in Frankfurt\n\n12 March 2024 09:30\n\n\
                 Officials from both countries met on Monday to discuss border controls, a spokesman \
                 said.\n\n© 2024 Oder Post. All rights reserved.\n";
        assert_eq!(
            title(t).as_deref(),
            Some("Germany and Poland hold border talks in Frankfurt")
        );
        assert_eq!(outlet(t).as_deref(), Some("Oder Post"));
    }

    #[test]
    fn a_scrape_date_on_top_is_not_the_headline_and_a_kicker_is_stepped_over() {
        let t = "March 3, 2025\n\nChile and Peru reopen their consulates\n\nDiplomacy\n\n\
                 Updated on 02/11/2024 10:15\n\nThe two governments announced on Sunday that \
                 consular services would resume next month. (efe/mr)\n";
        assert_eq!(
            title(t).as_deref(),
            Some("Chile and Peru reopen their consulates")
        );
        assert_eq!(outlet(t).as_deref(), Some("efe"));
    }

    #[test]
    fn a_repeated_headline_gives_the_site_after_its_dash() {
        let t = "India, Japan sign a defence pact\n\nIndia, Japan sign a defence pact | Delhi Courier\n\n\
                 New Delhi and Tokyo signed an agreement on Tuesday.\n";
        let h = read_head(t);
        assert_eq!(h.title.as_deref(), Some("India, Japan sign a defence pact"));
        assert_eq!(
            h.outlet,
            Some((
                "Delhi Courier".into(),
                "the site's name beside the headline"
            ))
        );
    }

    #[test]
    fn a_text_in_another_language_keeps_its_headline_and_byline() {
        let t = "Gespräche zwischen Berlin und Paris über Energiepreise\n\nVon Anna Schmidt\n\n\
                 Die Regierungen trafen sich am Montag in Berlin und berieten über die Preise.\n";
        let h = read_head(t);
        assert_eq!(
            h.title.as_deref(),
            Some("Gespräche zwischen Berlin und Paris über Energiepreise")
        );
        assert_eq!(h.byline.as_deref(), Some("Anna Schmidt"));
        let zh = "中美两国外长在北京举行会谈\n\n新华社北京6月18日电 中美两国外长18日在北京举行会谈，双方就两国关系交换了意见。\n";
        assert_eq!(title(zh).as_deref(), Some("中美两国外长在北京举行会谈"));
    }

    #[test]
    fn a_text_that_starts_with_its_story_has_no_sure_headline() {
        let t = "[ad_1]\nThe foreign ministers of Brazil and Argentina met in Brasília on Friday and \
                 agreed to a new trade council, officials said.\nPhoto: Ana Silva | Reuters | Getty\n";
        assert_eq!(title(t), None);
        assert_eq!(outlet(t), None, "a photo credit names no outlet");
    }
}
