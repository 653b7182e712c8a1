//! Offline and slow networks, in real Chromium: a reader who opened the
//! site once opens it again when the server cannot be reached (the
//! service worker's copy, with the data's date said), and on a throttled
//! connection the page shows its shell long before the app has loaded.

use fantoccini::Client;
use serde_json::json;
use std::io::{Read, Write};
use std::time::{Duration, Instant};
use tien_do_e2e::map::map_drawn;
use tien_do_e2e::{browser, budget, site, wait_for_text, SessionCommand, WAIT};

fn offline_site(query: &str) -> String {
    site(query).replace("/tien-do/", "/tien-do-offline/")
}

/// The server drops connections while this file exists (scripts/common.sh).
struct Offline(String);

impl Offline {
    fn start() -> Offline {
        let flag = std::env::var("E2E_OFFLINE_FLAG")
            .expect("E2E_OFFLINE_FLAG is not set: run the tests through scripts/test.sh");
        std::fs::write(&flag, "offline").expect("flag written");
        Offline(flag)
    }
}

impl Drop for Offline {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// What the server answers to a plain GET of `url` (empty: it hung up).
fn raw_get(url: &str) -> String {
    let u = url::Url::parse(url).expect("url");
    let mut s =
        std::net::TcpStream::connect((u.host_str().unwrap(), u.port().unwrap())).expect("connects");
    s.set_read_timeout(Some(Duration::from_secs(5))).ok();
    write!(s, "GET {} HTTP/1.0\r\nHost: x\r\n\r\n", u.path()).expect("sent");
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

/// The files the service worker has kept, once it has.
async fn kept(c: &Client) -> Vec<String> {
    let deadline = Instant::now() + WAIT;
    loop {
        let got = c
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 navigator.serviceWorker.ready
                   .then(() => caches.keys())
                   .then(async keys => {
                     const name = keys.find(k => k.startsWith('tien-do:') && k.includes('/tien-do-offline/'));
                     if (!name || !navigator.serviceWorker.controller) return done([]);
                     const c = await caches.open(name);
                     done((await c.keys()).map(r => r.url));
                   }, e => done([String(e)]));",
                vec![],
            )
            .await
            .expect("caches read");
        let urls: Vec<String> = got
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        if urls.iter().any(|u| u.ends_with("_bg.wasm"))
            && urls.iter().any(|u| u.ends_with("progress.json"))
        {
            return urls;
        }
        assert!(
            Instant::now() < deadline,
            "the service worker kept only {urls:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Guards issue 7's offline promise: opened once, the site opens again
/// with the server unreachable (its map drawn from the kept data and
/// boundaries), and says the copy is the saved one and how old its data is;
/// so does the map's embed page.
#[tokio::test]
async fn opened_once_the_site_opens_again_offline() {
    let c = browser(1280, 900).await;
    c.goto(&offline_site("?lang=en")).await.expect("site");
    wait_for_text(&c, ".task-counts", "679").await;
    let urls = kept(&c).await;
    // The map's embed page (built without Leptos), opened once too, once
    // the worker keeps what the site's pages fetch.
    c.goto(&offline_site("embed-map.html?lang=en"))
        .await
        .expect("embed");
    map_drawn(&c, "the embed's map draws").await;
    assert!(
        urls.iter().any(|u| u.contains("geo/vn-provinces-2025")),
        "{urls:?}"
    );
    let offline = Offline::start();
    assert_eq!(
        raw_get(&offline_site("data/progress.json")),
        "",
        "the server still answers"
    );
    c.goto(&offline_site("?page=map&lang=en"))
        .await
        .expect("offline navigation");
    map_drawn(&c, "the map draws from the kept copy").await;
    let notice = wait_for_text(&c, ".saved-copy", "copy saved on this device").await;
    assert!(
        notice.contains("25 Feb 2026"),
        "the data's date is said: {notice}"
    );
    tien_do_e2e::screenshot(&c, "offline-map-en-desktop").await;
    c.goto(&offline_site("embed-map.html?lang=en"))
        .await
        .expect("offline embed");
    map_drawn(&c, "the embed's map draws from the kept copy").await;
    let notice = wait_for_text(&c, ".saved-copy", "copy saved on this device").await;
    assert!(
        notice.contains("25 Feb 2026"),
        "the embed says it: {notice}"
    );
    drop(offline);
    // Back online, the network is asked first again: no notice.
    c.goto(&offline_site("?page=tasks&lang=en"))
        .await
        .expect("online");
    wait_for_text(&c, "main h1", "Tasks").await;
    let notices = c
        .execute(
            "return document.querySelectorAll('.saved-copy').length",
            vec![],
        )
        .await
        .expect("count");
    assert_eq!(notices, json!(0));
    c.close().await.expect("close");
}

/// Guards the slow-network budget: on a throttled link (150 ms latency,
/// 200 KB/s down: a slow 4G), the first paint shows the site's shell well
/// before the 475 KB app has arrived, within 2,500 ms
/// (`BUDGET_SLOW_SHELL_MS`); the app then loads.
#[tokio::test]
async fn a_slow_network_shows_the_shell_within_its_budget() {
    let c = browser(1280, 900).await;
    c.issue_cmd(SessionCommand::network(json!({
        "offline": false, "latency": 150,
        "download_throughput": 200 * 1024, "upload_throughput": 100 * 1024
    })))
    .await
    .expect("throttled");
    c.goto(&site("?lang=vi")).await.expect("site");
    let fcp = {
        let deadline = Instant::now() + WAIT;
        loop {
            let got = c
                .execute(
                    "const p = performance.getEntriesByName('first-contentful-paint')[0];
                     return p ? [p.startTime, document.body.innerText.slice(0, 200)] : null;",
                    vec![],
                )
                .await
                .expect("paint");
            if !got.is_null() {
                break got;
            }
            assert!(Instant::now() < deadline, "no first paint within {WAIT:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    let fcp_ms = fcp[0].as_f64().expect("a time");
    let budget = budget("BUDGET_SLOW_SHELL_MS", 2500.0);
    assert!(
        fcp_ms <= budget,
        "first paint at {fcp_ms:.0} ms on a slow link, over its budget of {budget} ms"
    );
    wait_for_text(&c, ".task-counts", "679").await;
    // The shell was painted well before the app could have been: before
    // its wasm had even arrived.
    let wasm_end = c
        .execute(
            "const w = performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm'));
             return w ? w.responseEnd : null;",
            vec![],
        )
        .await
        .expect("wasm timing")
        .as_f64()
        .expect("the wasm was loaded");
    assert!(
        fcp_ms + 500.0 < wasm_end,
        "first paint at {fcp_ms:.0} ms, the wasm in at {wasm_end:.0} ms: the shell did not paint first"
    );
    assert!(
        fcp[1]
            .as_str()
            .unwrap_or_default()
            .contains("Tiến độ chuyển đổi số"),
        "the first paint shows the site's name: {fcp}"
    );
    println!("slow link: first paint at {fcp_ms:.0} ms, wasm in at {wasm_end:.0} ms");
    c.close().await.expect("close");
}
