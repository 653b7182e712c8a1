//! A province publishing its communes' results as the README says: the
//! template filled in (as a spreadsheet saves it, leading zeros lost), the
//! built-in set `builtin:vn-commune-2025`, then `tien-do-data build`.

mod common;

use std::path::PathBuf;

use common::{root, run};

/// A folder with everything but `observations.csv`: the demo's dataset and
/// sources, the built-in commune set, one criterion and one period.
fn publisher_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tien-do-communes-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for file in ["dataset.csv", "sources.csv"] {
        std::fs::copy(root().join("data/demo").join(file), dir.join(file)).unwrap();
    }
    let files = [
        (
            "unit_sets.csv",
            "id,name_vi,name_en,level,valid_from,valid_to,units,source\n\
             vn-commune-2025,\"3.321 xã, phường, đặc khu\",\"3,321 communes, wards and special zones\",commune,2025-07-01,,builtin:vn-commune-2025,bando-units-2025\n",
        ),
        (
            "indicators.csv",
            "id,framework,name_vi,name_en,unit_vi,unit_en,decimals,percent,higher_is_better,min,max,source\n\
             online-services,commune_criteria,Dịch vụ công trực tuyến,Online public services,%,%,0,no,yes,0,100,bando-units-2025\n",
        ),
        (
            "periods.csv",
            "id,label_vi,label_en,unit_set\n2025,Năm 2025,2025,vn-commune-2025\n",
        ),
    ];
    for (file, text) in files {
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir
}

/// The template with Hà Nội's rows filled in (the other provinces' rows
/// left as they are), each line changed by `edit` (1-based data row, line).
fn filled_template(edit: impl Fn(usize, String) -> String) -> String {
    let template =
        std::fs::read_to_string(root().join("data/templates/commune-criteria.csv")).unwrap();
    let mut lines = template.lines();
    let mut out = lines.next().unwrap().to_string() + "\n";
    for (i, line) in lines.enumerate() {
        let line = if line.contains(",01,Hà Nội,") {
            let f: Vec<&str> = line.split(',').collect();
            // indicator,period,unit,unit_name_vi,unit_name_en,province,province_name_vi,value,note_vi,note_en,source
            format!(
                "online-services,2025,{},{},{},{},{},{},,,bando-units-2025",
                f[2],
                f[3],
                f[4],
                f[5],
                f[6],
                50 + i % 50
            )
        } else {
            line.to_string()
        };
        out.push_str(&edit(i + 1, line));
        out.push('\n');
    }
    out
}

/// Guards "codes with or without leading zeros": the build reads them as 5
/// digits, says which rows it fixed, and the result validates.
#[test]
fn the_build_gives_commune_codes_their_leading_zeros_and_says_so() {
    let dir = publisher_folder("zeros");
    let observations = filled_template(|row, line| match row {
        // As a spreadsheet keeps them: "00004" as 4, "00008" as 8.
        1 => line.replacen(",00004,", ",4,", 1),
        2 => line.replacen(",00008,", ",008,", 1),
        _ => line,
    });
    std::fs::write(dir.join("observations.csv"), observations).unwrap();
    let out = dir.join("out.json");
    let (code, _, err) = run(&["build", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning(s) in the CSV files:")
            && err.contains(
                "observations.csv: 2 commune code(s) written without their leading zeros were read as 5 digits: line 2 \"4\" as \"00004\", line 3 \"008\" as \"00008\""
            ),
        "{err}"
    );
    assert!(err.contains("0 error(s), 0 warning(s)"), "{err}");
    let data = tien_do_core::parse_progress(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let set = &data.unit_sets[0];
    assert!(set.is_builtin_communes_2025() && set.units.is_empty());
    let series = &data.series[0];
    assert_eq!(&series.units[..3], ["00004", "00008", "00025"]);
    assert_eq!(series.units.len(), 126, "Hà Nội's wards and communes");
    assert!(series.units.iter().all(|c| c.len() == 5));
    let (code, report, _) = run(&["validate", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{report}");
}

/// Guards the build's check of the built-in set: a code that is not one of
/// the 3,321 is an error naming the unit nearest to the row's name, and a
/// code whose unit has another name than the row's is a warning.
#[test]
fn the_build_names_the_nearest_commune_for_an_unknown_code() {
    let dir = publisher_folder("unknown");
    let observations = filled_template(|row, line| match row {
        1 => line.replacen(",00004,", ",00005,", 1),
        2 => line.replacen(",Phường Ngọc Hà,", ",Phường Giảng Võ,", 1),
        _ => line,
    });
    std::fs::write(dir.join("observations.csv"), observations).unwrap();
    let (code, out, err) = run(&["build", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "nothing is written when there are errors");
    assert!(
        err.contains(
            "observations.csv:2: column \"unit\": \"00005\" is not a commune code of 1 July 2025; did you mean 00004 Phường Ba Đình (Hà Nội)?"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "warning: ",
        ) && err.contains(
            "observations.csv:3: column \"unit\": 00008 is Phường Ngọc Hà (Hà Nội), but the row names it \"Phường Giảng Võ\"; the code is kept"
        ),
        "{err}"
    );
}
