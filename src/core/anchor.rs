//! Re-anchoring: when an article's text is corrected or re-imported, each
//! passage is found again: where the diff between the old and new text
//! carries it, if its quote is still there; else the exact quote nearest
//! its old place; else a close fuzzy match of the carried span. What cannot
//! be found becomes an orphan for the user to place or drop: a passage is
//! never silently moved onto other words or lost.
//!
//! Imports only `dates` and `text`, and never egui (layer `core`).

use crate::core::model::{Anchor, Event, Id, Orphan, Passage, Workspace};
use crate::text::offsets::CharIndex;
use crate::text::offsets::find_all;
use similar::{Algorithm, DiffOp, TextDiff};

/// Similarity (0..1) a changed span needs to keep its passage.
pub const FUZZY_MIN: f64 = 0.8;

#[derive(Debug, Clone, PartialEq)]
pub enum Placed {
    /// The quote is at the place the diff carries it to.
    Exact(Anchor),
    /// The quote was found elsewhere (the nearest occurrence).
    Moved(Anchor),
    /// The text of the passage changed a little; similarity given.
    Fuzzy(Anchor, f64),
    /// Not found.
    Orphan,
}

/// Where old char offsets land in the new text.
struct OffsetMap {
    ops: Vec<DiffOp>,
}

impl OffsetMap {
    fn new(old: &str, new: &str) -> Self {
        let diff = TextDiff::configure()
            .algorithm(Algorithm::Myers)
            .timeout(std::time::Duration::from_secs(2))
            .diff_chars(old, new);
        OffsetMap {
            ops: diff.ops().to_vec(),
        }
    }

    /// The new offset of old offset `o` (a boundary between chars). `end`
    /// chooses, for an offset at the edge of a change, the side that keeps
    /// the change outside the span.
    fn map(&self, o: usize, end: bool) -> usize {
        // The ops follow the old text in order: start at the first that
        // can hold `o` (binary search), not at the first op, so mapping
        // thousands of passages stays cheap.
        let first = self.ops.partition_point(|op| op.old_range().end < o);
        for op in &self.ops[first..] {
            let (old, new) = (op.old_range(), op.new_range());
            let inside = if end {
                old.start < o && o <= old.end
            } else {
                old.start <= o && o < old.end
            };
            if !inside {
                continue;
            }
            return match op {
                DiffOp::Equal { .. } => new.start + (o - old.start),
                // Deleted or replaced text: land at the edge of the replacement.
                _ => {
                    if end {
                        new.start
                    } else {
                        new.end
                    }
                }
            };
        }
        self.ops.last().map(|op| op.new_range().end).unwrap_or(0)
    }
}

fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(a, b)
}

/// Place `anchors` (made on `old`) in `new`.
pub fn reanchor(old: &str, new: &str, anchors: &[Anchor]) -> Vec<Placed> {
    let map = OffsetMap::new(old, new);
    let idx = CharIndex::new(new);
    let n = idx.len();
    anchors
        .iter()
        .map(|a| {
            let s = map.map(a.start, false).min(n);
            let e = map.map(a.end, true).min(n).max(s);
            let carried = &new[idx.byte(s)..idx.byte(e)];
            if carried == a.exact {
                return Anchor::from_range_in(new, &idx, s, e)
                    .map_or(Placed::Orphan, Placed::Exact);
            }
            // The quote elsewhere: the occurrence nearest where it was carried.
            let hits = find_all(new, &a.exact);
            if let Some(&(hs, he)) = hits.iter().min_by_key(|(hs, _)| hs.abs_diff(s)) {
                return Anchor::from_range_in(new, &idx, hs, he)
                    .map_or(Placed::Orphan, Placed::Moved);
            }
            // A small change inside the passage keeps it.
            let sim = similarity(carried, &a.exact);
            if e > s && sim >= FUZZY_MIN {
                return Anchor::from_range_in(new, &idx, s, e)
                    .map_or(Placed::Orphan, |an| Placed::Fuzzy(an, sim));
            }
            Placed::Orphan
        })
        .collect()
}

/// What replacing an article's text did to its passages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub exact: usize,
    pub moved: usize,
    pub fuzzy: usize,
    pub orphans: usize,
}

