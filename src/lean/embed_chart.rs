//! A chart's embed page (`embed-ranking.html`, `embed-trend.html`…)
//! without a framework: the same elements, classes and texts as the
//! site's embedded chart (`EmbedChart` and `ChartFrame` in the site's
//! build, for `?page=embed` on the site's address), built once from the
//! loaded data. One figure kind per page: [`show`] is generic over the
//! kind, so a build that names one kind carries no other's code.

use super::chart_figure::chart_figure;
use super::dom::{el, listen};
use super::embed_page::{view_now, Shell};
use crate::browser;
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::figures::Listed;
use tien_do_core::{Msg, ProgressData};

/// What a page draws from the loaded data.
pub type Draw = fn(&Shell, Arc<ProgressData>);

/// Builds a chart's embed page in `<body>` and loads its data; `draw`
/// picks the kind of chart for the figure the page names ([`show`] of
/// that kind).
pub fn start(draw: impl Fn(&Shell) -> Draw) {
    let shell = Shell::start();
    let draw = draw(&shell);
    // Back and forward: another view is loaded (a chart's view changes by
    // its address alone).
    if let Some(w) = web_sys::window() {
        let me = Rc::clone(&shell);
        listen(&w, "popstate", move |_| {
            if view_now() != *me.state.borrow() {
                browser::reload();
            }
        });
    }
    let me = Rc::clone(&shell);
    shell.load(false, Rc::new(move |data| draw(&me, data)));
}

/// Draws the chart of kind `K` for the page's view, framed: its title,
/// downloads, canvas, key, notes, table (made when first opened), the
/// day its numbers refer to and its sources; or, where the view has
/// nothing to draw, why.
pub fn show<K: Listed + 'static>(shell: &Shell, data: Arc<ProgressData>) {
    let l = shell.lang;
    let built = K::build(&data, &shell.state.borrow(), l);
    match built {
        Err(msg) => shell.show_framed(el("p").class("chart-note").text(msg.text(l))),
        Ok((chart, title)) => {
            shell.show_framed(chart_figure(Arc::new(chart), &title, data, (l, shell.dark)))
        }
    }
}

/// Says that the page's figure has no chart (the map's page is another
/// build's).
pub fn no_chart(shell: &Shell, _: Arc<ProgressData>) {
    let l = shell.lang;
    shell.show_framed(el("p").class("chart-note").text(Msg::MapFigure.text(l)));
}
