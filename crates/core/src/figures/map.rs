//! The choropleth map, described once: [`base`] and [`outlines`] list the
//! shapes to draw (each a path of rings in CSS pixels, placed by
//! [`MapLayout`]'s projection, with its fill, stroke, dash and layer), and
//! every surface only replays them through a [`Painter`]: the page's canvas
//! (in the app) and the SVG writer here, for the downloads and the embeds'
//! static images. Both draw on the same [`Palette`] as the charts: the
//! paper, the strokes and the "not published" hatch follow it; the class
//! colours (ColorBrewer Blues) stay.

use super::{framed_svg, Caption, Palette, SvgImage, HIGHLIGHT};
use crate::boundaries::{
    boundaries_credit, Frame, Inset, MapLayout, Part, Projection, Region, INSET_BAR, INSET_PAD,
};
use crate::choropleth::MapData;
use crate::data::UnitLevel;
use crate::notes::html_escape;
use crate::zoom::MapZoom;
use crate::{Lang, Msg};
use plotters::style::RGBColor;
use std::fmt::Write;

/// The map's height in CSS pixels for a width: on the page, in the
/// downloads and in the embeds alike.
pub fn height(width: f64) -> f64 {
    (width * 1.45).clamp(320.0, 900.0)
}

/// Which part of the map a shape belongs to, in drawing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    /// The paper under everything.
    Paper,
    /// The units (of the mainland), filled by class.
    Units,
    /// The former borders (the 63 provinces), dashed over the units.
    Former,
    /// The Hoàng Sa and Trường Sa insets: each box, its archipelago, its
    /// name and its scale bar.
    Inset,
    /// The selected unit's outline.
    Selected,
    /// The outline of the unit under the pointer or the keyboard focus
    /// (on the page only).
    Highlight,
}

impl Layer {
    /// Whether the layer is part of the base, which the page draws once per
    /// data, size and zoom (the outlines change on every hover).
    pub fn is_base(self) -> bool {
        self < Layer::Selected
    }
}

/// A region's polygons as the map draws them: rings of points in CSS
/// pixels, projected when read (a commune layer has many points; nothing
/// is copied).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rings<'a> {
    region: &'a Region,
    projection: Projection,
}

impl<'a> Rings<'a> {
    /// The rings (exteriors and holes, to fill even-odd), each a sequence
    /// of points in CSS pixels; a ring's last point is its first.
    pub fn rings(&self) -> impl Iterator<Item = impl Iterator<Item = (f64, f64)> + 'a> + 'a {
        let p = self.projection;
        self.region.shape.0.iter().flat_map(move |polygon| {
            std::iter::once(polygon.exterior())
                .chain(polygon.interiors())
                .map(move |ring| ring.0.iter().map(move |c| p.project(c.x, c.y)))
        })
    }
}

/// The points of a ring that a screen can tell apart: each point at least
/// `step` from the last one kept (in the points' own units: CSS pixels
/// here), the first and the last always kept. A surface of fixed
/// resolution draws the same picture from fewer points: on the page's
/// canvas, the 3,321 communes' rings (about 166,000 points) fall to about
/// 104,000 at half a pixel, at the country's scale on a desktop, and
/// each point dropped is one call into the browser less and one segment
/// less to fill and stroke. A `step` of 0 keeps every point. Zoomed in, the
/// projection spreads the points and more of them are kept.
pub fn thinned(
    ring: impl Iterator<Item = (f64, f64)>,
    step: f64,
) -> impl Iterator<Item = (f64, f64)> {
    let step2 = step * step;
    let mut ring = ring.peekable();
    let mut last: Option<(f64, f64)> = None;
    std::iter::from_fn(move || loop {
        let p = ring.next()?;
        let far = last.is_none_or(|(x, y)| {
            let (dx, dy) = (p.0 - x, p.1 - y);
            dx * dx + dy * dy >= step2
        });
        if far || ring.peek().is_none() {
            last = Some(p);
            return Some(p);
        }
    })
}

/// What a shape is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Geometry<'a> {
    /// A region's outline.
    Path(Rings<'a>),
    /// A rectangle (the paper, the inset's frame).
    Rect(Frame),
    /// A circle around (`x`, `y`).
    Circle { x: f64, y: f64, r: f64 },
    /// A label of `size` CSS pixels, centred on `x`, its baseline at `y`.
    Text {
        text: &'static str,
        x: f64,
        y: f64,
        size: f64,
    },
}

/// The "not published" hatch: a light ground crossed by diagonal lines,
/// tiled every [`HATCH_TILE`] CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Hatch {
    pub ground: RGBColor,
    pub line: RGBColor,
}

/// The side of the hatch's tile, in CSS pixels.
pub const HATCH_TILE: f64 = 8.0;

/// How a shape is filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    Colour(RGBColor),
    /// Not published.
    Hatch(Hatch),
}

/// How a shape is outlined.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    pub colour: RGBColor,
    /// CSS pixels.
    pub width: f64,
    /// Dash and gap in CSS pixels; `None`: solid.
    pub dash: Option<[f64; 2]>,
}

