//! The app: the Leptos site (the shell, its pages and components) and the
//! framework-free layer under it ([`lean`]: plain functions of a view, the
//! map's widget, a chart's canvas, and the embed pages built without Leptos).
//!
//! Logic lives in `tien-do-core` (data model, errors, languages, URL state,
//! formatting) where native `cargo test` reaches it; this crate only wires it
//! to the browser and draws it. The Leptos parts come with the `site`
//! feature (on by default); the embed pages are built without it.

#[cfg(feature = "site")]
pub mod app;
pub mod browser;
#[cfg(feature = "site")]
pub mod builds;
#[cfg(feature = "site")]
pub mod components;
pub mod fetch;
pub mod lean;
#[cfg(feature = "site")]
pub mod pages;
#[cfg(feature = "site")]
pub mod theme;

/// Mounts the whole site on the page's `<body>` (`src/main.rs`).
#[cfg(feature = "site")]
pub fn start() {
    mount(builds::SITE);
}

/// Builds the overview (`src/bin/tien-do-overview.rs`), the first view,
/// without Leptos ([`lean`]): a smaller download, and the map sooner.
pub fn start_overview() {
    started(|| {
        register_service_worker();
        lean::overview::start();
        fetch::decode_ahead();
    });
}

/// Builds the map page (`src/bin/tien-do-map.rs`) without Leptos
/// ([`lean`]): the site's most visited figure, from shared links, with a
/// smaller download and its map sooner.
pub fn start_map() {
    started(|| {
        register_service_worker();
        lean::map_page::start();
        fetch::decode_ahead();
    });
}

/// Builds the map's embed page (`src/bin/tien-do-embed-map.rs`) without
/// Leptos ([`lean`]): the smallest download, for newsrooms' articles (its
/// boundaries decoded when the map asks: [`fetch::decode_ahead`] weighs
/// 1.4 KB, and an embed's files have all come when it starts).
pub fn start_embed_map() {
    started(lean::embed_map::start);
}

/// Builds the embed page of the chart kind `K` (`src/bin/tien-do-embed-ranking.rs`
/// and the others, one build per kind) without Leptos ([`lean`]): that
/// chart alone, the smallest download.
pub fn start_embed_chart<K: tien_do_core::figures::Listed + 'static>() {
    use lean::embed_chart::{no_chart, show, start};
    started(|| {
        start(|shell| {
            if shell.figure() == K::FIGURE {
                show::<K>
            } else {
                no_chart
            }
        })
    });
}

/// Mounts `build` of the app on the page's `<body>`.
#[cfg(feature = "site")]
fn mount(build: app::Build) {
    use leptos::prelude::*;
    started(|| {
        register_service_worker();
        leptos::mount::mount_to_body(move || view! { <app::App variant=build /> });
        fetch::decode_ahead();
    });
}

/// Registers the site's service worker, except in an embed: embeds live in
/// other sites' articles, with no worker copying the site onto every
/// reader's device.
fn register_service_worker() {
    if browser::embed_figure().is_none() && !browser::in_frame() {
        browser::register_service_worker();
    }
}

/// Starts a page with `build`, between the benchmark's marks: the wasm is
/// compiled and running (`tien-do:start`, the split between the download
/// and compile and the app's own start) and the page is built
/// (`tien-do:mounted`).
fn started(build: impl FnOnce()) {
    browser::mark_once("tien-do:start");
    console_error_panic_hook::set_once();
    browser::remove_boot_shell();
    build();
    browser::mark_once("tien-do:mounted");
}
