//! Property tests: the parser and the validator never panic, whatever they
//! are given. Plain `cargo test` runs 256 cases of each; for a longer run:
//!
//!     PROPTEST_CASES=100000 cargo test --release -p tien-do-core --test fuzz
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tien_do_core::data::*;
use tien_do_core::parse_progress;
use tien_do_core::validate::validate;

const DEMO: &str = include_str!("../../../public/data/progress.json");

proptest! {
    /// Any text at all.
    #[test]
    fn parse_never_panics_on_any_text(text in any::<String>()) {
        let _ = parse_progress(&text);
    }

    /// Text that looks like JSON: brackets, quotes, numbers, keywords.
    #[test]
    fn parse_never_panics_on_json_like_text(text in r#"[\{\}\[\]":,0-9eE.+\- a-z_]{0,200}"#) {
        if let Ok(d) = parse_progress(&text) {
            let _ = validate(&d);
        }
    }

    /// The real demo file cut short, or with a stretch replaced: the parser
    /// reports it and, where it still parses, the validator copes.
    #[test]
    fn damaged_demo_file_never_panics(
        cut in 0..DEMO.len(),
        at in 0..DEMO.len(),
        junk in r#"[\{\}\[\]":,0-9.\-a-z ]{0,12}"#,
        len in 0usize..12,
    ) {
        let cut = floor_char(DEMO, cut);
        let _ = parse_progress(&DEMO[..cut]);
        let at = floor_char(DEMO, at);
        let end = floor_char(DEMO, (at + len).min(DEMO.len()));
        let damaged = format!("{}{}{}", &DEMO[..at], junk, &DEMO[end..]);
        if let Ok(d) = parse_progress(&damaged) {
            let _ = validate(&d);
        }
    }

    /// Structured data with random codes, lengths and extreme values: the
    /// validator never panics, and a file that serialises parses back.
    #[test]
    fn validate_never_panics_on_random_series(
        units in prop::collection::vec("[0-9]{1,5}", 0..40),
        values in prop::collection::vec(prop::option::of(any::<f64>()), 0..40),
        min in any::<f64>(),
        max in any::<f64>(),
        period in "[0-9]{4}",
    ) {
        let mut d = parse_progress(DEMO).expect("demo parses");
        if let Some(ind) = d.indicators.first_mut() {
            ind.range = Some(ValueRange { min, max });
        }
        d.series.push(Series {
            indicator: "dti".into(),
            period,
            units,
            values,
            notes: Default::default(),
            source: "dti-2024".into(),
        });
        let _ = validate(&d);
        if let Ok(json) = serde_json::to_string(&d) {
            // Non-finite numbers are written as null; either way no panic.
            let _ = parse_progress(&json);
        }
    }
}

/// The largest char boundary at or below `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
