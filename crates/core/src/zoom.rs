//! Zoom and pan of the map, as kept in the URL (`?zoom=level/lat/lon`, the
//! order OpenStreetMap's links use) and as gestures change it.
//!
//! The state is stored in fixed point (hundredths of a level, thousandths of
//! a degree, about 110 m) so that it compares exactly and survives a round
//! trip through a link unchanged. Level 1 is the whole country fitted to the
//! map; it is never stored: "not zoomed" is `None`, so the default view has
//! no `zoom=` in its link.

use geo::Rect;
use std::fmt;

/// The closest the map may zoom in: a commune fills a phone screen.
pub const MAX_LEVEL: f64 = 32.0;

/// A zoomed view: how far in, and which point is at the centre.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MapZoom {
    /// Level in hundredths (150 = 1.5x), above 100.
    level: u32,
    /// Latitude of the centre, thousandths of a degree.
    lat: i32,
    /// Longitude of the centre, thousandths of a degree.
    lon: i32,
}

impl MapZoom {
    /// A zoom of `level` centred on (`lon`, `lat`), rounded to what a link
    /// keeps; `None` when `level` is 1 or less (the fitted view) or any
    /// number is not finite.
    pub fn new(level: f64, lon: f64, lat: f64) -> Option<MapZoom> {
        if !(level.is_finite() && lon.is_finite() && lat.is_finite()) {
            return None;
        }
        let level = (level.min(MAX_LEVEL) * 100.0).round();
        (level > 100.0).then(|| MapZoom {
            level: level as u32,
            lat: (lat.clamp(-90.0, 90.0) * 1000.0).round() as i32,
            lon: (lon.clamp(-180.0, 180.0) * 1000.0).round() as i32,
        })
    }

    /// How far in: 2.0 is twice the fitted scale.
    pub fn level(&self) -> f64 {
        f64::from(self.level) / 100.0
    }

    /// The longitude at the centre of the map.
    pub fn lon(&self) -> f64 {
        f64::from(self.lon) / 1000.0
    }

    /// The latitude at the centre of the map.
    pub fn lat(&self) -> f64 {
        f64::from(self.lat) / 1000.0
    }

    /// Reads a `?zoom=` value (`level/lat/lon`); anything else gives `None`.
    pub fn parse(value: &str) -> Option<MapZoom> {
        let mut parts = value.trim().split('/');
        let mut next = || parts.next()?.trim().parse::<f64>().ok();
        let (level, lat, lon) = (next()?, next()?, next()?);
        if parts.next().is_some() || !(-90.0..=90.0).contains(&lat) {
            return None;
        }
        MapZoom::new(level, lon, lat)
    }
}

/// The `?zoom=` value: `level/lat/lon`, as short as exact.
impl fmt::Display for MapZoom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.level(), self.lat(), self.lon())
    }
}

/// A zoom gesture or button, in screen terms.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ZoomChange {
    /// Multiply the level by `factor`, keeping the point (`x`, `y`) where it
    /// is on screen (wheel, pinch, buttons at the centre).
    By { factor: f64, x: f64, y: f64 },
    /// Move the map by (`dx`, `dy`) pixels (drag, keys).
    Pan { dx: f64, dy: f64 },
    /// Back to the whole country.
    Reset,
}

/// The pixel scale of the fitted view and how it places longitude and
/// latitude, as [`crate::boundaries::Projection`] has it, for the arithmetic
/// below.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fitted {
    /// Pixels per degree of latitude at level 1.
    pub scale: f64,
    /// cos(mid-latitude): degrees of longitude are this much shorter.
    pub k: f64,
    /// Map size in pixels.
    pub width: f64,
    pub height: f64,
    /// The centre of the fitted view.
    pub centre: (f64, f64),
    /// The area the centre may move in (the mainland's bounding box), so a
    /// drag cannot lose the country off screen.
    pub bounds: Rect<f64>,
}

impl Fitted {
    /// The zoom after `change`, from `current` (`None`: not zoomed).
    pub fn apply(&self, current: Option<MapZoom>, change: ZoomChange) -> Option<MapZoom> {
        let (level, (lon, lat)) = match current {
            Some(z) => (z.level(), (z.lon(), z.lat())),
            None => (1.0, self.centre),
        };
        match change {
            ZoomChange::Reset => None,
            ZoomChange::Pan { dx, dy } => {
                current?;
                let s = self.scale * level;
                self.clamped(level, lon - dx / (self.k * s), lat + dy / s)
            }
            ZoomChange::By { factor, x, y } => {
                if !(factor.is_finite() && factor > 0.0) {
                    return current;
                }
                let next = (level * factor).clamp(1.0, MAX_LEVEL);
                if next <= 1.0 + 1e-9 {
                    return None;
                }
                // The point under (x, y) now stays under (x, y).
                let s = self.scale * level;
                let (px, py) = (
                    lon + (x - self.width / 2.0) / (self.k * s),
                    lat - (y - self.height / 2.0) / s,
                );
                let s2 = self.scale * next;
                self.clamped(
                    next,
                    px - (x - self.width / 2.0) / (self.k * s2),
                    py + (y - self.height / 2.0) / s2,
                )
            }
        }
    }

