//! Where the time goes until the first map: a Chromium trace of one page
//! load, from navigation to the app's mark `tien-do:first-map-shown` (or
//! the D3 peer's), read back through ChromeDriver's performance log. It
//! prints
//!   - the page's requests: when each was sent, answered and finished;
//!   - the page's own performance marks;
//!   - every task of the page's main thread over 2 ms, with what it spent
//!     its time on (script, wasm compiled on first call, layout, paint…);
//!   - where the wasm carries its function names (`scripts/trace.sh
//!     --named` swaps them in), the functions that took the most samples
//!     of V8's profiler, themselves and with what they called.
//!
//! With `--hover` first, the same report over 60 pointer moves on the map
//! once it is shown (from a second after the mark to the last move).
//! `TRACE_CATEGORIES`: the trace's categories, in place of either list
//! below. `TRACE_DUMP=FILE`: every event of the trace written to FILE as
//! one JSON array, to read with other tools (such as the raster threads'
//! work).
//!
//! A tool to look with, not a benchmark: tracing slows the page (a map
//! shown at 370 ms comes at about 400 ms), and one load is one sample. Run
//! through `scripts/trace.sh`, which serves the built site; for example
//! `bash scripts/trace.sh '?page=map&lang=en'`.

use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use tien_do_e2e::{
    base_url, mark_in, peer, session, site, SessionCommand, APP_MAP_SHOWN, PEER_MAP_SHOWN,
};

/// The trace's categories: the main thread's tasks and what they ran,
/// wasm compilation, the page's marks, the network, V8's sampling
/// profiler.
const CATEGORIES: &str = "devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.wasm,\
                          blink.user_timing,loading,disabled-by-default-v8.cpu_profiler";

/// TRACE_LIGHT=1: only the tasks, the marks and the network, without
/// V8's profiler and its code logging, which slow the page several times
/// over: the times as a reader's browser spends them.
const LIGHT_CATEGORIES: &str = "devtools.timeline,blink.user_timing,loading";

/// Tasks shorter than this are left out of the list, in ms.
const SHORT_TASK_MS: f64 = 2.0;

#[tokio::main]
async fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let hover = args.first().is_some_and(|a| a == "--hover");
    if hover {
        args.remove(0);
    }
    let query = args
        .first()
        .cloned()
        .unwrap_or_else(|| "?page=map&lang=en".into());
    let (url, mark) = match query.strip_prefix("peer") {
        Some(q) => (peer(q), PEER_MAP_SHOWN),
        None => (site(&query), APP_MAP_SHOWN),
    };
    let events = trace(&url, mark, hover).await;
    if let Ok(file) = std::env::var("TRACE_DUMP") {
        let all = serde_json::to_string(&events).expect("the events as JSON");
        std::fs::write(&file, all).expect("TRACE_DUMP is writable");
    }
    report(&events, mark, &base_url(), hover);
}

/// With `--hover`: once the map is shown (and a second has passed), 60
/// pointer moves over the map's canvas, 30 ms apart, as
/// `tests/e2e/src/map.rs`'s hover timing makes them.
const HOVERS: &str = "
    const c = document.querySelector('.choropleth canvas');
    const r = c.getBoundingClientRect();
    let seed = 7;
    for (let i = 0; i < 60; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const fx = 0.3 + 0.4 * (seed / 2147483648);
      const fy = 0.1 + 0.8 * (((seed >> 8) % 65536) / 65536);
      c.dispatchEvent(new PointerEvent('pointermove', {
        clientX: r.left + r.width * fx, clientY: r.top + r.height * fy,
        pointerType: 'mouse', pointerId: 1, bubbles: true }));
      await new Promise(res => setTimeout(res, 30));
    }
    performance.mark('trace:hovers-done');";

/// The trace events of a fresh browser loading `url` until `mark`.
async fn trace(url: &str, mark: &str, hover: bool) -> Vec<Value> {
    let c = session(
        json!({
            "perfLoggingPrefs": {
                "enableNetwork": false,
                "enablePage": false,
                "traceCategories": std::env::var("TRACE_CATEGORIES").unwrap_or_else(|_| {
                    if std::env::var("TRACE_LIGHT").is_ok_and(|v| v == "1") {
                        LIGHT_CATEGORIES
                    } else {
                        CATEGORIES
                    }
                    .to_string()
                }),
            },
        }),
        json!({ "goog:loggingPrefs": { "performance": "ALL" } }),
    )
    .await;
    c.set_window_size(1280, 1400).await.expect("window size");
    c.goto(url).await.expect("navigates");
    mark_in(&c, mark).await;
    if hover {
        tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
        c.execute(HOVERS, vec![]).await.expect("the pointer moves");
    }
    // The trace is handed over in pieces: let the last ones come.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let log = c
        .issue_cmd(SessionCommand::log("performance"))
        .await
        .expect("the performance log");
    c.close().await.ok();
    log.as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| serde_json::from_str::<Value>(entry["message"].as_str()?).ok())
        .filter(|m| m["message"]["method"] == "Tracing.dataCollected")
        .map(|m| m["message"]["params"].clone())
        .collect()
}

