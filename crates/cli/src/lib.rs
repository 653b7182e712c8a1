//! The publishers' tool behind the `tien-do-data` command: validate
//! published JSON, build it from CSV files, print its JSON Schema.

pub mod build;
pub mod communes;
pub mod embeds;
pub mod feed;
pub mod imports;
pub mod input;
pub mod synthetic;
pub mod synthetic_layer;
pub mod table;

use std::fmt::Write as _;
use std::path::Path;
use tien_do_core::validate::{validate, Severity};
use tien_do_core::{parse_progress, ProgressData};

/// Exit status: the data is valid (warnings allowed).
pub const OK: i32 = 0;
/// Exit status: the data has errors and must not be published.
pub const DATA_ERRORS: i32 = 1;
/// Exit status: the command was misused or a file could not be read.
pub const USAGE: i32 = 2;

/// At most this many problems are listed; the counts cover all.
const MAX_LISTED: usize = 200;

/// Validates the published JSON at `path`. Returns the exit status and a
/// report for people.
pub fn validate_file(path: &Path) -> (i32, String) {
    let text = match input::read_text(path) {
        Ok(t) => t,
        Err(e) => return (USAGE, format!("{e}\n")),
    };
    match parse_progress(&text) {
        Err(e) => {
            let mut out = format!("{}: {e}\n", path.display());
            if let Some(detail) = e.detail() {
                let _ = writeln!(out, "  detail: {detail}");
            }
            (DATA_ERRORS, out)
        }
        Ok(data) => report(&path.display().to_string(), &data),
    }
}

/// The validator's report on `data`, and the exit status it calls for:
/// the checks the app makes too, and those of the built-in communes, which
/// need the tool's table of the 3,321 ([`communes::validate_communes`]).
pub fn report(name: &str, data: &ProgressData) -> (i32, String) {
    let mut problems = validate(data);
    problems.extend(communes::validate_communes(data));
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let mut out = format!(
        "{name}: {errors} error(s), {warnings} warning(s); {} series, {} indicators, {} unit sets\n",
        data.series.len(),
        data.indicators.len(),
        data.unit_sets.len()
    );
    for p in problems.iter().take(MAX_LISTED) {
        let _ = writeln!(out, "  {p}");
    }
    if problems.len() > MAX_LISTED {
        let _ = writeln!(out, "  … and {} more", problems.len() - MAX_LISTED);
    }
    (if errors > 0 { DATA_ERRORS } else { OK }, out)
}

/// The JSON Schema of the published format, pretty-printed.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(ProgressData);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
