#!/bin/sh
# Every benchmark, then a table of the figures:  ./benches/run.sh
# Installs Taguette 1.5 (for the side-by-side import comparison) if missing.
set -e
cd "$(dirname "$0")/.."
if ! command -v taguette >/dev/null 2>&1 || ! python3 -c 'import requests' 2>/dev/null; then
  pip install --quiet 'taguette==1.5.2' requests || echo "could not install Taguette; its comparison will be skipped"
fi
rm -f target/bench-figures.tsv
cargo bench --locked "$@"
echo
echo "Figures (median; target; verdict):"
awk -F'\t' '$1 == "FIGURE" { printf "  %-40s %10s %-3s  target %-6s %s\n", $2, $3, $4, $6, $7 }' target/bench-figures.tsv
