#!/usr/bin/env bash
# Sets up, builds and serves the app with the demo data at
# http://127.0.0.1:8080/ (Trunk's server; rebuilds on change). Ctrl-C stops.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
bash scripts/setup.sh
say "serving on http://127.0.0.1:8080/ (Ctrl-C stops)"
# The oEmbed documents point at this local address.
TIEN_DO_SITE_URL="${TIEN_DO_SITE_URL:-http://127.0.0.1:8080/}" \
  wasm_env trunk serve --release --address 127.0.0.1 --port 8080
