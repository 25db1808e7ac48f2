//! Importing 1,000 generated 5 KB HTML pages and 1,000 text files from
//! disk into an empty workspace, on every core, as `detente import` and
//! the window's Import do.
//!
//! `cargo bench --bench import`; figures print as `FIGURE` lines.

mod common;

use common::{corpus, report};
use criterion::{BatchSize, Criterion, criterion_group};
use detente::core::model::Workspace;
use detente::read::add::{self, Outcome};
use std::time::Duration;

fn imports(c: &mut Criterion) {
    let html = corpus(1_000, 5_000, true);
    let text = corpus(1_000, 5_000, false);
    let mut g = c.benchmark_group("import");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for (name, dir) in [("html_1000x5KB", &html), ("text_1000x5KB", &text)] {
        g.bench_function(name, |b| {
            b.iter_batched(
                || Workspace::new("bench"),
                |mut ws| {
                    let out = add::import_paths(&mut ws, std::slice::from_ref(dir), false);
                    let added = out
                        .iter()
                        .filter(|o| matches!(o, Outcome::Added { .. }))
                        .count();
                    assert_eq!(added, 1_000, "every generated file imports");
                    ws
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, imports);

fn main() {
    common::start();
    benches();
    Criterion::default().configure_from_args().final_summary();
    report("import/html_1000x5KB", 300.0);
    report("import/text_1000x5KB", 300.0);
}
