use super::map::MapFigure;
use super::map_ranking::MapRanking;
use super::map_view::MapView;
use crate::components::AppLink;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::{Lang, Msg, Page, ProgressData, UrlState};

/// On the overview: the headline indicator's map and its units ranked,
/// without pickers or the list of units, and a link to the full map.
#[component]
pub fn HeadlineMap(
    /// The loaded data.
    data: Arc<ProgressData>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view.
    state: Signal<UrlState>,
    /// Called when the reader changes the view or follows the link.
    on_navigate: Callback<UrlState>,
    /// The map's state (made by the page, which waits for it to be shown).
    view: MapView,
) -> impl IntoView {
    let chosen = view.chosen;
    let to = Signal::derive(move || {
        let mut next = state.with(|s| s.with_page(Page::Map));
        if let Some((i, p)) = chosen.get() {
            next.indicator = Some(i);
            next.period = Some(p);
        }
        next
    });
    view! {
        <article class="map-page headline-map">
            <h2>{view.title}</h2>
            <p class="next">
                <AppLink to on_navigate>{move || Msg::SeeOnMap.text(lang.get())} " →"</AppLink>
            </p>
            <MapFigure view data=Arc::clone(&data) lang state on_navigate />
            // Drawn once the map is: the ranking would otherwise delay the
            // map's first draw by about 90 ms.
            <MapRanking data map=view.map lang state ready=view.settled() />
        </article>
    }
}
