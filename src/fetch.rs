//! Fetching the published JSON: one function, one typed error.

use crate::browser;
use gloo_net::http::Request;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::boundaries::{decode_first, Region};
use tien_do_core::error::from_status;
use tien_do_core::find::{places, Place};
use tien_do_core::{parse_progress, LoadError, ProgressData};
use wasm_bindgen::JsCast;
use web_sys::RequestCache;

/// How long to wait for the data before saying the network is too slow.
pub const TIMEOUT_SECONDS: u32 = 30;

/// The same in milliseconds, for the browser's timers.
const TIMEOUT_MS: i32 = TIMEOUT_SECONDS as i32 * 1000;

/// Fetches and parses the published progress JSON at `url` (relative URLs
/// resolve against the page). The browser revalidates its cached copy, so a
/// publisher's update shows on the next load without rebuilding the site.
pub async fn load_progress(url: String) -> Result<Arc<ProgressData>, LoadError> {
    let text = fetch_text(&url).await?;
    crate::browser::measured("tien-do:parse", || parse_progress(&text))
        .map(Arc::new)
        .map_err(|e| match e {
            LoadError::NotJson { .. } => LoadError::NotJson { url: url.clone() },
            other => other,
        })
}

/// The data file a site page's address names (`?data=`), loaded: an
/// address of another scheme than http(s) (`javascript:`, `data:`) is not
/// fetched, and is said to be out of reach as an unreachable file is. (An
/// embed page reads only relative addresses: `browser::url_state`.)
pub async fn load_data(url: String) -> Result<Arc<ProgressData>, LoadError> {
    if tien_do_core::url_state::safe_link(&url).is_none() {
        return Err(LoadError::Network { url });
    }
    load_progress(url).await
}

/// Fetches and decodes a boundary file (TopoJSON; its first object).
pub async fn load_boundaries(url: String) -> Result<Arc<Vec<Region>>, LoadError> {
    fetch_and_decode(&url).await
}

/// [`load_boundaries`], on a page that decodes its files ahead
/// ([`decode_ahead`]): the file decoded ahead if it was, taken once.
pub async fn load_boundaries_ahead(url: String) -> Result<Arc<Vec<Region>>, LoadError> {
    let ahead = AHEAD.with(|a| {
        let mut a = a.borrow_mut();
        let at = a.iter().position(|x| x.url == url)?;
        Some(a.swap_remove(at))
    });
    if let Some(ahead) = ahead {
        let decoded = std::future::poll_fn(|cx| match ahead.done.take() {
            Some(r) => std::task::Poll::Ready(r),
            None => {
                *ahead.waiting.borrow_mut() = Some(cx.waker().clone());
                std::task::Poll::Pending
            }
        })
        .await;
        // Decoded, or given up by the time limit; else (another error, or
        // taken back by the loader) fetched anew, for its own error.
        if let Some(r) = decoded {
            return r;
        }
    }
    fetch_and_decode(&url).await
}

/// Whether the boundary file `url` is being decoded ahead, not yet taken
/// (so not to be fetched again: [`prefetch`]).
pub fn decoding_ahead(url: &str) -> bool {
    AHEAD.with(|a| a.borrow().iter().any(|x| x.url == url))
}

async fn fetch_and_decode(url: &str) -> Decoded {
    let text = fetch_text(url).await?;
    decode(url, &text)
}

fn decode(url: &str, text: &str) -> Decoded {
    crate::browser::measured("tien-do:decode", || decode_first(text))
        .map(Arc::new)
        .map_err(|e| e.load_error(url))
}

/// A boundary file decoded, or why it could not be.
type Decoded = Result<Arc<Vec<Region>>, LoadError>;

/// A boundary file being decoded ahead of its load.
struct Ahead {
    url: String,
    /// Set once it is decoded, or given up by the time limit (`None`
    /// inside: neither, so the load fetches it anew).
    done: Cell<Option<Option<Decoded>>>,
    /// The load waiting for it.
    waiting: std::cell::RefCell<Option<std::task::Waker>>,
}

