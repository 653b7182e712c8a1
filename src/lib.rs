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

/// Mounts one figure alone (`src/bin/tien-do-embed.rs`): the embed pages,
/// the smallest download.
pub fn start_embed() {
    mount(builds::EMBED);
}

/// Mounts `build` of the app on the page's `<body>`.
fn mount(build: app::Build) {
    console_error_panic_hook::set_once();
    browser::remove_boot_shell();
    // Embeds live in other sites' articles: no worker copying the site
    // onto every reader's device.
    if browser::embed_figure().is_none() && !browser::in_frame() {
        browser::register_service_worker();
    }
    leptos::mount::mount_to_body(move || view! { <app::App variant=build /> });
}
