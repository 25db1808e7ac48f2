//! Open, save, validate and filter a generated 5,000-article /
//! 20,000-event workspace.
//!
//! `cargo bench --bench workspace`; figures print as `FIGURE` lines.

mod common;

use common::{BIG, figure, report, workspace_file};
use criterion::{Criterion, criterion_group};
use detente::core::{search, store, timeline};
use detente::exchange;
use std::hint::black_box;
use std::time::Duration;

fn open_save(c: &mut Criterion) {
    let path = workspace_file(BIG);
    let size = std::fs::metadata(&path).expect("workspace file").len();
    println!(
        "workspace: {} ({:.1} MB)",
        path.display(),
        size as f64 / 1e6
    );
    let mut g = c.benchmark_group("workspace");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    // What the window does to open a file: read, parse, validate.
    g.bench_function("open", |b| {
        // The workspace it replaces is freed off the UI thread, so the
        // new one's eventual drop is not part of opening.
        b.iter_with_large_drop(|| store::load(&path).expect("valid workspace"))
    });
    let ws = store::load(&path).expect("valid workspace");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("saved.detente");
    // Atomic save: serialise, write a temporary file, fsync, keep a backup, rename.
    g.bench_function("save", |b| {
        b.iter(|| store::save(black_box(&ws), &out).expect("saved"))
    });
    // What a save costs the window: a snapshot handed to the saving thread.
    g.bench_function("snapshot", |b| b.iter(|| black_box(ws.clone())));
    g.finish();

    let mut g = c.benchmark_group("filter");
    g.sample_size(20);
    // A word in a few hundred articles, and one in none (a full scan).
    g.bench_function("word", |b| {
        b.iter(|| black_box(search::matching_articles(&ws, "ceasefire")))
    });
    g.bench_function("absent", |b| {
        b.iter(|| black_box(search::matching_articles(&ws, "zeppelin")))
    });
    // Search everything (issue 19): titles, headlines, actors, places,
    // quotes, notes and texts, 200 hits at most; and a word in none.
    g.bench_function("everything", |b| {
        b.iter(|| black_box(detente::core::everything::search(&ws, "ceasefire", 200)))
    });
    g.bench_function("everything_absent", |b| {
        b.iter(|| black_box(detente::core::everything::search(&ws, "zeppelin", 200)))
    });
    g.finish();

    // Done when the Reader first shows an article: its date expressions
    // (issue 18: every class added, and still under the 11.9 ms it took
    // before them on 300 KB).
    let mut g = c.benchmark_group("dates");
    g.sample_size(20);
    // The first article is the 300 KB long read (a press-conference
    // transcript); larger ones are 1 MB reports.
    let long = &ws.articles[0];
    assert!(long.char_len() >= detente::dev::generate::LONG_READ_CHARS);
    let published = long.published.as_ref().and_then(|d| d.earliest());
    g.bench_function("long_read", |b| {
        b.iter(|| black_box(detente::dates::find::find_dates(&long.text, published)))
    });
    g.finish();

    // Done on the UI thread after every edit: the timeline's lanes and rows.
    let mut g = c.benchmark_group("timeline");
    g.sample_size(20);
    g.bench_function("layout", |b| {
        b.iter(|| black_box(timeline::layout(&ws, timeline::LaneBy::Dyad)))
    });
    g.finish();

    // Exports look every reference up: 8,000 events with 20 actors each
    // (the case that once took 9.5 s), as CSV and as JSON per passage.
    let mut many = ws.clone();
    many.events.truncate(8_000);
    let actors: Vec<String> = many.actors.iter().map(|a| a.id.clone()).collect();
    for (i, e) in many.events.iter_mut().enumerate() {
        let e = std::sync::Arc::make_mut(e);
        e.actors = (0..20)
            .map(|k| detente::core::model::ActorRef {
                actor: actors[(i + k) % actors.len()].clone(),
                role: detente::core::model::Role::Participant,
            })
            .collect();
    }
    // Two copies of the big workspace with 1,000 edits each (headlines on
    // one side, dates and new tags on the other), merged with their base.
    let mut a = ws.clone();
    let mut b = ws.clone();
    for i in 0..1_000 {
        let ea = std::sync::Arc::make_mut(&mut a.events[i * 7]);
        ea.headline = format!("{} (revised)", ea.headline);
        let eb = std::sync::Arc::make_mut(&mut b.events[i * 11 + 3]);
        eb.tags.push("reviewed".into());
    }
    let mut g = c.benchmark_group("merge");
    g.sample_size(10);
    g.bench_function("20000_events_1000_edits_each", |bench| {
        bench.iter_with_large_drop(|| exchange::merge::merge(Some(&ws), &a, &b))
    });
    // The usual case: no base at hand, the copies' saves noted what their
    // fields held before, and the ancestor is inferred from that.
    let saved = |edited: &detente::core::model::Workspace| {
        let mut w = ws.clone();
        detente::core::lineage::record(&mut w);
        w.events = edited.events.clone();
        detente::core::lineage::record(&mut w);
        w
    };
    let (sa, sb) = (saved(&a), saved(&b));
    let m = exchange::merge::merge(None, &sa, &sb);
    assert!(
        m.conflicts.is_empty(),
        "the inferred ancestor settles disjoint edits"
    );
    g.bench_function("20000_events_1000_edits_each_no_base", |bench| {
        bench.iter_with_large_drop(|| exchange::merge::merge(None, &sa, &sb))
    });
    g.finish();

    let mut g = c.benchmark_group("export");
    g.sample_size(10);
    g.bench_function("csv_8000_events_x20_actors", |b| {
        b.iter(|| black_box(exchange::csv::to_csv(&many, false)))
    });
    g.bench_function("json_per_passage_8000_events", |b| {
        b.iter(|| black_box(exchange::json::to_json(&many, true)))
    });
    g.finish();
}

