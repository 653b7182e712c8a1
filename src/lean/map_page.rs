//! The map page without a framework (its own build, `tien-do-map`): the
//! indicator, the period (a slider) and the level picked; the former
//! units' borders shown or not; "find my commune"; the map with its
//! tools, summary, legend, source and credit; once the map is shown, its
//! units ranked and every unit's value in a table. The same elements,
//! classes and texts as the site's Leptos page it replaces, in the site's
//! frame (`site_page`).
//!
//! Each choice is a new view of the page (in the link, one step of the
//! history): the page is built again for it, with the boundaries already
//! loaded kept, and the keyboard's focus is put back on the control that
//! made the choice. Links to other pages load their builds.

use super::dom::{el, El};
use super::map_figure::{MapFigure, Place};
use super::map_ranking::ranked;
use super::map_view::{communes_of, former_file_of, unit_set_of};
use super::parts::Host;
use super::site_page::SiteShell;
use crate::fetch::load_places;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::choropleth::{chosen_view, periods_of, Lineage, MapData};
use tien_do_core::data::UnitLevel;
use tien_do_core::find::{find, Place as Found, PlaceKind, INDEX_FILE};
use tien_do_core::{Lang, MapLevel, Msg, Page, ProgressData, UrlState};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// How many places a search lists.
const SHOWN: usize = 12;

/// Builds the map page in `<body>` and loads its data.
pub fn start() {
    SiteShell::start(Page::Map, draw);
}

/// The map page from the loaded data, in the shell's language.
fn draw(shell: &Rc<SiteShell>, data: &Arc<ProgressData>) -> El {
    let l = shell.lang();
    let state = shell.state().clone();
    let chosen = chosen_view(data, state.indicator.as_deref(), state.period.as_deref());
    let communes = communes_of(data, chosen.as_ref(), &state);
    let unit_set = unit_set_of(data, chosen.as_ref());
    let has_former = communes.is_none()
        && former_file_of(data, false, unit_set.as_deref(), state.data_url()).is_some();
    let heading = el("h1");
    let toggle = former_toggle(shell, has_former, state.former, l);
    let after = toggle.as_ref().map(|t| t.0.clone());
    let article = el("article")
        .class("page map-page")
        .child(&heading)
        .child(pickers(shell, data, chosen.as_ref(), l))
        .child(level_switch(shell, communes.is_some(), &state, l))
        .child_opt(toggle)
        .child(commune_search(shell, l));
    let figure = MapFigure::new(Rc::clone(shell));
    {
        let figure = Rc::clone(&figure);
        shell.on_back(move |next| figure.went_back(next));
    }
    {
        let figure = Rc::clone(&figure);
        shell.on_teardown(move || figure.dispose());
    }
    // Said after the toggle if the former units' borders fail to load.
    if let Some(toggle) = after {
        figure.on_overlay_failed(move || {
            let note = el("p")
                .class("notice-inline")
                .attr("role", "status")
                .text(Msg::FormerFailed.text(l));
            let _ = toggle.after_with_node_1(&note.0);
        });
    }
    // The units ranked and every unit's value, once the map is shown (or
    // there is none), so that they do not hold it back; not for communes
    // without a value.
    let (me, d, page) = (Rc::clone(shell), Arc::clone(data), article.0.clone());
    figure.on_settled(move |map| {
        me.map_drawn();
        let Some(m) = map.filter(|m| !m.boundaries_only()) else {
            return;
        };
        if let Some(r) = ranked(&me, &d, &m) {
            let _ = page.append_child(&r.0);
        }
        let _ = page.append_child(&unit_table(&me, &m).0);
    });
    figure.show(
        Arc::clone(data),
        Place {
            article: article.clone(),
            heading,
        },
    );
    article
}

/// The indicator (a list) and the period (a slider) of the map.
fn pickers(
    shell: &Rc<SiteShell>,
    data: &ProgressData,
    chosen: Option<&(String, String)>,
    l: Lang,
) -> El {
    let mut select = el("select");
    for i in data
        .indicators
        .iter()
        .filter(|i| !periods_of(data, &i.id).is_empty())
    {
        let selected = chosen.is_some_and(|c| c.0 == i.id);
        select = select.child(
            el("option")
                .attr("value", &i.id)
                .flag("selected", selected)
                .text(i.name.get(l)),
        );
    }
    let me = Rc::clone(shell);
    let select = select.on("change", move |ev| {
        // The list's value (read as a property: no `HtmlSelectElement`
        // binding for this one read).
        let Some(id) = ev
            .target()
            .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
            .and_then(|v| v.as_string())
        else {
            return;
        };
        me.go(
            |s| {
                s.indicator = Some(id.clone());
                s.period = None;
            },
            Some(".picker select"),
        );
    });
    let indicator = el("label")
        .class("picker")
        .child(el("span").text(Msg::MapIndicator.text(l)))
        .child(select);
    let slider = chosen.map(|(ind, current)| {
        let periods: Vec<_> = periods_of(data, ind)
            .into_iter()
            .map(|p| (p.id.clone(), p.label.get(l).to_string()))
            .collect();
        period_slider(shell, ind, periods, current, l)
    });
    el("div")
        .class("pickers")
        .child(indicator)
        .child_opt(slider)
}

