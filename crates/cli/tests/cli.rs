//! The `tien-do-data` command as publishers run it: the demo dataset, and a
//! corpus of broken files that must each give a clear message, never a
//! panic.

mod common;

use std::path::PathBuf;

use common::{root, run};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tien-do-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Guards the published demo file against drifting from its CSV sources.
#[test]
fn published_demo_file_is_the_build_of_data_demo() {
    let built = tien_do_data::build::build(&root().join("data/demo")).expect("demo CSVs build");
    let expected = serde_json::to_string_pretty(&built).unwrap() + "\n";
    let published = std::fs::read_to_string(root().join("public/data/progress.json")).unwrap();
    assert!(
        published == expected,
        "public/data/progress.json is stale: run `cargo run -p tien-do-data -- build data/demo -o public/data/progress.json --pretty`"
    );
}

#[test]
fn demo_dataset_validates_and_holds_dti_2024() {
    let (code, out, _) = run(&["validate", "public/data/progress.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 error(s), 0 warning(s)"), "{out}");
    let text = std::fs::read_to_string(root().join("public/data/progress.json")).unwrap();
    let data = tien_do_core::parse_progress(&text).unwrap();
    let s = data
        .series
        .iter()
        .find(|s| s.indicator == "dti" && s.period == "2024")
        .expect("DTI 2024 for the 34 units");
    assert_eq!(s.units.len(), 34);
    let value = |code: &str| s.values[s.units.iter().position(|u| u == code).unwrap()];
    let (best, worst) = s
        .values
        .iter()
        .flatten()
        .fold((f64::MIN, f64::MAX), |(b, w), v| (b.max(*v), w.min(*v)));
    assert_eq!(value("01"), Some(0.8241), "Hà Nội");
    assert_eq!(best, 0.8241, "Hà Nội first");
    assert_eq!(value("04"), Some(0.5128), "Cao Bằng");
    assert_eq!(worst, 0.5128, "Cao Bằng last");
    let source = data.source(&s.source).unwrap();
    assert_eq!(
        source.url.as_deref(),
        Some("https://dti.gov.vn/xep-hang-2024")
    );
    for period in ["2022", "2023", "2024-63"] {
        let s = data
            .series
            .iter()
            .find(|s| s.indicator == "dti" && s.period == period)
            .unwrap();
        assert_eq!(s.units.len(), 63, "{period}");
    }
    assert_eq!(
        data.series.iter().filter(|s| s.period == "2024").count(),
        9,
        "overall and 8 pillars"
    );
}

#[test]
fn schema_command_prints_the_json_schema() {
    let (code, out, _) = run(&["schema"]);
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&out).expect("the schema is JSON");
    assert_eq!(schema["title"], "ProgressData");
    for key in [
        "schema_version",
        "series",
        "indicators",
        "unit_sets",
        "national_figures",
    ] {
        assert!(schema["properties"].get(key).is_some(), "{key}");
    }
    let published =
        std::fs::read_to_string(root().join("public/schema/progress.schema.json")).unwrap();
    assert!(
        published == out,
        "public/schema/progress.schema.json is stale: run `cargo run -p tien-do-data -- schema > public/schema/progress.schema.json`"
    );
}

/// Each broken file gives exit status 1 or 2 and a message that says what
/// is wrong; none panics.
#[test]
fn broken_files_each_get_a_clear_message() {
    let dir = scratch("broken");
    let valid = std::fs::read_to_string(root().join("public/data/progress.json")).unwrap();
    let cases: Vec<(&str, Vec<u8>, i32, &str)> = vec![
        (
            "truncated.json",
            valid.as_bytes()[..valid.len() / 2].to_vec(),
            1,
            "damaged or badly formatted",
        ),
        ("empty.json", Vec::new(), 1, "damaged or badly formatted"),
        (
            "wrong-type.json",
            valid
                .replacen(
                    "\"schema_version\": 1",
                    "\"schema_version\": 1, \"sources\": 5",
                    1,
                )
                .into_bytes(),
            1,
            "damaged",
        ),
        (
            "future.json",
            valid
                .replacen("\"schema_version\": 1", "\"schema_version\": 7", 1)
                .into_bytes(),
            1,
            "format version 7",
        ),
        (
            "huge-number.json",
            valid.replacen("0.8241", "1e400", 1).into_bytes(),
            1,
            "damaged",
        ),
        (
            "nan-string.json",
            valid.replacen("0.8241", "\"NaN\"", 1).into_bytes(),
            1,
            "damaged",
        ),
        (
            "out-of-range.json",
            valid.replacen("0.8241", "8241", 1).into_bytes(),
            1,
            "lies outside the range 0 to 1",
        ),
        (
            "html-page.json",
            b"<!DOCTYPE html><html><body>404</body></html>".to_vec(),
            1,
            "web page instead",
        ),
        (
            "latin1.json",
            b"{\"title\": \"H\xe0 N\xf4i\"}".to_vec(),
            2,
            "not UTF-8",
        ),
        (
            "utf16.json",
            vec![0xFF, 0xFE, b'{', 0, b'}', 0],
            2,
            "UTF-16",
        ),
        (
            "javascript-url.json",
            valid
                .replacen(
                    "\"https://dti.gov.vn/xep-hang-2022\"",
                    "\"javascript:alert(1)\"",
                    1,
                )
                .into_bytes(),
            1,
            "not an http(s) address",
        ),
    ];
    for (name, bytes, expected, needle) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, out, err) = run(&["validate", path.to_str().unwrap()]);
        assert_eq!(code, expected, "{name}: {out}{err}");
        assert!(
            out.contains(needle) || err.contains(needle),
            "{name}: {out}{err}"
        );
    }
}

