//! A page's title without what the site adds to it: its own name and a
//! date ("Talks resume | Example News | 01.02.2021"). What is cut is kept
//! where it belongs: the site as the outlet, the date as a publication-date
//! candidate. Only whole segments at either end are cut, and only when
//! they are the outlet, a web address, a date, or (after a "|") a short
//! name beside a longer title: "Biden - Xi talks" keeps its dash.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use crate::dates::edtf::DateValue;

/// A title and what was cut from it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cleaned {
    pub title: String,
    /// The site's name, when one was cut (and the outlet was not known).
    pub site: Option<String>,
    /// A date the site put in the title.
    pub date: Option<DateValue>,
}

const SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

/// Words, counting two Chinese or Japanese characters as one (they are
/// written without spaces).
fn words(s: &str) -> usize {
    let cjk = s
        .chars()
        .filter(|&c| ('\u{3040}'..='\u{9fff}').contains(&c))
        .count();
    s.split_whitespace()
        .filter(|w| !w.chars().all(|c| ('\u{3040}'..='\u{9fff}').contains(&c)))
        .count()
        + cjk.div_ceil(2)
}

/// Whether title segment `seg` names the site `outlet`: the same words
/// (any case and punctuation), or a shorter form of them ("Example News"
/// of "Example News Online"). A segment that merely contains the outlet's
/// name ("… @ A blog's name") is not it.
fn same_name(seg: &str, outlet: &str) -> bool {
    let norm = |s: &str| -> String {
        s.to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (s, o) = (norm(seg), norm(outlet));
    !s.is_empty() && !o.is_empty() && (s == o || (s.len() >= 4 && o.contains(&s)))
}

fn web_address(s: &str) -> bool {
    let s = s.trim().to_lowercase();
    !s.contains(' ')
        && s.contains('.')
        && [
            ".com", ".org", ".net", ".de", ".fr", ".ru", ".cn", ".uk", ".az", ".at", ".info",
            ".news",
        ]
        .iter()
        .any(|tld| s.ends_with(tld) || s.contains(&format!("{tld}/")))
}

/// A segment that is only a calendar day ("01.02.2021", "2021-02-01",
/// "June 18, 2023").
fn a_day(s: &str) -> Option<DateValue> {
    let s = s.trim();
    if s.len() > 30 || !s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    crate::dates::typed::parse_typed_at(s, None)
        .ok()
        .filter(|d| d.is_exact_day())
}

/// `title` without the site's name and date at its ends. `outlet` is what
/// the page's metadata says the site is (may be empty).
pub fn clean_title(title: &str, outlet: &str) -> Cleaned {
    let mut out = Cleaned {
        title: title.trim().to_string(),
        ..Default::default()
    };
    // Split on every separator, remembering which one stood before each part.
    let mut parts: Vec<(String, &str)> = vec![(out.title.clone(), "")];
    for sep in SEPARATORS {
        parts = parts
            .into_iter()
            .flat_map(|(p, before)| {
                let pieces: Vec<String> = p.split(sep).map(str::to_string).collect();
                pieces
                    .into_iter()
                    .enumerate()
                    .map(move |(i, s)| (s, if i == 0 { before } else { sep }))
                    .collect::<Vec<_>>()
            })
            .collect();
    }
    if parts.len() < 2 {
        return out;
    }
    let rest_is_title = |parts: &[(String, &str)]| {
        let joined: usize = parts.iter().map(|(p, _)| words(p)).sum();
        joined >= 3
    };
    // From the end, then from the start; never the last part standing.
    loop {
        let mut cut = false;
        for from_end in [true, false] {
            if parts.len() < 2 {
                break;
            }
            let (i, sep) = if from_end {
                (parts.len() - 1, parts[parts.len() - 1].1)
            } else {
                (0, parts[1].1)
            };
            let seg = parts[i].0.trim().to_string();
            let mut rest = parts.clone();
            rest.remove(i);
            if !rest_is_title(&rest) {
                continue;
            }
            let kind = if let Some(d) = a_day(&seg) {
                out.date.get_or_insert(d);
                true
            } else if same_name(&seg, outlet) || web_address(&seg) {
                true
            } else if sep == " | " && outlet.trim().is_empty() && words(&seg) <= 4 {
                let longest = rest.iter().map(|(p, _)| words(p)).max().unwrap_or(0);
                if longest >= 4 && words(&seg) < longest {
                    out.site.get_or_insert(seg.clone());
                    true
                } else {
                    false
                }
            } else {
                false
            };
            if kind {
                parts = rest;
                if !from_end && let Some(first) = parts.first_mut() {
                    first.1 = "";
                }
                cut = true;
            }
        }
        if !cut {
            break;
        }
    }
    out.title = parts
        .iter()
        .map(|(p, sep)| format!("{sep}{p}"))
        .collect::<String>()
        .trim()
        .to_string();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_and_its_date_are_cut_and_kept() {
        let c = clean_title(
            "Blinken and Qin agree to keep talking | Example News | 18.06.2023",
            "Example News",
        );
        assert_eq!(c.title, "Blinken and Qin agree to keep talking");
        assert_eq!(c.date.unwrap().edtf(), "2023-06-18");
        assert_eq!(c.site, None, "the outlet was known");
        // No outlet known: a short name after a pipe is the site.
        let c = clean_title("Wang Yi meets Sullivan in Vienna | Caliber.Az", "");
        assert_eq!(c.title, "Wang Yi meets Sullivan in Vienna");
        let c = clean_title("Wang Yi meets Sullivan in Vienna | Spotlight Nepal", "");
        assert_eq!(c.title, "Wang Yi meets Sullivan in Vienna");
        assert_eq!(c.site.as_deref(), Some("Spotlight Nepal"));
        // The site first.
        let c = clean_title(
            "Reuters - US, China to move beyond balloon incident",
            "Reuters",
        );
        assert_eq!(c.title, "US, China to move beyond balloon incident");
    }

    #[test]
    fn a_title_that_only_has_a_dash_keeps_it() {
        for t in [
            "Biden - Xi talks resume in Bali",
            "US-China talks: what we know",
            "Blinken meets Qin | 2 hours",
            "Sullivan, Wang Yi meet in Vienna",
        ] {
            assert_eq!(clean_title(t, "").title, t);
        }
        // A title that contains the site's name is not the site's name
        // (a blog post on a hosting site).
        let t = "新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::";
        assert_eq!(clean_title(t, "史蒂文的家_藍天").title, t);
        // Never down to nothing, nor to a fragment.
        assert_eq!(
            clean_title("Talks | Example News", "Example News").title,
            "Talks | Example News"
        );
    }
}
