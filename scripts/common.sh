# Shared by the scripts: paths, pinned tool versions, and the wasm build
# environment. Source it; it changes nothing on the machine.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.22.1"
BINARYEN_VERSION="132"
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Which toolchain builds wasm32: "rustup" where the wasm32 target is
# installed (a newcomer's laptop), "debian" for Debian's rustc-web with
# -Zbuild-std (machines that cannot download rustup targets).
wasm_mode() {
  if command -v rustup >/dev/null 2>&1 &&
     rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    echo rustup
  elif [ -x /usr/bin/rustc ] && /usr/bin/rustc --version 2>/dev/null | grep -q . &&
       [ -d /usr/lib/rustlib/src/rust/library ]; then
    echo debian
  else
    echo none
  fi
}

# Runs a command in the wasm build environment: wasm-opt from npm binaryen
# first on PATH; for "debian", Debian's cargo and rustc ahead of rustup's,
# and std built from source.
wasm_env() {
  local mode; mode="$(wasm_mode)"
  local path="$ROOT/tools/node_modules/.bin:$PATH"
  case "$mode" in
    rustup) env PATH="$path" "$@" ;;
    debian) env PATH="$ROOT/tools/node_modules/.bin:/usr/bin:$PATH" \
                RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort "$@" ;;
    *) die "no wasm32 toolchain; run scripts/setup.sh" ;;
  esac
}

