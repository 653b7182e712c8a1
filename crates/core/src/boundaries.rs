//! Map geometry: the boundary files decoded into regions, a projection that
//! fits them to a viewport, and hit testing (which region is under a point).
//! Decoding by [`crate::topo`], geometry by `geo`.

use crate::data::Text;
use crate::zoom::{Fitted, MapZoom};
use crate::{LoadError, Msg};
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
    /// The unit's name, where the file gives it (`name`, `name_en`: the
    /// commune files do).
    pub name: Option<Text>,
    /// Ward, commune or special zone (`type`), where the file says.
    pub kind: Option<String>,
    /// The code of the province it belongs to (`province`), where the file
    /// says.
    pub parent: Option<String>,
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
    let geometries = crate::topo::read(text, object).map_err(err)?;
    let mut regions = Vec::with_capacity(geometries.len());
    for (i, (feature, shape)) in geometries.into_iter().enumerate() {
        let prop = |k: &str| feature.text(k);
        let code = prop("code").ok_or_else(|| err(format!("geometry {i} has no code")))?;
        let part = match prop("part").as_deref() {
            None | Some("mainland") => Part::Mainland,
            Some("hoang-sa") => Part::HoangSa,
            Some("truong-sa") => Part::TruongSa,
            Some(other) => {
                let other = crate::text::quoted(other);
                return Err(err(format!("geometry {i}: unknown part {other}")));
            }
        };
        let shape = shape.ok_or_else(|| err(format!("geometry {i} ({code}) is not a polygon")))?;
        let bbox = shape
            .bounding_rect()
            .ok_or_else(|| err(format!("geometry {i} ({code}) has no points")))?;
        let name = prop("name").map(|vi| Text {
            en: prop("name_en").unwrap_or_else(|| vi.clone()),
            vi,
        });
        regions.push(Region {
            code,
            part,
            name,
            kind: prop("type"),
            parent: prop("province"),
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

/// The unit set of the 34 provinces from 1 July 2025, whose borders are
/// drawn over the communes.
pub const PROVINCES_2025: &str = "vn-province-2025";

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

/// The shipped boundaries of the communes of 1 July 2025: the whole
/// country's (simplified for the browser), or one province's, finer, when
/// the map is drilled into it.
pub fn commune_file(province: Option<&str>) -> String {
    match province {
        Some(code) => format!("geo/communes/{code}.topo.json"),
        None => "geo/vn-communes-2025.topo.json".to_string(),
    }
}

/// Where the shipped boundaries of a unit set come from, as the credit
/// line under a map names them: the official map for the units of 2025
/// (the 34, and the 3,321 communes of the built-in set), Natural Earth for
/// the 63 before. `None` for a publisher's own layer (the map credits its
/// file instead).
pub fn boundaries_credit(unit_set: &str) -> Option<Msg> {
    match unit_set {
        "vn-province-2025" | "vn-commune-2025" => Some(Msg::BoundariesCreditOfficial),
        "vn-province-2008" => Some(Msg::BoundariesCredit),
        _ => None,
    }
}

/// Inside an inset's frame: the height kept at the top for the
/// archipelago's name (two lines), at the foot for its scale bar, and the
/// padding at the sides, in CSS pixels.
pub const INSET_LABEL: f64 = 30.0;
pub const INSET_BAR: f64 = 17.0;
pub const INSET_PAD: f64 = 5.0;

/// One archipelago in its own box, at its own scale (larger than the
/// mainland's for Hoàng Sa, so its islands show; the most the sea beside
/// the coast allows for Trường Sa, which is wider than the mainland).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inset {
    pub part: Part,
    /// The box, its name at the top and its scale bar at the foot.
    pub frame: Frame,
    /// Projects the archipelago between the name and the scale bar.
    pub projection: Projection,
}

/// Where everything goes on a map of `width` x `height` pixels: the
/// mainland fitted to the whole (or zoomed as a link asks), and Hoàng Sa and
/// Trường Sa each in an inset box, one above the other, in the open sea off
/// the northern coast, at the right edge: at scales of their own that do
/// not zoom, in boxes placed clear of the whole country's mainland.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    /// The mainland's projection, zoomed as asked.
    pub main: Projection,
    /// The archipelagos' boxes (none if the file has no archipelago). They
    /// do not zoom.
    pub insets: Vec<Inset>,
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
        Some(MapLayout {
            main,
            insets: insets(regions, &fit, width, height),
            fitted,
        })
    }

    /// The projection a region is drawn with.
    pub fn projection_of(&self, region: &Region) -> &Projection {
        self.insets
            .iter()
            .find(|i| i.part == region.part)
            .map_or(&self.main, |i| &i.projection)
    }

    /// The region under the pixel (x, y): in an inset box, its archipelago
    /// (anywhere in the box, as the islands are small); elsewhere, the
    /// mainland.
    pub fn locate(&self, regions: &[Region], x: f64, y: f64) -> Option<usize> {
        if let Some(inset) = self.insets.iter().find(|i| i.frame.contains(x, y)) {
            return regions.iter().position(|r| r.part == inset.part);
        }
        let (lon, lat) = self.main.invert(x, y);
        hit(regions, lon, lat).filter(|&i| regions[i].part == Part::Mainland)
    }
}