/// A slider over the periods of the indicator `ind`, oldest to latest,
/// with each period's name under its stop (as the site's `PeriodSlider`).
/// Arrow keys, Home and End move it (a native range input); screen readers
/// hear the period's name, not its index.
fn period_slider(
    shell: &Rc<SiteShell>,
    ind: &str,
    periods: Vec<(String, String)>,
    current: &str,
    l: Lang,
) -> El {
    let last = periods.len().saturating_sub(1);
    let index = periods.iter().position(|p| p.0 == current).unwrap_or(last);
    let name = periods.get(index).map(|p| p.1.clone()).unwrap_or_default();
    let mut stops = el("ol")
        .class("period-stops")
        .attr("style", &format!("--stops:{}", last + 1));
    for (i, (_, n)) in periods.iter().enumerate() {
        stops = stops.child(el("li").class_if("current", i == index).text(n));
    }
    let (me, ind) = (Rc::clone(shell), ind.to_string());
    let input = el("input")
        .attr("id", "period-slider")
        .attr("type", "range")
        .attr("min", "0")
        .attr("max", &last.to_string())
        .attr("step", "1")
        .attr("value", &index.to_string())
        .attr("aria-valuetext", &name)
        .flag("disabled", last == 0)
        .on("change", move |ev| {
            let i = ev
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .and_then(|s| s.value().parse::<usize>().ok())
                .unwrap_or(index);
            if let Some((id, _)) = periods.get(i) {
                let (ind, id) = (ind.clone(), id.clone());
                me.go(
                    move |s| {
                        s.indicator = Some(ind.clone());
                        s.period = Some(id.clone());
                    },
                    Some("#period-slider"),
                );
            }
        });
    el("div")
        .class("period-slider")
        .child(
            el("label")
                .attr("for", "period-slider")
                .text(Msg::MapPeriod.text(l))
                .text(": ")
                .child(el("output").attr("for", "period-slider").text(&name)),
        )
        .child(input)
        .child(stops)
}

/// Provinces or communes; a province's communes, with the way back to the
/// whole country's.
fn level_switch(shell: &Rc<SiteShell>, at_communes: bool, state: &UrlState, l: Lang) -> El {
    let choice = |to: MapLevel, msg: Msg| {
        let me = Rc::clone(shell);
        let input = el("input")
            .attr("type", "radio")
            .attr("name", "map-level")
            .attr("value", to.slug())
            .flag("checked", at_communes == (to == MapLevel::Commune))
            .on("change", move |_| {
                me.go(
                    |s| {
                        s.level = to;
                        s.commune = None;
                        s.zoom = None;
                        if to == MapLevel::Commune {
                            s.province = None;
                        }
                    },
                    Some(&format!(".level-switch input[value='{}']", to.slug())),
                );
            });
        el("label").child(input).text(msg.text(l))
    };
    let whole = (at_communes && state.province.is_some()).then(|| {
        let me = Rc::clone(shell);
        el("button")
            .attr("type", "button")
            .class("whole-country")
            .text("← ")
            .text(Msg::CommuneWholeCountry.text(l))
            .on("click", move |_| {
                me.go(
                    |s| {
                        s.province = None;
                        s.commune = None;
                        s.zoom = None;
                    },
                    Some(".level-switch input[value='commune']"),
                );
            })
    });
    el("fieldset")
        .class("level-switch")
        .child(el("legend").text(Msg::MapLevel.text(l)))
        .child(choice(MapLevel::Province, Msg::LevelProvinces))
        .child(choice(MapLevel::Commune, Msg::LevelCommunes))
        .child_opt(whole)
}