# Runs a command in the wasm build environment with the release build's
# size settings: std rebuilt from source for size (`optimize_for_size`),
# and panics that abort at once, without formatting a message (the
# panic machinery is most of what `core::fmt` brings in). Toolchains that
# know `-Cpanic=immediate-abort` (Rust 1.92 and later) get it; older ones
# the std feature it replaced. Only the release build: tests keep their
# panic messages.
wasm_release_env() {
  local abort
  if wasm_env env RUSTC_BOOTSTRAP=1 rustc -Zunstable-options -Cpanic=immediate-abort \
       --target wasm32-unknown-unknown --print cfg >/dev/null 2>&1; then
    abort=(CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
           CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort")
  else
    abort=(CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size,panic_immediate_abort)
  fi
  wasm_env env RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort "${abort[@]}" "$@"
}

CHROMIUM="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
CHROMEDRIVER="$(command -v chromedriver || true)"
CHROME_ARGS='"--headless=new","--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync","--disable-dev-shm-usage","--window-size=1280,900"'
SITE_PIDS=()

# Serves dist/ under /tien-do/ (a sub-folder, as publishers host it, with no
# rewrite rules), tests/fixtures/ under /fixtures/ and target/bench/ under
# /bench/ (and the benchmark's D3 peer page under /peer/, its libraries
# under /peer-lib/) with nginx on 127.0.0.1, the embed tests' host page
# (tests/e2e/host/) on another port, and starts chromedriver. Exports
# E2E_BASE_URL, E2E_HOST_URL, E2E_OFFLINE_FLAG, E2E_WEBDRIVER, E2E_CHROMIUM
# and E2E_CHROME_ARGS. Work files
# go to "$1". Stop with stop_site_servers.
start_site_servers() {
  local work="$1"
  local port="${E2E_PORT:-18080}" driver_port="${E2E_DRIVER_PORT:-19515}"
  local host_port="${E2E_HOST_PORT:-18081}"
  SITE_WORK="$work"
  mkdir -p "$work/nginx/logs" "$work/nginx/tmp" "$ROOT/target/bench"
  # The site's own policy (the <meta> the build wrote), sent as a header as
  # well, with reports to /csp-report (logged with their bodies to
  # csp.log): a page that breaks it is reported, not only blocked.
  local csp
  csp="$(sed -n 's/.*http-equiv="Content-Security-Policy" content="\([^"]*\)".*/\1/p' "$ROOT/dist/index.html" | head -1)"
  [ -n "$csp" ] || die "dist/index.html has no Content-Security-Policy: build first"
  : > "$work/nginx/logs/csp.log"
  : > "$work/nginx/logs/csp-probe.log"
  # Started as root, nginx runs its workers as "nobody", who cannot read a
  # checkout in a folder only its owner may enter (as `mktemp -d` makes):
  # they run as the invoking user instead.
  local user=""
  [ "$(id -u)" = 0 ] && user="user $(id -un) $(id -gn);"
  cat > "$work/nginx/nginx.conf" <<NGINX
$user
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $work/nginx/logs/access.log;
  log_format csp '\$time_local \$request_body';
  client_body_temp_path $work/nginx/tmp;
  proxy_temp_path $work/nginx/tmp;
  fastcgi_temp_path $work/nginx/tmp;
  uwsgi_temp_path $work/nginx/tmp;
  scgi_temp_path $work/nginx/tmp;
  gzip on;
  # The build's gzip -9 copies (NAME.gz), as a publisher's nginx sends them
  # (docs/headers.md).
  gzip_static on;
  gzip_types application/wasm application/javascript text/css application/json;
  server {
    listen 127.0.0.1:$port;
    location /tien-do/ {
      alias $ROOT/dist/;
      add_header Content-Security-Policy "$csp; report-uri /csp-report" always;
    }
    # The same site without the policy header: the page's own <meta>
    # policy alone, as readers of a host that sends no header get it (the
    # security test breaks it here on purpose; a <meta> policy sends no
    # reports).
    location /tien-do-meta/ { alias $ROOT/dist/; }
    # The same site, which drops every connection while the flag file
    # exists: the offline test's "the network is gone".
    location /tien-do-offline/ {
      if (-f $work/offline.flag) { return 444; }
      alias $ROOT/dist/;
      add_header Content-Security-Policy "$csp; report-uri /csp-report" always;
    }
    location = /csp-report {
      access_log $work/nginx/logs/csp.log csp;
      proxy_pass http://127.0.0.1:$port/csp-sink;
    }
    location = /csp-sink { access_log off; return 204; }
    # The same site whose reports go to a log of their own: the security
    # test breaks the policy here on purpose, which shows that reports
    # arrive (so an empty csp.log means something).
    location /tien-do-probe/ {
      alias $ROOT/dist/;
      add_header Content-Security-Policy "$csp; report-uri /csp-probe-report" always;
    }
    location = /csp-probe-report {
      access_log $work/nginx/logs/csp-probe.log csp;
      proxy_pass http://127.0.0.1:$port/csp-sink;
    }
    location /fixtures/ { alias $ROOT/tests/fixtures/; }
    # The same site whose shipped commune files arrive damaged (cut off
    # mid-file): Hà Nội's and the whole country's.
    location /tien-do-damaged/ {
      alias $ROOT/dist/;
      add_header Content-Security-Policy "$csp; report-uri /csp-report" always;
    }
    location = /tien-do-damaged/geo/communes/01.topo.json {
      alias $ROOT/tests/fixtures/damaged-communes-01.topo.json;
    }
    location = /tien-do-damaged/geo/vn-communes-2025.topo.json {
      alias $ROOT/tests/fixtures/damaged-communes-01.topo.json;
    }
    # The same site whose provinces' boundaries come at 2 KB/s, about ten
    # seconds: the commune map must not wait for them (drawn over it as
    # borders), nor any page's text for its map's.
    location /tien-do-slow-borders/ {
      alias $ROOT/dist/;
      add_header Content-Security-Policy "$csp; report-uri /csp-report" always;
    }
    location = /tien-do-slow-borders/geo/vn-provinces-2025.topo.json {
      alias $ROOT/dist/geo/vn-provinces-2025.topo.json;
      limit_rate 2k;
    }
    # The same site whose data comes at 100 KB/s (uncompressed: its 135 KB
    # in about 1.4 s): the boundaries fetched early must be decoded while
    # it comes (communes.rs).
    location /tien-do-slow-data/ {
      alias $ROOT/dist/;
      add_header Content-Security-Policy "$csp; report-uri /csp-report" always;
    }
    location = /tien-do-slow-data/data/progress.json {
      alias $ROOT/dist/data/progress.json;
      gzip off;
      limit_rate 100k;
    }
    # Closes the connection without an answer: a network failure.
    location = /fixtures/connection-dropped.json { return 444; }
    location /bench/ { alias $ROOT/target/bench/; }
    # The benchmark's peer: a plain D3 + TopoJSON page drawing the same
    # map (bench/d3-peer/), with its libraries from tools/node_modules/,
    # served like the site (same server, same gzip) so that the two first
    # maps compare.
    location /peer/ { alias $ROOT/bench/d3-peer/; }
    location /peer-lib/ { alias $ROOT/tools/node_modules/; }
  }
  # Another origin: a host page that embeds the site's figures.
  server {
    listen 127.0.0.1:$host_port;
    location / { alias $ROOT/tests/e2e/host/; }
    location /pym/ { alias $ROOT/tools/node_modules/pym.js/dist/; }
  }
}
NGINX
  local nginx_bin; nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
  "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -t 2>/dev/null ||
    "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -t
  "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf"
  "$CHROMEDRIVER" --port="$driver_port" >"$work/chromedriver.log" 2>&1 &
  SITE_PIDS+=($!)
  # The site must answer 200 (a 403 means nginx cannot read dist/: every
  # test would fail later with a timeout that does not say why).
  local url="http://127.0.0.1:$port/tien-do/" status=000
  for _ in $(seq 50); do
    status="$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)"
    [ "$status" != 000 ] && break
    sleep 0.2
  done
  [ "$status" = 200 ] ||
    die "the test server answers $status, not 200, at $url ($ROOT/dist/ served by nginx; its log: $work/nginx/logs/error.log)$(tail -n 3 "$work/nginx/logs/error.log" 2>/dev/null | sed 's/^/\n  /')"
  for _ in $(seq 50); do
    curl -fsS "http://127.0.0.1:$driver_port/status" >/dev/null 2>&1 && break
    sleep 0.2
  done
  export E2E_BASE_URL="http://127.0.0.1:$port/tien-do/"
  export E2E_HOST_URL="http://127.0.0.1:$host_port/"
  export E2E_OFFLINE_FLAG="$work/offline.flag"
  rm -f "$E2E_OFFLINE_FLAG"
  export E2E_WEBDRIVER="http://127.0.0.1:$driver_port"
  export E2E_CHROMIUM="$CHROMIUM"
  export E2E_CHROME_ARGS="[$CHROME_ARGS]"
}

# Fails, listing them, if any page reported a Content Security Policy
# violation while the site servers ran.
check_csp_reports() {
  local log="$SITE_WORK/nginx/logs/csp.log" probe="$SITE_WORK/nginx/logs/csp-probe.log"
  # The security test broke the policy on purpose at /tien-do-probe/: its
  # report must have arrived, or an empty csp.log proves nothing.
  grep -q "script-src" "$probe" ||
    die "no report reached the test server from the deliberate violation ($probe)"
  if [ -s "$log" ]; then
    cat "$log" >&2
    die "the site broke its Content Security Policy (reports above, from $log)"
  fi
  say "no Content Security Policy violation reported"
}

stop_site_servers() {
  for pid in "${SITE_PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -n "${SITE_WORK:-}" ] && [ -f "$SITE_WORK/nginx/nginx.pid" ] &&
    kill "$(cat "$SITE_WORK/nginx/nginx.pid")" 2>/dev/null || true
}
