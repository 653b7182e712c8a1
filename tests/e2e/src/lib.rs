//! Helpers for the end-to-end tests: a WebDriver session on headless
//! Chromium against the site the test command serves.
//!
//! The test command (`scripts/test.sh`) builds the release site, serves it
//! with nginx under `/tien-do/`, starts chromedriver and sets:
//! `E2E_BASE_URL`, `E2E_WEBDRIVER`, `E2E_CHROMIUM`, `E2E_CHROME_ARGS` and
//! `E2E_SCREENSHOTS`. Without them the tests fail with a message saying so;
//! they never pass by skipping.

pub mod map;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::time::Duration;

/// How long to wait for the app to show something.
pub const WAIT: Duration = Duration::from_secs(20);

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the end-to-end tests through scripts/test.sh")
    })
}

/// The site's address, ending in `/`.
pub fn base_url() -> String {
    env("E2E_BASE_URL")
}

/// The site's address with a query string.
pub fn site(query: &str) -> String {
    format!("{}{}", base_url(), query)
}

/// The benchmark's D3 + TopoJSON peer page (`bench/d3-peer/`, served
/// beside the site under `/peer/`) with a query string.
pub fn peer(query: &str) -> String {
    format!("{}{}", base_url().replacen("/tien-do/", "/peer/", 1), query)
}

/// The mark the app sets once its first map is on screen (after the frame
/// that shows it).
pub const APP_MAP_SHOWN: &str = "tien-do:first-map-shown";

/// The same mark on the D3 peer page.
pub const PEER_MAP_SHOWN: &str = "peer:first-map-shown";

/// In a fresh browser at 1280 x 1400 (the size the map benchmarks use):
/// when the page at `url` set the performance mark `mark`, in ms from
/// navigation.
pub async fn mark_ms(url: &str, mark: &str) -> f64 {
    let c = browser(1280, 1400).await;
    c.goto(url).await.expect("navigates");
    let t = mark_in(&c, mark).await;
    c.close().await.ok();
    t
}

/// When the open page set the performance mark `mark`, in ms from
/// navigation, waiting for it.
pub async fn mark_in(c: &Client, mark: &str) -> f64 {
    for _ in 0..(WAIT.as_millis() / 50) {
        let got = c
            .execute(
                "const m = performance.getEntriesByName(arguments[0])[0];
                 return m ? m.startTime : null;",
                vec![Value::String(mark.to_string())],
            )
            .await
            .expect("script runs");
        if let Some(t) = got.as_f64() {
            return t;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let url = c
        .current_url()
        .await
        .map(|u| u.to_string())
        .unwrap_or_default();
    panic!("{url} set no mark {mark} within {WAIT:?}");
}

/// The app's and the D3 peer's times to their first map shown (ms), in
/// `pairs` pairs of fresh sessions taken in turn (app, peer, app, ...), so
/// that a busy moment slows both: the app at `site(app_query)`, the peer at
/// `peer(peer_query)`.
pub async fn first_maps_in_turn(
    app_query: &str,
    peer_query: &str,
    pairs: usize,
) -> (Vec<f64>, Vec<f64>) {
    let (mut app, mut d3) = (Vec::new(), Vec::new());
    for _ in 0..pairs {
        app.push(mark_ms(&site(app_query), APP_MAP_SHOWN).await);
        d3.push(mark_ms(&peer(peer_query), PEER_MAP_SHOWN).await);
    }
    (app, d3)
}

/// The median (the upper one of an even count); NaN for none, which no
/// budget passes.
pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// A fresh browser (its own empty profile) at `width` x `height`.
pub async fn browser(width: u32, height: u32) -> Client {
    let client = session(json!({}), json!({})).await;
    client
        .set_window_size(width, height)
        .await
        .expect("window size");
    client
}

/// A WebDriver session on a fresh Chromium as the test command set it up
/// (`E2E_CHROMIUM`, `E2E_CHROME_ARGS`, `E2E_WEBDRIVER`), with `options`
/// added to its `goog:chromeOptions` (such as `perfLoggingPrefs`) and the
/// capabilities `more` (such as `goog:loggingPrefs`), both JSON objects.
pub async fn session(options: Value, more: Value) -> Client {
    let args: Value =
        serde_json::from_str(&env("E2E_CHROME_ARGS")).expect("E2E_CHROME_ARGS is JSON");
    let mut chrome = json!({ "binary": env("E2E_CHROMIUM"), "args": args });
    if let (Some(c), Some(o)) = (chrome.as_object_mut(), options.as_object()) {
        c.extend(o.clone());
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), chrome);
    if let Some(m) = more.as_object() {
        caps.extend(m.clone());
    }
    ClientBuilder::rustls()
        .expect("TLS set-up")
        .capabilities(caps)
        .connect(&env("E2E_WEBDRIVER"))
        .await
        .expect("a WebDriver session")
}

/// Waits for `css` and returns its text.
pub async fn text_of(client: &Client, css: &str) -> String {
    let el = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css} within {WAIT:?}: {e}"));
    el.text().await.expect("element text")
}