criterion_group!(benches, open_save);

fn main() {
    common::start();
    // First, while this process is small: a child started later would
    // inherit this process's peak in its ru_maxrss.
    #[cfg(unix)]
    validate_memory();
    benches();
    Criterion::default().configure_from_args().final_summary();
    report("workspace/open", 300.0);
    report("workspace/save", 300.0);
    report("workspace/snapshot", 16.0);
    report("filter/word", 50.0);
    report("filter/absent", 50.0);
    report("filter/everything", 50.0);
    report("filter/everything_absent", 50.0);
    report("timeline/layout", 100.0);
    report("dates/long_read", 12.0);
    report("merge/20000_events_1000_edits_each", 1000.0);
    report("merge/20000_events_1000_edits_each_no_base", 1000.0);
    report("export/csv_8000_events_x20_actors", 1000.0);
    report("export/json_per_passage_8000_events", 1000.0);
}

/// Peak resident memory of `detente validate` on the big workspace, as a
/// multiple of the file's size: that child's own ru_maxrss, from wait4
/// (RUSAGE_CHILDREN is the largest of every child the benchmark has had,
/// and an earlier, larger one made a cold run read 7x).
#[cfg(unix)]
#[allow(
    clippy::zombie_processes,
    reason = "libc::wait4 reaps the child, to read its own rusage"
)]
fn validate_memory() {
    let path = workspace_file(BIG);
    let size = std::fs::metadata(&path).expect("workspace file").len() as f64;
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_detente"))
        .arg("validate")
        .arg(&path)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("run detente validate");
    let mut status = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: wait4 reaps this child (std's Child is never waited on) and
    // writes its status and rusage into the pointers it is given.
    let usage = unsafe {
        let pid = libc::wait4(
            child.id() as libc::pid_t,
            &mut status,
            0,
            usage.as_mut_ptr(),
        );
        assert_eq!(pid, child.id() as libc::pid_t, "wait4 on detente validate");
        usage.assume_init()
    };
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "the generated workspace must validate"
    );
    // ru_maxrss is in KiB on Linux, in bytes on macOS.
    let unit = if cfg!(target_os = "macos") {
        1.0
    } else {
        1024.0
    };
    let peak = usage.ru_maxrss as f64 * unit;
    println!(
        "validate: peak {:.1} MB for a {:.1} MB file",
        peak / 1e6,
        size / 1e6
    );
    figure("validate/peak_memory_ratio", peak / size, "x", 3.0);
}
