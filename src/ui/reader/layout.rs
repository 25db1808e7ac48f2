//! Laying out the open article paragraph by paragraph, only near the view:
//! the highlight runs of passages and dates, galleys, measuring ahead in
//! small slices, and char <-> position for selection and jumps.
//!
//! Imports every layer but `cli` and `dev`, and nothing of `ui` that
//! names the window's state, so `ui::app` can hold it (layer `ui`).

use crate::core::model::{Event, Id};
use crate::ui::reader::paragraphs::Paragraphs;
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Pos2, Rect, Vec2, vec2};
use std::sync::Arc;

/// How the highlights of the open article look: a change lays out again
/// the paragraphs in view (their heights stay).
#[derive(PartialEq, Clone)]
pub(crate) struct Style {
    pub(crate) passages: u64,
    pub(crate) selected_event: Option<Id>,
    pub(crate) dark: bool,
    /// The text the date expressions (underlined) were found in (the
    /// analysis's key), if they were: a new text's analysis lays out again,
    /// so underlines never stay on the words of the text before (after
    /// Drop boilerplate they once did until the next edit).
    pub(crate) dates: Option<u64>,
}

/// A stretch of the text drawn one way, from its first char (and byte)
/// to the next run's.
#[derive(Clone, Copy, PartialEq)]
pub(crate) struct Run {
    pub(crate) char: usize,
    pub(crate) byte: usize,
    pub(crate) background: Option<Color32>,
    pub(crate) strong: bool,
    pub(crate) date: bool,
}

pub(crate) const FONT_SIZE: f32 = 15.5;

/// The open article as the Reader lays it out: paragraph by paragraph and
/// only near the view, so a 1 MB article opens as fast as a short one.
/// Further paragraphs are measured a few milliseconds per frame, and the
/// view is kept on its place in the text while their heights come in.
pub(crate) struct TextView {
    pub(crate) article: Id,
    pub(crate) text: u64,
    pub(crate) width: f32,
    pub(crate) row_height: f32,
    pub(crate) paras: Paragraphs,
    pub(crate) galleys: Vec<Option<Arc<Galley>>>,
    pub(crate) style: Option<Style>,
    pub(crate) runs: Vec<Run>,
    /// Where measuring ahead goes on.
    pub(crate) next: usize,
}

