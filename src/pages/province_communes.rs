use super::map::MapFigure;
use super::map_view::MapView;
use crate::components::CommuneSearch;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::units::province_2025;
use tien_do_core::{Lang, MapLevel, Msg, ProgressData, UrlState};

/// On a province's page (a province of 1 July 2025): the map of its
/// communes, from its own boundary file, and the search over every
/// commune. Choosing a commune opens it on the map page.
#[component]
pub fn ProvinceCommunes(
    /// The loaded data.
    data: Arc<ProgressData>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view: the province comes from it.
    state: Signal<UrlState>,
    /// Called when the reader opens a commune or changes the view.
    on_navigate: Callback<UrlState>,
) -> impl IntoView {
    let shown =
        Memo::new(move |_| state.with(|s| s.province.as_deref().and_then(province_2025).is_some()));
    // The page's view, at the communes' level of its province.
    let communes = Signal::derive(move || {
        state.with(|s| UrlState {
            level: MapLevel::Commune,
            commune: None,
            ..s.clone()
        })
    });
    move || {
        shown.get().then(|| {
            let view = MapView::new(&data, communes, lang);
            view! {
                <section class="province-communes map-page">
                    <h2>{move || Msg::CommuneMapOf.text(lang.get())}</h2>
                    <CommuneSearch lang state on_navigate />
                    <MapFigure view data=Arc::clone(&data) lang state=communes on_navigate />
                </section>
            }
        })
    }
}
