use super::map_view::boundary_url;
use crate::components::{MapLegend, SourceLink};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::boundaries::boundaries_credit;
use tien_do_core::choropleth::MapData;
use tien_do_core::choropleth::COMMUNE_SET;
use tien_do_core::data::UnitLevel;
use tien_do_core::format::format_date;
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
            let published = s
                .published
                .as_deref()
                .map(|d| format!(" ({})", format_date(d, l)));
            Some(view! {
                <p class="cite">
                    {Msg::Source.text(l)} ": " <SourceLink source=s.clone() lang=l /> {published}
                </p>
            })
        })
    };
    let unit_set = Memo::new(move |_| map.with(|m| m.as_ref().map(|m| m.unit_set.clone())));
    let credit = move || {
        let l = lang.get();
        let set = unit_set.get()?;
        let published = data
            .unit_sets
            .iter()
            .any(|s| s.id == set && s.boundaries_link().is_some());
        if !published {
            // The communes are drawn from the shipped official map.
            let communes = map.with(|m| m.as_ref().is_some_and(|m| m.level == UnitLevel::Commune));
            let set = if communes {
                COMMUNE_SET.to_string()
            } else {
                set
            };
            return boundaries_credit(&set)
                .map(|credit| view! { <span>{credit.text(l)}</span> }.into_any());
        }
        let url = boundary_url(&data, &set, &data_url.get())?;
        Some(
            view! {
                <span>{Msg::BoundariesPublished.text(l)} ": " <a href=url.clone()>{url.clone()}</a></span>
            }
            .into_any(),
        )
    };
    view! {
        <aside class="map-side">
            <MapLegend map lang />
            {source}
            <p class="credit">{credit}</p>
        </aside>
    }
}
