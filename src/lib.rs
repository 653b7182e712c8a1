//! The Leptos app: the shell, its pages and components.
//!
//! Logic lives in `tien-do-core` (data model, errors, languages, URL state,
//! formatting) where native `cargo test` reaches it; this crate only wires it
//! to the browser and draws it.

pub mod app;
pub mod browser;
pub mod components;
pub mod fetch;
pub mod pages;
pub mod theme;

/// Mounts the app on the page's `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    browser::remove_boot_shell();
    // Embeds live in other sites' articles: no worker copying the site
    // onto every reader's device.
    if browser::embed_figure().is_none() && !browser::in_frame() {
        browser::register_service_worker();
    }
    leptos::mount::mount_to_body(app::App);
}
