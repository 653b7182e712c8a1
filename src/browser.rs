//! The few places the app touches the browser directly: the address bar,
//! remembered preferences and the document's language and title. Each one
//! fails quietly (private browsing, storage disabled): the page goes on.

use tien_do_core::Lang;

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
