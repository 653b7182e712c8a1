//! A TopoJSON reader of what the maps need: the polygons of one object's
//! geometries and their properties, read straight into typed structures
//! (no intermediate GeoJSON nor untyped JSON tree). It replaces georust's
//! `topojson`, which went through `serde_json::Value` and `geojson`: several
//! times slower on the 3,321 communes, and more wasm.
//!
//! Read: `arcs` (quantized and delta-encoded when a `transform` is given),
//! objects of type `GeometryCollection` (or a single geometry), geometries
//! of type `Polygon` and `MultiPolygon` (others are reported), their
//! `properties`. See the TopoJSON specification, sections 2.1 to 2.2.

use geo::{LineString, MultiPolygon, Polygon};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;

/// A whole TopoJSON file.
#[derive(Deserialize)]
pub struct Topology {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    arcs: Vec<Vec<Position>>,
    transform: Option<Transform>,
    objects: Objects,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

/// A position: its first two numbers (any further are ignored).
#[derive(Clone, Copy)]
struct Position(f64, f64);

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Position;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a position: [x, y]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Position, A::Error> {
                let x = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let y = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(1, &self))?;
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Position(x, y))
            }
        }
        d.deserialize_seq(V)
    }
}

/// The named objects, in the file's order (the first is the default).
struct Objects(Vec<(String, Object)>);

impl<'de> Deserialize<'de> for Objects {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Objects;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("the objects, by name")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Objects, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry()? {
                    out.push((k, v));
                }
                Ok(Objects(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// An object: a collection of geometries, or one geometry.
#[derive(Deserialize)]
struct Object {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    geometries: Vec<Geometry>,
    arcs: Option<ArcIndexes>,
    #[serde(default)]
    properties: HashMap<String, serde_json::Value>,
}

/// A geometry: its type, arcs (indexes; `!i` for arc `i` reversed) and
/// properties.
#[derive(Debug, Deserialize)]
pub struct Geometry {
    #[serde(rename = "type")]
    kind: Option<String>,
    arcs: Option<ArcIndexes>,
    #[serde(default)]
    pub properties: HashMap<String, serde_json::Value>,
}

/// A polygon's rings, or a multipolygon's polygons' rings.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ArcIndexes {
    /// A line's arcs (read, not drawn).
    Line(#[allow(dead_code)] Vec<i64>),
    Polygon(Vec<Vec<i64>>),
    MultiPolygon(Vec<Vec<Vec<i64>>>),
}

impl Geometry {
    /// A property as text, if it is text.
    pub fn text(&self, key: &str) -> Option<String> {
        self.properties.get(key)?.as_str().map(str::to_string)
    }
}

/// Why a file could not be read, in words.
pub type Failure = String;

/// A geometry read, with its polygons (`None` where it is not a polygon).
pub type Read = (Geometry, Option<MultiPolygon<f64>>);

/// Reads `text` and returns the geometries of its object `object` (the
/// first when `None`), each with its shape (`None` where it is not a
/// polygon). Errors in words: "not JSON: …" where the parser stopped (line
/// and column), "not TopoJSON: …" for JSON of another shape.
pub fn read(text: &str, object: Option<&str>) -> Result<Vec<Read>, Failure> {
    let topo: Topology = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => format!("not TopoJSON: {e}"),
        _ => format!("not JSON: {e}"),
    })?;
    if topo.kind != "Topology" {
        return Err("not a Topology".into());
    }
    let arcs = decode_arcs(&topo.arcs, topo.transform.as_ref());
    let mut objects = topo.objects.0;
    let at = match object {
        Some(name) => objects
            .iter()
            .position(|(n, _)| n == name)
            .ok_or_else(|| format!("no object {name:?}"))?,
        None if objects.is_empty() => return Err("the file has no objects".into()),
        None => 0,
    };
    let Object {
        kind,
        mut geometries,
        arcs: alone,
        properties,
    } = objects.swap_remove(at).1;
    if geometries.is_empty() && alone.is_some() {
        geometries.push(Geometry {
            kind,
            arcs: alone,
            properties,
        });
    }
    geometries
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            let shape = shape(&g, &arcs).map_err(|e| format!("geometry {i}: {e}"))?;
            Ok((g, shape))
        })
        .collect()
}

/// The arcs in coordinates: delta-decoded and scaled when quantized.
fn decode_arcs(arcs: &[Vec<Position>], transform: Option<&Transform>) -> Vec<Vec<(f64, f64)>> {
    arcs.iter()
        .map(|arc| match transform {
            Some(t) => {
                let (mut x, mut y) = (0.0, 0.0);
                arc.iter()
                    .map(|p| {
                        x += p.0;
                        y += p.1;
                        (
                            x * t.scale[0] + t.translate[0],
                            y * t.scale[1] + t.translate[1],
                        )
                    })
                    .collect()
            }
            None => arc.iter().map(|p| (p.0, p.1)).collect(),
        })
        .collect()
}

