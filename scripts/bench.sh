#!/usr/bin/env bash
# Benchmarks (not tests): builds the release site, then reports
#   - native: the app's parse and the validator on a SYNTHETIC commune-scale
#     dataset (3,321 units x 16 criteria x 8 periods);
#   - browser: the same in wasm in headless Chromium, time until the data is
#     ready, JS heap, for the demo data and the synthetic file;
#   - the first view (requests, bytes on the wire with gzip, and brotli),
#     first contentful paint, first map at 34 provinces and at 3,321
#     SYNTHETIC communes, hover and indicator switch, chart redraws, JS heap;
#   - the first map on screen against a D3 + TopoJSON SVG peer page drawing
#     the same map (bench/d3-peer/), in the same run: the ratio app / peer;
#   - the size report.
# Each run is added to docs/bench-history.jsonl (date, commit, machine), so
# the history is kept; docs/performance.md explains the numbers.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/build.sh
mkdir -p target/bench
say "native: parse and validate (cargo run --release -p tien-do-data --bin bench-data)"
cargo run -q --release -p tien-do-data --bin bench-data -- target/bench/synthetic-communes.json
trap stop_site_servers EXIT
start_site_servers "$ROOT/target/bench-run"
say "browser"
cargo run -q -p tien-do-e2e --bin bench-browser
say "history (docs/bench-history.jsonl)"
python3 scripts/bench-record.py
say "size"
bash scripts/size-report.sh
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/^Model name: *//p' | head -1); $(date -u +%Y-%m-%d)"
