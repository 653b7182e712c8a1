//! Guards the boundaries of 1 July 2025 made from the official map by
//! scripts/boundaries.sh (public/geo/README.md): the commune file holds
//! exactly the 3,321 communes of the official table (data/geo/), each in
//! one of the 34 provinces and lying inside it on the province file (which
//! is dissolved from the communes); the 34 are the data's provinces; Hoàng
//! Sa belongs to Đà Nẵng (48) and Trường Sa to Khánh Hòa (56); and each
//! province's own commune file holds its communes.

use geo::{Area, Contains, InteriorPoint, Point, Polygon};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use tien_do_core::boundaries::{decode, decode_first, Part, Region};
use tien_do_core::parse_progress;
use tien_do_core::units::provinces_2025;

fn root(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    let path = root(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// One row of the official table.
#[derive(Clone, Debug)]
struct Unit {
    level: String,
    code: String,
    province: String,
    name: String,
    name_en: String,
    full_name: String,
    full_name_en: String,
}

/// data/geo/vn-units-2025.csv (no field of it is quoted: it holds no comma
/// inside a name, which is checked).
fn table() -> Vec<Unit> {
    let text = read("data/geo/vn-units-2025.csv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("level,code,province_code,name,name_en,full_name,full_name_en")
    );
    lines
        .map(|l| {
            assert!(!l.contains('"'), "a quoted field: {l}");
            let f: Vec<&str> = l.split(',').collect();
            assert_eq!(f.len(), 7, "{l}");
            Unit {
                level: f[0].into(),
                code: f[1].into(),
                province: f[2].into(),
                name: f[3].into(),
                name_en: f[4].into(),
                full_name: f[5].into(),
                full_name_en: f[6].into(),
            }
        })
        .collect()
}

fn communes_of_table() -> BTreeMap<String, Unit> {
    table()
        .into_iter()
        .filter(|u| u.level == "commune")
        .map(|u| (u.code.clone(), u))
        .collect()
}

/// The properties of each geometry of a file's first object, by `code`.
fn properties(path: &str) -> BTreeMap<String, serde_json::Map<String, Value>> {
    let topo: Value = serde_json::from_str(&read(path)).expect("JSON");
    let (_, object) = topo["objects"]
        .as_object()
        .and_then(|o| o.iter().next())
        .expect("an object");
    let mut out = BTreeMap::new();
    for g in object["geometries"].as_array().expect("geometries") {
        let p = g["properties"].as_object().expect("properties").clone();
        let code = p["code"].as_str().expect("a code").to_string();
        assert_eq!(g["id"].as_str(), Some(code.as_str()), "id is the code");
        assert!(
            out.insert(code.clone(), p).is_none(),
            "{path}: {code} twice"
        );
    }
    out
}

fn communes() -> Vec<Region> {
    decode_first(&read("public/geo/vn-communes-2025.topo.json")).expect("the commune file")
}

fn provinces() -> Vec<Region> {
    decode(&read("public/geo/vn-provinces-2025.topo.json"), "provinces").expect("the province file")
}

fn str_of<'a>(p: &'a serde_json::Map<String, Value>, k: &str) -> &'a str {
    p.get(k).and_then(Value::as_str).unwrap_or_default()
}

#[test]
fn the_commune_file_holds_the_3321_communes_of_the_table() {
    let table = communes_of_table();
    assert_eq!(table.len(), 3321);
    let regions = communes();
    let codes: BTreeSet<&str> = regions.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(regions.len(), 3321, "one geometry per commune");
    assert_eq!(codes.len(), 3321, "3,321 unique codes");
    assert!(
        codes.iter().copied().eq(table.keys().map(String::as_str)),
        "the codes are the table's"
    );
    let props = properties("public/geo/vn-communes-2025.topo.json");
    let mut types = BTreeMap::<&str, usize>::new();
    for (code, p) in &props {
        let u = &table[code];
        assert_eq!(str_of(p, "province"), u.province, "{code}");
        assert_eq!(str_of(p, "name"), u.name, "{code}");
        assert_eq!(str_of(p, "name_en"), u.name_en, "{code}");
        // The type, read from the official full name.
        let kind = str_of(p, "type");
        let prefix = match kind {
            "ward" => "phường ",
            "commune" => "xã ",
            "special-zone" => "đặc khu ",
            other => panic!("{code}: type {other:?}"),
        };
        assert!(u.full_name.to_lowercase().starts_with(prefix), "{code}");
        *types.entry(kind).or_default() += 1;
    }
    assert_eq!(
        types,
        BTreeMap::from([("commune", 2611), ("special-zone", 13), ("ward", 697)])
    );
}

