use crate::components::{ChartFrame, FigureExport};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::figure::{figure_chart, Figure};
use tien_do_core::{Lang, ProgressData, UrlState};

/// An embedded chart (every figure but the map): its title, the chart, its
/// source and downloads; or, where the view has nothing to draw, why.
#[component]
pub fn EmbedChart(
    /// The loaded data.
    data: Arc<ProgressData>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The embed's view: its figure, indicator, period, province.
    state: Signal<UrlState>,
) -> impl IntoView {
    let figure = state.with_untracked(|s| s.figure.unwrap_or(Figure::Map));
    move || -> AnyView {
        let l = lang.get();
        let export = FigureExport {
            data: Arc::clone(&data),
            embed: None,
        };
        match state.with(|s| figure_chart(&data, figure, s, l)) {
            Err(msg) => view! { <p class="chart-note">{msg.text(l)}</p> }.into_any(),
            Ok((chart, title)) => view! { <ChartFrame chart title lang=l export /> }.into_any(),
        }
    }
}
