//! One frame of the window, headless: egui's pass over the whole app plus
//! tessellation (no GPU), with the generated 5,000-article / 20,000-event
//! workspace open, the 300 KB long read (2,000 highlights) in the Reader
//! scrolled to the middle, the library listing every article, and the
//! timeline fitted to every event. Measured idle, while the pointer hovers
//! the timeline, and while a text selection is being dragged.
//!
//! `cargo bench --bench frame`; figures print as `FIGURE` lines.

mod common;

use common::{BIG, figure, report, workspace_file};
use criterion::{Criterion, criterion_group};
use detente::core::store;
use detente::ui::DetenteApp;
use egui::{Event, Modifiers, PointerButton, Pos2, RawInput, Rect, vec2};
use std::hint::black_box;

const SIZE: egui::Vec2 = vec2(1400.0, 900.0);

struct Window {
    ctx: egui::Context,
    app: DetenteApp,
    time: f64,
}

impl Window {
    fn open() -> Window {
        let ws = store::load(&workspace_file(BIG)).expect("generated workspace");
        let long_read = ws.articles[0].id.clone();
        let highlights = ws
            .events
            .iter()
            .flat_map(|e| &e.evidence)
            .filter(|p| p.article == long_read)
            .count();
        println!(
            "long read: {} chars, {highlights} highlights",
            ws.articles[0].char_len()
        );
        assert!(highlights >= 2_000);
        // The passage nearest the middle of the long read.
        let mid = ws.articles[0].char_len() / 2;
        let middle = ws
            .events
            .iter()
            .flat_map(|e| &e.evidence)
            .filter(|p| p.article == long_read)
            .min_by_key(|p| p.anchor.start.abs_diff(mid))
            .map(|p| p.id.clone());
        let mut app = DetenteApp::with_workspace(ws, None).with_recovery_dir(None);
        app.selected_article = Some(long_read);
        app.reader.scroll_to = middle;
        app.timeline.fit_request = true;
        let mut w = Window::new(app);
        for _ in 0..5 {
            w.frame(vec![]);
        }
        assert!(w.app.timeline.view.is_some(), "the timeline is drawn");
        w
    }

    fn new(app: DetenteApp) -> Window {
        let ctx = egui::Context::default();
        detente::ui::install_fonts(&ctx);
        Window {
            ctx,
            app,
            time: 0.0,
        }
    }

    /// One frame: egui pass and tessellation. Returns the number of
    /// primitives, so nothing is optimised away.
    fn frame(&mut self, events: Vec<Event>) -> usize {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SIZE)),
            time: Some(self.time),
            events,
            ..Default::default()
        };
        let app = &mut self.app;
        let out = self.ctx.run_ui(input, |ui| app.frame(ui));
        let prims = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        prims.len()
    }
}

/// Opening the generated workspace from the window (File > Open) while it
/// shows the sample, as on first run: the frames drawn while it loads on
/// its thread, then the frame it arrives in and the next four (library
/// counts, the timeline's layout sent to its thread, the long read shown).
fn opening_from_the_window() {
    let mut w = Window::new(DetenteApp::open(None).with_recovery_dir(None));
    for _ in 0..3 {
        w.frame(vec![]);
    }
    let file = workspace_file(BIG);
    w.app.open_path(&file);
    let mut loading = vec![];
    while w.app.opening().is_some() {
        let t = std::time::Instant::now();
        w.frame(vec![]);
        loading.push(t.elapsed().as_secs_f64() * 1e3);
        std::thread::sleep(std::time::Duration::from_millis(4));
    }
    // The last of those is the frame the workspace arrived in.
    let mut after = vec![loading.pop().expect("at least one frame")];
    for _ in 0..4 {
        let t = std::time::Instant::now();
        w.frame(vec![]);
        after.push(t.elapsed().as_secs_f64() * 1e3);
    }
    assert_eq!(
        w.app.ws.articles.len(),
        BIG.articles,
        "the workspace arrived"
    );
    let worst = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    println!(
        "frames while loading: {}; after: {after:.1?}",
        loading.len()
    );
    figure("frame/while_opening_worst", worst(&loading), "ms", 16.0);
    // One frame while the content changes: under the 100 ms that reads as
    // instant.
    figure("frame/first_after_open_worst", worst(&after), "ms", 100.0);
}

