#!/usr/bin/env bash
# Sets up and runs every test:
#   1. cargo fmt --check
#   2. clippy -D warnings, native and wasm32
#   3. native unit tests (pure logic, demo data)
#   4. component tests in headless Chromium (wasm-bindgen-test)
#   5. end-to-end: the release site built by Trunk, served by nginx under
#      /tien-do/ on 127.0.0.1, driven in headless Chromium through WebDriver
#   6. the development server (scripts/serve.sh --check): no console error,
#      and the page reloads itself when the checkout changes
#   7. the size report of the built site
# nginx and chromedriver are started here and stopped on exit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
bash scripts/setup.sh

WORK="$ROOT/target/test-run"
# Everything the tests write to a temporary folder (Chromium's profiles,
# the tools' scratch files) lands in one folder of this run, emptied at the
# start of the next: nothing piles up in /tmp from run to run.
rm -rf "$WORK/tmp"
mkdir -p "$WORK/tmp"
export TMPDIR="$WORK/tmp"
# A fresh clone (CI) builds once: no incremental caches, which would only
# take disk.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi
trap stop_site_servers EXIT


say "1/7 cargo fmt --check"
cargo fmt --all --check

say "2/7 clippy -D warnings (native, then wasm32)"
cargo clippy -p tien-do-core -p tien-do-data -p tien-do-e2e --all-targets -- -D warnings
wasm_env cargo clippy -p tien-do -p tien-do-core --target wasm32-unknown-unknown --all-targets -- -D warnings
# The embed pages are built without Leptos (no `site` feature).
wasm_env cargo clippy -p tien-do --target wasm32-unknown-unknown --no-default-features --lib --bins -- -D warnings

say "3/7 native tests"
cargo test -p tien-do-core -p tien-do-data

say "4/7 component tests in headless Chromium (wasm-bindgen-test)"
# wasm-bindgen-test-runner takes the browser's options from this file.
cat > "$WORK/webdriver.json" <<JSON
{ "goog:chromeOptions": { "binary": "$CHROMIUM", "args": [$CHROME_ARGS] } }
JSON
wasm_env env \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$WORK/webdriver.json" \
  CHROMEDRIVER="$CHROMEDRIVER" WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p tien-do --target wasm32-unknown-unknown
# A fresh clone (CI) needs the component tests' builds no more: their
# disk goes to the release build.
if [ -n "${CI:-}" ]; then rm -rf "${CARGO_TARGET_DIR:-$ROOT/target}/wasm32-unknown-unknown/debug"; fi

say "5/7 end-to-end: release build, nginx, chromedriver"
# The oEmbed documents point at where the tests serve the site.
TIEN_DO_SITE_URL="http://127.0.0.1:${E2E_PORT:-18080}/tien-do/" bash scripts/build.sh
# The SYNTHETIC commune layer and data the scale tests draw (served at /bench/).
cargo run -q -p tien-do-data --bin tien-do-data -- synthetic "$ROOT/target/bench"
start_site_servers "$WORK"
E2E_SCREENSHOTS="$WORK/screenshots" cargo test -p tien-do-e2e -- --test-threads=2
check_csp_reports

say "6/7 the development server: no console error, live reload"
bash scripts/serve.sh --check

say "7/7 size report"
bash scripts/size-report.sh

say "all tests passed"
