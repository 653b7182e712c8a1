use super::map::{MapMode, MapPage};
use crate::browser;
use crate::components::{
    FigureExport, PillarChart, RankingChart, TargetChart, TaskTrackerChart, TrendChart,
};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::figure::{figure_chart, full_view_url, Figure};
use tien_do_core::paint::Chart;
use tien_do_core::{Lang, Msg, ProgressData, UrlState};

/// An embedded figure, alone: its title, legend, source and downloads, and
/// a link to the same view on the full site (opened in a new tab, out of
/// the host's frame).
#[component]
pub fn EmbedPage(
    /// The loaded data.
    data: Arc<ProgressData>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The embed's view: its figure, indicator, period, province.
    state: Signal<UrlState>,
    /// Called when the reader changes the view (the map's zoom).
    on_navigate: Callback<UrlState>,
) -> impl IntoView {
    let figure = state.with_untracked(|s| s.figure.unwrap_or(Figure::Map));
    let body = move || -> AnyView {
        let l = lang.get();
        let export = FigureExport {
            data: Arc::clone(&data),
            embed: None,
        };
        if figure == Figure::Map {
            return view! {
                <MapPage data=Arc::clone(&data) lang state on_navigate mode=MapMode::Embed />
            }
            .into_any();
        }
        match state.with(|s| figure_chart(&data, figure, s, l)) {
            Err(msg) => view! { <p class="chart-note">{msg.text(l)}</p> }.into_any(),
            Ok((Chart::Ranking(ranking), _)) => {
                view! { <RankingChart ranking lang=l export /> }.into_any()
            }
            Ok((Chart::Trend(trend), _)) => view! { <TrendChart trend lang=l export /> }.into_any(),
            Ok((
                Chart::Pillars {
                    pillars,
                    name,
                    period,
                },
                _,
            )) => view! { <PillarChart pillars name period lang=l export /> }.into_any(),
            Ok((Chart::Tasks(meetings), title)) => {
                view! { <TaskTrackerChart meetings title lang=l export /> }.into_any()
            }
            Ok((Chart::Targets(bars), title)) => {
                view! { <TargetChart bars title lang=l export /> }.into_any()
            }
        }
    };
    let full = move || state.with(|s| full_view_url(&browser::site_base(), s));
    view! {
        <article class=format!("embed embed-{}", figure.slug())>
            {body}
            <p class="embed-link">
                <a href=full target="_blank" rel="noopener">
                    {move || Msg::OpenFullView.text(lang.get())} " ↗"
                </a>
                " · " {move || Msg::AppTitle.text(lang.get())}
            </p>
        </article>
    }
}
