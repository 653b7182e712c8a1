//! The map's embed page (`embed-map.html`) without a framework: the same
//! elements, classes and texts as the site's embedded map (`EmbedMap` in
//! the site's build, for `?page=embed` on the site's address), built once
//! from the loaded data. The view changes only by zooming (kept in the
//! link) and by the reader's back and forward buttons.

use super::dom::{el, listen, replace_children, El};
use super::map_view::{
    communes_of, credit, file_of, former_file_of, full_table, map_image, map_title,
    open_on_the_site, opened, shown_table, unit_set_of, unplaced_list, Credit,
};
use super::map_widget::{MapEvents, MapSpec, MapWidget};
use crate::browser::{self, save_csv, save_png, save_svg, start_embedding, url_state};
use crate::fetch::{load_boundaries, load_progress, prefetch};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::boundaries::Region;
use tien_do_core::choropleth::{chosen_view, commune_map, map_data, MapData};
use tien_do_core::export::file_stem;
use tien_do_core::figure::{full_view_url, Figure};
use tien_do_core::figures;
use tien_do_core::format::format_date;
use tien_do_core::url_state::effective_lang;
use tien_do_core::{Lang, LoadError, Msg, ProgressData, UrlState};
use web_sys::Element;

/// The page: its language, its view, and where its parts go.
struct Page {
    lang: Lang,
    dark: bool,
    /// The view the link holds (its zoom changes).
    state: RefCell<UrlState>,
    /// `<main>`: the loading skeleton, the error, or the figure.
    main: Element,
    /// The link to the same view on the site, which follows the zoom.
    full_link: RefCell<Option<Element>>,
    /// The map, once drawn.
    widget: RefCell<Option<Rc<MapWidget>>>,
    /// The day of the newest figure, once the data is loaded.
    as_of: RefCell<Option<String>>,
    /// Whether the service worker answered with the copy saved on this
    /// device.
    saved_copy: std::cell::Cell<bool>,
}

/// Builds the map's embed page in `<body>` and loads its data.
pub fn start() {
    let state = view_now();
    let lang = effective_lang(state.lang, browser::remembered_lang().as_deref());
    if let Some(l) = state.lang {
        browser::remember_lang(l);
    }
    let dark = state
        .theme
        .unwrap_or_default()
        .is_dark(browser::prefers_dark());
    browser::set_document_theme(dark);
    browser::set_document_lang_and_title(
        lang,
        &format!(
            "{} · {}",
            Msg::NavEmbed.text(lang),
            Msg::AppTitle.text(lang)
        ),
    );
    start_embedding(&state);
    let main = el("main").attr("id", "main").class("embed-main");
    if let Some(body) = super::dom::document().and_then(|d| d.body()) {
        let _ = body.append_child(&main.0);
    }
    let page = Rc::new(Page {
        lang,
        dark,
        state: RefCell::new(state),
        main: main.0,
        full_link: RefCell::new(None),
        widget: RefCell::new(None),
        as_of: RefCell::new(None),
        saved_copy: std::cell::Cell::new(false),
    });
    // Whether the service worker answered with the copy saved on this
    // device (said as soon as the data is shown).
    let me = Rc::clone(&page);
    browser::on_saved_copy(move || {
        me.saved_copy.set(true);
        me.saved_copy_notice();
    });
    // Back and forward: a zoom is shown again; any other view is loaded.
    if let Some(w) = web_sys::window() {
        let me = Rc::clone(&page);
        listen(&w, "popstate", move |_| me.went_back());
    }
    page.load(false);
}

