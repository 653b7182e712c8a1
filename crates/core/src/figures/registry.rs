//! The chart figures, listed once (as Our World in Data's grapher lists its
//! chart types in `ChartTypeMap`). Each line names the figure (its
//! [`Figure`] in the URL), the type its module draws and its class; the
//! [`Chart`] that pages, downloads and embeds pass around is any of them
//! behind one interface, and [`Chart::build`] makes the one a view asks
//! for. Adding a chart is one module and one line here (and its [`Figure`]
//! and messages): the page draws any of them with the same component.
//!
//! A [`Chart`] holds its kind behind a pointer, not in an enum: a build
//! links the drawing of the kinds it makes and no other (the overview,
//! which makes the ranking alone, is 15 KB lighter than with an enum whose
//! every method reaches every kind).

use super::scene::{Scene, SceneArea};
use super::{pillars, ranking, targets, tasks, trend};
use super::{FigureKind, HitBox, Palette};
use crate::data::{ProgressData, Source};
use crate::export::Table;
use crate::url_state::{Figure, UrlState};
use crate::{Lang, Msg};
use plotters::prelude::SVGBackend;
use std::any::Any;
use std::fmt::Debug;
use std::sync::Arc;

/// A chart figure's line in the registry: which [`Figure`] it draws and
/// the class its page gives it. A page that draws one kind alone (a
/// chart's embed page) needs no other kind's code.
pub trait Listed: FigureKind {
    /// The figure it draws.
    const FIGURE: Figure;
    /// The class the page gives the figure, for styles and tests.
    const CLASS: &'static str;
}

macro_rules! registry {
    ($($(#[$doc:meta])* $name:ident => $kind:ty, $class:literal;)+) => {
        $($(#[$doc])*
        impl Listed for $kind {
            const FIGURE: Figure = Figure::$name;
            const CLASS: &'static str = $class;
        })+

        impl Chart {
            /// The chart of `figure` for a view, with its title; `Err`
            /// says in words why there is none (the map is not a chart).
            pub fn build(
                figure: Figure,
                data: &ProgressData,
                state: &UrlState,
                lang: Lang,
            ) -> Result<(Chart, String), Msg> {
                match figure {
                    $(Figure::$name => <$kind>::build(data, state, lang)
                        .map(|(x, title)| (Chart::from(x), title)),)+
                    #[allow(unreachable_patterns)]
                    _ => Err(Msg::MapFigure),
                }
            }
        }
    };
}

registry! {
    /// The units ranked on one indicator and period.
    Ranking => ranking::Ranking, "ranking-chart";
    /// A province over the periods of one indicator.
    Trend => trend::Trend, "trend-chart";
    /// A province's profile on an index's pillars in one period.
    Pillars => pillars::PillarProfile, "pillar-chart";
    /// The task tracker: one series per ledger.
    Tasks => tasks::Tracker, "task-tracker-chart";
    /// National figures against their totals or targets.
    Targets => targets::Targets, "target-chart";
}

/// What a page asks of a chart, whatever its kind: its [`FigureKind`],
/// drawn on a scene (one backend, so that it can stand behind a pointer).
/// Not `Debug`: a vtable keeps every method it names, and each kind's
/// derived formatting would be linked into every build.
trait AnyChart: Send + Sync {
    fn figure(&self) -> Figure;
    fn css_class(&self) -> &'static str;
    fn height(&self, width: f64) -> f64;
    fn paint(&self, root: &SceneArea, d: f64, pal: &Palette, lang: Lang) -> Vec<HitBox>;
    fn legend(&self, lang: Lang) -> Vec<(String, String)>;
    fn sources(&self) -> Vec<Source>;
    fn shown_table(&self, title: &str, lang: Lang) -> Table;
    fn full_table(&self, data: &ProgressData, title: &str, lang: Lang) -> Table;
    fn as_of(&self) -> Option<String>;
    fn notes(&self, lang: Lang) -> Vec<String>;
    fn as_any(&self) -> &dyn Any;
}

impl<K: Listed + Send + Sync + 'static> AnyChart for K {
    fn figure(&self) -> Figure {
        K::FIGURE
    }
    fn css_class(&self) -> &'static str {
        K::CLASS
    }
    fn height(&self, width: f64) -> f64 {
        FigureKind::height(self, width)
    }
    fn paint(&self, root: &SceneArea, d: f64, pal: &Palette, lang: Lang) -> Vec<HitBox> {
        FigureKind::paint(self, root, d, pal, lang)
    }
    fn legend(&self, lang: Lang) -> Vec<(String, String)> {
        FigureKind::legend(self, lang)
    }
    fn sources(&self) -> Vec<Source> {
        FigureKind::sources(self)
    }
    fn shown_table(&self, title: &str, lang: Lang) -> Table {
        FigureKind::shown_table(self, title, lang)
    }
    fn full_table(&self, data: &ProgressData, title: &str, lang: Lang) -> Table {
        FigureKind::full_table(self, data, title, lang)
    }
    fn as_of(&self) -> Option<String> {
        FigureKind::as_of(self)
    }
    fn notes(&self, lang: Lang) -> Vec<String> {
        FigureKind::notes(self, lang)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A chart figure with what it draws: what a page hands to the canvas, to
/// the downloads and to the embeds alike, whatever its kind.
#[derive(Clone)]
pub struct Chart(Arc<dyn AnyChart>);

impl Debug for Chart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Chart").field(&self.figure()).finish()
    }
}

impl<K: Listed + Send + Sync + 'static> From<K> for Chart {
    fn from(x: K) -> Chart {
        Chart(Arc::new(x))
    }
}

