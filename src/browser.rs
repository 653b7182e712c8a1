//! The few places the app touches the browser directly: the address bar,
//! remembered preferences and the document's language and title. Each one
//! fails quietly (private browsing, storage disabled): the page goes on.

use tien_do_core::Lang;
use wasm_bindgen::JsCast;

const LANG_KEY: &str = "tien-do.lang";

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

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language chosen on an earlier visit, if any.
pub fn remembered_lang() -> Option<String> {
    storage()?.get_item(LANG_KEY).ok().flatten()
}

/// Remembers the chosen language for the next visit.
pub fn remember_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
}

/// Sets `<html lang>` (screen readers pick their voice from it) and the
/// document title.
pub fn set_document_lang_and_title(lang: Lang, title: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    doc.set_title(title);
}

/// Moves keyboard and screen-reader focus to the main content, as a page
/// load would after following a link.
pub fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// Runs `f` and records how long it took as a `performance` measure named
/// `name` (readable with `performance.getEntriesByName(name)`), for the
/// benchmarks and the browser's own performance tools. Only the latest
/// measure of each name is kept, so a long session of hovering does not
/// pile them up.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let perf = web_sys::window().and_then(|w| w.performance());
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    if let Some(p) = &perf {
        p.clear_measures_with_measure_name(name);
        p.clear_marks_with_mark_name(&start);
        p.clear_marks_with_mark_name(&end);
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &perf {
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
    out
}

/// Sets the `performance` mark `name` the first time only (for example the
/// first map drawn after the page loaded, which the benchmark reads).
pub fn mark_once(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        if p.get_entries_by_name(name).length() == 0 {
            let _ = p.mark(name);
        }
    }
}

/// `url` resolved against `base`, itself relative to the page (as the data
/// URL is): a boundary file named relative to the data file it came with.
/// Falls back to `url` unchanged if the browser cannot resolve it.
pub fn resolve_url(url: &str, base: &str) -> String {
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    web_sys::Url::new_with_base(base, &page)
        .and_then(|b| web_sys::Url::new_with_base(url, &b.href()))
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

/// The CSS width of `wrap`, kept up to date by a `ResizeObserver`: it
/// reports once the element is attached and has a size (it may be created
/// inside a Transition before it is in the document), and again whenever
/// its width changes, whether the window or only the container (an embed's
/// frame, a grid cell) changed. Measuring the DOM is the one thing that
/// must write a signal.
pub fn tracked_width(
    wrap: leptos::prelude::NodeRef<leptos::html::Div>,
) -> leptos::prelude::RwSignal<f64> {
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let width = RwSignal::new(0.0_f64);
    Effect::new(move |_| {
        let Some(el) = wrap.get() else {
            return;
        };
        let target = el.clone();
        let measure = Closure::<dyn FnMut()>::new(move || {
            let w = f64::from(target.client_width());
            if w > 0.0 && w != width.get_untracked() {
                width.set(w);
            }
        });
        match web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()) {
            Ok(observer) => {
                observer.observe(&el);
                let kept = send_wrapper::SendWrapper::new((observer, measure));
                on_cleanup(move || kept.0.disconnect());
            }
            // No ResizeObserver (a very old browser): measure once.
            Err(_) => {
                let w = f64::from(el.client_width());
                if w > 0.0 {
                    width.set(w);
                }
            }
        }
    });
    width
}

/// Today on the reader's clock, `YYYY-MM-DD` (local time).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The page's full address, as the reader would share it.
pub fn current_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Puts `text` on the clipboard; `false` if the browser refused (no
/// permission, or a page not served over https or from localhost).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
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

/// The page's address without its query or fragment.
fn page_address() -> String {
    let href = current_href();
    href.split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The figure an embed page shows, written on `<html data-embed="…">` by
/// the publishers' tool.
pub fn embed_figure() -> Option<String> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("data-embed")
}

/// Whether the reader's system asks for dark colours.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Marks `<html data-embed>` (the style sheet lays out embeds by it) where
/// the page's file did not already.
pub fn mark_embedded(id: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        if !root.has_attribute("data-embed") {
            let _ = root.set_attribute("data-embed", id);
        }
    }
}

/// Sets `<html data-theme>` (the style sheet's colours follow it).
pub fn set_document_theme(dark: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

/// Saves `bytes` as a file named `name` of type `mime`, as a click on a
/// download link would. Returns whether the browser took it.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> bool {
    blob_of(&js_sys::Uint8Array::from(bytes), mime).is_some_and(|b| save_blob(name, &b))
}