/// HTML in names is text, not a problem: the app shows it as written.
#[test]
fn html_in_names_is_valid_text() {
    let dir = scratch("html");
    let valid = std::fs::read_to_string(root().join("public/data/progress.json")).unwrap();
    let path = dir.join("html.json");
    std::fs::write(
        &path,
        valid.replacen("\"Hà Nội\"", "\"<script>alert('x')</script>\"", 1),
    )
    .unwrap();
    let (code, out, _) = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
}

/// Guards against a panic or a hang on a large file: 50 MB, read whole.
#[test]
fn fifty_megabyte_file_is_handled() {
    let dir = scratch("big");
    let valid = std::fs::read_to_string(root().join("public/data/progress.json")).unwrap();
    let padding = "x".repeat(50 * 1024 * 1024);
    let big = valid.replacen(
        "\"title\": {",
        &format!("\"padding_added_later\": \"{padding}\", \"title\": {{"),
        1,
    );
    let path = dir.join("big.json");
    std::fs::write(&path, &big).unwrap();
    let (code, out, _) = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "a large but valid file validates: {out}");
    std::fs::write(&path, &big[..big.len() - 10]).unwrap();
    let (code, out, _) = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
}

/// CSV problems name the file, the line and the column.
#[test]
fn csv_errors_name_file_line_and_column() {
    let dir = scratch("csv");
    let copy = |name: &str| {
        std::fs::copy(root().join("data/demo").join(name), dir.join(name)).unwrap();
    };
    for name in [
        "dataset.csv",
        "sources.csv",
        "meetings.csv",
        "unit_sets.csv",
        "indicators.csv",
        "periods.csv",
    ] {
        copy(name);
    }
    std::fs::write(
        dir.join("observations.csv"),
        "\u{feff}indicator,period,unit,value,source\n\
         dti,2024,01,0.8241,dti-2024\n\
         dti,2024,01,0.8,dti-2024\n\
         dti,2024,04,không có,dti-2024\n\
         dti,2024,99,0.5,dti-2024\n",
    )
    .unwrap();
    let (code, _, err) = run(&["build", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("observations.csv:3: a second value for unit \"01\" (the first is on line 2)"),
        "{err}"
    );
    assert!(
        err.contains("observations.csv:4: column \"value\": \"không có\" is not a number"),
        "{err}"
    );

    // Fixed rows, but a unit code that is not one of the 34: the validator
    // names its place in the built JSON.
    std::fs::write(
        dir.join("observations.csv"),
        "indicator,period,unit,value,source\ndti,2024,01,0.8241,dti-2024\ndti,2024,99,0.5,dti-2024\n",
    )
    .unwrap();
    let (code, out, err) = run(&["build", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error at /series/0/units/1: \"99\" is not a unit"),
        "{err}"
    );
    assert!(out.is_empty(), "nothing is written when there are errors");

    // Single tasks: a status that is not one of the three, and an owner
    // that is not a province.
    std::fs::write(
        dir.join("observations.csv"),
        "indicator,period,unit,value,source\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("tasks.csv"),
        "id,title_vi,title_en,owner_vi,owner_en,owner_unit,deadline,status,as_of,meeting,source\n\
         t1,Ban hành chiến lược,Issue the strategy,Đà Nẵng,Da Nang,48,2025-12-31,in_progress,2025-09-23,,dti-2024\n\
         t2,Việc khác,Other task,Bộ X,Ministry X,,,done,2025-09-23,,dti-2024\n",
    )
    .unwrap();
    let (code, _, err) = run(&["build", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "tasks.csv:3: column \"status\": \"done\" is not completed, in_progress or overdue"
        ),
        "{err}"
    );
    std::fs::write(
        dir.join("tasks.csv"),
        "id,title_vi,owner_vi,owner_unit,status,as_of,source\nt1,Việc,Tỉnh,99,overdue,2025-09-23,dti-2024\n",
    )
    .unwrap();
    let (code, _, err) = run(&["build", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error at /tasks/0/owner/unit: \"99\" is not a province"),
        "{err}"
    );

    std::fs::remove_file(dir.join("dataset.csv")).unwrap();
    let (code, _, err) = run(&["build", dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("dataset.csv: cannot be read"), "{err}");
}

#[test]
fn misuse_gives_help_and_status_2() {
    let (code, _, err) = run(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("USAGE"));
    let (code, out, _) = run(&["validate", "/no/such/file.json"]);
    assert_eq!(code, 2);
    assert!(out.contains("cannot be read"), "{out}");
}

/// Guards the synthetic generator: both files written, labelled SYNTHETIC,
/// the data valid and naming its layer, every unit drawn.
#[test]
fn synthetic_command_writes_labelled_data_and_layer() {
    let dir = scratch("synthetic");
    let (code, _, err) = run(&["synthetic", dir.to_str().unwrap(), "--communes", "250"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("SYNTHETIC"), "{err}");
    let json = dir.join("synthetic-communes.json");
    let (code, out, _) = run(&["validate", json.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let data = tien_do_core::parse_progress(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert!(data.title.en.starts_with("SYNTHETIC"));
    let set = &data.unit_sets[0];
    assert_eq!(set.boundaries_link(), Some("synthetic-communes.topo.json"));
    let topo = std::fs::read_to_string(dir.join("synthetic-communes.topo.json")).unwrap();
    assert!(topo.contains("SYNTHETIC"));
    let regions = tien_do_core::boundaries::decode_first(&topo).unwrap();
    let drawn: Vec<&str> = regions.iter().map(|r| r.code.as_str()).collect();
    let listed: Vec<&str> = set.units.iter().map(|u| u.code.as_str()).collect();
    assert_eq!(drawn, listed, "one shape per unit, same codes, same order");
    let (code, _, err) = run(&["synthetic", dir.to_str().unwrap(), "--communes", "x"]);
    assert_eq!(code, 2, "{err}");
}

/// Guards the benchmark's file on the real commune boundaries: written
/// beside the others, SYNTHETIC in every label, on the built-in set of
/// the 3,321 communes with all their codes (whatever `--communes`), no
/// boundary file of its own, and valid for the publishers' tool, whose
/// check of the codes against its table does hold it.
#[test]
fn synthetic_command_writes_values_on_the_official_communes() {
    let dir = scratch("synthetic-official");
    let (code, _, err) = run(&["synthetic", dir.to_str().unwrap(), "--communes", "250"]);
    assert_eq!(code, 0, "{err}");
    let json = dir.join("synthetic-communes-official.json");
    assert!(
        err.contains("synthetic-communes-official.json (SYNTHETIC)"),
        "{err}"
    );
    let (code, out, _) = run(&["validate", json.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 error(s), 0 warning(s)"), "{out}");
    let text = std::fs::read_to_string(&json).unwrap();
    let data = tien_do_core::parse_progress(&text).unwrap();
    assert!(data.title.en.starts_with("SYNTHETIC") && data.title.vi.contains("GIẢ LẬP"));
    assert!(data
        .sources
        .iter()
        .all(|s| s.title.en.contains("Synthetic") && s.publisher.en.contains("Synthetic")));
    assert!(data
        .indicators
        .iter()
        .all(|i| i.name.en.starts_with("Synthetic")));
    assert!(data
        .periods
        .iter()
        .all(|p| p.label.en.starts_with("Synthetic") && p.unit_set == "vn-commune-2025"));
    assert_eq!(data.unit_sets.len(), 1);
    let set = &data.unit_sets[0];
    assert_eq!(set.builtin.as_deref(), Some("vn-commune-2025"));
    assert!(set.name.en.contains("SYNTHETIC"), "{:?}", set.name);
    assert!(set.units.is_empty() && set.boundaries.is_none());
    let official: Vec<&str> = tien_do_data::communes::communes_2025()
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(official.len(), 3321);
    assert_eq!(data.series.len(), 16 * 8);
    for s in &data.series {
        assert_eq!(
            s.units.iter().map(String::as_str).collect::<Vec<_>>(),
            official,
            "every real code, in the table's order"
        );
    }
    let values: Vec<Option<f64>> = data.series.iter().flat_map(|s| s.values.to_vec()).collect();
    let missing = values.iter().filter(|v| v.is_none()).count() as f64 / values.len() as f64;
    assert!((0.04..0.06).contains(&missing), "about 1 in 20: {missing}");
    // The codes are real: one that is not is an error.
    let broken = dir.join("broken.json");
    std::fs::write(&broken, text.replacen("\"00004\"", "\"99999\"", 1)).unwrap();
    let (code, out, _) = run(&["validate", broken.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("99999"), "{out}");
}
