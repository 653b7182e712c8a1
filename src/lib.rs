//! The Leptos app: the shell, its pages and components.
//!
//! Logic lives in `tien-do-core` (data model, errors, languages, URL state,
//! formatting) where native `cargo test` reaches it; this crate only wires it
//! to the browser and draws it.

pub mod app;
pub mod browser;
pub mod builds;
pub mod components;
pub mod fetch;
pub mod lean;
pub mod pages;
pub mod theme;

use leptos::prelude::*;

/// Mounts the whole site on the page's `<body>` (`src/main.rs`).
pub fn start() {
    mount(builds::SITE);
}

/// Mounts the overview alone (`src/bin/tien-do-overview.rs`): the first
/// view, a smaller download.
pub fn start_overview() {
    mount(builds::OVERVIEW);
}

/// Builds the map's embed page (`src/bin/tien-do-embed-map.rs`) without
/// Leptos ([`lean`]): the smallest download, for newsrooms' articles.
pub fn start_embed_map() {
    browser::mark_once("tien-do:start");
    console_error_panic_hook::set_once();
    browser::remove_boot_shell();
    lean::embed_map::start();
    browser::mark_once("tien-do:mounted");
}

/// Mounts one chart alone (`src/bin/tien-do-embed-chart.rs`): the charts'
/// embed pages, a small download.
pub fn start_embed_chart() {
    mount(builds::EMBED_CHART);
}

/// Mounts `build` of the app on the page's `<body>`.
fn mount(build: app::Build) {
    // The wasm is compiled and running: the benchmark's split between the
    // download and compile (before) and the app's own start (after).
    browser::mark_once("tien-do:start");
    console_error_panic_hook::set_once();
    browser::remove_boot_shell();
    // Embeds live in other sites' articles: no worker copying the site
    // onto every reader's device.
    if browser::embed_figure().is_none() && !browser::in_frame() {
        browser::register_service_worker();
    }
    leptos::mount::mount_to_body(move || view! { <app::App variant=build /> });
    browser::mark_once("tien-do:mounted");
}
