//! Guards the committed boundary files (public/geo/, made by
//! scripts/boundaries.sh): 63 and 34 units whose codes are exactly those of
//! the project's unit tables, and both archipelagos attached to the right
//! provinces.

use serde_json::Value;
use std::collections::BTreeSet;
use tien_do_core::units::{provinces_2008, provinces_2025};

fn geometries(file: &str) -> Vec<Value> {
    let path = format!("{}/../../public/geo/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let topo: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(topo["type"], "Topology");
    assert!(topo["transform"]["scale"].is_array(), "quantized");
    assert!(topo["arcs"].as_array().is_some_and(|a| !a.is_empty()));
    topo["objects"]["provinces"]["geometries"]
        .as_array()
        .expect("an object named provinces")
        .clone()
}

fn check(file: &str, expected: BTreeSet<String>) {
    let geoms = geometries(file);
    let prop = |g: &Value, k: &str| g["properties"][k].as_str().unwrap_or_default().to_string();
    let mainland: Vec<String> = geoms
        .iter()
        .filter(|g| prop(g, "part") == "mainland")
        .map(|g| prop(g, "code"))
        .collect();
    let unique: BTreeSet<String> = mainland.iter().cloned().collect();
    assert_eq!(
        unique.len(),
        mainland.len(),
        "{file}: one mainland geometry per unit"
    );
    assert_eq!(unique, expected, "{file}: codes match the unit table");
    let parts: Vec<(String, String)> = geoms
        .iter()
        .filter(|g| prop(g, "part") != "mainland")
        .map(|g| (prop(g, "part"), prop(g, "code")))
        .collect();
    assert_eq!(
        parts,
        [
            ("hoang-sa".to_string(), "48".to_string()),
            ("truong-sa".to_string(), "56".to_string())
        ],
        "{file}: Hoàng Sa with Đà Nẵng, Trường Sa with Khánh Hòa"
    );
    for g in &geoms {
        let kind = g["type"].as_str().unwrap_or_default();
        assert!(matches!(kind, "Polygon" | "MultiPolygon"), "{file}: {kind}");
    }
}

#[test]
fn the_63_provinces_file_matches_the_2008_table() {
    check(
        "vn-provinces-2008.topo.json",
        provinces_2008().iter().map(|p| p.code.clone()).collect(),
    );
}

#[test]
fn the_34_units_file_matches_the_2025_table() {
    check(
        "vn-provinces-2025.topo.json",
        provinces_2025().iter().map(|p| p.code.clone()).collect(),
    );
}
