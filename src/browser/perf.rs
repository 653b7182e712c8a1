//! Performance marks and measures, for the benchmarks and the browser's
//! own performance tools.

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
/// Whether it was set now.
pub fn mark_once(name: &str) -> bool {
    let Some(p) = web_sys::window().and_then(|w| w.performance()) else {
        return false;
    };
    p.get_entries_by_name(name).length() == 0 && p.mark(name).is_ok()
}

/// Runs `f` in `ms` milliseconds; the timer's handle, for
/// [`clear_timeout`].
pub fn set_timeout(f: impl FnOnce() + 'static, ms: i32) -> Option<i32> {
    use wasm_bindgen::JsCast;
    let run = wasm_bindgen::closure::Closure::once_into_js(f);
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), ms)
        .ok()
}

/// Stops the timer `handle` ([`set_timeout`]) if it has not run.
pub fn clear_timeout(handle: i32) {
    if let Some(w) = web_sys::window() {
        w.clear_timeout_with_handle(handle);
    }
}

/// Runs `f` once the browser has shown the next frame (a task after the
/// next animation frame): for work that must not hold back what was just
/// drawn.
pub fn after_next_frame(f: impl FnOnce() + 'static) {
    later(wasm_bindgen::closure::Closure::once_into_js(f), false);
}

/// Runs the function `f` in a task: at once (`now`: after the frame
/// being rendered), else after the next animation frame. Not generic:
/// each caller's closure is made a function once, here.
fn later(f: wasm_bindgen::JsValue, now: bool) {
    use wasm_bindgen::JsCast;
    let Some(w) = web_sys::window() else { return };
    if now {
        let _ = w.set_timeout_with_callback(f.unchecked_ref());
        return;
    }
    let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(f.unchecked_ref());
        }
    });
    let _ = w.request_animation_frame(after_frame.unchecked_ref());
}

thread_local! {
    /// Whether the code running now was called in the browser's rendering
    /// of a frame ([`while_rendering`]).
    static RENDERING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` as part of the frame the browser is rendering: for a
/// `ResizeObserver`'s callback, which runs after the frame's layout and
/// before its paint, so that what `f` draws is shown by that very frame
/// ([`after_shown`]).
pub fn while_rendering<T>(f: impl FnOnce() -> T) -> T {
    let was = RENDERING.replace(true);
    let out = f();
    RENDERING.set(was);
    out
}

/// Runs `f` once the browser has shown what was just drawn: a task after
/// the frame being rendered where the drawing is part of it
/// ([`while_rendering`]: a map or chart drawn when its box is first measured),
/// else after the next frame. (A task asked for in a frame's rendering
/// runs after that frame; an animation frame asked for then comes with
/// the frame after.)
pub fn after_shown(f: impl FnOnce() + 'static) {
    later(
        wasm_bindgen::closure::Closure::once_into_js(f),
        RENDERING.get(),
    );
}

thread_local! {
    /// The promise [`first_figure_shown`] waits on, and what resolves it.
    static SHOWN: (js_sys::Promise, Option<js_sys::Function>) = {
        let mut resolve = None;
        let promise = js_sys::Promise::new(&mut |r, _| resolve = Some(r));
        (promise, resolve)
    };
}

/// Says that the page's first figure (a map or a chart) is on screen:
/// [`first_figure_shown`] resolves.
pub fn figure_shown() {
    SHOWN.with(|(_, resolve)| {
        if let Some(r) = resolve {
            let _ = r.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
}

/// How long work that waits for the page's first figure waits at most (a
/// page without one, or whose figure failed), in ms.
const FIGURE_WAIT_MS: i32 = 1500;

/// Runs `f` once the page's first figure is on screen (a second and a
/// half at most) and the browser is idle: for work that must not hold
/// back the first map, such as checking the whole data file (50 to 80 ms
/// on the 3,321 communes; idle alone came while the map's boundaries were
/// still downloading, and held the map back).
pub async fn after_first_figure<T>(f: impl FnOnce() -> T) -> T {
    first_figure_shown(FIGURE_WAIT_MS).await;
    idle().await;
    f()
}

/// Resolves once the page's first figure is on screen ([`figure_shown`]),
/// or after `at_most_ms` on a page that has none (or whose figure failed):
/// for work that must not hold back the first figure even while it waits
/// for the network, when the browser is idle too.
pub async fn first_figure_shown(at_most_ms: i32) {
    let shown = SHOWN.with(|(promise, _)| promise.clone());
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, at_most_ms);
        } else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let either = js_sys::Promise::race(&js_sys::Array::of2(&shown, &timer));
    let _ = wasm_bindgen_futures::JsFuture::from(either).await;
}

/// Resolves once the browser is idle (`requestIdleCallback`: after the
/// frames in hand are shown), or within a second at most; in a browser
/// without it, after the tasks already queued. For work that must not
/// hold back the first map, such as checking the whole data file.
pub async fn idle() {
    use wasm_bindgen::JsCast;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(w) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &1000.into());
        let asked = js_sys::Reflect::get(&w, &"requestIdleCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .is_some_and(|f| f.call2(&w, &resolve, &options).is_ok());
        if !asked {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Milliseconds since the page's navigation began (`performance.now()`;
/// 0 where there is no clock).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
