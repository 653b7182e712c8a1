//! Map geometry: the boundary files decoded into regions, a projection that
//! fits them to a viewport, and hit testing (which region is under a point).
//! Decoding by georust's `topojson`, geometry by `geo`.

use geo::{BoundingRect, Contains, MultiPolygon, Point, Rect};
use std::fmt;

/// Which part of a province a region is: the mainland, or one of the
/// archipelagos, drawn in an inset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Mainland,
    /// Hoàng Sa, part of Đà Nẵng.
    HoangSa,
    /// Trường Sa, part of Khánh Hòa.
    TruongSa,
}

/// One drawable region: a unit's mainland, or an archipelago.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// The unit's official code.
    pub code: String,
    pub part: Part,
    /// Longitude/latitude polygons.
    pub shape: MultiPolygon<f64>,
    /// Bounding box of `shape`.
    pub bbox: Rect<f64>,
}

/// Why a boundary file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoundaryError(pub String);

impl fmt::Display for BoundaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the boundary file cannot be used: {}", self.0)
    }
}

impl std::error::Error for BoundaryError {}

/// Decodes the object `object` of a TopoJSON text into regions. Each
/// geometry needs the properties `code` and `part` (see public/geo/README.md).
pub fn decode(text: &str, object: &str) -> Result<Vec<Region>, BoundaryError> {
    let err = |m: String| BoundaryError(m);
    let topo = match text.parse::<topojson::TopoJson>() {
        Ok(topojson::TopoJson::Topology(t)) => t,
        Ok(_) => return Err(err("not a Topology".into())),
        Err(e) => return Err(err(format!("not TopoJSON: {e}"))),
    };
    let features = topojson::to_geojson(&topo, object)
        .map_err(|e| err(format!("no object {object:?}: {e}")))?;
    let mut regions = Vec::with_capacity(features.features.len());
    for (i, feature) in features.features.into_iter().enumerate() {
        let prop = |k: &str| {
            feature
                .properties
                .as_ref()
                .and_then(|p| p.get(k))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let code = prop("code").ok_or_else(|| err(format!("geometry {i} has no code")))?;
        let part = match prop("part").as_deref() {
            None | Some("mainland") => Part::Mainland,
            Some("hoang-sa") => Part::HoangSa,
            Some("truong-sa") => Part::TruongSa,
            Some(other) => return Err(err(format!("geometry {i}: unknown part {other:?}"))),
        };
        let geometry = feature
            .geometry
            .ok_or_else(|| err(format!("geometry {i} ({code}) is empty")))?;
        let shape = match geo::Geometry::<f64>::try_from(geometry.value) {
            Ok(geo::Geometry::Polygon(p)) => MultiPolygon(vec![p]),
            Ok(geo::Geometry::MultiPolygon(m)) => m,
            _ => return Err(err(format!("geometry {i} ({code}) is not a polygon"))),
        };
        let bbox = shape
            .bounding_rect()
            .ok_or_else(|| err(format!("geometry {i} ({code}) has no points")))?;
        regions.push(Region {
            code,
            part,
            shape,
            bbox,
        });
    }
    Ok(regions)
}

/// The index of the region that contains the point (longitude, latitude),
/// if any. A bounding-box test first, then point in polygon.
pub fn hit(regions: &[Region], lon: f64, lat: f64) -> Option<usize> {
    let p = Point::new(lon, lat);
    regions.iter().position(|r| {
        let (min, max) = (r.bbox.min(), r.bbox.max());
        lon >= min.x && lon <= max.x && lat >= min.y && lat <= max.y && r.shape.contains(&p)
    })
}

/// The bounding box of the regions of `part`.
pub fn bounds(regions: &[Region], part: Part) -> Option<Rect<f64>> {
    regions
        .iter()
        .filter(|r| r.part == part)
        .map(|r| r.bbox)
        .reduce(|a, b| {
            Rect::new(
                (a.min().x.min(b.min().x), a.min().y.min(b.min().y)),
                (a.max().x.max(b.max().x), a.max().y.max(b.max().y)),
            )
        })
}

/// Equirectangular projection scaled by the cosine of the middle latitude
/// (true shape at that latitude; Vietnam spans 8° to 23.4° N), fitted to a
/// viewport in pixels with `y` down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    k: f64,
    scale: f64,
    tx: f64,
    ty: f64,
}

impl Projection {
    /// The projection that fits `bbox` (longitude/latitude) into a
    /// `width` x `height` viewport with `padding` pixels on each side,
    /// centred.
    pub fn fit(bbox: Rect<f64>, width: f64, height: f64, padding: f64) -> Projection {
        let mid = (bbox.min().y + bbox.max().y) / 2.0;
        let k = mid.to_radians().cos();
        let (w, h) = ((bbox.width() * k).max(1e-9), bbox.height().max(1e-9));
        let (aw, ah) = (
            (width - 2.0 * padding).max(1.0),
            (height - 2.0 * padding).max(1.0),
        );
        let scale = (aw / w).min(ah / h);
        let tx = (width - w * scale) / 2.0 - bbox.min().x * k * scale;
        let ty = (height - h * scale) / 2.0 + bbox.max().y * scale;
        Projection { k, scale, tx, ty }
    }

