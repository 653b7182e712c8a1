//! An element's width as a signal, kept up to date by a `ResizeObserver`.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The CSS width of `wrap`, kept up to date by a `ResizeObserver`: it
/// reports once the element is attached and has a size (it may be created
/// inside a Transition before it is in the document), and again whenever
/// its width changes, whether the window or only the container (an embed's
/// frame, a grid cell) changed. Measuring the DOM is the one thing that
/// must write a signal.
pub fn tracked_width(wrap: NodeRef<leptos::html::Div>) -> RwSignal<f64> {
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
