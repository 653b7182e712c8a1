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
