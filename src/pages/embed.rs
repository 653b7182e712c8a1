use super::embed_map::EmbedMap;
use crate::browser;
use crate::components::{ChartFrame, FigureExport};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::figure::{figure_chart, full_view_url, Figure};
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
                <EmbedMap data=Arc::clone(&data) lang state on_navigate />
            }
            .into_any();
        }
        match state.with(|s| figure_chart(&data, figure, s, l)) {
            Err(msg) => view! { <p class="chart-note">{msg.text(l)}</p> }.into_any(),
            Ok((chart, title)) => view! { <ChartFrame chart title lang=l export /> }.into_any(),
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
