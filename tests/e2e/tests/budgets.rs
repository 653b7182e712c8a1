//! Budgets that hold: measured in real Chromium against the release site
//! over nginx (gzip), on every run of the test command. Each limit sits
//! close to what is measured, so that the regressions this project has
//! already had fail it (a seventh request, the favicon's; a map 4.2x as
//! slow at commune scale, the ranking's). An environment variable can
//! tighten a limit for one run, to see it fail; a looser value is ignored,
//! with a note.
//!
//! | budget | limit | measured (issue 14) |
//! |---|---:|---:|
//! | all the wasm the first view loads, gzip -9 | 216,000 B (`BUDGET_WASM_GZIP_BYTES`) | 215,625 B in session 17 (the imports' and the closures' names made short, `imports::shorten`); 219,803 B in session 16 (the boundaries decoded as they come, the data's values read when first used); 217,424 B in session 15 (216,578 B before the listeners of a page built again were dropped with it; the projection's cosine without libm's; 218,593 B in session 14, the overview without Leptos; 349,087 B in session 12; 374,917 B in session 11; 389,336 B in session 9; 381,904 B in session 7; 402,599 B before the data were read without serde's derived parser; 497,566 B with one build for every page) |
//! | all the wasm the map's embed page loads, gzip -9 | 146,100 B (`BUDGET_EMBED_MAP_WASM_GZIP_BYTES`; issue 14's goal 150,000 B) | 145,755 B in session 17 (the names made short); 149,425 B in session 16 (the values read when first used, the arcs read in one go); 147,704 B in session 15; 149,783 B in session 14; 149,514 B in session 12, without Leptos (277,021 B in session 9; 376,965 B with one embed build for every figure) |
//! | all the wasm a chart's embed page loads, gzip -9 | 111,500 to 135,400 B by kind (`BUDGET_EMBED_CHART_WASM_GZIP_BYTES` tightens all) | 111,163 to 135,091 B in session 17 (the names made short); 114,390 to 138,085 B in session 16 (the values read when first used); 113,742 to 137,283 B in session 12, one build a kind without Leptos, each chart recorded once on a scene (278,031 B in session 11 for one Leptos build of every kind) |
//! | all the wasm the map page loads, gzip -9 | 211,600 B (`BUDGET_MAP_PAGE_WASM_GZIP_BYTES`) | 211,194 B in session 17 (the names made short); 215,146 B in session 16; 212,927 B in session 15, the map page without Leptos (211,916 B before its listeners were dropped with each page built again; 417,407 B as a page of the site's build) |
//! | all the wasm the tasks page (any page but the overview and the map page) loads, gzip -9 | 400,800 B (`BUDGET_SITE_WASM_GZIP_BYTES`) | 400,399 B in session 17 (the names made short); 406,024 B in session 16; 402,921 B in session 15, without the map page; 417,407 B with it; 419,127 B in session 14, without the overview's pages (428,222 B in session 12; 438,414 B in session 11; 452,105 B in session 9; 445,327 B in session 7; 465,568 B with serde's parser) |
//! | requests for the first view | 6 (`BUDGET_FIRST_VIEW_REQUESTS`) | 6 |
//! | first map, 3,321 SYNTHETIC communes / 34 provinces, same run | 3.2 (`BUDGET_MAP_SCALE_RATIO`) | 2.0 to 2.5 (2.8 to 2.9 in session 4) |

use std::time::Duration;
use tien_do_e2e::{browser, budget, mark_in, mark_ms, median, site};