/// One thing the map draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shape<'a> {
    pub layer: Layer,
    /// The code of the unit drawn (units, former units, outlines).
    pub unit: Option<&'a str>,
    pub geometry: Geometry<'a>,
    /// `None`: not filled.
    pub fill: Option<Fill>,
    /// `None`: not outlined.
    pub stroke: Option<Stroke>,
}

/// A surface the map is drawn on: it only replays shapes, in order.
pub trait Painter {
    /// Draws one shape over what is drawn already.
    fn shape(&mut self, shape: &Shape<'_>);

    /// Draws the shapes in order.
    fn paint(&mut self, shapes: &[Shape<'_>]) {
        for s in shapes {
            self.shape(s);
        }
    }
}

/// The map's colours on a palette's paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapColours {
    pub paper: RGBColor,
    /// Between neighbouring units (the paper, so units read as tiles).
    pub border: RGBColor,
    /// Around the tiny islands, so they stay visible.
    pub island: RGBColor,
    /// The former borders.
    pub former: RGBColor,
    /// The inset's ground and frame.
    pub inset: RGBColor,
    pub inset_frame: RGBColor,
    /// The archipelagos' names and the insets' scale bars.
    pub label: RGBColor,
    /// The selected unit's outline.
    pub selected: RGBColor,
    /// The outline of the unit under the pointer or the keyboard focus.
    pub highlight: RGBColor,
    pub hatch: Hatch,
}

impl MapColours {
    /// The colours on `pal`: each the paper, the ink, the soft grey or a
    /// mix of them; the highlight is the charts' orange.
    pub fn of(pal: &Palette) -> MapColours {
        MapColours {
            paper: pal.paper,
            border: pal.paper,
            island: pal.ink,
            former: pal.ink,
            inset: mix(pal.paper, pal.soft, 0.12),
            inset_frame: pal.soft,
            label: pal.ink,
            selected: pal.ink,
            highlight: HIGHLIGHT,
            hatch: Hatch {
                ground: mix(pal.paper, pal.ink, 0.075),
                line: mix(pal.paper, pal.ink, 0.43),
            },
        }
    }
}

/// `a` moved a fraction `t` of the way to `b`.
fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let m = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// Everything under the outlines, in drawing order: the paper; each
/// mainland unit on screen filled by its class (hatched where not
/// published); the borders of `overlay` dashed over them; then each inset
/// box, on top of the mainland (which may run under it when zoomed), with
/// its archipelago filled and outlined (so that the smallest islands show),
/// its name in `lang` and its scale bar.
pub fn base<'a>(
    (regions, overlay): (&'a [Region], Option<&'a [Region]>),
    map: Option<&MapData>,
    layout: &MapLayout,
    pal: &Palette,
    lang: Lang,
) -> Vec<Shape<'a>> {
    let c = MapColours::of(pal);
    let (w, h) = (layout.fitted.width, layout.fitted.height);
    let visible = |r: &Region| {
        let p = layout.projection_of(r);
        let (x0, y0) = p.project(r.bbox.min().x, r.bbox.max().y);
        let (x1, y1) = p.project(r.bbox.max().x, r.bbox.min().y);
        x1 >= 0.0 && x0 <= w && y1 >= 0.0 && y0 <= h
    };
    let bins = map.and_then(|m| m.bins.as_ref());
    // Communes: thin borders, and the provinces' borders over them (the
    // overlay); where no commune value was published, the boundaries
    // alone in a neutral colour, not 3,321 hatched shapes.
    let communes = map.is_some_and(|m| m.level == UnitLevel::Commune);
    let boundaries_only = map.is_some_and(MapData::boundaries_only);
    let unit = |layer: Layer, r: &'a Region| {
        let value = map.and_then(|m| m.row(&r.code)).and_then(|row| row.value);
        let fill = match (value, bins) {
            (Some(v), Some(b)) => {
                parse_hex(b.color_of(v)).map_or(Fill::Hatch(c.hatch), Fill::Colour)
            }
            _ if boundaries_only => Fill::Colour(c.hatch.ground),
            _ => Fill::Hatch(c.hatch),
        };
        let stroke = match r.part {
            // Fine lines: on the neutral ground, in ink, or they vanish.
            Part::Mainland if boundaries_only => solid(c.label, 0.25),
            Part::Mainland if communes => solid(c.border, 0.35),
            Part::Mainland => solid(c.border, 0.8),
            _ => solid(c.island, 0.6),
        };
        Shape {
            layer,
            unit: Some(&r.code),
            geometry: Geometry::Path(rings(layout, r)),
            fill: Some(fill),
            stroke: Some(stroke),
        }
    };
    let former = overlay.unwrap_or_default();
    // Room for every unit and border, and the insets' few shapes.
    let mut out = Vec::with_capacity(regions.len() + former.len() + 16);
    out.push(Shape {
        layer: Layer::Paper,
        unit: None,
        geometry: Geometry::Rect(Frame {
            x: 0.0,
            y: 0.0,
            w,
            h,
        }),
        fill: Some(Fill::Colour(c.paper)),
        stroke: None,
    });
    // Off-screen units are left out: zoomed in on a commune layer, most are.
    out.extend(
        regions
            .iter()
            .filter(|r| r.part == Part::Mainland && visible(r))
            .map(|r| unit(Layer::Units, r)),
    );
    // The former borders, dashed over the units (their islands are left
    // to the inset).
    out.extend(
        former
            .iter()
            .filter(|r| r.part == Part::Mainland && visible(r))
            .map(|r| Shape {
                layer: Layer::Former,
                unit: Some(&r.code),
                geometry: Geometry::Path(rings(layout, r)),
                fill: None,
                stroke: Some(if communes {
                    // The provinces' borders over their communes.
                    solid(c.label, 1.1)
                } else {
                    Stroke {
                        dash: Some([4.0, 3.0]),
                        ..solid(c.former, 1.0)
                    }
                }),
            }),
    );
    for inset in &layout.insets {
        out.push(Shape {
            layer: Layer::Inset,
            unit: None,
            geometry: Geometry::Rect(inset.frame),
            fill: Some(Fill::Colour(c.inset)),
            stroke: Some(solid(c.inset_frame, 1.0)),
        });
        out.extend(
            regions
                .iter()
                .filter(|r| r.part == inset.part)
                .map(|r| unit(Layer::Inset, r)),
        );
        out.extend(inset_marks(inset, &c, lang));
    }
    out
}