/// The corners of the map an inset may stand in, (top, right), in order
/// of preference: the east first, where the archipelagos are (on the whole
/// country's map, the open sea off the northern coast holds both); the
/// west only if the east has no room.
const CORNERS: [&[(bool, bool)]; 2] = [
    &[(true, true), (false, true)],
    &[(true, false), (false, false)],
];

/// The archipelagos' boxes on a `width` x `height` map whose whole
/// mainland is projected by `fit`: Hoàng Sa first, then Trường Sa, each in
/// the corner where it can be drawn largest (east before west, then top
/// before bottom: [`CORNERS`]), stacked under (or over) a box already in that corner, as
/// wide as the sea beside the coast in the rows it takes allows and as
/// tall as its shape then needs, within its share of the height. If no
/// corner has room (a layer whose land fills the map), the top right, over
/// the land.
fn insets(regions: &[Region], fit: &Projection, width: f64, height: f64) -> Vec<Inset> {
    let mut out: Vec<Inset> = Vec::with_capacity(2);
    let parts = [(Part::HoangSa, 0.22), (Part::TruongSa, 0.2)];
    if parts
        .iter()
        .all(|(p, _)| regions.iter().all(|r| r.part != *p))
    {
        return out;
    }
    let coast = Coast::new(regions, fit);
    for (part, share) in parts {
        let Some(b) = bounds(regions, part) else {
            continue;
        };
        let room = Room {
            coast: &coast,
            width,
            height,
            share,
            placed: &out,
        };
        let best = CORNERS.iter().find_map(|side| {
            side.iter()
                .filter_map(|&corner| room.place(b, part, corner, false))
                .fold(None, |best: Option<Inset>, i| match best {
                    Some(b) if b.projection.scale >= i.projection.scale => Some(b),
                    _ => Some(i),
                })
        });
        if let Some(inset) = best.or_else(|| room.place(b, part, (true, true), true)) {
            out.push(inset);
        }
    }
    out
}

/// What an inset is placed among: the mainland's coast, the map's size,
/// the share of its height a box may take, the boxes placed.
struct Room<'a> {
    coast: &'a Coast<'a>,
    width: f64,
    height: f64,
    share: f64,
    placed: &'a [Inset],
}

