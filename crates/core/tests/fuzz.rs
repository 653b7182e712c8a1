//! Property tests: the parser and the validator never panic, whatever they
//! are given. Plain `cargo test` runs 256 cases of each; for a longer run:
//!
//!     PROPTEST_CASES=100000 cargo test --release -p tien-do-core --test fuzz
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tien_do_core::data::*;
use tien_do_core::validate::validate;
use tien_do_core::{parse_progress, LoadError};

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
    /// validator never panics, and the file written from it parses back
    /// (JSON has no NaN nor infinity: such a number is written as null,
    /// which a series reads as "not published" and a range refuses with a
    /// clear error). Everything but these numbers comes back exactly.
    #[test]
    fn validate_never_panics_on_random_series(
        units in prop::collection::vec("[0-9]{1,5}", 0..40),
        values in prop::collection::vec(prop::option::of(any::<f64>()), 0..40),
        min in any::<f64>(),
        max in any::<f64>(),
        period in "[0-9]{4}",
    ) {
        let d = with_series(ValueRange { min, max }, units, values, period);
        let _ = validate(&d);
        let json = serde_json::to_string(&d).expect("the data is written");
        match parse_progress(&json) {
            Ok(read) => {
                prop_assert!(min.is_finite() && max.is_finite(), "a range of {min}..{max} read back");
                let written = &d.series.last().unwrap().values;
                let back = &read.series.last().unwrap().values;
                let published = |v: &[Option<f64>], finite: bool| -> Vec<bool> {
                    v.iter().map(|x| x.is_some_and(|x| !finite || x.is_finite())).collect()
                };
                prop_assert_eq!(published(back, false), published(written, true));
                let mut expected = d.clone();
                expected.series.last_mut().unwrap().values = back.clone();
                expected.indicators[0].range = read.indicators[0].range;
                prop_assert_eq!(read, expected);
            }
            Err(e) => prop_assert!(
                !(min.is_finite() && max.is_finite()) && matches!(e, LoadError::Malformed { .. }),
                "{:?}", e
            ),
        }
    }

    /// Numbers as publishers write them (decimals of up to 15 significant
    /// digits): the file written parses back to exactly the same data.
    /// (parse_progress reads every number exactly, 17-digit doubles too;
    /// serde_json's default float parsing, which it used before, may be
    /// one or two units in the last place off beyond 15 digits.)
    #[test]
    fn published_numbers_parse_back_exactly(
        units in prop::collection::vec("[0-9]{1,5}", 0..40),
        values in prop::collection::vec(prop::option::of(decimal()), 0..40),
        min in decimal(),
        max in decimal(),
        period in "[0-9]{4}",
    ) {
        let d = with_series(ValueRange { min, max }, units, values, period);
        let json = serde_json::to_string(&d).expect("the data is written");
        prop_assert_eq!(parse_progress(&json), Ok(d));
    }
}

/// A decimal number of up to 15 significant digits, with up to 12 after
/// the point.
fn decimal() -> impl Strategy<Value = f64> {
    (-999_999_999_999_999i64..=999_999_999_999_999, 0i32..=12)
        .prop_map(|(digits, scale)| digits as f64 / 10f64.powi(scale))
}

/// The demo data with `range` on its first indicator and one more series.
fn with_series(
    range: ValueRange,
    units: Vec<String>,
    values: Vec<Option<f64>>,
    period: String,
) -> ProgressData {
    let mut d = parse_progress(DEMO).expect("demo parses");
    d.indicators[0].range = Some(range);
    d.series.push(Series {
        indicator: "dti".into(),
        period,
        units: units.into(),
        values: values.into(),
        notes: Default::default(),
        source: "dti-2024".into(),
    });
    d
}

/// The largest char boundary at or below `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
