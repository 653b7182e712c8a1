//! Benchmark: how long the app's parse and the validator take on a SYNTHETIC
//! dataset at commune scale (3,321 units x 16 criteria x 8 periods).
//!
//!     cargo run --release -p tien-do-data --bin bench-data [-- OUT.json]
//!
//! With OUT.json, the synthetic file is also written there, and beside it
//! its synthetic boundary layer and the same SYNTHETIC values on the 3,321
//! official communes (`synthetic-communes-official.json`), for the browser
//! benchmarks. Times are medians of 7 runs on this machine.

use std::time::{Duration, Instant};
use tien_do_core::parse_progress;
use tien_do_core::validate::validate;
use tien_do_data::synthetic::{
    commune_scale, official_communes, BOUNDARIES_FILE, COMMUNES_2025, OFFICIAL_FILE,
};
use tien_do_data::synthetic_layer::{commune_layer, to_topojson};

fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..7)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let (criteria, periods) = (16, 8);
    let data = commune_scale(COMMUNES_2025, criteria, periods);
    let json = serde_json::to_string(&data).expect("serialises");
    let values = data.series.iter().map(|s| s.values.len()).sum::<usize>();
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(&path, &json).expect("written");
        // The layer beside it, where the data's relative address points.
        let dir = std::path::Path::new(&path)
            .parent()
            .unwrap_or(std::path::Path::new("."));
        let topo = dir.join(BOUNDARIES_FILE);
        let layer = to_topojson(&commune_layer(COMMUNES_2025)).to_string();
        std::fs::write(&topo, &layer).expect("written");
        let official = dir.join(OFFICIAL_FILE);
        let values =
            serde_json::to_string(&official_communes(criteria, periods)).expect("serialises");
        std::fs::write(&official, values).expect("written");
        println!(
            "wrote {path}, {} ({:.1} MB) and {}",
            topo.display(),
            layer.len() as f64 / 1e6,
            official.display()
        );
    }
    let parse = median(|| {
        parse_progress(&json).expect("parses");
    });
    let parsed = parse_progress(&json).expect("parses");
    let mut problems = 0;
    let check = median(|| problems = validate(&parsed).len());
    assert_eq!(problems, 0, "the synthetic data is valid");
    println!("SYNTHETIC dataset: {COMMUNES_2025} communes x {criteria} criteria x {periods} periods = {values} values");
    println!(
        "{:<34} {:>12}",
        "JSON size (compact)",
        format!("{:.1} MB", json.len() as f64 / 1e6)
    );
    println!(
        "{:<34} {:>12}",
        "parse (the app's parse_progress)",
        format!("{:.1} ms", parse.as_secs_f64() * 1e3)
    );
    println!(
        "{:<34} {:>12}",
        "validate",
        format!("{:.1} ms", check.as_secs_f64() * 1e3)
    );
}