/// Whether to draw the borders of the units the shown ones replaced (only
/// where there are such units).
fn former_toggle(shell: &Rc<SiteShell>, shown: bool, on: bool, l: Lang) -> Option<El> {
    if !shown {
        return None;
    }
    let me = Rc::clone(shell);
    let input = el("input")
        .attr("type", "checkbox")
        .flag("checked", on)
        .on("change", move |ev| {
            let on = ev
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|i| i.checked());
            me.go(move |s| s.former = on, Some(".former-toggle input"));
        });
    Some(
        el("label")
            .class("former-toggle")
            .child(input)
            .text(Msg::ShowFormer.text(l)),
    )
}

/// Find my commune: a search box over the 34 provinces and the 3,321
/// communes, diacritics and case aside (as the site's `CommuneSearch`).
/// Each place found is listed with its province; choosing one opens it on
/// the commune map. The list of communes is fetched when the box is first
/// used.
fn commune_search(shell: &Rc<SiteShell>, l: Lang) -> El {
    let (id, hint_id) = ("find-0", "find-0-hint");
    let status = el("p")
        .class("find-status")
        .attr("role", "status")
        .attr("hidden", "");
    let hits = el("ul").class("find-hits");
    // What was typed and the list of places, kept from the page built
    // before (a choice builds it again).
    let (query, places) = KEPT.with(|k| k.borrow().clone());
    let search = Rc::new(Search {
        shell: Rc::clone(shell),
        places: RefCell::new(places.map_or(Loading::No, Loading::Loaded)),
        status: status.0.clone(),
        hits: hits.0.clone(),
        lang: l,
    });
    let (s1, s2, s3) = (Rc::clone(&search), Rc::clone(&search), Rc::clone(&search));
    let input = el("input")
        .attr("id", id)
        .attr("type", "search")
        .attr("autocomplete", "off")
        .attr("aria-describedby", hint_id)
        .attr("value", &query)
        .on("focus", move |_| s1.want())
        .on("input", move |ev| {
            let q = ev
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            KEPT.with(|k| k.borrow_mut().0 = q);
            s2.want();
            s2.show();
        })
        .on("keydown", move |ev| {
            let enter = ev
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == "Enter");
            if enter {
                let first = s3.hits_now().into_iter().next();
                if let Some(p) = first {
                    s3.open(&p);
                }
            }
        });
    search.show();
    el("div")
        .class("commune-search")
        .attr("role", "search")
        .child(el("label").attr("for", id).text(Msg::FindCommune.text(l)))
        .child(input)
        .child(
            el("p")
                .class("find-hint")
                .attr("id", hint_id)
                .text(Msg::FindCommuneHint.text(l)),
        )
        .child(status)
        .child(hits)
}

thread_local! {
    /// What was typed in the search box (read by the search, so the page
    /// built again keeps it), and the list of places once loaded.
    static KEPT: RefCell<(String, Option<Arc<Vec<Found>>>)> = const { RefCell::new((String::new(), None)) };
    /// Whether the table of every unit's value was open: it stays open
    /// in the page built again.
    static TABLE_OPEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The list of places searched, as far as it has come.
enum Loading {
    /// Not asked for yet.
    No,
    Asked,
    Failed(tien_do_core::LoadError),
    Loaded(Arc<Vec<Found>>),
}

/// The search box's state.
struct Search {
    shell: Rc<SiteShell>,
    places: RefCell<Loading>,
    status: web_sys::Element,
    hits: web_sys::Element,
    lang: Lang,
}

impl Search {
    /// The box is used: the list of places is fetched, once.
    fn want(self: &Rc<Self>) {
        if !matches!(*self.places.borrow(), Loading::No) {
            return;
        }
        *self.places.borrow_mut() = Loading::Asked;
        self.show();
        let me = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = load_places(INDEX_FILE.to_string()).await;
            *me.places.borrow_mut() = match loaded {
                Ok(p) => {
                    KEPT.with(|k| k.borrow_mut().1 = Some(Arc::clone(&p)));
                    Loading::Loaded(p)
                }
                Err(e) => Loading::Failed(e),
            };
            me.show();
        });
    }

    /// The places found for what was typed.
    fn hits_now(&self) -> Vec<Found> {
        match &*self.places.borrow() {
            Loading::Loaded(places) => KEPT.with(|k| {
                find(places, &k.borrow().0, SHOWN)
                    .into_iter()
                    .cloned()
                    .collect()
            }),
            _ => Vec::new(),
        }
    }

    /// Shows the state of the search and the places found.
    fn show(self: &Rc<Self>) {
        let l = self.lang;
        let hits = self.hits_now();
        let msg = match &*self.places.borrow() {
            Loading::No => None,
            Loading::Asked => Some(Msg::FindLoading.text(l).to_string()),
            Loading::Failed(e) => Some(e.message(l)),
            Loading::Loaded(_)
                if hits.is_empty() && KEPT.with(|k| !k.borrow().0.trim().is_empty()) =>
            {
                Some(Msg::FindNoMatch.text(l).to_string())
            }
            Loading::Loaded(_) => None,
        };
        match msg {
            Some(m) => {
                self.status.set_text_content(Some(&m));
                let _ = self.status.remove_attribute("hidden");
            }
            None => {
                self.status.set_text_content(None);
                let _ = self.status.set_attribute("hidden", "");
            }
        }
        self.hits.set_text_content(None);
        for p in hits {
            let me = Rc::clone(self);
            let button = el("button")
                .attr("type", "button")
                .attr("data-code", &p.code)
                .child(el("strong").text(&p.full_name(l)))
                .child_opt(p.province_name(l).map(|n| el("span").text(&n)));
            let button = button.on("click", move |_| me.open(&p));
            let _ = self.hits.append_child(&el("li").child(button).0);
        }
    }

    /// Opens the place `p` on the commune map.
    fn open(&self, p: &Found) {
        let (code, province, kind) = (p.code.clone(), p.province.clone(), p.kind);
        self.shell.go(
            move |s| {
                *s = UrlState {
                    page: Page::Map,
                    level: MapLevel::Commune,
                    province: Some(province.clone()),
                    commune: (kind != PlaceKind::Province).then(|| code.clone()),
                    zoom: None,
                    query: None,
                    sort: None,
                    ..s.clone()
                };
            },
            Some("#find-0"),
        );
    }
}

