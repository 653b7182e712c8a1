//! End-to-end: the overview, province, tasks and data pages in both
//! languages, at phone and desktop widths, against the release site.

use fantoccini::{Client, Locator};
use tien_do_core::Lang;
use tien_do_e2e::*;

/// Waits for the chart `css` (a `figure` class) to have drawn its canvas.
async fn chart_drawn(c: &Client, css: &str) {
    let sel = format!("{css} canvas[data-drawn]");
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(&sel))
        .await
        .unwrap_or_else(|e| panic!("{sel} not drawn: {e}"));
}

/// Focuses the chart's canvas and presses `key`; returns the tooltip.
async fn chart_key(c: &Client, css: &str, key: &str, needle: &str) -> String {
    let canvas = c
        .find(Locator::Css(&format!("{css} canvas")))
        .await
        .unwrap_or_else(|e| panic!("no {css} canvas: {e}"));
    canvas.send_keys(key).await.unwrap();
    wait_for_text(c, &format!("{css} .chart-tooltip"), needle).await
}

/// The page may not scroll sideways: nothing wider than the window.
async fn fits_width(c: &Client) {
    let over: bool = c
        .execute(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(true);
    assert!(!over, "the page scrolls sideways");
}

/// The overview's staleness line as the browser's own clock makes it:
/// present, word for word, from six months after the newest figure (25 Feb
/// 2026), absent before.
async fn staleness_as_the_clock_says(c: &Client, lang: Lang) {
    let today = c
        .execute(
            "const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0')",
            vec![],
        )
        .await
        .unwrap();
    let today = today.as_str().unwrap_or_default();
    match tien_do_core::format::staleness_line("2026-02-25", today, lang) {
        Some(line) => assert_eq!(text_of(c, ".stale-data").await, line, "today {today}"),
        None => assert_eq!(count(c, ".stale-data").await, 0, "today {today}"),
    }
}

const RIGHT: &str = "\u{E014}";
const END: &str = "\u{E010}";

/// Guards the overview: it leads with the tasks done per ledger (two
/// cards, never one total) and the newest meeting's headline figures with
/// their sources and caveats (the rest one click away); what changed since
/// (the same measure at an earlier meeting of the same committee); the
/// data's age said plainly; the headline map and its ranking, in both
/// languages.
#[tokio::test]
async fn overview_in_both_languages() {
    let c = browser(1280, 1000).await;
    c.goto(&site("?lang=vi")).await.unwrap();
    let latest = wait_for_text(
        &c,
        ".latest-figures",
        "Phiên họp thứ nhất năm 2026 của Ban Chỉ đạo của Chính phủ",
    )
    .await;
    assert!(latest.contains("25/02/2026"), "{latest}");
    assert_has_all(
        &latest,
        &["94.000.000", "68.000.000", "2.690 / 3.085", "61,2%"],
    );
    assert_eq!(
        count(&c, ".latest-figures > .figure-grid > .national-figure").await,
        6,
        "the six headline figures lead"
    );
    assert!(count(&c, ".latest-figures .national-figure .cite a").await >= 6);
    assert!(count(&c, ".latest-figures .more-figures .national-figure").await >= 20);
    let caveat = text_of(&c, ".latest-figures .figure-note").await;
    assert!(caveat.starts_with("Lưu ý của nguồn:"), "{caveat}");
    // Tasks done, per ledger, before the figures; never added.
    let cards = wait_for_text(&c, ".tasks-done", "1.227").await;
    assert_has_all(&cards, &["270", "679", "1.298", "94,5%", "không cộng gộp"]);
    assert_eq!(count(&c, ".tasks-done .task-counts").await, 2);
    let changed = text_of(&c, ".what-changed").await;
    assert_has_all(&changed, &["59%", "61,2%", "18/12/2025"]);
    // The data is said to be old exactly when the browser's own clock is
    // past 25 Aug 2026 (six months after its newest figure).
    staleness_as_the_clock_says(&c, Lang::Vi).await;
    chart_drawn(&c, ".ranking-chart").await;
    wait_for_text(&c, ".headline-map h2", "DTI").await;
    wait_for_text(&c, ".headline-map .map-summary", "34/34").await;
    screenshot(&c, "overview-vi-desktop").await;
    c.close().await.unwrap();

    let c = browser(390, 844).await;
    c.goto(&site("?lang=en")).await.unwrap();
    wait_for_text(&c, ".latest-figures h2", "Latest figures").await;
    let changed = text_of(&c, ".what-changed").await;
    assert!(changed.contains("What changed"), "{changed}");
    assert!(changed.contains("18 Dec 2025"), "{changed}");
    staleness_as_the_clock_says(&c, Lang::En).await;
    assert!(text_of(&c, ".as-of-line").await.contains("25 Feb 2026"));
    chart_drawn(&c, ".ranking-chart").await;
    let tip = chart_key(&c, ".ranking-chart", RIGHT, "Rank 1/34").await;
    assert!(tip.contains("Ha Noi") || tip.contains("Hà Nội"), "{tip}");
    fits_width(&c).await;
    screenshot(&c, "overview-en-phone").await;
    // The headline map on the phone, as the reader scrolls to it.
    c.execute(
        "document.querySelector('.headline-map').scrollIntoView()",
        vec![],
    )
    .await
    .unwrap();
    screenshot(&c, "overview-map-en-phone").await;
    c.close().await.unwrap();
}

/// Guards the province page: rank and score on every indicator, the
/// pillar profile and the trend (drawn, answering keys), which provinces
/// it was formed from (each a link), a former province pointing to its
/// successor, the share link, and an unknown code explained.
#[tokio::test]
async fn province_page_in_both_languages() {
    let c = browser(1280, 1000).await;
    c.goto(&site("?page=province&province=79&lang=en"))
        .await
        .unwrap();
    wait_for_text(&c, "main h1", "Ho Chi Minh").await;
    wait_for_count(&c, ".standings tbody tr", 9).await;
    chart_drawn(&c, ".pillar-chart").await;
    chart_drawn(&c, ".trend-chart").await;
    let tip = chart_key(&c, ".trend-chart", RIGHT, "2022").await;
    assert!(tip.contains("Binh Duong"), "{tip}");
    let pillar = chart_key(&c, ".pillar-chart", RIGHT, "Rank").await;
    assert!(pillar.contains("Average of provinces"), "{pillar}");
    let formation = text_of(&c, ".formation").await;
    assert_has_all(&formation, &["Merged from", "Binh Duong", "Ba Ria"]);
    let link = attr_of(&c, ".share-link input", "value")
        .await
        .unwrap_or_default();
    assert!(
        link.ends_with("?page=province&province=79&lang=en"),
        "{link}"
    );
    // Copying the link is checked apart, allowed and refused
    // (`share.rs`).
    screenshot(&c, "province-en-desktop").await;
    // A former province: its page says what it is now part of.
    click(&c, ".formation a[href*='province=74']").await;
    wait_for_text(&c, "main h1", "Binh Duong").await;
    let now = text_of(&c, ".formation").await;
    assert!(now.contains("Now part of"), "{now}");
    c.back().await.unwrap();
    wait_for_text(&c, "main h1", "Ho Chi Minh").await;
    c.close().await.unwrap();

    let c = browser(390, 844).await;
    c.goto(&site("?page=province&province=01&lang=vi"))
        .await
        .unwrap();
    wait_for_text(&c, "main h1", "Hà Nội").await;
    chart_drawn(&c, ".trend-chart").await;
    let text = text_of(&c, ".standings").await;
    assert_has_all(&text, &["Thứ hạng và điểm số", "0,8241", "1/34"]);
    fits_width(&c).await;
    screenshot(&c, "province-vi-phone").await;
    c.goto(&site("?page=province&province=99&lang=vi"))
        .await
        .unwrap();
    wait_for_text(&c, "[role=alert]", "99").await;
    wait_for_count(&c, ".province-grid > li", 34 + 63).await;
    c.close().await.unwrap();
}

/// Guards the tasks page: the tracker and the targets drawn, each part's
/// count in the tooltip in the reader's notation, and the per-agency
/// section saying nothing was published at that level.
#[tokio::test]
async fn tasks_page_in_both_languages() {
    let c = browser(1280, 1000).await;
    c.goto(&site("?page=tasks&lang=en")).await.unwrap();
    chart_drawn(&c, ".task-tracker-chart").await;
    chart_drawn(&c, ".target-chart").await;
    let tip = chart_key(&c, ".task-tracker-chart", RIGHT, "Completed: 270 (39.8%)").await;
    assert!(tip.starts_with("Government Steering Committee: "), "{tip}");
    // The Central Steering Committee's own series, under its own heading.
    let tracker = text_of(&c, ".task-tracker-chart").await;
    assert!(tracker.contains("never added or compared"), "{tracker}");
    assert_eq!(count(&c, ".ledger-cards .task-counts").await, 2);
    let tip = chart_key(&c, ".target-chart", RIGHT, "/").await;
    assert!(tip.contains("meeting"), "{tip}");
    let agencies = text_of(&c, ".by-agency").await;
    assert!(
        agencies.contains("No task counts per ministry"),
        "{agencies}"
    );
    screenshot(&c, "tasks-en-desktop").await;
    c.close().await.unwrap();

    let c = browser(360, 780).await;
    c.goto(&site("?page=tasks&lang=vi")).await.unwrap();
    chart_drawn(&c, ".task-tracker-chart").await;
    let tip = chart_key(&c, ".task-tracker-chart", END, ": 71 (5,5%)").await;
    assert!(tip.starts_with("Ban Chỉ đạo Trung ương"), "{tip}");
    let targets = text_of(&c, ".target-chart").await;
    assert!(targets.contains("Tiến độ so với mục tiêu"), "{targets}");
    fits_width(&c).await;
    screenshot(&c, "tasks-vi-phone").await;
    c.close().await.unwrap();
}

/// The data table's rows, once the count reads `n`.
async fn rows_shown(c: &Client, n: u64) {
    rows_shown_exactly(c, n).await;
}

/// Guards the data page: every value listed; search that ignores
/// diacritics and knows short and former names, kept in the URL without
/// filling the history; filters; sorting by value, best first, kept over a
/// reload.
#[tokio::test]
async fn data_page_searches_filters_and_sorts() {
    let c = browser(1280, 1000).await;
    c.goto(&site("?lang=en")).await.unwrap();
    click(&c, ".main-nav a[href*='page=data']").await;
    // 3 periods x 63 (overall DTI) + 9 indicators x 34 (2024).
    rows_shown(&c, 495).await;
    let search = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(".search input"))
        .await
        .unwrap();
    search.send_keys("tp.hcm").await.unwrap();
    rows_shown(&c, 12).await;
    let names = text_of(&c, ".data-table tbody").await;
    assert!(names.contains("Ho Chi Minh"), "{names}");
    assert!(current_query(&c).await.contains("q=tp.hcm"));
    // Former names find the province they became part of.
    search.clear().await.unwrap();
    search.send_keys("binh duong").await.unwrap();
    rows_shown(&c, 12).await;
    let rows = text_of(&c, ".data-table tbody").await;
    assert!(
        rows.contains("Binh Duong") && rows.contains("Ho Chi Minh"),
        "{rows}"
    );
    // Typing replaced the history entry: Back leaves the data page for
    // the overview it was opened from, Forward returns to the search.
    c.back().await.unwrap();
    wait_for_text(&c, ".latest-figures", "Latest figures").await;
    c.forward().await.unwrap();
    rows_shown(&c, 12).await;
    assert!(current_query(&c).await.contains("q=binh+duong"));

    // Filter, then sort by value: best first, in the link, after a reload.
    c.goto(&site("?page=data&indicator=dti&period=2024&lang=en"))
        .await
        .unwrap();
    rows_shown(&c, 34).await;
    click(&c, "button.sort[data-sort='value']").await;
    wait_for_text(&c, ".data-table tbody tr:first-child", "Ha Noi").await;
    let q = current_query(&c).await;
    assert_eq!(
        q,
        "?page=data&indicator=dti&period=2024&sort=-value&lang=en"
    );
    c.refresh().await.unwrap();
    rows_shown(&c, 34).await;
    wait_for_text(&c, ".data-table tbody tr:first-child", "Ha Noi").await;
    assert_eq!(
        attr_of(&c, "th[aria-sort='descending'] button", "data-sort")
            .await
            .as_deref(),
        Some("value")
    );
    screenshot(&c, "data-en-desktop").await;
    c.close().await.unwrap();

    let c = browser(360, 780).await;
    c.goto(&site("?page=data&lang=vi&q=da%20nang"))
        .await
        .unwrap();
    wait_for_text(&c, ".data-table tbody", "Đà Nẵng").await;
    let rows = text_of(&c, ".data-table tbody").await;
    assert!(!rows.contains("Hà Nội"), "{rows}");
    fits_width(&c).await;
    screenshot(&c, "data-vi-phone").await;
    c.close().await.unwrap();
}
