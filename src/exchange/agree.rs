//! Agreement between two annotators who tagged the same articles, in the
//! figures researchers report: passages matched by overlap (one to one,
//! largest overlap first), passage-level F1, Cohen's kappa on the event
//! type of matched passages, the share of matched events whose dates
//! overlap, and the disagreements with their quotes.
//!
//! Imports only `core`, `dates` and `text`, and never egui (layer `exchange`).

use crate::core::model::{Event, Passage, Workspace};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The agreement of A and B.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Agreement {
    pub passages_a: usize,
    pub passages_b: usize,
    pub matched: usize,
    /// 2 × matched / (passages of A + passages of B).
    pub passage_f1: f64,
    /// Cohen's kappa on the event type of matched passages; None when it
    /// is undefined (every matched passage of both the same one type).
    pub type_kappa: Option<f64>,
    /// Share of matched event types that agree (the kappa's observed agreement).
    pub type_agreement: f64,
    /// Event pairs linked by matched passages, and how many of those both
    /// date have overlapping dates.
    pub matched_events: usize,
    pub dated_pairs: usize,
    pub dates_overlap: usize,
    pub disagreements: Vec<Disagreement>,
}

/// One place where A and B differ.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Disagreement {
    /// "only in A", "only in B", "event type", "date".
    pub what: String,
    pub article: String,
    /// The article's id, and the passage (A's, or B's when only B has
    /// one), to show it.
    pub article_id: String,
    pub passage_id: String,
    pub quote: String,
    pub a: String,
    pub b: String,
}

/// Cohen's kappa of two raters' labels for the same items (pairs); None
/// when undefined (chance agreement is 1).
pub fn cohen_kappa<T: std::hash::Hash + Eq>(pairs: &[(T, T)]) -> Option<f64> {
    let n = pairs.len() as f64;
    if pairs.is_empty() {
        return None;
    }
    let observed = pairs.iter().filter(|(a, b)| a == b).count() as f64 / n;
    let mut pa: HashMap<&T, f64> = HashMap::new();
    let mut pb: HashMap<&T, f64> = HashMap::new();
    for (a, b) in pairs {
        *pa.entry(a).or_default() += 1.0 / n;
        *pb.entry(b).or_default() += 1.0 / n;
    }
    let expected: f64 = pa
        .iter()
        .map(|(k, p)| p * pb.get(k).copied().unwrap_or(0.0))
        .sum();
    if (1.0 - expected).abs() < 1e-12 {
        return None;
    }
    Some((observed - expected) / (1.0 - expected))
}

/// Every passage of `ws` with its event, by article.
fn passages(ws: &Workspace) -> BTreeMap<&str, Vec<(&Passage, &Event)>> {
    let mut out: BTreeMap<&str, Vec<(&Passage, &Event)>> = BTreeMap::new();
    for e in &ws.events {
        for p in &e.evidence {
            out.entry(p.article.as_str()).or_default().push((p, e));
        }
    }
    out
}

fn overlap(a: &Passage, b: &Passage) -> usize {
    let s = a.anchor.start.max(b.anchor.start);
    let e = a.anchor.end.min(b.anchor.end);
    e.saturating_sub(s)
}

fn dates_overlap(a: &Event, b: &Event) -> Option<bool> {
    let (da, db) = (a.date.as_ref()?, b.date.as_ref()?);
    let (a0, a1) = (da.earliest()?, da.latest()?);
    let (b0, b1) = (db.earliest()?, db.latest()?);
    Some(a0 <= b1 && b0 <= a1)
}