/// Replace an article's text, re-anchoring every passage into it; those
/// not found go to `ws.orphans`. Returns the edited events and orphans
/// (for an undoable edit) and a report.
pub fn replace_text(
    ws: &Workspace,
    article: &Id,
    new_text: &str,
) -> Option<(Vec<Event>, Vec<Orphan>, Report)> {
    let old = &ws.article(article)?.text;
    let mut report = Report::default();
    let mut events = vec![];
    let mut orphans = vec![];
    let touched: Vec<&Event> = ws
        .events
        .iter()
        .filter(|e| e.evidence.iter().any(|p| &p.article == article))
        .map(|e| &**e)
        .collect();
    // Every passage of the article placed at once, with one diff of the
    // two texts (a diff per event once took 0.2 s each on a long
    // transcript), then handed back to the events in the same order.
    let anchors: Vec<Anchor> = touched
        .iter()
        .flat_map(|e| e.evidence.iter())
        .filter(|p| &p.article == article)
        .map(|p| p.anchor.clone())
        .collect();
    let mut placed = reanchor(old, new_text, &anchors).into_iter();
    for e in touched {
        let mut after = e.clone();
        let mut kept = vec![];
        for p in &e.evidence {
            if &p.article != article {
                kept.push(p.clone());
                continue;
            }
            let new_anchor = match placed.next().unwrap_or(Placed::Orphan) {
                Placed::Exact(a) => {
                    report.exact += 1;
                    Some(a)
                }
                Placed::Moved(a) => {
                    report.moved += 1;
                    Some(a)
                }
                Placed::Fuzzy(a, _) => {
                    report.fuzzy += 1;
                    Some(a)
                }
                Placed::Orphan => None,
            };
            match new_anchor {
                Some(anchor) => kept.push(Passage {
                    anchor,
                    ..p.clone()
                }),
                None => {
                    report.orphans += 1;
                    orphans.push(Orphan {
                        event: e.id.clone(),
                        passage: p.clone(),
                        note: format!(
                            "not found after the article's text changed ({})",
                            crate::core::model::now()
                        ),
                    });
                }
            }
        }
        after.evidence = kept;
        events.push(after);
    }
    Some((events, orphans, report))
}

/// The undoable edit that gives an article a new text (and, optionally,
/// the metadata of its new version), re-anchoring its passages.
pub fn replace_text_edit(
    ws: &Workspace,
    article: &Id,
    new: &crate::core::model::Article,
) -> Option<(crate::core::history::Edit, Report)> {
    use crate::core::history::Edit;
    let before = ws.article(article)?.clone();
    let (events, orphans, report) = replace_text(ws, article, &new.text)?;
    let mut after = before.clone();
    after.text = new.text.clone();
    after.text_hash = new.text_hash.clone();
    for (field, value) in [
        (&mut after.outlet, &new.outlet),
        (&mut after.url, &new.url),
        (&mut after.byline, &new.byline),
        (&mut after.language, &new.language),
    ] {
        if field.is_empty() {
            *field = value.clone();
        }
    }
    if after.published.is_none() {
        after.published = new.published.clone();
        after.published_source = new.published_source.clone();
    }
    after.imported_at = new.imported_at.clone();
    if !new.accessed.is_empty() {
        after.accessed = new.accessed.clone();
    }
    let mut edits = vec![Edit::change_article(before, after)];
    for e in events {
        if let Some(old) = ws.event(&e.id).cloned()
            && old != e
        {
            edits.push(Edit::change_event(old, e));
        }
    }
    if !orphans.is_empty() {
        let mut all = ws.orphans.clone();
        all.extend(orphans);
        edits.push(Edit::Orphans {
            before: ws.orphans.clone(),
            after: all,
        });
    }
    Some((Edit::Batch(edits), report))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(text: &str, quote: &str) -> Anchor {
        let (s, e) = find_all(text, quote)[0];
        Anchor::from_range(text, s, e).unwrap()
    }

    #[test]
    fn edits_elsewhere_carry_the_passage() {
        let old = "Intro. Sullivan met Wang Yi in Vienna. Outro.";
        let new = "A new first line.\nIntro. Sullivan met Wang Yi in Vienna. Outro, longer.";
        let a = anchor(old, "Sullivan met Wang Yi in Vienna");
        match &reanchor(old, new, std::slice::from_ref(&a))[0] {
            Placed::Exact(b) => assert_eq!(b.exact, a.exact),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_small_correction_inside_keeps_it_fuzzily() {
        let old = "Intro. Sulivan met Wang Yi in Viena on Wednesday. Outro.";
        let new = "Intro. Sullivan met Wang Yi in Vienna on Wednesday. Outro.";
        let a = anchor(old, "Sulivan met Wang Yi in Viena on Wednesday");
        match &reanchor(old, new, &[a])[0] {
            Placed::Fuzzy(b, sim) => {
                assert_eq!(b.exact, "Sullivan met Wang Yi in Vienna on Wednesday");
                assert!(*sim > 0.9);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_deleted_passage_is_an_orphan() {
        let old = "Intro. Sullivan met Wang Yi in Vienna. Outro.";
        let new = "Intro. Outro.";
        let a = anchor(old, "Sullivan met Wang Yi in Vienna");
        assert_eq!(reanchor(old, new, &[a]), vec![Placed::Orphan]);
    }

    #[test]
    fn a_rewritten_passage_is_an_orphan_not_moved_onto_other_words() {
        let old = "Intro. Sullivan met Wang Yi in Vienna. Outro.";
        let new = "Intro. The two men talked for hours in Austria. Outro.";
        let a = anchor(old, "Sullivan met Wang Yi in Vienna");
        assert_eq!(reanchor(old, new, &[a]), vec![Placed::Orphan]);
    }
}