/// Text drawn on the map, its width estimated (the same on every surface:
/// SVG and canvas measure fonts differently) at this many font sizes per
/// character.
const CHAR_WIDTH: f64 = 0.56;

/// An inset's name (in `lang`, and its province, in two centred lines at
/// the top, as large as fits up to 11 px) and its scale bar (at the foot,
/// on the left: a bar of a round number of kilometres, up to 40 % of the
/// box, with end ticks and its length written beside it).
fn inset_marks<'a>(inset: &Inset, c: &MapColours, lang: Lang) -> Vec<Shape<'a>> {
    let f = inset.frame;
    let (name, province) = match inset.part {
        Part::HoangSa => (Msg::InsetHoangSa.text(lang), "(Đà Nẵng)"),
        Part::TruongSa => (Msg::InsetTruongSa.text(lang), "(Khánh Hòa)"),
        Part::Mainland => return Vec::new(),
    };
    let ink = Some(Fill::Colour(c.label));
    let text = |text: &'static str, x: f64, y: f64, size: f64| Shape {
        layer: Layer::Inset,
        unit: None,
        geometry: Geometry::Text { text, x, y, size },
        fill: ink,
        stroke: None,
    };
    let bar = |x: f64, y: f64, w: f64, h: f64| Shape {
        layer: Layer::Inset,
        unit: None,
        geometry: Geometry::Rect(Frame { x, y, w, h }),
        fill: ink,
        stroke: None,
    };
    let room = f.w - 2.0 * INSET_PAD;
    let size = (room / (name.chars().count() as f64 * CHAR_WIDTH)).clamp(7.0, 11.0);
    let (middle, line) = (f.x + f.w / 2.0, f.y + 3.0 + size);
    let mut out = vec![
        text(name, middle, line, size),
        text(province, middle, line + size + 1.0, (size - 1.0).max(7.0)),
    ];
    let px = inset.projection.px_per_km();
    if let Some(&(km, label)) = SCALE_BARS
        .iter()
        .rev()
        .find(|(km, _)| km * px <= room * 0.4)
    {
        let (x, len) = (f.x + INSET_PAD, km * px);
        let y = f.y + f.h - INSET_BAR / 2.0;
        const SIZE: f64 = 9.0;
        let half = label.chars().count() as f64 * SIZE * CHAR_WIDTH / 2.0;
        out.push(bar(x, y - 1.0, len, 2.0));
        out.push(bar(x, y - 4.0, 1.0, 5.0));
        out.push(bar(x + len - 1.0, y - 4.0, 1.0, 5.0));
        out.push(text(label, x + len + 4.0 + half, y + 3.0, SIZE));
    }
    out
}

/// The lengths a scale bar may have, in kilometres, with their labels.
const SCALE_BARS: [(f64, &str); 9] = [
    (1.0, "1 km"),
    (2.0, "2 km"),
    (5.0, "5 km"),
    (10.0, "10 km"),
    (20.0, "20 km"),
    (50.0, "50 km"),
    (100.0, "100 km"),
    (200.0, "200 km"),
    (500.0, "500 km"),
];

/// The outlines over the base: the `selected` unit's (by code) and the
/// `highlight`ed one's (by index in `regions`), every part of each.
pub fn outlines<'a>(
    regions: &'a [Region],
    layout: &MapLayout,
    (selected, highlight): (Option<&str>, Option<usize>),
    pal: &Palette,
) -> Vec<Shape<'a>> {
    let c = MapColours::of(pal);
    let highlighted = highlight
        .and_then(|i| regions.get(i))
        .map(|r| r.code.as_str());
    [
        (Layer::Selected, selected, solid(c.selected, 2.5)),
        (Layer::Highlight, highlighted, solid(c.highlight, 3.0)),
    ]
    .into_iter()
    .filter_map(|(layer, code, stroke)| Some((layer, code?, stroke)))
    .flat_map(|(layer, code, stroke)| {
        regions
            .iter()
            .filter(move |r| r.code == code)
            .map(move |r| Shape {
                layer,
                unit: Some(&r.code),
                geometry: Geometry::Path(rings(layout, r)),
                fill: None,
                stroke: Some(stroke),
            })
    })
    .collect()
}