/// How far A and B agree on the articles both tagged.
pub fn agree(a: &Workspace, b: &Workspace) -> Agreement {
    let (pa, pb) = (passages(a), passages(b));
    let title = |id: &str| {
        a.article(id)
            .or_else(|| b.article(id))
            .map(|x| x.title.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let mut pairs: Vec<(&Passage, &Event, &Passage, &Event)> = vec![];
    let mut disagreements = vec![];
    let (mut na, mut nb) = (0, 0);
    let articles: HashSet<&str> = pa.keys().chain(pb.keys()).copied().collect();
    let mut articles: Vec<&str> = articles.into_iter().collect();
    articles.sort();
    for art in articles {
        let la = pa.get(art).map(Vec::as_slice).unwrap_or_default();
        let lb = pb.get(art).map(Vec::as_slice).unwrap_or_default();
        na += la.len();
        nb += lb.len();
        // Candidate pairs, largest overlap first, taken one to one.
        let mut cand: Vec<(usize, usize, usize)> = vec![];
        for (i, (p, _)) in la.iter().enumerate() {
            for (j, (q, _)) in lb.iter().enumerate() {
                let o = overlap(p, q);
                if o > 0 {
                    cand.push((o, i, j));
                }
            }
        }
        cand.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let (mut used_a, mut used_b) = (HashSet::new(), HashSet::new());
        for (_, i, j) in cand {
            if used_a.contains(&i) || used_b.contains(&j) {
                continue;
            }
            used_a.insert(i);
            used_b.insert(j);
            pairs.push((la[i].0, la[i].1, lb[j].0, lb[j].1));
        }
        for (side, list, used) in [("only in A", la, &used_a), ("only in B", lb, &used_b)] {
            for (k, (p, e)) in list.iter().enumerate().filter(|(k, _)| !used.contains(k)) {
                let _ = k;
                disagreements.push(Disagreement {
                    what: side.into(),
                    article: title(art),
                    article_id: art.to_string(),
                    passage_id: p.id.clone(),
                    quote: p.anchor.exact.clone(),
                    a: if side == "only in A" {
                        e.headline.clone()
                    } else {
                        String::new()
                    },
                    b: if side == "only in B" {
                        e.headline.clone()
                    } else {
                        String::new()
                    },
                });
            }
        }
    }
    let types: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(_, ea, _, eb)| (ea.kind.as_str(), eb.kind.as_str()))
        .collect();
    for (p, ea, _, eb) in &pairs {
        if ea.kind != eb.kind {
            disagreements.push(Disagreement {
                what: "event type".into(),
                article: title(&p.article),
                article_id: p.article.clone(),
                passage_id: p.id.clone(),
                quote: p.anchor.exact.clone(),
                a: ea.kind.clone(),
                b: eb.kind.clone(),
            });
        }
    }
    // Events linked through matched passages, each pair once.
    let mut events: BTreeMap<(&str, &str), (&Event, &Event, &Passage)> = BTreeMap::new();
    for (p, ea, _, eb) in &pairs {
        events
            .entry((ea.id.as_str(), eb.id.as_str()))
            .or_insert((ea, eb, p));
    }
    let (mut dated, mut overlapping) = (0, 0);
    for (ea, eb, p) in events.values() {
        match dates_overlap(ea, eb) {
            Some(true) => {
                dated += 1;
                overlapping += 1;
            }
            Some(false) => {
                dated += 1;
                let d = |e: &Event| {
                    e.date
                        .as_ref()
                        .map(|d| d.edtf().to_string())
                        .unwrap_or_default()
                };
                disagreements.push(Disagreement {
                    what: "date".into(),
                    article: title(&p.article),
                    article_id: p.article.clone(),
                    passage_id: p.id.clone(),
                    quote: p.anchor.exact.clone(),
                    a: d(ea),
                    b: d(eb),
                });
            }
            None => {}
        }
    }
    let matched = pairs.len();
    Agreement {
        passages_a: na,
        passages_b: nb,
        matched,
        passage_f1: if na + nb == 0 {
            1.0
        } else {
            2.0 * matched as f64 / (na + nb) as f64
        },
        type_kappa: cohen_kappa(&types),
        type_agreement: if matched == 0 {
            0.0
        } else {
            types.iter().filter(|(x, y)| x == y).count() as f64 / matched as f64
        },
        matched_events: events.len(),
        dated_pairs: dated,
        dates_overlap: overlapping,
        disagreements,
    }
}

/// The report `detente agree` prints and the window copies: the figures,
/// then one line per disagreement (tab-separated, quotes cut short, control
/// characters written out).
pub fn report(r: &Agreement) -> String {
    let mut out = figures(r);
    let esc = crate::text::normalise::escape_controls;
    for d in &r.disagreements {
        out.push_str(&format!(
            "{}\t{}\t\"{}\"\tA: {}\tB: {}\n",
            d.what,
            esc(&d.article),
            esc(&crate::text::normalise::short(&d.quote)),
            esc(&d.a),
            esc(&d.b)
        ));
    }
    out
}

/// The figures as a person reads them, one per line, tab-separated.
pub fn figures(r: &Agreement) -> String {
    let pct = |x: f64| format!("{:.1}%", 100.0 * x);
    let kappa = r
        .type_kappa
        .map_or("undefined".to_string(), |k| format!("{k:.3}"));
    format!(
        "passages\tA {}\tB {}\tmatched {}\n\
         passage F1\t{:.3}\n\
         event type kappa\t{kappa}\t(agreement {})\n\
         dates overlap\t{} of {} dated event pairs ({} events matched)\n",
        r.passages_a,
        r.passages_b,
        r.matched,
        r.passage_f1,
        pct(r.type_agreement),
        r.dates_overlap,
        r.dated_pairs,
        r.matched_events
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kappa_matches_the_worked_textbook_example() {
        // Two readers, 50 proposals: yes/yes 20, yes/no 5, no/yes 10, no/no
        // 15. Observed 0.70, chance 0.50, kappa 0.40 (the example used in
        // most introductions, e.g. Wikipedia's "Cohen's kappa").
        let mut pairs = vec![];
        pairs.extend(std::iter::repeat_n(("yes", "yes"), 20));
        pairs.extend(std::iter::repeat_n(("yes", "no"), 5));
        pairs.extend(std::iter::repeat_n(("no", "yes"), 10));
        pairs.extend(std::iter::repeat_n(("no", "no"), 15));
        let k = cohen_kappa(&pairs).unwrap();
        assert!((k - 0.4).abs() < 1e-9, "{k}");
        assert_eq!(cohen_kappa(&[("a", "a"), ("a", "a")]), None);
        assert_eq!(cohen_kappa::<&str>(&[]), None);
        assert!((cohen_kappa(&[("a", "a"), ("b", "b")]).unwrap() - 1.0).abs() < 1e-12);
    }
}
