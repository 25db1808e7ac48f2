//! The articles as references for a citation manager (issue 19, item 4):
//! CSL-JSON (Zotero, Mendeley, pandoc's citeproc) and BibTeX (`@article`
//! with the outlet as journal, or `@online`), with the publication date,
//! the URL and the access date. All the workspace's articles, or, when an
//! export is restricted to a range of days, those its events cite.
//!
//! Each reference's key is made of the author's (or outlet's) first word,
//! the year and the title's first word ("nhk2023us"), with a letter added
//! when two would be the same; the same workspace gives the same keys.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::model::{Article, Workspace};
use chrono::Datelike;
use serde_json::{Value, json};
use std::collections::HashSet;

/// The articles to cite: those the events of `ws` cite when `cited_only`,
/// else all, in the workspace's order.
pub fn articles(ws: &Workspace, cited_only: bool) -> Vec<&Article> {
    if !cited_only {
        return ws.articles.iter().map(|a| &**a).collect();
    }
    let cited: HashSet<&str> = ws
        .events
        .iter()
        .flat_map(|e| e.evidence.iter().map(|p| p.article.as_str()))
        .collect();
    ws.articles
        .iter()
        .filter(|a| cited.contains(a.id.as_str()))
        .map(|a| &**a)
        .collect()
}

/// A person's or an organisation's name as a citation manager wants it.
#[derive(Debug, Clone, PartialEq)]
enum Name {
    Person { family: String, given: String },
    Literal(String),
}

/// "Wong, Edward": a name as databases write it, family first (one word
/// before the comma, one or two capitalised words after).
fn inverted(part: &str) -> Option<Name> {
    let (family, given) = part.split_once(',')?;
    let (family, given) = (family.trim(), given.trim());
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let given_words: Vec<&str> = given.split_whitespace().collect();
    (!given.contains(',')
        && family.split_whitespace().count() == 1
        && capitalised(family)
        && (1..=2).contains(&given_words.len())
        && given_words.iter().all(|w| capitalised(w)))
    .then(|| Name::Person {
        family: family.to_string(),
        given: given.to_string(),
    })
}

/// The authors a byline names: "By Jane Doe and John Roe", "Jane Doe,
/// Reuters" (an organisation stays one literal name), "Wong, Edward" (a
/// database's family-first form).
fn authors(byline: &str) -> Vec<Name> {
    let b = byline.trim();
    let b = b
        .strip_prefix("By ")
        .or_else(|| b.strip_prefix("by "))
        .unwrap_or(b);
    if let Some(n) = inverted(b) {
        return vec![n];
    }
    if b.contains(';') && b.split(';').all(|p| inverted(p).is_some()) {
        return b.split(';').filter_map(inverted).collect();
    }
    b.split([',', ';', '|'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            let capitalised = words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if (2..=3).contains(&words.len()) && capitalised && !p.contains("News") {
                Name::Person {
                    family: words[words.len() - 1].to_string(),
                    given: words[..words.len() - 1].join(" "),
                }
            } else {
                Name::Literal(p.to_string())
            }
        })
        .collect()
}