impl Room<'_> {
    /// The box of the archipelago `b` in the corner (`top`, `right`): its
    /// rows from the corner (past a box already there), its inner side
    /// clear of the coast in the rows it takes. `None` if there is no room
    /// for a useful box, unless `anyway` (then a fifth of the map wide).
    fn place(
        &self,
        b: Rect<f64>,
        part: Part,
        (top, right): (bool, bool),
        anyway: bool,
    ) -> Option<Inset> {
        let (w, h) = (self.width, self.height);
        let margin = (w.min(h) * 0.015).max(3.0);
        let gap = 2.0 * margin;
        // The rows of the corner: from its edge, or past the boxes there.
        let beside = |i: &&Inset| {
            let (x, y) = (i.frame.x + i.frame.w / 2.0, i.frame.y + i.frame.h / 2.0);
            (x > w / 2.0) == right && (y < h / 2.0) == top
        };
        let start = match top {
            true => self
                .placed
                .iter()
                .filter(beside)
                .map(|i| i.frame.y + i.frame.h + gap)
                .fold(h * 0.02, f64::max),
            false => self
                .placed
                .iter()
                .filter(beside)
                .map(|i| i.frame.y - gap)
                .fold(h * 0.98, f64::min),
        };
        let most = h * self.share;
        // The rows a box `tall` pixels high takes.
        let rows = |tall: f64| match top {
            true => (start, start + tall),
            false => (start - tall, start),
        };
        // How wide a box may be, clear of the coast in the rows a box
        // `tall` high takes (with a gap), from the map's edge.
        let across = |tall: f64| {
            let (y0, y1) = rows(tall);
            let rows = (y0 - margin, y1 + margin);
            let span = match right {
                true => w - margin - (self.coast.east(rows) + gap).max(margin),
                false => (self.coast.west(rows) - gap).min(w - margin) - margin,
            };
            if anyway {
                span.max(w * 0.2)
            } else {
                span
            }
        };
        // The archipelago's size in pixels in a box that wide.
        let size = |span: f64| {
            let p = Projection::fit(
                b,
                (span - 2.0 * INSET_PAD).max(1.0),
                (most - INSET_LABEL - INSET_BAR).max(1.0),
                0.0,
            );
            (b.width() * p.k * p.scale, b.height() * p.scale)
        };
        let tall = |span: f64| size(span).1 + INSET_LABEL + INSET_BAR;
        // A box as wide as is clear of the coast in all the rows it may
        // take fits. A wider one takes more rows, where the coast may come
        // nearer: the widest that is still clear in the rows it takes lies
        // between that and the width clear in the first one's rows.
        let (mut span, mut wider) = (across(most), across(tall(across(most))));
        for _ in 0..16 {
            let mid = (span + wider) / 2.0;
            if across(tall(mid)) >= mid {
                span = mid;
            } else {
                wider = mid;
            }
        }
        let (cw, ch) = size(span);
        if !anyway && (cw < 40.0 || ch < 24.0) {
            return None;
        }
        // As wide as the shape, or as the names need (a quarter of the map).
        let frame_w = (cw + 2.0 * INSET_PAD).max(span.min(w * 0.25));
        let frame_h = ch + INSET_LABEL + INSET_BAR;
        let frame = Frame {
            x: if right { w - margin - frame_w } else { margin },
            y: rows(frame_h).0,
            w: frame_w,
            h: frame_h,
        };
        let overlaps = self.placed.iter().any(|i| {
            let f = i.frame;
            frame.x < f.x + f.w + gap
                && f.x < frame.x + frame.w + gap
                && frame.y < f.y + f.h + gap
                && f.y < frame.y + frame.h + gap
        });
        if (overlaps && !anyway) || frame.y < 0.0 || frame.y + frame.h > h {
            return None;
        }
        let p = Projection::fit(b, frame.w - 2.0 * INSET_PAD, ch, 0.0);
        Some(Inset {
            part,
            frame,
            projection: Projection {
                tx: p.tx + frame.x + INSET_PAD,
                ty: p.ty + frame.y + INSET_LABEL,
                ..p
            },
        })
    }
}

