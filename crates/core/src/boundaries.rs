//! Map geometry: the boundary files decoded into regions, a projection that
//! fits them to a viewport, and hit testing (which region is under a point).
//! Decoding by georust's `topojson`, geometry by `geo`.

use crate::zoom::{Fitted, MapZoom};
use crate::LoadError;
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

impl BoundaryError {
    /// What the map tells the reader when the boundary file at `url`
    /// cannot be used: that it is the map's boundary file, and (for the
    /// publisher) what is wrong with it, where the parser found it.
    pub fn load_error(&self, url: &str) -> LoadError {
        LoadError::Boundaries {
            url: url.to_string(),
            detail: self.0.clone(),
        }
    }
}

/// Decodes the object `object` of a TopoJSON text into regions. Each
/// geometry needs the properties `code` and `part` (see public/geo/README.md).
pub fn decode(text: &str, object: &str) -> Result<Vec<Region>, BoundaryError> {
    decode_object(text, Some(object))
}

/// Decodes the first object of a TopoJSON file, whatever its name: the
/// form publishers supply a commune layer in.
pub fn decode_first(text: &str) -> Result<Vec<Region>, BoundaryError> {
    decode_object(text, None)
}

fn decode_object(text: &str, object: Option<&str>) -> Result<Vec<Region>, BoundaryError> {
    let err = |m: String| BoundaryError(m);
    // Read as JSON first, so that a damaged file is reported where the
    // parser stopped (topojson only says "malformed JSON").
    let json: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(text).map_err(|e| {
            err(match e.classify() {
                serde_json::error::Category::Data => format!("not a JSON object: {e}"),
                _ => format!("not JSON: {e}"),
            })
        })?;
    let topo = match topojson::TopoJson::from_json_object(json) {
        Ok(topojson::TopoJson::Topology(t)) => t,
        Ok(_) => return Err(err("not a Topology".into())),
        Err(e) => return Err(err(format!("not TopoJSON: {e}"))),
    };
    let object = match object {
        Some(o) => o.to_string(),
        None => topo
            .objects
            .first()
            .map(|o| o.name.clone())
            .ok_or_else(|| err("the file has no objects".into()))?,
    };
    let features = topojson::to_geojson(&topo, &object)
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

/// An archipelago's ring in the inset (its islands are specks at this
/// scale): its name (a proper name, the same in both languages), the
/// ring's centre and radius in pixels. `None` for the mainland.
pub fn archipelago_ring(p: &Projection, r: &Region) -> Option<(&'static str, (f64, f64), f64)> {
    let label = match r.part {
        Part::HoangSa => "Hoàng Sa",
        Part::TruongSa => "Trường Sa",
        Part::Mainland => return None,
    };
    let (x0, y0) = p.project(r.bbox.min().x, r.bbox.max().y);
    let (x1, y1) = p.project(r.bbox.max().x, r.bbox.min().y);
    let radius = ((x1 - x0).hypot(y1 - y0) / 2.0 + 4.0).max(10.0);
    Some((label, ((x0 + x1) / 2.0, (y0 + y1) / 2.0), radius))
}

/// The boundary file of a unit set shipped with the site, relative to the
/// page.
pub fn boundary_file(unit_set: &str) -> Option<&'static str> {
    match unit_set {
        "vn-province-2025" => Some("geo/vn-provinces-2025.topo.json"),
        "vn-province-2008" => Some("geo/vn-provinces-2008.topo.json"),
        _ => None,
    }
}

/// A rectangle in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Frame {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }
}

/// Where everything goes on a map of `width` x `height` pixels: the
/// mainland fitted to the whole (or zoomed as a link asks), and Hoàng Sa and
/// Trường Sa in an inset box at a larger scale that does not zoom: in the
/// open sea east of the central coast, or in the bottom-right corner when
/// zoomed.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    /// The mainland's projection, zoomed as asked.
    pub main: Projection,
    /// The inset box, if the file has archipelagos. It does not zoom.
    pub inset: Option<(Frame, Projection)>,
    /// The whole-country view, from which gestures compute the next zoom.
    pub fitted: Fitted,
}

