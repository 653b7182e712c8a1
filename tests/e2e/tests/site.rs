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
    assert!(footer.contains("Số liệu tính đến: 15/11/2025"), "{footer}");
    assert!(footer.contains("Nguồn dữ liệu (13)"), "{footer}");
    let cite = text_of(&c, ".task-counts .cite").await;
    assert!(
        cite.contains("Cổng Thông tin điện tử tỉnh Gia Lai"),
        "{cite}"
    );
    let source = attr_of(&c, ".task-counts .cite a", "href")
        .await
        .unwrap_or_default();
    assert!(source.starts_with("https://gialai.gov.vn/"), "{source}");
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
/// `?lang=` in the URL, and is remembered for the next visit.
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
    for (slug, heading) in [
        ("map", "Map"),
        ("province", "Provinces"),
        ("tasks", "Tasks"),
        ("embed", "Embed"),
    ] {
        click(&c, &format!(".main-nav a[href*='page={slug}']")).await;
        wait_for_text(&c, "main h1", heading).await;
        assert_eq!(current_query(&c).await, format!("?page={slug}&lang=en"));
        c.refresh().await.unwrap();
        wait_for_text(&c, "main h1", heading).await;
        let current = text_of(&c, ".main-nav a[aria-current='page']").await;
        assert_eq!(current, heading);
    }
    c.back().await.unwrap();
    wait_for_text(&c, "main h1", "Tasks").await;
    // A shared link straight to a province view.
    c.goto(&site("?page=province&province=01&lang=vi"))
        .await
        .unwrap();
    wait_for_text(&c, ".selected-province", "01").await;
    wait_for_text(&c, "main h1", "Tỉnh, thành phố").await;
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
        // Nothing listens on port 9 here: the network fails.
        ("http://127.0.0.1:9/progress.json", "could not be reached"),
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
    let notice = wait_for_text(&c, ".data-problems", "2 error(s)").await;
    assert!(notice.contains("The data file has problems"), "{notice}");
    click(&c, ".data-problems summary").await;
    let list = wait_for_text(&c, ".data-problems ul", "/sources/0/url").await;
    assert!(list.contains("/task_counts/0/source"), "{list}");
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
