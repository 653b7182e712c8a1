//! The Leptos build of the app ([`Build`]): what its binary draws. A
//! page named here is linked into it; a page not named is not. (The
//! overview, the first view, the map page and the embed pages are built
//! without Leptos: `crate::lean`.)

use crate::app::{site_frame, Build};
use crate::pages::{DataPage, EmbedChart, EmbedMap, EmbedPage, ProvincePage, TasksPage};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::figure::Figure;
use tien_do_core::{Lang, Page, ProgressData, UrlState};

/// The whole site: every page but the overview and the map page (their
/// own builds, without Leptos: following a link to one loads it), embeds
/// (`?page=embed`) too.
pub const SITE: Build = Build {
    draws: |p| !matches!(p, Page::Overview | Page::Map),
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
        // Not drawn here (`SITE.draws`): only where their own build is
        // missing, a link to it.
        Page::Overview | Page::Map => {
            let to = state.with_untracked(|s| s.with_page(page).to_query());
            let to = if to.is_empty() { "?".to_string() } else { to };
            view! { <p><a href=to>{move || page.name().text(lang.get())}</a></p> }.into_any()
        }
        Page::Province => view! { <ProvincePage data lang state on_navigate /> }.into_any(),
        Page::Tasks => view! { <TasksPage data lang state /> }.into_any(),
        Page::Data => view! { <DataPage data lang state on_navigate /> }.into_any(),
        Page::Embed => embed_page(page, data, lang, state, on_navigate),
    }
}