impl MapLayout {
    pub fn new(
        regions: &[Region],
        width: f64,
        height: f64,
        zoom: Option<MapZoom>,
    ) -> Option<MapLayout> {
        let pad = (width.min(height) * 0.03).max(4.0);
        let mainland = bounds(regions, Part::Mainland)?;
        let fit = Projection::fit(mainland, width, height, pad);
        let fitted = Fitted {
            scale: fit.scale,
            k: fit.k,
            width,
            height,
            centre: fit.invert(width / 2.0, height / 2.0),
            bounds: mainland,
        };
        let main = match zoom {
            Some(z) => {
                let s = fit.scale * z.level();
                Projection {
                    k: fit.k,
                    scale: s,
                    tx: width / 2.0 - z.lon() * fit.k * s,
                    ty: height / 2.0 + z.lat() * s,
                }
            }
            None => fit,
        };
        let islands = [Part::HoangSa, Part::TruongSa]
            .into_iter()
            .filter_map(|p| bounds(regions, p))
            .reduce(union);
        let inset = islands.map(|b| {
            // Between 20° and 15° N the coast lies furthest west of the
            // map's east edge: the open sea there holds the inset.
            // Zoomed in, the coast moves and any place covers some of it:
            // the bottom-right corner then hides least.
            let y = match zoom {
                None => height * 0.2,
                Some(_) => height * 0.68,
            };
            let frame = Frame {
                x: width * 0.77,
                y,
                w: width * 0.21,
                h: height * 0.3,
            };
            // Room for the rings and labels drawn around each archipelago.
            let p = Projection::fit(b, frame.w, frame.h, frame.w.min(frame.h) * 0.22);
            let shifted = Projection {
                tx: p.tx + frame.x,
                ty: p.ty + frame.y,
                ..p
            };
            (frame, shifted)
        });
        Some(MapLayout {
            main,
            inset,
            fitted,
        })
    }

    /// The projection a region is drawn with.
    pub fn projection_of(&self, region: &Region) -> &Projection {
        match (&self.inset, region.part) {
            (Some((_, p)), Part::HoangSa | Part::TruongSa) => p,
            _ => &self.main,
        }
    }

    /// The region under the pixel (x, y): in the inset box, the archipelagos
    /// (within a few pixels, as they are small); elsewhere, the mainland.
    pub fn locate(&self, regions: &[Region], x: f64, y: f64) -> Option<usize> {
        if let Some((frame, p)) = &self.inset {
            if frame.contains(x, y) {
                let tolerance = 6.0;
                return regions
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.part != Part::Mainland)
                    .find(|(_, r)| {
                        let (x0, y0) = p.project(r.bbox.min().x, r.bbox.max().y);
                        let (x1, y1) = p.project(r.bbox.max().x, r.bbox.min().y);
                        x >= x0 - tolerance
                            && x <= x1 + tolerance
                            && y >= y0 - tolerance
                            && y <= y1 + tolerance
                    })
                    .map(|(i, _)| i);
            }
        }
        let (lon, lat) = self.main.invert(x, y);
        hit(regions, lon, lat).filter(|&i| regions[i].part == Part::Mainland)
    }
}

/// A direction on the map, for keyboard navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

/// The centre used for navigation: the centroid of the largest polygon, so
/// that islands far offshore do not pull a province's centre into the sea.
pub fn anchor(region: &Region) -> (f64, f64) {
    use geo::{Area, Centroid};
    let largest = region
        .shape
        .0
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
    match largest.and_then(|p| p.centroid()) {
        Some(c) => (c.x(), c.y()),
        None => (region.bbox.center().x, region.bbox.center().y),
    }
}

