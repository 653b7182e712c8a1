//! End-to-end: hostile data. A published file whose texts carry script
//! tags, event handlers, `javascript:` links, right-to-left overrides and
//! an enormous name must be shown as text on every page, never run, never
//! followed, and must not break the layout.

use fantoccini::Client;
use serde_json::{json, Value};
use tien_do_e2e::*;

/// What would run if any text were treated as HTML or a link were followed.
const PWN: &str = "window.__pwned = (window.__pwned || 0) + 1";

/// The demo data with hostile texts in every kind of place, written where
/// the test server serves it (`/bench/`, from `target/bench/`).
fn write_hostile_data() -> &'static str {
    let root = format!("{}/../..", env!("CARGO_MANIFEST_DIR"));
    let demo = std::fs::read_to_string(format!("{root}/public/data/progress.json"))
        .expect("the demo data");
    let mut d: Value = serde_json::from_str(&demo).expect("demo JSON");
    let script = format!("<script>{PWN}</script>");
    let img = format!("<img src=x onerror=\"{PWN}\">");
    let both = |vi: &str, en: &str| json!({ "vi": vi, "en": en });
    d["title"] = both(
        &format!("{script}Tiêu đề thử"),
        &format!("{script}Hostile title"),
    );
    // Hà Nội's name, in the 34, with an image tag and an RTL override.
    for set in d["unit_sets"].as_array_mut().unwrap() {
        for u in set["units"].as_array_mut().unwrap() {
            if u["code"] == "01" {
                u["name"] = both(
                    &format!("{img}Hà Nội\u{202E}gnp.exe"),
                    &format!("{img}Ha Noi\u{202E}gnp.exe"),
                );
            }
        }
    }
    // An enormous indicator name with no space to break at.
    let huge = "X".repeat(20_000);
    d["indicators"][1]["name"] = both(&huge, &huge);
    // Sources: a javascript: link and markup in the title.
    for s in d["sources"].as_array_mut().unwrap() {
        s["url"] = json!(format!("javascript:{PWN}"));
        s["title"] = both(
            &format!("<a href=\"javascript:{PWN}\">nguồn</a>"),
            &format!("<a href=\"javascript:{PWN}\">source</a>"),
        );
    }
    // National figures and meetings with markup.
    for f in d["national_figures"].as_array_mut().unwrap() {
        f["label"] = both(&format!("{img}chỉ tiêu"), &format!("{img}figure"));
    }
    for m in d["meetings"].as_array_mut().unwrap() {
        m["name"] = both(&format!("{script}phiên họp"), &format!("{script}meeting"));
    }
    let dir = format!("{root}/target/bench");
    std::fs::create_dir_all(&dir).expect("bench folder");
    std::fs::write(format!("{dir}/hostile.json"), d.to_string()).expect("written");
    "../bench/hostile.json"
}

/// Nothing ran, no `javascript:` link exists, no element came from the
/// data's markup, the page does not scroll sideways and nothing outside
/// the navigation reaches past the window's right edge (what is wider
/// must be in a box of its own that scrolls, as the tables are).
async fn assert_inert(c: &Client, page: &str) {
    let report = c
        .execute(
            "const w = document.documentElement.clientWidth;
             // Inside a box that scrolls (or clips) and itself fits: seen
             // by scrolling that box, not past the window's edge.
             const inBox = e => {
               for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                 if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= w) return true;
               }
               return false;
             };
             return {
               pwned: window.__pwned || 0,
               js_links: document.querySelectorAll('a[href^=\"javascript\" i]').length,
               imgs: document.querySelectorAll('main img, footer img').length,
               scripts: [...document.querySelectorAll('body script')]
                 .filter(s => s.textContent.includes('__pwned')).length,
               wide: document.documentElement.scrollWidth > document.documentElement.clientWidth,
               wider: [...document.querySelectorAll('body *')]
                 .filter(e => e.getBoundingClientRect().right > w && !e.closest('nav') && !inBox(e))
                 .slice(0, 8)
                 .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
             };",
            vec![],
        )
        .await
        .expect("report");
    assert_eq!(report["pwned"], 0, "{page}: data ran as code: {report}");
    assert_eq!(
        report["js_links"], 0,
        "{page}: a javascript: link: {report}"
    );
    assert_eq!(report["imgs"], 0, "{page}: markup from the data: {report}");
    assert_eq!(
        report["scripts"], 0,
        "{page}: a script from the data: {report}"
    );
    assert_eq!(report["wide"], false, "{page}: scrolls sideways: {report}");
    assert_eq!(
        report["wider"],
        json!([]),
        "{page}: wider than the window: {report}"
    );
}

