//! The map on two canvases: the shapes that `figures::map` describes (the
//! same the SVG downloads are written from), replayed on 2D contexts. The
//! base (paper, units, former borders, inset) is drawn on the map's canvas
//! once per data, size, zoom and palette; the selected and the highlighted
//! unit are outlined on a transparent canvas laid over it, so a hover
//! clears and outlines one unit and leaves the base as it is: its cost
//! does not grow with the number of units, and there is no copy of the
//! whole map per move.

use crate::browser;
use plotters::style::RGBColor;
use std::sync::Arc;
use tien_do_core::boundaries::{MapLayout, Region};
use tien_do_core::choropleth::MapData;
use tien_do_core::figures::map::{
    base, outlines, thinned, Fill, Geometry, Hatch, Painter, Shape, Stroke, HATCH_TILE,
};
use tien_do_core::figures::Palette;
use tien_do_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::{CanvasPattern, CanvasRenderingContext2d, CanvasWindingRule, HtmlCanvasElement};

/// How far apart, in device pixels, the points of the base's paths are at
/// least ([`thinned`]): what a pixel can show, from far fewer points on
/// the commune layer.
const THIN_DEVICE_PX: f64 = 0.5;

/// What the map's canvas shows, so that it is drawn again only when that
/// changes.
#[derive(Default)]
pub struct BaseLayer {
    /// What the map's canvas shows now.
    drawn: Option<Drawn>,
    /// The "not published" hatch as a pattern, made once per palette.
    hatch: Option<(Hatch, CanvasPattern)>,
}

impl BaseLayer {
    /// Draws the map: the base on `canvas` (drawn again only if the data,
    /// the layout, the palette or the backing size changed), and the
    /// selected and the highlighted unit outlined on `over`, the canvas
    /// laid over it. Measured as `tien-do:map-base` and `tien-do:map-draw`
    /// for the benchmark (what the app does; the browser fills the pixels
    /// when it paints the frame, which `tien-do:first-map-shown` follows).
    pub fn draw(
        &mut self,
        (canvas, over): (&HtmlCanvasElement, &HtmlCanvasElement),
        (regions, overlay): (&[Region], Option<&Arc<Vec<Region>>>),
        (layout, pal, lang): (&MapLayout, &Palette, Lang),
        map: Option<&Arc<MapData>>,
        (highlight, selected): (Option<usize>, Option<&str>),
    ) {
        browser::measured("tien-do:map-draw", || {
            let dpr = web_sys::window()
                .map_or(1.0, |w| w.device_pixel_ratio())
                .max(1.0);
            let (w, h) = (layout.fitted.width, layout.fitted.height);
            let backing = ((w * dpr).round() as u32, (h * dpr).round() as u32);
            for c in [canvas, over] {
                if c.width() != backing.0 || c.height() != backing.1 {
                    c.set_width(backing.0);
                    c.set_height(backing.1);
                }
            }
            let now = Drawn {
                layout: layout.clone(),
                pal: *pal,
                lang,
                map: map.cloned(),
                overlay: overlay.cloned(),
                backing,
            };
            if self.drawn.as_ref() != Some(&now) {
                browser::measured("tien-do:map-base", || {
                    self.draw_base(canvas, &now, regions, dpr);
                });
                self.drawn = Some(now);
            }
            let Some(ctx) = context(over) else { return };
            let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
            ctx.clear_rect(0.0, 0.0, f64::from(backing.0), f64::from(backing.1));
            let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
            let lines = outlines(regions, layout, (selected, highlight), pal);
            // Outlines keep every point: one unit, however small.
            CanvasPainter::new(&ctx, &mut None, 0.0).paint(&lines);
        });
        // Its frame's mark, `tien-do:first-map-shown`, is set by the map
        // (`MapWidget::measure`) once that frame is shown.
        browser::mark_once("tien-do:first-map");
    }

    fn draw_base(
        &mut self,
        canvas: &HtmlCanvasElement,
        what: &Drawn,
        regions: &[Region],
        dpr: f64,
    ) {
        let Some(ctx) = context(canvas) else { return };
        let (bw, bh) = what.backing;
        let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        ctx.clear_rect(0.0, 0.0, f64::from(bw), f64::from(bh));
        let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
        let overlay = what.overlay.as_ref().map(|o| o.as_slice());
        let shapes = base(
            (regions, overlay),
            what.map.as_deref(),
            &what.layout,
            &what.pal,
            what.lang,
        );
        CanvasPainter::new(&ctx, &mut self.hatch, THIN_DEVICE_PX / dpr).paint(&shapes);
    }
}

/// What a base layer was drawn from.
struct Drawn {
    layout: MapLayout,
    pal: Palette,
    /// The language of the inset's labels.
    lang: Lang,
    map: Option<Arc<MapData>>,
    overlay: Option<Arc<Vec<Region>>>,
    /// Backing store size in device pixels.
    backing: (u32, u32),
}

impl PartialEq for Drawn {
    /// The same layout, palette and size, and the very same shared data
    /// (compared by address: a commune layer is too big to compare).
    fn eq(&self, other: &Drawn) -> bool {
        self.layout == other.layout
            && self.pal == other.pal
            && self.lang == other.lang
            && self.backing == other.backing
            && same(self.map.as_ref(), other.map.as_ref())
            && same(self.overlay.as_ref(), other.overlay.as_ref())
    }
}