    fn clamped(&self, level: f64, lon: f64, lat: f64) -> Option<MapZoom> {
        let (min, max) = (self.bounds.min(), self.bounds.max());
        MapZoom::new(level, lon.clamp(min.x, max.x), lat.clamp(min.y, max.y))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::coord;

    fn fitted() -> Fitted {
        Fitted {
            scale: 40.0,
            k: 0.95,
            width: 400.0,
            height: 600.0,
            centre: (106.0, 16.0),
            bounds: Rect::new(coord! { x: 102.0, y: 8.5 }, coord! { x: 110.0, y: 23.5 }),
        }
    }

    /// Guards shareable zoomed links: parse(display(z)) == z.
    #[test]
    fn zoom_round_trips_through_its_url_value() {
        for (level, lon, lat) in [
            (1.5, 105.854, 21.028),
            (32.0, 106.7, 10.776),
            (2.25, -0.001, 0.0),
        ] {
            let z = MapZoom::new(level, lon, lat).unwrap();
            assert_eq!(MapZoom::parse(&z.to_string()), Some(z), "{z}");
        }
        assert_eq!(
            MapZoom::new(3.0, 105.854, 21.028).unwrap().to_string(),
            "3/21.028/105.854"
        );
    }

    #[test]
    fn nonsense_zoom_values_are_dropped() {
        for bad in [
            "",
            "2",
            "2/21",
            "2/21/105/1",
            "x/21/105",
            "2/95/105",
            "NaN/21/105",
            "inf/21/105",
            "1/21/105",
            "0.5/21/105",
        ] {
            assert_eq!(MapZoom::parse(bad), None, "{bad}");
        }
        assert_eq!(
            MapZoom::parse("1000/21/105").map(|z| z.level()),
            Some(MAX_LEVEL)
        );
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let f = fitted();
        let z = f
            .apply(
                None,
                ZoomChange::By {
                    factor: 2.0,
                    x: 300.0,
                    y: 100.0,
                },
            )
            .unwrap();
        assert_eq!(z.level(), 2.0);
        // Before: (300, 100) is 100 px right of and 200 px above the centre.
        let before = (106.0 + 100.0 / (0.95 * 40.0), 16.0 + 200.0 / 40.0);
        let after = (z.lon() + 100.0 / (0.95 * 80.0), z.lat() + 200.0 / 80.0);
        assert!((before.0 - after.0).abs() < 0.001, "{before:?} {after:?}");
        assert!((before.1 - after.1).abs() < 0.001, "{before:?} {after:?}");
    }

    #[test]
    fn zooming_out_to_level_one_resets() {
        let f = fitted();
        let z = MapZoom::new(2.0, 105.0, 20.0);
        let centre = ZoomChange::By {
            factor: 0.5,
            x: 200.0,
            y: 300.0,
        };
        assert_eq!(f.apply(z, centre), None);
        assert_eq!(f.apply(z, ZoomChange::Reset), None);
        let bad = ZoomChange::By {
            factor: f64::NAN,
            x: 0.0,
            y: 0.0,
        };
        assert_eq!(f.apply(z, bad), z);
    }

    #[test]
    fn panning_moves_the_centre_and_stays_on_the_country() {
        let f = fitted();
        assert_eq!(
            f.apply(None, ZoomChange::Pan { dx: 50.0, dy: 0.0 }),
            None,
            "no panning at the whole-country view"
        );
        let z = MapZoom::new(2.0, 106.0, 16.0);
        let moved = f
            .apply(
                z,
                ZoomChange::Pan {
                    dx: 76.0,
                    dy: -80.0,
                },
            )
            .unwrap();
        // Dragging right shows what lies west; dragging up shows the south.
        assert!((moved.lon() - (106.0 - 1.0)).abs() < 0.001, "{moved}");
        assert!((moved.lat() - (16.0 - 1.0)).abs() < 0.001, "{moved}");
        let far = f.apply(z, ZoomChange::Pan { dx: -1e6, dy: 1e6 }).unwrap();
        assert_eq!(
            (far.lon(), far.lat()),
            (110.0, 23.5),
            "dragged down and left: the north-east corner"
        );
    }
}