/// The first word in ASCII, as BibTeX keys must be: accents dropped
/// ("Süddeutsche" is `suddeutsche`, "Gespräche" `gesprache`), the Latin
/// letters without a decomposition spelled out (ß `ss`, ø `o`, ł `l`);
/// other scripts give nothing (the key then falls back).
fn first_word(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let word = s
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let mut out = String::new();
    for c in word.nfd() {
        match c {
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'ı' => out.push('i'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out.to_lowercase()
}

/// Keys for the articles, in their order, unique.
fn keys(articles: &[&Article]) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    articles
        .iter()
        .map(|a| {
            let who = match authors(&a.byline).first() {
                Some(Name::Person { family, .. }) => first_word(family),
                Some(Name::Literal(l)) => first_word(l),
                None => first_word(&a.outlet),
            };
            let year = a
                .published
                .as_ref()
                .and_then(|d| d.earliest())
                .map(|d| d.year().to_string())
                .unwrap_or_else(|| "nd".into());
            let base = format!(
                "{}{year}{}",
                if who.is_empty() {
                    "article".into()
                } else {
                    who
                },
                first_word(&a.title)
            );
            let mut key = base.clone();
            let mut n = 0usize;
            while !seen.insert(key.clone()) {
                // a…z, then numbers: any count of look-alike articles.
                key = match u8::try_from(n).ok().filter(|n| *n < 26) {
                    Some(k) => format!("{base}{}", (b'a' + k) as char),
                    None => format!("{base}{n}"),
                };
                n += 1;
            }
            key
        })
        .collect()
}

/// The day the article was published, as [year, month, day] (as precise
/// as the date is).
fn date_parts(a: &Article) -> Option<Vec<i64>> {
    let d = a.published.as_ref()?;
    let first = d.earliest()?;
    let parts = match d.edtf().len() {
        4 => vec![first.year() as i64],
        7 => vec![first.year() as i64, first.month() as i64],
        _ if d.is_exact_day() => vec![
            first.year() as i64,
            first.month() as i64,
            first.day() as i64,
        ],
        _ => vec![first.year() as i64],
    };
    Some(parts)
}

/// The day an article was fetched, if it was.
fn accessed(a: &Article) -> Option<chrono::NaiveDate> {
    a.accessed.get(..10)?.parse().ok()
}

/// The articles as a CSL-JSON array.
pub fn to_csl_json(ws: &Workspace, cited_only: bool) -> String {
    let list = articles(ws, cited_only);
    let keys = keys(&list);
    let items: Vec<Value> = list
        .iter()
        .zip(keys)
        .map(|(a, key)| {
            let mut item = serde_json::Map::new();
            item.insert("id".into(), json!(key));
            let kind = if !a.outlet.is_empty() {
                "article-newspaper"
            } else if !a.url.is_empty() {
                "webpage"
            } else {
                "article"
            };
            item.insert("type".into(), json!(kind));
            item.insert("title".into(), json!(a.title));
            if !a.outlet.is_empty() {
                item.insert("container-title".into(), json!(a.outlet));
            }
            let names: Vec<Value> = authors(&a.byline)
                .into_iter()
                .map(|n| match n {
                    Name::Person { family, given } => json!({"family": family, "given": given}),
                    Name::Literal(l) => json!({"literal": l}),
                })
                .collect();
            if !names.is_empty() {
                item.insert("author".into(), Value::Array(names));
            }
            if let Some(parts) = date_parts(a) {
                item.insert("issued".into(), json!({"date-parts": [parts]}));
            }
            if !a.url.is_empty() {
                item.insert("URL".into(), json!(a.url));
            }
            if let Some(d) = accessed(a) {
                item.insert(
                    "accessed".into(),
                    json!({"date-parts": [[d.year(), d.month(), d.day()]]}),
                );
            }
            if !a.language.is_empty() {
                item.insert("language".into(), json!(a.language));
            }
            // A story from a news database: CSL's `source` names it (Chicago
            // and APA print it), its id goes with it.
            if !a.database.is_empty() {
                item.insert("source".into(), json!(a.database));
                if !a.database_id.is_empty() {
                    item.insert("archive_location".into(), json!(a.database_id));
                }
            }
            item.insert("note".into(), json!(format!("Detente article {}", a.id)));
            Value::Object(item)
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

/// A BibTeX field value: braces balanced and TeX's special characters
/// escaped, so no title can end the field or run a command.
fn tex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::normalise::one_line(s).chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            _ => out.push(c),
        }
    }
    out
}

/// A URL for BibTeX's verbatim `url` field: as it is, but for what would
/// end the field or a line (braces, backslashes, spaces), percent-encoded.
fn url_field(url: &str) -> String {
    url.chars()
        .map(|c| match c {
            '{' => "%7B".to_string(),
            '}' => "%7D".to_string(),
            '\\' => "%5C".to_string(),
            c if c.is_whitespace() => "%20".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// The articles as BibTeX (readable by biber and by BibTeX with UTF-8).
pub fn to_bibtex(ws: &Workspace, cited_only: bool) -> String {
    let list = articles(ws, cited_only);
    let keys = keys(&list);
    let mut out = String::new();
    for (a, key) in list.iter().zip(keys) {
        let kind = if a.outlet.is_empty() {
            "online"
        } else {
            "article"
        };
        // In braces: a headline's case is its own ("China", "Beijing"), not
        // one for a style to lower.
        let mut fields: Vec<(&str, String)> = vec![("title", format!("{{{}}}", tex(&a.title)))];
        let names: Vec<String> = authors(&a.byline)
            .into_iter()
            .map(|n| match n {
                Name::Person { family, given } => format!("{}, {}", tex(&family), tex(&given)),
                // An organisation in braces, so it is not split into names.
                Name::Literal(l) => format!("{{{}}}", tex(&l)),
            })
            .collect();
        if !names.is_empty() {
            fields.push(("author", names.join(" and ")));
        }
        if !a.outlet.is_empty() {
            fields.push(("journal", tex(&a.outlet)));
            // biblatex's mark of a newspaper article: Zotero, JabRef and
            // pandoc read it as one, not as a journal article.
            fields.push(("entrysubtype", "newspaper".into()));
        }
        if let Some(parts) = date_parts(a) {
            fields.push(("year", parts[0].to_string()));
            if let Some(m) = parts.get(1) {
                fields.push(("month", m.to_string()));
            }
            let date = parts
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    if i == 0 {
                        format!("{p:04}")
                    } else {
                        format!("{p:02}")
                    }
                })
                .collect::<Vec<_>>()
                .join("-");
            fields.push(("date", date));
        }
        if !a.url.is_empty() {
            fields.push(("url", url_field(&a.url)));
        }
        if let Some(d) = accessed(a) {
            fields.push(("urldate", d.to_string()));
        }
        if !a.language.is_empty() {
            fields.push(("language", tex(&a.language)));
        }
        // A story from a news database: biblatex prints "Factiva: ID"; it
        // prints an eprinttype without an eprint not at all, so a database
        // that gave no id (Nexis Uni) is named in the note.
        let mut note = format!("Detente article {}", a.id);
        if !a.database.is_empty() && a.database_id.is_empty() {
            note = format!("{}. {note}", crate::text::normalise::one_line(&a.database));
        }
        if !a.database.is_empty() && !a.database_id.is_empty() {
            fields.push(("eprinttype", tex(&a.database)));
            fields.push(("eprint", tex(&a.database_id)));
        }
        fields.push(("note", tex(&note)));
        out.push_str(&format!("@{kind}{{{key},\n"));
        for (k, v) in fields {
            out.push_str(&format!("  {k} = {{{v}}},\n"));
        }
        out.push_str("}\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_become_people_or_organisations() {
        assert_eq!(
            authors("By Jane Doe and John Q. Roe"),
            vec![
                Name::Person {
                    family: "Doe".into(),
                    given: "Jane".into()
                },
                Name::Person {
                    family: "Roe".into(),
                    given: "John Q.".into()
                }
            ]
        );
        assert_eq!(
            authors("Office of the Spokesperson"),
            vec![Name::Literal("Office of the Spokesperson".into())]
        );
        assert_eq!(authors(""), vec![]);
        // A database's family-first form is one person (ProQuest's
        // "Author: Wong, Edward"), also several separated by semicolons;
        // "Jane Doe, Reuters" stays a person and an organisation.
        let wong = Name::Person {
            family: "Wong".into(),
            given: "Edward".into(),
        };
        assert_eq!(authors("Wong, Edward"), vec![wong.clone()]);
        assert_eq!(authors("Wong, Edward; Lee, Ann").len(), 2);
        assert_eq!(authors("Wong, Edward; Lee, Ann")[0], wong);
        assert_eq!(
            authors("Jane Doe, Reuters"),
            vec![
                Name::Person {
                    family: "Doe".into(),
                    given: "Jane".into()
                },
                Name::Literal("Reuters".into())
            ]
        );
    }

    #[test]
    fn keys_spell_accented_words_in_ascii_and_stay_unique() {
        assert_eq!(first_word("Süddeutsche Zeitung"), "suddeutsche");
        assert_eq!(first_word("Gespräche in Wien"), "gesprache");
        assert_eq!(first_word("Straße"), "strasse");
        assert_eq!(first_word("Łódź"), "lodz");
        assert_eq!(first_word("中美会谈"), "");
        let mut a = Article::new("Gespräche in Wien", "Text.");
        a.outlet = "Süddeutsche Zeitung".into();
        let many: Vec<Article> = (0..300).map(|_| a.clone()).collect();
        let refs: Vec<&Article> = many.iter().collect();
        let k = keys(&refs);
        assert_eq!(k[0], "suddeutschendgesprache");
        assert_eq!(k[1], "suddeutschendgesprachea");
        assert_eq!(k.iter().collect::<HashSet<_>>().len(), 300);
    }

    #[test]
    fn tex_specials_cannot_break_out_of_a_field() {
        assert_eq!(
            tex("50% of {x} & $y #1_a\\b"),
            "50\\% of \\{x\\} \\& \\$y \\#1\\_a\\textbackslash{}b"
        );
    }
}
