#!/usr/bin/env bash
# Sets up, builds and serves the app with the demo data at
# http://127.0.0.1:8080/ (Trunk's server; rebuilds on change, and the page
# reloads itself). Ctrl-C stops.
#
# bash scripts/serve.sh --check: serves the same on another port
# ($TIEN_DO_SERVE_PORT, default 18090, and chromedriver on the next; the
# build in target/serve-check/), opens the page in headless Chromium and
# fails on any console error (a Content Security Policy violation is one),
# writes a file in the checkout (.serve-check-reload, removed after) and
# fails unless the page reloads itself; then stops.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
bash scripts/setup.sh
if [ "${1:-}" != "--check" ]; then
  say "serving on http://127.0.0.1:8080/ (Ctrl-C stops)"
  # The oEmbed documents point at this local address. Not minified: the
  # minifier folds Trunk's live-reload address into a string where Trunk
  # no longer finds it, and the page could not reload itself.
  TIEN_DO_SITE_URL="${TIEN_DO_SITE_URL:-http://127.0.0.1:8080/}" \
    wasm_env trunk serve --release --minify false --address 127.0.0.1 --port 8080
  exit
fi

port="${TIEN_DO_SERVE_PORT:-18090}"
driver_port=$((port + 1))
out="$ROOT/target/serve-check"
mkdir -p "$out"
curl -s -o /dev/null "http://127.0.0.1:$port/" &&
  die "something already answers at http://127.0.0.1:$port/: set TIEN_DO_SERVE_PORT"
say "serving on http://127.0.0.1:$port/ to check it (log: $out/trunk.log)"
# The release build's settings, as scripts/build.sh: after the test
# command's build, cargo has nothing left to compile (no second copy of
# every crate on disk).
TIEN_DO_SITE_URL="http://127.0.0.1:$port/" \
  wasm_release_env trunk serve --release --minify false --address 127.0.0.1 --port "$port" \
  --dist "$out/dist" \
  >"$out/trunk.log" 2>&1 &
trunk_pid=$!
"$CHROMEDRIVER" --port="$driver_port" >"$out/chromedriver.log" 2>&1 &
driver_pid=$!
# trunk runs in a child of the background shell: stop both.
trap 'pkill -P "$trunk_pid" || true; kill "$trunk_pid" "$driver_pid" 2>/dev/null || true' EXIT
# The first build can take long on a fresh machine.
for _ in $(seq 1800); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/" && break
  kill -0 "$trunk_pid" 2>/dev/null || die "trunk serve stopped (log: $out/trunk.log)"
  sleep 1
done
curl -fs -o /dev/null "http://127.0.0.1:$port/" || die "nothing served at http://127.0.0.1:$port/"
E2E_WEBDRIVER="http://127.0.0.1:$driver_port" E2E_CHROMIUM="$CHROMIUM" \
  E2E_CHROME_ARGS="[$CHROME_ARGS]" \
  cargo run -q -p tien-do-e2e --bin console-errors -- \
  "http://127.0.0.1:$port/" ".task-counts" --reload "$ROOT/.serve-check-reload"
say "the development server's page logs no console error and reloads itself"
