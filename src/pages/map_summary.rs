use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::choropleth::MapData;
use tien_do_core::figures;
use tien_do_core::Lang;

/// The map in words: the highest and lowest units, the median, and how
/// many published (also the canvas's description for screen readers, by
/// its id `map-summary`).
#[component]
pub fn MapSummary(
    /// The map to summarise.
    map: Signal<Option<Arc<MapData>>>,
    /// The language shown now.
    lang: Signal<Lang>,
) -> impl IntoView {
    move || {
        let l = lang.get();
        map.with(|m| {
            let m = m.as_ref()?;
            let text = figures::map::summary(m, l);
            Some(view! { <p class="map-summary" id="map-summary">{text}</p> })
        })
    }
}
