//! The "Copy link" button of the province page, in real Chromium, with the
//! clipboard allowed and then refused: each outcome checked on its own (a
//! test that accepts either passes when copying is broken).

use fantoccini::Client;
use serde_json::json;
use tien_do_e2e::{browser, click, site, text_of, wait_for_text, SessionCommand, WAIT};

const VIEW: &str = "?page=province&province=79&lang=en";

/// Opens the province page with the clipboard permissions set as given,
/// presses "Copy link" and returns what the page then says.
async fn copy_link(c: &Client, write: &'static str) -> String {
    c.goto(&site(VIEW)).await.expect("province page");
    for (name, state) in [("clipboard-write", write), ("clipboard-read", "granted")] {
        c.issue_cmd(SessionCommand::permission(name, state))
            .await
            .unwrap_or_else(|e| panic!("{name} {state}: {e}"));
    }
    wait_for_text(c, "main h1", "Ho Chi Minh").await;
    click(c, ".share-link button").await;
    for _ in 0..(WAIT.as_millis() / 100) {
        let status = text_of(c, ".share-status").await;
        if !status.is_empty() {
            return status;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the page said nothing within {WAIT:?} of \"Copy link\"");
}

/// Guards copying where the browser allows it: the reader is told "Link
/// copied" and the clipboard holds the view's address.
#[tokio::test]
async fn copy_link_puts_the_address_on_the_clipboard() {
    let c = browser(1280, 900).await;
    let status = copy_link(&c, "granted").await;
    assert_eq!(status, "Link copied");
    let copied = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             navigator.clipboard.readText().then(done, e => done('refused: ' + e));",
            vec![],
        )
        .await
        .expect("clipboard read");
    assert_eq!(copied, json!(site(VIEW)));
    c.close().await.expect("close");
}

/// Guards copying where the browser refuses: the reader is told so, and
/// the whole address is selected for copying by hand.
#[tokio::test]
async fn a_refused_copy_selects_the_address() {
    let c = browser(1280, 900).await;
    let status = copy_link(&c, "denied").await;
    assert!(status.starts_with("Could not copy"), "{status:?}");
    let selected = c
        .execute(
            "const i = document.querySelector('.share-link input');
             return [document.activeElement === i, i.selectionStart, i.selectionEnd, i.value.length];",
            vec![],
        )
        .await
        .expect("selection");
    let len = selected[3].clone();
    assert_eq!(selected, json!([true, 0, len, len]), "{selected}");
    assert!(len.as_u64().unwrap_or(0) > 0, "{selected}");
    c.close().await.expect("close");
}
