//! The Leptos build of the app ([`Build`]): what its binary draws. A
//! page named here is linked into it; a page not named is not. (The
//! overview, the first view, and the embed pages are built without
//! Leptos: `crate::lean`.)

use crate::app::{site_frame, Build};
use crate::pages::{DataPage, EmbedChart, EmbedMap, EmbedPage, MapPage, ProvincePage, TasksPage};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::figure::Figure;
use tien_do_core::{Lang, Page, ProgressData, UrlState};

/// The whole site: every page but the overview (its own build, without
/// Leptos: following a link to it loads it), embeds (`?page=embed`) too.
pub const SITE: Build = Build {
    draws: |p| p != Page::Overview,
    page: every_page,
    frame: site_frame,
};

fn embed_map_page(
    _: Page,
    data: Arc<ProgressData>,
    lang: Signal<Lang>,
    state: Signal<UrlState>,
    on_navigate: Callback<UrlState>,
) -> AnyView {
    view! {
        <EmbedPage lang state>
            <EmbedMap data lang state on_navigate />
        </EmbedPage>
    }
    .into_any()
}

fn embed_chart_page(
    _: Page,
    data: Arc<ProgressData>,
    lang: Signal<Lang>,
    state: Signal<UrlState>,
    _: Callback<UrlState>,
) -> AnyView {
    view! {
        <EmbedPage lang state>
            <EmbedChart data lang state />
        </EmbedPage>
    }
    .into_any()
}

/// An embed on the site's own address (`?page=embed&figure=…`): the map's
/// or a chart's.
fn embed_page(
    page: Page,
    data: Arc<ProgressData>,
    lang: Signal<Lang>,
    state: Signal<UrlState>,
    on_navigate: Callback<UrlState>,
) -> AnyView {
    let map = state.with_untracked(|s| s.figure.unwrap_or(Figure::Map) == Figure::Map);
    let draw = if map {
        embed_map_page
    } else {
        embed_chart_page
    };
    draw(page, data, lang, state, on_navigate)
}

fn every_page(
    page: Page,
    data: Arc<ProgressData>,
    lang: Signal<Lang>,
    state: Signal<UrlState>,
    on_navigate: Callback<UrlState>,
) -> AnyView {
    match page {
        // Not drawn here (`SITE.draws`): only where the overview's own
        // build is missing, a link to it.
        Page::Overview => view! {
            <p><a href="?">{move || Page::Overview.name().text(lang.get())}</a></p>
        }
        .into_any(),
        Page::Map => view! { <MapPage data lang state on_navigate /> }.into_any(),
        Page::Province => view! { <ProvincePage data lang state on_navigate /> }.into_any(),
        Page::Tasks => view! { <TasksPage data lang state /> }.into_any(),
        Page::Data => view! { <DataPage data lang state on_navigate /> }.into_any(),
        Page::Embed => embed_page(page, data, lang, state, on_navigate),
    }
}