impl Page {
    /// Loads the data and draws the figure; `again`: after an error, whose
    /// panel stays (its button busy) until the answer comes.
    fn load(self: &Rc<Self>, again: bool) {
        if !again {
            replace_children(&self.main, skeleton(self.lang));
        }
        let me = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            let url = me.state.borrow().data_url().to_string();
            match load_progress(url.clone()).await {
                Ok(data) => me.show(data),
                Err(e) => {
                    let retry = Rc::clone(&me);
                    let panel = error_panel(&e, &url, me.lang, move || retry.load(true));
                    replace_children(&me.main, &panel);
                    if again {
                        focus_retry(&me.main);
                    }
                }
            }
        });
    }

    /// The figure from the loaded data: its title, tools, summary and
    /// notes, the map (once its boundaries are loaded), its legend,
    /// source and credit, and the link to the site.
    fn show(self: &Rc<Self>, data: Arc<ProgressData>) {
        let (l, state) = (self.lang, self.state.borrow().clone());
        let chosen = chosen_view(&data, state.indicator.as_deref(), state.period.as_deref());
        let communes = communes_of(&data, chosen.as_ref(), &state);
        let unit_set = unit_set_of(&data, chosen.as_ref());
        let data_url = state.data_url().to_string();
        let file = file_of(&data, &communes, unit_set.as_deref(), &data_url);
        let former_file = former_file_of(&data, communes.is_some(), unit_set.as_deref(), &data_url)
            .filter(|_| communes.is_some() || state.former);
        for f in file.iter().chain(&former_file) {
            prefetch(f);
        }
        // The provinces' values are known now; the communes' come with
        // their boundary file (names, kinds, provinces).
        let map = chosen
            .as_ref()
            .filter(|_| communes.is_none())
            .and_then(|(i, p)| map_data(&data, i, p))
            .map(Arc::new);
        let h1 = el("h1").text(&map_title(map.as_deref(), l));
        let area = el("div")
            .class("map-area")
            .child(el("div").class("sk map-skeleton"));
        let side = el("aside").class("map-side");
        let layout = el("div").class("map-layout").child(&area).child(&side);
        let figure = el("article")
            .class("map-page embed-map")
            .child(&h1)
            .child(&layout);
        let full = el("a")
            .attr("href", &full_view_url(&browser::site_base(), &state))
            .attr("target", "_blank")
            .attr("rel", "noopener")
            .text(Msg::OpenFullView.text(l))
            .text(" ↗");
        *self.full_link.borrow_mut() = Some(full.0.clone());
        let embed = el("article")
            .class(&format!("embed embed-{}", Figure::Map.slug()))
            .child(&figure)
            .child(
                el("p")
                    .class("embed-link")
                    .child(full)
                    .text(" · ")
                    .text(Msg::AppTitle.text(l)),
            );
        replace_children(&self.main, &embed);
        *self.as_of.borrow_mut() = Some(data.newest_figure_date().to_string());
        self.saved_copy_notice();
        let parts = Parts {
            data,
            h1: h1.0,
            figure: figure.0,
            layout: layout.0,
            area: area.0,
            side: side.0,
            drawn: Rc::new(RefCell::new(None)),
        };
        if let Some(m) = &map {
            self.describe(&parts, m);
        }
        let me = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            me.draw_map(parts, map, (chosen, communes), (file, former_file), false)
                .await;
        });
    }

    /// Loads the boundaries and draws the map, then the borders over it
    /// once they load (else without them), or says why there is no map;
    /// `again`: after an error, whose panel stays until the answer comes.
    async fn draw_map(
        self: &Rc<Self>,
        parts: Parts,
        map: Option<Arc<MapData>>,
        (chosen, communes): (Option<(String, String)>, Option<Option<String>>),
        (file, former_file): (Option<String>, Option<String>),
        again: bool,
    ) {
        let l = self.lang;
        let Some(file) = file else {
            let none = el("p").class("no-map").text(Msg::NoMap.text(l));
            replace_children(&parts.area, &none);
            return;
        };
        let regions = match load_boundaries(file.clone()).await {
            Ok(r) => r,
            Err(e) => {
                let me = Rc::clone(self);
                let retry = RefCell::new(Some((parts.clone(), map, chosen, communes, former_file)));
                let (area, shown) = (parts.area.clone(), file.clone());
                let panel = error_panel(&e, &shown, l, move || {
                    if let Some((parts, map, chosen, communes, former)) = retry.borrow_mut().take()
                    {
                        let (me, file) = (Rc::clone(&me), file.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            me.draw_map(parts, map, (chosen, communes), (Some(file), former), true)
                                .await;
                        });
                    }
                });
                replace_children(&area, &panel);
                if again {
                    focus_retry(&area);
                }
                return;
            }
        };
        *parts.drawn.borrow_mut() = Some((Arc::clone(&regions), None));
        let state = self.state.borrow().clone();
        let map = match (&communes, &chosen) {
            (Some(_), Some((i, p))) => {
                let m = commune_map(&parts.data, i, p, &regions).map(Arc::new);
                if let Some(m) = &m {
                    parts.h1.set_text_content(Some(&map_title(Some(m), l)));
                    self.describe(&parts, m);
                }
                m
            }
            _ => map,
        };
        let selected = match communes {
            Some(_) => state.commune.clone(),
            None => state.province.clone(),
        };
        let (me, me_zoom) = (Rc::clone(self), Rc::clone(self));
        let all = Arc::clone(&regions);
        let widget = MapWidget::new(
            MapSpec {
                regions,
                overlay: None,
                map,
                lang: l,
                dark: self.dark,
                selected,
                zoom: state.zoom,
                described_by: "map-summary".to_string(),
            },
            MapEvents {
                open: Box::new(move |code| {
                    let communes = communes.as_ref().map(|_| all.as_slice());
                    open_on_the_site(opened(&me.state.borrow(), &code, communes));
                }),
                zoom: Box::new(move |z| me_zoom.zoomed(z)),
                drawn: Box::new(|| {}),
            },
        );
        replace_children(&parts.area, widget.element());
        *self.widget.borrow_mut() = Some(Rc::clone(&widget));
        // The borders over the map (fetched since the data came): drawn if
        // they load, else left out.
        if let Some(f) = former_file {
            if let Ok(overlay) = load_boundaries(f).await {
                if let Some((_, o)) = parts.drawn.borrow_mut().as_mut() {
                    *o = Some(Arc::clone(&overlay));
                }
                widget.set_overlay(Some(overlay));
            }
        }
    }

    /// A gesture ended on the zoom `z`: the link keeps it.
    fn zoomed(&self, z: Option<tien_do_core::zoom::MapZoom>) {
        let (next, replace) = {
            let s = self.state.borrow();
            let next = UrlState {
                zoom: z,
                ..s.clone()
            };
            let replace = s.replaces_history(&next);
            (next, replace)
        };
        browser::set_query(&next.to_query(), replace);
        self.follow(next);
    }

    /// The reader went back or forward: the zoom is shown again; another
    /// view is loaded.
    fn went_back(&self) {
        let next = view_now();
        let same_view = {
            let s = self.state.borrow();
            UrlState {
                zoom: s.zoom,
                ..next.clone()
            } == *s
        };
        if !same_view {
            browser::reload();
            return;
        }
        if let Some(w) = self.widget.borrow().as_ref() {
            w.set_zoom(next.zoom);
        }
        self.follow(next);
    }

    /// Keeps the view `next`, and the link to it on the site.
    fn follow(&self, next: UrlState) {
        if let Some(a) = self.full_link.borrow().as_ref() {
            let _ = a.set_attribute("href", &full_view_url(&browser::site_base(), &next));
        }
        *self.state.borrow_mut() = next;
    }

    /// Said when the service worker answered with the copy saved on this
    /// device (the network failed), once the data is shown: the reader sees
    /// how old it is.
    fn saved_copy_notice(&self) {
        let as_of = self.as_of.borrow();
        let (Some(as_of), true) = (as_of.as_deref(), self.saved_copy.get()) else {
            return;
        };
        if self
            .main
            .query_selector(".saved-copy")
            .ok()
            .flatten()
            .is_some()
        {
            return;
        }
        let l = self.lang;
        let notice = el("p")
            .class("saved-copy")
            .attr("role", "status")
            .text(Msg::SavedCopy.text(l))
            .text(" ")
            .text(&format_date(as_of, l))
            .text(".");
        let _ = self.main.prepend_with_node_1(&notice.0);
    }
}

