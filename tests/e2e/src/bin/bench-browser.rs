//! Browser benchmark: the release site in headless Chromium, over nginx on
//! the loopback. For the demo data and the SYNTHETIC commune-scale file,
//! it reports the app's own measures (parse and validate, in wasm), the time
//! from navigation until the data is ready, and the JS heap. Then the map,
//! for the 34 provinces, the SYNTHETIC layer of 3,321 made-up communes, and
//! the 3,321 official communes (the site's real commune boundaries) with
//! SYNTHETIC values: time from navigation to the first map drawn and shown,
//! the time to draw the whole map once, hover update latency (pointer event
//! dispatched → highlight drawn; median, 95th percentile, max) and
//! indicator switch latency (change event → new map drawn). Then the same
//! first maps against a D3 peer: a plain D3 + TopoJSON SVG page
//! (`bench/d3-peer/`) drawing the same boundary file with the same colours,
//! served by the same nginx, in fresh sessions taken in turn with the
//! app's, and the ratio app / peer of the times until each map is on
//! screen. Run through `scripts/bench.sh`, which builds and serves
//! everything.

use serde_json::{json, Map, Value};
use std::time::Duration;
use tien_do_e2e::{browser, mark_ms, median, peer, site, APP_MAP_SHOWN, PEER_MAP_SHOWN};

/// Where the run's numbers go, as JSON, for `scripts/bench.sh` to add to
/// the history (`docs/bench-history.jsonl`).
const SUMMARY: &str = "target/bench/browser-summary.json";

const RUNS: usize = 5;

/// The app's map of the 3,321 official communes with SYNTHETIC values
/// (`tien-do-data synthetic`'s `synthetic-communes-official.json`, on the
/// built-in set, drawn on the site's own commune file), and the D3 peer's.
const OFFICIAL_LABEL: &str = "3,321 official communes, SYNTHETIC values";
const OFFICIAL_APP: &str = "?page=map&lang=en&data=../bench/synthetic-communes-official.json";
const OFFICIAL_PEER: &str = "?data=/bench/synthetic-communes-official.json";

struct Run {
    parse_ms: f64,
    validate_ms: f64,
    ready_ms: f64,
    heap_mb: f64,
}

async fn one(query: &str) -> Run {
    let c = browser(1280, 900).await;
    c.goto(&site(query)).await.expect("navigates");
    let script = "const v = performance.getEntriesByName('tien-do:validate')[0];
        const p = performance.getEntriesByName('tien-do:parse')[0];
        if (!v || !p || !document.querySelector('main h1')) return null;
        return [p.duration, v.duration, v.startTime + v.duration,
                performance.memory ? performance.memory.usedJSHeapSize / 1e6 : -1];";
    for _ in 0..600 {
        let got = c.execute(script, vec![]).await.expect("script runs");
        if let Some(a) = got.as_array() {
            let n = |i: usize| a[i].as_f64().unwrap_or(f64::NAN);
            let run = Run {
                parse_ms: n(0),
                validate_ms: n(1),
                ready_ms: n(2),
                heap_mb: n(3),
            };
            c.close().await.ok();
            return run;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the data did not load within 30 s for {query}");
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::NAN, f64::max)
}

/// The `p`-th percentile (nearest rank); NaN for no samples.
fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v.get(rank.clamp(1, v.len().max(1)) - 1)
        .copied()
        .unwrap_or(f64::NAN)
}

