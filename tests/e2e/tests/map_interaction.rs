//! End-to-end: pointing at the map with a real mouse, wheel and fingers in
//! headless Chromium, and the zoom kept in the URL. Pixels are computed
//! from the published boundary file with the app's own layout code, so
//! "hover Hoàn Kiếm, read Hà Nội" checks the projection and the hit testing
//! the browser runs.

use tien_do_core::boundaries::Region;
use tien_do_e2e::map::*;
use tien_do_e2e::*;

const FILE_2025: &str = "vn-provinces-2025.topo.json";
const HOAN_KIEM: (f64, f64) = (105.852, 21.028);
const BEN_THANH: (f64, f64) = (106.698, 10.772);

async fn zoom_in_url(c: &fantoccini::Client) -> Option<String> {
    let q = current_query(c).await;
    q.split(['?', '&'])
        .find_map(|kv| kv.strip_prefix("zoom="))
        .map(str::to_string)
}

/// Waits (5 s at most) until the link holds a zoom other than `before`,
/// and returns it; `what`: the gesture, for the failure's message.
async fn zoom_written(c: &fantoccini::Client, before: Option<&str>, what: &str) -> String {
    for _ in 0..50 {
        let zoom = zoom_in_url(c).await;
        if zoom.is_some() && zoom.as_deref() != before {
            return zoom.unwrap_or_default();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!(
        "{what}: no new zoom in the link: {}",
        current_query(c).await
    );
}

/// The map of the 34 provinces in a fresh browser, the mouse on Hoàn Kiếm
/// and the tooltip naming Hà Nội: the browser, the provinces' regions, the
/// point and the tooltip's text.
async fn map_pointing_at_ha_noi() -> (fantoccini::Client, Vec<Region>, (f64, f64), String) {
    let c = browser(1280, 1400).await;
    c.goto(&site("?page=map&lang=en")).await.unwrap();
    wait_for_text(&c, ".map-summary", "Published for: 34/34").await;
    let r = regions(FILE_2025);
    let ha_noi = viewport_point(&c, &r, None, HOAN_KIEM.0, HOAN_KIEM.1).await;
    mouse_to(&c, ha_noi).await;
    let tip = wait_for_text(&c, ".map-tooltip", "Ha Noi").await;
    (c, r, ha_noi, tip)
}

/// Guards hover and click-through: the tooltip names the province under
/// the pointer with its value and rank; a click opens that province.
#[tokio::test]
async fn map_hover_shows_the_province_and_click_opens_it() {
    let (c, r, _, tip) = map_pointing_at_ha_noi().await;
    assert_has_all(&tip, &["0.8241", "Rank 1/34"]);
    let hcm = viewport_point(&c, &r, None, BEN_THANH.0, BEN_THANH.1).await;
    mouse_to(&c, hcm).await;
    let tip = wait_for_text(&c, ".map-tooltip", "Ho Chi Minh").await;
    assert_has_all(&tip, &["Merged from:", "Binh Duong", "Ba Ria"]);
    screenshot(&c, "map-hover-en-desktop").await;
    mouse_click(&c, hcm).await;
    wait_for_text(&c, "main h1", "Ho Chi Minh").await;
    let q = current_query(&c).await;
    assert!(q.starts_with("?page=province&province=79"), "{q}");
    c.close().await.unwrap();
}

/// Guards the hover's cost in the page: a pointer moving within one
/// province moves the tooltip by its transform alone (no text, no node, no
/// property that lays the page out again), and a move to another province
/// changes the tooltip's texts in place, making and removing no node.
#[tokio::test]
async fn moving_the_pointer_changes_the_tooltip_in_place() {
    let (c, r, ha_noi, _) = map_pointing_at_ha_noi().await;
    let changes = |c: &fantoccini::Client| {
        let c = c.clone();
        async move {
            // What changed in the tooltip since the last call.
            let v = c
                .execute(
                    "const seen = window.tooltipChanges || [];
                     window.tooltipChanges = [];
                     if (!window.tooltipWatch) {
                       window.tooltipWatch = new MutationObserver(l => {
                         for (const m of l) window.tooltipChanges.push(m.type + ' ' + (m.attributeName || ''));
                       });
                       window.tooltipWatch.observe(document.querySelector('.map-tooltip'),
                         { subtree: true, attributes: true, childList: true, characterData: true });
                     }
                     return seen;",
                    vec![],
                )
                .await
                .expect("script runs");
            serde_json::from_value::<Vec<String>>(v).expect("a list of changes")
        }
    };
    changes(&c).await;
    let style = || async {
        attr_of(&c, ".map-tooltip", "style")
            .await
            .unwrap_or_default()
    };
    let before = style().await;
    for d in 1..=3 {
        mouse_to(&c, (ha_noi.0 + f64::from(d), ha_noi.1 + 1.0)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let within = changes(&c).await;
    assert!(
        !within.is_empty() && within.iter().all(|m| m == "attributes style"),
        "moves within Hà Nội changed only the tooltip's style: {within:?}"
    );
    let after = style().await;
    let placed = |s: &str| {
        s.starts_with("transform:translate(")
            && !["left:", "right:", "top:"].iter().any(|p| s.contains(p))
    };
    assert!(
        placed(&before) && placed(&after),
        "placed by a transform: {after}"
    );
    // Only the transform changed: the rest (the width limit) is the same.
    let rest = |s: &str| s.split_once(';').map(|(_, r)| r.to_string());
    assert!(
        before != after && rest(&before) == rest(&after),
        "only the translation moved: {before} -> {after}"
    );
    let hcm = viewport_point(&c, &r, None, BEN_THANH.0, BEN_THANH.1).await;
    mouse_to(&c, hcm).await;
    wait_for_text(&c, ".map-tooltip", "Ho Chi Minh").await;
    let between = changes(&c).await;
    assert!(
        between.iter().any(|m| m.starts_with("characterData"))
            && !between.iter().any(|m| m.starts_with("childList")),
        "a move to Hồ Chí Minh City changed the texts in place: {between:?}"
    );
    c.close().await.unwrap();
}

/// Guards zoom by buttons, wheel and drag, kept in the URL: a reload shows
/// the same zoom (hovering the centre of a zoomed Hà Nội still finds it),
/// zoom steps replace the history entry, and a drag pans without opening a
/// province.
#[tokio::test]
async fn map_zoom_by_buttons_wheel_and_drag_is_a_shareable_link() {
    let c = browser(1280, 1400).await;
    c.goto(&site("?lang=en")).await.unwrap();
    wait_for_text(&c, ".task-counts", "Tasks assigned").await;
    click(&c, ".main-nav a[href*='page=map']").await;
    wait_for_text(&c, ".map-summary", "Published for: 34/34").await;
    assert_eq!(zoom_in_url(&c).await, None);
    assert_eq!(
        attr_of(&c, ".map-zoom-reset", "disabled").await.as_deref(),
        Some("true"),
        "nothing to reset at the whole-country view"
    );

    // Wheel without Ctrl at the whole-country view: the page scrolls, the
    // map says how to zoom, the URL keeps no zoom.
    let r = regions(FILE_2025);
    let ha_noi = viewport_point(&c, &r, None, HOAN_KIEM.0, HOAN_KIEM.1).await;
    wheel(&c, ha_noi, -200, false).await;
    wait_for_text(&c, ".map-hint.shown", "Ctrl").await;
    assert_eq!(zoom_in_url(&c).await, None);

    // Ctrl + wheel over Hà Nội zooms in about it.
    let ha_noi = viewport_point(&c, &r, None, HOAN_KIEM.0, HOAN_KIEM.1).await;
    wheel(&c, ha_noi, -300, true).await;
    let zoom = zoom_written(&c, None, "ctrl + wheel zoomed in").await;
    let level: f64 = zoom.split('/').next().unwrap().parse().unwrap();
    assert!(level > 1.2, "{zoom}");
    let still = viewport_point(&c, &r, Some(&zoom), HOAN_KIEM.0, HOAN_KIEM.1).await;
    assert!(
        (still.0 - ha_noi.0).abs() < 3.0 && (still.1 - ha_noi.1).abs() < 3.0,
        "Hoàn Kiếm stayed under the pointer: {ha_noi:?} → {still:?}"
    );

    // The + button zooms further about the centre.
    click(&c, ".map-zoom button:first-child").await;
    let after_button = zoom_written(&c, Some(&zoom), "the + button zoomed further").await;
    let level2: f64 = after_button.split('/').next().unwrap().parse().unwrap();
    assert!(
        (level2 / level - 1.5).abs() < 0.02,
        "{zoom} → {after_button}"
    );

    // A reload restores the view; hovering where the zoomed layout puts
    // Hoàn Kiếm finds Hà Nội.
    c.refresh().await.unwrap();
    wait_for_text(&c, ".map-summary", "Published for: 34/34").await;
    assert_eq!(
        zoom_in_url(&c).await.as_deref(),
        Some(after_button.as_str())
    );
    let p = viewport_point(&c, &r, Some(&after_button), HOAN_KIEM.0, HOAN_KIEM.1).await;
    mouse_to(&c, p).await;
    wait_for_text(&c, ".map-tooltip", "Ha Noi").await;
    screenshot(&c, "map-zoomed-en-desktop").await;

    // A drag pans (the centre moves west when dragging right) and opens
    // nothing.
    let (left, top, w, h) = canvas_rect(&c).await;
    mouse_drag(&c, (left + w * 0.4, top + h * 0.5), (120.0, 0.0)).await;
    let panned = zoom_written(&c, Some(&after_button), "the drag panned").await;
    let lon = |z: &str| z.split('/').nth(2).unwrap().parse::<f64>().unwrap();
    assert!(
        lon(&panned) < lon(&after_button),
        "{after_button} → {panned}"
    );
    assert!(current_query(&c).await.starts_with("?page=map"));

    // Zoom steps replaced the history entry: one Back leaves the map.
    c.back().await.unwrap();
    wait_for_text(&c, ".task-counts", "Tasks assigned").await;
    assert!(!current_query(&c).await.contains("page=map"));

    // Forward, then reset: the link loses its zoom.
    c.forward().await.unwrap();
    wait_for_text(&c, ".map-summary", "Published for: 34/34").await;
    click(&c, ".map-zoom-reset").await;
    for _ in 0..50 {
        if zoom_in_url(&c).await.is_none() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(zoom_in_url(&c).await, None);
    c.close().await.unwrap();
}

/// Guards touch: a pinch zooms in, a first tap shows the tooltip and a
/// second tap on the same province opens it.
#[tokio::test]
async fn map_pinch_zooms_and_tap_shows_then_opens() {
    let c = browser(390, 844).await;
    c.goto(&site("?page=map&lang=en")).await.unwrap();
    wait_for_text(&c, ".map-summary", "Published for: 34/34").await;
    // Pinch with Hà Nội between the fingers, so it stays on screen.
    let r = regions(FILE_2025);
    let centre = viewport_point(&c, &r, None, HOAN_KIEM.0, HOAN_KIEM.1).await;
    pinch(&c, centre, 60.0, 180.0).await;
    let mut zoom = None;
    for _ in 0..50 {
        zoom = zoom_in_url(&c).await;
        if zoom.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let zoom = zoom.expect("the pinch zoomed in");
    let level: f64 = zoom.split('/').next().unwrap().parse().unwrap();
    assert!(level > 2.0, "fingers three times further apart: {zoom}");

    // Tap the zoomed Hà Nội: the tooltip, with a hint; tap again: opened.
    let p = viewport_point(&c, &r, Some(&zoom), HOAN_KIEM.0, HOAN_KIEM.1).await;
    let (left, top, w, h) = canvas_rect(&c).await;
    let on_screen = p.0 > left && p.0 < left + w && p.1 > top && p.1 < top + h;
    assert!(on_screen, "Hà Nội stayed under the pinch: {p:?} at {zoom}");
    tap(&c, p).await;
    let tip = wait_for_text(&c, ".map-tooltip", "Ha Noi").await;
    assert!(tip.contains("Tap again to open"), "{tip}");
    assert!(
        current_query(&c).await.starts_with("?page=map"),
        "not opened yet"
    );
    screenshot(&c, "map-tapped-en-phone").await;
    tap(&c, p).await;
    wait_for_text(&c, "main h1", "Ha Noi").await;
    assert!(current_query(&c)
        .await
        .starts_with("?page=province&province=01"));
    c.close().await.unwrap();
}

/// Dark pixels on the map canvas (the former borders are drawn dark).
async fn dark_pixels(c: &fantoccini::Client) -> u64 {
    c.execute(
        "const c = document.querySelector('.choropleth canvas');
         const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
         let n = 0;
         for (let i = 0; i < d.length; i += 4)
           if (d[i + 3] > 0 && d[i] < 70 && d[i + 1] < 80 && d[i + 2] < 90) n++;
         return n;",
        vec![],
    )
    .await
    .unwrap()
    .as_u64()
    .unwrap_or(0)
}

/// Guards "see how old provinces map to new ones": the toggle draws the 63
/// former borders over the 34 and is kept in the link; the table says what
/// each province was merged from, and the 63-province map what each became.
#[tokio::test]
async fn map_shows_how_the_63_became_the_34() {
    let c = browser(1280, 1400).await;
    c.goto(&site("?page=map&lang=vi")).await.unwrap();
    wait_for_text(&c, ".map-summary", "Có số liệu: 34/34").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let before = dark_pixels(&c).await;
    click(&c, ".former-toggle input").await;
    let mut after = before;
    for _ in 0..50 {
        after = dark_pixels(&c).await;
        if after > before + 1000 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        after > before + 1000,
        "former borders drawn: {before} → {after}"
    );
    assert!(current_query(&c).await.contains("former=1"));
    screenshot(&c, "map-former-borders-vi-desktop").await;
    c.refresh().await.unwrap();
    wait_for_text(&c, ".map-summary", "Có số liệu: 34/34").await;
    assert_eq!(
        c.execute(
            "return document.querySelector('.former-toggle input').checked",
            vec![]
        )
        .await
        .unwrap(),
        serde_json::Value::Bool(true),
        "the link keeps the borders on"
    );
    click(&c, ".unit-table summary").await;
    let table = wait_for_text(&c, ".unit-table", "Hợp nhất từ").await;
    assert_has_all(
        &table,
        &[
            "Sắp xếp đơn vị hành chính",
            "Hợp nhất từ: ",
            "Bình Dương",
            "Giữ nguyên khi sắp xếp",
        ],
    );
    c.goto(&site("?page=map&lang=vi&period=2023"))
        .await
        .unwrap();
    wait_for_text(&c, ".map-summary", "Có số liệu: 63/63").await;
    assert_eq!(count(&c, ".former-toggle").await, 0, "no older set to show");
    click(&c, ".unit-table summary").await;
    wait_for_text(&c, ".unit-table", "Nay thuộc: Hồ Chí Minh").await;
    c.close().await.unwrap();
}

/// Guards the commune scale: the same map draws the SYNTHETIC layer of
/// 3,321 communes that the data names (its boundary file fetched relative
/// to the data file), credits the publisher's file, answers hover, and
/// lists communes, not provinces.
#[tokio::test]
async fn map_draws_a_publishers_commune_layer() {
    let c = browser(1280, 1400).await;
    c.goto(&site(
        "?page=map&lang=en&data=../bench/synthetic-communes.json",
    ))
    .await
    .unwrap();
    let summary = wait_for_text(&c, ".map-summary", "/3321").await;
    assert!(summary.contains("Synthetic commune"), "{summary}");
    let credit = text_of(&c, ".map-side .credit").await;
    assert!(
        credit.contains("supplied by the publisher")
            && credit.contains("/bench/synthetic-communes.topo.json"),
        "{credit}"
    );
    assert!(text_of(&c, ".map-side .cite").await.contains("Synthetic"));
    assert!(text_of(&c, ".unit-table summary")
        .await
        .contains("List of communes (3321)"));
    let (left, top, w, h) = canvas_rect(&c).await;
    let mut seen = String::new();
    for k in 0..10 {
        let f = 0.3 + 0.04 * f64::from(k);
        mouse_to(&c, (left + w * 0.45, top + h * f)).await;
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        // The tooltip is always there, hidden until a unit is under the
        // pointer.
        if count(&c, ".map-tooltip:not([hidden])").await > 0 {
            seen = text_of(&c, ".map-tooltip").await;
            break;
        }
    }
    assert!(
        seen.contains("Synthetic commune"),
        "hover found a commune: {seen:?}"
    );
    screenshot(&c, "map-synthetic-communes-en-desktop").await;
    c.close().await.unwrap();
}

/// Guards the overview's map (built without Leptos, `src/lean/`): a zoom
/// is kept in the link, the language switch keeps it and draws the page
/// again in the other language, and Back returns to the first language at
/// the same zoom, all without a reload.
#[tokio::test]
async fn the_overview_map_keeps_its_zoom_through_the_language_switch_and_back() {
    let c = browser(1280, 1400).await;
    c.goto(&site("?lang=en")).await.unwrap();
    wait_for_text(&c, ".headline-map .map-summary", "Published for: 34/34").await;
    map_drawn(&c, "the overview's map").await;
    c.execute("window.__samePage = true", vec![]).await.unwrap();
    click(&c, ".headline-map .map-zoom button:first-child").await;
    let zoom = zoom_written(&c, None, "the + button zoomed in").await;
    // The page's links follow the view: the map page opens at the zoom.
    for link in [".headline-map .next a", ".main-nav a[href*='page=map']"] {
        let href = attr_of(&c, link, "href").await.unwrap_or_default();
        assert!(href.contains(&format!("zoom={zoom}")), "{link}: {href}");
    }

    click(&c, ".lang-switch a[hreflang='vi']").await;
    wait_for_text(&c, ".headline-map .map-summary", "34/34").await;
    let summary = text_of(&c, ".headline-map .map-summary").await;
    assert!(
        !summary.contains("Published for"),
        "in Vietnamese: {summary}"
    );
    assert_eq!(zoom_in_url(&c).await.as_deref(), Some(zoom.as_str()));
    assert!(current_query(&c).await.contains("lang=vi"));
    map_drawn(&c, "the map drawn again").await;
    assert_eq!(
        attr_of(&c, ".map-zoom-reset", "disabled").await,
        None,
        "the map is drawn at the zoom, which can be reset"
    );

    c.back().await.unwrap();
    wait_for_text(&c, ".headline-map .map-summary", "Published for: 34/34").await;
    assert_eq!(zoom_in_url(&c).await.as_deref(), Some(zoom.as_str()));
    assert!(current_query(&c).await.contains("lang=en"));
    let same = c
        .execute("return window.__samePage === true", vec![])
        .await
        .unwrap();
    assert_eq!(same, serde_json::json!(true), "no reload on the way");
    c.close().await.unwrap();
}
