//! Embeds and downloads, end to end: the codes the Embed dialog gives,
//! pasted into a host page on another origin (tests/e2e/host/, its own
//! port); each iframe sized to its content and following a resize; a
//! foreign frame's height messages ignored; the three height formats
//! checked as they arrive; pym.js's real parent resizing its frame; and
//! every download checked for content.

use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tien_do_e2e::map::map_drawn;
use tien_do_e2e::{browser, click, download, screenshot, site, wait_for, WAIT};

fn host_url() -> String {
    std::env::var("E2E_HOST_URL")
        .expect("E2E_HOST_URL is not set: run the end-to-end tests through scripts/test.sh")
}

async fn run(client: &Client, script: &str, args: Vec<Value>) -> Value {
    client
        .execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// Opens the first Embed dialog under `scope` and returns its responsive
/// and iframe codes (after choosing `release`, `latest` or `pinned`).
async fn embed_codes(
    client: &Client,
    scope: &str,
    release: &str,
    shot: Option<&str>,
) -> (String, String) {
    click(client, &format!("{scope} .embed-open")).await;
    click(client, &format!("dialog[open] input[value={release}]")).await;
    let codes = run(
        client,
        "const d = document.querySelector('dialog[open]');
         return [d.querySelector('[data-snippet=responsive]').value,
                 d.querySelector('[data-snippet=iframe]').value];",
        vec![],
    )
    .await;
    if let Some(name) = shot {
        screenshot(client, name).await;
    }
    click(client, "dialog[open] .embed-close").await;
    (
        codes[0].as_str().unwrap_or_default().to_string(),
        codes[1].as_str().unwrap_or_default().to_string(),
    )
}

/// Each embed frame's height on the host page and, read inside the frame,
/// the height of its content, once the figure inside has drawn.
async fn frame_heights(client: &Client) -> Vec<(String, f64, f64)> {
    let frames = run(
        client,
        "return Array.from(document.querySelectorAll('iframe')).map(f =>
           [f.id || f.closest('.slot')?.id || '', f.getBoundingClientRect().height]);",
        vec![],
    )
    .await;
    let mut out = Vec::new();
    for (i, f) in frames.as_array().expect("frames").iter().enumerate() {
        let id = f[0].as_str().unwrap_or_default().to_string();
        if matches!(id.as_str(), "foreign" | "spoof" | "moved") {
            continue;
        }
        // Chromium does not render a cross-origin frame out of view (nor
        // tell it its size): scroll each in, as a reader would.
        run(
            client,
            "document.querySelectorAll('iframe')[arguments[0]].scrollIntoView()",
            vec![json!(i)],
        )
        .await;
        client.enter_frame(i as u16).await.expect("into the frame");
        let inner = run(
            client,
            "return document.querySelector('canvas[data-drawn]') ?
               document.body.getBoundingClientRect().height : -1;",
            vec![],
        )
        .await
        .as_f64()
        .unwrap_or(-1.0);
        client.enter_parent_frame().await.expect("back to the host");
        out.push((id, f[1].as_f64().unwrap_or(0.0), inner));
    }
    out
}