fn solid(colour: RGBColor, width: f64) -> Stroke {
    Stroke {
        colour,
        width,
        dash: None,
    }
}

fn rings<'a>(layout: &MapLayout, region: &'a Region) -> Rings<'a> {
    Rings {
        region,
        projection: *layout.projection_of(region),
    }
}

/// `#rrggbb` as a colour.
fn parse_hex(css: &str) -> Option<RGBColor> {
    let hex = css.strip_prefix('#').filter(|h| h.len() == 6)?;
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some(RGBColor(byte(0)?, byte(2)?, byte(4)?))
}

/// The SVG writer: each shape as a `<path>` (or `<rect>`, `<circle>`,
/// `<text>`), in order, inside an SVG document.
pub struct SvgWriter {
    out: String,
}

impl SvgWriter {
    /// A document `w` x `h` CSS pixels, clipped to its frame, with the
    /// hatch defined as the pattern `np` (which the legend uses too).
    pub fn new((w, h): (f64, f64), hatch: Hatch) -> SvgWriter {
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\
             <defs><pattern id=\"np\" width=\"{t}\" height=\"{t}\" patternUnits=\"userSpaceOnUse\">\
             <rect width=\"{t}\" height=\"{t}\" fill=\"{ground}\"/><path d=\"M0 {t}L{t} 0\" stroke=\"{line}\"/></pattern>\
             <clipPath id=\"frame\"><rect width=\"{w}\" height=\"{h}\"/></clipPath></defs>\
             <g clip-path=\"url(#frame)\">",
            w = w.round(),
            h = h.round(),
            t = HATCH_TILE,
            ground = Palette::hex(hatch.ground),
            line = Palette::hex(hatch.line),
        );
        SvgWriter { out }
    }

    /// The document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</g></svg>");
        self.out
    }
}

impl Painter for SvgWriter {
    fn shape(&mut self, s: &Shape<'_>) {
        let out = &mut self.out;
        let fill = match s.fill {
            Some(Fill::Colour(c)) => Palette::hex(c),
            Some(Fill::Hatch(_)) => "url(#np)".to_string(),
            None => "none".to_string(),
        };
        let mut paint = format!("fill=\"{fill}\"");
        if let Some(st) = s.stroke {
            let _ = write!(
                paint,
                " stroke=\"{}\" stroke-width=\"{}\"",
                Palette::hex(st.colour),
                st.width
            );
            if let Some([dash, gap]) = st.dash {
                let _ = write!(paint, " stroke-dasharray=\"{dash} {gap}\"");
            }
        }
        let title = s
            .unit
            .map(|u| format!("<title>{}</title>", html_escape(u)))
            .unwrap_or_default();
        let _ = match s.geometry {
            Geometry::Path(rings) => write!(
                out,
                "<path d=\"{}\" fill-rule=\"evenodd\" {paint}>{title}</path>",
                path_data(&rings)
            ),
            Geometry::Rect(f) => write!(
                out,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" {paint}/>",
                f.x, f.y, f.w, f.h
            ),
            Geometry::Circle { x, y, r } => write!(
                out,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" {paint}/>"
            ),
            Geometry::Text { text, x, y, size } => write!(
                out,
                "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"middle\" font-family=\"system-ui, sans-serif\" font-size=\"{size}\" {paint}>{}</text>",
                html_escape(text)
            ),
        };
    }
}

/// Rings as SVG path data, in pixels to 0.1.
fn path_data(rings: &Rings<'_>) -> String {
    let mut d = String::new();
    for ring in rings.rings() {
        for (k, (x, y)) in ring.enumerate() {
            let _ = write!(d, "{}{x:.1} {y:.1}", if k == 0 { 'M' } else { 'L' });
        }
        d.push('Z');
    }
    d
}

/// The map `width` CSS pixels wide as an SVG document, or `None` if the
/// boundaries have no mainland: the shapes of [`base`] and [`outlines`]
/// written by [`SvgWriter`].
pub fn svg(
    regions: &[Region],
    overlay: Option<&[Region]>,
    map: Option<&MapData>,
    (zoom, selected): (Option<MapZoom>, Option<&str>),
    width: f64,
    (pal, lang): (&Palette, Lang),
) -> Option<String> {
    let h = height(width);
    let layout = MapLayout::new(regions, width, h, zoom)?;
    let mut writer = SvgWriter::new((width, h), MapColours::of(pal).hatch);
    writer.paint(&base((regions, overlay), map, &layout, pal, lang));
    writer.paint(&outlines(regions, &layout, (selected, None), pal));
    Some(writer.finish())
}

/// Width in CSS pixels of the map's downloaded and static images.
pub const IMAGE_WIDTH: f64 = 640.0;