/// Both absent, or both the very same shared value.
pub(crate) fn same<T>(a: Option<&Arc<T>>, b: Option<&Arc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

fn new_canvas() -> Option<HtmlCanvasElement> {
    web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()
}

/// Replays shapes on a 2D context, in CSS pixels (the context's transform
/// scales them to the device). What it set on the context last is kept, so
/// that the thousands of units of a commune layer, outlined alike, do not
/// set the same stroke thousands of times.
struct CanvasPainter<'c> {
    ctx: &'c CanvasRenderingContext2d,
    /// The hatch's pattern, made on this context when first needed.
    hatch: &'c mut Option<(Hatch, CanvasPattern)>,
    /// The stroke set on the context now.
    stroke: Option<Stroke>,
    /// How far apart the points of a path drawn are at least, in CSS
    /// pixels ([`thinned`]); 0 keeps every point.
    step: f64,
}

impl<'c> CanvasPainter<'c> {
    fn new(
        ctx: &'c CanvasRenderingContext2d,
        hatch: &'c mut Option<(Hatch, CanvasPattern)>,
        step: f64,
    ) -> CanvasPainter<'c> {
        // A context keeps its dash from the last draw.
        let _ = ctx.set_line_dash(&js_sys::Array::new());
        CanvasPainter {
            ctx,
            hatch,
            stroke: None,
            step,
        }
    }

    fn set_fill(&mut self, fill: Fill) {
        match fill {
            Fill::Colour(c) => self.ctx.set_fill_style_str(css(c, &mut [0; 7])),
            Fill::Hatch(h) => {
                if self.hatch.as_ref().is_none_or(|(made, _)| *made != h) {
                    *self.hatch = hatch_pattern(self.ctx, h).map(|p| (h, p));
                }
                match self.hatch.as_ref() {
                    Some((_, p)) => self.ctx.set_fill_style_canvas_pattern(p),
                    None => self.ctx.set_fill_style_str(css(h.ground, &mut [0; 7])),
                }
            }
        }
    }

    fn set_stroke(&mut self, stroke: Stroke) {
        let was = self.stroke.replace(stroke);
        if was.map(|s| s.colour) != Some(stroke.colour) {
            self.ctx
                .set_stroke_style_str(css(stroke.colour, &mut [0; 7]));
        }
        if was.map(|s| s.width) != Some(stroke.width) {
            self.ctx.set_line_width(stroke.width);
        }
        // A fresh context has no dash (see `new`).
        if was.and_then(|s| s.dash) != stroke.dash {
            let array = match stroke.dash {
                Some([a, b]) => js_sys::Array::of2(&a.into(), &b.into()),
                None => js_sys::Array::new(),
            };
            let _ = self.ctx.set_line_dash(&array);
        }
    }
}

/// `#rrggbb` of a colour, written into `buf` (no allocation per shape).
fn css(c: RGBColor, buf: &mut [u8; 7]) -> &str {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    buf[0] = b'#';
    for (k, v) in [c.0, c.1, c.2].into_iter().enumerate() {
        buf[1 + 2 * k] = HEX[usize::from(v >> 4)];
        buf[2 + 2 * k] = HEX[usize::from(v & 15)];
    }
    std::str::from_utf8(buf).unwrap_or("#000000")
}

impl Painter for CanvasPainter<'_> {
    fn shape(&mut self, s: &Shape<'_>) {
        let ctx = self.ctx;
        if let Some(fill) = s.fill {
            self.set_fill(fill);
        }
        if let Some(stroke) = s.stroke {
            self.set_stroke(stroke);
        }
        let (fill, stroke) = (s.fill.is_some(), s.stroke.is_some());
        match s.geometry {
            Geometry::Path(rings) => {
                ctx.begin_path();
                for ring in rings.rings() {
                    for (k, (x, y)) in thinned(ring, self.step).enumerate() {
                        if k == 0 {
                            ctx.move_to(x, y);
                        } else {
                            ctx.line_to(x, y);
                        }
                    }
                    ctx.close_path();
                }
                if fill {
                    ctx.fill_with_canvas_winding_rule(CanvasWindingRule::Evenodd);
                }
                if stroke {
                    ctx.stroke();
                }
            }
            Geometry::Rect(f) => {
                if fill {
                    ctx.fill_rect(f.x, f.y, f.w, f.h);
                }
                if stroke {
                    ctx.stroke_rect(f.x, f.y, f.w, f.h);
                }
            }
            Geometry::Circle { x, y, r } => {
                ctx.begin_path();
                let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
                if fill {
                    ctx.fill();
                }
                if stroke {
                    ctx.stroke();
                }
            }
            Geometry::Text { text, x, y, size } => {
                ctx.set_font(&format!("{size}px system-ui, sans-serif"));
                ctx.set_text_align("center");
                let _ = ctx.fill_text(text, x, y);
            }
        }
    }
}

/// The hatch's tile as a repeating pattern for `ctx`.
fn hatch_pattern(ctx: &CanvasRenderingContext2d, hatch: Hatch) -> Option<CanvasPattern> {
    let tile = new_canvas()?;
    let side = HATCH_TILE as u32;
    tile.set_width(side);
    tile.set_height(side);
    let t = context(&tile)?;
    t.set_fill_style_str(css(hatch.ground, &mut [0; 7]));
    t.fill_rect(0.0, 0.0, HATCH_TILE, HATCH_TILE);
    t.set_stroke_style_str(css(hatch.line, &mut [0; 7]));
    t.set_line_width(1.0);
    t.begin_path();
    t.move_to(0.0, HATCH_TILE);
    t.line_to(HATCH_TILE, 0.0);
    t.stroke();
    ctx.create_pattern_with_html_canvas_element(&tile, "repeat")
        .ok()?
}
