//! The first map against a D3 peer: a plain D3 + TopoJSON SVG page
//! (`bench/d3-peer/`, served beside the site by the same nginx) drawing the
//! same boundary file with the same classes and colours. Both are timed in
//! this run on this machine, in fresh sessions taken in turn, from
//! navigation until the map is on screen (the marks set after the frame
//! that shows it), so the ratio app / peer does not depend on the machine's
//! speed. The goal is at most 1.0x at 34 provinces and 0.6x at
//! 3,321 units; these budgets hold what is measured, close above it, so
//! that the app does not fall further behind a plain D3 page. An
//! environment variable can tighten a limit for one run, to see it fail; a
//! looser value is ignored, with a note.
//!
//! | budget | limit | measured (17 runs of this test; 5-pair medians of the benchmark) |
//! |---|---:|---:|
//! | first map shown, app / D3 peer, 34 provinces | 1.8 (`BUDGET_D3_RATIO_PROVINCES`; 2.0 until session 16, 2.4 until session 15, 2.6 until session 9) | session 16 (the values read when first used): 1.27 (test), bench 1.26; session 15 (the map page without Leptos): 1.36, 1.61 (test), bench 1.34; session 9 (the early data taken in the task the app starts in): 1.59 (test), 1.76 (bench, machine slowed). Before: median 2.14, mostly 1.8 to 2.4 (extremes 1.41 and 3.64 under load); bench 1.8 to 2.5 |
//! | first map shown on the first view (the overview), app / D3 peer, 34 provinces | 1.9 (`BUDGET_D3_RATIO_FIRST_VIEW`) | session 16: 1.32 (test), bench 1.75 (its peer at 162 ms, the fastest yet); session 14 (the overview without Leptos): 1.57 (test) |
//! | first map shown, app / D3 peer, 3,321 SYNTHETIC communes | 0.9 (`BUDGET_D3_RATIO_COMMUNES`; 0.95 until session 16, 1.1 until session 15) | session 16 (the values read when first used, the boundaries decoded as they come): 0.71 (test), bench 0.74; session 15 (the map page without Leptos): 0.74 twice (test), bench 0.73; session 9 (the codes shared, leaner decoding): 0.84, 0.88 (test), bench 0.76. Session 8 (the data fetched early, the boundaries asked for with the map's view, the check after the map): 0.82 (7 pairs), bench 0.85. Session 7: 0.94, 0.95; bench 1.00 twice. Session 6: median 1.23, 1.03 to 1.44 |
//!
//! Measured on 2 cores while other builds ran (load average 1 to 15): the
//! app 310 to 610 ms and the peer 140 to 300 ms at 34 provinces; the app
//! 790 to 1,230 ms and the peer 630 to 1,030 ms at 3,321 units. The peer
//! spends 60 to 100 ms of its time at 3,321 units rewinding the SYNTHETIC
//! file's rings for d3-geo (see `bench/d3-peer/peer.js`). The ratio at 34
//! is the noisier: the peer's time is short, and the app's is mostly its
//! wasm's start.

use tien_do_e2e::{budget, first_maps_in_turn, median};

/// The medians of 5 pairs of fresh sessions taken in turn (app, peer,
/// app, ...): the app's time to its first map shown, the peer's.
async fn pairs(app_query: &str, peer_query: &str) -> (f64, f64) {
    let (app, d3) = first_maps_in_turn(app_query, peer_query, 5).await;
    (median(app), median(d3))
}

/// Guards the app's time to first map against a plain D3 page drawing the
/// same map, at 34 provinces and at the SYNTHETIC 3,321-unit layer: a
/// slower start (a larger wasm, a fetch or a parse added before the map, a
/// slower draw) that a D3 page would not have fails it, whatever the
/// machine's speed.
#[tokio::test]
async fn the_first_map_keeps_its_ratio_to_a_d3_page() {
    let (app34, peer34) = pairs("?page=map&lang=en", "").await;
    let (app3321, peer3321) = pairs(
        "?page=map&lang=en&data=../bench/synthetic-communes.json",
        "?data=/bench/synthetic-communes.json",
    )
    .await;
    // The first view: the overview (built without Leptos) opens on the
    // same map as the map page, above the national figures.
    let (app_fv, peer_fv) = pairs("?lang=en", "").await;
    let (r34, r3321, r_fv) = (app34 / peer34, app3321 / peer3321, app_fv / peer_fv);
    println!(
        "first map shown, app / D3 peer: {app34:.0} / {peer34:.0} ms = {r34:.2}x (34), \
         {app3321:.0} / {peer3321:.0} ms = {r3321:.2}x (3,321 SYNTHETIC), \
         {app_fv:.0} / {peer_fv:.0} ms = {r_fv:.2}x (34, the first view)"
    );
    // Measured 2.14x (median), mostly 1.8x to 2.4x; about 10 % above
    // that. The goal is 1.0x.
    // Session 15, the map page without Leptos: 1.36x and 1.61x (test),
    // 1.34x (bench); about 25 % above the higher, for the noise of the
    // short times at 34 provinces.
    let limit34 = budget("BUDGET_D3_RATIO_PROVINCES", 1.8);
    // Measured 0.82x to 0.85x in session 8 (0.94x to 1.00x in session 7);
    // about 30 % above, for the noise of a loaded machine (session 6 saw
    // 1.03x to 1.44x around a median of 1.23x). The goal is 0.6x.
    // Session 15, the map page without Leptos: 0.74x twice (test), 0.73x
    // (bench); about 30 % above.
    let limit3321 = budget("BUDGET_D3_RATIO_COMMUNES", 0.9);
    // Measured 1.57x in session 14 (the overview without Leptos: 306 /
    // 195 ms); about 20 % above, for the noise of the short times at 34
    // provinces (the map page's ratio went from 1.51x to 1.91x between
    // two benchmarks of one session). The goal is 1.0x.
    let limit_fv = budget("BUDGET_D3_RATIO_FIRST_VIEW", 1.9);
    // All checked before failing, so that a failure names every ratio
    // over its budget.
    let mut over = Vec::new();
    if r_fv > limit_fv {
        over.push(format!(
            "first map shown on the first view (the overview) at 34 provinces: app {app_fv:.0} ms, D3 peer {peer_fv:.0} ms: {r_fv:.2}x, over the budget of {limit_fv}x"
        ));
    }
    if r34 > limit34 {
        over.push(format!(
            "first map shown at 34 provinces: app {app34:.0} ms, D3 peer {peer34:.0} ms: {r34:.2}x, over the budget of {limit34}x"
        ));
    }
    if r3321 > limit3321 {
        over.push(format!(
            "first map shown at 3,321 SYNTHETIC units: app {app3321:.0} ms, D3 peer {peer3321:.0} ms: {r3321:.2}x, over the budget of {limit3321}x"
        ));
    }
    assert!(over.is_empty(), "{}", over.join("; "));
}
