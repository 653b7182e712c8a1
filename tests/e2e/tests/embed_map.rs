//! End-to-end: the map's embed page (`embed-map.html`), built without
//! Leptos (`src/lean/`), does what the site's map does, as a newsroom's
//! reader meets it: hover and keyboard tooltips, a unit opened on the site
//! in a new tab, the zoom kept in its link, its downloads, the commune
//! layer, its theme, and what went wrong said on the page.

use fantoccini::{Client, Locator};
use std::time::{Duration, Instant};
use tien_do_e2e::map::*;
use tien_do_e2e::*;

const FILE_2025: &str = "vn-provinces-2025.topo.json";
const HOAN_KIEM: (f64, f64) = (105.852, 21.028);
const BEN_THANH: (f64, f64) = (106.698, 10.772);

/// The map's embed page with `query` (`lang=en`…).
fn embed(query: &str) -> String {
    format!("{}embed-map.html?{query}", site(""))
}

/// The embed's map in a fresh phone-sized browser, drawn.
async fn embed_drawn(query: &str) -> Client {
    let c = browser(390, 844).await;
    c.goto(&embed(query)).await.expect("the embed page");
    map_drawn(&c, "the embed's map draws").await;
    c
}

/// Waits until `check` holds of the page's query, and returns it.
async fn query_when(c: &Client, what: &str, check: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + WAIT;
    loop {
        let q = current_query(c).await;
        if check(&q) {
            return q;
        }
        assert!(Instant::now() < deadline, "{what}: {q}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Guards the embed's pointer and keyboard: the tooltip names the
/// province under the pointer with its value, rank and merger, changes
/// its texts in place from one to the next; the arrow keys move between
/// provinces; Enter opens the one reached on the site, in a new tab, out
/// of the host's frame.
#[tokio::test]
async fn the_embed_s_map_answers_the_pointer_and_the_keyboard() {
    let c = embed_drawn("lang=en").await;
    assert!(paper(&c, ".choropleth canvas").await > 600, "a light map");
    let r = regions(FILE_2025);
    let ha_noi = viewport_point(&c, &r, None, HOAN_KIEM.0, HOAN_KIEM.1).await;
    mouse_to(&c, ha_noi).await;
    let tip = wait_for_text(&c, ".map-tooltip", "Ha Noi").await;
    assert_has_all(&tip, &["0.8241", "Rank 1/34"]);
    let style = attr_of(&c, ".map-tooltip", "style")
        .await
        .unwrap_or_default();
    assert!(style.starts_with("transform:translate("), "{style}");
    let hcm = viewport_point(&c, &r, None, BEN_THANH.0, BEN_THANH.1).await;
    mouse_to(&c, hcm).await;
    let tip = wait_for_text(&c, ".map-tooltip", "Ho Chi Minh").await;
    assert_has_all(&tip, &["Merged from:", "Binh Duong", "Ba Ria"]);
    screenshot(&c, "embed-map-hover-en-phone").await;

    let canvas = c
        .find(Locator::Css(".choropleth canvas"))
        .await
        .expect("canvas");
    canvas.send_keys("\u{E015}").await.expect("ArrowDown");
    let first = wait_for_text(&c, ".map-tooltip", "Rank").await;
    canvas.send_keys("\u{E015}").await.expect("ArrowDown");
    let deadline = Instant::now() + WAIT;
    while text_of(&c, ".map-tooltip").await == first {
        assert!(Instant::now() < deadline, "the arrow stayed on {first}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let reached = text_of(&c, ".map-tooltip strong").await;
    let embed_window = c.window().await.expect("this window");
    let before = c.windows().await.expect("windows").len();
    canvas.send_keys("\u{E007}").await.expect("Enter");
    let deadline = Instant::now() + WAIT;
    let opened = loop {
        let windows = c.windows().await.expect("windows");
        if windows.len() > before {
            break windows;
        }
        assert!(Instant::now() < deadline, "Enter opened no tab");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    c.switch_to_window(opened.last().expect("the new tab").clone())
        .await
        .expect("switch");
    let q = query_when(&c, "the province's page on the site", |q| {
        q.contains("page=province")
    })
    .await;
    assert!(
        q.contains("province=") && !q.contains("figure=") && q.contains("lang=en"),
        "{q}"
    );
    let url = c.current_url().await.expect("url").to_string();
    assert!(!url.contains("embed-map.html"), "opened on the site: {url}");
    wait_for_text(&c, "main h1", &reached).await;
    // The embed itself stays where it was.
    c.switch_to_window(embed_window).await.expect("back");
    let url = c.current_url().await.expect("url").to_string();
    assert!(url.contains("embed-map.html"), "{url}");
    c.close().await.ok();
}

/// Guards the embed's zoom: the buttons zoom in and back, each disabled
/// where it would do nothing; the zoom is kept in the embed's link (and
/// the link to the full view), so a reload shows the same map.
#[tokio::test]
async fn the_embed_s_zoom_is_kept_in_its_link() {
    let c = embed_drawn("lang=en").await;
    assert!(
        attr_of(&c, ".map-zoom-out", "disabled").await.is_some(),
        "nothing to zoom out of"
    );
    click(&c, ".map-zoom-in").await;
    let q = query_when(&c, "the zoom in the link", |q| q.contains("zoom=")).await;
    wait_for(&c, ".choropleth canvas.zoomed", "the map is zoomed").await;
    assert!(attr_of(&c, ".map-zoom-out", "disabled").await.is_none());
    let full = attr_of(&c, ".embed-link a", "href")
        .await
        .unwrap_or_default();
    let zoom = q
        .split(['?', '&'])
        .find(|kv| kv.starts_with("zoom="))
        .expect("a zoom")
        .to_string();
    assert!(
        full.contains(&zoom) && full.contains("page=map"),
        "{full} follows {zoom}"
    );
    c.refresh().await.expect("reload");
    map_drawn(&c, "the zoomed map draws again").await;
    wait_for(&c, ".choropleth canvas.zoomed", "still zoomed").await;
    click(&c, ".map-zoom-reset").await;
    query_when(&c, "the whole country again", |q| !q.contains("zoom=")).await;
    assert!(attr_of(&c, ".map-zoom-reset", "disabled").await.is_some());
    c.close().await.ok();
}

/// Guards the embed's downloads: the CSV of what is shown (BOM, source,
/// Hà Nội's value), the full series, the PNG at twice its 640 px, and an
/// SVG that parses.
#[tokio::test]
async fn the_embed_s_downloads_hold_what_it_shows() {
    let c = embed_drawn("lang=en").await;
    let (name, csv) = download(&c, ".figure-tools", "csv").await;
    assert!(name.ends_with(".csv"), "{name}");
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF", "a UTF-8 BOM");
    let text = String::from_utf8(csv[3..].to_vec()).expect("UTF-8");
    assert_has_all(
        &text,
        &["# Source: Ministry of Science and Technology", "0.8241"],
    );
    let (_, full) = download(&c, ".figure-tools", "csv-full").await;
    let full = String::from_utf8(full[3..].to_vec()).expect("UTF-8");
    assert!(
        full.lines().count() > text.lines().count(),
        "the full series is longer than the period shown"
    );
    image_downloads_hold(&c, 640).await;
    c.close().await.ok();
}

/// Guards the embed's commune layer and theme: a province's communes from
/// its own file, in the dark theme the link asks for, the note that no
/// commune value is published, and a commune's tooltip with its kind and
/// province.
#[tokio::test]
async fn the_embed_draws_a_province_s_communes_in_the_dark() {
    let c = embed_drawn("level=commune&province=01&lang=en&theme=dark").await;
    let theme = c
        .execute("return document.documentElement.dataset.theme", vec![])
        .await
        .expect("theme");
    assert_eq!(theme, "dark");
    // The map itself is drawn on the dark paper.
    assert!(paper(&c, ".choropleth canvas").await < 200, "a dark map");
    wait_for_text(&c, ".map-note", "No commune values").await;
    let r = province_communes("01");
    let at = viewport_point(&c, &r, None, HOAN_KIEM.0, HOAN_KIEM.1).await;
    mouse_to(&c, at).await;
    let tip = wait_for_text(&c, ".map-tooltip", "Hoan Kiem").await;
    assert_has_all(&tip, &["Ward", "Ha Noi"]);
    screenshot(&c, "embed-map-communes-dark-en-phone").await;
    c.close().await.ok();
}

/// Guards bad input on the embed: a data file that is not there says so
/// with a retry (which tries again); a damaged boundary file says so where
/// the map goes, naming the file.
#[tokio::test]
async fn the_embed_says_what_went_wrong() {
    let c = browser(390, 844).await;
    c.goto(&embed("lang=en&data=data/missing.json"))
        .await
        .expect("page");
    let said = wait_for_text(&c, ".load-error", "not found").await;
    assert!(said.contains("data/missing.json"), "{said}");
    // The retry asks the server again, and says so again.
    retry_asks_again(&c, "missing.json", "not found").await;
    screenshot(&c, "embed-map-missing-data-en-phone").await;

    let damaged =
        embed("level=commune&province=01&lang=vi").replacen("/tien-do/", "/tien-do-damaged/", 1);
    c.goto(&damaged).await.expect("page");
    let said = wait_for_text(&c, ".map-area .load-error", "communes/01.topo.json").await;
    assert!(said.contains("bị lỗi"), "{said}");
    assert_eq!(count(&c, ".map-area .retry").await, 1);
    c.close().await.ok();
}