/// A geometry's polygons; `None` for a geometry that is not a polygon.
fn shape(g: &Geometry, arcs: &[Vec<(f64, f64)>]) -> Result<Option<MultiPolygon<f64>>, Failure> {
    let polygon = |rings: &[Vec<i64>]| -> Result<Option<Polygon<f64>>, Failure> {
        let mut rings = rings.iter().map(|r| ring(r, arcs));
        let Some(exterior) = rings.next() else {
            return Ok(None);
        };
        Ok(Some(Polygon::new(
            exterior?,
            rings.collect::<Result<_, _>>()?,
        )))
    };
    let polygons = match (g.kind.as_deref(), &g.arcs) {
        (Some("Polygon"), Some(ArcIndexes::Polygon(rings))) => {
            polygon(rings)?.into_iter().collect()
        }
        (Some("MultiPolygon"), Some(ArcIndexes::MultiPolygon(polys))) => {
            let mut out = Vec::with_capacity(polys.len());
            for p in polys {
                out.extend(polygon(p)?);
            }
            out
        }
        // An empty multipolygon reads as either form.
        (Some("MultiPolygon"), Some(ArcIndexes::Polygon(p))) if p.is_empty() => Vec::new(),
        _ => return Ok(None),
    };
    Ok(Some(MultiPolygon(polygons)))
}

/// A ring from its arcs, each after the first without its first point
/// (the previous arc's last).
fn ring(indexes: &[i64], arcs: &[Vec<(f64, f64)>]) -> Result<LineString<f64>, Failure> {
    let mut points: Vec<(f64, f64)> = Vec::new();
    for &k in indexes {
        let (i, reversed) = if k < 0 { (!k, true) } else { (k, false) };
        let arc = usize::try_from(i)
            .ok()
            .and_then(|i| arcs.get(i))
            .ok_or_else(|| format!("arc {k} does not exist"))?;
        let skip = usize::from(!points.is_empty());
        if reversed {
            points.extend(arc.iter().rev().skip(skip));
        } else {
            points.extend(arc.iter().skip(skip));
        }
    }
    Ok(LineString::from(points))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the arcs' decoding: delta-encoded quantized positions,
    /// shared arcs reversed with `!i`, the shared point not repeated.
    #[test]
    fn two_squares_share_their_arc() {
        // Two unit squares side by side: arc 0 the shared edge (1,0)→(1,1).
        let text = r#"{"type":"Topology",
            "transform":{"scale":[0.5,0.5],"translate":[100,10]},
            "arcs":[[[2,0],[0,2]],
                    [[2,2],[-2,0],[0,-2],[2,0]],
                    [[2,0],[2,0],[0,2],[-2,0]]],
            "objects":{"squares":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0,1]],"properties":{"code":"a"}},
              {"type":"MultiPolygon","arcs":[[[2,-1]]],"properties":{"code":"b"}},
              {"type":"LineString","arcs":[0]}]}}}"#;
        let got = read(text, None).unwrap();
        assert_eq!(got.len(), 3);
        let ring = |i: usize| -> Vec<(f64, f64)> {
            got[i].1.as_ref().unwrap().0[0]
                .exterior()
                .points()
                .map(|p| (p.x(), p.y()))
                .collect()
        };
        assert_eq!(
            ring(0),
            [
                (101.0, 10.0),
                (101.0, 11.0),
                (100.0, 11.0),
                (100.0, 10.0),
                (101.0, 10.0)
            ]
        );
        assert_eq!(
            ring(1),
            [
                (101.0, 10.0),
                (102.0, 10.0),
                (102.0, 11.0),
                (101.0, 11.0),
                (101.0, 10.0)
            ]
        );
        assert_eq!(got[0].0.text("code").as_deref(), Some("a"));
        assert!(got[2].1.is_none(), "a line is not a polygon");
        assert_eq!(
            read(text, Some("none")).err().unwrap(),
            "no object \"none\""
        );
    }

    /// Guards bad files: said as what they are.
    #[test]
    fn bad_files_are_said_as_what_they_are() {
        assert!(read("[1,2]", None)
            .unwrap_err()
            .starts_with("not TopoJSON: "));
        assert_eq!(
            read(r#"{"type":"FeatureCollection","objects":{}}"#, None).unwrap_err(),
            "not a Topology"
        );
        assert_eq!(
            read(r#"{"type":"Topology","objects":{}}"#, None).unwrap_err(),
            "the file has no objects"
        );
        let missing = r#"{"type":"Topology","arcs":[],"objects":{"x":{"type":"GeometryCollection",
            "geometries":[{"type":"Polygon","arcs":[[3]]}]}}}"#;
        assert_eq!(
            read(missing, None).unwrap_err(),
            "geometry 0: arc 3 does not exist"
        );
    }
}
