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

/// How many overlapping partners of each passage are kept as candidates.
/// The greedy one-to-one matching takes the largest overlaps first, so it
/// is exact whenever no passage overlaps more than this many of the other
/// side's; past that, a passage's smaller overlaps are not considered.
/// Why a bound: many passages over one stretch of text (a whole article
/// tagged 8,000 times) would otherwise hold every overlapping pair, 64
/// million of them, gigabytes.
const PARTNERS: usize = 16;

/// The (overlap, i, j) pairs worth matching, largest overlap first: for
/// each passage of A and of B, its [`PARTNERS`] largest overlaps with the
/// other side. Memory grows with the passages, not their pairs.
fn candidates(
    la: &[(&Passage, &Event)],
    lb: &[(&Passage, &Event)],
    free_a: &[usize],
    free_b: &[usize],
) -> Vec<(usize, usize, usize)> {
    // B by start, so each passage of A looks only at those starting before
    // it ends.
    let mut by_start: Vec<usize> = free_b.to_vec();
    by_start.sort_by_key(|&j| lb[j].0.anchor.start);
    let mut best_a: Vec<Vec<(usize, usize)>> = vec![vec![]; la.len()];
    let mut best_b: Vec<Vec<(usize, usize)>> = vec![vec![]; lb.len()];
    // Keep the `PARTNERS` largest (overlap, other) of a passage, the
    // smaller index first among equal overlaps. A full list keeps its
    // worst entry last, so most offers are turned down by one comparison.
    let better = |a: (usize, usize), b: (usize, usize)| a.0 > b.0 || (a.0 == b.0 && a.1 < b.1);
    let keep = |best: &mut Vec<(usize, usize)>, o: usize, other: usize| {
        if best.len() == PARTNERS {
            if !better((o, other), best[PARTNERS - 1]) {
                return;
            }
            best[PARTNERS - 1] = (o, other);
        } else {
            best.push((o, other));
        }
        if best.len() == PARTNERS {
            // The worst to the end.
            let worst = (0..PARTNERS)
                .min_by(|&x, &y| {
                    if better(best[x], best[y]) {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Less
                    }
                })
                .unwrap_or(PARTNERS - 1);
            best.swap(worst, PARTNERS - 1);
        }
    };
    for &i in free_a {
        let p = la[i].0;
        let end = by_start.partition_point(|&j| lb[j].0.anchor.start < p.anchor.end);
        for &j in &by_start[..end] {
            let o = overlap(p, lb[j].0);
            if o > 0 {
                keep(&mut best_a[i], o, j);
                keep(&mut best_b[j], o, i);
            }
        }
    }
    let mut cand: Vec<(usize, usize, usize)> = best_a
        .iter()
        .enumerate()
        .flat_map(|(i, b)| b.iter().map(move |&(o, j)| (o, i, j)))
        .chain(
            best_b
                .iter()
                .enumerate()
                .flat_map(|(j, b)| b.iter().map(move |&(o, i)| (o, i, j))),
        )
        .collect();
    cand.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    cand.dedup();
    cand
}

