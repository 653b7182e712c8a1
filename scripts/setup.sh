#!/usr/bin/env bash
# Installs what building, serving and testing need, and nothing that is
# already there: safe to run again. Works on a newcomer's machine with
# rustup and internet, and on a fresh Debian machine that can only reach the
# package registries (see ../shared/TOOLCHAIN.md in the project's workspace).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

command -v cargo >/dev/null || die "Rust is needed first: https://rustup.rs"
command -v npm >/dev/null || die "Node.js and npm are needed first: https://nodejs.org"

APT_UPDATED=0
apt_install() {
  # Installs the Debian packages among "$@" that are missing.
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "please install: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ $APT_UPDATED -eq 0 ]; then $sudo apt-get update -qq; APT_UPDATED=1; fi
  say "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# 1. A wasm32 toolchain.
if [ "$(wasm_mode)" = none ]; then
  say "adding the wasm32 target with rustup (60 s at most)"
  if ! timeout 60 rustup target add wasm32-unknown-unknown; then
    say "rustup could not download the target; using Debian's rustc-web with -Zbuild-std"
    apt_install rustc-web cargo-web rust-web-src lld-22 rust-web-clippy
  fi
fi
if [ "$(wasm_mode)" = debian ]; then
  apt_install rustc-web cargo-web rust-web-src lld-22 rust-web-clippy
fi
[ "$(wasm_mode)" != none ] || die "no wasm32 toolchain could be installed"
# The release build rebuilds std for size (scripts/build.sh): rustup's
# toolchain needs std's source for that (Debian's rust-web-src is it).
if [ "$(wasm_mode)" = rustup ] && ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "adding rust-src with rustup (60 s at most)"
  timeout 60 rustup component add rust-src || die "rustup could not add rust-src (std's source, for the release build)"
fi

# 2. The browser, its WebDriver and the static web server for the tests.
if command -v apt-get >/dev/null; then
  apt_install chromium chromium-driver nginx-light brotli curl
fi
for tool in chromium chromedriver nginx curl; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || die "$tool is needed for the tests"
done

# 3. wasm-opt from npm (Debian's binaryen 108 breaks the wasm at run time),
#    pym.js, whose real parent script the embed tests resize with, and
#    axe-core, the accessibility checker the end-to-end tests inject.
if ! "$ROOT/tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION" ||
   [ ! -f "$ROOT/tools/node_modules/pym.js/dist/pym.v1.min.js" ] ||
   [ ! -f "$ROOT/tools/node_modules/axe-core/axe.min.js" ]; then
  say "npm ci (binaryen $BINARYEN_VERSION, pym.js, axe-core)"
  npm ci --prefix "$ROOT/tools" --no-audit --no-fund
fi

# 4. Trunk, pinned. Its newest releases need a newer rustc than stable may
#    be; nightly, where there is one, builds it.
if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION (about 20 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked ||
    cargo +nightly install trunk --version "$TRUNK_VERSION" --locked ||
    die "trunk could not be installed"
fi

# 5. wasm-bindgen-cli, exactly the version in Cargo.lock (no --locked: with
#    it, resolution fails).
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 8 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 6. Every crate, std's own included (Trunk builds with --offline): the
#    release build rebuilds std, whose own lockfile names crates (and
#    registry entries) that the app's does not.
wasm_env cargo fetch --locked --target wasm32-unknown-unknown >/dev/null
wasm_release_env cargo fetch --target wasm32-unknown-unknown >/dev/null
cargo fetch --locked >/dev/null

say "set-up done (wasm toolchain: $(wasm_mode), $(trunk --version), $(wasm-bindgen --version))"