/// Waits until every embed frame is as tall as its drawn content (to 2 px).
async fn wait_sized(client: &Client, frames: usize) -> Vec<(String, f64, f64)> {
    let deadline = Instant::now() + WAIT;
    loop {
        let seen = frame_heights(client).await;
        let fitted = seen
            .iter()
            .filter(|(_, outer, inner)| *inner > 100.0 && (outer - inner).abs() <= 2.0)
            .count();
        if seen.len() == frames && fitted == frames {
            return seen;
        }
        assert!(
            Instant::now() < deadline,
            "frames not sized to their content within {WAIT:?}: {seen:?} (id, frame height, content height)"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// A screenshot of the whole page, not only the window: the window is made
/// as tall as the page for it (its width, so the layout, stays), then put
/// back to `size`.
async fn whole_page_screenshot(client: &Client, name: &str, size: (u32, u32)) {
    run(client, "window.scrollTo(0, 0)", vec![]).await;
    let h = run(
        client,
        "return document.documentElement.scrollHeight",
        vec![],
    )
    .await
    .as_u64()
    .unwrap_or(u64::from(size.1));
    let tall = u32::try_from(h).unwrap_or(size.1).clamp(size.1, 8000) + 120;
    client
        .set_window_size(size.0, tall)
        .await
        .expect("tall window");
    // Every frame now in view renders; give them a moment to draw and size.
    wait_sized(client, 3).await;
    run(client, "window.scrollTo(0, 0)", vec![]).await;
    screenshot(client, name).await;
    client
        .set_window_size(size.0, size.1)
        .await
        .expect("window back");
}

/// Guards issue 6's embed promise: two figures embedded in another site
/// take their content's height and follow a resize; a foreign frame's
/// messages change nothing; the formats newsrooms listen for all arrive.
#[tokio::test]
async fn host_page_embeds_two_figures_sized_to_their_content() {
    let client = browser(1280, 900).await;
    client.goto(&site("?page=map&lang=en")).await.expect("map");
    map_drawn(&client, "the map draws").await;
    let (map_code, _) = embed_codes(
        &client,
        ".map-page",
        "latest",
        Some("embed-dialog-en-desktop"),
    )
    .await;
    assert!(map_code.contains("embed-map.html?"), "{map_code}");
    assert!(map_code.contains("<noscript><a href="), "{map_code}");
    client
        .goto(&site("?page=tasks&lang=en"))
        .await
        .expect("tasks");
    let (_, tasks_iframe) = embed_codes(&client, ".task-tracker-chart", "latest", None).await;
    assert!(tasks_iframe.starts_with("<iframe src="), "{tasks_iframe}");
    assert!(tasks_iframe.contains("embed-tasks.html"), "{tasks_iframe}");

    client.goto(&host_url()).await.expect("host page");
    run(
        &client,
        "putSnippet('first', arguments[0]); putSnippet('second', arguments[1]);
         new pym.Parent('pym', arguments[2], { title: 'Ranking (pym.js)' });
         document.getElementById('spoof').src = arguments[3];
         document.getElementById('moved').src = arguments[4];",
        vec![
            json!(map_code),
            json!(tasks_iframe),
            json!(format!("{}embed-ranking.html?lang=en", site(""))),
            json!(site("").replace("/tien-do/", "/fixtures/spoof-heights.html")),
            json!(format!(
                "{}?to={}foreign.html",
                site("").replace("/tien-do/", "/fixtures/leave.html"),
                host_url()
            )),
        ],
    )
    .await;
    let wide = wait_sized(&client, 3).await;
    whole_page_screenshot(&client, "embed-host-en-desktop", (1280, 900)).await;

    // A phone: the figures reflow and every frame follows.
    client.set_window_size(390, 844).await.expect("resize");
    let deadline = Instant::now() + WAIT;
    let narrow = loop {
        let seen = wait_sized(&client, 3).await;
        let map_changed = seen
            .iter()
            .zip(&wide)
            .any(|(a, b)| a.0 == "first" && (a.1 - b.1).abs() > 20.0);
        if map_changed {
            break seen;
        }
        assert!(
            Instant::now() < deadline,
            "the map frame kept its height after a resize: {seen:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    whole_page_screenshot(&client, "embed-host-en-phone", (390, 844)).await;
    // The 9999 px claims were sent, from another site (by a frame wrongly
    // marked as an embed, and by an embed frame whose page moved on to that
    // site: refused for their origin) and from the site's own address (by a
    // frame that is not an embed: refused for its window); they changed
    // nothing.
    let origin = site("").trim_end_matches("/tien-do/").to_string();
    let spoofs = run(
        &client,
        "const claims = window.__messages.filter(m => m.data && m.data['datawrapper-height']
                   && m.data['datawrapper-height']['tien-do-map'] === 9999);
         return [claims.filter(m => m.origin === arguments[0]).length,
                 claims.filter(m => m.origin !== arguments[0]).length,
                 document.getElementById('foreign').getBoundingClientRect().height,
                 document.getElementById('spoof').getBoundingClientRect().height,
                 document.getElementById('moved').getBoundingClientRect().height];",
        vec![json!(origin)],
    )
    .await;
    assert!(
        spoofs[0].as_u64().unwrap_or(0) > 0,
        "the site-origin spoof posted nothing: {spoofs}"
    );
    assert!(
        spoofs[1].as_u64().unwrap_or(0) > 0,
        "the foreign frame posted nothing: {spoofs}"
    );
    for k in [2, 3, 4] {
        let h = spoofs[k].as_f64().unwrap_or(0.0);
        assert!(
            (h - 82.0).abs() < 3.0,
            "a spoofing frame was resized: {spoofs}"
        );
    }
    assert!(narrow.iter().all(|(_, h, _)| *h < 3000.0), "{narrow:?}");

    // What the embeds posted, from the site's origin: each format.
    let formats = run(
        &client,
        "const ours = window.__messages.filter(m => m.origin === arguments[0]);
         return {
           dw: ours.filter(m => m.data && m.data['datawrapper-height']
                 && m.data['datawrapper-height']['tien-do-map'] > 100
                 && m.data['datawrapper-height']['tien-do-map'] < 9999).length,
           amp: ours.filter(m => m.data && m.data.sentinel === 'amp'
                 && m.data.type === 'embed-size' && m.data.height > 100).length,
           pym: ours.filter(m => typeof m.data === 'string'
                 && /^pymxPYMxpymxPYMxheightxPYMx[0-9]+$/.test(m.data)).length,
         };",
        vec![json!(origin)],
    )
    .await;
    for key in ["dw", "amp", "pym"] {
        assert!(
            formats[key].as_u64().unwrap_or(0) > 0,
            "no {key} message: {formats}"
        );
    }
    client.close().await.expect("close");
}

/// Guards pinned embeds: the code names this release's file, the file is
/// kept, and the embed draws from it.
#[tokio::test]
async fn pinned_embed_reads_its_release() {
    let client = browser(1000, 900).await;
    client
        .goto(&site("?page=tasks&lang=vi"))
        .await
        .expect("tasks");
    let (_, pinned) = embed_codes(
        &client,
        ".target-chart",
        "pinned",
        Some("embed-dialog-vi-desktop"),
    )
    .await;
    let src = pinned
        .split("src=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("iframe src")
        .replace("&amp;", "&");
    assert!(src.contains("data=data%2Freleases%2F"), "{src}");
    client.goto(&src).await.expect("pinned embed");
    wait_for(
        &client,
        ".target-chart canvas[data-drawn]",
        "the pinned embed draws",
    )
    .await;
    // It read the release, not the latest file.
    let fetched = run(
        &client,
        "return performance.getEntriesByType('resource').map(e => e.name)
           .filter(n => n.includes('/data/'));",
        vec![],
    )
    .await;
    let fetched: Vec<&str> = fetched
        .as_array()
        .expect("list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        fetched.iter().any(|n| n.contains("/data/releases/")),
        "{fetched:?}"
    );
    assert!(
        !fetched.iter().any(|n| n.contains("progress.json")),
        "read the latest: {fetched:?}"
    );
    // Its oEmbed document, found from the page, frames this site.
    let oembed = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const link = document.querySelector('link[type=\"application/json+oembed\"]');
             fetch(link.href).then(r => r.json()).then(j => done([link.href, j.type, j.html]));",
            vec![],
        )
        .await
        .expect("oEmbed");
    assert!(
        oembed[0]
            .as_str()
            .unwrap_or_default()
            .ends_with("oembed/targets.json"),
        "{oembed}"
    );
    assert_eq!(oembed[1], "rich");
    let expected_src = format!("src=\"{}embed-targets.html", site(""));
    assert!(
        oembed[2]
            .as_str()
            .unwrap_or_default()
            .contains(&expected_src),
        "the oEmbed iframe points at the served site: {oembed}"
    );
    client.close().await.expect("close");
}

/// Guards readers without JavaScript: an embed page shows its static image,
/// linked to the full view.
#[tokio::test]
async fn embed_without_javascript_shows_an_image_and_a_link() {
    let args: Value =
        serde_json::from_str(&std::env::var("E2E_CHROME_ARGS").expect("args")).expect("JSON");
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": std::env::var("E2E_CHROMIUM").expect("chromium"),
            "args": args,
            "prefs": { "profile.managed_default_content_settings.javascript": 2 }
        }),
    );
    let client = fantoccini::ClientBuilder::rustls()
        .expect("TLS")
        .capabilities(caps)
        .connect(&std::env::var("E2E_WEBDRIVER").expect("webdriver"))
        .await
        .expect("session");
    client
        .goto(&format!("{}embed-ranking.html", site("")))
        .await
        .expect("embed");
    wait_for(
        &client,
        "a > img[src='figures/ranking.svg']",
        "the static image is shown",
    )
    .await;
    let img = client
        .find(Locator::Css("a > img[src='figures/ranking.svg']"))
        .await
        .expect("the image");
    let rect = img.rectangle().await.expect("image box");
    assert!(
        rect.2 > 200.0 && rect.3 > 200.0,
        "image not drawn: {rect:?}"
    );
    let link = client
        .find(Locator::Css("a:has(> img)"))
        .await
        .expect("a link around the image")
        .attr("href")
        .await
        .expect("href");
    assert_eq!(link.as_deref(), Some("./?page=map"));
    screenshot(&client, "embed-nojs-vi").await;
    client.close().await.expect("close");
}

/// Guards the downloads: the CSV of what is shown (BOM, the source above,
/// columns in the reader's language, the published values), the full
/// series (every period), a PNG at twice the size, an SVG that parses.
#[tokio::test]
async fn downloads_hold_what_the_figure_shows() {
    let client = browser(1280, 900).await;
    client.goto(&site("?page=map&lang=en")).await.expect("map");
    wait_for(
        &client,
        ".ranking-chart canvas[data-drawn]",
        "the ranking draws",
    )
    .await;
    // The published values, read from the same JSON the page reads.
    let expected = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch('data/progress.json').then(r => r.json()).then(d => {
               const periods = d.periods.filter(p =>
                 d.series.some(x => x.indicator === 'dti' && x.period === p.id));
               const latest = periods[periods.length - 1].id;
               const s = d.series.filter(s => s.indicator === 'dti' && s.period === latest)[0];
               done([s.units.length, s.values[s.units.indexOf('01')], periods.length]);
             });",
            vec![],
        )
        .await
        .expect("data");
    let units = expected[0].as_u64().expect("units") as usize;
    let ha_noi = expected[1].as_f64().expect("Ha Noi's value");
    let periods = expected[2].as_u64().expect("periods") as usize;

    let (name, csv) = download(&client, ".ranking-chart", "csv").await;
    assert!(name.ends_with(".csv"), "{name}");
    assert_eq!(
        &csv[..3],
        b"\xEF\xBB\xBF",
        "the CSV starts with a UTF-8 BOM"
    );
    let text = String::from_utf8(csv[3..].to_vec()).expect("UTF-8");
    assert!(text.starts_with("# "), "notes first: {text}");
    assert!(
        text.contains("# Source: Ministry of Science and Technology"),
        "{text}"
    );
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert!(
        lines[0].contains("Rank") && lines[0].contains("Value"),
        "{}",
        lines[0]
    );
    let ha_noi_line = lines
        .iter()
        .find(|l| l.contains(",01,") || l.contains("Ha Noi"))
        .unwrap_or_else(|| panic!("no Ha Noi row: {text}"));
    assert!(
        ha_noi_line.contains(&ha_noi.to_string()),
        "{ha_noi_line} lacks {ha_noi}"
    );
    let data_rows = lines.len() - 1;
    assert!(data_rows >= units, "{data_rows} rows for {units} units");

    let (_, full) = download(&client, ".ranking-chart", "csv-full").await;
    let full = String::from_utf8(full[3..].to_vec()).expect("UTF-8");
    let full_rows = full.lines().filter(|l| !l.starts_with('#')).count() - 1;
    assert!(
        full_rows > units * (periods - 1),
        "{full_rows} rows for {periods} periods"
    );

    let (name, png) = download(&client, ".ranking-chart", "png").await;
    assert!(name.ends_with(".png"), "{name}");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    assert_eq!(width, 2 * 720, "twice the image's 720 px");
    assert!(height > 2 * 400 && height % 2 == 0, "height {height}");

    let (name, svg) = download(&client, ".ranking-chart", "svg").await;
    assert!(name.ends_with(".svg"), "{name}");
    let parsed = run(
        &client,
        "const doc = new DOMParser().parseFromString(arguments[0], 'image/svg+xml');
         return [doc.querySelector('parsererror') === null, doc.documentElement.getAttribute('width'),
                 doc.documentElement.textContent.includes(arguments[1])];",
        vec![json!(String::from_utf8(svg).expect("UTF-8")), json!("Source:")],
    )
    .await;
    assert_eq!(
        parsed,
        json!([true, "720", true]),
        "the SVG parses, 720 wide, with its source"
    );

    // The map's own downloads: its CSV and its image.
    let (_, map_csv) = download(&client, ".map-page > .figure-tools", "csv").await;
    assert_eq!(&map_csv[..3], b"\xEF\xBB\xBF");
    let (_, map_png) = download(&client, ".map-page > .figure-tools", "png").await;
    let w = u32::from_be_bytes([map_png[16], map_png[17], map_png[18], map_png[19]]);
    assert_eq!(w, 2 * 640, "the map's PNG is twice its 640 px");
    client.close().await.expect("close");
}

