#!/usr/bin/env python3
"""Import the same 500 generated HTML articles into Taguette 1.5 (through its
HTTP API, one upload after another, as its web page does) and into Detente
(`detente import`, every core), side by side in one run: pages of our own
generator's shape, and "rough" pages of another (long paragraphs, no
metadata, deep nesting, inline scripts and styles, non-Latin scripts).

Usage: benches/taguette_compare.py DETENTE_BINARY [COUNT]
Needs `pip install taguette==1.5.2`. Prints FIGURE lines like the benches.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

try:
    import requests
except ImportError:  # taguette's own dependencies do not include requests
    requests = None


def figure(name, value, unit, target, lower_is_better=True):
    ok = value <= target if lower_is_better else value >= target
    line = f"FIGURE\t{name}\t{value:.2f}\t{unit}\ttarget\t{target}\t{'PASS' if ok else 'MISS'}"
    print(line, flush=True)
    tsv = os.environ.get("DETENTE_FIGURES")
    if tsv:
        with open(tsv, "a") as f:
            f.write(line + "\n")


def start_taguette(work):
    exe = shutil.which("taguette")
    if exe is None:
        return None, None
    port = 7000 + os.getpid() % 2000
    proc = subprocess.Popen(
        [exe, "--no-browser", "--port", str(port), "--bind", "127.0.0.1",
         "--database", os.path.join(work, "taguette.sqlite3")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        # Taguette prints its login link through a buffered stdout.
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
    )
    deadline = time.time() + 60
    for line in proc.stdout:
        m = re.search(r"(http://localhost:\d+/\?token=\S+)", line)
        if m:
            # Keep reading its log, or Taguette blocks once the pipe is full.
            threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
            return proc, m.group(1)
        if time.time() > deadline:
            break
    proc.kill()
    raise SystemExit("taguette did not start")


def taguette_import(url, files):
    s = requests.Session()
    r = s.get(url)  # the single-user token logs us in
    r.raise_for_status()
    base = url.split("/?")[0]
    r = s.get(base + "/project/new")
    xsrf = s.cookies.get("_xsrf")
    r = s.post(base + "/project/new",
               data={"name": "bench", "description": "", "_xsrf": xsrf})
    m = re.search(r"/project/(\d+)", r.url)
    if not m:
        raise SystemExit("could not create a Taguette project")
    project = m.group(1)
    start = time.perf_counter()
    for f in files:
        with open(f, "rb") as fp:
            r = s.post(
                f"{base}/api/project/{project}/document/new",
                data={"name": os.path.basename(f), "description": "", "_xsrf": xsrf},
                files={"file": (os.path.basename(f), fp, "text/html")},
                headers={"X-XSRFToken": xsrf},
                timeout=60,
            )
        if r.status_code != 200 or "created" not in r.json():
            raise SystemExit(f"taguette refused {f}: {r.status_code} {r.text[:200]}")
    return time.perf_counter() - start


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    detente = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    work = tempfile.mkdtemp(prefix="detente-vs-taguette-")
    try:
        # Our generator's pages, and pages of another shape (long paragraphs,
        # no metadata, deep nesting, inline scripts and styles, non-Latin
        # scripts): a benchmark on our own shape alone hides costs.
        runs = []
        for kind in ("html", "rough"):
            corpus = os.path.join(work, f"corpus-{kind}")
            subprocess.run([detente, "generate-files", corpus, "--count", str(count),
                            "--bytes", "5000", "--kind", kind], check=True,
                           stdout=subprocess.DEVNULL)
            files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus))
            # Including process start and the save, as a user runs it; the
            # median of three runs into a new workspace each (one run on a
            # 2-core virtual machine varies by a third).
            times = []
            for run in range(3):
                ws = os.path.join(work, f"bench-{kind}-{run}.detente")
                subprocess.run([detente, "new", ws], check=True, stdout=subprocess.DEVNULL)
                start = time.perf_counter()
                out = subprocess.run([detente, "import", ws, corpus], check=True,
                                     capture_output=True, text=True).stdout
                times.append(time.perf_counter() - start)
            detente_s = sorted(times)[1]
            added = sum(1 for line in out.splitlines() if line.startswith("added"))
            assert added == count, f"detente added {added} of {count} {kind} pages"
            print(f"detente: {count} {kind} pages in {detente_s:.3f} s "
                  f"({count / detente_s:.0f} per second, including process start and the save)")
            suffix = "" if kind == "html" else f"_{kind}"
            figure(f"taguette_compare/detente_import_{count}{suffix}", detente_s * 1e3, "ms",
                   150.0)
            runs.append((kind, files, detente_s))

        if requests is None:
            print("SKIPPED Taguette: python module requests is missing")
            return
        for kind, files, detente_s in runs:
            proc, url = start_taguette(work)
            if proc is None:
                print("SKIPPED Taguette: not installed (pip install taguette==1.5.2)")
                return
            try:
                taguette_s = taguette_import(url, files)
            finally:
                proc.terminate()
                proc.wait(timeout=10)
            print(f"taguette 1.5: {count} {kind} pages in {taguette_s:.2f} s "
                  f"({count / taguette_s:.0f} per second)")
            suffix = "" if kind == "html" else f"_{kind}"
            figure(f"taguette_compare/taguette_import_{count}{suffix}", taguette_s * 1e3, "ms",
                   float("inf"))
            figure(f"taguette_compare/speedup{suffix}", taguette_s / detente_s, "x", 50.0,
                   lower_is_better=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
