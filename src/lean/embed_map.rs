//! The map's embed page (`embed-map.html`) without a framework: the same
//! elements, classes and texts as the site's embedded map (`EmbedMap` in
//! the site's build, for `?page=embed` on the site's address), the map
//! figure (`map_figure`) in the embed's frame. The view changes only by
//! zooming (kept in the link) and by the reader's back and forward
//! buttons.

use super::dom::{el, listen};
use super::embed_page::{view_now, Shell};
use super::map_figure::{MapFigure, Place};
use crate::browser;
use std::rc::Rc;

/// Builds the map's embed page in `<body>` and loads its data.
pub fn start() {
    let shell = Shell::start();
    let figure = MapFigure::new(Rc::clone(&shell));
    // Back and forward: a zoom is shown again; any other view is loaded.
    if let Some(w) = web_sys::window() {
        let figure = Rc::clone(&figure);
        listen(&w, "popstate", move |_| {
            if !figure.went_back(&view_now()) {
                browser::reload();
            }
        });
    }
    let me = Rc::clone(&shell);
    shell.load(
        false,
        Rc::new(move |data| {
            let heading = el("h1");
            let article = el("article").class("map-page embed-map").child(&heading);
            me.show_framed(&article);
            figure.show(data, Place { article, heading });
        }),
    );
}
