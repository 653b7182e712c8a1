//! The three builds of the app ([`Build`]): what each binary draws. A page
//! named here is linked into that binary; a page not named is not.

use crate::app::{embed_frame, site_frame, Build};
use crate::pages::{DataPage, EmbedPage, MapPage, OverviewPage, ProvincePage, TasksPage};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::{Lang, Page, ProgressData, UrlState};

/// The first view: the overview alone, in the site's frame. Its links to
/// other pages load the site build.
pub const OVERVIEW: Build = Build {
    draws: |p| p == Page::Overview,
    page: overview_page,
    frame: site_frame,
};

/// The whole site: every page, the overview and embeds (`?page=embed`) too.
pub const SITE: Build = Build {
    draws: |_| true,
    page: every_page,
    frame: site_frame,
};

/// An embed page (`embed-<figure>.html`): its figure alone.
pub const EMBED: Build = Build {
    draws: |p| p == Page::Embed,
    page: embed_page,
    frame: embed_frame,
};

fn overview_page(
    _: Page,
    data: Arc<ProgressData>,
    lang: Signal<Lang>,
    state: Signal<UrlState>,
    on_navigate: Callback<UrlState>,
) -> AnyView {
    view! { <OverviewPage data lang state on_navigate /> }.into_any()
}

fn embed_page(
    _: Page,
    data: Arc<ProgressData>,
    lang: Signal<Lang>,
    state: Signal<UrlState>,
    on_navigate: Callback<UrlState>,
) -> AnyView {
    view! { <EmbedPage data lang state on_navigate /> }.into_any()
}

fn every_page(
    page: Page,
    data: Arc<ProgressData>,
    lang: Signal<Lang>,
    state: Signal<UrlState>,
    on_navigate: Callback<UrlState>,
) -> AnyView {
    match page {
        Page::Overview => overview_page(page, data, lang, state, on_navigate),
        Page::Map => view! { <MapPage data lang state on_navigate /> }.into_any(),
        Page::Province => view! { <ProvincePage data lang state on_navigate /> }.into_any(),
        Page::Tasks => view! { <TasksPage data lang state /> }.into_any(),
        Page::Data => view! { <DataPage data lang state on_navigate /> }.into_any(),
        Page::Embed => embed_page(page, data, lang, state, on_navigate),
    }
}