impl Chart {
    /// A chart of the figure `x`, already shared.
    pub fn shared<K: Listed + Send + Sync + 'static>(x: Arc<K>) -> Chart {
        Chart(x)
    }

    /// The figure of kind `K`, if it is one.
    pub fn kind<K: 'static>(&self) -> Option<&K> {
        self.0.as_any().downcast_ref()
    }

    /// The class the page gives the figure, for styles and tests.
    pub fn css_class(&self) -> &'static str {
        self.0.css_class()
    }

    /// Which figure it is.
    pub fn figure(&self) -> Figure {
        self.0.figure()
    }

    /// The height in CSS pixels for a width in CSS pixels.
    pub fn height(&self, width: f64) -> f64 {
        self.0.height(width)
    }

    /// Draws the chart on `root` (a scene's whole area) at `d` device
    /// pixels per CSS pixel and returns the parts that answer hover.
    pub fn paint(&self, root: &SceneArea, d: f64, pal: &Palette, lang: Lang) -> Vec<HitBox> {
        self.0.paint(root, d, pal, lang)
    }

    /// The key of the chart's colours: each colour (CSS) with what it
    /// means.
    pub fn legend(&self, lang: Lang) -> Vec<(String, String)> {
        self.0.legend(lang)
    }

    /// Where the chart's numbers come from, each source once.
    pub fn sources(&self) -> Vec<Source> {
        self.0.sources()
    }

    /// What the chart shows, as a table in `lang`.
    pub fn shown_table(&self, title: &str, lang: Lang) -> Table {
        self.0.shown_table(title, lang)
    }

    /// The full series behind the chart.
    pub fn full_table(&self, data: &ProgressData, title: &str, lang: Lang) -> Table {
        self.0.full_table(data, title, lang)
    }

    /// The day the chart's numbers refer to, if it knows it.
    pub fn as_of(&self) -> Option<String> {
        self.0.as_of()
    }

    /// Lines a reader must know to read the chart right.
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        self.0.notes(lang)
    }

    /// The chart alone as an SVG document `width` CSS pixels wide.
    pub fn svg(&self, width: f64, pal: &Palette, lang: Lang) -> String {
        svg_document(width, self.height(width), |root| {
            self.paint(root, 1.0, pal, lang);
        })
    }
}

/// A figure of one kind alone as an SVG document `width` CSS pixels wide,
/// as [`Chart::svg`] draws any.
pub fn svg_of<K: FigureKind>(figure: &K, width: f64, pal: &Palette, lang: Lang) -> String {
    svg_document(width, figure.height(width), |root| {
        figure.paint(root, 1.0, pal, lang);
    })
}

/// An SVG document `width` x `height` CSS pixels, drawn by `draw` on a
/// scene (as the canvas draws it) and written as SVG.
fn svg_document(width: f64, height: f64, draw: impl FnOnce(&SceneArea)) -> String {
    let (w, h) = (
        width.round().max(1.0) as u32,
        height.round().max(1.0) as u32,
    );
    let (scene, ()) = Scene::record((w, h), draw);
    let mut out = String::new();
    {
        let mut svg = SVGBackend::with_string(&mut out, (w, h));
        let _ = scene.play(&mut svg);
    }
    out
}
