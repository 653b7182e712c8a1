use super::map_area::MapArea;
use super::map_side::MapSide;
use super::map_summary::MapSummary;
use super::map_tools::MapTools;
use super::map_view::{navigate, MapView};
use crate::lean::map_view::{open_on_the_site, opened, unplaced_list};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::{Lang, Msg, ProgressData, UrlState};

/// The map itself, wherever it is shown: its downloads (and embed codes,
/// unless `embedded`), a text summary, the map with its legend, source and
/// credit.
#[component]
pub fn MapFigure(
    /// The map's state.
    view: MapView,
    /// The loaded data.
    data: Arc<ProgressData>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view: zoom and selected unit come from it.
    state: Signal<UrlState>,
    /// Called when the reader changes the view.
    on_navigate: Callback<UrlState>,
    /// Inside an embed: no embed codes, and a unit opens on the site in a
    /// new tab.
    #[prop(optional)]
    embedded: bool,
) -> impl IntoView {
    let (communes, boundaries, regions, map) =
        (view.communes, view.boundaries, view.regions, view.map);
    // The unit outlined: the commune chosen on a commune map, else the
    // province.
    let selected = Signal::derive(move || {
        state.with(|s| match communes.get() {
            Some(_) => s.commune.clone(),
            None => s.province.clone(),
        })
    });
    // Opening a unit: a province shows its page; a commune on the whole
    // country's map opens its province's communes, one in a province's is
    // chosen. Inside an embed, the same view opens on the site in a new
    // tab, out of the host's frame and its history.
    let open_unit = Callback::new(move |code: String| {
        let next = regions.with_untracked(|r| {
            let regions = r.as_deref().map_or(&[][..], Vec::as_slice);
            let communes = communes.get_untracked().map(|_| regions);
            state.with_untracked(|s| opened(s, &code, communes))
        });
        if embedded {
            open_on_the_site(next);
        } else {
            on_navigate.run(next);
        }
    });
    // Values for codes the boundary file lacks: named above the map.
    let unplaced = move || {
        map.with(|m| {
            let list = unplaced_list(m.as_ref()?)?;
            Some(view! {
                <p class="map-note unplaced" role="note">
                    {Msg::NotOnMap.text(lang.get())} ": " {list}
                </p>
            })
        })
    };
    // Where no commune value is published: said in one line above the map.
    let no_values = move || {
        map.with(|m| {
            m.as_ref()
                .filter(|m| m.boundaries_only())
                .map(|_| {
                    view! { <p class="map-note" role="note">{Msg::CommuneNoValues.text(lang.get())}</p> }
                })
        })
    };
    let set_zoom = Callback::new(move |z| navigate(state, on_navigate, &|s| s.zoom = z));
    let MapView {
        data_url,
        file,
        overlay,
        title,
        drawn,
        ..
    } = view;
    view! {
        <MapTools
            data=Arc::clone(&data)
            map
            title
            regions=regions.into()
            overlay=overlay.into()
            state
            lang
            embeddable=!embedded
        />
        // Where no commune value is published, the note says it all.
        {move || no_values().is_none().then(|| view! { <MapSummary map lang /> })}
        {no_values}
        {unplaced}
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
                overlay=overlay.into()
                on_first_draw=Callback::new(move |()| {
                    drawn.try_set(true);
                })
            />
            <MapSide data lang map data_url=data_url.into() />
        </div>
    }
}
