#!/usr/bin/env bash
# Trunk's post-build hook: writes the embed pages, oEmbed documents, static
# images and data release into the site being built ($TRUNK_STAGING_DIR),
# with the publishers' tool (a native build, so the wasm build's settings
# are cleared). The oEmbed documents point at $TIEN_DO_SITE_URL (default
# http://127.0.0.1:8080/, where scripts/serve.sh serves).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
unset CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES RUSTC_BOOTSTRAP \
  CARGO_BUILD_TARGET RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_RUSTFLAGS \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS
# The toolchain the native tests use (rustup's, where there is one), so the
# tool is built once for both.
[ -x "$HOME/.cargo/bin/cargo" ] && PATH="$HOME/.cargo/bin:$PATH"
if [ -z "${TIEN_DO_SITE_URL:-}" ] && [ "${TRUNK_PROFILE:-}" = "release" ]; then
  echo "embeds: TIEN_DO_SITE_URL is not set: the oEmbed documents point at" \
       "http://127.0.0.1:8080/. Set it to the address the site is published at" \
       "(README, \"Embeds and downloads\")." >&2
fi
cargo run -q -p tien-do-data -- embeds "${TRUNK_STAGING_DIR:?run by trunk}" > /dev/null
