//! End-to-end: the release site served by nginx under `/tien-do/`, in
//! headless Chromium through WebDriver. Run through `scripts/test.sh`.

use tien_do_e2e::*;

/// Guards the default path: Vietnamese first, the demo data loaded through
/// the app's real fetch, the shell and footer drawn.
#[tokio::test]
async fn shell_renders_in_vietnamese_with_the_data_loaded() {
    let c = browser(1280, 900).await;
    c.goto(&base_url()).await.unwrap();
    let card = wait_for_text(&c, ".task-counts", "679").await;
    assert_has_all(
        &card,
        &[
            "Nhiệm vụ được giao",
            "Đã hoàn thành",
            "270",
            "382",
            "27",
            "39,8%",
            "23/09/2025",
        ],
    );
    assert_eq!(html_lang(&c).await, "vi");
    let header = text_of(&c, ".site-header").await;
    assert!(header.contains("Tiến độ chuyển đổi số"), "{header}");
    let footer = text_of(&c, ".site-footer").await;
    assert!(footer.contains("Số liệu tính đến: 25/02/2026"), "{footer}");
    assert!(footer.contains("Nguồn dữ liệu (23)"), "{footer}");
    let cite = text_of(&c, ".task-counts .cite").await;
    assert!(
        cite.contains("Cổng Thông tin điện tử tỉnh Gia Lai"),
        "{cite}"
    );
    let source = attr_of(&c, ".task-counts .cite a", "href")
        .await
        .unwrap_or_default();
    assert!(source.starts_with("https://gialai.gov.vn/"), "{source}");
    // The feeds of what changed, linked from the head and the footer, and
    // served: a feed whose self link is this site's.
    let feeds: serde_json::Value = c
        .execute(
            "return [...document.querySelectorAll('head link[rel=alternate][type=\"application/atom+xml\"]')].map(l => l.getAttribute('href'))",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(feeds, serde_json::json!(["feed.xml", "feed.en.xml"]));
    let feed: serde_json::Value = c
        .execute_async(
            "const done = arguments[0]; fetch('feed.xml').then(r => r.text()).then(done, e => done(String(e)))",
            vec![],
        )
        .await
        .unwrap();
    let feed = feed.as_str().unwrap_or_default();
    assert!(
        feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""),
        "{feed:.200}"
    );
    assert!(
        feed.contains(&format!("href=\"{}feed.xml\"", base_url())),
        "self link on the served site: {feed:.600}"
    );
    let footer_feed = attr_of(&c, ".site-footer .feed-link a", "href").await;
    assert_eq!(footer_feed.as_deref(), Some("feed.xml"));
    screenshot(&c, "overview-vi-desktop").await;
    c.close().await.unwrap();
}

/// Guards English through `?lang=en`: words, number and date formats.
#[tokio::test]
async fn english_from_the_url() {
    let c = browser(360, 780).await;
    c.goto(&site("?lang=en")).await.unwrap();
    let card = wait_for_text(&c, ".task-counts", "Tasks assigned").await;
    assert_has_all(
        &card,
        &[
            "Completed",
            "In progress",
            "Overdue",
            "39.8%",
            "23 Sep 2025",
        ],
    );
    assert_eq!(html_lang(&c).await, "en");
    let title = c.title().await.unwrap();
    assert!(title.contains("Digital transformation progress"), "{title}");
    screenshot(&c, "overview-en-phone").await;
    c.close().await.unwrap();
}

/// Guards the language switch: it changes the words without a reload, puts
/// `?lang=` in the URL, Back undoes it, and it is remembered for the next
/// visit.
#[tokio::test]
async fn language_switch_updates_the_url_and_is_remembered() {
    let c = browser(1280, 900).await;
    c.goto(&base_url()).await.unwrap();
    wait_for_text(&c, ".task-counts", "Nhiệm vụ được giao").await;
    click(&c, ".lang-switch a[hreflang='en']").await;
    wait_for_text(&c, ".task-counts", "Tasks assigned").await;
    assert_eq!(current_query(&c).await, "?lang=en");
    let current = text_of(&c, ".lang-switch a[aria-current='page']").await;
    assert_eq!(current, "English");
    // Back undoes the switch: the address without ?lang= is in the
    // language the page opened in (the overview's own build rebuilt it,
    // without Leptos).
    c.back().await.unwrap();
    wait_for_text(&c, ".task-counts", "Nhiệm vụ được giao").await;
    assert_eq!(html_lang(&c).await, "vi");
    // A later visit without ?lang= opens in the remembered language.
    c.goto(&base_url()).await.unwrap();
    wait_for_text(&c, ".task-counts", "Tasks assigned").await;
    assert_eq!(html_lang(&c).await, "en");
    c.close().await.unwrap();
}

