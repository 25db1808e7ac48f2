//! Factiva HTML exports ("Full Article/Report plus Indexing"): each story a
//! `div` of class `article`, its fields table rows of a two-letter code in
//! bold and a value: `HD` headline, `BY` byline, `PD` publication date,
//! `SN` source name, `SE` section, `LA` language, `LP` lead and `TD` tail
//! paragraphs (`p` elements), `AN` the accession number ("Document
//! LBA000…"); the indexing codes (`NS`, `RE`, `IN`, `IPD`…) and `CY`
//! copyright are left out. Parsed with dom_query, as saved pages are.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `read`).

use super::Story;
use crate::read::refusal::Refusal;

/// Whether the text (the start of a file) is such an export: articles and
/// the field codes of their tables.
pub fn looks_like(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("<html")
        && (lower.contains("class=\"article") || lower.contains("class='article"))
        && text.contains(">HD<")
        && (text.contains(">PD<") || text.contains(">SN<"))
}

/// The stories of the export, in order.
pub fn stories(bytes: &[u8]) -> Result<Vec<super::Read>, Refusal> {
    let html = crate::read::plain::decode(bytes)?.text;
    if crate::read::nesting::depth(html.as_bytes(), crate::core::limits::MAX_HTML_DEPTH)
        > crate::core::limits::MAX_HTML_DEPTH
    {
        return Err(Refusal::Html(
            "the Factiva HTML nests its elements too deep to be read safely".into(),
        ));
    }
    let doc = dom_query::Document::from(html.as_str());
    let mut out = vec![];
    for article in doc.select("div.article").iter() {
        let mut s = Story::default();
        for row in article.select("tr").iter() {
            let cells: Vec<_> = row.select("td").iter().collect();
            let [code, value, ..] = cells.as_slice() else {
                continue;
            };
            let code = code.text().trim().to_string();
            let text = || crate::text::normalise::one_line(&value.text());
            match code.as_str() {
                "HD" => s.title = text(),
                "BY" => s.byline = text(),
                "SN" => s.outlet = text(),
                "SE" => s.section = text(),
                "PG" => s.pages = text(),
                "LA" => s.language = super::language_code(&text()),
                "PD" => s.published = crate::dates::words::first_day(&text(), false).map(|f| f.day),
                "AN" => {
                    let t = text();
                    s.doc_id = t.strip_prefix("Document ").unwrap_or(&t).trim().to_string();
                }
                "LP" | "TD" => {
                    let paras: Vec<String> = value
                        .select("p")
                        .iter()
                        .map(|p| crate::text::normalise::one_line(&p.text()))
                        .filter(|p| !p.is_empty())
                        .collect();
                    if paras.is_empty() {
                        let t = text();
                        if !t.is_empty() {
                            s.body.push(t);
                        }
                    } else {
                        s.body.extend(paras);
                    }
                }
                _ => {}
            }
        }
        out.push(Ok(s));
        if out.len() > super::MAX_STORIES {
            break;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two stories in the export's structure, written here (also the fuzz
    /// target's seed): fields in another order in the second, indexing
    /// codes and a copyright row.
    const TWO: &str = include_str!("../../../fuzz/seeds/import_dbexport/factiva-two.html");

    #[test]
    fn each_story_with_its_fields_and_no_indexing() {
        assert!(looks_like(TWO));
        let s = super::super::ok(stories(TWO.as_bytes()).unwrap());
        assert_eq!(s.len(), 2);
        let a = &s[0];
        assert_eq!(a.title, "US, China hold \"candid\" talks in Vienna");
        assert_eq!(
            (a.outlet.as_str(), a.byline.as_str()),
            ("Reuters News", "By Michael Martina")
        );
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2023, 5, 11));
        assert_eq!(
            (a.language.as_str(), a.doc_id.as_str()),
            ("en", "LBA0000020230511ej5b00abc")
        );
        assert_eq!(
            a.body,
            [
                "WASHINGTON, May 11 (Reuters) - Jake Sullivan met Wang Yi.",
                "The talks lasted eight hours.",
                "Both sides called them candid."
            ]
        );
        let b = &s[1];
        assert_eq!(
            (b.title.as_str(), b.outlet.as_str(), b.language.as_str()),
            ("Gespräche in Wien", "Süddeutsche Zeitung", "de")
        );
        assert_eq!(b.published, chrono::NaiveDate::from_ymd_opt(2023, 5, 12));
        // A saved news page is no export.
        assert!(!looks_like(
            "<html><body><div class=\"article\"><h1>HD</h1></div></body></html>"
        ));
    }
}
