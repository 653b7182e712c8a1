//! The map as a figure on a framework-free page (the map's embed page, the
//! overview's headline map): its downloads (and embed codes, outside an
//! embed), its summary and notes, the map once its boundaries load, its
//! legend, source and credit. The same elements, classes and texts as the
//! site's `MapFigure`, built once from the loaded data. The view changes
//! only by zooming (kept in the link) and by the reader's back and
//! forward buttons.

use super::dom::{el, replace_children, El};
use super::map_view::{
    communes_of, credit, file_of, former_file_of, full_table, map_image, map_title, opened,
    shown_table, unit_set_of, unplaced_list, Credit,
};
use super::map_widget::{MapEvents, MapSpec, MapWidget};
use super::parts::{cite, downloads, error_panel, focus_retry, Downloads, Host};
use crate::browser;
use crate::fetch::{decoding_ahead, load_boundaries, load_boundaries_ahead, prefetch};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::boundaries::Region;
use tien_do_core::choropleth::{chosen_view, commune_map, map_data, MapData};
use tien_do_core::figures;
use tien_do_core::zoom::MapZoom;
use tien_do_core::{Msg, ProgressData, UrlState};
use web_sys::Element;

/// The map figure of a page.
pub struct MapFigure<H> {
    host: Rc<H>,
    /// The map, once drawn.
    widget: RefCell<Option<Rc<MapWidget>>>,
    /// Set once the page is built again without it: what is still on its
    /// way is dropped.
    gone: Cell<bool>,
    /// Called once the map is shown, or there will be none (no boundaries,
    /// or they failed), with the map's values: what waits for it may go
    /// ahead.
    settled: RefCell<Option<Settled>>,
    /// Called if the borders drawn over the map fail to load.
    overlay_failed: RefCell<Option<Box<dyn FnOnce()>>>,
}

/// What waits for the map, given its values (if any).
type Settled = Box<dyn FnOnce(Option<Arc<MapData>>)>;

/// What the figure is drawn into: the page's `article`, whose `heading`
/// says the map's title.
pub struct Place {
    /// The figure's element: the tools, the summary, the notes and the
    /// map's layout are added to it.
    pub article: El,
    /// Its heading: the map's title.
    pub heading: El,
}

