//! A SYNTHETIC commune layer: 3,321 made-up "communes" tiling the mainland
//! of the 34 provinces, for the map's benchmarks and tests at commune scale.
//! No open commune boundaries exist here (see ../shared/GEODATA.md), so the
//! shapes are an irregular grid, not real communes; the file says so.
//!
//! The grid is sized so that exactly the asked number of cells have their
//! centre on the mainland; each cell belongs to the province its centre is
//! in. Corners and edges are jittered deterministically, and each edge is
//! computed once from its two corners, so neighbours share their borders
//! exactly, as in a real layer. About 30 points per cell.

use geo::Rect;
use serde_json::{json, Value};
use tien_do_core::boundaries::{bounds, decode, hit, Part, Region};

/// Points inserted along each edge of a cell.
const EDGE_POINTS: usize = 7;
/// Grid of the quantised TopoJSON file.
const QUANTUM: f64 = 100_000.0;

/// One synthetic commune: its code, its province and its outline
/// (longitude, latitude; closed).
#[derive(Clone, Debug, PartialEq)]
pub struct SyntheticCommune {
    pub code: String,
    pub parent: String,
    pub ring: Vec<(f64, f64)>,
}

fn provinces() -> Vec<Region> {
    decode(
        include_str!("../../../public/geo/vn-provinces-2025.topo.json"),
        "provinces",
    )
    .expect("the shipped boundary file decodes")
    .into_iter()
    .filter(|r| r.part == Part::Mainland)
    .collect()
}

/// A number in [-1, 1) from `key`, always the same for the same key.
fn noise(key: u64) -> f64 {
    let mut z = key.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 52) as f64 - 1.0
}

struct Grid {
    origin: (f64, f64),
    /// Cell width (longitude) and height (latitude), in degrees.
    cell: (f64, f64),
    cols: i64,
    rows: i64,
}

impl Grid {
    fn new(area: Rect<f64>, size: f64) -> Grid {
        let k = ((area.min().y + area.max().y) / 2.0).to_radians().cos();
        let cell = (size / k, size);
        Grid {
            origin: (area.min().x, area.max().y),
            cell,
            cols: (area.width() / cell.0).ceil() as i64,
            rows: (area.height() / cell.1).ceil() as i64,
        }
    }

    /// The corner (i, j), jittered by up to a fifth of a cell.
    fn corner(&self, i: i64, j: i64) -> (f64, f64) {
        let key = ((i as u64) << 32) ^ (j as u64);
        (
            self.origin.0 + (i as f64 + 0.2 * noise(key)) * self.cell.0,
            self.origin.1 - (j as f64 + 0.2 * noise(key ^ 0xABCD)) * self.cell.1,
        )
    }

    /// The points strictly between corners `a` and `b`, computed from the
    /// edge's lower-left end so that both cells along it get the same ones.
    fn edge(&self, a: (i64, i64), b: (i64, i64)) -> Vec<(f64, f64)> {
        let (from, to, flipped) = if a <= b { (a, b, false) } else { (b, a, true) };
        let (p, q) = (self.corner(from.0, from.1), self.corner(to.0, to.1));
        let key =
            ((from.0 as u64) << 40) ^ ((from.1 as u64) << 20) ^ (to.0 as u64 * 7 + to.1 as u64);
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        let mut points: Vec<(f64, f64)> = (1..=EDGE_POINTS)
            .map(|t| {
                let f = t as f64 / (EDGE_POINTS + 1) as f64;
                // Sideways by up to a tenth of the edge, tapering at the ends.
                let side = 0.1
                    * noise(key.wrapping_mul(31).wrapping_add(t as u64))
                    * (f * (1.0 - f) * 4.0);
                (p.0 + f * dx - side * dy, p.1 + f * dy + side * dx)
            })
            .collect();
        if flipped {
            points.reverse();
        }
        points
    }

    fn centre(&self, i: i64, j: i64) -> (f64, f64) {
        (
            self.origin.0 + (i as f64 + 0.5) * self.cell.0,
            self.origin.1 - (j as f64 + 0.5) * self.cell.1,
        )
    }

    /// Cells whose centre is on the mainland, north to south: (i, j, province).
    fn cells_on_land<'a>(&self, land: &'a [Region]) -> Vec<(i64, i64, &'a str)> {
        let mut out = Vec::new();
        for j in 0..self.rows {
            for i in 0..self.cols {
                let (x, y) = self.centre(i, j);
                if let Some(r) = hit(land, x, y) {
                    out.push((i, j, land[r].code.as_str()));
                }
            }
        }
        out
    }

    fn ring(&self, i: i64, j: i64) -> Vec<(f64, f64)> {
        let corners = [(i, j), (i, j + 1), (i + 1, j + 1), (i + 1, j)];
        let mut ring = Vec::with_capacity(4 * (EDGE_POINTS + 1) + 1);
        for k in 0..4 {
            let (a, b) = (corners[k], corners[(k + 1) % 4]);
            ring.push(self.corner(a.0, a.1));
            ring.extend(self.edge(a, b));
        }
        ring.push(ring[0]);
        ring
    }
}