/// Where the figure's parts go, and the data they are drawn from.
#[derive(Clone)]
struct Parts {
    data: Arc<ProgressData>,
    h1: Element,
    /// The figure: the tools, the summary and the notes go in it before
    /// `layout`.
    figure: Element,
    layout: Element,
    area: Element,
    side: Element,
    /// The boundaries (and the borders over them) drawn, once loaded: what
    /// the image downloads draw.
    drawn: Rc<RefCell<Drawn>>,
}

/// The boundaries drawn and the borders over them.
type Drawn = Option<(Arc<Vec<Region>>, Option<Arc<Vec<Region>>>)>;

impl Page {
    /// The map `m` in words and beside the map: the downloads, the
    /// summary (or the note that no commune value is published), the
    /// units not on the map, the legend, the source and the credit.
    fn describe(self: &Rc<Self>, parts: &Parts, m: &Arc<MapData>) {
        let l = self.lang;
        let above = [
            Some(self.tools(parts, m)),
            Some(if m.boundaries_only() {
                note(Msg::CommuneNoValues.text(l), "map-note")
            } else {
                el("p")
                    .class("map-summary")
                    .attr("id", "map-summary")
                    .text(&figures::map::summary(m, l))
            }),
            unplaced_list(m).map(|list| {
                note(
                    &format!("{}: {list}", Msg::NotOnMap.text(l)),
                    "map-note unplaced",
                )
            }),
        ];
        for e in above.into_iter().flatten() {
            let _ = parts.figure.insert_before(&e.0, Some(&parts.layout));
        }
        let side = El(parts.side.clone());
        let side = side.child_opt(figures::map::legend(m, l).map(|legend| {
            let mut ul = el("ul");
            for (colour, range) in &legend.classes {
                let swatch = el("span")
                    .class("swatch")
                    .attr("style", &format!("background:{colour}"));
                ul = ul.child(el("li").child(swatch).text(range));
            }
            if let Some(text) = legend.not_published {
                let swatch = el("span").class("swatch not-published");
                ul = ul.child(el("li").child(swatch).text(text));
            }
            el("figure")
                .class("map-legend")
                .child(el("figcaption").text(&legend.caption))
                .child(ul)
        }));
        let side = side.child_opt(m.source.as_ref().map(|s| {
            let label = s.label(l);
            let link = match s.link() {
                Some(u) => el("a")
                    .attr("href", u)
                    .attr("rel", "noopener")
                    .attr("target", "_blank")
                    .text(&label),
                None => el("span").text(&label),
            };
            let cite = el("p")
                .class("cite")
                .text(Msg::Source.text(l))
                .text(": ")
                .child(link);
            match &s.published {
                Some(d) => cite.text(&format!(" ({})", format_date(d, l))),
                None => cite,
            }
        }));
        let data_url = self.state.borrow().data_url().to_string();
        let credit = credit(&parts.data, m, &data_url).map(|c| match c {
            Credit::Shipped(msg) => el("span").text(msg.text(l)),
            Credit::Published(url) => el("span")
                .text(Msg::BoundariesPublished.text(l))
                .text(": ")
                .child(el("a").attr("href", &url).text(&url)),
        });
        side.child(el("p").class("credit").child_opt(credit));
    }

