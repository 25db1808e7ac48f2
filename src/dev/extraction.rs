//! The extraction score on `../shared/realdata/extraction-dev/` (real
//! pages annotated by trafilatura's authors): for each page, a point when
//! every phrase that must be in the main text is, a point when none that
//! must not be is, and a date point when the publication date is right
//! (the scoring rule of that folder's README). Used by `cargo run
//! --example extraction_score` and the real-data test, so Detente's score
//! can be put beside trafilatura's.
//!
//! Imports `read`, `exchange`, `core`, `dates` and `text`, never egui (layer `dev`).

use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// `s` NFC-normalised, every run of white space one space, stripped.
pub fn norm(s: &str) -> String {
    s.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What went wrong on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub page: String,
    /// "missing: …", "boilerplate: …", "date: got … want …", "refused: …".
    pub what: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    pub pages: usize,
    pub with_points: usize,
    pub without_points: usize,
    pub date_points: usize,
    pub dated_pages: usize,
    pub misses: Vec<Miss>,
    pub seconds: f64,
}

impl Score {
    pub fn text_points(&self) -> usize {
        self.with_points + self.without_points
    }
}

/// Score the pages of `dir` (`pages/` and `expected.json`) as imported
/// (boilerplate proposed, not dropped: the reader decides).
pub fn score(dir: &Path) -> Result<Score, String> {
    score_with(dir, false)
}

/// [`score`], with every proposed boilerplate line dropped first when
/// `drop_boilerplate` (what `detente import --drop-boilerplate` and one
/// click on "Boilerplate" in the Reader give).
pub fn score_with(dir: &Path, drop_boilerplate: bool) -> Result<Score, String> {
    let expected: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.join("expected.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let pages = expected
        .as_object()
        .ok_or("expected.json is not an object")?;
    let mut names: Vec<&String> = pages.keys().collect();
    names.sort();
    let mut s = Score::default();
    let start = std::time::Instant::now();
    let read: Vec<_> = names
        .iter()
        .map(|n| {
            let path = dir.join("pages").join(n);
            crate::read::prepare::prepare_file(&path, None)
        })
        .collect();
    s.seconds = start.elapsed().as_secs_f64();
    for (name, got) in names.iter().zip(read) {
        let want = &pages[name.as_str()];
        s.pages += 1;
        let miss = |what: String| Miss {
            page: name.to_string(),
            what,
        };
        let date = want["date"].as_str();
        if date.is_some() {
            s.dated_pages += 1;
        }
        let article = match got {
            Ok(mut p) => {
                if drop_boilerplate {
                    crate::read::prepare::strip_boilerplate(&mut p.article);
                }
                p.article
            }
            Err(e) => {
                s.misses.push(miss(format!("refused: {e}")));
                continue;
            }
        };
        let text = norm(&article.text);
        let phrases = |k: &str| -> Vec<String> {
            want[k]
                .as_array()
                .map(|a| a.iter().filter_map(|p| p.as_str()).map(norm).collect())
                .unwrap_or_default()
        };
        let missing: Vec<String> = phrases("with")
            .into_iter()
            .filter(|p| !text.contains(p.as_str()))
            .collect();
        if missing.is_empty() {
            s.with_points += 1;
        } else {
            for p in missing {
                s.misses.push(miss(format!("missing: {p}")));
            }
        }
        let kept: Vec<String> = phrases("without")
            .into_iter()
            .filter(|p| text.contains(p.as_str()))
            .collect();
        if kept.is_empty() {
            s.without_points += 1;
        } else {
            for p in kept {
                s.misses.push(miss(format!("boilerplate: {p}")));
            }
        }
        if let Some(want_date) = date {
            let got = article
                .published
                .as_ref()
                .and_then(|d| d.earliest())
                .filter(|_| article.published.as_ref().is_some_and(|d| d.is_exact_day()))
                .map(|d| d.to_string());
            if got.as_deref() == Some(want_date) {
                s.date_points += 1;
            } else {
                s.misses.push(miss(format!(
                    "date: got {} want {want_date}",
                    got.as_deref().unwrap_or("none")
                )));
            }
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_of_the_folder_scores_a_small_set() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("pages")).unwrap();
        let body = "<html><head><title>Talks</title><meta property=\"article:published_time\" content=\"2023-06-18T08:00:00Z\"></head><body><nav>Home World Sport</nav><article><p>Blinken met Qin Gang in Beijing on Sunday for talks that lasted more than seven hours, officials said.</p><p>Both sides agreed to keep  talking.</p></article></body></html>";
        std::fs::write(dir.path().join("pages/a.html"), body).unwrap();
        std::fs::write(
            dir.path().join("expected.json"),
            r#"{"a.html": {"url": "x", "with": ["Both sides agreed to keep talking"], "without": ["Home World Sport"], "date": "2023-06-18", "author": null}}"#,
        )
        .unwrap();
        let s = score(dir.path()).unwrap();
        assert_eq!(
            (s.with_points, s.without_points, s.date_points),
            (1, 1, 1),
            "{:?}",
            s.misses
        );
        assert_eq!(
            norm(" a \n b\u{301} "),
            "a b\u{301}".nfc().collect::<String>()
        );
    }
}
