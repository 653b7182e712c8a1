use crate::browser;
use crate::components::{
    caption_notes, first_load_error, stamped, AppLink, ChoroplethMap, EmbedInfo, FigureExport,
    FigureTools, LoadErrorPanel, MapLegend, PeriodSlider, RankingChart, SourceLink, UnitValueTable,
};
use crate::fetch::load_boundaries;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::boundaries::boundary_file;
use tien_do_core::charts::ranking;
use tien_do_core::choropleth::{chosen_view, former_unit_set, map_data, periods_of, MapData};
use tien_do_core::export::{map_table, series_table};
use tien_do_core::figure::{embed_state, first_height, Figure};
use tien_do_core::format::format_date;
use tien_do_core::paint;
use tien_do_core::{Lang, LoadError, Msg, Page, ProgressData, UrlState};

/// Where the map is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MapMode {
    /// The map page: pickers, the map, the ranking, every unit's value.
    #[default]
    Full,
    /// On the overview: the headline indicator's map and ranking, without
    /// pickers or the list of units, and a link to the full map.
    Headline,
    /// Embedded in another site: the map with its title, legend and source.
    Embed,
}

/// The map page: pick an indicator and a period; the map of the unit set in
/// force then (the 63 before July 2025, the 34 after), its legend, a text
/// summary, the source, and every unit's value in a table.
#[component]
pub fn MapPage(
    /// The loaded data.
    data: Arc<ProgressData>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view: indicator, period and selected unit come from it.
    state: Signal<UrlState>,
    /// Called when the reader changes the view.
    on_navigate: Callback<UrlState>,
    /// The full page, the overview's headline map, or an embed.
    #[prop(optional)]
    mode: MapMode,
) -> impl IntoView {
    let headline = mode != MapMode::Full;
    // The URL's choice where it makes sense, else the defaults.
    let chosen = Memo::new({
        let d = Arc::clone(&data);
        move |_| state.with(|s| chosen_view(&d, s.indicator.as_deref(), s.period.as_deref()))
    });
    let map: Memo<Option<Arc<MapData>>> = Memo::new({
        let d = Arc::clone(&data);
        move |_| {
            let (i, p) = chosen.get()?;
            map_data(&d, &i, &p).map(Arc::new)
        }
    });
    let unit_set = Memo::new(move |_| map.with(|m| m.as_ref().map(|m| m.unit_set.clone())));
    let data_url = Memo::new(move |_| state.with(|s| s.data_url().to_string()));
    let file = Memo::new({
        let d = Arc::clone(&data);
        move |_| boundary_url(&d, &unit_set.get()?, &data_url.get())
    });
    let boundaries = LocalResource::new(move || {
        let file = file.get();
        async move {
            match file {
                Some(f) => load_boundaries(f).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let map_signal = Signal::from(map);
    let selected = Signal::derive(move || state.with(|s| s.province.clone()));
    let go = move |change: &dyn Fn(&mut UrlState)| {
        let mut next = state.get_untracked();
        change(&mut next);
        on_navigate.run(next);
    };
    // Opening a unit shows its page; inside an embed, in a new tab on the
    // site, out of the host's frame and its history.
    let open_unit = Callback::new(move |code: String| {
        if mode == MapMode::Embed {
            let mut page = state.with_untracked(|s| s.with_province(&code));
            page.extra.clear();
            browser::open_in_new_tab(&format!("{}{}", browser::site_base(), page.to_query()));
        } else {
            go(&|s: &mut UrlState| *s = s.with_province(&code));
        }
    });

    let zoom = Signal::derive(move || state.with(|s| s.zoom));
    let set_zoom = Callback::new(move |z| go(&|s: &mut UrlState| s.zoom = z));

    // The borders of the units the shown ones replaced, drawn over the map
    // when the reader asks (`?former=1`): how the 63 became the 34.
    let former_file = Memo::new({
        let d = Arc::clone(&data);
        move |_| {
            let set = unit_set.get()?;
            boundary_url(&d, former_unit_set(&d, &set)?, &data_url.get())
        }
    });
    let show_former = Memo::new(move |_| state.with(|s| s.former));
    let former = LocalResource::new(move || {
        let file = former_file.get().filter(|_| show_former.get());
        async move {
            match file {
                Some(f) => load_boundaries(f).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let overlay = Signal::derive(move || former.get().and_then(Result::ok).flatten());
    let former_toggle = move || {
        former_file.get()?;
        let l = lang.get();
        let failed = former.with(|r| matches!(r, Some(Err(_))));
        Some(view! {
            <label class="former-toggle">
                <input
                    type="checkbox"
                    prop:checked=move || show_former.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        go(&|s: &mut UrlState| s.former = on);
                    }
                />
                {Msg::ShowFormer.text(l)}
            </label>
            {failed.then(|| view! { <p class="notice-inline" role="status">{Msg::FormerFailed.text(l)}</p> })}
        })
    };
    let indicator_picker = {
        let d = Arc::clone(&data);
        move || {
            let l = lang.get();
            let current = chosen.get().map(|c| c.0);
            let options = {
                let d = &d;
                d.indicators
                .iter()
                .filter(|i| !periods_of(d, &i.id).is_empty())
                .map(|i| {
                    let selected = current.as_deref() == Some(i.id.as_str());
                    view! { <option value=i.id.clone() selected=selected>{i.name.get(l).to_string()}</option> }
                })
                .collect_view()
            };
            view! {
                <label class="picker">
                    <span>{Msg::MapIndicator.text(l)}</span>
                    <select on:change=move |ev| {
                        let id = event_target_value(&ev);
                        go(&|s: &mut UrlState| { s.indicator = Some(id.clone()); s.period = None; });
                    }>{options}</select>
                </label>
            }
        }
    };
    let period_picker = {
        let d = Arc::clone(&data);
        move || {
            let (ind, current) = chosen.get()?;
            let periods = periods_of(&d, &ind)
                .into_iter()
                .map(|p| (p.id.clone(), p.label.clone()))
                .collect();
            let on_change = Callback::new(move |id: String| {
                go(&|s: &mut UrlState| {
                    s.indicator = Some(ind.clone());
                    s.period = Some(id.clone());
                })
            });
            Some(view! { <PeriodSlider periods current lang on_change /> })
        }
    };

    let summary = move || {
        let l = lang.get();
        map.with(|m| {
            let m = m.as_ref()?;
            let f = |v: f64| m.indicator.format_value(v, l);
            let Some(s) = m.summary() else {
                return Some(
                    view! { <p class="map-summary" id="map-summary">{Msg::NoValues.text(l)}</p> }
                        .into_any(),
                );
            };
            Some(
                view! {
                    <p class="map-summary" id="map-summary">
                        {format!(
                            "{}: {} ({}). {}: {} ({}). {}: {}. {}: {}/{}.",
                            Msg::Highest.text(l), s.highest.0.get(l), f(s.highest.1),
                            Msg::Lowest.text(l), s.lowest.0.get(l), f(s.lowest.1),
                            Msg::Median.text(l), f(s.median),
                            Msg::PublishedFor.text(l), s.published, s.total,
                        )}
                    </p>
                }
                .into_any(),
            )
        })
    };
    let source =
        move || {
            let l = lang.get();
            map.with(|m| {
            let m = m.as_ref()?;
            let s = m.source.as_ref()?;
            let published = s.published.as_deref().map(|d| format!(" ({})", format_date(d, l)));
            Some(view! {
                <p class="cite">
                    {Msg::Source.text(l)} ": " <SourceLink source=s.clone() lang=l /> {published}
                </p>
            })
        })
        };

    // Shipped provinces: Natural Earth. A publisher's layer: its own file,
    // linked (it travels with the data, and says what it is).
    let boundary_credit = {
        let d = Arc::clone(&data);
        move || {
            let l = lang.get();
            let set = unit_set.get()?;
            let published = d
                .unit_sets
                .iter()
                .any(|s| s.id == set && s.boundaries_link().is_some());
            if !published {
                return boundary_file(&set)
                    .map(|_| view! { <span>{Msg::BoundariesCredit.text(l)}</span> }.into_any());
            }
            let url = boundary_url(&d, &set, &data_url.get())?;
            Some(
                view! {
                    <span>{Msg::BoundariesPublished.text(l)} ": " <a href=url.clone()>{url.clone()}</a></span>
                }
                .into_any(),
            )
        }
    };
    // Set when the map has first been drawn (an event from the map).
    let map_drawn = RwSignal::new(false);
    let map_view = move || {
        Suspend::new(async move {
            boundaries.await.map(|b| match b {
                Some(regions) => view! {
                    <ChoroplethMap
                        regions
                        map=map_signal
                        lang
                        selected
                        on_open=open_unit
                        zoom
                        on_zoom=set_zoom
                        described_by="map-summary"
                        overlay
                        on_first_draw=Callback::new(move |()| map_drawn.set(true))
                    />
                }
                .into_any(),
                None => {
                    view! { <p class="no-map">{move || Msg::NoMap.text(lang.get())}</p> }.into_any()
                }
            })
        })
    };
    let file_url = Signal::derive(move || file.get().unwrap_or_default());
    let retry = Callback::new(move |()| boundaries.refetch());
    let (pending, set_pending) = signal(false);
    let error_view = move |errors: ArcRwSignal<leptos::error::Errors>| {
        let first: Signal<Option<LoadError>> =
            Signal::derive(move || errors.with(|e| first_load_error(e, &file_url.get_untracked())));
        view! { <LoadErrorPanel error=first lang data_url=file_url retrying=pending on_retry=retry /> }
    };

    // The same provinces ranked, the selected one highlighted: drawn once
    // the map is (it is below the map, and its first draw would otherwise
    // delay the map's by about 90 ms), or at once if there is no map.
    let ranking_data = Arc::clone(&data);
    let ranking_view = move || {
        if mode == MapMode::Embed {
            return None;
        }
        let no_map = boundaries.with(|b| matches!(b, Some(Err(_)) | Some(Ok(None))));
        if !(map_drawn.get() || no_map) {
            return None;
        }
        let l = lang.get();
        let sel = selected.get();
        map.with(|m| {
            let r = ranking(m.as_ref()?, sel.as_deref());
            let export = FigureExport {
                data: Arc::clone(&ranking_data),
                embed: Some(state.with(|s| embed_state(s, Figure::Ranking, l))),
            };
            (!r.bars.is_empty())
                .then(|| view! { <RankingChart ranking=Arc::new(r) lang=l export /> })
        })
    };
    let title = move || {
        map.with(|m| {
            m.as_ref().map(|m| {
                format!(
                    "{} · {}",
                    m.indicator.name.get(lang.get()),
                    m.period.label.get(lang.get())
                )
            })
        })
        .unwrap_or_else(|| Msg::NavMap.text(lang.get()).to_string())
    };
    // Downloads of the map as shown, and its embed codes (which follow the
    // view without remaking the tools).
    let embed_view =
        Signal::derive(move || state.with(|s| embed_state(s, Figure::Map, lang.get())));
    let tools = {
        let d = Arc::clone(&data);
        move || {
            let l = lang.get();
            let m = map.get()?;
            let title = title();
            let as_of = d.as_of.clone();
            let image = {
                let (m, title, as_of) = (Arc::clone(&m), title.clone(), as_of.clone());
                Callback::new(move |()| {
                    let regions = boundaries.get_untracked()?.ok()??;
                    let overlay = former.get_untracked().and_then(Result::ok).flatten();
                    let (zoom, selected) = state.with_untracked(|s| (s.zoom, s.province.clone()));
                    let sources: Vec<_> = m.source.iter().cloned().collect();
                    paint::map::image(
                        &m,
                        (&regions, overlay.as_deref().map(Vec::as_slice)),
                        (zoom, selected.as_deref()),
                        &title,
                        caption_notes(&sources, Some(&as_of), l),
                        l,
                    )
                })
            };
            let shown = {
                let (m, title, as_of) = (Arc::clone(&m), title.clone(), as_of.clone());
                Callback::new(move |()| stamped(map_table(&m, &title, l), Some(&as_of), l))
            };
            let full = {
                let (m, title, d) = (Arc::clone(&m), title.clone(), Arc::clone(&d));
                Callback::new(move |()| {
                    stamped(
                        series_table(&d, &[m.indicator.id.as_str()], &title, l),
                        None,
                        l,
                    )
                })
            };
            let embed = (mode != MapMode::Embed).then(|| EmbedInfo {
                state: embed_view,
                as_of,
                height: first_height(paint::map::height(paint::map::IMAGE_WIDTH)),
            });
            Some(view! { <FigureTools title image shown full embed lang=l /> })
        }
    };
    let heading = if mode == MapMode::Embed {
        view! { <h1>{title}</h1> }.into_any()
    } else if headline {
        let to = Signal::derive(move || {
            state.with(|s| {
                let mut next = s.with_page(Page::Map);
                if let Some((i, p)) = chosen.get() {
                    next.indicator = Some(i);
                    next.period = Some(p);
                }
                next
            })
        });
        view! {
            <h2>{title}</h2>
            <p class="next">
                <AppLink to on_navigate>{move || Msg::SeeOnMap.text(lang.get())} " →"</AppLink>
            </p>
        }
        .into_any()
    } else {
        view! {
            <h1>{title}</h1>
            <div class="pickers">{indicator_picker}{period_picker}</div>
            {former_toggle}
        }
        .into_any()
    };
    let table =
        (!headline).then(|| view! { <UnitValueTable map=map_signal lang state on_navigate /> });
    let class = match mode {
        MapMode::Full => "page map-page",
        MapMode::Headline => "map-page headline-map",
        MapMode::Embed => "map-page embed-map",
    };

    view! {
        <article class=class>
            {heading}
            {tools}
            {summary}
            <div class="map-layout">
                <div class="map-area">
                    <Transition fallback=|| view! { <div class="sk map-skeleton"></div> } set_pending>
                        <ErrorBoundary fallback=error_view>{map_view}</ErrorBoundary>
                    </Transition>
                </div>
                <aside class="map-side">
                    <MapLegend map=map_signal lang />
                    {source}
                    <p class="credit">{boundary_credit}</p>
                </aside>
            </div>
            {ranking_view}
            {table}
        </article>
    }
}

/// Where the boundaries of unit set `set` are: the address the data gives
/// (relative to the data file, so a publisher's commune layer travels with
/// its data), else the file shipped with the site for the 34 and the 63
/// provinces (relative to the page). `None`: nothing to draw.
fn boundary_url(data: &ProgressData, set: &str, data_url: &str) -> Option<String> {
    let published = data
        .unit_sets
        .iter()
        .find(|s| s.id == set)
        .and_then(|s| s.boundaries_link());
    match published {
        Some(link) => Some(browser::resolve_url(link, data_url)),
        None => boundary_file(set).map(str::to_string),
    }
}