/// A page in a fresh browser: every request it made, with the bytes each
/// took on the wire, once `mark` is set (the page drew its figure) and the
/// network is quiet.
async fn requests_until(url: &str, mark: &str) -> Vec<(String, f64)> {
    let c = browser(1280, 900).await;
    c.goto(url).await.expect("page");
    mark_in(&c, mark).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let entries = c
        .execute(
            "const nav = performance.getEntriesByType('navigation')[0];
             return [[nav.name, nav.transferSize]].concat(
               performance.getEntriesByType('resource').map(e => [e.name, e.transferSize]));",
            vec![],
        )
        .await
        .expect("entries");
    c.close().await.ok();
    entries
        .as_array()
        .expect("list")
        .iter()
        .map(|e| {
            (
                e[0].as_str().unwrap_or_default().to_string(),
                e[1].as_f64().unwrap_or(0.0),
            )
        })
        .collect()
}

/// All the wasm a page loaded, gzipped at level 9 as a host would
/// precompress it: the same number on any server (nginx's default level 1
/// sends more, and its level depends on the set-up). Each file is named.
fn wasm_gzip_bytes(entries: &[(String, f64)]) -> (f64, Vec<String>) {
    let names: Vec<String> = entries
        .iter()
        .filter(|(n, _)| n.ends_with(".wasm"))
        .map(|(n, _)| n.rsplit('/').next().unwrap_or_default().to_string())
        .collect();
    assert!(!names.is_empty(), "the page loaded no wasm: {entries:?}");
    let total = names
        .iter()
        .map(|name| {
            let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../../dist/").to_string() + name;
            let gzipped = std::process::Command::new("sh")
                .args(["-c", "gzip -9 -c \"$0\" | wc -c", &file])
                .output()
                .expect("gzip runs");
            let bytes: f64 = String::from_utf8_lossy(&gzipped.stdout)
                .trim()
                .parse()
                .expect("a size");
            assert!(bytes > 50_000.0, "{file} was not measured");
            bytes
        })
        .sum();
    (total, names)
}

/// Guards the size and request budgets of the first view: the overview,
/// every request it makes until its map is drawn.
#[tokio::test]
async fn first_view_stays_within_its_size_and_request_budgets() {
    let entries = requests_until(&site(""), "tien-do:first-map").await;
    let (wasm, files) = wasm_gzip_bytes(&entries);
    let requests = entries.len() as f64;
    println!("first view: {requests} requests, wasm {wasm} B gzip -9 ({files:?})");
    // Measured 215,625 B (session 17, the imports' and the closures'
    // names made short by `tien-do-data embeds`); 219,803 B (session 16,
    // the boundaries decoded as they come, the values read when first
    // used); 217,424 B in session 15
    // (216,578 B with the projection's
    // cosine without libm's, then the listeners of a page built again
    // dropped with it; 218,593 B in session 14, the overview's build
    // without Leptos; 349,087 B with it in session 12); 0.2 % above.
    // Issue 14's goal is 300,000 B, its aim 250,000 B.
    let wasm_budget = budget("BUDGET_WASM_GZIP_BYTES", 216_000.0);
    assert!(
        wasm <= wasm_budget,
        "the first view loads {wasm} B of wasm gzipped ({files:?}), over its budget of {wasm_budget} B"
    );
    assert!(
        files.iter().all(|f| f.starts_with("tien-do-overview-")),
        "the first view loads the overview's build alone: {files:?}"
    );
    // Measured 6 (the page, its script, wasm and style sheet, the data and
    // the boundaries); no margin: the count does not vary, and one more
    // request is a regression to look at.
    let request_budget = budget("BUDGET_FIRST_VIEW_REQUESTS", 6.0);
    assert!(
        requests <= request_budget,
        "the first view made {requests} requests, over its budget of {request_budget}: {entries:?}"
    );
}