/// Every unit of the map with its value and rank, best first, then those
/// not published, and how each relates to the merger (as the site's
/// `UnitValueTable`): the map's content for screen readers and for
/// copying. The rows are made when the list is first opened: at commune
/// scale they cost more than the map, and most readers never open it.
fn unit_table(shell: &Rc<SiteShell>, m: &Arc<MapData>) -> El {
    let l = shell.lang();
    let (list, unit) = match m.level {
        UnitLevel::Province => (Msg::UnitList, Msg::Unit),
        UnitLevel::Commune => (Msg::CommuneList, Msg::Commune),
    };
    let has_lineage = m.rows.iter().any(|r| r.lineage != Lineage::None);
    let caption = format!("{} · {}", m.indicator.name.get(l), m.period.label.get(l));
    let head = el("tr")
        .child(
            el("th")
                .attr("scope", "col")
                .class("num")
                .text(Msg::Rank.text(l)),
        )
        .child(el("th").attr("scope", "col").text(unit.text(l)))
        .child(
            el("th")
                .attr("scope", "col")
                .class("num")
                .text(Msg::Value.text(l)),
        )
        .child_opt(has_lineage.then(|| el("th").attr("scope", "col").text(Msg::Merger.text(l))));
    let body = el("tbody");
    let table = el("table")
        .child(el("caption").text(&caption))
        .child(el("thead").child(head))
        .child(&body);
    // Open as it was on the page built before (its rows made by the
    // toggle event opening it fires).
    let details = el("details")
        .class("unit-table")
        .flag("open", TABLE_OPEN.with(std::cell::Cell::get));
    let open = details.0.clone();
    let (me, m, tbody) = (Rc::clone(shell), Arc::clone(m), body.0);
    details
        .child(
            el("summary")
                .text(list.text(l))
                .text(&format!(" ({})", m.rows.len())),
        )
        .child(table)
        .on("toggle", move |_| {
            let now = open.has_attribute("open");
            TABLE_OPEN.with(|t| t.set(now));
            if !now || tbody.first_child().is_some() {
                return;
            }
            let mut rows: Vec<_> = m.rows.iter().collect();
            rows.sort_by_key(|r| (r.rank.is_none(), r.rank));
            for r in rows {
                let code = r.code.clone();
                let link = me
                    .link_to(move |s| s.with_province(&code), false)
                    .text(r.name.get(l));
                let tr = el("tr")
                    .class_if("missing", r.value.is_none())
                    .child(
                        el("td")
                            .class("num")
                            .text(&r.rank.map(|k| k.to_string()).unwrap_or_default()),
                    )
                    .child(el("th").attr("scope", "row").child(link))
                    .child(
                        el("td")
                            .class("num")
                            .text(&m.indicator.format_or_unpublished(r.value, l)),
                    )
                    .child_opt(has_lineage.then(|| {
                        el("td")
                            .class("lineage")
                            .text(&r.lineage.describe(l).unwrap_or_default())
                    }));
                let _ = tbody.append_child(&tr.0);
            }
        })
}