impl<H: Host + 'static> MapFigure<H> {
    /// A map figure on the page `host`.
    pub fn new(host: Rc<H>) -> Rc<Self> {
        Rc::new(MapFigure {
            host,
            widget: RefCell::new(None),
            gone: Cell::new(false),
            settled: RefCell::new(None),
            overlay_failed: RefCell::new(None),
        })
    }

    /// The page is built again without this figure: its map stops
    /// listening, and what is still on its way is dropped.
    pub fn dispose(&self) {
        self.gone.set(true);
        self.settled.borrow_mut().take();
        if let Some(w) = self.widget.borrow_mut().take() {
            w.dispose();
        }
    }

    /// Calls `f` with the map's values once the map is shown, or there
    /// will be none.
    pub fn on_settled(&self, f: impl FnOnce(Option<Arc<MapData>>) + 'static) {
        *self.settled.borrow_mut() = Some(Box::new(f));
    }

    /// Calls `f` if the borders drawn over the map fail to load (on a
    /// page built again; an embed's build carries none of it).
    pub fn on_overlay_failed(&self, f: impl FnOnce() + 'static) {
        *self.overlay_failed.borrow_mut() = Some(Box::new(f));
    }

    fn settle(&self, map: Option<Arc<MapData>>) {
        let f = self.settled.borrow_mut().take();
        if let Some(f) = f {
            f(map);
        }
    }

    /// The figure from the loaded data, in `place`: its title, tools,
    /// summary and notes, the map (once its boundaries are loaded), its
    /// legend, source and credit.
    pub fn show(self: &Rc<Self>, data: Arc<ProgressData>, place: Place) {
        let (l, state) = (self.host.lang(), self.host.state().clone());
        let chosen = chosen_view(&data, state.indicator.as_deref(), state.period.as_deref());
        let communes = communes_of(&data, chosen.as_ref(), &state);
        let unit_set = unit_set_of(&data, chosen.as_ref());
        let data_url = state.data_url().to_string();
        let file = file_of(&data, &communes, unit_set.as_deref(), &data_url);
        let former_file = former_file_of(&data, communes.is_some(), unit_set.as_deref(), &data_url)
            .filter(|_| communes.is_some() || state.former);
        // Asked for now, unless kept from the page built before (a fetch
        // nobody takes would download them again).
        for f in file.iter().chain(&former_file) {
            if kept::<H>(f).is_none() && !(H::DECODES_AHEAD && decoding_ahead(f)) {
                prefetch(f);
            }
        }
        // The provinces' values are known now; the communes' come with
        // their boundary file (names, kinds, provinces).
        let map = chosen
            .as_ref()
            .filter(|_| communes.is_none())
            .and_then(|(i, p)| map_data(&data, i, p))
            .map(Arc::new);
        place
            .heading
            .0
            .set_text_content(Some(&map_title(map.as_deref(), l)));
        let area = el("div")
            .class("map-area")
            .child(el("div").class("sk map-skeleton"));
        let side = el("aside").class("map-side");
        let layout = el("div").class("map-layout").child(&area).child(&side);
        let _ = place.article.0.append_child(&layout.0);
        let parts = Parts {
            data,
            heading: place.heading.0,
            figure: place.article.0,
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
        let l = self.host.lang();
        let Some(file) = file else {
            let none = el("p").class("no-map").text(Msg::NoMap.text(l));
            replace_children(&parts.area, &none);
            self.settle(map);
            return;
        };
        let loaded = match kept::<H>(&file) {
            Some(r) => Ok(r),
            None => load::<H>(file.clone()).await,
        };
        let regions = match loaded {
            _ if H::REBUILT && self.gone.get() => return,
            Ok(r) => {
                keep::<H>(&file, &r);
                r
            }
            Err(e) => {
                let me = Rc::clone(self);
                self.settle(map.clone());
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
        let state = self.host.state().clone();
        let map = match (&communes, &chosen) {
            (Some(_), Some((i, p))) => {
                let m = commune_map(&parts.data, i, p, &regions).map(Arc::new);
                if let Some(m) = &m {
                    parts.heading.set_text_content(Some(&map_title(Some(m), l)));
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
        let (me, me_zoom, me_shown) = (Rc::clone(self), Rc::clone(self), Rc::clone(self));
        let all = Arc::clone(&regions);
        let shown = map.clone();
        let widget = MapWidget::new(
            MapSpec {
                regions,
                overlay: None,
                map,
                lang: l,
                dark: self.host.dark(),
                selected,
                zoom: state.zoom,
                described_by: "map-summary".to_string(),
            },
            MapEvents {
                open: Box::new(move |code| {
                    let communes = communes.as_ref().map(|_| all.as_slice());
                    let next = opened(&me.host.state(), &code, communes);
                    me.host.open(next);
                }),
                zoom: Box::new(move |z| me_zoom.zoomed(z)),
                drawn: Box::new(move || me_shown.settle(shown.clone())),
            },
        );
        replace_children(&parts.area, widget.element());
        *self.widget.borrow_mut() = Some(Rc::clone(&widget));
        // The borders over the map (fetched since the data came): drawn if
        // they load, else left out.
        if let Some(f) = former_file {
            let loaded = match kept::<H>(&f) {
                Some(r) => Ok(r),
                None => load::<H>(f.clone()).await,
            };
            if H::REBUILT && self.gone.get() {
                return;
            }
            match loaded {
                Ok(overlay) => {
                    keep::<H>(&f, &overlay);
                    if let Some((_, o)) = parts.drawn.borrow_mut().as_mut() {
                        *o = Some(Arc::clone(&overlay));
                    }
                    widget.set_overlay(Some(overlay));
                }
                Err(_) if H::REBUILT => {
                    let f = self.overlay_failed.borrow_mut().take();
                    if let Some(f) = f {
                        f();
                    }
                }
                Err(_) => {}
            }
        }
    }

    /// A gesture ended on the zoom `z`: the link keeps it.
    fn zoomed(&self, z: Option<MapZoom>) {
        let (next, replace) = {
            let s = self.host.state();
            let next = UrlState {
                zoom: z,
                ..s.clone()
            };
            let replace = s.replaces_history(&next);
            (next, replace)
        };
        browser::set_query(&next.to_query(), replace);
        self.host.follow(next);
    }

    /// The reader went back or forward to the view `next`: a zoom is shown
    /// again (`true`); another view is for the page to load (`false`).
    pub fn went_back(&self, next: &UrlState) -> bool {
        let same_view = {
            let s = self.host.state();
            UrlState {
                zoom: s.zoom,
                ..next.clone()
            } == *s
        };
        if !same_view {
            return false;
        }
        if let Some(w) = self.widget.borrow().as_ref() {
            w.set_zoom(next.zoom);
        }
        self.host.follow(next.clone());
        true
    }
}

/// Where the figure's parts go, and the data they are drawn from.
#[derive(Clone)]
struct Parts {
    data: Arc<ProgressData>,
    heading: Element,
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

impl<H: Host + 'static> MapFigure<H> {
    /// The map `m` in words and beside the map: the downloads, the
    /// summary (or the note that no commune value is published), the
    /// units not on the map, the legend, the source and the credit.
    fn describe(self: &Rc<Self>, parts: &Parts, m: &Arc<MapData>) {
        let l = self.host.lang();
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
        let side = side.child_opt(
            m.source
                .as_ref()
                .map(|s| cite(s, l).text(&s.published_suffix(l).unwrap_or_default())),
        );
        let data_url = self.host.state().data_url().to_string();
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
    /// borders over it), the table of what is shown, the full series;
    /// outside an embed, its embed codes.
    fn tools(self: &Rc<Self>, parts: &Parts, m: &Arc<MapData>) -> El {
        let l = self.host.lang();
        let title = map_title(Some(m), l);
        let as_of = parts.data.as_of.clone();
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
                let state = me.host.state();
                map_image(
                    &m,
                    (regions, overlay.as_deref()),
                    &state,
                    (&title, &as_of),
                    l,
                )
            }
        };
        let shown = {
            let (m, title, as_of) = (Arc::clone(m), title.clone(), as_of.clone());
            move || shown_table(&m, &title, &as_of, l)
        };
        let full = {
            let (d, m, title) = (Arc::clone(&parts.data), Arc::clone(m), title.clone());
            move || full_table(&d, &m, &title, l)
        };
        let tools = downloads(&title, l, Downloads { image, shown, full });
        match self.host.map_embed_codes(&title, as_of) {
            Some([open, dialog]) => tools.child(open).child(dialog),
            None => tools,
        }
    }
}

thread_local! {
    /// The boundaries last loaded (the map's and the borders over it), by
    /// address: a page built again (in the other language) draws them
    /// without loading them again.
    static LOADED: RefCell<Vec<(String, Arc<Vec<Region>>)>> = const { RefCell::new(Vec::new()) };
}

/// On a page built again, the boundaries loaded last from `url`, if
/// kept; none on an embed page (built once).
fn kept<H: Host>(url: &str) -> Option<Arc<Vec<Region>>> {
    if !H::REBUILT {
        return None;
    }
    LOADED.with(|l| {
        l.borrow()
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, r)| Arc::clone(r))
    })
}

/// Loads the boundaries at `url`, taking them decoded ahead where the
/// page's build decodes ahead.
async fn load<H: Host>(url: String) -> Result<Arc<Vec<Region>>, tien_do_core::LoadError> {
    if H::DECODES_AHEAD {
        load_boundaries_ahead(url).await
    } else {
        load_boundaries(url).await
    }
}

/// On a page built again, keeps the boundaries loaded from `url`.
fn keep<H: Host>(url: &str, r: &Arc<Vec<Region>>) {
    if !H::REBUILT {
        return;
    }
    LOADED.with(|l| {
        let mut l = l.borrow_mut();
        if l.iter().any(|(u, _)| u == url) {
            return;
        }
        l.push((url.to_string(), Arc::clone(r)));
        // The map's and the borders over it.
        if l.len() > 2 {
            l.remove(0);
        }
    });
}

/// A note above the map.
fn note(text: &str, class: &str) -> El {
    el("p").class(class).attr("role", "note").text(text)
}
