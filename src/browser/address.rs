//! Addresses: the query in the address bar and its history entries, the
//! page's and the site's address, the link to share, and other addresses
//! resolved against the page or checked on the server.

use tien_do_core::figure::{embed_data_allowed, Figure};
use tien_do_core::{Page, UrlState};

/// The page's query string, with its `?`, or empty.
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Puts `query` in the address bar, keeping the path (so the app works from
/// any sub-folder) and dropping nothing else: as a new history entry, or in
/// place of the current one when `replace` (zoom steps, which Back should
/// not replay one by one).
pub fn set_query(query: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}{query}")
    };
    if let Ok(history) = window.history() {
        let null = wasm_bindgen::JsValue::NULL;
        let _ = if replace {
            history.replace_state_with_url(&null, "", Some(&url))
        } else {
            history.push_state_with_url(&null, "", Some(&url))
        };
    }
}

/// Loads the page at `query` (keeping the path) as a new document: for a
/// page this build of the app does not draw, so that the page's loader
/// picks the build that does ([`crate::app::Build`]).
pub fn load_page(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = if query.is_empty() {
        location.pathname().unwrap_or_default()
    } else {
        query.to_string()
    };
    let _ = location.assign(&url);
}

/// Loads the page again from the server (the address bar went Back to a
/// page this build does not draw).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The page's full address, as the reader would share it.
pub fn current_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The page's address without its query or fragment.
fn page_address() -> String {
    let href = current_href();
    href.split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The folder of the page, ending in `/`: the site's address for embed
/// snippets (`https://example.gov.vn/tien-do/`).
pub fn site_base() -> String {
    let page = page_address();
    match page.rfind('/') {
        Some(i) => page[..=i].to_string(),
        None => page,
    }
}

/// This page's address as a link to share: the view's own keys only (not
/// what a host page or a tracker added, such as pym.js's `parentUrl`).
pub fn shareable_href() -> String {
    let page = page_address();
    let mut state = tien_do_core::UrlState::from_query(&current_query());
    state.extra.clear();
    format!("{page}{}", state.to_query())
}

/// `url` resolved against `base`, itself relative to the page (as the data
/// URL is): a boundary file named relative to the data file it came with.
/// Falls back to `url` unchanged if the browser cannot resolve it.
pub fn resolve_url(url: &str, base: &str) -> String {
    web_sys::Url::new_with_base(base, &current_href())
        .and_then(|b| web_sys::Url::new_with_base(url, &b.href()))
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

/// Whether the server has `url` (relative to the page): a HEAD request
/// answered 2xx.
pub async fn exists(url: &str) -> bool {
    gloo_net::http::RequestBuilder::new(url)
        .method(http::Method::HEAD)
        .send()
        .await
        .is_ok_and(|r| r.ok())
}

/// The view the address holds. An embed page (`embed-map.html`…) says
/// its figure (`embedded`, from `<html data-embed>`); a frame on the
/// site's address shows the site's own data only.
pub fn url_state(embedded: Option<Figure>) -> UrlState {
    let mut state = UrlState::from_query(&current_query());
    if let Some(figure) = embedded {
        state.page = Page::Embed;
        state.figure = Some(figure);
    }
    if state.page == Page::Embed && !state.data.as_deref().is_none_or(embed_data_allowed) {
        state.data = None;
    }
    state
}

/// Whether a click on a link is a plain one (the main button, no
/// modifier), which the page follows itself; any other opens a new tab or
/// window, as the browser does.
pub fn plain_click(e: &web_sys::MouseEvent) -> bool {
    e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key())
}
