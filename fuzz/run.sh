#!/bin/sh
# Fuzz Detente's untrusted inputs: each target (or those named) for SECONDS.
#   fuzz/run.sh SECONDS [--stable] [TARGET...]
# The corpus (fuzz/corpus/TARGET, not committed) starts from fuzz/seeds and,
# unless --stable is given, from the test fixtures and ../shared/realdata.
# --stable (CI) fuzzes a fresh copy of the committed seeds only, so a run
# depends on nothing but the commit. A crash stops the run with its input in
# fuzz/artifacts/TARGET/; make it a regression test, fix it, run again.
# Needs a nightly toolchain and cargo-fuzz (cargo install --locked cargo-fuzz).
set -eu
cd "$(dirname "$0")/.."
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: SKIPPED: no nightly toolchain here (rustup toolchain install nightly)"
  exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install --locked --quiet cargo-fuzz
fi
secs=${1:-60}
[ $# -gt 0 ] && shift
stable=0
if [ "${1:-}" = "--stable" ]; then stable=1; shift; fi
targets=${*:-load import_text import_html import_pdf import_docx import_qdpx import_feed import_dbexport import_rtf edtf find_dates typed_date reanchor qdpx_structure merge report}
# PDFs are read by a child `detente read-pdf`, as in the app. The binary
# `cargo test` builds is the one used (a plain `cargo build` resolves the GUI
# crates' features without the dev-dependencies and would build them again).
cargo test --locked --quiet --no-run 2>/dev/null || cargo test --locked --no-run
export DETENTE_WORKER="${CARGO_TARGET_DIR:-$PWD/target}/debug/detente"
export DETENTE_PDF_MEMORY_MB=1024
cargo +nightly fuzz build -s none -O
for t in $targets; do
  if [ $stable = 1 ]; then
    corpus=$(mktemp -d)
    cp fuzz/seeds/$t/* "$corpus"/
    extra=""
  else
    corpus=fuzz/corpus/$t
    mkdir -p "$corpus"
    extra="fuzz/seeds/$t"
    shared=../shared
    case $t in
      import_text) for d in $shared/seeds $shared/realdata/encodings; do [ -d $d ] && extra="$extra $d"; done ;;
      import_html) for d in $shared/realdata/extraction-dev/pages $shared/realdata/readability $shared/realdata/newspaper; do [ -d $d ] && extra="$extra $d"; done ;;
      import_pdf | import_docx) extra="$extra tests/fixtures" ;;
      import_qdpx) extra="$extra tests/fixtures/refi-qda/others" ;;
      import_feed) extra="$extra tests/fixtures/feeds" ;;
    esac
  fi
  # The HTML reader gets a dictionary of the tokens pages are made of.
  dict=""
  [ "$t" = import_html ] && dict="-dict=$PWD/fuzz/html.dict"
  echo "fuzz: $t for ${secs}s"
  # shellcheck disable=SC2086
  cargo +nightly fuzz run -s none -O "$t" "$corpus" $extra -- $dict \
    -max_total_time="$secs" -timeout=90 -rss_limit_mb=4096 -max_len=262144 -print_final_stats=1 2>&1 \
    | grep -E 'stat::number_of_executed_units|stat::peak_rss|Done|ERROR|panicked|SUMMARY|crash-|timeout-|oom-' || true
  # The pipe hides cargo-fuzz's status: a crash leaves an artifact.
  found=$(find fuzz/artifacts/"$t" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) 2>/dev/null)
  if [ -n "$found" ]; then
    echo "fuzz: $t FOUND A PROBLEM: see fuzz/artifacts/$t/"
    exit 1
  fi
  [ $stable = 1 ] && rm -rf "$corpus"
done
echo "fuzz: all targets ran ${secs}s with nothing found"