/// Waits for an element matching `css` (`what` names it in the failure).
pub async fn wait_for(client: &Client, css: &str, what: &str) {
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{what}: no {css} within {WAIT:?}: {e}"));
}

/// Waits until an element matching `css` exists and holds `needle` in its
/// text; returns the text. With an empty `needle` it waits for the
/// element.
pub async fn wait_for_text(client: &Client, css: &str, needle: &str) -> String {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let text = match client.find(Locator::Css(css)).await {
            Ok(el) => el.text().await.ok(),
            Err(_) => None,
        };
        match text {
            Some(text) if text.contains(needle) => return text,
            _ if std::time::Instant::now() > deadline => {
                panic!("{css} did not show {needle:?} within {WAIT:?}; it shows {text:?}")
            }
            _ => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// The whole number the first element matching `css` shows (`1.234` and
/// `1,234` are 1234), if there is one.
pub async fn number_in(client: &Client, css: &str) -> Option<u64> {
    let text = client
        .find(Locator::Css(css))
        .await
        .ok()?
        .text()
        .await
        .ok()?;
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let grouping = text
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    (grouping && !digits.is_empty())
        .then(|| digits.parse().ok())
        .flatten()
}

/// Waits until the data page's row count is exactly `n` (not merely holds
/// its digits: 120 rows are not 12); fails with the count seen.
pub async fn rows_shown_exactly(client: &Client, n: u64) {
    let css = ".row-count strong";
    let mut seen = None;
    for _ in 0..(WAIT.as_millis() / 50) {
        seen = number_in(client, css).await;
        if seen == Some(n) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{css}: {seen:?} rows, not {n}, within {WAIT:?}");
}

/// A budget's limit: `default`, or the environment variable `name` where
/// it is tighter (lower). A looser value is ignored, with a note: a budget
/// can be tightened for one run, to see it fail, never loosened.
pub fn budget(name: &str, default: f64) -> f64 {
    let Ok(value) = std::env::var(name) else {
        return default;
    };
    match value.parse::<f64>() {
        Ok(v) if v <= default => v,
        _ => {
            println!(
                "{name}={value} ignored: a budget can only be tightened (its limit is {default})"
            );
            default
        }
    }
}

/// A ChromeDriver command on the session, posted with its body: `path`
/// after `session/<id>/`. What the tests and tools use:
/// [`SessionCommand::permission`] ("Set Permission"),
/// [`SessionCommand::network`] (Chromium's network emulation) and
/// [`SessionCommand::log`] (ChromeDriver's logs).
#[derive(Debug)]
pub struct SessionCommand {
    path: &'static str,
    body: Value,
}

impl SessionCommand {
    /// Grants or denies the current page's origin a permission such as
    /// `clipboard-write` (`state`: `granted`, `denied`, `prompt`).
    pub fn permission(name: &str, state: &str) -> SessionCommand {
        SessionCommand {
            path: "permissions",
            body: json!({ "descriptor": { "name": name }, "state": state }),
        }
    }

    /// Emulates the network `conditions` (latency, throughput, offline).
    pub fn network(conditions: Value) -> SessionCommand {
        SessionCommand {
            path: "chromium/network_conditions",
            body: json!({ "network_conditions": conditions }),
        }
    }

    /// Reads (and empties) ChromeDriver's log of one `kind`: `browser`
    /// (what the page wrote to its console), `performance` (the trace
    /// asked for with `perfLoggingPrefs`), kept if the session's
    /// `goog:loggingPrefs` asked for it.
    pub fn log(kind: &str) -> SessionCommand {
        SessionCommand {
            path: "se/log",
            body: json!({ "type": kind }),
        }
    }
}

impl fantoccini::wd::WebDriverCompatibleCommand for SessionCommand {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// `<html lang>` of the page.
pub async fn html_lang(client: &Client) -> String {
    client
        .execute("return document.documentElement.lang", vec![])
        .await
        .expect("script runs")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The query string of the current URL, with its `?`, or empty.
pub async fn current_query(client: &Client) -> String {
    let url = client.current_url().await.expect("current url");
    url.query().map(|q| format!("?{q}")).unwrap_or_default()
}

/// Saves a screenshot as `<name>.png` in `E2E_SCREENSHOTS`, for people to
/// look at.
pub async fn screenshot(client: &Client, name: &str) {
    let dir = env("E2E_SCREENSHOTS");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(format!("{dir}/{name}.png"), png).expect("screenshot written");
}

/// Clicks the first element matching `css`, waiting for it to appear.
pub async fn click(client: &Client, css: &str) {
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css} to click within {WAIT:?}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("{css} could not be clicked: {e}"));
}

/// The attribute `name` of the first element matching `css`.
pub async fn attr_of(client: &Client, css: &str, name: &str) -> Option<String> {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .attr(name)
        .await
        .expect("attribute read")
}

/// Fails, naming what is missing, unless `text` holds every one of `needles`.
pub fn assert_has_all(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "lacks {needle:?}: {text}");
    }
}

/// How many elements match `css` now.
pub async fn count(client: &Client, css: &str) -> u64 {
    client
        .execute(
            "return document.querySelectorAll(arguments[0]).length",
            vec![serde_json::Value::String(css.to_string())],
        )
        .await
        .expect("script runs")
        .as_u64()
        .unwrap_or(0)
}

/// Waits until exactly `n` elements match `css`; fails with the count seen.
pub async fn wait_for_count(client: &Client, css: &str, n: u64) {
    let mut seen = 0;
    for _ in 0..(WAIT.as_millis() / 50) {
        seen = count(client, css).await;
        if seen == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{css}: {seen} elements, not {n}, within {WAIT:?}");
}

/// Scrolls `css` to the top of the viewport, for a screenshot of it.
pub async fn show(c: &Client, css: &str) {
    c.execute(
        "document.querySelector(arguments[0]).scrollIntoView({block: 'start'});",
        vec![Value::from(css)],
    )
    .await
    .expect("scrolls");
}

/// Clicks a download button and returns the file the page saved: its name
/// and its bytes, read back from the link the page clicked.
pub async fn download(client: &Client, scope: &str, kind: &str) -> (String, Vec<u8>) {
    client
        .execute(
            "window.__saved = [];
         if (!window.__clickWrapped) {
           window.__clickWrapped = true;
           const click = HTMLAnchorElement.prototype.click;
           HTMLAnchorElement.prototype.click = function () {
             if (this.download) { window.__saved.push([this.download, this.href]); return; }
             return click.call(this);
           };
         }",
            vec![],
        )
        .await
        .expect("downloads are caught");
    click(client, &format!("{scope} .downloads summary")).await;
    click(client, &format!("{scope} button[data-download={kind}]")).await;
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let got = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const s = window.__saved[0];
                 if (!s) { done(null); return; }
                 fetch(s[1]).then(r => r.arrayBuffer()).then(b => {
                   let bin = ''; const u = new Uint8Array(b);
                   for (let i = 0; i < u.length; i++) bin += String.fromCharCode(u[i]);
                   done([s[0], btoa(bin)]);
                 }, e => done(['error', String(e)]));",
                vec![],
            )
            .await
            .expect("read the saved file");
        if let Some(pair) = got.as_array() {
            let name = pair[0].as_str().unwrap_or_default().to_string();
            let b64 = pair[1].as_str().unwrap_or_default();
            return (name, base64(b64));
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no {kind} file saved within {WAIT:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn base64(text: &str) -> Vec<u8> {
    let table = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            _ => 63,
        }
    };
    let clean: Vec<u8> = text.bytes().filter(|c| *c != b'=').collect();
    let mut out = Vec::new();
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= table(*c) << (18 - 6 * i);
        }
        for i in 0..chunk.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

/// Presses the retry of the error panel on the page and waits until the
/// page has asked the server for `file` again and says `said` again:
/// guards a retry that only redraws the panel.
pub async fn retry_asks_again(c: &Client, file: &str, said: &str) {
    let asked = || async {
        c.execute(
            "return performance.getEntriesByType('resource')
               .filter(e => e.name.includes(arguments[0])).length",
            vec![Value::from(file)],
        )
        .await
        .expect("entries")
        .as_u64()
        .unwrap_or(0)
    };
    let before = asked().await;
    click(c, ".load-error .retry").await;
    let deadline = std::time::Instant::now() + WAIT;
    while asked().await <= before {
        assert!(
            std::time::Instant::now() < deadline,
            "the retry asked nothing"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    wait_for_text(c, ".load-error", said).await;
}

/// Downloads a figure's images from its tools' menu and checks them: a
/// PNG at twice the figure's `width` CSS pixels, and an SVG that parses
/// with its source written in; no failure said beside the menu.
pub async fn image_downloads_hold(c: &Client, width: u32) {
    let (name, png) = download(c, ".figure-tools", "png").await;
    assert!(name.ends_with(".png"), "{name}");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let got = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    assert_eq!(got, 2 * width, "twice the figure's {width} px");
    let (_, svg) = download(c, ".figure-tools", "svg").await;
    let parsed = c
        .execute(
            "const doc = new DOMParser().parseFromString(arguments[0], 'image/svg+xml');
             return [doc.querySelector('parsererror') === null,
                     doc.documentElement.textContent.includes('Source:')];",
            vec![json!(String::from_utf8(svg).expect("UTF-8"))],
        )
        .await
        .expect("parse");
    assert_eq!(parsed, json!([true, true]), "the SVG parses");
    assert_eq!(count(c, ".figure-tools .notice-inline").await, 0);
}

/// The paper a figure is drawn on: the sum of the red, green and blue of
/// the top left pixel of the canvas `css` (over 600: light; under 200:
/// dark).
pub async fn paper(c: &Client, css: &str) -> u64 {
    c.execute(
        "const d = document.querySelector(arguments[0])
           .getContext('2d').getImageData(1, 1, 1, 1).data;
         return d[0] + d[1] + d[2];",
        vec![Value::from(css)],
    )
    .await
    .expect("a pixel")
    .as_u64()
    .unwrap_or(0)
}
