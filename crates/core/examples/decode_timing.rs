//! Times the app's decoder of a boundary file ([`decode_first`]: the
//! TopoJSON read, then the regions built), by default the shipped 3,321
//! communes:
//!
//!     cargo run -q --release -p tien-do-core --example decode_timing -- \
//!         public/geo/vn-communes-2025.topo.json
//!
//! Times are medians (and the fastest) of 21 runs.

use std::time::{Duration, Instant};
use tien_do_core::boundaries::decode_first;

const ROUNDS: usize = 21;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/geo/vn-communes-2025.topo.json"
        )
        .into()
    });
    let text = std::fs::read_to_string(&path).expect("the file is readable");
    let regions = decode_first(&text).expect("decodes");
    println!(
        "{path}: {:.1} MB, {} regions",
        text.len() as f64 / 1e6,
        regions.len()
    );
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            decode_first(&text).expect("decodes");
            start.elapsed()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "decode_first, ms: median {:.2}, fastest {:.2} of {ROUNDS} runs",
        ms(times[ROUNDS / 2]),
        ms(times[0])
    );
}
