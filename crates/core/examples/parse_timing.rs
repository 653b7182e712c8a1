//! Times the app's reader of the data ([`parse_progress`], the crate's own
//! JSON reader) against serde_json's derived deserialiser, on a data file
//! (by default the demo), and checks that both read the same data:
//!
//!     cargo run -p tien-do-data --bin tien-do-data -- synthetic /tmp/bench
//!     cargo run -q --release -p tien-do-core --example parse_timing -- \
//!         /tmp/bench/synthetic-communes.json
//!
//! Times are medians (and the fastest) of 21 runs of each, taken in turn
//! so that a busy machine slows them alike.

use std::time::{Duration, Instant};
use tien_do_core::data::ProgressData;
use tien_do_core::{json, parse_progress};

const ROUNDS: usize = 21;

/// The schema check as `parse_progress` did it with serde_json: a struct
/// with only the version, read over the whole text.
#[derive(serde::Deserialize)]
struct Head {
    #[serde(default)]
    #[allow(dead_code)]
    schema_version: Option<serde_json::Value>,
}

/// The median and the fastest of `times`, in milliseconds.
fn summary(mut times: Vec<Duration>) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    format!("{:.2} ({:.2})", ms(times[times.len() / 2]), ms(times[0]))
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/data/progress.json"
        )
        .into()
    });
    let text = std::fs::read_to_string(&path).expect("the file is readable");
    let ours = parse_progress(&text).expect("the new reader reads it");
    let serde: ProgressData = serde_json::from_str(&text).expect("serde_json reads it");
    assert!(ours == serde, "both read the same data");
    println!("{path}: {:.1} MB", text.len() as f64 / 1e6);
    let runs: [(&str, &dyn Fn()); 6] = [
        ("skipping the whole file, new", &|| {
            let mut r = json::Reader::new(&text);
            r.skip_value().and_then(|()| r.end()).expect("skips");
        }),
        ("skipping the whole file, serde_json", &|| {
            serde_json::from_str::<serde::de::IgnoredAny>(&text).expect("skips");
        }),
        ("the data (one pass), new", &|| {
            json::from_str::<ProgressData>(&text).expect("reads");
        }),
        ("the data (one pass), serde_json", &|| {
            serde_json::from_str::<ProgressData>(&text).expect("reads");
        }),
        ("parse_progress (version, then data), new", &|| {
            parse_progress(&text).expect("reads");
        }),
        ("parse_progress (version, then data), serde_json", &|| {
            serde_json::from_str::<Head>(&text).expect("reads");
            serde_json::from_str::<ProgressData>(&text).expect("reads");
        }),
    ];
    let mut times = vec![Vec::new(); runs.len()];
    for _ in 0..ROUNDS {
        for ((_, run), times) in runs.iter().zip(&mut times) {
            let start = Instant::now();
            run();
            times.push(start.elapsed());
        }
    }
    println!("ms, median (fastest) of {ROUNDS} runs:");
    for ((name, _), times) in runs.iter().zip(times) {
        println!("{name:<50} {:>14}", summary(times));
    }
}
