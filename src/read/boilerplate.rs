//! Boilerplate in plain-text articles: lines a site or a scraper added
//! that are not the story ("\[ad_1\]", "Source link", share prompts, "See
//! also" links, copyright footers, navigation words at the top). They are
//! only proposed: the user accepts or keeps each one.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// 0-based line number in the text.
    pub line: usize,
    pub text: String,
    pub reason: &'static str,
}

fn rules() -> &'static [(Regex, &'static str)] {
    static R: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    R.get_or_init(|| {
        [
            (r"^\[ad_\d+\]$", "ad marker"),
            (r"(?i)^(source link|read more|continue reading|advertisement|ads?|loading\.*|print|copy link)$", "site furniture"),
            (r"(?i)^see also\b", "“see also” link"),
            (r"(?i)\b(share (it|this|on)|follow us|liked the story|subscribe (to|now)|sign up for)\b", "share or follow prompt"),
            (r"(?i)(©|\(c\)|copyright)\s*\d{4}|all rights reserved|any use of materials is allowed", "copyright notice"),
            (r"(?i)^(more (news )?on\b|the latest$|latest magazine$|related( articles| stories)?$|more from\b)", "section link"),
            (r"(?i)^(twitter|youtube|instagram|facebook|telegram|apple store|play market|night_theme|search|menu|home|ru|arm|en|world|a\+|a-|views: \d+)$", "navigation"),
            (r"(?i)^what are you looking for\s*\??$", "navigation"),
        ]
        .into_iter()
        .map(|(p, why)| (Regex::new(p).expect("valid pattern"), why))
        .collect()
    })
}

/// Lines to propose for removal.
pub fn propose(text: &str) -> Vec<Proposal> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let t = l.trim();
            if t.is_empty() || t.chars().count() > 200 {
                return None;
            }
            rules()
                .iter()
                .find(|(re, _)| re.is_match(t))
                .map(|(_, why)| Proposal {
                    line: i,
                    text: t.to_string(),
                    reason: why,
                })
        })
        .collect()
}

/// The text without the given lines (blank lines left behind are folded).
pub fn drop_lines(text: &str, lines: &[usize]) -> String {
    let kept: Vec<&str> = text
        .lines()
        .enumerate()
        .filter(|(i, _)| !lines.contains(i))
        .map(|(_, l)| l)
        .collect();
    crate::text::normalise::normalise(&collapse_blank_runs(&kept.join("\n")))
}

fn collapse_blank_runs(s: &str) -> String {
    let mut out: Vec<&str> = vec![];
    for l in s.lines() {
        if l.trim().is_empty() && out.last().is_some_and(|p: &&str| p.trim().is_empty()) {
            continue;
        }
        out.push(l);
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proposes_the_usual_suspects_only() {
        let text = "[ad_1]\nBlinken met Qin Gang.\nSee also  Germany won the World Cup\nSource link\nShare it on social media!\nCaliber.az © 2025. .\nThe talks were candid.";
        let p = propose(text);
        let lines: Vec<usize> = p.iter().map(|x| x.line).collect();
        assert_eq!(lines, vec![0, 2, 3, 4, 5]);
        let cleaned = drop_lines(text, &lines);
        assert_eq!(cleaned, "Blinken met Qin Gang.\nThe talks were candid.");
    }
}