/// Guards the build's gzipped copies as a server sends them (nginx's
/// `gzip_static`, docs/headers.md): the first view's wasm, script, style
/// sheet and boundaries arrive as the `.gz` files the build wrote beside
/// them (`gzip -9`, not the server's per-request level), each as many
/// bytes on the wire as its copy and as many unpacked as its file; the
/// data, which has no copy, still compressed by the server.
#[tokio::test]
async fn the_first_view_s_build_files_arrive_as_their_gzip_copies() {
    let c = browser(1280, 900).await;
    c.goto(&site("?lang=en")).await.expect("page");
    mark_in(&c, "tien-do:first-map").await;
    let entries = c
        .execute(
            "return performance.getEntriesByType('resource')
               .map(e => [e.name, e.encodedBodySize, e.decodedBodySize]);",
            vec![],
        )
        .await
        .expect("entries");
    c.close().await.ok();
    let dist = concat!(env!("CARGO_MANIFEST_DIR"), "/../../dist/");
    let base = tien_do_e2e::base_url();
    let mut copies = Vec::new();
    let mut data = None;
    for e in entries.as_array().expect("list") {
        let url = e[0].as_str().unwrap_or_default();
        let Some(rel) = url
            .strip_prefix(&base)
            .map(|r| r.split('?').next().unwrap_or(r))
        else {
            continue;
        };
        let (wire, unpacked) = (e[1].as_u64().unwrap_or(0), e[2].as_u64().unwrap_or(0));
        if rel == "data/progress.json" {
            data = Some((wire, unpacked));
            continue;
        }
        let Ok(copy) = std::fs::metadata(format!("{dist}{rel}.gz")) else {
            continue;
        };
        let file = std::fs::metadata(format!("{dist}{rel}"))
            .expect("the file")
            .len();
        assert_eq!(
            (wire, unpacked),
            (copy.len(), file),
            "{rel}: on the wire and unpacked, against its gzip copy and itself"
        );
        copies.push(rel.to_string());
    }
    println!("sent as their gzip copies: {copies:?}");
    for kind in ["_bg.wasm", ".js", ".css", ".topo.json"] {
        assert!(
            copies.iter().any(|c| c.ends_with(kind)),
            "no {kind} file sent as its copy: {copies:?}"
        );
    }
    let (wire, unpacked) = data.expect("the data was fetched");
    assert!(
        wire > 0 && wire < unpacked / 2,
        "the data, compressed: {wire} of {unpacked} B"
    );
}

/// The build a wasm file belongs to: `tien-do-embed-map` for
/// `tien-do-embed-map-3de666dc480bba21_bg.wasm`.
fn build_of(file: &str) -> &str {
    let stem = file.strip_suffix("_bg.wasm").unwrap_or(file);
    stem.rsplit_once('-').map_or(stem, |(build, _)| build)
}

