#!/usr/bin/env bash
# Prints the raw, gzip (-9) and brotli (-q 11) sizes of the wasm, JS and CSS
# of the built site in dist/ (run scripts/build.sh first).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
DIST="${1:-$ROOT/dist}"
[ -d "$DIST" ] || die "no $DIST: run scripts/build.sh first"
printf '%-44s %10s %10s %10s\n' file bytes gzip brotli
total=(0 0 0)
while IFS= read -r f; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  total=($((total[0] + raw)) $((total[1] + gz)) $((total[2] + br)))
  printf '%-44s %10d %10d %10d\n' "${f#"$DIST"/}" "$raw" "$gz" "$br"
done < <(find "$DIST" -maxdepth 1 -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) | sort)
printf '%-44s %10d %10d %10d\n' "total (wasm + js + css)" "${total[@]}"
