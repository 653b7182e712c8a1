use super::map_area::{Boundaries, MapArea};
use super::map_pickers::MapPickers;
use super::map_ranking::MapRanking;
use super::map_side::MapSide;
use super::map_summary::MapSummary;
use super::map_tools::MapTools;
use crate::browser;
use crate::components::{AppLink, UnitValueTable};
use crate::fetch::load_boundaries;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::boundaries::boundary_file;
use tien_do_core::choropleth::{chosen_view, former_unit_set, map_data, MapData};
use tien_do_core::{Lang, Msg, Page, ProgressData, UrlState};

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
    // The borders of the units the shown ones replaced, drawn over the map
    // when the reader asks (`?former=1`): how the 63 became the 34.
    let former_file = Memo::new({
        let d = Arc::clone(&data);
        move |_| {
            let set = unit_set.get()?;
            boundary_url(&d, former_unit_set(&d, &set)?, &data_url.get())
        }
    });
    let boundaries = load(Signal::derive(move || file.get()));
    let show_former = Memo::new(move |_| state.with(|s| s.former));
    let former = load(Signal::derive(move || {
        former_file.get().filter(|_| show_former.get())
    }));
    let loaded = |b: Boundaries| Signal::derive(move || b.get().and_then(Result::ok).flatten());
    let map: Signal<Option<Arc<MapData>>> = map.into();
    let selected = Signal::derive(move || state.with(|s| s.province.clone()));
    // Opening a unit shows its page; inside an embed, in a new tab on the
    // site, out of the host's frame and its history.
    let open_unit = Callback::new(move |code: String| {
        if mode == MapMode::Embed {
            let mut page = state.with_untracked(|s| s.with_province(&code));
            page.extra.clear();
            browser::open_in_new_tab(&format!("{}{}", browser::site_base(), page.to_query()));
        } else {
            navigate(state, on_navigate, &|s| *s = s.with_province(&code));
        }
    });
    let set_zoom = Callback::new(move |z| navigate(state, on_navigate, &|s| s.zoom = z));
    // Set when the map has first been drawn (an event from the map).
    let map_drawn = RwSignal::new(false);

    // The same units ranked, drawn once the map is, or at once if there is
    // no map; not in an embed.
    let ranking = (mode != MapMode::Embed).then(|| {
        let ready = Signal::derive(move || {
            map_drawn.get() || boundaries.with(|b| matches!(b, Some(Err(_)) | Some(Ok(None))))
        });
        view! { <MapRanking data=Arc::clone(&data) map lang state ready /> }
    });
    let title = Signal::derive(move || {
        let l = lang.get();
        map.with(|m| {
            m.as_ref()
                .map(|m| format!("{} · {}", m.indicator.name.get(l), m.period.label.get(l)))
        })
        .unwrap_or_else(|| Msg::NavMap.text(l).to_string())
    });
    let heading = match mode {
        MapMode::Embed => view! { <h1>{title}</h1> }.into_any(),
        MapMode::Headline => {
            let to = Signal::derive(move || {
                let mut next = state.with(|s| s.with_page(Page::Map));
                if let Some((i, p)) = chosen.get() {
                    next.indicator = Some(i);
                    next.period = Some(p);
                }
                next
            });
            view! {
                <h2>{title}</h2>
                <p class="next">
                    <AppLink to on_navigate>{move || Msg::SeeOnMap.text(lang.get())} " →"</AppLink>
                </p>
            }
            .into_any()
        }
        MapMode::Full => view! {
            <h1>{title}</h1>
            <MapPickers
                data=Arc::clone(&data)
                lang
                chosen=chosen.into()
                state
                on_navigate
                has_former=Signal::derive(move || former_file.with(Option::is_some))
                former_failed=Signal::derive(move || former.with(|r| matches!(r, Some(Err(_)))))
            />
        }
        .into_any(),
    };
    let table =
        (mode == MapMode::Full).then(|| view! { <UnitValueTable map lang state on_navigate /> });
    let class = match mode {
        MapMode::Full => "page map-page",
        MapMode::Headline => "map-page headline-map",
        MapMode::Embed => "map-page embed-map",
    };

    view! {
        <article class=class>
            {heading}
            <MapTools
                data=Arc::clone(&data)
                map
                title
                regions=loaded(boundaries)
                overlay=loaded(former)
                state
                lang
                embeddable=mode != MapMode::Embed
            />
            <MapSummary map lang />
            <div class="map-layout">
                <MapArea
                    boundaries
                    file=Signal::derive(move || file.get().unwrap_or_default())
                    map
                    lang
                    selected
                    on_open=open_unit
                    zoom=Signal::derive(move || state.with(|s| s.zoom))
                    on_zoom=set_zoom
                    overlay=loaded(former)
                    on_first_draw=Callback::new(move |()| map_drawn.set(true))
                />
                <MapSide data lang map data_url=data_url.into() />
            </div>
            {ranking}
            {table}
        </article>
    }
}

/// The boundaries at the address `file` gives, loaded whenever it changes.
fn load(file: Signal<Option<String>>) -> Boundaries {
    LocalResource::new(move || {
        let file = file.get();
        async move {
            match file {
                Some(f) => load_boundaries(f).await.map(Some),
                None => Ok(None),
            }
        }
    })
}

/// Changes the view `state` as `change` says, through `on_navigate`.
pub(super) fn navigate(
    state: Signal<UrlState>,
    on_navigate: Callback<UrlState>,
    change: &dyn Fn(&mut UrlState),
) {
    let mut next = state.get_untracked();
    change(&mut next);
    on_navigate.run(next);
}

/// Where the boundaries of unit set `set` are: the address the data gives
/// (relative to the data file, so a publisher's commune layer travels with
/// its data), else the file shipped with the site for the 34 and the 63
/// provinces (relative to the page). `None`: nothing to draw.
pub(super) fn boundary_url(data: &ProgressData, set: &str, data_url: &str) -> Option<String> {
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
