use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::choropleth::MapData;
use tien_do_core::figures;
use tien_do_core::Lang;

/// The legend of a choropleth: each class with its colour and limits
/// (quantiles), and the hatch used for "not published". None for a commune
/// map without values ([`MapData::boundaries_only`]).
#[component]
pub fn MapLegend(
    /// The map whose classes to show.
    map: Signal<Option<Arc<MapData>>>,
    /// The language shown now.
    lang: Signal<Lang>,
) -> impl IntoView {
    move || {
        map.with(|m| {
            // A commune map without values has nothing to explain: the note
            // above it says so (no hatch for shapes drawn neutral).
            let legend = figures::map::legend(m.as_ref()?, lang.get())?;
            let classes = legend
                .classes
                .into_iter()
                .map(|(c, range)| {
                    view! {
                        <li><span class="swatch" style=format!("background:{c}")></span>{range}</li>
                    }
                })
                .collect_view();
            let unpublished = legend.not_published.map(|text| {
                view! { <li><span class="swatch not-published"></span>{text}</li> }
            });
            Some(view! {
                <figure class="map-legend">
                    <figcaption>{legend.caption}</figcaption>
                    <ul>{classes}{unpublished}</ul>
                </figure>
            })
        })
    }
}