#[test]
fn the_34_provinces_are_the_datas_and_the_tables() {
    let ours: BTreeSet<String> = provinces_2025().iter().map(|p| p.code.clone()).collect();
    assert_eq!(ours.len(), 34);
    let data = parse_progress(&read("public/data/progress.json")).expect("the demo data");
    let set = data
        .unit_sets
        .iter()
        .find(|s| s.id == "vn-province-2025")
        .expect("the unit set of 2025");
    let in_data: BTreeSet<String> = set.units.iter().map(|u| u.code.clone()).collect();
    assert_eq!(in_data, ours, "the data's provinces");
    let in_table: BTreeSet<String> = table()
        .into_iter()
        .filter(|u| u.level == "province")
        .map(|u| u.code)
        .collect();
    assert_eq!(in_table, ours, "the official table's provinces");
    let mainland: Vec<String> = provinces()
        .into_iter()
        .filter(|r| r.part == Part::Mainland)
        .map(|r| r.code)
        .collect();
    assert_eq!(mainland.len(), 34, "one mainland geometry each");
    assert_eq!(mainland.into_iter().collect::<BTreeSet<_>>(), ours);
    let of_communes: BTreeSet<String> = properties("public/geo/vn-communes-2025.topo.json")
        .values()
        .map(|p| str_of(p, "province").to_string())
        .collect();
    assert_eq!(
        of_communes, ours,
        "every commune in one of the 34, each with some"
    );
}

