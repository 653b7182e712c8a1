//! Browser benchmark: the release site in headless Chromium, over nginx on
//! the loopback. For the demo data and the SYNTHETIC commune-scale file,
//! it reports the app's own measures (parse and validate, in wasm), the time
//! from navigation until the data is ready, and the JS heap. Run through
//! `scripts/bench.sh`, which builds and serves everything.

use std::time::Duration;
use tien_do_e2e::{browser, site};

const RUNS: usize = 5;

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

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

#[tokio::main]
async fn main() {
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
        println!(
            "{label:<46} {:>9.1} {:>11.1} {:>12.0} {:>9.1}",
            m(|r| r.parse_ms),
            m(|r| r.validate_ms),
            m(|r| r.ready_ms),
            m(|r| r.heap_mb)
        );
    }
}