/// Guards the language of the columns: Vietnamese readers get Vietnamese
/// headers and Vietnamese names intact.
#[tokio::test]
async fn csv_columns_follow_the_language() {
    let client = browser(1280, 900).await;
    client
        .goto(&site("?page=tasks&lang=vi"))
        .await
        .expect("tasks");
    wait_for(
        &client,
        ".task-tracker-chart canvas[data-drawn]",
        "the tracker draws",
    )
    .await;
    let (_, csv) = download(&client, ".task-tracker-chart", "csv").await;
    let text = String::from_utf8(csv[3..].to_vec()).expect("UTF-8");
    assert!(text.contains("# Nguồn:"), "{text}");
    let header = text
        .lines()
        .find(|l| !l.starts_with('#'))
        .expect("a header");
    assert!(
        header.starts_with("Sổ theo dõi nhiệm vụ,Phiên họp"),
        "each row names its ledger first: {header}"
    );
    assert!(!header.contains("Meeting"), "{header}");
    let row = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .nth(1)
        .expect("a row");
    assert!(
        row.contains("Ban Chỉ đạo"),
        "the meeting's Vietnamese name intact: {row}"
    );
    client.close().await.expect("close");
}

/// Guards the overview's Embed dialogs, built without Leptos
/// (`src/lean/embed_dialog.rs`): for the same view, the headline map's and
/// the ranking's codes are the ones the map page (the Leptos build) gives,
/// a release pinned as well as the latest data; a theme chosen is written
/// into them; and the map's codes follow its zoom.
#[tokio::test]
async fn the_overview_gives_the_embed_codes_the_map_page_gives() {
    let client = browser(1280, 1400).await;
    let mut codes = Vec::new();
    for page in ["?lang=en", "?page=map&lang=en"] {
        client.goto(&site(page)).await.expect("page");
        map_drawn(&client, "the map draws").await;
        wait_for(
            &client,
            ".ranking-chart canvas[data-drawn]",
            "the ranking draws",
        )
        .await;
        codes.push((
            embed_codes(&client, ".map-page", "pinned", None).await,
            embed_codes(&client, ".ranking-chart", "latest", None).await,
        ));
    }
    let ((map, ranking), (site_map, site_ranking)) = (&codes[0], &codes[1]);
    assert!(map.0.contains("embed-map.html"), "{}", map.0);
    assert!(map.1.contains("data%2Freleases%2F"), "pinned: {}", map.1);
    assert!(
        ranking.1.contains("figure=ranking") || ranking.1.contains("embed-ranking.html"),
        "{}",
        ranking.1
    );
    assert_eq!(map, site_map, "the map's codes, overview and map page");
    assert_eq!(
        ranking, site_ranking,
        "the ranking's codes, overview and map page"
    );

    // A theme chosen on the overview is written into its codes, and a zoom
    // of its map follows into them.
    client.goto(&site("?lang=en")).await.expect("overview");
    map_drawn(&client, "the overview's map draws").await;
    click(&client, ".headline-map .map-zoom button:first-child").await;
    let deadline = Instant::now() + WAIT;
    while !tien_do_e2e::current_query(&client).await.contains("zoom=") {
        assert!(Instant::now() < deadline, "the zoom did not reach the link");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    click(&client, ".map-page .embed-open").await;
    click(&client, "dialog[open] input[value=dark]").await;
    let iframe = run(
        &client,
        "return document.querySelector('dialog[open] [data-snippet=iframe]').value",
        vec![],
    )
    .await;
    let iframe = iframe.as_str().unwrap_or_default();
    assert!(iframe.contains("theme=dark"), "{iframe}");
    assert!(iframe.contains("zoom="), "{iframe}");
    click(&client, "dialog[open] .embed-close").await;
    client.close().await.expect("close");
}