/// A blob of type `mime` holding `part` (bytes or a string).
fn blob_of(part: &wasm_bindgen::JsValue, mime: &str) -> Option<web_sys::Blob> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(part), &options).ok()
}

/// Saves `blob` as a file named `name`, through an object URL (revoked a
/// minute later).
fn save_blob(name: &str, blob: &web_sys::Blob) -> bool {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let ok = save_link(name, &url);
    // Revoked later: the browser reads the blob after the click returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    ok
}

/// Clicks a temporary `<a download>` to `href`.
fn save_link(name: &str, href: &str) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(href);
    a.set_download(name);
    let _ = a.style().set_property("display", "none");
    let Some(body) = doc.body() else { return false };
    let _ = body.append_child(&a);
    a.click();
    a.remove();
    true
}

/// Draws an SVG document at `scale` times its size and saves it as a PNG
/// named `name`. The SVG is drawn from a blob of this page's origin, so
/// the canvas stays readable.
pub async fn download_png(name: &str, svg: &str, (w, h): (f64, f64), scale: f64) -> bool {
    async fn draw(svg: &str, (w, h): (f64, f64), scale: f64) -> Option<web_sys::Blob> {
        let blob = blob_of(&js_sys::JsString::from(svg), "image/svg+xml")?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let img = web_sys::HtmlImageElement::new().ok()?;
        img.set_src(&url);
        let loaded = wasm_bindgen_futures::JsFuture::from(img.decode()).await;
        let _ = web_sys::Url::revoke_object_url(&url);
        loaded.ok()?;
        let doc = web_sys::window()?.document()?;
        let canvas: web_sys::HtmlCanvasElement =
            doc.create_element("canvas").ok()?.dyn_into().ok()?;
        canvas.set_width((w * scale).round() as u32);
        canvas.set_height((h * scale).round() as u32);
        let ctx: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d").ok()??.dyn_into().ok()?;
        ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w * scale, h * scale)
            .ok()?;
        // The PNG as a blob (not a data: URL): the file is saved through
        // an object URL like every other download.
        let png = js_sys::Promise::new(&mut |resolve, _reject| {
            let _ = canvas.to_blob(&resolve);
        });
        wasm_bindgen_futures::JsFuture::from(png)
            .await
            .ok()?
            .dyn_into()
            .ok()
    }
    match draw(svg, (w, h), scale).await {
        Some(blob) => save_blob(name, &blob),
        None => false,
    }
}

/// Posts `message` to the page that embeds this one, if any: a JSON text
/// as an object, else as a string.
pub fn post_to_parent(message: &tien_do_core::figure::HeightMessage) {
    use tien_do_core::figure::HeightMessage;
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
            for m in tien_do_core::figure::height_messages(&id, pym_child_id.as_deref(), h) {
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

/// This page's address as a link to share: the view's own keys only (not
/// what a host page or a tracker added, such as pym.js's `parentUrl`).
pub fn shareable_href() -> String {
    let page = page_address();
    let mut state = tien_do_core::UrlState::from_query(&current_query());
    state.extra.clear();
    format!("{page}{}", state.to_query())
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

/// Removes the static shell `index.html` shows until the app starts.
pub fn remove_boot_shell() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

/// Registers `sw.js` (written by the build), which keeps the app and the
/// last good data so a reader can open the page again offline: three
/// seconds after the app starts, so that its copying never competes with
/// the first view for a slow link. Quietly does nothing where service
/// workers are not available (insecure origins, some private modes).
pub fn register_service_worker() {
    let Some(w) = web_sys::window() else { return };
    let register = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(workers) = service_workers() {
            let _ = workers.register("sw.js");
        }
    });
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(register.unchecked_ref(), 3000);
}

/// The page's service workers, where the browser offers them (not on
/// insecure origins, nor in some private modes).
fn service_workers() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Calls `on_saved` when the service worker says it answered with the
/// copy saved on this device because the network failed.
pub fn on_saved_copy(on_saved: impl Fn() + 'static) {
    let Some(workers) = service_workers() else {
        return;
    };
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(
        move |ev: web_sys::MessageEvent| {
            let saved = js_sys::Reflect::get(&ev.data(), &"tienDoSavedCopy".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if saved {
                on_saved();
            }
        },
    );
    // Setting onmessage (not addEventListener) also starts delivery of the
    // messages queued before the page listened.
    workers.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    // Lives as long as the page.
    listener.forget();
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