/// The mainland region to move to from region `from` when an arrow key is
/// pressed: the nearest whose centre lies within 60° of `dir`, nearer ones
/// and straighter ones first. `None` at the edge of the map.
pub fn neighbour(regions: &[Region], from: usize, dir: Direction) -> Option<usize> {
    let (x0, y0) = anchor(regions.get(from)?);
    let k = y0.to_radians().cos();
    let want = match dir {
        Direction::Right => 0.0_f64,
        Direction::Up => std::f64::consts::FRAC_PI_2,
        Direction::Left => std::f64::consts::PI,
        Direction::Down => -std::f64::consts::FRAC_PI_2,
    };
    regions
        .iter()
        .enumerate()
        .filter(|(i, r)| *i != from && r.part == Part::Mainland)
        .filter_map(|(i, r)| {
            let (x, y) = anchor(r);
            let (dx, dy) = ((x - x0) * k, y - y0);
            let dist = dx.hypot(dy);
            let mut off = (dy.atan2(dx) - want).abs();
            if off > std::f64::consts::PI {
                off = 2.0 * std::f64::consts::PI - off;
            }
            (dist > 0.0 && off <= std::f64::consts::FRAC_PI_3)
                .then_some((i, dist * (1.0 + 2.0 * off / std::f64::consts::FRAC_PI_3)))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// The bounding box of the regions of `part`.
pub fn bounds(regions: &[Region], part: Part) -> Option<Rect<f64>> {
    regions
        .iter()
        .filter(|r| r.part == part)
        .map(|r| r.bbox)
        .reduce(union)
}

/// The smallest box holding both boxes.
fn union(a: Rect<f64>, b: Rect<f64>) -> Rect<f64> {
    Rect::new(
        (a.min().x.min(b.min().x), a.min().y.min(b.min().y)),
        (a.max().x.max(b.max().x), a.max().y.max(b.max().y)),
    )
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
    use crate::Lang;

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

    /// Guards zoom: a zoomed layout puts its centre where the link says,
    /// and a wheel zoom keeps the province under the pointer.
    #[test]
    fn zoomed_layout_centres_and_keeps_the_pointer_on_its_province() {
        use crate::zoom::{MapZoom, ZoomChange};
        let r34 = load("vn-provinces-2025.topo.json");
        let (w, h) = (400.0, 600.0);
        let z = MapZoom::new(8.0, 105.852, 21.028);
        let l = MapLayout::new(&r34, w, h, z).unwrap();
        let at = |l: &MapLayout, x, y| l.locate(&r34, x, y).map(|i| r34[i].code.clone());
        assert_eq!(at(&l, w / 2.0, h / 2.0).as_deref(), Some("01"));
        let (x, y) = l.main.project(105.852, 21.028);
        assert!((x - w / 2.0).abs() < 0.5 && (y - h / 2.0).abs() < 0.5);

        let fit = MapLayout::new(&r34, w, h, None).unwrap();
        let (x, y) = fit.main.project(106.698, 10.772); // Bến Thành
        let mut zoom = None;
        for _ in 0..6 {
            zoom = fit.fitted.apply(zoom, ZoomChange::By { factor: 1.5, x, y });
            let l = MapLayout::new(&r34, w, h, zoom).unwrap();
            assert_eq!(at(&l, x, y).as_deref(), Some("79"), "{zoom:?}");
        }
        assert!(zoom.unwrap().level() > 11.0);
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

    /// Guards keyboard navigation: every arrow leads the way it points, and
    /// stops at the edge of the country.
    #[test]
    fn arrows_lead_to_neighbours_in_their_direction() {
        let r34 = load("vn-provinces-2025.topo.json");
        let at = |code: &str| {
            r34.iter()
                .position(|r| r.code == code && r.part == Part::Mainland)
                .unwrap()
        };
        for from in 0..r34.len() {
            if r34[from].part != Part::Mainland {
                continue;
            }
            let (x0, y0) = anchor(&r34[from]);
            for (dir, ok) in [
                (
                    Direction::Up,
                    &(|_: f64, dy: f64| dy > 0.0) as &dyn Fn(f64, f64) -> bool,
                ),
                (Direction::Down, &|_, dy| dy < 0.0),
                (Direction::Left, &|dx, _| dx < 0.0),
                (Direction::Right, &|dx, _| dx > 0.0),
            ] {
                if let Some(to) = neighbour(&r34, from, dir) {
                    let (x, y) = anchor(&r34[to]);
                    assert!(
                        ok(x - x0, y - y0),
                        "{} {dir:?} -> {}",
                        r34[from].code,
                        r34[to].code
                    );
                    assert_eq!(r34[to].part, Part::Mainland);
                }
            }
        }
        // Cà Mau is the southern tip; Lào Cai and Cao Bằng are in the north.
        assert_eq!(neighbour(&r34, at("96"), Direction::Down), None);
        assert!(neighbour(&r34, at("01"), Direction::Down).is_some());
        let north_of_hanoi = neighbour(&r34, at("01"), Direction::Up).map(|i| r34[i].code.clone());
        assert!(north_of_hanoi.is_some());
        // Every unit can be reached from Hà Nội by arrows alone.
        let mut seen = std::collections::HashSet::from([at("01")]);
        let mut todo = vec![at("01")];
        while let Some(i) = todo.pop() {
            for dir in [
                Direction::Up,
                Direction::Down,
                Direction::Left,
                Direction::Right,
            ] {
                if let Some(j) = neighbour(&r34, i, dir) {
                    if seen.insert(j) {
                        todo.push(j);
                    }
                }
            }
        }
        assert_eq!(seen.len(), 34, "all 34 reachable by keyboard");
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
    fn layout_puts_the_archipelagos_in_an_inset() {
        let r34 = load("vn-provinces-2025.topo.json");
        let l = MapLayout::new(&r34, 500.0, 800.0, None).unwrap();
        let (frame, _) = l.inset.as_ref().unwrap();
        for (i, r) in r34.iter().enumerate() {
            let p = l.projection_of(r);
            let (x, y) = p.project(r.bbox.center().x, r.bbox.center().y);
            assert!(
                x > 0.0 && x < 500.0 && y > 0.0 && y < 800.0,
                "{} drawn inside",
                r.code
            );
            if r.part == Part::Mainland {
                let (lon, lat) = anchor(r);
                let (x, y) = l.main.project(lon, lat);
                if !frame.contains(x, y) && r.shape.contains(&Point::new(lon, lat)) {
                    assert_eq!(
                        l.locate(&r34, x, y),
                        Some(i),
                        "{} found at its centre",
                        r.code
                    );
                }
            } else {
                assert!(frame.contains(x, y), "{:?} in the inset", r.part);
                assert_eq!(l.locate(&r34, x, y).map(|j| r34[j].part), Some(r.part));
            }
        }
        assert_eq!(l.locate(&r34, 1.0, 1.0), None, "the corner is sea");
        // The inset covers no part of the mainland, at phone and desktop shapes.
        for (w, h) in [(500.0, 800.0), (330.0, 478.5), (680.0, 900.0)] {
            let l = MapLayout::new(&r34, w, h, None).unwrap();
            let (frame, _) = l.inset.as_ref().unwrap();
            for r in r34.iter().filter(|r| r.part == Part::Mainland) {
                for c in r.shape.0.iter().flat_map(|p| p.exterior().0.iter()) {
                    let (x, y) = l.main.project(c.x, c.y);
                    assert!(
                        !frame.contains(x, y),
                        "{} reaches into the inset at {x:.0},{y:.0} ({w}x{h})",
                        r.code
                    );
                }
            }
        }
        assert_eq!(
            boundary_file("vn-province-2025"),
            Some("geo/vn-provinces-2025.topo.json")
        );
        assert_eq!(boundary_file("synthetic-communes"), None);
    }

    /// Guards what a reader is told when a boundary file is broken: that
    /// the map's boundary file is at fault (not the data), in both
    /// languages, and, for the publisher, what is wrong and where the
    /// parser really stopped (no made-up line and column).
    #[test]
    fn a_broken_boundary_file_is_reported_as_what_it_is() {
        let cut = "{\n  \"type\": \"Topology\",\n  \"objects\": {\n";
        let e = decode_first(cut).unwrap_err();
        assert_eq!(
            e.0,
            "not JSON: EOF while parsing an object at line 4 column 0"
        );
        let page = "<!doctype html>\n<title>Not found</title>";
        assert_eq!(
            decode_first(page).unwrap_err().0,
            "not JSON: expected value at line 1 column 1"
        );
        let no_code = r#"{"type":"Topology","arcs":[[[0,0],[1,0],[0,1],[-1,-1]]],
            "objects":{"x":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","arcs":[[0]],"properties":{"part":"mainland"}}]}}}"#;
        assert_eq!(
            decode_first(no_code).unwrap_err().0,
            "geometry 0 has no code"
        );
        let load = e.load_error("geo/x.topo.json");
        assert_eq!(
            load,
            LoadError::Boundaries {
                url: "geo/x.topo.json".into(),
                detail: e.0.clone()
            }
        );
        let (vi, en) = (load.message(Lang::Vi), load.message(Lang::En));
        assert!(
            en.contains("boundary file") && !en.contains("data file"),
            "{en}"
        );
        assert!(
            vi.contains("tệp ranh giới") && !vi.contains("tệp dữ liệu"),
            "{vi}"
        );
        assert!(
            !en.contains("line 1, column 1") && !vi.contains("dòng 1"),
            "{en} {vi}"
        );
        assert_eq!(load.detail(), Some(e.0.as_str()));
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
