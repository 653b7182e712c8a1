//! The commune layer's speed on the REAL commune boundaries: the 3,321
//! communes of 1 July 2025 from the site's own official file
//! (`geo/vn-communes-2025.topo.json`), with SYNTHETIC values
//! (`target/bench/synthetic-communes-official.json`, written by
//! `tien-do-data synthetic`: the built-in set `vn-commune-2025`, no
//! boundary file of its own). Only the values are made up; the shapes, and
//! so the drawing and the hit-testing, are the real ones.
//!
//! Two budgets, measured in this run on this machine:
//!
//! - hover: a pointer move on the canvas until the highlight is drawn
//!   (the `tien-do:map-draw:end` mark that follows), over many moves at
//!   pseudo-random points of the map. Its 95th percentile within one frame
//!   at 60 Hz (16 ms) is the goal, and is the budget of the 95th
//!   percentile: on a loaded machine a few moves wait for a busy core, so
//!   a tail budget near what a quiet run measures fails for no fault of
//!   the code (CI measured p95 8.5 ms with a median of 3.1 ms, against 1.8
//!   to 3.1 ms here). The median is steady under load and is held close:
//!   a hover that redraws the whole map (27 to 40 ms) fails both;
//! - the first map on screen against a D3 page: the app's time from
//!   navigation until the map is shown (`tien-do:first-map-shown`) over
//!   that of a plain D3 + TopoJSON SVG page drawing the same commune file
//!   with the same classes and colours (`bench/d3-peer/`,
//!   `peer:first-map-shown`), in fresh sessions taken in turn, so that the
//!   ratio does not depend on the machine's speed. The goal is
//!   0.6x; the budget holds what is measured, close above it, so that the
//!   app does not fall further behind.
//!
//! An environment variable can tighten a limit for one run, to see it
//! fail; a looser value is ignored, with a note.
//!
//! | budget | limit | measured (14 runs of this test; the benchmark's 200 moves and 5 pairs) |
//! |---|---:|---:|
//! | hover update, median of 150 moves | 6 ms (`BUDGET_COMMUNE_HOVER_MEDIAN_MS`) | median 1.2 to 1.5 ms in session 6, 2.3 to 3.3 ms in session 7 (a slower day), 3.1 ms in a CI run; bench 1.5 and 2.5 ms |
//! | hover update, 95th percentile of 150 moves | 16 ms (`BUDGET_COMMUNE_HOVER_P95_MS`; the goal) | p95 1.8 to 3.1 ms here (max 3.0 to 54 ms), 8.5 ms in a CI run; bench 2.1 to 2.7 ms |
//! | first map shown, app / D3 peer, 3,321 official communes, SYNTHETIC values | 1.25 (`BUDGET_D3_RATIO_OFFICIAL_COMMUNES`; the goal 0.6) | session 7 (the core's own JSON reader, bodies read as bytes): 0.97, 1.01, 1.02, 0.96; bench 0.97 and 0.90. Session 6: median 1.11, mostly 1.04 to 1.17 (1.26 and 1.30 at a load average of 9 on 2 cores) |
//!
//! Measured on 2 cores while other builds and tests ran (load average 4
//! to 10): the app 1,020 to 1,270 ms and the peer 870 to 1,120 ms (medians
//! of 5); the app's whole-map draw (`tien-do:map-base`) about 40 ms. At
//! this address the data chooses the commune level (`level=commune` is not
//! asked for), and the app draws no provinces' borders over the communes;
//! nor does the peer (it draws them with `&level=commune`, as the app).

use std::time::Duration;
use tien_do_e2e::map::hover_latencies;
use tien_do_e2e::{
    browser, budget, first_maps_in_turn, mark_in, median, peer, screenshot, site, PEER_MAP_SHOWN,
};

/// The app's map of the official communes with the SYNTHETIC values.
const APP: &str = "?page=map&lang=en&data=../bench/synthetic-communes-official.json";
/// The D3 peer drawing the same.
const PEER: &str = "?data=/bench/synthetic-communes-official.json";
/// Pointer moves timed.
const HOVERS: usize = 150;

/// The `p`-th percentile (nearest rank).
fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