/// Passages of A matched one to one with passages of B (A's index to
/// B's, and B's to A's): largest overlap first, from the bounded
/// [`candidates`]. When a passage's candidates were all taken by others,
/// candidates are drawn again among the passages still free, until no
/// free passage of A overlaps a free one of B: no passage is left "only
/// in A" while a free passage of B covers the same words.
fn match_one_to_one(
    la: &[(&Passage, &Event)],
    lb: &[(&Passage, &Event)],
) -> (HashMap<usize, usize>, HashMap<usize, usize>) {
    let (mut a_to_b, mut b_to_a) = (HashMap::new(), HashMap::new());
    loop {
        let free_a: Vec<usize> = (0..la.len()).filter(|i| !a_to_b.contains_key(i)).collect();
        let free_b: Vec<usize> = (0..lb.len()).filter(|j| !b_to_a.contains_key(j)).collect();
        let before = a_to_b.len();
        for (_, i, j) in candidates(la, lb, &free_a, &free_b) {
            if a_to_b.contains_key(&i) || b_to_a.contains_key(&j) {
                continue;
            }
            a_to_b.insert(i, j);
            b_to_a.insert(j, i);
        }
        // The best free pair is always among the candidates, so each round
        // matches one at least; none means no free pair overlaps.
        if a_to_b.len() == before {
            break;
        }
    }
    (a_to_b, b_to_a)
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
        let (used_a, used_b) = match_one_to_one(la, lb);
        let mut matched: Vec<(usize, usize)> = used_a.iter().map(|(&i, &j)| (i, j)).collect();
        matched.sort_unstable();
        for (i, j) in matched {
            pairs.push((la[i].0, la[i].1, lb[j].0, lb[j].1));
        }
        for (side, list, used) in [("only in A", la, &used_a), ("only in B", lb, &used_b)] {
            for (k, (p, e)) in list
                .iter()
                .enumerate()
                .filter(|(k, _)| !used.contains_key(k))
            {
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

    /// A workspace of one article tagged at `spans` (char ranges).
    fn tagged(text: &str, spans: &[(usize, usize)]) -> Workspace {
        use crate::core::ops::{self, NewEvent};
        let mut ws = Workspace::new("w");
        let mut a = crate::core::model::Article::new("t", text);
        a.id = "art_1".into();
        ws.articles.push(a.into());
        for (k, &(s, e)) in spans.iter().enumerate() {
            let anchor = crate::core::model::Anchor::from_range(text, s, e).unwrap();
            ops::tag_new_event(
                &mut ws,
                &"art_1".to_string(),
                anchor,
                NewEvent {
                    headline: format!("e{k}"),
                    kind: "042".into(),
                    ..Default::default()
                },
            )
            .unwrap();
        }
        ws
    }

    /// The matching as it was before candidates were bounded: every
    /// overlapping pair, largest overlap first, one to one.
    fn matched_by_every_pair(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
        let mut cand = vec![];
        for (i, x) in a.iter().enumerate() {
            for (j, y) in b.iter().enumerate() {
                let o = x.1.min(y.1).saturating_sub(x.0.max(y.0));
                if o > 0 {
                    cand.push((o, i, j));
                }
            }
        }
        cand.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let (mut ua, mut ub) = (HashSet::new(), HashSet::new());
        cand.into_iter()
            .filter(|&(_, i, j)| {
                !ua.contains(&i) && !ub.contains(&j) && ua.insert(i) && ub.insert(j)
            })
            .count()
    }

    #[test]
    fn bounded_candidates_match_as_every_pair_did_on_ordinary_tagging() {
        let text = "word ".repeat(400);
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..40 {
            let mut spans = |n: usize| -> Vec<(usize, usize)> {
                (0..n)
                    .map(|_| {
                        let s = rng.usize(0..1900);
                        (s, s + rng.usize(1..100))
                    })
                    .collect()
            };
            let (a, b) = (spans(30), spans(30));
            let r = agree(&tagged(&text, &a), &tagged(&text, &b));
            assert_eq!(r.matched, matched_by_every_pair(&a, &b));
        }
    }

    #[test]
    fn thousands_of_passages_over_one_stretch_keep_few_candidates() {
        // Every passage overlaps every other: all pairs would be 4 million.
        let text = "word ".repeat(200);
        let a: Vec<(usize, usize)> = (0..2000).map(|i| (i % 50, 900 + i % 50)).collect();
        let (wa, wb) = (tagged(&text, &a), tagged(&text, &a));
        let (pa, pb) = (passages(&wa), passages(&wb));
        let all: Vec<usize> = (0..2000).collect();
        let cand = candidates(&pa["art_1"], &pb["art_1"], &all, &all);
        assert!(cand.len() <= 2 * PARTNERS * 2000, "{}", cand.len());
        let r = agree(&wa, &wb);
        assert_eq!(r.matched, 2000);
    }

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
