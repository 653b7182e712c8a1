use super::map::MapFigure;
use super::map_view::MapView;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::{Lang, ProgressData, UrlState};

/// The map embedded in another site: its title, the map with its legend,
/// source and downloads; a unit opens on the site, in a new tab.
#[component]
pub fn EmbedMap(
    /// The loaded data.
    data: Arc<ProgressData>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The embed's view: indicator, period, zoom.
    state: Signal<UrlState>,
    /// Called when the reader changes the view (the zoom).
    on_navigate: Callback<UrlState>,
) -> impl IntoView {
    let view = MapView::new(&data, state, lang);
    view! {
        <article class="map-page embed-map">
            <h1>{view.title}</h1>
            <MapFigure view data lang state on_navigate embedded=true />
        </article>
    }
}
