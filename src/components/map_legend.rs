use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::choropleth::MapData;
use tien_do_core::{Lang, Msg};

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
            let m = m.as_ref().filter(|m| !m.boundaries_only())?;
            let l = lang.get();
            let f = |v: f64| m.indicator.format_value(v, l);
            let classes = m.bins.as_ref().map(|b| {
                b.colors
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let range = format!("{} – {}", f(b.limits[i]), f(b.limits[i + 1]));
                        view! {
                            <li><span class="swatch" style=format!("background:{c}")></span>{range}</li>
                        }
                    })
                    .collect_view()
            });
            let unpublished = m.rows.iter().any(|r| r.value.is_none()).then(|| {
                view! { <li><span class="swatch not-published"></span>{Msg::NotPublished.text(l)}</li> }
            });
            Some(view! {
                <figure class="map-legend">
                    <figcaption>
                        {Msg::Legend.text(l)} " (" {m.indicator.unit.get(l).to_string()} ")"
                    </figcaption>
                    <ul>{classes}{unpublished}</ul>
                </figure>
            })
        })
    }
}
