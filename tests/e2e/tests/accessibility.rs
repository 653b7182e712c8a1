//! Accessibility, checked in real Chromium: axe-core (from npm, the
//! checker browsers' own tools use) injected through WebDriver into every
//! page in both languages, and a keyboard-only walk through the main tasks.

use fantoccini::{key::Key, Client, Locator};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tien_do_e2e::map::map_drawn;
use tien_do_e2e::{browser, current_query, site, wait_for, wait_for_text, WAIT};

/// axe-core's script, as `scripts/setup.sh` installs it.
fn axe_source() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tools/node_modules/axe-core/axe.min.js"
    );
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}: run scripts/setup.sh (npm ci in tools/)"))
}

/// Runs axe-core on the page (WCAG 2.1 A and AA rules) and returns the
/// serious and critical violations: rule, impact, how many elements, the
/// first element. Fails first if any of `ready` is not on the page: axe
/// must see all of it.
async fn serious_violations(client: &Client, axe: &str, ready: &[&str]) -> Vec<Value> {
    let missing = client
        .execute(
            "return arguments[0].filter(css => !document.querySelector(css));",
            vec![json!(ready)],
        )
        .await
        .expect("ready read");
    assert_eq!(missing, json!([]), "axe would have run on part of the page");
    client
        .execute(&format!("{axe}\nreturn true;"), vec![])
        .await
        .expect("axe loads");
    let found = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => done(r.violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' '),
                            v.nodes[0].failureSummary])),
                     e => done([['axe-error', String(e)]]));",
            vec![],
        )
        .await
        .expect("axe runs");
    found.as_array().cloned().unwrap_or_default()
}

/// Guards issue 7's accessibility budget: no serious or critical axe-core
/// violation on any page, in either language, on a desktop and a phone,
/// each checked once all its figures are drawn.
#[tokio::test]
async fn every_page_passes_axe_in_both_languages() {
    let axe = axe_source();
    // Each page with what must be on it before axe looks: all of it (the
    // overview's map and ranking come after its figures).
    let pages: [(&str, &[&str]); 5] = [
        (
            "",
            &[
                ".task-counts",
                ".headline-map .choropleth canvas[data-drawn]",
                ".ranking-chart canvas[data-drawn]",
            ],
        ),
        ("page=map&", &[".choropleth canvas[data-drawn]"]),
        (
            "page=province&province=01&",
            &[
                ".pillar-chart canvas[data-drawn]",
                ".trend-chart canvas[data-drawn]",
            ],
        ),
        (
            "page=tasks&",
            &[
                ".task-tracker-chart canvas[data-drawn]",
                ".target-chart canvas[data-drawn]",
            ],
        ),
        ("page=data&", &[".data-table tbody tr"]),
    ];
    let mut failures = Vec::new();
    let mut checked = 0;
    for (width, height) in [(1280, 900), (390, 844)] {
        let client = browser(width, height).await;
        if checked == 0 {
            // The check itself can fail: a nameless button is a critical
            // violation it must report.
            client.goto(&site("?lang=vi")).await.expect("page");
            wait_for(&client, ".task-counts", "overview").await;
            client
                .execute(
                    "document.querySelector('main').append(document.createElement('button'))",
                    vec![],
                )
                .await
                .expect("planted");
            let found = serious_violations(&client, &axe, &[]).await;
            assert!(
                found.iter().any(|v| v[0] == "button-name"),
                "axe did not report a nameless button: {found:?}"
            );
        }
        for lang in ["vi", "en"] {
            for (query, ready) in pages {
                client
                    .goto(&site(&format!("?{query}lang={lang}")))
                    .await
                    .expect("page");
                for css in ready {
                    client
                        .wait()
                        .at_most(WAIT)
                        .for_element(Locator::Css(css))
                        .await
                        .unwrap_or_else(|e| panic!("{query}{lang}: {css} not shown: {e}"));
                }
                let boot = client
                    .execute("return document.getElementById('boot') === null", vec![])
                    .await
                    .expect("boot");
                assert_eq!(boot, json!(true), "{query}{lang}: the loading shell stayed");
                let found = serious_violations(&client, &axe, ready).await;
                checked += 1;
                if !found.is_empty() {
                    failures.push(format!("?{query}lang={lang} at {width}px: {found:?}"));
                }
            }
            // An embed page, as a reader of a host site meets it.
            client
                .goto(&format!(
                    "{}embed-trend.html?province=79&lang={lang}&theme=dark",
                    site("")
                ))
                .await
                .expect("embed");
            wait_for(
                &client,
                ".trend-chart canvas[data-drawn]",
                "the embed draws",
            )
            .await;
            let found =
                serious_violations(&client, &axe, &[".trend-chart canvas[data-drawn]"]).await;
            if !found.is_empty() {
                failures.push(format!("embed-trend {lang} at {width}px: {found:?}"));
            }
        }
        client.close().await.expect("close");
    }
    assert!(
        failures.is_empty(),
        "serious or critical violations:\n{}",
        failures.join("\n")
    );
}