/// Guards the hover on the real commune boundaries (3,321 units, the
/// provinces' borders over them): a slower hit-test or highlight, or a
/// hover that redraws the whole map, fails it; and the first map against
/// a plain D3 page drawing the same file: a larger wasm, a fetch or a
/// parse added before the commune map, or a slower draw fails it, whatever
/// the machine's speed. One test, so that the two measures do not run at
/// the same time and slow each other.
#[tokio::test]
async fn the_official_commune_map_keeps_its_hover_and_its_ratio_to_a_d3_page() {
    // Hover, in one session once the map (and the provinces' borders over
    // it) is drawn.
    let c = browser(1280, 1400).await;
    c.goto(&site(APP)).await.expect("navigates");
    mark_in(&c, "tien-do:first-map").await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    screenshot(&c, "commune-speed-app-official-synthetic").await;
    let h = hover_latencies(&c, HOVERS).await;
    c.close().await.ok();
    assert!(
        h.len() >= HOVERS * 2 / 3,
        "only {} of {HOVERS} pointer moves redrew the highlight",
        h.len()
    );
    let (hover_median, hover_p95, hover_max) = (
        median(h.clone()),
        percentile(h.clone(), 95.0),
        h.iter().copied().fold(f64::NAN, f64::max),
    );
    println!(
        "hover on 3,321 official communes (SYNTHETIC values), {} moves: median {hover_median:.1} ms, p95 {hover_p95:.1} ms, max {hover_max:.1} ms",
        h.len()
    );

    // The first map shown, app and peer, 5 pairs of fresh sessions taken
    // in turn (app, peer, app, ...).
    let (app, d3) = first_maps_in_turn(APP, PEER, 5).await;
    println!("first map shown, app: {app:.0?} ms; peer: {d3:.0?} ms");
    let (app, d3) = (median(app), median(d3));
    let ratio = app / d3;
    println!(
        "first map shown on 3,321 official communes (SYNTHETIC values), app / D3 peer: {app:.0} / {d3:.0} ms = {ratio:.2}x"
    );
    let p = browser(1280, 1400).await;
    p.goto(&peer(PEER)).await.expect("navigates");
    mark_in(&p, PEER_MAP_SHOWN).await;
    screenshot(&p, "commune-speed-peer-official-synthetic").await;
    p.close().await.ok();

    // Median measured 1.2 to 3.3 ms here and 3.1 ms in a loaded CI run;
    // a whole-map redraw per move is 27 to 59 ms.
    let median_limit = budget("BUDGET_COMMUNE_HOVER_MEDIAN_MS", 6.0);
    // The goal, one frame at 60 Hz (p95 1.8 to 3.1 ms here, 8.5 ms
    // in a loaded CI run, where a 6 ms budget failed with a 3.1 ms median).
    let hover_limit = budget("BUDGET_COMMUNE_HOVER_P95_MS", 16.0);
    // Measured 0.90x to 1.02x since the core reads the data and the
    // boundaries itself (1.11x before, 1.04x to 1.30x); about 25 % above
    // the median, as load on a 2-core machine moved this ratio by up to
    // 17 % in session 6. The goal is 0.6x.
    let ratio_limit = budget("BUDGET_D3_RATIO_OFFICIAL_COMMUNES", 1.25);
    // Both checked before failing, so that a failure names every measure
    // over its budget.
    let mut over = Vec::new();
    if hover_median > median_limit {
        over.push(format!(
            "hover on 3,321 official communes (SYNTHETIC values): median {hover_median:.1} ms over {} moves (p95 {hover_p95:.1} ms), over the budget of {median_limit} ms",
            h.len()
        ));
    }
    if hover_p95 > hover_limit {
        over.push(format!(
            "hover on 3,321 official communes (SYNTHETIC values): p95 {hover_p95:.1} ms over {} moves (median {hover_median:.1} ms, max {hover_max:.1} ms), over the budget of {hover_limit} ms",
            h.len()
        ));
    }
    if ratio > ratio_limit {
        over.push(format!(
            "first map shown on 3,321 official communes (SYNTHETIC values): app {app:.0} ms, D3 peer {d3:.0} ms: {ratio:.2}x, over the budget of {ratio_limit}x"
        ));
    }
    assert!(over.is_empty(), "{}", over.join("; "));
}