thread_local! {
    /// The boundary files being decoded ahead and not yet taken.
    static AHEAD: std::cell::RefCell<Vec<Rc<Ahead>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Decodes the boundary files the page's loader started fetching (the
/// map's, the communes' and the borders over them) as soon as each has
/// come, not once the data is read and the page built and the map asks
/// for it: on the commune layer the 1.6 MB file is decoded while the
/// data still downloads. The map takes it with [`load_boundaries_ahead`].
/// Each early fetch stays offered while it downloads (the loader, which
/// may fetch the provinces' borders once it guesses the commune layer,
/// finds it there and does not fetch it again) and is taken once it has
/// come; one the loader took back (a guess the data proved wrong) is not
/// decoded. A file given up by the time limit is said so to the map at
/// once; one that failed otherwise is left to the map's own load, which
/// fetches it again and says why.
pub fn decode_ahead() {
    let Some(early) = early_fetches(false) else {
        return;
    };
    let keys = js_sys::Object::keys(early.unchecked_ref::<js_sys::Object>());
    for url in keys.iter().filter_map(|k| k.as_string()) {
        if !url.ends_with(".topo.json") {
            continue;
        }
        let ahead = Rc::new(Ahead {
            url,
            done: Cell::new(None),
            waiting: std::cell::RefCell::new(None),
        });
        AHEAD.with(|a| a.borrow_mut().push(Rc::clone(&ahead)));
        wasm_bindgen_futures::spawn_local(async move {
            let url = ahead.url.as_str();
            let body = fetch_body(url, false).await;
            let offered = withdraw_early(url);
            let decoded = match body {
                Ok(text) if offered => Some(decode(url, &text)),
                Err(e @ LoadError::Timeout { .. })
                    if browser::now_ms() >= f64::from(TIMEOUT_MS) =>
                {
                    Some(Err(e))
                }
                _ => None,
            };
            ahead.done.set(Some(decoded));
            if let Some(w) = ahead.waiting.take() {
                w.wake();
            }
        });
    }
}

/// The body of `url` as text, with the typed errors and the time limit.
async fn fetch_text(url: &str) -> Result<String, LoadError> {
    fetch_body(url, true).await
}

/// [`fetch_text`]; `take`: the loader's early fetch of `url`, if any, is
/// taken (no longer offered), else left offered.
async fn fetch_body(url: &str, take: bool) -> Result<String, LoadError> {
    let url = url.to_string();
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = Rc::clone(&timed_out);
        browser::set_timeout(
            move || {
                timed_out.set(true);
                if let Some(c) = controller {
                    c.abort();
                }
            },
            TIMEOUT_MS,
        )
    };
    let failed = |url: &str| {
        if timed_out.get() {
            LoadError::Timeout {
                url: url.to_string(),
                seconds: TIMEOUT_SECONDS,
            }
        } else {
            LoadError::Network {
                url: url.to_string(),
            }
        }
    };

    let result = async {
        let response = match early_fetch(&url, take) {
            Some(started) => {
                // Given up by its own time limit (the loader's abort
                // after 31 s, `prefetch`'s): said as the time limit, as
                // the app's own fetch says it. (A fetch the loader takes
                // back, a guess the data proved wrong, is no longer
                // offered.)
                let got = wasm_bindgen_futures::JsFuture::from(started)
                    .await
                    .map_err(|e| {
                        let name = js_sys::Reflect::get(&e, &"name".into())
                            .ok()
                            .and_then(|n| n.as_string());
                        if matches!(name.as_deref(), Some("TimeoutError" | "AbortError")) {
                            timed_out.set(true);
                        }
                        failed(&url)
                    })?;
                // A body already read (the early fetches read theirs as it
                // arrives): taken at once, in the same task as the load's
                // start, so the page is not laid out in between.
                if let Some(body) = got.dyn_ref::<js_sys::ArrayBuffer>() {
                    return Ok(text_of(js_sys::Uint8Array::new(body).to_vec()));
                }
                got.dyn_into::<web_sys::Response>()
                    .map(gloo_net::http::Response::from)
                    .map_err(|_| failed(&url))?
            }
            None => Request::get(&url)
                .cache(RequestCache::NoCache)
                .abort_signal(signal.as_ref())
                .send()
                .await
                .map_err(|_| failed(&url))?,
        };
        if !response.ok() {
            return Err(from_status(&url, response.status()));
        }
        // As bytes, not as a JavaScript string: the body is copied into
        // the wasm once, without a round trip through UTF-16 (megabytes
        // for the commune layer). Invalid UTF-8 is replaced, as `text()`
        // does.
        let bytes = response.binary().await.map_err(|_| failed(&url))?;
        Ok(text_of(bytes))
    }
    .await;

    if let Some(timer) = timer {
        browser::clear_timeout(timer);
    }
    result
}