/// The mainland in pixels, to find how near it comes to the map's edges
/// in some rows: its regions' boxes sorted by how far east (and west) they
/// reach, so that a search stops at the first box that cannot reach
/// further than what is found (a commune layer has thousands of regions;
/// the layout is made again on every zoom).
struct Coast<'a> {
    regions: &'a [Region],
    p: &'a Projection,
    /// Each mainland region's box in pixels, (x0, y0, x1, y1), and its
    /// index: by x1, furthest east first.
    by_east: Vec<([f64; 4], usize)>,
    /// The same, by x0, furthest west first.
    by_west: Vec<([f64; 4], usize)>,
}

impl<'a> Coast<'a> {
    fn new(regions: &'a [Region], p: &'a Projection) -> Coast<'a> {
        let mut by_east: Vec<([f64; 4], usize)> = regions
            .iter()
            .enumerate()
            .filter(|(_, r)| r.part == Part::Mainland)
            .map(|(i, r)| {
                let (x0, y0) = p.project(r.bbox.min().x, r.bbox.max().y);
                let (x1, y1) = p.project(r.bbox.max().x, r.bbox.min().y);
                ([x0, y0, x1, y1], i)
            })
            .collect();
        let mut by_west = by_east.clone();
        by_east.sort_by(|a, b| b.0[2].total_cmp(&a.0[2]));
        by_west.sort_by(|a, b| a.0[0].total_cmp(&b.0[0]));
        Coast {
            regions,
            p,
            by_east,
            by_west,
        }
    }

    /// Calls `f` with the ends of every border segment of region `i` that
    /// reaches between the rows `y0` and `y1` (so a long straight coast
    /// between two points is counted).
    fn segments(&self, i: usize, (y0, y1): (f64, f64), mut f: impl FnMut(f64, f64)) {
        for polygon in &self.regions[i].shape.0 {
            for line in polygon.exterior().lines() {
                let (xa, ya) = self.p.project(line.start.x, line.start.y);
                let (xb, yb) = self.p.project(line.end.x, line.end.y);
                if ya.max(yb) >= y0 && ya.min(yb) <= y1 {
                    f(xa, xb);
                }
            }
        }
    }

    /// The rightmost pixel of the mainland between the rows `y0` and `y1`;
    /// 0 if it has none there.
    fn east(&self, (y0, y1): (f64, f64)) -> f64 {
        let mut east = 0.0_f64;
        for &([_, by0, bx1, by1], i) in &self.by_east {
            if bx1 <= east {
                break;
            }
            if by1 >= y0 && by0 <= y1 {
                self.segments(i, (y0, y1), |a, b| east = east.max(a.max(b)));
            }
        }
        east
    }

    /// The leftmost pixel of the mainland between the rows `y0` and `y1`;
    /// +∞ if it has none there.
    fn west(&self, (y0, y1): (f64, f64)) -> f64 {
        let mut west = f64::INFINITY;
        for &([bx0, by0, _, by1], i) in &self.by_west {
            if bx0 >= west {
                break;
            }
            if by1 >= y0 && by0 <= y1 {
                self.segments(i, (y0, y1), |a, b| west = west.min(a.min(b)));
            }
        }
        west
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
/// that islands far offshore do not pull a province's centre into the sea;
/// where that centroid falls outside the polygon (a crescent, such as Hồ
/// Chí Minh City since 2025), a point inside it.
pub fn anchor(region: &Region) -> (f64, f64) {
    use geo::{Area, Centroid};
    let largest = region
        .shape
        .0
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
    let inside = largest.and_then(|p| {
        p.centroid()
            .filter(|c| p.contains(c))
            .or_else(|| scan_interior(p))
    });
    match inside {
        Some(c) => (c.x(), c.y()),
        None => (region.bbox.center().x, region.bbox.center().y),
    }
}

/// A point inside polygon `p`: the middle of the widest stretch of the
/// horizontal line through its bounding box's middle that lies inside it
/// (even-odd crossings of every ring). A few lines where geo's
/// `InteriorPoint` would bring its whole intersection machinery into the
/// wasm (about 30 KB gzipped).
fn scan_interior(p: &geo::Polygon<f64>) -> Option<Point<f64>> {
    let bbox = p.bounding_rect()?;
    let y = (bbox.min().y + bbox.max().y) / 2.0;
    let mut xs: Vec<f64> = std::iter::once(p.exterior())
        .chain(p.interiors())
        .flat_map(|ring| ring.lines())
        .filter(|l| (l.start.y > y) != (l.end.y > y))
        .map(|l| l.start.x + (y - l.start.y) * (l.end.x - l.start.x) / (l.end.y - l.start.y))
        .collect();
    xs.sort_by(f64::total_cmp);
    xs.chunks_exact(2)
        .max_by(|a, b| (a[1] - a[0]).total_cmp(&(b[1] - b[0])))
        .map(|w| Point::new((w[0] + w[1]) / 2.0, y))
}

/// The mainland region to move to from region `from` when an arrow key is
/// pressed: the nearest whose centre lies within 60° of `dir`, nearer ones
/// and straighter ones first. `None` at the edge of the map.
pub fn neighbour(regions: &[Region], from: usize, dir: Direction) -> Option<usize> {
    let (x0, y0) = anchor(regions.get(from)?);
    let k = cos_deg(y0);
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

/// The cosine of `deg` degrees (a latitude), as exact as the standard
/// library's (within 5e-16), without it: libm's `cos` reduces any double,
/// however large, to its quarter turn, some 4 KB of wasm (tables and
/// code) in every build for a number that is never over 90. Here the
/// angle is brought within half a turn, then within a quarter, and
/// `cos x = 1 - 2 sin²(x/2)` with `sin` by its series to `x^17` (for
/// `|x/2| <= pi/4` the first term left out is under 1e-19).
pub fn cos_deg(deg: f64) -> f64 {
    // Within -180..=180 (`round` is one wasm instruction).
    let d = deg - 360.0 * (deg / 360.0).round();
    let (d, sign) = if d.abs() > 90.0 {
        (180.0 - d.abs(), -1.0)
    } else {
        (d, 1.0)
    };
    let h = d.to_radians() / 2.0;
    let h2 = h * h;
    // sin h = h (1 - h²/(2·3) (1 - h²/(4·5) (1 - …))), innermost first.
    let mut s = 1.0;
    for n in (1..=8).rev() {
        let n = f64::from(n);
        s = 1.0 - h2 / ((2.0 * n) * (2.0 * n + 1.0)) * s;
    }
    let sin = h * s;
    sign * (1.0 - 2.0 * sin * sin)
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
        let k = cos_deg(mid);
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

    /// Pixels per kilometre on the ground (at the middle latitude; a
    /// degree of latitude is 111.2 km), for a scale bar.
    pub fn px_per_km(&self) -> f64 {
        self.scale / 111.2
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
    /// Guards the projection's cosine, written without libm's: as the
    /// standard library's within 5e-16 (two steps of a double near 1) at
    /// every latitude and beyond (a malformed file's), whole turns and
    /// negative angles included.
    #[test]
    fn the_cosine_of_a_latitude_is_the_standard_one() {
        let worst = |range: std::ops::RangeInclusive<i32>, step: f64| {
            range
                .map(|i| f64::from(i) * step)
                .map(|deg| (super::cos_deg(deg) - deg.to_radians().cos()).abs())
                .fold(0.0, f64::max)
        };
        // Latitudes.
        let lat = worst(-90_000..=90_000, 0.001);
        assert!(lat < 5e-16, "off by {lat:e}");
        // Beyond (the reference rounds its own conversion to radians).
        let beyond = worst(-40_000..=40_000, 0.0173);
        assert!(beyond < 1e-14, "off by {beyond:e}");
        assert_eq!(super::cos_deg(0.0), 1.0);
        assert!(super::cos_deg(90.0).abs() < 5e-16);
        assert!((super::cos_deg(180.0) + 1.0).abs() < 5e-16);
        assert!((super::cos_deg(720.0 + 60.0) - 0.5).abs() < 1e-15);
    }

    /// Guards the anchor of a unit whose centroid lies outside it (a "U",
    /// as Hồ Chí Minh City's crescent): the point found is inside.
    #[test]
    fn a_u_shaped_unit_is_anchored_inside_it() {
        use geo::{Centroid, Contains, LineString, Polygon};
        let u = Polygon::new(
            LineString::from(vec![
                (0.0, 0.0),
                (3.0, 0.0),
                (3.0, 3.0),
                (2.0, 3.0),
                (2.0, 1.0),
                (1.0, 1.0),
                (1.0, 3.0),
                (0.0, 3.0),
                (0.0, 0.0),
            ]),
            vec![],
        );
        assert!(!u.contains(&u.centroid().unwrap()));
        let p = scan_interior(&u).expect("a point");
        assert!(u.contains(&p), "{p:?}");
    }

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
        // The archipelagos as the official map draws them: Hoàng Sa east
        // of Đà Nẵng, to 112.7° E; Trường Sa to the south-east, from the
        // banks off Khánh Hòa's shelf (109.5° E) to 117.8° E.
        let hs = bounds(&r34, Part::HoangSa).unwrap();
        assert!(
            hs.min().x > 111.0 && hs.max().x > 112.6 && hs.min().y > 15.5 && hs.max().y < 17.5,
            "Hoàng Sa is east of Đà Nẵng: {hs:?}"
        );
        let ts = bounds(&r34, Part::TruongSa).unwrap();
        assert!(
            ts.min().x > 109.0 && ts.max().x > 117.7 && ts.min().y > 6.0 && ts.max().y < 12.0,
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

    /// Guards the insets: each archipelago in its own box, at a scale where
    /// its islands show (every island inside its box, the largest some
    /// pixels across), named and found by the pointer there; the boxes
    /// apart, on the map, clear of the mainland at phone and desktop
    /// shapes, and where they were when zoomed.
    #[test]
    fn layout_puts_each_archipelago_in_its_own_inset() {
        let r34 = load("vn-provinces-2025.topo.json");
        let l = MapLayout::new(&r34, 500.0, 800.0, None).unwrap();
        let parts: Vec<Part> = l.insets.iter().map(|i| i.part).collect();
        assert_eq!(parts, [Part::HoangSa, Part::TruongSa], "Hoàng Sa on top");
        let under_inset = |x, y| l.insets.iter().any(|i| i.frame.contains(x, y));
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
                assert!(r.shape.contains(&Point::new(lon, lat)), "{}", r.code);
                if !under_inset(x, y) {
                    assert_eq!(
                        l.locate(&r34, x, y),
                        Some(i),
                        "{} found at its centre",
                        r.code
                    );
                }
            } else {
                let inset = l.insets.iter().find(|i| i.part == r.part).unwrap();
                assert!(inset.frame.contains(x, y), "{:?} in its inset", r.part);
                assert_eq!(l.locate(&r34, x, y).map(|j| r34[j].part), Some(r.part));
            }
        }
        assert_eq!(l.locate(&r34, 1.0, 1.0), None, "the corner is sea");

        for (w, h) in [
            (500.0, 800.0),
            (330.0, 478.5),
            (640.0, 928.0),
            (680.0, 900.0),
            (1000.0, 900.0),
        ] {
            let l = MapLayout::new(&r34, w, h, None).unwrap();
            let [a, b] = l.insets.as_slice() else {
                panic!("two insets at {w}x{h}")
            };
            assert!(
                a.frame.y + a.frame.h < b.frame.y,
                "apart, Hoàng Sa above ({w}x{h})"
            );
            for inset in &l.insets {
                let f = inset.frame;
                assert!(
                    f.x > 0.0 && f.x + f.w < w && f.y > 0.0 && f.y + f.h < h,
                    "{:?} on the map ({w}x{h}): {f:?}",
                    inset.part
                );
                // Every island between the name and the scale bar.
                for r in r34.iter().filter(|r| r.part == inset.part) {
                    for c in r.shape.0.iter().flat_map(|p| p.exterior().0.iter()) {
                        let (x, y) = inset.projection.project(c.x, c.y);
                        assert!(
                            x >= f.x + INSET_PAD - 0.01
                                && x <= f.x + f.w - INSET_PAD + 0.01
                                && y >= f.y + INSET_LABEL - 0.01
                                && y <= f.y + f.h - INSET_BAR + 0.01,
                            "{:?}: an island at {x:.0},{y:.0} outside {f:?} ({w}x{h})",
                            inset.part
                        );
                    }
                }
            }
            // No box covers any part of the mainland.
            for r in r34.iter().filter(|r| r.part == Part::Mainland) {
                for c in r.shape.0.iter().flat_map(|p| p.exterior().0.iter()) {
                    let (x, y) = l.main.project(c.x, c.y);
                    for inset in &l.insets {
                        assert!(
                            !inset.frame.contains(x, y),
                            "{} reaches into the {:?} inset at {x:.0},{y:.0} ({w}x{h})",
                            r.code,
                            inset.part
                        );
                    }
                }
            }
        }

        // At the static images' width, the islands show: Hoàng Sa at a
        // larger scale than the mainland, the largest island of each some
        // pixels across.
        let l = MapLayout::new(&r34, 640.0, 928.0, None).unwrap();
        let widest = |part: Part| {
            let inset = l.insets.iter().find(|i| i.part == part).unwrap();
            let r = r34.iter().find(|r| r.part == part).unwrap();
            r.shape
                .0
                .iter()
                .filter_map(|p| p.bounding_rect())
                .map(|b| {
                    let (x0, y0) = inset.projection.project(b.min().x, b.max().y);
                    let (x1, y1) = inset.projection.project(b.max().x, b.min().y);
                    (x1 - x0).max(y1 - y0)
                })
                .fold(0.0, f64::max)
        };
        let hs = &l.insets[0].projection;
        assert!(
            hs.px_per_km() > 1.5 * l.main.px_per_km(),
            "{} px/km",
            hs.px_per_km()
        );
        assert!(widest(Part::HoangSa) > 12.0, "{}", widest(Part::HoangSa));
        assert!(widest(Part::TruongSa) > 5.0, "{}", widest(Part::TruongSa));

        // Zoomed, the boxes stay where they were.
        let z = MapZoom::new(8.0, 108.2, 16.05);
        let zoomed = MapLayout::new(&r34, 500.0, 800.0, z).unwrap();
        assert_eq!(
            zoomed.insets,
            MapLayout::new(&r34, 500.0, 800.0, None).unwrap().insets
        );

        // A file with one archipelago (a province's communes) has one box.
        let khanh_hoa: Vec<Region> = r34.iter().filter(|r| r.code == "56").cloned().collect();
        let l = MapLayout::new(&khanh_hoa, 500.0, 800.0, None).unwrap();
        assert_eq!(
            l.insets.iter().map(|i| i.part).collect::<Vec<_>>(),
            [Part::TruongSa]
        );

        assert_eq!(
            boundary_file("vn-province-2025"),
            Some("geo/vn-provinces-2025.topo.json")
        );
        assert_eq!(boundary_file("synthetic-communes"), None);
        assert_eq!(
            boundaries_credit("vn-province-2025"),
            Some(Msg::BoundariesCreditOfficial)
        );
        assert_eq!(
            boundaries_credit("vn-province-2008"),
            Some(Msg::BoundariesCredit)
        );
        assert_eq!(
            boundaries_credit("vn-commune-2025"),
            Some(Msg::BoundariesCreditOfficial)
        );
        assert_eq!(boundaries_credit("synthetic-communes"), None);
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
