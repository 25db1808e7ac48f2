//! Detente's extraction score on `../shared/realdata/extraction-dev/`:
//! main-text points (every phrase that must be there is; none that must
//! not be is) and date points, with every miss per page.
//!
//! `cargo run --release --example extraction_score [DIR] [--quiet] [--drop-boilerplate] [--dump OUT]`
//!
//! `--dump OUT` also writes each page's extracted text (`NAME.txt`, its
//! title, publication date and text) to the folder OUT, to read the misses.
//! `--times OUT` writes each page's time (best of five reads, in ms) to
//! the file OUT, one `NAME<TAB>ms` per line: two runs' files compared say
//! whether any page got slower.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    let times = args
        .iter()
        .position(|a| a == "--times")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    let dir = args
        .iter()
        .enumerate()
        .find(|(i, a)| {
            !a.starts_with("--")
                && (*i == 0 || !["--dump", "--times"].contains(&args[i - 1].as_str()))
        })
        .map(|(_, a)| a)
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
    if let Some(out) = &dump
        && let Err(e) = write_dump(&dir, out)
    {
        eprintln!("{}: {e}", out.display());
        std::process::exit(1);
    }
    if let Some(out) = &times
        && let Err(e) = write_times(&dir, out)
    {
        eprintln!("{}: {e}", out.display());
        std::process::exit(1);
    }
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

/// Writes what the importer made of every page in `dir/pages` to `out`.
fn write_dump(dir: &std::path::Path, out: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    for entry in std::fs::read_dir(dir.join("pages"))? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let body = match detente::read::prepare::prepare_file(&path, None) {
            Ok(p) => format!(
                "title: {}\npublished: {}\n\n{}",
                p.article.title,
                p.article
                    .published
                    .as_ref()
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                p.article.text
            ),
            Err(e) => format!("refused: {e}"),
        };
        std::fs::write(out.join(format!("{name}.txt")), body)?;
    }
    Ok(())
}

/// Writes each page's read time (best of five, ms) to `out`.
fn write_times(dir: &std::path::Path, out: &std::path::Path) -> std::io::Result<()> {
    let mut lines = vec![];
    let mut pages: Vec<_> = std::fs::read_dir(dir.join("pages"))?
        .flatten()
        .map(|e| e.path())
        .collect();
    pages.sort();
    for path in pages {
        let best = (0..5)
            .map(|_| {
                let t = std::time::Instant::now();
                let _ = std::hint::black_box(detente::read::prepare::prepare_file(&path, None));
                t.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::INFINITY, f64::min);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        lines.push(format!("{name}\t{best:.3}"));
    }
    std::fs::write(out, lines.join("\n") + "\n")
}