/// Polls `script` until it returns a number.
async fn number(c: &fantoccini::Client, script: &str, what: &str) -> f64 {
    for _ in 0..600 {
        let got = c.execute(script, vec![]).await.expect("script runs");
        if let Some(n) = got.as_f64() {
            return n;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no {what} within 30 s");
}

struct MapRun {
    first_paint_ms: f64,
    first_map_ms: f64,
    first_map_shown_ms: f64,
    full_draw_ms: f64,
}

/// A fresh session: when the first map was drawn and when it was on
/// screen (the mark set after the frame that shows it), how long a full
/// draw took.
async fn first_map(query: &str) -> MapRun {
    let c = browser(1280, 1400).await;
    c.goto(&site(query)).await.expect("navigates");
    let first_map_ms = number(
        &c,
        "const m = performance.getEntriesByName('tien-do:first-map')[0];
         return m ? m.startTime : null;",
        "first map",
    )
    .await;
    let first_map_shown_ms = number(
        &c,
        &format!(
            "const m = performance.getEntriesByName('{APP_MAP_SHOWN}')[0];
             return m ? m.startTime : null;"
        ),
        "first map shown",
    )
    .await;
    let full_draw_ms = number(
        &c,
        "const m = performance.getEntriesByName('tien-do:map-base')[0];
         return m ? m.duration : null;",
        "full draw",
    )
    .await;
    let first_paint_ms = number(
        &c,
        "const p = performance.getEntriesByName('first-contentful-paint')[0];
         return p ? p.startTime : null;",
        "first paint",
    )
    .await;
    c.close().await.ok();
    MapRun {
        first_paint_ms,
        first_map_ms,
        first_map_shown_ms,
        full_draw_ms,
    }
}

/// Latency of switching the indicator `times` times, back and forth
/// between the first two: change event → the new map drawn.
async fn switches(c: &fantoccini::Client, times: usize) -> Vec<f64> {
    let mut out = Vec::new();
    for k in 0..times {
        let t0 = c
            .execute(
                "const s = document.querySelector('.picker select');
                 s.selectedIndex = arguments[0];
                 const t0 = performance.now();
                 s.dispatchEvent(new Event('change', {bubbles: true}));
                 return t0;",
                vec![((k + 1) % 2).into()],
            )
            .await
            .expect("switch")
            .as_f64()
            .unwrap_or(f64::NAN);
        let mut end = 0.0;
        for _ in 0..200 {
            end = number(
                c,
                "const m = performance.getEntriesByName('tien-do:map-base:end');
                 return m.length ? m[m.length - 1].startTime : null;",
                "redraw",
            )
            .await;
            if end > t0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert!(end > t0, "the map was redrawn after the switch");
        out.push(end - t0);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    out
}

async fn map_benchmark(summary: &mut Map<String, Value>) {
    println!();
    println!("Map: median of {RUNS} fresh sessions for the first map (drawn / on screen); hover (median / 95th percentile / max, pointer moves timed) and switch (median / max) in one session");
    println!(
        "{:<42} {:>9} {:>17} {:>12} {:>24} {:>17}",
        "layer",
        "paint ms",
        "first map ms",
        "full draw ms",
        "hover ms med/p95/max",
        "switch ms med/max"
    );
    // The official communes' hover is timed over more moves, for its 95th
    // percentile (the "within one frame").
    for (label, query, moves) in [
        ("34 provinces (demo data)", "?page=map&lang=en", 40),
        (
            "SYNTHETIC 3,321 communes",
            "?page=map&lang=en&data=../bench/synthetic-communes.json",
            40,
        ),
        (OFFICIAL_LABEL, OFFICIAL_APP, 200),
    ] {
        let mut runs = Vec::new();
        for _ in 0..RUNS {
            runs.push(first_map(query).await);
        }
        let c = browser(1280, 1400).await;
        c.goto(&site(query)).await.expect("navigates");
        number(
            &c,
            "const m = performance.getEntriesByName('tien-do:first-map')[0];
             return m ? m.startTime : null;",
            "first map",
        )
        .await;
        let times = tien_do_e2e::map::hover_times(&c, moves).await;
        let (h, shown_h) = (times.drawn, times.shown);
        let s = switches(&c, 6).await;
        c.close().await.ok();
        let paint = median(runs.iter().map(|r| r.first_paint_ms).collect());
        let first = median(runs.iter().map(|r| r.first_map_ms).collect());
        let shown = median(runs.iter().map(|r| r.first_map_shown_ms).collect());
        let full = median(runs.iter().map(|r| r.full_draw_ms).collect());
        let (hover_median, hover_p95) = (median(h.clone()), percentile(h.clone(), 95.0));
        let (shown_median, shown_p95) = (median(shown_h.clone()), percentile(shown_h, 95.0));
        summary.insert(
            format!("map {label}"),
            json!({
                "first_contentful_paint_ms": paint, "first_map_ms": first,
                "first_map_shown_ms": shown, "full_draw_ms": full,
                "hover_ms_median": hover_median, "hover_ms_p95": hover_p95,
                "hover_ms_max": max(&h), "hover_samples": h.len(),
                "hover_shown_ms_median": shown_median, "hover_shown_ms_p95": shown_p95,
                "switch_ms_median": median(s.clone()), "switch_ms_max": max(&s),
            }),
        );
        println!(
            "{label:<42} {paint:>9.0} {:>17} {:>12.1} {:>24} {:>17}",
            format!("{first:.0} / {shown:.0}"),
            full,
            format!(
                "{hover_median:.1} / {hover_p95:.1} / {:.1} ({})",
                max(&h),
                h.len()
            ),
            format!("{:.0} / {:.0}", median(s.clone()), max(&s)),
        );
        println!(
            "{:<42} hover until its frame is shown, ms med/p95: {shown_median:.1} / {shown_p95:.1}",
            ""
        );
    }
}

/// The D3 peer: from navigation until the first map is on screen (the
/// marks set after the frame that shows it), in the app and in the peer
/// page drawing the same map, in fresh sessions taken in turn (app, peer,
/// app, ...), so that both see the machine in the same state; medians and
/// the ratio app / peer, at 34 provinces, at the SYNTHETIC 3,321-unit
/// layer and at the 3,321 official communes with SYNTHETIC values (the
/// peer drawing the site's commune file, as the app does).
async fn d3_peer_benchmark(summary: &mut Map<String, Value>) {
    println!();
    println!("D3 peer: first map on screen, app vs a D3 + TopoJSON SVG page drawing the same map; median of {RUNS} fresh sessions each, taken in turn");
    println!(
        "{:<42} {:>10} {:>11} {:>10}",
        "layer", "app ms", "peer ms", "app/peer"
    );
    let mut out = Map::new();
    for (key, label, app_query, peer_query) in [
        ("34", "34 provinces (demo data)", "?page=map&lang=en", ""),
        (
            "34_first_view",
            "34 provinces, the first view (overview)",
            "?lang=en",
            "",
        ),
        (
            "3321",
            "SYNTHETIC 3,321 communes",
            "?page=map&lang=en&data=../bench/synthetic-communes.json",
            "?data=/bench/synthetic-communes.json",
        ),
        ("3321_official", OFFICIAL_LABEL, OFFICIAL_APP, OFFICIAL_PEER),
    ] {
        let (mut app, mut d3) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            app.push(mark_ms(&site(app_query), APP_MAP_SHOWN).await);
            d3.push(mark_ms(&peer(peer_query), PEER_MAP_SHOWN).await);
        }
        let (app, d3) = (median(app), median(d3));
        let ratio = app / d3;
        println!("{label:<42} {app:>10.0} {d3:>11.0} {ratio:>10.2}");
        out.insert(format!("app_ms_{key}"), json!(app));
        out.insert(format!("peer_ms_{key}"), json!(d3));
        out.insert(format!("ratio_{key}"), json!(ratio));
    }
    summary.insert("d3 peer".into(), Value::Object(out));
}

/// Charts: from navigation to the first chart drawn (median of fresh
/// sessions), and how long each chart takes to draw when the window's
/// width changes (every chart on the page redraws).
async fn chart_benchmark(summary: &mut Map<String, Value>) {
    println!();
    println!("Charts: first chart, median of {RUNS} fresh sessions; redraw of every chart after 4 width changes (median / max)");
    println!(
        "{:<40} {:>8} {:>14} {:>18}",
        "page", "charts", "first chart ms", "redraw ms med/max"
    );
    for (label, query) in [
        (
            "province (pillars, trend)",
            "?page=province&province=79&lang=en",
        ),
        ("tasks (tracker, targets)", "?page=tasks&lang=en"),
        ("map (ranking of 34)", "?page=map&lang=en"),
    ] {
        let mut firsts = Vec::new();
        let mut draws = Vec::new();
        let mut charts = 0.0;
        for run in 0..RUNS {
            let c = browser(1280, 1400).await;
            c.goto(&site(query)).await.expect("navigates");
            firsts.push(
                number(
                    &c,
                    "const m = performance.getEntriesByName('tien-do:first-chart')[0];
                     return m ? m.startTime : null;",
                    "first chart",
                )
                .await,
            );
            if run == 0 {
                tokio::time::sleep(Duration::from_millis(500)).await;
                charts = number(
                    &c,
                    "return document.querySelectorAll('.chart-canvas canvas[data-drawn]').length;",
                    "charts",
                )
                .await;
                c.execute(
                    "window.__draws = [];
                     new PerformanceObserver(l => l.getEntries().forEach(e => {
                       if (e.name === 'tien-do:chart-draw') window.__draws.push(e.duration);
                     })).observe({ entryTypes: ['measure'] });",
                    vec![],
                )
                .await
                .expect("observer");
                for w in [1100, 900, 1200, 1280] {
                    c.set_window_size(w, 1400).await.expect("resize");
                    tokio::time::sleep(Duration::from_millis(400)).await;
                }
                let got = c
                    .execute("return window.__draws;", vec![])
                    .await
                    .expect("draws");
                draws = got
                    .as_array()
                    .map(|a| a.iter().filter_map(|x| x.as_f64()).collect())
                    .unwrap_or_default();
            }
            c.close().await.ok();
        }
        let first = median(firsts);
        summary.insert(
            format!("charts {label}"),
            json!({
                "charts": charts, "first_chart_ms": first,
                "redraw_ms_median": median(draws.clone()), "redraw_ms_max": max(&draws),
            }),
        );
        println!(
            "{label:<40} {charts:>8.0} {:>14.0} {:>18}",
            first,
            format!(
                "{:.1} / {:.1} ({})",
                median(draws.clone()),
                max(&draws),
                draws.len()
            ),
        );
    }
}

/// The first view (the overview, with its map) in fresh sessions: the
/// requests it makes and their bytes on the wire (gzip, from nginx), the
/// first contentful paint, the first map, and the JS heap once drawn; and
/// how many of its requests are commune files (none: the commune layer's
/// files load only when it is asked for).
async fn first_view_benchmark(summary: &mut Map<String, Value>) {
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        let c = browser(1280, 900).await;
        c.goto(&site("")).await.expect("navigates");
        let first_map = number(
            &c,
            "const m = performance.getEntriesByName('tien-do:first-map')[0];
             return m ? m.startTime : null;",
            "first map",
        )
        .await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let got = c
            .execute(
                "const nav = performance.getEntriesByType('navigation')[0];
                 const all = [nav].concat(performance.getEntriesByType('resource'));
                 const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                 return [all.map(e => [e.name, e.transferSize]), fcp ? fcp.startTime : -1,
                         performance.memory ? performance.memory.usedJSHeapSize / 1e6 : -1];",
                vec![],
            )
            .await
            .expect("entries");
        c.close().await.ok();
        runs.push((got, first_map));
    }
    let files: Vec<(String, f64)> = runs[0].0[0]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            (
                e[0].as_str().unwrap_or_default().to_string(),
                e[1].as_f64().unwrap_or(0.0),
            )
        })
        .collect();
    let bytes: f64 = files.iter().map(|f| f.1).sum();
    let fcp = median(
        runs.iter()
            .map(|r| r.0[1].as_f64().unwrap_or(f64::NAN))
            .collect(),
    );
    let heap = median(
        runs.iter()
            .map(|r| r.0[2].as_f64().unwrap_or(f64::NAN))
            .collect(),
    );
    let first_map = median(runs.iter().map(|r| r.1).collect());
    let commune_files = files
        .iter()
        .filter(|f| f.0.contains("/geo/communes/") || f.0.contains("vn-communes-2025"))
        .count();
    println!();
    println!("First view (overview with its map), median of {RUNS} fresh sessions");
    println!(
        "{:>8} {:>16} {:>8} {:>12} {:>9} {:>13}",
        "requests", "bytes (gzip)", "FCP ms", "first map ms", "heap MB", "commune files"
    );
    println!(
        "{:>8} {bytes:>16.0} {fcp:>8.0} {first_map:>12.0} {heap:>9.1} {commune_files:>13}",
        files.len()
    );
    summary.insert(
        "first view".into(),
        json!({
            "requests": files.len(), "bytes_gzip": bytes,
            "files": files.iter().map(|f| json!({ "url": f.0, "bytes_gzip": f.1 })).collect::<Vec<_>>(),
            "first_contentful_paint_ms": fcp, "first_map_ms": first_map, "js_heap_mb": heap,
            "commune_files": commune_files,
        }),
    );
}