fn frames(c: &mut Criterion) {
    opening_from_the_window();
    let mut w = Window::open();
    let mut g = c.benchmark_group("frame");
    g.sample_size(50);
    g.bench_function("idle", |b| b.iter(|| black_box(w.frame(vec![]))));
    // Sweep the pointer across the fitted timeline, one step per frame.
    let mut i = 0u32;
    g.bench_function("hover_timeline", |b| {
        b.iter(|| {
            i = (i + 1) % 400;
            let p = Pos2::new(300.0 + 2.5 * i as f32, 760.0 + (i % 7) as f32 * 12.0);
            black_box(w.frame(vec![Event::PointerMoved(p)]))
        })
    });
    w.frame(vec![Event::PointerGone]);
    // Press in the Reader, then drag down and back, one step per frame.
    let start = Pos2::new(420.0, 260.0);
    w.frame(vec![Event::PointerMoved(start)]);
    w.frame(vec![Event::PointerButton {
        pos: start,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    }]);
    let mut j = 0u32;
    g.bench_function("drag_selection", |b| {
        b.iter(|| {
            j = (j + 1) % 60;
            let y = 270.0 + 4.0 * (j as f32 - 30.0).abs();
            black_box(w.frame(vec![Event::PointerMoved(Pos2::new(700.0, y))]))
        })
    });
    let end = Pos2::new(700.0, 330.0);
    w.frame(vec![Event::PointerButton {
        pos: end,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    }]);
    g.finish();
    let selected = w.app.reader.selection.map_or(0, |(a, b)| b - a);
    println!("dragged selection: {selected} chars");
    assert!(selected > 0, "the drag selected text in the Reader");
    // Clicking the long read in the library: its first frame finds its
    // dates and lays out the paragraphs in view.
    let other = w.app.ws.articles[5].id.clone();
    let long_read = w.app.ws.articles[0].id.clone();
    let away = |w: &mut Window| {
        w.app.selected_article = Some(other.clone());
        w.frame(vec![]);
        w.frame(vec![]);
    };
    let first = median_frame_ms(
        &mut w,
        |w| {
            away(w);
            w.app.selected_article = Some(long_read.clone());
        },
        |_| {},
    );
    figure("frame/first_of_long_read", first, "ms", 16.0);
    // Jumping from another article to a passage at the end of the long
    // read (an evidence link, a timeline mark).
    let last = w
        .app
        .ws
        .events
        .iter()
        .flat_map(|e| &e.evidence)
        .filter(|p| p.article == long_read)
        .max_by_key(|p| p.anchor.start)
        .map(|p| p.id.clone())
        .expect("passages in the long read");
    let jump = median_frame_ms(
        &mut w,
        |w| {
            away(w);
            w.app.jump_to_passage(&long_read, &last);
        },
        |_| {},
    );
    figure("frame/jump_to_end_of_long_read", jump, "ms", 16.0);
    // Scrolling the long read with the wheel, a few lines per frame, while
    // paragraphs come into view and the rest are measured.
    let mut scroll = vec![];
    w.app.selected_article = Some(other.clone());
    w.frame(vec![]);
    w.app.selected_article = Some(long_read.clone());
    w.frame(vec![Event::PointerMoved(Pos2::new(600.0, 300.0))]);
    let laid_out = w.app.reader.layouts;
    for _ in 0..300 {
        let wheel = Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -60.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        };
        let t = std::time::Instant::now();
        w.frame(vec![wheel]);
        scroll.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let scrolled = w.app.reader.layouts - laid_out;
    println!("scrolling laid out {scrolled} paragraphs");
    assert!(scrolled > 50, "the wheel scrolled the long read");
    scroll.sort_by(f64::total_cmp);
    figure(
        "frame/scroll_long_read_median",
        scroll[scroll.len() / 2],
        "ms",
        4.0,
    );
    figure(
        "frame/scroll_long_read_worst",
        scroll[scroll.len() - 1],
        "ms",
        16.0,
    );
    // An edit elsewhere in the workspace (a new revision that changes
    // nothing in the open article) must not lay the long read out again.
    let after_edit = median_frame_ms(
        &mut w,
        |w| w.app.ws.touch(),
        |w| {
            w.frame(vec![]);
        },
    );
    figure("frame/after_edit_elsewhere", after_edit, "ms", 33.0);
}

/// The median of eleven timed frames, each after `before` and followed by
/// `after` (one-off frames vary more than steady ones on this machine).
fn median_frame_ms(
    w: &mut Window,
    mut before: impl FnMut(&mut Window),
    mut after: impl FnMut(&mut Window),
) -> f64 {
    let mut ms = vec![];
    for _ in 0..11 {
        before(w);
        let t = std::time::Instant::now();
        w.frame(vec![]);
        ms.push(t.elapsed().as_secs_f64() * 1e3);
        after(w);
    }
    ms.sort_by(f64::total_cmp);
    ms[ms.len() / 2]
}

criterion_group!(benches, frames);

fn main() {
    common::start();
    benches();
    Criterion::default().configure_from_args().final_summary();
    report("frame/idle", 4.0);
    report("frame/hover_timeline", 4.0);
    report("frame/drag_selection", 4.0);
}