/// Guards the size of each page's build: the map's embed page, as a
/// newsroom's reader loads it, with the wasm of the map's embed build
/// alone; each chart's embed page with its own kind's build alone (none
/// carries another figure's code); the map page with the whole site's
/// build.
#[tokio::test]
async fn each_build_stays_within_its_size_budget() {
    let mut over = Vec::new();
    let mut pages = vec![(
        "embed-map.html?lang=en".to_string(),
        "tien-do:first-map",
        "tien-do-embed-map".to_string(),
        "BUDGET_EMBED_MAP_WASM_GZIP_BYTES",
        // Measured 145,755 B (session 17, the imports' and the closures'
        // names made short by `tien-do-data embeds`); 149,425 B (session
        // 16, the data's values read when first used and the arcs'
        // positions read in one go; 147,704 B in
        // session 15, the projection's cosine without libm's; 149,783 B
        // in session 14, the map figure shared with the overview; 149,514
        // B in session 12, without Leptos; 277,021 B with it): 0.2 %
        // above. Issue 14's goal is 150,000 B.
        146_100.0,
    )];
    // Each kind's build alone, under issue 14's 150,000 B. Measured in
    // session 17 (the names made short: 3.1 to 3.3 KB less than session
    // 16's; session 16: the data's values read when first used, 500 to 800 B
    // more than session 12's, one build a kind without Leptos, each chart
    // recorded once on a scene; 278,031 B for the one Leptos build of
    // every kind in session 11), each limit about 0.25 % above; the
    // variable tightens them all. A province's figures are embedded with
    // their province.
    for (figure, view, measured) in [
        ("ranking", "", 131_500.0),             // 131,197 B
        ("trend", "&province=01", 135_400.0),   // 135,091 B
        ("pillars", "&province=01", 124_800.0), // 124,452 B
        ("tasks", "", 123_300.0),               // 122,937 B
        ("targets", "", 111_500.0),             // 111,163 B
    ] {
        pages.push((
            format!("embed-{figure}.html?lang=en{view}"),
            "tien-do:first-chart",
            format!("tien-do-embed-{figure}"),
            "BUDGET_EMBED_CHART_WASM_GZIP_BYTES",
            measured,
        ));
    }
    pages.push((
        "?page=map&lang=en".to_string(),
        "tien-do:first-map",
        "tien-do-map".to_string(),
        "BUDGET_MAP_PAGE_WASM_GZIP_BYTES",
        // Measured 211,194 B (session 17, the names made short); 215,146
        // B (session 16, the boundaries decoded as they come and the
        // values read when first used; 212,927 B in session
        // 15, the map page built without Leptos, its listeners dropped
        // with each page built again; 417,407 B as the Leptos site's
        // page); 0.2 % above.
        211_600.0,
    ));
    pages.push((
        "?page=tasks&lang=en".to_string(),
        "tien-do:first-chart",
        "tien-do".to_string(),
        "BUDGET_SITE_WASM_GZIP_BYTES",
        // Measured 400,399 B (session 17, the names made short); 406,024
        // B (session 16, the boundaries decoded as they come and the
        // values read when first used; 402,921 B in session
        // 15, every page but the overview and the map page; 417,407 B
        // with the map page, 419,127 B in session 14, 428,222 B with the
        // overview in session 12); 0.1 % above.
        400_800.0,
    ));
    for (page, mark, build, var, measured) in pages {
        let build = build.as_str();
        let entries = requests_until(&site(&page), mark).await;
        let (wasm, files) = wasm_gzip_bytes(&entries);
        println!("{page}: wasm {wasm} B gzip -9 ({files:?})");
        assert!(
            !files.is_empty() && files.iter().all(|f| build_of(f) == build),
            "{page} loads its own build ({build}) alone: {files:?}"
        );
        let limit = budget(var, measured);
        if wasm > limit {
            over.push(format!(
                "{page} loads {wasm} B of wasm gzipped ({files:?}), over its budget of {limit} B"
            ));
        }
    }
    assert!(over.is_empty(), "{}", over.join("; "));
}

/// When a fresh page first drew its map (ms from navigation).
async fn first_map_ms(query: &str) -> f64 {
    mark_ms(&site(query), "tien-do:first-map").await
}

/// Guards the map's scaling: the 3,321-unit SYNTHETIC commune layer may
/// take its first map at most so many times as long as the 34 provinces,
/// both measured in this run on this machine (a ratio, so a slow machine
/// or a busy CI runner does not fail it).
#[tokio::test]
async fn the_commune_map_scales_within_its_budget() {
    let mut small = Vec::new();
    let mut large = Vec::new();
    for _ in 0..3 {
        small.push(first_map_ms("?page=map&lang=en").await);
        large.push(first_map_ms("?page=map&lang=en&data=../bench/synthetic-communes.json").await);
    }
    let (small, large) = (median(small), median(large));
    let ratio = large / small;
    println!("first map: {small:.0} ms (34), {large:.0} ms (3,321 SYNTHETIC): {ratio:.2}x");
    // Measured 2.0x to 2.5x (2.8x to 2.9x in session 4); 10 % above the
    // highest, below the 4.2x of the ranking's regression.
    let limit = budget("BUDGET_MAP_SCALE_RATIO", 3.2);
    assert!(
        ratio <= limit,
        "first map: {large:.0} ms at 3,321 units vs {small:.0} ms at 34: {ratio:.2}x, over the budget of {limit}x"
    );
}