/// Up to five points inside a commune's largest polygon: one sure to be
/// inside it (`InteriorPoint`), and the points halfway from it to four
/// vertices a quarter of the ring apart, those of them inside the polygon
/// too (a concave commune may put some outside).
fn points_inside(commune: &Region) -> Vec<Point<f64>> {
    let largest: &Polygon<f64> = commune
        .shape
        .0
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))
        .expect("a polygon");
    let centre = largest.interior_point().expect("an interior point");
    let ring = &largest.exterior().0;
    let mut out = vec![centre];
    for k in 0..4 {
        let v = ring[k * (ring.len() - 1) / 4];
        let p = Point::new((centre.x() + v.x) / 2.0, (centre.y() + v.y) / 2.0);
        if largest.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// The distance in km from `p` to the nearest border of `regions` (flat
/// at `p`'s latitude: enough within a few km).
fn km_to(regions: &[&Region], p: Point<f64>) -> f64 {
    let k = p.y().to_radians().cos();
    let mut best = f64::INFINITY;
    for polygon in regions.iter().flat_map(|r| r.shape.0.iter()) {
        for l in polygon.exterior().lines() {
            let (ax, ay) = ((l.start.x - p.x()) * k, l.start.y - p.y());
            let (dx, dy) = ((l.end.x - l.start.x) * k, l.end.y - l.start.y);
            let t = (-(ax * dx + ay * dy) / (dx * dx + dy * dy).max(1e-18)).clamp(0.0, 1.0);
            best = best.min((ax + t * dx).hypot(ay + t * dy) * 111.2);
        }
    }
    best
}

/// Guards "province and commune borders coincide": every commune lies in
/// its own province of the province file. The two files are simplified to
/// different levels (3 % and 20 % of the official file), so a border or a
/// coast may move by some hundred metres between them. The rule, on the
/// points inside each commune (`points_inside`: one sure to be inside, up
/// to four more):
/// - none of them lies in another province further than 1 km from its own
///   (a commune in the wrong province, or a province missing a commune,
///   fails here or below; which points are taken follows the rings' order
///   in the file, so one may fall just across a simplified border);
/// - more than half of them lie in its own province; except, for at most 1
///   commune in 200, when the others lie in no province at all (the sea:
///   the province file's simplified coast cutting across a small coastal
///   ward), and then its sure point is within 1 km of its province.
#[test]
fn every_commune_lies_inside_its_province() {
    let provinces = provinces();
    let props = properties("public/geo/vn-communes-2025.topo.json");
    let mut at_sea = Vec::new();
    for commune in communes() {
        let own = str_of(&props[&commune.code], "province");
        let name = str_of(&props[&commune.code], "name");
        let own_regions: Vec<&Region> = provinces.iter().filter(|r| r.code == own).collect();
        assert!(
            !own_regions.is_empty(),
            "{}: no province {own}",
            commune.code
        );
        let points = points_inside(&commune);
        let mut hits = 0;
        for p in &points {
            let under: Vec<&str> = provinces
                .iter()
                .filter(|r| r.bbox.contains(p) && r.shape.contains(p))
                .map(|r| r.code.as_str())
                .collect();
            // Across the border only by the simplification's slack: within
            // 1 km of its own province.
            assert!(
                under.iter().all(|c| *c == own) || km_to(&own_regions, *p) < 1.0,
                "{} ({name}) of {own}: {p:?} in {under:?}, {:.2} km from {own}",
                commune.code,
                km_to(&own_regions, *p)
            );
            hits += usize::from(!under.is_empty());
        }
        if 2 * hits <= points.len() {
            let km = km_to(&own_regions, points[0]);
            assert!(
                km < 1.0 || own_regions.iter().any(|r| r.shape.contains(&points[0])),
                "{} ({name}): {hits} of {} points in province {own}, {km:.2} km from it",
                commune.code,
                points.len()
            );
            at_sea.push((commune.code.clone(), name.to_string()));
        }
    }
    assert!(
        at_sea.len() * 200 <= 3321,
        "{} communes mostly outside their province: {at_sea:?}",
        at_sea.len()
    );
}

#[test]
fn hoang_sa_is_in_da_nang_and_truong_sa_in_khanh_hoa() {
    // The table: special zones of Đà Nẵng and Khánh Hòa.
    let table = communes_of_table();
    let find = |name: &str| {
        let rows: Vec<&Unit> = table.values().filter(|u| u.name == name).collect();
        assert_eq!(rows.len(), 1, "{name}");
        rows[0].clone()
    };
    let (hs, ts) = (find("Hoàng Sa"), find("Trường Sa"));
    assert_eq!(
        (hs.province.as_str(), hs.full_name.as_str()),
        ("48", "Đặc khu Hoàng Sa")
    );
    assert_eq!(
        (ts.province.as_str(), ts.full_name.as_str()),
        ("56", "Đặc khu Trường Sa")
    );

    // The province file: each archipelago a part of its province.
    let provinces = provinces();
    let part_of = |part: Part| -> Vec<&str> {
        provinces
            .iter()
            .filter(|r| r.part == part)
            .map(|r| r.code.as_str())
            .collect()
    };
    assert_eq!(part_of(Part::HoangSa), ["48"]);
    assert_eq!(part_of(Part::TruongSa), ["56"]);

    // The commune file: the special zones are the archipelagos, in their
    // provinces, and every island of each lies in its province's part.
    let communes = communes();
    let props = properties("public/geo/vn-communes-2025.topo.json");
    for (unit, part) in [(&hs, Part::HoangSa), (&ts, Part::TruongSa)] {
        let marked: Vec<&Region> = communes.iter().filter(|r| r.part == part).collect();
        assert_eq!(marked.len(), 1, "{part:?}");
        let commune = marked[0];
        assert_eq!(commune.code, unit.code);
        assert_eq!(str_of(&props[&unit.code], "province"), unit.province);
        assert_eq!(str_of(&props[&unit.code], "type"), "special-zone");
        let archipelago = provinces
            .iter()
            .find(|r| r.part == part)
            .expect("the archipelago");
        assert_eq!(
            commune.shape.0.len(),
            archipelago.shape.0.len(),
            "{part:?}: every island in both files"
        );
        // Each island (of the commune file, 20 %) on or within 1 km of
        // an island of its province's part (of the province file, 3 %: the
        // smallest islands are a few points there).
        for island in &commune.shape.0 {
            let p = island.interior_point().expect("a point");
            assert!(
                archipelago.shape.contains(&p) || km_to(&[archipelago], p) < 1.0,
                "{part:?}: an island at {p:?} away from its province's part"
            );
        }
    }
}

#[test]
fn each_province_has_its_own_commune_file() {
    let table = communes_of_table();
    let mut seen = BTreeSet::<String>::new();
    for p in provinces_2025() {
        let path = format!("public/geo/communes/{}.topo.json", p.code);
        let regions = decode_first(&read(&path)).expect("decodes");
        let props = properties(&path);
        let want: BTreeSet<&str> = table
            .values()
            .filter(|u| u.province == p.code)
            .map(|u| u.code.as_str())
            .collect();
        let got: BTreeSet<&str> = regions.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(got, want, "{path}: the province's communes");
        assert_eq!(regions.len(), want.len(), "{path}: each once");
        for (code, pr) in &props {
            let u = &table[code];
            assert_eq!(str_of(pr, "province"), p.code);
            assert_eq!(str_of(pr, "full_name"), u.full_name, "{code}");
            assert_eq!(str_of(pr, "full_name_en"), u.full_name_en, "{code}");
        }
        seen.extend(got.iter().map(|c| c.to_string()));
        // The archipelagos are drawn in insets on their province's map too.
        let parts: Vec<Part> = regions
            .iter()
            .map(|r| r.part)
            .filter(|p| *p != Part::Mainland)
            .collect();
        let expected: &[Part] = match p.code.as_str() {
            "48" => &[Part::HoangSa],
            "56" => &[Part::TruongSa],
            _ => &[],
        };
        assert_eq!(parts, expected, "{path}");
    }
    assert_eq!(seen.len(), 3321, "every commune in one province's file");
    let files = std::fs::read_dir(root("public/geo/communes"))
        .expect("public/geo/communes")
        .count();
    assert_eq!(files, 34, "one file per province, nothing else");
}

/// Guards the first view: the province file is fetched by every reader
/// of the map, so it stays small (public/geo/README.md: why 3 %).
#[test]
fn the_province_file_stays_small() {
    let bytes = read("public/geo/vn-provinces-2025.topo.json").len();
    assert!(bytes < 64 * 1024, "{bytes} bytes");
}
