//! Detente against Taguette 1.5 importing the same 500 generated HTML
//! articles, side by side in one run (see `taguette_compare.py`). Skips,
//! saying so, when Taguette is not installed (`pip install taguette==1.5.2`).
//!
//! `cargo bench --bench taguette`; figures print as `FIGURE` lines.

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/taguette_compare.py");
    let figures = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map(|t| t.join("bench-figures.tsv"))
        .expect("target folder");
    let status = std::process::Command::new("python3")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_detente"))
        .arg("500")
        .env("DETENTE_FIGURES", figures)
        .status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => panic!("the Taguette comparison failed ({s})"),
        Err(e) => println!("SKIPPED the Taguette comparison: cannot run python3 ({e})"),
    }
}
