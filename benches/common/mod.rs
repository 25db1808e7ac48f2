//! Shared by the benchmarks: generated data (cached under the target
//! folder, so a second run does not regenerate it) and one machine-readable
//! line per figure.
//!
//! Every figure is printed as a tab-separated line starting with `FIGURE`:
//! `FIGURE <name> <median> <unit> target <target> <PASS|MISS>`, and
//! appended to `target/bench-figures.tsv`.

#![allow(dead_code)]

use detente::core::store;
use detente::dev::generate::{self, Spec};
use detente::dev::pages;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The workspace size the issue names: 5,000 articles, 20,000 events.
pub const BIG: Spec = Spec {
    articles: 5_000,
    events: 20_000,
    seed: 1,
};

pub fn data_dir() -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-data");
    std::fs::create_dir_all(&d).expect("create bench data folder");
    d
}

/// The generated workspace file for `spec`, written once.
pub fn workspace_file(spec: Spec) -> PathBuf {
    let p = data_dir().join(format!(
        "generated-{}x{}-s{}.detente",
        spec.articles, spec.events, spec.seed
    ));
    if !p.exists() {
        let ws = generate::workspace(spec);
        store::save(&ws, &p).expect("write generated workspace");
    }
    p
}

/// A folder of `count` generated files of `shape` of about `bytes` each.
pub fn corpus(count: usize, bytes: usize, shape: pages::Shape) -> PathBuf {
    let d = data_dir().join(format!("corpus-{shape:?}-{count}x{bytes}").to_lowercase());
    let done = d.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&d);
        pages::write_corpus(&d, count, bytes, shape, 1).expect("write corpus");
        std::fs::write(&done, b"").expect("mark corpus complete");
    }
    d
}

/// Print and record one figure.
pub fn figure(name: &str, value: f64, unit: &str, target: f64) {
    let verdict = if value <= target { "PASS" } else { "MISS" };
    let line = format!("FIGURE\t{name}\t{value:.2}\t{unit}\ttarget\t{target}\t{verdict}");
    println!("{line}");
    let tsv = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map(|t| t.join("bench-figures.tsv"))
        .expect("target folder");
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(tsv)
    {
        let _ = writeln!(f, "{line}");
    }
}

static STARTED: std::sync::OnceLock<std::time::SystemTime> = std::sync::OnceLock::new();

/// Note when the benchmark process started (call first in `main`).
pub fn start() {
    STARTED.get_or_init(std::time::SystemTime::now);
}

/// Print the median criterion measured for benchmark `id` (in ms).
pub fn report(id: &str, target_ms: f64) {
    let dir = criterion_home().join(id).join("new");
    let path = dir.join("estimates.json");
    // Filtered out on the command line (no file, or one from an earlier
    // run): nothing measured, nothing to say.
    let fresh = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t >= *STARTED.get_or_init(std::time::SystemTime::now));
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    if !fresh {
        return;
    }
    let v: serde_json::Value = serde_json::from_slice(&bytes).expect("criterion estimates");
    let ns = v["median"]["point_estimate"].as_f64().expect("median");
    figure(id, ns / 1e6, "ms", target_ms);
}

fn criterion_home() -> PathBuf {
    if let Ok(h) = std::env::var("CRITERION_HOME") {
        return PathBuf::from(h);
    }
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target folder")
        .join("criterion")
}
