//! End-to-end: the charts' embed pages (`embed-ranking.html`…), each
//! built alone without Leptos (`src/lean/embed_chart.rs`), do what the
//! site's charts do, as a newsroom's reader meets them: hover and keyboard
//! tooltips said to screen readers, the table opened on demand, the
//! downloads, the theme, and what went wrong said on the page.

use fantoccini::{Client, Locator};
use std::time::{Duration, Instant};
use tien_do_e2e::map::mouse_to;
use tien_do_e2e::*;

/// A chart's embed page (`figure`: its slug) with `query`.
fn embed(figure: &str, query: &str) -> String {
    format!("{}embed-{figure}.html?{query}", site(""))
}

/// The chart `css` of `figure`'s embed page in a fresh phone-sized
/// browser, drawn.
async fn embed_drawn(figure: &str, query: &str, css: &str) -> Client {
    let c = browser(390, 844).await;
    c.goto(&embed(figure, query)).await.expect("the embed page");
    wait_for(&c, &format!("{css} canvas[data-drawn]"), "the chart draws").await;
    c
}

/// The text `css` holds, shown or not (the live region is visually
/// hidden; the table is below a phone's fold on a page that does not
/// scroll).
async fn content(c: &Client, css: &str) -> String {
    c.execute(
        "return document.querySelector(arguments[0]).textContent",
        vec![serde_json::json!(css)],
    )
    .await
    .expect("the element's text")
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// What the chart's live region says.
async fn live_region(c: &Client) -> String {
    content(c, ".chart-canvas [aria-live]").await
}

/// Guards the chart's pointer and keyboard on its embed page: the arrow
/// keys, Home and End move the tooltip between parts and the live region
/// says each; Escape hides it; the pointer over a bar shows its tooltip
/// and leaving the chart hides it.
#[tokio::test]
async fn the_ranking_embed_answers_the_keyboard_and_the_pointer() {
    let c = embed_drawn("ranking", "lang=en", ".ranking-chart").await;
    let canvas = c
        .find(Locator::Css(".ranking-chart canvas"))
        .await
        .expect("canvas");
    canvas.send_keys("\u{E011}").await.expect("Home");
    let first = wait_for_text(&c, ".chart-tooltip", "Ha Noi").await;
    assert!(first.contains("0.8241"), "{first}");
    let spoken = live_region(&c).await;
    assert!(
        spoken.contains("Ha Noi") && spoken.contains("0.8241"),
        "the live region says the tooltip: {spoken}"
    );
    canvas.send_keys("\u{E015}").await.expect("ArrowDown");
    let deadline = Instant::now() + WAIT;
    while text_of(&c, ".chart-tooltip").await == first {
        assert!(Instant::now() < deadline, "the arrow stayed on {first}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        count(&c, ".chart-tooltip").await,
        1,
        "one tooltip at a time"
    );
    canvas.send_keys("\u{E00C}").await.expect("Escape");
    wait_for_count(&c, ".chart-tooltip", 0).await;
    assert_eq!(live_region(&c).await, "");

    // The pointer: down the chart's left third, over the bars.
    let rect = c
        .execute(
            "const r = document.querySelector('.ranking-chart canvas').getBoundingClientRect();
             return [r.left, r.top, r.width, r.height];",
            vec![],
        )
        .await
        .expect("rect");
    let n = |i: usize| rect[i].as_f64().unwrap_or(0.0);
    let (left, top, width, height) = (n(0), n(1), n(2), n(3));
    c.execute("window.scrollTo(0, 0)", vec![]).await.ok();
    let mut shown = String::new();
    for step in 1..40 {
        let y = top + height * f64::from(step) / 40.0;
        if y > 800.0 {
            break;
        }
        mouse_to(&c, (left + width * 0.45, y)).await;
        if count(&c, ".chart-tooltip").await == 1 {
            shown = text_of(&c, ".chart-tooltip").await;
            break;
        }
    }
    assert!(shown.contains("Rank"), "a bar's tooltip: {shown}");
    screenshot(&c, "embed-ranking-hover-en-phone").await;
    mouse_to(&c, (2.0, 2.0)).await;
    wait_for_count(&c, ".chart-tooltip", 0).await;
    c.close().await.ok();
}

/// Guards the table on the embed page: made when first opened, one row a
/// province, Hà Nội's value in the reader's notation.
#[tokio::test]
async fn the_embed_s_table_is_made_when_opened() {
    let c = embed_drawn("ranking", "lang=vi", ".ranking-chart").await;
    assert_eq!(count(&c, ".chart-table table").await, 0, "not made yet");
    // An embed's page does not scroll (its frame takes its height): the
    // summary, below a phone's fold, is clicked where it is.
    c.execute(
        "document.querySelector('.chart-table summary').click()",
        vec![],
    )
    .await
    .expect("the summary is clicked");
    wait_for_count(&c, ".chart-table tbody tr", 34).await;
    let table = content(&c, ".chart-table").await;
    assert_has_all(&table, &["Hà Nội", "0,8241"]);
    assert!(count(&c, ".chart-table td.num").await >= 34);
    assert_eq!(
        count(&c, ".chart-table [class='']").await,
        0,
        "no empty class on the table's cells and rows"
    );
    c.close().await.ok();
}

/// Guards the embed's downloads: the CSV of what is shown (BOM, source),
/// the full series, the PNG at twice its 720 px, and an SVG that parses
/// with its caption; no failure said.
#[tokio::test]
async fn the_chart_embed_s_downloads_hold_what_it_shows() {
    let c = embed_drawn("trend", "lang=en&province=01", ".trend-chart").await;
    let (name, csv) = download(&c, ".figure-tools", "csv").await;
    assert!(name.ends_with(".csv"), "{name}");
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF", "a UTF-8 BOM");
    let text = String::from_utf8(csv[3..].to_vec()).expect("UTF-8");
    assert!(text.contains("# Source: "), "{text}");
    let (_, full) = download(&c, ".figure-tools", "csv-full").await;
    let full = String::from_utf8(full[3..].to_vec()).expect("UTF-8");
    assert!(full.lines().count() > 2, "{full}");
    image_downloads_hold(&c, 720).await;
    c.close().await.ok();
}

/// Guards the theme: the dark paper the link asks for, on the page and on
/// the chart's canvas; the light one by default.
#[tokio::test]
async fn the_chart_embed_follows_its_theme() {
    let c = embed_drawn("tasks", "lang=en&theme=dark", ".task-tracker-chart").await;
    let theme = c
        .execute("return document.documentElement.dataset.theme", vec![])
        .await
        .expect("theme");
    assert_eq!(theme, "dark");
    assert!(
        paper(&c, ".chart-canvas canvas").await < 200,
        "a dark chart"
    );
    // The keyboard reaches this kind's parts too.
    c.find(Locator::Css(".task-tracker-chart canvas"))
        .await
        .expect("canvas")
        .send_keys("\u{E011}")
        .await
        .expect("Home");
    wait_for_text(&c, ".chart-tooltip", "Completed").await;
    screenshot(&c, "embed-tasks-dark-en-phone").await;
    c.goto(&embed("tasks", "lang=en&theme=light"))
        .await
        .expect("page");
    wait_for(&c, ".task-tracker-chart canvas[data-drawn]", "drawn").await;
    assert!(
        paper(&c, ".chart-canvas canvas").await > 600,
        "a light chart"
    );
    c.close().await.ok();
}

/// Guards bad input on a chart's embed: a data file that is not there
/// says so with a retry, which asks the server again.
#[tokio::test]
async fn the_chart_embed_says_what_went_wrong() {
    let c = browser(390, 844).await;
    c.goto(&embed("targets", "lang=en&data=data/missing.json"))
        .await
        .expect("page");
    let said = wait_for_text(&c, ".load-error", "not found").await;
    assert!(said.contains("data/missing.json"), "{said}");
    // The retry asks the server again, and says so again.
    retry_asks_again(&c, "missing.json", "not found").await;
    screenshot(&c, "embed-targets-missing-data-en-phone").await;
    c.close().await.ok();
}

/// Guards a view with nothing to draw (a province's trend without its
/// province, as a hand-written embed code may ask): the page says why in
/// words and still links to the site.
#[tokio::test]
async fn a_chart_embed_without_its_province_says_why() {
    let c = browser(390, 844).await;
    c.goto(&embed("trend", "lang=en")).await.expect("page");
    wait_for_text(&c, ".embed-trend .chart-note", "Choose a province").await;
    assert_eq!(count(&c, "canvas").await, 0);
    let full = attr_of(&c, ".embed-link a", "href")
        .await
        .unwrap_or_default();
    assert!(full.contains("page=province"), "{full}");
    c.close().await.ok();
}