/// An event's time, in µs of the trace clock.
fn ts(e: &Value) -> f64 {
    e["ts"].as_f64().unwrap_or(0.0)
}

fn report(events: &[Value], mark: &str, origin: &str, hover: bool) {
    let Some(shown) = events.iter().find(|e| e["name"] == mark) else {
        println!("the trace holds no mark {mark}");
        return;
    };
    let (pid, tid) = (shown["pid"].clone(), shown["tid"].clone());
    let Some(mut t0) = events
        .iter()
        .filter(|e| e["name"] == "navigationStart" && e["pid"] == pid)
        .map(ts)
        .find(|t| *t <= ts(shown))
    else {
        println!("the trace holds no navigation");
        return;
    };
    let mut t1 = ts(shown);
    if hover {
        // From the first pointer move to the last.
        let Some(done) = events.iter().find(|e| e["name"] == "trace:hovers-done") else {
            println!("the trace holds no end of the pointer moves");
            return;
        };
        (t0, t1) = (ts(shown) + 1_000_000.0, ts(done));
    }
    let ms = |t: f64| (t - t0) / 1000.0;

    println!("requests (ms from navigation: sent / answered / finished)");
    let mut requests: BTreeMap<String, (String, [Option<f64>; 3])> = BTreeMap::new();
    for e in events {
        let data = &e["args"]["data"];
        let Some(id) = data["requestId"].as_str() else {
            continue;
        };
        let slot = match e["name"].as_str() {
            Some("ResourceSendRequest") => 0,
            Some("ResourceReceiveResponse") => 1,
            Some("ResourceFinish") => 2,
            _ => continue,
        };
        if slot == 0 {
            let url = data["url"].as_str().unwrap_or_default();
            let host = origin.split("/tien-do/").next().unwrap_or(origin);
            if !url.starts_with(host) {
                continue;
            }
            let name = url.rsplit('/').next().unwrap_or(url).to_string();
            requests.entry(id.to_string()).or_default().0 = name;
        }
        if let Some(r) = requests.get_mut(id) {
            r.1[slot].get_or_insert(ms(ts(e)));
        }
    }
    let mut rows: Vec<_> = requests
        .into_values()
        .filter(|(n, _)| !n.is_empty())
        .collect();
    rows.sort_by(|a, b| {
        a.1[0]
            .partial_cmp(&b.1[0])
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let at = |t: Option<f64>| t.map_or("-".to_string(), |t| format!("{t:.0}"));
    for (name, [sent, answered, done]) in rows {
        println!(
            "  {:>6} {:>6} {:>6}  {name}",
            at(sent),
            at(answered),
            at(done)
        );
    }

    println!("marks (ms from navigation)");
    let mut marks: Vec<(f64, &str)> = events
        .iter()
        .filter(|e| e["pid"] == pid && e["cat"].as_str().is_some_and(|c| c.contains("user_timing")))
        // A measure's start, not its end as well.
        .filter(|e| e["ph"] != "e")
        .filter_map(|e| Some((ms(ts(e)), e["name"].as_str()?)))
        .filter(|(t, n)| (n.starts_with("tien-do:") || n.starts_with("peer:")) && *t >= 0.0)
        .collect();
    marks.sort_by(|a, b| a.0.total_cmp(&b.0));
    marks.dedup_by(|a, b| a.1 == b.1);
    for (t, name) in marks {
        println!("  {t:>6.1}  {name}");
    }

    println!("main thread: tasks over {SHORT_TASK_MS} ms (start, length, what they spent it on)");
    let mut on_main: Vec<&Value> = events
        .iter()
        .filter(|e| e["pid"] == pid && e["tid"] == tid && e["ph"] == "X")
        .filter(|e| (t0..=t1).contains(&ts(e)))
        .collect();
    on_main.sort_by(|a, b| ts(a).total_cmp(&ts(b)));
    let dur = |e: &Value| e["dur"].as_f64().unwrap_or(0.0);
    let mut busy = 0.0;
    let mut i = 0;
    while i < on_main.len() {
        let task = on_main[i];
        let end = ts(task) + dur(task);
        let mut parts: HashMap<&str, f64> = HashMap::new();
        i += 1;
        while i < on_main.len() && ts(on_main[i]) < end {
            let e = on_main[i];
            *parts.entry(e["name"].as_str().unwrap_or("?")).or_default() += dur(e);
            i += 1;
        }
        if dur(task) / 1000.0 < SHORT_TASK_MS {
            continue;
        }
        busy += dur(task);
        let mut parts: Vec<_> = parts.into_iter().collect();
        parts.sort_by(|a, b| b.1.total_cmp(&a.1));
        let parts: Vec<String> = parts
            .iter()
            .take(6)
            .map(|(n, d)| format!("{n} {:.1}", d / 1000.0))
            .collect();
        println!(
            "  {:>6.1} +{:>5.1}  {}",
            ms(ts(task)),
            dur(task) / 1000.0,
            parts.join(", ")
        );
    }
    println!("  busy {:.0} ms of {:.0}", busy / 1000.0, ms(t1));

    // TRACE_WINDOW=FROM,TO: the profile of that stretch alone, each end
    // ms from navigation or a mark's name (its first), as listed above.
    let at_mark = |end: &str| -> Option<f64> {
        if let Ok(t) = end.trim().parse::<f64>() {
            return Some(t0 + t * 1000.0);
        }
        events
            .iter()
            .filter(|e| e["pid"] == pid && e["name"] == end.trim() && e["ph"] != "e")
            .map(ts)
            .filter(|t| *t >= t0)
            .min_by(f64::total_cmp)
    };
    let window = std::env::var("TRACE_WINDOW").ok().and_then(|w| {
        let (a, b) = w.split_once(',')?;
        Some((at_mark(a)?, at_mark(b)?))
    });
    profile(events, &pid, window.unwrap_or((t0, t1)));
}

/// V8's samples of the page's process between `t0` and `t1`: the
/// functions most often on top, and most often anywhere on the stack.
fn profile(events: &[Value], pid: &Value, (t0, t1): (f64, f64)) {
    let mut starts: HashMap<String, f64> = HashMap::new();
    let mut nodes: HashMap<(String, i64), (String, Option<i64>)> = HashMap::new();
    let mut samples: Vec<(String, i64, f64)> = Vec::new();
    let mut clock: HashMap<String, f64> = HashMap::new();
    for e in events.iter().filter(|e| &e["pid"] == pid) {
        let id = e["id"].as_str().unwrap_or_default().to_string();
        let data = &e["args"]["data"];
        match e["name"].as_str() {
            Some("Profile") => {
                starts.insert(id, data["startTime"].as_f64().unwrap_or(0.0));
            }
            Some("ProfileChunk") => {
                let profile = &data["cpuProfile"];
                for n in profile["nodes"].as_array().into_iter().flatten() {
                    let name = n["callFrame"]["functionName"].as_str().unwrap_or_default();
                    nodes.insert(
                        (id.clone(), n["id"].as_i64().unwrap_or(0)),
                        (
                            if name.is_empty() {
                                "(anonymous)".into()
                            } else {
                                name.into()
                            },
                            n["parent"].as_i64(),
                        ),
                    );
                }
                let deltas = data["timeDeltas"].as_array().cloned().unwrap_or_default();
                let t = clock
                    .entry(id.clone())
                    .or_insert_with(|| starts.get(&id).copied().unwrap_or(0.0));
                for (s, d) in profile["samples"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .zip(&deltas)
                {
                    *t += d.as_f64().unwrap_or(0.0);
                    samples.push((id.clone(), s.as_i64().unwrap_or(0), *t));
                }
            }
            _ => {}
        }
    }
    let named = nodes.values().any(|(n, _)| n.contains("tien_do"));
    if !named {
        println!("(no function names in the wasm: `bash scripts/trace.sh --named` for them)");
        return;
    }
    let (mut own, mut with_callees): (HashMap<&str, usize>, HashMap<&str, usize>) =
        (HashMap::new(), HashMap::new());
    let mut total = 0;
    for (id, node, t) in &samples {
        if !(t0..=t1).contains(t) {
            continue;
        }
        let Some((name, _)) = nodes.get(&(id.clone(), *node)) else {
            continue;
        };
        if name == "(idle)" {
            continue;
        }
        total += 1;
        *own.entry(name).or_default() += 1;
        let mut seen = HashSet::new();
        let mut at = Some(*node);
        while let Some(n) = at {
            let Some((name, parent)) = nodes.get(&(id.clone(), n)) else {
                break;
            };
            if seen.insert(name.as_str()) {
                *with_callees.entry(name).or_default() += 1;
            }
            at = *parent;
        }
    }
    // TRACE_FUNCTIONS: how many functions each list names (30 unless set).
    let shown = std::env::var("TRACE_FUNCTIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(30);
    for (title, counts) in [("themselves", own), ("with what they called", with_callees)] {
        println!("functions, by samples {title} (of {total} busy samples)");
        let mut counts: Vec<_> = counts.into_iter().collect();
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        for (name, n) in counts.into_iter().take(shown) {
            let short: String = name.chars().take(150).collect();
            println!("  {n:>5}  {short}");
        }
    }
}