    /// The map's downloads: the image as shown (zoom, selected unit,
    /// borders over it), the table of what is shown, the full series.
    fn tools(self: &Rc<Self>, parts: &Parts, m: &Arc<MapData>) -> El {
        let l = self.lang;
        let title = map_title(Some(m), l);
        let stem = file_stem(&title);
        let as_of = parts.data.as_of.clone();
        let menu = el("details").class("downloads");
        let tools = el("div").class("figure-tools");
        // The image of the map as shown now.
        let image = {
            let (me, m, drawn, title, as_of) = (
                Rc::clone(self),
                Arc::clone(m),
                Rc::clone(&parts.drawn),
                title.clone(),
                as_of.clone(),
            );
            move || {
                let drawn = drawn.borrow();
                let (regions, overlay) = drawn.as_ref()?;
                let state = me.state.borrow();
                map_image(
                    &m,
                    (regions, overlay.as_deref()),
                    &state,
                    (&title, &as_of),
                    l,
                )
            }
        };
        // Says whether the file chosen was saved.
        let done = {
            let tools = tools.0.clone();
            move |ok: bool| {
                let shown = tools.query_selector(".notice-inline").ok().flatten();
                match (ok, shown) {
                    (true, Some(n)) => n.remove(),
                    (false, None) => {
                        let _ = tools.append_child(
                            &el("p")
                                .class("notice-inline")
                                .attr("role", "status")
                                .text(Msg::DownloadFailed.text(l))
                                .0,
                        );
                    }
                    _ => {}
                }
            }
        };
        let button = |kind: &str, msg: Msg, f: Box<dyn Fn()>| {
            let menu_el = menu.0.clone();
            el("li").child(
                el("button")
                    .attr("type", "button")
                    .attr("data-download", kind)
                    .text(msg.text(l))
                    .on("click", move |_| {
                        // The menu closes once a file is chosen, as menus do.
                        let _ = menu_el.remove_attribute("open");
                        f();
                    }),
            )
        };
        let png = {
            let (image, done, stem) = (image.clone(), done.clone(), stem.clone());
            button(
                "png",
                Msg::DownloadPng,
                Box::new(move || {
                    let (image, done, stem) = (image(), done.clone(), stem.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        done(save_png(&stem, image).await);
                    });
                }),
            )
        };
        let svg = {
            let done = done.clone();
            button(
                "svg",
                Msg::DownloadSvg,
                Box::new(move || done(save_svg(&stem, image()))),
            )
        };
        let shown = {
            let (m, title, as_of, done) = (Arc::clone(m), title.clone(), as_of, done.clone());
            button(
                "csv",
                Msg::DownloadCsvShown,
                Box::new(move || done(save_csv(&shown_table(&m, &title, &as_of, l), ""))),
            )
        };
        let full = {
            let (d, m) = (Arc::clone(&parts.data), Arc::clone(m));
            button(
                "csv-full",
                Msg::DownloadCsvFull,
                Box::new(move || done(save_csv(&full_table(&d, &m, &title, l), "-full"))),
            )
        };
        let list = el("ul").child(png).child(svg).child(shown).child(full);
        tools.child(
            menu.child(el("summary").text(Msg::Download.text(l)))
                .child(list),
        )
    }
}

