//! Every export format on the generated 5,000-article / 20,000-event
//! workspace (target: under 2 s each), and importing a `.qdpx` of that
//! size into an empty workspace (target: under 3 s).
//!
//! `cargo bench --bench interchange`; figures print as `FIGURE` lines.

mod common;

use common::{BIG, report, workspace_file};
use criterion::{Criterion, criterion_group};
use detente::core::model::Workspace;
use detente::core::store;
use detente::exchange::formats::{Format, Options, export};
use detente::exchange::qdpx::import::import;
use detente::exchange::qdpx::open::Zip;
use std::hint::black_box;
use std::time::Duration;

fn interchange(c: &mut Criterion) {
    let ws = store::load(&workspace_file(BIG)).expect("valid workspace");
    let mut g = c.benchmark_group("export");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    let figure = Options {
        width: 1600,
        height: 1200,
        scale: 1.0,
        ..Options::default()
    };
    for f in Format::ALL {
        let opts = if f.is_figure() {
            figure
        } else {
            Options::default()
        };
        g.bench_function(f.name(), |b| {
            b.iter_with_large_drop(|| export(black_box(&ws), f, &opts).expect("exported"))
        });
    }
    g.finish();

    let qdpx = export(&ws, Format::Qdpx, &Options::default()).expect("exported");
    println!(
        "qdpx of the generated workspace: {:.1} MB",
        qdpx.len() as f64 / 1e6
    );
    let mut g = c.benchmark_group("import");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    let docx = |_: &[u8]| Err::<String, String>("no DOCX".into());
    g.bench_function("qdpx_5000_articles_20000_events", |b| {
        b.iter_with_large_drop(|| {
            let mut into = Workspace::new("empty");
            let mut zip = Zip::new(qdpx.clone()).expect("a zip");
            let xml = zip.project().expect("a project");
            import(&mut into, &xml, &mut zip, &docx).expect("imported");
            into
        })
    });
    g.finish();
}

criterion_group!(benches, interchange);

fn main() {
    common::start();
    benches();
    Criterion::default().configure_from_args().final_summary();
    for f in Format::ALL {
        report(&format!("export/{}", f.name()), 2000.0);
    }
    report("import/qdpx_5000_articles_20000_events", 3000.0);
}