/// The runs of one article's text: the shortest covering passage wins,
/// so a passage inside another stays visible; the selected event's
/// passages win over the others; date expressions are underlined. A sweep
/// over the passage and date boundaries, so its cost follows the number
/// of highlights, not the length of the text.
pub(crate) fn runs(
    ws: &crate::core::model::Workspace,
    article: &Id,
    style: &Style,
    dates: &[crate::dates::find::Found],
) -> Vec<Run> {
    let Some(a) = ws.article(article) else {
        return vec![];
    };
    let n = a.char_len();
    // (start, end, rank, colour, selected): the lowest rank wins.
    type Span = (usize, usize, (bool, usize, usize), Color32, bool);
    let mut spans: Vec<Span> = vec![];
    for e in &ws.events {
        let mut passages = e
            .evidence
            .iter()
            .filter(|p| &p.article == article && p.anchor.start < p.anchor.end.min(n))
            .peekable();
        if passages.peek().is_none() {
            continue;
        }
        let (colour, selected) = highlight(ws, e, style);
        for p in passages {
            let (s, e) = (p.anchor.start, p.anchor.end.min(n));
            let rank = (!selected, e - s, spans.len());
            spans.push((s, e, rank, colour, selected));
        }
    }
    let dated: Vec<(usize, usize)> = dates
        .iter()
        .map(|f| (f.start, f.end.min(n)))
        .filter(|(s, e)| s < e)
        .collect();
    let mut cuts: Vec<usize> = vec![0, n];
    for (s, e, ..) in &spans {
        cuts.extend([*s, *e]);
    }
    for (s, e) in &dated {
        cuts.extend([*s, *e]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    spans.sort_unstable_by_key(|s| s.0);
    let mut dated = dated;
    dated.sort_unstable();
    let (mut next_span, mut next_date) = (0, 0);
    let mut active: Vec<usize> = vec![];
    let mut active_dates: Vec<usize> = vec![];
    // The byte of each cut, walking the text once.
    let mut chars = a.text.char_indices().map(|(b, _)| b).chain([a.text.len()]);
    let mut at_char = 0;
    let mut byte = chars.next().unwrap_or(0);
    let mut runs: Vec<Run> = vec![];
    for &cut in cuts.iter().filter(|&&c| c < n) {
        while next_span < spans.len() && spans[next_span].0 <= cut {
            active.push(next_span);
            next_span += 1;
        }
        active.retain(|&i| spans[i].1 > cut);
        while next_date < dated.len() && dated[next_date].0 <= cut {
            active_dates.push(next_date);
            next_date += 1;
        }
        active_dates.retain(|&i| dated[i].1 > cut);
        let winner = active.iter().map(|&i| &spans[i]).min_by_key(|s| s.2);
        while at_char < cut {
            byte = chars.next().unwrap_or(a.text.len());
            at_char += 1;
        }
        let run = Run {
            char: cut,
            byte,
            background: winner.map(|s| s.3),
            strong: winner.is_some_and(|s| s.4),
            date: !active_dates.is_empty(),
        };
        let same = runs.last().is_some_and(|r| {
            (r.background, r.strong, r.date) == (run.background, run.strong, run.date)
        });
        if !same {
            runs.push(run);
        }
    }
    runs
}

/// The colour of an event's highlights (its type's, stronger when it is
/// the selected event), and whether it is selected.
pub(crate) fn highlight(
    ws: &crate::core::model::Workspace,
    e: &Event,
    style: &Style,
) -> (Color32, bool) {
    let [r, g, b] = ws
        .event_type(&e.kind)
        .map(|t| t.rgb())
        .unwrap_or([128, 128, 128]);
    let selected = style.selected_event.as_deref() == Some(e.id.as_str());
    let alpha = match (selected, style.dark) {
        (true, true) => 200,
        (true, false) => 170,
        (false, true) => 90,
        (false, false) => 75,
    };
    (Color32::from_rgba_unmultiplied(r, g, b, alpha), selected)
}

/// How long one frame may spend measuring paragraphs ahead of the view.
pub(crate) const MEASURE_BUDGET: std::time::Duration = std::time::Duration::from_millis(3);

impl TextView {
    pub(crate) fn new(
        ui: &egui::Ui,
        article: &Id,
        text_fp: u64,
        text: &str,
        width: f32,
    ) -> TextView {
        let font = FontId::proportional(FONT_SIZE);
        let row_height = ui.fonts_mut(|f| f.row_height(&font));
        // About half an em per Latin letter, until measured paragraphs tell.
        let paras = Paragraphs::new(text, row_height, width / (FONT_SIZE * 0.48));
        TextView {
            article: article.clone(),
            text: text_fp,
            width,
            row_height,
            galleys: vec![None; paras.len()],
            paras,
            style: None,
            runs: vec![],
            next: 0,
        }
    }

    /// Take a new look: the paragraphs are laid out again as they are shown.
    pub(crate) fn restyle(
        &mut self,
        ws: &crate::core::model::Workspace,
        style: &Style,
        dates: &[crate::dates::find::Found],
    ) {
        if self.style.as_ref() == Some(style) {
            return;
        }
        self.runs = runs(ws, &self.article, style, dates);
        self.style = Some(style.clone());
        self.galleys.iter_mut().for_each(|g| *g = None);
    }

    /// Paragraph `i` laid out (`None` when it is empty), measuring it.
    pub(crate) fn galley(
        &mut self,
        ui: &egui::Ui,
        text: &str,
        i: usize,
        layouts: &mut usize,
    ) -> Option<Arc<Galley>> {
        if let Some(g) = &self.galleys[i] {
            return Some(g.clone());
        }
        let bytes = self.paras.bytes[i].clone();
        if bytes.is_empty() {
            self.paras.set_measured(i, self.row_height);
            return None;
        }
        let visuals = ui.visuals();
        let font = FontId::proportional(FONT_SIZE);
        let underline = egui::Stroke::new(1.0, visuals.weak_text_color());
        let mut job = LayoutJob::default();
        job.wrap.max_width = self.width;
        let first = self.paras.chars[i].start;
        let mut k = self
            .runs
            .partition_point(|r| r.char <= first)
            .saturating_sub(1);
        while let Some(r) = self.runs.get(k).copied() {
            if r.byte >= bytes.end {
                break;
            }
            let end = self.runs.get(k + 1).map_or(text.len(), |n| n.byte);
            let (b0, b1) = (r.byte.max(bytes.start), end.min(bytes.end));
            if b0 < b1 {
                job.append(
                    &text[b0..b1],
                    0.0,
                    TextFormat {
                        font_id: font.clone(),
                        color: if r.strong {
                            visuals.strong_text_color()
                        } else {
                            visuals.text_color()
                        },
                        background: r.background.unwrap_or(Color32::TRANSPARENT),
                        underline: if r.date {
                            underline
                        } else {
                            egui::Stroke::NONE
                        },
                        ..Default::default()
                    },
                );
            }
            k += 1;
        }
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        *layouts += 1;
        self.paras.set_measured(i, galley.size().y);
        self.galleys[i] = Some(galley.clone());
        Some(galley)
    }

    /// Before the frame: lay out what the view will show (at the last
    /// frame's offset) and, unless the view has just been opened, what is
    /// near it, measuring ahead for a few milliseconds. Returns
    /// the offset that keeps the view on the same text when heights above
    /// it changed.
    pub(crate) fn prepare(
        &mut self,
        ui: &egui::Ui,
        text: &str,
        offset: f32,
        view: f32,
        ahead: bool,
        layouts: &mut usize,
    ) -> Option<f32> {
        let anchor = self.paras.anchor(offset);
        let before = self.paras.y_of(anchor);
        let unmeasured = self.paras.unmeasured();
        let band = if ahead {
            self.paras.between(offset - view, offset + 2.0 * view)
        } else {
            self.paras.between(offset, offset + view)
        };
        for i in band {
            self.galley(ui, text, i, layouts);
        }
        if !ahead {
            ui.ctx().request_repaint();
            return None;
        }
        let start = std::time::Instant::now();
        let n = self.paras.len();
        let mut wrapped = false;
        while self.paras.unmeasured() > 0 && start.elapsed() < MEASURE_BUDGET {
            if self.next >= n {
                if wrapped {
                    break;
                }
                (self.next, wrapped) = (0, true);
            }
            if !self.paras.is_measured(self.next) {
                // Only its height is kept: far paragraphs hold no layout.
                self.galley(ui, text, self.next, layouts);
                self.galleys[self.next] = None;
            }
            self.next += 1;
        }
        if self.paras.unmeasured() != unmeasured {
            self.paras.reestimate();
        }
        if self.paras.unmeasured() > 0 {
            ui.ctx().request_repaint();
        }
        // Keep the layouts of about three screens around the view.
        let keep = self.paras.between(offset - 3.0 * view, offset + 4.0 * view);
        for (i, g) in self.galleys.iter_mut().enumerate() {
            if !keep.contains(&i) {
                *g = None;
            }
        }
        let after = self.paras.y_of(anchor);
        ((after - before).abs() > 0.5).then_some(offset + after - before)
    }

    /// Where char `c` of paragraph `i` is, from the top-left of the text.
    pub(crate) fn char_rect(
        &mut self,
        ui: &egui::Ui,
        text: &str,
        i: usize,
        c: usize,
        layouts: &mut usize,
    ) -> Rect {
        let galley = self.galley(ui, text, i, layouts);
        let top = self.paras.top(i);
        let r = &self.paras.chars[i];
        let local = c.clamp(r.start, r.end) - r.start;
        match galley {
            Some(g) => g
                .pos_from_cursor(CCursor::new(local))
                .translate(vec2(0.0, top)),
            None => Rect::from_min_size(Pos2::new(0.0, top), vec2(0.0, self.row_height)),
        }
    }

    /// Where chars `s..e` are, from the top-left of the text.
    pub(crate) fn range_rect(
        &mut self,
        ui: &egui::Ui,
        text: &str,
        s: usize,
        e: usize,
        layouts: &mut usize,
    ) -> Rect {
        let a = self.char_rect(ui, text, self.paras.of_char(s), s, layouts);
        let b = self.char_rect(ui, text, self.paras.of_char(e), e, layouts);
        if (a.top() - b.top()).abs() < 1.0 {
            Rect::from_min_max(a.left_top(), b.right_bottom())
        } else {
            Rect::from_min_max(Pos2::new(0.0, a.top()), Pos2::new(self.width, b.bottom()))
        }
    }

    /// The char at point `p` (from the top-left of the text).
    pub(crate) fn char_at(
        &mut self,
        ui: &egui::Ui,
        text: &str,
        p: Vec2,
        layouts: &mut usize,
    ) -> usize {
        let i = self.paras.at_y(p.y);
        let galley = self.galley(ui, text, i, layouts);
        let top = self.paras.top(i);
        let start = self.paras.chars[i].start;
        galley.map_or(start, |g| {
            start + g.cursor_from_pos(vec2(p.x, p.y - top)).index.0
        })
    }

    /// The rows of paragraph `i` that chars `s..e` cover, from its top-left.
    pub(crate) fn selection_rects(
        &self,
        i: usize,
        galley: &Galley,
        s: usize,
        e: usize,
    ) -> Vec<Rect> {
        let r = &self.paras.chars[i];
        // A paragraph ends at its '\n'; a piece of a long one does not own
        // its end, which is where the next piece starts.
        let piece = self
            .paras
            .chars
            .get(i + 1)
            .is_some_and(|n| n.start == r.end);
        if e <= r.start || s > r.end || (piece && s == r.end) {
            return vec![];
        }
        let a = galley.pos_from_cursor(CCursor::new(s.max(r.start) - r.start));
        let b = galley.pos_from_cursor(CCursor::new(e.min(r.end) - r.start));
        // A selection that goes on past this paragraph takes its line end.
        let right = |x: f32| if e > r.end { self.width } else { x };
        if (a.top() - b.top()).abs() < 1.0 {
            return vec![Rect::from_x_y_ranges(
                a.left()..=right(b.left()),
                a.y_range(),
            )];
        }
        vec![
            Rect::from_x_y_ranges(a.left()..=self.width, a.y_range()),
            Rect::from_x_y_ranges(0.0..=self.width, a.bottom()..=b.top()),
            Rect::from_x_y_ranges(0.0..=right(b.left()), b.y_range()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Anchor;

    /// The rule, char by char, as it reads: what `runs` must agree with.
    pub(crate) fn per_char(
        ws: &crate::core::model::Workspace,
        article: &Id,
        style: &Style,
        dates: &[crate::dates::find::Found],
    ) -> Vec<(Option<Color32>, bool, bool)> {
        let a = ws.article(article).unwrap();
        let n = a.char_len();
        let mut best: Vec<Option<(usize, Color32, bool)>> = vec![None; n];
        for e in &ws.events {
            let (colour, selected) = highlight(ws, e, style);
            for p in e.evidence.iter().filter(|p| &p.article == article) {
                let len = p.anchor.end - p.anchor.start;
                for slot in &mut best[p.anchor.start..p.anchor.end] {
                    if slot.is_none_or(|(l, _, sel)| {
                        (selected && !sel) || ((selected || !sel) && len < l)
                    }) {
                        *slot = Some((len, colour, selected));
                    }
                }
            }
        }
        (0..n)
            .map(|c| {
                (
                    best[c].map(|b| b.1),
                    best[c].is_some_and(|b| b.2),
                    dates.iter().any(|f| f.start <= c && c < f.end),
                )
            })
            .collect()
    }

    #[test]
    pub(crate) fn highlight_runs_follow_the_shortest_and_the_selected_passage() {
        let text = "Vienna, 11 May 2023 — Sullivan met Wang Yi.\n会谈坦诚。On Thursday they met again; \
                    the talks lasted eight hours, officials said on 12 May.";
        let mut ws = crate::core::model::Workspace::new("t");
        let (a, _) = crate::read::prepare::prepare_bytes(text.as_bytes(), "t.txt", None).unwrap();
        let id = a.id.clone();
        let n = a.char_len();
        ws.articles.push(a.into());
        // Nested, overlapping, touching and identical passages.
        let ranges = [
            (0, 40),
            (8, 19),
            (10, 30),
            (30, 45),
            (44, 50),
            (10, 30),
            (52, 90),
            (60, 61),
        ];
        let kinds = ["040", "042", "111", "036", "043", "171", "044", "125"];
        let mut ids = vec![];
        for ((s, e), k) in ranges.iter().zip(kinds) {
            let anchor = Anchor::from_range(&ws.article(&id).unwrap().text, *s, *e).unwrap();
            let spec = crate::core::ops::NewEvent {
                headline: format!("{s}-{e}"),
                kind: k.into(),
                ..Default::default()
            };
            ids.push(crate::core::ops::tag_new_event(&mut ws, &id, anchor, spec).unwrap());
        }
        let dates = crate::dates::find::find_dates(&ws.article(&id).unwrap().text, None);
        assert!(dates.len() >= 2, "the test text has dates");
        for selected in [None, Some(ids[0].clone()), Some(ids[2].clone())] {
            for dark in [true, false] {
                let style = Style {
                    passages: 0,
                    selected_event: selected.clone(),
                    dark,
                    dates: Some(1),
                };
                let runs = runs(&ws, &id, &style, &dates);
                let want = per_char(&ws, &id, &style, &dates);
                let text = &ws.article(&id).unwrap().text;
                let mut got = vec![];
                for (k, r) in runs.iter().enumerate() {
                    let end = runs.get(k + 1).map_or(n, |r| r.char);
                    assert_eq!(text.char_indices().nth(r.char).unwrap().0, r.byte);
                    got.extend((r.char..end).map(|_| (r.background, r.strong, r.date)));
                }
                assert_eq!(got, want, "selected {selected:?}, dark {dark}");
            }
        }
    }
}
