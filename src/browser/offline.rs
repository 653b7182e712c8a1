//! The saved copy for offline reading: the service worker's registration
//! and its notice that a page was answered from the copy on this device.

use wasm_bindgen::JsCast;

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
/// copy saved on this device because the network failed; at once if it
/// said so before the app listened (to the page's loader, which keeps it:
/// its answers to the loader's early fetches come first).
pub fn on_saved_copy(on_saved: impl Fn() + 'static) {
    let Some(workers) = service_workers() else {
        return;
    };
    // Said before the app listened: the page's loader kept it.
    let said = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"tienDoSavedCopy".into()).ok())
        .is_some_and(|v| v.is_truthy());
    if said {
        on_saved();
    }
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
