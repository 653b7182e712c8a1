//! Life inside another site's page: the figure an embed shows, whether
//! the page is framed, its height posted to the host page, and links
//! opened in a new tab rather than in the frame.

use tien_do_core::figure::{height_messages, Figure, HeightMessage};
use tien_do_core::UrlState;
use wasm_bindgen::JsCast;

/// The figure an embed page shows, written on `<html data-embed="…">` by
/// the publishers' tool.
pub fn embed_figure() -> Option<String> {
    super::document::root()?.get_attribute("data-embed")
}

/// Marks `<html data-embed>` (the style sheet lays out embeds by it) where
/// the page's file did not already.
pub fn mark_embedded(id: &str) {
    if let Some(root) = super::document::root() {
        if !root.has_attribute("data-embed") {
            let _ = root.set_attribute("data-embed", id);
        }
    }
}

/// Whether the page is inside another page's frame.
pub fn in_frame() -> bool {
    parent_window().is_some()
}

/// The window of the page that frames this one, if any.
fn parent_window() -> Option<web_sys::Window> {
    let w = web_sys::window()?;
    w.parent().ok()?.filter(|p| *p != w)
}

/// Posts `message` to the page that embeds this one, if any: a JSON text
/// as an object, else as a string.
pub fn post_to_parent(message: &HeightMessage) {
    let Some(parent) = parent_window() else {
        return;
    };
    let value = match message {
        HeightMessage::Json(text) => js_sys::JSON::parse(text).ok(),
        HeightMessage::Text(text) => Some(wasm_bindgen::JsValue::from_str(text)),
    };
    if let Some(v) = value {
        let _ = parent.post_message(&v, "*");
    }
}

/// Tells the host page the embed's height whenever `<body>` changes size,
/// in the formats of [`tien_do_core::figure::height_messages`]. Lives as
/// long as the page.
pub fn post_height_on_resize(id: String, pym_child_id: Option<String>) {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let last = std::cell::Cell::new(0_u32);
    let measure = body.clone();
    let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let h = measure.get_bounding_client_rect().height().ceil().max(0.0) as u32;
        if h != last.get() && h > 0 {
            last.set(h);
            for m in height_messages(&id, pym_child_id.as_deref(), h) {
                post_to_parent(&m);
            }
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // The observer and its callback live as long as the page.
        std::mem::forget(observer);
        on_resize.forget();
    }
}

/// Opens `url` in a new tab, with no way back to this page's window.
pub fn open_in_new_tab(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target_and_features(url, "_blank", "noopener");
    }
}

/// An embed says what it is on `<html>` and posts its height to the page
/// around it whenever it changes (Datawrapper's, Pym.js's and AMP's
/// messages).
pub fn start_embedding(u: &UrlState) {
    let figure = u.figure.unwrap_or(Figure::Map);
    let child = u
        .extra
        .iter()
        .find(|(k, _)| k == "childId")
        .map(|(_, v)| v.clone());
    let id = format!("tien-do-{}", figure.slug());
    mark_embedded(&id);
    post_height_on_resize(id, child);
}
