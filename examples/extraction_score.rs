//! Detente's extraction score on `../shared/realdata/extraction-dev/`:
//! main-text points (every phrase that must be there is; none that must
//! not be is) and date points, with every miss per page.
//!
//! `cargo run --release --example extraction_score [DIR] [--quiet] [--drop-boilerplate]`

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/realdata/extraction-dev")
        });
    let drop = args.iter().any(|a| a == "--drop-boilerplate");
    let s = match detente::dev::extraction::score_with(&dir, drop) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            std::process::exit(1);
        }
    };
    if !quiet {
        for m in &s.misses {
            println!("{}\t{}", m.page, m.what);
        }
    }
    println!(
        "detente: text {}/{} (with {}/{}, without {}/{}), dates {}/{}, {:.2} s for {} pages (one core)",
        s.text_points(),
        2 * s.pages,
        s.with_points,
        s.pages,
        s.without_points,
        s.pages,
        s.date_points,
        s.dated_pages,
        s.seconds,
        s.pages
    );
}
