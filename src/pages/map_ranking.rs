use crate::components::{FigureExport, RankingChart};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::choropleth::MapData;
use tien_do_core::figure::{embed_state, Figure};
use tien_do_core::figures::ranking::ranking;
use tien_do_core::{Lang, ProgressData, UrlState};

/// The map's units ranked, the selected one highlighted, once `ready`
/// (below the map: drawn after it, whose first draw it would otherwise
/// delay by about 90 ms).
#[component]
pub fn MapRanking(
    /// The loaded data, for the chart's downloads.
    data: Arc<ProgressData>,
    /// The map whose units to rank.
    map: Signal<Option<Arc<MapData>>>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view: the selected unit, and the chart's embed view.
    state: Signal<UrlState>,
    /// Whether to draw now: the map is drawn, or there is none.
    ready: Signal<bool>,
) -> impl IntoView {
    move || {
        if !ready.get() {
            return None;
        }
        let l = lang.get();
        let selected = state.with(|s| s.province.clone());
        map.with(|m| {
            let r = ranking(m.as_ref()?, selected.as_deref());
            let export = FigureExport {
                data: Arc::clone(&data),
                embed: Some(state.with(|s| embed_state(s, Figure::Ranking, l))),
            };
            (!r.bars.is_empty())
                .then(|| view! { <RankingChart ranking=Arc::new(r) lang=l export /> })
        })
    }
}
