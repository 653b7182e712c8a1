//! The chart figures, listed once (as Our World in Data's grapher lists its
//! chart types in `ChartTypeMap`). Each line names the figure (its
//! [`Figure`] in the URL) and the type its module draws; the [`Chart`]
//! that pages, downloads and embeds pass around, and every dispatch to the
//! figure's [`FigureKind`], are made from this list. Adding a chart is one
//! module and one line here (and its [`Figure`] and messages): the page
//! draws any of them with the same component.

use super::scene::{Scene, SceneArea};
use super::{pillars, ranking, targets, tasks, trend};
use super::{FigureKind, HitBox, Palette};
use crate::data::{ProgressData, Source};
use crate::export::Table;
use crate::url_state::{Figure, UrlState};
use crate::{Lang, Msg};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, SVGBackend};
use std::sync::Arc;

macro_rules! registry {
    ($($(#[$doc:meta])* $name:ident => $kind:ty, $class:literal;)+) => {
        /// A chart figure with what it draws: what a page hands to the
        /// canvas, to the downloads and to the embeds alike.
        #[derive(Clone, Debug)]
        pub enum Chart {
            $($(#[$doc])* $name(Arc<$kind>),)+
        }

        $(impl From<$kind> for Chart {
            fn from(x: $kind) -> Chart {
                Chart::$name(Arc::new(x))
            }
        }

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

            /// The class the page gives the figure, for styles and tests.
            pub fn css_class(&self) -> &'static str {
                match self {
                    $(Chart::$name(_) => $class,)+
                }
            }

            /// Which figure it is.
            pub fn figure(&self) -> Figure {
                match self {
                    $(Chart::$name(_) => Figure::$name,)+
                }
            }

            /// The height in CSS pixels for a width in CSS pixels.
            pub fn height(&self, width: f64) -> f64 {
                match self {
                    $(Chart::$name(x) => x.height(width),)+
                }
            }

            /// Draws the chart on `root` (its whole area) at `d` device
            /// pixels per CSS pixel and returns the parts that answer hover.
            pub fn paint<DB: DrawingBackend>(
                &self,
                root: &DrawingArea<DB, Shift>,
                d: f64,
                pal: &Palette,
                lang: Lang,
            ) -> Vec<HitBox> {
                match self {
                    $(Chart::$name(x) => x.paint(root, d, pal, lang),)+
                }
            }

            /// The key of the chart's colours: each colour (CSS) with what
            /// it means.
            pub fn legend(&self, lang: Lang) -> Vec<(String, String)> {
                match self {
                    $(Chart::$name(x) => x.legend(lang),)+
                }
            }

            /// Where the chart's numbers come from, each source once.
            pub fn sources(&self) -> Vec<Source> {
                match self {
                    $(Chart::$name(x) => x.sources(),)+
                }
            }

            /// What the chart shows, as a table in `lang`.
            pub fn shown_table(&self, title: &str, lang: Lang) -> Table {
                match self {
                    $(Chart::$name(x) => x.shown_table(title, lang),)+
                }
            }

            /// The full series behind the chart.
            pub fn full_table(&self, data: &ProgressData, title: &str, lang: Lang) -> Table {
                match self {
                    $(Chart::$name(x) => x.full_table(data, title, lang),)+
                }
            }

            /// The day the chart's numbers refer to, if it knows it.
            pub fn as_of(&self) -> Option<String> {
                match self {
                    $(Chart::$name(x) => x.as_of(),)+
                }
            }

            /// Lines a reader must know to read the chart right.
            pub fn notes(&self, lang: Lang) -> Vec<String> {
                match self {
                    $(Chart::$name(x) => x.notes(lang),)+
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

/// A chart figure's line in the registry: which [`Figure`] it draws and
/// the class its page gives it. A page that draws one kind alone (a
/// chart's embed page) needs no other kind's code.
pub trait Listed: FigureKind {
    /// The figure it draws.
    const FIGURE: Figure;
    /// The class the page gives the figure, for styles and tests.
    const CLASS: &'static str;
}

impl Chart {
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
