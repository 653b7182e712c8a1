#!/usr/bin/env bash
# Builds the release site into dist/ (Trunk, size-tuned profile, std
# rebuilt for size with panics that abort at once, wasm-opt -Oz).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
say "trunk build --release"
wasm_release_env trunk build --release "$@"