/// The map as a complete image, [`IMAGE_WIDTH`] wide: its title (with the
/// indicator's unit), the map, the legend (each class, and the hatch where
/// a value was not published), `notes` (sources, date) and the
/// boundaries' [`credits`] at the foot.
pub fn image(
    m: &MapData,
    (regions, overlay): (&[Region], Option<&[Region]>),
    view: (Option<MapZoom>, Option<&str>),
    title: &str,
    notes: Vec<String>,
    lang: Lang,
) -> Option<SvgImage> {
    let pal = Palette::LIGHT;
    let inner = svg(regions, overlay, Some(m), view, IMAGE_WIDTH, (&pal, lang))?;
    let mut legend = classes(m, lang);
    // A commune map without values: its shapes are neutral, not hatched;
    // the app's one-line note goes under the image instead of a legend.
    let no_values = m
        .boundaries_only()
        .then(|| Msg::CommuneNoValues.text(lang).to_string());
    if no_values.is_none() && m.rows.iter().any(|r| r.value.is_none()) {
        legend.push(("url(#np)".into(), Msg::NotPublished.text(lang).to_string()));
    }
    let caption = Caption {
        title: format!("{title} ({})", m.indicator.unit.get(lang)),
        legend,
        notes: no_values
            .into_iter()
            .chain(notes)
            .chain(credits(&m.unit_set, overlay.is_some(), lang))
            .collect(),
    };
    Some(framed_svg(
        &inner,
        (IMAGE_WIDTH, height(IMAGE_WIDTH)),
        &caption,
        &pal,
    ))
}

/// Each class of the map `m`: its colour and its range of values
/// (quantiles), as the legend on the page and in the images says it.
pub fn classes(m: &MapData, lang: Lang) -> Vec<(String, String)> {
    let f = |v: f64| m.indicator.format_value(v, lang);
    m.bins
        .iter()
        .flat_map(|b| {
            b.colors.iter().enumerate().map(|(i, c)| {
                (
                    c.clone(),
                    format!("{} – {}", f(b.limits[i]), f(b.limits[i + 1])),
                )
            })
        })
        .collect()
}

/// The legend beside the map: its caption, its [`classes`], and the
/// "not published" line where a unit has no value. `None` for a commune
/// map without values ([`MapData::boundaries_only`]): the note above the
/// map says it all, and its shapes are neutral, not hatched.
pub fn legend(m: &MapData, lang: Lang) -> Option<Legend> {
    if m.boundaries_only() {
        return None;
    }
    Some(Legend {
        caption: format!(
            "{} ({})",
            Msg::Legend.text(lang),
            m.indicator.unit.get(lang)
        ),
        classes: classes(m, lang),
        not_published: m
            .rows
            .iter()
            .any(|r| r.value.is_none())
            .then(|| Msg::NotPublished.text(lang)),
    })
}

/// What the legend beside the map says ([`legend`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    /// "Legend (score)".
    pub caption: String,
    /// Each class: its colour (CSS) and its range.
    pub classes: Vec<(String, String)>,
    /// The hatch's line, where a unit has no value.
    pub not_published: Option<&'static str>,
}

/// The map in words: the highest and lowest units, the median, and how
/// many published (the page's summary, and the canvas's description for
/// screen readers).
pub fn summary(m: &MapData, lang: Lang) -> String {
    let f = |v: f64| m.indicator.format_value(v, lang);
    match m.summary() {
        None => Msg::NoValues.text(lang).to_string(),
        Some(s) => format!(
            "{}: {} ({}). {}: {} ({}). {}: {}. {}: {}/{}.",
            Msg::Highest.text(lang),
            s.highest.0.get(lang),
            f(s.highest.1),
            Msg::Lowest.text(lang),
            s.lowest.0.get(lang),
            f(s.lowest.1),
            Msg::Median.text(lang),
            f(s.median),
            Msg::PublishedFor.text(lang),
            s.published,
            s.total,
        ),
    }
}

/// What the map's tooltip says of one unit, in one language: a line each,
/// `None` where the unit has no such line.
#[derive(Clone, Debug, PartialEq)]
pub struct Tooltip {
    /// The unit's name.
    pub name: String,
    /// A commune's kind and province ("Phường · Hà Nội").
    pub detail: Option<String>,
    /// The archipelago, for Hoàng Sa and Trường Sa.
    pub part: Option<&'static str>,
    /// Its value with the unit, or "not published".
    pub value: String,
    /// "Rank 3/34".
    pub rank: Option<String>,
    /// What it was merged from or into.
    pub lineage: Option<String>,
    /// "Tap again to open", after a tap.
    pub hint: Option<&'static str>,
}

/// The tooltip of `region` on the map `m` (`None` if the map has no row
/// for it); `touch`: the unit was tapped, and a second tap opens it.
pub fn tooltip(region: &Region, m: &MapData, lang: Lang, touch: bool) -> Option<Tooltip> {
    let row = m.row(&region.code)?;
    let value = match row.value {
        Some(v) => format!(
            "{} {}",
            m.indicator.format_value(v, lang),
            m.indicator.unit.get(lang)
        ),
        None => Msg::NotPublished.text(lang).to_string(),
    };
    let rank = row.rank.map(|k| {
        let n = m.rows.iter().filter(|r| r.value.is_some()).count();
        format!("{} {k}/{n}", Msg::Rank.text(lang))
    });
    let part = match region.part {
        Part::HoangSa => Some(Msg::HoangSa.text(lang)),
        Part::TruongSa => Some(Msg::TruongSa.text(lang)),
        Part::Mainland => None,
    };
    Some(Tooltip {
        name: row.name.get(lang).to_string(),
        detail: row.detail.as_ref().map(|d| d.get(lang).to_string()),
        part,
        value,
        rank,
        lineage: row.lineage.describe(lang),
        hint: touch.then(|| Msg::TapAgain.text(lang)),
    })
}