/// The view the address holds now: the map's, whatever `<html
/// data-embed>` says.
fn view_now() -> UrlState {
    let embedded = browser::embed_figure().and_then(|f| Figure::from_slug(&f));
    url_state(embedded.or(Some(Figure::Map)))
}

/// Gives the keyboard's focus to the retry button of the panel in
/// `parent`: the one pressed was replaced by it.
fn focus_retry(parent: &Element) {
    if let Some(b) = parent.query_selector(".retry").ok().flatten() {
        if let Some(b) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&b) {
            let _ = b.focus();
        }
    }
}

/// A note above the map.
fn note(text: &str, class: &str) -> El {
    el("p").class(class).attr("role", "note").text(text)
}

/// The loading skeleton, as the site's.
fn skeleton(l: Lang) -> El {
    let mut row = el("div").class("sk-row");
    for _ in 0..4 {
        row = row.child(el("div").class("sk sk-card"));
    }
    el("div")
        .class("skeleton")
        .attr("aria-busy", "true")
        .child(
            el("p")
                .class("visually-hidden")
                .attr("role", "status")
                .text(Msg::Loading.text(l)),
        )
        .child(el("div").class("sk sk-title"))
        .child(row)
        .child(el("div").class("sk sk-block"))
}

/// What went wrong loading `url`, in words, with its technical detail and
/// a button that tries again (`retry`), as the site's panel.
fn error_panel(e: &LoadError, url: &str, l: Lang, retry: impl Fn() + 'static) -> El {
    let (title, url_label) = match e {
        LoadError::Boundaries { .. } => (Msg::MapErrorTitle, Msg::BoundaryFileUrl),
        _ => (Msg::ErrorTitle, Msg::ErrorDataUrl),
    };
    let detail = e.detail().map(|d| {
        el("details")
            .class("error-detail")
            .child(el("summary").text(Msg::TechnicalDetail.text(l)))
            .child(el("code").text(d))
    });
    let button = el("button")
        .attr("type", "button")
        .class("retry")
        .attr("aria-busy", "false")
        .text(Msg::Retry.text(l));
    let pressed = button.0.clone();
    let button = button.on("click", move |_| {
        // Trying: the button says so until the panel is replaced.
        let _ = pressed.set_attribute("disabled", "");
        let _ = pressed.set_attribute("aria-busy", "true");
        pressed.set_text_content(Some(Msg::Loading.text(l)));
        retry();
    });
    el("section")
        .class("load-error")
        .attr("role", "alert")
        .attr("aria-live", "assertive")
        .child(el("h1").text(title.text(l)))
        .child(el("p").class("error-message").text(&e.message(l)))
        .child(
            el("p")
                .class("error-url")
                .text(url_label.text(l))
                .text(": ")
                .child(el("code").text(url)),
        )
        .child_opt(detail)
        .child(button)
}
