//! The helpers the other end-to-end tests lean on (tests/e2e/src/lib.rs):
//! a wait that returns before what it waits for has come would let those
//! tests pass without checking anything.

use std::time::{Duration, Instant};
use tien_do_e2e::{browser, number_in, rows_shown_exactly, site, wait_for_text};

/// Guards `wait_for_text`: with an empty needle it waits for the element
/// to exist (it used to return at once, the empty text of no element
/// holding the empty needle).
#[tokio::test]
async fn wait_for_text_waits_for_the_element() {
    let c = browser(1280, 900).await;
    c.goto(&site("?lang=en")).await.expect("site");
    c.execute(
        "setTimeout(() => {
           const p = document.createElement('p');
           p.className = 'arrives-late';
           document.body.append(p);
         }, 1500);",
        vec![],
    )
    .await
    .expect("planted");
    let start = Instant::now();
    wait_for_text(&c, ".arrives-late", "").await;
    assert!(
        start.elapsed() >= Duration::from_millis(1000),
        "returned after {:?}, before the element existed",
        start.elapsed()
    );
    c.close().await.expect("close");
}

/// Guards `rows_shown_exactly`: a count is read as the whole number shown
/// (22 is not accepted where 223 rows are shown, though "223" holds "22").
#[tokio::test]
async fn rows_shown_exactly_reads_the_whole_count() {
    let c = browser(1280, 900).await;
    c.goto(&site("?page=data&q=tp.hcm&lang=en"))
        .await
        .expect("data page");
    rows_shown_exactly(&c, 12).await;
    c.goto(&site("?page=data&indicator=dti&lang=en"))
        .await
        .expect("data page");
    wait_for_text(&c, ".data-table tbody", "Ha Noi").await;
    let n = number_in(&c, ".row-count strong").await.expect("a count");
    assert!(n >= 100, "{n} rows");
    rows_shown_exactly(&c, n).await;
    let prefix = n / 10;
    let wrong = tokio::time::timeout(Duration::from_secs(2), rows_shown_exactly(&c, prefix)).await;
    assert!(wrong.is_err(), "{prefix} rows accepted where {n} are shown");
    c.close().await.expect("close");
}