#[tokio::main]
async fn main() {
    let mut summary = Map::new();
    println!("Browser benchmark: headless Chromium, release build over nginx (gzip) on 127.0.0.1; median of {RUNS} fresh sessions");
    println!(
        "{:<46} {:>9} {:>11} {:>12} {:>9}",
        "data", "parse ms", "validate ms", "ready at ms", "heap MB"
    );
    for (label, query) in [
        ("demo (public/data/progress.json)", "?lang=en"),
        (
            "SYNTHETIC 3,321 communes x 16 x 8",
            "?lang=en&data=../bench/synthetic-communes.json",
        ),
    ] {
        let mut runs = Vec::new();
        for _ in 0..RUNS {
            runs.push(one(query).await);
        }
        let m = |f: fn(&Run) -> f64| median(runs.iter().map(f).collect());
        summary.insert(
            format!("data {label}"),
            json!({
                "parse_ms": m(|r| r.parse_ms), "validate_ms": m(|r| r.validate_ms),
                "ready_ms": m(|r| r.ready_ms), "js_heap_mb": m(|r| r.heap_mb),
            }),
        );
        println!(
            "{label:<46} {:>9.1} {:>11.1} {:>12.0} {:>9.1}",
            m(|r| r.parse_ms),
            m(|r| r.validate_ms),
            m(|r| r.ready_ms),
            m(|r| r.heap_mb)
        );
    }
    first_view_benchmark(&mut summary).await;
    map_benchmark(&mut summary).await;
    d3_peer_benchmark(&mut summary).await;
    chart_benchmark(&mut summary).await;
    std::fs::write(SUMMARY, Value::Object(summary).to_string()).expect("summary written");
}
