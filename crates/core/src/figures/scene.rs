//! One drawing description for canvas and SVG: a chart paints once, with
//! plotters, on a [`Scene`] (a backend that records what it is asked to
//! draw), and the scene is then played on the browser's canvas or written
//! as SVG. Plotters' chart code (layout, axes, series) is made once per
//! figure kind, for the recorder, instead of once per backend: the SVG
//! downloads cost a player, not a second copy of every chart.
//!
//! Text is measured while recording as plotters measures it for the
//! canvas and the SVG alike (`estimate_text_size`'s default: the font's
//! own layout), so the scene lays out as either would.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters::style::text_anchor::Pos;
use plotters::style::{FontDesc, FontFamily, FontStyle, FontTransform, TextStyle};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use std::cell::RefCell;
use std::convert::Infallible;
use std::rc::Rc;

/// A line's or a shape's colour and width, as recorded.
#[derive(Clone, Copy)]
struct Stroke {
    color: BackendColor,
    width: u32,
}

impl Stroke {
    fn of<S: BackendStyle>(s: &S) -> Stroke {
        Stroke {
            color: s.color(),
            width: s.stroke_width(),
        }
    }
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }

    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// A text's font, colour and anchor, as recorded.
#[derive(Clone)]
struct Font {
    family: String,
    size: f64,
    style: FontStyle,
    transform: FontTransform,
    color: BackendColor,
    pos: Pos,
}

/// One thing drawn.
#[derive(Clone)]
enum Op {
    Pixel(BackendCoord, BackendColor),
    Line(BackendCoord, BackendCoord, Stroke),
    Rect(BackendCoord, BackendCoord, Stroke, bool),
    Path(Vec<BackendCoord>, Stroke),
    Circle(BackendCoord, u32, Stroke, bool),
    Polygon(Vec<BackendCoord>, Stroke),
    Text(String, Font, BackendCoord),
}

/// What a figure drew, in order, on an area of `size` device pixels:
/// played on any backend of that size.
#[derive(Clone)]
pub struct Scene {
    size: (u32, u32),
    ops: Vec<Op>,
}

/// The backend a scene is recorded with.
pub struct Recorder {
    size: (u32, u32),
    ops: Rc<RefCell<Vec<Op>>>,
}

/// The area a figure paints on to record its scene.
pub type SceneArea = DrawingArea<Recorder, Shift>;

impl Scene {
    /// Records what `paint` draws on an area of `size` device pixels;
    /// with what `paint` returns (the parts that answer hover).
    pub fn record<T>(size: (u32, u32), paint: impl FnOnce(&SceneArea) -> T) -> (Scene, T) {
        let ops = Rc::new(RefCell::new(Vec::new()));
        let out = {
            let root = Recorder {
                size,
                ops: Rc::clone(&ops),
            }
            .into_drawing_area();
            paint(&root)
        };
        let ops = ops.take();
        (Scene { size, ops }, out)
    }

    /// The size it was recorded at, in device pixels.
    pub fn size(&self) -> (u32, u32) {
        self.size
    }

    /// How many things it draws.
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// Whether it draws nothing.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Draws it on `backend`, in the order recorded, and presents it.
    pub fn play<DB: DrawingBackend>(
        &self,
        backend: &mut DB,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        backend.ensure_prepared()?;
        for op in &self.ops {
            match op {
                Op::Pixel(p, c) => backend.draw_pixel(*p, *c)?,
                Op::Line(a, b, s) => backend.draw_line(*a, *b, s)?,
                Op::Rect(a, b, s, fill) => backend.draw_rect(*a, *b, s, *fill)?,
                Op::Path(points, s) => backend.draw_path(points.iter().copied(), s)?,
                Op::Circle(c, r, s, fill) => backend.draw_circle(*c, *r, s, *fill)?,
                Op::Polygon(points, s) => backend.fill_polygon(points.iter().copied(), s)?,
                Op::Text(text, f, at) => {
                    let font = FontDesc::new(FontFamily::from(f.family.as_str()), f.size, f.style)
                        .transform(f.transform.clone());
                    let style = TextStyle {
                        font,
                        color: f.color,
                        pos: f.pos,
                    };
                    backend.draw_text(text, &style, *at)?
                }
            }
        }
        backend.present()
    }
}

