//! Safety of the built site in real Chromium: its Content Security Policy
//! is in force from the page's own `<meta>` (an inline script put into the
//! page does not run), a broken policy is reported where the policy is
//! also sent as a header, and the integrity hashes of its assets match the
//! files served. (Hostile data is tests/e2e/tests/hostile.rs; the whole
//! end-to-end run is also served with the policy as a reporting header,
//! and the test command fails on any report.)

use fantoccini::Client;
use serde_json::Value;
use tien_do_e2e::{browser, site, wait_for};

/// The site at the location whose violation reports go to a log of their
/// own (this test breaks the policy on purpose; the test command then
/// checks that its report arrived).
fn probe(query: &str) -> String {
    site(query).replace("/tien-do/", "/tien-do-probe/")
}

/// The site served with no policy header: the page's own `<meta>` policy
/// alone, as readers of most hosts get it.
fn meta_only(query: &str) -> String {
    site(query).replace("/tien-do/", "/tien-do-meta/")
}

/// Puts an inline script into the page, as an XSS would. Returns the
/// directive the browser reported it broke (or "no violation") and
/// whether the script did not run.
async fn inject_script(c: &Client) -> Value {
    c.execute_async(
        "const done = arguments[arguments.length - 1];
         document.addEventListener('securitypolicyviolation',
           e => done([e.violatedDirective, window.__ran === undefined]));
         const s = document.createElement('script');
         s.textContent = 'window.__ran = true';
         document.head.append(s);
         setTimeout(() => done(['no violation', window.__ran === undefined]), 3000);",
        vec![],
    )
    .await
    .expect("script")
}

/// Guards the policy readers rely on, the page's `<meta>` (most hosts
/// send no policy header): served without one, a script injected into the
/// page (as an XSS would) is refused and the refusal is seen by the page;
/// the app itself runs.
#[tokio::test]
async fn injected_inline_script_does_not_run_under_the_meta_policy() {
    let c = browser(1280, 900).await;
    c.goto(&meta_only("?lang=en")).await.expect("site");
    let header = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(location.href).then(r => done(r.headers.get('content-security-policy')),
                                       e => done(String(e)));",
            vec![],
        )
        .await
        .expect("header");
    assert_eq!(header, Value::Null, "served with a policy header");
    wait_for(&c, ".task-counts", "the app runs under its policy").await;
    let got = inject_script(&c).await;
    assert_eq!(got[1], Value::Bool(true), "the injected script ran: {got}");
    assert!(
        got[0]
            .as_str()
            .unwrap_or_default()
            .starts_with("script-src"),
        "no violation seen: {got}"
    );
    let meta = c
        .execute(
            "const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]');
             return m ? m.content : null;",
            vec![],
        )
        .await
        .expect("meta");
    let policy = meta.as_str().expect("the page carries its policy");
    assert!(
        policy.contains("'wasm-unsafe-eval'") && policy.contains("object-src 'none'"),
        "{policy}"
    );
    c.close().await.expect("close");
}

/// Guards the reports the test command relies on: with the policy sent
/// as a reporting header, a broken policy is reported (the test command
/// then checks that this report arrived, so that no report from the rest
/// of the run means no violation).
#[tokio::test]
async fn a_broken_policy_is_reported() {
    let c = browser(1280, 900).await;
    c.goto(&probe("?lang=en")).await.expect("site");
    wait_for(&c, ".task-counts", "the app runs under its policy").await;
    let got = inject_script(&c).await;
    assert_eq!(got[1], Value::Bool(true), "the injected script ran: {got}");
    // The report is sent after the event; give it time to leave.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    c.close().await.expect("close");
}

/// Guards Subresource Integrity: every asset the page names with an
/// `integrity` hash (the style sheet in the page; the script and the
/// WebAssembly of each build of the app, in the loader's table,
/// `window.tienDoBuilds`) is served with exactly that SHA-384.
#[tokio::test]
async fn asset_integrity_hashes_match_the_files() {
    let c = browser(1280, 900).await;
    c.goto(&site("?lang=en")).await.expect("site");
    let got = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             (async () => {
               const html = await (await fetch(location.pathname)).text();
               const doc = new DOMParser().parseFromString(html, 'text/html');
               const out = [];
               const named = [...doc.querySelectorAll('[integrity]')].map(el =>
                 [el.getAttribute('href') || el.getAttribute('src'), el.getAttribute('integrity')]);
               for (const b of Object.values(window.tienDoBuilds || {})) {
                 named.push([b.js, b.sri[0]], [b.wasm, b.sri[1]]);
               }
               for (const [url, integrity] of named) {
                 const bytes = await (await fetch(url)).arrayBuffer();
                 const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
                 const b64 = btoa(String.fromCharCode(...digest));
                 out.push([url, integrity, 'sha384-' + b64]);
               }
               done(out);
             })().catch(e => done(String(e)));",
            vec![],
        )
        .await
        .expect("hashes");
    let assets = got.as_array().unwrap_or_else(|| panic!("{got}"));
    let kinds = ["css", "js", "wasm"];
    // The eight builds: the site's, the overview's and each embed page's.
    for build in [
        "tien-do-",
        "tien-do-overview-",
        "tien-do-embed-map-",
        "tien-do-embed-ranking-",
        "tien-do-embed-trend-",
        "tien-do-embed-pillars-",
        "tien-do-embed-tasks-",
        "tien-do-embed-targets-",
    ] {
        assert!(
            assets.iter().any(|a| a[0]
                .as_str()
                .unwrap_or_default()
                .starts_with(&format!("./{build}"))),
            "no {build} build with an integrity hash: {got}"
        );
    }
    for kind in kinds {
        assert!(
            assets
                .iter()
                .any(|a| a[0].as_str().unwrap_or_default().ends_with(kind)),
            "no {kind} with an integrity hash: {got}"
        );
    }
    for a in assets {
        assert_eq!(a[1], a[2], "{} does not match its integrity hash", a[0]);
    }
    c.close().await.expect("close");
}
