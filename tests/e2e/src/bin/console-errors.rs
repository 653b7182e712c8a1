//! Opens a page in headless Chromium and lists what it logged to the
//! console as errors (a Content Security Policy violation is one); exits 1
//! if there is any. With `--reload FILE` it then writes FILE (a new file in
//! the folder the server watches; removed at the end) and waits for the
//! page to reload itself (a development server's live reload).
//! `scripts/serve.sh --check` runs it on the development server's page:
//!
//!     console-errors URL READY_CSS [--reload FILE]
//!
//! Needs `E2E_WEBDRIVER`, `E2E_CHROMIUM` and `E2E_CHROME_ARGS`, as the
//! end-to-end tests do.

use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use std::process::ExitCode;
use std::time::{Duration, Instant};
use tien_do_e2e::{session, SessionCommand};

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (url, ready, reload) = match &args[..] {
        [url, ready] => (url, ready, None),
        [url, ready, flag, file] if flag == "--reload" => (url, ready, Some(file)),
        _ => {
            eprintln!("usage: console-errors URL READY_CSS [--reload FILE]");
            return ExitCode::from(2);
        }
    };
    let c = session(
        json!({}),
        json!({ "goog:loggingPrefs": { "browser": "ALL" } }),
    )
    .await;
    c.goto(url).await.expect("the page opens");
    let mut errors = errors_logged(&c, ready).await;
    if let Some(file) = reload {
        c.execute("window.__beforeReload = true", vec![])
            .await
            .expect("marked");
        // A new file in the watched folder: the server rebuilds.
        std::fs::write(file, "live-reload check\n").unwrap_or_else(|e| panic!("{file}: {e}"));
        let deadline = Instant::now() + Duration::from_secs(600);
        loop {
            let marked = c
                .execute("return window.__beforeReload === true", vec![])
                .await;
            if matches!(marked, Ok(Value::Bool(false))) {
                println!("{url}: reloaded itself after {file} was written");
                errors += errors_logged(&c, ready).await;
                break;
            }
            if Instant::now() > deadline {
                eprintln!("{url}: did not reload within 600 s of {file} being written");
                errors += 1;
                break;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }
    c.close().await.ok();
    if let Some(file) = reload {
        let _ = std::fs::remove_file(file);
    }
    if errors > 0 {
        eprintln!("{url}: {errors} console error(s), listed above");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Waits for `ready` and for what runs after the first view (the
/// live-reload socket, the service worker 3 s after the start), prints
/// what the page logged since the last call and returns how many entries
/// were errors.
async fn errors_logged(c: &Client, ready: &str) -> usize {
    c.wait()
        .at_most(Duration::from_secs(60))
        .for_element(Locator::Css(ready))
        .await
        .unwrap_or_else(|e| panic!("no {ready} within 60 s: {e}"));
    tokio::time::sleep(Duration::from_secs(5)).await;
    let log = c
        .issue_cmd(SessionCommand::log("browser"))
        .await
        .expect("the browser log");
    let entries = log.as_array().cloned().unwrap_or_default();
    for e in &entries {
        println!("console {}: {}", e["level"], e["message"]);
    }
    entries.iter().filter(|e| e["level"] == "SEVERE").count()
}