/// `n` synthetic communes over the mainland, coded `00001`… north to south.
/// Deterministic.
pub fn commune_layer(n: usize) -> Vec<SyntheticCommune> {
    let land = provinces();
    let area = bounds(&land, Part::Mainland).expect("the mainland has a bounding box");
    // The largest cell size that still gives at least n cells on land.
    let (mut small, mut large) = (0.002_f64, 1.0_f64);
    for _ in 0..40 {
        let mid = (small + large) / 2.0;
        if Grid::new(area, mid).cells_on_land(&land).len() >= n {
            small = mid;
        } else {
            large = mid;
        }
    }
    let grid = Grid::new(area, small);
    let mut cells = grid.cells_on_land(&land);
    cells.truncate(n);
    cells
        .into_iter()
        .enumerate()
        .map(|(k, (i, j, parent))| SyntheticCommune {
            code: format!("{:05}", k + 1),
            parent: parent.to_string(),
            ring: grid.ring(i, j),
        })
        .collect()
}

/// The layer as quantised TopoJSON (one object, `communes`; each geometry
/// with `code` and `parent`), labelled SYNTHETIC in the file itself.
pub fn to_topojson(communes: &[SyntheticCommune]) -> Value {
    let (mut min, mut max) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
    for &(x, y) in communes.iter().flat_map(|c| &c.ring) {
        min = (min.0.min(x), min.1.min(y));
        max = (max.0.max(x), max.1.max(y));
    }
    let scale = ((max.0 - min.0) / QUANTUM, (max.1 - min.1) / QUANTUM);
    let mut arcs = Vec::with_capacity(communes.len());
    let mut geometries = Vec::with_capacity(communes.len());
    for (k, c) in communes.iter().enumerate() {
        let mut last = (0_i64, 0_i64);
        let arc: Vec<Value> = c
            .ring
            .iter()
            .map(|&(x, y)| {
                let q = (
                    ((x - min.0) / scale.0).round() as i64,
                    ((y - min.1) / scale.1).round() as i64,
                );
                let d = json!([q.0 - last.0, q.1 - last.1]);
                last = q;
                d
            })
            .collect();
        arcs.push(Value::Array(arc));
        geometries.push(json!({
            "type": "Polygon",
            "arcs": [[k]],
            "properties": { "code": c.code, "parent": c.parent },
        }));
    }
    json!({
        "type": "Topology",
        "synthetic": "SYNTHETIC commune layer for benchmarks: an irregular grid over the mainland, not real communes",
        "transform": { "scale": [scale.0, scale.1], "translate": [min.0, min.1] },
        "objects": { "communes": { "type": "GeometryCollection", "geometries": geometries } },
        "arcs": arcs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tien_do_core::boundaries::decode_first;

    /// Guards the benchmark layer: the asked number of cells, each in a
    /// province, neighbours sharing borders, and a file the app decodes.
    #[test]
    fn layer_tiles_the_mainland_and_decodes() {
        let layer = commune_layer(400);
        assert_eq!(layer.len(), 400);
        let provinces: std::collections::HashSet<&str> =
            layer.iter().map(|c| c.parent.as_str()).collect();
        assert!(
            provinces.len() > 25,
            "spread over the country: {}",
            provinces.len()
        );
        assert!(layer
            .iter()
            .all(|c| c.ring.len() == 4 * (EDGE_POINTS + 1) + 1));
        assert!(layer.iter().all(|c| c.ring.first() == c.ring.last()));
        // Two cells side by side share the points of their common edge.
        let shared = layer.windows(2).any(|w| {
            let a: Vec<String> = w[0]
                .ring
                .iter()
                .map(|p| format!("{:.9},{:.9}", p.0, p.1))
                .collect();
            w[1].ring
                .iter()
                .filter(|p| a.contains(&format!("{:.9},{:.9}", p.0, p.1)))
                .count()
                >= EDGE_POINTS + 2
        });
        assert!(shared, "neighbours share a whole edge");
        let text = to_topojson(&layer).to_string();
        assert!(text.contains("SYNTHETIC"));
        let regions = decode_first(&text).unwrap();
        assert_eq!(regions.len(), 400);
        assert_eq!(regions[0].code, "00001");
        let (x, y) = layer[0].ring[3];
        let got = regions[0].shape.0[0].exterior().0[3];
        assert!(
            (got.x - x).abs() < 1e-3 && (got.y - y).abs() < 1e-3,
            "{got:?} vs {x},{y}"
        );
        assert_eq!(commune_layer(400), layer, "deterministic");
    }
}