/// The credit lines of a map of `unit_set`: where its boundaries come
/// from (the shipped files' sources; else the publisher's own file), and
/// Natural Earth for the former borders drawn over them, if `former`.
pub fn credits(unit_set: &str, former: bool, lang: Lang) -> Vec<String> {
    let own = boundaries_credit(unit_set).unwrap_or(Msg::BoundariesPublished);
    let overlay = (former && own != Msg::BoundariesCredit).then_some(Msg::BoundariesCredit);
    std::iter::once(own)
        .chain(overlay)
        .map(|m| m.text(lang).to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundaries::decode_first;

    fn regions(file: &str) -> Vec<Region> {
        let path = format!("{}/../../public/geo/{file}", env!("CARGO_MANIFEST_DIR"));
        decode_first(&std::fs::read_to_string(path).unwrap()).expect("boundaries")
    }

    /// The demo's map of the 34 with the first unit's value withheld.
    fn map_with_a_gap() -> MapData {
        let d = crate::test_support::demo();
        let mut m = crate::choropleth::map_data(&d, "dti", "2024").expect("a map");
        m.rows[0].value = None;
        m
    }

    /// What a painter was asked to draw: per shape, its element, unit,
    /// fill and stroke as CSS, and each ring's number of points.
    #[derive(Debug, PartialEq)]
    struct Mark {
        element: &'static str,
        unit: Option<String>,
        fill: String,
        stroke: Option<(String, String, Option<String>)>,
        points: Vec<usize>,
    }

    /// A painter that records, as the canvas painter replays.
    #[derive(Default)]
    struct Recorder(Vec<Mark>);

    impl Painter for Recorder {
        fn shape(&mut self, s: &Shape<'_>) {
            let (element, points) = match s.geometry {
                Geometry::Path(r) => ("path", r.rings().map(Iterator::count).collect()),
                Geometry::Rect(_) => ("rect", Vec::new()),
                Geometry::Circle { .. } => ("circle", Vec::new()),
                Geometry::Text { .. } => ("text", Vec::new()),
            };
            self.0.push(Mark {
                element,
                unit: s.unit.map(str::to_string),
                fill: match s.fill {
                    Some(Fill::Colour(c)) => Palette::hex(c),
                    Some(Fill::Hatch(_)) => "url(#np)".into(),
                    None => "none".into(),
                },
                stroke: s.stroke.map(|st| {
                    (
                        Palette::hex(st.colour),
                        st.width.to_string(),
                        st.dash.map(|[a, b]| format!("{a} {b}")),
                    )
                }),
                points,
            });
        }
    }

    /// Guards [`thinned`]: the first and the last point are kept, a point
    /// closer than the step to the last one kept is dropped, a step of 0
    /// keeps every point.
    #[test]
    fn thinning_keeps_the_ends_and_drops_points_closer_than_the_step() {
        let ring = [
            (0.0, 0.0),
            (0.2, 0.0),
            (0.4, 0.0),
            (0.6, 0.0),
            (5.0, 0.0),
            (5.0, 0.1),
            (0.0, 0.0),
        ];
        let kept: Vec<_> = thinned(ring.iter().copied(), 0.5).collect();
        assert_eq!(kept, [(0.0, 0.0), (0.6, 0.0), (5.0, 0.0), (0.0, 0.0)]);
        assert_eq!(thinned(ring.iter().copied(), 0.0).count(), ring.len());
        assert_eq!(thinned(std::iter::empty(), 0.5).count(), 0);
        assert_eq!(thinned([(1.0, 1.0)].into_iter(), 0.5).count(), 1);
    }

    /// Guards the commune layer's drawing cost: at the country's scale on
    /// a desktop-sized map, half a pixel keeps less than 70 % of the points of
    /// the 3,321 communes, every ring keeps its ends, and the points kept
    /// are at least the step apart (but for a ring's last). Zoomed into one
    /// province, more of them are kept.
    #[test]
    fn thinning_the_communes_at_half_a_pixel_keeps_less_than_70_percent_of_the_points() {
        let communes = regions("vn-communes-2025.topo.json");
        let count = |layout: &MapLayout, step: f64| -> usize {
            communes
                .iter()
                .flat_map(|r| {
                    rings(layout, r)
                        .rings()
                        .map(move |ring| thinned(ring, step).count())
                })
                .sum()
        };
        let layout = MapLayout::new(&communes, 665.0, height(665.0), None).unwrap();
        let (all, kept) = (count(&layout, 0.0), count(&layout, 0.5));
        assert!(all > 150_000, "{all} points");
        assert!(kept * 10 < all * 7, "{kept} of {all} points kept");
        for r in &communes {
            for ring in rings(&layout, r).rings() {
                let full: Vec<_> = ring.collect();
                let thin: Vec<_> = thinned(full.iter().copied(), 0.5).collect();
                assert_eq!(thin.first(), full.first(), "{}", r.code);
                assert_eq!(thin.last(), full.last(), "{}", r.code);
                for w in thin[..thin.len().saturating_sub(1)].windows(2) {
                    let (dx, dy) = (w[1].0 - w[0].0, w[1].1 - w[0].1);
                    assert!(dx * dx + dy * dy >= 0.25, "{}: {w:?}", r.code);
                }
            }
        }
        let ha_noi = MapZoom::new(4.0, 105.85, 21.03).expect("a zoom");
        let zoomed = MapLayout::new(&communes, 665.0, height(665.0), Some(ha_noi)).unwrap();
        let in_ha_noi = |layout: &MapLayout| -> usize {
            communes
                .iter()
                .filter(|r| r.parent.as_deref() == Some("01"))
                .flat_map(|r| {
                    rings(layout, r)
                        .rings()
                        .map(|ring| thinned(ring, 0.5).count())
                })
                .sum()
        };
        assert!(in_ha_noi(&zoomed) > in_ha_noi(&layout));
    }

    /// The marks an SVG document holds, read back from its elements.
    fn marks_of_svg(svg: &str) -> Vec<Mark> {
        let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}"));
        let group = doc
            .descendants()
            .find(|n| n.has_tag_name("g"))
            .expect("the clipped group");
        group
            .children()
            .filter(|n| n.is_element())
            .map(|n| {
                let element = match n.tag_name().name() {
                    "path" => "path",
                    "rect" => "rect",
                    "circle" => "circle",
                    "text" => "text",
                    other => panic!("unexpected <{other}>"),
                };
                let points = n
                    .attribute("d")
                    .map(|d| {
                        d.split('Z')
                            .filter(|r| !r.is_empty())
                            .map(|r| r.matches(['M', 'L']).count())
                            .collect()
                    })
                    .unwrap_or_default();
                Mark {
                    element,
                    unit: n
                        .children()
                        .find(|c| c.has_tag_name("title"))
                        .and_then(|t| t.text())
                        .map(str::to_string),
                    fill: n.attribute("fill").unwrap_or_default().to_string(),
                    stroke: n.attribute("stroke").map(|s| {
                        (
                            s.to_string(),
                            n.attribute("stroke-width").unwrap_or_default().to_string(),
                            n.attribute("stroke-dasharray").map(str::to_string),
                        )
                    }),
                    points,
                }
            })
            .collect()
    }

    /// Guards the image of a commune map without values (the demo's): no
    /// "not published" hatch in its legend nor on its shapes (they are
    /// neutral), and the app's note under it; a map with a gap keeps the
    /// hatch.
    #[test]
    fn a_commune_image_without_values_has_no_hatch_but_the_note() {
        let d = crate::test_support::demo();
        let communes = regions("communes/01.topo.json");
        let m = crate::choropleth::commune_map(&d, "dti", "2024", &communes).expect("a map");
        assert!(m.boundaries_only());
        let img = image(&m, (&communes, None), (None, None), "DTI", vec![], Lang::En).unwrap();
        assert!(
            !img.svg.contains("fill=\"url(#np)\""),
            "hatched: {}",
            &img.svg[..400]
        );
        assert!(img.svg.contains("No commune values have been published"));
        let gap = map_with_a_gap();
        let r34 = regions("vn-provinces-2025.topo.json");
        let img = image(&gap, (&r34, None), (None, None), "DTI", vec![], Lang::En).unwrap();
        assert!(img.svg.contains("fill=\"url(#np)\""));
        assert!(!img.svg.contains("No commune values"));
    }

    /// Guards "the map is drawn once": the SVG writer writes exactly the
    /// shapes of the description (units, former borders, inset, outline),
    /// in its order, with its fills, strokes, dashes and rings, as a
    /// recording painter (which replays as the canvas painter does) sees
    /// them.
    #[test]
    fn svg_and_painters_draw_the_same_shapes_in_the_same_colours() {
        let r34 = regions("vn-provinces-2025.topo.json");
        let r63 = regions("vn-provinces-2008.topo.json");
        let m = map_with_a_gap();
        for pal in [Palette::LIGHT, Palette::DARK] {
            let layout = MapLayout::new(&r34, IMAGE_WIDTH, height(IMAGE_WIDTH), None).unwrap();
            let mut shapes = base((&r34, Some(&r63)), Some(&m), &layout, &pal, Lang::Vi);
            shapes.extend(outlines(&r34, &layout, (Some("79"), None), &pal));
            let mut seen = Recorder::default();
            seen.paint(&shapes);
            let svg = svg(
                &r34,
                Some(&r63),
                Some(&m),
                (None, Some("79")),
                IMAGE_WIDTH,
                (&pal, Lang::Vi),
            )
            .unwrap();
            let written = marks_of_svg(&svg);
            assert_eq!(written.len(), shapes.len());
            for (k, (a, b)) in written.iter().zip(&seen.0).enumerate() {
                assert_eq!(a, b, "shape {k} ({:?})", shapes[k].layer);
            }
            // The units in the data's colours, the gap hatched.
            let bins = m.bins.as_ref().unwrap();
            for s in shapes.iter().filter(|s| s.layer == Layer::Units) {
                let row = m.row(s.unit.unwrap()).unwrap();
                let want = match row.value {
                    Some(v) => Fill::Colour(parse_hex(bins.color_of(v)).unwrap()),
                    None => Fill::Hatch(MapColours::of(&pal).hatch),
                };
                assert_eq!(s.fill, Some(want), "{}", row.code);
            }
            let layers: Vec<Layer> = shapes.iter().map(|s| s.layer).collect();
            assert!(layers.windows(2).all(|w| w[0] <= w[1]), "in layer order");
            assert_eq!(layers.iter().filter(|l| **l == Layer::Units).count(), 34);
            assert_eq!(layers.iter().filter(|l| **l == Layer::Former).count(), 63);
        }
    }

    /// Guards the themes: the dark palette changes the paper, the strokes
    /// and the hatch, never a class colour; the light one draws on white.
    #[test]
    fn the_palette_colours_the_paper_strokes_and_hatch_not_the_classes() {
        let r34 = regions("vn-provinces-2025.topo.json");
        let m = map_with_a_gap();
        let layout = MapLayout::new(&r34, 500.0, height(500.0), None).unwrap();
        let light = base((&r34, None), Some(&m), &layout, &Palette::LIGHT, Lang::Vi);
        let dark = base((&r34, None), Some(&m), &layout, &Palette::DARK, Lang::Vi);
        assert_eq!(light.len(), dark.len());
        assert_eq!(
            light[0].fill,
            Some(Fill::Colour(Palette::LIGHT.paper)),
            "the paper first"
        );
        assert_eq!(dark[0].fill, Some(Fill::Colour(Palette::DARK.paper)));
        let (lc, dc) = (
            MapColours::of(&Palette::LIGHT),
            MapColours::of(&Palette::DARK),
        );
        for (l, d) in light.iter().zip(&dark) {
            assert_eq!(l.geometry, d.geometry);
            match (l.fill, d.fill) {
                (Some(Fill::Colour(a)), Some(Fill::Colour(b)))
                    if l.layer == Layer::Units || l.unit.is_some() =>
                {
                    assert_eq!(a, b, "a class colour stays: {:?}", l.unit)
                }
                (Some(Fill::Hatch(a)), Some(Fill::Hatch(b))) => {
                    assert_eq!((a, b), (lc.hatch, dc.hatch))
                }
                _ => {}
            }
            if let (Some(a), Some(b)) = (l.stroke, d.stroke) {
                assert_ne!(a.colour, b.colour, "strokes follow the paper");
            }
        }
        // The hatch reads as "not published" on both papers: light ground
        // on light paper, dark on dark, its lines between ground and ink.
        assert_eq!(lc.hatch.ground, RGBColor(0xee, 0xee, 0xef));
        assert!(dc.hatch.ground.0 < 0x40 && dc.hatch.line.0 > dc.hatch.ground.0);
        let svg = svg(
            &r34,
            None,
            Some(&m),
            (None, None),
            500.0,
            (&Palette::DARK, Lang::Vi),
        )
        .unwrap();
        assert!(svg.contains("fill=\"#161b22\""), "dark paper");
        assert!(svg.contains(&format!("fill=\"{}\"", Palette::hex(dc.hatch.ground))));
    }

    /// Guards the page's redraw: the outlines are apart from the base (so
    /// hover redraws only them), outline every part of the unit, and the
    /// base leaves out what is off screen when zoomed, but never the inset.
    #[test]
    fn outlines_are_apart_and_the_zoomed_base_leaves_out_what_is_off_screen() {
        let r34 = regions("vn-provinces-2025.topo.json");
        let m = map_with_a_gap();
        let whole = MapLayout::new(&r34, 400.0, height(400.0), None).unwrap();
        let all = base((&r34, None), Some(&m), &whole, &Palette::LIGHT, Lang::Vi);
        assert!(all.iter().all(|s| s.layer.is_base()));
        let da_nang = r34.iter().position(|r| r.code == "48").unwrap();
        let lines = outlines(&r34, &whole, (Some("01"), Some(da_nang)), &Palette::LIGHT);
        let seen: Vec<(Layer, &str)> = lines.iter().map(|s| (s.layer, s.unit.unwrap())).collect();
        // Đà Nẵng's mainland and Hoàng Sa.
        assert_eq!(
            seen,
            [
                (Layer::Selected, "01"),
                (Layer::Highlight, "48"),
                (Layer::Highlight, "48")
            ]
        );
        assert!(lines.iter().all(|s| s.fill.is_none() && !s.layer.is_base()));
        assert!(outlines(&r34, &whole, (None, None), &Palette::LIGHT).is_empty());

        let z = MapZoom::new(8.0, 105.852, 21.028);
        let zoomed = MapLayout::new(&r34, 400.0, height(400.0), z).unwrap();
        let near = base((&r34, None), Some(&m), &zoomed, &Palette::LIGHT, Lang::Vi);
        let units = |s: &[Shape<'_>]| s.iter().filter(|s| s.layer == Layer::Units).count();
        assert!(units(&near) < 34 / 2, "{} units drawn", units(&near));
        assert!(near.iter().any(|s| s.unit == Some("01")));
        let inset = |s: &[Shape<'_>]| s.iter().filter(|s| s.layer == Layer::Inset).count();
        assert_eq!(inset(&near), inset(&all));
        // Per archipelago: its box, its islands, its name and province,
        // its scale bar (bar, two ticks) and the bar's length.
        assert_eq!(inset(&all), 2 * (1 + 1 + 2 + 3 + 1));
    }
}