/// Presses Tab until the focused element matches `css`; fails after
/// `max` presses, naming where the focus was.
async fn tab_to(client: &Client, css: &str, max: usize) {
    for _ in 0..max {
        let here = client
            .execute(
                "return document.activeElement && document.activeElement.matches(arguments[0])",
                vec![json!(css)],
            )
            .await
            .expect("focus read");
        if here == json!(true) {
            return;
        }
        client
            .active_element()
            .await
            .expect("focus")
            .send_keys(&Key::Tab.to_string())
            .await
            .expect("Tab");
    }
    let at = client
        .execute(
            "return document.activeElement && document.activeElement.outerHTML.slice(0, 120)",
            vec![],
        )
        .await
        .unwrap_or_default();
    panic!("{css} not reached in {max} Tab presses; focus on {at}");
}

async fn press(client: &Client, keys: &str) {
    client
        .active_element()
        .await
        .expect("focus")
        .send_keys(keys)
        .await
        .expect("keys");
}

/// Guards keyboard-only use of the main tasks: pick an indicator on the
/// map, find a province by searching, open it, and download its data,
/// with Tab, arrows, typing and Enter only.
#[tokio::test]
async fn keyboard_alone_picks_finds_opens_and_downloads() {
    let client = browser(1280, 900).await;
    client.goto(&site("?page=map&lang=en")).await.expect("map");
    map_drawn(&client, "the map draws").await;
    // Pick another indicator.
    tab_to(&client, ".picker select", 30).await;
    press(&client, &Key::Down.to_string()).await;
    let deadline = Instant::now() + WAIT;
    while !current_query(&client).await.contains("indicator=") {
        assert!(
            Instant::now() < deadline,
            "the indicator did not change: {}",
            current_query(&client).await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // To the data page through the navigation, then find a province by
    // typing, and open it.
    client
        .execute(
            "document.activeElement.blur(); window.scrollTo(0, 0)",
            vec![],
        )
        .await
        .expect("from the top");
    tab_to(&client, ".main-nav a[href*='page=data']", 30).await;
    press(&client, &Key::Enter.to_string()).await;
    wait_for_text(&client, "main h1", "Data").await;
    tab_to(&client, "input[type=search]", 40).await;
    press(&client, "da nang").await;
    let deadline = Instant::now() + WAIT;
    while !current_query(&client).await.contains("q=da") {
        assert!(Instant::now() < deadline, "the search did not apply");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tab_to(&client, ".data-table tbody a[href*='province=']", 40).await;
    press(&client, &Key::Enter.to_string()).await;
    wait_for_text(&client, "main h1", "Da Nang").await;
    // Download its data: the Download menu, then the CSV.
    wait_for(
        &client,
        ".figure-tools .downloads summary",
        "a figure with downloads",
    )
    .await;
    client
        .execute(
            "window.__saved = [];
             const click = HTMLAnchorElement.prototype.click;
             HTMLAnchorElement.prototype.click = function () {
               if (this.download) { window.__saved.push(this.download); return; }
               return click.call(this);
             };",
            vec![],
        )
        .await
        .expect("watch downloads");
    tab_to(&client, ".figure-tools .downloads summary", 60).await;
    press(&client, &Key::Enter.to_string()).await;
    tab_to(&client, "button[data-download=csv]", 6).await;
    press(&client, &Key::Enter.to_string()).await;
    let saved = client
        .execute("return window.__saved", vec![])
        .await
        .expect("saved");
    let names: Vec<&str> = saved
        .as_array()
        .expect("list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(names.len() == 1 && names[0].ends_with(".csv"), "{names:?}");
    client.close().await.expect("close");
}