/// Guards every page against hostile published texts: shown as text, the
/// problems listed for the publisher, nothing executed or followed.
#[tokio::test]
async fn hostile_texts_are_shown_as_text_on_every_page() {
    let data = write_hostile_data();
    let c = browser(390, 844).await;
    for (page, wait_css, needle) in [
        ("overview", "main h1", "<script>"),
        ("map", ".map-summary", "<img src=x"),
        ("province&province=01", "main h1", "<img src=x"),
        ("tasks", "main h1", "Tasks"),
        ("data&q=ha%20noi", ".data-table tbody", "<img src=x"),
    ] {
        c.goto(&site(&format!("?page={page}&lang=en&data={data}")))
            .await
            .unwrap();
        // The markup is shown as text (or, on the tasks page, the page is).
        wait_for_text(&c, wait_css, needle).await;
        if page == "tasks" {
            wait_for(&c, ".task-tracker-chart canvas[data-drawn]", "tasks").await;
        }
        // The publisher is told about the unsafe links (in the list under
        // the notice, closed by default).
        wait_for(&c, ".data-problems.has-errors", "the problems listed").await;
        let listed = c
            .execute(
                "return document.querySelector('.data-problems').textContent",
                vec![],
            )
            .await
            .unwrap();
        let listed = listed.as_str().unwrap_or_default();
        assert!(
            listed.contains("is not an http(s) address"),
            "{page}: {listed}"
        );
        // Let anything that would run, run.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_inert(&c, page).await;
    }
    // Hover and keyboard tooltips draw the name as text too.
    c.goto(&site(&format!("?page=map&lang=en&data={data}")))
        .await
        .unwrap();
    let canvas = c
        .wait()
        .at_most(WAIT)
        .for_element(fantoccini::Locator::Css(".choropleth canvas[data-drawn]"))
        .await
        .unwrap();
    canvas.send_keys("\u{E015}").await.unwrap(); // ArrowDown: Hà Nội first
    let tip = wait_for_text(&c, ".map-tooltip", "Ha Noi").await;
    assert!(tip.contains("<img src=x"), "{tip}");
    assert_inert(&c, "map tooltip").await;
    screenshot(&c, "hostile-data-en-phone").await;
    c.close().await.unwrap();
}

/// Guards the footer's link to the data file: a `?data=` address of
/// another scheme than http(s) (`javascript:`) is shown as text, never as
/// a link on the site's own origin, on the overview (built without
/// Leptos) and on the other pages; the data's error is said as for any
/// file that cannot be read.
#[tokio::test]
async fn a_data_address_of_another_scheme_is_not_a_link() {
    let c = browser(1280, 900).await;
    for page in ["", "page=map&"] {
        c.goto(&site(&format!(
            "?{page}lang=en&data=javascript:window.__pwned%3D1"
        )))
        .await
        .unwrap();
        wait_for(&c, ".load-error", "the data's error").await;
        let file = wait_for_text(&c, ".site-footer .data-file code", "javascript:").await;
        assert!(file.contains("__pwned"), "{page}: {file}");
        assert_inert(&c, page).await;
    }
    c.close().await.unwrap();
}