/// A body as text; invalid UTF-8 replaced, as `Response.text()` does.
fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The fetch of `url` that the page's loader started before the app (the
/// data and the first map's boundaries, while the wasm downloads; see
/// `with_loader` in `crates/cli/src/embeds.rs`), taken once: a second
/// load of the same address (a retry, new data) fetches it anew. The
/// loader fetches as this module does (`cache: "no-cache"`), and gives up
/// after 31 s, a second after [`TIMEOUT_SECONDS`], so the time limit is
/// still said as such.
fn early_fetch(url: &str, take: bool) -> Option<js_sys::Promise> {
    let early = early_fetches(false)?;
    let started = js_sys::Reflect::get(&early, &url.into()).ok()?;
    if take {
        withdraw_early(url);
    }
    started.dyn_into::<js_sys::Promise>().ok()
}

/// Takes the early fetch of `url` out of those offered; whether it was
/// offered (the loader takes back a guess the data proved wrong).
fn withdraw_early(url: &str) -> bool {
    let Some(early) = early_fetches(false) else {
        return false;
    };
    let key = wasm_bindgen::JsValue::from_str(url);
    let offered = js_sys::Reflect::has(&early, &key).unwrap_or(false);
    let _ = js_sys::Reflect::delete_property(early.unchecked_ref::<js_sys::Object>(), &key);
    offered
}

/// The fetches started before their loads, by address
/// (`window.tienDoEarly`, which the page's loader fills); made if asked
/// (`create`) where the page has none.
fn early_fetches(create: bool) -> Option<wasm_bindgen::JsValue> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str("tienDoEarly");
    match js_sys::Reflect::get(&window, &key) {
        Ok(e) if e.is_object() => Some(e),
        _ if create => {
            let e: wasm_bindgen::JsValue = js_sys::Object::new().into();
            js_sys::Reflect::set(&window, &key, &e).ok()?;
            Some(e)
        }
        _ => None,
    }
}

/// Starts fetching `url` now, for a load of it that comes soon: the load
/// ([`fetch_text`]) takes it as it takes the loader's early fetches. For
/// a map's boundaries, asked for as soon as the map's view is made, not
/// once the page around it is built (on the commune layer, the 1.6 MB
/// file downloads while the page is built). A fetch already started for
/// `url` is left as it is; one never taken is dropped after the time
/// limit, as the loader's are. (Not for a file being decoded ahead:
/// [`decoding_ahead`].)
pub fn prefetch(url: &str) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;
    let (Some(window), Some(early)) = (web_sys::window(), early_fetches(true)) else {
        return;
    };
    let key = JsValue::from_str(url);
    if js_sys::Reflect::has(&early, &key).unwrap_or(true) {
        return;
    }
    let Some(fetch) = js_sys::Reflect::get(&window, &"fetch".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"cache".into(), &"no-cache".into());
    let controller = web_sys::AbortController::new().ok();
    if let Some(c) = &controller {
        let _ = js_sys::Reflect::set(&init, &"signal".into(), &c.signal());
    }
    let Some(started) = fetch
        .call2(&window, &key, &init)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return;
    };
    // Its body read as it arrives, as the loader reads its fetches' (a
    // body nobody reads stops downloading once the browser's buffer is
    // full): the fetch gives the body (an ArrayBuffer), or the response
    // where it is not ok, for its status.
    let read = Closure::<dyn FnMut(JsValue) -> Result<JsValue, wasm_bindgen::JsError>>::new(
        |r: JsValue| {
            Ok(match r.dyn_ref::<web_sys::Response>() {
                Some(ok) if ok.ok() => ok.array_buffer().map_or(r, JsValue::from),
                _ => r,
            })
        },
    );
    let started = started.then_map(&read);
    read.forget();
    // A fetch never taken must not report its failure as unhandled.
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
    let _ = started.catch(&ignore);
    ignore.forget();
    if let Some(c) = controller {
        let _ = browser::set_timeout(move || c.abort(), TIMEOUT_MS + 1000);
    }
    let _ = js_sys::Reflect::set(&early, &key, &started);
}

/// Fetches the index "find my commune" searches and reads it with the 34
/// provinces ([`tien_do_core::find::places`]).
pub async fn load_places(url: String) -> Result<Arc<Vec<Place>>, LoadError> {
    let text = fetch_text(&url).await?;
    places(&text)
        .map(Arc::new)
        .map_err(|detail| LoadError::Malformed {
            line: 1,
            column: 1,
            detail,
        })
}