    /// Longitude/latitude to pixels.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            lon * self.k * self.scale + self.tx,
            self.ty - lat * self.scale,
        )
    }

    /// Pixels to longitude/latitude.
    pub fn invert(&self, x: f64, y: f64) -> (f64, f64) {
        (
            (x - self.tx) / (self.k * self.scale),
            (self.ty - y) / self.scale,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(file: &str) -> Vec<Region> {
        let path = format!("{}/../../public/geo/{file}", env!("CARGO_MANIFEST_DIR"));
        decode(&std::fs::read_to_string(path).unwrap(), "provinces").unwrap()
    }

    #[test]
    fn both_boundary_files_decode() {
        let r34 = load("vn-provinces-2025.topo.json");
        let r63 = load("vn-provinces-2008.topo.json");
        assert_eq!(r34.iter().filter(|r| r.part == Part::Mainland).count(), 34);
        assert_eq!(r63.iter().filter(|r| r.part == Part::Mainland).count(), 63);
        let b = bounds(&r34, Part::Mainland).unwrap();
        assert!(b.min().x > 102.0 && b.max().x < 110.0, "{b:?}");
        assert!(b.min().y > 8.0 && b.max().y < 23.5, "{b:?}");
        let hs = bounds(&r34, Part::HoangSa).unwrap();
        assert!(
            hs.min().x > 111.0 && hs.min().y > 15.5,
            "Hoàng Sa is east of Đà Nẵng: {hs:?}"
        );
        let ts = bounds(&r34, Part::TruongSa).unwrap();
        assert!(
            ts.min().x > 111.0 && ts.max().y < 12.0,
            "Trường Sa lies to the south-east: {ts:?}"
        );
    }

    /// Guards hit testing with places whose province is beyond doubt.
    #[test]
    fn cities_fall_in_their_provinces() {
        let r34 = load("vn-provinces-2025.topo.json");
        let r63 = load("vn-provinces-2008.topo.json");
        let code =
            |regions: &[Region], lon, lat| hit(regions, lon, lat).map(|i| regions[i].code.clone());
        for (name, lon, lat, c34, c63) in [
            ("Hoàn Kiếm, Hà Nội", 105.852, 21.028, "01", "01"),
            ("Bến Thành, TP. Hồ Chí Minh", 106.698, 10.772, "79", "79"),
            (
                "Thủ Dầu Một (Bình Dương before 2025)",
                106.652,
                10.980,
                "79",
                "74",
            ),
            ("Hòa Vang, Đà Nẵng", 108.050, 16.030, "48", "48"),
            (
                "Hội An (Quảng Nam before 2025)",
                108.335,
                15.880,
                "48",
                "49",
            ),
            ("Cờ Đỏ, Cần Thơ", 105.550, 10.220, "92", "92"),
            ("Đà Lạt, Lâm Đồng", 108.458, 11.940, "68", "68"),
            ("Vinh, Nghệ An", 105.692, 18.679, "40", "40"),
        ] {
            assert_eq!(code(&r34, lon, lat).as_deref(), Some(c34), "{name} (34)");
            assert_eq!(code(&r63, lon, lat).as_deref(), Some(c63), "{name} (63)");
        }
        assert_eq!(code(&r34, 110.0, 12.0), None, "the sea is no province");
    }

    #[test]
    fn projection_fits_and_inverts() {
        let r34 = load("vn-provinces-2025.topo.json");
        let b = bounds(&r34, Part::Mainland).unwrap();
        let p = Projection::fit(b, 400.0, 800.0, 10.0);
        let (x0, y0) = p.project(b.min().x, b.max().y);
        let (x1, y1) = p.project(b.max().x, b.min().y);
        assert!(
            x0 >= 9.99 && x1 <= 390.01 && y0 >= 9.99 && y1 <= 790.01,
            "{x0} {y0} {x1} {y1}"
        );
        assert!(
            ((x1 - x0) - 380.0).abs() < 0.01 || ((y1 - y0) - 780.0).abs() < 0.01,
            "fills one side"
        );
        assert!(y0 < y1, "north is up");
        for (lon, lat) in [(105.85, 21.03), (106.7, 10.77), (b.min().x, b.min().y)] {
            let (x, y) = p.project(lon, lat);
            let (lon2, lat2) = p.invert(x, y);
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9);
        }
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        for bad in [
            "",
            "{}",
            "[1]",
            r#"{"type":"Topology","objects":{},"arcs":[]}"#,
            "{\"type\": \"Point\", \"coordinates\": [1, 2]}",
        ] {
            assert!(decode(bad, "provinces").is_err(), "{bad}");
        }
    }
}
