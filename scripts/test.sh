#!/usr/bin/env bash
# Sets up and runs every test:
#   1. cargo fmt --check
#   2. clippy -D warnings, native and wasm32
#   3. native unit tests (pure logic, demo data)
#   4. component tests in headless Chromium (wasm-bindgen-test)
#   5. end-to-end: the release site built by Trunk, served by nginx under
#      /tien-do/ on 127.0.0.1, driven in headless Chromium through WebDriver
#   6. the size report of the built site
# nginx and chromedriver are started here and stopped on exit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
bash scripts/setup.sh

WORK="$ROOT/target/test-run"
mkdir -p "$WORK"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

CHROMIUM="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
CHROMEDRIVER="$(command -v chromedriver)"
CHROME_ARGS='"--headless=new","--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync","--disable-dev-shm-usage","--window-size=1280,900"'

say "1/6 cargo fmt --check"
cargo fmt --all --check

say "2/6 clippy -D warnings (native, then wasm32)"
cargo clippy -p tien-do-core -p tien-do-data -p tien-do-e2e --all-targets -- -D warnings
wasm_env cargo clippy -p tien-do -p tien-do-core --target wasm32-unknown-unknown --all-targets -- -D warnings

say "3/6 native tests"
cargo test -p tien-do-core -p tien-do-data

say "4/6 component tests in headless Chromium (wasm-bindgen-test)"
# wasm-bindgen-test-runner takes the browser's options from this file.
cat > "$WORK/webdriver.json" <<JSON
{ "goog:chromeOptions": { "binary": "$CHROMIUM", "args": [$CHROME_ARGS] } }
JSON
wasm_env env \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$WORK/webdriver.json" \
  CHROMEDRIVER="$CHROMEDRIVER" WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p tien-do --target wasm32-unknown-unknown

say "5/6 end-to-end: release build, nginx, chromedriver"
bash scripts/build.sh
PORT="${E2E_PORT:-18080}"
DRIVER_PORT="${E2E_DRIVER_PORT:-19515}"
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  types { application/wasm wasm; }
  default_type application/octet-stream;
  access_log $WORK/nginx/logs/access.log;
  client_body_temp_path $WORK/nginx/tmp;
  proxy_temp_path $WORK/nginx/tmp;
  fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp;
  scgi_temp_path $WORK/nginx/tmp;
  gzip on;
  gzip_types application/wasm application/javascript text/css application/json;
  server {
    listen 127.0.0.1:$PORT;
    # The site under a sub-folder, as a publisher would host it: no rewrite
    # rules, no server code.
    location /tien-do/ { alias $ROOT/dist/; }
    # Broken data files for the error tests.
    location /fixtures/ { alias $ROOT/tests/fixtures/; }
  }
}
NGINX
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"
"$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -t 2>/dev/null ||
  "$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -t
"$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
"$CHROMEDRIVER" --port="$DRIVER_PORT" >"$WORK/chromedriver.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do
  curl -fsS "http://127.0.0.1:$DRIVER_PORT/status" >/dev/null 2>&1 &&
    curl -fsS "http://127.0.0.1:$PORT/tien-do/" >/dev/null 2>&1 && break
  sleep 0.2
done
E2E_BASE_URL="http://127.0.0.1:$PORT/tien-do/" \
E2E_WEBDRIVER="http://127.0.0.1:$DRIVER_PORT" \
E2E_CHROMIUM="$CHROMIUM" \
E2E_CHROME_ARGS="[$CHROME_ARGS]" \
E2E_SCREENSHOTS="$WORK/screenshots" \
  cargo test -p tien-do-e2e -- --test-threads=2

say "6/6 size report"
bash scripts/size-report.sh

say "all tests passed"