impl Recorder {
    fn push(&self, op: Op) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops.borrow_mut().push(op);
        Ok(())
    }
}

impl DrawingBackend for Recorder {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Line(from, to, Stroke::of(style)))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Rect(upper_left, bottom_right, Stroke::of(style), fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Path(path.into_iter().collect(), Stroke::of(style)))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Circle(center, radius, Stroke::of(style), fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Polygon(vert.into_iter().collect(), Stroke::of(style)))
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let font = Font {
            family: style.family().as_str().to_string(),
            size: style.size(),
            style: style.style(),
            transform: style.transform(),
            color: style.color(),
            pos: style.anchor(),
        };
        self.push(Op::Text(text.to_string(), font, pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{figure_chart, Figure};
    use crate::figures::pillars::PillarProfile;
    use crate::figures::ranking::Ranking;
    use crate::figures::targets::Targets;
    use crate::figures::tasks::Tracker;
    use crate::figures::trend::Trend;
    use crate::figures::{FigureKind, Palette};
    use crate::{Lang, UrlState};
    use plotters::prelude::SVGBackend;

    /// Every chart kind of the demo's views, drawn directly on `draw`'s
    /// backend and through a scene.
    fn same_both_ways<K: FigureKind>(figure: &K, name: &str) {
        for (pal, dpr) in [(Palette::LIGHT, 1.0), (Palette::of(true), 2.0)] {
            let (w, h) = (
                (640.0 * dpr) as u32,
                (figure.height(640.0) * dpr).round() as u32,
            );
            let mut direct = String::new();
            let direct_parts = {
                let root = SVGBackend::with_string(&mut direct, (w, h)).into_drawing_area();
                let parts = figure.paint(&root, dpr, &pal, Lang::En);
                let _ = root.present();
                parts
            };
            let (scene, parts) =
                Scene::record((w, h), |root| figure.paint(root, dpr, &pal, Lang::En));
            assert!(!scene.is_empty() && scene.size() == (w, h), "{name}");
            let mut played = String::new();
            {
                let mut svg = SVGBackend::with_string(&mut played, (w, h));
                scene.play(&mut svg).expect("played");
            }
            assert_eq!(played, direct, "{name} at {dpr}x");
            assert_eq!(parts.len(), direct_parts.len(), "{name}");
            for (a, b) in parts.iter().zip(&direct_parts) {
                assert_eq!((a.x0, a.y0, a.x1, a.y1), (b.x0, b.y0, b.x1, b.y1), "{name}");
                assert_eq!(a.lines, b.lines, "{name}");
            }
        }
    }

    /// Guards the one drawing description: every chart kind, recorded on
    /// a scene and played as SVG, is the very SVG plotters writes when the
    /// chart paints on its SVG backend itself, on both papers and at a
    /// devicePixelRatio of 2; and the parts that answer hover are the same.
    #[test]
    fn a_played_scene_is_the_chart_drawn_directly() {
        let d = crate::test_support::demo();
        let state = UrlState::from_query("?province=79");
        let l = Lang::En;
        let built = |f: Figure| figure_chart(&d, f, &state, l).expect("a chart").0;
        same_both_ways(
            built(Figure::Ranking).kind::<Ranking>().expect("ranking"),
            "ranking",
        );
        same_both_ways(
            built(Figure::Trend).kind::<Trend>().expect("trend"),
            "trend",
        );
        same_both_ways(
            built(Figure::Pillars)
                .kind::<PillarProfile>()
                .expect("pillars"),
            "pillars",
        );
        same_both_ways(
            built(Figure::Tasks).kind::<Tracker>().expect("tasks"),
            "tasks",
        );
        same_both_ways(
            built(Figure::Targets).kind::<Targets>().expect("targets"),
            "targets",
        );
    }
}
