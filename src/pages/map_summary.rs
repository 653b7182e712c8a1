use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::choropleth::MapData;
use tien_do_core::{Lang, Msg};

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
            let f = |v: f64| m.indicator.format_value(v, l);
            let text = match m.summary() {
                None => Msg::NoValues.text(l).to_string(),
                Some(s) => format!(
                    "{}: {} ({}). {}: {} ({}). {}: {}. {}: {}/{}.",
                    Msg::Highest.text(l),
                    s.highest.0.get(l),
                    f(s.highest.1),
                    Msg::Lowest.text(l),
                    s.lowest.0.get(l),
                    f(s.lowest.1),
                    Msg::Median.text(l),
                    f(s.median),
                    Msg::PublishedFor.text(l),
                    s.published,
                    s.total,
                ),
            };
            Some(view! { <p class="map-summary" id="map-summary">{text}</p> })
        })
    }
}