/// Guards "every view has its own URL": navigation changes the query, a
/// reload opens the same view (no rewrite rules on the server), and Back
/// returns.
#[tokio::test]
async fn every_view_has_a_url_that_survives_reload_and_back() {
    let c = browser(1280, 900).await;
    c.goto(&site("?lang=en")).await.unwrap();
    wait_for_text(&c, ".task-counts", "Tasks assigned").await;
    for (slug, heading, nav) in [
        ("map", "Digital Transformation Index", "Map"),
        ("province", "Choose a province", "Provinces"),
        ("tasks", "Tasks", "Tasks"),
        ("data", "Data", "Data"),
    ] {
        click(&c, &format!(".main-nav a[href*='page={slug}']")).await;
        wait_for_text(&c, "main h1", heading).await;
        assert_eq!(current_query(&c).await, format!("?page={slug}&lang=en"));
        c.refresh().await.unwrap();
        wait_for_text(&c, "main h1", heading).await;
        let current = text_of(&c, ".main-nav a[aria-current='page']").await;
        assert_eq!(current, nav);
    }
    c.back().await.unwrap();
    wait_for_text(&c, "main h1", "Tasks").await;
    // Embeds are reached from each figure, not from the navigation.
    let embed_links = c
        .execute(
            "return document.querySelectorAll('.main-nav a[href*=\"page=embed\"]').length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(embed_links, 0);
    // A shared link straight to a province view.
    c.goto(&site("?page=province&province=01&lang=vi"))
        .await
        .unwrap();
    wait_for_text(&c, "main h1", "Hà Nội").await;
    wait_for_text(&c, ".province-head .lede", "01").await;
    c.close().await.unwrap();
}

/// Guards the error path for a missing file: a clear message in the
/// reader's language, the address, a retry button, and the rest of the page
/// still working.
#[tokio::test]
async fn missing_data_file_gives_a_clear_error_and_the_page_still_works() {
    let c = browser(360, 780).await;
    c.goto(&site("?data=khong-co.json")).await.unwrap();
    let panel = wait_for_text(&c, ".load-error", "404").await;
    assert!(panel.contains("Không tải được dữ liệu"), "{panel}");
    assert!(panel.contains("khong-co.json"), "{panel}");
    let retry = text_of(&c, ".load-error button.retry").await;
    assert_eq!(retry, "Thử lại");
    screenshot(&c, "error-404-vi-phone").await;
    // Retrying a file that is still missing shows the error again.
    click(&c, ".load-error button.retry").await;
    // The page built again with the answer: its button no longer busy
    // (clicking the old header's switch while it is replaced would miss).
    wait_for(
        &c,
        ".load-error button.retry[aria-busy='false']",
        "the panel again",
    )
    .await;
    wait_for_text(&c, ".load-error", "404").await;
    // The language switch still works, and the error follows it.
    click(&c, ".lang-switch a[hreflang='en']").await;
    wait_for_text(&c, ".load-error", "The data file was not found").await;
    assert!(current_query(&c).await.contains("data=khong-co.json"));
    c.close().await.unwrap();
}

/// Guards every other kind of broken data: each gives its own message.
#[tokio::test]
async fn broken_data_files_each_give_their_own_message() {
    let c = browser(1280, 900).await;
    let cases = [
        (
            "../fixtures/truncated.json",
            "damaged or badly formatted (line 6, column 1)",
        ),
        (
            "../fixtures/wrong-shape.json",
            "damaged or badly formatted (line 3",
        ),
        ("../fixtures/schema-v99.json", "format version 99"),
        ("../fixtures/page.html", "sent a web page instead"),
        // The server drops the connection without an answer (nginx's 444):
        // the network fails, on the site's own address (the site's
        // Content Security Policy keeps it from reading other sites).
        (
            "../fixtures/connection-dropped.json",
            "could not be reached",
        ),
    ];
    for (data, needle) in cases {
        c.goto(&site(&format!("?lang=en&data={data}")))
            .await
            .unwrap();
        let panel = wait_for_text(&c, ".load-error", needle).await;
        assert!(panel.contains("Try again"), "{data}: {panel}");
        // The header and navigation are still there.
        assert!(text_of(&c, ".main-nav").await.contains("Overview"));
    }
    c.close().await.unwrap();
}

/// Guards "show what it can": a file that parses but breaks rules still
/// shows its figures, lists the problems for the publisher, and never turns
/// a `javascript:` link into a link.
#[tokio::test]
async fn data_with_problems_is_shown_with_the_problems_listed() {
    let c = browser(1280, 900).await;
    c.goto(&site("?lang=en&data=../fixtures/with-problems.json"))
        .await
        .unwrap();
    wait_for_text(&c, ".task-counts", "679").await;
    // The file's two planted problems, and its task counts that name no
    // ledger (a file of before the two ledgers): shown, and listed.
    let notice = wait_for_text(&c, ".data-problems", "3 error(s)").await;
    assert!(notice.contains("The data file has problems"), "{notice}");
    click(&c, ".data-problems summary").await;
    let list = wait_for_text(&c, ".data-problems ul", "/sources/0/url").await;
    assert!(list.contains("/task_counts/0/source"), "{list}");
    assert!(list.contains("/task_counts/0/ledger"), "{list}");
    let hrefs = c
        .execute(
            "return [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))",
            vec![],
        )
        .await
        .unwrap();
    assert!(!hrefs.to_string().contains("javascript:"), "{hrefs}");
    screenshot(&c, "data-problems-en-desktop").await;
    c.close().await.unwrap();
}

/// Guards what the built site publishes beside the app, fetched from the
/// page as a reader's browser would: the data, its JSON Schema and both
/// boundary files.
#[tokio::test]
async fn schema_and_boundaries_are_published_with_the_site() {
    let c = browser(1280, 900).await;
    c.goto(&base_url()).await.unwrap();
    let script = "const done = arguments[0];
        Promise.all(['data/progress.json', 'schema/progress.schema.json',
                     'geo/vn-provinces-2008.topo.json', 'geo/vn-provinces-2025.topo.json']
            .map(u => fetch(u).then(r => r.ok ? r.json() : Promise.reject(u + ': ' + r.status))))
          .then(([data, schema, g63, g34]) => done([
              data.schema_version, schema.title,
              g63.objects.provinces.geometries.filter(g => g.properties.part === 'mainland').length,
              g34.objects.provinces.geometries.filter(g => g.properties.part === 'mainland').length]))
          .catch(e => done(String(e)));";
    let got = c.execute_async(script, vec![]).await.unwrap();
    assert_eq!(got, serde_json::json!([1, "ProgressData", 63, 34]));
    c.close().await.unwrap();
}

/// Guards the map: the canvas is drawn (not blank), the legend and the
/// summary name real figures, the table lists the 34, and the source shows.
#[tokio::test]
async fn map_of_dti_2024_is_drawn_with_legend_summary_and_source() {
    let c = browser(1280, 1000).await;
    c.goto(&site("?page=map&lang=vi")).await.unwrap();
    wait_for_text(&c, ".map-summary", "Hà Nội").await;
    let summary = text_of(&c, ".map-summary").await;
    assert_has_all(
        &summary,
        &["Cao nhất: Hà Nội (0,8241)", "Thấp nhất: Cao Bằng (0,5128)"],
    );
    let legend = text_of(&c, ".map-legend").await;
    assert!(legend.contains("0,5128 –"), "{legend}");
    let cite = text_of(&c, ".map-side .cite").await;
    assert!(
        cite.contains("Xếp hạng DTI năm 2024 của 34 tỉnh, thành phố"),
        "{cite}"
    );
    // The 34 are drawn from the official reference map, and say so.
    let credit = text_of(&c, ".map-side .credit").await;
    assert!(credit.contains("sapnhap.bando.com.vn"), "{credit}");
    // The canvas has coloured pixels: count non-transparent ones.
    let painted = c
        .execute(
            "const c = document.querySelector('.choropleth canvas');
             if (!c || !c.width) return 0;
             const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
             let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
             return n / (c.width * c.height);",
            vec![],
        )
        .await
        .unwrap()
        .as_f64()
        .unwrap_or(0.0);
    assert!(painted > 0.15, "the map covers {painted:.2} of the canvas");
    assert_eq!(
        count(&c, ".unit-table tbody tr").await,
        0,
        "rows wait for the list to open"
    );
    click(&c, ".unit-table summary").await;
    wait_for_count(&c, ".unit-table tbody tr", 34).await;
    screenshot(&c, "map-vi-desktop").await;
    c.close().await.unwrap();
}

/// Guards keyboard access and click-through: arrows move between provinces
/// with a tooltip, Enter opens the province's page with a shareable URL.
/// Also a regression test: leaving the map page once panicked (a link in the
/// province table read its target after it was disposed) and froze the app.
#[tokio::test]
async fn map_keyboard_navigation_and_opening_a_province() {
    let c = browser(1280, 1000).await;
    c.goto(&site("?page=map&lang=en")).await.unwrap();
    wait_for_text(&c, ".map-summary", "Highest").await;
    let canvas = c
        .wait()
        .at_most(WAIT)
        .for_element(fantoccini::Locator::Css(".choropleth canvas"))
        .await
        .unwrap();
    canvas.send_keys("\u{E015}").await.unwrap(); // ArrowDown: starts at Hà Nội
    let tip = wait_for_text(&c, ".map-tooltip", "Ha Noi").await;
    assert!(tip.contains("0.8241") && tip.contains("Rank 1/34"), "{tip}");
    canvas.send_keys("\u{E015}").await.unwrap(); // ArrowDown: a province to the south
    let moved = text_of(&c, ".map-tooltip").await;
    assert!(!moved.contains("Ha Noi"), "moved on: {moved}");
    canvas.send_keys("\u{E007}").await.unwrap(); // Enter
    wait_for_text(&c, ".standings h2", "Rank and score").await;
    let q = current_query(&c).await;
    assert!(q.starts_with("?page=province&province="), "{q}");
    c.close().await.unwrap();
}

/// Guards the period switch: 2023 draws the 63 provinces, back to 2024 the
/// 34, and a shared URL restores the same view.
#[tokio::test]
async fn map_period_switch_and_shared_url() {
    let c = browser(1280, 1000).await;
    c.goto(&site("?page=map&lang=en")).await.unwrap();
    wait_for_text(&c, ".map-summary", "Published for: 34/34").await;
    // The period slider, by keyboard: 2024 (34) → 2024 (63) → 2023 (63).
    let slider = c
        .wait()
        .at_most(WAIT)
        .for_element(fantoccini::Locator::Css("#period-slider"))
        .await
        .unwrap();
    assert_eq!(
        attr_of(&c, "#period-slider", "aria-valuetext")
            .await
            .as_deref(),
        Some("2024 (34 provinces)")
    );
    slider.send_keys("\u{E012}").await.unwrap(); // ArrowLeft
    wait_for_text(&c, ".map-summary", "Published for: 63/63").await;
    let slider = c
        .find(fantoccini::Locator::Css("#period-slider"))
        .await
        .unwrap();
    slider.send_keys("\u{E012}").await.unwrap();
    wait_for_text(&c, ".period-stops .current", "2023").await;
    let q = current_query(&c).await;
    assert_eq!(q, "?page=map&indicator=dti&period=2023&lang=en");
    click(&c, ".unit-table summary").await;
    wait_for_count(&c, ".unit-table tbody tr", 63).await;
    screenshot(&c, "map-2023-63-en-desktop").await;
    c.back().await.unwrap();
    wait_for_text(&c, ".period-stops .current", "2024 (63").await;
    // The table of every unit stays open through the change of view.
    wait_for_count(&c, ".unit-table tbody tr", 63).await;
    c.back().await.unwrap();
    wait_for_text(&c, ".map-summary", "Published for: 34/34").await;
    // A shared link to one pillar, one period.
    c.goto(&site(
        "?page=map&indicator=dti.cybersecurity&period=2024&lang=en",
    ))
    .await
    .unwrap();
    wait_for_text(&c, "main h1", "Cybersecurity").await;
    c.close().await.unwrap();
}

/// The map on a 360 px phone: drawn, and the page does not scroll sideways.
#[tokio::test]
async fn map_fits_a_phone() {
    let c = browser(360, 1900).await;
    c.goto(&site("?page=map&lang=vi")).await.unwrap();
    wait_for_text(&c, ".map-summary", "Hà Nội").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let overflow = c
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(overflow, 0, "no sideways scrolling");
    screenshot(&c, "map-vi-phone").await;
    c.close().await.unwrap();
}

/// Guards the pages' text against waiting for their map's boundaries (a
/// resource read by the page inside the app's Transition held the whole
/// page, heading, figures and pickers, behind the loading skeleton until
/// the map's file came): with the provinces' boundaries served at 2 KB/s,
/// the overview's figures and the map page's heading and pickers are shown
/// while the file is still on its way, and the map comes after.
#[tokio::test]
async fn a_page_s_text_does_not_wait_for_its_map() {
    let c = browser(1280, 900).await;
    for (query, shown) in [
        ("?lang=en", ".task-counts"),
        ("?page=map&lang=en", ".picker select"),
    ] {
        let url = site(query).replacen("/tien-do/", "/tien-do-slow-borders/", 1);
        c.goto(&url).await.expect("page");
        wait_for(&c, shown, "the page's text").await;
        let map_file_in = c
            .execute(
                "return performance.getEntriesByType('resource')
                   .some(e => e.name.endsWith('vn-provinces-2025.topo.json'))",
                vec![],
            )
            .await
            .expect("entries");
        assert_eq!(
            map_file_in,
            serde_json::json!(false),
            "{query}: the page waited for its map's boundaries"
        );
        assert_eq!(
            count(&c, ".choropleth canvas[data-drawn]").await,
            0,
            "{query}"
        );
    }
    c.close().await.ok();
}
