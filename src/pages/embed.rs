use crate::browser;
use leptos::prelude::*;
use tien_do_core::figure::{full_view_url, Figure};
use tien_do_core::{Lang, Msg, UrlState};

/// An embedded figure, alone: the figure (`children`: its title, legend,
/// source and downloads), and a link to the same view on the full site
/// (opened in a new tab, out of the host's frame).
#[component]
pub fn EmbedPage(
    /// The language shown now.
    lang: Signal<Lang>,
    /// The embed's view: its figure, indicator, period, province.
    state: Signal<UrlState>,
    /// The figure: an [`EmbedMap`](super::EmbedMap) or an [`EmbedChart`](super::EmbedChart).
    children: Children,
) -> impl IntoView {
    let figure = state.with_untracked(|s| s.figure.unwrap_or(Figure::Map));
    let full = move || state.with(|s| full_view_url(&browser::site_base(), s));
    view! {
        <article class=format!("embed embed-{}", figure.slug())>
            {children()}
            <p class="embed-link">
                <a href=full target="_blank" rel="noopener">
                    {move || Msg::OpenFullView.text(lang.get())} " ↗"
                </a>
                " · " {move || Msg::AppTitle.text(lang.get())}
            </p>
        </article>
    }
}
