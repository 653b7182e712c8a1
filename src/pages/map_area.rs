use crate::components::{first_load_error, ChoroplethMap, LoadErrorPanel};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::boundaries::Region;
use tien_do_core::choropleth::MapData;
use tien_do_core::zoom::MapZoom;
use tien_do_core::{Lang, LoadError, Msg};

/// The boundaries of a map's units as loaded: `None` where there is no
/// file to draw.
pub type Boundaries = LocalResource<Result<Option<Arc<Vec<Region>>>, LoadError>>;

/// The map once its boundaries are loaded: a placeholder while they load,
/// what went wrong (with a retry) if they fail, a note if the units have
/// none.
#[component]
pub fn MapArea(
    /// The boundaries of the units shown.
    boundaries: Boundaries,
    /// Their address, for the error's detail.
    file: Signal<String>,
    /// Values, ranks and classes to draw.
    map: Signal<Option<Arc<MapData>>>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The selected unit's code, outlined.
    selected: Signal<Option<String>>,
    /// Called with a unit's code when it is opened.
    on_open: Callback<String>,
    /// The zoom the URL holds.
    zoom: Signal<Option<MapZoom>>,
    /// Called with the zoom a gesture ended on.
    on_zoom: Callback<Option<MapZoom>>,
    /// The former borders drawn over the map, if shown.
    overlay: Signal<Option<Arc<Vec<Region>>>>,
    /// Called once the map has first been shown.
    on_first_draw: Callback<()>,
) -> impl IntoView {
    let map_view = move || {
        Suspend::new(async move {
            boundaries.await.map(|b| match b {
                Some(regions) => view! {
                    <ChoroplethMap
                        regions
                        map
                        lang
                        selected
                        on_open
                        zoom
                        on_zoom
                        described_by="map-summary"
                        overlay
                        on_first_draw
                    />
                }
                .into_any(),
                None => {
                    view! { <p class="no-map">{move || Msg::NoMap.text(lang.get())}</p> }.into_any()
                }
            })
        })
    };
    let retry = Callback::new(move |()| boundaries.refetch());
    let (pending, set_pending) = signal(false);
    let error_view = move |errors: ArcRwSignal<leptos::error::Errors>| {
        let first: Signal<Option<LoadError>> =
            Signal::derive(move || errors.with(|e| first_load_error(e, &file.get_untracked())));
        view! { <LoadErrorPanel error=first lang data_url=file retrying=pending on_retry=retry /> }
    };
    view! {
        <div class="map-area">
            <Transition fallback=|| view! { <div class="sk map-skeleton"></div> } set_pending>
                <ErrorBoundary fallback=error_view>{map_view}</ErrorBoundary>
            </Transition>
        </div>
    }
}
