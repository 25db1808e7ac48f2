#!/usr/bin/env python3
"""trafilatura's extraction score on ../shared/realdata/extraction-dev/, by the
scoring rule of that folder's README (the same rule as
`cargo run --release --example extraction_score`), with the time it takes.

Usage: benches/trafilatura_score.py [DIR]
Needs `pip install trafilatura lxml_html_clean` (a peer to compare with,
never a dependency of Detente).
"""

import json
import pathlib
import sys
import time
import unicodedata


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s).split())


def main():
    try:
        import trafilatura
    except ImportError:
        raise SystemExit("SKIPPED: trafilatura is not installed (pip install trafilatura lxml_html_clean)")
    here = pathlib.Path(__file__).resolve().parent.parent
    d = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else here / "../shared/realdata/extraction-dev"
    expected = json.loads((d / "expected.json").read_text(encoding="utf-8"))
    names = sorted(expected)
    pages = {n: (d / "pages" / n).read_bytes() for n in names}
    start = time.perf_counter()
    results = {}
    for n in names:
        doc = trafilatura.bare_extraction(pages[n], with_metadata=True)
        if doc is None:
            results[n] = ("", None)
            continue
        text = doc.text if hasattr(doc, "text") else doc.get("text")
        date = doc.date if hasattr(doc, "date") else doc.get("date")
        results[n] = (text or "", date)
    seconds = time.perf_counter() - start
    with_pts = without_pts = date_pts = dated = 0
    for n in names:
        want = expected[n]
        text, date = results[n]
        text = norm(text)
        if all(norm(p) in text for p in want["with"]):
            with_pts += 1
        if not any(norm(p) in text for p in want["without"]):
            without_pts += 1
        if want["date"]:
            dated += 1
            if date and date[:10] == want["date"]:
                date_pts += 1
    print(
        f"trafilatura {trafilatura.__version__}: text {with_pts + without_pts}/{2 * len(names)} "
        f"(with {with_pts}/{len(names)}, without {without_pts}/{len(names)}), "
        f"dates {date_pts}/{dated}, {seconds:.2f} s for {len(names)} pages (one core)"
    )


if __name__ == "__main__":
    main()
