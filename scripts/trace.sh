#!/usr/bin/env bash
# Where the time goes until the first map: one traced load of a page of
# the built site (dist/, from scripts/build.sh) in headless Chromium, read
# by tests/e2e/src/bin/bench-trace.rs (the page's requests, its marks, the
# main thread's tasks and what they spent their time on).
#
#   bash scripts/trace.sh [--named] [--hover] [QUERY]
#
# QUERY: the page's query string, '?page=map&lang=en' by default; 'peer'
# and a query for the D3 peer page ('peer?data=/bench/synthetic-communes.json').
# --named: the page's build (the overview's or the site's) with its
# functions' names (the release wasm before wasm-opt, through wasm-bindgen
# --keep-debug) in place of dist/'s for this run, so that V8's profile names the app's functions; dist/ is
# put back afterwards. --hover: 60 pointer moves over the map once it is
# shown, and the same report over them instead. TRACE_FUNCTIONS=N: how
# many functions each of the profile's lists names (30). TRACE_LIGHT=1: no
# V8 profiler (the times as a reader's browser spends them);
# TRACE_CATEGORIES: the trace's categories themselves (such as
# "devtools.timeline,disabled-by-default-devtools.timeline,cc,skia" to see
# what a frame spends); TRACE_DUMP=FILE: every event written to FILE as
# one JSON array, to read with other tools (the raster threads' work, a
# worker's, another process's). A tool to look
# with; the numbers that count are scripts/bench.sh's.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
named=0
if [ "${1:-}" = "--named" ]; then
  named=1
  shift
fi
[ -f dist/index.html ] || die "dist/ is not built: bash scripts/build.sh"
work="$(mktemp -d)"
restore() {
  stop_site_servers
  if [ -d "$work/dist" ]; then
    rm -rf "$ROOT/dist" && mv "$work/dist" "$ROOT/dist"
  fi
  rm -rf "$work"
}
trap restore EXIT
if [ "$named" = 1 ]; then
  # The build the page loads, as the loader picks it: the overview's where
  # the query names no other page, the map page's for it, else the site's.
  query='?page=map&lang=en'
  for a in "$@"; do
    [[ "$a" == --* ]] || query="$a"
  done
  bin=tien-do
  if [[ "$query" =~ [?\&]page=([^\&]*) ]]; then
    [ "${BASH_REMATCH[1]}" = overview ] && bin=tien-do-overview
    [ "${BASH_REMATCH[1]}" = map ] && bin=tien-do-map
  elif [[ "$query" != peer* ]]; then
    bin=tien-do-overview
  fi
  say "the $bin build's wasm with its functions' names"
  raw="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/$bin.wasm"
  [ -f "$raw" ] || die "$raw is missing: bash scripts/build.sh"
  wasm-bindgen --target web --keep-debug --out-dir "$work/named" "$raw"
  if [ "$bin" = tien-do ]; then
    site_wasm="$(ls dist/tien-do-*_bg.wasm | grep -v -e '-overview-' -e '-embed-' -e '-map-' | head -1)"
    site_js="$(ls dist/tien-do-*.js | grep -v -e '-overview-' -e '-embed-' -e '-map-' | head -1)"
  else
    site_wasm="$(ls dist/$bin-*_bg.wasm | head -1)"
    site_js="$(ls dist/$bin-*.js | head -1)"
  fi
  # The same build only: the same imports, in number and kind (dist/'s
  # have short names, `tien-do-data embeds`: crates/cli/src/imports.rs).
  imports() { cargo run -q -p tien-do-data -- wasm-imports "$1"; }
  [ "$(imports "$site_wasm")" = "$(imports "$work/named/${bin}_bg.wasm")" ] ||
    die "target/'s wasm is not dist/'s build: bash scripts/build.sh first"
  cp -a dist "$work/dist"
  cp "$work/named/${bin}_bg.wasm" "$site_wasm"
  cp "$work/named/$bin.js" "$site_js"
  rm -f "$site_wasm.gz" "$site_js.gz"
  # Its imports renamed short as the build's are, the loader's integrity
  # hashes and the page's policy, written anew.
  cargo run -q -p tien-do-data -- embeds dist > /dev/null
fi
start_site_servers "$work/serve"
cargo run -q -p tien-do-e2e --bin bench-trace -- "$@"
