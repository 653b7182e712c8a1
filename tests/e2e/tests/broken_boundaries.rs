//! End-to-end: a broken boundary file, as a publisher's commune layer or a
//! damaged copy of the shipped ones can be. The map says that its boundary
//! file is at fault (not the data), in the reader's language, and gives
//! the publisher the place where the file really breaks.

use serde_json::Value;
use tien_do_e2e::{browser, site, text_of, wait_for_text};

/// The demo data with every unit set's boundaries in
/// `tests/fixtures/broken-boundaries.topo.json` (cut off at line 7),
/// written where the test server serves it (`/bench/`).
fn data_with_broken_boundaries() -> &'static str {
    let root = format!("{}/../..", env!("CARGO_MANIFEST_DIR"));
    let demo = std::fs::read_to_string(format!("{root}/public/data/progress.json"))
        .expect("the demo data");
    let mut d: Value = serde_json::from_str(&demo).expect("demo JSON");
    for set in d["unit_sets"].as_array_mut().unwrap() {
        set["boundaries"] = "../fixtures/broken-boundaries.topo.json".into();
    }
    let dir = format!("{root}/target/bench");
    std::fs::create_dir_all(&dir).expect("bench folder");
    std::fs::write(format!("{dir}/broken-boundaries.json"), d.to_string()).expect("written");
    "../bench/broken-boundaries.json"
}

/// Guards the message of a broken boundary file: the map could not be
/// drawn, its boundary file is at fault, in both languages (never "the
/// data file" at a made-up line 1, column 1); the technical detail names
/// the real place (line 7) and the address shown is the boundary file's.
#[tokio::test]
async fn a_broken_boundary_file_is_named_as_such() {
    let data = data_with_broken_boundaries();
    let c = browser(1280, 900).await;
    for (lang, title, says) in [
        ("en", "The map could not be drawn", "boundary file"),
        ("vi", "Không vẽ được bản đồ", "tệp ranh giới"),
    ] {
        c.goto(&site(&format!("?page=map&lang={lang}&data={data}")))
            .await
            .expect("map page");
        let message = wait_for_text(&c, ".load-error .error-message", says).await;
        assert!(
            !message.contains("line 1, column 1") && !message.contains("dòng 1"),
            "{message}"
        );
        let detail = c
            .execute(
                "return document.querySelector('.load-error .error-detail code').textContent",
                vec![],
            )
            .await
            .expect("detail");
        assert!(
            detail.as_str().unwrap_or_default().contains("line 7"),
            "{detail}"
        );
        assert_eq!(text_of(&c, ".load-error h1").await, title);
        let url = text_of(&c, ".load-error .error-url").await;
        assert!(url.contains("broken-boundaries.topo.json"), "{url}");
    }
    c.close().await.expect("close");
}
