use crate::components::{MapLegend, SourceLink};
use crate::lean::map_view::{credit, Credit};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::choropleth::MapData;
use tien_do_core::{Lang, Msg, ProgressData};

/// Beside the map: its legend, the source of its values, and where its
/// boundaries come from (for the shipped files, the source of the unit
/// set's: the official map for 2025, Natural Earth before; a
/// publisher's layer, its own file, linked: it travels with the data, and
/// says what it is).
#[component]
pub fn MapSide(
    /// The loaded data: its unit sets and their boundary files.
    data: Arc<ProgressData>,
    /// The map shown.
    map: Signal<Option<Arc<MapData>>>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The address of the data file, which a publisher's boundary file is
    /// relative to.
    data_url: Signal<String>,
) -> impl IntoView {
    let source = move || {
        let l = lang.get();
        map.with(|m| {
            let s = m.as_ref()?.source.as_ref()?;
            let published = s.published_suffix(l);
            Some(view! {
                <p class="cite">
                    {Msg::Source.text(l)} ": " <SourceLink source=s.clone() lang=l /> {published}
                </p>
            })
        })
    };
    let credit = move || {
        let l = lang.get();
        let credit = map.with(|m| credit(&data, m.as_ref()?, &data_url.get()))?;
        Some(match credit {
            Credit::Shipped(msg) => view! { <span>{msg.text(l)}</span> }.into_any(),
            Credit::Published(url) => view! {
                <span>{Msg::BoundariesPublished.text(l)} ": " <a href=url.clone()>{url.clone()}</a></span>
            }
            .into_any(),
        })
    };
    view! {
        <aside class="map-side">
            <MapLegend map lang />
            {source}
            <p class="credit">{credit}</p>
        </aside>
    }
}
